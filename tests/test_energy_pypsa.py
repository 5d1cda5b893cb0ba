"""PyPSA technology-data: values taken from it equal its rows; the comparison flags outliers.

Conversions by hand use 1.142 USD per EUR (ecoplan's 2020 rate) and 1 %/a = 0.01 /a.
"""

from __future__ import annotations

import pytest

from ecoplan.energy.sources import SourceDataError, real_data_folder
from ecoplan.energy.sources.pypsa import (
    BAND,
    compare_with_pypsa,
    convert,
    pypsa_row,
    pypsa_value,
)
from ecoplan.energy.technologies import load_technologies, technology_data

USD_PER_EUR = 1.142
EXACT = 1e-12
"""Relative tolerance for values that must equal the converted source row."""

pytestmark = pytest.mark.skipif(
    not (real_data_folder() / "pypsa-technology-costs").exists(),
    reason="PyPSA technology-data tables not present in the shared data folder",
)


def pypsa_rows_of_table():  # type: ignore[no-untyped-def]
    data = technology_data()
    return data[data["source"].str.startswith("PyPSA")]


def test_taken_values_equal_pypsa_rows() -> None:
    """Each ``dataset`` row from PyPSA equals its source row after unit conversion."""
    rows = pypsa_rows_of_table()
    dataset = rows[rows["kind"] == "dataset"]
    assert len(dataset) == 5  # fuel cell investment in 3 years, efficiency, lifetime
    for row in dataset.itertuples():
        expected = pypsa_value(str(row.source_key), str(row.unit))
        assert row.value == pytest.approx(expected, rel=EXACT), row


def test_fixed_om_is_fom_times_investment() -> None:
    rows = pypsa_rows_of_table()
    derived = rows[(rows["kind"] == "derived") & (rows["parameter"] == "fixed_om")]
    assert len(derived) == 3
    for row in derived.itertuples():
        year, technology, _fom = str(row.source_key).split("|")
        share = float(pypsa_row(str(row.source_key))["value"]) / 100
        investment = float(pypsa_row(f"{year}|{technology}|investment")["value"])
        assert row.value == pytest.approx(share * investment * USD_PER_EUR, rel=EXACT), row


def test_fuel_cell_by_hand() -> None:
    """costs_2020.csv: fuel cell 1,736.544 EUR/kW_e and 5 %/a: 1,983.13 USD/kW, 99.16 USD/kW/a."""
    row = pypsa_row("2020|fuel cell|investment")
    assert row["value"] == 1736.544
    assert row["unit"] == "EUR/kW_e"
    techs = load_technologies(year=2020)
    assert techs.loc["hydrogen_fuel_cell", "capital_cost"] == pytest.approx(1983.133, rel=1e-6)
    assert techs.loc["hydrogen_fuel_cell", "fixed_om"] == pytest.approx(99.1567, rel=1e-5)
    assert techs.loc["hydrogen_fuel_cell", "efficiency"] == 0.5
    assert techs.loc["hydrogen_fuel_cell", "lifetime"] == 10


def test_conversions_by_hand() -> None:
    """EUR/kWel, EUR/MW, %/year and years become ecoplan's units."""
    hydro = pypsa_value("2020|hydro|investment", "USD/kW")
    assert hydro == pytest.approx(2888.5279 * USD_PER_EUR, rel=EXACT)
    assert convert(1591578.5566, "EUR/MW", "USD/kW") == pytest.approx(
        1591.5785566 * USD_PER_EUR, rel=EXACT
    )
    assert convert(1.2514, "%/year", "1/a") == pytest.approx(0.012514, rel=EXACT)
    assert convert(27.0, "years", "a") == 27.0
    assert convert(0.356, "p.u.", "1") == 0.356


def test_incompatible_units_rejected() -> None:
    with pytest.raises(SourceDataError, match="cannot be converted"):
        convert(1.0, "years", "USD/kW")


def test_missing_row_rejected() -> None:
    with pytest.raises(SourceDataError, match="No row"):
        pypsa_row("2020|no such technology|investment")


def test_comparison_flags_ratios_outside_band() -> None:
    table = compare_with_pypsa()
    low, high = BAND
    assert (table["outside_band"] == ~table["ratio"].between(low, high)).all()
    rows = table.set_index(["year", "technology", "parameter"])

    # Onshore wind 2020: ATB 43 USD/kW/a against 1.2514 % x 1,494.4631 EUR/kW x 1.142.
    wind = rows.loc[(2020, "wind", "fixed_om")]
    assert wind["pypsa"] == pytest.approx(0.012514 * 1494.4631 * USD_PER_EUR, rel=1e-9)
    assert wind["ratio"] == pytest.approx(43.0 / 21.35740, rel=1e-5)
    assert wind["outside_band"]

    # Taken from PyPSA, so the ratio is one and nothing is flagged.
    fuel_cell = rows.loc[(2020, "hydrogen_fuel_cell", "capital_cost")]
    assert fuel_cell["ratio"] == pytest.approx(1.0, rel=EXACT)
    assert not fuel_cell["outside_band"]


def test_narrower_band_flags_more() -> None:
    wide = compare_with_pypsa(years=(2020,))
    narrow = compare_with_pypsa(years=(2020,), band=(0.9, 1.1))
    assert narrow["outside_band"].sum() > wide["outside_band"].sum()
    hydro = narrow.set_index(["technology", "parameter"]).loc[("hydro", "fixed_om")]
    assert hydro["outside_band"]


def test_fuel_free_efficiency_not_compared() -> None:
    """Wind, solar and hydro carry efficiency 1 by convention; PyPSA's 0.9 for hydro is skipped."""
    table = compare_with_pypsa(years=(2020,))
    compared = set(table.loc[table["parameter"] == "efficiency", "technology"])
    assert "hydro" not in compared
    assert "pc_coal_unscrubbed" in compared

"""PyPSA technology-data: values taken from it equal its rows; the comparison flags outliers.

Conversions by hand use 1.142 USD per EUR (ecoplan's 2020 rate) and 1 %/a = 0.01 /a.
"""

from __future__ import annotations

import pytest

from ecoplan.energy.sources import SourceDataError, desnz, epa, real_data_folder
from ecoplan.energy.sources.pypsa import (
    BAND,
    compare_with_pypsa,
    convert,
    pypsa_row,
    pypsa_value,
)
from ecoplan.energy.technologies import (
    load_storage,
    load_technologies,
    technology_data,
    technology_values,
)

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
    # Fuel cell: investment in 3 years, efficiency, lifetime (5). Five heat technologies:
    # investment, VOM and efficiency in 3 years, lifetime (50); gas and wood-chip fuel
    # prices in 3 years (6). Battery: 5 parameters in 3 years (15). Electrolysis:
    # investment, efficiency, lifetime in 3 years (9); two hydrogen stores: investment and
    # lifetime in 3 years (12).
    assert len(dataset) == 5 + 50 + 6 + 15 + 9 + 12
    for row in dataset.itertuples():
        expected = pypsa_value(str(row.source_key), str(row.unit))
        assert row.value == pytest.approx(expected, rel=EXACT), row


def test_fixed_om_is_fom_times_investment() -> None:
    rows = pypsa_rows_of_table()
    fixed = ("fixed_om", "power_fixed_om", "energy_fixed_om")
    derived = rows[(rows["kind"] == "derived") & rows["parameter"].isin(fixed)]
    # 3 years of: fuel cell, 5 heat technologies, battery inverter, electrolysis, 2 stores.
    assert len(derived) == 3 * 10
    for row in derived.itertuples():
        year, technology, _fom = str(row.source_key).split("|")
        share = float(pypsa_row(str(row.source_key))["value"]) / 100
        investment = float(pypsa_row(f"{year}|{technology}|investment")["value"])
        per_mw = str(pypsa_row(f"{year}|{technology}|investment")["unit"]).startswith("EUR/MW")
        scale = 1e-3 if per_mw else 1.0
        expected = share * investment * scale * USD_PER_EUR
        assert row.value == pytest.approx(expected, rel=EXACT), row


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


def test_gas_boiler_by_hand() -> None:
    """costs_2020.csv gas boiler steam: 69.062 EUR/kW, 3.6667 %/a, 1.3927 EUR/MWh, 0.92.

    CO2: DESNZ natural gas 0.20226 kg CO2 per kWh (net CV) / 0.92. Fuel: PyPSA ``gas``
    11.6278 EUR/MWh (LHV).
    """
    gas = load_technologies(year=2020).loc["gas_boiler_steam"]
    assert gas["capital_cost"] == pytest.approx(69.062 * USD_PER_EUR, rel=EXACT)
    assert gas["fixed_om"] == pytest.approx(0.036667 * 69.062 * USD_PER_EUR, rel=EXACT)
    assert gas["variable_om"] == pytest.approx(1.3927 * USD_PER_EUR, rel=EXACT)
    assert gas["efficiency"] == 0.92
    assert gas["lifetime"] == 25
    assert gas["fuel_cost"] == pytest.approx(11.6278 * USD_PER_EUR, rel=EXACT)
    assert desnz.factor("1_100_1004_7_2") == pytest.approx(0.20226)
    assert gas["co2"] == pytest.approx(0.20226 / 0.92, rel=EXACT)
    assert gas["carrier"] == "heat"


def test_gas_co2_agrees_with_epa_and_pypsa() -> None:
    """DESNZ 0.20226 t/MWh (net) against EPA 53.06 kg/mmBtu (gross) / 0.90 and PyPSA 0.198.

    EPA: 53.06 x 3.412142 / 1000 = 0.18105 t per MWh gross, 0.2012 net at LHV = 0.90 HHV,
    within 1 % of DESNZ. PyPSA's stoichiometric 0.198 t/MWh is within 3 %.
    """
    net = epa.co2_per_mwh_fuel("Natural Gas") / 0.90
    assert net == pytest.approx(desnz.factor("1_100_1004_7_2"), rel=0.01)
    row = pypsa_row("2020|gas|CO2 intensity")
    assert row["unit"] == "tCO2/MWh_th"
    assert float(row["value"]) == pytest.approx(desnz.factor("1_100_1004_7_2"), rel=0.03)


def test_gas_boiler_nox_by_hand() -> None:
    """AP-42 100 lb NOx per 10^6 scf at 1,020 Btu/scf: 0.151737 kg per MWh of gas (HHV).

    Per MWh of heat: x 1/0.90 (HHV per LHV) / 0.92 (efficiency) = 0.18326 kg.
    """
    per_mwh_hhv = 100 * 0.45359237 / (1020 / 3.412142)
    assert per_mwh_hhv == pytest.approx(0.1517374, rel=1e-6)
    nox = load_technologies(year=2020).loc["gas_boiler_steam", "nox"]
    assert nox == pytest.approx(per_mwh_hhv / 0.90 / 0.92, rel=1e-12)


def test_electric_heat_has_no_direct_emissions() -> None:
    """Electric boiler and heat pumps: COP from PyPSA, zero factors, upstream not counted."""
    techs = load_technologies(year=2020)
    assert techs.loc["industrial_heat_pump_125c", "efficiency"] == 2.55
    assert techs.loc["industrial_heat_pump_150c", "efficiency"] == 2.95
    assert techs.loc["electric_boiler_steam", "efficiency"] == 0.99
    data = technology_data()
    for tech in ("electric_boiler_steam", "industrial_heat_pump_125c", "industrial_heat_pump_150c"):
        assert techs.loc[tech, ["co2", "so2", "nox", "pm", "hg"]].eq(0).all(), tech
        co2 = data[(data["technology"] == tech) & (data["parameter"] == "co2")]
        assert "not counted" in co2["source"].iloc[0], tech
        assert techs.loc[tech, "fuel_cost"] == pytest.approx(600 / 6.90, rel=EXACT), tech


def test_heat_values_interpolated_between_years() -> None:
    """Heat pump up to 125 °C: COP 2.55 (2020) and 2.70 (2030) give 2.625 in 2025."""
    heat_pump = load_technologies(year=2025).loc["industrial_heat_pump_125c"]
    assert heat_pump["efficiency"] == pytest.approx(2.625, rel=EXACT)
    costs_2030 = pypsa_value("2030|industrial heat pump medium temperature|investment", "USD/kW")
    assert costs_2030 == pytest.approx(986.0667 * USD_PER_EUR, rel=EXACT)


def test_battery_by_hand() -> None:
    """costs_2020.csv: battery storage 310.1955 EUR/kWh, 20 a; inverter 361.0034 EUR/kW, 0.2 %/a,
    10 a, round trip 0.95."""
    battery = load_storage(2020).loc["battery"]
    assert battery["energy_capital_cost"] == pytest.approx(310.1955 * USD_PER_EUR, rel=EXACT)
    assert battery["power_capital_cost"] == pytest.approx(361.0034 * USD_PER_EUR, rel=EXACT)
    assert battery["power_fixed_om"] == pytest.approx(0.002 * 361.0034 * USD_PER_EUR, rel=EXACT)
    assert battery["round_trip_efficiency"] == 0.95
    assert battery["energy_lifetime"] == 20
    assert battery["power_lifetime"] == 10
    assert load_storage(2050).loc["battery", "energy_lifetime"] == 30


def test_electrolysis_is_data_only() -> None:
    """costs_2020.csv electrolysis: 2,514.6692 EUR/kW_e, 0.5773 MWh H2 per MWh, 25 a."""
    electrolysis = technology_values("electrolysis", 2020)
    assert electrolysis["capital_cost"] == pytest.approx(2514.6692 * USD_PER_EUR, rel=EXACT)
    assert electrolysis["efficiency"] == 0.5773
    assert electrolysis["lifetime"] == 25
    cavern = technology_values("hydrogen_storage_underground", 2020)
    assert cavern["energy_capital_cost"] == pytest.approx(4.0111 * USD_PER_EUR, rel=EXACT)
    techs = load_technologies(year=2020)
    for data_only in ("electrolysis", "hydrogen_storage_underground", "battery"):
        assert data_only not in techs.index

"""Technology data: every value traceable to its source row, costs worked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from ecoplan.energy.sources import atb, desnz, epa
from ecoplan.energy.technologies import (
    COLUMNS,
    STORAGE_COLUMNS,
    TechnologyError,
    capital_recovery_factor,
    external_cost,
    levelised_cost,
    load_damage_costs,
    load_storage,
    load_technologies,
    technology_attributes,
    technology_data,
    technology_sources,
    worksheet_technologies,
)

WORKSHEET_ROWS = 13
"""Rows of the report's worksheet: twelve supply options and avoided demand."""

HEAT_TECHNOLOGIES = (
    "gas_boiler_steam",
    "biomass_boiler_steam",
    "electric_boiler_steam",
    "industrial_heat_pump_125c",
    "industrial_heat_pump_150c",
)
"""Industrial process heat technologies the library adds from PyPSA technology-data."""


def test_thirteen_worksheet_rows_with_every_column() -> None:
    techs = load_technologies(year=2020)
    assert len(techs) == WORKSHEET_ROWS + len(HEAT_TECHNOLOGIES)
    rows = technology_attributes()["worksheet_row"]
    assert sorted(rows.dropna()) == list(range(1, 14))
    assert len(worksheet_technologies()) == WORKSHEET_ROWS
    assert worksheet_technologies()[0] == "pc_coal_unscrubbed"
    assert worksheet_technologies()[-1] == "efficiency"
    assert list(techs.columns) == list(COLUMNS)
    assert not techs.drop(columns="source").isna().any().any()


def test_heat_technologies_beyond_the_worksheet() -> None:
    attributes = technology_attributes()
    beyond = attributes[attributes["worksheet_row"].isna()]
    assert sorted(beyond.index) == sorted(HEAT_TECHNOLOGIES)
    assert set(beyond["carrier"]) == {"heat"}
    assert list(beyond.index[beyond["renewable"]]) == ["biomass_boiler_steam"]


def test_storage_table_in_another_currency() -> None:
    usd = load_storage(2020)
    cny = load_storage(2020, "CNY")
    assert list(usd.columns) == list(STORAGE_COLUMNS)
    assert cny.loc["battery", "energy_capital_cost"] == pytest.approx(
        usd.loc["battery", "energy_capital_cost"] * 6.90, rel=1e-12
    )
    assert (
        cny.loc["battery", "round_trip_efficiency"] == usd.loc["battery", "round_trip_efficiency"]
    )
    with pytest.raises(TechnologyError, match="Unknown technology 'flywheel'"):
        load_storage(technologies=("flywheel",))


def test_every_value_has_a_source_and_kind() -> None:
    data = technology_data()
    assert set(data["kind"]) <= {"dataset", "derived", "literature", "assumed"}
    assert (data["source"].str.len() > 10).all()
    parameters = set(COLUMNS) - {"name_en", "name_zh", "carrier", "renewable", "source"}
    for tech in technology_attributes().index:
        assert set(data.loc[data["technology"] == tech, "parameter"]) == parameters, tech


def test_dataset_values_match_their_source_rows() -> None:
    """Each ATB ``dataset`` row of the shipped table equals the ATB row its key names.

    The PyPSA rows are checked in test_energy_pypsa.py.
    """
    rows = technology_data()
    rows = rows[rows["kind"] == "dataset"]
    from_atb = rows["source"].str.startswith("NREL ATB 2022")
    from_pypsa = rows["source"].str.startswith("PyPSA technology-data")
    assert (from_atb | from_pypsa).all()
    assert from_atb.sum() >= 90
    for row in rows[from_atb].itertuples():
        assert row.value == pytest.approx(atb.atb_value(str(row.source_key)), rel=1e-12), row


UNVERIFIED = {
    ("pc_coal_unscrubbed", "nox"),
    ("pc_coal_unscrubbed", "pm"),
    ("pc_coal_unscrubbed", "hg"),
    ("pc_coal_scrubbed", "nox"),
    ("pc_coal_scrubbed", "pm"),
    ("pc_coal_scrubbed", "hg"),
    ("igcc", "nox"),
    ("igcc", "pm"),
    ("igcc", "hg"),
    ("cfb_coal", "pm"),
    ("cfb_coal", "hg"),
    ("igcc", "water_withdrawal"),
    ("solar", "water_withdrawal"),
    ("geothermal", "co2"),
    ("geothermal", "water_withdrawal"),
    ("geothermal", "water_consumption"),
    ("gas_boiler_steam", "so2"),
    ("gas_boiler_steam", "nox"),
    ("gas_boiler_steam", "pm"),
}
"""Published values that could not be checked against their table (see each row's source)."""


def test_unverified_values_are_marked() -> None:
    data = technology_data()
    marked = data[data["source"].str.contains("approximate: not verified")]
    assert set(zip(marked["technology"], marked["parameter"], strict=True)) == UNVERIFIED


def test_water_rows_convert_the_stated_median() -> None:
    """Every Macknick row contains its stated median [gal/MWh] times 0.0037854 m³/gal."""
    data = technology_data()
    water = data[data["source"].str.startswith("Macknick")]
    assert len(water) == 15  # 3 coal technologies share the generic coal medians
    for row in water.itertuples():
        gallons = float(str(row.source).split(" gal/MWh")[0].rsplit(", ", 1)[1])
        assert row.value == pytest.approx(gallons * 0.0037854, rel=1e-12), row
    coal = water.set_index(["technology", "parameter"]).loc[
        ("pc_coal_unscrubbed", "water_consumption")
    ]
    assert coal["value"] == pytest.approx(687 * 0.0037854)
    assert "checked:" in coal["source"]


def test_coal_so2_from_ap42_by_hand() -> None:
    """AP-42 38S lb/short ton = 19 kg/t at S = 1 %, over 5.815 MWh/t x 0.3722, no scrubber."""
    techs = load_technologies(year=2020)
    expected = 19.0 / (5.815 * 0.3722)
    assert techs.loc["pc_coal_unscrubbed", "so2"] == pytest.approx(expected, rel=1e-9)
    assert techs.loc["pc_coal_scrubbed", "so2"] == pytest.approx(
        19.0 / (5.815 * 0.40) * 0.05, rel=1e-9
    )


def test_atb_row_read_by_hand() -> None:
    """Utility PV class 5 CAPEX 2020 in the ATB cut: 1,333.26 $/kW."""
    assert atb.atb_value("CAPEX/UtilityPV/Class5/2020") == pytest.approx(1333.2623, rel=1e-7)


def test_coal_co2_from_desnz_and_checked_against_epa() -> None:
    """DESNZ 2023 coal for power 0.33229 kg CO2/kWh (net CV) over efficiency 0.3722.

    The US EPA 2021 factor for bituminous coal (93.28 kg/mmBtu, gross CV) is 0.3183 t per
    MWh; on a net basis it is about 5 % higher, so the two agree within 5 %.
    """
    key = "1_102_1026_7_2"
    assert desnz.factor(key) == pytest.approx(0.33229)
    techs = load_technologies(year=2020)
    assert techs.loc["pc_coal_unscrubbed", "co2"] == pytest.approx(0.33229 / 0.3722, rel=1e-9)
    epa_net = epa.co2_per_mwh_fuel("Bituminous Coal") / 0.95
    assert epa_net == pytest.approx(desnz.factor(key), rel=0.05)


def test_source_rows_named_for_a_year() -> None:
    sources = technology_sources(2030).set_index(["technology", "parameter"])
    assert sources.loc[("wind", "capital_cost"), "source_key"] == "CAPEX/LandbasedWind/Class4/2030"


def test_interpolation_between_data_years() -> None:
    """Wind CAPEX 2025 is halfway between the ATB's 2020 and 2030 values."""
    wind = load_technologies(year=2025).loc["wind", "capital_cost"]
    assert wind == pytest.approx((1462.0 + 955.9193) / 2, rel=1e-6)


def test_currency_of_the_zone(make_zone) -> None:  # type: ignore[no-untyped-def]
    """The tiny zone counts in CNY: USD values times 6.90."""
    usd = float(load_technologies(year=2020)["capital_cost"]["solar"])
    cny = load_technologies(make_zone(), year=2020)
    assert cny.attrs["currency"] == "CNY"
    assert cny.loc["solar", "capital_cost"] == pytest.approx(usd * 6.90, rel=1e-9)


def test_crf_by_hand() -> None:
    """5 % over 20 years: 0.05 x 1.05^20 / (1.05^20 - 1) = 0.080243."""
    crf = capital_recovery_factor(0.05, pd.Series([20.0]))
    assert crf.iloc[0] == pytest.approx(0.0802426, rel=1e-6)


def test_levelised_cost_of_wind_by_hand() -> None:
    """ATB 2020 wind: (1462 x 0.080243 + 43) / (0.437 x 8.76) = 41.88 USD/MWh at 5 %/25 a."""
    techs = load_technologies(year=2020).loc[["wind"]]
    crf = 0.05 * 1.05**25 / (1.05**25 - 1)
    expected = (1462.0 * crf + 43.0) / (0.437 * 8.76)
    assert levelised_cost(techs, 0.05).iloc[0] == pytest.approx(expected, rel=1e-9)


def test_external_cost_uses_the_damage_table() -> None:
    """SCC 190 USD/t x 0.8928 t/MWh plus the air pollutants."""
    techs = load_technologies(year=2020).loc[["pc_coal_unscrubbed", "wind"]]
    damage = load_damage_costs()
    assert damage.loc["co2", "value"] == 190
    assert damage.loc["co2", "status"] == "cited"
    only_co2 = damage.loc[["co2"]]
    cost = external_cost(techs, only_co2)
    assert cost["pc_coal_unscrubbed"] == pytest.approx(190 * 0.33229 / 0.3722, rel=1e-9)
    assert cost["wind"] == 0.0

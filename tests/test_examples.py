"""The example zones: each reads, validates and carries the numbers of its sources.

Expected values are worked out here from the source files (the PRTR and Kalundborg CSV files
read with pandas, the facts of the Dalian report), not taken from the builder.
"""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from ecoplan import Zone
from ecoplan.accounting.balance import node_balances
from ecoplan.accounting.indicators import compute_indicators
from ecoplan.energy.pinch import PinchTargets, problem_table
from ecoplan.errors import EcoplanError
from ecoplan.examples import DEFAULT, example_path, names
from ecoplan.io import read_zone
from ecoplan.report.exchange import ExchangeAnalysis, match_listings, optimise_network

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "data" / "real"
PIRKANMAA = {
    "AKAA", "HÄMEENKYRÖ", "IKAALINEN", "JUUPAJOKI", "KANGASALA", "KIHNIÖ", "LEMPÄÄLÄ",
    "MÄNTTÄ-VILPPULA", "NOKIA", "ORIVESI", "PARKANO", "PIRKKALA", "PUNKALAIDUN", "PÄLKÄNE",
    "RUOVESI", "SASTAMALA", "TAMPERE", "URJALA", "VALKEAKOSKI", "VESILAHTI", "VIRRAT",
    "YLÖJÄRVI",
}  # fmt: skip
RELATIVE = 1e-9


def zone(name: str) -> Zone:
    return read_zone(example_path(name))


def indicator(zone_: Zone, indicator_id: str) -> float:
    result = next(r for r in compute_indicators(zone_) if r.indicator_id == indicator_id)
    assert result.computable, indicator_id
    assert result.value is not None
    return float(result.value)


def builder() -> ModuleType:
    path = ROOT / "scripts" / "build_examples.py"
    spec = importlib.util.spec_from_file_location("build_examples", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_examples"] = module
    spec.loader.exec_module(module)
    return module


# --- every example ---------------------------------------------------------------------------


def test_three_examples_with_dalian_default() -> None:
    assert names() == ["dalian", "kalundborg", "finland-pirkanmaa"]
    assert DEFAULT == "dalian"


@pytest.mark.parametrize("name", ["dalian", "kalundborg", "finland-pirkanmaa"])
def test_example_reads_and_cites_its_source(name: str) -> None:
    example = zone(name)
    assert example.info["source"]
    assert len(example.flows) > 0
    assert example.flows["quantity"].notna().all()
    assert example.flows["source"].notna().all()


@pytest.mark.parametrize("name", ["dalian", "kalundborg", "finland-pirkanmaa"])
def test_builder_gives_the_same_tables_twice_and_as_shipped(name: str) -> None:
    module = builder()
    first = module.build(name).to_tables()
    second = module.build(name).to_tables()
    shipped = zone(name).to_tables()
    for table, frame in first.items():
        pd.testing.assert_frame_equal(frame, second[table])
        pd.testing.assert_frame_equal(
            frame.reset_index(drop=True),
            shipped[table].reset_index(drop=True),
            check_dtype=False,
        )


def test_unknown_example_names_the_choices() -> None:
    with pytest.raises(EcoplanError, match="dalian, kalundborg, finland-pirkanmaa"):
        example_path("shanghai")


# --- Dalian ----------------------------------------------------------------------------------


def test_dalian_targets_equal_the_report() -> None:
    targets = zone("dalian").targets.set_index("indicator")["value"].to_dict()
    assert targets == {
        "industrial_water_reuse_rate": 85.0,
        "solid_waste_utilisation_rate": 50.0,
        "fly_ash_utilisation_rate": 55.0,
        "coal_gangue_utilisation_rate": 50.0,
        "renewable_share": 5.5,
    }


def test_dalian_facts_of_the_report() -> None:
    example = zone("dalian")
    sites = example.sites.set_index("site_id")
    assert sites.loc["eip_reserve", "area_ha"] == 83.0
    projects = example.projects
    assert len(projects) == 8
    assert projects["status"].value_counts().to_dict() == {
        "operating": 3,
        "starting": 2,
        "planning": 2,
        "evaluation": 1,
    }
    assert projects["category"].value_counts().to_dict() == {
        "biomass": 4,
        "water": 2,
        "solid_waste": 1,
        "other": 1,
    }
    codes = example.resources.set_index("resource_id")["code"]
    assert (codes["fly_ash"], codes["fgd_gypsum"]) == ("100102", "100105")


def test_dalian_landfilled_msw_is_74_percent_organic() -> None:
    flows = zone("dalian").flows.set_index("flow_id")["quantity"]
    # kitchen and garden waste S04, paper S08 and wood S09 are the organic part; S05 the rest
    organic = flows["S04"] + flows["S08"] + flows["S09"]
    assert organic / (organic + flows["S05"]) == pytest.approx(0.74, abs=1e-5)
    # of 170,500 t landfilled: paper 6 % and wood 2 %
    assert (flows["S08"], flows["S09"], flows["S04"]) == (10_230, 3_410, 112_530)


def test_dalian_every_assumed_number_has_its_basis() -> None:
    example = zone("dalian")
    for table in ("flows", "economy"):
        frame = example.tables[table]
        assumed = frame[frame["assumed"].fillna(False).astype(bool)]
        assert len(assumed) > 0
        assert assumed["note"].str.strip().str.len().gt(20).all(), table
        taken = frame[~frame["assumed"].fillna(False).astype(bool)]
        assert taken["source"].str.contains("report|CEADs").all(), table
    for table in ("stocks", "durables", "listings"):
        assert example.tables[table]["note"].str.startswith("Assumed").all(), table


def test_dalian_chinese_units_and_rates() -> None:
    flows = zone("dalian").flows.set_index("flow_id")
    # 108.9 万tce × 29.3076 GJ/tce ÷ 3.6 GJ/MWh
    assert flows.loc["E01", "quantity"] == pytest.approx(108.9e4 * 29.3076 / 3.6, rel=RELATIVE)
    # 532 t/d over 5,500 h
    assert flows.loc["A01", "quantity"] == pytest.approx(532 * 5500 / 24, rel=RELATIVE)
    assert flows.loc["W01", "quantity"] == pytest.approx(1200e4, rel=RELATIVE)


def test_dalian_indicators_worked_by_hand() -> None:
    example = zone("dalian")
    hours = 5500 / 24
    # fly ash: 532 of 1,330 t/d used
    assert indicator(example, "fly_ash_utilisation_rate") == pytest.approx(40.0, rel=RELATIVE)
    # used: fly ash 532 t/d, bottom ash 45,600 t, gypsum 37,000 t, other 36,000 t;
    # generated: fly ash 1,330 t/d, bottom ash 76,000 t, gypsum 74,000 t, other 80,000 t
    # plus the rejects of the paper (1,000 t) and wood (500 t) recyclers, all landfilled
    used = 532 * hours + 45_600 + 37_000 + 36_000
    generated = 1330 * hours + 76_000 + 74_000 + 80_000 + 1_000 + 500
    assert indicator(example, "solid_waste_utilisation_rate") == pytest.approx(
        100 * used / generated, rel=1e-6
    )
    # reused 1,700 + 3,000 万m³ over reused plus industrial fresh intake 1,200 + 800 万m³;
    # the 600 万m³ households take is not industrial water
    assert indicator(example, "industrial_water_reuse_rate") == pytest.approx(
        100 * 4700 / (4700 + 2000), rel=1e-6
    )
    assert indicator(example, "fly_ash_utilisation_rate") < 55.0
    coal_gangue = next(
        r for r in compute_indicators(example) if r.indicator_id == "coal_gangue_utilisation_rate"
    )
    assert not coal_gangue.computable


def test_dalian_material_indicators_count_coal_mass() -> None:
    example = zone("dalian")
    gdp = 400e8
    coal = 108.9e4 * 7_000 / 5_000  # 108.9 万tce of raw coal at 5,000 kcal/kg
    limestone = round(74_000 * 100.086 / 172.164)  # CaCO3 for 74,000 t CaSO4·2H2O
    binder, aggregate = 24_000, round(200_000 - 532 * 5500 / 24 - 24_000)  # ash products
    goods = 500 * 365 + 300_000 * 1.0 * 365 / 1000  # households: MSW plus food eaten
    assert (coal, limestone, aggregate, goods) == (1_524_600, 43_019, 54_083, 292_000)
    virgin = 150e4 + coal + limestone + binder + aggregate
    material_input = virgin + 20e4 + goods  # ferrous scrap; goods have no stated origin
    assert indicator(example, "materials_productivity") == pytest.approx(
        gdp / material_input, rel=RELATIVE
    )
    # recycled: scrap 200,000 t plus the net intake of secondary material at process nodes,
    # fly ash 532 t/d into ash products, MSW 500 t/d collected, paper 8,000 t, wood 4,000 t
    recycled = 20e4 + 532 * 5500 / 24 + 500 * 365 + 8_000 + 4_000
    assert indicator(example, "virgin_to_recycled_ratio") == pytest.approx(
        virgin / recycled, rel=RELATIVE
    )
    # the resource output rate leaves category fuel, the raw coal, out
    assert indicator(example, "resource_output_rate") == pytest.approx(
        gdp / (virgin - coal), rel=RELATIVE
    )


def test_dalian_wastewater_plant_mass_not_checked() -> None:
    example = zone("dalian")
    balances = node_balances(example).set_index(["node_id", "dimension"])
    assert not balances["flagged"].any()
    unchecked = balances[balances["status"] != "balanced"]
    assert list(unchecked.index) == [("wwtp", "mass")]
    # its only mass flow is the sludge, 27 t/d all year, taken out of wastewater in m³, so no
    # mass enters it and the balance cannot be checked
    wwtp = unchecked.loc[("wwtp", "mass")]
    assert wwtp["status"] == "no_inputs"
    assert wwtp["inputs"] == 0
    assert wwtp["outputs"] == pytest.approx(27 * 365, rel=RELATIVE)
    notes = example.nodes.set_index("node_id")["note"]
    assert "counts by volume only" in notes["wwtp"]
    assert "counts by volume only" in example.info["description"]


def test_dalian_power_plant_balances_worked_by_hand() -> None:
    balances = node_balances(zone("dalian")).set_index(["node_id", "dimension"])
    coal = 108.9e4 * 7_000 / 5_000
    gypsum = 74_000
    ash = 1330 * 5500 / 24 + 76_000
    co2_limestone = round(gypsum * 44.009 / 172.164)  # CaCO3 -> CaO + CO2
    # H 3.3 % burnt to water (x 18.015 / 2.016), moisture 11 %, nitrogen 0.9 % as N2
    flue_gas = round(coal * (0.033 * 18.015 / 2.016 + 0.11 + 0.009))
    # S 1 % of the coal less the S in the gypsum, as SO2
    so2 = round((0.01 * coal - gypsum * 32.06 / 172.164) * 64.058 / 32.06)
    outputs = ash + gypsum + 290e4 + co2_limestone + flue_gas + so2
    plant = balances.loc[("power_plant", "mass")]
    assert plant["outputs"] == pytest.approx(outputs, rel=RELATIVE)
    # the gypsum's water of crystallisation (2 H2O) comes from fresh water counted in m³
    crystal_water = gypsum * 36.03 / 172.164
    assert plant["residual"] == pytest.approx(-crystal_water, abs=2)
    assert abs(plant["relative_residual"]) == pytest.approx(0.0039, abs=1e-4)
    # conversion losses: 108.9 万tce x 29.3076 GJ/tce / 3.6 GJ/MWh less 3.3 TWh electricity
    energy = balances.loc[("power_plant", "energy")]
    assert energy["inputs"] == pytest.approx(108.9e4 * 29.3076 / 3.6, rel=RELATIVE)
    assert energy["residual"] == pytest.approx(0, abs=1)


def test_dalian_balancing_items_are_assumed() -> None:
    flows = zone("dalian").flows
    balancing = flows[flows["flow_id"].str.startswith("B")]
    assert len(balancing) == 17
    assert balancing["assumed"].astype(bool).all()
    assert balancing["note"].str.len().gt(40).all()


DALIAN_SITES = {
    "power_plant": (121.840, 39.050),
    "cement_plant": (121.950, 39.140),
    "concrete_plant": (121.810, 39.080),
    "wwtp": (121.820, 39.040),
    "manufacturing": (121.790, 39.090),
}
"""Assumed coordinates (longitude, latitude) [°] of the Dalian builder, restated."""


def haversine_km(west: tuple[float, float], east: tuple[float, float]) -> float:
    """Great-circle distance on a sphere of the IUGG mean radius 6,371.0088 km."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*west, *east))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def dalian_exchange() -> ExchangeAnalysis:
    example = zone("dalian")
    return optimise_network(example, match_listings(example))


def exchanged(analysis: ExchangeAnalysis, offer: str, request: str) -> pd.Series:
    table = analysis.exchanges.set_index(["offer_id", "request_id"])
    return table.loc[(offer, request)]


def test_dalian_process_nodes_have_distinct_assumed_sites() -> None:
    example = zone("dalian")
    sites = example.sites.set_index("site_id")
    processes = example.nodes[example.nodes["kind"] == "process"]
    assert processes["site_id"].notna().all()
    placed = sites.loc[processes["site_id"]]
    assert placed["longitude"].between(121.7, 122.0).all()
    assert placed["latitude"].between(39.0, 39.2).all()
    assert not placed[["longitude", "latitude"]].duplicated().any()
    assert placed["note"].str.contains("Assumed location: ").all()
    for node_id, point in DALIAN_SITES.items():
        site = sites.loc[processes.set_index("node_id").loc[node_id, "site_id"]]
        assert (site["longitude"], site["latitude"]) == point
    assert set(sites.index) >= {"ddz_original", "ddz_expansion", "eip_reserve", "dalian_landfill"}


def test_dalian_fly_ash_to_cement_worked_by_hand(dalian_exchange: ExchangeAnalysis) -> None:
    row = exchanged(dalian_exchange, "offer_fly_ash", "request_cement")
    # min(offer 798 t/d over 5,500 h = 182,875 t, request 30,000 t)
    assert row["quantity"] == pytest.approx(min(798 * 5500 / 24, 30_000), rel=RELATIVE)
    # road distance = great-circle x 1.3; haulage 0.15 元/t·km; disposal 30 + clinker 180 元/t
    road = haversine_km(DALIAN_SITES["power_plant"], DALIAN_SITES["cement_plant"]) * 1.3
    assert road == pytest.approx(17.93, abs=0.01)
    assert row["saving"] == pytest.approx(30_000 * (30 + 180 - 0.15 * road), rel=1e-9)


def test_dalian_reclaimed_water_goes_to_the_nearer_user_first(
    dalian_exchange: ExchangeAnalysis,
) -> None:
    # 600 万m³ offered; the power plant (400 万m³) is nearer the wastewater plant than
    # industry (500 万m³), so it is filled first and industry gets the other 200 万m³
    near = haversine_km(DALIAN_SITES["wwtp"], DALIAN_SITES["power_plant"])
    far = haversine_km(DALIAN_SITES["wwtp"], DALIAN_SITES["manufacturing"])
    assert near < far
    power = exchanged(dalian_exchange, "offer_reclaimed", "request_cooling")
    industry = exchanged(dalian_exchange, "offer_reclaimed", "request_reclaimed")
    assert power["quantity"] == pytest.approx(400e4, rel=RELATIVE)
    assert industry["quantity"] == pytest.approx(200e4, rel=RELATIVE)
    # fresh water 2.5 元/m³ saved, less 0.15 元/m³·km over 1.3 x the great-circle distance
    assert industry["saving"] == pytest.approx(200e4 * (2.5 - 0.15 * 1.3 * far), rel=1e-9)


def test_dalian_exchange_totals_worked_by_hand(dalian_exchange: ExchangeAnalysis) -> None:
    exchanges = dalian_exchange.exchanges
    assert len(exchanges) == 14
    mass = exchanges.loc[exchanges["dimension"] == "mass", "quantity"].sum()
    # fly ash 30,000 + 20,000 + 20,000; bottom ash 20,000; gypsum 25,000 + 8,000;
    # sludge 9,855 and organic waste 20,145 to the digester (30,000), 40,000 to composting;
    # paper 10,230 and wood 3,410, all that is landfilled
    assert mass == pytest.approx(
        70_000 + 20_000 + 33_000 + 30_000 + 40_000 + 10_230 + 3_410, rel=RELATIVE
    )
    heat = exchanged(dalian_exchange, "offer_waste_heat", "request_heat")
    # 60,000 MWh at 90 元/MWh; heat has no haulage; 0.2252 t CO2e/MWh (gas boiler replaced)
    assert heat["saving"] == pytest.approx(60_000 * 90, rel=1e-9)
    assert heat["co2_avoided"] == pytest.approx(60_000 * 0.2252, rel=1e-9)


def test_dalian_eip_hub_worked_by_hand(dalian_exchange: ExchangeAnalysis) -> None:
    # Left to disposal after the network, with their disposal costs [元/t]: fly ash
    # 182,875 - 70,000 = 112,875 t (30), bottom ash 30,400 - 20,000 = 10,400 t (20),
    # gypsum 37,000 - 33,000 = 4,000 t (25) at the power plant, and the organic waste of
    # flow S04, 52,385 t (40), at the transfer station. Through the EIP yard a tonne costs
    # 15 元/t plus 0.15 元/t·km over 1.3 x the great-circle distance. The organic waste
    # saves most per tonne, then fly ash, so the 150,000 t capacity takes all 52,385 t of
    # the first and 97,615 t of fly ash. A hub at the transfer station (fixed 400,000 元/a)
    # would save 20 元/t on the organic waste, less than the EIP yard. The EIP capacity it
    # frees gains about 127,000 元/a on the rest of the ash, less than its fixed cost, so it
    # stays closed.
    eip, transfer = (121.880, 39.110), (121.760, 39.080)
    plant = DALIAN_SITES["power_plant"]
    hubs = dalian_exchange.hubs
    assert hubs is not None and hubs.result is not None
    result = hubs.result
    assert result.hubs["site_id"].tolist() == ["eip_reserve"]
    assert result.hubs["throughput"].iloc[0] == pytest.approx(150_000, rel=RELATIVE)

    routes = result.routes.set_index("source_id")
    assert sorted(routes.index) == ["offer_fly_ash", "offer_organic_msw"]
    assert routes.loc["offer_organic_msw", "quantity"] == pytest.approx(52_385, rel=RELATIVE)
    assert routes.loc["offer_fly_ash", "quantity"] == pytest.approx(97_615, rel=RELATIVE)
    from_plant = 15 + 0.15 * 1.3 * haversine_km(plant, eip)
    from_transfer = 15 + 0.15 * 1.3 * haversine_km(transfer, eip)
    assert routes.loc["offer_fly_ash", "unit_cost"] == pytest.approx(from_plant, rel=1e-9)
    assert routes.loc["offer_organic_msw", "unit_cost"] == pytest.approx(from_transfer, rel=1e-9)

    alone = 112_875 * 30 + 10_400 * 20 + 4_000 * 25 + 52_385 * 40
    saving = 52_385 * (40 - from_transfer) + 97_615 * (30 - from_plant) - 1_200_000
    assert result.direct_cost == pytest.approx(alone, rel=1e-12)
    assert result.saving == pytest.approx(saving, rel=1e-9)
    assert result.saving == pytest.approx(1_319_718, abs=1)


def test_dalian_eip_mrf_worked_by_hand(dalian_exchange: ExchangeAnalysis) -> None:
    # The EIP's sorting plant takes all 44,330 t of mixed municipal waste (flow S05, 26 % of
    # the 170,500 t landfilled), which no request wants and which costs 40 元/t to
    # landfill. Per tonne of input it sorts out 0.143 t of plastics at 600 元/t, 0.032 t of
    # metals at 800 and 0.023 t of glass at 50, and sends 0.802 t of residue to landfill at
    # 40 元/t, after a sorting cost of 55 元/t: net cost 55 + 32.08 - 112.55 = -25.47 元/t.
    recovery = dalian_exchange.recovery
    result = dalian_exchange.result
    assert recovery is not None and result is not None
    (facility,) = recovery.facilities
    assert facility.accepts == ("200301",)
    assert facility.capacity == pytest.approx(45_000, rel=RELATIVE)
    net_cost = 55 + 0.802 * 40 - (0.143 * 600 + 0.032 * 800 + 0.023 * 50)
    assert facility.net_cost(recovery.prices["mrf_eip"]) == pytest.approx(net_cost, rel=1e-12)
    assert net_cost == pytest.approx(-25.47, abs=1e-9)

    (taken,) = result.recovery.to_dict("records")
    assert taken["offer_id"] == "offer_msw"
    assert taken["quantity"] == pytest.approx(170_500 - round(170_500 * 0.74), rel=RELATIVE)
    assert taken["quantity"] == pytest.approx(44_330, rel=RELATIVE)
    assert taken["saving"] == pytest.approx(44_330 * (40 - net_cost), rel=1e-9)
    assert taken["saving"] == pytest.approx(2_902_285, abs=1)
    left = result.disposal.set_index("offer_id")["quantity"]
    assert left["offer_msw"] == pytest.approx(0.0, abs=1e-6)


def test_dalian_offers_no_sewage_to_the_treatment_plant(
    dalian_exchange: ExchangeAnalysis,
) -> None:
    # Wastewater offered: 600 万m³ of reclaimed water listed, plus the 1,500 万m³ the
    # wastewater plant discharges to the sea. The 1,650 万m³ of sewage that the power plant,
    # industry and households send to that plant is its input, not a by-product.
    offers = dalian_exchange.offers
    volume = offers.loc[offers["dimension"] == "volume", "quantity"].sum()
    assert volume == pytest.approx(600e4 + 1500e4, rel=RELATIVE)
    sewage = [f"derived:{node}:wastewater" for node in ("power_plant", "manufacturing")]
    assert not offers["listing_id"].isin([*sewage, "derived:households:wastewater"]).any()
    # Heat lost at the use stage by industry and households is not offered either.
    energy = offers.loc[offers["dimension"] == "energy", "listing_id"]
    assert list(energy) == ["offer_waste_heat"]


def test_dalian_indicators_after_the_exchanges(dalian_exchange: ExchangeAnalysis) -> None:
    assert dalian_exchange.change is not None
    change = dalian_exchange.change.set_index("indicator_id")
    hours = 5500 / 24
    # fly ash: 532 t/d used plus 70,000 t exchanged, of 1,330 t/d generated
    fly_ash = change.loc["fly_ash_utilisation_rate"]
    assert fly_ash["before"] == pytest.approx(40.0, rel=RELATIVE)
    assert fly_ash["after"] == pytest.approx(
        100 * (532 * hours + 70_000) / (1330 * hours), rel=1e-9
    )
    assert fly_ash["after"] > 55.0  # the LCEP target
    # reclaimed water replaces fresh water: W02 800 -> 400, W01 1,200 -> 1,000 万m³
    water = change.loc["industrial_water_reuse_rate"]
    assert water["after"] == pytest.approx(100 * 4700 / (4700 + 400 + 1000), rel=1e-9)


def plant_targets(streams: pd.DataFrame, org_id: str | None = None) -> PinchTargets:
    chosen = streams if org_id is None else streams[streams["org_id"] == org_id]
    return problem_table(chosen.reset_index(drop=True), 10.0)


def test_dalian_pinch_targets_worked_by_hand() -> None:
    streams = zone("dalian").tables["heat_streams"]
    # power plant, shifted by 5 K: flue gas 135->85 (640 kW/K); condensate 40->90
    # (1,600 kW/K), air 25->65 (600 kW/K). Intervals 135-90 +28,800, 90-85 -4,800,
    # 85-65 -32,000, 65-40 -55,000, 40-25 -9,000 kW: cascade minimum -72,000 kW.
    power = plant_targets(streams, "ddz_power")
    assert (power.hot_utility, power.cold_utility) == pytest.approx((72_000, 0), abs=1e-6)
    assert power.heat_recovery == pytest.approx(640 * 50, abs=1e-6)
    # manufacturing: hot 6,000 + 1,250 kW, cold 5,200 + 1,650 kW; the cascade never goes
    # negative (500, 1,300, 1,650, 1,750, 850, 400 kW), a threshold problem
    industry = plant_targets(streams, "ddz_industry")
    assert (industry.hot_utility, industry.cold_utility) == pytest.approx((0, 400), abs=1e-6)
    # together: industry's 400 kW below 35 °C warms the plant's combustion air
    site = plant_targets(streams)
    assert (site.hot_utility, site.cold_utility) == pytest.approx((71_600, 0), abs=1e-6)
    assert streams["note"].str.startswith("Assumed: ").all()


# --- Kalundborg ------------------------------------------------------------------------------


def kalundborg_source() -> pd.DataFrame:
    return pd.read_csv(REAL / "kalundborg-symbiosis" / "kalundborg_flows.csv")


def test_kalundborg_tonnes_equal_the_annual_masses_of_the_source() -> None:
    source = kalundborg_source()
    expected = source["annual_tonnes"].sum()  # 200,000 + 3,000 + 4,000 + 27,000 + 300,000
    assert expected == 534_000
    flow_table = zone("kalundborg").flow_table
    tonnes = flow_table.loc[flow_table["dimension"] == "mass", "quantity"].sum()
    assert tonnes == pytest.approx(expected, rel=RELATIVE)


def test_kalundborg_flows_only_where_a_yearly_amount_is_published() -> None:
    source = kalundborg_source()
    annual = source[source["unit"].isin(["t/yr", "m3/yr"])]
    example = zone("kalundborg")
    assert sorted(example.flows["flow_id"]) == sorted(annual["flow_id"])
    assert not example.flows["assumed"].fillna(False).any()
    urls = dict(zip(source["flow_id"], source["source_url"], strict=True))
    assert all(urls[row.flow_id] == row.source for row in example.flows.itertuples())
    cooling = example.flows.set_index("flow_id").loc["K07", "quantity"]
    assert cooling == pytest.approx(700_000, rel=RELATIVE)
    description = example.info["description"]
    for left_out in ("K02", "K03", "K08", "K09", "K10", "K12", "K13"):
        assert left_out in description


# --- Finnish PRTR: Pirkanmaa -----------------------------------------------------------------


def pirkanmaa_2022() -> pd.DataFrame:
    folder = REAL / "fi-prtr-facilities-waste"
    ids = {"facilityId": str}
    facilities = pd.read_csv(folder / "facilities.csv", sep=";", dtype=ids)
    waste = pd.read_csv(folder / "waste_transfers.csv", sep=";", dtype=ids)
    inside = facilities.loc[
        facilities["city"].str.strip().str.upper().isin(PIRKANMAA), "facilityId"
    ]
    return waste[(waste["reportingYear"] == 2022) & waste["facilityId"].isin(inside)]


def test_pirkanmaa_totals_equal_the_register() -> None:
    source = pirkanmaa_2022()
    example = zone("finland-pirkanmaa")
    flows = example.flow_table
    assert len(example.sites) == source["facilityId"].nunique() == 38
    assert flows["quantity"].sum() == pytest.approx(
        source["totalWasteQuantityTNE"].sum(), rel=RELATIVE
    )
    hazardous = source.loc[source["wasteClassificationCode"] == "HW", "totalWasteQuantityTNE"]
    assert flows.loc[flows["hazardous"].fillna(False).astype(bool), "quantity"].sum() == (
        pytest.approx(hazardous.sum(), rel=RELATIVE)
    )
    assert (flows["quality"] == "measured").all()


def test_pirkanmaa_recovery_share_equals_the_register() -> None:
    source = pirkanmaa_2022()
    recovered = source.loc[source["wasteTreatmentCode"] == "R", "totalWasteQuantityTNE"].sum()
    expected = 100 * recovered / source["totalWasteQuantityTNE"].sum()
    assert expected == pytest.approx(94.57, abs=0.01)
    value = indicator(zone("finland-pirkanmaa"), "waste_recovery_share")
    assert value == pytest.approx(expected, rel=1e-9)


def test_pirkanmaa_sites_and_codes() -> None:
    example = zone("finland-pirkanmaa")
    sites = example.sites
    with_coordinates = sites["longitude"].notna()
    assert sites.loc[with_coordinates, "longitude"].between(21.5, 25.5).all()
    assert sites.loc[with_coordinates, "latitude"].between(60.9, 62.5).all()
    assert sites.loc[~with_coordinates, "note"].str.contains("EPSG:3067").all()
    organisations = example.organisations
    assert (organisations["industry_scheme"] == "E-PRTR Annex I").all()
    assert organisations["industry_code"].str.match(r"^\d+\(").all()

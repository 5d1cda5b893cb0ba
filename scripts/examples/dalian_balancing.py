"""Balancing items that close the node balances of the Dalian example.

Material flow accounts close a process's balance with items that statistics on goods do not
show: oxygen taken from the air for combustion on the input side, water vapour and other
combustion gases on the output side (Eurostat, economy-wide material flow accounts), and net
additions to stock. Energy accounts add conversion losses and the final energy that end use
releases as heat. Every amount here is assumed (flow ids ``B..``); its note gives the
arithmetic. Where water counted by volume ends up in a solid, the mass balance stays open.
The wastewater plant's sludge comes out of the wastewater, so its balance is flagged. The
power plant's gypsum binds water from its fresh-water intake, 0.4 % of its mass throughput,
which is within the balance tolerance.
"""

from __future__ import annotations

from typing import Any

from examples.common import Rows, _node, _res
from examples.dalian_combustion import (
    ASH_OUT,
    CO2_FROM_COAL,
    GYPSUM_OUT,
    HYDROGEN_SHARE,
    MOISTURE_SHARE,
    NITROGEN_SHARE,
    RAW_COAL,
    SULPHUR_SHARE,
    combustion,
)
from examples.dalian_flows import _flow
from examples.dalian_sources import DALIAN_YEAR

COAL_ENERGY = 108.9e4 * 29.3076 / 3.6
"""Flow E01: 108.9 万tce at 29.3076 GJ/tce [MWh]."""
ELECTRICITY_OUT = 330_000e1
"""Flows E02-E04: 330,000 万kWh [MWh]."""
FOOD_EATEN = 300_000 * 1.0 * 365 / 1_000
"""300,000 residents eating and drinking 1.0 kg a day, tap water apart [t]."""
MSW = 500 * 365
"""Flow S01: 500 t/d all year [t]."""
FLY_ASH_TO_PRODUCTS = 532 * 5_500 / 24
"""Flow A01 [t]."""
ASH_PRODUCTS = 20e4
"""Flow A03 [t]."""
BINDER = 24_000
"""Cement and lime in the ash products: 12 % of 20 万吨 [t]."""
MANUFACTURING_NAS = (150 + 20 - 140 - 3.6 - 4.4) * 1e4 - 1_200
"""Flows M01 + M02 - M03 - M04 - M05 - M06 [t]."""

COAL_MASS_NOTE = (
    "Coal mass counts in the material input (materials productivity, the virgin-to-recycled "
    "ratio), as fossil energy carriers count in Eurostat's domestic material consumption; "
    "the resource output rate leaves category fuel out."
)


def balancing_nodes() -> Rows:
    """Return the boundary node of the oxygen that combustion takes from the air."""
    return [
        _node(
            "air",
            "Air (oxygen taken in)",
            "大气（取用氧气）",
            "environment",
            note="Source of the oxygen that combustion takes from the air, a balancing item "
            "of material flow accounts. Flows out of the zone go to the atmosphere node.",
        )
    ]


def balancing_resources() -> Rows:
    """Return the resources of the balancing items."""
    return _balancing_materials() + _balancing_gases_and_heat()


def _balancing_materials() -> Rows:
    ewc = {"taxonomy": "EWC", "category": "general_industrial_solid_waste"}
    return [
        _res(
            "raw_coal",
            "Raw coal (by mass)",
            "原煤（实物量）",
            "materials",
            "mass",
            category="fuel",
            origin="virgin",
            note="The coal of flow E01 (in tce) by mass, 5,000 kcal/kg. " + COAL_MASS_NOTE,
        ),
        _res(
            "limestone",
            "Limestone for flue-gas desulphurisation",
            "脱硫用石灰石",
            "materials",
            "mass",
            category="raw_material",
            origin="virgin",
        ),
        _res(
            "cement",
            "Cement and lime",
            "水泥与石灰",
            "materials",
            "mass",
            category="raw_material",
            origin="virgin",
        ),
        _res(
            "aggregate",
            "Sand and crushed stone",
            "砂石骨料",
            "materials",
            "mass",
            category="raw_material",
            origin="virgin",
        ),
        _res(
            "consumer_goods",
            "Food, consumer goods and packaging",
            "食品、消费品及包装",
            "materials",
            "mass",
            category="product",
            note="Origin left empty: bought goods mix virgin and recycled material.",
        ),
        _res(
            "paper_rejects",
            "Rejects from pulping waste paper",
            "废纸制浆筛渣",
            "materials",
            "mass",
            code="030307",
            **ewc,
        ),
        _res(
            "wood_rejects",
            "Wood residues of particle board making",
            "刨花板生产木废料",
            "materials",
            "mass",
            code="030105",
            **ewc,
        ),
    ]


def _balancing_gases_and_heat() -> Rows:
    return [
        _res("oxygen", "Oxygen for combustion", "燃烧耗氧", "air", "mass", category="other"),
        _res(
            "flue_gas_water",
            "Water vapour and fuel nitrogen in flue gas",
            "烟气中的水蒸气与燃料氮",
            "air",
            "mass",
            category="other",
        ),
        _res("so2", "Sulphur dioxide", "二氧化硫", "air", "mass", category="air_emission"),
        _res(
            "metabolic_output",
            "Food metabolised by residents",
            "居民代谢排出物",
            "air",
            "mass",
            category="other",
            note="Breath (CO2 and water vapour, net of the oxygen breathed in) and excreta.",
        ),
        _res(
            "consumed_water",
            "Water consumed (evaporated or taken up)",
            "耗水（蒸发或进入产品）",
            "water",
            "volume",
            category="other",
        ),
        _res(
            "waste_heat",
            "Waste heat and heat released by end use",
            "余热与终端用能散热",
            "energy",
            "energy",
            category="heat",
            energy_source="secondary",
        ),
    ]


def balancing_flows() -> Rows:
    """Return the flows that close the node balances."""
    return (
        _power_plant_mass()
        + _energy_losses()
        + _water_consumed()
        + _households_mass()
        + _recycling_and_ash_products()
    )


def balancing_stocks() -> Rows:
    """Return the net addition to stock that closes manufacturing's mass balance."""
    return [
        {
            "stock_id": "manufacturing_nas",
            "node_id": "manufacturing",
            "resource_id": "raw_materials",
            "year": DALIAN_YEAR,
            "change": MANUFACTURING_NAS / 1e4,
            "unit": "万吨",
            "source": "assumed",
            "note": "Assumed: net addition to stock (equipment, buildings, inventories) in the "
            "zone's plants, the balancing item of material flow accounts: 170 万吨 in (M01 "
            "150, M02 20) − 148.12 万吨 out (M03 140, M04 3.6, M05 4.4, M06 0.12) = 21.88 万吨. "
            "Process losses to air are inside it; replace it with the enterprises' material "
            "accounts.",
        }
    ]


def _percent(share: float, decimals: int) -> str:
    return f"{share * 100:.{decimals}f} %"


def _t(amount: float) -> float:
    """Round a worked-out amount to whole tonnes for the workbook [t]."""
    return float(round(amount))


def _power_plant_mass() -> Rows:
    burnt = combustion()
    analysis = (
        f"assumed raw coal as received: C {_percent(burnt.carbon / RAW_COAL, 2)} (from the "
        f"{CO2_FROM_COAL:,.0f} t CO2 of E07), H {_percent(HYDROGEN_SHARE, 1)}, moisture "
        f"{_percent(MOISTURE_SHARE, 0)}, N {_percent(NITROGEN_SHARE, 1)}, "
        f"S {_percent(SULPHUR_SHARE, 0)}, ash "
        f"{_percent(ASH_OUT / RAW_COAL, 2)} ({ASH_OUT:,.0f} t, A01+A02+A04+A05), O by difference "
        f"{_percent(burnt.oxygen_in_coal / RAW_COAL, 2)}"
    )
    gypsum = f"{GYPSUM_OUT:,.0f} t CaSO4·2H2O (A06+A07)"
    return [
        _flow(
            "B01",
            "import>power_plant",
            "raw_coal",
            _t(RAW_COAL),
            "t",
            stage="distribution",
            note=f"assumed: flow E01 by mass, 108.9 万tce × 7,000 / 5,000 kcal/kg = "
            f"{RAW_COAL:,.0f} t raw coal. {COAL_MASS_NOTE}",
        ),
        _flow(
            "B02",
            "import>power_plant",
            "limestone",
            _t(burnt.limestone),
            "t",
            stage="distribution",
            note=f"assumed pure CaCO3 at Ca/S = 1 for {gypsum}: × 100.09 / 172.17; real "
            "scrubbers use 2-5 % more, and the excess leaves in the gypsum",
        ),
        _flow(
            "B03",
            "air>power_plant",
            "oxygen",
            _t(burnt.oxygen_from_air),
            "t",
            note=f"balancing item: O2 to burn C to CO2, H to H2O, the S not captured to "
            f"SO2 and the captured S to the SO3 of the gypsum, less the coal's own oxygen; "
            f"{analysis}",
        ),
        _flow(
            "B04",
            "power_plant>atmosphere",
            "co2",
            _t(burnt.co2_from_limestone),
            "t",
            note=f"assumed: CO2 released by the scrubber's limestone (B02), {gypsum} × "
            "44.01 / 172.17; not in E07, which counts the coal's CO2",
        ),
        _flow(
            "B05",
            "power_plant>atmosphere",
            "flue_gas_water",
            _t(burnt.flue_gas_water_and_nitrogen),
            "t",
            note=f"balancing item: water vapour from burning the coal's hydrogen "
            f"(H × 8.94) and from its moisture, and the coal's nitrogen as N2; {analysis}",
        ),
        _flow(
            "B06",
            "power_plant>atmosphere",
            "so2",
            _t(burnt.so2),
            "t",
            note=f"assumed: the coal's sulphur ({_percent(SULPHUR_SHARE, 0)} of "
            f"{RAW_COAL:,.0f} t) less the 90.4 % captured in the {gypsum}, as SO2 "
            "(× 64.06 / 32.06)",
        ),
    ]


def _energy_losses() -> Rows:
    losses = COAL_ENERGY - ELECTRICITY_OUT
    return [
        _flow(
            "B07",
            "power_plant>atmosphere",
            "waste_heat",
            _t(losses),
            "MWh",
            stage="processing",
            note=f"conversion losses: {COAL_ENERGY:,.0f} MWh coal (E01) − "
            f"{ELECTRICITY_OUT:,.0f} MWh electricity (E02-E04) = "
            f"{_percent(losses / COAL_ENERGY, 1)} at 330 gce/kWh. The cooling towers take "
            "most of it: evaporating W06 at 2.45 GJ/m³ removes about 4.4 TWh; the rest is "
            "stack, radiation and own use",
        ),
        _flow(
            "B08",
            "manufacturing>atmosphere",
            "waste_heat",
            250_000,
            "万千瓦时",
            stage="use",
            note="assumed: all electricity used in manufacturing (E02 + E05 = 250,000 "
            "万kWh) ends as heat; the energy kept in products is neglected",
        ),
        _flow(
            "B09",
            "households>atmosphere",
            "waste_heat",
            36_000,
            "万千瓦时",
            stage="use",
            note="assumed: the electricity (E03, 30,000 万kWh) and solar heat (E06, "
            "6,000 万kWh) households and services use end as heat",
        ),
    ]


def _water_consumed() -> Rows:
    return [
        _flow(
            "B10",
            "manufacturing>atmosphere",
            "consumed_water",
            350,
            "万立方米",
            stage="use",
            note="assumed: water consumed in manufacturing, 1,200 fresh (W01) + 150 "
            "reclaimed (W10) − 1,000 wastewater (W08) 万m³, evaporated in process cooling "
            "or taken up in products",
        ),
        _flow(
            "B11",
            "households>atmosphere",
            "consumed_water",
            100,
            "万立方米",
            stage="use",
            note="assumed: 600 万m³ supplied (W03) − 500 万m³ returned as sewage (W09), "
            "consumed by irrigation, cleaning and drinking",
        ),
    ]


def _households_mass() -> Rows:
    return [
        _flow(
            "B12",
            "import>households",
            "consumer_goods",
            MSW + FOOD_EATEN,
            "t",
            stage="distribution",
            note=f"assumed: the {MSW:,.0f} t of municipal solid waste they discard (S01) "
            f"plus {FOOD_EATEN:,.0f} t of food and drink eaten (B13); additions to the "
            "homes' stock of durables are not counted, so this is a lower bound",
        ),
        _flow(
            "B13",
            "households>atmosphere",
            "metabolic_output",
            FOOD_EATEN,
            "t",
            stage="use",
            note="assumed: 300,000 residents eat and drink 1.0 kg a day (tap water apart), "
            "which leaves the body as breath and excreta; the excreta go with the sewage "
            "(W09, counted by volume), so all of it is booked to the atmosphere",
        ),
    ]


def _recycling_and_ash_products() -> Rows:
    aggregate = ASH_PRODUCTS - FLY_ASH_TO_PRODUCTS - BINDER
    landfill: dict[str, Any] = {"stage": "disposal"}
    return [
        _flow(
            "B14",
            "import>ash_products",
            "cement",
            BINDER,
            "t",
            stage="distribution",
            note="assumed binder of fly ash bricks and blocks: 12 % of the 20 万吨 product (A03)",
        ),
        _flow(
            "B15",
            "import>ash_products",
            "aggregate",
            _t(aggregate),
            "t",
            stage="distribution",
            note=f"assumed: the rest of the 200,000 t product (A03) after "
            f"{FLY_ASH_TO_PRODUCTS:,.0f} t fly ash (A01) and 24,000 t binder (B14); water "
            "taken up in curing is not counted",
        ),
        _flow(
            "B16",
            "paper_recycling>landfill",
            "paper_rejects",
            1_000,
            "t",
            **landfill,
            note="assumed: 8,000 t waste paper in (S02) − 7,000 t products out (S06); "
            "contraries and fibre too short to use",
        ),
        _flow(
            "B17",
            "wood_recycling>landfill",
            "wood_rejects",
            500,
            "t",
            **landfill,
            note="assumed: 4,000 t waste wood in (S03) − 3,500 t board out (S07); "
            "contaminated wood and fines",
        ),
    ]

"""The flows of the Dalian DDZ example, one function per group of flows."""

from __future__ import annotations

from typing import Any

from examples.common import Rows
from examples.dalian_sources import ASH, CEADS, DALIAN_YEAR, PLANT, _report


def _flow(
    flow_id: str, route: str, resource: str, amount: float, unit: str, **extra: Any
) -> dict[str, Any]:
    """Return one flow row; ``route`` is ``"from_node>to_node"``."""
    source, target = route.split(">")
    row = {
        "flow_id": flow_id,
        "from_node": source,
        "to_node": target,
        "resource_id": resource,
        "year": DALIAN_YEAR,
        "amount": amount,
        "unit": unit,
        "quality": "estimated",
        "assumed": True,
        "source": "assumed",
    }
    row.update(extra)
    return row


def _dalian_flows() -> Rows:
    return (
        _dalian_energy_flows()
        + _dalian_material_flows()
        + _dalian_ash_flows()
        + _dalian_water_flows()
        + _dalian_municipal_flows()
    )


def _dalian_energy_flows() -> Rows:
    share = "assumed split of the plant's 330,000 万kWh (3.3 TWh)"
    return [
        _flow(
            "E01",
            "import>power_plant",
            "coal",
            108.9,
            "万吨标准煤",
            stage="distribution",
            note=PLANT,
        ),
        _flow(
            "E02",
            "power_plant>manufacturing",
            "electricity",
            200_000,
            "万千瓦时",
            stage="use",
            note=f"{share}: about 60 % to the zone's industry",
        ),
        _flow(
            "E03",
            "power_plant>households",
            "electricity",
            30_000,
            "万千瓦时",
            stage="use",
            note=f"{share}: about 9 % to households and services",
        ),
        _flow(
            "E04",
            "power_plant>export",
            "electricity",
            100_000,
            "万千瓦时",
            stage="distribution",
            note=f"{share}: the rest (330,000 − 230,000) to the grid",
        ),
        _flow(
            "E05",
            "grid>manufacturing",
            "electricity",
            50_000,
            "万千瓦时",
            stage="use",
            note="assumed grid purchase of industry beyond the zone plant's supply",
        ),
        _flow(
            "E06",
            "environment>households",
            "solar_heat",
            6_000,
            "万千瓦时",
            stage="use",
            note="assumed solar water heaters, about 0.6 % of the zone's energy supply, "
            "well under the national goal of 5.5 %",
        ),
        _flow(
            "E07",
            "power_plant>atmosphere",
            "co2",
            290,
            "万吨",
            source=CEADS,
            note="assumed 108.9 万tce × 2.66 t CO2/tce; about 10 % of the 29.81 Mt CO2 "
            "that CEADs gives for all of Dalian in 2003 (source column)",
        ),
    ]


def _dalian_material_flows() -> Rows:
    industry = "assumed for the aggregate of the zone's manufacturing tenants"
    return [
        _flow(
            "M01",
            "import>manufacturing",
            "raw_materials",
            150,
            "万吨",
            stage="distribution",
            note=industry,
        ),
        _flow(
            "M02",
            "import>manufacturing",
            "scrap_metal",
            20,
            "万吨",
            stage="distribution",
            note=f"{industry}: secondary input about 12 % of material input",
        ),
        _flow(
            "M03",
            "manufacturing>export",
            "products",
            140,
            "万吨",
            stage="distribution",
            note=industry,
        ),
        _flow(
            "M04",
            "manufacturing>export",
            "industrial_waste",
            3.6,
            "万吨",
            stage="recovery",
            note=f"{industry}: 45 % of 8 万吨 of other industrial solid waste recovered",
        ),
        _flow(
            "M05",
            "manufacturing>landfill",
            "industrial_waste",
            4.4,
            "万吨",
            stage="disposal",
            note=f"{industry}: the other 55 % of 8 万吨 landfilled",
        ),
        _flow(
            "M06",
            "manufacturing>export",
            "waste_oil",
            1_200,
            "t",
            stage="recovery",
            note=f"{industry}: waste mineral oil to a licensed hazardous-waste recycler",
        ),
    ]


def _dalian_ash_flows() -> Rows:
    hours = {"operating_hours": 5_500}
    return [
        _flow(
            "A01",
            "power_plant>ash_products",
            "fly_ash",
            532,
            "t/d",
            **hours,
            stage="recovery",
            note=f"{ASH}; 40 % used in building products (below the "
            "LCEP 55 %, as the fly ash action project implies)",
        ),
        _flow(
            "A02",
            "power_plant>landfill",
            "fly_ash",
            798,
            "t/d",
            **hours,
            stage="disposal",
            note=f"{ASH}; the other 60 % to the ash pond",
        ),
        _flow(
            "A03",
            "ash_products>export",
            "ash_products",
            20,
            "万吨",
            stage="distribution",
            note="assumed: 12.2 万吨 of fly ash blended with cement and aggregate",
        ),
        _flow(
            "A04",
            "power_plant>export",
            "bottom_ash",
            4.56,
            "万吨",
            stage="recovery",
            note="assumed 20 % of the ash of 1.525 Mt raw coal at 25 % ash (7.6 万吨); "
            "60 % used in road building",
        ),
        _flow(
            "A05",
            "power_plant>landfill",
            "bottom_ash",
            3.04,
            "万吨",
            stage="disposal",
            note="assumed: the other 40 % of 7.6 万吨 bottom ash to the ash pond",
        ),
        _flow(
            "A06",
            "power_plant>export",
            "fgd_gypsum",
            3.7,
            "万吨",
            stage="recovery",
            note="assumed scrubber (the report's energy worksheet lists coal 'with "
            "improvements and scrubbing'): 1.525 Mt coal at 1 % S, 90 % capture, "
            "5.4 t gypsum per t S = 7.4 万吨; half to cement and plasterboard",
        ),
        _flow(
            "A07",
            "power_plant>landfill",
            "fgd_gypsum",
            3.7,
            "万吨",
            stage="disposal",
            note="assumed: the other half of 7.4 万吨 FGD gypsum to the ash pond",
        ),
    ]


def _dalian_water_flows() -> Rows:
    fresh = "assumed withdrawal from the municipal supply"
    return [
        _flow(
            "W01",
            "water_supply>manufacturing",
            "fresh_water",
            1_200,
            "万立方米",
            stage="use",
            note=fresh,
        ),
        _flow(
            "W02",
            "water_supply>power_plant",
            "fresh_water",
            800,
            "万立方米",
            stage="use",
            note=f"{fresh}: cooling make-up and ash handling",
        ),
        _flow(
            "W03",
            "water_supply>households",
            "fresh_water",
            600,
            "万立方米",
            stage="use",
            note=f"{fresh}: 300,000 residents at about 55 m³ a year each",
        ),
        _flow(
            "W04",
            "manufacturing>manufacturing",
            "reused_water",
            1_700,
            "万立方米",
            stage="use",
            note="assumed recirculation inside the plants; with W05 gives "
            "70 % industrial water reuse, below the LCEP 85 %",
        ),
        _flow(
            "W05",
            "power_plant>power_plant",
            "reused_water",
            3_000,
            "万立方米",
            stage="use",
            note="assumed recirculated cooling water",
        ),
        _flow(
            "W06",
            "power_plant>atmosphere",
            "evaporation",
            650,
            "万立方米",
            stage="use",
            note="assumed evaporation in the cooling towers",
        ),
        _flow(
            "W07",
            "power_plant>wwtp",
            "wastewater",
            150,
            "万立方米",
            stage="disposal",
            note="assumed: 800 fresh − 650 evaporated",
        ),
        _flow(
            "W08",
            "manufacturing>wwtp",
            "wastewater",
            1_000,
            "万立方米",
            stage="disposal",
            note="assumed: 1,200 fresh + 150 reclaimed − 350 consumed",
        ),
        _flow(
            "W09",
            "households>wwtp",
            "wastewater",
            500,
            "万立方米",
            stage="disposal",
            note="assumed: about 83 % of household water returned as sewage",
        ),
        _flow(
            "W10",
            "wwtp>manufacturing",
            "reclaimed_water",
            150,
            "万立方米",
            stage="recovery",
            note="assumed output of the operating water reuse project",
        ),
        _flow(
            "W11",
            "wwtp>sea",
            "wastewater",
            1_500,
            "万立方米",
            stage="disposal",
            note="assumed: 1,650 treated − 150 reclaimed, discharged to the bay",
        ),
        _flow(
            "W12",
            "wwtp>landfill",
            "sewage_sludge",
            27,
            "t/d",
            operating_hours=8_760,
            stage="disposal",
            note="assumed 6 t dewatered sludge (80 % water) per 10⁴ m³ of 1,650 万m³ "
            "treated; the plant runs all year (8,760 h)",
        ),
    ]


LANDFILLED = 182_500 - 8_000 - 4_000
"""Municipal solid waste landfilled: flow S01 less the paper (S02) and wood (S03) [t]."""
ORGANIC = round(LANDFILLED * 0.74)
"""The report's 74 % organic share of landfilled municipal solid waste [t]."""
MSW_LANDFILLED_SHARES = {
    "waste_paper": round(LANDFILLED * 0.06),
    "waste_wood": round(LANDFILLED * 0.02),
}
"""Paper and wood landfilled, assumed 6 % and 2 % of the landfilled waste [t]."""
MSW_LANDFILLED_SHARES["organic_msw"] = ORGANIC - sum(MSW_LANDFILLED_SHARES.values())


def _dalian_municipal_flows() -> Rows:
    share = (
        "74 % organic share of landfilled municipal solid waste ("
        f"{_report('Biomass Processing')}) applied to the assumed {LANDFILLED:,} t landfilled"
    )
    split = (
        "the report counts paper and wood as biomass; assumed 6 % paper and 2 % wood of "
        "the landfilled waste, typical of Chinese cities c. 2003 (order of magnitude)"
    )
    return [
        _flow(
            "S01",
            "households>msw_collection",
            "msw",
            500,
            "t/d",
            operating_hours=8_760,
            stage="use",
            note="assumed 300,000 residents at about 1.2 kg a day plus "
            "services; collected every day (8,760 h)",
        ),
        _flow(
            "S02",
            "msw_collection>paper_recycling",
            "waste_paper",
            8_000,
            "t",
            stage="recovery",
            note="assumed throughput of the operating paper project",
        ),
        _flow(
            "S03",
            "msw_collection>wood_recycling",
            "waste_wood",
            4_000,
            "t",
            stage="recovery",
            note="assumed throughput of the operating wood project",
        ),
        _flow(
            "S04",
            "msw_collection>landfill",
            "organic_msw",
            MSW_LANDFILLED_SHARES["organic_msw"],
            "t",
            stage="disposal",
            source=_report("Biomass Processing"),
            note=f"kitchen and garden waste: the {ORGANIC:,} t organic ({share}) less the "
            f"paper (S08) and wood (S09); {split}",
        ),
        _flow(
            "S05",
            "msw_collection>landfill",
            "msw",
            LANDFILLED - ORGANIC,
            "t",
            stage="disposal",
            note=f"the remaining 26 %; {share}",
        ),
        _flow(
            "S08",
            "msw_collection>landfill",
            "waste_paper",
            MSW_LANDFILLED_SHARES["waste_paper"],
            "t",
            stage="disposal",
            note=f"paper and cardboard in the organic 74 %; {split}",
        ),
        _flow(
            "S09",
            "msw_collection>landfill",
            "waste_wood",
            MSW_LANDFILLED_SHARES["waste_wood"],
            "t",
            stage="disposal",
            note=f"wood in the organic 74 %; {split}",
        ),
        _flow(
            "S06",
            "paper_recycling>export",
            "products",
            7_000,
            "t",
            stage="distribution",
            note="assumed recycled fibre products, 87.5 % yield",
        ),
        _flow(
            "S07",
            "wood_recycling>export",
            "products",
            3_500,
            "t",
            stage="distribution",
            note="assumed particle board, 87.5 % yield",
        ),
    ]

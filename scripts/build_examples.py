"""Build the example workbooks of ``ecoplan.examples`` from their sources.

Three examples, each validated with :meth:`ecoplan.Zone.from_tables` before it is written:

- ``dalian``: the Dalian Economic and Technological Development Zone (DDZ), from the facts of
  the eco-planning report (``shared/reference``). The report gives targets, counts and shares,
  almost no annual amounts: every amount not taken from it is marked ``assumed`` with its basis.
- ``kalundborg``: the Kalundborg symbiosis, from ``shared/data/real/kalundborg-symbiosis``.
- ``finland-pirkanmaa``: the PRTR facilities of the Pirkanmaa region (Tampere) and their waste
  transfers in 2022, from ``shared/data/real/fi-prtr-facilities-waste``.

Run ``python scripts/build_examples.py`` from the repository; ``--check`` only validates.
The tables are built in a fixed order from fixed inputs, so two runs give the same tables.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from ecoplan.model.zone import Zone

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "src" / "ecoplan" / "examples"
DATA = Path(os.environ.get("ECOPLAN_SHARED", REPO.parent / "shared")) / "data" / "real"

Rows = list[dict[str, Any]]

# --------------------------------------------------------------------------------------------
# Dalian Development Zone (DDZ)
# --------------------------------------------------------------------------------------------

REPORT = "Dalian DDZ eco-planning report (c. 2003)"
DALIAN_YEAR = 2003
LCEP = "Liaoning Circular Economy Plan (LCEP), near-term major targets #2"
CEADS = (
    "CEADs city CO2 inventory (Shan et al. 2022, Sci. Bull. 67:1910), row 辽宁大连 2003: "
    "29.81 Mt CO2 for the whole municipality"
)
PLANT = (
    "assumed coal plant of 600 MW running 5,500 h/a at 330 gce/kWh (typical Chinese "
    "subcritical units c. 2003): 3.3 TWh, 108.9 万tce; the report names the DDZ power plant "
    "but gives no size"
)
ASH = (
    "assumed raw coal of 5,000 kcal/kg (1.525 Mt for 108.9 万tce) with 25 % ash, of which "
    "80 % fly ash: 305 kt/a, i.e. 1,330 t/d over 5,500 h"
)


def _report(section: str) -> str:
    return f"{REPORT}, section '{section}'"


def dalian_tables() -> dict[str, pd.DataFrame]:
    """Return the tables of the Dalian DDZ example zone."""
    tables: dict[str, Rows] = {
        "zone": [_dalian_zone()],
        "sites": _dalian_sites(),
        "organisations": _dalian_organisations(),
        "nodes": _dalian_nodes(),
        "resources": _dalian_resources(),
        "flows": _dalian_flows(),
        "stocks": _dalian_stocks(),
        "durables": _dalian_durables(),
        "durable_series": _dalian_durable_series(),
        "economy": _dalian_economy(),
        "targets": _dalian_targets(),
        "listings": _dalian_listings(),
        "projects": _dalian_projects(),
        "energy_demand": _dalian_energy_demand(),
        "portfolio": _dalian_portfolio(),
    }
    return {name: pd.DataFrame(rows) for name, rows in tables.items()}


def _dalian_zone() -> dict[str, Any]:
    return {
        "zone_id": "dalian-ddz",
        "name": "Dalian Economic and Technological Development Zone (DDZ)",
        "name_zh": "大连经济技术开发区",
        "base_year": DALIAN_YEAR,
        "currency": "CNY",
        "boundary": "The DDZ after its recent expansion (the report says the zone doubled in "
        "size), with the 83 ha reserve for the Dalian eco-industrial park; municipal "
        "solid waste and landfill refer to Dalian's landfill.",
        "description": (
            "Example zone built from the Dalian DDZ eco-planning report (c. 2003). Taken from "
            "the report: the 83 ha EIP reserve, the LCEP targets (industrial water reuse 85 %, "
            "integrated use of industrial solid waste 50 %, fly ash 55 %, coal gangue 50 %), "
            "the national renewable goal of 5.5 %, the eight action projects of the "
            "environmental protection bureau (3 operating, 2 starting, 2 in planning, 1 in "
            "technology evaluation; 4 on biomass streams, 2 on water, 1 on power-plant fly ash) "
            "and the 74 % organic share of landfilled municipal solid waste. The report gives "
            "almost no annual amounts: every flow, stock and economy value not in it is marked "
            "assumed = TRUE and its note gives the basis; replace them with the zone's "
            "statistics. Which project has which status is also assumed (the report gives only "
            "the counts). The GDP growth target of 26 % is stated once as over ten years and "
            "once as per annum; no scenario here assumes either. The coal gangue target is kept "
            "although the DDZ has no coal mining, so its indicator is not computable."
        ),
        "source": "Dalian DDZ eco-planning report (c. 2003), shared/reference; "
        "CEADs city CO2 inventories for the Dalian CO2 comparison.",
    }


def _dalian_sites() -> Rows:
    return [
        {
            "site_id": "ddz_original",
            "name": "DDZ original area",
            "longitude": 121.80,
            "latitude": 39.07,
            "note": "Approximate centre of the zone (Jinzhou, Dalian), not surveyed.",
            "source": _report("Use the Integrative Approach in the DDZ Master Planning Process"),
        },
        {
            "site_id": "ddz_expansion",
            "name": "DDZ newly acquired area",
            "note": "The acquired area doubled the zone; its size and location are not given.",
            "source": _report("Use the Integrative Approach in the DDZ Master Planning Process"),
        },
        {
            "site_id": "eip_reserve",
            "name": "Dalian EIP reserve parcel",
            "area": 83,
            "area_unit": "ha",
            "note": "At the gateway to the newly expanded area; steep terrain, a large flood plain "
            "and reservoir flood risk. Coordinates not given in the report.",
            "source": _report("Action Steps so Far"),
        },
        {
            "site_id": "dalian_landfill",
            "name": "Dalian municipal landfill",
            "note": "Receives most of Dalian's municipal solid waste; location not given.",
            "source": _report("Biomass Processing"),
        },
    ]


def _org(org_id: str, name: str, name_zh: str, kind: str, **extra: Any) -> dict[str, Any]:
    return {"org_id": org_id, "name": name, "name_zh": name_zh, "kind": kind, **extra}


def _dalian_organisations() -> Rows:
    gb = "GB/T 4754"
    section = _report("Learn from the Eight Action Projects for the DDZ Circular Economy")
    return [
        _org(
            "epb",
            "DDZ Environmental Protection Bureau",
            "开发区环境保护局",
            "agency",
            site_id="ddz_original",
            source=section,
        ),
        _org(
            "planning_bureau",
            "DDZ Planning Bureau",
            "开发区规划局",
            "agency",
            site_id="ddz_original",
            source=_report("Action Steps so Far"),
        ),
        _org(
            "investment_bureau",
            "DDZ Investment Bureau",
            "开发区投资促进局",
            "agency",
            site_id="ddz_original",
            source=section,
        ),
        _org(
            "ddz_power",
            "DDZ power plant",
            "开发区热电厂",
            "utility",
            industry_scheme=gb,
            industry_code="4411",
            ownership="state_owned",
            site_id="ddz_original",
            note="Leads the fly ash action project. Ownership assumed.",
            source=section,
        ),
        _org(
            "ddz_water",
            "DDZ wastewater treatment and reuse utility",
            "开发区污水处理厂",
            "utility",
            industry_scheme=gb,
            industry_code="4620",
            site_id="ddz_original",
            note="Runs the two water treatment and reuse projects (lead assumed).",
            source=section,
        ),
        _org(
            "ddz_sanitation",
            "DDZ sanitation department",
            "开发区环卫部门",
            "agency",
            industry_scheme=gb,
            industry_code="7820",
            site_id="ddz_original",
            note="Collects municipal solid waste (assumed role).",
            source=section,
        ),
        _org(
            "ddz_industry",
            "DDZ manufacturing enterprises (aggregate)",
            "开发区制造企业（汇总）",
            "enterprise",
            industry_scheme=gb,
            industry_code="C",
            site_id="ddz_original",
            note="All manufacturing tenants summed; GB/T 4754 section C.",
            source="assumed aggregate",
        ),
        _org(
            "paper_recycler",
            "Waste paper recycler",
            "废纸回收企业",
            "enterprise",
            industry_scheme=gb,
            industry_code="4220",
            cluster="resource_recovery",
            note="Lead of the paper action project; the report does not name it.",
            source=section,
        ),
        _org(
            "wood_recycler",
            "Waste wood processor",
            "废木材加工企业",
            "enterprise",
            industry_scheme=gb,
            industry_code="2021",
            cluster="resource_recovery",
            note="Lead of the wood action project; the report does not name it.",
            source=section,
        ),
        _org(
            "ash_products",
            "Building products from power-plant ash",
            "粉煤灰建材企业",
            "enterprise",
            industry_scheme=gb,
            industry_code="3031",
            cluster="resource_recovery",
            site_id="eip_reserve",
            note="Candidate EIP tenant making building products from ash.",
            source=_report("Summary of Dalian EIP Concept"),
        ),
        _org(
            "eip_management",
            "Dalian EIP management",
            "大连生态工业园区管理机构",
            "agency",
            site_id="eip_reserve",
            source=_report("EIP Service Facilities"),
        ),
        _org(
            "households",
            "DDZ households",
            "开发区居民",
            "household_sector",
            site_id="ddz_original",
            source="assumed sector",
        ),
    ]


def _node(node_id: str, name: str, name_zh: str, kind: str, **extra: Any) -> dict[str, Any]:
    return {"node_id": node_id, "name": name, "name_zh": name_zh, "kind": kind, **extra}


def _dalian_nodes() -> Rows:
    return [
        _node("import", "Imports into the zone", "区外输入", "import"),
        _node("water_supply", "Municipal water supply (reservoirs)", "市政供水（水库）", "import"),
        _node("grid", "Provincial power grid", "省电网", "import"),
        _node("environment", "Environment (solar)", "自然环境（太阳能）", "environment"),
        _node(
            "power_plant",
            "Coal-fired power and heat plant",
            "燃煤热电厂",
            "process",
            org_id="ddz_power",
            site_id="ddz_original",
        ),
        _node(
            "manufacturing",
            "Manufacturing",
            "制造业",
            "process",
            org_id="ddz_industry",
            site_id="ddz_original",
        ),
        _node(
            "households",
            "Households and services",
            "居民与服务业",
            "process",
            org_id="households",
            site_id="ddz_original",
        ),
        _node(
            "wwtp",
            "Wastewater treatment plant",
            "污水处理厂",
            "process",
            org_id="ddz_water",
            site_id="ddz_original",
        ),
        _node(
            "msw_collection",
            "Municipal solid waste collection",
            "生活垃圾收运",
            "process",
            org_id="ddz_sanitation",
            site_id="ddz_original",
        ),
        _node(
            "paper_recycling",
            "Waste paper recycling",
            "废纸回收利用",
            "process",
            org_id="paper_recycler",
        ),
        _node(
            "wood_recycling",
            "Waste wood processing",
            "废木材加工",
            "process",
            org_id="wood_recycler",
        ),
        _node(
            "ash_products",
            "Ash building products",
            "粉煤灰建材生产",
            "process",
            org_id="ash_products",
            site_id="eip_reserve",
        ),
        _node("export", "Exports and users outside the zone", "区外输出", "export"),
        _node(
            "landfill",
            "Landfill and ash pond",
            "填埋场与灰场",
            "landfill",
            site_id="dalian_landfill",
        ),
        _node("atmosphere", "Atmosphere", "大气", "atmosphere"),
        _node("sea", "Dalian Bay", "大连湾", "water_body"),
    ]


def _res(
    resource_id: str, name: str, name_zh: str, kind: str, dimension: str, **extra: Any
) -> dict[str, Any]:
    return {
        "resource_id": resource_id,
        "name": name,
        "name_zh": name_zh,
        "type": kind,
        "dimension": dimension,
        **extra,
    }


def _dalian_resources() -> Rows:
    ewc = {"taxonomy": "EWC"}
    return [
        _res("coal", "Coal", "煤炭", "energy", "energy", category="fuel", energy_source="fossil"),
        _res(
            "electricity",
            "Electricity",
            "电力",
            "energy",
            "energy",
            category="electricity",
            energy_source="fossil",
            note="Coal-fired plant and a coal-dominated grid.",
        ),
        _res(
            "solar_heat",
            "Solar water heating",
            "太阳能热水",
            "energy",
            "energy",
            category="heat",
            energy_source="renewable",
        ),
        _res(
            "raw_materials",
            "Virgin raw materials",
            "原生原材料",
            "materials",
            "mass",
            category="raw_material",
            origin="virgin",
        ),
        _res(
            "scrap_metal",
            "Ferrous scrap",
            "废钢铁",
            "materials",
            "mass",
            **ewc,
            code="191202",
            category="raw_material",
            origin="secondary",
        ),
        _res(
            "products", "Manufactured products", "工业产品", "materials", "mass", category="product"
        ),
        _res("fresh_water", "Fresh water", "新鲜水", "water", "volume", category="fresh_water"),
        _res(
            "reused_water",
            "Recirculated industrial water",
            "工业重复利用水",
            "water",
            "volume",
            category="reused_water",
        ),
        _res(
            "reclaimed_water",
            "Reclaimed water",
            "再生水",
            "water",
            "volume",
            category="reclaimed_water",
        ),
        _res("wastewater", "Wastewater", "废水", "water", "volume", category="wastewater"),
        _res(
            "evaporation",
            "Water evaporated in cooling",
            "冷却蒸发水",
            "water",
            "volume",
            category="other",
        ),
        _res(
            "fly_ash",
            "Fly ash",
            "粉煤灰",
            "materials",
            "mass",
            **ewc,
            code="100102",
            category="fly_ash",
            origin="secondary",
        ),
        _res(
            "bottom_ash",
            "Bottom ash and slag",
            "炉渣",
            "materials",
            "mass",
            **ewc,
            code="100101",
            category="bottom_ash_slag",
            origin="secondary",
        ),
        _res(
            "fgd_gypsum",
            "Flue-gas desulphurisation gypsum",
            "脱硫石膏",
            "materials",
            "mass",
            **ewc,
            code="100105",
            category="fgd_gypsum",
            origin="secondary",
        ),
        _res(
            "coal_gangue",
            "Coal gangue",
            "煤矸石",
            "materials",
            "mass",
            **ewc,
            code="010102",
            category="coal_gangue",
            origin="secondary",
            note="No flow in the DDZ: there is no coal mining in the zone.",
        ),
        _res(
            "industrial_waste",
            "Other general industrial solid waste",
            "其他一般工业固体废物",
            "materials",
            "mass",
            taxonomy="zone",
            code="GISW-OTHER",
            category="general_industrial_solid_waste",
            origin="secondary",
        ),
        _res(
            "waste_oil",
            "Waste mineral oil",
            "废矿物油",
            "materials",
            "mass",
            taxonomy="CN-HW",
            code="900-249-08",
            category="hazardous_waste",
            hazardous=True,
        ),
        _res(
            "msw",
            "Mixed municipal solid waste",
            "混合城市生活垃圾",
            "materials",
            "mass",
            **ewc,
            code="200301",
            category="municipal_solid_waste",
        ),
        _res(
            "organic_msw",
            "Organic fraction of municipal solid waste",
            "生活垃圾有机组分",
            "materials",
            "mass",
            **ewc,
            code="200108",
            category="organic_waste",
        ),
        _res(
            "waste_paper",
            "Waste paper and cardboard",
            "废纸",
            "materials",
            "mass",
            **ewc,
            code="200101",
            category="organic_waste",
            origin="secondary",
        ),
        _res(
            "waste_wood",
            "Waste wood",
            "废木材",
            "materials",
            "mass",
            **ewc,
            code="200138",
            category="organic_waste",
            origin="secondary",
        ),
        _res(
            "sewage_sludge",
            "Sewage sludge",
            "污泥",
            "materials",
            "mass",
            **ewc,
            code="190805",
            category="sewage_sludge",
        ),
        _res(
            "ash_products",
            "Building products from ash",
            "粉煤灰建材",
            "materials",
            "mass",
            category="product",
            origin="secondary",
        ),
        _res("co2", "Carbon dioxide", "二氧化碳", "air", "mass", category="air_emission"),
        _res(
            "cd_waste",
            "Construction and demolition waste",
            "建筑垃圾",
            "materials",
            "mass",
            **ewc,
            code="170904",
            category="other",
        ),
    ]


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


def _dalian_municipal_flows() -> Rows:
    landfilled = 182_500 - 8_000 - 4_000
    organic = round(landfilled * 0.74)
    share = (
        "74 % organic share of landfilled municipal solid waste ("
        f"{_report('Biomass Processing')}) applied to the assumed 170,500 t landfilled"
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
            organic,
            "t",
            stage="disposal",
            source=_report("Biomass Processing"),
            note=share,
        ),
        _flow(
            "S05",
            "msw_collection>landfill",
            "msw",
            landfilled - organic,
            "t",
            stage="disposal",
            note=f"the remaining 26 %; {share}",
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


def _dalian_stocks() -> Rows:
    return [
        {
            "stock_id": "ash_pond",
            "node_id": "landfill",
            "resource_id": "fly_ash",
            "year": DALIAN_YEAR,
            "level": 200,
            "change": 18.2875,
            "unit": "万吨",
            "source": "assumed",
            "note": "Assumed: level of the ash pond about ten years of disposal; the change equals "
            "flow A02 (798 t/d over 5,500 h).",
        }
    ]


def _dalian_durables() -> Rows:
    return [
        {
            "durable_id": "buildings",
            "name": "DDZ buildings (construction material)",
            "resource_id": "cd_waste",
            "driver": "inflow",
            "distribution": "normal",
            "lifetime_mean": 35,
            "lifetime_sd": 10,
            "unit": "万吨",
            "source": "assumed",
            "note": "Assumed: construction material built into the zone each year since its "
            "founding (1984), growing with the zone; Chinese buildings of this period are often "
            "demolished after 30 to 40 years. Discards become construction and demolition "
            "waste.",
        }
    ]


def _dalian_durable_series() -> Rows:
    return [
        {
            "durable_id": "buildings",
            "year": year,
            "value": 10.0 * (year - 1983),
            "source": "assumed; see the note of the durable",
        }
        for year in range(1985, DALIAN_YEAR + 1)
    ]


def _dalian_economy() -> Rows:
    basis = (
        "assumed order of magnitude for a national development zone of this size in 2003; "
        "replace with the zone's statistics yearbook"
    )
    return [
        {
            "year": DALIAN_YEAR,
            "variable": "gdp",
            "value": 400,
            "unit": "亿元",
            "assumed": True,
            "note": basis,
        },
        {
            "year": DALIAN_YEAR,
            "variable": "industrial_value_added",
            "value": 260,
            "unit": "亿元",
            "assumed": True,
            "note": basis,
        },
        {
            "year": DALIAN_YEAR,
            "variable": "population",
            "value": 300_000,
            "unit": "1",
            "assumed": True,
            "note": basis,
        },
    ]


def _dalian_energy_demand() -> Rows:
    """Demand rows that reproduce the example's 2003 energy flows (E02-E06)."""
    common = {"base_year": DALIAN_YEAR, "intensity_change": 0.0, "source": "assumed"}
    growth = {
        "growth": 0.26,
        "growth_kind": "period",
        "growth_period": 10,
        "note": "the report's 26 % GDP growth read as 'over the next ten years' (it also says "
        "'per annum'; 26 %/a over ten years would be a factor 10.09, not 1.26); intensity "
        "from flows E02+E05 over the assumed 260 亿元 industrial value added",
    }
    people = {
        "growth": 0.02,
        "growth_kind": "annual",
        "note": "assumed 2 %/a population growth; intensity from flows E03 and E06 over the "
        "assumed 300,000 residents",
    }
    return [
        {
            "sector": "industry",
            "carrier": "electricity",
            "driver": "value_added",
            "base_value": 260,
            "driver_unit": "亿元",
            "intensity": 2_500_000 / 260,
            **growth,
            **common,
        },
        {
            "sector": "households",
            "carrier": "electricity",
            "driver": "population",
            "base_value": 300_000,
            "driver_unit": "1",
            "intensity": 1.0,
            **people,
            **common,
        },
        {
            "sector": "households",
            "carrier": "heat",
            "driver": "population",
            "base_value": 300_000,
            "driver_unit": "1",
            "intensity": 0.2,
            **people,
            **common,
        },
    ]


_PORTFOLIO_YEARS = (DALIAN_YEAR, 2010, 2015, 2020, 2030, 2040, 2050)
_DIVERSIFIED = {
    "pc_coal_unscrubbed": (97.9, 60, 30, 10, 0, 0, 0),
    "pc_coal_scrubbed": (0, 25, 35, 35, 25, 15, 5),
    "igcc": (0, 0, 2, 5, 8, 8, 5),
    "cfb_coal": (0, 5, 8, 8, 7, 5, 3),
    "msw_landfill_gas": (0, 1, 2, 3, 4, 4, 4),
    "biomass": (0, 1, 3, 5, 7, 8, 8),
    "hydrogen_fuel_cell": (0, 0, 0, 1, 3, 5, 7),
    "solar": (2.1, 2.5, 4, 8, 12, 16, 20),
    "geothermal": (0, 0, 0, 1, 2, 3, 3),
    "ocean": (0, 0, 0, 0, 1, 2, 3),
    "wind": (0, 2, 6, 10, 14, 17, 20),
    "hydro": (0, 0, 0, 0, 0, 0, 0),
    "efficiency": (0, 3.5, 10, 14, 17, 17, 22),
}
_COAL_AS_USUAL = {
    "pc_coal_unscrubbed": (97.9, 90, 80, 70, 60, 55, 50),
    "pc_coal_scrubbed": (0, 7.9, 17.9, 27.9, 37.9, 42.9, 47.9),
    "solar": (2.1, 2.1, 2.1, 2.1, 2.1, 2.1, 2.1),
}


def _dalian_portfolio() -> Rows:
    """The report's scenario worksheet filled with two assumed scenarios."""
    present = (
        "present (2003): the example's flows, 2.80 TWh coal power to the zone and 0.06 TWh "
        "solar heat (E02-E06) over 2.86 TWh"
    )
    basis = {
        "diversified": "assumed path toward the report's diversified energy strategy",
        "coal_as_usual": "assumed path with coal only, scrubbers added over time",
    }
    rows = []
    for scenario, table in (("diversified", _DIVERSIFIED), ("coal_as_usual", _COAL_AS_USUAL)):
        for tech, shares in table.items():
            for year, share in zip(_PORTFOLIO_YEARS, shares, strict=True):
                note = present if year == DALIAN_YEAR else basis[scenario]
                rows.append(
                    {
                        "scenario": scenario,
                        "technology": tech,
                        "year": year,
                        "share": share,
                        "assumed": True,
                        "source": _report(
                            "Alternative Energy Portfolio Standards: a scenario worksheet"
                        ),
                        "note": note,
                    }
                )
    return rows


def _target(target_id: str, indicator: str, value: float, source: str) -> dict[str, Any]:
    return {
        "target_id": target_id,
        "indicator": indicator,
        "value": value,
        "year": 2005,
        "comparison": ">=",
        "source": source,
        "note": "Target year assumed: the report says near-term without a year; 2005 is the "
        "end of the 10th Five-Year Plan.",
    }


def _dalian_targets() -> Rows:
    lcep = f"{LCEP}, cited in {_report('Supporting Achievement of the Circular Economy')}"
    plan = (
        "national 10th Five-Year Plan goal, cited in "
        f"{_report('Creating a Sustainable Diversified Energy Strategy')}"
    )
    return [
        _target("lcep_water_reuse", "industrial_water_reuse_rate", 85, lcep),
        _target("lcep_solid_waste", "solid_waste_utilisation_rate", 50, lcep),
        _target("lcep_fly_ash", "fly_ash_utilisation_rate", 55, lcep),
        _target("lcep_coal_gangue", "coal_gangue_utilisation_rate", 50, lcep),
        _target("national_renewable", "renewable_share", 5.5, plan),
    ]


def _dalian_listings() -> Rows:
    return [
        {
            "listing_id": "offer_fly_ash",
            "kind": "offer",
            "org_id": "ddz_power",
            "node_id": "power_plant",
            "resource_id": "fly_ash",
            "amount": 798,
            "unit": "t/d",
            "operating_hours": 5_500,
            "year": DALIAN_YEAR,
            "quality": "dry fly ash; grade under GB/T 1596 to be tested",
            "price": 0,
            "price_unit": "元/t",
            "site_id": "ddz_original",
            "source": "assumed",
            "note": "Assumed: the fly ash now sent to the ash pond (flow A02), offered free.",
        },
        {
            "listing_id": "request_reclaimed",
            "kind": "request",
            "org_id": "ddz_industry",
            "node_id": "manufacturing",
            "resource_id": "reclaimed_water",
            "amount": 500,
            "unit": "万立方米",
            "year": 2005,
            "price": 1.5,
            "price_unit": "元/m³",
            "source": "assumed",
            "note": "Assumed: cooling water that industry could take from the second water "
            "reuse project, at less than the fresh-water tariff.",
        },
    ]


def _project(
    project_id: str,
    name: str,
    name_zh: str,
    org_id: str,
    status: str,
    category: str,
    description: str,
) -> dict[str, Any]:
    return {
        "project_id": project_id,
        "name": name,
        "name_zh": name_zh,
        "org_id": org_id,
        "status": status,
        "category": category,
        "start_year": DALIAN_YEAR,
        "description": description,
        "source": _report("Learn from the Eight Action Projects for the DDZ Circular Economy"),
    }


def _dalian_projects() -> Rows:
    status = " Status assumed: the report gives only how many projects have each status."
    return [
        _project(
            "ap_paper",
            "Waste paper recovery",
            "废纸回收利用",
            "paper_recycler",
            "operating",
            "biomass",
            "Biomass stream: waste paper." + status,
        ),
        _project(
            "ap_wood",
            "Waste wood recovery",
            "废木材回收利用",
            "wood_recycler",
            "operating",
            "biomass",
            "Biomass stream: waste wood." + status,
        ),
        _project(
            "ap_water_reuse",
            "Wastewater reclamation for industry",
            "污水再生回用",
            "ddz_water",
            "operating",
            "water",
            "Water treatment and reuse." + status,
        ),
        _project(
            "ap_fly_ash",
            "Power-plant fly ash utilisation",
            "电厂粉煤灰综合利用",
            "ddz_power",
            "starting",
            "solid_waste",
            "Building products from fly ash; the power plant staff lead it." + status,
        ),
        _project(
            "ap_water_second",
            "Second water treatment and reuse project",
            "第二个水回用项目",
            "ddz_water",
            "starting",
            "water",
            "Water treatment and reuse." + status,
        ),
        _project(
            "ap_garbage",
            "Organic garbage conversion",
            "生活垃圾有机质转化",
            "ddz_sanitation",
            "planning",
            "biomass",
            "Biomass stream: garbage." + status,
        ),
        _project(
            "ap_eighth",
            "Eighth action project",
            "第八个行动项目",
            "epb",
            "planning",
            "other",
            "The report counts eight projects but describes seven." + status,
        ),
        _project(
            "ap_sludge",
            "Sewage sludge to energy",
            "污泥能源化",
            "ddz_water",
            "evaluation",
            "biomass",
            "Biomass stream: sewage sludge; digestion technologies under evaluation." + status,
        ),
    ]


# --------------------------------------------------------------------------------------------
# Kalundborg symbiosis
# --------------------------------------------------------------------------------------------

KALUNDBORG_FLOWS = DATA / "kalundborg-symbiosis" / "kalundborg_flows.csv"
KALUNDBORG_SOURCE = (
    "Kalundborg exchanges compiled from cited public pages "
    "(shared/data/real/kalundborg-symbiosis); standard references: Jacobsen "
    "(2006) J. Ind. Ecol. 10(1-2):239-255; Danielsson, Møller & Randers (2018)"
)

_PARTNERS = {
    "Asnaes Power Station": "asnaes",
    "Gyproc (plasterboard plant)": "gyproc",
    "Aalborg Portland (cement, concrete) and road building": "aalborg_portland",
    "Statoil refinery": "refinery",
    "Statoil refinery (ATS plant)": "refinery",
    "Kemira (sulphuric acid producer, Fredericia)": "kemira",
    "chemical companies (sulphur buyers)": "sulphur_buyers",
    "agriculture via Dangoedning (fertiliser marketing)": "agriculture",
    "Kalundborg municipality district heating": "district_heating",
    "fish farm": "fish_farm",
    "Statoil refinery, Novo Nordisk, Novozymes": "refinery",
    "Novo Nordisk and Novozymes": "novo",
    "Bigadan biogas plant, then farmland as fertiliser": "biogas",
    "Kalundborg municipality wastewater plant": "wastewater_plant",
    "Soilrem (Bioteknisk Jordrens, soil remediation)": "soilrem",
}
"""Partner names of the source table mapped to node identifiers."""

_KALUNDBORG_LINKS = {
    "K01": ("fgd_gypsum", 2015, "period c. 2010s; 2015 taken as the year"),
    "K04": ("sulphur", 1995, "period 1990s (book chapter); 1995 taken as the year"),
    "K05": (
        "sulphur",
        1999,
        "period before 2000, when the ATS plant (K06) replaced these sales; 1999 taken as the year",
    ),
    "K06": (
        "ats",
        2015,
        "runs from 2000 on; booked in 2015 with the rest of the running network. Range "
        "15,000-27,000 t/a; the amount is the upper bound, the 27,000 t/a capacity",
    ),
    "K07": (
        "cooling_water",
        2015,
        "period not stated (the original is usually cited as Jacobsen 2006, data to 2002); "
        "booked in 2015 with the rest of the running network",
    ),
    "K11": (
        "fermentation_biomass",
        2015,
        "figure of c. 2017; booked in 2015 with the rest of the running network",
    ),
}
"""Rows of the source table that are flows: resource, year taken, and why that year."""

_UNITS = {"t/yr": "t/a", "m3/yr": "m³/a"}


def kalundborg_tables(path: Path = KALUNDBORG_FLOWS) -> dict[str, pd.DataFrame]:
    """Return the tables of the Kalundborg symbiosis example zone."""
    links = pd.read_csv(path, dtype=str, keep_default_na=False)
    tables: dict[str, Rows] = {
        "zone": [_kalundborg_zone(links)],
        "sites": [
            {
                "site_id": "kalundborg",
                "name": "Kalundborg",
                "longitude": 11.09,
                "latitude": 55.68,
                "note": "Approximate town centre, not surveyed.",
                "source": "approximate",
            }
        ],
        "organisations": _kalundborg_organisations(),
        "nodes": _kalundborg_nodes(),
        "resources": _kalundborg_resources(),
        "flows": [
            _kalundborg_flow(row)
            for _, row in links.iterrows()
            if row["flow_id"] in _KALUNDBORG_LINKS
        ],
    }
    return {name: pd.DataFrame(rows) for name, rows in tables.items()}


def _kalundborg_zone(links: pd.DataFrame) -> dict[str, Any]:
    left_out = links[~links["flow_id"].isin(list(_KALUNDBORG_LINKS))]
    listed = "; ".join(
        f"{row.flow_id} {row.source_partner} → {row.target_partner}: {row.material}"
        f" ({f'{row.quantity} {row.unit}'.strip() or 'no quantity'}, {row.source_url})"
        for row in left_out.itertuples()
    )
    return {
        "zone_id": "kalundborg",
        "name": "Kalundborg Symbiosis (Denmark)",
        "name_zh": "卡伦堡产业共生体系（丹麦）",
        "base_year": 2015,
        "currency": "EUR",
        "boundary": "Partners of the Kalundborg Symbiosis and the outside buyers of its "
        "by-products.",
        "description": (
            "The best-known industrial symbiosis, from a table compiled from public pages. "
            "Quantities come from different years and documents (1990s to about 2017) and are "
            "not a mass balance. The links that run today are booked in 2015, the base year, so "
            "the base year shows the running network; the sulphur sales that the ATS plant "
            "replaced in 2000 keep their own years (1995, 1999). Each flow's note gives the "
            "period of its figure. Only links with a published annual amount are flows. "
            "Left out of the flows, because they have no quantity, give a rate per day or hour "
            "without published operating hours, or count homes or the receiver's product "
            "instead of the flow: " + listed + ". Published network-wide benefits "
            "(Ellen MacArthur Foundation): about 24 million EUR/yr savings, 635,000 t CO2/yr "
            "avoided, 3.6 million m³/yr water and 100 GWh/yr energy saved, 87,000 t/yr "
            "materials recycled."
        ),
        "source": KALUNDBORG_SOURCE,
    }


def _kalundborg_organisations() -> Rows:
    site = {"site_id": "kalundborg"}
    return [
        _org("asnaes", "Asnaes Power Station", "阿斯内斯电厂", "utility", **site),
        _org("gyproc", "Gyproc plasterboard plant", "Gyproc 石膏板厂", "enterprise", **site),
        _org(
            "refinery",
            "Statoil (Equinor) refinery",
            "Statoil（Equinor）炼油厂",
            "enterprise",
            **site,
        ),
        _org("novo_nordisk", "Novo Nordisk", "诺和诺德", "enterprise", **site),
        _org("novozymes", "Novozymes", "诺维信", "enterprise", **site),
        _org("bigadan", "Bigadan biogas plant", "Bigadan 沼气厂", "enterprise", **site),
        _org("municipality", "Kalundborg municipality", "卡伦堡市政府", "agency", **site),
        _org("soilrem", "Soilrem (soil remediation)", "Soilrem 土壤修复公司", "enterprise", **site),
        _org(
            "aalborg_portland",
            "Aalborg Portland",
            "奥尔堡波特兰水泥公司",
            "enterprise",
            note="Cement plant outside Kalundborg.",
        ),
        _org("kemira", "Kemira", "凯米拉", "enterprise", note="Sulphuric acid plant, Fredericia."),
        _org(
            "dangoedning",
            "Dangoedning",
            "Dangoedning 化肥销售公司",
            "enterprise",
            note="Markets the refinery's ATS fertiliser to agriculture.",
        ),
    ]


def _kalundborg_nodes() -> Rows:
    site = {"site_id": "kalundborg"}
    return [
        _node("asnaes", "Asnaes Power Station", "阿斯内斯电厂", "process", org_id="asnaes", **site),
        _node(
            "gyproc", "Gyproc plasterboard plant", "石膏板厂", "process", org_id="gyproc", **site
        ),
        _node(
            "refinery",
            "Statoil refinery and its ATS plant",
            "炼油厂及硫代硫酸铵装置",
            "process",
            org_id="refinery",
            **site,
        ),
        _node(
            "novo",
            "Novo Nordisk and Novozymes fermentation",
            "诺和诺德与诺维信发酵",
            "process",
            **site,
            note="One node for both companies: the source gives their "
            "residual biomass as one amount.",
        ),
        _node("biogas", "Bigadan biogas plant", "沼气厂", "process", org_id="bigadan", **site),
        _node(
            "district_heating",
            "Kalundborg district heating",
            "卡伦堡区域供热",
            "process",
            org_id="municipality",
            **site,
        ),
        _node(
            "wastewater_plant",
            "Kalundborg wastewater plant",
            "卡伦堡污水处理厂",
            "process",
            org_id="municipality",
            **site,
        ),
        _node(
            "soilrem", "Soilrem soil remediation", "土壤修复", "process", org_id="soilrem", **site
        ),
        _node("fish_farm", "Fish farm", "养鱼场", "process", **site),
        _node(
            "aalborg_portland",
            "Aalborg Portland and road building",
            "水泥厂与道路建设",
            "export",
            org_id="aalborg_portland",
        ),
        _node(
            "kemira",
            "Kemira sulphuric acid plant, Fredericia",
            "凯米拉硫酸厂（弗雷德里西亚）",
            "export",
            org_id="kemira",
        ),
        _node(
            "sulphur_buyers", "Chemical companies buying sulphur", "购买硫磺的化工企业", "export"
        ),
        _node(
            "agriculture",
            "Agriculture via Dangoedning",
            "农业（经 Dangoedning）",
            "export",
            org_id="dangoedning",
        ),
    ]


def _kalundborg_resources() -> Rows:
    ewc = {"taxonomy": "EWC"}
    return [
        _res(
            "fgd_gypsum",
            "FGD gypsum",
            "脱硫石膏",
            "materials",
            "mass",
            **ewc,
            code="100105",
            category="fgd_gypsum",
            origin="secondary",
        ),
        _res(
            "fly_ash",
            "Fly ash",
            "粉煤灰",
            "materials",
            "mass",
            **ewc,
            code="100102",
            category="fly_ash",
            origin="secondary",
        ),
        _res(
            "sulphur",
            "Elemental sulphur from refinery desulphurisation",
            "炼油脱硫硫磺",
            "materials",
            "mass",
            **ewc,
            code="050116",
            category="other",
            origin="secondary",
        ),
        _res(
            "ats",
            "Ammonium thiosulphate (ATS) liquid fertiliser",
            "硫代硫酸铵液体肥料",
            "materials",
            "mass",
            category="product",
            origin="secondary",
        ),
        _res(
            "cooling_water", "Cooling water", "冷却水", "water", "volume", category="reused_water"
        ),
        _res(
            "fermentation_biomass",
            "Residual fermentation biomass",
            "发酵残余生物质",
            "materials",
            "mass",
            category="organic_waste",
            origin="secondary",
        ),
        _res(
            "district_heat",
            "District heat",
            "区域供热",
            "energy",
            "energy",
            category="heat",
            energy_source="secondary",
        ),
        _res(
            "steam",
            "Process steam",
            "工艺蒸汽",
            "energy",
            "energy",
            category="heat",
            energy_source="secondary",
        ),
        _res(
            "refinery_gas",
            "Excess refinery gas",
            "炼厂余气",
            "energy",
            "energy",
            category="fuel",
            energy_source="secondary",
        ),
        _res(
            "sewage_sludge",
            "Sewage sludge",
            "污泥",
            "materials",
            "mass",
            **ewc,
            code="190805",
            category="sewage_sludge",
        ),
    ]


def _kalundborg_flow(row: pd.Series) -> dict[str, Any]:
    resource, year, year_note = _KALUNDBORG_LINKS[row["flow_id"]]
    amount = float(row["annual_tonnes"] or row["quantity"])
    note = f"Confidence {row['confidence']}; {year_note}."
    if row["note"]:
        note += f" Source table: {row['note']}"
    return {
        "flow_id": row["flow_id"],
        "from_node": _PARTNERS[row["source_partner"]],
        "to_node": _PARTNERS[row["target_partner"]],
        "resource_id": resource,
        "year": year,
        "amount": amount,
        "unit": _UNITS[row["unit"]],
        "stage": "recovery",
        "quality": "estimated",
        "assumed": False,
        "source": row["source_url"],
        "note": note,
    }


# --------------------------------------------------------------------------------------------
# Finnish PRTR: Pirkanmaa region
# --------------------------------------------------------------------------------------------

PRTR = DATA / "fi-prtr-facilities-waste"
PRTR_SOURCE = (
    "Finnish Environment Institute (SYKE), PRTR data service "
    "(github.com/sykefi/PRTR @ 1948f55, MIT licence)"
)
PRTR_YEAR = 2022
PIRKANMAA = (
    "AKAA",
    "HÄMEENKYRÖ",
    "IKAALINEN",
    "JUUPAJOKI",
    "KANGASALA",
    "KIHNIÖ",
    "LEMPÄÄLÄ",
    "MÄNTTÄ-VILPPULA",
    "NOKIA",
    "ORIVESI",
    "PARKANO",
    "PIRKKALA",
    "PUNKALAIDUN",
    "PÄLKÄNE",
    "RUOVESI",
    "SASTAMALA",
    "TAMPERE",
    "URJALA",
    "VALKEAKOSKI",
    "VESILAHTI",
    "VIRRAT",
    "YLÖJÄRVI",
)
"""The 22 municipalities of the Pirkanmaa region since 2021 (Kuhmoinen left for Central
Finland that year)."""

_CLASSES = {"HW": "hazardous_waste", "NONHW": "non_hazardous_waste"}
_TREATMENTS = {"R": ("offsite_recovery", "recovery"), "D": ("offsite_disposal", "disposal")}


def read_prtr(folder: Path = PRTR) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the PRTR facilities and waste transfers as published (semicolon CSV)."""
    ids = {"facilityId": str, "postalCode": str}
    facilities = pd.read_csv(folder / "facilities.csv", sep=";", dtype=ids)
    transfers = pd.read_csv(folder / "waste_transfers.csv", sep=";", dtype=ids)
    return facilities, transfers


def pirkanmaa_transfers(folder: Path = PRTR, year: int = PRTR_YEAR) -> pd.DataFrame:
    """Return the waste transfers of the year by facilities whose address is in Pirkanmaa."""
    facilities, transfers = read_prtr(folder)
    city = facilities["city"].str.strip().str.upper()
    region = facilities.loc[city.isin(PIRKANMAA), "facilityId"]
    chosen = transfers[(transfers["reportingYear"] == year) & transfers["facilityId"].isin(region)]
    return chosen.sort_values(["facilityId", "wasteClassificationCode", "wasteTreatmentCode"])


def finland_tables(folder: Path = PRTR, year: int = PRTR_YEAR) -> dict[str, pd.DataFrame]:
    """Return the tables of the Pirkanmaa PRTR example zone for ``year``."""
    transfers = pirkanmaa_transfers(folder, year)
    facilities, _ = read_prtr(folder)
    reporting = facilities[facilities["facilityId"].isin(transfers["facilityId"])]
    reporting = reporting.sort_values("facilityId")
    tables: dict[str, Rows] = {
        "zone": [_finland_zone(year, len(reporting))],
        "sites": [_facility_site(row) for _, row in reporting.iterrows()],
        "organisations": [_facility_organisation(row) for _, row in reporting.iterrows()],
        "nodes": [_facility_node(row) for _, row in reporting.iterrows()] + _finland_boundary(),
        "resources": _finland_resources(),
        "flows": [
            _transfer_flow(number, row)
            for number, (_, row) in enumerate(transfers.iterrows(), start=1)
        ],
    }
    return {name: pd.DataFrame(rows) for name, rows in tables.items()}


def _finland_zone(year: int, count: int) -> dict[str, Any]:
    return {
        "zone_id": f"fi-pirkanmaa-{year}",
        "name": f"Pirkanmaa region (Tampere), PRTR facilities {year}",
        "name_zh": f"芬兰皮尔卡区（坦佩雷）PRTR 设施 {year}",
        "base_year": year,
        "currency": "EUR",
        "boundary": "Facilities of the Finnish PRTR whose address is in one of the 22 "
        "municipalities of Pirkanmaa; off-site recovery and disposal as boundaries.",
        "description": (
            f"The {count} facilities in Pirkanmaa that reported waste transfers for {year} to "
            "the Finnish PRTR, and those transfers: hazardous and non-hazardous waste sent off "
            "site for recovery (R) or disposal (D), in tonnes, as reported (method: measured). "
            "The PRTR gives no waste codes and no domestic receiver, so every transfer goes to "
            "one of two boundary nodes. A facility belongs to the region when the city of its "
            "address is a Pirkanmaa municipality. Coordinates are WGS84 as published; where the "
            "register has only TM35FIN (EPSG:3067) x and y, the site's note gives them and "
            "longitude and latitude are left empty (pyproj is not installed to convert them)."
        ),
        "source": PRTR_SOURCE,
    }


def _facility_id(row: pd.Series) -> str:
    return f"fac_{row['facilityId']}"


def _facility_site(row: pd.Series) -> dict[str, Any]:
    site: dict[str, Any] = {
        "site_id": _facility_id(row),
        "name": row["nameOfFeature"],
        "source": PRTR_SOURCE,
    }
    if pd.notna(row["pointGeometryLon"]):
        site.update(
            longitude=float(row["pointGeometryLon"]), latitude=float(row["pointGeometryLat"])
        )
    else:
        site["note"] = (
            f"TM35FIN (EPSG:3067) x = {int(row['x'])} m, y = {int(row['y'])} m; "
            "WGS84 not published and not converted."
        )
    address = " ".join(
        str(part)
        for part in (row["streetName"], row["buildingNumber"], row["city"])
        if pd.notna(part)
    ).strip()
    site["note"] = "; ".join(filter(None, [site.get("note"), f"Address: {address}"]))
    return site


def _facility_organisation(row: pd.Series) -> dict[str, Any]:
    return {
        "org_id": _facility_id(row),
        "name": row["nameOfFeature"],
        "kind": "enterprise",
        "industry_scheme": "E-PRTR Annex I",
        "industry_code": row["mainActivityCode"],
        "site_id": _facility_id(row),
        "note": f"Operator: {row['parentCompanyName']}; {row['mainActivityName']}; "
        f"PRTR facilityId {row['facilityId']}.",
        "source": PRTR_SOURCE,
    }


def _facility_node(row: pd.Series) -> dict[str, Any]:
    return {
        "node_id": _facility_id(row),
        "name": row["nameOfFeature"],
        "kind": "process",
        "org_id": _facility_id(row),
        "site_id": _facility_id(row),
    }


def _finland_boundary() -> Rows:
    note = "Receivers of domestic transfers are not in the PRTR."
    return [
        _node(
            "offsite_recovery",
            "Off-site recovery (R operations)",
            "场外回收利用（R 类作业）",
            "export",
            note=note,
        ),
        _node(
            "offsite_disposal",
            "Off-site disposal (D operations)",
            "场外处置（D 类作业）",
            "export",
            note=note + " D covers landfill and incineration without energy "
            "recovery, so the node is an export, not a landfill.",
        ),
    ]


def _finland_resources() -> Rows:
    return [
        _res(
            "hazardous_waste",
            "Hazardous waste (E-PRTR Art. 2(14))",
            "危险废物",
            "materials",
            "mass",
            taxonomy="zone",
            code="HW",
            category="hazardous_waste",
            hazardous=True,
        ),
        _res(
            "non_hazardous_waste",
            "Non-hazardous waste",
            "非危险废物",
            "materials",
            "mass",
            taxonomy="zone",
            code="NONHW",
            category="general_industrial_solid_waste",
            hazardous=False,
            note="All non-hazardous waste the facilities transferred, counted as general "
            "industrial solid waste.",
        ),
    ]


def _transfer_flow(number: int, row: pd.Series) -> dict[str, Any]:
    target, stage = _TREATMENTS[row["wasteTreatmentCode"]]
    flow: dict[str, Any] = {
        "flow_id": f"T{number:03d}",
        "from_node": _facility_id(row),
        "to_node": target,
        "resource_id": _CLASSES[row["wasteClassificationCode"]],
        "year": int(row["reportingYear"]),
        "amount": float(row["totalWasteQuantityTNE"]),
        "unit": "t",
        "stage": stage,
        "quality": "measured",
        "assumed": False,
        "source": f"{PRTR_SOURCE}, waste_transfers.csv",
    }
    if pd.notna(row["nameOfReceiver"]):
        flow["note"] = f"Transboundary: {row['nameOfReceiver']}, {row['ReceivingSite_countryName']}"
    return flow


# --------------------------------------------------------------------------------------------
# Building and writing
# --------------------------------------------------------------------------------------------

BUILDERS: dict[str, Callable[[], dict[str, pd.DataFrame]]] = {
    "dalian": dalian_tables,
    "kalundborg": kalundborg_tables,
    "finland-pirkanmaa": finland_tables,
}
"""Example name (as in ``ecoplan.examples``) to the function that builds its tables."""


def build(name: str) -> Zone:
    """Build and validate the example ``name``.

    Raises
    ------
    InputError
        When a table breaks the zone schema.
    """
    return Zone.from_tables(BUILDERS[name](), source=f"build_examples:{name}")


def main(argv: list[str] | None = None) -> int:
    """Build every example and write its workbook, unless ``--check`` is given."""
    from ecoplan.examples import example_path
    from ecoplan.io import write_zone

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="validate only, write nothing")
    arguments = parser.parse_args(argv)
    for name in BUILDERS:
        zone = build(name)
        if arguments.check:
            print(f"{name}: {zone!r}")
            continue
        print(f"{name}: {write_zone(zone, example_path(name))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The Dalian Economic and Technological Development Zone (DDZ) example: zone, places, nodes.

Built from the facts of the eco-planning report (``shared/reference``). The report gives
targets, counts and shares, almost no annual amounts: every amount not taken from it is marked
``assumed`` with its basis.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from examples.common import Rows, _node, _org, _res
from examples.dalian_balancing import (
    balancing_flows,
    balancing_nodes,
    balancing_resources,
    balancing_stocks,
)
from examples.dalian_combustion import combustion
from examples.dalian_exchange import (
    RESERVED,
    assumed_location,
    exchange_nodes,
    exchange_organisations,
    exchange_resources,
    exchange_sites,
)
from examples.dalian_flows import _dalian_flows
from examples.dalian_heat import _dalian_heat_streams
from examples.dalian_hubs import _dalian_hub_sites
from examples.dalian_listings import _dalian_listings
from examples.dalian_plans import (
    _dalian_durable_series,
    _dalian_durables,
    _dalian_economy,
    _dalian_energy_demand,
    _dalian_portfolio,
    _dalian_projects,
    _dalian_stocks,
    _dalian_targets,
)
from examples.dalian_recovery import (
    _dalian_recovery_facilities,
    _dalian_recovery_sites,
    _dalian_recovery_yields,
)
from examples.dalian_sources import DALIAN_YEAR, _report

WWTP_OPEN = (
    "The wastewater plant's mass balance stays open on purpose: its sewage sludge (W12, "
    "9,855 t a year, about 1,970 t of dry solids and 7,880 t of water) comes out of the "
    "wastewater, which the example counts by volume only."
)
PLANT_RESIDUAL = (
    "The power plant's mass balance closes to 0.4 %: the water of crystallisation of the "
    f"FGD gypsum ({combustion().gypsum_water:,.0f} t, CaSO4·2H2O) comes from the fresh water W02, "
    "which is counted by volume."
)


def dalian_tables() -> dict[str, pd.DataFrame]:
    """Return the tables of the Dalian DDZ example zone."""
    tables: dict[str, Rows] = {
        "zone": [_dalian_zone()],
        "sites": _with_chinese_names(_dalian_sites() + exchange_sites()) + _dalian_recovery_sites(),
        "organisations": _dalian_organisations() + exchange_organisations(),
        "nodes": _dalian_nodes() + balancing_nodes() + exchange_nodes(),
        "resources": _dalian_resources() + balancing_resources() + exchange_resources(),
        "flows": _dalian_flows() + balancing_flows(),
        "stocks": _dalian_stocks() + balancing_stocks(),
        "durables": _dalian_durables(),
        "durable_series": _dalian_durable_series(),
        "economy": _dalian_economy(),
        "targets": _dalian_targets(),
        "listings": _dalian_listings(),
        "hub_sites": _dalian_hub_sites(),
        "recovery_facilities": _dalian_recovery_facilities(),
        "recovery_yields": _dalian_recovery_yields(),
        "projects": _dalian_projects(),
        "energy_demand": _dalian_energy_demand(),
        "portfolio": _dalian_portfolio(),
        "heat_streams": _dalian_heat_streams(),
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
            "although the DDZ has no coal mining, so its indicator is not computable. "
            "Balancing items close the node balances as material and energy flow accounts "
            "do (flows B01-B17, stock manufacturing_nas): raw coal by mass, scrubber "
            "limestone, oxygen from the air and water vapour for the power plant; conversion "
            "losses and the heat released by end use; water consumed; goods and food into "
            "households; binder and aggregate into ash products; rejects of the recyclers. "
            + WWTP_OPEN
            + " "
            + PLANT_RESIDUAL
        ),
        "source": "Dalian DDZ eco-planning report (c. 2003), shared/reference; "
        "CEADs city CO2 inventories for the Dalian CO2 comparison.",
    }


SITE_NAMES_ZH = {
    "ddz_original": "开发区原有区域",
    "ddz_expansion": "开发区新征区域",
    "eip_reserve": "大连生态工业园预留地块",
    "dalian_landfill": "大连市生活垃圾填埋场",
    "site_power_plant": "开发区热电厂",
    "site_industry": "开发区工业区（中心）",
    "site_residential": "开发区居住区（中心）",
    "site_heat_station": "开发区区域供热站",
    "site_wwtp": "第一污水处理厂",
    "site_digester": "污水处理厂旁的污泥消化池",
    "site_transfer": "开发区垃圾转运站",
    "site_composting": "生活垃圾有机质转化厂",
    "site_paper": "废纸回收厂",
    "site_wood": "废木材加工厂",
    "site_concrete": "商品混凝土厂",
    "site_cement": "水泥粉磨站",
    "site_wallboard": "石膏板厂（生态工业园）",
}
"""Chinese names of the example's sites, translated from their English names."""


def _with_chinese_names(sites: Rows) -> Rows:
    return [{**site, "name_zh": SITE_NAMES_ZH[site["site_id"]]} for site in sites]


def _dalian_sites() -> Rows:
    sites = _report_sites()
    for site in sites:
        if site["site_id"] in RESERVED:
            longitude, latitude, basis = RESERVED[site["site_id"]]
            site.update(longitude=longitude, latitude=latitude)
            site["note"] = f"{site['note']} {assumed_location(basis)}"
    return sites


def _report_sites() -> Rows:
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
            site_id="site_power_plant",
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
            site_id="site_wwtp",
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
            site_id="site_transfer",
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
            site_id="site_industry",
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
            site_id="site_paper",
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
            site_id="site_wood",
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
            site_id="site_residential",
            source="assumed sector",
        ),
    ]


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
            site_id="site_power_plant",
            note=PLANT_RESIDUAL,
        ),
        _node(
            "manufacturing",
            "Manufacturing",
            "制造业",
            "process",
            org_id="ddz_industry",
            site_id="site_industry",
        ),
        _node(
            "households",
            "Households and services",
            "居民与服务业",
            "process",
            org_id="households",
            site_id="site_residential",
        ),
        _node(
            "wwtp",
            "Wastewater treatment plant",
            "污水处理厂",
            "process",
            org_id="ddz_water",
            site_id="site_wwtp",
            note=WWTP_OPEN,
        ),
        _node(
            "msw_collection",
            "Municipal solid waste collection",
            "生活垃圾收运",
            "process",
            org_id="ddz_sanitation",
            site_id="site_transfer",
        ),
        _node(
            "paper_recycling",
            "Waste paper recycling",
            "废纸回收利用",
            "process",
            org_id="paper_recycler",
            site_id="site_paper",
        ),
        _node(
            "wood_recycling",
            "Waste wood processing",
            "废木材加工",
            "process",
            org_id="wood_recycler",
            site_id="site_wood",
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

"""Controlled vocabularies of the zone schema, with English and Chinese labels.

A workbook cell of a ``choice`` column may hold the identifier (``landfill``) or either label
(``Landfill``, ``填埋场``); the reader stores the identifier.
"""

from __future__ import annotations

VOCABULARIES: dict[str, dict[str, tuple[str, str]]] = {
    "currency": {
        "CNY": ("Chinese yuan", "人民币"),
        "EUR": ("Euro", "欧元"),
        "USD": ("US dollar", "美元"),
        "DKK": ("Danish krone", "丹麦克朗"),
        "GBP": ("Pound sterling", "英镑"),
    },
    "org_kind": {
        "enterprise": ("Enterprise", "企业"),
        "agency": ("Agency", "政府机构"),
        "utility": ("Utility", "公用事业"),
        "household_sector": ("Household sector", "居民部门"),
        "research": ("Research institute", "科研机构"),
        "other": ("Other", "其他"),
    },
    "industry_scheme": {
        "ISIC": ("ISIC Rev.4", "ISIC 第4版"),
        "NACE": ("NACE Rev.2", "NACE 第2版"),
        "GB/T 4754": ("GB/T 4754 (China)", "国民经济行业分类 GB/T 4754"),
        "NAICS": ("NAICS", "北美行业分类 NAICS"),
        "E-PRTR Annex I": ("E-PRTR Annex I activity", "E-PRTR 附件一活动"),
        "other": ("Other", "其他"),
    },
    "cluster": {
        "resource_recovery": ("Resource recovery", "资源回收"),
        "alternative_energy": ("Alternative energy", "替代能源"),
        "water_technology": ("Water technology and services", "水技术与服务"),
        "it_for_environment": ("Information technology for environment", "环境信息技术"),
        "supply_chain": ("Supply chain of major industries", "主导产业供应链"),
    },
    "ownership": {
        "state_owned": ("State-owned enterprise", "国有企业"),
        "private": ("Private", "民营企业"),
        "foreign": ("Foreign-invested", "外资企业"),
        "joint_venture": ("Joint venture", "合资企业"),
        "collective": ("Collective", "集体企业"),
    },
    "node_kind": {
        "process": ("Process", "过程"),
        "import": ("Import (boundary)", "输入（边界）"),
        "export": ("Export (boundary)", "输出（边界）"),
        "atmosphere": ("Atmosphere (boundary)", "大气（边界）"),
        "water_body": ("Water body (boundary)", "水体（边界）"),
        "landfill": ("Landfill (boundary)", "填埋场（边界）"),
        "environment": (
            "Environment (boundary: extraction, solar, wind)",
            "自然环境（边界：开采、太阳能、风能）",
        ),
    },
    "resource_type": {
        "materials": ("Materials", "物料"),
        "water": ("Water", "水"),
        "energy": ("Energy", "能源"),
        "air": ("Emissions to air", "大气排放"),
        "land": ("Land", "土地"),
    },
    "dimension": {
        "mass": ("Mass", "质量"),
        "energy": ("Energy", "能量"),
        "volume": ("Volume", "体积"),
        "area": ("Area", "面积"),
        "count": ("Count", "计数"),
    },
    "taxonomy": {
        "EWC": ("European List of Waste", "欧洲废物名录"),
        "CN-HW": ("National Catalogue of Hazardous Wastes (China)", "国家危险废物名录"),
        "zone": ("The zone's own list", "本区域自定义"),
    },
    "resource_category": {
        "raw_material": ("Raw material", "原材料"),
        "product": ("Product", "产品"),
        "fuel": ("Fuel", "燃料"),
        "electricity": ("Electricity", "电力"),
        "heat": ("Heat or steam", "热力或蒸汽"),
        "fresh_water": ("Fresh water", "新鲜水"),
        "reused_water": ("Reused or recirculated water", "重复利用水"),
        "reclaimed_water": ("Reclaimed water", "再生水"),
        "wastewater": ("Wastewater", "废水"),
        "general_industrial_solid_waste": ("General industrial solid waste", "一般工业固体废物"),
        "fly_ash": ("Fly ash", "粉煤灰"),
        "coal_gangue": ("Coal gangue", "煤矸石"),
        "bottom_ash_slag": ("Bottom ash / slag", "炉渣"),
        "fgd_gypsum": ("Flue-gas desulphurisation gypsum", "脱硫石膏"),
        "hazardous_waste": ("Hazardous waste", "危险废物"),
        "municipal_solid_waste": ("Municipal solid waste", "城市生活垃圾"),
        "organic_waste": ("Organic waste", "有机废物"),
        "sewage_sludge": ("Sewage sludge", "污泥"),
        "air_emission": ("Emission to air", "大气排放物"),
        "land_use": ("Land use", "土地利用"),
        "other": ("Other", "其他"),
    },
    "origin": {
        "virgin": ("Virgin", "原生"),
        "secondary": ("Secondary (recycled or by-product)", "再生（回收或副产品）"),
    },
    "energy_source": {
        "fossil": ("Fossil", "化石能源"),
        "renewable": ("Renewable", "可再生能源"),
        "nuclear": ("Nuclear", "核能"),
        "secondary": ("Secondary (waste heat, recovered fuel)", "二次能源（余热、回收燃料）"),
    },
    "stage": {
        "extraction": ("Extraction", "开采"),
        "processing": ("Processing", "加工"),
        "selection": ("Selection", "分选"),
        "distribution": ("Transport and distribution", "运输配送"),
        "design": ("Design", "设计"),
        "production": ("Production", "生产"),
        "use": ("Use", "使用"),
        "recovery": ("Recovery", "回收利用"),
        "disposal": ("Disposal", "处置"),
    },
    "data_quality": {
        "measured": ("Measured", "实测"),
        "calculated": ("Calculated", "计算"),
        "estimated": ("Estimated", "估算"),
    },
    "stock_driver": {
        "inflow": ("Inflow-driven", "流入驱动"),
        "stock": ("Stock-driven", "存量驱动"),
    },
    "lifetime_distribution": {
        "fixed": ("Fixed", "固定"),
        "normal": ("Normal", "正态"),
        "weibull": ("Weibull", "威布尔"),
    },
    "economy_variable": {
        "gdp": ("Gross domestic product", "地区生产总值"),
        "industrial_value_added": ("Industrial value added", "工业增加值"),
        "gross_output": ("Gross output value", "总产值"),
        "built_land": ("Built-up land area", "建设用地面积"),
        "population": ("Population", "人口"),
        "service_output": ("End-user service delivered", "终端服务量"),
    },
    "indicator": {
        "virgin_to_recycled_ratio": (
            "Ratio of virgin to recycled material input",
            "原生与再生物料投入比",
        ),
        "recycled_to_potential_ratio": (
            "Ratio of actual to potential recycled material",
            "实际与潜在再生物料比",
        ),
        "renewable_to_fossil_ratio": (
            "Ratio of renewable to fossil energy sources",
            "可再生与化石能源比",
        ),
        "materials_productivity": ("Materials productivity", "物料生产率"),
        "energy_productivity": ("Energy productivity", "能源生产率"),
        "resource_input_per_service": (
            "Resource input per unit of end-user service",
            "单位终端服务资源投入",
        ),
        "industrial_water_reuse_rate": ("Industrial water reuse rate", "工业用水重复利用率"),
        "solid_waste_utilisation_rate": (
            "Comprehensive utilisation rate of general industrial solid waste",
            "一般工业固体废物综合利用率",
        ),
        "fly_ash_utilisation_rate": ("Fly ash utilisation rate", "粉煤灰综合利用率"),
        "coal_gangue_utilisation_rate": ("Coal gangue utilisation rate", "煤矸石综合利用率"),
        "renewable_share": ("Share of renewable energy in supply", "可再生能源占能源供应比重"),
        "resource_output_rate": ("Resource output rate (main resources)", "主要资源产出率"),
        "energy_output_rate": ("Energy output rate", "能源产出率"),
        "water_output_rate": ("Water output rate", "水资源产出率"),
        "built_land_output_rate": ("Built-land output rate", "建设用地产出率"),
        "main_waste_recycling_rate": ("Main waste recycling rate", "主要废弃物循环利用率"),
        "reclaimed_water_utilisation_rate": ("Reclaimed water utilisation rate", "再生水利用率"),
        "waste_recovery_share": ("Share of waste destined for recovery", "废物送回收利用比例"),
    },
    "comparison": {
        ">=": ("At least", "不低于"),
        "<=": ("At most", "不高于"),
    },
    "listing_kind": {
        "offer": ("Offer", "供应"),
        "request": ("Request", "需求"),
    },
    "exchange_use": {
        "cement": ("Cement making", "水泥生产"),
        "concrete": ("Concrete", "混凝土"),
        "bricks": ("Bricks and blocks", "砖和砌块"),
        "road_construction": ("Road construction and fill", "道路建设与填方"),
        "aggregate": ("Recycled aggregate", "再生骨料"),
        "wallboard": ("Gypsum wallboard", "石膏板"),
        "solvent_regeneration": ("Solvent regeneration", "溶剂再生"),
        "oil_re_refining": ("Oil re-refining", "废油再精炼"),
        "process_heat": ("Process heat and steam", "工艺用热与蒸汽"),
        "district_heating": ("District heating", "区域供热"),
        "cooling_water": ("Cooling water", "冷却水"),
        "process_water": ("Process water", "工艺用水"),
        "anaerobic_digestion": ("Anaerobic digestion (biogas)", "厌氧消化（沼气）"),
        "composting": ("Composting", "堆肥"),
        "fibre_products": ("Fibre products (paper and board)", "纤维制品（纸与纸板）"),
        "wood_panels": ("Wood-based panels", "人造板"),
        "fuel_substitute": ("Fuel substitute", "替代燃料"),
        "fertiliser": ("Fertiliser and soil improver", "肥料与土壤改良剂"),
        "metal_recycling": ("Metal recycling", "金属回收"),
        "plastics_recycling": ("Plastics recycling", "塑料回收"),
        "glass_recycling": ("Glass recycling", "玻璃回收"),
        "sulphuric_acid": ("Sulphuric acid production", "硫酸生产"),
        "soil_remediation": ("Soil remediation", "土壤修复"),
        "fish_farming": ("Fish farming", "水产养殖"),
    },
    "energy_carrier": {
        "electricity": ("Electricity", "电力"),
        "heat": ("Heat", "热力"),
        "fuel": ("Fuel", "燃料"),
    },
    "energy_driver": {
        "value_added": ("Value added", "增加值"),
        "floor_area": ("Floor area", "建筑面积"),
        "population": ("Population", "人口"),
        "fixed": ("Fixed (no driver)", "固定值（无驱动因素）"),
    },
    "growth_kind": {
        "annual": ("Annual rate", "年增长率"),
        "period": ("Growth over a period", "期内总增长"),
    },
    "energy_technology": {
        "pc_coal_unscrubbed": (
            "Pulverised coal, no improvements or scrubbing",
            "煤粉燃烧（未改进、未脱硫）",
        ),
        "pc_coal_scrubbed": ("Pulverised coal, improved and scrubbed", "煤粉燃烧（改进并脱硫）"),
        "igcc": ("IGCC", "整体煤气化联合循环"),
        "cfb_coal": ("CFB coal", "循环流化床燃煤"),
        "msw_landfill_gas": ("MSW gasification and landfill gas", "垃圾气化与填埋气"),
        "biomass": ("Other biomass", "其他生物质能"),
        "hydrogen_fuel_cell": ("Hydrogen fuel cell", "氢燃料电池"),
        "solar": ("Solar", "太阳能"),
        "geothermal": ("Geothermal", "地热"),
        "ocean": ("Ocean", "海洋能"),
        "wind": ("Wind", "风能"),
        "hydro": ("Hydro", "水电"),
        "efficiency": ("Efficiency and conservation (avoided demand)", "节能与能效（避免的需求）"),
        "gas_boiler_steam": ("Gas steam boiler (industrial heat)", "燃气蒸汽锅炉（工业用热）"),
        "biomass_boiler_steam": (
            "Solid biomass steam boiler (industrial heat)",
            "固体生物质蒸汽锅炉（工业用热）",
        ),
        "electric_boiler_steam": (
            "Electric steam boiler (industrial heat)",
            "电蒸汽锅炉（工业用热）",
        ),
        "industrial_heat_pump_125c": (
            "Industrial heat pump, medium temperature (industrial heat)",
            "中温工业热泵（工业用热）",
        ),
        "industrial_heat_pump_150c": (
            "Industrial heat pump, high temperature (industrial heat)",
            "高温工业热泵（工业用热）",
        ),
    },
    "technology_parameter": {
        "efficiency": ("Efficiency", "效率"),
        "capacity_factor": ("Capacity factor", "容量系数"),
        "capital_cost": ("Capital cost", "投资成本"),
        "fixed_om": ("Fixed O&M cost", "固定运维成本"),
        "variable_om": ("Variable O&M cost", "可变运维成本"),
        "fuel_cost": ("Fuel cost", "燃料成本"),
        "lifetime": ("Lifetime", "寿命"),
        "co2": ("CO2 emission factor", "二氧化碳排放因子"),
        "so2": ("SO2 emission factor", "二氧化硫排放因子"),
        "nox": ("NOx emission factor", "氮氧化物排放因子"),
        "pm": ("Particulate emission factor", "颗粒物排放因子"),
        "hg": ("Mercury emission factor", "汞排放因子"),
        "water_withdrawal": ("Water withdrawal", "取水量"),
        "water_consumption": ("Water consumption", "耗水量"),
        "available_from": ("Commercially available from", "商业化可用年份"),
    },
    "heat_stream_kind": {
        "hot": ("Hot stream (to be cooled)", "热物流（需冷却）"),
        "cold": ("Cold stream (to be heated)", "冷物流（需加热）"),
    },
    "project_status": {
        "operating": ("Operating", "运行中"),
        "starting": ("Starting", "启动中"),
        "planning": ("In planning", "规划中"),
        "evaluation": ("In technology evaluation", "技术评估中"),
        "completed": ("Completed", "已完成"),
        "cancelled": ("Cancelled", "已取消"),
    },
    "project_category": {
        "biomass": ("Biomass", "生物质"),
        "water": ("Water", "水"),
        "energy": ("Energy", "能源"),
        "solid_waste": ("Solid waste", "固体废物"),
        "materials": ("Materials", "物料"),
        "other": ("Other", "其他"),
    },
}

SOLID_WASTE_CATEGORIES = frozenset(
    {"general_industrial_solid_waste", "fly_ash", "coal_gangue", "bottom_ash_slag", "fgd_gypsum"}
)
"""Categories counted as general industrial solid waste (一般工业固体废物)."""

BOUNDARY_KINDS = frozenset(
    {"import", "export", "atmosphere", "water_body", "landfill", "environment"}
)
SOURCE_KINDS = frozenset({"import", "environment"})
"""Boundary kinds from which resources enter the zone."""


def label(vocabulary: str, identifier: str, locale: str = "en") -> str:
    """Return the label of ``identifier`` in ``locale`` (the identifier when unknown)."""
    entry = VOCABULARIES.get(vocabulary, {}).get(identifier)
    if entry is None:
        return identifier
    return entry[1] if locale.startswith("zh") else entry[0]


def lookup(vocabulary: str) -> dict[str, str]:
    """Return a map from every accepted spelling (id, labels, case-folded) to the identifier."""
    accepted: dict[str, str] = {}
    for identifier, (english, chinese) in VOCABULARIES[vocabulary].items():
        for spelling in (identifier, english, chinese):
            accepted[spelling.casefold()] = identifier
    return accepted

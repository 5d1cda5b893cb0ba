"""Sites, partners and virgin inputs of the Dalian example's by-product exchange.

The report names the by-products and the plans that would use them (the fly ash project, the
four biomass projects, the two water reuse projects, the EIP's by-product utility) but gives
no place, quantity or price. Every coordinate here is an assumed location inside or next
to the DDZ, and every quantity comes from the example's flows or is assumed. Prices, disposal
costs and virgin-input costs are assumed orders of magnitude for China around 2003 in CNY, not
quoted prices. The notes give the basis of each.
"""

from __future__ import annotations

from examples.common import Rows, _node, _org, _res
from examples.dalian_sources import _report

PRICE_BASIS = "order of magnitude for China c. 2003, not a quoted price"
"""Basis stated for every assumed price, disposal cost and virgin-input cost."""

SITES: dict[str, tuple[str, float, float, str]] = {
    "site_power_plant": (
        "DDZ power and heat plant",
        121.840,
        39.050,
        "on the shore of Dalian Bay south-east of the original area, where a coal plant "
        "gets cooling water and coal by sea",
    ),
    "site_industry": (
        "DDZ industrial districts (centre)",
        121.790,
        39.090,
        "centre of the manufacturing districts north of the administrative centre",
    ),
    "site_residential": (
        "DDZ residential districts (centre)",
        121.770,
        39.060,
        "centre of the housing west of the administrative centre",
    ),
    "site_heat_station": (
        "DDZ district heating station",
        121.785,
        39.055,
        "between the power plant and the housing it would serve",
    ),
    "site_wwtp": (
        "No. 1 wastewater treatment plant",
        121.820,
        39.040,
        "on the shore, where the treated effluent is discharged to Dalian Bay",
    ),
    "site_digester": (
        "Sludge digester beside the wastewater plant",
        121.824,
        39.043,
        "next to the wastewater plant, as the report says methane from sewage sludge needs "
        "to be close to its source",
    ),
    "site_transfer": (
        "DDZ refuse transfer station",
        121.760,
        39.080,
        "at the west edge of the housing it collects from",
    ),
    "site_composting": (
        "Organic garbage conversion plant",
        121.740,
        39.100,
        "on open land north-west of the transfer station",
    ),
    "site_paper": (
        "Waste paper recycler",
        121.860,
        39.090,
        "in the industrial districts east of the centre",
    ),
    "site_wood": (
        "Waste wood processor",
        121.870,
        39.100,
        "in the industrial districts east of the centre",
    ),
    "site_concrete": (
        "Ready-mix concrete plant",
        121.810,
        39.080,
        "near the construction sites of the original area",
    ),
    "site_cement": (
        "Cement grinding plant",
        121.950,
        39.140,
        "in the newly acquired area, with room for a plant and its trucks",
    ),
    "site_wallboard": (
        "Gypsum wallboard plant (EIP)",
        121.885,
        39.105,
        "a plot of the EIP reserve, beside the ash building products plant",
    ),
}
"""Site id to (name, longitude [°], latitude [°], basis of the assumed location)."""

RESERVED: dict[str, tuple[float, float, str]] = {
    "ddz_expansion": (
        121.930,
        39.130,
        "centre put north-east of the original area, within 39.05-39.15 °N, 121.75-122.0 °E",
    ),
    "eip_reserve": (
        121.880,
        39.110,
        "between the original area and the newly acquired area, as the report puts the "
        "parcel at the gateway to the expanded area",
    ),
    "dalian_landfill": (
        121.620,
        39.000,
        "about 20 km south-west of the zone, toward Dalian city, whose waste it takes",
    ),
}
"""Coordinates given to the report's sites: (longitude [°], latitude [°], basis)."""


def assumed_location(basis: str) -> str:
    """Return the note that marks a coordinate as assumed, with its ``basis``."""
    return f"Assumed location: {basis}; not surveyed, replace with the surveyed point."


def exchange_sites() -> Rows:
    """Return one site per process of the example that had none of its own."""
    return [
        {
            "site_id": site_id,
            "name": name,
            "longitude": longitude,
            "latitude": latitude,
            "note": assumed_location(basis),
            "source": "assumed",
        }
        for site_id, (name, longitude, latitude, basis) in SITES.items()
    ]


def exchange_organisations() -> Rows:
    """Return the partners that would take the zone's by-products."""
    eip = _report("Summary of Dalian EIP Concept")
    gb = {"industry_scheme": "GB/T 4754"}
    return [
        _org(
            "cement_works",
            "Cement grinding plant",
            "水泥粉磨站",
            "enterprise",
            **gb,
            industry_code="3011",
            site_id="site_cement",
            note="Assumed partner of the fly ash project: the report asks for partners in "
            "construction products; it names no cement plant.",
            source=_report("Learn from the Eight Action Projects for the DDZ Circular Economy"),
        ),
        _org(
            "concrete_works",
            "Ready-mix concrete plant",
            "商品混凝土搅拌站",
            "enterprise",
            **gb,
            industry_code="3021",
            site_id="site_concrete",
            note="Assumed partner: the report lets the Planning Bureau require ash in DDZ "
            "construction projects.",
            source=_report("Learn from the Eight Action Projects for the DDZ Circular Economy"),
        ),
        _org(
            "wallboard_works",
            "Gypsum wallboard plant",
            "石膏板厂",
            "enterprise",
            **gb,
            industry_code="3024",
            cluster="resource_recovery",
            site_id="site_wallboard",
            note="Assumed EIP tenant making building products from power-plant by-products.",
            source=eip,
        ),
        _org(
            "ddz_heating",
            "DDZ District Heating Co., Ltd",
            "开发区热力有限公司",
            "utility",
            **gb,
            industry_code="4430",
            site_id="site_heat_station",
            note="Named in the report among the agencies involved in water.",
            source=_report("Integration across Organizations"),
        ),
    ]


def exchange_nodes() -> Rows:
    """Return the processes of the partners; their own flows are outside the example."""
    outside = (
        "Takes by-products in the exchange only; its own inputs and outputs are not in the "
        "example's flows."
    )
    return [
        _node(
            "cement_plant",
            "Cement grinding",
            "水泥粉磨",
            "process",
            org_id="cement_works",
            site_id="site_cement",
            note=outside,
        ),
        _node(
            "concrete_plant",
            "Ready-mix concrete",
            "商品混凝土生产",
            "process",
            org_id="concrete_works",
            site_id="site_concrete",
            note=outside,
        ),
        _node(
            "wallboard_plant",
            "Gypsum wallboard making",
            "石膏板生产",
            "process",
            org_id="wallboard_works",
            site_id="site_wallboard",
            note=outside,
        ),
        _node(
            "district_heating",
            "District heating network",
            "区域供热管网",
            "process",
            org_id="ddz_heating",
            site_id="site_heat_station",
            note=outside,
        ),
        _node(
            "digester",
            "Sewage sludge digester (biogas)",
            "污泥厌氧消化（沼气）",
            "process",
            org_id="ddz_water",
            site_id="site_digester",
            note="The bio-gas plant the report says the zone's sewage plant is planning. "
            + outside,
        ),
        _node(
            "composting",
            "Organic garbage conversion (composting)",
            "生活垃圾有机质转化（堆肥）",
            "process",
            org_id="ddz_sanitation",
            site_id="site_composting",
            note="The garbage action project, as a composting plant (assumed technology). "
            + outside,
        ),
    ]


def exchange_resources() -> Rows:
    """Return the virgin inputs that the requested by-products would replace."""
    virgin = {"category": "raw_material", "origin": "virgin"}
    return [
        _res("clinker", "Portland cement clinker", "水泥熟料", "materials", "mass", **virgin),
        _res("clay", "Clay and shale", "黏土与页岩", "materials", "mass", **virgin),
        _res("natural_gypsum", "Natural gypsum", "天然石膏", "materials", "mass", **virgin),
        _res(
            "pulp",
            "Purchased pulp and waste paper",
            "外购纸浆与废纸",
            "materials",
            "mass",
            category="raw_material",
        ),
        _res("timber", "Wood chips and logs", "木片与原木", "materials", "mass", **virgin),
        _res(
            "digester_feed",
            "Feedstock of digestion and composting",
            "厌氧消化与堆肥原料",
            "materials",
            "mass",
            category="other",
        ),
    ]

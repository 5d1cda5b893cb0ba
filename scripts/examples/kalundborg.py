"""The Kalundborg symbiosis example, from ``shared/data/real/kalundborg-symbiosis``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from examples.common import DATA, Rows, _node, _org, _res

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

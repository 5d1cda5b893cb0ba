"""Offers and requests of by-products: from the zone's listings table and derived from flows.

See :mod:`ecoplan.exchange.matching` for the column contract of the two frames.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import pandas as pd

from ecoplan import units
from ecoplan.exchange.compatibility import load_compatibility
from ecoplan.exchange.economics import price_factor
from ecoplan.exchange.quality import parse_concentrations, parse_limits
from ecoplan.model.code_lists import normalise_code, split_code_list
from ecoplan.model.vocab import BOUNDARY_KINDS
from ecoplan.model.zone import Zone

logger = logging.getLogger(__name__)

OFFER_COLUMNS = [
    "listing_id",
    "org_id",
    "node_id",
    "site_id",
    "resource_id",
    "taxonomy",
    "code",
    "category",
    "quantity",
    "dimension",
    "unit_label",
    "longitude",
    "latitude",
    "price",
    "disposal_cost",
    "quality",
    "derived",
    "year",
]
REQUEST_COLUMNS = [
    *OFFER_COLUMNS,
    "use",
    "accepted",
    "limits",
    "willingness_to_pay",
    "virgin_cost",
]
DISPOSAL_KINDS = frozenset({"landfill", "water_body"})
"""Node kinds whose inflows from process nodes are disposal, whatever their stage."""


def listings_from_zone(zone: Zone, year: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the zone's offers and requests (columns: see :mod:`ecoplan.exchange.matching`).

    Offers are the rows of the ``listings`` table of kind ``offer`` plus one derived offer per
    process node and resource that leaves the economy unused (see :func:`derived_offers`).
    A derived offer is dropped when the listings table already offers that resource from
    that node.

    Parameters
    ----------
    zone
        The zone.
    year
        Year of the flows to derive offers from, and of the listings kept (listings without a
        year are always kept). Default: all listings, and offers derived from the flows of the
        base year if it has flows, else of the latest year with flows.
    """
    listed = _listed(zone, year)
    year = _year(zone, year)
    offers = listed[listed["kind"] == "offer"]
    derived = derived_offers(zone, year)
    if len(derived) and len(offers):
        taken = set(zip(offers["node_id"], offers["resource_id"], strict=True))
        keep = [
            (node, resource) not in taken
            for node, resource in zip(derived["node_id"], derived["resource_id"], strict=True)
        ]
        derived = derived[keep]
    offers = pd.concat([_frame(offers, OFFER_COLUMNS), derived], ignore_index=True)
    requests = _frame(listed[listed["kind"] == "request"], REQUEST_COLUMNS)
    logger.info("%d offers (%d derived), %d requests", len(offers), len(derived), len(requests))
    return offers.reset_index(drop=True), requests.reset_index(drop=True)


def derived_offers(zone: Zone, year: int, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return offers derived from the zone's flows that leave the economy unused.

    A flow of ``year`` from a process node becomes part of an offer in three cases. It goes
    to a landfill or water-body node. It is energy sent to the atmosphere at a stage other
    than ``use``, and a rule of the compatibility ``table`` has a use for it (waste heat).
    Or it has the stage ``disposal`` and goes to another boundary node, such as an export
    for disposal elsewhere. Flows into a process node are never offers, even at the stage
    ``disposal``, because sewage sent to the zone's treatment plant is that plant's input,
    not a by-product. Air emissions are never offered.

    Parameters
    ----------
    zone
        The zone.
    year
        Year of the flows; the offers carry it.
    table
        Compatibility rules; default :func:`~ecoplan.exchange.compatibility.load_compatibility`
        of ``zone``.
    """
    flows = zone.flow_table
    rules = table if table is not None else load_compatibility(zone)
    chosen = flows[
        unused_outflows(zone, rules)
        & (flows["year"] == year).to_numpy(dtype=bool)
        & flows["quantity"].notna().to_numpy(dtype=bool)
    ]
    if not len(chosen):
        return _frame(pd.DataFrame(columns=["listing_id"]), OFFER_COLUMNS)
    grouped = chosen.groupby(["from_node", "resource_id"])["quantity"].sum().reset_index()
    grouped.columns = pd.Index(["node_id", "resource_id", "quantity"])
    grouped["listing_id"] = "derived:" + grouped["node_id"] + ":" + grouped["resource_id"]
    grouped["year"] = year
    grouped["derived"] = True
    return _frame(_attach(zone, grouped), OFFER_COLUMNS)


def unused_outflows(zone: Zone, table: pd.DataFrame) -> np.ndarray:
    """Return a mask over ``zone.flow_table`` of the flows that leave the economy unused.

    See :func:`derived_offers` for the rule.
    """
    flows = zone.flow_table
    to_kind = flows["to_kind"]
    disposed = to_kind.isin(DISPOSAL_KINDS) | (
        (flows["stage"] == "disposal") & to_kind.isin(BOUNDARY_KINDS - {"atmosphere"})
    )
    # Energy dissipated at the use stage (heat lost by buildings and machines) is too diffuse
    # to pass on. A zone that can capture such heat lists it as an offer.
    vented = (
        (to_kind == "atmosphere")
        & (flows["type"] == "energy")
        & (flows["stage"] != "use")
        & _has_use(zone, flows, table)
    )
    from_process = flows["from_kind"] == "process"
    not_air = flows["type"] != "air"
    return (from_process & not_air & (disposed | vented)).to_numpy(dtype=bool)


def _has_use(zone: Zone, flows: pd.DataFrame, table: pd.DataFrame) -> pd.Series:
    """Return which flows carry a resource that a compatibility rule serves.

    A rule serves a resource by its code, or by its category when the rule names no code.
    """
    codes = set(table["offer_code"].dropna())
    categories = set(table.loc[table["offer_code"].isna(), "offer_category"].dropna())
    code = flows["resource_id"].map(zone.tables["resources"].set_index("resource_id")["code"])
    return flows["category"].isin(categories) | code.isin(codes)


def _year(zone: Zone, year: int | None) -> int:
    if year is not None:
        return int(year)
    years = zone.years
    if not years or zone.base_year in years:
        return zone.base_year
    return years[-1]


def _listed(zone: Zone, year: int | None) -> pd.DataFrame:
    table = zone.tables["listings"].copy()
    if year is not None:
        table = table[table["year"].isna() | (table["year"] == year)]
    if not len(table):
        return table.assign(kind=pd.Series(dtype=object))
    table = _attach(zone, table)
    table["derived"] = False

    factor = [
        price_factor(unit, zone.currency, dimension) if isinstance(dimension, str) else np.nan
        for unit, dimension in zip(table["price_unit"], table["dimension"], strict=True)
    ]
    for column in ("price", "disposal_cost", "willingness_to_pay", "virgin_cost"):
        table[column] = table[column].astype(float) * factor
    is_request = table["kind"] == "request"
    table["willingness_to_pay"] = table["willingness_to_pay"].where(
        table["willingness_to_pay"].notna() | ~is_request, table["price"]
    )
    table["quality"] = pd.Series(
        [parse_concentrations(text) for text in table["quality"]], index=table.index, dtype=object
    )
    limits = [
        {**parse_limits(text), **_directed(quality)}
        for text, quality in zip(table["limits"], table["quality_text"], strict=True)
    ]
    table["limits"] = pd.Series(limits, index=table.index, dtype=object)
    table["accepted"] = [split_code_list(text) for text in table["accepted"]]
    return table


def _directed(quality_text: Any) -> dict[str, tuple[str, float]]:
    """Return the ``<=``/``>=`` items of a request's quality column as limits."""
    if not isinstance(quality_text, str):
        return {}
    items = [item for item in quality_text.split(";") if "<" in item or ">" in item]
    return parse_limits(";".join(items))


def _attach(zone: Zone, table: pd.DataFrame) -> pd.DataFrame:
    """Add resource attributes, org, site and coordinates to rows with node_id/resource_id."""
    table = table.copy()
    if "quality" in table.columns:
        table["quality_text"] = table["quality"]
    resources = zone.tables["resources"].set_index("resource_id")
    for column in ("taxonomy", "code", "category", "dimension"):
        table[column] = table["resource_id"].map(resources[column])
    table["code"] = table["code"].map(normalise_code)
    table["unit_label"] = table["dimension"].map(units.CANONICAL_LABEL)

    nodes = zone.tables["nodes"].set_index("node_id")
    organisations = zone.tables["organisations"]
    org_site = organisations.set_index("org_id")["site_id"] if len(organisations) else pd.Series()
    if "org_id" not in table.columns:
        table["org_id"] = None
    table["org_id"] = table["org_id"].where(
        table["org_id"].notna(), table["node_id"].map(nodes["org_id"])
    )
    if "site_id" not in table.columns:
        table["site_id"] = None
    site = table["site_id"].where(table["site_id"].notna(), table["node_id"].map(nodes["site_id"]))
    site = site.where(site.notna(), table["org_id"].map(org_site))
    table["site_id"] = site

    sites = zone.tables["sites"].set_index("site_id")
    table["longitude"] = table["site_id"].map(sites["longitude"]).astype(float)
    table["latitude"] = table["site_id"].map(sites["latitude"]).astype(float)
    return table


def _frame(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Return ``table`` with exactly ``columns``; absent ones get empty values of their kind."""
    out = pd.DataFrame(index=table.index)
    empty: dict[str, Any] = {"quality": dict, "limits": dict, "accepted": list}
    for column in columns:
        if column in table.columns:
            out[column] = table[column]
        elif column in empty:
            out[column] = [empty[column]() for _ in range(len(table))]
        elif column == "derived":
            out[column] = False
        else:
            out[column] = np.nan if column in _NUMERIC else None
    for column in _NUMERIC & set(columns):
        out[column] = out[column].astype(float)
    out["derived"] = out["derived"].astype(bool)
    return out


_NUMERIC = {
    "quantity",
    "longitude",
    "latitude",
    "price",
    "disposal_cost",
    "willingness_to_pay",
    "virgin_cost",
}

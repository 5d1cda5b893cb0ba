"""Broker hubs of the plan: where to pool the by-products the exchange network leaves.

After the network, the rest of each mass offer still goes to disposal at the holder's cost.
:func:`locate_zone_hubs` offers those flows to the zone's candidate hub sites through
:func:`~ecoplan.exchange.broker.locate_hubs`, a facility-location MIP: a hub opens where
pooling the flows costs less than handling each of them alone. Quantities are in t per
year, money in the zone's currency.

Candidate sites come from the zone table ``hub_sites``. Each row gives site_id (a row of
``sites``, which gives the location), fixed cost per year, capacity and handling cost per
tonne (handled and shipped on in bulk), each with its unit. The economic quantity
min_quantity is optional.
Validation converts them to t per year and the zone's currency (see
:mod:`ecoplan.model.rules_hubs`); this module reads the converted columns.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ecoplan.exchange.broker import HubResult, locate_hubs
from ecoplan.exchange.economics import TRANSPORT_RATE
from ecoplan.exchange.errors import ExchangeError
from ecoplan.exchange.network import ExchangeStatus
from ecoplan.i18n import N_
from ecoplan.model.zone import Zone
from ecoplan.report.records import plain

if TYPE_CHECKING:
    from ecoplan.report.exchange import Names

logger = logging.getLogger(__name__)

COLLECTION_RATE = TRANSPORT_RATE["mass"]
"""Cost of collecting a tonne over one road km [currency per t·km]: the exchange's haulage
rate, an assumed figure (see :mod:`ecoplan.exchange.economics`)."""
ROAD_FACTOR = 1.3
"""Road over great-circle distance [1], the matcher's default."""

NO_HUB_SITES = N_(
    "No broker hub was considered: the zone names no candidate hub sites. Locating hubs "
    "needs, for each candidate site, its location, yearly fixed cost, capacity and handling "
    "cost per tonne (table hub_sites)."
)
NO_HUB_SOURCES = N_(
    "No broker hub was considered: the exchange network leaves no mass offer to disposal "
    "with a known quantity, location and disposal cost."
)
NO_HUB_PAYS = N_(
    "No hub is opened: every flow left to disposal costs less handled alone than through "
    "any candidate hub."
)


@dataclass
class HubAnalysis:
    """Candidate hub sites, the flows offered to them, and the broker's choice.

    ``reason`` (an English source message with ``params``) is set when no hub was
    considered, when the MIP found no optimum (``result`` is then ``None`` or not optimal),
    or when the optimum opens no hub.
    """

    sites: pd.DataFrame = field(default_factory=pd.DataFrame)
    sources: pd.DataFrame = field(default_factory=pd.DataFrame)
    result: HubResult | None = None
    reason: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def optimal(self) -> bool:
        """Return whether the broker's MIP was solved to optimality."""
        return self.result is not None and self.result.status == ExchangeStatus.OPTIMAL


def candidate_hub_sites(zone: Zone) -> pd.DataFrame | None:
    """Return the zone's candidate hub sites in the broker's columns, or None when it has none.

    Columns: site_id, longitude, latitude [°], fixed_cost [currency per year], capacity and
    min_quantity [t per year], unit_cost [currency per t]. Validation has checked that each
    site exists and has coordinates.
    """
    table = zone.tables.get("hub_sites")
    if table is None or not len(table):
        return None
    sites = zone.tables["sites"].set_index("site_id")
    return pd.DataFrame(
        {
            "site_id": table["site_id"].to_numpy(dtype=object),
            "longitude": table["site_id"].map(sites["longitude"]).to_numpy(dtype=float),
            "latitude": table["site_id"].map(sites["latitude"]).to_numpy(dtype=float),
            "fixed_cost": table["fixed_cost_per_year"].to_numpy(dtype=float),
            "capacity": table["capacity_t"].to_numpy(dtype=float),
            "unit_cost": table["unit_cost_per_t"].to_numpy(dtype=float),
            "min_quantity": table["min_quantity_t"].to_numpy(dtype=float),
        }
    )


def hub_sources(offers: pd.DataFrame, disposal: pd.DataFrame) -> pd.DataFrame:
    """Return the flows left to disposal that a hub could take, in the broker's columns.

    A source is the rest of a mass offer after the network (``disposal``: offer_id,
    quantity), with a location and a disposal cost, which is its cost handled alone.
    """
    left = disposal[disposal["quantity"] > 0].rename(columns={"offer_id": "listing_id"})
    listed = offers.drop(columns="quantity").merge(left, on="listing_id")
    usable = (
        (listed["dimension"] == "mass")
        & listed["disposal_cost"].notna()
        & listed["longitude"].notna()
        & listed["latitude"].notna()
    )
    chosen = listed[usable]
    return pd.DataFrame(
        {
            "source_id": chosen["listing_id"].to_numpy(dtype=object),
            "quantity": chosen["quantity"].to_numpy(dtype=float),
            "longitude": chosen["longitude"].to_numpy(dtype=float),
            "latitude": chosen["latitude"].to_numpy(dtype=float),
            "direct_cost": chosen["disposal_cost"].to_numpy(dtype=float),
        }
    )


def locate_zone_hubs(
    zone: Zone, offers: pd.DataFrame, disposal: pd.DataFrame | None
) -> HubAnalysis:
    """Return where the broker opens hubs for the flows the network leaves to disposal.

    An :class:`ExchangeError` of the broker becomes the analysis' reason, so the rest of
    the exchange section is still shown.
    """
    sites = candidate_hub_sites(zone)
    if sites is None:
        return HubAnalysis(reason=NO_HUB_SITES)

    sources = hub_sources(offers, disposal) if disposal is not None else pd.DataFrame()
    if not len(sources):
        return HubAnalysis(sites=sites, reason=NO_HUB_SOURCES)

    try:
        result = locate_hubs(
            sources, sites, collection_rate=COLLECTION_RATE, road_factor=ROAD_FACTOR
        )
    except ExchangeError as error:
        logger.warning("hubs not located: %s", error)
        return HubAnalysis(
            sites=sites, sources=sources, reason="{message}", params={"message": str(error)}
        )
    analysis = HubAnalysis(sites=sites, sources=sources, result=result)
    if not analysis.optimal:
        analysis.reason = N_("The hub location problem was not solved: {status}.")
        analysis.params = {"status": str(result.status)}
    elif result.hubs.empty:
        analysis.reason = NO_HUB_PAYS
    return analysis


def route_distances(analysis: HubAnalysis) -> np.ndarray:
    """Return the road distance of each route of ``analysis`` [km], in route order."""
    from ecoplan.exchange.geo import haversine_km

    assert analysis.result is not None
    routes = analysis.result.routes
    sources = analysis.sources.set_index("source_id").loc[routes["source_id"]]
    sites = analysis.sites.set_index("site_id").loc[routes["site_id"]]
    great_circle = haversine_km(
        sources["longitude"].to_numpy(float),
        sources["latitude"].to_numpy(float),
        sites["longitude"].to_numpy(float),
        sites["latitude"].to_numpy(float),
    )
    return np.asarray(great_circle, dtype=float) * ROAD_FACTOR


def hub_site_rows(analysis: HubAnalysis, names: Names, currency: str) -> list[dict[str, Any]]:
    """Return one row per candidate hub site: opened or not, flows, throughput and costs."""
    assert analysis.result is not None
    result = analysis.result
    throughput: dict[str, float] = {}
    if len(result.hubs):
        throughput = dict(zip(result.hubs["site_id"], result.hubs["throughput"], strict=True))
    flows: dict[str, int] = {}
    if len(result.routes):
        counts = result.routes["site_id"].value_counts()
        flows = {str(site): int(count) for site, count in counts.items()}
    rows = []
    site: Any
    for site in analysis.sites.itertuples(index=False):
        opened = site.site_id in throughput
        rows.append(
            {
                "site_id": site.site_id,
                "name": names.site(site.site_id),
                "opened": opened,
                "flows": int(flows[site.site_id]) if site.site_id in flows else 0,
                "throughput": plain(throughput[site.site_id]) if opened else 0.0,
                "capacity": plain(site.capacity),
                "fixed_cost": plain(site.fixed_cost),
                "unit_cost": plain(site.unit_cost),
                "unit": "t/a",
                "currency": currency,
                "longitude": plain(site.longitude),
                "latitude": plain(site.latitude),
            }
        )
    return rows


def hub_route_rows(
    analysis: HubAnalysis, offers: pd.DataFrame, names: Names, currency: str
) -> list[dict[str, Any]]:
    """Return one row per flow routed through a hub: who, what, how far, cost and saving.

    ``route_cost`` is collection plus the hub's handling [currency per t]; ``saving`` is the
    flow's cost alone minus its cost through the hub [currency per year], before the hub's
    fixed cost, which the hub totals subtract.
    """
    assert analysis.result is not None
    routes = analysis.result.routes
    listed = offers.set_index("listing_id")
    direct = analysis.sources.set_index("source_id")["direct_cost"]
    distances = route_distances(analysis) if len(routes) else np.array([])
    rows = []
    route: Any
    for route, distance in zip(routes.itertuples(index=False), distances, strict=True):
        offer = listed.loc[route.source_id]
        alone = float(direct[route.source_id])
        rows.append(
            {
                "offer_id": route.source_id,
                "from": names.party({**offer.to_dict(), "listing_id": route.source_id}),
                "resource_id": offer["resource_id"],
                "resource": names.resource(str(offer["resource_id"])),
                "site_id": route.site_id,
                "hub": names.site(route.site_id),
                "quantity": plain(route.quantity),
                "unit": "t/a",
                "distance_km": plain(distance),
                "direct_cost": alone,
                "route_cost": plain(route.unit_cost),
                "saving": plain(route.quantity * (alone - route.unit_cost)),
                "currency": currency,
            }
        )
    return rows


def hub_total_rows(analysis: HubAnalysis, currency: str) -> list[dict[str, Any]]:
    """Return the broker's totals: flows offered, tonnes pooled, costs alone and with hubs.

    ``hub_saving`` is the cost of handling every offered flow alone minus the cost with the
    chosen hubs, their fixed costs included [currency per year].
    """
    assert analysis.result is not None
    result = analysis.result
    money = f"{currency}/a"
    values = [
        ("hub_candidates", len(analysis.sites), "1"),
        ("hub_flows_offered", len(analysis.sources), "1"),
        ("hubs_opened", len(result.hubs), "1"),
        (
            "hub_pooled",
            float(result.routes["quantity"].sum()) if len(result.routes) else 0.0,
            "t/a",
        ),
        ("hub_cost_alone", result.direct_cost, money),
        ("hub_cost", result.total_cost, money),
        ("hub_saving", result.saving, money),
    ]
    return [
        {"measure": measure, "dimension": None, "value": plain(value), "unit": unit}
        for measure, value, unit in values
    ]

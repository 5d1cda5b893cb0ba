"""The by-product exchange of the plan: listings, recommended exchanges, hubs, totals, impact.

:func:`match_listings` and :func:`optimise_network` run the exchange analyses of
:mod:`ecoplan.exchange` once, materials recovery facilities
(:mod:`ecoplan.report.exchange_recovery`) and broker hubs (:mod:`ecoplan.report.exchange_hubs`)
included;
:func:`exchange_sections` turns their results into the report's sections. Quantities are
per year in the canonical unit of their dimension (t, MWh, m³), money in the zone's currency
per year and CO2 in t CO2e per year.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ecoplan.errors import EcoplanError
from ecoplan.exchange import find_candidates, listings_from_zone, load_compatibility
from ecoplan.exchange.geo import line_feature, point_feature, write_geojson
from ecoplan.exchange.impact import indicator_change
from ecoplan.exchange.network import ExchangeResult, ExchangeStatus, optimise_exchange
from ecoplan.i18n import LOCALES, N_
from ecoplan.model.zone import Zone
from ecoplan.report.exchange_hubs import (
    NO_HUB_PAYS,
    NO_HUB_SITES,
    HubAnalysis,
    hub_route_rows,
    hub_site_rows,
    hub_total_rows,
    locate_zone_hubs,
)
from ecoplan.report.exchange_recovery import (
    RecoveryAnalysis,
    recovery_features,
    recovery_sections,
    residue_total,
    sold_outputs,
    zone_recovery,
)
from ecoplan.report.records import frame_records, plain
from ecoplan.report.sections import Section, indicator_definition, unavailable, unit_text
from ecoplan.report.summary import names_by_locale
from ecoplan.units import CANONICAL_LABEL

logger = logging.getLogger(__name__)

EXCHANGE_TABLES = (
    "exchange_listings",
    "exchange_recommended",
    "exchange_totals",
    "exchange_indicators",
    "exchange_recovery",
    "exchange_recovery_flows",
    "exchange_hubs",
    "exchange_hub_routes",
)
"""Exchange sections, in report order."""

NO_LISTINGS = N_(
    "The zone has no by-product offers or requests. Fill the listings table, or record the "
    "flows that go to landfill, discharge or disposal."
)
NO_EXCHANGE = N_(
    "No exchange is recommended: no offer and request are compatible within reach, or no "
    "exchange saves money."
)
NO_CHANGE = N_("No exchange is recommended, so the indicators do not change.")


@dataclass
class ExchangeAnalysis:
    """Listings, candidates and the optimised network of one zone.

    ``result`` is ``None`` and ``error`` contains the message when the optimiser raised;
    ``change`` is the indicator table of :func:`~ecoplan.exchange.impact.indicator_change`
    when at least one exchange is recommended. ``recovery`` contains the zone's materials
    recovery facilities, whose recovery options the network weighs. ``hubs`` is the broker's
    choice for the flows the network leaves to disposal, once the network is optimised.
    """

    offers: pd.DataFrame
    requests: pd.DataFrame
    candidates: pd.DataFrame
    result: ExchangeResult | None = None
    error: str | None = None
    change: pd.DataFrame | None = None
    hubs: HubAnalysis | None = None
    recovery: RecoveryAnalysis | None = None

    @property
    def exchanges(self) -> pd.DataFrame:
        """Recommended exchanges, empty when the optimiser raised or found none."""
        if self.result is None or self.result.status != ExchangeStatus.OPTIMAL:
            return pd.DataFrame(columns=["offer_id", "request_id", "quantity"])
        return self.result.exchanges


def match_listings(zone: Zone) -> ExchangeAnalysis:
    """Return the zone's offers, requests and candidate exchanges (default settings).

    Raises
    ------
    EcoplanError
        When the listings or the compatibility table cannot be read.
    """
    offers, requests = listings_from_zone(zone)
    candidates = find_candidates(offers, requests, load_compatibility(zone))
    return ExchangeAnalysis(offers=offers, requests=requests, candidates=candidates)


def optimise_network(zone: Zone, analysis: ExchangeAnalysis) -> ExchangeAnalysis:
    """Add the optimised network and its indicator change to ``analysis``.

    An :class:`~ecoplan.errors.EcoplanError` of the optimiser is kept as ``error``, so the
    listings can still be shown.
    """
    analysis.recovery = zone_recovery(zone, analysis.offers)
    try:
        analysis.result = optimise_exchange(
            analysis.offers,
            analysis.requests,
            analysis.candidates,
            recovery_options=analysis.recovery.options,
        )
    except EcoplanError as error:
        logger.warning("exchange network not optimised: %s", error)
        analysis.error = str(error)
        return analysis

    optimal = analysis.result.status == ExchangeStatus.OPTIMAL
    sold = sold_outputs(analysis.recovery, analysis.result) if optimal else None
    if len(analysis.exchanges) or (sold is not None and len(sold)):
        analysis.change = indicator_change(
            zone, analysis.exchanges, analysis.offers, analysis.requests, recovered=sold
        )
    disposal = analysis.result.disposal if optimal else None
    analysis.hubs = locate_zone_hubs(zone, analysis.offers, disposal)
    return analysis


def exchange_sections(zone: Zone, analysis: ExchangeAnalysis | Section) -> dict[str, Section]:
    """Return the exchange sections; every one carries the reason when ``analysis`` failed.

    ``analysis`` is a not-available section when the listings could not be matched.
    """
    if isinstance(analysis, Section):
        return {name: analysis for name in EXCHANGE_TABLES}
    if not len(analysis.offers) and not len(analysis.requests):
        return {name: unavailable(NO_LISTINGS) for name in EXCHANGE_TABLES}

    names = Names(zone)
    sections = {"exchange_listings": Section(rows=listing_rows(analysis))}
    if analysis.error is not None:
        failed = unavailable("{message}", message=analysis.error)
        sections.update({name: failed for name in EXCHANGE_TABLES[1:]})
        return sections

    assert analysis.result is not None
    if analysis.result.status != ExchangeStatus.OPTIMAL:
        failed = unavailable("{message}", message=analysis.result.message)
        sections.update({name: failed for name in EXCHANGE_TABLES[1:]})
        return sections

    recommended = recommended_rows(analysis, names, zone.currency)
    sections["exchange_recommended"] = (
        Section(rows=recommended) if recommended else unavailable(NO_EXCHANGE)
    )
    sections["exchange_totals"] = Section(rows=total_rows(analysis, zone.currency))
    sections["exchange_indicators"] = (
        Section(rows=change_rows(analysis.change))
        if analysis.change is not None
        else unavailable(NO_CHANGE)
    )
    sections.update(
        recovery_sections(analysis.recovery, analysis.result, analysis.offers, names, zone.currency)
    )
    sections.update(hub_sections(analysis, names, zone.currency))
    return sections


def hub_sections(analysis: ExchangeAnalysis, names: Names, currency: str) -> dict[str, Section]:
    """Return the candidate hub sites and the routed flows, or the reason there are none.

    The broker's totals are rows of ``exchange_totals`` (see :func:`total_rows`).
    """
    hubs = analysis.hubs
    if hubs is None:
        return {}
    if not hubs.optimal:
        reason = unavailable(hubs.reason or NO_HUB_SITES, **hubs.params)
        return {"exchange_hubs": reason, "exchange_hub_routes": reason}

    routes = hub_route_rows(hubs, analysis.offers, names, currency)
    return {
        "exchange_hubs": Section(rows=hub_site_rows(hubs, names, currency)),
        "exchange_hub_routes": Section(rows=routes) if routes else unavailable(NO_HUB_PAYS),
    }


class Names:
    """Names of the zone's nodes, organisations and resources in every locale."""

    def __init__(self, zone: Zone) -> None:
        self.nodes = names_by_locale(zone.nodes, "node_id")
        self.organisations = names_by_locale(zone.organisations, "org_id")
        self.resources = names_by_locale(zone.resources, "resource_id")
        self.sites = names_by_locale(zone.sites, "site_id")

    def party(self, listing: Mapping[Any, Any]) -> dict[str, str]:
        """Return who offers or requests ``listing``: its node, else organisation, else id."""
        for table, key in ((self.nodes, "node_id"), (self.organisations, "org_id")):
            value = listing.get(key)
            if isinstance(value, str) and value in table["en"]:
                return {locale: table[locale][value] for locale in LOCALES}
        return {locale: str(listing["listing_id"]) for locale in LOCALES}

    def resource(self, resource_id: str) -> dict[str, str]:
        """Return the name of a resource in every locale."""
        return {locale: self.resources[locale].get(resource_id, resource_id) for locale in LOCALES}

    def site(self, site_id: str) -> dict[str, str]:
        """Return the name of a site in every locale."""
        return {locale: self.sites[locale].get(site_id, site_id) for locale in LOCALES}


def listing_rows(analysis: ExchangeAnalysis) -> list[dict[str, Any]]:
    """Return the offers and requests counted and summed by kind, code and dimension."""
    frames = []
    for kind, table in (("offer", analysis.offers), ("request", analysis.requests)):
        if not len(table):
            continue
        keyed = table.assign(
            kind=kind,
            code=table["code"].fillna(""),
            category=table["category"].fillna(""),
            use=table["use"].fillna("") if "use" in table else "",
        )
        grouped = keyed.groupby(["kind", "code", "category", "use", "dimension"], sort=True)
        summed = grouped.agg(
            listings=("listing_id", "size"),
            quantity=("quantity", lambda values: values.sum(min_count=len(values))),
        )
        frames.append(summed.reset_index())
    table = pd.concat(frames, ignore_index=True)
    table["unit"] = table["dimension"].map(CANONICAL_LABEL).fillna("") + "/a"
    for column in ("code", "category", "use"):
        table[column] = table[column].replace("", None)
    return frame_records(table)


def recommended_rows(
    analysis: ExchangeAnalysis, names: Names, currency: str
) -> list[dict[str, Any]]:
    """Return one row per recommended exchange: who, what, how much, saving, CO2, distance.

    The distance is the candidate's road distance; when several rules pair the same offer and
    request, the candidate with the highest net saving per unit is the one the optimiser used.
    ``quality_known`` is False when a quality limit of the use or the request could not be
    checked because the offer does not state that contaminant.
    """
    exchanges = analysis.exchanges
    if not len(exchanges):
        return []
    best = analysis.candidates.sort_values("net_saving", ascending=False, kind="stable")
    best = best.drop_duplicates(["offer_id", "request_id"]).set_index(["offer_id", "request_id"])
    offers = analysis.offers.set_index("listing_id")
    requests = analysis.requests.set_index("listing_id")

    rows = []
    exchange: Any
    for exchange in exchanges.itertuples(index=False):
        offer = offers.loc[exchange.offer_id]
        request = requests.loc[exchange.request_id]
        candidate = best.loc[(exchange.offer_id, exchange.request_id)]
        rows.append(
            {
                "offer_id": exchange.offer_id,
                "request_id": exchange.request_id,
                "from": names.party({**offer.to_dict(), "listing_id": exchange.offer_id}),
                "to": names.party({**request.to_dict(), "listing_id": exchange.request_id}),
                "resource_id": offer["resource_id"],
                "resource": names.resource(str(offer["resource_id"])),
                "code": plain(exchange.code),
                "use": plain(candidate["use"]) or plain(request.get("use")),
                "quantity": plain(exchange.quantity),
                "unit": f"{CANONICAL_LABEL.get(str(exchange.dimension), '')}/a",
                "saving": plain(exchange.saving),
                "co2_avoided": plain(exchange.co2_avoided),
                "distance_km": plain(candidate["distance_km"]),
                "missing": plain(candidate["missing"]) or None,
                "quality_known": bool(candidate["quality_known"]),
                "currency": currency,
            }
        )
    return rows


def total_rows(analysis: ExchangeAnalysis, currency: str) -> list[dict[str, Any]]:
    """Return the network's totals: count, saving, CO2 avoided, and diversion per dimension.

    ``diverted_share`` is the diverted quantity over the quantity offered in that dimension
    [1]; it is ``None`` when an offer of that dimension has no stated quantity. The residue
    of the materials recovery facilities goes back to disposal, so it is not diverted.
    """
    assert analysis.result is not None
    totals = analysis.result.totals
    rows: list[dict[str, Any]] = [
        {"measure": "exchanges", "dimension": None, "value": len(analysis.exchanges), "unit": "1"},
        {
            "measure": "saving",
            "dimension": None,
            "value": totals.get("saving", 0.0),
            "unit": f"{currency}/a",
        },
        {
            "measure": "fixed_cost",
            "dimension": None,
            "value": totals.get("fixed_cost", 0.0),
            "unit": f"{currency}/a",
        },
        {
            "measure": "co2_avoided",
            "dimension": None,
            "value": totals.get("co2_avoided", 0.0),
            "unit": "t CO2e/a",
        },
    ]
    offered = analysis.offers.groupby("dimension")["quantity"].sum(min_count=1)
    unknown = analysis.offers.groupby("dimension")["quantity"].apply(lambda q: q.isna().any())
    dimension: Any
    for dimension, quantity in offered.items():
        unit = f"{CANONICAL_LABEL.get(str(dimension), '')}/a"
        diverted = totals.get(f"diverted_{dimension}", 0.0)
        if dimension == "mass":
            diverted -= residue_total(analysis.recovery, analysis.result)
        share = None if unknown[dimension] or not quantity else diverted / quantity
        rows.append({"measure": "offered", "dimension": dimension, "value": quantity, "unit": unit})
        rows.append(
            {"measure": "diverted", "dimension": dimension, "value": diverted, "unit": unit}
        )
        rows.append(
            {"measure": "diverted_share", "dimension": dimension, "value": share, "unit": "1"}
        )
    if analysis.hubs is not None and analysis.hubs.optimal:
        rows.extend(hub_total_rows(analysis.hubs, currency))
    return [{key: plain(value) for key, value in row.items()} for row in rows]


def change_rows(change: pd.DataFrame | None) -> list[dict[str, Any]]:
    """Return each indicator before and after all exchanges are made, with its name."""
    if change is None:
        return []
    rows = frame_records(change)
    for row in rows:
        row["unit_text"] = unit_text(row["unit"])
        definition = indicator_definition(row["indicator_id"])
        if definition is not None:
            row["name"] = {locale: definition.name(locale) for locale in LOCALES}
    return rows


def write_exchange_geojson(analysis: ExchangeAnalysis | Section, path: Path) -> Path | None:
    """Write the listings as points and the recommended exchanges as lines to ``path``.

    Returns ``None`` (and removes an earlier file) when the zone has no located listing.
    """
    features = [] if isinstance(analysis, Section) else exchange_features(analysis)
    if not features:
        path.unlink(missing_ok=True)
        return None
    return write_geojson(features, path)


def exchange_features(analysis: ExchangeAnalysis) -> list[dict[str, Any]]:
    """Return GeoJSON features: listings and hub sites as points, exchanges and routes as lines."""
    features = []
    for kind, table in (("offer", analysis.offers), ("request", analysis.requests)):
        located = table[table["longitude"].notna() & table["latitude"].notna()]
        listing: Any
        for listing in located.itertuples(index=False):
            properties = {
                "kind": kind,
                "listing_id": listing.listing_id,
                "node_id": listing.node_id,
                "resource_id": listing.resource_id,
                "code": listing.code,
                "quantity": listing.quantity,
                "unit": CANONICAL_LABEL.get(str(listing.dimension)),
            }
            features.append(point_feature(listing.longitude, listing.latitude, properties))
    features.extend(exchange_lines(analysis))
    if analysis.recovery is not None and analysis.result is not None:
        features.extend(recovery_features(analysis.recovery, analysis.result, analysis.offers))
    if analysis.hubs is not None and analysis.hubs.optimal:
        features.extend(hub_features(analysis.hubs))
    return features


def hub_features(hubs: HubAnalysis) -> list[dict[str, Any]]:
    """Return the candidate hub sites as points and the flows routed to them as lines."""
    assert hubs.result is not None
    throughput = hubs.result.hubs.set_index("site_id")["throughput"]
    features = []
    site: Any
    for site in hubs.sites.itertuples(index=False):
        properties = {
            "kind": "hub",
            "site_id": site.site_id,
            "opened": bool(site.site_id in throughput.index),
            "throughput": float(throughput.get(site.site_id, 0.0)),
        }
        features.append(point_feature(site.longitude, site.latitude, properties))

    sources = hubs.sources.set_index("source_id")
    sites = hubs.sites.set_index("site_id")
    route: Any
    for route in hubs.result.routes.itertuples(index=False):
        start, end = sources.loc[route.source_id], sites.loc[route.site_id]
        properties = {
            "kind": "hub_route",
            "offer_id": route.source_id,
            "site_id": route.site_id,
            "quantity": float(route.quantity),
        }
        features.append(
            line_feature(
                (start["longitude"], start["latitude"]),
                (end["longitude"], end["latitude"]),
                properties,
            )
        )
    return features


def exchange_lines(analysis: ExchangeAnalysis) -> list[dict[str, Any]]:
    """Return one GeoJSON line per recommended exchange between located listings."""
    where = pd.concat([analysis.offers, analysis.requests]).drop_duplicates("listing_id")
    where = where.set_index("listing_id")[["longitude", "latitude"]]
    lines = []
    exchange: Any
    for exchange in analysis.exchanges.itertuples(index=False):
        start = where.loc[exchange.offer_id].to_numpy(dtype=float)
        end = where.loc[exchange.request_id].to_numpy(dtype=float)
        if np.isnan(start).any() or np.isnan(end).any():
            continue
        properties = {
            "kind": "exchange",
            "offer_id": exchange.offer_id,
            "request_id": exchange.request_id,
            "quantity": exchange.quantity,
            "saving": exchange.saving,
            "co2_avoided": exchange.co2_avoided,
        }
        lines.append(line_feature((start[0], start[1]), (end[0], end[1]), properties))
    return lines

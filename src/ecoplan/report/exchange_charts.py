"""Charts of the exchange section: an offline map and the network before and after.

The map shows the listings, the recommended exchanges, the materials recovery facilities with
the offers sent to them and, when the broker considered hubs, the candidate hub sites (opened
ones filled) with the flows routed through them.

The map is a Plotly ``scatter`` on longitude and latitude axes, so the page requests no
tiles and no topojson; a degree of latitude is drawn ``1 / cos(latitude)`` times as long as
a degree of longitude, so distances look the same in both directions.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ecoplan.i18n import N_, translate
from ecoplan.report.charts import Chart, both_locales
from ecoplan.report.exchange import ExchangeAnalysis, Names
from ecoplan.report.exchange_hubs import HubAnalysis
from ecoplan.report.exchange_recovery import facility_intake
from ecoplan.units import CANONICAL_LABEL

MIN_SPAN = 0.02
"""Smallest extent of the map in each direction [°], so a single site is not a dot in a void."""

OFFER_COLOUR, REQUEST_COLOUR, EXCHANGE_COLOUR = "#c0392b", "#2471a3", "#1b6e5a"
HUB_COLOUR, CLOSED_HUB_COLOUR = "#b9770e", "#7f8c8d"
RECOVERY_COLOUR = "#7d3c98"
RECOVERY_LINK = ["offer_id", "option_id", "quantity"]
"""Columns of the network's recovery table that a Sankey link to a facility reads."""
DISPOSAL = N_("Disposal (landfill, discharge)")

Segment = tuple[float, float, float, float]
"""A straight line on the map: start longitude, start latitude, end longitude, end latitude [°]."""


def exchange_charts(analysis: ExchangeAnalysis | None, names: Names | None) -> list[Chart]:
    """Return the map and, per dimension, the Sankey diagrams before and after exchanges."""
    if analysis is None or names is None:
        return []
    charts = []
    if located(analysis.offers).any() or located(analysis.requests).any():
        charts.append(both_locales("exchange-map", lambda locale: "", map_drawer(analysis, names)))
    charts.extend(network_charts(analysis, names))
    return charts


def located(listings: pd.DataFrame) -> pd.Series:
    """Return which listings have both coordinates."""
    return listings["longitude"].notna() & listings["latitude"].notna()


def map_drawer(analysis: ExchangeAnalysis, names: Names) -> Any:
    """Return a function drawing the map of sites and recommended exchanges in a locale."""
    offers = analysis.offers[located(analysis.offers)]
    requests = analysis.requests[located(analysis.requests)]
    hubs = analysis.hubs if analysis.hubs is not None and analysis.hubs.optimal else None
    hub_sites = hubs.sites[located(hubs.sites)] if hubs is not None else pd.DataFrame()
    every = pd.concat([offers, requests, hub_sites, recovery_sites(analysis)])
    latitude = float(every["latitude"].mean())

    def draw(locale: str) -> go.Figure:
        figure = go.Figure()
        add_exchange_lines(figure, analysis, names, locale)
        add_recovery(figure, analysis, names, locale)
        if hubs is not None:
            add_hubs(figure, hubs, names, locale)
        for table, name, colour, symbol in (
            (offers, N_("Offer"), OFFER_COLOUR, "circle"),
            (requests, N_("Request"), REQUEST_COLOUR, "square"),
        ):
            figure.add_scatter(
                x=table["longitude"],
                y=table["latitude"],
                mode="markers",
                name=translate(name, locale),
                marker={"color": colour, "size": 11, "symbol": symbol, "opacity": 0.8},
                text=[listing_text(row, names, locale) for _, row in table.iterrows()],
                hoverinfo="text",
            )
        figure.update_layout(
            title=translate(N_("Sites and recommended exchanges"), locale),
            xaxis={
                "title": translate(N_("Longitude [°]"), locale),
                "range": padded(every["longitude"]),
            },
            yaxis={
                "title": translate(N_("Latitude [°]"), locale),
                "range": padded(every["latitude"]),
                "scaleanchor": "x",
                "scaleratio": 1 / math.cos(math.radians(latitude)),
            },
            height=560,
            legend={"orientation": "h", "y": -0.15},
        )
        return figure

    return draw


def padded(values: pd.Series) -> list[float]:
    """Return an axis range around ``values`` with a 10 % margin and at least :data:`MIN_SPAN`."""
    low, high = float(values.min()), float(values.max())
    margin = max((high - low) * 0.1, (MIN_SPAN - (high - low)) / 2, 0.0)
    return [low - margin, high + margin]


def listing_text(row: pd.Series, names: Names, locale: str) -> str:
    """Return the hover text of a listing: who, what and how much."""
    party = names.party(row.to_dict())[locale]
    resource = names.resource(str(row["resource_id"]))[locale]
    unit = CANONICAL_LABEL.get(str(row["dimension"]), "")
    quantity = "—" if pd.isna(row["quantity"]) else f"{row['quantity']:,.0f} {unit}/a"
    return f"{party}<br>{resource}: {quantity}"


def add_exchange_lines(
    figure: go.Figure, analysis: ExchangeAnalysis, names: Names, locale: str
) -> None:
    """Add each recommended exchange as a line, wider for more quantity, labelled mid-way."""
    where = pd.concat([analysis.offers, analysis.requests]).drop_duplicates("listing_id")
    where = where.set_index("listing_id")
    exchanges = analysis.exchanges
    largest = float(exchanges["quantity"].max()) if len(exchanges) else 1.0
    middles: list[tuple[float, float, str]] = []
    exchange: Any
    for exchange in exchanges.itertuples(index=False):
        start, end = where.loc[exchange.offer_id], where.loc[exchange.request_id]
        ends = [start["longitude"], end["longitude"], start["latitude"], end["latitude"]]
        if np.isnan(np.asarray(ends, dtype=float)).any():
            continue
        width = 2 + 8 * float(exchange.quantity) / largest
        figure.add_scatter(
            x=ends[:2],
            y=ends[2:],
            mode="lines",
            hoverinfo="skip",
            showlegend=False,
            line={"color": EXCHANGE_COLOUR, "width": width},
        )
        unit = CANONICAL_LABEL.get(str(exchange.dimension), "")
        text = (
            f"{names.party(start.to_dict())[locale]} → {names.party(end.to_dict())[locale]}"
            f"<br>{names.resource(str(start['resource_id']))[locale]}: "
            f"{exchange.quantity:,.0f} {unit}/a"
        )
        middles.append(((ends[0] + ends[1]) / 2, (ends[2] + ends[3]) / 2, text))
    if middles:
        figure.add_scatter(
            x=[m[0] for m in middles],
            y=[m[1] for m in middles],
            text=[m[2] for m in middles],
            mode="markers",
            hoverinfo="text",
            name=translate(N_("Recommended exchange"), locale),
            marker={"color": EXCHANGE_COLOUR, "size": 8, "symbol": "diamond"},
        )


def recovery_sites(analysis: ExchangeAnalysis) -> pd.DataFrame:
    """Return the longitude and latitude of each materials recovery facility."""
    facilities = analysis.recovery.facilities if analysis.recovery is not None else []
    return pd.DataFrame(
        {
            "longitude": [facility.longitude for facility in facilities],
            "latitude": [facility.latitude for facility in facilities],
        }
    )


def add_recovery(figure: go.Figure, analysis: ExchangeAnalysis, names: Names, locale: str) -> None:
    """Add the offers sent to materials recovery facilities as dotted lines, and the facilities.

    Nothing is drawn when the zone lists no facility or the network was not optimised.
    """
    recovery, result = analysis.recovery, analysis.result
    if recovery is None or result is None or not recovery.facilities:
        return
    where = analysis.offers.set_index("listing_id")
    segments: list[Segment] = []
    texts = []
    for facility in recovery.facilities:
        intake = facility_intake(facility.facility_id, result)
        for offer_id in intake["offer_id"]:
            start = where.loc[offer_id]
            segments.append(
                (start["longitude"], start["latitude"], facility.longitude, facility.latitude)
            )
        site = names.site(recovery.sites[facility.facility_id])[locale]
        texts.append(f"{site}<br>{float(intake['quantity'].sum()):,.0f} t/a")
    name = N_("Stream to a recovery facility")
    add_flow_lines(figure, segments, name, RECOVERY_COLOUR, "dot", locale)
    figure.add_scatter(
        x=[facility.longitude for facility in recovery.facilities],
        y=[facility.latitude for facility in recovery.facilities],
        mode="markers",
        name=translate(N_("Materials recovery facility"), locale),
        marker={"color": RECOVERY_COLOUR, "size": 15, "symbol": "hexagon"},
        text=texts,
        hoverinfo="text",
    )


def add_flow_lines(
    figure: go.Figure, segments: list[Segment], name: str, colour: str, dash: str, locale: str
) -> None:
    """Add straight lines from each start to its end as one legend entry ``name``, if any.

    The segments form one trace, with ``None`` between them so that Plotly breaks the line.
    """
    if not segments:
        return
    longitudes: list[float | None] = []
    latitudes: list[float | None] = []
    for start_longitude, start_latitude, end_longitude, end_latitude in segments:
        longitudes += [start_longitude, end_longitude, None]
        latitudes += [start_latitude, end_latitude, None]
    figure.add_scatter(
        x=longitudes,
        y=latitudes,
        mode="lines",
        hoverinfo="skip",
        name=translate(name, locale),
        line={"color": colour, "width": 2, "dash": dash},
    )


def add_hubs(figure: go.Figure, hubs: HubAnalysis, names: Names, locale: str) -> None:
    """Add the flows routed to hubs as dashed lines and the candidate hub sites as stars."""
    assert hubs.result is not None
    sources = hubs.sources.set_index("source_id")
    sites = hubs.sites.set_index("site_id")
    segments: list[Segment] = []
    route: Any
    for route in hubs.result.routes.itertuples(index=False):
        start, end = sources.loc[route.source_id], sites.loc[route.site_id]
        segments.append((start["longitude"], start["latitude"], end["longitude"], end["latitude"]))
    add_flow_lines(figure, segments, N_("Flow to a hub"), HUB_COLOUR, "dash", locale)

    throughput = hubs.result.hubs.set_index("site_id")["throughput"]
    opened = sites.index.isin(throughput.index)
    for chosen, name, colour, symbol in (
        (opened, N_("Broker hub (opened)"), HUB_COLOUR, "star"),
        (~opened, N_("Candidate hub site (not opened)"), CLOSED_HUB_COLOUR, "star-open"),
    ):
        shown = sites[chosen]
        if not len(shown):
            continue
        texts = [
            f"{names.site(site_id)[locale]}<br>{float(throughput.get(site_id, 0.0)):,.0f} t/a"
            for site_id in shown.index
        ]
        figure.add_scatter(
            x=shown["longitude"],
            y=shown["latitude"],
            mode="markers",
            name=translate(name, locale),
            marker={"color": colour, "size": 16, "symbol": symbol},
            text=texts,
            hoverinfo="text",
        )


def network_charts(analysis: ExchangeAnalysis, names: Names) -> list[Chart]:
    """Return a Sankey diagram before and after the exchanges, per dimension offered."""
    charts = []
    listings = pd.concat([analysis.offers, analysis.requests]).drop_duplicates("listing_id")
    listings = listings.set_index("listing_id", drop=False)
    offers = analysis.offers[analysis.offers["quantity"].notna()]
    facilities = facility_labels(analysis, names)
    for dimension in sorted(offers["dimension"].dropna().unique()):
        of_dimension = offers[offers["dimension"] == dimension]
        for after, key in ((False, "before"), (True, "after")):
            links = party_links(network_links(analysis, of_dimension, after), listings)
            charts.append(
                both_locales(
                    f"exchange-sankey-{key}-{dimension}",
                    lambda locale: "",
                    sankey_drawer(links, listings, names, str(dimension), after, facilities),
                )
            )
    return charts


def facility_labels(analysis: ExchangeAnalysis, names: Names) -> dict[str, dict[str, str]]:
    """Return the Sankey label of each materials recovery facility: its site's name."""
    if analysis.recovery is None:
        return {}
    return {
        facility_id: names.site(site_id) for facility_id, site_id in analysis.recovery.sites.items()
    }


def network_links(analysis: ExchangeAnalysis, offers: pd.DataFrame, after: bool) -> pd.DataFrame:
    """Return links (offer id, target listing id or ``None`` for disposal, quantity).

    Before, every offer goes to disposal; after, the exchanged part goes to the request, the
    recovered part to its materials recovery facility (the target is the facility id) and
    the rest to disposal.
    """
    offer_ids = set(offers["listing_id"])
    if not after:
        return pd.DataFrame(
            {"offer_id": offers["listing_id"], "target": None, "quantity": offers["quantity"]}
        )
    exchanges = analysis.exchanges[analysis.exchanges["offer_id"].isin(offer_ids)]
    exchanged = pd.DataFrame(
        {
            "offer_id": exchanges["offer_id"],
            "target": exchanges["request_id"],
            "quantity": exchanges["quantity"],
        }
    )
    result = analysis.result
    recovered = result.recovery if result is not None else pd.DataFrame(columns=RECOVERY_LINK)
    recovered = recovered.loc[recovered["offer_id"].isin(offer_ids), RECOVERY_LINK]
    sorted_links = recovered.rename(columns={"option_id": "target"})
    left = result.disposal if result is not None else offers[["listing_id", "quantity"]]
    left = left.rename(columns={"listing_id": "offer_id"})
    left = left[left["offer_id"].isin(offer_ids)].assign(target=None)
    parts = [exchanged, left[["offer_id", "target", "quantity"]]]
    if len(sorted_links):
        parts.insert(1, sorted_links)
    return pd.concat(parts, ignore_index=True)


def party_keys(listing_ids: pd.Series, listings: pd.DataFrame) -> pd.Series:
    """Return each listing's node, else its organisation, else its own id; ``""`` for none.

    ``listings`` is indexed by a unique listing id. A missing id (a link to disposal) gets
    the key ``""``.
    """
    ids = listing_ids.reset_index(drop=True).astype(object)
    node = ids.map(listings["node_id"])
    organisation = ids.map(listings["org_id"])
    keys = node.where(node.notna(), organisation.where(organisation.notna(), ids))
    return keys.where(ids.notna(), "").astype(str)


def party_links(links: pd.DataFrame, listings: pd.DataFrame) -> pd.DataFrame:
    """Return ``links`` summed per party: source and target keys (target ``""`` is disposal)."""
    keyed = pd.DataFrame(
        {
            "source": party_keys(links["offer_id"], listings),
            "target": party_keys(links["target"], listings),
            "listing": links["offer_id"].to_numpy(dtype=object),
            "quantity": links["quantity"].to_numpy(dtype=float),
        }
    )
    keyed = keyed[keyed["quantity"] > 0]
    summed = keyed.groupby(["source", "target"], sort=False).agg(
        quantity=("quantity", "sum"), listing=("listing", "first")
    )
    return summed.reset_index()


def sankey_drawer(
    links: pd.DataFrame,
    listings: pd.DataFrame,
    names: Names,
    dimension: str,
    after: bool,
    facilities: dict[str, dict[str, str]] | None = None,
) -> Any:
    """Return a function drawing the Sankey diagram of ``links`` in a locale.

    ``facilities`` names the materials recovery facilities that are link targets.
    """
    facilities = facilities or {}
    unit = CANONICAL_LABEL.get(dimension, "")
    title = (
        N_("After the exchanges: by-products [{unit}/a]")
        if after
        else N_("Today: by-products to disposal [{unit}/a]")
    )
    parties = list(dict.fromkeys([*links["source"], *links["target"][links["target"] != ""]]))
    by_key = {key: key_listing(key, listings) for key in parties}

    def draw(locale: str) -> go.Figure:
        labels = [
            facilities[key][locale] if key in facilities else names.party(by_key[key])[locale]
            for key in parties
        ]
        labels.append(translate(DISPOSAL, locale))
        position = {key: index for index, key in enumerate(parties)}
        position[""] = len(parties)
        figure = go.Figure(
            go.Sankey(
                node={"label": labels, "pad": 18, "thickness": 16},
                # NumPy arrays, because plotly validates a list element by element.
                link={
                    "source": links["source"].map(position).to_numpy(dtype=int),
                    "target": links["target"].map(position).to_numpy(dtype=int),
                    "value": links["quantity"].to_numpy(dtype=float),
                    "color": np.where(
                        links["target"].to_numpy(dtype=object) != "",
                        "rgba(27,110,90,0.55)",
                        "rgba(120,130,138,0.45)",
                    ),
                },
                valueformat=",.0f",
            )
        )
        figure.update_layout(title=translate(title, locale).format(unit=unit), height=420)
        return figure

    return draw


def key_listing(key: str, listings: pd.DataFrame) -> dict[str, Any]:
    """Return a listing mapping that :meth:`Names.party` names as the party ``key``."""
    return {"node_id": key, "org_id": key, "listing_id": key}

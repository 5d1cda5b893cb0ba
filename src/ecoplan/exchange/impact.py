"""What the recommended exchanges change in the zone's flows and indicators.

:func:`apply_exchanges` returns a copy of the zone in which each exchange of ``q`` [canonical
unit per year] from an offer at node A to a request at node B, in the flows of the year of
its listings,

- takes ``q`` away from A's flows of the offered resource to disposal (flows into a landfill,
  atmosphere or water-body node, or with stage ``disposal``), pro rata when there are several;
- adds a flow of ``q`` of the offered resource from A to B, stage ``recovery``;
- takes ``q`` away from B's input of the requested resource from ``import`` or ``environment``
  nodes (its virgin input), pro rata, never below zero.

Sorted outputs that a materials recovery facility sells (``recovered``: offer_id, option_id,
quantity sold) are placed the same way: each takes its quantity away from the offer's flows to
disposal and adds a flow, stage ``recovery``, to an ``export`` node of the facility. The
facility's residue stays in the disposal flows.

:func:`indicator_change` recomputes :func:`ecoplan.accounting.indicators.compute_indicators`
on that copy for each year that receives an exchange and puts the values before and after
side by side.
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from ecoplan.accounting.indicators import compute_indicators, default_year
from ecoplan.model.vocab import SOURCE_KINDS
from ecoplan.model.zone import Zone
from ecoplan.units import CANONICAL_LABEL

logger = logging.getLogger(__name__)

DISPOSAL_KINDS = frozenset({"landfill", "atmosphere", "water_body"})
"""Node kinds whose inflows count as disposal of the offered resource."""


def exchange_endpoints(
    exchanges: pd.DataFrame,
    offers: pd.DataFrame,
    requests: pd.DataFrame,
    year: int | None = None,
) -> pd.DataFrame:
    """Return the exchanges with the nodes, resources and year of their offer and request.

    The year of an exchange is its offer's, else its request's, else ``year``; a listing
    without the column ``year`` names none. Exchanges whose offer or request names no node
    cannot be placed in the flows; they are left out and logged.
    """
    columns = ["node_id", "resource_id", "year"]
    offer_side = listing_sides(offers, columns)
    request_side = listing_sides(requests, columns).add_suffix("_request")
    joined = exchanges[["offer_id", "request_id", "quantity"]].join(offer_side, on="offer_id")
    joined = joined.join(request_side, on="request_id")
    placed = joined["node_id"].notna() & joined["node_id_request"].notna()
    if (~placed).any():
        logger.warning(
            "%d exchange(s) have an offer or request without a node and are not applied",
            int((~placed).sum()),
        )
    joined = joined[placed.to_numpy()]
    listed = joined["year"].where(joined["year"].notna(), joined["year_request"])
    joined["year"] = listed.astype(float).fillna(np.nan if year is None else float(year))
    return joined.drop(columns="year_request")


def listing_sides(listings: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Return ``listings[columns]`` indexed by listing id; an absent column is all None."""
    present = listings.reindex(columns=["listing_id", *columns])
    return present.astype({"year": float}).set_index("listing_id")


def reduction_factors(
    flows: pd.DataFrame, mask: np.ndarray, keys: list[str], removed: pd.Series
) -> np.ndarray:
    """Return a factor per flow that removes ``removed`` per key from the flows in ``mask``.

    ``removed`` is indexed by the values of ``keys``; each key's flows shrink pro rata, to zero
    at most. Flows outside ``mask`` keep the factor 1.
    """
    factors = np.ones(len(flows))
    if not mask.any() or removed.empty:
        return factors
    selected = flows[mask]
    key_index = pd.MultiIndex.from_frame(selected[keys])
    total = selected.groupby(keys)["quantity"].sum()
    wanted = removed.reindex(key_index).fillna(0.0).to_numpy()
    available = total.reindex(key_index).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(available > 0, np.clip(1.0 - wanted / available, 0.0, 1.0), 1.0)
    factors[mask] = share
    return factors


def apply_exchanges(
    zone: Zone,
    exchanges: pd.DataFrame,
    offers: pd.DataFrame,
    requests: pd.DataFrame,
    year: int | None = None,
    recovered: pd.DataFrame | None = None,
) -> Zone:
    """Return a copy of ``zone`` whose flows include the exchanges (see module).

    Each exchange changes the flows of the year of its offer, else of its request, which is
    the year the listing was derived from or entered for. Exchanges whose listings name no
    year go to ``year`` (default: the base year if it has flows, else the latest year with
    flows). ``recovered`` lists the outputs that recovery facilities sell, by offer.
    """
    fallback = default_year(zone) if year is None else int(year)
    tables = plain_tables(zone)
    exchanges, requests = with_sold_outputs(tables, exchanges, requests, recovered)
    placed = exchange_endpoints(exchanges, offers, requests, fallback)
    flows = zone.flow_table.assign(year=zone.flow_table["year"].astype(float))

    to_disposal = flows["to_kind"].isin(DISPOSAL_KINDS) | (flows["stage"] == "disposal")
    disposal = to_disposal.to_numpy(dtype=bool)
    diverted = placed.groupby(["year", "node_id", "resource_id"])["quantity"].sum()
    diverted.index.names = ["year", "from_node", "resource_id"]
    virgin = flows["from_kind"].isin(SOURCE_KINDS).to_numpy(dtype=bool)
    replaced = placed.groupby(["year", "node_id_request", "resource_id_request"])["quantity"].sum()
    replaced.index.names = ["year", "to_node", "resource_id"]

    factor = reduction_factors(flows, disposal, ["year", "from_node", "resource_id"], diverted)
    factor *= reduction_factors(flows, virgin, ["year", "to_node", "resource_id"], replaced)
    changed = tables["flows"].copy()
    changed["amount"] = changed["amount"].to_numpy(dtype=float) * factor
    tables["flows"] = pd.concat([changed, new_flows(zone, placed)], ignore_index=True)
    return Zone.from_tables(tables, source=zone.source)


def with_sold_outputs(
    tables: dict[str, pd.DataFrame],
    exchanges: pd.DataFrame,
    requests: pd.DataFrame,
    recovered: pd.DataFrame | None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return ``exchanges`` and ``requests`` with each facility's sold outputs as an exchange.

    The buyer of a facility's outputs is an ``export`` node added to ``tables["nodes"]``; its
    request names no resource, so no virgin input is replaced.
    """
    if recovered is None or not len(recovered):
        return exchanges, requests
    facilities = sorted(recovered["option_id"].astype(str).unique())
    buyers = pd.DataFrame(
        {
            "listing_id": [f"recovery:{facility}" for facility in facilities],
            "node_id": [f"recovery:{facility}" for facility in facilities],
        }
    )
    nodes = pd.DataFrame(
        {
            "node_id": buyers["node_id"],
            "name": [f"Buyers of the outputs of {facility}" for facility in facilities],
            "kind": "export",
        }
    )
    tables["nodes"] = pd.concat([tables["nodes"], nodes], ignore_index=True)
    sold = pd.DataFrame(
        {
            "offer_id": recovered["offer_id"].to_numpy(),
            "request_id": "recovery:" + recovered["option_id"].astype(str).to_numpy(dtype=object),
            "quantity": recovered["quantity"].to_numpy(dtype=float),
        }
    )
    return pd.concat([exchanges, sold], ignore_index=True), pd.concat(
        [requests, buyers], ignore_index=True
    )


def plain_tables(zone: Zone) -> dict[str, pd.DataFrame]:
    """Return the zone's tables as entered, with every missing cell as None.

    NOTE: ``Zone.to_tables`` keeps pandas' ``NA`` in nullable flag columns, which
    ``Zone.from_tables`` rejects as an invalid flag, so the cells are turned into objects here.
    """
    return {
        name: frame.astype(object).where(frame.notna(), None)
        for name, frame in zone.to_tables().items()
    }


def new_flows(zone: Zone, placed: pd.DataFrame) -> pd.DataFrame:
    """Return one flow per placed exchange, in its year and the canonical unit of its resource."""
    dimension = zone.tables["resources"].set_index("resource_id")["dimension"]
    units = placed["resource_id"].map(dimension).map(CANONICAL_LABEL)
    return pd.DataFrame(
        {
            "flow_id": [f"exchange-{number}" for number in range(1, len(placed) + 1)],
            "from_node": placed["node_id"].to_numpy(),
            "to_node": placed["node_id_request"].to_numpy(),
            "resource_id": placed["resource_id"].to_numpy(),
            "year": placed["year"].to_numpy(dtype=int),
            "amount": placed["quantity"].to_numpy(dtype=float),
            "unit": units.to_numpy(),
            "stage": "recovery",
            "quality": "calculated",
            "source": "ecoplan exchange network: "
            + placed["offer_id"].astype(str)
            + " -> "
            + placed["request_id"].astype(str),
        }
    )


def indicator_change(
    zone: Zone,
    exchanges: pd.DataFrame,
    offers: pd.DataFrame,
    requests: pd.DataFrame,
    year: int | None = None,
    recovered: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return every indicator before and after making all ``exchanges``, per year changed.

    The exchanges, and the outputs that recovery facilities sell (``recovered``: offer_id,
    option_id, quantity), are placed as :func:`apply_exchanges` places them, with ``year``
    for those whose listings name no year. The table covers each year that receives an
    exchange, or that fallback year when none is placed. Columns: year, indicator_id, unit,
    before, after, change (after minus before, in the indicator's unit; NaN where either
    side is not computable).
    """
    fallback = default_year(zone) if year is None else int(year)
    scratch = {"nodes": pd.DataFrame(columns=["node_id"])}
    every_exchange, every_request = with_sold_outputs(scratch, exchanges, requests, recovered)
    placed = exchange_endpoints(every_exchange, offers, every_request, fallback)
    years = sorted({int(value) for value in placed["year"]}) or [fallback]
    after_zone = apply_exchanges(zone, exchanges, offers, requests, fallback, recovered)
    tables = [indicator_table(zone, after_zone, changed_year) for changed_year in years]
    return pd.concat(tables, ignore_index=True)


def indicator_table(zone: Zone, after_zone: Zone, year: int) -> pd.DataFrame:
    """Return the indicators of ``year`` in ``zone`` and ``after_zone`` side by side."""
    before = compute_indicators(zone, year)
    after = compute_indicators(after_zone, year)
    table = pd.DataFrame(
        {
            "year": year,
            "indicator_id": [result.indicator_id for result in before],
            "unit": [result.unit for result in before],
            "before": [np.nan if result.value is None else result.value for result in before],
            "after": [np.nan if result.value is None else result.value for result in after],
        }
    )
    table["change"] = table["after"] - table["before"]
    return table

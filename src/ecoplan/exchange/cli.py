"""The ``ecoplan exchange SOURCE --out DIR`` command: candidates and the exchange network.

It writes the candidate exchanges of a zone or of a public facility data set and, when the
optimiser can solve the problem, the recommended network.

SOURCE is a zone (workbook, CSV folder, example name or ``store:ZONE_ID``), ``kalundborg``
(the symbiosis partners without their links), a folder of the Finnish PRTR files
(``facilities.csv`` and ``waste_transfers.csv``), or a TRI Basic Data File (``.csv``) with
``--crosswalk`` naming the transfer-class crosswalk file.

The public data sets state no prices. Their mass offers get the disposal cost of their
country, region and treatment from the disposal-cost table
(:mod:`ecoplan.exchange.disposal_costs`), unless ``--disposal-cost`` sets one cost for all.
A zone states its own costs in its listings.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
from pathlib import Path
from typing import Any

import pandas as pd

from ecoplan.errors import EcoplanError
from ecoplan.exchange.compatibility import load_compatibility
from ecoplan.exchange.disposal_costs import apply_disposal_costs, load_disposal_costs
from ecoplan.exchange.geo import line_feature, point_feature, write_geojson
from ecoplan.exchange.listings import listings_from_zone
from ecoplan.exchange.matching import find_candidates
from ecoplan.i18n import _

logger = logging.getLogger(__name__)


def add_parser(subparsers: Any) -> None:
    """Add the ``exchange`` command to the ``ecoplan`` sub-command parsers."""
    parser = subparsers.add_parser(
        "exchange", help=_("find by-product exchange candidates and the best network")
    )
    parser.add_argument(
        "source", help=_("zone file or example, kalundborg, a Finnish PRTR folder or a TRI file")
    )
    parser.add_argument("--out", required=True, help=_("folder for the results"))
    parser.add_argument(
        "--max-distance",
        type=float,
        default=100.0,
        help=_("maximum road distance [km] (default: %(default)g)"),
    )
    parser.add_argument(
        "--road-factor",
        type=float,
        default=1.3,
        help=_("road over great-circle distance [1] (default: %(default)g)"),
    )
    parser.add_argument(
        "--crosswalk",
        default=None,
        help=_("TRI transfer-class crosswalk CSV (no default; required for a TRI file)"),
    )
    parser.add_argument(
        "--disposal-cost",
        type=float,
        default=None,
        help=_(
            "assumed disposal cost of mass offers that state none [currency per t] (default: "
            "none, so the public data sets take the cost of their country and treatment from "
            "the disposal-cost table)"
        ),
    )
    parser.add_argument(
        "--disposal-costs",
        default=None,
        help=_("disposal-cost table CSV for the public data sets (default: the shipped one)"),
    )
    parser.add_argument("--db", default=None, help=_("database URL (default: the local SQLite)"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run the command: read the source, match, optimise if possible, write the results."""
    offers, requests, table, country, zone_currency = _listings(args)
    offers, assumed = _assume_disposal_cost(offers, args.disposal_cost)
    offers, priced = _price_disposal(offers, args, country)
    currency = _run_currency(zone_currency, priced)
    candidates = find_candidates(
        offers, requests, table, road_factor=args.road_factor, max_distance_km=args.max_distance
    )
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    candidates.to_csv(out / "candidates.csv", index=False)
    write_geojson(_features(offers, requests, candidates), out / "candidates.geojson")
    summary: dict[str, Any] = {
        "offers": len(offers),
        "requests": len(requests),
        "candidates": len(candidates),
        "offers_with_candidates": int(candidates["offer_id"].nunique()),
        "candidates_with_unchecked_limits": int((~candidates["quality_known"]).sum()),
        "currency": currency,
    }
    if assumed:
        summary["assumed_disposal_cost"] = args.disposal_cost
        summary["offers_with_assumed_disposal_cost"] = assumed
    if priced is not None:
        summary["disposal_costs"] = priced
    summary.update(_optimise(offers, requests, candidates, out))
    if args.source == "kalundborg":
        summary.update(_kalundborg_recall(candidates, out))
    (out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(
        _(
            "{offers} offers, {requests} requests, {candidates} candidate exchanges; see {path}"
        ).format(path=out.resolve(), **summary)
    )
    if priced is not None:
        _print_disposal_costs(priced, country)
    if summary.get("status") == "optimal":
        print(_saving_message(summary, currency))
    elif "optimiser_message" in summary:
        print(summary["optimiser_message"])
    if summary["candidates_with_unchecked_limits"]:
        print(
            _(
                "{count} candidate exchanges have quality limits that were not checked, because "
                "the offer does not state those contaminants (column quality_known is false)."
            ).format(count=summary["candidates_with_unchecked_limits"])
        )
    return 0


def _listings(
    args: argparse.Namespace,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, str | None, str | None]:
    """Return offers, requests, compatibility rules, the source's country and zone currency.

    A public data set has a country and no currency; a zone has a currency and no country.
    """
    from ecoplan.exchange import sources
    from ecoplan.exchange.sources import finland, kalundborg, tri

    path = Path(args.source)
    if args.source == "kalundborg" and not path.exists():
        offers, requests = sources.kalundborg_listings()
        return offers, requests, load_compatibility(), kalundborg.COUNTRY, None
    if path.is_dir() and (path / "waste_transfers.csv").exists():
        offers, requests = sources.read_finnish_prtr(path)
        return offers, requests, load_compatibility(), finland.COUNTRY, None
    if path.suffix.lower() == ".csv":
        if args.crosswalk is None:
            raise EcoplanError(
                _("A TRI file needs --crosswalk naming the transfer-class crosswalk CSV.")
            )
        offers, requests = sources.read_tri(path, args.crosswalk)
        return offers, requests, load_compatibility(), tri.COUNTRY, None
    from ecoplan.cli import load_zone

    zone = load_zone(args.source, args.db)
    offers, requests = listings_from_zone(zone)
    return offers, requests, load_compatibility(zone), None, zone.currency


def _run_currency(zone_currency: str | None, priced: list[dict[str, Any]] | None) -> str | None:
    """Return the currency of the run's money amounts, or None when it is not known.

    A zone states its currency. A public data set takes the currency of the disposal-cost
    rows that priced it, when they all have one and the same. With ``--disposal-cost`` the
    currency is the one the user meant, which the command does not know.
    """
    if zone_currency is not None:
        return zone_currency
    currencies = {row["currency"] for row in priced or [] if row["cost_id"] is not None}
    if len(currencies) == 1 and None not in currencies:
        return str(currencies.pop())
    return None


def _saving_message(summary: dict[str, Any], currency: str | None) -> str:
    """Return the line that reports an optimal network: exchanges and net saving per year."""
    totals = summary["totals"]
    saving = (totals.get("saving") or 0.0) - (totals.get("fixed_cost") or 0.0)
    if currency is None:
        return _(
            "Optimal: {count} exchange(s), net saving {saving:,.0f} per year, in the currency "
            "of --disposal-cost."
        ).format(count=summary["exchanges"], saving=saving)
    return _("Optimal: {count} exchange(s), net saving {saving:,.0f} {currency} per year.").format(
        count=summary["exchanges"], saving=saving, currency=currency
    )


def _optimise(
    offers: pd.DataFrame, requests: pd.DataFrame, candidates: pd.DataFrame, out: Path
) -> dict[str, Any]:
    """Run the exchange network optimiser and write its exchanges; report why if it cannot."""
    try:
        from ecoplan.exchange.network import optimise_exchange
    except ImportError:
        return {"optimised": False}
    try:
        result = optimise_exchange(offers, requests, candidates)
    except EcoplanError as error:
        logger.warning("Exchange network not optimised: %s", error)
        return {"optimised": False, "optimiser_message": str(error)}
    checked = candidates[["offer_id", "request_id", "quality_known"]]
    exchanges = result.exchanges.merge(checked, on=["offer_id", "request_id"], how="left")
    exchanges.to_csv(out / "exchanges.csv", index=False)
    return {
        "optimised": True,
        "status": str(result.status),
        "exchanges": len(result.exchanges),
        "optimiser_message": str(result.message),
        "totals": {
            key: None if math.isnan(value) else value for key, value in result.totals.items()
        },
        "notes": list(result.notes),
    }


def _kalundborg_recall(candidates: pd.DataFrame, out: Path) -> dict[str, Any]:
    """Return how many known Kalundborg links the candidates and the exchanges hold."""
    from ecoplan.exchange.sources.kalundborg import KNOWN_LINKS, recall

    found, missed, extra = recall(candidates)
    summary: dict[str, Any] = {
        "known_links": len(KNOWN_LINKS),
        "known_links_in_candidates": found,
        "known_links_missed_by_candidates": missed,
        "other_candidates": extra["offer_id"].str.cat(extra["request_id"], sep=" -> ").tolist(),
    }
    exchanges_file = out / "exchanges.csv"
    exchanges = pd.read_csv(exchanges_file) if exchanges_file.exists() else pd.DataFrame()
    if len(exchanges):
        chosen, _missed, other = recall(exchanges)
        summary["known_links_in_exchanges"] = chosen
        summary["other_exchanges"] = (
            other["offer_id"].str.cat(other["request_id"], sep=" -> ").tolist()
        )
    return summary


def _assume_disposal_cost(offers: pd.DataFrame, cost: float | None) -> tuple[pd.DataFrame, int]:
    """Return the offers with ``cost`` [currency per t] where a mass offer states none.

    Returns the offers and how many got the assumed cost; without ``cost`` they are unchanged.
    """
    if cost is None:
        return offers, 0
    if not cost >= 0:
        raise EcoplanError(
            _("Disposal cost {value} is invalid; give a cost of 0 or more per tonne.").format(
                value=cost
            )
        )
    fill = offers["disposal_cost"].isna() & (offers["dimension"] == "mass")
    offers = offers.copy()
    offers.loc[fill, "disposal_cost"] = cost
    logger.info("assumed a disposal cost of %g per t for %d offers", cost, int(fill.sum()))
    return offers, int(fill.sum())


def _price_disposal(
    offers: pd.DataFrame, args: argparse.Namespace, country: str | None
) -> tuple[pd.DataFrame, list[dict[str, Any]] | None]:
    """Return the offers priced from the disposal-cost table, and the rows used.

    The table is not used with ``--disposal-cost``, which prices every offer, nor for a zone,
    whose listings state their costs. Naming a table for a zone is an error.
    """
    if country is None:
        if args.disposal_costs is not None:
            raise EcoplanError(
                _(
                    "--disposal-costs applies to the public data sets, whose country is known; "
                    "a zone states disposal costs in its listings (column disposal_cost)."
                )
            )
        return offers, None
    if args.disposal_cost is not None:
        return offers, None

    offers, usage = apply_disposal_costs(offers, load_disposal_costs(args.disposal_costs), country)
    rows = []
    for row in usage.to_dict("records"):
        cost = row["cost_per_t"]
        rows.append(
            {
                "cost_id": row["cost_id"],
                "country": country,
                "region": row["region"] if isinstance(row["region"], str) else None,
                "treatment": row["treatment"],
                "cost_per_t": None if pd.isna(cost) else float(cost),
                "currency": row["currency"] if isinstance(row["currency"], str) else None,
                "year": None if pd.isna(row["year"]) else int(row["year"]),
                "source": row["source"] if isinstance(row["source"], str) else None,
                "offers": int(row["offers"]),
                "quantity_t": float(row["quantity"]),
            }
        )
    return offers, rows


def _print_disposal_costs(rows: list[dict[str, Any]], country: str | None) -> None:
    """Print the disposal cost each group of offers got, and the groups left without one."""
    for row in rows:
        if row["cost_id"] is None:
            print(
                _(
                    "{offers} offers ({quantity:,.0f} t, treatment {treatment}) have no "
                    "disposal cost: the table has no {treatment} row for {country}."
                ).format(
                    offers=row["offers"],
                    quantity=row["quantity_t"],
                    treatment=row["treatment"],
                    country=country,
                )
            )
            continue
        print(
            _(
                "Disposal cost {cost:,.2f} {currency}/t ({cost_id}) for {offers} offers "
                "({quantity:,.0f} t)."
            ).format(
                cost=row["cost_per_t"],
                currency=row["currency"],
                cost_id=row["cost_id"],
                offers=row["offers"],
                quantity=row["quantity_t"],
            )
        )


def _features(
    offers: pd.DataFrame, requests: pd.DataFrame, candidates: pd.DataFrame
) -> list[dict[str, Any]]:
    """Return GeoJSON features: listings as points, candidates as lines from offer to request."""
    features = []
    for kind, frame in (("offer", offers), ("request", requests)):
        located = frame[frame["longitude"].notna() & frame["latitude"].notna()]
        columns = zip(
            located["longitude"].to_numpy(dtype=float),
            located["latitude"].to_numpy(dtype=float),
            located["listing_id"],
            located["quantity"].to_numpy(dtype=float),
            strict=True,
        )
        for longitude, latitude, listing_id, quantity in columns:
            properties = {"kind": kind, "listing_id": listing_id, "quantity": quantity}
            features.append(point_feature(longitude, latitude, properties))
    o = candidates["offer_pos"].to_numpy(dtype=int)
    r = candidates["request_pos"].to_numpy(dtype=int)
    starts = zip(offers["longitude"].to_numpy()[o], offers["latitude"].to_numpy()[o], strict=True)
    ends = zip(requests["longitude"].to_numpy()[r], requests["latitude"].to_numpy()[r], strict=True)
    for row, start, end in zip(candidates.itertuples(index=False), starts, ends, strict=True):
        properties = {
            "kind": "candidate",
            "offer_id": row.offer_id,
            "request_id": row.request_id,
            "rule_id": row.rule_id,
            "distance_km": row.distance_km,
            "net_saving": row.net_saving,
            "quality_known": bool(row.quality_known),
        }
        features.append(line_feature(start, end, properties))
    return features

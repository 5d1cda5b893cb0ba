"""Materials recovery facilities (MRF) of the plan: sorting mixed streams sent to disposal.

A zone lists its facilities in ``recovery_facilities`` (site, capacity, net operating cost
per tonne of input, residue disposal cost, the codes or resource categories it accepts) and
their outputs in ``recovery_yields`` (code, yield per tonne of input, price per tonne).
Validation converts them to t per year and the zone's currency (see
:mod:`ecoplan.model.rules_recovery`); this module reads the converted columns.

:func:`zone_recovery` turns them into :class:`~ecoplan.exchange.recovery_facility.
MaterialsRecoveryFacility` objects and their recovery options, which the exchange network
weighs against disposal and the requests. A tonne of an offer goes to a facility when the
facility's net cost, ``cost + residue share × residue cost − Σ yield × price``, is below the
offer's disposal cost and no request saves more. The rows of the report then give, per
facility, the input taken by offer, the outputs by code, the residue, and the money.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from ecoplan.exchange.errors import ExchangeError
from ecoplan.exchange.geo import line_feature, point_feature
from ecoplan.exchange.network import ExchangeResult
from ecoplan.exchange.recovery_facility import MaterialsRecoveryFacility
from ecoplan.i18n import N_
from ecoplan.model.rules_recovery import accepted_items
from ecoplan.model.vocab import VOCABULARIES
from ecoplan.model.zone import Zone
from ecoplan.report.records import plain
from ecoplan.report.sections import Section, unavailable

if TYPE_CHECKING:
    from ecoplan.report.exchange import Names

logger = logging.getLogger(__name__)

NO_FACILITIES = N_(
    "No materials recovery facility was considered: the zone lists none. A facility needs "
    "its site, capacity, cost per tonne of input and the codes or categories it accepts "
    "(table recovery_facilities), and the code, yield and price of each output (table "
    "recovery_yields)."
)


@dataclass
class RecoveryAnalysis:
    """The zone's materials recovery facilities and the recovery options they offer.

    ``prices`` maps a facility id to its output codes' prices [currency per t], ``sites`` a
    facility id to its site id. ``reason`` (an English source message with ``params``) is
    set when the zone lists no facility or a facility cannot be built.
    """

    facilities: list[MaterialsRecoveryFacility] = field(default_factory=list)
    prices: dict[str, dict[str, float]] = field(default_factory=dict)
    sites: dict[str, str] = field(default_factory=dict)
    options: pd.DataFrame | None = None
    reason: str | None = None
    params: dict[str, Any] = field(default_factory=dict)


def zone_recovery(zone: Zone, offers: pd.DataFrame) -> RecoveryAnalysis:
    """Return the zone's facilities and their recovery options for the exchange network.

    An :class:`ExchangeError` of a facility (a zone changed after validation) becomes the
    analysis' reason, so the rest of the exchange is still optimised and shown.
    """
    table = zone.tables.get("recovery_facilities")
    if table is None or not len(table):
        return RecoveryAnalysis(reason=NO_FACILITIES)

    # NOTE: the haul from each holder to a facility is not priced by distance, because a
    # recovery option has one cost per code. The table's cost includes an average haul.
    # The outputs are sold at their price and are not offered to the zone's requests.
    analysis = RecoveryAnalysis()
    try:
        for record in table.to_dict("records"):
            facility, prices = build_facility(zone, record, offers)
            analysis.facilities.append(facility)
            analysis.prices[facility.facility_id] = prices
            analysis.sites[facility.facility_id] = str(record["site_id"])
        frames = [
            facility.recovery_options(analysis.prices[facility.facility_id])
            for facility in analysis.facilities
        ]
    except ExchangeError as error:
        logger.warning("recovery facilities not built: %s", error)
        return RecoveryAnalysis(reason="{message}", params={"message": str(error)})
    analysis.options = pd.concat(frames, ignore_index=True)
    return analysis


def build_facility(
    zone: Zone, record: dict[Any, Any], offers: pd.DataFrame
) -> tuple[MaterialsRecoveryFacility, dict[str, float]]:
    """Return one facility of ``recovery_facilities`` and its outputs' prices [currency per t]."""
    facility_id = str(record["facility_id"])
    yields = zone.tables["recovery_yields"]
    outputs = yields[yields["facility_id"] == facility_id]
    site = zone.tables["sites"].set_index("site_id").loc[record["site_id"]]
    facility = MaterialsRecoveryFacility(
        facility_id=facility_id,
        accepts=accepted_codes(accepted_items(record["accepts"]), offers),
        capacity=float(record["capacity_t"]),
        sorting_cost=float(record["cost_per_t"]),
        yields=dict(zip(outputs["code"], outputs["yield"].astype(float), strict=True)),
        residue_disposal_cost=float(record["residue_cost_per_t"]),
        longitude=float(site["longitude"]),
        latitude=float(site["latitude"]),
    )
    prices = dict(zip(outputs["code"], outputs["price_per_t"].astype(float), strict=True))
    return facility, prices


def accepted_codes(items: list[str], offers: pd.DataFrame) -> tuple[str, ...]:
    """Return the codes a facility takes: its listed codes and those of its categories.

    The exchange network pairs offers with recovery options by code, so a listed resource
    category becomes the codes of the zone's mass offers of that category. An offer without
    a code cannot reach a facility.
    """
    categories = set(VOCABULARIES["resource_category"])
    codes = [item for item in items if item not in categories]
    listed_categories = [item for item in items if item in categories]
    if listed_categories:
        chosen = offers["category"].isin(listed_categories) & (offers["dimension"] == "mass")
        codes += sorted(offers.loc[chosen, "code"].dropna().astype(str).unique())
    return tuple(dict.fromkeys(codes))


def sold_outputs(recovery: RecoveryAnalysis | None, result: ExchangeResult) -> pd.DataFrame:
    """Return, per offer sent to a facility, the tonnes it sells: offer_id, option_id, quantity.

    A facility sells ``Σ yields`` of each tonne it takes; the rest is residue sent to disposal.
    """
    columns = ["offer_id", "option_id", "quantity"]
    if recovery is None or not len(result.recovery):
        return pd.DataFrame(columns=columns)
    shares = {
        facility.facility_id: 1.0 - facility.residue_fraction for facility in recovery.facilities
    }
    intake = result.recovery[result.recovery["option_id"].isin(shares)]
    sold = intake["quantity"].to_numpy(dtype=float) * intake["option_id"].map(shares).to_numpy(
        dtype=float
    )
    return pd.DataFrame(
        {
            "offer_id": intake["offer_id"].to_numpy(),
            "option_id": intake["option_id"].to_numpy(),
            "quantity": sold,
        }
    )


def facility_intake(facility_id: str, result: ExchangeResult) -> pd.DataFrame:
    """Return the offers the network sends to a facility: offer_id, quantity, saving."""
    intake = result.recovery[result.recovery["option_id"] == facility_id]
    return intake[["offer_id", "quantity", "saving"]].reset_index(drop=True)


def facility_rows(
    recovery: RecoveryAnalysis,
    result: ExchangeResult,
    offers: pd.DataFrame,
    names: Names,
    currency: str,
) -> list[dict[str, Any]]:
    """Return one row per facility: mass balance [t/a] and money [currency per year].

    ``net_cost`` is sorting plus residue disposal minus the outputs' value. ``saving`` is the
    disposal cost the inputs no longer pay minus ``net_cost``, which is the facility's part
    of the network's saving. ``unpriced_offers`` lists the offers of accepted codes that have no
    disposal cost, so the network could not weigh sending them.
    """
    disposal = offers.set_index("listing_id")["disposal_cost"]
    rows = []
    for facility in recovery.facilities:
        intake = facility_intake(facility.facility_id, result)
        total = float(intake["quantity"].sum())
        prices = recovery.prices[facility.facility_id]
        value = sum(total * share * prices[code] for code, share in facility.yields.items())
        residue = total * facility.residue_fraction
        sorting_cost = total * facility.sorting_cost
        residue_cost = residue * facility.residue_disposal_cost
        net_cost = sorting_cost + residue_cost - value
        avoided = float((intake["quantity"] * intake["offer_id"].map(disposal)).sum())
        site_id = recovery.sites[facility.facility_id]
        rows.append(
            {
                "facility_id": facility.facility_id,
                "site_id": site_id,
                "name": names.site(site_id),
                "accepts": "; ".join(facility.accepts),
                "capacity": plain(facility.capacity),
                "input": total,
                "outputs": total - residue,
                "residue": residue,
                "net_cost_per_t": plain(facility.net_cost(prices)),
                "sorting_cost": sorting_cost,
                "residue_cost": residue_cost,
                "output_value": value,
                "net_cost": net_cost,
                "disposal_avoided": avoided,
                "saving": float(intake["saving"].sum()),
                "unpriced_offers": unpriced_offers(facility, offers),
                "unit": "t/a",
                "currency": currency,
                "longitude": plain(facility.longitude),
                "latitude": plain(facility.latitude),
            }
        )
    return rows


def unpriced_offers(facility: MaterialsRecoveryFacility, offers: pd.DataFrame) -> list[str]:
    """Return the ids of the offers of codes the facility accepts that have no disposal cost."""
    chosen = offers["code"].isin(facility.accepts) & offers["disposal_cost"].isna()
    return [str(listing_id) for listing_id in offers.loc[chosen, "listing_id"]]


def flow_rows(
    recovery: RecoveryAnalysis,
    result: ExchangeResult,
    offers: pd.DataFrame,
    names: Names,
    currency: str,
) -> list[dict[str, Any]]:
    """Return the flows of each facility that takes input: inputs, outputs and residue.

    ``kind`` is ``input`` (``per_t`` is the offer's disposal cost, ``amount`` the disposal
    cost it no longer pays), ``output`` (``per_t`` is the price, ``amount`` the value) or
    ``residue`` (``per_t`` is the residue disposal cost, ``amount`` its cost). Quantities
    are in t per year, ``amount`` in currency per year. Every row has the same keys, so
    ``offer_id``, ``from`` and ``resource`` are ``None`` except on inputs.
    """
    listed = offers.set_index("listing_id")
    rows: list[dict[str, Any]] = []
    for facility in recovery.facilities:
        intake = facility_intake(facility.facility_id, result)
        total = float(intake["quantity"].sum())
        if total <= 0:
            continue
        common = {"facility_id": facility.facility_id, "unit": "t/a", "currency": currency}
        for offer_id, quantity in zip(intake["offer_id"], intake["quantity"], strict=True):
            offer = listed.loc[offer_id]
            party = {
                "offer_id": offer_id,
                "from": names.party({**offer.to_dict(), "listing_id": offer_id}),
                "resource": names.resource(str(offer["resource_id"])),
            }
            cost = float(offer["disposal_cost"])
            rows.append(
                flow_row(common, "input", plain(offer["code"]), None, float(quantity), cost) | party
            )
        prices = recovery.prices[facility.facility_id]
        for code, share in facility.yields.items():
            rows.append(flow_row(common, "output", code, share, total * share, prices[code]))
        share = facility.residue_fraction
        cost = facility.residue_disposal_cost
        rows.append(flow_row(common, "residue", None, share, total * share, cost))
    return rows


def flow_row(
    common: dict[str, Any],
    kind: str,
    code: str | None,
    share: float | None,
    quantity: float,
    per_t: float,
) -> dict[str, Any]:
    """Return one row of :func:`flow_rows`, without a party (``offer_id``, from, resource)."""
    return {
        **common,
        "kind": kind,
        "offer_id": None,
        "from": None,
        "resource": None,
        "code": code,
        "share": None if share is None else float(share),
        "quantity": quantity,
        "per_t": float(per_t),
        "amount": quantity * float(per_t),
    }


def residue_total(recovery: RecoveryAnalysis | None, result: ExchangeResult | None) -> float:
    """Return the residue all facilities send back to disposal [t per year]."""
    if recovery is None or result is None or not len(result.recovery):
        return 0.0
    return sum(
        float(facility_intake(facility.facility_id, result)["quantity"].sum())
        * facility.residue_fraction
        for facility in recovery.facilities
    )


def recovery_features(
    recovery: RecoveryAnalysis, result: ExchangeResult, offers: pd.DataFrame
) -> list[dict[str, Any]]:
    """Return GeoJSON features: each facility as a point, each located input as a line."""
    where = offers.set_index("listing_id")[["longitude", "latitude"]]
    features = []
    for facility in recovery.facilities:
        intake = facility_intake(facility.facility_id, result)
        properties = {
            "kind": "recovery_facility",
            "facility_id": facility.facility_id,
            "site_id": recovery.sites[facility.facility_id],
            "input": float(intake["quantity"].sum()),
        }
        end = (facility.longitude, facility.latitude)
        features.append(point_feature(end[0], end[1], properties))
        for offer_id, quantity in zip(intake["offer_id"], intake["quantity"], strict=True):
            start = where.loc[offer_id].to_numpy(dtype=float)
            if pd.isna(start).any():
                continue
            route = {
                "kind": "recovery_route",
                "offer_id": offer_id,
                "facility_id": facility.facility_id,
                "quantity": float(quantity),
            }
            features.append(line_feature((start[0], start[1]), end, route))
    return features


def recovery_sections(
    recovery: RecoveryAnalysis | None,
    result: ExchangeResult,
    offers: pd.DataFrame,
    names: Names,
    currency: str,
) -> dict[str, Section]:
    """Return the facilities and their flows, or the reason no facility was considered."""
    if recovery is None:
        return {}
    if recovery.reason is not None:
        reason = unavailable(recovery.reason, **recovery.params)
        return {"exchange_recovery": reason, "exchange_recovery_flows": reason}
    return {
        "exchange_recovery": Section(rows=facility_rows(recovery, result, offers, names, currency)),
        "exchange_recovery_flows": Section(
            rows=flow_rows(recovery, result, offers, names, currency)
        ),
    }

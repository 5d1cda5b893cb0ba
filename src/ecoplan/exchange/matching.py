"""Candidate exchanges: compatible offer–request pairs within reach, with their economics.

Which offers a request takes depends on whether its resource has a code:

- A request with a code (FGD gypsum, EWC 10 01 05) takes offers of that code and of the codes
  and categories in its ``accepted`` list, nothing else. A compatibility rule of its use
  still describes such a pair (use, quality limits, processing cost, CO2 factor), but it
  does not add offers of other codes: a request for gypsum whose use is cement gets fly ash
  only when it accepts fly ash, although a rule links fly ash to cement.
- A request without a code (a generic input such as raw material for cement) takes every
  offer that a compatibility rule links to its use, plus the codes and categories it accepts.

Contract with the exchange network (``exchange/network.py``), stable::

    offers, requests = listings_from_zone(zone, year=None)
    table = load_compatibility(zone)
    cands = find_candidates(
        offers, requests, table,
        road_factor=1.3, max_distance_km=100.0,
        transport_rate=0.15, co2_per_tkm=0.0001,
    )

``offers`` (one row per by-product available; DataFrame):
    listing_id, org_id, node_id, site_id, resource_id, taxonomy, code, category,
    quantity [canonical unit per year: t, MWh or m³], dimension, unit_label,
    longitude, latitude [°, WGS84], price [currency per canonical unit; negative = the holder
    pays], disposal_cost [currency per canonical unit, what the holder pays today],
    quality (dict contaminant -> concentration [mg/kg, or % when the key ends in ``_pct``]),
    derived (bool: True when made from flows that leave the economy unused, see
    :func:`~ecoplan.exchange.listings.derived_offers`).
``requests`` (one row per input wanted): the same columns, plus
    accepted (list of codes or categories accepted as substitutes, may be empty),
    limits (dict contaminant -> highest concentration accepted, same units as quality),
    willingness_to_pay [currency per canonical unit], virgin_cost [currency per canonical unit,
    price of the virgin input the by-product replaces].
Missing money amounts are NaN, never zero. The economics count them as 0 in ``net_saving``
and name them in ``missing``.

``cands`` (one row per compatible pair within reach):
    offer_id, request_id (the listing ids), offer_pos, request_pos (row positions in
    ``offers`` and ``requests``), rule_id (compatibility row used), distance_km (great-circle ×
    road factor) [km], transport_cost, processing_cost, avoided_disposal, avoided_virgin,
    net_saving [currency per canonical unit moved; net = avoided_disposal + avoided_virgin −
    transport_cost − processing_cost, NaN parts counted as 0 and flagged in ``incomplete``],
    co2_avoided [t CO2e per canonical unit moved, NaN where no factor exists],
    max_quantity [canonical unit per year: min of offer and request quantity; NaN when either
    quantity is unknown], use (the use of the rule; None for direct matches), dimension,
    quality_known (bool: every limited contaminant was stated by the offer), missing (names
    of the unknown money amounts, ``;``-separated),
    incomplete (bool: some money amount was unknown).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from ecoplan.exchange.economics import CO2_PER_TKM, TRANSPORT_RATE, add_economics, rate_for
from ecoplan.exchange.errors import ExchangeError
from ecoplan.exchange.geo import EARTH_RADIUS_KM, chord_for_arc, unit_vectors
from ecoplan.exchange.quality import check_limits
from ecoplan.i18n import _
from ecoplan.model.vocab import VOCABULARIES

logger = logging.getLogger(__name__)

CANDIDATE_COLUMNS = [
    "offer_id",
    "request_id",
    "offer_pos",
    "request_pos",
    "rule_id",
    "use",
    "dimension",
    "distance_km",
    "transport_cost",
    "processing_cost",
    "avoided_disposal",
    "avoided_virgin",
    "net_saving",
    "co2_avoided",
    "max_quantity",
    "quality_known",
    "missing",
    "incomplete",
]
DIRECT_RULES = ("same_code", "accepted")
"""Rule ids of pairs matched without the table: the same code, or a substitute the request names."""


def find_candidates(
    offers: pd.DataFrame,
    requests: pd.DataFrame,
    table: pd.DataFrame,
    road_factor: float = 1.3,
    max_distance_km: float | Mapping[str, float] = 100.0,
    transport_rate: float | Mapping[str, float] = TRANSPORT_RATE,
    co2_per_tkm: float = CO2_PER_TKM,
    min_quantity: float = 0.0,
) -> pd.DataFrame:
    """Return every compatible offer–request pair within reach, with its economics.

    A pair is a candidate when the request takes the offer (both have the same code, or the
    request accepts the offer's code or category, or the request has no code and a rule of
    ``table`` links the offer's code or category to the request's use; see the module
    docstring), both have the same dimension and year, they belong to different nodes, the
    offer meets the quality limits of the rule and of the request, the smaller of the two
    quantities exceeds ``min_quantity``, and the road distance
    (great-circle distance × ``road_factor``) is at most ``max_distance_km``. Pairs are found
    per compatibility key with a k-d tree on 3-D unit vectors, so the work grows with the
    number of pairs found, not with offers × requests.

    Parameters
    ----------
    offers, requests
        Listings as returned by :func:`~ecoplan.exchange.listings.listings_from_zone`.
    table
        Compatibility rules as returned by
        :func:`~ecoplan.exchange.compatibility.load_compatibility`.
    road_factor
        Ratio of road distance to great-circle distance [1], at least 1.
    max_distance_km
        Longest road distance of an exchange [km], one number or a number per dimension.
    transport_rate
        Transport cost [currency per canonical unit per km], one number or per dimension.
    co2_per_tkm
        Emission of road freight [t CO2e per t·km].
    min_quantity
        Smallest exchange worth listing [canonical unit per year].

    Raises
    ------
    ExchangeError
        When a setting is out of range.
    """
    _check_settings(road_factor, max_distance_km)
    offers_ok = _locatable(offers, "offers")
    requests_ok = _locatable(requests, "requests")
    offer_keys = _offer_keys(offers, offers_ok, table)
    request_keys = _request_keys(requests, requests_ok)

    pairs = _spatial_pairs(offers, requests, offer_keys, request_keys, road_factor, max_distance_km)
    pairs = _filter(pairs, offers, requests, table, min_quantity, max_distance_km)
    pairs = add_economics(pairs, transport_rate, co2_per_tkm)
    logger.info(
        "%d candidate pairs from %d offers and %d requests", len(pairs), len(offers), len(requests)
    )
    return pairs[CANDIDATE_COLUMNS].reset_index(drop=True)


def _check_settings(road_factor: float, max_distance_km: float | Mapping[str, float]) -> None:
    if not road_factor >= 1.0:
        raise ExchangeError(
            _(
                "Road factor {value} is below 1; road distance cannot be shorter than the "
                "great-circle distance."
            ).format(value=road_factor)
        )
    limits = max_distance_km.values() if isinstance(max_distance_km, Mapping) else [max_distance_km]
    if any(not float(limit) >= 0.0 for limit in limits):
        raise ExchangeError(
            _("Maximum distance {value} km is invalid; give a distance of 0 km or more.").format(
                value=max_distance_km
            )
        )


def _locatable(listings: pd.DataFrame, name: str) -> np.ndarray:
    """Return a mask of listings with coordinates and a quantity not zero; log the others.

    An unknown quantity (NaN) is kept: the pair is proposed with ``max_quantity`` NaN.
    """
    ok = (
        listings["longitude"].notna().to_numpy()
        & listings["latitude"].notna().to_numpy()
        & ~(listings["quantity"].to_numpy(dtype=float) <= 0)
    )
    if (~ok).any():
        logger.warning(
            "%d of %d %s have no coordinates or a quantity of zero or less and are not matched",
            int((~ok).sum()),
            len(ok),
            name,
        )
    return ok


def _offer_keys(offers: pd.DataFrame, ok: np.ndarray, table: pd.DataFrame) -> pd.DataFrame:
    """Return (offer_pos, key, rule_pos) rows: one per use an offer can serve, plus direct keys."""
    frame = pd.DataFrame(
        {
            "offer_pos": np.arange(len(offers)),
            "taxonomy": offers["taxonomy"].to_numpy(),
            "code": offers["code"].to_numpy(),
            "category": offers["category"].to_numpy(),
        }
    )[ok]
    rules = table.reset_index(drop=True).assign(rule_pos=np.arange(len(table)))

    by_code = rules[rules["offer_code"].notna()]
    coded = frame.merge(by_code, left_on="code", right_on="offer_code")
    coded = coded[coded["offer_taxonomy"].isna() | (coded["offer_taxonomy"] == coded["taxonomy"])]
    by_category = rules[rules["offer_code"].isna()]
    categorised = frame.merge(by_category, left_on="category", right_on="offer_category")

    keys = [
        pd.DataFrame(
            {
                "offer_pos": part["offer_pos"],
                "key": "use:" + part["use"],
                "rule_pos": part["rule_pos"],
            }
        )
        for part in (coded, categorised)
    ]
    for prefix, column, rule in (("code:", "code", -1), ("cat:", "category", -2)):
        present = frame[frame[column].notna()]
        keys.append(
            pd.DataFrame(
                {
                    "offer_pos": present["offer_pos"],
                    "key": prefix + present[column].astype(str),
                    "rule_pos": rule,
                }
            )
        )
    return pd.concat(keys, ignore_index=True)


def _request_keys(requests: pd.DataFrame, ok: np.ndarray) -> pd.DataFrame:
    """Return (request_pos, key) rows: the request's use, its own code and its substitutes."""
    positions = np.flatnonzero(ok)
    chosen = requests.iloc[positions]
    parts = []
    for prefix, column in (("use:", "use"), ("code:", "code")):
        values = chosen[column].to_numpy(dtype=object)
        present = np.array([isinstance(value, str) for value in values], dtype=bool)
        parts.append(
            pd.DataFrame(
                {"request_pos": positions[present], "key": prefix + values[present].astype(str)}
            )
        )

    accepted = pd.DataFrame(
        {"request_pos": positions, "item": chosen["accepted"].to_numpy(dtype=object)}
    )
    accepted = accepted[accepted["item"].map(lambda items: isinstance(items, list) and bool(items))]
    if len(accepted):
        accepted = accepted.explode("item")
        categories = set(VOCABULARIES["resource_category"])
        is_category = accepted["item"].isin(categories)
        prefixes = np.where(is_category, "cat:", "code:")
        parts.append(
            pd.DataFrame(
                {
                    "request_pos": accepted["request_pos"].to_numpy(dtype=int),
                    "key": prefixes + accepted["item"].astype(str).to_numpy(),
                }
            )
        )
    return pd.concat(parts, ignore_index=True).drop_duplicates()


def _spatial_pairs(
    offers: pd.DataFrame,
    requests: pd.DataFrame,
    offer_keys: pd.DataFrame,
    request_keys: pd.DataFrame,
    road_factor: float,
    max_distance_km: float | Mapping[str, float],
) -> pd.DataFrame:
    """Return (offer_pos, request_pos, rule_pos, distance_km) for pairs sharing a key in reach."""
    reach = (
        max(max_distance_km.values()) if isinstance(max_distance_km, Mapping) else max_distance_km
    )
    radius = chord_for_arc(float(reach) / road_factor) * (1 + 1e-9)
    offer_xyz = unit_vectors(offers["longitude"], offers["latitude"])
    request_xyz = unit_vectors(requests["longitude"], requests["latitude"])

    found = []
    request_groups = request_keys.groupby("key")["request_pos"]
    for (key, rule), group in offer_keys.groupby(["key", "rule_pos"])["offer_pos"]:
        if key not in request_groups.groups:
            continue
        o_pos = group.to_numpy()
        r_pos = request_groups.get_group(key).to_numpy()
        hits = cKDTree(offer_xyz[o_pos]).sparse_distance_matrix(
            cKDTree(request_xyz[r_pos]), radius, output_type="ndarray"
        )
        chord = np.minimum(hits["v"], 2.0)
        found.append(
            pd.DataFrame(
                {
                    "offer_pos": o_pos[hits["i"]],
                    "request_pos": r_pos[hits["j"]],
                    "rule_pos": rule,
                    "distance_km": 2.0 * EARTH_RADIUS_KM * np.arcsin(chord / 2.0) * road_factor,
                }
            )
        )
    if not found:
        names = ["offer_pos", "request_pos", "rule_pos", "distance_km"]
        return pd.DataFrame({name: np.array([], dtype=float) for name in names})
    return pd.concat(found, ignore_index=True)


def _filter(
    pairs: pd.DataFrame,
    offers: pd.DataFrame,
    requests: pd.DataFrame,
    table: pd.DataFrame,
    min_quantity: float,
    max_distance_km: float | Mapping[str, float],
) -> pd.DataFrame:
    """Keep pairs of one dimension and year, different nodes, in reach, enough and clean."""
    o = pairs["offer_pos"].to_numpy(dtype=int)
    r = pairs["request_pos"].to_numpy(dtype=int)
    pairs["offer_pos"], pairs["request_pos"] = o, r
    pairs["dimension"] = offers["dimension"].to_numpy()[o]
    same_dimension = pairs["dimension"].to_numpy() == requests["dimension"].to_numpy()[r]
    o_year = offers["year"].to_numpy(dtype=float)[o]
    r_year = requests["year"].to_numpy(dtype=float)[r]
    same_year = np.isnan(o_year) | np.isnan(r_year) | (o_year == r_year)
    o_node = offers["node_id"].to_numpy(dtype=object)[o]
    r_node = requests["node_id"].to_numpy(dtype=object)[r]
    other_node = pd.isna(o_node) | (o_node != r_node)
    pairs["max_quantity"] = np.minimum(
        offers["quantity"].to_numpy(dtype=float)[o], requests["quantity"].to_numpy(dtype=float)[r]
    )
    reach = _per_dimension(pairs["dimension"], max_distance_km)
    keep = (
        same_dimension
        & same_year
        & other_node
        & ~(pairs["max_quantity"].to_numpy() <= min_quantity)
        & (pairs["distance_km"].to_numpy() <= reach.to_numpy(dtype=float) * (1 + 1e-12))
    )
    pairs = pairs[keep].reset_index(drop=True)
    pairs = _named_by_coded_request(pairs, offers, requests)
    pairs = _rule_columns(pairs, table)
    pairs = _quality(pairs, offers, requests, table)
    return _best_rule(pairs, offers, requests)


def _named_by_coded_request(
    pairs: pd.DataFrame, offers: pd.DataFrame, requests: pd.DataFrame
) -> pd.DataFrame:
    """Drop rule pairs whose request has a code but names neither the offer's code nor category.

    A request with a code names the material it takes, so a rule of its use may describe the pair
    (use, limits, CO2 factor) but cannot widen what the request takes. Direct keys only ever
    pair named codes and categories, so only rule pairs are checked.
    """
    request_codes = requests["code"].to_numpy(dtype=object)
    positions = pairs["request_pos"].to_numpy(dtype=int)
    coded = np.array([isinstance(code, str) for code in request_codes], dtype=bool)
    checked = np.flatnonzero(coded[positions] & (pairs["rule_pos"].to_numpy(dtype=int) >= 0))
    if not len(checked):
        return pairs

    offer_positions = pairs["offer_pos"].to_numpy(dtype=int)
    offer_codes = offers["code"].to_numpy(dtype=object)
    offer_categories = offers["category"].to_numpy(dtype=object)
    accepted = requests["accepted"].to_numpy(dtype=object)
    keep = np.ones(len(pairs), dtype=bool)
    for index in checked:
        o, r = offer_positions[index], positions[index]
        named = {request_codes[r], *(accepted[r] if isinstance(accepted[r], list) else [])}
        keep[index] = offer_codes[o] in named or offer_categories[o] in named
    if (~keep).any():
        logger.info(
            "%d pairs dropped: the request names another code than the offer's",
            int((~keep).sum()),
        )
    return pairs[keep].reset_index(drop=True)


def _per_dimension(dimension: pd.Series, setting: float | Mapping[str, float]) -> pd.Series:
    """Return the setting of each row's dimension (NaN for a dimension the mapping lacks)."""
    names = dimension.unique()
    values = {name: rate_for(setting, str(name)) for name in names}
    return dimension.map(values).astype(float)


def _rule_columns(pairs: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    rule = pairs["rule_pos"].to_numpy(dtype=int)
    direct = rule < 0
    safe = np.where(direct, 0, rule)
    if not len(table):
        table = pd.DataFrame(
            {
                "rule_id": [None],
                "use": [None],
                "processing_cost": [np.nan],
                "co2_factor": [np.nan],
                "cost_currency": [None],
            }
        )
    direct_ids = np.where(rule == -1, DIRECT_RULES[0], DIRECT_RULES[1])
    pairs["rule_id"] = np.where(direct, direct_ids, table["rule_id"].to_numpy(dtype=object)[safe])
    uses = table["use"].to_numpy(dtype=object)[safe]
    uses[direct] = None
    pairs["use"] = uses
    for column in ("processing_cost", "co2_factor"):
        values = table[column].to_numpy(dtype=float)[safe]
        pairs[column] = np.where(direct, np.nan, values)
    if "cost_currency" in table:
        # The currency of a cost left out because it differs from the zone's, for ``missing``.
        currencies = table["cost_currency"].to_numpy(dtype=object)[safe]
        currencies[direct] = None
        pairs["cost_currency"] = currencies
    return pairs


def _quality(
    pairs: pd.DataFrame, offers: pd.DataFrame, requests: pd.DataFrame, table: pd.DataFrame
) -> pd.DataFrame:
    """Drop pairs whose offer breaks a limit of the rule or the request; flag unknown ones."""
    rule_limits = table["limits"].to_numpy(dtype=object)
    request_limits = requests["limits"].to_numpy(dtype=object)
    quality = offers["quality"].to_numpy(dtype=object)
    within = np.ones(len(pairs), dtype=bool)
    known = np.ones(len(pairs), dtype=bool)
    rows = zip(pairs["offer_pos"], pairs["request_pos"], pairs["rule_pos"], strict=True)
    has_quality = np.array([bool(_as_dict(value)) for value in quality], dtype=bool)
    has_limits = np.array([bool(_as_dict(value)) for value in request_limits], dtype=bool)
    rule_has = np.array([bool(value) for value in rule_limits], dtype=bool)
    pair_rule = pairs["rule_pos"].to_numpy(dtype=int)
    limited = np.where(pair_rule >= 0, rule_has[np.maximum(pair_rule, 0)], False)
    limited |= has_limits[pairs["request_pos"].to_numpy(dtype=int)]
    # Without stated quality an offer passes every limit, but the check is incomplete.
    unstated = limited & ~has_quality[pairs["offer_pos"].to_numpy(dtype=int)]
    known[unstated] = False
    for index, (o, r, rule) in enumerate(rows):
        if not limited[index] or unstated[index]:
            continue
        # Both sets of limits apply: a request cannot relax the limit of the rule's standard.
        offered = _as_dict(quality[o])
        rule_ok, rule_known = check_limits(offered, rule_limits[rule] if rule >= 0 else {})
        request_ok, request_known = check_limits(offered, _as_dict(request_limits[r]))
        within[index] = rule_ok and request_ok
        known[index] = rule_known and request_known
    if (~within).any():
        logger.info("%d pairs excluded by quality limits", int((~within).sum()))
    pairs["quality_known"] = known
    return pairs[within].reset_index(drop=True)


def _as_dict(value: object) -> dict[str, Any]:
    """Return ``value`` if it is a dict, else an empty dict (an absent quality or limit)."""
    return value if isinstance(value, dict) else {}


def _best_rule(pairs: pd.DataFrame, offers: pd.DataFrame, requests: pd.DataFrame) -> pd.DataFrame:
    """Keep one row per offer–request pair: a rule of the request's use before a direct match.

    Table rules reach a request only through its use, so any table row is the rule of that
    use; it carries the use and the CO2 factor, which a direct match lacks. Among several,
    the cheapest known processing wins, then table order.
    """
    pairs = pairs.assign(
        _direct=pairs["rule_pos"].to_numpy(dtype=int) < 0,
        _cost=pairs["processing_cost"].fillna(np.inf),
    )
    order = ["offer_pos", "request_pos", "_direct", "_cost", "rule_pos"]
    pairs = pairs.sort_values(order, kind="stable")
    pairs = pairs.drop_duplicates(["offer_pos", "request_pos"]).drop(columns=["_direct", "_cost"])
    o = pairs["offer_pos"].to_numpy(dtype=int)
    r = pairs["request_pos"].to_numpy(dtype=int)
    pairs["offer_id"] = offers["listing_id"].to_numpy(dtype=object)[o]
    pairs["request_id"] = requests["listing_id"].to_numpy(dtype=object)[r]
    pairs["disposal_cost"] = offers["disposal_cost"].to_numpy(dtype=float)[o]
    pairs["virgin_cost"] = requests["virgin_cost"].to_numpy(dtype=float)[r]
    return pairs.reset_index(drop=True)

"""The compatibility table: which by-product can serve which use, with quality limits.

The shipped table (``ecoplan/data/compatibility.csv``, documented in ``docs/exchange.md``)
is keyed by taxonomy code (EWC six-digit codes) or, for streams without a code such as heat
and water, by resource category. Every row names its source, and every processing cost and
CO2 factor names its own (``cost_source``, ``co2_source``). A zone adds or overrides rows
in its ``compatibility`` table; a zone row replaces the shipped row with the same
``rule_id``.

Shipped processing costs are published prices in the currency of their country (a UK gate
fee is in GBP). ecoplan has no exchange rates, so a cost counts only where the results are
in that currency. Elsewhere it is left out, and its currency stays in ``cost_currency``.
"""

from __future__ import annotations

import logging
import math
import re
from functools import cache
from pathlib import Path

import pandas as pd

from ecoplan.exchange.economics import any_price_factor, price_currency
from ecoplan.exchange.errors import ExchangeError
from ecoplan.exchange.quality import parse_limits
from ecoplan.i18n import _
from ecoplan.model.vocab import VOCABULARIES
from ecoplan.model.zone import Zone

logger = logging.getLogger(__name__)

TABLE_PATH = Path(__file__).parent.parent / "data" / "compatibility.csv"
COLUMNS = [
    "rule_id",
    "offer_taxonomy",
    "offer_code",
    "offer_category",
    "use",
    "limits",
    "processing_cost",
    "cost_currency",
    "co2_factor",
    "source",
    "origin",
]
EWC_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)\d{2}\d{2}$")
"""Six digits: chapter 01–20, subchapter, entry (the List of Waste, Decision 2000/532/EC)."""


@cache
def _shipped() -> pd.DataFrame:
    table = pd.read_csv(TABLE_PATH, dtype=str, keep_default_na=False)
    for column in ("processing_cost", "co2_factor"):
        table[column] = pd.to_numeric(table[column].replace("", math.nan))
    table["cost_currency"] = [
        price_currency(unit) if pd.notna(cost) else None
        for cost, unit in zip(table["processing_cost"], table["cost_unit"], strict=True)
    ]
    table["origin"] = "shipped"
    return table


def shipped_table() -> pd.DataFrame:
    """Return the shipped compatibility table as stored, with descriptions and sources.

    ``processing_cost`` is in ``cost_unit`` as published, and ``cost_currency`` is the
    currency of that unit (None where no cost is stated).
    """
    return _shipped().copy()


def load_compatibility(zone: Zone | None = None, currency: str | None = None) -> pd.DataFrame:
    """Return the compatibility rules in force for ``zone``: shipped rows plus the zone's own.

    Columns: rule_id, offer_taxonomy, offer_code, offer_category, use, limits (parsed, see
    :func:`~ecoplan.exchange.quality.parse_limits`), processing_cost [``currency`` per
    canonical unit, NaN if unknown], cost_currency (currency the cost is stated in, None
    where no cost is stated), co2_factor [t CO2e per canonical unit, NaN if unknown],
    source, origin (``shipped`` or ``zone``).

    ``currency`` is the currency of the results, by default the zone's. A shipped cost in
    another currency, or any shipped cost when no currency is known, is NaN in
    ``processing_cost`` and keeps its currency in ``cost_currency``, so the economics name
    it as foreign instead of mixing currencies.

    Raises
    ------
    ExchangeError
        When a rule has an invalid code, an unknown use, or limits that cannot be read, or
        when a zone rule states its processing cost in a unit that is not ``currency`` per t,
        MWh or m³.
    """
    if currency is None and zone is not None:
        currency = zone.currency
    rules = _shipped()[COLUMNS[:-1] + ["origin"]].copy()
    rules["processing_cost"] = _shipped_costs(currency)
    own = _zone_rules(zone, str(currency)) if zone is not None else None
    if own is not None and len(own):
        rules = rules[~rules["rule_id"].isin(own["rule_id"])]
        rules = pd.concat([rules, own], ignore_index=True)
        logger.info("Zone adds or overrides %d compatibility rules", len(own))
    for column in ("offer_taxonomy", "offer_code", "offer_category"):
        rules[column] = rules[column].replace("", None)
    _check(rules)
    limits = [parse_limits(text) for text in rules["limits"]]
    rules["limits"] = pd.Series(limits, index=rules.index, dtype=object)
    return rules.reset_index(drop=True)


def _shipped_costs(currency: str | None) -> pd.Series:
    """Return the shipped processing costs in ``currency`` per canonical unit, NaN if foreign."""
    table = _shipped()
    same = table["cost_currency"].notna() & (table["cost_currency"] == currency)
    factors = [
        any_price_factor(unit, str(currency)) if chosen else math.nan
        for unit, chosen in zip(table["cost_unit"], same, strict=True)
    ]
    costs = table["processing_cost"].astype(float) * factors
    foreign = table.loc[table["cost_currency"].notna() & ~same, "rule_id"]
    if len(foreign):
        logger.info(
            "Processing costs of %d shipped rules are not in %s and are left out: %s",
            len(foreign),
            currency,
            ", ".join(foreign),
        )
    return costs


def _zone_rules(zone: Zone, currency: str) -> pd.DataFrame | None:
    table = zone.tables.get("compatibility")
    if table is None or not len(table):
        return None
    own = table.copy()
    factors = []
    for rule, cost, unit in zip(
        own["rule_id"], own["processing_cost"], own["cost_unit"], strict=True
    ):
        factors.append(1.0 if pd.isna(cost) else _zone_cost_factor(rule, unit, currency))
    own["processing_cost"] = own["processing_cost"].astype(float) * factors
    own["cost_currency"] = [currency if pd.notna(cost) else None for cost in own["processing_cost"]]
    own["origin"] = "zone"
    return own[COLUMNS]


def _zone_cost_factor(rule: str, unit: object, currency: str) -> float:
    """Return the factor of a zone rule's cost unit to ``currency`` per canonical unit."""
    try:
        return any_price_factor(unit, currency)
    except ExchangeError as error:
        raise ExchangeError(
            _("Compatibility rule {rule}: {reason}").format(rule=rule, reason=error)
        ) from error


def _check(rules: pd.DataFrame) -> None:
    uses = VOCABULARIES["exchange_use"]
    for row in rules.itertuples(index=False):
        if row.use not in uses:
            raise ExchangeError(
                _(
                    "Compatibility rule {rule}: use {use!r} is unknown; choose one of {uses}."
                ).format(rule=row.rule_id, use=row.use, uses=", ".join(uses))
            )
        if row.offer_code is None and row.offer_category is None:
            raise ExchangeError(
                _("Compatibility rule {rule} names neither an offer code nor a category.").format(
                    rule=row.rule_id
                )
            )
        if row.offer_taxonomy == "EWC" and not EWC_CODE.match(str(row.offer_code)):
            raise ExchangeError(
                _("Compatibility rule {rule}: {code!r} is not a six-digit EWC code.").format(
                    rule=row.rule_id, code=row.offer_code
                )
            )

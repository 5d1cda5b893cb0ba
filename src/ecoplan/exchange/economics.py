"""Money amounts of the exchange: prices per canonical unit, and each candidate's economics.

Per unit moved [currency per t, MWh or m³]::

    transport_cost   = distance_km × transport_rate
    avoided_disposal = the offer's disposal cost today
    avoided_virgin   = the request's virgin input cost
    net_saving       = avoided_disposal + avoided_virgin − transport_cost − processing_cost

An unknown amount (NaN) counts as 0 in ``net_saving`` and is named in ``missing``, so a
planner can tell which saving rests on what. A processing cost that a rule states in another
currency than the zone's is unknown in the zone currency, because ecoplan has no exchange
rates. ``missing`` names it as ``processing_cost(GBP)`` rather than mixing the two currencies.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ecoplan import units
from ecoplan.errors import UnitError
from ecoplan.exchange.errors import ExchangeError
from ecoplan.i18n import _

TRANSPORT_RATE = {"mass": 0.15, "volume": 0.15, "energy": 0.0}
"""Default transport rate [currency per canonical unit per km].

NOTE: 0.15 per t·km is an assumed round figure for road haulage, not a sourced price; set the
rate of the zone's currency and market. Heat moves by pipe, whose cost is a fixed investment,
so energy has no per-km rate here.
"""

CO2_PER_TKM = 0.09696e-3
"""Road freight emission [t CO2e per t·km]: DESNZ (2023) UK GHG conversion factors, HGV (all
diesel), all HGVs, average laden, 0.09696 kg CO2e per tonne.km."""


def price_factor(price_unit: object, currency: str, dimension: str) -> float:
    """Return the factor from ``price_unit`` (``元/t``, ``EUR/MWh``) to currency per unit.

    The target is ``currency`` per canonical unit of ``dimension``. A blank price unit
    means the zone currency per canonical unit.

    Raises
    ------
    ExchangeError
        When the unit is not money per an amount of ``dimension``.
    """
    if price_unit is None or (isinstance(price_unit, float) and math.isnan(price_unit)):
        return 1.0
    text = str(price_unit).strip()
    if not text:
        return 1.0
    ureg = units.registry()
    target = f"{currency} / ({units.CANONICAL[dimension]})"
    try:
        return float(ureg.Quantity(1.0, units.parse_unit(text)).to(target).magnitude)
    except (UnitError, Exception) as error:  # pint raises several unrelated error types
        raise ExchangeError(
            _(
                "Price unit {unit!r} is not {currency} per {canonical}; write e.g. {example}."
            ).format(
                unit=text,
                currency=currency,
                canonical=units.CANONICAL_LABEL.get(dimension, dimension),
                example=example_price_unit(currency, dimension),
            )
        ) from error


def example_price_unit(currency: str, dimension: str) -> str:
    """Return a price unit to suggest, such as ``CNY/t``; in Chinese a CNY price is ``元/t``."""
    label = units.CANONICAL_LABEL.get(dimension, "t")
    if currency == "CNY":
        return _("CNY/{unit}").format(unit=label)
    return f"{currency}/{label}"


def any_price_factor(price_unit: object, currency: str) -> float:
    """Return :func:`price_factor` for the first dimension (mass, energy, volume) that fits.

    Raises
    ------
    ExchangeError
        When the unit is money per none of them.
    """
    for dimension in ("mass", "energy", "volume"):
        try:
            return price_factor(price_unit, currency, dimension)
        except ExchangeError:
            continue
    return price_factor(price_unit, currency, "mass")


def price_currency(price_unit: str) -> str:
    """Return the currency code (``CNY``, ``GBP``, ...) of a price unit such as ``GBP/t``.

    Raises
    ------
    ExchangeError
        When the unit is unknown or names no single currency.
    """
    try:
        dimensionality = units.parse_unit(price_unit).dimensionality
    except UnitError as error:
        raise ExchangeError(
            _("Price unit {unit!r} is unknown; write e.g. GBP/t or 元/t.").format(unit=price_unit)
        ) from error
    currencies = [key for key in dimensionality if key.startswith("[currency_")]
    if len(currencies) != 1 or dimensionality[currencies[0]] != 1:
        raise ExchangeError(
            _("Price unit {unit!r} is not money per amount; write e.g. GBP/t or 元/t.").format(
                unit=price_unit
            )
        )
    return currencies[0].removeprefix("[currency_").removesuffix("]")


def rate_for(setting: float | Mapping[str, float], dimension: str) -> float:
    """Return the per-dimension value of a setting given as one number or by dimension."""
    if isinstance(setting, Mapping):
        return float(setting.get(dimension, math.nan))
    return float(setting)


def add_economics(
    pairs: pd.DataFrame,
    transport_rate: float | Mapping[str, float],
    co2_per_tkm: float,
) -> pd.DataFrame:
    """Add the money and CO2 columns to candidate pairs.

    ``pairs`` needs ``distance_km``, ``dimension``, ``processing_cost``, ``disposal_cost``,
    ``virgin_cost`` and ``co2_factor`` [t CO2e per unit used]. An optional ``cost_currency``
    column (see :func:`~ecoplan.exchange.compatibility.load_compatibility`) names the
    currency of a processing cost left out because it is not the zone's. ``missing`` then
    names the cost as ``processing_cost(GBP)``.
    """
    rates = {name: rate_for(transport_rate, str(name)) for name in pairs["dimension"].unique()}
    pairs["transport_cost"] = pairs["distance_km"] * pairs["dimension"].map(rates).astype(float)
    pairs["avoided_disposal"] = pairs["disposal_cost"]
    pairs["avoided_virgin"] = pairs["virgin_cost"]

    parts = ["avoided_disposal", "avoided_virgin", "transport_cost", "processing_cost"]
    signs = np.array([1.0, 1.0, -1.0, -1.0])
    values = pairs[parts].to_numpy(dtype=float)
    pairs["net_saving"] = np.nansum(values * signs, axis=1)
    missing = np.isnan(values)
    codes = missing @ (1 << np.arange(len(parts)))
    labels = {
        code: ";".join(name for bit, name in enumerate(parts) if code >> bit & 1)
        for code in np.unique(codes)
    }
    named = pd.Series(codes, index=pairs.index).map(labels)
    pairs["missing"] = _name_foreign_costs(named, pairs)
    pairs["incomplete"] = missing.any(axis=1)

    haul = np.where(pairs["dimension"] == "mass", pairs["distance_km"] * co2_per_tkm, 0.0)
    pairs["co2_avoided"] = pairs["co2_factor"].astype(float) - haul
    return pairs


def _name_foreign_costs(missing: pd.Series, pairs: pd.DataFrame) -> pd.Series:
    """Return ``missing`` with ``processing_cost`` named with its currency where it is foreign."""
    if "cost_currency" not in pairs:
        return missing
    foreign = pairs["cost_currency"].notna() & pairs["processing_cost"].isna()
    if not foreign.any():
        return missing
    named = missing.copy()
    for currency in pairs.loc[foreign, "cost_currency"].unique():
        rows = foreign & (pairs["cost_currency"] == currency)
        named[rows] = named[rows].str.replace(
            "processing_cost", f"processing_cost({currency})", regex=False
        )
    return named

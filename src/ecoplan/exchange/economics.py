"""Money amounts of the exchange: prices per canonical unit, and each candidate's economics.

Per unit moved [currency per t, MWh or m³]::

    transport_cost   = distance_km × transport_rate
    avoided_disposal = the offer's disposal cost today
    avoided_virgin   = the request's virgin input cost
    net_saving       = avoided_disposal + avoided_virgin − transport_cost − processing_cost

An unknown amount (NaN) counts as 0 in ``net_saving`` and is named in ``missing``, so a
planner sees which saving rests on what.
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
                example=f"{currency}/{units.CANONICAL_LABEL.get(dimension, 't')}",
            )
        ) from error


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
    ``virgin_cost`` and ``co2_factor`` [t CO2e per unit used].
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
    pairs["missing"] = pd.Series(codes, index=pairs.index).map(labels)
    pairs["incomplete"] = missing.any(axis=1)

    haul = np.where(pairs["dimension"] == "mass", pairs["distance_km"] * co2_per_tkm, 0.0)
    pairs["co2_avoided"] = pairs["co2_factor"].astype(float) - haul
    return pairs

"""Units: one canonical unit per dimension, pint at the edges.

Amounts enter and leave in the units people write (万吨, 吨标准煤, 万千瓦时, m³/h, ...) and are
held inside ecoplan in one canonical unit per dimension, per year for flows:

=========  ===============  =====================================
dimension  canonical unit   examples accepted
=========  ===============  =====================================
mass       t                kg, kt, Mt, 万吨, lb, short_ton
energy     MWh              kWh, 万千瓦时, GJ, tce (吨标准煤), toe, MW
volume     m³               L, 万立方米, 亿立方米, Mgal
area       ha               m², km², 亩, 公顷
count      1                households, vehicles
money      the zone's       元, 万元, 亿元, EUR, USD
=========  ===============  =====================================

A rate in a unit per year (t/a, 万吨/年) is an annual amount. A rate per any other time
(t/d, m³/h, MW) becomes annual only with the operating hours of that year, which the row
must state: ecoplan never guesses 8,760 hours.

Sources: tce = 29.3076 GJ (GB/T 2589-2020, 7,000 kcal/kg of standard coal); toe = 41.868 GJ
(IEA, and pint's own definition); 1 亩 = 10,000/15 m².
"""

from __future__ import annotations

import re
import tokenize
from functools import cache
from typing import Any

import numpy as np
import pint

from ecoplan.errors import UnitError
from ecoplan.i18n import N_, _

DIMENSIONS = ("mass", "energy", "volume", "area", "count", "money")
CANONICAL = {
    "mass": "t",
    "energy": "MWh",
    "volume": "m**3",
    "area": "ha",
    "count": "dimensionless",
}
CANONICAL_LABEL = {"mass": "t", "energy": "MWh", "volume": "m³", "area": "ha", "count": "1"}
CURRENCIES = ("CNY", "EUR", "USD", "DKK", "GBP")

_DEFINITIONS = """
wan_tonne = 1e4 * metric_ton = 万吨 = 万t
kilotonne = 1e3 * metric_ton = 千吨
yi_tonne = 1e8 * metric_ton = 亿吨
tonne_of_coal_equivalent = 29.3076 * gigajoule = tce = 吨标准煤 = tonne_coal_equivalent = 吨标煤
wan_tce = 1e4 * tce = 万吨标准煤 = 万tce = 万吨标煤
kilogram_of_coal_equivalent = 1e-3 * tce = kgce = 千克标准煤
wan_kilowatt_hour = 1e4 * kilowatt_hour = 万千瓦时 = 万kWh
yi_kilowatt_hour = 1e8 * kilowatt_hour = 亿千瓦时 = 亿kWh
wan_cubic_meter = 1e4 * meter ** 3 = 万立方米 = 万方
yi_cubic_meter = 1e8 * meter ** 3 = 亿立方米
cubic_meter_cn = meter ** 3 = 立方米 = 方
tonne_cn = metric_ton = 吨
kilogram_cn = kilogram = 公斤 = 千克
mu = 10000 / 15 * meter ** 2 = 亩
hectare_cn = hectare = 公顷
square_kilometre_cn = kilometer ** 2 = 平方公里 = 平方千米
square_metre_cn = meter ** 2 = 平方米
gigajoule_cn = gigajoule = 吉焦
megawatt_cn = megawatt = 兆瓦
kilowatt_cn = kilowatt = 千瓦
kilowatt_hour_cn = kilowatt_hour = 千瓦时 = 度
megalitre = 1e3 * meter ** 3 = ML
year_cn = year = 年
day_cn = day = 天 = 日
hour_cn = hour = 小时 = 时
household = [count_household]
CNY = [currency_CNY] = yuan = RMB = 元
wan_yuan = 1e4 * CNY = 万元
yi_yuan = 1e8 * CNY = 亿元
EUR = [currency_EUR] = euro = 欧元
USD = [currency_USD] = dollar_us = 美元
DKK = [currency_DKK]
GBP = [currency_GBP]
"""

_ALIASES = {
    "kt": "kilotonne",
    "Mt": "megametric_ton",
    "t/a": "t/year",
    "t/yr": "t/year",
    "a": "year",
    "yr": "year",
}


@cache
def registry() -> pint.UnitRegistry:
    """Return ecoplan's unit registry: pint's defaults plus Chinese statistical units."""
    ureg: pint.UnitRegistry = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for line in _DEFINITIONS.strip().splitlines():
        ureg.define(line)
    return ureg


_SQUARE_OR_CUBE = re.compile(r"(?<![A-Za-z])(k?m)([23])(?![0-9])")
"""``m3``, ``m2`` and ``km2`` written without the power sign."""


def _clean(text: str) -> str:
    text = str(text).strip().replace("³", "3").replace("²", "2").replace("／", "/")
    if text.lower().startswith("nm3"):
        text = "m3" + text[3:]  # normal cubic metres: volume at standard conditions
    text = _SQUARE_OR_CUBE.sub(r"\1**\2", text)
    text = text.replace("万m**3", "万立方米").replace("亿m**3", "亿立方米")
    for per_year in ("/a", "/yr", "/年", "/y"):
        if text.endswith(per_year):
            text = text[: -len(per_year)] + "/year"
    return _ALIASES.get(text, text)


@cache
def parse_unit(text: str) -> pint.Unit:
    """Parse a unit as written in a workbook (``万吨``, ``t/d``, ``m³/h``, ``tce``).

    Raises
    ------
    UnitError
        When the text is not a unit ecoplan knows.
    """
    try:
        return registry().parse_units(_clean(text))
    except (
        pint.errors.UndefinedUnitError,
        pint.errors.DefinitionSyntaxError,
        ValueError,
        AttributeError,
        TypeError,
        AssertionError,
        tokenize.TokenError,
        ZeroDivisionError,
    ) as error:
        # Unbalanced brackets such as "t)" raise TokenError, and "0/0" ZeroDivisionError.
        raise UnitError(_("Unknown unit {unit!r}.").format(unit=text)) from error


def _dimensionality(dimension: str) -> Any:
    ureg = registry()
    if dimension == "money":
        return None
    return ureg.parse_units(CANONICAL[dimension]).dimensionality


def dimension_of(unit: str) -> str | None:
    """Return the dimension (``mass``, ``energy``, ...) of an amount or annual rate unit."""
    parsed = parse_unit(unit)
    ureg = registry()
    year = ureg.parse_units("year")
    for dimension in DIMENSIONS[:-1]:
        if parsed.dimensionality in (
            _dimensionality(dimension),
            (_dimensionality(dimension) / year.dimensionality),
        ):
            return dimension
    if any(key.startswith("[currency") for key in parsed.dimensionality):
        return "money"
    return None


def is_rate(unit: str) -> bool:
    """Tell whether ``unit`` is an amount per time (t/d, m³/h, MW) rather than an amount."""
    parsed = parse_unit(unit).dimensionality
    time = registry().parse_units("hour").dimensionality
    amounts = [_dimensionality(dimension) for dimension in DIMENSIONS[:-1]]
    if any(parsed == amount / time for amount in amounts):
        return True
    return any(key.startswith("[currency") for key in parsed) and parsed.get("[time]", 0) == -1


def needs_operating_hours(unit: str) -> bool:
    """Tell whether converting ``unit`` to an annual amount needs the year's operating hours.

    A rate per year (t/a) does not; a rate per day, hour or second (t/d, m³/h, MW) does.
    """
    parsed = parse_unit(unit)
    if not is_rate(unit):
        return False
    return "year" not in dict(parsed._units) and "year_cn" not in dict(parsed._units)


EXPECTED_UNIT = {
    "mass": N_("a mass unit such as t, kg, 万吨 or t/d"),
    "energy": N_("an energy unit such as MWh, kWh, 万千瓦时, GJ, tce (吨标准煤) or MW"),
    "volume": N_("a volume unit such as m³, L, 万立方米 or m³/h"),
    "area": N_("an area unit such as ha, m², km² or 亩"),
    "count": N_("a count (unit 1)"),
    "money": N_("a currency unit such as 元, 万元, 亿元, EUR or USD"),
}


def conversion_factor(unit: str, dimension: str, operating_hours: float | None = None) -> float:
    """Return the factor that turns an amount in ``unit`` into the canonical annual amount.

    Parameters
    ----------
    unit
        The unit as written, e.g. ``万吨``, ``t/d``, ``m³/h`` or ``MW``.
    dimension
        The dimension the amount must have (see :data:`DIMENSIONS`).
    operating_hours
        Hours per year during which a rate applies [h a⁻¹]; required when the unit is a
        rate per day, hour or second.

    Raises
    ------
    UnitError
        When the unit is unknown, has another dimension, or needs operating hours that are
        missing.
    """
    parsed = parse_unit(unit)
    ureg = registry()
    if dimension == "money":
        raise UnitError(_("Money amounts are converted with money_factor, not here."))
    target = ureg.parse_units(CANONICAL[dimension])
    quantity = ureg.Quantity(1.0, parsed)
    if needs_operating_hours(unit):
        if operating_hours is None or not np.isfinite(operating_hours) or operating_hours <= 0:
            raise UnitError(
                _("Unit {unit!r} is a rate; state the operating hours per year.").format(unit=unit)
            )
        quantity = quantity * ureg.Quantity(operating_hours, "hour")
    elif is_rate(unit):
        quantity = quantity * ureg.Quantity(1.0, "year")
    try:
        return float(quantity.to(target).magnitude)
    except pint.errors.DimensionalityError as error:
        raise UnitError(
            _("Unit {unit!r} does not measure {dimension}.").format(
                unit=unit, dimension=_(dimension)
            )
        ) from error


def money_factor(unit: str, currency: str) -> float:
    """Return the factor from ``unit`` (元, 万元, EUR, ...) to one unit of ``currency``."""
    ureg = registry()
    try:
        return float(ureg.Quantity(1.0, parse_unit(unit)).to(parse_unit(currency)).magnitude)
    except pint.errors.DimensionalityError as error:
        raise UnitError(
            _("Unit {unit!r} is not an amount of {currency}; convert it first.").format(
                unit=unit, currency=currency
            )
        ) from error


def to_canonical(
    amount: float, unit: str, dimension: str, operating_hours: float | None = None
) -> float:
    """Convert one amount to the canonical annual amount of its dimension."""
    return amount * conversion_factor(unit, dimension, operating_hours)


def from_canonical(
    amount: float, unit: str, dimension: str, operating_hours: float | None = None
) -> float:
    """Convert a canonical annual amount back into ``unit``."""
    return amount / conversion_factor(unit, dimension, operating_hours)


def convert(amount: float, from_unit: str, to_unit: str) -> float:
    """Convert an amount between two units of the same dimension (no rates)."""
    ureg = registry()
    try:
        return float(ureg.Quantity(amount, parse_unit(from_unit)).to(parse_unit(to_unit)).magnitude)
    except pint.errors.DimensionalityError as error:
        raise UnitError(
            _("Cannot convert {from_unit!r} to {to_unit!r}.").format(
                from_unit=from_unit, to_unit=to_unit
            )
        ) from error

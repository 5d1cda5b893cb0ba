"""Money as the report shows it: the currency in each language, large yuan in 万元 or 亿元.

Only the page and its charts change how an amount reads. results.json and the CSV tables keep
every amount in the zone currency's base unit, named in its unit field (``CNY/a``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

CURRENCY_SIGNS = {("CNY", "zh_CN"): "元"}
"""Currency codes written as a word in a locale. Any other pair keeps the ISO 4217 code."""

CHINESE_MULTIPLES = ((1e8, "亿"), (1e4, "万"))
"""Multiples of the yuan used in Chinese, largest first: 亿 is 10⁸ and 万 is 10⁴."""

TOTAL_DENOMINATORS = ("", "a")
"""Denominators of the amounts that take a multiple: totals (元) and totals per year (元/a).

Prices per t, MWh or m³ stay in 元, so they compare with the price units of the workbook.
"""


@dataclass(frozen=True)
class MoneyScale:
    """A divisor for amounts and the unit they read in after dividing (10⁸ and 亿元/a)."""

    divisor: float
    unit: str
    locale: str

    def number(self, value: float | None, decimals: int | None = None) -> str:
        """Return ``value`` divided by the divisor and formatted for ``locale``, or "—" for none.

        An amount in a multiple shows four significant figures (4,743 万元/a). An amount in the
        base unit keeps ``decimals``, as :func:`~ecoplan.report.render.format_number` sets.
        """
        # Imported here because render imports this module for its template filters.
        from ecoplan.report.render import format_number

        if value is None or self.divisor == 1:
            return format_number(value, self.locale, decimals)
        return format_number(value / self.divisor, self.locale)


def money_unit(unit: str, locale: str) -> str:
    """Return ``unit`` as shown in ``locale``: a leading currency code (CNY/t) as its sign (元/t).

    Units that do not start with a currency code with a sign in ``locale`` stay as given.
    """
    currency, slash, per = unit.partition("/")
    sign = CURRENCY_SIGNS.get((currency.strip(), locale))
    if sign is None:
        return unit
    return f"{sign}{slash}{per.strip()}"


def has_multiples(unit: str, locale: str) -> bool:
    """Return whether amounts of ``unit`` are shown in 万 or 亿 in ``locale``."""
    currency, _slash, per = unit.partition("/")
    is_yuan = CURRENCY_SIGNS.get((currency.strip(), locale)) == "元"
    return locale == "zh_CN" and is_yuan and per.strip() in TOTAL_DENOMINATORS


def money_scale(amounts: Iterable[float | None], unit: str, locale: str) -> MoneyScale:
    """Return the scale that shows ``amounts`` of ``unit`` in ``locale``.

    In Chinese, yuan totals (CNY or CNY/a) read in 亿元 when the largest absolute amount is
    10⁸ or more and in 万元 from 10⁴, so all amounts of a table share one multiple. Other
    amounts, other currencies and English keep the base unit.
    """
    shown = money_unit(unit, locale)
    if not has_multiples(unit, locale):
        return MoneyScale(1.0, shown, locale)

    finite = [abs(amount) for amount in amounts if amount is not None and math.isfinite(amount)]
    largest = max(finite, default=0.0)
    for divisor, prefix in CHINESE_MULTIPLES:
        if largest >= divisor:
            return MoneyScale(divisor, prefix + shown, locale)
    return MoneyScale(1.0, shown, locale)


def format_money(
    value: float | None, unit: str, decimals: int | None = None, *, locale: str
) -> Markup:
    """Return an amount with its unit in a muted span, in its own scale: ``4,743 万元/a``.

    ``locale`` is keyword-only, so the template filter ``value|money(unit, 0)`` can bind it.
    """
    scale = money_scale([value], unit, locale)
    return Markup('{} <span class="muted">{}</span>').format(
        scale.number(value, decimals), scale.unit
    )

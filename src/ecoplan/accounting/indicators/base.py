"""Indicator definitions and results: the objects the report and the targets read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ecoplan.i18n import N_, translate
from ecoplan.model.vocab import label

if TYPE_CHECKING:
    from ecoplan.accounting.indicators.yeardata import YearData
    from ecoplan.model.zone import Zone


@dataclass(frozen=True)
class Missing:
    """One missing input: an English message template, marked for translation, and its values."""

    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, locale: str | None = None) -> str:
        """Return the sentence in ``locale`` (default: the active locale).

        Text values are translated too when a catalogue has them (e.g. ``"fly ash"``).
        """
        params = {
            key: translate(value, locale) if isinstance(value, str) else value
            for key, value in self.params.items()
        }
        return translate(self.template, locale).format(**params)

    def english(self) -> str:
        """Return the sentence in English."""
        return self.text("en")


@dataclass(frozen=True)
class IndicatorResult:
    """The value of one indicator for one year, or the inputs that are missing for it.

    ``value`` is in ``unit``, the display unit (rates in %). ``missing`` lists the missing
    inputs as English sentences; :meth:`missing_text` gives them in another locale.
    ``inputs`` holds the numerator, the denominator and other inputs, each key naming the
    quantity and its unit in square brackets, e.g. ``"gdp [10^4 CNY]"``.
    """

    indicator_id: str
    year: int
    value: float | None
    unit: str
    computable: bool
    missing: list[str] = field(default_factory=list)
    inputs: dict[str, float] = field(default_factory=dict)
    missing_messages: tuple[Missing, ...] = ()

    def missing_text(self, locale: str | None = None) -> list[str]:
        """Return the missing inputs as sentences in ``locale`` (default: the active locale)."""
        return [message.text(locale) for message in self.missing_messages]


@dataclass(frozen=True)
class Indicator:
    """An indicator: its formula, unit and source, and the function that computes it.

    ``formula`` and ``source`` are English texts marked for translation; use
    :meth:`formula_text` and :meth:`source_text` for another locale. ``unit`` is the display
    unit of a zone whose currency is CNY; :meth:`unit_for` gives it for any currency.
    """

    id: str
    formula: str
    unit: str
    source: str
    calculate: Callable[[YearData], IndicatorResult]
    money_scale: float | None = None
    unit_suffix: str = ""

    def name(self, locale: str = "en") -> str:
        """Return the indicator's name in ``locale``."""
        return label("indicator", self.id, locale)

    def formula_text(self, locale: str | None = None) -> str:
        """Return the formula in ``locale`` (default: the active locale)."""
        return translate(self.formula, locale)

    def source_text(self, locale: str | None = None) -> str:
        """Return the source citation in ``locale`` (default: the active locale)."""
        return translate(self.source, locale)

    def unit_for(self, currency: str) -> str:
        """Return the display unit for a zone whose money amounts are in ``currency``."""
        if self.money_scale is None:
            return self.unit
        return money_unit(currency, self.money_scale) + self.unit_suffix

    def compute(self, zone: Zone, year: int) -> IndicatorResult:
        """Compute the indicator for ``year`` of ``zone``."""
        from ecoplan.accounting.indicators.yeardata import YearData

        return self.calculate(YearData.of(zone, year))


def money_unit(currency: str, scale: float) -> str:
    """Return the label of ``scale`` units of ``currency``: 元 or 万元 for CNY, else e.g. EUR."""
    if currency == "CNY":
        return "万元" if scale == 1e4 else "元"
    return f"10^4 {currency}" if scale == 1e4 else currency


def not_computable(
    indicator_id: str, year: int, unit: str, missing: list[Missing], inputs: dict[str, float]
) -> IndicatorResult:
    """Return the result of an indicator that lacks the inputs listed in ``missing``."""
    return IndicatorResult(
        indicator_id=indicator_id,
        year=year,
        value=None,
        unit=unit,
        computable=False,
        missing=[message.english() for message in missing],
        inputs=inputs,
        missing_messages=tuple(missing),
    )


def quotient(
    indicator_id: str,
    year: int,
    unit: str,
    numerator: float,
    denominator: float,
    inputs: dict[str, float],
    missing: list[Missing],
    scale: float = 1.0,
) -> IndicatorResult:
    """Return ``scale * numerator / denominator``, or a not-computable result.

    The result is not computable when ``missing`` is not empty or when the denominator is
    not positive (the message then names the denominator's key in ``inputs``).
    """
    if not missing and not denominator > 0:
        missing = [Missing(_ZERO_DENOMINATOR, {"year": year})]
    if missing:
        return not_computable(indicator_id, year, unit, missing, inputs)
    return IndicatorResult(
        indicator_id=indicator_id,
        year=year,
        value=scale * numerator / denominator,
        unit=unit,
        computable=True,
        inputs=inputs,
    )


_ZERO_DENOMINATOR = N_("the denominator is zero for {year}")


def finite_inputs(inputs: dict[str, float]) -> dict[str, float]:
    """Return ``inputs`` without the entries that have no value (e.g. a missing economy row)."""
    return {key: value for key, value in inputs.items() if np.isfinite(value)}

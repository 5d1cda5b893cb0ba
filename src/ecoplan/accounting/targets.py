"""Policy targets held against the computed indicators.

A target row names an indicator, a value in the indicator's unit (rates in %), a year and a
comparison (``>=`` by default). It is checked against the indicator's value of the target
year or, when that is missing or not computable, of the nearest earlier year with a value.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ecoplan.accounting.indicators.base import IndicatorResult
from ecoplan.i18n import N_

if TYPE_CHECKING:
    from ecoplan.model.zone import Zone

logger = logging.getLogger(__name__)

RELATIVE_TOLERANCE = 1e-9
"""Relative margin within which a value equal to the target counts as meeting it."""

NO_RESULT = N_("no result of indicator '{indicator}' for {year} or an earlier year")


@dataclass(frozen=True)
class TargetCheck:
    """One target checked against the indicator's value.

    ``actual`` is the value of ``actual_year``: the target year if it has a value, else the
    nearest earlier year with one. ``met`` is ``None`` when no value exists, and ``missing``
    then names the missing inputs as English sentences. ``gap`` is ``actual - target_value``
    in the indicator's ``unit``: a negative gap falls short of an ``>=`` target, a positive
    gap exceeds an ``<=`` target.
    """

    target_id: str
    indicator_id: str
    target_value: float
    target_year: int
    comparison: str
    actual: float | None
    actual_year: int | None
    met: bool | None
    gap: float | None
    source: str
    unit: str = ""
    missing: list[str] = field(default_factory=list)


def evaluate_targets(zone: Zone, results: list[IndicatorResult]) -> list[TargetCheck]:
    """Check every row of the zone's ``targets`` table against ``results``.

    ``results`` may hold several years of each indicator, e.g. from calling
    :func:`~ecoplan.accounting.indicators.compute_indicators` once per year.
    """
    targets = zone.tables["targets"]
    checks = [_check(target, results) for target in targets.to_dict("records")]
    unmet = sum(check.met is False for check in checks)
    logger.info("checked %d targets of zone %s, %d not met", len(checks), zone.zone_id, unmet)
    return checks


def _check(target: Mapping[Hashable, Any], results: list[IndicatorResult]) -> TargetCheck:
    indicator_id = str(target["indicator"])
    year = int(str(target["year"]))
    comparison = str(target["comparison"]) if isinstance(target["comparison"], str) else ">="
    value = float(str(target["value"]))
    candidates = [r for r in results if r.indicator_id == indicator_id and r.year <= year]
    candidates.sort(key=lambda result: result.year)
    computable = [result for result in candidates if result.computable]
    chosen = computable[-1] if computable else None
    check = TargetCheck(
        target_id=str(target["target_id"]),
        indicator_id=indicator_id,
        target_value=value,
        target_year=year,
        comparison=comparison,
        actual=None,
        actual_year=None,
        met=None,
        gap=None,
        source=str(target["source"]),
        unit=candidates[-1].unit if candidates else "",
    )
    if chosen is None or chosen.value is None:
        return _not_checked(check, candidates)
    return _compare(check, chosen.value, chosen.year)


def _not_checked(check: TargetCheck, candidates: list[IndicatorResult]) -> TargetCheck:
    if candidates:
        missing = candidates[-1].missing
    else:
        missing = [NO_RESULT.format(indicator=check.indicator_id, year=check.target_year)]
    return replace(check, missing=missing)


def _compare(check: TargetCheck, actual: float, actual_year: int) -> TargetCheck:
    margin = RELATIVE_TOLERANCE * max(abs(check.target_value), abs(actual))
    if check.comparison == "<=":
        met = actual <= check.target_value + margin
    else:
        met = actual >= check.target_value - margin
    gap = actual - check.target_value
    return replace(check, actual=actual, actual_year=actual_year, met=met, gap=gap)

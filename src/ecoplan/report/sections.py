"""Sections of the plan: each analysis of a zone, run once and kept as plain rows.

A :class:`Section` contains the rows of one result table (JSON-ready, every quantity with its
unit) or, when the analysis cannot run on this zone, the reason. A section that is not
available never holds made-up numbers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ecoplan.accounting import node_balances
from ecoplan.accounting import totals_by_stage as compute_totals_by_stage
from ecoplan.accounting import totals_by_type as compute_totals_by_type
from ecoplan.accounting.balance import status_text
from ecoplan.accounting.indicators.metabolism import SERVICE_UNIT
from ecoplan.accounting.indicators.registry import INDICATORS_BY_ID, compute_indicators
from ecoplan.accounting.stocks import project_durables
from ecoplan.accounting.targets import evaluate_targets
from ecoplan.errors import EcoplanError
from ecoplan.i18n import LOCALES, N_, translate
from ecoplan.model.zone import Zone
from ecoplan.report.records import frame_records, object_records, plain

logger = logging.getLogger(__name__)

PROJECTION_HORIZON = 2050
"""Last year of the durable-stock projections, the horizon of the zone's long-range plans."""

NO_ROWS = N_("The zone has no data for this analysis.")
TRANSLATED_UNITS = frozenset({SERVICE_UNIT})
"""Indicator units that are words, shown in the report's language; other units stay as set."""


@dataclass
class Section:
    """Rows of one analysis, or the reason it is not available.

    ``reason`` is an English source message with ``params``, translated when shown, so the
    report gives it in both languages. An error raised by an analysis is kept as its text
    in the locale that was active during the run.
    """

    rows: list[dict[str, Any]] = field(default_factory=list)
    available: bool = True
    reason: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    objects: list[Any] = field(default_factory=list, repr=False)
    """Result objects the rows come from, for analyses that build on them."""

    def reason_in(self, locale: str) -> str:
        """Return the reason the section is not available, in ``locale``."""
        if self.reason is None:
            return ""
        return translate(self.reason, locale).format(**self.params)

    def to_json(self) -> dict[str, Any]:
        """Return the section for ``results.json``, with the reason in both languages."""
        data: dict[str, Any] = {"available": self.available, "rows": self.rows}
        if not self.available:
            data["reason"] = {"en": self.reason_in("en"), "zh_CN": self.reason_in("zh_CN")}
        return data


def unavailable(reason: str, **params: Any) -> Section:
    """Return a section that is not available, for ``reason`` (an English source message)."""
    return Section(available=False, reason=reason, params=params)


def run_section(name: str, build: Callable[[], list[dict[str, Any]]]) -> Section:
    """Run ``build`` and wrap the rows it returns in a section.

    The section is not available when ``build`` raises an
    :class:`~ecoplan.errors.EcoplanError` (its message becomes the reason) or returns no
    rows. ``name`` names the analysis in the log.
    """
    try:
        rows = build()
    except EcoplanError as error:
        logger.warning("%s failed: %s", name, error)
        return unavailable("{message}", message=str(error))

    if not rows:
        return unavailable(NO_ROWS)
    return Section(rows=rows)


def balances(zone: Zone) -> Section:
    """Return the node balances of every year (residuals flagged above 1 %).

    Each row has ``status_text``, its status described in every locale.
    """

    def build() -> list[dict[str, Any]]:
        rows = frame_records(node_balances(zone))
        for row in rows:
            row["status_text"] = {
                locale: status_text(row["status"], row["dimension"], locale) for locale in LOCALES
            }
        return rows

    return run_section("node balances", build)


def totals_by_type(zone: Zone) -> Section:
    """Return inputs, outputs, internal and recycled totals per resource type and year."""
    return run_section("totals by type", lambda: frame_records(compute_totals_by_type(zone)))


def totals_by_stage(zone: Zone) -> Section:
    """Return the quantities per lifecycle stage, resource type and year."""
    return run_section("totals by stage", lambda: frame_records(compute_totals_by_stage(zone)))


def indicators(zone: Zone) -> Section:
    """Return every indicator of every year with flows, with its formula and source."""
    results: list[Any] = []

    def build() -> list[dict[str, Any]]:
        for year in zone.years or [zone.base_year]:
            results.extend(compute_indicators(zone, year))
        return [indicator_row(result) for result in results]

    section = run_section("indicators", build)
    section.objects = results
    return section


def indicator_row(result: Any) -> dict[str, Any]:
    """Return one indicator result as a row: value and unit, missing inputs, definition."""
    row = {
        "indicator_id": result.indicator_id,
        "year": plain(result.year),
        "value": plain(result.value),
        "unit": result.unit,
        "unit_text": unit_text(result.unit),
        "computable": bool(result.computable),
        "missing": list(result.missing),
        "missing_text": {locale: result.missing_text(locale) for locale in LOCALES},
        "inputs": plain(result.inputs),
    }
    definition = indicator_definition(result.indicator_id)
    if definition is not None:
        row["name"] = {locale: definition.name(locale) for locale in LOCALES}
        row["formula"] = {locale: definition.formula_text(locale) for locale in LOCALES}
        row["source"] = {locale: definition.source_text(locale) for locale in LOCALES}
    return row


def unit_text(unit: str) -> dict[str, str]:
    """Return an indicator unit as shown in each locale: translated if a word, else as set."""
    if unit in TRANSLATED_UNITS:
        return {locale: translate(unit, locale) for locale in LOCALES}
    return {locale: unit for locale in LOCALES}


def indicator_definition(indicator_id: str) -> Any:
    """Return the definition of an indicator, or ``None`` when it is not listed."""
    return INDICATORS_BY_ID.get(indicator_id)


def targets(zone: Zone, indicator_section: Section) -> Section:
    """Return each target of the zone checked against the indicator results."""
    if zone.targets.empty:
        return unavailable(N_("The zone sets no targets."))
    if not indicator_section.available:
        return unavailable(N_("The indicators are not available, so no target can be checked."))
    return run_section(
        "targets", lambda: object_records(evaluate_targets(zone, indicator_section.objects))
    )


def durables(zone: Zone) -> Section:
    """Return the projected inflow, outflow and stock of each durable, year by year."""
    if zone.durables.empty:
        return unavailable(N_("The zone has no durable stocks."))
    horizon = max(PROJECTION_HORIZON, zone.base_year)
    return run_section(
        "durable stocks", lambda: durable_rows(zone, project_durables(zone, horizon=horizon))
    )


def durable_rows(zone: Zone, projections: dict[str, Any]) -> list[dict[str, Any]]:
    """Return one row per durable and year: inflow, outflow and stock with their unit.

    ``driver`` (``inflow`` or ``stock``) and ``last_data_year``, the last year of the
    durable's series, tell how the years after it were projected. ``projected`` marks them.
    """
    durables = zone.durables.set_index("durable_id")
    last_years = zone.durable_series.groupby("durable_id")["year"].max()
    rows = []
    for durable_id, result in projections.items():
        unit = durable_unit(zone, durable_id, result)
        last_data_year = plain(last_years.get(durable_id))
        for index, year in enumerate(result.years):
            rows.append(
                {
                    "durable_id": durable_id,
                    "name": durables["name"].get(durable_id, durable_id),
                    "year": plain(year),
                    "inflow": plain(result.inflow[index]),
                    "outflow": plain(result.outflow[index]),
                    "stock": plain(result.stock[index]),
                    "unit": unit,
                    "driver": durables["driver"].get(durable_id),
                    "last_data_year": last_data_year,
                    "projected": bool(last_data_year is not None and year > last_data_year),
                }
            )
    return rows


def durable_unit(zone: Zone, durable_id: str, result: Any) -> str:
    """Return the unit of a durable's projection: the result's own, else the canonical one."""
    unit = getattr(result, "unit", None)
    if unit:
        return str(unit)
    from ecoplan.units import CANONICAL_LABEL, dimension_of

    written = zone.durables.set_index("durable_id").loc[durable_id, "unit"]
    dimension = dimension_of(str(written))
    return CANONICAL_LABEL.get(dimension or "", str(written))

"""The main job: run every analysis of a zone and write its plan.

:func:`run_plan` writes into one folder:

- ``report.html``: the self-contained report, in Chinese and English;
- ``results.json``: every numeric result, each quantity with its unit;
- ``tables/*.csv``: the result tables (balances, totals by type and by stage, indicators,
  targets, durable stocks), one row per row of the matching ``results.json`` section.

A section whose analysis is missing or cannot run on the zone is marked not available, with
the reason, in all three; it never holds made-up numbers.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from ecoplan import __version__
from ecoplan.i18n import N_, _
from ecoplan.model.zone import Zone
from ecoplan.progress import ProgressCallback, silent
from ecoplan.report import charts
from ecoplan.report import sections as analyses
from ecoplan.report.render import render_report
from ecoplan.report.summary import data_sources, names_by_locale, zone_summary
from ecoplan.units import CANONICAL_LABEL

logger = logging.getLogger(__name__)

TABLES = ("balances", "totals_by_type", "totals_by_stage", "indicators", "targets", "durables")
"""Result sections written as CSV tables, in report order."""

STEPS = (
    (N_("Summarising the zone"), "summary"),
    (N_("Balancing nodes"), "balances"),
    (N_("Totalling resources by type"), "totals_by_type"),
    (N_("Totalling resources by lifecycle stage"), "totals_by_stage"),
    (N_("Computing indicators"), "indicators"),
    (N_("Checking targets"), "targets"),
    (N_("Projecting durable stocks"), "durables"),
    (N_("Drawing charts"), "charts"),
    (N_("Writing tables and results"), "results"),
    (N_("Writing the report"), "report"),
)


@dataclass
class PlanResult:
    """Files written by :func:`run_plan` and the results they hold.

    ``tables`` maps a section name (see :data:`TABLES`) to its CSV file; a section that is
    not available has no file. ``results`` is the content of ``results.json``.
    """

    report_path: Path
    results_path: Path
    tables: dict[str, Path]
    results: dict[str, Any]


def run_plan(zone: Zone, out_dir: Path, progress: ProgressCallback = silent) -> PlanResult:
    """Run every analysis of ``zone`` and write the report, results and tables to ``out_dir``.

    ``progress(step, total, message)`` is called before each step, with a translated
    message. The folder and its ``tables`` subfolder are created when missing; files of an
    earlier run are overwritten.
    """
    steps = iter(enumerate(STEPS, start=1))

    def step() -> None:
        number, (message, _name) = next(steps)
        progress(number, len(STEPS), _(message))

    step()
    summary = zone_summary(zone)
    sections: dict[str, analyses.Section] = {}
    for name in TABLES:
        step()
        if name == "targets":
            sections[name] = analyses.targets(zone, sections["indicators"])
        else:
            sections[name] = getattr(analyses, name)(zone)

    step()
    figures = draw_charts(zone, sections)

    step()
    out_dir.mkdir(parents=True, exist_ok=True)
    results = results_document(zone, summary, sections)
    results_path = write_results(results, out_dir / "results.json")
    tables = write_tables(sections, out_dir / "tables")

    step()
    report_path = render_report(
        results,
        sections,
        figures,
        out_dir / "report.html",
        node_names=names_by_locale(zone.nodes, "node_id"),
    )
    logger.info("wrote the plan of zone %s to %s", zone.zone_id, out_dir)
    return PlanResult(
        report_path=report_path, results_path=results_path, tables=tables, results=results
    )


def draw_charts(zone: Zone, sections: dict[str, analyses.Section]) -> dict[str, list[Any]]:
    """Return the report's charts, grouped by report section."""
    return {
        "totals_by_type": charts.totals_by_type_charts(sections["totals_by_type"]),
        "totals_by_stage": charts.totals_by_stage_charts(sections["totals_by_stage"]),
        "sankey": charts.sankey_charts(zone) or [],
        "durables": charts.durable_charts(sections["durables"]),
    }


def results_document(
    zone: Zone, summary: dict[str, Any], sections: dict[str, analyses.Section]
) -> dict[str, Any]:
    """Return the content of ``results.json``: zone summary, sources and every section."""
    return {
        "ecoplan_version": __version__,
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "units": {
            "canonical": dict(CANONICAL_LABEL),
            "note": "Flow quantities are per year in the canonical unit of their dimension; "
            "each row names its unit.",
        },
        "zone": summary,
        "sources": data_sources(zone),
        **{name: section.to_json() for name, section in sections.items()},
    }


def write_results(results: dict[str, Any], path: Path) -> Path:
    """Write ``results`` as indented UTF-8 JSON and return ``path``."""
    text = json.dumps(results, ensure_ascii=False, indent=2, allow_nan=False)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def write_tables(sections: dict[str, analyses.Section], folder: Path) -> dict[str, Path]:
    """Write each available section as ``folder/<name>.csv`` and return the paths by name."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in TABLES:
        path = folder / f"{name}.csv"
        section = sections[name]
        if not section.available:
            path.unlink(missing_ok=True)
            continue
        csv_frame(section.rows).to_csv(path, index=False, encoding="utf-8")
        written[name] = path
    return written


def csv_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Return rows as a flat table: lists joined by "; ", texts in two languages as English.

    Other nested values (an indicator's inputs) are written as JSON text.
    """
    flat = []
    for row in rows:
        flat.append(
            {column: csv_cell(value) for column, value in row.items() if column != "missing_text"}
        )
    return pd.DataFrame(flat)


def csv_cell(value: Any) -> Any:
    """Return one value of a result row as a CSV cell."""
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if isinstance(value, dict) and set(value) == {"en", "zh_CN"}:
        return value["en"]
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value

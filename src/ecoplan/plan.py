"""The main job: run every analysis of a zone and write its plan.

:func:`run_plan` writes into one folder:

- ``report.html``: the self-contained report, in Chinese and English;
- ``results.json``: every numeric result, each quantity with its unit;
- ``tables/*.csv``: the result tables (balances, totals by type and by stage, indicators,
  targets, durable stocks, by-product exchange, energy strategy), one row per row of the
  matching ``results.json`` section;
- ``exchange.geojson``: the listings as points and the recommended exchanges as lines, when
  the zone has located listings.

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
from ecoplan.errors import EcoplanError
from ecoplan.i18n import N_, _
from ecoplan.model.zone import Zone
from ecoplan.progress import ProgressCallback, silent
from ecoplan.report import charts, energy_charts, exchange_charts
from ecoplan.report import energy as energy_report
from ecoplan.report import exchange as exchange_report
from ecoplan.report import sections as analyses
from ecoplan.report.render import render_report
from ecoplan.report.summary import data_sources, names_by_locale, zone_summary
from ecoplan.units import CANONICAL_LABEL

logger = logging.getLogger(__name__)

ACCOUNT_TABLES = (
    "balances",
    "totals_by_type",
    "totals_by_stage",
    "indicators",
    "targets",
    "durables",
)
TABLES = (*ACCOUNT_TABLES, *exchange_report.EXCHANGE_TABLES, *energy_report.ENERGY_TABLES)
"""Result sections written as CSV tables, in report order."""

STEPS = (
    (N_("Summarising the zone"), "summary"),
    (N_("Balancing nodes"), "balances"),
    (N_("Totalling resources by type"), "totals_by_type"),
    (N_("Totalling resources by lifecycle stage"), "totals_by_stage"),
    (N_("Computing indicators"), "indicators"),
    (N_("Checking targets"), "targets"),
    (N_("Projecting durable stocks"), "durables"),
    (N_("Matching by-product offers and requests"), "exchange_matching"),
    (N_("Optimising the exchange network"), "exchange_network"),
    (N_("Working out the energy portfolio worksheet"), "energy_worksheet"),
    (N_("Sampling energy uncertainty (Monte Carlo)"), "energy_bands"),
    (N_("Solving the least-cost energy portfolio"), "energy_leastcost"),
    (N_("Targeting heat recovery (pinch analysis)"), "energy_pinch"),
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
    for name in ACCOUNT_TABLES:
        step()
        if name == "targets":
            sections[name] = analyses.targets(zone, sections["indicators"])
        else:
            sections[name] = getattr(analyses, name)(zone)

    step()
    matched = match_exchange(zone)
    step()
    exchange = optimise_exchange_network(zone, matched)
    sections.update(exchange_report.exchange_sections(zone, exchange))

    step()
    sections.update(energy_report.worksheet_sections(zone))
    step()
    sections["energy_bands"] = energy_report.bands_section(zone, sections["energy_shares"])
    step()
    sections.update(energy_report.leastcost_sections(zone))
    step()
    pinch_sections, pinch = energy_report.pinch_sections(zone)
    sections.update(pinch_sections)

    step()
    figures = draw_charts(zone, sections)
    if isinstance(exchange, exchange_report.ExchangeAnalysis):
        names = exchange_report.Names(zone)
        figures["exchange"] = exchange_charts.exchange_charts(exchange, names)
    figures.update(energy_charts.pinch_charts(pinch, sections["energy_pinch_plants"]))

    step()
    out_dir.mkdir(parents=True, exist_ok=True)
    results = results_document(zone, summary, sections)
    results_path = write_results(results, out_dir / "results.json")
    tables = write_tables(sections, out_dir / "tables")
    exchange_report.write_exchange_geojson(exchange, out_dir / "exchange.geojson")

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


def match_exchange(zone: Zone) -> exchange_report.ExchangeAnalysis | analyses.Section:
    """Return the zone's listings and candidates, or a section with the reason there are none."""
    try:
        return exchange_report.match_listings(zone)
    except EcoplanError as error:
        logger.warning("by-product exchange not matched: %s", error)
        return analyses.unavailable("{message}", message=str(error))


def optimise_exchange_network(
    zone: Zone, matched: exchange_report.ExchangeAnalysis | analyses.Section
) -> exchange_report.ExchangeAnalysis | analyses.Section:
    """Return ``matched`` with its optimised network, unless matching failed."""
    if isinstance(matched, analyses.Section):
        return matched
    return exchange_report.optimise_network(zone, matched)


def draw_charts(zone: Zone, sections: dict[str, analyses.Section]) -> dict[str, list[Any]]:
    """Return the report's charts, grouped by report section."""
    return {
        "totals_by_type": charts.totals_by_type_charts(sections["totals_by_type"]),
        "totals_by_stage": charts.totals_by_stage_charts(sections["totals_by_stage"]),
        "sankey": charts.sankey_charts(zone) or [],
        "durables": charts.durable_charts(sections["durables"]),
        "energy_shares": energy_charts.share_charts(sections["energy_shares"]),
        "energy_cost": energy_charts.cost_chart(sections["energy_cost"])
        + energy_charts.co2_chart(sections["energy_emissions"], sections["energy_bands"]),
        "energy_leastcost": energy_charts.leastcost_charts(sections["energy_leastcost_shares"]),
        "energy_water": energy_charts.water_chart(sections["energy_water"]),
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
        # The byte-order mark makes Excel on Chinese Windows read the file as UTF-8.
        csv_frame(section.rows).to_csv(path, index=False, encoding="utf-8-sig")
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
        return json.dumps(value, ensure_ascii=False) if value else None
    return value

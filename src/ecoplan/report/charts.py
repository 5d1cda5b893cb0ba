"""Charts of the plan report, each drawn once per language as Plotly figure JSON."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import plotly.graph_objects as go

from ecoplan.accounting import sankey_figure
from ecoplan.i18n import LOCALES, N_, translate
from ecoplan.model.vocab import VOCABULARIES, label
from ecoplan.model.zone import Zone
from ecoplan.report.sections import Section

logger = logging.getLogger(__name__)

FONT_STACK = (
    'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Source Han Sans SC", '
    '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
)
"""Fonts installed with the operating system; the report loads no web font."""

TOTAL_COLUMNS = {
    "input": N_("Input"),
    "output": N_("Output"),
    "internal": N_("Internal"),
    "recycled": N_("Recycled"),
}


STAGE_ORDER = {stage: position for position, stage in enumerate(VOCABULARIES["stage"])}
"""Lifecycle stages from extraction to disposal; flows without a stage come last."""


@dataclass
class Chart:
    """One chart in every locale: its title and Plotly figure (as JSON-ready dicts)."""

    key: str
    title: dict[str, str]
    figure: dict[str, dict[str, Any]]


def figure_dict(figure: go.Figure) -> dict[str, Any]:
    """Return ``figure`` as a JSON-ready dict, with the report's fonts and margins."""
    figure.update_layout(
        font={"family": FONT_STACK},
        margin={"l": 60, "r": 30, "t": 40, "b": 50},
        template="plotly_white",
    )
    if figure.layout.height is None:
        figure.update_layout(height=380)
    data: dict[str, Any] = json.loads(figure.to_json())
    return data


def both_locales(key: str, title: Callable[[str], str], draw: Callable[[str], go.Figure]) -> Chart:
    """Return a chart drawn by ``draw(locale)`` in every supported locale."""
    return Chart(
        key=key,
        title={locale: title(locale) for locale in LOCALES},
        figure={locale: figure_dict(draw(locale)) for locale in LOCALES},
    )


def groups(rows: list[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Return the rows grouped by resource type and dimension, in order of first appearance."""
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault((row["type"], row["dimension"]), []).append(row)
    return grouped


def totals_by_type_charts(section: Section) -> list[Chart]:
    """Return one grouped bar chart per resource type: input, output, internal and recycled."""
    if not section.available:
        return []
    return [
        _totals_chart(resource_type, dimension, rows)
        for (resource_type, dimension), rows in groups(section.rows).items()
    ]


def _totals_chart(resource_type: str, dimension: str, rows: list[dict[str, Any]]) -> Chart:
    unit = rows[0]["unit"]
    years = [str(row["year"]) for row in rows]

    def draw(locale: str) -> go.Figure:
        figure = go.Figure()
        for column, name in TOTAL_COLUMNS.items():
            figure.add_bar(name=translate(name, locale), x=years, y=[row[column] for row in rows])
        figure.update_layout(
            barmode="group", xaxis_title=translate(N_("Year"), locale), yaxis_title=f"[{unit}]"
        )
        return figure

    return both_locales(
        f"type-{resource_type}-{dimension}",
        lambda locale: label("resource_type", resource_type, locale),
        draw,
    )


def totals_by_stage_charts(section: Section) -> list[Chart]:
    """Return one bar chart per resource type: quantity by lifecycle stage, a bar per year."""
    if not section.available:
        return []
    return [
        _stage_chart(resource_type, dimension, rows)
        for (resource_type, dimension), rows in groups(section.rows).items()
    ]


def _stage_chart(resource_type: str, dimension: str, rows: list[dict[str, Any]]) -> Chart:
    unit = rows[0]["unit"]
    rows = sorted(rows, key=lambda row: STAGE_ORDER.get(row["stage"], len(STAGE_ORDER)))
    years = sorted({row["year"] for row in rows})

    def draw(locale: str) -> go.Figure:
        figure = go.Figure()
        for year in years:
            of_year = [row for row in rows if row["year"] == year]
            figure.add_bar(
                name=str(year),
                y=[row["quantity"] for row in of_year],
                x=[stage_label(row["stage"], locale) for row in of_year],
            )
        figure.update_layout(
            barmode="group",
            yaxis_title=f"[{unit}]",
            xaxis_title=translate(N_("Lifecycle stage"), locale),
        )
        return figure

    return both_locales(
        f"stage-{resource_type}-{dimension}",
        lambda locale: label("resource_type", resource_type, locale),
        draw,
    )


def stage_label(stage: str | None, locale: str) -> str:
    """Return the label of a lifecycle stage, or "Not given" for flows without one."""
    if stage is None or stage == "unspecified":
        return translate(N_("Not given"), locale)
    return label("stage", stage, locale)


def durable_charts(section: Section) -> list[Chart]:
    """Return one chart per durable: inflow and outflow per year, stock on a second axis."""
    if not section.available:
        return []
    by_durable: dict[str, list[dict[str, Any]]] = {}
    for row in section.rows:
        by_durable.setdefault(row["durable_id"], []).append(row)
    return [_durable_chart(durable_id, rows) for durable_id, rows in by_durable.items()]


def _durable_chart(durable_id: str, rows: list[dict[str, Any]]) -> Chart:
    unit = rows[0]["unit"]
    years = [row["year"] for row in rows]
    flow_axis = round_axis(max(max(row[name] or 0.0 for row in rows) for name in FLOW_COLUMNS))
    stock_axis = round_axis(max(row["stock"] or 0.0 for row in rows))
    last_data_year = rows[0].get("last_data_year")

    def draw(locale: str) -> go.Figure:
        figure = go.Figure()
        for column, name in ((N_("Inflow"), "inflow"), (N_("Outflow"), "outflow")):
            figure.add_scatter(
                name=translate(column, locale), x=years, y=[row[name] for row in rows], mode="lines"
            )
        figure.add_scatter(
            name=translate(N_("Stock"), locale),
            x=years,
            yaxis="y2",
            y=[row["stock"] for row in rows],
            mode="lines",
            line={"dash": "dot"},
        )
        figure.update_layout(
            xaxis={
                "title": translate(N_("Year"), locale),
                "tickformat": "d",
                "tick0": 0,
                "dtick": year_step(len(years)),
            },
            yaxis={
                "title": translate(N_("Flow [{unit} per year]"), locale).format(unit=unit),
                **flow_axis,
            },
            yaxis2={
                "title": translate(N_("Stock [{unit}]"), locale).format(unit=unit),
                "overlaying": "y",
                "side": "right",
                "showgrid": False,
                **stock_axis,
            },
            legend={"orientation": "h", "y": -0.2},
        )
        if last_data_year is not None and last_data_year < years[-1]:
            figure.add_vline(
                x=last_data_year + 0.5,
                line={"dash": "dash", "color": "#8a949b", "width": 1},
                annotation_text=translate(N_("Projection"), locale) + " →",
                annotation_position="top right",
            )
        return figure

    return both_locales(f"durable-{durable_id}", lambda locale: str(rows[0]["name"]), draw)


FLOW_COLUMNS = ("inflow", "outflow")
AXIS_INTERVALS = 5
"""Tick intervals of a chart's value axes; both axes of a chart use the same count, so
their grid lines coincide."""
ROUND_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)


def year_step(count: int) -> int:
    """Return the step between year ticks: the smallest round step that needs at most 10 ticks.

    With ``tick0 = 0`` the ticks fall on multiples of the step (1990, 2000, ...).
    """
    return next((step for step in YEAR_STEPS if count / step <= 10), YEAR_STEPS[-1])


def round_axis(maximum: float, intervals: int = AXIS_INTERVALS) -> dict[str, Any]:
    """Return Plotly axis settings from 0 to ``maximum`` or a little above, in round steps.

    The step is 1, 2, 2.5 or 5 times a power of ten, the smallest that covers ``maximum`` in
    ``intervals`` steps, so 20.8 million gives ticks 0, 5M, 10M, ... 25M.
    """
    if not math.isfinite(maximum) or maximum <= 0:
        maximum = 1.0
    rough = maximum / intervals
    power = 10.0 ** math.floor(math.log10(rough))
    step = next(factor * power for factor in ROUND_STEPS if factor * power >= rough * (1 - 1e-9))
    return {"range": [0, step * intervals], "tick0": 0, "dtick": step, "tickmode": "linear"}


def sankey_charts(zone: Zone) -> list[Chart] | None:
    """Return one Sankey diagram per resource type, or ``None`` when none can be drawn.

    Each diagram shows the base year when it has flows, else the latest year with flows.
    """
    if not zone.years:
        return None

    year = zone.base_year if zone.base_year in zone.years else zone.years[-1]
    present = zone.flow_table["type"].dropna().unique()
    types = [name for name in ("materials", "water", "energy", "air", "land") if name in present]

    def draw(resource_type: str, locale: str) -> go.Figure:
        figure = sankey_figure(zone, resource_type, year, locale=locale)
        figure.update_layout(height=min(1600, max(420, 28 * len(zone.nodes))))
        return figure

    # The figure carries its own title (type, year and unit), so the box has no caption.
    return [
        both_locales(f"sankey-{resource_type}", lambda locale: "", partial(draw, resource_type))
        for resource_type in types
    ]

"""Charts of the energy section: shares, cost, CO2 and water per scenario, least cost, pinch."""

from __future__ import annotations

import textwrap
from functools import partial
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ecoplan.energy.pinch import PinchTargets, composite_curves_figure, grand_composite_figure
from ecoplan.energy.pinch_zone import ZonePinch
from ecoplan.i18n import N_, translate, use_locale
from ecoplan.model.vocab import label
from ecoplan.report.charts import Chart, both_locales
from ecoplan.report.money import MoneyScale, has_multiples, money_scale, money_unit
from ecoplan.report.sections import Section

TECHNOLOGY_COLOURS = {
    "pc_coal_unscrubbed": "#4d4d4d",
    "pc_coal_scrubbed": "#8c6d31",
    "igcc": "#b15928",
    "cfb_coal": "#e6550d",
    "msw_landfill_gas": "#843c39",
    "biomass": "#31a354",
    "hydrogen_fuel_cell": "#17becf",
    "solar": "#fdd835",
    "geothermal": "#d6616b",
    "ocean": "#3182bd",
    "wind": "#9ecae1",
    "hydro": "#08519c",
    "efficiency": "#756bb1",
    "gas_boiler_steam": "#bdbdbd",
    "biomass_boiler_steam": "#a1d99b",
    "electric_boiler_steam": "#e377c2",
    "industrial_heat_pump_125c": "#c6b5e6",
    "industrial_heat_pump_150c": "#54278f",
}
"""One colour per technology, the same in every energy chart.

Every pair differs by a CIE76 colour difference of at least 18 (wind against the gas steam
boiler is the closest pair), so no two technologies share a colour in a stack.
"""

SCENARIO_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9")
"""Colours of the scenarios, in sorted order of their names: blue, vermilion, bluish green,
reddish purple, orange and sky blue of Okabe and Ito's palette for colour-blind readers
(*Color Universal Design*, 2008). The first two stay apart under red-green colour blindness.
"""
BAND_OPACITY = 0.2
"""Opacity of a scenario's 5–95 % band, filled in the colour of the scenario's line."""

SHARES_PLOT_HEIGHT = 420
"""Height of a stacked-share chart without its legend [px]."""
LEASTCOST_PLOT_HEIGHT = 480
"""Height of a least-cost chart without its legend; its two-level year and portfolio labels
need more room than years alone [px]."""

LEGEND_COLUMNS = 2
"""Legend entries per row below a stacked-share chart, so the plot keeps the chart's width."""
LEGEND_WRAP = 30
"""Maximum length of a legend line [characters]; longer technology names wrap."""
LEGEND_LINE_HEIGHT = 19
"""Height a legend line adds to a stacked-share chart [px]."""

COST_PARTS = {"private_cost": N_("Private cost"), "external_cost": N_("External cost")}


def scenario_colours(scenarios: Any) -> dict[str, str]:
    """Return the colour of each scenario, from :data:`SCENARIO_COLOURS` in sorted order."""
    return {
        scenario: SCENARIO_COLOURS[number % len(SCENARIO_COLOURS)]
        for number, scenario in enumerate(sorted(scenarios))
    }


def translucent(colour: str, opacity: float) -> str:
    """Return a hex colour such as ``#0072b2`` as CSS ``rgba()`` with ``opacity``."""
    red, green, blue = (int(colour[start : start + 2], 16) for start in (1, 3, 5))
    return f"rgba({red},{green},{blue},{opacity})"


def scenario_title(scenario: str, locale: str) -> str:
    """Return the caption of a scenario's chart in ``locale``."""
    return translate(N_("Scenario {scenario}"), locale).format(scenario=scenario)


def technology_label(technology: str, locale: str) -> str:
    """Return the name of a worksheet technology in ``locale``."""
    return label("energy_technology", technology, locale)


def legend_name(technology: str, locale: str) -> str:
    """Return a technology's name for a legend entry, wrapped at :data:`LEGEND_WRAP` characters.

    Plotly breaks a legend entry only at ``<br>``. Chinese names have no spaces and are short,
    so they stay on one line.
    """
    lines = textwrap.wrap(technology_label(technology, locale), LEGEND_WRAP)
    return "<br>".join(lines)


def legend_below(figure: go.Figure, plot_height: int) -> None:
    """Put the legend below the plot in :data:`LEGEND_COLUMNS` columns and make room for it.

    A legend at the right of a stacked chart takes half of a report column and leaves the
    bars about 130 px wide. Below the plot it only adds height: ``plot_height`` [px] plus one
    :data:`LEGEND_LINE_HEIGHT` per legend line, counting the taller entry of each row.
    """
    lines = [str(trace.name).count("<br>") + 1 for trace in figure.data]
    rows = [lines[start : start + LEGEND_COLUMNS] for start in range(0, len(lines), LEGEND_COLUMNS)]
    legend_lines = sum(max(row) for row in rows)
    figure.update_layout(
        height=plot_height + LEGEND_LINE_HEIGHT * legend_lines,
        legend={
            "orientation": "h",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "x": 0,
            "xanchor": "left",
            "entrywidth": 1 / LEGEND_COLUMNS,
            "entrywidthmode": "fraction",
            "traceorder": "reversed",
        },
    )


def share_charts(section: Section) -> list[Chart]:
    """Return one stacked bar chart of technology shares per year for each scenario."""
    if not section.available:
        return []
    table = pd.DataFrame(section.rows)
    return [
        both_locales(
            f"energy-shares-{scenario}",
            partial(scenario_title, scenario),
            shares_drawer(table[table["scenario"] == scenario]),
        )
        for scenario in sorted(table["scenario"].unique())
    ]


def shares_drawer(table: pd.DataFrame) -> Any:
    """Return a function drawing the stacked shares of one scenario in a locale."""
    wide = table.pivot_table(index="year", columns="technology", values="share", sort=False)
    wide = wide.loc[:, wide.max() > 0]

    def draw(locale: str) -> go.Figure:
        figure = go.Figure()
        for technology in wide.columns:
            figure.add_bar(
                name=legend_name(technology, locale),
                x=wide.index,
                y=wide[technology],
                marker_color=TECHNOLOGY_COLOURS.get(technology),
            )
        figure.update_layout(
            barmode="stack",
            bargap=0.05,
            xaxis_title=translate(N_("Year"), locale),
            yaxis={"title": translate(N_("Share [%]"), locale), "range": [0, 100]},
        )
        legend_below(figure, SHARES_PLOT_HEIGHT)
        return figure

    return draw


def cost_chart(section: Section) -> list[Chart]:
    """Return the private and external cost of each scenario as stacked bars, side by side."""
    if not section.available:
        return []
    table = pd.DataFrame(section.rows)
    unit = table["unit"].iloc[0]
    first, last = table["first_year"].iloc[0], table["last_year"].iloc[0]

    def draw(locale: str) -> go.Figure:
        scale = cost_scale(table, unit, locale)
        figure = go.Figure()
        for column, name in COST_PARTS.items():
            figure.add_bar(
                name=translate(name, locale), x=table["scenario"], y=table[column] / scale.divisor
            )
        figure.update_layout(
            barmode="stack",
            yaxis_title=translate(N_("Sum {first}–{last} [{unit}]"), locale).format(
                first=first, last=last, unit=scale.unit
            ),
            xaxis_title=translate(N_("Scenario"), locale),
        )
        return figure

    return [
        both_locales(
            "energy-cost",
            lambda locale: translate(N_("Full cost per scenario (private + external)"), locale),
            draw,
        )
    ]


def cost_scale(table: pd.DataFrame, unit: str, locale: str) -> MoneyScale:
    """Return the scale of the cost axis: that of the cost table in Chinese (亿元), else 10⁹.

    The table below the chart takes its multiple from the same amounts, so both agree.
    """
    if has_multiples(unit, locale):
        amounts = table[[*COST_PARTS, "full_cost"]].to_numpy().ravel().tolist()
        return money_scale(amounts, unit, locale)
    return MoneyScale(1e9, f"10⁹ {money_unit(unit, locale)}", locale)


def co2_chart(emissions: Section, bands: Section) -> list[Chart]:
    """Return CO2 per year of every scenario, with its 5–95 % Monte Carlo band when given."""
    if not emissions.available:
        return []
    table = pd.DataFrame(emissions.rows)
    co2 = table[table["pollutant"] == "co2"]
    band = pd.DataFrame(bands.rows) if bands.available else pd.DataFrame()

    colours = scenario_colours(co2["scenario"].unique())

    def draw(locale: str) -> go.Figure:
        figure = go.Figure()
        for rank, (scenario, colour) in enumerate(colours.items()):
            if len(band):
                rows = band[(band["scenario"] == scenario) & (band["quantity"] == "co2")]
                add_band(figure, rows, scenario, colour, 2 * rank + 1, locale)
            line = co2[co2["scenario"] == scenario]
            figure.add_scatter(
                name=scenario,
                x=line["year"],
                y=line["emission"] / 1e6,
                mode="lines",
                line={"color": colour},
                legendgroup=scenario,
                legendrank=2 * rank,
            )
        figure.update_layout(
            xaxis_title=translate(N_("Year"), locale),
            yaxis={"title": translate(N_("CO2 [Mt/a]"), locale), "rangemode": "tozero"},
            legend={"orientation": "h", "y": -0.2},
        )
        return figure

    return [
        both_locales(
            "energy-co2", lambda locale: translate(N_("CO2 emissions per scenario"), locale), draw
        )
    ]


def add_band(
    figure: go.Figure, rows: pd.DataFrame, scenario: str, colour: str, rank: int, locale: str
) -> None:
    """Add the 5–95 % CO2 band ``rows`` of ``scenario`` as an area in ``colour``, translucent.

    The band has its own legend entry at ``rank``, in the legend group of the scenario's
    line, so clicking either entry shows or hides both.
    """
    figure.add_scatter(
        x=rows["year"],
        y=rows["p95"] / 1e6,
        mode="lines",
        line={"width": 0, "color": colour},
        showlegend=False,
        legendgroup=scenario,
        hoverinfo="skip",
    )
    figure.add_scatter(
        x=rows["year"],
        y=rows["p5"] / 1e6,
        mode="lines",
        line={"width": 0, "color": colour},
        fill="tonexty",
        fillcolor=translucent(colour, BAND_OPACITY),
        hoverinfo="skip",
        legendgroup=scenario,
        legendrank=rank,
        name=translate(N_("{scenario}, 5–95 %"), locale).format(scenario=scenario),
    )


def leastcost_charts(section: Section) -> list[Chart]:
    """Return, per scenario, the worksheet and least-cost shares side by side per year."""
    if not section.available:
        return []
    table = pd.DataFrame(section.rows)
    return [
        both_locales(
            f"energy-leastcost-{scenario}",
            partial(scenario_title, scenario),
            leastcost_drawer(table[table["scenario"] == scenario]),
        )
        for scenario in sorted(table["scenario"].unique())
    ]


def leastcost_drawer(table: pd.DataFrame) -> Any:
    """Return a function drawing worksheet against least-cost shares of one scenario."""
    used = table.groupby("technology")[["worksheet", "least_cost"]].max().max(axis=1) > 0
    table = table[table["technology"].map(used)]

    def draw(locale: str) -> go.Figure:
        kinds = {
            "worksheet": translate(N_("Worksheet"), locale),
            "least_cost": translate(N_("Least cost"), locale),
        }
        figure = go.Figure()
        for technology, rows in table.groupby("technology", sort=False):
            x = [
                [str(year) for year in rows["year"] for _ in kinds],
                [kinds[kind] for _ in rows["year"] for kind in kinds],
            ]
            y = [row[kind] for _, row in rows.iterrows() for kind in kinds]
            figure.add_bar(
                name=legend_name(str(technology), locale),
                x=x,
                y=y,
                marker_color=TECHNOLOGY_COLOURS.get(str(technology)),
            )
        figure.update_layout(
            barmode="stack",
            yaxis={"title": translate(N_("Share [%]"), locale), "range": [0, 100]},
        )
        legend_below(figure, LEASTCOST_PLOT_HEIGHT)
        return figure

    return draw


def water_chart(section: Section) -> list[Chart]:
    """Return the energy system's water withdrawal and consumption per year of every scenario."""
    if not section.available:
        return []
    table = pd.DataFrame(section.rows)
    quantities = {
        "withdrawal": (N_("{scenario}: withdrawal"), "solid"),
        "consumption": (N_("{scenario}: consumption"), "dash"),
    }

    colours = scenario_colours(table["scenario"].unique())

    def draw(locale: str) -> go.Figure:
        figure = go.Figure()
        for scenario, colour in colours.items():
            rows = table[table["scenario"] == scenario]
            for column, (name, dash) in quantities.items():
                figure.add_scatter(
                    name=translate(name, locale).format(scenario=scenario),
                    x=rows["year"],
                    y=rows[column] / 1e6,
                    mode="lines",
                    line={"color": colour, "dash": dash},
                )
        figure.update_layout(
            xaxis_title=translate(N_("Year"), locale),
            yaxis={"title": translate(N_("Water [10⁶ m³/a]"), locale), "rangemode": "tozero"},
            legend={"orientation": "h", "y": -0.2},
        )
        return figure

    return [
        both_locales(
            "energy-water",
            lambda locale: translate(
                N_("Water withdrawal and consumption of the energy system"), locale
            ),
            draw,
        )
    ]


def pinch_charts(result: ZonePinch | None, plants: Section) -> dict[str, list[Chart]]:
    """Return the composite and grand composite curves, pooled and of each plant alone.

    ``pinch`` contains the curves of all plants pooled and ``pinch_plants`` those of each
    plant, captioned with the plant names of ``plants`` (the ``energy_pinch_plants`` section).
    """
    if result is None:
        return {"pinch": [], "pinch_plants": []}
    names = {row["org_id"]: row["name"] for row in plants.rows} if plants.available else {}

    def caption(plant: str) -> Any:
        return lambda locale: names.get(plant, {}).get(locale, plant)

    plant_charts = []
    for plant, targets in result.plants.items():
        plant_charts += target_charts(targets, f"-{plant}", caption(plant))
    return {
        "pinch": target_charts(result.pooled, "", lambda locale: ""),
        "pinch_plants": plant_charts,
    }


def target_charts(targets: PinchTargets, suffix: str, title: Any) -> list[Chart]:
    """Return the composite and grand composite curves of one set of targets.

    The chart keys are ``pinch-composite`` and ``pinch-grand`` followed by ``suffix``;
    ``title(locale)`` gives the caption.
    """

    def drawer(function: Any) -> Any:
        def draw(locale: str) -> go.Figure:
            with use_locale(locale):
                return function(targets)

        return draw

    return [
        both_locales(f"pinch-composite{suffix}", title, drawer(composite_curves_figure)),
        both_locales(f"pinch-grand{suffix}", title, drawer(grand_composite_figure)),
    ]

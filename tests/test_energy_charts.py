"""Energy charts of the plan report: distinct technology and scenario colours, legends, axes."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from ecoplan.examples import example_path
from ecoplan.io import read_zone
from ecoplan.model.vocab import VOCABULARIES
from ecoplan.plan import run_plan
from ecoplan.report.energy_charts import TECHNOLOGY_COLOURS, co2_chart
from ecoplan.report.sections import Section

MIN_COLOUR_DIFFERENCE = 15.0
"""Smallest CIE76 colour difference ΔE*ab accepted between two technology colours."""

STACKED_CHARTS = (
    "energy-shares-coal_as_usual",
    "energy-shares-diversified",
    "energy-leastcost-coal_as_usual",
    "energy-leastcost-diversified",
)
KIND_LABELS = {"en": ("Worksheet", "Least cost"), "zh_CN": ("工作表", "最低成本")}
MILESTONES = ("2003", "2010", "2015", "2020", "2030", "2040", "2050")


def cie_lab(colour: str) -> tuple[float, float, float]:
    """Return the CIE L*a*b* of an sRGB hex colour, D65 white (IEC 61966-2-1, CIE 15)."""
    channels = [int(colour[start : start + 2], 16) / 255 for start in (1, 3, 5)]
    red, green, blue = (
        ((value + 0.055) / 1.055) ** 2.4 if value > 0.04045 else value / 12.92 for value in channels
    )
    x = (0.4124564 * red + 0.3575761 * green + 0.1804375 * blue) / 0.95047
    y = 0.2126729 * red + 0.7151522 * green + 0.0721750 * blue
    z = (0.0193339 * red + 0.1191920 * green + 0.9503041 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def colour_difference(first: str, second: str) -> float:
    """Return the CIE76 colour difference ΔE*ab of two hex colours."""
    return float(
        sum((a - b) ** 2 for a, b in zip(cie_lab(first), cie_lab(second), strict=True)) ** 0.5
    )


def test_lab_of_reference_colours() -> None:
    assert cie_lab("#ffffff") == pytest.approx((100.0, 0.0, 0.0), abs=0.01)
    assert cie_lab("#ff0000") == pytest.approx((53.24, 80.09, 67.20), abs=0.05)


def test_every_technology_has_distinct_colour() -> None:
    technologies = VOCABULARIES["energy_technology"]
    assert set(TECHNOLOGY_COLOURS) == set(technologies)
    for first, second in itertools.combinations(technologies, 2):
        difference = colour_difference(TECHNOLOGY_COLOURS[first], TECHNOLOGY_COLOURS[second])
        assert difference >= MIN_COLOUR_DIFFERENCE, (first, second, round(difference, 1))


def keep_local(route: Any) -> None:
    """Load the report's own file and data URLs; abort any request that would leave it."""
    if route.request.url.startswith(("file:", "data:", "blob:")):
        route.continue_()
    else:
        route.abort()


@pytest.fixture(scope="module")
def dalian_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run_plan(
        read_zone(example_path("dalian")), tmp_path_factory.mktemp("charts")
    ).report_path


@pytest.mark.browser
@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_stacked_charts_keep_width_and_labels(
    browser: Any, dalian_report: Path, locale: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.route("**/*", keep_local)
    page.goto(dalian_report.as_uri())
    page.click(f'.lang-switch button[data-lang="{locale}"]')
    try:
        for key in STACKED_CHARTS:
            chart = page.locator(f'main[data-lang="{locale}"] .chart[data-chart="{key}"]')
            chart.scroll_into_view_if_needed()
            chart.locator("svg.main-svg").first.wait_for(state="visible")
            box = chart.bounding_box()
            plot = chart.locator(".nsewdrag").first.bounding_box()
            assert box is not None and plot is not None
            # A legend at the right left the bars about a quarter of the chart's width.
            assert plot["width"] >= 0.7 * box["width"], (key, plot["width"], box["width"])

            if key.startswith("energy-leastcost"):
                labels = chart.locator(".xaxislayer-above text").evaluate_all(
                    "texts => texts.filter(t => t.getBBox().width > 0).map(t => t.textContent)"
                )
                worksheet, least_cost = KIND_LABELS[locale]
                assert labels.count(worksheet) == len(MILESTONES), (key, labels)
                assert labels.count(least_cost) == len(MILESTONES), (key, labels)
                assert [text for text in labels if text.isdigit()] == list(MILESTONES)
    finally:
        context.close()


DEUTERANOPIA = (
    (0.367322, 0.860646, -0.227968),
    (0.280085, 0.672501, 0.047413),
    (-0.011820, 0.042940, 0.968881),
)
PROTANOPIA = (
    (0.152286, 1.052583, -0.204868),
    (0.114503, 0.786281, 0.099216),
    (-0.003882, -0.048116, 1.051998),
)
"""Machado, Oliveira and Fernandes (2009), "A Physiologically-based Model for Simulation of
Color Vision Deficiency", severity 1.0, applied to linear sRGB."""
MIN_SCENARIO_DIFFERENCE = 80.0
"""Smallest ΔE*ab between two scenario colours, for normal vision and under each deficiency.

The teal (#00cc96) and cyan (#19d3f3) lines that Plotly's template gave the two scenarios
differ by 49, and by 43 under deuteranopia."""
BAND_NAMES = {"en": "diversified, 5–95 %", "zh_CN": "diversified，5–95 % 区间"}


def simulate(colour: str, matrix: tuple[tuple[float, ...], ...]) -> str:
    """Return the hex colour perceived by a reader with the deficiency of ``matrix``."""

    def linear(value: float) -> float:
        return ((value + 0.055) / 1.055) ** 2.4 if value > 0.04045 else value / 12.92

    def encoded(value: float) -> float:
        value = min(max(value, 0.0), 1.0)
        return 1.055 * value ** (1 / 2.4) - 0.055 if value > 0.0031308 else 12.92 * value

    rgb = [linear(int(colour[start : start + 2], 16) / 255) for start in (1, 3, 5)]
    seen = [sum(weight * value for weight, value in zip(row, rgb, strict=True)) for row in matrix]
    return "#" + "".join(f"{round(encoded(value) * 255):02x}" for value in seen)


def rgba_parts(colour: str) -> tuple[str, float]:
    """Return the hex colour and the opacity of a CSS ``rgba(r,g,b,a)`` colour."""
    red, green, blue, alpha = colour.removeprefix("rgba(").removesuffix(")").split(",")
    return f"#{int(red):02x}{int(green):02x}{int(blue):02x}", float(alpha)


def two_scenario_co2() -> dict[str, dict[str, Any]]:
    """Return the CO2 chart of two scenarios over three years, with their 5–95 % bands."""
    emissions, bands = [], []
    for scenario, level in (("coal_as_usual", 3e6), ("diversified", 2e6)):
        for year in (2020, 2030, 2040):
            emissions.append(
                {"scenario": scenario, "year": year, "pollutant": "co2", "emission": level}
            )
            bands.append(
                {
                    "scenario": scenario,
                    "year": year,
                    "quantity": "co2",
                    "p5": 0.9 * level,
                    "p50": level,
                    "p95": 1.1 * level,
                }
            )
    [chart] = co2_chart(Section(rows=emissions), Section(rows=bands))
    return chart.figure


def test_simulated_deficiency_keeps_grey() -> None:
    # Each row of the matrix sums to 1, so a grey stays the same grey.
    assert simulate("#808080", DEUTERANOPIA) == "#808080"
    assert simulate("#808080", PROTANOPIA) == "#808080"


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_co2_scenarios_and_bands_colours(locale: str) -> None:
    traces = two_scenario_co2()[locale]["data"]
    lines = {trace["name"]: trace for trace in traces if "fill" not in trace and "name" in trace}
    bands = [trace for trace in traces if trace.get("fill") == "tonexty"]
    assert sorted(lines) == ["coal_as_usual", "diversified"]
    assert len(bands) == 2

    coal, diversified = (lines[name]["line"]["color"] for name in sorted(lines))
    for matrix in (None, DEUTERANOPIA, PROTANOPIA):
        first = coal if matrix is None else simulate(coal, matrix)
        second = diversified if matrix is None else simulate(diversified, matrix)
        assert colour_difference(first, second) >= MIN_SCENARIO_DIFFERENCE, (matrix, first, second)

    for band in bands:
        scenario = band["legendgroup"]
        hue, opacity = rgba_parts(band["fillcolor"])
        assert hue == lines[scenario]["line"]["color"].lower(), scenario
        assert 0 < opacity <= 0.3, scenario
        assert lines[scenario]["legendgroup"] == scenario
        assert band.get("showlegend", True), scenario

    names = [band["name"] for band in bands]
    assert BAND_NAMES[locale] in names, names

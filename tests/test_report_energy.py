"""The heat-recovery and energy-water sections of the plan: hand-worked targets, both languages.

Two plants, worked by hand with the problem table algorithm of Linnhoff and Flower (1978), as
set out in *Ludwig's Applied Process Design for Chemical and Petrochemical Plants*, 4th ed.,
"A Targeting Procedure: The Problem Table Algorithm": hot streams are shifted down and cold
streams up by ΔT_min / 2 = 5 K, each shifted interval's surplus is (Σ CP hot − Σ CP cold) × ΔT,
the surpluses are cascaded from the top, and the largest deficit is the minimum hot utility.

Plant A: H1 170 → 70 °C, CP 1.0 kW/K; C1 60 → 140 °C, CP 1.5 kW/K; H2 80 → 30 °C, CP 2.0 kW/K.
Shifted H1 165 → 65, C1 65 → 145, H2 75 → 25.

    interval  streams        net CP   surplus   cascade   with 15 kW on top
    165-145   H1              +1.0     +20       +20       35
    145-75    H1, C1          -0.5     -35       -15       0   (pinch at 75 °C)
    75-65     H1, H2, C1      +1.5     +15         0       15
    65-25     H2              +2.0     +80       +80       95

    hot utility 15 kW, cold utility 95 kW, pinch 75 °C shifted (80 °C hot, 70 °C cold),
    heat recovery 100 + 100 − 95 = 105 kW.

Plant B: C2 30 → 70 °C, CP 2.5 kW/K; H3 50 → 20 °C, CP 1.0 kW/K. Shifted C2 35 → 75,
H3 45 → 15.

    75-45     C2              -2.5     -75       -75       15
    45-35     C2, H3          -1.5     -15       -90       0   (pinch at 35 °C)
    35-15     H3              +1.0     +20       -70       20

    hot utility 90 kW, cold utility 20 kW, pinch 35 °C shifted (40 °C hot, 30 °C cold),
    heat recovery 30 − 20 = 10 kW.

All five streams pooled:

    165-145   H1              +1.0     +20       +20       55
    145-75    H1, C1          -0.5     -35       -15       20
    75-65     H1, H2, C1, C2  -1.0     -10       -25       10
    65-45     H2, C2          -0.5     -10       -35       0   (pinch at 45 °C)
    45-35     H2, C2, H3      +0.5      +5       -30       5
    35-25     H2, H3          +3.0     +30         0       35
    25-15     H3              +1.0     +10       +10       45

    hot utility 35 kW, cold utility 45 kW, pinch 45 °C shifted, heat recovery 230 − 45 = 185 kW.

Between the plants: hot utility 15 + 90 = 105 kW alone against 35 kW pooled, and cold utility
95 + 20 = 115 kW against 45 kW, so both savings are 70 kW.
"""

from __future__ import annotations

import base64
import html
import json
import math
from typing import Any

import numpy as np
import pandas as pd
import pytest

from conftest import minimal_tables
from ecoplan import Zone
from ecoplan.energy import scenario_results
from ecoplan.energy.emissions import water_demand
from ecoplan.energy.technologies import load_technologies
from ecoplan.examples import example_path
from ecoplan.io import read_zone
from ecoplan.plan import PlanResult, run_plan

TOLERANCE = 1e-9

PLANTS = [
    {"org_id": "A", "name": "Refinery", "name_zh": "炼油厂", "kind": "enterprise"},
    {"org_id": "B", "name": "Dairy", "name_zh": "乳品厂", "kind": "enterprise"},
]
STREAMS = [
    ("H1", "A", "hot", 170, 70, 1.0),
    ("C1", "A", "cold", 60, 140, 1.5),
    ("H2", "A", "hot", 80, 30, 2.0),
    ("C2", "B", "cold", 30, 70, 2.5),
    ("H3", "B", "hot", 50, 20, 1.0),
]
"""stream_id, plant, kind, supply and target temperature [°C], CP [kW/K]."""

EXPECTED_PLANTS = {
    # Hot and cold utility and heat recovery [kW], the pinch shifted, on hot and on cold
    # streams [°C], and the number of streams.
    "A": (15.0, 95.0, 105.0, 75.0, 80.0, 70.0, 3),
    "B": (90.0, 20.0, 10.0, 35.0, 40.0, 30.0, 2),
}
EXPECTED_POOLED = {
    "Minimum approach temperature": 10.0,
    "Minimum hot utility": 35.0,
    "Minimum cold utility": 45.0,
    "Heat recovery": 185.0,
    "Pinch (shifted)": 45.0,
    "Pinch on hot streams": 50.0,
    "Pinch on cold streams": 40.0,
}


def stream_rows(plants: set[str]) -> list[dict[str, Any]]:
    return [
        {
            "stream_id": stream_id,
            "org_id": plant,
            "kind": kind,
            "supply_temperature": supply,
            "target_temperature": target,
            "heat_capacity_flowrate": cp,
            "cp_unit": "kW/K",
        }
        for stream_id, plant, kind, supply, target, cp in STREAMS
        if plant in plants
    ]


def two_plant_zone(plants: set[str]) -> Zone:
    tables = minimal_tables(organisations=PLANTS, heat_streams=stream_rows(plants))
    return Zone.from_tables(tables, source="test")


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> PlanResult:
    return run_plan(two_plant_zone({"A", "B"}), tmp_path_factory.mktemp("two_plants"))


@pytest.fixture(scope="module")
def dalian(tmp_path_factory: pytest.TempPathFactory) -> PlanResult:
    return run_plan(read_zone(example_path("dalian")), tmp_path_factory.mktemp("dalian"))


def rows(plan: PlanResult, section: str) -> list[dict[str, Any]]:
    assert plan.results[section]["available"], section
    return list(plan.results[section]["rows"])


def body(plan: PlanResult, locale: str) -> str:
    """Return the report body of ``locale``, from its <main> element, entities unescaped."""
    page = plan.report_path.read_text(encoding="utf-8")
    start = page.index(f'<main class="lang-body" data-lang="{locale}"')
    return html.unescape(page[start : page.index("</main>", start)])


def chart_data(plan: PlanResult) -> dict[str, dict[str, Any]]:
    page = plan.report_path.read_text(encoding="utf-8")
    start = page.index('<script type="application/json" id="chart-data">') + len(
        '<script type="application/json" id="chart-data">'
    )
    data: dict[str, dict[str, Any]] = json.loads(page[start : page.index("</script>", start)])
    return data


def trace_values(array: Any) -> np.ndarray:
    """Return a trace's x or y values, which Plotly writes as a list or as typed binary data."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
    return np.asarray(array, dtype=float)


def test_plant_targets_equal_hand_values(plan: PlanResult) -> None:
    by_plant = {row["org_id"]: row for row in rows(plan, "energy_pinch_plants")}
    assert sorted(by_plant) == ["A", "B"]
    for plant, expected in EXPECTED_PLANTS.items():
        row = by_plant[plant]
        hot, cold, recovery, pinch, pinch_hot, pinch_cold, streams = expected
        assert math.isclose(row["hot_utility"], hot, abs_tol=TOLERANCE), plant
        assert math.isclose(row["cold_utility"], cold, abs_tol=TOLERANCE), plant
        assert math.isclose(row["heat_recovery"], recovery, abs_tol=TOLERANCE), plant
        assert math.isclose(row["pinch"], pinch, abs_tol=TOLERANCE), plant
        assert math.isclose(row["pinch_hot"], pinch_hot, abs_tol=TOLERANCE), plant
        assert math.isclose(row["pinch_cold"], pinch_cold, abs_tol=TOLERANCE), plant
        assert row["pinches"] == 1, plant
        assert row["streams"] == streams, plant
        assert (row["unit"], row["temperature_unit"]) == ("kW", "°C")
    assert by_plant["B"]["name"] == {"en": "Dairy", "zh_CN": "乳品厂"}


def test_pooled_targets_equal_hand_values(plan: PlanResult) -> None:
    values = {row["quantity"]: row["value"] for row in rows(plan, "energy_pinch")}
    assert set(values) == set(EXPECTED_POOLED)
    for quantity, expected in EXPECTED_POOLED.items():
        assert math.isclose(values[quantity], expected, abs_tol=TOLERANCE), quantity


def test_saving_is_pooled_against_sum(plan: PlanResult) -> None:
    site = {row["utility"]: row for row in rows(plan, "energy_pinch_site")}
    plants = rows(plan, "energy_pinch_plants")
    pooled = {row["quantity"]: row["value"] for row in rows(plan, "energy_pinch")}
    for utility, alone, together in (("hot", 105.0, 35.0), ("cold", 115.0, 45.0)):
        row = site[utility]
        assert math.isclose(row["plants_alone"], alone, abs_tol=TOLERANCE), utility
        assert math.isclose(row["pooled"], together, abs_tol=TOLERANCE), utility
        assert math.isclose(row["saving"], 70.0, abs_tol=TOLERANCE), utility
        total = sum(plant[f"{utility}_utility"] for plant in plants)
        pooled_value = pooled[f"Minimum {utility} utility"]
        assert math.isclose(row["saving"], total - pooled_value, abs_tol=TOLERANCE), utility
        assert row["plants"] == 2


def test_one_plant_has_no_saving(tmp_path: Any) -> None:
    result = run_plan(two_plant_zone({"A"}), tmp_path)
    assert result.results["energy_pinch_plants"]["available"] is True
    site = result.results["energy_pinch_site"]
    assert site["available"] is False
    assert site["reason"]["en"].startswith("All heat streams of the zone belong to one plant")
    assert site["reason"]["zh_CN"].startswith("区域的全部热物流属于同一工厂")
    assert "energy_pinch_site" not in result.tables


def test_pinch_sections_in_both_languages(plan: PlanResult) -> None:
    english, chinese = body(plan, "en"), body(plan, "zh_CN")
    for heading in ("Each plant alone", "All plants pooled", "Between plants"):
        assert f"<h4>{heading}</h4>" in english, heading
    for heading in ("各厂单独", "全部工厂合并", "厂际换热"):
        assert f"<h4>{heading}</h4>" in chinese, heading
    english_table = english.split('<table class="pinch-plants">')[1].split("</table>")[0]
    chinese_table = chinese.split('<table class="pinch-plants">')[1].split("</table>")[0]
    assert "Refinery" in english_table
    assert "炼油厂" in chinese_table
    assert '<td class="num">80 / 70</td>' in english_table  # plant A's pinch, hot / cold
    assert "could save up to 70 kW of hot utility" in english
    assert "最多可节省 70 kW 热公用工程" in chinese


def test_plant_curves_drawn_per_locale(plan: PlanResult) -> None:
    charts = chart_data(plan)
    for plant in ("A", "B"):
        for kind in ("composite", "grand"):
            assert f"pinch-{kind}-{plant}" in charts["en"], (plant, kind)
            assert f'data-chart="pinch-{kind}-{plant}"' in body(plan, "zh_CN"), (plant, kind)
    names = [trace["name"] for trace in charts["zh_CN"]["pinch-composite-A"]["data"]]
    assert names == ["热组合曲线", "冷组合曲线"]
    hot = charts["en"]["pinch-composite-A"]["data"][0]
    assert trace_values(hot["x"]).max() == pytest.approx(200.0, abs=TOLERANCE)  # H1 + H2


def test_dalian_pinch_figures(dalian: PlanResult) -> None:
    # Worked by hand in tests/test_examples.py. The power plant needs 72,000 kW of hot
    # utility, and pooling lets the 400 kW that the manufacturers reject warm its air.
    plants = {row["org_id"]: row for row in rows(dalian, "energy_pinch_plants")}
    assert plants["ddz_power"]["hot_utility"] == pytest.approx(72_000.0, abs=1e-6)
    assert plants["ddz_industry"]["cold_utility"] == pytest.approx(400.0, abs=1e-6)
    assert plants["ddz_power"]["pinch"] is None
    site = {row["utility"]: row["saving"] for row in rows(dalian, "energy_pinch_site")}
    assert site == pytest.approx({"hot": 400.0, "cold": 400.0}, abs=1e-6)


def test_water_equals_worksheet(dalian: PlanResult) -> None:
    zone = read_zone(example_path("dalian"))
    results = scenario_results(zone)
    expected = pd.concat([water_demand(result) for result in results], ignore_index=True)
    table = pd.DataFrame(rows(dalian, "energy_water"))
    assert list(table["scenario"]) == list(expected["scenario"])
    assert list(table["year"]) == list(expected["year"])
    assert (table["withdrawal"].to_numpy() == expected["withdrawal"].to_numpy()).all()
    assert (table["consumption"].to_numpy() == expected["consumption"].to_numpy()).all()
    assert set(table["unit"]) == {"m³/a"}

    # The base year again from supply [MWh/a] times each technology's water use [m³/MWh].
    factors = load_technologies(zone, 2003)
    for result in results:
        base = result.table[result.table["year"] == 2003].set_index("technology")
        reported = table[(table["scenario"] == result.scenario) & (table["year"] == 2003)]
        for column, factor in (
            ("withdrawal", "water_withdrawal"),
            ("consumption", "water_consumption"),
        ):
            by_hand = (base["supply"] * factors.loc[base.index, factor]).sum()
            assert reported[column].iloc[0] == pytest.approx(by_hand, rel=1e-12), column
            assert by_hand > 0, column


def test_water_section_in_both_languages(dalian: PlanResult) -> None:
    count = len(rows(dalian, "energy_water"))
    english, chinese = body(dalian, "en"), body(dalian, "zh_CN")
    assert "<h3>Water demand of the energy system</h3>" in english
    assert "<h3>能源系统用水需求</h3>" in chinese
    assert "the energy system's demand on the zone's water balance" in english
    assert "能源系统对区域水平衡的需求" in chinese
    for text in (english, chinese):
        table = text.split('<table class="energy-water">')[1].split("</table>")[0]
        assert table.count("<tr><td>") == count
        assert 'data-chart="energy-water"' in text
    legend = [trace["name"] for trace in chart_data(dalian)["zh_CN"]["energy-water"]["data"]]
    assert "diversified：取水量" in legend


def test_leastcost_comparison_units_match_emissions(dalian: PlanResult) -> None:
    comparison = pd.DataFrame(rows(dalian, "energy_leastcost_comparison"))
    assert set(comparison["unit"]) == {"CNY/a"}
    assert set(comparison["emission_unit"]) == {"t/a"}
    header = dalian.tables["energy_leastcost_comparison"].read_text(encoding="utf-8-sig")
    assert header.splitlines()[0] == (
        "scenario,year,cost_worksheet,cost_least_cost,cost_difference,unit,co2_difference,"
        "so2_difference,nox_difference,pm_difference,hg_difference,emission_unit"
    )

    emissions = pd.DataFrame(rows(dalian, "energy_emissions"))
    assert set(emissions["unit"]) == {"t/a"}
    worksheet = emissions.pivot_table(
        index=["scenario", "year"], columns="pollutant", values="emission"
    )
    comparison = comparison.set_index(["scenario", "year"])
    pollutants = ["co2", "so2", "nox", "pm", "hg"]

    # The least-cost emissions are never negative, so no difference exceeds the worksheet's.
    for pollutant in pollutants:
        difference = comparison[f"{pollutant}_difference"]
        assert (difference <= worksheet.loc[difference.index, pollutant] * (1 + 1e-9)).all()

    # Where the least-cost portfolio is all wind it emits nothing, so each difference equals
    # the worksheet's emission in energy_emissions (2050 coal_as_usual SO2 is about 38,150 t).
    shares = pd.DataFrame(rows(dalian, "energy_leastcost_shares"))
    all_wind = shares[(shares["technology"] == "wind") & (shares["least_cost"] == 100.0)]
    keys = list(zip(all_wind["scenario"], all_wind["year"], strict=True))
    assert ("coal_as_usual", 2050) in keys
    for key in keys:
        for pollutant in pollutants:
            expected = worksheet.loc[key, pollutant]
            reported = comparison.loc[key, f"{pollutant}_difference"]
            assert reported == pytest.approx(expected, rel=1e-9), (key, pollutant)
    assert comparison.loc[("coal_as_usual", 2050), "so2_difference"] == pytest.approx(
        38_150, rel=1e-3
    )

"""Heat pinch targets against published textbook examples and hand-worked cases."""

from __future__ import annotations

import pandas as pd
import pytest

from ecoplan.energy.pinch import (
    StreamError,
    composite_curves_figure,
    grand_composite_figure,
    pinch_summary,
    problem_table,
)
from ecoplan.energy.pinch_network import site_targets
from ecoplan.i18n import use_locale

TOLERANCE = 1e-9


def streams(*rows: tuple[str, float, float, float]) -> pd.DataFrame:
    table = pd.DataFrame(
        rows,
        columns=["stream", "supply_temperature", "target_temperature", "heat_capacity_flowrate"],
    )
    return table.set_index("stream")


# Kemp, Pinch Analysis and Process Integration, 2nd ed. (2007), the four-stream example of
# chapter 2 (from Linnhoff et al., User Guide on Process Integration, 1982), ΔTmin 10 K.
KEMP = streams(
    ("cold 1", 20, 135, 2.0),
    ("hot 2", 170, 60, 3.0),
    ("cold 3", 80, 140, 4.0),
    ("hot 4", 150, 30, 1.5),
)

# Four reactor streams (CP in MW/K, ΔTmin 10 K), the example Smith uses in Chemical Process
# Design and Integration (Wiley, 2005). The targets below are worked by hand with the problem
# table, shifting hot streams down and cold streams up by 5 K:
#   interval [°C]   hot CP  cold CP   surplus [MW]   cascade from 0
#   245-235          0.15    0         +1.5           1.5
#   235-195          0.15    0.30      -6.0          -4.5
#   195-185          0.40    0.30      +1.0          -3.5
#   185-145          0.40    0.50      -4.0          -7.5  (most negative: pinch at 145 shifted)
#   145-75           0.40    0.20     +14.0           6.5
#   75-35            0.15    0.20      -2.0           4.5
#   35-25            0       0.20      -2.0           2.5
# so QHmin = 7.5 MW, QCmin = 2.5 + 7.5 = 10.0 MW, pinch 150 °C hot and 140 °C cold.
SMITH = streams(
    ("reactor 1 feed", 20, 180, 0.20),
    ("reactor 1 product", 250, 40, 0.15),
    ("reactor 2 feed", 140, 230, 0.30),
    ("reactor 2 product", 200, 80, 0.25),
)


def test_kemp_utility_targets() -> None:
    targets = problem_table(KEMP, dt_min=10)

    assert targets.hot_utility == pytest.approx(20.0, abs=TOLERANCE)
    assert targets.cold_utility == pytest.approx(60.0, abs=TOLERANCE)
    assert targets.heat_recovery == pytest.approx(450.0, abs=TOLERANCE)


def test_kemp_pinch_temperatures() -> None:
    targets = problem_table(KEMP, dt_min=10)

    assert targets.pinch_temperatures == pytest.approx((85.0,), abs=TOLERANCE)
    assert targets.hot_pinch_temperatures == pytest.approx((90.0,), abs=TOLERANCE)
    assert targets.cold_pinch_temperatures == pytest.approx((80.0,), abs=TOLERANCE)
    assert not targets.threshold


def test_kemp_problem_table_intervals() -> None:
    # Shifted boundaries 165, 145, 140, 85, 55, 25 °C; net CP hot minus cold per interval.
    table = problem_table(KEMP, dt_min=10).problem_table

    assert table["upper"].tolist() == [165, 145, 140, 85, 55]
    assert table["net_cp"].tolist() == pytest.approx([3.0, 0.5, -1.5, 2.5, -0.5])
    assert table["surplus"].tolist() == pytest.approx([60.0, 2.5, -82.5, 75.0, -15.0])
    assert table["heat_out"].tolist() == pytest.approx([80.0, 82.5, 0.0, 75.0, 60.0])


def test_smith_utility_targets() -> None:
    targets = problem_table(SMITH, dt_min=10)

    assert targets.hot_utility == pytest.approx(7.5, abs=TOLERANCE)
    assert targets.cold_utility == pytest.approx(10.0, abs=TOLERANCE)
    assert targets.hot_pinch_temperatures == pytest.approx((150.0,), abs=TOLERANCE)
    assert targets.cold_pinch_temperatures == pytest.approx((140.0,), abs=TOLERANCE)


@pytest.mark.parametrize("case", [KEMP, SMITH], ids=["kemp", "smith"])
def test_grand_composite_ends_are_utilities(case: pd.DataFrame) -> None:
    targets = problem_table(case, dt_min=10)
    curve = targets.grand_composite

    assert curve["heat_flow"].iloc[0] == pytest.approx(targets.hot_utility, abs=TOLERANCE)
    assert curve["heat_flow"].iloc[-1] == pytest.approx(targets.cold_utility, abs=TOLERANCE)
    assert curve["heat_flow"].min() == pytest.approx(0.0, abs=TOLERANCE)


def test_kemp_composite_curves() -> None:
    targets = problem_table(KEMP, dt_min=10)
    hot = targets.hot_composite
    cold = targets.cold_composite

    # Hot: 30-60 °C CP 1.5, 60-150 °C CP 4.5, 150-170 °C CP 3.0.
    assert hot["temperature"].tolist() == [30, 60, 150, 170]
    assert hot["enthalpy"].tolist() == pytest.approx([0, 45, 450, 510])
    # Cold starts at the cold utility: 20-80 °C CP 2, 80-135 °C CP 6, 135-140 °C CP 4.
    assert cold["temperature"].tolist() == [20, 80, 135, 140]
    assert cold["enthalpy"].tolist() == pytest.approx([60, 180, 510, 530])


def test_threshold_without_cold_utility() -> None:
    # Worked by hand, ΔTmin 10 K: shifted hot 145→45 °C CP 1, cold 45→205 °C CP 1.2.
    # Intervals 205-145: -72 kW, 145-45: -20 kW; so QH = 92 kW, QC = 0, no interior pinch.
    case = streams(("hot", 150, 50, 1.0), ("cold", 40, 200, 1.2))
    targets = problem_table(case, dt_min=10)

    assert targets.hot_utility == pytest.approx(92.0, abs=TOLERANCE)
    assert targets.cold_utility == pytest.approx(0.0, abs=TOLERANCE)
    assert targets.heat_recovery == pytest.approx(100.0, abs=TOLERANCE)
    assert targets.pinch_temperatures == ()
    assert targets.threshold


def test_threshold_without_hot_utility() -> None:
    # Worked by hand, ΔTmin 10 K: shifted hot 195→95 °C CP 1, cold 55→105 °C CP 1.
    # Intervals 195-105: +90 kW, 105-95: 0, 95-55: -40 kW; QH = 0, QC = 50 kW.
    case = streams(("hot", 200, 100, 1.0), ("cold", 50, 100, 1.0))
    targets = problem_table(case, dt_min=10)

    assert targets.hot_utility == pytest.approx(0.0, abs=TOLERANCE)
    assert targets.cold_utility == pytest.approx(50.0, abs=TOLERANCE)
    assert targets.pinch_temperatures == ()


def test_invalid_streams_rejected() -> None:
    with pytest.raises(StreamError, match="heat-capacity flowrate"):
        problem_table(streams(("hot", 150, 50, 0.0)), dt_min=10)
    with pytest.raises(StreamError, match="missing"):
        problem_table(streams(("hot", 150, float("nan"), 1.0)), dt_min=10)
    with pytest.raises(StreamError, match="equal supply and target"):
        problem_table(streams(("hot", 150, 150, 1.0)), dt_min=10)
    with pytest.raises(StreamError, match="ΔT_min"):
        problem_table(KEMP, dt_min=-1)


# Two plants worked by hand, ΔTmin 10 K: plant A has only a hot stream 200→100 °C CP 1 kW/K,
# plant B only a cold stream 50→150 °C CP 1 kW/K. Alone, A needs 100 kW of cooling and B
# 100 kW of heating. Pooled, the hot stream heats the cold one fully: no utility at all.
PLANT_A = streams(("A hot", 200, 100, 1.0))
PLANT_B = streams(("B cold", 50, 150, 1.0))


def test_site_separate_and_pooled() -> None:
    site = site_targets({"A": PLANT_A, "B": PLANT_B}, 10, loop_temperature=150, loop_approach=10)

    assert site.separate_hot_utility == pytest.approx(100.0)
    assert site.separate_cold_utility == pytest.approx(100.0)
    assert site.pooled.hot_utility == pytest.approx(0.0, abs=TOLERANCE)
    assert site.pooled.cold_utility == pytest.approx(0.0, abs=TOLERANCE)
    assert site.pooled_saving == pytest.approx(100.0)


def test_site_loop_heat() -> None:
    # Steam at 150 °C, approach 10 K: A raises steam from 200→160 °C (40 kW); B can take
    # steam into 50→140 °C (90 kW). The loop carries min(40, 90) = 40 kW.
    site = site_targets({"A": PLANT_A, "B": PLANT_B}, 10, loop_temperature=150, loop_approach=10)

    assert site.plants.loc["A", "loop_export"] == pytest.approx(40.0)
    assert site.plants.loc["B", "loop_import"] == pytest.approx(90.0)
    assert site.loop_heat == pytest.approx(40.0)
    assert site.loop_hot_utility == pytest.approx(60.0)
    assert site.loop_cold_utility == pytest.approx(60.0)


def test_site_loop_at_lower_temperature() -> None:
    # Hot water at 120 °C: A gives 200→130 °C (70 kW), B takes 50→110 °C (60 kW): 60 kW.
    site = site_targets({"A": PLANT_A, "B": PLANT_B}, 10, loop_temperature=120, loop_approach=10)

    assert site.loop_heat == pytest.approx(60.0)


def test_site_pooled_bounds_loop() -> None:
    site = site_targets({"kemp": KEMP, "A": PLANT_A, "B": PLANT_B}, 10, 120, 10)

    assert site.pooled.hot_utility <= site.loop_hot_utility + TOLERANCE
    assert site.loop_hot_utility <= site.separate_hot_utility + TOLERANCE
    # Kemp's plant: below its 85 °C shifted pinch the cascade carries 75 kW at 55 °C, but
    # the loop level 125 °C shifted lies above the pinch, so Kemp's plant exports nothing.
    assert site.plants.loc["kemp", "loop_export"] == pytest.approx(0.0, abs=TOLERANCE)


def test_site_rejects_small_loop_approach() -> None:
    with pytest.raises(StreamError, match="loop approach"):
        site_targets({"A": PLANT_A}, 10, loop_temperature=150, loop_approach=4)


def test_pinch_summary_rows() -> None:
    table = pinch_summary(problem_table(KEMP, dt_min=10))
    values = dict(zip(table["quantity"], table["value"], strict=True))

    assert values["Minimum hot utility"] == pytest.approx(20.0)
    assert values["Minimum cold utility"] == pytest.approx(60.0)
    assert values["Pinch on hot streams"] == pytest.approx(90.0)


def test_figures_in_chinese() -> None:
    targets = problem_table(KEMP, dt_min=10)
    with use_locale("zh_CN"):
        composite = composite_curves_figure(targets)
        grand = grand_composite_figure(targets)

    assert composite.layout.yaxis.title.text == "温度 [°C]"
    assert [trace.name for trace in composite.data] == ["热组合曲线", "冷组合曲线"]
    assert grand.data[0].x[0] == pytest.approx(20.0)
    assert grand.data[0].x[-1] == pytest.approx(60.0)

"""Numbers and long tables in the HTML report: precision, signs, and the row limit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from ecoplan import Zone
from ecoplan.plan import run_plan
from ecoplan.report.charts import durable_charts, round_axis, year_step
from ecoplan.report.render import ROW_LIMIT, format_number, format_share
from ecoplan.report.sections import Section

NUMBERS = [
    # value, shown by default, with 0 decimals, with 1 decimal
    (26_666.666_666_7, "26,667", "26,667", "26,666.7"),
    (44_526_512.728, "44,526,513", "44,526,513", "44,526,512.7"),
    (999.96, "1,000", "1,000", "1,000.0"),
    (123.456, "123.5", "123", "123.5"),
    (3.141_59, "3.142", "3", "3.1"),
    (0.012_345_6, "0.01235", "0", "0.0"),
    (2.5, "2.5", "2", "2.5"),  # half to even, as Babel rounds
    (-1_234.56, "-1,235", "-1,235", "-1,234.6"),
    (-0.000_01, "-0.00001", "0", "0.0"),  # no "-0"
    (7, "7", "7", "7.0"),
    (100_000, "100,000", "100,000", "100,000.0"),
    (0.0, "0", "0", "0.0"),
    (None, "—", "—", "—"),
    (float("nan"), "—", "—", "—"),
]


@pytest.mark.parametrize(("value", "shown", "whole", "tenths"), NUMBERS)
@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_number_precision(
    value: float | None, shown: str, whole: str, tenths: str, locale: str
) -> None:
    # Both locales group with "," and mark decimals with "." (CLDR).
    assert format_number(value, locale) == shown
    assert format_number(value, locale, decimals=0) == whole
    assert format_number(value, locale, decimals=1) == tenths


def test_text_passes_through() -> None:
    assert format_number("cement", "en") == "cement"
    assert format_number(True, "en") == "True"


@pytest.mark.parametrize(
    ("share", "shown"),
    [(0.1234, "12.3%"), (1.0, "100.0%"), (-0.000_01, "0.0%"), (2.5, "250.0%"), (None, "—")],
)
def test_share_one_decimal(share: float | None, shown: str) -> None:
    assert format_share(share, "en") == shown
    assert format_share(share, "zh_CN") == shown


def many_nodes(count: int) -> dict[str, list[dict[str, object]]]:
    """Return nodes and flows of ``count`` plants, each with 1,000 MWh of coal and no output."""
    nodes: list[dict[str, object]] = [{"node_id": "import", "name": "Imports", "kind": "import"}]
    flows: list[dict[str, object]] = []
    for number in range(count):
        node = f"p{number:04d}"
        nodes.append({"node_id": node, "name": f"Plant {number}", "kind": "process"})
        flows.append(
            {
                "flow_id": f"f{number:04d}",
                "from_node": "import",
                "to_node": node,
                "resource_id": "coal",
                "year": 2020,
                "amount": 1000 + number / 3,
                "unit": "MWh",
            }
        )
    return {"nodes": nodes, "flows": flows}


def test_long_table_shows_limit_and_link(make_zone: Callable[..., Zone], tmp_path: Path) -> None:
    count = ROW_LIMIT + 100
    plan = run_plan(make_zone(**many_nodes(count)), tmp_path)

    # Every balance is in results.json and the CSV table, at full precision.
    assert len(plan.results["balances"]["rows"]) == count
    table = pd.read_csv(plan.tables["balances"])
    assert len(table) == count
    assert table["inputs"].max() == pytest.approx(1000 + (count - 1) / 3, rel=1e-12)

    page = plan.report_path.read_text(encoding="utf-8")
    english = page.split('<table class="balances">')[1].split("</table>")[0]
    assert english.count("<tr class=") == ROW_LIMIT
    assert "The table shows the first 500 of 600 rows. All rows:" in page
    assert '<a href="tables/balances.csv">tables/balances.csv</a>' in page
    assert "本表仅列出 600 行中的前 500 行。全部数据见：" in page
    # The first 500 plants are shown: the last, p0499, takes 1,000 + 499/3 MWh, shown to a
    # whole MWh; p0500 (1,166.67 MWh) is left out.
    assert '<td class="num">1,166</td>' in english
    assert "p0499" in english
    assert "p0500" not in english
    assert "1,166.3333" not in page


ROUND_AXES = [
    # maximum, axis top, step: the step is 1, 2, 2.5 or 5 × 10^k, the smallest that covers the
    # maximum in five steps.
    (20.8e6, 25e6, 5e6),  # the Dalian buildings stock: 20.8 Mt / 5 = 4.16 Mt, so 5 Mt steps
    (100.0, 100.0, 20.0),
    (7.0, 10.0, 2.0),
    (0.0, 1.0, 0.2),  # an empty series still gets an axis
]


@pytest.mark.parametrize(("maximum", "top", "step"), ROUND_AXES)
def test_round_axis_steps(maximum: float, top: float, step: float) -> None:
    axis = round_axis(maximum)

    assert axis["range"][1] == pytest.approx(top)
    assert axis["dtick"] == pytest.approx(step)
    assert axis["tick0"] == 0


def test_round_axis_two_million() -> None:
    # 2 Mt / 5 = 0.4 Mt, so steps of 0.5 Mt up to 2.5 Mt.
    axis = round_axis(2.0e6)

    assert axis["dtick"] == pytest.approx(0.5e6)
    assert axis["range"] == pytest.approx([0, 2.5e6])


@pytest.mark.parametrize(("count", "step"), [(5, 1), (11, 2), (21, 5), (66, 10), (200, 20)])
def test_year_step_at_most_ten_ticks(count: int, step: int) -> None:
    assert year_step(count) == step


def durable_section(last_data_year: int, horizon: int) -> Section:
    """Return a durables section: inflow 1 Mt a year up to ``last_data_year``, then none."""
    rows = [
        {
            "durable_id": "buildings",
            "name": "Buildings",
            "year": year,
            "inflow": 1e6 if year <= last_data_year else 0.0,
            "outflow": 0.0,
            "stock": 1e6 * (min(year, last_data_year) - 1983),
            "unit": "t",
            "driver": "inflow",
            "last_data_year": last_data_year,
            "projected": year > last_data_year,
        }
        for year in range(1985, horizon + 1)
    ]
    return Section(rows=rows)


def test_durable_chart_round_ticks_and_projection_line() -> None:
    (chart,) = durable_charts(durable_section(2003, 2050))

    for locale, label in (("en", "Projection →"), ("zh_CN", "预测 →")):
        layout = chart.figure[locale]["layout"]
        # Stock up to 20 Mt: five steps of 5 Mt; flows up to 1 Mt: five steps of 0.2 Mt.
        assert layout["yaxis2"]["range"] == [0, 25e6]
        assert layout["yaxis2"]["dtick"] == 5e6
        assert layout["yaxis"]["dtick"] == pytest.approx(0.2e6)
        assert layout["xaxis"]["dtick"] == 10
        (line,) = layout["shapes"]
        assert line["x0"] == 2003.5
        assert [note["text"] for note in layout["annotations"]] == [label]


def test_durable_chart_without_projection_has_no_line() -> None:
    (chart,) = durable_charts(durable_section(2003, 2003))

    assert "shapes" not in chart.figure["en"]["layout"]


def test_one_sided_balances_explained(make_zone: Callable[..., Zone], tmp_path: Path) -> None:
    # Two plants take in coal and give out nothing recorded: both energy balances lack outputs.
    plan = run_plan(make_zone(**many_nodes(2)), tmp_path)

    page = plan.report_path.read_text(encoding="utf-8")
    assert "2 of 2 balances were not checked because the node has flows on one side only" in page
    assert "2 项平衡中有 2 项未核查" in page
    assert page.count("<td>Not checked: no outputs recorded in energy</td>") == 2
    assert page.count("<td>未核查：未记录能量输出</td>") == 2
    assert "0 of 2 balances have a residual above the tolerance" in page

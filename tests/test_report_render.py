"""Numbers and long tables in the HTML report: precision, signs, and the row limit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from ecoplan import Zone
from ecoplan.plan import run_plan
from ecoplan.report.render import ROW_LIMIT, format_number, format_share

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

"""Money in the plan report: 元 in the Chinese view, large yuan in 万元 or 亿元, CNY in English.

results.json and the CSV tables keep amounts in yuan; only the page and its charts rescale.
"""

from __future__ import annotations

import base64
import html
import json
import re
from typing import Any

import numpy as np
import pytest

from ecoplan.examples import example_path
from ecoplan.io import read_zone
from ecoplan.plan import PlanResult, run_plan
from ecoplan.report.money import format_money, money_scale, money_unit


@pytest.mark.parametrize(
    ("unit", "locale", "shown"),
    [
        ("CNY/t", "zh_CN", "元/t"),
        ("CNY/a", "zh_CN", "元/a"),
        ("CNY", "zh_CN", "元"),
        ("CNY/t", "en", "CNY/t"),
        ("EUR/t", "zh_CN", "EUR/t"),
        ("万元/a", "zh_CN", "万元/a"),
        ("t/a", "zh_CN", "t/a"),
    ],
)
def test_money_unit_per_locale(unit: str, locale: str, shown: str) -> None:
    assert money_unit(unit, locale) == shown


@pytest.mark.parametrize(
    ("amounts", "unit", "locale", "divisor", "shown"),
    [
        ([15_043_529_861], "CNY", "zh_CN", 1e8, "亿元"),
        ([100_000_000], "CNY/a", "zh_CN", 1e8, "亿元/a"),
        ([99_999_999], "CNY/a", "zh_CN", 1e4, "万元/a"),
        ([10_000, -47_428_798], "CNY/a", "zh_CN", 1e4, "万元/a"),
        ([9_999.5, None, float("nan")], "CNY/a", "zh_CN", 1, "元/a"),
        ([150_000], "CNY/t", "zh_CN", 1, "元/t"),
        ([15_043_529_861], "CNY", "en", 1, "CNY"),
        ([15_043_529_861], "EUR", "zh_CN", 1, "EUR"),
    ],
)
def test_money_scale_cases(
    amounts: list[float | None], unit: str, locale: str, divisor: float, shown: str
) -> None:
    scale = money_scale(amounts, unit, locale)
    assert scale.divisor == divisor
    assert scale.unit == shown


def test_format_money_both_locales() -> None:
    # 47,428,798 / 10⁴ = 4,742.88, shown to four significant figures.
    assert str(format_money(47_428_798, "CNY/a", 0, locale="zh_CN")) == (
        '4,743 <span class="muted">万元/a</span>'
    )
    assert str(format_money(47_428_798, "CNY/a", 0, locale="en")) == (
        '47,428,798 <span class="muted">CNY/a</span>'
    )
    assert str(format_money(16.4649, "CNY/t", locale="zh_CN")) == (
        '16.46 <span class="muted">元/t</span>'
    )
    assert str(format_money(None, "CNY/a", locale="zh_CN")) == '— <span class="muted">元/a</span>'


@pytest.fixture(scope="module")
def dalian(tmp_path_factory: pytest.TempPathFactory) -> PlanResult:
    return run_plan(read_zone(example_path("dalian")), tmp_path_factory.mktemp("money"))


def body(plan: PlanResult, locale: str) -> str:
    page = plan.report_path.read_text(encoding="utf-8")
    start = page.index(f'<main class="lang-body" data-lang="{locale}"')
    return page[start : page.index("</main>", start)]


def table_cells(text: str, css_class: str) -> list[list[str]]:
    """Return the body rows of the table of ``css_class`` as cell texts, tags removed."""
    table = text.split(f'<table class="{css_class}">')[1].split("</table>")[0]
    rows = table.split("<tbody>")[1].split("<tr")[1:]
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.DOTALL) for row in rows]
    return [
        [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", cell)).split()) for cell in row]
        for row in cells
    ]


def rows(plan: PlanResult, section: str) -> list[dict[str, Any]]:
    assert plan.results[section]["available"], section
    return list(plan.results[section]["rows"])


def chart(plan: PlanResult, locale: str, key: str) -> dict[str, Any]:
    page = plan.report_path.read_text(encoding="utf-8")
    marker = '<script type="application/json" id="chart-data">'
    start = page.index(marker) + len(marker)
    figure: dict[str, Any] = json.loads(page[start : page.index("</script>", start)])[locale][key]
    return figure


def trace_values(array: Any) -> np.ndarray:
    """Return a trace's values, which Plotly writes as a list or as typed binary data."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
    return np.asarray(array, dtype=float)


def test_energy_cost_table_matches_chart(dalian: PlanResult) -> None:
    costs = rows(dalian, "energy_cost")
    assert all(row["unit"] == "CNY" and row["full_cost"] >= 1e11 for row in costs)

    chinese = table_cells(body(dalian, "zh_CN"), "energy-cost")
    english = table_cells(body(dalian, "en"), "energy-cost")
    for row, zh, en in zip(costs, chinese, english, strict=True):
        # Above 10¹¹ 元 every amount has four or more digits in 亿元, so none shows decimals.
        amounts = [row[column] for column in ("private_cost", "external_cost", "full_cost")]
        assert zh[1:4] == [f"{amount / 1e8:,.0f}" for amount in amounts]
        assert zh[4].startswith("亿元，")
        assert en[1:4] == [f"{amount:,.0f}" for amount in amounts]
        assert en[4].startswith("CNY, ")

    for locale, divisor, unit in (("zh_CN", 1e8, "[亿元]"), ("en", 1e9, "[10⁹ CNY]")):
        figure = chart(dalian, locale, "energy-cost")
        assert figure["layout"]["yaxis"]["title"]["text"].endswith(unit)
        private = figure["data"][0]
        assert trace_values(private["y"]) == pytest.approx(
            [row["private_cost"] / divisor for row in costs]
        )


def test_chinese_money_in_yuan(dalian: PlanResult) -> None:
    chinese = body(dalian, "zh_CN")
    for css_class in ("exchanges", "hubs", "hub-routes", "energy-cost", "leastcost-comparison"):
        text = " ".join(" ".join(row) for row in table_cells(chinese, css_class))
        assert "CNY" not in text, css_class
        assert "元" in text, css_class

    saving = next(row for row in rows(dalian, "exchange_totals") if row["measure"] == "saving")
    assert saving["unit"] == "CNY/a"
    card = f'<span class="card-value">{saving["value"] / 1e4:,.0f}</span>'
    assert f'{card}<span class="card-note">万元/a</span>' in chinese


def test_hub_route_costs_show_unit(dalian: PlanResult) -> None:
    routes = rows(dalian, "exchange_hub_routes")
    for locale, unit in (("zh_CN", "元/t"), ("en", "CNY/t")):
        cells = table_cells(body(dalian, locale), "hub-routes")
        for row, shown in zip(routes, cells, strict=True):
            assert shown[6] == f"{row['direct_cost']:.4g} {unit}", shown
            assert shown[7] == f"{row['route_cost']:.4g} {unit}", shown


def test_exchange_indicator_unit_translated(dalian: PlanResult) -> None:
    change = rows(dalian, "exchange_indicators")
    service = [row for row in change if row["unit"] == "t/service unit"]
    assert service, "Dalian has no indicator per service unit"

    for locale, unit in (("zh_CN", "t/服务单位"), ("en", "t/service unit")):
        cells = table_cells(body(dalian, locale), "indicator-change")
        units = [shown[5] for shown in cells]
        assert units.count(unit) == len(service), units
        assert all(row["unit_text"][locale] == unit for row in service)

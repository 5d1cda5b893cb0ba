"""The hub_sites table: units converted by hand, and every invalid row named to the cell."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from ecoplan import Zone
from ecoplan.errors import InputError, Problem
from ecoplan.i18n import use_locale
from ecoplan.io import read_zone, write_zone
from ecoplan.model import schema

SITES = [
    {"site_id": "s1", "name": "North", "longitude": 121.6, "latitude": 38.9},
    {"site_id": "s2", "name": "South", "longitude": 121.7, "latitude": 38.8},
    {"site_id": "unsurveyed", "name": "Not surveyed"},
]


def hub(**values: Any) -> dict[str, Any]:
    """Return a valid hub row (1,000 t/a, 500 元/a, 20 元/t at s1) with ``values`` changed."""
    row = {
        "site_id": "s1",
        "fixed_cost": 500.0,
        "capacity": 1000.0,
        "capacity_unit": "t/a",
        "unit_cost": 20.0,
    }
    return {**row, **values}


def problems(make_zone: Callable[..., Zone], *rows: dict[str, Any]) -> list[Problem]:
    with pytest.raises(InputError) as raised:
        make_zone(sites=SITES, hub_sites=list(rows))
    return raised.value.problems


def only_problem(make_zone: Callable[..., Zone], row: dict[str, Any]) -> Problem:
    found = problems(make_zone, row)
    assert len(found) == 1, [problem.describe() for problem in found]
    return found[0]


def test_units_converted_by_hand(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone(
        sites=SITES,
        hub_sites=[
            hub(
                fixed_cost=150,
                fixed_cost_unit="万元/年",
                capacity=10,
                capacity_unit="万吨/年",
                unit_cost=0.002,
                cost_unit="万元/t",
                min_quantity=2,
            ),
            hub(
                site_id="s2",
                fixed_cost=3.5,
                fixed_cost_unit="万元/a",
                capacity=250,
                capacity_unit="kt",
            ),
        ],
    )

    first, second = zone.hub_sites.to_dict("records")
    # 150 万元/年 = 1,500,000 元/a; 10 万吨/年 = 100,000 t/a; 0.002 万元/t = 20 元/t.
    assert first["fixed_cost_per_year"] == pytest.approx(1_500_000.0, rel=1e-12)
    assert first["capacity_t"] == pytest.approx(100_000.0, rel=1e-12)
    assert first["min_quantity_t"] == pytest.approx(20_000.0, rel=1e-12)
    assert first["unit_cost_per_t"] == pytest.approx(20.0, rel=1e-12)
    # Blank cost units are the zone's currency.
    assert second["fixed_cost_per_year"] == pytest.approx(35_000.0, rel=1e-12)
    assert second["capacity_t"] == pytest.approx(250_000.0, rel=1e-12)
    assert second["unit_cost_per_t"] == 20.0
    assert math.isnan(second["min_quantity_t"])


def test_empty_table_has_derived_columns(make_zone: Callable[..., Zone]) -> None:
    hubs = make_zone().hub_sites

    assert len(hubs) == 0
    assert {"capacity_t", "fixed_cost_per_year", "unit_cost_per_t"} <= set(hubs.columns)


def test_site_without_coordinates(make_zone: Callable[..., Zone]) -> None:
    problem = only_problem(make_zone, hub(site_id="unsurveyed"))

    assert (problem.row, problem.column, problem.value) == (2, "site_id", "unsurveyed")
    assert "no coordinates" in problem.describe()
    assert "longitude and latitude in the sites table" in problem.describe()


def test_site_without_coordinates_in_chinese(make_zone: Callable[..., Zone]) -> None:
    problem = only_problem(make_zone, hub(site_id="unsurveyed"))

    with use_locale("zh_CN"):
        text = problem.describe()
    assert "没有坐标" in text
    assert "经度和纬度" in text


def test_unknown_site(make_zone: Callable[..., Zone]) -> None:
    problem = only_problem(make_zone, hub(site_id="s3"))

    assert (problem.column, problem.value) == ("site_id", "s3")
    assert "sites.site_id" in problem.describe()


def test_site_listed_twice(make_zone: Callable[..., Zone]) -> None:
    found = problems(make_zone, hub(), hub(unit_cost=30.0))

    assert len(found) == 1
    assert (found[0].row, found[0].column, found[0].value) == (3, "site_id", "s1")
    assert "already in row 2" in found[0].describe()


def test_zero_capacity(make_zone: Callable[..., Zone]) -> None:
    problem = only_problem(make_zone, hub(capacity=0))

    assert (problem.column, problem.value) == ("capacity", 0.0)
    assert "more than 0" in problem.describe()


@pytest.mark.parametrize("column", ["fixed_cost", "unit_cost", "capacity", "min_quantity"])
def test_negative_amount(make_zone: Callable[..., Zone], column: str) -> None:
    problem = only_problem(make_zone, hub(**{column: -1}))

    assert (problem.column, problem.value) == (column, -1)
    assert "Negative amount" in problem.describe()


def test_economic_quantity_above_capacity(make_zone: Callable[..., Zone]) -> None:
    problem = only_problem(make_zone, hub(min_quantity=1500))

    assert (problem.column, problem.value) == ("min_quantity", 1500.0)
    assert "1000.0" in problem.describe()


@pytest.mark.parametrize(
    ("column", "unit", "words"),
    [
        ("capacity_unit", "t/d", "convert it to t/a"),
        ("capacity_unit", "MWh", "does not measure mass"),
        ("fixed_cost_unit", "万元/d", "convert it to 元/a"),
        ("fixed_cost_unit", "EUR", "not an amount of CNY per year"),
        ("fixed_cost_unit", "EUR/a", "not an amount of CNY per year"),
        ("fixed_cost_unit", "万元", "write 万元/a"),
        ("cost_unit", "EUR/t", "not CNY per t"),
        ("cost_unit", "元", "not CNY per t"),
    ],
)
def test_unit_rejected(make_zone: Callable[..., Zone], column: str, unit: str, words: str) -> None:
    problem = only_problem(make_zone, hub(**{column: unit}))

    assert (problem.row, problem.column, problem.value) == (2, column, unit)
    assert words in problem.describe()


@pytest.mark.parametrize("column", ["site_id", "fixed_cost", "capacity", "capacity_unit"])
def test_required_cell_missing(make_zone: Callable[..., Zone], column: str) -> None:
    problem = only_problem(make_zone, hub(**{column: None}))

    assert (problem.column, problem.message) == (column, "Missing value.")


def test_workbook_sheet_with_chinese_headings(
    make_zone: Callable[..., Zone], tmp_path: Path
) -> None:
    path = write_zone(make_zone(sites=SITES), tmp_path / "zone.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book[schema.template_sheet_name("hub_sites")]
    headings = {"地块编号": "s2", "年固定成本": 80, "固定成本单位": "万元/a"}
    headings |= {
        "处理能力": 3,
        "处理能力单位": "万吨/年",
        "单位处理成本": 12,
        "处理成本单位": "元/t",
    }
    sheet.delete_rows(1, sheet.max_row)
    sheet.append(list(headings))
    sheet.append(list(headings.values()))
    book.save(path)

    hubs = read_zone(path).hub_sites

    assert hubs["site_id"].tolist() == ["s2"]
    assert hubs["fixed_cost_per_year"].tolist() == [pytest.approx(800_000.0, rel=1e-12)]
    assert hubs["capacity_t"].tolist() == [pytest.approx(30_000.0, rel=1e-12)]
    assert hubs["unit_cost_per_t"].tolist() == [12.0]


def test_fixed_cost_without_time_in_both_languages(make_zone: Callable[..., Zone]) -> None:
    problem = only_problem(make_zone, hub(fixed_cost=800, fixed_cost_unit="万元"))

    assert (problem.row, problem.column, problem.value) == (2, "fixed_cost_unit", "万元")
    assert "Annualise an investment first" in problem.describe()
    # The reason is worded when validation runs, so the Chinese run validates again.
    with use_locale("zh_CN"):
        text = only_problem(make_zone, hub(fixed_cost=800, fixed_cost_unit="万元")).describe()
    assert "请写成 万元/a" in text
    assert "投资须先年化" in text


def test_cost_unit_without_mass_suggests_yuan_per_tonne(make_zone: Callable[..., Zone]) -> None:
    problem = only_problem(make_zone, hub(cost_unit="元"))

    assert "write e.g. CNY/t" in problem.describe()
    with use_locale("zh_CN"):
        assert "请写成如 元/t" in only_problem(make_zone, hub(cost_unit="元")).describe()

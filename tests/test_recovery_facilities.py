"""The recovery facility tables: units converted by hand, every invalid row named to the cell."""

from __future__ import annotations

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
from ecoplan.model.rules_recovery import accepted_items

SITES = [
    {"site_id": "s1", "name": "North", "longitude": 121.6, "latitude": 38.9},
    {"site_id": "unsurveyed", "name": "Not surveyed"},
]


def facility(**values: Any) -> dict[str, Any]:
    """Return a valid facility row (1,000 t/a, 50 元/t at s1) with ``values`` changed."""
    row = {
        "facility_id": "mrf",
        "site_id": "s1",
        "capacity": 1000.0,
        "capacity_unit": "t/a",
        "cost": 50.0,
        "accepts": "200301",
    }
    return {**row, **values}


def output(**values: Any) -> dict[str, Any]:
    """Return a valid yield row (0.2 t/t of 191204 at 500 元/t) with ``values`` changed."""
    row = {"facility_id": "mrf", "code": "191204", "yield": 0.2, "price": 500.0}
    return {**row, **values}


def problems(
    make_zone: Callable[..., Zone],
    facilities: list[dict[str, Any]],
    yields: list[dict[str, Any]],
) -> list[Problem]:
    with pytest.raises(InputError) as raised:
        make_zone(sites=SITES, recovery_facilities=facilities, recovery_yields=yields)
    return raised.value.problems


def only_problem(
    make_zone: Callable[..., Zone],
    facilities: list[dict[str, Any]],
    yields: list[dict[str, Any]],
) -> Problem:
    found = problems(make_zone, facilities, yields)
    assert len(found) == 1, [problem.describe() for problem in found]
    return found[0]


def test_units_converted_by_hand(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone(
        sites=SITES,
        recovery_facilities=[
            facility(
                capacity=4.5,
                capacity_unit="万吨/年",
                cost=0.0055,
                cost_unit="万元/t",
                residue_cost=0.004,
            ),
            facility(facility_id="small", capacity=300, capacity_unit="t"),
        ],
        recovery_yields=[
            output(price=0.06, price_unit="万元/t"),
            output(code="191205", **{"yield": 0.05}, price=-20),
            output(facility_id="small"),
        ],
    )

    first, second = zone.recovery_facilities.to_dict("records")
    # 4.5 万吨/年 = 45,000 t/a; 0.0055 万元/t = 55 元/t; 0.004 万元/t = 40 元/t.
    assert first["capacity_t"] == pytest.approx(45_000.0, rel=1e-12)
    assert first["cost_per_t"] == pytest.approx(55.0, rel=1e-12)
    assert first["residue_cost_per_t"] == pytest.approx(40.0, rel=1e-12)
    # A mass without a time is per year, and a blank cost unit is the zone currency per t.
    # A blank residue cost is 0, because the cost then includes the residue.
    assert second["capacity_t"] == 300.0
    assert second["cost_per_t"] == 50.0
    assert second["residue_cost_per_t"] == 0.0
    # 0.06 万元/t = 600 元/t; a negative price stays negative.
    prices = zone.recovery_yields["price_per_t"].tolist()
    assert prices == [pytest.approx(600.0, rel=1e-12), -20.0, 500.0]


def test_empty_tables_have_derived_columns(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone()

    assert {"capacity_t", "cost_per_t", "residue_cost_per_t"} <= set(zone.recovery_facilities)
    assert "price_per_t" in zone.recovery_yields


def test_yields_above_one_name_facility_and_sum(make_zone: Callable[..., Zone]) -> None:
    yields = [
        output(**{"yield": 0.6}),
        output(code="191202", **{"yield": 0.3}),
        output(code="191205", **{"yield": 0.25}),
    ]

    problem = only_problem(make_zone, [facility()], yields)

    assert (problem.row, problem.column, problem.value) == (2, "yield", 1.15)
    text = problem.describe()
    assert "'mrf'" in text
    assert "sum to 1.15 t per t of input (rows 2, 3, 4)" in text
    assert "at most 1" in text


def test_yields_summing_to_one_accepted(make_zone: Callable[..., Zone]) -> None:
    yields = [output(**{"yield": 0.7}), output(code="191202", **{"yield": 0.3})]

    zone = make_zone(sites=SITES, recovery_facilities=[facility()], recovery_yields=yields)

    assert zone.recovery_yields["yield"].sum() == pytest.approx(1.0, abs=1e-12)


def test_yields_above_one_in_chinese(make_zone: Callable[..., Zone]) -> None:
    yields = [output(**{"yield": 0.8}), output(code="191202", **{"yield": 0.4})]

    problem = only_problem(make_zone, [facility()], yields)

    with use_locale("zh_CN"):
        text = problem.describe()
    assert "产出率合计为每吨进料 1.2 t" in text
    assert "合计不超过 1 的产出率" in text


def test_zero_capacity(make_zone: Callable[..., Zone]) -> None:
    problem = only_problem(make_zone, [facility(capacity=0)], [output()])

    assert (problem.row, problem.column, problem.value) == (2, "capacity", 0.0)
    assert "more than 0" in problem.describe()


def test_site_without_coordinates(make_zone: Callable[..., Zone]) -> None:
    problem = only_problem(make_zone, [facility(site_id="unsurveyed")], [output()])

    assert (problem.column, problem.value) == ("site_id", "unsurveyed")
    assert "no coordinates" in problem.describe()
    assert "longitude and latitude in the sites table" in problem.describe()


def test_unknown_facility_in_yields(make_zone: Callable[..., Zone]) -> None:
    problem = only_problem(make_zone, [facility()], [output(), output(facility_id="mrf2")])

    assert (problem.row, problem.column, problem.value) == (3, "facility_id", "mrf2")
    assert "recovery_facilities.facility_id" in problem.describe()
    assert "Did you mean 'mrf'?" in problem.describe()


def test_facility_without_yields(make_zone: Callable[..., Zone]) -> None:
    found = problems(make_zone, [facility(), facility(facility_id="idle")], [output()])

    assert len(found) == 1
    assert (found[0].row, found[0].column, found[0].value) == (3, "facility_id", "idle")
    assert "recovery_yields" in found[0].describe()


def test_output_listed_twice(make_zone: Callable[..., Zone]) -> None:
    problem = only_problem(make_zone, [facility()], [output(), output(price=450.0)])

    assert (problem.row, problem.column, problem.value) == (3, "code", "191204")
    assert "already in row 2" in problem.describe()


def test_accepts_without_items(make_zone: Callable[..., Zone]) -> None:
    problem = only_problem(make_zone, [facility(accepts="; ;")], [output()])

    assert (problem.column, problem.value) == ("accepts", "; ;")
    assert "200301; 200399" in problem.describe()


def test_negative_yield(make_zone: Callable[..., Zone]) -> None:
    problem = only_problem(make_zone, [facility()], [output(**{"yield": -0.1})])

    assert (problem.column, problem.value) == ("yield", -0.1)
    assert "Negative amount" in problem.describe()


@pytest.mark.parametrize(
    ("table", "column", "unit", "words"),
    [
        ("facilities", "capacity_unit", "t/d", "convert it to t/a"),
        ("facilities", "capacity_unit", "MWh", "does not measure mass"),
        ("facilities", "cost_unit", "EUR/t", "not CNY per t"),
        ("yields", "price_unit", "元", "not CNY per t"),
    ],
)
def test_unit_rejected(
    make_zone: Callable[..., Zone], table: str, column: str, unit: str, words: str
) -> None:
    facilities = [facility(**{column: unit})] if table == "facilities" else [facility()]
    yields = [output(**{column: unit})] if table == "yields" else [output()]

    problem = only_problem(make_zone, facilities, yields)

    assert (problem.row, problem.column, problem.value) == (2, column, unit)
    assert words in problem.describe()


@pytest.mark.parametrize("column", ["site_id", "capacity", "capacity_unit", "cost", "accepts"])
def test_required_facility_cell_missing(make_zone: Callable[..., Zone], column: str) -> None:
    problem = only_problem(make_zone, [facility(**{column: None})], [output()])

    assert (problem.column, problem.message) == (column, "Missing value.")


@pytest.mark.parametrize("column", ["code", "yield", "price"])
def test_required_yield_cell_missing(make_zone: Callable[..., Zone], column: str) -> None:
    problem = only_problem(make_zone, [facility()], [output(**{column: None})])

    assert (problem.column, problem.message) == (column, "Missing value.")


def test_workbook_sheets_with_chinese_headings(
    make_zone: Callable[..., Zone], tmp_path: Path
) -> None:
    path = write_zone(make_zone(sites=SITES), tmp_path / "zone.xlsx")
    book = openpyxl.load_workbook(path)
    rows = {
        "recovery_facilities": {
            "设施编号": "mrf",
            "地块编号": "s1",
            "处理能力": 3,
            "处理能力单位": "万吨/年",
            "分拣成本": 60,
            "成本单位": "元/t",
            "接收物料": "200301",
        },
        "recovery_yields": {"设施编号": "mrf", "产品代码": "191202", "产出率": 0.04, "价格": 800},
    }
    for table, headings in rows.items():
        sheet = book[schema.template_sheet_name(table)]
        sheet.delete_rows(1, sheet.max_row)
        sheet.append(list(headings))
        sheet.append(list(headings.values()))
    book.save(path)

    zone = read_zone(path)

    assert zone.recovery_facilities["capacity_t"].tolist() == [pytest.approx(30_000.0)]
    assert zone.recovery_yields["code"].tolist() == ["191202"]
    assert zone.recovery_yields["price_per_t"].tolist() == [800.0]


@pytest.mark.parametrize(
    "accepts",
    ["200301；200108", "200301，200108", "200301、200108", "20 03 01; 20-01-08", "200301,200108"],
)
def test_accepts_written_by_planners(make_zone: Callable[..., Zone], accepts: str) -> None:
    zone = make_zone(
        sites=SITES, recovery_facilities=[facility(accepts=accepts)], recovery_yields=[output()]
    )

    assert accepted_items(zone.recovery_facilities["accepts"].iloc[0]) == ["200301", "200108"]


def test_output_code_with_spaces_normalised(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone(
        sites=SITES, recovery_facilities=[facility()], recovery_yields=[output(code="19 12 04")]
    )

    assert zone.recovery_yields["code"].tolist() == ["191204"]


def test_accepts_category_typo_suggests_category(make_zone: Callable[..., Zone]) -> None:
    problem = only_problem(make_zone, [facility(accepts="200301; flyash")], [output()])

    assert (problem.row, problem.column, problem.value) == (2, "accepts", "flyash")
    assert "Did you mean 'fly_ash'?" in problem.describe()
    assert "200301" in problem.describe()
    with use_locale("zh_CN"):
        text = problem.describe()
    assert "是否应为 'fly_ash'" in text
    assert "资源类别" in text


def test_accepts_malformed_code(make_zone: Callable[..., Zone]) -> None:
    problem = only_problem(make_zone, [facility(accepts="191204x")], [output()])

    assert (problem.column, problem.value) == ("accepts", "191204x")
    assert "six digits" in problem.describe()
    with use_locale("zh_CN"):
        assert "6 位数字" in problem.describe()


def test_yield_typed_as_percentage_hint(make_zone: Callable[..., Zone]) -> None:
    yields = [output(**{"yield": 10}), output(code="191202", **{"yield": 0.05})]

    problem = only_problem(make_zone, [facility()], yields)

    assert "10 % is 0.1" in problem.describe()
    with use_locale("zh_CN"):
        assert "10 % 应填 0.1" in problem.describe()

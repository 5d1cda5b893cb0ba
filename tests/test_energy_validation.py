"""Portfolio shares that do not total 100 % per scenario and year are rejected on input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from ecoplan import InputError, Zone
from ecoplan.cli import main
from ecoplan.errors import Problem
from ecoplan.i18n import use_locale
from ecoplan.io import read_zone, write_zone
from ecoplan.model import schema
from ecoplan.model.rules_energy import SHARE_TOLERANCE

PORTFOLIO = schema.template_sheet_name("portfolio")

# Rows 2-6 of the portfolio sheet: scenario base in 2020 (rows 2, 3) and 2030 (rows 4-6).
SHARES = [
    ("base", "pc_coal_scrubbed", 2020, 90.0),
    ("base", "solar", 2020, 10.0),
    ("base", "pc_coal_scrubbed", 2030, 60.0),
    ("base", "solar", 2030, 25.0),
    ("base", "wind", 2030, 15.0),
]


def portfolio_rows(shares: list[tuple[str, str, int, float]]) -> list[dict[str, Any]]:
    return [
        {"scenario": scenario, "technology": technology, "year": year, "share": share}
        for scenario, technology, year, share in shares
    ]


@pytest.fixture
def workbook(make_zone: Callable[..., Zone], tmp_path: Path) -> Path:
    """Return a valid workbook whose portfolio sheet contains :data:`SHARES` in rows 2-6."""
    return write_zone(make_zone(portfolio=portfolio_rows(SHARES)), tmp_path / "zone.xlsx")


def set_shares(path: Path, shares: dict[int, Any]) -> None:
    """Write ``shares`` (row number to value) into the share column of the portfolio sheet."""
    book = openpyxl.load_workbook(path)
    sheet = book[PORTFOLIO]
    column = next(cell.column_letter for cell in sheet[1] if str(cell.value).startswith("share"))
    for row, value in shares.items():
        sheet[f"{column}{row}"] = value
    book.save(path)


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        read_zone(path)
    return caught.value.problems


def test_valid_portfolio_accepted(workbook: Path) -> None:
    zone = read_zone(workbook)
    assert len(zone.portfolio) == len(SHARES)


def test_short_total_names_year_rows_total(workbook: Path) -> None:
    set_shares(workbook, {2: 80})

    problems = problems_of(workbook)

    assert len(problems) == 1, [problem.describe() for problem in problems]
    problem = problems[0]
    assert (problem.file, problem.sheet, problem.row) == ("zone.xlsx", PORTFOLIO, 2)
    assert problem.column == "D (share / 份额)"
    assert problem.describe() == (
        "zone.xlsx, sheet portfolio 能源结构, row 2, column D (share / 份额): The shares of "
        "scenario 'base' in 2020 total 90 %, 10 percentage points short of 100 % (rows 2, 3). "
        "A technology row may be missing. Expected: shares of each scenario and year that "
        "total 100 % within 0.01 percentage points; correct the shares in rows 2, 3."
    )


def test_over_total_named_in_chinese(workbook: Path) -> None:
    set_shares(workbook, {6: 20.5})

    problems = problems_of(workbook)

    assert len(problems) == 1
    with use_locale("zh_CN"):
        text = problems[0].describe()
    assert "工作表 portfolio 能源结构, 第 4 行" in text
    assert "情景 'base' 在 2030 年的份额合计为 105.5 %，比 100 % 多 5.5 个百分点" in text
    assert "（第 4, 5, 6 行）" in text
    assert "请修改第 4, 5, 6 行的份额" in text


def test_one_problem_per_scenario_and_year(make_zone: Callable[..., Zone]) -> None:
    shares = [
        *SHARES,
        ("green", "wind", 2020, 50.0),
        ("green", "solar", 2020, 40.0),
        ("green", "wind", 2030, 100.0),
    ]
    shares[0] = ("base", "pc_coal_scrubbed", 2020, 95.0)

    with pytest.raises(InputError) as caught:
        make_zone(portfolio=portfolio_rows(shares))

    found = [
        (problem.row, problem.params["scenario"], problem.params["year"], problem.params["total"])
        for problem in caught.value.problems
    ]
    assert found == [(2, "base", 2020, "105"), (7, "green", 2020, "90")]


def test_total_within_tolerance_accepted(make_zone: Callable[..., Zone]) -> None:
    shares = list(SHARES)
    shares[0] = ("base", "pc_coal_scrubbed", 2020, 90.0 + SHARE_TOLERANCE / 2)
    zone = make_zone(portfolio=portfolio_rows(shares))
    assert zone.portfolio["share"].sum() == pytest.approx(200.0 + SHARE_TOLERANCE / 2)


def test_total_just_outside_tolerance_rejected(make_zone: Callable[..., Zone]) -> None:
    shares = list(SHARES)
    shares[0] = ("base", "pc_coal_scrubbed", 2020, 90.02)
    with pytest.raises(InputError) as caught:
        make_zone(portfolio=portfolio_rows(shares))
    assert [problem.params["total"] for problem in caught.value.problems] == ["100.02"]


def test_invalid_share_cell_not_totalled(workbook: Path) -> None:
    set_shares(workbook, {2: "ninety"})

    problems = problems_of(workbook)

    assert len(problems) == 1, [problem.describe() for problem in problems]
    assert problems[0].value == "ninety"
    assert "total" not in problems[0].describe()


def test_cli_plan_and_import_reject_bad_total(
    workbook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_shares(workbook, {2: 80})

    planned = main(["plan", str(workbook), "--out", str(tmp_path / "out")])
    plan_error = capsys.readouterr().err
    imported = main(["import", str(workbook), "--db", f"sqlite:///{tmp_path / 'store.sqlite'}"])
    import_error = capsys.readouterr().err

    assert planned == 1
    assert imported == 1
    assert not (tmp_path / "out" / "report.html").exists()
    for error in (plan_error, import_error):
        assert error.startswith("1 problem(s) found; nothing was imported.")
        assert "in 2020 total 90 %, 10 percentage points short of 100 % (rows 2, 3)" in error

"""What a planner's real workbook holds: notes sheets, helper columns, total rows, formulas
saved without results, codes typed as numbers, and an unsafe zone_id."""

from __future__ import annotations

import json
import zipfile
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
from ecoplan.model.industry_codes import SCHEMES, readings

FLOWS = schema.template_sheet_name("flows")
STOCKS = schema.template_sheet_name("stocks")
ORGANISATIONS = schema.template_sheet_name("organisations")


@pytest.fixture
def workbook(make_zone: Callable[..., Zone], tmp_path: Path) -> Path:
    """Return a valid workbook: the tiny zone, flows f1 and f2 in rows 2 and 3."""
    return write_zone(make_zone(), tmp_path / "zone.xlsx")


def problems_of(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_zone(path)
    return caught.value


def only_problem(path: Path) -> Problem:
    problems = problems_of(path).problems
    assert len(problems) == 1, [p.describe() for p in problems]
    return problems[0]


def describe(problem: Problem, locale: str) -> str:
    with use_locale(locale):
        return problem.describe()


# Extra sheets and columns -------------------------------------------------------------


def add_notes(path: Path) -> None:
    """Add two notes sheets and a helper column with values to the flows sheet."""
    book = openpyxl.load_workbook(path)
    book.create_sheet("备注")["A1"] = "数据来自 2020 年统计年鉴"
    book.create_sheet("notes")["B2"] = "check f2 with the plant"
    book[FLOWS]["P1"] = "单价"
    book[FLOWS]["P2"] = 350
    book.save(path)


def test_notes_sheets_and_helper_column_ignored(workbook: Path) -> None:
    add_notes(workbook)

    zone = read_zone(workbook)

    assert zone.flows["flow_id"].tolist() == ["f1", "f2"]
    assert "单价" not in zone.flows.columns
    assert [(w.sheet, w.row, w.column) for w in zone.warnings] == [
        (FLOWS, 1, "P (单价)"),
        ("备注", None, None),
        ("notes", None, None),
    ]


def test_ignored_parts_named_in_both_languages(workbook: Path) -> None:
    add_notes(workbook)

    column, sheet, _notes = read_zone(workbook).warnings

    assert describe(column, "en") == (
        "zone.xlsx, sheet flows 流, row 1, column P (单价): "
        "The heading is not a column of table flows, so the column was ignored."
    )
    assert describe(sheet, "en") == (
        "zone.xlsx, sheet 备注: The sheet is not a zone table, so it was ignored."
    )
    assert describe(column, "zh_CN") == (
        "zone.xlsx, 工作表 flows 流, 第 1 行, 列 P (单价): 该标题不是 flows 表的列，已忽略此列。"
    )
    assert describe(sheet, "zh_CN") == "zone.xlsx, 工作表 备注: 该工作表不是区域数据表，已忽略。"


def test_blank_extra_sheet_gives_no_warning(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    book.create_sheet("Sheet1")
    book.save(workbook)

    assert read_zone(workbook).warnings == []


def test_misspelt_sheet_is_an_error(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    book[STOCKS].title = "stock"
    book.save(workbook)

    problem = only_problem(workbook)

    assert problem.sheet == "stock"
    assert "Unknown sheet 'stock'. Did you mean 'stocks'?" in problem.describe()
    assert "未知的工作表 'stock'。是否应为 'stocks'？" in describe(problem, "zh_CN")


def test_sheet_next_to_its_near_name_is_extra(workbook: Path) -> None:
    """A ``notes`` sheet is one letter from ``nodes``, but the nodes sheet is there."""
    add_notes(workbook)

    zone = read_zone(workbook)

    assert "notes" in [warning.sheet for warning in zone.warnings]


def test_table_under_a_wrong_name_is_an_error(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    del book[STOCKS]
    inventory = book.create_sheet("Inventory")
    inventory.append(["stock_id", "node_id", "resource_id", "year", "level", "unit"])
    inventory.append(["s1", "plant", "ash", 2020, 5, "t"])
    book.save(workbook)

    problem = only_problem(workbook)

    assert problem.sheet == "Inventory"
    assert "The sheet has the headings of table stocks but not its name" in problem.describe()
    assert "stocks / Stocks / 存量 / stocks 存量" in problem.describe()


def test_misspelt_heading_is_an_error(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    book[FLOWS]["H1"] = "operating_hour"
    book.save(workbook)

    error = problems_of(workbook)

    assert len(error.problems) == 1
    problem = error.problems[0]
    assert (problem.row, problem.column, problem.value) == (
        1,
        "H (operating_hour)",
        "operating_hour",
    )
    assert "Did you mean 'operating_hours'?" in problem.describe()
    assert "是否应为 'operating_hours'？" in describe(problem, "zh_CN")


def test_heading_near_a_present_column_is_extra(workbook: Path) -> None:
    """``amount_t`` beside ``amount`` is a helper column, not a misspelt ``amount``."""
    book = openpyxl.load_workbook(workbook)
    book[FLOWS]["P1"] = "amount_t"
    book[FLOWS]["P2"] = 1.5
    book.save(workbook)

    zone = read_zone(workbook)

    assert [(w.column, w.row) for w in zone.warnings] == [("P (amount_t)", 1)]


def test_error_lists_warnings_too(workbook: Path) -> None:
    add_notes(workbook)
    book = openpyxl.load_workbook(workbook)
    book[FLOWS]["F3"] = "ten"
    book.save(workbook)

    error = problems_of(workbook)

    assert len(error.problems) == 1
    assert len(error.warnings) == 3
    lines = str(error).splitlines()
    assert lines[0] == "1 problem(s) found; nothing was imported."
    assert lines[2] == "3 warning(s):"
    assert lines[4] == "- zone.xlsx, sheet 备注: The sheet is not a zone table, so it was ignored."


def test_csv_extra_file_and_column(make_zone: Callable[..., Zone], tmp_path: Path) -> None:
    folder = write_zone(make_zone(), tmp_path / "csv")
    (folder / "notes.csv").write_text("note\nfrom the 2020 yearbook\n", encoding="utf-8")
    nodes = folder / "nodes.csv"
    lines = nodes.read_text(encoding="utf-8-sig").splitlines()
    nodes.write_text(
        "\n".join([lines[0] + ",序号", *(f"{line},{n}" for n, line in enumerate(lines[1:]))]),
        encoding="utf-8",
    )

    zone = read_zone(folder)

    assert [(w.file, w.column) for w in zone.warnings] == [
        ("csv/nodes.csv", "H (序号)"),
        ("csv/notes.csv", None),
    ]
    assert "The file is not a zone table, so it was ignored." in zone.warnings[1].describe()


def test_csv_misspelt_file_is_an_error(make_zone: Callable[..., Zone], tmp_path: Path) -> None:
    folder = write_zone(make_zone(), tmp_path / "csv")
    (folder / "stocks.csv").rename(folder / "stock.csv")

    problem = only_problem(folder)

    assert "Unknown CSV file 'stock.csv'. Did you mean 'stocks.csv'?" in problem.describe()


def test_json_extra_and_misspelt_keys(make_zone: Callable[..., Zone], tmp_path: Path) -> None:
    path = write_zone(make_zone(), tmp_path / "zone.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    for row in document["tables"]["flows"]:
        row["checked_by"] = "Li"
    document["tables"]["flows"][1]["qualty"] = "measured"
    document["tables"]["remarks"] = [{"text": "draft"}]
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    error = problems_of(path)

    assert [p.describe() for p in error.problems] == [
        "zone.json, table flows, item 1, column qualty: Unknown column 'qualty'. "
        "Did you mean 'quality'? Value: 'measured'. Expected: one of: "
        + ", ".join(schema.column_names("flows"))
        + "."
    ]
    assert [w.describe() for w in error.warnings] == [
        "zone.json, table flows, column checked_by: "
        "The key is not a column of table flows, so it was ignored in every item.",
        "zone.json, table remarks: The table is not a zone table, so it was ignored.",
    ]


def test_import_prints_warnings(
    workbook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_notes(workbook)

    status = main(["import", str(workbook), "--db", f"sqlite:///{tmp_path / 'store.sqlite'}"])

    printed = capsys.readouterr()
    assert status == 0
    assert "Stored zone tiny (2 flows)" in printed.out
    assert printed.err.splitlines()[0] == "3 warning(s):"
    assert "- zone.xlsx, sheet notes: The sheet is not a zone table, so it was ignored." in (
        printed.err
    )


def test_plan_prints_warnings_in_chinese(
    workbook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_notes(workbook)

    status = main(["--lang", "zh_CN", "plan", str(workbook), "--out", str(tmp_path / "out")])

    printed = capsys.readouterr()
    assert status == 0
    assert "3 条警告：" in printed.err
    assert "zone.xlsx, 工作表 备注: 该工作表不是区域数据表，已忽略。" in printed.err


# Total rows ---------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["合计", "总计", "Total", "SUM", "合 计：", "Grand total"])
def test_total_row_is_one_problem(workbook: Path, label: str) -> None:
    book = openpyxl.load_workbook(workbook)
    book[FLOWS].append([label, None, None, None, None, 1010, "t"])
    book.save(workbook)

    problem = only_problem(workbook)

    assert (problem.sheet, problem.row, problem.column) == (FLOWS, 4, "A (flow_id / 流编号)")
    assert problem.describe() == (
        "zone.xlsx, sheet flows 流, row 4, column A (flow_id / 流编号): The row looks like a "
        "total row. ecoplan computes its own totals, so delete the row. "
        f"Value: {label.strip()!r}."
    )


def test_total_row_message_in_chinese(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    book[FLOWS].append(["合计", None, None, None, None, "=SUM(F2:F3)"])
    book.save(workbook)

    problem = only_problem(workbook)

    assert describe(problem, "zh_CN") == (
        "zone.xlsx, 工作表 flows 流, 第 4 行, 列 A (flow_id / 流编号): "
        "该行看起来是合计行。ecoplan 会自行计算合计，请删除该行。 值：'合计'。"
    )


def test_total_label_without_numbers_kept(workbook: Path) -> None:
    """A node named ``Total`` in a row without numbers is an ordinary row."""
    book = openpyxl.load_workbook(workbook)
    book[schema.template_sheet_name("nodes")].append(["Total", "Total site", None, "process"])
    book.save(workbook)

    zone = read_zone(workbook)

    assert "Total" in zone.nodes["node_id"].tolist()


def test_csv_total_row(make_zone: Callable[..., Zone], tmp_path: Path) -> None:
    folder = write_zone(make_zone(), tmp_path / "csv")
    flows = folder / "flows.csv"
    flows.write_text(
        flows.read_text(encoding="utf-8-sig") + "Total,,,,,1010.0,\n", encoding="utf-8"
    )

    problem = only_problem(folder)

    assert (problem.file, problem.row, problem.column) == ("csv/flows.csv", 4, "A")
    assert "looks like a total row ('Total')" in problem.describe()


# Formulas without saved results -------------------------------------------------------


def test_uncalculated_formula_named(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    book[FLOWS]["F3"] = "=2*5"
    book.save(workbook)

    problem = only_problem(workbook)

    assert (problem.row, problem.column, problem.value) == (3, "F (amount / 数量)", "=2*5")
    assert problem.describe() == (
        "zone.xlsx, sheet flows 流, row 3, column F (amount / 数量): The cell holds a formula "
        "without a saved result, because the program that wrote the file does not compute "
        "formulas. Value: '=2*5'. Expected: the file opened and saved again in Excel or WPS, "
        "which computes the formula, or the value typed in."
    )
    assert describe(problem, "zh_CN") == (
        "zone.xlsx, 工作表 flows 流, 第 3 行, 列 F (amount / 数量): 该单元格是公式，但文件中"
        "没有保存计算结果，因为写出该文件的程序不计算公式。 值：'=2*5'。 "
        "应为：用 Excel 或 WPS 打开并重新保存该文件（以计算公式），或直接填写数值。"
    )


def test_uncalculated_formula_in_text_column(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    book[FLOWS]["C2"] = '=B2&""'
    book.save(workbook)

    problem = only_problem(workbook)

    assert (problem.row, problem.column) == (2, "C (to_node / 去向节点)")
    assert "formula without a saved result" in problem.describe()


def test_formula_with_saved_result_is_read(workbook: Path, tmp_path: Path) -> None:
    """A workbook saved by Excel contains each formula and its result, read as the value."""
    book = openpyxl.load_workbook(workbook)
    book[FLOWS]["F3"] = "=2*5"
    book.save(workbook)
    saved = tmp_path / "saved.xlsx"
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(saved, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if b"<f>2*5</f>" in data:
                data = data.replace(b"<f>2*5</f><v />", b"<f>2*5</f><v>12</v>")
                assert b"<v>12</v>" in data
            target.writestr(item, data)

    zone = read_zone(saved)

    assert zone.flows["amount"].tolist() == [1000.0, 12.0]


# Industry codes typed as numbers ------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme", "number", "expected"),
    [
        ("GB/T 4754", 610, ["610", "0610"]),
        ("GB/T 4754", 2511, ["2511"]),
        ("GB/T 4754", 6, ["06"]),
        ("GB/T 4754", 13, ["13", "013"]),
        ("GB/T 4754", 12345, []),
        ("ISIC", 2394, ["2394"]),
        ("NACE", 1.11, ["01.11"]),
        ("NACE", 10.1, ["10.1", "10.10"]),
        ("NACE", 35, ["35", "035"]),
        ("NACE", 3511, ["3511"]),
        ("NAICS", 311, ["311"]),
        ("NAICS", 5, []),
    ],
)
def test_code_readings(scheme: str, number: float, expected: list[str]) -> None:
    assert readings(number, SCHEMES[scheme]) == expected


def organisation(code: Any, scheme: str = "GB/T 4754") -> list[dict[str, Any]]:
    return [
        {
            "org_id": "o1",
            "name": "Coal washery",
            "kind": "enterprise",
            "industry_scheme": scheme,
            "industry_code": code,
        }
    ]


def industry_problems(make_zone: Callable[..., Zone], code: Any, scheme: str) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        make_zone(organisations=organisation(code, scheme))
    return caught.value.problems


def test_ambiguous_number_code_is_an_error(make_zone: Callable[..., Zone]) -> None:
    (problem,) = industry_problems(make_zone, 610, "GB/T 4754")

    assert (problem.row, problem.column, problem.value) == (2, "industry_code", 610)
    assert problem.describe() == (
        "test, row 2, column industry_code: The GB/T 4754 code was typed as a number, so it "
        "may have lost leading zeros. It could be any of: 610, 0610. Value: 610. "
        "Expected: the column formatted as text (Excel: Format Cells, Text) and the code "
        "typed again."
    )
    assert describe(problem, "zh_CN") == (
        "test, 第 2 行, 列 industry_code: GB/T 4754 代码是以数字形式输入的，可能丢失了开头"
        "的 0，可能是以下任一代码：610, 0610。 值：610。 "
        "应为：将该列设置为文本格式（Excel：设置单元格格式 → 文本）后重新输入代码。"
    )


@pytest.mark.parametrize(
    ("number", "lost", "lost_zh"),
    [
        (10.1, "lost trailing zeros. It could be any of: 10.1, 10.10.", "丢失了末尾的 0"),
        (1.1, "lost leading or trailing zeros. It could be any of: 01.1, 01.10.", "开头或末尾"),
        (35, "lost leading zeros. It could be any of: 35, 035.", "丢失了开头的 0"),
    ],
)
def test_ambiguous_code_names_lost_zeros(
    make_zone: Callable[..., Zone], number: float, lost: str, lost_zh: str
) -> None:
    (problem,) = industry_problems(make_zone, number, "NACE")

    assert f"The NACE code was typed as a number, so it may have {lost}" in problem.describe()
    assert lost_zh in describe(problem, "zh_CN")


def test_unique_number_code_restored_with_warning(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone(organisations=organisation(6))

    assert zone.organisations["industry_code"].tolist() == ["06"]
    (warning,) = zone.warnings
    assert warning.describe() == (
        "test, row 2, column industry_code: The GB/T 4754 code was typed as a number and "
        "read as 06, its only reading. Format the column as text to keep the code as typed. "
        "Value: 6."
    )


def test_four_digit_number_code_kept(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone(organisations=organisation(2511))

    assert zone.organisations["industry_code"].tolist() == ["2511"]
    assert zone.warnings == []


@pytest.mark.parametrize(
    ("code", "scheme"),
    [("0610", "GB/T 4754"), ("C2511", "GB/T 4754"), ("c", "GB/T 4754"), ("10.10", "NACE"),
     ("31-33", "NAICS"), ("5(f)", "E-PRTR Annex I"), ("any", "other")],
)  # fmt: skip
def test_text_codes_accepted(make_zone: Callable[..., Zone], code: str, scheme: str) -> None:
    zone = make_zone(organisations=organisation(code, scheme))

    assert zone.organisations["industry_code"].tolist() == [code]


@pytest.mark.parametrize(
    ("code", "scheme"),
    [("610x", "GB/T 4754"), ("00610", "GB/T 4754"), ("V01", "NACE"), ("0311", "NAICS")],
)
def test_text_codes_of_wrong_shape(make_zone: Callable[..., Zone], code: str, scheme: str) -> None:
    (problem,) = industry_problems(make_zone, code, scheme)

    assert f"Invalid {scheme} code." in problem.describe()
    assert problem.value == code


def test_workbook_number_code_keeps_number(make_zone: Callable[..., Zone], tmp_path: Path) -> None:
    path = write_zone(make_zone(organisations=organisation("0610")), tmp_path / "zone.xlsx")
    book = openpyxl.load_workbook(path)
    column = schema.column_names("organisations").index("industry_code") + 1
    book[ORGANISATIONS].cell(row=2, column=column).value = 610
    book[ORGANISATIONS].cell(row=2, column=column).number_format = "General"
    book.save(path)

    problem = only_problem(path)

    assert problem.column == "F (industry_code / 行业代码)"
    assert "It could be any of: 610, 0610." in problem.describe()


def test_workbook_padded_number_code_is_text(
    make_zone: Callable[..., Zone], tmp_path: Path
) -> None:
    path = write_zone(make_zone(organisations=organisation("0610")), tmp_path / "zone.xlsx")
    book = openpyxl.load_workbook(path)
    column = schema.column_names("organisations").index("industry_code") + 1
    book[ORGANISATIONS].cell(row=2, column=column).value = 610
    book[ORGANISATIONS].cell(row=2, column=column).number_format = "0000"
    book.save(path)

    zone = read_zone(path)

    assert zone.organisations["industry_code"].tolist() == ["0610"]


# zone_id ------------------------------------------------------------------------------


@pytest.mark.parametrize("zone_id", ["../x", "a/b", "a\\b", "my zone", ".hidden", "区域", "a" * 65])
def test_unsafe_zone_id_rejected(make_zone: Callable[..., Zone], zone_id: str) -> None:
    zone_row = {"zone_id": zone_id, "name": "Tiny zone", "base_year": 2020, "currency": "CNY"}

    with pytest.raises(InputError) as caught:
        make_zone(zone=[zone_row])

    (problem,) = caught.value.problems
    assert (problem.row, problem.column, problem.value) == (2, "zone_id", zone_id)
    assert "Invalid zone_id: it may hold only letters A–Z, digits, - and _." in (problem.describe())
    assert "区域编号无效：只能包含字母 A–Z、数字、- 和 _。" in describe(problem, "zh_CN")


@pytest.mark.parametrize("zone_id", ["dalian-ddz", "fi-pirkanmaa-2022", "Zone_1", "7", "a" * 64])
def test_safe_zone_id_accepted(make_zone: Callable[..., Zone], zone_id: str) -> None:
    zone_row = {"zone_id": zone_id, "name": "Tiny zone", "base_year": 2020, "currency": "CNY"}

    assert make_zone(zone=[zone_row]).zone_id == zone_id

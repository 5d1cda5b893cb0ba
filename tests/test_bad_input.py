"""Bad input: each case gets its own error naming file, sheet, row, column and value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pandas.testing import assert_frame_equal

from ecoplan import InputError, Zone
from ecoplan.errors import Problem
from ecoplan.i18n import use_locale
from ecoplan.io import read_zone, write_zone
from ecoplan.model import schema

FLOWS = schema.template_sheet_name("flows")
RESOURCES = schema.template_sheet_name("resources")


@pytest.fixture
def workbook(make_zone: Callable[..., Zone], tmp_path: Path) -> Path:
    """Return a valid workbook: the tiny zone, flows in rows 2 and 3 of the flows sheet."""
    return write_zone(make_zone(), tmp_path / "zone.xlsx")


def edit(path: Path, sheet: str, changes: dict[str, Any]) -> None:
    book = openpyxl.load_workbook(path)
    for coordinate, value in changes.items():
        book[sheet][coordinate] = value
    book.save(path)


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        read_zone(path)
    return caught.value.problems


def only_problem(path: Path) -> Problem:
    problems = problems_of(path)
    assert len(problems) == 1, [p.describe() for p in problems]
    return problems[0]


def test_missing_sheet(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    del book[FLOWS]
    book.save(workbook)

    problem = only_problem(workbook)

    assert problem.file == str(workbook)
    assert "Missing sheet or file 'flows'" in problem.describe()
    assert "flows 流" in problem.describe()


def test_unknown_unit(workbook: Path) -> None:
    edit(workbook, FLOWS, {"G3": "tonnez"})

    problem = only_problem(workbook)

    assert (problem.file, problem.sheet, problem.row) == ("zone.xlsx", FLOWS, 3)
    assert problem.column == "G (unit / 单位)"
    assert problem.value == "tonnez"
    assert problem.describe() == (
        "zone.xlsx, sheet flows 流, row 3, column G (unit / 单位): Unknown unit. "
        "Value: 'tonnez'. Expected: a unit such as t, MWh, m³ or 万吨."
    )


def test_negative_amount(workbook: Path) -> None:
    edit(workbook, FLOWS, {"F2": -5})

    problem = only_problem(workbook)

    assert (problem.row, problem.column, problem.value) == (2, "F (amount / 数量)", -5)
    assert "Negative amount." in problem.describe()


def test_unknown_node(workbook: Path) -> None:
    edit(workbook, FLOWS, {"B2": "nowhere"})

    problem = only_problem(workbook)

    assert (problem.row, problem.column, problem.value) == (
        2,
        "B (from_node / 来源节点)",
        "nowhere",
    )
    assert "Unknown nodes.node_id: 'nowhere' is not listed there." in problem.describe()


def test_duplicate_ids(workbook: Path) -> None:
    edit(workbook, FLOWS, {"A3": "f1"})

    problem = only_problem(workbook)

    assert (problem.row, problem.column, problem.value) == (3, "A (flow_id / 流编号)", "f1")
    assert "already used in row 2" in problem.describe()


def test_text_in_number_cell(workbook: Path) -> None:
    edit(workbook, FLOWS, {"F3": "ten"})

    problem = only_problem(workbook)

    assert (problem.row, problem.column, problem.value) == (3, "F (amount / 数量)", "ten")
    assert "Invalid number: text where a number is expected." in problem.describe()


def test_merged_cells(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    book[FLOWS].merge_cells("M2:M3")
    book.save(workbook)

    problem = only_problem(workbook)

    assert (problem.sheet, problem.row, problem.column) == (FLOWS, 2, "M")
    assert "Merged cells M2:M3 (M2, M3): unmerge them" in problem.describe()


def test_empty_rows_are_skipped(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    book[FLOWS].insert_rows(3, amount=2)
    book.save(workbook)

    zone = read_zone(workbook)

    assert zone.flows["flow_id"].tolist() == ["f1", "f2"]


def test_rows_after_empty_rows_keep_excel_numbers(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    book[FLOWS].insert_rows(3, amount=2)
    book[FLOWS]["F5"] = "ten"
    book.save(workbook)

    assert only_problem(workbook).row == 5


def test_chinese_headings_are_accepted(make_zone: Callable[..., Zone], workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    for table in schema.TABLES:
        sheet = book[schema.template_sheet_name(table)]
        for cell, column in zip(sheet[1], schema.columns(table), strict=True):
            cell.value = column.header_zh
    book.save(workbook)

    zone = read_zone(workbook)

    for table, frame in make_zone().to_tables().items():
        assert_frame_equal(frame, zone.to_tables()[table], check_exact=True)


def test_csv_with_bom_and_gb18030(make_zone: Callable[..., Zone], tmp_path: Path) -> None:
    zone = make_zone(
        nodes=[
            {"node_id": "import", "name": "Imports", "kind": "import"},
            {"node_id": "plant", "name": "热电厂", "kind": "过程"},
            {"node_id": "landfill", "name": "填埋场", "kind": "landfill"},
        ]
    )
    folder = write_zone(zone, tmp_path / "csv")
    nodes = folder / "nodes.csv"
    nodes.write_bytes(nodes.read_text(encoding="utf-8-sig").encode("gb18030"))

    again = read_zone(folder)

    assert (folder / "flows.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
    assert again.nodes["name"].tolist() == ["Imports", "热电厂", "填埋场"]
    assert again.nodes["kind"].tolist() == ["import", "process", "landfill"]


def test_date_in_amount_column(workbook: Path) -> None:
    edit(workbook, FLOWS, {"F2": dt.datetime(2020, 5, 1)})

    problem = only_problem(workbook)

    assert (problem.row, problem.column) == (2, "F (amount / 数量)")
    assert "a date where a number is expected" in problem.describe()


def test_ref_error_in_amount_cell(workbook: Path) -> None:
    edit(workbook, FLOWS, {"F3": "#REF!"})

    problem = only_problem(workbook)

    assert (problem.file, problem.sheet, problem.row, problem.column) == (
        "zone.xlsx",
        FLOWS,
        3,
        "F (amount / 数量)",
    )
    assert "spreadsheet error" in problem.describe()
    assert "'#REF!'" in problem.describe()


def test_ref_error_in_text_cell_names_cell(workbook: Path) -> None:
    edit(workbook, FLOWS, {"N2": "#REF!"})

    problem = only_problem(workbook)

    assert "Spreadsheet error in cell N2." in problem.describe()


def test_label_off_by_one_character(make_zone: Callable[..., Zone], tmp_path: Path) -> None:
    resources = [
        {"resource_id": "Oth_R32", "name": "Refrigerant", "type": "materials", "dimension": "mass"}
    ]
    flows = [
        {
            "flow_id": "f1",
            "from_node": "import",
            "to_node": "plant",
            "resource_id": "Oth_R32",
            "year": 2020,
            "amount": 2,
            "unit": "t",
        }
    ]
    path = write_zone(make_zone(resources=resources, flows=flows), tmp_path / "zone.xlsx")
    edit(path, FLOWS, {"D2": "Oth-R32"})

    problem = only_problem(path)

    assert (problem.row, problem.column, problem.value) == (
        2,
        "D (resource_id / 资源编号)",
        "Oth-R32",
    )
    assert "'Oth-R32' is not listed there. Did you mean 'Oth_R32'?" in problem.describe()


def test_ewc_code_typed_as_number(workbook: Path) -> None:
    edit(workbook, RESOURCES, {"G3": 10101})

    problem = only_problem(workbook)

    assert (problem.row, problem.column, problem.value) == (3, "G (code / 代码)", "10101")
    assert "Invalid EWC code" in problem.describe()


def test_ewc_number_formatted_as_text_keeps_zeros(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    book[RESOURCES]["G3"] = 10101
    book[RESOURCES]["G3"].number_format = "000000"
    book.save(workbook)

    zone = read_zone(workbook)

    assert zone.resources["code"].tolist() == [None, "010101"]


def test_wrong_units_among_thousands(make_zone: Callable[..., Zone], tmp_path: Path) -> None:
    flows = [
        {
            "flow_id": f"f{i}",
            "from_node": "plant",
            "to_node": "landfill",
            "resource_id": "ash",
            "year": 2020,
            "amount": i,
            "unit": "t",
        }
        for i in range(3000)
    ]
    path = write_zone(make_zone(flows=flows), tmp_path / "zone.xlsx")
    bad_rows = {17: "tonnez", 950: "kgg", 2999: "MWh", 3001: "m³"}
    edit(path, FLOWS, {f"G{row}": unit for row, unit in bad_rows.items()})

    problems = problems_of(path)

    assert len(problems) == len(bad_rows)
    assert {p.row: p.value for p in problems} == bad_rows
    assert all(p.column == "G (unit / 单位)" for p in problems)


def test_unknown_heading_and_sheet(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    book[FLOWS]["H1"] = "operating_hour"
    book[FLOWS]["H2"] = 3
    book.create_sheet("Sheet1")["A1"] = "draft"
    book.save(workbook)

    error = problems_of_error(workbook)

    (heading,) = error.problems
    assert (heading.row, heading.column, heading.value) == (
        1,
        "H (operating_hour)",
        "operating_hour",
    )
    assert "Unknown column heading in table flows. Did you mean 'operating_hours'?" in (
        heading.describe()
    )
    (sheet,) = error.warnings
    assert (
        sheet.describe()
        == "zone.xlsx, sheet Sheet1: The sheet is not a zone table, so it was ignored."
    )


def test_json_names_items(make_zone: Callable[..., Zone], tmp_path: Path) -> None:
    path = write_zone(make_zone(), tmp_path / "zone.json")
    path.write_text(
        path.read_text(encoding="utf-8").replace('"amount": 10.0', '"amount": -1'), encoding="utf-8"
    )

    problem = only_problem(path)

    assert problem.describe().startswith(
        "zone.json, table flows, item 1, column amount: Negative amount."
    )


def test_missing_file(tmp_path: Path) -> None:
    problem = only_problem(tmp_path / "nothing.xlsx")

    assert "File or folder not found." in problem.describe()


def test_messages_in_both_languages(workbook: Path) -> None:
    edit(workbook, FLOWS, {"F3": "ten", "G2": "tonnez"})

    with use_locale("zh_CN"):
        chinese = str(problems_of_error(workbook))
    english = str(problems_of_error(workbook))

    assert english.splitlines()[0] == "2 problem(s) found; nothing was imported."
    assert "row 3, column F (amount / 数量)" in english
    assert chinese.splitlines()[0] == "发现 2 个问题；未导入任何数据。"
    assert "第 3 行" in chinese
    assert "无效数字" in chinese
    assert "未知单位" in chinese


def problems_of_error(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_zone(path)
    return caught.value


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"amount": "6,2"}, "comma that does not separate thousands"),
        ({"amount": 1e22}, "Implausibly large amount"),
        ({"amount": 10, "unit": "t/d", "operating_hours": 100_000}, "More operating hours"),
    ],
)
def test_implausible_amounts_rejected(
    make_zone: Callable[..., Zone], change: dict[str, Any], message: str
) -> None:
    flow = {
        "flow_id": "f1",
        "from_node": "plant",
        "to_node": "landfill",
        "resource_id": "ash",
        "year": 2020,
        "amount": 10,
        "unit": "t",
        **change,
    }

    with pytest.raises(InputError) as raised:
        make_zone(flows=[flow])

    assert len(raised.value.problems) == 1
    assert message in str(raised.value)


def test_rate_unit_without_hours_points_at_hours(workbook: Path) -> None:
    # Row 3 (fly ash, a mass) becomes 10 t/d; column H is operating_hours, left empty.
    edit(workbook, FLOWS, {"G3": "t/d"})

    problem = only_problem(workbook)

    assert (problem.row, problem.column) == (3, "H (operating_hours / 运行小时数)")
    assert problem.describe() == (
        "zone.xlsx, sheet flows 流, row 3, column H (operating_hours / 运行小时数): The unit "
        "'t/d' is a rate, so the row needs its operating hours per year. Expected: the hours "
        "per year at that rate, such as 8000 (at most 8,784)."
    )
    with use_locale("zh_CN"):
        chinese = problem.describe()
    assert "单位 't/d' 是速率单位，因此该行需要填写年运行小时数。" in chinese
    assert "应为：按该速率运行的年小时数" in chinese
    assert "质量单位" not in chinese


def test_rate_unit_with_zero_hours_names_value(workbook: Path) -> None:
    edit(workbook, FLOWS, {"G3": "吨/日", "H3": 0})

    problem = only_problem(workbook)

    assert problem.column == "H (operating_hours / 运行小时数)"
    assert problem.value == 0


def test_rate_unit_of_wrong_dimension_names_unit(workbook: Path) -> None:
    # Row 2 is coal in MWh: t/d is a rate of a mass, wrong whatever the hours.
    edit(workbook, FLOWS, {"G2": "t/d"})

    problem = only_problem(workbook)

    assert problem.column == "G (unit / 单位)"
    assert "Unit 't/d' does not measure energy." in problem.describe()
    assert "operating hours" not in problem.describe()


def test_not_a_zip_file_explained(tmp_path: Path) -> None:
    path = tmp_path / "renamed.xlsx"
    path.write_text("zone_id,name\nx,y\n", encoding="utf-8")

    problem = only_problem(path)

    assert problem.describe().startswith(
        "renamed.xlsx: The file is not an .xlsx workbook, because an .xlsx file is a zip "
        "archive and this one is not (File is not a zip file). Expected: a workbook saved as "
        ".xlsx. An old .xls, CSV or web page renamed to .xlsx gives this error"
    )
    with use_locale("zh_CN"):
        chinese = problem.describe()
    assert chinese.startswith(
        "renamed.xlsx: 该文件不是 .xlsx 工作簿：.xlsx 文件实为 zip 压缩包，而该文件不是"
        "（原始错误：File is not a zip file）。 应为：另存为 .xlsx 的工作簿。"
    )


@pytest.mark.parametrize(
    ("text", "reason", "hint"),
    [
        (
            "{\n'format': 1}",
            "Expecting property name enclosed in double quotes",
            "名称须用英文双引号",
        ),
        ('{"tables": [1, 2,]}', "Expecting value", "列表的最后一项后面不能有逗号"),
        ('{"tables": {}} x', "Extra data", "UTF-8 文本"),
    ],
)
def test_invalid_json_explained(tmp_path: Path, text: str, reason: str, hint: str) -> None:
    path = tmp_path / "zone.json"
    path.write_text(text, encoding="utf-8")

    problem = only_problem(path)

    assert "The file is not valid JSON: reading stopped at line " in problem.describe()
    assert f"({reason})." in problem.describe()
    with use_locale("zh_CN"):
        chinese = problem.describe()
    assert chinese.startswith("zone.json: 该文件不是有效的 JSON：读取在第 ")
    assert f"（原始错误：{reason}）。" in chinese
    assert hint in chinese

"""The empty zone workbook: layout, explanations, and read back as a zone with no data."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ecoplan import InputError
from ecoplan.cli import main
from ecoplan.io import read_zone
from ecoplan.io.template import README_SHEET, VOCABULARY_SHEET, write_template
from ecoplan.model import schema
from ecoplan.model.vocab import VOCABULARIES


@pytest.fixture
def template(tmp_path: Path) -> Path:
    return write_template(tmp_path / "template.xlsx")


def test_sheets_in_order(template: Path) -> None:
    book = openpyxl.load_workbook(template)

    expected = [README_SHEET, *map(schema.template_sheet_name, schema.TABLES), VOCABULARY_SHEET]
    assert book.sheetnames == expected


def test_table_sheet_headings(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)[schema.template_sheet_name("flows")]

    assert [c.value for c in sheet[1]] == [
        "flow_id / 流编号",
        "from_node / 来源节点",
        "to_node / 去向节点",
        "resource_id / 资源编号",
        "year / 年份",
        "amount / 数量",
        "unit / 单位",
        "operating_hours / 运行小时数",
        "stage / 生命周期阶段",
        "quality / 数据质量",
        "uncertainty / 不确定度",
        "assumed / 假设值",
        "source / 来源",
        "note / 备注",
    ]
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 1
    assert all(cell.font.bold for cell in sheet[1])


def test_required_headings_marked(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)[schema.template_sheet_name("flows")]

    fills = {cell.value: cell.fill.fgColor.rgb for cell in sheet[1]}

    assert fills["amount / 数量"] == "00F8CBAD"
    assert fills["note / 备注"] == "00DDEBF7"
    assert "必填 / Required" in (sheet["A1"].comment.text if sheet["A1"].comment else "")


def test_code_columns_formatted_as_text(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)[schema.template_sheet_name("resources")]

    assert sheet.column_dimensions["G"].number_format == "@"
    assert sheet.column_dimensions["A"].number_format == "@"
    assert sheet.column_dimensions["C"].number_format == "General"


def test_choice_columns_have_lists(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    sheet = book[schema.template_sheet_name("flows")]

    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    stage = lists["I2:I1048576"]
    first, last = (int(part.split("$")[-1]) for part in stage.split("!")[1].split(":"))
    vocabulary = book[VOCABULARY_SHEET]

    assert stage.startswith("'词表 Vocabulary'!$B$")
    assert [vocabulary[f"B{row}"].value for row in range(first, last + 1)] == list(
        VOCABULARIES["stage"]
    )
    assert lists["L2:L1048576"] == '"TRUE,FALSE"'


def test_readme_explains_every_column(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)[README_SHEET]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    heading = next(i for i, row in enumerate(rows) if row[0] == "表 / table")
    body = rows[heading + 1 :]

    total = sum(len(schema.columns(t)) for t in schema.TABLES)
    amount = next(row for row in body if row[0] == "flows 流" and row[1] == "amount")
    assert len(body) == total
    assert amount == [
        "flows 流",
        "amount",
        "数量",
        "number of zero or more / 非负数值",
        "是 / yes",
        "见 unit 列 / see unit",
        "Amount, in the row's unit (per year unless the unit is a rate)",
        "数量（按本行单位；除速率单位外均为每年）",
    ]


def test_vocabulary_lists_every_entry(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)[VOCABULARY_SHEET]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=2)]

    assert len(rows) == sum(len(entries) for entries in VOCABULARIES.values())
    assert ("node_kind", "landfill", "Landfill (boundary)", "填埋场（边界）") in rows


def test_template_reads_as_empty_zone(template: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_zone(template)

    problems = caught.value.problems
    assert len(problems) == 1
    assert problems[0].describe() == (
        "template.xlsx, sheet zone 区域: The zone sheet must have exactly one row, not 0."
    )


def test_template_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "out.xlsx"

    status = main(["template", str(path)])

    assert status == 0
    assert str(path.resolve()) in capsys.readouterr().out
    assert openpyxl.load_workbook(path).sheetnames[0] == README_SHEET

"""The empty zone workbook that planners fill in (``ecoplan template``).

Sheets: ``说明 README`` explains every column of every table in Chinese and English, one sheet
per table has bilingual headings, and ``词表 Vocabulary`` lists every controlled vocabulary.
Required headings are filled orange, code columns are formatted as text so codes keep their
leading zeros, and choice columns offer their identifiers in a drop-down list.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ecoplan.model import schema
from ecoplan.model.vocab import VOCABULARIES

README_SHEET = "说明 README"
VOCABULARY_SHEET = "词表 Vocabulary"
_EXPLANATION_SHEETS = frozenset(
    {"readme", "说明", "说明 readme", "readme 说明", "vocabulary", "词表", "词表 vocabulary"}
)

TEXT_FORMAT = "@"
_HEADING_FONT = Font(bold=True)
_REQUIRED_FILL = PatternFill("solid", fgColor="F8CBAD")
_OPTIONAL_FILL = PatternFill("solid", fgColor="DDEBF7")
_TITLE_FONT = Font(bold=True, size=14)
_LAST_ROW = 1048576
"""Last row of an .xlsx sheet; drop-down lists and text formats reach it."""

TYPE_LABELS = {
    "id": ("identifier, unique in the table, text", "编号，表内唯一，文本"),
    "text": ("text", "文本"),
    "code": ("code, kept as text (leading zeros stay)", "代码，按文本保存（保留前导零）"),
    "ref": ("identifier listed in another table", "引用其他表中的编号"),
    "choice": ("one value of the vocabulary", "词表中的一个值"),
    "float": ("number", "数值"),
    "amount": ("number of zero or more", "非负数值"),
    "year": ("year, e.g. 2020", "年份，如 2020"),
    "bool": ("TRUE or FALSE", "TRUE 或 FALSE"),
    "unit": ("unit, e.g. t, 万吨, MWh, m³", "单位，如 t、万吨、MWh、m³"),
}
"""English and Chinese explanation of each schema column type."""

_README_INTRO = (
    ("ecoplan 区域数据工作簿 / ecoplan zone workbook", _TITLE_FONT),
    (
        "每个数据表一个工作表；第一行为列标题（英文、中文或双语均可）。橙色标题为必填列。"
        "代码列按文本保存，以保留前导零（如 EWC 010101）。请勿合并单元格。",
        None,
    ),
    (
        "One sheet per table; row 1 holds the headings (English, Chinese or both). Orange "
        "headings are required. Code columns are text so leading zeros stay (EWC 010101). "
        "Do not merge cells.",
        None,
    ),
)
_README_HEADINGS = (
    "表 / table",
    "列 / column",
    "中文列名 / Chinese heading",
    "类型 / type",
    "必填 / required",
    "单位 / unit",
    "说明 / description",
    "中文说明 / description (Chinese)",
)


def is_explanation_sheet(title: str) -> bool:
    """Tell whether a sheet holds explanations (README, vocabulary) rather than a table."""
    return " ".join(title.split()).casefold() in _EXPLANATION_SHEETS


def write_template(path: str | Path) -> Path:
    """Write the empty zone workbook to ``path`` (.xlsx) and return the path."""
    path = Path(path)
    build_workbook().save(path)
    return path


def build_workbook() -> Workbook:
    """Return the template workbook: README, one empty sheet per table, vocabulary."""
    book = Workbook()
    readme = book.active
    assert readme is not None
    readme.title = README_SHEET
    _fill_readme(readme)
    vocabulary_ranges = _fill_vocabulary(book.create_sheet(VOCABULARY_SHEET))
    for table in schema.TABLES:
        sheet = book.create_sheet(schema.template_sheet_name(table), index=len(book.sheetnames) - 1)
        _fill_table_sheet(sheet, table, vocabulary_ranges)
    return book


def _fill_readme(sheet: Worksheet) -> None:
    for text, font in _README_INTRO:
        sheet.append([text])
        if font is not None:
            sheet.cell(row=sheet.max_row, column=1).font = font
    sheet.append([])
    sheet.append(list(_README_HEADINGS))
    heading_row = sheet.max_row
    for cell in sheet[heading_row]:
        cell.font = _HEADING_FONT
    for table in schema.TABLES:
        for column in schema.columns(table):
            sheet.append(_readme_row(table, column))
    sheet.freeze_panes = f"A{heading_row + 1}"
    for letter, width in zip("ABCDEFGH", (22, 18, 16, 30, 10, 14, 60, 50), strict=True):
        sheet.column_dimensions[letter].width = width


def _readme_row(table: str, column: schema.Column) -> list[str]:
    english, chinese = TYPE_LABELS[column.type]
    if column.type == "choice":
        english += f" ({column.vocab})"
        chinese += f"（{column.vocab}）"
    unit = column.unit
    if unit in schema.column_names(table):
        unit = f"见 {unit} 列 / see {unit}"
    required = "是 / yes" if column.required else "否 / no"
    return [
        schema.template_sheet_name(table),
        column.name,
        column.header_zh,
        f"{english} / {chinese}",
        required,
        unit,
        column.description_en,
        column.description_zh,
    ]


def _fill_vocabulary(sheet: Worksheet) -> dict[str, str]:
    """Write every vocabulary and return, per vocabulary, the range of its identifiers."""
    sheet.append(["词表 / vocabulary", "编号 / id", "English", "中文"])
    for cell in sheet[1]:
        cell.font = _HEADING_FONT
    ranges = {}
    for name, entries in VOCABULARIES.items():
        first = sheet.max_row + 1
        for identifier, (english, chinese) in entries.items():
            sheet.append([name, identifier, english, chinese])
        ranges[name] = f"{quote_sheetname(sheet.title)}!$B${first}:$B${sheet.max_row}"
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCD", (22, 30, 50, 36), strict=True):
        sheet.column_dimensions[letter].width = width
    return ranges


def _fill_table_sheet(sheet: Worksheet, table: str, vocabulary_ranges: dict[str, str]) -> None:
    sheet.append([schema.bilingual_header(column) for column in schema.columns(table)])
    for position, column in enumerate(schema.columns(table), start=1):
        letter = get_column_letter(position)
        heading = sheet.cell(row=1, column=position)
        heading.font = _HEADING_FONT
        heading.fill = _REQUIRED_FILL if column.required else _OPTIONAL_FILL
        heading.alignment = Alignment(wrap_text=True, vertical="top")
        heading.comment = Comment(_heading_note(column), "ecoplan")
        sheet.column_dimensions[letter].width = max(14, len(schema.bilingual_header(column)) + 4)
        if column.type in ("id", "ref", "code"):
            sheet.column_dimensions[letter].number_format = TEXT_FORMAT
        _add_choice_list(sheet, column, letter, vocabulary_ranges)
    sheet.freeze_panes = "A2"


def _heading_note(column: schema.Column) -> str:
    required = "必填 / Required" if column.required else "选填 / Optional"
    return f"{required}\n{column.description_zh}\n{column.description_en}"


def _add_choice_list(
    sheet: Worksheet, column: schema.Column, letter: str, vocabulary_ranges: dict[str, str]
) -> None:
    if column.type == "choice":
        formula = vocabulary_ranges[column.vocab]
    elif column.type == "bool":
        formula = '"TRUE,FALSE"'
    else:
        return
    # Labels (Chinese or English) are accepted as well, so a value off the list only warns.
    validation = DataValidation(
        type="list", formula1=formula, allow_blank=True, showErrorMessage=True, errorStyle="warning"
    )
    validation.add(f"{letter}2:{letter}{_LAST_ROW}")
    sheet.add_data_validation(validation)

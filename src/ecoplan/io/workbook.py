"""Read a zone from an Excel workbook (.xlsx): one sheet per table, a heading row on top.

Rows keep the numbers Excel shows. Formulas are read as their last computed values; a formula
saved without one is reported as such. Cells of identifier and reference columns are read as
text. A number in a code column (EWC, industry code) stays a number, so validation can tell
that it may have lost leading zeros, unless its number format pads it (``000000``).

A sheet that is no table (notes, a chart) and a column that is in no table (a helper
calculation) are ignored with a warning. A name close to a missing table or column is taken
for a misspelling and reported.
"""

from __future__ import annotations

import logging
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from ecoplan.errors import InputError, Problem
from ecoplan.i18n import N_
from ecoplan.io import tables
from ecoplan.io.formulas import formula_cells, has_formulas
from ecoplan.io.headings import (
    HeadingMatch,
    column_label,
    match_headings,
    table_with_headings,
)
from ecoplan.io.template import is_explanation_sheet
from ecoplan.model import cells, schema
from ecoplan.model.validate import RawTable
from ecoplan.model.zone import Zone

logger = logging.getLogger(__name__)

_ZERO_PADDED = re.compile(r"^0+$")
_MAX_CELLS_NAMED = 8

_Row = tuple[Cell | MergedCell, ...]


def read_workbook(path: Path) -> Zone:
    """Read and validate the zone in workbook ``path``.

    Raises
    ------
    InputError
        Listing every problem of the workbook; nothing is returned in part.
    """
    file = path.name
    book = _open(path, data_only=True)
    formula_book = _open(path, data_only=False) if has_formulas(path) else None
    raw: dict[str, RawTable] = {}
    sheets: dict[str, str] = {}
    unknown: list[Worksheet] = []
    problems: list[Problem] = []
    found_warnings: list[Problem] = []
    for sheet in book.worksheets:
        table = tables.table_for_name(sheet.title)
        if table is None:
            if not is_explanation_sheet(sheet.title):
                unknown.append(sheet)
            continue
        if table in sheets:
            problems.append(tables.duplicate_table_problem(file, table, sheets[table], sheet.title))
            continue
        sheets[table] = sheet.title
        formulas = formula_cells(formula_book[sheet.title]) if formula_book else {}
        raw[table] = _read_sheet(sheet, table, file, formulas, (problems, found_warnings))

    for sheet in unknown:
        _check_unknown_sheet(sheet, file, set(sheets), problems, found_warnings)
    return tables.validate(raw, problems, source=str(path), warnings=found_warnings)


def _open(path: Path, data_only: bool) -> Any:
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            book = openpyxl.load_workbook(path, data_only=data_only)
    except zipfile.BadZipFile as error:
        raise InputError(
            [
                Problem(
                    file=path.name,
                    message=N_(
                        "The file is not an .xlsx workbook, because an .xlsx file is a zip "
                        "archive and this one is not ({reason})."
                    ),
                    expected=N_(
                        "a workbook saved as .xlsx. An old .xls, CSV or web page renamed to "
                        ".xlsx gives this error: open it in Excel or WPS and save it as "
                        "Excel Workbook (.xlsx)"
                    ),
                    params={"reason": str(error)},
                )
            ]
        ) from error
    except (InvalidFileException, KeyError, OSError, ValueError) as error:
        raise InputError(
            [
                Problem(
                    file=path.name,
                    message=N_("The file cannot be read as an Excel workbook ({reason})."),
                    expected=N_("a workbook saved as .xlsx"),
                    params={"reason": str(error)},
                )
            ]
        ) from error
    for warning in caught:
        logger.debug("openpyxl warning on %s: %s", path, warning.message)
    return book


def _check_unknown_sheet(
    sheet: Worksheet, file: str, present: set[str], problems: list[Problem], ignored: list[Problem]
) -> None:
    """Report a sheet of no known table: a misspelt or misnamed table, or an extra sheet.

    A blank sheet (Excel's empty ``Sheet1``) is skipped without a word.
    """
    header = next(
        (
            list(values)
            for values in sheet.iter_rows(values_only=True)
            if not tables.is_blank_row(list(values))
        ),
        None,
    )
    if header is None:
        return
    expected = N_("a sheet named after a table ({tables}), or README / 说明")
    names = ", ".join(schema.TABLES)
    match = tables.closest_table_name(sheet.title, present)
    if match is not None:
        problems.append(
            Problem(
                file=file,
                sheet=sheet.title,
                message=N_("Unknown sheet {sheet!r}. Did you mean {match!r}?"),
                expected=expected,
                params={"sheet": sheet.title, "match": match, "tables": names},
            )
        )
        return
    table = table_with_headings(header, set(schema.TABLES) - present)
    if table is not None:
        problems.append(
            Problem(
                file=file,
                sheet=sheet.title,
                message=N_(
                    "The sheet has the headings of table {table} but not its name, "
                    "so it cannot be read."
                ),
                expected=N_("the sheet renamed to one of: {names}"),
                params={"table": table, "names": " / ".join(schema.sheet_names(table))},
            )
        )
        return
    ignored.append(
        Problem(
            file=file,
            sheet=sheet.title,
            message=N_("The sheet is not a zone table, so it was ignored."),
        )
    )


def _read_sheet(
    sheet: Worksheet,
    table: str,
    file: str,
    formulas: dict[tuple[int, int], str],
    found: tuple[list[Problem], list[Problem]],
) -> RawTable:
    """Read one table sheet; ``found`` contains the problem and warning lists to add to."""
    problems, ignored = found
    problems.extend(_merged_cell_problems(sheet, file))
    grid = [(row, _row_values(row, formulas)) for row in sheet.iter_rows()]
    grid = [(row, values) for row, values in grid if not tables.is_blank_row(values)]
    if not grid:
        return tables.build_raw_table(table, [], file, sheet.title, {})

    (header, header_values), (body, totals) = grid[0], _split_total_rows(grid[1:])
    problems.extend(_total_row_problem(file, sheet.title, total, header_values) for total in totals)
    filled = {
        position
        for _, values in body
        for position, value in enumerate(values)
        if not cells.is_blank(value)
    }
    match = match_headings(
        table, header_values, filled, file, sheet.title, header_row=_row_number(header)
    )
    problems.extend(match.problems)
    ignored.extend(match.warnings)

    rows = [
        (_row_number(row), _read_row(row, values, match, table, file, problems))
        for row, values in body
    ]
    return tables.build_raw_table(table, rows, file, sheet.title, match.labels)


def _read_row(
    row: _Row,
    row_values: list[Any],
    match: HeadingMatch,
    table: str,
    file: str,
    problems: list[Problem],
) -> dict[str, Any]:
    """Return the values of a row's table columns, adding a problem per spreadsheet error."""
    values: dict[str, Any] = {}
    for position, name in match.positions.items():
        cell = row[position] if position < len(row) else None
        value = row_values[position] if position < len(row_values) else None
        kind = tables.column_type(table, name)
        values[name] = _cell_value(cell, value, kind)
        if cell is not None and _is_error(cell) and kind not in _NUMBER_TYPES:
            problems.append(_error_cell(file, cell, match.labels[name]))
    return values


def _row_values(row: _Row, formulas: dict[tuple[int, int], str]) -> list[Any]:
    """Return the values of a row, with each formula that has no saved result marked as such."""
    values = [cell.value for cell in row]
    if not formulas:
        return values
    for position, cell in enumerate(row):
        if values[position] is not None or cell.row is None or cell.column is None:
            continue
        text = formulas.get((cell.row, cell.column))
        if text is not None:
            values[position] = cells.UncalculatedFormula(text)
    return values


_TotalRow = tuple[int, int, str]
"""A total row: its Excel row number, the position of its label (0 for column A), the label."""


def _split_total_rows(
    body: list[tuple[_Row, list[Any]]],
) -> tuple[list[tuple[_Row, list[Any]]], list[_TotalRow]]:
    """Return the rows that are not total rows, and the total rows found."""
    kept = []
    totals = []
    for row, values in body:
        total = tables.total_label(values)
        if total is None:
            kept.append((row, values))
        else:
            totals.append((_row_number(row), *total))
    return kept, totals


def _total_row_problem(
    file: str, sheet: str, total: _TotalRow, header_values: list[Any]
) -> Problem:
    """Return the one problem of a total row, naming the label's cell by letter and heading."""
    row, position, label = total
    heading = header_values[position] if position < len(header_values) else None
    column = (
        get_column_letter(position + 1)
        if cells.is_blank(heading)
        else column_label(position, heading)
    )
    return Problem(
        file=file,
        sheet=sheet,
        row=row,
        column=column,
        value=label,
        message=N_(
            "The row looks like a total row. ecoplan computes its own totals, so delete the row."
        ),
    )


_NUMBER_TYPES = frozenset({"float", "amount", "year", "bool"})
"""Column types whose validation already reports a spreadsheet error in a cell."""


def _row_number(row: _Row) -> int:
    """Return the Excel row number of a row of cells."""
    return next(cell.row for cell in row if cell.row is not None)


def _cell_value(cell: Cell | MergedCell | None, value: Any, kind: str) -> Any:
    """Return what validation reads from a cell whose value (formulas marked) is ``value``."""
    if cell is None or kind not in tables.CODE_TYPES:
        return value
    if not isinstance(value, int | float) or isinstance(value, bool):
        return value
    number_format = str(cell.number_format)
    if _ZERO_PADDED.match(number_format) and float(value).is_integer():
        return cells.parse_text(value).zfill(len(number_format))
    if kind == "code":
        return value
    return cells.parse_text(value)


def _is_error(cell: Cell | MergedCell) -> bool:
    value = cell.value
    return cell.data_type == "e" or (
        isinstance(value, str) and value.strip().upper() in cells.SPREADSHEET_ERRORS
    )


def _error_cell(file: str, cell: Cell | MergedCell, label: str) -> Problem:
    return Problem(
        file=file,
        sheet=cell.parent.title,
        row=cell.row,
        column=label,
        message=N_("Spreadsheet error in cell {cell}."),
        value=cell.value,
        expected=N_("a value typed in, or a formula that works"),
        params={"cell": cell.coordinate},
    )


def _merged_cell_problems(sheet: Worksheet, file: str) -> list[Problem]:
    problems = []
    for merged in sheet.merged_cells.ranges:
        coordinates = [
            f"{get_column_letter(column)}{row}"
            for row in range(merged.min_row, merged.max_row + 1)
            for column in range(merged.min_col, merged.max_col + 1)
        ]
        shown = ", ".join(coordinates[:_MAX_CELLS_NAMED])
        if len(coordinates) > _MAX_CELLS_NAMED:
            shown += ", …"
        problems.append(
            Problem(
                file=file,
                sheet=sheet.title,
                row=merged.min_row,
                column=get_column_letter(merged.min_col),
                message=N_("Merged cells {range} ({cells}): unmerge them and fill in each cell."),
                expected=N_("one value per cell, no merged cells"),
                params={"range": merged.coord, "cells": shown},
            )
        )
    return problems

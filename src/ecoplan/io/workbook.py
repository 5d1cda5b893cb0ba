"""Read a zone from an Excel workbook (.xlsx): one sheet per table, a heading row on top.

Rows keep the numbers Excel shows. Formulas are read as their last computed values. Cells of
code columns (identifiers, references, EWC and industry codes) are read as text; a number in
such a cell keeps its leading zeros only when its number format pads it (``000000``).
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
from ecoplan.io.headings import match_headings
from ecoplan.io.template import is_explanation_sheet
from ecoplan.model import cells
from ecoplan.model.validate import RawTable
from ecoplan.model.zone import Zone

logger = logging.getLogger(__name__)

_ZERO_PADDED = re.compile(r"^0+$")
_MAX_CELLS_NAMED = 8


def read_workbook(path: Path) -> Zone:
    """Read and validate the zone in workbook ``path``.

    Raises
    ------
    InputError
        Listing every problem of the workbook; nothing is returned in part.
    """
    file = path.name
    book = _open(path)
    raw: dict[str, RawTable] = {}
    sheets: dict[str, str] = {}
    problems: list[Problem] = []
    for sheet in book.worksheets:
        table = tables.table_for_name(sheet.title)
        if table is None:
            if not is_explanation_sheet(sheet.title):
                problems.append(_unknown_sheet(file, sheet.title))
            continue
        if table in sheets:
            problems.append(tables.duplicate_table_problem(file, table, sheets[table], sheet.title))
            continue
        sheets[table] = sheet.title
        raw[table] = _read_sheet(sheet, table, file, problems)
    return tables.validate(raw, problems, source=str(path))


def _open(path: Path) -> Any:
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            book = openpyxl.load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise InputError(
            [
                Problem(
                    file=path.name,
                    message=N_("The file cannot be read as an Excel workbook: {reason}"),
                    expected=N_("a workbook saved as .xlsx"),
                    params={"reason": str(error)},
                )
            ]
        ) from error
    for warning in caught:
        logger.debug("openpyxl warning on %s: %s", path, warning.message)
    return book


def _unknown_sheet(file: str, title: str) -> Problem:
    return Problem(
        file=file,
        sheet=title,
        message=N_("Unknown sheet {sheet!r}."),
        expected=N_("a sheet named after a table ({tables}), or README / 说明"),
        params={"sheet": title, "tables": ", ".join(tables.schema.TABLES)},
    )


def _read_sheet(sheet: Worksheet, table: str, file: str, problems: list[Problem]) -> RawTable:
    problems.extend(_merged_cell_problems(sheet, file))
    grid = [row for row in sheet.iter_rows() if not tables.is_blank_row([c.value for c in row])]
    if not grid:
        return tables.build_raw_table(table, [], file, sheet.title, {})

    header, body = grid[0], grid[1:]
    filled = {
        position
        for row in body
        for position, cell in enumerate(row)
        if not cells.is_blank(cell.value)
    }
    match = match_headings(
        table,
        [cell.value for cell in header],
        filled,
        file,
        sheet.title,
        header_row=_row_number(header),
    )
    problems.extend(match.problems)

    rows: list[tuple[int, dict[str, Any]]] = []
    for row in body:
        values: dict[str, Any] = {}
        for position, name in match.positions.items():
            cell = row[position] if position < len(row) else None
            kind = tables.column_type(table, name)
            values[name] = _cell_value(cell, kind)
            if cell is not None and _is_error(cell) and kind not in _NUMBER_TYPES:
                problems.append(_error_cell(file, sheet.title, cell, match.labels[name]))
        rows.append((_row_number(row), values))
    return tables.build_raw_table(table, rows, file, sheet.title, match.labels)


_NUMBER_TYPES = frozenset({"float", "amount", "year", "bool"})
"""Column types whose validation already reports a spreadsheet error in a cell."""


def _row_number(row: tuple[Cell | MergedCell, ...]) -> int:
    """Return the Excel row number of a row of cells."""
    return next(cell.row for cell in row if cell.row is not None)


def _cell_value(cell: Cell | MergedCell | None, kind: str) -> Any:
    if cell is None:
        return None
    value = cell.value
    if kind in tables.CODE_TYPES and isinstance(value, int | float) and not isinstance(value, bool):
        return _code_text(value, str(cell.number_format))
    return value


def _code_text(value: float, number_format: str) -> str:
    """Return a number typed in a code cell as the text the cell shows."""
    text = cells.parse_text(value)
    if _ZERO_PADDED.match(number_format) and float(value).is_integer():
        return text.zfill(len(number_format))
    return text


def _is_error(cell: Cell | MergedCell) -> bool:
    value = cell.value
    return cell.data_type == "e" or (
        isinstance(value, str) and value.strip().upper() in cells.SPREADSHEET_ERRORS
    )


def _error_cell(file: str, sheet: str, cell: Cell | MergedCell, label: str) -> Problem:
    return Problem(
        file=file,
        sheet=sheet,
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

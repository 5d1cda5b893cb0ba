"""Formulas of a workbook that has no saved results for them.

openpyxl reads a formula cell as its last computed value (``data_only=True``). A program
without a calculation engine, such as openpyxl itself or many exporters, saves the formula
and no value, so the cell reads as empty. This module finds those cells, so the reader can
say what is wrong instead of reporting a missing value.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
"""The ``<f>`` element of a worksheet's XML, which contains a cell's formula."""


def has_formulas(path: Path) -> bool:
    """Tell whether any worksheet of the .xlsx file ``path`` contains a formula."""
    with zipfile.ZipFile(path) as archive:
        return any(
            _FORMULA_TAG.search(archive.read(info))
            for info in archive.infolist()
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
        )


def formula_cells(sheet: Worksheet) -> dict[tuple[int, int], str]:
    """Return the formula text of each formula cell, keyed by ``(row, column)``.

    ``sheet`` comes from a workbook opened with ``data_only=False``. An array formula gives
    its text, such as ``=SUM(A1:A3*B1:B3)``.
    """
    found: dict[tuple[int, int], str] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f" and cell.row is not None and cell.column is not None:
                found[(cell.row, cell.column)] = _formula_text(cell.value)
    return found


def _formula_text(value: Any) -> str:
    text = str(getattr(value, "text", value))
    return text if text.startswith("=") else f"={text}"

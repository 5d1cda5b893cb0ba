"""Write a zone's tables into a copy of the template workbook (.xlsx).

NOTE: openpyxl 3.1 writes numbers with 16 significant digits ("%.16g"), so a float that needs
17 (0.1 + 0.2) comes back one unit in the last place off; JSON and CSV keep every digit.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl.cell.cell import TYPE_STRING

from ecoplan.io.cell_values import plain_rows
from ecoplan.io.tables import CODE_TYPES
from ecoplan.io.template import TEXT_FORMAT, build_workbook
from ecoplan.model import schema


def write_workbook(tables_by_name: dict[str, pd.DataFrame], path: Path) -> Path:
    """Write the tables, one sheet each under bilingual headings, and return ``path``."""
    book = build_workbook()
    for table in schema.TABLES:
        sheet = book[schema.template_sheet_name(table)]
        frame = tables_by_name[table]
        order = [column.name for column in schema.columns(table)]
        kinds = {column.name: column.type for column in schema.columns(table)}
        positions = [order.index(name) + 1 for name in frame.columns]
        for row_number, row in enumerate(plain_rows(frame), start=2):
            for position, name, value in zip(positions, frame.columns, row, strict=True):
                if value is None:
                    continue
                cell = sheet.cell(row=row_number, column=position, value=value)
                if isinstance(value, str):
                    # Text such as "=A1" or "007" stays text, not a formula or a number.
                    cell.data_type = TYPE_STRING
                if kinds[name] in CODE_TYPES:
                    cell.number_format = TEXT_FORMAT
    book.save(path)
    return path

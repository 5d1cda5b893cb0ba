"""Shared steps of every reader: raw cells to a :class:`RawTable`, then validation.

Readers collect their own problems (unknown sheets, headings, merged cells) and pass them
here; validation adds the cell problems, and one :class:`InputError` reports them all. A
reader never returns part of a file.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ecoplan.errors import InputError, Problem
from ecoplan.i18n import N_
from ecoplan.io.headings import closest
from ecoplan.model import cells, schema
from ecoplan.model.validate import ROW, RawTable, validate_tables
from ecoplan.model.zone import Zone

CODE_TYPES = frozenset({"id", "ref", "code"})
"""Column types read as text, so a code such as 010101 keeps its leading zeros."""


def column_type(table: str, name: str) -> str:
    """Return the schema type of column ``name`` of ``table``."""
    return next(column.type for column in schema.columns(table) if column.name == name)


def table_for_name(name: str) -> str | None:
    """Return the table whose sheet or file name is ``name`` (English, Chinese, bilingual)."""
    folded = " ".join(name.replace("\ufeff", "").split()).casefold()
    for table in schema.TABLES:
        if folded in (" ".join(alias.split()).casefold() for alias in schema.sheet_names(table)):
            return table
    return None


def is_blank_row(values: list[Any]) -> bool:
    """Tell whether every cell of a row is empty."""
    return all(cells.is_blank(value) for value in values)


def closest_table_name(name: str, present: set[str]) -> str | None:
    """Return the sheet or file name of an absent table that ``name`` nearly spells.

    Tables already present are left out, so a sheet named ``notes`` beside the ``nodes``
    sheet is an extra sheet, not a misspelt ``nodes``.
    """
    aliases: dict[str, str] = {}
    for table in schema.TABLES:
        if table not in present:
            for alias in schema.sheet_names(table):
                aliases.setdefault(_fold_name(alias), alias)
    match = closest(_fold_name(name), list(aliases))
    return aliases[match] if match else None


def _fold_name(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").split()).casefold()


TOTAL_LABELS = frozenset(
    {"合计", "总计", "小计", "共计", "总和", "total", "totals", "subtotal", "grandtotal", "sum"}
)
"""Labels of a total row, folded: no white space or trailing colon, case folded."""


def total_label(values: list[Any]) -> tuple[int, str] | None:
    """Return the position and text of a total label (合计, Total, Sum) that opens a row.

    A row is a total row when its first filled cell is such a label and a later cell contains
    a number or a formula. A row with only the label is left to the usual checks.
    """
    filled = [
        (position, value) for position, value in enumerate(values) if not cells.is_blank(value)
    ]
    if len(filled) < 2:
        return None
    position, first = filled[0]
    if not isinstance(first, str):
        return None
    folded = "".join(first.split()).rstrip(":：").casefold()
    if folded not in TOTAL_LABELS:
        return None
    if not any(_is_number_or_formula(value) for _, value in filled[1:]):
        return None
    return position, first.strip()


def _is_number_or_formula(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float) or isinstance(value, cells.UncalculatedFormula):
        return True
    text = str(value).strip()
    return text.startswith("=") or cells.parse_number(text)[1] is None


def total_row_problem(file: str, sheet: str | None, row: int, column: str, label: str) -> Problem:
    """Return the one problem of a total row, in place of one per cell."""
    return Problem(
        file=file,
        sheet=sheet,
        row=row,
        column=column,
        message=N_(
            "The row looks like a total row ({label!r}). ecoplan computes totals itself, "
            "so delete the row."
        ),
        params={"label": label},
    )


def build_raw_table(
    table: str,
    rows: list[tuple[int, dict[str, Any]]],
    file: str,
    sheet: str | None,
    labels: dict[str, str],
) -> RawTable:
    """Build a raw table from ``(row number, {column: value})`` pairs.

    ``labels`` maps each column found in the file to its label in messages; a column found
    with no value at all is still present, so a required one is not reported missing.
    """
    names = [name for name in schema.column_names(table) if name in labels]
    data: dict[str, Any] = {
        name: pd.Series([values.get(name) for _, values in rows], dtype=object) for name in names
    }
    data[ROW] = pd.Series([number for number, _ in rows], dtype="int64")
    frame = pd.DataFrame(data)
    return RawTable(name=table, frame=frame, file=file, sheet=sheet, labels=labels)


def duplicate_table_problem(file: str, table: str, first: str, second: str) -> Problem:
    """Return the problem of two sheets or files that hold the same table."""
    return Problem(
        file=file,
        message=N_("Sheets or files {first!r} and {second!r} both hold table {table}."),
        expected=N_("one sheet or file per table"),
        params={"first": first, "second": second, "table": table},
    )


def validate(
    raw: dict[str, RawTable],
    problems: list[Problem],
    source: str,
    warnings: list[Problem] | None = None,
) -> Zone:
    """Validate ``raw`` and return the zone, or raise one error with every problem.

    The reader's ``warnings`` come first in the zone's warnings, or in the error's.

    Raises
    ------
    InputError
        Listing the reader's ``problems`` first, then every cell problem.
    """
    warnings = list(warnings or [])
    try:
        zone = validate_tables(raw, source=source)
    except InputError as error:
        raise InputError([*problems, *error.problems], [*warnings, *error.warnings]) from None
    if problems:
        raise InputError(problems, [*warnings, *zone.warnings])
    zone.warnings[:0] = warnings
    return zone

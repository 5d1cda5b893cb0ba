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


def validate(raw: dict[str, RawTable], problems: list[Problem], source: str) -> Zone:
    """Validate ``raw`` and return the zone, or raise one error with every problem.

    Raises
    ------
    InputError
        Listing the reader's ``problems`` first, then every cell problem.
    """
    try:
        zone = validate_tables(raw, source=source)
    except InputError as error:
        raise InputError([*problems, *error.problems]) from None
    if problems:
        raise InputError(problems)
    return zone

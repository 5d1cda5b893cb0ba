"""Typing of raw cells: each column converted to its schema type, with a problem per bad cell."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ecoplan import units
from ecoplan.errors import UnitError
from ecoplan.i18n import N_
from ecoplan.model import cell_columns, cells, schema
from ecoplan.model.cell_columns import ColumnCells
from ecoplan.model.raw import ROW, ProblemLog, RawTable
from ecoplan.model.vocab import VOCABULARIES, lookup


def type_table(table: RawTable, checker: ProblemLog) -> pd.DataFrame:
    """Convert each cell to its schema type; blank rows are dropped before."""
    frame, classified = _drop_blank_rows(table.frame)
    typed = pd.DataFrame({ROW: frame[ROW].to_numpy()}) if ROW in frame else pd.DataFrame()
    rows = typed[ROW].tolist() if ROW in typed else []
    for column in schema.columns(table.name):
        if column.name not in frame.columns:
            if column.required and len(frame):
                checker.add(
                    table.problem(
                        N_("Missing column {column!r}."),
                        column=column.name,
                        expected=N_("a column headed {heading}"),
                        heading=schema.bilingual_header(column),
                    )
                )
            typed[column.name] = _empty_column(column.type, len(frame))
            continue
        cells_ = classified[column.name]
        typed[column.name] = _type_column(table, column, cells_, rows, checker)
    return typed


def _drop_blank_rows(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, ColumnCells]]:
    """Drop the rows whose cells are all blank, and return the rest with its cells by column."""
    # By position, because a frame given to Zone.from_tables may repeat a column name.
    columns = [
        (name, cell_columns.classify(frame.iloc[:, position]))
        for position, name in enumerate(frame.columns)
        if name != ROW
    ]
    classified = dict(columns)
    if not columns or frame.empty:
        return frame, classified
    non_blank = ~np.logical_and.reduce([cells_.blank for _, cells_ in columns])
    if non_blank.all():
        return frame, classified
    classified = {name: cells_.take(non_blank) for name, cells_ in classified.items()}
    return frame.loc[non_blank].reset_index(drop=True), classified


def _empty_column(kind: str, length: int) -> pd.Series:
    if kind in ("float", "amount"):
        return pd.Series(np.full(length, np.nan), dtype="float64")
    if kind == "year":
        return pd.Series([pd.NA] * length, dtype="Int64")
    if kind == "bool":
        return pd.Series([pd.NA] * length, dtype="boolean")
    return pd.Series([None] * length, dtype="object")


_Parser = Callable[[Any, dict[str, str]], tuple[Any, str | None]]
"""A per-cell reader: ``(cell, accepted choices)`` to ``(value, problem)``."""


def _type_column(
    table: RawTable,
    column: schema.Column,
    cells_: ColumnCells,
    rows: list[int],
    checker: ProblemLog,
) -> pd.Series:
    """Type a column: plain cells in bulk, then every other cell one by one, in row order.

    Only cells read one by one can have a problem, so the problems and their order are those of
    :func:`_type_column_per_cell`.
    """
    accepted = lookup(column.vocab) if column.type == "choice" else {}
    values, resolved = cell_columns.read_column(column.type, cells_, accepted)
    if not column.required:
        resolved |= cells_.blank

    parse = _PARSERS[column.type]
    for position in np.flatnonzero(~resolved).tolist():
        value, row = cells_.objects[position], rows[position]
        values[position] = _type_cell(table, column, parse, accepted, value, row, checker)
    return _as_series(column.type, values)


def _type_column_per_cell(
    table: RawTable, column: schema.Column, values: list[Any], rows: list[int], checker: ProblemLog
) -> pd.Series:
    """Type a column one cell at a time: the reference that :func:`_type_column` must match."""
    parse = _PARSERS[column.type]
    accepted = lookup(column.vocab) if column.type == "choice" else {}
    out = np.empty(len(values), dtype=object)
    out[:] = [
        _type_cell(table, column, parse, accepted, value, row, checker)
        for value, row in zip(values, rows, strict=True)
    ]
    return _as_series(column.type, out)


def _type_cell(
    table: RawTable,
    column: schema.Column,
    parse: _Parser,
    accepted: dict[str, str],
    value: Any,
    row: int,
    checker: ProblemLog,
) -> Any:
    """Return the typed value of one cell, or ``None`` after adding its problem."""
    if isinstance(value, cells.UncalculatedFormula):
        checker.add(
            table.problem(
                N_(
                    "The cell holds a formula without a saved result, because the program "
                    "that wrote the file does not compute formulas."
                ),
                row=row,
                column=column.name,
                value=str(value),
                expected=N_(
                    "the file opened and saved again in Excel or WPS, which computes the "
                    "formula, or the value typed in"
                ),
            )
        )
        return None
    if cells.is_blank(value):
        if column.required:
            checker.add(
                table.problem(
                    N_("Missing value."),
                    row=row,
                    column=column.name,
                    expected=_expected(column),
                    **_expected_params(column),
                )
            )
        return None
    parsed, problem = parse(value, accepted)
    if problem:
        checker.add(
            table.problem(
                problem,
                row=row,
                column=column.name,
                value=value,
                expected=_expected(column),
                **_expected_params(column),
            )
        )
        return None
    if column.type == "amount" and parsed < 0:
        checker.add(
            table.problem(
                N_("Negative amount."),
                row=row,
                column=column.name,
                value=value,
                expected=N_("an amount of zero or more"),
            )
        )
        return None
    return parsed


def _as_series(kind: str, values: np.ndarray) -> pd.Series:
    """Return typed values, given as an object array with ``None`` for each missing one."""
    if kind not in ("float", "amount", "year", "bool"):
        return pd.Series(values, dtype="object")
    missing = pd.isna(values)
    if kind in ("float", "amount"):
        return pd.Series(np.where(missing, np.nan, values).astype(np.float64))
    if kind == "year":
        whole = np.where(missing, 0, values).astype(np.int64)
        return pd.Series(pd.arrays.IntegerArray(whole, missing))
    flags = np.where(missing, False, values).astype(bool)
    return pd.Series(pd.arrays.BooleanArray(flags, missing))


def _parse_choice(value: Any, accepted: dict[str, str]) -> tuple[str | None, str | None]:
    identifier = accepted.get(cells.parse_text(value).casefold())
    if identifier is None:
        return None, N_("Invalid choice: the value is not in the vocabulary.")
    return identifier, None


def _parse_unit(value: Any, _: dict[str, str]) -> tuple[str | None, str | None]:
    text = cells.parse_text(value)
    try:
        units.parse_unit(text)
    except UnitError:
        return None, N_("Unknown unit.")
    return text, None


def _text(value: Any, _: dict[str, str]) -> tuple[str, None]:
    return cells.parse_text(value), None


_PARSERS: dict[str, _Parser] = {
    "id": _text,
    "text": _text,
    "code": _text,
    "ref": _text,
    "choice": _parse_choice,
    "unit": _parse_unit,
    "float": lambda value, _: cells.parse_number(value),
    "amount": lambda value, _: cells.parse_number(value),
    "year": lambda value, _: cells.parse_year(value),
    "bool": lambda value, _: cells.parse_bool(value),
}


def _expected(column: schema.Column) -> str:
    if column.type == "choice":
        return N_("one of: {choices}")
    if column.type == "unit" and column.vocab in units.EXPECTED_UNIT:
        return units.EXPECTED_UNIT[column.vocab]
    return {
        "id": N_("a non-empty identifier, unique in the table"),
        "ref": N_("an identifier listed in {target}"),
        "float": N_("a number"),
        "amount": N_("a number of zero or more"),
        "year": N_("a year such as 2020"),
        "bool": N_("TRUE or FALSE"),
        "unit": N_("a unit such as t, MWh, m³ or 万吨"),
    }.get(column.type, N_("a value"))


def _expected_params(column: schema.Column) -> dict[str, str]:
    """Return the values that fill the placeholders of :func:`_expected` once translated."""
    if column.type == "choice":
        return {"choices": ", ".join(VOCABULARIES[column.vocab])}
    if column.type == "ref":
        return {"target": column.references}
    return {}

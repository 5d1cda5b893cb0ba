"""Typing of raw cells: each column converted to its schema type, with a problem per bad cell."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ecoplan import units
from ecoplan.errors import UnitError
from ecoplan.i18n import N_
from ecoplan.model import cells, schema
from ecoplan.model.raw import ROW, ProblemLog, RawTable
from ecoplan.model.vocab import VOCABULARIES, lookup


def type_table(table: RawTable, checker: ProblemLog) -> pd.DataFrame:
    """Convert each cell to its schema type; blank rows are dropped before."""
    frame = _drop_blank_rows(table.frame)
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
        values = frame[column.name].tolist()
        typed[column.name] = _type_column(table, column, values, rows, checker)
    return typed


def _drop_blank_rows(frame: pd.DataFrame) -> pd.DataFrame:
    data = [c for c in frame.columns if c != ROW]
    if not data or frame.empty:
        return frame
    blank = frame[data].map(cells.is_blank).all(axis=1)
    return frame.loc[~blank].reset_index(drop=True)


def _empty_column(kind: str, length: int) -> pd.Series:
    if kind in ("float", "amount"):
        return pd.Series(np.full(length, np.nan), dtype="float64")
    if kind == "year":
        return pd.Series([pd.NA] * length, dtype="Int64")
    if kind == "bool":
        return pd.Series([pd.NA] * length, dtype="boolean")
    return pd.Series([None] * length, dtype="object")


def _type_column(
    table: RawTable, column: schema.Column, values: list[Any], rows: list[int], checker: ProblemLog
) -> pd.Series:
    parse = _PARSERS[column.type]
    accepted = lookup(column.vocab) if column.type == "choice" else {}
    out: list[Any] = []
    for value, row in zip(values, rows, strict=True):
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
            out.append(None)
            continue
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
            out.append(None)
            continue
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
            out.append(None)
            continue
        out.append(parsed)
    return _as_series(column.type, out)


def _as_series(kind: str, values: list[Any]) -> pd.Series:
    if kind in ("float", "amount"):
        return pd.Series([np.nan if v is None else v for v in values], dtype="float64")
    if kind == "year":
        return pd.Series([pd.NA if v is None else v for v in values], dtype="Int64")
    if kind == "bool":
        return pd.Series([pd.NA if v is None else v for v in values], dtype="boolean")
    return pd.Series(values, dtype="object")


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


_PARSERS: dict[str, Callable[[Any, dict[str, str]], tuple[Any, str | None]]] = {
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

"""Typing of raw cells: the bulk path must give the per-cell path's values and problems."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecoplan.model import cells, schema
from ecoplan.model.cell_columns import classify
from ecoplan.model.coerce import _type_column, _type_column_per_cell, type_table
from ecoplan.model.raw import ROW, ProblemLog, RawTable
from ecoplan.model.vocab import lookup


def _one_column_per_type() -> list[tuple[str, schema.Column]]:
    """Return one schema column for each (type, required) pair, with its table."""
    found: dict[tuple[str, bool], tuple[str, schema.Column]] = {}
    for table in schema.TABLES:
        for column in schema.columns(table):
            found.setdefault((column.type, column.required), (table, column))
    return [found[key] for key in sorted(found)]


COLUMNS = _one_column_per_type()
CHOICE_WORDS = sorted(
    {word for _, column in COLUMNS if column.type == "choice" for word in lookup(column.vocab)}
)
FULL_WIDTH = str.maketrans("0123456789.-", "０１２３４５６７８９．－")

finite = st.floats(allow_nan=False, allow_infinity=False)
blank_cells = st.one_of(
    st.none(),
    st.sampled_from([float("nan"), np.float64("nan"), pd.NA, pd.NaT]),
    st.sampled_from(["", " ", "\t", "\u3000", "\n  "]),
)
number_cells = st.one_of(
    finite,
    finite.map(np.float64),
    st.integers(-(10**20), 10**20),
    st.integers(-(10**6), 10**6).map(np.int64),
    finite.map(repr),
    finite.map(lambda x: f"  {x!r} "),
    finite.map(lambda x: f"{x:,.2f}"),
    finite.map(lambda x: repr(x).translate(FULL_WIDTH)),
    st.integers(1700, 2300),
    st.integers(1700, 2300).map(str),
    st.integers(1700, 2300).map(float),
    st.sampled_from(["1e400", "-1e400", "inf", "nan", "-0", "1.", ".5", "+.5e3", "1e", "1_000"]),
    st.sampled_from(["2020.0", "2020.5", "1,234", "1 234", "＋１２", "1,2,3"]),
    st.sampled_from([float("inf"), float("-inf"), np.float32("nan"), np.float32(1.5)]),
)
special_cells = st.one_of(
    st.sampled_from(["#REF!", "#n/a", " #DIV/0! ", "#VALUE!"]),
    st.dates(),
    st.datetimes(),
    st.dates().map(str),
    st.times(),
    st.booleans(),
    st.sampled_from(["TRUE", "false", "是", "否", "1.0", "0.0", "Y", " yes ", "T"]),
    st.sampled_from(CHOICE_WORDS).map(str.upper),
    st.sampled_from(CHOICE_WORDS).map(lambda word: f" {word} "),
    st.sampled_from(["t", "万吨", "MWh", "m³", "t/d", "万千瓦时", "tce", "not a unit", "kg"]),
    st.text(max_size=6),
    st.text(max_size=6).map(np.str_),
    st.sampled_from(["=SUM(F2:F3)", "=A1", "2020"]).map(cells.UncalculatedFormula),
)
any_cell = st.one_of(blank_cells, number_cells, special_cells)


def _both_paths(
    table: str, column: schema.Column, values: list[Any], series: pd.Series | None = None
) -> tuple[tuple[pd.Series, list[Any]], tuple[pd.Series, list[Any]]]:
    """Type ``values`` in bulk and cell by cell; return each typed column with its problems."""
    raw = RawTable(name=table, frame=pd.DataFrame(), file="cells.csv")
    rows = list(range(2, len(values) + 2))
    if series is None:
        series = pd.Series(values, dtype=object)
    bulk_log, cell_log = ProblemLog(), ProblemLog()
    bulk = _type_column(raw, column, classify(series), rows, bulk_log)
    per_cell = _type_column_per_cell(raw, column, series.tolist(), rows, cell_log)
    return (bulk, bulk_log.problems), (per_cell, cell_log.problems)


@pytest.mark.parametrize(
    ("table", "column"),
    COLUMNS,
    ids=[f"{column.type}-{'required' if column.required else 'optional'}" for _, column in COLUMNS],
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(any_cell, max_size=25))
def test_bulk_matches_per_cell(table: str, column: schema.Column, values: list[Any]) -> None:
    (bulk, bulk_problems), (per_cell, cell_problems) = _both_paths(table, column, values)
    pd.testing.assert_series_equal(bulk, per_cell, check_exact=True)
    assert bulk_problems == cell_problems


@pytest.mark.parametrize(
    ("table", "column"),
    COLUMNS,
    ids=[f"{column.type}-{'required' if column.required else 'optional'}" for _, column in COLUMNS],
)
@settings(max_examples=40, deadline=None)
@given(
    floats=st.lists(st.one_of(finite, st.just(float("nan"))), max_size=12),
    dtype=st.sampled_from(["float64", "Float64", "str", "string", "object"]),
)
def test_bulk_matches_per_cell_typed_input(
    table: str, column: schema.Column, floats: list[float], dtype: str
) -> None:
    source = pd.Series(floats, dtype="float64")
    series = source.astype(pd.api.types.pandas_dtype(dtype))
    (bulk, bulk_problems), (per_cell, cell_problems) = _both_paths(
        table, column, series.tolist(), series
    )
    pd.testing.assert_series_equal(bulk, per_cell, check_exact=True)
    assert bulk_problems == cell_problems


@settings(max_examples=100, deadline=None)
@given(
    first=st.lists(st.one_of(blank_cells, st.sampled_from(["F1", 3.5, dt.date(2020, 1, 1)]))),
    second=st.lists(st.one_of(blank_cells, st.sampled_from(["2020", np.str_(" "), pd.NaT]))),
)
def test_blank_rows_dropped(first: list[Any], second: list[Any]) -> None:
    length = min(len(first), len(second))
    frame = pd.DataFrame(
        {
            "flow_id": pd.Series(first[:length], dtype=object),
            "year": pd.Series(second[:length], dtype=object),
        }
    )
    table = RawTable.from_frame("flows", frame, file="flows.csv")
    typed = type_table(table, ProblemLog())

    expected_rows = [
        row
        for row, a, b in zip(table.frame[ROW], first, second, strict=False)
        if not (cells.is_blank(a) and cells.is_blank(b))
    ]
    assert typed[ROW].tolist() == expected_rows


def _flows_amount() -> tuple[str, schema.Column]:
    return "flows", next(c for c in schema.columns("flows") if c.name == "amount")


def test_amount_cells_worked_by_hand() -> None:
    table, column = _flows_amount()
    values: list[Any] = ["1,234.5", " 12 ", "１２．５", "#REF!", "  ", "-3", "2020-01-05", True, 7]
    (bulk, problems), _ = _both_paths(table, column, values)

    expected = [1234.5, 12.0, 12.5, np.nan, np.nan, np.nan, np.nan, np.nan, 7.0]
    np.testing.assert_array_equal(bulk.to_numpy(), np.array(expected))
    assert bulk.dtype == np.float64
    assert [(p.row, p.message) for p in problems] == [
        (5, "Invalid number: a spreadsheet error where a number is expected; fix the formula."),
        (6, "Missing value."),
        (7, "Negative amount."),
        (8, "Invalid number: a date where a number is expected; format the cell as a number."),
        (9, "Invalid number: a TRUE/FALSE value where a number is expected."),
    ]


def test_number_text_too_large_is_infinite() -> None:
    table, column = _flows_amount()
    (bulk, problems), _ = _both_paths(table, column, ["1e400"])

    assert bulk.isna().tolist() == [True]
    assert [p.message for p in problems] == ["Invalid number: the number is infinite or undefined."]


def test_year_text_too_large_is_a_problem() -> None:
    table, column = "zone", next(c for c in schema.columns("zone") if c.name == "base_year")
    (bulk, problems), _ = _both_paths(table, column, ["2020", "1e400", 2021.0, "2020.5"])

    assert bulk.dtype == "Int64"
    assert bulk.tolist() == [2020, pd.NA, 2021, pd.NA]
    assert [p.row for p in problems] == [3, 5]


def test_choice_and_flag_cells_worked_by_hand() -> None:
    zone = schema.columns("zone")
    currency = next(c for c in zone if c.name == "currency")
    (choices, problems), _ = _both_paths("zone", currency, [" cny ", "Renminbi?"])
    assert choices.tolist() == ["CNY", None]
    assert [p.row for p in problems] == [3]

    hazardous = next(c for c in schema.columns("resources") if c.name == "hazardous")
    (flags, problems), _ = _both_paths("resources", hazardous, ["是", " FALSE ", "1.0", True, "x"])
    assert flags.dtype == "boolean"
    assert flags.tolist() == [True, False, True, True, pd.NA]
    assert [p.row for p in problems] == [6]


@pytest.mark.parametrize(("table", "column"), COLUMNS, ids=[column.type for _, column in COLUMNS])
def test_uncalculated_formula_is_its_own_problem(table: str, column: schema.Column) -> None:
    """A formula saved without a result is named, in every column type, never read as text."""
    formula = cells.UncalculatedFormula("=SUM(F2:F3)")

    (bulk, bulk_problems), (per_cell, _) = _both_paths(table, column, ["", formula])

    assert bulk.isna().tolist() == [True, True]
    problems = [problem for problem in bulk_problems if problem.row == 3]
    assert len(problems) == 1
    assert problems[0].value == "=SUM(F2:F3)"
    assert problems[0].message.startswith("The cell holds a formula without a saved result")

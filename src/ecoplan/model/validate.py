"""Validation of raw tables into a :class:`~ecoplan.model.zone.Zone`.

Readers (workbook, CSV, JSON, store) turn a file into :class:`RawTable` objects: cells as
read, under schema column names, each row with the row number a user sees in the file. This
module checks every cell against ``schema.csv``, collects every problem of every table, and
either returns a zone in canonical units or raises one :class:`InputError` with them all.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ecoplan import units
from ecoplan.errors import InputError, Problem, UnitError
from ecoplan.i18n import N_
from ecoplan.model import cells, schema
from ecoplan.model.vocab import VOCABULARIES, lookup
from ecoplan.model.zone import Zone

ROW = "_row"
"""Name of the column that holds each row's number in its file."""

_CODE_PATTERNS = {
    "EWC": (re.compile(r"^\d{6}\*?$"), N_("a six-digit EWC code as text, e.g. 100102 or 100104*")),
    "CN-HW": (
        re.compile(r"^(HW\d{2}:)?\d{3}-\d{3}-\d{2}$"),
        N_("a hazardous-waste catalogue code such as 772-002-18"),
    ),
}


@dataclass
class RawTable:
    """One table as read from a file, before validation.

    ``frame`` has schema column names and raw cell values; its ``_row`` column holds the row
    number a user sees (Excel row, CSV line, JSON array index). ``labels`` maps a column name
    to how the file shows it (for example ``"F (amount)"``), for messages. ``sheet_label`` and
    ``row_label`` are passed on to each :class:`Problem`.
    """

    name: str
    frame: pd.DataFrame
    file: str
    sheet: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    sheet_label: str = N_("sheet {sheet}")
    row_label: str = N_("row {row}")

    @classmethod
    def from_frame(
        cls, name: str, frame: pd.DataFrame, file: str, sheet: str | None = None, first_row: int = 2
    ) -> RawTable:
        """Wrap a DataFrame; rows are numbered from ``first_row`` unless ``_row`` is given."""
        frame = frame.copy()
        if ROW not in frame.columns:
            frame[ROW] = np.arange(first_row, first_row + len(frame))
        return cls(name=name, frame=frame.reset_index(drop=True), file=file, sheet=sheet)

    def problem(
        self,
        message: str,
        row: int | None = None,
        column: str | None = None,
        value: Any = None,
        expected: str | None = None,
        **params: Any,
    ) -> Problem:
        """Return a problem located in this table."""
        return Problem(
            file=self.file,
            sheet=self.sheet,
            row=row,
            column=self.labels.get(column, column) if column else None,
            message=message,
            value=value,
            expected=expected,
            params=params,
            sheet_label=self.sheet_label,
            row_label=self.row_label,
        )


class _Checker:
    """Collects the problems of one validation run."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)


def validate_tables(raw: dict[str, RawTable], source: str) -> Zone:
    """Validate every table and return the zone, or raise :class:`InputError` with all problems."""
    checker = _Checker()
    _check_required_tables(raw, source, checker)
    typed: dict[str, pd.DataFrame] = {}
    for name in schema.TABLES:
        table = raw.get(name) or RawTable.from_frame(name, pd.DataFrame(), file=source)
        typed[name] = _type_table(table, checker)
    _check_single_zone_row(raw.get("zone"), typed["zone"], checker)
    _check_references(raw, typed, checker)
    _check_codes(raw, typed, checker)
    _check_table_rules(raw, typed, checker)
    currency = _zone_currency(typed["zone"])
    _add_quantities(raw, typed, currency, checker)
    if checker.problems:
        raise InputError(checker.problems)
    typed = {name: frame.drop(columns=[ROW], errors="ignore") for name, frame in typed.items()}
    return Zone(tables=typed, source=source)


def _check_required_tables(raw: dict[str, RawTable], source: str, checker: _Checker) -> None:
    for name in schema.REQUIRED_TABLES:
        if name not in raw:
            checker.add(
                Problem(
                    file=source,
                    message=N_("Missing sheet or file {table!r}."),
                    expected=N_("a sheet or file named {names}"),
                    params={"table": name, "names": " / ".join(schema.sheet_names(name))},
                )
            )


def _type_table(table: RawTable, checker: _Checker) -> pd.DataFrame:
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
    table: RawTable, column: schema.Column, values: list[Any], rows: list[int], checker: _Checker
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


def _check_single_zone_row(table: RawTable | None, frame: pd.DataFrame, checker: _Checker) -> None:
    if table is not None and len(frame) != 1:
        checker.add(
            table.problem(
                N_("The zone sheet must have exactly one row, not {count}."), count=len(frame)
            )
        )


def _check_references(
    raw: dict[str, RawTable], typed: dict[str, pd.DataFrame], checker: _Checker
) -> None:
    for name in schema.TABLES:
        frame = typed[name]
        table = raw.get(name)
        if table is None:
            continue
        identifier = schema.id_column(name)
        if identifier:
            _check_unique(table, frame, identifier, checker)
        for column in schema.columns(name):
            if column.type != "ref" or not len(frame):
                continue
            target_table, target_column = column.references.split(".")
            known = set(typed[target_table][target_column].dropna())
            values = frame[column.name]
            bad = values.notna() & ~values.isin(known)
            for row, value in zip(frame.loc[bad, ROW], values[bad], strict=True):
                checker.add(
                    table.problem(
                        _unknown_reference_message(value, known),
                        row=int(row),
                        column=column.name,
                        value=value,
                        expected=N_("an identifier listed in {target}"),
                        target=column.references,
                        match=_closest(value, known),
                    )
                )


def _closest(value: str, known: set[str]) -> str | None:
    """Return the listed identifier nearest to ``value``, such as Oth_R32 for Oth-R32."""
    matches = difflib.get_close_matches(value, sorted(known, key=str), n=1, cutoff=0.8)
    return matches[0] if matches else None


def _unknown_reference_message(value: str, known: set[str]) -> str:
    if _closest(value, known) is None:
        return N_("Unknown {target}: {value!r} is not listed there.")
    return N_("Unknown {target}: {value!r} is not listed there. Did you mean {match!r}?")


def _check_unique(table: RawTable, frame: pd.DataFrame, identifier: str, checker: _Checker) -> None:
    ids = frame[identifier]
    duplicated = ids.notna() & ids.duplicated(keep="first")
    for row, value in zip(frame.loc[duplicated, ROW], ids[duplicated], strict=True):
        first = int(frame.loc[ids == value, ROW].iloc[0])
        checker.add(
            table.problem(
                N_("Duplicate identifier {value!r}; it is already used in row {first}."),
                row=int(row),
                column=identifier,
                value=value,
                expected=N_("an identifier used once in the table"),
                first=first,
            )
        )


def _check_codes(
    raw: dict[str, RawTable], typed: dict[str, pd.DataFrame], checker: _Checker
) -> None:
    resources = typed["resources"]
    table = raw.get("resources")
    if table is None or not len(resources):
        return
    for taxonomy, (pattern, expected) in _CODE_PATTERNS.items():
        rows = resources["taxonomy"] == taxonomy
        for row, code in zip(resources.loc[rows, ROW], resources.loc[rows, "code"], strict=True):
            if code is None or not pattern.match(str(code).replace(" ", "")):
                checker.add(
                    table.problem(
                        N_(
                            "Invalid {taxonomy} code. A code typed as a number loses its leading "
                            "zeros: format the column as text."
                        ),
                        row=int(row),
                        column="code",
                        value=code,
                        expected=expected,
                        taxonomy=taxonomy,
                    )
                )


def _check_table_rules(
    raw: dict[str, RawTable], typed: dict[str, pd.DataFrame], checker: _Checker
) -> None:
    stocks, table = typed["stocks"], raw.get("stocks")
    if table is not None and len(stocks):
        empty = stocks["level"].isna() & stocks["change"].isna()
        for row in stocks.loc[empty, ROW]:
            checker.add(
                table.problem(
                    N_("A stock row needs a level, a change or both."),
                    row=int(row),
                    column="level",
                    expected=N_("a number in level or change"),
                )
            )
    durables, table = typed["durables"], raw.get("durables")
    if table is not None:
        for _, durable in durables.iterrows():
            for column in _missing_lifetime_parameters(durable):
                checker.add(
                    table.problem(
                        N_("Missing lifetime parameter for a {distribution} distribution."),
                        row=int(durable[ROW]),
                        column=column,
                        expected=N_("a number of years"),
                        distribution=durable["distribution"],
                    )
                )
    sites, table = typed["sites"], raw.get("sites")
    if table is not None:
        for column, limit in (("longitude", 180.0), ("latitude", 90.0)):
            bad = sites[column].abs() > limit
            for row, value in zip(sites.loc[bad, ROW], sites.loc[bad, column], strict=True):
                checker.add(
                    table.problem(
                        N_("Coordinate out of range."),
                        row=int(row),
                        column=column,
                        value=value,
                        expected=N_("degrees between -{limit} and {limit}"),
                        limit=limit,
                    )
                )


def _missing_lifetime_parameters(durable: pd.Series) -> Iterable[str]:
    needed = {
        "fixed": ("lifetime_mean",),
        "normal": ("lifetime_mean", "lifetime_sd"),
        "weibull": ("weibull_shape", "weibull_scale"),
    }.get(durable["distribution"] or "", ())
    return [column for column in needed if pd.isna(durable[column])]


def _zone_currency(zone: pd.DataFrame) -> str:
    if len(zone) and zone["currency"].iloc[0]:
        return str(zone["currency"].iloc[0])
    return "CNY"


def _add_quantities(
    raw: dict[str, RawTable], typed: dict[str, pd.DataFrame], currency: str, checker: _Checker
) -> None:
    dimensions: dict[str, str] = dict(
        zip(typed["resources"]["resource_id"], typed["resources"]["dimension"], strict=True)
    )
    for name, amount_columns in (
        ("flows", {"amount": "quantity"}),
        ("listings", {"amount": "quantity"}),
        ("stocks", {"level": "level_quantity", "change": "change_quantity"}),
    ):
        frame = typed[name]
        table = raw.get(name) or RawTable.from_frame(name, pd.DataFrame(), file="")
        dimension = frame["resource_id"].map(dimensions) if len(frame) else pd.Series(dtype=object)
        hours = frame["operating_hours"] if "operating_hours" in frame else None
        factors = _factors(table, frame, dimension, hours, checker)
        for amount, quantity in amount_columns.items():
            frame[quantity] = frame[amount].to_numpy(dtype=float) * factors
    _add_series_quantities(raw, typed, dimensions, checker)
    _add_economy_quantities(raw, typed, currency, checker)
    _add_site_areas(raw, typed, checker)


def _factors(
    table: RawTable,
    frame: pd.DataFrame,
    dimension: pd.Series,
    hours: pd.Series | None,
    checker: _Checker,
    unit_column: str = "unit",
) -> np.ndarray:
    """Return the canonical conversion factor of each row (NaN where the unit is invalid)."""
    factors = np.full(len(frame), np.nan)
    if not len(frame):
        return factors
    keys = pd.DataFrame(
        {
            "unit": frame[unit_column],
            "dimension": dimension,
            "hours": hours if hours is not None else np.nan,
        }
    )
    groups = keys.groupby(["unit", "dimension", "hours"], dropna=False).groups
    for key, index in groups.items():
        unit: Any
        dim: Any
        hour: Any
        unit, dim, hour = key  # type: ignore[misc]
        if not isinstance(unit, str) or not isinstance(dim, str):
            continue
        hours_per_year: float | None = None if pd.isna(hour) else float(hour)
        try:
            factor = units.conversion_factor(unit, dim, hours_per_year)
        except UnitError as error:
            for row in frame.loc[index, ROW]:
                checker.add(
                    table.problem(
                        N_("Unit {unit!r} cannot be used here: {reason}"),
                        row=int(row),
                        column=unit_column,
                        value=unit,
                        expected=units.EXPECTED_UNIT.get(dim),
                        unit=unit,
                        reason=str(error),
                    )
                )
            continue
        factors[frame.index.get_indexer(index)] = factor
    return factors


def _add_series_quantities(
    raw: dict[str, RawTable],
    typed: dict[str, pd.DataFrame],
    dimensions: dict[str, str],
    checker: _Checker,
) -> None:
    durables = typed["durables"]
    series = typed["durable_series"]
    unit_of = durables.set_index("durable_id")["unit"].to_dict() if len(durables) else {}
    resource_of = durables.set_index("durable_id")["resource_id"].to_dict() if len(durables) else {}
    factors = np.full(len(series), np.nan)
    table = raw.get("durables")
    for durable_id, index in series.groupby("durable_id").groups.items():
        unit = unit_of.get(durable_id)
        if not isinstance(unit, str) or table is None:
            continue
        dimension = dimensions.get(resource_of.get(durable_id) or "") or units.dimension_of(unit)
        row = int(durables.loc[durables["durable_id"] == durable_id, ROW].iloc[0])
        try:
            factors[series.index.get_indexer(index)] = units.conversion_factor(
                unit, dimension or "count"
            )
        except UnitError as error:
            checker.add(
                table.problem(
                    N_("Unit {unit!r} cannot be used here: {reason}"),
                    row=row,
                    column="unit",
                    value=unit,
                    unit=unit,
                    reason=str(error),
                )
            )
    series["quantity"] = series["value"].to_numpy(dtype=float) * factors


def _add_economy_quantities(
    raw: dict[str, RawTable], typed: dict[str, pd.DataFrame], currency: str, checker: _Checker
) -> None:
    economy = typed["economy"]
    table = raw.get("economy")
    quantity = np.full(len(economy), np.nan)
    for position, (row, variable, unit, value) in enumerate(
        zip(economy[ROW], economy["variable"], economy["unit"], economy["value"], strict=True)
    ):
        if not isinstance(unit, str) or table is None or pd.isna(value):
            continue
        try:
            quantity[position] = value * _economy_factor(variable, unit, currency)
        except UnitError as error:
            checker.add(
                table.problem(
                    N_("Unit {unit!r} cannot be used here: {reason}"),
                    row=int(row),
                    column="unit",
                    value=unit,
                    unit=unit,
                    reason=str(error),
                )
            )
    economy["quantity"] = quantity


def _economy_factor(variable: str | None, unit: str, currency: str) -> float:
    if variable in ("gdp", "industrial_value_added", "gross_output"):
        return units.money_factor(unit, currency)
    if variable == "built_land":
        return units.conversion_factor(unit, "area")
    if variable == "population":
        return units.conversion_factor(unit, "count")
    return 1.0


def _add_site_areas(
    raw: dict[str, RawTable], typed: dict[str, pd.DataFrame], checker: _Checker
) -> None:
    sites = typed["sites"]
    table = raw.get("sites")
    area = np.full(len(sites), np.nan)
    for position, (row, value, unit) in enumerate(
        zip(sites[ROW], sites["area"], sites["area_unit"], strict=True)
    ):
        if pd.isna(value) or table is None:
            continue
        if not isinstance(unit, str):
            checker.add(
                table.problem(
                    N_("Missing unit for the area."),
                    row=int(row),
                    column="area_unit",
                    expected=units.EXPECTED_UNIT["area"],
                )
            )
            continue
        try:
            area[position] = value * units.conversion_factor(unit, "area")
        except UnitError as error:
            checker.add(
                table.problem(
                    N_("Unit {unit!r} cannot be used here: {reason}"),
                    row=int(row),
                    column="area_unit",
                    value=unit,
                    unit=unit,
                    reason=str(error),
                )
            )
    sites["area_ha"] = area

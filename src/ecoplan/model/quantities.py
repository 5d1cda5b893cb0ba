"""Canonical quantities: each amount converted to its dimension's unit, per year."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ecoplan import units
from ecoplan.errors import UnitError
from ecoplan.i18n import N_, _
from ecoplan.model.raw import ROW, ProblemLog, RawTable


def zone_currency(zone: pd.DataFrame) -> str:
    if len(zone) and zone["currency"].iloc[0]:
        return str(zone["currency"].iloc[0])
    return "CNY"


def add_quantities(
    raw: dict[str, RawTable], typed: dict[str, pd.DataFrame], currency: str, checker: ProblemLog
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
        _check_hours(table, frame, checker)
        factors = _factors(table, frame, dimension, hours, checker)
        for amount, quantity in amount_columns.items():
            frame[quantity] = frame[amount].to_numpy(dtype=float) * factors
            _check_plausible(table, frame, amount, quantity, checker)
    _add_series_quantities(raw, typed, dimensions, checker)
    _add_economy_quantities(raw, typed, currency, checker)
    _add_site_areas(raw, typed, checker)


HOURS_PER_LEAP_YEAR = 8784.0
LARGEST_QUANTITY = 1e12
"""Largest annual amount accepted in a canonical unit (t, MWh, m³, ha). World material
extraction is about 1e11 t a year and world primary energy about 1.7e11 MWh, so a larger
amount of one zone's flow is a unit or typing mistake."""


def _check_hours(table: RawTable, frame: pd.DataFrame, checker: ProblemLog) -> None:
    if "operating_hours" not in frame or not len(frame):
        return
    hours = frame["operating_hours"].to_numpy(dtype=float)
    for row, value in zip(
        frame.loc[hours > HOURS_PER_LEAP_YEAR, ROW], hours[hours > HOURS_PER_LEAP_YEAR], strict=True
    ):
        checker.add(
            table.problem(
                N_("More operating hours than a year has."),
                row=int(row),
                column="operating_hours",
                value=value,
                expected=N_("hours per year between 0 and 8,784"),
            )
        )


def _check_plausible(
    table: RawTable, frame: pd.DataFrame, amount: str, quantity: str, checker: ProblemLog
) -> None:
    values = frame[quantity].to_numpy(dtype=float)
    too_large = np.abs(np.nan_to_num(values)) > LARGEST_QUANTITY
    for row, value in zip(frame.loc[too_large, ROW], frame.loc[too_large, amount], strict=True):
        checker.add(
            table.problem(
                N_("Implausibly large amount (over 10¹² t, MWh or m³ a year); check the unit."),
                row=int(row),
                column=amount,
                value=value,
                expected=N_("an annual amount of one zone's flow"),
            )
        )


def _factors(
    table: RawTable,
    frame: pd.DataFrame,
    dimension: pd.Series,
    hours: pd.Series | None,
    checker: ProblemLog,
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
        if hours is not None and _lacks_hours(unit, dim, hours_per_year):
            for row in frame.loc[index, ROW]:
                checker.add(_missing_hours(table, int(row), unit, hours_per_year))
            continue
        try:
            factor = _conversion_factor(unit, dim, hours_per_year)
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


def _conversion_factor(unit: str, dimension: str, hours_per_year: float | None) -> float:
    """Return :func:`units.conversion_factor`, with the dimension checked first.

    ``conversion_factor`` requires operating hours before it compares dimensions, so a rate
    of another dimension (t/d for an energy flow) would be reported as lacking hours.
    """
    measured = units.dimension_of(unit)
    if measured is not None and measured != dimension:
        raise UnitError(
            _("Unit {unit!r} does not measure {dimension}.").format(
                unit=unit, dimension=_(dimension)
            )
        )
    return units.conversion_factor(unit, dimension, hours_per_year)


def _lacks_hours(unit: str, dimension: str, hours_per_year: float | None) -> bool:
    """Tell whether ``unit`` is a rate of ``dimension`` per day or hour given no usable hours.

    A unit that is unknown or of another dimension is left to the conversion, which names
    that problem instead.
    """
    if hours_per_year is not None and hours_per_year > 0:
        return False
    try:
        return units.dimension_of(unit) == dimension and units.needs_operating_hours(unit)
    except UnitError:
        return False


def _missing_hours(table: RawTable, row: int, unit: str, hours_per_year: float | None) -> Any:
    return table.problem(
        N_("The unit {unit!r} is a rate, so the row needs its operating hours per year."),
        row=row,
        column="operating_hours",
        value=hours_per_year,
        expected=N_("the hours per year at that rate, such as 8000 (at most 8,784)"),
        unit=unit,
    )


def _add_series_quantities(
    raw: dict[str, RawTable],
    typed: dict[str, pd.DataFrame],
    dimensions: dict[str, str],
    checker: ProblemLog,
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
    raw: dict[str, RawTable], typed: dict[str, pd.DataFrame], currency: str, checker: ProblemLog
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
    raw: dict[str, RawTable], typed: dict[str, pd.DataFrame], checker: ProblemLog
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

"""Rules of the heat streams table: temperatures, kind, and heat-capacity flowrate or load.

The generic checks of ``schema.csv`` (types, vocabularies, references) run first; these rules
add what a single cell cannot show: a stream must change temperature, a hot stream must cool
and a cold stream warm, and its size must be given, as a heat-capacity flowrate [kW/K] or a
heat load [kW], each with a unit that pint converts.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import Any

import pandas as pd

from ecoplan import units
from ecoplan.errors import Problem, UnitError
from ecoplan.i18n import N_
from ecoplan.model.raw import ROW, ProblemLog, RawTable

SIZE_COLUMNS = {
    "heat_capacity_flowrate": (
        "cp_unit",
        "kW/K",
        N_("a heat-capacity flowrate unit such as kW/K or MW/K"),
    ),
    "heat_load": ("heat_load_unit", "kW", N_("a power unit such as kW or MW")),
}
"""Each size column: its unit column, the unit it is converted to, and the expected text."""

LOAD_TOLERANCE = 0.01
"""Largest relative gap between a heat load and CP × |ΔT| when a row gives both [1]."""


def check_heat_streams(table: RawTable | None, streams: pd.DataFrame, checker: ProblemLog) -> None:
    """Add a problem for each heat stream whose temperatures, kind or size are inconsistent."""
    if table is None or not len(streams):
        return
    for stream in streams.to_dict("records"):
        row = int(stream[ROW])
        _check_temperatures(table, stream, row, checker)
        _check_size(table, stream, row, checker)


def _check_temperatures(
    table: RawTable, stream: dict[Hashable, Any], row: int, checker: ProblemLog
) -> None:
    supply, target = stream["supply_temperature"], stream["target_temperature"]
    if pd.isna(supply) or pd.isna(target):
        return
    if supply == target:
        checker.add(
            table.problem(
                N_(
                    "The supply and target temperatures are equal; a heat stream must change "
                    "temperature."
                ),
                row=row,
                column="target_temperature",
                value=target,
                expected=N_(
                    "a target temperature other than the supply temperature; give a "
                    "phase change as a stream over a 1 K range"
                ),
            )
        )
    elif stream["kind"] == "hot" and supply < target:
        checker.add(
            _kind_problem(
                table,
                row,
                N_(
                    "A hot stream must cool down, but its target "
                    "temperature is above its supply temperature."
                ),
            )
        )
    elif stream["kind"] == "cold" and supply > target:
        checker.add(
            _kind_problem(
                table,
                row,
                N_(
                    "A cold stream must warm up, but its target "
                    "temperature is below its supply temperature."
                ),
            )
        )


def _kind_problem(table: RawTable, row: int, message: str) -> Problem:
    return table.problem(
        message,
        row=row,
        column="kind",
        expected=N_("hot when the supply temperature is above the target, cold otherwise"),
    )


def _check_size(
    table: RawTable, stream: dict[Hashable, Any], row: int, checker: ProblemLog
) -> None:
    given = [column for column in SIZE_COLUMNS if not pd.isna(stream[column])]
    if not given:
        checker.add(
            table.problem(
                N_("A heat stream needs a heat-capacity flowrate or a heat load."),
                row=row,
                column="heat_capacity_flowrate",
                expected=N_(
                    "a number in heat_capacity_flowrate with cp_unit, or in heat_load "
                    "with heat_load_unit"
                ),
            )
        )
        return
    converted = {column: _converted(table, stream, column, row, checker) for column in given}
    if len(converted) == 2 and None not in converted.values():
        _check_load_matches(table, stream, converted, row, checker)


def _converted(
    table: RawTable, stream: dict[Hashable, Any], column: str, row: int, checker: ProblemLog
) -> float | None:
    """Return the value of ``column`` in kW/K or kW, or add a problem and return None."""
    unit_column, target, expected = SIZE_COLUMNS[column]
    unit, value = stream[unit_column], float(stream[column])
    if value <= 0:
        checker.add(
            table.problem(
                N_("The heat-capacity flowrate and heat load of a stream must be above zero."),
                row=row,
                column=column,
                value=value,
                expected=N_("a number greater than 0"),
            )
        )
        return None
    if not isinstance(unit, str) or not unit.strip():
        checker.add(
            table.problem(
                N_("Missing unit for {name}."),
                row=row,
                column=unit_column,
                expected=expected,
                name=column,
            )
        )
        return None
    try:
        return units.convert(value, unit, target)
    except UnitError as error:
        checker.add(
            table.problem(
                N_("Unit {unit!r} cannot be used here: {reason}"),
                row=row,
                column=unit_column,
                value=unit,
                expected=expected,
                unit=unit,
                reason=str(error),
            )
        )
        return None


def _check_load_matches(
    table: RawTable,
    stream: dict[Hashable, Any],
    converted: dict[str, float | None],
    row: int,
    checker: ProblemLog,
) -> None:
    span = abs(float(stream["supply_temperature"]) - float(stream["target_temperature"]))
    cp, load = converted["heat_capacity_flowrate"], converted["heat_load"]
    if cp is None or load is None or not span:
        return
    if not math.isclose(cp * span, load, rel_tol=LOAD_TOLERANCE):
        checker.add(
            table.problem(
                N_(
                    "The heat load, {load} kW, differs from the heat-capacity flowrate times "
                    "the temperature change, {product} kW; correct one or leave heat_load empty."
                ),
                row=row,
                column="heat_load",
                value=stream["heat_load"],
                expected=N_("a heat load equal to CP × |supply − target| within 1 %"),
                load=f"{load:.6g}",
                product=f"{cp * span:.6g}",
            )
        )

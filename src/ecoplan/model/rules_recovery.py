"""Rules of the materials recovery facility tables, and their amounts in canonical units.

The generic checks of ``schema.csv`` run first: types, required cells, the references to
``sites`` and ``recovery_facilities``, unique facility ids and amounts of zero or more. These
rules add what a single cell cannot show. A facility's site has coordinates (the map and the
GeoJSON place it there), its capacity is above 0, it accepts at least one code or category
and sorts into at least one output. Each output code is listed once per facility, and the
yields of a facility sum to at most 1 t per t of input. Every unit converts.

:func:`check_recovery_facilities` also adds the columns the plan reads:

- ``recovery_facilities``: ``capacity_t`` [t per year], ``cost_per_t`` and
  ``residue_cost_per_t`` [zone currency per t; a blank residue cost is 0];
- ``recovery_yields``: ``price_per_t`` [zone currency per t].
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ecoplan.i18n import N_
from ecoplan.model.code_lists import split_code_list
from ecoplan.model.raw import ROW, ProblemLog, RawTable
from ecoplan.model.rules_facilities import (
    MONEY_PER_TONNE,
    YEARLY_MASS,
    located_sites,
    money_per_tonne_factor,
    unit_factor,
    yearly_mass_factor,
)

FACILITY_COLUMNS = ("capacity_t", "cost_per_t", "residue_cost_per_t")
YIELD_COLUMNS = ("price_per_t",)
YIELD_TOLERANCE = 1e-9
"""Largest excess of a facility's summed yields over 1 that counts as round-off [t/t]."""


YIELD_SUM_ABOVE_ONE = N_(
    "The yields of facility {facility!r} sum to {value} t per t of input (rows {rows}), more "
    "than the tonne that goes in."
)
YIELD_AS_PERCENTAGE = N_(
    "The yields of facility {facility!r} sum to {value} t per t of input (rows {rows}), more "
    "than the tonne that goes in. Yields are fractions: 10 % is 0.1."
)


def accepted_items(text: Any) -> list[str]:
    """Return the codes and categories of an ``accepts`` cell (see :func:`split_code_list`)."""
    return split_code_list(text)


def check_recovery_facilities(
    raw: dict[str, RawTable], typed: dict[str, pd.DataFrame], currency: str, checker: ProblemLog
) -> None:
    """Add a problem for each invalid facility or yield row, and the canonical columns."""
    facilities, yields = typed["recovery_facilities"], typed["recovery_yields"]
    for frame, columns in ((facilities, FACILITY_COLUMNS), (yields, YIELD_COLUMNS)):
        for column in columns:
            frame[column] = np.full(len(frame), np.nan)

    facility_table = raw.get("recovery_facilities")
    if facility_table is not None and len(facilities):
        _check_facilities(facility_table, typed, currency, checker)
    yield_table = raw.get("recovery_yields")
    if yield_table is not None and len(yields):
        _check_yields(yield_table, yields, currency, checker)


def _check_facilities(
    table: RawTable, typed: dict[str, pd.DataFrame], currency: str, checker: ProblemLog
) -> None:
    facilities = typed["recovery_facilities"]
    located = located_sites(typed["sites"])
    sorted_by = set(typed["recovery_yields"]["facility_id"].dropna())
    canonical = []
    for facility in facilities.to_dict("records"):
        row = int(facility[ROW])
        _check_site(table, facility, row, located, checker)
        _check_capacity(table, facility, row, checker)
        _check_accepts(table, facility, row, checker)
        _check_has_yields(table, facility, row, sorted_by, checker)
        canonical.append(_facility_values(table, facility, row, currency, checker))
    for column in FACILITY_COLUMNS:
        facilities[column] = np.array([values[column] for values in canonical], dtype=float)


def _check_site(
    table: RawTable,
    facility: dict[Any, Any],
    row: int,
    located: dict[str, bool],
    checker: ProblemLog,
) -> None:
    site = facility["site_id"]
    if site is None or site not in located or located[site]:
        return  # a missing or unknown site is reported by the generic checks
    checker.add(
        table.problem(
            N_(
                "The site {value!r} of a recovery facility has no coordinates, so the map "
                "cannot show the facility. Fill in its longitude and latitude in the sites "
                "table."
            ),
            row=row,
            column="site_id",
            value=site,
            expected=N_("a site with a longitude and a latitude"),
        )
    )


def _check_capacity(
    table: RawTable, facility: dict[Any, Any], row: int, checker: ProblemLog
) -> None:
    if facility["capacity"] == 0:
        checker.add(
            table.problem(
                N_("A recovery facility's capacity must be more than 0."),
                row=row,
                column="capacity",
                value=facility["capacity"],
                expected=N_("a quantity per year above 0"),
            )
        )


def _check_accepts(
    table: RawTable, facility: dict[Any, Any], row: int, checker: ProblemLog
) -> None:
    text = facility["accepts"]
    if text is not None and not accepted_items(text):
        checker.add(
            table.problem(
                N_("The facility accepts no code or category."),
                row=row,
                column="accepts",
                value=text,
                expected=N_("codes or resource categories separated by ;, e.g. 200301; 200399"),
            )
        )


def _check_has_yields(
    table: RawTable,
    facility: dict[Any, Any],
    row: int,
    sorted_by: set[str],
    checker: ProblemLog,
) -> None:
    facility_id = facility["facility_id"]
    if facility_id is None or facility_id in sorted_by:
        return
    checker.add(
        table.problem(
            N_(
                "Recovery facility {value!r} has no outputs: add its output codes, yields "
                "and prices to the recovery_yields table."
            ),
            row=row,
            column="facility_id",
            value=facility_id,
            expected=N_("a facility with at least one row in recovery_yields"),
        )
    )


def _facility_values(
    table: RawTable, facility: dict[Any, Any], row: int, currency: str, checker: ProblemLog
) -> dict[str, float]:
    """Return the facility's amounts in canonical units, NaN where a unit does not convert."""
    capacity_factor = unit_factor(
        table,
        row,
        "capacity_unit",
        facility["capacity_unit"],
        YEARLY_MASS,
        yearly_mass_factor,
        checker,
    )
    cost_factor = unit_factor(
        table,
        row,
        "cost_unit",
        facility["cost_unit"],
        MONEY_PER_TONNE,
        lambda unit: money_per_tonne_factor(unit, currency),
        checker,
    )
    residue = facility["residue_cost"]
    return {
        "capacity_t": facility["capacity"] * capacity_factor,
        "cost_per_t": facility["cost"] * cost_factor,
        "residue_cost_per_t": 0.0 if pd.isna(residue) else residue * cost_factor,
    }


def _check_yields(
    table: RawTable, yields: pd.DataFrame, currency: str, checker: ProblemLog
) -> None:
    _check_codes_once(table, yields, checker)
    _check_yield_sums(table, yields, checker)
    yields["price_per_t"] = [
        record["price"]
        * unit_factor(
            table,
            int(record[ROW]),
            "price_unit",
            record["price_unit"],
            MONEY_PER_TONNE,
            lambda unit: money_per_tonne_factor(unit, currency),
            checker,
        )
        for record in yields.to_dict("records")
    ]


def _check_codes_once(table: RawTable, yields: pd.DataFrame, checker: ProblemLog) -> None:
    """Add a problem for each output code listed a second time for the same facility."""
    keys = yields[["facility_id", "code"]]
    repeated = keys.notna().all(axis=1) & keys.duplicated(keep="first")
    for record in yields[repeated].to_dict("records"):
        same = (yields["facility_id"] == record["facility_id"]) & (yields["code"] == record["code"])
        checker.add(
            table.problem(
                N_(
                    "Output {value!r} of facility {facility!r} is listed twice; it is already "
                    "in row {first}."
                ),
                row=int(record[ROW]),
                column="code",
                value=record["code"],
                expected=N_("each output code once per facility; merge the two rows"),
                facility=record["facility_id"],
                first=int(yields.loc[same, ROW].iloc[0]),
            )
        )


def _check_yield_sums(table: RawTable, yields: pd.DataFrame, checker: ProblemLog) -> None:
    """Add a problem for each facility whose yields sum to more than 1 t per t of input."""
    known = yields[yields["facility_id"].notna() & yields["yield"].notna()]
    for facility_id, group in known.groupby("facility_id", sort=False):
        total = float(group["yield"].sum())
        if total <= 1.0 + YIELD_TOLERANCE:
            continue
        rows = ", ".join(str(int(row)) for row in group[ROW])
        message = YIELD_SUM_ABOVE_ONE
        if float(group["yield"].max()) > 1.0:
            message = YIELD_AS_PERCENTAGE
        checker.add(
            table.problem(
                message,
                row=int(group[ROW].iloc[0]),
                column="yield",
                value=round(total, 6),
                expected=N_("yields that sum to at most 1; the rest of the input is residue"),
                facility=facility_id,
                rows=rows,
            )
        )

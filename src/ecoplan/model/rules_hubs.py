"""Rules of the hub sites table, and its amounts in canonical units.

The generic checks of ``schema.csv`` run first: types, the reference to ``sites`` and costs of
zero or more. These rules add what a single cell cannot show. A candidate hub site is listed
once, its site has coordinates (the broker measures collection distances from them), its
capacity is above 0 and at least its economic quantity, and every unit converts.

:func:`check_hub_sites` also adds the columns the broker reads:

- ``capacity_t`` and ``min_quantity_t``: capacity and economic quantity [t per year];
- ``fixed_cost_per_year``: fixed cost [zone currency per year];
- ``unit_cost_per_t``: handling cost [zone currency per t].
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pint

from ecoplan import units
from ecoplan.errors import UnitError
from ecoplan.i18n import N_, _
from ecoplan.model.raw import ROW, ProblemLog, RawTable
from ecoplan.model.rules_facilities import (
    MONEY_PER_TONNE,
    YEARLY_MASS,
    located_sites,
    money_per_tonne_factor,
    unit_factor,
    yearly_mass_factor,
)

DERIVED_COLUMNS = ("capacity_t", "min_quantity_t", "fixed_cost_per_year", "unit_cost_per_t")

YEARLY_MONEY = N_("a currency per year such as 万元/a or CNY/a")


def check_hub_sites(
    table: RawTable | None, typed: dict[str, pd.DataFrame], currency: str, checker: ProblemLog
) -> None:
    """Add a problem for each invalid hub site, and the canonical columns to the table."""
    hubs = typed["hub_sites"]
    for column in DERIVED_COLUMNS:
        hubs[column] = np.full(len(hubs), np.nan)
    if table is None or not len(hubs):
        return

    located = located_sites(typed["sites"])
    first_rows: dict[str, int] = {}
    canonical = []
    for hub in hubs.to_dict("records"):
        row = int(hub[ROW])
        _check_site(table, hub, row, located, first_rows, checker)
        _check_capacity(table, hub, row, checker)
        canonical.append(_canonical_values(table, hub, row, currency, checker))
    for column in DERIVED_COLUMNS:
        hubs[column] = np.array([values[column] for values in canonical], dtype=float)


def _check_site(
    table: RawTable,
    hub: dict[Any, Any],
    row: int,
    located: dict[str, bool],
    first_rows: dict[str, int],
    checker: ProblemLog,
) -> None:
    site = hub["site_id"]
    if site is None or site not in located:
        return  # a missing or unknown site is reported by the generic checks
    if site in first_rows:
        checker.add(
            table.problem(
                N_("Hub site {value!r} is listed twice; it is already in row {first}."),
                row=row,
                column="site_id",
                value=site,
                expected=N_("each candidate site once; merge the two rows"),
                first=first_rows[site],
            )
        )
        return
    first_rows[site] = row
    if not located[site]:
        checker.add(
            table.problem(
                N_(
                    "Hub site {value!r} has no coordinates, so the distances to it are "
                    "unknown. Fill in its longitude and latitude in the sites table."
                ),
                row=row,
                column="site_id",
                value=site,
                expected=N_("a site with a longitude and a latitude"),
            )
        )


def _check_capacity(table: RawTable, hub: dict[Any, Any], row: int, checker: ProblemLog) -> None:
    capacity, minimum = hub["capacity"], hub["min_quantity"]
    if capacity == 0:
        checker.add(
            table.problem(
                N_("A hub's capacity must be more than 0."),
                row=row,
                column="capacity",
                value=capacity,
                expected=N_("a quantity per year above 0"),
            )
        )
    elif not pd.isna(capacity) and not pd.isna(minimum) and minimum > capacity:
        checker.add(
            table.problem(
                N_("The economic quantity is above the capacity, so a hub here could never open."),
                row=row,
                column="min_quantity",
                value=minimum,
                expected=N_("a quantity of at most the capacity, {capacity}"),
                capacity=capacity,
            )
        )


def _canonical_values(
    table: RawTable, hub: dict[Any, Any], row: int, currency: str, checker: ProblemLog
) -> dict[str, float]:
    """Return the hub's amounts in canonical units, NaN where a unit does not convert."""
    conversions = (
        ("capacity_unit", YEARLY_MASS, yearly_mass_factor),
        ("fixed_cost_unit", YEARLY_MONEY, lambda unit: _yearly_money_factor(unit, currency)),
        ("cost_unit", MONEY_PER_TONNE, lambda unit: money_per_tonne_factor(unit, currency)),
    )
    factors = {
        column: unit_factor(table, row, column, hub[column], expected, factor, checker)
        for column, expected, factor in conversions
    }
    return {
        "capacity_t": hub["capacity"] * factors["capacity_unit"],
        "min_quantity_t": hub["min_quantity"] * factors["capacity_unit"],
        "fixed_cost_per_year": hub["fixed_cost"] * factors["fixed_cost_unit"],
        "unit_cost_per_t": hub["unit_cost"] * factors["cost_unit"],
    }


def _yearly_money_factor(unit: str | None, currency: str) -> float:
    """Return the factor from ``unit`` (万元/a, CNY/year) to ``currency`` per year.

    A blank unit is the zone currency per year. A money amount without a time, such as 万元,
    is rejected, because it reads as a one-off investment that would be charged every year.
    """
    if unit is None:
        return 1.0
    if units.needs_operating_hours(unit):
        raise UnitError(
            _(
                "{unit!r} is a cost per day or hour, but a hub's fixed cost is per year; "
                "convert it to 元/a or 万元/a."
            ).format(unit=unit)
        )
    rate = units.is_rate(unit)
    amount = units.registry().Quantity(1.0, units.parse_unit(unit))
    if rate:
        amount = amount * units.registry().Quantity(1.0, "year")
    try:
        factor = float(amount.to(units.parse_unit(currency)).magnitude)
    except pint.errors.DimensionalityError as error:
        raise UnitError(
            _("Unit {unit!r} is not an amount of {currency} per year; convert it first.").format(
                unit=unit, currency=currency
            )
        ) from error
    if not rate:
        raise UnitError(
            _(
                "{unit!r} has no time, but a hub's fixed cost is a cost per year; write "
                "{unit}/a. Annualise an investment first (for example with a capital recovery "
                "factor) and add it to the yearly cost."
            ).format(unit=unit)
        )
    return factor

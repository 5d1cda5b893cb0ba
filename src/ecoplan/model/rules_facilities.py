"""Helpers for tables that describe facilities at a site with a capacity and costs.

The hub sites table and the materials recovery facility tables both use them. They find which
sites have coordinates and convert a capacity to t per year and a cost to zone currency per t.
Each unit that does not convert adds a problem.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

from ecoplan import units
from ecoplan.errors import EcoplanError, UnitError
from ecoplan.i18n import N_, _
from ecoplan.model.raw import ProblemLog, RawTable

YEARLY_MASS = N_("a mass per year such as t/a, 万吨/年 or t")
MONEY_PER_TONNE = N_("a currency per mass such as 元/t or 万元/万吨")


def located_sites(sites: pd.DataFrame) -> dict[str, bool]:
    """Return, per site id, whether the site has both a longitude and a latitude."""
    has_point = sites["longitude"].notna() & sites["latitude"].notna()
    return dict(zip(sites["site_id"], has_point, strict=True))


def unit_factor(
    table: RawTable,
    row: int,
    column: str,
    unit: str | None,
    expected: str,
    factor: Callable[[str | None], float],
    checker: ProblemLog,
) -> float:
    """Return ``factor(unit)``, or NaN after adding a problem when the unit does not convert."""
    try:
        return float(factor(unit))
    except EcoplanError as error:
        checker.add(
            table.problem(
                N_("Unit {unit!r} cannot be used here: {reason}"),
                row=row,
                column=column,
                value=unit,
                expected=expected,
                unit=unit,
                reason=str(error),
            )
        )
        return math.nan


def yearly_mass_factor(unit: str | None) -> float:
    """Return the factor from ``unit`` (t/a, 万吨/年, or t meaning per year) to t per year."""
    if unit is None:
        return math.nan  # the required cell is reported missing by the generic checks
    if units.needs_operating_hours(unit):
        raise UnitError(
            _(
                "{unit!r} is a rate per day or hour, but a capacity is a quantity per year; "
                "convert it to t/a or 万吨/年."
            ).format(unit=unit)
        )
    return units.conversion_factor(unit, "mass")


def money_per_tonne_factor(unit: str | None, currency: str) -> float:
    """Return the factor from a price unit such as ``元/t`` to ``currency`` per t.

    A blank unit is the zone currency per t.
    """
    # Imported here: the exchange package loads the optimiser, which validation otherwise
    # does not need.
    from ecoplan.exchange.economics import price_factor

    return price_factor(unit, currency, "mass")

"""Rules of the energy portfolio table: the shares of each scenario and year total 100 %.

The generic checks of ``schema.csv`` run first (types, the technology vocabulary). A single
cell cannot show whether the shares of one scenario in one milestone year add up to the
whole, so this rule sums them and reports one problem per scenario and year that misses
100 %. Years between milestones are interpolated from the milestones, so they total 100 %
whenever the milestones do.
"""

from __future__ import annotations

import pandas as pd

from ecoplan.i18n import N_
from ecoplan.model.raw import ROW, ProblemLog, RawTable

SHARE_TOLERANCE = 0.01
"""Largest accepted gap between a year's total share and 100 % [percentage points]."""

SHORT = N_(
    "The shares of scenario {scenario!r} in {year} total {total} %, {gap} percentage points "
    "short of 100 % (rows {rows}). A technology row may be missing."
)
OVER = N_(
    "The shares of scenario {scenario!r} in {year} total {total} %, {gap} percentage points "
    "over 100 % (rows {rows})."
)
EXPECTED = N_(
    "shares of each scenario and year that total 100 % within {tolerance} percentage points; "
    "correct the shares in rows {rows}"
)


def check_portfolio_totals(
    table: RawTable | None, portfolio: pd.DataFrame, checker: ProblemLog
) -> None:
    """Add a problem for each scenario and year whose shares do not total 100 %.

    A group with an invalid scenario, year or share cell is skipped, because that cell is
    already reported and its total would mislead.
    """
    if table is None or not len(portfolio):
        return
    for (scenario, _year), rows in portfolio.groupby(["scenario", "year"], sort=False):
        if rows["share"].isna().any():
            continue
        total = float(rows["share"].astype(float).sum())
        gap = 100.0 - total
        if abs(gap) <= SHARE_TOLERANCE:
            continue
        numbers = ", ".join(str(int(row)) for row in rows[ROW])
        checker.add(
            table.problem(
                SHORT if gap > 0 else OVER,
                row=int(rows[ROW].iloc[0]),
                column="share",
                expected=EXPECTED,
                scenario=scenario,
                year=int(rows["year"].iloc[0]),
                total=f"{total:.6g}",
                gap=f"{abs(gap):.6g}",
                rows=numbers,
                tolerance=SHARE_TOLERANCE,
            )
        )

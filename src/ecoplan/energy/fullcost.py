"""Full cost of a worked portfolio worksheet: private (levelised) plus external cost.

The report asks that energy prices and investments be judged by full cost accounting:
the private cost of each technology (levelised, at a stated discount rate) plus the external
cost of its emissions, valued with a damage-cost table the user picks or edits
(``ecoplan/data/damage_costs.csv`` by default).
"""

from __future__ import annotations

import pandas as pd

from ecoplan.energy.worksheet import WorksheetResult

COST_COLUMNS = ("private_cost", "external_cost", "full_cost")


def cost_by_year(result: WorksheetResult) -> pd.DataFrame:
    """Return private, external and full cost per year [currency/a]."""
    return result.table.groupby("year")[list(COST_COLUMNS)].sum()


def cost_per_scenario(results: list[WorksheetResult], discount_rate: float = 0.0) -> pd.DataFrame:
    """Return the present value of each cost column per scenario [currency].

    Parameters
    ----------
    results
        Worked worksheets, one per scenario.
    discount_rate
        Rate that discounts each year's cost to the first year [1/a]; 0 sums them.
    """
    rows = {}
    for result in results:
        costs = cost_by_year(result)
        first = costs.index.min()
        factor = (1 + discount_rate) ** -(costs.index - first)
        rows[result.scenario] = costs.mul(factor, axis=0).sum()
    return pd.DataFrame(rows).T.rename_axis("scenario")


def average_full_cost(result: WorksheetResult) -> pd.Series:
    """Return the full cost per MWh of the whole per year [currency/MWh]."""
    table = result.table.groupby("year")[["full_cost", "supply"]].sum()
    return (table["full_cost"] / table["supply"]).rename("full_cost_per_mwh")

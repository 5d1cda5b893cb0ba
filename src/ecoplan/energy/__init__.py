"""Energy strategy: demand, portfolio worksheet, emissions, full cost, uncertainty.

The entry points are :func:`ecoplan.energy.technologies.load_technologies`,
:func:`ecoplan.energy.demand.project_demand`,
:func:`ecoplan.energy.worksheet.compute_worksheet`, :func:`scenario_results` and
:func:`energy_summary`; at zone level also :func:`least_cost_for_zone` (least-cost portfolio),
:func:`heat_streams` and :func:`zone_pinch` (heat pinch analysis of the plants).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ecoplan.energy.demand import project_demand, total_demand
from ecoplan.energy.emissions import emissions_by_year, emissions_long, water_demand
from ecoplan.energy.fullcost import cost_by_year, cost_per_scenario
from ecoplan.energy.leastcost_zone import least_cost_for_zone, least_cost_problem_for_zone
from ecoplan.energy.pinch_zone import ZonePinch, heat_streams, zone_pinch
from ecoplan.energy.worksheet import WorksheetError, WorksheetResult, compute_worksheet
from ecoplan.i18n import _

DISCOUNT_RATE = 0.05
"""Default real discount rate of the levelised cost [1/a]."""


def scenario_results(zone: Any, discount_rate: float = DISCOUNT_RATE) -> list[WorksheetResult]:
    """Work out the worksheet of every scenario of ``zone``, yearly over its milestones.

    The whole (100 %) of each year is the reference demand projected from the zone's
    ``energy_demand`` rows of that scenario.

    Raises
    ------
    WorksheetError
        When the zone has no ``portfolio`` rows.
    """
    portfolio = zone.tables.get("portfolio")
    if portfolio is None or portfolio.empty:
        raise WorksheetError(_("No portfolio rows; fill the portfolio table."))
    results = []
    for scenario in sorted(portfolio["scenario"].unique()):
        milestones = portfolio.loc[portfolio["scenario"] == scenario, "year"].astype(int)
        years = list(range(milestones.min(), milestones.max() + 1))
        demand = project_demand(zone, years, scenario=scenario)
        whole = total_demand(demand, "reference_demand")
        results.append(
            compute_worksheet(portfolio, scenario, whole, zone=zone, discount_rate=discount_rate)
        )
    return results


def energy_summary(zone: Any, discount_rate: float = DISCOUNT_RATE) -> dict[str, pd.DataFrame]:
    """Return the tables of the energy section of the report.

    Returns
    -------
    dict
        ``shares``: scenario, year, technology, share [%] (stacked shares per year);
        ``emissions``: scenario, year, pollutant, emission [t/a];
        ``cost``: per scenario, the sum over the years of private, external and full cost
        [currency];
        ``cost_by_year``: scenario, year, private_cost, external_cost, full_cost [currency/a];
        ``water``: scenario, year, withdrawal, consumption [m³/a].
    """
    results = scenario_results(zone, discount_rate)
    shares = pd.concat(
        [r.table[["year", "technology", "share"]].assign(scenario=r.scenario) for r in results]
    )
    yearly = pd.concat([cost_by_year(r).reset_index().assign(scenario=r.scenario) for r in results])
    return {
        "shares": shares[["scenario", "year", "technology", "share"]].reset_index(drop=True),
        "emissions": emissions_long(results),
        "cost": cost_per_scenario(results),
        "cost_by_year": yearly.reset_index(drop=True),
        "water": pd.concat([water_demand(r) for r in results], ignore_index=True),
    }


__all__ = [
    "DISCOUNT_RATE",
    "ZonePinch",
    "emissions_by_year",
    "energy_summary",
    "heat_streams",
    "least_cost_for_zone",
    "least_cost_problem_for_zone",
    "scenario_results",
    "zone_pinch",
]

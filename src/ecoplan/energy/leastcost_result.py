"""Reading a least-cost solution, explaining infeasibility, and the portfolio worksheet view."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

import linopy
import pandas as pd
import xarray as xr

from ecoplan.energy.leastcost import LeastCostInputError, LeastCostResult, LeastCostStatus
from ecoplan.energy.leastcost_model import Parameters, build_model
from ecoplan.energy.leastcost_storage import storage_annual_cost, storage_solution
from ecoplan.energy.technologies import EMISSION_TO_TONNES
from ecoplan.i18n import _

logger = logging.getLogger(__name__)

SLACK_TOLERANCE = 1e-6
"""Slack above this amount (MWh, MW or the pollutant's mass unit) counts as an unmet requirement."""

MAX_NAMED = 5
"""At most this many unmet requirements are named in a message."""

MILESTONES = (2010, 2015, 2020, 2030, 2040, 2050)
"""Milestone years of the portfolio worksheet."""


def solution_series(model: linopy.Model, name: str) -> pd.Series:
    """Return the solution of variable ``name`` as a Series on its dimensions."""
    return model.variables[name].solution.to_series()


def read_solution(model: linopy.Model, parameters: Parameters) -> LeastCostResult:
    """Return the optimal plan of a solved model."""
    generation = solution_series(model, "generation")
    capacity = solution_series(model, "capacity")
    new = solution_series(model, "new_capacity").rename_axis(index={"vintage": "year"})
    order = [new.index.names.index(name) for name in ("technology", "region", "year")]
    new = new.reorder_levels(order)
    new = new.sort_index()
    storage_capacity, storage_flow = storage_solution(model)
    return LeastCostResult(
        status=LeastCostStatus.OPTIMAL,
        objective=float(model.objective.value or float("nan")),
        generation=generation,
        capacity=capacity,
        new_capacity=new,
        annual_cost=annual_cost(model, parameters),
        emissions=annual_emissions(model.variables["generation"].solution, parameters),
        storage_capacity=storage_capacity,
        storage_flow=storage_flow,
    )


def annual_cost(model: linopy.Model, parameters: Parameters) -> pd.Series:
    """Return the undiscounted cost per year [currency]; investment nets out its salvage.

    Storage adds the annuity of its capacity in each year.
    """
    new = model.variables["new_capacity"].solution
    capacity = model.variables["capacity"].solution
    generation = model.variables["generation"].solution

    investment = (parameters.capital * (1 - salvage_now(parameters)) * new).sum(
        ["technology", "region"]
    )
    investment = investment.rename(vintage="year")
    fixed = (parameters.fixed * capacity).sum(["technology", "region"])
    running = (parameters.running * generation).sum(["technology", "region", "timeslice"])
    cost = (investment + fixed + running).to_series()
    capacity_table, _flow = storage_solution(model)
    storage = storage_annual_cost(parameters.storage, capacity_table, cost.index)
    return (cost + storage.to_numpy()).rename("cost")


def salvage_now(parameters: Parameters) -> xr.DataArray:
    """Return the salvage share [1] valued in the build year, the discounting undone.

    The objective credits salvage discounted from after the horizon; the yearly view shows
    the same credit in present value of the build year.
    """
    years = parameters.coords["year"]
    rate = parameters.problem.discount_rate
    vintage = parameters.salvage_share["vintage"]
    ratio = (1 + rate) ** -(int(years[-1]) + 1 - vintage)
    return parameters.salvage_share * ratio


def annual_emissions(generation: xr.DataArray, parameters: Parameters) -> pd.DataFrame:
    """Return emissions per year and pollutant [mass unit of the factor]; NaN factors give NaN."""
    factors = parameters.factors
    emitted = (factors * generation).sum(["technology", "region", "timeslice"], skipna=False)
    return emitted.to_series().unstack("pollutant")


def diagnose_infeasible(parameters: Parameters) -> str:
    """Return a message naming the requirements that cannot all be met, in the active locale."""
    model = build_model(parameters, elastic=True)
    model.solve(solver_name="highs", progress=False, output_flag=False)
    if model.termination_condition != "optimal":
        return _("the requirements cannot all be met, and the cause was not found")

    unmet: list[str] = []
    for name in model.variables:
        if name.startswith("slack_"):
            unmet.extend(unmet_labels(name, model.variables[name].solution))
    if not unmet:
        return _(
            "the requirements cannot all be met: check build limits, availability years and "
            "existing capacity against demand"
        )
    shown = "; ".join(unmet[:MAX_NAMED])
    more = len(unmet) - MAX_NAMED
    if more > 0:
        shown += "; " + _("and {count} more").format(count=more)
    logger.info("least-cost problem infeasible: %s", shown)
    return _("the requirements cannot all be met: {requirements}").format(requirements=shown)


def unmet_labels(name: str, slack: xr.DataArray) -> list[str]:
    """Return a readable label for each positive slack of variable ``name``."""
    series = slack.to_series() if slack.ndim else pd.Series([float(slack)])
    positive = series[series > SLACK_TOLERANCE]
    family = name.removeprefix("slack_")
    labels = []
    for key, amount in positive.items():
        labels.append(requirement_label(family, key, float(amount)))
    return labels


def requirement_label(family: str, key: Any, amount: float) -> str:
    """Return the label of one unmet requirement and by how much it is missed."""
    if family == "demand":
        region, year, timeslice = key
        text = _("demand of region {region} in {year}, slice {timeslice}, short by {amount} MWh")
        return text.format(region=region, year=year, timeslice=timeslice, amount=f"{amount:.6g}")
    if family == "renewable":
        text = _("renewable share in {year}, short by {amount} MWh of renewable output")
        return text.format(year=key, amount=f"{amount:.6g}")
    if family.startswith("target_"):
        number, bound = family.removeprefix("target_").split("_")
        if bound == "min":
            text = _("capacity target {number}, below its minimum by {amount} MW")
        else:
            text = _("capacity target {number}, above its maximum by {amount} MW")
        return text.format(number=number, amount=f"{amount:.6g}")
    pollutant = family.removeprefix("cap_")
    text = _("{pollutant} cap in {year}, exceeded by {amount}")
    return text.format(pollutant=pollutant, year=key, amount=f"{amount:.6g}")


def worksheet_shares(result: LeastCostResult, years: Iterable[int] | None = None) -> pd.DataFrame:
    """Return each technology's share of the zone's yearly output [%], in worksheet form.

    Parameters
    ----------
    result : LeastCostResult
        An optimal result.
    years : iterable of int, optional
        Years to keep. By default the worksheet's milestone years (2010, 2015, 2020, 2030,
        2040, 2050) that the run covers, or every model year when it covers none of them.

    Returns
    -------
    pandas.DataFrame
        Index year, one column per technology, as the portfolio worksheet's milestone
        shares; each row totals 100.
    """
    output = result.generation.groupby(level=["year", "technology"]).sum().unstack("technology")
    if years is None:
        selected = [year for year in MILESTONES if year in output.index] or list(output.index)
    else:
        selected = list(years)
    missing = sorted(set(selected) - set(output.index))
    if missing:
        message = _("years {years} are not in the least-cost result")
        raise LeastCostInputError(message.format(years=missing))

    output = output.loc[selected]
    return output.div(output.sum(axis=1), axis=0) * 100.0


def levelised_cost(parameters: Parameters) -> pd.Series:
    """Return each technology's levelised cost [currency/MWh] on the run's cost basis.

    Capital is annualised with the capital recovery factor over the lifetime and spread,
    with fixed O&M, over the output of a year at the capacity factor.
    """
    techs = parameters.problem.technologies
    rate = parameters.problem.discount_rate
    lifetime = techs["lifetime"].astype(float)
    if rate == 0:
        recovery = 1 / lifetime
    else:
        recovery = rate / (1 - (1 + rate) ** -lifetime)
    output_per_mw = techs["capacity_factor"].astype(float) * 8760.0
    capital = parameters.capital.to_series() * recovery
    fixed = parameters.fixed.to_series()
    cost: pd.Series = (capital + fixed) / output_per_mw + parameters.running.to_series()
    return cost


def compare_worksheet(
    parameters: Parameters, result: LeastCostResult, shares: pd.DataFrame
) -> pd.DataFrame:
    """Compare a hand-filled worksheet with the least-cost portfolio, year by year.

    Both portfolios supply the run's demand in each year of ``shares`` and are costed with
    the same levelised costs, so the difference reflects the shares alone.

    Parameters
    ----------
    parameters : Parameters
        The least-cost run's parameters (see :func:`model_parameters`).
    result : LeastCostResult
        Its optimal result.
    shares : pandas.DataFrame
        Hand-filled shares [%], index year, one column per technology, as the worksheet's
        milestone shares.

    Returns
    -------
    pandas.DataFrame
        Index year; ``cost_worksheet``, ``cost_least_cost``, ``cost_difference``
        [currency/a], and ``<pollutant>_difference`` per pollutant (worksheet minus least
        cost) [t/a], converted from the factor's mass unit (kg for SO2, NOx and PM, g for
        Hg) so that it compares with the worksheet's emissions.
    """
    years = [int(year) for year in shares.index if year in parameters.coords["year"]]
    if not years:
        message = _("the worksheet has no year in common with the least-cost run")
        raise LeastCostInputError(message)
    unknown = sorted(set(shares.columns) - set(parameters.coords["technology"]))
    if unknown:
        message = _("the worksheet names technologies {names} unknown to the least-cost run")
        raise LeastCostInputError(message.format(names=unknown))

    technologies = parameters.coords["technology"]
    hand = shares.loc[years].reindex(columns=technologies).fillna(0.0) / 100.0
    best = worksheet_shares(result, years).reindex(columns=technologies).fillna(0.0) / 100.0
    demand = parameters.demand.sum(["region", "timeslice"]).to_series()[years]
    cost = levelised_cost(parameters)
    factors = pd.DataFrame(parameters.factors.to_pandas())

    table = pd.DataFrame(index=pd.Index(years, name="year"))
    table["cost_worksheet"] = hand.mul(cost, axis=1).sum(axis=1) * demand
    table["cost_least_cost"] = best.mul(cost, axis=1).sum(axis=1) * demand
    table["cost_difference"] = table["cost_worksheet"] - table["cost_least_cost"]
    for pollutant in factors.columns:
        delta = (hand - best).mul(factors[pollutant], axis=1).sum(axis=1, min_count=1)
        table[f"{pollutant}_difference"] = delta * demand * EMISSION_TO_TONNES[str(pollutant)]
    return table


def leastcost_summary(
    result: LeastCostResult, years: Iterable[int] | None = None
) -> dict[str, pd.DataFrame]:
    """Return plain tables of a result for the report.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``status``: one row with ``status``, ``message`` and ``objective`` [currency].
        When optimal also ``shares`` (year by technology [%]) and ``capacity`` (year by
        technology [MW]) in the worksheet's years, ``cost`` (per model year [currency]) and
        ``emissions`` (model year by pollutant).
    """
    tables = {
        "status": pd.DataFrame(
            [
                {
                    "status": str(result.status),
                    "message": result.message,
                    "objective": result.objective,
                }
            ]
        )
    }
    if not result.optimal:
        return tables
    tables["shares"] = worksheet_shares(result, years)
    capacity = result.capacity.groupby(level=["year", "technology"]).sum().unstack("technology")
    tables["capacity"] = capacity.loc[tables["shares"].index]
    tables["cost"] = result.annual_cost.to_frame()
    tables["emissions"] = result.emissions
    return tables

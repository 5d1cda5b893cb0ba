"""The exchange allocation as a linopy model solved with HiGHS: LP, or MIP with fixed costs.

The model is built from whole arrays (one variable per arc along the ``arc`` dimension, sums
per node with ``groupby``), never with a Python loop per candidate. ``solver="lp"`` uses HiGHS'
interior point method without crossover, which ``bench/bench_exchange.py`` measures against
HiGHS' default dual simplex on the same instances. Its solution is feasible and optimal only to
HiGHS' tolerances (1e-8 relative by default), not a vertex.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import linopy
import numpy as np
import pandas as pd
import xarray as xr

from ecoplan.exchange.network import ExchangeStatus, NetworkProblem, Solution

logger = logging.getLogger(__name__)

HIGHS_OPTIONS: dict[str, dict[str, Any]] = {
    "lp": {"solver": "ipm", "run_crossover": "off"},
    "lp-simplex": {"solver": "simplex", "simplex_strategy": 1},
    "mip": {"mip_rel_gap": 1e-9},
}
"""HiGHS options per solver choice; ``simplex_strategy`` 1 is the dual simplex."""


def node_sum(flow: linopy.Variable, nodes: np.ndarray, mask: np.ndarray, dim: str) -> Any:
    """Return the sum of ``flow`` over the arcs in ``mask``, grouped by their node in ``nodes``."""
    grouper = xr.DataArray(np.where(mask, nodes, -1), dims="arc", name=dim)
    total = flow.where(xr.DataArray(mask, dims="arc")).groupby(grouper).sum()
    return total.sel({dim: total.coords[dim].values[total.coords[dim].values >= 0]})


def build_linear_model(problem: NetworkProblem, integer: bool) -> linopy.Model:
    """Return the allocation as a linopy model; with ``integer``, fixed costs open binaries."""
    model = linopy.Model()
    arcs = xr.DataArray(problem.arc_capacity, dims="arc")
    flow = model.add_variables(lower=0.0, upper=arcs, name="flow")
    exchange = problem.arc_kind == 0

    by_offer = node_sum(flow, problem.arc_tail, np.ones(len(exchange), bool), "offer")
    offer_index = by_offer.coords["offer"].values
    model.add_constraints(
        by_offer <= xr.DataArray(problem.supply[offer_index], coords={"offer": offer_index}),
        name="supply",
    )
    add_request_constraints(model, flow, problem, exchange)
    if (~exchange).any():
        by_option = node_sum(flow, problem.arc_head, ~exchange, "option")
        option_index = by_option.coords["option"].values
        capacity = problem.option_capacity[option_index]
        model.add_constraints(
            by_option <= xr.DataArray(capacity, coords={"option": option_index}), name="capacity"
        )

    objective = (xr.DataArray(-problem.arc_saving, dims="arc") * flow).sum()
    if integer and not problem.is_network:
        objective = objective + add_link_binaries(model, flow, problem)
    model.add_objective(objective)
    return model


def add_request_constraints(
    model: linopy.Model, flow: linopy.Variable, problem: NetworkProblem, exchange: np.ndarray
) -> None:
    """Bound each request's intake by its quantity; firm requests take exactly their quantity.

    A request of unknown quantity (infinite demand) gets no bound.
    """
    by_request = node_sum(flow, problem.arc_head, exchange, "request")
    index = by_request.coords["request"].values
    demand = xr.DataArray(problem.demand[index], coords={"request": index})
    firm = xr.DataArray(problem.firm[index], coords={"request": index})
    if bool(firm.any()):
        model.add_constraints(by_request == demand, name="firm_demand", mask=firm)
    capped = ~firm & np.isfinite(demand)
    if bool(capped.any()):
        model.add_constraints(by_request <= demand.where(capped, 0.0), name="demand", mask=capped)


def add_link_binaries(model: linopy.Model, flow: linopy.Variable, problem: NetworkProblem) -> Any:
    """Add a binary per arc with a fixed cost and return the fixed-cost term of the objective."""
    costly = xr.DataArray(problem.arc_fixed_cost > 0, dims="arc")
    capacity = xr.DataArray(problem.arc_capacity, dims="arc")
    link = model.add_variables(
        binary=True,
        coords=[pd.RangeIndex(len(problem.arc_kind), name="arc")],
        name="link",
        mask=costly,
    )
    model.add_constraints((flow - capacity * link).where(costly) <= 0, name="link_capacity")
    return (xr.DataArray(problem.arc_fixed_cost, dims="arc") * link).sum()


def solve_linear(problem: NetworkProblem, solver: str, time_limit: float | None) -> Solution:
    """Solve ``problem`` with linopy and HiGHS (``lp``, ``lp-simplex`` or ``mip``)."""
    arcs = len(problem.arc_kind)
    if arcs == 0:
        return Solution(ExchangeStatus.OPTIMAL, np.zeros(0), solver)

    started = time.perf_counter()
    model = build_linear_model(problem, integer=solver == "mip")
    built = time.perf_counter()

    options = dict(HIGHS_OPTIONS[solver], output_flag=False)
    if time_limit is not None:
        options["time_limit"] = float(time_limit)
    _status, condition = model.solve("highs", io_api="direct", progress=False, **options)
    solved = time.perf_counter()
    logger.info("linopy/HiGHS %s: %s in %.3f s", solver, condition, solved - built)

    outcome = linear_status(str(condition))
    if outcome != ExchangeStatus.OPTIMAL:
        return Solution(outcome, np.zeros(arcs), solver, built - started, solved - built, condition)
    flow = np.clip(model.variables["flow"].solution.to_numpy(), 0.0, None)
    return Solution(ExchangeStatus.OPTIMAL, flow, solver, built - started, solved - built)


def linear_status(condition: str) -> ExchangeStatus:
    """Map a linopy termination condition to an :class:`ExchangeStatus`."""
    if condition == "optimal":
        return ExchangeStatus.OPTIMAL
    if condition in ("infeasible", "infeasible_or_unbounded"):
        return ExchangeStatus.INFEASIBLE
    if condition == "time_limit":
        return ExchangeStatus.TIME_LIMIT
    return ExchangeStatus.FAILED

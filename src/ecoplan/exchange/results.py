"""Turn a solved exchange network into the tables and totals of an :class:`ExchangeResult`."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ecoplan.exchange.network import ExchangeResult, ExchangeStatus, NetworkProblem, Solution
from ecoplan.i18n import _

FLOW_TOLERANCE = 1e-9
"""Flows below this share of the arc's capacity are treated as zero (solver round-off)."""

EXCHANGE_COLUMNS = [
    "offer_id",
    "request_id",
    "code",
    "dimension",
    "quantity",
    "net_saving",
    "saving",
    "co2_avoided",
    "diverted",
    "fixed_cost",
]
RECOVERY_COLUMNS = [
    "offer_id",
    "option_id",
    "dimension",
    "quantity",
    "saving",
    "co2_avoided",
    "diverted",
]


def used_arcs(problem: NetworkProblem, flow: np.ndarray) -> np.ndarray:
    """Return the positions of the arcs that carry a flow above round-off."""
    return np.flatnonzero(flow > FLOW_TOLERANCE * np.maximum(problem.arc_capacity, 1.0))


def offer_column(offers: pd.DataFrame, column: str, tails: np.ndarray) -> np.ndarray:
    """Return ``offers[column]`` at the positions ``tails``, or NaN when the column is absent."""
    if column not in offers:
        return np.full(len(tails), np.nan, dtype=object)
    return offers[column].to_numpy(dtype=object)[tails]


def arc_table(
    problem: NetworkProblem, flow: np.ndarray, offers: pd.DataFrame, kind: int
) -> pd.DataFrame:
    """Return the used arcs of ``kind`` (0 exchange, 1 recovery) with their yearly amounts."""
    arcs = used_arcs(problem, flow)
    arcs = arcs[problem.arc_kind[arcs] == kind]
    quantity = flow[arcs]
    tails = problem.arc_tail[arcs]
    fixed = np.where(quantity > 0, problem.arc_fixed_cost[arcs], 0.0)
    return pd.DataFrame(
        {
            "offer_id": problem.offer_ids[tails],
            "head": problem.arc_head[arcs],
            "code": offer_column(offers, "code", tails),
            "dimension": offer_column(offers, "dimension", tails),
            "quantity": quantity,
            "net_saving": problem.arc_saving[arcs],
            "saving": quantity * problem.arc_saving[arcs],
            "co2_avoided": quantity * problem.arc_co2[arcs],
            "diverted": quantity,
            "fixed_cost": fixed,
        }
    )


def assemble_result(
    problem: NetworkProblem,
    solution: Solution,
    offers: pd.DataFrame,
    requests: pd.DataFrame,
    candidates: pd.DataFrame,
    recovery_options: pd.DataFrame | None,
) -> ExchangeResult:
    """Return the result of a solved (or failed) problem.

    ``diverted`` counts every unit exchanged or recovered as taken away from disposal, because
    in this model an offer that is neither exchanged nor recovered goes to disposal.
    """
    if solution.status != ExchangeStatus.OPTIMAL:
        message = _("The solver {solver} stopped with status {status} ({detail}).").format(
            solver=solution.solver, status=solution.status.value, detail=solution.message
        )
        return empty_result(problem, solution.status, message, solution)

    table = arc_table(problem, solution.flow, offers, 0)
    exchanges = table.assign(request_id=problem.request_ids[table["head"].to_numpy()])
    exchanges = exchanges[EXCHANGE_COLUMNS].reset_index(drop=True)
    recovered = arc_table(problem, solution.flow, offers, 1)
    recovery = recovered.assign(option_id=problem.option_ids[recovered["head"].to_numpy()])
    recovery = recovery[RECOVERY_COLUMNS].reset_index(drop=True)

    sent = np.bincount(problem.arc_tail, weights=solution.flow, minlength=len(problem.offer_ids))
    left = np.clip(problem.supply - sent, 0.0, None)
    disposal = pd.DataFrame(
        {"offer_id": problem.offer_ids, "quantity": np.where(problem.unknown_supply, np.nan, left)}
    )
    totals = result_totals(exchanges, recovery)
    message = _("Optimal: {count} exchange(s), net saving {saving:,.0f} per year.").format(
        count=len(exchanges), saving=totals["saving"] - totals["fixed_cost"]
    )
    return ExchangeResult(
        status=ExchangeStatus.OPTIMAL,
        message=message,
        solver=solution.solver,
        exchanges=exchanges,
        recovery=recovery,
        disposal=disposal,
        unmet=pd.DataFrame({"request_id": [], "demand": [], "shortfall": []}),
        totals=totals,
        objective=totals["saving"] - totals["fixed_cost"],
        build_seconds=solution.build_seconds,
        solve_seconds=solution.solve_seconds,
        notes=list(problem.notes),
    )


def known_sum(*columns: pd.Series) -> float:
    """Return the sum of the known values of ``columns``; NaN when none is known."""
    values = pd.concat([pd.to_numeric(column, errors="coerce") for column in columns])
    return float(values.sum(min_count=1))


def result_totals(exchanges: pd.DataFrame, recovery: pd.DataFrame) -> dict[str, float]:
    """Return the sums of an optimal result (see :class:`ExchangeResult`)."""
    totals = {
        "saving": float(exchanges["saving"].sum() + recovery["saving"].sum()),
        "fixed_cost": float(exchanges["fixed_cost"].sum()),
        "co2_avoided": known_sum(exchanges["co2_avoided"], recovery["co2_avoided"]),
        "co2_unknown": float(
            exchanges["co2_avoided"].isna().sum() + recovery["co2_avoided"].isna().sum()
        ),
        "exchanges": float(len(exchanges)),
    }
    moved = pd.concat(
        [
            exchanges[["dimension", "quantity", "diverted"]],
            recovery[["dimension", "quantity", "diverted"]],
        ]
    )
    for dimension, group in moved.groupby(moved["dimension"].fillna("unknown")):
        totals[f"quantity_{dimension}"] = float(group["quantity"].sum())
        totals[f"diverted_{dimension}"] = float(group["diverted"].sum())
    return totals


def empty_result(
    problem: NetworkProblem, status: ExchangeStatus, message: str, solution: Solution | None
) -> ExchangeResult:
    """Return a result without exchanges, for a problem that was not solved to optimality."""
    return ExchangeResult(
        status=status,
        message=message,
        solver=solution.solver if solution else "",
        exchanges=pd.DataFrame(columns=EXCHANGE_COLUMNS),
        recovery=pd.DataFrame(columns=RECOVERY_COLUMNS),
        disposal=pd.DataFrame(
            {
                "offer_id": problem.offer_ids,
                "quantity": np.where(problem.unknown_supply, np.nan, problem.supply),
            }
        ),
        unmet=pd.DataFrame({"request_id": [], "demand": [], "shortfall": []}),
        totals={},
        objective=float("nan"),
        build_seconds=solution.build_seconds if solution else 0.0,
        solve_seconds=solution.solve_seconds if solution else 0.0,
        notes=list(problem.notes),
    )


def infeasible_result(
    problem: NetworkProblem, shortfall: np.ndarray, solver: str
) -> ExchangeResult:
    """Return an infeasible result that names each firm request left short, and by how much."""
    short = np.flatnonzero(shortfall > 0)
    unmet = pd.DataFrame(
        {
            "request_id": problem.request_ids[short],
            "demand": problem.demand[short],
            "shortfall": shortfall[short],
        }
    )
    named = "; ".join(
        _("request {request} short of {shortfall:g} of {demand:g}").format(
            request=row.request_id, shortfall=row.shortfall, demand=row.demand
        )
        for row in unmet.head(10).itertuples()
    )
    message = _(
        "Infeasible: no supply for {count} firm request(s): {requests}. Add offers or "
        "candidates for them, or let them buy virgin input."
    ).format(count=len(unmet), requests=named)
    result = empty_result(problem, ExchangeStatus.INFEASIBLE, message, None)
    result.solver = solver
    result.unmet = unmet
    return result

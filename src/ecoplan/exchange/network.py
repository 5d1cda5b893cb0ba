"""The optimal exchange network: how much of each offer goes to requests, recovery or disposal.

The allocation maximises the zone's net saving, which is the same as minimising its total cost
(transport, processing, disposal fees and virgin inputs bought), because every unit of an offer
that is not exchanged or recovered goes to disposal as today, and every unit of a request that is
not covered by an exchange is bought as virgin input as today. Variables, per year:

- ``x[a]`` on each arc ``a`` [canonical unit per year]: an exchange arc runs from an offer to a
  request (one per candidate), a recovery arc from an offer to a recovery option;
- the rest of each offer goes to disposal, the rest of each request is virgin input.

Constraints: the arcs leaving offer ``i`` carry at most its quantity; the arcs entering request
``j`` carry at most its quantity (exactly its quantity when the request is *firm*, i.e. it has no
virgin alternative); a recovery option takes at most its capacity; an arc carries at most its
``max_quantity``. A request without a stated quantity (NaN) accepts any amount: its demand is
uncapacitated, so each offer goes to its best-saving compatible request or to disposal. An offer
without a stated quantity cannot be allocated; it is left out and named in the notes. With a
fixed cost per link, a binary ``y[a]`` opens arc ``a`` and ``x[a] <= max_quantity[a] * y[a]``,
so an exchange too small to pay its fixed cost is dropped.

Without fixed costs the problem is a min-cost flow (offers are sources, requests and recovery
options transit nodes, one sink takes disposal and the filled requests), which OR-Tools' network
simplex solves many times faster than a general LP; ``solver="auto"`` uses it then.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Collection
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import pandas as pd

from ecoplan.exchange.errors import ExchangeError
from ecoplan.i18n import _

logger = logging.getLogger(__name__)

SOLVERS = ("auto", "mcf", "lp", "lp-simplex", "mip")
"""Solver choices: ``auto``, OR-Tools min-cost flow, linopy + HiGHS LP (interior point without
crossover, or dual simplex), and linopy + HiGHS mixed-integer."""

RECOVERY_COLUMNS = ("option_id", "code", "capacity", "cost")
"""Required columns of ``recovery_options``: one row per (option, accepted code)."""


class ExchangeStatus(StrEnum):
    """Outcome of :func:`optimise_exchange`."""

    OPTIMAL = "optimal"
    INFEASIBLE = "infeasible"
    TIME_LIMIT = "time_limit"
    FAILED = "failed"


@dataclass
class NetworkProblem:
    """The allocation as arrays: nodes (offers, requests, recovery options) and arcs.

    Quantities are in canonical units per year, money in the zone's currency. ``arc_kind`` is
    0 for an exchange arc (``arc_head`` is a request position) and 1 for a recovery arc
    (``arc_head`` is a recovery-option position). ``arc_row`` is the candidate's row position
    for exchange arcs and the recovery table's row position for recovery arcs.
    """

    offer_ids: np.ndarray
    supply: np.ndarray
    request_ids: np.ndarray
    demand: np.ndarray
    firm: np.ndarray
    option_ids: np.ndarray
    option_capacity: np.ndarray
    arc_kind: np.ndarray
    arc_tail: np.ndarray
    arc_head: np.ndarray
    arc_capacity: np.ndarray
    arc_saving: np.ndarray
    arc_co2: np.ndarray
    arc_fixed_cost: np.ndarray
    arc_row: np.ndarray
    notes: list[str] = field(default_factory=list)
    unknown_supply: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    """Offers without a stated quantity: their ``supply`` is 0 and they have no arcs."""

    @property
    def is_network(self) -> bool:
        """True when no arc has a fixed cost, so the problem is a pure min-cost flow."""
        return not bool(np.any(self.arc_fixed_cost > 0))


@dataclass
class Solution:
    """A solver's result: flow per arc [canonical unit per year] and how it ended."""

    status: ExchangeStatus
    flow: np.ndarray
    solver: str
    build_seconds: float = 0.0
    solve_seconds: float = 0.0
    message: str = ""


@dataclass
class ExchangeResult:
    """The recommended exchange network.

    Attributes
    ----------
    status
        :class:`ExchangeStatus`; anything but ``optimal`` leaves the tables empty.
    message
        What happened, in the active locale; names the unmet requests when infeasible.
    exchanges
        One row per recommended exchange: offer_id, request_id, code, dimension, quantity
        [canonical unit per year], net_saving [currency per unit], saving [currency per
        year], co2_avoided [t CO2e per year, NaN where no factor exists], diverted [canonical
        unit per year taken away from disposal], fixed_cost [currency per year].
    recovery
        One row per offer sent to a recovery option: offer_id, option_id, quantity, saving,
        co2_avoided, diverted.
    disposal
        Per offer, the quantity still going to disposal [canonical unit per year].
    unmet
        Firm requests that cannot be filled: request_id, demand and shortfall [canonical unit
        per year]; empty unless ``status`` is ``infeasible``.
    totals
        Sums: ``saving`` [currency per year], ``fixed_cost`` [currency per year],
        ``co2_avoided`` [t CO2e per year, of the exchanges with a known factor; NaN when
        none has one], ``co2_unknown`` (count of exchanges and recoveries without a factor),
        ``exchanges`` (count), and per dimension
        ``quantity_<dimension>`` and ``diverted_<dimension>`` [canonical unit per year].
    objective
        Net saving after fixed costs [currency per year].
    """

    status: ExchangeStatus
    message: str
    solver: str
    exchanges: pd.DataFrame
    recovery: pd.DataFrame
    disposal: pd.DataFrame
    unmet: pd.DataFrame
    totals: dict[str, float]
    objective: float
    build_seconds: float
    solve_seconds: float
    notes: list[str] = field(default_factory=list)


def optimise_exchange(
    offers: pd.DataFrame,
    requests: pd.DataFrame,
    candidates: pd.DataFrame,
    *,
    fixed_cost_per_link: float | np.ndarray | pd.Series | None = None,
    solver: str = "auto",
    recovery_options: pd.DataFrame | None = None,
    firm_requests: bool | Collection[str] = False,
    time_limit: float | None = None,
) -> ExchangeResult:
    """Choose the exchanges, recoveries and disposals that maximise the zone's net saving.

    Parameters
    ----------
    offers, requests, candidates
        Tables of :func:`ecoplan.exchange.matching.find_candidates`'s contract. Candidates
        whose ``net_saving`` is NaN are dropped and counted in the notes. A request whose
        ``quantity`` is NaN accepts any amount (uncapacitated demand; counted in the notes),
        so each offer goes to its best-saving compatible request or to disposal; stated
        quantities stay binding. An offer whose ``quantity`` is NaN is left out (named in the
        notes; its disposal quantity stays NaN). A candidate whose ``max_quantity`` is NaN
        may carry up to the smaller of the stated offer and request quantities.
    fixed_cost_per_link
        Cost of setting up an exchange [currency per year], one number for every link or one
        per candidate row; links with a positive fixed cost make the problem mixed-integer.
    solver
        ``auto`` (min-cost flow when the problem is a pure network, else mixed-integer),
        ``mcf``, ``lp`` (HiGHS interior point without crossover), ``lp-simplex`` (HiGHS dual
        simplex) or ``mip``.
    recovery_options
        Optional table of recovery routes with columns option_id, code (a code the option
        accepts; one row per code), capacity [canonical unit per year], cost [currency per
        unit delivered, net of product revenue] and optionally co2_avoided [t CO2e per unit].
    firm_requests
        True if every request must be filled in full (no virgin alternative), or the
        listing ids of those that must. A firm request needs a stated quantity.
    time_limit
        Time limit of the LP and MIP solvers [s].

    Returns
    -------
    ExchangeResult
        With status ``infeasible`` and the unmet requests named when a firm request cannot be
        filled; no exception is raised for that.
    """
    from ecoplan.exchange.results import assemble_result, infeasible_result

    if solver not in SOLVERS:
        raise ExchangeError(
            _("Unknown solver {solver!r}; use one of {choices}.").format(
                solver=solver, choices=", ".join(SOLVERS)
            )
        )
    problem = build_problem(
        offers, requests, candidates, fixed_cost_per_link, recovery_options, firm_requests
    )

    shortfall = obvious_shortfall(problem)
    if shortfall.any():
        return infeasible_result(problem, shortfall, solver)

    solution = solve_problem(problem, solver, time_limit)
    if solution.status == ExchangeStatus.INFEASIBLE:
        from ecoplan.exchange.mincostflow import diagnose_shortfall

        return infeasible_result(problem, diagnose_shortfall(problem), solution.solver)
    return assemble_result(problem, solution, offers, requests, candidates, recovery_options)


def solve_problem(problem: NetworkProblem, solver: str, time_limit: float | None) -> Solution:
    """Solve ``problem`` with ``solver`` (``auto`` picks min-cost flow for a pure network)."""
    if solver == "auto":
        solver = "mcf" if problem.is_network else "mip"
    if solver == "mcf" and not problem.is_network:
        raise ExchangeError(
            _(
                "The min-cost-flow solver cannot take fixed costs per link; use solver 'mip' "
                "or 'auto'."
            )
        )
    logger.info(
        "solving the exchange network with %s: %d offers, %d requests, %d arcs",
        solver,
        len(problem.offer_ids),
        len(problem.request_ids),
        len(problem.arc_kind),
    )
    if solver == "mcf":
        from ecoplan.exchange.mincostflow import solve_min_cost_flow

        return solve_min_cost_flow(problem)

    from ecoplan.exchange.linear import solve_linear

    return solve_linear(problem, solver, time_limit)


def build_problem(
    offers: pd.DataFrame,
    requests: pd.DataFrame,
    candidates: pd.DataFrame,
    fixed_cost_per_link: float | np.ndarray | pd.Series | None,
    recovery_options: pd.DataFrame | None,
    firm_requests: bool | Collection[str],
) -> NetworkProblem:
    """Turn the listing and candidate tables into the arrays of a :class:`NetworkProblem`."""
    started = time.perf_counter()
    require_columns(offers, ("listing_id", "quantity"), "offers")
    require_columns(requests, ("listing_id", "quantity"), "requests")
    require_columns(
        candidates, ("offer_id", "request_id", "net_saving", "max_quantity"), "candidates"
    )

    offer_ids = offers["listing_id"].to_numpy(dtype=object)
    request_ids = requests["listing_id"].to_numpy(dtype=object)
    firm = firm_mask(request_ids, firm_requests)
    notes: list[str] = []
    supply = offer_quantities(offers, notes)
    demand = request_quantities(requests, firm, notes)

    exchange = exchange_arcs(
        offer_ids, request_ids, (supply, demand), candidates, fixed_cost_per_link, notes
    )
    recovery = recovery_arcs(offers, recovery_options, notes)
    arcs = {key: np.concatenate([exchange[key], recovery[key]]) for key in exchange}
    arcs = drop_losing_arcs(arcs, firm, notes)
    option_ids, option_capacity = recovery_capacities(recovery_options)

    logger.debug("built the exchange arrays in %.3f s", time.perf_counter() - started)
    return NetworkProblem(
        offer_ids=offer_ids,
        supply=np.nan_to_num(supply, nan=0.0),
        request_ids=request_ids,
        demand=demand,
        firm=firm,
        option_ids=option_ids,
        option_capacity=option_capacity,
        arc_kind=arcs["kind"].astype(np.int8),
        arc_tail=arcs["tail"].astype(np.int64),
        arc_head=arcs["head"].astype(np.int64),
        arc_capacity=arcs["capacity"].astype(float),
        arc_saving=arcs["saving"].astype(float),
        arc_co2=arcs["co2"].astype(float),
        arc_fixed_cost=arcs["fixed_cost"].astype(float),
        arc_row=arcs["row"].astype(np.int64),
        notes=notes,
        unknown_supply=np.isnan(supply),
    )


def require_columns(frame: pd.DataFrame, columns: tuple[str, ...], table: str) -> None:
    """Raise :class:`ExchangeError` naming the columns of ``columns`` missing from ``frame``."""
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ExchangeError(
            _("The {table} table lacks the column(s) {columns}; add them.").format(
                table=table, columns=", ".join(missing)
            )
        )


def quantities(frame: pd.DataFrame, table: str) -> np.ndarray:
    """Return ``frame.quantity`` [canonical unit per year], NaN where unknown; raise if < 0."""
    quantity = pd.to_numeric(frame["quantity"], errors="coerce").to_numpy(dtype=float)
    bad = (quantity < 0) | np.isinf(quantity)
    if bad.any():
        ids = ", ".join(map(str, frame["listing_id"].to_numpy()[bad][:5]))
        raise ExchangeError(
            _(
                "The {table} {ids} have no valid quantity; give each a quantity of zero or more."
            ).format(table=table, ids=ids)
        )
    return quantity


def offer_quantities(offers: pd.DataFrame, notes: list[str]) -> np.ndarray:
    """Return each offer's quantity [canonical unit per year]; NaN ones are named in ``notes``."""
    supply = quantities(offers, "offers")
    unknown = np.isnan(supply)
    if unknown.any():
        notes.append(
            _(
                "{count} offer(s) without a stated quantity were left out of the network: {ids}."
            ).format(
                count=int(unknown.sum()),
                ids=", ".join(map(str, offers["listing_id"].to_numpy()[unknown][:10])),
            )
        )
    return supply


def request_quantities(requests: pd.DataFrame, firm: np.ndarray, notes: list[str]) -> np.ndarray:
    """Return each request's quantity [canonical unit per year]; an unknown one is infinite.

    A request without a stated quantity accepts any amount (uncapacitated demand), which is
    counted in ``notes``; a firm request must state its quantity.
    """
    demand = quantities(requests, "requests")
    unknown = np.isnan(demand)
    if (unknown & firm).any():
        ids = ", ".join(map(str, requests["listing_id"].to_numpy()[unknown & firm][:5]))
        raise ExchangeError(
            _(
                "The firm requests {ids} have no stated quantity; give each a quantity, or "
                "do not make them firm."
            ).format(ids=ids)
        )
    if unknown.any():
        notes.append(
            _(
                "{count} request(s) without a stated quantity were treated as accepting any "
                "amount (uncapacitated demand)."
            ).format(count=int(unknown.sum()))
        )
    return np.where(unknown, np.inf, demand)


def firm_mask(request_ids: np.ndarray, firm_requests: bool | Collection[str]) -> np.ndarray:
    """Return which requests must be filled in full."""
    if isinstance(firm_requests, bool):
        return np.full(len(request_ids), firm_requests)
    wanted = set(firm_requests)
    unknown = wanted - set(request_ids)
    if unknown:
        raise ExchangeError(
            _("Firm requests {ids} are not in the requests table.").format(
                ids=", ".join(sorted(map(str, unknown)))
            )
        )
    return pd.Index(request_ids).isin(list(wanted))


def positions(ids: pd.Series, index: np.ndarray, table: str) -> np.ndarray:
    """Return the row positions of ``ids`` in ``index``, raising on an unknown id."""
    found = pd.Index(index).get_indexer(ids.to_numpy())
    if (found < 0).any():
        unknown = ", ".join(map(str, ids.to_numpy()[found < 0][:5]))
        raise ExchangeError(
            _("The candidates name {table} {ids} that are not in the {table} table.").format(
                table=table, ids=unknown
            )
        )
    return found


def exchange_arcs(
    offer_ids: np.ndarray,
    request_ids: np.ndarray,
    amounts: tuple[np.ndarray, np.ndarray],
    candidates: pd.DataFrame,
    fixed_cost_per_link: float | np.ndarray | pd.Series | None,
    notes: list[str],
) -> dict[str, np.ndarray]:
    """Return one arc per candidate with a known net saving and an offer of known quantity.

    ``amounts`` holds the offers' supply (NaN when unknown) and the requests' demand
    (infinite when unknown). A candidate without ``max_quantity`` may carry up to the smaller
    of its offer's supply and its request's demand.
    """
    tails = positions(candidates["offer_id"], offer_ids, "offers")
    heads = positions(candidates["request_id"], request_ids, "requests")
    supply, demand = amounts
    saving = pd.to_numeric(candidates["net_saving"], errors="coerce").to_numpy(dtype=float)
    capacity = pd.to_numeric(candidates["max_quantity"], errors="coerce").to_numpy(dtype=float)
    capacity = np.where(np.isnan(capacity), np.minimum(supply[tails], demand[heads]), capacity)
    fixed = fixed_costs(fixed_cost_per_link, len(candidates))
    offered = np.isfinite(supply[tails])
    usable = np.isfinite(saving) & np.isfinite(capacity) & (capacity > 0)
    dropped = int((~usable & offered).sum())
    if dropped:
        notes.append(
            _("{count} candidate(s) without a known net saving or capacity were left out.").format(
                count=dropped
            )
        )
        logger.info("left out %d candidates without net saving or capacity", dropped)

    rows = np.flatnonzero(usable & offered)
    co2 = (
        pd.to_numeric(candidates["co2_avoided"], errors="coerce").to_numpy(dtype=float)[rows]
        if "co2_avoided" in candidates
        else np.full(len(rows), np.nan)
    )
    return {
        "kind": np.zeros(len(rows), dtype=np.int8),
        "tail": tails[rows],
        "head": heads[rows],
        "capacity": capacity[rows],
        "saving": saving[rows],
        "co2": co2,
        "fixed_cost": fixed[rows],
        "row": rows,
    }


def drop_losing_arcs(
    arcs: dict[str, np.ndarray], firm: np.ndarray, notes: list[str]
) -> dict[str, np.ndarray]:
    """Drop the arcs whose net saving is zero or less, unless they lead to a firm request.

    Such an arc never raises the net saving, so the optimum is the same without it, and an
    exchange that saves nothing is not recommended.
    """
    exchange = arcs["kind"] == 0
    padded = np.append(firm, False)
    to_firm = padded[np.where(exchange, arcs["head"], -1).astype(np.int64)]
    keep = (arcs["saving"] > 0) | to_firm
    losing = int((exchange & ~keep).sum())
    if losing:
        notes.append(
            _(
                "{count} candidate(s) with a net saving of zero or less were not recommended."
            ).format(count=losing)
        )
    return {key: values[keep] for key, values in arcs.items()}


def fixed_costs(value: float | np.ndarray | pd.Series | None, count: int) -> np.ndarray:
    """Return the fixed cost of each candidate link [currency per year]."""
    if value is None:
        return np.zeros(count)
    costs = np.broadcast_to(np.asarray(value, dtype=float), (count,)).copy()
    if not np.isfinite(costs).all() or (costs < 0).any():
        raise ExchangeError(
            _("Fixed costs per link must be finite and not negative; got {value!r}.").format(
                value=value
            )
        )
    return costs


def recovery_capacities(options: pd.DataFrame | None) -> tuple[np.ndarray, np.ndarray]:
    """Return the recovery options' ids and capacities [canonical unit per year]."""
    if options is None or options.empty:
        return np.array([], dtype=object), np.array([], dtype=float)
    first = options.groupby("option_id", sort=False)["capacity"].first()
    return first.index.to_numpy(dtype=object), first.to_numpy(dtype=float)


def recovery_arcs(
    offers: pd.DataFrame, options: pd.DataFrame | None, notes: list[str]
) -> dict[str, np.ndarray]:
    """Return one arc per (offer, recovery option) whose codes match.

    The saving of sending a unit to recovery is the offer's disposal cost minus the option's
    cost; an offer without a known disposal cost gets no recovery arc.
    """
    empty = {
        key: np.array([], dtype=float)
        for key in ("kind", "tail", "head", "capacity", "saving", "co2", "fixed_cost", "row")
    }
    if options is None or options.empty:
        return empty
    require_columns(options, RECOVERY_COLUMNS, "recovery_options")
    require_columns(offers, ("code", "disposal_cost"), "offers")

    option_ids, _capacity = recovery_capacities(options)
    table = options.reset_index(drop=True).assign(row=lambda frame: np.arange(len(frame)))
    listed = offers[["code", "disposal_cost", "quantity"]].assign(tail=np.arange(len(offers)))
    pairs = listed.merge(table, on="code", how="inner")
    known = pairs["disposal_cost"].notna()
    if (~known).any():
        notes.append(
            _("{count} offer–option pair(s) without a known disposal cost were left out.").format(
                count=int((~known).sum())
            )
        )
    pairs = pairs[known & pairs["quantity"].notna()]

    co2 = pairs["co2_avoided"] if "co2_avoided" in pairs else pd.Series(np.nan, pairs.index)
    return {
        "kind": np.ones(len(pairs), dtype=np.int8),
        "tail": pairs["tail"].to_numpy(),
        "head": pd.Index(option_ids).get_indexer(pairs["option_id"].to_numpy()),
        "capacity": pairs["quantity"].to_numpy(dtype=float),
        "saving": (pairs["disposal_cost"] - pairs["cost"]).to_numpy(dtype=float),
        "co2": pd.to_numeric(co2, errors="coerce").to_numpy(dtype=float),
        "fixed_cost": np.zeros(len(pairs)),
        "row": pairs["row"].to_numpy(),
    }


def obvious_shortfall(problem: NetworkProblem) -> np.ndarray:
    """Return, per request, the demand that its arcs cannot carry even together.

    Only firm requests count; a firm request without any candidate shows here at once.
    """
    exchange = problem.arc_kind == 0
    reach = np.bincount(
        problem.arc_head[exchange],
        weights=problem.arc_capacity[exchange],
        minlength=len(problem.request_ids),
    )
    shortfall = np.where(problem.firm, problem.demand - reach, 0.0)
    return np.clip(shortfall, 0.0, None) * (shortfall > 1e-9 * np.maximum(problem.demand, 1.0))

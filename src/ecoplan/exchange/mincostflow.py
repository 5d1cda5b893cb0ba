"""The exchange allocation as an integer min-cost flow, solved with OR-Tools' network simplex.

OR-Tools' ``SimpleMinCostFlow`` takes integer capacities and unit costs, so quantities and
savings are scaled by powers of ten and rounded (:func:`integer_scales`): the total supply and
demand get about twelve significant digits, and the largest unit saving about six. The
objective is then recomputed in floating point from the returned flows; the tests hold it
against the LP optimum to 1e-6 relative.

Graph: one node per offer (supply = its quantity), request and recovery option, and one sink.
Arcs: offer → request (an exchange, cost = −net saving), offer → recovery option, offer → sink
(disposal, cost 0), request → sink (capacity = its quantity; firm requests instead demand their
quantity), recovery option → sink (capacity = its capacity).
"""

from __future__ import annotations

import logging
import time

import numpy as np
from ortools.graph.python import min_cost_flow
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from ecoplan.exchange.network import ExchangeStatus, NetworkProblem, Solution

logger = logging.getLogger(__name__)

QUANTITY_DIGITS = 12
"""Significant digits kept of the total quantity (supply plus demand) when scaled to integers."""

COST_DIGITS = 6
"""Significant digits kept of the largest unit saving when scaled to integers."""


def integer_scales(problem: NetworkProblem) -> tuple[float, float]:
    """Return the powers of ten that turn quantities and unit savings into integers.

    The product of the largest scaled total flow (1e12) and the largest scaled cost (1e6)
    stays below the int64 limit of 9.2e18, so OR-Tools cannot overflow.
    """
    total = float(problem.supply.sum() + finite_demand(problem).sum())
    largest = float(np.abs(problem.arc_saving).max()) if len(problem.arc_saving) else 1.0
    quantity_scale = 10.0 ** np.floor(QUANTITY_DIGITS - np.log10(max(total, 1e-6)))
    cost_scale = 10.0 ** np.floor(COST_DIGITS - np.log10(max(largest, 1e-6)))
    return float(min(quantity_scale, 1e9)), float(min(cost_scale, 1e9))


def finite_demand(problem: NetworkProblem) -> np.ndarray:
    """Return the demand [canonical unit per year], infinite demand set to the total supply.

    An uncapacitated request can never take more than the whole supply.
    """
    return np.where(np.isinf(problem.demand), problem.supply.sum(), problem.demand)


def scaled(values: np.ndarray, scale: float) -> np.ndarray:
    """Return ``values * scale`` rounded to int64."""
    return np.rint(np.asarray(values, dtype=float) * scale).astype(np.int64)


def network_arrays(
    problem: NetworkProblem, quantity_scale: float, costs: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return tails, heads, capacities, costs of every arc, and every node's supply.

    The first ``len(problem.arc_kind)`` arcs are the problem's arcs, in order; ``costs`` are
    their integer unit costs. Nodes: offers, then requests, then options, then the sink.
    """
    offers, requests = len(problem.offer_ids), len(problem.request_ids)
    options = len(problem.option_ids)
    request_base, option_base = offers, offers + requests
    sink = offers + requests + options

    heads = np.where(
        problem.arc_kind == 0, request_base + problem.arc_head, option_base + problem.arc_head
    )
    supply = scaled(problem.supply, quantity_scale)
    demand = scaled(finite_demand(problem), quantity_scale)
    flexible = np.flatnonzero(~problem.firm)

    tails = np.concatenate(
        [
            problem.arc_tail,
            np.arange(offers),
            request_base + flexible,
            option_base + np.arange(options),
        ]
    )
    all_heads = np.concatenate([heads, np.full(offers + len(flexible) + options, sink)])
    capacities = np.concatenate(
        [
            scaled(problem.arc_capacity, quantity_scale),
            supply,
            demand[flexible],
            scaled(problem.option_capacity, quantity_scale),
        ]
    )
    all_costs = np.concatenate([costs, np.zeros(offers + len(flexible) + options, np.int64)])

    node_supply = np.zeros(sink + 1, dtype=np.int64)
    node_supply[:offers] = supply
    node_supply[request_base:option_base] = np.where(problem.firm, -demand, 0)
    node_supply[sink] = -(supply.sum() - demand[problem.firm].sum())
    return tails.astype(np.int32), all_heads.astype(np.int32), capacities, all_costs, node_supply


CHUNK_ARCS = 500
"""Arcs per solve: disjoint components are grouped into chunks of about this size and each
chunk is solved on its own, because the solver's time grows faster than linearly even on
small graphs. On 100,000 offers in parks of 40 (``bench/bench_exchange.py --layout parks``),
chunks of 500 arcs solved in 1.2 s against 2.4 s for chunks of 20,000."""


def solve_min_cost_flow(problem: NetworkProblem) -> Solution:
    """Solve ``problem`` (no fixed costs) with OR-Tools' ``SimpleMinCostFlow``.

    The offer–request graph is split into its connected components, which share no arc and
    so can be solved apart; small ones are grouped into chunks of about :data:`CHUNK_ARCS`
    arcs. Offers without arcs need no solve: all of them goes to disposal.
    """
    started = time.perf_counter()
    scales = integer_scales(problem)
    flow = np.zeros(len(problem.arc_kind))
    build = solve = 0.0
    for arcs in arc_chunks(problem):
        part = sub_problem(problem, arcs)
        outcome, part_flow, timing = solve_chunk(part, scales)
        build, solve = build + timing[0], solve + timing[1]
        if outcome != ExchangeStatus.OPTIMAL:
            return Solution(outcome, np.zeros(len(flow)), "mcf", build, solve, str(outcome))
        flow[arcs] = part_flow
    logger.info("min-cost flow solved in %.3f s", time.perf_counter() - started)
    return Solution(ExchangeStatus.OPTIMAL, flow, "mcf", build, solve)


def arc_chunks(problem: NetworkProblem) -> list[np.ndarray]:
    """Return the arc positions of each chunk of whole connected components."""
    if not len(problem.arc_kind):
        return []
    offers, requests = len(problem.offer_ids), len(problem.request_ids)
    nodes = offers + requests + len(problem.option_ids)
    heads = np.where(problem.arc_kind == 0, offers, offers + requests) + problem.arc_head
    graph = coo_matrix(
        (np.ones(len(heads)), (problem.arc_tail, heads)), shape=(nodes, nodes)
    ).tocsr()
    _count, labels = connected_components(graph, directed=False)
    arc_label = labels[problem.arc_tail]
    sizes = np.bincount(arc_label, minlength=labels.max() + 1 if len(labels) else 0)
    chunk_of = (np.cumsum(sizes) - sizes) // CHUNK_ARCS
    arc_chunk = chunk_of[arc_label]
    order = np.argsort(arc_chunk, kind="stable")
    bounds = np.flatnonzero(np.diff(arc_chunk[order])) + 1
    return [part for part in np.split(order, bounds) if len(part)]


def sub_problem(problem: NetworkProblem, arcs: np.ndarray) -> NetworkProblem:
    """Return the part of ``problem`` made of ``arcs`` and the nodes they touch."""
    kind, tail, head = problem.arc_kind[arcs], problem.arc_tail[arcs], problem.arc_head[arcs]
    offers = np.unique(tail)
    requests = np.unique(head[kind == 0])
    options = np.unique(head[kind == 1])
    local_head = np.where(
        kind == 0, np.searchsorted(requests, head), np.searchsorted(options, head)
    )
    return NetworkProblem(
        offer_ids=problem.offer_ids[offers],
        supply=problem.supply[offers],
        request_ids=problem.request_ids[requests],
        demand=problem.demand[requests],
        firm=problem.firm[requests],
        option_ids=problem.option_ids[options],
        option_capacity=problem.option_capacity[options],
        arc_kind=kind,
        arc_tail=np.searchsorted(offers, tail),
        arc_head=local_head,
        arc_capacity=problem.arc_capacity[arcs],
        arc_saving=problem.arc_saving[arcs],
        arc_co2=problem.arc_co2[arcs],
        arc_fixed_cost=problem.arc_fixed_cost[arcs],
        arc_row=problem.arc_row[arcs],
    )


def solve_chunk(
    problem: NetworkProblem, scales: tuple[float, float]
) -> tuple[ExchangeStatus, np.ndarray, tuple[float, float]]:
    """Solve one chunk; return its status, flow per arc and (build, solve) times [s]."""
    started = time.perf_counter()
    quantity_scale, cost_scale = scales
    costs = -scaled(problem.arc_saving, cost_scale)
    tails, heads, capacities, all_costs, supply = network_arrays(problem, quantity_scale, costs)
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, all_costs)
    solver.set_nodes_supplies(np.arange(len(supply), dtype=np.int32), supply)
    built = time.perf_counter()

    status = solver.solve()
    solved = time.perf_counter()
    timing = (built - started, solved - built)
    arcs = len(problem.arc_kind)
    if status != solver.OPTIMAL:
        logger.info("min-cost flow chunk ended with status %s", status)
        outcome = (
            ExchangeStatus.INFEASIBLE if status == solver.INFEASIBLE else ExchangeStatus.FAILED
        )
        return outcome, np.zeros(arcs), timing
    flow = solver.flows(np.arange(arcs, dtype=np.int32)) / quantity_scale
    return ExchangeStatus.OPTIMAL, flow, timing


def diagnose_shortfall(problem: NetworkProblem) -> np.ndarray:
    """Return, per request, the least shortfall of firm demand any allocation leaves.

    Solves the same network with every cost zero and a shortage source that can fill each firm
    request at unit cost, so the optimum minimises the total unmet demand [canonical unit per
    year]. Which requests are short is one of possibly several equally small answers.
    """
    quantity_scale, _cost_scale = integer_scales(problem)
    zero = np.zeros(len(problem.arc_kind), dtype=np.int64)
    tails, heads, capacities, costs, supply = network_arrays(problem, quantity_scale, zero)

    shortage = len(supply)
    sink = shortage - 1
    firm = np.flatnonzero(problem.firm)
    request_nodes = len(problem.offer_ids) + firm
    firm_demand = scaled(problem.demand[firm], quantity_scale)
    total = int(firm_demand.sum())

    tails = np.concatenate([tails, np.full(len(firm) + 1, shortage, np.int32)])
    heads = np.concatenate([heads, request_nodes.astype(np.int32), np.array([sink], np.int32)])
    capacities = np.concatenate([capacities, firm_demand, np.array([total])])
    costs = np.concatenate([costs, np.ones(len(firm), np.int64), np.zeros(1, np.int64)])
    supply = np.concatenate([supply, np.array([total])])
    supply[sink] -= total

    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
    solver.set_nodes_supplies(np.arange(len(supply), dtype=np.int32), supply)
    status = solver.solve()
    if status != solver.OPTIMAL:
        logger.warning("the shortfall diagnosis ended with status %s", status)
        return np.where(problem.firm, problem.demand, 0.0)

    first = len(tails) - len(firm) - 1
    short = solver.flows(np.arange(first, first + len(firm), dtype=np.int32)) / quantity_scale
    shortfall = np.zeros(len(problem.request_ids))
    shortfall[firm] = short
    return shortfall

"""A random allocation instance of 20,000 offers, 20,000 requests and 200,000 pairs.

The allocation's speed targets were set from an earlier measurement at this size on a 2-core
machine: HiGHS dual simplex (its default) about 54 s, HiGHS interior point without crossover
about 4 s, OR-Tools min-cost flow about 3.6 s. That measurement's generator is not known, so
this one draws each offer's ten requests at random. The instance has no spatial structure and
so forms one large connected component. Quantities are uniform in 10–1,000 t, disposal fees
uniform in 20–80 and virgin prices in 30–120 per tonne, and each pair's transport cost is
uniform between zero and the sum of the two, so every pair saves money.

Three routes solve it:

- ``optimise_exchange``, ecoplan's route (arrays, OR-Tools min-cost flow, result tables);
- the same reduced LP (maximise the saving under ``<=`` limits) as a plain linopy model
  solved with HiGHS defaults, the baseline of the 10× target;
- the problem as first stated, minimising total cost with a disposal variable per offer and a
  virgin-input variable per request under equality balances, as a plain linopy model solved
  with HiGHS defaults.
"""

from __future__ import annotations

import time
from typing import Any

import linopy
import numpy as np
import pandas as pd
import xarray as xr

from ecoplan.exchange.linear import build_linear_model
from ecoplan.exchange.network import build_problem, optimise_exchange

COUNT = 20_000
PAIRS_PER_OFFER = 10


def random_instance(
    count: int = COUNT, per_offer: int = PAIRS_PER_OFFER, seed: int = 3
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return offers, requests and candidates with ``per_offer`` random requests per offer."""
    rng = np.random.default_rng(seed)
    offers = pd.DataFrame(
        {
            "listing_id": [f"O{i}" for i in range(count)],
            "quantity": rng.uniform(10.0, 1000.0, count).round(1),
            "code": "100102",
            "dimension": "mass",
            "disposal_cost": rng.uniform(20.0, 80.0, count).round(2),
        }
    )
    requests = pd.DataFrame(
        {
            "listing_id": [f"R{i}" for i in range(count)],
            "quantity": rng.uniform(10.0, 1000.0, count).round(1),
            "virgin_cost": rng.uniform(30.0, 120.0, count).round(2),
        }
    )

    tails = np.repeat(np.arange(count), per_offer)
    heads = np.concatenate([rng.choice(count, per_offer, replace=False) for _ in range(count)])
    avoided = offers["disposal_cost"].to_numpy()[tails] + requests["virgin_cost"].to_numpy()[heads]
    transport = rng.uniform(0.0, 1.0, len(tails)) * avoided
    candidates = pd.DataFrame(
        {
            "offer_id": offers["listing_id"].to_numpy()[tails],
            "request_id": requests["listing_id"].to_numpy()[heads],
            "transport_cost": transport.round(2),
            "net_saving": (avoided - transport).round(2),
            "max_quantity": np.nan,
        }
    )
    return offers, requests, candidates


def plain_total_cost_model(
    offers: pd.DataFrame, requests: pd.DataFrame, candidates: pd.DataFrame
) -> linopy.Model:
    """Return the problem as first stated: minimise transport, disposal and virgin cost."""
    tails = pd.Index(offers["listing_id"]).get_indexer(candidates["offer_id"])
    heads = pd.Index(requests["listing_id"]).get_indexer(candidates["request_id"])
    supply = offers["quantity"].to_numpy()
    demand = requests["quantity"].to_numpy()
    capacity = np.minimum(supply[tails], demand[heads])

    model = linopy.Model()
    flow = model.add_variables(lower=0.0, upper=xr.DataArray(capacity, dims="arc"), name="x")
    offer_index = pd.RangeIndex(len(offers), name="offer")
    request_index = pd.RangeIndex(len(requests), name="request")
    disposal = model.add_variables(lower=0.0, coords=[offer_index], name="disposal")
    virgin = model.add_variables(lower=0.0, coords=[request_index], name="virgin")

    # Listings without a pair still get a balance (all to disposal, all virgin input).
    sent = flow.groupby(xr.DataArray(tails, dims="arc", name="offer")).sum()
    sent = sent.reindex(offer=offer_index).fillna(0)
    received = flow.groupby(xr.DataArray(heads, dims="arc", name="request")).sum()
    received = received.reindex(request=request_index).fillna(0)
    model.add_constraints(sent + disposal == xr.DataArray(supply, [offer_index]), name="supply")
    model.add_constraints(received + virgin == xr.DataArray(demand, [request_index]), name="demand")

    transport = xr.DataArray(candidates["transport_cost"].to_numpy(), dims="arc")
    fee = xr.DataArray(offers["disposal_cost"].to_numpy(), [offer_index])
    price = xr.DataArray(requests["virgin_cost"].to_numpy(), [request_index])
    model.add_objective((transport * flow).sum() + (fee * disposal).sum() + (price * virgin).sum())
    return model


def solve_default(model: linopy.Model, limit: float) -> tuple[float, str]:
    """Solve ``model`` with HiGHS defaults; return the objective and the termination."""
    _status, condition = model.solve("highs", progress=False, output_flag=False, time_limit=limit)
    return float(model.objective.value or np.nan), str(condition)


def measure(limit: float) -> dict[str, Any]:
    """Solve the 20,000-offer instance by the three routes; return seconds and objectives."""
    offers, requests, candidates = random_instance()
    row: dict[str, Any] = {"pairs": len(candidates)}

    started = time.perf_counter()
    result = optimise_exchange(offers, requests, candidates)
    row["ours_s"] = time.perf_counter() - started
    row["mcf_s"] = result.build_seconds + result.solve_seconds
    row["saving"] = result.objective

    started = time.perf_counter()
    problem = build_problem(offers, requests, candidates, None, None, False)
    reduced = build_linear_model(problem, integer=False)
    objective, row["reduced_status"] = solve_default(reduced, limit)
    row["reduced_s"], row["reduced_saving"] = time.perf_counter() - started, -objective

    started = time.perf_counter()
    plain = plain_total_cost_model(offers, requests, candidates)
    row["plain_cost"], row["plain_status"] = solve_default(plain, limit)
    row["plain_s"] = time.perf_counter() - started
    baseline = (offers["quantity"] * offers["disposal_cost"]).sum()
    baseline += (requests["quantity"] * requests["virgin_cost"]).sum()
    row["plain_saving"] = baseline - row["plain_cost"]
    return row


def print_measure(row: dict[str, Any]) -> None:
    """Print the three routes' times, their ratios and whether the optima agree."""
    ours = row["ours_s"]
    print(f"Random instance: {COUNT:,} offers, {COUNT:,} requests, {row['pairs']:,} pairs (random)")
    print(
        f"  optimise_exchange (OR-Tools min-cost flow): {ours:.2f} s, of which the solver "
        f"{row['mcf_s']:.2f} s; net saving {row['saving']:,.2f}"
    )
    for key, label in (("reduced", "reduced LP"), ("plain", "total-cost LP")):
        gap = abs(row[f"{key}_saving"] - row["saving"]) / abs(row["saving"])
        seconds = row[f"{key}_s"]
        print(
            f"  {label}, linopy + HiGHS defaults: {seconds:.2f} s "
            f"({row[f'{key}_status']}, saving gap {gap:.1e}); ratio to ours {seconds / ours:.1f}"
        )

"""Benchmark: the least-cost portfolio LP built with linopy against the same LP in highspy.

Run ``.venv/bin/python bench/bench_energy_lp.py``. The problem has 15 technologies, 5 regions,
the years 2005-2050 and 12 time slices, a renewable floor rising from 5.5 % to 60 %, a CO2 cap
from 2030 and build limits. ecoplan's model (``build_model``: linopy constraint families
from integer label arrays) is timed against the same rows assembled directly as NumPy/SciPy
sparse arrays and loaded into ``highspy.Highs`` with ``addVars``/``addRows``. The builds
run REPEATS times, interleaved, and the medians are compared. linopy's own export to HiGHS
(``to_highspy``), which its solve call repeats, is timed apart. Both are solved with HiGHS
in the same run, and the objectives must agree to 1e-6 relative.

Build target: linopy within 2x of highspy. Parameter preparation (``model_parameters``) is
shared by both and timed apart: its first call in a process includes xarray's one-time
import of dask and pint.

NOTE: highspy 1.16 prints its banner once per process when a ``Highs`` object is created,
before any option can be set, so one banner remains in the output.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

import highspy
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ecoplan.energy.leastcost import EmissionCap, LeastCostProblem, RenewableShare
from ecoplan.energy.leastcost_model import (
    Parameters,
    build_model,
    denominator_mask,
    model_parameters,
)

TECHNOLOGIES = 15
REGIONS = 5
YEARS = range(2005, 2051)
SLICES = 12
REPEATS = 7


def synthetic_problem(seed: int = 7) -> LeastCostProblem:
    """Return a reproducible problem of the benchmark's size."""
    rng = np.random.default_rng(seed)
    names = [f"tech{i:02d}" for i in range(TECHNOLOGIES)]
    renewable = np.arange(TECHNOLOGIES) % 3 == 0
    techs = pd.DataFrame(
        {
            "carrier": ["electricity"] * 12 + ["heat"] * 2 + ["efficiency"],
            "renewable": renewable,
            "efficiency": np.where(renewable, 1.0, rng.uniform(0.3, 0.6, TECHNOLOGIES)),
            "capacity_factor": rng.uniform(0.2, 0.9, TECHNOLOGIES),
            "capital_cost": rng.uniform(500, 4000, TECHNOLOGIES),
            "fixed_om": rng.uniform(10, 100, TECHNOLOGIES),
            "variable_om": rng.uniform(0, 10, TECHNOLOGIES),
            "fuel_cost": np.where(renewable, 0.0, rng.uniform(10, 60, TECHNOLOGIES)),
            "lifetime": rng.integers(15, 40, TECHNOLOGIES).astype(float),
            "available_from": np.where(np.arange(TECHNOLOGIES) % 5 == 4, 2020, 2000),
            "co2": np.where(renewable, 0.0, rng.uniform(0.2, 1.0, TECHNOLOGIES)),
        },
        index=pd.Index(names, name="technology"),
    )
    regions = [f"region{r}" for r in range(REGIONS)]
    demand = pd.Series(
        {
            (region, year): 1e6 * (1 + r) * 1.04 ** (year - 2005)
            for r, region in enumerate(regions)
            for year in YEARS
        }
    ).rename_axis(["region", "year"])
    share = np.full(SLICES, 1 / SLICES)
    slices = pd.DataFrame(
        {"hours": share * 8760, "demand_share": share},
        index=[f"s{i:02d}" for i in range(SLICES)],
    )
    availability = pd.DataFrame(
        rng.uniform(0.6, 1.0, (TECHNOLOGIES, SLICES))
        * techs["capacity_factor"].to_numpy()[:, None],
        index=names,
        columns=slices.index,
    )
    floors = {year: 0.055 + (0.60 - 0.055) * (year - 2005) / 45 for year in YEARS}
    base_co2 = float(demand.groupby("year").sum().iloc[-1]) * 0.5
    caps = {year: base_co2 * (1 - 0.02 * (year - 2030)) for year in range(2030, 2051)}
    return LeastCostProblem(
        technologies=techs,
        demand=demand,
        discount_rate=0.06,
        renewable_share=RenewableShare(floors),
        emission_caps=[EmissionCap("co2", caps)],
        build_limits={name: 2000.0 for name in names[:5]},
        timeslices=slices,
        availability=availability,
    )


def capacity_balance_block(parameters: Parameters, new: np.ndarray, cap: np.ndarray) -> tuple:
    """Return the rows cap[t,r,y] - sum of new[t,r,v] over vintages in service = existing."""
    t, r, y = cap.shape
    age = np.arange(y)[None, :] - np.arange(y)[:, None]  # vintage, year
    service = parameters.service_years.to_numpy()[:, None, None]
    ti, vi, yi = np.nonzero((age >= 0) & (age < service))
    ti, ri = np.repeat(ti, r), np.tile(np.arange(r), len(vi))
    vi, yi = np.repeat(vi, r), np.repeat(yi, r)
    existing = parameters.existing.transpose("technology", "region", "year").to_numpy().ravel()
    return (
        np.concatenate([np.arange(cap.size), (ti * r + ri) * y + yi]),
        np.concatenate([cap.ravel(), new[ti, ri, vi]]),
        np.concatenate([np.ones(cap.size), -np.ones(len(ti))]),
        existing,
        existing,
    )


def build_highspy(parameters: Parameters) -> highspy.Highs:
    """Assemble the same LP as :func:`build_model` as sparse arrays and load it into HiGHS."""
    t, r = len(parameters.coords["technology"]), len(parameters.coords["region"])
    y, s = len(parameters.coords["year"]), len(parameters.coords["timeslice"])
    new = np.arange(t * r * y).reshape(t, r, y)
    cap = new.size + np.arange(t * r * y).reshape(t, r, y)
    gen = 2 * new.size + np.arange(t * r * y * s).reshape(t, r, y, s)
    columns = 2 * new.size + gen.size

    cost = np.concatenate(
        [
            np.broadcast_to(
                (parameters.investment_weight * parameters.capital)
                .transpose("technology", "vintage")
                .to_numpy()[:, None, :],
                (t, r, y),
            ).ravel(),
            np.broadcast_to(
                np.outer(parameters.fixed.to_numpy(), parameters.discount.to_numpy())[:, None, :],
                (t, r, y),
            ).ravel(),
            np.broadcast_to(
                np.outer(parameters.running.to_numpy(), parameters.discount.to_numpy())[
                    :, None, :, None
                ],
                (t, r, y, s),
            ).ravel(),
        ]
    )
    upper = np.concatenate(
        [parameters.build_upper.to_numpy().ravel(), np.full(cap.size + gen.size, np.inf)]
    )

    blocks = [capacity_balance_block(parameters, new, cap)]  # (rows, cols, values, lower, upper)
    row = cap.size

    # capacity limit: gen[t,r,y,s] - output_per_mw[t,s] cap[t,r,y] <= 0
    per_mw = parameters.output_per_mw.to_numpy()
    factor = np.broadcast_to(per_mw[:, None, None, :], gen.shape).ravel()
    limit_rows = row + np.arange(gen.size)
    blocks.append(
        (
            np.concatenate([limit_rows, limit_rows]),
            np.concatenate([gen.ravel(), np.broadcast_to(cap[..., None], gen.shape).ravel()]),
            np.concatenate([np.ones(gen.size), -factor]),
            np.full(gen.size, -np.inf),
            np.zeros(gen.size),
        )
    )
    row += gen.size

    # demand: sum_t gen[t,r,y,s] = demand[r,y,s]
    demand = parameters.demand.transpose("region", "year", "timeslice").to_numpy().ravel()
    demand_rows = row + np.tile(np.arange(r * y * s), t)
    blocks.append((demand_rows, gen.ravel(), np.ones(gen.size), demand, demand))
    row += demand.size

    # renewable: sum_{t,r,s} (renewable[t] - floor[y] denominator[t]) gen >= 0
    floors = pd.Series(parameters.problem.renewable_share.minimum)  # type: ignore[union-attr]
    floor = floors.reindex(parameters.coords["year"]).to_numpy()
    renewable = parameters.problem.technologies["renewable"].to_numpy(float)
    weight = renewable[:, None] - floor[None, :] * denominator_mask(parameters).to_numpy()[:, None]
    year_of = np.broadcast_to(np.arange(y)[None, None, :, None], gen.shape).ravel()
    blocks.append(
        (
            row + year_of,
            gen.ravel(),
            np.broadcast_to(weight[:, None, :, None], gen.shape).ravel(),
            np.zeros(y),
            np.full(y, np.inf),
        )
    )
    row += y

    # CO2 cap in the listed years
    cap_setting = parameters.problem.emission_caps[0]
    cap_years = np.searchsorted(parameters.coords["year"], list(cap_setting.limits))
    co2 = parameters.factors.sel(pollutant="co2").to_numpy()
    position = np.full(y, -1)
    position[cap_years] = np.arange(len(cap_years))
    keep = position[year_of] >= 0
    blocks.append(
        (
            row + position[year_of][keep],
            gen.ravel()[keep],
            np.broadcast_to(co2[:, None, None, None], gen.shape).ravel()[keep],
            np.full(len(cap_years), -np.inf),
            np.array(list(cap_setting.limits.values())),
        )
    )
    row += len(cap_years)

    rows = np.concatenate([block[0] for block in blocks])
    cols = np.concatenate([block[1] for block in blocks])
    values = np.concatenate([block[2] for block in blocks])
    matrix = sp.csr_matrix((values, (rows, cols)), shape=(row, columns))

    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.addVars(columns, np.zeros(columns), upper)
    highs.changeColsCost(columns, np.arange(columns, dtype=np.int32), cost)
    highs.addRows(
        row,
        np.concatenate([block[3] for block in blocks]),
        np.concatenate([block[4] for block in blocks]),
        matrix.nnz,
        matrix.indptr[:-1].astype(np.int32),
        matrix.indices.astype(np.int32),
        matrix.data,
    )
    return highs


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    """Return the wall time [s] of one call of ``function`` and its result."""
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def time_builds(parameters: Parameters) -> dict[str, list[float]]:
    """Time the builds REPEATS times, interleaved so that both see the same machine load [s]."""
    times: dict[str, list[float]] = {"linopy": [], "linopy export": [], "highspy": []}
    for _ in range(REPEATS):
        seconds, model = timed(lambda: build_model(parameters))
        times["linopy"].append(seconds)
        times["linopy export"].append(timed(model.to_highspy)[0])
        times["highspy"].append(timed(lambda: build_highspy(parameters))[0])
    return times


def print_builds(times: dict[str, list[float]]) -> float:
    """Print median and minimum build times and return the ratio of the medians."""
    median = {name: statistics.median(values) for name, values in times.items()}
    least = {name: min(values) for name, values in times.items()}
    ready = [a + b for a, b in zip(times["linopy"], times["linopy export"], strict=True)]
    print(f"build, median (min) of {REPEATS} interleaved runs:")
    for name in times:
        print(f"  {name:<14} {median[name]:.4f} s ({least[name]:.4f} s)")
    ratio = median["linopy"] / median["highspy"]
    ready_ratio = statistics.median(ready) / median["highspy"]
    print(f"  ratio linopy / highspy: {ratio:.2f} (min {least['linopy'] / least['highspy']:.2f})")
    print(f"  ratio linopy + export / highspy (both loaded in HiGHS): {ready_ratio:.2f}")
    return ratio


def main() -> None:
    problem = synthetic_problem()
    cold, parameters = timed(lambda: model_parameters(problem))
    warm = statistics.median(timed(lambda: model_parameters(problem))[0] for _ in range(REPEATS))

    times = time_builds(parameters)
    model = build_model(parameters)
    linopy_solve = timed(
        lambda: model.solve(solver_name="highs", progress=False, output_flag=False)
    )[0]
    highs = build_highspy(parameters)
    highspy_solve = timed(highs.run)[0]

    size = f"{TECHNOLOGIES} technologies x {REGIONS} regions x {len(YEARS)} years"
    print(f"size: {size} x {SLICES} slices")
    print(f"linopy model: {model.nvars} variables, {model.ncons} constraints")
    print(f"highspy model: {highs.getNumCol()} variables, {highs.getNumRow()} constraints")
    print(f"parameters (shared): first call {cold:.3f} s, then median {warm:.4f} s")
    ratio = print_builds(times)
    print(f"solve  linopy {linopy_solve:.3f} s (with its export)  highspy {highspy_solve:.3f} s")

    linopy_objective = float(model.objective.value or float("nan"))
    highspy_objective = highs.getInfo().objective_function_value
    difference = abs(linopy_objective - highspy_objective) / abs(highspy_objective)
    print(f"objective linopy {linopy_objective:.9e} highspy {highspy_objective:.9e}")
    print(f"relative difference {difference:.2e}")
    print("build target (median ratio <= 2):", "met" if ratio <= 2 else "NOT met")
    if difference > 1e-6:
        raise SystemExit("objectives differ by more than 1e-6 relative")


if __name__ == "__main__":
    main()

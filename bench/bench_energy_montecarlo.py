"""Benchmark: the portfolio worksheet recomputed for 10,000 Monte Carlo draws.

Run ``.venv/bin/python bench/bench_energy_montecarlo.py [draws]``. On the Dalian example's
``diversified`` scenario (2003-2050, 13 technologies) with five uncertainties (capital cost,
a fuel cost, the CO2 factor, demand growth, the CO2 damage cost) it times, in the same run:

- ``vectorised``: every draw at once (:func:`monte_carlo_vectorised`);
- ``loop_arrays``: the same array code one draw at a time (:func:`monte_carlo_loop`);
- ``loop_tables``: one draw at a time through the table API, as a user would recompute the
  worksheet (technology tables per year, :func:`levelised_cost`, :func:`external_cost`,
  then the worksheet arithmetic). It runs on a sample of draws and its time is scaled to
  all draws; the sample size is printed.

The target is vectorised at least 50 times faster than the per-draw loop.
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from ecoplan.energy.demand import project_demand, total_demand
from ecoplan.energy.montecarlo import (
    Inputs,
    Uncertainty,
    monte_carlo_loop,
    monte_carlo_vectorised,
    sample_multipliers,
    scenario_inputs,
)
from ecoplan.energy.technologies import external_cost, levelised_cost, load_damage_costs
from ecoplan.energy.worksheet import compute_arrays
from ecoplan.examples import example_path
from ecoplan.io import read_zone

UNCERTAINTIES = [
    Uncertainty("capital_cost", "triangular", (0.8, 1.0, 1.4)),
    Uncertainty("fuel_cost", "lognormal", (0.3,), "pc_coal_scrubbed"),
    Uncertainty("co2", "normal", (0.05,)),
    Uncertainty("growth", "uniform", (0.5, 1.5)),
    Uncertainty("damage_co2", "uniform", (0.5, 1.5)),
]
TABLE_SAMPLE = 100


def loop_tables(inputs: Inputs, multipliers: np.ndarray) -> np.ndarray:
    """Return the full cost per draw and year, one draw at a time through the table API."""
    damage = load_damage_costs()
    results = []
    for row in multipliers:
        capital, fuel, co2, growth, damage_co2 = row
        table = damage.astype({"value": float})
        table.loc["co2", "value"] *= damage_co2
        lcoe, external, cf = [], [], []
        for techs in inputs.tables:
            techs = techs.copy()
            techs["capital_cost"] *= capital
            techs.loc["pc_coal_scrubbed", "fuel_cost"] *= fuel
            techs["co2"] *= co2
            lcoe.append(levelised_cost(techs, inputs.discount_rate).to_numpy())
            external.append(external_cost(techs, table).to_numpy())
            cf.append(techs["capacity_factor"].to_numpy())
        span = inputs.years[-1] - inputs.years[0]
        rate = (inputs.whole[-1] / inputs.whole[0]) ** (1 / span) - 1
        elapsed = np.asarray(inputs.years, float) - inputs.years[0]
        whole = inputs.whole * ((1 + rate * growth) / (1 + rate)) ** elapsed
        params = {name: inputs.raw[name] for name in inputs.raw}
        params.update(levelised_cost=np.array(lcoe), external_cost=np.array(external))
        params["co2"] = params["co2"] * co2
        params["capacity_factor"] = np.array(cf)
        arrays = compute_arrays(inputs.shares, whole, params)
        results.append(arrays["full_cost"].sum(axis=-1))
    return np.array(results)


def main(draws: int = 10_000) -> None:
    """Time the three ways and print the figures."""
    zone = read_zone(example_path("dalian"))
    whole = total_demand(project_demand(zone, range(2003, 2051)), "reference_demand")
    inputs = scenario_inputs(zone.tables["portfolio"], "diversified", whole, zone=zone)
    multipliers = sample_multipliers(UNCERTAINTIES, draws)

    started = time.perf_counter()
    vectorised = monte_carlo_vectorised(inputs, UNCERTAINTIES, multipliers)
    t_vector = time.perf_counter() - started

    started = time.perf_counter()
    looped = monte_carlo_loop(inputs, UNCERTAINTIES, multipliers)
    t_loop = time.perf_counter() - started

    sample = min(TABLE_SAMPLE, draws)
    started = time.perf_counter()
    tables = loop_tables(inputs, multipliers[:sample])
    t_tables = (time.perf_counter() - started) * draws / sample

    same = np.allclose(vectorised.totals["full_cost"], looped.totals["full_cost"])
    same_tables = np.allclose(vectorised.totals["full_cost"][:sample], tables)
    figures = pd.Series(
        {
            "draws": draws,
            "vectorised [s]": t_vector,
            "loop_arrays [s]": t_loop,
            f"loop_tables [s] (scaled from {sample} draws)": t_tables,
            "speed-up over loop_arrays": t_loop / t_vector,
            "speed-up over loop_tables": t_tables / t_vector,
            "results agree (arrays, tables)": f"{same}, {same_tables}",
        }
    )
    print(figures.to_string())
    print(vectorised.bands().loc[[2003, 2020, 2050], ["co2", "full_cost"]].to_string())


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)

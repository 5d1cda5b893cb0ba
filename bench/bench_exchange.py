"""Benchmark of the by-product exchange: candidate generation and the optimal allocation.

For synthetic zones of N offers and N requests (about ten candidates per offer), spread evenly
over one region or in separate parks (``--layout``), it prints per size: candidate generation
with ``find_candidates`` against a naive pandas join of every compatible offer–request pair
with a distance filter; the allocation by the ``auto`` route (OR-Tools min-cost flow per
chunk of connected components) against OR-Tools on the whole graph at once, linopy + HiGHS
interior point without crossover, and the same LP as a plain linopy model solved with HiGHS
defaults; and the end-to-end time (candidates plus allocation). Growth exponents are fitted
between consecutive sizes: ``t ∝ N^k``. A random 20,000 × 20,000 instance runs first
(``exchange_random_instance.py``).

Run: ``.venv/bin/python bench/bench_exchange.py [--sizes 1000 10000 100000] [--layout parks]``
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable
from typing import Any

import linopy
import numpy as np
import pandas as pd
from exchange_random_instance import measure, print_measure

from ecoplan.exchange import find_candidates, load_compatibility
from ecoplan.exchange.geo import haversine_km
from ecoplan.exchange.linear import build_linear_model
from ecoplan.exchange.mincostflow import integer_scales, solve_chunk
from ecoplan.exchange.network import build_problem, optimise_exchange

CODES = {"100102": "cement", "100101": "bricks", "100105": "wallboard", "190805": "composting"}
RADIUS_KM = 20.0
ROAD_FACTOR = 1.3
CANDIDATES_PER_OFFER = 10.0
NAIVE_ROW_BYTES = 120
PARK_SIZE = 40
"""Listings of each kind per park in the ``parks`` layout: about ten compatible partners each."""
PARK_RADIUS_KM = 5.0
PARK_SPACING_KM = 60.0
"""Estimated memory of one row of the naive join [bytes], to skip it when it would not fit."""


def listings(count: int, seed: int, kind: str, layout: str = "uniform") -> pd.DataFrame:
    """Return ``count`` offers or requests spread so each offer has about ten candidates."""
    rng = np.random.default_rng(seed)
    if layout == "parks":
        latitude, longitude = park_coordinates(count, rng)
    else:
        latitude, longitude = uniform_coordinates(count, rng)
    codes = np.array(list(CODES))[rng.integers(0, len(CODES), count)]
    frame = pd.DataFrame(
        {
            "listing_id": [f"{kind[0].upper()}{i}" for i in range(count)],
            "kind": kind,
            "org_id": None,
            "node_id": [f"{kind}-node-{i}" for i in range(count)],
            "site_id": None,
            "resource_id": None,
            "taxonomy": "EWC",
            "code": codes if kind == "offer" else None,
            "category": None,
            "use": None if kind == "offer" else [CODES[c] for c in codes],
            "quantity": rng.uniform(10.0, 1000.0, count).round(1),
            "dimension": "mass",
            "unit_label": "t",
            "year": 2020,
            "longitude": longitude,
            "latitude": latitude,
            "price": np.nan,
            "disposal_cost": rng.uniform(20.0, 80.0, count).round(2),
            "quality": [{} for _ in range(count)],
            "derived": False,
        }
    )
    if kind == "request":
        frame["accepted"] = [[] for _ in range(count)]
        frame["limits"] = pd.Series([{} for _ in range(count)], dtype=object)
        frame["willingness_to_pay"] = np.nan
        frame["virgin_cost"] = rng.uniform(30.0, 120.0, count).round(2)
    return frame


def uniform_coordinates(count: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Return latitudes and longitudes spread evenly over one square region."""
    # Density so that the compatible requests within RADIUS_KM of the road average ten:
    # count / len(CODES) / area × π (R / road factor)² = 10.
    reach = RADIUS_KM / ROAD_FACTOR
    area = count / len(CODES) * math.pi * reach**2 / CANDIDATES_PER_OFFER
    side_km = math.sqrt(area)
    latitude = 30.0 + rng.uniform(0, side_km / 111.2, count)
    longitude = 110.0 + rng.uniform(0, side_km / (111.2 * math.cos(math.radians(35))), count)
    return latitude, longitude


def park_coordinates(count: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Return latitudes and longitudes in separate parks of PARK_SIZE listings each.

    Parks sit on a grid PARK_SPACING_KM apart, beyond the road reach, and each spreads over a
    disc of PARK_RADIUS_KM, so every pair lies within one park.
    """
    parks = max(1, math.ceil(count / PARK_SIZE))
    columns = math.ceil(math.sqrt(parks))
    park = rng.integers(0, parks, count)
    north_km = (park // columns) * PARK_SPACING_KM
    east_km = (park % columns) * PARK_SPACING_KM
    angle = rng.uniform(0, 2 * math.pi, count)
    radius = PARK_RADIUS_KM * np.sqrt(rng.uniform(0, 1, count))
    north_km = north_km + radius * np.sin(angle)
    east_km = east_km + radius * np.cos(angle)
    latitude = 30.0 + north_km / 111.2
    longitude = 110.0 + east_km / (111.2 * math.cos(math.radians(35)))
    return latitude, longitude


def naive_candidates(
    offers: pd.DataFrame, requests: pd.DataFrame, table: pd.DataFrame
) -> pd.DataFrame:
    """Return compatible pairs within reach by joining every offer with every request.

    It uses the same compatibility table as ``find_candidates`` (fly ash serves both cement
    and bricks), so both return the same pairs.
    """
    uses = table.loc[table["offer_code"].notna(), ["offer_code", "use"]].drop_duplicates()
    left = offers[["listing_id", "code", "longitude", "latitude"]].merge(
        uses, left_on="code", right_on="offer_code"
    )
    right = requests[["listing_id", "use", "longitude", "latitude"]]
    pairs = left.merge(right, on="use", suffixes=("_offer", "_request"))
    distance = ROAD_FACTOR * haversine_km(
        pairs["longitude_offer"],
        pairs["latitude_offer"],
        pairs["longitude_request"],
        pairs["latitude_request"],
    )
    return pairs[distance <= RADIUS_KM].drop_duplicates(["listing_id_offer", "listing_id_request"])


def timed(function: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    value = function()
    return value, time.perf_counter() - started


def default_linopy(problem: Any, limit: float) -> tuple[float, float, str]:
    """Build the LP as a plain linopy model and solve it with HiGHS defaults (file I/O)."""
    model, build = timed(lambda: build_linear_model(problem, integer=False))
    (_status, condition), solve = timed(
        lambda: model.solve("highs", progress=False, output_flag=False, time_limit=limit)
    )
    return build, solve, str(condition)


def run_size(
    size: int, baseline_limit: float, naive_limit_bytes: float, layout: str
) -> dict[str, float]:
    offers = listings(size, 1, "offer", layout)
    requests = listings(size, 2, "request", layout)
    table = load_compatibility()
    row: dict[str, float] = {"size": size}

    candidates, row["candidates_s"] = timed(
        lambda: find_candidates(
            offers, requests, table, road_factor=ROAD_FACTOR, max_distance_km=RADIUS_KM
        )
    )
    row["pairs"] = len(candidates)
    naive_rows = size * size / len(CODES)
    if naive_rows * NAIVE_ROW_BYTES <= naive_limit_bytes:
        naive, row["naive_s"] = timed(lambda: naive_candidates(offers, requests, table))
        row["naive_pairs"] = len(naive)
    else:
        print(
            f"  naive join skipped at {size}: {naive_rows:.2g} joined rows × "
            f"{NAIVE_ROW_BYTES} B exceed {naive_limit_bytes / 1e9:.0f} GB"
        )

    problem, row["problem_s"] = timed(
        lambda: build_problem(offers, requests, candidates, None, None, False)
    )
    result, row["auto_total_s"] = timed(lambda: optimise_exchange(offers, requests, candidates))
    row["mcf_build_s"], row["mcf_solve_s"] = result.build_seconds, result.solve_seconds
    row["objective"] = result.objective
    _outcome, _flow, timing = solve_chunk(problem, integer_scales(problem))
    row["whole_mcf_s"] = timing[0] + timing[1]
    ipm = optimise_exchange(offers, requests, candidates, solver="lp")
    row["ipm_build_s"], row["ipm_solve_s"] = ipm.build_seconds, ipm.solve_seconds
    row["ipm_gap"] = abs(ipm.objective - result.objective) / abs(result.objective)
    if baseline_limit > 0:
        build, solve, condition = default_linopy(problem, baseline_limit)
        row["default_build_s"], row["default_solve_s"] = build, solve
        row["default_finished"] = float(condition == "optimal")
    row["end_to_end_s"] = row["candidates_s"] + row["auto_total_s"]
    return row


def print_row(row: dict[str, float]) -> None:
    size = int(row["size"])
    print(f"N = {size:,} offers and requests, {int(row['pairs']):,} candidate pairs")
    line = f"  candidates: find_candidates {row['candidates_s']:.2f} s"
    if "naive_s" in row:
        line += (
            f", naive join {row['naive_s']:.2f} s ({int(row['naive_pairs']):,} pairs), "
            f"ratio naive/ours {row['naive_s'] / row['candidates_s']:.1f}"
        )
    print(line)
    allocation = row["auto_total_s"]
    print(
        f"  allocation (auto = OR-Tools min-cost flow): arrays {row['problem_s']:.2f} s, "
        f"graph {row['mcf_build_s']:.2f} s, solve {row['mcf_solve_s']:.2f} s, "
        f"total {allocation:.2f} s"
    )
    whole = row["whole_mcf_s"]
    print(
        f"  OR-Tools min-cost flow on the whole graph at once: {whole:.2f} s; "
        f"ratio allocation / whole-graph solver {allocation / whole:.2f}"
    )
    print(
        f"  linopy + HiGHS IPM without crossover: build {row['ipm_build_s']:.2f} s, "
        f"solve {row['ipm_solve_s']:.2f} s, objective gap {row['ipm_gap']:.1e}"
    )
    if "default_solve_s" in row:
        default = row["default_build_s"] + row["default_solve_s"]
        note = "" if row["default_finished"] else " (stopped at the time limit: a lower bound)"
        print(
            f"  baseline linopy + HiGHS defaults: build {row['default_build_s']:.2f} s, "
            f"solve {row['default_solve_s']:.2f} s{note}; "
            f"ratio baseline/ours {default / allocation:.1f}"
        )
    print(f"  end to end (candidates + allocation): {row['end_to_end_s']:.2f} s")


def print_exponents(rows: list[dict[str, float]]) -> None:
    for key, label in (
        ("candidates_s", "find_candidates"),
        ("auto_total_s", "allocation"),
        ("end_to_end_s", "end to end"),
    ):
        for first, second in zip(rows, rows[1:], strict=False):
            exponent = math.log(second[key] / first[key]) / math.log(second["size"] / first["size"])
            print(
                f"  growth exponent of {label} from {int(first['size']):,} to "
                f"{int(second['size']):,}: {exponent:.2f}"
            )


def print_targets(rows: list[dict[str, float]]) -> None:
    """Print which of the speed targets these runs meet."""
    first, last = rows[0], rows[-1]
    ratio = last["size"] / first["size"]
    exponent = math.log(last["candidates_s"] / first["candidates_s"]) / math.log(ratio)
    nlogn = math.log(ratio * math.log(last["size"]) / math.log(first["size"])) / math.log(ratio)
    checks = [
        (
            f"candidate generation grows no worse than n log n (exponent {exponent:.2f} <= "
            f"{nlogn:.2f})",
            exponent <= nlogn,
        ),
        (
            f"allocation within 1.5x of a min-cost-flow solver on the same instance "
            f"({last['auto_total_s'] / last['whole_mcf_s']:.2f}x)",
            last["auto_total_s"] <= 1.5 * last["whole_mcf_s"],
        ),
        (
            f"end to end under 120 s at {int(last['size']):,} offers "
            f"({last['end_to_end_s']:.1f} s)",
            last["end_to_end_s"] < 120.0,
        ),
    ]
    if "default_solve_s" in last:
        default = last["default_build_s"] + last["default_solve_s"]
        checks.append(
            (
                f"allocation at least 10x faster than default linopy "
                f"({default / last['auto_total_s']:.1f}x)",
                default >= 10 * last["auto_total_s"],
            )
        )
    for label, met in checks:
        print(f"  target {'MET' if met else 'NOT MET'}: {label}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument(
        "--baseline-limit",
        type=float,
        default=300.0,
        help="time limit of the default-linopy baseline per size [s]; 0 skips it",
    )
    parser.add_argument(
        "--naive-memory",
        type=float,
        default=4e9,
        help="largest memory the naive join may take [bytes]",
    )
    parser.add_argument(
        "--layout",
        choices=("uniform", "parks"),
        default="uniform",
        help="spread listings evenly over one region, or in separate parks of 40 each",
    )
    parser.add_argument(
        "--skip-random-instance",
        action="store_true",
        help="skip the 20,000 x 20,000 instance with 200,000 random pairs",
    )
    arguments = parser.parse_args()
    print(
        f"linopy {linopy.__version__}, HiGHS {highspy_version()}; HiGHS defaults = dual "
        "simplex with crossover, LP file I/O"
    )
    if not arguments.skip_random_instance:
        print_measure(measure(arguments.baseline_limit or 600.0))
    rows = []
    for size in arguments.sizes:
        row = run_size(size, arguments.baseline_limit, arguments.naive_memory, arguments.layout)
        print_row(row)
        rows.append(row)
    print_exponents(rows)
    print_targets(rows)


def highspy_version() -> str:
    """Return the installed HiGHS version, which decides how fast its defaults are."""
    from importlib.metadata import version

    return version("highspy")


if __name__ == "__main__":
    main()

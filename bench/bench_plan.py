"""Benchmark: read, validate, store and plan synthetic zones of growing size.

Run ``make bench`` (or ``.venv/bin/python bench/bench_plan.py [sizes...]``). For each size it
prints seconds per stage, the peak resident memory of the process that ran it, and the ratio
of ecoplan's read-and-plan time to a baseline measured in the same run (pandas reading the
flows CSV and summing flows per node: the least work any tool must do). Between sizes it
prints the growth exponent ``log(t2/t1) / log(n2/n1)``: 1 is linear.

Each size runs in a fresh process, so peak memory belongs to that size alone.
"""

from __future__ import annotations

import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (1_000, 10_000, 100_000)
STAGES = ("read", "validate", "store", "plan", "baseline")
"""``read`` is ``read_zone`` on a CSV folder, validation included; ``validate`` is the
validation alone, on the same tables already in memory."""
WARM_UP_FLOWS = 100


def measure(flow_count: int) -> dict[str, float]:
    """Time each stage for one size; runs inside the child process."""
    sys.path.insert(0, str(Path(__file__).parent))
    import pandas as pd
    from synthetic import synthetic_tables

    from ecoplan import Zone
    from ecoplan.io import read_zone, write_zone
    from ecoplan.plan import run_plan
    from ecoplan.store import Store

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        _warm_up(work / "warm-up")
        tables = synthetic_tables(flow_count)
        write_zone(Zone.from_tables(tables), work / "csv")

        started = time.perf_counter()
        zone = read_zone(work / "csv")
        figures["read"] = time.perf_counter() - started

        started = time.perf_counter()
        Zone.from_tables(tables)
        figures["validate"] = time.perf_counter() - started

        started = time.perf_counter()
        Store(f"sqlite:///{work / 'bench.sqlite'}").save(zone)
        figures["store"] = time.perf_counter() - started

        started = time.perf_counter()
        run_plan(zone, work / "plan")
        figures["plan"] = time.perf_counter() - started

        started = time.perf_counter()
        flows = pd.read_csv(work / "csv" / "flows.csv")
        flows.groupby(["to_node", "resource_id"])["amount"].sum()
        flows.groupby(["from_node", "resource_id"])["amount"].sum()
        figures["baseline"] = time.perf_counter() - started
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def _warm_up(folder: Path) -> None:
    """Run every stage once on a tiny zone, so imports and caches do not count."""
    sys.path.insert(0, str(Path(__file__).parent))
    from synthetic import synthetic_tables

    from ecoplan import Zone
    from ecoplan.io import read_zone, write_zone
    from ecoplan.plan import run_plan
    from ecoplan.store import Store

    folder.mkdir()
    write_zone(Zone.from_tables(synthetic_tables(WARM_UP_FLOWS)), folder / "csv")
    zone = read_zone(folder / "csv")
    Store(f"sqlite:///{folder / 'warm.sqlite'}").save(zone)
    run_plan(zone, folder / "plan")


def run_child(flow_count: int) -> dict[str, float]:
    """Measure one size in a fresh Python process and return its figures."""
    output = subprocess.run(
        [sys.executable, __file__, "--child", str(flow_count)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main(sizes: tuple[int, ...]) -> None:
    """Print the table of figures, the baseline ratios and the growth exponents."""
    results = {size: run_child(size) for size in sizes}
    print(
        f"{'flows':>8} "
        + " ".join(f"{stage:>9}" for stage in STAGES)
        + f" {'total':>9} {'peak MB':>9} {'ratio':>7}"
    )
    for size, figures in results.items():
        total = _stage_time(figures, "total")
        ratio = total / figures["baseline"]
        print(
            f"{size:>8} "
            + " ".join(f"{figures[stage]:>9.3f}" for stage in STAGES)
            + f" {total:>9.3f} {figures['peak_mb']:>9.0f} {ratio:>7.0f}"
        )
    print("\ngrowth exponent log(t2/t1)/log(n2/n1) per stage (1 = linear):")
    for small, large in zip(sizes, sizes[1:], strict=False):
        exponents = []
        for stage in (*STAGES[:-1], "total"):
            t1 = _stage_time(results[small], stage)
            t2 = _stage_time(results[large], stage)
            exponents.append(f"{stage} {_exponent(t1, t2, small, large)}")
        print(f"  {small} -> {large}: " + ", ".join(exponents))
    largest = max(sizes)
    total = _stage_time(results[largest], "total")
    print(
        f"\n{largest} flows read (with validation), stored and planned in {total:.1f} s "
        "(target: under 60 s on a 2-core machine)"
    )


def _exponent(t1: float, t2: float, n1: int, n2: int) -> str:
    if t1 <= 0 or t2 <= 0:
        return "n/a"
    return f"{math.log(t2 / t1) / math.log(n2 / n1):.2f}"


def _stage_time(figures: dict[str, float], stage: str) -> float:
    if stage == "total":
        return figures["read"] + figures["store"] + figures["plan"]
    return figures[stage]


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        print(json.dumps(measure(int(sys.argv[2]))))
    else:
        main(tuple(int(arg) for arg in sys.argv[1:]) or SIZES)

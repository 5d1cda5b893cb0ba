"""Synthetic zones of any size for benchmarks: random but valid, reproducible from a seed."""

from __future__ import annotations

import numpy as np
import pandas as pd

RESOURCES = [
    # resource_id, type, dimension, category, origin, energy_source, unit
    ("coal", "energy", "energy", "fuel", None, "fossil", "tce"),
    ("electricity", "energy", "energy", "electricity", None, "fossil", "万千瓦时"),
    ("solar", "energy", "energy", "electricity", None, "renewable", "MWh"),
    ("steam", "energy", "energy", "heat", None, "secondary", "GJ"),
    ("fresh_water", "water", "volume", "fresh_water", None, None, "万立方米"),
    ("reused_water", "water", "volume", "reused_water", None, None, "m³"),
    ("wastewater", "water", "volume", "wastewater", None, None, "m³"),
    ("steel", "materials", "mass", "raw_material", "virgin", None, "万吨"),
    ("scrap", "materials", "mass", "raw_material", "secondary", None, "t"),
    ("fly_ash", "materials", "mass", "fly_ash", "secondary", None, "t"),
    ("slag", "materials", "mass", "bottom_ash_slag", "secondary", None, "t"),
    ("product", "materials", "mass", "product", "virgin", None, "t"),
    ("co2", "air", "mass", "air_emission", None, None, "t"),
]


def synthetic_tables(flow_count: int, seed: int = 1) -> dict[str, pd.DataFrame]:
    """Return the tables of a valid zone with ``flow_count`` flows in one year."""
    rng = np.random.default_rng(seed)
    process_count = max(5, flow_count // 20)
    processes = [f"P{i:06d}" for i in range(process_count)]
    boundary = {
        "IMP": "import",
        "EXP": "export",
        "AIR": "atmosphere",
        "LF": "landfill",
        "SEA": "water_body",
        "ENV": "environment",
    }
    nodes = pd.DataFrame(
        [{"node_id": node, "name": node, "kind": kind} for node, kind in boundary.items()]
        + [{"node_id": node, "name": f"Process {node}", "kind": "process"} for node in processes]
    )
    resources = pd.DataFrame(
        [
            {
                "resource_id": rid,
                "name": rid,
                "type": rtype,
                "dimension": dim,
                "category": cat,
                "origin": origin,
                "energy_source": source,
            }
            for rid, rtype, dim, cat, origin, source, _ in RESOURCES
        ]
    )
    pick = rng.integers(0, len(RESOURCES), flow_count)
    sources = rng.integers(0, process_count, flow_count)
    targets = rng.integers(0, process_count, flow_count)
    kind = rng.random(flow_count)
    from_node = np.where(kind < 0.3, "IMP", np.array(processes)[sources])
    to_node = np.where(kind > 0.8, "LF", np.array(processes)[targets])
    flows = pd.DataFrame(
        {
            "flow_id": [f"F{i:07d}" for i in range(flow_count)],
            "from_node": from_node,
            "to_node": to_node,
            "resource_id": [RESOURCES[i][0] for i in pick],
            "year": 2020,
            "amount": np.round(rng.lognormal(3, 1.5, flow_count), 3),
            "unit": [RESOURCES[i][6] for i in pick],
            "stage": rng.choice(["production", "use", "recovery", "disposal"], flow_count),
            "quality": rng.choice(["measured", "calculated", "estimated"], flow_count),
        }
    )
    zone = pd.DataFrame(
        [
            {
                "zone_id": f"synthetic-{flow_count}",
                "name": "Synthetic zone",
                "base_year": 2020,
                "currency": "CNY",
            }
        ]
    )
    economy = pd.DataFrame([{"year": 2020, "variable": "gdp", "value": 5.0e6, "unit": "万元"}])
    return {
        "zone": zone,
        "nodes": nodes,
        "resources": resources,
        "flows": flows,
        "economy": economy,
    }

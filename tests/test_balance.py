"""Node balances worked by hand on small zones."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from ecoplan import Zone
from ecoplan.accounting import node_balances
from ecoplan.errors import BalanceError
from ecoplan.i18n import use_locale

NODES = [
    {"node_id": "import", "name": "Imports", "kind": "import"},
    {"node_id": "plant", "name": "Smelter", "name_zh": "冶炼厂", "kind": "process"},
    {"node_id": "mill", "name": "Rolling mill", "kind": "process"},
    {"node_id": "export", "name": "Exports", "kind": "export"},
    {"node_id": "landfill", "name": "Landfill", "kind": "landfill"},
    {"node_id": "air", "name": "Atmosphere", "kind": "atmosphere"},
]
RESOURCES = [
    {"resource_id": "ore", "name": "Ore", "type": "materials", "dimension": "mass"},
    {"resource_id": "steel", "name": "Steel", "type": "materials", "dimension": "mass"},
    {"resource_id": "slag", "name": "Slag", "type": "materials", "dimension": "mass"},
    {"resource_id": "coal", "name": "Coal", "type": "energy", "dimension": "energy"},
    {"resource_id": "heat", "name": "Waste heat", "type": "energy", "dimension": "energy"},
]


def flow(
    flow_id: str,
    source: str,
    target: str,
    resource: str,
    amount: float,
    unit: str = "t",
    year: int = 2020,
) -> dict[str, Any]:
    return {
        "flow_id": flow_id,
        "from_node": source,
        "to_node": target,
        "resource_id": resource,
        "year": year,
        "amount": amount,
        "unit": unit,
    }


def build(
    make_zone: Callable[..., Zone],
    flows: list[dict[str, Any]],
    stocks: list[dict[str, Any]] | None = None,
) -> Zone:
    return make_zone(nodes=NODES, resources=RESOURCES, flows=flows, stocks=stocks or [])


def row_of(table: pd.DataFrame, node: str, dimension: str, year: int = 2020) -> pd.Series:
    selected = table[
        (table["node_id"] == node) & (table["dimension"] == dimension) & (table["year"] == year)
    ]
    assert len(selected) == 1, selected
    return selected.iloc[0]


BALANCED_FLOWS = [
    flow("f1", "import", "plant", "ore", 100),
    flow("f2", "plant", "export", "steel", 90),
    flow("f3", "plant", "landfill", "slag", 5),
    flow("f4", "import", "plant", "coal", 1000, "MWh"),
    flow("f5", "plant", "air", "heat", 1, "GWh"),
]
STOCK_PLUS_5 = [
    {
        "stock_id": "s1",
        "node_id": "plant",
        "resource_id": "ore",
        "year": 2020,
        "change": 5,
        "unit": "t",
    }
]


def test_plant_with_stock_change_balances(make_zone: Callable[..., Zone]) -> None:
    zone = build(make_zone, BALANCED_FLOWS, STOCK_PLUS_5)

    table = node_balances(zone)

    mass = row_of(table, "plant", "mass")
    assert mass["inputs"] == pytest.approx(100.0)
    assert mass["outputs"] == pytest.approx(95.0)
    assert mass["stock_change"] == pytest.approx(5.0)
    assert mass["residual"] == pytest.approx(0.0, abs=1e-12)
    assert mass["unit"] == "t"
    assert not mass["flagged"]


def test_stock_drawdown_balances(make_zone: Callable[..., Zone]) -> None:
    # 100 t in plus 10 t drawn from the ore yard = 110 t out; the change is -10 t
    flows = [*BALANCED_FLOWS[:1], flow("f2", "plant", "export", "steel", 105), BALANCED_FLOWS[2]]
    drawdown = [{**STOCK_PLUS_5[0], "change": -10}]
    zone = build(make_zone, flows, drawdown)

    mass = row_of(node_balances(zone), "plant", "mass")

    assert mass["stock_change"] == pytest.approx(-10.0)
    assert mass["residual"] == pytest.approx(0.0, abs=1e-12)
    assert not mass["flagged"]


def test_energy_row_kept_apart(make_zone: Callable[..., Zone]) -> None:
    zone = build(make_zone, BALANCED_FLOWS, STOCK_PLUS_5)

    table = node_balances(zone)

    energy = row_of(table, "plant", "energy")
    assert energy["inputs"] == pytest.approx(1000.0)
    # 1 GWh of waste heat is 1000 MWh.
    assert energy["outputs"] == pytest.approx(1000.0)
    assert energy["stock_change"] == 0.0
    assert energy["unit"] == "MWh"
    assert len(table) == 2


def test_boundary_nodes_not_balanced(make_zone: Callable[..., Zone]) -> None:
    zone = build(make_zone, BALANCED_FLOWS, STOCK_PLUS_5)

    table = node_balances(zone)

    assert set(table["node_id"]) == {"plant"}
    assert set(table["kind"]) == {"process"}


def test_ten_percent_gap_flagged(
    make_zone: Callable[..., Zone], caplog: pytest.LogCaptureFixture
) -> None:
    flows = [flow("f1", "import", "plant", "ore", 100), flow("f2", "plant", "export", "steel", 90)]
    zone = build(make_zone, flows)

    with caplog.at_level(logging.WARNING, logger="ecoplan.accounting.balance"):
        table = node_balances(zone, tolerance=0.01)

    mass = row_of(table, "plant", "mass")
    assert mass["residual"] == pytest.approx(10.0)
    # residual / max(inputs, outputs) = 10 / 100
    assert mass["relative_residual"] == pytest.approx(0.1)
    assert mass["flagged"]
    assert "node plant, 2020, Mass: residual 10 t (10.00%)" in caplog.text


def test_ten_percent_gap_within_wide_tolerance(make_zone: Callable[..., Zone]) -> None:
    flows = [flow("f1", "import", "plant", "ore", 100), flow("f2", "plant", "export", "steel", 90)]
    zone = build(make_zone, flows)

    table = node_balances(zone, tolerance=0.15)

    assert not row_of(table, "plant", "mass")["flagged"]


def test_strict_mode_raises_listing_node(make_zone: Callable[..., Zone]) -> None:
    flows = [flow("f1", "import", "plant", "ore", 100), flow("f2", "plant", "export", "steel", 90)]
    zone = build(make_zone, flows)

    with pytest.raises(BalanceError, match=r"1 node balance\(s\) exceed the tolerance of 1.00%"):
        node_balances(zone, tolerance=0.01, strict=True)


def test_strict_error_in_chinese(make_zone: Callable[..., Zone]) -> None:
    flows = [flow("f1", "import", "plant", "ore", 100), flow("f2", "plant", "export", "steel", 90)]
    zone = build(make_zone, flows)

    with use_locale("zh_CN"), pytest.raises(BalanceError) as caught:
        node_balances(zone, strict=True)

    assert "节点 plant，2020，质量：残差 10 t（10.00%）" in str(caught.value)


def test_mass_and_energy_never_offset(make_zone: Callable[..., Zone]) -> None:
    # 100 t in, 50 t out, and 50 MWh out: summed across dimensions the node would balance.
    flows = [
        flow("f1", "import", "plant", "ore", 100),
        flow("f2", "plant", "export", "steel", 50),
        flow("f3", "plant", "air", "heat", 50, "MWh"),
    ]
    zone = build(make_zone, flows)

    table = node_balances(zone)

    mass = row_of(table, "plant", "mass")
    energy = row_of(table, "plant", "energy")
    assert mass["residual"] == pytest.approx(50.0)
    assert energy["residual"] == pytest.approx(-50.0)
    assert energy["relative_residual"] == pytest.approx(-1.0)
    assert mass["flagged"]
    assert energy["flagged"]


def test_self_loop_counts_in_and_out(make_zone: Callable[..., Zone]) -> None:
    flows = [*BALANCED_FLOWS, flow("f6", "plant", "plant", "slag", 30)]
    zone = build(make_zone, flows, STOCK_PLUS_5)

    mass = row_of(node_balances(zone), "plant", "mass")

    assert mass["inputs"] == pytest.approx(130.0)
    assert mass["outputs"] == pytest.approx(125.0)
    assert mass["residual"] == pytest.approx(0.0, abs=1e-12)


def test_stock_change_from_levels(
    make_zone: Callable[..., Zone], caplog: pytest.LogCaptureFixture
) -> None:
    flows = [
        flow("f1", "import", "plant", "ore", 100, year=2020),
        flow("f2", "plant", "export", "steel", 95, year=2020),
        flow("f3", "import", "plant", "ore", 50, year=2019),
        flow("f4", "plant", "export", "steel", 50, year=2019),
    ]
    stocks = [
        {
            "stock_id": "s1",
            "node_id": "plant",
            "resource_id": "ore",
            "year": 2019,
            "level": 20,
            "unit": "t",
        },
        {
            "stock_id": "s2",
            "node_id": "plant",
            "resource_id": "ore",
            "year": 2020,
            "level": 0.025,
            "unit": "kilotonne",
        },
    ]
    zone = build(make_zone, flows, stocks)

    with caplog.at_level(logging.WARNING, logger="ecoplan.accounting.balance"):
        table = node_balances(zone)

    later = row_of(table, "plant", "mass", 2020)
    assert later["stock_change"] == pytest.approx(5.0)
    assert later["residual"] == pytest.approx(0.0, abs=1e-9)
    # 2019 has a level but no 2018 level: the change is unknown, reported, not zero.
    first = row_of(table, "plant", "mass", 2019)
    assert np.isnan(first["stock_change"])
    assert np.isnan(first["residual"])
    assert not first["flagged"]
    assert first["unknown_resources"] == "ore"
    assert "stock change unknown for ore" in caplog.text


def test_given_change_wins_over_levels(make_zone: Callable[..., Zone]) -> None:
    stocks = [
        {
            "stock_id": "s1",
            "node_id": "plant",
            "resource_id": "ore",
            "year": 2019,
            "level": 20,
            "unit": "t",
        },
        {
            "stock_id": "s2",
            "node_id": "plant",
            "resource_id": "ore",
            "year": 2020,
            "level": 30,
            "change": 5,
            "unit": "t",
        },
    ]
    zone = build(make_zone, BALANCED_FLOWS, stocks)

    mass = row_of(node_balances(zone, year=2020), "plant", "mass")

    assert mass["stock_change"] == pytest.approx(5.0)


def test_stock_without_flows_flagged(make_zone: Callable[..., Zone]) -> None:
    stocks = [
        {
            "stock_id": "s9",
            "node_id": "mill",
            "resource_id": "steel",
            "year": 2020,
            "change": 3,
            "unit": "t",
        }
    ]
    zone = build(make_zone, BALANCED_FLOWS, [*STOCK_PLUS_5, *stocks])

    mill = row_of(node_balances(zone), "mill", "mass")

    assert mill["inputs"] == 0.0
    assert mill["residual"] == pytest.approx(-3.0)
    assert mill["relative_residual"] == -np.inf
    assert mill["flagged"]


def test_year_filter(make_zone: Callable[..., Zone]) -> None:
    flows = [*BALANCED_FLOWS, flow("f9", "import", "plant", "ore", 7, year=2021)]
    zone = build(make_zone, flows, STOCK_PLUS_5)

    table = node_balances(zone, year=2021)

    assert table["year"].tolist() == [2021]
    assert table["inputs"].tolist() == [7.0]


def test_columns_in_documented_order(make_zone: Callable[..., Zone]) -> None:
    table = node_balances(build(make_zone, BALANCED_FLOWS, STOCK_PLUS_5))

    assert list(table.columns) == [
        "node_id",
        "name",
        "kind",
        "year",
        "dimension",
        "unit",
        "inputs",
        "outputs",
        "stock_change",
        "residual",
        "relative_residual",
        "flagged",
        "unknown_resources",
    ]
    assert table["name"].tolist() == ["Smelter", "Smelter"]

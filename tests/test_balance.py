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
from ecoplan.accounting.balance import status_text
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
    {"resource_id": "sewage", "name": "Sewage", "type": "water", "dimension": "volume"},
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
    assert mass["status"] == "residual"
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
    # 100 t and 10 MWh in, 50 t and 60 MWh out: summed across dimensions the node would
    # balance (110 in, 110 out).
    flows = [
        flow("f1", "import", "plant", "ore", 100),
        flow("f2", "plant", "export", "steel", 50),
        flow("f3", "import", "plant", "coal", 10, "MWh"),
        flow("f4", "plant", "air", "heat", 60, "MWh"),
    ]
    zone = build(make_zone, flows)

    table = node_balances(zone)

    mass = row_of(table, "plant", "mass")
    energy = row_of(table, "plant", "energy")
    assert mass["residual"] == pytest.approx(50.0)
    assert energy["residual"] == pytest.approx(-50.0)
    # -50 / max(10, 60)
    assert energy["relative_residual"] == pytest.approx(-50.0 / 60.0)
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
    assert first["status"] == "unknown_stock"
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
        "status",
    ]
    assert table["name"].tolist() == ["Smelter", "Smelter"]
    assert table["status"].tolist() == ["balanced", "balanced"]


# A wastewater plant: 10,000 m³ of sewage in, 9,855 t of sludge out. No mass enters it and
# no water leaves it in the records, so neither balance can be checked.
WASTEWATER_FLOWS = [
    flow("w1", "import", "mill", "sewage", 10000, "m³"),
    flow("w2", "mill", "landfill", "slag", 9855),
]


def test_outputs_only_not_checked(make_zone: Callable[..., Zone]) -> None:
    table = node_balances(build(make_zone, WASTEWATER_FLOWS))

    mass = row_of(table, "mill", "mass")
    assert mass["inputs"] == 0.0
    assert mass["outputs"] == pytest.approx(9855.0)
    assert np.isnan(mass["residual"])
    assert np.isnan(mass["relative_residual"])
    assert not mass["flagged"]
    assert mass["status"] == "no_inputs"


def test_inputs_only_not_checked(make_zone: Callable[..., Zone]) -> None:
    table = node_balances(build(make_zone, WASTEWATER_FLOWS))

    volume = row_of(table, "mill", "volume")
    assert volume["inputs"] == pytest.approx(10000.0)
    assert volume["outputs"] == 0.0
    assert np.isnan(volume["residual"])
    assert not volume["flagged"]
    assert volume["status"] == "no_outputs"


def test_one_sided_logs_one_info_line(
    make_zone: Callable[..., Zone], caplog: pytest.LogCaptureFixture
) -> None:
    zone = build(make_zone, WASTEWATER_FLOWS)

    with caplog.at_level(logging.INFO, logger="ecoplan.accounting.balance"):
        node_balances(zone)

    assert [record.levelno for record in caplog.records] == [logging.INFO]
    assert caplog.records[0].getMessage() == (
        "2 node balance(s) were not checked because the node has flows on one side only "
        "in that dimension (1 without inputs, 1 without outputs)."
    )


def test_one_sided_never_raises_in_strict_mode(make_zone: Callable[..., Zone]) -> None:
    table = node_balances(build(make_zone, WASTEWATER_FLOWS), strict=True)

    assert not table["flagged"].any()


def test_one_sided_beside_real_residual(make_zone: Callable[..., Zone]) -> None:
    # The plant has 100 t in and 90 t out: a real 10 % residual, still flagged.
    flows = [
        *WASTEWATER_FLOWS,
        flow("f1", "import", "plant", "ore", 100),
        flow("f2", "plant", "export", "steel", 90),
    ]

    table = node_balances(build(make_zone, flows))

    plant = row_of(table, "plant", "mass")
    assert plant["residual"] == pytest.approx(10.0)
    assert plant["flagged"]
    assert plant["status"] == "residual"
    assert row_of(table, "mill", "mass")["status"] == "no_inputs"


def test_drawdown_feeds_outputs_only(make_zone: Callable[..., Zone]) -> None:
    # The mill ships 12 t of steel drawn from its yard: no inputs, but the stock row closes
    # the balance (0 - 12 - (-12) = 0), so it is checked.
    flows = [flow("f1", "mill", "export", "steel", 12)]
    drawdown = [{**STOCK_PLUS_5[0], "node_id": "mill", "resource_id": "steel", "change": -12}]

    mill = row_of(node_balances(build(make_zone, flows, drawdown)), "mill", "mass")

    assert mill["residual"] == pytest.approx(0.0, abs=1e-12)
    assert mill["status"] == "balanced"


def test_drawdown_short_of_outputs_flagged(make_zone: Callable[..., Zone]) -> None:
    # 12 t shipped but only 10 t drawn from the yard: 0 - 12 - (-10) = -2 t, -2/12 = -16.7 %.
    flows = [flow("f1", "mill", "export", "steel", 12)]
    drawdown = [{**STOCK_PLUS_5[0], "node_id": "mill", "resource_id": "steel", "change": -10}]

    mill = row_of(node_balances(build(make_zone, flows, drawdown)), "mill", "mass")

    assert mill["residual"] == pytest.approx(-2.0)
    assert mill["relative_residual"] == pytest.approx(-2.0 / 12.0)
    assert mill["status"] == "residual"


def test_status_text_in_both_languages() -> None:
    assert status_text("no_inputs", "mass", "en") == "Not checked: no inputs recorded in mass"
    assert status_text("no_outputs", "volume", "zh_CN") == "未核查：未记录体积输出"
    assert status_text("residual", "mass", "zh_CN") == "残差超出容差"

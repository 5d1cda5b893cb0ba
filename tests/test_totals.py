"""Totals by resource type and lifecycle stage, worked by hand."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

from ecoplan import Zone
from ecoplan.accounting import totals_by_stage, totals_by_type

NODES = [
    {"node_id": "import", "name": "Imports", "kind": "import"},
    {"node_id": "river", "name": "River intake", "kind": "environment"},
    {"node_id": "plant", "name": "Power plant", "kind": "process"},
    {"node_id": "cement", "name": "Cement works", "kind": "process"},
    {"node_id": "wwtp", "name": "Wastewater plant", "kind": "process"},
    {"node_id": "export", "name": "Exports", "kind": "export"},
    {"node_id": "landfill", "name": "Landfill", "kind": "landfill"},
    {"node_id": "sea", "name": "Bay", "kind": "water_body"},
]
RESOURCES = [
    {
        "resource_id": "coal",
        "name": "Coal",
        "type": "energy",
        "dimension": "energy",
        "energy_source": "fossil",
    },
    {
        "resource_id": "steam",
        "name": "Waste heat",
        "type": "energy",
        "dimension": "energy",
        "energy_source": "secondary",
    },
    {
        "resource_id": "ash",
        "name": "Fly ash",
        "type": "materials",
        "dimension": "mass",
        "category": "fly_ash",
        "origin": "secondary",
    },
    {
        "resource_id": "clinker",
        "name": "Clinker",
        "type": "materials",
        "dimension": "mass",
        "origin": "virgin",
    },
    {
        "resource_id": "fresh",
        "name": "Fresh water",
        "type": "water",
        "dimension": "volume",
        "category": "fresh_water",
    },
    {
        "resource_id": "reclaimed",
        "name": "Reclaimed water",
        "type": "water",
        "dimension": "volume",
        "category": "reclaimed_water",
    },
    {
        "resource_id": "effluent",
        "name": "Effluent",
        "type": "water",
        "dimension": "volume",
        "category": "wastewater",
    },
]


def flow(
    flow_id: str,
    source: str,
    target: str,
    resource: str,
    amount: float,
    unit: str,
    stage: str | None = None,
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
        "stage": stage,
    }


FLOWS = [
    flow("c1", "import", "plant", "coal", 1000, "MWh", "extraction"),
    flow("c2", "plant", "cement", "steam", 200, "MWh", "use"),
    flow("c3", "plant", "plant", "steam", 50, "MWh", "recovery"),
    flow("m1", "plant", "cement", "ash", 40, "t", "recovery"),
    flow("m2", "plant", "landfill", "ash", 10, "t", "disposal"),
    flow("m3", "import", "cement", "clinker", 500, "t", "processing"),
    flow("m4", "cement", "export", "clinker", 530, "t"),
    flow("m5", "plant", "cement", "clinker", 5, "t"),
    flow("w1", "river", "plant", "fresh", 300, "m³", "extraction"),
    flow("w2", "plant", "wwtp", "effluent", 250, "m³", "disposal"),
    flow("w3", "wwtp", "plant", "reclaimed", 200, "m³", "recovery"),
    flow("w4", "wwtp", "sea", "effluent", 50, "m³", "disposal"),
    flow("w5", "river", "sea", "fresh", 7, "m³"),
    flow("x1", "plant", "cement", "coal", 9, "MWh", year=2021),
]


@pytest.fixture
def zone(make_zone: Callable[..., Zone]) -> Zone:
    return make_zone(nodes=NODES, resources=RESOURCES, flows=FLOWS)


def row_of(table: pd.DataFrame, resource_type: str, year: int = 2020) -> pd.Series:
    selected = table[(table["type"] == resource_type) & (table["year"] == year)]
    assert len(selected) == 1, selected
    return selected.iloc[0]


def test_energy_totals(zone: Zone) -> None:
    energy = row_of(totals_by_type(zone, 2020), "energy")

    assert energy["unit"] == "MWh"
    assert energy["input"] == pytest.approx(1000.0)
    assert energy["output"] == pytest.approx(0.0)
    # Waste heat to the cement works and the self-loop of the plant.
    assert energy["internal"] == pytest.approx(250.0)
    assert energy["recycled"] == pytest.approx(250.0)
    assert energy["total_throughput"] == pytest.approx(1250.0)


def test_materials_totals(zone: Zone) -> None:
    materials = row_of(totals_by_type(zone, 2020), "materials")

    assert materials["input"] == pytest.approx(500.0)
    assert materials["output"] == pytest.approx(540.0)
    assert materials["internal"] == pytest.approx(45.0)
    # Fly ash is secondary; the virgin clinker between two plants is internal only.
    assert materials["recycled"] == pytest.approx(40.0)
    assert materials["total_throughput"] == pytest.approx(545.0)


def test_water_totals(zone: Zone) -> None:
    water = row_of(totals_by_type(zone, 2020), "water")

    assert water["unit"] == "m³"
    # The 7 m³ from the river straight to the bay count as both input and output.
    assert water["input"] == pytest.approx(307.0)
    assert water["output"] == pytest.approx(57.0)
    assert water["internal"] == pytest.approx(450.0)
    assert water["recycled"] == pytest.approx(200.0)


def test_year_filter_and_all_years(zone: Zone) -> None:
    every_year = totals_by_type(zone)

    assert sorted(set(every_year["year"])) == [2020, 2021]
    assert row_of(every_year, "energy", 2021)["internal"] == pytest.approx(9.0)
    assert set(totals_by_type(zone, 2021)["type"]) == {"energy"}


def test_unclassified_flow_logged(
    make_zone: Callable[..., Zone], caplog: pytest.LogCaptureFixture
) -> None:
    flows = [*FLOWS, flow("odd", "plant", "import", "coal", 3, "MWh")]
    zone = make_zone(nodes=NODES, resources=RESOURCES, flows=flows)

    with caplog.at_level(logging.WARNING, logger="ecoplan.accounting.totals"):
        energy = row_of(totals_by_type(zone, 2020), "energy")

    assert "odd (plant → import)" in caplog.text
    assert energy["internal"] == pytest.approx(250.0)


def test_totals_by_stage(zone: Zone) -> None:
    table = totals_by_stage(zone, 2020).set_index(["stage", "type"])

    assert table.loc[("recovery", "energy"), "quantity"] == pytest.approx(50.0)
    assert table.loc[("recovery", "materials"), "quantity"] == pytest.approx(40.0)
    assert table.loc[("recovery", "water"), "quantity"] == pytest.approx(200.0)
    assert table.loc[("disposal", "water"), "quantity"] == pytest.approx(300.0)
    assert table.loc[("disposal", "water"), "unit"] == "m³"
    # Flows m4, m5 and w5 have no stage.
    assert table.loc[("unspecified", "materials"), "quantity"] == pytest.approx(535.0)
    assert table.loc[("unspecified", "water"), "quantity"] == pytest.approx(7.0)


def test_stage_totals_add_up_to_all_flows(zone: Zone) -> None:
    table = totals_by_stage(zone)

    per_type = table.groupby("type")["quantity"].sum()

    assert per_type["materials"] == pytest.approx(40 + 10 + 500 + 530 + 5)
    assert per_type["energy"] == pytest.approx(1000 + 200 + 50 + 9)

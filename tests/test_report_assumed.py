"""The report's assumed amounts: every table with an ``assumed`` column, the table and row named."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ecoplan import Zone
from ecoplan.examples import example_path
from ecoplan.io import read_zone
from ecoplan.model import schema
from ecoplan.plan import run_plan
from ecoplan.report.summary import assumed_amounts

SITES = [
    {"site_id": "yard", "name": "Utility yard", "longitude": 121.8, "latitude": 39.1},
    {"site_id": "depot", "name": "Depot", "longitude": 121.7, "latitude": 39.0},
]
HUBS = [
    {
        "site_id": "yard",
        "fixed_cost": 120,
        "fixed_cost_unit": "万元/a",
        "capacity": 15,
        "capacity_unit": "万吨/年",
        "unit_cost": 15,
        "cost_unit": "",
        "assumed": True,
        "note": "Yard costs scaled from a similar park",
    },
    {
        "site_id": "depot",
        "fixed_cost": 40,
        "fixed_cost_unit": "万元/a",
        "capacity": 6,
        "capacity_unit": "万吨/年",
        "unit_cost": 20,
        "cost_unit": "元/t",
        "assumed": False,
        "source": "Depot operator quote",
    },
]
PORTFOLIO = [
    {"scenario": "base", "technology": "solar", "year": 2030, "share": 30.0, "assumed": True,
     "note": "Planning bureau aim"},
    {"scenario": "base", "technology": "wind", "year": 2030, "share": 70.0, "assumed": False},
]  # fmt: skip


@pytest.fixture
def zone(make_zone: Callable[..., Zone]) -> Zone:
    return make_zone(sites=SITES, hub_sites=HUBS, portfolio=PORTFOLIO)


def entries_of(zone: Zone, table: str) -> dict[tuple[str, str, int | None], dict[str, Any]]:
    """Return the assumed amounts of ``table`` by row, column and year."""
    return {
        (entry["id"], entry["column"], entry["year"]): entry
        for entry in assumed_amounts(zone)
        if entry["table"] == table
    }


def test_hub_site_amounts_listed(zone: Zone) -> None:
    hubs = entries_of(zone, "hub_sites")

    # Only the yard is marked assumed. Its empty cost unit is the zone's currency per tonne.
    assert set(hubs) == {
        ("yard", "fixed_cost", None),
        ("yard", "capacity", None),
        ("yard", "unit_cost", None),
    }
    fixed, capacity, unit_cost = (
        hubs[("yard", column, None)] for column in ("fixed_cost", "capacity", "unit_cost")
    )
    assert (fixed["amount"], fixed["unit"]) == (120, "万元/a")
    assert (capacity["amount"], capacity["unit"]) == (15, "万吨/年")
    assert (unit_cost["amount"], unit_cost["unit"]) == (15, "CNY/t")
    assert fixed["table_name"] == {"en": "Hub sites", "zh_CN": "集散中心候选地块"}
    assert fixed["description"] == {"en": "yard: fixed cost", "zh_CN": "yard：年固定成本"}
    assert fixed["basis"] == "Yard costs scaled from a similar park"
    assert fixed["year"] is None


def test_portfolio_share_listed(zone: Zone) -> None:
    shares = entries_of(zone, "portfolio")

    assert list(shares) == [("base / solar", "share", 2030)]
    share = shares[("base / solar", "share", 2030)]
    assert (share["year"], share["amount"], share["unit"]) == (2030, 30.0, "%")
    assert share["table_name"] == {"en": "Energy portfolio", "zh_CN": "能源结构"}
    assert share["description"] == {"en": "base, Solar: share", "zh_CN": "base，太阳能：份额"}
    assert share["basis"] == "Planning bureau aim"


def test_report_names_table_and_row(zone: Zone, tmp_path: Path) -> None:
    page = html.unescape(run_plan(zone, tmp_path).report_path.read_text(encoding="utf-8"))

    for locale, table_name in (("en", "Hub sites"), ("zh_CN", "集散中心候选地块")):
        start = page.index(f'<main class="lang-body" data-lang="{locale}"')
        body = page[start : page.index("</main>", start)]
        assumed = body.split('id="indicators-')[0]
        assert f"<tr><td>{table_name}</td><td>yard</td><td>—</td>" in assumed
        assert "<td>base / solar</td><td>2030</td>" in assumed
        assert "<td>depot</td>" not in assumed


def test_dalian_lists_every_assumed_table() -> None:
    zone = read_zone(example_path("dalian"))
    with_column = [table for table in schema.TABLES if "assumed" in schema.column_names(table)]
    marked = {
        table
        for table in with_column
        if zone.tables[table]["assumed"].fillna(False).astype(bool).any()
    }
    assert {"hub_sites", "portfolio", "flows", "economy"} <= marked

    listed = {entry["table"] for entry in assumed_amounts(zone)}
    assert listed == marked
    hubs = entries_of(zone, "hub_sites")
    assert hubs[("eip_reserve", "capacity", None)]["unit"] == "万吨/年"
    assert hubs[("eip_reserve", "fixed_cost", None)]["amount"] == 120
    shares = entries_of(zone, "portfolio")
    assert len(shares) == int(zone.portfolio["assumed"].fillna(False).astype(bool).sum())

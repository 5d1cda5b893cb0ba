"""Broker hubs in the plan report, worked by hand and checked against the broker itself.

The hand zone of ``exchange_zone`` sends 80 of the plant's 100 t of fly ash to the cement
works, so 20 t (disposal cost 50 元/t) stay at the plant. Here the works also offers 30 t
of cement waste that no request takes (disposal cost 40 元/t). Two candidate hub sites:

- at the plant: fixed 300 元/a, handling 15 元/t;
- at the works: fixed 200 元/a, handling 25 元/t.

Collection costs 0.15 元/t·km over the road distance r between the two sites. Alone, the
two flows cost 20 × 50 + 30 × 40 = 2,200 元/a. Through the plant hub they save 20 × 35 +
30 × (25 − 0.15 r) − 300 = 1,150 − 4.5 r (about 1,090 元/a). Through the works hub they save
20 × (25 − 0.15 r) + 30 × 15 − 200 = 750 − 3 r (about 710). Opening both adds a fixed cost
without a cheaper route, since each flow is cheaper through the plant hub. So the broker
opens the plant hub alone and routes both flows through it.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pandas as pd
import pytest

import exchange_zone as hand
from ecoplan import Zone
from ecoplan.exchange.broker import locate_hubs
from ecoplan.plan import PlanResult, run_plan

RATE = 0.15  # 元 per t·km, the exchange's haulage rate for mass
ASH_LEFT, WASTE = hand.OFFERED - hand.REQUESTED, 30.0  # t/a
ASH_COST, WASTE_COST = hand.DISPOSAL_COST, 40.0  # 元/t


def hub_zone() -> Zone:
    tables: dict[str, list[dict[str, Any]]] = copy.deepcopy(hand.TABLES)
    tables["listings"].append(
        {
            "listing_id": "o_waste",
            "kind": "offer",
            "node_id": "works",
            "resource_id": "cement",
            "amount": WASTE,
            "unit": "t",
            "year": 2020,
            "disposal_cost": WASTE_COST,
            "price_unit": "元/t",
        }
    )
    # The plant hub's costs are entered in other units than the works hub's, so the plan
    # reads them converted: 0.03 万元/a = 300 元/a, 0.1 万吨/年 = 1,000 t/a.
    tables["hub_sites"] = [
        {
            "site_id": "s_plant",
            "fixed_cost": 0.03,
            "fixed_cost_unit": "万元/a",
            "capacity": 0.1,
            "capacity_unit": "万吨/年",
            "unit_cost": 15.0,
            "cost_unit": "元/t",
        },
        {
            "site_id": "s_works",
            "fixed_cost": 200.0,
            "capacity": 1000.0,
            "capacity_unit": "t/a",
            "unit_cost": 25.0,
        },
    ]
    return Zone.from_tables({name: pd.DataFrame(rows) for name, rows in tables.items()})


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> PlanResult:
    return run_plan(hub_zone(), tmp_path_factory.mktemp("hubs"))


def hub_totals(plan: PlanResult) -> dict[str, Any]:
    rows = plan.results["exchange_totals"]["rows"]
    return {row["measure"]: row["value"] for row in rows if row["measure"].startswith("hub")}


def test_hub_sites_by_hand(plan: PlanResult) -> None:
    section = plan.results["exchange_hubs"]
    assert section["available"]
    sites = {row["site_id"]: row for row in section["rows"]}
    assert sites["s_plant"]["opened"] is True
    assert sites["s_plant"]["flows"] == 2
    assert sites["s_plant"]["throughput"] == pytest.approx(ASH_LEFT + WASTE, rel=1e-9)
    assert sites["s_plant"]["name"]["en"] == "Plant site"
    assert sites["s_works"]["opened"] is False
    assert sites["s_works"]["throughput"] == 0.0


def test_hub_routes_by_hand(plan: PlanResult) -> None:
    road = hand.road_km()
    routes = {row["offer_id"]: row for row in plan.results["exchange_hub_routes"]["rows"]}
    assert set(routes) == {"o_ash", "o_waste"}
    ash, waste = routes["o_ash"], routes["o_waste"]
    assert ash["site_id"] == waste["site_id"] == "s_plant"
    assert ash["quantity"] == pytest.approx(ASH_LEFT, rel=1e-9)
    assert ash["distance_km"] == pytest.approx(0.0, abs=1e-9)
    assert ash["route_cost"] == pytest.approx(15.0, rel=1e-9)
    assert ash["saving"] == pytest.approx(ASH_LEFT * (ASH_COST - 15.0), rel=1e-9)
    assert waste["quantity"] == pytest.approx(WASTE, rel=1e-9)
    assert waste["distance_km"] == pytest.approx(road, rel=1e-9)
    assert waste["route_cost"] == pytest.approx(15.0 + RATE * road, rel=1e-9)
    assert waste["saving"] == pytest.approx(WASTE * (WASTE_COST - 15.0 - RATE * road), rel=1e-9)
    assert waste["from"]["zh_CN"] == "水泥厂"
    assert waste["hub"]["en"] == "Plant site"


def test_hub_totals_by_hand(plan: PlanResult) -> None:
    road = hand.road_km()
    totals = hub_totals(plan)
    assert totals["hub_candidates"] == 2
    assert totals["hub_flows_offered"] == 2
    assert totals["hubs_opened"] == 1
    assert totals["hub_pooled"] == pytest.approx(ASH_LEFT + WASTE, rel=1e-9)
    assert totals["hub_cost_alone"] == pytest.approx(2200.0, rel=1e-12)
    assert totals["hub_saving"] == pytest.approx(1150.0 - 4.5 * road, rel=1e-9)
    assert totals["hub_saving"] == pytest.approx(1089.8, abs=0.1)
    assert totals["hub_cost"] == pytest.approx(1050.0 + 4.5 * road, rel=1e-9)


def test_hub_totals_equal_broker(plan: PlanResult) -> None:
    # The same sources and sites given to the broker directly.
    sources = pd.DataFrame(
        {
            "source_id": ["o_ash", "o_waste"],
            "quantity": [ASH_LEFT, WASTE],
            "longitude": [hand.PLANT[0], hand.WORKS[0]],
            "latitude": [hand.PLANT[1], hand.WORKS[1]],
            "direct_cost": [ASH_COST, WASTE_COST],
        }
    )
    sites = pd.DataFrame(
        {
            "site_id": ["s_plant", "s_works"],
            "longitude": [hand.PLANT[0], hand.WORKS[0]],
            "latitude": [hand.PLANT[1], hand.WORKS[1]],
            "fixed_cost": [300.0, 200.0],
            "capacity": [1000.0, 1000.0],
            "unit_cost": [15.0, 25.0],
        }
    )
    result = locate_hubs(sources, sites, collection_rate=RATE, road_factor=1.3)
    totals = hub_totals(plan)
    assert list(result.hubs["site_id"]) == ["s_plant"]
    assert totals["hub_saving"] == pytest.approx(result.saving, rel=1e-9)
    assert totals["hub_cost"] == pytest.approx(result.total_cost, rel=1e-9)


def test_hub_csv_tables(plan: PlanResult) -> None:
    sites = pd.read_csv(plan.tables["exchange_hubs"], encoding="utf-8-sig")
    assert list(sites["site_id"]) == ["s_plant", "s_works"]
    routes = pd.read_csv(plan.tables["exchange_hub_routes"], encoding="utf-8-sig")
    assert routes["quantity"].sum() == pytest.approx(ASH_LEFT + WASTE, rel=1e-9)


def test_hubs_on_map_and_geojson(plan: PlanResult) -> None:
    html = plan.report_path.read_text(encoding="utf-8")
    assert "Broker hub (opened)" in html
    assert "经纪集散中心（开设）" in html
    assert "Candidate hub site (not opened)" in html
    assert "Flow to a hub" in html
    features = json.loads((plan.report_path.parent / "exchange.geojson").read_text())["features"]
    hubs = {f["properties"]["site_id"]: f for f in features if f["properties"]["kind"] == "hub"}
    assert hubs["s_plant"]["properties"]["opened"] is True
    assert hubs["s_works"]["properties"]["opened"] is False
    assert hubs["s_plant"]["geometry"]["coordinates"] == list(hand.PLANT)
    routes = [f for f in features if f["properties"]["kind"] == "hub_route"]
    assert len(routes) == 2


def test_report_names_hubs(plan: PlanResult) -> None:
    html = plan.report_path.read_text(encoding="utf-8")
    assert "Broker hubs" in html
    assert "经纪集散中心" in html
    assert "Cost through the hub per t" in html


def test_no_sites_gives_reason(tmp_path_factory: pytest.TempPathFactory) -> None:
    plan = run_plan(hand.exchange_zone(), tmp_path_factory.mktemp("no_hubs"))
    for name in ("exchange_hubs", "exchange_hub_routes"):
        section = plan.results[name]
        assert not section["available"]
        assert "names no candidate hub sites" in section["reason"]["en"]
        assert "没有列出集散中心候选地块" in section["reason"]["zh_CN"]
    assert "exchange_hubs" not in plan.tables


def test_broker_error_gives_reason(tmp_path_factory: pytest.TempPathFactory) -> None:
    # A zone changed after validation, so a hub site has no cost: the broker's error
    # becomes the section's reason and the rest of the exchange is still reported.
    zone = hub_zone()
    zone.tables["hub_sites"].loc[1, "unit_cost_per_t"] = float("nan")
    plan = run_plan(zone, tmp_path_factory.mktemp("bad_hubs"))
    section = plan.results["exchange_hubs"]
    assert not section["available"]
    assert "unit_cost" in section["reason"]["en"]
    assert plan.results["exchange_recommended"]["available"]

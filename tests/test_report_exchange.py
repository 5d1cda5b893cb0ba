"""The exchange and energy sections of the plan: hand-worked totals, library equality, CSV."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import exchange_zone as hand
from ecoplan import Zone
from ecoplan.energy import energy_summary
from ecoplan.examples import example_path
from ecoplan.exchange import find_candidates, listings_from_zone, load_compatibility
from ecoplan.exchange.impact import indicator_change
from ecoplan.exchange.network import optimise_exchange
from ecoplan.io import read_zone
from ecoplan.plan import TABLES, PlanResult, run_plan
from ecoplan.report.energy import pinch_section
from ecoplan.report.exchange import Names, match_listings, optimise_network, recommended_rows
from ecoplan.report.exchange_charts import party_links
from test_plan import assert_cell_equal

TOLERANCE = 1e-9


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> PlanResult:
    return run_plan(hand.exchange_zone(), tmp_path_factory.mktemp("exchange"))


@pytest.fixture(scope="module")
def dalian(tmp_path_factory: pytest.TempPathFactory) -> PlanResult:
    return run_plan(read_zone(example_path("dalian")), tmp_path_factory.mktemp("dalian"))


def rows_by(results: dict[str, Any], section: str, key: str) -> dict[Any, dict[str, Any]]:
    assert results[section]["available"], section
    return {row[key]: row for row in results[section]["rows"]}


def test_exchange_equals_hand_values(plan: PlanResult) -> None:
    rows = plan.results["exchange_recommended"]["rows"]
    assert len(rows) == 1
    row = rows[0]
    assert (row["from"]["en"], row["to"]["en"]) == ("Power plant", "Cement works")
    assert row["to"]["zh_CN"] == "水泥厂"
    assert math.isclose(row["quantity"], hand.REQUESTED, abs_tol=TOLERANCE)
    assert math.isclose(row["distance_km"], hand.road_km(), rel_tol=1e-9)
    assert math.isclose(row["saving"], hand.expected_saving(), rel_tol=1e-9)
    assert math.isclose(row["co2_avoided"], hand.expected_co2(), rel_tol=1e-9)


def test_exchange_totals_equal_hand_values(plan: PlanResult) -> None:
    totals = {
        (row["measure"], row["dimension"]): row["value"]
        for row in plan.results["exchange_totals"]["rows"]
    }
    assert totals[("exchanges", None)] == 1
    assert math.isclose(totals[("saving", None)], hand.expected_saving(), rel_tol=1e-9)
    assert math.isclose(totals[("co2_avoided", None)], hand.expected_co2(), rel_tol=1e-9)
    assert math.isclose(totals[("offered", "mass")], hand.OFFERED, abs_tol=TOLERANCE)
    assert math.isclose(totals[("diverted", "mass")], hand.REQUESTED, abs_tol=TOLERANCE)
    assert math.isclose(totals[("diverted_share", "mass")], 0.8, abs_tol=TOLERANCE)


def test_indicator_change_by_hand(plan: PlanResult) -> None:
    # 100 t of ash went to landfill; 80 t go to the works instead, so 80 % is utilised.
    rows = rows_by(plan.results, "exchange_indicators", "indicator_id")
    ash = rows["fly_ash_utilisation_rate"]
    assert math.isclose(ash["before"], 0.0, abs_tol=TOLERANCE)
    assert math.isclose(ash["after"], 80.0, abs_tol=1e-9)
    assert math.isclose(ash["change"], 80.0, abs_tol=1e-9)
    assert ash["name"]["zh_CN"]


def test_exchange_equals_library(plan: PlanResult) -> None:
    zone = hand.exchange_zone()
    offers, requests = listings_from_zone(zone)
    candidates = find_candidates(offers, requests, load_compatibility(zone))
    result = optimise_exchange(offers, requests, candidates)
    row = plan.results["exchange_recommended"]["rows"][0]
    assert row["saving"] == result.exchanges["saving"].iloc[0]
    assert row["co2_avoided"] == result.exchanges["co2_avoided"].iloc[0]
    change = indicator_change(zone, result.exchanges, offers, requests)
    reported = rows_by(plan.results, "exchange_indicators", "indicator_id")
    for indicator_id, value in zip(change["indicator_id"], change["after"], strict=True):
        after = reported[indicator_id]["after"]
        assert (after is None) == math.isnan(value), indicator_id
        if after is not None:
            assert after == value, indicator_id


def test_listings_counted_by_code(plan: PlanResult) -> None:
    rows = plan.results["exchange_listings"]["rows"]
    offers = [row for row in rows if row["kind"] == "offer"]
    requests = [row for row in rows if row["kind"] == "request"]
    assert [(row["code"], row["listings"], row["quantity"]) for row in offers] == [
        ("100102", 1, hand.OFFERED)
    ]
    assert [(row["use"], row["listings"], row["quantity"]) for row in requests] == [
        ("cement", 1, hand.REQUESTED)
    ]


def test_geojson_has_sites_and_exchange(plan: PlanResult) -> None:
    path = plan.report_path.parent / "exchange.geojson"
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    points = {
        f["properties"]["listing_id"]: f["geometry"]["coordinates"]
        for f in features
        if f["geometry"]["type"] == "Point"
    }
    assert points == {"o_ash": list(hand.PLANT), "r_cement": list(hand.WORKS)}
    lines = [f for f in features if f["geometry"]["type"] == "LineString"]
    assert len(lines) == 1
    assert lines[0]["geometry"]["coordinates"] == [list(hand.PLANT), list(hand.WORKS)]
    assert math.isclose(lines[0]["properties"]["quantity"], hand.REQUESTED, abs_tol=TOLERANCE)


@pytest.mark.parametrize("fixture", ["plan", "dalian"])
def test_csv_tables_equal_json(fixture: str, request: pytest.FixtureRequest) -> None:
    result: PlanResult = request.getfixturevalue(fixture)
    results = json.loads(result.results_path.read_text(encoding="utf-8"))
    assert set(result.tables) == {name for name in TABLES if results[name]["available"]}
    for name, path in result.tables.items():
        table = pd.read_csv(path, keep_default_na=True, dtype={"code": str})
        rows = results[name]["rows"]
        assert len(table) == len(rows), name
        for column in table.columns:
            for cell, row in zip(table[column], rows, strict=True):
                assert_cell_equal(cell, row[column], f"{name}.{column}")


def test_energy_equals_library(dalian: PlanResult) -> None:
    summary = energy_summary(read_zone(example_path("dalian")))
    results = dalian.results
    shares = pd.DataFrame(results["energy_shares"]["rows"])
    expected = summary["shares"].reset_index(drop=True)
    assert len(shares) == len(expected)
    assert (shares["share"].to_numpy() == expected["share"].to_numpy()).all()
    emissions = pd.DataFrame(results["energy_emissions"]["rows"])
    assert (emissions["emission"].to_numpy() == summary["emissions"]["emission"].to_numpy()).all()
    cost = rows_by(results, "energy_cost", "scenario")
    for scenario, row in summary["cost"].iterrows():
        for column in ("private_cost", "external_cost", "full_cost"):
            assert cost[scenario][column] == row[column], (scenario, column)
        assert cost[scenario]["unit"] == "CNY"


def test_energy_bands_bracket_worksheet(dalian: PlanResult) -> None:
    # The base year has no growth yet, and the CO2 factor is not varied, so its band is a point.
    bands = [row for row in dalian.results["energy_bands"]["rows"] if row["quantity"] == "co2"]
    emissions = {
        (row["scenario"], row["year"]): row["emission"]
        for row in dalian.results["energy_emissions"]["rows"]
        if row["pollutant"] == "co2"
    }
    assert bands
    for row in bands:
        assert row["p5"] <= row["p50"] <= row["p95"]
    first = [row for row in bands if row["year"] == 2003]
    for row in first:
        assert math.isclose(row["p50"], emissions[(row["scenario"], 2003)], rel_tol=1e-9)


def test_leastcost_shares_total_100(dalian: PlanResult) -> None:
    rows = pd.DataFrame(dalian.results["energy_leastcost_shares"]["rows"])
    totals = rows.groupby(["scenario", "year"])[["worksheet", "least_cost"]].sum()
    assert ((totals - 100).abs() < 1e-6).all().all()
    efficiency = rows[rows["technology"] == "efficiency"]
    assert (efficiency["least_cost"] <= efficiency["worksheet"] + 1e-6).all()


def test_sections_not_available_without_data(make_zone: Any, tmp_path: Path) -> None:
    zone = make_zone(flows=[])
    result = run_plan(zone, tmp_path)
    listings = result.results["exchange_listings"]
    assert listings["available"] is False
    assert listings["reason"]["en"].startswith("The zone has no by-product offers or requests.")
    assert listings["reason"]["zh_CN"].startswith("区域没有副产品供应或需求")
    energy = result.results["energy_shares"]
    assert energy["available"] is False
    assert "portfolio" in energy["reason"]["en"]
    assert result.results["energy_leastcost_shares"]["available"] is False
    pinch = result.results["energy_pinch"]
    assert pinch["reason"]["zh_CN"].startswith("区域没有热物流")
    assert not (tmp_path / "exchange.geojson").exists()
    assert not (tmp_path / "tables" / "exchange_recommended.csv").exists()


def test_pinch_section_kemp_example() -> None:
    # Kemp (2007), Pinch Analysis and Process Integration, 2nd ed., four-stream example,
    # ΔT_min 10 K: hot utility 20 kW, cold utility 60 kW, pinch 85 °C shifted.
    streams = pd.DataFrame(
        {
            "supply_temperature": [20.0, 170.0, 80.0, 150.0],
            "target_temperature": [135.0, 60.0, 140.0, 30.0],
            "heat_capacity_flowrate": [2.0, 3.0, 4.0, 1.5],
            "dt_min": [10.0, None, None, None],
        }
    )
    section, targets = pinch_section(streams)
    assert targets is not None
    values = {row["quantity"]: row["value"] for row in section.rows}
    assert math.isclose(values["Minimum hot utility"], 20.0, abs_tol=1e-9)
    assert math.isclose(values["Minimum cold utility"], 60.0, abs_tol=1e-9)
    assert math.isclose(values["Pinch (shifted)"], 85.0, abs_tol=1e-9)


def test_party_links_summed_by_hand() -> None:
    # o1 and o2 belong to node "plant", o3 only to organisation "acme", o4 to neither; r1 is
    # at node "works". Links to disposal have no target.
    listings = pd.DataFrame(
        {
            "listing_id": ["o1", "o2", "o3", "o4", "r1"],
            "node_id": ["plant", "plant", None, None, "works"],
            "org_id": ["power_co", None, "acme", None, None],
        }
    ).set_index("listing_id", drop=False)
    links = pd.DataFrame(
        {
            "offer_id": ["o1", "o2", "o1", "o3", "o4", "o4"],
            "target": ["r1", "r1", None, None, "r1", None],
            "quantity": [10.0, 5.0, 2.0, 7.0, 0.0, 3.0],
        }
    )
    summed = party_links(links, listings).set_index(["source", "target"])
    assert summed["quantity"].to_dict() == {
        ("plant", "works"): 15.0,  # 10 + 5
        ("plant", ""): 2.0,
        ("acme", ""): 7.0,
        ("o4", ""): 3.0,  # the link of 0 t to works is dropped
    }
    assert summed.loc[("plant", "works"), "listing"] == "o1"


def test_dalian_report_shows_eip_hub(dalian: PlanResult) -> None:
    # The Dalian example lists two candidate hub sites. The broker opens the EIP yard only
    # (worked by hand in test_examples.py), and the report shows it in both languages.
    sites = {row["site_id"]: row for row in dalian.results["exchange_hubs"]["rows"]}
    assert sites["eip_reserve"]["opened"] is True
    assert sites["eip_reserve"]["throughput"] == pytest.approx(150_000, rel=1e-9)
    assert sites["site_transfer"]["opened"] is False
    routes = dalian.results["exchange_hub_routes"]["rows"]
    assert sorted(row["offer_id"] for row in routes) == ["offer_fly_ash", "offer_organic_msw"]
    html = dalian.report_path.read_text(encoding="utf-8")
    assert "Broker hub (opened)" in html
    assert "经纪集散中心（开设）" in html
    assert "No broker hub was considered" not in html


def test_dalian_hub_site_named_in_chinese(dalian: PlanResult) -> None:
    sites = {row["site_id"]: row for row in dalian.results["exchange_hubs"]["rows"]}
    assert sites["eip_reserve"]["name"]["zh_CN"] == "大连生态工业园预留地块"
    assert sites["eip_reserve"]["name"]["en"] == "Dalian EIP reserve parcel"


def test_same_code_exchange_shows_request_use() -> None:
    # No compatibility rule links fly ash to glass recycling, so only the code pairs them.
    tables = copy.deepcopy(hand.TABLES)
    request = tables["listings"][1]
    request["resource_id"], request["use"], request["accepted"] = "ash", "glass_recycling", None
    zone = Zone.from_tables({name: pd.DataFrame(rows) for name, rows in tables.items()})
    analysis = optimise_network(zone, match_listings(zone))

    (row,) = recommended_rows(analysis, Names(zone), zone.currency)

    assert analysis.candidates["rule_id"].tolist() == ["same_code"]
    assert row["use"] == "glass_recycling"

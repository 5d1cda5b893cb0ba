"""Materials recovery facilities in the plan report, worked by hand.

The hand zone of ``exchange_zone`` sends 80 of the plant's 100 t of fly ash to the cement
works. Here the works also offers 100 t a year of mixed municipal waste (EWC 20 03 01) that
it landfills at 60 元/t, and a sorting plant accepts the category municipal_solid_waste:

- capacity 0.015 万吨/年 = 150 t/a, cost 0.002 万元/t = 20 元/t, residue cost 60 元/t;
- yields per t of input: 0.25 t of plastics (191204) at 400 元/t, 0.15 t of metals (191202)
  at 1,000 元/t and 0.10 t of glass (191205) at −20 元/t, so 0.5 t of residue.

Net cost per t: 20 + 0.5 × 60 − (0.25 × 400 + 0.15 × 1,000 − 0.10 × 20) = −198 元/t, below
the 60 元/t of landfill, so all 100 t go to the plant. Mass balance: 25 + 15 + 10 + 50 = 100
t/a. Money per year: sorting 2,000, residue 3,000, outputs 10,000 + 15,000 − 200 = 24,800,
net cost −19,800; disposal avoided 6,000, so the saving is 6,000 + 19,800 = 25,800 元/a.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import exchange_zone as hand
from ecoplan import Zone
from ecoplan.plan import PlanResult, run_plan
from ecoplan.report.exchange import (
    exchange_features,
    exchange_sections,
    match_listings,
    optimise_network,
)

MIXED, MIXED_COST = 100.0, 60.0  # t/a, 元/t
YIELDS = {"191204": (0.25, 400.0), "191202": (0.15, 1000.0), "191205": (0.10, -20.0)}
SORTING, RESIDUE_COST = 20.0, 60.0  # 元/t
MRF_SITE = (121.65, 38.93)


def recovery_tables(**facility: Any) -> dict[str, list[dict[str, Any]]]:
    """Return the hand zone's tables with the mixed waste offer and the sorting plant."""
    tables: dict[str, list[dict[str, Any]]] = copy.deepcopy(hand.TABLES)
    tables["sites"].append(
        {
            "site_id": "s_mrf",
            "name": "Sorting plant site",
            "name_zh": "分拣厂地块",
            "longitude": MRF_SITE[0],
            "latitude": MRF_SITE[1],
        }
    )
    tables["resources"].append(
        {
            "resource_id": "mixed",
            "name": "Mixed municipal waste",
            "name_zh": "混合生活垃圾",
            "type": "materials",
            "dimension": "mass",
            "category": "municipal_solid_waste",
            "taxonomy": "EWC",
            "code": "200301",
        }
    )
    tables["listings"].append(
        {
            "listing_id": "o_mixed",
            "kind": "offer",
            "node_id": "works",
            "resource_id": "mixed",
            "amount": MIXED,
            "unit": "t",
            "year": 2020,
            "disposal_cost": MIXED_COST,
            "price_unit": "元/t",
        }
    )
    row = {
        "facility_id": "mrf",
        "site_id": "s_mrf",
        "capacity": 0.015,
        "capacity_unit": "万吨/年",
        "cost": 0.002,
        "cost_unit": "万元/t",
        "residue_cost": 0.006,
        "accepts": "municipal_solid_waste",
    }
    tables["recovery_facilities"] = [{**row, **facility}]
    tables["recovery_yields"] = [
        {"facility_id": "mrf", "code": code, "yield": share, "price": price, "price_unit": "元/t"}
        for code, (share, price) in YIELDS.items()
    ]
    return tables


def recovery_zone(**facility: Any) -> Zone:
    tables = recovery_tables(**facility)
    return Zone.from_tables({name: pd.DataFrame(rows) for name, rows in tables.items()})


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> PlanResult:
    return run_plan(recovery_zone(), tmp_path_factory.mktemp("recovery"))


def facility_row(plan: PlanResult) -> dict[str, Any]:
    section = plan.results["exchange_recovery"]
    assert section["available"]
    (row,) = section["rows"]
    return dict(row)


def test_mass_balance_by_hand(plan: PlanResult) -> None:
    row = facility_row(plan)

    assert row["accepts"] == "200301"
    assert row["capacity"] == pytest.approx(150.0, rel=1e-12)
    assert row["input"] == pytest.approx(MIXED, rel=1e-9)
    assert row["outputs"] == pytest.approx(50.0, rel=1e-9)
    assert row["residue"] == pytest.approx(50.0, rel=1e-9)
    assert row["outputs"] + row["residue"] == pytest.approx(row["input"], rel=1e-12)


def test_money_by_hand(plan: PlanResult) -> None:
    row = facility_row(plan)

    assert row["net_cost_per_t"] == pytest.approx(-198.0, rel=1e-12)
    assert row["sorting_cost"] == pytest.approx(2_000.0, rel=1e-9)
    assert row["residue_cost"] == pytest.approx(3_000.0, rel=1e-9)
    assert row["output_value"] == pytest.approx(24_800.0, rel=1e-9)
    assert row["net_cost"] == pytest.approx(-19_800.0, rel=1e-9)
    assert row["disposal_avoided"] == pytest.approx(6_000.0, rel=1e-9)
    assert row["saving"] == pytest.approx(25_800.0, rel=1e-9)
    assert row["currency"] == "CNY"
    assert row["name"]["zh_CN"] == "分拣厂地块"


def test_flows_by_hand(plan: PlanResult) -> None:
    rows = plan.results["exchange_recovery_flows"]["rows"]
    by_kind = {(row["kind"], row["code"]): row for row in rows}

    taken = by_kind[("input", "200301")]
    assert taken["offer_id"] == "o_mixed"
    assert taken["quantity"] == pytest.approx(MIXED, rel=1e-9)
    assert taken["amount"] == pytest.approx(6_000.0, rel=1e-9)
    assert taken["from"]["zh_CN"] == "水泥厂"
    for code, (share, price) in YIELDS.items():
        sorted_out = by_kind[("output", code)]
        assert sorted_out["quantity"] == pytest.approx(MIXED * share, rel=1e-9), code
        assert sorted_out["amount"] == pytest.approx(MIXED * share * price, rel=1e-9), code
    residue = by_kind[("residue", None)]
    assert residue["share"] == pytest.approx(0.5, rel=1e-12)
    assert residue["amount"] == pytest.approx(3_000.0, rel=1e-9)


def test_saving_joins_network_totals(plan: PlanResult) -> None:
    totals = {
        (row["measure"], row["dimension"]): row["value"]
        for row in plan.results["exchange_totals"]["rows"]
    }

    assert totals[("saving", None)] == pytest.approx(hand.expected_saving() + 25_800.0, rel=1e-9)
    # The 50 t of residue go back to landfill, so 80 + 100 - 50 t are diverted of the 200 t
    # offered.
    assert totals[("diverted", "mass")] == pytest.approx(130.0, rel=1e-9)
    assert totals[("diverted_share", "mass")] == pytest.approx(0.65, rel=1e-9)


def test_report_shows_facility_in_both_languages(plan: PlanResult) -> None:
    html = plan.report_path.read_text(encoding="utf-8")

    assert "Materials recovery facilities" in html
    assert "材料回收设施（分拣中心）" in html
    assert "Saving = disposal cost avoided 6,000 − net cost = 25,800 CNY/a." in html
    assert "节约 = 避免的处置成本 6,000 − 净成本 = 25,800 元/a。" in html
    assert "Sorting plant site" in html
    assert "分拣厂地块" in html
    assert (plan.report_path.parent / "tables" / "exchange_recovery.csv").exists()


def test_geojson_places_facility(plan: PlanResult) -> None:
    import json

    features = json.loads((plan.report_path.parent / "exchange.geojson").read_text())["features"]
    kinds = {feature["properties"]["kind"]: feature for feature in features}

    facility = kinds["recovery_facility"]
    assert facility["geometry"]["coordinates"] == list(MRF_SITE)
    assert facility["properties"]["input"] == pytest.approx(MIXED, rel=1e-9)
    assert kinds["recovery_route"]["properties"]["offer_id"] == "o_mixed"


def test_capacity_binds() -> None:
    # 0.006 万吨/年 = 60 t/a: the plant sorts 60 t and 40 t stay at the landfill.
    zone = recovery_zone(capacity=0.006)
    analysis = optimise_network(zone, match_listings(zone))
    assert analysis.result is not None

    (taken,) = analysis.result.recovery.to_dict("records")
    assert taken["quantity"] == pytest.approx(60.0, rel=1e-9)
    left = analysis.result.disposal.set_index("offer_id")["quantity"]
    assert left["o_mixed"] == pytest.approx(40.0, rel=1e-9)
    assert taken["saving"] == pytest.approx(60 * (MIXED_COST + 198.0), rel=1e-9)


def test_dearer_than_landfill_takes_nothing() -> None:
    # At 0.03 万元/t = 300 元/t of sorting the net cost is 82 元/t, above the 60 元/t of
    # landfill, so the plant stays idle and the report gives the reason in both languages.
    zone = recovery_zone(cost=0.03)
    analysis = optimise_network(zone, match_listings(zone))
    sections = exchange_sections(zone, analysis)

    (row,) = sections["exchange_recovery"].rows
    assert row["net_cost_per_t"] == pytest.approx(82.0, rel=1e-12)
    assert row["input"] == 0.0
    assert row["saving"] == 0.0
    assert sections["exchange_recovery_flows"].rows == []
    recovery = [
        feature
        for feature in exchange_features(analysis)
        if "recovery" in feature["properties"]["kind"]
    ]
    assert [feature["properties"]["kind"] for feature in recovery] == ["recovery_facility"]


def test_zone_without_facility_names_what_to_fill() -> None:
    zone = hand.exchange_zone()
    sections = exchange_sections(zone, optimise_network(zone, match_listings(zone)))

    for name in ("exchange_recovery", "exchange_recovery_flows"):
        section = sections[name]
        assert not section.available
        assert "No materials recovery facility was considered" in section.reason_in("en")
        assert "recovery_yields" in section.reason_in("en")
        assert "未考虑材料回收设施" in section.reason_in("zh_CN")


def test_report_without_facility_in_both_languages(tmp_path: Path) -> None:
    html = run_plan(hand.exchange_zone(), tmp_path).report_path.read_text(encoding="utf-8")

    assert "No materials recovery facility was considered" in html
    assert "未考虑材料回收设施" in html

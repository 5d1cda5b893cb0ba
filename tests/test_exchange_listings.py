"""Offers and requests from the listings table and from the zone's disposal flows."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from ecoplan import Zone
from ecoplan.cli import main
from ecoplan.errors import InputError
from ecoplan.exchange import find_candidates, listings_from_zone, load_compatibility
from ecoplan.io import write_zone
from ecoplan.plan import run_plan

SITES = [
    {"site_id": "s1", "name": "Power site", "longitude": 121.80, "latitude": 39.07},
    {"site_id": "s2", "name": "Cement site", "longitude": 121.90, "latitude": 39.10},
]
NODES = [
    {"node_id": "import", "name": "Imports", "kind": "import"},
    {"node_id": "plant", "name": "Plant", "kind": "process", "site_id": "s1"},
    {"node_id": "kiln", "name": "Kiln", "kind": "process", "site_id": "s2"},
    {"node_id": "landfill", "name": "Landfill", "kind": "landfill"},
]


def test_offer_derived_from_landfill_flow(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone(sites=SITES, nodes=NODES)
    offers, requests = listings_from_zone(zone)
    assert len(requests) == 0
    assert list(offers["listing_id"]) == ["derived:plant:ash"]
    offer = offers.iloc[0]
    assert bool(offer["derived"])
    assert offer["quantity"] == 10.0
    assert offer["code"] == "100102"
    assert offer["unit_label"] == "t"
    assert (offer["longitude"], offer["latitude"]) == (121.80, 39.07)


def test_listings_table_converted(make_zone: Callable[..., Zone]) -> None:
    listings = [
        {
            "listing_id": "ash_offer",
            "kind": "offer",
            "node_id": "plant",
            "resource_id": "ash",
            "amount": 2,
            "unit": "万吨",
            "price": -30,
            "price_unit": "元/t",
            "disposal_cost": 3,
            "quality": "grade II; Cl=0.02 %; LOI=6 %",
        },
        {
            "listing_id": "kiln_request",
            "kind": "request",
            "node_id": "kiln",
            "resource_id": "ash",
            "amount": 50,
            "unit": "t/d",
            "operating_hours": 7200,
            "use": "cement",
            "willingness_to_pay": 0.002,
            "virgin_cost": 0.005,
            "price_unit": "万元/t",
            "limits": "LOI<=8 %",
            "accepted": "100102; fly_ash",
        },
    ]
    zone = make_zone(sites=SITES, nodes=NODES, listings=listings)
    offers, requests = listings_from_zone(zone)
    # The explicit offer replaces the derived one of the same node and resource.
    assert list(offers["listing_id"]) == ["ash_offer"]
    offer = offers.iloc[0]
    assert offer["quantity"] == 20000.0
    assert offer["price"] == -30.0
    assert offer["disposal_cost"] == 3.0
    assert offer["quality"] == {"cl": 200.0, "loi": 60000.0}
    request = requests.iloc[0]
    assert request["quantity"] == pytest.approx(50 * 7200 / 24)
    assert request["willingness_to_pay"] == pytest.approx(20.0)
    assert request["virgin_cost"] == pytest.approx(50.0)
    assert request["limits"] == {"loi": ("<=", 80000.0)}
    assert request["accepted"] == ["100102", "fly_ash"]

    # The rule fa_cement (EN 197-1) caps LOI at 5 %: the 6 % ash fails it, so the pair
    # comes only through the substitutes the request accepts (LOI limit 8 %).
    cands = find_candidates(offers, requests, load_compatibility(zone))
    assert len(cands) == 1
    assert cands.iloc[0]["rule_id"] in {"same_code", "accepted"}
    assert cands.iloc[0]["net_saving"] == pytest.approx(
        3.0 + 50.0 - 0.15 * cands.iloc[0]["distance_km"]
    )


def test_request_limit_text_invalid(make_zone: Callable[..., Zone]) -> None:
    listings = [
        {
            "listing_id": "r",
            "kind": "request",
            "node_id": "kiln",
            "resource_id": "ash",
            "amount": 5,
            "unit": "t",
            "limits": "LOI about five",
        },
    ]
    zone = make_zone(sites=SITES, nodes=NODES, listings=listings)
    with pytest.raises(Exception, match="'LOI about five' cannot be read"):
        listings_from_zone(zone)


SEWAGE_SITES = [
    *SITES,
    {"site_id": "s3", "name": "Treatment site", "longitude": 121.85, "latitude": 39.08},
]
SEWAGE_NODES = [
    {"node_id": "import", "name": "Imports", "kind": "import"},
    {"node_id": "plant", "name": "Plant", "kind": "process", "site_id": "s1"},
    {"node_id": "kiln", "name": "Kiln", "kind": "process", "site_id": "s2"},
    {"node_id": "wwtp", "name": "Wastewater plant", "kind": "process", "site_id": "s3"},
    {"node_id": "sea", "name": "Sea", "kind": "water_body"},
    {"node_id": "atmosphere", "name": "Atmosphere", "kind": "atmosphere"},
]
SEWAGE_RESOURCES = [
    {
        "resource_id": "wastewater",
        "name": "Wastewater",
        "type": "water",
        "dimension": "volume",
        "category": "wastewater",
    },
    {
        "resource_id": "heat",
        "name": "Waste heat",
        "type": "energy",
        "dimension": "energy",
        "category": "heat",
    },
    {
        "resource_id": "vapour",
        "name": "Evaporation",
        "type": "water",
        "dimension": "volume",
        "category": "other",
    },
    {
        "resource_id": "co2",
        "name": "CO2",
        "type": "air",
        "dimension": "mass",
        "category": "air_emission",
    },
]


def sewage_flow(
    flow_id: str, source: str, target: str, resource: str, amount: float
) -> dict[str, Any]:
    units = {"wastewater": "m³", "vapour": "m³", "heat": "MWh", "co2": "t"}
    return {
        "flow_id": flow_id,
        "from_node": source,
        "to_node": target,
        "resource_id": resource,
        "year": 2020,
        "amount": amount,
        "unit": units[resource],
        "stage": "disposal",
    }


def sewage_zone(make_zone: Callable[..., Zone]) -> Zone:
    """Return a zone whose plant sends sewage to its treatment plant, which discharges it.

    The kiln requests 100 m³ of cooling water and would save 2 元/m³ of fresh water.
    """
    cooling = {
        "listing_id": "cooling",
        "kind": "request",
        "node_id": "kiln",
        "resource_id": "wastewater",
        "amount": 100,
        "unit": "m³",
        "use": "cooling_water",
        "virgin_cost": 2,
        "price_unit": "元/m³",
    }
    flows = [
        sewage_flow("raw", "plant", "wwtp", "wastewater", 1000),
        sewage_flow("effluent", "wwtp", "sea", "wastewater", 900),
        sewage_flow("heat", "plant", "atmosphere", "heat", 50),
        {**sewage_flow("lost", "kiln", "atmosphere", "heat", 30), "stage": "use"},
        sewage_flow("steam", "plant", "atmosphere", "vapour", 70),
        sewage_flow("co2", "plant", "atmosphere", "co2", 5),
    ]
    return make_zone(
        sites=SEWAGE_SITES,
        nodes=SEWAGE_NODES,
        resources=SEWAGE_RESOURCES,
        flows=flows,
        listings=[cooling],
    )


def test_sewage_to_treatment_is_not_offered(make_zone: Callable[..., Zone]) -> None:
    offers, _ = listings_from_zone(sewage_zone(make_zone))
    offered = offers.set_index("listing_id")["quantity"]
    # Raw sewage goes to a process inside the zone, so it is not left unused.
    assert "derived:plant:wastewater" not in offered.index
    # The discharge to the sea leaves the economy unused: 900 m³.
    assert offered["derived:wwtp:wastewater"] == 900.0


def test_heat_to_atmosphere_is_offered(make_zone: Callable[..., Zone]) -> None:
    offers, _ = listings_from_zone(sewage_zone(make_zone))
    # Waste heat has uses in the compatibility table; evaporation and CO2 have none. Heat
    # lost at the use stage (the kiln's 30 MWh) is not offered.
    assert sorted(offers["listing_id"]) == ["derived:plant:heat", "derived:wwtp:wastewater"]
    heat = offers.set_index("listing_id").loc["derived:plant:heat"]
    assert heat["quantity"] == 50.0
    assert heat["unit_label"] == "MWh"


def test_unstated_quality_is_flagged(make_zone: Callable[..., Zone]) -> None:
    zone = sewage_zone(make_zone)
    offers, requests = listings_from_zone(zone)
    cands = find_candidates(offers, requests, load_compatibility(zone))
    # The discharge states no COD, BOD5 or chloride, so the rule's limits (GB/T 19923)
    # cannot be checked: the pair is kept and flagged.
    assert list(cands["offer_id"]) == ["derived:wwtp:wastewater"]
    assert cands.iloc[0]["rule_id"] == "effluent_cooling"
    assert not bool(cands.iloc[0]["quality_known"])


def test_cli_counts_unchecked_limits(
    make_zone: Callable[..., Zone], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_zone(sewage_zone(make_zone), tmp_path / "zone")
    out = tmp_path / "out"

    assert main(["exchange", str(folder), "--out", str(out)]) == 0

    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["candidates_with_unchecked_limits"] == 1
    exchanges = pd.read_csv(out / "exchanges.csv")
    assert list(exchanges["offer_id"]) == ["derived:wwtp:wastewater"]
    assert exchanges["quality_known"].tolist() == [False]
    assert "1 candidate exchanges have quality limits that were not checked" in (
        capsys.readouterr().out
    )


def test_report_marks_unchecked_limits(make_zone: Callable[..., Zone], tmp_path: Path) -> None:
    plan = run_plan(sewage_zone(make_zone), tmp_path)

    rows = plan.results["exchange_recommended"]["rows"]
    assert [(row["offer_id"], row["quality_known"]) for row in rows] == [
        ("derived:wwtp:wastewater", False)
    ]
    page = plan.report_path.read_text(encoding="utf-8")
    assert page.count('<span class="badge badge-grey">Limits not checked</span>') == 1
    assert page.count('<span class="badge badge-grey">限值未核对</span>') == 1
    assert "Limits not checked: the offer does not state the contaminants" in page


def accepting_request(accepted: str) -> dict[str, Any]:
    """Return a request of 5 t/a of ash at the kiln that accepts ``accepted``."""
    return {
        "listing_id": "kiln_request",
        "kind": "request",
        "node_id": "kiln",
        "resource_id": "ash",
        "amount": 5,
        "unit": "t",
        "accepted": accepted,
    }


@pytest.mark.parametrize("accepted", ["10 01 02；fly_ash", "100102、fly_ash", "10-01-02，fly_ash"])
def test_accepted_written_by_planners(make_zone: Callable[..., Zone], accepted: str) -> None:
    zone = make_zone(sites=SITES, nodes=NODES, listings=[accepting_request(accepted)])

    _offers, requests = listings_from_zone(zone)

    assert requests.iloc[0]["accepted"] == ["100102", "fly_ash"]


@pytest.mark.parametrize(
    ("accepted", "words"), [("flyash", "Did you mean 'fly_ash'?"), ("191204x", "six digits")]
)
def test_accepted_unknown_item(make_zone: Callable[..., Zone], accepted: str, words: str) -> None:
    with pytest.raises(InputError) as raised:
        make_zone(sites=SITES, nodes=NODES, listings=[accepting_request(accepted)])

    (problem,) = raised.value.problems
    assert (problem.row, problem.column, problem.value) == (2, "accepted", accepted)
    assert words in problem.describe()

"""Offers and requests from the listings table and from the zone's disposal flows."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ecoplan import Zone
from ecoplan.exchange import find_candidates, listings_from_zone, load_compatibility

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

"""A small zone for the exchange sections of the plan, worked by hand.

The power plant sends 100 t of fly ash (EWC 10 01 02) a year to landfill and offers it at a
disposal cost of 50 元/t. The cement works, about 10 km away, requests 80 t a year for
cement, replacing limestone that costs 30 元/t. The zone's own compatibility row for fly
ash to cement sets a processing cost of 10 元/t and 0.8 t CO2e avoided per t.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ecoplan import Zone

PLANT = (121.60, 38.90)  # longitude, latitude [°]
WORKS = (121.70, 38.95)
ROAD_FACTOR = 1.3  # the matcher's default
TRANSPORT_RATE = 0.15  # 元 per t·km, the matcher's default for mass
ROAD_CO2 = 0.09696e-3  # t CO2e per t·km, the matcher's default
DISPOSAL_COST, VIRGIN_COST, PROCESSING_COST, CO2_FACTOR = 50.0, 30.0, 10.0, 0.8
OFFERED, REQUESTED = 100.0, 80.0  # t/a


def road_km() -> float:
    """Return the road distance plant to works: haversine on R = 6371.0088 km, times 1.3."""
    lon1, lat1, lon2, lat2 = (math.radians(v) for v in (*PLANT, *WORKS))
    half = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(half)) * ROAD_FACTOR


def expected_saving() -> float:
    """Return the yearly saving of moving 80 t [元/a]."""
    per_tonne = DISPOSAL_COST + VIRGIN_COST - TRANSPORT_RATE * road_km() - PROCESSING_COST
    return REQUESTED * per_tonne


def expected_co2() -> float:
    """Return the yearly CO2 avoided by moving 80 t [t CO2e/a]."""
    return REQUESTED * (CO2_FACTOR - ROAD_CO2 * road_km())


TABLES: dict[str, list[dict[str, Any]]] = {
    "zone": [
        {
            "zone_id": "ash",
            "name": "Ash park",
            "name_zh": "粉煤灰园区",
            "base_year": 2020,
            "currency": "CNY",
        }
    ],
    "sites": [
        {"site_id": "s_plant", "name": "Plant site", "longitude": PLANT[0], "latitude": PLANT[1]},
        {"site_id": "s_works", "name": "Works site", "longitude": WORKS[0], "latitude": WORKS[1]},
    ],
    "nodes": [
        {"node_id": "import", "name": "Imports", "kind": "import"},
        {
            "node_id": "plant",
            "name": "Power plant",
            "name_zh": "电厂",
            "kind": "process",
            "site_id": "s_plant",
        },
        {
            "node_id": "works",
            "name": "Cement works",
            "name_zh": "水泥厂",
            "kind": "process",
            "site_id": "s_works",
        },
        {"node_id": "landfill", "name": "Landfill", "name_zh": "填埋场", "kind": "landfill"},
        {"node_id": "export", "name": "Exports", "kind": "export"},
    ],
    "resources": [
        {
            "resource_id": "coal",
            "name": "Coal",
            "type": "energy",
            "dimension": "energy",
            "category": "fuel",
            "energy_source": "fossil",
        },
        {
            "resource_id": "ash",
            "name": "Fly ash",
            "name_zh": "粉煤灰",
            "type": "materials",
            "dimension": "mass",
            "category": "fly_ash",
            "taxonomy": "EWC",
            "code": "100102",
        },
        {
            "resource_id": "limestone",
            "name": "Limestone",
            "type": "materials",
            "dimension": "mass",
            "category": "raw_material",
            "origin": "virgin",
        },
        {
            "resource_id": "cement",
            "name": "Cement",
            "type": "materials",
            "dimension": "mass",
            "category": "product",
        },
    ],
    "flows": [
        {
            "flow_id": "f1",
            "from_node": "import",
            "to_node": "plant",
            "resource_id": "coal",
            "year": 2020,
            "amount": 1000,
            "unit": "MWh",
        },
        {
            "flow_id": "f2",
            "from_node": "plant",
            "to_node": "landfill",
            "resource_id": "ash",
            "year": 2020,
            "amount": OFFERED,
            "unit": "t",
            "stage": "disposal",
        },
        {
            "flow_id": "f3",
            "from_node": "import",
            "to_node": "works",
            "resource_id": "limestone",
            "year": 2020,
            "amount": 500,
            "unit": "t",
        },
        {
            "flow_id": "f4",
            "from_node": "works",
            "to_node": "export",
            "resource_id": "cement",
            "year": 2020,
            "amount": 450,
            "unit": "t",
        },
    ],
    "listings": [
        {
            "listing_id": "o_ash",
            "kind": "offer",
            "node_id": "plant",
            "resource_id": "ash",
            "amount": OFFERED,
            "unit": "t",
            "year": 2020,
            "disposal_cost": DISPOSAL_COST,
            "price_unit": "元/t",
        },
        {
            "listing_id": "r_cement",
            "kind": "request",
            "node_id": "works",
            "resource_id": "limestone",
            "use": "cement",
            "accepted": "100102",
            "amount": REQUESTED,
            "unit": "t",
            "year": 2020,
            "virgin_cost": VIRGIN_COST,
            "price_unit": "元/t",
        },
    ],
    "compatibility": [
        {
            "rule_id": "fa_cement",
            "offer_taxonomy": "EWC",
            "offer_code": "100102",
            "use": "cement",
            "processing_cost": PROCESSING_COST,
            "cost_unit": "元/t",
            "co2_factor": CO2_FACTOR,
            "source": "Worked example",
        },
    ],
}


def exchange_zone() -> Zone:
    """Return the zone above."""
    return Zone.from_tables(
        {name: pd.DataFrame(rows) for name, rows in TABLES.items()}, source="test"
    )

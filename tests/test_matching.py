"""Candidate generation: spatial index against brute force, quality, quantity, distance, money."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from ecoplan.exchange.compatibility import load_compatibility
from ecoplan.exchange.geo import haversine_km
from ecoplan.exchange.matching import DIRECT_RULES, find_candidates
from ecoplan.exchange.sources.frames import offer_frame, request_frame

TABLE = load_compatibility()
CODES = ["100102", "100105", "190805", "200108"]
USES = {
    "100102": "cement",
    "100105": "wallboard",
    "190805": "anaerobic_digestion",
    "200108": "anaerobic_digestion",
}


def _offer(
    listing_id: str, code: str, lon: float, lat: float, quantity: float = 100.0, **extra: object
) -> dict[str, object]:
    return {
        "listing_id": listing_id,
        "node_id": listing_id,
        "taxonomy": "EWC",
        "code": code,
        "quantity": quantity,
        "dimension": "mass",
        "longitude": lon,
        "latitude": lat,
        **extra,
    }


def _request(
    listing_id: str,
    use: str | None,
    lon: float,
    lat: float,
    quantity: float = 100.0,
    **extra: object,
) -> dict[str, object]:
    return {
        "listing_id": listing_id,
        "node_id": listing_id,
        "use": use,
        "quantity": quantity,
        "dimension": "mass",
        "longitude": lon,
        "latitude": lat,
        **extra,
    }


def _random_case(seed: int, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    offers = offer_frame(
        pd.DataFrame(
            [
                _offer(
                    f"o{i}",
                    str(rng.choice(CODES)),
                    rng.uniform(120, 123),
                    rng.uniform(38, 41),
                    quantity=float(rng.choice([0.0, 10.0, 50.0])),
                )
                for i in range(n)
            ]
        )
    )
    requests = request_frame(
        pd.DataFrame(
            [
                _request(
                    f"r{i}",
                    str(rng.choice(sorted(set(USES.values())))),
                    rng.uniform(120, 123),
                    rng.uniform(38, 41),
                    quantity=float(rng.choice([5.0, 20.0])),
                )
                for i in range(n)
            ]
        )
    )
    return offers, requests


def _brute_force(
    offers: pd.DataFrame, requests: pd.DataFrame, reach: float, road: float, minimum: float
) -> set[tuple[str, str]]:
    pairs = set()
    for (_, o), (_, r) in itertools.product(offers.iterrows(), requests.iterrows()):
        if USES[o["code"]] != r["use"]:
            continue
        if min(o["quantity"], r["quantity"]) <= minimum or o["quantity"] <= 0:
            continue
        km = float(haversine_km(o["longitude"], o["latitude"], r["longitude"], r["latitude"]))
        if km * road <= reach:
            pairs.add((o["listing_id"], r["listing_id"]))
    return pairs


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_candidates_equal_brute_force(seed: int) -> None:
    offers, requests = _random_case(seed, 120)
    found = find_candidates(
        offers, requests, TABLE, road_factor=1.3, max_distance_km=60.0, min_quantity=8.0
    )
    expected = _brute_force(offers, requests, 60.0, 1.3, 8.0)
    assert len(expected) > 50
    assert set(zip(found["offer_id"], found["request_id"], strict=True)) == expected
    assert not found.duplicated(["offer_id", "request_id"]).any()


def test_quality_limit_excludes_contaminated_offer() -> None:
    # EN 450-1 caps chloride in fly ash for concrete at 0.10 % (1,000 mg/kg); the rule also
    # limits LOI, SO3 and free CaO, so "clean" states all four to be fully checked.
    offers = offer_frame(
        pd.DataFrame(
            [
                _offer(
                    "clean",
                    "100102",
                    121.0,
                    39.0,
                    quality={"cl": 500.0, "loi": 40000.0, "so3": 1e4, "free_cao": 1e4},
                ),
                _offer("salty", "100102", 121.0, 39.0, quality={"cl": 2000.0, "loi": 40000.0}),
                _offer("unknown", "100102", 121.0, 39.0),
            ]
        )
    )
    requests = request_frame(pd.DataFrame([_request("plant", "concrete", 121.01, 39.0)]))
    found = find_candidates(offers, requests, TABLE).set_index("offer_id")
    assert set(found.index) == {"clean", "unknown"}
    assert bool(found.at["clean", "quality_known"])
    assert not bool(found.at["unknown", "quality_known"])


def test_request_limit_excludes_offer() -> None:
    offers = offer_frame(
        pd.DataFrame(
            [
                _offer("a", "100102", 121.0, 39.0, quality={"hg": 2.0}),
                _offer("b", "100102", 121.0, 39.0, quality={"hg": 0.5}),
            ]
        )
    )
    requests = request_frame(
        pd.DataFrame(
            [
                _request("plant", "cement", 121.0, 39.01, limits={"hg": ("<=", 1.0)}),
            ]
        )
    )
    found = find_candidates(offers, requests, TABLE)
    assert list(found["offer_id"]) == ["b"]


def test_distance_and_quantity_cutoffs() -> None:
    # 0.5° of latitude is 55.6 km; × road factor 1.3 = 72.3 km.
    offers = offer_frame(
        pd.DataFrame(
            [
                _offer("near", "100105", 10.0, 50.0),
                _offer("far", "100105", 10.0, 50.5),
                _offer("small", "100105", 10.0, 50.0, quantity=3.0),
            ]
        )
    )
    requests = request_frame(pd.DataFrame([_request("board", "wallboard", 10.0, 50.0)]))
    found = find_candidates(
        offers, requests, TABLE, road_factor=1.3, max_distance_km=70.0, min_quantity=5.0
    )
    assert list(found["offer_id"]) == ["near"]
    wider = find_candidates(offers, requests, TABLE, road_factor=1.3, max_distance_km=73.0)
    assert set(wider["offer_id"]) == {"near", "far", "small"}
    far = wider.set_index("offer_id").loc["far"]
    assert far["distance_km"] == pytest.approx(55.597 * 1.3, rel=1e-3)
    assert far["max_quantity"] == 100.0


def test_economics_by_hand() -> None:
    offers = offer_frame(
        pd.DataFrame(
            [
                _offer("ash", "100102", 10.0, 50.0, quantity=500.0, disposal_cost=40.0),
            ]
        )
    )
    requests = request_frame(
        pd.DataFrame(
            [
                _request("kiln", "cement", 10.0, 50.5, quantity=200.0, virgin_cost=30.0),
            ]
        )
    )
    found = find_candidates(
        offers, requests, TABLE, road_factor=1.0, transport_rate=0.2, co2_per_tkm=1e-4
    )
    row = found.iloc[0]
    distance = float(haversine_km(10.0, 50.0, 10.0, 50.5))
    assert row["distance_km"] == pytest.approx(distance)
    assert row["transport_cost"] == pytest.approx(0.2 * distance)
    assert row["net_saving"] == pytest.approx(40.0 + 30.0 - 0.2 * distance)
    assert row["missing"] == "processing_cost"
    assert bool(row["incomplete"])
    assert row["co2_avoided"] == pytest.approx(0.766 - 1e-4 * distance)
    assert row["max_quantity"] == 200.0


def test_heat_co2_factor_applied() -> None:
    offers = offer_frame(
        pd.DataFrame(
            [
                {
                    "listing_id": "steam",
                    "node_id": "p",
                    "category": "heat",
                    "quantity": 1000.0,
                    "dimension": "energy",
                    "longitude": 11.0,
                    "latitude": 55.0,
                },
            ]
        )
    )
    requests = request_frame(
        pd.DataFrame(
            [
                {
                    "listing_id": "town",
                    "node_id": "t",
                    "use": "district_heating",
                    "quantity": 800.0,
                    "dimension": "energy",
                    "longitude": 11.0,
                    "latitude": 55.01,
                },
            ]
        )
    )
    row = find_candidates(offers, requests, TABLE).iloc[0]
    assert row["rule_id"] == "heat_district"
    assert row["co2_avoided"] == pytest.approx(0.2252)
    assert row["transport_cost"] == 0.0


def test_accepted_substitute_and_same_node() -> None:
    offers = offer_frame(
        pd.DataFrame(
            [
                _offer("slag", "100202", 10.0, 50.0),
                _offer("own", "100202", 10.0, 50.0, node_id="mill"),
            ]
        )
    )
    requests = request_frame(
        pd.DataFrame(
            [
                {
                    "listing_id": "mill",
                    "node_id": "mill",
                    "quantity": 50.0,
                    "dimension": "mass",
                    "longitude": 10.0,
                    "latitude": 50.0,
                    "accepted": ["100202"],
                },
            ]
        )
    )
    found = find_candidates(offers, requests, TABLE)
    assert list(found["offer_id"]) == ["slag"]
    assert list(found["rule_id"]) == ["same_code"]


def test_road_factor_below_one_rejected() -> None:
    offers, requests = _random_case(1, 5)
    with pytest.raises(Exception, match="Road factor 0.9 is below 1"):
        find_candidates(offers, requests, TABLE, road_factor=0.9)


def test_rule_of_the_use_beats_direct_match() -> None:
    # The kiln's resource carries the offer's own code and the works accepts that code, so
    # both pairs also match directly. The rule fa_cement of their use must still be kept,
    # with its use and its CO2 factor (set to 0.8 t CO2e/t for the test).
    table = TABLE.copy()
    table.loc[table["rule_id"] == "fa_cement", "co2_factor"] = 0.8
    offers = offer_frame(pd.DataFrame([_offer("ash", "100102", 10.0, 50.0, quality={"loi": 4e4})]))
    requests = request_frame(
        pd.DataFrame(
            [
                _request("kiln", "cement", 10.0, 50.0, code="100102"),
                _request("works", "cement", 10.0, 50.0, accepted=["100102"]),
            ]
        )
    )
    found = find_candidates(offers, requests, table).set_index("request_id")
    for request in ("kiln", "works"):
        assert found.at[request, "rule_id"] == "fa_cement"
        assert found.at[request, "use"] == "cement"
        # same site, so no haulage emission is subtracted
        assert found.at[request, "co2_avoided"] == pytest.approx(0.8)
        assert bool(found.at[request, "quality_known"])


def test_direct_match_without_use_is_kept() -> None:
    # A request without a use gets the offer only through the code it accepts.
    offers = offer_frame(pd.DataFrame([_offer("ash", "100102", 10.0, 50.0)]))
    requests = request_frame(
        pd.DataFrame([_request("works", None, 10.0, 50.0, accepted=["100102"])])
    )
    found = find_candidates(offers, requests, TABLE)
    assert len(found) == 1
    assert found.iloc[0]["rule_id"] in DIRECT_RULES
    assert found.iloc[0]["use"] is None


def test_processing_cost_in_zone_currency() -> None:
    # WRAP's median gate fee for in-vessel composting of food waste is 46 GBP/t (row
    # food_compost). A GBP zone pays it. A CNY zone gets no cost, and the gap is named.
    offers = offer_frame(
        pd.DataFrame([_offer("food", "200108", 0.0, 51.5, quantity=100.0, disposal_cost=90.0)])
    )
    requests = request_frame(
        pd.DataFrame([_request("composter", "composting", 0.0, 51.6, virgin_cost=0.0)])
    )
    settings = {"road_factor": 1.0, "transport_rate": 0.2, "co2_per_tkm": 0.0}

    pound = find_candidates(offers, requests, load_compatibility(currency="GBP"), **settings)
    row = pound.iloc[0]
    assert row["processing_cost"] == pytest.approx(46.0)
    assert row["net_saving"] == pytest.approx(90.0 - 0.2 * row["distance_km"] - 46.0)
    assert "processing_cost" not in row["missing"]

    yuan = find_candidates(offers, requests, load_compatibility(currency="CNY"), **settings)
    assert np.isnan(yuan.iloc[0]["processing_cost"])
    assert "processing_cost(GBP)" in yuan.iloc[0]["missing"]


def test_coded_request_takes_only_its_code() -> None:
    # A cement works requests FGD gypsum (EWC 10 01 05) as set retarder. Fly ash (10 01 02)
    # serves the use "cement" through rule fa_cement, but the request names gypsum, so the
    # fly ash must not fill it. The gypsum matches directly, without a rule.
    offers = offer_frame(
        pd.DataFrame(
            [
                _offer("ash", "100102", 10.0, 50.0, category="fly_ash"),
                _offer("gypsum", "100105", 10.0, 50.0, category="fgd_gypsum"),
            ]
        )
    )
    requests = request_frame(
        pd.DataFrame([_request("retarder", "cement", 10.0, 50.01, code="100105")])
    )
    found = find_candidates(offers, requests, TABLE)
    assert list(found["offer_id"]) == ["gypsum"]
    assert list(found["rule_id"]) == ["same_code"]
    assert found.iloc[0]["use"] is None


def test_coded_request_takes_accepted_items() -> None:
    # The request names gypsum and accepts code 10 01 01 and category fly_ash. Bottom ash
    # (10 01 01) and fly ash (category fly_ash) come through the rule of the use, which
    # keeps its use. Steel slag (10 02 02) also serves cement by rule bfs_cement, but the
    # request does not name it, so it stays out.
    offers = offer_frame(
        pd.DataFrame(
            [
                _offer("ash", "100102", 10.0, 50.0, category="fly_ash"),
                _offer("bottom", "100101", 10.0, 50.0, category="bottom_ash_slag"),
                _offer("slag", "100202", 10.0, 50.0, category="bottom_ash_slag"),
            ]
        )
    )
    requests = request_frame(
        pd.DataFrame(
            [_request("kiln", "cement", 10.0, 50.01, code="100105", accepted=["100101", "fly_ash"])]
        )
    )
    found = find_candidates(offers, requests, TABLE).set_index("offer_id")
    assert set(found.index) == {"ash", "bottom"}
    assert found.at["ash", "rule_id"] == "fa_cement"
    assert found.at["ash", "use"] == "cement"
    assert found.at["bottom", "use"] == "cement"


def test_request_without_code_takes_rule_offers() -> None:
    # A generic input ("raw material" for cement) has no code: every offer that a rule links
    # to cement serves it, fly ash and bottom ash alike.
    offers = offer_frame(
        pd.DataFrame(
            [
                _offer("ash", "100102", 10.0, 50.0, category="fly_ash"),
                _offer("bottom", "100101", 10.0, 50.0, category="bottom_ash_slag"),
                _offer("gypsum", "100105", 10.0, 50.0, category="fgd_gypsum"),
            ]
        )
    )
    requests = request_frame(pd.DataFrame([_request("kiln", "cement", 10.0, 50.01)]))
    found = find_candidates(offers, requests, TABLE).set_index("offer_id")
    assert set(found.index) == {"ash", "bottom"}
    assert found.at["ash", "rule_id"] == "fa_cement"

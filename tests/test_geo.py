"""Great-circle distance, the TM35FIN inverse and the GeoJSON writer."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from ecoplan.exchange.geo import (
    chord_for_arc,
    haversine_km,
    line_feature,
    point_feature,
    unit_vectors,
    write_geojson,
)
from ecoplan.exchange.sources.tm35fin import to_lonlat

# City-centre coordinates (longitude, latitude) [°]: Beijing Tiananmen 116.3975, 39.9087;
# Shanghai People's Square 121.4737, 31.2304; London Charing Cross -0.1246, 51.5074;
# Paris Notre-Dame 2.3499, 48.8530. Published great-circle distances: Beijing–Shanghai
# about 1,067 km, London–Paris about 344 km.
CITY_PAIRS = [
    ((116.3975, 39.9087), (121.4737, 31.2304), 1067.0),
    ((-0.1246, 51.5074), (2.3499, 48.8530), 344.0),
]


@pytest.mark.parametrize(("start", "end", "expected"), CITY_PAIRS)
def test_distance_known_city_pairs(
    start: tuple[float, float], end: tuple[float, float], expected: float
) -> None:
    distance = float(haversine_km(start[0], start[1], end[0], end[1]))
    assert distance == pytest.approx(expected, rel=0.005)


def test_distance_symmetric_and_zero() -> None:
    assert float(haversine_km(10, 50, 10, 50)) == 0.0
    assert float(haversine_km(0, 0, 180, 0)) == pytest.approx(np.pi * 6371.0088)


def test_chord_matches_unit_vectors() -> None:
    a, b = unit_vectors([116.3975, 121.4737], [39.9087, 31.2304])
    chord = float(np.linalg.norm(a - b))
    assert chord == pytest.approx(
        chord_for_arc(float(haversine_km(116.3975, 39.9087, 121.4737, 31.2304)))
    )


def test_tm35fin_inverse_known_point() -> None:
    # On the central meridian (x = 500,000 m) the northing is 0.9996 × the GRS80 meridian
    # arc; the arc to 60° N, integrated numerically (scipy.integrate.quad), times 0.9996 is
    # 6,651,411.19 m, so the inverse must return 27° E, 60° N.
    longitude, latitude = to_lonlat([500000.0], [6651411.19])
    assert longitude[0] == pytest.approx(27.0, abs=1e-9)
    assert latitude[0] == pytest.approx(60.0, abs=1e-8)


def test_geojson_written(tmp_path: Path) -> None:
    features = [
        point_feature(11.09, 55.68, {"listing_id": "a", "quantity": np.float64(2.5)}),
        line_feature((11.09, 55.68), (9.75, 55.57), {"net_saving": float("nan")}),
    ]
    path = write_geojson(features, tmp_path / "x.geojson")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert data["features"][0]["geometry"]["coordinates"] == [11.09, 55.68]
    assert data["features"][0]["properties"]["quantity"] == 2.5
    assert data["features"][1]["properties"]["net_saving"] is None

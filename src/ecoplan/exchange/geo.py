"""Great-circle distances, unit vectors for spatial indexes, and a GeoJSON writer.

Distances use a spherical Earth of mean radius 6,371.0088 km (the IUGG mean radius R1),
which is within 0.5 % of the ellipsoidal distance for any pair of points.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius R1 of the IUGG [km]."""

FloatArray = npt.NDArray[np.float64]


def haversine_km(
    lon1: npt.ArrayLike, lat1: npt.ArrayLike, lon2: npt.ArrayLike, lat2: npt.ArrayLike
) -> FloatArray:
    """Return the great-circle distance between points given in degrees [km]."""
    lam1, phi1, lam2, phi2 = (
        np.radians(np.asarray(v, dtype=float)) for v in (lon1, lat1, lon2, lat2)
    )
    half = (
        np.sin((phi2 - phi1) / 2.0) ** 2
        + np.cos(phi1) * np.cos(phi2) * np.sin((lam2 - lam1) / 2.0) ** 2
    )
    return np.asarray(2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(half, 0.0, 1.0))))


def unit_vectors(longitude: npt.ArrayLike, latitude: npt.ArrayLike) -> FloatArray:
    """Return points as 3-D unit vectors (rows of x, y, z), for a Euclidean k-d tree."""
    lam = np.radians(np.asarray(longitude, dtype=float))
    phi = np.radians(np.asarray(latitude, dtype=float))
    return np.column_stack((np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)))


def chord_for_arc(distance_km: float) -> float:
    """Return the straight-line chord between unit vectors that are ``distance_km`` apart."""
    angle = min(distance_km / EARTH_RADIUS_KM, np.pi)
    return float(2.0 * np.sin(angle / 2.0))


def point_feature(
    longitude: float, latitude: float, properties: Mapping[str, Any]
) -> dict[str, Any]:
    """Return a GeoJSON point feature (coordinates in WGS84 degrees)."""
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [float(longitude), float(latitude)]},
        "properties": _plain(properties),
    }


def line_feature(
    start: tuple[float, float], end: tuple[float, float], properties: Mapping[str, Any]
) -> dict[str, Any]:
    """Return a GeoJSON line feature from ``start`` to ``end`` (each longitude, latitude)."""
    return {
        "type": "Feature",
        "geometry": {
            "type": "LineString",
            "coordinates": [[float(start[0]), float(start[1])], [float(end[0]), float(end[1])]],
        },
        "properties": _plain(properties),
    }


def write_geojson(features: Iterable[dict[str, Any]], path: str | Path) -> Path:
    """Write ``features`` as a GeoJSON FeatureCollection (RFC 7946) and return the path."""
    path = Path(path)
    collection = {"type": "FeatureCollection", "features": list(features)}
    path.write_text(json.dumps(collection, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _plain(properties: Mapping[str, Any]) -> dict[str, Any]:
    """Return properties with NumPy scalars turned into Python values and NaN into null."""
    plain: dict[str, Any] = {}
    for key, value in properties.items():
        if isinstance(value, np.generic):
            value = value.item()
        if isinstance(value, float) and not np.isfinite(value):
            value = None
        plain[str(key)] = value
    return plain

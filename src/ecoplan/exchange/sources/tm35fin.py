"""Inverse of the Finnish national grid ETRS-TM35FIN (EPSG:3067) to WGS84 degrees.

Transverse Mercator on the GRS80 ellipsoid, central meridian 27° E, scale 0.9996, false
easting 500,000 m. The inverse uses the footpoint-latitude series of Snyder (1987) Map
Projections — A Working Manual, USGS Professional Paper 1395, pp. 63–64, which is accurate
to well under a metre within the zone. ETRS89 and WGS84 differ by less than a metre.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

_A = 6378137.0
_F = 1 / 298.257222101
_K0 = 0.9996
_LON0 = np.radians(27.0)
_FALSE_EASTING = 500000.0


def to_lonlat(x: npt.ArrayLike, y: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Return (longitude, latitude) [°] of TM35FIN easting ``x`` and northing ``y`` [m]."""
    e2 = _F * (2 - _F)
    ep2 = e2 / (1 - e2)
    m = np.asarray(y, dtype=float) / _K0
    mu = m / (_A * (1 - e2 / 4 - 3 * e2**2 / 64 - 5 * e2**3 / 256))
    e1 = (1 - np.sqrt(1 - e2)) / (1 + np.sqrt(1 - e2))
    phi1 = (
        mu
        + (3 * e1 / 2 - 27 * e1**3 / 32) * np.sin(2 * mu)
        + (21 * e1**2 / 16 - 55 * e1**4 / 32) * np.sin(4 * mu)
        + (151 * e1**3 / 96) * np.sin(6 * mu)
        + (1097 * e1**4 / 512) * np.sin(8 * mu)
    )
    c1 = ep2 * np.cos(phi1) ** 2
    t1 = np.tan(phi1) ** 2
    n1 = _A / np.sqrt(1 - e2 * np.sin(phi1) ** 2)
    r1 = _A * (1 - e2) / (1 - e2 * np.sin(phi1) ** 2) ** 1.5
    d = (np.asarray(x, dtype=float) - _FALSE_EASTING) / (n1 * _K0)
    lat = phi1 - (n1 * np.tan(phi1) / r1) * (
        d**2 / 2
        - (5 + 3 * t1 + 10 * c1 - 4 * c1**2 - 9 * ep2) * d**4 / 24
        + (61 + 90 * t1 + 298 * c1 + 45 * t1**2 - 252 * ep2 - 3 * c1**2) * d**6 / 720
    )
    lon = _LON0 + (
        d
        - (1 + 2 * t1 + c1) * d**3 / 6
        + (5 - 2 * c1 + 28 * t1 - 3 * c1**2 + 8 * ep2 + 24 * t1**2) * d**5 / 120
    ) / np.cos(phi1)
    return np.degrees(lon), np.degrees(lat)

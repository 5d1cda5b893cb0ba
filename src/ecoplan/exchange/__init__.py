"""By-product exchange: listings, compatibility, matching and the exchange network.

Offers and requests come from the zone's ``listings`` table and from its flows to landfill,
incineration and discharge (:func:`listings_from_zone`); the compatibility table says which
by-product can serve which use (:func:`load_compatibility`); :func:`find_candidates` pairs
them with a spatial index and prices each pair.
"""

from __future__ import annotations

from ecoplan.exchange.compatibility import load_compatibility
from ecoplan.exchange.listings import listings_from_zone
from ecoplan.exchange.matching import find_candidates

__all__ = ["find_candidates", "listings_from_zone", "load_compatibility"]

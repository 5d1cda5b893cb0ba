"""By-product exchange: listings, compatibility, matching and the exchange network.

Offers and requests come from the zone's ``listings`` table and from its flows to landfill,
incineration and discharge (:func:`listings_from_zone`); the compatibility table says which
by-product can serve which use (:func:`load_compatibility`); :func:`find_candidates` pairs
them with a spatial index and prices each pair; :func:`optimise_exchange` chooses the
network (an :class:`ExchangeResult`); :func:`apply_exchanges` and :func:`indicator_change`
show what it changes in the zone. :func:`locate_hubs` places broker hubs, and
:class:`MaterialsRecoveryFacility` sorts mixed streams into offers.
"""

from __future__ import annotations

from ecoplan.exchange.broker import HubResult, locate_hubs
from ecoplan.exchange.compatibility import load_compatibility
from ecoplan.exchange.errors import ExchangeError
from ecoplan.exchange.geo import haversine_km, write_geojson
from ecoplan.exchange.impact import apply_exchanges, indicator_change
from ecoplan.exchange.listings import listings_from_zone
from ecoplan.exchange.matching import find_candidates
from ecoplan.exchange.network import ExchangeResult, ExchangeStatus, optimise_exchange
from ecoplan.exchange.recovery_facility import MaterialsRecoveryFacility

__all__ = [
    "ExchangeError",
    "ExchangeResult",
    "ExchangeStatus",
    "HubResult",
    "MaterialsRecoveryFacility",
    "apply_exchanges",
    "find_candidates",
    "haversine_km",
    "indicator_change",
    "listings_from_zone",
    "load_compatibility",
    "locate_hubs",
    "optimise_exchange",
    "write_geojson",
]

"""Importers that turn public facility data sets into exchange listings.

Each returns ``(offers, requests)`` frames with the columns of
:mod:`ecoplan.exchange.matching`. Requests are inferred from each facility's activity code
(E-PRTR Annex I or NAICS) through the uses of the compatibility table; what a facility does
with its own waste is not in these data, so the inferred codes are estimates.
"""

from __future__ import annotations

from ecoplan.exchange.sources.finland import read_finnish_prtr
from ecoplan.exchange.sources.kalundborg import KNOWN_LINKS, kalundborg_listings
from ecoplan.exchange.sources.tri import read_tri

__all__ = ["KNOWN_LINKS", "kalundborg_listings", "read_finnish_prtr", "read_tri"]

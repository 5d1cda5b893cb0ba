"""Errors of the by-product exchange."""

from __future__ import annotations

from ecoplan.errors import EcoplanError


class ExchangeError(EcoplanError):
    """A listing, a compatibility rule or a matching setting is invalid."""

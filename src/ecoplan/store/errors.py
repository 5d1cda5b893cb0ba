"""Error raised by the store."""

from __future__ import annotations

from ecoplan.errors import EcoplanError


class StoreError(EcoplanError):
    """The database cannot be opened, or a zone cannot be saved, found or deleted."""

"""Persistence of zones in a SQL database: SQLite by default, PostgreSQL for servers.

Example::

    from ecoplan.store import Store

    store = Store()      # the SQLite file in $ECOPLAN_HOME, or $ECOPLAN_DATABASE_URL
    store.save(zone)     # replaces a stored zone with the same zone_id, all or nothing
    store.load("tiny")   # validated again, with source "store:tiny"

Opening a store runs the Alembic migrations in ``migrations/`` up to the newest revision.
"""

from ecoplan.store.errors import StoreError
from ecoplan.store.location import default_url
from ecoplan.store.store import Store

__all__ = ["Store", "StoreError", "default_url"]

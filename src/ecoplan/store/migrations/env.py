"""Alembic environment of the ecoplan store.

:func:`ecoplan.store.migrate.upgrade` passes an open connection in
``config.attributes["connection"]``. Without one (the ``alembic`` command run by a developer
with ``-c src/ecoplan/store/alembic.ini``), the URL comes from ``ECOPLAN_DATABASE_URL`` or the
``sqlalchemy.url`` option. Logging is left to the application.
"""

from __future__ import annotations

import os

import sqlalchemy as sa
from alembic import context

from ecoplan.store.migrate import VERSION_TABLE
from ecoplan.store.tables import metadata


def _run(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = os.environ.get("ECOPLAN_DATABASE_URL") or context.config.get_main_option("sqlalchemy.url")
    engine = sa.create_engine(str(url))
    with engine.begin() as own_connection:
        _run(own_connection)
    engine.dispose()


if context.is_offline_mode():
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    _run_online()

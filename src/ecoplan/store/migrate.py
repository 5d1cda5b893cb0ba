"""Bring a database up to the newest store schema with the Alembic migrations shipped here."""

from __future__ import annotations

import logging
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "ecoplan_store_version"
"""Alembic's version table of the store; its own name, so other parts may use Alembic too."""

_LOCK_KEY = 7_246_150_431
"""Key of the PostgreSQL advisory lock that serialises concurrent upgrades."""


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """Return an Alembic configuration for the store's migrations, bound to ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    """Return the newest migration's revision identifier."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: sa.Connection) -> str | None:
    """Return the revision the database is at, or ``None`` for a database without the store."""
    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return context.get_current_revision()


def upgrade(engine: sa.Engine) -> None:
    """Apply every migration the database lacks, in one transaction where the back end allows.

    Servers that open the same new PostgreSQL database at once take turns through an advisory
    lock, so each migration runs once.
    """
    head = head_revision()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
        current = current_revision(connection)
        if current == head:
            return
        log.info(
            "Upgrading the store schema of %s from %s to %s",
            engine.url.render_as_string(hide_password=True),
            current,
            head,
        )
        command.upgrade(alembic_config(connection), "head")

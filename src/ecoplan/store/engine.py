"""Opening a database: the SQLAlchemy engine, with real transactions and foreign keys on SQLite."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from ecoplan.i18n import _
from ecoplan.store import location
from ecoplan.store.errors import StoreError


def open_engine(url: str) -> sa.Engine:
    """Return an engine for ``url``; the folder of a SQLite file is created if missing.

    Raises
    ------
    StoreError
        If the URL is invalid, its driver is not installed, or the folder cannot be created.
    """
    parsed = _parse(url)
    database_file = location.sqlite_file(parsed)
    if database_file is not None:
        _make_folder(database_file, parsed)

    options: dict[str, Any] = {}
    if database_file is not None:
        options["poolclass"] = NullPool  # a file connection is cheap; none is left open
    elif parsed.get_backend_name() != "sqlite":
        options["pool_pre_ping"] = True
    try:
        engine = sa.create_engine(parsed, **options)
    except (sa.exc.ArgumentError, ImportError) as error:
        message = _(
            "The database driver for {url} is not installed: {reason}. For PostgreSQL, "
            "install psycopg: pip install 'psycopg[binary]'."
        )
        display = parsed.render_as_string(hide_password=True)
        raise StoreError(message.format(url=display, reason=error)) from error

    if engine.dialect.name == "sqlite":
        _use_sqlite_transactions(engine)
    return engine


def _parse(url: str) -> sa.URL:
    try:
        return sa.make_url(url)
    except sa.exc.ArgumentError as error:
        message = _(
            "Invalid database URL {url!r}. Expected: a URL such as "
            "sqlite:////path/to/ecoplan.sqlite or "
            "postgresql+psycopg://user:password@host:5432/ecoplan."
        )
        raise StoreError(message.format(url=url)) from error


def _make_folder(database_file: Any, parsed: sa.URL) -> None:
    try:
        database_file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        message = _(
            "Cannot create the folder {folder} for the database {url}: {reason}. "
            "Set ECOPLAN_HOME to a folder you can write to."
        )
        raise StoreError(
            message.format(folder=database_file.parent, url=parsed.render_as_string(), reason=error)
        ) from error


def _use_sqlite_transactions(engine: sa.Engine) -> None:
    """Make SQLite enforce foreign keys and run every transaction from an explicit ``BEGIN``.

    Python's sqlite3 module starts a transaction only before a data change, so the reads of
    one load could see two different commits, and schema changes would not roll back. Turning
    its own handling off and emitting ``BEGIN`` when SQLAlchemy begins fixes both.
    """

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql("BEGIN")

"""The store: zones kept in a SQL database (SQLite by default, PostgreSQL for servers)."""

from __future__ import annotations

import logging
from types import TracebackType

import pandas as pd
import sqlalchemy as sa

from ecoplan.i18n import _
from ecoplan.model import schema
from ecoplan.model.zone import Zone
from ecoplan.store import location, migrate, rows
from ecoplan.store.engine import open_engine
from ecoplan.store.errors import StoreError
from ecoplan.store.insert import insert_rows
from ecoplan.store.tables import POSITION, TABLES, ZONE_KEY, ZONES

log = logging.getLogger(__name__)


class Store:
    """Zones kept in a SQL database, created and upgraded with Alembic when opened.

    Parameters
    ----------
    url
        SQLAlchemy database URL, such as ``sqlite:////path/ecoplan.sqlite`` or
        ``postgresql+psycopg://user:password@host/ecoplan``. Default:
        ``$ECOPLAN_DATABASE_URL``, else the SQLite file in ``$ECOPLAN_HOME`` (or
        ``~/.local/share/ecoplan``).

    Raises
    ------
    StoreError
        If the URL is invalid or the database cannot be opened or upgraded.
    """

    def __init__(self, url: str | None = None) -> None:
        self.url = location.database_url(url)
        self.display_url = location.hide_password(self.url)
        self.engine = open_engine(self.url)
        try:
            migrate.upgrade(self.engine)
        except sa.exc.SQLAlchemyError as error:
            self.engine.dispose()
            message = _(
                "Cannot open the database {url}: {reason}. Check the URL (--db or "
                "ECOPLAN_DATABASE_URL) and that the database server is running."
            )
            raise StoreError(message.format(url=self.display_url, reason=_reason(error))) from error

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close every connection of the store."""
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Store({self.display_url!r})"

    def save(self, zone: Zone) -> None:
        """Store ``zone``, replacing any stored zone with the same ``zone_id``.

        One transaction does it all: if any row fails, nothing of ``zone`` is stored and the
        zone stored before stays as it was.

        Raises
        ------
        StoreError
            If the database rejects a row or cannot be reached.
        """
        zone_id = zone.zone_id
        tables = zone.to_tables()
        try:
            with self.engine.begin() as connection:
                connection.execute(sa.delete(ZONES).where(ZONES.c[ZONE_KEY] == zone_id))
                connection.execute(sa.insert(ZONES), [rows.zone_row(zone_id, tables["zone"])])
                for name, table in TABLES.items():
                    if name != "zone" and name in tables:
                        keys, values = rows.table_rows(zone_id, name, tables[name])
                        insert_rows(connection, table, keys, values)
        except sa.exc.SQLAlchemyError as error:
            message = _(
                "Saving zone {zone_id!r} in {url} failed, so nothing of it was stored "
                "and the zone stored before is unchanged: {reason}"
            )
            raise StoreError(
                message.format(zone_id=zone_id, url=self.display_url, reason=_reason(error))
            ) from error
        log.info("Stored zone %s (%d flows) in %s", zone_id, len(tables["flows"]), self.display_url)

    def load(self, zone_id: str) -> Zone:
        """Return the stored zone ``zone_id``, validated again as any input is.

        Raises
        ------
        StoreError
            If no zone ``zone_id`` is stored, or the database cannot be read.
        InputError
            If the stored rows are no longer valid (for example after a vocabulary change).
        """
        try:
            with _snapshot(self.engine) as connection:
                frames = _read_tables(connection, zone_id)
        except sa.exc.SQLAlchemyError as error:
            raise StoreError(self._failure(error)) from error
        if frames is None:
            raise StoreError(self._not_found(zone_id))
        return Zone.from_tables(frames, source=f"store:{zone_id}")

    def list(self) -> list[tuple[str, str, int]]:
        """Return ``(zone_id, name, number of flows)`` of every stored zone, by ``zone_id``."""
        flows = TABLES["flows"]
        query = (
            sa.select(ZONES.c[ZONE_KEY], ZONES.c.name, sa.func.count(flows.c[POSITION]))
            .select_from(ZONES.outerjoin(flows, flows.c[ZONE_KEY] == ZONES.c[ZONE_KEY]))
            .group_by(ZONES.c[ZONE_KEY], ZONES.c.name)
            .order_by(ZONES.c[ZONE_KEY])
        )
        try:
            with self.engine.connect() as connection:
                result = connection.execute(query).all()
        except sa.exc.SQLAlchemyError as error:
            raise StoreError(self._failure(error)) from error
        return [(str(zone_id), str(name), int(count)) for zone_id, name, count in result]

    def delete(self, zone_id: str) -> None:
        """Delete the stored zone ``zone_id`` and all its rows.

        Raises
        ------
        StoreError
            If no zone ``zone_id`` is stored, or the database cannot be written.
        """
        try:
            with self.engine.begin() as connection:
                result = connection.execute(sa.delete(ZONES).where(ZONES.c[ZONE_KEY] == zone_id))
        except sa.exc.SQLAlchemyError as error:
            raise StoreError(self._failure(error)) from error
        if result.rowcount == 0:
            raise StoreError(self._not_found(zone_id))
        log.info("Deleted zone %s from %s", zone_id, self.display_url)

    def _not_found(self, zone_id: str) -> str:
        stored = ", ".join(stored_id for stored_id, _name, _flows in self.list()) or _("none")
        message = _(
            "Zone {zone_id!r} is not stored in {url} (stored zones: {stored}). "
            "Import it first with: ecoplan import FILE"
        )
        return message.format(zone_id=zone_id, url=self.display_url, stored=stored)

    def _failure(self, error: sa.exc.SQLAlchemyError) -> str:
        message = _("Reading or writing the database {url} failed: {reason}")
        return message.format(url=self.display_url, reason=_reason(error))


def _read_tables(connection: sa.Connection, zone_id: str) -> dict[str, pd.DataFrame] | None:
    """Return the stored tables of ``zone_id`` as DataFrames, or ``None`` if it is not stored."""
    frames: dict[str, pd.DataFrame] = {}
    for name, table in TABLES.items():
        columns = [table.c[column] for column in schema.column_names(name)]
        query = sa.select(*columns).where(table.c[ZONE_KEY] == zone_id)
        if name != "zone":
            query = query.order_by(table.c[POSITION])
        frames[name] = rows.rows_frame(name, connection.execute(query).all())
        if name == "zone" and frames[name].empty:
            return None
    return frames


def _snapshot(engine: sa.Engine) -> sa.Connection:
    """Return a connection whose reads all see the same committed state of the database."""
    connection = engine.connect()
    if engine.dialect.name == "postgresql":
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
    return connection


def _reason(error: BaseException) -> str:
    """Return the database's own message of ``error``, on one line, without the SQL."""
    original = getattr(error, "orig", None) or error
    return " ".join(str(original).split())[:1000]

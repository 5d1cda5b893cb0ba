"""The database tables of the store, generated from the zone schema (``schema.csv``).

The ``zones`` table contains one row per zone: the columns of the schema's ``zone`` table, keyed
by ``zone_id``. Every other schema table becomes ``zone_<table>``, with ``zone_id`` (a foreign
key to ``zones`` with ``ON DELETE CASCADE``), ``position`` (the row's place in its table, from 0)
and the schema columns as entered. Derived columns such as ``flows.quantity`` are not stored:
loading rebuilds them through validation.

The migrations under ``migrations/versions`` create the same tables written out explicitly; a
change to ``schema.csv`` needs a new migration, and ``tests/test_store_schema.py`` fails until
it has one.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from ecoplan.model import schema

ZONE_KEY = "zone_id"
POSITION = "position"

NAMING_CONVENTION = {
    "pk": "pk_%(table_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
}

_SQL_TYPES: dict[str, type[sa.types.TypeEngine[Any]]] = {
    "id": sa.Text,
    "text": sa.Text,
    "code": sa.Text,
    "ref": sa.Text,
    "choice": sa.Text,
    "unit": sa.Text,
    "float": sa.Double,
    "amount": sa.Double,
    "year": sa.Integer,
    "bool": sa.Boolean,
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


def table_name(table: str) -> str:
    """Return the name of the database table that stores the schema table ``table``."""
    return "zones" if table == "zone" else f"zone_{table}"


def sql_type(column: schema.Column) -> sa.types.TypeEngine[Any]:
    """Return the SQL type of a schema column (text, double, integer or boolean)."""
    return _SQL_TYPES[column.type]()


def _schema_columns(table: str) -> list[sa.Column[Any]]:
    return [
        sa.Column(column.name, sql_type(column), nullable=not column.required)
        for column in schema.columns(table)
        if not (table == "zone" and column.name == ZONE_KEY)
    ]


def _zones_table() -> sa.Table:
    return sa.Table(
        table_name("zone"),
        metadata,
        sa.Column(ZONE_KEY, sa.Text, primary_key=True),
        *_schema_columns("zone"),
    )


def _child_table(table: str) -> sa.Table:
    clashes = {ZONE_KEY, POSITION} & set(schema.column_names(table))
    if clashes:
        message = f"Schema table {table!r} has columns {sorted(clashes)} that the store reserves."
        raise RuntimeError(message)
    identifier = schema.id_column(table)
    unique = [sa.UniqueConstraint(ZONE_KEY, identifier)] if identifier else []
    return sa.Table(
        table_name(table),
        metadata,
        sa.Column(
            ZONE_KEY,
            sa.Text,
            sa.ForeignKey(f"{table_name('zone')}.{ZONE_KEY}", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(POSITION, sa.Integer, primary_key=True, autoincrement=False),
        *_schema_columns(table),
        *unique,
    )


ZONES = _zones_table()
"""One row per stored zone: the schema's ``zone`` table."""

TABLES: dict[str, sa.Table] = {
    "zone": ZONES,
    **{table: _child_table(table) for table in schema.TABLES if table != "zone"},
}
"""Database table of each schema table, in schema order (referenced tables first)."""

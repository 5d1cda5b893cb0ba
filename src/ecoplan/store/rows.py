"""Conversion between zone tables (pandas DataFrames) and database rows (plain Python values)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ecoplan.model import schema
from ecoplan.store.tables import POSITION, ZONE_KEY


def cell_value(value: Any) -> Any:
    """Return a cell as a plain Python value for the database driver; absent cells are ``None``.

    ``NaN``, ``pd.NA`` and ``None`` all mean an absent value and become SQL ``NULL``.
    """
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def column_values(frame: pd.DataFrame, column: str) -> list[Any]:
    """Return one column as Python values: ``int``, ``float``, ``bool``, ``str`` or ``None``."""
    if column not in frame.columns:
        return [None] * len(frame)
    return [cell_value(value) for value in frame[column].astype(object).tolist()]


def zone_row(zone_id: str, frame: pd.DataFrame) -> dict[str, Any]:
    """Return the row of the ``zones`` table: the zone key and the schema's ``zone`` columns."""
    names = [name for name in schema.column_names("zone") if name != ZONE_KEY]
    return {ZONE_KEY: zone_id, **{name: column_values(frame, name)[0] for name in names}}


def table_rows(zone_id: str, table: str, frame: pd.DataFrame) -> tuple[list[str], list[tuple]]:
    """Return the column names and the rows of one zone table, ready for insertion.

    Each row contains the zone key, the row's position in the table (from 0) and the schema
    columns as entered, in the order of the names.
    """
    names = schema.column_names(table)
    columns = [column_values(frame, name) for name in names]
    keys = [ZONE_KEY, POSITION, *names]
    rows = list(zip([zone_id] * len(frame), range(len(frame)), *columns, strict=True))
    return keys, rows


def rows_frame(table: str, rows: Sequence[tuple[Any, ...]]) -> pd.DataFrame:
    """Return the rows read from the database as a DataFrame with the schema columns of ``table``.

    ``rows`` contain the schema columns in schema order; cells keep their Python values, so
    validation reads them as it reads any file.
    """
    names = schema.column_names(table)
    return pd.DataFrame.from_records(list(rows), columns=names, coerce_float=False)

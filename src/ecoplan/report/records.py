"""Plain records from pandas and dataclass results, ready for JSON and CSV."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd


def plain(value: Any) -> Any:
    """Return ``value`` as a JSON-native Python value; NaN, NA and NaT become ``None``."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset | np.ndarray | pd.Series):
        return [plain(item) for item in value]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Return the rows of ``frame`` as plain dicts (column name to plain value)."""
    return [
        {str(column): plain(value) for column, value in row.items()}
        for row in frame.to_dict(orient="records")
    ]


def object_records(items: Iterable[Any]) -> list[dict[str, Any]]:
    """Return dataclass instances (or objects with attributes) as plain dicts."""
    records = []
    for item in items:
        is_instance = dataclasses.is_dataclass(item) and not isinstance(item, type)
        fields = dataclasses.asdict(item) if is_instance else vars(item)
        records.append({name: plain(value) for name, value in fields.items()})
    return records

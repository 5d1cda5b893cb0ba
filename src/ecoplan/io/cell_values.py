"""Typed zone cells back to plain values, for the writers."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd


def plain(value: Any) -> Any:
    """Return a cell as ``None``, ``bool``, ``int``, ``float`` or ``str``."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return None if math.isnan(value) else float(value)
    return value


def plain_rows(frame: pd.DataFrame) -> Iterator[list[Any]]:
    """Yield each row of ``frame`` as a list of plain values."""
    columns = [frame[name].tolist() for name in frame.columns]
    for row in zip(*columns, strict=True):
        yield [plain(value) for value in row]


def as_text(value: Any) -> str:
    """Return a plain value as CSV text: empty for missing, TRUE/FALSE, exact floats."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def text_rows(frame: pd.DataFrame) -> Iterator[list[str]]:
    """Yield each row of ``frame`` as CSV text cells."""
    for row in plain_rows(frame):
        yield [as_text(value) for value in row]

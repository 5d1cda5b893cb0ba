"""Reading whole columns of cells at once: the fast path for the common cells of large tables.

:func:`classify` sorts the cells of a column by Python type and finds the blank ones. Each
``read_*`` function then returns ``(values, resolved)``: ``values`` is an object array with the
parsed value of every resolved cell, and ``resolved`` marks the non-blank cells read here
without a problem. Only plain ``str``, ``float``, ``int`` and ``bool`` cells that the
per-cell readers of :mod:`ecoplan.model.cells` would accept are resolved, with the same value.
Every other cell (dates, spreadsheet errors, full-width digits, thousands separators, bad
text) is left to those per-cell readers, so the fast path never decides a problem.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ecoplan import units
from ecoplan.errors import UnitError
from ecoplan.model import cells

_NONE, _STR, _FLOAT, _INT, _BOOL = (
    id(type(None)),
    id(str),
    (id(float), id(np.float64)),
    (id(int), id(np.int64)),
    id(bool),
)
"""Identities of the cell types read in bulk, compared with ``id(type(cell))``. Exact types
only: a subclass such as ``numpy.str_`` is read one cell at a time."""
_FLAGS = {**dict.fromkeys(cells.FALSE_WORDS, False), **dict.fromkeys(cells.TRUE_WORDS, True)}


@dataclass(frozen=True)
class ColumnCells:
    """The cells of one column, sorted by Python type, with their blank ones."""

    objects: np.ndarray
    """Each cell as the Python object that ``Series.tolist()`` returns."""
    blank: np.ndarray
    """Whether each cell is blank: the result of :func:`cells.is_blank` for every cell."""
    text: np.ndarray
    """Whether each cell is a non-blank ``str``."""
    stripped: np.ndarray
    """The text of each ``str`` cell without surrounding white space, and ``None`` elsewhere."""
    floats: np.ndarray
    """Whether each cell is a non-blank ``float`` or ``numpy.float64``."""
    ints: np.ndarray
    """Whether each cell is an ``int`` or ``numpy.int64`` (never a ``bool``)."""
    bools: np.ndarray
    """Whether each cell is a ``bool``."""

    def take(self, rows: np.ndarray) -> ColumnCells:
        """Return the cells of the rows that the boolean mask ``rows`` selects."""
        return ColumnCells(**{name: array[rows] for name, array in vars(self).items()})


def classify(series: pd.Series) -> ColumnCells:
    """Sort the cells of ``series`` by type and find the blank ones."""
    if series.dtype == object:
        objects = series.to_numpy()
    else:
        objects = np.empty(len(series), dtype=object)
        objects[:] = series.tolist()
    kinds = np.fromiter(map(id, map(type, objects)), dtype=np.intp, count=len(objects))
    is_str = kinds == _STR
    is_float = np.isin(kinds, _FLOAT)
    is_int = np.isin(kinds, _INT)
    is_bool = kinds == _BOOL
    is_none = kinds == _NONE

    stripped = np.full(len(objects), None, dtype=object)
    stripped[is_str] = [value.strip() for value in objects[is_str]]
    blank = is_none | (is_str & (stripped == ""))
    blank[is_float] = np.isnan(objects[is_float].astype(np.float64))
    other = ~(is_none | is_str | is_float | is_int | is_bool)
    blank[other] = [cells.is_blank(value) for value in objects[other]]

    return ColumnCells(
        objects=objects,
        blank=blank,
        text=is_str & ~blank,
        stripped=stripped,
        floats=is_float & ~blank,
        ints=is_int,
        bools=is_bool,
    )


def read_numbers(column: ColumnCells) -> tuple[np.ndarray, np.ndarray]:
    """Read plain numbers: finite floats, ints, and ASCII decimal text such as ``-1.5e3``."""
    values = np.full(len(column.objects), None, dtype=object)
    numbers = np.full(len(column.objects), np.nan)
    numbers[column.floats] = column.objects[column.floats].astype(np.float64)
    numbers[column.ints] = column.objects[column.ints].astype(np.float64)

    # Text that is not a plain number stays NaN, so it is left to the per-cell reader.
    parsed = _per_distinct_text(column.stripped[column.text], _plain_number)
    numbers[column.text] = parsed.astype(np.float64)

    resolved = (column.floats | column.ints | column.text) & np.isfinite(numbers)
    values[resolved] = numbers[resolved].tolist()
    return values, resolved


def _plain_number(text: str) -> float:
    """Return the number that ``text`` spells in plain ASCII digits, or NaN."""
    return float(text) if cells.NUMBER.match(text) else np.nan


def read_amounts(column: ColumnCells) -> tuple[np.ndarray, np.ndarray]:
    """Read numbers of zero or more; a negative one is left unresolved."""
    values, resolved = read_numbers(column)
    numbers = np.where(resolved, values, np.nan).astype(np.float64)
    resolved &= ~(numbers < 0)
    values[~resolved] = None
    return values, resolved


def read_years(column: ColumnCells) -> tuple[np.ndarray, np.ndarray]:
    """Read whole years between 1800 and 2200."""
    values, resolved = read_numbers(column)
    numbers = np.where(resolved, values, np.nan).astype(np.float64)
    resolved &= (numbers == np.floor(numbers)) & (numbers >= 1800) & (numbers <= 2200)
    values[:] = None
    values[resolved] = numbers[resolved].astype(np.int64).tolist()
    return values, resolved


def read_flags(column: ColumnCells) -> tuple[np.ndarray, np.ndarray]:
    """Read ``bool`` cells and flag text such as ``TRUE``, ``是`` or ``0``."""
    values = np.full(len(column.objects), None, dtype=object)
    values[column.bools] = column.objects[column.bools]
    values[column.text] = _per_distinct_text(column.stripped[column.text], _flag)
    resolved = column.bools | (column.text & pd.notna(values))
    return values, resolved


def _flag(text: str) -> bool | None:
    folded = text.casefold()
    return _FLAGS.get(folded[:-2] if folded.endswith(".0") else folded)


def read_text(column: ColumnCells) -> tuple[np.ndarray, np.ndarray]:
    """Read text cells, without surrounding white space."""
    values = np.full(len(column.objects), None, dtype=object)
    values[column.text] = column.stripped[column.text]
    return values, column.text.copy()


def read_choices(column: ColumnCells, accepted: dict[str, str]) -> tuple[np.ndarray, np.ndarray]:
    """Read text that names a vocabulary entry; ``accepted`` maps folded text to its identifier."""
    values = np.full(len(column.objects), None, dtype=object)
    values[column.text] = _per_distinct_text(
        column.stripped[column.text], lambda text: accepted.get(text.casefold())
    )
    return values, column.text & pd.notna(values)


def read_units(column: ColumnCells) -> tuple[np.ndarray, np.ndarray]:
    """Read unit text that :func:`ecoplan.units.parse_unit` accepts, parsing each text once."""
    values, resolved = read_text(column)
    resolved[resolved] = _per_distinct_text(values[resolved], _is_unit).astype(bool)
    values[~resolved] = None
    return values, resolved


def _is_unit(text: str) -> bool:
    try:
        units.parse_unit(text)
    except UnitError:
        return False
    return True


def _per_distinct_text(texts: np.ndarray, function: Callable[[str], Any]) -> np.ndarray:
    """Apply ``function`` once to each distinct text and return its result for every text."""
    codes, distinct = pd.factorize(texts)
    results = np.empty(len(distinct), dtype=object)
    results[:] = [function(text) for text in distinct]
    return results[codes]


def read_column(
    kind: str, column: ColumnCells, accepted: dict[str, str]
) -> tuple[np.ndarray, np.ndarray]:
    """Read the cells of a column of schema type ``kind`` that need no per-cell reader."""
    readers: dict[str, Any] = {
        "float": read_numbers,
        "amount": read_amounts,
        "year": read_years,
        "bool": read_flags,
        "unit": read_units,
    }
    if kind == "choice":
        return read_choices(column, accepted)
    return readers.get(kind, read_text)(column)

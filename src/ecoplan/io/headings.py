"""Match the heading row of a sheet or CSV file to schema columns.

A heading may be the English column name (``amount``), the Chinese heading (``数量``) or the
template's bilingual heading (``amount / 数量``), in any case and spacing. Each matched column
gets a label for messages, its letter and heading as a spreadsheet shows them: ``F (amount)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from openpyxl.utils import get_column_letter

from ecoplan.errors import Problem
from ecoplan.i18n import N_
from ecoplan.model import cells, schema


@dataclass
class HeadingMatch:
    """The schema column found under each heading, by position (0 for column A)."""

    positions: dict[int, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def normalise_heading(text: Any) -> str:
    """Return a heading folded for comparison: no BOM, single spaces, ``a / b`` spacing."""
    cleaned = str(text).replace("\ufeff", "").replace("／", "/").replace("/", " / ")
    return " ".join(cleaned.split()).casefold()


@cache
def _accepted(table: str) -> dict[str, str]:
    return {normalise_heading(heading): name for heading, name in schema.header_map(table).items()}


def column_label(position: int, heading: Any) -> str:
    """Return how a spreadsheet shows a column: its letter and heading, e.g. ``F (amount)``."""
    return f"{get_column_letter(position + 1)} ({str(heading).strip()})"


def match_headings(
    table: str,
    header: list[Any],
    columns_with_values: set[int],
    file: str,
    sheet: str | None,
    header_row: int,
) -> HeadingMatch:
    """Map each heading of ``header`` to a column of ``table``.

    Unknown headings, a column named twice, and values under an empty heading are problems.
    ``columns_with_values`` holds the positions that have a value below the heading.
    """
    match = HeadingMatch()
    accepted = _accepted(table)
    for position, heading in enumerate(header):
        if cells.is_blank(heading):
            if position in columns_with_values:
                match.problems.append(
                    _problem(
                        file,
                        sheet,
                        header_row,
                        get_column_letter(position + 1),
                        N_("A column without a heading contains values."),
                        None,
                        N_("a heading from table {table}, or an empty column"),
                        table=table,
                    )
                )
            continue
        label = column_label(position, heading)
        name = accepted.get(normalise_heading(heading))
        if name is None:
            match.problems.append(
                _problem(
                    file,
                    sheet,
                    header_row,
                    label,
                    N_("Unknown column heading in table {table}."),
                    str(heading).strip(),
                    N_("one of: {headings}"),
                    table=table,
                    headings=", ".join(schema.column_names(table)),
                )
            )
        elif name in match.labels:
            match.problems.append(
                _problem(
                    file,
                    sheet,
                    header_row,
                    label,
                    N_("Duplicate column {name!r}; it is already in column {first}."),
                    str(heading).strip(),
                    N_("each column once"),
                    name=name,
                    first=match.labels[name],
                )
            )
        else:
            match.positions[position] = name
            match.labels[name] = label
    return match


def _problem(
    file: str,
    sheet: str | None,
    row: int,
    column: str,
    message: str,
    value: Any,
    expected: str,
    **params: Any,
) -> Problem:
    return Problem(
        file=file,
        sheet=sheet,
        row=row,
        column=column,
        message=message,
        value=value,
        expected=expected,
        params=params,
    )

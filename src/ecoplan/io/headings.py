"""Match the heading row of a sheet or CSV file to schema columns.

A heading may be the English column name (``amount``), the Chinese heading (``数量``) or the
template's bilingual heading (``amount / 数量``), in any case and spacing. Each matched column
gets a label for messages, its letter and heading as a spreadsheet shows them: ``F (amount)``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from openpyxl.utils import get_column_letter

from ecoplan.errors import Problem
from ecoplan.i18n import N_
from ecoplan.model import cells, schema

CLOSE_MATCH = 0.8
"""Least :class:`difflib.SequenceMatcher` ratio of a misspelt name to the name it stands for.

At 0.8, ``amout`` matches ``amount`` and ``flow`` matches ``flows``; ``remarks`` or ``序号``
match nothing and are taken for extra columns."""


@dataclass
class HeadingMatch:
    """The schema column found under each heading, by position (0 for column A).

    ``warnings`` name the extra columns that were ignored.
    """

    positions: dict[int, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def closest(text: str, candidates: list[str]) -> str | None:
    """Return the candidate that ``text`` nearly spells, or ``None``."""
    matches = difflib.get_close_matches(text, candidates, n=1, cutoff=CLOSE_MATCH)
    return matches[0] if matches else None


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

    A column named twice and values under an empty heading are problems. A heading close to
    the name of a column that is not in the sheet is a misspelling, so a problem. Any other
    unknown heading is an extra column (notes, a helper calculation): it is ignored with a
    warning. ``columns_with_values`` contains the positions that have a value below the heading.
    """
    match = HeadingMatch()
    accepted = _accepted(table)
    unknown: list[tuple[int, Any]] = []
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
            unknown.append((position, heading))
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
    place = (file, sheet, header_row)
    for position, heading in unknown:
        _add_unknown_heading(match, table, column_label(position, heading), heading, place)
    return match


def _add_unknown_heading(
    match: HeadingMatch,
    table: str,
    label: str,
    heading: Any,
    place: tuple[str, str | None, int],
) -> None:
    """Add the problem of a misspelt heading, or the warning of an ignored extra column.

    ``place`` is the file, sheet and row of the heading row.
    """
    file, sheet, row = place
    absent = {folded: name for folded, name in _accepted(table).items() if name not in match.labels}
    spelt = closest(normalise_heading(heading), list(absent))
    if spelt is None:
        match.warnings.append(
            _problem(
                file,
                sheet,
                row,
                label,
                N_("The heading is not a column of table {table}, so the column was ignored."),
                None,
                None,
                table=table,
            )
        )
        return
    match.problems.append(
        _problem(
            file,
            sheet,
            row,
            label,
            N_("Unknown column heading in table {table}. Did you mean {match!r}?"),
            str(heading).strip(),
            N_("one of: {headings}"),
            table=table,
            match=spelt,
            headings=", ".join(schema.column_names(table)),
        )
    )


def table_with_headings(header: list[Any], absent: set[str]) -> str | None:
    """Return the absent table whose required columns all head ``header``, if any.

    A sheet or file with an unknown name but such headings is a table under a wrong name,
    not an extra sheet. When several tables fit, the one with the most matching headings wins.
    """
    folded = {normalise_heading(heading) for heading in header if not cells.is_blank(heading)}
    best: tuple[int, str] | None = None
    for table in schema.TABLES:
        if table not in absent:
            continue
        found = {_accepted(table)[text] for text in folded if text in _accepted(table)}
        required = {column.name for column in schema.columns(table) if column.required}
        if required <= found and (best is None or len(found) > best[0]):
            best = (len(found), table)
    return best[1] if best else None


def _problem(
    file: str,
    sheet: str | None,
    row: int,
    column: str,
    message: str,
    value: Any,
    expected: str | None,
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

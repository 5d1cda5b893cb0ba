"""Errors of ecoplan: one base class and a subclass per rule.

Input problems are collected, not raised one by one: a reader gathers every
:class:`Problem` of a file and raises a single :class:`InputError` holding all of them,
so a user fixes a workbook in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ecoplan.i18n import N_, _


class EcoplanError(Exception):
    """Base class of every error ecoplan raises on purpose."""


class UnitError(EcoplanError):
    """A unit is unknown, or does not fit the dimension of the quantity."""


class NotComputableError(EcoplanError):
    """A result cannot be computed because named inputs are missing."""


class BalanceError(EcoplanError):
    """A node's balance residual exceeds the tolerance in strict mode."""


@dataclass(frozen=True)
class Problem:
    """One invalid value of an input file, located to the cell.

    ``message`` and ``expected`` are English source strings marked for translation; the
    ``params`` are substituted after translation, so each locale gets a whole sentence.
    ``sheet_label`` and ``row_label`` are the marked templates that name the sheet and the
    row; a JSON reader, for example, names a table and an array item instead.
    """

    file: str
    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: Any = None
    expected: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    sheet_label: str = N_("sheet {sheet}")
    row_label: str = N_("row {row}")

    def location(self) -> str:
        """Return ``file, sheet, row, column`` in the active locale."""
        parts = [self.file]
        if self.sheet:
            parts.append(_(self.sheet_label).format(sheet=self.sheet))
        if self.row is not None:
            parts.append(_(self.row_label).format(row=self.row))
        if self.column:
            parts.append(_("column {column}").format(column=self.column))
        return ", ".join(parts)

    def describe(self) -> str:
        """Return the whole error in the active locale: where, what, the value, and the fix."""
        params = {"value": self.value, "column": self.column, **self.params}
        text = f"{self.location()}: {_(self.message).format(**params)}"
        if self.value is not None:
            text += " " + _("Value: {value!r}.").format(value=self.value)
        if self.expected:
            text += " " + _("Expected: {expected}.").format(
                expected=_(self.expected).format(**params)
            )
        return text


class InputError(EcoplanError):
    """An input file has one or more invalid values; nothing of it was stored.

    ``warnings`` lists what the reader skipped or changed (an ignored notes sheet, for
    example), so the user sees them while fixing the problems.
    """

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None) -> None:
        self.problems = _in_reading_order(problems)
        self.warnings = _in_reading_order(warnings or [])
        super().__init__(self.describe())

    def describe(self) -> str:
        """Return every problem, one per line, with a count first, then any warnings."""
        head = _("{count} problem(s) found; nothing was imported.").format(count=len(self.problems))
        lines = [head, *(f"- {problem.describe()}" for problem in self.problems)]
        if self.warnings:
            lines.append(describe_warnings(self.warnings))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.describe()


def describe_warnings(warnings: list[Problem]) -> str:
    """Return the warnings of an input file, one per line, with a count first.

    A warning is a :class:`Problem` that did not stop the import: a sheet or column that was
    ignored, or a value that was read in the only way it can be read.
    """
    head = _("{count} warning(s):").format(count=len(warnings))
    return "\n".join([head, *(f"- {warning.describe()}" for warning in warnings)])


def _in_reading_order(problems: list[Problem]) -> list[Problem]:
    """Sort problems by file and sheet as first met, then by row, so a user fixes top down."""
    order: dict[tuple[str, str | None], int] = {}
    for problem in problems:
        order.setdefault((problem.file, problem.sheet), len(order))
    return sorted(
        problems,
        key=lambda problem: (
            order[(problem.file, problem.sheet)],
            -1 if problem.row is None else problem.row,
        ),
    )

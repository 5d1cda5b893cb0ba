"""Tables as read from a file, before validation, and the log of their problems.

Readers (workbook, CSV, JSON, store) turn a file into :class:`RawTable` objects: cells as
read, under schema column names, each row with the row number a user sees in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ecoplan.errors import Problem
from ecoplan.i18n import N_

ROW = "_row"
"""Name of the column that holds each row's number in its file."""


@dataclass
class RawTable:
    """One table as read from a file, before validation.

    ``frame`` has schema column names and raw cell values; its ``_row`` column holds the row
    number a user sees (Excel row, CSV line, JSON array index). ``labels`` maps a column name
    to how the file shows it (for example ``"F (amount)"``), for messages. ``sheet_label`` and
    ``row_label`` are passed on to each :class:`Problem`.
    """

    name: str
    frame: pd.DataFrame
    file: str
    sheet: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    sheet_label: str = N_("sheet {sheet}")
    row_label: str = N_("row {row}")

    @classmethod
    def from_frame(
        cls, name: str, frame: pd.DataFrame, file: str, sheet: str | None = None, first_row: int = 2
    ) -> RawTable:
        """Wrap a DataFrame; rows are numbered from ``first_row`` unless ``_row`` is given."""
        frame = frame.copy()
        if ROW not in frame.columns:
            frame[ROW] = np.arange(first_row, first_row + len(frame))
        return cls(name=name, frame=frame.reset_index(drop=True), file=file, sheet=sheet)

    def problem(
        self,
        message: str,
        row: int | None = None,
        column: str | None = None,
        value: Any = None,
        expected: str | None = None,
        **params: Any,
    ) -> Problem:
        """Return a problem located in this table."""
        return Problem(
            file=self.file,
            sheet=self.sheet,
            row=row,
            column=self.labels.get(column, column) if column else None,
            message=message,
            value=value,
            expected=expected,
            params=params,
            sheet_label=self.sheet_label,
            row_label=self.row_label,
        )


class ProblemLog:
    """Collects the problems of one validation run, and the warnings that do not stop it."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def warn(self, warning: Problem) -> None:
        self.warnings.append(warning)

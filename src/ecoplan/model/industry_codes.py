"""Industry codes: their shape per classification, and codes that were typed as numbers.

A spreadsheet turns a code typed as ``0610`` into the number 610 unless the cell is text, and
a code such as NACE ``10.10`` into 10.1. A number in ``organisations.industry_code`` is
therefore read back into every code it could have been typed as, and only the readings of
the right shape for the row's ``industry_scheme`` are kept:

- one reading: the code is that reading (610 in NAICS stays 610, 6 in GB/T 4754 becomes
  06). A changed code gets a warning.
- several readings (610 in GB/T 4754 may be group 610 or class 0610): a problem whose fix
  is the column formatted as text, because no rule can pick one.
- none: a problem, as for text of the wrong shape.

Shapes, upper case, spaces removed:

- GB/T 4754-2017: a section letter A–T, or a division of 2 digits (01–97), a group of 3 or a
  class of 4, optionally after the section letter (C2511). Source: GB/T 4754-2017, clause 4,
  as summarised by the Jiangsu Provincial Bureau of Statistics (tj.jiangsu.gov.cn, 2025).
- ISIC Rev.4: the same with sections A–U and divisions 01–99 (UN Statistical Papers M4/Rev.4).
- NACE Rev.2: sections A–U, divisions 01–99, groups 25.1 and classes 25.11 (Regulation (EC)
  No 1893/2006), also written without the point as national tables do (2511).
- NAICS: 2 to 6 digits starting 1–9 (sectors 11 to 92), or one of the sector ranges such as
  31-33 (US Census Bureau).

E-PRTR Annex I activities (``5(f)``) and ``other`` are not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ecoplan.i18n import N_
from ecoplan.model import cells
from ecoplan.model.raw import ROW, ProblemLog, RawTable

_DIVISION = r"(0[1-9]|[1-9][0-9])"


@dataclass(frozen=True)
class Scheme:
    """The shape of a classification's codes and how to describe it in a message."""

    pattern: re.Pattern[str]
    expected: str


SCHEMES = {
    "GB/T 4754": Scheme(
        re.compile(rf"^[A-T]$|^[A-T]?{_DIVISION}[0-9]{{0,2}}$"),
        N_("a GB/T 4754 code as text: a section letter A–T, or 2 to 4 digits such as 0610"),
    ),
    "ISIC": Scheme(
        re.compile(rf"^[A-U]$|^[A-U]?{_DIVISION}[0-9]{{0,2}}$"),
        N_("an ISIC code as text: a section letter A–U, or 2 to 4 digits such as 0610"),
    ),
    "NACE": Scheme(
        re.compile(rf"^[A-U]$|^[A-U]?{_DIVISION}(\.?[0-9]{{1,2}})?$"),
        N_("a NACE code as text: a section letter A–U, or a code such as 06, 10.1 or 10.10"),
    ),
    "NAICS": Scheme(
        re.compile(r"^[1-9][0-9]{1,5}$|^[1-9][0-9]-[1-9][0-9]$"),
        N_("a NAICS code of 2 to 6 digits, such as 3311, or a sector range such as 31-33"),
    ),
}
"""Checked classifications, by their identifier in the ``industry_scheme`` vocabulary."""


def readings(number: float, scheme: Scheme) -> list[str]:
    """Return every code of ``scheme`` that a spreadsheet shows as ``number``.

    A number loses leading zeros (0610 shows as 610), and a decimal loses trailing zeros
    (10.10 shows as 10.1). Up to two of each are put back, and the shape decides.
    """
    text = cells.parse_text(number)
    tails = [text]
    if "." in text:
        tails += [text + "0", text + "00"]
    candidates = [zeros + tail for tail in tails for zeros in ("", "0", "00")]
    return sorted({code for code in candidates if scheme.pattern.match(code)}, key=len)


def check_industry_codes(
    raw: dict[str, RawTable], typed: dict[str, pd.DataFrame], checker: ProblemLog
) -> None:
    """Check ``organisations.industry_code`` against its scheme; restore lost zeros if unique."""
    organisations, table = typed["organisations"], raw.get("organisations")
    if table is None or not len(organisations) or "industry_code" not in table.frame:
        return
    typed_as = dict(zip(table.frame[ROW], table.frame["industry_code"], strict=True))
    for index, row in organisations.iterrows():
        scheme = SCHEMES.get(row["industry_scheme"] or "")
        code = row["industry_code"]
        if scheme is None or code is None:
            continue
        entered = typed_as.get(row[ROW])
        if _is_number(entered):
            fixed = _check_number(table, row, entered, scheme, checker)
            organisations.at[index, "industry_code"] = fixed
        elif not scheme.pattern.match(_folded(code)):
            checker.add(_invalid(table, row, code, scheme))


def _check_number(
    table: RawTable, row: pd.Series, number: Any, scheme: Scheme, checker: ProblemLog
) -> str | None:
    """Return the one code a number can be, or ``None`` after adding the problem."""
    found = readings(number, scheme)
    if not found:
        checker.add(_invalid(table, row, row["industry_code"], scheme))
        return None
    if len(found) > 1:
        checker.add(
            table.problem(
                _lost_zeros_message(cells.parse_text(number), found),
                row=int(row[ROW]),
                column="industry_code",
                value=number,
                expected=N_(
                    "the column formatted as text (Excel: Format Cells, Text) and the code "
                    "typed again"
                ),
                scheme=row["industry_scheme"],
                readings=", ".join(found),
            )
        )
        return None
    if found[0] != row["industry_code"]:
        checker.warn(
            table.problem(
                N_(
                    "The {scheme} code was typed as a number and read as {code}, its only "
                    "reading. Format the column as text to keep the code as typed."
                ),
                row=int(row[ROW]),
                column="industry_code",
                value=number,
                scheme=row["industry_scheme"],
                code=found[0],
            )
        )
    return found[0]


LOST_ZEROS = {
    (True, False): N_(
        "The {scheme} code was typed as a number, so it may have lost leading zeros. It could "
        "be any of: {readings}."
    ),
    (False, True): N_(
        "The {scheme} code was typed as a number, so it may have lost trailing zeros. It could "
        "be any of: {readings}."
    ),
    (True, True): N_(
        "The {scheme} code was typed as a number, so it may have lost leading or trailing "
        "zeros. It could be any of: {readings}."
    ),
}
"""Message for an ambiguous number code, by (a reading adds leading zeros, one adds trailing)."""


def _lost_zeros_message(shown: str, found: list[str]) -> str:
    """Return the message naming the zeros that the readings of ``shown`` put back."""
    leading = any(code.startswith("0") and not shown.startswith("0") for code in found)
    trailing = any(len(code.lstrip("0")) > len(shown.lstrip("0")) for code in found)
    return LOST_ZEROS.get((leading, trailing), LOST_ZEROS[(True, True)])


def _invalid(table: RawTable, row: pd.Series, code: Any, scheme: Scheme) -> Any:
    return table.problem(
        N_("Invalid {scheme} code."),
        row=int(row[ROW]),
        column="industry_code",
        value=code,
        expected=scheme.expected,
        scheme=row["industry_scheme"],
    )


def _is_number(value: Any) -> bool:
    """Tell whether a cell contains a number (``bool`` and ``numpy.bool_`` are not numbers)."""
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(
        value, bool | np.bool_
    )


def _folded(code: str) -> str:
    return "".join(code.split()).upper()

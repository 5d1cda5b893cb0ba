"""Lists of codes and resource categories typed in one cell, and the codes in them.

Two columns hold such lists: ``recovery_facilities.accepts`` and ``listings.accepted``. Planners
type them as ``200301; 200108``, with full-width separators (``200301；200108``,
``200301，200108``, ``200301、200108``) or with EWC codes in their printed form
(``20 03 01``, ``20-03-01``). :func:`split_code_list` reads every one of these forms, and
:func:`normalise_code` turns an EWC code into its six digits (``200301``, ``200301*``).

:func:`check_code_lists` reports each item that is neither a resource category nor a code the
zone could match, and writes the normalised codes of ``recovery_yields.code`` back.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any

import pandas as pd

from ecoplan.errors import Problem
from ecoplan.i18n import N_
from ecoplan.model.raw import ROW, ProblemLog, RawTable
from ecoplan.model.vocab import VOCABULARIES

SEPARATORS = re.compile(r"[;,、]")
"""Item separators after NFKC folding, which turns ``；`` and ``，`` into ``;`` and ``,``."""
SPACED_EWC = re.compile(r"^(\d{2})[ -]?(\d{2})[ -]?(\d{2})\s*(\*?)$")
"""An EWC code with or without spaces or hyphens between its three pairs of digits."""
CODE_SHAPES = {
    "EWC": re.compile(r"^\d{6}\*?$"),
    "CN-HW": re.compile(r"^(HW\d{2}:)?\d{3}-\d{3}-\d{2}$"),
}
"""Shape of a code of each taxonomy with a fixed format."""
CATEGORIES = tuple(VOCABULARIES["resource_category"])

LISTED_ITEM = N_("a resource category such as fly_ash, or a six-digit EWC code such as 200301")


def normalise_code(code: Any) -> Any:
    """Return an EWC code typed as ``20 03 01`` or ``20-03-01`` as ``200301``.

    Full-width digits become ASCII. Any other text is returned stripped, and a non-text value
    unchanged.
    """
    if not isinstance(code, str):
        return code
    text = unicodedata.normalize("NFKC", code).strip()
    match = SPACED_EWC.match(text)
    return "".join(match.groups()) if match else text


def split_code_list(text: Any) -> list[str]:
    """Return the items of a code list, split on ``;`` ``；`` ``,`` ``，`` or ``、``.

    Each item is stripped and an EWC code normalised (see :func:`normalise_code`). A cell
    that is not text has no items.
    """
    if not isinstance(text, str):
        return []
    folded = unicodedata.normalize("NFKC", text)
    return [normalise_code(item) for item in SEPARATORS.split(folded) if item.strip()]


def is_known_item(item: str, zone_codes: set[str]) -> bool:
    """Return whether ``item`` is a resource category, a zone code or a well-formed code."""
    if item in CATEGORIES or item in zone_codes:
        return True
    return any(shape.match(item) for shape in CODE_SHAPES.values())


def check_code_lists(
    raw: dict[str, RawTable], typed: dict[str, pd.DataFrame], checker: ProblemLog
) -> None:
    """Add a problem for each unknown item of a code list, and normalise the output codes.

    An item is known when it is a resource category, the code of one of the zone's
    resources, or a code of the shape of a taxonomy with a fixed format (EWC, CN-HW).
    """
    zone_codes = {normalise_code(code) for code in typed["resources"]["code"].dropna()}
    for table, column in (("recovery_facilities", "accepts"), ("listings", "accepted")):
        if raw.get(table) is not None and len(typed[table]):
            _check_column(raw[table], typed[table], column, zone_codes, checker)

    yields = typed["recovery_yields"]
    if len(yields):
        yields["code"] = [normalise_code(code) for code in yields["code"]]


def _check_column(
    table: RawTable, frame: pd.DataFrame, column: str, zone_codes: set[str], checker: ProblemLog
) -> None:
    for row, text in zip(frame[ROW], frame[column], strict=True):
        for item in split_code_list(text):
            if not is_known_item(item, zone_codes):
                checker.add(_unknown_item(table, int(row), column, item))


def _unknown_item(table: RawTable, row: int, column: str, item: str) -> Problem:
    match = difflib.get_close_matches(item.lower(), CATEGORIES, n=1, cutoff=0.6)
    if match:
        message = N_(
            "{value!r} is neither a resource category nor a code of the zone. Did you mean "
            "{match!r}?"
        )
    else:
        message = N_(
            "{value!r} is neither a resource category nor a code of the zone. Write a "
            "category from the vocabulary sheet or a code such as 191204 (an EWC code has "
            "six digits, with * for hazardous waste), and separate the items with ;."
        )
    return table.problem(
        message,
        row=row,
        column=column,
        value=item,
        expected=LISTED_ITEM,
        match=match[0] if match else None,
    )

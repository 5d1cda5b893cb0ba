"""Reading single cells: numbers, years, flags and text, with the problem when they are not.

Each ``parse_*`` function returns ``(value, problem)``: the parsed value, or ``None`` with an
English message (marked for translation) that says what is wrong with the cell.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import pandas as pd

from ecoplan.i18n import N_

SPREADSHEET_ERRORS = frozenset(
    {"#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
)
TRUE_WORDS = frozenset({"true", "yes", "y", "1", "是", "真", "t"})
"""Flag texts read as TRUE, after stripping, case folding and dropping a trailing ``.0``."""
FALSE_WORDS = frozenset({"false", "no", "n", "0", "否", "假", "f"})
"""Flag texts read as FALSE, after the same cleaning as :data:`TRUE_WORDS`."""
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
"""A plain decimal number in ASCII, once full-width digits, commas and spaces are removed."""
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－＋，", "0123456789.-+,")


class UncalculatedFormula(str):
    """The text of a formula whose file has no computed result.

    Programs that write workbooks without a calculation engine (openpyxl, many exporters)
    save the formula and leave its result empty until Excel or WPS opens and saves the file.
    Validation reports such a cell instead of reading it as empty.
    """


def is_blank(value: Any) -> bool:
    """Tell whether a cell is empty: ``None``, NaN, NaT, ``pd.NA`` or only white space."""
    if isinstance(value, str):
        return not value.strip()
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def parse_number(value: Any) -> tuple[float | None, str | None]:
    """Read a number from a cell; text such as ``1,234.5`` or full-width digits is accepted."""
    if isinstance(value, bool):
        return None, N_("Invalid number: a TRUE/FALSE value where a number is expected.")
    if isinstance(value, int | float):
        return _finite(float(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return None, N_(
            "Invalid number: a date where a number is expected; format the cell as a number."
        )
    text = str(value).strip()
    if text.upper() in SPREADSHEET_ERRORS:
        return None, N_(
            "Invalid number: a spreadsheet error where a number is expected; fix the formula."
        )
    spaced = text.translate(_FULL_WIDTH).replace(" ", "")
    if "," in spaced and not _THOUSANDS.match(spaced):
        return None, N_(
            "Invalid number: a comma that does not separate thousands; write the decimal "
            "separator as a point (6.2, not 6,2)."
        )
    cleaned = spaced.replace(",", "")
    if NUMBER.match(cleaned):
        return _finite(float(cleaned))
    if re.match(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", cleaned):
        return None, N_(
            "Invalid number: a date where a number is expected; format the cell as a number."
        )
    return None, N_("Invalid number: text where a number is expected.")


_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")
"""Digits grouped by thousands with commas, such as 1,234 or 12,345.6."""


def _finite(number: float) -> tuple[float | None, str | None]:
    """Return ``number``, or the problem of an infinite one (such as ``1e400`` read as text)."""
    if not math.isfinite(number):
        return None, N_("Invalid number: the number is infinite or undefined.")
    return number, None


def parse_year(value: Any) -> tuple[int | None, str | None]:
    """Read a calendar year (1800–2200) from a cell."""
    number, problem = parse_number(value)
    if problem:
        return None, problem
    if number is None or number != int(number) or not 1800 <= number <= 2200:
        return None, N_("Invalid year: not a whole year between 1800 and 2200.")
    return int(number), None


def parse_bool(value: Any) -> tuple[bool | None, str | None]:
    """Read TRUE/FALSE (also 1/0, yes/no, 是/否) from a cell."""
    if isinstance(value, bool):
        return value, None
    text = str(value).strip().casefold()
    if text.endswith(".0"):
        text = text[:-2]
    if text in TRUE_WORDS:
        return True, None
    if text in FALSE_WORDS:
        return False, None
    return None, N_("Invalid flag: the value is not TRUE or FALSE.")


def parse_text(value: Any) -> str:
    """Read text from a cell; a whole number read as a float loses its ``.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()

"""Quality of by-products: contaminant concentrations of offers and limits of uses.

Text forms, items separated by ``;``:

- concentrations (offers): ``Hg=0.5 mg/kg; Cl=0.05 %``; items without ``=`` (a grade such as
  ``grade II``) are kept as text only;
- limits (requests and compatibility rules): ``LOI<=5 %; CaO>=40 %; COD<=60 mg/L``.

Mass fractions are stored in mg/kg (1 % = 10,000 mg/kg, 1 ppm = 1 mg/kg, 1 g/kg = 1,000 mg/kg).
Concentrations in water stay in mg/L. Names are compared case-insensitively.
"""

from __future__ import annotations

import math
import re

from ecoplan.exchange.errors import ExchangeError
from ecoplan.i18n import _

Limits = dict[str, tuple[str, float]]
"""Contaminant name to (operator, value); the operator is ``<=`` or ``>=``."""

_TO_MG_PER_KG = {"%": 1e4, "mg/kg": 1.0, "ppm": 1.0, "g/kg": 1e3, "": 1.0, "mg/l": 1.0}
_ITEM = re.compile(r"^\s*([A-Za-z_][\w.\-]*)\s*(<=|>=|<|>|=|≤|≥)\s*([-+0-9.eE]+)\s*(\S*)\s*$")
_OPERATORS = {"<": "<=", "≤": "<=", ">": ">=", "≥": ">=", "<=": "<=", ">=": ">=", "=": "="}


def parse_concentrations(text: object) -> dict[str, float]:
    """Parse ``name=value unit`` items into concentrations [mg/kg, or mg/L for water].

    Raises
    ------
    ExchangeError
        When an item with ``=`` has no number or an unknown unit.
    """
    values: dict[str, float] = {}
    for name, operator, value in _items(text, keep_grades=True):
        if operator != "=":
            continue
        values[name] = value
    return values


def parse_limits(text: object) -> Limits:
    """Parse ``name<=value unit`` items into limits [mg/kg, or mg/L for water].

    Raises
    ------
    ExchangeError
        When an item is not of the form ``name<=value unit`` or ``name>=value unit``.
    """
    limits: Limits = {}
    for name, operator, value in _items(text, keep_grades=False):
        if operator == "=":
            raise ExchangeError(
                _("Quality limit {item!r} has no direction; write it as {name}<=value.").format(
                    item=f"{name}={value}", name=name
                )
            )
        limits[name] = (operator, value)
    return limits


def check_limits(quality: dict[str, float], limits: Limits) -> tuple[bool, bool]:
    """Return (within limits, all limited contaminants known) for one offer.

    A contaminant the offer does not state cannot exclude it, but makes the check incomplete.
    """
    known = True
    for name, (operator, limit) in limits.items():
        value = quality.get(name)
        if value is None:
            known = False
            continue
        if operator == "<=" and value > limit:
            return False, known
        if operator == ">=" and value < limit:
            return False, known
    return True, known


def _items(text: object, keep_grades: bool) -> list[tuple[str, str, float]]:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return []
    items: list[tuple[str, str, float]] = []
    for raw in str(text).split(";"):
        if not raw.strip():
            continue
        match = _ITEM.match(raw)
        if match is None:
            if keep_grades and not re.search(r"[<>=≤≥]", raw):
                continue
            raise ExchangeError(
                _(
                    "Quality item {item!r} cannot be read; write it as name<=value unit, "
                    "e.g. Cl<=0.1 % or Hg<=1 mg/kg."
                ).format(item=raw.strip())
            )
        items.append(_convert(match.group(1), match.group(2), match.group(3), match.group(4)))
    return items


def _convert(name: str, operator: str, number: str, unit: str) -> tuple[str, str, float]:
    factor = _TO_MG_PER_KG.get(unit.casefold())
    if factor is None:
        raise ExchangeError(
            _(
                "Unit {unit!r} of quality item {name!r} is unknown; "
                "use %, mg/kg, ppm, g/kg or mg/L."
            ).format(unit=unit, name=name)
        )
    try:
        value = float(number)
    except ValueError as error:
        raise ExchangeError(
            _("Quality item {name!r} has no number: {value!r}.").format(name=name, value=number)
        ) from error
    return name.casefold(), _OPERATORS[operator], value * factor

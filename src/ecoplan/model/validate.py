"""Validation of raw tables into a :class:`~ecoplan.model.zone.Zone`.

This module checks every cell of every :class:`~ecoplan.model.raw.RawTable` against
``schema.csv``, collects every problem of every table, and either returns a zone in canonical
units or raises one :class:`InputError` with them all.
"""

from __future__ import annotations

import pandas as pd

from ecoplan.errors import InputError
from ecoplan.model import schema
from ecoplan.model.coerce import type_table
from ecoplan.model.industry_codes import check_industry_codes
from ecoplan.model.quantities import add_quantities, zone_currency
from ecoplan.model.raw import ROW, ProblemLog, RawTable
from ecoplan.model.rules import (
    check_codes,
    check_references,
    check_required_tables,
    check_single_zone_row,
    check_table_rules,
    check_zone_id,
)
from ecoplan.model.zone import Zone

__all__ = ["ROW", "RawTable", "validate_tables"]


def validate_tables(raw: dict[str, RawTable], source: str) -> Zone:
    """Validate every table and return the zone, or raise :class:`InputError` with all problems."""
    checker = ProblemLog()
    check_required_tables(raw, source, checker)
    typed: dict[str, pd.DataFrame] = {}
    for name in schema.TABLES:
        table = raw.get(name) or RawTable.from_frame(name, pd.DataFrame(), file=source)
        typed[name] = type_table(table, checker)
    check_single_zone_row(raw.get("zone"), typed["zone"], checker)
    check_zone_id(raw.get("zone"), typed["zone"], checker)
    check_references(raw, typed, checker)
    check_codes(raw, typed, checker)
    check_industry_codes(raw, typed, checker)
    check_table_rules(raw, typed, checker)
    currency = zone_currency(typed["zone"])
    add_quantities(raw, typed, currency, checker)
    if checker.problems:
        raise InputError(checker.problems, checker.warnings)
    typed = {name: frame.drop(columns=[ROW], errors="ignore") for name, frame in typed.items()}
    return Zone(tables=typed, source=source, warnings=checker.warnings)

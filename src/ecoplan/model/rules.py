"""Rules across cells and tables: unique identifiers, references, codes, table rules."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

import pandas as pd

from ecoplan.errors import Problem
from ecoplan.i18n import N_
from ecoplan.model import schema
from ecoplan.model.code_lists import check_code_lists
from ecoplan.model.quantities import zone_currency
from ecoplan.model.raw import ROW, ProblemLog, RawTable
from ecoplan.model.rules_energy import check_portfolio_totals
from ecoplan.model.rules_heat import check_heat_streams
from ecoplan.model.rules_hubs import check_hub_sites
from ecoplan.model.rules_recovery import check_recovery_facilities

_CODE_PATTERNS = {
    "EWC": (re.compile(r"^\d{6}\*?$"), N_("a six-digit EWC code as text, e.g. 100102 or 100104*")),
    "CN-HW": (
        re.compile(r"^(HW\d{2}:)?\d{3}-\d{3}-\d{2}$"),
        N_("a hazardous-waste catalogue code such as 772-002-18"),
    ),
}


def check_required_tables(raw: dict[str, RawTable], source: str, checker: ProblemLog) -> None:
    for name in schema.REQUIRED_TABLES:
        if name not in raw:
            checker.add(
                Problem(
                    file=source,
                    message=N_("Missing sheet or file {table!r}."),
                    expected=N_("a sheet or file named {names}"),
                    params={"table": name, "names": " / ".join(schema.sheet_names(name))},
                )
            )


def check_single_zone_row(table: RawTable | None, frame: pd.DataFrame, checker: ProblemLog) -> None:
    if table is not None and len(frame) != 1:
        checker.add(
            table.problem(
                N_("The zone sheet must have exactly one row, not {count}."), count=len(frame)
            )
        )


ZONE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
"""A zone identifier: it names the zone in the store, in ``store:ZONE_ID`` and in file names,
so it has no path separator, dot or space."""


def check_zone_id(table: RawTable | None, frame: pd.DataFrame, checker: ProblemLog) -> None:
    if table is None:
        return
    for row, zone_id in zip(frame[ROW], frame["zone_id"], strict=True):
        if zone_id is not None and not ZONE_ID.match(zone_id):
            checker.add(
                table.problem(
                    N_("Invalid zone_id: it may hold only letters A–Z, digits, - and _."),
                    row=int(row),
                    column="zone_id",
                    value=zone_id,
                    expected=N_(
                        "up to 64 letters, digits, - or _, starting with a letter or digit, "
                        "e.g. dalian-ddz"
                    ),
                )
            )


def check_references(
    raw: dict[str, RawTable], typed: dict[str, pd.DataFrame], checker: ProblemLog
) -> None:
    for name in schema.TABLES:
        frame = typed[name]
        table = raw.get(name)
        if table is None:
            continue
        identifier = schema.id_column(name)
        if identifier:
            _check_unique(table, frame, identifier, checker)
        for column in schema.columns(name):
            if column.type != "ref" or not len(frame):
                continue
            target_table, target_column = column.references.split(".")
            known = set(typed[target_table][target_column].dropna())
            values = frame[column.name]
            bad = values.notna() & ~values.isin(known)
            for row, value in zip(frame.loc[bad, ROW], values[bad], strict=True):
                checker.add(
                    table.problem(
                        _unknown_reference_message(value, known),
                        row=int(row),
                        column=column.name,
                        value=value,
                        expected=N_("an identifier listed in {target}"),
                        target=column.references,
                        match=_closest(value, known),
                    )
                )


def _closest(value: str, known: set[str]) -> str | None:
    """Return the listed identifier nearest to ``value``, such as Oth_R32 for Oth-R32."""
    matches = difflib.get_close_matches(value, sorted(known, key=str), n=1, cutoff=0.8)
    return matches[0] if matches else None


def _unknown_reference_message(value: str, known: set[str]) -> str:
    if _closest(value, known) is None:
        return N_("Unknown {target}: {value!r} is not listed there.")
    return N_("Unknown {target}: {value!r} is not listed there. Did you mean {match!r}?")


def _check_unique(
    table: RawTable, frame: pd.DataFrame, identifier: str, checker: ProblemLog
) -> None:
    ids = frame[identifier]
    duplicated = ids.notna() & ids.duplicated(keep="first")
    for row, value in zip(frame.loc[duplicated, ROW], ids[duplicated], strict=True):
        first = int(frame.loc[ids == value, ROW].iloc[0])
        checker.add(
            table.problem(
                N_("Duplicate identifier {value!r}; it is already used in row {first}."),
                row=int(row),
                column=identifier,
                value=value,
                expected=N_("an identifier used once in the table"),
                first=first,
            )
        )


def check_codes(
    raw: dict[str, RawTable], typed: dict[str, pd.DataFrame], checker: ProblemLog
) -> None:
    resources = typed["resources"]
    table = raw.get("resources")
    if table is None or not len(resources):
        return
    for taxonomy, (pattern, expected) in _CODE_PATTERNS.items():
        rows = resources["taxonomy"] == taxonomy
        for row, code in zip(resources.loc[rows, ROW], resources.loc[rows, "code"], strict=True):
            if code is None or not pattern.match(str(code).replace(" ", "")):
                checker.add(
                    table.problem(
                        N_(
                            "Invalid {taxonomy} code. A code typed as a number loses its leading "
                            "zeros: format the column as text."
                        ),
                        row=int(row),
                        column="code",
                        value=code,
                        expected=expected,
                        taxonomy=taxonomy,
                    )
                )


def check_table_rules(
    raw: dict[str, RawTable], typed: dict[str, pd.DataFrame], checker: ProblemLog
) -> None:
    stocks, table = typed["stocks"], raw.get("stocks")
    if table is not None and len(stocks):
        empty = stocks["level"].isna() & stocks["change"].isna()
        for row in stocks.loc[empty, ROW]:
            checker.add(
                table.problem(
                    N_("A stock row needs a level, a change or both."),
                    row=int(row),
                    column="level",
                    expected=N_("a number in level or change"),
                )
            )
    durables, table = typed["durables"], raw.get("durables")
    if table is not None:
        for _, durable in durables.iterrows():
            for column in _missing_lifetime_parameters(durable):
                checker.add(
                    table.problem(
                        N_("Missing lifetime parameter for a {distribution} distribution."),
                        row=int(durable[ROW]),
                        column=column,
                        expected=N_("a number of years"),
                        distribution=durable["distribution"],
                    )
                )
    sites, table = typed["sites"], raw.get("sites")
    if table is not None:
        for column, limit in (("longitude", 180.0), ("latitude", 90.0)):
            bad = sites[column].abs() > limit
            for row, value in zip(sites.loc[bad, ROW], sites.loc[bad, column], strict=True):
                checker.add(
                    table.problem(
                        N_("Coordinate out of range."),
                        row=int(row),
                        column=column,
                        value=value,
                        expected=N_("degrees between -{limit} and {limit}"),
                        limit=limit,
                    )
                )
    check_heat_streams(raw.get("heat_streams"), typed["heat_streams"], checker)
    check_portfolio_totals(raw.get("portfolio"), typed["portfolio"], checker)
    currency = zone_currency(typed["zone"])
    check_hub_sites(raw.get("hub_sites"), typed, currency, checker)
    check_code_lists(raw, typed, checker)
    check_recovery_facilities(raw, typed, currency, checker)


def _missing_lifetime_parameters(durable: pd.Series) -> Iterable[str]:
    needed = {
        "fixed": ("lifetime_mean",),
        "normal": ("lifetime_mean", "lifetime_sd"),
        "weibull": ("weibull_shape", "weibull_scale"),
    }.get(durable["distribution"] or "", ())
    return [column for column in needed if pd.isna(durable[column])]

"""Disposal costs per tonne by country, region and treatment, with their sources.

The shipped table (``ecoplan/data/disposal_costs.csv``, documented in ``docs/exchange.md``)
gives what a waste holder pays today to landfill, incinerate or otherwise dispose of a tonne
of waste. Its rows are published gate fees, landfill taxes and price ceilings, each with its
currency, year and source. :func:`apply_disposal_costs` uses the rows marked ``default``, at
most one per country, region and treatment, and the others (taxes alone) are for reference.
The public facility data sets state no prices, so ``ecoplan exchange`` prices their offers
from this table unless the user gives a cost or a table of their own.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path
from typing import Any

import pandas as pd

from ecoplan.exchange.errors import ExchangeError
from ecoplan.i18n import _
from ecoplan.model.vocab import VOCABULARIES

logger = logging.getLogger(__name__)

TABLE_PATH = Path(__file__).parent.parent / "data" / "disposal_costs.csv"
COLUMNS = [
    "cost_id",
    "country",
    "region",
    "treatment",
    "cost",
    "currency",
    "unit",
    "year",
    "basis",
    "default",
    "waste",
    "source",
    "note",
]
TREATMENTS = ("landfill", "incineration", "other_disposal", "discharge")
BASES = ("gate_fee", "tax", "price_ceiling")
TONNES_PER_UNIT = {"t": 1.0, "short_ton": 0.90718474}
"""Tonnes in one unit of mass that a price is quoted per (the short ton is 2,000 lb)."""


def load_disposal_costs(path: str | Path | None = None) -> pd.DataFrame:
    """Return the disposal-cost table at ``path`` (default: the shipped one), checked.

    Adds ``cost_per_t`` [currency per tonne]. Empty regions become ``""``, meaning the
    whole country.

    Raises
    ------
    ExchangeError
        When a column is missing or a row has an invalid value; the message names the file,
        the line, the column and the value.
    """
    path = Path(path) if path is not None else TABLE_PATH
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as error:
        raise ExchangeError(
            _("Cannot read the disposal-cost table {path}: {reason}").format(
                path=path, reason=error
            )
        ) from error

    missing = [column for column in COLUMNS if column not in table.columns]
    if missing:
        raise ExchangeError(
            _("The disposal-cost table {path} lacks the columns {columns}.").format(
                path=path, columns=", ".join(missing)
            )
        )
    for position in range(len(table)):
        row = {column: table[column].iat[position] for column in COLUMNS}
        _check_row(row, path, line=position + 2)
    _check_defaults(table, path)

    table = table.copy()
    table["cost"] = table["cost"].astype(float)
    table["year"] = table["year"].astype(int)
    table["cost_per_t"] = table["cost"] / table["unit"].map(TONNES_PER_UNIT)
    return table


def _check_row(row: dict[str, Any], path: Path, line: int) -> None:
    """Raise :class:`ExchangeError` naming the first invalid value of ``row``."""
    choices: dict[str, tuple[str, ...]] = {
        "treatment": TREATMENTS,
        "currency": tuple(VOCABULARIES["currency"]),
        "unit": tuple(TONNES_PER_UNIT),
        "basis": BASES,
        "default": ("yes", "no"),
    }
    for column, allowed in choices.items():
        if row[column] not in allowed:
            _invalid(path, line, column, row[column], ", ".join(allowed))

    country = row["country"]
    if len(country) != 2 or not country.isascii() or not country.isupper():
        _invalid(path, line, "country", country, _("a two-letter ISO 3166-1 code such as FI"))
    if not row["cost_id"].strip():
        _invalid(path, line, "cost_id", row["cost_id"], _("a unique identifier"))
    if not row["source"].strip():
        _invalid(path, line, "source", row["source"], _("the publication the cost comes from"))

    cost = _number(row["cost"])
    if cost is None or cost < 0:
        _invalid(path, line, "cost", row["cost"], _("a number of 0 or more"))
    year = _number(row["year"])
    if year is None or year != int(year) or not 1990 <= year <= 2100:
        _invalid(path, line, "year", row["year"], _("a year such as 2023"))


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _invalid(path: Path, line: int, column: str, value: Any, expected: str) -> None:
    raise ExchangeError(
        _(
            "Disposal-cost table {path}, line {line}, column {column}: {value!r} is invalid; "
            "expected {expected}."
        ).format(path=path, line=line, column=column, value=value, expected=expected)
    )


def _check_defaults(table: pd.DataFrame, path: Path) -> None:
    """Raise unless cost ids are unique and each key has at most one default row."""
    duplicated = table["cost_id"][table["cost_id"].duplicated()]
    if len(duplicated):
        raise ExchangeError(
            _("Disposal-cost table {path}: the cost_id {value!r} appears twice.").format(
                path=path, value=duplicated.iloc[0]
            )
        )
    defaults = table[table["default"] == "yes"]
    keys = defaults[["country", "region", "treatment"]].apply(tuple, axis=1)
    if keys.duplicated().any():
        country, region, treatment = keys[keys.duplicated()].iloc[0]
        raise ExchangeError(
            _(
                "Disposal-cost table {path}: two default rows for {country} {region} "
                "{treatment}; mark one of them default = no."
            ).format(path=path, country=country, region=region, treatment=treatment)
        )


def apply_disposal_costs(
    offers: pd.DataFrame, table: pd.DataFrame, country: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Fill the disposal cost of mass offers that state none from the default rows of ``table``.

    An offer's ``treatment`` column (one of :data:`TREATMENTS`) and optional ``region``
    column choose the row: the row of the offer's region, else the country-wide row (empty
    region). An offer whose treatment has no row keeps no cost. Returns the offers, with
    ``disposal_cost_id`` naming the row used, and one usage row per row used or per
    treatment left unpriced: cost_id (None when unpriced), treatment, region, cost_per_t,
    currency, year, source, offers, quantity [t].
    """
    offers = offers.copy()
    offers["disposal_cost_id"] = None
    fill = (offers["dimension"] == "mass") & offers["disposal_cost"].isna()
    defaults = table[(table["country"] == country) & (table["default"] == "yes")]
    by_key = {(row["region"], row["treatment"]): row for row in defaults.to_dict("records")}

    treatment = offers.get("treatment", pd.Series(None, index=offers.index, dtype=object))
    region = offers.get("region", pd.Series("", index=offers.index, dtype=object)).fillna("")
    chosen = []
    for position in offers.index[fill]:
        key = (region[position], treatment[position])
        row = by_key.get(key) or by_key.get(("", treatment[position]))
        chosen.append(row)
        if row is not None:
            offers.at[position, "disposal_cost"] = row["cost_per_t"]
            offers.at[position, "disposal_cost_id"] = row["cost_id"]

    usage = _usage(offers[fill], treatment[fill], chosen)
    priced = int(offers.loc[fill, "disposal_cost_id"].notna().sum())
    logger.info("disposal costs of %s: %d of %d offers priced", country, priced, int(fill.sum()))
    return offers, usage


def _usage(offers: pd.DataFrame, treatment: pd.Series, chosen: list[Any]) -> pd.DataFrame:
    """Return, per table row used (or treatment left unpriced), the offers and tonnes."""
    columns = ["cost_id", "region", "cost_per_t", "currency", "year", "source"]
    rows = pd.DataFrame(
        [{c: row[c] for c in columns} if row is not None else {} for row in chosen],
        columns=columns,
        index=offers.index,
    )
    rows["treatment"] = treatment.to_numpy(dtype=object)
    rows["quantity"] = offers["quantity"].to_numpy(dtype=float)
    rows["cost_id"] = rows["cost_id"].astype(object).where(rows["cost_id"].notna(), "")
    grouped = rows.fillna({"treatment": ""}).groupby(
        ["cost_id", "treatment"], sort=True, dropna=False
    )
    usage = grouped.agg(
        region=("region", "first"),
        cost_per_t=("cost_per_t", "first"),
        currency=("currency", "first"),
        year=("year", "first"),
        source=("source", "first"),
        offers=("quantity", "size"),
        quantity=("quantity", "sum"),
    ).reset_index()
    for column in ("cost_id", "treatment"):
        usage[column] = usage[column].astype(object).where(usage[column] != "", None)
    unpriced = usage["cost_id"].isna()
    return pd.concat([usage[~unpriced], usage[unpriced]], ignore_index=True)

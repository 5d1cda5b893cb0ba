"""Zone summary for the plan: counts, assumed amounts and the data sources cited."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ecoplan.i18n import LOCALES, join_list
from ecoplan.model import schema
from ecoplan.model.vocab import label
from ecoplan.model.zone import Zone
from ecoplan.report.records import plain

COUNTED_TABLES = ("sites", "organisations", "nodes", "resources", "flows")


def zone_summary(zone: Zone) -> dict[str, Any]:
    """Return the zone's identity, table counts and the share of flows marked assumed.

    ``assumed_share`` is the number of flows marked assumed over the number of flows
    [1]; it is ``None`` for a zone without flows.
    """
    info = zone.info
    flows = zone.flows
    assumed = flows["assumed"].fillna(False).astype(bool)
    return {
        "zone_id": zone.zone_id,
        "name": zone.name,
        "name_zh": plain(info.get("name_zh")),
        "base_year": zone.base_year,
        "currency": zone.currency,
        "years": zone.years,
        "counts": {table: len(zone.tables[table]) for table in COUNTED_TABLES},
        "assumed_flows": int(assumed.sum()),
        "assumed_share": float(assumed.mean()) if len(flows) else None,
        "assumed": assumed_amounts(zone),
    }


ASSUMED_TABLES = tuple(table for table in schema.TABLES if "assumed" in schema.column_names(table))
"""Tables with an ``assumed`` column, in workbook order."""

DEFAULT_UNITS = {
    "fixed_cost_unit": "{currency}/a",
    "cost_unit": "{currency}/t",
    "price_unit": "{currency}/t",
}
"""Unit of an amount whose unit cell is empty, by unit column, as ``schema.csv`` sets it."""


def assumed_amounts(zone: Zone) -> list[dict[str, Any]]:
    """Return every amount of every row marked assumed, with its basis (the row's note).

    Each entry names its ``table`` (and ``table_name`` per locale), the row (``id``), the
    ``column`` of the amount, the ``year`` when the table has one, a ``description`` per
    locale, the ``amount`` and ``unit``. A row with several amounts, such as a hub site's
    capacity and costs, gives one entry per amount.
    """
    rows: list[dict[str, Any]] = []
    for table in ASSUMED_TABLES:
        frame = zone.tables.get(table)
        if frame is None or "assumed" not in frame.columns:
            continue
        marked = frame[frame["assumed"].fillna(False).astype(bool)]
        if table == "flows":
            entries = flow_entries(zone, marked)
        elif table == "economy":
            entries = economy_entries(marked)
        else:
            entries = table_entries(table, marked, zone.currency)
        english, chinese = schema.TABLE_LABELS[table]
        names = {"en": english, "zh_CN": chinese}
        rows.extend({"table": table, "table_name": names, **entry} for entry in entries)
    return rows


def flow_entries(zone: Zone, flows: pd.DataFrame) -> list[dict[str, Any]]:
    """Return the assumed amounts of ``flows``, each described as resource: source → target."""
    nodes = names_by_locale(zone.nodes, "node_id")
    resources = names_by_locale(zone.resources, "resource_id")
    entries = []
    for flow in flows.to_dict(orient="records"):
        resource, source, target = (
            str(flow[key]) for key in ("resource_id", "from_node", "to_node")
        )
        description = {
            locale: f"{resources[locale][resource]}: {nodes[locale][source]}"
            f" → {nodes[locale][target]}"
            for locale in LOCALES
        }
        entries.append(
            {
                "id": flow["flow_id"],
                "column": "amount",
                "year": plain(flow["year"]),
                "description": description,
                "amount": plain(flow["amount"]),
                "unit": flow["unit"],
                "basis": plain(flow["note"]),
            }
        )
    return entries


def economy_entries(economy: pd.DataFrame) -> list[dict[str, Any]]:
    """Return the assumed values of ``economy``, each described by its variable and owner."""
    entries = []
    for row in economy.to_dict(orient="records"):
        variable, owner = str(row["variable"]), plain(row["org_id"])
        suffix = f" ({owner})" if owner else ""
        description = {
            locale: label("economy_variable", variable, locale) + suffix for locale in LOCALES
        }
        entries.append(
            {
                "id": variable,
                "column": "value",
                "year": plain(row["year"]),
                "description": description,
                "amount": plain(row["value"]),
                "unit": row["unit"],
                "basis": plain(row["note"]),
            }
        )
    return entries


def table_entries(table: str, frame: pd.DataFrame, currency: str) -> list[dict[str, Any]]:
    """Return one entry per amount of each row of ``frame``, a table of the generic kind.

    The row is named by its identifier or, without one, by its required key columns (a hub
    site by its site, a portfolio share by scenario and technology). The amounts are the
    numeric columns that ``schema.csv`` gives a unit.
    """
    keys = key_columns(table)
    amounts = [
        column
        for column in schema.columns(table)
        if column.type in ("amount", "float") and column.unit
    ]
    entries = []
    for row in frame.to_dict(orient="records"):
        row_id = " / ".join(str(row[key.name]) for key in keys)
        for column in amounts:
            if pd.isna(row[column.name]):
                continue
            entries.append(
                {
                    "id": row_id,
                    "column": column.name,
                    "year": plain(row["year"]) if "year" in row else None,
                    "description": {
                        locale: describe_amount(keys, column, row, locale) for locale in LOCALES
                    },
                    "amount": plain(row[column.name]),
                    "unit": amount_unit(column, row, currency),
                    "basis": plain(row.get("note")),
                }
            )
    return entries


def key_columns(table: str) -> list[schema.Column]:
    """Return the columns that name a row: the identifier, else the required key columns."""
    columns = schema.columns(table)
    identifier = [column for column in columns if column.type == "id"]
    if identifier:
        return identifier
    return [
        column
        for column in columns
        if column.required and column.type in ("ref", "choice", "text", "code")
    ]


def describe_amount(
    keys: list[schema.Column], column: schema.Column, row: dict[Any, Any], locale: str
) -> str:
    """Return ``key, key: column`` in ``locale``, with choice values by their label."""
    names = [
        label(key.vocab, str(row[key.name]), locale) if key.vocab else str(row[key.name])
        for key in keys
    ]
    if locale == "zh_CN":
        return f"{'，'.join(names)}：{column.header_zh}"
    return f"{', '.join(names)}: {column.name.replace('_', ' ')}"


def amount_unit(column: schema.Column, row: dict[Any, Any], currency: str) -> str:
    """Return the unit of an amount: its unit cell, the default for an empty one, or fixed."""
    if column.unit not in row:
        return column.unit
    unit = plain(row[column.unit])
    if unit:
        return str(unit)
    return DEFAULT_UNITS.get(column.unit, "").format(currency=currency)


def names_by_locale(table: pd.DataFrame, key: str) -> dict[str, dict[str, str]]:
    """Return the names of a table's rows by locale; the Chinese name falls back to the name."""
    english = dict(zip(table[key], table["name"], strict=True))
    chinese = dict(english)
    if "name_zh" in table.columns:
        chinese.update(
            {
                row_id: name
                for row_id, name in zip(table[key], table["name_zh"], strict=True)
                if isinstance(name, str) and name
            }
        )
    return {"en": english, "zh_CN": chinese}


def data_sources(zone: Zone) -> list[dict[str, Any]]:
    """Return each source cited in the zone, with the tables and number of rows citing it.

    ``cited_in`` lists the tables' names per locale, joined with that locale's separator.
    """
    cited: dict[str, dict[str, Any]] = {}
    for table in schema.TABLES:
        frame = zone.tables.get(table)
        if frame is None or "source" not in frame.columns:
            continue
        for source, count in frame["source"].dropna().value_counts(sort=False).items():
            entry = cited.setdefault(str(source), {"source": str(source), "tables": [], "rows": 0})
            entry["tables"].append(table)
            entry["rows"] += int(count)
    for entry in cited.values():
        entry["cited_in"] = {
            locale: join_list([table_name(table, locale) for table in entry["tables"]], locale)
            for locale in LOCALES
        }
    return sorted(cited.values(), key=lambda entry: (-entry["rows"], entry["source"]))


def table_name(table: str, locale: str) -> str:
    """Return the name of a zone table in ``locale``."""
    english, chinese = schema.TABLE_LABELS.get(table, (table, table))
    return chinese if locale == "zh_CN" else english

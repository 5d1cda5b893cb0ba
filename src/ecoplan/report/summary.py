"""Zone summary for the plan: counts, assumed amounts and the data sources cited."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ecoplan.i18n import LOCALES
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


def assumed_amounts(zone: Zone) -> list[dict[str, Any]]:
    """Return every flow and economy value marked assumed, with its basis (the row's note)."""
    rows = []
    nodes = names_by_locale(zone.nodes, "node_id")
    resources = names_by_locale(zone.resources, "resource_id")
    flows = zone.flows[zone.flows["assumed"].fillna(False).astype(bool)]
    for flow in flows.to_dict(orient="records"):
        resource, source, target = (
            str(flow[key]) for key in ("resource_id", "from_node", "to_node")
        )
        description = {
            locale: f"{resources[locale][resource]}: {nodes[locale][source]}"
            f" → {nodes[locale][target]}"
            for locale in LOCALES
        }
        rows.append(
            {
                "table": "flows",
                "id": flow["flow_id"],
                "year": plain(flow["year"]),
                "description": description,
                "amount": plain(flow["amount"]),
                "unit": flow["unit"],
                "basis": plain(flow["note"]),
            }
        )

    economy = zone.economy
    if "assumed" in economy.columns:
        economy = economy[economy["assumed"].fillna(False).astype(bool)]
        for row in economy.to_dict(orient="records"):
            variable, owner = str(row["variable"]), plain(row["org_id"])
            suffix = f" ({owner})" if owner else ""
            description = {
                locale: label("economy_variable", variable, locale) + suffix for locale in LOCALES
            }
            rows.append(
                {
                    "table": "economy",
                    "id": variable,
                    "year": plain(row["year"]),
                    "description": description,
                    "amount": plain(row["value"]),
                    "unit": row["unit"],
                    "basis": plain(row["note"]),
                }
            )
    return rows


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
    """Return each source cited in the zone, with the tables and number of rows citing it."""
    cited: dict[str, dict[str, Any]] = {}
    for table in schema.TABLES:
        frame = zone.tables.get(table)
        if frame is None or "source" not in frame.columns:
            continue
        for source, count in frame["source"].dropna().value_counts(sort=False).items():
            entry = cited.setdefault(str(source), {"source": str(source), "tables": [], "rows": 0})
            entry["tables"].append(table)
            entry["rows"] += int(count)
    return sorted(cited.values(), key=lambda entry: (-entry["rows"], entry["source"]))

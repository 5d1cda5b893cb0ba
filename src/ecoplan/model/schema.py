"""The zone schema, read from ``schema.csv``: tables, their columns and rules.

The schema is data: validation, the workbook template, the docs and the web forms are all
generated from ``schema.csv``, so a column is described in one place.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TABLES = (
    "zone",
    "sites",
    "organisations",
    "nodes",
    "resources",
    "flows",
    "stocks",
    "durables",
    "durable_series",
    "economy",
    "targets",
    "listings",
    "compatibility",
    "hub_sites",
    "recovery_facilities",
    "recovery_yields",
    "projects",
    "energy_demand",
    "portfolio",
    "technology_overrides",
    "heat_streams",
)
"""Tables of a zone, in the order a workbook lists them (referenced tables first)."""

TABLE_LABELS = {
    "zone": ("Zone", "区域"),
    "sites": ("Sites", "地块"),
    "organisations": ("Organisations", "机构"),
    "nodes": ("Nodes", "节点"),
    "resources": ("Resources", "资源"),
    "flows": ("Flows", "流"),
    "stocks": ("Stocks", "存量"),
    "durables": ("Durables", "耐用品"),
    "durable_series": ("Durable series", "耐用品序列"),
    "economy": ("Economy", "经济"),
    "targets": ("Targets", "目标"),
    "listings": ("Listings", "供需挂牌"),
    "compatibility": ("Compatibility rules", "兼容规则"),
    "hub_sites": ("Hub sites", "集散中心候选地块"),
    "recovery_facilities": ("Recovery facilities", "材料回收设施"),
    "recovery_yields": ("Recovery yields", "分拣产出率"),
    "projects": ("Projects", "项目"),
    "energy_demand": ("Energy demand", "能源需求"),
    "portfolio": ("Energy portfolio", "能源结构"),
    "technology_overrides": ("Technology overrides", "技术参数替换"),
    "heat_streams": ("Heat streams", "热物流"),
}

REQUIRED_TABLES = ("zone", "nodes", "resources", "flows")
"""Tables a zone cannot do without; the others may be absent or empty."""


@dataclass(frozen=True)
class Column:
    """One column of a zone table, as described in ``schema.csv``.

    ``type`` is one of ``id``, ``text``, ``code``, ``ref``, ``choice``, ``float``, ``amount``
    (a non-negative number), ``year``, ``bool`` or ``unit``. ``unit`` names the column that
    holds the unit of an amount (or a fixed unit such as ``h/a``); for a ``unit`` column,
    ``vocab`` names what it must measure (``resource``: the dimension of the row's resource).
    """

    table: str
    name: str
    type: str
    required: bool
    vocab: str
    references: str
    unit: str
    header_zh: str
    description_en: str
    description_zh: str

    def header(self, locale: str = "en") -> str:
        """Return the column heading in ``locale``."""
        return self.header_zh if locale.startswith("zh") else self.name


@cache
def columns(table: str) -> tuple[Column, ...]:
    """Return the columns of ``table`` in schema order."""
    return tuple(column for column in _all_columns() if column.table == table)


@cache
def _all_columns() -> tuple[Column, ...]:
    path = Path(__file__).with_name("schema.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(
        Column(
            table=row["table"],
            name=row["column"],
            type=row["type"],
            required=row["required"] == "yes",
            vocab=row["vocab"],
            references=row["references"],
            unit=row["unit"],
            header_zh=row["header_zh"],
            description_en=row["description_en"],
            description_zh=row["description_zh"],
        )
        for row in rows
    )


def column_names(table: str) -> list[str]:
    """Return the column names of ``table`` in schema order."""
    return [column.name for column in columns(table)]


def id_column(table: str) -> str | None:
    """Return the name of the identifier column of ``table``, if it has one."""
    return next((column.name for column in columns(table) if column.type == "id"), None)


@cache
def header_map(table: str) -> dict[str, str]:
    """Return a map from every accepted heading (English, Chinese, bilingual) to the column name.

    A template heading is bilingual, ``flow_id / 流编号``; a user may also type either half.
    """
    headings: dict[str, str] = {}
    for column in columns(table):
        for heading in (column.name, column.header_zh, bilingual_header(column)):
            headings[heading.strip().casefold()] = column.name
    return headings


def bilingual_header(column: Column) -> str:
    """Return the template heading of ``column``: ``name / 中文``."""
    return f"{column.name} / {column.header_zh}"


def sheet_names(table: str) -> tuple[str, ...]:
    """Return the sheet or file names accepted for ``table`` (English, Chinese, bilingual)."""
    english, chinese = TABLE_LABELS[table]
    return (table, english, chinese, f"{table} {chinese}")


def template_sheet_name(table: str) -> str:
    """Return the sheet name the template uses for ``table``."""
    return f"{table} {TABLE_LABELS[table][1]}"

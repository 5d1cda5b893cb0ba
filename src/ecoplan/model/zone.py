"""The zone: one object that every analysis reads.

A :class:`Zone` holds one pandas DataFrame per schema table (see ``schema.csv``). Cells are
typed: text columns hold ``str`` or ``None``, numbers are ``float64`` with ``NaN`` for absent,
years are nullable ``Int64``, flags nullable ``boolean``. Tables with amounts carry derived
columns in canonical units, which analyses use:

- ``flows.quantity``: amount per year in the resource's canonical unit [t, MWh, m³, ha or 1];
- ``stocks.level_quantity`` and ``stocks.change_quantity``: the same for stocks;
- ``listings.quantity``: amount per year in canonical units;
- ``economy.quantity``: money in the zone's currency, land in ha, counts as given;
- ``durable_series.quantity``: the series in canonical units;
- ``sites.area_ha``: site area [ha].

Build a zone with :meth:`Zone.from_tables`, which validates every cell and raises one
:class:`~ecoplan.errors.InputError` listing all problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

from ecoplan.errors import Problem
from ecoplan.model import schema


@dataclass(eq=False)
class Zone:
    """A development zone or eco-industrial park: its tables, validated and in canonical units."""

    tables: dict[str, pd.DataFrame]
    source: str = "python"
    notes: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    """Problems that did not stop the import: ignored sheets and columns, codes read in their only
    possible way. The command line prints them."""

    @classmethod
    def from_tables(cls, tables: dict[str, pd.DataFrame], source: str = "python") -> Zone:
        """Validate plain tables (schema column names, one DataFrame per table) into a zone.

        Raises
        ------
        InputError
            Listing every invalid cell of every table; no zone is returned.
        """
        from ecoplan.model.validate import RawTable, validate_tables

        raw = {
            name: RawTable.from_frame(name, frame, file=source) for name, frame in tables.items()
        }
        return validate_tables(raw, source=source)

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in schema.TABLES:
            return self.tables[name]
        raise AttributeError(name)

    @property
    def info(self) -> dict[str, Any]:
        """Return the single row of the ``zone`` table as a dict."""
        return dict(self.tables["zone"].iloc[0])

    @property
    def zone_id(self) -> str:
        """Return the zone's identifier."""
        return str(self.info["zone_id"])

    @property
    def name(self) -> str:
        """Return the zone's name."""
        return str(self.info["name"])

    @property
    def base_year(self) -> int:
        """Return the base year of the accounts."""
        return int(self.info["base_year"])

    @property
    def currency(self) -> str:
        """Return the currency of every money amount."""
        return str(self.info["currency"])

    @property
    def years(self) -> list[int]:
        """Return the years that have flows, in order."""
        return sorted(int(year) for year in self.tables["flows"]["year"].dropna().unique())

    @cached_property
    def flow_table(self) -> pd.DataFrame:
        """Return flows joined with their resource's attributes and both nodes' kinds.

        Adds ``type``, ``dimension``, ``category``, ``origin``, ``energy_source``,
        ``hazardous``, ``from_kind`` and ``to_kind``.
        """
        flows = self.tables["flows"]
        resources = self.tables["resources"].set_index("resource_id")
        kinds = self.tables["nodes"].set_index("node_id")["kind"]
        attributes = ["type", "dimension", "category", "origin", "energy_source", "hazardous"]
        joined = flows.join(resources[attributes], on="resource_id")
        joined["from_kind"] = flows["from_node"].map(kinds)
        joined["to_kind"] = flows["to_node"].map(kinds)
        return joined

    def to_tables(self) -> dict[str, pd.DataFrame]:
        """Return the tables as entered: schema columns only, without derived columns."""
        return {
            name: frame[[c for c in schema.column_names(name) if c in frame.columns]].copy()
            for name, frame in self.tables.items()
        }

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{name}={len(frame)}" for name, frame in self.tables.items() if len(frame)
        )
        return f"Zone({self.zone_id!r}, {counts})"

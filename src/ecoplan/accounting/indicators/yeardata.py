"""One year of a zone, prepared once for all indicators: flows, economy rows and flow sets.

The flow sets define where the indicators take their amounts from [t, MWh or m³ per year]:

- an *input* is a flow from a boundary node of kind ``import`` or ``environment`` into a
  ``process`` node (a flow from one boundary node to another passes by the zone and counts
  nowhere);
- *materials* are resources of type ``materials`` measured by mass, *energy* those of type
  ``energy`` measured in energy, *water* those of type ``water`` measured by volume;
- a resource is *secondary* when its ``origin`` is ``secondary``, or when its origin is empty
  and its ``category`` is a waste category (:data:`WASTE_CATEGORIES`);
- the *net balance* of a resource at a process node is its inflow minus its outflow, so a
  broker or storage node that passes a resource on counts neither as its source nor as its user.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ecoplan.accounting.indicators.base import Missing
from ecoplan.i18n import N_
from ecoplan.model.vocab import SOLID_WASTE_CATEGORIES, SOURCE_KINDS

if TYPE_CHECKING:
    from ecoplan.model.zone import Zone

WASTE_CATEGORIES = SOLID_WASTE_CATEGORIES | {
    "hazardous_waste",
    "municipal_solid_waste",
    "organic_waste",
    "sewage_sludge",
}
"""Resource categories counted as solid waste: general industrial solid waste and the rest."""

SINK_KINDS = frozenset({"atmosphere", "water_body", "landfill"})
"""Boundary kinds where resources leave the zone as emissions or disposed waste."""


@dataclass
class YearData:
    """The flows and economy rows of one year of a zone."""

    year: int
    currency: str
    flows: pd.DataFrame
    economy: pd.DataFrame
    household_nodes: frozenset[str] = frozenset()
    """Process nodes run by an organisation of kind ``household_sector``."""

    @classmethod
    def of(cls, zone: Zone, year: int) -> YearData:
        """Select the flows and economy rows of ``year`` from ``zone``."""
        table = zone.flow_table
        flows = table[(table["year"] == year).fillna(False).to_numpy(dtype=bool)]
        economy = zone.tables["economy"]
        economy = economy[(economy["year"] == year).fillna(False).to_numpy(dtype=bool)]
        return cls(
            year=year,
            currency=zone.currency,
            flows=flows,
            economy=economy,
            household_nodes=_household_nodes(zone),
        )

    @cached_property
    def to_industry(self) -> np.ndarray:
        """Flows into a node that is not run by the household sector."""
        return (~self.flows["to_node"].isin(self.household_nodes)).to_numpy()

    @cached_property
    def is_input(self) -> np.ndarray:
        """Flows from an ``import`` or ``environment`` node into a process node."""
        return (
            self.flows["from_kind"].isin(SOURCE_KINDS) & (self.flows["to_kind"] == "process")
        ).to_numpy()

    @cached_property
    def is_materials(self) -> np.ndarray:
        """Flows of resources of type ``materials`` measured by mass."""
        return (
            (self.flows["type"] == "materials") & (self.flows["dimension"] == "mass")
        ).to_numpy()

    @cached_property
    def is_energy(self) -> np.ndarray:
        """Flows of resources of type ``energy`` measured in energy units."""
        return ((self.flows["type"] == "energy") & (self.flows["dimension"] == "energy")).to_numpy()

    @cached_property
    def is_water(self) -> np.ndarray:
        """Flows of resources of type ``water`` measured by volume."""
        return ((self.flows["type"] == "water") & (self.flows["dimension"] == "volume")).to_numpy()

    @cached_property
    def is_secondary(self) -> np.ndarray:
        """Flows of secondary resources: origin ``secondary``, or no origin and a waste category."""
        origin = self.flows["origin"]
        waste = self.flows["category"].isin(WASTE_CATEGORIES)
        return ((origin == "secondary") | (origin.isna() & waste)).to_numpy()

    def in_category(self, categories: frozenset[str] | set[str]) -> np.ndarray:
        """Return the mask of flows whose resource category is in ``categories``."""
        return self.flows["category"].isin(categories).to_numpy()

    def total(self, mask: np.ndarray) -> float:
        """Return the summed ``quantity`` of the flows in ``mask`` [canonical unit per year]."""
        return float(self.flows["quantity"].to_numpy()[mask].sum())

    def count(self, mask: np.ndarray) -> int:
        """Return the number of flows in ``mask``."""
        return int(np.count_nonzero(mask))

    def net_balance(self, mask: np.ndarray) -> pd.DataFrame:
        """Return inflow and outflow of each (process node, resource) among the flows in ``mask``.

        Columns ``inflow``, ``outflow`` and ``net`` (inflow minus outflow), indexed by
        ``node`` and ``resource_id`` [canonical unit per year]. A flow from a node to itself
        adds to both sides.
        """
        flows = self.flows[mask]
        outgoing = flows[(flows["from_kind"] == "process").to_numpy()]
        incoming = flows[(flows["to_kind"] == "process").to_numpy()]
        outflow = outgoing.groupby(["from_node", "resource_id"])["quantity"].sum()
        inflow = incoming.groupby(["to_node", "resource_id"])["quantity"].sum()
        outflow.index.names = inflow.index.names = ["node", "resource_id"]
        balance = pd.concat({"inflow": inflow, "outflow": outflow}, axis=1).fillna(0.0)
        if balance.empty:
            balance = pd.DataFrame({"inflow": [], "outflow": []}, dtype=float)
        balance["net"] = balance["inflow"] - balance["outflow"]
        return balance

    def economy_value(self, variable: str) -> tuple[float, str, Missing | None]:
        """Return the zone's value of an ``economy`` variable, its unit and what is missing.

        The zone-wide row (empty ``org_id``) is used; without one, the organisations' rows are
        summed. The value is ``economy.quantity``: money in the zone's currency, land in ha,
        other variables in the row's unit, returned as the second item.
        """
        rows = self.economy[(self.economy["variable"] == variable).to_numpy()]
        rows = rows[rows["quantity"].notna().to_numpy()]
        zone_wide = rows[rows["org_id"].isna().to_numpy()]
        if len(zone_wide) > 1:
            return np.nan, "", Missing(_SEVERAL_ROWS, {"variable": variable, "year": self.year})
        if len(zone_wide) == 1:
            rows = zone_wide
        if rows.empty:
            return np.nan, "", Missing(_NO_ECONOMY_ROW, {"variable": variable, "year": self.year})
        units = rows["unit"].unique()
        if variable == "service_output" and len(units) > 1:
            return np.nan, "", Missing(_MIXED_UNITS, {"variable": variable, "year": self.year})
        return float(rows["quantity"].sum()), str(units[0]), None


_NO_ECONOMY_ROW = N_("no economy row '{variable}' for {year}")
_SEVERAL_ROWS = N_("several zone-wide economy rows '{variable}' for {year}; keep one")
_MIXED_UNITS = N_("the economy rows '{variable}' for {year} have different units; use one unit")


def _household_nodes(zone: Zone) -> frozenset[str]:
    organisations = zone.tables["organisations"]
    households = set(organisations.loc[organisations["kind"] == "household_sector", "org_id"])
    nodes = zone.tables["nodes"]
    return frozenset(nodes.loc[nodes["org_id"].isin(households), "node_id"])

"""By-product utility (broker) hubs: where to open them and which small flows they pool.

A hub collects small flows from many plants and ships them on in bulk, which pays when the
pooled quantity reaches an economic size. Choosing the hubs is a capacitated facility-location
problem, solved as a MIP with linopy and HiGHS. For sources ``i`` (quantity ``q[i]``, cost
``d[i]`` per unit of handling it alone today) and candidate sites ``h``:

- ``x[i, h]`` in [0, 1] is the share of source ``i`` routed through hub ``h``, ``y[h]`` in
  {0, 1} opens hub ``h``;
- cost of a unit from ``i`` through ``h``: ``c[i, h] = collection_rate × road_factor ×
  great-circle distance + unit_cost[h]``, where ``unit_cost`` covers handling at the hub,
  bulk shipping onward and placing the pooled material (gate fee, less any sale price), because
  ``d[i]`` includes placing the flow and nothing else is added for it;
- minimise ``Σ q[i] d[i] (1 − Σ_h x[i, h]) + Σ q[i] c[i, h] x[i, h] + Σ fixed_cost[h] y[h]``;
- subject to ``Σ_h x[i, h] ≤ 1``, ``x[i, h] ≤ y[h]``, ``min_quantity[h] y[h] ≤ Σ_i q[i]
  x[i, h] ≤ capacity[h] y[h]``, and at most ``max_hubs`` hubs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import linopy
import numpy as np
import pandas as pd
import xarray as xr

from ecoplan.exchange.geo import haversine_km
from ecoplan.exchange.linear import linear_status
from ecoplan.exchange.network import ExchangeError, ExchangeStatus, require_columns
from ecoplan.i18n import _

logger = logging.getLogger(__name__)

SOURCE_COLUMNS = ("source_id", "quantity", "longitude", "latitude", "direct_cost")
SITE_COLUMNS = ("site_id", "longitude", "latitude", "fixed_cost", "capacity", "unit_cost")


@dataclass
class HubResult:
    """The chosen hubs and the routing of each source.

    Attributes
    ----------
    status
        :class:`~ecoplan.exchange.network.ExchangeStatus` of the MIP.
    hubs
        Open hubs: site_id, throughput [canonical unit per year], fixed_cost [currency per
        year], capacity [canonical unit per year].
    routes
        One row per (source, hub) pair used: source_id, site_id, quantity [canonical unit per
        year], unit_cost [currency per unit].
    total_cost
        Cost of the chosen plan [currency per year]; NaN unless optimal.
    direct_cost
        Cost of handling every source alone, as today [currency per year].
    """

    status: ExchangeStatus
    hubs: pd.DataFrame
    routes: pd.DataFrame
    total_cost: float
    direct_cost: float

    @property
    def saving(self) -> float:
        """Return the yearly saving of the hubs over handling every source alone [currency]."""
        return self.direct_cost - self.total_cost


def routing_costs(
    sources: pd.DataFrame, sites: pd.DataFrame, collection_rate: float, road_factor: float
) -> np.ndarray:
    """Return the cost of a unit from each source through each site [currency per unit].

    Rows are sources, columns sites.
    """
    distance = haversine_km(
        sources["longitude"].to_numpy(float)[:, None],
        sources["latitude"].to_numpy(float)[:, None],
        sites["longitude"].to_numpy(float)[None, :],
        sites["latitude"].to_numpy(float)[None, :],
    )
    return collection_rate * road_factor * distance + sites["unit_cost"].to_numpy(float)[None, :]


def check_inputs(sources: pd.DataFrame, sites: pd.DataFrame) -> None:
    """Raise :class:`ExchangeError` if a column is missing or a number is not known."""
    require_columns(sources, SOURCE_COLUMNS, "sources")
    require_columns(sites, SITE_COLUMNS, "sites")
    for table, frame, columns in (
        ("sources", sources, SOURCE_COLUMNS[1:]),
        ("sites", sites, SITE_COLUMNS[1:]),
    ):
        values = frame[list(columns)].apply(pd.to_numeric, errors="coerce")
        bad = values.isna().any(axis=1).to_numpy()
        if bad.any():
            first = frame.iloc[int(np.flatnonzero(bad)[0])]
            raise ExchangeError(
                _(
                    "The {table} row {row} has a missing or non-numeric value in {columns}; "
                    "fill them in."
                ).format(table=table, row=first.iloc[0], columns=", ".join(columns))
            )


def build_hub_model(
    sources: pd.DataFrame, sites: pd.DataFrame, unit_cost: np.ndarray, max_hubs: int | None
) -> linopy.Model:
    """Return the facility-location MIP (see the module docstring) as a linopy model."""
    source_index = pd.RangeIndex(len(sources), name="source")
    site_index = pd.RangeIndex(len(sites), name="site")
    quantity = xr.DataArray(sources["quantity"].to_numpy(float), coords=[source_index])
    direct = xr.DataArray(sources["direct_cost"].to_numpy(float), coords=[source_index])
    cost = xr.DataArray(unit_cost, coords=[source_index, site_index])

    model = linopy.Model()
    share = model.add_variables(
        lower=0.0, upper=1.0, coords=[source_index, site_index], name="share"
    )
    hub = model.add_variables(binary=True, coords=[site_index], name="hub")
    model.add_constraints(share.sum("site") <= 1.0, name="assign")
    model.add_constraints(share - hub <= 0.0, name="open")
    throughput = (quantity * share).sum("source")
    capacity = xr.DataArray(sites["capacity"].to_numpy(float), coords=[site_index])
    model.add_constraints(throughput - capacity * hub <= 0.0, name="capacity")
    if "min_quantity" in sites:
        minimum = xr.DataArray(
            sites["min_quantity"].fillna(0.0).to_numpy(float), coords=[site_index]
        )
        model.add_constraints(throughput - minimum * hub >= 0.0, name="economic_quantity")
    if max_hubs is not None:
        model.add_constraints(hub.sum() <= max_hubs, name="max_hubs")

    fixed = xr.DataArray(sites["fixed_cost"].to_numpy(float), coords=[site_index])
    model.add_objective((quantity * (cost - direct) * share).sum() + (fixed * hub).sum())
    return model


def locate_hubs(
    sources: pd.DataFrame,
    sites: pd.DataFrame,
    *,
    collection_rate: float,
    road_factor: float = 1.3,
    max_hubs: int | None = None,
    time_limit: float | None = None,
) -> HubResult:
    """Choose hubs among candidate ``sites`` and route small ``sources`` through them.

    Parameters
    ----------
    sources
        source_id, quantity [canonical unit per year], longitude, latitude [°, WGS84],
        direct_cost [currency per unit handled alone today, e.g. small-lot transport to the
        user plus its gate fee].
    sites
        site_id, longitude, latitude, fixed_cost [currency per year of an open hub],
        capacity [canonical unit per year], unit_cost [currency per unit handled at the hub,
        shipped on in bulk and placed at its user or final disposal], optionally
        min_quantity [canonical unit per year below which a hub does not pay; the economic
        quantity].
    collection_rate
        Cost of collecting a unit over one road kilometre [currency per unit per km].
    road_factor
        Road distance over great-circle distance [1].
    max_hubs
        Largest number of hubs to open, or None for no limit.
    time_limit
        Time limit of HiGHS [s].
    """
    check_inputs(sources, sites)
    unit_cost = routing_costs(sources, sites, collection_rate, road_factor)
    quantity = sources["quantity"].to_numpy(float)
    direct_cost = float((quantity * sources["direct_cost"].to_numpy(float)).sum())

    model = build_hub_model(sources, sites, unit_cost, max_hubs)
    options: dict[str, Any] = {"mip_rel_gap": 1e-9}
    if time_limit is not None:
        options["time_limit"] = float(time_limit)
    _status, condition = model.solve(
        "highs", io_api="direct", progress=False, output_flag=False, **options
    )
    status = linear_status(str(condition))
    logger.info(
        "hub location: %s with %d sources and %d sites", condition, len(sources), len(sites)
    )
    if status != ExchangeStatus.OPTIMAL:
        empty = pd.DataFrame()
        return HubResult(status, empty, empty, float("nan"), direct_cost)
    return hub_result(model, sources, sites, unit_cost, direct_cost)


def hub_result(
    model: linopy.Model,
    sources: pd.DataFrame,
    sites: pd.DataFrame,
    unit_cost: np.ndarray,
    direct_cost: float,
) -> HubResult:
    """Return the open hubs and routes of the solved ``model``."""
    share = model.variables["share"].solution.to_numpy()
    opened = model.variables["hub"].solution.to_numpy() > 0.5
    flows = share * sources["quantity"].to_numpy(float)[:, None]
    source_pos, site_pos = np.nonzero(share > 1e-9)
    routes = pd.DataFrame(
        {
            "source_id": sources["source_id"].to_numpy()[source_pos],
            "site_id": sites["site_id"].to_numpy()[site_pos],
            "quantity": flows[source_pos, site_pos],
            "unit_cost": unit_cost[source_pos, site_pos],
        }
    )
    hubs = pd.DataFrame(
        {
            "site_id": sites["site_id"].to_numpy()[opened],
            "throughput": flows.sum(axis=0)[opened],
            "fixed_cost": sites["fixed_cost"].to_numpy(float)[opened],
            "capacity": sites["capacity"].to_numpy(float)[opened],
        }
    )
    objective = model.objective.value
    total_cost = direct_cost + (float(objective) if objective is not None else float("nan"))
    return HubResult(ExchangeStatus.OPTIMAL, hubs, routes, total_cost, direct_cost)

"""Heat pinch analysis of a zone: its ``heat_streams`` table, per plant and pooled.

The workbook gives each stream a heat-capacity flowrate CP in any power-per-kelvin unit
(kW/K, MW/K) or a heat load in any power unit (kW, MW). :func:`heat_streams` converts them
with pint into the stream table that :func:`ecoplan.energy.pinch.problem_table` takes, CP in
kW/K; :func:`zone_pinch` then targets each plant (organisation) alone and all plants pooled.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ecoplan import units
from ecoplan.energy.pinch import PinchTargets, StreamError, problem_table
from ecoplan.energy.pinch_network import SiteTargets, site_targets
from ecoplan.i18n import _

logger = logging.getLogger(__name__)

DT_MIN = 10.0
"""Default minimum approach temperature [K], a common first value for process plants."""

STREAM_TABLE_COLUMNS = (
    "org_id",
    "node_id",
    "name",
    "kind",
    "supply_temperature",
    "target_temperature",
    "heat_capacity_flowrate",
    "dt_min_contribution",
)
"""Columns of :func:`heat_streams`: temperatures [°C], CP [kW/K], contribution [K]."""


@dataclass(frozen=True)
class ZonePinch:
    """Heat recovery targets of a zone's plants, each alone and pooled.

    Attributes
    ----------
    plants : dict of str to PinchTargets
        Targets of each plant's own streams, keyed by ``org_id``.
    pooled : PinchTargets
        Targets of all streams of the zone in one problem table (direct integration).
    site : SiteTargets or None
        Heat an intermediate steam or hot-water loop can carry between the plants, when a
        loop temperature was given.
    """

    plants: dict[str, PinchTargets]
    pooled: PinchTargets
    site: SiteTargets | None = None

    def plant_table(self) -> pd.DataFrame:
        """Return the targets of each plant alone, one row per plant.

        Columns ``hot_utility``, ``cold_utility`` and ``heat_recovery`` [kW], and ``pinch``,
        the first shifted pinch temperature [°C] (NaN without a pinch).
        """
        rows = [
            {
                "plant": plant,
                "hot_utility": targets.hot_utility,
                "cold_utility": targets.cold_utility,
                "heat_recovery": targets.heat_recovery,
                "pinch": targets.pinch_temperatures[0] if targets.pinch_temperatures else np.nan,
            }
            for plant, targets in self.plants.items()
        ]
        return pd.DataFrame(rows).set_index("plant")

    @property
    def pooled_saving(self) -> float:
        """Hot utility saved by pooling all plants against each plant alone [kW]."""
        return sum(t.hot_utility for t in self.plants.values()) - self.pooled.hot_utility


def heat_streams(zone: Any) -> pd.DataFrame:
    """Return the zone's heat streams in the form :func:`problem_table` takes.

    Parameters
    ----------
    zone : Zone
        A validated zone; its ``heat_streams`` table may be empty or absent.

    Returns
    -------
    pandas.DataFrame
        Index ``stream_id``; columns :data:`STREAM_TABLE_COLUMNS`, with
        ``heat_capacity_flowrate`` in kW/K (from the heat load divided by the temperature
        change where no CP is given). Empty when the zone has no heat streams.

    Raises
    ------
    StreamError
        When a stream has neither a CP nor a heat load, or a unit pint cannot convert.
    """
    table = zone.tables.get("heat_streams")
    if table is None or table.empty:
        empty = pd.DataFrame(columns=list(STREAM_TABLE_COLUMNS))
        return empty.rename_axis("stream_id")

    streams = table.set_index("stream_id")
    out = streams.reindex(columns=list(STREAM_TABLE_COLUMNS)).copy()
    out["heat_capacity_flowrate"] = [_cp_kw_per_k(name, row) for name, row in streams.iterrows()]
    for column in ("supply_temperature", "target_temperature", "dt_min_contribution"):
        out[column] = out[column].astype(float)
    return out


def _cp_kw_per_k(stream_id: Any, row: pd.Series) -> float:
    """Return the stream's CP [kW/K], converted from its own unit or from its heat load."""
    if not pd.isna(row["heat_capacity_flowrate"]):
        return _convert(stream_id, row["heat_capacity_flowrate"], row["cp_unit"], "kW/K")
    if not pd.isna(row["heat_load"]):
        load = _convert(stream_id, row["heat_load"], row["heat_load_unit"], "kW")
        span = abs(float(row["supply_temperature"]) - float(row["target_temperature"]))
        return load / span if span else np.nan
    message = _("heat stream {stream!r} has neither a heat-capacity flowrate nor a heat load")
    raise StreamError(message.format(stream=stream_id))


def _convert(stream_id: Any, value: float, unit: Any, target: str) -> float:
    if not isinstance(unit, str) or not unit.strip():
        message = _("heat stream {stream!r} gives {value} without a unit; fill in its unit")
        raise StreamError(message.format(stream=stream_id, value=value))
    return units.convert(float(value), unit, target)


def zone_pinch(
    zone: Any,
    dt_min: float = DT_MIN,
    loop_temperature: float | None = None,
    loop_approach: float | None = None,
) -> ZonePinch:
    """Target heat recovery of each plant of the zone alone and of all plants pooled.

    Parameters
    ----------
    zone : Zone
        A zone with a ``heat_streams`` table.
    dt_min : float
        Minimum approach temperature [K]; a stream's ``dt_min_contribution`` [K] replaces
        ``dt_min / 2`` for that stream.
    loop_temperature : float, optional
        Temperature of a steam or hot-water loop between the plants [°C]; with it, the
        result's ``site`` contains the heat the loop can carry.
    loop_approach : float, optional
        Approach between the loop and process streams [K]; default ``dt_min / 2``.

    Raises
    ------
    StreamError
        When the zone has no heat streams or a stream table is invalid.
    """
    streams = heat_streams(zone)
    if streams.empty:
        raise StreamError(_("the zone has no heat streams; fill in the heat_streams sheet"))

    by_plant = {str(plant): group for plant, group in streams.groupby("org_id", sort=True)}
    plants = {plant: problem_table(group, dt_min) for plant, group in by_plant.items()}
    if loop_temperature is None:
        pooled = problem_table(streams, dt_min)
        return ZonePinch(plants=plants, pooled=pooled)

    approach = dt_min / 2 if loop_approach is None else loop_approach
    site = site_targets(by_plant, dt_min, loop_temperature, approach)
    logger.debug("zone pinch: %d plants, loop carries %.6g kW", len(plants), site.loop_heat)
    return ZonePinch(plants=plants, pooled=site.pooled, site=site)

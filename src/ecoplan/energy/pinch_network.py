"""Heat recovery between plants: pooled targets and an intermediate steam or hot-water loop.

Direct integration pools the streams of all plants into one problem table, which bounds what
any exchange between plants can save. Plants rarely exchange process streams directly, so the
practical figure is the heat that an intermediate loop at one temperature T_loop [°C] can carry,
as in total site analysis. A plant raises loop heat from
its hot streams at or above T_loop + ΔT_loop and takes loop heat into its cold streams at or
below T_loop − ΔT_loop, each without raising its own utility targets.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ecoplan.energy.pinch import PinchTargets, StreamError, problem_table
from ecoplan.i18n import _

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SiteTargets:
    """Heat recovery targets of several plants.

    Attributes
    ----------
    plants : pandas.DataFrame
        One row per plant: ``hot_utility`` and ``cold_utility`` of the plant alone, and
        ``loop_export`` and ``loop_import``, the most heat it can give to and take from the
        loop [kW].
    pooled : PinchTargets
        Targets of all streams in one problem table (direct integration).
    loop_heat : float
        Heat carried by the loop from exporting to importing plants [kW].
    loop_temperature, loop_approach : float
        Loop temperature [°C] and approach between loop and process streams [K].
    """

    plants: pd.DataFrame
    pooled: PinchTargets
    loop_heat: float
    loop_temperature: float
    loop_approach: float

    @property
    def separate_hot_utility(self) -> float:
        """Sum of the plants' own minimum hot utilities [kW]."""
        return float(self.plants["hot_utility"].sum())

    @property
    def separate_cold_utility(self) -> float:
        """Sum of the plants' own minimum cold utilities [kW]."""
        return float(self.plants["cold_utility"].sum())

    @property
    def loop_hot_utility(self) -> float:
        """Site hot utility with the loop in place [kW]."""
        return self.separate_hot_utility - self.loop_heat

    @property
    def loop_cold_utility(self) -> float:
        """Site cold utility with the loop in place [kW]."""
        return self.separate_cold_utility - self.loop_heat

    @property
    def pooled_saving(self) -> float:
        """Hot utility saved by direct integration of all plants [kW], the upper bound."""
        return self.separate_hot_utility - self.pooled.hot_utility


def heat_flow_at(targets: PinchTargets, shifted_temperature: float) -> float:
    """Return the cascaded heat flow crossing ``shifted_temperature`` [kW].

    Above the highest interval the flow is the hot utility, below the lowest the cold utility.
    """
    curve = targets.grand_composite
    temperatures = curve["shifted_temperature"].to_numpy()[::-1]
    flows = curve["heat_flow"].to_numpy()[::-1]
    return float(np.interp(shifted_temperature, temperatures, flows))


def loop_export(targets: PinchTargets, shifted_temperature: float) -> float:
    """Return the most heat a plant can give to a loop sitting at ``shifted_temperature`` [kW].

    Heat removed at that level lowers the cascade everywhere below it, so it is bounded by the
    smallest heat flow at or below that level.
    """
    curve = targets.grand_composite
    below = curve.loc[curve["shifted_temperature"] <= shifted_temperature, "heat_flow"]
    candidates = [heat_flow_at(targets, shifted_temperature), *below.tolist()]
    return max(0.0, min(candidates))


def loop_import(targets: PinchTargets, shifted_temperature: float) -> float:
    """Return the most heat a plant can take from a loop at ``shifted_temperature`` [kW].

    Heat supplied at that level replaces hot utility, and the cascade above it drops by the
    same amount, so it is bounded by the smallest heat flow at or above that level.
    """
    curve = targets.grand_composite
    above = curve.loc[curve["shifted_temperature"] >= shifted_temperature, "heat_flow"]
    candidates = [heat_flow_at(targets, shifted_temperature), *above.tolist()]
    return max(0.0, min(candidates))


def site_targets(
    plants: Mapping[str, pd.DataFrame],
    dt_min: float,
    loop_temperature: float,
    loop_approach: float,
) -> SiteTargets:
    """Compute separate, pooled and loop-based heat recovery targets of several plants.

    Parameters
    ----------
    plants : mapping of str to pandas.DataFrame
        Stream table of each plant, as for :func:`ecoplan.energy.pinch.problem_table`.
    dt_min : float
        Minimum approach temperature within a plant and in direct integration [K].
    loop_temperature : float
        Temperature of the steam or hot-water loop [°C], taken as constant.
    loop_approach : float
        Minimum approach between the loop and a process stream [K], at least ``dt_min / 2`` so
        that heat passing through the loop keeps ΔT_min between the streams.

    Returns
    -------
    SiteTargets
    """
    if not plants:
        raise StreamError(_("no plants given; pass at least one plant's stream table"))
    if not loop_approach >= dt_min / 2:
        message = _("loop approach {value} K is below ΔT_min / 2 = {half} K; raise it")
        raise StreamError(message.format(value=loop_approach, half=dt_min / 2))

    export_level = loop_temperature + loop_approach - dt_min / 2
    import_level = loop_temperature - loop_approach + dt_min / 2
    rows = []
    for plant, streams in plants.items():
        targets = problem_table(streams, dt_min)
        rows.append(
            {
                "plant": plant,
                "hot_utility": targets.hot_utility,
                "cold_utility": targets.cold_utility,
                "loop_export": loop_export(targets, export_level),
                "loop_import": loop_import(targets, import_level),
            }
        )
    table = pd.DataFrame(rows).set_index("plant")

    pooled = problem_table(pd.concat(list(plants.values()), ignore_index=True), dt_min)
    loop_heat = float(min(table["loop_export"].sum(), table["loop_import"].sum()))
    logger.debug("site of %d plants: loop carries %.6g kW", len(table), loop_heat)
    return SiteTargets(
        plants=table,
        pooled=pooled,
        loop_heat=loop_heat,
        loop_temperature=float(loop_temperature),
        loop_approach=float(loop_approach),
    )

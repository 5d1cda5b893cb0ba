"""Emissions and water of a worked portfolio worksheet, per year.

The water table is the energy system's demand on the zone's water balance: the water
analysis reads :func:`water_demand` (year, withdrawal and consumption in m³/a).
"""

from __future__ import annotations

import pandas as pd

from ecoplan.energy.technologies import POLLUTANTS
from ecoplan.energy.worksheet import WorksheetResult


def emissions_by_year(result: WorksheetResult) -> pd.DataFrame:
    """Return the emissions of each pollutant per year [t/a]; columns co2 ... hg."""
    return result.table.groupby("year")[list(POLLUTANTS)].sum()


def emissions_long(results: list[WorksheetResult]) -> pd.DataFrame:
    """Return emissions of several scenarios as rows scenario, year, pollutant, emission [t/a]."""
    frames = []
    for result in results:
        wide = emissions_by_year(result).reset_index()
        long = wide.melt(id_vars="year", var_name="pollutant", value_name="emission")
        frames.append(long.assign(scenario=result.scenario))
    columns = ["scenario", "year", "pollutant", "emission"]
    return pd.concat(frames, ignore_index=True)[columns]


def water_demand(result: WorksheetResult) -> pd.DataFrame:
    """Return the energy system's water demand per year, for the zone's water balance.

    Returns
    -------
    pandas.DataFrame
        Columns scenario, year, withdrawal [m³/a], consumption [m³/a]; consumption is
        the part withdrawn and not returned (evaporated or embodied).
    """
    sums = result.table.groupby("year")[["water_withdrawal", "water_consumption"]].sum()
    frame = sums.rename(
        columns={"water_withdrawal": "withdrawal", "water_consumption": "consumption"}
    ).reset_index()
    frame.insert(0, "scenario", result.scenario)
    return frame

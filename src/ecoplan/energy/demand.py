"""Energy demand by sector and carrier, projected from drivers and intensities.

Contract (stable)::

    demand = project_demand(zone_or_settings, years) -> pd.DataFrame
        long table, one row per year, sector and carrier; columns year, sector, carrier,
        demand [MWh/a], reference_demand [MWh/a] (at the intensity of the efficiency base
        year), avoided [MWh/a] (reference_demand - demand)

Each row of the ``energy_demand`` table describes one sector and carrier: a driver (value
added, floor area, population) with its base-year value and growth, and an intensity (MWh per
driver unit) with its annual change. Growth is either an annual rate or growth over a
period; the two differ widely (26 %/a over ten years is a factor 10.09, 26 % over ten years
is 1.26, i.e. 2.34 %/a).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from ecoplan.errors import EcoplanError
from ecoplan.i18n import _

GROWTH_KINDS = ("annual", "period")
"""``annual``: growth is a rate per year; ``period``: growth over ``growth_period`` years."""

REQUIRED = ("sector", "carrier", "base_year", "base_value", "intensity", "growth", "growth_kind")


class DemandError(EcoplanError):
    """The demand settings are incomplete or contradictory."""


def annual_rate(growth: float, kind: str, period: float | None = None) -> float:
    """Return the annual growth rate of a growth given as ``kind`` [1/a].

    Parameters
    ----------
    growth
        Growth as a fraction, e.g. 0.26 for 26 % [1].
    kind
        ``annual`` (a rate per year) or ``period`` (growth over ``period`` years).
    period
        Length of the period when ``kind`` is ``period`` [a].

    Raises
    ------
    DemandError
        When the kind is unknown or a period growth has no positive period.
    """
    if kind == "annual":
        return growth
    if kind == "period":
        if period is None or not period > 0:
            raise DemandError(
                _(
                    "Growth of {growth} over a period needs growth_period in years, "
                    "greater than zero."
                ).format(growth=growth)
            )
        return float((1 + growth) ** (1 / period) - 1)
    raise DemandError(
        _("Unknown growth kind {kind!r}; expected annual or period.").format(kind=kind)
    )


def growth_factor(growth: float, kind: str, years: float, period: float | None = None) -> float:
    """Return the factor by which a driver grows over ``years`` years [1]."""
    return float((1 + annual_rate(growth, kind, period)) ** years)


def demand_settings(zone_or_settings: Any, scenario: str | None = None) -> pd.DataFrame:
    """Return the ``energy_demand`` rows of a zone (or a settings table) for ``scenario``.

    Rows with an empty scenario apply to every scenario.

    Raises
    ------
    DemandError
        When there are no rows or a required column is missing.
    """
    if isinstance(zone_or_settings, pd.DataFrame):
        table = zone_or_settings
    else:
        table = zone_or_settings.tables.get("energy_demand", pd.DataFrame())
    if table is None or table.empty:
        raise DemandError(_("No energy demand rows; fill the energy_demand table."))
    missing = [column for column in REQUIRED if column not in table.columns]
    if missing:
        raise DemandError(
            _("Energy demand table lacks column(s) {columns}.").format(columns=", ".join(missing))
        )
    if scenario is not None and "scenario" in table.columns:
        keep = table["scenario"].isna() | (table["scenario"] == scenario)
        table = table[keep]
    return table.reset_index(drop=True)


def project_demand(
    zone_or_settings: Any,
    years: Iterable[int],
    scenario: str | None = None,
    efficiency_base_year: int | None = None,
) -> pd.DataFrame:
    """Return demand per year, sector and carrier [MWh/a].

    demand(t) = base_value * (1 + r)^(t - base_year) * intensity * (1 + c)^(t - base_year),
    with r the driver's annual growth rate (see :func:`annual_rate`) and c the annual change
    of the intensity. The reference demand keeps the intensity of ``efficiency_base_year``
    (default: each row's base year); the avoided demand is reference minus demand.

    Parameters
    ----------
    zone_or_settings
        A zone with an ``energy_demand`` table, or that table as a DataFrame.
    years
        Years to project [year].
    scenario
        Keep rows of this scenario and rows without one; ``None`` keeps all rows.
    efficiency_base_year
        Year against which efficiency and conservation are counted, e.g. 2005 [year].
    """
    table = demand_settings(zone_or_settings, scenario)
    year_array = np.asarray(list(years), dtype=float)
    rates = np.array([_row_rate(row) for row in table.to_dict("records")])
    change = _column(table, "intensity_change", 0.0)
    base = table["base_year"].to_numpy(float)
    eff_base = base if efficiency_base_year is None else np.full_like(base, efficiency_base_year)
    elapsed = year_array[None, :] - base[:, None]
    driver = table["base_value"].to_numpy(float)[:, None] * (1 + rates[:, None]) ** elapsed
    intensity = table["intensity"].to_numpy(float)[:, None]
    demand = driver * intensity * (1 + change[:, None]) ** elapsed
    reference = driver * intensity * (1 + change[:, None]) ** (eff_base - base)[:, None]
    return _long(table, year_array, demand, reference)


def _row_rate(row: dict[Any, Any]) -> float:
    period = row.get("growth_period")
    period = None if period is None or pd.isna(period) else float(period)
    return annual_rate(float(row["growth"]), str(row["growth_kind"]), period)


def _column(table: pd.DataFrame, name: str, default: float) -> np.ndarray:
    if name not in table.columns:
        return np.full(len(table), default)
    return table[name].astype(float).fillna(default).to_numpy()


def _long(
    table: pd.DataFrame, years: np.ndarray, demand: np.ndarray, reference: np.ndarray
) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "year": np.tile(years.astype(int), len(table)),
            "sector": np.repeat(table["sector"].to_numpy(), len(years)),
            "carrier": np.repeat(table["carrier"].to_numpy(), len(years)),
            "demand": demand.ravel(),
            "reference_demand": reference.ravel(),
        }
    )
    frame = frame.groupby(["year", "sector", "carrier"], as_index=False).sum()
    frame["avoided"] = frame["reference_demand"] - frame["demand"]
    return frame


def total_demand(demand: pd.DataFrame, column: str = "demand") -> pd.Series:
    """Return the demand of all sectors and carriers per year [MWh/a]."""
    return demand.groupby("year")[column].sum()

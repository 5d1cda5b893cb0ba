"""The portfolio worksheet: technology shares by milestone year, made a working model.

The planning report's worksheet lists thirteen supply options and avoided demand as
percentages of the whole for the years present, 2010, 2015, 2020, 2030, 2040 and 2050, each
year totalling 100 %. Here the shares are interpolated linearly between milestone years,
applied to the reference demand (the whole, before efficiency) to give supply [MWh/a], and
divided by capacity factors to give the capacity implied [MW]. Emissions, water and costs
follow from the technology data year by year.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ecoplan.energy.technologies import (
    EMISSION_TO_TONNES,
    POLLUTANTS,
    external_cost,
    levelised_cost,
    load_technologies,
)
from ecoplan.errors import EcoplanError
from ecoplan.i18n import _
from ecoplan.model.rules_energy import SHARE_TOLERANCE

logger = logging.getLogger(__name__)

HOURS_PER_YEAR = 8760.0
"""Hours in a year [h/a]."""

PARAMETERS = (
    "capacity_factor",
    "levelised_cost",
    "external_cost",
    *POLLUTANTS,
    "water_withdrawal",
    "water_consumption",
)
"""Technology parameters the worksheet uses, per year and technology."""


class WorksheetError(EcoplanError):
    """The portfolio worksheet is incomplete or its shares do not total 100 %."""


@dataclass
class WorksheetResult:
    """The worksheet of one scenario worked out year by year.

    ``table`` has one row per year and technology: share [%], supply [MWh/a], capacity
    [MW], emissions co2, so2, nox, pm, hg [t/a], water_withdrawal and water_consumption
    [m³/a], private_cost, external_cost and full_cost [currency/a].
    """

    scenario: str
    table: pd.DataFrame
    currency: str
    discount_rate: float
    notes: list[str] = field(default_factory=list)


def milestone_shares(portfolio: pd.DataFrame, scenario: str) -> pd.DataFrame:
    """Return the milestone shares of ``scenario`` as year x technology [%].

    Raises
    ------
    WorksheetError
        When the scenario has no rows, or a milestone year does not total 100 % within
        :data:`SHARE_TOLERANCE` (the message names the year and its total).
    """
    rows = portfolio[portfolio["scenario"] == scenario]
    if rows.empty:
        raise WorksheetError(
            _("No portfolio rows for scenario {scenario!r}.").format(scenario=scenario)
        )
    shares = rows.pivot_table(index="year", columns="technology", values="share", aggfunc="sum")
    shares = shares.fillna(0.0)
    shares.index = shares.index.astype(int)
    check_totals(shares, scenario)
    return shares


def check_totals(shares: pd.DataFrame, scenario: str = "") -> None:
    """Raise :class:`WorksheetError` naming each year whose shares do not total 100 %."""
    totals = shares.sum(axis=1)
    bad = totals[(totals - 100.0).abs() > SHARE_TOLERANCE]
    if len(bad):
        years = ", ".join(f"{year}: {total:.4g} %" for year, total in bad.items())
        raise WorksheetError(
            _(
                "Shares of scenario {scenario!r} do not total 100 % (tolerance {tolerance} "
                "percentage points) in {years}; correct the portfolio."
            ).format(scenario=scenario, tolerance=SHARE_TOLERANCE, years=years)
        )


def interpolate_shares(milestones: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """Return shares for every year in ``years``, linear between milestone years [%].

    Raises
    ------
    WorksheetError
        When a year lies before the first or after the last milestone.
    """
    first, last = int(milestones.index.min()), int(milestones.index.max())
    outside = [year for year in years if year < first or year > last]
    if outside:
        raise WorksheetError(
            _(
                "Years {years} lie outside the worksheet's milestones {first}-{last}; add "
                "milestone columns or shorten the horizon."
            ).format(years=", ".join(map(str, outside)), first=first, last=last)
        )
    index = milestones.index.to_numpy(float)
    columns = {
        tech: np.interp(np.asarray(years, float), index, milestones[tech].to_numpy(float))
        for tech in milestones.columns
    }
    return pd.DataFrame(columns, index=pd.Index(years, name="year"))


def technology_parameters(
    zone: Any | None,
    years: list[int],
    technologies: list[str],
    discount_rate: float,
    damage_costs: pd.DataFrame | None = None,
) -> tuple[dict[str, pd.DataFrame], str]:
    """Return each of :data:`PARAMETERS` as a year x technology table, and the currency.

    Costs are in the zone's currency [currency/MWh]; emission factors in t/MWh; water in
    m³/MWh.

    Raises
    ------
    WorksheetError
        When the worksheet names a technology the table does not know.
    """
    tables: dict[str, list[pd.Series]] = {name: [] for name in PARAMETERS}
    currency = "USD"
    for year in years:
        techs = load_technologies(zone, year)
        currency = techs.attrs["currency"]
        unknown = sorted(set(technologies) - set(techs.index))
        if unknown:
            raise WorksheetError(
                _("Unknown technology {names} in the portfolio; expected one of {known}.").format(
                    names=", ".join(unknown), known=", ".join(techs.index)
                )
            )
        techs = techs.loc[technologies]
        derived = {
            "levelised_cost": levelised_cost(techs, discount_rate),
            "external_cost": external_cost(techs, damage_costs),
        }
        for name in PARAMETERS:
            values = derived[name] if name in derived else techs[name]
            tables[name].append(values.astype(float).rename(year))
    return {name: pd.DataFrame(rows) for name, rows in tables.items()}, currency


def compute_arrays(
    shares: np.ndarray, whole: np.ndarray, parameters: dict[str, np.ndarray]
) -> dict[str, np.ndarray]:
    """Work the worksheet out on arrays; leading axes (e.g. Monte Carlo draws) broadcast.

    Parameters
    ----------
    shares
        Shares [%], shape (..., years, technologies).
    whole
        Reference demand, the whole the shares apply to [MWh/a], shape (..., years).
    parameters
        Each of :data:`PARAMETERS`, shape (..., years, technologies).

    Returns
    -------
    dict
        supply [MWh/a], capacity [MW], each pollutant [t/a], water_withdrawal and
        water_consumption [m³/a], private_cost, external_cost, full_cost [currency/a].
    """
    supply = shares / 100.0 * whole[..., None]
    result = {"supply": supply}
    with np.errstate(divide="ignore", invalid="ignore"):
        capacity = supply / (parameters["capacity_factor"] * HOURS_PER_YEAR)
    result["capacity"] = np.where(supply == 0, 0.0, capacity)
    for pollutant in POLLUTANTS:
        result[pollutant] = supply * parameters[pollutant] * EMISSION_TO_TONNES[pollutant]
    for name in ("water_withdrawal", "water_consumption"):
        result[name] = supply * parameters[name]
    result["private_cost"] = supply * parameters["levelised_cost"]
    result["external_cost"] = supply * parameters["external_cost"]
    result["full_cost"] = result["private_cost"] + result["external_cost"]
    return result


def compute_worksheet(
    portfolio: pd.DataFrame,
    scenario: str,
    whole: pd.Series,
    zone: Any | None = None,
    discount_rate: float = 0.05,
    damage_costs: pd.DataFrame | None = None,
) -> WorksheetResult:
    """Work out the worksheet of ``scenario`` for every year of ``whole``.

    Parameters
    ----------
    portfolio
        Rows scenario, technology, year, share [%] (the ``portfolio`` zone table).
    scenario
        Scenario to work out.
    whole
        Reference demand per year, the 100 % [MWh/a].
    zone
        Zone whose technology overrides and currency apply; ``None``: shipped data, USD.
    discount_rate
        Real discount rate of the levelised cost [1/a].
    damage_costs
        Damage-cost table (default: the shipped ``damage_costs.csv``).
    """
    years = [int(year) for year in whole.index]
    shares = interpolate_shares(milestone_shares(portfolio, scenario), years)
    techs = list(shares.columns)
    tables, currency = technology_parameters(zone, years, techs, discount_rate, damage_costs)
    arrays = compute_arrays(
        shares.to_numpy(),
        whole.to_numpy(float),
        {name: table.to_numpy() for name, table in tables.items()},
    )
    result = WorksheetResult(scenario, _long_table(shares, arrays), currency, discount_rate)
    result.notes.extend(_unavailable(shares, tables, zone, years))
    return result


def _long_table(shares: pd.DataFrame, arrays: dict[str, np.ndarray]) -> pd.DataFrame:
    frame = shares.stack().reset_index()
    frame.columns = pd.Index(["year", "technology", "share"])
    for name, values in arrays.items():
        frame[name] = values.ravel()
    return frame


def _unavailable(
    shares: pd.DataFrame, tables: dict[str, pd.DataFrame], zone: Any | None, years: list[int]
) -> list[str]:
    available = load_technologies(zone, years[0])["available_from"]
    notes = []
    for tech in shares.columns:
        early = shares.index[(shares[tech] > 0) & (shares.index < available[tech])]
        if len(early):
            note = _("{tech} has a share before it is available ({year}).").format(
                tech=tech, year=int(available[tech])
            )
            logger.warning(note)
            notes.append(note)
    return notes

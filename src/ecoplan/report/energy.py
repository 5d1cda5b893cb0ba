"""The energy strategy of the plan: worksheet shares, emissions, full cost, bands, least cost.

Every table comes from :mod:`ecoplan.energy` run on the zone's ``energy_demand`` and
``portfolio`` tables. Money is in the zone's currency, undiscounted; emissions in t per year.
"""

from __future__ import annotations

import logging
from typing import Any

import pandas as pd

from ecoplan.energy import energy_summary
from ecoplan.energy.demand import project_demand, total_demand
from ecoplan.energy.leastcost_model import model_parameters
from ecoplan.energy.leastcost_result import compare_worksheet, worksheet_shares
from ecoplan.energy.leastcost_zone import least_cost_for_zone
from ecoplan.energy.montecarlo import Uncertainty, monte_carlo, scenario_inputs
from ecoplan.energy.pinch import PinchTargets, pinch_summary, problem_table
from ecoplan.energy.pinch_zone import heat_streams
from ecoplan.energy.worksheet import milestone_shares
from ecoplan.errors import EcoplanError
from ecoplan.i18n import N_
from ecoplan.model.zone import Zone
from ecoplan.report.records import frame_records, plain
from ecoplan.report.sections import Section, run_section, unavailable

logger = logging.getLogger(__name__)

ENERGY_TABLES = (
    "energy_shares",
    "energy_emissions",
    "energy_cost",
    "energy_bands",
    "energy_leastcost_shares",
    "energy_leastcost_comparison",
    "energy_pinch",
)
"""Energy sections, in report order."""

UNCERTAINTIES = (
    Uncertainty("capital_cost", "triangular", (0.8, 1.0, 1.4)),
    Uncertainty("fuel_cost", "lognormal", (0.3,)),
    Uncertainty("growth", "uniform", (0.5, 1.5)),
    Uncertainty("damage_co2", "uniform", (0.5, 1.5)),
)
"""Multipliers varied in the report's Monte Carlo bands.

NOTE: these spreads are assumed round figures to show how wide the results can be; they come
from no source. Run :func:`ecoplan.energy.montecarlo.monte_carlo` with the zone's own
uncertainties for decisions.
"""
DRAWS = 200
"""Latin hypercube draws per scenario, few enough to keep the plan fast."""
SEED = 20031026
BAND_QUANTITIES = {"co2": "t/a", "full_cost": "{currency}/a"}
PERCENTILES = (5, 50, 95)

DT_MIN = 10.0
"""Minimum approach temperature of the pinch analysis when the streams give none [K]."""

NO_PORTFOLIO = N_("The zone has no energy portfolio: fill the energy_demand and portfolio tables.")
NO_STREAMS = N_(
    "The zone has no heat streams (supply and target temperatures and heat-capacity "
    "flowrates), so no composite curves are drawn."
)


def worksheet_sections(zone: Zone) -> dict[str, Section]:
    """Return the shares, emissions and full cost of every scenario of the zone's worksheet."""
    if zone.portfolio.empty or zone.energy_demand.empty:
        missing = unavailable(NO_PORTFOLIO)
        return {name: missing for name in ENERGY_TABLES[:3]}
    try:
        summary = energy_summary(zone)
    except EcoplanError as error:
        logger.warning("energy summary failed: %s", error)
        failed = unavailable("{message}", message=str(error))
        return {name: failed for name in ENERGY_TABLES[:3]}

    shares = summary["shares"].assign(unit="%")
    emissions = summary["emissions"].assign(unit="t/a")
    cost = summary["cost"].reset_index().assign(unit=zone.currency)
    first, last = int(summary["shares"]["year"].min()), int(summary["shares"]["year"].max())
    cost = cost.assign(first_year=first, last_year=last)
    return {
        "energy_shares": Section(rows=frame_records(shares)),
        "energy_emissions": Section(rows=frame_records(emissions)),
        "energy_cost": Section(rows=frame_records(cost)),
    }


def scenario_demand(zone: Zone, scenario: str) -> pd.Series:
    """Return the reference demand of ``scenario`` over its milestone years [MWh/a]."""
    milestones = zone.portfolio.loc[zone.portfolio["scenario"] == scenario, "year"].astype(int)
    years = list(range(int(milestones.min()), int(milestones.max()) + 1))
    return total_demand(project_demand(zone, years, scenario=scenario), "reference_demand")


def band_rows(zone: Zone) -> list[dict[str, Any]]:
    """Return the 5th, 50th and 95th percentiles per scenario and year of CO2 and full cost."""
    rows = []
    for scenario in sorted(zone.portfolio["scenario"].unique()):
        whole = scenario_demand(zone, scenario)
        inputs = scenario_inputs(zone.portfolio, scenario, whole, zone=zone)
        bands = monte_carlo(inputs, list(UNCERTAINTIES), draws=DRAWS, seed=SEED).bands(PERCENTILES)
        for quantity, unit in BAND_QUANTITIES.items():
            for year, values in bands[quantity].iterrows():
                rows.append(
                    {
                        "scenario": scenario,
                        "year": plain(year),
                        "quantity": quantity,
                        **{f"p{p}": plain(values[p]) for p in PERCENTILES},
                        "unit": unit.format(currency=zone.currency),
                        "draws": DRAWS,
                        "seed": SEED,
                    }
                )
    return rows


def leastcost_sections(zone: Zone) -> dict[str, Section]:
    """Return the least-cost shares against the worksheet's, and the yearly comparison."""
    if zone.portfolio.empty or zone.energy_demand.empty:
        missing = unavailable(NO_PORTFOLIO)
        return {name: missing for name in ENERGY_TABLES[4:6]}

    shares: list[dict[str, Any]] = []
    comparison: list[dict[str, Any]] = []

    def build() -> list[dict[str, Any]]:
        for scenario in sorted(zone.portfolio["scenario"].unique()):
            hand = milestone_shares(zone.portfolio, scenario)
            result = least_cost_for_zone(zone, scenario)
            if not result.optimal or result.problem is None:
                raise EcoplanError(result.message or str(result.status))
            years = [int(year) for year in hand.index]
            best = worksheet_shares(result, years)
            for year in years:
                for technology in hand.columns.union(best.columns):
                    shares.append(
                        {
                            "scenario": scenario,
                            "year": year,
                            "technology": technology,
                            "worksheet": plain(hand.loc[year].get(technology, 0.0)),
                            "least_cost": plain(best.loc[year].get(technology, 0.0)),
                            "unit": "%",
                        }
                    )
            table = compare_worksheet(model_parameters(result.problem), result, hand)
            table = table.reset_index()
            table = table.assign(scenario=scenario, unit=f"{zone.currency}/a")
            comparison.extend(frame_records(table))
        return shares

    section = run_section("least-cost portfolio", build)
    if not section.available:
        return {name: section for name in ENERGY_TABLES[4:6]}
    return {
        "energy_leastcost_shares": section,
        "energy_leastcost_comparison": Section(rows=comparison),
    }


def pinch_section(streams: pd.DataFrame | None) -> tuple[Section, PinchTargets | None]:
    """Return the pinch targets of ``streams`` and the targets, or the reason there are none.

    A ``dt_min`` column sets the minimum approach temperature [K]; its first value is used,
    else :data:`DT_MIN`.
    """
    if streams is None or streams.empty:
        return unavailable(NO_STREAMS), None
    dt_min = DT_MIN
    if "dt_min" in streams and streams["dt_min"].notna().any():
        dt_min = float(streams["dt_min"].dropna().iloc[0])
    try:
        targets = problem_table(streams, dt_min)
    except EcoplanError as error:
        return unavailable("{message}", message=str(error)), None
    return Section(rows=frame_records(pinch_summary(targets))), targets


def bands_section(zone: Zone, shares: Section) -> Section:
    """Return the Monte Carlo bands, or the worksheet's reason when it is not available."""
    if not shares.available:
        return shares
    return run_section("Monte Carlo bands", lambda: band_rows(zone))


def zone_pinch(zone: Zone) -> tuple[Section, PinchTargets | None]:
    """Return the pinch section of the zone's heat streams, all plants pooled."""
    try:
        streams = heat_streams(zone)
    except EcoplanError as error:
        return unavailable("{message}", message=str(error)), None
    return pinch_section(streams)

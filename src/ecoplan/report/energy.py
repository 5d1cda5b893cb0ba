"""The energy strategy of the plan: worksheet shares, emissions, water, full cost, least cost.

Every table comes from :mod:`ecoplan.energy` run on the zone's ``energy_demand`` and
``portfolio`` tables, and the heat pinch tables from its ``heat_streams`` table. Money is in
the zone's currency, undiscounted; emissions in t per year; water in m³ per year; heat in kW.
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
from ecoplan.energy.pinch_zone import ZonePinch, heat_streams
from ecoplan.energy.pinch_zone import zone_pinch as compute_zone_pinch
from ecoplan.energy.worksheet import milestone_shares
from ecoplan.errors import EcoplanError
from ecoplan.i18n import LOCALES, N_
from ecoplan.model.zone import Zone
from ecoplan.report.records import frame_records, plain
from ecoplan.report.sections import Section, run_section, unavailable
from ecoplan.report.summary import names_by_locale

logger = logging.getLogger(__name__)

WORKSHEET_TABLES = ("energy_shares", "energy_emissions", "energy_cost", "energy_water")
LEASTCOST_TABLES = ("energy_leastcost_shares", "energy_leastcost_comparison")
PINCH_TABLES = ("energy_pinch", "energy_pinch_plants", "energy_pinch_site")
"""Pinch targets of all plants pooled, of each plant alone, and the saving between plants."""
ENERGY_TABLES = (*WORKSHEET_TABLES, "energy_bands", *LEASTCOST_TABLES, *PINCH_TABLES)
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
NO_OTHER_PLANT = N_(
    "All heat streams of the zone belong to one plant, so no heat can move between plants."
)


def worksheet_sections(zone: Zone) -> dict[str, Section]:
    """Return the shares, emissions, full cost and water of every scenario of the worksheet.

    The water rows (withdrawal and consumption per scenario and year [m³/a]) are the energy
    system's demand on the zone's water balance.
    """
    if zone.portfolio.empty or zone.energy_demand.empty:
        missing = unavailable(NO_PORTFOLIO)
        return {name: missing for name in WORKSHEET_TABLES}
    try:
        summary = energy_summary(zone)
    except EcoplanError as error:
        logger.warning("energy summary failed: %s", error)
        failed = unavailable("{message}", message=str(error))
        return {name: failed for name in WORKSHEET_TABLES}

    shares = summary["shares"].assign(unit="%")
    emissions = summary["emissions"].assign(unit="t/a")
    cost = summary["cost"].reset_index().assign(unit=zone.currency)
    first, last = int(summary["shares"]["year"].min()), int(summary["shares"]["year"].max())
    cost = cost.assign(first_year=first, last_year=last)
    water = summary["water"].assign(unit="m³/a")
    return {
        "energy_shares": Section(rows=frame_records(shares)),
        "energy_emissions": Section(rows=frame_records(emissions)),
        "energy_cost": Section(rows=frame_records(cost)),
        "energy_water": Section(rows=frame_records(water)),
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
        return {name: missing for name in LEASTCOST_TABLES}

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
            comparison.extend(comparison_rows(table, scenario, zone.currency))
        return shares

    section = run_section("least-cost portfolio", build)
    if not section.available:
        return {name: section for name in LEASTCOST_TABLES}
    return {
        "energy_leastcost_shares": section,
        "energy_leastcost_comparison": Section(rows=comparison),
    }


def comparison_rows(table: pd.DataFrame, scenario: str, currency: str) -> list[dict[str, Any]]:
    """Return the yearly comparison of one scenario with the unit of each group of columns.

    ``unit`` is that of the three cost columns [currency/a] and ``emission_unit`` that of
    every ``<pollutant>_difference`` column [t/a], as in the ``energy_emissions`` table.
    """
    costs = ["cost_worksheet", "cost_least_cost", "cost_difference"]
    pollutants = [column for column in table.columns if column not in costs]
    frame = table.reset_index().assign(scenario=scenario, unit=f"{currency}/a", emission_unit="t/a")
    return frame_records(frame[["scenario", "year", *costs, "unit", *pollutants, "emission_unit"]])


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


def pinch_sections(zone: Zone) -> tuple[dict[str, Section], ZonePinch | None]:
    """Return the pinch sections of the zone's heat streams and the targets they come from.

    All at ΔT_min = :data:`DT_MIN`: ``energy_pinch`` contains the targets of all plants
    pooled, ``energy_pinch_plants`` those of each plant (``org_id``) alone, and
    ``energy_pinch_site`` the utilities that exchanging heat between the plants can save.
    Without heat streams, or with invalid ones, each section gives the reason.
    """
    try:
        streams = heat_streams(zone)
        result = None if streams.empty else compute_zone_pinch(zone, DT_MIN)
    except EcoplanError as error:
        logger.warning("pinch analysis failed: %s", error)
        failed = unavailable("{message}", message=str(error))
        return {name: failed for name in PINCH_TABLES}, None
    if result is None:
        missing = unavailable(NO_STREAMS)
        return {name: missing for name in PINCH_TABLES}, None

    names = names_by_locale(zone.organisations, "org_id")
    counts = streams["org_id"].astype(str).value_counts()
    sections = {
        "energy_pinch": Section(rows=frame_records(pinch_summary(result.pooled))),
        "energy_pinch_plants": Section(rows=plant_rows(result, names, counts)),
        "energy_pinch_site": site_section(result),
    }
    return sections, result


def plant_rows(
    result: ZonePinch, names: dict[str, dict[str, str]], streams: pd.Series
) -> list[dict[str, Any]]:
    """Return the targets of each plant alone, from its own streams only.

    Utilities and heat recovery are in kW (``unit``). ``pinch``, ``pinch_hot`` and
    ``pinch_cold`` are the highest pinch on the shifted, hot-stream and cold-stream scales
    (``temperature_unit``, °C). They are ``None`` for a threshold problem without a pinch.
    ``pinches`` counts the pinches, and ``streams`` gives each plant's number of streams.
    """
    rows = []
    for plant, targets in result.plants.items():
        rows.append(
            {
                "org_id": plant,
                "name": {locale: names[locale].get(plant, plant) for locale in LOCALES},
                "streams": int(streams[plant]),
                "hot_utility": targets.hot_utility,
                "cold_utility": targets.cold_utility,
                "heat_recovery": targets.heat_recovery,
                "unit": "kW",
                "pinch": highest(targets.pinch_temperatures),
                "pinch_hot": highest(targets.hot_pinch_temperatures),
                "pinch_cold": highest(targets.cold_pinch_temperatures),
                "pinches": len(targets.pinch_temperatures),
                "temperature_unit": "°C",
            }
        )
    return rows


def highest(temperatures: tuple[float, ...]) -> float | None:
    """Return the highest of ``temperatures``, or ``None`` when there is none."""
    return max(temperatures) if temperatures else None


def site_section(result: ZonePinch) -> Section:
    """Return the hot and cold utility of the plants alone and pooled, and the saving [kW].

    Pooling every stream of the zone in one problem table bounds what any exchange between
    plants can save, directly or through a steam or hot-water loop. The hot and cold savings
    are equal because each plant's hot minus cold utility is fixed by its energy balance.
    """
    if len(result.plants) < 2:
        return unavailable(NO_OTHER_PLANT)
    alone = {
        "hot": sum(targets.hot_utility for targets in result.plants.values()),
        "cold": sum(targets.cold_utility for targets in result.plants.values()),
    }
    pooled = {"hot": result.pooled.hot_utility, "cold": result.pooled.cold_utility}
    rows = [
        {
            "utility": utility,
            "plants": len(result.plants),
            "plants_alone": alone[utility],
            "pooled": pooled[utility],
            "saving": alone[utility] - pooled[utility],
            "unit": "kW",
        }
        for utility in ("hot", "cold")
    ]
    return Section(rows=rows)

"""Least-cost portfolio of a zone: the problem set up from its workbook, and solved.

:func:`least_cost_for_zone` meets a scenario's reference demand, projected from the zone's
``energy_demand`` rows over the years of its ``portfolio`` milestones, at least cost. Its
assumptions are parameters with documented defaults:

- cost basis: full cost (private plus the damage cost of emissions, from the bundled damage
  cost table converted to the zone's currency);
- technology data of one year (2020), with the zone's ``technology_overrides``;
- one time slice per year, no existing plant, no storage, the default discount rate of 5 %;
- the technologies of the report's worksheet and any other library technology the
  scenario's portfolio names; the library's further technologies (industrial process heat)
  enter only when named in ``technologies``, because the worksheet compared with the
  result has no row for them;
- avoided demand (``efficiency``) held each year to at most its share in the hand-filled
  worksheet, interpolated between milestones: the worksheet states its potential, and
  without a bound the cheapest solution avoids all demand.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ecoplan.energy.demand import project_demand, total_demand
from ecoplan.energy.leastcost import (
    CapacityTarget,
    CostBasis,
    LeastCostInputError,
    LeastCostProblem,
    LeastCostResult,
    RenewableShare,
    solve_least_cost,
)
from ecoplan.energy.technologies import (
    EMISSION_TO_TONNES,
    MWH_PER_KW_YEAR,
    damage_cost_per_tonne,
    load_damage_costs,
    load_technologies,
    worksheet_technologies,
)
from ecoplan.energy.worksheet import milestone_shares
from ecoplan.i18n import _

logger = logging.getLogger(__name__)

TECHNOLOGY_YEAR = 2020
"""Default year of the technology data [a]."""
DISCOUNT_RATE = 0.05
"""Default real discount rate [1/a], as the worksheet's."""
AVOIDED = "efficiency"
"""The worksheet row of avoided demand."""


def zone_scenario(zone: Any, scenario: str | None) -> str:
    """Return ``scenario``, or the zone's only portfolio scenario when it is None.

    Raises
    ------
    LeastCostInputError
        When the zone has no portfolio, the scenario is not in it, or it has several and
        none was named.
    """
    portfolio = zone.tables.get("portfolio")
    if portfolio is None or portfolio.empty:
        raise LeastCostInputError(_("the zone has no portfolio rows; fill the portfolio table"))
    scenarios = sorted(portfolio["scenario"].unique())
    if scenario is None and len(scenarios) == 1:
        return str(scenarios[0])
    if scenario not in scenarios:
        message = _("scenario {scenario!r} is not in the portfolio; name one of {scenarios}")
        raise LeastCostInputError(message.format(scenario=scenario, scenarios=scenarios))
    return str(scenario)


def scenario_demand(zone: Any, scenario: str) -> pd.Series:
    """Return the reference demand of ``scenario`` over its milestone years [MWh/a]."""
    portfolio = zone.tables["portfolio"]
    milestones = portfolio.loc[portfolio["scenario"] == scenario, "year"].astype(int)
    years = list(range(int(milestones.min()), int(milestones.max()) + 1))
    demand = total_demand(project_demand(zone, years, scenario=scenario), "reference_demand")
    return demand.rename_axis("year")


def damage_costs_per_unit(currency: str) -> dict[str, float]:
    """Return the damage cost per unit mass of each factor (t CO2, kg SO2, g Hg) [currency]."""
    per_tonne = damage_cost_per_tonne(load_damage_costs(), currency)
    return {str(p): float(v) * EMISSION_TO_TONNES[str(p)] for p, v in per_tonne.items()}


def avoided_demand_limits(
    hand: pd.DataFrame, demand: pd.Series, techs: pd.DataFrame
) -> list[CapacityTarget]:
    """Return the yearly upper bounds [MW] on avoided demand at its worksheet share.

    ``hand`` holds the milestone shares [%], interpolated linearly to the years of
    ``demand`` [MWh/a]; a share turns into capacity with the capacity factor of
    :data:`AVOIDED`.
    """
    shares = hand.reindex(hand.index.union(demand.index)).interpolate(method="index")
    shares = shares.ffill().bfill().reindex(demand.index)
    share = shares[AVOIDED] if AVOIDED in shares else pd.Series(0.0, index=demand.index)
    output_per_mw = float(techs["capacity_factor"][AVOIDED]) * MWH_PER_KW_YEAR * 1000
    limits = share.to_numpy(dtype=float) / 100 * demand.to_numpy(dtype=float) / output_per_mw
    return [
        CapacityTarget((AVOIDED,), int(year), maximum=float(limit))
        for year, limit in zip(demand.index, limits, strict=True)
    ]


def zone_technologies(
    techs: pd.DataFrame, hand: pd.DataFrame, technologies: Sequence[str] | None
) -> pd.DataFrame:
    """Return the rows of ``techs`` the run may use.

    ``technologies`` None: the worksheet's rows plus those the hand-filled shares ``hand``
    name. Otherwise exactly ``technologies``, which must be in the library.
    """
    if technologies is None:
        names = worksheet_technologies()
        names += [str(tech) for tech in hand.columns if tech not in names]
    else:
        names = list(technologies)
    unknown = sorted(set(names) - set(techs.index))
    if unknown:
        message = _("technologies {names} are not in the technology library; name one of {known}")
        raise LeastCostInputError(message.format(names=unknown, known=list(techs.index)))
    return techs.loc[names]


def least_cost_problem_for_zone(
    zone: Any,
    scenario: str | None = None,
    *,
    cost_basis: CostBasis = CostBasis.FULL,
    technology_year: int = TECHNOLOGY_YEAR,
    discount_rate: float = DISCOUNT_RATE,
    cap_avoided_demand: bool = True,
    renewable_share: RenewableShare | None = None,
    capacity_targets: Sequence[CapacityTarget] = (),
    technologies: Sequence[str] | None = None,
) -> LeastCostProblem:
    """Return the least-cost problem of a zone's scenario; see :func:`least_cost_for_zone`."""
    name = zone_scenario(zone, scenario)
    demand = scenario_demand(zone, name)
    hand = milestone_shares(zone.tables["portfolio"], name)
    techs = zone_technologies(load_technologies(zone, technology_year), hand, technologies)
    targets = list(capacity_targets)
    if cap_avoided_demand and AVOIDED in techs.index:
        targets += avoided_demand_limits(hand, demand, techs)
    damage = damage_costs_per_unit(zone.currency) if cost_basis is CostBasis.FULL else {}
    return LeastCostProblem(
        technologies=techs,
        demand=demand,
        discount_rate=discount_rate,
        cost_basis=cost_basis,
        damage_costs=damage,
        renewable_share=renewable_share,
        capacity_targets=targets,
    )


def least_cost_for_zone(
    zone: Any,
    scenario: str | None = None,
    *,
    cost_basis: CostBasis = CostBasis.FULL,
    technology_year: int = TECHNOLOGY_YEAR,
    discount_rate: float = DISCOUNT_RATE,
    cap_avoided_demand: bool = True,
    renewable_share: RenewableShare | None = None,
    capacity_targets: Sequence[CapacityTarget] = (),
    technologies: Sequence[str] | None = None,
) -> LeastCostResult:
    """Solve the least-cost portfolio of one scenario of the zone.

    Parameters
    ----------
    zone : Zone
        A zone with ``energy_demand`` and ``portfolio`` rows.
    scenario : str, optional
        Portfolio scenario; may be left out when the portfolio has only one.
    cost_basis : CostBasis
        ``FULL`` (default) adds the damage cost of emissions [currency] to private cost.
    technology_year : int
        Year of the technology data [a], default 2020.
    discount_rate : float
        Real discount rate [1/a], default 0.05.
    cap_avoided_demand : bool
        Hold avoided demand each year to at most its worksheet share (default True).
    renewable_share : RenewableShare, optional
        Minimum renewable share with its denominator; none by default.
    capacity_targets : sequence of CapacityTarget
        Further bounds on the capacity of technologies or groups of them [MW].
    technologies : sequence of str, optional
        Library technologies the run may use; by default the worksheet's thirteen rows and
        any other the scenario's portfolio names.

    Returns
    -------
    LeastCostResult
        The solve's outcome; its ``problem`` holds the settings used.

    Raises
    ------
    LeastCostInputError
        When the zone lacks a portfolio, the scenario is unknown or a value is missing.
    """
    problem = least_cost_problem_for_zone(
        zone,
        scenario,
        cost_basis=cost_basis,
        technology_year=technology_year,
        discount_rate=discount_rate,
        cap_avoided_demand=cap_avoided_demand,
        renewable_share=renewable_share,
        capacity_targets=capacity_targets,
        technologies=technologies,
    )
    logger.info("least-cost portfolio of %s, scenario %s", zone.zone_id, scenario)
    return solve_least_cost(problem)

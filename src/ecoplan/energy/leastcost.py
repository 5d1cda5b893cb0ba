"""Least-cost energy portfolio: the settings, the result and the solve call.

A linear program (linopy with HiGHS) chooses new capacity of each technology in each region
and year and its output in each time slice, so that demand is met at least discounted private
or full (private plus external) cost, under the user's requirements: a renewable share floor,
capacity targets on technologies or groups of them, emission caps, build-rate limits and the
years from which each technology is available. The formulation is written out in
``docs/energy-optimisation.md``; the model itself is built in
:mod:`ecoplan.energy.leastcost_model`.

The demand is one pool of energy [MWh/a] that every technology serves, as in the portfolio
worksheet, whose shares are shares of the whole; carriers are not balanced separately.
Storage, when given, shifts pool energy between the time slices of one season: what it
discharges in a slice adds to supply and what it charges adds to demand.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

import pandas as pd

from ecoplan.errors import EcoplanError

logger = logging.getLogger(__name__)


class LeastCostInputError(EcoplanError):
    """A setting of the least-cost portfolio is invalid or a needed value is missing."""


class LeastCostStatus(StrEnum):
    """Outcome of a least-cost solve."""

    OPTIMAL = "optimal"
    INFEASIBLE = "infeasible"
    FAILED = "failed"


class CostBasis(StrEnum):
    """Cost the portfolio minimises: private, or full (private plus external)."""

    PRIVATE = "private"
    FULL = "full"


class Denominator(StrEnum):
    """Denominator of a renewable share: electricity or all final energy."""

    ELECTRICITY = "electricity"
    FINAL_ENERGY = "final_energy"


@dataclass(frozen=True)
class RenewableShare:
    """Minimum share of renewable output in a denominator.

    Attributes
    ----------
    minimum : float or mapping of int to float
        Share [1] for every model year, or per year (years not listed have no floor).
    denominator : Denominator
        ``ELECTRICITY``: output of technologies whose carrier is ``"electricity"``.
        ``FINAL_ENERGY``: output of every technology except avoided demand (carrier
        ``"efficiency"``).
    """

    minimum: float | Mapping[int, float]
    denominator: Denominator = Denominator.ELECTRICITY


@dataclass(frozen=True)
class CapacityTarget:
    """Bounds on the summed capacity of a group of technologies in one year [MW].

    Attributes
    ----------
    technologies : tuple of str
        Technology ids whose capacity is summed, for example ``("solar_pv", "wind")``.
    year : int
        Model year of the target.
    minimum, maximum : float or None
        Bounds [MW]; at least one is given.
    region : str or None
        Region the target applies to; ``None`` sums all regions.
    """

    technologies: tuple[str, ...]
    year: int
    minimum: float | None = None
    maximum: float | None = None
    region: str | None = None


@dataclass(frozen=True)
class EmissionCap:
    """Upper limit on the zone's emission of one pollutant per year.

    The limit is in the mass unit of the technology table's factor: t for ``co2``, kg for
    ``so2``, ``nox`` and ``pm``, g for ``hg``. Years not listed have no cap.
    """

    pollutant: str
    limits: Mapping[int, float]


@dataclass
class LeastCostProblem:
    """Settings of one least-cost portfolio run.

    Attributes
    ----------
    technologies : pandas.DataFrame
        Technology table as returned by :func:`ecoplan.energy.technologies.load_technologies`.
    demand : pandas.Series
        Energy to supply [MWh/a], indexed by ``year`` or by (``region``, ``year``). The
        years must be consecutive.
    discount_rate : float
        Real discount rate [1/a]; costs are discounted to the first model year.
    cost_basis : CostBasis
        ``FULL`` adds each technology's damage cost of its emissions to its running cost.
    damage_costs : mapping of str to float
        Damage cost per unit mass of each pollutant [currency/t CO2, currency/kg SO2, NOx,
        PM, currency/g Hg]; needed for every pollutant with a non-zero factor when the
        cost basis is ``FULL``.
    renewable_share : RenewableShare or None
    capacity_targets : sequence of CapacityTarget
    emission_caps : sequence of EmissionCap
    build_limits : mapping of str to float
        Maximum new capacity of a technology per region and year [MW/a].
    existing_capacity : pandas.Series or None
        Capacity built before the first model year still in service [MW], indexed by
        (``technology``, ``region``, ``year``) or (``technology``, ``year``) for one region.
        Pairs not listed have none.
    timeslices : pandas.DataFrame or None
        Index the time slice; columns ``hours`` [h] (summing to 8760) and ``demand_share``
        [1] (summing to 1), and optionally ``season``: slices of one season are the parts of
        one representative day between which storage shifts energy. Without it all slices
        form one season. ``None`` means one slice for the whole year.
    availability : pandas.DataFrame or None
        Share of capacity available in each slice [1], index technology, columns time
        slice. ``None`` uses each technology's ``capacity_factor`` in every slice.
    storage : pandas.DataFrame or None
        Storage the run may build, index storage id, the columns of
        :data:`ecoplan.energy.technologies.STORAGE_COLUMNS` (costs per kWh of energy
        capacity and per kW of power, in the technology table's currency), as
        :func:`ecoplan.energy.technologies.load_storage` returns. ``None``: no storage.
    """

    technologies: pd.DataFrame
    demand: pd.Series
    discount_rate: float = 0.05
    cost_basis: CostBasis = CostBasis.PRIVATE
    damage_costs: Mapping[str, float] = field(default_factory=dict)
    renewable_share: RenewableShare | None = None
    capacity_targets: Sequence[CapacityTarget] = ()
    emission_caps: Sequence[EmissionCap] = ()
    build_limits: Mapping[str, float] = field(default_factory=dict)
    existing_capacity: pd.Series | None = None
    timeslices: pd.DataFrame | None = None
    availability: pd.DataFrame | None = None
    storage: pd.DataFrame | None = None


@dataclass(frozen=True)
class LeastCostResult:
    """Outcome of a least-cost solve: a status, a message and, when optimal, the plan.

    Attributes
    ----------
    status : LeastCostStatus
    message : str
        Empty when optimal; otherwise names the requirements that cannot be met, in the
        active locale.
    objective : float
        Discounted total cost [currency], NaN unless optimal.
    generation : pandas.Series
        Output [MWh] by technology, region, year and time slice.
    capacity, new_capacity : pandas.Series
        Installed and newly built capacity [MW] by technology, region and year.
    annual_cost : pandas.Series
        Undiscounted cost per year [currency]: investment net of salvage in its build year,
        fixed and running costs, and the annualised cost of storage.
    emissions : pandas.DataFrame
        Emissions per year (rows) and pollutant (columns), in the factor's mass unit.
    storage_capacity : pandas.DataFrame
        Columns ``power`` [MW] and ``energy`` [MWh] by storage, region and year; empty
        without storage.
    storage_flow : pandas.DataFrame
        Columns ``charge`` and ``discharge`` [MWh] by storage, region, year and time slice.
    problem : LeastCostProblem or None
        The settings that were solved, as :func:`solve_least_cost` returns them.
    """

    status: LeastCostStatus
    message: str = ""
    objective: float = float("nan")
    generation: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))
    capacity: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))
    new_capacity: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))
    annual_cost: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))
    emissions: pd.DataFrame = field(default_factory=pd.DataFrame)
    storage_capacity: pd.DataFrame = field(default_factory=pd.DataFrame)
    storage_flow: pd.DataFrame = field(default_factory=pd.DataFrame)
    problem: LeastCostProblem | None = None

    @property
    def optimal(self) -> bool:
        """Whether the solve found an optimal plan."""
        return self.status is LeastCostStatus.OPTIMAL


def solve_least_cost(problem: LeastCostProblem) -> LeastCostResult:
    """Build and solve the least-cost portfolio of ``problem`` with HiGHS.

    Returns
    -------
    LeastCostResult
        With status ``OPTIMAL`` and the plan, or ``INFEASIBLE`` with a message naming the
        requirements that cannot all be met, or ``FAILED`` with the solver's condition.

    Raises
    ------
    LeastCostInputError
        When the settings are invalid or a needed value is missing.
    """
    from ecoplan.energy.leastcost_model import build_model, model_parameters
    from ecoplan.energy.leastcost_result import diagnose_infeasible, read_solution

    parameters = model_parameters(problem)
    model = build_model(parameters)
    status, condition = model.solve(solver_name="highs", progress=False, output_flag=False)
    logger.info("least-cost solve: status %s, condition %s", status, condition)

    if condition == "optimal":
        return replace(read_solution(model, parameters), problem=problem)
    if condition in ("infeasible", "infeasible_or_unbounded"):
        message = diagnose_infeasible(parameters)
        return LeastCostResult(LeastCostStatus.INFEASIBLE, message, problem=problem)
    return LeastCostResult(LeastCostStatus.FAILED, str(condition), problem=problem)

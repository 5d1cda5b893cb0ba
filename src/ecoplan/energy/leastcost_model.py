"""The least-cost portfolio as a linopy model, built on whole arrays.

Dimensions: ``technology``, ``region``, ``year``, ``vintage`` (the build year, over the same
years) and ``timeslice``. Capacity is in MW, energy in MWh, costs in the technology table's
currency. Every parameter is an :class:`xarray.DataArray` on those dimensions. The model
takes the integer labels of its variables as NumPy arrays and adds each constraint family,
and the objective, in one call (see :mod:`ecoplan.energy.leastcost_constraints`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import linopy
import numpy as np
import pandas as pd
import xarray as xr
from linopy.constants import TERM_DIM

from ecoplan.energy.leastcost import (
    CostBasis,
    Denominator,
    LeastCostInputError,
    LeastCostProblem,
)
from ecoplan.energy.leastcost_storage import (
    StorageLabels,
    StorageParameters,
    add_storage_constraints,
    add_storage_variables,
    cost_terms,
    storage_parameters,
)
from ecoplan.i18n import _

logger = logging.getLogger(__name__)

HOURS_PER_YEAR = 8760.0
KW_PER_MW = 1000.0

NUMERIC_COLUMNS = (
    "efficiency",
    "capacity_factor",
    "capital_cost",
    "fixed_om",
    "variable_om",
    "fuel_cost",
    "lifetime",
    "available_from",
)
"""Technology columns every least-cost run needs, none of them blank."""

POLLUTANTS = ("co2", "so2", "nox", "pm", "hg")

CAPACITY_DIMS = ("technology", "region", "year")
GENERATION_DIMS = ("technology", "region", "year", "timeslice")


@dataclass(frozen=True)
class Parameters:
    """Arrays of one least-cost run, in the model's units (MW, MWh, currency)."""

    problem: LeastCostProblem
    coords: dict[str, pd.Index]
    capital: xr.DataArray  # [currency/MW] by technology
    fixed: xr.DataArray  # [currency/MW/a] by technology
    running: xr.DataArray  # [currency/MWh] by technology
    investment_weight: xr.DataArray  # [1] by technology, vintage: discount net of salvage
    salvage_share: xr.DataArray  # [1] by technology, vintage
    discount: xr.DataArray  # [1] by year
    service_years: xr.DataArray  # [a] by technology: model years a vintage is in service
    build_upper: xr.DataArray  # [MW/a] by technology, region, vintage
    output_per_mw: xr.DataArray  # [MWh/MW] by technology, timeslice
    demand: xr.DataArray  # [MWh] by region, year, timeslice
    existing: xr.DataArray  # [MW] by technology, region, year
    factors: xr.DataArray  # [mass/MWh] by technology, pollutant
    storage: StorageParameters | None = None


@dataclass(frozen=True)
class VariableLabels:
    """Integer labels of the model's variables, as arrays in the dimension order of each."""

    new_capacity: np.ndarray  # technology, region, vintage
    capacity: np.ndarray  # technology, region, year
    generation: np.ndarray  # technology, region, year, timeslice
    storage: StorageLabels | None = None


def require_columns(techs: pd.DataFrame, columns: list[str]) -> None:
    """Raise when a needed technology column is absent or blank, naming every gap."""
    absent = [column for column in columns if column not in techs.columns]
    if absent:
        message = _("the technology table lacks the column(s) {columns}; add them")
        raise LeastCostInputError(message.format(columns=absent))

    blanks = techs[columns].isna()
    if blanks.to_numpy().any():
        gaps = [f"{tech}.{col}" for tech, col in blanks[blanks].stack().index]
        message = _("technology data missing for {cells}; fill them in before optimising")
        raise LeastCostInputError(message.format(cells=gaps))


def model_years(demand: pd.Series) -> tuple[pd.Index, pd.Index, xr.DataArray]:
    """Return regions, years and the demand [MWh/a] as a (region, year) array."""
    if demand.index.nlevels == 1:
        demand = pd.concat({"zone": demand}, names=["region", "year"])
    demand = demand.rename_axis(["region", "year"])
    if demand.isna().any() or (demand < 0).any():
        message = _("demand has missing or negative values; give every year a value >= 0 MWh")
        raise LeastCostInputError(message)

    array = xr.DataArray.from_series(demand.astype(float))
    if array.isnull().any():
        message = _("demand lacks some region and year pairs; give each region every year")
        raise LeastCostInputError(message)
    years = pd.Index(array["year"].to_numpy(), name="year")
    if (np.diff(years) != 1).any():
        message = _("demand years {years} are not consecutive; give one value per year")
        raise LeastCostInputError(message.format(years=years.tolist()))
    return pd.Index(array["region"].to_numpy(), name="region"), years, array


def time_slices(problem: LeastCostProblem) -> pd.DataFrame:
    """Return the run's time slices, one slice for the year when none are given."""
    slices = problem.timeslices
    if slices is None:
        slices = pd.DataFrame({"hours": [HOURS_PER_YEAR], "demand_share": [1.0]}, index=["year"])
    slices = slices.rename_axis("timeslice")
    if not np.isclose(slices["hours"].sum(), HOURS_PER_YEAR) or not np.isclose(
        slices["demand_share"].sum(), 1.0
    ):
        message = _("time slices must have hours summing to 8760 and demand shares to 1")
        raise LeastCostInputError(message)
    return slices


def slice_parameters(
    problem: LeastCostProblem, technologies: pd.Index
) -> tuple[xr.DataArray, xr.DataArray]:
    """Return output per MW [MWh/MW] by technology and slice, and each slice's demand share."""
    slices = time_slices(problem)

    hours = xr.DataArray.from_series(slices["hours"].astype(float))
    share = xr.DataArray.from_series(slices["demand_share"].astype(float))
    if problem.availability is None:
        factor = problem.technologies["capacity_factor"].astype(float).rename_axis("technology")
        available = xr.DataArray.from_series(factor) * xr.ones_like(hours)
    else:
        table = problem.availability.reindex(index=technologies, columns=slices.index)
        if table.isna().to_numpy().any():
            message = _("availability lacks values for some technology and time slice pairs")
            raise LeastCostInputError(message)
        frame = table.rename_axis(index="technology", columns="timeslice").astype(float)
        available = xr.DataArray(frame)
    return (available * hours).transpose("technology", "timeslice"), share


def cost_parameters(problem: LeastCostProblem) -> tuple[xr.DataArray, ...]:
    """Return capital [currency/MW], fixed [currency/MW/a] and running [currency/MWh] costs."""
    techs = problem.technologies.rename_axis("technology")
    running = techs["variable_om"] + techs["fuel_cost"] / techs["efficiency"]
    if problem.cost_basis is CostBasis.FULL:
        running = running + external_cost(problem)

    def array(values: pd.Series) -> xr.DataArray:
        return xr.DataArray.from_series(values.astype(float))

    return (
        array(techs["capital_cost"] * KW_PER_MW),
        array(techs["fixed_om"] * KW_PER_MW),
        array(running),
    )


def external_cost(problem: LeastCostProblem) -> pd.Series:
    """Return the damage cost of each technology's emissions [currency/MWh]."""
    techs = problem.technologies
    present = [p for p in POLLUTANTS if p in techs.columns and (techs[p].fillna(1) != 0).any()]
    unpriced = [p for p in present if p not in problem.damage_costs]
    if unpriced:
        message = _("full cost needs damage costs for {pollutants}; add them to damage_costs")
        raise LeastCostInputError(message.format(pollutants=unpriced))
    require_columns(techs, present)

    total = pd.Series(0.0, index=techs.index)
    for pollutant in present:
        total = total + techs[pollutant].astype(float) * problem.damage_costs[pollutant]
    return total


def vintage_parameters(
    problem: LeastCostProblem, years: pd.Index
) -> tuple[xr.DataArray, xr.DataArray, xr.DataArray, xr.DataArray]:
    """Return discount factors, years in service, salvage shares and investment weights.

    A vintage built in year v serves in the years y with 0 <= y - v < lifetime, which are
    ceil(lifetime) years. Investment happens at the start of its build year and is
    discounted from there. At the horizon the capital not yet written off (straight line
    over the lifetime) is credited back, discounted from the start of the year after the
    last model year.
    """
    rate = problem.discount_rate
    first, last = int(years[0]), int(years[-1])
    discount = xr.DataArray(
        (1 + rate) ** -(years.to_numpy() - first), coords={"year": years}, dims="year"
    )
    vintage = xr.DataArray(years.to_numpy(), coords={"vintage": years.to_numpy()}, dims="vintage")
    lifetime = xr.DataArray.from_series(
        problem.technologies["lifetime"].astype(float).rename_axis("technology")
    )

    service_years = lifetime.copy(data=np.ceil(lifetime.to_numpy())).clip(min=0).astype(int)
    used = last - vintage + 1
    salvage_share = ((lifetime - used) / lifetime).clip(min=0.0)
    horizon_discount = (1 + rate) ** -(last + 1 - first)
    weight = (1 + rate) ** -(vintage - first) - salvage_share * horizon_discount
    return discount, service_years, salvage_share, weight


def capacity_parameters(
    problem: LeastCostProblem, technologies: pd.Index, regions: pd.Index, years: pd.Index
) -> tuple[xr.DataArray, xr.DataArray]:
    """Return the build bound [MW/a] by technology, region, vintage and existing capacity [MW]."""
    techs = problem.technologies
    limits = pd.Series(np.inf, index=technologies)
    unknown = sorted(set(problem.build_limits) - set(technologies))
    if unknown:
        message = _("build limits name unknown technologies {names}")
        raise LeastCostInputError(message.format(names=unknown))
    limits.update(pd.Series(problem.build_limits, dtype=float))

    vintage = xr.DataArray(years.to_numpy(), coords={"vintage": years.to_numpy()}, dims="vintage")
    available_from = xr.DataArray.from_series(techs["available_from"].astype(float))
    limit = xr.DataArray.from_series(limits.rename_axis("technology"))
    upper = xr.where(vintage >= available_from, limit, 0.0)
    upper = upper.expand_dims(region=regions).transpose("technology", "region", "vintage")

    zeros = xr.DataArray(
        np.zeros((len(technologies), len(regions), len(years))),
        coords={"technology": technologies, "region": regions, "year": years},
    )
    if problem.existing_capacity is None:
        return upper, zeros
    return upper, existing_array(problem.existing_capacity, zeros)


def existing_array(existing: pd.Series, zeros: xr.DataArray) -> xr.DataArray:
    """Return existing capacity [MW] on the model's coordinates; pairs not listed are 0."""
    if "region" not in existing.index.names:
        regions = zeros["region"].to_numpy()
        if len(regions) != 1:
            message = _("existing capacity needs a region level when there are several regions")
            raise LeastCostInputError(message)
        existing = pd.concat({regions[0]: existing}, names=["region"])
    array = xr.DataArray.from_series(existing.astype(float))
    unknown = sorted(set(array["technology"].to_numpy()) - set(zeros["technology"].to_numpy()))
    if unknown:
        message = _("existing capacity names unknown technologies {names}")
        raise LeastCostInputError(message.format(names=unknown))
    return (zeros + array.reindex_like(zeros).fillna(0.0)).transpose(*zeros.dims)


def model_parameters(problem: LeastCostProblem) -> Parameters:
    """Check ``problem`` and return its parameter arrays."""
    techs = problem.technologies
    require_columns(techs, [*NUMERIC_COLUMNS, "renewable", "carrier"])
    technologies = pd.Index(techs.index, name="technology")
    if not technologies.is_unique:
        message = _("technology ids are not unique: {names}")
        raise LeastCostInputError(message.format(names=technologies[technologies.duplicated()]))

    regions, years, demand = model_years(problem.demand)
    output_per_mw, demand_share = slice_parameters(problem, technologies)
    capital, fixed, running = cost_parameters(problem)
    discount, service_years, salvage_share, weight = vintage_parameters(problem, years)
    build_upper, existing = capacity_parameters(problem, technologies, regions, years)
    coords = {
        "technology": technologies,
        "region": regions,
        "year": years,
        "vintage": pd.Index(years.to_numpy(), name="vintage"),
        "timeslice": pd.Index(demand_share["timeslice"].to_numpy(), name="timeslice"),
    }
    return Parameters(
        problem=problem,
        coords=coords,
        capital=capital,
        fixed=fixed,
        running=running,
        investment_weight=weight,
        salvage_share=salvage_share,
        discount=discount,
        service_years=service_years,
        build_upper=build_upper,
        output_per_mw=output_per_mw,
        demand=(demand * demand_share).transpose("region", "year", "timeslice"),
        existing=existing,
        factors=emission_factors(problem),
        storage=storage_parameters(problem, time_slices(problem)),
    )


def emission_factors(problem: LeastCostProblem) -> xr.DataArray:
    """Return the factors [mass/MWh] of every pollutant column in the technology table.

    A blank factor stays NaN; a cap or damage cost on that pollutant raises before use.
    """
    techs = problem.technologies.rename_axis("technology")
    present = [p for p in POLLUTANTS if p in techs.columns]
    frame = techs[present].astype(float).rename_axis(columns="pollutant")
    return xr.DataArray(frame)


def build_model(parameters: Parameters, elastic: bool = False) -> linopy.Model:
    """Return the linopy model of ``parameters``.

    With ``elastic``, the demand, renewable share, capacity target and emission cap rows get
    non-negative slack variables and the objective is their sum, which finds the
    requirements that cannot be met together.
    """
    from ecoplan.energy.leastcost_constraints import (
        add_capacity_balance,
        add_capacity_limit,
        add_requirements,
    )

    model = linopy.Model(force_dim_names=True)
    new = model.add_variables(lower=0, upper=parameters.build_upper, name="new_capacity")
    capacity = model.add_variables(lower=zeros(parameters, CAPACITY_DIMS), name="capacity")
    generation = model.add_variables(lower=zeros(parameters, GENERATION_DIMS), name="generation")
    storage = None
    if parameters.storage is not None:
        storage = add_storage_variables(model, parameters.coords, parameters.storage)
    variables = VariableLabels(
        new_capacity=new.labels.transpose("technology", "region", "vintage").to_numpy(),
        capacity=capacity.labels.transpose(*CAPACITY_DIMS).to_numpy(),
        generation=generation.labels.transpose(*GENERATION_DIMS).to_numpy(),
        storage=storage,
    )

    add_capacity_balance(model, parameters, variables)
    add_capacity_limit(model, parameters, variables)
    if parameters.storage is not None and storage is not None:
        add_storage_constraints(model, parameters.coords, parameters.storage, storage)
    slacks = add_requirements(model, parameters, variables, elastic)

    if elastic:
        labels = [slack.labels.to_numpy().ravel() for slack in slacks]
        model.add_objective(label_expression(model, labels, [np.ones(len(x)) for x in labels]))
    else:
        model.add_objective(cost_expression(model, parameters, variables))
    return model


def zeros(parameters: Parameters, dims: tuple[str, ...]) -> xr.DataArray:
    """Return zeros on the model coordinates ``dims``, a faster bound than a scalar + coords."""
    indexes = [parameters.coords[dim] for dim in dims]
    return xr.DataArray(np.zeros([len(index) for index in indexes]), coords=indexes)


def label_expression(
    model: linopy.Model, labels: list[np.ndarray], coefficients: list[np.ndarray]
) -> linopy.LinearExpression:
    """Return the scalar sum of coefficient × variable over flat label and coefficient arrays."""
    data = xr.Dataset(
        {
            "coeffs": (TERM_DIM, np.concatenate(coefficients)),
            "vars": (TERM_DIM, np.concatenate(labels)),
        }
    )
    return linopy.LinearExpression(data, model)


def cost_expression(
    model: linopy.Model, parameters: Parameters, variables: VariableLabels
) -> linopy.LinearExpression:
    """Return the discounted total cost [currency] as a linear expression."""
    new, capacity, generation = variables.new_capacity, variables.capacity, variables.generation
    investment = (parameters.investment_weight * parameters.capital).transpose(
        "technology", "vintage"
    )
    discount = parameters.discount.to_numpy()
    fixed = np.outer(parameters.fixed.to_numpy(), discount)
    running = np.outer(parameters.running.to_numpy(), discount)

    coefficients = [
        np.broadcast_to(investment.to_numpy()[:, None, :], new.shape).ravel(),
        np.broadcast_to(fixed[:, None, :], capacity.shape).ravel(),
        np.broadcast_to(running[:, None, :, None], generation.shape).ravel(),
    ]
    labels = [new.ravel(), capacity.ravel(), generation.ravel()]
    if parameters.storage is not None and variables.storage is not None:
        storage_labels, storage_coefficients = cost_terms(
            parameters.storage, variables.storage, discount
        )
        labels += storage_labels
        coefficients += storage_coefficients
    return label_expression(model, labels, coefficients)


def denominator_mask(parameters: Parameters) -> xr.DataArray:
    """Return 1 for technologies in the renewable share's denominator, else 0."""
    share = parameters.problem.renewable_share
    carrier = parameters.problem.technologies["carrier"].to_numpy()
    if share is not None and share.denominator is Denominator.ELECTRICITY:
        mask = carrier == "electricity"
    else:
        mask = carrier != "efficiency"
    technologies = parameters.coords["technology"]
    return xr.DataArray(mask.astype(float), coords=[technologies])

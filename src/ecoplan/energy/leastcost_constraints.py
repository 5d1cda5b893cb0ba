"""The constraint families of the least-cost model: capacity, demand and the requirements.

Each family is assembled from the integer labels of the model's variables as NumPy arrays and
added in one call as a :class:`linopy.CSRConstraint` (a row-compressed sparse matrix, which
needs linopy 0.10 or later). This skips linopy's labelled expression arithmetic: built that
way, the benchmark model of ``bench/bench_energy_lp.py`` took 9 to 11 times as long as
assembling the same rows directly for highspy.

Each requirement family can be made elastic: a non-negative slack variable named
``slack_<family>`` (or ``slack_target_<i>_<bound>`` for capacity target ``i``) absorbs any
shortfall, so that an infeasible problem can be re-solved to find which requirements conflict.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import linopy
import numpy as np
import pandas as pd
import scipy.sparse
from linopy.csr import Grid

from ecoplan.energy.leastcost import CapacityTarget, EmissionCap, LeastCostInputError
from ecoplan.energy.leastcost_model import (
    CAPACITY_DIMS,
    GENERATION_DIMS,
    Parameters,
    VariableLabels,
    denominator_mask,
)
from ecoplan.energy.leastcost_storage import demand_terms
from ecoplan.i18n import _

logger = logging.getLogger(__name__)


def add_rows(
    model: linopy.Model,
    name: str,
    labels: np.ndarray,
    coefficients: np.ndarray,
    coords: Mapping[str, pd.Index],
    sign: str,
    rhs: np.ndarray,
) -> None:
    """Add one constraint family: row i reads sum_k coefficients[i, k] × x[labels[i, k]].

    Parameters
    ----------
    model : linopy.Model
        Model whose variables the labels refer to.
    name : str
        Name of the constraint family.
    labels : numpy.ndarray
        Variable labels on the rows' grid with the terms as the last axis; -1 is no term.
    coefficients : numpy.ndarray
        Coefficients, broadcastable to ``labels``.
    coords : mapping of str to pandas.Index
        The rows' grid, one index per dimension, in the order of the leading axes.
    sign : {"=", "<=", ">="}
        Relation of each row to its right-hand side.
    rhs : numpy.ndarray
        Right-hand side, broadcastable to the grid.
    """
    shape = tuple(len(index) for index in coords.values())
    rows = int(np.prod(shape))
    terms = labels.shape[-1]
    flat_labels = labels.reshape(rows, terms)
    flat_coefficients = np.broadcast_to(coefficients, labels.shape).reshape(rows, terms)

    present = flat_labels >= 0
    indptr = np.concatenate([[0], np.cumsum(present.sum(axis=1))])
    variables = model.variables.data.values()
    columns = 1 + max(int(variable.labels.to_numpy().max()) for variable in variables)
    matrix = scipy.sparse.csr_array(
        (flat_coefficients[present], flat_labels[present], indptr), shape=(rows, columns)
    )
    matrix.sum_duplicates()
    matrix.eliminate_zeros()

    values = np.broadcast_to(np.asarray(rhs, dtype=float), shape).ravel()
    grid = Grid({dim: index.rename(dim) for dim, index in coords.items()})
    rows_constraint = linopy.CSRConstraint(matrix, np.arange(rows), values, sign, grid, model)
    model.add_constraints(rows_constraint, name=name, freeze=True)


def add_capacity_balance(
    model: linopy.Model, parameters: Parameters, variables: VariableLabels
) -> None:
    """Set capacity [MW] to existing capacity plus the vintages still in service.

    K[y] - sum of N[v] over y - n < v <= y = X[y], with n the technology's years in service.
    Each row has a term only for the vintages in service, not one for every vintage.
    """
    capacity, new = variables.capacity, variables.new_capacity
    technologies, regions, years = capacity.shape
    service_years = parameters.service_years.to_numpy()
    age = np.arange(min(int(service_years.max(initial=0)), years))

    vintage = np.arange(years)[:, None] - age[None, :]  # year, age
    in_service = (vintage[None, :, :] >= 0) & (age[None, None, :] < service_years[:, None, None])
    built = new[
        np.arange(technologies)[:, None, None, None],
        np.arange(regions)[None, :, None, None],
        vintage.clip(min=0)[None, None, :, :],
    ]
    built = np.where(in_service[:, None, :, :], built, -1)

    labels = np.concatenate([capacity[..., None], built], axis=-1)
    coefficients = np.concatenate([[1.0], -np.ones(len(age))])
    existing = parameters.existing.transpose(*CAPACITY_DIMS).to_numpy()
    coords = {dim: parameters.coords[dim] for dim in CAPACITY_DIMS}
    add_rows(model, "capacity_balance", labels, coefficients, coords, "=", existing)


def add_capacity_limit(
    model: linopy.Model, parameters: Parameters, variables: VariableLabels
) -> None:
    """Limit output [MWh] in each slice to capacity × available hours."""
    generation = variables.generation
    capacity = np.broadcast_to(variables.capacity[..., None], generation.shape)
    labels = np.stack([generation, capacity], axis=-1)
    per_mw = parameters.output_per_mw.transpose("technology", "timeslice").to_numpy()
    coefficients = np.stack(
        [np.ones(generation.shape), np.broadcast_to(-per_mw[:, None, None, :], generation.shape)],
        axis=-1,
    )
    coords = {dim: parameters.coords[dim] for dim in GENERATION_DIMS}
    add_rows(model, "capacity_limit", labels, coefficients, coords, "<=", np.zeros(1))


def add_requirements(
    model: linopy.Model, parameters: Parameters, variables: VariableLabels, elastic: bool
) -> list[linopy.Variable]:
    """Add demand, renewable share, capacity target and emission cap rows; return slacks."""
    slacks: list[linopy.Variable] = []
    add_demand(model, parameters, variables, elastic, slacks)
    add_renewable_share(model, parameters, variables, elastic, slacks)
    for number, target in enumerate(parameters.problem.capacity_targets):
        add_capacity_target(model, parameters, number, target, elastic, slacks)
    for cap in parameters.problem.emission_caps:
        add_emission_cap(model, parameters, variables, cap, elastic, slacks)
    return slacks


def slack_like(
    model: linopy.Model, name: str, coords: Any, elastic: bool, slacks: list[linopy.Variable]
) -> Any:
    """Return a slack variable on ``coords`` when ``elastic``, else 0."""
    if not elastic:
        return 0
    slack = model.add_variables(lower=0, coords=coords, name=f"slack_{name}")
    slacks.append(slack)
    return slack


def with_slack(
    model: linopy.Model,
    name: str,
    labels: np.ndarray,
    coefficients: np.ndarray,
    coords: Mapping[str, pd.Index],
    sign: float,
    elastic: bool,
    slacks: list[linopy.Variable],
) -> tuple[np.ndarray, np.ndarray]:
    """Append a slack term with coefficient ``sign`` to each row when ``elastic``."""
    if not elastic:
        return labels, coefficients
    slack = model.add_variables(lower=0, coords=list(coords.values()), name=f"slack_{name}")
    slacks.append(slack)
    slack_labels = slack.labels.transpose(*coords).to_numpy()
    full = np.broadcast_to(coefficients, labels.shape)
    return (
        np.concatenate([labels, slack_labels[..., None]], axis=-1),
        np.concatenate([full, np.full((*slack_labels.shape, 1), sign)], axis=-1),
    )


def rows_by_year(generation: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """Return generation labels of the years at ``positions``, one row per year."""
    return np.moveaxis(generation[:, :, positions, :], 2, 0).reshape(len(positions), -1)


def add_demand(
    model: linopy.Model,
    parameters: Parameters,
    variables: VariableLabels,
    elastic: bool,
    slacks: list[linopy.Variable],
) -> None:
    """Require output plus storage discharge less charge to equal demand in each slice.

    One row per region, year and time slice.
    """
    generation = variables.generation
    dims = GENERATION_DIMS[1:]
    coords = {dim: parameters.coords[dim] for dim in dims}
    labels = np.moveaxis(generation, 0, -1)
    coefficients = np.ones(labels.shape[-1])
    if variables.storage is not None:
        storage_labels, storage_coefficients = demand_terms(variables.storage)
        labels = np.concatenate([labels, storage_labels], axis=-1)
        coefficients = np.concatenate([coefficients, storage_coefficients])
    labels, coefficients = with_slack(
        model, "demand", labels, coefficients, coords, 1.0, elastic, slacks
    )
    demand = parameters.demand.transpose(*dims).to_numpy()
    add_rows(model, "demand", labels, coefficients, coords, "=", demand)


def share_by_year(minimum: float | Mapping[int, float], years: pd.Index) -> pd.Series:
    """Return the renewable floor [1] for each model year that has one."""
    if isinstance(minimum, Mapping):
        floors = pd.Series(minimum, dtype=float)
        outside = sorted(set(floors.index) - set(years))
        if outside:
            message = _("renewable share years {years} are outside the model years")
            raise LeastCostInputError(message.format(years=outside))
    else:
        floors = pd.Series(float(minimum), index=years)

    if ((floors < 0) | (floors > 1)).any():
        message = _("renewable share must be a fraction from 0 to 1, not a percentage")
        raise LeastCostInputError(message)
    return floors.rename_axis("year")


def add_renewable_share(
    model: linopy.Model,
    parameters: Parameters,
    variables: VariableLabels,
    elastic: bool,
    slacks: list[linopy.Variable],
) -> None:
    """Require renewable output >= floor × denominator output in each year with a floor."""
    share = parameters.problem.renewable_share
    if share is None:
        return
    years = parameters.coords["year"]
    floors = share_by_year(share.minimum, years)
    if floors.empty:
        return
    floor_years = pd.Index(floors.index, name="year")

    renewable = parameters.problem.technologies["renewable"].astype(bool).to_numpy(float)
    denominator = denominator_mask(parameters).to_numpy()
    weight = renewable[None, :] - floors.to_numpy()[:, None] * denominator[None, :]
    generation = variables.generation
    labels = rows_by_year(generation, years.get_indexer(floor_years))
    technologies, regions, slices = generation.shape[0], generation.shape[1], generation.shape[3]
    per_term = np.broadcast_to(
        weight[:, :, None, None], (len(floor_years), technologies, regions, slices)
    )
    coords = {"year": floor_years}
    labels, coefficients = with_slack(
        model,
        "renewable",
        labels,
        per_term.reshape(len(floor_years), -1),
        coords,
        1.0,
        elastic,
        slacks,
    )
    add_rows(model, "renewable", labels, coefficients, coords, ">=", np.zeros(1))


def add_capacity_target(
    model: linopy.Model,
    parameters: Parameters,
    number: int,
    target: CapacityTarget,
    elastic: bool,
    slacks: list[linopy.Variable],
) -> None:
    """Bound the summed capacity [MW] of the target's technologies in its year."""
    coords = parameters.coords
    unknown = sorted(set(target.technologies) - set(coords["technology"]))
    if unknown or target.year not in coords["year"]:
        message = _("capacity target {number} names unknown technologies {names} or year {year}")
        raise LeastCostInputError(message.format(number=number, names=unknown, year=target.year))
    if target.minimum is None and target.maximum is None:
        message = _("capacity target {number} has neither a minimum nor a maximum")
        raise LeastCostInputError(message.format(number=number))

    capacity = model.variables["capacity"].sel(
        technology=list(target.technologies), year=target.year
    )
    if target.region is not None:
        capacity = capacity.sel(region=[target.region])
    total = capacity.sum()

    if target.minimum is not None:
        shortfall = slack_like(model, f"target_{number}_min", None, elastic, slacks)
        model.add_constraints(total + shortfall >= target.minimum, name=f"target_{number}_min")
    if target.maximum is not None:
        excess = slack_like(model, f"target_{number}_max", None, elastic, slacks)
        model.add_constraints(total - excess <= target.maximum, name=f"target_{number}_max")


def add_emission_cap(
    model: linopy.Model,
    parameters: Parameters,
    variables: VariableLabels,
    setting: EmissionCap,
    elastic: bool,
    slacks: list[linopy.Variable],
) -> None:
    """Cap the zone's emission of a pollutant in each listed year [mass unit of its factor]."""
    pollutant = setting.pollutant
    if pollutant not in parameters.factors["pollutant"]:
        message = _("emission cap on {pollutant}, which the technology table does not list")
        raise LeastCostInputError(message.format(pollutant=pollutant))
    factor = parameters.factors.sel(pollutant=pollutant, drop=True)
    if factor.isnull().any():
        blank = factor["technology"][factor.isnull()].to_numpy().tolist()
        message = _("emission cap on {pollutant} needs its factor for {names}")
        raise LeastCostInputError(message.format(pollutant=pollutant, names=blank))

    cap = pd.Series(setting.limits, dtype=float).rename_axis("year")
    years = parameters.coords["year"]
    outside = sorted(set(cap.index) - set(years))
    if outside:
        message = _("emission cap years {years} are outside the model years")
        raise LeastCostInputError(message.format(years=outside))
    if cap.empty:
        return

    generation = variables.generation
    cap_years = pd.Index(cap.index, name="year")
    labels = rows_by_year(generation, years.get_indexer(cap_years))
    technologies, regions, slices = generation.shape[0], generation.shape[1], generation.shape[3]
    per_term = np.broadcast_to(factor.to_numpy()[:, None, None], (technologies, regions, slices))
    coefficients = per_term.reshape(1, -1)
    coords = {"year": cap_years}
    name = f"cap_{pollutant}"
    labels, coefficients = with_slack(
        model, name, labels, coefficients, coords, -1.0, elastic, slacks
    )
    add_rows(model, name, labels, coefficients, coords, "<=", cap.to_numpy())

"""Storage in the least-cost model: energy shifted between the time slices of one season.

Time slices have no order, so storage is modelled on one representative day per season.
For each storage s, region r, year y and season g, with slices t of hours h_t:

- charge C and discharge D in each slice are at most the power capacity P times h_t;
- D summed over the season's slices = round-trip efficiency × C summed over them;
- C summed over the season's slices <= energy capacity E × (the season's hours / 24),
  that is, at most one full charge a day;
- D − C adds to the supply side of the demand balance of (r, y, t).

Capacity is costed as an annuity: each year's E and P pay the capital recovery factor of
their lifetime times the investment, plus the fixed O&M of the power part.

NOTE: E and P are free in each year (no vintages and no salvage value), unlike the
generating technologies, so storage can shrink from one year to the next.
"""

from __future__ import annotations

from dataclasses import dataclass

import linopy
import numpy as np
import pandas as pd

from ecoplan.energy.leastcost import LeastCostInputError, LeastCostProblem
from ecoplan.energy.technologies import STORAGE_COLUMNS
from ecoplan.i18n import _

HOURS_PER_DAY = 24.0
KW_PER_MW = 1000.0
STORAGE_DIMS = ("storage", "region", "year")
FLOW_DIMS = ("storage", "region", "year", "timeslice")


@dataclass(frozen=True)
class StorageParameters:
    """Arrays of the storage of one run, in the model's units (MW, MWh, currency)."""

    storages: pd.Index
    seasons: pd.Index
    energy_annual: np.ndarray  # [currency/MWh/a] by storage
    power_annual: np.ndarray  # [currency/MW/a] by storage
    efficiency: np.ndarray  # [1] by storage: round trip
    hours: np.ndarray  # [h] by timeslice
    member: np.ndarray  # [bool] by season, timeslice: slice in season
    days: np.ndarray  # [d] by season: the season's hours / 24


@dataclass(frozen=True)
class StorageLabels:
    """Integer labels of the storage variables, in :data:`STORAGE_DIMS` or :data:`FLOW_DIMS`."""

    power: np.ndarray
    energy: np.ndarray
    charge: np.ndarray
    discharge: np.ndarray


def recovery_factor(rate: float, lifetime: np.ndarray) -> np.ndarray:
    """Return the capital recovery factor r / (1 - (1 + r)^-n), 1/n when r is 0 [1/a]."""
    if rate == 0:
        return 1 / lifetime
    return rate / (1 - (1 + rate) ** -lifetime)


def check_storage_table(table: pd.DataFrame) -> None:
    """Raise when a storage column is absent or blank, or an efficiency is outside (0, 1]."""
    absent = [column for column in STORAGE_COLUMNS if column not in table.columns]
    if absent:
        message = _("the storage table lacks the column(s) {columns}; add them")
        raise LeastCostInputError(message.format(columns=absent))
    blanks = table[list(STORAGE_COLUMNS)].isna()
    if blanks.to_numpy().any():
        gaps = [f"{name}.{column}" for name, column in blanks[blanks].stack().index]
        message = _("storage data missing for {cells}; fill them in before optimising")
        raise LeastCostInputError(message.format(cells=gaps))
    efficiency = table["round_trip_efficiency"].astype(float)
    bad = efficiency[(efficiency <= 0) | (efficiency > 1)]
    if len(bad):
        message = _(
            "round-trip efficiency of storage {names} is {values}; give a fraction above 0 "
            "and at most 1"
        )
        raise LeastCostInputError(message.format(names=list(bad.index), values=list(bad)))


def season_membership(slices: pd.DataFrame) -> tuple[pd.Index, np.ndarray]:
    """Return the seasons and, per season and slice, whether the slice belongs to it."""
    if "season" not in slices.columns:
        return pd.Index(["year"], name="season"), np.ones((1, len(slices)), dtype=bool)
    season = slices["season"]
    if season.isna().any():
        blank = list(season.index[season.isna()])
        message = _("time slices {slices} have no season; give every slice one")
        raise LeastCostInputError(message.format(slices=blank))
    seasons = pd.Index(pd.unique(season.astype(str)), name="season")
    member = season.astype(str).to_numpy()[None, :] == seasons.to_numpy()[:, None]
    return seasons, member


def storage_parameters(problem: LeastCostProblem, slices: pd.DataFrame) -> StorageParameters | None:
    """Return the storage arrays of ``problem`` on the run's time ``slices``, or None."""
    table = problem.storage
    if table is None or table.empty:
        return None
    check_storage_table(table)
    rate = problem.discount_rate
    energy_life = table["energy_lifetime"].to_numpy(float)
    power_life = table["power_lifetime"].to_numpy(float)
    energy_capital = table["energy_capital_cost"].to_numpy(float) * KW_PER_MW
    power_capital = table["power_capital_cost"].to_numpy(float) * KW_PER_MW
    power_fixed = table["power_fixed_om"].to_numpy(float) * KW_PER_MW

    seasons, member = season_membership(slices)
    hours = slices["hours"].to_numpy(float)
    return StorageParameters(
        storages=pd.Index(table.index, name="storage"),
        seasons=seasons,
        energy_annual=energy_capital * recovery_factor(rate, energy_life),
        power_annual=power_capital * recovery_factor(rate, power_life) + power_fixed,
        efficiency=table["round_trip_efficiency"].to_numpy(float),
        hours=hours,
        member=member,
        days=(member * hours[None, :]).sum(axis=1) / HOURS_PER_DAY,
    )


def add_storage_variables(
    model: linopy.Model, coords: dict[str, pd.Index], storage: StorageParameters
) -> StorageLabels:
    """Add power [MW], energy [MWh], charge and discharge [MWh] variables; return labels."""
    capacity_coords = [storage.storages, coords["region"], coords["year"]]
    flow_coords = [*capacity_coords, coords["timeslice"]]
    power = model.add_variables(lower=0, coords=capacity_coords, name="storage_power")
    energy = model.add_variables(lower=0, coords=capacity_coords, name="storage_energy")
    charge = model.add_variables(lower=0, coords=flow_coords, name="storage_charge")
    discharge = model.add_variables(lower=0, coords=flow_coords, name="storage_discharge")
    return StorageLabels(
        power=power.labels.transpose(*STORAGE_DIMS).to_numpy(),
        energy=energy.labels.transpose(*STORAGE_DIMS).to_numpy(),
        charge=charge.labels.transpose(*FLOW_DIMS).to_numpy(),
        discharge=discharge.labels.transpose(*FLOW_DIMS).to_numpy(),
    )


def add_storage_constraints(
    model: linopy.Model,
    coords: dict[str, pd.Index],
    storage: StorageParameters,
    labels: StorageLabels,
) -> None:
    """Add the power limits, the seasonal energy balance and the daily cycle limit."""
    from ecoplan.energy.leastcost_constraints import add_rows

    flow_coords = {"storage": storage.storages, **{d: coords[d] for d in FLOW_DIMS[1:]}}
    power = np.broadcast_to(labels.power[..., None], labels.charge.shape)
    per_hour = -storage.hours[None, None, None, :]
    for name, flow in (("charge", labels.charge), ("discharge", labels.discharge)):
        rows = np.stack([flow, power], axis=-1)
        coefficients = np.stack(np.broadcast_arrays(np.ones(1), per_hour), axis=-1)
        add_rows(model, f"storage_{name}_limit", rows, coefficients, flow_coords, "<=", np.zeros(1))

    season_coords = {d: flow_coords[d] for d in STORAGE_DIMS} | {"season": storage.seasons}
    member = storage.member[None, None, None, :, :]
    charge = np.where(member, labels.charge[:, :, :, None, :], -1)
    discharge = np.where(member, labels.discharge[:, :, :, None, :], -1)
    slices = len(storage.hours)

    balance = np.concatenate([discharge, charge], axis=-1)
    loss = -storage.efficiency[:, None] * np.ones((1, slices))
    weights = np.concatenate([np.ones((len(storage.storages), slices)), loss], axis=-1)
    coefficients = weights[:, None, None, None, :]
    add_rows(model, "storage_balance", balance, coefficients, season_coords, "=", np.zeros(1))

    energy = np.broadcast_to(labels.energy[:, :, :, None, None], (*charge.shape[:-1], 1))
    cycle = np.concatenate([charge, energy], axis=-1)
    per_day = np.concatenate(
        [np.ones((len(storage.seasons), slices)), -storage.days[:, None]], axis=-1
    )
    add_rows(
        model, "storage_cycle", cycle, per_day[None, None, None], season_coords, "<=", np.zeros(1)
    )


def demand_terms(labels: StorageLabels) -> tuple[np.ndarray, np.ndarray]:
    """Return discharge (+1) and charge (-1) labels on (region, year, timeslice, term)."""
    discharge = np.moveaxis(labels.discharge, 0, -1)
    charge = np.moveaxis(labels.charge, 0, -1)
    storages = discharge.shape[-1]
    coefficients = np.concatenate([np.ones(storages), -np.ones(storages)])
    return np.concatenate([discharge, charge], axis=-1), coefficients


def cost_terms(
    storage: StorageParameters, labels: StorageLabels, discount: np.ndarray
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Return labels and coefficients of the discounted annuities of E and P."""
    energy = np.outer(storage.energy_annual, discount)[:, None, :]
    power = np.outer(storage.power_annual, discount)[:, None, :]
    coefficients = [
        np.broadcast_to(energy, labels.energy.shape).ravel(),
        np.broadcast_to(power, labels.power.shape).ravel(),
    ]
    return [labels.energy.ravel(), labels.power.ravel()], coefficients


def storage_solution(model: linopy.Model) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return capacity (power [MW], energy [MWh]) and flows (charge, discharge [MWh])."""
    if "storage_power" not in model.variables:
        return pd.DataFrame(), pd.DataFrame()
    capacity = pd.DataFrame(
        {
            "power": model.variables["storage_power"].solution.to_series(),
            "energy": model.variables["storage_energy"].solution.to_series(),
        }
    )
    flow = pd.DataFrame(
        {
            "charge": model.variables["storage_charge"].solution.to_series(),
            "discharge": model.variables["storage_discharge"].solution.to_series(),
        }
    )
    return capacity, flow


def storage_annual_cost(
    storage: StorageParameters | None, capacity: pd.DataFrame, years: pd.Index
) -> pd.Series:
    """Return the undiscounted annuity of storage capacity per year [currency]."""
    if storage is None or capacity.empty:
        return pd.Series(0.0, index=years)
    energy = pd.Series(storage.energy_annual, index=storage.storages)
    power = pd.Series(storage.power_annual, index=storage.storages)
    by_storage = capacity.index.get_level_values("storage")
    cost = capacity["energy"] * energy.reindex(by_storage).to_numpy()
    cost = cost + capacity["power"] * power.reindex(by_storage).to_numpy()
    return cost.groupby(level="year").sum().reindex(years, fill_value=0.0)

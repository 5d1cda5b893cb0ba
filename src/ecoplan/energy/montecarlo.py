"""Monte Carlo over costs, technology factors and growth, vectorised over draws.

Each uncertain quantity is a multiplier on its base value, drawn from a normal, lognormal,
triangular or uniform distribution by Latin hypercube sampling (:mod:`scipy.stats.qmc`) with
a fixed seed. The worksheet is then worked out for every draw at once: arrays carry a leading
draw axis through :func:`ecoplan.energy.worksheet.compute_arrays`. Results are bands
(percentiles per year), not single lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats
from scipy.stats import qmc

from ecoplan.energy.technologies import (
    EMISSION_TO_TONNES,
    MWH_PER_KW_YEAR,
    POLLUTANTS,
    damage_cost_per_tonne,
    load_damage_costs,
    load_technologies,
)
from ecoplan.energy.worksheet import compute_arrays, interpolate_shares, milestone_shares
from ecoplan.errors import EcoplanError
from ecoplan.i18n import _

RAW = (
    "efficiency",
    "capacity_factor",
    "capital_cost",
    "fixed_om",
    "variable_om",
    "fuel_cost",
    "lifetime",
    *POLLUTANTS,
    "water_withdrawal",
    "water_consumption",
)
"""Technology parameters that may be uncertain."""

DISTRIBUTIONS = ("normal", "lognormal", "triangular", "uniform")
CHUNK = 256
"""Draws worked out together; small enough for the arrays to stay in cache."""

SEED = 20031026
"""Default seed of the Latin hypercube sampler."""

RESULTS = (
    "supply",
    "capacity",
    *POLLUTANTS,
    "water_withdrawal",
    "water_consumption",
    "private_cost",
    "external_cost",
    "full_cost",
)


class MonteCarloError(EcoplanError):
    """An uncertainty is badly specified."""


@dataclass(frozen=True)
class Uncertainty:
    """One uncertain quantity, as a multiplier of its base value.

    ``parameter`` is one of :data:`RAW`, ``damage_<pollutant>`` (a damage cost) or ``growth``
    (the annual growth rate of the whole). ``technology`` limits a technology parameter to
    one technology (``None``: all). ``values`` are the distribution's parameters:

    - normal: (standard deviation,), mean 1;
    - lognormal: (sigma of the logarithm,), median 1;
    - triangular: (low, mode, high);
    - uniform: (low, high).
    """

    parameter: str
    distribution: str
    values: tuple[float, ...]
    technology: str | None = None

    def ppf(self, quantile: np.ndarray) -> np.ndarray:
        """Return the multipliers at ``quantile`` (inverse cumulative distribution) [1]."""
        kind, v = self.distribution, self.values
        if kind == "normal":
            return np.asarray(stats.norm.ppf(quantile, loc=1.0, scale=v[0]))
        if kind == "lognormal":
            return np.asarray(stats.lognorm.ppf(quantile, s=v[0], scale=1.0))
        if kind == "triangular":
            low, mode, high = v
            shape = (mode - low) / (high - low)
            return np.asarray(stats.triang.ppf(quantile, shape, loc=low, scale=high - low))
        if kind == "uniform":
            return np.asarray(stats.uniform.ppf(quantile, loc=v[0], scale=v[1] - v[0]))
        raise MonteCarloError(
            _("Unknown distribution {name!r}; expected one of {known}.").format(
                name=kind, known=", ".join(DISTRIBUTIONS)
            )
        )


def sample_multipliers(
    uncertainties: list[Uncertainty], draws: int, seed: int = SEED
) -> np.ndarray:
    """Return Latin hypercube draws of every multiplier, shape (draws, uncertainties)."""
    sampler = qmc.LatinHypercube(d=len(uncertainties), seed=seed)
    quantiles = sampler.random(draws)
    columns = [u.ppf(quantiles[:, i]) for i, u in enumerate(uncertainties)]
    return np.column_stack(columns)


@dataclass
class Inputs:
    """Base inputs of one scenario's worksheet as arrays over (years, technologies)."""

    years: list[int]
    technologies: list[str]
    shares: np.ndarray
    whole: np.ndarray
    raw: dict[str, np.ndarray]
    damage: dict[str, float]
    discount_rate: float
    tables: list[pd.DataFrame] = field(default_factory=list)


def scenario_inputs(
    portfolio: pd.DataFrame,
    scenario: str,
    whole: pd.Series,
    zone: Any | None = None,
    discount_rate: float = 0.05,
    damage_costs: pd.DataFrame | None = None,
) -> Inputs:
    """Return the base arrays of ``scenario`` (see :func:`compute_worksheet` parameters)."""
    years = [int(year) for year in whole.index]
    shares = interpolate_shares(milestone_shares(portfolio, scenario), years)
    techs = list(shares.columns)
    tables = [load_technologies(zone, year).loc[techs] for year in years]
    raw = {name: np.array([t[name].to_numpy(float) for t in tables]) for name in RAW}
    currency = tables[0].attrs["currency"]
    damage_table = load_damage_costs() if damage_costs is None else damage_costs
    damage = {str(k): float(v) for k, v in damage_cost_per_tonne(damage_table, currency).items()}
    return Inputs(
        years, techs, shares.to_numpy(), whole.to_numpy(float), raw, damage, discount_rate, tables
    )


def derive(
    raw: dict[str, np.ndarray], damage: dict[str, np.ndarray | float], discount_rate: float
) -> dict[str, np.ndarray]:
    """Return the worksheet parameters from raw technology arrays (any leading axes).

    Levelised cost as :func:`ecoplan.energy.technologies.levelised_cost`, external cost as
    :func:`ecoplan.energy.technologies.external_cost`, on arrays.
    """
    n = raw["lifetime"]
    if discount_rate == 0:
        crf = 1 / n
    else:
        growth = (1 + discount_rate) ** n
        crf = discount_rate * growth / (growth - 1)
    output = raw["capacity_factor"] * MWH_PER_KW_YEAR
    lcoe = (raw["capital_cost"] * crf + raw["fixed_om"]) / output + raw["variable_om"]
    lcoe = lcoe + raw["fuel_cost"] / raw["efficiency"]
    external = sum(
        raw[p] * EMISSION_TO_TONNES[p] * np.asarray(damage.get(p, 0.0)) for p in POLLUTANTS
    )
    params = {"levelised_cost": lcoe, "external_cost": external}
    for name in ("capacity_factor", *POLLUTANTS, "water_withdrawal", "water_consumption"):
        params[name] = raw[name]
    return params


def _technology_mask(inputs: Inputs, uncertainty: Uncertainty) -> np.ndarray:
    if uncertainty.technology is None:
        return np.ones(len(inputs.technologies), dtype=bool)
    if uncertainty.technology not in inputs.technologies:
        raise MonteCarloError(
            _("Uncertain technology {technology!r} is not in the worksheet.").format(
                technology=uncertainty.technology
            )
        )
    return np.array([tech == uncertainty.technology for tech in inputs.technologies])


def _check(uncertainty: Uncertainty) -> None:
    known = (*RAW, "growth", *(f"damage_{p}" for p in POLLUTANTS))
    if uncertainty.parameter not in known:
        raise MonteCarloError(
            _("Unknown uncertain parameter {name!r}; expected one of {known}.").format(
                name=uncertainty.parameter, known=", ".join(known)
            )
        )


def apply_draws(
    inputs: Inputs, uncertainties: list[Uncertainty], multipliers: np.ndarray
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray | float], np.ndarray]:
    """Return raw arrays (draws, years, techs), damage costs and the whole (draws, years)."""
    raw: dict[str, np.ndarray] = dict(inputs.raw)
    damage: dict[str, np.ndarray | float] = dict(inputs.damage)
    whole = np.broadcast_to(inputs.whole, (len(multipliers), len(inputs.years)))
    for column, uncertainty in enumerate(uncertainties):
        _check(uncertainty)
        factor = multipliers[:, column]
        name = uncertainty.parameter
        if name in RAW:
            mask = _technology_mask(inputs, uncertainty)
            raw[name] = raw[name] * np.where(mask, factor[:, None, None], 1.0)
        elif name == "growth":
            whole = _vary_growth(inputs, whole, factor)
        else:
            pollutant = name.removeprefix("damage_")
            damage[pollutant] = np.asarray(damage.get(pollutant, 0.0)) * factor[:, None, None]
    return raw, damage, whole


def _vary_growth(inputs: Inputs, whole: np.ndarray, factor: np.ndarray) -> np.ndarray:
    """Scale the whole's mean annual growth rate r by ``factor`` from the first year on."""
    span = inputs.years[-1] - inputs.years[0]
    rate = (inputs.whole[-1] / inputs.whole[0]) ** (1 / span) - 1 if span else 0.0
    elapsed = np.asarray(inputs.years, float) - inputs.years[0]
    ratio = (1 + rate * factor[:, None]) / (1 + rate)
    return whole * ratio**elapsed


@dataclass
class MonteCarloResult:
    """Totals over technologies of every draw: each of :data:`RESULTS`, (draws, years)."""

    years: list[int]
    totals: dict[str, np.ndarray]
    multipliers: np.ndarray

    def bands(self, percentiles: tuple[float, ...] = (5, 50, 95)) -> pd.DataFrame:
        """Return percentiles per year: rows year, columns (quantity, percentile)."""
        frames = {}
        for name, values in self.totals.items():
            bands = np.percentile(values, percentiles, axis=0).T
            frames[name] = pd.DataFrame(bands, index=self.years, columns=list(percentiles))
        result = pd.concat(frames, axis=1)
        result.index.name = "year"
        return result


def monte_carlo(
    inputs: Inputs, uncertainties: list[Uncertainty], draws: int = 1000, seed: int = SEED
) -> MonteCarloResult:
    """Work the worksheet out for ``draws`` Latin hypercube draws at once."""
    multipliers = sample_multipliers(uncertainties, draws, seed)
    return monte_carlo_vectorised(inputs, uncertainties, multipliers)


def monte_carlo_vectorised(
    inputs: Inputs,
    uncertainties: list[Uncertainty],
    multipliers: np.ndarray,
    chunk: int = CHUNK,
) -> MonteCarloResult:
    """Work the worksheet out for given multipliers (draws, uncertainties), vectorised.

    Draws are processed ``chunk`` at a time, so the arrays stay in the processor cache.
    """
    parts: dict[str, list[np.ndarray]] = {name: [] for name in RESULTS}
    for start in range(0, len(multipliers), chunk):
        raw, damage, whole = apply_draws(inputs, uncertainties, multipliers[start : start + chunk])
        params = derive(raw, damage, inputs.discount_rate)
        arrays = compute_arrays(inputs.shares, whole, params)
        for name in RESULTS:
            parts[name].append(arrays[name].sum(axis=-1))
    totals = {name: np.concatenate(values) for name, values in parts.items()}
    return MonteCarloResult(inputs.years, totals, multipliers)


def monte_carlo_loop(
    inputs: Inputs, uncertainties: list[Uncertainty], multipliers: np.ndarray
) -> MonteCarloResult:
    """Work the worksheet out one draw at a time (reference for tests and the benchmark)."""
    totals: dict[str, list[np.ndarray]] = {name: [] for name in RESULTS}
    for row in multipliers:
        raw, damage, whole = apply_draws(inputs, uncertainties, row[None, :])
        params = derive(raw, damage, inputs.discount_rate)
        arrays = compute_arrays(inputs.shares, whole, params)
        for name in RESULTS:
            totals[name].append(arrays[name].sum(axis=-1)[0])
    stacked = {name: np.array(values) for name, values in totals.items()}
    return MonteCarloResult(inputs.years, stacked, multipliers)

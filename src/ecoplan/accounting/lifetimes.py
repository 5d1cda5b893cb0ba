"""Lifetime distributions of durable goods and their survival curves.

Ages and lifetimes are in years [a]. A cohort is the set of items that entered the stock in
one year, and its age in year ``t`` is ``t`` minus its inflow year. The survival curve
``S(age)`` is the share of a cohort still in stock at the end of the year in which it has
that age, ``S(age) = P(lifetime > age)``:

- fixed lifetime ``L``: ``S(age) = 1`` while ``age < L``, else 0, so a cohort leaves the stock
  in the year it reaches age ``L`` (``L = 5``: inflow in year 0, outflow in year 5);
- normal: ``S(age) = 1 - Φ((age - mean) / sd)`` (``scipy.stats.norm.sf``);
- Weibull with shape ``k`` and scale ``λ``: ``S(age) = exp(-(age / λ)^k)``
  (``scipy.stats.weibull_min.sf``).

An item can be discarded in its inflow year (age 0) with probability ``1 - S(0)``. That share
is 0 for fixed and Weibull lifetimes, and small but non-zero for a normal lifetime, whose
distribution also puts weight on negative ages. This module does not truncate the normal
distribution, so a normal lifetime with a mean near its sd discards much of a cohort at
age 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
import scipy.stats

from ecoplan.errors import EcoplanError
from ecoplan.i18n import _

Distribution = Literal["fixed", "normal", "weibull"]
DISTRIBUTIONS = ("fixed", "normal", "weibull")


class LifetimeError(EcoplanError):
    """A lifetime distribution is unknown or has an invalid or missing parameter."""


@dataclass(frozen=True)
class Lifetime:
    """Lifetime distribution of one kind of durable good.

    Parameters
    ----------
    distribution
        ``fixed``, ``normal`` or ``weibull``.
    mean
        Fixed lifetime, or the mean of the normal distribution [a]; must be positive.
    sd
        Standard deviation of the normal distribution [a]; must be positive.
    shape
        Weibull shape parameter ``k`` [1]; must be positive.
    scale
        Weibull scale parameter ``λ`` [a]; must be positive.

    Raises
    ------
    LifetimeError
        When the distribution is unknown, or a parameter it needs is missing, not finite or
        not positive.
    """

    distribution: Distribution
    mean: float | None = None
    sd: float | None = None
    shape: float | None = None
    scale: float | None = None

    def __post_init__(self) -> None:
        if self.distribution not in DISTRIBUTIONS:
            raise LifetimeError(
                _(
                    "Unknown lifetime distribution {distribution!r}; use fixed, normal or weibull."
                ).format(distribution=self.distribution)
            )
        for name in _REQUIRED[self.distribution]:
            _check_positive(self.distribution, name, getattr(self, name))

    def survival(self, ages: np.ndarray) -> np.ndarray:
        """Return ``S(age)``, the share of a cohort still in stock at each age [1].

        Negative ages (years before the inflow) give 0.
        """
        ages = np.asarray(ages, dtype=float)
        if self.distribution == "fixed":
            survival = (ages < float(self.mean or 0.0)).astype(float)
        elif self.distribution == "normal":
            survival = scipy.stats.norm.sf(ages, loc=self.mean, scale=self.sd)
        else:
            survival = scipy.stats.weibull_min.sf(ages, self.shape, scale=self.scale)
        return np.where(ages < 0, 0.0, survival)


_REQUIRED: dict[str, tuple[str, ...]] = {
    "fixed": ("mean",),
    "normal": ("mean", "sd"),
    "weibull": ("shape", "scale"),
}


def _check_positive(distribution: str, name: str, value: float | None) -> None:
    if value is None or not math.isfinite(float(value)):
        raise LifetimeError(
            _(
                "Missing lifetime parameter {name} for a {distribution} distribution; give a "
                "positive number."
            ).format(name=name, distribution=distribution)
        )
    if float(value) <= 0:
        raise LifetimeError(
            _(
                "Invalid lifetime parameter {name} = {value} for a {distribution} distribution; "
                "it must be positive."
            ).format(name=name, value=value, distribution=distribution)
        )

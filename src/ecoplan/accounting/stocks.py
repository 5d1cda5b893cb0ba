"""Dynamic stock models of durable goods: inflow-driven and stock-driven.

The models follow the cohort approach of dynamic material flow analysis. Each year's inflow
forms a cohort. The cohort entering in year ``c`` is still in stock at the end of year
``t ≥ c`` in the share ``S(t - c)`` given by its lifetime's survival curve (see
:mod:`ecoplan.accounting.lifetimes` for the convention on ages: a fixed lifetime ``L``
means discarded in the year the cohort reaches age ``L``). With ``M[t, c] = S(t - c)``
(lower triangular):

- inflow-driven: ``stock_by_cohort[t, c] = M[t, c] · inflow[c]``;
- stock-driven: the inflow solves the triangular system ``M · inflow = stock``;
- in both, ``outflow[t] = stock[t - 1] + inflow[t] - stock[t]`` with ``stock[-1] = 0``, so
  cumulative inflow minus cumulative outflow equals the stock exactly.

Implemented with vectorised NumPy and ``scipy.stats`` survival functions, not with
``flodym`` 1.1: flodym's models need a ``DimensionSet`` and ``FlodymArray`` objects for
each series, and its default ``inflow_at="middle"`` shifts ages by half a year, which would
break the fixed-lifetime convention above. With ``inflow_at="end"`` flodym evaluates the
same ages, and the tests check that both give the same stocks and outflows.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.linalg

from ecoplan.accounting.lifetimes import Lifetime, LifetimeError
from ecoplan.errors import EcoplanError, NotComputableError
from ecoplan.i18n import _
from ecoplan.model.zone import Zone

__all__ = [
    "DynamicStockResult",
    "Lifetime",
    "LifetimeError",
    "SeriesError",
    "inflow_driven",
    "project_durables",
    "stock_driven",
    "survival_matrix",
]

logger = logging.getLogger(__name__)


class SeriesError(EcoplanError):
    """A time series for a stock model is malformed (gaps, lengths, missing values)."""


@dataclass(frozen=True)
class DynamicStockResult:
    """Result of a dynamic stock model, one entry per year.

    Attributes
    ----------
    years
        Consecutive years [a].
    inflow, outflow, stock
        Inflow and outflow during each year, and stock at the end of each year, in the unit
        of the input series.
    stock_by_cohort
        Stock at the end of year ``t`` (row) that entered in year ``c`` (column); lower
        triangular, rows sum to ``stock``.
    """

    years: np.ndarray
    inflow: np.ndarray
    outflow: np.ndarray
    stock: np.ndarray
    stock_by_cohort: np.ndarray


def survival_matrix(years: Sequence[int] | np.ndarray, lifetime: Lifetime) -> np.ndarray:
    """Return ``M[t, c] = S(years[t] - years[c])``, zero above the diagonal [1]."""
    years_array = np.asarray(years, dtype=float)
    ages = years_array[:, np.newaxis] - years_array[np.newaxis, :]
    return lifetime.survival(ages)


def inflow_driven(
    years: Sequence[int] | np.ndarray, inflow: Sequence[float] | np.ndarray, lifetime: Lifetime
) -> DynamicStockResult:
    """Compute the stock and outflow that follow from yearly inflows.

    Parameters
    ----------
    years
        Consecutive years [a].
    inflow
        Inflow of each year, in any unit of amount.
    lifetime
        Lifetime distribution of the items.

    Raises
    ------
    SeriesError
        When the years are not consecutive or the inflow has missing values or another length.
    """
    years_array, inflow_array = _checked_series(years, inflow, "inflow")
    stock_by_cohort = survival_matrix(years_array, lifetime) * inflow_array[np.newaxis, :]
    return _result(years_array, inflow_array, stock_by_cohort)


def stock_driven(
    years: Sequence[int] | np.ndarray, stock: Sequence[float] | np.ndarray, lifetime: Lifetime
) -> DynamicStockResult:
    """Compute the inflow and outflow that produce given end-of-year stock levels.

    The stock is assumed empty before the first year, so the first year's inflow builds the
    whole first stock. A stock that falls faster than its cohorts are discarded gives a
    negative inflow, which is logged as a warning.

    Raises
    ------
    SeriesError
        When the years are not consecutive or the stock has missing values or another length.
    """
    years_array, stock_array = _checked_series(years, stock, "stock")
    survival = survival_matrix(years_array, lifetime)
    inflow = scipy.linalg.solve_triangular(survival, stock_array, lower=True)
    negative = years_array[inflow < -1e-9 * max(1.0, float(np.abs(stock_array).max(initial=0)))]
    if len(negative):
        logger.warning(
            _(
                "The stock falls faster than items are discarded, so the inflow is "
                "negative in the years {years}."
            ).format(years=negative.tolist())
        )
    return _result(years_array, inflow, survival * inflow[np.newaxis, :])


def _result(
    years: np.ndarray, inflow: np.ndarray, stock_by_cohort: np.ndarray
) -> DynamicStockResult:
    stock = stock_by_cohort.sum(axis=1)
    previous = np.concatenate(([0.0], stock[:-1]))
    outflow = previous + inflow - stock
    return DynamicStockResult(
        years=years, inflow=inflow, outflow=outflow, stock=stock, stock_by_cohort=stock_by_cohort
    )


def _checked_series(
    years: Sequence[int] | np.ndarray, values: Sequence[float] | np.ndarray, name: str
) -> tuple[np.ndarray, np.ndarray]:
    years_array = np.asarray(years, dtype=int)
    values_array = np.asarray(values, dtype=float)
    if values_array.shape != years_array.shape or years_array.ndim != 1:
        raise SeriesError(
            _(
                "The {name} series has {count} values for {years} years; give one value per year."
            ).format(name=name, count=values_array.size, years=years_array.size)
        )
    if len(years_array) and not np.all(np.diff(years_array) == 1):
        raise SeriesError(
            _("The years {years} are not consecutive; give one value for every year.").format(
                years=years_array.tolist()
            )
        )
    if not np.all(np.isfinite(values_array)):
        missing = years_array[~np.isfinite(values_array)].tolist()
        raise SeriesError(
            _("The {name} series has no value in the years {years}.").format(
                name=name, years=missing
            )
        )
    return years_array, values_array


def project_durables(zone: Zone, horizon: int | None = None) -> dict[str, DynamicStockResult]:
    """Run the stock model of every durable of the zone, keyed by ``durable_id``.

    Each row of ``zone.durables`` gives the lifetime and whether its ``durable_series`` holds
    inflows (``driver = inflow``) or stock levels (``driver = stock``). Series values are in
    the canonical unit of the durable's dimension (``durable_series.quantity``).

    With ``horizon`` [year] beyond a series' last year, the projection runs on to it: an
    inflow-driven durable gets no further inflow, so its outflows are the future waste of what
    is in place; a stock-driven durable keeps its last stock level, so its inflows are the
    replacements that level needs.

    Raises
    ------
    NotComputableError
        When a durable has no series.
    SeriesError
        When a series skips a year or has a missing value.
    LifetimeError
        When a lifetime parameter is invalid.
    """
    series = zone.durable_series
    results: dict[str, DynamicStockResult] = {}
    for durable in zone.durables.itertuples(index=False):
        rows = series[series["durable_id"] == durable.durable_id].sort_values("year")
        if rows.empty:
            raise NotComputableError(
                _(
                    "Durable {durable} has no rows in durable_series; add its yearly inflows "
                    "or stock levels."
                ).format(durable=durable.durable_id)
            )
        years = rows["year"].to_numpy(dtype=int)
        values = rows["quantity"].to_numpy(dtype=float)
        if horizon is not None and horizon > years[-1]:
            future = np.arange(years[-1] + 1, horizon + 1)
            held = values[-1] if durable.driver == "stock" else 0.0
            years = np.concatenate([years, future])
            values = np.concatenate([values, np.full(len(future), held)])
        model = stock_driven if durable.driver == "stock" else inflow_driven
        results[str(durable.durable_id)] = model(years, values, _lifetime_of(durable))
    return results


def _lifetime_of(durable: object) -> Lifetime:
    def number(name: str) -> float | None:
        value = getattr(durable, name)
        return None if pd.isna(value) else float(value)

    return Lifetime(
        distribution=getattr(durable, "distribution"),  # noqa: B009 - a namedtuple row
        mean=number("lifetime_mean"),
        sd=number("lifetime_sd"),
        shape=number("weibull_shape"),
        scale=number("weibull_scale"),
    )

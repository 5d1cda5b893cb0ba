"""Dynamic stock models: a published fixed-lifetime case, mass balance, inversion, flodym."""

from __future__ import annotations

import logging
from collections.abc import Callable

import flodym
import numpy as np
import pytest

from ecoplan import Zone
from ecoplan.accounting.stocks import (
    Lifetime,
    LifetimeError,
    SeriesError,
    inflow_driven,
    project_durables,
    stock_driven,
)
from ecoplan.errors import NotComputableError

YEARS = np.arange(10)
INFLOW = np.arange(1.0, 11.0)
LIFETIMES = {
    "fixed": Lifetime("fixed", mean=5),
    "normal": Lifetime("normal", mean=6.0, sd=2.0),
    "weibull": Lifetime("weibull", shape=2.5, scale=7.0),
}


def test_inflow_driven_fixed_published_case() -> None:
    # Inflow 1..10 over years 0-9, fixed lifetime 5 years: the cohort of year c leaves in
    # year c + 5, so outflow is the inflow shifted by five years.
    result = inflow_driven(YEARS, INFLOW, Lifetime("fixed", mean=5))

    np.testing.assert_allclose(result.outflow, [0, 0, 0, 0, 0, 1, 2, 3, 4, 5], rtol=0, atol=1e-9)
    np.testing.assert_allclose(
        result.stock, [1, 3, 6, 10, 15, 20, 25, 30, 35, 40], rtol=0, atol=1e-9
    )


def test_stock_driven_fixed_published_case() -> None:
    stock = [1, 3, 6, 10, 15, 20, 25, 30, 35, 40]

    result = stock_driven(YEARS, stock, Lifetime("fixed", mean=5))

    np.testing.assert_allclose(result.inflow, INFLOW, rtol=0, atol=1e-9)
    np.testing.assert_allclose(result.outflow, [0, 0, 0, 0, 0, 1, 2, 3, 4, 5], rtol=0, atol=1e-9)


def test_stock_by_cohort_fixed() -> None:
    result = inflow_driven(YEARS, INFLOW, Lifetime("fixed", mean=5))

    # End of year 6 holds the cohorts of years 2 to 6 (inflows 3 to 7).
    np.testing.assert_allclose(result.stock_by_cohort[6], [0, 0, 3, 4, 5, 6, 7, 0, 0, 0])
    assert np.allclose(np.triu(result.stock_by_cohort, k=1), 0)


@pytest.mark.parametrize("name", ["normal", "weibull", "fixed"])
def test_mass_balance(name: str) -> None:
    result = inflow_driven(YEARS, INFLOW, LIFETIMES[name])

    balance = np.cumsum(result.inflow) - np.cumsum(result.outflow)

    np.testing.assert_allclose(balance, result.stock, rtol=0, atol=1e-9)
    assert np.all(result.outflow >= -1e-12)


@pytest.mark.parametrize("name", ["fixed", "normal", "weibull"])
def test_stock_driven_inverts_inflow_driven(name: str) -> None:
    forward = inflow_driven(YEARS, INFLOW, LIFETIMES[name])

    backward = stock_driven(YEARS, forward.stock, LIFETIMES[name])

    np.testing.assert_allclose(backward.inflow, INFLOW, rtol=0, atol=1e-9)
    np.testing.assert_allclose(backward.outflow, forward.outflow, rtol=0, atol=1e-9)
    np.testing.assert_allclose(backward.stock_by_cohort, forward.stock_by_cohort, rtol=0, atol=1e-9)


def test_weibull_survival_closed_form() -> None:
    lifetime = Lifetime("weibull", shape=2.5, scale=7.0)
    ages = np.array([0.0, 1.0, 3.5, 7.0, 12.0])

    expected = np.exp(-((ages / 7.0) ** 2.5))

    np.testing.assert_allclose(lifetime.survival(ages), expected, rtol=1e-12)
    # At age λ the survival is exp(-1) whatever the shape.
    assert lifetime.survival(np.array([7.0]))[0] == pytest.approx(np.exp(-1.0), rel=1e-12)


def test_normal_survival_at_mean_is_half() -> None:
    lifetime = Lifetime("normal", mean=6.0, sd=2.0)

    survival = lifetime.survival(np.array([6.0, 8.0]))

    assert survival[0] == pytest.approx(0.5, rel=1e-12)
    # One sd above the mean: 1 - Φ(1) = 0.158655...
    assert survival[1] == pytest.approx(0.15865525393145707, rel=1e-12)


def _flodym_model(lifetime: Lifetime, inflow: np.ndarray) -> flodym.InflowDrivenDSM:
    dims = flodym.DimensionSet(
        dim_list=[flodym.Dimension(name="Time", letter="t", items=[int(year) for year in YEARS])]
    )
    model_class: type[flodym.lifetime_models.LifetimeModel]
    if lifetime.distribution == "normal":
        model_class = flodym.NormalLifetime
        parameters = {"mean": lifetime.mean, "std": lifetime.sd}
    else:
        model_class = flodym.WeibullLifetime
        parameters = {"weibull_shape": lifetime.shape, "weibull_scale": lifetime.scale}
    # flodym's inflow_at="end" evaluates the survival at age t - c, as ecoplan does.
    lifetime_model = model_class(dims=dims, inflow_at="end", **parameters)
    model = flodym.InflowDrivenDSM(dims=dims, lifetime_model=lifetime_model)
    model.inflow.values[...] = inflow
    model.compute()
    return model


@pytest.mark.parametrize("name", ["normal", "weibull"])
def test_inflow_driven_matches_flodym(name: str) -> None:
    ours = inflow_driven(YEARS, INFLOW, LIFETIMES[name])

    theirs = _flodym_model(LIFETIMES[name], INFLOW)

    np.testing.assert_allclose(ours.stock, theirs.stock.values, rtol=1e-12)
    np.testing.assert_allclose(ours.outflow, theirs.outflow.values, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize(
    ("arguments", "fragment"),
    [
        ({"distribution": "fixed", "mean": -5.0}, "must be positive"),
        ({"distribution": "fixed"}, "Missing lifetime parameter mean"),
        ({"distribution": "normal", "mean": 10.0}, "Missing lifetime parameter sd"),
        ({"distribution": "normal", "mean": 10.0, "sd": 0.0}, "sd = 0.0"),
        ({"distribution": "weibull", "shape": 2.0}, "Missing lifetime parameter scale"),
        ({"distribution": "weibull", "shape": float("nan"), "scale": 3.0}, "shape"),
        ({"distribution": "gamma", "mean": 3.0}, "Unknown lifetime distribution 'gamma'"),
    ],
)
def test_invalid_lifetime_raises(arguments: dict[str, object], fragment: str) -> None:
    with pytest.raises(LifetimeError, match=fragment):
        Lifetime(**arguments)  # type: ignore[arg-type]


def test_series_with_gap_raises() -> None:
    with pytest.raises(SeriesError, match="not consecutive"):
        inflow_driven([2020, 2021, 2023], [1.0, 2.0, 3.0], Lifetime("fixed", mean=3))


def test_series_with_missing_value_raises() -> None:
    with pytest.raises(SeriesError, match=r"no value in the years \[2021\]"):
        stock_driven([2020, 2021], [1.0, float("nan")], Lifetime("fixed", mean=3))


def test_series_length_mismatch_raises() -> None:
    with pytest.raises(SeriesError, match="2 values for 3 years"):
        inflow_driven([2020, 2021, 2022], [1.0, 2.0], Lifetime("fixed", mean=3))


def test_falling_stock_warns_of_negative_inflow(caplog: pytest.LogCaptureFixture) -> None:
    # With a 10-year fixed lifetime nothing leaves in three years, so a stock that falls from
    # 10 to 4 needs an inflow of -6 in year 1.
    with caplog.at_level(logging.WARNING, logger="ecoplan.accounting.stocks"):
        result = stock_driven([0, 1, 2], [10.0, 4.0, 4.0], Lifetime("fixed", mean=10))

    np.testing.assert_allclose(result.inflow, [10.0, -6.0, 0.0], atol=1e-12)
    assert "[1]" in caplog.text


def _durable_tables() -> dict[str, list[dict[str, object]]]:
    durables = [
        {
            "durable_id": "cars",
            "name": "Vehicles",
            "driver": "inflow",
            "distribution": "fixed",
            "lifetime_mean": 2,
            "unit": "t",
        },
        {
            "durable_id": "offices",
            "name": "Office buildings",
            "driver": "stock",
            "distribution": "weibull",
            "weibull_shape": 3.0,
            "weibull_scale": 40.0,
            "unit": "万吨",
        },
    ]
    series = [
        {"durable_id": "cars", "year": year, "value": value}
        for year, value in zip((2020, 2021, 2022, 2023), (4.0, 5.0, 6.0, 7.0), strict=True)
    ] + [
        {"durable_id": "offices", "year": year, "value": value}
        for year, value in zip((2020, 2021, 2022), (1.0, 1.5, 2.0), strict=True)
    ]
    return {"durables": durables, "durable_series": series}


def test_project_durables(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone(**_durable_tables())

    results = project_durables(zone)

    assert sorted(results) == ["cars", "offices"]
    cars = results["cars"]
    np.testing.assert_array_equal(cars.years, [2020, 2021, 2022, 2023])
    # Fixed lifetime 2: the inflow of 2020 leaves in 2022, that of 2021 in 2023.
    np.testing.assert_allclose(cars.stock, [4, 9, 11, 13])
    np.testing.assert_allclose(cars.outflow, [0, 0, 4, 5])
    offices = results["offices"]
    # Stock levels in 万吨 (10⁴ t) become t; the first year's inflow builds the whole first stock.
    np.testing.assert_allclose(offices.stock, [10_000, 15_000, 20_000])
    assert offices.inflow[0] == pytest.approx(10_000)
    survival_1 = np.exp(-((1 / 40) ** 3))
    assert offices.inflow[1] == pytest.approx(15_000 - 10_000 * survival_1, rel=1e-12)


def test_project_durables_to_horizon(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone(**_durable_tables())

    results = project_durables(zone, horizon=2025)

    cars = results["cars"]
    np.testing.assert_array_equal(cars.years, [2020, 2021, 2022, 2023, 2024, 2025])
    # No inflow after 2023: the inflows of 2022 and 2023 (the stock of 13 less what left)
    # leave two years later, in 2024 and 2025, and the stock runs out.
    np.testing.assert_allclose(cars.inflow[4:], [0, 0])
    np.testing.assert_allclose(cars.outflow[4:], [cars.inflow[2], cars.inflow[3]])
    assert cars.stock[-1] == pytest.approx(0.0, abs=1e-9)
    offices = results["offices"]
    # The stock-driven durable keeps its last level; its inflows replace what leaves.
    np.testing.assert_allclose(offices.stock[3:], [20_000, 20_000, 20_000])
    np.testing.assert_allclose(offices.inflow[3:], offices.outflow[3:], rtol=1e-12)


def test_project_durables_without_series_raises(make_zone: Callable[..., Zone]) -> None:
    tables = _durable_tables()
    tables["durable_series"] = [
        row for row in tables["durable_series"] if row["durable_id"] == "cars"
    ]
    zone = make_zone(**tables)

    with pytest.raises(NotComputableError, match="offices"):
        project_durables(zone)

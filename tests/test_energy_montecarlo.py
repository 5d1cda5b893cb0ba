"""Monte Carlo: Latin hypercube moments, vectorised equals per-draw, zero spread equals base."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ecoplan.energy.montecarlo import (
    MonteCarloError,
    Uncertainty,
    monte_carlo,
    monte_carlo_loop,
    monte_carlo_vectorised,
    sample_multipliers,
    scenario_inputs,
)
from ecoplan.energy.worksheet import compute_worksheet

DRAWS = 10_000


def _inputs() -> tuple[pd.DataFrame, pd.Series]:
    rows = [
        ("a", "pc_coal_scrubbed", 2020, 70),
        ("a", "wind", 2020, 30),
        ("a", "pc_coal_scrubbed", 2030, 40),
        ("a", "wind", 2030, 60),
    ]
    portfolio = pd.DataFrame(rows, columns=["scenario", "technology", "year", "share"])
    whole = pd.Series(np.linspace(1e6, 1.5e6, 11), index=range(2020, 2031))
    return portfolio, whole


def test_lhs_moments_within_tolerance() -> None:
    """Sample moments of 10,000 LHS draws against the closed forms.

    normal(1, 0.1): mean 1, sd 0.1; lognormal(sigma 0.2): median 1, mean exp(0.02);
    triangular(0.8, 1, 1.4): mean 16/15; uniform(0.5, 1.5): mean 1, sd 1/sqrt(12).
    """
    uncertainties = [
        Uncertainty("capital_cost", "normal", (0.1,)),
        Uncertainty("fuel_cost", "lognormal", (0.2,)),
        Uncertainty("co2", "triangular", (0.8, 1.0, 1.4)),
        Uncertainty("growth", "uniform", (0.5, 1.5)),
    ]
    draws = sample_multipliers(uncertainties, DRAWS, seed=7)
    assert draws[:, 0].mean() == pytest.approx(1.0, abs=1e-3)
    assert draws[:, 0].std() == pytest.approx(0.1, rel=0.01)
    assert np.median(draws[:, 1]) == pytest.approx(1.0, abs=2e-3)
    assert draws[:, 1].mean() == pytest.approx(np.exp(0.02), rel=1e-3)
    assert draws[:, 2].mean() == pytest.approx(3.2 / 3, rel=1e-3)
    assert draws[:, 3].mean() == pytest.approx(1.0, abs=1e-3)
    assert draws[:, 3].std() == pytest.approx(1 / np.sqrt(12), rel=0.01)


def test_lhs_is_stratified_and_seeded() -> None:
    """Each of 100 equal-probability strata holds exactly one draw; same seed, same draws."""
    uniform = [Uncertainty("capital_cost", "uniform", (0.0, 1.0))]
    draws = sample_multipliers(uniform, 100, seed=3)[:, 0]
    assert sorted(np.floor(draws * 100).astype(int)) == list(range(100))
    assert np.array_equal(draws, sample_multipliers(uniform, 100, seed=3)[:, 0])


def test_zero_spread_equals_the_worksheet() -> None:
    portfolio, whole = _inputs()
    inputs = scenario_inputs(portfolio, "a", whole)
    fixed = [Uncertainty("capital_cost", "uniform", (1.0, 1.0 + 1e-12))]
    result = monte_carlo(inputs, fixed, draws=20)
    worksheet = compute_worksheet(portfolio, "a", whole).table.groupby("year").sum()
    assert np.allclose(result.totals["full_cost"], worksheet["full_cost"].to_numpy(), rtol=1e-9)
    assert np.allclose(result.totals["co2"], worksheet["co2"].to_numpy(), rtol=1e-12)


def test_vectorised_equals_per_draw_loop() -> None:
    portfolio, whole = _inputs()
    inputs = scenario_inputs(portfolio, "a", whole)
    uncertainties = [
        Uncertainty("capital_cost", "triangular", (0.8, 1.0, 1.4), "wind"),
        Uncertainty("growth", "uniform", (0.5, 1.5)),
        Uncertainty("damage_co2", "lognormal", (0.3,)),
    ]
    draws = sample_multipliers(uncertainties, 300)
    fast = monte_carlo_vectorised(inputs, uncertainties, draws, chunk=64)
    slow = monte_carlo_loop(inputs, uncertainties, draws)
    for name in ("full_cost", "co2", "water_withdrawal", "capacity"):
        assert np.allclose(fast.totals[name], slow.totals[name], rtol=1e-12), name


def test_growth_multiplier_by_hand() -> None:
    """Whole grows 1e6 -> 1.5e6 over 10 years (r = 4.138 %/a); doubling r gives
    1e6 x (1 + 2r)^10 in 2030."""
    portfolio, whole = _inputs()
    inputs = scenario_inputs(portfolio, "a", whole)
    doubled = monte_carlo_vectorised(
        inputs, [Uncertainty("growth", "uniform", (2.0, 2.0 + 1e-12))], np.array([[2.0]])
    )
    rate = 1.5**0.1 - 1
    assert doubled.totals["supply"][0, -1] == pytest.approx(1e6 * (1 + 2 * rate) ** 10)


def test_bands_are_ordered() -> None:
    portfolio, whole = _inputs()
    inputs = scenario_inputs(portfolio, "a", whole)
    result = monte_carlo(inputs, [Uncertainty("co2", "normal", (0.1,))], draws=500)
    bands = result.bands()["co2"]
    assert (bands[5] < bands[50]).all() and (bands[50] < bands[95]).all()


def test_unknown_distribution_rejected() -> None:
    with pytest.raises(MonteCarloError, match="beta"):
        sample_multipliers([Uncertainty("co2", "beta", (1.0,))], 10)

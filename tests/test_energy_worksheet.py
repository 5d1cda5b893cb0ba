"""The portfolio worksheet worked out by hand: supply, capacity, emissions, water, cost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import numpy as np
import pandas as pd
import pytest

from ecoplan.energy.demand import annual_rate, growth_factor, project_demand
from ecoplan.energy.emissions import emissions_by_year, water_demand
from ecoplan.energy.fullcost import cost_by_year
from ecoplan.energy.worksheet import (
    SHARE_TOLERANCE,
    WorksheetError,
    compute_worksheet,
    interpolate_shares,
    milestone_shares,
)
from ecoplan.i18n import use_locale
from ecoplan.model.zone import Zone

COAL = {
    "efficiency": 0.4,
    "capacity_factor": 0.5,
    "capital_cost": 1000,
    "fixed_om": 20,
    "variable_om": 3,
    "fuel_cost": 10,
    "lifetime": 10,
    "co2": 0.9,
    "so2": 5,
    "nox": 2,
    "pm": 0.5,
    "hg": 0.05,
    "water_withdrawal": 2,
    "water_consumption": 1.5,
}
WIND = {
    "efficiency": 1,
    "capacity_factor": 0.25,
    "capital_cost": 1500,
    "fixed_om": 30,
    "variable_om": 0,
    "fuel_cost": 0,
    "lifetime": 20,
    "co2": 0,
    "so2": 0,
    "nox": 0,
    "pm": 0,
    "hg": 0,
    "water_withdrawal": 0,
    "water_consumption": 0,
}
DAMAGE = pd.DataFrame(
    {"value": [100, 1000, 500, 2000, 1e6], "unit": ["CNY/t"] * 5},
    index=pd.Index(["co2", "so2", "nox", "pm", "hg"], name="pollutant"),
)


def _overrides() -> list[dict[str, Any]]:
    rows = []
    for tech, values in (("pc_coal_unscrubbed", COAL), ("wind", WIND)):
        for parameter, value in values.items():
            rows.append(
                {"technology": tech, "parameter": parameter, "value": value, "source": "test"}
            )
    return rows


def _portfolio(coal_2030: float = 40) -> pd.DataFrame:
    rows = [
        ("a", "pc_coal_unscrubbed", 2020, 80),
        ("a", "wind", 2020, 20),
        ("a", "pc_coal_unscrubbed", 2030, coal_2030),
        ("a", "wind", 2030, 60),
    ]
    return pd.DataFrame(rows, columns=["scenario", "technology", "year", "share"])


@pytest.fixture
def zone(make_zone: Callable[..., Zone]) -> Zone:
    return make_zone(technology_overrides=_overrides())


def _at(table: pd.DataFrame, year: int, tech: str) -> pd.Series:
    return cast(pd.Series, table.loc[(year, tech)])


def _worked(zone: Zone) -> pd.DataFrame:
    whole = pd.Series(np.linspace(1e6, 2e6, 11), index=range(2020, 2031))
    result = compute_worksheet(
        _portfolio(), "a", whole, zone=zone, discount_rate=0.0, damage_costs=DAMAGE
    )
    return result.table.set_index(["year", "technology"])


def test_supply_and_capacity_by_hand(zone: Zone) -> None:
    """2025: shares 60/40 of 1.5 TWh; capacity = supply / (CF x 8760 h)."""
    table = _worked(zone)
    coal, wind = _at(table, 2025, "pc_coal_unscrubbed"), _at(table, 2025, "wind")
    assert coal["share"] == pytest.approx(60.0)
    assert coal["supply"] == pytest.approx(900_000.0)
    assert wind["supply"] == pytest.approx(600_000.0)
    assert coal["capacity"] == pytest.approx(900_000 / (0.5 * 8760), rel=1e-9)  # 205.479 MW
    assert wind["capacity"] == pytest.approx(273.9726, rel=1e-6)


def test_emissions_and_water_by_hand(zone: Zone) -> None:
    """0.9 t CO2, 5 kg SO2 and 0.05 g Hg per MWh of 900,000 MWh of coal power."""
    table = _worked(zone)
    coal = _at(table, 2025, "pc_coal_unscrubbed")
    assert coal["co2"] == pytest.approx(810_000.0)
    assert coal["so2"] == pytest.approx(4_500.0)
    assert coal["hg"] == pytest.approx(0.045)
    assert coal["water_withdrawal"] == pytest.approx(1_800_000.0)
    assert coal["water_consumption"] == pytest.approx(1_350_000.0)


def test_cost_by_hand(zone: Zone) -> None:
    """LCOE at 0 %: coal (1000/10 + 20)/(0.5 x 8.76) + 3 + 10/0.4 = 55.3973 CNY/MWh;
    wind (1500/20 + 30)/(0.25 x 8.76) = 47.9452; coal external 90 + 5 + 1 + 1 + 0.05."""
    table = _worked(zone)
    coal, wind = _at(table, 2025, "pc_coal_unscrubbed"), _at(table, 2025, "wind")
    assert coal["private_cost"] / 900_000 == pytest.approx(55.39726, rel=1e-6)
    assert wind["private_cost"] / 600_000 == pytest.approx(47.94521, rel=1e-6)
    assert coal["external_cost"] / 900_000 == pytest.approx(97.05, rel=1e-9)
    assert wind["external_cost"] == 0.0
    assert coal["full_cost"] + wind["full_cost"] == pytest.approx(165_969_657, rel=1e-6)


def test_year_totals_feed_the_water_balance(zone: Zone) -> None:
    whole = pd.Series([1e6, 2e6], index=[2020, 2030])
    result = compute_worksheet(
        _portfolio(), "a", whole, zone=zone, discount_rate=0.0, damage_costs=DAMAGE
    )
    water = water_demand(result).set_index("year")
    assert water.loc[2030, "withdrawal"] == pytest.approx(0.4 * 2e6 * 2)
    assert emissions_by_year(result).loc[2020, "co2"] == pytest.approx(0.8 * 1e6 * 0.9)
    costs = cost_by_year(result)
    assert (costs["full_cost"] - costs["private_cost"] - costs["external_cost"]).abs().max() < 1e-6


def test_interpolation_between_milestones() -> None:
    milestones = milestone_shares(_portfolio(), "a")
    shares = interpolate_shares(milestones, [2020, 2023, 2030])
    assert shares.loc[2023, "pc_coal_unscrubbed"] == pytest.approx(80 - 40 * 0.3)
    assert shares.loc[2023, "wind"] == pytest.approx(20 + 40 * 0.3)
    assert np.allclose(shares.sum(axis=1), 100.0)


def test_year_outside_milestones_rejected() -> None:
    with pytest.raises(WorksheetError, match="2031"):
        interpolate_shares(milestone_shares(_portfolio(), "a"), [2030, 2031])


def test_total_not_100_rejected_with_year_named() -> None:
    with pytest.raises(WorksheetError) as caught:
        milestone_shares(_portfolio(coal_2030=45), "a")
    assert "2030: 105 %" in str(caught.value)
    assert "2020" not in str(caught.value).split("in ")[-1]


def test_total_within_tolerance_accepted() -> None:
    milestone_shares(_portfolio(coal_2030=40 + SHARE_TOLERANCE / 2), "a")


def test_total_error_in_chinese() -> None:
    with use_locale("zh_CN"), pytest.raises(WorksheetError) as caught:
        milestone_shares(_portfolio(coal_2030=45), "a")
    assert "合计" in str(caught.value)
    assert "2030" in str(caught.value)


def test_growth_kinds_differ() -> None:
    """The report's 26 %: per annum over ten years gives x10.09; over ten years x1.26."""
    assert growth_factor(0.26, "annual", 10) == pytest.approx(1.26**10, rel=1e-12)
    assert growth_factor(0.26, "annual", 10) == pytest.approx(10.0857, abs=1e-4)
    assert growth_factor(0.26, "period", 10, period=10) == pytest.approx(1.26, rel=1e-12)
    assert annual_rate(0.26, "period", 10) == pytest.approx(0.0234, abs=5e-5)


def test_demand_projection_and_avoided_demand() -> None:
    """100 units x 10 MWh growing 26 % over 10 years, intensity -2 %/a from 2005."""
    settings = pd.DataFrame(
        [
            {
                "sector": "industry",
                "carrier": "electricity",
                "base_year": 2005,
                "base_value": 100,
                "intensity": 10,
                "growth": 0.26,
                "growth_kind": "period",
                "growth_period": 10,
                "intensity_change": -0.02,
            }
        ]
    )
    demand = project_demand(settings, [2005, 2015], efficiency_base_year=2005).set_index("year")
    assert demand.loc[2015, "reference_demand"] == pytest.approx(1260.0)
    assert demand.loc[2015, "demand"] == pytest.approx(1260.0 * 0.98**10)
    assert demand.loc[2015, "avoided"] == pytest.approx(1260.0 * (1 - 0.98**10))
    assert demand.loc[2005, "avoided"] == pytest.approx(0.0)

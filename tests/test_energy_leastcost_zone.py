"""The least-cost portfolio set up from a zone's workbook tables, with its stated defaults."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from conftest import minimal_tables
from ecoplan import Zone
from ecoplan.energy import least_cost_for_zone
from ecoplan.energy.leastcost import CostBasis, LeastCostInputError
from ecoplan.energy.leastcost_result import worksheet_shares
from ecoplan.energy.leastcost_zone import avoided_demand_limits, least_cost_problem_for_zone
from ecoplan.energy.technologies import load_technologies

DEMAND = [
    {
        "sector": "industry",
        "carrier": "electricity",
        "driver": "fixed",
        "base_year": 2020,
        "base_value": 1,
        "intensity": 1000,
        "growth": 0,
        "growth_kind": "annual",
    }
]
"""A constant reference demand of 1,000 MWh/a."""

SHARES = [
    ("a", "pc_coal_unscrubbed", 2020, 90),
    ("a", "efficiency", 2020, 10),
    ("a", "pc_coal_unscrubbed", 2022, 70),
    ("a", "efficiency", 2022, 30),
]


def portfolio(*rows: tuple[str, str, int, float]) -> list[dict[str, Any]]:
    keys = ("scenario", "technology", "year", "share")
    return [dict(zip(keys, row, strict=True)) for row in rows]


@pytest.fixture(scope="module")
def zone() -> Zone:
    tables = minimal_tables(energy_demand=DEMAND, portfolio=portfolio(*SHARES))
    return Zone.from_tables(tables, source="test")


def test_avoided_demand_limits_by_hand(zone: Zone) -> None:
    # Shares 10 % (2020) and 30 % (2022) interpolate to 20 % in 2021; each limit is
    # share × 1,000 MWh/a ÷ (capacity factor × 8,760 h/a) [MW].
    techs = load_technologies(zone, 2020)
    hand = pd.DataFrame({"efficiency": [10.0, 30.0]}, index=[2020, 2022])
    demand = pd.Series(1000.0, index=pd.Index([2020, 2021, 2022], name="year"))
    limits = avoided_demand_limits(hand, demand, techs)
    hours = float(techs["capacity_factor"].to_dict()["efficiency"]) * 8760.0
    assert [t.year for t in limits] == [2020, 2021, 2022]
    for target, share in zip(limits, (0.10, 0.20, 0.30), strict=True):
        assert target.technologies == ("efficiency",)
        assert target.maximum == pytest.approx(share * 1000.0 / hours, rel=1e-12)


def test_defaults_are_the_documented_assumptions(zone: Zone) -> None:
    problem = least_cost_problem_for_zone(zone)
    assert problem.cost_basis is CostBasis.FULL
    assert problem.discount_rate == 0.05
    assert problem.damage_costs["co2"] > 0
    assert list(problem.demand.index) == [2020, 2021, 2022]
    assert problem.demand.to_numpy() == pytest.approx([1000.0] * 3)
    assert len(problem.capacity_targets) == 3
    private = least_cost_problem_for_zone(zone, cost_basis=CostBasis.PRIVATE)
    assert dict(private.damage_costs) == {}


def test_avoided_demand_held_at_its_worksheet_share(zone: Zone) -> None:
    # Avoided demand is the cheapest option (lowest levelised cost of the bundled data), so
    # in the first year it fills exactly its cap of 10 %; without the cap it takes all.
    result = least_cost_for_zone(zone, "a")
    assert result.optimal
    assert result.problem is not None and result.problem.cost_basis is CostBasis.FULL
    shares = worksheet_shares(result, [2020, 2021, 2022])
    assert shares.sum(axis=1).to_numpy() == pytest.approx([100.0] * 3)
    assert shares.loc[2020, "efficiency"] == pytest.approx(10.0, abs=1e-6)
    assert (shares["efficiency"] <= pd.Series([10.0, 20.0, 30.0], index=shares.index) + 1e-6).all()

    uncapped = least_cost_for_zone(zone, cap_avoided_demand=False)
    assert worksheet_shares(uncapped, [2020]).loc[2020, "efficiency"] == pytest.approx(100.0)


def test_scenario_must_be_named_when_several() -> None:
    rows = portfolio(*SHARES, *[("b", tech, year, share) for _, tech, year, share in SHARES])
    zone = Zone.from_tables(minimal_tables(energy_demand=DEMAND, portfolio=rows), source="test")
    with pytest.raises(LeastCostInputError, match=r"'c' is not in the portfolio.*\['a', 'b'\]"):
        least_cost_for_zone(zone, "c")
    with pytest.raises(LeastCostInputError, match="name one of"):
        least_cost_for_zone(zone)


def test_zone_without_portfolio(make_zone: Any) -> None:
    with pytest.raises(LeastCostInputError, match="no portfolio rows"):
        least_cost_for_zone(make_zone())


def test_default_technologies_are_the_worksheet_rows(zone: Zone) -> None:
    problem = least_cost_problem_for_zone(zone)
    assert len(problem.technologies) == 13
    assert "gas_boiler_steam" not in problem.technologies.index


def test_heat_technology_named_enters_the_run(zone: Zone) -> None:
    # Against unscrubbed coal at full cost, the gas boiler is far cheaper (fuel 13.3 USD/MWh
    # over 0.92, CO2 0.22 t/MWh against 0.89), so it supplies all demand not avoided.
    named = ("pc_coal_unscrubbed", "gas_boiler_steam", "efficiency")
    result = least_cost_for_zone(zone, "a", technologies=named)
    assert result.optimal
    shares = worksheet_shares(result, [2020])
    assert shares.loc[2020, "gas_boiler_steam"] == pytest.approx(90.0, abs=1e-6)
    assert shares.loc[2020, "pc_coal_unscrubbed"] == pytest.approx(0.0, abs=1e-6)
    with pytest.raises(LeastCostInputError, match="not in the technology library"):
        least_cost_problem_for_zone(zone, technologies=("steam_engine",))

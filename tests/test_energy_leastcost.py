"""Least-cost portfolio LP on problems small enough to solve by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from ecoplan.energy.leastcost import (
    CapacityTarget,
    CostBasis,
    Denominator,
    EmissionCap,
    LeastCostInputError,
    LeastCostProblem,
    LeastCostStatus,
    RenewableShare,
    solve_least_cost,
)
from ecoplan.energy.leastcost_model import model_parameters
from ecoplan.energy.leastcost_result import compare_worksheet, leastcost_summary, worksheet_shares
from ecoplan.i18n import use_locale

RELATIVE = 1e-7
HOURS = 8760.0


def technologies(**changes: dict[str, float]) -> pd.DataFrame:
    """Gas and wind, in the technology table's units; ``changes`` edit single columns."""
    table = pd.DataFrame(
        {
            "carrier": ["electricity", "electricity"],
            "renewable": [False, True],
            "efficiency": [0.5, 1.0],
            "capacity_factor": [1.0, 0.5],
            "capital_cost": [1000.0, 2000.0],  # currency/kW
            "fixed_om": [0.0, 0.0],
            "variable_om": [0.0, 0.0],
            "fuel_cost": [10.0, 0.0],  # currency/MWh fuel: gas runs at 20 currency/MWh
            "lifetime": [20.0, 20.0],
            "available_from": [2000, 2000],
            "co2": [0.5, 0.0],  # t/MWh
        },
        index=pd.Index(["gas", "wind"], name="technology"),
    )
    for column, values in changes.items():
        for tech, value in values.items():
            table.loc[tech, column] = value
    return table


def one_year(demand: float = HOURS) -> pd.Series:
    return pd.Series({2020: demand}).rename_axis("year")


# One model year, discount rate 5 %: a plant built in 2020 with a 20-year life has used 1/20
# of its capital at the horizon, so 19/20 is credited back, discounted one year. Investment
# weight w = 1 - (19/20) / 1.05 = 0.1 / 1.05.
WEIGHT = 1 - (19 / 20) / 1.05
GAS_CAPITAL = 1000.0 * 1000 * WEIGHT  # currency per MW of gas built
WIND_CAPITAL = 2000.0 * 1000 * WEIGHT  # currency per MW of wind built
GAS_RUNNING = 10.0 / 0.5  # currency/MWh


def test_unconstrained_picks_cheapest() -> None:
    # Per MWh: gas 95,238/8760 + 20 = 30.87; wind 190,476/(0.5 × 8760) = 43.49. All gas:
    # 1 MW of gas for 8760 MWh.
    result = solve_least_cost(LeastCostProblem(technologies(), one_year()))

    assert result.status is LeastCostStatus.OPTIMAL
    assert result.capacity[("gas", "zone", 2020)] == pytest.approx(1.0, rel=RELATIVE)
    assert result.capacity[("wind", "zone", 2020)] == pytest.approx(0.0, abs=1e-9)
    expected = GAS_CAPITAL * 1.0 + GAS_RUNNING * HOURS
    assert result.objective == pytest.approx(expected, rel=RELATIVE)
    assert expected == pytest.approx(270_438.095238, rel=1e-9)


def test_renewable_floor_binds() -> None:
    # 25 % renewable: wind gives 2190 MWh from 0.5 MW (capacity factor 0.5), gas 6570 MWh
    # from 0.75 MW. Cost 0.75 × 95,238.10 + 20 × 6570 + 0.5 × 190,476.19 = 298,066.67,
    # which is 27,628.57 more than without the floor.
    base = solve_least_cost(LeastCostProblem(technologies(), one_year()))
    floor = RenewableShare(0.25, Denominator.ELECTRICITY)
    result = solve_least_cost(LeastCostProblem(technologies(), one_year(), renewable_share=floor))

    assert result.generation[("wind", "zone", 2020, "year")] == pytest.approx(2190.0, rel=RELATIVE)
    expected = 0.75 * GAS_CAPITAL + GAS_RUNNING * 6570 + 0.5 * WIND_CAPITAL
    assert result.objective == pytest.approx(expected, rel=RELATIVE)
    assert result.objective - base.objective == pytest.approx(27_628.571429, rel=1e-8)


def test_renewable_floor_final_energy_denominator() -> None:
    # Avoided demand ("efficiency") is left out of the final-energy denominator. A very cheap
    # efficiency measure capped at 4380 MWh (0.5 MW × 8760 h) supplies half; 25 % of the
    # remaining 4380 MWh of supply is 1095 MWh of wind.
    techs = pd.concat(
        [
            technologies(),
            pd.DataFrame(
                {
                    "carrier": ["efficiency"],
                    "renewable": [False],
                    "efficiency": [1.0],
                    "capacity_factor": [1.0],
                    "capital_cost": [1.0],
                    "fixed_om": [0.0],
                    "variable_om": [0.0],
                    "fuel_cost": [0.0],
                    "lifetime": [20.0],
                    "available_from": [2000],
                    "co2": [0.0],
                },
                index=pd.Index(["insulation"], name="technology"),
            ),
        ]
    )
    floor = RenewableShare(0.25, Denominator.FINAL_ENERGY)
    problem = LeastCostProblem(
        techs, one_year(), renewable_share=floor, build_limits={"insulation": 0.5}
    )
    result = solve_least_cost(problem)

    assert result.generation[("insulation", "zone", 2020, "year")] == pytest.approx(4380.0)
    assert result.generation[("wind", "zone", 2020, "year")] == pytest.approx(1095.0)


def test_emission_cap_binds() -> None:
    # Cap 2000 t CO2 at 0.5 t/MWh lets gas make 4000 MWh; wind makes the other 4760 MWh.
    cap = EmissionCap("co2", {2020: 2000.0})
    result = solve_least_cost(LeastCostProblem(technologies(), one_year(), emission_caps=[cap]))

    assert result.emissions.loc[2020, "co2"] == pytest.approx(2000.0, rel=RELATIVE)
    assert result.generation[("gas", "zone", 2020, "year")] == pytest.approx(4000.0, rel=RELATIVE)
    wind_mw = 4760.0 / (0.5 * HOURS)
    expected = (4000.0 / HOURS) * GAS_CAPITAL + GAS_RUNNING * 4000.0 + wind_mw * WIND_CAPITAL
    assert result.objective == pytest.approx(expected, rel=RELATIVE)


def test_damage_cost_changes_choice() -> None:
    # Full cost adds 0.5 t/MWh × 40 currency/t = 20 currency/MWh to gas: 50.87 > 43.49, so
    # wind supplies everything (2 MW at capacity factor 0.5).
    problem = LeastCostProblem(
        technologies(), one_year(), cost_basis=CostBasis.FULL, damage_costs={"co2": 40.0}
    )
    result = solve_least_cost(problem)

    assert result.capacity[("wind", "zone", 2020)] == pytest.approx(2.0, rel=RELATIVE)
    assert result.objective == pytest.approx(2.0 * WIND_CAPITAL, rel=RELATIVE)


def test_full_cost_needs_damage_costs() -> None:
    problem = LeastCostProblem(technologies(), one_year(), cost_basis=CostBasis.FULL)
    with pytest.raises(LeastCostInputError, match="damage costs for \\['co2'\\]"):
        solve_least_cost(problem)


def test_salvage_value_by_hand() -> None:
    # Three years 2020-2022 at 10 %, wind alone, lifetime 5 a, 2 MW built in 2020. At the end
    # of 2022 it has used 3 of 5 years: 2/5 of 4,000,000 is credited, discounted 3 years.
    techs = technologies(available_from={"gas": 2100})
    demand = pd.Series({2020: HOURS, 2021: HOURS, 2022: HOURS}).rename_axis("year")
    techs.loc["wind", "lifetime"] = 5.0
    result = solve_least_cost(LeastCostProblem(techs, demand, discount_rate=0.10))

    salvage = 0.4 * 4_000_000 / 1.1**3
    assert result.new_capacity[("wind", "zone", 2020)] == pytest.approx(2.0, rel=RELATIVE)
    assert result.objective == pytest.approx(4_000_000 - salvage, rel=RELATIVE)
    assert result.objective == pytest.approx(2_797_896.318557, rel=1e-9)


def test_availability_years_respected() -> None:
    # Gas becomes available in 2022; before that only wind can be built. With a 1-year
    # life each year's capacity is new, so the switch shows in the year it becomes allowed.
    techs = technologies(available_from={"gas": 2022}, lifetime={"gas": 1.0, "wind": 1.0})
    demand = pd.Series({2020: HOURS, 2021: HOURS, 2022: HOURS, 2023: HOURS})
    result = solve_least_cost(LeastCostProblem(techs, demand.rename_axis("year")))

    gas = result.new_capacity.xs("gas", level="technology").droplevel("region")
    assert gas[2020] == 0.0
    assert gas[2021] == 0.0
    assert gas[2022] == pytest.approx(1.0, rel=RELATIVE)
    assert gas[2023] == pytest.approx(1.0, rel=RELATIVE)


def test_existing_capacity_used_first() -> None:
    # 0.4 MW of gas already built costs nothing to build, so only 0.6 MW is new.
    existing = pd.Series({("gas", 2020): 0.4}).rename_axis(["technology", "year"])
    problem = LeastCostProblem(technologies(), one_year(), existing_capacity=existing)
    result = solve_least_cost(problem)

    assert result.new_capacity[("gas", "zone", 2020)] == pytest.approx(0.6, rel=RELATIVE)
    expected = 0.6 * GAS_CAPITAL + GAS_RUNNING * HOURS
    assert result.objective == pytest.approx(expected, rel=RELATIVE)


def test_vintage_retires_after_lifetime() -> None:
    # Gas only, lifetime 1.5 a, so a vintage serves ceil(1.5) = 2 years. 0.5 MW of existing
    # gas is in service in 2020-2021. 2020 needs 0.5 MW new, which also serves 2021; it
    # retires in 2022, when the existing plant is gone too, so 1 MW is built in 2022 and
    # serves 2023. No vintage outlives 2023, so there is no salvage.
    techs = technologies(available_from={"wind": 2100}, lifetime={"gas": 1.5})
    years = [2020, 2021, 2022, 2023]
    demand = pd.Series(HOURS, index=pd.Index(years, name="year"))
    existing = pd.Series({("gas", 2020): 0.5, ("gas", 2021): 0.5})
    problem = LeastCostProblem(
        techs, demand, existing_capacity=existing.rename_axis(["technology", "year"])
    )
    result = solve_least_cost(problem)

    new = result.new_capacity.xs("gas", level="technology").droplevel("region")
    assert new[2020] == pytest.approx(0.5, rel=RELATIVE)
    assert new[2021] == pytest.approx(0.0, abs=1e-9)
    assert new[2022] == pytest.approx(1.0, rel=RELATIVE)
    assert new[2023] == pytest.approx(0.0, abs=1e-9)
    capacity = result.capacity.xs("gas", level="technology").droplevel("region")
    assert capacity.to_numpy() == pytest.approx([1.0, 1.0, 1.0, 1.0], rel=RELATIVE)
    running = GAS_RUNNING * HOURS * sum(1.05**-k for k in range(4))
    expected = 0.5 * 1e6 + 1.0 * 1e6 / 1.05**2 + running
    assert result.objective == pytest.approx(expected, rel=RELATIVE)
    assert expected == pytest.approx(2_059_342.533204, rel=1e-9)


def test_group_capacity_target() -> None:
    # Solar and wind together at least 1.5 MW: wind is the only renewable here, so 1.5 MW of
    # wind makes 6570 MWh and gas the remaining 2190 MWh.
    target = CapacityTarget(("wind",), 2020, minimum=1.5)
    result = solve_least_cost(
        LeastCostProblem(technologies(), one_year(), capacity_targets=[target])
    )

    assert result.capacity[("wind", "zone", 2020)] == pytest.approx(1.5, rel=RELATIVE)
    assert result.generation[("gas", "zone", 2020, "year")] == pytest.approx(2190.0)


def test_infeasible_target_reported() -> None:
    target = CapacityTarget(("wind",), 2020, minimum=3.0)
    problem = LeastCostProblem(
        technologies(), one_year(), capacity_targets=[target], build_limits={"wind": 1.0}
    )
    result = solve_least_cost(problem)

    assert result.status is LeastCostStatus.INFEASIBLE
    assert "capacity target 0, below its minimum by 2 MW" in result.message
    with use_locale("zh_CN"):
        chinese = solve_least_cost(problem).message
    assert "容量目标 0" in chinese


def test_infeasible_cap_reported() -> None:
    # Only gas may be built, yet CO2 must be zero: the cap is the requirement that fails.
    techs = technologies(available_from={"wind": 2100})
    cap = EmissionCap("co2", {2020: 0.0})
    result = solve_least_cost(LeastCostProblem(techs, one_year(), emission_caps=[cap]))

    assert result.status is LeastCostStatus.INFEASIBLE
    assert "co2 cap in 2020, exceeded by 4380" in result.message


def test_missing_data_raises() -> None:
    techs = technologies()
    techs.loc["wind", "capital_cost"] = float("nan")
    with pytest.raises(LeastCostInputError, match="wind.capital_cost"):
        solve_least_cost(LeastCostProblem(techs, one_year()))


def test_regions_and_timeslices() -> None:
    # Two regions, day and night. Wind is available only at night (factor 1 there, 0 by
    # day), so a 50 % renewable floor over the zone needs night output of both regions.
    slices = pd.DataFrame(
        {"hours": [4380.0, 4380.0], "demand_share": [0.5, 0.5]}, index=["day", "night"]
    )
    availability = pd.DataFrame(
        {"day": [1.0, 0.0], "night": [1.0, 1.0]}, index=pd.Index(["gas", "wind"])
    )
    demand = pd.Series({("north", 2020): HOURS, ("south", 2020): HOURS})
    problem = LeastCostProblem(
        technologies(),
        demand.rename_axis(["region", "year"]),
        renewable_share=RenewableShare(0.5),
        timeslices=slices,
        availability=availability,
    )
    result = solve_least_cost(problem)

    wind = result.generation.xs("wind", level="technology")
    assert wind.xs("day", level="timeslice").sum() == pytest.approx(0.0, abs=1e-6)
    assert wind.sum() == pytest.approx(HOURS, rel=RELATIVE)


def test_worksheet_shares_total_one() -> None:
    floor = RenewableShare({2020: 0.25})
    result = solve_least_cost(LeastCostProblem(technologies(), one_year(), renewable_share=floor))
    shares = worksheet_shares(result)

    assert shares.index.tolist() == [2020]
    assert shares.loc[2020].sum() == pytest.approx(100.0, rel=1e-12)
    assert shares.loc[2020, "wind"] == pytest.approx(25.0, rel=RELATIVE)


def test_compare_hand_worksheet() -> None:
    # The LP picks all gas; the hand sheet 50/50. Levelised cost with the capital recovery
    # factor CRF(5 %, 20 a) = 0.05 / (1 - 1.05^-20) = 0.0802426: gas 1e6 CRF / 8760 + 20,
    # wind 2e6 CRF / 4380. Difference = 4380 MWh × (wind - gas).
    problem = LeastCostProblem(technologies(), one_year())
    result = solve_least_cost(problem)
    hand = pd.DataFrame({"gas": [50.0], "wind": [50.0]}, index=[2020])
    table = compare_worksheet(model_parameters(problem), result, hand)

    crf = 0.05 / (1 - 1.05**-20)
    gas = 1e6 * crf / HOURS + 20.0
    wind = 2e6 * crf / 4380.0
    assert table.loc[2020, "cost_difference"] == pytest.approx(4380.0 * (wind - gas), rel=1e-9)
    assert table.loc[2020, "co2_difference"] == pytest.approx(-4380.0 * 0.5, rel=1e-12)


def test_summary_tables() -> None:
    result = solve_least_cost(LeastCostProblem(technologies(), one_year()))
    tables = leastcost_summary(result)

    assert tables["status"].loc[0, "status"] == "optimal"
    assert tables["shares"].loc[2020, "gas"] == pytest.approx(100.0)
    assert tables["capacity"].loc[2020, "gas"] == pytest.approx(1.0)
    assert tables["emissions"].loc[2020, "co2"] == pytest.approx(0.5 * HOURS)


# Storage: two slices of 4,380 h each, night and day, and 4,380 MWh of demand in each
# (1 MW). Base load runs at 10 currency/MWh and only at night; peak at 100, any time.
# Capital is free and the discount rate 0, so the objective is one year's running cost plus
# the storage annuities: energy 100 currency/kWh over 10 years = 10,000 currency/MWh/a,
# power 200 currency/kW over 10 years = 20,000 currency/MW/a. Round trip 0.8.
SLICE_HOURS = 4380.0
NIGHT_DAY = pd.DataFrame(
    {"hours": [SLICE_HOURS, SLICE_HOURS], "demand_share": [0.5, 0.5]},
    index=pd.Index(["night", "day"], name="timeslice"),
)


def base_and_peak() -> pd.DataFrame:
    table = technologies(
        capital_cost={"gas": 0.0, "wind": 0.0},
        capacity_factor={"gas": 1.0, "wind": 1.0},
        efficiency={"gas": 1.0, "wind": 1.0},
        fuel_cost={"gas": 10.0, "wind": 100.0},
        renewable={"gas": False, "wind": False},
        co2={"gas": 0.0, "wind": 0.0},
    )
    return table.rename(index={"gas": "base", "wind": "peak"})


def battery(energy_cost: float = 100.0, efficiency: float = 0.8) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "energy_capital_cost": [energy_cost],  # currency/kWh
            "power_capital_cost": [200.0],  # currency/kW
            "power_fixed_om": [0.0],
            "round_trip_efficiency": [efficiency],
            "energy_lifetime": [10.0],
            "power_lifetime": [10.0],
        },
        index=pd.Index(["battery"], name="storage"),
    )


def storage_problem(storage: pd.DataFrame | None, slices: pd.DataFrame) -> LeastCostProblem:
    techs = base_and_peak()
    night = [1.0 if name in ("night", "summer night") else 0.0 for name in slices.index]
    availability = pd.DataFrame(
        [night, [1.0] * len(slices)], index=techs.index, columns=slices.index
    )
    return LeastCostProblem(
        techs,
        one_year(),
        discount_rate=0.0,
        timeslices=slices,
        availability=availability,
        storage=storage,
    )


WITHOUT_STORAGE = 10.0 * SLICE_HOURS + 100.0 * SLICE_HOURS  # 481,800


def test_storage_pays_by_hand() -> None:
    # Each MWh charged at night (10) displaces 0.8 MWh of peak (80): 70 saved, against
    # 10,000 / 365 + 20,000 / 4,380 = 31.96 of annuities per MWh charged a year (one cycle
    # a day, and charging at full power through the 4,380 night hours). Storage then serves
    # the whole day: discharge 4,380 MWh, charge 5,475 MWh, energy 5,475 / 365 = 15 MWh,
    # power 5,475 / 4,380 = 1.25 MW. Cost 9,855 × 10 + 15 × 10,000 + 1.25 × 20,000 =
    # 273,550, a saving of 208,250 = 5,475 × (70 − 31.96).
    result = solve_least_cost(storage_problem(battery(), NIGHT_DAY))

    assert result.optimal
    capacity = result.storage_capacity.loc[("battery", "zone", 2020)]
    assert capacity["energy"] == pytest.approx(15.0, rel=RELATIVE)
    assert capacity["power"] == pytest.approx(1.25, rel=RELATIVE)
    flow = result.storage_flow.xs(("battery", "zone", 2020))
    assert flow.loc["night", "charge"] == pytest.approx(5475.0, rel=RELATIVE)
    assert flow.loc["day", "discharge"] == pytest.approx(4380.0, rel=RELATIVE)
    assert flow.loc["day", "charge"] == pytest.approx(0.0, abs=1e-6)
    assert result.generation[("peak", "zone", 2020, "day")] == pytest.approx(0.0, abs=1e-6)
    assert result.objective == pytest.approx(273_550.0, rel=RELATIVE)
    assert WITHOUT_STORAGE - result.objective == pytest.approx(208_250.0, rel=RELATIVE)
    assert result.annual_cost[2020] == pytest.approx(273_550.0, rel=RELATIVE)


def test_storage_not_built_when_dear() -> None:
    # Energy at 300 currency/kWh costs 30,000 / 365 = 82.19 per MWh charged, more than the
    # 70 it saves, so the plan is the one without storage.
    result = solve_least_cost(storage_problem(battery(energy_cost=300.0), NIGHT_DAY))

    assert result.optimal
    assert result.storage_capacity["energy"].max() == pytest.approx(0.0, abs=1e-6)
    assert result.storage_capacity["power"].max() == pytest.approx(0.0, abs=1e-6)
    assert result.objective == pytest.approx(WITHOUT_STORAGE, rel=RELATIVE)

    no_storage = solve_least_cost(storage_problem(None, NIGHT_DAY))
    assert no_storage.objective == pytest.approx(WITHOUT_STORAGE, rel=RELATIVE)
    assert no_storage.storage_capacity.empty


def test_storage_stays_within_its_season() -> None:
    # Four slices of 2,190 h. Base runs only on summer nights, so storage can serve summer
    # days, 182.5 days of the year: charge 2,737.5 MWh, energy 2,737.5 / 182.5 = 15 MWh.
    # Winter nights and days stay on peak, because energy does not move between seasons.
    slices = pd.DataFrame(
        {
            "hours": [2190.0] * 4,
            "demand_share": [0.25] * 4,
            "season": ["summer", "summer", "winter", "winter"],
        },
        index=pd.Index(["summer night", "summer day", "winter night", "winter day"]),
    )
    result = solve_least_cost(storage_problem(battery(), slices))

    assert result.optimal
    flow = result.storage_flow.xs(("battery", "zone", 2020))
    assert flow.loc["summer night", "charge"] == pytest.approx(2737.5, rel=RELATIVE)
    assert flow.loc["summer day", "discharge"] == pytest.approx(2190.0, rel=RELATIVE)
    assert flow.loc["winter day", "discharge"] == pytest.approx(0.0, abs=1e-6)
    energy = result.storage_capacity.loc[("battery", "zone", 2020), "energy"]
    assert energy == pytest.approx(15.0, rel=RELATIVE)
    for winter in ("winter night", "winter day"):
        peak = result.generation[("peak", "zone", 2020, winter)]
        assert peak == pytest.approx(2190.0, rel=RELATIVE), winter


def test_storage_efficiency_checked() -> None:
    with pytest.raises(LeastCostInputError, match="round-trip efficiency of storage"):
        model_parameters(storage_problem(battery(efficiency=1.2), NIGHT_DAY))
    incomplete = battery().drop(columns="power_lifetime")
    with pytest.raises(LeastCostInputError, match="power_lifetime"):
        model_parameters(storage_problem(incomplete, NIGHT_DAY))

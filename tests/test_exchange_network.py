"""The optimal exchange network: optima worked out by hand, solvers that agree, indicators."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from ecoplan import Zone
from ecoplan.exchange.errors import ExchangeError
from ecoplan.exchange.impact import apply_exchanges, indicator_change
from ecoplan.exchange.mincostflow import integer_scales
from ecoplan.exchange.network import ExchangeStatus, build_problem, optimise_exchange
from ecoplan.exchange.recovery_facility import MaterialsRecoveryFacility

SOLVERS = ["mcf", "lp", "lp-simplex", "mip"]


def listings(quantities: dict[str, float], **columns: Any) -> pd.DataFrame:
    frame = pd.DataFrame({"listing_id": list(quantities), "quantity": list(quantities.values())})
    for name, value in columns.items():
        frame[name] = value
    return frame


def offers_of(quantities: dict[str, float], disposal_cost: float = 5.0) -> pd.DataFrame:
    return listings(quantities, code="100102", dimension="mass", disposal_cost=disposal_cost)


def candidates(rows: list[tuple[str, str, float, float]]) -> pd.DataFrame:
    """Rows of (offer, request, net saving per t, max quantity t)."""
    frame = pd.DataFrame(rows, columns=["offer_id", "request_id", "net_saving", "max_quantity"])
    frame["co2_avoided"] = 0.5
    return frame


def flows_of(result: Any) -> dict[tuple[str, str], float]:
    return {(row.offer_id, row.request_id): row.quantity for row in result.exchanges.itertuples()}


@pytest.mark.parametrize("solver", SOLVERS)
def test_best_pair_not_in_optimum(solver: str) -> None:
    # A→R1 saves the most per tonne (10), but A is the only supplier of R2.
    # Taking A→R1 (10 t × 10 = 100) leaves B nothing to do: total 100.
    # A→R2 (10 t × 9 = 90) plus B→R1 (10 t × 2 = 20) = 110, the optimum.
    offers = offers_of({"A": 10.0, "B": 10.0})
    requests = listings({"R1": 10.0, "R2": 10.0})
    arcs = candidates([("A", "R1", 10.0, 10.0), ("A", "R2", 9.0, 10.0), ("B", "R1", 2.0, 10.0)])

    result = optimise_exchange(offers, requests, arcs, solver=solver)

    assert result.status == ExchangeStatus.OPTIMAL
    assert result.objective == pytest.approx(110.0, rel=1e-6)
    flows = flows_of(result)
    assert ("A", "R1") not in flows
    assert flows[("A", "R2")] == pytest.approx(10.0, rel=1e-6)
    assert flows[("B", "R1")] == pytest.approx(10.0, rel=1e-6)
    # 20 t moved at 0.5 t CO2e per t; all of it leaves disposal.
    assert result.totals["co2_avoided"] == pytest.approx(10.0, rel=1e-6)
    assert result.totals["diverted_mass"] == pytest.approx(20.0, rel=1e-6)


@pytest.mark.parametrize("solver", SOLVERS)
def test_link_capacity_binds(solver: str) -> None:
    # A (10 t) → R1 saves 10/t but a link carries at most 4 t; the other 6 t go to R2 at 3/t.
    # 4 × 10 + 6 × 3 = 58. Without the limit the optimum would be 10 × 10 = 100.
    offers = offers_of({"A": 10.0})
    requests = listings({"R1": 10.0, "R2": 10.0})
    arcs = candidates([("A", "R1", 10.0, 4.0), ("A", "R2", 3.0, 10.0)])

    result = optimise_exchange(offers, requests, arcs, solver=solver)

    assert result.objective == pytest.approx(58.0, rel=1e-6)
    assert flows_of(result)[("A", "R1")] == pytest.approx(4.0, rel=1e-6)
    assert flows_of(result)[("A", "R2")] == pytest.approx(6.0, rel=1e-6)
    assert result.disposal["quantity"].sum() == pytest.approx(0.0, abs=1e-6)


@pytest.mark.parametrize("solver", SOLVERS)
def test_recovery_capacity_binds(solver: str) -> None:
    # Offer A (10 t) pays 50/t for disposal today; a recycler charges 20/t, so recovery saves
    # 30/t, but it takes only 3 t. The exchange A→R1 saves 8/t for up to 5 t.
    # Best: 3 t to recovery (90) + 5 t to R1 (40) = 130; 2 t stay in disposal.
    offers = offers_of({"A": 10.0}, disposal_cost=50.0)
    requests = listings({"R1": 5.0})
    arcs = candidates([("A", "R1", 8.0, 5.0)])
    options = pd.DataFrame(
        {"option_id": ["REC"], "code": ["100102"], "capacity": [3.0], "cost": [20.0]}
    )

    result = optimise_exchange(offers, requests, arcs, solver=solver, recovery_options=options)

    assert result.objective == pytest.approx(130.0, rel=1e-6)
    assert result.recovery["quantity"].sum() == pytest.approx(3.0, rel=1e-6)
    assert result.disposal["quantity"].sum() == pytest.approx(2.0, rel=1e-6)


@pytest.mark.parametrize("solver", SOLVERS)
def test_infeasible_names_request(solver: str) -> None:
    # R3 must be filled in full but no offer can serve it.
    offers = offers_of({"A": 10.0})
    requests = listings({"R1": 5.0, "R3": 7.0})
    arcs = candidates([("A", "R1", 4.0, 5.0)])

    result = optimise_exchange(offers, requests, arcs, solver=solver, firm_requests=True)

    assert result.status == ExchangeStatus.INFEASIBLE
    assert "R3" in result.message
    assert "R1" not in result.message
    assert list(result.unmet["request_id"]) == ["R3"]
    assert result.unmet["shortfall"].iloc[0] == pytest.approx(7.0)
    assert result.exchanges.empty


@pytest.mark.parametrize("solver", ["mcf", "lp", "mip"])
def test_infeasible_after_competition(solver: str) -> None:
    # R1 and R2 both have candidates, but only A (6 t) serves them and they need 4 t + 4 t.
    # Only R2 is firm, so R1 gives way and the problem stays feasible: R2 gets 4 t at 1/t
    # and R1 the other 2 t at 5/t: 4 + 10 = 14.
    offers = offers_of({"A": 6.0})
    requests = listings({"R1": 4.0, "R2": 4.0})
    arcs = candidates([("A", "R1", 5.0, 4.0), ("A", "R2", 1.0, 4.0)])

    feasible = optimise_exchange(offers, requests, arcs, solver=solver, firm_requests=["R2"])
    assert feasible.objective == pytest.approx(14.0, rel=1e-6)

    # With both firm, 8 t are needed and 6 t exist: 2 t short, found by the solver.
    both = optimise_exchange(offers, requests, arcs, solver=solver, firm_requests=True)
    assert both.status == ExchangeStatus.INFEASIBLE
    assert both.unmet["shortfall"].sum() == pytest.approx(2.0)
    assert "short of 2" in both.message


def test_fixed_cost_drops_tiny_exchange() -> None:
    # A (100 t) → R1 saves 5/t: 500 − 20 fixed = 480, kept.
    # B (2 t) → R2 saves 5/t: 10 − 20 fixed = −10, dropped.
    offers = offers_of({"A": 100.0, "B": 2.0})
    requests = listings({"R1": 100.0, "R2": 2.0})
    arcs = candidates([("A", "R1", 5.0, 100.0), ("B", "R2", 5.0, 2.0)])

    plain = optimise_exchange(offers, requests, arcs)
    fixed = optimise_exchange(offers, requests, arcs, fixed_cost_per_link=20.0)

    assert plain.solver == "mcf"
    assert plain.objective == pytest.approx(510.0, rel=1e-9)
    assert fixed.solver == "mip"
    assert fixed.objective == pytest.approx(480.0, rel=1e-6)
    assert list(fixed.exchanges["offer_id"]) == ["A"]
    assert fixed.totals["fixed_cost"] == pytest.approx(20.0)


def test_mcf_rejects_fixed_costs() -> None:
    offers = offers_of({"A": 1.0})
    arcs = candidates([("A", "R1", 5.0, 1.0)])
    with pytest.raises(ExchangeError, match="mip"):
        optimise_exchange(
            offers, listings({"R1": 1.0}), arcs, solver="mcf", fixed_cost_per_link=1.0
        )


def random_instance(seed: int, size: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    offers = offers_of({f"O{i}": q for i, q in enumerate(rng.uniform(0.5, 500.0, size))})
    requests = listings({f"R{i}": q for i, q in enumerate(rng.uniform(0.5, 500.0, size))})
    count = size * 6
    arcs = candidates(
        list(
            zip(
                offers["listing_id"].to_numpy()[rng.integers(0, size, count)],
                requests["listing_id"].to_numpy()[rng.integers(0, size, count)],
                rng.normal(20.0, 15.0, count).round(4),
                rng.uniform(1.0, 300.0, count),
                strict=True,
            )
        )
    )
    return offers, requests, arcs


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_solvers_agree(seed: int) -> None:
    offers, requests, arcs = random_instance(seed, 60)
    objectives = {
        solver: optimise_exchange(offers, requests, arcs, solver=solver).objective
        for solver in SOLVERS
    }
    reference = objectives["lp-simplex"]
    for solver, value in objectives.items():
        assert value == pytest.approx(reference, rel=1e-6), solver


def test_mip_matches_enumeration() -> None:
    # Three offers, two requests, fixed cost 40 per link; all 2^4 link subsets enumerated by
    # solving the LP on each subset.
    offers = offers_of({"A": 8.0, "B": 3.0, "C": 6.0})
    requests = listings({"R1": 9.0, "R2": 5.0})
    arcs = candidates(
        [("A", "R1", 7.0, 8.0), ("B", "R1", 9.0, 3.0), ("C", "R2", 8.0, 5.0), ("C", "R1", 6.0, 6.0)]
    )
    best = 0.0
    for mask in range(16):
        chosen = arcs[[bool(mask >> bit & 1) for bit in range(4)]]
        if chosen.empty:
            continue
        value = optimise_exchange(offers, requests, chosen, solver="lp-simplex").objective
        best = max(best, value - 40.0 * len(chosen))
    mip = optimise_exchange(offers, requests, arcs, fixed_cost_per_link=40.0)
    assert mip.objective == pytest.approx(best, rel=1e-6)


def test_integer_scaling_precision() -> None:
    offers, requests, arcs = random_instance(4, 30)
    problem = build_problem(offers, requests, arcs, None, None, False)
    quantity_scale, cost_scale = integer_scales(problem)
    total = problem.supply.sum() + problem.demand.sum()
    # About 12 digits of the total quantity and 6 of the largest saving stay.
    assert 1e11 <= total * quantity_scale < 1e13
    assert 1e5 <= np.abs(problem.arc_saving).max() * cost_scale < 1e7


def test_unknown_saving_left_out() -> None:
    offers = offers_of({"A": 10.0})
    arcs = candidates([("A", "R1", float("nan"), 10.0), ("A", "R2", 2.0, 10.0)])
    result = optimise_exchange(offers, listings({"R1": 10.0, "R2": 10.0}), arcs)
    assert result.objective == pytest.approx(20.0)
    assert any("1 candidate" in note for note in result.notes)


def test_unknown_solver_rejected() -> None:
    with pytest.raises(ExchangeError, match="simplex2"):
        optimise_exchange(
            offers_of({"A": 1.0}), listings({"R": 1.0}), candidates([]), solver="simplex2"
        )


def test_recovery_facility_option() -> None:
    # Net cost of sorting: 20 + 0.4 × 80 − (0.3 × 100 + 0.2 × 200 + 0.1 × 50) = −23 per t.
    # The offer pays 60/t for disposal, so the facility saves 60 − (−23) = 83/t for its 80 t.
    facility = MaterialsRecoveryFacility(
        "MRF", ("200301",), 80.0, 20.0, {"150101": 0.3, "150102": 0.2, "150107": 0.1}, 80.0
    )
    options = facility.recovery_options({"150101": 100.0, "150102": 200.0, "150107": 50.0})
    offers = listings({"O1": 100.0}, code="200301", dimension="mass", disposal_cost=60.0)
    result = optimise_exchange(
        offers, listings({"R": 1.0}), candidates([]), recovery_options=options
    )
    assert result.recovery["quantity"].sum() == pytest.approx(80.0)
    assert result.objective == pytest.approx(80.0 * 83.0)


def ash_zone(make_zone: Callable[..., Zone]) -> Zone:
    return make_zone(
        nodes=[
            {"node_id": "import", "name": "Imports", "kind": "import"},
            {"node_id": "power", "name": "Power plant", "kind": "process"},
            {"node_id": "cement", "name": "Cement plant", "kind": "process"},
            {"node_id": "landfill", "name": "Landfill", "kind": "landfill"},
        ],
        resources=[
            {
                "resource_id": "ash",
                "name": "Fly ash",
                "type": "materials",
                "dimension": "mass",
                "taxonomy": "EWC",
                "code": "100102",
                "category": "fly_ash",
            },
            {
                "resource_id": "clay",
                "name": "Clay",
                "type": "materials",
                "dimension": "mass",
                "category": "raw_material",
                "origin": "virgin",
            },
        ],
        flows=[
            {
                "flow_id": "f1",
                "from_node": "power",
                "to_node": "landfill",
                "resource_id": "ash",
                "year": 2020,
                "amount": 40,
                "unit": "t",
            },
            {
                "flow_id": "f2",
                "from_node": "power",
                "to_node": "cement",
                "resource_id": "ash",
                "year": 2020,
                "amount": 10,
                "unit": "t",
            },
            {
                "flow_id": "f3",
                "from_node": "import",
                "to_node": "cement",
                "resource_id": "clay",
                "year": 2020,
                "amount": 2,
                "unit": "万吨",
            },
        ],
    )


def test_apply_exchanges_moves_flows(make_zone: Callable[..., Zone]) -> None:
    zone = ash_zone(make_zone)
    offers = listings({"O1": 40.0}, node_id="power", resource_id="ash")
    requests = listings({"R1": 100.0}, node_id="cement", resource_id="clay")
    exchanges = pd.DataFrame({"offer_id": ["O1"], "request_id": ["R1"], "quantity": [30.0]})

    after = apply_exchanges(zone, exchanges, offers, requests)
    flows = after.flows.set_index("flow_id")["quantity"]
    assert flows["f1"] == pytest.approx(10.0)  # 40 t to landfill − 30 t
    assert flows["exchange-1"] == pytest.approx(30.0)  # new power → cement flow
    assert flows["f3"] == pytest.approx(20_000.0 - 30.0)  # 2 万吨 of clay − 30 t
    assert flows["f2"] == pytest.approx(10.0)  # untouched


def two_year_ash_zone(make_zone: Callable[..., Zone]) -> Zone:
    """Return the ash zone with its 2020 flows repeated in 2030, twice as large."""
    zone = ash_zone(make_zone)
    flows = zone.to_tables()["flows"].astype(object)
    later = flows.assign(
        flow_id=flows["flow_id"] + "_2030",
        year=2030,
        amount=flows["amount"].astype(float) * 2,
    )
    tables = {name: frame.astype(object) for name, frame in zone.to_tables().items()}
    tables["flows"] = pd.concat([flows, later], ignore_index=True)
    tables = {name: frame.where(frame.notna(), None) for name, frame in tables.items()}
    return Zone.from_tables(tables, source="test")


def test_exchange_lands_in_listing_year(make_zone: Callable[..., Zone]) -> None:
    zone = two_year_ash_zone(make_zone)
    offers = listings({"O1": 80.0}, node_id="power", resource_id="ash", year=2030)
    requests = listings({"R1": 100.0}, node_id="cement", resource_id="clay", year=2030)
    exchanges = pd.DataFrame({"offer_id": ["O1"], "request_id": ["R1"], "quantity": [30.0]})

    after = apply_exchanges(zone, exchanges, offers, requests)
    flows = after.flows.set_index("flow_id")
    assert flows.at["exchange-1", "year"] == 2030
    assert flows.at["exchange-1", "quantity"] == pytest.approx(30.0)
    assert flows.at["f1_2030", "quantity"] == pytest.approx(80.0 - 30.0)  # landfill 2030
    assert flows.at["f3_2030", "quantity"] == pytest.approx(40_000.0 - 30.0)  # clay 2030
    assert flows.at["f1", "quantity"] == pytest.approx(40.0)  # 2020 untouched
    assert flows.at["f3", "quantity"] == pytest.approx(20_000.0)


def test_exchanges_of_two_years(make_zone: Callable[..., Zone]) -> None:
    # O1 is listed for 2030; O0 names no year, nor does its request, so it lands in the base
    # year 2020. Fly ash used in 2030: 20 t before, 20 + 30 = 50 t of 100 t after (50 %);
    # in 2020: 10 t before, 10 + 5 = 15 t of 50 t after (30 %).
    zone = two_year_ash_zone(make_zone)
    offers = listings(
        {"O0": 40.0, "O1": 80.0}, node_id="power", resource_id="ash", year=[None, 2030]
    )
    requests = listings({"R0": 50.0, "R1": 100.0}, node_id="cement", resource_id="clay")
    requests["year"] = [None, 2030]
    exchanges = pd.DataFrame(
        {"offer_id": ["O0", "O1"], "request_id": ["R0", "R1"], "quantity": [5.0, 30.0]}
    )

    after = apply_exchanges(zone, exchanges, offers, requests)
    new = after.flows[after.flows["flow_id"].str.startswith("exchange-")]
    assert dict(zip(new["year"], new["quantity"], strict=True)) == {2020: 5.0, 2030: 30.0}

    table = indicator_change(zone, exchanges, offers, requests)
    ash = table[table["indicator_id"] == "fly_ash_utilisation_rate"].set_index("year")
    assert list(ash.index) == [2020, 2030]
    assert ash.at[2020, "before"] == pytest.approx(20.0)
    assert ash.at[2020, "after"] == pytest.approx(30.0)
    assert ash.at[2030, "before"] == pytest.approx(20.0)
    assert ash.at[2030, "after"] == pytest.approx(50.0)


def test_indicator_change(make_zone: Callable[..., Zone]) -> None:
    # Fly ash: 50 t generated, 10 t used before (20 %); after 30 t more are used, 40 t (80 %).
    zone = ash_zone(make_zone)
    offers = listings({"O1": 40.0}, node_id="power", resource_id="ash")
    requests = listings({"R1": 100.0}, node_id="cement", resource_id="clay")
    exchanges = pd.DataFrame({"offer_id": ["O1"], "request_id": ["R1"], "quantity": [30.0]})

    table = indicator_change(zone, exchanges, offers, requests).set_index("indicator_id")
    assert table.loc["fly_ash_utilisation_rate", "before"] == pytest.approx(20.0)
    assert table.loc["fly_ash_utilisation_rate", "after"] == pytest.approx(80.0)
    assert table.loc["fly_ash_utilisation_rate", "change"] == pytest.approx(60.0)


@pytest.mark.parametrize("solver", SOLVERS)
def test_request_without_quantity_takes_any_amount(solver: str) -> None:
    # R1 states no quantity, so it takes all it is offered: A (30 t) and B (20 t) both go to R1
    # at 4/t rather than B to R2 at 3/t. R2 states 5 t, which binds: C (8 t) sends 5 t there at
    # 6/t and its other 3 t to R1 at 1/t. Net saving 30 × 4 + 20 × 4 + 5 × 6 + 3 × 1 = 233.
    offers = offers_of({"A": 30.0, "B": 20.0, "C": 8.0})
    requests = listings({"R1": float("nan"), "R2": 5.0})
    arcs = candidates(
        [
            ("A", "R1", 4.0, float("nan")),
            ("B", "R1", 4.0, float("nan")),
            ("B", "R2", 3.0, 5.0),
            ("C", "R2", 6.0, 5.0),
            ("C", "R1", 1.0, float("nan")),
        ]
    )

    result = optimise_exchange(offers, requests, arcs, solver=solver)

    assert result.status == ExchangeStatus.OPTIMAL
    assert result.objective == pytest.approx(233.0, rel=1e-6)
    flows = flows_of(result)
    assert flows[("A", "R1")] == pytest.approx(30.0, rel=1e-6)
    assert flows[("B", "R1")] == pytest.approx(20.0, rel=1e-6)
    assert flows[("C", "R2")] == pytest.approx(5.0, rel=1e-6)
    assert flows[("C", "R1")] == pytest.approx(3.0, rel=1e-6)
    assert any("1 request(s) without a stated quantity" in note for note in result.notes)


def test_offer_without_quantity_left_out() -> None:
    # B's quantity is unknown: it cannot be allocated, is named in the notes, and its
    # disposal stays unknown (NaN), never zero. A (10 t) goes to R1 at 2/t: 20.
    offers = offers_of({"A": 10.0, "B": float("nan")})
    arcs = candidates([("A", "R1", 2.0, float("nan")), ("B", "R1", 9.0, float("nan"))])
    result = optimise_exchange(offers, listings({"R1": float("nan")}), arcs)
    assert result.objective == pytest.approx(20.0, rel=1e-9)
    assert set(flows_of(result)) == {("A", "R1")}
    assert any("B" in note and "1 offer(s)" in note for note in result.notes)
    disposal = result.disposal.set_index("offer_id")["quantity"]
    assert disposal["A"] == pytest.approx(0.0, abs=1e-9)
    assert np.isnan(disposal["B"])


def test_firm_request_needs_quantity() -> None:
    offers = offers_of({"A": 10.0})
    arcs = candidates([("A", "R1", 2.0, 10.0)])
    with pytest.raises(ExchangeError, match="R1"):
        optimise_exchange(offers, listings({"R1": float("nan")}), arcs, firm_requests=["R1"])


def test_components_solved_apart_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    # Chunks of at most 5 arcs split the graph into many solves; the optimum must equal the
    # single LP's (dual simplex) to 1e-6, and every offer's exchanges stay within its supply.
    from ecoplan.exchange import mincostflow

    offers, requests, arcs = random_instance(5, 120)
    reference = optimise_exchange(offers, requests, arcs, solver="lp-simplex")
    monkeypatch.setattr(mincostflow, "CHUNK_ARCS", 5)
    split = optimise_exchange(offers, requests, arcs, solver="mcf")
    assert split.objective == pytest.approx(reference.objective, rel=1e-6)
    sent = split.exchanges.groupby("offer_id")["quantity"].sum()
    supply = offers.set_index("listing_id")["quantity"]
    # Quantities are rounded to about 12 digits of the total for the integer solver.
    assert (sent <= supply[sent.index] + 1e-6).all()

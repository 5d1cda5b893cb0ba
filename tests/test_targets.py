"""Targets held against indicators: met, not met, not computable, and the year used."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ecoplan import Zone
from ecoplan.accounting.indicators import compute_indicators
from ecoplan.accounting.targets import evaluate_targets
from test_indicators import ECONOMY, FLOWS, NODES, RESOURCES

LIAONING = "Liaoning Circular Economy Plan, near-term targets"
TENTH_FYP = "National 10th Five-Year Plan, renewable energy goal"

# Liaoning near-term targets: industrial water reuse 85 %, industrial solid waste 50 %, fly
# ash 55 % and coal gangue 50 %. National 10th Five-Year Plan: renewable share 5.5 % of supply.
TARGETS = [
    {
        "target_id": "water",
        "indicator": "industrial_water_reuse_rate",
        "value": 85.0,
        "year": 2020,
        "source": LIAONING,
    },
    {
        "target_id": "solid",
        "indicator": "solid_waste_utilisation_rate",
        "value": 50.0,
        "year": 2020,
        "source": LIAONING,
    },
    {
        "target_id": "ash",
        "indicator": "fly_ash_utilisation_rate",
        "value": 55.0,
        "year": 2020,
        "source": LIAONING,
    },
    {
        "target_id": "gangue",
        "indicator": "coal_gangue_utilisation_rate",
        "value": 50.0,
        "year": 2020,
        "source": LIAONING,
    },
    {
        "target_id": "renewable",
        "indicator": "renewable_share",
        "value": 5.5,
        "year": 2025,
        "comparison": ">=",
        "source": TENTH_FYP,
    },
    {
        "target_id": "land",
        "indicator": "built_land_output_rate",
        "value": 150.0,
        "year": 2020,
        "comparison": "<=",
        "source": "Test target at most",
    },
    {
        "target_id": "reuse_2015",
        "indicator": "industrial_water_reuse_rate",
        "value": 85.0,
        "year": 2015,
        "source": LIAONING,
    },
]


def zone_with(make_zone: Callable[..., Zone], **tables: Any) -> Zone:
    base: dict[str, Any] = {
        "nodes": NODES,
        "resources": RESOURCES,
        "flows": FLOWS,
        "economy": ECONOMY,
        "targets": TARGETS,
    }
    base.update(tables)
    return make_zone(**base)


def checks_by_id(zone: Zone) -> dict[str, Any]:
    return {check.target_id: check for check in evaluate_targets(zone, compute_indicators(zone))}


def test_met_targets(make_zone: Callable[..., Zone]) -> None:
    checks = checks_by_id(zone_with(make_zone))
    # water reuse 9000 / (9000 + 1000) = 90 %, gap 90 - 85 = 5
    assert checks["water"].met is True
    assert checks["water"].actual == pytest.approx(90.0, rel=1e-9)
    assert checks["water"].gap == pytest.approx(5.0, rel=1e-9)
    # fly ash 300 / 500 = 60 % against 55 %
    assert checks["ash"].met is True
    # solid waste (300 + 45) / 600 = 57.5 % against 50 %
    assert checks["solid"].met is True
    assert checks["solid"].gap == pytest.approx(7.5, rel=1e-9)


def test_unmet_targets(make_zone: Callable[..., Zone]) -> None:
    checks = checks_by_id(zone_with(make_zone))
    # coal gangue 45 / 100 = 45 % against 50 %: short by 5
    assert checks["gangue"].met is False
    assert checks["gangue"].gap == pytest.approx(-5.0, rel=1e-9)
    # built land 50000 / 250 = 200 万元/ha against at most 150
    assert checks["land"].comparison == "<="
    assert checks["land"].met is False
    assert checks["land"].gap == pytest.approx(50.0, rel=1e-9)
    assert checks["land"].unit == "万元/ha"


def test_earlier_year_used_and_named(make_zone: Callable[..., Zone]) -> None:
    check = checks_by_id(zone_with(make_zone))["renewable"]
    # renewable share 2000 / 12000 = 16.67 % of 2020 stands for the 2025 target of 5.5 %
    assert check.target_year == 2025
    assert check.actual_year == 2020
    assert check.actual == pytest.approx(2_000 / 12_000 * 100, rel=1e-9)
    assert check.met is True
    assert check.source == TENTH_FYP


def test_no_earlier_result(make_zone: Callable[..., Zone]) -> None:
    check = checks_by_id(zone_with(make_zone))["reuse_2015"]
    assert check.met is None
    assert check.actual is None
    assert check.missing == [
        "no result of indicator 'industrial_water_reuse_rate' for 2015 or an earlier year"
    ]


def test_not_computable_target(make_zone: Callable[..., Zone]) -> None:
    flows = [row for row in FLOWS if row["flow_id"] != "f14"]
    check = checks_by_id(zone_with(make_zone, flows=flows))["water"]
    assert check.met is None
    assert check.gap is None
    assert check.actual_year is None
    assert any("reused_water" in sentence for sentence in check.missing)


def test_computable_earlier_year_preferred(make_zone: Callable[..., Zone]) -> None:
    zone = zone_with(make_zone)
    results = compute_indicators(zone, 2020) + compute_indicators(zone, 2021)
    checks = {check.target_id: check for check in evaluate_targets(zone, results)}
    target = dict(TARGETS[0], target_id="water_2022", year=2022)
    later = zone_with(make_zone, targets=[target])
    check = evaluate_targets(later, results)[0]
    assert checks["water"].actual_year == 2020
    assert check.actual_year == 2020
    assert check.met is True


def test_target_exactly_met(make_zone: Callable[..., Zone]) -> None:
    target = dict(TARGETS[0], value=90.0)
    check = checks_by_id(zone_with(make_zone, targets=[target]))["water"]
    assert check.met is True


def test_no_targets(make_zone: Callable[..., Zone]) -> None:
    assert evaluate_targets(zone_with(make_zone, targets=[]), []) == []

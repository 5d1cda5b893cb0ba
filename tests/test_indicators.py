"""Indicators on a small zone worked by hand, and the inputs named when they cannot be computed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

from ecoplan import Zone
from ecoplan.accounting.indicators import INDICATORS, IndicatorResult, compute_indicators
from ecoplan.i18n import use_locale
from ecoplan.model.vocab import VOCABULARIES

RELATIVE = 1e-9
GDP_WAN_YUAN = 50_000.0
GDP_YUAN = GDP_WAN_YUAN * 1e4
MWH_PER_TCE = 29.3076 / 3.6  # 1 tce = 29.3076 GJ, 1 MWh = 3.6 GJ

NODES = [
    {"node_id": "import", "name": "Imports", "kind": "import"},
    {"node_id": "env", "name": "Environment", "kind": "environment"},
    {"node_id": "plant", "name": "Power plant", "kind": "process"},
    {"node_id": "broker", "name": "By-product broker", "kind": "process"},
    {"node_id": "cement", "name": "Cement plant", "kind": "process"},
    {"node_id": "wwtp", "name": "Wastewater treatment", "kind": "process"},
    {"node_id": "landfill", "name": "Landfill", "kind": "landfill"},
    {"node_id": "export", "name": "Exports", "kind": "export"},
    {"node_id": "river", "name": "River", "kind": "water_body"},
]


def resource(resource_id: str, kind: str, dimension: str, **attributes: Any) -> dict[str, Any]:
    return {
        "resource_id": resource_id,
        "name": resource_id,
        "type": kind,
        "dimension": dimension,
        **attributes,
    }


RESOURCES = [
    resource("ore", "materials", "mass", category="raw_material", origin="virgin"),
    resource("scrap", "materials", "mass", category="raw_material", origin="secondary"),
    resource("coal_t", "materials", "mass", category="fuel", origin="virgin"),
    resource("coal", "energy", "energy", category="fuel", energy_source="fossil"),
    resource("solar", "energy", "energy", category="electricity", energy_source="renewable"),
    resource("power", "energy", "energy", category="electricity", energy_source="fossil"),
    resource("ash", "materials", "mass", category="fly_ash"),
    resource("gangue", "materials", "mass", category="coal_gangue"),
    resource("hw", "materials", "mass", category="hazardous_waste", hazardous=True),
    resource("fresh", "water", "volume", category="fresh_water"),
    resource("reused", "water", "volume", category="reused_water"),
    resource("ww", "water", "volume", category="wastewater"),
    resource("reclaimed", "water", "volume", category="reclaimed_water"),
]


def flow(
    number: int,
    source: str,
    target: str,
    resource_id: str,
    amount: float,
    unit: str,
    stage: str | None = None,
    year: int = 2020,
) -> dict[str, Any]:
    return {
        "flow_id": f"f{number}",
        "from_node": source,
        "to_node": target,
        "resource_id": resource_id,
        "year": year,
        "amount": amount,
        "unit": unit,
        "stage": stage,
    }


FLOWS = [
    flow(1, "import", "plant", "ore", 800, "t"),
    flow(2, "import", "cement", "scrap", 100, "t"),
    flow(3, "import", "plant", "coal_t", 100, "t"),
    flow(4, "import", "plant", "coal", 10_000, "MWh"),
    flow(5, "env", "plant", "solar", 2_000, "MWh"),
    flow(6, "plant", "export", "power", 4_000, "MWh"),
    flow(7, "plant", "broker", "ash", 300, "t", "recovery"),
    flow(8, "broker", "cement", "ash", 300, "t", "recovery"),
    flow(9, "plant", "landfill", "ash", 200, "t", "disposal"),
    flow(10, "plant", "cement", "gangue", 45, "t"),
    flow(11, "plant", "landfill", "gangue", 55, "t", "disposal"),
    flow(12, "plant", "export", "hw", 10, "t", "recovery"),
    flow(13, "env", "plant", "fresh", 1_000, "m³"),
    flow(14, "plant", "plant", "reused", 9_000, "m³"),
    flow(15, "plant", "wwtp", "ww", 800, "m³"),
    flow(16, "wwtp", "cement", "reclaimed", 200, "m³"),
    flow(17, "wwtp", "river", "ww", 600, "m³"),
]

ECONOMY = [
    {"year": 2020, "variable": "gdp", "value": GDP_WAN_YUAN, "unit": "万元"},
    {"year": 2020, "variable": "built_land", "value": 250, "unit": "ha"},
    {"year": 2020, "variable": "service_output", "value": 400, "unit": "1"},
]

# Worked by hand from FLOWS (amounts in t, MWh, m³):
# virgin input = ore 800 + coal in t 100 = 900; recycled = scrap 100 + net intake of secondary
# material at process nodes from process nodes (cement: ash 300 + gangue 45; the broker passes
# its 300 t on) = 445; material input = 800 + 100 + 100 = 1000.
# energy input = coal 10000 + solar 2000 = 12000; exported power 4000, so consumption 8000.
# fly ash generated 500, utilised 300 (at the cement plant); gangue generated 100, utilised 45;
# hazardous waste generated 10, utilised 10 (sent out for recovery).
# staged mass flows: recovery 300 + 300 + 10 = 610, disposal 200 + 55 = 255.
EXPECTED = {
    "virgin_to_recycled_ratio": (900 / 445, "t/t"),
    "recycled_to_potential_ratio": (445 / (900 + 445) * 100, "%"),
    "renewable_to_fossil_ratio": (2_000 / 10_000, "MWh/MWh"),
    "materials_productivity": (GDP_YUAN / 1_000, "元/t"),
    "energy_productivity": (GDP_YUAN / 12_000, "元/MWh"),
    "resource_input_per_service": (1_000 / 400, "t/1"),
    "industrial_water_reuse_rate": (9_000 / (9_000 + 1_000) * 100, "%"),
    "solid_waste_utilisation_rate": ((300 + 45) / (500 + 100) * 100, "%"),
    "fly_ash_utilisation_rate": (300 / 500 * 100, "%"),
    "coal_gangue_utilisation_rate": (45 / 100 * 100, "%"),
    "renewable_share": (2_000 / 12_000 * 100, "%"),
    "resource_output_rate": (GDP_YUAN / 800, "元/t"),
    "energy_output_rate": (GDP_WAN_YUAN / (8_000 / MWH_PER_TCE), "万元/tce"),
    "water_output_rate": (GDP_YUAN / 1_000, "元/m³"),
    "built_land_output_rate": (GDP_WAN_YUAN / 250, "万元/ha"),
    "main_waste_recycling_rate": ((300 + 45 + 10) / (500 + 100 + 10) * 100, "%"),
    "reclaimed_water_utilisation_rate": (200 / 800 * 100, "%"),
    "waste_recovery_share": (610 / (610 + 255) * 100, "%"),
}


@pytest.fixture
def zone(make_zone: Callable[..., Zone]) -> Zone:
    return make_zone(nodes=NODES, resources=RESOURCES, flows=FLOWS, economy=ECONOMY)


def by_id(results: list[IndicatorResult]) -> dict[str, IndicatorResult]:
    return {result.indicator_id: result for result in results}


def test_every_vocabulary_indicator_defined() -> None:
    assert [indicator.id for indicator in INDICATORS] == list(VOCABULARIES["indicator"])


@pytest.mark.parametrize("indicator_id", list(EXPECTED))
def test_indicator_worked_by_hand(zone: Zone, indicator_id: str) -> None:
    result = by_id(compute_indicators(zone))[indicator_id]
    value, unit = EXPECTED[indicator_id]
    assert result.computable, result.missing
    assert result.year == 2020
    assert result.value == pytest.approx(value, rel=RELATIVE)
    assert result.unit == unit
    assert result.missing == []


def test_energy_output_rate_in_tce(zone: Zone) -> None:
    result = by_id(compute_indicators(zone))["energy_output_rate"]
    consumption_tce = 8_000 * 3.6 / 29.3076  # 8000 MWh × 3.6 GJ/MWh ÷ 29.3076 GJ/tce
    assert result.inputs["energy_consumption [tce]"] == pytest.approx(consumption_tce, rel=RELATIVE)
    assert result.inputs["gdp [万元]"] == pytest.approx(50_000, rel=RELATIVE)
    # 50000 万元 × 29.3076 GJ/tce ÷ (8000 MWh × 3.6 GJ/MWh) = 50.88125 万元/tce
    assert result.value == pytest.approx(50.88125, rel=RELATIVE)


def test_inputs_name_numerator_and_denominator(zone: Zone) -> None:
    result = by_id(compute_indicators(zone))["solid_waste_utilisation_rate"]
    assert result.inputs == pytest.approx({"utilised [t]": 345.0, "generated [t]": 600.0})


def test_other_currency_keeps_scale(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone(
        zone=[{"zone_id": "dk", "name": "Kalundborg", "base_year": 2020, "currency": "EUR"}],
        nodes=NODES,
        resources=RESOURCES,
        flows=FLOWS,
        economy=[{"year": 2020, "variable": "gdp", "value": 5e8, "unit": "EUR"}],
    )
    results = by_id(compute_indicators(zone))
    assert results["materials_productivity"].unit == "EUR/t"
    assert results["energy_output_rate"].unit == "10^4 EUR/tce"
    assert results["energy_output_rate"].value == pytest.approx(
        5e4 / (8_000 / MWH_PER_TCE), rel=RELATIVE
    )


def test_default_year_latest_without_base_flows(make_zone: Callable[..., Zone]) -> None:
    flows = [{**row, "year": 2018 + i % 3} for i, row in enumerate(FLOWS)]
    zone = make_zone(
        zone=[{"zone_id": "z", "name": "Z", "base_year": 2015, "currency": "CNY"}],
        nodes=NODES,
        resources=RESOURCES,
        flows=flows,
    )
    assert {result.year for result in compute_indicators(zone)} == {2020}


def test_explicit_year_has_no_flows(zone: Zone) -> None:
    results = by_id(compute_indicators(zone, 2019))
    assert not any(result.computable for result in results.values())
    assert "no economy row 'gdp' for 2019" in results["built_land_output_rate"].missing


# Each case removes inputs from the worked zone and names the sentence that must appear.
NOT_COMPUTABLE = [
    ("materials_productivity", {"economy": []}, "no economy row 'gdp' for 2020"),
    ("built_land_output_rate", {"economy": ECONOMY[:1]}, "no economy row 'built_land' for 2020"),
    (
        "resource_input_per_service",
        {"economy": ECONOMY[:2]},
        "no economy row 'service_output' for 2020",
    ),
    (
        "virgin_to_recycled_ratio",
        {"drop": {"f2", "f7", "f8", "f10", "f12"}},
        "no secondary (recycled) material input for 2020, so the ratio has no finite value",
    ),
    (
        "renewable_to_fossil_ratio",
        {"drop": {"f4"}},
        "no fossil energy input for 2020, so the ratio has no finite value",
    ),
    (
        "renewable_share",
        {"drop": {"f4", "f5"}},
        "no energy input flows (resource type 'energy', from an import or environment node to a "
        "process node) for 2020",
    ),
    (
        "energy_output_rate",
        {"drop": {"f4"}},
        "no energy consumption for 2020: energy inputs minus energy sent to export nodes is not "
        "positive",
    ),
    (
        "industrial_water_reuse_rate",
        {"drop": {"f14"}},
        "no reused-water flows (category 'reused_water') for 2020; enter a flow of 0 if no water "
        "is reused",
    ),
    (
        "industrial_water_reuse_rate",
        {"drop": {"f13"}},
        "no fresh-water intake (category 'fresh_water', from an import or environment node to a "
        "process node) for 2020",
    ),
    (
        "coal_gangue_utilisation_rate",
        {"drop": {"f10", "f11"}},
        "no flows of coal gangue (resource categories coal_gangue) for 2020",
    ),
    (
        "fly_ash_utilisation_rate",
        {"drop": {"f7", "f8", "f9"}, "add": [flow(18, "import", "cement", "ash", 50, "t")]},
        "no net generation of fly ash at process nodes for 2020",
    ),
    (
        "resource_output_rate",
        {"drop": {"f1"}},
        "no virgin non-energy material input (origin 'virgin', category other than 'fuel', from "
        "an import or environment node to a process node) for 2020",
    ),
    (
        "water_output_rate",
        {"drop": {"f13"}},
        "no water intake (resource type 'water' other than wastewater, from an import or "
        "environment node to a process node) for 2020",
    ),
    (
        "reclaimed_water_utilisation_rate",
        {"drop": {"f16"}},
        "no reclaimed-water flows (category 'reclaimed_water') for 2020; enter a flow of 0 if no "
        "reclaimed water is used",
    ),
    (
        "reclaimed_water_utilisation_rate",
        {"drop": {"f15"}},
        "no wastewater flows into process nodes (category 'wastewater') for 2020",
    ),
    (
        "waste_recovery_share",
        {"drop": {"f7", "f8", "f9", "f11", "f12"}},
        "no flows with stage 'recovery' or 'disposal' for 2020",
    ),
]


@pytest.mark.parametrize(("indicator_id", "change", "sentence"), NOT_COMPUTABLE)
def test_not_computable_names_input(
    make_zone: Callable[..., Zone], indicator_id: str, change: dict[str, Any], sentence: str
) -> None:
    flows = [row for row in FLOWS if row["flow_id"] not in change.get("drop", set())]
    flows += change.get("add", [])
    zone = make_zone(
        nodes=NODES, resources=RESOURCES, flows=flows, economy=change.get("economy", ECONOMY)
    )
    result = by_id(compute_indicators(zone))[indicator_id]
    assert not result.computable
    assert result.value is None
    assert sentence in result.missing


def test_missing_input_in_chinese(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone(nodes=NODES, resources=RESOURCES, flows=FLOWS[:9])
    result = by_id(compute_indicators(zone))["coal_gangue_utilisation_rate"]
    chinese = result.missing_text("zh_CN")
    assert chinese == ["2020年无煤矸石的流（资源类别 coal_gangue）"]
    with use_locale("zh_CN"):
        assert result.missing_text() == chinese


def test_formula_and_source_both_languages() -> None:
    for indicator in INDICATORS:
        assert indicator.formula_text("en") == indicator.formula
        assert indicator.formula_text("zh_CN") != indicator.formula, indicator.id
        assert indicator.source_text("zh_CN") != indicator.source, indicator.id
        assert indicator.name("zh_CN") == VOCABULARIES["indicator"][indicator.id][1]


def test_indicator_compute_matches_batch(zone: Zone) -> None:
    batch = by_id(compute_indicators(zone))
    for indicator in INDICATORS:
        single = indicator.compute(zone, 2020)
        assert single.value == batch[indicator.id].value, indicator.id


def repeated_zone(copies: int) -> Zone:
    """Return the worked zone with every flow and economy value repeated ``copies`` times."""
    rows = [dict(row) for _ in range(copies) for row in FLOWS]
    flows = pd.DataFrame(rows)
    flows["flow_id"] = [f"f{i}" for i in range(len(flows))]
    economy = pd.DataFrame(ECONOMY)
    economy["value"] = economy["value"] * copies
    tables = {
        "zone": pd.DataFrame(
            [{"zone_id": "big", "name": "Big", "base_year": 2020, "currency": "CNY"}]
        ),
        "nodes": pd.DataFrame(NODES),
        "resources": pd.DataFrame(RESOURCES),
        "flows": flows,
        "economy": economy,
    }
    return Zone.from_tables(tables, source="test")


def test_repeated_flows_keep_every_indicator(zone: Zone) -> None:
    """Ratios are unchanged when every flow and economic value is multiplied by the same count.

    With over 100,000 flows this checks the vectorised sums; speed lives in bench/.
    """
    copies = 100_000 // len(FLOWS) + 1
    small = by_id(compute_indicators(zone))
    large = by_id(compute_indicators(repeated_zone(copies)))
    for indicator in INDICATORS:
        expected = small[indicator.id].value
        actual = large[indicator.id].value
        assert large[indicator.id].computable == small[indicator.id].computable, indicator.id
        if expected is None:
            continue
        assert actual == pytest.approx(expected, rel=1e-9), indicator.id

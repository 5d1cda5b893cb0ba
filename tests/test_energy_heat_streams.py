"""Heat streams entered in the workbook: conversion, validation and zone-level pinch targets.

Kemp, *Pinch Analysis and Process Integration*, 2nd ed. (2007), chapter 2, four-stream example
(from Linnhoff et al., *User Guide on Process Integration*, 1982), ΔTmin 10 K: hot utility
20 kW, cold utility 60 kW, pinch at 85 °C shifted (90 °C hot, 80 °C cold).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import pytest

from conftest import minimal_tables
from ecoplan import Zone
from ecoplan.energy import heat_streams, zone_pinch
from ecoplan.energy.pinch import StreamError
from ecoplan.errors import InputError
from ecoplan.i18n import use_locale
from ecoplan.io import read_zone
from ecoplan.io.workbook_writer import write_workbook
from ecoplan.model import schema

TOLERANCE = 1e-9

PLANTS = [
    {"org_id": "A", "name": "Plant A", "kind": "enterprise"},
    {"org_id": "B", "name": "Plant B", "kind": "enterprise"},
]


def kemp_rows() -> list[dict[str, Any]]:
    """Return Kemp's four streams as workbook rows, in three ways of stating their size.

    Stream h2 gives CP 3.0 kW/K as 0.003 MW/K; stream c3 gives no CP but a heat load of
    0.24 MW over 80 → 140 °C, that is 240 kW / 60 K = 4.0 kW/K.
    """
    return [
        {"stream_id": "c1", "org_id": "A", "kind": "cold", "supply_temperature": 20,
         "target_temperature": 135, "heat_capacity_flowrate": 2.0, "cp_unit": "kW/K"},
        {"stream_id": "h2", "org_id": "A", "kind": "hot", "supply_temperature": 170,
         "target_temperature": 60, "heat_capacity_flowrate": 0.003, "cp_unit": "MW/K"},
        {"stream_id": "c3", "org_id": "B", "kind": "cold", "supply_temperature": 80,
         "target_temperature": 140, "heat_load": 0.24, "heat_load_unit": "MW"},
        {"stream_id": "h4", "org_id": "B", "kind": "hot", "supply_temperature": 150,
         "target_temperature": 30, "heat_capacity_flowrate": 1.5, "cp_unit": "kW/K"},
    ]  # fmt: skip


def zone_with(streams: list[dict[str, Any]]) -> Zone:
    tables = minimal_tables(organisations=PLANTS, heat_streams=streams)
    return Zone.from_tables(tables, source="test")


@pytest.fixture(scope="module")
def kemp_zone(tmp_path_factory: pytest.TempPathFactory) -> Zone:
    """Return Kemp's zone written into the template workbook and read back from it."""
    tables = minimal_tables(organisations=PLANTS, heat_streams=kemp_rows())
    tables = {name: tables.get(name, pd.DataFrame()) for name in schema.TABLES}
    path = write_workbook(tables, tmp_path_factory.mktemp("heat") / "kemp.xlsx")
    return read_zone(path)


def test_heat_streams_converts_to_kw_per_k(kemp_zone: Zone) -> None:
    streams = heat_streams(kemp_zone)
    assert list(streams.index) == ["c1", "h2", "c3", "h4"]
    expected = {"c1": 2.0, "h2": 3.0, "c3": 4.0, "h4": 1.5}
    cps = streams["heat_capacity_flowrate"].to_dict()
    for stream, cp in expected.items():
        assert cps[stream] == pytest.approx(cp, rel=TOLERANCE)
    assert streams.loc["h2", "org_id"] == "A"
    assert streams["dt_min_contribution"].isna().all()


def test_zone_pinch_pooled_equals_kemp(kemp_zone: Zone) -> None:
    pooled = zone_pinch(kemp_zone, dt_min=10).pooled
    assert math.isclose(pooled.hot_utility, 20.0, abs_tol=TOLERANCE)
    assert math.isclose(pooled.cold_utility, 60.0, abs_tol=TOLERANCE)
    assert pooled.pinch_temperatures == pytest.approx((85.0,), abs=TOLERANCE)


def test_zone_pinch_per_plant_by_hand(kemp_zone: Zone) -> None:
    # Worked by hand with the problem table, streams shifted by 5 K.
    # Plant A (c1, h2): 165-140 +75, 140-55 +85, 55-25 -60 kW. The cascade 0, 75, 160, 100
    # is never negative, so hot utility 0 and cold utility 100 kW, with no pinch.
    # Plant B (c3, h4): 145-85 -150, 85-25 +90 kW. The cascade 0, -150, -60 gives hot
    # utility 150 kW and cold utility 90 kW, with the pinch at 85 °C shifted.
    result = zone_pinch(kemp_zone, dt_min=10)
    table = result.plant_table()
    assert table.loc["A", "hot_utility"] == pytest.approx(0.0, abs=TOLERANCE)
    assert table.loc["A", "cold_utility"] == pytest.approx(100.0, abs=TOLERANCE)
    assert pd.isna(table["pinch"].to_dict()["A"])
    assert table.loc["B", "hot_utility"] == pytest.approx(150.0, abs=TOLERANCE)
    assert table.loc["B", "cold_utility"] == pytest.approx(90.0, abs=TOLERANCE)
    assert table.loc["B", "pinch"] == pytest.approx(85.0, abs=TOLERANCE)
    assert result.pooled_saving == pytest.approx(150.0 - 20.0, abs=TOLERANCE)
    assert result.site is None


def test_zone_pinch_with_loop_bounded_by_pooling(kemp_zone: Zone) -> None:
    # Plant A exports at most its cold utility and plant B imports at most its hot utility.
    # Direct integration bounds any loop, so the loop saves at most the pooled 130 kW.
    result = zone_pinch(kemp_zone, dt_min=10, loop_temperature=100.0)
    assert result.site is not None
    assert result.site.loop_approach == 5.0
    assert 0.0 <= result.site.loop_heat <= result.pooled_saving + TOLERANCE
    assert result.site.pooled.hot_utility == pytest.approx(20.0, abs=TOLERANCE)


def test_contributions_replace_half_dt_min() -> None:
    # Every stream contributing 5 K at a global ΔTmin of 40 K shifts as ΔTmin 10 K does.
    rows = [{**row, "dt_min_contribution": 5.0} for row in kemp_rows()]
    pooled = zone_pinch(zone_with(rows), dt_min=40).pooled
    assert pooled.hot_utility == pytest.approx(20.0, abs=TOLERANCE)
    assert pooled.cold_utility == pytest.approx(60.0, abs=TOLERANCE)


def test_zone_without_streams(make_zone: Any) -> None:
    zone = make_zone()
    assert heat_streams(zone).empty
    with pytest.raises(StreamError, match="heat_streams"):
        zone_pinch(zone)


def problems(rows: list[dict[str, Any]]) -> list[Any]:
    with pytest.raises(InputError) as caught:
        zone_with(rows)
    return caught.value.problems


def one_stream(**changes: Any) -> list[dict[str, Any]]:
    row = {
        "stream_id": "s",
        "org_id": "A",
        "kind": "hot",
        "supply_temperature": 150.0,
        "target_temperature": 60.0,
        "heat_capacity_flowrate": 1.0,
        "cp_unit": "kW/K",
    }
    row.update(changes)
    return [row]


@pytest.mark.parametrize(
    ("changes", "column", "start"),
    [
        ({"kind": "cold"}, "kind", "A cold stream must warm up"),
        ({"target_temperature": 200.0}, "kind", "A hot stream must cool down"),
        ({"target_temperature": 150.0}, "target_temperature", "The supply and target"),
        ({"heat_capacity_flowrate": None}, "heat_capacity_flowrate", "A heat stream needs"),
        ({"cp_unit": None}, "cp_unit", "Missing unit for heat_capacity_flowrate"),
        ({"cp_unit": "kg"}, "cp_unit", "Unit 'kg' cannot be used here"),
        ({"heat_capacity_flowrate": 0.0}, "heat_capacity_flowrate", "The heat-capacity"),
        ({"heat_load": 50.0, "heat_load_unit": "kW"}, "heat_load", "The heat load, 50 kW"),
    ],
)
def test_rules_reject_inconsistent_streams(
    changes: dict[str, Any], column: str, start: str
) -> None:
    found = problems(one_stream(**changes))
    assert len(found) == 1
    assert found[0].column == column
    assert str(InputError(found)).count(start) == 1


def test_consistent_load_and_cp_accepted() -> None:
    # 1 kW/K over 90 K is 90 kW; 0.0905 MW is within the 1 % tolerance.
    zone = zone_with(one_stream(heat_load=0.0905, heat_load_unit="MW"))
    assert heat_streams(zone).loc["s", "heat_capacity_flowrate"] == pytest.approx(1.0)


def test_rule_message_in_chinese() -> None:
    found = problems(one_stream(kind="cold"))
    with use_locale("zh_CN"):
        text = str(InputError(found))
    assert "冷物流" in text

"""The main job: ``run_plan`` on a zone worked by hand, its JSON, CSV tables and the CLI."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from ecoplan import Zone
from ecoplan.plan import TABLES, PlanResult, run_plan
from ecoplan.report.summary import data_sources

TOLERANCE = 1e-9
REPO = Path(__file__).resolve().parents[1]

# Zone worked by hand, one year (2020). Power plant: energy 1,000 MWh coal + 250 MWh solar in,
# 400 MWh electricity + 850 MWh waste heat out (balanced); mass 50 t limestone in, 40 t fly
# ash to the cement works + 10 t to landfill out (balanced); water 500 m³ in, 450 m³ out
# (residual 50 m³, relative 0.1, flagged). Cement works: energy 400 MWh in, 380 MWh out
# (residual 20 MWh, relative 0.05, flagged); mass 40 t ash + 160 t limestone in, 200 t
# cement out (balanced).
HAND_TABLES: dict[str, list[dict[str, Any]]] = {
    "zone": [
        {
            "zone_id": "hand",
            "name": "Hand-worked park",
            "name_zh": "手算园区",
            "base_year": 2020,
            "currency": "CNY",
            "source": "Worked by hand",
        }
    ],
    "nodes": [
        {"node_id": "import", "name": "Imports", "kind": "import"},
        {"node_id": "sun", "name": "Sunlight", "kind": "environment"},
        {"node_id": "plant", "name": "Power plant", "name_zh": "电厂", "kind": "process"},
        {"node_id": "works", "name": "Cement works", "name_zh": "水泥厂", "kind": "process"},
        {"node_id": "export", "name": "Exports", "kind": "export"},
        {"node_id": "air", "name": "Atmosphere", "kind": "atmosphere"},
        {"node_id": "landfill", "name": "Landfill", "kind": "landfill"},
        {"node_id": "river", "name": "River", "kind": "water_body"},
    ],
    "resources": [
        {
            "resource_id": "coal",
            "name": "Coal",
            "type": "energy",
            "dimension": "energy",
            "category": "fuel",
            "energy_source": "fossil",
        },
        {
            "resource_id": "solar",
            "name": "Solar power",
            "type": "energy",
            "dimension": "energy",
            "category": "electricity",
            "energy_source": "renewable",
        },
        {
            "resource_id": "power",
            "name": "Electricity",
            "type": "energy",
            "dimension": "energy",
            "category": "electricity",
        },
        {
            "resource_id": "heat",
            "name": "Waste heat",
            "type": "energy",
            "dimension": "energy",
            "category": "heat",
            "energy_source": "secondary",
        },
        {
            "resource_id": "limestone",
            "name": "Limestone",
            "type": "materials",
            "dimension": "mass",
            "category": "raw_material",
            "origin": "virgin",
        },
        {
            "resource_id": "ash",
            "name": "Fly ash",
            "type": "materials",
            "dimension": "mass",
            "category": "fly_ash",
            "origin": "secondary",
            "taxonomy": "EWC",
            "code": "100102",
        },
        {
            "resource_id": "cement",
            "name": "Cement",
            "type": "materials",
            "dimension": "mass",
            "category": "product",
        },
        {
            "resource_id": "water",
            "name": "Fresh water",
            "type": "water",
            "dimension": "volume",
            "category": "fresh_water",
        },
        {
            "resource_id": "wastewater",
            "name": "Wastewater",
            "type": "water",
            "dimension": "volume",
            "category": "wastewater",
        },
    ],
    "flows": [
        {
            "flow_id": "f1",
            "from_node": "import",
            "to_node": "plant",
            "resource_id": "coal",
            "year": 2020,
            "amount": 1000,
            "unit": "MWh",
            "stage": "processing",
            "source": "Plant report 2020",
        },
        {
            "flow_id": "f2",
            "from_node": "sun",
            "to_node": "plant",
            "resource_id": "solar",
            "year": 2020,
            "amount": 250,
            "unit": "MWh",
            "stage": "processing",
            "source": "Plant report 2020",
        },
        {
            "flow_id": "f3",
            "from_node": "plant",
            "to_node": "works",
            "resource_id": "power",
            "year": 2020,
            "amount": 400,
            "unit": "MWh",
            "stage": "distribution",
            "source": "Plant report 2020",
        },
        {
            "flow_id": "f4",
            "from_node": "plant",
            "to_node": "air",
            "resource_id": "heat",
            "year": 2020,
            "amount": 850,
            "unit": "MWh",
            "stage": "disposal",
        },
        {
            "flow_id": "f5",
            "from_node": "import",
            "to_node": "plant",
            "resource_id": "limestone",
            "year": 2020,
            "amount": 50,
            "unit": "t",
            "stage": "extraction",
        },
        {
            "flow_id": "f6",
            "from_node": "plant",
            "to_node": "works",
            "resource_id": "ash",
            "year": 2020,
            "amount": 40,
            "unit": "t",
            "stage": "recovery",
        },
        {
            "flow_id": "f7",
            "from_node": "plant",
            "to_node": "landfill",
            "resource_id": "ash",
            "year": 2020,
            "amount": 10,
            "unit": "t",
            "stage": "disposal",
            "assumed": True,
            "note": "Ash not taken by the works, from the plant manager",
        },
        {
            "flow_id": "f8",
            "from_node": "import",
            "to_node": "works",
            "resource_id": "limestone",
            "year": 2020,
            "amount": 160,
            "unit": "t",
            "stage": "extraction",
        },
        {
            "flow_id": "f9",
            "from_node": "works",
            "to_node": "export",
            "resource_id": "cement",
            "year": 2020,
            "amount": 200,
            "unit": "t",
            "stage": "production",
        },
        {
            "flow_id": "f10",
            "from_node": "works",
            "to_node": "air",
            "resource_id": "heat",
            "year": 2020,
            "amount": 380,
            "unit": "MWh",
            "stage": "disposal",
        },
        {
            "flow_id": "f11",
            "from_node": "import",
            "to_node": "plant",
            "resource_id": "water",
            "year": 2020,
            "amount": 500,
            "unit": "m³",
            "stage": "use",
        },
        {
            "flow_id": "f12",
            "from_node": "plant",
            "to_node": "river",
            "resource_id": "wastewater",
            "year": 2020,
            "amount": 450,
            "unit": "m³",
            "stage": "disposal",
        },
    ],
    "economy": [
        {
            "year": 2020,
            "variable": "gdp",
            "value": 5000,
            "unit": "万元",
            "assumed": True,
            "note": "Planning bureau estimate",
            "source": "Planning bureau",
        },
        {
            "year": 2020,
            "variable": "industrial_value_added",
            "value": 2000,
            "unit": "万元",
            "source": "Planning bureau",
        },
    ],
    "targets": [
        {
            "target_id": "t1",
            "indicator": "renewable_to_fossil_ratio",
            "value": 0.2,
            "year": 2025,
            "comparison": ">=",
            "source": "Test policy A",
        },
        {
            "target_id": "t2",
            "indicator": "fly_ash_utilisation_rate",
            "value": 90,
            "year": 2025,
            "comparison": ">=",
            "source": "Test policy B",
        },
    ],
    "durables": [
        {
            "durable_id": "offices",
            "name": "Office buildings",
            "resource_id": "cement",
            "driver": "inflow",
            "distribution": "fixed",
            "lifetime_mean": 2,
            "unit": "t",
            "source": "Building register",
        },
    ],
    "durable_series": [
        {"durable_id": "offices", "year": year, "value": 10.0} for year in range(2018, 2022)
    ],
}

HAND_BALANCES = {  # (node, dimension): (inputs, outputs, residual, relative, flagged)
    ("plant", "energy"): (1250.0, 1250.0, 0.0, 0.0, False),
    ("plant", "mass"): (50.0, 50.0, 0.0, 0.0, False),
    ("plant", "volume"): (500.0, 450.0, 50.0, 0.1, True),
    ("works", "energy"): (400.0, 380.0, 20.0, 0.05, True),
    ("works", "mass"): (200.0, 200.0, 0.0, 0.0, False),
}

HAND_TOTALS = {  # resource type: (input, output, internal, recycled, total_throughput)
    "energy": (1250.0, 1230.0, 400.0, 0.0, 1650.0),
    "materials": (210.0, 210.0, 40.0, 40.0, 250.0),  # recycled: the secondary fly ash
    "water": (500.0, 450.0, 0.0, 0.0, 500.0),
}

HAND_STAGES = {  # (type, stage): quantity
    ("energy", "processing"): 1250.0,
    ("energy", "distribution"): 400.0,
    ("energy", "disposal"): 1230.0,
    ("materials", "extraction"): 210.0,
    ("materials", "recovery"): 40.0,
    ("materials", "disposal"): 10.0,
    ("materials", "production"): 200.0,
    ("water", "use"): 500.0,
    ("water", "disposal"): 450.0,
}

# Virgin input 210 t limestone; recycled 40 t fly ash taken in by the works; energy input
# 1,000 MWh fossil + 250 MWh renewable; GDP 5,000 万元 = 5e7 元.
HAND_INDICATORS = {
    "virgin_to_recycled_ratio": (210 / 40, "t/t"),
    "recycled_to_potential_ratio": (100 * 40 / 250, "%"),
    "renewable_to_fossil_ratio": (250 / 1000, "MWh/MWh"),
    "renewable_share": (100 * 250 / 1250, "%"),
    "materials_productivity": (5e7 / 210, "元/t"),
    "energy_productivity": (5e7 / 1250, "元/MWh"),
}

# Fixed lifetime of 2 years: each cohort of 10 t leaves in the year it reaches age 2. After
# the series ends (2021) the plan projects to 2050 with no further inflow, so the cohorts of
# 2020 and 2021 leave in 2022 and 2023 and the stock is empty from then on.
HAND_DURABLES = {  # year: (inflow, outflow, stock) [t]
    2018: (10.0, 0.0, 10.0),
    2019: (10.0, 0.0, 20.0),
    2020: (10.0, 10.0, 20.0),
    2021: (10.0, 10.0, 20.0),
    2022: (0.0, 10.0, 10.0),
    2023: (0.0, 10.0, 0.0),
    **{year: (0.0, 0.0, 0.0) for year in range(2024, 2051)},
}


def hand_zone() -> Zone:
    """Return the zone worked by hand above."""
    return Zone.from_tables(
        {name: pd.DataFrame(rows) for name, rows in HAND_TABLES.items()}, source="test"
    )


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> PlanResult:
    return run_plan(hand_zone(), tmp_path_factory.mktemp("plan"))


@pytest.fixture(scope="module")
def results(plan: PlanResult) -> dict[str, Any]:
    return json.loads(plan.results_path.read_text(encoding="utf-8"))


def close(actual: float | None, expected: float) -> bool:
    return actual is not None and math.isclose(actual, expected, rel_tol=0, abs_tol=TOLERANCE)


def test_plan_writes_every_file(plan: PlanResult) -> None:
    assert plan.report_path.name == "report.html"
    assert plan.report_path.stat().st_size > 1_000_000  # plotly.js is inlined
    assert plan.results_path.name == "results.json"
    for name, path in plan.tables.items():
        assert path == plan.report_path.parent / "tables" / f"{name}.csv"
        assert path.exists()


def test_zone_summary_counts(results: dict[str, Any]) -> None:
    zone = results["zone"]
    assert zone["name"] == "Hand-worked park"
    assert zone["base_year"] == 2020
    assert zone["counts"] == {
        "sites": 0,
        "organisations": 0,
        "nodes": 8,
        "resources": 9,
        "flows": 12,
    }
    assert zone["assumed_flows"] == 1
    assert close(zone["assumed_share"], 1 / 12)


def test_assumed_amounts_listed_with_basis(results: dict[str, Any]) -> None:
    assumed = {(row["table"], row["id"]): row for row in results["zone"]["assumed"]}
    assert set(assumed) == {("flows", "f7"), ("economy", "gdp")}
    assert assumed[("flows", "f7")]["amount"] == 10
    assert assumed[("flows", "f7")]["basis"] == "Ash not taken by the works, from the plant manager"
    assert assumed[("economy", "gdp")]["basis"] == "Planning bureau estimate"


def test_sources_counted(results: dict[str, Any]) -> None:
    sources = {entry["source"]: entry for entry in results["sources"]}
    assert sources["Plant report 2020"]["rows"] == 3
    assert sources["Plant report 2020"]["tables"] == ["flows"]
    assert sources["Planning bureau"]["rows"] == 2
    assert sources["Test policy A"]["tables"] == ["targets"]


def test_sources_list_tables_with_locale_separator(make_zone: Any) -> None:
    zone = make_zone(
        zone=[
            {
                "zone_id": "tiny",
                "name": "Tiny zone",
                "base_year": 2020,
                "currency": "CNY",
                "source": "Survey 2020",
            }
        ],
        flows=[
            {
                "flow_id": "f1",
                "from_node": "plant",
                "to_node": "landfill",
                "resource_id": "ash",
                "year": 2020,
                "amount": 10,
                "unit": "t",
                "source": "Survey 2020",
            }
        ],
    )

    (entry,) = data_sources(zone)

    assert entry["tables"] == ["zone", "flows"]
    assert entry["cited_in"] == {"en": "Zone, Flows", "zh_CN": "区域、流"}


def test_service_unit_in_chinese(plan: PlanResult, results: dict[str, Any]) -> None:
    rows = [
        row
        for row in results["indicators"]["rows"]
        if row["indicator_id"] == "resource_input_per_service"
    ]

    assert rows
    assert rows[0]["unit"] == "t/service unit"
    assert rows[0]["unit_text"] == {"en": "t/service unit", "zh_CN": "t/服务单位"}
    page = plan.report_path.read_text(encoding="utf-8")
    chinese = page.split('<main class="lang-body" data-lang="zh_CN"')[1]
    indicators = chinese.split('id="indicators-zh_CN"')[1].split("</section>")[0]
    assert "<td>t/服务单位</td>" in indicators
    assert "t/service unit" not in indicators


def test_balances_equal_hand_values(results: dict[str, Any]) -> None:
    section = results["balances"]
    assert section["available"]
    rows = {(row["node_id"], row["dimension"]): row for row in section["rows"]}
    assert set(rows) == set(HAND_BALANCES)
    for key, (inputs, outputs, residual, relative, flagged) in HAND_BALANCES.items():
        row = rows[key]
        assert close(row["inputs"], inputs), key
        assert close(row["outputs"], outputs), key
        assert close(row["residual"], residual), key
        assert close(row["relative_residual"], relative), key
        assert row["flagged"] is flagged, key


def test_totals_by_type_equal_hand_values(results: dict[str, Any]) -> None:
    section = results["totals_by_type"]
    assert section["available"]
    rows = {row["type"]: row for row in section["rows"]}
    assert set(rows) == set(HAND_TOTALS)
    columns = ("input", "output", "internal", "recycled", "total_throughput")
    for resource_type, expected in HAND_TOTALS.items():
        for column, value in zip(columns, expected, strict=True):
            assert close(rows[resource_type][column], value), (resource_type, column)
    assert {row["unit"] for row in rows.values()} == {"MWh", "t", "m³"}


def test_totals_by_stage_equal_hand_values(results: dict[str, Any]) -> None:
    section = results["totals_by_stage"]
    assert section["available"]
    rows = {(row["type"], row["stage"]): row["quantity"] for row in section["rows"]}
    assert set(rows) == set(HAND_STAGES)
    for key, quantity in HAND_STAGES.items():
        assert close(rows[key], quantity), key


def test_indicators_equal_hand_values(results: dict[str, Any]) -> None:
    section = results["indicators"]
    assert section["available"]
    rows = {row["indicator_id"]: row for row in section["rows"]}
    for indicator_id, (value, unit) in HAND_INDICATORS.items():
        row = rows[indicator_id]
        assert row["computable"] is True, indicator_id
        assert math.isclose(row["value"], value, rel_tol=TOLERANCE), indicator_id
        assert row["unit"] == unit, indicator_id
        assert row["formula"]["en"], indicator_id
        assert row["source"]["en"], indicator_id


def test_indicator_not_computable_names_missing(results: dict[str, Any]) -> None:
    rows = {row["indicator_id"]: row for row in results["indicators"]["rows"]}
    reuse = rows["industrial_water_reuse_rate"]  # the zone reuses no water
    assert reuse["computable"] is False
    assert reuse["value"] is None
    assert reuse["missing"]
    assert len(reuse["missing_text"]["zh_CN"]) == len(reuse["missing"])


def test_targets_checked(results: dict[str, Any]) -> None:
    section = results["targets"]
    assert section["available"]
    checks = {row["target_id"]: row for row in section["rows"]}
    assert checks["t1"]["met"] is True  # 0.25 >= 0.2
    assert close(checks["t1"]["gap"], 0.25 - 0.2)
    assert checks["t1"]["source"] == "Test policy A"


def test_durables_equal_hand_values(results: dict[str, Any]) -> None:
    section = results["durables"]
    assert section["available"]
    rows = {row["year"]: row for row in section["rows"]}
    assert set(rows) == set(HAND_DURABLES)
    for year, (inflow, outflow, stock) in HAND_DURABLES.items():
        assert close(rows[year]["inflow"], inflow), year
        assert close(rows[year]["outflow"], outflow), year
        assert close(rows[year]["stock"], stock), year
        assert rows[year]["unit"] == "t"


def test_balance_status_in_both_languages(plan: PlanResult, results: dict[str, Any]) -> None:
    rows = {(row["node_id"], row["dimension"]): row for row in results["balances"]["rows"]}
    assert rows[("plant", "volume")]["status"] == "residual"
    assert rows[("plant", "mass")]["status"] == "balanced"
    assert rows[("plant", "mass")]["status_text"] == {
        "en": "Within the tolerance",
        "zh_CN": "在容差范围内",
    }

    page = plan.report_path.read_text(encoding="utf-8")
    assert "<td>Residual above the tolerance</td>" in page
    assert "<td>残差超出容差</td>" in page
    # Every hand-worked balance has both sides, so none is reported as not checked.
    assert "balances were not checked" not in page


def test_durables_mark_projected_years(results: dict[str, Any]) -> None:
    rows = {row["year"]: row for row in results["durables"]["rows"]}

    assert all(row["last_data_year"] == 2021 for row in rows.values())
    assert all(row["driver"] == "inflow" for row in rows.values())
    assert [year for year, row in rows.items() if not row["projected"]] == [2018, 2019, 2020, 2021]
    assert rows[2022]["projected"]


def test_report_states_durable_projection(plan: PlanResult) -> None:
    page = plan.report_path.read_text(encoding="utf-8")

    assert (
        "Office buildings: projected with no inflow after 2021, so the stock only falls as "
        "items are discarded. Add inflows for later years to the durable_series sheet"
    ) in page
    assert "Office buildings：按 2021 年以后无流入量预测，因此存量只随报废而减少。" in page


def test_csv_tables_start_with_bom(plan: PlanResult) -> None:
    for name, path in plan.tables.items():
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), name


def test_csv_tables_equal_json(plan: PlanResult, results: dict[str, Any]) -> None:
    assert set(plan.tables) == {name for name in TABLES if results[name]["available"]}
    for name, path in plan.tables.items():
        table = pd.read_csv(path, dtype={"code": str})
        rows = results[name]["rows"]
        assert len(table) == len(rows), name
        for column in table.columns:
            for cell, row in zip(table[column], rows, strict=True):
                assert_cell_equal(cell, row[column], f"{name}.{column}")


def assert_cell_equal(cell: Any, value: Any, where: str) -> None:
    if value is None or value in ("", [], {}):  # CSV writes these as an empty cell
        assert pd.isna(cell), where
    elif isinstance(value, bool):
        assert bool(cell) is value, where
    elif isinstance(value, int | float):
        assert math.isclose(float(cell), float(value), rel_tol=0, abs_tol=TOLERANCE), where
    elif isinstance(value, list):
        assert cell == "; ".join(str(item) for item in value), where
    elif isinstance(value, dict) and set(value) == {"en", "zh_CN"}:
        assert cell == value["en"], where
    elif isinstance(value, dict):
        assert json.loads(cell) == value, where
    else:
        assert str(cell) == str(value), where


def test_section_without_data_is_not_available(make_zone: Any, tmp_path: Path) -> None:
    result = run_plan(make_zone(), tmp_path)
    targets = result.results["targets"]
    assert targets["available"] is False
    assert targets["rows"] == []
    assert targets["reason"]["en"] == "The zone sets no targets."
    assert targets["reason"]["zh_CN"] == "区域未设定目标值。"
    assert "targets" not in result.tables
    assert not (tmp_path / "tables" / "targets.csv").exists()


def test_progress_reports_every_step(make_zone: Any, tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    run_plan(make_zone(), tmp_path, progress=lambda *call: calls.append(call))
    assert [step for step, _total, _message in calls] == list(range(1, 17))
    assert {total for _step, total, _message in calls} == {16}
    assert "Optimising the exchange network" in [message for _s, _t, message in calls]
    assert "Solving the least-cost energy portfolio" in [message for _s, _t, message in calls]
    assert calls[0][2] == "Summarising the zone"
    assert calls[-1][2] == "Writing the report"


def test_cli_plan_end_to_end(tmp_path: Path) -> None:
    zone_folder = tmp_path / "zone"
    zone_folder.mkdir()
    for name, rows in HAND_TABLES.items():
        pd.DataFrame(rows).to_csv(zone_folder / f"{name}.csv", index=False)
    out = tmp_path / "out"
    command = [
        str(Path(sys.executable).parent / "ecoplan"),
        "--lang",
        "zh_CN",
        "plan",
        str(zone_folder),
        "--out",
        str(out),
    ]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert finished.returncode == 0, finished.stderr
    assert "写出报告" in finished.stderr  # progress, translated
    assert str((out / "report.html").resolve()) in finished.stdout
    written = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert written["zone"]["counts"]["flows"] == 12
    assert (out / "tables" / "balances.csv").exists()

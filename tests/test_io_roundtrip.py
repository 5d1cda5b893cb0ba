"""Read → write → read gives identical tables, in each format and across formats."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from ecoplan import Zone
from ecoplan.io import FormatError, read_zone, write_zone
from ecoplan.model import schema


@pytest.fixture
def rich_zone(make_zone: Callable[..., Zone]) -> Zone:
    """Return a zone with Chinese text, padded codes, gaps, flags, rates and exact floats."""
    return make_zone(
        zone=[
            {
                "zone_id": "ddz",
                "name": "Dalian DDZ",
                "name_zh": "大连经济技术开发区",
                "base_year": 2020,
                "currency": "CNY",
                "description": "含“引号”, 逗号\n和换行",
            }
        ],
        sites=[
            {
                "site_id": "s1",
                "name": "北区",
                "longitude": 121.6,
                "latitude": 38.9,
                "area": 12.5,
                "area_unit": "亩",
            }
        ],
        organisations=[
            {
                "org_id": "0042",
                "name": "Plant Co",
                "name_zh": "电厂有限公司",
                "kind": "企业",
                "industry_scheme": "GB/T 4754",
                "industry_code": "0610",
                "site_id": "s1",
            }
        ],
        nodes=[
            {"node_id": "import", "name": "Imports", "kind": "import"},
            {
                "node_id": "plant",
                "name": "Power plant",
                "name_zh": "热电厂",
                "kind": "process",
                "org_id": "0042",
                "site_id": "s1",
            },
            {"node_id": "landfill", "name": "Landfill", "kind": "landfill"},
        ],
        resources=[
            {
                "resource_id": "coal",
                "name": "Coal",
                "name_zh": "煤",
                "type": "energy",
                "dimension": "energy",
                "category": "fuel",
                "energy_source": "fossil",
                "hazardous": False,
            },
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
                "resource_id": "tailings",
                "name": "Tailings",
                "type": "materials",
                "dimension": "mass",
                "taxonomy": "EWC",
                "code": "010101",
                "hazardous": True,
            },
        ],
        flows=[
            {
                "flow_id": "f1",
                "from_node": "import",
                "to_node": "plant",
                "resource_id": "coal",
                "year": 2020,
                "amount": 3.5,
                "unit": "万吨标准煤",
                "quality": "measured",
                "uncertainty": 0.1,
                "source": "统计年鉴 2021",
            },
            {
                "flow_id": "f2",
                "from_node": "plant",
                "to_node": "landfill",
                "resource_id": "ash",
                "year": 2021,
                "amount": 120,
                "unit": "t/d",
                "operating_hours": 8000,
                "assumed": True,
                "note": "=A1 is text, not a formula",
            },
            {
                "flow_id": "f3",
                "from_node": "plant",
                "to_node": "landfill",
                "resource_id": "tailings",
                "year": 2021,
                "amount": 1234.56789012345,
                "unit": "万吨",
                "assumed": False,
                "note": "007",
            },
        ],
        hub_sites=[
            {
                "site_id": "s1",
                "fixed_cost": 85.5,
                "fixed_cost_unit": "万元/a",
                "capacity": 12,
                "capacity_unit": "万吨/年",
                "unit_cost": 0.0018,
                "cost_unit": "万元/t",
                "assumed": True,
                "source": "假设值",
                "note": "北区副产品集散场",
            }
        ],
        recovery_facilities=[
            {
                "facility_id": "mrf-1",
                "site_id": "s1",
                "capacity": 4.5,
                "capacity_unit": "万吨/年",
                "cost": 0.0055,
                "cost_unit": "万元/t",
                "residue_cost": 0.004,
                "accepts": "200301; municipal_solid_waste",
                "assumed": True,
                "note": "北区分拣中心",
            }
        ],
        recovery_yields=[
            {
                "facility_id": "mrf-1",
                "code": "191204",
                "yield": 0.143,
                "price": 600,
                "price_unit": "元/t",
            },
            {
                "facility_id": "mrf-1",
                "code": "191205",
                "yield": 0.023,
                "price": -0.002,
                "price_unit": "万元/t",
                "source": "假设值",
            },
        ],
    )


def assert_same_tables(expected: Zone, actual: Zone) -> None:
    left, right = expected.to_tables(), actual.to_tables()
    assert list(left) == list(right)
    for table in left:
        assert_frame_equal(left[table], right[table], check_exact=True, obj=table)


@pytest.mark.parametrize("name", ["zone.xlsx", "zone.json", "zone_csv"])
def test_round_trip_keeps_tables(rich_zone: Zone, tmp_path: Path, name: str) -> None:
    path = write_zone(rich_zone, tmp_path / name)

    again = read_zone(path)

    assert_same_tables(rich_zone, again)
    assert again.resources["code"].tolist() == [None, "100102", "010101"]


def test_round_trip_keeps_values(rich_zone: Zone, tmp_path: Path) -> None:
    again = read_zone(write_zone(rich_zone, tmp_path / "zone.xlsx"))

    flows = again.flows.set_index("flow_id")
    assert flows.loc["f3", "amount"] == 1234.56789012345
    assert flows.loc["f2", "note"] == "=A1 is text, not a formula"
    assert flows.loc["f3", "note"] == "007"
    assert math.isnan(flows.loc["f1", "operating_hours"])
    assert flows["assumed"].tolist()[1:] == [True, False]
    assert flows.loc["f1", "assumed"] is pd.NA
    assert again.organisations["industry_code"].tolist() == ["0610"]
    assert again.organisations["org_id"].tolist() == ["0042"]
    assert again.organisations["kind"].tolist() == ["enterprise"]
    # 120 t/d over 8,000 h = 40,000 t; 3.5 万吨标准煤 = 35,000 tce * 8.141 MWh.
    assert flows.loc["f2", "quantity"] == pytest.approx(40_000.0, rel=1e-12)
    assert flows.loc["f1", "quantity"] == pytest.approx(284_935.0, rel=1e-12)


@pytest.mark.parametrize("name", ["zone.xlsx", "zone.json", "zone_csv"])
def test_round_trip_hub_sites(rich_zone: Zone, tmp_path: Path, name: str) -> None:
    again = read_zone(write_zone(rich_zone, tmp_path / name))

    hub = again.hub_sites.iloc[0]
    assert hub["capacity_unit"] == "万吨/年"
    assert hub["note"] == "北区副产品集散场"
    # 12 万吨/年 = 120,000 t/a; 85.5 万元/a = 855,000 元/a; 0.0018 万元/t = 18 元/t.
    assert hub["capacity_t"] == pytest.approx(120_000.0, rel=1e-12)
    assert hub["fixed_cost_per_year"] == pytest.approx(855_000.0, rel=1e-12)
    assert hub["unit_cost_per_t"] == pytest.approx(18.0, rel=1e-12)
    assert math.isnan(hub["min_quantity_t"])


@pytest.mark.parametrize("name", ["zone.xlsx", "zone.json", "zone_csv"])
def test_round_trip_recovery_facility(rich_zone: Zone, tmp_path: Path, name: str) -> None:
    again = read_zone(write_zone(rich_zone, tmp_path / name))

    facility = again.recovery_facilities.iloc[0]
    assert facility["accepts"] == "200301; municipal_solid_waste"
    assert facility["note"] == "北区分拣中心"
    # 4.5 万吨/年 = 45,000 t/a; 0.0055 万元/t = 55 元/t; 0.004 万元/t = 40 元/t.
    assert facility["capacity_t"] == pytest.approx(45_000.0, rel=1e-12)
    assert facility["cost_per_t"] == pytest.approx(55.0, rel=1e-12)
    assert facility["residue_cost_per_t"] == pytest.approx(40.0, rel=1e-12)
    yields = again.recovery_yields
    assert yields["code"].tolist() == ["191204", "191205"]
    assert yields["yield"].tolist() == [0.143, 0.023]
    # -0.002 万元/t = -20 元/t: a glass output that costs money to place.
    assert yields["price_per_t"].tolist() == [600.0, pytest.approx(-20.0, rel=1e-12)]


@pytest.mark.parametrize("name", ["zone.json", "zone_csv"])
def test_text_formats_keep_every_digit(
    make_zone: Callable[..., Zone], tmp_path: Path, name: str
) -> None:
    flows = [
        {
            "flow_id": "f1",
            "from_node": "import",
            "to_node": "plant",
            "resource_id": "coal",
            "year": 2020,
            "amount": 0.1 + 0.2,
            "unit": "MWh",
        }
    ]
    zone = make_zone(flows=flows)

    again = read_zone(write_zone(zone, tmp_path / name))

    assert again.flows["amount"].iloc[0] == 0.30000000000000004


def test_workbook_keeps_sixteen_digits(make_zone: Callable[..., Zone], tmp_path: Path) -> None:
    # openpyxl 3.1 writes numbers as "%.16g"; Excel itself shows 15 significant digits.
    flows = [
        {
            "flow_id": "f1",
            "from_node": "import",
            "to_node": "plant",
            "resource_id": "coal",
            "year": 2020,
            "amount": 0.1 + 0.2,
            "unit": "MWh",
        }
    ]
    zone = make_zone(flows=flows)

    again = read_zone(write_zone(zone, tmp_path / "zone.xlsx"))

    assert again.flows["amount"].iloc[0] == 0.3


def test_round_trip_across_formats(rich_zone: Zone, tmp_path: Path) -> None:
    first = read_zone(write_zone(rich_zone, tmp_path / "a.xlsx"))
    second = read_zone(write_zone(first, tmp_path / "b.json"))
    third = read_zone(write_zone(second, tmp_path / "c_csv"))
    fourth = read_zone(write_zone(third, tmp_path / "d.xlsx"))

    assert_same_tables(rich_zone, fourth)


def test_writers_leave_out_derived_columns(rich_zone: Zone, tmp_path: Path) -> None:
    write_zone(rich_zone, tmp_path / "zone.xlsx")
    write_zone(rich_zone, tmp_path / "zone.json")
    write_zone(rich_zone, tmp_path / "csv")

    book = openpyxl.load_workbook(tmp_path / "zone.xlsx")
    headings = [cell.value for cell in book[schema.template_sheet_name("flows")][1]]
    document = json.loads((tmp_path / "zone.json").read_text(encoding="utf-8"))
    csv_heading = (tmp_path / "csv" / "flows.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert headings == [schema.bilingual_header(c) for c in schema.columns("flows")]
    assert "quantity" not in document["tables"]["flows"][0]
    assert csv_heading.split(",") == schema.column_names("flows")


def test_workbook_code_cells_are_text(rich_zone: Zone, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_zone(rich_zone, tmp_path / "zone.xlsx"))
    sheet = book[schema.template_sheet_name("resources")]

    code = sheet["G4"]

    assert code.value == "010101"
    assert code.data_type == "s"
    assert code.number_format == "@"


def test_json_document_layout(rich_zone: Zone, tmp_path: Path) -> None:
    document = json.loads(write_zone(rich_zone, tmp_path / "z.json").read_text(encoding="utf-8"))

    assert document["format"] == "ecoplan-zone"
    assert document["version"] == 1
    assert document["tables"]["zone"] == [
        {
            "zone_id": "ddz",
            "name": "Dalian DDZ",
            "name_zh": "大连经济技术开发区",
            "base_year": 2020,
            "currency": "CNY",
            "description": "含“引号”, 逗号\n和换行",
        }
    ]


def test_csv_files_start_with_bom(rich_zone: Zone, tmp_path: Path) -> None:
    folder = write_zone(rich_zone, tmp_path / "csv")

    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}.csv" for t in schema.TABLES)
    assert (folder / "zone.csv").read_bytes().startswith(b"\xef\xbb\xbfzone_id,")


def test_unknown_suffix_is_rejected(rich_zone: Zone, tmp_path: Path) -> None:
    with pytest.raises(FormatError, match=r"zone\.ods"):
        write_zone(rich_zone, tmp_path / "zone.ods")


def test_zone_rebuilt_from_its_own_tables(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone(
        flows=[
            {
                "flow_id": "f1",
                "from_node": "import",
                "to_node": "plant",
                "resource_id": "coal",
                "year": 2020,
                "amount": 1000,
                "unit": "MWh",
                "assumed": True,
            },
            {
                "flow_id": "f2",
                "from_node": "plant",
                "to_node": "landfill",
                "resource_id": "ash",
                "year": 2020,
                "amount": 10,
                "unit": "t",
            },
        ]
    )

    again = Zone.from_tables(zone.to_tables())

    assert again.flows["assumed"].isna().tolist() == [False, True]
    assert again.flows["quantity"].tolist() == zone.flows["quantity"].tolist()

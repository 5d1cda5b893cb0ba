"""The store: zones saved to and loaded from real SQLite and PostgreSQL databases."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa

from conftest import minimal_tables
from ecoplan import Zone
from ecoplan.i18n import use_locale
from ecoplan.store import Store, StoreError, default_url
from ecoplan.store.location import hide_password
from ecoplan.store.tables import TABLES

DERIVED = {
    "flows": ["quantity"],
    "stocks": ["level_quantity", "change_quantity"],
    "listings": ["quantity"],
    "economy": ["quantity"],
    "durable_series": ["quantity"],
    "sites": ["area_ha"],
    "hub_sites": ["capacity_t", "min_quantity_t", "fixed_cost_per_year", "unit_cost_per_t"],
    "recovery_facilities": ["capacity_t", "cost_per_t", "residue_cost_per_t"],
    "recovery_yields": ["price_per_t"],
}


@pytest.fixture(autouse=True)
def store_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the default database in a temporary folder, never in the user's home."""
    home = tmp_path / "home"
    monkeypatch.setenv("ECOPLAN_HOME", str(home))
    monkeypatch.delenv("ECOPLAN_DATABASE_URL", raising=False)
    return home


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Return an empty store on SQLite, then on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_schema_url")
    with Store(url) as opened:
        yield opened


def rich_tables() -> dict[str, pd.DataFrame]:
    """Return every table of a zone with Chinese text, leading zeros, blanks, flags and years."""
    rows: dict[str, list[dict[str, Any]]] = {
        "zone": [
            {
                "zone_id": "dl-eco",
                "name": "Dalian eco-park",
                "name_zh": "大连生态工业园",
                "base_year": 2019,
                "currency": "CNY",
                "boundary": "开发区 A 区",
            }
        ],
        "sites": [
            {
                "site_id": "s1",
                "name": "北区",
                "longitude": 121.6147,
                "latitude": 38.9140,
                "area": 1500.0,
                "area_unit": "亩",
                "note": "填海造地",
            },
            {"site_id": "s2", "name": "South", "longitude": np.nan, "latitude": np.nan},
        ],
        "organisations": [
            {
                "org_id": "o1",
                "name": "Power plant",
                "name_zh": "热电厂",
                "kind": "enterprise",
                "industry_scheme": "GB/T 4754",
                "industry_code": "0441",
                "ownership": "state_owned",
                "site_id": "s1",
            },
            {
                "org_id": "o2",
                "name": "Cement works",
                "kind": "enterprise",
                "industry_scheme": "ISIC",
                "industry_code": "2394",
                "cluster": "supply_chain",
            },
        ],
        "nodes": [
            {"node_id": "import", "name": "Imports", "kind": "import"},
            {
                "node_id": "plant",
                "name": "Boiler",
                "name_zh": "锅炉",
                "kind": "process",
                "org_id": "o1",
                "site_id": "s1",
            },
            {"node_id": "kiln", "name": "Kiln", "kind": "process", "org_id": "o2"},
            {"node_id": "landfill", "name": "Landfill", "kind": "landfill"},
        ],
        "resources": [
            {
                "resource_id": "coal",
                "name": "Coal",
                "name_zh": "原煤",
                "type": "energy",
                "dimension": "energy",
                "category": "fuel",
                "energy_source": "fossil",
            },
            {
                "resource_id": "ash",
                "name": "Fly ash",
                "name_zh": "粉煤灰",
                "type": "materials",
                "dimension": "mass",
                "taxonomy": "EWC",
                "code": "100102",
                "category": "fly_ash",
                "origin": "secondary",
                "hazardous": False,
            },
            {
                "resource_id": "drill",
                "name": "Oily drilling mud",
                "type": "materials",
                "dimension": "mass",
                "taxonomy": "EWC",
                "code": "010505*",
                "hazardous": True,
            },
            {
                "resource_id": "hw",
                "name": "Waste oil",
                "type": "materials",
                "dimension": "mass",
                "taxonomy": "CN-HW",
                "code": "900-249-08",
                "category": "hazardous_waste",
            },
        ],
        "flows": [
            {
                "flow_id": "f1",
                "from_node": "import",
                "to_node": "plant",
                "resource_id": "coal",
                "year": 2019,
                "amount": 0.1,
                "unit": "万千瓦时",
                "quality": "measured",
                "uncertainty": 0.05,
                "assumed": False,
                "source": "统计年鉴 2020",
            },
            {
                "flow_id": "f2",
                "from_node": "plant",
                "to_node": "kiln",
                "resource_id": "ash",
                "year": 2019,
                "amount": 12.5,
                "unit": "t/d",
                "operating_hours": 7200.0,
                "stage": "recovery",
                "assumed": True,
                "note": "按日均产量估算",
            },
            {
                "flow_id": "f3",
                "from_node": "plant",
                "to_node": "landfill",
                "resource_id": "ash",
                "year": 2020,
                "amount": 1.0e-300,
                "unit": "t",
            },
            {
                "flow_id": "f4",
                "from_node": "kiln",
                "to_node": "landfill",
                "resource_id": "drill",
                "year": 2020,
                "amount": 123456789.123456789,
                "unit": "kg",
            },
        ],
        "stocks": [
            {
                "stock_id": "st1",
                "node_id": "kiln",
                "resource_id": "ash",
                "year": 2020,
                "level": 300.0,
                "unit": "t",
            }
        ],
        "durables": [
            {
                "durable_id": "d1",
                "name": "办公建筑",
                "resource_id": "ash",
                "driver": "inflow",
                "distribution": "normal",
                "lifetime_mean": 50.0,
                "lifetime_sd": 10.0,
                "unit": "t",
            }
        ],
        "durable_series": [
            {"durable_id": "d1", "year": 2018, "value": 10.0},
            {"durable_id": "d1", "year": 2019, "value": 12.0},
        ],
        "economy": [
            {"year": 2019, "variable": "gdp", "value": 1.2, "unit": "亿元"},
            {
                "year": 2019,
                "variable": "industrial_value_added",
                "value": 5000.0,
                "unit": "万元",
                "org_id": "o1",
                "assumed": True,
            },
        ],
        "targets": [
            {
                "target_id": "t1",
                "indicator": "fly_ash_utilisation_rate",
                "value": 95.0,
                "year": 2025,
                "comparison": ">=",
                "source": "辽宁省循环经济规划",
            }
        ],
        "listings": [
            {
                "listing_id": "l1",
                "kind": "offer",
                "org_id": "o1",
                "resource_id": "ash",
                "amount": 2000.0,
                "unit": "t",
                "quality": "CaO>=40%",
                "price": -15.0,
                "price_unit": "元/t",
            }
        ],
        "projects": [
            {
                "project_id": "p1",
                "name": "Ash to cement",
                "name_zh": "粉煤灰制水泥",
                "org_id": "o2",
                "status": "planning",
                "category": "solid_waste",
                "start_year": 2021,
                "capital_cost": 800.0,
                "cost_unit": "万元",
            }
        ],
        "hub_sites": [
            {
                "site_id": "s1",
                "fixed_cost": 120.0,
                "fixed_cost_unit": "万元/a",
                "capacity": 5.0,
                "capacity_unit": "万吨/年",
                "unit_cost": 18.0,
                "cost_unit": "元/t",
                "min_quantity": 0.8,
                "assumed": True,
                "note": "副产品集散场，成本为假设值",
            }
        ],
        "recovery_facilities": [
            {
                "facility_id": "mrf-01",
                "site_id": "s1",
                "capacity": 150.0,
                "capacity_unit": "万吨",
                "cost": 60.0,
                "cost_unit": "元/t",
                "accepts": "200301;municipal_solid_waste",
                "assumed": True,
                "source": "假设值",
            }
        ],
        "recovery_yields": [
            {
                "facility_id": "mrf-01",
                "code": "191202",
                "yield": 0.04,
                "price": 0.08,
                "price_unit": "万元/t",
                "assumed": False,
                "note": "废钢",
            }
        ],
    }
    return {name: pd.DataFrame(table) for name, table in rows.items()}


@pytest.fixture
def rich_zone() -> Zone:
    return Zone.from_tables(rich_tables(), source="test")


def assert_same_zone(loaded: Zone, saved: Zone) -> None:
    """Check every entered table and every derived quantity column for equality."""
    expected, actual = saved.to_tables(), loaded.to_tables()
    assert sorted(actual) == sorted(expected)
    for name in expected:
        pd.testing.assert_frame_equal(actual[name], expected[name], obj=name)
    for name, columns in DERIVED.items():
        pd.testing.assert_frame_equal(
            loaded.tables[name][columns], saved.tables[name][columns], obj=f"{name} derived"
        )


def test_round_trip_keeps_every_table(store: Store, rich_zone: Zone) -> None:
    store.save(rich_zone)

    loaded = store.load("dl-eco")

    assert_same_zone(loaded, rich_zone)
    assert loaded.source == "store:dl-eco"


def test_round_trip_keeps_hard_cells(store: Store, rich_zone: Zone) -> None:
    store.save(rich_zone)

    loaded = store.load("dl-eco")

    organisations = loaded.organisations.set_index("org_id")
    resources = loaded.resources.set_index("resource_id")
    flows = loaded.flows.set_index("flow_id")
    assert organisations.loc["o1", "industry_code"] == "0441"
    assert resources.loc["drill", "code"] == "010505*"
    assert loaded.info["name_zh"] == "大连生态工业园"
    assert math.isnan(loaded.sites.set_index("site_id").loc["s2", "longitude"])
    assert flows.loc["f4", "amount"] == 123456789.123456789
    assert flows.loc["f3", "amount"] == 1.0e-300
    assert flows["assumed"].tolist()[:2] == [False, True]
    assert flows["assumed"].isna().tolist() == [False, False, True, True]
    assert str(flows["year"].dtype) == "Int64"


def test_round_trip_derived_quantities_by_hand(store: Store, rich_zone: Zone) -> None:
    store.save(rich_zone)

    flows = store.load("dl-eco").flows.set_index("flow_id")

    # 0.1 万千瓦时 = 1,000 kWh = 1 MWh; 12.5 t/d for 7,200 h/a = 12.5 * 300 d = 3,750 t/a.
    assert flows.loc["f1", "quantity"] == pytest.approx(1.0, rel=1e-12)
    assert flows.loc["f2", "quantity"] == pytest.approx(3750.0, rel=1e-12)
    assert flows.loc["f4", "quantity"] == pytest.approx(123456.789123456789, rel=1e-12)


def test_round_trip_hub_site_by_hand(store: Store, rich_zone: Zone) -> None:
    store.save(rich_zone)

    hubs = store.load("dl-eco").hub_sites
    hub = hubs.iloc[0]

    # 5 万吨/年 = 50,000 t/a; 0.8 万吨/年 = 8,000 t/a; 120 万元/a = 1,200,000 元/a.
    assert hub["site_id"] == "s1"
    assert hub["capacity_t"] == pytest.approx(50_000.0, rel=1e-12)
    assert hub["min_quantity_t"] == pytest.approx(8_000.0, rel=1e-12)
    assert hub["fixed_cost_per_year"] == pytest.approx(1_200_000.0, rel=1e-12)
    assert hub["unit_cost_per_t"] == pytest.approx(18.0, rel=1e-12)
    assert hubs["assumed"].tolist() == [True]
    assert hub["note"] == "副产品集散场，成本为假设值"


def test_round_trip_recovery_facility_by_hand(store: Store, rich_zone: Zone) -> None:
    store.save(rich_zone)

    loaded = store.load("dl-eco")
    facility = loaded.recovery_facilities.iloc[0]
    output = loaded.recovery_yields.iloc[0]

    # 150 万吨 a year = 1,500,000 t/a; a blank residue cost is 0; 0.08 万元/t = 800 元/t.
    assert facility["accepts"] == "200301;municipal_solid_waste"
    assert facility["capacity_t"] == pytest.approx(1_500_000.0, rel=1e-12)
    assert facility["cost_per_t"] == 60.0
    assert facility["residue_cost_per_t"] == 0.0
    assert math.isnan(facility["residue_cost"])
    assert output["code"] == "191202"
    assert output["price_per_t"] == pytest.approx(800.0, rel=1e-12)
    assert loaded.recovery_yields["assumed"].tolist() == [False]
    assert output["note"] == "废钢"


def test_round_trip_keeps_row_order(store: Store, make_zone: Any) -> None:
    names = ["z", "a", "m", "b"]
    zone = make_zone(
        nodes=[{"node_id": name, "name": name.upper(), "kind": "process"} for name in names]
        + [
            {"node_id": "import", "name": "In", "kind": "import"},
            {"node_id": "plant", "name": "P", "kind": "process"},
            {"node_id": "landfill", "name": "L", "kind": "landfill"},
        ]
    )
    store.save(zone)

    loaded = store.load("tiny")

    assert loaded.nodes["node_id"].tolist() == [*names, "import", "plant", "landfill"]


def test_save_replaces_stored_zone(store: Store, make_zone: Any) -> None:
    store.save(make_zone())
    smaller = make_zone(
        flows=[
            {
                "flow_id": "only",
                "from_node": "import",
                "to_node": "plant",
                "resource_id": "coal",
                "year": 2021,
                "amount": 5,
                "unit": "MWh",
            }
        ]
    )

    store.save(smaller)

    assert store.list() == [("tiny", "Tiny zone", 1)]
    assert store.load("tiny").flows["flow_id"].tolist() == ["only"]


def test_list_counts_flows(store: Store, rich_zone: Zone, make_zone: Any) -> None:
    store.save(rich_zone)
    store.save(make_zone())

    assert store.list() == [("dl-eco", "Dalian eco-park", 4), ("tiny", "Tiny zone", 2)]


def test_failed_save_keeps_old_zone(store: Store, make_zone: Any) -> None:
    old = make_zone()
    store.save(old)
    broken = make_zone(
        flows=[
            {
                "flow_id": f"f{i}",
                "from_node": "import",
                "to_node": "plant",
                "resource_id": "coal",
                "year": 2020,
                "amount": i,
                "unit": "MWh",
            }
            for i in range(50)
        ]
    )
    # A duplicate flow_id set after validation makes the database reject the last flows row.
    # By then the zone, nodes, resources and 49 flows are already inserted.
    broken.tables["flows"].loc[49, "flow_id"] = "f0"

    with pytest.raises(StoreError, match="nothing of it was stored"):
        store.save(broken)

    assert store.list() == [("tiny", "Tiny zone", 2)]
    assert_same_zone(store.load("tiny"), old)


def test_failed_first_save_stores_nothing(store: Store, make_zone: Any) -> None:
    broken = make_zone()
    broken.tables["flows"].loc[1, "resource_id"] = None  # a required column

    with pytest.raises(StoreError, match="'tiny'"):
        store.save(broken)

    assert store.list() == []
    with store.engine.connect() as connection:
        for table in TABLES.values():
            assert connection.execute(sa.select(sa.func.count()).select_from(table)).scalar() == 0


def test_delete_removes_every_row(store: Store, rich_zone: Zone, make_zone: Any) -> None:
    store.save(rich_zone)
    store.save(make_zone())

    store.delete("dl-eco")

    assert store.list() == [("tiny", "Tiny zone", 2)]
    with store.engine.connect() as connection:
        for name, table in TABLES.items():
            query = sa.select(sa.func.count()).select_from(table).where(table.c.zone_id == "dl-eco")
            assert connection.execute(query).scalar() == 0, name


def test_load_unknown_zone_names_stored_ones(store: Store, make_zone: Any) -> None:
    store.save(make_zone())

    with pytest.raises(StoreError, match=r"'nowhere' is not stored .*stored zones: tiny"):
        store.load("nowhere")


def test_delete_unknown_zone_raises(store: Store) -> None:
    with pytest.raises(StoreError, match="'nowhere' is not stored"):
        store.delete("nowhere")


def test_save_100000_flows_loses_none(store: Store, make_zone: Any) -> None:
    count = 100_000
    flows = pd.DataFrame(
        {
            "flow_id": [f"f{i:06d}" for i in range(count)],
            "from_node": "import",
            "to_node": "plant",
            "resource_id": "coal",
            "year": 2020,
            "amount": np.arange(count, dtype=float) / 7,
            "unit": "MWh",
            "source": "测量",
        }
    )
    zone = Zone.from_tables(minimal_tables() | {"flows": flows})

    store.save(zone)

    assert store.list() == [("tiny", "Tiny zone", count)]
    loaded = store.load("tiny").flows
    assert loaded["flow_id"].tolist() == flows["flow_id"].tolist()
    assert np.array_equal(loaded["amount"].to_numpy(), flows["amount"].to_numpy())


def test_reopen_keeps_zones(store: Store, make_zone: Any) -> None:
    store.save(make_zone())

    with Store(store.url) as again:
        assert again.list() == [("tiny", "Tiny zone", 2)]


def test_default_database_in_ecoplan_home(store_home: Path, make_zone: Any) -> None:
    with Store() as store:
        store.save(make_zone())

    assert (store_home / "ecoplan.sqlite").is_file()
    assert default_url() == f"sqlite:///{(store_home / 'ecoplan.sqlite').resolve()}"


def test_default_database_without_ecoplan_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ECOPLAN_HOME")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))

    expected = tmp_path / ".local" / "share" / "ecoplan" / "ecoplan.sqlite"
    assert default_url() == f"sqlite:///{expected}"


def test_url_variable_overrides_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store_home: Path
) -> None:
    database = tmp_path / "elsewhere" / "zones.sqlite"
    monkeypatch.setenv("ECOPLAN_DATABASE_URL", f"sqlite:///{database}")

    with Store() as store:
        assert store.url == f"sqlite:///{database}"

    assert database.is_file()
    assert not store_home.exists()


def test_hide_password_in_url() -> None:
    shown = hide_password("postgresql+psycopg://ecoplan:s3cret@127.0.0.1:5432/ecoplan")

    assert shown == "postgresql+psycopg://ecoplan:***@127.0.0.1:5432/ecoplan"


@pytest.mark.postgres
def test_postgres_display_url_hides_password(postgres_schema_url: str) -> None:
    with Store(postgres_schema_url) as store:
        password = sa.make_url(postgres_schema_url).password
        assert password
        assert str(password) not in store.display_url
        assert "***" in store.display_url


def test_invalid_url_raises_store_error() -> None:
    with pytest.raises(StoreError, match="Invalid database URL 'not a url'"):
        Store("not a url")


def test_unreachable_server_raises_store_error() -> None:
    # Port 9 (discard) on the loopback address has no PostgreSQL server.
    url = "postgresql+psycopg://ecoplan:pw@127.0.0.1:9/ecoplan?connect_timeout=2"

    with pytest.raises(StoreError, match=r"Cannot open the database .*:\*\*\*@127\.0\.0\.1:9"):
        Store(url)


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """Run the ``ecoplan`` command in a fresh process with ``ECOPLAN_HOME`` set to ``home``."""
    environment = {**os.environ, "ECOPLAN_HOME": str(home), "ECOPLAN_LANG": "en"}
    environment.pop("ECOPLAN_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "ecoplan.cli", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_import_info_export(tmp_path: Path, store_home: Path) -> None:
    from ecoplan.io import read_zone, write_zone

    workbook = write_zone(Zone.from_tables(rich_tables()), tmp_path / "dalian.xlsx")
    imported = read_zone(workbook)

    stored = run_cli("import", str(workbook), home=store_home)
    info = run_cli("info", home=store_home)
    exported = run_cli("export", "dl-eco", str(tmp_path / "out.json"), home=store_home)

    assert stored.returncode == 0, stored.stderr
    assert "Stored zone dl-eco (4 flows)" in stored.stdout
    assert info.returncode == 0, info.stderr
    assert f"Database: sqlite:///{(store_home / 'ecoplan.sqlite').resolve()}" in info.stdout
    assert "dl-eco\tDalian eco-park\t4 flows" in info.stdout
    assert exported.returncode == 0, exported.stderr
    assert_same_zone(read_zone(tmp_path / "out.json"), imported)


def test_cli_export_unknown_zone_fails(tmp_path: Path, store_home: Path) -> None:
    result = run_cli("export", "nowhere", str(tmp_path / "out.json"), home=store_home)

    assert result.returncode == 1
    assert "'nowhere' is not stored" in result.stderr
    assert not (tmp_path / "out.json").exists()


def test_not_found_message_in_chinese(store: Store) -> None:
    with (
        use_locale("zh_CN"),
        pytest.raises(StoreError, match=r"中没有区域 'nowhere'（已保存的区域：无）"),
    ):
        store.load("nowhere")

"""The store's migrations create exactly the tables that ``ecoplan.store.tables`` describes."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from ecoplan.model import schema
from ecoplan.store import Store
from ecoplan.store.migrate import VERSION_TABLE, alembic_config, current_revision, head_revision
from ecoplan.store.tables import TABLES, metadata


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def migrated(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Return a store just created by the migrations, on SQLite, then on PostgreSQL."""
    if request.param == "sqlite":
        with Store(f"sqlite:///{tmp_path / 'schema.sqlite'}") as store:
            yield store
        return
    postgres_url = request.getfixturevalue("postgres_url")
    name = f"test_schema_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(postgres_url)
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{name}"'))
    url = sa.make_url(postgres_url).update_query_dict({"options": f"-csearch_path={name}"})
    with Store(url.render_as_string(hide_password=False)) as store:
        yield store
    with admin.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA "{name}" CASCADE'))
    admin.dispose()


def test_migrations_match_metadata(migrated: Store) -> None:
    with migrated.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "version_table": VERSION_TABLE}
        )
        differences = compare_metadata(context, metadata)

    assert differences == [], (
        "The migrations and ecoplan.store.tables differ (schema.csv changed?): write a new "
        f"migration in src/ecoplan/store/migrations/versions. Differences: {differences}"
    )


def test_migrations_reach_head(migrated: Store) -> None:
    with migrated.engine.connect() as connection:
        assert current_revision(connection) == head_revision() == "0004"


def test_migrations_create_foreign_keys_with_cascade(migrated: Store) -> None:
    inspector = sa.inspect(migrated.engine)

    for name in schema.TABLES[1:]:
        keys = inspector.get_foreign_keys(TABLES[name].name)
        assert len(keys) == 1, name
        assert keys[0]["referred_table"] == "zones", name
        assert keys[0]["constrained_columns"] == ["zone_id"], name
        assert keys[0]["options"].get("ondelete") == "CASCADE", name


def test_tables_have_schema_columns() -> None:
    flows = TABLES["flows"]

    assert flows.name == "zone_flows"
    assert [column.name for column in flows.columns][:4] == [
        "zone_id",
        "position",
        "flow_id",
        "from_node",
    ]
    assert isinstance(flows.c.amount.type, sa.Double)
    assert isinstance(flows.c.year.type, sa.Integer)
    assert isinstance(flows.c.assumed.type, sa.Boolean)
    assert isinstance(TABLES["organisations"].c.industry_code.type, sa.Text)
    assert "quantity" not in flows.c
    assert [key.name for key in flows.primary_key.columns] == ["zone_id", "position"]


def test_reopening_migrated_database_keeps_revision(migrated: Store) -> None:
    with Store(migrated.url) as again, again.engine.connect() as connection:
        assert current_revision(connection) == head_revision()


def test_upgrade_from_first_revision_keeps_zones(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        config = alembic_config(connection)
        command.upgrade(config, "0001")
        connection.execute(
            sa.text(
                "INSERT INTO zones (zone_id, name, base_year, currency) "
                "VALUES ('old', 'Old zone', 2010, 'CNY')"
            )
        )
    engine.dispose()

    with Store(url) as store, store.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        assert [row[0] for row in store.list()] == ["old"]
        assert "zone_compatibility" in sa.inspect(store.engine).get_table_names()


def test_upgrade_from_0003_adds_hub_sites(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'before_hubs.sqlite'}"
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0003")
        connection.execute(
            sa.text(
                "INSERT INTO zones (zone_id, name, base_year, currency) "
                "VALUES ('old', 'Old zone', 2010, 'CNY')"
            )
        )
        assert "zone_hub_sites" not in sa.inspect(connection).get_table_names()
    engine.dispose()

    with Store(url) as store, store.engine.connect() as connection:
        assert current_revision(connection) == "0004"
        assert [row[0] for row in store.list()] == ["old"]
        columns = [
            column["name"] for column in sa.inspect(connection).get_columns("zone_hub_sites")
        ]
        assert columns == ["zone_id", "position", *schema.column_names("hub_sites")]


def test_upgrade_from_0003_adds_recovery_tables(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'before_recovery.sqlite'}"
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0003")
        assert "zone_recovery_facilities" not in sa.inspect(connection).get_table_names()
    engine.dispose()

    with Store(url) as store, store.engine.connect() as connection:
        inspector = sa.inspect(connection)
        for table in ("recovery_facilities", "recovery_yields"):
            columns = [column["name"] for column in inspector.get_columns(f"zone_{table}")]
            assert columns == ["zone_id", "position", *schema.column_names(table)], table
        unique = inspector.get_unique_constraints("zone_recovery_facilities")
        assert [constraint["column_names"] for constraint in unique] == [["zone_id", "facility_id"]]


def test_downgrade_to_0003_drops_hub_sites(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'downgrade.sqlite'}"
    Store(url).close()
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0003")
        assert current_revision(connection) == "0003"
        names = sa.inspect(connection).get_table_names()
        assert "zone_hub_sites" not in names
        assert "zone_recovery_facilities" not in names
        assert "zone_recovery_yields" not in names
        assert "zone_heat_streams" in names
    engine.dispose()

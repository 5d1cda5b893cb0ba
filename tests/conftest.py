"""Shared fixtures: small zones, the PostgreSQL server, headless Chromium."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pandas as pd
import pytest
import sqlalchemy as sa

from ecoplan import Zone
from ecoplan.i18n import set_locale

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def english_locale() -> Iterator[None]:
    """Run every test in English unless it switches locale itself."""
    set_locale("en")
    yield
    set_locale(None)


def minimal_tables(**tables: list[dict[str, Any]]) -> dict[str, pd.DataFrame]:
    """Return the tables of a tiny valid zone, with any table replaced by ``tables``."""
    base: dict[str, list[dict[str, Any]]] = {
        "zone": [{"zone_id": "tiny", "name": "Tiny zone", "base_year": 2020, "currency": "CNY"}],
        "nodes": [
            {"node_id": "import", "name": "Imports", "kind": "import"},
            {"node_id": "plant", "name": "Plant", "kind": "process"},
            {"node_id": "landfill", "name": "Landfill", "kind": "landfill"},
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
                "resource_id": "ash",
                "name": "Fly ash",
                "type": "materials",
                "dimension": "mass",
                "taxonomy": "EWC",
                "code": "100102",
                "category": "fly_ash",
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
        ],
    }
    base.update(tables)
    return {name: pd.DataFrame(rows) for name, rows in base.items()}


@pytest.fixture
def make_zone() -> Callable[..., Zone]:
    """Build a validated zone from row dicts; unnamed tables come from the tiny zone."""

    def build(**tables: list[dict[str, Any]]) -> Zone:
        return Zone.from_tables(minimal_tables(**tables), source="test")

    return build


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """Return the URL of the PostgreSQL server started by ``.ci/run`` (or by hand).

    Set ``ECOPLAN_TEST_POSTGRES_URL``, e.g. ``postgresql+psycopg://ecoplan@127.0.0.1:5432/ecoplan``.
    """
    url = os.environ.get("ECOPLAN_TEST_POSTGRES_URL")
    if not url:
        pytest.fail(
            "ECOPLAN_TEST_POSTGRES_URL is not set: start PostgreSQL with "
            "scripts/start-postgres.sh (it prints the URL), or run .ci/run."
        )
    return url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Return a headless Chromium browser driven by Playwright."""
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium).")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def postgres_schema_url(postgres_url: str) -> Iterator[str]:
    """Return a URL whose tables live in a new PostgreSQL schema, dropped after the test."""
    name = f"test_store_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(postgres_url)
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{name}"'))
    url = sa.make_url(postgres_url).update_query_dict({"options": f"-csearch_path={name}"})
    yield url.render_as_string(hide_password=False)
    with admin.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA "{name}" CASCADE'))
    admin.dispose()

"""A zone planned from the store gives the same results as planned from its workbook."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ecoplan import examples
from ecoplan.cli import main

VOLATILE = {"written_at", "zone"}
"""Sections that name when and from where the plan was made, not what it found."""


def plan_results(arguments: list[str], out: Path) -> dict[str, Any]:
    assert main(["plan", *arguments, "--out", str(out)]) == 0
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return {key: value for key, value in results.items() if key not in VOLATILE}


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_store_plan_equals_workbook_plan(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ECOPLAN_HOME", str(tmp_path / "home"))
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_schema_url")
    workbook = examples.example_path("dalian")

    assert main(["import", str(workbook), "--db", url]) == 0
    from_store = plan_results(["store:dalian-ddz", "--db", url], tmp_path / "store")
    from_workbook = plan_results([str(workbook)], tmp_path / "workbook")

    assert from_store.keys() == from_workbook.keys()
    for section in from_workbook:
        assert from_store[section] == from_workbook[section], section

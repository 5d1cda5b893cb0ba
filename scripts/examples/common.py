"""Paths and row helpers shared by the example builders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ecoplan.energy.sources import real_data_folder

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "src" / "ecoplan" / "examples"
DATA = real_data_folder()

Rows = list[dict[str, Any]]


def _org(org_id: str, name: str, name_zh: str, kind: str, **extra: Any) -> dict[str, Any]:
    return {"org_id": org_id, "name": name, "name_zh": name_zh, "kind": kind, **extra}


def _node(node_id: str, name: str, name_zh: str, kind: str, **extra: Any) -> dict[str, Any]:
    return {"node_id": node_id, "name": name, "name_zh": name_zh, "kind": kind, **extra}


def _res(
    resource_id: str, name: str, name_zh: str, kind: str, dimension: str, **extra: Any
) -> dict[str, Any]:
    return {
        "resource_id": resource_id,
        "name": name,
        "name_zh": name_zh,
        "type": kind,
        "dimension": dimension,
        **extra,
    }

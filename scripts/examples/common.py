"""Paths and row helpers shared by the example builders."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "src" / "ecoplan" / "examples"
DATA = Path(os.environ.get("ECOPLAN_SHARED", REPO.parent / "shared")) / "data" / "real"

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

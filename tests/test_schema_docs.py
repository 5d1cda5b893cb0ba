"""The schema pages in docs/ match schema.csv."""

from __future__ import annotations

import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_schema_docs_up_to_date() -> None:
    builder = runpy.run_path(str(ROOT / "scripts" / "build_schema_docs.py"))
    for language, name in (("en", "schema.md"), ("zh", "schema.zh-CN.md")):
        written = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert written == builder["render"](language), f"run scripts/build_schema_docs.py ({name})"

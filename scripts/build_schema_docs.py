"""Write docs/schema.md and docs/schema.zh-CN.md from the zone schema (schema.csv, vocab.py)."""

from __future__ import annotations

from pathlib import Path

from ecoplan.model import schema
from ecoplan.model.vocab import VOCABULARIES

DOCS = Path(__file__).resolve().parents[1] / "docs"

TEXT = {
    "en": {
        "title": "# Zone schema",
        "intro": (
            "A zone is one workbook (or a folder of CSV files, or a JSON file) with one "
            "sheet per table below. Headings may be the column name, its Chinese heading, "
            "or both as the template writes them. Generated from "
            "`src/ecoplan/model/schema.csv`; do not edit by hand."
        ),
        "head": "| column | 中文 | type | required | description |",
        "yes": "yes",
        "vocab": "## Vocabularies",
        "vocab_head": "| id | English | 中文 |",
    },
    "zh": {
        "title": "# 区域数据结构",
        "intro": (
            "一个区域即一个工作簿（或一个 CSV 文件夹、一个 JSON 文件），下列每张表对应一个工作表。"
            "表头可以是列名、中文表头，或模板中的中英双语表头。本页由 "
            "`src/ecoplan/model/schema.csv` 生成，请勿手工修改。"
        ),
        "head": "| 列名 | 中文表头 | 类型 | 必填 | 说明 |",
        "yes": "是",
        "vocab": "## 词表",
        "vocab_head": "| 编号 | English | 中文 |",
    },
}


def render(language: str) -> str:
    """Return the schema page in ``language`` (``en`` or ``zh``)."""
    text = TEXT[language]
    lines = [text["title"], "", text["intro"], ""]
    for table in schema.TABLES:
        english, chinese = schema.TABLE_LABELS[table]
        lines += [
            f"## {table} ({english if language == 'en' else chinese})",
            "",
            text["head"],
            "|---|---|---|---|---|",
        ]
        for column in schema.columns(table):
            description = column.description_en if language == "en" else column.description_zh
            required = text["yes"] if column.required else ""
            lines.append(
                f"| `{column.name}` | {column.header_zh} | {column.type} | {required} "
                f"| {description} |"
            )
        lines.append("")
    lines += [text["vocab"], ""]
    for name, entries in VOCABULARIES.items():
        lines += [f"### {name}", "", text["vocab_head"], "|---|---|---|"]
        lines += [f"| `{key}` | {en} | {zh} |" for key, (en, zh) in entries.items()]
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    DOCS.mkdir(exist_ok=True)
    (DOCS / "schema.md").write_text(render("en"), encoding="utf-8")
    (DOCS / "schema.zh-CN.md").write_text(render("zh"), encoding="utf-8")

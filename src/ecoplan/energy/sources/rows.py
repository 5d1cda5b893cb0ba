"""One row of the shipped technology data table, as the table builders write it."""

from __future__ import annotations

from typing import Any


def table_row(
    tech: str,
    parameter: str,
    value: float,
    unit: str,
    kind: str,
    source: str,
    key: str = "",
    year: int | None = None,
) -> dict[str, Any]:
    """Return a row of ``technology_data.csv``; ``year`` None means every year."""
    return {
        "technology": tech,
        "parameter": parameter,
        "year": year or "",
        "value": value,
        "unit": unit,
        "kind": kind,
        "source": source,
        "source_key": key,
    }

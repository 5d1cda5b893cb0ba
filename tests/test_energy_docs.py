"""The Dalian energy figures quoted in the docs and READMEs are those the program computes.

Each quoted figure must equal the computed value rounded to the digits it is printed with,
so a change to the technology data or the example that moves a figure fails here until the
docs are updated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from ecoplan.energy import energy_summary
from ecoplan.examples import example_path
from ecoplan.io import read_zone

ROOT = Path(__file__).resolve().parents[1]
ENERGY_DOCS = ("docs/energy.md", "docs/energy.zh-CN.md")
SCENARIOS = ("coal_as_usual", "diversified")


@pytest.fixture(scope="module")
def summary() -> dict[str, pd.DataFrame]:
    return energy_summary(read_zone(example_path("dalian")))


def matches_rounded(quoted: str, value: float, scale: float = 1.0) -> bool:
    """Return whether ``quoted`` (printed with thousands commas) is ``value / scale`` rounded."""
    text = quoted.replace(",", "")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return abs(float(text) - value / scale) <= 0.5 * 10**-decimals + 1e-12


def emission(summary: dict[str, pd.DataFrame], scenario: str, year: int, pollutant: str) -> float:
    rows = summary["emissions"]
    chosen = (
        (rows["scenario"] == scenario) & (rows["year"] == year) & (rows["pollutant"] == pollutant)
    )
    return float(rows.loc[chosen, "emission"].iloc[0])


def withdrawal(summary: dict[str, pd.DataFrame], scenario: str, year: int) -> float:
    rows = summary["water"]
    chosen = (rows["scenario"] == scenario) & (rows["year"] == year)
    return float(rows.loc[chosen, "withdrawal"].iloc[0])


@pytest.mark.parametrize("path", ENERGY_DOCS)
def test_dalian_table_matches_program(path: str, summary: dict[str, pd.DataFrame]) -> None:
    text = (ROOT / path).read_text(encoding="utf-8")
    cost = summary["cost"]
    for scenario in SCENARIOS:
        row = re.search(rf"^\| {scenario} \| (.+) \|$", text, flags=re.MULTILINE)
        assert row is not None, scenario
        private, external, full, co2, so2, water = (cell.strip() for cell in row[1].split("|"))
        expected = {
            "private cost": (private, cost.loc[scenario, "private_cost"], 1e9),
            "external cost": (external, cost.loc[scenario, "external_cost"], 1e9),
            "full cost": (full, cost.loc[scenario, "full_cost"], 1e9),
            "CO2 2050": (co2, emission(summary, scenario, 2050, "co2"), 1e6),
            "SO2 2050": (so2, emission(summary, scenario, 2050, "so2"), 1.0),
            "water 2050": (water, withdrawal(summary, scenario, 2050), 1e6),
        }
        for name, (quoted, value, scale) in expected.items():
            assert matches_rounded(quoted, value, scale), (path, scenario, name, value / scale)


@pytest.mark.parametrize(
    ("path", "pattern"),
    [
        ("docs/energy.md", r"2003 energy CO2 is ([\d.]+) Mt"),
        ("docs/energy.zh-CN.md", r"2003 年能源 CO2 为 ([\d.]+) Mt"),
    ],
)
def test_dalian_base_year_co2_quoted(
    path: str, pattern: str, summary: dict[str, pd.DataFrame]
) -> None:
    found = re.search(pattern, (ROOT / path).read_text(encoding="utf-8"))
    assert found is not None
    assert matches_rounded(found[1], emission(summary, "diversified", 2003, "co2"), 1e6)


def test_readme_water_figures(summary: dict[str, pd.DataFrame]) -> None:
    english = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(
        r"withdraws\s+([\d.]+)\s+million\s+m³\s+of\s+water\s+in\s+2003,\s+and\s+([\d.]+)\s+"
        r"million\s+m³\s+a\s+year\s+by\s+2050\s+in\s+scenario\s+coal_as_usual\s+against\s+"
        r"([\d.]+)\s+million\s+m³\s+in\s+diversified",
        english,
    )
    assert found is not None
    assert matches_rounded(found[1], withdrawal(summary, "diversified", 2003), 1e6)
    assert matches_rounded(found[2], withdrawal(summary, "coal_as_usual", 2050), 1e6)
    assert matches_rounded(found[3], withdrawal(summary, "diversified", 2050), 1e6)

    chinese = (ROOT / "README.zh-CN.md").read_text(encoding="utf-8")
    found = re.search(
        r"2003 年取水 ([\d,]+) 万 m³，到 2050 年 coal_as_usual 情景每年取水 ([\d,]+) 万 m³，"
        r"diversified 情景为 ([\d,]+) 万 m³",
        chinese,
    )
    assert found is not None
    assert matches_rounded(found[1], withdrawal(summary, "diversified", 2003), 1e4)
    assert matches_rounded(found[2], withdrawal(summary, "coal_as_usual", 2050), 1e4)
    assert matches_rounded(found[3], withdrawal(summary, "diversified", 2050), 1e4)

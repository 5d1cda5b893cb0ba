"""OSeMOSYS export read back with otoole (its CSV folder format and a data file)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from otoole.convert import convert, read

from ecoplan.energy.osemosys import CAPACITY_TO_ACTIVITY, PJ_PER_MWH, write_osemosys
from ecoplan.energy.worksheet import compute_worksheet

# otoole 1.1.5 calls a pandas method with inplace=True, which pandas 3 deprecates; the
# warning comes from otoole (input.py, _check_index_dtypes), not from ecoplan.
pytestmark = pytest.mark.filterwarnings("ignore::pandas.errors.Pandas4Warning")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    rows = [
        ("a", "pc_coal_scrubbed", 2020, 70),
        ("a", "wind", 2020, 30),
        ("a", "pc_coal_scrubbed", 2030, 40),
        ("a", "wind", 2030, 60),
    ]
    portfolio = pd.DataFrame(rows, columns=["scenario", "technology", "year", "share"])
    whole = pd.Series(np.linspace(1e6, 1.5e6, 11), index=range(2020, 2031))
    result = compute_worksheet(portfolio, "a", whole)
    return write_osemosys(result, tmp_path / "osemosys", region="DDZ")


def test_otoole_reads_the_folder(folder: Path) -> None:
    data, defaults = read(str(folder / "config.yaml"), "csv", str(folder))
    for name in ("REGION", "TECHNOLOGY", "FUEL", "YEAR", "MODE_OF_OPERATION", "TIMESLICE"):
        assert (folder / f"{name}.csv").exists()
    assert sorted(data["TECHNOLOGY"]["VALUE"]) == ["pc_coal_scrubbed", "wind"]
    assert list(data["YEAR"]["VALUE"]) == list(range(2020, 2031))
    capital = data["CapitalCost"].loc[("DDZ", "wind", 2020), "VALUE"]
    assert capital == pytest.approx(1462.0)  # ATB 2020 wind, USD/kW = M USD/GW
    demand = data["AccumulatedAnnualDemand"].loc[("DDZ", "ELC", 2030), "VALUE"]
    assert demand == pytest.approx(1.5e6 * PJ_PER_MWH)  # 5.4 PJ
    unit = data["CapacityToActivityUnit"].loc[("DDZ", "wind"), "VALUE"]
    assert unit == pytest.approx(CAPACITY_TO_ACTIVITY)
    assert defaults["TotalTechnologyAnnualActivityUpperLimit"] == -1


def test_activity_limits_are_the_worksheet_supply(folder: Path) -> None:
    """Wind in 2030: 60 % of 1.5 TWh = 0.9 TWh = 3.24 PJ."""
    data, _defaults = read(str(folder / "config.yaml"), "csv", str(folder))
    limit = data["TotalTechnologyAnnualActivityLowerLimit"].loc[("DDZ", "wind", 2030), "VALUE"]
    assert limit == pytest.approx(3.24)


def test_otoole_writes_a_data_file(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "model.txt"
    convert(str(folder / "config.yaml"), "csv", "datafile", str(folder), str(target))
    text = target.read_text()
    assert "param default 0 : CapitalCost :=" in text
    assert "DDZ wind 2020 1462" in text

"""The Dalian example's base year held against the CEADs CO2 inventories (real data).

CEADs (Shan et al. 2022, Sci. Bull. 67:1910; provinces: Shan et al. 2018, Sci. Data
5:170201) gives 29.81 Mt CO2 for the whole of Dalian municipality in 2003 and 236.75 Mt for
Liaoning. The development zone is one part of the city; its energy CO2 in the example's base
year must lie between 3 % and 20 % of the city's total (the zone had about a quarter of the
city's GDP, and the city's total includes its heavy industry and its other power plants).
"""

from __future__ import annotations

import pandas as pd
import pytest

from ecoplan.energy import energy_summary
from ecoplan.energy.sources import source_file
from ecoplan.examples import example_path
from ecoplan.io import read_zone

SHARE_RANGE = (0.03, 0.20)
"""Accepted share of the zone's energy CO2 in Dalian's city total [1]."""


def _ceads() -> tuple[float, float]:
    cities = pd.read_csv(source_file("ceads-china-co2", "ceads_cities_co2_1997_2019.csv"))
    dalian = cities[(cities["city"] == "辽宁大连") & (cities["year"] == 2003)]["mt_co2"]
    provinces = pd.read_csv(
        source_file("ceads-china-co2", "ceads_liaoning_sector_fuel_1997_2019.csv")
    )
    keep = (provinces["year"] == 2003) & (provinces["sector"] == "TotalEmissions")
    liaoning = provinces[keep & (provinces["fuel_or_total"] == "Scope_1_Total")]["mt_co2"]
    return float(dalian.iloc[0]), float(liaoning.iloc[0])


def test_ceads_figures_read_from_the_csv() -> None:
    dalian, liaoning = _ceads()
    assert dalian == pytest.approx(29.807, abs=1e-3)
    assert liaoning == pytest.approx(236.750, abs=1e-3)
    assert dalian / liaoning == pytest.approx(0.1259, abs=1e-3)


def test_example_base_year_co2_is_a_plausible_share_of_dalian() -> None:
    zone = read_zone(example_path("dalian"))
    emissions = energy_summary(zone)["emissions"]
    base = emissions[(emissions["year"] == zone.base_year) & (emissions["pollutant"] == "co2")]
    zone_mt = base.groupby("scenario")["emission"].first() / 1e6
    dalian, _liaoning = _ceads()
    share = zone_mt / dalian
    assert ((share > SHARE_RANGE[0]) & (share < SHARE_RANGE[1])).all(), share
    assert zone_mt.iloc[0] == pytest.approx(2.50, abs=0.01)  # 2.80 TWh x 0.8928 t/MWh

"""Stocks, economy, energy scenarios, targets and projects of the Dalian example."""

from __future__ import annotations

from typing import Any

from examples.common import Rows
from examples.dalian_sources import DALIAN_YEAR, LCEP, _report


def _dalian_stocks() -> Rows:
    return [
        {
            "stock_id": "ash_pond",
            "node_id": "landfill",
            "resource_id": "fly_ash",
            "year": DALIAN_YEAR,
            "level": 200,
            "change": 18.2875,
            "unit": "万吨",
            "source": "assumed",
            "note": "Assumed: level of the ash pond about ten years of disposal; the change equals "
            "flow A02 (798 t/d over 5,500 h).",
        }
    ]


def _dalian_durables() -> Rows:
    return [
        {
            "durable_id": "buildings",
            "name": "DDZ buildings (construction material)",
            "resource_id": "cd_waste",
            "driver": "inflow",
            "distribution": "normal",
            "lifetime_mean": 35,
            "lifetime_sd": 10,
            "unit": "万吨",
            "source": "assumed",
            "note": "Assumed: construction material built into the zone each year since its "
            "founding (1984), growing with the zone; Chinese buildings of this period are often "
            "demolished after 30 to 40 years. Discards become construction and demolition "
            "waste.",
        }
    ]


def _dalian_durable_series() -> Rows:
    return [
        {
            "durable_id": "buildings",
            "year": year,
            "value": 10.0 * (year - 1983),
            "source": "assumed; see the note of the durable",
        }
        for year in range(1985, DALIAN_YEAR + 1)
    ]


def _dalian_economy() -> Rows:
    basis = (
        "assumed order of magnitude for a national development zone of this size in 2003; "
        "replace with the zone's statistics yearbook"
    )
    return [
        {
            "year": DALIAN_YEAR,
            "variable": "gdp",
            "value": 400,
            "unit": "亿元",
            "assumed": True,
            "note": basis,
        },
        {
            "year": DALIAN_YEAR,
            "variable": "industrial_value_added",
            "value": 260,
            "unit": "亿元",
            "assumed": True,
            "note": basis,
        },
        {
            "year": DALIAN_YEAR,
            "variable": "population",
            "value": 300_000,
            "unit": "1",
            "assumed": True,
            "note": basis,
        },
    ]


def _dalian_energy_demand() -> Rows:
    """Demand rows that reproduce the example's 2003 energy flows (E02-E06)."""
    common = {"base_year": DALIAN_YEAR, "intensity_change": 0.0, "source": "assumed"}
    growth = {
        "growth": 0.26,
        "growth_kind": "period",
        "growth_period": 10,
        "note": "the report's 26 % GDP growth read as 'over the next ten years' (it also says "
        "'per annum'; 26 %/a over ten years would be a factor 10.09, not 1.26); intensity "
        "from flows E02+E05 over the assumed 260 亿元 industrial value added",
    }
    people = {
        "growth": 0.02,
        "growth_kind": "annual",
        "note": "assumed 2 %/a population growth; intensity from flows E03 and E06 over the "
        "assumed 300,000 residents",
    }
    return [
        {
            "sector": "industry",
            "carrier": "electricity",
            "driver": "value_added",
            "base_value": 260,
            "driver_unit": "亿元",
            "intensity": 2_500_000 / 260,
            **growth,
            **common,
        },
        {
            "sector": "households",
            "carrier": "electricity",
            "driver": "population",
            "base_value": 300_000,
            "driver_unit": "1",
            "intensity": 1.0,
            **people,
            **common,
        },
        {
            "sector": "households",
            "carrier": "heat",
            "driver": "population",
            "base_value": 300_000,
            "driver_unit": "1",
            "intensity": 0.2,
            **people,
            **common,
        },
    ]


_PORTFOLIO_YEARS = (DALIAN_YEAR, 2010, 2015, 2020, 2030, 2040, 2050)
_DIVERSIFIED = {
    "pc_coal_unscrubbed": (97.9, 60, 30, 10, 0, 0, 0),
    "pc_coal_scrubbed": (0, 25, 35, 35, 25, 15, 5),
    "igcc": (0, 0, 2, 5, 8, 8, 5),
    "cfb_coal": (0, 5, 8, 8, 7, 5, 3),
    "msw_landfill_gas": (0, 1, 2, 3, 4, 4, 4),
    "biomass": (0, 1, 3, 5, 7, 8, 8),
    "hydrogen_fuel_cell": (0, 0, 0, 1, 3, 5, 7),
    "solar": (2.1, 2.5, 4, 8, 12, 16, 20),
    "geothermal": (0, 0, 0, 1, 2, 3, 3),
    "ocean": (0, 0, 0, 0, 1, 2, 3),
    "wind": (0, 2, 6, 10, 14, 17, 20),
    "hydro": (0, 0, 0, 0, 0, 0, 0),
    "efficiency": (0, 3.5, 10, 14, 17, 17, 22),
}
_COAL_AS_USUAL = {
    "pc_coal_unscrubbed": (97.9, 90, 80, 70, 60, 55, 50),
    "pc_coal_scrubbed": (0, 7.9, 17.9, 27.9, 37.9, 42.9, 47.9),
    "solar": (2.1, 2.1, 2.1, 2.1, 2.1, 2.1, 2.1),
}


def _dalian_portfolio() -> Rows:
    """The report's scenario worksheet filled with two assumed scenarios."""
    present = (
        "present (2003): the example's flows, 2.80 TWh coal power to the zone and 0.06 TWh "
        "solar heat (E02-E06) over 2.86 TWh"
    )
    basis = {
        "diversified": "assumed path toward the report's diversified energy strategy",
        "coal_as_usual": "assumed path with coal only, scrubbers added over time",
    }
    rows = []
    for scenario, table in (("diversified", _DIVERSIFIED), ("coal_as_usual", _COAL_AS_USUAL)):
        for tech, shares in table.items():
            for year, share in zip(_PORTFOLIO_YEARS, shares, strict=True):
                note = present if year == DALIAN_YEAR else basis[scenario]
                rows.append(
                    {
                        "scenario": scenario,
                        "technology": tech,
                        "year": year,
                        "share": share,
                        "assumed": True,
                        "source": _report(
                            "Alternative Energy Portfolio Standards: a scenario worksheet"
                        ),
                        "note": note,
                    }
                )
    return rows


def _target(target_id: str, indicator: str, value: float, source: str) -> dict[str, Any]:
    return {
        "target_id": target_id,
        "indicator": indicator,
        "value": value,
        "year": 2005,
        "comparison": ">=",
        "source": source,
        "note": "Target year assumed: the report says near-term without a year; 2005 is the "
        "end of the 10th Five-Year Plan.",
    }


def _dalian_targets() -> Rows:
    lcep = f"{LCEP}, cited in {_report('Supporting Achievement of the Circular Economy')}"
    plan = (
        "national 10th Five-Year Plan goal, cited in "
        f"{_report('Creating a Sustainable Diversified Energy Strategy')}"
    )
    return [
        _target("lcep_water_reuse", "industrial_water_reuse_rate", 85, lcep),
        _target("lcep_solid_waste", "solid_waste_utilisation_rate", 50, lcep),
        _target("lcep_fly_ash", "fly_ash_utilisation_rate", 55, lcep),
        _target("lcep_coal_gangue", "coal_gangue_utilisation_rate", 50, lcep),
        _target("national_renewable", "renewable_share", 5.5, plan),
    ]


def _project(
    project_id: str,
    name: str,
    name_zh: str,
    org_id: str,
    status: str,
    category: str,
    description: str,
) -> dict[str, Any]:
    return {
        "project_id": project_id,
        "name": name,
        "name_zh": name_zh,
        "org_id": org_id,
        "status": status,
        "category": category,
        "start_year": DALIAN_YEAR,
        "description": description,
        "source": _report("Learn from the Eight Action Projects for the DDZ Circular Economy"),
    }


def _dalian_projects() -> Rows:
    status = " Status assumed: the report gives only how many projects have each status."
    return [
        _project(
            "ap_paper",
            "Waste paper recovery",
            "废纸回收利用",
            "paper_recycler",
            "operating",
            "biomass",
            "Biomass stream: waste paper." + status,
        ),
        _project(
            "ap_wood",
            "Waste wood recovery",
            "废木材回收利用",
            "wood_recycler",
            "operating",
            "biomass",
            "Biomass stream: waste wood." + status,
        ),
        _project(
            "ap_water_reuse",
            "Wastewater reclamation for industry",
            "污水再生回用",
            "ddz_water",
            "operating",
            "water",
            "Water treatment and reuse." + status,
        ),
        _project(
            "ap_fly_ash",
            "Power-plant fly ash utilisation",
            "电厂粉煤灰综合利用",
            "ddz_power",
            "starting",
            "solid_waste",
            "Building products from fly ash; the power plant staff lead it." + status,
        ),
        _project(
            "ap_water_second",
            "Second water treatment and reuse project",
            "第二个水回用项目",
            "ddz_water",
            "starting",
            "water",
            "Water treatment and reuse." + status,
        ),
        _project(
            "ap_garbage",
            "Organic garbage conversion",
            "生活垃圾有机质转化",
            "ddz_sanitation",
            "planning",
            "biomass",
            "Biomass stream: garbage." + status,
        ),
        _project(
            "ap_eighth",
            "Eighth action project",
            "第八个行动项目",
            "epb",
            "planning",
            "other",
            "The report counts eight projects but describes seven." + status,
        ),
        _project(
            "ap_sludge",
            "Sewage sludge to energy",
            "污泥能源化",
            "ddz_water",
            "evaluation",
            "biomass",
            "Biomass stream: sewage sludge; digestion technologies under evaluation." + status,
        ),
    ]

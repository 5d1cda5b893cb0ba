"""Export a worked scenario in the OSeMOSYS CSV folder format that ``otoole`` reads.

The folder holds one CSV per set (REGION.csv, TECHNOLOGY.csv, ... with the column
``VALUE``) and per parameter (CapitalCost.csv, ... with the index columns and ``VALUE``),
plus ``config.yaml``, the otoole configuration of exactly those files, so that
``otoole convert csv datafile FOLDER model.txt config.yaml`` works.

Units (the usual OSeMOSYS choice): capacity GW, activity PJ, money in million units of the
zone's currency (so CapitalCost in M/GW equals currency/kW); emissions in Mt, so
EmissionsPenalty in M/Mt equals currency/t. The simplifications: one region, one fuel
(ELC), one time slice covering the year, fuel cost folded into VariableCost, and the
worksheet's supply of each technology written as both lower and upper limits of its
annual activity (remove TotalTechnologyAnnualActivity* to let OSeMOSYS optimise).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from ecoplan.energy.technologies import (
    POLLUTANTS,
    damage_cost_per_tonne,
    load_damage_costs,
    load_technologies,
)
from ecoplan.energy.worksheet import WorksheetResult

PJ_PER_MWH = 3.6e-6
"""Petajoules per megawatt-hour [PJ/MWh]."""
MWH_PER_PJ = 1 / PJ_PER_MWH
CAPACITY_TO_ACTIVITY = 31.536
"""PJ produced by 1 GW over a year [PJ/(GW a)]."""
EMISSION_UNIT_TO_T = {"co2": 1.0, "so2": 1e-3, "nox": 1e-3, "pm": 1e-3, "hg": 1e-6}

SETS = ("REGION", "TECHNOLOGY", "FUEL", "EMISSION", "MODE_OF_OPERATION", "TIMESLICE", "YEAR")
PARAMETERS = {
    "AccumulatedAnnualDemand": (["REGION", "FUEL", "YEAR"], 0),
    "CapacityFactor": (["REGION", "TECHNOLOGY", "TIMESLICE", "YEAR"], 1),
    "CapacityToActivityUnit": (["REGION", "TECHNOLOGY"], 1),
    "CapitalCost": (["REGION", "TECHNOLOGY", "YEAR"], 0),
    "DiscountRate": (["REGION"], 0.05),
    "EmissionActivityRatio": (["REGION", "TECHNOLOGY", "EMISSION", "MODE_OF_OPERATION", "YEAR"], 0),
    "EmissionsPenalty": (["REGION", "EMISSION", "YEAR"], 0),
    "FixedCost": (["REGION", "TECHNOLOGY", "YEAR"], 0),
    "OperationalLife": (["REGION", "TECHNOLOGY"], 1),
    "OutputActivityRatio": (["REGION", "TECHNOLOGY", "FUEL", "MODE_OF_OPERATION", "YEAR"], 0),
    "TotalTechnologyAnnualActivityLowerLimit": (["REGION", "TECHNOLOGY", "YEAR"], 0),
    "TotalTechnologyAnnualActivityUpperLimit": (["REGION", "TECHNOLOGY", "YEAR"], -1),
    "VariableCost": (["REGION", "TECHNOLOGY", "MODE_OF_OPERATION", "YEAR"], 0),
    "YearSplit": (["TIMESLICE", "YEAR"], 0),
}
"""Parameters written: their index sets and otoole default value."""
MAX_NAME = 31
"""Longest parameter name otoole accepts without a ``short_name`` (the Excel sheet limit)."""


def osemosys_tables(
    result: WorksheetResult,
    zone: Any | None = None,
    region: str = "ZONE",
    damage_costs: pd.DataFrame | None = None,
) -> dict[str, pd.DataFrame]:
    """Return the sets and parameters of ``result`` as otoole CSV tables."""
    years = sorted(int(y) for y in result.table["year"].unique())
    techs = sorted(result.table["technology"].unique())
    yearly = {year: load_technologies(zone, year).loc[techs] for year in years}
    damage = damage_cost_per_tonne(
        load_damage_costs() if damage_costs is None else damage_costs, result.currency
    )
    emissions = [p.upper() for p in POLLUTANTS]
    tables: dict[str, pd.DataFrame] = {
        "REGION": _set([region]),
        "TECHNOLOGY": _set(techs),
        "FUEL": _set(["ELC"]),
        "EMISSION": _set(emissions),
        "MODE_OF_OPERATION": _set([1]),
        "TIMESLICE": _set(["ALLYEAR"]),
        "YEAR": _set(years),
    }
    per_tech_year = []
    for year, frame in yearly.items():
        for tech, row in frame.iterrows():
            per_tech_year.append(_tech_year_rows(region, str(tech), year, row))
    flat = pd.DataFrame(per_tech_year)
    for name in ("CapitalCost", "FixedCost"):
        tables[name] = _param(flat, ["REGION", "TECHNOLOGY", "YEAR"], name)
    tables["VariableCost"] = _param(
        flat.assign(MODE_OF_OPERATION=1),
        ["REGION", "TECHNOLOGY", "MODE_OF_OPERATION", "YEAR"],
        "VariableCost",
    )
    tables["CapacityFactor"] = _param(
        flat.assign(TIMESLICE="ALLYEAR"),
        ["REGION", "TECHNOLOGY", "TIMESLICE", "YEAR"],
        "CapacityFactor",
    )
    tables["OutputActivityRatio"] = _param(
        flat.assign(FUEL="ELC", MODE_OF_OPERATION=1, ratio=1.0),
        ["REGION", "TECHNOLOGY", "FUEL", "MODE_OF_OPERATION", "YEAR"],
        "ratio",
    )
    tables["EmissionActivityRatio"] = _emission_ratios(flat)
    first = yearly[years[0]]
    tables["OperationalLife"] = pd.DataFrame(
        {"REGION": region, "TECHNOLOGY": techs, "VALUE": first["lifetime"].to_numpy()}
    )
    tables["CapacityToActivityUnit"] = pd.DataFrame(
        {"REGION": region, "TECHNOLOGY": techs, "VALUE": CAPACITY_TO_ACTIVITY}
    )
    tables["DiscountRate"] = pd.DataFrame({"REGION": [region], "VALUE": [result.discount_rate]})
    tables["YearSplit"] = pd.DataFrame({"TIMESLICE": "ALLYEAR", "YEAR": years, "VALUE": 1.0})
    tables["EmissionsPenalty"] = pd.DataFrame(
        [
            {"REGION": region, "EMISSION": p.upper(), "YEAR": y, "VALUE": float(damage.get(p, 0.0))}
            for p in POLLUTANTS
            for y in years
        ]
    )
    tables.update(_demand_and_limits(result, region))
    return tables


def _set(values: list[Any]) -> pd.DataFrame:
    return pd.DataFrame({"VALUE": values})


def _param(frame: pd.DataFrame, indices: list[str], column: str) -> pd.DataFrame:
    return frame[indices + [column]].rename(columns={column: "VALUE"}).reset_index(drop=True)


def _tech_year_rows(region: str, tech: str, year: int, row: pd.Series) -> dict[str, Any]:
    variable = row["variable_om"] + row["fuel_cost"] / row["efficiency"]
    values: dict[str, Any] = {
        "REGION": region,
        "TECHNOLOGY": tech,
        "YEAR": year,
        "CapitalCost": row["capital_cost"],  # currency/kW = M currency/GW
        "FixedCost": row["fixed_om"],  # currency/kW/a = M currency/GW/a
        "VariableCost": variable * MWH_PER_PJ / 1e6,  # M currency/PJ
        "CapacityFactor": row["capacity_factor"],
    }
    for pollutant in POLLUTANTS:
        tonnes = row[pollutant] * EMISSION_UNIT_TO_T[pollutant]  # t/MWh
        values[pollutant] = tonnes * MWH_PER_PJ / 1e6  # Mt/PJ
    return values


def _emission_ratios(flat: pd.DataFrame) -> pd.DataFrame:
    long = flat.melt(
        id_vars=["REGION", "TECHNOLOGY", "YEAR"],
        value_vars=list(POLLUTANTS),
        var_name="EMISSION",
        value_name="VALUE",
    )
    long["EMISSION"] = long["EMISSION"].str.upper()
    long["MODE_OF_OPERATION"] = 1
    long = long[long["VALUE"] != 0]
    columns = ["REGION", "TECHNOLOGY", "EMISSION", "MODE_OF_OPERATION", "YEAR", "VALUE"]
    return long[columns].reset_index(drop=True)


def _demand_and_limits(result: WorksheetResult, region: str) -> dict[str, pd.DataFrame]:
    table = result.table
    whole = table.groupby("year")["supply"].sum() * PJ_PER_MWH
    demand = pd.DataFrame(
        {
            "REGION": region,
            "FUEL": "ELC",
            "YEAR": whole.index.astype(int),
            "VALUE": whole.to_numpy(),
        }
    )
    limits = pd.DataFrame(
        {
            "REGION": region,
            "TECHNOLOGY": table["technology"],
            "YEAR": table["year"].astype(int),
            "VALUE": table["supply"] * PJ_PER_MWH,
        }
    )
    return {
        "AccumulatedAnnualDemand": demand,
        "TotalTechnologyAnnualActivityLowerLimit": limits,
        "TotalTechnologyAnnualActivityUpperLimit": limits,
    }


def otoole_config() -> dict[str, dict[str, Any]]:
    """Return the otoole configuration of the written sets and parameters."""
    config: dict[str, dict[str, Any]] = {}
    for name in SETS:
        dtype = "int" if name in ("YEAR", "MODE_OF_OPERATION") else "str"
        config[name] = {"dtype": dtype, "type": "set"}
    for name, (indices, default) in PARAMETERS.items():
        config[name] = {"indices": indices, "type": "param", "dtype": "float", "default": default}
        if len(name) > MAX_NAME:
            config[name]["short_name"] = name[:MAX_NAME]
    return config


def write_osemosys(
    result: WorksheetResult, folder: str | Path, zone: Any | None = None, region: str = "ZONE"
) -> Path:
    """Write ``result`` as an otoole CSV folder with its ``config.yaml``; return the folder."""
    import yaml

    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    for name, frame in osemosys_tables(result, zone, region).items():
        frame.to_csv(path / f"{name}.csv", index=False)
    with (path / "config.yaml").open("w", encoding="utf-8") as handle:
        yaml.safe_dump(otoole_config(), handle, sort_keys=True)
    return path

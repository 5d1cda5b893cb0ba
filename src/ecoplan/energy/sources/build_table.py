"""Rebuild ``ecoplan/data/technology_data.csv`` from the real data sets and the literature.

Run ``python -m ecoplan.energy.sources.build_table``. Every row names its kind:

- ``dataset``: read from a real data set, changed at most by a unit or currency conversion;
  ``source_key`` locates the row (see the readers);
- ``derived``: computed from data-set rows and stated assumptions (the formula is in the
  source text);
- ``literature``: a published value typed in, with the publication and, where it was
  checked, the table or repository row it was checked against. A value that could not be
  checked is marked ``approximate: not verified``, with the reason;
- ``assumed``: no published value at hand; the basis is stated. Replace with better data.

Costs are constant 2020 US$ (the ATB's dollar year).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ecoplan.energy.sources import atb, desnz, pypsa
from ecoplan.energy.sources.build_pypsa import battery_rows, heat_rows, hydrogen_rows
from ecoplan.energy.sources.rows import table_row as _row

OUT = Path(__file__).resolve().parents[2] / "data" / "technology_data.csv"
ATB = "NREL ATB 2022 (CC BY 4.0), atb_e_2022_market_crp30_moderate.csv"
DESNZ = "UK DESNZ GHG conversion factors 2023 (OGL v3), desnz_ghg_conversion_factors_2023_flat.csv"
AP42 = "US EPA AP-42 5th ed., Section 1.1 Bituminous and subbituminous coal combustion"
MACKNICK = (
    "Macknick et al. (2012) Environ. Res. Lett. 7:045802 (NREL/TP-6A20-50900, 2011), median "
    "operational water factors [gal/MWh] converted at 0.0037854 m³/gal"
)
GCAM_WATER = "JGCRI/gcam-core input/gcamdata/inst/extdata/water/Macknick_elec_water_m3MWh.csv, row"
LUCAS_WATER = "Lucas-Doctorate-Project/env_research_scripts intensity-factors/intensities.json"
NOT_VERIFIED = "approximate: not verified"
GALLON = 0.0037854
YEARS = (2020, 2030, 2050)
COAL_MWH_PER_T = 5.815
"""Net heating value of the example's raw coal, 5,000 kcal/kg [MWh/t]."""

ATB_TECH = {
    "pc_coal_unscrubbed": "Coal_FE/newAvgCF2ndGen",
    "pc_coal_scrubbed": "Coal_FE/newAvgCF2ndGen",
    "igcc": "Coal_FE/IGCCAvgCF",
    "cfb_coal": "Coal_FE/newAvgCF2ndGen",
    "msw_landfill_gas": "Biopower/Dedicated",
    "biomass": "Biopower/Dedicated",
    "solar": "UtilityPV/Class5",
    "geothermal": "Geothermal/HydroFlash",
    "wind": "LandbasedWind/Class4",
    "hydro": "Hydropower/NPD1",
}
ATB_PARAMETERS = {
    "capital_cost": ("CAPEX", "USD/kW"),
    "fixed_om": ("Fixed O&M", "USD/kW/a"),
    "variable_om": ("Variable O&M", "USD/MWh"),
    "capacity_factor": ("CF", "1"),
}
PROXY = {
    "pc_coal_unscrubbed": "ATB new pulverised coal as a proxy for a plant without scrubber",
    "cfb_coal": "ATB new pulverised coal as a proxy (the ATB has no CFB row)",
    "msw_landfill_gas": "ATB dedicated biopower as a proxy (the ATB has no landfill-gas row)",
}


def atb_rows() -> list[dict[str, Any]]:
    """Return the cost and capacity-factor rows read from the ATB, per year."""
    rows = []
    for tech, atb_tech in ATB_TECH.items():
        name, detail = atb_tech.split("/")
        note = f"; {PROXY[tech]}" if tech in PROXY else ""
        for parameter, (atb_parameter, unit) in ATB_PARAMETERS.items():
            for year in YEARS:
                key = f"{atb_parameter}/{name}/{detail}/{year}"
                try:
                    value = atb.atb_value(key)
                except atb.SourceDataError:
                    continue
                rows.append(_row(tech, parameter, value, unit, "dataset", ATB + note, key, year))
    return rows


PYPSA = (
    "PyPSA technology-data (GPL-3.0, doi:10.5281/zenodo.3994163), costs_{year}.csv row "
    "{row!r} (Danish Energy Agency, 12 LT-PEMFC CHP), 2020 EUR at 1.142 USD/EUR"
)
NO_OCEAN_ROW = "no ocean row in NREL ATB 2022 or PyPSA technology-data 2020-2050"


def pypsa_rows() -> list[dict[str, Any]]:
    """Return the hydrogen fuel cell rows read from the PyPSA ``fuel cell`` row."""
    tech, row = "hydrogen_fuel_cell", "fuel cell"
    rows = []
    for year in YEARS:
        text = PYPSA.format(year=year, row=row)
        key = f"{year}|{row}|investment"
        value = pypsa.pypsa_value(key, "USD/kW")
        rows.append(_row(tech, "capital_cost", value, "USD/kW", "dataset", text, key, year))
        fom = pypsa.fixed_om_value(year, row)
        derived = f"{text}: FOM [%/a] x investment"
        key = f"{year}|{row}|FOM"
        rows.append(_row(tech, "fixed_om", fom, "USD/kW/a", "derived", derived, key, year))
    text = PYPSA.format(year=YEARS[0], row=row)
    for parameter, pypsa_parameter, unit in (
        ("efficiency", "efficiency", "1"),
        ("lifetime", "lifetime", "a"),
    ):
        key = f"{YEARS[0]}|{row}|{pypsa_parameter}"
        value = pypsa.pypsa_value(key, unit)
        rows.append(_row(tech, parameter, value, unit, "dataset", text, key))
    return rows


# Literature and assumed values: technology -> parameter -> (value, unit, kind, source).
ASSUMED_CF_COAL = (5500 / 8760, "1", "assumed", "5,500 h/a, as the example zone's coal plant")
ZERO_VOM = (0.0, "USD/MWh", "assumed", "the ATB gives no variable O&M (it is in fixed O&M)")
NO_FUEL = {
    "efficiency": (1.0, "1", "assumed", "no fuel: set to 1 by convention"),
    "fuel_cost": (0.0, "USD/MWh", "assumed", "no fuel is bought: zero fuel cost"),
}
COAL_PRICE = (
    600 / 6.90 / COAL_MWH_PER_T,
    "USD/MWh",
    "assumed",
    "thermal coal at 600 CNY/t for 5,000 kcal/kg (5.815 MWh/t), 6.90 CNY/USD (2020)",
)


def _life(years: float, basis: str = "typical design life") -> tuple[float, str, str, str]:
    return (years, "a", "assumed", basis)


def _water_row(gallons: float, basis: str, check: str) -> tuple[float, str, str, str]:
    """Return a Macknick row: ``gallons`` [gal/MWh] as m³/MWh, with the check in the source."""
    source = f"{MACKNICK}: {basis}, {gallons:g} gal/MWh; {check}"
    return (gallons * GALLON, "m3/MWh", "literature", source)


def _water(
    withdrawal: tuple[float, str], consumption: tuple[float, str], basis: str
) -> dict[str, Any]:
    """Return the two water rows; each pair is (median [gal/MWh], what it was checked against)."""
    return {
        "water_withdrawal": _water_row(withdrawal[0], basis, withdrawal[1]),
        "water_consumption": _water_row(consumption[0], basis, consumption[1]),
    }


# The public data row each Macknick median was checked against. The paper's own tables were
# not reachable with the search tools used.
WATER_COAL = _water(
    (1005, f"checked: {GCAM_WATER} coal (conv pul), recirculating, fresh: 3.8 m³/MWh"),
    (
        687,
        f"checked: {GCAM_WATER} coal (conv pul), recirculating, fresh: 2.6 m³/MWh; "
        f"{LUCAS_WATER} coal-generic-tower: 687",
    ),
    "coal, cooling tower, generic",
)
WATER_IGCC = _water(
    (
        393,
        f"{NOT_VERIFIED}: {GCAM_WATER} coal (IGCC), recirculating gives 1.476 m³/MWh "
        "(390 gal/MWh), from another source",
    ),
    (380, f"checked: {LUCAS_WATER} coal-igcc-tower: 380"),
    "coal IGCC, cooling tower",
)
WATER_BIOMASS = _water(
    (878, f"checked: {GCAM_WATER} biomass (conv), recirculating, fresh: 3.32 m³/MWh"),
    (
        553,
        f"checked: {GCAM_WATER} biomass (conv), recirculating, fresh: 2.09 m³/MWh; "
        f"{LUCAS_WATER} biopower-steam-tower: 553",
    ),
    "biopower, steam cycle, cooling tower",
)
WATER_PV = _water(
    (
        1,
        f"{NOT_VERIFIED}: no withdrawal median found; {GCAM_WATER} PV gives 0.02 m³/MWh "
        "(5 gal/MWh)",
    ),
    (1, f"checked: {LUCAS_WATER} solar-pv: 1"),
    "PV, panel cleaning",
)
WATER_GEOTHERMAL = _water(
    (10, f"{NOT_VERIFIED}: no withdrawal median for flash plants found"),
    (
        10,
        f"{NOT_VERIFIED}: secondary copies disagree ({LUCAS_WATER} geothermal-flash-tower: 15)",
    ),
    "geothermal flash, cooling tower",
)
WATER_HYDRO = {
    "water_withdrawal": (
        4491 * GALLON,
        "m3/MWh",
        "assumed",
        f"taken equal to the consumption (reservoir evaporation); {GCAM_WATER} hydro gives "
        "0 withdrawal",
    ),
    "water_consumption": _water_row(
        4491,
        "hydropower, reservoir evaporation",
        f"checked: {GCAM_WATER} hydro: 17 m³/MWh consumption; {LUCAS_WATER} hydro: 4491",
    ),
}


def _no_water(basis: str) -> dict[str, Any]:
    return {
        "water_withdrawal": (0.0, "m3/MWh", "assumed", basis),
        "water_consumption": (0.0, "m3/MWh", "assumed", basis),
    }


def _available(year: int, basis: str) -> dict[str, Any]:
    return {"available_from": (year, "year", "assumed", basis)}


# Coal: AP-42 Table 1.1-3 uncontrolled factors per short ton (1 lb/short ton = 0.5 kg/t),
# for sulphur S = 1.0 % and ash A = 25 % (assumed, as the example zone's coal).
SULPHUR = 1.0
ASH = 25.0
SO2_KG_PER_T = 19.0 * SULPHUR  # 38S lb/ton, pulverised coal, dry bottom
NOX_PC_KG_PER_T = 11.0  # 22 lb/ton, pulverised coal, dry bottom, wall-fired, pre-NSPS
NOX_FBC_KG_PER_T = 2.5  # 5 lb/ton, fluidised bed combustion
PM_KG_PER_T = 5.0 * ASH  # 10A lb/ton, filterable PM, pulverised coal, dry bottom
HG_G_PER_T = 0.15
"""Mercury in Chinese coal [g/t]: assumed order of the national mean (about 0.15-0.2 mg/kg)."""

COAL_PLANTS = {
    # technology: (efficiency, NOx factor, removal of SO2, NOx, PM, Hg)
    "pc_coal_unscrubbed": (0.3722, NOX_PC_KG_PER_T, 0.0, 0.0, 0.99, 0.30),
    "pc_coal_scrubbed": (0.40, NOX_PC_KG_PER_T, 0.95, 0.80, 0.998, 0.65),
    "igcc": (0.40, NOX_PC_KG_PER_T, 0.99, 0.90, 0.999, 0.90),
    "cfb_coal": (0.36, NOX_FBC_KG_PER_T, 0.90, 0.0, 0.995, 0.50),
}
CONTROLS = (
    "removal assumed: unscrubbed ESP 99 % PM, 30 % Hg; scrubbed wet FGD 95 % SO2, low-NOx "
    "burners and SCR 80 % NOx, 99.8 % PM, 65 % Hg; IGCC syngas cleaning 99 % SO2, 90 % NOx, "
    "99.9 % PM, 90 % Hg; CFB in-bed limestone 90 % SO2, 99.5 % PM, 50 % Hg"
)
EFFICIENCY_BASIS = {
    "pc_coal_unscrubbed": "330 gce/kWh as the example zone: 0.12284 kgce/kWh / 0.330",
    "pc_coal_scrubbed": "assumed improved (supercritical) unit, about 307 gce/kWh",
    "igcc": "assumed, typical of IGCC demonstration plants",
    "cfb_coal": "assumed, typical of subcritical CFB units",
}


OGE_TABLES = "singularity-energy/open-grid-emissions src/oge/reference_tables"
AP42_SOURCES = {
    "so2": (
        f"{AP42}, Table 1.1-3: SO2 38S lb/short ton, bituminous coal (checked: {OGE_TABLES}/"
        "emission_factors_for_so2.csv rows ST,BIT: 38.0 lb/ton times S; the table has no "
        "fluidised-bed SO2 factor, so CFB uses it with the in-bed capture below)"
    ),
    "nox_pc": (
        f"{AP42}, Table 1.1-3: NOx 22 lb/short ton, pulverised coal, dry bottom, wall-fired, "
        f"bituminous, pre-NSPS ({NOT_VERIFIED}: {OGE_TABLES}/emission_factors_for_nox.csv "
        "carries 12 lb/ton for dry-bottom wall-fired bituminous coal, the post-NSPS row)"
    ),
    "nox_fbc": (
        f"{AP42}, Table 1.1-3: NOx 5 lb/short ton, fluidised bed (checked: {OGE_TABLES}/"
        "emission_factors_for_nox.csv rows ST,BIT,fluidized_bed_firing: 5 lb/ton)"
    ),
    "pm": (
        f"{AP42}, Table 1.1-4: filterable PM 10A lb/short ton, pulverised coal, dry bottom "
        f"({NOT_VERIFIED}: the table was not reachable)"
    ),
    "hg": (
        f"coal Hg {HG_G_PER_T} g/t, assumed order of the Chinese national mean "
        f"({NOT_VERIFIED}: no published mean at hand)"
    ),
}


def coal_rows() -> list[dict[str, Any]]:
    """Return efficiency and emission-factor rows of the four coal technologies."""
    rows = []
    co2_key = "1_102_1026_7_2"
    co2_fuel = desnz.factor(co2_key)  # kg/kWh = t/MWh of fuel (net CV)
    common = f"S {SULPHUR} %, A {ASH} %, coal 5.815 MWh/t; {CONTROLS}"
    for tech, (eff, nox, r_so2, r_nox, r_pm, r_hg) in COAL_PLANTS.items():
        per_mwh = 1 / (COAL_MWH_PER_T * eff)  # t of coal per MWh of electricity
        kind = "derived" if tech == "pc_coal_unscrubbed" else "assumed"
        rows.append(_row(tech, "efficiency", eff, "1", kind, EFFICIENCY_BASIS[tech]))
        text = f"{DESNZ} coal (electricity generation), kWh net CV, kg CO2 / efficiency"
        rows.append(_row(tech, "co2", co2_fuel / eff, "t/MWh", "derived", text, co2_key))

        nox_source = "nox_fbc" if nox == NOX_FBC_KG_PER_T else "nox_pc"
        values = {
            "so2": (SO2_KG_PER_T * per_mwh * (1 - r_so2), "kg/MWh", "so2"),
            "nox": (nox * per_mwh * (1 - r_nox), "kg/MWh", nox_source),
            "pm": (PM_KG_PER_T * per_mwh * (1 - r_pm), "kg/MWh", "pm"),
            "hg": (HG_G_PER_T * per_mwh * (1 - r_hg), "g/MWh", "hg"),
        }
        for name, (value, unit, source) in values.items():
            basis = f"{AP42_SOURCES[source]}; {common}"
            rows.append(_row(tech, name, value, unit, "derived", basis))
    return rows


COAL_COMMON = {
    "capacity_factor": ASSUMED_CF_COAL,
    "fuel_cost": COAL_PRICE,
    "lifetime": _life(40),
    **WATER_COAL,
    **_available(2000, "established before the report (c. 2003)"),
}
ZERO_EMISSIONS = {
    name: (0.0, unit, "assumed", "no combustion at the plant")
    for name, unit in (
        ("co2", "t/MWh"),
        ("so2", "kg/MWh"),
        ("nox", "kg/MWh"),
        ("pm", "kg/MWh"),
        ("hg", "g/MWh"),
    )
}
BIO_POLLUTANTS = {
    "so2": (0.1, "kg/MWh", "assumed", "low-sulphur fuel, order of magnitude"),
    "nox": (1.0, "kg/MWh", "assumed", "order of magnitude for biomass boilers and gas engines"),
    "pm": (0.1, "kg/MWh", "assumed", "with fabric filter, order of magnitude"),
    "hg": (0.0, "g/MWh", "assumed", "negligible in clean biomass"),
}
OTHER = {
    "pc_coal_unscrubbed": COAL_COMMON,
    "pc_coal_scrubbed": COAL_COMMON,
    "cfb_coal": COAL_COMMON,
    "igcc": {**COAL_COMMON, **WATER_IGCC},
    "msw_landfill_gas": {
        "efficiency": (0.33, "1", "assumed", "gas engine on landfill gas"),
        "fuel_cost": (0.0, "USD/MWh", "assumed", "landfill gas collected at no fuel cost"),
        "lifetime": _life(20),
        **BIO_POLLUTANTS,
        **_no_water("gas engines need no steam-cycle cooling water"),
        **_available(2000, "established before the report (c. 2003)"),
    },
    "biomass": {
        "efficiency": (0.25, "1", "assumed", "small steam-cycle biopower plant"),
        "lifetime": _life(30),
        **BIO_POLLUTANTS,
        **WATER_BIOMASS,
        **_available(2000, "established before the report (c. 2003)"),
    },
    "hydrogen_fuel_cell": {
        "capacity_factor": (0.60, "1", "assumed", "no data set value"),
        "variable_om": (0.0, "USD/MWh", "assumed", "in fixed O&M, as in the PyPSA fuel cell row"),
        "fuel_cost": (120.0, "USD/MWh", "assumed", "hydrogen at 4 USD/kg, 33.3 kWh/kg (LHV)"),
        **ZERO_EMISSIONS,
        **_no_water("fuel cells produce water; none drawn"),
        **_available(2015, "assumed year of commercial stationary units"),
    },
    "solar": {
        **NO_FUEL,
        "variable_om": ZERO_VOM,
        "lifetime": _life(30),
        **ZERO_EMISSIONS,
        **WATER_PV,
        **_available(2000, "established before the report (c. 2003)"),
    },
    "geothermal": {
        **NO_FUEL,
        "variable_om": ZERO_VOM,
        "lifetime": _life(30),
        **ZERO_EMISSIONS,
        "co2": (
            0.122,
            "t/MWh",
            "literature",
            "Bertani and Thain (2002), IGA News 49: world average of flash plants, 122 g/kWh "
            f"of non-condensable CO2 ({NOT_VERIFIED}: the survey was not reachable; PyPSA "
            "costs_2020.csv geothermal CO2 intensity is 0.12 t per MWh of heat, another basis)",
        ),
        **WATER_GEOTHERMAL,
        **_available(2000, "established before the report (c. 2003)"),
    },
    "wind": {
        **NO_FUEL,
        "variable_om": ZERO_VOM,
        "lifetime": _life(25),
        **ZERO_EMISSIONS,
        **_no_water("wind turbines use no water in operation"),
        **_available(2000, "established before the report (c. 2003)"),
    },
    "hydro": {
        **NO_FUEL,
        "variable_om": ZERO_VOM,
        "lifetime": _life(80),
        **ZERO_EMISSIONS,
        **WATER_HYDRO,
        **_available(2000, "established before the report (c. 2003)"),
    },
    "ocean": {
        **NO_FUEL,
        "capacity_factor": (0.30, "1", "assumed", f"{NO_OCEAN_ROW}; tidal and wave order"),
        "capital_cost": (6000.0, "USD/kW", "assumed", f"{NO_OCEAN_ROW}; early commercial"),
        "fixed_om": (180.0, "USD/kW/a", "assumed", "3 % of capital cost a year"),
        "variable_om": (0.0, "USD/MWh", "assumed", "in fixed O&M"),
        "lifetime": _life(25),
        **ZERO_EMISSIONS,
        **_no_water("no cooling water"),
        **_available(2020, "assumed; still at demonstration stage c. 2003"),
    },
    "efficiency": {
        **NO_FUEL,
        "capacity_factor": (1.0, "1", "assumed", "capacity of avoided average load"),
        "capital_cost": (
            4 * 60 * 8.76,
            "USD/kW",
            "derived",
            "report: efficiency investments pay back in 3-5 years; 4 a x assumed "
            "60 USD/MWh saved x 8.76 MWh/(kW a) of avoided average load",
        ),
        "fixed_om": (0.0, "USD/kW/a", "assumed", "none: the capital cost covers the measures"),
        "variable_om": (0.0, "USD/MWh", "assumed", "none: the capital cost covers the measures"),
        "lifetime": _life(15, "typical life of efficiency measures, assumed"),
        **ZERO_EMISSIONS,
        **_no_water("avoided demand draws no water"),
        **_available(
            2000,
            "measures on the market before the report; the avoided demand is counted against 2005",
        ),
    },
}


def other_rows() -> list[dict[str, Any]]:
    """Return the literature and assumed rows."""
    rows = []
    for tech, parameters in OTHER.items():
        for parameter, (value, unit, kind, source) in parameters.items():
            rows.append(_row(tech, parameter, value, unit, kind, source))
    biomass_fuel = atb.atb_value("Fuel/Biopower/Dedicated/2020") * 0.25
    rows.append(
        _row(
            "biomass",
            "fuel_cost",
            biomass_fuel,
            "USD/MWh",
            "derived",
            f"{ATB}: fuel cost per MWh of electricity x efficiency 0.25",
            "Fuel/Biopower/Dedicated/2020",
        )
    )
    for tech, key in (("biomass", "2_104_1044_5_1"), ("msw_landfill_gas", "2_105_1048_5_1")):
        eff = OTHER[tech]["efficiency"][0]
        text = (
            f"{DESNZ}: kg CO2e per kWh of fuel (non-CO2 gases; biogenic CO2 outside scopes) "
            "/ efficiency"
        )
        rows.append(_row(tech, "co2", desnz.factor(key) / eff, "t/MWh", "derived", text, key))
    return rows


def build() -> list[dict[str, Any]]:
    """Return every row of the technology data table."""
    rows = atb_rows() + pypsa_rows() + coal_rows() + other_rows()
    return rows + heat_rows() + battery_rows() + hydrogen_rows()


def main() -> None:
    """Write the table to ``ecoplan/data/technology_data.csv``."""
    rows = build()
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()

"""Rows of the technology data table taken from the PyPSA technology-data cost tables.

Three groups, each value keyed ``year|technology|parameter`` (see
:mod:`ecoplan.energy.sources.pypsa`), 2020 EUR converted at 1.142 USD/EUR:

- industrial process heat (steam boilers on gas, wood chips or electricity, and industrial
  heat pumps), which supply the energy pool of the worksheet and the least-cost LP;
- battery storage, which the least-cost LP can build to shift energy between time slices;
- hydrogen (electrolysis and hydrogen storage), kept as data only: an electrolyser turns
  electricity into hydrogen and supplies nothing to the pool.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ecoplan.energy.sources import desnz, pypsa
from ecoplan.energy.sources.rows import table_row

YEARS = (2020, 2030, 2050)
PYPSA_ROW = (
    "PyPSA technology-data (GPL-3.0, doi:10.5281/zenodo.3994163), costs_{year}.csv row "
    "{row!r} ({origin}), 2020 EUR at 1.142 USD/EUR"
)
DESNZ = "UK DESNZ GHG conversion factors 2023 (OGL v3), desnz_ghg_conversion_factors_2023_flat.csv"
NOT_VERIFIED = "approximate: not verified"

FULL_LOAD_HOURS = 5000.0
"""Assumed full-load hours of an industrial steam boiler or heat pump [h/a]."""

ELECTRICITY_PRICE = 0.60 * 1000 / 6.90
"""Assumed industrial electricity price: 0.60 CNY/kWh at 6.90 CNY/USD [USD/MWh]."""

GAS_HHV_PER_LHV = 1 / 0.90
"""Higher over lower heating value of natural gas, taken as 1/0.90 [1]."""

SCF_MWH_HHV = 1020 / 3.412142 / 1e6
"""Energy of one standard cubic foot of gas at AP-42's 1,020 Btu/scf [MWh HHV/scf]."""

KG_PER_LB = 0.45359237


@dataclass(frozen=True)
class HeatTechnology:
    """A PyPSA industrial heat row and the fuel ecoplan prices and counts emissions for."""

    row: str
    origin: str
    fuel: str  # "gas", "solid biomass" or "electricity"
    available_from: int


HEAT = {
    "gas_boiler_steam": HeatTechnology(
        "gas boiler steam", "Danish Energy Agency, 311.1c Steam boiler Gas", "gas", 2000
    ),
    "biomass_boiler_steam": HeatTechnology(
        "solid biomass boiler steam",
        "Danish Energy Agency, 311.1e Steam boiler Wood",
        "solid biomass",
        2000,
    ),
    "electric_boiler_steam": HeatTechnology(
        "electric boiler steam",
        "Danish Energy Agency, 310.1 Electric boiler steam",
        "electricity",
        2000,
    ),
    "industrial_heat_pump_125c": HeatTechnology(
        "industrial heat pump medium temperature",
        "Danish Energy Agency, 302.a High temp. hp Up to 125 C",
        "electricity",
        2015,
    ),
    "industrial_heat_pump_150c": HeatTechnology(
        "industrial heat pump high temperature",
        "Danish Energy Agency, 302.b High temp. hp Up to 150",
        "electricity",
        2020,
    ),
}
"""ecoplan id -> PyPSA row of each industrial process heat technology."""

FUEL_CO2_KEY = {"gas": "1_100_1004_7_2", "solid biomass": "2_104_1044_5_1"}
"""DESNZ factor of each fuel [kg CO2 (gas) or kg CO2e of non-CO2 gases (wood chips) per kWh]."""

FUEL_ORIGIN = {
    "gas": "World Bank commodity prices and ENTSO-E & ENTSOG TYNDP 2024, per MWh LHV",
    "solid biomass": "JRC ENSPRESO, secondary forest residue wood chips, per MWh LHV",
}
"""Origin of PyPSA's ``fuel`` row of each fuel, as its ``source`` column names it."""

FUEL_CO2_TEXT = {
    "gas": f"{DESNZ}: natural gas, kWh net CV, kg CO2 / efficiency",
    "solid biomass": (
        f"{DESNZ}: wood chips, kg CO2e per kWh of fuel (non-CO2 gases; biogenic CO2 outside "
        "scopes) / efficiency"
    ),
}

AP42_GAS = "US EPA AP-42 5th ed., Section 1.4 Natural gas combustion"
GAS_POLLUTANTS = {
    # pollutant: (lb per 10^6 scf, AP-42 table and row)
    "nox": (100.0, "Table 1.4-1: NOx 100 lb/10^6 scf, small boilers, uncontrolled"),
    "so2": (0.6, "Table 1.4-2: SO2 0.6 lb/10^6 scf"),
    "pm": (7.6, "Table 1.4-2: total PM 7.6 lb/10^6 scf"),
}
GAS_BASIS = (
    f"{NOT_VERIFIED}: the AP-42 tables were not opened, the factors are as secondary copies "
    "quote them; 1,020 Btu/scf (HHV), HHV = LHV / 0.90, per MWh of heat / efficiency"
)

BIOMASS_POLLUTANTS = {
    "so2": (0.1, "kg/MWh", "assumed", "low-sulphur wood chips, order of magnitude"),
    "nox": (1.0, "kg/MWh", "assumed", "order of magnitude for wood-chip boilers"),
    "pm": (0.1, "kg/MWh", "assumed", "with fabric filter, order of magnitude"),
    "hg": (0.0, "g/MWh", "assumed", "negligible in clean wood chips"),
}
NO_UPSTREAM = (
    "no combustion at the plant; the emissions of generating the electricity it uses are not "
    "counted, because the pool model buys that electricity from outside the zone"
)
POLLUTANT_UNITS = {"co2": "t/MWh", "so2": "kg/MWh", "nox": "kg/MWh", "pm": "kg/MWh", "hg": "g/MWh"}


def _text(year: int, row: str, origin: str) -> str:
    return PYPSA_ROW.format(year=year, row=row, origin=origin)


def yearly_cost_rows(tech: str, row: str, origin: str) -> list[dict[str, Any]]:
    """Return investment and FOM x investment of PyPSA ``row`` per year, per kW."""
    rows = []
    for year in YEARS:
        text = _text(year, row, origin)
        key = f"{year}|{row}|investment"
        value = pypsa.pypsa_value(key, "USD/kW")
        rows.append(table_row(tech, "capital_cost", value, "USD/kW", "dataset", text, key, year))
        fom = pypsa.fixed_om_value(year, row)
        key = f"{year}|{row}|FOM"
        derived = f"{text}: FOM [%/a] x investment"
        rows.append(table_row(tech, "fixed_om", fom, "USD/kW/a", "derived", derived, key, year))
    return rows


def yearly_value_rows(
    tech: str, parameter: str, row: str, pypsa_parameter: str, unit: str, origin: str
) -> list[dict[str, Any]]:
    """Return PyPSA's ``row|pypsa_parameter`` per year in ``unit`` as ``dataset`` rows."""
    rows = []
    for year in YEARS:
        key = f"{year}|{row}|{pypsa_parameter}"
        value = pypsa.pypsa_value(key, unit)
        text = _text(year, row, origin)
        rows.append(table_row(tech, parameter, value, unit, "dataset", text, key, year))
    return rows


def heat_efficiency(row: str, year: int) -> float:
    """Return PyPSA's efficiency (COP for heat pumps) of ``row`` in ``year`` [1]."""
    return pypsa.pypsa_value(f"{year}|{row}|efficiency", "1")


def fuel_rows(tech: str, spec: HeatTechnology) -> list[dict[str, Any]]:
    """Return the fuel cost and per-year CO2 of a fuel-burning heat technology."""
    origin = FUEL_ORIGIN[spec.fuel]
    rows = yearly_value_rows(tech, "fuel_cost", spec.fuel, "fuel", "USD/MWh", origin)
    key = FUEL_CO2_KEY[spec.fuel]
    per_kwh = desnz.factor(key)  # kg/kWh = t/MWh of fuel
    for year in YEARS:
        value = per_kwh / heat_efficiency(spec.row, year)
        text = f"{FUEL_CO2_TEXT[spec.fuel]}, efficiency from {_text(year, spec.row, spec.origin)}"
        rows.append(table_row(tech, "co2", value, "t/MWh", "derived", text, key, year))
    return rows


def gas_pollutant_rows(tech: str, spec: HeatTechnology) -> list[dict[str, Any]]:
    """Return SO2, NOx and PM of a gas boiler per MWh of heat, per year, and zero mercury."""
    rows = []
    for pollutant, (pounds, table) in GAS_POLLUTANTS.items():
        per_mwh_hhv = pounds * KG_PER_LB / (1e6 * SCF_MWH_HHV)
        for year in YEARS:
            value = per_mwh_hhv * GAS_HHV_PER_LHV / heat_efficiency(spec.row, year)
            text = f"{AP42_GAS}, {table} ({GAS_BASIS})"
            rows.append(table_row(tech, pollutant, value, "kg/MWh", "derived", text, year=year))
    basis = "negligible in pipeline natural gas"
    rows.append(table_row(tech, "hg", 0.0, "g/MWh", "assumed", basis))
    return rows


def electric_rows(tech: str) -> list[dict[str, Any]]:
    """Return the bought electricity's price and the zero direct emissions."""
    price = (
        f"industrial electricity at 0.60 CNY/kWh, 6.90 CNY/USD (2020); {NO_UPSTREAM}; "
        "fuel cost is per MWh of electricity"
    )
    rows = [table_row(tech, "fuel_cost", ELECTRICITY_PRICE, "USD/MWh", "assumed", price)]
    for pollutant, unit in POLLUTANT_UNITS.items():
        rows.append(table_row(tech, pollutant, 0.0, unit, "assumed", NO_UPSTREAM))
    return rows


def common_heat_rows(tech: str, spec: HeatTechnology) -> list[dict[str, Any]]:
    """Return the assumed rows every heat technology shares: load, water, availability."""
    load = f"{FULL_LOAD_HOURS:,.0f} full-load hours a year, order of industrial process steam"
    water = "no cooling water; boiler feed-water make-up not counted"
    available = (
        "assumed year of commercial units"
        if spec.available_from > 2000
        else ("established before the report (c. 2003)")
    )
    return [
        table_row(tech, "capacity_factor", FULL_LOAD_HOURS / 8760, "1", "assumed", load),
        table_row(tech, "water_withdrawal", 0.0, "m3/MWh", "assumed", water),
        table_row(tech, "water_consumption", 0.0, "m3/MWh", "assumed", water),
        table_row(tech, "available_from", spec.available_from, "year", "assumed", available),
    ]


def heat_rows() -> list[dict[str, Any]]:
    """Return every row of the industrial process heat technologies."""
    rows = []
    for tech, spec in HEAT.items():
        rows += yearly_cost_rows(tech, spec.row, spec.origin)
        rows += yearly_value_rows(tech, "variable_om", spec.row, "VOM", "USD/MWh", spec.origin)
        rows += yearly_value_rows(tech, "efficiency", spec.row, "efficiency", "1", spec.origin)
        key = f"{YEARS[0]}|{spec.row}|lifetime"
        text = _text(YEARS[0], spec.row, spec.origin)
        lifetime = pypsa.pypsa_value(key, "a")
        rows.append(table_row(tech, "lifetime", lifetime, "a", "dataset", text, key))
        if spec.fuel == "electricity":
            rows += electric_rows(tech)
        else:
            rows += fuel_rows(tech, spec)
        if spec.fuel == "gas":
            rows += gas_pollutant_rows(tech, spec)
        if spec.fuel == "solid biomass":
            for name, (value, unit, kind, basis) in BIOMASS_POLLUTANTS.items():
                rows.append(table_row(tech, name, value, unit, kind, basis))
        rows += common_heat_rows(tech, spec)
    return rows


STORAGE_ORIGIN = "Danish Energy Agency, technology data catalogue for energy storage"


def battery_rows() -> list[dict[str, Any]]:
    """Return the battery's energy part (``battery storage``) and power part (``battery inverter``).

    The inverter's efficiency is PyPSA's round-trip efficiency (DC), charge and discharge
    together.
    """
    tech, energy, power = "battery", "battery storage", "battery inverter"
    rows = []
    rows += yearly_value_rows(
        tech, "energy_capital_cost", energy, "investment", "USD/kWh", STORAGE_ORIGIN
    )
    rows += yearly_value_rows(tech, "energy_lifetime", energy, "lifetime", "a", STORAGE_ORIGIN)
    rows += yearly_value_rows(
        tech, "power_capital_cost", power, "investment", "USD/kW", STORAGE_ORIGIN
    )
    rows += yearly_value_rows(tech, "power_lifetime", power, "lifetime", "a", STORAGE_ORIGIN)
    rows += yearly_value_rows(
        tech, "round_trip_efficiency", power, "efficiency", "1", STORAGE_ORIGIN
    )
    for year in YEARS:
        text = f"{_text(year, power, STORAGE_ORIGIN)}: FOM [%/a] x investment"
        key = f"{year}|{power}|FOM"
        value = pypsa.fixed_om_value(year, power)
        rows.append(
            table_row(tech, "power_fixed_om", value, "USD/kW/a", "derived", text, key, year)
        )
    return rows


HYDROGEN_ORIGIN = {
    "electrolysis": "Danish Energy Agency, 86 AEC 100 MW; investment from IEA",
    "hydrogen storage underground": "Danish Energy Agency, 151c Hydrogen Storage - Caverns",
    "hydrogen storage tank type 1 including compressor": (
        "Danish Energy Agency, 151a Hydrogen Storage - Tanks"
    ),
}


def hydrogen_rows() -> list[dict[str, Any]]:
    """Return electrolysis and hydrogen storage data; neither supplies the energy pool.

    Electrolysis costs are per kW of electricity input, its efficiency is MWh of hydrogen
    (LHV) per MWh of electricity. Storage costs are per kWh of hydrogen (LHV) stored.
    """
    tech, row = "electrolysis", "electrolysis"
    origin = HYDROGEN_ORIGIN[row]
    rows = yearly_cost_rows(tech, row, origin)
    rows += yearly_value_rows(tech, "efficiency", row, "efficiency", "1", origin)
    rows += yearly_value_rows(tech, "lifetime", row, "lifetime", "a", origin)

    stores = {
        "hydrogen_storage_underground": "hydrogen storage underground",
        "hydrogen_storage_tank": "hydrogen storage tank type 1 including compressor",
    }
    for tech, row in stores.items():
        origin = HYDROGEN_ORIGIN[row]
        rows += yearly_value_rows(tech, "energy_capital_cost", row, "investment", "USD/kWh", origin)
        rows += yearly_value_rows(tech, "energy_lifetime", row, "lifetime", "a", origin)
        for year in YEARS:
            text = f"{_text(year, row, origin)}: FOM [%/a] x investment"
            key = f"{year}|{row}|FOM"
            share = pypsa.pypsa_value(key, "1/a")
            value = share * pypsa.pypsa_value(f"{year}|{row}|investment", "USD/kWh")
            rows.append(
                table_row(tech, "energy_fixed_om", value, "USD/kWh/a", "derived", text, key, year)
            )
    return rows

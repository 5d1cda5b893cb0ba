"""Output rates of China's circular-economy evaluation indicator system: GDP per resource.

循环经济发展评价指标体系 (NDRC, MOF, MEP and NBS, December 2016). GDP is the ``economy`` row
``gdp`` (zone-wide, else the sum of the organisations' rows). Units are those of the indicator
system for a CNY zone; a zone in another currency gets the same scale in its own currency.
Energy converts at 1 tce = 29.3076 GJ (GB/T 2589-2020), electricity by its calorific value.
"""

from __future__ import annotations

from ecoplan.accounting.indicators.base import (
    IndicatorResult,
    Missing,
    finite_inputs,
    money_unit,
    quotient,
)
from ecoplan.accounting.indicators.yeardata import YearData
from ecoplan.i18n import N_
from ecoplan.units import conversion_factor

NO_VIRGIN_INPUT = N_(
    "no virgin non-energy material input (origin 'virgin', category other "
    "than 'fuel', from an import or environment node to a process node) "
    "for {year}"
)
NO_ENERGY_CONSUMPTION = N_(
    "no energy consumption for {year}: energy inputs minus energy sent "
    "to export nodes is not positive"
)
NO_WATER_INTAKE = N_(
    "no water intake (resource type 'water' other than wastewater, from an "
    "import or environment node to a process node) for {year}"
)


def _gdp(data: YearData, scale: float) -> tuple[float, str, list[Missing]]:
    """Return GDP in ``scale`` units of the zone's currency, that unit, and what is missing."""
    gdp, _unit, missing = data.economy_value("gdp")
    return gdp / scale, money_unit(data.currency, scale), [missing] if missing else []


def resource_output_rate(data: YearData) -> IndicatorResult:
    """Compute GDP over virgin non-energy material input [元/t].

    Material input is materials (by mass) in inputs whose ``origin`` is ``virgin`` and whose
    category is not ``fuel``; energy carriers and secondary materials are left out.
    """
    gdp, money, missing = _gdp(data, 1.0)
    mask = (
        data.is_input
        & data.is_materials
        & (data.flows["origin"] == "virgin").to_numpy()
        & ~data.in_category({"fuel"})
    )
    if data.count(mask) == 0:
        missing.append(Missing(NO_VIRGIN_INPUT, {"year": data.year}))
    material = data.total(mask)
    inputs = {f"gdp [{money}]": gdp, "virgin_material_input [t]": material}
    return quotient(
        "resource_output_rate",
        data.year,
        f"{money}/t",
        gdp,
        material,
        finite_inputs(inputs),
        missing,
    )


def energy_consumption_tce(data: YearData) -> float:
    """Return energy inputs minus energy sent from process nodes to export nodes [tce]."""
    exported = (
        data.is_energy
        & (data.flows["from_kind"] == "process").to_numpy()
        & (data.flows["to_kind"] == "export").to_numpy()
    )
    consumption = data.total(data.is_input & data.is_energy) - data.total(exported)
    return consumption / conversion_factor("tce", "energy")


def energy_output_rate(data: YearData) -> IndicatorResult:
    """Compute GDP over energy consumption [万元/tce].

    Energy consumption follows the comprehensive energy consumption of Chinese statistics:
    energy inputs less the energy carriers sent out of the zone (export nodes).
    """
    gdp, money, missing = _gdp(data, 1e4)
    consumption = energy_consumption_tce(data)
    if not missing and not consumption > 0:
        missing.append(Missing(NO_ENERGY_CONSUMPTION, {"year": data.year}))
    inputs = {f"gdp [{money}]": gdp, "energy_consumption [tce]": consumption}
    return quotient(
        "energy_output_rate",
        data.year,
        f"{money}/tce",
        gdp,
        consumption,
        finite_inputs(inputs),
        missing,
    )


def water_output_rate(data: YearData) -> IndicatorResult:
    """Compute GDP over water intake [元/m³].

    Water intake is water (by volume) in inputs of any category except ``wastewater``: fresh
    water and reclaimed or other water bought from outside the zone.
    """
    gdp, money, missing = _gdp(data, 1.0)
    mask = data.is_input & data.is_water & ~data.in_category({"wastewater"})
    if data.count(mask) == 0:
        missing.append(Missing(NO_WATER_INTAKE, {"year": data.year}))
    water = data.total(mask)
    inputs = {f"gdp [{money}]": gdp, "water_intake [m³]": water}
    return quotient(
        "water_output_rate", data.year, f"{money}/m³", gdp, water, finite_inputs(inputs), missing
    )


def built_land_output_rate(data: YearData) -> IndicatorResult:
    """Compute GDP over built-up land area [万元/ha], both from ``economy`` rows."""
    gdp, money, missing = _gdp(data, 1e4)
    land, _unit, land_missing = data.economy_value("built_land")
    if land_missing:
        missing.append(land_missing)
    inputs = {f"gdp [{money}]": gdp, "built_land [ha]": land}
    return quotient(
        "built_land_output_rate",
        data.year,
        f"{money}/ha",
        gdp,
        land,
        finite_inputs(inputs),
        missing,
    )

"""The indicator list, each with formula, unit and source, and the function computing them."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ecoplan.accounting.indicators import energy_mix, metabolism, output_rates, waste, water
from ecoplan.accounting.indicators.base import Indicator, IndicatorResult
from ecoplan.accounting.indicators.yeardata import YearData
from ecoplan.i18n import N_

if TYPE_CHECKING:
    from ecoplan.model.zone import Zone

logger = logging.getLogger(__name__)

AYRES = N_(
    "Ayres, R. U. and Simonis, U. E. (eds.), Industrial Metabolism: Restructuring for "
    "Sustainable Development, United Nations University Press, 1994"
)
METABOLISM = N_("Industrial-metabolism indicator; definition of ecoplan")
CHINA = N_(
    "Circular Economy Development Evaluation Indicator System, NDRC, MOF, MEP and NBS, "
    "December 2016"
)
PRTR = N_(
    "Off-site transfers of waste for recovery (R) or disposal (D) as reported to a "
    "pollutant release and transfer register, Regulation (EC) No 166/2006 (E-PRTR)"
)

INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "virgin_to_recycled_ratio",
        N_("virgin material input / recycled material input"),
        "t/t",
        AYRES,
        metabolism.virgin_to_recycled_ratio,
    ),
    Indicator(
        "recycled_to_potential_ratio",
        N_("recycled material input / total material supply × 100"),
        "%",
        AYRES,
        metabolism.recycled_to_potential_ratio,
    ),
    Indicator(
        "renewable_to_fossil_ratio",
        N_("renewable energy input / fossil energy input"),
        "MWh/MWh",
        METABOLISM,
        energy_mix.renewable_to_fossil_ratio,
    ),
    Indicator(
        "materials_productivity",
        N_("GDP / material input"),
        "元/t",
        AYRES,
        metabolism.materials_productivity,
        money_scale=1.0,
        unit_suffix="/t",
    ),
    Indicator(
        "energy_productivity",
        N_("GDP / energy input"),
        "元/MWh",
        METABOLISM,
        metabolism.energy_productivity,
        money_scale=1.0,
        unit_suffix="/MWh",
    ),
    Indicator(
        "resource_input_per_service",
        N_("material input / end-user service delivered"),
        metabolism.SERVICE_UNIT,
        METABOLISM,
        metabolism.resource_input_per_service,
    ),
    Indicator(
        "industrial_water_reuse_rate",
        N_("repeated water use / (repeated water use + fresh-water intake) × 100"),
        "%",
        CHINA,
        water.industrial_water_reuse_rate,
    ),
    Indicator(
        "solid_waste_utilisation_rate",
        N_("general industrial solid waste utilised / generated × 100"),
        "%",
        CHINA,
        waste.solid_waste_utilisation_rate,
    ),
    Indicator(
        "fly_ash_utilisation_rate",
        N_("fly ash utilised / generated × 100"),
        "%",
        CHINA,
        waste.fly_ash_utilisation_rate,
    ),
    Indicator(
        "coal_gangue_utilisation_rate",
        N_("coal gangue utilised / generated × 100"),
        "%",
        CHINA,
        waste.coal_gangue_utilisation_rate,
    ),
    Indicator(
        "renewable_share",
        N_("renewable energy input / total energy input × 100"),
        "%",
        METABOLISM,
        energy_mix.renewable_share,
    ),
    Indicator(
        "resource_output_rate",
        N_("GDP / virgin non-energy material input"),
        "元/t",
        CHINA,
        output_rates.resource_output_rate,
        money_scale=1.0,
        unit_suffix="/t",
    ),
    Indicator(
        "energy_output_rate",
        N_("GDP / energy consumption (energy input − energy exported), 1 tce = 29.3076 GJ"),
        "万元/tce",
        CHINA,
        output_rates.energy_output_rate,
        money_scale=1e4,
        unit_suffix="/tce",
    ),
    Indicator(
        "water_output_rate",
        N_("GDP / water intake"),
        "元/m³",
        CHINA,
        output_rates.water_output_rate,
        money_scale=1.0,
        unit_suffix="/m³",
    ),
    Indicator(
        "built_land_output_rate",
        N_("GDP / built-up land area"),
        "万元/ha",
        CHINA,
        output_rates.built_land_output_rate,
        money_scale=1e4,
        unit_suffix="/ha",
    ),
    Indicator(
        "main_waste_recycling_rate",
        N_("solid waste utilised / generated × 100, all waste categories pooled"),
        "%",
        CHINA,
        waste.main_waste_recycling_rate,
    ),
    Indicator(
        "reclaimed_water_utilisation_rate",
        N_("reclaimed water used / wastewater treated × 100"),
        "%",
        CHINA,
        water.reclaimed_water_utilisation_rate,
    ),
    Indicator(
        "waste_recovery_share",
        N_("waste to recovery / waste to recovery or disposal × 100"),
        "%",
        PRTR,
        waste.waste_recovery_share,
    ),
)
"""Every indicator, in the order of the ``indicator`` vocabulary."""

INDICATORS_BY_ID = {indicator.id: indicator for indicator in INDICATORS}


def default_year(zone: Zone) -> int:
    """Return the zone's base year if it has flows, else the latest year with flows."""
    years = zone.years
    if not years or zone.base_year in years:
        return zone.base_year
    return years[-1]


def compute_indicators(zone: Zone, year: int | None = None) -> list[IndicatorResult]:
    """Compute every indicator of :data:`INDICATORS` for ``year`` (default: :func:`default_year`).

    Returns one result per indicator, in the order of :data:`INDICATORS`; an indicator that
    lacks inputs gives a result with ``computable`` false and the missing inputs named.
    """
    year = default_year(zone) if year is None else int(year)
    data = YearData.of(zone, year)
    results = [indicator.calculate(data) for indicator in INDICATORS]
    missing = sum(not result.computable for result in results)
    logger.info(
        "computed %d indicators of zone %s for %d, %d not computable",
        len(results),
        zone.zone_id,
        year,
        missing,
    )
    return results

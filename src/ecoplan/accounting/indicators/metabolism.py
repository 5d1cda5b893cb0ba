"""Industrial-metabolism indicators of material supply and of productivity.

The ratios of virgin to recycled material and of actual to potential recycled material, and
materials productivity, follow Ayres and Simonis (eds.), *Industrial Metabolism: Restructuring
for Sustainable Development*, United Nations University Press, 1994. Energy productivity and
resource input per unit of service are defined in the same way. The renewable-to-fossil ratio
is in :mod:`ecoplan.accounting.indicators.energy_mix`, and the flow sets (input, secondary,
materials, energy) are defined in :mod:`ecoplan.accounting.indicators.yeardata`.
"""

from __future__ import annotations

from ecoplan.accounting.indicators.base import (
    IndicatorResult,
    Missing,
    finite_inputs,
    money_unit,
    quotient,
)
from ecoplan.accounting.indicators.energy_mix import NO_ENERGY_INPUT, energy_inputs
from ecoplan.accounting.indicators.yeardata import YearData
from ecoplan.i18n import N_

SERVICE_UNIT = N_("t/service unit")
"""Unit of resource input per service when the zone names no service unit; translated."""
NO_MATERIAL_INPUT = N_(
    "no material input flows (resource type 'materials', from an import or "
    "environment node to a process node) for {year}"
)
NO_SECONDARY_INPUT = N_(
    "no secondary (recycled) material input for {year}, so the ratio has no finite value"
)


def material_supply(data: YearData) -> dict[str, float]:
    """Return the zone's material supply by origin [t per year].

    ``virgin`` and ``unknown_origin`` are inputs. ``recycled`` is the secondary material in
    inputs plus the positive net intake of secondary material that process nodes take from
    process nodes, so a broker that passes by-products on counts once.
    """
    flows = data.flows
    inputs = data.is_input & data.is_materials
    virgin = (flows["origin"] == "virgin").to_numpy()
    internal = ((flows["from_kind"] == "process") & (flows["to_kind"] == "process")).to_numpy()
    recycled_inputs = data.total(inputs & data.is_secondary)
    internal_balance = data.net_balance(internal & data.is_materials & data.is_secondary)
    recycled_internal = float(internal_balance["net"].clip(lower=0.0).sum())
    return {
        "virgin": data.total(inputs & virgin),
        "recycled": recycled_inputs + recycled_internal,
        "unknown_origin": data.total(inputs & ~virgin & ~data.is_secondary),
        "input_flows": float(data.count(inputs)),
    }


def virgin_to_recycled_ratio(data: YearData) -> IndicatorResult:
    """Compute virgin material input over recycled material input [t/t].

    Material inputs whose origin is neither given nor implied by a waste category count in
    neither term; their sum is in ``inputs``.
    """
    supply = material_supply(data)
    missing = []
    if supply["input_flows"] == 0 and supply["recycled"] == 0:
        missing.append(Missing(NO_MATERIAL_INPUT, {"year": data.year}))
    elif supply["recycled"] == 0:
        missing.append(Missing(NO_SECONDARY_INPUT, {"year": data.year}))
    inputs = {
        "virgin_input [t]": supply["virgin"],
        "recycled_input [t]": supply["recycled"],
        "input_of_unknown_origin [t]": supply["unknown_origin"],
    }
    return quotient(
        "virgin_to_recycled_ratio",
        data.year,
        "t/t",
        supply["virgin"],
        supply["recycled"],
        inputs,
        missing,
    )


def recycled_to_potential_ratio(data: YearData) -> IndicatorResult:
    """Compute recycled material over total material supply [%].

    The total supply is every material input (any origin) plus the secondary material passed
    between process nodes; it stands in for the potential recycled material, which flow data
    cannot show.
    """
    supply = material_supply(data)
    total = supply["virgin"] + supply["recycled"] + supply["unknown_origin"]
    missing = []
    if supply["input_flows"] == 0 and supply["recycled"] == 0:
        missing.append(Missing(NO_MATERIAL_INPUT, {"year": data.year}))
    inputs = {"recycled_input [t]": supply["recycled"], "total_supply [t]": total}
    return quotient(
        "recycled_to_potential_ratio",
        data.year,
        "%",
        supply["recycled"],
        total,
        inputs,
        missing,
        scale=100.0,
    )


def materials_productivity(data: YearData) -> IndicatorResult:
    """Compute GDP over material input of any origin [currency/t]."""
    gdp, _unit, gdp_missing = data.economy_value("gdp")
    inputs_mask = data.is_input & data.is_materials
    material_input = data.total(inputs_mask)
    currency = money_unit(data.currency, 1.0)
    missing = [gdp_missing] if gdp_missing else []
    if data.count(inputs_mask) == 0:
        missing.append(Missing(NO_MATERIAL_INPUT, {"year": data.year}))
    inputs = {f"gdp [{currency}]": gdp, "material_input [t]": material_input}
    return quotient(
        "materials_productivity",
        data.year,
        f"{currency}/t",
        gdp,
        material_input,
        finite_inputs(inputs),
        missing,
    )


def energy_productivity(data: YearData) -> IndicatorResult:
    """Compute GDP over energy input of any source [currency/MWh]."""
    gdp, _unit, gdp_missing = data.economy_value("gdp")
    energy = energy_inputs(data)
    currency = money_unit(data.currency, 1.0)
    missing = [gdp_missing] if gdp_missing else []
    if energy["input_flows"] == 0:
        missing.append(Missing(NO_ENERGY_INPUT, {"year": data.year}))
    inputs = {f"gdp [{currency}]": gdp, "energy_input [MWh]": energy["total"]}
    return quotient(
        "energy_productivity",
        data.year,
        f"{currency}/MWh",
        gdp,
        energy["total"],
        finite_inputs(inputs),
        missing,
    )


def resource_input_per_service(data: YearData) -> IndicatorResult:
    """Compute material input over end-user service delivered [t per unit of service].

    The service is the ``economy`` row ``service_output``, in the unit given there (for
    example passenger-km or m² of floor space heated).
    """
    service, service_unit, service_missing = data.economy_value("service_output")
    inputs_mask = data.is_input & data.is_materials
    material_input = data.total(inputs_mask)
    missing = [service_missing] if service_missing else []
    if data.count(inputs_mask) == 0:
        missing.append(Missing(NO_MATERIAL_INPUT, {"year": data.year}))
    unit = f"t/{service_unit}" if service_unit else SERVICE_UNIT
    inputs = {"material_input [t]": material_input, f"service_output [{service_unit}]": service}
    return quotient(
        "resource_input_per_service",
        data.year,
        unit,
        material_input,
        service,
        finite_inputs(inputs),
        missing,
    )

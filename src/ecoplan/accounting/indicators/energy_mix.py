"""Energy mix: renewable against fossil energy entering the zone.

Energy counts where it enters the zone: flows of resources of type ``energy`` from an
``import`` or ``environment`` node into a process node, grouped by ``energy_source`` [MWh per
year]. Renewable power or heat generated in the zone therefore needs a flow from an
``environment`` node (sun, wind, biomass harvest) into the generating process.
"""

from __future__ import annotations

from ecoplan.accounting.indicators.base import IndicatorResult, Missing, quotient
from ecoplan.accounting.indicators.yeardata import YearData
from ecoplan.i18n import N_

NO_ENERGY_INPUT = N_(
    "no energy input flows (resource type 'energy', from an import or "
    "environment node to a process node) for {year}"
)
NO_FOSSIL_INPUT = N_("no fossil energy input for {year}, so the ratio has no finite value")


def energy_inputs(data: YearData) -> dict[str, float]:
    """Return the zone's energy inputs by ``energy_source`` and in total [MWh per year]."""
    inputs = data.is_input & data.is_energy
    source = data.flows["energy_source"]
    totals = {
        name: data.total(inputs & (source == name).to_numpy())
        for name in ("fossil", "renewable", "nuclear", "secondary")
    }
    totals["unknown_source"] = data.total(inputs & source.isna().to_numpy())
    totals["total"] = data.total(inputs)
    totals["input_flows"] = float(data.count(inputs))
    return totals


def renewable_to_fossil_ratio(data: YearData) -> IndicatorResult:
    """Compute renewable energy input over fossil energy input [MWh/MWh]."""
    energy = energy_inputs(data)
    missing = []
    if energy["input_flows"] == 0:
        missing.append(Missing(NO_ENERGY_INPUT, {"year": data.year}))
    elif energy["fossil"] == 0:
        missing.append(Missing(NO_FOSSIL_INPUT, {"year": data.year}))
    inputs = {
        "renewable_input [MWh]": energy["renewable"],
        "fossil_input [MWh]": energy["fossil"],
        "input_of_unknown_source [MWh]": energy["unknown_source"],
    }
    return quotient(
        "renewable_to_fossil_ratio",
        data.year,
        "MWh/MWh",
        energy["renewable"],
        energy["fossil"],
        inputs,
        missing,
    )


def renewable_share(data: YearData) -> IndicatorResult:
    """Compute renewable energy input over total energy input of any source [%].

    Inputs whose ``energy_source`` is empty count in the total only; their sum is in
    ``inputs``.
    """
    energy = energy_inputs(data)
    missing = []
    if energy["input_flows"] == 0:
        missing.append(Missing(NO_ENERGY_INPUT, {"year": data.year}))
    inputs = {
        "renewable_input [MWh]": energy["renewable"],
        "energy_input [MWh]": energy["total"],
        "input_of_unknown_source [MWh]": energy["unknown_source"],
    }
    return quotient(
        "renewable_share",
        data.year,
        "%",
        energy["renewable"],
        energy["total"],
        inputs,
        missing,
        scale=100.0,
    )

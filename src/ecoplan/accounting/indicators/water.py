"""Water indicators: industrial water reuse rate and reclaimed water utilisation rate.

Amounts are flows of resources of type ``water`` measured by volume [m³ per year], selected
by resource ``category``.
"""

from __future__ import annotations

import numpy as np

from ecoplan.accounting.indicators.base import IndicatorResult, Missing, quotient
from ecoplan.accounting.indicators.yeardata import YearData
from ecoplan.i18n import N_

NO_REUSED_WATER = N_(
    "no reused-water flows (category 'reused_water') for {year}; enter a flow "
    "of 0 if no water is reused"
)
NO_FRESH_INTAKE = N_(
    "no fresh-water intake (category 'fresh_water', from an import or "
    "environment node to a process node) for {year}"
)
NO_RECLAIMED_WATER = N_(
    "no reclaimed-water flows (category 'reclaimed_water') for {year}; "
    "enter a flow of 0 if no reclaimed water is used"
)
NO_WASTEWATER_TREATED = N_(
    "no wastewater flows into process nodes (category 'wastewater') for {year}"
)


def industrial_water_reuse_rate(data: YearData) -> IndicatorResult:
    """Compute repeated use over repeated use plus fresh-water intake [%].

    Repeated use is every flow of category ``reused_water`` (recirculation within a plant is
    a flow from its node to itself); the intake is category ``fresh_water`` in inputs. Both
    count only water taken by industry: flows into nodes run by an organisation of kind
    ``household_sector`` are left out, as the indicator is about industrial water use.
    """
    industrial = data.is_water & data.to_industry
    reused_mask = industrial & data.in_category({"reused_water"})
    fresh_mask = industrial & data.is_input & data.in_category({"fresh_water"})
    missing = []
    if data.count(reused_mask) == 0:
        missing.append(Missing(NO_REUSED_WATER, {"year": data.year}))
    if data.count(fresh_mask) == 0:
        missing.append(Missing(NO_FRESH_INTAKE, {"year": data.year}))
    reused, fresh = data.total(reused_mask), data.total(fresh_mask)
    inputs = {"reused_water [m³]": reused, "fresh_water_intake [m³]": fresh}
    return quotient(
        "industrial_water_reuse_rate",
        data.year,
        "%",
        reused,
        reused + fresh,
        inputs,
        missing,
        scale=100.0,
    )


def reclaimed_water_utilisation_rate(data: YearData) -> IndicatorResult:
    """Compute reclaimed water used over wastewater treated in the zone [%].

    Reclaimed water used is the positive net intake of category ``reclaimed_water`` at process
    nodes plus the reclaimed water sent to ``export`` nodes. Wastewater treated is every flow
    of category ``wastewater`` into a process node.

    NOTE: a wastewater collection network modelled as a process node between the plants and
    the treatment plant counts the same wastewater twice; connect plants to the treatment
    plant directly.
    """
    reclaimed_mask = data.is_water & data.in_category({"reclaimed_water"})
    wastewater_mask = (
        data.is_water
        & data.in_category({"wastewater"})
        & (data.flows["to_kind"] == "process").to_numpy()
    )
    missing = []
    if data.count(reclaimed_mask) == 0:
        missing.append(Missing(NO_RECLAIMED_WATER, {"year": data.year}))
    if data.count(wastewater_mask) == 0:
        missing.append(Missing(NO_WASTEWATER_TREATED, {"year": data.year}))
    net = data.net_balance(reclaimed_mask)["net"].to_numpy()
    exported = data.total(reclaimed_mask & (data.flows["to_kind"] == "export").to_numpy())
    used = float(np.clip(net, 0.0, None).sum()) + exported
    treated = data.total(wastewater_mask)
    inputs = {"reclaimed_water_used [m³]": used, "wastewater_treated [m³]": treated}
    return quotient(
        "reclaimed_water_utilisation_rate",
        data.year,
        "%",
        used,
        treated,
        inputs,
        missing,
        scale=100.0,
    )

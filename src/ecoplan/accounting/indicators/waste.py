"""Waste indicators: utilisation of general industrial solid waste and recycling of waste.

Utilisation follows the Chinese statistical definition of 综合利用率: the waste utilised over
the waste generated (utilisation of waste stored in earlier years counts on both sides, as the
statistics add it to the generation). In flow terms, for the resources of the chosen categories
[t per year]:

- *generated* = the sum, over process nodes and resources, of the positive net output
  (outflow minus inflow);
- *utilised* = the sum, over process nodes and resources, of the net intake capped at the
  intake for recovery from process nodes, plus the flows for recovery that leave the zone;
- a flow is *for recovery* when its ``stage`` is ``recovery``, or when it has no stage and
  goes to a process node.

A broker or storage node that passes the waste on has no net intake, so its flows count once.
Waste imported for recovery is utilised but not generated in the zone, so it counts in neither.
"""

from __future__ import annotations

import numpy as np

from ecoplan.accounting.indicators.base import IndicatorResult, Missing, quotient
from ecoplan.accounting.indicators.yeardata import WASTE_CATEGORIES, YearData
from ecoplan.i18n import N_
from ecoplan.model.vocab import BOUNDARY_KINDS, SOLID_WASTE_CATEGORIES

NO_WASTE_FLOWS = N_("no flows of {waste} (resource categories {categories}) for {year}")
NO_WASTE_GENERATED = N_("no net generation of {waste} at process nodes for {year}")
NO_STAGED_WASTE = N_("no flows with stage 'recovery' or 'disposal' for {year}")


def waste_utilisation(data: YearData, categories: frozenset[str]) -> dict[str, float]:
    """Return ``generated``, ``utilised`` and ``flows`` of waste in ``categories`` [t per year]."""
    flows = data.flows
    waste = data.in_category(categories) & data.is_materials
    stage = flows["stage"]
    to_kind = flows["to_kind"]
    for_recovery = ((stage == "recovery") | (stage.isna() & (to_kind == "process"))).to_numpy()
    from_process = (flows["from_kind"] == "process").to_numpy()

    balance = data.net_balance(waste)
    recovered = data.net_balance(waste & for_recovery & from_process)["inflow"]
    intake = recovered.reindex(balance.index, fill_value=0.0).to_numpy()
    net = balance["net"].to_numpy()
    consumed = np.clip(np.minimum(intake, net), 0.0, None).sum()
    leaving = data.total(waste & for_recovery & to_kind.isin(BOUNDARY_KINDS).to_numpy())

    return {
        "generated": float(np.clip(-net, 0.0, None).sum()),
        "utilised": float(consumed + leaving),
        "flows": float(data.count(waste)),
    }


def _utilisation_rate(
    data: YearData, indicator_id: str, categories: frozenset[str], waste: str
) -> IndicatorResult:
    amounts = waste_utilisation(data, categories)
    params = {"waste": waste, "categories": ", ".join(sorted(categories)), "year": data.year}
    missing = []
    if amounts["flows"] == 0:
        missing.append(Missing(NO_WASTE_FLOWS, params))
    elif amounts["generated"] == 0:
        missing.append(Missing(NO_WASTE_GENERATED, params))
    inputs = {"utilised [t]": amounts["utilised"], "generated [t]": amounts["generated"]}
    return quotient(
        indicator_id,
        data.year,
        "%",
        amounts["utilised"],
        amounts["generated"],
        inputs,
        missing,
        scale=100.0,
    )


def solid_waste_utilisation_rate(data: YearData) -> IndicatorResult:
    """Compute utilised over generated general industrial solid waste [%].

    General industrial solid waste is every resource whose category is in
    :data:`~ecoplan.model.vocab.SOLID_WASTE_CATEGORIES`, fly ash and coal gangue included.
    """
    return _utilisation_rate(
        data,
        "solid_waste_utilisation_rate",
        SOLID_WASTE_CATEGORIES,
        N_("general industrial solid waste"),
    )


def fly_ash_utilisation_rate(data: YearData) -> IndicatorResult:
    """Compute utilised over generated fly ash (category ``fly_ash``) [%]."""
    return _utilisation_rate(
        data, "fly_ash_utilisation_rate", frozenset({"fly_ash"}), N_("fly ash")
    )


def coal_gangue_utilisation_rate(data: YearData) -> IndicatorResult:
    """Compute utilised over generated coal gangue (category ``coal_gangue``) [%]."""
    return _utilisation_rate(
        data, "coal_gangue_utilisation_rate", frozenset({"coal_gangue"}), N_("coal gangue")
    )


def main_waste_recycling_rate(data: YearData) -> IndicatorResult:
    """Compute utilised over generated solid waste of every waste category [%].

    NOTE: the national indicator averages the rates of several waste streams (crop straw,
    industrial solid waste, renewable resources, kitchen and construction waste); a zone's flow
    data give one pooled rate over :data:`WASTE_CATEGORIES` instead.
    """
    return _utilisation_rate(data, "main_waste_recycling_rate", WASTE_CATEGORIES, N_("solid waste"))


def waste_recovery_share(data: YearData) -> IndicatorResult:
    """Compute waste sent to recovery over waste sent to recovery or disposal [%].

    Counts flows measured by mass whose ``stage`` is ``recovery`` (numerator) or ``recovery``
    or ``disposal`` (denominator), as in a PRTR's off-site waste transfers, which are
    reported as R (recovery) or D (disposal) operations.
    """
    stage = data.flows["stage"]
    mass = (data.flows["dimension"] == "mass").to_numpy()
    recovery = mass & (stage == "recovery").to_numpy()
    staged = mass & stage.isin(["recovery", "disposal"]).to_numpy()
    missing = []
    if data.count(staged) == 0:
        missing.append(Missing(NO_STAGED_WASTE, {"year": data.year}))
    inputs = {"recovery [t]": data.total(recovery), "recovery_or_disposal [t]": data.total(staged)}
    return quotient(
        "waste_recovery_share",
        data.year,
        "%",
        inputs["recovery [t]"],
        inputs["recovery_or_disposal [t]"],
        inputs,
        missing,
        scale=100.0,
    )

"""Zone totals of resource flows by resource type and by lifecycle stage.

Flows are classed by the kinds of their two nodes:

- input: from an ``import`` or ``environment`` boundary node;
- output: to an ``export``, ``atmosphere``, ``water_body`` or ``landfill`` boundary node;
- internal: between two process nodes, self-loops included;
- recycled: the internal flows that are recycled, which are self-loops (a node feeding itself)
  and flows of a resource with ``origin = secondary``, ``energy_source = secondary``
  (waste heat, recovered fuel) or category ``reused_water`` or ``reclaimed_water``.

A flow straight from an input node to an output node counts as both input and output. A flow
into an import or environment node, or out of an output node, fits none of the classes, so
it is left out of these totals and logged as a warning.
"""

from __future__ import annotations

import logging

import pandas as pd

from ecoplan.i18n import _
from ecoplan.model.vocab import SOURCE_KINDS
from ecoplan.model.zone import Zone
from ecoplan.units import CANONICAL_LABEL

logger = logging.getLogger(__name__)

SINK_KINDS = frozenset({"export", "atmosphere", "water_body", "landfill"})
RECYCLED_WATER = frozenset({"reused_water", "reclaimed_water"})
KEYS = ["year", "type", "dimension"]
MAX_LISTED = 20


def classify_flows(zone: Zone, year: int | None = None) -> pd.DataFrame:
    """Return the zone's flow table with the boolean flow classes added.

    The added columns are ``input``, ``output``, ``internal`` and ``recycled``.

    Parameters
    ----------
    zone
        The zone.
    year
        Only this year; ``None`` for every year.
    """
    flows = zone.flow_table
    if year is not None:
        flows = flows[flows["year"] == year]
    flows = flows.copy()

    flows["input"] = flows["from_kind"].isin(SOURCE_KINDS)
    flows["output"] = flows["to_kind"].isin(SINK_KINDS)
    flows["internal"] = (flows["from_kind"] == "process") & (flows["to_kind"] == "process")
    secondary = (flows["origin"] == "secondary") | (flows["energy_source"] == "secondary")
    reused = flows["category"].isin(RECYCLED_WATER)
    self_loop = flows["from_node"] == flows["to_node"]
    flows["recycled"] = flows["internal"] & (secondary | reused | self_loop)
    return flows


def totals_by_type(zone: Zone, year: int | None = None) -> pd.DataFrame:
    """Sum the zone's flows per year, resource type and dimension.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``type``, ``dimension``, ``unit`` and, per year in ``unit``:
        ``input``, ``output``, ``internal``, ``recycled`` (part of ``internal``) and
        ``total_throughput`` (input plus internal, so every flow into a process node once,
        as in Finn's total system throughput).
    """
    flows = classify_flows(zone, year)
    _report_unclassified(flows)

    classes = ["input", "output", "internal", "recycled"]
    amounts = flows[KEYS].copy()
    for name in classes:
        amounts[name] = flows["quantity"].where(flows[name], 0.0)
    table = amounts.groupby(KEYS, sort=True)[classes].sum().reset_index()

    table["total_throughput"] = table["input"] + table["internal"]
    table.insert(3, "unit", table["dimension"].map(CANONICAL_LABEL))
    return table


def totals_by_stage(zone: Zone, year: int | None = None) -> pd.DataFrame:
    """Sum the zone's flows per year, lifecycle stage, resource type and dimension.

    Flows without a stage go to the stage ``unspecified``.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``stage``, ``type``, ``dimension``, ``quantity`` (per year, in
        ``unit``) and ``unit``.
    """
    flows = zone.flow_table
    if year is not None:
        flows = flows[flows["year"] == year]
    frame = flows[["year", "type", "dimension", "quantity"]].copy()
    frame["stage"] = flows["stage"].fillna("unspecified")

    keys = ["year", "stage", "type", "dimension"]
    table = frame.groupby(keys, sort=True)["quantity"].sum().reset_index()
    table["unit"] = table["dimension"].map(CANONICAL_LABEL)
    return table


def _report_unclassified(flows: pd.DataFrame) -> None:
    unclassified = flows[~(flows["input"] | flows["output"] | flows["internal"])]
    if unclassified.empty:
        return
    listed = ", ".join(
        f"{row.flow_id} ({row.from_node} → {row.to_node})"
        for row in unclassified.head(MAX_LISTED).itertuples(index=False)
    )
    logger.warning(
        _(
            "{count} flow(s) neither enter nor leave the zone nor join two processes, so the "
            "totals leave them out; check their from_node and to_node: {flows}"
        ).format(count=len(unclassified), flows=listed)
    )

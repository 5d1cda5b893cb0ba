"""Sankey diagrams of one resource type in one year, recycling loops included.

Links are the year's flows of the type summed per source node, target node and resource, and
coloured by resource. A link is a loop (``is_loop``) when it lies on a directed cycle: a flow
back to an earlier node, or a node feeding itself.

Plotly's Sankey (plotly.js) draws a flow back to an earlier node as a circular link, but it
draws a link from a node to itself poorly. A self-loop of node N is therefore drawn through a
pseudo-node "N (recirculation)": one link N → pseudo-node and one link pseudo-node → N, each
as wide as the self-loop. Widths stay faithful. For every real node, the drawn inflows add up
to the flows into it in the data (the self-loop counted once as an inflow), and the same holds
for outflows. The pseudo-node's inflow equals its outflow.

A large zone's diagram keeps the ``max_nodes`` process nodes of largest throughput and merges
the other processes into one "Other processes" node. Flows among merged processes become a
self-loop of that node, drawn through its own pseudo-node, so widths stay faithful. Each drawn
node's inflow is the sum of the inflows of the nodes it represents, and likewise for outflows.
``is_loop`` then refers to cycles of the drawn graph, which merging can create. Boundary nodes
(imports, exports, the environment) are always drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative

from ecoplan.errors import EcoplanError
from ecoplan.i18n import N_, normalise_locale, translate
from ecoplan.model.vocab import SOURCE_KINDS, label
from ecoplan.model.zone import Zone
from ecoplan.units import CANONICAL_LABEL

RECIRCULATION = N_("{node} (recirculation)")
PSEUDO_SUFFIX = "::recirculation"
OTHER_PROCESSES = N_("Other processes")
OTHER_ID = "::other-processes"
MERGED_NOTE = N_("{count} process(es) of smallest throughput are merged into “{other}”.")
MAX_PROCESS_NODES = 30
"""Default number of process nodes drawn apart, an estimate of how many a reader can follow."""
NODE_COLOURS = {
    "process": "#4c72b0",
    "import": "#8c8c8c",
    "environment": "#55a868",
    "export": "#8c8c8c",
    "atmosphere": "#c4ad66",
    "water_body": "#64b5cd",
    "landfill": "#8c613c",
    "recirculation": "#dd8452",
    "other": "#a0a0a0",
}


class MixedDimensionError(EcoplanError):
    """Flows of one resource type are measured in several dimensions (t and m³, say)."""


class MaxNodesError(EcoplanError, ValueError):
    """The number of process nodes to draw is negative or not a whole number."""


@dataclass(frozen=True)
class SankeyData:
    """Nodes and links of one Sankey diagram.

    Attributes
    ----------
    nodes
        Columns ``node_id``, ``label`` (in the requested locale), ``kind`` (a node kind,
        ``recirculation`` for a self-loop's pseudo-node, or ``other`` for the node of merged
        processes, whose ``node_id`` is :data:`OTHER_ID`) and ``is_pseudo``.
    links
        Columns ``source`` and ``target`` (row positions in ``nodes``), ``value`` (per year,
        in ``unit``), ``resource`` (``resource_id``), ``resource_label``, ``colour`` and
        ``is_loop``.
    unit
        Unit of every link value, e.g. ``t`` or ``MWh``.
    merged_count
        Number of process nodes merged into the "Other processes" node (0: none merged).
    """

    resource_type: str
    year: int
    unit: str
    nodes: pd.DataFrame
    links: pd.DataFrame
    merged_count: int = 0


def sankey_data(
    zone: Zone,
    resource_type: str,
    year: int,
    locale: str = "en",
    dimension: str | None = None,
    max_nodes: int | None = MAX_PROCESS_NODES,
) -> SankeyData:
    """Build the nodes and links of the Sankey diagram of one resource type and year.

    Parameters
    ----------
    zone
        The zone.
    resource_type
        ``materials``, ``water``, ``energy``, ``air`` or ``land``.
    year
        Year of the flows.
    locale
        ``en`` or ``zh_CN``: node labels use ``name_zh`` in Chinese when it is given.
    dimension
        Dimension to draw when the type's flows have several (``mass``, ``volume``, ...).
    max_nodes
        Number of process nodes drawn apart: those of largest throughput (the larger of
        their inflow and outflow of this type, ties by node id). The other processes are
        merged into one "Other processes" node. ``None`` draws every node. Default 30.

    Raises
    ------
    MixedDimensionError
        When the type's flows have several dimensions and ``dimension`` is not given.
    MaxNodesError
        When ``max_nodes`` is negative or not a whole number.
    """
    _check_max_nodes(max_nodes)
    flows = _selected_flows(zone, resource_type, year, dimension)
    unit_dimension = dimension or (str(flows["dimension"].iloc[0]) if len(flows) else "mass")
    links = _summed_links(flows.rename(columns={"quantity": "value"}))
    merged = _merged_processes(zone, links, max_nodes)
    if len(merged):
        links = _summed_links(_merge_nodes(links, merged))
    links["is_loop"] = _on_cycle(links)
    links = _split_self_loops(links)

    nodes = _node_table(zone, links, locale)
    position = pd.Series(range(len(nodes)), index=nodes["node_id"])
    links["source"] = links["from_node"].map(position)
    links["target"] = links["to_node"].map(position)
    links["resource"] = links["resource_id"]
    links["resource_label"] = links["resource_id"].map(_resource_labels(zone, locale))
    links["colour"] = links["resource_id"].map(_resource_colours(zone))
    columns = ["source", "target", "value", "resource", "resource_label", "colour", "is_loop"]
    return SankeyData(
        resource_type=resource_type,
        year=year,
        unit=CANONICAL_LABEL.get(unit_dimension, ""),
        nodes=nodes,
        links=links[columns].reset_index(drop=True),
        merged_count=len(merged),
    )


def sankey_figure(
    zone: Zone,
    resource_type: str,
    year: int,
    locale: str = "en",
    dimension: str | None = None,
    max_nodes: int | None = MAX_PROCESS_NODES,
) -> go.Figure:
    """Draw the Sankey diagram of one resource type and year (see :func:`sankey_data`).

    When processes are merged, a note below the diagram gives their number.
    """
    data = sankey_data(zone, resource_type, year, locale, dimension, max_nodes)
    locale = normalise_locale(locale)
    title = translate(N_("{resource_type} flows, {year} [{unit}]"), locale).format(
        resource_type=label("resource_type", resource_type, locale), year=year, unit=data.unit
    )
    sankey = go.Sankey(
        arrangement="snap",
        valueformat=".4~g",
        valuesuffix=f" {data.unit}",
        node={
            "label": data.nodes["label"].tolist(),
            "pad": 18,
            "thickness": 16,
            "color": data.nodes["kind"].map(NODE_COLOURS).fillna("#8c8c8c").tolist(),
        },
        link={
            "source": data.links["source"].tolist(),
            "target": data.links["target"].tolist(),
            "value": data.links["value"].tolist(),
            "color": data.links["colour"].tolist(),
            "label": data.links["resource_label"].tolist(),
        },
    )
    figure = go.Figure(sankey)
    figure.update_layout(title={"text": title}, font={"size": 13})
    if data.merged_count:
        _add_merged_note(figure, data.merged_count, locale)
    if data.links.empty:
        figure.add_annotation(
            text=translate(N_("No flows of this type in this year."), locale), showarrow=False
        )
    return figure


def _add_merged_note(figure: go.Figure, count: int, locale: str) -> None:
    """Write the number of merged processes below the diagram, in the bottom margin."""
    note = translate(MERGED_NOTE, locale).format(
        count=count, other=translate(OTHER_PROCESSES, locale)
    )
    figure.add_annotation(
        text=note,
        showarrow=False,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        yshift=-6,
        font={"size": 12},
    )


def _selected_flows(
    zone: Zone, resource_type: str, year: int, dimension: str | None
) -> pd.DataFrame:
    flows = zone.flow_table
    flows = flows[(flows["type"] == resource_type) & (flows["year"] == year)]
    if dimension is not None:
        return flows[flows["dimension"] == dimension]
    dimensions = sorted(flows["dimension"].dropna().unique())
    if len(dimensions) > 1:
        raise MixedDimensionError(
            translate(
                N_(
                    "The {resource_type} flows of {year} are measured in several "
                    "dimensions ({dimensions}); pass dimension= to draw one of them."
                )
            ).format(resource_type=resource_type, year=year, dimensions=", ".join(dimensions))
        )
    return flows


def _check_max_nodes(max_nodes: int | None) -> None:
    whole = isinstance(max_nodes, int) and not isinstance(max_nodes, bool)
    if max_nodes is None or (whole and max_nodes >= 0):
        return
    raise MaxNodesError(
        translate(
            N_(
                "Invalid max_nodes {value!r}. Give a whole number of 0 or more, or None to "
                "draw every node."
            )
        ).format(value=max_nodes)
    )


def _summed_links(flows: pd.DataFrame) -> pd.DataFrame:
    """Sum ``value`` per source node, target node and resource, sorted by these three."""
    return (
        flows.groupby(["from_node", "to_node", "resource_id"], sort=True)["value"]
        .sum()
        .reset_index()
    )


def _merged_processes(zone: Zone, links: pd.DataFrame, max_nodes: int | None) -> pd.Index:
    """Return the process nodes to merge: all but the ``max_nodes`` of largest throughput."""
    if max_nodes is None:
        return pd.Index([], dtype=object)

    outflow = links.groupby("from_node")["value"].sum()
    inflow = links.groupby("to_node")["value"].sum()
    throughput = pd.concat([outflow, inflow], axis=1).max(axis=1)

    process_ids = zone.nodes.loc[zone.nodes["kind"] == "process", "node_id"]
    processes = throughput[throughput.index.isin(process_ids)]
    ranked = pd.DataFrame({"node_id": processes.index, "throughput": processes.to_numpy()})
    ranked = ranked.sort_values(["throughput", "node_id"], ascending=[False, True])
    return pd.Index(ranked["node_id"].iloc[max_nodes:], dtype=object)


def _merge_nodes(links: pd.DataFrame, merged: pd.Index) -> pd.DataFrame:
    """Replace the merged nodes by :data:`OTHER_ID` at both ends of every link."""
    return links.assign(
        from_node=links["from_node"].mask(links["from_node"].isin(merged), OTHER_ID),
        to_node=links["to_node"].mask(links["to_node"].isin(merged), OTHER_ID),
    )


def _on_cycle(links: pd.DataFrame) -> pd.Series:
    """Tell for each link whether it lies on a directed cycle (self-loops included).

    A link u → v lies on a cycle exactly when v leads back to u, that is when both nodes are
    in the same strongly connected component.
    """
    graph = nx.DiGraph()
    graph.add_edges_from(zip(links["from_node"], links["to_node"], strict=True))
    component = {
        node: index
        for index, members in enumerate(nx.strongly_connected_components(graph))
        for node in members
    }
    return links["from_node"].map(component) == links["to_node"].map(component)


def _split_self_loops(links: pd.DataFrame) -> pd.DataFrame:
    """Replace each self-loop N → N by N → pseudo-node and pseudo-node → N of equal value."""
    loops = links["from_node"] == links["to_node"]
    outgoing = links[loops].copy()
    outgoing["to_node"] = outgoing["from_node"] + PSEUDO_SUFFIX
    returning = links[loops].copy()
    returning["from_node"] = returning["to_node"] + PSEUDO_SUFFIX
    return pd.concat([links[~loops], outgoing, returning], ignore_index=True)


def _node_table(zone: Zone, links: pd.DataFrame, locale: str) -> pd.DataFrame:
    nodes = pd.DataFrame({"node_id": pd.Series(_ordered_nodes(zone, links), dtype=object)})
    nodes["is_pseudo"] = nodes["node_id"].str.endswith(PSEUDO_SUFFIX)
    real_id = nodes["node_id"].str.removesuffix(PSEUDO_SUFFIX)

    table = zone.nodes.set_index("node_id")
    names = table["name"]
    if normalise_locale(locale) == "zh_CN":
        names = table["name_zh"].where(table["name_zh"].notna(), table["name"])
    nodes["label"] = real_id.map(names)
    nodes["kind"] = real_id.map(table["kind"])
    other = real_id == OTHER_ID
    nodes.loc[other, "label"] = translate(OTHER_PROCESSES, locale)
    nodes.loc[other, "kind"] = "other"

    template = translate(RECIRCULATION, locale)
    pseudo = nodes["is_pseudo"]
    nodes.loc[pseudo, "label"] = [template.format(node=name) for name in nodes.loc[pseudo, "label"]]
    nodes.loc[pseudo, "kind"] = "recirculation"
    return nodes[["node_id", "label", "kind", "is_pseudo"]]


def _ordered_nodes(zone: Zone, links: pd.DataFrame) -> list[str]:
    """Return the drawn nodes, upstream first: by path length from the zone's inputs.

    plotly.js chooses which link of a cycle to draw as a circular link. With plotly 7.1 on
    the test zone, listing nodes upstream first drew the main flows forward and the
    recycling flows backward; the order changes the layout only, never the widths.
    """
    graph = nx.DiGraph()
    graph.add_edges_from(zip(links["from_node"], links["to_node"], strict=True))
    kinds = zone.nodes.set_index("node_id")["kind"]
    sources = [node for node in graph if kinds.get(node) in SOURCE_KINDS]
    depth = nx.multi_source_dijkstra_path_length(graph, sources) if sources else {}
    unreached = len(graph)
    return sorted(graph, key=lambda node: (depth.get(node, unreached), str(node)))


def _resource_labels(zone: Zone, locale: str) -> pd.Series:
    resources = zone.resources.set_index("resource_id")
    if normalise_locale(locale) == "zh_CN":
        return resources["name_zh"].where(resources["name_zh"].notna(), resources["name"])
    return resources["name"]


def _resource_colours(zone: Zone) -> pd.Series:
    """Return a translucent colour per resource, stable for the zone's resource list."""
    palette = qualitative.Plotly + qualitative.D3
    colours = [_translucent(palette[index % len(palette)]) for index in range(len(zone.resources))]
    return pd.Series(colours, index=zone.resources["resource_id"])


def _translucent(hex_colour: str, alpha: float = 0.55) -> str:
    red, green, blue = (int(hex_colour[position : position + 2], 16) for position in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"

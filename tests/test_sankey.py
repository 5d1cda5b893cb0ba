"""Sankey data and figures: loops drawn, widths conserved, labels in both languages."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from ecoplan import Zone
from ecoplan.accounting import sankey_data, sankey_figure
from ecoplan.accounting.sankey import OTHER_ID, MaxNodesError, MixedDimensionError

NODES = [
    {"node_id": "import", "name": "Imports", "name_zh": "输入", "kind": "import"},
    {"node_id": "smelter", "name": "Smelter", "name_zh": "冶炼厂", "kind": "process"},
    {"node_id": "mill", "name": "Rolling mill", "kind": "process"},
    {"node_id": "export", "name": "Exports", "name_zh": "输出", "kind": "export"},
    {"node_id": "landfill", "name": "Landfill", "name_zh": "填埋场", "kind": "landfill"},
]
RESOURCES = [
    {
        "resource_id": "ore",
        "name": "Iron ore",
        "name_zh": "铁矿石",
        "type": "materials",
        "dimension": "mass",
    },
    {
        "resource_id": "steel",
        "name": "Steel",
        "name_zh": "钢材",
        "type": "materials",
        "dimension": "mass",
    },
    {
        "resource_id": "scrap",
        "name": "Scrap",
        "name_zh": "废钢",
        "type": "materials",
        "dimension": "mass",
        "origin": "secondary",
    },
    {
        "resource_id": "slag",
        "name": "Slag",
        "name_zh": "炉渣",
        "type": "materials",
        "dimension": "mass",
        "category": "bottom_ash_slag",
    },
    {"resource_id": "water", "name": "Water", "type": "water", "dimension": "volume"},
    {"resource_id": "pallets", "name": "Pallets", "type": "materials", "dimension": "count"},
]


def flow(
    flow_id: str, source: str, target: str, resource: str, amount: float, unit: str = "t"
) -> dict[str, Any]:
    return {
        "flow_id": flow_id,
        "from_node": source,
        "to_node": target,
        "resource_id": resource,
        "year": 2020,
        "amount": amount,
        "unit": unit,
    }


FLOWS = [
    flow("f1", "import", "smelter", "ore", 100),
    flow("f2", "smelter", "mill", "steel", 60),
    flow("f3", "smelter", "mill", "steel", 20),
    flow("f4", "mill", "smelter", "scrap", 15),
    flow("f5", "smelter", "smelter", "slag", 10),
    flow("f6", "smelter", "smelter", "scrap", 4),
    flow("f7", "mill", "export", "steel", 65),
    flow("f8", "smelter", "landfill", "slag", 20),
    flow("w1", "import", "smelter", "water", 500, "m³"),
]


@pytest.fixture
def zone(make_zone: Callable[..., Zone]) -> Zone:
    return make_zone(nodes=NODES, resources=RESOURCES, flows=FLOWS)


def drawn_totals(data: Any, column: str) -> pd.Series:
    ids = data.nodes["node_id"]
    return data.links.groupby(data.links[column].map(ids))["value"].sum()


def data_totals(zone: Zone, column: str) -> pd.Series:
    flows = zone.flow_table
    flows = flows[(flows["type"] == "materials") & (flows["dimension"] == "mass")]
    return flows.groupby(column)["quantity"].sum()


def test_widths_conserved_per_node(zone: Zone) -> None:
    data = sankey_data(zone, "materials", 2020, dimension="mass")

    drawn_in, drawn_out = drawn_totals(data, "target"), drawn_totals(data, "source")
    real = data.nodes.loc[~data.nodes["is_pseudo"], "node_id"]

    for node in real:
        assert drawn_in.get(node, 0.0) == pytest.approx(
            data_totals(zone, "to_node").get(node, 0.0)
        ), node
        assert drawn_out.get(node, 0.0) == pytest.approx(
            data_totals(zone, "from_node").get(node, 0.0)
        ), node
    # By hand: smelter takes 100 ore + 15 scrap + 14 of its own slag and scrap.
    assert drawn_in["smelter"] == pytest.approx(129.0)
    assert drawn_out["smelter"] == pytest.approx(80.0 + 14.0 + 20.0)


def test_self_loop_through_pseudo_node(zone: Zone) -> None:
    data = sankey_data(zone, "materials", 2020, dimension="mass")

    pseudo = data.nodes[data.nodes["is_pseudo"]]
    assert pseudo["label"].tolist() == ["Smelter (recirculation)"]
    position = int(pseudo.index[0])
    into = data.links[data.links["target"] == position]
    out_of = data.links[data.links["source"] == position]
    assert into["value"].sum() == pytest.approx(14.0)
    assert out_of["value"].sum() == pytest.approx(14.0)
    assert sorted(into["resource"]) == ["scrap", "slag"]
    assert into["is_loop"].all()
    assert out_of["is_loop"].all()
    assert not (data.links["source"] == data.links["target"]).any()


def test_back_flow_kept_as_loop(zone: Zone) -> None:
    data = sankey_data(zone, "materials", 2020, dimension="mass")
    ids = data.nodes["node_id"]
    links = data.links.assign(
        source_id=data.links["source"].map(ids), target_id=data.links["target"].map(ids)
    )

    back = links[(links["source_id"] == "mill") & (links["target_id"] == "smelter")]
    forward = links[(links["source_id"] == "smelter") & (links["target_id"] == "mill")]
    exits = links[links["target_id"].isin(["export", "landfill"])]

    assert back["value"].tolist() == [15.0]
    assert back["is_loop"].all()
    # Two steel flows from smelter to mill merge into one link of 80 t.
    assert forward["value"].tolist() == [80.0]
    assert forward["is_loop"].all()
    assert not exits["is_loop"].any()
    assert data.unit == "t"


def test_links_coloured_by_resource(zone: Zone) -> None:
    links = sankey_data(zone, "materials", 2020, dimension="mass").links

    colours = links.groupby("resource")["colour"].nunique()

    assert (colours == 1).all()
    assert links.drop_duplicates("resource")["colour"].nunique() == 4


def test_chinese_labels(zone: Zone) -> None:
    data = sankey_data(zone, "materials", 2020, locale="zh_CN", dimension="mass")

    labels = data.nodes.set_index("node_id")["label"]

    assert labels["smelter"] == "冶炼厂"
    assert labels["smelter::recirculation"] == "冶炼厂（循环）"
    # No name_zh: the English name stays.
    assert labels["mill"] == "Rolling mill"
    assert set(data.links["resource_label"]) == {"铁矿石", "钢材", "废钢", "炉渣"}


def test_mixed_dimensions_rejected(zone: Zone, make_zone: Callable[..., Zone]) -> None:
    mixed = make_zone(
        nodes=NODES,
        resources=RESOURCES,
        flows=[*FLOWS, flow("p1", "import", "mill", "pallets", 30, "1")],
    )

    with pytest.raises(MixedDimensionError, match="count, mass"):
        sankey_data(mixed, "materials", 2020)
    assert sankey_data(zone, "materials", 2020).unit == "t"


def test_other_type_and_empty_year(zone: Zone) -> None:
    water = sankey_data(zone, "water", 2020)
    empty = sankey_data(zone, "energy", 2020)

    assert water.links["value"].tolist() == [500.0]
    assert water.unit == "m³"
    assert empty.links.empty
    assert len(sankey_figure(zone, "energy", 2020).layout.annotations) == 1


def test_figure_traces(zone: Zone) -> None:
    figure = sankey_figure(zone, "materials", 2020)

    trace = figure.data[0]

    assert len(trace.link.value) == 9
    assert sum(trace.link.value) == pytest.approx(100 + 80 + 15 + 14 + 14 + 65 + 20)
    assert "Materials flows, 2020 [t]" in figure.layout.title.text


@pytest.mark.browser
def test_figure_renders_loops(zone: Zone, browser: Any, tmp_path: Path) -> None:
    figure = sankey_figure(zone, "materials", 2020)
    html = tmp_path / "sankey.html"
    figure.write_html(html, include_plotlyjs=True, full_html=True)

    page = browser.new_page(viewport={"width": 1000, "height": 600})
    page.goto(html.as_uri())
    page.wait_for_selector(".sankey-link")
    page.screenshot(path=str(tmp_path / "sankey.png"))
    links = page.locator(".sankey-link").count()
    labels = page.locator(".sankey-node text").all_text_contents()
    page.close()

    assert links == 9
    assert "Smelter (recirculation)" in labels
    assert "Rolling mill" in labels


# Four processes, two kept apart (max_nodes=2). Throughput, the larger of inflow and outflow:
# A in 100 + 5 + 1 = 106, B in 90 = out 90, C in 10 + 3 = 13, D out 3 + 2 + 10 + 1 = 16.
# So A and B stay, and C and D merge into "Other processes".
GROUPED_NODES = [
    {"node_id": "import", "name": "Imports", "kind": "import"},
    {"node_id": "A", "name": "Process A", "name_zh": "过程甲", "kind": "process"},
    {"node_id": "B", "name": "Process B", "kind": "process"},
    {"node_id": "C", "name": "Process C", "kind": "process"},
    {"node_id": "D", "name": "Process D", "kind": "process"},
    {"node_id": "export", "name": "Exports", "kind": "export"},
    {"node_id": "landfill", "name": "Landfill", "kind": "landfill"},
]
GROUPED_FLOWS = [
    flow("g1", "import", "A", "ore", 100),
    flow("g2", "import", "C", "ore", 10),
    flow("g3", "A", "B", "steel", 90),
    flow("g4", "A", "landfill", "slag", 10),
    flow("g5", "B", "export", "steel", 80),
    flow("g6", "B", "A", "scrap", 5),
    flow("g7", "B", "D", "scrap", 5),
    flow("g8", "C", "D", "steel", 8),
    flow("g9", "D", "C", "scrap", 3),
    flow("g10", "D", "D", "scrap", 2),
    flow("g11", "D", "export", "steel", 10),
    flow("g12", "C", "landfill", "slag", 2),
    flow("g13", "D", "A", "scrap", 1),
]
MERGED = {"C": OTHER_ID, "D": OTHER_ID}
OTHER_PSEUDO = OTHER_ID + "::recirculation"


@pytest.fixture
def grouped_zone(make_zone: Callable[..., Zone]) -> Zone:
    return make_zone(nodes=GROUPED_NODES, resources=RESOURCES, flows=GROUPED_FLOWS)


def drawn_links(data: Any) -> pd.DataFrame:
    """Return the links with the node ids of their source and target."""
    ids = data.nodes["node_id"]
    return data.links.assign(
        source_id=data.links["source"].map(ids), target_id=data.links["target"].map(ids)
    )


def member_totals(zone: Zone, column: str, merged: dict[str, str]) -> pd.Series:
    """Sum the data's flows per drawn node: each merged node counts for the node it joins."""
    flows = zone.flow_table
    flows = flows[(flows["type"] == "materials") & (flows["dimension"] == "mass")]
    return flows.groupby(flows[column].replace(merged))["quantity"].sum()


def assert_conserved(zone: Zone, data: Any, merged: dict[str, str]) -> None:
    drawn_in, drawn_out = drawn_totals(data, "target"), drawn_totals(data, "source")
    data_in = member_totals(zone, "to_node", merged)
    data_out = member_totals(zone, "from_node", merged)

    for node in data.nodes.loc[~data.nodes["is_pseudo"], "node_id"]:
        assert drawn_in.get(node, 0.0) == pytest.approx(data_in.get(node, 0.0)), node
        assert drawn_out.get(node, 0.0) == pytest.approx(data_out.get(node, 0.0)), node
    for node in data.nodes.loc[data.nodes["is_pseudo"], "node_id"]:
        assert drawn_in[node] == pytest.approx(drawn_out[node]), node


def test_grouped_widths_conserved(grouped_zone: Zone) -> None:
    data = sankey_data(grouped_zone, "materials", 2020, dimension="mass", max_nodes=2)

    drawn_in, drawn_out = drawn_totals(data, "target"), drawn_totals(data, "source")

    assert_conserved(grouped_zone, data, MERGED)
    # By hand: C takes 10 + 3 and D takes 5 + 8 + 2, so the other node takes 28 in all,
    # 13 of it from C and D themselves (8 + 3 + 2) through the recirculation node.
    assert drawn_in[OTHER_ID] == pytest.approx(28.0)
    # C gives 8 + 2 and D gives 3 + 2 + 10 + 1: 26 in all.
    assert drawn_out[OTHER_ID] == pytest.approx(26.0)
    assert drawn_in[OTHER_PSEUDO] == pytest.approx(13.0)
    assert drawn_out[OTHER_PSEUDO] == pytest.approx(13.0)
    assert drawn_in["A"] == pytest.approx(106.0)


def test_grouping_keeps_largest(grouped_zone: Zone) -> None:
    data = sankey_data(grouped_zone, "materials", 2020, dimension="mass", max_nodes=2)

    labels = data.nodes.set_index("node_id")["label"]

    assert data.merged_count == 2
    assert set(labels.index) == {
        "import", "A", "B", OTHER_ID, OTHER_PSEUDO, "export", "landfill"
    }  # fmt: skip
    assert labels[OTHER_ID] == "Other processes"
    assert labels[OTHER_PSEUDO] == "Other processes (recirculation)"
    assert data.nodes.set_index("node_id")["kind"][OTHER_ID] == "other"


def test_grouped_links_aggregated(grouped_zone: Zone) -> None:
    links = drawn_links(sankey_data(grouped_zone, "materials", 2020, max_nodes=2))

    def between(source: str, target: str) -> pd.DataFrame:
        return links[(links["source_id"] == source) & (links["target_id"] == target)]

    # C → D (steel 8), D → C and D → D (scrap 3 + 2) become the other node's self-loop.
    into_pseudo = between(OTHER_ID, OTHER_PSEUDO).set_index("resource")["value"]
    assert into_pseudo.to_dict() == {"scrap": 5.0, "steel": 8.0}
    assert between(OTHER_PSEUDO, OTHER_ID)["value"].sum() == pytest.approx(13.0)
    assert between(OTHER_ID, "export")["value"].tolist() == [10.0]
    assert between("B", "A")["value"].tolist() == [5.0]
    # B → other → A → B is a cycle once C and D merge; the import link is on none.
    assert between("B", OTHER_ID)["is_loop"].all()
    assert between(OTHER_ID, OTHER_PSEUDO)["is_loop"].all()
    assert not between("import", OTHER_ID)["is_loop"].any()
    assert not (links["source"] == links["target"]).any()


def test_grouped_labels_chinese(grouped_zone: Zone) -> None:
    data = sankey_data(grouped_zone, "materials", 2020, locale="zh_CN", max_nodes=2)

    labels = data.nodes.set_index("node_id")["label"]

    assert labels[OTHER_ID] == "其他过程"
    assert labels[OTHER_PSEUDO] == "其他过程（循环）"
    assert labels["A"] == "过程甲"


def test_max_nodes_none_keeps_all(grouped_zone: Zone) -> None:
    everything = sankey_data(grouped_zone, "materials", 2020, max_nodes=None)
    default = sankey_data(grouped_zone, "materials", 2020)

    assert everything.merged_count == 0
    assert set(everything.nodes["node_id"]) == {
        "import", "A", "B", "C", "D", "D::recirculation", "export", "landfill"
    }  # fmt: skip
    assert_conserved(grouped_zone, everything, {})
    # Four processes are fewer than the default 30: the default draws them all too.
    pd.testing.assert_frame_equal(default.nodes, everything.nodes)
    pd.testing.assert_frame_equal(default.links, everything.links)


def test_max_nodes_zero_merges_all(grouped_zone: Zone) -> None:
    data = sankey_data(grouped_zone, "materials", 2020, max_nodes=0)

    merged = {node: OTHER_ID for node in "ABCD"}

    assert data.merged_count == 4
    assert set(data.nodes["node_id"]) == {"import", OTHER_ID, OTHER_PSEUDO, "export", "landfill"}
    assert_conserved(grouped_zone, data, merged)


@pytest.mark.parametrize("max_nodes", [-1, 2.5, True])
def test_max_nodes_invalid(grouped_zone: Zone, max_nodes: Any) -> None:
    with pytest.raises(MaxNodesError, match=re.escape(f"Invalid max_nodes {max_nodes!r}.")):
        sankey_data(grouped_zone, "materials", 2020, max_nodes=max_nodes)


def test_figure_notes_merged_count(grouped_zone: Zone) -> None:
    english = sankey_figure(grouped_zone, "materials", 2020, max_nodes=2)
    chinese = sankey_figure(grouped_zone, "materials", 2020, locale="zh_CN", max_nodes=2)
    whole = sankey_figure(grouped_zone, "materials", 2020)

    assert [note.text for note in english.layout.annotations] == [
        "2 process(es) of smallest throughput are merged into “Other processes”."
    ]
    assert [note.text for note in chinese.layout.annotations] == [
        "吞吐量最小的 2 个过程合并为“其他过程”。"
    ]
    assert not whole.layout.annotations
    assert "Process C" not in english.data[0].node.label
    assert "Other processes" in english.data[0].node.label


def test_many_nodes_grouped(make_zone: Callable[..., Zone]) -> None:
    rng = np.random.default_rng(7)
    processes = [f"P{index:03d}" for index in range(80)]
    nodes = [{"node_id": node, "name": node, "kind": "process"} for node in processes]
    nodes += [node for node in NODES if node["kind"] != "process"]
    ends = rng.choice(processes, size=(400, 2))
    flows = [
        flow(f"r{index}", source, target, "steel", float(rng.integers(1, 100)))
        for index, (source, target) in enumerate(ends)
    ]
    flows += [
        flow(f"i{index}", "import", node, "ore", 50.0 + index)
        for index, node in enumerate(processes)
    ]
    zone = make_zone(nodes=nodes, resources=RESOURCES, flows=flows)

    data = sankey_data(zone, "materials", 2020)

    kept = data.nodes.loc[data.nodes["kind"] == "process", "node_id"]
    merged = sorted(set(processes) - set(kept))
    assert len(kept) == 30
    assert data.merged_count == 50
    assert_conserved(zone, data, dict.fromkeys(merged, OTHER_ID))
    throughput = pd.concat(
        [member_totals(zone, "to_node", {}), member_totals(zone, "from_node", {})], axis=1
    ).max(axis=1)
    assert throughput[kept].min() >= throughput[merged].max()

"""Sankey data and figures: loops drawn, widths conserved, labels in both languages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from ecoplan import Zone
from ecoplan.accounting import sankey_data, sankey_figure
from ecoplan.accounting.sankey import MixedDimensionError

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

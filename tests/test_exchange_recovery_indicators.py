"""Indicators after all exchanges count what a materials recovery facility sells, by hand.

The hand zone of ``exchange_zone`` is scaled up: the plant landfills 100,000 t of fly ash a
year and the cement works 50,000 t of mixed municipal waste (EWC 20 03 01), so 150,000 t go
to disposal. The works requests 10,000 t of ash in place of limestone. A sorting plant of
50,000 t/a takes the mixed waste at a net cost below its landfill cost and sells 0.15 t of
plastics per t, so 7,500 t are sold and 42,500 t of residue still go to landfill.

Solid waste generated is the net output of the process nodes: 100,000 + 50,000 = 150,000 t.
After the exchanges, 10,000 t of ash are taken in by the works and 7,500 t leave the zone for
recovery, so 17,500 t are utilised:

- main_waste_recycling_rate (all waste categories): 17,500 / 150,000 × 100 = 11.667 %;
- waste_recovery_share: recovery 17,500 over recovery or disposal 150,000 = 11.667 %;
- fly_ash_utilisation_rate: 10,000 / 100,000 × 100 = 10 %, because the plant's output
  is fly ash only and the sorting plant takes no ash.
"""

from __future__ import annotations

import copy
from typing import Any

import pandas as pd
import pytest

import exchange_zone as hand
from ecoplan import Zone
from ecoplan.report.exchange import match_listings, optimise_network

ASH, MIXED, EXCHANGED, SOLD_SHARE = 100_000.0, 50_000.0, 10_000.0, 0.15  # t/a, t/t


def scaled_tables() -> dict[str, list[dict[str, Any]]]:
    """Return the hand zone with the amounts above, the mixed waste and the sorting plant."""
    tables: dict[str, list[dict[str, Any]]] = copy.deepcopy(hand.TABLES)
    amounts = {"f2": ASH, "f3": 20_000.0}
    for flow in tables["flows"]:
        flow["amount"] = amounts.get(flow["flow_id"], flow["amount"])
    tables["flows"].append(
        {
            "flow_id": "f5",
            "from_node": "works",
            "to_node": "landfill",
            "resource_id": "mixed",
            "year": 2020,
            "amount": MIXED,
            "unit": "t",
            "stage": "disposal",
        }
    )
    offer, request = tables["listings"]
    offer["amount"], request["amount"] = ASH, EXCHANGED
    tables["listings"].append(
        {
            "listing_id": "o_mixed",
            "kind": "offer",
            "node_id": "works",
            "resource_id": "mixed",
            "amount": MIXED,
            "unit": "t",
            "year": 2020,
            "disposal_cost": 60.0,
            "price_unit": "元/t",
        }
    )
    tables["resources"].append(
        {
            "resource_id": "mixed",
            "name": "Mixed municipal waste",
            "type": "materials",
            "dimension": "mass",
            "category": "municipal_solid_waste",
            "taxonomy": "EWC",
            "code": "200301",
        }
    )
    tables["recovery_facilities"] = [
        {
            "facility_id": "mrf",
            "site_id": "s_works",
            "capacity": MIXED,
            "capacity_unit": "t/a",
            "cost": 20.0,
            "residue_cost": 60.0,
            "accepts": "20 03 01",
        }
    ]
    tables["recovery_yields"] = [
        {"facility_id": "mrf", "code": "191204", "yield": SOLD_SHARE, "price": 400.0}
    ]
    return tables


@pytest.fixture(scope="module")
def change() -> pd.DataFrame:
    tables = scaled_tables()
    zone = Zone.from_tables({name: pd.DataFrame(rows) for name, rows in tables.items()})
    analysis = optimise_network(zone, match_listings(zone))
    assert analysis.result is not None
    assert analysis.exchanges["quantity"].sum() == pytest.approx(EXCHANGED, rel=1e-9)
    assert analysis.result.recovery["quantity"].sum() == pytest.approx(MIXED, rel=1e-9)
    assert analysis.change is not None
    return analysis.change.set_index("indicator_id")


def test_recycling_counts_sold_outputs(change: pd.DataFrame) -> None:
    row = change.loc["main_waste_recycling_rate"]

    assert row["before"] == pytest.approx(0.0, abs=1e-9)
    assert row["after"] == pytest.approx(17_500 / 150_000 * 100, rel=1e-9)


def test_recovery_share_counts_sold_outputs(change: pd.DataFrame) -> None:
    row = change.loc["waste_recovery_share"]

    assert row["before"] == pytest.approx(0.0, abs=1e-9)
    assert row["after"] == pytest.approx(17_500 / 150_000 * 100, rel=1e-9)


def test_fly_ash_rate_counts_exchange_only(change: pd.DataFrame) -> None:
    row = change.loc["fly_ash_utilisation_rate"]

    assert row["after"] == pytest.approx(10.0, rel=1e-9)

"""Candidate broker hub sites of the Dalian example (sheet ``hub_sites``).

The report proposes a by-product utility in the Dalian EIP, whose advantage is its "ability
to accumulate economic quantities of materials", and a materials recovery facility among the
EIP's infrastructure. It gives no site plan, capacity or cost. The EIP reserve parcel is
therefore one candidate, and the existing refuse transfer station an assumed second one.
Every cost and capacity is assumed, with its basis in the note.
"""

from __future__ import annotations

from examples.common import Rows
from examples.dalian_exchange import PRICE_BASIS
from examples.dalian_sources import REPORT

ANNUITY = "annualised over 15 years at 8 % (capital recovery factor 0.117)"
"""Basis of every annualised investment of the hubs."""
WAGE = "about 2 万元 per person and year"
"""Assumed staff cost of a hub, Dalian c. 2003."""


def _dalian_hub_sites() -> Rows:
    return [
        {
            "site_id": "eip_reserve",
            "fixed_cost": 120,
            "fixed_cost_unit": "万元/a",
            "capacity": 15,
            "capacity_unit": "万吨/年",
            "unit_cost": 15,
            "cost_unit": "元/t",
            "min_quantity": 3,
            "assumed": True,
            "source": f"{REPORT}, sections 'Resource Recovery Cluster' (by-product utility in "
            "the EIP) and 'Materials Recovery Facilty'; costs and capacity assumed",
            "note": "Assumed by-product utility yard on the EIP reserve. Fixed cost: about "
            f"800 万元 of weighbridge, paved yard, covered store and ash silo {ANNUITY}, "
            f"93 万元/a, plus 12 staff at {WAGE}, 24 万元/a. Capacity: 500 t a day over "
            "300 working days. Handling: about 5 元/t for weighing, unloading, storage and "
            "loading, and 10 元/t for shipping on in full loads. Economic quantity: below "
            "3 万吨/年 the fixed cost alone exceeds 40 元/t, the highest disposal cost of the "
            f"mass offers. All {PRICE_BASIS}.",
        },
        {
            "site_id": "site_transfer",
            "fixed_cost": 40,
            "fixed_cost_unit": "万元/a",
            "capacity": 6,
            "capacity_unit": "万吨/年",
            "unit_cost": 20,
            "cost_unit": "元/t",
            "assumed": True,
            "source": "assumed",
            "note": "Assumed alternative to the EIP yard, which the report does not name: "
            "extra bays and storage at the existing refuse transfer station. Fixed cost: "
            f"about 200 万元 {ANNUITY}, 23 万元/a, plus 8 staff at {WAGE}, 16 万元/a. "
            "Capacity: 200 t a day over 300 working days. Handling: about 5 元/t at the "
            "station and 15 元/t for shipping on in smaller loads than the EIP yard's. "
            f"All {PRICE_BASIS}.",
        },
    ]

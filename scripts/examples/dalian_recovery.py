"""The Dalian example's materials recovery facility, its outputs and its site.

Sheets ``recovery_facilities`` and ``recovery_yields``.

The report puts a materials recovery facility (MRF) among the EIP's infrastructure, "for
sorting of materials and used products and routing to the appropriate user in the park", but
gives no size, cost or output. The example's facility sorts the mixed municipal waste that
the zone landfills (flow S05, the 26 % that is not organic).

Its yields come from a published composition and assumed capture rates. The What a Waste
2.0 country row for China (Kaza et al. 2018, World Bank; data year 2014, from Gu et al.
2017, Waste Management 61: 67-77) gives plastic 9.8 %, glass 2.1 %, metal 1.1 %,
rubber and leather 1.3 % and other 13.1 % of MSW, 27.4 % together, close to the example's
non-organic 26 %. Within that fraction plastic is 35.8 %, glass 7.7 % and metal 4.0 %. The
capture rates are assumed; the yields they give, 19.8 % of the input, sit inside the 10-30 %
that mixed-waste sorting plants recover (K. Strange) and next to the 19 % average of
California's mixed-waste plants (StopWaste.org), both as quoted by GreenBlue, "ReLoop: What
is mixed waste processing or all-in-one/dirty MRF recycling?". Costs and prices are
assumed, each with its basis in the note.
"""

from __future__ import annotations

from examples.common import Rows
from examples.dalian_exchange import PRICE_BASIS, assumed_location
from examples.dalian_hubs import ANNUITY, WAGE
from examples.dalian_listings import LANDFILL_FEE
from examples.dalian_sources import REPORT

COMPOSITION = (
    "What a Waste 2.0 (Kaza et al. 2018, World Bank), country row China, data year 2014 "
    "(Gu et al. 2017): plastic 9.8 %, glass 2.1 %, metal 1.1 % of MSW, and 27.4 % of MSW "
    "neither organic, paper nor wood"
)
RECOVERY_RANGE = (
    "yields of 19.8 % together, within the 10-30 % that mixed-waste sorting plants recover "
    "and near the 19 % average of California's (GreenBlue, ReLoop blog on mixed waste "
    "processing)"
)

SITE = {
    "site_id": "site_mrf",
    "name": "Materials recovery facility (EIP)",
    "name_zh": "材料回收设施（生态工业园）",
    "longitude": 121.875,
    "latitude": 39.115,
    "note": assumed_location(
        "a plot of the EIP reserve beside the by-product utility yard, on the road from "
        "the transfer station"
    ),
    "source": "assumed",
}


def _dalian_recovery_sites() -> Rows:
    return [SITE]


def _dalian_recovery_facilities() -> Rows:
    return [
        {
            "facility_id": "mrf_eip",
            "site_id": "site_mrf",
            "capacity": 4.5,
            "capacity_unit": "万吨/年",
            "cost": 55,
            "cost_unit": "元/t",
            "residue_cost": LANDFILL_FEE,
            "accepts": "200301",
            "assumed": True,
            "source": f"{REPORT}, section 'Materials Recovery Facilty'; capacity and costs assumed",
            "note": "Assumed hand-picking line with trommel, overband magnet and baler for "
            "the zone's mixed municipal waste (EWC 200301). Capacity: 150 t a day over 300 "
            "working days, just above the 44,330 t landfilled. Cost per tonne of input at "
            "capacity: about 1,000 万元 of building and equipment "
            f"{ANNUITY}, 117 万元/a or 26 元/t; 40 pickers and operators at {WAGE}, 80 万元/a "
            "or 18 元/t; power and upkeep about 8 元/t; haul from the transfer station, "
            "10.7 km x 1.3 at 0.15 元/t·km, about 2 元/t; 55 元/t together. Residue: "
            f"hauled to the landfill at the {LANDFILL_FEE} 元/t of municipal waste. "
            f"All {PRICE_BASIS}.",
        }
    ]


def _output(code: str, share: float, price: float, note: str) -> dict[str, object]:
    return {
        "facility_id": "mrf_eip",
        "code": code,
        "yield": share,
        "price": price,
        "price_unit": "元/t",
        "assumed": True,
        "source": f"{COMPOSITION}; capture rate and price assumed",
        "note": f"{note} The yields add up to {RECOVERY_RANGE}. Price {PRICE_BASIS}.",
    }


def _dalian_recovery_yields() -> Rows:
    return [
        _output(
            "191204",
            0.143,
            600,
            "Plastics: 35.8 % of the input (9.8 of 27.4), 40 % of it picked by hand "
            "(assumed: film and bottles soiled by kitchen waste are picked poorly). Price "
            "600 元/t for baled mixed plastics from mixed waste, well below clean bottle "
            "bales.",
        ),
        _output(
            "191202",
            0.032,
            800,
            "Metals: 4.0 % of the input (1.1 of 27.4), 80 % of it caught by the magnet and "
            "the pickers (assumed), sold as light ferrous scrap (cans) at 800 元/t.",
        ),
        _output(
            "191205",
            0.023,
            50,
            "Glass: 7.7 % of the input (2.1 of 27.4), 30 % of it picked as whole bottles "
            "(assumed: broken glass stays in the fines). Price 50 元/t, because mixed glass "
            "cullet sells for little.",
        ),
    ]

"""By-product offers and requests of the Dalian example (sheet ``listings``).

Offers restate the zone's flows to the ash pond, the landfill and the bay, adding what the
flows do not record: a disposal cost and a quality. Requests are the inputs that the report's
action projects and EIP plans imply. Quantities of offers equal their flows; quantities of
requests, prices and costs are assumed, each with its basis in the note. Money is in CNY:
an order of magnitude for China around 2003, not a quoted price.
"""

from __future__ import annotations

from typing import Any

from examples.common import Rows
from examples.dalian_exchange import PRICE_BASIS
from examples.dalian_flows import LANDFILLED, MSW_LANDFILLED_SHARES, ORGANIC
from examples.dalian_sources import DALIAN_YEAR

LANDFILL_FEE = 40
"""Assumed cost of hauling and landfilling municipal waste [元/t]."""


def _listing(
    listing_id: str, kind: str, route: str, amount: float, unit: str, **extra: Any
) -> dict[str, Any]:
    """Return one listing row; ``route`` is ``"node:resource"``."""
    node, resource = route.split(":")
    return {
        "listing_id": listing_id,
        "kind": kind,
        "node_id": node,
        "resource_id": resource,
        "amount": amount,
        "unit": unit,
        "year": DALIAN_YEAR,
        "source": "assumed",
        **extra,
    }


def _money(column: str, value: float, unit: str = "元/t") -> dict[str, Any]:
    return {column: value, "price_unit": unit}


def _dalian_listings() -> Rows:
    return _ash_offers() + _other_offers() + _ash_requests() + _other_requests()


def _ash_offers() -> Rows:
    pond = f"sluicing to the ash pond, raising its dam and dust control ({PRICE_BASIS})"
    return [
        _listing(
            "offer_fly_ash",
            "offer",
            "power_plant:fly_ash",
            798,
            "t/d",
            org_id="ddz_power",
            operating_hours=5_500,
            quality="grade II (GB/T 1596); LOI=4.5 %; SO3=1.2 %; Cl=0.02 %; free_CaO=0.8 %",
            price=0,
            **_money("disposal_cost", 30),
            note="Assumed: the fly ash now sent to the ash pond (flow A02), offered free. "
            f"Disposal cost 30 元/t: {pond}. Quality values assumed for dry fly ash of a "
            "pulverised-coal unit; to be tested.",
        ),
        _listing(
            "offer_bottom_ash",
            "offer",
            "power_plant:bottom_ash",
            3.04,
            "万吨",
            org_id="ddz_power",
            **_money("disposal_cost", 20),
            note="Assumed: the bottom ash now sent to the ash pond (flow A05). Disposal cost "
            f"20 元/t, less than fly ash because the coarse ash drains and needs no dust "
            f"control ({PRICE_BASIS}).",
        ),
        _listing(
            "offer_fgd_gypsum",
            "offer",
            "power_plant:fgd_gypsum",
            3.7,
            "万吨",
            org_id="ddz_power",
            quality="CaSO4·2H2O about 90 %, 10 % free water; Cl=0.01 %",
            **_money("disposal_cost", 25),
            note="Assumed: the FGD gypsum now sent to the ash pond (flow A07). Disposal cost "
            f"25 元/t ({PRICE_BASIS}); purity typical of limestone forced-oxidation scrubbers.",
        ),
    ]


def _other_offers() -> Rows:
    shares = MSW_LANDFILLED_SHARES
    fee = f"hauling to and landfilling at Dalian's landfill, {LANDFILL_FEE} 元/t ({PRICE_BASIS})"
    return [
        _listing(
            "offer_sludge",
            "offer",
            "wwtp:sewage_sludge",
            27,
            "t/d",
            org_id="ddz_water",
            operating_hours=8_760,
            quality="dewatered, about 80 % water; metals to be tested against GB 18918-2002",
            **_money("disposal_cost", 60),
            note="Assumed: the sludge now landfilled (flow W12). Disposal cost 60 元/t, above "
            f"the {LANDFILL_FEE} 元/t of municipal waste because wet sludge needs lined cells "
            f"({PRICE_BASIS}).",
        ),
        *(
            _listing(
                f"offer_{resource}",
                "offer",
                f"msw_collection:{resource}",
                amount,
                "t",
                org_id="ddz_sanitation",
                **_money("disposal_cost", LANDFILL_FEE),
                note=f"Assumed: the {label} now landfilled (flow {flow}). Disposal cost: {fee}.",
            )
            for resource, label, flow, amount in (
                ("organic_msw", "kitchen and garden waste", "S04", shares["organic_msw"]),
                ("waste_paper", "paper and cardboard", "S08", shares["waste_paper"]),
                ("waste_wood", "wood", "S09", shares["waste_wood"]),
                ("msw", "mixed waste that is not organic", "S05", LANDFILLED - ORGANIC),
            )
        ),
        _listing(
            "offer_waste_heat",
            "offer",
            "power_plant:waste_heat",
            300_000,
            "MWh",
            org_id="ddz_power",
            quality="hot water at 130 °C, returned at 70 °C",
            **_money("disposal_cost", 0, "元/MWh"),
            note="Assumed: heat the plant (a 热电厂, built to extract heat) could extract from "
            "its turbines, about 5 % of its conversion losses (flow B07, 5.57 TWh); rejecting "
            "it in the cooling towers costs nothing extra.",
        ),
        _listing(
            "offer_reclaimed",
            "offer",
            "wwtp:reclaimed_water",
            600,
            "万立方米",
            org_id="ddz_water",
            quality="COD=40 mg/L; BOD5=8 mg/L; Cl=180 mg/L",
            price=1.0,
            **_money("disposal_cost", 0, "元/m³"),
            note="Assumed: output of the second water reuse project (starting), about "
            "16,000 m³ a day, at design values within the cooling-water limits of "
            f"GB/T 19923-2005; price 1.0 元/m³ ({PRICE_BASIS}); unsold water is discharged "
            "with the effluent at no extra cost.",
        ),
    ]


def _ash_requests() -> Rows:
    ash = "the fly ash project (the report asks for partners in construction products)"
    return [
        _listing(
            "request_cement",
            "request",
            "cement_plant:clinker",
            3,
            "万吨",
            org_id="cement_works",
            use="cement",
            **_money("virgin_cost", 180),
            note=f"Assumed: fly ash blended into cement in place of clinker, for {ash}; "
            "30,000 t is 15 % of an assumed 200,000 t a year of cement ground; clinker "
            f"180 元/t ({PRICE_BASIS}).",
        ),
        _listing(
            "request_raw_meal",
            "request",
            "cement_plant:clay",
            2,
            "万吨",
            org_id="cement_works",
            accepted="100101",
            **_money("virgin_cost", 15),
            note="Assumed: bottom ash in the raw meal in place of clay, as the report asks the "
            f"fly ash project to take bottom ash too; clay 15 元/t ({PRICE_BASIS}).",
        ),
        _listing(
            "request_retarder",
            "request",
            "cement_plant:natural_gypsum",
            0.8,
            "万吨",
            org_id="cement_works",
            accepted="100105",
            **_money("virgin_cost", 60),
            note="Assumed: FGD gypsum as set retarder, about 4 % of 200,000 t of cement; "
            f"natural gypsum 60 元/t ({PRICE_BASIS}).",
        ),
        _listing(
            "request_concrete",
            "request",
            "concrete_plant:cement",
            2,
            "万吨",
            org_id="concrete_works",
            use="concrete",
            **_money("virgin_cost", 260),
            note="Assumed: fly ash in place of cement in ready-mix concrete for DDZ "
            "construction, which the report says the Planning Bureau can require; cement "
            f"(32.5 grade) 260 元/t ({PRICE_BASIS}).",
        ),
        _listing(
            "request_blocks",
            "request",
            "ash_products:aggregate",
            2,
            "万吨",
            org_id="ash_products",
            use="bricks",
            **_money("virgin_cost", 25),
            note="Assumed: the ash building products plant growing by 10 % of its 20 万吨 "
            f"(flow A03), fly ash in place of sand; sand 25 元/t ({PRICE_BASIS}).",
        ),
        _listing(
            "request_wallboard",
            "request",
            "wallboard_plant:natural_gypsum",
            2.5,
            "万吨",
            org_id="wallboard_works",
            use="wallboard",
            **_money("virgin_cost", 60),
            note="Assumed: an EIP wallboard plant of about 3 million m² a year (about 8 kg "
            f"gypsum per m²); natural gypsum 60 元/t ({PRICE_BASIS}).",
        ),
    ]


def _other_requests() -> Rows:
    biomass = "the report's biomass action projects"
    return [
        _listing(
            "request_heat",
            "request",
            "district_heating:waste_heat",
            60_000,
            "MWh",
            org_id="ddz_heating",
            use="district_heating",
            **_money("virgin_cost", 90, "元/MWh"),
            note="Assumed: the households' heat demand of the energy_demand table (300,000 "
            "residents × 0.2 MWh); heat from small coal-fired boilers about 25 元/GJ, 90 "
            f"元/MWh ({PRICE_BASIS}).",
        ),
        _listing(
            "request_digester",
            "request",
            "digester:digester_feed",
            3,
            "万吨",
            org_id="ddz_water",
            use="anaerobic_digestion",
            **_money("virgin_cost", 0),
            note=f"Assumed: capacity of the sludge digester of {biomass}, co-digesting "
            "organic garbage; it replaces no bought feedstock (virgin cost 0), and the "
            "biogas it sells is not counted here.",
        ),
        _listing(
            "request_compost",
            "request",
            "composting:digester_feed",
            4,
            "万吨",
            org_id="ddz_sanitation",
            use="composting",
            **_money("virgin_cost", 0),
            note=f"Assumed: capacity of the garbage conversion plant of {biomass}; it "
            "replaces no bought feedstock (virgin cost 0), and the compost it sells is not "
            "counted here.",
        ),
        _listing(
            "request_paper",
            "request",
            "paper_recycling:pulp",
            12_000,
            "t",
            org_id="paper_recycler",
            use="fibre_products",
            **_money("virgin_cost", 700),
            note="Assumed: spare capacity of the paper project, whose input would otherwise "
            f"be waste paper bought from outside the zone at 700 元/t ({PRICE_BASIS}).",
        ),
        _listing(
            "request_wood",
            "request",
            "wood_recycling:timber",
            4_000,
            "t",
            org_id="wood_recycler",
            use="wood_panels",
            **_money("virgin_cost", 300),
            note="Assumed: spare capacity of the wood project's particle board line; wood "
            f"chips 300 元/t ({PRICE_BASIS}).",
        ),
        *_water_requests(),
    ]


def _water_requests() -> Rows:
    tariff = f"industrial fresh-water tariff 2.5 元/m³ ({PRICE_BASIS})"
    return [
        _listing(
            "request_reclaimed",
            "request",
            "manufacturing:fresh_water",
            500,
            "万立方米",
            org_id="ddz_industry",
            accepted="reclaimed_water",
            price=1.5,
            **_money("virgin_cost", 2.5, "元/m³"),
            note="Assumed: cooling water that industry could take from the second water "
            f"reuse project in place of fresh water (flow W01), paying 1.5 元/m³; {tariff}.",
        ),
        _listing(
            "request_cooling",
            "request",
            "power_plant:fresh_water",
            400,
            "万立方米",
            org_id="ddz_power",
            accepted="reclaimed_water",
            **_money("virgin_cost", 2.5, "元/m³"),
            note="Assumed: half of the plant's fresh water (flow W02, 800 万m³) is cooling "
            f"make-up that reclaimed water could replace; {tariff}.",
        ),
    ]

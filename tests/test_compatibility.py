"""The shipped compatibility table: codes, sources, uses, costs and CO2 factors; zone rows."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from ecoplan import Zone
from ecoplan.exchange.compatibility import load_compatibility, shipped_table
from ecoplan.exchange.economics import add_economics, any_price_factor, price_currency
from ecoplan.exchange.errors import ExchangeError
from ecoplan.exchange.matching import find_candidates
from ecoplan.exchange.sources.frames import offer_frame, request_frame
from ecoplan.model.vocab import VOCABULARIES

# Chapters of the European List of Waste (Commission Decision 2000/532/EC as amended by
# 2014/955/EU): 01 to 20. No machine-readable EWC list is available here, so codes are
# checked against the structure: six digits, a valid chapter, and a description naming what
# the chapter covers for the codes whose chapter is easy to confuse.
EWC_CHAPTERS = {f"{chapter:02d}" for chapter in range(1, 21)}
KNOWN_ENTRIES = {
    "100102": "fly ash",
    "100101": "bottom ash",
    "100105": "desulphurisation",
    "190805": "urban waste water",
    "200108": "kitchen",
    "200201": "garden",
    "150107": "glass packaging",
    "140603": "solvents",
    "130205": "oils",
}


def test_codes_six_digit_ewc() -> None:
    table = shipped_table()
    coded = table[table["offer_code"] != ""]
    assert len(coded) > 60
    for code in coded["offer_code"]:
        assert re.fullmatch(r"\d{6}", code), code
        assert code[:2] in EWC_CHAPTERS, code
    assert set(coded["offer_taxonomy"]) == {"EWC"}


def test_known_entries_described() -> None:
    table = shipped_table()
    for code, words in KNOWN_ENTRIES.items():
        descriptions = table.loc[table["offer_code"] == code, "description"].str.lower()
        assert len(descriptions), code
        assert descriptions.str.contains(words).all(), code


def test_rows_have_source_and_known_use() -> None:
    table = shipped_table()
    for rule, source, use in zip(table["rule_id"], table["source"], table["use"], strict=True):
        assert re.search(r"\((19|20)\d\d\)|\(n\.d\.\)", str(source)), rule
        assert use in VOCABULARIES["exchange_use"], rule


def test_required_routes_present() -> None:
    table = shipped_table()
    routes = set(zip(table["offer_code"], table["use"], strict=True))
    for route in [
        ("100102", "cement"),
        ("100102", "concrete"),
        ("100102", "bricks"),
        ("100101", "bricks"),
        ("100105", "wallboard"),
        ("140603", "solvent_regeneration"),
        ("200108", "anaerobic_digestion"),
        ("190805", "anaerobic_digestion"),
        ("200101", "fibre_products"),
        ("191202", "metal_recycling"),
        ("150102", "plastics_recycling"),
        ("150107", "glass_recycling"),
    ]:
        assert route in routes, route
    categories = set(zip(table["offer_category"], table["use"], strict=True))
    assert ("heat", "district_heating") in categories
    assert ("heat", "process_heat") in categories
    assert ("wastewater", "cooling_water") in categories


def test_en450_limits_parsed() -> None:
    rules = load_compatibility().set_index("rule_id")
    limits = dict(rules.loc["fa_concrete", "limits"])
    assert limits["loi"] == ("<=", 90000.0)
    assert limits["cl"] == ("<=", 1000.0)


def test_zone_rule_overrides_and_adds(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone(
        compatibility=[
            {
                "rule_id": "fa_cement",
                "offer_taxonomy": "EWC",
                "offer_code": "100102",
                "use": "cement",
                "limits": "LOI<=3 %",
                "processing_cost": 20,
                "cost_unit": "元/t",
                "source": "Zone cement plant intake rule (2024)",
            },
            {
                "rule_id": "zone_gangue",
                "offer_category": "coal_gangue",
                "use": "road_construction",
                "processing_cost": 5,
                "cost_unit": "万元/万吨",
                "source": "Zone survey (2024)",
            },
        ]
    )
    rules = load_compatibility(zone).set_index("rule_id")
    assert rules.at["fa_cement", "origin"] == "zone"
    assert rules.at["fa_cement", "limits"] == {"loi": ("<=", 30000.0)}
    assert rules.at["fa_cement", "processing_cost"] == pytest.approx(20.0)
    assert rules.at["zone_gangue", "processing_cost"] == pytest.approx(5.0)
    assert len(rules) == len(shipped_table()) + 1


def test_zone_rule_bad_code_rejected(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone(
        compatibility=[
            {
                "rule_id": "bad",
                "offer_taxonomy": "EWC",
                "offer_code": "1001",
                "use": "cement",
                "source": "typo (2024)",
            },
        ]
    )
    with pytest.raises(ExchangeError, match="'1001' is not a six-digit EWC code"):
        load_compatibility(zone)


# Processing costs as published, with the words of the source that state them. A gate fee is
# what the receiving plant charges, so it is the cost paid for the route. WRAP: median UK
# gate fees paid by local authorities, in GBP per tonne.
SOURCED_COSTS = {
    "garden_compost": (24.0, "GBP/t", "£24 per tonne"),
    "food_compost": (46.0, "GBP/t", "£46/tonne for mixed food and green waste"),
    "organic_compost": (43.0, "GBP/t", "£43/tonne for all types of municipal feedstock"),
    "food_ad": (29.0, "GBP/t", "£29 per tonne"),
    "organic_ad": (29.0, "GBP/t", "£29 per tonne"),
}

# CO2 factors [t CO2e per t or MWh] computed from the published figures, with those figures
# as the source text writes them.
CLINKER = (766 / 1000, "766 kg CO2 per tonne of grey cement clinker")


def _desnz(primary: float, closed_loop: float) -> tuple[float, str]:
    """DESNZ 2023 material use: primary production minus closed-loop source [kg CO2e/t]."""
    quoted = (
        f"primary material production {primary:,.2f} minus closed-loop source {closed_loop:,.2f}"
    )
    return (primary - closed_loop) / 1000, quoted


STEEL = _desnz(3086.73, 1726.73)
PLASTICS = _desnz(3102.45, 2322.22)
GLASS = _desnz(1402.77, 823.19)
WOOD = _desnz(312.61, 112.97)
AGGREGATES = _desnz(7.75, 3.19)
MINERAL_OIL = _desnz(1401.00, 676.00)
SOURCED_CO2 = {
    "fa_cement": CLINKER,
    "fac_cement": CLINKER,
    "cofa_cement": CLINKER,
    "fa_concrete": CLINKER,
    "fac_concrete": CLINKER,
    "bfs_cement": CLINKER,
    # natural gas 0.20267 kg CO2e/kWh over a 90 % efficient boiler, stored as 0.2252
    "heat_process": (0.20267 / 0.9, "0.20267 kg CO2e/kWh"),
    "heat_district": (0.20267 / 0.9, "0.20267 kg CO2e/kWh"),
    "fe_filings": STEEL,
    "fe_cd": STEEL,
    "fe_mech": STEEL,
    "al_cd": _desnz(9108.73, 990.48),
    "metal_msw": _desnz(3669.44, 1620.28),
    "metal_pack": _desnz(5254.65, 1461.68),
    "plastic_pack": PLASTICS,
    "plastic_msw": PLASTICS,
    "plastic_mech": PLASTICS,
    "plastic_mfsu": PLASTICS,
    "plastic_shavings": PLASTICS,
    "glass_pack": GLASS,
    "glass_msw": GLASS,
    "glass_cd": GLASS,
    "glass_mech": GLASS,
    "glass_mfg": GLASS,
    "paper_fibre": _desnz(868.07, 718.57),
    "paperpack_fibre": _desnz(801.52, 699.88),
    "wood_panels": WOOD,
    "cdwood_panels": WOOD,
    "woodpack_panels": WOOD,
    "sawdust_panels": WOOD,
    "concrete_agg": AGGREGATES,
    "bricks_agg": AGGREGATES,
    "cdmix_agg": AGGREGATES,
    "cdmix_road": AGGREGATES,
    "oil_engine": MINERAL_OIL,
    "oil_other": MINERAL_OIL,
    "oil_hydraulic": MINERAL_OIL,
}
YEAR = re.compile(r"\((19|20)\d\d\)")


def test_costs_and_factors_have_sources() -> None:
    table = shipped_table().set_index("rule_id")
    costed = table[table["processing_cost"].notna()]
    factored = table[table["co2_factor"].notna()]
    assert len(costed) == len(SOURCED_COSTS)
    assert len(factored) == len(SOURCED_CO2)
    for rule, source in costed["cost_source"].items():
        assert YEAR.search(source), rule
        assert "processing cost" in table.at[rule, "note"], rule
    for rule, source in factored["co2_source"].items():
        assert YEAR.search(source), rule
    no_cost = table[table["processing_cost"].isna()]
    assert (no_cost["cost_source"] == "").all()
    assert (no_cost["cost_unit"] == "").all()
    assert (table.loc[table["co2_factor"].isna(), "co2_source"] == "").all()


def test_cost_units_parse() -> None:
    table = shipped_table()
    costed = table[table["processing_cost"].notna()]
    for rule, unit, currency in zip(
        costed["rule_id"], costed["cost_unit"], costed["cost_currency"], strict=True
    ):
        assert price_currency(unit) == currency == "GBP", rule
        assert any_price_factor(unit, "GBP") == 1.0, rule


@pytest.mark.parametrize("rule", sorted(SOURCED_COSTS))
def test_cost_equals_source(rule: str) -> None:
    table = shipped_table().set_index("rule_id")
    cost, unit, quoted = SOURCED_COSTS[rule]
    assert table.at[rule, "processing_cost"] == cost
    assert table.at[rule, "cost_unit"] == unit
    assert quoted in table.at[rule, "cost_source"]


@pytest.mark.parametrize("rule", sorted(SOURCED_CO2))
def test_co2_factor_equals_source(rule: str) -> None:
    table = shipped_table().set_index("rule_id")
    factor, quoted = SOURCED_CO2[rule]
    # Factors are stored to 10 g (5 decimals of a tonne), the heat factor to 4 decimals.
    assert table.at[rule, "co2_factor"] == pytest.approx(factor, abs=5e-5)
    assert quoted in table.at[rule, "co2_source"]


def test_shipped_cost_only_in_its_currency() -> None:
    gbp = load_compatibility(currency="GBP").set_index("rule_id")
    cny = load_compatibility(currency="CNY").set_index("rule_id")
    unknown = load_compatibility().set_index("rule_id")
    assert gbp.at["food_ad", "processing_cost"] == 29.0
    for rules in (cny, unknown):
        assert math.isnan(rules.at["food_ad", "processing_cost"])
        assert rules.at["food_ad", "cost_currency"] == "GBP"
    assert gbp["processing_cost"].notna().sum() == len(SOURCED_COSTS)
    assert cny["processing_cost"].isna().all()


def test_zone_currency_chooses_costs(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone(
        zone=[{"zone_id": "uk", "name": "UK zone", "base_year": 2020, "currency": "GBP"}]
    )
    rules = load_compatibility(zone).set_index("rule_id")
    assert rules.at["garden_compost", "processing_cost"] == 24.0
    assert rules.at["garden_compost", "cost_currency"] == "GBP"


def _food_waste_pair() -> tuple[pd.DataFrame, pd.DataFrame]:
    offers = pd.DataFrame(
        [
            {
                "listing_id": "canteen",
                "node_id": "canteen",
                "taxonomy": "EWC",
                "code": "200108",
                "quantity": 500.0,
                "dimension": "mass",
                "longitude": 10.0,
                "latitude": 50.0,
                "disposal_cost": 80.0,
            }
        ]
    )
    requests = pd.DataFrame(
        [
            {
                "listing_id": "digester",
                "node_id": "digester",
                "use": "anaerobic_digestion",
                "quantity": 200.0,
                "dimension": "mass",
                "longitude": 10.0,
                "latitude": 50.5,
            }
        ]
    )
    return offer_frame(offers), request_frame(requests)


def test_processing_cost_reduces_net_saving() -> None:
    offers, requests = _food_waste_pair()
    settings = {"road_factor": 1.0, "transport_rate": 0.2, "co2_per_tkm": 1e-4}
    with_cost = find_candidates(offers, requests, load_compatibility(currency="GBP"), **settings)
    without = find_candidates(offers, requests, load_compatibility(currency="CNY"), **settings)
    row = with_cost.iloc[0]
    assert row["rule_id"] == "food_ad"
    # 0.5° of latitude along a meridian on R = 6371.0088 km
    km = 6371.0088 * math.radians(0.5)
    assert row["distance_km"] == pytest.approx(km, rel=1e-9)
    # disposal 80 GBP/t avoided, haulage 0.2 GBP/t·km, AD gate fee 29 GBP/t (WRAP 2017)
    assert row["net_saving"] == pytest.approx(80.0 - 0.2 * km - 29.0, rel=1e-9)
    assert row["processing_cost"] == 29.0
    assert "processing_cost" not in row["missing"]
    assert without.iloc[0]["net_saving"] - row["net_saving"] == pytest.approx(29.0, abs=1e-9)
    assert "processing_cost" in without.iloc[0]["missing"]


def test_foreign_cost_named_in_missing() -> None:
    pairs = pd.DataFrame(
        {
            "distance_km": [10.0, 10.0, 10.0],
            "dimension": ["mass", "mass", "mass"],
            "processing_cost": [np.nan, 5.0, np.nan],
            "cost_currency": ["GBP", "CNY", None],
            "disposal_cost": [50.0, 50.0, 50.0],
            "virgin_cost": [np.nan, 20.0, 20.0],
            "co2_factor": [np.nan, np.nan, np.nan],
        }
    )
    out = add_economics(pairs, transport_rate=0.15, co2_per_tkm=0.0)
    assert list(out["missing"]) == ["avoided_virgin;processing_cost(GBP)", "", "processing_cost"]
    # the foreign cost is left out, never mixed in: 50 - 1.5
    assert out["net_saving"].iloc[0] == pytest.approx(48.5)


def test_zone_rule_foreign_currency_rejected(make_zone: Callable[..., Zone]) -> None:
    zone = make_zone(
        compatibility=[
            {
                "rule_id": "zone_ad",
                "offer_taxonomy": "EWC",
                "offer_code": "200108",
                "use": "anaerobic_digestion",
                "processing_cost": 29,
                "cost_unit": "GBP/t",
                "source": "WRAP (2017)",
            },
        ]
    )
    with pytest.raises(ExchangeError, match="rule zone_ad: Price unit 'GBP/t' is not CNY per t"):
        load_compatibility(zone)

"""The shipped compatibility table: valid codes, sources, uses; zone rows."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from ecoplan import Zone
from ecoplan.exchange.compatibility import load_compatibility, shipped_table
from ecoplan.exchange.errors import ExchangeError
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

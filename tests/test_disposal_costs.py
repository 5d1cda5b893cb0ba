"""The disposal-cost table: rows against their sources, checks, and its use by the CLI."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from ecoplan.cli import main
from ecoplan.exchange.disposal_costs import (
    TONNES_PER_UNIT,
    TREATMENTS,
    apply_disposal_costs,
    load_disposal_costs,
)
from ecoplan.exchange.errors import ExchangeError
from ecoplan.model.vocab import VOCABULARIES

SHORT_TON = 0.90718474  # t, 2,000 lb of 0.45359237 kg


def test_shipped_rows_parse_with_sources() -> None:
    table = load_disposal_costs()
    assert table["cost_id"].is_unique
    assert set(table["treatment"]) <= set(TREATMENTS)
    assert set(table["currency"]) <= set(VOCABULARIES["currency"])
    assert set(table["unit"]) <= set(TONNES_PER_UNIT)
    for row in table.itertuples():
        assert len(row.source) > 20, row.cost_id
        assert "http" in row.source, row.cost_id
        assert row.cost > 0, row.cost_id


def test_shipped_values_match_sources() -> None:
    table = load_disposal_costs().set_index("cost_id")
    # Stormossen price list, 1 March 2022: landfill waste 215, incineration 149 EUR/t.
    assert table.loc["fi_landfill_stormossen_2022", "cost_per_t"] == 215.0
    assert table.loc["fi_incineration_stormossen_2022", "cost_per_t"] == 149.0
    # REFA 2022: fee 400 DKK/t plus the state tax, which is the 475 DKK/t tax row.
    assert table.loc["dk_landfill_refa_2022", "cost_per_t"] == 400.0 + 475.0
    assert table.loc["dk_landfill_tax_2023", "cost_per_t"] == 475.0
    # EREF 2023: 57.24 USD per short ton in the Midwest is 63.096 USD per tonne.
    midwest = table.loc["us_landfill_eref_midwest_2023", "cost_per_t"]
    assert midwest == pytest.approx(57.24 / SHORT_TON, rel=1e-12)
    assert midwest == pytest.approx(63.0963, abs=1e-4)
    assert table.loc["us_landfill_eref_2023", "cost_per_t"] == pytest.approx(56.80 / SHORT_TON)


def test_one_default_per_key() -> None:
    table = load_disposal_costs()
    defaults = table[table["default"] == "yes"]
    assert not defaults.duplicated(["country", "region", "treatment"]).any()
    assert {"FI", "DK", "US"} <= set(defaults["country"])
    # Taxes alone are kept for reference and never used as a price.
    assert (table.loc[table["basis"] == "tax", "default"] == "no").all()


def write_table(path: Path, **changes: str) -> Path:
    row = {
        "cost_id": "x_landfill",
        "country": "XX",
        "region": "",
        "treatment": "landfill",
        "cost": "100",
        "currency": "EUR",
        "unit": "t",
        "year": "2023",
        "basis": "gate_fee",
        "default": "yes",
        "waste": "test waste",
        "source": "hand-made row for a test",
        "note": "",
        **changes,
    }
    pd.DataFrame([row]).to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("currency", "XYZ"),
        ("unit", "kg"),
        ("treatment", "burial"),
        ("cost", "-5"),
        ("year", "20x3"),
        ("country", "Finland"),
        ("source", " "),
    ],
)
def test_bad_row_named(tmp_path: Path, column: str, value: str) -> None:
    path = write_table(tmp_path / "costs.csv", **{column: value})
    with pytest.raises(ExchangeError, match=f"line 2, column {column}"):
        load_disposal_costs(path)


def test_two_defaults_rejected(tmp_path: Path) -> None:
    path = write_table(tmp_path / "costs.csv")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = pd.concat([frame, frame.assign(cost_id="x_landfill_2")])
    frame.to_csv(path, index=False)
    with pytest.raises(ExchangeError, match="two default rows"):
        load_disposal_costs(path)


def test_region_row_before_country_row() -> None:
    table = load_disposal_costs()
    offers = pd.DataFrame(
        {
            "listing_id": ["a", "b", "c", "d"],
            "dimension": ["mass", "mass", "mass", "energy"],
            "quantity": [10.0, 20.0, 30.0, 5.0],
            "disposal_cost": [math.nan, math.nan, 7.0, math.nan],
            "treatment": ["landfill", "incineration", "landfill", None],
            "region": ["Midwest", "", "", ""],
        }
    )
    priced, usage = apply_disposal_costs(offers, table, "US")
    assert priced.loc[0, "disposal_cost"] == pytest.approx(57.24 / SHORT_TON)
    assert priced.loc[0, "disposal_cost_id"] == "us_landfill_eref_midwest_2023"
    # No US incineration price was found: the offer keeps no cost.
    assert math.isnan(priced.loc[1, "disposal_cost"])
    # A stated cost is kept, and energy offers are not priced per tonne.
    assert priced.loc[2, "disposal_cost"] == 7.0
    assert math.isnan(priced.loc[3, "disposal_cost"])
    assert list(usage["cost_id"]) == ["us_landfill_eref_midwest_2023", None]
    assert list(usage["offers"]) == [1, 1]
    assert list(usage["quantity"]) == [10.0, 20.0]


# A hand-made Finnish PRTR folder: a thermal power station (Annex I 1(c)) disposes of 100 t of
# non-hazardous waste (inferred fly ash), and a cement kiln (3(c)) 0.1° of latitude north of
# it takes ash. Great circle 0.1 × π/180 × 6371.0088 km = 11.11951 km, road × 1.3.
ROAD_KM = 0.1 * math.pi / 180 * 6371.0088 * 1.3
HAULAGE = 0.15  # per t·km, the matcher's default for mass


def finnish_folder(folder: Path) -> Path:
    folder.mkdir()
    pd.DataFrame(
        {
            "facilityId": ["0001", "0002"],
            "nameOfFeature": ["Power station", "Cement kiln"],
            "mainActivityCode": ["1(c)", "3(c)"],
            "pointGeometryLon": [25.0, 25.0],
            "pointGeometryLat": [61.0, 61.1],
            "x": [500000.0, 500000.0],
            "y": [6763000.0, 6774000.0],
        }
    ).to_csv(folder / "facilities.csv", sep=";", index=False)
    pd.DataFrame(
        {
            "facilityId": ["0001", "0001"],
            "reportingYear": [2023, 2023],
            "wasteClassificationCode": ["NONHW", "NONHW"],
            "wasteTreatmentCode": ["D", "R"],
            "totalWasteQuantityTNE": [100.0, 900.0],
        }
    ).to_csv(folder / "waste_transfers.csv", sep=";", index=False)
    return folder


def test_cli_uses_table_cost(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = finnish_folder(tmp_path / "fi")
    out = tmp_path / "out"

    assert main(["exchange", str(folder), "--out", str(out)]) == 0

    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    [used] = summary["disposal_costs"]
    assert used["cost_id"] == "fi_landfill_stormossen_2022"
    assert used["offers"] == 1
    assert used["quantity_t"] == 100.0
    # 100 t × (215 EUR/t avoided − 0.15 EUR/t·km × 14.4554 km) = 21,283.17 EUR/a.
    saving = 100.0 * (215.0 - HAULAGE * ROAD_KM)
    assert saving == pytest.approx(21283.17, abs=0.01)
    assert summary["totals"]["saving"] == pytest.approx(saving, rel=1e-9)
    assert "Disposal cost 215.00 EUR/t (fi_landfill_stormossen_2022)" in capsys.readouterr().out


def test_cli_own_table(tmp_path: Path) -> None:
    folder = finnish_folder(tmp_path / "fi")
    table = write_table(tmp_path / "costs.csv", country="FI", cost="40")
    out = tmp_path / "out"

    assert main(["exchange", str(folder), "--out", str(out), "--disposal-costs", str(table)]) == 0

    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["disposal_costs"][0]["cost_id"] == "x_landfill"
    assert summary["totals"]["saving"] == pytest.approx(100.0 * (40.0 - HAULAGE * ROAD_KM))


def test_cli_assumed_cost_overrides_table(tmp_path: Path) -> None:
    folder = finnish_folder(tmp_path / "fi")
    out = tmp_path / "out"

    assert main(["exchange", str(folder), "--out", str(out), "--disposal-cost", "50"]) == 0

    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert "disposal_costs" not in summary
    assert summary["offers_with_assumed_disposal_cost"] == 1
    assert summary["totals"]["saving"] == pytest.approx(100.0 * (50.0 - HAULAGE * ROAD_KM))


def test_cli_zone_rejects_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = write_table(tmp_path / "costs.csv")
    code = main(
        ["exchange", "dalian", "--out", str(tmp_path / "out"), "--disposal-costs", str(table)]
    )
    assert code != 0
    assert "a zone states disposal costs in its listings" in capsys.readouterr().err

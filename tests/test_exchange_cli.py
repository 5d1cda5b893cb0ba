"""``ecoplan exchange``: the printed net saving names its currency, in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import exchange_zone as hand
from ecoplan.cli import main
from ecoplan.io import write_zone


def test_zone_saving_in_zone_currency(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 80 t × (50 disposal + 30 virgin − 10 processing − 0.15 × road km) 元, a CNY zone.
    folder = write_zone(hand.exchange_zone(), tmp_path / "zone")
    saving = hand.REQUESTED * (
        hand.DISPOSAL_COST
        + hand.VIRGIN_COST
        - hand.PROCESSING_COST
        - hand.TRANSPORT_RATE * hand.road_km()
    )

    assert main(["--lang", "en", "exchange", str(folder), "--out", str(tmp_path / "en")]) == 0
    assert f"Optimal: 1 exchange(s), net saving {saving:,.0f} CNY per year." in (
        capsys.readouterr().out
    )

    assert main(["--lang", "zh_CN", "exchange", str(folder), "--out", str(tmp_path / "zh")]) == 0
    assert f"最优：1 项副产品交换，每年净节约 {saving:,.0f} CNY。" in capsys.readouterr().out
    summary = json.loads((tmp_path / "zh" / "summary.json").read_text(encoding="utf-8"))
    assert summary["currency"] == "CNY"


def test_kalundborg_saving_in_dkk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 507,000 t of priced by-products × 875 DKK/t (REFA landfill); the partners share one
    # point, so no haulage is subtracted.
    out = tmp_path / "kalundborg"
    arguments = ["exchange", "kalundborg", "--out", str(out), "--max-distance", "300"]

    assert main(["--lang", "en", *arguments]) == 0
    assert "net saving 443,625,000 DKK per year." in capsys.readouterr().out

    assert main(["--lang", "zh_CN", *arguments]) == 0
    assert "每年净节约 443,625,000 DKK。" in capsys.readouterr().out


def test_assumed_cost_has_no_currency(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # --disposal-cost states no currency, so the saving is in the currency the user meant.
    out = tmp_path / "kalundborg"
    arguments = ["exchange", "kalundborg", "--out", str(out), "--disposal-cost", "10"]

    assert main(["--lang", "en", *arguments, "--max-distance", "300"]) == 0
    printed = capsys.readouterr().out
    assert "net saving 5,070,000 per year, in the currency of --disposal-cost." in printed
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["currency"] is None

"""Unit conversions into canonical annual amounts, checked against hand-worked values."""

from __future__ import annotations

import pytest

from ecoplan import units
from ecoplan.errors import UnitError

REL = 1e-12


def test_wan_tonne_is_ten_thousand_tonnes() -> None:
    assert units.to_canonical(3.5, "万吨", "mass") == pytest.approx(35_000.0, rel=REL)
    assert units.to_canonical(3.5, "万吨/年", "mass") == pytest.approx(35_000.0, rel=REL)


def test_tce_in_gigajoules_and_megawatt_hours() -> None:
    # GB/T 2589-2020: 1 kgce = 29.3076 MJ, so 1 tce = 29.3076 GJ = 29.3076 / 3.6 MWh.
    assert units.convert(1.0, "tce", "GJ") == pytest.approx(29.3076, rel=REL)
    assert units.to_canonical(1.0, "吨标准煤", "energy") == pytest.approx(8.141, rel=REL)
    assert units.to_canonical(2.0, "万吨标准煤", "energy") == pytest.approx(162_820.0, rel=REL)


def test_wan_kilowatt_hours_are_ten_megawatt_hours() -> None:
    assert units.to_canonical(1.0, "万千瓦时", "energy") == pytest.approx(10.0, rel=REL)
    assert units.to_canonical(250.0, "万kWh", "energy") == pytest.approx(2_500.0, rel=REL)


def test_wan_cubic_metres() -> None:
    assert units.to_canonical(1.2, "万立方米", "volume") == pytest.approx(12_000.0, rel=REL)
    assert units.to_canonical(1.0, "亿立方米", "volume") == pytest.approx(1e8, rel=REL)


def test_tonnes_per_day_with_operating_hours() -> None:
    # 120 t/d over 8,000 h = 120 * 8000 / 24 t = 40,000 t per year.
    assert units.to_canonical(120.0, "t/d", "mass", operating_hours=8000) == pytest.approx(
        40_000.0, rel=REL
    )


def test_cubic_metres_per_hour_with_operating_hours() -> None:
    # 50 m³/h over 7,200 h = 360,000 m³ per year.
    assert units.to_canonical(50.0, "m³/h", "volume", operating_hours=7200) == pytest.approx(
        360_000.0, rel=REL
    )


def test_megawatts_times_hours() -> None:
    # 2.5 MW running 6,000 h delivers 15,000 MWh.
    assert units.to_canonical(2.5, "MW", "energy", operating_hours=6000) == pytest.approx(
        15_000.0, rel=REL
    )


@pytest.mark.parametrize(
    ("unit", "dimension"), [("t/d", "mass"), ("m³/h", "volume"), ("MW", "energy")]
)
def test_rate_without_hours_is_rejected(unit: str, dimension: str) -> None:
    with pytest.raises(UnitError, match="operating hours"):
        units.to_canonical(1.0, unit, dimension)


def test_rate_with_zero_hours_is_rejected() -> None:
    with pytest.raises(UnitError, match="operating hours"):
        units.to_canonical(1.0, "t/d", "mass", operating_hours=0)


def test_annual_rate_needs_no_hours() -> None:
    assert not units.needs_operating_hours("t/a")
    assert units.needs_operating_hours("t/d")


def test_mu_is_one_fifteenth_hectare() -> None:
    assert units.to_canonical(15.0, "亩", "area") == pytest.approx(1.0, rel=REL)
    assert units.convert(1.0, "亩", "m²") == pytest.approx(10_000 / 15, rel=REL)


def test_wrong_dimension_is_rejected() -> None:
    with pytest.raises(UnitError, match="does not measure"):
        units.to_canonical(1.0, "MWh", "mass")


def test_unknown_unit_is_rejected() -> None:
    with pytest.raises(UnitError, match="Unknown unit 'tonnez'"):
        units.parse_unit("tonnez")


@pytest.mark.parametrize(
    ("unit", "dimension", "hours", "factor"),
    [
        ("万m³", "volume", None, 1e4),
        ("万m3/年", "volume", None, 1e4),
        ("亿m3", "volume", None, 1e8),
        ("m3/h", "volume", 8000, 8000.0),
        ("Nm3", "volume", None, 1.0),
        ("km2", "area", None, 100.0),
        ("平方米", "area", None, 1e-4),
        ("万吨标煤", "energy", None, 1e4 * 29.3076 / 3.6),
        ("吉焦", "energy", None, 1 / 3.6),
        ("兆瓦", "energy", 1000, 1000.0),
        ("千吨", "mass", None, 1e3),
        ("kt", "mass", None, 1e3),
        ("万t", "mass", None, 1e4),
    ],
)
def test_common_spellings_convert(
    unit: str, dimension: str, hours: float | None, factor: float
) -> None:
    assert units.conversion_factor(unit, dimension, hours) == pytest.approx(factor, rel=1e-12)

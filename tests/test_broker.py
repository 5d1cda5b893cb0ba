"""Broker hubs (facility location) and the materials recovery facility, solved by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from ecoplan.exchange.broker import locate_hubs
from ecoplan.exchange.errors import ExchangeError
from ecoplan.exchange.recovery_facility import (
    MaterialsRecoveryFacility,
    sort_streams,
    sorted_offers,
)


def sources() -> pd.DataFrame:
    # Everything at one point, so collection costs nothing and the arithmetic stays on paper.
    return pd.DataFrame(
        {
            "source_id": ["S1", "S2", "S3"],
            "quantity": [10.0, 10.0, 5.0],
            "longitude": 121.6,
            "latitude": 38.9,
            "direct_cost": [10.0, 10.0, 3.0],
        }
    )


def sites(capacity_h1: float = 100.0, **extra: list[float]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "site_id": ["H1", "H2"],
            "longitude": 121.6,
            "latitude": 38.9,
            "fixed_cost": [50.0, 30.0],
            "capacity": [capacity_h1, 100.0],
            "unit_cost": [4.0, 6.0],
        }
    )
    for name, values in extra.items():
        frame[name] = values
    return frame


def test_hub_location_by_hand() -> None:
    # Alone: 10×10 + 10×10 + 5×3 = 215.
    # H1: S1 and S2 save 10 − 4 = 6/t (120); S3 would lose (3 < 4): 215 − 120 + 50 = 145.
    # H2: S1 and S2 save 4/t (80): 215 − 80 + 30 = 165. Both hubs: at least 145 + 30. So H1.
    result = locate_hubs(sources(), sites(), collection_rate=0.0)
    assert result.direct_cost == pytest.approx(215.0)
    assert result.total_cost == pytest.approx(145.0, rel=1e-6)
    assert result.saving == pytest.approx(70.0, rel=1e-6)
    assert list(result.hubs["site_id"]) == ["H1"]
    assert result.hubs["throughput"].iloc[0] == pytest.approx(20.0)
    assert set(result.routes["source_id"]) == {"S1", "S2"}


def test_hub_capacity_binds() -> None:
    # H1 takes only 15 t: 215 − 15×6 + 50 = 175. H2 alone: 165.
    # Both: H1 15 t (90) + H2 5 t (20): 215 − 110 + 80 = 185. So H2 alone.
    result = locate_hubs(sources(), sites(capacity_h1=15.0), collection_rate=0.0)
    assert list(result.hubs["site_id"]) == ["H2"]
    assert result.total_cost == pytest.approx(165.0, rel=1e-6)


def test_economic_quantity_closes_hub() -> None:
    # H1 pays only above 30 t, and the three sources make 25 t: H2 (165) wins.
    result = locate_hubs(sources(), sites(min_quantity=[30.0, 0.0]), collection_rate=0.0)
    assert list(result.hubs["site_id"]) == ["H2"]
    assert result.total_cost == pytest.approx(165.0, rel=1e-6)


def test_collection_distance_counts() -> None:
    # S1 and S2 move 1° of latitude north (111.195 km on a sphere of radius 6371.0088 km).
    # At 0.1 per t·km with road factor 1: 11.1195/t more, so H1 costs 15.12 > 10, no hub.
    far = sources()
    far.loc[[0, 1], "latitude"] = 39.9
    result = locate_hubs(far, sites(), collection_rate=0.1, road_factor=1.0)
    assert result.hubs.empty
    assert result.total_cost == pytest.approx(215.0, rel=1e-6)
    assert result.routes.empty


def test_missing_site_cost_rejected() -> None:
    broken = sites()
    broken.loc[1, "fixed_cost"] = float("nan")
    with pytest.raises(ExchangeError, match="H2"):
        locate_hubs(sources(), broken, collection_rate=0.0)


def facility() -> MaterialsRecoveryFacility:
    return MaterialsRecoveryFacility(
        facility_id="MRF",
        accepts=("200301", "150106"),
        capacity=200.0,
        sorting_cost=20.0,
        yields={"150101": 0.3, "150102": 0.2, "150107": 0.1},
        residue_disposal_cost=80.0,
        node_id="mrf",
    )


def streams() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "offer_id": ["O1", "O2", "O3"],
            "code": ["200301", "150106", "100102"],
            "quantity": [100.0, 50.0, 20.0],
        }
    )


def test_mrf_mass_balance() -> None:
    # 150 t accepted (O3's fly ash is not): 45 t paper, 30 t plastics, 15 t glass, 60 t residue.
    result = sort_streams(facility(), streams())
    outputs = result.outputs.set_index("code")["quantity"]
    assert result.input_total == pytest.approx(150.0)
    assert outputs["150101"] == pytest.approx(45.0)
    assert outputs["150102"] == pytest.approx(30.0)
    assert outputs["150107"] == pytest.approx(15.0)
    assert result.residue == pytest.approx(60.0)
    assert result.balance_residual == pytest.approx(0.0, abs=1e-12)
    assert list(result.rejected["offer_id"]) == ["O3"]
    # Cost: 150 t × 20 sorting + 60 t × 80 residue disposal = 7,800.
    assert result.cost == pytest.approx(7800.0)


def test_mrf_offers_carry_outputs() -> None:
    offers = sorted_offers(facility(), sort_streams(facility(), streams()))
    assert list(offers["code"]) == ["150101", "150102", "150107"]
    assert offers["quantity"].sum() == pytest.approx(90.0)
    assert offers["price"].isna().all()


def test_mrf_capacity_exceeded() -> None:
    heavy = streams().assign(quantity=[150.0, 100.0, 0.0])
    with pytest.raises(ExchangeError, match="250"):
        sort_streams(facility(), heavy)


def test_mrf_yields_above_one_rejected() -> None:
    with pytest.raises(ExchangeError, match="yields"):
        MaterialsRecoveryFacility("M", ("200301",), 1.0, 1.0, {"a": 0.7, "b": 0.4}, 1.0)


def test_mrf_output_value_required() -> None:
    with pytest.raises(ExchangeError, match="150107"):
        facility().net_cost({"150101": 1.0, "150102": 1.0})

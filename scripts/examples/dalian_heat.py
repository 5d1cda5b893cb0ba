"""Heat streams of two Dalian plants for the pinch analysis (sheet ``heat_streams``).

The report names no stream, temperature or flow. Every stream here is assumed, sized from the
example's plants: the 600 MW coal unit of the power plant and a chemical process standing for
the manufacturing tenants. The notes give the basis of each.
"""

from __future__ import annotations

from typing import Any

from examples.common import Rows

UNIT = "assumed 600 MW pulverised-coal unit of flow E01"


def _stream(
    stream_id: str,
    plant: tuple[str, str],
    name: str,
    kind: str,
    temperatures: tuple[float, float],
    cp: float,
    note: str,
) -> dict[str, Any]:
    """Return one stream row; ``plant`` is (org_id, node_id), ``cp`` in kW/K."""
    org_id, node_id = plant
    supply, target = temperatures
    return {
        "stream_id": stream_id,
        "org_id": org_id,
        "node_id": node_id,
        "name": name,
        "kind": kind,
        "supply_temperature": supply,
        "target_temperature": target,
        "heat_capacity_flowrate": cp,
        "cp_unit": "kW/K",
        "source": "assumed",
        "note": f"Assumed: {note}",
    }


def _dalian_heat_streams() -> Rows:
    return _power_plant_streams() + _manufacturing_streams()


def _power_plant_streams() -> Rows:
    plant = ("ddz_power", "power_plant")
    return [
        _stream(
            "pp_flue_gas",
            plant,
            "Flue gas after the air heater",
            "hot",
            (140, 90),
            640,
            f"{UNIT}: about 2,200 t/h of flue gas at 1.05 kJ/(kg·K); cooled no lower than "
            "90 °C to stay above the acid dew point.",
        ),
        _stream(
            "pp_condensate",
            plant,
            "Condensate to the low-pressure heaters",
            "cold",
            (35, 85),
            1_600,
            f"{UNIT}: about 1,380 t/h of condensate at 4.19 kJ/(kg·K), now heated by steam "
            "bled from the turbine.",
        ),
        _stream(
            "pp_combustion_air",
            plant,
            "Combustion air to the steam air heater",
            "cold",
            (20, 60),
            600,
            f"{UNIT}: about 2,100 t/h of air at 1.0 kJ/(kg·K), warmed before the "
            "regenerative air heater to keep it from corroding in winter.",
        ),
    ]


def _manufacturing_streams() -> Rows:
    plant = ("ddz_industry", "manufacturing")
    process = "a chemical process standing for the zone's manufacturing tenants"
    return [
        _stream(
            "mf_reactor_product",
            plant,
            "Reactor product to storage",
            "hot",
            (180, 60),
            50,
            f"{process}; about 20 kg/s of liquid product at 2.5 kJ/(kg·K).",
        ),
        _stream(
            "mf_compressor_cooling",
            plant,
            "Compressor cooling water",
            "hot",
            (90, 40),
            25,
            f"{process}; about 6 kg/s of jacket water at 4.19 kJ/(kg·K).",
        ),
        _stream(
            "mf_reactor_feed",
            plant,
            "Reactor feed",
            "cold",
            (30, 160),
            40,
            f"{process}; about 16 kg/s of feed at 2.5 kJ/(kg·K).",
        ),
        _stream(
            "mf_wash_water",
            plant,
            "Wash water",
            "cold",
            (15, 70),
            30,
            f"{process}; about 7 kg/s of water at 4.19 kJ/(kg·K).",
        ),
    ]

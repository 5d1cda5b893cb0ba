"""US EPA GHG Emission Factors Hub 2021, Table 1 stationary combustion (public domain).

Source key: the ``fuel_type`` of the row, e.g. ``Bituminous Coal``. Factors are per mmBtu
of higher heating value (HHV).
"""

from __future__ import annotations

from functools import cache
from typing import cast

import pandas as pd

from ecoplan.energy.sources import SourceDataError, source_file
from ecoplan.i18n import _

FOLDER = "us-epa-ghg-emission-factors-hub-2021"
FILE = "table1_stationary_combustion.csv"
MMBTU_PER_MWH = 3.412142
"""Million British thermal units per MWh [mmBtu/MWh]."""


@cache
def read_table1() -> pd.DataFrame:
    """Return Table 1 indexed by fuel type."""
    return pd.read_csv(source_file(FOLDER, FILE)).set_index("fuel_type")


def co2_per_mwh_fuel(fuel_type: str) -> float:
    """Return the CO2 factor of ``fuel_type`` per MWh of fuel (HHV) [t/MWh].

    Raises
    ------
    SourceDataError
        When the fuel type is not in Table 1.
    """
    table = read_table1()
    if fuel_type not in table.index:
        raise SourceDataError(_("No row {key} in {file}.").format(key=fuel_type, file=FILE))
    value = cast(float, table.loc[fuel_type, "co2_kg_per_mmbtu"])
    return float(value) * MMBTU_PER_MWH / 1000

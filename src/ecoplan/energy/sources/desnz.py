"""UK DESNZ GHG conversion factors 2023, flat file (Open Government Licence v3.0).

Source key: the factor ``ID`` of the row, e.g. ``1_102_1026_7_2`` (coal for electricity
generation, kWh net CV, kg CO2 per unit).
"""

from __future__ import annotations

from functools import cache
from typing import cast

import pandas as pd

from ecoplan.energy.sources import SourceDataError, source_file
from ecoplan.i18n import _

FOLDER = "uk-desnz-ghg-conversion-factors-2023"
FILE = "desnz_ghg_conversion_factors_2023_flat.csv"


@cache
def read_factors() -> pd.DataFrame:
    """Return the flat file indexed by factor ID."""
    return pd.read_csv(source_file(FOLDER, FILE)).set_index("ID")


def factor(identifier: str) -> float:
    """Return the factor of row ``identifier`` [kg CO2e per the row's unit].

    Raises
    ------
    SourceDataError
        When no row has that ID.
    """
    table = read_factors()
    if identifier not in table.index:
        raise SourceDataError(_("No row {key} in {file}.").format(key=identifier, file=FILE))
    return float(cast(float, table.loc[identifier, "GHG Conversion Factor 2023"]))

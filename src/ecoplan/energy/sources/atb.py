"""NREL Annual Technology Baseline 2022 (CC BY 4.0), market case, 30-year CRP, moderate.

Source key: ``parameter/technology/techdetail/year``, e.g. ``CAPEX/UtilityPV/Class5/2020``.
Dollars are constant 2020 US$ (NREL 2022, *2022 Annual Technology Baseline*, Golden, CO).
"""

from __future__ import annotations

from functools import cache
from typing import cast

import pandas as pd

from ecoplan.energy.sources import SourceDataError, source_file
from ecoplan.i18n import _

FOLDER = "nrel-atb-2022-electricity"
FILE = "atb_e_2022_market_crp30_moderate.csv"


@cache
def read_atb() -> pd.DataFrame:
    """Return the ATB cut indexed by (parameter, technology, techdetail, year)."""
    frame = pd.read_csv(source_file(FOLDER, FILE))
    frame["year"] = frame["core_metric_variable"].astype(int)
    keys = ["core_metric_parameter", "technology", "techdetail", "year"]
    return frame.set_index(keys).sort_index()


def atb_value(key: str) -> float:
    """Return the ATB value of ``key`` (``parameter/technology/techdetail/year``).

    Raises
    ------
    SourceDataError
        When no row has that key.
    """
    parameter, technology, detail, year = key.split("/")
    try:
        value = read_atb().loc[(parameter, technology, detail, int(year)), "value"]
        return float(cast(float, value))
    except KeyError as error:
        message = _("No row {key} in {file}.").format(key=key, file=FILE)
        raise SourceDataError(message) from error

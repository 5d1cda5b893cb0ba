"""Build offer and request frames from plain rows (shared by the importers)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ecoplan.exchange.listings import OFFER_COLUMNS, REQUEST_COLUMNS


def offer_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """Return ``rows`` completed to the offer columns (absent ones empty, NaN for numbers)."""
    return _complete(rows, OFFER_COLUMNS)


def request_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """Return ``rows`` completed to the request columns."""
    return _complete(rows, REQUEST_COLUMNS)


def _complete(rows: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    out = rows.reset_index(drop=True).copy()
    defaults: dict[str, Any] = {"quality": dict, "limits": dict, "accepted": list}
    for column in columns:
        if column in out.columns:
            continue
        if column in defaults:
            out[column] = [defaults[column]() for _ in range(len(out))]
        elif column == "derived":
            out[column] = False
        elif column in ("taxonomy", "code", "category", "use", "org_id", "node_id", "site_id"):
            out[column] = None
        else:
            out[column] = np.nan
    if "unit_label" in columns:
        out["unit_label"] = out["dimension"].map({"mass": "t", "energy": "MWh", "volume": "m³"})
    return out[columns]

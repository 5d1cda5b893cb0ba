"""Yearly stock changes of process nodes, from the zone's ``stocks`` table.

A stock row gives the change during its year (``change``), the level at the end of the year
(``level``), or both. The change of a node's stock of one resource in year ``y`` is the
given change when there is one, else ``level[y] - level[y - 1]``. A level whose previous
year's level is missing gives no change: the change is ``NaN`` and the resource is listed in
``unknown_resources``, so the balance reports it instead of counting it as zero.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ecoplan.model.zone import Zone

KEYS = ["node_id", "year", "dimension"]


def stock_changes(zone: Zone) -> pd.DataFrame:
    """Return the stock change of each node, year and dimension.

    Returns
    -------
    pandas.DataFrame
        Columns ``node_id``, ``year``, ``dimension``, ``stock_change`` (canonical unit of the
        dimension, ``NaN`` when some resource's change is unknown) and ``unknown_resources``
        (comma-separated ``resource_id`` values whose change is unknown, else ``""``).
    """
    by_resource = _changes_by_resource(zone)
    if by_resource.empty:
        return pd.DataFrame(
            {
                "node_id": pd.Series(dtype=object),
                "year": pd.Series(dtype="Int64"),
                "dimension": pd.Series(dtype=object),
                "stock_change": pd.Series(dtype=float),
                "unknown_resources": pd.Series(dtype=object),
            }
        )

    result = by_resource.groupby(KEYS, sort=True)["stock_change"].sum(min_count=1).reset_index()
    unknown = by_resource[by_resource["stock_change"].isna()]
    names = unknown.groupby(KEYS, sort=True)["resource_id"].agg(lambda ids: ",".join(sorted(ids)))
    result = result.merge(names.rename("unknown_resources").reset_index(), on=KEYS, how="left")
    result["unknown_resources"] = result["unknown_resources"].fillna("")

    # A group with one unknown resource has an unknown total, whatever the others add.
    result.loc[result["unknown_resources"] != "", "stock_change"] = np.nan
    return result


def _changes_by_resource(zone: Zone) -> pd.DataFrame:
    """Return ``stock_change`` per node, resource and year (``NaN`` when unknown)."""
    stocks = zone.stocks
    dimensions = zone.resources.set_index("resource_id")["dimension"]
    rows = pd.DataFrame(
        {
            "node_id": stocks["node_id"],
            "resource_id": stocks["resource_id"],
            "year": stocks["year"],
            "dimension": stocks["resource_id"].map(dimensions),
            "level": stocks["level_quantity"],
            "change": stocks["change_quantity"],
        }
    )
    keys = ["node_id", "resource_id", "year", "dimension"]
    summed = rows.groupby(keys, sort=True)[["level", "change"]].sum(min_count=1).reset_index()

    previous = summed[["node_id", "resource_id", "year", "level"]].copy()
    previous["year"] = previous["year"] + 1
    previous = previous.rename(columns={"level": "previous_level"})
    summed = summed.merge(previous, on=["node_id", "resource_id", "year"], how="left")
    summed["stock_change"] = summed["change"].where(
        summed["change"].notna(), summed["level"] - summed["previous_level"]
    )
    return summed[keys + ["stock_change"]]

"""Finnish PRTR facilities (SYKE): offers from waste destined for disposal, requests by activity.

The data give waste per facility and year only as hazardous or non-hazardous, destined for
recovery (R) or disposal (D), with the facility's E-PRTR Annex I activity. An offer is the
disposal total of one class at one facility; its EWC code is inferred from the activity
(:data:`OFFER_CODES`, e.g. coal fly ash for a thermal power station) and left empty where no
single stream dominates. Requests are the uses each activity can take (:data:`ACTIVITY_USES`).
Every offer's treatment is ``landfill`` (see :data:`TREATMENT`), for pricing its disposal.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pandas as pd

from ecoplan.exchange.sources.frames import offer_frame, request_frame
from ecoplan.exchange.sources.tm35fin import to_lonlat

logger = logging.getLogger(__name__)

COUNTRY = "FI"
TREATMENT = "landfill"
"""Treatment of the offers' waste, which chooses their disposal cost.

NOTE: an assumption. The register gives only "destined for disposal" (D), not the operation
(D1 landfill, D10 incineration, ...). Landfill is taken because waste burnt with energy
recovery counts as recovery (R1), not disposal; waste incinerated as D10 is priced as landfill
too."""

OFFER_CODES: dict[tuple[str, str], str] = {
    ("1(c)", "NONHW"): "100102",
    ("2(b)", "NONHW"): "100202",
    ("2(c)", "NONHW"): "100202",
    ("5(b)", "NONHW"): "190112",
    ("5(f)", "NONHW"): "190805",
    ("7(a)", "NONHW"): "020106",
    ("8(a)", "NONHW"): "020304",
    ("8(b)", "NONHW"): "020304",
    ("8(c)", "NONHW"): "020501",
    ("4(a)", "HW"): "070104",
    ("9(c)", "HW"): "140603",
}
"""Inferred EWC code of the disposal waste of an activity (Annex I, level 2) and class.

NOTE: an inference from what each activity typically discards (ash from combustion, slag from
iron and steel, sludge from waste-water plants, manure from livestock, food residues,
solvents from organic chemistry and solvent use); the register does not report the code."""

ACTIVITY_USES: dict[str, tuple[str, ...]] = {
    "1(c)": ("fuel_substitute",),
    "2(b)": ("metal_recycling",),
    "2(c)": ("metal_recycling",),
    "2(e)": ("metal_recycling",),
    "3(c)": ("cement", "concrete", "fuel_substitute"),
    "3(e)": ("glass_recycling",),
    "3(g)": ("bricks",),
    "5(e)": ("anaerobic_digestion",),
    "6(a)": ("fuel_substitute",),
    "6(b)": ("fibre_products", "fuel_substitute"),
    "7(a)": ("fertiliser",),
}
"""Uses each Annex I activity (level 2) can take as input: cement kilns take ash and fuels,
smelters scrap, glassworks cullet, brickworks ash, paper mills fibre, farms fertiliser."""


def read_finnish_prtr(
    folder: str | Path, year: int | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (offers, requests) of the Finnish PRTR facilities for ``year`` (default latest).

    Offers: one per facility and waste class with waste destined for disposal [t/a].
    Requests: one per facility and use its activity can take (quantity unknown, NaN).
    Facilities without WGS84 coordinates get them from their TM35FIN x, y.
    """
    folder = Path(folder)
    facilities = _facilities(folder)
    transfers = pd.read_csv(folder / "waste_transfers.csv", sep=";", dtype={"facilityId": str})
    year = int(transfers["reportingYear"].max()) if year is None else int(year)
    chosen = transfers[
        (transfers["reportingYear"] == year) & (transfers["wasteTreatmentCode"] == "D")
    ]
    totals = chosen.groupby(["facilityId", "wasteClassificationCode"], as_index=False)[
        "totalWasteQuantityTNE"
    ].sum()
    offers = totals.merge(facilities, on="facilityId", how="left")
    return _offers(offers, year), _requests(facilities, year)


def activity_level2(code: object) -> str:
    """Return the level-2 Annex I code of ``code``: ``7(a)(i)`` to ``7(a)``."""
    text = str(code).replace(".", "")
    parts = text.split(")")
    return parts[0] + ")" if len(parts) > 1 else text


def _facilities(folder: Path) -> pd.DataFrame:
    facilities = pd.read_csv(folder / "facilities.csv", sep=";", dtype={"facilityId": str})
    lon, lat = to_lonlat(facilities["x"], facilities["y"])
    missing = facilities["pointGeometryLon"].isna()
    facilities["longitude"] = np.where(missing, lon, facilities["pointGeometryLon"])
    facilities["latitude"] = np.where(missing, lat, facilities["pointGeometryLat"])
    facilities["activity"] = facilities["mainActivityCode"].map(activity_level2)
    logger.info("%d facilities, %d located from TM35FIN", len(facilities), int(missing.sum()))
    return facilities[["facilityId", "nameOfFeature", "activity", "longitude", "latitude"]]


def _offers(rows: pd.DataFrame, year: int) -> pd.DataFrame:
    hazardous = rows["wasteClassificationCode"] == "HW"
    codes = [
        OFFER_CODES.get((activity, waste_class))
        for activity, waste_class in zip(
            rows["activity"], rows["wasteClassificationCode"], strict=True
        )
    ]
    frame = pd.DataFrame(
        {
            "listing_id": "fi:" + rows["facilityId"] + ":" + rows["wasteClassificationCode"],
            "org_id": rows["facilityId"],
            "node_id": rows["facilityId"],
            "resource_id": rows["wasteClassificationCode"],
            "taxonomy": ["EWC" if code else None for code in codes],
            "code": codes,
            "category": np.where(hazardous, "hazardous_waste", "general_industrial_solid_waste"),
            "quantity": rows["totalWasteQuantityTNE"].astype(float),
            "dimension": "mass",
            "longitude": rows["longitude"].astype(float),
            "latitude": rows["latitude"].astype(float),
            "year": year,
            "name": rows["nameOfFeature"],
        }
    )
    return offer_frame(frame).assign(name=frame["name"].to_numpy(), treatment=TREATMENT)


def _requests(facilities: pd.DataFrame, year: int) -> pd.DataFrame:
    rows = [
        (facility, name, use, lon, lat)
        for facility, name, activity, lon, lat in facilities[
            ["facilityId", "nameOfFeature", "activity", "longitude", "latitude"]
        ].itertuples(index=False)
        for use in ACTIVITY_USES.get(activity, ())
    ]
    frame = pd.DataFrame(rows, columns=["org_id", "name", "use", "longitude", "latitude"])
    frame["listing_id"] = "fi:" + frame["org_id"] + ":" + frame["use"]
    frame["node_id"] = frame["org_id"]
    frame["dimension"] = "mass"
    frame["year"] = year
    return request_frame(frame).assign(name=frame["name"].to_numpy())

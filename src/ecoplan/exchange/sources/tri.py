"""US EPA TRI Basic Data File: offers from off-site disposal and destruction, requests by NAICS.

Each facility × chemical row with a quantity transferred off site for disposal or destruction
is an offer [t/a]. The TRI "M" codes are classed with the PRTR transfer-class crosswalk of
Hernández-Betancur et al. (GitHub ``jodhernandezbe/PRTR_transfers``, GPL-3.0), which is read
from its own folder and not copied: classes ``Disposal`` and generic class ``Destruction``.
Chemicals that are common solvents get the EWC code of spent solvents (14 06 02 halogenated,
14 06 03 other); metals and the rest keep only the category ``hazardous_waste``. An offer's
treatment, which prices its disposal, is the one that received most of its tonnes (a tie goes
to the first of :data:`TREATMENT_ORDER`): the
crosswalk's generic class ``Landfill`` is ``landfill``, ``Destruction`` is ``incineration``,
and the rest (storage, surface impoundment, underground injection, other disposal) is
``other_disposal``. Its region is the facility state's region in the EREF landfill-fee survey.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ecoplan.exchange.sources.frames import offer_frame, request_frame

COUNTRY = "US"
POUND_T = 0.45359237e-3
"""Tonnes per pound (exact by definition)."""

SOLVENTS = {
    "TOLUENE": "140603",
    "XYLENE (MIXED ISOMERS)": "140603",
    "METHANOL": "140603",
    "N-HEXANE": "140603",
    "ETHYLBENZENE": "140603",
    "N-BUTYL ALCOHOL": "140603",
    "CERTAIN GLYCOL ETHERS": "140603",
    "DICHLOROMETHANE": "140602",
    "TRICHLOROETHYLENE": "140602",
    "TETRACHLOROETHYLENE": "140602",
}
NAICS_USES: dict[str, tuple[str, ...]] = {
    "327310": ("cement", "fuel_substitute"),
    "331110": ("metal_recycling",),
    "331492": ("metal_recycling",),
    "562211": ("solvent_regeneration", "fuel_substitute"),
    "221112": ("fuel_substitute",),
    "327213": ("glass_recycling",),
    "322121": ("fibre_products",),
    "322130": ("fibre_products",),
}
"""Uses a facility of a 6-digit NAICS code can take: cement kilns, steel mills, secondary
smelters, hazardous-waste treatment (solvent recovery, fuel blending), fossil power plants,
glass container plants, paper and paperboard mills."""

GENERIC_TREATMENT = {
    "Landfill": "landfill",
    "Landfill/Containment": "landfill",
    "Destruction": "incineration",
}
"""Treatment of a crosswalk generic transfer class; every other disposal class is
``other_disposal``."""
TREATMENT_ORDER = ("landfill", "incineration", "other_disposal")
"""Order that breaks a tie between two treatments receiving the same tonnes."""

EREF_REGIONS = dict.fromkeys(
    ("IL", "IN", "IA", "KS", "MI", "MN", "MO", "NE", "OH", "WI"), "Midwest"
)
"""States of the Midwest region of EREF's landfill tip-fee survey (Waste Today, October 2018);
other states get no region, so the national average applies."""


def disposal_columns(crosswalk: str | Path, columns: list[str]) -> list[str]:
    """Return the TRI 6.2 columns whose M code the crosswalk classes as disposal or destruction."""
    return list(column_treatments(crosswalk, columns))


def column_treatments(crosswalk: str | Path, columns: list[str]) -> dict[str, str]:
    """Return the treatment of each TRI 6.2 disposal or destruction column, in column order."""
    table = pd.read_csv(crosswalk)
    tri = table[table["prtr_system"] == "TRI"]
    chosen = tri[
        (tri["transfer_class_wm_hierarchy_name"] == "Disposal")
        | (tri["generic_transfer_class_name"] == "Destruction")
    ]
    generic = chosen.set_index("national_transfer_class_id")[
        "generic_transfer_class_name"
    ].to_dict()
    treatments = {}
    for column in columns:
        if "6.2 - M" not in column:
            continue
        code = column.split("6.2 - ")[1].split()[0]
        if code in generic:
            treatments[column] = GENERIC_TREATMENT.get(generic[code], "other_disposal")
    return treatments


def read_tri(path: str | Path, crosswalk: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (offers, requests) of a TRI Basic Data File (one state, one year)."""
    data = pd.read_csv(path, dtype={"2. TRIFD": str, "30. PRIMARY NAICS": str}, low_memory=False)
    treatments = column_treatments(crosswalk, list(data.columns))
    factor = np.where(data["50. UNIT OF MEASURE"] == "Grams", 1e-6, POUND_T)
    by_treatment = {}
    for treatment in TREATMENT_ORDER:
        columns = [column for column, chosen in treatments.items() if chosen == treatment]
        by_treatment[treatment] = data[columns].fillna(0.0).sum(axis=1) * factor
    tonnes = pd.concat(by_treatment, axis=1).sum(axis=1)
    keep = tonnes > 0
    rows = data[keep].assign(quantity=tonnes[keep])
    chemical = rows["37. CHEMICAL"]
    codes = chemical.str.upper().map(SOLVENTS)
    offers = pd.DataFrame(
        {
            "listing_id": "tri:"
            + rows["2. TRIFD"]
            + ":"
            + rows["39. TRI CHEMICAL/COMPOUND ID"].astype(str),
            "org_id": rows["2. TRIFD"],
            "node_id": rows["2. TRIFD"],
            "resource_id": chemical,
            "taxonomy": codes.where(codes.isna(), "EWC"),
            "code": codes,
            "category": "hazardous_waste",
            "quantity": rows["quantity"],
            "dimension": "mass",
            "longitude": rows["13. LONGITUDE"].astype(float),
            "latitude": rows["12. LATITUDE"].astype(float),
            "year": rows["1. YEAR"].astype(float),
            "region": rows["8. ST"].map(EREF_REGIONS).fillna(""),
            **{f"tonnes_{t}": values[keep] for t, values in by_treatment.items()},
        }
    )
    # A facility may file two forms for one chemical: one offer holds their sum.
    summed = ["quantity", *(f"tonnes_{t}" for t in by_treatment)]
    merged = offers.groupby("listing_id", sort=False, as_index=False).agg(
        {
            **{column: "first" for column in offers.columns if column != "listing_id"},
            **dict.fromkeys(summed, "sum"),
        }
    )
    largest = merged[summed[1:]].idxmax(axis=1).map(lambda column: column.removeprefix("tonnes_"))
    return (
        offer_frame(merged).assign(region=merged["region"], treatment=largest),
        _requests(data),
    )


def _requests(data: pd.DataFrame) -> pd.DataFrame:
    facilities = data.drop_duplicates("2. TRIFD")
    rows = [
        (facility, use, lon, lat, year)
        for facility, naics, lon, lat, year in facilities[
            ["2. TRIFD", "30. PRIMARY NAICS", "13. LONGITUDE", "12. LATITUDE", "1. YEAR"]
        ].itertuples(index=False)
        for use in NAICS_USES.get(str(naics), ())
    ]
    frame = pd.DataFrame(rows, columns=["org_id", "use", "longitude", "latitude", "year"])
    frame["listing_id"] = "tri:" + frame["org_id"] + ":" + frame["use"]
    frame["node_id"] = frame["org_id"]
    frame["dimension"] = "mass"
    frame["year"] = frame["year"].astype(float)
    return request_frame(frame)

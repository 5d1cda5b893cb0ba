"""The Finnish PRTR example: Pirkanmaa facilities and their waste transfers.

From ``shared/data/real/fi-prtr-facilities-waste``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from examples.common import DATA, Rows, _node, _res

PRTR = DATA / "fi-prtr-facilities-waste"
PRTR_SOURCE = (
    "Finnish Environment Institute (SYKE), PRTR data service "
    "(github.com/sykefi/PRTR @ 1948f55, MIT licence)"
)
PRTR_YEAR = 2022
PIRKANMAA = (
    "AKAA",
    "HÄMEENKYRÖ",
    "IKAALINEN",
    "JUUPAJOKI",
    "KANGASALA",
    "KIHNIÖ",
    "LEMPÄÄLÄ",
    "MÄNTTÄ-VILPPULA",
    "NOKIA",
    "ORIVESI",
    "PARKANO",
    "PIRKKALA",
    "PUNKALAIDUN",
    "PÄLKÄNE",
    "RUOVESI",
    "SASTAMALA",
    "TAMPERE",
    "URJALA",
    "VALKEAKOSKI",
    "VESILAHTI",
    "VIRRAT",
    "YLÖJÄRVI",
)
"""The 22 municipalities of the Pirkanmaa region since 2021 (Kuhmoinen left for Central
Finland that year)."""

_CLASSES = {"HW": "hazardous_waste", "NONHW": "non_hazardous_waste"}
_TREATMENTS = {"R": ("offsite_recovery", "recovery"), "D": ("offsite_disposal", "disposal")}


def read_prtr(folder: Path = PRTR) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the PRTR facilities and waste transfers as published (semicolon CSV)."""
    ids = {"facilityId": str, "postalCode": str}
    facilities = pd.read_csv(folder / "facilities.csv", sep=";", dtype=ids)
    transfers = pd.read_csv(folder / "waste_transfers.csv", sep=";", dtype=ids)
    return facilities, transfers


def pirkanmaa_transfers(folder: Path = PRTR, year: int = PRTR_YEAR) -> pd.DataFrame:
    """Return the waste transfers of the year by facilities whose address is in Pirkanmaa."""
    facilities, transfers = read_prtr(folder)
    city = facilities["city"].str.strip().str.upper()
    region = facilities.loc[city.isin(PIRKANMAA), "facilityId"]
    chosen = transfers[(transfers["reportingYear"] == year) & transfers["facilityId"].isin(region)]
    return chosen.sort_values(["facilityId", "wasteClassificationCode", "wasteTreatmentCode"])


def finland_tables(folder: Path = PRTR, year: int = PRTR_YEAR) -> dict[str, pd.DataFrame]:
    """Return the tables of the Pirkanmaa PRTR example zone for ``year``."""
    transfers = pirkanmaa_transfers(folder, year)
    facilities, _ = read_prtr(folder)
    reporting = facilities[facilities["facilityId"].isin(transfers["facilityId"])]
    reporting = reporting.sort_values("facilityId")
    tables: dict[str, Rows] = {
        "zone": [_finland_zone(year, len(reporting))],
        "sites": [_facility_site(row) for _, row in reporting.iterrows()],
        "organisations": [_facility_organisation(row) for _, row in reporting.iterrows()],
        "nodes": [_facility_node(row) for _, row in reporting.iterrows()] + _finland_boundary(),
        "resources": _finland_resources(),
        "flows": [
            _transfer_flow(number, row)
            for number, (_, row) in enumerate(transfers.iterrows(), start=1)
        ],
    }
    return {name: pd.DataFrame(rows) for name, rows in tables.items()}


def _finland_zone(year: int, count: int) -> dict[str, Any]:
    return {
        "zone_id": f"fi-pirkanmaa-{year}",
        "name": f"Pirkanmaa region (Tampere), PRTR facilities {year}",
        "name_zh": f"芬兰皮尔卡区（坦佩雷）PRTR 设施 {year}",
        "base_year": year,
        "currency": "EUR",
        "boundary": "Facilities of the Finnish PRTR whose address is in one of the 22 "
        "municipalities of Pirkanmaa; off-site recovery and disposal as boundaries.",
        "description": (
            f"The {count} facilities in Pirkanmaa that reported waste transfers for {year} to "
            "the Finnish PRTR, and those transfers: hazardous and non-hazardous waste sent off "
            "site for recovery (R) or disposal (D), in tonnes, as reported (method: measured). "
            "The PRTR gives no waste codes and no domestic receiver, so every transfer goes to "
            "one of two boundary nodes. A facility belongs to the region when the city of its "
            "address is a Pirkanmaa municipality. Coordinates are WGS84 as published; where the "
            "register has only TM35FIN (EPSG:3067) x and y, the site's note gives them and "
            "longitude and latitude are left empty (pyproj is not installed to convert them)."
        ),
        "source": PRTR_SOURCE,
    }


def _facility_id(row: pd.Series) -> str:
    return f"fac_{row['facilityId']}"


def _facility_site(row: pd.Series) -> dict[str, Any]:
    site: dict[str, Any] = {
        "site_id": _facility_id(row),
        "name": row["nameOfFeature"],
        "source": PRTR_SOURCE,
    }
    if pd.notna(row["pointGeometryLon"]):
        site.update(
            longitude=float(row["pointGeometryLon"]), latitude=float(row["pointGeometryLat"])
        )
    else:
        site["note"] = (
            f"TM35FIN (EPSG:3067) x = {int(row['x'])} m, y = {int(row['y'])} m; "
            "WGS84 not published and not converted."
        )
    address = " ".join(
        str(part)
        for part in (row["streetName"], row["buildingNumber"], row["city"])
        if pd.notna(part)
    ).strip()
    site["note"] = "; ".join(filter(None, [site.get("note"), f"Address: {address}"]))
    return site


def _facility_organisation(row: pd.Series) -> dict[str, Any]:
    return {
        "org_id": _facility_id(row),
        "name": row["nameOfFeature"],
        "kind": "enterprise",
        "industry_scheme": "E-PRTR Annex I",
        "industry_code": row["mainActivityCode"],
        "site_id": _facility_id(row),
        "note": f"Operator: {row['parentCompanyName']}; {row['mainActivityName']}; "
        f"PRTR facilityId {row['facilityId']}.",
        "source": PRTR_SOURCE,
    }


def _facility_node(row: pd.Series) -> dict[str, Any]:
    return {
        "node_id": _facility_id(row),
        "name": row["nameOfFeature"],
        "kind": "process",
        "org_id": _facility_id(row),
        "site_id": _facility_id(row),
    }


def _finland_boundary() -> Rows:
    note = "Receivers of domestic transfers are not in the PRTR."
    return [
        _node(
            "offsite_recovery",
            "Off-site recovery (R operations)",
            "场外回收利用（R 类作业）",
            "export",
            note=note,
        ),
        _node(
            "offsite_disposal",
            "Off-site disposal (D operations)",
            "场外处置（D 类作业）",
            "export",
            note=note + " D covers landfill and incineration without energy "
            "recovery, so the node is an export, not a landfill.",
        ),
    ]


def _finland_resources() -> Rows:
    return [
        _res(
            "hazardous_waste",
            "Hazardous waste (E-PRTR Art. 2(14))",
            "危险废物",
            "materials",
            "mass",
            taxonomy="zone",
            code="HW",
            category="hazardous_waste",
            hazardous=True,
        ),
        _res(
            "non_hazardous_waste",
            "Non-hazardous waste",
            "非危险废物",
            "materials",
            "mass",
            taxonomy="zone",
            code="NONHW",
            category="general_industrial_solid_waste",
            hazardous=False,
            note="All non-hazardous waste the facilities transferred, counted as general "
            "industrial solid waste.",
        ),
    ]


def _transfer_flow(number: int, row: pd.Series) -> dict[str, Any]:
    target, stage = _TREATMENTS[row["wasteTreatmentCode"]]
    flow: dict[str, Any] = {
        "flow_id": f"T{number:03d}",
        "from_node": _facility_id(row),
        "to_node": target,
        "resource_id": _CLASSES[row["wasteClassificationCode"]],
        "year": int(row["reportingYear"]),
        "amount": float(row["totalWasteQuantityTNE"]),
        "unit": "t",
        "stage": stage,
        "quality": "measured",
        "assumed": False,
        "source": f"{PRTR_SOURCE}, waste_transfers.csv",
    }
    if pd.notna(row["nameOfReceiver"]):
        flow["note"] = f"Transboundary: {row['nameOfReceiver']}, {row['ReceivingSite_countryName']}"
    return flow

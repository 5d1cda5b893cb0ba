"""Kalundborg symbiosis partners, their by-products and the uses they can take, without links.

Each partner lists what it puts out (as codes or resource categories) and which uses its
industry can take in; the links are not given, so the matcher has to propose them. The
known links of the symbiosis (:data:`KNOWN_LINKS`, from the flows table of the published
compilation: Jacobsen 2006; Ehrenfeld and Gertler 1997) are kept apart to measure recall.

Partners in Kalundborg share one approximate town point (11.09° E, 55.68° N); Kemira's
sulphuric-acid plant is in Fredericia (about 9.75° E, 55.57° N) and Aalborg Portland in
Aalborg (about 9.92° E, 57.05° N). Buyers of sulphur and the farms taking fertiliser are
placed at Kalundborg because the sources do not locate them. The mass by-products are priced
as landfill waste (:data:`TREATMENT`), because the sources give no other fate for them.
"""

from __future__ import annotations

import pandas as pd

from ecoplan.exchange.sources.frames import offer_frame, request_frame

COUNTRY = "DK"
TREATMENT = "landfill"
KALUNDBORG = (11.09, 55.68)
PARTNERS: dict[str, tuple[str, tuple[float, float]]] = {
    "asnaes": ("Asnaes Power Station", KALUNDBORG),
    "refinery": ("Statoil refinery", KALUNDBORG),
    "novo": ("Novo Nordisk and Novozymes", KALUNDBORG),
    "gyproc": ("Gyproc plasterboard plant", KALUNDBORG),
    "aalborg_portland": ("Aalborg Portland (cement)", (9.92, 57.05)),
    "kemira": ("Kemira sulphuric acid plant, Fredericia", (9.75, 55.57)),
    "sulphur_buyers": ("Chemical companies buying sulphur", KALUNDBORG),
    "agriculture": ("Farms (fertiliser via Dangoedning)", KALUNDBORG),
    "biogas": ("Bigadan biogas plant", KALUNDBORG),
    "district_heating": ("Kalundborg district heating", KALUNDBORG),
    "fish_farm": ("Fish farm", KALUNDBORG),
    "wastewater_plant": ("Kalundborg wastewater plant", KALUNDBORG),
    "soilrem": ("Soilrem soil remediation", KALUNDBORG),
}
"""Partner id to (name, (longitude, latitude) [°])."""

OUTPUTS = [
    ("asnaes", "fgd_gypsum", "mass", "EWC", "100105", "fgd_gypsum", 200000.0),
    ("asnaes", "fly_ash", "mass", "EWC", "100102", "fly_ash", float("nan")),
    ("asnaes", "steam_heat", "energy", None, None, "heat", float("nan")),
    ("asnaes", "warm_water", "volume", None, None, "reused_water", float("nan")),
    ("refinery", "sulphur", "mass", "EWC", "050116", "other", 7000.0),
    ("refinery", "cooling_water", "volume", None, None, "reused_water", 700000.0),
    ("refinery", "refinery_gas", "energy", None, None, "fuel", float("nan")),
    ("novo", "fermentation_biomass", "mass", None, None, "organic_waste", 300000.0),
    ("wastewater_plant", "sewage_sludge", "mass", "EWC", "190805", "sewage_sludge", float("nan")),
]
"""By-products: partner, resource, dimension, taxonomy, code, category, quantity [t, MWh or
m³ per year; NaN where no annual figure is published]."""

INPUTS = [
    ("asnaes", "cooling_water", "volume"),
    ("asnaes", "fuel_substitute", "energy"),
    ("refinery", "process_heat", "energy"),
    ("novo", "process_heat", "energy"),
    ("gyproc", "wallboard", "mass"),
    ("gyproc", "fuel_substitute", "energy"),
    ("aalborg_portland", "cement", "mass"),
    ("aalborg_portland", "concrete", "mass"),
    ("aalborg_portland", "road_construction", "mass"),
    ("kemira", "sulphuric_acid", "mass"),
    ("sulphur_buyers", "sulphuric_acid", "mass"),
    ("agriculture", "fertiliser", "mass"),
    ("biogas", "anaerobic_digestion", "mass"),
    ("district_heating", "district_heating", "energy"),
    ("fish_farm", "fish_farming", "volume"),
    ("soilrem", "soil_remediation", "mass"),
]
"""Uses each partner's industry takes in: partner, use, dimension."""

KNOWN_LINKS = [
    ("K01", "asnaes", "fgd_gypsum", "gyproc"),
    ("K03", "asnaes", "fly_ash", "aalborg_portland"),
    ("K04", "refinery", "sulphur", "kemira"),
    ("K05", "refinery", "sulphur", "sulphur_buyers"),
    ("K06", "refinery", "sulphur", "agriculture"),
    ("K07", "refinery", "cooling_water", "asnaes"),
    ("K08", "asnaes", "steam_heat", "district_heating"),
    ("K09", "asnaes", "warm_water", "fish_farm"),
    ("K10", "asnaes", "steam_heat", "refinery"),
    ("K10", "asnaes", "steam_heat", "novo"),
    ("K11", "novo", "fermentation_biomass", "biogas"),
    ("K12", "refinery", "refinery_gas", "gyproc"),
    ("K13", "wastewater_plant", "sewage_sludge", "soilrem"),
]
"""Known links (flow id, source partner, by-product, target partner): the 13 rows of the
flows table, K02 being K01 in another period, and K10 going to two partners (Novo Nordisk
and Novozymes are one partner here). K06 is sulphur made into ammonium thiosulphate
fertiliser for farms."""


def kalundborg_listings() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (offers, requests) of the Kalundborg partners; links are not part of them."""
    offers = pd.DataFrame(
        OUTPUTS,
        columns=["org_id", "resource_id", "dimension", "taxonomy", "code", "category", "quantity"],
    )
    offers["listing_id"] = offers["org_id"] + ":" + offers["resource_id"]
    requests = pd.DataFrame(INPUTS, columns=["org_id", "use", "dimension"])
    requests["listing_id"] = requests["org_id"] + ":" + requests["use"]
    frames = []
    for frame, complete in ((offers, offer_frame), (requests, request_frame)):
        frame["node_id"] = frame["org_id"]
        frame["longitude"] = frame["org_id"].map(lambda partner: PARTNERS[partner][1][0])
        frame["latitude"] = frame["org_id"].map(lambda partner: PARTNERS[partner][1][1])
        frames.append(complete(frame).assign(name=frame["org_id"].map(lambda p: PARTNERS[p][0])))
    treatment = frames[0]["dimension"].map({"mass": TREATMENT})
    return frames[0].assign(treatment=treatment), frames[1]


def recall(candidates: pd.DataFrame) -> tuple[int, list[str], pd.DataFrame]:
    """Return (links found, flow ids missed, proposals not among the known links)."""
    proposed = set(
        zip(candidates["offer_id"], candidates["request_id"].str.split(":").str[0], strict=True)
    )
    known = {(f"{source}:{resource}", target) for _, source, resource, target in KNOWN_LINKS}
    missed = [
        flow
        for flow, source, resource, target in KNOWN_LINKS
        if (f"{source}:{resource}", target) not in proposed
    ]
    extra = candidates[
        [
            (offer, request.split(":")[0]) not in known
            for offer, request in zip(candidates["offer_id"], candidates["request_id"], strict=True)
        ]
    ]
    return len(KNOWN_LINKS) - len(missed), missed, extra.reset_index(drop=True)

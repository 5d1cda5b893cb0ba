"""PyPSA technology-data cost tables, read in place, and their comparison with ecoplan.

The tables are ``costs_2020.csv``, ``costs_2030.csv`` and ``costs_2050.csv`` of PyPSA
technology-data (GPL-3.0, doi:10.5281/zenodo.3994163), read from the shared data folder and
never copied. Source key: ``year|technology|parameter``, e.g. ``2020|fuel cell|investment``.

Costs are in euros of the year that technology-data's ``config.yaml`` sets as ``eur_year``,
which is 2020. The ``currency_year`` column records the year of the original figure before
technology-data adjusted it. ecoplan converts the euros to 2020 US dollars at its own rate
(:data:`~ecoplan.energy.technologies.USD_PER_UNIT`, 1.142 USD per EUR).

NOTE: ``eur_year: 2020`` was read in ``config.yaml`` at technology-data commit 34a0b3ee, not
at the commit the shared copy comes from. If that copy used another year, every cost here is
off by the inflation between the two years.

Run ``python -m ecoplan.energy.sources.pypsa`` to print the comparison.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any, cast

import pandas as pd

from ecoplan.energy.sources import SourceDataError, source_file
from ecoplan.energy.technologies import USD_PER_UNIT, load_technologies, technology_attributes
from ecoplan.i18n import _
from ecoplan.units import parse_unit

FOLDER = "pypsa-technology-costs"
YEARS = (2020, 2030, 2050)
BAND = (0.5, 2.0)
"""Ratios ecoplan / PyPSA inside this band (a factor of two either way) are not flagged."""

PYPSA_TECHNOLOGY = {
    "pc_coal_unscrubbed": "coal",
    "pc_coal_scrubbed": "coal",
    "igcc": "coal",
    "cfb_coal": "coal",
    "biomass": "biomass",
    "hydrogen_fuel_cell": "fuel cell",
    "solar": "solar-utility",
    "geothermal": "geothermal",
    "wind": "onwind",
    "hydro": "hydro",
    "gas_boiler_steam": "gas boiler steam",
    "biomass_boiler_steam": "solid biomass boiler steam",
    "electric_boiler_steam": "electric boiler steam",
    "industrial_heat_pump_125c": "industrial heat pump medium temperature",
    "industrial_heat_pump_150c": "industrial heat pump high temperature",
}
"""PyPSA row that each ecoplan technology is compared with.

PyPSA has no IGCC or CFB row, so the three coal variants meet its single ``coal`` row. It
has no landfill-gas power, ocean or avoided-demand row, so those are not compared.
"""

PARAMETERS = {
    "capital_cost": ("investment", "USD/kW"),
    "fixed_om": ("FOM", "USD/kW/a"),
    "efficiency": ("efficiency", "1"),
    "lifetime": ("lifetime", "a"),
}
"""ecoplan parameter -> (PyPSA parameter, ecoplan unit)."""

UNIT_SPELLING = {
    "per unit": "1",
    "p.u.": "1",
    "years": "year",
    "%/year": "percent/year",
    "kW_e": "kW",
    "kWel": "kW",
    "MW_e": "MW",
    "MWh_e": "MWh",
    "kW_th": "kW",
    "MWh_th": "MWh",
}
"""PyPSA unit spellings -> pint spellings (``_e`` and ``el`` mark electric, ``_th`` heat)."""


def costs_file(year: int) -> str:
    """Return the name of the PyPSA table for projection ``year``."""
    return f"costs_{year}.csv"


@cache
def read_costs(year: int) -> pd.DataFrame:
    """Return the PyPSA table of ``year`` indexed by (technology, parameter)."""
    frame = pd.read_csv(source_file(FOLDER, costs_file(year)))
    return frame.set_index(["technology", "parameter"]).sort_index()


def pypsa_row(key: str) -> dict[str, Any]:
    """Return the row of ``key`` (``year|technology|parameter``) as a dict.

    Raises
    ------
    SourceDataError
        When the table has no such row.
    """
    year, technology, parameter = key.split("|")
    table = read_costs(int(year))
    if (technology, parameter) not in table.index:
        message = _("No row {key} in {file}.").format(key=key, file=costs_file(int(year)))
        raise SourceDataError(message)
    rows = table.loc[[(technology, parameter)]]
    return cast(dict[str, Any], rows.iloc[0].to_dict())


def _pint_spelling(unit: str) -> str:
    spelled = unit
    for pypsa, pint_name in UNIT_SPELLING.items():
        spelled = spelled.replace(pypsa, pint_name)
    return spelled


def convert(value: float, unit: str, target: str) -> float:
    """Convert a PyPSA ``value`` in ``unit`` to ecoplan's ``target`` unit.

    Euros become 2020 US dollars at :data:`USD_PER_UNIT`; everything else goes through pint.

    Raises
    ------
    SourceDataError
        When the two units do not have the same dimensions.
    """
    spelled = _pint_spelling(unit)
    factor = 1.0
    if "EUR" in spelled and "USD" in target:
        spelled = spelled.replace("EUR", "USD")
        factor = USD_PER_UNIT["EUR"]
    source_unit = parse_unit(spelled)
    target_unit = parse_unit(target)
    if source_unit.dimensionality != target_unit.dimensionality:
        message = _(
            "PyPSA unit {unit!r} cannot be converted to {target!r}; map it in UNIT_SPELLING."
        ).format(unit=unit, target=target)
        raise SourceDataError(message)
    quantity = (value * source_unit).to(target_unit)
    return float(quantity.magnitude) * factor


def pypsa_value(key: str, target: str) -> float:
    """Return the value of PyPSA row ``key`` in ecoplan's ``target`` unit."""
    row = pypsa_row(key)
    return convert(float(row["value"]), str(row["unit"]), target)


def fixed_om_value(year: int, technology: str) -> float:
    """Return PyPSA's fixed O&M of ``technology`` as USD/kW/a: FOM [%/a] x investment."""
    share = pypsa_value(f"{year}|{technology}|FOM", "1/a")
    return share * pypsa_value(f"{year}|{technology}|investment", "USD/kW")


def _pypsa_parameter_value(year: int, technology: str, parameter: str) -> float | None:
    """Return PyPSA's value of an ecoplan ``parameter`` in ecoplan's unit, or None if absent."""
    pypsa_parameter, unit = PARAMETERS[parameter]
    try:
        if parameter == "fixed_om":
            return fixed_om_value(year, technology)
        return pypsa_value(f"{year}|{technology}|{pypsa_parameter}", unit)
    except SourceDataError:
        return None


def _has_fuel(technology: str) -> bool:
    """Technologies without a fuel carry efficiency 1 by convention; that is not compared."""
    fuel = technology_attributes().loc[technology, "fuel"]
    return isinstance(fuel, str) and fuel != ""


def compare_with_pypsa(
    years: tuple[int, ...] = YEARS, band: tuple[float, float] = BAND
) -> pd.DataFrame:
    """Line up ecoplan's technology values with PyPSA's rows, in ecoplan's units.

    Returns one row per technology, parameter and year with both values, their ratio
    (ecoplan / PyPSA) and ``outside_band``: True when the ratio is outside ``band``.
    A parameter that PyPSA does not give for a technology is left out.
    """
    rows = []
    for year in years:
        techs = load_technologies(year=year)
        for technology, pypsa_technology in PYPSA_TECHNOLOGY.items():
            for parameter, (pypsa_parameter, unit) in PARAMETERS.items():
                if parameter == "efficiency" and not _has_fuel(technology):
                    continue
                theirs = _pypsa_parameter_value(year, pypsa_technology, parameter)
                if theirs is None:
                    continue
                ours = float(cast(float, techs.loc[technology, parameter]))
                ratio = ours / theirs if theirs else math.inf
                rows.append(
                    {
                        "year": year,
                        "technology": technology,
                        "pypsa_technology": pypsa_technology,
                        "parameter": parameter,
                        "unit": unit,
                        "ecoplan": ours,
                        "pypsa": theirs,
                        "ratio": ratio,
                        "outside_band": not band[0] <= ratio <= band[1],
                        "pypsa_key": f"{year}|{pypsa_technology}|{pypsa_parameter}",
                    }
                )
    return pd.DataFrame(rows)


def main() -> None:
    """Print the comparison and how many ratios fall outside the band."""
    table = compare_with_pypsa()
    with pd.option_context("display.width", 200, "display.max_rows", None):
        print(table.drop(columns="pypsa_key").round(3).to_string(index=False))
    print(
        _("{rows} values compared with PyPSA; {outside} outside the band {low}-{high}.").format(
            rows=len(table), outside=int(table["outside_band"].sum()), low=BAND[0], high=BAND[1]
        )
    )


if __name__ == "__main__":
    main()

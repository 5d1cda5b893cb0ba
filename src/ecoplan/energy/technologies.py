"""Energy supply technologies and their data, each value with its source.

Contract (stable; the least-cost model codes against it)::

    techs = load_technologies(zone=None, year=2020) -> pd.DataFrame
        index ``technology``; columns name_en, name_zh, carrier ("electricity", "heat",
        "efficiency"), renewable (bool), efficiency [1], capacity_factor [1],
        capital_cost [currency/kW], fixed_om [currency/kW/a], variable_om [currency/MWh],
        fuel_cost [currency/MWh fuel], lifetime [a], co2 [t/MWh], so2 [kg/MWh],
        nox [kg/MWh], pm [kg/MWh], hg [g/MWh], water_withdrawal [m³/MWh],
        water_consumption [m³/MWh], available_from [year], source
    levelised_cost(techs, discount_rate) -> pd.Series [currency/MWh]
    external_cost(techs, damage_costs) -> pd.Series [currency/MWh]

    load_storage(year=2020, currency="USD") -> pd.DataFrame

Emission factors are per MWh of output (electricity or heat delivered). The library holds
the worksheet's thirteen rows and technologies beyond it (industrial process heat), all
serving the one energy pool; storage and hydrogen rows of ``technology_data.csv`` are not
pool technologies and are read with :func:`load_storage` or :func:`technology_values`.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources
from typing import Any, cast

import numpy as np
import pandas as pd

from ecoplan.errors import EcoplanError
from ecoplan.i18n import _
from ecoplan.model.vocab import VOCABULARIES

logger = logging.getLogger(__name__)

COLUMNS = (
    "name_en",
    "name_zh",
    "carrier",
    "renewable",
    *VOCABULARIES["technology_parameter"],
    "source",
)
"""Columns of the technology table, in order."""

POLLUTANTS = ("co2", "so2", "nox", "pm", "hg")
"""Pollutant columns of the technology table."""

POLLUTANT_UNITS = {"co2": "t/MWh", "so2": "kg/MWh", "nox": "kg/MWh", "pm": "kg/MWh", "hg": "g/MWh"}
"""Unit of each emission factor, per MWh of output."""


USD_PER_UNIT = {"USD": 1.0, "CNY": 1 / 6.90, "EUR": 1.142, "GBP": 1.284, "DKK": 0.153}
"""US dollars per unit of each currency, approximate 2020 annual averages [USD]."""

COST_COLUMNS = ("capital_cost", "fixed_om", "variable_om", "fuel_cost")
MWH_PER_KW_YEAR = 8.76
"""Energy of one kW running a whole year [MWh/(kW a)]."""


class TechnologyError(EcoplanError):
    """A technology, parameter or currency is unknown, or a value is missing."""


def _data_path(name: str) -> Any:
    return resources.files("ecoplan") / "data" / name


@cache
def technology_attributes() -> pd.DataFrame:
    """Return names, carrier, renewable flag and worksheet row of each technology.

    ``worksheet_row`` is the row number in the report's worksheet, or missing (``pd.NA``)
    for a technology the library adds beyond the worksheet.
    """
    with _data_path("technologies.csv").open(encoding="utf-8") as handle:
        frame = pd.read_csv(handle, keep_default_na=False)
    frame["renewable"] = frame["renewable"].astype(str) == "True"
    rows = frame["worksheet_row"].replace("", None)
    frame["worksheet_row"] = pd.to_numeric(rows).astype("Int64")
    return frame.set_index("technology")


def worksheet_technologies() -> list[str]:
    """Return the ids of the report worksheet's thirteen rows, in worksheet order."""
    attributes = technology_attributes()
    rows = attributes["worksheet_row"].dropna().sort_values()
    return [str(tech) for tech in rows.index]


@cache
def technology_data() -> pd.DataFrame:
    """Return the long table of technology values with their sources (2020 USD).

    Columns: technology, parameter, year (empty: every year), value, unit, kind
    (dataset, derived, literature, assumed), source, source_key.
    """
    with _data_path("technology_data.csv").open(encoding="utf-8") as handle:
        return pd.read_csv(handle, keep_default_na=False, na_values={"year": [""]})


def technology_sources(year: int = 2020) -> pd.DataFrame:
    """Return, for each technology and parameter, the rows its value in ``year`` comes from."""
    data = technology_data()
    timeless = data[data["year"].isna()]
    dated = data[data["year"].notna()]
    nearest = dated.assign(gap=(dated["year"] - year).abs()).sort_values("gap")
    dated_keys = nearest.drop_duplicates(["technology", "parameter"]).drop(columns="gap")
    return pd.concat([timeless, dated_keys]).sort_values(["technology", "parameter"])


@cache
def _values_for_year(year: int) -> pd.DataFrame:
    """Return technology x parameter values in ``year``, interpolating dated rows linearly."""
    data = technology_data()
    timeless = data[data["year"].isna()].set_index(["technology", "parameter"])["value"]
    dated = data[data["year"].notna()].pivot_table(
        index=["technology", "parameter"], columns="year", values="value"
    )
    data_years = dated.columns.to_numpy(float)
    interpolated = pd.Series(
        [np.interp(year, data_years, row) for row in dated.to_numpy(float)], index=dated.index
    )
    values = pd.concat([timeless.astype(float), interpolated])
    return values.unstack()


def load_technologies(zone: Any | None = None, year: int = 2020) -> pd.DataFrame:
    """Return the technology table for ``year``, with the zone's overrides applied.

    Parameters
    ----------
    zone
        A :class:`~ecoplan.model.zone.Zone`; its ``technology_overrides`` rows replace
        shipped values and its currency is used. ``None``: shipped values in USD.
    year
        Year of the cost and performance data; dated values are interpolated linearly
        between the data years (2020, 2030, 2050) and held constant outside them [year].

    Returns
    -------
    pandas.DataFrame
        One row per technology, the columns of :data:`COLUMNS`; costs in the zone's
        currency (``attrs["currency"]``), 2020 prices.

    Raises
    ------
    TechnologyError
        When a value is missing, or an override names an unknown technology or parameter.
    """
    values = _values_for_year(int(year)).copy()
    attributes = technology_attributes()
    table = attributes[["name_en", "name_zh", "carrier", "renewable"]].join(values)
    table["source"] = _source_summary()
    currency = "USD" if zone is None else str(zone.currency)
    table = _convert_currency(table, "USD", currency)
    table = _apply_overrides(table, zone, year)
    _check_complete(table)
    table["available_from"] = table["available_from"].round().astype(int)
    table.attrs["currency"] = currency
    table.attrs["year"] = year
    table.index.name = "technology"
    return table[list(COLUMNS)]


STORAGE_COLUMNS = (
    "energy_capital_cost",
    "power_capital_cost",
    "power_fixed_om",
    "round_trip_efficiency",
    "energy_lifetime",
    "power_lifetime",
)
"""Columns of a storage table: [currency/kWh], [currency/kW], [currency/kW/a], [1], [a], [a]."""

STORAGE_TECHNOLOGIES = ("battery",)
"""Storage technologies of the library that the least-cost LP can build."""

STORAGE_COST_COLUMNS = ("energy_capital_cost", "power_capital_cost", "power_fixed_om")


def technology_values(technology: str, year: int = 2020) -> pd.Series:
    """Return every parameter value of ``technology`` in ``year`` (2020 USD), by parameter.

    Dated values are interpolated as in :func:`load_technologies`. This also reads the
    technologies that are not pool technologies (``battery``, ``electrolysis``,
    ``hydrogen_storage_underground``, ``hydrogen_storage_tank``).

    Raises
    ------
    TechnologyError
        When the table has no row for ``technology``.
    """
    values = _values_for_year(int(year))
    if technology not in values.index:
        raise TechnologyError(
            _("Unknown technology {technology!r}; expected one of {known}.").format(
                technology=technology, known=", ".join(values.index)
            )
        )
    return cast(pd.Series, values.loc[technology]).dropna()


def load_storage(
    year: int = 2020, currency: str = "USD", technologies: tuple[str, ...] = STORAGE_TECHNOLOGIES
) -> pd.DataFrame:
    """Return the storage table the least-cost LP takes, one row per storage technology.

    Columns :data:`STORAGE_COLUMNS`; costs in ``currency`` at 2020 prices, per kWh of
    energy capacity and per kW of charge or discharge power.
    """
    if currency not in USD_PER_UNIT:
        raise TechnologyError(
            _("Unknown currency {currency!r}; expected one of {known}.").format(
                currency=currency, known=", ".join(USD_PER_UNIT)
            )
        )
    rows = {tech: technology_values(tech, year) for tech in technologies}
    table = pd.DataFrame(rows).T.reindex(columns=list(STORAGE_COLUMNS))
    table[list(STORAGE_COST_COLUMNS)] *= USD_PER_UNIT["USD"] / USD_PER_UNIT[currency]
    table.index.name = "storage"
    table.attrs["currency"] = currency
    return table


@cache
def _source_summary() -> pd.Series:
    """Return per technology the data sets and publications its values come from."""
    data = technology_data()
    names = data["source"].str.split(r"[,:(]", n=1, regex=True).str[0].str.strip()
    cited = data.assign(name=names)[data["kind"] != "assumed"]
    techs = technology_attributes().index
    summary = cited.groupby("technology")["name"].apply(lambda g: "; ".join(sorted(set(g))))
    summary = summary.reindex(techs, fill_value="")
    assumed = data[data["kind"] == "assumed"].groupby("technology").size()
    count = assumed.reindex(techs, fill_value=0)
    note = count.map(lambda n: f"{n} assumed value(s)" if n else "")
    return (summary + "; " + note).str.strip("; ")


def _convert_currency(table: pd.DataFrame, source: str, target: str) -> pd.DataFrame:
    if target not in USD_PER_UNIT:
        raise TechnologyError(
            _("Unknown currency {currency!r}; expected one of {known}.").format(
                currency=target, known=", ".join(USD_PER_UNIT)
            )
        )
    factor = USD_PER_UNIT[source] / USD_PER_UNIT[target]
    table = table.copy()
    table[list(COST_COLUMNS)] = table[list(COST_COLUMNS)] * factor
    return table


def _check_complete(table: pd.DataFrame) -> None:
    numeric = [c for c in COLUMNS if c not in ("name_en", "name_zh", "carrier", "source")]
    flags = table[numeric].isna().stack()
    missing = [
        ".".join(map(str, cast(tuple[str, str], key))) for key, absent in flags.items() if absent
    ]
    if missing:
        pairs = ", ".join(missing)
        raise TechnologyError(
            _("Technology values missing: {pairs}; add them as technology overrides.").format(
                pairs=pairs
            )
        )


def _apply_overrides(table: pd.DataFrame, zone: Any | None, year: int) -> pd.DataFrame:
    """Replace values by the zone's ``technology_overrides`` rows (costs in its currency)."""
    overrides = _zone_table(zone, "technology_overrides")
    if overrides is None or overrides.empty:
        return table
    table = table.copy()
    for row in overrides.to_dict("records"):
        row_year = row.get("year")
        if row_year is not None and not pd.isna(row_year) and int(row_year) != year:
            continue
        if row["technology"] not in table.index:
            raise TechnologyError(
                _(
                    "Unknown technology {technology!r} in technology_overrides; "
                    "expected one of {known}."
                ).format(technology=row["technology"], known=", ".join(table.index))
            )
        table.loc[row["technology"], row["parameter"]] = float(row["value"])
        table.loc[row["technology"], "source"] = f"override: {row['source']}"
        logger.info("technology %s.%s overridden by the zone", row["technology"], row["parameter"])
    return table


def _zone_table(zone: Any | None, name: str) -> pd.DataFrame | None:
    if zone is None:
        return None
    tables = getattr(zone, "tables", {})
    return tables.get(name)


def capital_recovery_factor(discount_rate: float, lifetime: pd.Series) -> pd.Series:
    """Return the capital recovery factor r(1+r)^n / ((1+r)^n - 1) [1/a].

    Parameters
    ----------
    discount_rate
        Real discount rate [1/a]; 0 gives 1/n.
    lifetime
        Economic lifetime n of each technology [a].
    """
    if discount_rate == 0:
        return 1 / lifetime
    growth = (1 + discount_rate) ** lifetime
    return discount_rate * growth / (growth - 1)


def levelised_cost(techs: pd.DataFrame, discount_rate: float) -> pd.Series:
    """Return the levelised private cost of each technology [currency/MWh].

    LCOE = (capital_cost * CRF + fixed_om) / (capacity_factor * 8.76)
    + variable_om + fuel_cost / efficiency, with CRF the capital recovery factor of the
    discount rate and the lifetime, and 8.76 MWh the output of 1 kW over a year.

    Parameters
    ----------
    techs
        Table of :func:`load_technologies`.
    discount_rate
        Real discount rate [1/a], e.g. 0.05.
    """
    crf = capital_recovery_factor(discount_rate, techs["lifetime"])
    annual = techs["capital_cost"] * crf + techs["fixed_om"]
    output = techs["capacity_factor"] * MWH_PER_KW_YEAR
    fuel = techs["fuel_cost"] / techs["efficiency"]
    return (annual / output + techs["variable_om"] + fuel).rename("levelised_cost")


EMISSION_TO_TONNES = {"co2": 1.0, "so2": 1e-3, "nox": 1e-3, "pm": 1e-3, "hg": 1e-6}
"""Factor from each emission-factor unit (t, kg, g per MWh) to tonnes per MWh."""


@cache
def load_damage_costs() -> pd.DataFrame:
    """Return the shipped damage-cost table, indexed by pollutant.

    Columns: value, unit (currency per t), price_year, status (``cited`` or
    ``approximate``: verify before use), source.
    """
    with _data_path("damage_costs.csv").open(encoding="utf-8") as handle:
        return pd.read_csv(handle).set_index("pollutant")


def damage_cost_per_tonne(damage_costs: pd.DataFrame, currency: str) -> pd.Series:
    """Return the damage cost of each pollutant in ``currency`` [currency/t].

    Raises
    ------
    TechnologyError
        When a unit is not ``<currency>/t`` with a known currency.
    """
    result = {}
    for pollutant, row in damage_costs.iterrows():
        unit_currency, _slash, per = str(row["unit"]).partition("/")
        if per != "t" or unit_currency not in USD_PER_UNIT or currency not in USD_PER_UNIT:
            raise TechnologyError(
                _(
                    "Damage cost unit {unit!r} of {pollutant} not understood; "
                    "expected a currency per tonne such as USD/t."
                ).format(unit=row["unit"], pollutant=pollutant)
            )
        rate = USD_PER_UNIT[unit_currency] / USD_PER_UNIT[currency]
        result[str(pollutant)] = float(row["value"]) * rate
    return pd.Series(result, name="damage_cost")


def external_cost(techs: pd.DataFrame, damage_costs: pd.DataFrame | None = None) -> pd.Series:
    """Return the external (damage) cost of each technology [currency/MWh].

    The sum over pollutants of the emission factor [t/MWh] times the damage cost
    [currency/t], in the currency of ``techs`` (``attrs["currency"]``, default USD).
    Pollutants absent from ``damage_costs`` count zero and are logged.
    """
    table = load_damage_costs() if damage_costs is None else damage_costs
    per_tonne = damage_cost_per_tonne(table, techs.attrs.get("currency", "USD"))
    total = pd.Series(0.0, index=techs.index)
    for pollutant in POLLUTANTS:
        if pollutant not in per_tonne.index:
            logger.warning("no damage cost for %s; it adds nothing to the external cost", pollutant)
            continue
        tonnes = techs[pollutant] * EMISSION_TO_TONNES[pollutant]
        total = total + tonnes * per_tonne[pollutant]
    return total.rename("external_cost")

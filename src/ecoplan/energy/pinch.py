"""Heat pinch analysis of one plant: the problem table algorithm and its curves.

Streams have a constant heat-capacity flowrate CP [kW/K] between their supply and target
temperatures [°C]. Hot streams (supply above target) are shifted down and cold streams up by
half the minimum approach temperature ΔT_min, so that heat can cascade down the shifted scale
(Linnhoff and Flower's problem table algorithm, as in Kemp, *Pinch Analysis and Process
Integration*, 2nd ed., 2007, chapter 2).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ecoplan.errors import EcoplanError
from ecoplan.i18n import N_, _

logger = logging.getLogger(__name__)

STREAM_COLUMNS = ("supply_temperature", "target_temperature", "heat_capacity_flowrate")
"""Required columns of a stream table: [°C], [°C] and [kW/K]."""

CONTRIBUTION_COLUMN = "dt_min_contribution"
"""Optional column: a stream's own shift [K], used instead of ΔT_min / 2 where it is given."""

RELATIVE_TOLERANCE = 1e-9
"""Cascade values within this share of the largest stream duty count as zero (a pinch)."""


class StreamError(EcoplanError):
    """A stream table or a pinch setting is invalid."""


@dataclass(frozen=True)
class PinchTargets:
    """Energy targets of one set of streams at one ΔT_min.

    Attributes
    ----------
    dt_min : float
        Minimum approach temperature [K].
    hot_utility, cold_utility : float
        Minimum hot and cold utility [kW].
    heat_recovery : float
        Maximum heat exchanged between process streams [kW].
    pinch_temperatures : tuple of float
        Shifted pinch temperatures [°C], empty for a threshold problem without a pinch.
    problem_table : pandas.DataFrame
        One row per shifted temperature interval: ``upper``, ``lower`` [°C], ``net_cp``
        [kW/K], ``surplus`` [kW], ``heat_in`` and ``heat_out`` of the feasible cascade [kW].
    hot_composite, cold_composite : pandas.DataFrame
        Columns ``temperature`` [°C] and ``enthalpy`` [kW]; the cold curve starts at the
        cold utility so that the two curves sit ΔT_min apart at the pinch.
    grand_composite : pandas.DataFrame
        Columns ``shifted_temperature`` [°C] and ``heat_flow`` [kW]; its top end is the hot
        utility and its bottom end the cold utility.
    """

    dt_min: float
    hot_utility: float
    cold_utility: float
    heat_recovery: float
    pinch_temperatures: tuple[float, ...]
    problem_table: pd.DataFrame
    hot_composite: pd.DataFrame
    cold_composite: pd.DataFrame
    grand_composite: pd.DataFrame

    @property
    def hot_pinch_temperatures(self) -> tuple[float, ...]:
        """Pinch temperatures on the hot streams' scale [°C]."""
        return tuple(t + self.dt_min / 2 for t in self.pinch_temperatures)

    @property
    def cold_pinch_temperatures(self) -> tuple[float, ...]:
        """Pinch temperatures on the cold streams' scale [°C]."""
        return tuple(t - self.dt_min / 2 for t in self.pinch_temperatures)

    @property
    def threshold(self) -> bool:
        """Whether one of the two utilities is zero (a threshold problem)."""
        return self.hot_utility == 0.0 or self.cold_utility == 0.0


def validate_streams(streams: pd.DataFrame) -> pd.DataFrame:
    """Check a stream table and return it with float columns.

    Raises
    ------
    StreamError
        When a column is missing, a value is missing, a CP is not positive, a ΔT_min
        contribution is negative, or a stream has equal supply and target temperatures.
    """
    missing = [column for column in STREAM_COLUMNS if column not in streams.columns]
    if missing:
        message = _("the stream table lacks the column(s) {columns}; it needs {required}")
        raise StreamError(message.format(columns=missing, required=list(STREAM_COLUMNS)))

    table = streams.loc[:, list(STREAM_COLUMNS)].astype(float)
    if CONTRIBUTION_COLUMN in streams.columns:
        table[CONTRIBUTION_COLUMN] = streams[CONTRIBUTION_COLUMN].astype(float)
    blank = table.index[table[list(STREAM_COLUMNS)].isna().any(axis=1)].tolist()
    if blank:
        message = _("stream(s) {streams} have missing temperatures or CP; fill them in")
        raise StreamError(message.format(streams=blank))

    flat = table.index[table["heat_capacity_flowrate"] <= 0].tolist()
    if flat:
        message = _("stream(s) {streams} have a heat-capacity flowrate <= 0 kW/K; it must be > 0")
        raise StreamError(message.format(streams=flat))

    own = table.get(CONTRIBUTION_COLUMN, pd.Series(np.nan, index=table.index))
    negative = table.index[own < 0].tolist()
    if negative:
        message = _("stream(s) {streams} have a ΔT_min contribution < 0 K; it must be >= 0")
        raise StreamError(message.format(streams=negative))

    isothermal = table.index[table["supply_temperature"] == table["target_temperature"]].tolist()
    if isothermal:
        message = _(
            "stream(s) {streams} have equal supply and target temperatures; give a phase "
            "change as a stream over a 1 K range with CP = latent heat load [kW/K]"
        )
        raise StreamError(message.format(streams=isothermal))
    return table


def shifted_temperatures(table: pd.DataFrame, dt_min: float) -> tuple[np.ndarray, np.ndarray]:
    """Return the shifted upper and lower temperature of each stream [°C].

    A stream moves by its ``dt_min_contribution`` [K] where the table gives one, else by
    ``dt_min / 2``: hot streams down, cold streams up.
    """
    hot = (table["supply_temperature"] > table["target_temperature"]).to_numpy()
    half = np.full(len(table), dt_min / 2)
    if CONTRIBUTION_COLUMN in table.columns:
        own = table[CONTRIBUTION_COLUMN].to_numpy(dtype=float)
        half = np.where(np.isnan(own), half, own)
    shift = np.where(hot, -half, half)
    supply = table["supply_temperature"].to_numpy() + shift
    target = table["target_temperature"].to_numpy() + shift
    return np.maximum(supply, target), np.minimum(supply, target)


def problem_table(streams: pd.DataFrame, dt_min: float) -> PinchTargets:
    """Compute the energy targets of ``streams`` by the problem table algorithm.

    Parameters
    ----------
    streams : pandas.DataFrame
        One row per stream (the index names it) with ``supply_temperature`` [°C],
        ``target_temperature`` [°C] and ``heat_capacity_flowrate`` [kW/K]; optionally
        ``dt_min_contribution`` [K], the stream's own shift instead of ``dt_min / 2``.
    dt_min : float
        Minimum approach temperature between hot and cold streams [K].

    Returns
    -------
    PinchTargets
        Utilities, heat recovery, pinch, and the composite and grand composite curves.
    """
    if not dt_min >= 0:
        raise StreamError(_("ΔT_min is {value} K; it must be >= 0").format(value=dt_min))
    table = validate_streams(streams)

    hot = (table["supply_temperature"] > table["target_temperature"]).to_numpy()
    cp = table["heat_capacity_flowrate"].to_numpy()
    upper, lower = shifted_temperatures(table, dt_min)
    bounds = np.unique(np.concatenate([upper, lower]))[::-1]

    covers = (upper[:, None] >= bounds[None, :-1]) & (lower[:, None] <= bounds[None, 1:])
    signed_cp = np.where(hot, cp, -cp)
    net_cp = signed_cp @ covers
    surplus = net_cp * (bounds[:-1] - bounds[1:])

    cascade = np.concatenate([[0.0], np.cumsum(surplus)])
    hot_utility = max(0.0, -float(cascade.min()))
    heat_flow = cascade + hot_utility

    duty = cp * (upper - lower)
    scale = max(1.0, float(duty.max()))
    heat_flow[np.abs(heat_flow) <= RELATIVE_TOLERANCE * scale] = 0.0
    cold_utility = float(heat_flow[-1])

    interior = np.flatnonzero(heat_flow[1:-1] == 0.0) + 1
    pinch = tuple(float(bounds[i]) for i in interior)
    logger.debug("problem table: %d intervals, pinch at %s °C shifted", len(surplus), pinch)

    intervals = pd.DataFrame(
        {
            "upper": bounds[:-1],
            "lower": bounds[1:],
            "net_cp": net_cp,
            "surplus": surplus,
            "heat_in": heat_flow[:-1],
            "heat_out": heat_flow[1:],
        }
    )
    return PinchTargets(
        dt_min=float(dt_min),
        hot_utility=float(heat_flow[0]),
        cold_utility=cold_utility,
        heat_recovery=float(duty[hot].sum()) - cold_utility,
        pinch_temperatures=pinch,
        problem_table=intervals,
        hot_composite=composite_curve(table, hot_streams=True, start=0.0),
        cold_composite=composite_curve(table, hot_streams=False, start=cold_utility),
        grand_composite=pd.DataFrame({"shifted_temperature": bounds, "heat_flow": heat_flow}),
    )


def composite_curve(table: pd.DataFrame, *, hot_streams: bool, start: float) -> pd.DataFrame:
    """Return the hot or cold composite curve: temperature [°C] against enthalpy [kW].

    Enthalpy rises with temperature from ``start`` [kW]. A side without streams gives a
    curve with no points.
    """
    is_hot = table["supply_temperature"] > table["target_temperature"]
    side = table[is_hot if hot_streams else ~is_hot]
    top = side[["supply_temperature", "target_temperature"]].max(axis=1).to_numpy()
    bottom = side[["supply_temperature", "target_temperature"]].min(axis=1).to_numpy()
    temperatures = np.unique(np.concatenate([top, bottom]))

    covers = (top[:, None] >= temperatures[None, 1:]) & (bottom[:, None] <= temperatures[None, :-1])
    interval_cp = side["heat_capacity_flowrate"].to_numpy() @ covers
    steps = interval_cp * np.diff(temperatures)
    enthalpy = start + np.concatenate([[0.0], np.cumsum(steps)])[: len(temperatures)]
    return pd.DataFrame({"temperature": temperatures, "enthalpy": enthalpy})


def pinch_summary(targets: PinchTargets) -> pd.DataFrame:
    """Return the targets as a plain table: ``quantity`` (English, marked), ``value``, ``unit``.

    The report translates ``quantity`` with :func:`ecoplan.i18n.translate`. Pinch rows are
    absent in a threshold problem without a pinch.
    """
    rows: list[dict[str, Any]] = [
        {"quantity": N_("Minimum approach temperature"), "value": targets.dt_min, "unit": "K"},
        {"quantity": N_("Minimum hot utility"), "value": targets.hot_utility, "unit": "kW"},
        {"quantity": N_("Minimum cold utility"), "value": targets.cold_utility, "unit": "kW"},
        {"quantity": N_("Heat recovery"), "value": targets.heat_recovery, "unit": "kW"},
    ]
    pinches = zip(
        targets.pinch_temperatures,
        targets.hot_pinch_temperatures,
        targets.cold_pinch_temperatures,
        strict=True,
    )
    for shifted, hot, cold in pinches:
        rows.append({"quantity": N_("Pinch (shifted)"), "value": shifted, "unit": "°C"})
        rows.append({"quantity": N_("Pinch on hot streams"), "value": hot, "unit": "°C"})
        rows.append({"quantity": N_("Pinch on cold streams"), "value": cold, "unit": "°C"})
    return pd.DataFrame(rows, columns=["quantity", "value", "unit"])


def composite_curves_figure(targets: PinchTargets) -> go.Figure:
    """Draw the hot and cold composite curves, labelled in the active locale."""
    figure = go.Figure()
    curves = (
        (targets.hot_composite, _("Hot composite curve"), "#c0392b"),
        (targets.cold_composite, _("Cold composite curve"), "#2471a3"),
    )
    for curve, name, colour in curves:
        figure.add_trace(
            go.Scatter(
                x=curve["enthalpy"],
                y=curve["temperature"],
                mode="lines+markers",
                name=name,
                line={"color": colour},
            )
        )
    figure.update_layout(
        title=_("Composite curves (ΔT_min = {dt_min} K)").format(dt_min=targets.dt_min),
        xaxis_title=_("Enthalpy [kW]"),
        yaxis_title=_("Temperature [°C]"),
    )
    return figure


def grand_composite_figure(targets: PinchTargets) -> go.Figure:
    """Draw the grand composite curve, labelled in the active locale."""
    curve = targets.grand_composite
    figure = go.Figure(
        go.Scatter(
            x=curve["heat_flow"],
            y=curve["shifted_temperature"],
            mode="lines+markers",
            name=_("Grand composite curve"),
            line={"color": "#7d3c98"},
        )
    )
    figure.update_layout(
        title=_("Grand composite curve (ΔT_min = {dt_min} K)").format(dt_min=targets.dt_min),
        xaxis_title=_("Net heat flow [kW]"),
        yaxis_title=_("Shifted temperature [°C]"),
    )
    return figure

"""Mass, energy and volume balances of the zone's process nodes.

For each process node, year and dimension (mass [t], energy [MWh], volume [m³], ...):

    residual = inputs - outputs - stock_change

Dimensions are balanced apart, so tonnes never offset megawatt-hours. A flow from a node to
itself counts as both an input and an output of that node, so it leaves the residual
unchanged. Boundary nodes (import, export, atmosphere, water_body, landfill, environment)
close the zone's accounts and are not balanced.

A balance needs both sides. A wastewater plant that takes water in m³ and gives sludge in t
has outputs but no inputs in mass, and no stock row. No recorded mass enters it, so its mass
balance is reported as not checked, not as a residual of -100 %.
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from ecoplan.accounting.stock_changes import KEYS, stock_changes
from ecoplan.errors import BalanceError
from ecoplan.i18n import N_, _, get_locale, translate
from ecoplan.model.vocab import label
from ecoplan.model.zone import Zone
from ecoplan.units import CANONICAL_LABEL

logger = logging.getLogger(__name__)

COLUMNS = [
    "node_id",
    "name",
    "kind",
    "year",
    "dimension",
    "unit",
    "inputs",
    "outputs",
    "stock_change",
    "residual",
    "relative_residual",
    "flagged",
    "unknown_resources",
    "status",
]
MAX_LISTED = 20
"""Rows named in one warning or error; the rest are counted."""

STATUSES = {
    "balanced": N_("Within the tolerance"),
    "residual": N_("Residual above the tolerance"),
    "no_inputs": N_("Not checked: no inputs recorded in {dimension}"),
    "no_outputs": N_("Not checked: no outputs recorded in {dimension}"),
    "unknown_stock": N_("Not checked: stock change unknown"),
}
"""Status of a balance row and its description (English source, ``{dimension}`` filled in)."""


def node_balances(
    zone: Zone, year: int | None = None, tolerance: float = 0.01, strict: bool = False
) -> pd.DataFrame:
    """Balance every process node, one row per node, year and dimension.

    Parameters
    ----------
    zone
        The zone.
    year
        Only this year; ``None`` for every year with flows or stock rows.
    tolerance
        Largest accepted ``|relative_residual|`` [1]; 0.01 is 1 %.
    strict
        Raise instead of logging when a row exceeds the tolerance.

    Returns
    -------
    pandas.DataFrame
        Columns ``node_id``, ``name``, ``kind``, ``year``, ``dimension``, ``unit``,
        ``inputs``, ``outputs``, ``stock_change``, ``residual`` (all in ``unit``, per year),
        ``relative_residual`` (``residual / max(inputs, outputs)`` [1], ±inf when the node
        has a residual but no flows), ``flagged`` (``|relative_residual| > tolerance``),
        ``unknown_resources`` and ``status`` (a key of :data:`STATUSES`). The stock change
        is 0 for a node with no stock rows in that year and dimension. It is ``NaN`` when a
        stock level lacks the previous year's level. Then the residual is ``NaN``, the row is
        not flagged, ``unknown_resources`` lists the resources and a warning is logged.
        A row with flows on one side only and no stock row cannot be checked: its residual
        is ``NaN``, it is not flagged, its status is ``no_inputs`` or ``no_outputs``, and one
        summary line is logged at INFO level.

    Raises
    ------
    BalanceError
        In strict mode, when any row is flagged; the message lists them.
    """
    table = _balance_table(zone)
    if year is not None:
        table = table[table["year"] == year].reset_index(drop=True)

    one_sided = _one_sided(table)
    residual = table["inputs"] - table["outputs"] - table["stock_change"]
    table["residual"] = residual.where(one_sided == "", np.nan)
    table["relative_residual"] = _relative(
        table["residual"], np.maximum(table["inputs"], table["outputs"])
    )
    table["flagged"] = (table["relative_residual"].abs() > tolerance).to_numpy(dtype=bool)
    table["status"] = _statuses(table, one_sided)

    _report_unknown_stock(table)
    _report_one_sided(table)
    _report_flagged(table, tolerance, strict)
    return table[COLUMNS]


def status_text(status: str, dimension: str, locale: str | None = None) -> str:
    """Return the description of a balance ``status`` in ``locale`` (default: the active one)."""
    locale = locale or get_locale()
    dimension_name = label("dimension", dimension, locale)
    if locale == "en":
        dimension_name = dimension_name.lower()
    return translate(STATUSES[status], locale).format(dimension=dimension_name)


def _one_sided(table: pd.DataFrame) -> pd.Series:
    """Return ``no_inputs`` or ``no_outputs`` for rows whose balance has one side only, else "".

    A stock row counts as a side: a drawdown can feed outputs without inputs.
    """
    alone = ~table["has_stock_row"]
    no_inputs = alone & (table["inputs"] == 0) & (table["outputs"] > 0)
    no_outputs = alone & (table["outputs"] == 0) & (table["inputs"] > 0)
    one_sided = pd.Series("", index=table.index, dtype=object)
    one_sided[no_inputs] = "no_inputs"
    one_sided[no_outputs] = "no_outputs"
    return one_sided


def _statuses(table: pd.DataFrame, one_sided: pd.Series) -> pd.Series:
    status = pd.Series("balanced", index=table.index, dtype=object)
    status[table["flagged"]] = "residual"
    status[table["stock_change"].isna()] = "unknown_stock"
    status[one_sided != ""] = one_sided[one_sided != ""]
    return status


def _balance_table(zone: Zone) -> pd.DataFrame:
    """Return inputs, outputs and stock change per process node, year and dimension."""
    flows = zone.flow_table
    into = flows[flows["to_kind"] == "process"]
    inputs = into.groupby(["to_node", "year", "dimension"])["quantity"].sum()
    inputs.index = inputs.index.set_names(KEYS)
    out_of = flows[flows["from_kind"] == "process"]
    outputs = out_of.groupby(["from_node", "year", "dimension"])["quantity"].sum()
    outputs.index = outputs.index.set_names(KEYS)

    nodes = zone.nodes.set_index("node_id")
    stocks = stock_changes(zone)
    stocks = stocks[stocks["node_id"].map(nodes["kind"]) == "process"].set_index(KEYS)

    index = inputs.index.union(outputs.index).union(stocks.index).sort_values()
    table = pd.DataFrame(index=index)
    table["inputs"] = inputs.reindex(index).fillna(0.0)
    table["outputs"] = outputs.reindex(index).fillna(0.0)
    table["stock_change"] = stocks["stock_change"].reindex(index)
    has_stock_row = index.isin(stocks.index)
    table["has_stock_row"] = has_stock_row
    table.loc[~has_stock_row, "stock_change"] = 0.0
    table["unknown_resources"] = stocks["unknown_resources"].reindex(index).fillna("")
    table = table.reset_index()

    table["name"] = table["node_id"].map(nodes["name"])
    table["kind"] = table["node_id"].map(nodes["kind"])
    table["unit"] = table["dimension"].map(CANONICAL_LABEL)
    return table


def _relative(residual: pd.Series, scale: pd.Series | np.ndarray) -> np.ndarray:
    """Return ``residual / scale``; 0 for 0/0, ±inf for a residual over zero flow, NaN for NaN."""
    residual_array = residual.to_numpy(dtype=float)
    scale_array = np.asarray(scale, dtype=float)
    relative = np.full(len(residual_array), np.nan)
    positive = scale_array > 0
    relative[positive] = residual_array[positive] / scale_array[positive]

    zero_scale = scale_array == 0
    relative[zero_scale & (residual_array == 0)] = 0.0
    over_zero = zero_scale & np.isfinite(residual_array) & (residual_array != 0)
    relative[over_zero] = np.copysign(np.inf, residual_array[over_zero])
    return relative


def _dimension_label(dimension: str) -> str:
    return label("dimension", dimension, get_locale())


def _listed(lines: list[str], total: int) -> str:
    if total > MAX_LISTED:
        lines.append(_("and {count} more").format(count=total - MAX_LISTED))
    return "\n".join(lines)


def _describe_residuals(rows: pd.DataFrame) -> str:
    lines = [
        _(
            "node {node}, {year}, {dimension}: residual {residual:.6g} {unit} ({relative:.2%})"
        ).format(
            node=row.node_id,
            year=row.year,
            dimension=_dimension_label(str(row.dimension)),
            residual=row.residual,
            unit=row.unit,
            relative=row.relative_residual,
        )
        for row in rows.head(MAX_LISTED).itertuples(index=False)
    ]
    return _listed(lines, len(rows))


def _describe_unknown(rows: pd.DataFrame) -> str:
    lines = [
        _("node {node}, {year}, {dimension}: stock change unknown for {resources}").format(
            node=row.node_id,
            year=row.year,
            dimension=_dimension_label(str(row.dimension)),
            resources=row.unknown_resources,
        )
        for row in rows.head(MAX_LISTED).itertuples(index=False)
    ]
    return _listed(lines, len(rows))


def _report_unknown_stock(table: pd.DataFrame) -> None:
    unknown = table[table["unknown_resources"] != ""]
    if unknown.empty:
        return
    logger.warning(
        _(
            "{count} balance(s) cannot be closed: a stock level has no level in the previous "
            "year. Give the previous level or the change.\n{rows}"
        ).format(count=len(unknown), rows=_describe_unknown(unknown))
    )


def _report_one_sided(table: pd.DataFrame) -> None:
    """Log one line counting the balances not checked for lack of inputs or outputs."""
    no_inputs = int((table["status"] == "no_inputs").sum())
    no_outputs = int((table["status"] == "no_outputs").sum())
    if not no_inputs and not no_outputs:
        return
    logger.info(
        _(
            "{count} node balance(s) were not checked because the node has flows on one side "
            "only in that dimension ({no_inputs} without inputs, {no_outputs} without outputs)."
        ).format(count=no_inputs + no_outputs, no_inputs=no_inputs, no_outputs=no_outputs)
    )


def _report_flagged(table: pd.DataFrame, tolerance: float, strict: bool) -> None:
    flagged = table[table["flagged"]]
    if flagged.empty:
        return
    message = _(
        "{count} node balance(s) exceed the tolerance of {tolerance:.2%}. Check the "
        "flows and stocks of these nodes:\n{rows}"
    ).format(count=len(flagged), tolerance=tolerance, rows=_describe_residuals(flagged))
    if strict:
        raise BalanceError(message)
    logger.warning(message)

"""Resource accounts of a zone: node balances, totals, Sankey diagrams and stock models."""

from ecoplan.accounting.balance import node_balances
from ecoplan.accounting.sankey import SankeyData, sankey_data, sankey_figure
from ecoplan.accounting.totals import totals_by_stage, totals_by_type

__all__ = [
    "SankeyData",
    "node_balances",
    "sankey_data",
    "sankey_figure",
    "totals_by_stage",
    "totals_by_type",
]

"""Industrial-metabolism and circular-economy indicators of a zone, with formula, unit and source.

Each indicator is an :class:`Indicator` in :data:`INDICATORS`; :func:`compute_indicators`
computes them all for one year. The flow sets they use are defined in
:mod:`ecoplan.accounting.indicators.yeardata`.
"""

from ecoplan.accounting.indicators.base import Indicator, IndicatorResult, Missing
from ecoplan.accounting.indicators.registry import (
    INDICATORS,
    INDICATORS_BY_ID,
    compute_indicators,
    default_year,
)

__all__ = [
    "INDICATORS",
    "INDICATORS_BY_ID",
    "Indicator",
    "IndicatorResult",
    "Missing",
    "compute_indicators",
    "default_year",
]

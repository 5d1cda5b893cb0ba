"""A materials recovery facility (MRF): it sorts mixed streams into the codes its users accept.

Each tonne of accepted input leaves as ``yields[code]`` tonnes of each output code, and the
rest, ``1 − Σ yields``, is residue sent to disposal. Mass is conserved by construction:
input = Σ outputs + residue [canonical unit per year].

The facility enters the exchange network in two ways: :meth:`MaterialsRecoveryFacility.
recovery_options` turns it into rows of ``recovery_options`` for
:func:`~ecoplan.exchange.network.optimise_exchange` (net cost per unit of input, priced with
the outputs' market values), and :func:`sorted_offers` turns a sorting result into offers that
:func:`~ecoplan.exchange.matching.find_candidates` can pair with requests.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ecoplan.exchange.network import ExchangeError
from ecoplan.i18n import _

logger = logging.getLogger(__name__)

MASS_TOLERANCE = 1e-9
"""Largest relative mass-balance residual accepted [1]."""


@dataclass(frozen=True)
class MaterialsRecoveryFacility:
    """A sorting plant.

    Attributes
    ----------
    facility_id
        Identifier, used as ``option_id`` in the exchange network.
    accepts
        Codes of the mixed streams it takes in.
    capacity
        Input it can sort [t per year].
    sorting_cost
        Cost of sorting one tonne of input [currency per t].
    yields
        Output code → tonnes of it per tonne of input [t/t]; their sum is at most 1.
    residue_disposal_cost
        Cost of disposing of one tonne of residue [currency per t].
    node_id, longitude, latitude
        Where the facility is, for its output offers.
    """

    facility_id: str
    accepts: tuple[str, ...]
    capacity: float
    sorting_cost: float
    yields: Mapping[str, float]
    residue_disposal_cost: float
    node_id: str | None = None
    longitude: float = float("nan")
    latitude: float = float("nan")

    def __post_init__(self) -> None:
        """Check the yields, capacity and costs."""
        values = np.array(list(self.yields.values()), dtype=float)
        if (values < 0).any() or values.sum() > 1.0 + MASS_TOLERANCE:
            raise ExchangeError(
                _(
                    "The yields of facility {facility} must be between 0 and 1 and sum to at "
                    "most 1; got {yields}."
                ).format(facility=self.facility_id, yields=dict(self.yields))
            )
        numbers = (self.capacity, self.sorting_cost, self.residue_disposal_cost)
        if not np.isfinite(numbers).all() or self.capacity < 0:
            raise ExchangeError(
                _(
                    "Facility {facility} needs a known capacity of zero or more and known costs; "
                    "got capacity {capacity}, sorting cost {sorting}, residue cost {residue}."
                ).format(
                    facility=self.facility_id,
                    capacity=self.capacity,
                    sorting=self.sorting_cost,
                    residue=self.residue_disposal_cost,
                )
            )

    @property
    def residue_fraction(self) -> float:
        """Return the share of input that leaves as residue [t/t]."""
        return max(0.0, 1.0 - float(sum(self.yields.values())))

    def net_cost(self, output_values: Mapping[str, float]) -> float:
        """Return the net cost of sorting a tonne of input [currency per t].

        Sorting cost plus residue disposal minus the outputs' value; every output code needs
        a value in ``output_values`` [currency per t].
        """
        missing = sorted(set(self.yields) - set(output_values))
        if missing:
            raise ExchangeError(
                _(
                    "No value is given for the output code(s) {codes} of facility {facility}."
                ).format(codes=", ".join(missing), facility=self.facility_id)
            )
        revenue = sum(share * output_values[code] for code, share in self.yields.items())
        return self.sorting_cost + self.residue_fraction * self.residue_disposal_cost - revenue

    def recovery_options(self, output_values: Mapping[str, float]) -> pd.DataFrame:
        """Return the facility as rows of ``recovery_options``: one per accepted code."""
        cost = self.net_cost(output_values)
        return pd.DataFrame(
            {
                "option_id": self.facility_id,
                "code": list(self.accepts),
                "capacity": self.capacity,
                "cost": cost,
            }
        )


@dataclass
class SortingResult:
    """The mass balance of one facility for one year [t per year].

    ``inputs`` has the input rows accepted (offer_id, code, quantity), ``outputs`` one row per
    output code (code, quantity), ``rejected`` the input rows whose code the facility does not
    take.
    """

    facility_id: str
    inputs: pd.DataFrame
    outputs: pd.DataFrame
    residue: float
    rejected: pd.DataFrame
    cost: float

    @property
    def input_total(self) -> float:
        """Return the accepted input [t per year]."""
        return float(self.inputs["quantity"].sum())

    @property
    def balance_residual(self) -> float:
        """Return input minus outputs minus residue [t per year]; zero up to round-off."""
        return self.input_total - float(self.outputs["quantity"].sum()) - self.residue


def sort_streams(facility: MaterialsRecoveryFacility, streams: pd.DataFrame) -> SortingResult:
    """Sort the mixed ``streams`` (offer_id, code, quantity [t per year]) at ``facility``.

    Raises
    ------
    ExchangeError
        When the accepted input exceeds the facility's capacity.
    """
    accepted = streams["code"].isin(facility.accepts).to_numpy()
    inputs = streams.loc[accepted, ["offer_id", "code", "quantity"]].reset_index(drop=True)
    total = float(inputs["quantity"].sum())
    if total > facility.capacity * (1.0 + MASS_TOLERANCE):
        raise ExchangeError(
            _(
                "Facility {facility} receives {total:g} t per year but sorts at most "
                "{capacity:g}; raise its capacity or send less."
            ).format(facility=facility.facility_id, total=total, capacity=facility.capacity)
        )

    outputs = pd.DataFrame(
        {
            "code": list(facility.yields),
            "quantity": [total * share for share in facility.yields.values()],
        }
    )
    residue = total * facility.residue_fraction
    cost = total * facility.sorting_cost + residue * facility.residue_disposal_cost
    logger.info("facility %s sorts %.3f t into %d codes", facility.facility_id, total, len(outputs))
    rejected = streams.loc[~accepted].reset_index(drop=True)
    return SortingResult(facility.facility_id, inputs, outputs, residue, rejected, cost)


def sorted_offers(facility: MaterialsRecoveryFacility, result: SortingResult) -> pd.DataFrame:
    """Return the facility's sorted outputs as offers (one per output code with a quantity).

    The columns follow the offers of :func:`~ecoplan.exchange.matching.find_candidates`
    that the facility can fill; price and disposal cost are unknown (NaN), and ``derived`` is
    True because the offers are made from a sorting result, not typed in.
    """
    outputs = result.outputs[result.outputs["quantity"] > 0]
    return pd.DataFrame(
        {
            "listing_id": [f"{facility.facility_id}:{code}" for code in outputs["code"]],
            "org_id": None,
            "node_id": facility.node_id,
            "resource_id": None,
            "code": outputs["code"].to_numpy(),
            "quantity": outputs["quantity"].to_numpy(float),
            "dimension": "mass",
            "longitude": facility.longitude,
            "latitude": facility.latitude,
            "price": np.nan,
            "disposal_cost": np.nan,
            "derived": True,
        }
    )

"""Element balance of the Dalian example's coal plant and scrubber [t per year].

The plant's other flows fix most of the balance. They give the coal burnt (108.9 万tce of
raw coal at 5,000 kcal/kg) and the CO2 of flow E07. Flows A01, A02, A04 and A05 give the fly
and bottom ash, flows A06 and A07 the FGD gypsum. An assumed ultimate analysis of the raw coal (as
received) gives the rest. Its oxygen is taken by difference, as coal analyses report it, so
the elements balance by construction; the check is that the oxygen share comes out in the
range of bituminous coal (5-10 %). The water of crystallisation of the gypsum comes from the
plant's fresh water (flow W02), which is counted by volume, so it stays the plant's mass
residual (about 15,500 t, 0.4 % of the plant's mass throughput).
"""

from __future__ import annotations

from dataclasses import dataclass

# Atomic and molar masses [g/mol].
CARBON, HYDROGEN, OXYGEN = 12.011, 1.008, 15.999
SULPHUR, CALCIUM = 32.06, 40.078
CO2 = CARBON + 2 * OXYGEN
H2O = 2 * HYDROGEN + OXYGEN
SO2 = SULPHUR + 2 * OXYGEN
CACO3 = CALCIUM + CARBON + 3 * OXYGEN
GYPSUM = CALCIUM + SULPHUR + 4 * OXYGEN + 2 * H2O
"""CaSO4·2H2O [g/mol]."""

RAW_COAL = 108.9e4 * 7_000 / 5_000
"""Raw coal burnt: 108.9 万tce at 7,000 kcal/kg (1 kgce) over 5,000 kcal/kg [t]."""
CO2_FROM_COAL = 290e4
"""Flow E07 [t]."""
ASH_OUT = 1_330 * 5_500 / 24 + 7.6e4
"""Fly ash (1,330 t/d over 5,500 h, flows A01 and A02) and bottom ash (A04, A05) [t]."""
GYPSUM_OUT = 7.4e4
"""FGD gypsum, flows A06 and A07 [t]."""

HYDROGEN_SHARE = 0.033
MOISTURE_SHARE = 0.11
NITROGEN_SHARE = 0.009
SULPHUR_SHARE = 0.01
"""Assumed mass shares of the raw coal as received [1]."""


@dataclass(frozen=True)
class Combustion:
    """Inputs and outputs of the plant's combustion and scrubber [t per year]."""

    carbon: float
    oxygen_in_coal: float
    limestone: float
    gypsum_water: float
    oxygen_from_air: float
    co2_from_limestone: float
    water_vapour: float
    fuel_nitrogen: float
    so2: float

    @property
    def flue_gas_water_and_nitrogen(self) -> float:
        """Water vapour and nitrogen of the fuel leaving with the flue gas [t per year]."""
        return self.water_vapour + self.fuel_nitrogen


def combustion() -> Combustion:
    """Work out the element balance of the plant from the module's figures."""
    carbon = CO2_FROM_COAL * CARBON / CO2
    hydrogen = RAW_COAL * HYDROGEN_SHARE
    moisture = RAW_COAL * MOISTURE_SHARE
    nitrogen = RAW_COAL * NITROGEN_SHARE
    sulphur = RAW_COAL * SULPHUR_SHARE
    oxygen_in_coal = RAW_COAL - carbon - hydrogen - moisture - nitrogen - sulphur - ASH_OUT

    captured = GYPSUM_OUT * SULPHUR / GYPSUM
    combustion_water = hydrogen * H2O / (2 * HYDROGEN)
    so2 = (sulphur - captured) * SO2 / SULPHUR
    oxygen_needed = (
        (CO2_FROM_COAL - carbon)
        + (combustion_water - hydrogen)
        + (so2 - (sulphur - captured))
        + captured * 3 * OXYGEN / SULPHUR
    )
    return Combustion(
        carbon=carbon,
        oxygen_in_coal=oxygen_in_coal,
        limestone=GYPSUM_OUT * CACO3 / GYPSUM,
        gypsum_water=GYPSUM_OUT * 2 * H2O / GYPSUM,
        oxygen_from_air=oxygen_needed - oxygen_in_coal,
        co2_from_limestone=GYPSUM_OUT * CO2 / GYPSUM,
        water_vapour=combustion_water + moisture,
        fuel_nitrogen=nitrogen,
        so2=so2,
    )

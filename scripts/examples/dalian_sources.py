"""Sources and base assumptions of the Dalian DDZ example, cited in its notes."""

from __future__ import annotations

REPORT = "Dalian DDZ eco-planning report (c. 2003)"
DALIAN_YEAR = 2003
LCEP = "Liaoning Circular Economy Plan (LCEP), near-term major targets #2"
CEADS = (
    "CEADs city CO2 inventory (Shan et al. 2022, Sci. Bull. 67:1910), row 辽宁大连 2003: "
    "29.81 Mt CO2 for the whole municipality"
)
PLANT = (
    "assumed coal plant of 600 MW running 5,500 h/a at 330 gce/kWh (typical Chinese "
    "subcritical units c. 2003): 3.3 TWh, 108.9 万tce; the report names the DDZ power plant "
    "but gives no size"
)
ASH = (
    "assumed raw coal of 5,000 kcal/kg (1.525 Mt for 108.9 万tce) with 25 % ash, of which "
    "80 % fly ash: 305 kt/a, i.e. 1,330 t/d over 5,500 h"
)


def _report(section: str) -> str:
    return f"{REPORT}, section '{section}'"

"""Example zones shipped with ecoplan, each a workbook with its sources cited inside."""

from __future__ import annotations

from pathlib import Path

from ecoplan.errors import EcoplanError
from ecoplan.i18n import _

_FOLDER = Path(__file__).parent
DEFAULT = "dalian"
_FILES = {
    "dalian": "dalian_ddz.xlsx",
    "kalundborg": "kalundborg.xlsx",
    "finland-pirkanmaa": "fi_prtr_pirkanmaa.xlsx",
}


def names() -> list[str]:
    """Return the names of the embedded example zones."""
    return list(_FILES)


def example_path(name: str = DEFAULT) -> Path:
    """Return the workbook of the example zone ``name``."""
    if name not in _FILES:
        raise EcoplanError(
            _("Unknown example {name!r}; choose one of {names}.").format(
                name=name, names=", ".join(_FILES)
            )
        )
    return _FOLDER / _FILES[name]

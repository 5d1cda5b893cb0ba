"""Readers of the real technology and emission-factor data sets.

Each reader takes the folder of ``shared/data/real`` (or the environment variable
``ECOPLAN_SHARED``) and returns one value for one source key, so a value of the shipped
technology table can be traced to, and checked against, its source row.
"""

from __future__ import annotations

import os
from pathlib import Path

from ecoplan.errors import EcoplanError
from ecoplan.i18n import _


class SourceDataError(EcoplanError):
    """A source data set or one of its rows is missing."""


CHECKOUT = Path(__file__).resolve().parents[4]
"""Root of the source checkout this package is imported from (``src/ecoplan/...``)."""


def real_data_folder() -> Path:
    """Return the folder of the real data sets (``$ECOPLAN_SHARED/data/real``).

    Without ``ECOPLAN_SHARED`` the shared folder is the one beside the checkout
    (``../shared`` from the repository root), where the test and build scripts expect it.
    """
    shared = Path(os.environ.get("ECOPLAN_SHARED", CHECKOUT.parent / "shared"))
    return shared / "data" / "real"


def source_file(folder: str, name: str) -> Path:
    """Return the path of data file ``name`` in data set ``folder``.

    Raises
    ------
    SourceDataError
        When the file does not exist.
    """
    path = real_data_folder() / folder / name
    if not path.exists():
        raise SourceDataError(
            _("Source data file {path} not found; set ECOPLAN_SHARED to the shared folder.").format(
                path=path
            )
        )
    return path

"""Build the example workbooks of ``ecoplan.examples`` from their sources.

Three examples, each validated with :meth:`ecoplan.Zone.from_tables` before it is written:

- ``dalian``: the Dalian Economic and Technological Development Zone (DDZ), from the facts of
  the eco-planning report (``shared/reference``). The report gives targets, counts and shares,
  almost no annual amounts: every amount not taken from it is marked ``assumed`` with its basis.
- ``kalundborg``: the Kalundborg symbiosis, from ``shared/data/real/kalundborg-symbiosis``.
- ``finland-pirkanmaa``: the PRTR facilities of the Pirkanmaa region (Tampere) and their waste
  transfers in 2022, from ``shared/data/real/fi-prtr-facilities-waste``.

Run ``python scripts/build_examples.py`` from the repository; ``--check`` only validates.
The tables are built in a fixed order from fixed inputs, so two runs give the same tables.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

# The builders live in scripts/examples, a package beside this script, which is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from examples.dalian import dalian_tables  # noqa: E402
from examples.finland import finland_tables  # noqa: E402
from examples.kalundborg import kalundborg_tables  # noqa: E402

from ecoplan.model.zone import Zone  # noqa: E402

BUILDERS: dict[str, Callable[[], dict[str, pd.DataFrame]]] = {
    "dalian": dalian_tables,
    "kalundborg": kalundborg_tables,
    "finland-pirkanmaa": finland_tables,
}
"""Example name (as in ``ecoplan.examples``) to the function that builds its tables."""


def build(name: str) -> Zone:
    """Build and validate the example ``name``.

    Raises
    ------
    InputError
        When a table breaks the zone schema.
    """
    return Zone.from_tables(BUILDERS[name](), source=f"build_examples:{name}")


def main(argv: list[str] | None = None) -> int:
    """Build every example and write its workbook, unless ``--check`` is given."""
    from ecoplan.examples import example_path
    from ecoplan.io import write_zone

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="validate only, write nothing")
    arguments = parser.parse_args(argv)
    for name in BUILDERS:
        zone = build(name)
        if arguments.check:
            print(f"{name}: {zone!r}")
            continue
        print(f"{name}: {write_zone(zone, example_path(name))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

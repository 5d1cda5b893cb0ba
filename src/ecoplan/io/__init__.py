"""Ways in and out of ecoplan: Excel workbooks, CSV folders and JSON files.

:func:`read_zone` reads and validates a zone; every problem of the file is reported in one
:class:`~ecoplan.errors.InputError`, and nothing is returned in part. :func:`write_zone`
writes the columns as entered (no derived columns), so a zone read back is the same.
"""

from __future__ import annotations

from pathlib import Path

from ecoplan.errors import EcoplanError, InputError, Problem
from ecoplan.i18n import N_, _
from ecoplan.io.csv_folder import read_csv_folder, write_csv_folder
from ecoplan.io.json_file import read_json, write_json
from ecoplan.io.workbook import read_workbook
from ecoplan.io.workbook_writer import write_workbook
from ecoplan.model.zone import Zone

__all__ = ["FormatError", "read_zone", "write_zone"]


class FormatError(EcoplanError):
    """A path names a format ecoplan cannot write."""


def read_zone(path: str | Path) -> Zone:
    """Read a zone from a workbook (.xlsx), a folder of CSV files or a JSON file.

    Raises
    ------
    InputError
        When the path is missing or of an unknown kind, or the file has invalid values.
    """
    path = Path(path)
    if path.is_dir():
        return read_csv_folder(path)
    if not path.exists():
        raise InputError(
            [
                Problem(
                    file=str(path),
                    message=N_("File or folder not found."),
                    expected=N_("an .xlsx workbook, a folder of CSV files or a .json file"),
                )
            ]
        )
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_workbook(path)
    if suffix == ".json":
        return read_json(path)
    raise InputError(
        [
            Problem(
                file=path.name,
                message=N_("Unknown kind of zone file."),
                value=path.suffix,
                expected=_expected_kind(suffix),
            )
        ]
    )


def _expected_kind(suffix: str) -> str:
    if suffix == ".xls":
        return N_("a workbook saved as .xlsx (Excel: Save As, Excel Workbook)")
    if suffix == ".csv":
        return N_("the folder that holds the CSV files, one per table")
    return N_("an .xlsx workbook, a folder of CSV files or a .json file")


def write_zone(zone: Zone, path: str | Path) -> Path:
    """Write ``zone`` to ``path``: .xlsx, .json, or a folder of CSV files (no suffix).

    Raises
    ------
    FormatError
        When the suffix is none of these.
    """
    path = Path(path)
    tables = zone.to_tables()
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return write_workbook(tables, path)
    if suffix == ".json":
        return write_json(tables, path)
    if suffix == "" or path.is_dir():
        return write_csv_folder(tables, path)
    raise FormatError(
        _(
            "Cannot write a zone to {path}: use a name ending in .xlsx or .json, "
            "or a folder name for CSV files."
        ).format(path=path)
    )

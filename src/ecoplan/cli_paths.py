"""Paths named on the ``ecoplan`` command line: zone arguments, output folders and files."""

from __future__ import annotations

import difflib
import tempfile
from pathlib import Path

from ecoplan import examples
from ecoplan.errors import EcoplanError
from ecoplan.i18n import _

CLOSE_NAME = 0.6
"""Smallest :class:`difflib.SequenceMatcher` ratio for an example name offered as a fix."""


def zone_file(spec: str) -> Path:
    """Return the file or folder of a zone argument: the path itself, else the example so named.

    An existing path wins over an example of the same name.

    Raises
    ------
    EcoplanError
        When ``spec`` is neither an existing path nor an example and reads as a name (no
        suffix, no folder): the message offers the closest example or lists them all. Other
        missing paths are left for the reader, which names the expected file types.
    """
    path = Path(spec)
    if path.exists():
        return path
    if spec in examples.names():
        return examples.example_path(spec)
    if path.suffix or len(path.parts) > 1:
        return path

    close = difflib.get_close_matches(spec, examples.names(), n=1, cutoff=CLOSE_NAME)
    if close:
        message = _(
            "No file, folder or example zone is named {spec!r}. Did you mean the example {name!r}?"
        ).format(spec=spec, name=close[0])
    else:
        message = _(
            "No file, folder or example zone is named {spec!r}. Give the path of a zone file, "
            "or one of the examples: {names}."
        ).format(spec=spec, names=", ".join(examples.names()))
    raise EcoplanError(message)


def check_output_folder(folder: Path) -> None:
    """Check that the report can be written to ``folder`` before any work starts.

    A missing folder is not created here; its nearest existing parent must accept a new
    entry.

    Raises
    ------
    EcoplanError
        When ``folder`` or a parent of it is a file, or no file can be created in it.
    """
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise EcoplanError(
            _(
                "Cannot write the report to {folder}: {path} is a file, not a folder. Choose "
                "another folder with --out."
            ).format(folder=folder, path=existing)
        )
    try:
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as error:
        reason = error.strerror or str(error)
        raise EcoplanError(
            _(
                "Cannot write the report to {folder}: {reason}. Choose another folder with --out."
            ).format(folder=folder, reason=reason)
        ) from error


def check_new_file(path: Path, force: bool) -> None:
    """Reject writing to an existing ``path`` unless ``force`` is set (``--force``)."""
    if path.exists() and not force:
        raise EcoplanError(
            _("{path} exists; choose another name, or add --force to overwrite it.").format(
                path=path
            )
        )

"""Location of the store: the database URL, the default SQLite file, and a printable URL."""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa

URL_VARIABLE = "ECOPLAN_DATABASE_URL"
HOME_VARIABLE = "ECOPLAN_HOME"
DATABASE_FILE = "ecoplan.sqlite"


def data_folder() -> Path:
    """Return the folder of the default database.

    ``$ECOPLAN_HOME`` if set, else ``$XDG_DATA_HOME/ecoplan``, else ``~/.local/share/ecoplan``.
    """
    home = os.environ.get(HOME_VARIABLE)
    if home:
        return Path(home).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home).expanduser() / "ecoplan"


def default_url() -> str:
    """Return the URL of the default SQLite database file (see :func:`data_folder`)."""
    return f"sqlite:///{(data_folder() / DATABASE_FILE).resolve()}"


def database_url(url: str | None = None) -> str:
    """Return ``url`` if given, else ``$ECOPLAN_DATABASE_URL``, else :func:`default_url`."""
    return url or os.environ.get(URL_VARIABLE) or default_url()


def hide_password(url: str) -> str:
    """Return ``url`` with any password replaced by ``***``, for messages and logs."""
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "<invalid database URL>"


def sqlite_file(url: sa.URL) -> Path | None:
    """Return the database file of a SQLite URL, or ``None`` for memory and other back ends."""
    if url.get_backend_name() != "sqlite" or not url.database:
        return None
    if url.database == ":memory:" or url.database.startswith("file:"):
        return None
    return Path(url.database)

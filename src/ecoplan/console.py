"""Log lines of the ``ecoplan`` command, written for its users.

A warning or error shows as ``Warning: message`` (``警告：message``) in the active locale,
without the logger's module path. An INFO line (shown with ``--verbose``) is the bare message.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

from ecoplan.i18n import N_, _

LEVEL_TEMPLATES = {
    logging.DEBUG: N_("Debug: {message}"),
    logging.WARNING: N_("Warning: {message}"),
    logging.ERROR: N_("Error: {message}"),
    logging.CRITICAL: N_("Error: {message}"),
}
"""Message template per level; a level not listed (INFO) shows the bare message."""


class ConsoleFormatter(logging.Formatter):
    """Format a log record as a plain line: the level word in the active locale, then the text.

    A record with an exception keeps its traceback below the line, for a bug report.
    """

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        template = LEVEL_TEMPLATES.get(record.levelno)
        line = _(template).format(message=message) if template else message
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def configure_logging(verbose: bool, stream: TextIO | None = None) -> None:
    """Send log lines to ``stream`` (standard error by default) through :class:`ConsoleFormatter`.

    Without ``verbose`` only warnings and errors are shown. As with
    :func:`logging.basicConfig`, nothing changes when the root logger already has a handler
    (a test runner's, for example).
    """
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(ConsoleFormatter())
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler])

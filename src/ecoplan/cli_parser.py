"""An argparse parser whose own words (usage, options, errors) follow the active locale.

argparse marks its messages with the module-level functions ``argparse._`` and
``argparse.ngettext`` (GNU gettext, ``argparse`` domain), and Python ships no Chinese
catalogue for them. :class:`TranslatedParser` swaps both for ecoplan's catalogues while it
builds help, parses or reports an error. The messages are listed below so the catalogue
extractor finds them; their translations are in ``cli.po``.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from ecoplan.i18n import N_, translate

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("unexpected option string: %s"),
)
"""Messages of argparse (Python 3.11) that a user can see. Others stay in English."""


def _ngettext(singular: str, plural: str, count: int) -> str:
    return translate(singular if count == 1 else plural)


@contextmanager
def argparse_in_locale() -> Iterator[None]:
    """Translate argparse's own messages into the active locale while the block runs.

    NOTE: this replaces two globals of the ``argparse`` module, so another thread that uses
    argparse at the same time gets translated messages too. The ``ecoplan`` command runs
    one thread.
    """
    module = vars(argparse)
    saved = {name: module[name] for name in ("_", "ngettext")}
    module.update(_=translate, ngettext=_ngettext)
    try:
        yield
    finally:
        module.update(saved)


class TranslatedParser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` that speaks the active locale of ecoplan."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with argparse_in_locale():
            super().__init__(*args, **kwargs)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with argparse_in_locale():
            return super().parse_args(args, namespace)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with argparse_in_locale():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with argparse_in_locale():
            return super().format_usage()

    def format_help(self) -> str:
        with argparse_in_locale():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with argparse_in_locale():
            super().error(message)

"""Translations: Simplified Chinese and English, from Babel catalogues.

Messages are marked with :func:`_` (translated at once, in the active locale) or
:func:`N_` (marked for extraction, translated later). Catalogues are the ``.po`` files under
``ecoplan/locale/<locale>/LC_MESSAGES/``. Each part of the package keeps its own domain file
(``io.po``, ``report.po``, ...), and all domains are merged at load time, so parts can be
translated independently. English is the source language.
"""

from __future__ import annotations

import contextvars
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

LOCALES = ("en", "zh_CN")
DEFAULT_LOCALE = "en"
_LOCALE_DIR = Path(__file__).parent / "locale"
_active: contextvars.ContextVar[str | None] = contextvars.ContextVar("ecoplan_locale", default=None)


def normalise_locale(tag: str | None) -> str:
    """Map a locale tag such as ``zh_CN.UTF-8``, ``zh-Hans`` or ``en-GB`` to a supported locale."""
    if not tag:
        return DEFAULT_LOCALE
    tag = tag.split(".")[0].split("@")[0].replace("-", "_").lower()
    if tag.startswith("zh"):
        return "zh_CN"
    return "en"


def locale_from_environment() -> str:
    """Return the locale named by ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` or ``LANG``."""
    for name in ("ECOPLAN_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value and value not in ("C", "POSIX"):
            return normalise_locale(value.split(":")[0])
    return DEFAULT_LOCALE


def get_locale() -> str:
    """Return the active locale: the one set by :func:`use_locale`, else the environment's."""
    return _active.get() or locale_from_environment()


def set_locale(locale: str | None) -> None:
    """Set the active locale for this context; ``None`` returns to the environment's."""
    _active.set(normalise_locale(locale) if locale else None)


@contextmanager
def use_locale(locale: str) -> Iterator[None]:
    """Run a block with ``locale`` active."""
    token = _active.set(normalise_locale(locale))
    try:
        yield
    finally:
        _active.reset(token)


@cache
def catalogue(locale: str) -> dict[str, str]:
    """Return the merged message catalogue of ``locale`` (message id to translation)."""
    messages: dict[str, str] = {}
    folder = _LOCALE_DIR / locale / "LC_MESSAGES"
    for po_file in sorted(folder.glob("*.po")):
        with po_file.open("rb") as handle:
            for message in read_po(handle, locale=locale):
                if message.id and message.string and not message.fuzzy:
                    messages[str(message.id)] = str(message.string)
    return messages


def translate(message: str, locale: str | None = None) -> str:
    """Translate ``message`` into ``locale`` (default: the active locale)."""
    return catalogue(normalise_locale(locale) if locale else get_locale()).get(message, message)


def _(message: str) -> str:
    """Translate ``message`` into the active locale."""
    return translate(message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``message`` for extraction without translating it now."""
    return message


LIST_SEPARATORS = {"en": ", ", "zh_CN": "、"}
"""Separator of the items of an inline list. Chinese uses the enumeration comma 、."""


def join_list(items: list[str], locale: str | None = None) -> str:
    """Join ``items`` with the list separator of ``locale`` (default: the active locale)."""
    separator = LIST_SEPARATORS[normalise_locale(locale) if locale else get_locale()]
    return separator.join(items)


def both(message: str) -> dict[str, str]:
    """Return ``message`` in every supported locale, keyed by locale."""
    return {locale: translate(message, locale) for locale in LOCALES}

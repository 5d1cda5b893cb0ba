"""Every marked message of the package has a Chinese translation."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir

from ecoplan.i18n import catalogue

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "ecoplan"
METHODS = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
KEYWORDS = {"_": None, "N_": None, "gettext": None}


def marked_messages() -> dict[str, str]:
    found: dict[str, str] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=METHODS, keywords=KEYWORDS
    ):
        if isinstance(message, str):
            found.setdefault(message, f"{filename}:{line}")
    return found


def test_every_message_has_chinese() -> None:
    chinese = catalogue("zh_CN")
    missing = [
        f"{place}: {message!r}"
        for message, place in marked_messages().items()
        if message not in chinese
    ]
    assert not missing, "untranslated messages:\n" + "\n".join(sorted(missing))


def test_chinese_keeps_placeholders() -> None:
    import re

    chinese = catalogue("zh_CN")
    placeholder = re.compile(r"\{[a-z_]+[^}]*\}")
    wrong = [
        message
        for message, translation in chinese.items()
        if sorted(placeholder.findall(message)) != sorted(placeholder.findall(translation))
    ]
    assert not wrong, "placeholders differ in:\n" + "\n".join(wrong)

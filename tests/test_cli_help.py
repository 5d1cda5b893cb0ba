"""Help text of the ``ecoplan`` commands: every option states its default, in both languages."""

from __future__ import annotations

import argparse
import re

import pytest

from ecoplan.cli import _parser, main
from ecoplan.i18n import use_locale


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("the ecoplan parser has no sub-commands")


def _help(lang: str, *arguments: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit):
        main(["--lang", lang, *arguments, "--help"])
    return re.sub(r"\s+", " ", capsys.readouterr().out)


@pytest.mark.parametrize(("lang", "word"), [("en", "default"), ("zh_CN", "默认")])
def test_every_option_names_its_default(lang: str, word: str) -> None:
    # Flags (store_true) and required options have no default to state.
    with use_locale(lang):
        commands = _commands(_parser())
    silent = []
    for name, command in commands.items():
        formatter = command._get_formatter()
        for action in command._actions:
            if not action.option_strings or action.required or action.nargs == 0:
                continue
            if word not in formatter._expand_help(action):
                silent.append(f"{name} {action.option_strings[0]}")
    assert not silent, "options whose help gives no default: " + ", ".join(silent)


def test_plan_help_gives_out_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert "folder for the report and results (default: out)" in _help("en", "plan", capsys=capsys)
    assert "（默认：out）" in _help("zh_CN", "plan", capsys=capsys)


def test_exchange_help_gives_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    english = _help("en", "exchange", capsys=capsys)
    assert "maximum road distance [km] (default: 100)" in english
    assert "road over great-circle distance [1] (default: 1.3)" in english

    chinese = _help("zh_CN", "exchange", capsys=capsys)
    assert "最长道路运输距离 [km]（默认：100）" in chinese
    assert "道路距离与大圆距离之比 [1]（默认：1.3）" in chinese

"""argparse's own words (usage, options, errors) in the user's language."""

from __future__ import annotations

import argparse
import gettext
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ecoplan.cli import main
from ecoplan.cli_parser import ARGPARSE_MESSAGES
from ecoplan.i18n import catalogue

ECOPLAN = str(Path(sys.executable).parent / "ecoplan")


def run(*arguments: str, lang: str) -> subprocess.CompletedProcess[str]:
    """Run the installed ``ecoplan`` command with ``LANG`` as the only locale variable."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("ECOPLAN_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")
    }
    env["LANG"] = lang
    return subprocess.run(
        [ECOPLAN, *arguments], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_help_in_chinese() -> None:
    finished = run("--help", lang="zh_CN.UTF-8")

    assert finished.returncode == 0
    assert finished.stdout.startswith("用法：ecoplan [-h]")
    assert "\n选项:\n" in finished.stdout
    assert "-h, --help            显示此帮助信息并退出" in finished.stdout
    assert "usage" not in finished.stdout
    assert "show this help message" not in finished.stdout


def test_missing_argument_in_chinese() -> None:
    finished = run("export", lang="zh_CN.UTF-8")

    assert finished.returncode == 2
    assert finished.stderr.startswith("用法：ecoplan export ")
    assert finished.stderr.endswith("ecoplan export：错误：缺少以下必需参数：zone_id, path\n")


def test_invalid_choice_in_chinese() -> None:
    finished = run("plan", "--lang", "fr", lang="zh_CN.UTF-8")

    assert finished.returncode == 2
    assert (
        "ecoplan plan：错误：参数 --lang：无效的选项：'fr'（可选：'en', 'zh_CN'）"
        in finished.stderr
    )


def test_help_stays_english_for_english() -> None:
    finished = run("export", "--help", lang="en_GB.UTF-8")

    assert finished.stdout.startswith("usage: ecoplan export [-h]")
    assert "\npositional arguments:\n" in finished.stdout
    assert "show this help message and exit" in finished.stdout


def test_lang_option_overrides_environment(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--lang", "zh_CN", "plan", "--bogus"])

    assert exited.value.code == 2
    assert "ecoplan：错误：无法识别的参数：--bogus" in capsys.readouterr().err


def test_exchange_command_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "zh_CN", "exchange", "zone.xlsx"])

    assert "ecoplan exchange：错误：缺少以下必需参数：--out" in capsys.readouterr().err


def test_argparse_left_as_found() -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "zh_CN", "export"])

    assert vars(argparse)["_"] is gettext.gettext
    assert vars(argparse)["ngettext"] is gettext.ngettext


def test_argparse_messages_keep_placeholders() -> None:
    chinese = catalogue("zh_CN")
    placeholder = re.compile(r"%(?:\([a-z_]+\))?[rs]")
    for message in ARGPARSE_MESSAGES:
        assert message in chinese, message
        assert sorted(placeholder.findall(chinese[message])) == sorted(
            placeholder.findall(message)
        ), message

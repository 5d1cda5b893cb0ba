"""The report opens in the language ecoplan ran in, whatever the browser's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ecoplan.i18n import use_locale
from ecoplan.plan import run_plan
from test_plan import hand_zone
from test_report_browser import CHINESE_HEADINGS, ENGLISH_HEADINGS, OpenedPage

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chinese_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the hand zone's report, written with Chinese active (``LANG=zh_CN.UTF-8``)."""
    with use_locale("zh_CN"):
        return run_plan(hand_zone(), tmp_path_factory.mktemp("chinese")).report_path


@pytest.fixture(scope="module")
def english_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with use_locale("en"):
        return run_plan(hand_zone(), tmp_path_factory.mktemp("english")).report_path


def test_chinese_run_opens_chinese_in_english_browser(browser: Any, chinese_report: Path) -> None:
    opened = OpenedPage(browser, chinese_report, locale="en-GB")
    try:
        assert opened.visible_headings() == CHINESE_HEADINGS
        assert opened.page.locator("html").get_attribute("lang") == "zh-CN"
        opened.wait_for_charts("zh_CN")
        assert opened.errors == []
    finally:
        opened.context.close()


def test_english_run_opens_english_in_chinese_browser(browser: Any, english_report: Path) -> None:
    opened = OpenedPage(browser, english_report, locale="zh-CN")
    try:
        assert opened.visible_headings() == ENGLISH_HEADINGS
        assert opened.page.locator("html").get_attribute("lang") == "en"
    finally:
        opened.context.close()


def test_chinese_report_switches_to_english(browser: Any, chinese_report: Path) -> None:
    opened = OpenedPage(browser, chinese_report, locale="zh-CN")
    try:
        opened.page.click('.lang-switch button[data-lang="en"]')
        assert opened.visible_headings() == ENGLISH_HEADINGS
        opened.page.reload()
        assert opened.visible_headings() == ENGLISH_HEADINGS
        opened.wait_for_charts("en")
        assert opened.errors == []
    finally:
        opened.context.close()


def test_choice_does_not_carry_to_a_new_tab(browser: Any, chinese_report: Path) -> None:
    """A choice made in one tab is not a default for the next report opened."""
    opened = OpenedPage(browser, chinese_report, locale="zh-CN")
    try:
        opened.page.click('.lang-switch button[data-lang="en"]')
        second = opened.context.new_page()
        second.goto(chinese_report.as_uri())
        headings = [text.strip() for text in second.locator("main:visible h2").all_inner_texts()]
        assert headings == CHINESE_HEADINGS
    finally:
        opened.context.close()


def test_page_without_script_shows_run_language(chinese_report: Path) -> None:
    page = chinese_report.read_text(encoding="utf-8")

    chinese = page.index('<main class="lang-body" data-lang="zh_CN" lang="zh-CN">')
    english = page.index('<main class="lang-body" data-lang="en" lang="en" hidden>')
    assert chinese < english

"""The plan report in headless Chromium: offline, no console errors, charts, language switch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from ecoplan.examples import example_path
from ecoplan.io import read_zone
from ecoplan.plan import run_plan
from exchange_zone import exchange_zone
from test_plan import hand_zone

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = {"file", "data", "blob"}
ENGLISH_HEADINGS = [
    "Zone summary",
    "Indicators and targets",
    "Resource accounts",
    "Sankey diagrams",
    "Node balances",
    "Durable stocks",
    "By-product exchange",
    "Energy strategy",
    "Data sources",
]
CHINESE_HEADINGS = [
    "区域概况",
    "指标与目标值",
    "资源核算",
    "桑基图",
    "节点平衡",
    "耐用品存量",
    "副产品交换",
    "能源战略",
    "数据来源",
]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run_plan(hand_zone(), tmp_path_factory.mktemp("report")).report_path


class OpenedPage:
    """A report page with every request outside the page and every console error recorded."""

    def __init__(self, browser: Any, report: Path, locale: str) -> None:
        self.context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.remote_requests: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(report.as_uri())

    def _route(self, route: Any) -> None:
        url = route.request.url
        if urlparse(url).scheme in LOCAL_SCHEMES:
            route.continue_()
        else:
            self.remote_requests.append(url)
            route.abort()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def visible_headings(self) -> list[str]:
        return [text.strip() for text in self.page.locator("main:visible h2").all_inner_texts()]

    def wait_for_charts(self, locale: str) -> None:
        self.page.wait_for_selector(
            f'main[data-lang="{locale}"] .chart svg.main-svg', state="visible"
        )


@pytest.fixture
def opened(browser: Any, report: Path) -> Iterator[OpenedPage]:
    page = OpenedPage(browser, report, locale="en-GB")
    yield page
    page.context.close()


def test_report_loads_nothing_remote(opened: OpenedPage) -> None:
    opened.wait_for_charts("en")
    assert opened.remote_requests == []
    assert opened.errors == []


def test_english_browser_gets_english(opened: OpenedPage) -> None:
    assert opened.visible_headings() == ENGLISH_HEADINGS
    assert opened.page.locator("html").get_attribute("lang") == "en"


def test_charts_and_sankeys_render(opened: OpenedPage) -> None:
    opened.wait_for_charts("en")
    body = opened.page.locator('main[data-lang="en"]')
    for resource_type in ("energy", "materials", "water"):
        sankey = body.locator(f'.chart[data-chart="sankey-{resource_type}"] svg.main-svg')
        assert sankey.count() >= 1, resource_type
    assert body.locator('.chart[data-chart="durable-offices"] svg.main-svg').count() >= 1
    assert body.locator('.chart[data-chart^="type-"] svg.main-svg').count() >= 3


def test_flagged_balances_highlighted(opened: OpenedPage) -> None:
    flagged = opened.page.locator('main[data-lang="en"] table.balances tr.flagged')
    assert flagged.count() == 2
    texts = flagged.all_inner_texts()
    assert any("Power plant" in text for text in texts)
    assert any("Cement works" in text for text in texts)


def test_language_switch_both_ways(opened: OpenedPage) -> None:
    opened.page.click('.lang-switch button[data-lang="zh_CN"]')
    assert opened.visible_headings() == CHINESE_HEADINGS
    assert opened.page.locator("main:visible h1").inner_text() == "手算园区"
    assert opened.page.locator("html").get_attribute("lang") == "zh-CN"
    opened.wait_for_charts("zh_CN")
    legend = opened.page.locator('main[data-lang="zh_CN"] .chart[data-chart^="type-"] .legend')
    assert "输入" in (legend.first.text_content() or "")

    opened.page.click('.lang-switch button[data-lang="en"]')
    assert opened.visible_headings() == ENGLISH_HEADINGS
    assert opened.page.locator("main:visible h1").inner_text() == "Hand-worked park"
    assert opened.errors == []


def test_language_choice_remembered(opened: OpenedPage) -> None:
    opened.page.click('.lang-switch button[data-lang="zh_CN"]')
    opened.page.reload()
    assert opened.visible_headings() == CHINESE_HEADINGS


def test_chinese_browser_switched_to_chinese(browser: Any, report: Path) -> None:
    opened = OpenedPage(browser, report, locale="zh-CN")
    try:
        opened.page.click('.lang-switch button[data-lang="zh_CN"]')
        assert opened.visible_headings() == CHINESE_HEADINGS
        opened.wait_for_charts("zh_CN")
        assert opened.remote_requests == []
        assert opened.errors == []
    finally:
        opened.context.close()


@pytest.fixture(scope="module")
def exchange_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run_plan(exchange_zone(), tmp_path_factory.mktemp("exchange")).report_path


@pytest.fixture(scope="module")
def dalian_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    zone = read_zone(example_path("dalian"))
    return run_plan(zone, tmp_path_factory.mktemp("dalian")).report_path


@pytest.mark.parametrize(("locale", "lang"), [("en-GB", "en"), ("zh-CN", "zh_CN")])
def test_exchange_map_and_sankeys_render(
    browser: Any, exchange_report: Path, locale: str, lang: str
) -> None:
    opened = OpenedPage(browser, exchange_report, locale=locale)
    try:
        opened.page.click(f'.lang-switch button[data-lang="{lang}"]')
        opened.wait_for_charts(lang)
        body = opened.page.locator(f'main[data-lang="{lang}"]')
        for key in ("exchange-map", "exchange-sankey-before-mass", "exchange-sankey-after-mass"):
            assert body.locator(f'.chart[data-chart="{key}"] svg.main-svg').count() >= 1, key
        table = body.locator("table.exchanges tbody tr")
        assert table.count() == 1
        expected = "水泥厂" if lang == "zh_CN" else "Cement works"
        assert expected in table.inner_text()
        sankey = body.locator('.chart[data-chart="exchange-sankey-after-mass"]').inner_text()
        assert ("处置" if lang == "zh_CN" else "Disposal") in sankey
        assert opened.remote_requests == []
        assert opened.errors == []
    finally:
        opened.context.close()


@pytest.mark.parametrize(("locale", "lang"), [("en-GB", "en"), ("zh-CN", "zh_CN")])
def test_energy_charts_render(browser: Any, dalian_report: Path, locale: str, lang: str) -> None:
    opened = OpenedPage(browser, dalian_report, locale=locale)
    try:
        opened.page.click(f'.lang-switch button[data-lang="{lang}"]')
        opened.wait_for_charts(lang)
        body = opened.page.locator(f'main[data-lang="{lang}"]')
        for key in (
            "energy-shares-diversified",
            "energy-cost",
            "energy-co2",
            "energy-leastcost-diversified",
            "pinch-composite",
            "pinch-grand",
        ):
            assert body.locator(f'.chart[data-chart="{key}"] svg.main-svg').count() >= 1, key
        headings = body.locator("#energy-" + lang + " h3").all_inner_texts()
        assert ("能源结构" if lang == "zh_CN" else "Energy portfolio per year") in headings[0]
        assert any(("夹点分析" if lang == "zh_CN" else "pinch analysis") in h for h in headings)
        assert opened.remote_requests == []
        assert opened.errors == []
    finally:
        opened.context.close()

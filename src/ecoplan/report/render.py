"""Render the plan report: one self-contained HTML page holding both languages.

The body is rendered once per locale with Jinja2's i18n extension, whose ``_`` is bound to
that locale's catalogue. The page inlines its CSS, its script and plotly.js from the
installed ``plotly`` package, so it opens offline: it requests no script, font or tile.
"""

from __future__ import annotations

import json
import math
from functools import cache, partial
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
from babel import Locale
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from ecoplan import __version__
from ecoplan.i18n import LOCALES, get_locale, normalise_locale, translate
from ecoplan.model.schema import TABLE_LABELS
from ecoplan.model.vocab import label
from ecoplan.report.charts import FONT_STACK, Chart
from ecoplan.report.money import format_money, money_scale, money_unit
from ecoplan.report.sections import Section

HTML_LANG = {"en": "en", "zh_CN": "zh-CN"}
LANGUAGE_NAMES = {"en": "English", "zh_CN": "中文"}
"""Each language named in itself, the usual label of a language switch (not translated)."""
ROW_LIMIT = 500
"""Rows shown per table in the page. A longer table ends with a note and a link to its CSV.

The page contains every table twice (once per language), so 500 rows keep it quick to open.
results.json and the CSV tables always contain every row."""


@cache
def environment(locale: str) -> jinja2.Environment:
    """Return the Jinja2 environment of the report templates, translating into ``locale``."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ecoplan.report", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=partial(translate, locale=locale),
        ngettext=lambda singular, plural, count: translate(
            singular if count == 1 else plural, locale
        ),
        newstyle=False,
    )
    env.filters["num"] = partial(format_number, locale=locale)
    env.filters["num0"] = partial(format_number, locale=locale, decimals=0)
    env.filters["num1"] = partial(format_number, locale=locale, decimals=1)
    env.filters["pct"] = partial(format_share, locale=locale)
    env.filters["table_label"] = partial(table_label, locale=locale)
    env.filters["money"] = partial(format_money, locale=locale)
    env.filters["money_unit"] = partial(money_unit, locale=locale)
    env.globals["money_scale"] = partial(money_scale, locale=locale)
    env.globals["label"] = partial(label, locale=locale)
    env.globals["row_limit"] = ROW_LIMIT
    return env


def table_label(table: str, locale: str) -> str:
    """Return the name of a zone table in ``locale``."""
    english, chinese = TABLE_LABELS.get(table, (table, table))
    return chinese if locale == "zh_CN" else english


def format_number(value: Any, locale: str, decimals: int | None = None) -> str:
    """Return a number with digit grouping, for reading; "—" for none.

    Without ``decimals``, an integer or a number of 1,000 or more is rounded to a whole
    number (26,667) and a smaller one to four significant figures with trailing zeros
    dropped (123.5, 3.142, 0.01235). ``decimals`` fixes the number of decimals instead.
    The report shows these; results.json and the CSV tables keep full precision.
    """
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return "—"
    if decimals is None:
        text = f"{value:,.{significant_decimals(value)}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    else:
        text = f"{value:,.{decimals}f}"
    return localised(text, locale)


def significant_decimals(value: float) -> int:
    """Return how many decimals show ``value`` to four significant figures, none from 1,000."""
    magnitude = abs(value)
    if isinstance(value, int) or magnitude >= 1000 or magnitude == 0:
        return 0
    return min(SIGNIFICANT_FIGURES - 1 - math.floor(math.log10(magnitude)), MAX_DECIMALS)


SIGNIFICANT_FIGURES = 4
MAX_DECIMALS = 12
"""Decimals shown at most, so a number below 1e-9 shows as 0."""


def format_share(value: float | None, locale: str) -> str:
    """Return a share [1] as a percentage with one decimal; "—" for no value."""
    if value is None or not math.isfinite(value):
        return "—"
    return localised(f"{value * 100:,.1f}%", locale).replace("%", symbols(locale)[2])


@cache
def symbols(locale: str) -> tuple[str, str, str, str]:
    """Return the group, decimal, percent and minus signs of ``locale`` (CLDR, from Babel)."""
    latin = Locale.parse(locale).number_symbols["latn"]
    return latin["group"], latin["decimal"], latin["percentSign"], latin["minusSign"]


@cache
def symbol_table(locale: str) -> dict[int, str]:
    """Return a :meth:`str.translate` table from Python's number signs to ``locale``'s."""
    group, decimal, _percent, minus = symbols(locale)
    return str.maketrans({",": group, ".": decimal, "-": minus})


def localised(text: str, locale: str) -> str:
    """Return a number formatted by Python (``,`` groups, ``.`` decimals) in ``locale``'s signs.

    A negative number that rounds to zero loses its sign ("-0.0" becomes "0.0").
    """
    if text.startswith("-") and not text.strip("-0.,%"):
        text = text[1:]
    return text.translate(symbol_table(locale))


def render_body(locale: str, context: dict[str, Any]) -> str:
    """Return the report body in ``locale``."""
    template = environment(locale).get_template("body.html")
    return template.render(locale=locale, reason=lambda s: s.reason_in(locale), **context)


def asset(name: str) -> str:
    """Return the text of a static asset of the report."""
    return files("ecoplan.report").joinpath("static", name).read_text(encoding="utf-8")


def chart_data(charts: dict[str, list[Chart]]) -> Markup:
    """Return every chart's figure, keyed by locale then chart key, as JSON safe in a script."""
    data = {
        locale: {chart.key: chart.figure[locale] for group in charts.values() for chart in group}
        for locale in LOCALES
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("</", "<\\/"))


def render_report(
    results: dict[str, Any],
    sections: dict[str, Section],
    charts: dict[str, list[Chart]],
    path: Path,
    node_names: dict[str, dict[str, str]],
    locale: str | None = None,
) -> Path:
    """Write the HTML report of ``results`` to ``path`` and return ``path``.

    ``node_names`` maps each locale to the node names shown in that language. The page opens
    in ``locale``, by default the active one (``LANG`` or ``--lang``): its body comes first
    and is the one not hidden, which the page's script takes as the default language.
    """
    context = {
        "node_names": node_names,
        "results": results,
        "zone": results["zone"],
        "sources": results["sources"],
        "sections": sections,
        "charts": charts,
        "version": __version__,
        "indicator_rows": indicator_rows(sections),
    }
    opening = normalise_locale(locale) if locale else get_locale()
    order = [opening, *(other for other in LOCALES if other != opening)]
    bodies = {body_locale: Markup(render_body(body_locale, context)) for body_locale in order}
    page = (
        environment("en")
        .get_template("page.html")
        .render(
            bodies=bodies,
            html_lang=HTML_LANG,
            language_names=LANGUAGE_NAMES,
            css=Markup(asset("report.css").replace("FONT_STACK", FONT_STACK)),
            script=Markup(asset("report.js")),
            plotly_js=Markup(get_plotlyjs()),
            chart_json=chart_data(charts),
        )
    )
    path.write_text(page, encoding="utf-8")
    return path


def indicator_rows(sections: dict[str, Section]) -> list[dict[str, Any]]:
    """Return each indicator result with the target checks of its indicator attached."""
    checks = sections["targets"].rows if sections["targets"].available else []
    by_indicator: dict[str, list[dict[str, Any]]] = {}
    for check in checks:
        by_indicator.setdefault(check["indicator_id"], []).append(check)
    return [
        {**row, "targets": by_indicator.get(row["indicator_id"], [])}
        for row in sections["indicators"].rows
    ]

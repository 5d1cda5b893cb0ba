"""The plan report: sections of results, charts, and the bilingual HTML page."""

from ecoplan.report.render import render_report

__all__ = ["render_report"]

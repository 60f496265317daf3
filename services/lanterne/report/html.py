"""A ``Report`` as ONE self-contained HTML page for a DPO: inline CSS and inline SVG bar charts, no script, no
external asset (it is mailed, archived and opened offline, often on hospital networks that block CDNs).

Rendered with Jinja2 with autoescaping on: folder, owner and format names come from file servers and may hold
``<`` or ``&``; escaping by default means no forgotten call can let one break the page or inject markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape
from rich.filesize import decimal

from lanterne.index.base import Bucket, Report

# Colours of the sensitivity buckets, from "nothing found" to "critical"; other charts use one colour.
SENSITIVITY_COLOURS = {
    "none": "#9aa5b1",
    "low": "#3f9c5a",
    "medium": "#d9a400",
    "high": "#e0701b",
    "critical": "#c62828",
}
AGE_COLOUR = "#3867b5"


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a chart: its bucket, its length and the length of its health-data part, as fractions of the
    longest bar (0..1), and its colour."""

    bucket: Bucket
    length: float
    health: float
    colour: str


def bars(buckets: Sequence[Bucket], colours: dict[str, str] | None = None, default: str = AGE_COLOUR) -> list[Bar]:
    """Bars scaled to the bucket with the most files (an empty chart has zero-length bars)."""
    peak = max((b.files for b in buckets), default=0)
    return [
        Bar(
            bucket=b,
            length=b.files / peak if peak else 0.0,
            health=b.health_files / peak if peak else 0.0,
            colour=(colours or {}).get(b.key, default),
        )
        for b in buckets
    ]


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "-"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("lanterne.report", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["size"] = decimal
    env.filters["thousands"] = lambda n: f"{n:,}".replace(",", "\u202f")  # narrow no-break space, French style
    env.globals["percent"] = percent
    return env


def render_html(report: Report) -> str:
    """The whole page as a string (UTF-8 when written)."""
    template = _environment().get_template("report.html")
    return template.render(
        report=report,
        sensitivity=bars(report.by_sensitivity, SENSITIVITY_COLOURS),
        age=bars(report.by_age),
        identifiers=bars(report.by_identifier),
        colours=SENSITIVITY_COLOURS,
    )

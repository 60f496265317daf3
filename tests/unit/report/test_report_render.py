"""Rendering a Report: the HTML page is self-contained, shows the figures, escapes names; the text tables too."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest
from rich.console import Console

from lanterne.index.base import Bucket, Report
from lanterne.report import render_html, render_text
from lanterne.report.html import bars

HOSTILE = '<script>alert("x")</script> & [bold]Co[/bold]'


@pytest.fixture
def report() -> Report:
    return Report(
        generated_at=datetime(2026, 6, 1, 9, 30, tzinfo=UTC),
        backend="embedded",
        files=1234,
        bytes=5_000_000_000,
        health_files=321,
        personal_files=654,
        files_with_errors=17,
        by_sensitivity=[
            Bucket(key="none", files=600),
            Bucket(key="low", files=200),
            Bucket(key="medium", files=113),
            Bucket(key="high", files=200, health_files=100),
            Bucket(key="critical", files=121, health_files=121, dark_score=88.5),
        ],
        by_age=[Bucket(key=k, files=n) for k, n in (("<1y", 10), ("1-5y", 200), (">20y", 1024), ("unknown", 0))],
        by_format=[Bucket(key="pdf", files=1000), Bucket(key="hl7", files=234)],
        by_identifier=[Bucket(key="NIR", files=222, health_files=200), Bucket(key="IPP", files=111)],
        by_owner=[Bucket(key=HOSTILE, files=5), Bucket(key="marie.curie", files=4)],
        top_folders=[
            Bucket(key="/srv/partage/Cardiologie/Archives 2009", files=77, health_files=70, dark_score=91.25),
            Bucket(key="/srv/partage/Bureautique", files=12, dark_score=3.0),
        ],
    )


def test_html_shows_the_figures(report: Report) -> None:
    page = render_html(report)
    for figure in ("1\u202f234", "5.0 GB", "321", "654", "17", "2026-06-01 09:30", "embedded"):
        assert figure in page
    for name in ("Cardiologie/Archives 2009", "91.2", "NIR", "IPP", "marie.curie", "hl7", "&gt;20y", "critical"):
        assert name in page
    assert "26 %" in page  # 321 of 1234 files hold health data


def test_html_is_self_contained(report: Report) -> None:
    page = render_html(report)
    assert not re.search(r"(?i)\b(?:https?:|ftp:|//[a-z0-9])|<script|<link|<img|<iframe|@import|url\(", page)
    assert page.lstrip().startswith("<!DOCTYPE html>")


def test_html_escapes_names_from_file_servers(report: Report) -> None:
    page = render_html(report)
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; [bold]Co[/bold]" in page


def test_the_charts_are_valid_svg_with_proportional_bars(report: Report) -> None:
    charts = re.findall(r"<svg.*?</svg>", render_html(report), flags=re.S)
    assert len(charts) == 3  # sensitivity, age, identifiers
    sensitivity = ET.fromstring(charts[0])
    filled = [float(r.get("width", 0)) for r in sensitivity.iter("rect") if r.get("fill")]
    assert filled == pytest.approx([380.0, 380 * 200 / 600, 380 * 113 / 600, 380 * 200 / 600, 380 * 121 / 600], abs=0.1)


def test_bars_scale_to_the_biggest_bucket() -> None:
    chart = bars([Bucket(key="a", files=50, health_files=10), Bucket(key="b", files=100), Bucket(key="c")])
    assert [(b.length, b.health) for b in chart] == [(0.5, 0.1), (1.0, 0.0), (0.0, 0.0)]
    assert [b.length for b in bars([Bucket(key="a")])] == [0.0]


def test_an_empty_report_renders() -> None:
    empty = Report(generated_at=datetime(2026, 6, 1, tzinfo=UTC), backend="elasticsearch")
    assert "The index is empty" in render_html(empty)
    console = Console(width=100, record=True)
    for part in render_text(empty):
        console.print(part)
    assert "empty" in console.export_text()


def test_text_tables_show_the_figures_and_names_verbatim(report: Report) -> None:
    console = Console(width=160, record=True)
    for part in render_text(report):
        console.print(part)
    text = console.export_text()
    for figure in ("1,234", "5.0 GB", "321", "26%", "Cardiologie/Archives 2009", "91.2", "NIR", ">20y", "marie.curie"):
        assert figure in text
    assert HOSTILE in text  # shown as is: rich markup in names is not interpreted


def test_top_folders_are_shown_under_their_common_root() -> None:
    from datetime import UTC, datetime

    from rich.console import Console

    from lanterne.index.base import Bucket, Report
    from lanterne.report import render_text

    report = Report(
        generated_at=datetime(2026, 1, 1, tzinfo=UTC),
        backend="embedded",
        files=3,
        top_folders=[Bucket(key="/srv/partage/Cardiologie/2015", files=2), Bucket(key="/srv/partage/DIM", files=1)],
    )
    console = Console(record=True, width=100)
    for part in render_text(report):
        console.print(part)
    shown = console.export_text()
    assert "under /srv/partage" in shown and "Cardiologie/2015" in shown and "/srv/partage/DIM" not in shown

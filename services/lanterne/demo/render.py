"""Render a ``Letter`` or a ``Table`` into a file format: text, HTML, RTF, DOCX, ODT, PDF, XLSX.

Office formats use their usual libraries (python-docx, odfpy, fpdf2, openpyxl), imported inside the function so a
share can still be made without them (``catalogue.available``). RTF and HTML are written by hand: both are plain
text with a few escapes, and no maintained Python library writes RTF.
"""

from __future__ import annotations

import html
import io
import zipfile
from datetime import datetime

from lanterne.demo.letters import Letter, letter_text
from lanterne.demo.tables import Table

# A fixed creation date inside documents so a seed gives the same bytes where the format allows it.
_FIXED = datetime(2020, 1, 1, 12, 0, 0)


def stable_zip(data: bytes) -> bytes:
    """Rewrite a ZIP-based document with fixed entry times: office libraries stamp entries with the current time,
    and a seed must give the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED.timetuple()[:6])
            fixed.compress_type = info.compress_type
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def letter(doc: Letter, fmt: str) -> tuple[bytes, str]:
    """The letter's bytes in ``fmt`` and the file extension to use."""
    if fmt == "text":
        return letter_text(doc).encode("utf-8"), "txt"
    if fmt == "html":
        return _html(doc).encode("utf-8"), "html"
    if fmt == "rtf":
        return _rtf(doc).encode("ascii"), "rtf"
    if fmt == "docx":
        return _docx(doc), "docx"
    if fmt == "odt":
        return _odt(doc), "odt"
    if fmt == "pdf":
        return pdf_text(letter_text(doc).splitlines()), "pdf"
    raise ValueError(f"letters are not rendered as {fmt}")


def table(tab: Table, fmt: str) -> tuple[bytes, str]:
    """The table's bytes in ``fmt`` (only XLSX here; CSV is ``tables.table_csv``)."""
    if fmt != "xlsx":
        raise ValueError(f"tables are not rendered as {fmt}")
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook()
    ws = wb.active
    ws.title = tab.name
    ws.append(tab.header)
    for row in tab.rows:
        ws.append(row)
    wb.properties.created = wb.properties.modified = _FIXED
    buf = io.BytesIO()
    # ExcelWriter rather than wb.save(), which stamps "modified" with the current time.
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return stable_zip(buf.getvalue()), "xlsx"


def _html(doc: Letter) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        f"<title>{html.escape(doc.title)}</title></head><body>",
    ]
    parts += [f"<p>{html.escape(line)}</p>" for line in doc.header]
    parts.append(f"<h1>{html.escape(doc.title)}</h1>")
    for heading, paragraphs in doc.sections:
        if heading:
            parts.append(f"<h2>{html.escape(heading)}</h2>")
        parts += [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    parts += [f"<p><em>{html.escape(line)}</em></p>" for line in doc.footer]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append(f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?")
        else:
            out.append(ch)
    return "".join(out)


def _rtf(doc: Letter) -> str:
    lines = [r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}\f0\fs22"]
    lines += [_rtf_escape(line) + r"\par" for line in doc.header]
    lines.append(r"\par{\b\fs28 " + _rtf_escape(doc.title) + r"}\par")
    for heading, paragraphs in doc.sections:
        if heading:
            lines.append(r"\par{\b " + _rtf_escape(heading) + r"}\par")
        lines += [_rtf_escape(p) + r"\par" for p in paragraphs]
    lines += [r"\par " + _rtf_escape(line) + r"\par" for line in doc.footer]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _docx(doc: Letter) -> bytes:
    import docx

    d = docx.Document()
    d.core_properties.created = _FIXED
    d.core_properties.modified = _FIXED
    if doc.layout == "table":
        d.sections[0].header.paragraphs[0].text = doc.header[0]
        table = d.add_table(rows=len(doc.header) - 1, cols=1)
        for row, line in zip(table.rows, doc.header[1:], strict=True):
            row.cells[0].text = line
    else:
        for line in doc.header:
            d.add_paragraph(line)
    d.add_heading(doc.title, level=1)
    for heading, paragraphs in doc.sections:
        if heading:
            d.add_heading(heading, level=2)
        for p in paragraphs:
            d.add_paragraph(p)
    for line in doc.footer:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return stable_zip(buf.getvalue())


def _odt(doc: Letter) -> bytes:
    from odf.element import Element
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    # odfpy keeps the namespaces it has seen in a class-level dict shared by all documents, so each document would
    # declare more namespaces than the previous one: start every document from an empty dict, as the first does.
    Element.namespaces.clear()
    d = OpenDocumentText()
    for line in doc.header:
        d.text.addElement(P(text=line))
    d.text.addElement(H(outlinelevel=1, text=doc.title))
    for heading, paragraphs in doc.sections:
        if heading:
            d.text.addElement(H(outlinelevel=2, text=heading))
        for p in paragraphs:
            d.text.addElement(P(text=p))
    for line in doc.footer:
        d.text.addElement(P(text=line))
    buf = io.BytesIO()
    d.write(buf)
    return stable_zip(buf.getvalue())


# fpdf2's built-in fonts cover Latin-1 only; shipping a TTF font for a demo is not worth it, so the few typographic
# characters outside Latin-1 are spelled in ASCII.
_LATIN1 = str.maketrans(
    {"\u2014": "-", "\u2013": "-", "\u2019": "'", "\u0153": "oe", "\u2265": ">=", "\u2264": "<=", "\u2026": "..."}
)


def pdf_text(lines: list[str]) -> bytes:
    """A one-column PDF of ``lines`` with a real text layer (what a scanned-then-OCRed letter would not have)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(_FIXED)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in lines:
        safe = line.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")
        pdf.multi_cell(0, 5, safe or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())

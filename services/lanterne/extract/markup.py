"""HTML, generic XML and generic JSON: text with the names that give it meaning.

HTML goes through lxml's HTML parser (it reads the ``<meta charset>`` itself), scripts and styles dropped; its
tables read like a Word table (``rows``: column names before each value, ``label: value`` in two-column forms).
Generic XML and JSON (application exports, configuration, interfaces that are neither FHIR nor CDA) keep each
value after its element or key name, one per line (``nir: 255...``, ``patient@ipp: 800...``), so a detector sees
the name as context, as for CSV columns. XML is parsed without
entity expansion or network access (no billion-laughs, no XXE). Unparseable content falls back to plain text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, ClassVar

from lanterne.errors import Corrupt
from lanterne.extract.base import Extracted, Limits
from lanterne.extract.budget import Budget
from lanterne.extract.charset import decode, detect
from lanterne.extract.deps import optional
from lanterne.extract.rows import DOCUMENT_TABLE_MIN_COLUMNS, table_lines
from lanterne.extract.text import read_text

_BLANK_LINES = re.compile(r"\n\s*\n+")
_BLOCKS = ("p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "title", "section",
           "article", "header", "footer", "blockquote", "pre", "dt", "dd")  # fmt: skip
_CELLS = ("td", "th")
_LINES_PER_SEGMENT = 2000


def html_text(markup: bytes | str) -> str:
    """Visible text of an HTML document (also used for HTML e-mail bodies and FHIR narratives).

    lxml's HTML parser rather than BeautifulSoup: measured 4 MB of HTML in 10 s with bs4, lxml is C all the way.
    Block elements end their line; tables read as ``rows`` reads a document's table (``_table_text``).
    """
    lxml_html = optional("lxml.html", "lxml")
    etree = optional("lxml.etree", "lxml")
    if isinstance(markup, str):  # already decoded: tell the parser, whatever a <meta charset> says
        markup, encoding = markup.encode("utf-8"), "utf-8"
    else:
        encoding = None
    if not markup.strip():
        return ""
    parser = lxml_html.HTMLParser(encoding=encoding, remove_comments=True, remove_pis=True)
    root = lxml_html.document_fromstring(markup, parser=parser)
    etree.strip_elements(root, "script", "style", "noscript", "template", with_tail=False)
    for element in root.iter(*_BLOCKS):
        if element.tag not in _CELLS:
            element.tail = "\n" + (element.tail or "")
    for table in reversed(list(root.iter("table"))):  # innermost first: an outer cell then holds the inner text
        replacement = etree.Element("div")
        replacement.text = _table_text(table)
        replacement.tail = table.tail
        table.getparent().replace(table, replacement)
    text = "".join(root.itertext())
    return _BLANK_LINES.sub("\n", "\n".join(line.strip(" \t|") for line in text.splitlines())).strip()


def _table_text(table: Any) -> str:
    """One table as ``rows.table_lines`` writes it: a list under its column names, or one row per line with a label
    cell and its value as ``label: value`` (``<tr><td>IPP</td><td>8001234567</td></tr>`` reads ``IPP: 8001234567``).
    Lines inside a cell (``<br>``, paragraphs) are kept."""
    rows = [[_cell_text(cell) for cell in row if cell.tag in _CELLS] for row in table.iter("tr")]
    return "\n" + "\n".join(table_lines(rows, DOCUMENT_TABLE_MIN_COLUMNS)) + "\n"


def _cell_text(cell: Any) -> str:
    lines = (" ".join(line.split()) for line in "".join(cell.itertext()).splitlines())
    return "\n".join(line for line in lines if line)


def add_lines(budget: Budget, lines: Iterator[str], where: str) -> None:
    """Lines grouped into segments, the budget checked between segments."""
    block: list[str] = []
    for line in lines:
        block.append(line)
        if len(block) >= _LINES_PER_SEGMENT:
            if not budget.add_text("\n".join(block), where) or budget.stop():
                return
            block = []
    budget.add_text("\n".join(block), where)


def xml_root(data: bytes) -> Any:
    """Parses XML safely: no entity expansion, no DTD loading, no network, bounded tree."""
    etree = optional("lxml.etree", "lxml")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(data, parser=parser)


def local(tag: object) -> str:
    """``{namespace}name`` -> ``name``; comments and processing instructions have no name."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _xml_lines(root: Any) -> Iterator[str]:
    for element in root.iter():
        name = local(element.tag)
        if not name:
            continue
        for attribute, value in element.attrib.items():
            if value.strip():
                yield f"{name}@{local(attribute)}: {value.strip()}"
        if element.text and element.text.strip():
            yield f"{name}: {element.text.strip()}"


def _json_lines(value: Any, path: tuple[str, ...] = ()) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _json_lines(item, (*path, str(key))[-3:])
    elif isinstance(value, list):
        for item in value:
            yield from _json_lines(item, path)
    elif value is not None and str(value).strip():
        yield f"{'.'.join(path)}: {value}"


class HtmlExtractor:
    """HTML pages and HTML exports of documents."""

    name: ClassVar[str] = "html"
    formats: ClassVar[tuple[str, ...]] = ("html",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        budget = Budget.start("html", limits)
        # Markup is a few times the text it holds: parse only the bytes that can fill ``max_chars`` (the parser
        # cannot be interrupted by the deadline).
        budget.add_text(html_text(data[: limits.max_chars * 4]), "body")
        return budget.out


class XmlExtractor:
    """Any other XML: values after their element or attribute names."""

    name: ClassVar[str] = "xml"
    formats: ClassVar[tuple[str, ...]] = ("xml",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        budget = Budget.start("xml", limits)
        try:
            root = xml_root(data)
        except Exception as error:  # lxml raises XMLSyntaxError and others; the text is still worth reading
            budget.note(Corrupt.code, f"XML does not parse ({type(error).__name__}); read as text")
            read_text(data, budget)
            return budget.out
        add_lines(budget, _xml_lines(root), "xml")
        return budget.out


class JsonExtractor:
    """Any JSON that is not FHIR: values after their key paths."""

    name: ClassVar[str] = "json"
    formats: ClassVar[tuple[str, ...]] = ("json",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        budget = Budget.start("json", limits)
        try:
            document = json.loads(decode(data, detect(data) or "utf-8"))
        except (ValueError, RecursionError) as error:
            budget.note(Corrupt.code, f"JSON does not parse ({type(error).__name__}); read as text")
            read_text(data, budget)
            return budget.out
        add_lines(budget, _json_lines(document), "json")
        return budget.out

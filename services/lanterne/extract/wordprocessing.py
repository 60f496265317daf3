"""DOCX: body paragraphs and tables in reading order, text boxes, headers and footers, title and subject.

Read with python-docx. Tables go through ``rows`` so a patient-list table keeps its column names on every value;
a key/value layout (``Nom | DUPONT``, two columns) reads one pair per line as ``Nom: DUPONT``. Merged
cells, which python-docx repeats once per spanned column, are kept once. Headers and footers (where letters put the
patient's name and IPP) are read once per distinct text: sections usually share them.
"""

from __future__ import annotations

import io
from typing import Any, ClassVar

from lanterne.extract.base import Extracted, Limits
from lanterne.extract.budget import Budget
from lanterne.extract.deps import optional
from lanterne.extract.rows import DOCUMENT_TABLE_MIN_COLUMNS
from lanterne.extract.rows import add_table as add_table_rows

_BLOCK_CHARS = 64 * 1024  # paragraphs are grouped into segments of about this size


def _table_rows(table: Any) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell, repeated by python-docx for each column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(cell.text.strip())
        rows.append(cells)
    return rows


def add_table(budget: Budget, rows: list[list[str]], where: str) -> None:
    """A document's table: a list under its column names (``DOCUMENT_TABLE_MIN_COLUMNS`` of them at least), else
    row by row, a label cell and its value read ``label: value``."""
    add_table_rows(budget, rows, f"{where} ", form=True, min_columns=DOCUMENT_TABLE_MIN_COLUMNS)


class _Blocks:
    """Paragraph text gathered into segments of about ``_BLOCK_CHARS``."""

    def __init__(self, budget: Budget, where: str) -> None:
        self.budget, self.where = budget, where
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= _BLOCK_CHARS:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.budget.add_text("\n".join(self.parts), self.where)
        self.parts, self.size = [], 0


def _story(budget: Budget, container: Any, where: str, table_type: type) -> None:
    """A body, header or footer: paragraphs and tables in order."""
    blocks = _Blocks(budget, where)
    tables = 0
    for item in container.iter_inner_content():
        if budget.stop():
            break
        if isinstance(item, table_type):
            blocks.flush()
            tables += 1
            add_table(budget, _table_rows(item), f"{where} table {tables}")
        elif item.text.strip():
            blocks.add(item.text)
    blocks.flush()


class DocxExtractor:
    """Word 2007+ documents (.docx, .docm)."""

    name: ClassVar[str] = "docx"
    formats: ClassVar[tuple[str, ...]] = ("docx",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        docx = optional("docx", "python-docx")
        from docx.table import Table

        budget = Budget.start("docx", limits)
        document = docx.Document(io.BytesIO(data))
        _story(budget, document, "body", Table)
        # Text boxes (the address block of many letter templates) are outside python-docx's paragraph model.
        # Word writes each box twice (a DrawingML choice and a VML fallback): identical paragraphs are kept once.
        body = document.element.body
        boxes = dict.fromkeys("".join(p.xpath(".//w:t/text()")) for p in body.xpath(".//w:txbxContent//w:p"))
        budget.add_text("\n".join(box for box in boxes if box.strip()), "text boxes")
        seen: set[str] = set()
        for section in document.sections:
            for kind in ("header", "first_page_header", "even_page_header", "footer", "first_page_footer",
                         "even_page_footer"):  # fmt: skip
                part = getattr(section, kind)
                if part.is_linked_to_previous:  # no header of its own (reading it would create one)
                    continue
                text = "\n".join(p.text for p in part.paragraphs) + "\n".join(
                    cell.text for table in part.tables for row in table.rows for cell in row.cells
                )
                if text.strip() and text not in seen:
                    seen.add(text)
                    _story(budget, part, kind.replace("_", " "), Table)
        properties = document.core_properties
        budget.add_text("\n".join(v for v in (properties.title, properties.subject) if v), "properties")
        return budget.out

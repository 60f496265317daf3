"""ODT and ODS (LibreOffice, common in French public hospitals): paragraphs, headings, tables, sheets.

Read with odfpy. Table cells carry ``number-columns-repeated`` / ``number-rows-repeated``: a sheet saved by
LibreOffice ends with a blank row repeated a million times and blank cells repeated 16 000 times, so repeats are
never expanded beyond ``_MAX_COLUMNS`` and a repeated row is read once. Text documents keep the order of paragraphs
and tables, and their headers and footers (in the styles part) come after the body.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any, ClassVar

from lanterne.extract.base import Extracted, Limits
from lanterne.extract.budget import Budget
from lanterne.extract.deps import optional
from lanterne.extract.spreadsheet import add_sheet
from lanterne.extract.wordprocessing import add_table

_MAX_COLUMNS = 1024
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_PARAGRAPHS = frozenset({(_TEXT_NS, "p"), (_TEXT_NS, "h")})
_TABLE = (_TABLE_NS, "table")
_CELLS = frozenset({(_TABLE_NS, "table-cell"), (_TABLE_NS, "covered-table-cell")})
_ROW = (_TABLE_NS, "table-row")


def _cell_text(cell: Any, teletype: Any) -> str:
    return "\n".join(teletype.extractText(p) for p in cell.childNodes if getattr(p, "qname", None) in _PARAGRAPHS)


def _rows(table: Any, teletype: Any) -> Iterator[list[str]]:
    """Non-blank rows of one table as lists of cell texts, repeats bounded, trailing blank cells dropped."""
    for row in _descendants(table, _ROW):
        cells: list[str] = []
        for cell in row.childNodes:
            if getattr(cell, "qname", None) not in _CELLS:
                continue
            repeat = min(int(cell.getAttribute("numbercolumnsrepeated") or 1), _MAX_COLUMNS - len(cells))
            cells.extend([_cell_text(cell, teletype)] * max(repeat, 0))
            if len(cells) >= _MAX_COLUMNS:
                break
        while cells and not cells[-1].strip():
            cells.pop()
        if cells:  # blank rows (a repeated million of them ends every sheet) are skipped, not counted
            yield cells


def _descendants(node: Any, qname: tuple[str, str]) -> Iterator[Any]:
    """Elements named ``qname`` under ``node``, not looking inside nested tables."""
    for child in node.childNodes:
        if getattr(child, "qname", None) == qname:
            yield child
        elif getattr(child, "qname", None) != _TABLE and child.childNodes:
            yield from _descendants(child, qname)


def _story(node: Any, budget: Budget, where: str, teletype: Any, lines: list[str], tables: list[int]) -> None:
    """Paragraphs in order; a table flushes the paragraphs before it and goes through ``add_table``."""
    for child in node.childNodes:
        qname = getattr(child, "qname", None)
        if qname in _PARAGRAPHS:
            lines.append(teletype.extractText(child))
        elif qname == _TABLE:
            budget.add_text("\n".join(lines), where)
            lines.clear()
            tables[0] += 1
            add_table(budget, list(_rows(child, teletype)), f"{where} table {tables[0]}")
        elif child.childNodes:
            _story(child, budget, where, teletype, lines, tables)
        if budget.stop():
            return


class OdfExtractor:
    """OpenDocument text (.odt) and spreadsheets (.ods)."""

    name: ClassVar[str] = "odf"
    formats: ClassVar[tuple[str, ...]] = ("odt", "ods")

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        opendocument = optional("odf.opendocument", "odfpy")
        teletype = optional("odf.teletype", "odfpy")
        document = opendocument.load(io.BytesIO(data))
        if document.mimetype.endswith("spreadsheet"):
            budget = Budget.start("ods", limits)
            for table in _descendants(document.spreadsheet, _TABLE):
                if budget.stop():
                    break
                add_sheet(budget, _rows(table, teletype), f"sheet {table.getAttribute('name')}")
            return budget.out
        budget = Budget.start("odt", limits)
        for part, where in ((document.text, "body"), (document.masterstyles, "header/footer")):
            lines: list[str] = []
            _story(part, budget, where, teletype, lines, [0])
            budget.add_text("\n".join(lines), where)
        return budget.out

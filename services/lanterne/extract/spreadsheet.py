"""XLSX: every sheet (hidden ones too: they often hold the raw data), rows with their column names.

Read with openpyxl in read-only, values-only mode: rows stream from the sheet XML, formulas give their cached
values, and a sheet that claims a huge range costs only the cells it really has (its stored dimension is
ignored). The header is the first row that looks like one (text, distinct, no numbers or dates), title lines and
blank rows above it read as text (``rows.header_index``); cells read as the user sees them (``rows.cell_text``: a
NIR typed as a number has no ``.0``, dates are dd/mm/yyyy). A sheet without a header row may be a form: a label
cell then its value (``IPP`` | ``8001234567``) reads ``IPP: 8001234567``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import ClassVar

from lanterne.extract.base import Extracted, Limits
from lanterne.extract.budget import Budget
from lanterne.extract.deps import optional
from lanterne.extract.rows import add_table


def add_sheet(budget: Budget, rows: Iterable[Sequence[object]], where: str) -> None:
    """One sheet (XLSX or ODS): title lines, header and rows (``rows.add_table``); without a header, maybe a form."""
    add_table(budget, rows, f"{where} ", form=True)


class XlsxExtractor:
    """Excel 2007+ workbooks (.xlsx, .xlsm)."""

    name: ClassVar[str] = "xlsx"
    formats: ClassVar[tuple[str, ...]] = ("xlsx",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        openpyxl = optional("openpyxl", "openpyxl")
        budget = Budget.start("xlsx", limits)
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            for sheet in workbook.worksheets:
                if budget.stop():
                    break
                # The stored dimension ("A1:XFD1048576") pads every row to its width: a lying one costs millions of
                # empty cells per row. Without it, each row is as long as its last real cell.
                sheet.reset_dimensions()
                add_sheet(budget, sheet.iter_rows(values_only=True), f"sheet {sheet.title}")
        finally:
            workbook.close()
        return budget.out

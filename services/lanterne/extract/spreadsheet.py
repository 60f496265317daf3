"""XLSX: every sheet (hidden ones too: they often hold the raw data), rows with their column names.

Read with openpyxl in read-only, values-only mode: rows stream from the sheet XML, formulas give their cached
values, and a sheet that claims a huge range costs only the cells it really has (its stored dimension is
ignored). The first non-empty row is the header when it looks like one (text, distinct, no numbers or dates);
cells read as the user sees them (``rows.cell_text``: a NIR typed as a number has no ``.0``, dates are
dd/mm/yyyy). A sheet without a header row may be a form: a label cell then its value (``IPP`` | ``8001234567``)
reads ``IPP: 8001234567``.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator, Sequence
from typing import ClassVar

from lanterne.extract.base import Extracted, Limits
from lanterne.extract.budget import Budget
from lanterne.extract.deps import optional
from lanterne.extract.rows import add_rows, cell_text, looks_like_header


def add_sheet(budget: Budget, rows: Iterator[Sequence[object]], where: str) -> None:
    """One sheet's rows (blank rows skipped before the first): header detection, then ``rows.add_rows``."""
    number = 0
    for row in rows:
        number += 1
        if any(cell_text(cell) for cell in row):
            first = row
            break
    else:
        return
    if looks_like_header(first):
        header = [cell_text(cell) for cell in first]
        budget.add_text(" | ".join(name for name in header if name), f"{where} header")
        add_rows(budget, rows, header, first_row=number + 1, where_prefix=f"{where} ")
    else:
        # No header row: the sheet may be a form (label cell, value cell to its right).
        add_rows(budget, itertools.chain([first], rows), None, first_row=number, where_prefix=f"{where} ", form=True)


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

"""Form-style sheets: a label cell, its value in the next cell to the right, read as ``label: value``."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from extract_helpers import all_text, run

from lanterne.extract import Limits

FORM = [["IPP", "8001234567"], ["DDN :", dt.date(1954, 3, 12)], [None, None], ["Service", "Pneumologie"]]


def _xlsx(rows: list[list[object]]) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _ods(rows: list[list[object]]) -> bytes:
    opendocument = pytest.importorskip("odf.opendocument")
    from odf import table, text

    document = opendocument.OpenDocumentSpreadsheet()
    sheet = table.Table(name="Fiche")
    for values in rows:
        row = table.TableRow()
        for value in values:
            cell = table.TableCell()
            if value is not None:
                shown = value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else str(value)
                cell.addElement(text.P(text=shown))
            row.addElement(cell)
        sheet.addElement(row)
    document.spreadsheet.addElement(sheet)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(("maker", "name"), [(_xlsx, "fiche.xlsx"), (_ods, "fiche.ods")])
def test_form_sheet_reads_label_value_pairs(maker, name: str, limits: Limits) -> None:
    text = all_text(run(maker(FORM), name, limits))
    assert "IPP: 8001234567" in text
    assert "DDN: 12/03/1954" in text
    assert "Service: Pneumologie" in text


@pytest.mark.parametrize(
    "rows",
    [
        [["12/03/1954", "8001234567"], ["01/02/1960", "8007654321"]],  # first cells are values, not labels
        [["Observation du patient pendant la nuit du samedi au dimanche", "RAS"]],  # a sentence, not a label
        [["IPP", "8001234567", "Pneumologie"]],  # three cells: a headerless table row
    ],
)
def test_rows_that_are_not_label_value_pairs_keep_the_pipe_form(rows: list[list[object]], limits: Limits) -> None:
    text = all_text(run(_xlsx(rows), "liste.xlsx", limits))
    assert ": " not in text.replace("sheet", "")
    assert " | " in text


def test_header_row_tables_are_unchanged(limits: Limits) -> None:
    rows = [["IPP", "Nom"], ["8001234567", "MARTIN"]]
    text = all_text(run(_xlsx(rows), "table.xlsx", limits))
    assert "IPP: 8001234567 | Nom: MARTIN" in text

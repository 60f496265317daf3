"""Tables in every format: the header found below title lines, label/value tables read ``label: value``.

Fixtures are fictional tables built by code: the same rows go into XLSX, ODS, CSV, DOCX, ODT and HTML.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from html import escape

import pytest
from extract_helpers import all_text, run

from lanterne.extract import Limits
from lanterne.extract.rows import DOCUMENT_TABLE_MIN_COLUMNS, format_row, header_index, table_lines

HEADER = ["Chambre", "Patient", "IPP", "Date de naissance"]
ROWS = [["12", "MARTIN Paul", "8001234567", "12/03/1954"], ["14", "DURAND Anne", "8007654321", "01/02/1960"]]
FORM = [["Nom / Prénom", "MARTIN Paul"], ["Date de naissance", "12/03/1954"], ["IPP", "8001234567"]]


@pytest.mark.parametrize(
    ("rows", "min_columns", "expected", "why"),
    [
        ([HEADER, *ROWS], 1, 0, "the first row names the columns"),
        ([["Registre des entrées"], HEADER, *ROWS], 1, 1, "a title line above the header"),
        ([["Registre des entrées", None, None, None], [], HEADER, *ROWS], 1, 2, "a merged title cell, a blank row"),
        ([["Service", "Cardiologie"], ["Édité le", "03/02/2024"], HEADER, *ROWS], 1, 2, "label/value preamble"),
        ([["Registre"], [], *ROWS], 1, None, "a title over a headerless table: no header"),
        ([ROWS[0], ["DURAND", "Anne", "Cardiologie", "Lyon"]], 1, None, "values first: never a header further down"),
        ([["Consultation", None], *FORM], 1, None, "a title over a form: its first pair is not a header"),
        ([["IPP", "Nom"], ["8001234567", "MARTIN"]], 1, 0, "a two-column list with its header on top"),
        ([["NIR"], ["255081416802538"]], 1, 0, "a one-column list"),
        ([["Nom", "Prénom"], ["MARTIN", "Paul"]], DOCUMENT_TABLE_MIN_COLUMNS, None, "documents: two columns, a form"),
        ([["Rapport"], ["Nom", "Prénom"], ["MARTIN", "Paul"]], 1, None, "two names below a title: a form"),
    ],
)
def test_header_index(rows: list[list[object]], min_columns: int, expected: int | None, why: str) -> None:
    assert header_index(rows, min_columns) == expected, why


def test_table_lines_keep_title_then_header_then_named_values() -> None:
    lines = table_lines([["Registre des entrées"], HEADER, ROWS[0]])
    assert lines == [
        "Registre des entrées",
        "Chambre | Patient | IPP | Date de naissance",
        "Chambre: 12 | Patient: MARTIN Paul | IPP: 8001234567 | Date de naissance: 12/03/1954",
    ]


def _xlsx(rows: list[list[object]]) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if rows and not any(rows[0][1:]):  # a title cell merged over the table's width, as report exports write it
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _ods(rows: list[list[object]]) -> bytes:
    opendocument = pytest.importorskip("odf.opendocument")
    from odf import table, text

    document = opendocument.OpenDocumentSpreadsheet()
    sheet = table.Table(name="Registre")
    for values in rows:
        row = table.TableRow()
        for value in values:
            cell = table.TableCell()
            if value is not None:
                cell.addElement(text.P(text=str(value)))
            row.addElement(cell)
        sheet.addElement(row)
    document.spreadsheet.addElement(sheet)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _csv(rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    return buffer.getvalue().encode("utf-8")


@pytest.mark.parametrize(("maker", "name"), [(_xlsx, "registre.xlsx"), (_ods, "registre.ods"), (_csv, "registre.csv")])
def test_title_lines_above_the_header_are_text(maker, name: str, limits: Limits) -> None:
    title = ["Registre des entrées - 2024", None, None, None]  # a CSV export writes it ``Registre...;;;``
    text = all_text(run(maker([title, [], HEADER, *ROWS]), name, limits))
    lines = text.splitlines()
    assert "Registre des entrées - 2024" in lines
    assert "Chambre: 14 | Patient: DURAND Anne | IPP: 8007654321 | Date de naissance: 01/02/1960" in lines
    assert "Registre des entrées - 2024:" not in text  # the title is not taken for a column name


def test_sheet_form_under_a_title_stays_a_form(limits: Limits) -> None:
    text = all_text(run(_xlsx([["Consultation pré-anesthésique", ""], *FORM]), "cpa.xlsx", limits))
    assert "IPP: 8001234567" in text and "Date de naissance: 12/03/1954" in text


def test_sheet_typed_cells_under_a_title(limits: Limits) -> None:
    rows: list[list[object]] = [
        ["Liste du jour"],
        ["IPP", "Nom", "Né le"],
        [8001234567, "MARTIN", dt.date(1954, 3, 12)],
    ]
    text = all_text(run(_xlsx(rows), "liste.xlsx", limits))
    assert "IPP: 8001234567 | Nom: MARTIN | Né le: 12/03/1954" in text


def _docx(rows: list[list[str]]) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Compte rendu", level=1)
    grid = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    document.add_paragraph("Suites simples.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _odt(rows: list[list[str]]) -> bytes:
    opendocument = pytest.importorskip("odf.opendocument")
    from odf import table, text

    document = opendocument.OpenDocumentText()
    document.text.addElement(text.H(outlinelevel=1, text="Compte rendu"))
    grid = table.Table(name="Identite")
    for values in rows:
        row = table.TableRow()
        for value in values:
            cell = table.TableCell()
            cell.addElement(text.P(text=value))
            row.addElement(cell)
        grid.addElement(row)
    document.text.addElement(grid)
    document.text.addElement(text.P(text="Suites simples."))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _html(rows: list[list[str]]) -> bytes:
    body = "".join("<tr>" + "".join(f"<td><b>{escape(value)}</b></td>" for value in row) + "</tr>\n" for row in rows)
    page = (
        "<html><head><meta charset='utf-8'></head><body><h2>Compte rendu</h2>"
        f"<table border=1>{body}</table><p>Suites simples.</p></body></html>"
    )
    return page.encode("utf-8")


DOCUMENTS = [(_docx, "cr.docx"), (_odt, "cr.odt"), (_html, "cr.html")]


@pytest.mark.parametrize(("maker", "name"), DOCUMENTS)
def test_document_label_value_table_reads_label_colon_value(maker, name: str, limits: Limits) -> None:
    lines = all_text(run(maker(FORM), name, limits)).splitlines()
    assert "Nom / Prénom: MARTIN Paul" in lines
    assert "Date de naissance: 12/03/1954" in lines
    assert "IPP: 8001234567" in lines
    assert "Suites simples." in lines


@pytest.mark.parametrize(("maker", "name"), DOCUMENTS)
def test_document_list_table_names_each_value(maker, name: str, limits: Limits) -> None:
    lines = all_text(run(maker([HEADER, *ROWS]), name, limits)).splitlines()
    assert "Chambre: 12 | Patient: MARTIN Paul | IPP: 8001234567 | Date de naissance: 12/03/1954" in lines


@pytest.mark.parametrize(("maker", "name"), DOCUMENTS)
def test_document_table_of_values_keeps_the_pipe_form(maker, name: str, limits: Limits) -> None:
    lines = all_text(run(maker(ROWS), name, limits)).splitlines()
    assert "12 | MARTIN Paul | 8001234567 | 12/03/1954" in lines


def test_html_nested_table_and_lines_inside_a_cell(limits: Limits) -> None:
    inner = "<table><tr><td>IPP</td><td>8001234567</td></tr></table>"
    page = f"<html><body><table><tr><td>Patient<br>MARTIN Paul</td><td>{inner}</td></tr></table></body></html>"
    lines = all_text(run(page.encode(), "cr.html", limits)).splitlines()
    assert lines == ["Patient", "MARTIN Paul | IPP: 8001234567"]  # a cell of two lines is no label


def test_labels_with_their_colon_take_the_next_cell_as_value() -> None:
    """A row of several label/value pairs (tab-separated exports write them so): each label reads with its value."""
    assert format_row(None, ["Patient :", "DUPONT Jean", "IPP :", "8001234567"]) == (
        "Patient: DUPONT Jean | IPP: 8001234567"
    )
    assert format_row(None, ["Nom", "DUPONT", "Prénom", "Jean"]) == "Nom | DUPONT | Prénom | Jean"  # no colon: unsure
    assert format_row(None, ["Entrée :", "Sortie :", "12/01/2025"]) == "Entrée : | Sortie: 12/01/2025"


def test_a_form_of_label_value_pairs_above_a_table_is_no_header() -> None:
    """'Nom | DUBOIS | Prénom | Julie' could pass for column names; the pairs under it cannot (dates, numbers)."""
    rows = [
        ["Centre d'hémodialyse - fiche de séance"],
        ["Nom", "DUBOIS", "Prénom", "Julie"],
        ["Date de naissance", "02/09/1935", "IPP", "416030728"],
        ["Poids sec (kg)", "62.2"],
        ["Date", "Poids entrée", "Poids sortie", "TA début", "TA fin"],
        ["29/10/2025", "71.2", "69.2", "132/71", "102/58"],
    ]
    assert header_index(rows) == 4
    lines = table_lines(rows)
    assert "Nom: DUBOIS | Prénom: Julie" in lines and "Date de naissance: 02/09/1935 | IPP: 416030728" in lines
    assert "Date: 29/10/2025 | Poids entrée: 71.2 | Poids sortie: 69.2 | TA début: 132/71 | TA fin: 102/58" in lines


def test_a_list_of_four_columns_keeps_its_header() -> None:
    rows = [
        ["Nom", "Prénom", "Service", "Poste"],
        ["DUBOIS", "Julie", "Cardiologie", "IDE"],
        ["MARTIN", "Paul", "SSR", "AS"],
    ]
    assert header_index(rows) == 0


def test_a_table_whose_rows_could_read_as_pairs_keeps_its_header() -> None:
    """A user export: every row as wide as the header, so the header is one even if a row reads like pairs."""
    rows = [
        ["login", "nom", "prenom", "email", "service", "dernier_acces"],
        ["jdubois", "DUBOIS", "Julie", "julie.dubois@ch-exemple.fr", "DSI", "02/09/2025"],
        ["pmartin", "MARTIN", "Paul", "paul.martin@ch-exemple.fr", "DRH", "12/10/2025"],
    ]
    assert header_index(rows) == 0

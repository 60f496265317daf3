"""DOCX, XLSX, ODT, ODS made by their own libraries in the test; encrypted OOXML; corrupt files."""

from __future__ import annotations

import io
import zipfile

import pytest
from extract_helpers import all_text, codes, run
from extract_samples import make_cfb, make_doc, make_docx, make_odf, make_pptx, make_xlsx

from lanterne.extract import Limits, sniff


def test_docx_body_tables_headers_in_order(limits: Limits) -> None:
    data = make_docx()
    assert sniff(data, "lettre.zip") == "docx"
    result = run(data, "lettre.docx", limits)
    assert result.format == "docx" and not result.errors
    text = all_text(result)
    assert text.index("Patiente Hélène") < text.index("NIR: 255081416802538 | Nom: DUPONT") < text.index("Conclusion")
    wheres = {segment.where for segment in result.text}
    assert "header" in wheres and "footer" in wheres and "properties" in wheres
    assert "IPP 800123456" in text and "Dr Martin" in text


def test_docx_text_boxes_once(limits: Limits) -> None:
    docx = pytest.importorskip("docx")
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Corps de la lettre")
    box = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:v="urn:schemas-microsoft-com:vml">'
        "<w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Mme Hélène DUPONT</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    document.paragraphs[0]._p.append(parse_xml(box))
    document.paragraphs[0]._p.append(parse_xml(box))  # the DrawingML + VML pair Word writes
    buffer = io.BytesIO()
    document.save(buffer)
    result = run(buffer.getvalue(), "lettre.docx", limits)
    assert [(s.where, s.text) for s in result.text] == [
        ("body", "Corps de la lettre"),
        ("text boxes", "Mme Hélène DUPONT"),
    ]


def test_xlsx_rows_keep_column_names_and_typed_cells(limits: Limits) -> None:
    data = make_xlsx()
    assert sniff(data, "") == "xlsx"
    result = run(data, "export.xlsx", limits)
    assert not result.errors
    lines = all_text(result).splitlines()
    assert "NIR: 255081416802538 | Nom: DUPONT | Date de naissance: 14/08/1955" in lines
    assert "Nom: MARTIN" in lines
    assert "IPP 800123456 | 4.5" in lines  # the hidden sheet, no header (numbers first)
    assert any(segment.where.startswith("sheet Brut") for segment in result.text)


def test_xlsx_row_limit_by_chars() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["NIR", "Nom", "Ville"])
    for i in range(3000):
        sheet.append([f"{i:015d}", f"NOM{i}", "PARIS"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = run(buffer.getvalue(), "x.xlsx", Limits(max_chars=5000))
    assert result.truncated
    assert sum(len(s.text) for s in result.text) <= 5000


def test_odt_paragraphs_and_tables(limits: Limits) -> None:
    data = make_odf("odt")
    assert sniff(data, "x.zip") == "odt"
    result = run(data, "lettre.odt", limits)
    assert not result.errors
    text = all_text(result)
    assert "Lettre de sortie" in text and "IPP 800123456" in text
    assert "NIR: 255081416802538 | Nom: DUPONT | Ville: PARIS" in text  # a table of 3+ named columns is a list


def test_ods_rows_with_header_and_bounded_repeats(limits: Limits) -> None:
    data = make_odf("ods")
    assert sniff(data, "") == "ods"
    result = run(data, "liste.ods", limits)
    assert not result.errors
    assert "NIR: 255081416802538 | Nom: DUPONT | Ville: PARIS" in all_text(result).splitlines()


def test_encrypted_ooxml_is_reported_encrypted(limits: Limits) -> None:
    msoffcrypto = pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(make_docx())).encrypt("secret", encrypted)
    assert msoffcrypto is not None
    result = run(encrypted.getvalue(), "protege.docx", limits)
    assert result.format == "office_encrypted"
    assert codes(result) == ["encrypted"]


@pytest.mark.parametrize("maker", [make_docx, make_xlsx, lambda: make_odf("odt"), lambda: make_odf("ods")])
def test_truncated_office_files_give_errors_not_exceptions(maker, limits: Limits) -> None:
    data = maker()
    result = run(data[: len(data) // 2], "cut.bin", limits)
    assert result.errors


def test_docx_with_a_broken_document_part(limits: Limits) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<not-closed")
    result = run(buffer.getvalue(), "broken.docx", limits)
    assert result.format == "docx" and codes(result) == ["corrupt"]


def test_pptx_slides_in_order_with_notes(limits: Limits) -> None:
    slides = [f"Cas {i}" for i in range(1, 12)]
    data = make_pptx(slides, {2: "Patient DUPONT, IPP 800123456"})
    assert sniff(data, "staff.zip") == "pptx"
    result = run(data, "staff.pptx", limits)
    assert not result.errors
    wheres = [segment.where for segment in result.text]
    assert wheres[:4] == ["slide 1", "slide 2", "notes 2", "slide 3"]
    assert wheres[-1] == "slide 11"
    assert "IPP 800123456" in all_text(result)


def test_legacy_word_text_fields_and_cells(limits: Limits) -> None:
    data = make_doc(
        "Patiente Hélène DUPONT\rNé le : \x13 MERGEFIELD naissance \x14 14/08/1955\x15\rNIR\x07255\x07\x07\r"
    )
    assert sniff(data, "lettre.bin") == "doc"
    result = run(data, "lettre.doc", limits)
    assert result.format == "doc" and not result.errors
    assert all_text(result).splitlines() == ["Patiente Hélène DUPONT", "Né le :  14/08/1955", "NIR | 255 |  | "]


def test_legacy_word_unicode_pieces(limits: Limits) -> None:
    text = "C\u0153ur \u2013 l\u2019h\u00f4pital \u20ac 800123456"  # outside cp1252's ASCII half
    result = run(make_doc(text, compressed=False), "x.doc", limits)
    assert all_text(result) == text


def test_legacy_word_truncates_at_max_chars() -> None:
    result = run(make_doc("A" * 5000), "x.doc", Limits(max_chars=100))
    assert len(all_text(result)) == 100 and result.truncated


def test_legacy_word_encrypted(limits: Limits) -> None:
    result = run(make_doc("secret", encrypted=True), "x.doc", limits)
    assert codes(result) == ["encrypted"] and result.text == []


def test_legacy_word_without_table_stream_or_truncated(limits: Limits) -> None:
    olefile = pytest.importorskip("olefile")
    data = make_doc("texte")
    word = olefile.OleFileIO(io.BytesIO(data)).openstream("WordDocument").read()
    no_table = make_cfb({"WordDocument": word})
    assert codes(run(no_table, "x.doc", limits)) == ["corrupt"]
    assert run(data[:3000], "x.doc", limits).errors

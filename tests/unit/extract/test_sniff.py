"""Sniffing by content: the extension is only a hint, hostile names do not fool it."""

from __future__ import annotations

import pytest

from lanterne.extract import sniff


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"", "x.txt", "empty"),
        (b"  \n\t ", "x.txt", "empty"),
        (b"Compte rendu de consultation", "cr.pdf", "text"),  # a .pdf that is really text
        (b"\x00\x01\x02\x03binary\x00\xff" * 50, "notes.txt", "binary"),  # NUL-laden bytes with a .txt name
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "scan", "pdf"),
        (b"{\\rtf1\\ansi Bonjour}", "lettre.doc", "rtf"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "x", "image"),
        (b"MSH|^~\\&|LAB|HOP|||20240101||ORU^R01|1|P|2.5\rPID|1||123^^^HOP^PI\r", "", "hl7"),
        (b"\x0bMSH|^~\\&|LAB|HOP\rPID|1\r\x1c\r", "", "hl7"),  # MLLP framing
        (b"H|~^\\&|||LABO|||||||P|H2.2|20240101\nP|1|123\n", "", "hprim"),
        (
            b"0001\nDUPONT\nJEAN\n\n\n75001 PARIS\n01/01/1960\n\n\n\n\n\nTexte\n****FIN****\n****FINFICHIER****\n",
            "",
            "hprim_medecin",
        ),
        (b'<?xml version="1.0"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3"><id/></ClinicalDocument>', "", "cda"),
        (b'<Patient xmlns="http://hl7.org/fhir"><id value="1"/></Patient>', "", "fhir"),
        (b'{"resourceType": "Patient", "id": "1"}', "x.json", "fhir"),
        (b'{"a": 1}', "", "json"),
        (b"[Ordonnance] texte libre", "", "text"),  # a bracket is not JSON
        (b"<!DOCTYPE html><html><body>x</body></html>", "", "html"),
        (b"<root><a>1</a></root>", "", "xml"),
        (b"From: a@b.fr\nTo: c@d.fr\nSubject: CR\nDate: Mon, 1 Jan 2024 10:00:00 +0100\n\nCorps", "", "eml"),
        (b"a;b;c\n1;2;3\n4;5;6\n", "export", "csv"),
        (b"a,b\n1,2\n", "liste.csv", "csv"),
        # an export's title lines above the table (no delimiter in them)
        ("Suivi des séances\nPatient :;X\nIPP :;1\nSéance;Date\n".encode(), "suivi.csv", "csv"),
        (b"Export du 02/01/2025\n\nNom\tLit\tMotif\nA\t1\tx\nB\t2\ty\nC\t3\tz\n", "export", "csv"),
        (b"Titre\nUne ligne sans rien\nEncore une\nEt une autre; enfin\n", "notes.txt", "text"),  # 4 lines first
        # a label<TAB>value line between the title and a wider table
        ("Résultats\nLevée d'anonymat\taccord\nNom\tPrénom\tVIH\nA\tB\tnég\nC\tD\tnég\n".encode(), "r.txt", "csv"),
        (b"Ragged export\na;b;c\n1;2\n3;4;5;6\n", "ragged.csv", "csv"),  # named .csv: any count will do
        (b"Une phrase, avec une virgule.\nUne autre, aussi.\nEt encore, une.\n", "lettre.txt", "text"),
        ("Hélène, née le 01/02/1960".encode("utf-16"), "x.txt", "text"),
        ("Hélène née le 01/02/1960 à Paris, hôpital".encode("utf-16-le"), "x.txt", "text"),  # no BOM
    ],
)
def test_sniff_by_content(data: bytes, name: str, expected: str) -> None:
    assert sniff(data, name) == expected


def test_dicom_with_and_without_preamble() -> None:
    pydicom_data = pytest.importorskip("pydicom.data")
    for filename in ("CT_small.dcm", "MR_small.dcm", "rtstruct.dcm", "ExplVR_BigEndNoMeta.dcm"):
        with open(pydicom_data.get_testdata_file(filename), "rb") as handle:
            assert sniff(handle.read(), "image.bin") == "dicom", filename


def test_tiff_is_not_dicom() -> None:
    assert sniff(b"II*\x00" + b"\x08\x00" * 100, "x.tif") == "image"

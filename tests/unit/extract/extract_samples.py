"""Fictional sample files made by their own libraries (python-docx, openpyxl, odfpy, fpdf2, zipfile, email)."""

from __future__ import annotations

import base64
import datetime as dt
import io
import struct
import zipfile
from email.message import EmailMessage

import pytest


def make_docx() -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "CHU Exemple - IPP 800123456"
    document.sections[0].footer.paragraphs[0].text = "Page 1 - Dr Martin"
    document.add_heading("Compte rendu d'hospitalisation", 1)
    document.add_paragraph("Patiente Hélène DUPONT, née le 14/08/1955.")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["NIR", "Nom", "IPP"], ["255081416802538", "DUPONT", "800123456"], ["", "MARTIN", "1"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("Conclusion : diabète de type 2 (E11.9).")
    document.core_properties.title = "CRH"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_xlsx() -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Patients"
    sheet.append(["NIR", "Nom", "Date de naissance"])
    sheet.append([255081416802538, "DUPONT", dt.datetime(1955, 8, 14)])
    sheet.append([None, "MARTIN", None])
    hidden = workbook.create_sheet("Brut")
    hidden.sheet_state = "hidden"
    hidden.append([1, 2, 3])
    hidden.append(["IPP 800123456", None, 4.5])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_odf(kind: str) -> bytes:
    opendocument = pytest.importorskip("odf.opendocument")
    from odf import table, text

    if kind == "odt":
        document = opendocument.OpenDocumentText()
        document.text.addElement(text.H(outlinelevel=1, text="Lettre de sortie"))
        document.text.addElement(text.P(text="Patient Jean DUPONT, IPP 800123456."))
        container = document.text
    else:
        document = opendocument.OpenDocumentSpreadsheet()
        container = document.spreadsheet
    sheet = table.Table(name="Patients")
    for values in (["NIR", "Nom", "Ville"], ["255081416802538", "DUPONT", "PARIS"]):
        row = table.TableRow()
        for value in values:
            cell = table.TableCell()
            cell.addElement(text.P(text=value))
            row.addElement(cell)
        row.addElement(table.TableCell(numbercolumnsrepeated=16000))  # LibreOffice's trailing blank cells
        sheet.addElement(row)
    sheet.addElement(table.TableRow(numberrowsrepeated=1000000))
    container.addElement(sheet)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def make_pptx(slides: list[str], notes: dict[int, str]) -> bytes:
    drawing = "http://schemas.openxmlformats.org/drawingml/2006/main"

    def part(text: str) -> str:
        runs = "".join(f"<a:p><a:r><a:t>{line}</a:t></a:r></a:p>" for line in text.split("\n"))
        return f'<p:sld xmlns:p="urn:p" xmlns:a="{drawing}"><p:txBody>{runs}</p:txBody></p:sld>'

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p:presentation xmlns:p='urn:p'/>")
        for number, text in enumerate(slides, 1):
            archive.writestr(f"ppt/slides/slide{number}.xml", part(text))
        for number, text in notes.items():
            archive.writestr(f"ppt/notesSlides/notesSlide{number}.xml", part(text))
    return buffer.getvalue()


def make_pdf(pages: list[str], **encryption: str) -> bytes:
    fpdf = pytest.importorskip("fpdf")
    document = fpdf.FPDF()
    document.set_font("helvetica", size=12)
    for text in pages:
        document.add_page()
        if text:
            document.multi_cell(0, 10, text)
    if encryption:
        document.set_encryption(**encryption)
    return bytes(document.output())


def make_zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def make_eml() -> bytes:
    message = EmailMessage()
    message["From"] = "Dr Martin <p.martin@chu-exemple.fr>"
    message["To"] = "secretariat@chu-exemple.fr"
    message["Subject"] = "CR de Mme DUPONT Hélène"
    message.set_content("Ci-joint le compte rendu. IPP 800123456.")
    message.add_alternative("<html><body><p>Ci-joint le <b>compte rendu</b>.</p></body></html>", subtype="html")
    message.add_attachment(b"%PDF-1.4 fictional", maintype="application", subtype="pdf", filename="cr.pdf")
    message.add_attachment(make_zip({"x.txt": b"y"}), maintype="application", subtype="zip", filename="pieces.zip")
    return message.as_bytes()


INS_OID = "1.2.250.1.213.1.4.8"
PDF = b"%PDF-1.4\n% fictional\n"


HL7 = (
    "MSH|^~\\&|LAB|CHU|||20240101120000||ORU^R01|42|P|2.5\r"
    f"PID|1||800123456^^^CHU&1.2.250.1.71.4.2.2.1&ISO^PI~279035121518989^^^ASIP-SANTE-INS-NIR&{INS_OID}&ISO^INS"
    "||DUPONT^Hélène^^^^^L||19550814|F|||1 rue des Lilas^^PARIS^^75001||0102030405|||||7001^^^CHU^AN|||||||||||||VALI\r"
    "PV1|1|I|||||10001234567^MARTIN^Paul^^^^^^&1.2.250.1.71.4.2.1&ISO||||||||||||V9^^^CHU^VN\r"
    "DG1|1||E11.9^Diabète de type 2^I10\r"
    "OBX|1|TX|11526-1^Compte rendu^LN||Glycémie élevée\\.br\\contrôle à 3 mois||||||F\r"
    f"OBX|2|ED|PDF^CR^L||^application^pdf^Base64^{base64.b64encode(PDF).decode()}||||||F\r"
    "NTE|1||Patiente vue en consultation\r"
)


PATIENT = {
    "resourceType": "Patient",
    "identifier": [
        {"system": f"urn:oid:{INS_OID}", "value": "279035121518989"},
        {"type": {"coding": [{"code": "PI"}]}, "system": "urn:oid:1.2.250.1.71.4.2.2.1", "value": "800123456"},
    ],
    "name": [{"family": "DUPONT", "given": ["Hélène"]}],
    "birthDate": "1955-08-14",
    "text": {"status": "generated", "div": "<div xmlns='http://www.w3.org/1999/xhtml'>Hélène DUPONT</div>"},
}
BUNDLE = {
    "resourceType": "Bundle",
    "type": "collection",
    "entry": [
        {"resource": PATIENT},
        {
            "resource": {
                "resourceType": "Condition",
                "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "E11.9"}], "text": "Diabète"},
                "subject": {"reference": "Patient/1"},
            }
        },
        {
            "resource": {
                "resourceType": "DocumentReference",
                "content": [{"attachment": {"contentType": "application/pdf", "data": base64.b64encode(PDF).decode()}}],
            }
        },
    ],
}


CDA = f"""<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <code code="11490-0" codeSystem="2.16.840.1.113883.6.1"/>
  <title>Lettre de liaison</title>
  <recordTarget><patientRole>
    <id root="{INS_OID}" extension="279035121518989"/>
    <id root="1.2.250.1.71.4.2.2.1.1" extension="800123456"/>
    <addr><streetAddressLine>1 rue des Lilas</streetAddressLine><city>PARIS</city></addr>
    <patient><name><given>Hélène</given><family>DUPONT</family></name>
      <administrativeGenderCode code="F"/><birthTime value="19550814"/></patient>
  </patientRole></recordTarget>
  <author><assignedAuthor><id root="1.2.250.1.71.4.2.1" extension="810001234567"/>
    <assignedPerson><name><given>Paul</given><family>MARTIN</family></name></assignedPerson></assignedAuthor></author>
  <componentOf><encompassingEncounter><id root="1.2.3" extension="V9"/></encompassingEncounter></componentOf>
  <component><structuredBody>
    <component><section><title>Motif d'hospitalisation</title><text>Décompensation diabétique</text>
      <entry><observation><value xsi:type="CD" code="E11.9" codeSystem="2.16.840.1.113883.6.3"/></observation></entry>
    </section></component>
  </structuredBody></component>
</ClinicalDocument>"""


HPRIM_SANTE = (
    "H|~^\\&|||LABO^Laboratoire|||||||P|H2.2|20240101\r"
    "P|1|800123456||279035121518989|DUPONT~Hélène||19550814|F||1 rue des Lilas~~PARIS~~75001\r"
    "OBX|1|NM|GLY~Glycémie~L||7.2|mmol/l|||||F\r"
    "C|1|L|Contrôle recommandé|G\r"
    "L|1|N|1|1\r"
)


HPRIM_MEDECIN = "\r\n".join(
    [
        "800123456",
        "DUPONT",
        "Hélène",
        "1 rue des Lilas",
        "",
        "75001 PARIS",
        "14/08/1955",
        "2550814168025 38",
        "D24-001",
        "01/01/2024",
        "LABO1",
        "DRMARTIN",
        "Compte rendu de biologie : glycémie élevée.",
        "****LAB****",
        "RES|Glycémie|GLY|N|7.2|mmol/l|3.9|5.8|H",
        "TEX|Contrôle dans 3 mois",
        "****FIN****",
        "****FINFICHIER****",
        "",
    ]
)


def make_cfb(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (CFB v3, [MS-CFB]) holding ``streams`` at its root.

    Written by hand because no library writes new CFB files; each stream is padded with zeros to at least 4096
    bytes (the mini-stream cutoff) so it lives in regular sectors. Sector 0 is the FAT, sector 1 the directory,
    then the streams.
    """
    end, fat_sector, unused = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    names = list(streams)
    padded = [streams[n].ljust(max(4096, -(-len(streams[n]) // 512) * 512), b"\0") for n in names]
    fat = [fat_sector, end]
    starts = []
    for data in padded:
        starts.append(len(fat))
        count = len(data) // 512
        fat.extend(range(len(fat) + 1, len(fat) + count))
        fat.append(end)
    assert len(fat) <= 128, "one FAT sector is enough for test files"
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff")

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB3I", len(encoded), kind, 1, left, right, child)
            + b"\0" * 36
            + struct.pack("<IQ", start, size)
        )

    # Siblings form a tree ordered by (name length, upper-cased name): a chain of right siblings is one.
    order = sorted(range(len(names)), key=lambda i: (len(names[i]), names[i].upper()))
    right = {order[k]: order[k + 1] + 1 for k in range(len(order) - 1)}
    directory = entry("Root Entry", 5, unused, unused, order[0] + 1 if order else unused, end, 0)
    for index, name in enumerate(names):
        directory += entry(name, 2, unused, right.get(index, unused), unused, starts[index], len(padded[index]))
    directory = directory.ljust(-(-len(directory) // 512) * 512, b"\0")
    assert len(directory) == 512, "one directory sector is enough for test files"
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<9I", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0)
        + b"\xff" * (108 * 4)
    )
    return header + fat_bytes + directory + b"".join(padded)


def make_doc(text: str, compressed: bool = True, encrypted: bool = False) -> bytes:
    """A Word 97 document whose piece table holds ``text`` as one piece ([MS-DOC] FIB and Clx, nothing else)."""
    text_offset = 2048
    fib = bytearray(4096)
    struct.pack_into("<HH", fib, 0, 0xA5EC, 0x00C1)
    struct.pack_into("<H", fib, 0x0A, 0x0200 | (0x0100 if encrypted else 0))  # 1Table, maybe fEncrypted
    struct.pack_into("<H", fib, 32, 14)  # csw, then 14 words
    struct.pack_into("<H", fib, 62, 22)  # cslw, then 22 longs (ccpText is the 4th)
    struct.pack_into("<I", fib, 64 + 3 * 4, len(text))
    struct.pack_into("<H", fib, 152, 93)  # cbRgFcLcb: Word 97's 93 pairs
    encoded = text.encode("cp1252" if compressed else "utf-16-le")
    fib[text_offset : text_offset + len(encoded)] = encoded
    fc = (text_offset * 2) | 0x40000000 if compressed else text_offset
    plcpcd = struct.pack("<2I", 0, len(text)) + struct.pack("<HIH", 0, fc, 0)
    clx = b"\x02" + struct.pack("<I", len(plcpcd)) + plcpcd
    struct.pack_into("<II", fib, 154 + 33 * 8, 0, len(clx))  # fcClx, lcbClx
    return make_cfb({"WordDocument": bytes(fib), "1Table": clx})

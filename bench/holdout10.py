"""Tenth blind holdout: the files the PEOPLE of a hospital leave on a share, organised by who makes them.

Earlier holdouts were organised by document kind; this one follows ten people and their habits, each producing
several kinds in their own folder, positives and near-misses mixed as on a real share: a ward secretary (letters,
reminders, DPI screens pasted into Word, colourful follow-up workbooks, quick notes), a nurse manager (planning,
bed lists, incident notes, orders), a physician (half-filled drafts, personal research sheets, exported lab PDFs,
mails with colleagues), a DIM coder (PMSI exports, coding queries, RUM corrections), an IT technician (logs,
scripts with marked test data, exports, configs), a quality manager (audits, event reports), a social worker
(aid and housing applications), an admissions agent (ID-card OCR, rights checks, admission forms), a pharmacist
(nominative dispensing, stock) and a biomedical engineer (device logs, maintenance).

Labelling rules (what a data-protection officer would conclude):
- health_data: an identifiable patient (name, NIR/INS, or IPP/NDA together with identity) AND health content
  (diagnosis, treatment, result, stay or visit in a care unit, appointment in a specialty), or a health message
  format carrying a patient. Not health: protocols, anonymised statistics, blank templates, stock lists,
  newsletters, staff training, staff without patients, test data marked as such.
- personal_data: any value identifying a person (name, NIR, personal e-mail or phone, a person's IBAN, RPPS).
  Not personal: FINESS, a company IBAN, a switchboard number, a functional mailbox.
- identifier types are expected when a value of the type is present (a switchboard PHONE and a functional mailbox
  EMAIL count); NIR/INS/IPP/NDA/RPPS only with a context word or a structured field; where an INS is present the
  NIR is optional; BIRTH_DATE only when labelled as such or structured; PERSON_NAME for any person's name (staff
  included). Values of test data marked as such are optional (neither expected nor false positives).
- Debatable cases are labelled None (not scored) for health/personal, with their reason at the generator.

File names never hold a name or a number of a person. ``--generate-only DIR`` writes seed 1 (or ``--seed``) without
classifying anything, to look at the files.
"""

from __future__ import annotations

import csv
import io
import json
import random
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import docx
import openpyxl
from faker import Faker
from fpdf import FPDF
from holdout_harness import Doc, main
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import P
from openpyxl.styles import Font, PatternFill
from stdnum import luhn
from stdnum.fr import nir as stdnir

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")  # fmt: skip
SPECIALTIES = ("cardiologie", "pneumologie", "neurologie", "gastro-entérologie", "rhumatologie", "diabétologie",
               "néphrologie", "oncologie", "gériatrie", "dermatologie", "ORL", "urologie")  # fmt: skip
DIAGNOSES = (("insuffisance cardiaque", "I50.0"), ("fibrillation auriculaire", "I48.9"), ("BPCO exacerbée", "J44.1"),
             ("pneumopathie", "J18.9"), ("diabète de type 2 déséquilibré", "E11.9"), ("AVC ischémique", "I63.9"),
             ("insuffisance rénale chronique", "N18.4"), ("cancer du côlon", "C18.9"), ("fracture du col", "S72.0"),
             ("polyarthrite rhumatoïde", "M06.9"), ("cirrhose", "K74.6"), ("épilepsie", "G40.9"))  # fmt: skip
DRUGS = ("Furosémide 40 mg 1 cp/j", "Bisoprolol 2,5 mg le matin", "Apixaban 5 mg x2/j", "Metformine 1000 mg x2/j",
         "Insuline glargine 18 UI/j", "Amoxicilline 1 g x3/j", "Paracétamol 1 g si douleur", "Ramipril 5 mg/j",
         "Lévétiracétam 500 mg x2/j", "Méthotrexate 15 mg/sem")  # fmt: skip
EXAMS = ("IRM cérébrale", "scanner thoracique", "échographie cardiaque", "coloscopie", "EFR", "holter ECG",
         "écho-doppler", "EEG", "fibroscopie", "scintigraphie")  # fmt: skip
LABS = (("Hémoglobine", "g/dL", 9.0, 16.0), ("Créatinine", "µmol/L", 50, 250), ("Potassium", "mmol/L", 3.0, 5.8),
        ("HbA1c", "%", 5.0, 11.0), ("CRP", "mg/L", 1, 180), ("Troponine", "ng/L", 3, 900),
        ("NT-proBNP", "pg/mL", 80, 9000), ("Sodium", "mmol/L", 128, 146))  # fmt: skip
DEVICES = ("pousse-seringue", "pompe volumétrique", "moniteur multiparamétrique", "défibrillateur",
           "ECG 12 dérivations", "lit médicalisé", "aspirateur de mucosités", "respirateur")  # fmt: skip


# ---------------------------------------------------------------------------------------------------- people


@dataclass(slots=True)
class Person:
    sex: str
    first: str
    last: str
    birth: date
    nir: str
    ipp: str
    nda: str
    street: str
    postcode: str
    city: str
    phone: str
    email: str


class World:
    """The seed's random sources and its hospital: every generator draws from here so a seed gives one corpus."""

    def __init__(self, rng: random.Random, seed: int) -> None:
        self.rng = rng
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(seed)
        self.city = self.fake.city()
        self.hospital = rng.choice(("CH", "CHU", "Centre hospitalier", "Hôpital")) + " de " + self.city
        self.domain = "ch-" + plain(self.city).lower().replace(" ", "-").replace("'", "") + ".fr"
        self.switchboard = self.phone(fixed=True)
        dept = f"{rng.randint(1, 95):02d}".replace("20", "21")
        self.finess = luhn_complete(dept + f"{rng.randint(0, 9999999):07d}"[:6])
        self.ipp_prefix = rng.choice(("8", "1", ""))

    def phone(self, fixed: bool = False) -> str:
        r = self.rng
        head = f"0{r.randint(1, 5)}" if fixed else r.choice(("06", "07"))
        digits = head + "".join(str(r.randint(0, 9)) for _ in range(8))
        sep = r.choice((" ", ".", "", "-")) if not fixed else r.choice((" ", "."))
        pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
        if r.random() < 0.15 and not fixed:
            return "+33 " + digits[1] + " " + " ".join(pairs[1:])
        return sep.join(pairs)

    def patient(self, min_year: int = 1928, max_year: int = 2016) -> Person:
        r, f = self.rng, self.fake
        sex = r.choice("FM")
        first = f.first_name_female() if sex == "F" else f.first_name_male()
        last = f.last_name()
        birth = date(r.randint(min_year, max_year), r.randint(1, 12), r.randint(1, 28))
        dept = r.choice([f"{d:02d}" for d in range(1, 96) if d != 20] + ["2A", "2B"])
        place = f"{dept}{r.randint(1, 999):03d}{r.randint(1, 999):03d}"
        body = f"{'2' if sex == 'F' else '1'}{birth.year % 100:02d}{birth.month:02d}{place}"
        nir = body + stdnir.calc_check_digits(body)
        ipp = self.ipp_prefix + "".join(str(r.randint(0, 9)) for _ in range(9 if self.ipp_prefix else 8))
        nda = str(r.randint(2019, 2026)) + "".join(str(r.randint(0, 9)) for _ in range(6))
        mail_user = plain(first).lower() + r.choice((".", "_", "")) + plain(last).lower().replace(" ", "")
        email = (
            mail_user
            + str(r.randint(1, 99)) * r.randint(0, 1)
            + "@"
            + r.choice(("gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr", "sfr.fr"))
        )
        return Person(sex, first, last, birth, nir, ipp, nda, f.street_address(), f.postcode(), f.city(),
                      self.phone(), email)  # fmt: skip

    def staff(self) -> tuple[str, str]:
        """A staff member's (first, last)."""
        return self.fake.first_name(), self.fake.last_name()

    def rpps(self) -> str:
        return luhn_complete("10" + "".join(str(self.rng.randint(0, 9)) for _ in range(8)))

    def person_iban(self) -> str:
        r = self.rng
        bank, branch = f"{r.randint(10000, 30099):05d}", f"{r.randint(0, 99999):05d}"
        account = "".join(str(r.randint(0, 9)) for _ in range(11))
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
        bban = f"{bank}{branch}{account}{key:02d}"
        check = 98 - int(bban + "152700") % 97  # "FR00" moved to the end, letters as numbers (F=15, R=27)
        return f"FR{check:02d}{bban}"

    def date_recent(self) -> date:
        return date(2026, 1, 1) - timedelta(days=self.rng.randint(0, 900))


def luhn_complete(body: str) -> str:
    return body + luhn.calc_check_digit(body)


def plain(text: str) -> str:
    """Without accents, as typed on keyboards or by old software."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fmt_date(d: date, r: random.Random) -> str:
    return r.choice((f"{d:%d/%m/%Y}", f"{d:%d.%m.%Y}", f"{d:%Y-%m-%d}", f"{d.day} {MONTHS[d.month - 1]} {d.year}",
                     f"{d:%d/%m/%y}", f"{d:%d-%m-%Y}"))  # fmt: skip


def fmt_nir(n: str, r: random.Random) -> str:
    return r.choice(
        (
            n,
            f"{n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:10]} {n[10:13]} {n[13:]}",
            f"{n[0]}.{n[1:3]}.{n[3:5]}.{n[5:7]}.{n[7:10]}.{n[10:13]} {n[13:]}",
            f"{n[:13]} {n[13:]}",
        )
    )


def fmt_name(p: Person, r: random.Random, civility: bool = True) -> str:
    civ = ("Mme " if p.sex == "F" else r.choice(("M. ", "Mr ", "Monsieur "))) if civility else ""
    last, first = p.last.upper(), p.first
    if r.random() < 0.3:
        last, first = plain(last), plain(first)
    return civ + r.choice((f"{last} {first}", f"{first} {last}", f"{last} {first}", f"{p.last} {first}"))


def doctor(w: World) -> str:
    first, last = w.staff()
    return w.rng.choice(("Dr ", "Docteur ", "Pr ")) + w.rng.choice((f"{first} {last}", f"{first[0]}. {last.upper()}"))


def diag(r: random.Random) -> tuple[str, str]:
    return r.choice(DIAGNOSES)


def ids(*names: str) -> frozenset[str]:
    return frozenset(n for n in names if n)


# ---------------------------------------------------------------------------------------------------- writers


def _target(root: Path, rel: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def w_text(root: Path, rel: str, text: str, encoding: str = "utf-8") -> None:
    data = text.replace("\n", "\r\n") if encoding in ("cp1252", "utf-16") else text
    _target(root, rel).write_bytes(data.encode(encoding, errors="replace"))


def w_csv(root: Path, rel: str, rows: list[list[object]], delimiter: str = ";", encoding: str = "utf-8") -> None:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    _target(root, rel).write_bytes(buf.getvalue().encode(encoding, errors="replace"))


def w_xlsx(root: Path, rel: str, rows: list[list[object]], title: str | None = None, colours: bool = True,
           sheet: str = "Feuil1", extra: dict[str, list[list[object]]] | None = None) -> None:  # fmt: skip
    """A workbook as people make them: a merged, bold title line, a coloured header, status colours on rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    start = 1
    if title:
        ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=14)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(2, len(rows[0]) if rows else 2))
        start = 3
    fills = [PatternFill("solid", fgColor=c) for c in ("FFF2CC", "E2EFDA", "FCE4D6", "DDEBF7")]
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            cell = ws.cell(row=start + i, column=j + 1, value=value)
            if i == 0:
                cell.font = Font(bold=True)
                if colours:
                    cell.fill = PatternFill("solid", fgColor="BDD7EE")
            elif colours and j == 0:
                cell.fill = fills[i % len(fills)]
    for name, more in (extra or {}).items():
        other = wb.create_sheet(name)
        for row in more:
            other.append(row)
    wb.save(_target(root, rel))


def w_ods(root: Path, rel: str, rows: list[list[object]]) -> None:
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Feuille1")
    for row in rows:
        tr = TableRow()
        for value in row:
            if isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(_target(root, rel)))


def w_docx(root: Path, rel: str, paras: list[str], table: list[list[str]] | None = None) -> None:
    d = docx.Document()
    for i, para in enumerate(paras):
        if i == 0:
            d.add_heading(para, level=1)
        else:
            d.add_paragraph(para)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, value in enumerate(row):
                t.cell(i, j).text = str(value)
    d.save(str(_target(root, rel)))


def w_odt(root: Path, rel: str, paras: list[str], table: list[list[str]] | None = None) -> None:
    doc = OpenDocumentText()
    for para in paras:
        doc.text.addElement(P(text=para))
    if table:
        t = Table(name="Tableau1")
        for row in table:
            tr = TableRow()
            for value in row:
                cell = TableCell()
                cell.addElement(P(text=str(value)))
                tr.addElement(cell)
            t.addElement(tr)
        doc.text.addElement(t)
    doc.save(str(_target(root, rel)))


def w_pdf(root: Path, rel: str, paras: list[str], table: list[list[str]] | None = None) -> None:
    pdf = FPDF()
    pdf.set_creation_date(datetime(2026, 1, 1))
    pdf.add_font("dejavu", fname=str(FONT))
    pdf.set_font("dejavu", size=10)
    pdf.add_page()
    for para in paras:
        pdf.multi_cell(0, 5, para, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    for row in table or []:
        pdf.multi_cell(0, 5, "    ".join(str(v) for v in row), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(_target(root, rel)))


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            code = ch.encode("cp1252", errors="replace")[0]
            out.append(f"\\'{code:02x}")
    return "".join(out)


def w_rtf(root: Path, rel: str, paras: list[str], table: list[list[str]] | None = None) -> None:
    lines = [_rtf_escape(p) for p in paras] + [_rtf_escape("\t".join(map(str, row))) for row in table or []]
    body = "\\par\n".join(lines)
    text = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs22\n" + body + "\\par\n}"
    _target(root, rel).write_bytes(text.encode("ascii"))


def w_html(root: Path, rel: str, paras: list[str], table: list[list[str]] | None = None) -> None:
    from html import escape

    body = "".join(f"<p>{escape(p)}</p>" for p in paras[1:])
    if table:
        rows = "".join("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in row) + "</tr>" for row in table)
        body += f"<table border='1'>{rows}</table>"
    page = f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{escape(paras[0])}</title></head>" \
           f"<body><h1>{escape(paras[0])}</h1>{body}</body></html>"  # fmt: skip
    _target(root, rel).write_text(page, encoding="utf-8")


def w_txt_doc(root: Path, rel: str, paras: list[str], table: list[list[str]] | None = None) -> None:
    lines = paras + ["\t".join(map(str, row)) for row in table or []]
    w_text(root, rel, "\n".join(lines) + "\n", "cp1252" if rel.endswith(".txt") and len(paras) % 2 else "utf-8")


DOC_WRITERS: dict[str, Callable[[Path, str, list[str], list[list[str]] | None], None]] = {
    "docx": w_docx, "odt": w_odt, "pdf": w_pdf, "rtf": w_rtf, "html": w_html, "txt": w_txt_doc,
}  # fmt: skip


def w_doc(root: Path, stem: str, ext: str, paras: list[str], table: list[list[str]] | None = None) -> str:
    rel = f"{stem}.{ext}"
    DOC_WRITERS[ext](root, rel, paras, table)
    return rel


def eml_bytes(sender: str, to: str, subject: str, body: str, when: date,
              attachments: list[tuple[str, bytes]] | None = None) -> bytes:  # fmt: skip
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    msg["Date"] = format_datetime(datetime(when.year, when.month, when.day, 9, 30))
    msg.set_content(body)
    for name, data in attachments or []:
        main, sub = ("text", "plain")
        if name.endswith(".docx"):
            main, sub = "application", "vnd.openxmlformats-officedocument.wordprocessingml.document"
        elif name.endswith(".pdf"):
            main, sub = "application", "pdf"
        if main == "text":
            msg.add_attachment(data.decode("utf-8"), filename=name)
        else:
            msg.add_attachment(data, maintype=main, subtype=sub, filename=name)
    if msg.is_multipart():
        msg.set_boundary("=_lanterne_holdout10_part")  # fixed: a seed gives the same bytes
    return bytes(msg)


def docx_bytes(paras: list[str]) -> bytes:
    d = docx.Document()
    for para in paras:
        d.add_paragraph(para)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------------- content


def consult_letter(w: World, p: Person, signer: str, with_ipp: bool) -> tuple[list[str], frozenset[str]]:
    r = w.rng
    spec = r.choice(SPECIALTIES)
    name, code = diag(r)
    visit = w.date_recent()
    head = [w.hospital, f"Service de {spec} - Secrétariat : {w.switchboard}"]
    found = {"PERSON_NAME", "PHONE", "BIRTH_DATE"}
    if with_ipp:
        head.append(f"IPP : {p.ipp}    N° séjour : {p.nda}")
        found |= {"IPP", "NDA"}
    born = "née le" if p.sex == "F" else "né le"
    paras = [
        f"Consultation de {spec} du {fmt_date(visit, r)}",
        *head,
        f"Objet : {fmt_name(p, r)}, {born} {fmt_date(p.birth, r)}",
        "Cher confrère,",
        f"J'ai revu en consultation votre patient{'e' if p.sex == 'F' else ''} pour le suivi d'un(e) {name}. "
        f"Antécédents : HTA, dyslipidémie. Examen clinique : TA 14/8, auscultation sans particularité.",
        f"Conclusion : {name} ({code}). Traitement poursuivi : {r.choice(DRUGS)} ; {r.choice(DRUGS)}.",
        f"Prochain rendez-vous dans 6 mois avec {r.choice(EXAMS)}.",
        "Bien confraternellement,",
        signer,
    ]
    return paras, frozenset(found)


def blank_letter(w: World, signer: str | None) -> list[str]:
    spec = w.rng.choice(SPECIALTIES)
    paras = [f"Modèle courrier consultation - {spec}", w.hospital, f"Secrétariat : {w.switchboard}",
             "Objet : [NOM PATIENT] [PRENOM], né(e) le [DDN]", "Cher confrère,",
             "J'ai revu en consultation votre patient(e) pour ... . Examen clinique : ...", "Conclusion : ...",
             "Traitement : ...", "Bien confraternellement,"]  # fmt: skip
    return [*paras, signer or "Dr ________________"]


# ---------------------------------------------------------------------------------------------------- 1. secretary


def sec_letters(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "secretaire_courriers"
    for i in range(10):
        ext = r.choice(("docx", "odt", "rtf", "pdf", "docx"))
        stem = f"secretariat/courriers/{'2025' if i % 2 else '2026'}/courrier_{i:03d}"
        if i < 6:
            p = w.patient()
            signer = doctor(w)
            paras, found = consult_letter(w, p, signer, with_ipp=r.random() < 0.5)
            if r.random() < 0.4:
                rpps = w.rpps()
                paras.append(f"RPPS {rpps}")
                found |= {"RPPS"}
            out.append(Doc(w_doc(root, stem, ext, paras), kind, True, True, found))
        elif i < 8:
            signer = doctor(w) if i == 7 else None
            rel = w_doc(root, f"secretariat/modeles/modele_{i:02d}", ext, blank_letter(w, signer))
            out.append(Doc(rel, kind + "_modele", False, signer is not None, ids("PHONE", signer and "PERSON_NAME")))
        elif i == 8:
            # a zip the secretary made to send a batch of letters to the archive
            members: dict[str, bytes] = {}
            found: frozenset[str] = frozenset()
            for j in range(3):
                p = w.patient()
                paras, f = consult_letter(w, p, doctor(w), with_ipp=True)
                members[f"lettre_{j + 1}.docx"] = docx_bytes(paras)
                found |= f
            rel = f"secretariat/archives/envoi_archives_{i}.zip"
            with zipfile.ZipFile(_target(root, rel), "w", zipfile.ZIP_DEFLATED) as z:
                for name, data in members.items():
                    z.writestr(name, data)
            out.append(Doc(rel, kind + "_zip", True, True, found))
        else:
            # a signature-only letter to a supplier: names, no patient
            first, last = w.staff()
            paras = ["Demande de devis", w.hospital, f"Standard : {w.switchboard}",
                     "Madame, Monsieur, merci de nous faire parvenir un devis pour 5 fauteuils de salle d'attente.",
                     f"{first} {last.upper()}, secrétaire médicale"]  # fmt: skip
            out.append(Doc(w_doc(root, f"secretariat/divers/devis_{i}", ext, paras), kind + "_devis", False, True,
                           ids("PHONE", "PERSON_NAME")))  # fmt: skip
    return out


def sec_reminders(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "secretaire_rappels"
    for i in range(10):
        enc = r.choice(("utf-8", "cp1252", "utf-16"))
        when = w.date_recent() + timedelta(days=400)
        if i < 7:
            p = w.patient()
            spec = r.choice(SPECIALTIES)
            hour = f"{r.randint(8, 17)}h{r.choice(('00', '15', '30', '45'))}"
            if i % 3 == 2:
                sender = f"secretariat.{plain(spec).lower().replace(' ', '')}@{w.domain}"
                body = (
                    f"Bonjour {fmt_name(p, r)},\n\nNous vous rappelons votre rendez-vous de {spec} le "
                    f"{fmt_date(when, r)} à {hour} ({r.choice(EXAMS)}). Merci d'apporter votre carte Vitale et "
                    f"vos derniers résultats.\n\nSecrétariat de {spec}\n{w.hospital} - {w.switchboard}\n"
                )
                rel = f"secretariat/rappels/rappel_{i:02d}.eml"
                _target(root, rel).write_bytes(eml_bytes(sender, p.email, f"Rappel de rendez-vous {spec}", body, when))
                out.append(Doc(rel, kind + "_mail", True, True, ids("PERSON_NAME", "EMAIL", "PHONE")))
            else:
                text = (
                    f"RAPPEL RDV - {spec.upper()}\n\nPat. : {fmt_name(p, r)}\nTel : {p.phone}\n"
                    f"RDV le {fmt_date(when, r)} a {hour}\nMotif : {r.choice(EXAMS)} de controle\n"
                    f"SMS envoye : {'oui' if r.random() < 0.5 else 'non'}\n"
                )
                rel = f"secretariat/rappels/rappel_{i:02d}.txt"
                w_text(root, rel, text, enc)
                out.append(Doc(rel, kind, True, True, ids("PERSON_NAME", "PHONE")))
        elif i < 8:
            spec = r.choice(SPECIALTIES)
            text = (
                f"Madame, Monsieur,\n\nVous avez rendez-vous le ____/____/______ à ____h____ en consultation de "
                f"{spec}.\nEn cas d'empêchement, merci de prévenir le secrétariat au {w.switchboard}.\n"
                f"Pensez à apporter votre carte Vitale et votre ordonnance.\n"
            )
            rel = f"secretariat/rappels/modele_rappel_{i:02d}.txt"
            w_text(root, rel, text, enc)
            out.append(Doc(rel, kind + "_modele", False, False, ids("PHONE")))
        else:
            names = [" ".join(w.staff()) for _ in range(3)]
            text = (
                f"Rappel : réunion de service le {fmt_date(when, r)} à 14h, salle du 3e.\nPrésents : "
                f"{', '.join(names)}.\nOrdre du jour : congés d'été, nouveau logiciel de rendez-vous.\n"
            )
            rel = f"secretariat/rappels/reunion_{i:02d}.txt"
            w_text(root, rel, text, enc)
            out.append(Doc(rel, kind + "_reunion", False, True, ids("PERSON_NAME")))
    return out


def sec_dpi_paste(root: Path, w: World) -> list[Doc]:
    """Screens of the DPI copied into Word: labels and values in separate cells or on the next line."""
    r, out, kind = w.rng, [], "secretaire_copie_dpi"
    for i in range(10):
        ext = r.choice(("docx", "docx", "odt"))
        stem = f"secretariat/copies_ecran/capture_{i:02d}"
        if i < 8:
            p = w.patient()
            name, code = diag(r)
            uf = r.choice(SPECIALTIES)
            with_ins = r.random() < 0.4
            fields = [("Nom de naissance", p.last.upper()), ("Prénom(s)", p.first),
                      ("Date de naissance" if r.random() < 0.5 else "DDN", fmt_date(p.birth, r)),
                      ("Sexe", p.sex), ("IPP", p.ipp), ("N° de séjour (NDA)", p.nda),
                      ("Matricule INS" if with_ins else r.choice(("N° SS", "NSS", "N° sécurité sociale")),
                       fmt_nir(p.nir, r)),
                      ("UF d'hébergement", uf.upper()), ("Date d'entrée", fmt_date(w.date_recent(), r)),
                      ("Motif", f"{name} - {code}"), ("Tél. domicile", p.phone)]  # fmt: skip
            if with_ins:
                fields.insert(7, ("OID", "1.2.250.1.213.1.4.8"))
            found = ids("PERSON_NAME", "BIRTH_DATE", "IPP", "NDA", "PHONE", "INS" if with_ins else "NIR")
            opt = ids("NIR") if with_ins else frozenset()
            if i % 2:
                rel = w_doc(root, stem, ext, ["Copie écran DPI - identité / venue", "Écran Dossier patient"],
                            [[k, v] for k, v in fields])  # fmt: skip
            else:
                lines = ["Copie écran DPI"]
                for k, v in fields:
                    lines += [k, v]
                rel = w_doc(root, stem, ext, lines)
            out.append(Doc(rel, kind, True, True, found, opt))
        elif i == 8:
            fields = [["Nom", "TEST"], ["Prénom", "PATIENT-FORMATION"], ["IPP", "999000123"],
                      ["Date de naissance", "01/01/1970"], ["UF", "UF TEST 9999"]]  # fmt: skip
            rel = w_doc(root, stem, ext, ["Environnement de FORMATION - patient fictif de test",
                                          "Données de test, aucun patient réel."], fields)  # fmt: skip
            out.append(Doc(rel, kind + "_test", False, False, frozenset(),
                           ids("IPP", "PERSON_NAME", "BIRTH_DATE")))  # fmt: skip
        else:
            paras = ["Guide DPI : créer une venue", "1. Rechercher le patient par nom, prénom et date de naissance.",
                     "2. Vérifier l'identité (INS qualifiée) avant toute création.",
                     "3. Saisir l'UF d'hébergement et la date d'entrée, puis valider.",
                     "En cas de doublon, contacter la cellule d'identitovigilance."]  # fmt: skip
            out.append(Doc(w_doc(root, stem, ext, paras), kind + "_guide", False, False))
    return out


def sec_tracking(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "secretaire_tableau_suivi"
    for i in range(10):
        if i < 7:
            header = r.choice(
                (
                    ["NOM", "Prénom", "DDN", "IPP", "Date RDV", "Examen", "Statut"],
                    ["Patient", "Né(e) le", "N° IPP", "RDV", "Exam", "Etat", "Remarque"],
                    ["Name", "First name", "Date of birth", "Patient ID", "Appointment", "Exam", "Status"],
                )
            )
            rows = [header]
            for _ in range(r.randint(4, 12)):
                p = w.patient()
                ex, status = r.choice(EXAMS), r.choice(("fait", "à programmer", "annulé", "CR reçu"))
                when = fmt_date(w.date_recent(), r)
                if header[0] == "Patient":
                    rows.append([fmt_name(p, r, civility=False), fmt_date(p.birth, r), p.ipp, when, ex, status, ""])
                else:
                    rows.append([p.last.upper(), p.first, fmt_date(p.birth, r), p.ipp, when, ex, status])
            found = ids("PERSON_NAME", "BIRTH_DATE", "IPP")
        elif i < 8:
            rows = [["NOM", "Prénom", "DDN", "IPP", "Date RDV", "Examen", "Statut"]] + [[""] * 7 for _ in range(5)]
            found = frozenset()
        else:
            rows = [["Mois", "RDV pris", "RDV honorés", "Annulations", "Délai moyen (j)"]]
            for m in range(1, 13):
                rows.append([MONTHS[m - 1], r.randint(80, 300), r.randint(60, 280), r.randint(0, 30), r.randint(5, 60)])
            found = frozenset()
        positive = i < 7
        title = f"Tableau de suivi {r.choice(SPECIALTIES)} {2025 + i % 2}"
        if i % 3 == 2:
            rel = f"secretariat/suivi/suivi_{i:02d}.ods"
            w_ods(root, rel, [[title], *rows])
        else:
            rel = f"secretariat/suivi/suivi_{i:02d}.xlsx"
            w_xlsx(root, rel, rows, title=title)
        label = kind if positive else kind + ("_vide" if i < 8 else "_stats")
        out.append(Doc(rel, label, positive, positive, found))
    return out


def sec_notes(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "secretaire_notes"
    for i in range(10):
        enc = r.choice(("utf-8", "cp1252", "cp1252", "utf-16"))
        rel = f"secretariat/notes/note_{i:02d}.txt"
        if i < 6:
            p = w.patient()
            variant = i % 3
            if variant == 0:
                text = (
                    f"rappeler {fmt_name(p, r)} au {p.phone} pour decaler son {r.choice(EXAMS)} du "
                    f"{fmt_date(w.date_recent(), r)}\n"
                )
                found = ids("PERSON_NAME", "PHONE")
            elif variant == 1:
                text = (
                    f"- {fmt_name(p, r)} : ordonnance {r.choice(DRUGS)} a refaire, voir Dr avec le dossier\n"
                    f"- tel {p.phone}\n"
                )
                found = ids("PERSON_NAME", "PHONE")
            else:
                text = (
                    f"URGENT {p.last.upper()} (DDN {fmt_date(p.birth, r)}) : resultats {r.choice(LABS)[0]} a "
                    f"faxer au medecin traitant, hospit en {r.choice(SPECIALTIES)}\n"
                )
                found = ids("PERSON_NAME", "BIRTH_DATE")
            w_text(root, rel, text, enc)
            out.append(Doc(rel, kind, True, True, found))
        elif i < 8:
            text = r.choice(
                (
                    "commander toner + enveloppes A4\nreunion de service jeudi 14h\n",
                    "code photocopieuse : 4521\nconges : du 3 au 17 aout\n",
                    f"numero standard : {w.switchboard}\nfax service : {w.phone(fixed=True)}\n",
                )
            )
            w_text(root, rel, text, enc)
            out.append(Doc(rel, kind + "_divers", False, False, ids("PHONE" if "standard" in text else "")))
        else:
            _, last = w.staff()
            text = f"rappeler Dr {last} ({r.choice(SPECIALTIES)}) pour la reunion de jeudi, portable {w.phone()}\n"
            w_text(root, rel, text, enc)
            out.append(Doc(rel, kind + "_staff", False, True, ids("PERSON_NAME", "PHONE")))
    return out


# ---------------------------------------------------------------------------------------------------- 2. nurse manager


def mgr_planning(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "cadre_planning"
    for i in range(10):
        if i >= 8:
            # a "planning des soins" of the day: patients, rooms and the care to give
            rows = [["Ch.", "Patient", "Soins", "Heure", "IDE"]]
            for _ in range(r.randint(6, 12)):
                q = w.patient(1930, 1980)
                rows.append([r.randint(100, 130), fmt_name(q, r), r.choice(("pansement", "glycémie capillaire",
                             "bilan sanguin", "perfusion antibiotique", "aérosol")), f"{r.randint(6, 22)}h",
                             r.choice(("IDE 1", "IDE 2", "IDE 3"))])  # fmt: skip
            rel = f"cadre/planning/soins_du_jour_{i:02d}.xlsx"
            w_xlsx(root, rel, rows, title="Planning des soins")
            out.append(Doc(rel, kind + "_soins", True, True, ids("PERSON_NAME")))
            continue
        named = i < 6
        header = ["Agent", "Grade"] + [f"{d:02d}/03" for d in range(1, 15)]
        rows = [header]
        for k in range(r.randint(6, 14)):
            first, last = w.staff()
            who = f"{last.upper()} {first}" if named else f"IDE {k + 1}"
            rows.append([who, r.choice(("IDE", "AS", "ASH", "IDE nuit"))] + [r.choice("MSNR") for _ in range(14)])
        with_phone = named and i % 3 == 0
        if with_phone:
            header.append("Portable")
            for row in rows[1:]:
                row.append(w.phone())
        rel_ext = r.choice(("xlsx", "xlsx", "ods", "csv"))
        rel = f"cadre/planning/planning_{i:02d}.{rel_ext}"
        if rel_ext == "xlsx":
            w_xlsx(root, rel, rows, title="Planning équipe soignante - mars")
        elif rel_ext == "ods":
            w_ods(root, rel, rows)
        else:
            w_csv(root, rel, rows, r.choice((";", "\t", ",")), r.choice(("utf-8", "cp1252")))
        out.append(Doc(rel, kind if named else kind + "_anonyme", False, named,
                       ids("PERSON_NAME" if named else "", "PHONE" if with_phone else "")))  # fmt: skip
    return out


def mgr_beds(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "cadre_lits"
    for i in range(10):
        ext = r.choice(("csv", "csv", "xlsx", "txt"))
        rel = f"cadre/lits/lits_{i:02d}.{ext}"
        if i < 7:
            header = r.choice(
                (
                    ["Ch", "Lit", "Patient", "Né(e) le", "Entrée", "Motif", "Régime"],
                    ["Room", "Bed", "Patient", "DOB", "Admission", "Diagnosis", "Diet"],
                )
            )
            rows = [header]
            for room in range(1, r.randint(6, 14)):
                p = w.patient(1930, 1990)
                rows.append(
                    [
                        100 + room,
                        r.choice("AB"),
                        fmt_name(p, r),
                        fmt_date(p.birth, r),
                        fmt_date(w.date_recent(), r),
                        diag(r)[0],
                        r.choice(("normal", "diabétique", "sans sel")),
                    ]
                )
            found, pos = ids("PERSON_NAME", "BIRTH_DATE"), True
        elif i < 8:
            rows = [["Ch", "Lit", "Etat", "Ménage"]] + [
                [100 + k, r.choice("AB"), r.choice(("libre", "occupé", "bloqué")), r.choice(("fait", "à faire"))]
                for k in range(12)
            ]
            found, pos = frozenset(), False
        else:
            rows = [["Service", "Lits installés", "Lits occupés", "Taux %"]]
            for s in r.sample(SPECIALTIES, 5):
                a = r.randint(10, 40)
                b = r.randint(5, a)
                rows.append([s, a, b, round(100 * b / a, 1)])
            found, pos = frozenset(), False
        if ext == "xlsx":
            w_xlsx(root, rel, rows, title=f"Occupation {r.choice(SPECIALTIES)}")
        elif ext == "txt":
            w_text(root, rel, "\n".join("\t".join(map(str, row)) for row in rows) + "\n", r.choice(("cp1252", "utf-8")))
        else:
            w_csv(root, rel, rows, r.choice((";", ",", "\t")), r.choice(("utf-8", "cp1252")))
        out.append(Doc(rel, kind if pos else kind + "_sans_patient", pos, pos, found))
    return out


def mgr_incidents(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "cadre_incidents"
    for i in range(10):
        ext = r.choice(("docx", "txt", "odt"))
        stem = f"cadre/incidents/incident_{i:02d}"
        first, last = w.staff()
        when = fmt_date(w.date_recent(), r)
        if i < 6:
            p = w.patient(1925, 1960)
            paras = [f"Note d'incident du {when}",
                     f"Chute de {fmt_name(p, r)} (ch. {r.randint(100, 130)}), {r.randint(70, 98)} ans, hospitalisé(e) "
                     f"pour {diag(r)[0]}, retrouvé(e) au sol à 3h15 par l'IDE de nuit {first} {last}.",
                     "Constantes stables, pas de plaie, radio du bassin demandée. Famille prévenue.",
                     "Mesures : barrières, surveillance renforcée."]  # fmt: skip
            out.append(Doc(w_doc(root, stem, ext, paras), kind, True, True, ids("PERSON_NAME")))
        elif i < 8:
            paras = [f"Note d'incident du {when}",
                     f"Conflit entre deux agents ({first} {last} et {' '.join(w.staff())}) au sujet des "
                     "échanges de planning. Entretien prévu avec la direction des soins."]  # fmt: skip
            out.append(Doc(w_doc(root, stem, ext, paras), kind + "_personnel", False, True, ids("PERSON_NAME")))
        else:
            paras = [f"Incident matériel du {when}",
                     f"Panne du {r.choice(DEVICES)} n° série SN{r.randint(100000, 999999)} en salle de soins. "
                     "Matériel retiré et envoyé au biomédical. Aucun patient concerné."]  # fmt: skip
            out.append(Doc(w_doc(root, stem, ext, paras), kind + "_materiel", False, False))
    return out


def mgr_orders(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "cadre_commandes"
    for i in range(10):
        supplier = w.fake.company()
        iban = w.person_iban()  # a company account: same shape, not personal
        rows = [["Réf.", "Désignation", "Qté", "PU HT"]] + [
            [f"REF{r.randint(1000, 9999)}", r.choice(("gants nitrile M", "compresses 10x10", "seringues 10 mL",
                                                      "tubulures", "bas de contention T2", "draps jetables")),
             r.randint(1, 50), round(r.uniform(1, 90), 2)] for _ in range(r.randint(3, 8))]  # fmt: skip
        paras = [
            f"Bon de commande n° {2026000 + i}",
            w.hospital,
            f"FINESS : {w.finess}",
            f"Standard : {w.switchboard}",
            f"Fournisseur : {supplier}",
            f"IBAN fournisseur : {iban}",
        ]
        found = {"FINESS", "IBAN", "PHONE"}
        personal = health = False
        label = kind
        if i in (3, 4, 5):
            first, last = w.staff()
            paras.append(f"Demandeur : {first} {last.upper()}, cadre de santé")
            found.add("PERSON_NAME")
            personal, label = True, kind + "_signe"
        elif i == 9:
            p = w.patient(1930, 1960)
            paras.append(
                f"Commande urgente de bas de contention sur mesure pour {fmt_name(p, r)}, hospitalisé(e) "
                f"en {r.choice(SPECIALTIES)} pour phlébite, chambre {r.randint(100, 130)}."
            )
            found.add("PERSON_NAME")
            personal = health = True
            label = kind + "_patient"
        ext = r.choice(("pdf", "pdf", "docx", "xlsx"))
        stem = f"cadre/commandes/commande_{i:02d}"
        if ext == "xlsx":
            rel = stem + ".xlsx"
            w_xlsx(root, rel, [[p_] for p_ in paras] + rows, colours=False)
        else:
            rel = w_doc(root, stem, ext, paras, rows)
        out.append(Doc(rel, label, health, personal, frozenset(found)))
    return out


# ---------------------------------------------------------------------------------------------------- 3. physician


def doc_drafts(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "medecin_brouillons"
    for i in range(10):
        ext = r.choice(("docx", "docx", "odt", "rtf"))
        stem = f"dr/brouillons/brouillon_{i:02d}"
        spec = r.choice(SPECIALTIES)
        if i < 6:
            p = w.patient()
            name, code = diag(r)
            paras = [f"CRH {spec} - BROUILLON",
                     f"Patient : {fmt_name(p, r)}", f"Date de naissance : {fmt_date(p.birth, r)}",
                     f"Hospitalisé(e) du {fmt_date(w.date_recent(), r)} au [DATE SORTIE]",
                     f"Motif d'hospitalisation : {name}",
                     "Antécédents : [à compléter]", "Histoire de la maladie : ",
                     f"Examens complémentaires : {r.choice(EXAMS)} [résultat à récupérer]",
                     f"Au total : {name} ({code}) / [autre diagnostic ?]",
                     "Traitement de sortie : [TRAITEMENT]"]  # fmt: skip
            out.append(Doc(w_doc(root, stem, ext, paras), kind, True, True, ids("PERSON_NAME", "BIRTH_DATE")))
        elif i < 8:
            paras = [
                f"CRH {spec} - MODELE",
                "Patient : [NOM Prénom]",
                "Date de naissance : [JJ/MM/AAAA]",
                "Hospitalisé(e) du [DATE] au [DATE]",
                "Motif d'hospitalisation : ",
                "Antécédents : ",
                "Histoire de la maladie : ",
                "Examen clinique : ",
                "Au total : ",
                "Traitement de sortie : ",
            ]
            out.append(Doc(w_doc(root, stem, ext, paras), kind + "_modele", False, False))
        else:
            name, _ = diag(r)
            paras = [f"Notes pour le staff d'enseignement - {name}",
                     f"Épidémiologie, critères diagnostiques, prise en charge de la {name}.",
                     f"Traitement de référence : {r.choice(DRUGS)}. "
                     f"Surveillance : {r.choice(LABS)[0]} tous les 3 mois.",
                     "Cas cliniques à présenter : 2 (anonymisés)."]  # fmt: skip
            out.append(Doc(w_doc(root, stem, ext, paras), kind + "_enseignement", False, False))
    return out


def doc_research(root: Path, w: World) -> list[Doc]:
    """Personal research sheets. Initials + full birth date without IPP are pseudonymous: labelled None (debatable)."""
    r, out, kind = w.rng, [], "medecin_recherche"
    for i in range(10):
        mode = ("ipp", "ipp", "ipp", "ipp", "initiales", "initiales", "anonyme", "anonyme", "anonyme", "nom")[i]
        header = {"ipp": ["Initiales", "DDN", "IPP", "Diagnostic", "Date diag", "Traitement", "HbA1c"],
                  "initiales": ["Init.", "Date naissance", "Sexe", "Diag", "Inclusion", "Ttt", "Résultat"],
                  "anonyme": ["N° inclusion", "Âge", "Sexe", "Diagnostic", "Traitement", "Évolution"],
                  "nom": ["Nom", "Prénom", "DDN", "Diagnostic", "Traitement", "Suivi"]}[mode]  # fmt: skip
        rows = [header]
        for k in range(r.randint(8, 25)):
            p = w.patient(1940, 2000)
            dg, tt = diag(r)[0], r.choice(DRUGS)
            init = f"{p.last[0]}.{p.first[0]}." if r.random() < 0.5 else f"{p.last[:2].upper()}{p.first[0]}"
            if mode == "ipp":
                rows.append([init, fmt_date(p.birth, r), p.ipp, dg, fmt_date(w.date_recent(), r), tt,
                             round(r.uniform(5.5, 11), 1)])  # fmt: skip
            elif mode == "initiales":
                rows.append([init, fmt_date(p.birth, r), p.sex, dg, fmt_date(w.date_recent(), r), tt,
                             r.choice(("RC", "RP", "stable", "progression"))])  # fmt: skip
            elif mode == "anonyme":
                rows.append([f"PAT-{k + 1:03d}", 2026 - p.birth.year, p.sex, dg, tt,
                             r.choice(("favorable", "stable", "décès"))])  # fmt: skip
            else:
                rows.append([p.last.upper(), p.first, fmt_date(p.birth, r), dg, tt, r.choice(("M3", "M6", "M12"))])
        ext = r.choice(("xlsx", "xlsx", "ods", "csv"))
        rel = f"dr/recherche/cohorte_{i:02d}.{ext}"
        if ext == "xlsx":
            w_xlsx(root, rel, rows, title="Cohorte - fichier perso (ne pas diffuser)")
        elif ext == "ods":
            w_ods(root, rel, rows)
        else:
            w_csv(root, rel, rows, r.choice((";", ",")), "utf-8")
        if mode == "ipp":
            out.append(Doc(rel, kind + "_ipp", True, True, ids("BIRTH_DATE", "IPP")))
        elif mode == "initiales":
            out.append(Doc(rel, kind + "_initiales", None, None, ids("BIRTH_DATE")))
        elif mode == "anonyme":
            out.append(Doc(rel, kind + "_anonyme", False, False))
        else:
            out.append(Doc(rel, kind + "_noms", True, True, ids("PERSON_NAME", "BIRTH_DATE")))
    return out


def doc_lab_pdf(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "medecin_resultats_pdf"
    for i in range(10):
        stem = f"dr/resultats/export_{i:02d}"
        if i < 7:
            p = w.patient()
            paras = [f"Laboratoire de biologie médicale - {w.hospital}", f"Tél. laboratoire : {w.switchboard}",
                     f"Patient : {fmt_name(p, r)}", f"Né(e) le : {fmt_date(p.birth, r)}", f"IPP : {p.ipp}",
                     f"N° de demande : {r.randint(10**9, 10**10 - 1)}   Prélevé le {fmt_date(w.date_recent(), r)}",
                     f"Prescripteur : {doctor(w)} ({r.choice(SPECIALTIES)})"]  # fmt: skip
            found = {"PERSON_NAME", "BIRTH_DATE", "IPP", "PHONE"}
            if r.random() < 0.4:
                paras.append(f"N° SS : {fmt_nir(p.nir, r)}")
                found.add("NIR")
            table = [["Analyse", "Résultat", "Unité", "Valeurs de référence"]]
            for a, unit, lo, hi in r.sample(LABS, 5):
                table.append([a, f"{r.uniform(lo, hi):.1f}", unit, f"{lo}-{hi}"])
            out.append(Doc(w_doc(root, stem, "pdf", paras, table), kind, True, True, frozenset(found)))
        elif i < 9:
            paras = ["Valeurs de référence adulte", f"Laboratoire - {w.hospital}", f"Contact : {w.switchboard}"]
            table = [["Analyse", "Unité", "Homme", "Femme"]] + [
                [a, u, f"{lo}-{hi}", f"{lo}-{hi}"] for a, u, lo, hi in LABS
            ]
            out.append(Doc(w_doc(root, stem, "pdf", paras, table), kind + "_references", False, False, ids("PHONE")))
        else:
            paras = ["Résultats contrôle qualité interne", "Automate : lot CQ 4512, niveau 1 et 2",
                     "Toutes les valeurs dans les limites (règles de Westgard)."]  # fmt: skip
            table = [["Analyse", "Niveau 1", "Niveau 2"]] + [[a, f"{lo:.1f}", f"{hi:.1f}"] for a, _, lo, hi in LABS]
            out.append(Doc(w_doc(root, stem, "pdf", paras, table), kind + "_cq", False, False))
    return out


def doc_mails(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "medecin_mails"
    for i in range(10):
        rel = f"dr/mails/message_{i:02d}.eml"
        f1, l1 = w.staff()
        f2, l2 = w.staff()
        a = f"Dr {f1} {l1} <{plain(f1).lower()}.{plain(l1).lower().replace(' ', '')}@{w.domain}>"
        b = f"{f2} {l2} <{plain(f2).lower()}.{plain(l2).lower().replace(' ', '')}@{w.domain}>"
        when = w.date_recent()
        if i < 6:
            p = w.patient()
            name = diag(r)[0]
            age = 2026 - p.birth.year
            body = (
                f"Salut {f2},\n\nJe t'adresse {fmt_name(p, r)}, {age} ans, "
                f"{'IPP ' + p.ipp + ', ' if i % 2 else ''}pour avis sur sa {name}. Elle/il est sous "
                f"{r.choice(DRUGS)}, dernière {r.choice(LABS)[0]} élevée. Tu peux la/le voir cette semaine ?\n\n"
                f"Merci, {f1}\n"
            )
            found = {"PERSON_NAME", "EMAIL"} | ({"IPP"} if i % 2 else set())
            attach = None
            if i in (2, 5):
                pp, ff = consult_letter(w, p, f"Dr {f1} {l1}", with_ipp=False)
                attach = [("courrier.docx", docx_bytes(pp))]
                found |= ff
            data = eml_bytes(a, b, r.choice(("avis", "Re: patiente vue ce matin", "demande d'avis urgent")), body,
                             when, attach)  # fmt: skip
            out.append(Doc(rel, kind, True, True, frozenset(found)))
        elif i < 9:
            body = (
                f"Bonjour à tous,\n\nLe staff du jeudi est déplacé à 13h30 salle B. Ordre du jour : bibliographie "
                f"et organisation des gardes de {MONTHS[r.randint(0, 11)]}.\n\n{f1} {l1}\n"
            )
            data = eml_bytes(a, b, "staff déplacé", body, when)
            out.append(Doc(rel, kind + "_organisation", False, True, ids("PERSON_NAME", "EMAIL")))
        else:
            body = (
                "Lettre d'information n° 42 : nouvelles recommandations sur la prise en charge de l'insuffisance "
                "cardiaque, webinaire le 12 du mois. Pour vous désinscrire, répondez STOP.\n"
            )
            data = eml_bytes(f"newsletter@societe-savante-{r.randint(1, 9)}.org", f"secretariat.medecine@{w.domain}",
                             "Lettre d'information", body, when)  # fmt: skip
            out.append(Doc(rel, kind + "_newsletter", False, False, ids("EMAIL")))
        _target(root, rel).write_bytes(data)
    return out


# ---------------------------------------------------------------------------------------------------- 4. DIM coder


def dim_exports(root: Path, w: World) -> list[Doc]:
    """PMSI exports. A RUM line with NDA + birth date is labelled health (NDA linkable, birth date an identity
    trait): debatable, as the rules name IPP/NDA "with identity" and a RUM has no name."""
    r, out, kind = w.rng, [], "dim_exports_pmsi"
    for i in range(10):
        mode = ("rum", "rum", "rum", "nom", "nom", "nom", "rsa", "rsa", "ghm", "ghm")[i]
        rel_dir = "dim/exports"
        if mode == "rum":
            lines = ["N_RSS   N_ADMINISTRATIF_NDA  DDN      S UM   ENTREE   SORTIE   DP      ACTE"]
            for _ in range(r.randint(10, 30)):
                p = w.patient()
                entry = w.date_recent()
                dp = diag(r)[1].replace(".", "")
                leave = entry + timedelta(days=r.randint(1, 20))
                lines.append(
                    f"{r.randint(1, 10**6):07d} {p.nda:<20} {p.birth:%d%m%Y} {1 if p.sex == 'M' else 2} "
                    f"{r.randint(1000, 9999)} {entry:%d%m%Y} {leave:%d%m%Y} {dp:<8}"
                    f"{r.choice(('DEQP003', 'ZBQK002', 'EQQP004', 'YYYY600'))}"
                )
            rel = f"{rel_dir}/rum_{i:02d}.txt"
            w_text(root, rel, "\n".join(lines) + "\n", "ascii")
            out.append(Doc(rel, kind + "_rum_fixe", True, True, ids("NDA", "BIRTH_DATE")))
        elif mode == "nom":
            header = ["NDA", "IPP", "NOM", "PRENOM", "DDN", "UM", "Entrée", "Sortie", "DP", "DAS", "GHM"]
            rows = [header]
            for _ in range(r.randint(8, 20)):
                p = w.patient()
                e = w.date_recent()
                rows.append([p.nda, p.ipp, p.last.upper(), p.first, fmt_date(p.birth, r), r.randint(1000, 9999),
                             fmt_date(e, r), fmt_date(e + timedelta(days=3), r), diag(r)[1], diag(r)[1],
                             f"0{r.randint(1, 9)}M{r.randint(10, 99)}{r.choice('1234')}"])  # fmt: skip
            rel = f"{rel_dir}/controle_sejours_{i:02d}.csv"
            w_csv(root, rel, rows, r.choice((";", "\t")), "cp1252")
            out.append(Doc(rel, kind + "_nominatif", True, True, ids("NDA", "IPP", "PERSON_NAME", "BIRTH_DATE")))
        elif mode == "rsa":
            rows = [["num_rsa", "age_annees", "sexe", "duree_sejour", "dp", "ghm", "ghs"]]
            for k in range(r.randint(20, 40)):
                rows.append(
                    [
                        k + 1,
                        r.randint(1, 99),
                        r.choice("12"),
                        r.randint(0, 30),
                        diag(r)[1],
                        f"0{r.randint(1, 9)}M{r.randint(10, 99)}{r.choice('1234')}",
                        r.randint(1000, 9999),
                    ]
                )
            rel = f"{rel_dir}/rsa_anonyme_{i:02d}.csv"
            w_csv(root, rel, rows, ",", "utf-8")
            out.append(Doc(rel, kind + "_rsa_anonyme", False, False))
        else:
            rows = [["GHM", "Libellé", "Nb séjours", "DMS", "Valorisation €"]]
            for _ in range(15):
                rows.append(
                    [
                        f"0{r.randint(1, 9)}M{r.randint(10, 99)}{r.choice('1234')}",
                        diag(r)[0],
                        r.randint(5, 400),
                        round(r.uniform(1, 15), 1),
                        r.randint(10000, 900000),
                    ]
                )
            rel = f"{rel_dir}/activite_ghm_{i:02d}.xlsx"
            w_xlsx(root, rel, rows, title="Activité par GHM - 2025")
            out.append(Doc(rel, kind + "_agrege", False, False))
    return out


def dim_queries(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "dim_demandes_codage"
    for i in range(10):
        f1, l1 = w.staff()
        when = w.date_recent()
        if i < 7:
            p = w.patient()
            (n1, c1), (n2, c2) = diag(r), diag(r)
            text = (
                f"Dr {l1},\n\nConcernant le séjour NDA {p.nda} de {fmt_name(p, r)} "
                f"en {r.choice(SPECIALTIES)} du {fmt_date(when, r)} : le DP codé est {c1} ({n1}). "
                f"Le compte rendu évoque aussi une {n2} ({c2}) : pouvez-vous confirmer le DAS ?\n\n"
                f"Merci, le DIM (poste 4521)\n"
            )
            if i % 2:
                rel = f"dim/demandes/demande_{i:02d}.eml"
                to = f"{plain(f1).lower()}.{plain(l1).lower().replace(' ', '')}@{w.domain}"
                data = eml_bytes(f"dim@{w.domain}", to, "Question de codage", text, when)
                _target(root, rel).write_bytes(data)
                out.append(Doc(rel, kind + "_mail", True, True, ids("NDA", "PERSON_NAME", "EMAIL")))
            else:
                rel = w_doc(root, f"dim/demandes/demande_{i:02d}", r.choice(("docx", "txt")), text.split("\n\n"))
                out.append(Doc(rel, kind, True, True, ids("NDA", "PERSON_NAME")))
        elif i < 9:
            paras = ["Rappel des règles de codage du DP",
                     "Le DP est le problème de santé qui a motivé l'admission, déterminé à la sortie.",
                     "Exemple : une insuffisance cardiaque décompensée se code I50.0 ; les DAS doivent être documentés "
                     "dans le dossier.", "Contact : cellule DIM, boîte fonctionnelle dim@" + w.domain]  # fmt: skip
            rel = w_doc(root, f"dim/demandes/regles_codage_{i:02d}", r.choice(("docx", "pdf", "html")), paras)
            out.append(Doc(rel, kind + "_regles", False, False, ids("EMAIL")))
        else:
            paras = ["Relances codage - bilan mensuel", "Séjours non codés à J+30 : 42 (cardiologie 12, "
                     "pneumologie 9, gériatrie 21).", "Taux d'exhaustivité : 96,4 %."]  # fmt: skip
            rel = w_doc(root, f"dim/demandes/bilan_{i:02d}", "docx", paras)
            out.append(Doc(rel, kind + "_bilan", False, False))
    return out


def dim_corrections(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "dim_corrections_rum"
    for i in range(10):
        ext = r.choice(("xlsx", "ods", "xlsx"))
        rel = f"dim/corrections/corrections_{i:02d}.{ext}"
        if i < 6:
            rows = [
                r.choice(
                    (
                        ["N° séjour", "Patient", "UM", "DP initial", "DP corrigé", "Motif"],
                        ["Stay ID", "Patient name", "Unit", "Initial PD", "Corrected PD", "Reason"],
                    )
                )
            ]
            for _ in range(r.randint(5, 15)):
                p = w.patient()
                rows.append(
                    [
                        p.nda,
                        fmt_name(p, r, civility=False),
                        r.randint(1000, 9999),
                        diag(r)[1],
                        diag(r)[1],
                        r.choice(("DP imprécis", "inversion DP/DAS", "comorbidité oubliée", "acte manquant")),
                    ]
                )
            found, pos = ids("NDA", "PERSON_NAME"), True
        else:
            rows = [["UM", "RUM corrigés", "Impact €", "Motif principal"]]
            for _ in range(8):
                rows.append([r.randint(1000, 9999), r.randint(1, 40), r.randint(-5000, 30000), "DP imprécis"])
            found, pos = frozenset(), False
        if ext == "xlsx":
            w_xlsx(root, rel, rows, title="Corrections RUM" if pos else "Synthèse des corrections")
        else:
            w_ods(root, rel, rows)
        out.append(Doc(rel, kind if pos else kind + "_synthese", pos, pos, found))
    return out


# ---------------------------------------------------------------------------------------------------- 5. IT technician


def hl7_message(w: World, p: Person) -> str:
    r = w.rng
    when = datetime(2025, r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59))
    a, c = diag(r)
    return "\r".join((
        f"MSH|^~\\&|LABO|{w.hospital[:10]}|DPI|HOP|{when:%Y%m%d%H%M}||ORU^R01|{r.randint(10**6, 10**7)}|P|2.5",
        f"PID|||{p.ipp}^^^HOP^PI||{plain(p.last).upper()}^{plain(p.first)}||{p.birth:%Y%m%d}|{p.sex}|||||||||{p.nda}^^^HOP^AN",
        f"OBX|1|NM|{r.choice(LABS)[0]}||{r.uniform(1, 100):.1f}|||H|||F",
        f"DG1|1||{c}^{plain(a)}^I10",
    ))  # fmt: skip


def it_logs(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "informatique_logs"
    for i in range(10):
        stem = ("interface",) * 3 + ("integration",) * 2 + ("access",) * 2 + ("backup",) * 2 + ("app",)
        rel = f"informatique/logs/{stem[i]}_{i:02d}.log"
        lines = []
        base = datetime(2025, 11, r.randint(1, 28), 2, 0)
        if i < 3:
            for k in range(r.randint(3, 8)):
                p = w.patient()
                lines.append(f"{base + timedelta(seconds=37 * k):%Y-%m-%d %H:%M:%S} INFO received message:")
                lines.append(hl7_message(w, p).replace("\r", "\n"))
            found, pos, label = ids("IPP", "NDA", "PERSON_NAME", "BIRTH_DATE"), True, kind + "_hl7"
        elif i < 5:
            for k in range(r.randint(3, 10)):
                p = w.patient()
                lines.append(f"{base + timedelta(minutes=k):%d/%m/%Y %H:%M:%S} ERROR integration resultat biochimie: "
                             f"patient {plain(p.last).upper()} {plain(p.first)} IPP={p.ipp} introuvable dans l'UF "
                             f"{r.choice(SPECIALTIES).upper()} - message rejete")  # fmt: skip
            found, pos, label = ids("IPP", "PERSON_NAME"), True, kind + "_erreurs"
        elif i < 7:
            for k in range(r.randint(20, 50)):
                ip = f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
                at = f"{base + timedelta(seconds=k):%d/%b/%Y:%H:%M:%S} +0100"
                request = '"GET /dpi/api/v2/health HTTP/1.1"'
                lines.append(f"{ip} - u{r.randint(10000, 99999)} [{at}] {request} 200 {r.randint(100, 9000)}")
            found, pos, label = frozenset(), False, kind + "_acces"
        elif i < 9:
            for k in range(r.randint(5, 15)):
                lines.append(
                    f"{base + timedelta(minutes=5 * k):%Y-%m-%dT%H:%M:%S} backup job vol{k} "
                    f"{r.randint(1, 900)} GB OK, duration {r.randint(1, 90)} min"
                )
            found, pos, label = frozenset(), False, kind + "_sauvegarde"
        else:
            lines = [f"{base:%Y-%m-%d %H:%M:%S} WARN smtp relay refused mail from noreply@{w.domain}",
                     f"{base:%Y-%m-%d %H:%M:%S} INFO alert sent to astreinte-dsi@{w.domain}"]  # fmt: skip
            found, pos, label = ids("EMAIL"), False, kind + "_applicatif"
        w_text(root, rel, "\n".join(lines) + "\n", "utf-8")
        out.append(Doc(rel, label, pos, pos, found))
    return out


def it_scripts(root: Path, w: World) -> list[Doc]:
    """Scripts with marked test data (values optional), and data exports left next to them (real patients)."""
    r, out, kind = w.rng, [], "informatique_scripts"
    for i in range(10):
        if i < 3:
            rel = f"informatique/scripts/test_import_{i:02d}.py"
            text = (
                '"""Test de l\'import HL7 - DONNEES FICTIVES DE TEST uniquement."""\n'
                "PATIENT_TEST = {\n    'nom': 'TEST', 'prenom': 'PATIENT-UN', 'ipp': '999999001',\n"
                "    'ins': '279035121518989',  # patient fictif officiel de test INS\n"
                "    'ddn': '1979-03-01', 'uf': 'UF TEST'\n}\n\n"
                "def test_import():\n    assert importer(PATIENT_TEST)['status'] == 'ok'\n"
            )
            w_text(root, rel, text)
            out.append(Doc(rel, kind + "_donnees_test", False, False, frozenset(),
                           ids("PERSON_NAME", "IPP", "INS", "NIR", "BIRTH_DATE")))  # fmt: skip
        elif i < 5:
            rel = f"informatique/scripts/requete_{i:02d}.sql"
            text = (
                "-- extraction des venues par UF pour le tableau de bord\nSELECT uf, count(*) AS nb_venues\n"
                "FROM venue v JOIN patient p ON p.id = v.patient_id\nWHERE v.date_entree >= :debut\nGROUP BY uf;\n"
            )
            w_text(root, rel, text)
            out.append(Doc(rel, kind + "_sql", False, False))
        elif i < 8:
            rel = f"informatique/exports/export_{i:02d}.json"
            entries = []
            found = {"PERSON_NAME", "BIRTH_DATE", "IPP"}
            for _ in range(r.randint(2, 6)):
                p = w.patient()
                ident = [{"type": {"coding": [{"code": "PI"}]}, "system": f"urn:oid:1.2.250.1.{r.randint(100, 999)}.1",
                          "value": p.ipp}]  # fmt: skip
                if i != 5:
                    ident.append({"system": "urn:oid:1.2.250.1.213.1.4.8", "value": p.nir})
                    found.add("INS")
                entries.append({"resource": {"resourceType": "Patient", "id": f"p{r.randint(1, 10**6)}",
                                             "identifier": ident, "name": [{"family": p.last, "given": [p.first]}],
                                             "gender": "female" if p.sex == "F" else "male",
                                             "birthDate": p.birth.isoformat()}})  # fmt: skip
                entries.append({"resource": {"resourceType": "Encounter", "status": "finished",
                                             "class": {"code": "IMP"},
                                             "serviceType": {"text": r.choice(SPECIALTIES)},
                                             "reasonCode": [{"text": diag(r)[0]}]}})  # fmt: skip
            bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries}
            _target(root, rel).write_text(json.dumps(bundle, ensure_ascii=False, indent=r.choice((None, 2))), "utf-8")
            out.append(Doc(rel, kind + "_export_fhir", True, True, frozenset(found), ids("NIR")))
        else:
            rel = f"informatique/exports/cda_{i:02d}.xml"
            p = w.patient()
            name, code = diag(r)
            xml = (
                f'<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">\n'
                f"  <title>Compte rendu de consultation</title>\n  <recordTarget><patientRole>\n"
                f'    <id root="1.2.250.1.213.1.4.8" extension="{p.nir}"/>\n'
                f"    <patient><name><family>{p.last}</family><given>{p.first}</given></name>"
                f'<administrativeGenderCode code="{p.sex}"/><birthTime value="{p.birth:%Y%m%d}"/></patient>\n'
                f"  </patientRole></recordTarget>\n  <component><section><title>Conclusion</title>"
                f"<text>{name} ({code})</text></section></component>\n</ClinicalDocument>\n"
            )
            w_text(root, rel, xml)
            out.append(Doc(rel, kind + "_cda", True, True, ids("INS", "PERSON_NAME", "BIRTH_DATE"), ids("NIR")))
    return out


def it_config(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "informatique_config"
    for i in range(10):
        ext = r.choice(("ini", "conf"))
        rel = f"informatique/config/{('dpi', 'smtp', 'imprimantes', 'interfaces', 'sauvegarde')[i % 5]}_{i:02d}.{ext}"
        lines = ["[database]", f"host=srv-db{r.randint(1, 9)}.{w.domain}", "port=5432", "name=dpi_prod",
                 "user=svc_dpi", "password=********", "", "[mail]", f"smtp=smtp.{w.domain}",
                 f"from=noreply@{w.domain}", f"support=support-dsi@{w.domain}"]  # fmt: skip
        found = {"EMAIL"}
        personal, label = False, kind
        if i % 3 == 0:
            lines += ["", "[etablissement]", f"finess={w.finess}", f"standard={w.switchboard}"]
            found |= {"FINESS", "PHONE"}
        if i in (4, 8):
            first, last = w.staff()
            lines += ["", "; responsable applicatif", f"; contact : {first} {last} - {w.phone()}"]
            found |= {"PERSON_NAME", "PHONE"}
            personal, label = True, kind + "_contact"
        w_text(root, rel, "\n".join(lines) + "\n", r.choice(("utf-8", "cp1252")))
        out.append(Doc(rel, label, False, personal, frozenset(found)))
    return out


# ---------------------------------------------------------------------------------------------------- 6. quality


def quality_audits(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "qualite_audits"
    for i in range(10):
        ext = r.choice(("docx", "pdf", "odt", "xlsx"))
        stem = f"qualite/audits/audit_{i:02d}"
        auditor = " ".join(w.staff()) if i % 2 else None
        extracts = [[f"Dossier {k + 1}", f"{r.randint(20, 95)} ans", r.choice("HF"), diag(r)[0],
                     r.choice(("conforme", "non conforme", "partiel"))] for k in range(r.randint(8, 20))]  # fmt: skip
        paras = [f"Audit tenue du dossier patient - {r.choice(SPECIALTIES)}",
                 f"{len(extracts)} dossiers tirés au sort, données anonymisées.",
                 f"Taux de conformité global : {r.randint(60, 98)} %."]  # fmt: skip
        if auditor:
            paras.append(f"Auditeur : {auditor}, responsable qualité")
        table = [["Dossier", "Âge", "Sexe", "Pathologie", "Conformité"], *extracts]
        if i >= 8:
            # the auditor pasted the audited records' identities by mistake: a real positive in the quality folder
            table = [["Patient", "IPP", "Pathologie", "Conformité"]]
            for _ in range(r.randint(5, 12)):
                q = w.patient()
                table.append([fmt_name(q, r, civility=False), q.ipp, diag(r)[0], r.choice(("conforme", "partiel"))])
            rel = w_doc(root, stem, r.choice(("docx", "pdf", "odt")), [paras[0], "Extraits des dossiers audités"],
                        table)  # fmt: skip
            out.append(Doc(rel, kind + "_nominatif", True, True, ids("PERSON_NAME", "IPP")))
            continue
        if ext == "xlsx":
            rel = stem + ".xlsx"
            w_xlsx(root, rel, table, title=paras[0])
            if auditor:  # the auditor's name stays in the docs only
                auditor = None
        else:
            rel = w_doc(root, stem, ext, paras, table)
        out.append(Doc(rel, kind if not auditor else kind + "_signe", False, auditor is not None,
                       ids("PERSON_NAME" if auditor else "")))  # fmt: skip
    return out


def quality_events(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "qualite_evenements"
    for i in range(10):
        ext = r.choice(("docx", "html", "pdf"))
        stem = f"qualite/fei/fei_{i:02d}"
        first, last = w.staff()
        when = fmt_date(w.date_recent(), r)
        if i < 5:
            p, q = w.patient(), w.patient()
            paras = [f"Fiche d'événement indésirable du {when}", f"Déclarant : {first} {last.upper()}, IDE",
                     f"Erreur d'identité : {fmt_name(p, r)} (IPP {p.ipp}) a reçu le traitement prévu pour "
                     f"{fmt_name(q, r)} ({r.choice(DRUGS)}). Hospitalisé(e) en {r.choice(SPECIALTIES)} pour "
                     f"{diag(r)[0]}.", "Conséquence : surveillance rapprochée 24 h, pas de séquelle.",
                     "Analyse ALARM prévue en CREX."]  # fmt: skip
            out.append(Doc(w_doc(root, stem, ext, paras), kind, True, True, ids("PERSON_NAME", "IPP")))
        elif i < 8:
            paras = [
                f"Fiche d'événement indésirable du {when}",
                f"Déclarant : {first} {last.upper()}",
                f"Patient(e) de {r.randint(40, 95)} ans, chambre {r.randint(1, 40)} : retard d'administration "
                "d'antibiotique de 4 h. Pas de conséquence.",
                "Cause : rupture de stock en pharmacie.",
            ]
            out.append(Doc(w_doc(root, stem, ext, paras), kind + "_anonymise", False, True, ids("PERSON_NAME")))
        else:
            paras = [
                "CREX - synthèse trimestrielle",
                "Événements déclarés : 57 (chutes 21, médicaments 14, identitovigilance 8, autres 14).",
                "Actions : double vérification, bracelets d'identification.",
            ]
            out.append(Doc(w_doc(root, stem, ext, paras), kind + "_synthese", False, False))
    return out


# ---------------------------------------------------------------------------------------------------- 7. social worker


def social_worker(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "assistante_sociale"
    for i in range(10):
        ext = r.choice(("odt", "docx", "pdf", "odt"))
        stem = f"social/dossiers/demande_{i:02d}"
        if i < 6:
            p = w.patient(1935, 1995)
            what = r.choice(("Demande de logement social", "Dossier APA", "Demande MDPH - AAH", "Demande d'aide FSL"))
            paras = [what, f"Nom : {p.last.upper()}", f"Prénom : {p.first}",
                     f"Date de naissance :\n{fmt_date(p.birth, r)}",
                     f"N° de sécurité sociale : {fmt_nir(p.nir, r)}",
                     f"Adresse : {p.street}, {p.postcode} {p.city}", f"Téléphone : {p.phone}",
                     f"Situation : hospitalisé(e) en {r.choice(SPECIALTIES)} depuis le {fmt_date(w.date_recent(), r)} "
                     f"pour {diag(r)[0]}, retour à domicile impossible sans aménagement.",
                     f"Évaluation de l'assistante sociale : {' '.join(w.staff())}"]  # fmt: skip
            found = {"PERSON_NAME", "BIRTH_DATE", "NIR", "PHONE"}
            if r.random() < 0.5:
                paras.append(f"RIB pour versement : IBAN {w.person_iban()}")
                found.add("IBAN")
            out.append(Doc(w_doc(root, stem, ext, paras), kind, True, True, frozenset(found)))
        elif i < 8:
            paras = ["Demande MDPH - formulaire vierge", "Nom : ______________", "Prénom : ______________",
                     "Date de naissance : __/__/____", "N° de sécurité sociale : _ __ __ __ ___ ___ __",
                     "Certificat médical à joindre (moins de 1 an)."]  # fmt: skip
            out.append(Doc(w_doc(root, stem, ext, paras), kind + "_formulaire", False, False))
        else:
            table = [["Structure", "Téléphone", "Public"]] + [
                [
                    f"{r.choice(('Foyer', 'CCAS', 'Association', 'SAMU social'))} {w.fake.city()}",
                    w.phone(fixed=True),
                    r.choice(("personnes âgées", "sans domicile", "familles")),
                ]
                for _ in range(8)
            ]
            out.append(Doc(w_doc(root, f"social/ressources/annuaire_{i:02d}", ext,
                                 ["Annuaire des partenaires sociaux"], table), kind + "_annuaire", False, False,
                           ids("PHONE")))  # fmt: skip
    return out


# ---------------------------------------------------------------------------------------------------- 8. admissions


def admissions(root: Path, w: World) -> list[Doc]:
    """ID-card OCR and rights checks without a stay are personal only (no care named); admission forms are health."""
    r, out, kind = w.rng, [], "admissions"
    for i in range(10):
        p = w.patient(1935, 2005)
        if i < 2:
            rel = f"admissions/ocr/scan_{i:02d}.txt"
            ln = plain(p.last).upper()
            text = (
                f"REPUBLIQUE FRANCAISE\nCARTE NATIONALE D'IDENTITE N° : {r.randint(10**11, 10**12 - 1)}\n"
                f"Nom : {ln}\nPrénom(s) : {p.first}\nSexe : {p.sex}   Né(e) le : {p.birth:%d.%m.%Y}\n"
                f"à : {p.city.upper()}\nTaille : 1,{r.randint(50, 95)}m\n"
                f"IDFRA{ln[:10]}<<<<<<<<<<<<<<{r.randint(100000, 999999)}\n"
            )
            w_text(root, rel, text, r.choice(("utf-8", "utf-16")))
            out.append(Doc(rel, kind + "_ocr_cni", False, True, ids("PERSON_NAME", "BIRTH_DATE")))
        elif i < 4:
            rel = f"admissions/droits/verif_{i:02d}.{r.choice(('txt', 'html'))}"
            paras = [
                "Consultation des droits (ADRi)",
                f"Assuré : {fmt_name(p, r)}",
                f"NIR : {fmt_nir(p.nir, r)}",
                f"Date de naissance : {fmt_date(p.birth, r)}",
                "Régime général - droits ouverts jusqu'au 31/12/2026",
                "Complémentaire : oui (tiers payant)",
            ]
            (w_html if rel.endswith("html") else w_txt_doc)(root, rel, paras, None)
            out.append(Doc(rel, kind + "_droits", False, True, ids("PERSON_NAME", "NIR", "BIRTH_DATE")))
        elif i < 8:
            ext = r.choice(("pdf", "docx", "xlsx"))
            stem = f"admissions/formulaires/admission_{i:02d}"
            fields = [("Nom d'usage", p.last.upper()), ("Prénom", p.first), ("Né(e) le", fmt_date(p.birth, r)),
                      ("N° SS", fmt_nir(p.nir, r)), ("IPP", p.ipp), ("Service", r.choice(SPECIALTIES)),
                      ("Date d'entrée", fmt_date(w.date_recent(), r)),
                      ("Mode d'entrée", r.choice(("urgences", "domicile", "mutation"))),
                      ("Personne à prévenir", f"{w.fake.name()} {w.phone()}")]  # fmt: skip
            if ext == "xlsx":
                rel = stem + ".xlsx"
                w_xlsx(root, rel, [["Champ", "Valeur"], *[[k, v] for k, v in fields]], title="Fiche d'admission")
            else:
                rel = w_doc(root, stem, ext, ["Fiche d'admission", w.hospital], [[k, v] for k, v in fields])
            out.append(Doc(rel, kind + "_fiche", True, True,
                           ids("PERSON_NAME", "BIRTH_DATE", "NIR", "IPP", "PHONE")))  # fmt: skip
        elif i == 8:
            rel = w_doc(root, f"admissions/formulaires/fiche_vierge_{i:02d}", "pdf",
                        ["Fiche d'admission (vierge)", "Nom : ........", "Prénom : ........",
                         "Né(e) le : ../../....", "N° SS : ...............", "Service : ........",
                         f"Bureau des entrées : {w.switchboard}"])  # fmt: skip
            out.append(Doc(rel, kind + "_vierge", False, False, ids("PHONE")))
        else:
            rows = [["Date", "Admissions", "Urgences", "Programmées"]] + [
                [f"{d:02d}/11/2025", r.randint(30, 90), r.randint(10, 40), r.randint(10, 50)] for d in range(1, 31)
            ]
            rel = f"admissions/stats/entrees_{i:02d}.csv"
            w_csv(root, rel, rows, "\t", "utf-8")
            out.append(Doc(rel, kind + "_stats", False, False))
    return out


# ---------------------------------------------------------------------------------------------------- 9. pharmacist


def pharmacy(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "pharmacie"
    for i in range(10):
        if i < 4:
            header = r.choice(
                (
                    ["IPP", "Patient", "UF", "Médicament", "Posologie", "Date délivrance"],
                    ["Patient ID", "Name", "Unit", "Drug", "Dosage", "Dispensed"],
                )
            )
            rows = [header]
            for _ in range(r.randint(6, 18)):
                p = w.patient()
                drug = r.choice(DRUGS)
                rows.append([p.ipp, fmt_name(p, r, civility=False), r.choice(SPECIALTIES).upper(), drug.split(" ")[0],
                             " ".join(drug.split(" ")[1:]), fmt_date(w.date_recent(), r)])  # fmt: skip
            ext = r.choice(("xlsx", "csv", "ods"))
            rel = f"pharmacie/dispensation/nominative_{i:02d}.{ext}"
            found, pos, label = ids("IPP", "PERSON_NAME"), True, kind + "_nominative"
        elif i < 6:
            rows = [["Lot MDS", "Produit", "Patient", "Né(e) le", "Service", "Date"]]
            for _ in range(r.randint(3, 8)):
                p = w.patient()
                rows.append([f"L{r.randint(10**6, 10**7)}", r.choice(("Albumine 20 %", "Immunoglobulines IV",
                             "Facteur VIII")), fmt_name(p, r), fmt_date(p.birth, r), r.choice(SPECIALTIES),
                             fmt_date(w.date_recent(), r)])  # fmt: skip
            ext = "csv"
            rel = f"pharmacie/tracabilite/mds_{i:02d}.csv"
            found, pos, label = ids("PERSON_NAME", "BIRTH_DATE"), True, kind + "_mds"
        elif i < 9:
            rows = [["Code UCD", "Désignation", "Stock", "Seuil", "Emplacement"]]
            for _ in range(r.randint(10, 30)):
                rows.append(
                    [
                        f"34008{r.randint(10**7, 10**8 - 1)}",
                        r.choice(DRUGS),
                        r.randint(0, 500),
                        r.randint(10, 50),
                        f"A{r.randint(1, 20)}-{r.randint(1, 9)}",
                    ]
                )
            ext = r.choice(("xlsx", "csv"))
            rel = f"pharmacie/stock/stock_{i:02d}.{ext}"
            found, pos, label = frozenset(), False, kind + "_stock"
        else:
            paras = [
                "Protocole d'adaptation posologique - insuffisance rénale",
                "Clairance < 30 mL/min : réduire la metformine, surveiller la créatinine.",
                "Apixaban 2,5 mg x2/j si 2 critères parmi âge ≥ 80 ans, poids ≤ 60 kg, créatinine ≥ 133 µmol/L.",
            ]
            rel = w_doc(root, f"pharmacie/protocoles/protocole_{i:02d}", "pdf", paras)
            out.append(Doc(rel, kind + "_protocole", False, False))
            continue
        if ext == "xlsx":
            w_xlsx(root, rel, rows, title="Dispensation" if pos else "Stock PUI")
        elif ext == "ods":
            w_ods(root, rel, rows)
        else:
            w_csv(root, rel, rows, r.choice((";", ",", "\t")), r.choice(("utf-8", "cp1252")))
        out.append(Doc(rel, label, pos, pos, found))
    return out


# ---------------------------------------------------------------------------------------------------- 10. biomedical


def biomedical(root: Path, w: World) -> list[Doc]:
    r, out, kind = w.rng, [], "biomedical"
    for i in range(10):
        dev = r.choice(DEVICES)
        serial = f"SN{r.randint(10**7, 10**8 - 1)}"
        base = datetime(2025, r.randint(1, 12), r.randint(1, 28), 8, 0)
        if i < 4:
            rel = f"biomed/logs/{plain(dev).replace(' ', '_')}_{i:02d}.log"
            lines = [f"# device={dev} serial={serial} fw=4.{r.randint(0, 9)}.{r.randint(0, 20)}"]
            for k in range(r.randint(15, 40)):
                lines.append(
                    f"{base + timedelta(minutes=3 * k):%Y-%m-%d %H:%M:%S};EVT{r.randint(100, 999)};"
                    f"{r.choice(('OCCLUSION', 'BATTERY LOW', 'DOOR OPEN', 'SELFTEST OK', 'RATE CHANGE'))}"
                )
            w_text(root, rel, "\n".join(lines) + "\n", "ascii")
            out.append(Doc(rel, kind + "_log", False, False))
        elif i < 7:
            rel = f"biomed/exports/moniteur_{i:02d}.csv"
            p = w.patient()
            rows = [["PatientID", "PatientName", "DOB", "Bed", "Time", "HR", "SpO2", "NIBP"]]
            for k in range(r.randint(10, 30)):
                rows.append([p.ipp, f"{plain(p.last).upper()}^{plain(p.first)}", p.birth.strftime("%Y%m%d"),
                             f"REA-{r.randint(1, 12)}", f"{base + timedelta(minutes=k):%H:%M}", r.randint(50, 130),
                             r.randint(85, 100), f"{r.randint(90, 160)}/{r.randint(50, 95)}"])  # fmt: skip
            w_csv(root, rel, rows, ",", "utf-8")
            out.append(Doc(rel, kind + "_moniteur", True, True, ids("IPP", "PERSON_NAME", "BIRTH_DATE")))
        elif i < 8:
            first, last = w.staff()
            paras = [
                f"Rapport d'intervention - {dev}",
                f"N° de série : {serial}",
                f"Technicien : {first} {last}",
                "Remplacement de la batterie, test de sécurité électrique conforme.",
                "Remis en service.",
            ]
            rel = w_doc(root, f"biomed/interventions/intervention_{i:02d}", r.choice(("docx", "pdf")), paras)
            out.append(Doc(rel, kind + "_intervention", False, True, ids("PERSON_NAME")))
        elif i == 8:
            rows = [["Inventaire", "Équipement", "N° série", "Service", "Mise en service"]] + [
                [
                    f"INV{r.randint(10**4, 10**5)}",
                    r.choice(DEVICES),
                    f"SN{r.randint(10**7, 10**8 - 1)}",
                    r.choice(SPECIALTIES),
                    f"{r.randint(2010, 2025)}",
                ]
                for _ in range(25)
            ]
            rel = f"biomed/inventaire/inventaire_{i:02d}.xlsx"
            w_xlsx(root, rel, rows, title="Inventaire biomédical")
            out.append(Doc(rel, kind + "_inventaire", False, False))
        else:
            rel = f"biomed/logs/archive_logs_{i:02d}.zip"
            with zipfile.ZipFile(_target(root, rel), "w", zipfile.ZIP_DEFLATED) as z:
                for k in range(3):
                    z.writestr(f"pump_{k}.log", "\n".join(
                        f"{base + timedelta(minutes=m):%Y-%m-%d %H:%M};SN{r.randint(10**7, 10**8 - 1)};SELFTEST OK"
                        for m in range(20)))  # fmt: skip
            out.append(Doc(rel, kind + "_zip_logs", False, False))
    return out


GENERATORS: tuple[Callable[[Path, World], list[Doc]], ...] = (
    sec_letters, sec_reminders, sec_dpi_paste, sec_tracking, sec_notes,
    mgr_planning, mgr_beds, mgr_incidents, mgr_orders,
    doc_drafts, doc_research, doc_lab_pdf, doc_mails,
    dim_exports, dim_queries, dim_corrections,
    it_logs, it_scripts, it_config,
    quality_audits, quality_events, social_worker, admissions, pharmacy, biomedical,
)  # fmt: skip


def generate(root: Path, rng: random.Random, seed: int) -> list[Doc]:
    world = World(rng, seed)
    docs: list[Doc] = []
    for gen in GENERATORS:
        docs += gen(root, world)
    return docs


def generate_only(root: Path, seed: int) -> list[Doc]:
    """Write one seed's corpus under ``root/seed<N>`` without classifying it; returns the labels."""
    target = root / f"seed{seed}"
    target.mkdir(parents=True, exist_ok=True)
    return generate(target, random.Random(seed), seed)


DESCRIPTION = (
    "blind holdout 10: the files ten hospital people leave on a share (secretary, nurse manager, physician, "
    "DIM, IT, quality, social worker, admissions, pharmacy, biomedical), positives and near-misses mixed"
)

if __name__ == "__main__":
    if "--generate-only" in sys.argv:
        import argparse

        parser = argparse.ArgumentParser(description="write the corpus only, classify nothing")
        parser.add_argument("--generate-only", type=Path, required=True)
        parser.add_argument("--seed", type=int, nargs="+", default=[1])
        args = parser.parse_args()
        for s in args.seed:
            labels = generate_only(args.generate_only, s)
            negatives = sum(d.health is False for d in labels)
            sys.stdout.write(
                f"seed {s}: {len(labels)} files, {negatives} not health, "
                f"{sum(d.health is None for d in labels)} unscored\n"
            )
            with (args.generate_only / f"seed{s}" / "labels.jsonl").open("w", encoding="utf-8") as fh:
                for d in labels:
                    fh.write(
                        json.dumps(
                            {
                                "rel": d.rel,
                                "kind": d.kind,
                                "health": d.health,
                                "personal": d.personal,
                                "ids": sorted(d.ids),
                                "optional": sorted(d.optional),
                            }
                        )
                        + "\n"
                    )
        sys.exit(0)
    sys.exit(main("holdout10", DESCRIPTION, generate))

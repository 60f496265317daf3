"""Fifth blind holdout: the file formats a real hospital share holds, written with the libraries that write them.

Why: the earlier holdouts were mostly plain text in styles the classifier was then tuned on. This corpus was written
without reading the classifier, its tests, its docs or the earlier corpora, and is scored once, so it measures the
classifier on documents it has never seen: Word, PDF with a text layer, RTF, HTML, e-mail with a Word attachment,
Excel, OpenDocument text and spreadsheet, HPRIM Santé, CDA R2, FHIR XML, DICOM, cp1252 CSV, UTF-16 text, ZIP, JSON.
Every person, number and establishment is fictional (Faker fr_FR; NIR keys from python-stdnum; RPPS/FINESS with a
Luhn key); each seed gives the same files (``random.Random(seed)`` and a Faker seeded with it).

Labels: what a data-protection officer would say, written before any run.

- health_data: an identifiable patient (name, NIR/INS, or IPP/NDA together with an identity) AND health content
  (diagnosis, treatment, result, stay in a care unit, PMSI codes), or a health message format (HPRIM, CDA, FHIR,
  DICOM) carrying a patient. Not health: care protocols, anonymised datasets, blank or mail-merge templates, price
  lists, device inventories, logs, rotas, invoices, conference programmes, diet leaflets, test data.
- personal_data: any value identifying a person (name, NIR, personal e-mail or phone, a person's IBAN, RPPS). Not
  personal: FINESS, a company's IBAN, a switchboard number, a functional mailbox (secretariat.cardio@...).
- Identifier types expected: a type is expected when a value of that type is present (FINESS, switchboard PHONE and
  functional EMAIL count); NIR/INS/IPP/NDA/RPPS only with their context word or in a structured field; where an INS
  is present NIR is not scored; BIRTH_DATE only when labelled as a birth date (né(e) le, DDN, Date de naissance) or
  structured (birthTime, birthDate, PatientBirthDate, HPRIM P-8); PERSON_NAME for any person's name, staff included.
- A scan without a text layer has health and personal unscored (no text classifier can know); it must still report
  no identifier. A test-data file of key-invalid NIRs, labelled as test, is not personal; NIR is not scored there
  (health-fr.md asks for a low-confidence NIR on a key-failing number in NIR context).

Run: ``.venv/bin/python bench/holdout5.py --seed 1 2`` (``--markdown`` writes the holdout5 section of RESULTS.md).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime
from html import escape
from pathlib import Path
from xml.sax.saxutils import quoteattr

import docx
import openpyxl
from faker import Faker
from fpdf import FPDF
from holdout_harness import Doc, main
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import H, P
from PIL import Image, ImageDraw
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, MRImageStorage, generate_uid
from stdnum import luhn
from stdnum.fr import nir as stdnum_nir
from stdnum.iban import calc_check_digits as iban_check_digits

PER_KIND = 11
"""Files per generator and seed: 32 generators give 352 files a seed; 13 of the 32 kinds are not health data."""

F = frozenset


# --------------------------------------------------------------------------- fictional people and numbers


@dataclass(slots=True)
class Person:
    """A fictional patient with the identifiers a hospital file may carry."""

    sex: int
    first: str
    last: str
    birth: dt.date
    nir: str
    ipp: str
    nda: str

    @property
    def civ(self) -> str:
        return "M." if self.sex == 1 else "Mme"


@dataclass(slots=True)
class Doctor:
    """A fictional professional: a name is personal data, the RPPS too."""

    first: str
    last: str
    rpps: str


class World:
    """All the randomness of one seed: Faker for names, Random for everything else (both seeded)."""

    def __init__(self, rng: random.Random, seed: int) -> None:
        self.rng = rng
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(seed)

    def nir(self, sex: int, birth: dt.date) -> str:
        dept = self.rng.choice(["75", "69", "13", "2A", "2B", "59", "33", "31", "44", "67", "99", "974"])
        commune = f"{self.rng.randint(1, 99):02d}" if len(dept) == 3 else f"{self.rng.randint(1, 899):03d}"
        body = f"{sex}{birth.year % 100:02d}{birth.month:02d}{dept}{commune}{self.rng.randint(1, 999):03d}"
        return body + stdnum_nir.calc_check_digits(body)

    def person(self, minor: bool = False) -> Person:
        sex = self.rng.choice([1, 2])
        first = self.fake.first_name_male() if sex == 1 else self.fake.first_name_female()
        years = self.rng.randint(0, 17) if minor else self.rng.randint(19, 95)
        birth = dt.date(2024 - years, self.rng.randint(1, 12), self.rng.randint(1, 28))
        return Person(sex, first, self.fake.last_name(), birth, self.nir(sex, birth), self.ipp(), self.nda())

    def ipp(self) -> str:
        return self.rng.choice([f"8{self.rng.randint(0, 10**9 - 1):09d}", f"{self.rng.randint(10**6, 10**7 - 1)}"])

    def nda(self) -> str:
        return f"{self.rng.randint(19, 24)}{self.rng.randint(0, 10**7 - 1):07d}"

    def doctor(self) -> Doctor:
        body = f"10{self.rng.randint(0, 10**8 - 1):08d}"
        return Doctor(self.fake.first_name(), self.fake.last_name(), body + luhn.calc_check_digit(body))

    def finess(self) -> str:
        body = f"{self.rng.choice(['75', '69', '13', '59', '33', '31', '44', '67'])}{self.rng.randint(0, 999999):06d}"
        return body + luhn.calc_check_digit(body)

    def mobile(self) -> str:
        digits = f"0{self.rng.choice('67')}{self.rng.randint(0, 10**8 - 1):08d}"
        return self.phone_style(digits)

    def landline(self) -> str:
        return self.phone_style(f"0{self.rng.randint(1, 5)}{self.rng.randint(0, 10**8 - 1):08d}")

    def phone_style(self, digits: str) -> str:
        pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
        style = self.rng.randrange(4)
        if style == 3:
            return "+33 " + digits[1] + " " + " ".join(pairs[1:])
        return [" ", ".", ""][style].join(pairs)

    def company_iban(self) -> str:
        bank, branch = f"{self.rng.randint(10000, 99999)}", f"{self.rng.randint(0, 99999):05d}"
        account = f"{self.rng.randint(0, 10**11 - 1):011d}"
        rib = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
        bban = f"{bank}{branch}{account}{rib:02d}"
        iban = "FR" + iban_check_digits("FR00" + bban) + bban
        return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))

    def date(self, start: int = 2019, end: int = 2024) -> dt.date:
        return dt.date(self.rng.randint(start, end), self.rng.randint(1, 12), self.rng.randint(1, 28))


MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
          "décembre"]  # fmt: skip
CITIES = ["Rouen", "Angers", "Limoges", "Besançon", "Poitiers", "Amiens", "Nîmes", "Brest", "Pau", "Valence"]
DIAGNOSES = [
    ("I21.4", "infarctus du myocarde sans sus-décalage du segment ST"), ("J18.9", "pneumopathie infectieuse"),
    ("K80.1", "lithiase vésiculaire avec cholécystite"), ("E11.9", "diabète de type 2 déséquilibré"),
    ("N17.9", "insuffisance rénale aiguë"), ("S72.0", "fracture du col du fémur"), ("I63.9", "AVC ischémique"),
    ("C34.1", "adénocarcinome pulmonaire du lobe supérieur"), ("F32.2", "épisode dépressif sévère"),
    ("A41.9", "sepsis sans germe identifié"), ("I48.9", "fibrillation atriale"), ("K35.8", "appendicite aiguë"),
]  # fmt: skip
DRUGS = ["Amoxicilline 1 g x3/j", "Paracétamol 1000 mg x4/j", "Bisoprolol 2,5 mg 1/j", "Metformine 850 mg x2/j",
         "Enoxaparine 4000 UI/j SC", "Furosémide 40 mg le matin", "Ramipril 5 mg 1/j", "Atorvastatine 40 mg le soir",
         "Apixaban 5 mg x2/j", "Sertraline 50 mg 1/j", "Tramadol 50 mg si douleur, max x4/j"]  # fmt: skip
SURGERY = [("HMFC004", "Cholécystectomie par coelioscopie"), ("NEKA020", "Prothèse totale de hanche"),
           ("HHFA016", "Appendicectomie par coelioscopie"), ("JKFA015", "Hystérectomie totale par coelioscopie"),
           ("LHDA002", "Arthrodèse lombaire")]  # fmt: skip
UNITS = ["Cardiologie", "Pneumologie", "Médecine interne", "Chirurgie viscérale", "Gériatrie", "Néphrologie",
         "Orthopédie", "Neurologie vasculaire"]  # fmt: skip


def fmt_date(d: dt.date, rng: random.Random) -> str:
    """Dates as shares write them: several numeric orders and a spelled month."""
    style = rng.randrange(4)
    if style == 0:
        return d.strftime("%d/%m/%Y")
    if style == 1:
        return d.isoformat()
    if style == 2:
        return d.strftime("%d.%m.%Y")
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def fmt_nir(nir: str, rng: random.Random) -> str:
    """Half compact, half in the carte Vitale grouping (1 2 2 2 3 3 2)."""
    if rng.random() < 0.5:
        return nir
    return " ".join(nir[a:b] for a, b in ((0, 1), (1, 3), (3, 5), (5, 7), (7, 10), (10, 13), (13, 15)))


def patient_name(p: Person, rng: random.Random) -> str:
    """Names with and without civility, upper-cased surnames, first name first or last."""
    style = rng.randrange(4)
    if style == 0:
        return f"{p.civ} {p.first} {p.last.upper()}"
    if style == 1:
        return f"{p.last.upper()} {p.first}"
    if style == 2:
        return f"{p.civ} {p.last} {p.first}"
    return f"{p.last.upper()} {p.first.upper()}"


def born(p: Person, rng: random.Random) -> str:
    label = rng.choice(["Né(e) le", "Date de naissance :", "DDN :", "née le" if p.sex == 2 else "né le"])
    return f"{label} {fmt_date(p.birth, rng)}"


def dr(d: Doctor) -> str:
    return f"Dr {d.first} {d.last}"


# --------------------------------------------------------------------------- writers (real libraries)


def write_docx(path: Path, title: str, paragraphs: list[str], table: list[list[str]] | None = None,
               header: str | None = None) -> None:  # fmt: skip
    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    document.add_heading(title, level=1)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))


def docx_bytes(title: str, paragraphs: list[str]) -> bytes:
    out = io.BytesIO()
    document = docx.Document()
    document.add_heading(title, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(out)
    return out.getvalue()


def write_pdf(path: Path, title: str, lines: list[str]) -> None:
    """A PDF with a text layer (fpdf2 core font: cp1252 only, so other characters are replaced)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 13)
    pdf.multi_cell(0, 7, _latin(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=10)
    for line in lines:
        pdf.multi_cell(0, 5, _latin(line) or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def _latin(text: str) -> str:
    return text.replace("\u2019", "'").replace("œ", "oe").encode("latin-1", "replace").decode("latin-1")


def write_odt(path: Path, title: str, paragraphs: list[str]) -> None:
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=title))
    for text in paragraphs:
        document.text.addElement(P(text=text))
    document.save(str(path))


def write_ods(path: Path, sheet: str, rows: list[list[str]]) -> None:
    document = OpenDocumentSpreadsheet()
    table = Table(name=sheet)
    for row in rows:
        tr = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            tr.addElement(cell)
        table.addElement(tr)
    document.spreadsheet.addElement(table)
    document.save(str(path))


def write_xlsx(path: Path, sheet: str, rows: list[list[object]], title: str | None = None) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    if title:
        ws.append([title])
    for row in rows:
        ws.append(row)
    book.save(path)


def rtf(lines: list[str]) -> str:
    """RTF written by hand: a few control words suffice, and no maintained Python library writes RTF."""

    def enc(text: str) -> str:
        out = []
        for ch in text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"):
            code = ord(ch)
            if code < 128:
                out.append(ch)
            elif code < 256:
                out.append(f"\\'{code:02x}")
            else:
                out.append(f"\\u{code if code < 32768 else code - 65536}?")
        return "".join(out)

    body = "\n".join(f"\\pard {enc(line)}\\par" for line in lines)
    return "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20\n" + body + "\n}"


# --------------------------------------------------------------------------- positives

PATIENT_IDS = F({"PERSON_NAME"})


def operative_report(root: Path, w: World, n: int) -> list[Doc]:
    """Compte rendu opératoire (.docx): identity in a table or a header paragraph, surgeon and anaesthetist named."""
    docs = []
    for i in range(n):
        p, surgeon, anaesth, rng = w.person(), w.doctor(), w.doctor(), w.rng
        code, act = rng.choice(SURGERY)
        ids = {"PERSON_NAME", "BIRTH_DATE", "IPP"}
        ident = [["Patient", patient_name(p, rng)], ["Date de naissance", fmt_date(p.birth, rng)], ["IPP", p.ipp]]
        if rng.random() < 0.5:
            ident.append(["N° de séjour", p.nda])
            ids.add("NDA")
        header = None
        if rng.random() < 0.5:
            header = f"Centre hospitalier de {rng.choice(CITIES)} - FINESS {w.finess()}"
            ids.add("FINESS")
        text = [
            f"Date de l'intervention : {fmt_date(w.date(), rng)}",
            f"Opérateur : {dr(surgeon)}   Anesthésiste : {dr(anaesth)}",
            f"Intervention : {act} (CCAM {code})",
            "Indication : " + rng.choice(DIAGNOSES)[1] + ".",
            "Installation en décubitus dorsal. Antibioprophylaxie par céfazoline 2 g IV.",
            "Déroulement : exposition, dissection prudente, hémostase soigneuse, fermeture plan par plan.",
            "Pertes sanguines estimées à 150 mL. Pas d'incident peropératoire.",
            "Suites : lever J1, surveillance des drains, enoxaparine 4000 UI/j pendant 10 jours.",
        ]
        if rng.random() < 0.5:
            table = None
            text = [f"Patient : {patient_name(p, rng)}, {born(p, rng)}, IPP {p.ipp}", *text]
            if "NDA" in ids:
                text.insert(1, f"NDA : {p.nda}")
        else:
            table = ident
        rel = f"Bloc/CRO/{rng.randint(2019, 2024)}/CRO_{i:03d}.docx"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        write_docx(root / rel, "COMPTE RENDU OPÉRATOIRE", text, table, header)
        docs.append(Doc(rel, "operative_report_docx", True, True, F(ids)))
    return docs


def anaesthesia_consult(root: Path, w: World, n: int) -> list[Doc]:
    """Consultation pré-anesthésique (.pdf with a text layer): ASA score, allergies, treatments, sometimes the NSS."""
    docs = []
    for i in range(n):
        p, doc_, rng = w.person(), w.doctor(), w.rng
        ids = {"PERSON_NAME", "BIRTH_DATE"}
        lines = [f"Patient(e) : {patient_name(p, rng)}", born(p, rng)]
        if rng.random() < 0.6:
            lines.append(f"N° sécurité sociale : {fmt_nir(p.nir, rng)}")
            ids.add("NIR")
        _code, act = rng.choice(SURGERY)
        lines += [
            f"Consultation du {fmt_date(w.date(), rng)} par {dr(doc_)}",
            f"Intervention prévue : {act}",
            f"Poids {rng.randint(45, 120)} kg - Taille {rng.randint(150, 195)} cm - ASA {rng.randint(1, 3)}",
            "Antécédents : " + rng.choice(DIAGNOSES)[1] + ", HTA traitée.",
            "Allergies : " + rng.choice(["pénicilline", "aucune connue", "latex", "iode"]),
            "Traitement habituel : " + "; ".join(rng.sample(DRUGS, 2)),
            "Mallampati II, ouverture de bouche > 3 cm. Intubation prévisible facile.",
            "Consignes : jeûne 6 h solides, 2 h liquides clairs. Arrêt de l'apixaban 48 h avant.",
        ]
        rel = f"Anesthesie/Consultations/CPA_{w.date().year}_{i:04d}.pdf"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        write_pdf(root / rel, "Consultation pré-anesthésique", lines)
        docs.append(Doc(rel, "anaesthesia_pdf", True, True, F(ids)))
    return docs


def radiology_rtf(root: Path, w: World, n: int) -> list[Doc]:
    """Compte rendu d'imagerie (.rtf, as RIS word processors save them), sometimes with English headers."""
    docs = []
    exams = [("SCANNER THORACIQUE INJECTÉ", "Nodule spiculé de 18 mm du lobe supérieur droit, suspect."),
             ("IRM CÉRÉBRALE", "Hypersignal FLAIR punctiforme de la substance blanche, aspect de leucopathie."),
             ("ÉCHOGRAPHIE ABDOMINALE", "Vésicule lithiasique à paroi épaissie, signe de Murphy échographique."),
             ("RADIOGRAPHIE DU BASSIN", "Fracture cervicale vraie du col fémoral gauche, Garden III.")]  # fmt: skip
    for i in range(n):
        p, rad, rng = w.person(), w.doctor(), w.rng
        exam, finding = rng.choice(exams)
        english = rng.random() < 0.3
        lines = [
            "SERVICE D'IMAGERIE MÉDICALE",
            (f"Patient name: {p.last.upper()} {p.first}" if english else f"Patient : {patient_name(p, rng)}"),
            (f"Date of birth: {p.birth.strftime('%d/%m/%Y')}" if english else born(p, rng)),
            f"IPP : {p.ipp}",
            f"Examen : {exam} du {fmt_date(w.date(), rng)}",
            "Indication : bilan de " + rng.choice(DIAGNOSES)[1] + ".",
            "Technique : acquisition selon le protocole standard.",
            f"Résultats : {finding}",
            "CONCLUSION : " + finding.split(",")[0] + ".",
            f"{dr(rad)}, radiologue",
        ]
        rel = f"Imagerie/CR/{p.birth.year % 7}/cr_imagerie_{i:03d}.rtf"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rtf(lines), encoding="ascii")
        docs.append(Doc(rel, "radiology_rtf", True, True, F({"PERSON_NAME", "BIRTH_DATE", "IPP"})))
    return docs


def ed_summary_html(root: Path, w: World, n: int) -> list[Doc]:
    """Résumé de passage aux urgences exported by the ED software as HTML (tables, entities, inline styles)."""
    docs = []
    for i in range(n):
        p, doc_, rng = w.person(), w.doctor(), w.rng
        code, label = rng.choice(DIAGNOSES)
        rows = [("Nom / Prénom", f"{p.last.upper()} {p.first}"), ("Date de naissance", fmt_date(p.birth, rng)),
                ("IPP", p.ipp), ("NDA", p.nda), ("Arrivée", f"{fmt_date(w.date(), rng)} {rng.randint(0, 23):02d}h"
                f"{rng.randint(0, 59):02d}"), ("CCMU", str(rng.randint(1, 4))),
                ("Motif", rng.choice(["douleur thoracique", "dyspnée", "chute", "fièvre", "malaise"])),
                ("Diagnostic principal (CIM-10)", f"{code} {label}"),
                ("Orientation", f"Hospitalisation en {rng.choice(UNITS)}"), ("Médecin", dr(doc_))]  # fmt: skip
        table = "\n".join(f'<tr><td style="font-weight:bold">{escape(k)}</td><td>{escape(v)}</td></tr>'
                          for k, v in rows)  # fmt: skip
        html = (
            '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>RPU</title></head><body>'
            f"<h2>R&eacute;sum&eacute; de passage aux urgences</h2><table border=1>{table}</table>"
            f"<p>Examen : PA {rng.randint(100, 180)}/{rng.randint(50, 100)} mmHg, FC {rng.randint(50, 130)}/min, "
            f"SpO2 {rng.randint(88, 100)} %. Troponine {rng.randint(3, 900)} ng/L.</p>"
            f"<p>Traitement administr&eacute; : {escape(rng.choice(DRUGS))}.</p></body></html>"
        )
        rel = f"Urgences/Exports/rpu_{i:04d}.html"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(html, encoding="utf-8")
        docs.append(Doc(rel, "ed_summary_html", True, True, F({"PERSON_NAME", "BIRTH_DATE", "IPP", "NDA"})))
    return docs


def transfer_eml(root: Path, w: World, n: int) -> list[Doc]:
    """Demande de transfert (.eml): short body naming the patient, the details in an attached Word form."""
    docs = []
    for i in range(n):
        p, sender, rng = w.person(), w.doctor(), w.rng
        code, label = rng.choice(DIAGNOSES)
        domain = f"ch-{rng.choice(CITIES).lower().replace('î', 'i').replace('ç', 'c')}.fr"
        msg = EmailMessage()
        msg["From"] = f"{sender.first} {sender.last} <{_ascii(sender.first)}.{_ascii(sender.last)}@{domain}>"
        msg["To"] = f"regulation.rea@{domain}"
        msg["Subject"] = f"Demande de transfert en réanimation - {p.last.upper()}"
        msg["Date"] = format_datetime(dt.datetime.combine(w.date(), dt.time(rng.randint(0, 23), 12)))
        msg.set_content(
            f"Bonjour,\n\nJe vous adresse une demande de transfert pour {p.civ} {p.last.upper()} {p.first} "
            f"(IPP {p.ipp}), hospitalisé(e) en {rng.choice(UNITS)} pour {label}, dégradation respiratoire "
            "sous 6 L/min d'O2.\nFiche de transfert jointe.\n\nBien cordialement,\n" + dr(sender)
        )
        attachment = docx_bytes("Fiche de transfert inter-services", [
            f"Patient : {patient_name(p, rng)}", born(p, rng), f"N° sécurité sociale : {fmt_nir(p.nir, rng)}",
            f"Diagnostic : {label} (CIM-10 {code})", "Traitement en cours : " + "; ".join(rng.sample(DRUGS, 3)),
            f"Dernière gazométrie : pH 7,{rng.randint(25, 45)}, PaCO2 {rng.randint(35, 70)} mmHg, lactates "
            f"{rng.randint(1, 6)},{rng.randint(0, 9)} mmol/L",
        ])  # fmt: skip
        msg.add_attachment(attachment, maintype="application", filename="fiche_transfert.docx",
                           subtype="vnd.openxmlformats-officedocument.wordprocessingml.document")  # fmt: skip
        rel = f"Mails/Archives/transfert_{i:03d}.eml"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(bytes(msg))
        ids = {"PERSON_NAME", "IPP", "EMAIL", "BIRTH_DATE", "NIR"}
        docs.append(Doc(rel, "transfer_eml_docx", True, True, F(ids)))
    return docs


def _ascii(text: str) -> str:
    table = str.maketrans("éèêëàâäîïôöûüùçÉÈÎÔ", "eeeeaaaiioouuucEEIO")
    return text.translate(table).lower().replace(" ", "-").replace("'", "")


def handover_xlsx(root: Path, w: World, n: int) -> list[Doc]:
    """Feuille de transmissions ciblées (.xlsx): one row per bed, DAR targets, treatments."""
    docs = []
    for i in range(n):
        rng = w.rng
        rows: list[list[object]] = [["Chambre", "Patient", "Âge", "IPP", "Cible", "Données / Actions / Résultats"]]
        for bed in range(rng.randint(6, 14)):
            p = w.person()
            rows.append(
                [
                    f"{rng.randint(1, 3)}{bed:02d}",
                    patient_name(p, rng),
                    2024 - p.birth.year,
                    p.ipp,
                    rng.choice(["Douleur", "Risque de chute", "Glycémie", "Pansement", "Confusion"]),
                    f"EVA {rng.randint(0, 8)}/10, {rng.choice(DRUGS)}; glycémie {rng.randint(4, 19)} mmol/L",
                ]
            )
        rel = f"Soins/{rng.choice(UNITS)}/Transmissions/transmissions_{i:03d}.xlsx"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        write_xlsx(root / rel, "Nuit", rows, title=f"Transmissions - {fmt_date(w.date(), rng)}")
        docs.append(Doc(rel, "handover_xlsx", True, True, F({"PERSON_NAME", "IPP"})))
    return docs


def prescription_odt(root: Path, w: World, n: int) -> list[Doc]:
    """Ordonnance (.odt): prescriber with RPPS, secretariat line, patient, drugs with doses."""
    docs = []
    for i in range(n):
        p, doc_, rng = w.person(), w.doctor(), w.rng
        ids = {"PERSON_NAME", "RPPS", "PHONE"}
        paras = [f"{dr(doc_)} - Médecine interne", f"N° RPPS : {doc_.rpps}", f"Secrétariat : {w.landline()}",
                 f"Le {fmt_date(w.date(), rng)}", f"{p.civ} {p.first} {p.last.upper()}"]  # fmt: skip
        if rng.random() < 0.5:
            paras.append(born(p, rng))
            ids.add("BIRTH_DATE")
        paras += [f"{d}, pendant {rng.randint(5, 30)} jours" for d in rng.sample(DRUGS, rng.randint(2, 4))]
        paras.append("Bilan biologique : NFS, ionogramme, créatininémie dans 1 semaine.")
        rel = f"Consultations/Ordonnances/ordo_{i:03d}.odt"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        write_odt(root / rel, "ORDONNANCE", paras)
        docs.append(Doc(rel, "prescription_odt", True, True, F(ids)))
    return docs


def transport_voucher_pdf(root: Path, w: World, n: int) -> list[Doc]:
    """Prescription médicale de transport (.pdf): insured person's NIR, ambulance lying down, dialysis sessions."""
    docs = []
    for i in range(n):
        p, doc_, rng = w.person(), w.doctor(), w.rng
        lines = [
            "PRESCRIPTION MÉDICALE DE TRANSPORT (art. R.322-10 CSS)",
            f"Assuré(e) : {p.last.upper()} {p.first}",
            f"N° d'immatriculation : {fmt_nir(p.nir, rng)}",
            f"Date de naissance : {fmt_date(p.birth, rng)}",
            "Transport en rapport avec une affection de longue durée (ALD) : OUI",
            f"Destination : service de dialyse, Centre hospitalier de {rng.choice(CITIES)}",
            "Séances d'hémodialyse 3 fois par semaine, insuffisance rénale chronique terminale.",
            "Mode : ambulance, position allongée obligatoire, surveillance constante.",
            f"Prescripteur : {dr(doc_)} - RPPS {doc_.rpps}",
            f"Établissement : FINESS {w.finess()}",
        ]
        rel = f"Secretariat/Transports/PMT_{i:04d}.pdf"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        write_pdf(root / rel, "Bon de transport", lines)
        docs.append(Doc(rel, "transport_voucher_pdf", True, True,
                        F({"PERSON_NAME", "NIR", "BIRTH_DATE", "RPPS", "FINESS"})))  # fmt: skip
    return docs


def hprim_sante(root: Path, w: World, n: int) -> list[Doc]:
    """HPRIM Santé 2.x lab result (.hpr): H header, P patient (structured IPP, name, birth date), OBR/OBX, L."""
    docs = []
    analytes = [("GLU", "Glucose", "mmol/L", 4.0, 15.0), ("CREA", "Créatinine", "µmol/L", 50, 400),
                ("HBA1C", "Hémoglobine glyquée", "%", 5.0, 11.0), ("CRP", "Protéine C réactive", "mg/L", 1, 250),
                ("K", "Potassium", "mmol/L", 3.0, 6.5)]  # fmt: skip
    for i in range(n):
        p, rng = w.person(), w.rng
        when = w.date()
        lines = [
            f"H|~^\\&|{i:05d}||LABO^LABORATOIRE CENTRAL|||ORU|||SIL^CH|||P|H2.2|{when:%Y%m%d}0812",
            f"P|1|{p.ipp}|{p.nda}||{p.last.upper()}~{p.first.upper()}||{p.birth:%Y%m%d}|{'MF'[p.sex - 1]}||"
            f"{w.fake.street_address()}~~{rng.choice(CITIES)}~~{rng.randint(10000, 95999)}|",
            f"OBR|1||{rng.randint(10**8, 10**9 - 1)}|BIO^Biochimie|||{when:%Y%m%d}0730|",
        ]
        for n_obx, (code, label, unit, lo, hi) in enumerate(rng.sample(analytes, 3), start=1):
            value = round(rng.uniform(lo, hi), 1)
            lines.append(f"OBX|{n_obx}|NM|{code}^{label}||{value}|{unit}|||{'H' if value > (lo + hi) / 2 else 'N'}|||F")
        lines.append("L|1|||")
        rel = f"Labo/HPRIM/recus/{when:%Y%m}/{i:05d}.hpr"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(("\r".join(lines) + "\r").encode("cp1252", "replace"))
        docs.append(Doc(rel, "hprim_sante", True, True, F({"PERSON_NAME", "BIRTH_DATE", "IPP"}),
                        optional=F({"NDA"})))  # fmt: skip
    return docs


CDA_NS = "urn:hl7-org:v3"


def cda_document(root: Path, w: World, n: int) -> list[Doc]:
    """CDA R2 discharge summary (DMP style): INS-NIR in recordTarget, RPPS author, narrative section."""
    docs = []
    for i in range(n):
        p, author, rng = w.person(), w.doctor(), w.rng
        code, label = rng.choice(DIAGNOSES)
        when = w.date()
        narrative = escape(f"Hospitalisation pour {label}. Traitement de sortie : {'; '.join(rng.sample(DRUGS, 2))}.")
        xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="{CDA_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
  <id root="1.2.250.1.213.1.1.9" extension="{rng.randint(10**9, 10**10 - 1)}"/>
  <code code="11490-0" codeSystem="2.16.840.1.113883.6.1" displayName="Lettre de liaison de sortie"/>
  <title>Lettre de liaison à la sortie</title>
  <effectiveTime value="{when:%Y%m%d}120000+0100"/>
  <recordTarget><patientRole>
    <id root="1.2.250.1.213.1.4.8" extension="{p.nir}"/>
    <id root="1.2.250.1.71.4.2.7.{rng.randint(100, 999)}" extension="{p.ipp}"/>
    <patient>
      <name><given>{escape(p.first)}</given><family qualifier="BR">{escape(p.last.upper())}</family></name>
      <administrativeGenderCode code="{"MF"[p.sex - 1]}" codeSystem="2.16.840.1.113883.5.1"/>
      <birthTime value="{p.birth:%Y%m%d}"/>
    </patient>
  </patientRole></recordTarget>
  <author><time value="{when:%Y%m%d}"/><assignedAuthor>
    <id root="1.2.250.1.71.4.2.1" extension="8{author.rpps}"/>
    <assignedPerson><name><given>{escape(author.first)}</given><family>{escape(author.last)}</family></name>
    </assignedPerson></assignedAuthor></author>
  <component><structuredBody><component><section>
    <code code="29548-5" codeSystem="2.16.840.1.113883.6.1" displayName="Diagnostic"/>
    <title>Diagnostic retenu</title><text>{escape(code)} - {narrative}</text>
    <entry><observation classCode="OBS" moodCode="EVN">
      <value xsi:type="CD" code="{code}" codeSystem="2.16.840.1.113883.6.3" displayName={quoteattr(label)}/>
    </observation></entry>
  </section></component></structuredBody></component>
</ClinicalDocument>
"""
        rel = f"DMP/envois/{when:%Y}/CDA_{i:04d}.xml"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(xml, encoding="utf-8")
        ids = {"INS", "PERSON_NAME", "BIRTH_DATE", "RPPS"}
        docs.append(Doc(rel, "cda_r2_xml", True, True, F(ids), optional=F({"NIR", "IPP"})))
    return docs


def fhir_xml_bundle(root: Path, w: World, n: int) -> list[Doc]:
    """FHIR R4 XML Bundle: Patient (INS + IPP typed PI, name, birthDate) and an Observation (LOINC glucose)."""
    docs = []
    for i in range(n):
        p, rng = w.person(), w.rng
        value = round(rng.uniform(3.5, 18.0), 1)
        xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<Bundle xmlns="http://hl7.org/fhir">
  <type value="collection"/>
  <entry><fullUrl value="urn:uuid:p{i}"/><resource><Patient>
    <identifier><system value="urn:oid:1.2.250.1.213.1.4.8"/><value value="{p.nir}"/></identifier>
    <identifier><type><coding><system value="http://terminology.hl7.org/CodeSystem/v2-0203"/><code value="PI"/>
      </coding></type><system value="urn:oid:1.2.250.1.71.4.2.7.{rng.randint(100, 999)}"/><value value="{p.ipp}"/>
    </identifier>
    <name><use value="official"/><family value={quoteattr(p.last)}/><given value={quoteattr(p.first)}/></name>
    <gender value="{"male" if p.sex == 1 else "female"}"/>
    <birthDate value="{p.birth.isoformat()}"/>
  </Patient></resource></entry>
  <entry><fullUrl value="urn:uuid:o{i}"/><resource><Observation>
    <status value="final"/>
    <code><coding><system value="http://loinc.org"/><code value="15074-8"/><display value="Glucose"/></coding></code>
    <subject><reference value="urn:uuid:p{i}"/></subject>
    <effectiveDateTime value="{w.date().isoformat()}"/>
    <valueQuantity><value value="{value}"/><unit value="mmol/L"/></valueQuantity>
  </Observation></resource></entry>
</Bundle>
"""
        rel = f"Interfaces/FHIR/out/bundle_{i:05d}.xml"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(xml, encoding="utf-8")
        docs.append(Doc(rel, "fhir_xml_bundle", True, True, F({"INS", "IPP", "PERSON_NAME", "BIRTH_DATE"}),
                        optional=F({"NIR"})))  # fmt: skip
    return docs


def dicom_file(root: Path, w: World, n: int) -> list[Doc]:
    """DICOM MR image (pydicom): PatientName/ID/BirthDate, StudyDescription; half keep PACS names without extension."""
    docs = []
    studies = ["IRM CEREBRALE SANS INJECTION", "IRM GENOU DROIT", "IRM RACHIS LOMBAIRE", "IRM PELVIENNE"]
    for i in range(n):
        p, ref, rng = w.person(), w.doctor(), w.rng
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = MRImageStorage
        meta.MediaStorageSOPInstanceUID = generate_uid(entropy_srcs=[f"h5-{p.ipp}-{i}"])
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = Dataset()
        ds.file_meta = meta
        ds.SpecificCharacterSet = "ISO_IR 100"
        ds.SOPClassUID = MRImageStorage
        ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
        ds.StudyInstanceUID = generate_uid(entropy_srcs=[f"h5-study-{p.ipp}-{i}"])
        ds.SeriesInstanceUID = generate_uid(entropy_srcs=[f"h5-series-{p.ipp}-{i}"])
        ds.Modality = "MR"
        ds.PatientName = f"{p.last.upper()}^{p.first.upper()}"
        ds.PatientID = p.ipp
        ds.PatientBirthDate = p.birth.strftime("%Y%m%d")
        ds.PatientSex = "MF"[p.sex - 1]
        ds.StudyDate = w.date().strftime("%Y%m%d")
        ds.StudyDescription = rng.choice(studies)
        ds.ReferringPhysicianName = f"{ref.last.upper()}^{ref.first}"
        ds.InstitutionName = f"CH {rng.choice(CITIES)}"
        ds.Rows = ds.Columns = 16
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
        ds.PixelData = bytes(rng.randrange(256) for _ in range(256))
        name = f"IM{i:06d}" if rng.random() < 0.5 else f"img_{i:04d}.dcm"
        rel = f"PACS/export/{ds.StudyDate[:6]}/{name}"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        ds.save_as(root / rel, enforce_file_format=True)
        docs.append(Doc(rel, "dicom_mr", True, True, F({"PERSON_NAME", "IPP", "BIRTH_DATE"})))
    return docs


def bed_management_csv(root: Path, w: World, n: int) -> list[Doc]:
    """Gestion des lits (.csv, ';' and cp1252 as Excel-FR saves it): who lies where, why, planned discharge."""
    docs = []
    for i in range(n):
        rng = w.rng
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(["Unité", "Lit", "Nom", "Prénom", "IPP", "Entrée", "Motif d'hospitalisation", "Sortie prévue"])
        for _ in range(rng.randint(8, 20)):
            p = w.person()
            writer.writerow([rng.choice(UNITS), f"{rng.randint(100, 450)}-{rng.choice('AB')}", p.last.upper(),
                             p.first, p.ipp, w.date(2024, 2024).strftime("%d/%m/%Y"), rng.choice(DIAGNOSES)[1],
                             rng.choice(["J+2", "J+5", "à définir", "SSR en attente"])])  # fmt: skip
        rel = f"Cadres/Lits/etat_lits_{i:03d}.csv"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(out.getvalue().encode("cp1252", "replace"))
        docs.append(Doc(rel, "bed_management_csv_cp1252", True, True, F({"PERSON_NAME", "IPP"})))
    return docs


def psych_incident_utf16(root: Path, w: World, n: int) -> list[Doc]:
    """Fiche d'événement indésirable en psychiatrie (.txt UTF-16 with BOM, as Notepad's 'Unicode' saves it)."""
    docs = []
    for i in range(n):
        p, rng = w.person(), w.rng
        nurse, psy = w.doctor(), w.doctor()
        text = "\r\n".join(
            [
                "FICHE DE DÉCLARATION D'ÉVÉNEMENT INDÉSIRABLE - PÔLE DE PSYCHIATRIE",
                f"Date : {fmt_date(w.date(), rng)}   Unité : {rng.choice(['Les Tilleuls', 'UHCD psy', 'Secteur 3'])}",
                f"Patient concerné : {patient_name(p, rng)}   N° dossier (IPP) : {p.ipp}",
                "Mode d'hospitalisation : soins psychiatriques à la demande d'un tiers (SDT).",
                "Description : agitation avec hétéro-agressivité envers un soignant, mise en chambre d'isolement",
                f"sur décision du {dr(psy)} à {rng.randint(0, 23)}h{rng.randint(10, 59)}, contention 4 points.",
                "Traitement : loxapine 50 mg IM, puis cyamémazine 25 mg per os.",
                f"Déclarant : {nurse.first} {nurse.last}, IDE",
                "Mesures : surveillance toutes les 15 minutes, réévaluation médicale à H+6.",
            ]
        )
        rel = f"Qualite/FEI/psy/fei_{i:03d}.txt"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(text.encode("utf-16"))
        docs.append(Doc(rel, "psych_incident_utf16", True, True, F({"PERSON_NAME", "IPP"})))
    return docs


def scanned_letters_zip(root: Path, w: World, n: int) -> list[Doc]:
    """ZIP of a scanned-letters folder: OCR text of an outside letter (typos, broken accents) next to a JPEG."""
    docs = []
    for i in range(n):
        p, gp, rng = w.person(), w.doctor(), w.rng
        _code, label = rng.choice(DIAGNOSES)
        letter = "\n".join([
            f"Dr {gp.last.upper()} {gp.first}", "Medecin generaliste", "",
            "Cher confrere,", "",
            f"Je vous adresse {p.civ} {p.last.upper()} {p.first}, {born(p, rng).replace('é', 'e')}, pour avis",
            f"concernant une suspicion de {label}. Pas d'alIergie connue. Traitement : {rng.choice(DRUGS)}.",
            f"HbA1c a {rng.randint(6, 11)},{rng.randint(0, 9)} % le mois dernier. Merci de votre avis.",
            "", "Bien confraternellement",
        ])  # fmt: skip
        image = io.BytesIO()
        Image.new("L", (64, 64), color=rng.randint(180, 255)).save(image, "JPEG")
        rel = f"Secretariat/Scans/lot_{i:03d}.zip"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(root / rel, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"scans_courriers/{i:03d}/page1.jpg", image.getvalue())
            archive.writestr(f"scans_courriers/{i:03d}/page1_ocr.txt", letter)
        docs.append(Doc(rel, "scanned_letters_zip", True, True, F({"PERSON_NAME", "BIRTH_DATE"})))
    return docs


def dental_chart(root: Path, w: World, n: int) -> list[Doc]:
    """Schéma dentaire exported as fixed-width text by a dental software: FDI teeth, caries, extractions."""
    docs = []
    for i in range(n):
        p, dentist, rng = w.person(), w.doctor(), w.rng
        lines = [f"{'PATIENT':<12}{p.last.upper()} {p.first}", f"{'NE(E) LE':<12}{p.birth:%d/%m/%Y}",
                 f"{'N° SS':<12}{fmt_nir(p.nir, rng)}", f"{'PRATICIEN':<12}{dr(dentist)}", "",
                 f"{'DENT':<6}{'ETAT':<28}{'ACTE':<12}DATE"]  # fmt: skip
        for tooth in rng.sample([11, 16, 21, 26, 36, 37, 46, 47], 4):
            state, act = rng.choice([("carie occlusale", "HBMD038"), ("fracture coronaire", "HBGD036"),
                                     ("pulpite irréversible", "HBFD006"), ("absente", "-")])  # fmt: skip
            lines.append(f"{tooth:<6}{state:<28}{act:<12}{w.date():%d/%m/%y}")
        rel = f"Odontologie/Schemas/schema_{i:03d}.txt"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("\n".join(lines) + "\n", encoding="utf-8")
        docs.append(Doc(rel, "dental_chart_txt", True, True, F({"PERSON_NAME", "BIRTH_DATE", "NIR"})))
    return docs


def birth_register_xlsx(root: Path, w: World, n: int) -> list[Doc]:
    """Registre des naissances (.xlsx): mother, IPP, child, date of birth, term, Apgar, delivery mode."""
    docs = []
    for i in range(n):
        rng = w.rng
        rows: list[list[object]] = [["N°", "Mère (nom de naissance)", "Prénom mère", "IPP mère", "Enfant",
                                     "Date de naissance", "Heure", "Terme (SA)", "Poids (g)", "Apgar 1/5",
                                     "Mode d'accouchement"]]  # fmt: skip
        for row in range(rng.randint(5, 15)):
            mother, child = w.person(), w.fake.first_name()
            rows.append(
                [
                    row + 1,
                    mother.last.upper(),
                    w.fake.first_name_female(),
                    mother.ipp,
                    child,
                    w.date(2023, 2024).strftime("%d/%m/%Y"),
                    f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
                    f"{rng.randint(33, 41)}+{rng.randint(0, 6)}",
                    rng.randint(1900, 4300),
                    f"{rng.randint(5, 10)}/{rng.randint(7, 10)}",
                    rng.choice(["voie basse", "césarienne en urgence", "ventouse", "césarienne programmée"]),
                ]
            )
        rel = f"Maternite/Registre/registre_{2023 + i % 2}_{i:02d}.xlsx"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        write_xlsx(root / rel, "Naissances", rows, title="Registre des naissances - salle de naissance")
        docs.append(Doc(rel, "birth_register_xlsx", True, True, F({"PERSON_NAME", "IPP", "BIRTH_DATE"})))
    return docs


def vaccination_json(root: Path, w: World, n: int) -> list[Doc]:
    """Vaccination record exported by a vaccination-centre app (plain JSON, not FHIR): identity, NIR, injections."""
    docs = []
    vaccines = ["Comirnaty", "Vaxigrip Tetra", "Boostrixtetra", "Gardasil 9", "Prevenar 20"]
    for i in range(n):
        p, rng = w.person(minor=rng_bool(w, 0.3)), w.rng
        record = {
            "patient": {"nom": p.last.upper(), "prenom": p.first, "date_naissance": p.birth.isoformat(),
                        "nir": p.nir, "sexe": "MF"[p.sex - 1]},
            "injections": [{"vaccin": rng.choice(vaccines), "lot": f"{rng.choice('FGHK')}{rng.randint(1000, 9999)}",
                            "date": w.date().isoformat(), "voie": "IM deltoïde",
                            "effets_indesirables": rng.choice(["aucun", "fièvre 38,5 °C J1", "douleur locale"])}
                           for _ in range(rng.randint(1, 3))],
            "antecedents": rng.choice(["asthme", "immunodépression (chimiothérapie en cours)", "aucun"]),
        }  # fmt: skip
        rel = f"Prevention/Vaccination/export/{i:04d}.json"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(json.dumps(record, ensure_ascii=rng.random() < 0.5, indent=1), encoding="utf-8")
        docs.append(Doc(rel, "vaccination_json", True, True, F({"PERSON_NAME", "BIRTH_DATE", "NIR"})))
    return docs


def rng_bool(w: World, p: float) -> bool:
    return w.rng.random() < p


def death_certificate_docx(root: Path, w: World, n: int) -> list[Doc]:
    """Brouillon de certificat de décès, volet médical (.docx): deceased identity, causes, certifying doctor's RPPS."""
    docs = []
    for i in range(n):
        p, doc_, rng = w.person(), w.doctor(), w.rng
        code, label = rng.choice(DIAGNOSES)
        paras = [
            f"Défunt(e) : {p.last.upper()} {p.first}",
            born(p, rng),
            f"Date et heure du décès : {fmt_date(w.date(), rng)} à {rng.randint(0, 23)}h{rng.randint(10, 59)}",
            f"Lieu : service de {rng.choice(UNITS)}",
            "Partie I - a) cause immédiate : choc septique ; b) " + label + f" ({code})",
            "Partie II - autres états morbides : insuffisance cardiaque chronique, diabète de type 2.",
            "Obstacle médico-légal : NON. Prélèvement en vue de rechercher la cause du décès : NON.",
            f"Médecin certificateur : {dr(doc_)}, RPPS {doc_.rpps}",
        ]
        rel = f"Direction/Etat_civil/brouillons/certif_deces_{i:03d}.docx"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        write_docx(root / rel, "Certificat de décès - volet médical (brouillon, ne pas transmettre)", paras)
        docs.append(Doc(rel, "death_certificate_docx", True, True, F({"PERSON_NAME", "BIRTH_DATE", "RPPS"})))
    return docs


# --------------------------------------------------------------------------- negatives and near-misses


def research_dataset(root: Path, w: World, n: int) -> list[Doc]:
    """Anonymised research extract (.csv): study codes, age bands, diagnoses, HbA1c - clinical, but nobody in it."""
    docs = []
    for i in range(n):
        rng = w.rng
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["sujet", "classe_age", "sexe", "diag_cim10", "hba1c_pct", "traitement", "evenement_j90"])
        for s in range(rng.randint(30, 80)):
            code, _ = rng.choice(DIAGNOSES)
            writer.writerow([f"ETU{i:02d}-{s:04d}", rng.choice(["18-39", "40-59", "60-74", "75+"]), rng.choice("MF"),
                             code, round(rng.uniform(5.2, 11.5), 1), rng.choice(DRUGS).split(" ")[0],
                             rng.choice(["0", "1"])])  # fmt: skip
        rel = f"Recherche/URC/etude_{i:02d}/extraction_anonymisee.csv"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(out.getvalue(), encoding="utf-8")
        docs.append(Doc(rel, "research_dataset_anon", False, False))
    return docs


def ean13(body12: str) -> str:
    return body12 + str((10 - sum(int(d) * (3 if k % 2 else 1) for k, d in enumerate(body12)) % 10) % 10)


def price_list_xlsx(root: Path, w: World, n: int) -> list[Doc]:
    """Pharmacy price list (.xlsx): CIP13/EAN13 codes and 15-digit internal article codes, drug names, prices."""
    docs = []
    for i in range(n):
        rng = w.rng
        rows: list[list[object]] = [["Code CIP13", "EAN13", "Code article", "Désignation", "Prix HT", "TVA"]]
        for _ in range(rng.randint(20, 60)):
            rows.append([ean13(f"34009{rng.randint(0, 10**7 - 1):07d}"), ean13(f"3{rng.randint(0, 10**11 - 1):011d}"),
                         f"{rng.randint(10**14, 10**15 - 1)}", rng.choice(DRUGS).split(",")[0],
                         round(rng.uniform(0.5, 900), 2), "2,1 %"])  # fmt: skip
        rel = f"Pharmacie/Tarifs/tarif_{2020 + i % 5}_{i:02d}.xlsx"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        write_xlsx(root / rel, "Tarifs", rows)
        docs.append(Doc(rel, "pharmacy_price_list_xlsx", False, False))
    return docs


def keyed_lookalike(w: World) -> str:
    """A 15-digit serial that happens to have a NIR shape and a valid NIR key (the 0.55 % case, made certain)."""
    body = f"{w.rng.choice('12')}{w.rng.randint(0, 99):02d}{w.rng.randint(1, 12):02d}{w.rng.randint(10**7, 10**8 - 1)}"
    return body + stdnum_nir.calc_check_digits(body)


def device_inventory_csv(root: Path, w: World, n: int) -> list[Doc]:
    """Biomedical device inventory (.csv): serial numbers (some NIR-shaped with a valid key), units, no person."""
    docs = []
    devices = ["Pousse-seringue", "Moniteur multiparamétrique", "Défibrillateur", "Pompe volumétrique", "Respirateur"]
    for i in range(n):
        rng = w.rng
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["n_inventaire", "equipement", "numero_serie", "localisation", "mise_en_service", "statut"])
        for _ in range(rng.randint(20, 50)):
            serial = keyed_lookalike(w) if rng.random() < 0.4 else f"SN{rng.randint(10**9, 10**10 - 1)}"
            writer.writerow(
                [
                    f"BIO-{rng.randint(10000, 99999)}",
                    rng.choice(devices),
                    serial,
                    rng.choice(UNITS),
                    w.date(2010, 2023).isoformat(),
                    rng.choice(["en service", "réformé", "maintenance"]),
                ]
            )
        rel = f"Biomedical/Inventaire/inventaire_{i:02d}.csv"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(out.getvalue(), encoding="utf-8")
        docs.append(Doc(rel, "device_inventory_csv", False, False))
    return docs


def switch_logs(root: Path, w: World, n: int) -> list[Doc]:
    """Network switch syslog: interface counters, 15-digit session ids (some NIR-keyed), MAC addresses."""
    docs = []
    for i in range(n):
        rng = w.rng
        lines = []
        for k in range(rng.randint(40, 120)):
            sid = keyed_lookalike(w) if rng.random() < 0.3 else str(rng.randint(10**14, 10**15 - 1))
            mac = ":".join(f"{rng.randrange(256):02x}" for _ in range(6))
            lines.append(
                f"<189>{k}: sw-bat{rng.randint(1, 9)}-{rng.randint(1, 4)}: %LINK-3-UPDOWN: Gi1/0/"
                f"{rng.randint(1, 48)} session {sid} mac {mac} rx_bytes={rng.randint(10**9, 10**13)}"
            )
        rel = f"DSI/logs/switch/sw_{i:02d}.log"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("\n".join(lines) + "\n", encoding="ascii")
        docs.append(Doc(rel, "switch_logs", False, False))
    return docs


def oncall_rota_ods(root: Path, w: World, n: int) -> list[Doc]:
    """Medical on-call rota (.ods): doctors' names and personal mobiles per service and date - personal, not health."""
    docs = []
    for i in range(n):
        rng = w.rng
        rows = [["Date", "Service", "Médecin d'astreinte", "Portable"]]
        for _ in range(rng.randint(10, 25)):
            d = w.doctor()
            rows.append([fmt_date(w.date(2024, 2024), rng), rng.choice(UNITS), dr(d), w.mobile()])
        rel = f"Affaires_medicales/Astreintes/planning_{i:02d}.ods"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        write_ods(root / rel, "Astreintes", rows)
        docs.append(Doc(rel, "oncall_rota_ods", False, True, F({"PERSON_NAME", "PHONE"})))
    return docs


SUPPLIERS = ["MEDIFOURNITURES SAS", "BIOLOGIC EQUIPEMENT", "PHARMA DISTRIBUTION OUEST", "STERIL SERVICES"]


def supplier_invoice_pdf(root: Path, w: World, n: int) -> list[Doc]:
    """Supplier invoice (.pdf): company IBAN, buyer FINESS, SIRET, 15-digit order no., switchboard, billing mailbox."""
    docs = []
    for i in range(n):
        rng = w.rng
        supplier = rng.choice(SUPPLIERS)
        lines = [
            f"{supplier} - SIRET {rng.randint(10**13, 10**14 - 1)}",
            f"Standard : {w.landline()} - facturation@{supplier.split()[0].lower()}.fr",
            f"Client : Centre hospitalier de {rng.choice(CITIES)} - FINESS {w.finess()}",
            f"Commande n° {rng.randint(10**14, 10**15 - 1)} du {fmt_date(w.date(), rng)}",
        ]
        total = 0.0
        for _ in range(rng.randint(3, 8)):
            price = round(rng.uniform(5, 800), 2)
            total += price
            lines.append(f"  {rng.choice(['Gants nitrile x100', 'Seringue 50 mL', 'Tubulure', 'Compresses'])}"
                         f"   {price:.2f} EUR")  # fmt: skip
        lines += [f"Total HT : {total:.2f} EUR", f"Règlement par virement - IBAN {w.company_iban()}"]
        rel = f"Finances/Fournisseurs/factures/{i:04d}.pdf"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        write_pdf(root / rel, "FACTURE", lines)
        docs.append(Doc(rel, "supplier_invoice_pdf", False, False, F({"IBAN", "FINESS", "PHONE", "EMAIL"})))
    return docs


def conference_docx(root: Path, w: World, n: int) -> list[Doc]:
    """Conference programme (.docx): speakers named with their talks on sepsis and diabetes - personal, not health."""
    docs = []
    talks = [
        "Sepsis : les nouvelles recommandations",
        "Antibiothérapie probabiliste aux urgences",
        "Diabète de type 2 et néphroprotection",
        "Fibrillation atriale du sujet âgé",
        "Table ronde : la fin de vie",
    ]
    for i in range(n):
        rng = w.rng
        paras = [f"Journée régionale de médecine - {rng.choice(CITIES)}, {fmt_date(w.date(2024, 2025), rng)}"]
        for slot in range(rng.randint(4, 7)):
            d = w.doctor()
            paras.append(f"{9 + slot}h00 - {rng.choice(talks)} - {dr(d)} ({rng.choice(CITIES)})")
        rel = f"Communication/Congres/programme_{i:02d}.docx"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        write_docx(root / rel, "Programme", paras)
        docs.append(Doc(rel, "conference_programme_docx", False, True, F({"PERSON_NAME"})))
    return docs


def sepsis_guideline_pdf(root: Path, w: World, n: int) -> list[Doc]:
    """Sepsis protocol (.pdf): scores, lactate thresholds, antibiotic doses - clinical, about nobody."""
    docs = []
    for i in range(n):
        rng = w.rng
        lines = [
            f"Version {rng.randint(1, 5)}.{rng.randint(0, 9)} - validé par la COMEDIMS",
            "1. Dépistage : qSOFA >= 2 (FR >= 22/min, PAS <= 100 mmHg, confusion).",
            "2. Bilan : lactates, hémocultures x2 avant antibiotiques, NFS, CRP, procalcitonine, créatinine.",
            "3. Lactates > 2 mmol/L : remplissage cristalloïdes 30 mL/kg dans les 3 premières heures.",
            "4. Antibiothérapie dans l'heure : céfotaxime 2 g IV x3/j + gentamicine 5 mg/kg si choc.",
            "5. Noradrénaline si PAM < 65 mmHg après remplissage ; avis réanimation.",
            "Diagnostic CIM-10 à coder : A41.9 sepsis, R57.2 choc septique.",
        ]
        rel = f"Qualite/Protocoles/sepsis_v{i}.pdf"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        write_pdf(root / rel, "Protocole : prise en charge du sepsis de l'adulte", lines)
        docs.append(Doc(rel, "sepsis_guideline_pdf", False, False))
    return docs


def diet_leaflet_odt(root: Path, w: World, n: int) -> list[Doc]:
    """Low-salt diet leaflet (.odt), recipe-like, with the dietetics switchboard number."""
    docs = []
    for i in range(n):
        rng = w.rng
        paras = [
            "Pourquoi ? En cas d'insuffisance cardiaque ou d'hypertension, limiter le sel à 6 g par jour.",
            "Recette : papillote de cabillaud aux herbes - 150 g de cabillaud, citron, aneth, 1 c. à soupe d'huile.",
            "Cuisson 15 minutes à 180 °C. Ne pas saler ; relever avec poivre, ail et épices.",
            "À éviter : charcuterie, fromages à pâte dure, plats industriels, eaux gazeuses salées.",
            f"Questions : service de diététique, standard {w.landline()} (poste {rng.randint(1000, 9999)}).",
        ]
        rel = f"Dietetique/Fiches/regime_sans_sel_{i:02d}.odt"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        write_odt(root / rel, "Mon alimentation pauvre en sel", paras)
        docs.append(Doc(rel, "diet_leaflet_odt", False, False, F({"PHONE"})))
    return docs


def scanned_pdf(root: Path, w: World, n: int) -> list[Doc]:
    """A scan without a text layer (.pdf holding one grey image of blurred lines): content unknowable to text."""
    docs = []
    for _ in range(n):
        rng = w.rng
        image = Image.new("L", (420, 595), color=245)
        draw = ImageDraw.Draw(image)
        for y in range(60, 560, 14):
            draw.rectangle([40, y, 40 + rng.randint(120, 340), y + 5], fill=rng.randint(40, 110))
        pdf = FPDF()
        pdf.add_page()
        pdf.image(image, x=0, y=0, w=210)
        rel = f"Secretariat/Scans/SCAN_{rng.randint(10**7, 10**8 - 1)}.pdf"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        pdf.output(str(root / rel))
        docs.append(Doc(rel, "scanned_pdf_no_text", None, None))
    return docs


def test_nir_csv(root: Path, w: World, n: int) -> list[Doc]:
    """Interface test data (.csv) labelled as such: NIR-shaped values with deliberately wrong keys, expected 'REJET'."""
    docs = []
    for i in range(n):
        rng = w.rng
        lines = ["# JEU DE TEST - recette interface Gam -> DPI - données fictives, ne pas importer en production",
                 "cas;nir;cle_attendue;resultat_attendu"]  # fmt: skip
        for k in range(rng.randint(8, 20)):
            nir = w.nir(rng.choice([1, 2]), w.date(1940, 2000))
            bad = nir[:13] + f"{(int(nir[13:]) + rng.randint(1, 50)) % 97 + 1:02d}"
            lines.append(f"TC{k:03d};{bad};{nir[13:]};REJET cle invalide")
        rel = f"DSI/Recette/jeu_test_nir_{i:02d}.csv"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("\n".join(lines) + "\n", encoding="utf-8")
        docs.append(Doc(rel, "test_data_invalid_nir", False, False, optional=F({"NIR"})))
    return docs


def mail_merge_docx(root: Path, w: World, n: int) -> list[Doc]:
    """Mail-merge template (.docx) with «NOM»-style fields: a letter about a consultation, with nobody in it."""
    docs = []
    for i in range(n):
        rng = w.rng
        paras = [
            "«CIVILITE» «PRENOM» «NOM»", "«ADRESSE»", "«CP» «VILLE»", "",
            "Né(e) le : «DATE_NAISSANCE»     IPP : «IPP»",
            f"Madame, Monsieur, votre rendez-vous en consultation de {rng.choice(UNITS)} est fixé le «DATE_RDV» à "
            "«HEURE_RDV». Merci de vous munir de votre carte Vitale et de vos derniers examens.",
            "Le secrétariat médical",
        ]  # fmt: skip
        rel = f"Secretariat/Modeles/convocation_{i:02d}.docx"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        write_docx(root / rel, "Convocation", paras)
        docs.append(Doc(rel, "mail_merge_template_docx", False, False))
    return docs


def teaching_case_rtf(root: Path, w: World, n: int) -> list[Doc]:
    """Teaching case (.rtf): a full clinical story of 'a 67-year-old man', dates and doses, but no identity."""
    docs = []
    for i in range(n):
        rng = w.rng
        code, label = rng.choice(DIAGNOSES)
        age = rng.randint(25, 90)
        lines = [
            f"CAS CLINIQUE N°{i + 1} - séance d'enseignement des internes",
            f"{rng.choice(['Un homme', 'Une femme'])} de {age} ans consulte pour {label}.",
            "Antécédents : HTA, tabagisme sevré. Traitement : " + "; ".join(rng.sample(DRUGS, 2)) + ".",
            f"Biologie : créatinine {rng.randint(60, 300)} µmol/L, CRP {rng.randint(5, 300)} mg/L.",
            f"Diagnostic retenu : {label} ({code}).",
            "Questions : 1) Quels examens complémentaires ? 2) Quelle prise en charge initiale ?",
        ]
        rel = f"Enseignement/Cas_cliniques/cas_{i:02d}.rtf"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rtf(lines), encoding="ascii")
        docs.append(Doc(rel, "teaching_case_rtf", False, False))
    return docs


GENERATORS: tuple[Callable[[Path, World, int], list[Doc]], ...] = (
    operative_report, anaesthesia_consult, radiology_rtf, ed_summary_html, transfer_eml, handover_xlsx,
    prescription_odt, transport_voucher_pdf, hprim_sante, cda_document, fhir_xml_bundle, dicom_file,
    bed_management_csv, psych_incident_utf16, scanned_letters_zip, dental_chart, birth_register_xlsx,
    vaccination_json, death_certificate_docx,
    research_dataset, price_list_xlsx, device_inventory_csv, switch_logs, oncall_rota_ods, supplier_invoice_pdf,
    conference_docx, sepsis_guideline_pdf, diet_leaflet_odt, scanned_pdf, test_nir_csv, mail_merge_docx,
    teaching_case_rtf,
)  # fmt: skip


def generate(root: Path, rng: random.Random, seed: int) -> list[Doc]:
    """Write every generator's files under ``root`` for one seed; the labels, in the order written."""
    world = World(rng, seed)
    docs: list[Doc] = []
    for make in GENERATORS:
        docs += make(root, world, PER_KIND)
    return docs


if __name__ == "__main__":
    raise SystemExit(main("holdout5", "blind fifth holdout: real file formats (Office, PDF, RTF, HTML, EML, ODF, "
                          "HPRIM, CDA, FHIR XML, DICOM, cp1252 CSV, UTF-16, ZIP, JSON); scans not scored for "
                          "health/personal; INS-carrying files do not score NIR.", generate))  # fmt: skip

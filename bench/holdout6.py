"""Sixth blind holdout: the everyday mess of a hospital share, in document kinds the earlier holdouts did not use.

Written without reading the classifier, its tests or the earlier corpora, and scored once: the labels are what a
hospital data-protection officer would say of each file, never tuned on the classifier's answers.

Labelling rules (same as holdout 5):

- health_data: an identifiable patient (name, NIR/INS, or IPP/NDA together with identity) AND health content, or a
  health message format carrying a patient. Not health: protocols, anonymised statistics or cases, blank templates,
  stock lists, newsletters, staff training, counts per diet.
- personal_data: any value identifying a person (name, NIR, personal e-mail or phone, a person's IBAN, RPPS, ADELI).
  Not personal: FINESS, company IBAN, switchboard number, functional mailbox.
- identifier types (NIR, INS, IPP, NDA, RPPS, ADELI, FINESS, IBAN, EMAIL, PHONE, PERSON_NAME, BIRTH_DATE) are
  expected when a value of the type is present (a switchboard PHONE and a functional EMAIL count as PHONE / EMAIL);
  NIR/INS/IPP/NDA/RPPS/ADELI only with a context word or a structured field (a column header counts); where an INS is
  present NIR is optional; BIRTH_DATE only when labelled as such or in a structured column; PERSON_NAME for any
  person's name (patients, staff, police officers, authors).
- About 40 % of the files are negatives or near-misses (anonymised, pseudonymised, blank or count-only variants).

Values vary the way real shares do: upper-case surnames, accents dropped, Mme/M./Dr/Pr, NIR spaced or not, dates in
several formats, values on the line after their label, a NIR split into number and key columns. Names and numbers
never appear in file names (the harness prints paths).
"""

from __future__ import annotations

import csv
import io
import random
import sys
import unicodedata
from collections.abc import Callable, Sequence
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
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P
from stdnum import luhn
from stdnum.fr import nir as nir_check

LATIN1_FIXES = {0x2019: "'", 0x0153: "oe", 0x2014: "-", 0x2013: "-"}  # right quote, oe ligature, em and en dash
FIXED_TIME = datetime(2025, 3, 3, 9, 0, 0)  # document metadata timestamps, so a seed always gives the same files

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

# (city, department, phone area prefix): real places, so hospital headers hold no invented person-like names.
CITIES: tuple[tuple[str, str, str], ...] = (
    ("Rouen", "76", "02 35"),
    ("Caen", "14", "02 31"),
    ("Amiens", "80", "03 22"),
    ("Lille", "59", "03 20"),
    ("Nantes", "44", "02 40"),
    ("Angers", "49", "02 41"),
    ("Tours", "37", "02 47"),
    ("Limoges", "87", "05 55"),
    ("Poitiers", "86", "05 49"),
    ("Dijon", "21", "03 80"),
    ("Reims", "51", "03 26"),
    ("Nancy", "54", "03 83"),
    ("Brest", "29", "02 98"),
    ("Vannes", "56", "02 97"),
    ("Pau", "64", "05 59"),
    ("Valence", "26", "04 75"),
    ("Annecy", "74", "04 50"),
    ("Bastia", "2B", "04 95"),
    ("Niort", "79", "05 49"),
    ("Quimper", "29", "02 98"),
)
BIRTH_DEPTS = ("75", "69", "13", "59", "76", "14", "44", "33", "2A", "2B", "971", "974", "99", "62", "35", "67")

SPECIALTIES = (
    "cardiologie",
    "oncologie médicale",
    "pneumologie",
    "neurologie",
    "gastro-entérologie",
    "rhumatologie",
    "endocrinologie",
    "psychiatrie",
    "néphrologie",
    "hématologie",
    "chirurgie orthopédique",
    "urologie",
)
DIAGNOSES = (
    "insuffisance cardiaque décompensée",
    "pneumopathie franche lobaire aiguë droite",
    "AVC ischémique sylvien gauche",
    "diabète de type 2 déséquilibré (HbA1c 9,8 %)",
    "BPCO exacerbée",
    "fracture du col du fémur gauche",
    "cancer du côlon sigmoïde stade III",
    "pyélonéphrite aiguë",
    "embolie pulmonaire bilatérale",
    "épisode dépressif majeur",
    "cirrhose alcoolique décompensée",
    "lymphome B diffus à grandes cellules",
    "insuffisance rénale chronique stade 4",
    "polyarthrite rhumatoïde en poussée",
)
DRUGS = (
    "amoxicilline 1 g x3/j",
    "furosémide 40 mg le matin",
    "bisoprolol 2,5 mg/j",
    "metformine 1000 mg x2/j",
    "apixaban 5 mg x2/j",
    "paracétamol 1 g x4/j",
    "enoxaparine 4000 UI/j SC",
    "insuline glargine 18 UI le soir",
    "ramipril 5 mg/j",
    "atorvastatine 40 mg/j",
    "sertraline 50 mg/j",
    "lévothyroxine 75 µg/j",
    "tramadol 50 mg x3/j si douleur",
    "oméprazole 20 mg/j",
    "prednisone 20 mg/j",
)
SERVICES = (
    "médecine interne",
    "gériatrie",
    "cardiologie",
    "pneumologie",
    "chirurgie digestive",
    "orthopédie",
    "néphrologie",
    "oncologie",
    "neurologie",
    "SSR",
    "maladies infectieuses",
)


HOME_CARE = (
    "pansement ulcère jambe droite",
    "perfusion ceftriaxone 2 g",
    "soins de PICC line",
    "alimentation entérale",
    "pompe morphine PCA",
)
ICU_DIAGNOSES = (
    "choc septique à point de départ urinaire",
    "SDRA grippal",
    "arrêt cardio-respiratoire récupéré",
    "pancréatite aiguë grave",
)
CIRCUMSTANCES = (
    "une agression à l'arme blanche",
    "un accident de la voie publique",
    "des violences conjugales alléguées",
    "une chute dans un lieu public",
)
FIRM_NAMES = ("du Centre", "de la Vallée", "Express", "Saint-Michel", "Océane")


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def luhn_number(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    return body + luhn.calc_check_digit(body)


@dataclass(slots=True)
class Person:
    """A fictional person with every value a document might quote."""

    female: bool
    first: str
    last: str
    birth: date
    nir: str
    ipp: str
    nda: str
    phone: str
    email: str
    street: str
    postcode: str
    city: str

    @property
    def civ(self) -> str:
        return "Mme" if self.female else "M."


@dataclass(slots=True)
class Hospital:
    name: str
    city: str
    dept: str
    finess: str
    switchboard: str
    domain: str


class Ctx:
    """One seed's generation state: the random source, Faker, the output root and the labels written so far."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root = root
        self.rng = rng
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(rng.getrandbits(32))
        self.docs: list[Doc] = []

    # ---- values -------------------------------------------------------------------------------------------------
    def person(self, min_age: int = 18, max_age: int = 95) -> Person:
        rng, fake = self.rng, self.fake
        female = rng.random() < 0.5
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name()
        birth = date(2025, 1, 1) - timedelta(days=rng.randint(min_age * 365, max_age * 365))
        dept = rng.choice(BIRTH_DEPTS)
        place = dept + "".join(rng.choice("0123456789") for _ in range(5 - len(dept)))
        if dept in ("2A", "2B") and birth.year < 1976:  # Corsica was department 20 until 1976
            place = "20" + place[2:]
        if dept == "99":
            place = "99" + rng.choice(("350", "134", "109", "352"))
        body = f"{2 if female else 1}{birth.year % 100:02d}{birth.month:02d}{place}{rng.randint(1, 999):03d}"
        nir = body + nir_check.calc_check_digits(body)
        mail_host = rng.choice(("gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr", "sfr.fr"))
        local = strip_accents(f"{first}.{last}").lower().replace(" ", "").replace("'", "")
        if rng.random() < 0.3:
            local += str(rng.randint(1, 99))
        return Person(
            female=female,
            first=first,
            last=last,
            birth=birth,
            nir=nir,
            ipp=self.ipp(),
            nda=self.nda(),
            phone=self.mobile(),
            email=f"{local}@{mail_host}",
            street=fake.street_address(),
            postcode=fake.postcode(),
            city=fake.city(),
        )

    def ipp(self) -> str:
        style = self.rng.randrange(3)
        digits = "".join(self.rng.choice("0123456789") for _ in range(9))
        return ("8" + digits, digits[:8], "P" + digits[:7])[style]

    def nda(self) -> str:
        return self.rng.choice(("2", "3")) + str(self.rng.randint(24, 25)) + f"{self.rng.randint(0, 9_999_999):07d}"

    def mobile(self) -> str:
        d = [self.rng.choice("67")] + [self.rng.choice("0123456789") for _ in range(8)]
        pairs = ["0" + d[0]] + ["".join(d[i : i + 2]) for i in range(1, 9, 2)]
        style = self.rng.randrange(4)
        if style == 0:
            return " ".join(pairs)
        if style == 1:
            return ".".join(pairs)
        if style == 2:
            return "".join(pairs)
        return "+33 " + d[0] + " " + " ".join(pairs[1:])

    def landline(self, prefix: str) -> str:
        """A fixed-line or switchboard number: the prefix ('02 35', '09') then pairs of digits up to 10 digits."""
        missing = (10 - len(prefix.replace(" ", ""))) // 2
        return " ".join([prefix, *(f"{self.rng.randint(0, 99):02d}" for _ in range(missing))])

    def hospital(self) -> Hospital:
        city, dept, prefix = self.rng.choice(CITIES)
        kind = self.rng.choice(("Centre hospitalier", "CHU", "Centre hospitalier intercommunal"))
        dept_digits = {"2A": "20", "2B": "20"}.get(dept, dept)
        switchboard = self.landline(prefix)
        slug = strip_accents(city).lower()
        domain = f"{'chu' if kind == 'CHU' else 'ch'}-{slug}.fr"
        return Hospital(
            f"{kind} de {city}", city, dept, luhn_number(self.rng, dept_digits + "0", 9), switchboard, domain
        )

    def staff(self) -> str:
        """A clinician's name as letters sign it: 'Dr Anne MARTIN', 'Pr Martin', 'Dr A. Martin'."""
        first, last = self.fake.first_name(), self.fake.last_name()
        title = self.rng.choice(("Dr", "Dr", "Pr", "Docteur"))
        return self.rng.choice((f"{title} {first} {last.upper()}", f"{title} {last}", f"{title} {first[0]}. {last}"))

    def plain_staff(self) -> str:
        first, last = self.fake.first_name(), self.fake.last_name()
        return self.rng.choice((f"{first} {last}", f"{last.upper()} {first}", f"{first} {last.upper()}"))

    def name(self, p: Person, civ: bool | None = None) -> str:
        """A patient's name in one of the ways hospital software and people write it."""
        last, first = p.last, p.first
        if self.rng.random() < 0.25:
            last, first = strip_accents(last), strip_accents(first)
        form = self.rng.randrange(4)
        text = (
            f"{last.upper()} {first}",
            f"{first} {last.upper()}",
            f"{first} {last}",
            f"{last.upper()} {first.upper()}",
        )[form]
        if civ or (civ is None and self.rng.random() < 0.5):
            text = f"{p.civ} {text}"
        return text

    def day(self, d: date) -> str:
        form = self.rng.randrange(6)
        if form == 0:
            return d.strftime("%d/%m/%Y")
        if form == 1:
            return d.strftime("%d/%m/%y")
        if form == 2:
            return d.strftime("%d.%m.%Y")
        if form == 3:
            return d.isoformat()
        if form == 4:
            return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
        return d.strftime("%d-%m-%Y")

    def nir_text(self, nir: str) -> str:
        form = self.rng.randrange(4)
        if form == 0:
            return nir
        if form == 1:
            return f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}"
        if form == 2:
            return f"{nir[:13]} {nir[13:]}"
        return f"{nir[0]}.{nir[1:3]}.{nir[3:5]}.{nir[5:7]}.{nir[7:10]}.{nir[10:13]} {nir[13:]}"

    def recent(self, days: int = 200) -> date:
        return date(2025, 2, 28) - timedelta(days=self.rng.randint(0, days))

    def labelled(self, label: str, value: str) -> str:
        """'Label : value' or the value on the next line, as text copied from a form often comes out."""
        return f"{label}\n{value}" if self.rng.random() < 0.3 else f"{label} : {value}"

    # ---- output -------------------------------------------------------------------------------------------------
    def path(self, folder: str, stem: str, ext: str) -> tuple[str, Path]:
        rel = f"{folder}/{stem}_{len(self.docs):03d}.{ext}"
        full = self.root / rel
        full.parent.mkdir(parents=True, exist_ok=True)
        return rel, full

    def add(
        self,
        rel: str,
        kind: str,
        health: bool | None,
        personal: bool | None,
        ids: Sequence[str] = (),
        optional: Sequence[str] = (),
    ) -> None:
        self.docs.append(Doc(rel, kind, health, personal, frozenset(ids), frozenset(optional)))


# ---- writers (one real library per format) ----------------------------------------------------------------------
Block = str | list[list[str]]  # a paragraph, "\f" for a page break, or a table


def write_docx(path: Path, blocks: Sequence[Block]) -> None:
    document = docx.Document()
    document.core_properties.created = FIXED_TIME
    document.core_properties.modified = FIXED_TIME
    for block in blocks:
        if isinstance(block, str):
            if block == "\f":
                document.add_page_break()
            else:
                document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=max(len(r) for r in block))
        for row, values in zip(table.rows, block, strict=True):
            for cell, value in zip(row.cells, values, strict=False):
                cell.text = value
    document.save(str(path))


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], sheet: str = "Feuil1") -> None:
    book = openpyxl.Workbook()
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    book.save(str(path))


def write_ods(path: Path, rows: Sequence[Sequence[str]], sheet: str = "Feuille1") -> None:
    book = OpenDocumentSpreadsheet()
    table = Table(name=sheet)
    for values in rows:
        tr = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    book.spreadsheet.addElement(table)
    book.save(str(path))


def write_pdf(path: Path, pages: Sequence[str], landscape: bool = False, size: int = 10) -> None:
    pdf = FPDF(orientation="L" if landscape else "P")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_auto_page_break(True, 15)
    for page in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=size)
        # the core fonts are Latin-1 only: typographic quotes and the oe ligature become plain letters
        text = page.translate(LATIN1_FIXES)
        line_height = max(5.0, size * 0.5)  # mm; below ~0.4 x the point size the lines overlap
        pdf.multi_cell(0, line_height, text.encode("latin-1", "replace").decode("latin-1"))
    pdf.output(str(path))


def write_csv(path: Path, rows: Sequence[Sequence[object]], delimiter: str = ";", encoding: str = "utf-8") -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding, "replace"))


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding, "replace"))


def write_letter(path: Path, ext: str, blocks: Sequence[Block]) -> None:
    """A document of paragraphs (and tables) as .docx, .pdf or .txt: the same letter saved by different people."""
    if ext == "docx":
        write_docx(path, blocks)
        return
    text = "\n".join(b if isinstance(b, str) else "\n".join("  |  ".join(row) for row in b) for b in blocks)
    if ext == "pdf":
        write_pdf(path, [text])
    else:
        write_text(path, text)


def write_sheet(path: Path, ext: str, rows: Sequence[Sequence[object]], encoding: str = "utf-8") -> None:
    """A table as .xlsx, .ods or .csv."""
    if ext == "xlsx":
        write_xlsx(path, rows)
    elif ext == "ods":
        write_ods(path, [[str(v) for v in row] for row in rows])
    else:
        write_csv(path, rows, encoding=encoding)


# ---- generators: each writes one file and labels it ---------------------------------------------------------------
def dictation(c: Ctx) -> None:
    """A medical secretary's transcript of a dictated letter, dictation artefacts left in."""
    p, doctor, h = c.person(), c.staff(), c.hospital()
    dx, drugs = c.rng.choice(DIAGNOSES), c.rng.sample(DRUGS, 3)
    lines = [
        f"{h.name} - service de {c.rng.choice(SERVICES)}",
        f"Dictée de {doctor} - frappe secrétariat ({c.day(c.recent())})",
        c.labelled("Patient", c.name(p)),
        c.labelled("IPP", p.ipp),
        c.labelled("Né(e) le", c.day(p.birth)),
        "",
        "Cher confrère virgule",
        f"Je revois en consultation votre patient(e) pour {dx} point.",
        "Sur le plan clinique virgule la tolérance est correcte point à la ligne",
        f"Tension artérielle {c.rng.randint(105, 165)}/{c.rng.randint(60, 95)} mmHg, "
        f"poids {c.rng.randint(48, 110)} kg.",
        "[passage inaudible] ... au total je propose de poursuivre le traitement suivant deux points",
        *(f"- {d}" for d in drugs),
        "Je le/la reverrai dans trois mois avec un bilan biologique point",
        "Bien confraternellement",
        "",
        f"{doctor}",
    ]
    rel, path = c.path("secretariat/dictees", "transcription", c.rng.choice(("docx", "txt")))
    write_letter(path, path.suffix[1:], lines)
    c.add(rel, "dictation_transcript", True, True, ("PERSON_NAME", "IPP", "BIRTH_DATE"))


def ward_round(c: Ctx) -> None:
    """Multi-patient ward-round notes: a table per visit, ages but no birth dates."""
    with_ipp = c.rng.random() < 0.4
    head = ["Lit", "Patient", *(["IPP"] if with_ipp else []), "Âge", "Problèmes", "CAT"]
    table = [head]
    for bed in c.rng.sample(range(1, 30), c.rng.randint(4, 8)):
        p = c.person(40)
        row = [
            str(bed),
            c.name(p, civ=False),
            *([p.ipp] if with_ipp else []),
            f"{2025 - p.birth.year} ans",
            c.rng.choice(DIAGNOSES),
            c.rng.choice(
                (
                    "poursuivre ATB J5/7",
                    "RAD demain si apyrexie",
                    "contrôle iono + créat",
                    "avis cardio",
                    "kiné respiratoire",
                    "arrêt sonde urinaire",
                    "appel famille",
                )
            ),
        ]
        table.append(row)
    blocks: list[Block] = [
        f"Visite du {c.day(c.recent())} - {c.rng.choice(SERVICES)} - {c.staff()}",
        f"Internes : {c.plain_staff()}, {c.plain_staff()}",
        table,
        "Sorties prévues : voir tableau.",
    ]
    rel, path = c.path("medecine/visites", "visite_salle", "docx")
    write_docx(path, blocks)
    c.add(rel, "ward_round_notes", True, True, ("PERSON_NAME", *(["IPP"] if with_ipp else [])))


def mail_merge_output(c: Ctx) -> None:
    """The OUTPUT of a Word mail merge: several filled appointment letters, one per page."""
    h, doctor, spec = c.hospital(), c.staff(), c.rng.choice(SPECIALTIES)
    blocks: list[Block] = []
    for n in range(c.rng.randint(3, 6)):
        p = c.person()
        when = date(2025, 2, 28) + timedelta(days=c.rng.randint(5, 60))
        if n:
            blocks.append("\f")
        blocks += [
            h.name,
            f"Consultation de {spec} - secrétariat : {h.switchboard}",
            "",
            f"{'Madame' if p.female else 'Monsieur'} {p.first} {p.last.upper()}",
            p.street,
            f"{p.postcode} {p.city}",
            "",
            f"N° patient : {p.ipp}",
            f"Objet : convocation - suivi de votre {c.rng.choice(DIAGNOSES)}",
            f"{'Madame' if p.female else 'Monsieur'}, vous êtes attendu(e) le {c.day(when)} à {c.rng.randint(8, 16)}h"
            f"{c.rng.choice(('00', '15', '30', '45'))} en consultation de {spec} auprès du {doctor}.",
            "Merci de vous munir de votre carte Vitale, de vos derniers examens et de votre traitement.",
            "Le secrétariat médical",
        ]
    rel, path = c.path("secretariat/publipostage", "convocations_fusion", "docx")
    write_docx(path, blocks)
    c.add(rel, "mail_merge_output", True, True, ("PERSON_NAME", "IPP", "PHONE"))


def transport_planning(c: Ctx) -> None:
    """Patient-transport planning (.ods); some sheets split the NIR into number and key; some carry rooms only."""
    anonymous = c.rng.random() < 0.25
    split_nir = not anonymous and c.rng.random() < 0.35
    firms = [
        (
            f"{c.rng.choice(('Ambulances', 'Taxi', 'Transports'))} {c.rng.choice(FIRM_NAMES)}",
            c.landline(f"0{c.rng.randint(1, 5)}"),
        )
        for _ in range(3)
    ]
    head = [
        "Date",
        "Heure",
        *([] if anonymous else ["Nom", "Prénom"]),
        *(["N° SS", "Clé"] if split_nir else []),
        "Ch.",
        "Destination",
        "Mode",
        "Transporteur",
        "Tél.",
    ]
    rows: list[list[str]] = [[f"PLANNING TRANSPORTS - semaine du {c.day(c.recent())}"], [], head]
    for _ in range(c.rng.randint(6, 14)):
        p = c.person(30)
        firm = c.rng.choice(firms)
        ident = [] if anonymous else [p.last.upper(), p.first]
        nir = [p.nir[:13], p.nir[13:]] if split_nir else []
        rows.append(
            [
                c.day(c.recent(7)),
                f"{c.rng.randint(7, 18)}:{c.rng.choice(('00', '30'))}",
                *ident,
                *nir,
                str(c.rng.randint(101, 450)),
                c.rng.choice(
                    (
                        "Séance dialyse",
                        "Radiothérapie",
                        "Cs oncologie CHU",
                        "Retour domicile",
                        "EHPAD",
                        "Scanner injecté",
                        "Chimiothérapie HDJ",
                    )
                ),
                c.rng.choice(("VSL", "Ambulance allongé", "Taxi conventionné", "Ambulance assis")),
                *firm,
            ]
        )
    rel, path = c.path("cadres/transports", "planning_transports", "ods")
    write_ods(path, rows)
    ids = ["PHONE"] + ([] if anonymous else ["PERSON_NAME"]) + (["NIR"] if split_nir else [])
    c.add(rel, "transport_planning_ods", not anonymous, not anonymous, ids)


def physio_log(c: Ctx) -> None:
    """A physiotherapy session log: title block with the patient, then one row per session."""
    p, kine = c.person(), c.plain_staff()
    rows: list[list[object]] = [
        ["Rééducation - fiche de suivi kinésithérapie"],
        ["Patient :", c.name(p)],
        ["IPP :", p.ipp],
        ["Prescripteur :", c.staff()],
        [
            "Indication :",
            c.rng.choice(
                (
                    "PTH droite J3",
                    "rééducation post-AVC",
                    "lombalgie chronique",
                    "encombrement bronchique",
                    "LCA genou gauche",
                )
            ),
        ],
        [],
        ["Date", "Séance", "Kiné", "Exercices", "EVA", "Observations"],
    ]
    start = c.recent()
    for n in range(1, c.rng.randint(5, 12)):
        rows.append(
            [
                (start + timedelta(days=2 * n)).strftime("%d/%m/%Y"),
                n,
                kine,
                c.rng.choice(
                    (
                        "marche avec déambulateur 20 m",
                        "renforcement quadriceps",
                        "drainage bronchique",
                        "équilibre unipodal",
                        "mobilisation passive",
                    )
                ),
                c.rng.randint(0, 8),
                c.rng.choice(("bonne participation", "douleur à la mobilisation", "fatigue", "RAS", "vertiges")),
            ]
        )
    ext = c.rng.choice(("xlsx", "csv"))
    rel, path = c.path("reeducation/kine", "suivi_seances", ext)
    write_sheet(path, ext, rows)
    c.add(rel, "physio_session_log", True, True, ("PERSON_NAME", "IPP"))


def psychology_note(c: Ctx) -> None:
    """A psychologist's follow-up note; psychologists sign with their ADELI number."""
    p, psy = c.person(16), c.plain_staff()
    adeli = c.rng.random() < 0.5
    adeli_no = f"{c.rng.randint(10, 95)}93{c.rng.randint(10000, 99999)}"
    blocks: list[Block] = [
        "Unité de psychologie - note de suivi",
        c.labelled("Patient(e)", c.name(p)),
        c.labelled("Date de naissance", c.day(p.birth)),
        f"Entretien n° {c.rng.randint(2, 12)} du {c.day(c.recent())}",
        c.rng.choice(
            (
                "Humeur triste, ruminations autour du deuil, sommeil fragmenté.",
                "Anxiété en diminution, reprise partielle du travail envisagée.",
                "Idées suicidaires passives évoquées sans scénario ; évaluation du risque : modéré.",
                "Troubles du comportement alimentaire : restriction persistante, pesée hebdomadaire.",
            )
        ),
        "Axes de travail : restructuration cognitive, alliance thérapeutique, lien avec le psychiatre référent.",
        f"{psy}, psychologue clinicien(ne)" + (f" - N° ADELI {adeli_no}" if adeli else ""),
    ]
    rel, path = c.path("psychologie/suivis", "note_suivi", "docx")
    write_docx(path, blocks)
    c.add(rel, "psychology_followup", True, True, ("PERSON_NAME", "BIRTH_DATE", *(["ADELI"] if adeli else [])))


def had_visit(c: Ctx) -> None:
    """A home-hospitalisation (HAD) visit report as PDF, with the patient's home address and phone."""
    p, nurse, h = c.person(50), c.plain_staff(), c.hospital()
    text = "\n".join(
        [
            f"HAD {h.city} - Compte rendu de visite à domicile",
            f"Date : {c.day(c.recent())}  IDE : {nurse}",
            "",
            f"Patient : {c.name(p, civ=True)}",
            f"Date de naissance : {c.day(p.birth)}",
            f"N° Sécurité sociale : {c.nir_text(p.nir)}",
            f"Adresse : {p.street}, {p.postcode} {p.city}",
            f"Téléphone : {p.phone}",
            "",
            f"Constantes : TA {c.rng.randint(100, 160)}/{c.rng.randint(55, 95)}, FC {c.rng.randint(55, 110)}, "
            f"T {c.rng.choice(('36,8', '37,4', '38,2'))} °C, SpO2 {c.rng.randint(90, 99)} %",
            f"Soins réalisés : {c.rng.choice(HOME_CARE)}",
            f"Traitement en cours : {', '.join(c.rng.sample(DRUGS, 3))}",
            "Transmission au médecin coordonnateur : à revoir si fièvre.",
        ]
    )
    rel, path = c.path("had/visites", "cr_visite", "pdf")
    write_pdf(path, [text])
    c.add(rel, "had_visit_report", True, True, ("PERSON_NAME", "BIRTH_DATE", "NIR", "PHONE"))


def records_request(c: Ctx) -> None:
    """A patient's own letter asking for their medical record (address, phone, e-mail, stay in a named service)."""
    p, h = c.person(), c.hospital()
    with_nir = c.rng.random() < 0.4
    stay = c.recent(700)
    lines = [
        f"{p.first} {p.last}",
        p.street,
        f"{p.postcode} {p.city}",
        f"Tél : {p.phone}",
        f"Mail : {p.email}",
        "",
        f"À l'attention de Monsieur le Directeur, {h.name}",
        f"Le {c.day(c.recent(20))}",
        "",
        "Objet : demande de communication de mon dossier médical (article L.1111-7 du Code de la santé publique)",
        "",
        "Monsieur le Directeur,",
        f"J'ai été hospitalisé(e) dans le service de {c.rng.choice(SERVICES)} du {c.day(stay)} au "
        f"{c.day(stay + timedelta(days=c.rng.randint(2, 15)))} pour {c.rng.choice(DIAGNOSES)}.",
        "Je souhaite obtenir la copie de l'intégralité de mon dossier (comptes rendus, imagerie, résultats).",
        f"Je suis née/né le {c.day(p.birth)}" + (f", n° de sécurité sociale {c.nir_text(p.nir)}." if with_nir else "."),
        "Vous trouverez ci-joint la copie de ma pièce d'identité.",
        "Veuillez agréer mes salutations distinguées.",
        f"{p.first} {p.last.upper()}",
    ]
    ext = c.rng.choice(("docx", "pdf", "txt"))
    rel, path = c.path("direction/relations_usagers/demandes_dossier", "courrier_demande", ext)
    write_letter(path, ext, lines)
    ids = ["PERSON_NAME", "PHONE", "EMAIL", "BIRTH_DATE", *(["NIR"] if with_nir else [])]
    c.add(rel, "records_request_letter", True, True, ids)


def insurer_letter(c: Ctx) -> None:
    """A mutuelle's letter to the billing office about an insured person's stay (NIR, stay number, FINESS)."""
    p, h = c.person(), c.hospital()
    insurer = c.rng.choice(
        ("Mutuelle Horizon Santé", "MNSP Prévoyance", "Harmonie Atlantique", "Mutuelle des Cheminots de l'Ouest")
    )
    stay = c.recent(300)
    lines = [
        insurer,
        "Service prestations hospitalières",
        f"Tél. {c.landline('09')} (appel non surtaxé)",
        "",
        f"{h.name} - Bureau des admissions / facturation",
        f"FINESS : {h.finess}",
        "",
        f"Adhérent : {c.name(p, civ=True)}",
        f"N° adhérent : {c.rng.randint(1_000_000, 9_999_999)}",
        c.labelled("N° SS", c.nir_text(p.nir)),
        c.labelled("N° de séjour", p.nda),
        f"Période : du {c.day(stay)} au {c.day(stay + timedelta(days=c.rng.randint(1, 12)))}",
        "",
        f"Nous accusons réception de votre demande de prise en charge pour le séjour en {c.rng.choice(SERVICES)} "
        f"({c.rng.choice(('chambre particulière', 'forfait journalier', 'dépassement d honoraires chirurgien'))}).",
        c.rng.choice(
            (
                "Accord de prise en charge à hauteur de 100 % du ticket modérateur.",
                "Refus : la garantie chambre particulière n'est pas souscrite au contrat.",
                "Merci de nous transmettre le bulletin de situation et la facture détaillée.",
            )
        ),
    ]
    ext = c.rng.choice(("pdf", "docx"))
    rel, path = c.path("facturation/mutuelles", "courrier_mutuelle", ext)
    write_letter(path, ext, lines)
    c.add(rel, "insurer_correspondence", True, True, ("PERSON_NAME", "NIR", "NDA", "FINESS", "PHONE"))


def wound_photo_log(c: Ctx) -> None:
    """A CSV listing wound photos whose file names carry patient names; a research variant uses inclusion codes."""
    coded = c.rng.random() < 0.25
    rows: list[list[str]] = [
        ["fichier", "patient", "IPP", "date_prise", "localisation", "stade", "IDE"]
        if not coded
        else ["fichier", "code_inclusion", "date_prise", "localisation", "stade", "surface_cm2"]
    ]
    for n in range(c.rng.randint(6, 15)):
        p, when = c.person(60), c.recent(90)
        site = c.rng.choice(("sacrum", "talon_g", "talon_d", "malleole", "ischion", "moignon"))
        stage = c.rng.choice(("1", "2", "3", "4", "NC"))
        if coded:
            code = f"CIC-{c.rng.randint(1, 60):03d}"
            rows.append(
                [
                    f"{code}_{when:%Y%m%d}_{site}.jpg",
                    code,
                    when.isoformat(),
                    site,
                    stage,
                    f"{c.rng.uniform(0.5, 30):.1f}",
                ]
            )
        else:
            last = strip_accents(p.last).upper().replace(" ", "")
            rows.append(
                [
                    f"IMG_{when:%Y%m%d}_{n:03d}_{last}_{p.first[0]}_{site}.jpg",
                    c.name(p, civ=False),
                    p.ipp,
                    c.day(when),
                    site,
                    stage,
                    c.plain_staff(),
                ]
            )
    rel, path = c.path("soins/plaies_photos", "index_photos", "csv")
    write_csv(path, rows, delimiter=c.rng.choice((";", ",")))
    if coded:
        c.add(rel, "wound_photo_log", False, False)
    else:
        c.add(rel, "wound_photo_log", True, True, ("PERSON_NAME", "IPP"))


def blood_bank(c: Ctx) -> None:
    """Blood-bank traceability export: one row per labile blood product with the recipient."""
    head = [
        "N° produit",
        "Type",
        "Groupe",
        "Délivré le",
        "Transfusé le",
        "Nom",
        "Prénom",
        "Date naissance",
        "IPP",
        "Service",
        "Devenir",
    ]
    rows: list[list[object]] = [list(head)]
    for _ in range(c.rng.randint(8, 20)):
        p, when = c.person(), c.recent(60)
        rows.append(
            [
                f"{c.rng.choice('ABCDEFGH')}{c.rng.randint(10**11, 10**12 - 1)}",
                c.rng.choice(("CGR", "PFC", "CPA", "MCP")),
                c.rng.choice(("A+", "O+", "B+", "AB+", "A-", "O-")),
                when.strftime("%d/%m/%Y"),
                when.strftime("%d/%m/%Y %H:%M"),
                p.last.upper(),
                p.first,
                p.birth.strftime("%d/%m/%Y"),
                p.ipp,
                c.rng.choice(SERVICES),
                c.rng.choice(("transfusé", "transfusé", "détruit", "repris")),
            ]
        )
    ext = c.rng.choice(("csv", "xlsx"))
    rel, path = c.path("hemovigilance/tracabilite", "export_psl", ext)
    write_sheet(path, ext, rows, encoding="cp1252")
    c.add(rel, "blood_bank_traceability", True, True, ("PERSON_NAME", "BIRTH_DATE", "IPP"))


def or_schedule(c: Ctx) -> None:
    """Operating-room schedule (.xlsx); a quarter are the blank weekly template (headers and rooms only)."""
    blank = c.rng.random() < 0.25
    rows: list[list[object]] = [
        [f"PROGRAMME OPÉRATOIRE - Bloc central - {c.day(c.recent())}"],
        [],
        ["Salle", "Heure", "Patient", "Âge", "NDA", "Intervention", "Côté", "Opérateur", "Anesthésiste"],
    ]
    for room in range(1, c.rng.randint(4, 8)):
        for slot in range(c.rng.randint(1, 3)):
            hour = f"{8 + 3 * slot}h{c.rng.choice(('00', '30'))}"
            if blank:
                rows.append([f"Salle {room}", hour, "", "", "", "", "", "", ""])
                continue
            p = c.person()
            rows.append(
                [
                    f"Salle {room}",
                    hour,
                    c.name(p, civ=False),
                    2025 - p.birth.year,
                    p.nda,
                    c.rng.choice(
                        (
                            "PTH",
                            "cholécystectomie coelio",
                            "hernie inguinale",
                            "arthroscopie genou",
                            "résection colique",
                            "canal carpien",
                            "prostatectomie robot",
                            "césarienne programmée",
                        )
                    ),
                    c.rng.choice(("D", "G", "-")),
                    c.staff(),
                    c.staff(),
                ]
            )
    rel, path = c.path("bloc/programmes", "programme_bloc", "xlsx")
    write_xlsx(path, rows, "Programme")
    if blank:
        c.add(rel, "or_schedule_xlsx", False, False)
    else:
        c.add(rel, "or_schedule_xlsx", True, True, ("PERSON_NAME", "NDA"))


def chemo_prep(c: Ctx) -> None:
    """Chemotherapy preparation sheet from the pharmacy's cytotoxics unit (prescriber with RPPS)."""
    p = c.person(25, 85)
    weight, height = c.rng.randint(45, 105), c.rng.randint(150, 192)
    bsa = round((weight * height / 3600) ** 0.5, 2)
    protocol = c.rng.choice(
        (
            ("FOLFOX 4", [("oxaliplatine", 85), ("leucovorine", 200), ("5-FU bolus", 400)]),
            ("R-CHOP", [("rituximab", 375), ("cyclophosphamide", 750), ("doxorubicine", 50)]),
            ("Carboplatine-paclitaxel", [("paclitaxel", 175), ("carboplatine AUC5", 0)]),
        )
    )
    lines = [
        "URC - Unité de reconstitution des cytotoxiques - FICHE DE FABRICATION",
        f"Patient : {c.name(p)}   DDN : {c.day(p.birth)}   IPP : {p.ipp}",
        f"Poids : {weight} kg  Taille : {height} cm  SC : {bsa} m²",
        f"Protocole : {protocol[0]} - cycle {c.rng.randint(1, 8)} J1",
        f"Prescripteur : {c.staff()} - RPPS {luhn_number(c.rng, '10', 11)}",
        "",
    ]
    for drug, dose in protocol[1]:
        total = f"{round(dose * bsa)} mg" if dose else f"{c.rng.randint(350, 700)} mg (Calvert)"
        lines.append(f"{drug} {dose or ''} mg/m² -> {total} dans {c.rng.choice(('250 mL G5%', '500 mL NaCl 0,9%'))}")
    lines += [
        "",
        f"Préparateur : {c.plain_staff()}  Contrôle : double contrôle visuel + gravimétrique",
        f"Libération pharmacien : {c.day(c.recent())}",
    ]
    rel, path = c.path("pharmacie/urc/fiches", "fiche_fabrication", "pdf")
    write_pdf(path, ["\n".join(lines)])
    c.add(rel, "chemo_prep_sheet", True, True, ("PERSON_NAME", "BIRTH_DATE", "IPP", "RPPS"))


def icu_flowsheet(c: Ctx) -> None:
    """ICU flowsheet export: a title block, then tab-separated hourly values; a research variant is pseudonymous."""
    research = c.rng.random() < 0.25
    p = c.person(20)
    title = ["Réanimation médicale - Feuille de surveillance - export"]
    if research:
        title.append(f"Sujet\tREA-{c.rng.randint(1, 300):04d}\tÉtude\tSEPSIS-FLOW\tJour\tJ{c.rng.randint(1, 10)}")
    else:
        title += [
            f"Patient :\t{c.name(p)}\tIPP :\t{p.ipp}",
            f"NDA :\t{p.nda}\tEntrée :\t{c.day(c.recent(20))}",
            f"Diagnostic :\t{c.rng.choice(ICU_DIAGNOSES)}",
        ]
    table = ["Heure\tFC\tPAS\tPAD\tSpO2\tFiO2\tNoradré (µg/kg/min)\tDiurèse (mL)"]
    for hour in range(c.rng.randint(8, 24)):
        table.append(
            "\t".join(
                map(
                    str,
                    (
                        f"{hour:02d}:00",
                        c.rng.randint(60, 130),
                        c.rng.randint(80, 150),
                        c.rng.randint(40, 85),
                        c.rng.randint(88, 100),
                        c.rng.choice((30, 40, 50, 60)),
                        f"{c.rng.uniform(0, 1.2):.2f}",
                        c.rng.randint(0, 150),
                    ),
                )
            )
        )
    rel, path = c.path("reanimation/exports", "surveillance", c.rng.choice(("tsv", "txt")))
    write_text(path, "\n".join([*title, "", *table]))
    if research:
        c.add(rel, "icu_flowsheet_tsv", False, False)
    else:
        c.add(rel, "icu_flowsheet_tsv", True, True, ("PERSON_NAME", "IPP", "NDA"))


def patient_email(c: Ctx) -> None:
    """A patient's e-mail to a department's functional mailbox, signed with name and phone."""
    p, h = c.person(), c.hospital()
    spec = c.rng.choice(SPECIALTIES)
    with_birth = c.rng.random() < 0.6
    msg = EmailMessage()
    msg["From"] = f"{p.first} {p.last} <{p.email}>"
    msg["To"] = f"secretariat.{strip_accents(spec.split()[0])}@{h.domain}"
    msg["Subject"] = c.rng.choice(
        ("Rendez-vous", "question traitement", "TR: résultats prise de sang", "report consultation")
    )
    msg["Date"] = format_datetime(
        datetime.combine(c.recent(), datetime.min.time()) + timedelta(hours=c.rng.randint(7, 22))
    )
    body = [
        "Bonjour,",
        f"Je suis suivi(e) en {spec} par le {c.staff()} pour {c.rng.choice(DIAGNOSES)}.",
        c.rng.choice(
            (
                "Depuis l'augmentation du traitement j'ai des vertiges le matin, est-ce normal ?",
                "Je ne pourrai pas venir à mon rendez-vous de jeudi, pouvez-vous me proposer une autre date ?",
                "Pouvez-vous me renvoyer l'ordonnance de " + c.rng.choice(DRUGS) + " ? Je l'ai perdue.",
            )
        ),
        *([f"Pour retrouver mon dossier : née/né le {c.day(p.birth)}."] if with_birth else []),
        "Merci d'avance,",
        "",
        f"{p.first} {p.last.upper()}",
        p.phone,
    ]
    msg.set_content("\n".join(body))
    rel, path = c.path("secretariat/boite_fonctionnelle", "message_patient", "eml")
    path.write_bytes(bytes(msg))
    c.add(
        rel, "patient_email_eml", True, True, ("PERSON_NAME", "EMAIL", "PHONE", *(["BIRTH_DATE"] if with_birth else []))
    )


def pharmacist_notice(c: Ctx) -> None:
    """A pharmacist's drug-interaction notice about one named inpatient."""
    p, pharmacist = c.person(50), c.staff()
    with_rpps = c.rng.random() < 0.5
    pair = c.rng.choice(
        (
            ("clarithromycine 500 mg x2/j", "simvastatine 40 mg/j", "risque de rhabdomyolyse"),
            ("fluconazole 400 mg/j", "amiodarone 200 mg/j", "allongement du QT"),
            ("tramadol 50 mg x3/j", "sertraline 50 mg/j", "syndrome sérotoninergique"),
            ("ibuprofène 400 mg x3/j", "apixaban 5 mg x2/j", "risque hémorragique majoré"),
        )
    )
    lines = [
        "AVIS PHARMACEUTIQUE - interaction médicamenteuse",
        c.labelled("Patient", c.name(p, civ=True)),
        f"IPP : {p.ipp}    Service : {c.rng.choice(SERVICES)}    Chambre {c.rng.randint(100, 450)}",
        f"Clairance créatinine : {c.rng.randint(25, 90)} mL/min",
        f"Association : {pair[0]} + {pair[1]}",
        f"Risque : {pair[2]}.",
        "Proposition : réévaluer l'association ou adapter la posologie ; ECG et CPK de contrôle.",
        f"{pharmacist}, pharmacien" + (f" (RPPS {luhn_number(c.rng, '10', 11)})" if with_rpps else ""),
    ]
    ext = c.rng.choice(("docx", "txt"))
    rel, path = c.path("pharmacie/avis", "avis_interaction", ext)
    write_letter(path, ext, lines)
    c.add(rel, "pharmacist_interaction_notice", True, True, ("PERSON_NAME", "IPP", *(["RPPS"] if with_rpps else [])))


def requisition(c: Ctx) -> None:
    """A police requisition for a named patient's medical record after an emergency visit."""
    p, h = c.person(), c.hospital()
    grade = c.rng.choice(("Brigadier-chef", "Capitaine", "Lieutenant", "Major"))
    officer = f"{grade} {c.fake.first_name()} {c.fake.last_name().upper()}"
    text = "\n".join(
        [
            "POLICE NATIONALE",
            f"Commissariat de police de {h.city}",
            f"Tél. standard : {c.landline(h.switchboard[:5])}",
            f"Courriel : commissariat-{strip_accents(h.city).lower()}@interieur.gouv.fr",
            "",
            "RÉQUISITION À PERSONNE QUALIFIÉE (articles 60-1 et 77-1-1 du Code de procédure pénale)",
            "",
            f"Nous, {officer}, officier de police judiciaire,",
            f"requérons le directeur du {h.name} de nous transmettre le certificat médical initial et le dossier "
            f"des urgences concernant :",
            f"{c.name(p, civ=True)}, né(e) le {c.day(p.birth)}",
            f"pris(e) en charge aux urgences le {c.day(c.recent(30))} suite à {c.rng.choice(CIRCUMSTANCES)}.",
            "Préciser les lésions constatées et l'ITT éventuellement fixée.",
            "",
            f"Fait à {h.city}, le {c.day(c.recent(10))}",
            officer,
        ]
    )
    rel, path = c.path("direction/affaires_juridiques/requisitions", "requisition", "pdf")
    write_pdf(path, [text])
    c.add(rel, "police_requisition", True, True, ("PERSON_NAME", "BIRTH_DATE", "PHONE", "EMAIL"))


def crex_analysis(c: Ctx) -> None:
    """An anonymised CREX incident analysis: roles, ages and services only (negative)."""
    h = c.hospital()
    with_mailbox = c.rng.random() < 0.5
    blocks: list[Block] = [
        f"Comité de retour d'expérience (CREX) - séance du {c.day(c.recent())}",
        "Analyse d'un événement indésirable associé aux soins - méthode ORION",
        "",
        "Résumé : "
        + c.rng.choice(
            (
                "Une patiente de 82 ans hospitalisée en gériatrie chute de nuit en se levant seule ; "
                "fracture du poignet.",
                "Un patient de 64 ans reçoit une double dose d'insuline rapide lors d'un changement d'équipe.",
                "Erreur d'étiquetage d'un tube de bilan prélevé aux urgences, détectée avant transfusion.",
            )
        ),
        [
            ["Facteur", "Analyse"],
            ["Équipe", "IDE de nuit seule pour 28 lits, intérimaire"],
            ["Tâche", "protocole non accessible sur le poste"],
            ["Environnement", "sonnette hors de portée"],
        ],
        "Actions correctives : rappel de la procédure, audit à 3 mois, ajout d'une check-list.",
        *([f"Contact : cellule qualité - qualite.risques@{h.domain}"] if with_mailbox else []),
    ]
    rel, path = c.path("qualite/crex", "analyse_crex", "docx")
    write_docx(path, blocks)
    c.add(rel, "crex_anonymised", False, False, ("EMAIL",) if with_mailbox else ())


def cme_minutes(c: Ctx) -> None:
    """Minutes of the medical commission (CME): staff names only, aggregate figures (personal, not health)."""
    present = [c.staff() for _ in range(c.rng.randint(5, 10))]
    lines = [
        f"Commission médicale d'établissement - procès-verbal de la séance du {c.day(c.recent())}",
        f"Présents : {', '.join(present)}",
        f"Excusés : {c.staff()}, {c.staff()}",
        "",
        "1. Approbation du procès-verbal précédent : adopté à l'unanimité.",
        f"2. Bilan des infections associées aux soins : {c.rng.randint(2, 9)} cas pour 1000 journées, en baisse.",
        "3. Projet médical partagé du GHT : présentation par le président.",
        f"4. Recrutements : poste de PH en {c.rng.choice(SPECIALTIES)} ; avis favorable.",
        "5. Questions diverses : planning des gardes d'été.",
    ]
    ext = c.rng.choice(("docx", "pdf"))
    rel, path = c.path("direction/cme", "pv_cme", ext)
    write_letter(path, ext, lines)
    c.add(rel, "cme_minutes", False, True, ("PERSON_NAME",))


def badge_log(c: Ctx) -> None:
    """A badge-access log: staff names and door events (personal, not health)."""
    people = [(c.fake.last_name().upper(), c.fake.first_name(), str(c.rng.randint(100000, 999999))) for _ in range(8)]
    rows: list[list[str]] = [["horodatage", "lecteur", "porte", "badge", "nom", "prenom", "resultat"]]
    start = datetime.combine(c.recent(), datetime.min.time())
    for n in range(c.rng.randint(20, 60)):
        last, first, badge = c.rng.choice(people)
        door = c.rng.choice(("Pharmacie - réserve", "Bloc - SAS 2", "Archives médicales", "Parking P3", "Vestiaires"))
        rows.append(
            [
                (start + timedelta(minutes=7 * n)).strftime("%Y-%m-%d %H:%M:%S"),
                f"LEC{c.rng.randint(1, 40):02d}",
                door,
                badge,
                last,
                first,
                c.rng.choice(("OK", "OK", "OK", "REFUS")),
            ]
        )
    rel, path = c.path("securite/controle_acces", "journal_badges", "csv")
    write_csv(path, rows)
    c.add(rel, "badge_access_log", False, True, ("PERSON_NAME",))


def parking_permits(c: Ctx) -> None:
    """Staff parking permits with mobile numbers and number plates (personal, not health)."""
    rows: list[list[object]] = [
        ["Nom", "Prénom", "Service", "Immatriculation", "Tél. portable", "Vignette", "Validité"]
    ]
    for _ in range(c.rng.randint(10, 25)):
        letters = "".join(c.rng.choice("ABCDEFGHKLMNPRSTVWXZ") for _ in range(4))
        plate = f"{letters[:2]}-{c.rng.randint(100, 999)}-{letters[2:]}"
        rows.append(
            [
                c.fake.last_name().upper(),
                c.fake.first_name(),
                c.rng.choice((*SERVICES, "DRH", "DSI", "logistique")),
                plate,
                c.mobile(),
                c.rng.choice(("P1 personnel", "P3 nuit", "deux-roues")),
                "31/12/2025",
            ]
        )
    rel, path = c.path("logistique/parking", "vignettes_personnel", "xlsx")
    write_xlsx(path, rows, "Vignettes")
    c.add(rel, "parking_permit_list", False, True, ("PERSON_NAME", "PHONE"))


def software_licences(c: Ctx) -> None:
    """The IT department's software licence register (negative; sometimes a functional purchasing mailbox)."""
    h = c.hospital()
    with_mailbox = c.rng.random() < 0.5
    products = (
        ("Editeur Alpha Santé", "Dossier patient informatisé", "8.2"),
        ("Logiciels Bureautique SA", "Suite bureautique", "2021"),
        ("PACS Solutions", "Visionneuse imagerie", "7.4"),
        ("LaboSys", "SIL laboratoire", "5.1"),
        ("Antivirus Plus", "Protection postes", "12"),
        ("RH Gestion", "Paie et temps de travail", "3.9"),
    )
    rows: list[list[object]] = [["Éditeur", "Logiciel", "Version", "Nb licences", "Échéance", "Coût annuel TTC"]]
    for editor, product, version in c.rng.sample(products, c.rng.randint(4, 6)):
        rows.append(
            [
                editor,
                product,
                version,
                c.rng.randint(5, 2500),
                f"{c.rng.randint(1, 28):02d}/{c.rng.randint(1, 12):02d}/2026",
                f"{c.rng.randint(1, 400) * 100} €",
            ]
        )
    if with_mailbox:
        rows += [[], [f"Contact : dsi.achats@{h.domain}"]]
    ext = c.rng.choice(("xlsx", "csv"))
    rel, path = c.path("dsi/licences", "registre_licences", ext)
    write_sheet(path, ext, rows)
    c.add(rel, "software_licence_list", False, False, ("EMAIL",) if with_mailbox else ())


def catering_order(c: Ctx) -> None:
    """Ward catering order: counts per diet (negative) or one row per named patient with diet and allergies."""
    named = c.rng.random() < 0.5
    service = c.rng.choice(SERVICES)
    rows: list[list[str]] = [[f"Commande repas - {service} - {c.day(c.recent())} - déjeuner"], []]
    if named:
        rows.append(["Ch.", "Patient", "Régime", "Texture", "Allergies / remarques"])
        for _ in range(c.rng.randint(8, 20)):
            p = c.person(40)
            rows.append(
                [
                    str(c.rng.randint(1, 30)),
                    c.name(p, civ=True),
                    c.rng.choice(
                        (
                            "diabétique",
                            "sans sel strict (insuffisance cardiaque)",
                            "sans gluten (maladie coeliaque)",
                            "hyperprotidique (dénutrition)",
                            "normal",
                            "pauvre en potassium (dialyse)",
                        )
                    ),
                    c.rng.choice(("normale", "haché", "mixé lisse", "eau gélifiée (troubles de la déglutition)")),
                    c.rng.choice(
                        ("", "allergie arachide", "à jeun pour bloc demain", "diabète insulino-requérant", "")
                    ),
                ]
            )
    else:
        rows.append(["Régime", "Texture", "Nombre"])
        for diet in ("normal", "diabétique", "sans sel", "sans gluten", "hyperprotidique"):
            rows.append([diet, c.rng.choice(("normale", "haché", "mixé")), str(c.rng.randint(0, 14))])
    ext = c.rng.choice(("ods", "xlsx"))
    rel, path = c.path("restauration/commandes", "commande_repas", ext)
    write_sheet(path, ext, rows)
    if named:
        c.add(rel, "catering_order", True, True, ("PERSON_NAME",))
    else:
        c.add(rel, "catering_order", False, False)


def teaching_deck(c: Ctx) -> None:
    """A teaching slide deck exported to PDF with an anonymised clinical case (author named or not)."""
    author = c.rng.random() < 0.5
    slides = [
        "Cas clinique - douleur thoracique atypique\nDES de médecine d'urgence - enseignement du jeudi"
        + (f"\n{c.staff()}, chef de clinique" if author else ""),
        "Présentation\nMme X., 67 ans\nATCD : HTA, dyslipidémie, tabagisme sevré\n"
        "Motif : douleur épigastrique depuis 3 h",
        "Examens\nECG : sus-décalage ST en D2 D3 aVF\nTroponine T hs : 240 ng/L (N < 14)",
        "Messages clés\n- penser au SCA devant une douleur épigastrique chez la femme âgée\n"
        "- aspirine 250 mg IV, héparine 70 UI/kg",
    ]
    rel, path = c.path("enseignement/cours", "cours_cas_clinique", "pdf")
    write_pdf(path, slides, landscape=True, size=18)
    c.add(rel, "teaching_deck_pdf", False, author, ("PERSON_NAME",) if author else ())


def job_posting(c: Ctx) -> None:
    """A job offer: functional mailbox and switchboard; a third name the ward manager as contact."""
    h = c.hospital()
    contact = c.rng.random() < 0.33
    lines = [
        f"{h.name} recrute",
        f"Infirmier(ère) diplômé(e) d'État - {c.rng.choice(SERVICES)} - CDI temps plein",
        "Missions : prise en charge globale des patients, travail en 12 h, participation aux projets de service.",
        "Profil : DE infirmier, débutant(e) accepté(e), tutorat assuré.",
        f"Candidature (CV + lettre) : recrutement@{h.domain}",
        f"Standard : {h.switchboard}",
        *([f"Renseignements : {c.plain_staff()}, cadre de santé"] if contact else []),
    ]
    ext = c.rng.choice(("docx", "pdf"))
    rel, path = c.path("drh/offres_emploi", "offre_ide", ext)
    write_letter(path, ext, lines)
    c.add(rel, "job_posting", False, contact, ("EMAIL", "PHONE", *(["PERSON_NAME"] if contact else [])))


def dose_guideline(c: Ctx) -> None:
    """A drug-dose guideline validated by the drug committee; the letterhead sometimes carries the FINESS."""
    h = c.hospital()
    finess = c.rng.random() < 0.4
    lines: list[Block] = [
        *([f"{h.name} - FINESS {h.finess}"] if finess else [h.name]),
        "PROTOCOLE - Anticoagulation curative par héparine non fractionnée (HNF) IV",
        f"Version {c.rng.randint(2, 6)} - validé par la COMEDIMS",
        "Bolus : 80 UI/kg IV (max 5000 UI), puis 18 UI/kg/h au pousse-seringue.",
        "Contrôle de l'anti-Xa 6 h après le début puis 6 h après chaque modification.",
        [
            ["Anti-Xa (UI/mL)", "Adaptation"],
            ["< 0,3", "bolus 40 UI/kg, +2 UI/kg/h"],
            ["0,3 - 0,7", "aucune"],
            ["0,7 - 1,0", "-2 UI/kg/h"],
            ["> 1,0", "arrêt 1 h puis -3 UI/kg/h"],
        ],
        "Plaquettes 2 fois par semaine (risque de TIH).",
        "Insuffisance rénale : pas d'adaptation de dose.",
    ]
    ext = c.rng.choice(("docx", "pdf"))
    rel, path = c.path("protocoles/pharmacie", "protocole_hnf", ext)
    write_letter(path, ext, lines)
    c.add(rel, "dose_guideline", False, False, ("FINESS",) if finess else ())


GENERATORS: tuple[tuple[Callable[[Ctx], None], int], ...] = (
    (dictation, 12),
    (ward_round, 10),
    (mail_merge_output, 10),
    (transport_planning, 12),
    (physio_log, 10),
    (psychology_note, 10),
    (had_visit, 10),
    (records_request, 12),
    (insurer_letter, 10),
    (wound_photo_log, 12),
    (blood_bank, 10),
    (or_schedule, 12),
    (chemo_prep, 10),
    (icu_flowsheet, 12),
    (patient_email, 12),
    (pharmacist_notice, 10),
    (requisition, 10),
    (crex_analysis, 12),
    (cme_minutes, 12),
    (badge_log, 12),
    (parking_permits, 12),
    (software_licences, 12),
    (catering_order, 16),
    (teaching_deck, 12),
    (job_posting, 12),
    (dose_guideline, 14),
)


def generate(root: Path, rng: random.Random, seed: int) -> list[Doc]:
    """Write every generator's files for this seed under ``root`` (``seed`` only names the run; ``rng`` drives it)."""
    ctx = Ctx(root, rng)
    for make, count in GENERATORS:
        for _ in range(count):
            make(ctx)
    return ctx.docs


if __name__ == "__main__":
    sys.exit(main("holdout6", "sixth blind holdout: everyday hospital-share documents of new kinds", generate))

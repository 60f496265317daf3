"""Seventh blind holdout: document kinds no earlier corpus or holdout used, labelled by hand-written rules.

Written blind: without reading the classifier (detect/, classify/, extract/), its tests and docs, nor the tuning corpus
and the earlier holdouts, so the score measures how the classifier generalises rather than how well it fits known
files. The generators only write files and say what a data-protection officer would conclude; holdout_harness
classifies and scores them.

Labelling rules
- health_data: an identifiable patient (a name, a NIR/INS, or an IPP/NDA together with an identity) AND health content
  (diagnosis, treatment, result, stay or visit in a care unit, appointment in a named specialty), or a health message
  format carrying a patient. Staff health counts too (a needle-stick declaration is the agent's health data). Not
  health: protocols, patient leaflets, anonymised or aggregated statistics, blank forms, staff without patients,
  pseudonymised research logs (initials + screening numbers).
- personal_data: any value identifying a person (name, NIR, personal e-mail or phone, a person's IBAN, RPPS, ADELI).
  Not personal: FINESS, a company IBAN, a switchboard number, a functional mailbox.
- identifier types are expected when a value of that type is present: switchboard PHONE and functional-mailbox EMAIL
  count as PHONE / EMAIL (they are phone numbers and addresses, just not personal ones); NIR, INS, IPP, NDA, RPPS,
  ADELI only with a context word or a structured field (they always have one here); where an INS is present the NIR
  is optional (same matricule); BIRTH_DATE only when labelled as such ("né(e) le", "Date de naissance", "DDN", a DDN
  column or an ICS/XML field named so); PERSON_NAME for anybody's name (patients, relatives, staff, contractors).
  Four-digit internal extensions are not phone numbers and appear only next to full numbers.

Decisions a reader may dispute (stated so the lead can re-label rather than guess)
- chaplaincy visit lists (name + ward + room + sacrament requested): health, because they reveal a stay in a care
  unit (and a religious belief, itself art. 9 data).
- interpreter bookings (patient name + "consultation de <specialty>"): health, an appointment in a specialty.
- clinical-trial screening logs (initials, age, screening number, eligibility criteria such as "DFG < 30"): not
  health, pseudonymised; personal only when the investigator or research assistant is named.
- lost-property registers and visitor badge lists never name a care unit, so they are personal only.
- a zipped batch counts as health when one member is; its ids are the union of the members' ids.

Kinds (about 40 % not health): clinic day lists (.csv/.ics), SAMU-style telephone triage logs, genetic counselling
letters, polysomnography reports, dialysis session sheets, endoscopy reports, audiology reports, speech-therapy and
orthoptic assessments, paediatric growth sheets, involuntary psychiatric admission papers (SDT/SDRE), palliative-care
team notes, methadone dispensing registers, needle-stick (AES) declarations, interpreter bookings, chaplaincy lists;
near-misses: trial screening logs, lost property, visitor badges, biomedical maintenance reports, cafeteria menus,
works schedules, IT tickets, satisfaction-survey results, ARS statistical returns, internal phone books, blank forms,
patient leaflets, zipped batches of either.
"""

from __future__ import annotations

import csv
import html
import io
import json
import random
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import docx
import openpyxl
from faker import Faker
from fpdf import FPDF
from holdout_harness import Doc, main
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import P
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.fr import nir as std_nir

TODAY = date(2025, 11, 20)
"""The corpus's "today": fixed so a seed gives the same files on any day."""
COMPANIES = (
    "Bâtiments du Rhône SAS",
    "Clim'Air Services",
    "Elec Sud-Ouest",
    "Fluidis Médical",
    "Peintures Modernes SARL",
    "Plomberie Générale de l'Ouest",
    "Ascenseurs Services Est",
    "Sécurité Incendie Conseil",
    "Gaz Médicaux Express",
)
"""Company names without surnames, so only the rows meant to name a person do."""
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
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

Line = str | list[str]
"""A paragraph, or a table row (consecutive rows render as one table)."""


# --------------------------------------------------------------------------------------------- people and numbers
@dataclass(slots=True)
class Person:
    first: str
    last: str
    female: bool
    birth: date
    nir: str
    ipp: str
    nda: str
    phone: str
    email: str
    address: str


@dataclass(slots=True)
class Site:
    name: str
    city: str
    address: str
    switchboard: str
    finess: str
    domain: str


class Ctx:
    """One seed's randomness: the Random for choices, a seeded Faker for names, and the value formats."""

    def __init__(self, rng: random.Random, seed: int) -> None:
        self.rng = rng
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(seed)
        self.sites = [self._site() for _ in range(4)]

    # ---- values
    def digits(self, n: int) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    def nir(self, female: bool, birth: date) -> str:
        place = self.rng.choice(["75", "69", "13", "59", "33", "2A", "2B", "971", "974", "99"])
        if place in ("971", "974"):
            place += self.digits(2)
        elif place == "99":
            place += self.rng.choice(["350", "351", "352", "109", "134", "139"])
        else:
            place += f"{self.rng.randint(1, 899):03d}"
        body = f"{2 if female else 1}{birth.year % 100:02d}{birth.month:02d}{place}{self.rng.randint(1, 999):03d}"
        return body + std_nir.calc_check_digits(body)

    def rpps(self) -> str:
        body = "10" + self.digits(8)
        return body + luhn.calc_check_digit(body)

    def adeli(self) -> str:
        return self.rng.choice(["69", "75", "13", "31", "59"]) + self.rng.choice(["91", "92", "93"]) + self.digits(5)

    def finess(self) -> str:
        body = self.rng.choice(["69", "75", "13", "31", "59", "44"]) + "0" + self.digits(5)
        return body + luhn.calc_check_digit(body)

    def iban(self) -> str:
        """A French IBAN with a valid RIB key and valid ISO 13616 check digits."""
        bank, branch, account = self.digits(5), self.digits(5), self.digits(11)
        rib_key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
        bban = f"{bank}{branch}{account}{rib_key:02d}"
        return "FR" + std_iban.calc_check_digits("FR00" + bban) + bban

    def phone(self, mobile: bool | None = None) -> str:
        first = (
            self.rng.choice("67")
            if mobile or (mobile is None and self.rng.random() < 0.5)
            else self.rng.choice("12345")
        )
        pairs = [self.digits(2) for _ in range(4)]
        style = self.rng.randrange(6)
        if style == 0:
            return f"0{first}{''.join(pairs)}"
        if style == 1:
            return f"0{first}." + ".".join(pairs)
        if style == 2:
            return f"+33 {first} " + " ".join(pairs)
        if style == 3:
            return f"0{first}-" + "-".join(pairs)
        return f"0{first} " + " ".join(pairs)

    def fmt_nir(self, nir: str) -> str:
        style = self.rng.randrange(4)
        if style == 0:
            return nir
        if style == 1:
            return f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}"
        if style == 2:
            return f"{nir[:13]} {nir[13:]}"
        return f"{nir[0]}.{nir[1:3]}.{nir[3:5]}.{nir[5:7]}.{nir[7:10]}.{nir[10:13]} - {nir[13:]}"

    def fmt_date(self, d: date) -> str:
        style = self.rng.randrange(6)
        if style == 0:
            return d.strftime("%d/%m/%Y")
        if style == 1:
            return d.strftime("%d.%m.%Y")
        if style == 2:
            return d.isoformat()
        if style == 3:
            return d.strftime("%d/%m/%y")
        if style == 4:
            return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
        return d.strftime("%d-%m-%Y")

    def typo(self, text: str) -> str:
        """Prose as typed in a hurry: in a third of the calls two letters of one longer word are swapped."""
        words = text.split(" ")
        long_words = [k for k, w in enumerate(words) if len(w) > 6 and w.isalpha()]
        if not long_words or self.rng.random() > 0.33:
            return text
        k = self.rng.choice(long_words)
        j = self.rng.randrange(1, len(words[k]) - 2)
        word = words[k]
        words[k] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
        return " ".join(words)

    def recent(self, days: int = 700) -> date:
        return TODAY - timedelta(days=self.rng.randrange(days))

    # ---- people
    def person(self, min_age: int = 18, max_age: int = 95) -> Person:
        female = self.rng.random() < 0.5
        first = self.fake.first_name_female() if female else self.fake.first_name_male()
        last = self.fake.last_name()
        birth = TODAY - timedelta(days=self.rng.randint(min_age * 365 + 1, max_age * 365 + 300))
        mail_user = _ascii(f"{first}.{last}").lower().replace(" ", "")
        return Person(
            first=first,
            last=last,
            female=female,
            birth=birth,
            nir=self.nir(female, birth),
            ipp=self.rng.choice(["8", "4", "00"]) + self.digits(8 if self.rng.random() < 0.7 else 7),
            nda=self.rng.choice(["", "S", "2"]) + str(birth.year % 7 + 2019) + self.digits(6),
            phone=self.phone(mobile=True),
            email=f"{mail_user}{self.rng.choice(['', '', str(self.rng.randint(1, 99))])}@"
            + self.rng.choice(["gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr"]),
            address=f"{self.fake.street_address()}, {self.fake.postcode()} {self.fake.city()}",
        )

    def name(self, p: Person, title: bool | None = None) -> str:
        """A person's name as offices write it: uppercase surnames, civility, missing accents, comma forms."""
        civ = (
            ("Mme" if p.female else self.rng.choice(["M.", "Mr", "M"]))
            if (title or (title is None and self.rng.random() < 0.5))
            else ""
        )
        style = self.rng.randrange(6)
        if style == 0:
            text = f"{p.last.upper()} {p.first}"
        elif style == 1:
            text = f"{p.first} {p.last}"
        elif style == 2:
            text = _ascii(f"{p.last.upper()} {p.first}")
        elif style == 3:
            text = f"{p.last.upper()}, {p.first}"
        elif style == 4:
            text = f"{p.first} {p.last.upper()}"
        else:
            text = _ascii(f"{p.first} {p.last}")
        return f"{civ} {text}".strip()

    def doctor(self) -> tuple[str, Person]:
        p = self.person(30, 65)
        return f"{self.rng.choice(['Dr', 'Dr', 'Docteur', 'Pr'])} {p.first} {p.last.upper()}", p

    def staff_email(self, p: Person, site: Site) -> str:
        return f"{_ascii(p.first).lower()}.{_ascii(p.last).lower().replace(' ', '-')}@{site.domain}"

    def site(self) -> Site:
        return self.rng.choice(self.sites)

    def _site(self) -> Site:
        city = self.fake.city()
        kind = self.rng.choice(["Centre hospitalier de", "CHU de", "Hôpital", "Centre hospitalier intercommunal de"])
        slug = _ascii(city).lower().replace(" ", "-").replace("'", "")
        return Site(
            name=f"{kind} {city}",
            city=city,
            address=f"{self.fake.street_address()}, {self.fake.postcode()} {city}",
            switchboard=self.phone(mobile=False),
            finess=self.finess(),
            domain=f"ch-{slug}.fr",
        )

    def header(self, site: Site, ids: set[str], *, phone: bool = True, finess: bool | None = None) -> list[Line]:
        """Letterhead: the site, maybe its switchboard (PHONE) and FINESS."""
        lines: list[Line] = [site.name, site.address]
        if phone:
            lines.append(f"{self.rng.choice(['Standard', 'Tél.', 'Accueil'])} : {site.switchboard}")
            ids.add("PHONE")
        if finess if finess is not None else self.rng.random() < 0.4:
            lines.append(f"{self.rng.choice(['FINESS', 'N° FINESS', 'Finess ET'])} : {site.finess}")
            ids.add("FINESS")
        return lines


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


# ---------------------------------------------------------------------------------------------------- writers
def _groups(lines: Sequence[Line]) -> list[str | list[list[str]]]:
    """Consecutive table rows merged into one table."""
    out: list[str | list[list[str]]] = []
    for line in lines:
        if isinstance(line, list):
            if out and isinstance(out[-1], list):
                out[-1].append(line)
            else:
                out.append([line])
        else:
            out.append(line)
    return out


def _plain(lines: Sequence[Line], sep: str) -> str:
    return "\n".join(sep.join(line) if isinstance(line, list) else line for line in lines) + "\n"


def _docx(lines: Sequence[Line]) -> bytes:
    document = docx.Document()
    for group in _groups(lines):
        if isinstance(group, str):
            document.add_paragraph(group)
            continue
        width = max(len(r) for r in group)
        table = document.add_table(rows=len(group), cols=width)
        for r, row in enumerate(group):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _odt(lines: Sequence[Line]) -> bytes:
    document = OpenDocumentText()
    for line in lines:
        document.text.addElement(P(text="\t".join(line) if isinstance(line, list) else line))
    buf = io.BytesIO()
    document.write(buf)
    return buf.getvalue()


def _pdf(lines: Sequence[Line]) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=9)
    for line in lines:
        text = "   ".join(line) if isinstance(line, list) else line
        pdf.multi_cell(0, 5, text or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _html(lines: Sequence[Line], title: str) -> bytes:
    parts = [
        f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{html.escape(title)}</title></head><body>"
    ]
    for group in _groups(lines):
        if isinstance(group, str):
            parts.append(f"<p>{html.escape(group)}</p>")
        else:
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>" for row in group)
            parts.append(f"<table border='1'>{rows}</table>")
    parts.append("</body></html>")
    return "\n".join(parts).encode("utf-8")


def document(ext: str, lines: Sequence[Line], title: str = "") -> bytes:
    """A prose document (letter, report, form) in one of the office formats."""
    if ext == "docx":
        return _docx(lines)
    if ext == "odt":
        return _odt(lines)
    if ext == "pdf":
        return _pdf(lines)
    if ext == "html":
        return _html(lines, title)
    if ext == "txt-cp1252":
        return _plain(lines, "\t").replace("\n", "\r\n").encode("cp1252", errors="replace")
    return _plain(lines, " | ").encode("utf-8")


def sheet(ext: str, rows: Sequence[Sequence[object]], sep: str = ";") -> bytes:
    """A table (register, export) in one of the tabular formats."""
    if ext == "xlsx":
        book = openpyxl.Workbook()
        ws = book.active
        ws.title = "Feuil1"
        for row in rows:
            ws.append(list(row))
        buf = io.BytesIO()
        book.save(buf)
        return buf.getvalue()
    if ext == "ods":
        spreadsheet = OpenDocumentSpreadsheet()
        table = Table(name="Feuille1")
        for row in rows:
            tr = TableRow()
            for value in row:
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell = TableCell(valuetype="float", value=value)
                else:
                    cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
                tr.addElement(cell)
            table.addElement(tr)
        spreadsheet.spreadsheet.addElement(table)
        buf = io.BytesIO()
        spreadsheet.write(buf)
        return buf.getvalue()
    text = io.StringIO()
    csv.writer(text, delimiter=sep, lineterminator="\r\n").writerows([[str(v) for v in row] for row in rows])
    return text.getvalue().encode("cp1252" if ext == "csv-cp1252" else "utf-8-sig", errors="replace")


def email(
    sender: str, to: str, subject: str, body: str, when: datetime, attachments: Sequence[tuple[str, bytes]] = ()
) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    msg["Date"] = format_datetime(when)
    msg.set_content(body)
    for filename, data in attachments:
        msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=filename)
    return msg.as_bytes()


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def calendar(events: Sequence[dict[str, str]]) -> bytes:
    """iCalendar by hand (RFC 5545 is a few lines here; a bench corpus does not justify a new dependency)."""
    out = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Agenda consultations//FR"]
    for ev in events:
        out.append("BEGIN:VEVENT")
        out += [f"{k}:{v if k in ('DTSTART', 'DTEND', 'UID', 'ORGANIZER') else _ics_text(v)}" for k, v in ev.items()]
        out.append("END:VEVENT")
    out.append("END:VCALENDAR")
    return ("\r\n".join(out) + "\r\n").encode("utf-8")


def _ext_out(ext: str) -> str:
    return ext.split("-")[0]


# ------------------------------------------------------------------------------------------------- generators
@dataclass(slots=True)
class Made:
    ext: str
    data: bytes
    ids: set[str]
    health: bool
    personal: bool
    optional: frozenset[str] = frozenset()


Render = Callable[[Ctx, int], Made]

SPECIALTIES = {
    "cardiologie": [
        "Contrôle post-pose de stent",
        "Bilan HTA résistante",
        "Suivi insuffisance cardiaque FEVG 35 %",
        "ECG + écho de contrôle, FA sous apixaban",
    ],
    "endocrinologie": [
        "Suivi diabète type 2, HbA1c 8,4 %",
        "Nodule thyroïdien 2 cm, résultat cytologie",
        "Titration insuline basale",
    ],
    "rhumatologie": [
        "Polyarthrite rhumatoïde sous méthotrexate",
        "Suivi ostéoporose, densitométrie",
        "Poussée de goutte",
    ],
    "neurologie": ["Suivi SEP, IRM de contrôle", "Céphalées chroniques", "Épilepsie, dosage valproate"],
    "pneumologie": ["BPCO stade 3, EFR", "Nodule pulmonaire, scanner à 3 mois", "Asthme sévère sous biothérapie"],
    "gastro-entérologie": [
        "Maladie de Crohn sous infliximab",
        "Cirrhose, surveillance échographique",
        "Suivi hépatite C traitée",
    ],
}


def clinic_agenda(ctx: Ctx, i: int) -> Made:
    """Outpatient day list exported from the scheduling tool: .csv with varied columns, or .ics."""
    rng, site = ctx.rng, ctx.site()
    spec = rng.choice(list(SPECIALTIES))
    dr, _ = ctx.doctor()
    day = ctx.recent()
    ids = {"PERSON_NAME"}
    if i % 3 == 2:
        events = []
        with_ddn, with_ipp = rng.random() < 0.6, rng.random() < 0.6
        for k in range(rng.randint(4, 9)):
            p = ctx.person()
            start = datetime(day.year, day.month, day.day, 8 + k // 2, 30 * (k % 2))
            desc = [f"Motif : {rng.choice(SPECIALTIES[spec])}"]
            if with_ddn:
                desc.append(f"DDN : {ctx.fmt_date(p.birth)}")
            if with_ipp:
                desc.append(f"IPP : {p.ipp}")
            events.append(
                {
                    "UID": f"{day.isoformat()}-{k}@{site.domain}",
                    "DTSTART": start.strftime("%Y%m%dT%H%M%S"),
                    "DTEND": (start + timedelta(minutes=30)).strftime("%Y%m%dT%H%M%S"),
                    "SUMMARY": f"{ctx.name(p)} - consultation {spec}",
                    "DESCRIPTION": "\n".join(desc),
                    "LOCATION": f"Consultations {spec}, box {rng.randint(1, 6)}",
                    "ORGANIZER": f"mailto:consult.{_ascii(spec).split('-')[0]}@{site.domain}",
                }
            )
        ids |= {"EMAIL"} | ({"BIRTH_DATE"} if with_ddn else set()) | ({"IPP"} if with_ipp else set())
        return Made("ics", calendar(events), ids, True, True)
    cols = ["Heure", "Patient"]
    optional_cols = [c for c in ("Né(e) le", "IPP", "Tél.") if rng.random() < 0.55]
    cols += [*optional_cols, "Motif", "Praticien", "Statut"]
    rows: list[Sequence[object]] = [[f"Consultations {spec} - {dr} - {ctx.fmt_date(day)}"], cols]
    for k in range(rng.randint(6, 14)):
        p = ctx.person()
        values = {"Né(e) le": ctx.fmt_date(p.birth), "IPP": p.ipp, "Tél.": p.phone}
        rows.append(
            [f"{8 + k // 3}h{(k % 3) * 20:02d}", ctx.name(p)]
            + [values[c] for c in optional_cols]
            + [rng.choice(SPECIALTIES[spec]), dr, rng.choice(["Arrivé", "Confirmé", "Absent", "À venir"])]
        )
    ids |= {"BIRTH_DATE"} if "Né(e) le" in optional_cols else set()
    ids |= {"IPP"} if "IPP" in optional_cols else set()
    ids |= {"PHONE"} if "Tél." in optional_cols else set()
    ext = rng.choice(["csv", "csv-cp1252"])
    return Made(ext, sheet(ext, rows, sep=rng.choice([";", ",", "\t"])), ids, True, True)


TRIAGE = [
    ("douleur thoracique constrictive depuis 1 h, sueurs", "envoi SMUR", "SCA ST+ probable"),
    ("dyspnée brutale, SpO2 84 % selon la famille", "envoi VSAV + SMUR", "OAP ?"),
    (
        "chute dans l'escalier, douleur hanche droite, ne peut se lever",
        "ambulance privée vers SAU",
        "fracture col fémoral ?",
    ),
    (
        "fièvre 39,5 et frissons sous chimiothérapie",
        "orientation SAU, prévenir l'oncologue d'astreinte",
        "neutropénie fébrile ?",
    ),
    ("hémiplégie gauche et trouble de la parole depuis 40 min", "alerte filière AVC, envoi SMUR", "AVC < 4h30"),
    (
        "hypoglycémie 0,45 g/l chez un diabétique insulinotraité, resucré",
        "conseil médical, rappel à 30 min",
        "hypoglycémie",
    ),
    ("idées suicidaires, a pris 20 cp de paracétamol", "envoi VSAV, CAP contacté", "IMV paracétamol"),
]


def triage_log(ctx: Ctx, i: int) -> Made:
    """SAMU / 15 regulation log: caller, patient, reason, decision, one line per call."""
    rng = ctx.rng
    ids = {"PERSON_NAME", "PHONE"}
    day = ctx.recent()
    with_birth = rng.random() < 0.3
    rows: list[Sequence[object]] = [
        [
            "Heure",
            "Appelant",
            "Tél. rappel",
            "Patient",
            "Âge" if not with_birth else "Né(e) le",
            "Motif d'appel",
            "Décision",
            "Hypothèse",
            "Médecin régulateur",
        ]
    ]
    reg, _ = ctx.doctor()
    for _ in range(rng.randint(5, 12)):
        caller, patient = ctx.person(), ctx.person(18, 95)
        motif, decision, hyp = rng.choice(TRIAGE)
        age = (day - patient.birth).days // 365
        rows.append(
            [
                f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
                f"{ctx.name(caller)} ({rng.choice(['fille', 'voisin', 'épouse', 'lui-même', 'infirmière libérale'])})",
                caller.phone,
                ctx.name(patient),
                ctx.fmt_date(patient.birth) if with_birth else f"{age} ans",
                motif,
                decision,
                hyp,
                reg,
            ]
        )
    if with_birth:
        ids.add("BIRTH_DATE")
    if i % 2:
        lines: list[Line] = [f"CRRA 15 - journal de régulation du {ctx.fmt_date(day)}", ""]
        for row in rows[1:]:
            lines += [
                f"[{row[0]}] Appel de {row[1]} - rappel {row[2]}",
                f"    Patient : {row[3]}, {row[4] if not with_birth else 'né(e) le ' + str(row[4])}",
                f"    Motif : {row[5]} -> {row[6]} ({row[7]}). Régulé par {row[8]}.",
                "",
            ]
        ext = rng.choice(["txt", "txt-cp1252"])
        return Made(ext, document(ext, lines), ids, True, True)
    ext = rng.choice(["csv", "xlsx"])
    return Made(ext, sheet(ext, rows, sep=rng.choice([";", "\t"])), ids, True, True)


GENETICS = [
    (
        "BRCA1",
        "c.68_69del (p.Glu23Valfs*17)",
        "cancer du sein à 41 ans",
        "IRM mammaire annuelle dès maintenant, discussion d'une annexectomie prophylactique à partir de 40 ans",
    ),
    (
        "MLH1",
        "c.1852_1854del",
        "cancer colorectal à 38 ans (syndrome de Lynch)",
        "coloscopie tous les 2 ans, discussion d'une hystérectomie prophylactique",
    ),
    (
        "CFTR",
        "F508del à l'état hétérozygote",
        "enfant atteint de mucoviscidose dans la fratrie",
        "dépistage du conjoint proposé avant un projet de grossesse",
    ),
    (
        "FMR1",
        "prémutation 85 répétitions CGG",
        "retard de langage d'un neveu",
        "conseil génétique pour les apparentées féminines, risque d'insuffisance ovarienne prématurée",
    ),
]


def genetic_letter(ctx: Ctx, i: int) -> Made:
    """Genetic counselling result letter, a relative named, sent to the referring doctor."""
    rng, site = ctx.rng, ctx.site()
    ids = {"PERSON_NAME"}
    p, relative = ctx.person(20, 70), ctx.person(20, 70)
    gene, variant, history, plan = rng.choice(GENETICS)
    dr, _ = ctx.doctor()
    gp, _ = ctx.doctor()
    lines = [
        *ctx.header(site, ids),
        "Unité d'oncogénétique - consultation de génétique",
        "",
        f"{ctx.fmt_date(ctx.recent())}",
        f"À l'attention de {gp}",
        "",
    ]
    ident = f"Objet : {ctx.name(p, True)}"
    if rng.random() < 0.7:
        ident += f", {'née' if p.female else 'né'} le {ctx.fmt_date(p.birth)}"
        ids.add("BIRTH_DATE")
    if rng.random() < 0.6:
        ident += f" - IPP {p.ipp}"
        ids.add("IPP")
    lines.append(ident)
    optional: frozenset[str] = frozenset()
    if rng.random() < 0.35:
        lines.append(f"INS : {ctx.fmt_nir(p.nir)} (INS-NIR, OID 1.2.250.1.213.1.4.8)")
        ids.add("INS")
        optional = frozenset({"NIR"})
    lines += [
        "",
        ctx.typo("Cher confrère,"),
        ctx.typo(f"Nous avons reçu en consultation votre patient(e) pour une histoire familiale de {history}."),
        f"L'analyse du gène {gene} a mis en évidence un variant pathogène {variant}.",
        f"Conduite à tenir : {plan}.",
        f"Un test ciblé est proposé à {relative.first} {relative.last} "
        f"({rng.choice(['sœur', 'fille'] if relative.female else ['frère', 'fils'])}),",
        "que nous recevrons à sa demande.",
        "",
        "Bien confraternellement,",
        dr,
    ]
    if rng.random() < 0.4:
        lines.append(f"RPPS {ctx.rpps()}")
        ids.add("RPPS")
    ext = rng.choice(["docx", "pdf", "odt"])
    return Made(ext, document(ext, lines), ids, True, True, optional)


def sleep_study(ctx: Ctx, i: int) -> Made:
    """Polysomnography report: indices per hour, oxygen, conclusion; the NIR in a third."""
    rng, site = ctx.rng, ctx.site()
    ids = {"PERSON_NAME", "BIRTH_DATE"}
    p = ctx.person(25, 85)
    iah = rng.choice([4.2, 12.5, 27.0, 41.3, 63.8])
    severity = (
        "absence de SAHOS" if iah < 5 else "SAHOS léger" if iah < 15 else "SAHOS modéré" if iah < 30 else "SAHOS sévère"
    )
    dr, _ = ctx.doctor()
    lines = [
        *ctx.header(site, ids, phone=rng.random() < 0.5),
        "",
        "LABORATOIRE DU SOMMEIL",
        "COMPTE RENDU DE POLYSOMNOGRAPHIE",
        "",
    ]
    label = rng.choice(["Date de naissance", "DDN", "Né(e) le"])
    if rng.random() < 0.5:
        lines += [["Nom", p.last.upper()], ["Prénom", p.first], [label, ctx.fmt_date(p.birth)]]
    else:
        lines += [f"Patient : {ctx.name(p)}", f"{label} :", ctx.fmt_date(p.birth)]
    if rng.random() < 0.35:
        lines.append(f"{rng.choice(['N° SS', 'N° sécurité sociale', 'NIR'])} : {ctx.fmt_nir(p.nir)}")
        ids.add("NIR")
    lines += [
        "",
        f"Date de l'enregistrement : nuit du {ctx.fmt_date(ctx.recent())}",
        f"Temps total de sommeil : {rng.randint(280, 430)} min, efficacité {rng.randint(60, 92)} %",
        f"Index d'apnées-hypopnées (IAH) : {iah} /h, dont {rng.randint(40, 90)} % obstructives",
        f"SpO2 moyenne {rng.randint(90, 96)} %, minimale {rng.randint(74, 89)} %, T90 {rng.randint(0, 25)} %",
        f"Index de micro-éveils : {rng.randint(8, 45)} /h ; "
        f"mouvements périodiques des jambes : {rng.randint(0, 30)} /h",
        "",
        f"Conclusion : {severity}. "
        + (
            "Indication à un traitement par PPC, titration auto-PPC à prévoir."
            if iah >= 15
            else "Règles hygiéno-diététiques."
        ),
        "",
        dr,
    ]
    ext = rng.choice(["pdf", "odt", "docx", "txt"])
    return Made(ext, document(ext, lines), ids, True, True)


def dialysis_sheet(ctx: Ctx, i: int) -> Made:
    """Haemodialysis session sheet: labels and values in separate cells, then one row per session; INS in some."""
    rng = ctx.rng
    p = ctx.person(30, 90)
    ids = {"PERSON_NAME", "BIRTH_DATE", "IPP"}
    optional: frozenset[str] = frozenset()
    nurse = ctx.person(22, 60)
    rows: list[Sequence[object]] = [
        ["Centre d'hémodialyse - fiche de séance"],
        [],
        ["Nom", p.last.upper(), "", "Prénom", p.first],
        ["Date de naissance", ctx.fmt_date(p.birth), "", "IPP", p.ipp],
    ]
    if rng.random() < 0.4:
        rows.append(["INS (matricule)", p.nir, "", "OID", "1.2.250.1.213.1.4.8"])
        ids.add("INS")
        optional = frozenset({"NIR"})
    rows += [
        [
            "Abord vasculaire",
            rng.choice(
                ["FAV radio-céphalique gauche", "FAV huméro-basilique droite", "Cathéter tunnelisé jugulaire droit"]
            ),
        ],
        ["Poids sec (kg)", round(rng.uniform(50, 95), 1)],
        [
            "Néphropathie",
            rng.choice(
                ["néphropathie diabétique", "polykystose rénale", "néphroangiosclérose", "glomérulonéphrite à IgA"]
            ),
        ],
        [],
        ["Date", "Poids entrée", "Poids sortie", "UF (ml)", "TA début", "TA fin", "Kt/V", "Héparine (UI)", "IDE"],
    ]
    for k in range(rng.randint(6, 13)):
        d = ctx.recent(60) + timedelta(days=k * 2)
        w_in = round(rng.uniform(55, 98), 1)
        uf = rng.randint(1200, 3800)
        rows.append(
            [
                d.strftime("%d/%m/%Y"),
                w_in,
                round(w_in - uf / 1000, 1),
                uf,
                f"{rng.randint(110, 170)}/{rng.randint(60, 95)}",
                f"{rng.randint(100, 150)}/{rng.randint(55, 85)}",
                round(rng.uniform(1.1, 1.6), 2),
                rng.choice([2500, 3000, 4000]),
                f"{nurse.first} {nurse.last[0]}.",
            ]
        )
    ext = rng.choice(["xlsx", "ods"])
    return Made(ext, sheet(ext, rows), ids, True, True, optional)


ENDOSCOPY = [
    (
        "Coloscopie totale",
        "dépistage après test immunologique positif",
        "polype sessile de 8 mm du sigmoïde, exérèse à l'anse froide",
        "HHFE002",
    ),
    (
        "Gastroscopie",
        "épigastralgies, anémie ferriprive",
        "ulcère bulbaire de 12 mm, biopsies antrales pour Helicobacter pylori",
        "HEQE002",
    ),
    ("Coloscopie", "rectorragies, surveillance de RCH", "colite gauche Mayo 2, biopsies étagées", "HHQE005"),
    (
        "Écho-endoscopie",
        "masse pancréatique au scanner",
        "lésion hypoéchogène de la tête du pancréas de 25 mm, ponction à l'aiguille 22G",
        "HNQJ001",
    ),
]


def endoscopy_report(ctx: Ctx, i: int) -> Made:
    """Endoscopy report with the stay number (NDA) and, in half, the endoscopist's RPPS."""
    rng, site = ctx.rng, ctx.site()
    ids = {"PERSON_NAME", "NDA", "BIRTH_DATE"}
    p = ctx.person(20, 90)
    exam, indication, finding, ccam = rng.choice(ENDOSCOPY)
    dr, _ = ctx.doctor()
    nda_label = rng.choice(["N° de séjour", "NDA", "N° dossier (NDA)", "Séjour n°"])
    lines = [
        *ctx.header(site, ids, phone=rng.random() < 0.5),
        "",
        f"Service d'hépato-gastro-entérologie - compte rendu d'{exam.lower()}"
        if exam[0] in "ÉE"
        else f"Service d'hépato-gastro-entérologie - compte rendu de {exam.lower()}",
        "",
        f"Patient : {ctx.name(p)}",
        f"{rng.choice(['Date de naissance', 'Né(e) le', 'DDN'])} : {ctx.fmt_date(p.birth)}",
        f"{nda_label} : {p.nda}",
        f"Date de l'examen : {ctx.fmt_date(ctx.recent())}",
        "",
        f"Indication : {indication}.",
        f"Anesthésie : {rng.choice(['AG avec propofol', 'sans anesthésie', 'sédation'])}.",
        f"Résultats : {finding}.",
        f"Acte CCAM : {ccam}",
        ctx.typo(f"Conclusion : {finding.split(',')[0]}. Résultats anatomopathologiques à revoir en consultation."),
        "",
        f"Endoscopiste : {dr}",
    ]
    if rng.random() < 0.5:
        lines.append(f"N° RPPS : {ctx.rpps()}")
        ids.add("RPPS")
    ext = rng.choice(["docx", "txt-cp1252", "pdf"])
    return Made(ext, document(ext, lines), ids, True, True)


def audiology(ctx: Ctx, i: int) -> Made:
    """Tonal audiogram values per frequency and ear, with the ENT's conclusion."""
    rng, site = ctx.rng, ctx.site()
    ids = {"PERSON_NAME", "BIRTH_DATE"}
    p = ctx.person(5, 90)
    loss = rng.randint(10, 60)
    lines: list[Line] = [
        site.name,
        "Service ORL - audiométrie tonale et vocale",
        "",
        f"{ctx.name(p)}",
        f"Date de naissance : {ctx.fmt_date(p.birth)}",
    ]
    if rng.random() < 0.4:
        lines.append(f"Tél. patient : {p.phone}")
        ids.add("PHONE")
    lines += ["", ["Fréquence (Hz)", "250", "500", "1000", "2000", "4000", "8000"]]
    for ear in ("OD (dB HL)", "OG (dB HL)"):
        lines.append([ear] + [str(loss + rng.randint(-5, 5) + f * 5) for f in range(6)])
    lines += [
        "",
        f"Audiométrie vocale : seuil d'intelligibilité {loss + rng.randint(5, 15)} dB, "
        f"maximum {rng.randint(70, 100)} %",
        f"Tympanométrie : type {rng.choice(['A', 'A', 'B', 'C'])} bilatéral",
        f"Conclusion : surdité de perception bilatérale {'légère' if loss < 40 else 'moyenne'} "
        "prédominant sur les aigus. Appareillage bilatéral proposé, ordonnance remise.",
        f"{ctx.doctor()[0]}, ORL",
    ]
    ext = rng.choice(["html", "pdf", "docx"])
    return Made(ext, document(ext, lines, "Audiogramme"), ids, True, True)


def rehab_assessment(ctx: Ctx, i: int) -> Made:
    """Speech-therapy or orthoptic assessment of a child, parents' phone, therapist's ADELI in some."""
    rng = ctx.rng
    ids = {"PERSON_NAME", "BIRTH_DATE"}
    child, parent = ctx.person(3, 12), ctx.person(28, 50)
    therapist = ctx.person(25, 60)
    if i % 2:
        title = "BILAN ORTHOPHONIQUE"
        body = [
            f"Motif : retard de langage oral signalé par l'enseignante ({rng.choice(['MS', 'GS', 'CP'])}).",
            f"EVALO 2-6 : lexique en production {rng.randint(-3, -1)} ET, morphosyntaxe {rng.randint(-3, 0)} ET.",
            "Phonologie : simplifications persistantes (réduction des groupes consonantiques).",
            f"Conclusion : trouble développemental du langage, rééducation {rng.choice(['1', '2'])} séances/semaine.",
        ]
        role = "Orthophoniste"
    else:
        title = "BILAN ORTHOPTIQUE"
        body = [
            f"Acuité visuelle avec correction : OD {rng.choice(['8', '9', '10'])}/10, "
            f"OG {rng.choice(['3', '4', '5'])}/10.",
            f"Écran : ésotropie de {rng.randint(6, 20)} dioptries à l'écran alterné, de loin et de près.",
            "Vision stéréoscopique : Lang négatif. Motilité normale.",
            "Conclusion : amblyopie fonctionnelle OG, occlusion 4 h/jour de l'œil droit, contrôle dans 2 mois.",
        ]
        role = "Orthoptiste"
    lines: list[Line] = [
        title,
        "",
        f"Enfant : {ctx.name(child, False)}",
        f"{rng.choice(['Né(e) le', 'Date de naissance', 'DDN'])} : {ctx.fmt_date(child.birth)}",
        f"Parent : {ctx.name(parent, True)}",
    ]
    if rng.random() < 0.6:
        lines.append(f"Tél. : {parent.phone}")
        ids.add("PHONE")
    lines += [
        f"Adressé par : {ctx.doctor()[0]}, pédiatre",
        "",
        *body,
        "",
        f"{therapist.first} {therapist.last}, {role}",
    ]
    if rng.random() < 0.5:
        lines.append(f"N° ADELI : {ctx.adeli()}")
        ids.add("ADELI")
    ext = rng.choice(["odt", "docx", "pdf"])
    return Made(ext, document(ext, lines), ids, True, True)


def growth_followup(ctx: Ctx, i: int) -> Made:
    """Paediatric growth follow-up workbook: one row per visit, several children."""
    rng = ctx.rng
    ids = {"PERSON_NAME", "BIRTH_DATE"}
    with_ipp = rng.random() < 0.5
    head = (
        ["Nom", "Prénom", "DDN"]
        + (["IPP"] if with_ipp else [])
        + ["Date visite", "Poids (kg)", "Taille (cm)", "PC (cm)", "IMC", "Z-score taille", "Remarque"]
    )
    rows: list[Sequence[object]] = [["Consultation de pédiatrie - suivi de croissance"], head]
    for _ in range(rng.randint(2, 5)):
        child = ctx.person(1, 14)
        z = round(rng.uniform(-3.2, 1.5), 1)
        for v in range(rng.randint(2, 5)):
            visit = child.birth + timedelta(days=180 * (v + 1) + rng.randint(0, 60))
            age_y = (visit - child.birth).days / 365
            height = round(50 + age_y * 6.5 + z * 3, 1)
            weight = round(3.3 + age_y * 2.4 + rng.uniform(-1, 1), 1)
            rows.append(
                [child.last.upper(), child.first, child.birth.strftime("%d/%m/%Y")]
                + ([child.ipp] if with_ipp else [])
                + [
                    visit.strftime("%d/%m/%Y"),
                    weight,
                    height,
                    round(34 + age_y * 1.5, 1),
                    round(weight / (height / 100) ** 2, 1),
                    z,
                    "retard statural, bilan GH demandé" if z < -2 else rng.choice(["", "RAS", "vaccins à jour"]),
                ]
            )
    ids |= {"IPP"} if with_ipp else set()
    ext = rng.choice(["xlsx", "xlsx", "ods"])
    return Made(ext, sheet(ext, rows), ids, True, True)


def involuntary_admission(ctx: Ctx, i: int) -> Made:
    """SDT / SDRE paperwork: the third party's request or the prefect's decision, with the medical certificate."""
    rng, site = ctx.rng, ctx.site()
    ids = {"PERSON_NAME", "BIRTH_DATE"}
    p, third = ctx.person(18, 80), ctx.person(25, 80)
    dr, _ = ctx.doctor()
    sdre = i % 2 == 1
    lines = ctx.header(site, ids, phone=rng.random() < 0.5)
    if sdre:
        lines += [
            "",
            "ARRÊTÉ PRÉFECTORAL portant admission en soins psychiatriques sur décision du représentant de l'État",
            "(article L. 3213-1 du code de la santé publique)",
            "",
            f"Vu le certificat médical circonstancié établi le {ctx.fmt_date(ctx.recent())} par {dr} ;",
            f"Considérant que {ctx.name(p, True)}, {'née' if p.female else 'né'} le {ctx.fmt_date(p.birth)},",
            f"demeurant {p.address},",
            "présente des troubles mentaux qui nécessitent des soins et compromettent la sûreté des personnes,",
            f"ARRÊTE : Article 1 - l'intéressé(e) est admis(e) en soins psychiatriques au {site.name}.",
        ]
    else:
        lines += [
            "",
            "DEMANDE D'ADMISSION EN SOINS PSYCHIATRIQUES À LA DEMANDE D'UN TIERS (art. L. 3212-1 CSP)",
            "",
            f"Je soussigné(e) {ctx.name(third, True)}, demeurant {third.address},",
            f"agissant en qualité de {rng.choice(['mère', 'père', 'conjoint(e)', 'frère', 'sœur', 'ami(e)'])},",
            f"sollicite l'admission de {ctx.name(p, True)}",
            f"Date de naissance : {ctx.fmt_date(p.birth)}",
        ]
        if rng.random() < 0.6:
            lines.append(f"Tél. du tiers : {third.phone}")
            ids.add("PHONE")
    lines += [
        "",
        "CERTIFICAT MÉDICAL",
        f"Je soussigné {dr}, certifie avoir examiné ce jour le/la patient(e) susnommé(e).",
        rng.choice(
            [
                "Il présente un délire de persécution avec hallucinations acoustico-verbales,",
                "Elle présente un épisode dépressif sévère avec idées suicidaires scénarisées,",
                "Il présente un état maniaque avec agitation et déni total des troubles,",
            ]
        ),
        "ses troubles rendent impossible son consentement et imposent des soins immédiats assortis",
        "d'une surveillance médicale constante.",
        "",
        dr,
    ]
    if rng.random() < 0.4:
        lines.append(f"RPPS : {ctx.rpps()}")
        ids.add("RPPS")
    ext = rng.choice(["pdf", "docx", "odt"])
    return Made(ext, document(ext, lines), ids, True, True)


PALLIATIVE_CONTEXTS = (
    "adénocarcinome pancréatique métastatique",
    "SLA évoluée",
    "cancer bronchique stade IV",
    "insuffisance cardiaque terminale",
)


def palliative_note(ctx: Ctx, i: int) -> Made:
    """Mobile palliative-care team note, as a text file or as an e-mail to the ward doctor."""
    rng, site = ctx.rng, ctx.site()
    ids = {"PERSON_NAME"}
    p, spouse = ctx.person(40, 95), ctx.person(40, 95)
    spouse.last = p.last
    ward = rng.choice(["oncologie", "pneumologie", "médecine interne", "gériatrie", "hépato-gastro-entérologie"])
    body = [
        f"Équipe mobile de soins palliatifs - passage du {ctx.fmt_date(ctx.recent())}",
        f"Patient : {ctx.name(p, True)}, chambre {rng.randint(100, 650)}, service de {ward}",
        ctx.typo(f"Contexte : {rng.choice(PALLIATIVE_CONTEXTS)}."),
        f"Douleur : EVA {rng.randint(4, 9)}/10 malgré oxycodone {rng.choice([10, 20, 40])} mg x2/j ; "
        "proposition de PCA de morphine, bolus 1 mg, période réfractaire 10 min.",
        "Symptômes : nausées, anxiété vespérale ; midazolam 2,5 mg si besoin.",
        "Projet : confort, pas de réanimation (LATA discutée avec la famille).",
        f"Famille : {'épouse' if spouse.female else 'époux'} {ctx.name(spouse, True)}",
    ]
    if rng.random() < 0.5:
        body[-1] += f", joignable au {spouse.phone}"
        ids.add("PHONE")
    if rng.random() < 0.4:
        body.insert(2, f"{rng.choice(['NDA', 'N° de séjour', 'Séjour'])} : {p.nda}")
        ids.add("NDA")
    author = ctx.person(28, 60)
    body += ["", f"{author.first} {author.last}, IDE EMSP"]
    if i % 2:
        dr, drp = ctx.doctor()
        ids.add("EMAIL")
        data = email(
            f"EMSP <emsp@{site.domain}>",
            f"{dr} <{ctx.staff_email(drp, site)}>",
            f"Passage EMSP - ch. {rng.randint(100, 650)}",
            "\n".join(body),
            datetime(2025, 10, 3, 14, 20),
        )
        return Made("eml", data, ids, True, True)
    ext = rng.choice(["txt", "txt-cp1252", "docx"])
    return Made(ext, document(ext, body), ids, True, True)


def methadone_register(ctx: Ctx, i: int) -> Made:
    """Addiction clinic (CSAPA) dispensing register: daily doses per named patient, NSS column in some."""
    rng = ctx.rng
    ids = {"PERSON_NAME"}
    with_nss = rng.random() < 0.5
    patients = [ctx.person(20, 65) for _ in range(rng.randint(4, 9))]
    doses = {id(p): rng.choice([20, 40, 60, 80, 100, 120]) for p in patients}
    nurse = ctx.person(25, 60)
    head = (
        ["Date", "Nom", "Prénom"] + (["N° SS"] if with_nss else []) + ["Méthadone (mg)", "Forme", "Délivré par", "Visa"]
    )
    rows: list[Sequence[object]] = [
        ["CSAPA - registre de délivrance des médicaments de substitution aux opiacés"],
        head,
    ]
    for d in range(rng.randint(2, 5)):
        day = ctx.recent(30) + timedelta(days=d)
        for p in patients:
            if rng.random() < 0.8:
                rows.append(
                    [day.strftime("%d/%m/%Y"), p.last.upper(), p.first]
                    + ([ctx.fmt_nir(p.nir)] if with_nss else [])
                    + [doses[id(p)], rng.choice(["sirop", "gélule"]), f"{nurse.first[0]}. {nurse.last}", "X"]
                )
    ids |= {"NIR"} if with_nss else set()
    ext = rng.choice(["csv", "xlsx", "csv-cp1252"])
    return Made(ext, sheet(ext, rows, sep=rng.choice([";", ","])), ids, True, True)


AES_CIRCUMSTANCES = (
    "piqûre par aiguille sous-cutanée lors du recapuchonnage",
    "coupure par bistouri en salle",
    "projection oculaire de sang lors d'une pose de KT",
)
AES_CARE = ("TPE ténofovir/emtricitabine + raltégravir débuté à H2", "pas de TPE après avis du référent")


def aes_declaration(ctx: Ctx, i: int) -> Made:
    """A staff member's needle-stick (AES) declaration: the agent's identity, NIR, serologies: staff health data."""
    rng, site = ctx.rng, ctx.site()
    ids = {"PERSON_NAME", "NIR", "BIRTH_DATE"}
    agent = ctx.person(22, 62)
    lines = [
        *ctx.header(site, ids, phone=rng.random() < 0.6),
        "",
        "DÉCLARATION D'ACCIDENT D'EXPOSITION AU SANG (AES)",
        "Service de santé au travail",
        "",
        ["Nom", agent.last.upper()],
        ["Prénom", agent.first],
        ["Date de naissance", ctx.fmt_date(agent.birth)],
        ["N° de sécurité sociale", ctx.fmt_nir(agent.nir)],
        ["Matricule", ctx.digits(6)],
        ["Fonction", rng.choice(["IDE", "aide-soignant(e)", "interne", "agent de bio-nettoyage"])],
        ["Service", rng.choice(["réanimation", "bloc opératoire", "urgences", "médecine polyvalente"])],
        "",
        f"Circonstances : {rng.choice(AES_CIRCUMSTANCES)}, le {ctx.fmt_date(ctx.recent())} à {rng.randint(0, 23)}h.",
        f"Patient source : statut VIH {rng.choice(['négatif', 'inconnu', 'positif, charge virale indétectable'])}, "
        f"VHC {rng.choice(['négatif', 'positif'])}.",
        f"Prise en charge : {rng.choice(AES_CARE)}.",
        f"Sérologies J0 de l'agent : VIH négatif, Ac anti-HBs {rng.randint(10, 900)} UI/L, VHC négatif. "
        "Contrôles à M1 et M3.",
    ]
    if rng.random() < 0.5:
        lines.append(f"Tél. de l'agent : {agent.phone}")
        ids.add("PHONE")
    ext = rng.choice(["docx", "pdf", "odt"])
    return Made(ext, document(ext, lines), ids, True, True)


LANGUAGES = ("dari", "pachto", "arabe", "tigrigna", "russe", "ukrainien", "roumain", "albanais", "LSF")


def interpreter_booking(ctx: Ctx, i: int) -> Made:
    """Interpreter bookings: patient + specialty consultation (health), a freelance interpreter's IBAN in some."""
    rng, site = ctx.rng, ctx.site()
    ids = {"PERSON_NAME"}
    spec = rng.choice(
        [
            "gynécologie-obstétrique",
            "maladies infectieuses",
            "psychiatrie",
            "pédiatrie",
            "cardiologie",
            "chirurgie digestive",
            "diabétologie",
        ]
    )
    if i % 2:
        p, clerk = ctx.person(), ctx.person(25, 60)
        ids.add("EMAIL")
        when = ctx.recent()
        body = (
            f"Bonjour,\n\nMerci de prévoir un interprète en {rng.choice(LANGUAGES)} pour {ctx.name(p, True)} "
            f"le {ctx.fmt_date(when)} à {rng.randint(8, 16)}h, consultation de {spec} (bâtiment {rng.choice('ABCD')}, "
            f"{rng.randint(0, 3)}e étage).\nDurée prévue : 45 min.\n\nCordialement,\n{clerk.first} {clerk.last}\n"
            f"Service social - {site.name}\n"
        )
        data = email(
            f"{clerk.first} {clerk.last} <{ctx.staff_email(clerk, site)}>",
            "planning@interpretariat-sante.org",
            f"Demande d'interprète - {spec}",
            body,
            datetime(2025, 9, 12, 10, 5),
        )
        return Made("eml", data, ids, True, True)
    rows: list[Sequence[object]] = [
        ["Planning interprétariat", site.name],
        [],
        ["Date", "Heure", "Patient", "Langue", "Consultation", "Interprète", "Durée (min)"],
    ]
    interpreters = [ctx.person(25, 65) for _ in range(3)]
    for _ in range(rng.randint(5, 12)):
        p = ctx.person()
        rows.append(
            [
                ctx.fmt_date(ctx.recent(60)),
                f"{rng.randint(8, 17)}h",
                ctx.name(p),
                rng.choice(LANGUAGES),
                f"consultation de {rng.choice([spec, 'néphrologie', 'ORL', 'dermatologie'])}",
                f"{rng.choice(interpreters).first} {rng.choice(interpreters).last}",
                rng.choice([30, 45, 60]),
            ]
        )
    if rng.random() < 0.5:
        rows += [
            [],
            ["Interprète indépendant (paiement)", f"{interpreters[0].first} {interpreters[0].last}"],
            ["IBAN", ctx.iban()],
        ]
        ids.add("IBAN")
    ext = rng.choice(["xlsx", "ods"])
    return Made(ext, sheet(ext, rows), ids, True, True)


def chaplaincy(ctx: Ctx, i: int) -> Made:
    """Chaplaincy visit requests: name, ward, room, sacrament: a stay in a care unit (and a belief)."""
    rng = ctx.rng
    ids = {"PERSON_NAME"}
    faith, requests = rng.choice(
        [
            ("catholique", ["communion", "sacrement des malades", "visite", "prière"]),
            ("protestante", ["visite", "prière", "lecture biblique"]),
            ("musulmane", ["visite", "prière", "accompagnement de fin de vie"]),
        ]
    )
    rows: list[list[str]] = [["Nom", "Service", "Chambre", "Demande", "Remarque"]]
    for _ in range(rng.randint(4, 10)):
        p = ctx.person(40, 100)
        rows.append(
            [
                ctx.name(p, True),
                rng.choice(["gériatrie", "soins palliatifs", "cardiologie", "oncologie", "USLD"]),
                str(rng.randint(100, 450)),
                rng.choice(requests),
                rng.choice(["", "fin de vie, famille présente", "sourd, parler fort", "sortie prévue vendredi"]),
            ]
        )
    title = f"Aumônerie {faith} - visites demandées semaine {rng.randint(1, 52)}"
    ext = rng.choice(["docx", "csv", "odt"])
    if ext == "csv":
        return Made(ext, sheet(ext, [[title], *rows], sep=";"), ids, True, True)
    return Made(ext, document(ext, [title, "", *rows]), ids, True, True)


# ----------------------------------------------------------------------------------- negatives and near-misses
def trial_screening(ctx: Ctx, i: int) -> Made:
    """Trial screening log: initials, age, screening number, eligibility: pseudonymised, so not health data."""
    rng = ctx.rng
    ids: set[str] = set()
    study = rng.choice(["PROTECT-HF", "OSTEO-VIT", "SEPSIS-AB", "DIAB-CARE2"])
    head: list[Sequence[object]] = [[f"Étude {study} - screening log", f"Centre n° {rng.randint(1, 40):03d}"]]
    personal = rng.random() < 0.6
    if personal:
        pi, _ = ctx.doctor()
        head.append(["Investigateur principal", pi])
        ids.add("PERSON_NAME")
        if rng.random() < 0.5:
            arc = ctx.person(24, 50)
            head.append(["ARC", f"{arc.first} {arc.last}", ctx.staff_email(arc, ctx.site())])
            ids.add("EMAIL")
    rows: list[Sequence[object]] = [
        *head,
        [],
        [
            "N° screening",
            "Initiales",
            "Âge",
            "Sexe",
            "Date screening",
            "Éligible",
            "Motif de non-inclusion",
            "Date consentement",
        ],
    ]
    for k in range(rng.randint(6, 15)):
        eligible = rng.random() < 0.5
        screened = ctx.recent(200)
        rows.append(
            [
                f"S-{k + 1:03d}",
                f"{rng.choice('ABCDEFGHJLMPRST')}.{rng.choice('ABCDEFGHJLMPRST')}.",
                rng.randint(40, 85),
                rng.choice("MF"),
                screened.strftime("%d/%m/%Y"),
                "O" if eligible else "N",
                "" if eligible else rng.choice(["DFG < 30 ml/min", "FEVG > 40 %", "refus", "traitement concomitant"]),
                (screened + timedelta(days=rng.randint(0, 10))).strftime("%d/%m/%Y") if eligible else "",
            ]
        )
    ext = rng.choice(["xlsx", "csv"])
    return Made(ext, sheet(ext, rows, sep=";"), ids, False, personal)


def lost_property(ctx: Ctx, i: int) -> Made:
    """Lost-property register: owners' names and phones, no care unit: personal only."""
    rng = ctx.rng
    rows: list[Sequence[object]] = [["Date", "Objet", "Lieu de découverte", "Propriétaire", "Téléphone", "Restitué le"]]
    for _ in range(rng.randint(5, 14)):
        owner = ctx.person()
        rows.append(
            [
                ctx.fmt_date(ctx.recent(90)),
                rng.choice(
                    ["parapluie", "trousseau de clés", "portefeuille", "lunettes", "téléphone portable", "écharpe"]
                ),
                rng.choice(["hall d'accueil", "parking P2", "cafétéria", "ascenseur bâtiment C", "navette"]),
                ctx.name(owner),
                owner.phone,
                rng.choice(["", ctx.fmt_date(ctx.recent(30))]),
            ]
        )
    ext = rng.choice(["csv", "xlsx", "txt"])
    if ext == "txt":
        return Made(
            ext,
            document(
                ext, ["Registre des objets trouvés - accueil principal", "", *[[str(v) for v in r] for r in rows]]
            ),
            {"PERSON_NAME", "PHONE"},
            False,
            True,
        )
    return Made(ext, sheet(ext, rows, sep=rng.choice([";", ","])), {"PERSON_NAME", "PHONE"}, False, True)


def visitor_badges(ctx: Ctx, i: int) -> Made:
    """Contractor visitor badges: visitor and host staff names, no patient."""
    rng = ctx.rng
    rows: list[Sequence[object]] = [
        ["Date", "Visiteur", "Société", "Badge", "Motif", "Personne visitée", "Entrée", "Sortie"]
    ]
    for _ in range(rng.randint(5, 14)):
        v, host = ctx.person(20, 65), ctx.person(25, 65)
        rows.append(
            [
                ctx.recent(60).strftime("%d/%m/%Y"),
                ctx.name(v),
                rng.choice(COMPANIES),
                f"V-{rng.randint(1, 80):03d}",
                rng.choice(
                    ["maintenance ascenseurs", "livraison gaz médicaux", "audit certification", "contrôle incendie"]
                ),
                f"{host.first} {host.last.upper()} (services techniques)",
                f"{rng.randint(7, 11)}:{rng.randint(0, 59):02d}",
                f"{rng.randint(12, 18)}:{rng.randint(0, 59):02d}",
            ]
        )
    ext = rng.choice(["csv", "xlsx", "ods"])
    return Made(ext, sheet(ext, rows, sep="\t"), {"PERSON_NAME"}, False, True)


DEVICES = (
    "générateur d'hémodialyse 5008S",
    "pousse-seringue Agilia",
    "échographe Logiq E10",
    "ventilateur Evita V500",
    "moniteur IntelliVue MX450",
    "polygraphe de sommeil Nox T3",
)


MAINTENANCE_OPERATIONS = (
    "remplacement filtre, calibration conductivité",
    "test de sécurité électrique IEC 62353, courants de fuite conformes",
    "remplacement batterie, contrôle débit 1-1200 ml/h",
)


def maintenance_report(ctx: Ctx, i: int) -> Made:
    """Biomedical maintenance report: a device (even a dialysis one), tests; a technician's name in some."""
    rng, site = ctx.rng, ctx.site()
    ids: set[str] = set()
    lines = [
        *ctx.header(site, ids, phone=False, finess=rng.random() < 0.5),
        "",
        "RAPPORT D'INTERVENTION - MAINTENANCE BIOMÉDICALE",
        "",
        ["Équipement", rng.choice(DEVICES)],
        ["N° de série", f"{rng.choice('ABKX')}{ctx.digits(7)}"],
        ["N° inventaire", f"BIO-{ctx.digits(5)}"],
        ["Type", rng.choice(["maintenance préventive", "curative"])],
        ["Date", ctx.fmt_date(ctx.recent())],
        "",
        f"Opérations : {rng.choice(MAINTENANCE_OPERATIONS)}.",
        "Résultat : conforme, remis en service.",
        "",
    ]
    personal = rng.random() < 0.5
    if personal:
        tech = ctx.person(22, 60)
        lines.append(f"Technicien : {tech.first} {tech.last.upper()}")
        ids.add("PERSON_NAME")
    lines.append(f"Hotline constructeur : {ctx.phone(mobile=False)}")
    ids.add("PHONE")
    ext = rng.choice(["pdf", "docx"])
    return Made(ext, document(ext, lines), ids, False, personal)


def cafeteria_menu(ctx: Ctx, i: int) -> Made:
    """Staff restaurant menu of the week."""
    rng = ctx.rng
    days = ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi")
    lines: list[Line] = [
        f"Self du personnel - menu de la semaine {rng.randint(1, 52)}",
        "",
        ["Jour", "Entrée", "Plat", "Dessert"],
    ]
    for d in days:
        lines.append(
            [
                d,
                rng.choice(["carottes râpées", "velouté de potiron", "taboulé", "salade de lentilles"]),
                rng.choice(["sauté de dinde, riz", "poisson pané, haricots verts", "lasagnes", "chili sin carne"]),
                rng.choice(["yaourt", "tarte aux pommes", "fruit de saison", "mousse au chocolat"]),
            ]
        )
    lines += ["", "Plat sans sel et sans gluten sur demande la veille au poste 4521."]
    ext = rng.choice(["html", "pdf", "docx"])
    return Made(ext, document(ext, lines, "Menu"), set(), False, False)


def works_schedule(ctx: Ctx, i: int) -> Made:
    """Building works schedule: lots, companies, their phones; company IBAN; a site manager named in some."""
    rng = ctx.rng
    ids = {"PHONE"}
    rows: list[Sequence[object]] = [
        ["Restructuration du plateau technique - planning des travaux"],
        [],
        ["Lot", "Entreprise", "Téléphone", "Zone", "Début", "Fin"],
    ]
    for lot in rng.sample(["Gros œuvre", "CVC", "Électricité CFO/CFA", "Plomberie", "Peinture", "Fluides médicaux"], 4):
        start = ctx.recent(300)
        rows.append(
            [
                lot,
                rng.choice(COMPANIES),
                ctx.phone(mobile=False),
                rng.choice(["bloc opératoire niveau 2", "hall", "façade nord", "salle de réveil (hors activité)"]),
                start.strftime("%d/%m/%Y"),
                (start + timedelta(days=rng.randint(20, 120))).strftime("%d/%m/%Y"),
            ]
        )
    personal = rng.random() < 0.5
    if personal:
        boss = ctx.person(30, 60)
        rows += [[], ["Conducteur de travaux", f"M. {boss.last.upper()} {boss.first}", boss.phone]]
        ids.add("PERSON_NAME")
    if rng.random() < 0.4:
        rows += [[], ["Retenue de garantie - IBAN entreprise mandataire", ctx.iban()]]
        ids.add("IBAN")
    ext = rng.choice(["xlsx", "ods"])
    return Made(ext, sheet(ext, rows), ids, False, personal)


def it_tickets(ctx: Ctx, i: int) -> Made:
    """IT helpdesk export: doctors' accounts locked or unlocked: names and named e-mails, no patient."""
    rng, site = ctx.rng, ctx.site()
    tickets = []
    for _ in range(rng.randint(4, 10)):
        dr, drp = ctx.doctor()
        tech = ctx.person(22, 60)
        tickets.append(
            {
                "id": f"INC{ctx.digits(6)}",
                "ouvert": f"{ctx.recent(90).isoformat()}T{rng.randint(7, 19):02d}:12:00",
                "demandeur": dr,
                "email": ctx.staff_email(drp, site),
                "categorie": rng.choice(["compte", "imprimante", "poste de travail", "messagerie"]),
                "description": rng.choice(
                    [
                        "compte AD verrouillé après 5 essais, réinitialisation du mot de passe",
                        "accès au dossier patient informatisé refusé depuis le poste CONS-03",
                        "carte CPS non reconnue par le lecteur",
                        "boîte aux lettres pleine",
                    ]
                ),
                "technicien": f"{tech.first} {tech.last}",
                "statut": rng.choice(["résolu", "en cours", "clos"]),
            }
        )
    if i % 2:
        return Made(
            "json",
            json.dumps({"export": "tickets", "items": tickets}, ensure_ascii=rng.random() < 0.5, indent=2).encode(
                "utf-8"
            ),
            {"PERSON_NAME", "EMAIL"},
            False,
            True,
        )
    rows = [list(tickets[0])] + [list(t.values()) for t in tickets]
    return Made("csv", sheet("csv", rows, sep=rng.choice([";", ","])), {"PERSON_NAME", "EMAIL"}, False, True)


def satisfaction_survey(ctx: Ctx, i: int) -> Made:
    """Aggregated patient-satisfaction results per department: no person, a FINESS in some."""
    rng, site = ctx.rng, ctx.site()
    ids: set[str] = set()
    rows: list[Sequence[object]] = [[f"Résultats enquête de satisfaction {rng.choice([2024, 2025])} - {site.name}"]]
    if rng.random() < 0.5:
        rows.append(["FINESS", site.finess])
        ids.add("FINESS")
    rows += [
        [],
        ["Service", "Répondants", "Accueil (%)", "Prise en charge douleur (%)", "Repas (%)", "Score global /100"],
    ]
    for ward in ("Cardiologie", "Chirurgie orthopédique", "Maternité", "Médecine interne", "Ambulatoire", "SSR"):
        rows.append(
            [
                ward,
                rng.randint(20, 400),
                rng.randint(70, 98),
                rng.randint(60, 95),
                rng.randint(40, 80),
                round(rng.uniform(62, 82), 1),
            ]
        )
    ext = rng.choice(["xlsx", "pdf", "ods"])
    if ext == "pdf":
        return Made(ext, document(ext, [[str(v) for v in r] for r in rows]), ids, False, False)
    return Made(ext, sheet(ext, rows), ids, False, False)


def ars_return(ctx: Ctx, i: int) -> Made:
    """Statistical return to the regional health agency: counts per activity, FINESS, functional contact."""
    rng, site = ctx.rng, ctx.site()
    ids = {"FINESS", "EMAIL"}
    counts = {
        "lits_mco": rng.randint(150, 900),
        "sejours_hc": rng.randint(8000, 60000),
        "passages_urgences": rng.randint(20000, 90000),
        "seances_dialyse": rng.randint(3000, 25000),
        "etp_medicaux": round(rng.uniform(80, 600), 1),
        "polysomnographies": rng.randint(100, 900),
    }
    contact = rng.choice(["dim", "direction.qualite", "secretariat.direction"]) + f"@{site.domain}"
    if i % 2:
        root = ET.Element("retourARS", annee=str(rng.choice([2024, 2025])))
        ET.SubElement(root, "finess").text = site.finess
        ET.SubElement(root, "raisonSociale").text = site.name
        ET.SubElement(root, "contact").text = contact
        act = ET.SubElement(root, "activite")
        for k, v in counts.items():
            ET.SubElement(act, "indicateur", code=k).text = str(v)
        return Made("xml", ET.tostring(root, encoding="utf-8", xml_declaration=True), ids, False, False)
    rows: list[Sequence[object]] = [["finess", "annee", "indicateur", "valeur", "contact"]]
    rows += [[site.finess, 2025, k, v, contact] for k, v in counts.items()]
    return Made("csv", sheet("csv", rows, sep=rng.choice([";", ","])), ids, False, False)


def phone_book(ctx: Ctx, i: int) -> Made:
    """Internal phone book: staff names, extensions, direct lines, named e-mails in some."""
    rng, site = ctx.rng, ctx.site()
    ids = {"PERSON_NAME", "PHONE"}
    with_mail = rng.random() < 0.5
    lines: list[Line] = [
        f"Annuaire interne - {site.name}",
        f"Standard : {site.switchboard}",
        "",
        ["Service", "Nom", "Fonction", "Poste", "Ligne directe"] + (["E-mail"] if with_mail else []),
    ]
    for _ in range(rng.randint(8, 20)):
        s = ctx.person(22, 65)
        lines.append(
            [
                rng.choice(["Cardiologie", "Bloc", "Pharmacie", "DRH", "Admissions", "Informatique"]),
                f"{s.last.upper()} {s.first}",
                rng.choice(["cadre de santé", "secrétaire", "praticien", "technicien"]),
                ctx.digits(4),
                ctx.phone(mobile=False),
            ]
            + ([ctx.staff_email(s, site)] if with_mail else [])
        )
    ids |= {"EMAIL"} if with_mail else set()
    ext = rng.choice(["pdf", "pdf", "docx", "html"])
    return Made(ext, document(ext, lines, "Annuaire"), ids, False, True)


def blank_form(ctx: Ctx, i: int) -> Made:
    """Blank forms of the same kinds as the positives (SDT request, AES declaration, dialysis sheet)."""
    rng, site = ctx.rng, ctx.site()
    ids: set[str] = set()
    lines = ctx.header(site, ids, phone=rng.random() < 0.5, finess=False)
    kind = i % 3
    if kind == 0:
        lines += [
            "",
            "DEMANDE D'ADMISSION EN SOINS PSYCHIATRIQUES À LA DEMANDE D'UN TIERS",
            "",
            "Je soussigné(e) Nom : ____________________ Prénom : ____________________",
            "Demeurant : ______________________________________________",
            "sollicite l'admission de : Nom : ______________ Prénom : ______________",
            "Date de naissance : __ / __ / ____",
            "Lien avec le patient : ______________",
            "Fait à ____________, le __ / __ / ____       Signature :",
        ]
    elif kind == 1:
        lines += [
            "",
            "DÉCLARATION D'ACCIDENT D'EXPOSITION AU SANG",
            "",
            ["Nom", ""],
            ["Prénom", ""],
            ["Date de naissance", ""],
            ["N° de sécurité sociale", "|_|_ _|_ _|_ _|_ _ _|_ _ _|_ _|"],
            ["Service", ""],
            "Circonstances : ..........................................................",
            "Conduite à tenir : laver, rincer, antiseptique 5 min, appeler le référent AES (poste 5600).",
        ]
    else:
        lines += [
            "",
            "FICHE DE SÉANCE D'HÉMODIALYSE (modèle)",
            "",
            ["Nom", "", "Prénom", ""],
            ["Date de naissance", "", "IPP", ""],
            ["Date", "Poids entrée", "Poids sortie", "UF (ml)", "TA début", "TA fin", "Kt/V", "IDE"],
            ["", "", "", "", "", "", "", ""],
        ]
    ext = rng.choice(["docx", "odt", "pdf"])
    return Made(ext, document(ext, lines), ids, False, False)


def leaflet(ctx: Ctx, i: int) -> Made:
    """Patient information leaflets: clinical words, the department's phone and mailbox, no patient."""
    rng, site = ctx.rng, ctx.site()
    ids = {"PHONE", "EMAIL"}
    topic = rng.choice(
        [
            (
                "Votre polysomnographie",
                "Vous serez hospitalisé(e) une nuit. Apportez votre traitement habituel. Des capteurs "
                "mesurent le sommeil, la respiration et l'oxygène ; un IAH supérieur à 30/h définit un SAHOS sévère.",
            ),
            (
                "La dialyse péritonéale",
                "La dialyse péritonéale utilise le péritoine comme filtre. Les échanges durent 30 min, "
                "4 fois par jour. Surveillez votre poids et votre tension chaque jour.",
            ),
            (
                "La consultation de génétique",
                "Le conseiller en génétique reconstitue l'arbre familial. Une prise de sang peut "
                "rechercher un variant des gènes BRCA1 ou BRCA2 ; le résultat est rendu en consultation.",
            ),
        ]
    )
    lines: list[Line] = [
        site.name,
        topic[0],
        "",
        topic[1],
        "",
        f"Secrétariat : {ctx.phone(mobile=False)} - "
        f"{rng.choice(['secretariat', 'consultations', 'rdv'])}@{site.domain}",
    ]
    ext = rng.choice(["pdf", "html", "odt"])
    return Made(ext, document(ext, lines, topic[0]), ids, False, False)


POSITIVE_MEMBERS: tuple[Render, ...] = (endoscopy_report, sleep_study, audiology, genetic_letter)
NEGATIVE_MEMBERS: tuple[Render, ...] = (cafeteria_menu, leaflet, satisfaction_survey, maintenance_report)


def zipped_batch(ctx: Ctx, i: int) -> Made:
    """A zip of three documents, patient reports or not; the labels are the union over the members."""
    members = [ctx.rng.choice(POSITIVE_MEMBERS if i % 2 == 0 else NEGATIVE_MEMBERS)(ctx, i + k) for k in range(3)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for k, m in enumerate(members):
            archive.writestr(f"export/document_{k + 1:02d}.{_ext_out(m.ext)}", m.data)
    ids = set().union(*(m.ids for m in members))
    optional = frozenset().union(*(m.optional for m in members))
    return Made("zip", buf.getvalue(), ids, any(m.health for m in members), any(m.personal for m in members), optional)


GENERATORS: tuple[tuple[str, Render, int], ...] = (
    ("clinic_agenda", clinic_agenda, 12),
    ("triage_log", triage_log, 10),
    ("genetic_letter", genetic_letter, 10),
    ("sleep_study", sleep_study, 10),
    ("dialysis_sheet", dialysis_sheet, 10),
    ("endoscopy_report", endoscopy_report, 10),
    ("audiology", audiology, 10),
    ("rehab_assessment", rehab_assessment, 10),
    ("growth_followup", growth_followup, 8),
    ("involuntary_admission", involuntary_admission, 10),
    ("palliative_note", palliative_note, 10),
    ("methadone_register", methadone_register, 8),
    ("aes_declaration", aes_declaration, 10),
    ("interpreter_booking", interpreter_booking, 10),
    ("chaplaincy", chaplaincy, 8),
    ("trial_screening", trial_screening, 10),
    ("lost_property", lost_property, 10),
    ("visitor_badges", visitor_badges, 8),
    ("maintenance_report", maintenance_report, 10),
    ("cafeteria_menu", cafeteria_menu, 8),
    ("works_schedule", works_schedule, 8),
    ("it_tickets", it_tickets, 10),
    ("satisfaction_survey", satisfaction_survey, 10),
    ("ars_return", ars_return, 8),
    ("phone_book", phone_book, 10),
    ("blank_form", blank_form, 12),
    ("leaflet", leaflet, 10),
    ("zipped_batch", zipped_batch, 8),
)


def generate(root: Path, rng: random.Random, seed: int) -> list[Doc]:
    """Write every generator's files under root (names hold the kind and a counter, never a value)."""
    ctx = Ctx(rng, seed)
    docs: list[Doc] = []
    for kind, render, count in GENERATORS:
        for i in range(count):
            made = render(ctx, i)
            rel = f"{kind}/doc_{i:03d}.{_ext_out(made.ext)}"
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(made.data)
            docs.append(Doc(rel, kind, made.health, made.personal, frozenset(made.ids - made.optional), made.optional))
    return docs


if __name__ == "__main__":
    raise SystemExit(
        main(
            "holdout7",
            "blind holdout 7: new hospital document kinds (triage, dialysis, genetics, SDT/SDRE, "
            "AES, interpreters, chaplaincy...) and near-misses",
            generate,
        )
    )

"""Ninth blind holdout: document kinds no earlier corpus had (maternity, oncology RCP, forensic, certificates...).

Written without looking at the classifier, its tests or the earlier corpora, so the score says how the classifier
does on document styles it was never tuned on. Labels are what a data-protection officer would conclude:

- health_data: an identifiable patient (name, NIR/INS, or IPP/NDA together with identity) AND health content
  (diagnosis, treatment, result, stay or visit in a care unit, appointment in a specialty). Not health: protocols,
  anonymised or pseudonymised lists (CeGIDD codes, numbered IVG register), blank forms, stock logs, formularies,
  annual reports, cleaning plans, staff or suppliers without patients.
- personal_data: any value identifying a person (name, NIR, personal e-mail or phone, a person's IBAN, RPPS).
  Not personal: FINESS, a company IBAN, a switchboard number, a functional mailbox; historical figures in a museum
  text are not counted (dead public figures; PERSON_NAME is optional there).
- identifier types are expected when a value of the type is present (switchboard PHONE and functional mailbox EMAIL
  count); NIR/INS/IPP/NDA/RPPS/ADELI only with a context word or a structured field; where an INS is present the NIR
  is optional; BIRTH_DATE only when labelled or in a labelled column; PERSON_NAME for any person's name.

Run: ``.venv/bin/python bench/holdout9.py --seed 1 2 3``; ``--generate-only DIR --seed N`` writes the files and a
``labels.json`` without classifying anything (to look at the corpus).
"""

from __future__ import annotations

import csv
import html
import io
import json
import random
import re
import sys
import unicodedata
import zipfile
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from email.message import EmailMessage
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from docx import Document
from faker import Faker
from fpdf import FPDF
from holdout_harness import Doc, main
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import P
from openpyxl import Workbook
from stdnum import luhn
from stdnum.fr import nir as stdnir

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
TODAY = date(2025, 6, 15)
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

Item = str | tuple[str, str]
"""A line of a form: free text, or a (label, value) pair that writers lay out inline, on two lines or in two cells."""


# --------------------------------------------------------------------------------------------------- fake values
@dataclass(slots=True)
class Person:
    first: str
    last: str
    female: bool
    birth: date
    nir: str


@dataclass(slots=True)
class Ctx:
    """The seed's random source and Faker, plus the value formats every generator shares."""

    rng: random.Random
    fake: Faker = field(init=False)
    city: str = field(init=False)
    domain: str = field(init=False)
    date_style: int = 0
    """One date format per document (set by ``generate``), as a real export or letter has."""

    def __post_init__(self) -> None:
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(self.rng.randrange(2**31))
        self.city = self.rng.choice(["Rouen", "Angers", "Brest", "Nancy", "Limoges", "Poitiers", "Reims", "Caen"])
        self.domain = f"ch-{self.city.lower()}.fr"

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def person(self, lo: int = 18, hi: int = 90, female: bool | None = None) -> Person:
        female = self.chance(0.5) if female is None else female
        first = self.fake.first_name_female() if female else self.fake.first_name_male()
        birth = TODAY - timedelta(days=self.rng.randint(lo * 365, hi * 365 + 300))
        place = self.rng.choice(["75112", "76540", "49007", "29019", "2A004", "2B033", "99350", "59350", "13055"])
        body = f"{2 if female else 1}{birth.year % 100:02d}{birth.month:02d}{place}{self.rng.randint(1, 999):03d}"
        return Person(first, self.fake.last_name(), female, birth, body + stdnir.calc_check_digits(body))

    def name(self, p: Person, civ: bool | None = None) -> str:
        first, last = p.first, p.last
        if self.chance(0.2):
            first, last = plain(first), plain(last)
        style = self.rng.randrange(5)
        text = [
            f"{last.upper()} {first}",
            f"{first} {last.upper()}",
            f"{first} {last}",
            f"{last.upper()}, {first}",
            f"{last.upper()} {first.upper()}",
        ][style]
        if civ or (civ is None and self.chance(0.4)):
            text = ("Mme " if p.female else self.rng.choice(["M. ", "Mr "])) + text
        return text

    def staff(self, title: str = "Dr") -> str:
        p = self.person(28, 64, female={"Mme": True, "M.": False, "SF": None}.get(title))
        return f"{title} {p.first} {p.last.upper() if self.chance(0.6) else p.last}"

    def when(self, d: date) -> str:
        style = self.date_style if self.rng.random() > 0.05 else self.rng.randrange(5)
        if style == 0:
            return d.strftime("%d/%m/%Y")
        if style == 1:
            return d.strftime("%d-%m-%Y")
        if style == 2:
            return d.strftime("%d.%m.%y")
        if style == 3:
            return d.isoformat()
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"

    def recent(self, days: int = 400) -> date:
        return TODAY - timedelta(days=self.rng.randint(0, days))

    def nir(self, p: Person) -> str:
        n = p.nir
        style = self.rng.randrange(3)
        if style == 0:
            return n
        if style == 1:
            return f"{n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:10]} {n[10:13]} {n[13:]}"
        return f"{n[:13]} {n[13:]}"

    def ipp(self) -> str:
        return self.rng.choice(["8", "00", "P"]) + "".join(str(self.rng.randrange(10)) for _ in range(8))

    def nda(self) -> str:
        return f"{TODAY.year % 100}{self.rng.randint(1, 9999999):07d}"

    def rpps(self) -> str:
        body = "10" + "".join(str(self.rng.randrange(10)) for _ in range(8))
        return body + luhn.calc_check_digit(body)

    def adeli(self) -> str:
        return f"{self.rng.choice(['76', '49', '29', '54'])}{self.rng.randint(1000000, 9999999)}"

    def finess(self) -> str:
        body = self.rng.choice(["76", "49", "29", "54", "87"]) + "".join(str(self.rng.randrange(10)) for _ in range(6))
        return body + luhn.calc_check_digit(body)

    def mobile(self) -> str:
        digits = self.rng.choice("67") + "".join(str(self.rng.randrange(10)) for _ in range(8))
        style = self.rng.randrange(4)
        if style == 0:
            return "0" + digits
        if style == 1:
            return "+33 " + " ".join([digits[0], *[digits[i : i + 2] for i in range(1, 9, 2)]])
        pairs = ["0" + digits[0], *[digits[i : i + 2] for i in range(1, 9, 2)]]
        return (" " if style == 2 else ".").join(pairs)

    def switchboard(self) -> str:
        return f"02 {self.rng.randint(30, 99)} {self.rng.randint(10, 99)} {self.rng.randint(10, 99)} 00"

    def personal_email(self, p: Person) -> str:
        sep = self.rng.choice([".", "_", ""])
        host = self.rng.choice(["gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr"])
        return f"{plain(p.first).lower()}{sep}{plain(p.last).lower().replace(' ', '')}@{host}"

    def mailbox(self, service: str) -> str:
        return f"{service}@{self.domain}"

    def hospital(self) -> str:
        de = "d'" if self.city[0] in "AEIOU" else "de "
        return self.rng.choice(
            [
                f"Centre hospitalier {de}{self.city}",
                f"CHU {de}{self.city}",
                f"CH {self.city.upper()}",
                f"Hôpital privé du Parc - {self.city}",
            ]
        )


def plain(text: str) -> str:
    """Strip accents, as old systems and hurried typists do."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


# --------------------------------------------------------------------------------------------------- form builder
@dataclass(slots=True)
class Form:
    """Items of one document and the identifier types they put in it."""

    ctx: Ctx
    items: list[Item] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    optional: set[str] = field(default_factory=set)

    def line(self, *texts: str) -> None:
        self.items.extend(texts)

    def kv(self, label: str, value: str, *ids: str) -> None:
        self.items.append((label, value))
        self.ids.update(ids)

    def header(self, service: str, finess: float = 0.4, phone: float = 0.5) -> None:
        c = self.ctx
        self.line(c.hospital(), service)
        if c.chance(finess):
            self.kv(c.rng.choice(["FINESS", "N° FINESS", "Finess ET"]), c.finess(), "FINESS")
        if c.chance(phone):
            self.kv(c.rng.choice(["Standard", "Tél. secrétariat", "Tel"]), c.switchboard(), "PHONE")

    def patient(
        self,
        p: Person,
        *,
        nir: float = 0.35,
        ins: float = 0.1,
        ipp: float = 0.5,
        nda: float = 0.2,
        birth: float = 0.85,
        phone: float = 0.15,
        email: float = 0.05,
        address: float = 0.3,
        label: str | None = None,
    ) -> None:
        c = self.ctx
        self.kv(
            label or c.rng.choice(["Patient(e)", "Nom", "NOM Prénom", "Patiente", "Identité", "Name"]),
            c.name(p),
            "PERSON_NAME",
        )
        if c.chance(birth):
            self.kv(
                c.rng.choice(["Né(e) le", "Date de naissance", "DDN", "Date of birth", "Nee le", "Date de naisance"]),
                c.when(p.birth),
                "BIRTH_DATE",
            )
        if c.chance(ins):
            self.kv(c.rng.choice(["INS", "Matricule INS", "INS (NIR)"]), c.nir(p) + " (identité qualifiée)", "INS")
            self.optional.add("NIR")
        elif c.chance(nir):
            label_ = c.rng.choice(
                ["N° SS", "NIR", "N° sécurité sociale", "N° de Securite Sociale", "NSS", "N° INSEE", "N° Sécu"]
            )
            self.kv(label_, c.nir(p), "NIR")
        if c.chance(ipp):
            self.kv(c.rng.choice(["IPP", "N° IPP", "N° patient", "Ipp"]), c.ipp(), "IPP")
        if c.chance(nda):
            self.kv(c.rng.choice(["NDA", "N° de séjour", "N° venue (NDA)"]), c.nda(), "NDA")
        if c.chance(address):
            self.kv("Adresse", f"{c.fake.street_address()}, {c.fake.postcode()} {c.fake.city()}")
        if c.chance(phone):
            self.kv(c.rng.choice(["Tél", "Portable", "Téléphone"]), c.mobile(), "PHONE")
        if c.chance(email):
            self.kv("Courriel", c.personal_email(p), "EMAIL")

    def doctor(self, label: str, rpps: float = 0.3, title: str = "Dr") -> None:
        c = self.ctx
        self.kv(label, c.staff(title), "PERSON_NAME")
        if c.chance(rpps):
            self.kv(c.rng.choice(["RPPS", "N° RPPS", "Identifiant RPPS"]), c.rpps(), "RPPS")


# --------------------------------------------------------------------------------------------------- writers
def _inline(ctx: Ctx, items: Sequence[Item]) -> list[str]:
    style = ctx.rng.randrange(3)
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif style == 0:
            out.append(f"{item[0]} : {item[1]}")
        elif style == 1:
            out += [f"{item[0]}:", item[1]]
        else:
            out.append(f"{item[0]}\t{item[1]}")
    return out


def _rtf(lines: Sequence[str]) -> str:
    def esc(s: str) -> str:
        out = []
        for ch in s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("\t", "\\tab "):
            if ord(ch) < 128:
                out.append(ch)
            else:
                try:
                    out.append(f"\\'{ch.encode('cp1252')[0]:02x}")
                except UnicodeEncodeError:
                    out.append(f"\\u{ord(ch)}?")
        return "".join(out)

    body = "\\par\n".join(esc(line) for line in lines)
    return "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20 " + body + "\\par\n}"


def _pdf(path: Path, lines: Sequence[str]) -> None:
    pdf = FPDF()
    pdf.add_font("dv", fname=FONT)
    pdf.set_font("dv", size=9)
    pdf.add_page()
    for line in lines:
        pdf.multi_cell(0, 5, line.replace("\t", "    ") or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def _docx_form(path: Path, title: str, items: Sequence[Item], table: bool) -> None:
    doc = Document()
    doc.add_heading(title, level=1)
    grid = None
    for item in items:
        if isinstance(item, str):
            doc.add_paragraph(item)
            grid = None
        elif table:
            if grid is None:
                grid = doc.add_table(rows=0, cols=2)
            cells = grid.add_row().cells
            cells[0].text, cells[1].text = item
        else:
            doc.add_paragraph(f"{item[0]} : {item[1]}")
    doc.save(str(path))


def _odt(path: Path, lines: Sequence[str]) -> None:
    doc = OpenDocumentText()
    for line in lines:
        doc.text.addElement(P(text=line))
    doc.save(str(path))


def _ods(path: Path, rows: Sequence[Sequence[str]]) -> None:
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Feuille1")
    for row in rows:
        tr = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))


def _xlsx(path: Path, rows: Sequence[Sequence[str]]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Feuil1"
    for row in rows:
        ws.append(list(row))
    wb.save(str(path))


def _eml(ctx: Ctx, path: Path, title: str, lines: Sequence[str], service: str) -> None:
    msg = EmailMessage()
    msg["From"] = ctx.mailbox(service)
    msg["To"] = ctx.mailbox(ctx.rng.choice(["accueil", "secretariat.medical", "coordination"]))
    msg["Subject"] = title
    msg["Date"] = "Mon, 02 Jun 2025 09:12:00 +0200"
    if ctx.chance(0.5):
        msg.set_content("\n".join([title, "", *lines]))
    else:
        msg.set_content("Bonjour,\nVeuillez trouver ci-joint le document.\nCordialement,\nLe secrétariat")
        msg.add_attachment("\n".join([title, *lines]), subtype="plain", charset="utf-8", filename="document.txt")
        msg.set_boundary(f"=={ctx.rng.randrange(10**12):012d}==")  # the default boundary is random: keep seeds stable
    path.write_bytes(bytes(msg))


def write_form(
    ctx: Ctx, root: Path, stem: str, title: str, form: Form, formats: Sequence[str], service: str = "secretariat"
) -> tuple[str, set[str]]:
    """Write a form in one of ``formats``; return its relative path and extra identifier types the wrapper adds."""
    fmt = ctx.rng.choice(list(formats))
    ext = {"txt": "txt", "txt1252": "txt", "txt16": "txt", "eml": "eml", "json": "json", "xml": "xml"}.get(fmt, fmt)
    rel = f"{stem}.{ext}"
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    items = form.items
    extra: set[str] = set()
    if fmt in ("txt", "txt1252", "txt16"):
        text = "\n".join([title, "", *_inline(ctx, items)]) + "\n"
        if fmt == "txt1252":
            path.write_bytes(text.replace("\n", "\r\n").encode("cp1252", errors="replace"))
        else:
            path.write_text(text, encoding="utf-16" if fmt == "txt16" else "utf-8")
    elif fmt == "docx":
        _docx_form(path, title, items, table=ctx.chance(0.5))
    elif fmt == "odt":
        _odt(path, [title, *_inline(ctx, items)])
    elif fmt == "pdf":
        _pdf(path, [title, "", *_inline(ctx, items)])
    elif fmt == "rtf":
        path.write_text(_rtf([title, "", *_inline(ctx, items)]), encoding="ascii")
    elif fmt == "html":
        body = [f"<h1>{html.escape(title)}</h1>"]
        for item in items:
            if isinstance(item, str):
                body.append(f"<p>{html.escape(item)}</p>")
            else:
                body.append(f"<div><b>{html.escape(item[0])}</b> <span>{html.escape(item[1])}</span></div>")
        path.write_text(
            '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>'
            + html.escape(title)
            + "</title></head><body>\n"
            + "\n".join(body)
            + "\n</body></html>\n",
            encoding="utf-8",
        )
    elif fmt == "xlsx":
        _xlsx(path, [[title], *([i] if isinstance(i, str) else list(i) for i in items)])
    elif fmt == "json":
        fields: dict[str, str] = {}
        for item in items:
            if not isinstance(item, str):
                key, n = item[0], 2
                while key in fields:  # two people on one form (couple, parent) repeat labels
                    key, n = f"{item[0]} ({n})", n + 1
                fields[key] = item[1]
        notes = [i for i in items if isinstance(i, str)]
        path.write_text(
            json.dumps({"titre": title, "champs": fields, "texte": notes}, ensure_ascii=ctx.chance(0.5), indent=2),
            encoding="utf-8",
        )
    elif fmt == "xml":
        parts = [f'<?xml version="1.0" encoding="UTF-8"?>\n<document titre="{xml_escape(title)}">']
        for item in items:
            if isinstance(item, str):
                parts.append(f"  <texte>{xml_escape(item)}</texte>")
            else:
                parts.append(f'  <champ libelle="{xml_escape(item[0])}">{xml_escape(item[1])}</champ>')
        path.write_text("\n".join([*parts, "</document>"]) + "\n", encoding="utf-8")
    elif fmt == "eml":
        _eml(ctx, path, title, _inline(ctx, items), service)
        extra.add("EMAIL")
    elif fmt == "zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("document.txt", "\n".join([title, "", *_inline(ctx, items)]))
            if ctx.chance(0.5):
                zf.writestr("LISEZMOI.txt", "Archive du service, ne pas diffuser.\n")
    else:
        raise ValueError(fmt)
    return rel, extra


def write_table(
    ctx: Ctx,
    root: Path,
    stem: str,
    title: str,
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    formats: Sequence[str],
    pre: Sequence[Item] = (),
) -> str:
    """Write a table (with optional preamble lines above it) in one of ``formats``; return its relative path."""
    fmt = ctx.rng.choice(list(formats))
    ext = {"csv;": "csv", "csv,": "csv", "tsv": "txt"}.get(fmt, fmt)
    rel = f"{stem}.{ext}"
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    pre_rows = [[title], *([i] if isinstance(i, str) else list(i) for i in pre)]
    if fmt in ("csv;", "csv,", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter={"csv;": ";", "csv,": ",", "tsv": "\t"}[fmt], lineterminator="\r\n")
        if pre or ctx.chance(0.6):  # the preamble may carry the patient: keep it whenever there is one
            writer.writerows(pre_rows)
        writer.writerow(head)
        writer.writerows(rows)
        encoding = ctx.rng.choice(["utf-8", "utf-8-sig", "cp1252"])
        path.write_bytes(buf.getvalue().encode(encoding, errors="replace"))
    elif fmt == "xlsx":
        _xlsx(path, [*pre_rows, [], list(head), *map(list, rows)])
    elif fmt == "ods":
        _ods(path, [*pre_rows, list(head), *map(list, rows)])
    elif fmt == "html":
        cells = "".join(f"<th>{html.escape(h)}</th>" for h in head)
        trs = "\n".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in r) + "</tr>" for r in rows)
        pre_html = "".join(f"<p>{html.escape(' : '.join(r))}</p>" for r in pre_rows[1:])
        path.write_text(
            f"<html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head><body>"
            f"<h2>{html.escape(title)}</h2>{pre_html}<table border='1'><tr>{cells}</tr>\n{trs}</table>"
            "</body></html>\n",
            encoding="utf-8",
        )
    elif fmt == "json":
        meta = {r[0]: r[1] for r in pre_rows[1:] if len(r) == 2}
        data = {"titre": title, **meta, "lignes": [dict(zip(head, r, strict=True)) for r in rows]}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    elif fmt == "xml":
        tags = [re.sub(r"\W+", "_", plain(h)).strip("_").lower() or "col" for h in head]
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<export titre="{xml_escape(title)}">']
        for r in pre_rows[1:]:
            if len(r) == 2:
                lines.append(f'  <info cle="{xml_escape(r[0])}">{xml_escape(r[1])}</info>')
        for row in rows:
            lines.append(
                "  <ligne>"
                + "".join(f"<{t}>{xml_escape(str(v))}</{t}>" for t, v in zip(tags, row, strict=True))
                + "</ligne>"
            )
        path.write_text("\n".join([*lines, "</export>"]) + "\n", encoding="utf-8")
    elif fmt == "docx":
        doc = Document()
        doc.add_heading(title, level=1)
        for r in pre_rows[1:]:
            doc.add_paragraph(" : ".join(r))
        grid = doc.add_table(rows=1, cols=len(head))
        for cell, h in zip(grid.rows[0].cells, head, strict=True):
            cell.text = h
        for row in rows:
            for cell, v in zip(grid.add_row().cells, row, strict=True):
                cell.text = str(v)
        doc.save(str(path))
    elif fmt == "pdf":
        sep = ctx.rng.choice([" | ", "  ", " ; "])
        _pdf(
            path,
            [title, *(" : ".join(r) for r in pre_rows[1:]), "", sep.join(head), *(sep.join(map(str, r)) for r in rows)],
        )
    else:
        raise ValueError(fmt)
    return rel


# --------------------------------------------------------------------------------------------------- generators
Gen = Callable[[Ctx, Path, str, int], Doc]
"""Writes file number ``i`` of a kind under a root and returns its label."""

FORM_FORMATS = ("txt", "txt1252", "txt16", "docx", "odt", "pdf", "rtf", "html", "eml", "zip", "xlsx")
TABLE_FORMATS = ("csv;", "csv,", "tsv", "xlsx", "ods", "html", "json", "xml", "docx", "pdf")


def _doc(
    rel: str,
    kind: str,
    health: bool,
    personal: bool,
    form: Form | set[str],
    extra: Collection[str] = frozenset(),
    optional: Collection[str] = frozenset(),
) -> Doc:
    ids = set(form.ids if isinstance(form, Form) else form) | set(extra)
    opt = set(optional) | (form.optional if isinstance(form, Form) else set())
    return Doc(rel, kind, health, personal, frozenset(ids - opt), frozenset(opt))


def antenatal(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.header("Maternité - Consultations prénatales")
    p = c.person(18, 43, female=True)
    f.patient(p, label=c.rng.choice(["Patiente", "Nom de naissance", "Mme"]))
    sa = c.rng.randint(12, 39)
    f.kv("Date consultation", c.when(c.recent(60)))
    f.kv("Gestité / parité", f"G{c.rng.randint(1, 5)}P{c.rng.randint(0, 3)}")
    f.kv("Terme", f"{sa} SA + {c.rng.randint(0, 6)} j")
    f.kv("TA", f"{c.rng.randint(100, 145)}/{c.rng.randint(60, 95)} mmHg")
    f.kv("Poids", f"{c.rng.randint(52, 98)} kg (prise de poids {c.rng.randint(2, 16)} kg)")
    f.kv("Hauteur utérine", f"{max(10, sa - 4)} cm")
    f.kv("BCF", f"{c.rng.randint(120, 160)} bpm")
    f.kv(
        "Sérologies",
        c.rng.choice(
            ["toxo non immune, contrôle mensuel", "rubéole immune, toxo immune", "syphilis nég, VIH nég, AgHBs nég"]
        ),
    )
    f.kv("Groupe", c.rng.choice(["A Rh+", "O Rh-  RAI négatives, anti-D prévu à 28 SA", "B Rh+"]))
    f.line(
        c.rng.choice(
            [
                "Glycosurie +, HGPO prévue (diabète gestationnel à éliminer).",
                "Contractions utérines ressenties, col long fermé.",
                "RAS, MAF perçus.",
                "Anémie Hb 10,2 g/dL : Tardyferon 80 mg 1 cp/j.",
            ]
        )
    )
    f.doctor("Sage-femme", rpps=0.3, title=c.rng.choice(["Mme", "SF"]))
    f.kv("Prochain RDV", c.when(TODAY + timedelta(days=28)))
    rel, extra = write_form(
        c,
        root,
        f"maternite/prenatal/consult_{i:03d}",
        "CONSULTATION PRÉNATALE",
        f,
        ("docx", "odt", "pdf", "txt", "rtf", "txt1252"),
    )
    return _doc(rel, kind, True, True, f, extra)


def neonat_feeding(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    baby = c.person(0, 0)
    baby.first = c.rng.choice([baby.first, "Bébé", "BB"])
    f.kv("Enfant", c.name(baby, civ=False), "PERSON_NAME")
    if c.chance(0.7):
        f.kv(c.rng.choice(["Né(e) le", "Date de naissance"]), c.when(baby.birth), "BIRTH_DATE")
    if c.chance(0.7):
        f.kv("IPP", c.ipp(), "IPP")
    if c.chance(0.5):
        f.kv("Mère", c.name(c.person(18, 42, female=True), civ=True), "PERSON_NAME")
    f.kv("AG naissance", f"{c.rng.randint(26, 36)} SA, PN {c.rng.randint(800, 2600)} g")
    rows = []
    for h in range(0, 24, 3):
        rows.append(
            [
                f"{h:02d}h",
                c.rng.choice(["LM", "LM enrichi", "Préma LA", "LM + fortifiant"]),
                str(c.rng.randint(8, 45)),
                c.rng.choice(["SNG", "biberon", "sein", "SOG"]),
                c.rng.choice(["0", "2 ml", "résidus verts 4 ml", "0"]),
                c.rng.choice(["", "", "régurgitation"]),
            ]
        )
    rel = write_table(
        c,
        root,
        f"neonatologie/alim/feuille_{i:03d}",
        "Néonatologie - Feuille d'alimentation",
        ["Heure", "Lait", "Volume (ml)", "Voie", "Résidus", "Obs."],
        rows,
        ("xlsx", "ods", "csv;", "pdf", "tsv"),
        f.items,
    )
    return _doc(rel, kind, True, True, f)


def peds_ed_advice(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.header("Urgences pédiatriques", finess=0.2, phone=0.8)
    named = c.chance(0.5)
    if named:
        f.patient(c.person(0, 15), label="Enfant", nir=0, ins=0, nda=0.3, phone=0.1, email=0, address=0)
        f.kv("Passage du", c.when(c.recent(30)))
        diagnosis, treatment = c.rng.choice(
            [
                ("Gastro-entérite aiguë, déshydratation < 5 %", "SRO à volonté, Tiorfan 10 mg x3/j"),
                ("Bronchiolite (1er épisode)", "Désobstruction rhinopharyngée, fractionnement"),
                ("Traumatisme crânien léger sans PC", "Paracétamol 15 mg/kg toutes les 6 h, surveillance 24 h"),
                ("Otite moyenne aiguë droite", "Amoxicilline 80 mg/kg/j en 2 prises pendant 8 jours"),
            ]
        )
        f.kv("Diagnostic", diagnosis)
        f.kv("Traitement", treatment)
        f.doctor("Médecin", rpps=0.2)
    else:
        f.kv("Nom de l'enfant", "__________________")
        f.kv("Date", "___ / ___ / ______")
    f.line(
        "CONSEILS DE SURVEILLANCE A LA MAISON",
        "Reconsulter si : fièvre > 48 h, refus de boire, somnolence inhabituelle, vomissements répétés.",
        "Fractionner les biberons, laver le nez avant chaque repas.",
        "En cas d'urgence appelez le 15.",
    )
    rel, extra = write_form(
        c,
        root,
        f"urgences_ped/conseils/fiche_{i:03d}",
        "Fiche de conseils de sortie",
        f,
        ("pdf", "html", "docx", "txt", "odt"),
    )
    return _doc(rel, kind, named, named, f, extra)


def pai_school(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.line("Éducation nationale - Service de promotion de la santé en faveur des élèves")
    child = c.person(3, 16)
    f.patient(child, label="Élève", nir=0, ins=0, ipp=0.15, nda=0, phone=0, email=0, address=0.2)
    f.kv(
        "École",
        f"École {c.rng.choice(['élémentaire des Tilleuls', 'maternelle du Centre', 'primaire du Parc'])} - "
        f"classe {c.rng.choice(['CP', 'CE2', 'CM1', 'MS'])}",
    )
    parent = c.person(25, 50)
    f.kv("Responsable légal", c.name(parent, civ=True), "PERSON_NAME")
    if c.chance(0.6):
        f.kv("Tél. parent", c.mobile(), "PHONE")
    f.kv(
        "Pathologie",
        c.rng.choice(
            [
                "Allergie alimentaire à l'arachide (anaphylaxie 2023)",
                "Asthme persistant modéré",
                "Diabète de type 1 sous pompe à insuline",
                "Épilepsie absence",
            ]
        ),
    )
    f.kv(
        "Trousse d'urgence",
        c.rng.choice(
            [
                "Anapen 0,15 mg, Aerius sirop",
                "Ventoline 100 µg 2 bouffées",
                "Glucagen 1 mg, resucrage 15 g",
                "Buccolam 5 mg",
            ]
        ),
    )
    f.line("Protocole d'urgence joint. Le médecin scolaire valide le PAI pour l'année scolaire 2025-2026.")
    f.doctor("Médecin de l'Éducation nationale", rpps=0.2)
    title = "Projet d'accueil individualisé (PAI)"
    rel, extra = write_form(
        c, root, f"sante_scolaire/pai/pai_{i:03d}", title, f, ("eml", "docx", "odt", "pdf"), service="medecin.scolaire"
    )
    return _doc(rel, kind, True, True, f, extra)


def rcp_onco(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.header("3C - Centre de coordination en cancérologie", phone=0.3)
    organ = c.rng.choice(["digestive", "sénologie", "thoracique", "uro"])
    if c.chance(0.35):
        rows = [
            [c.when(TODAY + timedelta(days=7 * k)), "13h30", f"Salle {c.rng.randint(1, 5)}", c.staff()]
            for k in range(8)
        ]
        rel = write_table(
            c,
            root,
            f"oncologie/rcp/planning_{i:03d}",
            f"Planning des RCP {organ} 2025",
            ["Date", "Heure", "Lieu", "Coordonnateur"],
            rows,
            ("xlsx", "pdf", "docx", "csv;"),
        )
        return _doc(rel, kind, False, True, {"PERSON_NAME"})
    f.kv("RCP", f"{organ} du {c.when(c.recent(90))}")
    f.patient(c.person(35, 88), nir=0.2, ins=0.15, ipp=0.7, nda=0.1)
    f.doctor("Médecin présentateur", rpps=0.2)
    histology, stage, icd, plan = {
        "digestive": (
            "adénocarcinome lieberkühnien moyennement différencié",
            "pT3N1M0",
            "C18.7",
            "Chimiothérapie adjuvante FOLFOX 6 mois",
        ),
        "sénologie": (
            "carcinome canalaire infiltrant SBR II, RH+ HER2-",
            "cT2N0M0",
            "C50.4",
            "Tumorectomie + ganglion sentinelle puis radiothérapie",
        ),
        "thoracique": ("adénocarcinome pulmonaire EGFR muté", "cT4N2M1 (osseuse)", "C34.1", "Osimertinib 80 mg/j"),
        "uro": ("adénocarcinome prostatique Gleason 4+3", "cT2cN0M0", "C61", "Radiothérapie + hormonothérapie 18 mois"),
    }[organ]
    f.kv("Histologie", histology)
    f.kv("Stade", stage)
    f.kv(c.rng.choice(["CIM-10", "Code CIM10", "Diagnostic (CIM-10)"]), icd)
    f.kv("Proposition", plan)
    f.kv("Participants", ", ".join(c.staff() for _ in range(c.rng.randint(3, 5))))
    rel, extra = write_form(
        c,
        root,
        f"oncologie/rcp/fiche_{i:03d}",
        "Fiche RCP - proposition thérapeutique",
        f,
        ("pdf", "docx", "xml", "odt", "txt16", "eml"),
    )
    return _doc(rel, kind, True, True, f, extra)


def radiotherapy(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.header("Radiothérapie - dosimétrie", finess=0.2, phone=0.2)
    if c.chance(0.3):
        f.line(
            "Protocole de service - contraintes de dose aux organes à risque (version 4)",
            "Prostate : 78 Gy / 39 fr ; rectum V70 < 20 %, V50 < 50 % ; vessie V65 < 50 % ;",
            "têtes fémorales Dmax < 50 Gy",
            "Sein : 50 Gy / 25 fr ou 40 Gy / 15 fr ; coeur Dmoy < 4 Gy ; poumon homolatéral V20 < 20 %",
            "Validation du plan par le physicien et le radiothérapeute avant la première séance.",
        )
        rel, extra = write_form(
            c,
            root,
            f"radiotherapie/protocoles/contraintes_{i:03d}",
            "Protocole dosimétrique",
            f,
            ("pdf", "docx", "txt", "html"),
        )
        return _doc(rel, kind, False, False, f, extra)
    f.patient(c.person(30, 90), ipp=0.8, nir=0.15, birth=0.7)
    site, dose, fr = c.rng.choice(
        [
            ("Prostate + vésicules", 78, 39),
            ("Sein gauche + boost", 50, 25),
            ("Poumon LSD (SBRT)", 54, 3),
            ("ORL oropharynx", 70, 35),
        ]
    )
    f.kv("Localisation", site)
    f.kv("Dose prescrite", f"{dose} Gy en {fr} fractions de {dose / fr:.1f} Gy".replace(".", ","))
    f.kv("Technique", c.rng.choice(["VMAT 6 MV", "RC3D", "Tomothérapie", "Stéréotaxie"]))
    f.line(f"Contraintes OAR : rectum V70 < {c.rng.randint(15, 25)} %, vessie V65 < 50 %, coeur Dmoy < 4 Gy")
    f.doctor("Physicien médical", rpps=0, title=c.rng.choice(["M.", "Mme"]))
    f.doctor("Validé par", rpps=0.3)
    rel, extra = write_form(
        c,
        root,
        f"radiotherapie/planif/plan_{i:03d}",
        "Résumé de planification dosimétrique",
        f,
        ("txt", "pdf", "json", "xml", "docx"),
    )
    return _doc(rel, kind, True, True, f, extra)


def nuclear_log(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    if c.chance(0.4):
        rows = [
            [
                c.when(c.recent(60)),
                c.rng.choice(["Générateur 99Mo/99mTc", "18F-FDG flacon multidose", "131I gélules"]),
                f"L{c.rng.randint(10000, 99999)}",
                f"{c.rng.randint(500, 20000)} MBq",
                c.rng.choice(["Reçu", "Contrôlé", "Décroissance"]),
            ]
            for _ in range(c.rng.randint(6, 15))
        ]
        rel = write_table(
            c,
            root,
            f"medecine_nucleaire/sources/registre_{i:03d}",
            "Registre des sources radioactives",
            ["Date", "Radionucléide", "Lot", "Activité", "Statut"],
            rows,
            ("csv;", "xlsx", "ods"),
        )
        return _doc(rel, kind, False, False, set())
    with_birth, with_ipp = c.chance(0.5), c.chance(0.6)
    head = [
        "Date",
        "Heure",
        "Nom",
        "Prénom",
        *(["DDN"] if with_birth else []),
        *(["IPP"] if with_ipp else []),
        "Examen",
        "Radiopharmaceutique",
        "Activité (MBq)",
        "Poids (kg)",
        "Manip",
    ]
    rows = []
    for _ in range(c.rng.randint(4, 14)):
        p = c.person(20, 90)
        exam, rp = c.rng.choice(
            [
                ("Scinti osseuse", "99mTc-HMDP"),
                ("TEP-TDM", "18F-FDG"),
                ("Scinti myocardique", "99mTc-MIBI"),
                ("Scinti thyroïde", "123I"),
            ]
        )
        rows.append(
            [
                c.when(c.recent(20)),
                f"{c.rng.randint(7, 17)}:{c.rng.choice(['00', '15', '30', '45'])}",
                p.last.upper(),
                p.first,
                *([c.when(p.birth)] if with_birth else []),
                *([c.ipp()] if with_ipp else []),
                exam,
                rp,
                str(c.rng.randint(80, 800)),
                str(c.rng.randint(45, 120)),
                "".join(c.rng.choice("ABCDEFGHJKLMNPRST") for _ in range(2)),
            ]
        )
    rel = write_table(
        c,
        root,
        f"medecine_nucleaire/injections/log_{i:03d}",
        "Registre des injections",
        head,
        rows,
        ("csv;", "csv,", "xlsx", "ods", "tsv", "json"),
    )
    ids = {"PERSON_NAME"} | ({"BIRTH_DATE"} if with_birth else set()) | ({"IPP"} if with_ipp else set())
    return _doc(rel, kind, True, True, ids)


def cardiac_rehab(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.line("Service de réadaptation cardiovasculaire")
    f.patient(c.person(40, 85), nir=0.2, ipp=0.6, address=0, label="Patient")
    f.kv(
        "Diagnostic",
        c.rng.choice(
            [
                "SCA ST+ antérieur, stent IVA",
                "Pontage aorto-coronarien x3",
                "Insuffisance cardiaque FEVG 35 %",
                "Remplacement valvulaire aortique",
            ]
        ),
    )
    f.kv("Traitement", "Bisoprolol 2,5 mg, Kardegic 75 mg, Atorvastatine 80 mg")
    rows = []
    base = c.recent(60)
    for k in range(1, c.rng.randint(6, 16)):
        rows.append(
            [
                str(k),
                c.when(base + timedelta(days=2 * k)),
                str(c.rng.randint(30, 120)),
                str(c.rng.randint(95, 150)),
                f"{c.rng.randint(110, 160)}/{c.rng.randint(60, 90)}",
                str(c.rng.randint(9, 15)),
                c.rng.choice(["", "", "ESV isolées", "douleur thoracique atypique, arrêt"]),
            ]
        )
    rel = write_table(
        c,
        root,
        f"readaptation_cardiaque/seances_{i:03d}",
        "Séances de réentraînement à l'effort",
        ["Séance", "Date", "Ergocycle (W)", "FC max", "TA", "Borg", "Remarques"],
        rows,
        ("xlsx", "ods", "csv;", "pdf", "html"),
        f.items,
    )
    return _doc(rel, kind, True, True, f)


def bariatric(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.header("Chirurgie digestive et de l'obésité", phone=0.4)
    blank = c.chance(0.35)
    band = not blank and c.chance(0.35)
    if blank:
        f.kv("Nom / Prénom", "")
        f.kv("IMC", "____")
    else:
        f.patient(c.person(20, 65), nir=0.3, ipp=0.5, address=0.2)
        f.kv("IMC", f"{c.rng.uniform(35, 52):.1f} kg/m2".replace(".", ","))
    if band:
        f.kv(
            "Suivi anneau gastrique",
            f"serrage +{c.rng.choice(['0,5', '1', '1,5'])} ml, volume total {c.rng.randint(4, 9)} ml",
        )
        f.kv("Perte de poids", f"-{c.rng.randint(5, 40)} kg depuis la pose")
        f.line("Dysphagie occasionnelle aux solides, pas de vomissement.")
    else:
        for step in (
            "Consultation psychiatrique",
            "Bilan nutritionnel",
            "Fibroscopie OGD (H. pylori)",
            "Polygraphie ventilatoire",
            "Avis RCP obésité",
            "Consentement éclairé signé",
        ):
            f.line(f"[{' ' if blank else c.rng.choice(['x', 'x', 'X', ' '])}] {step}")
        if not blank:
            f.kv(
                "Intervention prévue",
                f"{c.rng.choice(['Sleeve gastrectomie', 'Bypass en Y'])} le {c.when(TODAY + timedelta(days=40))}",
            )
    title = "Suivi anneau gastrique" if band else "Check-list pré-opératoire chirurgie bariatrique"
    rel, extra = write_form(
        c, root, f"chirurgie_obesite/dossier_{i:03d}", title, f, ("docx", "odt", "pdf", "xlsx", "txt1252")
    )
    return _doc(rel, kind, not blank, not blank, f, extra)


def pma_couple(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.header("Centre d'AMP - Biologie de la reproduction", phone=0.3)
    if c.chance(0.25):
        f.line(
            "Livret d'accueil des couples",
            "Votre parcours : bilan du couple, consultation d'information, RCP d'AMP,",
            "puis stimulation ovarienne et ponction sous anesthésie. Pensez à apporter vos cartes Vitale,",
            "les sérologies VIH, VHB, VHC et syphilis de moins de 3 mois et le spermogramme.",
            "Les embryons surnuméraires peuvent être congelés avec votre accord écrit.",
        )
        rel, extra = write_form(
            c, root, f"amp/information/livret_{i:03d}", "Information des couples", f, ("pdf", "docx", "html")
        )
        return _doc(rel, kind, False, False, f, extra)
    f.line("MADAME")
    f.patient(c.person(25, 42, female=True), nir=0.5, ipp=0.5, label="Nom", phone=0.3)
    f.line("MONSIEUR")
    f.patient(c.person(25, 50, female=False), nir=0.5, ipp=0.3, label="Nom", address=0, phone=0.1)
    f.kv(
        "Indication",
        c.rng.choice(
            [
                "Infertilité primaire 3 ans, OATS sévère",
                "Infertilité secondaire, obstruction tubaire bilatérale",
                "Insuffisance ovarienne débutante, AMH 0,6 ng/mL",
            ]
        ),
    )
    f.kv(
        "Bilan",
        f"AMH {c.rng.uniform(0.4, 5):.1f} ng/mL ; CFA {c.rng.randint(3, 25)} ; numération {c.rng.randint(1, 40)} M/mL",
    )
    f.kv("Technique proposée", c.rng.choice(["FIV-ICSI, tentative n°2", "IIU x3", "TEC (transfert embryon congelé)"]))
    f.doctor("Gynécologue", rpps=0.3)
    rel, extra = write_form(
        c, root, f"amp/dossiers/couple_{i:03d}", "Dossier couple AMP", f, ("docx", "pdf", "odt", "zip", "rtf")
    )
    return _doc(rel, kind, True, True, f, extra)


def ivg_register(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    named = c.chance(0.5)
    rows = []
    for k in range(c.rng.randint(5, 16)):
        p = c.person(15, 45, female=True)
        method = c.rng.choice(["médicamenteuse", "aspiration AL", "aspiration AG"])
        tail = [
            f"{c.rng.randint(5, 14)} SA",
            method,
            c.rng.choice(["Rh+", "Rh- (anti-D)"]),
            c.rng.choice(["DIU", "implant", "pilule", "refus"]),
        ]
        if named:
            rows.append([c.when(c.recent(120)), p.last.upper(), p.first, str((TODAY - p.birth).days // 365), *tail])
        else:
            rows.append([f"{k + 1:04d}", f"{c.rng.choice(['15-17', '18-24', '25-34', '35+'])}", *tail])
    head = ["Date", "Nom", "Prénom", "Âge"] if named else ["N° ordre", "Tranche d'âge"]
    head += ["Terme", "Méthode", "Rhésus", "Contraception"]
    rel = write_table(
        c,
        root,
        f"orthogenie/registre_{i:03d}",
        "Centre d'orthogénie - activité IVG",
        head,
        rows,
        ("xlsx", "csv;", "ods", "pdf", "tsv"),
    )
    return _doc(rel, kind, named, named, {"PERSON_NAME"} if named else set())


def cegidd(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    named = c.chance(0.4)
    with_birth = named and c.chance(0.6)
    rows = []
    for _ in range(c.rng.randint(5, 14)):
        p = c.person(16, 60)
        ident = (
            [p.last.upper(), p.first, *([c.when(p.birth)] if with_birth else [])]
            if named
            else [
                f"CG-{TODAY.year % 100}-{c.rng.randint(1, 9999):04d}",
                "F" if p.female else "M",
                str((TODAY - p.birth).days // 365),
            ]
        )
        rows.append(
            [
                c.when(c.recent(40)),
                *ident,
                c.rng.choice(["nég"] * 12 + ["POS"]),
                c.rng.choice(["nég", "Ac anti-HBs+"]),
                c.rng.choice(["TPHA nég"] * 6 + ["TPHA+ VDRL 1/16"]),
                c.rng.choice(["PCR CT/NG nég"] * 4 + ["PCR CT POS", "PCR NG POS"]),
            ]
        )
    head = [
        "Date prélèvement",
        *(
            ["Nom", "Prénom", *(["Date de naissance"] if with_birth else [])]
            if named
            else ["Code anonyme", "Sexe", "Âge"]
        ),
        "VIH",
        "VHB",
        "Syphilis",
        "Chlamydia/gono",
    ]
    pre: list[Item] = (
        [("Levée d'anonymat", "accord écrit des consultants")] if named else [("Consultation", "anonyme et gratuite")]
    )
    rel = write_table(
        c,
        root,
        f"cegidd/resultats_{i:03d}",
        "CeGIDD - résultats de dépistage",
        head,
        rows,
        ("csv;", "xlsx", "tsv", "pdf", "ods"),
        pre,
    )
    ids = ({"PERSON_NAME"} | ({"BIRTH_DATE"} if with_birth else set())) if named else set()
    return _doc(rel, kind, named, named, ids)


def usmp(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    with_birth = c.chance(0.6)
    rows = []
    for _ in range(c.rng.randint(6, 15)):
        p = c.person(18, 70, female=c.chance(0.1))
        rows.append(
            [
                c.when(c.recent(10)),
                str(c.rng.randint(10000, 99999)),
                p.last.upper(),
                p.first,
                *([c.when(p.birth)] if with_birth else []),
                c.rng.choice(
                    [
                        "HTA - renouvellement",
                        "plaie main droite, suture",
                        "dépistage VIH/VHC",
                        "insomnie",
                        "lombalgie",
                        "asthme - Ventoline",
                    ]
                ),
                c.rng.choice(["IDE", "Dr", "IDE", "psy"]),
                c.rng.choice(["", "extraction hôpital", "revoir J7"]),
            ]
        )
    head = ["Date", "N° écrou", "NOM", "Prénom", *(["Né le"] if with_birth else []), "Motif", "Vu par", "Suite"]
    rel = write_table(
        c,
        root,
        f"usmp/consultations_{i:03d}",
        "USMP - maison d'arrêt - consultations du jour",
        head,
        rows,
        ("xlsx", "csv;", "pdf", "ods", "docx"),
    )
    return _doc(rel, kind, True, True, {"PERSON_NAME"} | ({"BIRTH_DATE"} if with_birth else set()))


def pass_log(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    with_birth = c.chance(0.5)
    rows = []
    for _ in range(c.rng.randint(5, 14)):
        p = c.person(16, 75)
        rows.append(
            [
                c.when(c.recent(30)),
                p.last.upper(),
                p.first,
                *([c.when(p.birth)] if with_birth else []),
                c.rng.choice(["arabe", "roumain", "dari", "français", "anglais"]),
                c.rng.choice(["aucune", "AME en cours", "PUMa sans complémentaire"]),
                c.rng.choice(
                    [
                        "toux 3 semaines - RP demandée",
                        "diabète déséquilibré",
                        "plaie pied infectée",
                        "grossesse 20 SA non suivie",
                        "douleurs dentaires",
                    ]
                ),
                c.rng.choice(["Amoxicilline délivrée", "Metformine 500 mg", "pansement", "orientation maternité"]),
            ]
        )
    head = [
        "Date",
        "Nom",
        "Prénom",
        *(["Date naissance"] if with_birth else []),
        "Langue",
        "Couverture",
        "Motif",
        "Délivrance",
    ]
    rel = write_table(
        c,
        root,
        f"pass/file_active_{i:03d}",
        "PASS - consultations sans droits",
        head,
        rows,
        ("xlsx", "csv,", "ods", "html", "json"),
    )
    return _doc(rel, kind, True, True, {"PERSON_NAME"} | ({"BIRTH_DATE"} if with_birth else set()))


def umj_certificate(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.header("Unité médico-judiciaire", phone=0.4)
    f.doctor("Je soussigné(e)", rpps=0.5)
    f.line("médecin légiste, certifie avoir examiné ce jour :")
    f.patient(c.person(14, 85), nir=0.1, ipp=0.2, address=0.4)
    f.kv("Faits allégués", c.rng.choice(["agression sur la voie publique", "violences conjugales", "rixe"]))
    f.kv(
        "Constatations",
        c.rng.choice(
            [
                "ecchymose violacée 4 x 3 cm région orbitaire gauche, plaie lèvre inférieure",
                "dermabrasions avant-bras droit, douleur à la palpation des côtes 7-8",
                "fracture des os propres du nez confirmée au scanner",
            ]
        ),
    )
    f.kv("ITT", f"{c.rng.randint(1, 30)} jours sous réserve de complications")
    f.line("Certificat remis en main propre à l'intéressé(e) / à l'OPJ requérant.")
    rel, extra = write_form(
        c,
        root,
        f"umj/certificats/cmi_{i:03d}",
        "CERTIFICAT MÉDICAL INITIAL DESCRIPTIF",
        f,
        ("pdf", "docx", "rtf", "txt1252"),
    )
    return _doc(rel, kind, True, True, f, extra)


def occ_fitness(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.header("Service de santé au travail", finess=0.2, phone=0.5)
    f.patient(c.person(18, 60), nir=0.3, ipp=0, nda=0, label="Candidat(e)", address=0.2, email=0.1)
    f.kv(
        "Poste envisagé",
        c.rng.choice(["aide-soignant(e) - nuit", "agent de stérilisation", "IDE bloc opératoire", "brancardier"]),
    )
    f.kv("Type de visite", "visite d'embauche")
    f.kv(
        "Conclusion",
        c.rng.choice(
            [
                "Apte avec restrictions : pas de port de charges > 10 kg (lombalgie chronique)",
                "Apte, aménagement : pas de travail de nuit (diabète insulinotraité)",
                "Inapte temporaire - allergie au latex à explorer",
                "Apte avec port de semelles orthopédiques",
            ]
        ),
    )
    f.doctor("Médecin du travail", rpps=0.3)
    rel, extra = write_form(
        c,
        root,
        f"sante_travail/aptitude_{i:03d}",
        "Fiche d'aptitude médicale",
        f,
        ("docx", "pdf", "odt", "eml"),
        service="sante.travail",
    )
    return _doc(rel, kind, True, True, f, extra)


def sports_cert(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.doctor(c.rng.choice(["Médecin", "Cabinet médical du sport"]), rpps=0.6)
    f.line(f"{c.fake.street_address()}, {c.fake.postcode()} {c.city}")
    f.line("Certificat médical de non contre-indication")
    p = c.person(8, 70)
    f.line(f"Je soussigné certifie avoir examiné {c.name(p, civ=True)}")
    f.ids.add("PERSON_NAME")
    if c.chance(0.7):
        f.kv("né(e) le", c.when(p.birth), "BIRTH_DATE")
    sport = c.rng.choice(
        ["du football en compétition", "de la course à pied (marathon)", "de la plongée sous-marine", "du judo"]
    )
    f.line(f"et n'avoir pas constaté ce jour de contre-indication à la pratique {sport}.")
    f.line(
        c.rng.choice(
            [
                "ECG de repos normal.",
                "Asthme d'effort contrôlé : Ventoline avant l'effort.",
                "Audition et tympans normaux.",
                "Antécédent d'entorse cheville droite, consolidée.",
            ]
        )
    )
    f.kv("Fait le", c.when(c.recent(200)))
    rel, extra = write_form(
        c, root, f"medecine_sport/certif_{i:03d}", "Médecine du sport", f, ("txt", "pdf", "rtf", "docx", "txt16")
    )
    return _doc(rel, kind, True, True, f, extra)


def driving_opinion(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.line("Préfecture - Commission médicale primaire du permis de conduire")
    f.patient(c.person(18, 85), nir=0.2, ipp=0, nda=0, label="Candidat", address=0.5, phone=0.2)
    f.kv("Catégorie", c.rng.choice(["Groupe léger (B)", "Groupe lourd (C, D)"]))
    f.kv(
        "Affection (arrêté du 28/03/2022)",
        c.rng.choice(
            [
                "épilepsie, dernière crise il y a 14 mois",
                "syndrome d'apnées du sommeil appareillé",
                "dépendance à l'alcool en rémission, CDT normale",
                "diabète sous insuline, hypoglycémies",
            ]
        ),
    )
    f.kv(
        "Avis", c.rng.choice(["Favorable - 1 an", "Favorable - 2 ans avec contrôle", "Défavorable", "Favorable 6 mois"])
    )
    f.doctor("Médecin agréé", rpps=0.4)
    rel, extra = write_form(
        c,
        root,
        f"permis/avis_{i:03d}",
        "Avis médical d'aptitude à la conduite",
        f,
        ("odt", "pdf", "docx", "html", "eml"),
    )
    return _doc(rel, kind, True, True, f, extra)


def mdph_cert(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.line("Certificat médical - demande à la MDPH (Cerfa 15695*01)")
    f.patient(c.person(1, 80), nir=0.7, ipp=0.2, address=0.6)
    f.kv(
        "Pathologie motivant la demande",
        c.rng.choice(
            [
                "Sclérose en plaques rémittente-récurrente",
                "Trouble du spectre de l'autisme",
                "Amputation tibiale gauche",
                "Schizophrénie stabilisée",
                "Surdité bilatérale sévère appareillée",
            ]
        ),
    )
    f.kv(
        "Retentissement",
        c.rng.choice(
            ["périmètre de marche < 200 m", "aide humaine pour la toilette", "pas d'autonomie dans les transports"]
        ),
    )
    f.kv("Traitements", c.rng.choice(["Ocrelizumab 600 mg/6 mois", "rééducation 2x/sem", "Aripiprazole 10 mg"]))
    f.doctor("Médecin", rpps=0.5)
    rel, extra = write_form(
        c, root, f"mdph/certificat_{i:03d}", "Certificat médical MDPH", f, ("pdf", "docx", "xml", "json", "eml")
    )
    return _doc(rel, kind, True, True, f, extra)


def hearing_invoice(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.line(f"Audition {c.fake.last_name()} - audioprothésiste D.E.", f"SIRET {c.rng.randint(10**13, 10**14 - 1)}")
    f.ids.add("PERSON_NAME")
    f.line("FACTURE N° " + str(c.rng.randint(2025000, 2025999)))
    f.patient(c.person(45, 95), nir=0.6, ipp=0, nda=0, label="Patient", address=0.6, phone=0.2)
    f.kv("Prescription", f"{c.staff()} (ORL) du {c.when(c.recent(90))}")
    f.kv("Audiogramme", f"perte moyenne OD {c.rng.randint(30, 70)} dB, OG {c.rng.randint(30, 70)} dB")
    f.kv(
        "Équipement",
        f"2 contours d'oreille classe {c.rng.choice(['I (100 % santé)', 'II'])} - "
        f"{c.rng.choice(['Phonak', 'Oticon', 'Signia'])}",
    )
    f.kv("Total TTC", f"{c.rng.randint(1900, 4200)},00 EUR ; part AMO 480,00 EUR")
    if c.chance(0.4):
        f.kv("IBAN (cabinet)", c.fake.iban(), "IBAN")
    rel, extra = write_form(
        c, root, f"audioprothese/factures/fac_{i:03d}", "Facture appareillage auditif", f, ("pdf", "xlsx", "docx")
    )
    return _doc(rel, kind, True, True, f, extra)


def optical_rx(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.doctor(c.rng.choice(["Ophtalmologiste", "Prescripteur"]), rpps=0.7)
    f.line("Ophtalmologie - secteur 2")
    f.kv("Le", c.when(c.recent(100)))
    f.patient(
        c.person(6, 90), nir=0.1, ipp=0, nda=0, label=c.rng.choice(["Patient", "Pour", "Mme/M."]), birth=0.5, address=0
    )

    def sph() -> str:
        return f"{c.rng.choice(['+', '-'])}{c.rng.randint(0, 24) * 0.25:.2f}".replace(".", ",")

    f.kv("OD", f"{sph()} ({sph()} à {c.rng.randrange(0, 180, 5)}°)")
    f.kv("OG", f"{sph()} ({sph()} à {c.rng.randrange(0, 180, 5)}°)")
    if c.chance(0.5):
        f.kv("Addition", f"+{c.rng.randint(4, 12) * 0.25:.2f}".replace(".", ","))
    f.line(
        c.rng.choice(
            [
                "Verres progressifs.",
                "Verres unifocaux vision de loin.",
                "Lentilles souples mensuelles.",
                "Glaucome débutant : Xalatan 1 goutte le soir ODG.",
            ]
        )
    )
    rel, extra = write_form(
        c,
        root,
        f"ophtalmo/ordo_optique_{i:03d}",
        "Prescription de verres correcteurs",
        f,
        ("pdf", "txt", "rtf", "html", "txt1252"),
    )
    return _doc(rel, kind, True, True, f, extra)


def idel_schedule(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    nurse = c.person(25, 60)
    f.kv("Cabinet infirmier", f"{c.name(nurse, civ=False)}", "PERSON_NAME")
    if c.chance(0.4):
        f.kv("N° ADELI", c.adeli(), "ADELI")
    if c.chance(0.4):
        f.kv("Portable cabinet", c.mobile(), "PHONE")
    with_phone = c.chance(0.5)
    rows = []
    for h in range(c.rng.randint(6, 14)):
        p = c.person(50, 98)
        rows.append(
            [
                f"{7 + h // 2}h{'30' if h % 2 else '00'}",
                f"{c.name(p)}",
                f"{c.fake.street_address()} {c.city}",
                *([c.mobile()] if with_phone else []),
                c.rng.choice(
                    [
                        "Insuline Lantus 18 UI + dextro",
                        "Pansement ulcère jambe G",
                        "Prise de sang INR",
                        "Pilulier semaine",
                        "Injection Lovenox 4000 UI",
                        "Surveillance TA + Furosémide",
                    ]
                ),
                c.rng.choice(["", "clé boîte à clés", "chien", ""]),
            ]
        )
    head = ["Heure", "Patient", "Adresse", *(["Tél"] if with_phone else []), "Soin", "Remarque"]
    rel = write_table(
        c,
        root,
        f"idel/tournee_{i:03d}",
        f"Tournée du {c.when(c.recent(30))}",
        head,
        rows,
        ("xlsx", "ods", "csv;", "json", "docx"),
        f.items,
    )
    return _doc(rel, kind, True, True, f.ids | {"PERSON_NAME"} | ({"PHONE"} if with_phone else set()))


COMMUNES = ("Yvetot", "Barentin", "Elbeuf", "Fécamp", "Dieppe", "Bolbec", "Louviers", "Le Tréport", "Gournay-en-Bray")


def ambulance_log(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    rows = []
    for _ in range(c.rng.randint(8, 20)):
        call = c.rng.randint(0, 24 * 60 - 40)
        gone = call + c.rng.randint(2, 35)
        rows.append(
            [
                f"{call // 60:02d}:{call % 60:02d}",
                c.rng.choice(COMMUNES),
                c.rng.choice(
                    ["douleur thoracique", "chute personne âgée", "AVP 2 véhicules", "malaise", "détresse respiratoire"]
                ),
                c.rng.choice(["P0", "P1", "P2"]),
                c.rng.choice(["VSAV 12", "SMUR 1", "AMB privée", "VLM 2"]),
                f"{gone // 60:02d}:{gone % 60:02d}",
                c.rng.choice(["SAU", "USIC", "laissé sur place", "déchocage"]),
            ]
        )
    rel = write_table(
        c,
        root,
        f"samu/regulation/journal_{i:03d}",
        "Journal des départs - régulation",
        ["Appel", "Commune", "Motif", "Priorité", "Moyen", "Départ", "Destination"],
        rows,
        ("csv;", "xlsx", "tsv", "csv,", "pdf"),
    )
    return _doc(rel, kind, False, False, set())


def cleaning_plan(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    named = c.chance(0.5)
    rows = []
    for _ in range(c.rng.randint(6, 14)):
        rows.append(
            [
                c.rng.choice(
                    ["Hall", "Bloc 2", "Consultations ORL", "Chambre 12 (isolement contact)", "Sanitaires", "Office"]
                ),
                c.rng.choice(["quotidien", "2x/jour", "hebdomadaire", "après chaque patient"]),
                c.rng.choice(["Surfanios", "Javel 0,5 %", "Vapeur", "Détergent neutre"]),
                c.rng.choice(["humide", "balayage humide", "bionettoyage complet"]),
                c.staff(c.rng.choice(["", "M.", "Mme"])).strip() if named else f"Équipe {c.rng.choice('ABC')}",
            ]
        )
    rel = write_table(
        c,
        root,
        f"hygiene/bionettoyage_{i:03d}",
        "Plan de bionettoyage",
        ["Zone", "Fréquence", "Produit", "Méthode", "Agent"],
        rows,
        ("xlsx", "pdf", "docx", "ods", "csv;"),
    )
    return _doc(rel, kind, False, named, {"PERSON_NAME"} if named else set())


def museum_text(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.line(
        "Musée de l'hôpital - exposition « Écouter le corps »",
        "En 1816, René-Théophile-Hyacinthe Laennec roule un cahier pour ausculter une jeune patiente :",
        "le stéthoscope est né.",
        "Son Traité de l'auscultation médiate (1819) décrit la phtisie, les bronchectasies et l'emphysème.",
        "Ambroise Paré, chirurgien des rois, ligaturait les artères plutôt que de cautériser les plaies.",
        c.rng.choice(
            [
                "Louis Pasteur et la vaccination contre la rage (1885).",
                "Marie Curie et les « petites Curie » radiologiques de 1914.",
                "Claude Bernard et la médecine expérimentale.",
            ]
        ),
        "Vitrine 3 : stéthoscopes monauraux en bois, XIXe siècle. Ne pas toucher.",
    )
    if c.chance(0.4):
        f.kv("Visites de groupes", c.mailbox("musee"), "EMAIL")
    rel, extra = write_form(
        c, root, f"communication/musee/cartel_{i:03d}", "Exposition", f, ("html", "docx", "pdf", "odt")
    )
    return _doc(rel, kind, False, False, f, extra, optional={"PERSON_NAME"})


def formulary(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    drugs = [
        ("Amoxicilline", "Clamoxyl", "1 g", "cp", "J01CA04", ""),
        ("Paracétamol", "Doliprane", "500 mg", "gél", "N02BE01", "max 4 g/j"),
        ("Énoxaparine", "Lovenox", "4000 UI", "inj", "B01AB05", "surveillance plaquettes"),
        ("Furosémide", "Lasilix", "40 mg", "cp", "C03CA01", ""),
        ("Morphine", "Skenan LP", "30 mg", "gél", "N02AA01", "stupéfiant - coffre"),
        ("Insuline glargine", "Lantus", "100 UI/ml", "stylo", "A10AE04", "conserver au froid avant ouverture"),
        ("Oméprazole", "Mopral", "20 mg", "gél", "A02BC01", "équivalence : ésoméprazole"),
        ("Ceftriaxone", "Rocéphine", "1 g", "inj", "J01DD04", "réservé prescription senior"),
    ]
    rows = [list(d) for d in c.rng.sample(drugs, c.rng.randint(5, 8))]
    pre: list[Item] = []
    ids: set[str] = set()
    if c.chance(0.5):
        pre.append(("Contact COMEDIMS", c.mailbox("pharmacie.livret")))
        ids.add("EMAIL")
    rel = write_table(
        c,
        root,
        f"pharmacie/livret_therapeutique_{i:03d}",
        "Livret thérapeutique 2025",
        ["DCI", "Spécialité", "Dosage", "Forme", "ATC", "Remarques"],
        rows,
        ("pdf", "xlsx", "html", "csv;"),
        pre,
    )
    return _doc(rel, kind, False, False, ids)


def annual_report(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.header("Rapport d'activité 2024", finess=0.5, phone=0.5)
    f.line(
        f"En 2024, l'établissement a réalisé {c.rng.randint(20, 90)} {c.rng.randint(100, 999)} séjours "
        f"et {c.rng.randint(100, 400)} {c.rng.randint(100, 999)} consultations externes.",
        f"Durée moyenne de séjour : {c.rng.uniform(3, 7):.1f} jours".replace(".", ",")
        + f" ; taux d'occupation {c.rng.randint(78, 96)} %.",
        "Principaux diagnostics : insuffisance cardiaque (I50), BPCO (J44), AVC (I63), fractures du col fémoral (S72).",
        f"Naissances : {c.rng.randint(900, 3500)} ; passages aux urgences : {c.rng.randint(30, 90)} 000.",
    )
    named = c.chance(0.6)
    if named:
        f.line("Édito", "Une année de transformation pour nos équipes.")
        f.kv("Le directeur général", c.staff(c.rng.choice(["M.", "Mme"])), "PERSON_NAME")
    rel, extra = write_form(
        c, root, f"direction/rapport_activite_{i:03d}", "Rapport annuel", f, ("pdf", "docx", "html", "odt")
    )
    return _doc(rel, kind, False, named, f, extra)


def nurse_eval(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    f = Form(c)
    f.line(f"IFSI de {c.city} - Portfolio de l'étudiant")
    student = c.person(19, 35)
    f.kv("Étudiant(e)", c.name(student), "PERSON_NAME")
    f.kv("Promotion", f"2023-2026, semestre {c.rng.randint(2, 6)}")
    if c.chance(0.4):
        f.kv("Courriel", c.personal_email(student), "EMAIL")
    f.kv("Lieu de stage", c.rng.choice(["Chirurgie viscérale", "EHPAD", "Psychiatrie adulte", "Pédiatrie"]))
    f.doctor("Tuteur de stage", rpps=0, title=c.rng.choice(["Mme", "M."]))
    for comp in (
        "C1 Évaluer une situation clinique",
        "C4 Mettre en oeuvre des actions à visée thérapeutique",
        "C6 Communiquer et conduire une relation",
        "C9 Organiser et coordonner",
    ):
        f.kv(comp, c.rng.choice(["acquis", "à améliorer", "non acquis", "acquis"]))
    f.line(
        c.rng.choice(
            [
                "Étudiante investie, prise en charge de 4 patients en fin de stage.",
                "Retards répétés, difficultés dans le calcul de doses.",
                "Bonne posture professionnelle.",
            ]
        )
    )
    rel, extra = write_form(
        c, root, f"ifsi/evaluations/bilan_stage_{i:03d}", "Bilan de stage", f, ("docx", "pdf", "odt", "xlsx")
    )
    return _doc(rel, kind, False, True, f, extra)


def supplier_contacts(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    with_iban = c.chance(0.4)
    rows = []
    for _ in range(c.rng.randint(5, 12)):
        rep = c.person(25, 60)
        company = c.fake.company()
        domain = re.sub(r"[^a-z]", "", plain(company).lower())[:12] + ".fr"
        rows.append(
            [
                company,
                c.rng.choice(["Dispositifs médicaux", "Consommables", "Biomédical", "Pharmacie"]),
                f"{rep.first} {rep.last.upper()}",
                c.mobile(),
                f"{plain(rep.first).lower()}.{plain(rep.last).lower().replace(' ', '')}@{domain}",
                *([c.fake.iban()] if with_iban else []),
            ]
        )
    head = ["Société", "Famille", "Commercial", "Mobile", "Email", *(["IBAN société"] if with_iban else [])]
    rel = write_table(
        c,
        root,
        f"achats/fournisseurs_contacts_{i:03d}",
        "Contacts fournisseurs",
        head,
        rows,
        ("xlsx", "csv;", "ods", "json", "csv,"),
    )
    return _doc(rel, kind, False, True, {"PERSON_NAME", "PHONE", "EMAIL"} | ({"IBAN"} if with_iban else set()))


def badge_list(c: Ctx, root: Path, kind: str, i: int) -> Doc:
    with_rpps, with_mail = c.chance(0.4), c.chance(0.6)
    rows = []
    for _ in range(c.rng.randint(6, 15)):
        p = c.person(25, 65)
        rows.append(
            [
                p.last.upper(),
                p.first,
                c.rng.choice([c.hospital(), "Clinique Saint-Joseph", "Cabinet libéral"]),
                c.rng.choice(["IDE", "Cardiologue", "Pharmacien", "Cadre de santé", "Interne"]),
                *([c.personal_email(p)] if with_mail else []),
                *([c.rpps()] if with_rpps else []),
            ]
        )
    head = [
        "Nom",
        "Prénom",
        "Établissement",
        "Fonction",
        *(["E-mail"] if with_mail else []),
        *(["N° RPPS (DPC)"] if with_rpps else []),
    ]
    rel = write_table(
        c,
        root,
        f"congres/badges_{i:03d}",
        "Journées régionales de cardiologie - badges",
        head,
        rows,
        ("csv;", "xlsx", "pdf", "docx", "tsv"),
    )
    return _doc(
        rel,
        kind,
        False,
        True,
        {"PERSON_NAME"} | ({"EMAIL"} if with_mail else set()) | ({"RPPS"} if with_rpps else set()),
    )


GENERATORS: tuple[tuple[str, Gen], ...] = (
    ("antenatal_consult", antenatal),
    ("neonat_feeding_chart", neonat_feeding),
    ("peds_ed_advice_sheet", peds_ed_advice),
    ("school_pai", pai_school),
    ("oncology_rcp", rcp_onco),
    ("radiotherapy_plan", radiotherapy),
    ("nuclear_medicine_log", nuclear_log),
    ("cardiac_rehab_sessions", cardiac_rehab),
    ("bariatric_file", bariatric),
    ("pma_couple_file", pma_couple),
    ("ivg_register", ivg_register),
    ("cegidd_results", cegidd),
    ("usmp_consultations", usmp),
    ("pass_consultations", pass_log),
    ("umj_certificate", umj_certificate),
    ("occupational_fitness", occ_fitness),
    ("sports_certificate", sports_cert),
    ("driving_opinion", driving_opinion),
    ("mdph_certificate", mdph_cert),
    ("hearing_aid_invoice", hearing_invoice),
    ("optical_prescription", optical_rx),
    ("home_nursing_round", idel_schedule),
    ("ambulance_dispatch_log", ambulance_log),
    ("cleaning_plan", cleaning_plan),
    ("museum_text", museum_text),
    ("drug_formulary", formulary),
    ("annual_report", annual_report),
    ("student_nurse_evaluation", nurse_eval),
    ("supplier_contacts", supplier_contacts),
    ("conference_badges", badge_list),
)


def generate(root: Path, rng: random.Random, seed: int) -> list[Doc]:
    """About 250 files: 7 to 10 of each of the 30 kinds, deterministic per seed."""
    ctx = Ctx(rng)
    docs: list[Doc] = []
    for kind, gen in GENERATORS:
        for i in range(rng.randint(7, 10)):
            ctx.date_style = rng.randrange(5)
            docs.append(gen(ctx, root, kind, i))
    return docs


def generate_only(root: Path, seed: int) -> list[Doc]:
    """Write the corpus of ``seed`` under ``root/seed<N>`` with a labels.json, classifying nothing."""
    base = root / f"seed{seed}"
    base.mkdir(parents=True, exist_ok=True)
    docs = generate(base, random.Random(seed), seed)
    labels = [
        {
            "rel": d.rel,
            "kind": d.kind,
            "health": d.health,
            "personal": d.personal,
            "ids": sorted(d.ids),
            "optional": sorted(d.optional),
        }
        for d in docs
    ]
    (base / "labels.json").write_text(json.dumps(labels, indent=1), encoding="utf-8")
    return docs


DESCRIPTION = (
    "ninth blind holdout: 30 new document kinds (antenatal, neonatology, RCP, radiotherapy, forensic, "
    "certificates, IVG/CeGIDD registers, prison and PASS lists, near-miss negatives)"
)

if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--generate-only":
        for s in [int(a) for a in sys.argv[sys.argv.index("--seed") + 1 :]] if "--seed" in sys.argv else [1]:
            generate_only(Path(sys.argv[2]), s)
        raise SystemExit(0)
    raise SystemExit(main("holdout9", DESCRIPTION, generate))

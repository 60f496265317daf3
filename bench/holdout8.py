"""Eighth blind holdout: the long tail of a French hospital share, written without looking at the classifier.

Kinds new to the holdout series: nursing care-plan exports, infection-control carrier lists (BMR/BHRe), bed
management occupancy, hospital-at-home supply orders, home-oxygen provider letters, patient-transport invoices,
Holter reports, pacemaker clinic exports, diabetes-education sign-in sheets, rehabilitation (SMR/Trajectoire)
admission requests, PMSI quality-control error lists, medical-archive loan registers, mortuary registers, organ
donation coordination notes, legal-protection (tutelle/curatelle) requests, PACS worklists, nominative dispensing
lists, GP referral faxes with an OCR text layer, staff vaccination campaigns; and negatives / near-misses:
patient-property deposit receipts, anonymised morbidity-mortality reviews, budgets, procurement tenders, device
recall notices, nurses' shift swap e-mails, conference abstracts, blank forms, activity statistics, programme flyers.

Labelling rules (what a data-protection officer would conclude):
- health_data: an identifiable patient (name, NIR/INS, or IPP/NDA together with identity) AND health content
  (diagnosis, treatment, result, stay/visit in a care unit, appointment in a specialty), or a health message format
  carrying a patient. Not health: protocols, anonymised statistics, blank templates, newsletters, staff without
  patients. Staff health data (a vaccination campaign with names, contraindications) IS health data.
- personal_data: any value identifying a person (name, NIR, personal e-mail/phone, a person's IBAN, RPPS). Not
  personal: FINESS, a company IBAN, a switchboard number, a functional mailbox.
- identifier types are expected when a value of the type is present (switchboard PHONE and functional mailbox EMAIL
  still count as PHONE/EMAIL, a company IBAN as IBAN); NIR/INS/IPP/NDA/RPPS only with a context word or a structured
  field (column header); BIRTH_DATE only when labelled as such or in a structured column; PERSON_NAME for any
  person's name (patients, staff, signatories, authors).

Debatable choices, stated once:
- PMSI quality-control error lists with IPP + NDA + GHM codes and no name: by the rule above IPP/NDA need an identity,
  so health_data is False; personal_data is left unscored (pseudonymous hospital numbers, the hospital holds the key).
  The variant that also carries name columns is health data.
- Archive loan registers (patient name + IPP + borrowing doctor + reason "consultation de cardiologie") and mortuary
  registers (deceased + service of death) are labelled health data: they place a named person in a care unit.
- Diabetes-education sign-in sheets are health data: attending the programme reveals the disease.
- Patient-property deposit receipts name the depositor but no care unit or condition: personal only.
- Conference abstracts and morbidity-mortality reviews describe unnamed cases: not health; personal only when staff or
  authors are named.

File names hold no identifier. ``generate_only`` writes a corpus without classifying (to inspect the files).
"""

from __future__ import annotations

import csv
import io
import json
import random
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import openpyxl
from faker import Faker
from fpdf import FPDF
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import P
from stdnum import iban, luhn

sys.path.insert(0, str(Path(__file__).resolve().parent))

from holdout_harness import Doc, main

NAME = "holdout8"
DESCRIPTION = (
    "blind holdout 8: long-tail hospital documents (care plans, BMR lists, bed management, HAD orders, oxygen, "
    "transport invoices, Holter, pacemaker, ETP, SMR requests, PMSI errors, archive loans, mortuary, organ donation, "
    "tutelle, PACS worklists, dispensing, faxes, staff vaccination) and near-miss negatives"
)

# ---------------------------------------------------------------------------------------------------------------
# people, numbers, dates


@dataclass(frozen=True, slots=True)
class Person:
    sex: str
    first: str
    last: str
    birth: date
    nir: str


@dataclass(slots=True)
class Ctx:
    root: Path
    rng: random.Random
    fake: Faker

    def out(self, rel: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def pick(self, seq: Sequence[str]) -> str:
        return self.rng.choice(list(seq))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p


MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")  # fmt: skip


def ascii_fold(text: str) -> str:
    """Accents dropped, as many legacy exports do."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def person(ctx: Ctx, min_age: int = 18, max_age: int = 95) -> Person:
    sex = ctx.pick("MF")
    first = ctx.fake.first_name_male() if sex == "M" else ctx.fake.first_name_female()
    birth = date(2025, 6, 1) - timedelta(days=ctx.rng.randint(min_age * 365, max_age * 365))
    dept = ctx.rng.choice([f"{d:02d}" for d in range(1, 96) if d != 20])
    body = f"{1 if sex == 'M' else 2}{birth.year % 100:02d}{birth.month:02d}{dept}{ctx.rng.randint(1, 989):03d}"
    body += f"{ctx.rng.randint(1, 999):03d}"
    nir = body + f"{97 - int(body) % 97:02d}"
    return Person(sex, first, ctx.fake.last_name(), birth, nir)


def pname(ctx: Ctx, p: Person, civ: bool | None = None) -> str:
    """A patient's name in one of the ways French files write it."""
    civility = ("M." if p.sex == "M" else ctx.pick(["Mme", "Mme", "Madame"])) + " "
    style = ctx.rng.randrange(5)
    text = [f"{p.last.upper()} {p.first}", f"{p.first} {p.last.upper()}", f"{p.last} {p.first}",
            f"{p.last.upper()} {p.first.upper()}", f"{p.first} {p.last}"][style]  # fmt: skip
    if civ is None:
        civ = ctx.chance(0.5)
    if civ:
        text = civility + text
    return ascii_fold(text) if ctx.chance(0.3) else text


def staff(ctx: Ctx, title: str | None = None) -> str:
    """A professional's name, often with Dr/Pr."""
    first, last = ctx.fake.first_name(), ctx.fake.last_name()
    title = title if title is not None else ctx.pick(["Dr", "Dr", "Dr.", "Pr", "Docteur"])
    form = ctx.rng.randrange(3)
    name = [f"{first} {last.upper()}", f"{last.upper()}", f"{first[0]}. {last}"][form]
    return f"{title} {name}".strip()


def nurse(ctx: Ctx) -> tuple[str, str]:
    return ctx.fake.first_name(), ctx.fake.last_name()


def fmt_nir(ctx: Ctx, nir: str) -> str:
    style = ctx.rng.randrange(4)
    if style == 0:
        return nir
    if style == 1:
        return f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}"
    if style == 2:
        return f"{nir[:13]} {nir[13:]}"
    return f"{nir[0]}.{nir[1:3]}.{nir[3:5]}.{nir[5:7]}.{nir[7:10]}.{nir[10:13]} / {nir[13:]}"


def fmt_date(ctx: Ctx, d: date) -> str:
    style = ctx.rng.randrange(5)
    if style == 0:
        return d.strftime("%d/%m/%Y")
    if style == 1:
        return d.strftime("%d.%m.%Y")
    if style == 2:
        return d.isoformat()
    if style == 3:
        return d.strftime("%d/%m/%y")
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def recent(ctx: Ctx, days: int = 400) -> date:
    return date(2025, 11, 20) - timedelta(days=ctx.rng.randint(0, days))


def ipp(ctx: Ctx) -> str:
    return ctx.pick(["8", "40", "2"]) + "".join(str(ctx.rng.randint(0, 9)) for _ in range(8))


def nda(ctx: Ctx) -> str:
    return f"{ctx.rng.randint(24, 25)}{ctx.rng.randint(0, 9999999):07d}"


def rpps(ctx: Ctx) -> str:
    body = "10" + "".join(str(ctx.rng.randint(0, 9)) for _ in range(8))
    return body + luhn.calc_check_digit(body)


def finess(ctx: Ctx) -> str:
    body = f"{ctx.rng.randint(1, 95):02d}0" + "".join(str(ctx.rng.randint(0, 9)) for _ in range(5))
    return body + luhn.calc_check_digit(body)


def company_iban(ctx: Ctx) -> str:
    bban = "".join(str(ctx.rng.randint(0, 9)) for _ in range(23))
    number = "FR" + iban.calc_check_digits("FR00" + bban) + bban
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))


def phone(ctx: Ctx, mobile: bool = False) -> str:
    digits = [ctx.pick("67") if mobile else ctx.pick("12345")] + [str(ctx.rng.randint(0, 9)) for _ in range(8)]
    pairs = ["0" + digits[0]] + ["".join(digits[i : i + 2]) for i in range(1, 9, 2)]
    style = ctx.rng.randrange(4)
    if style == 3:
        return "+33 " + digits[0] + " " + " ".join(pairs[1:])
    return [" ", ".", ""][style].join(pairs)


def mail_of(first: str, last: str, domain: str) -> str:
    return f"{ascii_fold(first).lower()}.{ascii_fold(last).lower().replace(' ', '')}@{domain}"


CITIES = ("Amiens", "Angers", "Annecy", "Arras", "Avignon", "Bayonne", "Besançon", "Blois", "Bourges", "Brest",
          "Chambéry", "Cholet", "Colmar", "Dax", "Dieppe", "Épinal", "Évreux", "Laval", "Le Mans", "Lorient",
          "Mâcon", "Metz", "Montauban", "Niort", "Pau", "Périgueux", "Quimper", "Roanne", "Saintes", "Tarbes",
          "Troyes", "Valence", "Vannes", "Vichy")  # fmt: skip


def city(ctx: Ctx) -> str:
    """A real town (Faker's invented ones read like people's names)."""
    return ctx.pick(CITIES)


def hospital(ctx: Ctx) -> tuple[str, str]:
    """(name, mail domain) of a fictional establishment."""
    town = city(ctx)
    kind, short = ctx.rng.choice([("Centre hospitalier", "ch"), ("CHU", "chu"), ("Clinique du Parc", "clinique"),
                                  ("Hôpital", "hopital")])  # fmt: skip
    slug = ascii_fold(town).lower().replace(" ", "-").replace("'", "")
    return f"{kind} de {town}", f"{short}-{slug}.fr"


SERVICES = ("Cardiologie", "Pneumologie", "Gastro-entérologie", "Médecine interne", "Gériatrie", "Néphrologie",
            "Neurologie", "Chirurgie orthopédique", "Chirurgie digestive", "Réanimation polyvalente",
            "Soins de suite et réadaptation", "Oncologie médicale", "Endocrinologie-diabétologie",
            "Maladies infectieuses", "Unité de soins continus", "Court séjour gériatrique")  # fmt: skip
DIAGNOSES = ("insuffisance cardiaque décompensée", "BPCO exacerbée", "pneumopathie d'inhalation",
             "fracture du col du fémur droit opérée", "AVC ischémique sylvien gauche", "diabète de type 2 déséquilibré",
             "cirrhose éthylique Child B", "insuffisance rénale chronique stade 4", "embolie pulmonaire",
             "cancer du poumon non à petites cellules", "démence de type Alzheimer",
             "sepsis à point de départ urinaire",
             "fibrillation auriculaire paroxystique", "syndrome coronarien aigu ST+")  # fmt: skip
DRUGS = ("Lovenox 4000 UI/0,4 mL", "Kardegic 75 mg", "Furosémide 40 mg", "Metformine 1000 mg", "Eliquis 5 mg",
         "Amoxicilline 1 g", "Paracétamol 1 g", "Bisoprolol 2,5 mg", "Insuline Lantus 100 UI/mL", "Tazocilline 4 g",
         "Oxycodone 10 mg LP", "Atorvastatine 40 mg", "Levothyrox 75 µg", "Pantoprazole 40 mg")  # fmt: skip

# ---------------------------------------------------------------------------------------------------------------
# writers: one per format, each takes lines or rows


def _rtf(lines: Sequence[str]) -> str:
    def esc(s: str) -> str:
        out = []
        for ch in s:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) < 128:
                out.append(ch)
            else:
                try:
                    out.append(f"\\'{ch.encode('cp1252')[0]:02x}")
                except UnicodeEncodeError:
                    out.append(f"\\u{ord(ch)}?")
        return "".join(out)

    body = "\\par\n".join(esc(line) for line in lines)
    return "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20 " + body + "\\par\n}"


PDF_SAFE = str.maketrans({"œ": "oe", "\u2019": "'", "\u2013": "-", "€": "EUR"})  # fpdf core fonts are latin-1


def _pdf(path: Path, lines: Sequence[str]) -> None:
    pdf = FPDF()
    pdf.set_creation_date(FIXED_TIME)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in lines:
        safe = line.translate(PDF_SAFE)
        pdf.multi_cell(0, 5, safe.encode("latin-1", "replace").decode("latin-1") or " ", new_x="LMARGIN",
                       new_y="NEXT")  # fmt: skip
    pdf.output(str(path))


def _html(title: str, lines: Sequence[str], rows: Sequence[Sequence[str]] | None = None) -> str:
    parts = [f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{escape(title)}</title></head><body>"]
    parts += [f"<p>{escape(line)}</p>" for line in lines]
    if rows:
        parts.append("<table border='1'>")
        parts.append("<tr>" + "".join(f"<th>{escape(str(c))}</th>" for c in rows[0]) + "</tr>")
        parts += ["<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in r) + "</tr>" for r in rows[1:]]
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


FIXED_TIME = datetime(2025, 11, 20, 9, 0, tzinfo=UTC)  # office formats embed a time: fixed, so a seed gives same bytes


def write_text(ctx: Ctx, stem: str, lines: Sequence[str], fmt: str) -> str:
    """Paragraphs as txt (UTF-8), txt-cp1252, txt-utf16, docx, odt, pdf, rtf or html; returns the relative path."""
    ext = {"txt-cp1252": "txt", "txt-utf16": "txt"}.get(fmt, fmt)
    rel = f"{stem}.{ext}"
    path = ctx.out(rel)
    if fmt == "txt":
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif fmt == "txt-cp1252":
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252", "replace"))
    elif fmt == "txt-utf16":
        path.write_text("\n".join(lines) + "\n", encoding="utf-16")
    elif fmt == "docx":
        d = docx.Document()
        d.core_properties.created = d.core_properties.modified = FIXED_TIME
        for i, line in enumerate(lines):
            d.add_heading(line, level=1) if i == 0 else d.add_paragraph(line)
        d.save(str(path))
    elif fmt == "odt":
        o = OpenDocumentText()
        for line in lines:
            o.text.addElement(P(text=line))
        o.save(str(path))
    elif fmt == "pdf":
        _pdf(path, lines)
    elif fmt == "rtf":
        path.write_text(_rtf(lines), encoding="ascii")
    elif fmt == "html":
        path.write_text(_html(lines[0], lines), encoding="utf-8")
    else:
        raise ValueError(fmt)
    return rel


def table_bytes(rows: Sequence[Sequence[str]], fmt: str) -> bytes:
    """CSV / JSON renderings of a table (the first row is the header) for files and archive members."""
    if fmt.startswith("csv"):
        buf = io.StringIO()
        delimiter = {"csv;": ";", "csv,": ",", "csv-tab": "\t"}[fmt]
        csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
        return buf.getvalue().encode("cp1252" if delimiter == ";" else "utf-8", "replace")
    if fmt == "json":
        header = rows[0]
        return json.dumps([dict(zip(header, r, strict=False)) for r in rows[1:]], ensure_ascii=False,
                          indent=1).encode()  # fmt: skip
    raise ValueError(fmt)


def write_table(ctx: Ctx, stem: str, rows: Sequence[Sequence[str]], fmt: str, preface: Sequence[str] = ()) -> str:
    """A table (first row = header) as csv; csv, csv-tab xml xlsx ods html json pdf docx, title lines above it."""
    ext = {"csv;": "csv", "csv,": "csv", "csv-tab": "csv"}.get(fmt, fmt)
    if fmt == "csv-tab" and ctx.chance(0.5):
        ext = "txt"
    rel = f"{stem}.{ext}"
    path = ctx.out(rel)
    rows = [[str(c) for c in r] for r in rows]
    if fmt.startswith("csv"):
        lead = [[line] for line in preface]
        path.write_bytes(table_bytes([*lead, *rows], fmt) if lead else table_bytes(rows, fmt))
    elif fmt == "json":
        data = {"titre": " / ".join(preface), "lignes": json.loads(table_bytes(rows, "json"))}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    elif fmt == "xml":
        top = ET.Element("export", titre=" / ".join(preface))
        for r in rows[1:]:
            item = ET.SubElement(top, "ligne")
            for name, value in zip(rows[0], r, strict=False):
                ET.SubElement(item, "champ", nom=name).text = value
        ET.ElementTree(top).write(path, encoding="utf-8", xml_declaration=True)
    elif fmt == "xlsx":
        wb = openpyxl.Workbook()
        wb.properties.created = wb.properties.modified = FIXED_TIME
        ws = wb.active
        ws.title = "Export"
        for line in preface:
            ws.append([line])
        for r in rows:
            ws.append(r)
        wb.save(str(path))
    elif fmt == "ods":
        o = OpenDocumentSpreadsheet()
        t = Table(name="Feuille1")
        for r in [[line] for line in preface] + rows:
            tr = TableRow()
            for v in r:
                tc = TableCell(valuetype="string")
                tc.addElement(P(text=v))
                tr.addElement(tc)
            t.addElement(tr)
        o.spreadsheet.addElement(t)
        o.save(str(path))
    elif fmt == "html":
        path.write_text(_html(preface[0] if preface else stem, preface, rows), encoding="utf-8")
    elif fmt == "pdf":
        _pdf(path, [*preface, *(" | ".join(r) for r in rows)])
    elif fmt == "docx":
        d = docx.Document()
        d.core_properties.created = d.core_properties.modified = FIXED_TIME
        for line in preface:
            d.add_paragraph(line)
        tbl = d.add_table(rows=len(rows), cols=len(rows[0]))
        for i, r in enumerate(rows):
            for j, v in enumerate(r):
                tbl.cell(i, j).text = v
        d.save(str(path))
    else:
        raise ValueError(fmt)
    return rel


def write_eml(ctx: Ctx, stem: str, sender: tuple[str, str], to: tuple[str, str], subject: str, body: str) -> str:
    msg = EmailMessage()
    msg["From"] = formataddr(sender)
    msg["To"] = formataddr(to)
    msg["Subject"] = subject
    sent = datetime(2025, 11, 20, 18, 0, tzinfo=UTC) - timedelta(minutes=ctx.rng.randint(60, 400_000))
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = f"<{ctx.rng.getrandbits(64):x}@{sender[1].split('@')[1]}>"
    msg.set_content(body)
    rel = f"{stem}.eml"
    ctx.out(rel).write_bytes(msg.as_bytes())
    return rel


def doc(rel: str, kind: str, health: bool | None, personal: bool | None, ids: set[str],
        optional: set[str] | None = None) -> Doc:  # fmt: skip
    return Doc(rel, kind, health, personal, frozenset(ids), frozenset(optional or ()))


def hospital_header(ctx: Ctx, ids: set[str], with_phone: float = 0.5, with_finess: float = 0.3) -> list[str]:
    """Letterhead lines; adds PHONE / FINESS to ids when it writes a switchboard number or a FINESS."""
    name, _ = hospital(ctx)
    lines = [name, ctx.fake.street_address() + ", " + ctx.fake.postcode() + " " + city(ctx)]
    if ctx.chance(with_phone):
        lines.append(f"Standard : {phone(ctx)}")
        ids.add("PHONE")
    if ctx.chance(with_finess):
        lines.append(f"FINESS {finess(ctx)}")
        ids.add("FINESS")
    return lines


# ---------------------------------------------------------------------------------------------------------------
# positives


def gen_care_plan(ctx: Ctx, i: int) -> Doc:
    kind = "care_plan"
    service = ctx.pick(SERVICES)
    acts = ["Pansement escarre sacrum stade 2 (Mepilex Border)", "Glycémie capillaire avant repas",
            "Injection SC Lovenox 4000 UI", "Surveillance TA / pouls / SpO2", "Aide à la toilette au lit",
            "Prévention chute : barrières la nuit", "Bilan entrées/sorties", "Aérosol Bricanyl x3/j",
            "Changement voie veineuse périphérique", "Évaluation douleur EVA"]  # fmt: skip
    ids = {"PERSON_NAME"}
    if ctx.chance(0.5):  # one patient's plan, labels and values in separate cells
        p = person(ctx, 60, 98)
        preface = [f"PLAN DE SOINS INFIRMIERS - {service}", f"Chambre {ctx.rng.randint(1, 40)} lit {ctx.pick('AB')}"]
        rows = [["Patient", pname(ctx, p)], ["IPP", ipp(ctx)], ["Date de naissance", fmt_date(ctx, p.birth)],
                ["Soin", "Fréquence"]]  # fmt: skip
        rows += [[a, ctx.pick(["8h", "8h-20h", "x3/j", "1/j", "si besoin", "toutes les 4h"])]
                 for a in ctx.rng.sample(acts, 5)]  # fmt: skip
        ids |= {"IPP", "BIRTH_DATE"}
        fmt = ctx.pick(["xlsx", "ods", "csv;", "html"])
    else:  # unit-wide plan
        preface = [f"Plan de soins du {fmt_date(ctx, recent(ctx))} - Unité {service} - équipe de jour"]
        rows = [["Ch.", "Patient", "N° IPP", "Soin prévu", "Heure", "Validé"]]
        for _ in range(ctx.rng.randint(5, 12)):
            p = person(ctx, 50, 98)
            rows.append([str(ctx.rng.randint(1, 30)), pname(ctx, p, civ=False), ipp(ctx), ctx.pick(acts),
                         f"{ctx.rng.randint(6, 22)}h", ctx.pick(["oui", "", "non fait"])])  # fmt: skip
        ids.add("IPP")
        fmt = ctx.pick(["xlsx", "csv;", "csv-tab", "pdf", "json"])
    rel = write_table(ctx, f"Soins/{service[:6]}/plan_soins_{i:03d}", rows, fmt, preface)
    return doc(rel, kind, True, True, ids)


GERMS = ("SARM", "EBLSE (E. coli BLSE)", "Klebsiella pneumoniae BLSE", "EPC OXA-48", "ERG (E. faecium vanA)",
         "Acinetobacter baumannii résistant imipénème", "EPC NDM-1")  # fmt: skip


def gen_bmr_list(ctx: Ctx, i: int) -> Doc:
    rows = [["Nom", "Prénom", "Date de naissance", "IPP", "Germe", "Prélèvement", "Date prélèvement", "Service",
             "Mesures"]]  # fmt: skip
    for _ in range(ctx.rng.randint(4, 15)):
        p = person(ctx, 30, 95)
        last = p.last.upper() if ctx.chance(0.7) else p.last
        rows.append(
            [
                last,
                p.first,
                fmt_date(ctx, p.birth),
                ipp(ctx),
                ctx.pick(GERMS),
                ctx.pick(["écouvillon rectal", "ECBU", "hémoculture", "aspiration bronchique", "nasal"]),
                fmt_date(ctx, recent(ctx, 90)),
                ctx.pick(SERVICES),
                ctx.pick(["précautions contact", "PCC + patient dépisté", "chambre seule", "cohorting"]),
            ]
        )
    preface = ["Équipe opérationnelle d'hygiène - Liste des patients porteurs BMR/BHRe - à diffuser aux cadres"]
    rel = write_table(ctx, f"EOH/alertes/liste_porteurs_{i:03d}", rows, ctx.pick(["xlsx", "csv;", "html", "ods"]),
                      preface)  # fmt: skip
    return doc(rel, "bmr_carrier_list", True, True, {"PERSON_NAME", "BIRTH_DATE", "IPP"})


def gen_bed_occupancy(ctx: Ctx, i: int) -> Doc:
    service = ctx.pick(SERVICES)
    day = recent(ctx)
    rows = [["Service", "Chambre", "Lit", "Patient", "Sexe", "Âge", "Entrée le", "N° séjour", "Sortie prévue",
             "Statut"]]  # fmt: skip
    for room in range(1, ctx.rng.randint(8, 16)):
        if ctx.chance(0.2):
            rows.append([service, str(100 + room), "1", "", "", "", "", "", "", ctx.pick(["Libre", "Bloqué"])])
            continue
        p = person(ctx, 20, 98)
        entered = day - timedelta(days=ctx.rng.randint(0, 20))
        rows.append([service, str(100 + room), "1", pname(ctx, p, civ=False), p.sex, str(2025 - p.birth.year),
                     fmt_date(ctx, entered), nda(ctx), fmt_date(ctx, day + timedelta(days=ctx.rng.randint(0, 6))),
                     "Occupé"])  # fmt: skip
    preface = [f"Gestion des lits - occupation au {fmt_date(ctx, day)} 08h00 - cellule d'ordonnancement"]
    fmt = ctx.pick(["xlsx", "csv;", "pdf", "html", "ods", "xml"])
    rel = write_table(ctx, f"GestionLits/occupation_{i:03d}", rows, fmt, preface)
    return doc(rel, "bed_occupancy", True, True, {"PERSON_NAME", "NDA"})


def gen_had_order(ctx: Ctx, i: int) -> Doc:
    p = person(ctx, 55, 95)
    first, last = nurse(ctx)
    had = f"had-{ascii_fold(city(ctx)).lower().replace(' ', '-')}.fr"
    reason = ctx.pick(["soins palliatifs (cancer du pancréas métastatique)", "pansements complexes d'ulcère veineux",
                       "antibiothérapie IV (ostéite du pied diabétique)", "nutrition parentérale"])  # fmt: skip
    items = ctx.rng.sample(["lit médicalisé 3 fonctions", "matelas à air anti-escarres", "pied à perfusion",
                            "pompe PCA morphine", "pansements Aquacel Ag 10x10 (x20)", "chaise garde-robe",
                            "seringues 50 mL (x30)", "poches de nutrition Olimel N7"], 4)  # fmt: skip
    body = (f"Bonjour,\n\nMerci de livrer au domicile de {pname(ctx, p, civ=True)}, {ctx.fake.street_address()}, "
            f"{ctx.fake.postcode()} {city(ctx)}, patient(e) admis(e) en HAD le {fmt_date(ctx, recent(ctx))} "
            f"pour {reason} :\n" + "\n".join(f"- {x}" for x in items) +
            f"\n\nLivraison souhaitée avant jeudi 12h. Code porte : {ctx.rng.randint(1000, 9999)}.\n\n"
            f"{first} {last}\nIDE coordinatrice HAD\nTél. {phone(ctx, mobile=True)}\n")  # fmt: skip
    rel = write_eml(ctx, f"HAD/commandes/commande_materiel_{i:03d}", (f"{first} {last}", mail_of(first, last, had)),
                    ("Service clients", f"commandes@{ctx.pick(['medipresta', 'santelog', 'bastide-domicile'])}.fr"),
                    "Commande matériel HAD - nouveau patient", body)  # fmt: skip
    return doc(rel, "had_supply_order", True, True, {"PERSON_NAME", "EMAIL", "PHONE"})


def gen_oxygen_letter(ctx: Ctx, i: int) -> Doc:
    p = person(ctx, 50, 92)
    ids = {"PERSON_NAME", "PHONE"}
    doctor = staff(ctx, "Dr")
    lines = [f"{ctx.pick(['OxyDom Santé', 'Air Domicile Assistance', 'Respir+ Prestataire'])} - Agence de "
             f"{city(ctx)}", f"Tél. agence : {phone(ctx)} - astreinte 24h/24",
             f"Le {fmt_date(ctx, recent(ctx))}", f"À l'attention du {doctor}",
             "Objet : mise en place d'une oxygénothérapie de longue durée à domicile",
             f"Patient : {pname(ctx, p, civ=True)}"]  # fmt: skip
    if ctx.chance(0.7):
        lines.append(f"Né(e) le : {fmt_date(ctx, p.birth)}")
        ids.add("BIRTH_DATE")
    if ctx.chance(0.6):
        lines.append(f"N° de sécurité sociale : {fmt_nir(ctx, p.nir)}")
        ids.add("NIR")
    if ctx.chance(0.4):
        lines.append(f"Prescripteur : {doctor}, RPPS {rpps(ctx)}")
        ids.add("RPPS")
    lines += [f"Conformément à votre prescription pour {ctx.pick(['BPCO stade III', 'fibrose pulmonaire', 'insuffisance respiratoire chronique hypoxémique'])}"  # noqa: E501
              f", nous avons installé le {fmt_date(ctx, recent(ctx))} un concentrateur fixe avec un débit de "
              f"{ctx.pick(['1', '1,5', '2', '3'])} L/min, {ctx.pick(['15', '16', '24'])} h/jour, et une bouteille de "
              "déambulation. Dernière gazométrie transmise : PaO2 = 52 mmHg en air ambiant.",
              "Le renouvellement de la prescription est à prévoir dans 3 mois.",
              "Veuillez agréer, Docteur, nos salutations distinguées.", "Le pharmacien responsable"]  # fmt: skip
    rel = write_text(
        ctx, f"Courrier/Prestataires/oxygene_{i:03d}", lines, ctx.pick(["docx", "pdf", "odt", "txt-utf16"])
    )
    return doc(rel, "home_oxygen_letter", True, True, ids)


def gen_transport_invoice(ctx: Ctx, i: int) -> Doc:
    p = person(ctx, 40, 90)
    dest = ctx.pick(["Centre d'hémodialyse", "Service de radiothérapie", "Hôpital de jour d'oncologie",
                     "Consultation de cardiologie"])  # fmt: skip
    company = ctx.pick(["Ambulances du Littoral", "Taxi-VSL Bleu", "Ambulances Saint-Christophe"])
    ids = {"PERSON_NAME", "NIR", "IBAN"}
    lines = [f"{company} - SARL - agréée ARS n° {ctx.rng.randint(100, 999)}",
             f"FACTURE N° {ctx.rng.randint(2025000, 2025999)} - transport assis professionnalisé (VSL)",
             f"Assuré : {pname(ctx, p)}", f"N° d'immatriculation : {fmt_nir(ctx, p.nir)}",
             f"Caisse : CPAM de {city(ctx)}", f"Prescripteur : {staff(ctx)}",
             f"Trajet : domicile -> {dest}, {hospital(ctx)[0]} (aller-retour, {ctx.rng.randint(8, 60)} km)",
             "Transports en série : 3 par semaine (ALD 100 %)",
             f"Dates : {', '.join(fmt_date(ctx, recent(ctx, 30)) for _ in range(3))}",
             f"Montant total : {ctx.rng.randint(80, 600)},{ctx.rng.randint(0, 99):02d} EUR - tiers payant",
             f"Règlement par virement : IBAN {company_iban(ctx)}"]  # fmt: skip
    if ctx.chance(0.5):
        lines.insert(1, f"Tél. {phone(ctx)}")
        ids.add("PHONE")
    rel = write_text(ctx, f"Facturation/Transports/facture_{i:03d}", lines, ctx.pick(["pdf", "docx", "txt-cp1252"]))
    return doc(rel, "transport_invoice", True, True, ids)


def gen_holter(ctx: Ctx, i: int) -> Doc:
    p = person(ctx, 20, 90)
    ids = {"PERSON_NAME"}
    ident = [f"Nom : {p.last.upper()}", f"Prénom : {p.first}"] if ctx.chance(0.5) else [f"Patient : {pname(ctx, p)}"]
    if ctx.chance(0.7):
        ident.append(f"Date de naissance : {fmt_date(ctx, p.birth)}")
        ids.add("BIRTH_DATE")
    if ctx.chance(0.5):
        ident.append(f"IPP : {ipp(ctx)}")
        ids.add("IPP")
    mean = ctx.rng.randint(58, 95)
    lines = ["ENREGISTREMENT HOLTER ECG DES 24 HEURES", *ident,
             f"Date de pose : {fmt_date(ctx, recent(ctx))}", f"Indication : {ctx.pick(['palpitations', 'malaise avec perte de connaissance', 'bilan de FA', 'recherche de pauses'])}",  # noqa: E501
             f"Durée analysable : 23 h {ctx.rng.randint(10, 59)} min",
             f"Rythme de base sinusal. FC moyenne {mean} bpm, minimale {mean - 20} bpm, maximale {mean + 60} bpm.",
             f"ESV : {ctx.rng.randint(0, 3000)} (monomorphes), ESSV : {ctx.rng.randint(0, 500)}.",
             f"{ctx.pick(['Pas de pause > 2,5 s.', 'Pause sinusale maximale 3,1 s nocturne.', 'Accès de FA paroxystique de 40 min.'])}",  # noqa: E501
             "Conclusion : " + ctx.pick(["examen sans particularité", "FA paroxystique, discuter anticoagulation",
                                          "hyperexcitabilité ventriculaire bénigne"]),
             f"{staff(ctx)}, cardiologue"]  # fmt: skip
    rel = write_text(ctx, f"Cardio/Holter/holter_{i:03d}", lines, ctx.pick(["pdf", "docx", "txt-cp1252", "rtf"]))
    return doc(rel, "holter_report", True, True, ids)


def gen_pacemaker_export(ctx: Ctx, i: int) -> Doc:
    rows = [["Nom", "Prénom", "DDN", "Type", "Fabricant", "Modèle", "N° série", "Implantation", "Dernier contrôle",
             "Batterie", "Seuil VD (V)", "% stim. V", "Prochain RDV"]]  # fmt: skip
    for _ in range(ctx.rng.randint(6, 20)):
        p = person(ctx, 55, 98)
        rows.append([p.last.upper(), p.first, p.birth.strftime("%d/%m/%Y"), ctx.pick(["DDD", "VVI", "DAI", "CRT-D"]),
                     ctx.pick(["Medtronic", "Boston Scientific", "Biotronik", "Abbott"]), ctx.pick(["Azure XT", "Edora 8", "Assurity"]),  # noqa: E501
                     f"{ctx.pick('ABCPRX')}{ctx.rng.randint(100000, 999999)}", fmt_date(ctx, recent(ctx, 3000)),
                     fmt_date(ctx, recent(ctx, 200)), f"{ctx.rng.randint(3, 12)} ans", f"{ctx.rng.randint(5, 15) / 10}",
                     f"{ctx.rng.randint(0, 100)} %", fmt_date(ctx, recent(ctx) + timedelta(days=200))])  # fmt: skip
    fmt = ctx.pick(["csv;", "xlsx", "csv,", "zip"])
    if fmt == "zip":
        rel = f"Cardio/Stimulateurs/export_suivi_{i:03d}.zip"
        with zipfile.ZipFile(ctx.out(rel), "w") as z:
            z.writestr("export_patients.csv", table_bytes(rows, "csv;"))
            z.writestr("LISEZMOI.txt", "Export de la base de suivi des prothèses rythmiques. Usage interne.\n")
    else:
        rel = write_table(ctx, f"Cardio/Stimulateurs/export_suivi_{i:03d}", rows, fmt)
    return doc(rel, "pacemaker_clinic_export", True, True, {"PERSON_NAME", "BIRTH_DATE"})


def gen_etp_signin(ctx: Ctx, i: int) -> Doc:
    ids = {"PERSON_NAME"}
    theme = ctx.pick(["Diabète de type 2 - séance 3 : l'alimentation", "Diabète - l'insulinothérapie au quotidien",
                      "Insuffisance cardiaque - surveiller son poids",
                      "Asthme - bien utiliser ses inhalateurs"])  # fmt: skip
    educ = f"{ctx.pick(['IDE', 'Diététicienne'])} : {' '.join(nurse(ctx))}"
    preface = [f"Programme d'éducation thérapeutique du patient (ETP) - {theme}",
               f"Date : {fmt_date(ctx, recent(ctx))} - Salle 2, hôpital de jour", f"Animé par {educ}",
               "Feuille d'émargement des patients"]  # fmt: skip
    with_phone = ctx.chance(0.5)
    rows = [["N°", "Nom", "Prénom", *(["Téléphone"] if with_phone else []), "Signature"]]
    for n in range(1, ctx.rng.randint(5, 11)):
        p = person(ctx, 30, 85)
        rows.append([str(n), p.last.upper(), p.first, *([phone(ctx, mobile=True)] if with_phone else []), ""])
    if with_phone:
        ids.add("PHONE")
    rel = write_table(ctx, f"ETP/emargements/emargement_{i:03d}", rows, ctx.pick(["docx", "xlsx", "pdf", "ods"]),
                      preface)  # fmt: skip
    return doc(rel, "etp_signin_sheet", True, True, ids)


def gen_smr_request(ctx: Ctx, i: int) -> Doc:
    p = person(ctx, 60, 98)
    ids = {"PERSON_NAME", "BIRTH_DATE", "PHONE"}
    doctor = staff(ctx, "Dr")
    lines = ["ViaTrajectoire - Demande d'admission en Soins Médicaux et de Réadaptation (SMR)",
             f"N° de dossier Trajectoire : {ctx.rng.randint(2025, 2025)}-{ctx.rng.randint(100000, 999999)}",
             "IDENTITÉ DU PATIENT", f"Nom de naissance : {p.last.upper()}", f"Prénom : {p.first}",
             f"Date de naissance : {fmt_date(ctx, p.birth)}", f"Sexe : {p.sex}"]  # fmt: skip
    if ctx.chance(0.6):
        lines.append(f"N° de sécurité sociale : {fmt_nir(ctx, p.nir)}")
        ids.add("NIR")
    if ctx.chance(0.6):
        lines.append(f"IPP établissement demandeur : {ipp(ctx)}")
        ids.add("IPP")
    lines += ["ÉTABLISSEMENT DEMANDEUR", f"{hospital(ctx)[0]} - service {ctx.pick(SERVICES)}",
              f"Médecin demandeur : {doctor}", f"Contact service : {phone(ctx)}",
              "VOLET MÉDICAL", f"Motif d'hospitalisation : {ctx.pick(DIAGNOSES)}",
              f"Antécédents : {ctx.pick(DIAGNOSES)}, HTA", "Objectifs du séjour SMR : rééducation à la marche, "
              "reprise d'autonomie, éducation thérapeutique",
              f"Autonomie : GIR {ctx.rng.randint(2, 5)} - transferts avec aide d'une personne",
              f"Soins : {ctx.pick(['pansement de cicatrice', 'oxygène 2 L/min', 'insulinothérapie', 'aucun soin technique'])}",  # noqa: E501
              f"Date d'admission souhaitée : {fmt_date(ctx, recent(ctx))}"]  # fmt: skip
    if ctx.chance(0.3):
        lines.append(f"RPPS du médecin : {rpps(ctx)}")
        ids.add("RPPS")
    # "N° de dossier Trajectoire" is the platform's request number: reporting it as IPP/NDA is no error either way
    optional = {"NDA"} | ({"IPP"} - ids)
    rel = write_text(ctx, f"Social/Trajectoire/demande_smr_{i:03d}", lines, ctx.pick(["pdf", "docx", "html", "odt"]))
    return doc(rel, "smr_admission_request", True, True, ids, optional)


def gen_pmsi_errors(ctx: Ctx, i: int) -> Doc:
    named = ctx.chance(0.35)
    header = ["IPP", "NDA", *(["Nom", "Prénom"] if named else []), "Date entrée", "Date sortie", "UM", "GHM",
              "DP", "Code erreur", "Libellé erreur"]  # fmt: skip
    rows = [header]
    errors = [("E-1003", "DP incompatible avec le sexe"), ("W-0213", "Séjour de 0 jour en hospitalisation complète"),
              ("E-0050", "Date de sortie antérieure à la date d'entrée"),
              ("W-1120", "DAS manquant pour GHM sévérité 3"),
              ("E-0222", "Code acte CCAM invalide : DEQP003")]  # fmt: skip
    for _ in range(ctx.rng.randint(8, 25)):
        entered = recent(ctx, 120)
        code, label = ctx.rng.choice(errors)
        p = person(ctx)
        rows.append([ipp(ctx), nda(ctx), *([p.last.upper(), p.first] if named else []), entered.strftime("%d/%m/%Y"),
                     (entered + timedelta(days=ctx.rng.randint(0, 12))).strftime("%d/%m/%Y"),
                     str(ctx.rng.randint(1000, 9999)), ctx.pick(["05M092", "04M053", "08C483", "11M043", "06K023"]),
                     ctx.pick(["I50.0", "J44.1", "S72.00", "N39.0", "E11.9"]), code, label])  # fmt: skip
    rel = write_table(ctx, f"DIM/controles/erreurs_groupage_{i:03d}", rows, ctx.pick(["csv;", "csv-tab", "xlsx"]),
                      ["Contrôle qualité PMSI MCO - anomalies à corriger avant envoi e-PMSI"])  # fmt: skip
    if named:
        return doc(rel, "pmsi_error_list", True, True, {"IPP", "NDA", "PERSON_NAME"})
    return doc(rel, "pmsi_error_list", False, None, {"IPP", "NDA"})


def gen_archive_loans(ctx: Ctx, i: int) -> Doc:
    rows = [["Date prêt", "N° dossier (IPP)", "Nom patient", "Prénom", "Emprunteur", "Service", "Motif", "Retour"]]
    for _ in range(ctx.rng.randint(6, 18)):
        p = person(ctx)
        service = ctx.pick(SERVICES)
        rows.append([fmt_date(ctx, recent(ctx, 200)), ipp(ctx), p.last.upper(), p.first, staff(ctx, "Dr"), service,
                     ctx.pick([f"Consultation de {service.lower()}", "Réhospitalisation", "Expertise judiciaire",
                               "Demande de communication du dossier"]),
                     ctx.pick(["", fmt_date(ctx, recent(ctx, 30))])])  # fmt: skip
    rel = write_table(ctx, f"Archives/registre_prets_{i:03d}", rows, ctx.pick(["xlsx", "ods", "csv;"]),
                      ["Archives médicales centrales - registre des prêts de dossiers patients"])  # fmt: skip
    return doc(rel, "archive_loan_register", True, True, {"PERSON_NAME", "IPP"})


def gen_mortuary(ctx: Ctx, i: int) -> Doc:
    rows = [["Date/heure décès", "Nom", "Prénom", "Date de naissance", "Service de provenance", "N° séjour",
             "Famille prévenue", "Opérateur funéraire", "Date départ"]]  # fmt: skip
    for _ in range(ctx.rng.randint(4, 12)):
        p = person(ctx, 60, 100)
        d = recent(ctx, 60)
        rows.append([f"{fmt_date(ctx, d)} {ctx.rng.randint(0, 23):02d}h{ctx.rng.randint(0, 59):02d}", p.last.upper(),
                     p.first, fmt_date(ctx, p.birth), ctx.pick(SERVICES), nda(ctx), ctx.pick(["oui", "oui (fils)", "non joignable"]),  # noqa: E501
                     ctx.pick(["PF Roc-Eclerc", "Pompes funèbres municipales", "PF Générales"]),
                     fmt_date(ctx, d + timedelta(days=2))])  # fmt: skip
    rel = write_table(ctx, f"ChambreMortuaire/registre_{i:03d}", rows, ctx.pick(["xlsx", "pdf", "csv;", "docx"]),
                      ["Registre des entrées en chambre mortuaire"])  # fmt: skip
    return doc(rel, "mortuary_register", True, True, {"PERSON_NAME", "BIRTH_DATE", "NDA"})


def gen_organ_donation(ctx: Ctx, i: int) -> Doc:
    p = person(ctx, 18, 75)
    relative = ctx.fake.first_name() + " " + p.last.upper()
    ids = {"PERSON_NAME"}
    lines = ["Coordination hospitalière des prélèvements d'organes et de tissus - note de suivi",
             f"Donneur potentiel : {pname(ctx, p)}, {2025 - p.birth.year} ans"]  # fmt: skip
    if ctx.chance(0.6):
        lines.append(f"IPP : {ipp(ctx)}")
        ids.add("IPP")
    lines += [f"Service : Réanimation polyvalente, lit {ctx.rng.randint(1, 16)}",
              f"Cause du décès : {ctx.pick(['AVC hémorragique', 'traumatisme crânien grave', 'anoxie cérébrale post-arrêt cardiaque'])}",  # noqa: E501
              f"Mort encéphalique constatée le {fmt_date(ctx, recent(ctx))} (2 EEG nuls à 4 h d'intervalle).",
              "Registre national des refus interrogé : non inscrit.",
              f"Entretien avec les proches ({relative}, {ctx.pick(['épouse', 'frère', 'fille', 'père'])}) : pas d'opposition exprimée.",  # noqa: E501
              f"Groupe sanguin {ctx.pick(['A+', 'O+', 'B-', 'AB+'])}, sérologies VIH/VHB/VHC négatives.",
              f"Organes proposés : {ctx.pick(['reins, foie', 'coeur, reins', 'reins, foie, cornées'])}.",
              f"Infirmière coordinatrice : {' '.join(nurse(ctx))}"]  # fmt: skip
    rel = write_text(ctx, f"Coordination/PMO/note_{i:03d}", lines, ctx.pick(["docx", "txt", "txt-utf16", "odt"]))
    return doc(rel, "organ_donation_note", True, True, ids)


def gen_legal_protection(ctx: Ctx, i: int) -> Doc:
    p = person(ctx, 70, 98)
    ids = {"PERSON_NAME", "BIRTH_DATE", "PHONE"}
    social = " ".join(nurse(ctx))
    lines = ["SERVICE SOCIAL HOSPITALIER",
             "Requête aux fins d'ouverture d'une mesure de protection juridique",
             "Juge des contentieux de la protection - Tribunal judiciaire de " + city(ctx),
             f"Personne à protéger : {pname(ctx, p, civ=True)}", f"née le / né le : {fmt_date(ctx, p.birth)}",
             f"Domicile : {ctx.fake.street_address()}, {ctx.fake.postcode()} {city(ctx)}"]  # fmt: skip
    if ctx.chance(0.4):
        lines.append(f"N° sécurité sociale : {fmt_nir(ctx, p.nir)}")
        ids.add("NIR")
    lines += [f"Situation : hospitalisé(e) en {ctx.pick(['court séjour gériatrique', 'SMR', 'psychiatrie'])} depuis le "
              f"{fmt_date(ctx, recent(ctx))}. Troubles cognitifs sévères (MMS {ctx.rng.randint(8, 18)}/30), "
              "maladie d'Alzheimer évoluée, ne peut plus gérer ses comptes.",
              f"Certificat médical circonstancié établi par {staff(ctx, 'Dr')}, médecin inscrit sur la liste du procureur.",  # noqa: E501
              f"Mesure sollicitée : {ctx.pick(['curatelle renforcée', 'tutelle', 'habilitation familiale'])}",
              f"Famille : {ctx.pick(['un fils', 'une nièce', 'aucun proche connu'])}",
              f"Assistante sociale : {social} - tél. {phone(ctx)}"]  # fmt: skip
    rel = write_text(ctx, f"ServiceSocial/protection/requete_{i:03d}", lines, ctx.pick(["docx", "pdf", "odt", "rtf"]))
    return doc(rel, "legal_protection_request", True, True, ids)


EXAMS = (("CT", "SCANNER THORAX INJ"), ("MR", "IRM ENCEPHALE"), ("US", "ECHO ABDO"), ("CR", "RX THORAX F"),
         ("MG", "MAMMO BILAT"), ("MR", "IRM GENOU D"), ("CT", "COROSCANNER"), ("MR", "IRM PROSTATE"))  # fmt: skip


def gen_pacs_worklist(ctx: Ctx, i: int) -> Doc:
    rows = [["AccessionNumber", "PatientID", "PatientName", "PatientBirthDate", "PatientSex", "Modality",
             "RequestedProcedureDescription", "ScheduledStartDate", "ScheduledStationAETitle",
             "ReferringPhysicianName"]]  # fmt: skip
    for _ in range(ctx.rng.randint(8, 25)):
        p = person(ctx, 1, 95)
        rows.append(
            [
                f"A{ctx.rng.randint(10**8, 10**9 - 1)}",
                ipp(ctx),
                f"{ascii_fold(p.last).upper()}^{ascii_fold(p.first).upper()}",
                p.birth.strftime("%Y%m%d"),
                p.sex,
                *ctx.rng.choice(EXAMS),
                recent(ctx, 10).strftime("%Y%m%d"),
                ctx.pick(["CT01", "IRM2", "ECHO3"]),
                f"{ascii_fold(ctx.fake.last_name()).upper()}^{ascii_fold(ctx.fake.first_name()).upper()}",
            ]
        )
    fmt = ctx.pick(["csv,", "csv;", "csv-tab", "xml"])
    rel = write_table(ctx, f"Radiologie/PACS/worklist_{i:03d}", rows, fmt)
    return doc(rel, "pacs_worklist_csv", True, True, {"PERSON_NAME", "BIRTH_DATE", "IPP"})


def gen_dispensing(ctx: Ctx, i: int) -> Doc:
    service = ctx.pick(SERVICES)
    ids = {"PERSON_NAME"}
    with_ipp = ctx.chance(0.5)
    rows = [["Patient", *(["IPP"] if with_ipp else []), "Lit", "Médicament", "Posologie", "Qté délivrée"]]
    for _ in range(ctx.rng.randint(4, 10)):
        name, number, bed = pname(ctx, person(ctx), civ=False), ipp(ctx), str(ctx.rng.randint(1, 30))
        for drug in ctx.rng.sample(DRUGS, ctx.rng.randint(1, 3)):
            rows.append([name, *([number] if with_ipp else []), bed, drug,
                         ctx.pick(["1-0-1", "1 cp le matin", "x3/j", "1 inj SC/j", "selon glycémie"]),
                         str(ctx.rng.randint(1, 28))])  # fmt: skip
    if with_ipp:
        ids.add("IPP")
    pharmacist = staff(ctx, ctx.pick(["Dr", ""]))
    preface = [f"PUI - Dispensation nominative journalière - UF {ctx.rng.randint(1000, 9999)} {service}",
               f"Validation pharmaceutique : {pharmacist}, pharmacien"]  # fmt: skip
    rel = write_table(ctx, f"Pharmacie/DJIN/dispensation_{i:03d}", rows, ctx.pick(["xlsx", "pdf", "csv;", "html"]),
                      preface)  # fmt: skip
    return doc(rel, "nominative_dispensing", True, True, ids)


def _ocr_noise(ctx: Ctx, text: str) -> str:
    """OCR-like swaps in running text (identifier lines are left intact by the caller)."""
    swaps = {"e": "c", "l": "1", "o": "0", "rn": "m", "é": "e"}
    for a, b in swaps.items():
        if ctx.chance(0.5):
            text = text.replace(a, b, 1)
    return text


def gen_gp_fax(ctx: Ctx, i: int) -> Doc:
    p = person(ctx, 18, 95)
    ids = {"PERSON_NAME", "PHONE"}
    gp_first, gp_last = ctx.fake.first_name(), ctx.fake.last_name()
    stamp = f"{fmt_date(ctx, recent(ctx))} {ctx.rng.randint(8, 19):02d}:{ctx.rng.randint(0, 59):02d}"
    lines = [f"FAX DU {stamp}   DE : {phone(ctx)}   P.001/001",
             f"Docteur {gp_first} {gp_last.upper()}", "Médecine générale", f"{ctx.fake.street_address()}",
             f"Tél : {phone(ctx)}"]  # fmt: skip
    if ctx.chance(0.4):
        lines.append(f"N° RPPS {rpps(ctx)}")
        ids.add("RPPS")
    specialty = ctx.pick(["cardiologie", "pneumologie", "gastro-entérologie", "neurologie", "rhumatologie"])
    lines += [f"A l'attention du secrétariat de {specialty}", "Cher confrère,",
              f"Je vous adresse {pname(ctx, p, civ=True)}"]  # fmt: skip
    if ctx.chance(0.6):
        lines.append(f"né(e) le {fmt_date(ctx, p.birth)}")
        ids.add("BIRTH_DATE")
    if ctx.chance(0.3):
        lines.append(f"NSS {fmt_nir(ctx, p.nir)}")
        ids.add("NIR")
    lines += [_ocr_noise(ctx, f"pour avis en {specialty} concernant {ctx.pick(['une dyspnée d effort récente', 'des douleurs thoraciques atypiques', 'une anémie ferriprive', 'des céphalées inhabituelles'])}."),  # noqa: E501
              _ocr_noise(ctx, f"Antécédents : {ctx.pick(DIAGNOSES)}. Traitement : {ctx.pick(DRUGS)}, "
                              f"{ctx.pick(DRUGS)}."),
              _ocr_noise(ctx, "Merci de lui proposer un rendez-vous rapide. Bien confraternellement.")]  # fmt: skip
    rel = write_text(ctx, f"Secretariat/Fax_recus/fax_{i:03d}", lines, "pdf")
    return doc(rel, "gp_referral_fax", True, True, ids)


def gen_staff_vaccination(ctx: Ctx, i: int) -> Doc:
    rows = [["Matricule", "Nom", "Prénom", "Service", "Fonction", "Date vaccination", "Vaccin / lot",
             "Contre-indication / refus", "Effet indésirable"]]  # fmt: skip
    for _ in range(ctx.rng.randint(8, 25)):
        first, last = nurse(ctx)
        done = ctx.chance(0.7)
        rows.append([str(ctx.rng.randint(10000, 99999)), last.upper(), first, ctx.pick(SERVICES),
                     ctx.pick(["IDE", "AS", "ASH", "Médecin", "Interne", "Kiné"]),
                     fmt_date(ctx, recent(ctx, 60)) if done else "",
                     f"Vaxigrip Tetra {ctx.pick('ABCDE')}{ctx.rng.randint(1000, 9999)}" if done else "",
                     "" if done else ctx.pick(["refus", "allergie à l'oeuf", "grossesse 1er trimestre", "Guillain-Barré (ATCD)"]),  # noqa: E501
                     ctx.pick(["", "", "douleur au point d'injection", "fébricule 24 h"]) if done else ""])  # fmt: skip
    rel = write_table(ctx, f"SanteTravail/campagne_grippe_{i:03d}", rows, ctx.pick(["xlsx", "ods", "csv;"]),
                      ["Service de santé au travail - campagne de vaccination antigrippale 2025-2026"])  # fmt: skip
    return doc(rel, "staff_vaccination_campaign", True, True, {"PERSON_NAME"})


# ---------------------------------------------------------------------------------------------------------------
# negatives and near-misses


def gen_property_deposit(ctx: Ctx, i: int) -> Doc:
    p = person(ctx)
    ids = {"PERSON_NAME"}
    objects = ["carte bancaire", f"{ctx.rng.randint(5, 300)} EUR en espèces", "alliance en or jaune", "montre",
               "téléphone portable", "chéquier", "clés (trousseau de 4)"]  # fmt: skip
    lines = ["Régie des dépôts - reçu de dépôt de valeurs et objets",
             f"Reçu n° {ctx.rng.randint(10000, 99999)} du {fmt_date(ctx, recent(ctx))}",
             f"Déposant : {pname(ctx, p, civ=True)}"]  # fmt: skip
    if ctx.chance(0.5):
        lines.append(f"Date de naissance : {fmt_date(ctx, p.birth)}")
        ids.add("BIRTH_DATE")
    lines += [f"Adresse : {ctx.fake.street_address()}, {ctx.fake.postcode()} {city(ctx)}",
              "Objets déposés : " + ", ".join(ctx.rng.sample(objects, 3)),
              f"Agent de la régie : {' '.join(nurse(ctx))}", "Signature du déposant :",
              "Les objets sont restitués sur présentation de ce reçu et d'une pièce d'identité."]  # fmt: skip
    rel = write_text(ctx, f"Regie/depots/recu_{i:03d}", lines, ctx.pick(["pdf", "docx", "txt-cp1252"]))
    return doc(rel, "property_deposit_receipt", False, True, ids)


def gen_rmm_review(ctx: Ctx, i: int) -> Doc:
    ids: set[str] = set()
    service = ctx.pick(SERVICES)
    lines = [f"Revue de morbi-mortalité (RMM) - {service}", f"Séance du {fmt_date(ctx, recent(ctx))}",
             "Cas présentés de façon anonyme ; aucune donnée nominative ne doit figurer sur ce support."]  # fmt: skip
    named = ctx.chance(0.6)
    if named:
        lines.append(
            "Présents : " + ", ".join(staff(ctx, "Dr") for _ in range(3)) + f", {' '.join(nurse(ctx))} (cadre)"
        )
        ids.add("PERSON_NAME")
    for n in range(1, ctx.rng.randint(2, 4)):
        lines += [f"Cas n°{n} : {ctx.pick(['patiente', 'patient'])} de {ctx.rng.randint(40, 92)} ans, admis(e) pour "
                  f"{ctx.pick(DIAGNOSES)}. Événement : {ctx.pick(['retard de diagnostic', 'erreur de dose d anticoagulant', 'chute nocturne avec fracture', 'extubation non programmée'])}.",  # noqa: E501
                  "Analyse ALARM : facteurs liés à l'équipe (transmissions), à l'environnement (effectif de nuit).",
                  "Actions : check-list de transmission, rappel du protocole."]  # fmt: skip
    rel = write_text(ctx, f"Qualite/RMM/rmm_{i:03d}", lines, ctx.pick(["docx", "pdf", "odt", "txt", "txt-utf16"]))
    return doc(rel, "mm_review_anonymised", False, named, ids)


def gen_budget(ctx: Ctx, i: int) -> Doc:
    ids: set[str] = set()
    pole = ctx.pick(["Médecine", "Chirurgie", "Médico-technique"])
    preface = [f"EPRD {ctx.pick(['2025', '2026'])} - Suivi budgétaire - pôle {pole}"]
    if ctx.chance(0.4):
        preface.append(f"Établissement FINESS {finess(ctx)}")
        ids.add("FINESS")
    rows = [["Compte", "Libellé", "Budget prévisionnel", "Réalisé", "Écart", "%"]]
    for code, label in [("6021", "Produits pharmaceutiques"), ("6022", "Fournitures médicales"),
                        ("6066", "Fournitures hôtelières"), ("6111", "Sous-traitance laboratoire"),
                        ("6215", "Personnel intérimaire médical"), ("6152", "Entretien et réparations"),
                        ("7311", "Produits de l'activité (T2A)"), ("7471", "Dotations MIGAC")]:  # fmt: skip
        b = ctx.rng.randint(10_000, 5_000_000)
        r = int(b * ctx.rng.uniform(0.7, 1.2))
        rows.append([code, label, f"{b:,}".replace(",", " "), f"{r:,}".replace(",", " "),
                     f"{r - b:,}".replace(",", " "), f"{100 * r / b:.1f}"])  # fmt: skip
    rel = write_table(ctx, f"Finances/budget_{i:03d}", rows, ctx.pick(["xlsx", "ods", "csv;"]), preface)
    return doc(rel, "budget_spreadsheet", False, False, ids)


def gen_tender(ctx: Ctx, i: int) -> Doc:
    ids: set[str] = set()
    name, domain = hospital(ctx)
    lines = [f"{name} - Direction des achats et de la logistique",
             f"Marché public n° {ctx.rng.randint(2025, 2026)}-{ctx.rng.randint(10, 99)} - appel d'offres ouvert",
             f"Objet : fourniture de {ctx.pick(['pousse-seringues électriques', 'lits médicalisés', 'consommables de dialyse', 'gants d examen nitrile'])}",  # noqa: E501
             "Lot 1 : matériel - Lot 2 : maintenance sur 4 ans",
             "Critères de jugement : valeur technique 50 %, prix 40 %, performance environnementale 10 %",
             f"Date limite de remise des offres : {fmt_date(ctx, recent(ctx))} à 12h00, plateforme PLACE"]  # fmt: skip
    if ctx.chance(0.6):
        lines.append(f"Renseignements : achats@{domain} - standard {phone(ctx)}")
        ids |= {"EMAIL", "PHONE"}
    if ctx.chance(0.4):
        lines.append(f"Pouvoir adjudicateur - FINESS juridique {finess(ctx)}")
        ids.add("FINESS")
    rel = write_text(ctx, f"Achats/marches/dce_{i:03d}", lines, ctx.pick(["pdf", "docx", "odt"]))
    return doc(rel, "procurement_tender", False, False, ids)


def gen_device_recall(ctx: Ctx, i: int) -> Doc:
    _, domain = hospital(ctx)
    device = ctx.pick(["Pompe à perfusion volumétrique", "Cathéter veineux central 3 voies", "Set de transfusion",
                       "Défibrillateur externe automatisé"])  # fmt: skip
    lots = ", ".join(f"{ctx.pick('LKM')}{ctx.rng.randint(100000, 999999)}" for _ in range(ctx.rng.randint(2, 6)))
    body = (
        f"AVIS DE SÉCURITÉ URGENT - RAPPEL DE LOTS\n\nDispositif : {device}, REF {ctx.rng.randint(1000, 9999)}-"
        f"{ctx.rng.randint(10, 99)}\nLots concernés : {lots}\nMotif : risque de {ctx.pick(['fuite au niveau du connecteur', 'alarme d occlusion non déclenchée', 'rupture du guide'])}.\n"  # noqa: E501
        "Action : isoler les lots, compléter le formulaire de réponse client, retour au fabricant.\n"
        "Aucun incident patient n'a été signalé à ce jour dans l'établissement.\n\nCellule de matériovigilance\n"
    )
    ids = {"EMAIL"}
    if ctx.chance(0.5):
        body += f"Tél. {phone(ctx)} (poste de la pharmacie)\n"
        ids.add("PHONE")
    if ctx.chance(0.5):
        rel = write_eml(ctx, f"Pharmacie/Materiovigilance/rappel_{i:03d}",
                        ("Matériovigilance", f"materiovigilance@{domain}"), ("Cadres de santé", f"cadres@{domain}"),
                        f"Rappel de lots - {device}", body)  # fmt: skip
    else:
        body += f"Contact : materiovigilance@{domain}\n"
        rel = write_text(
            ctx, f"Pharmacie/Materiovigilance/rappel_{i:03d}", body.splitlines(), ctx.pick(["pdf", "docx"])
        )
    return doc(rel, "device_recall_notice", False, False, ids)


def gen_shift_swap(ctx: Ctx, i: int) -> Doc:
    a_first, a_last = nurse(ctx)
    b_first, b_last = nurse(ctx)
    _, domain = hospital(ctx)
    mobile = phone(ctx, mobile=True)
    day, other = ctx.rng.randint(1, 28), ctx.rng.randint(1, 28)
    boss = ctx.pick(["la cadre", "Mme " + ctx.fake.last_name().upper(), "le planning"])
    body = ctx.pick([
        f"Coucou {b_first},\n\nEst-ce que tu serais d'accord pour échanger ton matin du {day} contre ma nuit du "
        f"{other} ? J'ai un mariage ce week-end là. Si c'est ok je préviens {boss} et je modifie sur Gesform.\n\n"
        f"Tu peux me répondre par SMS au {mobile}.\n\nMerci !!\n{a_first}\n",
        f"Bonjour {b_first},\n\nComme convenu en salle de pause, je te prends ton après-midi du {day} et tu me prends "
        f"mon matin du {other}. Je mets {boss} au courant. Mon portable si besoin : {mobile}\n\nBonne journée,\n"
        f"{a_first} {a_last.upper()}\nIDE - 3e étage\n",
        f"Salut,\n\nok pour moi pour le {day} ! par contre je ne peux pas le {other}, j'ai la crèche. Tu peux "
        f"m'appeler ce soir au {mobile}.\n\n{a_first}\n",
    ])  # fmt: skip
    if ctx.chance(0.3):  # written from home
        domain = ctx.pick(["gmail.com", "orange.fr", "free.fr"])
    rel = write_eml(ctx, f"Mails/echange_planning_{i:03d}", (f"{a_first} {a_last}", mail_of(a_first, a_last, domain)),
                    (f"{b_first} {b_last}", mail_of(b_first, b_last, domain)), "Echange de garde ?", body)  # fmt: skip
    return doc(rel, "shift_swap_email", False, True, {"PERSON_NAME", "EMAIL", "PHONE"})


def gen_abstract(ctx: Ctx, i: int) -> Doc:
    authors = [(ctx.fake.last_name(), ctx.fake.first_name()) for _ in range(ctx.rng.randint(2, 5))]
    _, domain = hospital(ctx)
    ids = {"PERSON_NAME"}
    lines = [f"{ctx.pick(['Journées Françaises de Cardiologie', 'Congrès de la SPLF', 'JFHOD', 'Congrès SFAR'])} - résumé P-{ctx.rng.randint(10, 400)}",  # noqa: E501
             f"{ctx.pick(['Syndrome de Takotsubo', 'Pneumopathie organisée', 'Colite ischémique', 'Thrombose veineuse cérébrale'])} : à propos de {ctx.rng.randint(3, 12)} cas",  # noqa: E501
             ", ".join(f"{last} {first[0]}." for last, first in authors),
             "Service de médecine, " + hospital(ctx)[0],
             f"Introduction : pathologie rare, {ctx.rng.randint(1, 5)} % des admissions.",
             f"Cas 1 : femme de {ctx.rng.randint(30, 85)} ans, douleur thoracique, troponine à {ctx.rng.randint(50, 900)} ng/L.",  # noqa: E501
             f"Cas 2 : homme de {ctx.rng.randint(30, 85)} ans, évolution favorable sous traitement.",
             "Conclusion : diagnostic à évoquer devant ce tableau.",
             "Les auteurs déclarent n'avoir aucun lien d'intérêt."]  # fmt: skip
    if ctx.chance(0.5):
        last, first = authors[0]
        lines.append(f"Auteur correspondant : {mail_of(first, last, domain)}")
        ids.add("EMAIL")
    rel = write_text(ctx, f"Recherche/congres/resume_{i:03d}", lines, ctx.pick(["docx", "pdf", "txt", "odt"]))
    return doc(rel, "conference_abstract", False, True, ids)


def gen_blank_form(ctx: Ctx, i: int) -> Doc:
    ids: set[str] = set()
    title = ctx.pick(["Demande d'admission en SMR - formulaire papier de secours",
                      "Prescription d'oxygénothérapie à domicile (modèle)", "Plan de soins infirmiers - trame vierge",
                      "Reçu de dépôt de valeurs - modèle", "Demande de prêt de dossier médical"])  # fmt: skip
    lines = [title, *hospital_header(ctx, ids, with_phone=0.4, with_finess=0.2),
             "Nom : ______________________   Prénom : ______________________",
             "Date de naissance : __ / __ / ____", "N° de sécurité sociale : |_|_|_|_|_|_|_|_|_|_|_|_|_| |_|_|",
             "IPP : ____________", "Service : ____________   Médecin : Dr ____________",
             "Motif / diagnostic : ______________________________________________",
             "Signature et cachet :"]  # fmt: skip
    rel = write_text(ctx, f"Modeles/formulaire_vierge_{i:03d}", lines, ctx.pick(["docx", "pdf", "odt", "rtf", "html"]))
    return doc(rel, "blank_form", False, False, ids)


def gen_activity_stats(ctx: Ctx, i: int) -> Doc:
    variant = ctx.rng.randrange(3)
    if variant == 0:
        rows = [["Service", "Lits installés", "Journées", "Taux d'occupation %", "DMS (j)"]]
        rows += [[s, str(ctx.rng.randint(10, 40)), str(ctx.rng.randint(2000, 12000)), f"{ctx.rng.uniform(70, 104):.1f}",
                  f"{ctx.rng.uniform(3, 14):.1f}"] for s in ctx.rng.sample(SERVICES, 6)]  # fmt: skip
        title = "Taux d'occupation des lits par service - année 2024"
    elif variant == 1:
        rows = [["Germe", "Nouveaux cas", "Dont acquis", "Densité d'incidence /1000 JH"]]
        for germ in GERMS:
            new = ctx.rng.randint(0, 60)
            rows.append([germ, str(new), str(ctx.rng.randint(0, new)), f"{ctx.rng.uniform(0, 1.5):.2f}"])
        title = "Bilan annuel BMR/BHRe - CLIN - données agrégées"
    else:
        rows = [["Activité", "2023", "2024", "Évolution"]]
        for a in ("Primo-implantations PM", "Changements de boîtier", "Contrôles en consultation",
                  "Télésurveillance (patients suivis)"):  # fmt: skip
            x, y = ctx.rng.randint(50, 900), ctx.rng.randint(50, 900)
            rows.append([a, str(x), str(y), f"{100 * (y - x) / x:+.0f} %"])
        title = "Rythmologie - rapport d'activité (sans données nominatives)"
    rel = write_table(ctx, f"Pilotage/stats_{i:03d}", rows, ctx.pick(["xlsx", "csv;", "xml", "pdf", "json"]), [title])
    return doc(rel, "activity_statistics", False, False, set())


def gen_etp_flyer(ctx: Ctx, i: int) -> Doc:
    _, domain = hospital(ctx)
    ids = {"PHONE", "EMAIL"}
    lines = [f"Vivre avec {ctx.pick(['son diabète', 'une insuffisance cardiaque', 'une BPCO', 'un asthme'])} : programme d'éducation thérapeutique",  # noqa: E501
             "Programme autorisé par l'ARS. Ateliers collectifs de 2 heures : comprendre la maladie, les traitements, "
             "l'alimentation, l'activité physique.", "Pour qui ? Toute personne concernée et ses proches.",
             f"Inscriptions : secrétariat de l'hôpital de jour, {phone(ctx)}, etp@{domain}",
             "Participation gratuite, sur orientation de votre médecin traitant."]  # fmt: skip
    rel = write_text(ctx, f"Communication/flyers/etp_{i:03d}", lines, ctx.pick(["pdf", "html", "docx"]))
    return doc(rel, "etp_flyer", False, False, ids)


GENERATORS: tuple[tuple[Callable[[Ctx, int], Doc], int], ...] = (
    (gen_care_plan, 9), (gen_bmr_list, 8), (gen_bed_occupancy, 8), (gen_had_order, 8), (gen_oxygen_letter, 8),
    (gen_transport_invoice, 8), (gen_holter, 9), (gen_pacemaker_export, 8), (gen_etp_signin, 8),
    (gen_smr_request, 8), (gen_pmsi_errors, 10), (gen_archive_loans, 7), (gen_mortuary, 7),
    (gen_organ_donation, 7), (gen_legal_protection, 8), (gen_pacs_worklist, 8), (gen_dispensing, 8),
    (gen_gp_fax, 9), (gen_staff_vaccination, 7),
    (gen_property_deposit, 10), (gen_rmm_review, 10), (gen_budget, 9), (gen_tender, 10), (gen_device_recall, 10),
    (gen_shift_swap, 10), (gen_abstract, 10), (gen_blank_form, 10), (gen_activity_stats, 10), (gen_etp_flyer, 8),
)  # fmt: skip


def generate(root: Path, rng: random.Random, seed: int) -> list[Doc]:
    """Write every generator's files under root; deterministic for a seed."""
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    ctx = Ctx(root, rng, fake)
    return [gen(ctx, i) for gen, count in GENERATORS for i in range(count)]


def generate_only(root: Path, seed: int) -> list[Doc]:
    """The corpus of a seed without classifying it (to open the files and check the labels)."""
    root.mkdir(parents=True, exist_ok=True)
    return generate(root, random.Random(seed), seed)


if __name__ == "__main__":
    raise SystemExit(main(NAME, DESCRIPTION, generate))

"""An independent holdout corpus for the classifier, written blind to its rules and to bench/corpus.py.

    python bench/holdout.py [--seed S] [--markdown] [--why]

bench/quality.py scores the classifier on a corpus written by the same team as the classifier, so a perfect score
there proves little. This script writes ~200 fictional files the way French hospital staff, secretaries, lab
systems and HR write them (letters with and without headings, "Concerne :" lines, ages instead of birth dates,
NIRs as "N° SS" or "immatriculation", CSV headers in varied spellings, HL7 v2, FHIR, HPRIM, DOCX, XLSX, PDF) plus
negatives and near-misses (payroll, invoices, inventories, IT logs, guidelines, a teaching case, blank forms, a
switchboard list), classifies each file as the processor would, and scores the verdicts against the labels.

Labels: an identifier type is expected when a value of that type was planted; ``personal_data`` when a value
identifies a person (anything but FINESS; a service switchboard number or a generic mailbox is not a person);
``health_data`` when an identifiable patient meets health content, or a health format carries a patient. A type in
a file's ``tolerated`` set is scored neither way (e.g. a NIR reported where the value was planted as an INS, or a
letterhead switchboard number). Output never shows a clear identifier: file names, booleans and type names only.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import random
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from faker import Faker
from results import write_section
from scoring import Confusion, file_event
from stdnum import luhn
from stdnum.fr import nir as stdnir

TYPES = ("NIR", "INS", "IPP", "NDA", "RPPS", "FINESS", "IBAN", "EMAIL", "PHONE", "PERSON_NAME", "BIRTH_DATE")
AGENT = "bench-holdout"
KEY = b"k" * 32
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


# --------------------------------------------------------------------------------------------------- labels


@dataclass(slots=True)
class Doc:
    """One file to write and what a perfect classifier should say about it."""

    name: str
    data: bytes
    health: bool
    personal: bool
    ids: set[str]
    tolerated: set[str] = field(default_factory=set)
    secrets: list[str] = field(default_factory=list)  # clear values that must never appear in a verdict
    family: str = ""

    def with_table(self, rows: list[list[str]], v: Values) -> Doc:
        """Fill ``data`` with a table in the format the file name asks for (xlsx, else CSV, random delimiter)."""
        self.data = _xlsx(rows) if self.name.endswith(".xlsx") else _csv(rows, v.pick(";", ",", "\t"))
        return self


# --------------------------------------------------------------------------------------------------- fictional values


class Values:
    """Fictional but well-formed French identifiers and identities from one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(seed)

    def pick(self, *options: Any) -> Any:
        return self.rng.choice(options)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def digits(self, n: int) -> str:
        return "".join(str(self.rng.randrange(10)) for _ in range(n))

    def nir(self, sex: int, born: date, bad_key: bool = False) -> str:
        dept = self.pick(
            *[f"{d:02d}" for d in (1, 6, 13, 14, 31, 33, 35, 44, 59, 67, 69, 75, 92, 93, 94)], "2A", "2B", "99"
        )
        commune = self.digits(3) if dept != "99" else self.pick("100", "134", "350", "352")
        body = f"{sex}{born.year % 100:02d}{born.month:02d}{dept}{commune}{self.rng.randrange(1, 999):03d}"
        key = stdnir.calc_check_digits(body)
        if bad_key:
            key = f"{(int(key) + self.rng.randrange(1, 96)) % 97 or 1:02d}"
        return body + key

    def nir_text(self, value: str) -> str:
        """The many ways staff type a NIR."""
        v = value
        style = self.rng.randrange(7)
        if style == 0:
            return v
        if style == 6:  # one space between every digit, as some forms print it
            return " ".join(v)
        if style == 1:
            return f"{v[0]} {v[1:3]} {v[3:5]} {v[5:7]} {v[7:10]} {v[10:13]} {v[13:]}"
        if style == 2:
            return f"{v[:13]} {v[13:]}"
        if style == 3:
            return f"{v[0]}.{v[1:3]}.{v[3:5]}.{v[5:7]}.{v[7:10]}.{v[10:13]}.{v[13:]}"
        if style == 4:
            return f"{v[:13]}/{v[13:]}"
        return f"{v[0]} {v[1:3]} {v[3:5]} {v[5:7]} {v[7:10]} {v[10:13]} - {v[13:]}"

    def rpps(self) -> str:
        body = "10" + self.digits(8)
        return body + luhn.calc_check_digit(body)

    def finess(self) -> str:
        body = self.pick("75", "69", "13", "33", "59", "31", "44", "67") + "0" + self.digits(5)
        return body + luhn.calc_check_digit(body)

    def iban(self) -> str:
        value = self.fake.iban()
        return value if value.startswith("FR") else self.iban()

    def iban_text(self, value: str) -> str:
        return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if self.chance(0.7) else value

    def phone(self, mobile: bool | None = None) -> str:
        first = self.pick("6", "7") if (mobile if mobile is not None else self.chance(0.6)) else self.pick(*"12345")
        d = first + self.digits(8)
        style = self.rng.randrange(5)
        pairs = [d[1:3], d[3:5], d[5:7], d[7:9]]
        if style == 0:
            return "0" + d[0] + " " + " ".join(pairs)
        if style == 1:
            return "0" + d[0] + "." + ".".join(pairs)
        if style == 2:
            return "0" + d
        if style == 3:
            return "+33 " + d[0] + " " + " ".join(pairs)
        return "0" + d[0] + "-" + "-".join(pairs)

    def ipp(self) -> str:
        return self.pick("8" + self.digits(9), self.digits(8), "00" + self.digits(6), self.digits(7))

    def nda(self) -> str:
        return self.pick(self.digits(9), "2" + self.digits(9), "V" + self.digits(8), self.digits(10))

    def birth(self, low: int = 1930, high: int = 2005) -> date:
        return date(self.rng.randrange(low, high), 1, 1) + timedelta(days=self.rng.randrange(365))

    def date_text(self, d: date) -> str:
        style = self.rng.randrange(6)
        if style == 0:
            return d.strftime("%d/%m/%Y")
        if style == 1:
            return d.strftime("%d.%m.%Y")
        if style == 2:
            return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
        if style == 3:
            return d.strftime("%d/%m/%y")
        if style == 4:
            return d.strftime("%d-%m-%Y")
        return d.isoformat()

    def recent(self) -> date:
        return date(2026, 11, 30) - timedelta(days=self.rng.randrange(1, 900))

    def person(self, born_low: int = 1930, born_high: int = 2005) -> Person:
        sex = self.rng.choice((1, 2))
        first = self.fake.first_name_male() if sex == 1 else self.fake.first_name_female()
        born = self.birth(born_low, born_high)
        return Person(
            sex=sex,
            first=first,
            last=self.fake.last_name(),
            born=born,
            nir=self.nir(sex, born),
            ipp=self.ipp(),
            nda=self.nda(),
            phone=self.phone(),
            email="",
            values=self,
        )

    def doctor(self) -> str:
        return f"Dr {self.pick(self.fake.first_name(), self.fake.first_name()[0] + '.')} {self.fake.last_name()}"


@dataclass(slots=True)
class Person:
    sex: int
    first: str
    last: str
    born: date
    nir: str
    ipp: str
    nda: str
    phone: str
    email: str
    values: Values

    @property
    def age(self) -> int:
        return (date(2026, 11, 30) - self.born).days // 365

    @property
    def civ(self) -> str:
        return self.values.pick("M.", "Monsieur") if self.sex == 1 else self.values.pick("Mme", "Madame")

    def full(self) -> str:
        v = self.values
        return v.pick(
            f"{self.civ} {self.last.upper()} {self.first}",
            f"{self.civ} {self.first} {self.last.upper()}",
            f"{self.civ} {self.first} {self.last}",
            f"{self.last.upper()} {self.first}",
        )

    def mail(self) -> str:
        if not self.email:
            norm = f"{self.first}.{self.last}".lower().replace(" ", "")
            for a, b in (("é", "e"), ("è", "e"), ("ë", "e"), ("ï", "i"), ("ç", "c"), ("'", ""), ("ô", "o")):
                norm = norm.replace(a, b)
            self.email = f"{norm}{self.values.pick('', '', str(self.born.year % 100))}@" + self.values.pick(
                "gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr", "sfr.fr"
            )
        return self.email


# --------------------------------------------------------------------------------------------------- file writers


def _txt(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding, "replace")


def _csv(rows: list[list[str]], delimiter: str) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8-sig" if delimiter == ";" else "utf-8")


def _docx(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    from docx import Document

    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    if table:
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _xlsx(rows: list[list[Any]], title: str = "Feuil1") -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    safe = (
        text.replace("\u2019", "'")
        .replace("œ", "oe")
        .replace("…", "...")
        .encode("latin-1", "replace")
        .decode("latin-1")
    )
    pdf.multi_cell(0, 5, safe)
    return bytes(pdf.output())


# --------------------------------------------------------------------------------------------------- letters

HOSPITALS = (
    "Centre Hospitalier de Valmont",
    "CHU de Saint-Aubin",
    "Hôpital Sainte-Claire",
    "CH Intercommunal du Val",
    "Clinique des Tilleuls",
)
REASONS = (
    (
        "une dyspnée d'effort évoluant depuis trois mois",
        "Insuffisance cardiaque à FEVG altérée (35 %)",
        "Bisoprolol 2,5 mg le matin, ramipril 2,5 mg x2/j, furosémide 40 mg le matin",
    ),
    (
        "un déséquilibre de son diabète de type 2 (HbA1c à 9,2 %)",
        "Diabète de type 2 déséquilibré",
        "Metformine 1000 mg matin et soir, introduction d'insuline glargine 10 UI le soir",
    ),
    (
        "des douleurs thoraciques atypiques",
        "Douleur thoracique non coronarienne, troponine négative à H0 et H3",
        "Paracétamol 1 g x3/j si douleur",
    ),
    (
        "une chute à domicile avec traumatisme du poignet droit",
        "Fracture de l'extrémité distale du radius droit",
        "Immobilisation par résine 6 semaines, tramadol 50 mg si besoin",
    ),
    ("le suivi d'une BPCO stade III", "BPCO post-tabagique, exacerbation", "Tiotropium 18 µg/j, kinésithérapie"),
    ("des céphalées inhabituelles", "Céphalées de tension, examen neurologique normal", "Amitriptyline 10 mg le soir"),
    (
        "une altération de l'état général avec perte de 6 kg",
        "Adénocarcinome colique, bilan d'extension en cours",
        "Présentation en RCP digestive jeudi prochain",
    ),
    (
        "un bilan de troubles mnésiques",
        "Troubles neurocognitifs majeurs, profil Alzheimer probable",
        "Donépézil 5 mg le soir, orthophonie",
    ),
)


class Letters:
    """Clinical letters and reports about one named patient: health + personal."""

    def __init__(self, v: Values) -> None:
        self.v = v

    def _identity_block(self, p: Person, ids: set[str], tolerated: set[str], secrets: list[str]) -> list[str]:
        """A random subset of the identity lines a hospital letter header carries."""
        v = self.v
        lines: list[str] = []
        if v.chance(0.7):
            label = v.pick(
                "Né(e) le", "Né le" if p.sex == 1 else "Née le", "DDN", "Date de naissance", "Date naiss.", "né(e) le"
            )
            lines.append(f"{label} : {v.date_text(p.born)}" if v.chance(0.8) else f"{label} {v.date_text(p.born)}")
            ids.add("BIRTH_DATE")
        if v.chance(0.45):
            label = v.pick(
                "N° SS",
                "NIR",
                "N° de sécurité sociale",
                "Numéro INSEE",
                "N° d'immatriculation",
                "Sécurité sociale",
                "NSS",
                "N° assuré",
            )
            lines.append(f"{label} : {v.nir_text(p.nir)}")
            ids.add("NIR")
            secrets.append(p.nir)
        elif v.chance(0.2):
            label = v.pick("INS", "Matricule INS", "INS (NIR)", "Identité nationale de santé")
            lines.append(f"{label} : {p.nir}" + v.pick("", " (identité qualifiée)", " - INS qualifiée"))
            ids.add("INS")
            tolerated.add("NIR")
            secrets.append(p.nir)
        if v.chance(0.6):
            label = v.pick("IPP", "N° patient", "N° dossier", "Dossier n°", "N° IPP", "Identifiant patient", "NIP")
            lines.append(f"{label} : {p.ipp}" if v.chance(0.8) else f"{label} {p.ipp}")
            ids.add("IPP")
            secrets.append(p.ipp)
        if v.chance(0.35):
            label = v.pick("N° de séjour", "NDA", "Venue", "N° venue", "Séjour n°", "N° d'hospitalisation")
            lines.append(f"{label} : {p.nda}")
            ids.add("NDA")
            secrets.append(p.nda)
        v.rng.shuffle(lines)
        return lines

    def consultation(self, i: int) -> Doc:
        v, p = self.v, self.v.person()
        ids: set[str] = {"PERSON_NAME"}
        tol: set[str] = set()
        sec = [p.last]
        why, conclusion, treatment = v.pick(*REASONS)
        doc_name = v.doctor()
        hosp = v.pick(*HOSPITALS)
        head = [
            hosp,
            f"Service de {v.pick('cardiologie', 'médecine interne', 'diabétologie', 'pneumologie', 'neurologie')}",
        ]
        if v.chance(0.4):
            head.append(f"Secrétariat : {v.phone(mobile=False)}")
            tol.add("PHONE")
        if v.chance(0.3):
            head.append(f"FINESS {v.finess()}")
            ids.add("FINESS")
        head.append(f"{v.pick('Valmont', 'Saint-Aubin', 'Lyon', 'Nantes')}, le {v.date_text(v.recent())}")
        dest = v.doctor()
        style = i % 5
        name = p.full()
        idblock = self._identity_block(p, ids, tol, sec)
        age = f"{p.age} ans"
        body: list[str]
        if style == 0:  # patient only named in the salutation
            body = [
                "Cher confrère,",
                "",
                f"J'ai vu en consultation {name}, {age}, pour {why}.",
                *idblock,
                "",
                "Dans ses antécédents on retient une HTA traitée et une appendicectomie.",
                f"L'examen clinique retrouve une TA à {v.rng.randrange(110, 170)}/{v.rng.randrange(60, 95)} mmHg.",
                f"Au total : {conclusion}.",
                f"Je propose : {treatment}.",
                "Je la revois dans trois mois." if p.sex == 2 else "Je le revois dans trois mois.",
                "",
                "Bien confraternellement,",
                doc_name,
            ]
        elif style == 1:  # "Concerne :" line
            body = [
                f"À l'attention du {dest}",
                "",
                f"Concerne : {name}",
                *idblock,
                "",
                "Cher ami,",
                f"Votre patient{'e' if p.sex == 2 else ''} est venu{'e' if p.sex == 2 else ''} ce jour pour {why}.",
                f"Conclusion : {conclusion}.",
                f"Traitement : {treatment}.",
                "",
                "Amitiés,",
                doc_name,
            ]
        elif style == 2:  # "Objet :" / "Réf. :" header, prose only
            key = v.pick("Objet", "Réf.", "V/Réf.", "Patient")
            body = [
                f"{key} : {name} ({age})",
                *idblock,
                "",
                "Chère consœur,",
                f"Merci de m'avoir adressé ce{'tte' if p.sex == 2 else ''} patient{'e' if p.sex == 2 else ''} "
                f"pour {why}. "
                f"L'interrogatoire ne retrouve pas de facteur déclenchant. {conclusion}. "
                f"Je propose {treatment.lower()} et une réévaluation dans six semaines.",
                "",
                "Je reste à votre disposition.",
                doc_name,
            ]
        elif style == 3:  # discharge summary with headings
            body = [
                "COMPTE RENDU D'HOSPITALISATION",
                f"Patient : {name}",
                *idblock,
                f"Hospitalisé{'e' if p.sex == 2 else ''} du {v.date_text(v.recent())} au {v.date_text(v.recent())}",
                "",
                "MOTIF D'HOSPITALISATION",
                why.capitalize(),
                "",
                "ANTÉCÉDENTS",
                "- HTA\n- Dyslipidémie\n- Cholécystectomie 2009",
                "",
                "HISTOIRE DE LA MALADIE",
                f"{p.civ} {p.last} présente depuis quelques semaines {why}.",
                "",
                "EXAMENS COMPLÉMENTAIRES",
                f"Créatinine {v.rng.randrange(60, 180)} µmol/L, Hb {v.rng.randrange(90, 160) / 10} g/dL",
                "",
                "CONCLUSION",
                conclusion,
                "",
                "TRAITEMENT DE SORTIE",
                treatment,
                "",
                doc_name,
            ]
        else:  # discharge summary without headings: one block of prose, the patient named once
            body = [
                f"{v.pick('Valmont', 'Lyon')}, le {v.date_text(v.recent())}",
                "",
                "Mon cher confrère,",
                "",
                f"{name}, {age}, a été hospitalisé{'e' if p.sex == 2 else ''} dans le service "
                f"du {v.date_text(v.recent())} au {v.date_text(v.recent())} pour {why}. "
                f"Le bilan biologique montrait une CRP à {v.rng.randrange(5, 200)} mg/L. "
                f"On retient finalement : {conclusion.lower()}. La sortie se fait avec {treatment.lower()}. "
                "Un rendez-vous de contrôle est prévu en consultation.",
                *idblock,
                "",
                "Bien à vous,",
                doc_name,
            ]
        text = "\n".join([*head, "", *body])
        fmt = v.pick("txt", "txt", "docx", "pdf")
        data = _txt(text) if fmt == "txt" else _docx(text.split("\n")) if fmt == "docx" else _pdf(text)
        names = ("courrier", "CR_consult", "lettre", "CRH", "CRH_sortie")
        return Doc(f"letters/{names[style]}_{i:03d}.{fmt}", data, True, True, ids, tol, sec, "letter")

    def radiology(self, i: int) -> Doc:
        v, p = self.v, self.v.person()
        ids: set[str] = {"PERSON_NAME"}
        tol: set[str] = set()
        sec = [p.last]
        idblock = self._identity_block(p, ids, tol, sec)
        exam = v.pick(
            (
                "Scanner thoracique sans injection",
                "Nodule pulmonaire lobaire supérieur droit de 8 mm",
                "Nodule infracentimétrique, contrôle TDM à 6 mois selon Fleischner",
            ),
            (
                "IRM du genou gauche",
                "Fissure horizontale de la corne postérieure du ménisque interne",
                "Lésion méniscale interne de grade 3",
            ),
            (
                "Échographie abdominale",
                "Foie stéatosique, vésicule lithiasique sans signe de cholécystite",
                "Lithiase vésiculaire non compliquée",
            ),
            (
                "Radiographie du thorax de face",
                "Opacité alvéolaire basale droite",
                "Aspect compatible avec une pneumopathie basale droite",
            ),
        )
        lines = [
            v.pick(*HOSPITALS),
            "Service d'imagerie médicale",
            "",
            f"{v.pick('Patient', 'Nom', 'Patient(e)')} : {p.full()}",
            *idblock,
            f"Examen du {v.date_text(v.recent())}",
            f"Prescripteur : {v.doctor()}",
            "",
            exam[0].upper(),
            "",
            "Indication :",
            v.pick(
                "Toux persistante chez un ancien fumeur.",
                "Douleur après torsion.",
                "Douleurs de l'hypocondre droit.",
                "Fièvre et toux.",
            ),
            "",
            "Technique :",
            "Acquisition hélicoïdale, reconstructions multiplanaires.",
            "",
            "Résultat :",
            exam[1] + ".",
            "",
            "Conclusion :",
            exam[2] + ".",
            "",
            v.doctor(),
        ]
        text = "\n".join(lines)
        fmt = v.pick("txt", "pdf", "txt")
        return Doc(
            f"imagerie/CR_{v.pick('TDM', 'IRM', 'ECHO', 'RX')}_{i:03d}.{fmt}",
            _txt(text) if fmt == "txt" else _pdf(text),
            True,
            True,
            ids,
            tol,
            sec,
            "radiology",
        )

    def operative(self, i: int) -> Doc:
        v, p = self.v, self.v.person()
        ids: set[str] = {"PERSON_NAME"}
        tol: set[str] = set()
        sec = [p.last]
        idblock = self._identity_block(p, ids, tol, sec)
        op = v.pick(
            ("Cholécystectomie par cœlioscopie", "HMFC002"),
            ("Prothèse totale de hanche droite", "NEKA020"),
            ("Appendicectomie par cœlioscopie", "HHFA016"),
        )
        lines = [
            "COMPTE RENDU OPÉRATOIRE",
            f"Opéré(e) : {p.full()}",
            *idblock,
            f"Date : {v.date_text(v.recent())}",
            f"Opérateur : {v.doctor()}   Aide : {v.doctor()}   Anesthésiste : {v.doctor()}",
            f"Intervention : {op[0]} (CCAM {op[1]})",
            "Anesthésie générale. Installation en décubitus dorsal.",
            "Open coelioscopie ombilicale, trois trocarts. Exposition, dissection du triangle de Calot.",
            "Hémostase soigneuse, pas de drainage. Fermeture plan par plan, surjet intradermique.",
            "Suites : antalgiques palier 1, lever J0, sortie prévue J1.",
            "",
        ]
        fmt = v.pick("docx", "txt")
        text = "\n".join(lines)
        return Doc(
            f"bloc/CRO_{i:03d}.{fmt}",
            _docx(lines) if fmt == "docx" else _txt(text),
            True,
            True,
            ids,
            tol,
            sec,
            "operative",
        )

    def prescription(self, i: int) -> Doc:
        v, p = self.v, self.v.person()
        ids: set[str] = {"PERSON_NAME", "RPPS"}
        tol: set[str] = set()
        sec = [p.last]
        rpps = v.rpps()
        sec.append(rpps)
        lines = [
            v.doctor(),
            v.pick("Médecine générale", "Cardiologie", "Rhumatologie"),
            f"{v.pick('RPPS', 'N° RPPS', 'Identifiant RPPS')} : {rpps}",
        ]
        if v.chance(0.5):
            lines.append(f"{v.pick('FINESS', 'N° FINESS', 'Finess établissement')} : {v.finess()}")
            ids.add("FINESS")
        lines += ["", "ORDONNANCE", f"{v.pick('Le', 'Fait le')} {v.date_text(v.recent())}", "", p.full()]
        if v.chance(0.5):
            lines.append(f"{p.age} ans, {v.rng.randrange(45, 110)} kg")
        else:
            lines.append(f"{v.pick('Né(e) le', 'DDN')} {v.date_text(p.born)}")
            ids.add("BIRTH_DATE")
        lines += [
            "",
            v.pick(
                "AMOXICILLINE 1 g : 1 cp matin, midi et soir pendant 7 jours",
                "DOLIPRANE 1000 mg : 1 cp jusqu'à 3 fois par jour si douleur",
            ),
            v.pick(
                "KARDEGIC 75 mg : 1 sachet par jour",
                "LANSOPRAZOLE 15 mg : 1 gélule le soir",
                "LEVOTHYROX 75 µg : 1 cp le matin à jeun",
            ),
            "QSP 3 mois",
            "",
            "Signature",
        ]
        text = "\n".join(lines)
        fmt = v.pick("txt", "pdf")
        return Doc(
            f"ordonnances/ordo_{i:03d}.{fmt}",
            _txt(text) if fmt == "txt" else _pdf(text),
            True,
            True,
            ids,
            tol,
            sec,
            "prescription",
        )

    def nursing(self, i: int) -> Doc:
        v, p = self.v, self.v.person()
        ids: set[str] = {"PERSON_NAME"}
        tol: set[str] = set()
        sec = [p.last]
        head = v.pick(
            f"Chambre {v.rng.randrange(1, 40)} - {p.civ} {p.last.upper()}",
            f"{p.last.upper()} {p.first} - lit {v.rng.randrange(1, 30)}B",
            f"Patient : {p.last.upper()} {p.first} ({p.age} ans)",
        )
        lines = ["TRANSMISSIONS CIBLÉES - Nuit du " + v.date_text(v.recent()), head]
        if v.chance(0.4):
            lines.append(f"IPP {p.ipp}")
            ids.add("IPP")
            sec.append(p.ipp)
        lines += [
            "Cible : Douleur",
            f"D : EVA à {v.rng.randrange(4, 9)}/10 au niveau de la cicatrice.",
            "A : Paracétamol 1 g IV à 23h, installation position antalgique.",
            "R : EVA à 2/10 à minuit.",
            "Cible : Élimination",
            "D : Pas de selles depuis 3 jours. A : Macrogol 1 sachet. R : à surveiller.",
            f"Glycémie capillaire 22h : {v.rng.randrange(60, 300) / 100:.2f} g/L. Pansement propre et sec.",
            "IDE de nuit",
        ]
        return Doc(
            f"soins/transmissions_{i:03d}.txt",
            _txt("\n".join(lines), v.pick("utf-8", "cp1252")),
            True,
            True,
            ids,
            tol,
            sec,
            "nursing",
        )

    def lab(self, i: int) -> Doc:
        v, p = self.v, self.v.person()
        ids: set[str] = {"PERSON_NAME"}
        tol: set[str] = set()
        sec = [p.last]
        idblock = self._identity_block(p, ids, tol, sec)
        lines = [
            "LABORATOIRE DE BIOLOGIE MÉDICALE",
            f"Nom : {p.last.upper()}   Prénom : {p.first}",
            f"Sexe : {'M' if p.sex == 1 else 'F'}",
            *idblock,
            f"Prélevé le {v.date_text(v.recent())} à 08:12",
            "",
            "HÉMATOLOGIE",
            f"Hémoglobine ........ {v.rng.randrange(85, 165) / 10} g/dL   (12,0-16,0)",
            f"Leucocytes ......... {v.rng.randrange(30, 180) / 10} G/L",
            "BIOCHIMIE",
            f"Créatinine ......... {v.rng.randrange(50, 300)} µmol/L   DFG (CKD-EPI) {v.rng.randrange(15, 110)} mL/min",
            f"HbA1c .............. {v.rng.randrange(50, 110) / 10} %",
            f"Validé par {v.doctor()}, biologiste",
        ]
        return Doc(f"labo/resultats_{i:03d}.txt", _txt("\n".join(lines)), True, True, ids, tol, sec, "lab")

    def convocation(self, i: int) -> Doc:
        """A letter to the patient: named only in the address block and the salutation, health in the body."""
        v, p = self.v, self.v.person()
        exam = v.pick(
            (
                "votre coloscopie",
                "Vous devrez suivre un régime sans résidus 3 jours avant et prendre la préparation colique.",
            ),
            (
                "votre séance d'hôpital de jour d'oncologie",
                "Merci d'apporter votre dernier bilan sanguin (NFS, plaquettes).",
            ),
            (
                "votre consultation de suivi de grossesse",
                "Pensez à apporter votre carnet de maternité et vos échographies.",
            ),
            ("votre polysomnographie", "Prévoyez vos traitements habituels, notamment votre pompe à insuline."),
        )
        addr = v.fake.address().split("\n")
        salut = v.pick(f"Chère Madame {p.last}," if p.sex == 2 else f"Cher Monsieur {p.last},", f"{p.civ} {p.last},")
        lines = [
            v.pick(*HOSPITALS),
            "Service des rendez-vous",
            "",
            f"{p.civ} {p.first} {p.last.upper()}",
            *addr,
            "",
            f"{v.pick('Valmont', 'Lyon')}, le {v.date_text(v.recent())}",
            "",
            salut,
            "",
            f"Nous vous confirmons {exam[0]} le {v.date_text(v.recent())} à {v.rng.randrange(8, 17)}h00. {exam[1]}",
            "Merci de vous présenter 30 minutes avant au bureau des admissions muni(e) de votre carte Vitale.",
            "",
            "Le secrétariat",
        ]
        text = "\n".join(lines)
        fmt = v.pick("txt", "docx", "pdf")
        data = _txt(text) if fmt == "txt" else _docx(lines) if fmt == "docx" else _pdf(text)
        return Doc(
            f"courriers_patients/convocation_{i:03d}.{fmt}",
            data,
            True,
            True,
            {"PERSON_NAME"},
            set(),
            [p.last],
            "convocation",
        )

    def secretary_note(self, i: int) -> Doc:
        """Short informal notes: a patient named, a phone, a health reason."""
        v, p = self.v, self.v.person()
        phone = v.phone(mobile=True)
        text = v.pick(
            f"Rappeler {p.civ} {p.last} au {phone} pour décaler son IRM cérébrale (suivi SEP). "
            f"Voir Dr {v.fake.last_name()}.",
            f"{p.first} {p.last.upper()} a appelé : résultats de sa biopsie ? Merci de la rappeler ({phone}).",
            f"A faire : bon de transport pour {p.civ} {p.last} (dialyse mardi/jeudi/samedi), tél {phone}.",
        )
        return Doc(
            f"secretariat/note_{i:03d}.txt",
            _txt(text + "\n"),
            True,
            True,
            {"PERSON_NAME", "PHONE"},
            set(),
            [p.last, phone],
            "note",
        )


# --------------------------------------------------------------------------------------------------- tables


class Tables:
    """Patient lists, lab exports, bed boards, appointment lists, PMSI extracts: health + personal."""

    def __init__(self, v: Values) -> None:
        self.v = v

    def _write(self, rows: list[list[str]], stem: str) -> tuple[str, bytes]:
        v = self.v
        kind = v.pick("csv;", "csv,", "tsv", "xlsx", "csv;")
        if kind == "xlsx":
            return f"{stem}.xlsx", _xlsx(rows)
        if kind == "tsv":
            return f"{stem}.{v.pick('txt', 'tsv')}", _csv(rows, "\t")
        return f"{stem}.csv", _csv(rows, kind[-1])

    def patient_list(self, i: int) -> Doc:
        v = self.v
        people = [v.person() for _ in range(v.rng.randrange(4, 15))]
        cols = {
            "last": v.pick("Nom", "NOM", "Nom de naissance", "Nom usuel", "NOM_PATIENT"),
            "first": v.pick("Prénom", "PRENOM", "Prenom"),
            "born": v.pick("Date naiss.", "DDN", "Né(e) le", "Date de naissance", "DATE_NAIS"),
            "nir": v.pick("N°SS", "NIR", "N° Sécu", "Num INSEE", "Immatriculation"),
            "ipp": v.pick("N° IPP", "IPP", "N° patient", "Dossier"),
            "nda": v.pick("Séjour", "NDA", "N° venue", "Num séjour"),
            "dx": v.pick("Diagnostic", "Motif", "Pathologie", "Motif d'entrée"),
        }
        chosen = ["last", "first"] + [c for c in ("born", "nir", "ipp", "nda") if v.chance(0.55)] + ["dx"]
        dx = (
            "Pneumopathie",
            "AVC ischémique",
            "Insuffisance cardiaque",
            "Fracture col fémur",
            "Chimiothérapie C3",
            "Diabète déséquilibré",
            "Sepsis urinaire",
            "Décompensation BPCO",
        )
        rows = [[cols[c] for c in chosen]]
        sec: list[str] = []
        for p in people:
            cell = {
                "last": p.last.upper(),
                "first": p.first,
                "born": v.date_text(p.born) if v.chance(0.3) else p.born.strftime("%d/%m/%Y"),
                "nir": p.nir,
                "ipp": p.ipp,
                "nda": p.nda,
                "dx": v.pick(*dx),
            }
            rows.append([cell[c] for c in chosen])
            sec += [p.nir, p.ipp]
        ids = {"PERSON_NAME"} | {
            t for c, t in (("born", "BIRTH_DATE"), ("nir", "NIR"), ("ipp", "IPP"), ("nda", "NDA")) if c in chosen
        }
        name, data = self._write(
            rows, f"listes/{v.pick('liste_patients', 'patients_service', 'export_DPI', 'suivi')}_{i:03d}"
        )
        return Doc(name, data, True, True, ids, set(), sec, "patient_list")

    def lab_export(self, i: int) -> Doc:
        v = self.v
        header = v.pick(
            ["IPP", "NOM", "PRENOM", "DDN", "CODE_ANA", "LIBELLE", "RESULTAT", "UNITE", "DATE_PREL"],
            ["NumPat", "Nom", "Prénom", "Naissance", "Analyse", "Valeur", "Unité", "Prélèvement"],
        )
        rows = [header]
        sec: list[str] = []
        tests = (
            ("CREA", "Créatinine", "µmol/L", (50, 300)),
            ("HBA1C", "Hémoglobine glyquée", "%", (5, 12)),
            ("TROPO", "Troponine T hs", "ng/L", (3, 200)),
            ("K", "Potassium", "mmol/L", (3, 6)),
        )
        for _ in range(v.rng.randrange(5, 20)):
            p = v.person()
            code, lib, unit, (lo, hi) = v.pick(*tests)
            res = f"{v.rng.uniform(lo, hi):.1f}".replace(".", ",")
            when = v.recent().strftime("%Y%m%d")
            if len(header) == 9:
                rows.append(
                    [p.ipp, p.last.upper(), p.first.upper(), p.born.strftime("%Y%m%d"), code, lib, res, unit, when]
                )
            else:
                rows.append([p.ipp, p.last, p.first, p.born.strftime("%d/%m/%Y"), lib, res, unit, when])
            sec.append(p.ipp)
        name, data = self._write(rows, f"labo/export_resultats_{i:03d}")
        return Doc(name, data, True, True, {"IPP", "PERSON_NAME", "BIRTH_DATE"}, set(), sec, "lab_export")

    def bed_board(self, i: int) -> Doc:
        v = self.v
        rows = [[v.pick("Lit", "Chambre"), "Nom", "Prénom", "Âge", "Entrée le", v.pick("Motif", "Diag"), "Médecin"]]
        for bed in range(1, v.rng.randrange(8, 25)):
            if v.chance(0.2):
                rows.append([f"{bed:02d}", "", "", "", "", "LIBRE", ""])
                continue
            p = v.person()
            rows.append(
                [
                    f"{bed:02d}",
                    p.last.upper(),
                    p.first,
                    str(p.age),
                    v.recent().strftime("%d/%m"),
                    v.pick("OAP", "Chute", "AEG", "Pyélonéphrite", "Post-op PTH", "Soins palliatifs"),
                    v.doctor(),
                ]
            )
        name, data = self._write(rows, f"cadre/gestion_lits_{i:03d}")
        return Doc(name, data, True, True, {"PERSON_NAME"}, set(), [], "bed_board")

    def appointments(self, i: int) -> Doc:
        v = self.v
        rows = [
            [
                v.pick("Heure", "Créneau"),
                "Patient",
                v.pick("Téléphone", "Tél", "Portable"),
                v.pick("Type consultation", "Motif RDV", "Acte"),
            ]
        ]
        with_mail = v.chance(0.3)
        if with_mail:
            rows[0].append("Mail")
        ids = {"PERSON_NAME", "PHONE"} | ({"EMAIL"} if with_mail else set())
        sec = []
        for h in range(v.rng.randrange(6, 16)):
            p = v.person()
            row = [
                f"{8 + h // 3}h{(h % 3) * 20:02d}",
                f"{p.last.upper()} {p.first}",
                p.phone,
                v.pick(
                    "Consultation oncologie",
                    "Suivi diabéto",
                    "Séance chimio HDJ",
                    "1ère consult. psychiatrie",
                    "Contrôle pacemaker",
                    "Échographie obstétricale T2",
                    "Consultation mémoire",
                ),
            ]
            if with_mail:
                row.append(p.mail())
                sec.append(p.mail())
            sec.append(p.phone)
            rows.append(row)
        name, data = self._write(rows, f"rdv/planning_consult_{i:03d}")
        return Doc(name, data, True, True, ids, set(), sec, "appointments")

    def pmsi(self, i: int) -> Doc:
        """RSS-like extract: IPP + stay number + ICD-10 diagnoses, no names."""
        v = self.v
        header = v.pick(
            ["IPP", "NDA", "DATE_ENT", "DATE_SOR", "DP", "DAS", "GHM", "ACTES"],
            ["N_PATIENT", "N_SEJOUR", "ENTREE", "SORTIE", "DIAG_PRINC", "DIAG_ASSOC", "GHM", "CCAM"],
        )
        rows = [header]
        sec = []
        for _ in range(v.rng.randrange(8, 25)):
            ipp, nda = v.ipp(), v.nda()
            rows.append(
                [
                    ipp,
                    nda,
                    v.recent().strftime("%d%m%Y"),
                    v.recent().strftime("%d%m%Y"),
                    v.pick("I500", "J441", "E119", "S7200", "C189", "N390", "I639"),
                    v.pick("I10", "E785|N183", "F1020", "", "Z9221"),
                    v.pick("05M092", "04M052", "10M152", "08C482"),
                    v.pick("DEQP003", "", "HHFA016", "NEKA020"),
                ]
            )
            sec += [ipp, nda]
        name, data = self._write(rows, f"dim/extraction_RSS_{i:03d}")
        return Doc(name, data, True, True, {"IPP", "NDA"}, set(), sec, "pmsi")


# --------------------------------------------------------------------------------------------------- health formats


class Formats:
    """HL7 v2, FHIR JSON and HPRIM Médecin files written from the standards."""

    def __init__(self, v: Values) -> None:
        self.v = v

    def hl7(self, i: int) -> Doc:
        v, p = self.v, self.v.person()
        ts = v.recent().strftime("%Y%m%d") + "101500"
        ids = {"IPP", "NDA", "PERSON_NAME", "BIRTH_DATE"}
        pid3 = f"{p.ipp}^^^CHVALMONT&1.2.250.1.999.1.1&ISO^PI"
        if v.chance(0.5):
            pid3 += f"~{p.nir}^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.8&ISO^INS"
            ids.add("INS")
        phone = v.phone()
        segs = [
            f"MSH|^~\\&|DPI|CHVALMONT|{v.pick('LABO', 'RIS', 'PHARMA')}|CHVALMONT|{ts}||"
            + v.pick("ADT^A01^ADT_A01", "ORU^R01^ORU_R01", "ADT^A08^ADT_A01")
            + f"|MSG{v.digits(8)}|P|2.5|||||FRA|8859/1",
            f"EVN||{ts}",
            f"PID|1||{pid3}||{p.last.upper()}^{p.first.upper()}^^^{'M.' if p.sex == 1 else 'MME'}^^L||"
            f"{p.born.strftime('%Y%m%d')}|{'M' if p.sex == 1 else 'F'}|||"
            f"{v.fake.street_address()}^^{v.fake.city()}^^{v.fake.postcode()}^FRA"
            f"||{phone}^PRN^PH|||||{p.nda}^^^CHVALMONT^AN|||||||||||||VALI",
            f"PV1|1|I|CARDIO^{v.rng.randrange(100, 130)}^1||||"
            f"{v.rpps()}^{v.fake.last_name().upper()}^{v.fake.first_name()}|||||||||||{p.nda}",
            f"DG1|1||I50.1^Insuffisance ventriculaire gauche^I10||{ts}|A",
            f"OBX|1|NM|2160-0^Créatinine^LN||{v.rng.randrange(50, 300)}|umol/L|45-104|N|||F",
        ]
        ids |= {"PHONE", "RPPS"}
        data = ("\r".join(segs) + "\r").encode("latin-1", "replace")
        if v.chance(0.3):
            data = b"\x0b" + data + b"\x1c\r"
        return Doc(
            f"interfaces/hl7_{i:03d}.{v.pick('hl7', 'txt', 'msg')}",
            data,
            True,
            True,
            ids,
            {"NIR"},
            [p.nir, p.ipp, p.nda],
            "hl7",
        )

    def fhir(self, i: int) -> Doc:
        v, p = self.v, self.v.person()
        identifiers = [
            {
                "use": "usual",
                "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "PI"}]},
                "system": "urn:oid:1.2.250.1.999.1.1",
                "value": p.ipp,
            }
        ]
        ids = {"IPP", "PERSON_NAME", "BIRTH_DATE"}
        if v.chance(0.6):
            identifiers.append(
                {
                    "use": "official",
                    "type": {
                        "coding": [
                            {"system": "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", "code": "INS-NIR"}
                        ]
                    },
                    "system": "urn:oid:1.2.250.1.213.1.4.8",
                    "value": p.nir,
                }
            )
            ids.add("INS")
        patient = {
            "resourceType": "Patient",
            "id": f"pat-{v.digits(5)}",
            "identifier": identifiers,
            "name": [{"use": "official", "family": p.last.upper(), "given": [p.first]}],
            "gender": "male" if p.sex == 1 else "female",
            "birthDate": p.born.isoformat(),
        }
        if v.chance(0.5):
            resource: dict[str, Any] = patient
        else:
            cond = {
                "resourceType": "Condition",
                "id": "c1",
                "subject": {"reference": f"Patient/{patient['id']}"},
                "code": {
                    "coding": [
                        {
                            "system": "http://hl7.org/fhir/sid/icd-10",
                            "code": v.pick("E11.9", "C50.9", "F32.1"),
                            "display": "Diagnostic",
                        }
                    ]
                },
            }
            obs = {
                "resourceType": "Observation",
                "id": "o1",
                "status": "final",
                "subject": {"reference": f"Patient/{patient['id']}"},
                "code": {"coding": [{"system": "http://loinc.org", "code": "4548-4", "display": "HbA1c"}]},
                "valueQuantity": {"value": round(v.rng.uniform(5, 11), 1), "unit": "%"},
            }
            resource = {
                "resourceType": "Bundle",
                "type": "collection",
                "entry": [{"resource": r} for r in (patient, cond, obs)],
            }
        data = json.dumps(resource, ensure_ascii=False, indent=v.pick(None, 2)).encode()
        return Doc(f"interfaces/fhir_{i:03d}.json", data, True, True, ids, {"NIR"}, [p.nir, p.ipp], "fhir")

    def fhir_practitioner(self, i: int) -> Doc:
        """A Practitioner resource: a professional's RPPS and name, personal but no patient."""
        v = self.v
        rpps = v.rpps()
        res = {
            "resourceType": "Practitioner",
            "id": f"pr-{v.digits(4)}",
            "identifier": [{"system": "urn:oid:1.2.250.1.71.4.2.1", "value": "8" + rpps}],
            "name": [{"family": v.fake.last_name(), "given": [v.fake.first_name()], "prefix": ["Dr"]}],
            "telecom": [{"system": "email", "value": f"{v.fake.user_name()}@chu-valmont.fr"}],
        }
        return Doc(
            f"interfaces/annuaire_ps_{i:03d}.json",
            json.dumps(res, ensure_ascii=False).encode(),
            False,
            True,
            {"RPPS", "PERSON_NAME", "EMAIL"},
            set(),
            [rpps],
            "fhir_practitioner",
        )

    def hprim(self, i: int) -> Doc:
        v, p = self.v, self.v.person()
        lines = [
            p.ipp,
            p.last.upper(),
            p.first.upper(),
            v.fake.street_address(),
            "",
            f"{v.fake.postcode()} {v.fake.city()}",
            p.born.strftime("%d/%m/%Y"),
            p.nir[:13] + " " + p.nir[13:],
            p.nda,
            v.recent().strftime("%d/%m/%Y"),
            "",
            f"{v.rpps()} {v.doctor()}",
            "Glycémie à jeun : 1,32 g/l",
            "Créatinine : 98 µmol/l",
            "****LAB****",
            "RES|Glycémie à jeun|GLY|N|1.32|g/l|0.70|1.10|H|F",
            "RES|Créatinine|CREA|N|98|µmol/l|45|104|N|F",
            "****FIN****",
            "****FINFICHIER****",
        ]
        return Doc(
            f"hprim/{p.ipp[-4:]}_{i:03d}.hpr",
            "\r\n".join(lines).encode("cp1252", "replace"),
            True,
            True,
            {"IPP", "NDA", "PERSON_NAME", "BIRTH_DATE", "NIR", "RPPS"},
            set(),
            [p.nir, p.ipp],
            "hprim",
        )


# --------------------------------------------------------------------------------------------------- negatives


class Negatives:
    """HR, procurement, IT, governance and teaching files: personal without health, or neither."""

    def __init__(self, v: Values) -> None:
        self.v = v

    def payroll(self, i: int) -> Doc:
        v = self.v
        rows = [
            [
                v.pick("Matricule", "Mat."),
                "Nom",
                "Prénom",
                v.pick("N° SS", "NIR", "N° sécu"),
                "IBAN",
                v.pick("Salaire brut", "Brut"),
                v.pick("Net à payer", "Net"),
                "Grade",
            ]
        ]
        sec = []
        for _ in range(v.rng.randrange(5, 20)):
            p = v.person(1960, 2002)
            iban = v.iban()
            rows.append(
                [
                    v.digits(6),
                    p.last.upper(),
                    p.first,
                    p.nir,
                    v.iban_text(iban),
                    f"{v.rng.randrange(1900, 6200)},00",
                    f"{v.rng.randrange(1500, 4800)},{v.digits(2)}",
                    v.pick("IDE", "AS", "ASH", "Cadre de santé", "Praticien hospitalier", "Adjoint administratif"),
                ]
            )
            sec += [p.nir, iban]
        stem = f"rh/paie_{v.pick('novembre', 'octobre', '2026_11')}_{i:03d}"
        if v.chance(0.4):
            return Doc(
                f"{stem}.xlsx", _xlsx(rows, "Paie"), False, True, {"NIR", "IBAN", "PERSON_NAME"}, set(), sec, "payroll"
            )
        return Doc(f"{stem}.csv", _csv(rows, ";"), False, True, {"NIR", "IBAN", "PERSON_NAME"}, set(), sec, "payroll")

    def payslip(self, i: int) -> Doc:
        v, p = self.v, self.v.person(1965, 2000)
        iban = v.iban()
        text = "\n".join(
            [
                "BULLETIN DE PAIE - " + v.pick("Novembre 2026", "Octobre 2026"),
                v.pick(*HOSPITALS),
                f"Agent : {p.full()}",
                f"N° de sécurité sociale : {v.nir_text(p.nir)}",
                "Emploi : Infirmier(e) en soins généraux",
                f"Service : {v.pick('Réanimation', 'Urgences', 'Oncologie', 'Psychiatrie adulte')}",
                "Traitement indiciaire   2 312,45",
                "Prime de service        187,20",
                "CSG déductible          -142,10",
                "Indemnité sujétion spéciale 13,5 h  118,00",
                f"Virement sur : {v.iban_text(iban)}",
                "Net à payer : 2 114,58 €",
            ]
        )
        return Doc(
            f"rh/bulletin_{i:03d}.pdf",
            _pdf(text),
            False,
            True,
            {"NIR", "IBAN", "PERSON_NAME"},
            set(),
            [p.nir, iban],
            "payslip",
        )

    def sick_leave_hr(self, i: int) -> Doc:
        """HR absence tracking of staff with the medical reason: the employee's health data (art. 9)."""
        v = self.v
        rows = [["Agent", "Service", "Début arrêt", "Fin", "Motif"]]
        for _ in range(v.rng.randrange(4, 10)):
            p = v.person(1965, 2000)
            rows.append(
                [
                    f"{p.last.upper()} {p.first}",
                    v.pick("Urgences", "Bloc", "Pédiatrie"),
                    v.recent().strftime("%d/%m/%Y"),
                    v.recent().strftime("%d/%m/%Y"),
                    v.pick("Lombalgie", "Grossesse pathologique", "Dépression", "Chirurgie genou", "Covid-19"),
                ]
            )
        return Doc(f"rh/arrets_maladie_{i:03d}.xlsx", _xlsx(rows), True, True, {"PERSON_NAME"}, set(), [], "hr_sick")

    def training(self, i: int) -> Doc:
        v = self.v
        rows = [["Nom", "Prénom", "Service", "Formation", "Date", "Présent"]]
        for _ in range(v.rng.randrange(6, 18)):
            rows.append(
                [
                    v.fake.last_name().upper(),
                    v.fake.first_name(),
                    v.pick("Urgences", "Cardiologie", "Bloc", "EHPAD"),
                    v.pick(
                        "AFGSU niveau 2",
                        "Prévention des chutes",
                        "Gestion de la douleur",
                        "Hygiène des mains",
                        "Prise en charge de l'AVC",
                    ),
                    v.recent().strftime("%d/%m/%Y"),
                    v.pick("Oui", "Non"),
                ]
            )
        name = f"formation/emargement_{i:03d}"
        if v.chance(0.5):
            return Doc(f"{name}.csv", _csv(rows, v.pick(";", ",")), False, True, {"PERSON_NAME"}, set(), [], "training")
        return Doc(f"{name}.xlsx", _xlsx(rows), False, True, {"PERSON_NAME"}, set(), [], "training")

    def directory(self, i: int) -> Doc:
        v = self.v
        rows = [["Nom", "Prénom", "Fonction", "Poste", "Portable", "Mail"]]
        sec = []
        for _ in range(v.rng.randrange(6, 20)):
            first, last = v.fake.first_name(), v.fake.last_name()
            mail = f"{first[0].lower()}.{last.lower().replace(' ', '')}@chu-valmont.fr"
            phone = v.phone(mobile=True)
            rows.append(
                [
                    last.upper(),
                    first,
                    v.pick("IDE", "Cadre", "PH", "Interne", "Secrétaire médicale"),
                    v.digits(4),
                    phone,
                    mail,
                ]
            )
            sec += [phone]
        return Doc(
            f"annuaire/annuaire_{v.pick('cardio', 'urgences', 'pole_medecine')}_{i:03d}.{v.pick('csv', 'xlsx')}",
            b"",
            False,
            True,
            {"PERSON_NAME", "PHONE", "EMAIL"},
            set(),
            sec,
            "directory",
        ).with_table(rows, v)

    def on_call(self, i: int) -> Doc:
        """A doctors' on-call roster with mobile numbers: personal (staff), not health."""
        v = self.v
        rows = [["Date", "Senior de garde", "Interne", "Bip / portable"]]
        sec = []
        for day in range(1, v.rng.randrange(8, 16)):
            phone = v.phone(mobile=True)
            rows.append([f"{day:02d}/12/2026", v.doctor(), f"{v.fake.first_name()} {v.fake.last_name()}", phone])
            sec.append(phone)
        return Doc(
            f"planning/tableau_gardes_{i:03d}.{v.pick('csv', 'xlsx')}",
            b"",
            False,
            True,
            {"PERSON_NAME", "PHONE"},
            set(),
            sec,
            "on_call",
        ).with_table(rows, v)

    def switchboard(self, i: int) -> Doc:
        v = self.v
        lines = [f"{v.pick(*HOSPITALS)} - Numéros utiles", ""]
        for svc in (
            "Standard",
            "Urgences adultes",
            "Urgences pédiatriques",
            "Maternité",
            "Radiologie - rendez-vous",
            "Laboratoire",
            "Admissions",
            "Service social",
            "Pharmacie",
            "Accueil consultations",
        ):
            lines.append(f"{svc:.<35} {v.phone(mobile=False)}")
        lines += ["", f"Courriel : contact@{v.pick('chu-valmont', 'ch-levaldor')}.fr"]
        return Doc(
            f"communication/numeros_utiles_{i:03d}.txt",
            _txt("\n".join(lines)),
            False,
            False,
            set(),
            {"PHONE", "EMAIL"},
            [],
            "switchboard",
        )

    def invoice(self, i: int) -> Doc:
        v = self.v
        company = v.fake.company()
        with_contact = v.chance(0.5)
        lines = [
            f"{company} SAS",
            f"SIRET {v.fake.siret()}",
            f"TVA intracom. FR{v.digits(11)}",
            "",
            f"FACTURE N° F{v.digits(7)}",
            f"Bon de commande : {v.digits(10)}",
            f"Client : {v.pick(*HOSPITALS)}",
            f"Code client {v.digits(8)}",
            "",
            f"{v.digits(13)}  Seringue 10 ml Luer lock x100     12  18,40   220,80",
            f"{v.digits(13)}  Compresses stériles 10x10 x50     40   3,15   126,00",
            f"Réf. lot {v.digits(12)}",
            "Total HT 346,80  TVA 20 % 69,36  TTC 416,16",
        ]
        ids: set[str] = set()
        tol: set[str] = set()
        sec: list[str] = []
        if with_contact:
            phone = v.phone(mobile=True)
            lines.append(f"Votre contact : {v.fake.first_name()} {v.fake.last_name()} - {phone}")
            ids |= {"PERSON_NAME", "PHONE"}
            sec.append(phone)
        if v.chance(0.6):
            iban = v.iban()
            lines.append(
                f"Règlement par virement - IBAN : {v.iban_text(iban)}  BIC : {v.pick('BNPAFRPPXXX', 'CEPAFRPP')}"
            )
            ids.add("IBAN")
            sec.append(iban)
        if v.chance(0.4):
            lines.append(f"FINESS de livraison : {v.finess()}")
            ids.add("FINESS")
        text = "\n".join(lines)
        fmt = v.pick("pdf", "txt")
        # A company's IBAN is not a person's: personal only when a named contact appears.
        return Doc(
            f"achats/facture_{i:03d}.{fmt}",
            _pdf(text) if fmt == "pdf" else _txt(text),
            False,
            with_contact,
            ids,
            tol,
            sec,
            "invoice",
        )

    def inventory(self, i: int) -> Doc:
        v = self.v
        rows = [["N° inventaire", "Désignation", "N° de série", "Code EAN", "Localisation", "Mise en service"]]
        for _ in range(v.rng.randrange(10, 30)):
            ean = v.digits(12)
            ean += str((10 - sum(int(c) * (3 if k % 2 else 1) for k, c in enumerate(ean)) % 10) % 10)
            rows.append(
                [
                    f"INV{v.digits(6)}",
                    v.pick(
                        "Pousse-seringue",
                        "Moniteur multiparamétrique",
                        "Lit médicalisé",
                        "Défibrillateur",
                        "Pompe à perfusion",
                    ),
                    v.digits(v.pick(13, 14, 15)),
                    ean,
                    v.pick("Réa ch. 4", "Urgences box 2", "Bloc salle 3"),
                    v.recent().strftime("%d/%m/%Y"),
                ]
            )
        return Doc(
            f"biomed/inventaire_{i:03d}.{v.pick('csv', 'xlsx')}", b"", False, False, set(), set(), [], "inventory"
        ).with_table(rows, v)

    def it_log(self, i: int) -> Doc:
        v = self.v
        lines = []
        for _ in range(v.rng.randrange(30, 80)):
            # request ids built to pass the NIR key: the classic false positive without context
            body = v.pick("1", "2") + v.digits(12)
            rid = body + stdnir.calc_check_digits(body) if v.chance(0.3) else v.digits(15)
            lines.append(
                f"2026-11-{v.rng.randrange(1, 30):02d}T{v.rng.randrange(24):02d}:{v.rng.randrange(60):02d}:00Z "
                f"srv-app{v.rng.randrange(1, 5)} "
                f"10.{v.rng.randrange(256)}.{v.rng.randrange(256)}.{v.rng.randrange(256)} "
                f"req={rid} session={v.fake.hexify('^' * 16)} status={v.pick(200, 200, 304, 500)} "
                f"duration_ms={v.rng.randrange(3, 900)} bytes={v.digits(6)}"
            )
        return Doc(f"logs/app_{i:03d}.log", _txt("\n".join(lines)), False, False, set(), set(), [], "it_log")

    def minutes(self, i: int) -> Doc:
        v = self.v
        names = [f"{v.fake.first_name()} {v.fake.last_name()}" for _ in range(5)]
        text = "\n".join(
            [
                f"COMPTE RENDU DE RÉUNION - Pôle {v.pick('médecine', 'chirurgie', 'femme-enfant')}",
                f"Date : {v.date_text(v.recent())}",
                f"Présents : {', '.join(names[:4])}",
                f"Excusé : {names[4]}",
                "",
                "1. Effectifs : deux postes d'IDE vacants, recours à l'intérim jusqu'en janvier.",
                "2. Projet de service : ouverture de 4 lits d'hôpital de jour en mars.",
                "3. Qualité : rappel sur la déclaration des événements indésirables et la traçabilité de la douleur.",
                f"4. Divers : prochaine réunion le {v.date_text(v.recent())}.",
                "",
                f"Secrétaire de séance : {names[0]}",
            ]
        )
        fmt = v.pick("docx", "txt")
        return Doc(
            f"reunions/CR_reunion_{i:03d}.{fmt}",
            _docx(text.split("\n")) if fmt == "docx" else _txt(text),
            False,
            True,
            {"PERSON_NAME"},
            set(),
            [],
            "minutes",
        )

    def guideline(self, i: int) -> Doc:
        v = self.v
        text = v.pick(
            "PROTOCOLE - Prise en charge de l'hypoglycémie chez le patient diabétique hospitalisé\n"
            "Version 3 - validé par la COMEDIMS\n\nDéfinition : glycémie capillaire < 0,70 g/L (CIM-10 E16.2).\n"
            "Patient conscient : 15 g de sucre per os (3 morceaux), contrôle à 15 minutes.\n"
            "Patient inconscient : G30 % 2 ampoules IVD puis G10 % en relais, ou glucagon 1 mg IM/SC.\n"
            "Rechercher la cause : insuline (ex. insuline rapide 6 UI avant repas), sulfamides, jeûne.\n"
            "Tracer dans le dossier de soins. Appeler le médecin de garde au poste 4412.\n",
            "PROCÉDURE - Antibioprophylaxie en chirurgie orthopédique\n\nCéfazoline 2 g IV (4 g si poids > 120 kg) "
            "30 à 60 min avant l'incision, réinjection 1 g si durée > 4 h.\n"
            "Allergie aux bêta-lactamines : clindamycine "
            "900 mg IV.\nCodes associés : Z29.2, T84.5 (infection sur prothèse).\nCCAM : NEKA020.\n",
            "Recommandations - Insuffisance cardiaque chronique (I50.9)\n\n1. IEC : ramipril 1,25 mg x2/j, titration "
            "toutes les 2 semaines jusqu'à 5 mg x2/j.\n2. Bêtabloquant : bisoprolol 1,25 mg/j, cible 10 mg/j.\n3. "
            "Anti-aldostérone : spironolactone 25 mg/j si kaliémie < 5 mmol/L et DFG > 30 mL/min.\n4. iSGLT2 : "
            "dapagliflozine 10 mg/j.\nSurveillance : créatinine et kaliémie à J7, J30.\n",
            "FICHE TECHNIQUE - Pose de sonde urinaire\nIndications : rétention aiguë d'urine (R33), surveillance de "
            "diurèse horaire.\nMatériel : sonde Foley CH14-16, lubrifiant, set de sondage stérile.\nTracer la date de "
            "pose, réévaluer la nécessité chaque jour (prévention des IU, N39.0).\n",
        )
        fmt = v.pick("txt", "docx", "pdf")
        data = _txt(text) if fmt == "txt" else _docx(text.split("\n")) if fmt == "docx" else _pdf(text)
        return Doc(f"qualite/protocole_{i:03d}.{fmt}", data, False, False, set(), set(), [], "guideline")

    def formulary(self, i: int) -> Doc:
        v = self.v
        rows = [["Code UCD", "Spécialité", "DCI", "ATC", "Dosage", "Forme", "Prix unitaire HT", "Liste"]]
        drugs = (
            ("DOLIPRANE", "paracétamol", "N02BE01", "1000 mg"),
            ("AMOXICILLINE", "amoxicilline", "J01CA04", "1 g"),
            ("LOVENOX", "énoxaparine", "B01AB05", "4000 UI/0,4 mL"),
            ("LASILIX", "furosémide", "C03CA01", "40 mg"),
            ("METFORMINE", "metformine", "A10BA02", "850 mg"),
            ("KARDEGIC", "acétylsalicylate de lysine", "B01AC06", "75 mg"),
            ("SKENAN", "morphine", "N02AA01", "30 mg LP"),
            ("LEVOTHYROX", "lévothyroxine", "H03AA01", "75 µg"),
        )
        for d in drugs:
            rows.append(
                [
                    "340093" + v.digits(7),
                    d[0],
                    d[1],
                    d[2],
                    d[3],
                    v.pick("cp", "inj", "gél"),
                    f"{v.rng.uniform(0.02, 9):.3f}".replace(".", ","),
                    v.pick("I", "II", "-", "Stup"),
                ]
            )
        return Doc(
            f"pharmacie/livret_therapeutique_{i:03d}.{v.pick('csv', 'xlsx')}",
            b"",
            False,
            False,
            set(),
            set(),
            [],
            "formulary",
        ).with_table(rows, v)

    def stats(self, i: int) -> Doc:
        v = self.v
        rows = [["Code CIM-10", "Libellé", "Nb séjours 2025", "DMS (j)", "Âge moyen"]]
        for code, lib in (
            ("I50.0", "Insuffisance cardiaque congestive"),
            ("J44.1", "BPCO avec exacerbation aiguë"),
            ("S72.0", "Fracture du col du fémur"),
            ("I63.9", "Infarctus cérébral"),
            ("E11.9", "Diabète de type 2"),
            ("N39.0", "Infection urinaire"),
            ("C34.1", "Tumeur maligne du lobe supérieur"),
        ):
            rows.append(
                [code, lib, str(v.rng.randrange(40, 900)), f"{v.rng.uniform(3, 14):.1f}", str(v.rng.randrange(55, 88))]
            )
        return Doc(
            f"dim/activite_par_diagnostic_{i:03d}.{v.pick('csv', 'xlsx')}", b"", False, False, set(), set(), [], "stats"
        ).with_table(rows, v)

    def teaching_case(self, i: int) -> Doc:
        v = self.v
        text = v.pick(
            "CAS CLINIQUE - Staff du jeudi\n\nMme X., 54 ans, sans antécédent notable, consulte pour une dyspnée "
            "d'apparition brutale. À l'examen : FC 118/min, SpO2 89 % en air ambiant, mollet droit douloureux.\n"
            "D-dimères 2 400 ng/mL. Angioscanner : embolie pulmonaire bilatérale proximale.\nQuestion 1 : quel score "
            "de gravité calculez-vous ? Question 2 : quel traitement anticoagulant proposez-vous (héparine, AOD) ?\n",
            "Enseignement DES - Cas n° 7\nM. Y., 71 ans, diabétique (E11), hospitalisé pour une plaie du pied gauche "
            "évoluant depuis 3 semaines. HbA1c 9,8 %, CRP 145 mg/L. Radiographie : ostéite de la tête du 2e "
            "métatarsien.\nDiscussion : antibiothérapie probabiliste, place de l'IRM, avis chirurgical.\n",
            "Quiz ECG\nPatient de 62 ans, douleur thoracique depuis 40 min. "
            "Sus-décalage du segment ST en D2, D3, aVF.\n"
            "Quel est votre diagnostic ? (I21.1) Quelle est la conduite à tenir ?\n",
        )
        fmt = v.pick("txt", "docx", "pdf")
        data = _txt(text) if fmt == "txt" else _docx(text.split("\n")) if fmt == "docx" else _pdf(text)
        return Doc(f"enseignement/cas_clinique_{i:03d}.{fmt}", data, False, False, set(), set(), [], "teaching_case")

    def blank_form(self, i: int) -> Doc:
        v = self.v
        text = "\n".join(
            [
                v.pick("FICHE DE LIAISON EHPAD - URGENCES", "DEMANDE D'EXAMEN DE BIOLOGIE", "FICHE D'ADMISSION"),
                "Nom : ____________________   Prénom : ____________________",
                "Date de naissance : __/__/____      Sexe : M [ ]  F [ ]",
                "N° de sécurité sociale : _ __ __ __ ___ ___ __",
                "IPP : ____________   N° de séjour : ____________",
                "Motif de l'examen / de la venue : ______________________________",
                "Antécédents : __________________________   Allergies : __________",
                "Traitement en cours : ________________________________________",
                "Signature du prescripteur :",
                "",
            ]
        )
        fmt = v.pick("txt", "docx", "pdf")
        data = _txt(text) if fmt == "txt" else _docx(text.split("\n")) if fmt == "docx" else _pdf(text)
        return Doc(f"modeles/formulaire_vierge_{i:03d}.{fmt}", data, False, False, set(), set(), [], "blank_form")

    def newsletter(self, i: int) -> Doc:
        text = (
            "LA LETTRE DU PÔLE - Journée mondiale du diabète\n\nEn France, plus de 4 millions de personnes sont "
            "traitées pour un diabète. Le service d'endocrinologie organise le 14 novembre une journée de "
            "dépistage : glycémie capillaire, conseils diététiques, atelier podologie.\nRappel : une HbA1c > 7 % "
            "impose de réévaluer le traitement (metformine, iSGLT2, GLP-1). Venez nombreux, hall principal, 9h-16h.\n"
            "Le prochain numéro présentera le nouveau circuit de chimiothérapie ambulatoire.\n"
        )
        return Doc(f"communication/lettre_pole_{i:03d}.txt", _txt(text), False, False, set(), set(), [], "newsletter")

    def anon_extract(self, i: int) -> Doc:
        """A pseudonymised research extract: hashed ids, age class, diagnosis. Not directly identifying."""
        v = self.v
        rows = [["id_pseudo", "classe_age", "sexe", "dp_cim10", "duree_sejour"]]
        for _ in range(v.rng.randrange(20, 50)):
            rows.append(
                [
                    v.fake.hexify("^" * 12),
                    v.pick("18-39", "40-59", "60-74", "75+"),
                    v.pick("H", "F"),
                    v.pick("I50.0", "J18.9", "E11.9", "C50.9"),
                    str(v.rng.randrange(1, 20)),
                ]
            )
        return Doc(f"recherche/extraction_pseudo_{i:03d}.csv", _csv(rows, ","), False, False, set(), set(), [], "anon")


# --------------------------------------------------------------------------------------------------- corpus


def build(seed: int) -> list[Doc]:
    """All documents of the holdout, in a fixed order for a given seed."""
    v = Values(seed)
    letters, tables, formats, neg = Letters(v), Tables(v), Formats(v), Negatives(v)
    plan: list[tuple[Callable[[int], Doc], int]] = [
        (letters.consultation, 30),
        (letters.radiology, 10),
        (letters.operative, 6),
        (letters.prescription, 8),
        (letters.nursing, 6),
        (letters.lab, 6),
        (letters.secretary_note, 5),
        (letters.convocation, 6),
        (tables.patient_list, 12),
        (tables.lab_export, 5),
        (tables.bed_board, 4),
        (tables.appointments, 6),
        (tables.pmsi, 5),
        (formats.hl7, 6),
        (formats.fhir, 5),
        (formats.fhir_practitioner, 2),
        (formats.hprim, 3),
        (neg.payroll, 5),
        (neg.payslip, 3),
        (neg.sick_leave_hr, 2),
        (neg.training, 4),
        (neg.directory, 3),
        (neg.switchboard, 2),
        (neg.on_call, 2),
        (neg.invoice, 6),
        (neg.inventory, 4),
        (neg.it_log, 3),
        (neg.minutes, 4),
        (neg.guideline, 6),
        (neg.formulary, 2),
        (neg.stats, 3),
        (neg.teaching_case, 4),
        (neg.blank_form, 4),
        (neg.newsletter, 1),
        (neg.anon_extract, 2),
    ]
    docs = [make(i) for make, count in plan for i in range(count)]
    docs += list(_mistyped_nirs(v))
    return docs


def _mistyped_nirs(v: Values) -> Iterator[Doc]:
    """Letters and lists whose NIR fails the key in a NIR context: still a person's number (label NIR present)."""
    for i in range(4):
        p = v.person()
        bad = v.nir(p.sex, p.born, bad_key=True)
        label = v.pick("N° SS", "N° de sécurité sociale", "Assuré n°", "NIR")
        text = (
            f"Demande de prise en charge - transport sanitaire\nAssuré : {p.full()}\n{label} : {v.nir_text(bad)}\n"
            f"Motif : séances de radiothérapie (cancer du sein), 25 séances.\nPrescripteur : {v.doctor()}\n"
        )
        yield Doc(
            f"admissions/PEC_transport_{i:03d}.txt",
            _txt(text),
            True,
            True,
            {"NIR", "PERSON_NAME"},
            set(),
            [bad],
            "mistyped_nir",
        )


# --------------------------------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class Outcome:
    doc: Doc
    health: bool
    personal: bool
    found: set[str]
    fmt: str
    reasons: list[str]
    samples: list[str]
    crashed: bool = False

    @property
    def missing(self) -> set[str]:
        return self.doc.ids - self.found - self.doc.tolerated

    @property
    def extra(self) -> set[str]:
        return self.found - self.doc.ids - self.doc.tolerated

    @property
    def wrong(self) -> bool:
        return (
            self.health != self.doc.health
            or self.personal != self.doc.personal
            or bool(self.missing)
            or bool(self.extra)
        )


def classify_all(docs: list[Doc], root: Path) -> tuple[list[Outcome], int]:
    """Write every document under ``root``, classify it, and count clear planted values found in verdicts."""
    from lanterne.classify import Classifier
    from lanterne.settings import ClassifierSettings

    classifier = Classifier(ClassifierSettings(), KEY)
    outcomes, leaks = [], 0
    for seq, doc in enumerate(docs):
        path = root / doc.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(doc.data)
        try:
            verdict = classifier.classify(file_event(root, doc.name, seq, AGENT))
        except Exception:  # a crash counts as a verdict that found nothing
            outcomes.append(Outcome(doc, False, False, set(), "crash", [], [], crashed=True))
            continue
        found = {t for t, n in verdict.identifiers.items() if n > 0}
        outcomes.append(
            Outcome(
                doc,
                verdict.health_data,
                verdict.personal_data,
                found,
                verdict.format,
                list(verdict.reasons),
                list(verdict.samples),
            )
        )
        dumped = repr(verdict.model_dump())
        leaks += sum(s in dumped for s in doc.secrets if len(s) >= 6)
    return outcomes, leaks


def _table(headers: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([fmt.format(*headers)] + [fmt.format(*r) for r in rows])


def render(outcomes: list[Outcome], leaks: int, seed: int, markdown: bool, why: bool) -> str:
    by_type = {t: Confusion() for t in TYPES}
    health, personal = Confusion(), Confusion()
    families: dict[str, list[int]] = {}
    for o in outcomes:
        for t in TYPES:
            if t not in o.doc.tolerated:
                by_type[t].add(t in o.doc.ids, t in o.found)
        health.add(o.doc.health, o.health)
        personal.add(o.doc.personal, o.personal)
        fam = families.setdefault(o.doc.family, [0, 0, 0, 0])
        fam[0] += 1
        fam[1] += o.health == o.doc.health
        fam[2] += o.personal == o.doc.personal
        fam[3] += not (o.missing or o.extra)
    crashed = sum(o.crashed for o in outcomes)
    out = [
        f"Holdout corpus: {len(outcomes)} files, seed {seed}; classifier crashed on {crashed}; "
        f"planted clear values found in verdicts: {leaks}.",
        "",
    ]
    rows = [c.row(t) for t, c in by_type.items()] + [health.row("health_data"), personal.row("personal_data")]
    out += [_table(["per file", "expected", "TP", "FP", "FN", "precision %", "recall %"], rows, markdown), ""]
    fam_rows = [[f, str(n), str(h), str(p), str(i)] for f, (n, h, p, i) in sorted(families.items())]
    out += [_table(["family", "files", "health ok", "personal ok", "identifiers ok"], fam_rows, markdown), ""]
    wrong = [o for o in outcomes if o.wrong]
    out.append(f"Misclassified files ({len(wrong)}): expected vs got; missing/extra identifier types.")
    flag = lambda b: "Y" if b else "n"  # noqa: E731
    rows = []
    for o in wrong:
        rows.append(
            [
                o.doc.name,
                o.fmt,
                f"{flag(o.doc.health)}/{flag(o.health)}",
                f"{flag(o.doc.personal)}/{flag(o.personal)}",
                ",".join(sorted(o.missing)) or "-",
                ",".join(sorted(o.extra)) or "-",
            ]
        )
        if why:
            rows.append(
                ["", "", "", "", "reasons: " + "; ".join(o.reasons)[:160], "samples: " + "; ".join(o.samples)[:120]]
            )
    if rows:
        out.append(_table(["file", "format", "health exp/got", "personal exp/got", "missing", "extra"], rows, markdown))
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--markdown", action="store_true", help="markdown tables, also written to bench/RESULTS.md")
    parser.add_argument("--why", action="store_true", help="also show the verdict's reasons and masked samples")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    docs = build(args.seed)
    with tempfile.TemporaryDirectory(prefix="lanterne-holdout-") as tmp:
        try:
            outcomes, leaks = classify_all(docs, Path(tmp))
        except ImportError as exc:
            sys.exit(f"the classifier is not importable: {exc}")
    text = render(outcomes, leaks, args.seed, args.markdown, args.why)
    print(text)
    if args.markdown:
        command = f"`.venv/bin/python bench/holdout.py --seed {args.seed} --markdown`"
        write_section("holdout", f"## Holdout corpus (independent, written blind)\n\nCommand: {command}\n\n{text}")


if __name__ == "__main__":
    main()

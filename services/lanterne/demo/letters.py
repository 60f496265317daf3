"""Letters about a named patient (compte rendu d'hospitalisation), as a format-neutral structure.

A ``Letter`` is built once (with its planted values) and rendered by ``office`` into text, DOCX, PDF, RTF, ODT or
HTML, so every format carries the same ground truth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from lanterne.demo.clinical import ANALYTES, CASES, SECTIONS, Case
from lanterne.demo.context import Ctx
from lanterne.demo.identity import Patient
from lanterne.demo.labels import Planted

_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre")  # fmt: skip


@dataclass(slots=True)
class Letter:
    title: str
    header: list[str]
    sections: list[tuple[str, list[str]]]  # (heading, paragraphs); an empty heading is an untitled opening
    footer: list[str]
    planted: Planted = field(default_factory=Planted)
    year: int = 2020
    service: str = ""
    # Where word processors put the identity block: in the body ("plain") or in a table with the establishment
    # in the page header ("table"), as many hospital templates do; extractors that read only body paragraphs miss it.
    layout: str = "plain"


def fmt_date(ctx: Ctx, day: date) -> str:
    """A date the way French letters write it, in one of three spellings."""
    style = ctx.rng.random()
    if style < 0.6:
        return day.strftime("%d/%m/%Y")
    if style < 0.8:
        return day.strftime("%d.%m.%Y")
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def fmt_nir(ctx: Ctx, nir: str) -> str:
    """A NIR spelled as on forms: grouped by spaces, in one block, with the key apart, or spaced out."""
    style = ctx.rng.random()
    if style < 0.05:  # one space between every character, as some forms print it
        return " ".join(nir)
    if style < 0.5:
        return " ".join((nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:]))
    if style < 0.8:
        return nir
    return f"{nir[:13]} {nir[13:]}"


def patient_block(ctx: Ctx, p: Patient, planted: Planted, *, nir: bool = True, nda: bool = True) -> list[str]:
    """The identity lines at the top of a clinical document."""
    born = "Né le" if p.sex == "M" else "Née le"
    planted.add("PERSON_NAME", p.full_name)
    planted.add("BIRTH_DATE", p.birth.isoformat())
    lines = [
        f"Patient : {p.civility} {p.last.upper()} {p.first}",
        f"{born} : {fmt_date(ctx, p.birth)}",
        f"IPP : {planted.add('IPP', p.ipp)}",
    ]
    if nda:
        lines.append(f"N° de séjour (NDA) : {planted.add('NDA', p.nda)}")
    if nir:
        label = ctx.rng.choice(("N° SS", "N° sécurité sociale", "NIR", "N° INSEE"))
        lines.append(f"{label} : {fmt_nir(ctx, planted.add('NIR', p.nir))}")
    if ctx.rng.random() < 0.5:
        lines.append(f"Adresse : {p.address}, {p.postcode} {p.city}")
    if ctx.rng.random() < 0.3:
        lines.append(f"Tél. : {planted.add('PHONE', p.phone)}")
    return lines


def discharge_letter(ctx: Ctx, case: Case | None = None, patient: Patient | None = None) -> Letter:
    """A compte rendu d'hospitalisation with the classic sections, codes, doses and lab values."""
    rng = ctx.rng
    case = case or rng.choice(CASES)
    year = ctx.year()
    p = patient or ctx.people.patient((year - 15, year - 1) if case.service == "Pediatrie" else (1925, year - 18))
    admitted = ctx.day(year)
    discharged = admitted + timedelta(days=rng.randint(1, 15))
    author, gp = ctx.doctor(), ctx.people.staff()
    planted = Planted()
    header = [ctx.site.name, f"Service de {case.service}"]
    if rng.random() < 0.5:
        header.append(f"FINESS : {planted.add('FINESS', ctx.site.finess)}")
    header.append(f"Secrétariat : {planted.add('PHONE', ctx.site.switchboard)}")
    header += patient_block(ctx, p, planted, nir=rng.random() < 0.8)
    header.append(f"Hospitalisation du {fmt_date(ctx, admitted)} au {fmt_date(ctx, discharged)}")
    header.append(f"Médecin traitant : Dr {gp.first} {gp.last.upper()}")
    planted.add("PERSON_NAME", gp.full_name)

    labs = [a for a in ANALYTES if a.code in case.analytes]
    lab_lines = [f"{a.label} : {a.value(rng)} {a.unit}" for a in labs]
    pronoun = "Le patient" if p.sex == "M" else "La patiente"
    fem = "" if p.sex == "M" else "e"
    age = admitted.year - p.birth.year
    body = {
        "Motif d'hospitalisation": [
            f"{pronoun}, âgé{fem} de {age} ans, est hospitalisé{fem} pour {case.motif}.",
        ],
        "Antécédents": [f"- {h}" for h in case.history],
        "Histoire de la maladie": [
            f"{pronoun} rapporte une aggravation progressive des symptômes depuis {rng.randint(2, 20)} jours."
        ],
        "Examen clinique": [
            f"TA {rng.randint(100, 170)}/{rng.randint(55, 95)} mmHg, FC {rng.randint(55, 120)} bpm, "
            f"SpO2 {rng.randint(88, 99)} %, température {rng.uniform(36.2, 39.5):.1f} °C."
        ],
        "Examens complémentaires": [*lab_lines, case.exam],
        "Diagnostic retenu": [f"{label} (CIM-10 {code})" for code, label in case.diagnoses],
        "Traitement de sortie": [f"- {t}" for t in case.treatments],
        "Conclusion": [
            f"Au total, {pronoun.lower()} sort à domicile le {fmt_date(ctx, discharged)}. "
            f"Consultation de suivi dans {rng.choice((1, 3, 6))} mois."
        ],
    }
    sections = [(name, body[name]) for name in SECTIONS if name in body]
    greeting = "votre patient M." if p.sex == "M" else "votre patiente Mme"
    sections.insert(0, ("", ["Cher Confrère,", f"J'ai pris en charge {greeting} {p.last.upper()} {p.first}."]))
    footer = [f"Dr {author.first} {author.last.upper()}, {case.service}"]
    planted.add("PERSON_NAME", author.full_name)
    if rng.random() < 0.6:
        footer.append(f"RPPS : {planted.add('RPPS', author.rpps)}")
    layout = rng.choice(("plain", "table"))
    title = "Compte rendu d'hospitalisation"
    return Letter(title, header, sections, footer, planted, discharged.year, case.service, layout)


def letter_text(letter: Letter) -> str:
    """Plain-text rendering: the reference rendering other formats follow."""
    out = [*letter.header, "", letter.title.upper(), ""]
    for heading, paragraphs in letter.sections:
        out += [heading.upper(), *paragraphs, ""] if heading else [*paragraphs, ""]
    out += letter.footer
    return "\n".join(out) + "\n"

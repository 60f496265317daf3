"""Tabular exports (lab results, PMSI stays, payroll, patient lists) as format-neutral tables.

A ``Table`` is rendered as CSV here or as XLSX/ODS by ``office``, with the same planted values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from lanterne.demo.clinical import ANALYTES, CASES
from lanterne.demo.context import Ctx
from lanterne.demo.labels import Planted


@dataclass(slots=True)
class Table:
    name: str  # sheet name
    header: list[str]
    rows: list[list[str]]
    planted: Planted = field(default_factory=Planted)
    year: int = 2020


def lab_export(ctx: Ctx, patients: int = 0) -> Table:
    """A lab result export: IPP;NOM;PRENOM;DDN;ANALYSE;RESULTAT;UNITE, a few analyses per patient."""
    rng = ctx.rng
    planted = Planted()
    rows = []
    for _ in range(patients or rng.randint(3, 12)):
        p = ctx.people.patient()
        planted.add("IPP", p.ipp)
        planted.add("PERSON_NAME", p.full_name)
        planted.add("BIRTH_DATE", p.birth.isoformat())
        for a in rng.sample(ANALYTES, rng.randint(1, 4)):
            rows.append([p.ipp, p.last.upper(), p.first, p.birth.strftime("%d/%m/%Y"), a.label, a.value(rng), a.unit])
    return Table(
        "Resultats", ["IPP", "NOM", "PRENOM", "DDN", "ANALYSE", "RESULTAT", "UNITE"], rows, planted, ctx.year()
    )


def pmsi_stays(ctx: Ctx, stays: int = 0) -> Table:
    """A DIM extract of stays: IPP, NDA, dates, principal and associated diagnoses (CIM-10), GHM."""
    rng = ctx.rng
    planted = Planted()
    year = ctx.year()
    rows = []
    for _ in range(stays or rng.randint(5, 20)):
        p, case = ctx.people.patient(), rng.choice(CASES)
        start = ctx.day(year)
        end = start + timedelta(days=rng.randint(0, 12))
        das = case.diagnoses[1][0] if len(case.diagnoses) > 1 else ""
        rows.append(
            [
                planted.add("IPP", p.ipp),
                planted.add("NDA", p.nda),
                p.sex,
                p.birth.strftime("%d%m%Y"),
                start.strftime("%d%m%Y"),
                end.strftime("%d%m%Y"),
                case.diagnoses[0][0],
                das,
                f"{rng.randint(1, 28):02d}M{rng.randint(0, 20):02d}{rng.choice('1234ZT')}",
            ]
        )
        planted.add("BIRTH_DATE", p.birth.isoformat())
    return Table(
        "RSS", ["IPP", "NDA", "SEXE", "DDN", "DATE_ENTREE", "DATE_SORTIE", "DP", "DAS", "GHM"], rows, planted, year
    )


def payroll(ctx: Ctx, employees: int = 0) -> Table:
    """An HR payroll export with NIRs and IBANs: personal data, not health data."""
    rng = ctx.rng
    planted = Planted()
    rows = []
    for _ in range(employees or rng.randint(5, 25)):
        s = ctx.people.staff()
        planted.add("PERSON_NAME", s.full_name)
        planted.add("BIRTH_DATE", s.birth.isoformat())
        rows.append(
            [
                f"M{rng.randint(10000, 99999)}",
                s.last.upper(),
                s.first,
                s.birth.strftime("%d/%m/%Y"),
                planted.add("NIR", s.nir),
                planted.add("IBAN", s.iban),
                f"{rng.uniform(1650, 5200):.2f}".replace(".", ","),
            ]
        )
    return Table(
        "Paie",
        ["MATRICULE", "NOM", "PRENOM", "DATE_NAISSANCE", "NUM_SECU", "IBAN", "NET_A_PAYER"],
        rows,
        planted,
        ctx.year(),
    )


def patient_list(ctx: Ctx, patients: int = 0) -> Table:
    """A ward's list of patients (the spreadsheet nobody remembers): names, birth dates, IPP, room, diagnosis."""
    rng = ctx.rng
    planted = Planted()
    rows = []
    for _ in range(patients or rng.randint(6, 25)):
        p, case = ctx.people.patient(), rng.choice(CASES)
        planted.add("PERSON_NAME", p.full_name)
        planted.add("BIRTH_DATE", p.birth.isoformat())
        rows.append(
            [
                f"{rng.randint(1, 40):02d}",
                p.last.upper(),
                p.first,
                p.birth.strftime("%d/%m/%Y"),
                planted.add("IPP", p.ipp),
                case.diagnoses[0][1],
                case.treatments[0],
            ]
        )
    return Table(
        "Patients", ["CHAMBRE", "NOM", "PRENOM", "DDN", "IPP", "DIAGNOSTIC", "TRAITEMENT"], rows, planted, ctx.year()
    )


def table_csv(table: Table, sep: str = ";") -> str:
    """CSV the way hospital exports write it: ';'-separated, no quoting unless needed."""
    lines = [sep.join(table.header)]
    lines += [sep.join(cell.replace(sep, ",") for cell in row) for row in table.rows]
    return "\r\n".join(lines) + "\r\n"

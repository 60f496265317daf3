"""HPRIM: the French lab-result exchange formats, Santé (segments) and Médecin (fixed header lines).

HPRIM Santé shares HL7's segment grammar with its own separators (``H|~^\\&``: ``~`` separates components there)
and ASTM numbering (field 1 is the segment id, so P.3 is the first value after ``P|seq|``). The patient is the
``P`` segment: P.3/P.4/P.5 patient ids (P.5 a NIR when it has a NIR's shape), P.6 name (``NOM~Prénom``), P.7
birth name, P.8 birth date, P.9 sex, P.11 address, P.13 phone, P.14 doctors. Results are ``OBX`` (type,
code~label~system, value, unit), comments ``C``.

HPRIM Médecin is a letter-like text file: a 12-line header (patient code, name, first name, two address lines,
postcode and town, birth date, social-security number, file number, file date, two doctor codes), the report text,
an optional ``****LAB****`` block of ``RES|`` / ``TEX|`` lines, then ``****FIN****``; several documents may follow
each other, the file ending with ``****FINFICHIER****``.
"""

from __future__ import annotations

import re
from typing import ClassVar

from lanterne.errors import Corrupt
from lanterne.extract.base import Extracted, Limits, Role
from lanterne.extract.budget import Budget
from lanterne.extract.charset import read
from lanterne.extract.identity import join_name, nir_shaped
from lanterne.extract.segments import Grammar, Segment, lines, segment


def _text(data: bytes, limits: Limits) -> str:
    text = read(data, limits.max_chars)
    if text is None:
        raise Corrupt("HPRIM file does not decode as text")
    return text.lstrip("\ufeff")


def _patient(seg: Segment, budget: Budget) -> None:
    g = seg.grammar
    for index in (2, 3, 4):
        value = g.component(seg.field(index), 0)
        # P.5 ("patient id 3", ASTM's national number) holds the NIR at some sites, another id at others.
        role = Role.PATIENT_NIR if index == 4 and nir_shaped(value) else Role.PATIENT_ID
        budget.add_field(role, value, f"P.{index + 1}")
    for index in (5, 6):
        for rep in seg.repetitions(index):
            name = join_name(g.component(rep, 1), g.component(rep, 0))
            budget.add_field(Role.PATIENT_NAME, name, f"P.{index + 1}")
    budget.add_field(Role.PATIENT_BIRTH_DATE, g.component(seg.field(7), 0), "P.8")
    budget.add_field(Role.PATIENT_SEX, g.component(seg.field(8), 0), "P.9")
    budget.add_field(Role.PATIENT_ADDRESS, seg.text(10), "P.11")
    budget.add_field(Role.OTHER, seg.text(12), "P.13")
    for rep in seg.repetitions(13):
        budget.add_field(Role.PROFESSIONAL_ID, g.component(rep, 0), "P.14")
        budget.add_field(Role.PROFESSIONAL_NAME, join_name(g.component(rep, 2), g.component(rep, 1)), "P.14")


def _result(seg: Segment, budget: Budget) -> None:
    g = seg.grammar
    code = seg.field(3)
    budget.add_field(Role.CLINICAL_CODE, g.component(code, 0), "OBX.4", g.component(code, 2) or "HPRIM")
    value = " ".join(part for part in (g.component(code, 1), seg.text(5), g.component(seg.field(6), 0)) if part)
    budget.add_field(Role.CLINICAL_TEXT, value, "OBX.6")


class HprimSanteExtractor:
    """HPRIM Santé lab messages (``H|`` header)."""

    name: ClassVar[str] = "hprim"
    formats: ClassVar[tuple[str, ...]] = ("hprim",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        budget = Budget.start("hprim", limits, health_format=True)
        grammar: Grammar | None = None
        for count, line in enumerate(lines(_text(data, limits))):
            if count % 256 == 0 and budget.stop():
                break
            if line.startswith("H") and len(line) > 2:
                grammar = Grammar.from_header(line[1], line[2:7].split(line[1])[0])
                continue
            if grammar is None:
                continue
            seg = segment(line, grammar)
            if seg.id == "P":
                _patient(seg, budget)
            elif seg.id == "OBX":
                _result(seg, budget)
            elif seg.id == "C":
                budget.add_field(Role.CLINICAL_TEXT, seg.text(3), "C.4")
        if grammar is None:
            budget.note(Corrupt.code, "no H header: not an HPRIM Santé message")
        return budget.out


_MARK = re.compile(r"^\*{4}(LAB|FIN|FINFICHIER)\*{4}\s*$")
# The 12 header lines, in order: role (None: not kept) and the label used as ``where``.
_HEADER: tuple[tuple[Role | None, str], ...] = (
    (Role.PATIENT_ID, "patient code"),
    (None, "name"),  # lines 2 and 3 are joined into one name
    (None, "first name"),
    (Role.PATIENT_ADDRESS, "address 1"),
    (Role.PATIENT_ADDRESS, "address 2"),
    (Role.PATIENT_ADDRESS, "postcode and town"),
    (Role.PATIENT_BIRTH_DATE, "birth date"),
    (Role.PATIENT_NIR, "social-security number"),
    (Role.STAY_ID, "file number"),
    (Role.OTHER, "file date"),
    (Role.OTHER, "doctor code"),
    (Role.OTHER, "recipient code"),
)


def _medecin_document(block: list[str], number: int, budget: Budget) -> None:
    header, rest = block[:12], block[12:]
    for index, (role, label) in enumerate(_HEADER[: len(header)]):
        if role is not None:
            budget.add_field(role, header[index], f"HPRIM header line {index + 1} ({label})")
    if len(header) > 2:
        budget.add_field(Role.PATIENT_NAME, join_name(header[2], header[1]), "HPRIM header lines 2-3 (name)")
    report: list[str] = []
    in_lab = False
    for line in rest:
        mark = _MARK.match(line)
        if mark is not None:
            in_lab = mark.group(1) == "LAB"
            continue
        if in_lab and line.startswith(("RES|", "TEX|")):
            parts = line.split("|")
            if parts[0] == "RES":
                # RES|label|code|type|value|unit|low|high|flag|...
                budget.add_field(Role.CLINICAL_CODE, parts[2] if len(parts) > 2 else "", "RES code", "HPRIM")
                budget.add_field(Role.CLINICAL_TEXT, " ".join(p.strip() for p in parts[1:2] + parts[4:6]), "RES")
            else:
                budget.add_field(Role.CLINICAL_TEXT, "|".join(parts[1:]), "TEX")
        else:
            report.append(line)
    budget.add_text("\n".join(report), f"document {number}")


class HprimMedecinExtractor:
    """HPRIM Médecin report files (12-line header, ``****FIN****`` markers)."""

    name: ClassVar[str] = "hprim_medecin"
    formats: ClassVar[tuple[str, ...]] = ("hprim_medecin",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        budget = Budget.start("hprim_medecin", limits, health_format=True)
        block: list[str] = []
        number = 0
        for line in _text(data, limits).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            mark = _MARK.match(line)
            if mark is not None and mark.group(1) in ("FIN", "FINFICHIER"):
                if any(part.strip() for part in block):
                    number += 1
                    _medecin_document(block, number, budget)
                    if budget.stop():
                        return budget.out
                block = []
                continue
            block.append(line.strip() if len(block) < 12 else line)
        if any(part.strip() for part in block):
            _medecin_document(block, number + 1, budget)
        return budget.out

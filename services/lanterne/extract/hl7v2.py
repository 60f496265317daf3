"""HL7 v2 messages (ADT, ORU, MDM...): identity from PID/PV1/MRG, codes from DG1/OBX, text from OBX/NTE.

Where the patient is (HL7 v2.5, IHE PAM France): PID-3 repetitions typed ``PI`` (IPP) or carrying an INS OID in
the assigning authority (``^^^&1.2.250.1.213.1.4.8&ISO^INS``), PID-5 names, PID-7 birth date, PID-18 / PV1-19 stay
number (``AN`` / ``VN``), PID-19 the old social-security field. Doctors (XCN in PV1-7/8/9/17, ORC-12, OBR-16,
TXA-5/9) are professionals. OBX-5 of type ``ED`` (a base64 PDF report, common in French result feeds) becomes a
member to classify. A file may hold several messages, MLLP-framed or not, with ``\\r`` or ``\\n`` segments.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from typing import ClassVar

from lanterne.errors import Corrupt
from lanterne.extract.base import Extracted, Limits, Role
from lanterne.extract.budget import Budget
from lanterne.extract.charset import read
from lanterne.extract.identity import join_name, patient_identifier_role
from lanterne.extract.segments import Grammar, Segment, lines, segment

_HEADERS = ("MSH", "FHS", "BHS")
_SEGMENT = re.compile(r"[A-Z][A-Z0-9]{2}[|^~\\&#]")  # a segment id, then a separator
_TEXT_TYPES = frozenset({"ST", "TX", "FT", "CE", "CWE", "NM", "SN", "DT", "TS", "CF"})


def _authority(grammar: Grammar, value: str, index: int) -> str:
    """An HD (``namespace&universal id&type``): the universal id (OID) when given, else the namespace."""
    return grammar.component(value, index, 1) or grammar.component(value, index, 0)


def _cx(seg: Segment, index: int, budget: Budget, default: Role | None = None) -> None:
    """Identifier list (CX): role from the type code and the assigning authority's OID."""
    g = seg.grammar
    for rep in seg.repetitions(index):
        value = g.component(rep, 0)
        system = _authority(g, rep, 3)
        type_code = g.component(rep, 4)
        role = patient_identifier_role(system, type_code)
        if default is not None and role == Role.PATIENT_ID:
            role = default
        budget.add_field(role, value, f"{seg.id}-{index}" + (f" ^{type_code}" if type_code else ""), system)


def _xcn(seg: Segment, index: int, budget: Budget) -> None:
    """Person with id (XCN): a professional (id, family name, given name, assigning authority)."""
    g = seg.grammar
    for rep in seg.repetitions(index):
        where = f"{seg.id}-{index}"
        budget.add_field(Role.PROFESSIONAL_ID, g.component(rep, 0), where, _authority(g, rep, 8))
        budget.add_field(Role.PROFESSIONAL_NAME, join_name(g.component(rep, 2), g.component(rep, 1, 0)), where)


def _code(seg: Segment, index: int, budget: Budget) -> None:
    """Coded element (CE/CWE): code with its coding system, and the text as clinical text."""
    g = seg.grammar
    for rep in seg.repetitions(index):
        where = f"{seg.id}-{index}"
        budget.add_field(Role.CLINICAL_CODE, g.component(rep, 0), where, g.component(rep, 2))
        budget.add_field(Role.CLINICAL_TEXT, g.component(rep, 1), where)
        if g.component(rep, 3):
            budget.add_field(Role.CLINICAL_CODE, g.component(rep, 3), where, g.component(rep, 5))


def _pid(seg: Segment, budget: Budget) -> None:
    g = seg.grammar
    _cx(seg, 2, budget)
    _cx(seg, 3, budget)
    _cx(seg, 4, budget)
    for rep in seg.repetitions(5):
        name = join_name(g.component(rep, 1), g.component(rep, 2), g.component(rep, 0, 0))
        budget.add_field(Role.PATIENT_NAME, name, "PID-5")
    budget.add_field(Role.PATIENT_BIRTH_DATE, g.component(seg.field(7), 0), "PID-7")
    budget.add_field(Role.PATIENT_SEX, g.component(seg.field(8), 0), "PID-8")
    budget.add_field(Role.PATIENT_ADDRESS, seg.text(11), "PID-11")
    budget.add_field(Role.OTHER, seg.text(13), "PID-13")  # phone numbers: personal data, read as text
    _cx(seg, 18, budget, default=Role.STAY_ID)
    budget.add_field(Role.PATIENT_NIR, g.component(seg.field(19), 0), "PID-19")
    budget.add_field(Role.OTHER, g.component(seg.field(32), 0), "PID-32")  # identity reliability: VALI = qualified INS


def _pv1(seg: Segment, budget: Budget) -> None:
    for index in (7, 8, 9, 17):
        _xcn(seg, index, budget)
    _cx(seg, 19, budget, default=Role.STAY_ID)


def _obx(seg: Segment, budget: Budget) -> None:
    g = seg.grammar
    value_type = seg.field(2).strip().upper()
    _code(seg, 3, budget)
    for rep in seg.repetitions(5):
        if value_type == "ED":
            _encapsulated(seg, rep, budget)
        elif value_type in _TEXT_TYPES or not value_type:
            unit = g.component(seg.field(6), 0)
            text = " ".join(g.unescape(c).strip() for c in g.components(rep) if c.strip())
            budget.add_field(Role.CLINICAL_TEXT, f"{text} {unit}".strip(), "OBX-5")


def _encapsulated(seg: Segment, value: str, budget: Budget) -> None:
    """OBX-5 ED: ``source^type^subtype^Base64^data``; the decoded document is a member to classify."""
    g = seg.grammar
    if g.component(value, 3).upper() not in ("BASE64", "A"):
        return
    payload = g.components(value)[4] if len(g.components(value)) > 4 else ""
    try:
        data = base64.b64decode(payload.replace(g.escape + ".br" + g.escape, ""), validate=False)
    except (binascii.Error, ValueError):
        budget.note(Corrupt.code, f"OBX-{seg.field(1).strip()}: encapsulated data is not valid base64")
        return
    subtype = (g.component(value, 2) or "bin").lower()
    budget.add_member(f"OBX-{seg.field(1).strip() or '?'}.{subtype}", data)


def _dg1(seg: Segment, budget: Budget) -> None:
    _code(seg, 3, budget)
    budget.add_field(Role.CLINICAL_TEXT, seg.text(4), "DG1-4")


def _text_field(index: int) -> Callable[[Segment, Budget], None]:
    def handle(seg: Segment, budget: Budget) -> None:
        budget.add_field(Role.CLINICAL_TEXT, seg.text(index), f"{seg.id}-{index}")

    return handle


def _professionals(*indexes: int) -> Callable[[Segment, Budget], None]:
    def handle(seg: Segment, budget: Budget) -> None:
        for index in indexes:
            _xcn(seg, index, budget)

    return handle


def _mrg(seg: Segment, budget: Budget) -> None:
    """Merge: the prior patient identifiers and the prior visit number."""
    _cx(seg, 1, budget)
    _cx(seg, 5, budget, default=Role.STAY_ID)


def _obr(seg: Segment, budget: Budget) -> None:
    _code(seg, 4, budget)
    _xcn(seg, 16, budget)
    _xcn(seg, 32, budget)


_HANDLERS: dict[str, Callable[[Segment, Budget], None]] = {
    "PID": _pid,
    "PV1": _pv1,
    "MRG": _mrg,
    "OBX": _obx,
    "OBR": _obr,
    "DG1": _dg1,
    "PR1": lambda seg, budget: _code(seg, 3, budget),
    "NTE": _text_field(3),
    "ORC": _professionals(10, 11, 12),
    "TXA": _professionals(5, 9, 22),
    "AL1": lambda seg, budget: _code(seg, 3, budget),
}


class Hl7Extractor:
    """HL7 v2 message files (one or many messages, MLLP-framed or not)."""

    name: ClassVar[str] = "hl7"
    formats: ClassVar[tuple[str, ...]] = ("hl7",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        budget = Budget.start("hl7", limits, health_format=True)
        text = read(data, limits.max_chars)
        if text is None:
            raise Corrupt("HL7 file does not decode as text")
        grammar: Grammar | None = None
        other: list[str] = []  # lines that are no segment: an interface log's own lines around the messages
        for count, line in enumerate(lines(text.lstrip("\ufeff"))):
            if count % 256 == 0 and budget.stop():
                break
            name = line[:3]
            if name in _HEADERS and len(line) > 4:
                grammar = Grammar.from_header(line[3], line[4:8].split(line[3])[0])
            if grammar is None or not _SEGMENT.match(line):
                other.append(line)
                continue
            seg = segment(line, grammar, header=name in _HEADERS)
            handler = _HANDLERS.get(seg.id)
            if handler is not None:
                handler(seg, budget)
        if grammar is None:
            budget.note(Corrupt.code, "no MSH segment: not an HL7 v2 message")
        elif other:
            budget.add_text("\n".join(other), "lines outside the messages")
        return budget.out

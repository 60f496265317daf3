"""Decide: from findings to "health data?", "personal data?", and why, in plain words.

GDPR art. 9 health data needs both an identifiable person and health content (domain sheet): a payroll file full of
NIRs and IBANs is personal data, not health data; a care protocol or a diabetes newsletter (clinical words, nobody
named) is neither; a letter about a named patient, or an HL7 message with a PID segment, is health data.

* Identifiable patient: a patient identifier (NIR, NIA, INS, IPP, NDA), a name given by the format as the patient's
  (structured field) or after a ``Patient :``/``Nom :`` label, or any other name (``Madame X``, ``Anne DUPONT``)
  together with a birth date, in a document built like a medical letter (several section headings, or the
  phrases of physicians' correspondence: ``Cher confrère``, ``j'ai vu en consultation``), or next to health content
  (GDPR: a named person and their care is health data, as on a prescription, a bed board or a nursing note).
* Staff are not patients: a name the format gives as a professional's, or a name listed as present at a meeting,
  never makes a patient; in a staff document (attendance sheet, minutes: ``STAFF`` cues) names alone do not either,
  so a training list whose course titles are clinical stays personal data only. Patient identifiers and a name
  with a birth date still count.
* Health content: clinical signals worth at least ``HEALTH_CONTENT_MIN`` points (a CIM-10 or CCAM code weighs more
  than a section heading; one signal is enough about a person singled out: named with a bed or a room, ``lit 12
  M. X``, as the patient, with a birth date or with their own exam; a department's name counts only about a patient
  given by an identifier or a birth date), or a health format (DICOM, HL7, HPRIM, CDA, FHIR) that carries a patient.
* Personal data: any identifier of a person. A phone number or an IBAN alone is weak evidence (a switchboard's
  service numbers, a supplier's bank account), and so is a service's mailbox (``secretariat.cardio@``, reported as
  an EMAIL noted "service mailbox"): personal only when a person is identified in the file too. So is a
  NIR whose key fails: reported (low confidence: a mistyped number), but alone it identifies nobody, and a file of
  nothing else is interface test data, not a register of people.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from lanterne.detect.base import Finding
from lanterne.detect.detectors.clinical import DEPARTMENT, OWN_CARE_PATTERN
from lanterne.detect.detectors.contact import SERVICE_MAILBOX
from lanterne.detect.detectors.nir import INVALID_KEY
from lanterne.detect.detectors.person import (
    BED_PATTERN,
    HEADING_PATTERN,
    HEADING_TITLED_PATTERN,
    LABEL_LINE_PATTERN,
    MAIL_PATTERN,
    MEETING_PATTERN,
    STAFF,
)

PATIENT_IDS = ("INS", "NIR", "NIA", "IPP", "NDA")
# When one number is seen both as a NIR and as an INS (same fingerprint), it is counted once, as the most specific.
ENTITY_PRECEDENCE = {"INS": 0, "NIA": 1, "NIR": 2}
NOT_PERSONAL = frozenset({"FINESS"})  # identifies an establishment, not a person
CLINICAL_WEIGHTS = {
    "ICD10": 2.0, "CCAM": 2.0, "LOINC": 2.0, "ATC": 1.0, "SECTION": 1.0, "DRUG": 1.0, "LAB": 1.0, "CONDITION": 1.0,
    "LETTER": 1.0, "CARE": 1.0, "VITAL": 1.0, "SELF_CARE": 1.0,
}  # fmt: skip
CONTEXT_CUES = frozenset({"STAFF"})  # unfingerprinted findings that describe the document, not health content
WEAK_PERSONAL = frozenset({"PHONE", "IBAN"})  # personal only next to an identified person (see module docstring)
WEAK_NOTES = (INVALID_KEY, SERVICE_MAILBOX)
CLINICAL_CAP_PER_KIND = 3.0  # one kind of signal repeated (a word used ten times) is still one kind of evidence
HEALTH_CONTENT_MIN = 2.0
# A name after a bed or a room ("lit 12 M. X") is a hospitalised patient, and a name given as the patient's or with a
# birth date singles a person out: one clinical signal about them is enough (shorthand notes hold few terms).
BED_CONTENT_MIN = 1.0
LETTER_SECTIONS = 2  # section headings that make a document a medical letter (about whoever it names)
# A name given as a patient's: after a patient label, a bed, or ending a document's title (its subject).
_PATIENT_PATTERNS = frozenset(
    {
        "pattern name-label",
        f"pattern {LABEL_LINE_PATTERN}",
        f"pattern {BED_PATTERN}",
        f"pattern {HEADING_PATTERN}",
        f"pattern {HEADING_TITLED_PATTERN}",
    }
)
SAMPLES_PER_TYPE = 3
MAX_FINGERPRINTS = 5000


@dataclass(slots=True)
class Decision:
    """What one file (or one member) holds, decided; feeds the verdict and the scores."""

    health_data: bool = False
    personal_data: bool = False
    identifiers: dict[str, int] = field(default_factory=dict)
    clinical: dict[str, int] = field(default_factory=dict)
    samples: list[str] = field(default_factory=list)
    fingerprints: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    people: int = 0  # distinct persons identified, for the volume factor of sensitivity


def _identifiers(findings: Iterable[Finding]) -> dict[str, Finding]:
    """One finding per fingerprint: the most specific entity, the highest confidence."""
    best: dict[str, Finding] = {}
    for finding in findings:
        assert finding.fingerprint is not None
        current = best.get(finding.fingerprint)
        if current is None or (ENTITY_PRECEDENCE.get(finding.entity, 9), -finding.confidence) < (
            ENTITY_PRECEDENCE.get(current.entity, 9),
            -current.confidence,
        ):
            best[finding.fingerprint] = finding
    return best


def _weak(finding: Finding) -> bool:
    """Evidence of a person only next to an identified one (module docstring): a phone, an IBAN, a failed NIR key,
    a service's mailbox."""
    return finding.entity in WEAK_PERSONAL or any(note in finding.explanation for note in WEAK_NOTES)


def _named_patient(findings: Iterable[Finding], writer_is_patient: bool = False) -> tuple[bool, bool]:
    """(a name the format or a label gives as the patient's, a name only after a title). Staff names are neither,
    except a mail's correspondents when the writer speaks of their own care (``SELF_CARE``): the sender is the
    patient."""
    strong = weak = False
    for finding in findings:
        if finding.entity != "PERSON_NAME":
            continue
        if STAFF in finding.explanation:
            weak = weak or (writer_is_patient and f"pattern {MAIL_PATTERN}" in finding.explanation)
            continue
        if any(e.startswith("field") or e in _PATIENT_PATTERNS for e in finding.explanation):
            strong = True
        else:
            weak = True
    return strong, weak


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def decide(findings: list[Finding], health_format: bool = False, format_name: str = "") -> Decision:
    """Aggregate the findings of one file and decide. Pure."""
    ids = _identifiers(f for f in findings if f.fingerprint is not None)
    counts = Counter(f.entity for f in ids.values())
    unkeyed = Counter(f.entity for f in findings if f.fingerprint is None)
    meeting = f"pattern {MEETING_PATTERN}"
    staff_document = any(unkeyed[k] for k in CONTEXT_CUES) or any(meeting in f.explanation for f in findings)
    clinical = Counter({k: n for k, n in unkeyed.items() if k not in CONTEXT_CUES})
    decision = Decision(identifiers=dict(counts), clinical=dict(clinical))

    per_type: dict[str, list[str]] = {}
    for finding in ids.values():
        shown = per_type.setdefault(finding.entity, [])
        sample = f"{finding.entity} {finding.masked}"
        if len(shown) < SAMPLES_PER_TYPE and sample not in shown:
            shown.append(sample)
    decision.samples = [s for shown in per_type.values() for s in shown]
    decision.fingerprints = sorted(ids)[:MAX_FINGERPRINTS]
    if len(ids) > MAX_FINGERPRINTS:
        decision.reasons.append(f"fingerprints kept for {MAX_FINGERPRINTS} of {len(ids)} identifiers")

    strong_name, weak_name = _named_patient(ids.values(), clinical.get("SELF_CARE", 0) > 0)
    patient_ids = dict(Counter(f.entity for f in ids.values() if f.entity in PATIENT_IDS and not _weak(f)))
    birth = counts.get("BIRTH_DATE", 0)
    letter = clinical.get("SECTION", 0) >= LETTER_SECTIONS or clinical.get("LETTER", 0) > 0
    # A department's name ("Service : Cardiologie") is a stay in that unit for a patient given by an identifier or
    # a birth date (an admissions list), and nothing medical in a list of staff and their departments.
    departments = Counter(f.entity for f in findings if f.fingerprint is None and DEPARTMENT in f.explanation)
    counted = clinical if patient_ids or birth else clinical - departments
    clinical_points = sum(min(CLINICAL_CAP_PER_KIND, CLINICAL_WEIGHTS.get(k, 1.0) * n) for k, n in counted.items())
    bed = any(f"pattern {BED_PATTERN}" in f.explanation for f in ids.values())
    any_name = strong_name or weak_name
    # A person named as the patient, or named with a birth date or their own exam ("rappeler M. X pour décaler son
    # IRM"), is singled out: one clinical signal about them is enough, as after a bed ("Salarié : X ... inapte",
    # "Je soussigné X, né le ... : arthroscopie").
    own_care = any(f"pattern {OWN_CARE_PATTERN}" in f.explanation for f in findings)  # "décaler son IRM"
    singled_out = bed or strong_name or (any_name and (birth > 0 or own_care))
    health_content = clinical_points >= (BED_CONTENT_MIN if singled_out else HEALTH_CONTENT_MIN)
    # A birth date names a patient even in a staff document (a tumour board's minutes list present physicians too).
    named = (any_name and birth > 0) or (
        not staff_document and (strong_name or (weak_name and (letter or health_content)))
    )
    identifiable = bool(patient_ids) or named
    format_patient = health_format and identifiable

    person_kinds = [k for k in counts if k not in NOT_PERSONAL]
    decision.personal_data = any(not _weak(f) for f in ids.values() if f.entity not in NOT_PERSONAL)
    decision.health_data = identifiable and (health_content or format_patient)
    decision.people = max(
        [
            sum(patient_ids.get(k, 0) for k in ("INS", "NIR", "NIA")),
            patient_ids.get("IPP", 0),
            counts.get("PERSON_NAME", 0),
        ]
    )

    found = ", ".join(_plural(n, k) for k, n in sorted(counts.items()))
    signals = ", ".join(_plural(n, k) for k, n in sorted(clinical.items()))
    if identifiable:
        who = ", ".join(_plural(n, k) for k, n in patient_ids.items()) or "a name"
        decision.reasons.append(f"identifiable person: {who}")
    if format_patient:
        decision.reasons.append(f"health format {format_name or 'medical'} carrying a patient")
    if health_content:
        decision.reasons.append(f"health content: {signals}")
    if decision.health_data:
        decision.reasons.insert(0, "health data: an identifiable patient and health content")
    elif decision.personal_data and not identifiable:
        decision.reasons.append(f"personal data without an identifiable patient: {found}")
    elif identifiable:
        decision.reasons.append("personal data: an identifiable person but no health content")
    elif signals:
        decision.reasons.append(f"clinical content but nobody identifiable ({signals}): not health data")
    if person_kinds and not decision.personal_data:
        decision.reasons.append(f"{found} tied to no identified person (a service's, a firm's): not personal data")
    if not decision.reasons:
        decision.reasons.append("no personal identifier and no health content found")
    return decision


def merge(container: Decision, members: list[Decision]) -> Decision:
    """The worst of a container and its members: union of identifiers and signals, health if any part is."""
    parts = [container, *members]
    identifiers: Counter[str] = Counter()
    clinical: Counter[str] = Counter()
    samples: list[str] = []
    for part in parts:
        identifiers.update(part.identifiers)
        clinical.update(part.clinical)
        for sample in part.samples:
            kind = sample.split(" ", 1)[0]
            if sample not in samples and sum(s.startswith(kind + " ") for s in samples) < SAMPLES_PER_TYPE:
                samples.append(sample)
    reasons = list(container.reasons)
    for flag, label in (("health_data", "health data"), ("personal_data", "personal data")):
        inside = sum(getattr(m, flag) for m in members)
        if inside:
            reasons.append(f"{label} in {_plural(inside, 'member')}")
    return Decision(
        health_data=any(p.health_data for p in parts),
        personal_data=any(p.personal_data for p in parts),
        identifiers=dict(identifiers),
        clinical=dict(clinical),
        samples=samples,
        fingerprints=sorted({f for p in parts for f in p.fingerprints})[:MAX_FINGERPRINTS],
        reasons=reasons,
        people=sum(p.people for p in parts),
    )

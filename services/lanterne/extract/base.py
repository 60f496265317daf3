"""The extractor contract: bytes in, text segments and structured fields out, within limits.

Like an httpx transport, an extractor is one small object with one method. It never raises for bad input: it
returns an ``Extracted`` with ``errors`` and whatever it could read (``InputError`` subclasses may be raised inside
and are turned into notes by the dispatcher's guard). It imports no engine and touches no file system: the caller
reads the bytes (bounded by ``Limits.max_bytes``) and hands them over, so extraction is pure and testable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar, Protocol, runtime_checkable

from lanterne.events.models import ErrorNote


class Role(StrEnum):
    """What a structured field holds, whatever the format called it (PID-5, (0010,0010), Patient.name...)."""

    PATIENT_NAME = "patient.name"
    PATIENT_ID = "patient.id"  # site patient id (IPP): HL7 PID-3 ^PI, DICOM PatientID, FHIR identifier type PI
    PATIENT_NIR = "patient.nir"  # social-security number / INS matricule (see ``system`` for the OID)
    PATIENT_BIRTH_DATE = "patient.birth_date"
    PATIENT_SEX = "patient.sex"
    PATIENT_ADDRESS = "patient.address"
    STAY_ID = "stay.id"  # NDA: HL7 PID-18 ^AN, visit number
    PROFESSIONAL_ID = "professional.id"  # RPPS / ADELI
    PROFESSIONAL_NAME = "professional.name"
    ORGANISATION_ID = "organisation.id"  # FINESS
    CLINICAL_CODE = "clinical.code"  # a coded diagnosis, act, drug, observation (``system`` says which)
    CLINICAL_TEXT = "clinical.text"  # free clinical text inside a structured message (OBX-5, NTE, section text)
    OTHER = "other"


@dataclass(slots=True, frozen=True)
class TextSegment:
    """A run of free text and where it came from (``page 3``, ``sheet Patients``, ``body``)."""

    text: str
    where: str = ""


@dataclass(slots=True, frozen=True)
class StructuredField:
    """A value whose meaning the format itself gives (e.g. HL7 PID-5 is the patient's name)."""

    role: Role
    value: str
    where: str  # the format's own name for the field: "PID-5", "(0010,0010) PatientName", "Patient.name"
    system: str | None = None  # identifier system / OID or coding system URI, when the format says


@dataclass(slots=True, frozen=True)
class Member:
    """A contained file to classify in turn (ZIP entry, e-mail attachment): shown as ``CONTAINER!name``."""

    name: str
    data: bytes


@dataclass(slots=True)
class Extracted:
    """What an extractor found. ``health_format`` marks formats that are medical by nature (DICOM, HL7...)."""

    format: str
    text: list[TextSegment] = field(default_factory=list)
    fields: list[StructuredField] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    health_format: bool = False
    truncated: bool = False
    errors: list[ErrorNote] = field(default_factory=list)


def _limit(default: float, description: str) -> Any:
    return field(default=default, metadata={"description": description})


@dataclass(slots=True, frozen=True)
class Limits:
    """Bounds on extraction, like FSCrawler's indexed_chars: a hostile file cannot take the processor down."""

    max_bytes: int = _limit(64 * 1024 * 1024, "Bytes read from one file (the content hash still covers all of it).")
    max_chars: int = _limit(2_000_000, "Characters of text kept per file; the verdict says 'truncated' past it.")
    max_pages: int = _limit(500, "Pages read from one PDF or document.")
    max_members: int = _limit(1_000, "Entries opened in one archive or e-mail.")
    max_expanded_bytes: int = _limit(256 * 1024 * 1024, "Uncompressed bytes read from one archive (bomb guard).")
    max_depth: int = _limit(3, "Archives within archives opened.")
    timeout_s: float = _limit(30.0, "Wall time for one file's extraction, checked between pages, rows and members.")


@runtime_checkable
class Extractor(Protocol):
    """One format family. ``formats`` are the sniffed format names it handles (see ``lanterne.extract.sniff``)."""

    name: ClassVar[str]
    formats: ClassVar[tuple[str, ...]]

    def extract(self, data: bytes, limits: Limits) -> Extracted: ...

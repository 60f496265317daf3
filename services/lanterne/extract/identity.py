"""Which role an identifier plays, from the system (OID / URI) or the type code its format gives it.

Shared by the health formats (HL7 v2, FHIR, CDA, DICOM): each names the same French identifiers differently, and
the OIDs below are the ones the ANS publishes (see shared/domain/health-fr.md; many repositories quote wrong ones).
"""

from __future__ import annotations

import re

from lanterne.extract.base import Role

# INS-NIR, INS-NIA, INS-NIR test, INS-NIR demo, NIR / NIA as social-security numbers, and the former INS-C.
NIR_OIDS = frozenset(
    {
        "1.2.250.1.213.1.4.8",
        "1.2.250.1.213.1.4.9",
        "1.2.250.1.213.1.4.10",
        "1.2.250.1.213.1.4.11",
        "1.2.250.1.213.1.4.13",
        "1.2.250.1.213.1.4.14",
        "1.2.250.1.213.1.4.2",
    }
)
PROFESSIONAL_OIDS = frozenset({"1.2.250.1.71.4.2.1"})  # national professional ids: 8 + RPPS, 0 + ADELI
ORGANISATION_OIDS = frozenset({"1.2.250.1.71.4.2.2"})  # structure ids: 1 + FINESS ...
# Identifier type codes (HL7 table 0203 and the French extensions) that mean a national health number.
_NIR_TYPES = frozenset({"INS", "INS-NIR", "INS-NIA", "INS-C", "NH", "SS", "NIR", "NIA", "SB"})
_STAY_TYPES = frozenset({"AN", "VN", "VISIT", "NDA"})
_PROFESSIONAL_TYPES = frozenset({"RPPS", "ADELI", "PRN", "MD", "EI", "IDNPS", "LN"})


def bare_oid(system: str | None) -> str:
    """``urn:oid:1.2.3`` and ``1.2.3`` compare equal."""
    return (system or "").strip().removeprefix("urn:oid:")


def patient_identifier_role(system: str | None, type_code: str | None = None) -> Role:
    """The role of an identifier attached to a patient: NIR/INS by OID or type, stay number, else site id (IPP)."""
    oid = bare_oid(system)
    code = (type_code or "").strip().upper()
    if oid in NIR_OIDS or code in _NIR_TYPES:
        return Role.PATIENT_NIR
    if code in _STAY_TYPES:
        return Role.STAY_ID
    return Role.PATIENT_ID


_NIR_SHAPE = re.compile(r"[1-8]\d{4}(?:\d{2}|2A|2B)\d{6}(?:\d{2})?", re.IGNORECASE)


def nir_shaped(value: str) -> bool:
    """13 or 15 characters shaped like a NIR (sex digit, Corsica's 2A/2B): only to pick a field's role when a
    format uses the same field for either a site id or the social-security number. The key is the detector's job."""
    return _NIR_SHAPE.fullmatch("".join(value.split()).replace(".", "")) is not None


def join_name(*parts: str | None) -> str:
    """A person's name from its parts (given names first), blanks dropped."""
    return " ".join(part.strip() for part in parts if part and part.strip())

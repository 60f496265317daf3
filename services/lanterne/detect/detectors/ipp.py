"""IPP and NDA: the hospital's own patient id and stay (visit) id.

There is no national format (domain sheet), so they are found by the words that introduce them (``IPP``,
``N° patient``, ``N° dossier``; ``NDA``, ``N° de séjour``, ``Venue``) and by position in structured messages (HL7
PID-3 ``^PI``, PID-18 ``^AN``, FHIR ``identifier.type`` ``PI``, DICOM PatientID), which the extractors hand over as
roles. A site can give its IPP format (``classifier.ipp_pattern``, e.g. ``8\\d{9}``): values that match it get a
higher confidence.

``N° dossier`` is read as the IPP, as the domain sheet lists it (the patient's file); a stay's file says so
(``dossier administratif``, ``N° de dossier de séjour``) and is an NDA. Column names of exports (``NumPat``,
``N_PATIENT``, ``PatID``, ``Dossier``; ``N_SEJOUR``, ``Séjour``, ``Venue``) are bare words, so they count only as a
field name: followed by a colon and a number of at least 6 digits (an optional letter or two first, ``V49155606``),
never a date.
"""

from __future__ import annotations

import re
from typing import ClassVar

from lanterne.detect.base import Pattern
from lanterne.detect.recognizer import Hit, Recognizer, word_start
from lanterne.detect.registry import register
from lanterne.extract.base import Role, StructuredField
from lanterne.settings import ClassifierSettings

# An id token: 4-20 letters/digits/dashes with at least one digit.
_ID = r"(?P<value>(?=[A-Za-z/-]*\d)[A-Za-z0-9][A-Za-z0-9/-]{3,19})(?![\w])"
# "N° de séjour (NDA) : ...", and the id's name itself in brackets: "Dossier (IPP) : ..."
_LEAD = r"\)?\s*(?:\([^()\n]{1,20}\)\s*)?(?:n[°o]\.?\s*)?[:=#]?\s*"
_AFTER = r"(?:n[°o]\.?|num(?:[ée]ro)?\.?)"  # "Dossier n° 123", "Séjour num. 456": the number word is required
_N = (r"n[°o]\.?\s*(?:de\s+|d['\u2019])?", r"num(?:[ée]ro)?\.?\s*(?:de\s+|d['\u2019])?")

_STAY_FILE = r"dossier\s+(?:administratif|de\s+s[ée]jour|d['\u2019]hospitalisation)"
_IPP_WORDS = (
    "ipp", "nip", r"identifiant\s+(?:permanent\s+)?(?:du\s+)?patient(?:\s+permanent)?", r"id\.?\s+patient",
    rf"patient\s*{_AFTER}", rf"dossier\s*{_AFTER}(?!\s*(?:de\s+)?s[ée]jour)",
    *(n + r"(?:dossier\s+)?patient" for n in _N),
    # not "N° dossier administratif / de séjour", nor "N° dossier (NDA)": the stay's number
    *(n + r"dossier(?!\s+(?:administratif|de\s+s[ée]jour|d['\u2019]\s*hospitalisation)|\s*\(\s*(?:nda|s[ée]jour))"
      for n in _N),
)  # fmt: skip
_NDA_WORDS = (
    "nda", rf"s[ée]jour\s*{_AFTER}", rf"n[°o]\.?\s*(?:de\s+)?{_STAY_FILE}", _STAY_FILE,
    *(n + r"(?:s[ée]jour|venue|admission|hospitalisation)" for n in _N),
)  # fmt: skip
# Column names of exports: bare words, accepted only as a field name before a colon and a long number.
_IPP_COLUMNS = (
    r"n_?pat(?:ient)?", r"num_?pat(?:ient)?", r"no_?pat(?:ient)?", r"id_?pat(?:ient)?", "dossier",
    r"pat(?:ient)?_?id",  # English exports of lab and imaging systems ("PatID", "Patient_ID")
)  # fmt: skip
_NDA_COLUMNS = (r"n_?s[ée]jour", r"num_?s[ée]jour", r"no_?s[ée]jour", r"s[ée]jour", "venue", r"num_?venue")
_COLUMN_LEAD = r"[ \t]*[:=][ \t]*(?=[A-Z]{0,2}\d{6,20}(?![\w]|[/.,-]\d))"
# One alternative per id (labels, or column names with their stricter value), so the engine's pass stays short.
IPP_REGEX = rf"(?:{word_start(_IPP_WORDS)}{_LEAD}|{word_start(_IPP_COLUMNS)}{_COLUMN_LEAD}){_ID}"
NDA_REGEX = rf"(?:{word_start(_NDA_WORDS)}{_LEAD}|{word_start(_NDA_COLUMNS)}{_COLUMN_LEAD}){_ID}"


class _SiteId(Recognizer):
    """An id introduced by its own words; the pattern carries the context, so no extra context search."""

    site_regex: re.Pattern[str] | None = None

    def judge(self, candidate: str, pattern: Pattern, context_word: str | None) -> Hit | None:
        why = [f"pattern {pattern.name}"]
        confidence = pattern.score
        if self.site_regex is not None and self.site_regex.fullmatch(candidate):
            confidence += 0.15
            why.append("site format")
        return Hit(self.entity, candidate, min(confidence, 1.0), tuple(why))

    def mask(self, candidate: str) -> str:
        value = self.normalise(candidate)
        return value[:2] + "*" * max(0, len(value) - 4) + value[-2:] if len(value) > 5 else "*" * len(value)


@register
class IppDetector(_SiteId):
    """IPP (identifiant permanent du patient): ``IPP :``/``N° patient``/``N° dossier`` in text, PID-3 ^PI, DICOM
    PatientID."""

    priority = 25
    name = "ipp"
    entity = "IPP"
    patterns: ClassVar[tuple[Pattern, ...]] = (Pattern("ipp-label", IPP_REGEX, 0.75),)
    field_roles = frozenset({Role.PATIENT_ID})

    def __init__(self, site_pattern: str | None = None) -> None:
        self.site_regex = re.compile(site_pattern) if site_pattern else None

    @classmethod
    def from_settings(cls, settings: ClassifierSettings) -> IppDetector:
        return cls(settings.ipp_pattern)

    def from_field(self, item: StructuredField) -> list[Hit]:
        from lanterne.detect.detectors.ins import ins_kind

        if ins_kind(item.system) is not None:
            return []  # an INS carried in the patient id list (PID-3 ^INS) is the INS detector's
        return super().from_field(item)


@register
class NdaDetector(_SiteId):
    """NDA (numéro de dossier administratif, the stay): ``NDA``/``N° de séjour``/``Venue :``, PID-18 ^AN."""

    priority = 26
    name = "nda"
    entity = "NDA"
    patterns: ClassVar[tuple[Pattern, ...]] = (Pattern("nda-label", NDA_REGEX, 0.7),)
    field_roles = frozenset({Role.STAY_ID})

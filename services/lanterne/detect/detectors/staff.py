"""Staff documents: the labels of attendance sheets, meeting minutes and training records.

Staff are not patients (GDPR art. 9 needs a patient's care): a training sheet whose course titles are clinical
("Prise en charge de l'AVC") or minutes that mention a day hospital are about the staff who attend. These labels
(``Présents :``, ``Formation :``, ``Émargement``, ``Ordre du jour``) are written as field names, with their colon,
which a patient's letter does not use. The ``STAFF`` cue is no health content: ``decide`` uses it to stop names
alone from making a patient, and keeps it out of the verdict's clinical counts.
"""

from __future__ import annotations

from typing import ClassVar

from lanterne.detect.base import Pattern
from lanterne.detect.detectors.clinical import ClinicalSignal, first_letter_variants
from lanterne.detect.recognizer import word_start
from lanterne.detect.registry import register

STAFF_LABELS = (
    r"pr[ée]sents?", r"excus[ée]e?s?", r"absents?", r"participants?", r"formations?",
    r"intitul[ée]\s+de\s+la\s+formation", r"sessions?", r"format(?:eur|rice)s?", r"[ée]margements?",
    r"secr[ée]taire\s+de\s+s[ée]ance", r"ordre\s+du\s+jour",
    r"animat(?:eur|rice)s?", r"pr[ée]sence", r"signature\s+(?:de\s+l['\u2019])?(?:agent|stagiaire|participant)",
)  # fmt: skip
# Document titles that say the same, colon or not.
STAFF_TITLES = (
    # not the patients' own sheet (a therapeutic-education session: the attendance reveals the disease)
    r"feuilles?\s+d['\u2019]\s*[ée]margement(?![\w])(?!\s+(?:des\s+)?(?:patients?|usagers|b[ée]n[ée]ficiaires))",
    r"compte[- ]rendu\s+de\s+r[ée]union(?![\w])",
    r"proc[èe]s[- ]verbal(?![\w])",
)


@register
class StaffContextDetector(ClinicalSignal):
    """A label of a staff document (``Présents :``, ``Formation :``, ``Émargement``), as a field name."""

    priority = 70  # after the names: "Présents : Louis M." is read as a meeting member's name first (person.py)
    name = "staff"
    entity = "STAFF"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern(
            "staff",
            word_start(first_letter_variants(tuple(f"{w}[ \t]*:" for w in STAFF_LABELS) + STAFF_TITLES)),
            0.6,
        ),
    )
    field_roles = frozenset()

    def mask(self, candidate: str) -> str:
        return " ".join(candidate.strip(" \t:").split()).lower()

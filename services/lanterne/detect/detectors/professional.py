"""Health professionals and establishments: RPPS, ADELI, FINESS.

RPPS: 11 digits whose last is a Luhn key (ANS), national form ``8`` + RPPS. ADELI: 9 digits, national form ``0`` +
ADELI, no known key. FINESS: 9 characters, department first (``2A``/``2B`` for Corsica), Luhn key (secondary
source). All three are plain numbers to the eye, so each needs its own word nearby. RPPS and ADELI identify a
person (personal data, not patient data); FINESS identifies an institution.
"""

from __future__ import annotations

from typing import ClassVar

from stdnum import luhn

from lanterne.detect.base import Pattern
from lanterne.detect.recognizer import Hit, Recognizer
from lanterne.detect.registry import register
from lanterne.extract.base import Role, StructuredField

NUMBER_END = r"(?![\w]|[.,]\d)"


def _luhn_ok(digits: str) -> bool:
    return digits.isdigit() and luhn.is_valid(digits)


@register
class RppsDetector(Recognizer):
    """RPPS: 11 digits (or ``8`` + 11 digits), Luhn, near "RPPS" or a word for a prescriber."""

    priority = 20
    name = "rpps"
    entity = "RPPS"
    patterns: ClassVar[tuple[Pattern, ...]] = (Pattern("rpps", rf"\d(?<![\w.,].)\d{{10}}\d?{NUMBER_END}", 0.5),)
    context = (
        "rpps",
        "n° rpps",
        "identifiant rpps",
        "id rpps",
        "identifiant national",
        "praticien",
        "prescripteur",
        "medecin",
        "docteur",
        "dr",
    )
    requires_context = True
    field_roles = frozenset({Role.PROFESSIONAL_ID})

    def normalise(self, candidate: str) -> str:
        digits = "".join(ch for ch in candidate if ch.isdigit())
        return digits[1:] if len(digits) == 12 and digits[0] == "8" else digits

    def validate(self, candidate: str) -> bool | None:
        value = self.normalise(candidate)
        return len(value) == 11 and _luhn_ok(value)

    def from_field(self, item: StructuredField) -> list[Hit]:
        return super().from_field(item) if len(self.normalise(item.value)) == 11 else []


@register
class AdeliDetector(Recognizer):
    """ADELI: 9 digits (or ``0`` + 9 digits) near "ADELI"."""

    priority = 30
    name = "adeli"
    entity = "ADELI"
    patterns: ClassVar[tuple[Pattern, ...]] = (Pattern("adeli", rf"\d(?<![\w.,].)\d{{8}}\d?{NUMBER_END}", 0.5),)
    context = ("adeli", "n° adeli")
    requires_context = True
    field_roles = frozenset({Role.PROFESSIONAL_ID})

    def normalise(self, candidate: str) -> str:
        digits = "".join(ch for ch in candidate if ch.isdigit())
        return digits[1:] if len(digits) == 10 and digits[0] == "0" else digits

    def validate(self, candidate: str) -> bool | None:
        """No known key: only the length (9 digits, or 10 in the national form ``0`` + ADELI) is checked."""
        return None if len(self.normalise(candidate)) == 9 else False

    def from_field(self, item: StructuredField) -> list[Hit]:
        return super().from_field(item) if len(self.normalise(item.value)) == 9 else []


@register
class FinessDetector(Recognizer):
    """FINESS: 9 characters (Corsica ``2A``/``2B``), Luhn on the digits, near "FINESS"."""

    priority = 31
    name = "finess"
    entity = "FINESS"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern("finess", rf"\d(?<![\w.,].)(?:\d{{8}}|[AB]\d{{7}}){NUMBER_END}", 0.5),
        Pattern("finess-grouped", rf"\d(?<![\w.,].)[\dAB]\d [\d]{{3}} \d{{3}}{NUMBER_END}", 0.5),  # "750 712 184"
    )
    context = ("finess", "n° finess")
    requires_context = True
    field_roles = frozenset({Role.ORGANISATION_ID})

    def validate(self, candidate: str) -> bool | None:
        value = self.normalise(candidate)
        if len(value) != 9 or not (value.isdigit() or value[:2] in ("2A", "2B")):
            return False
        # Corsica: the Luhn key is computed with 2A/2B as 20 (secondary source, unverified): accept on shape.
        return _luhn_ok(value) if value.isdigit() else None

    def from_field(self, item: StructuredField) -> list[Hit]:
        value = self.normalise(item.value)
        if value.startswith("1") and len(value) == 10:  # national structure id "1" + FINESS
            value = value[1:]
        if len(value) != 9:
            return []
        return super().from_field(StructuredField(item.role, value, item.where, item.system))

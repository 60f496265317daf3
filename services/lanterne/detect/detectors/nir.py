"""NIR / NIA: the French social-security number (the number on the carte Vitale).

Shape (domain sheet, INSEE): sex digit (1/2, 3/4, 7/8 for temporary numbers), year (2), month (01-12; 20-42 and
>= 50 for unknown or incomplete civil records), birthplace (5 chars, ``2A``/``2B`` for Corsica), order (3), key (2).
Key = 97 - (first 13 digits mod 97) with 2A -> 19 and 2B -> 18: ``stdnum.fr.nir.calc_check_digits`` does exactly
that (Corsica included) but checks neither the sex digit nor the month, so the shape is checked here.

Shape + key still matches ~0.55 % of random 15-digit strings, so a compact number needs a context word; a number
written in the NIR's own grouping (``2 55 08 14 168 025 38``, or one space between every digit) is structure enough
when its key is right. In a NIR context a well-shaped number whose key fails is reported with low confidence (a
mistyped NIR is still a person's number); without context it is nothing.
"""

from __future__ import annotations

from typing import ClassVar

from stdnum.fr.nir import calc_check_digits

from lanterne.detect.base import Pattern
from lanterne.detect.recognizer import Hit, Recognizer
from lanterne.detect.registry import register
from lanterne.extract.base import Role, StructuredField

# One separator (space, no-break space as word processors put, dot, dash) may stand between any two characters; the
# key may also follow " / ". Without its key (13 characters) the number is taken in a NIR context only.
SEP = r"[ .\-\u00a0\u202f]"
# The body is atomic (``(?>...)``): separators and digits never compete, so backtracking into it could not help, and
# on digit-dense text (logs, timestamps) it would cost.
NIR_REGEX = (
    rf"[1-478](?<![\w.,].)(?>(?:{SEP}?\d){{4}}{SEP}?(?:\d{SEP}?\d|2{SEP}?[ABab])(?:{SEP}?\d){{6}})"
    rf"(?:(?:{SEP}{{0,2}}|\s?/\s?)\d{SEP}?\d)?(?![\w]|[.,]\d)"
)
NIR_PATTERN = Pattern("nir", NIR_REGEX, 0.45)

_SEPARATORS = str.maketrans("", "", " .-/\t\u00a0\u202f")  # what NIR_REGEX allows between characters
SEX_DIGITS = frozenset("123478")
TEMPORARY_SEX_DIGITS = frozenset("78")  # temporary numbers (NIA) per the domain sheet
OFFICIAL_GAPS = frozenset({1, 3, 5, 7, 10, 13})  # "2 55 08 14 168 025 38"
EVERY_GAP = frozenset(range(1, 15))  # "2 5 5 0 8 1 4 1 6 8 0 2 5 3 8"

INVALID_KEY = "key invalid"  # a finding's explanation when the key does not match (weak evidence: classify/decide.py)
NO_KEY_CONFIDENCE = 0.5  # 13 characters, NIR context: the key is simply not written
LOW_CONFIDENCE = 0.35  # right shape, wrong key, NIR context: a mistyped number
STRUCTURED_CONFIDENCE = 0.6  # NIR grouping and right key, no context word
FIELD_INVALID_CONFIDENCE = 0.6  # a field that says "NIR" holding a number whose key fails


def well_formed(value: str) -> bool:
    """Sex digit, month and birthplace as the NIR allows them (``value`` normalised, 15 characters)."""
    if len(value) != 15 or value[0] not in SEX_DIGITS:
        return False
    return body_ok(value)


def body_ok(value: str) -> bool:
    """The first 13 characters (the NIR without its key) have the NIR's shape."""
    if len(value) < 13 or value[0] not in SEX_DIGITS:
        return False
    if not (value[:5].isdigit() and value[7:].isdigit()):
        return False
    if not (value[5:7].isdigit() or value[5:7] in ("2A", "2B")):
        return False
    month = int(value[3:5])
    return 1 <= month <= 12 or 20 <= month <= 42 or month >= 50


def key_ok(value: str) -> bool:
    """The NIR key (97 - body mod 97, Corsica mapped) matches; ``value`` must be well formed."""
    return calc_check_digits(value) == value[13:]


def grouped(candidate: str) -> bool:
    """Written in the NIR's own grouping (or one space between every digit): structure, not a random number."""
    gaps: set[int] = set()
    count = 0
    for char in candidate:
        if char.isalnum():
            count += 1
        elif count:
            gaps.add(count)
    return gaps in (OFFICIAL_GAPS, EVERY_GAP)


def mask_nir(value: str) -> str:
    """``2 55 08 ** *** *** 38``: sex, year and month of birth and key stay; birthplace and order are hidden."""
    if len(value) != 15:
        return "*" * len(value)
    return f"{value[0]} {value[1:3]} {value[3:5]} ** *** *** {value[13:]}"


class NirFamily(Recognizer):
    """Shared by NIR and INS: same shape, same key, same normalisation and mask."""

    patterns: ClassVar[tuple[Pattern, ...]] = (NIR_PATTERN,)

    def normalise(self, candidate: str) -> str:
        """Separators dropped; a NIR written without its key (13 characters) gets it computed, so it fingerprints
        like the full number."""
        value = candidate.translate(_SEPARATORS).upper()
        if len(value) == 13 and body_ok(value):
            return value + calc_check_digits(value)
        return value

    def validate(self, candidate: str) -> bool | None:
        value = self.normalise(candidate)
        return well_formed(value) and key_ok(value)

    def mask(self, candidate: str) -> str:
        return mask_nir(self.normalise(candidate))

    def entity_for(self, value: str, context_word: str | None) -> str:
        return self.entity

    def judge(self, candidate: str, pattern: Pattern, context_word: str | None) -> Hit | None:
        value = self.normalise(candidate)
        if not well_formed(value):
            return None
        if sum(ch.isalnum() for ch in candidate) == 13:  # written without its key (HPRIM Médecin headers do)
            if context_word is None:
                return None
            unkeyed = (f"pattern {pattern.name}", "no key", f"context '{context_word}'")
            return Hit(self.entity_for(value, context_word), value, NO_KEY_CONFIDENCE, unkeyed)
        valid = key_ok(value)
        why = [f"pattern {pattern.name}", "key valid" if valid else INVALID_KEY]
        if context_word is not None:
            why.append(f"context '{context_word}'")
            confidence = pattern.score + 0.45 if valid else LOW_CONFIDENCE
        elif valid and grouped(candidate):
            why.append("NIR grouping")
            confidence = STRUCTURED_CONFIDENCE
        else:
            return None
        return Hit(self.entity_for(value, context_word), value, min(confidence, 1.0), tuple(why))

    def field_hit(self, item: StructuredField, entity: str) -> list[Hit]:
        value = self.normalise(item.value)
        if not well_formed(value):
            return []
        valid = key_ok(value)
        confidence = 0.95 if valid else FIELD_INVALID_CONFIDENCE
        why = (f"field {item.where}", "key valid" if valid else INVALID_KEY)
        return [Hit(entity, value, confidence, why)]


@register
class NirDetector(NirFamily):
    """NIR in text (with a social-security context word or the NIR grouping) and in fields that say NIR."""

    priority = 10
    name = "nir"
    entity = "NIR"
    fingerprint_entity = "NIR"
    context = (
        "nir", "nss", "n° ss", "no ss", "n ss", "num ss", "numero ss", "n° secu", "numero de secu",
        "securite sociale", "secu sociale", "secu", "num secu", "numero secu",
        "n° insee", "numero insee", "no insee", "insee", "matricule",
        "assure", "assuree", "assure social", "carte vitale", "immatriculation", "nia",
        # letters from foreign hospitals
        "social security", "social security number", "social security no", "ssn", "insurance number",
    )  # fmt: skip
    field_roles = frozenset({Role.PATIENT_NIR})

    def entity_for(self, value: str, context_word: str | None) -> str:
        if context_word == "nia" or value[0] in TEMPORARY_SEX_DIGITS:
            return "NIA"
        return "NIR"

    def from_field(self, item: StructuredField) -> list[Hit]:
        from lanterne.detect.detectors.ins import ins_kind

        if ins_kind(item.system) is not None:
            return []  # the INS detector reads fields carrying an INS OID
        return self.field_hit(item, self.entity_for(self.normalise(item.value), None))

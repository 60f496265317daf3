"""INS (Identité Nationale de Santé): a NIR or NIA used as the patient's national health identifier.

Recognised by the INS OIDs of the ANS guides (domain sheet: ``1.2.250.1.213.1.4.8`` INS-NIR, ``.9`` INS-NIA,
``.10`` test, ``.11`` demo; ``.2`` the former calculated INS-C) on a structured field, or by an "INS" context word
next to a NIR-shaped number in text. The matricule is fingerprinted in the NIR namespace, so looking a patient up by
NIR also finds the files that carry it as an INS.
"""

from __future__ import annotations

from lanterne.detect.base import Pattern
from lanterne.detect.detectors.nir import NirFamily
from lanterne.detect.recognizer import Hit
from lanterne.detect.registry import register
from lanterne.extract.base import Role, StructuredField

INS_OIDS = {
    "1.2.250.1.213.1.4.8": "INS-NIR",
    "1.2.250.1.213.1.4.9": "INS-NIA",
    "1.2.250.1.213.1.4.10": "INS-NIR test",
    "1.2.250.1.213.1.4.11": "INS-NIR demo",
    "1.2.250.1.213.1.4.2": "INS-C",
}


def ins_kind(system: str | None) -> str | None:
    """The INS kind an identifier system names (``urn:oid:`` prefix allowed), or None."""
    if not system:
        return None
    oid = system.strip().removeprefix("urn:oid:")
    return INS_OIDS.get(oid)


@register
class InsDetector(NirFamily):
    """INS matricules: NIR-shaped numbers near "INS", and identifiers whose system is an INS OID."""

    priority = 11
    name = "ins"
    entity = "INS"
    fingerprint_entity = "NIR"
    context = ("ins", "ins-nir", "ins nir", "ins-nia", "matricule ins", "insi", "identite nationale de sante")
    context_after = 0  # "INS" after a number usually introduces the next field
    field_roles = frozenset({Role.PATIENT_NIR, Role.PATIENT_ID})

    def judge(self, candidate: str, pattern: Pattern, context_word: str | None) -> Hit | None:
        if context_word is None:
            return None  # without "INS" nearby a NIR-shaped number is the NIR detector's business
        return super().judge(candidate, pattern, context_word)

    def from_field(self, item: StructuredField) -> list[Hit]:
        kind = ins_kind(item.system)
        if kind is None:
            return []
        if kind == "INS-C":  # a computed hash-like id, not NIR-shaped: it identifies the patient all the same
            value = self.normalise(item.value)
            return [Hit(self.entity, value, 0.9, (f"field {item.where}", kind))] if value else []
        return self.field_hit(item, self.entity)

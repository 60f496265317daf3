"""The detector contract, shaped like Presidio's recognizers.

A detector is a small self-describing class: ``entity`` (what it finds), ``patterns`` (regexes with a base score),
``context`` (words that raise confidence when near a candidate), and one pure ``validate`` (the checksum). It also
says how to ``normalise`` a candidate (for the keyed fingerprint) and how to ``mask`` it (for samples). A
``Finding`` never carries the clear value: only the masked form, the fingerprint and the explanation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar


@dataclass(slots=True, frozen=True)
class Pattern:
    """One regular expression for a candidate, with the base confidence a bare match deserves (0-1)."""

    name: str
    regex: str
    score: float


@dataclass(slots=True, frozen=True)
class Finding:
    """One identifier or clinical signal found in a file. ``masked`` and ``fingerprint`` only, never the value."""

    entity: str  # NIR, INS, IPP, ... or a clinical signal (ICD10, CCAM, SECTION, ...)
    masked: str
    fingerprint: str | None  # keyed HMAC of the normalised value; None for clinical signals
    confidence: float
    where: str = ""
    explanation: tuple[str, ...] = field(default_factory=tuple)  # pattern, check result, context word, field


class Detector:
    """Base class: subclasses set the class constants and override ``validate`` / ``normalise`` / ``mask``."""

    name: ClassVar[str]
    entity: ClassVar[str]
    patterns: ClassVar[tuple[Pattern, ...]] = ()
    context: ClassVar[tuple[str, ...]] = ()
    clinical: ClassVar[bool] = False  # True for clinical signals (counted in ``FileVerdict.clinical``)

    def validate(self, candidate: str) -> bool | None:
        """True when a checksum confirms the candidate, False when it refutes it, None when there is no check."""
        return None

    def normalise(self, candidate: str) -> str:
        """The canonical form that is fingerprinted (separators removed, upper case)."""
        return "".join(ch for ch in candidate if ch.isalnum()).upper()

    def mask(self, candidate: str) -> str:
        """A form safe to show: keeps the first two and last two characters, stars the rest."""
        value = self.normalise(candidate)
        if len(value) <= 4:
            return "*" * len(value)
        return value[:2] + "*" * (len(value) - 4) + value[-2:]

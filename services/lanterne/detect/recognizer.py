"""The behaviour shared by Lanterne's detectors, on top of the ``Detector`` contract.

``Detector`` (base.py) says what a detector is; ``Recognizer`` adds how a candidate becomes a finding: a check that
refutes it drops it, a detector that ``requires_context`` drops candidates with no context word nearby (a bare
11-digit number is not an RPPS), and confidence grows with a passed check and with context, as in Presidio's
``EntityRecognizer``. Values read from structured fields (HL7 PID-3, DICOM PatientID...) need no context: the
format itself says what they are. A ``Hit`` carries the clear value only as far as the engine, which turns it into a
``Finding`` (masked + fingerprinted) before anything leaves ``lanterne.detect``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from lanterne.detect.base import Detector, Pattern
from lanterne.extract.base import Role, StructuredField
from lanterne.settings import ClassifierSettings

CONTEXT_BOOST = 0.3
CHECK_BOOST = 0.15
FIELD_CONFIDENCE = 0.9


def word_start(words: Iterable[str], not_after: str = r"\w", exact: Iterable[str] = ()) -> str:
    r"""An alternation of case-insensitive words that the one-pass engine can skip fast.

    Python's regex engine skips an alternative at a position in one step only when the alternative starts with a
    case-sensitive literal or character class; ``(?i:...)`` or a look-behind first is tried in full at every
    position. So the whole alternation starts with one class of the words' first letters (both cases), checks the
    word boundary on the character before (``(?<!\w.)``), and only then picks the branch of that first letter
    (``(?<=[Xx])``) and matches the rest case-insensitively. Words are regex fragments starting with a plain letter.
    ``exact`` words (abbreviations such as ``OAP``) join the same alternation but match in their own case only.
    """
    rests: dict[str, list[str]] = {}
    for word in words:
        if not word[:1].isalpha():
            raise ValueError(f"word_start needs a plain first letter: {word!r}")
        rests.setdefault(word[0].lower(), []).append(word[1:])
    exact_rests: dict[str, list[str]] = {}
    for word in exact:
        if not word[:1].isalpha():
            raise ValueError(f"word_start needs a plain first letter: {word!r}")
        exact_rests.setdefault(word[0], []).append(word[1:])
    firsts = "".join(dict.fromkeys([*(f"{f}{f.upper()}" for f in rests), *exact_rests]))
    branches = [
        f"(?<=[{first}{first.upper()}])(?i:{'|'.join(sorted(rest, key=len, reverse=True))})"
        for first, rest in rests.items()
    ]
    branches += [
        f"(?<={first})(?:{'|'.join(sorted(rest, key=len, reverse=True))})" for first, rest in exact_rests.items()
    ]
    return f"[{firsts}](?<!{not_after}.)(?:{'|'.join(branches)})"


@dataclass(slots=True, frozen=True)
class Hit:
    """A candidate a detector accepted. ``value`` is clear: it never leaves ``lanterne.detect``."""

    entity: str
    value: str
    confidence: float
    explanation: tuple[str, ...]


class Recognizer(Detector):
    """A detector with the common acceptance rules. Subclasses set class constants and, when needed, override."""

    requires_context: ClassVar[bool] = False
    priority: ClassVar[int] = 50  # lower first: at one position the first pattern that a detector accepts wins
    context_before: ClassVar[int] = 60  # characters searched for a context word before the candidate
    context_after: ClassVar[int] = 20
    context_crosses_cells: ClassVar[bool] = False  # may the context word sit in another cell of a table row?
    field_roles: ClassVar[frozenset[Role]] = frozenset()  # structured fields this detector reads
    fingerprint_entity: ClassVar[str | None] = None  # namespace of the fingerprint; default: the finding's entity

    @classmethod
    def from_settings(cls, settings: ClassifierSettings) -> Recognizer:
        """Build the detector for a site; detectors with site options (IPP format) override this."""
        return cls()

    def judge(self, candidate: str, pattern: Pattern, context_word: str | None) -> Hit | None:
        """Accept or drop one candidate found in free text, with its confidence and why."""
        valid = self.validate(candidate)
        if valid is False:
            return None
        if self.requires_context and context_word is None:
            return None
        confidence = pattern.score
        why = [f"pattern {pattern.name}"]
        if valid:
            confidence += CHECK_BOOST
            why.append("check passed")
        if context_word is not None:
            confidence += CONTEXT_BOOST
            why.append(f"context '{context_word}'")
        return Hit(self.entity, candidate, min(confidence, 1.0), tuple(why))

    def from_field(self, item: StructuredField) -> list[Hit]:
        """Hits from one structured field whose role this detector reads (the format says what the value is)."""
        value = item.value.strip()
        if not value or self.validate(value) is False:
            return []
        return [Hit(self.entity, value, FIELD_CONFIDENCE, (f"field {item.where}",))]

r"""One pass over the text for all detectors: their patterns compiled into a single alternation.

Running one regex per detector would read every text once per detector; here the regex engine walks the text once
and each match names its alternative (an empty marker group at its end), hence its pattern and the detectors that
share it (NIR and INS share the NIR shape). Order of the alternation is priority: at one position the first pattern
that a detector accepts wins, so longer, more specific shapes come first; a rejected candidate (9 digits that are no
FINESS) leaves its position to the later alternatives. Context words are looked up only around candidates.

Speed: every candidate starts after a non-word character (each pattern checks it with a look-behind), so the
combined regex is ``[^\w](?:pattern|pattern|...)`` over the text with a newline put in front: the regex engine then
skips every word character in its fast loop and tries the patterns only after spaces and punctuation. Inside, each
pattern starts with a literal or a character class, which lets the engine skip it in one step where it cannot match,
and numbers are read possessively. ``matcher.py`` runs the alternation on PCRE2's JIT when it can (Python's ``re``
otherwise, with the same matches). ``bench/throughput.py`` compares the engine with ripgrep and ``grep -E``.

Every call into a detector runs under that detector's guard: if it raises, its findings for this file are dropped,
an ``ErrorNote`` (``detector_failed``) says so, and the other detectors' findings stand.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from lanterne.detect.base import Finding, Pattern
from lanterne.detect.context import ContextMatcher
from lanterne.detect.matcher import Matcher, RegexEngine
from lanterne.detect.recognizer import Hit, Recognizer
from lanterne.events.models import ErrorNote
from lanterne.extract.base import Role, StructuredField, TextSegment
from lanterne.privacy import fingerprint

log = logging.getLogger(__name__)

T = TypeVar("T")

# Field roles whose values are free text: scanned like any text, with the field's name as ``where``.
TEXT_ROLES = frozenset({Role.CLINICAL_TEXT, Role.OTHER, Role.PATIENT_ADDRESS})

_VALUE_GROUP = re.compile(r"\(\?P<value>")
NAME_ENTITY = "PERSON_NAME"
_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(slots=True)
class Detection:
    """Findings of one file plus the errors of detectors that failed on it.

    ``name_words``: the words of the names found, lower case, so the caller can keep them out of the searchable
    content terms. Clear words: held in memory for this one file, never put on a verdict.
    """

    findings: list[Finding] = field(default_factory=list)
    errors: list[ErrorNote] = field(default_factory=list)
    name_words: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Run:
    """State of one scan: hits per detector (dropped whole if the detector fails) and the failed ones."""

    hits: dict[str, list[tuple[Hit, str]]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)

    def guard(self, detector: Recognizer, call: Callable[..., T], *args: Any) -> T | None:
        """``call(*args)``, or None once the detector has failed on this file."""
        if detector.name in self.failed:
            return None
        try:
            return call(*args)
        except Exception as exc:  # a detector's bug must not cost the other detectors' findings
            # Only the exception type: its message could quote the clear value being checked.
            self.failed[detector.name] = type(exc).__name__
            log.warning("detector %s failed (%s); its findings are dropped", detector.name, type(exc).__name__)
            return None


class Engine:
    """Compiled once per classifier; ``scan`` is called for every file."""

    def __init__(self, detectors: Sequence[Recognizer], key: bytes, regex_engine: RegexEngine = "auto") -> None:
        self._detectors = {d.name: d for d in detectors}
        self._key = key
        self._groups: list[list[tuple[Recognizer, Pattern]]] = []
        self._value_group: list[str | None] = []
        by_regex: dict[str, int] = {}
        for detector in detectors:
            for pattern in detector.patterns:
                index = by_regex.get(pattern.regex)
                if index is None:
                    index = by_regex[pattern.regex] = len(self._groups)
                    self._groups.append([])
                    has_value = _VALUE_GROUP.search(pattern.regex) is not None
                    self._value_group.append(f"v{index}" if has_value else None)
                self._groups[index].append((detector, pattern))
        # Each alternative ends with an empty marker group: whichever group a match reports, it belongs to the one
        # alternative that matched (matcher.py); the marker keeps the alternative's own first character class first.
        alternatives = [
            f"(?:{_VALUE_GROUP.sub(f'(?P<v{i}>', rx)})(?P<g{i}>)"
            for rx, i in sorted(by_regex.items(), key=lambda x: x[1])
        ]
        self._matcher = Matcher(alternatives, regex_engine) if alternatives else None
        self._context = {
            d.name: ContextMatcher(d.context, d.context_before, d.context_after, d.context_crosses_cells)
            for d in detectors
            if d.context
        }
        self._readers: dict[Role, list[Recognizer]] = {}
        for detector in detectors:
            for role in detector.field_roles:
                self._readers.setdefault(role, []).append(detector)

    @property
    def detector_names(self) -> list[str]:
        return list(self._detectors)

    def scan(self, segments: Iterable[TextSegment], fields: Iterable[StructuredField] = ()) -> Detection:
        """All findings in the text segments and structured fields of one file."""
        run = _Run()
        for segment in segments:
            self._scan_text(run, segment.text, segment.where)
        for item in fields:
            if item.role in TEXT_ROLES:
                self._scan_text(run, item.value, item.where)
            for detector in self._readers.get(item.role, ()):
                hits = run.guard(detector, detector.from_field, item)
                for hit in hits or ():
                    run.hits.setdefault(detector.name, []).append((hit, item.where))
        return self._finish(run)

    @property
    def regex_engine(self) -> str:
        """The library that runs the patterns: ``pcre2`` or ``re``."""
        return self._matcher.engine if self._matcher is not None else "re"

    def _scan_text(self, run: _Run, text: str, where: str) -> None:
        if self._matcher is None or not text:
            return
        text = "\n" + text  # a line start and a boundary before the first character
        cursor = self._matcher.cursor(text)
        pos = 0
        while (found := cursor.first(pos)) is not None:
            start = found[0].start()
            accepted = self._dispatch(run, text, *found, where)
            # Rejected (e.g. 9 digits that are no FINESS): the later alternatives may still match at this position.
            while not accepted and (found := self._matcher.after(found[1], text, start)) is not None:
                accepted = self._dispatch(run, text, *found, where)
            pos = found[0].end() if accepted and found is not None and found[0].end() > start else start + 1

    def _dispatch(self, run: _Run, text: str, match: Any, index: int, where: str) -> bool:
        """Offer one match of pattern ``index`` to the detectors sharing it; True when one of them accepted it."""
        value_group = self._value_group[index]
        if value_group is not None:
            start, end = match.span(value_group)
        else:
            start, end = match.start() + 1, match.end()  # after the boundary character
        candidate = text[start:end]
        accepted = False
        for detector, pattern in self._groups[index]:
            if value_group is not None:
                word: str | None = pattern.name  # the pattern itself holds the context words (e.g. "IPP :")
            else:
                matcher = self._context.get(detector.name)
                word = matcher.find(text, start, end) if matcher is not None else None
                if word is None and detector.requires_context:
                    continue  # judge would drop it: spare the check (a date parse, a Luhn) on every bare number
            hit = run.guard(detector, detector.judge, candidate, pattern, word)
            if hit is not None:
                run.hits.setdefault(detector.name, []).append((hit, where))
                accepted = True
        return accepted

    def _finish(self, run: _Run) -> Detection:
        result = Detection()
        for name, hits in run.hits.items():
            if name in run.failed:
                continue
            detector = self._detectors[name]
            result.name_words.update(
                word.lower() for hit, _ in hits if hit.entity == NAME_ENTITY for word in _WORDS.findall(hit.value)
            )
            findings = run.guard(detector, self._findings, detector, hits)
            if findings:
                result.findings.extend(findings)
        for name, kind in run.failed.items():
            message = f"detector {name} failed ({kind}); its findings were dropped"
            result.errors.append(ErrorNote(code="detector_failed", message=message, stage="detect"))
        return result

    def _findings(self, detector: Recognizer, hits: list[tuple[Hit, str]]) -> list[Finding]:
        """Clinical signals: one finding per occurrence (they are counted). Identifiers: one per distinct value and
        entity, with its best confidence (a patient's IPP on every row of an export is one IPP, one HMAC)."""
        if detector.clinical:
            return [Finding(h.entity, detector.mask(h.value), None, h.confidence, w, h.explanation) for h, w in hits]
        best: dict[tuple[str, str], tuple[Hit, str]] = {}
        for hit, where in hits:
            key = (hit.entity, detector.normalise(hit.value))
            if key not in best or hit.confidence > best[key][0].confidence:
                best[key] = (hit, where)
        return [
            Finding(
                entity=entity,
                masked=detector.mask(hit.value),
                fingerprint=fingerprint(detector.fingerprint_entity or entity, value, self._key),
                confidence=hit.confidence,
                where=where,
                explanation=hit.explanation,
            )
            for (entity, value), (hit, where) in best.items()
        ]

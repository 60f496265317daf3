r"""The one question the engine asks of all detector patterns at once: the first match at or after a position.

The detectors' patterns are one alternation (see ``engine.py``): the first match at or after ``pos`` is the leftmost
one, and at that position the first alternative that matches. The engine asks it again after every candidate: from
the candidate's end when a detector accepted it, from its next character when all refused it (a rejected date may
hold a name after its slash). Two ways to answer, with the same matches:

* ``ReCursor``: Python's ``re``, ``search(text, pos)``. Always available: the reference semantics.
* ``Pcre2Cursor``: PCRE2's JIT (the ``pcre2`` bindings) walks the text about five times faster than ``re`` on this
  alternation and says where the next match starts; ``re`` then matches anchored at that one position, so the
  detectors read the same ``re`` match objects either way. The bindings cost O(text) per call that takes or returns
  a character offset, so each text gets one ``finditer`` (their cursor stays in bytes) whose byte offsets are turned
  into characters here; questions that fall inside a match ``finditer`` stepped over (the refused candidate's own
  span) are answered by ``re`` anchored at each boundary character of that short stretch.

PCRE2 caps the size of one compiled pattern (64 KiB of code with the usual link size) and the care and condition
vocabularies are large, so the alternation is cut, in order, into as few patterns as compile; the next match starts
at the leftmost of their next starts. Each alternative ends with an empty marker group, so every capture group
belongs to one alternative (``owner``): the group ``re`` reports as the last one names the alternative that matched.

``tests/unit/detect/test_matcher.py`` puts the same questions to both cursors over the demo share's texts.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any, Literal, Protocol

try:
    import pcre2
    from pcre2._cy import match_substring_span_bynumber as _raw_span  # see _ChunkMatches
except ImportError:  # pragma: no cover - a declared dependency; re does the work without it
    pcre2 = None
    _raw_span: Callable[..., tuple[int, int]] | None = None  # type: ignore[no-redef]

log = logging.getLogger(__name__)

BOUNDARY = r"[^\w]"  # what comes before any candidate; the text gets a leading newline so its start counts too
_BOUNDARY_CHAR = re.compile(BOUNDARY)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NOWHERE = 1 << 62  # beyond any text

RegexEngine = Literal["auto", "pcre2", "re"]

# What the pcre2 bindings read otherwise than Python: they compile with PCRE2_ALT_BSUX, so \uXXXX and \xhh mean what
# they mean to Python, but \UXXXXXXXX and \N{NAME} do not exist there (written as the character itself), and PCRE2's
# \Z also matches before a final newline (Python's \Z is PCRE2's \z). An escaped backslash is matched first so that
# "\\U" stays a backslash followed by "U".
_PY_ONLY_ESCAPE = re.compile(r"\\\\|\\U([0-9A-Fa-f]{8})|\\N\{([^}]+)\}|\\Z")


def for_pcre2(regex: str) -> str:
    """The same regex as the pcre2 bindings must be given it (see ``_PY_ONLY_ESCAPE``)."""

    def convert(match: re.Match[str]) -> str:
        wide, name = match.groups()
        if match.group() == "\\\\":
            return match.group()
        if match.group() == "\\Z":
            return "\\z"
        return re.escape(chr(int(wide, 16)) if wide else unicodedata.lookup(name))

    return _PY_ONLY_ESCAPE.sub(convert, regex)


def combined(alternatives: Sequence[str]) -> str:
    """One regex: the boundary character, then the alternatives in priority order."""
    return f"{BOUNDARY}(?:{'|'.join(alternatives)})"


class Cursor(Protocol):
    """Answers, for one text, "the first match at or after ``pos``" as (``re`` match, alternative index)."""

    def first(self, pos: int) -> tuple[re.Match[str], int] | None: ...


class _Compiled:
    """Some consecutive alternatives (from ``offset``) compiled by ``re``, with the owner of each capture group."""

    def __init__(self, alternatives: Sequence[str], offset: int) -> None:
        self.regex = re.compile(combined(alternatives))
        self.owner = [-1]  # group 0 is the whole match
        for index, alternative in enumerate(alternatives, start=offset):
            self.owner += [index] * re.compile(alternative).groups

    def found(self, match: re.Match[str] | None) -> tuple[re.Match[str], int] | None:
        # re reports as last group the one that closed last: the alternative's end marker.
        return None if match is None else (match, self.owner[match.lastindex or 0])


class ReCursor:
    """``re.search`` from each position: the reference."""

    __slots__ = ("_compiled", "_text")

    def __init__(self, compiled: _Compiled, text: str) -> None:
        self._compiled = compiled
        self._text = text

    def first(self, pos: int) -> tuple[re.Match[str], int] | None:
        return self._compiled.found(self._compiled.regex.search(self._text, pos))


class _CharOffsets:
    """Byte offsets in the UTF-8 form of a text, back to character offsets (identical for ASCII text)."""

    __slots__ = ("_extra", "_starts")

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []  # byte offset of each non-ASCII character
        self._extra: list[int] = []  # bytes beyond one per character, up to and including that one
        extra = 0
        for match in _NON_ASCII.finditer(text):
            self._starts.append(match.start() + extra)
            extra += len(match.group().encode("utf-8")) - 1
            self._extra.append(extra)

    def char(self, byte: int) -> int:
        before = bisect_left(self._starts, byte)  # non-ASCII characters that start before ``byte``
        return byte - self._extra[before - 1] if before else byte


class _ChunkMatches:
    """One PCRE2 pattern's matches over one text (``finditer``: in order, non-overlapping), as character offsets.

    ``i`` is the first match not yet stepped over and ``passed`` the end of the last one that was: a match of this
    pattern may hide inside a stepped-over one, so [pos, passed) is unknown ground for it."""

    __slots__ = ("ends", "i", "passed", "starts")

    def __init__(self, pattern: Any, text: str, data: bytes, offsets: _CharOffsets | None) -> None:
        # The bindings' Match.span() recounts characters from the text's start at every call (quadratic on long
        # texts); their span read on the UTF-8 bytes gives PCRE2's raw offsets, turned into characters here.
        spans = [_raw_span(match._pcre2_match_data, data, 0) for match in pattern.finditer(text)]
        if offsets is not None:
            spans = [(offsets.char(start), offsets.char(end)) for start, end in spans]
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]
        self.i = 0
        self.passed = 0


class Pcre2Cursor:
    """Where the next match starts, from PCRE2; the match itself from ``re`` anchored there (same semantics, and
    ``re`` match objects are what the detectors read)."""

    __slots__ = ("_chunks", "_compiled", "_text")

    def __init__(self, patterns: Sequence[Any], compiled: _Compiled, text: str, data: bytes) -> None:
        offsets = None if len(data) == len(text) else _CharOffsets(text)
        self._chunks = [_ChunkMatches(pattern, text, data, offsets) for pattern in patterns]
        self._compiled = compiled
        self._text = text

    def first(self, pos: int) -> tuple[re.Match[str], int] | None:
        start = _NOWHERE
        hidden = pos
        for chunk in self._chunks:
            i = bisect_left(chunk.starts, pos, chunk.i)
            if i > chunk.i:  # step over the matches that start before pos
                chunk.i, chunk.passed = i, chunk.ends[i - 1]
            hidden = max(hidden, chunk.passed)
            if i < len(chunk.starts) and chunk.starts[i] < start:
                start = chunk.starts[i]
        regex, text = self._compiled.regex, self._text
        if hidden > pos:  # inside a match a pattern stepped over: re, anchored at each boundary character
            for boundary in _BOUNDARY_CHAR.finditer(text, pos, min(hidden, start)):
                if (match := regex.match(text, boundary.start())) is not None:
                    return self._compiled.found(match)
        if start == _NOWHERE:
            return None
        # Anchored at PCRE2's start; ``search`` only if the two libraries ever disagreed there (then re decides).
        return self._compiled.found(regex.match(text, start) or regex.search(text, start))


class Matcher:
    """The detectors' alternatives, compiled once per classifier; ``cursor(text)`` for every text scanned."""

    def __init__(self, alternatives: Sequence[str], engine: RegexEngine = "auto") -> None:
        self._alternatives = list(alternatives)
        self._whole = _Compiled(self._alternatives, 0)
        self._rest: dict[int, _Compiled | None] = {}
        self._patterns = _pcre2_patterns(self._alternatives) if engine != "re" else None
        if self._patterns is None and engine == "pcre2":
            raise ValueError("regex_engine is 'pcre2' but the detector patterns do not compile with PCRE2")
        self.engine: str = "pcre2" if self._patterns is not None else "re"

    def cursor(self, text: str) -> Cursor:
        if self._patterns is not None:
            try:
                data = text.encode("utf-8")
                return Pcre2Cursor(self._patterns, self._whole, text, data)
            except UnicodeEncodeError:  # a lone surrogate (undecodable bytes kept as such): re reads it
                pass
            except pcre2.LibraryError as exc:  # a PCRE2 resource limit (JIT stack, match limit) on this text
                log.info("PCRE2 gave up on a text (%s): re reads it", exc)
        return ReCursor(self._whole, text)

    def after(self, index: int, text: str, start: int) -> tuple[re.Match[str], int] | None:
        """A match of the alternatives after ``index`` at exactly ``start``: when the detectors refused a candidate,
        a later pattern may still match there (compiled on first need; ``re`` either way, it is one position)."""
        if index not in self._rest:
            later = self._alternatives[index + 1 :]
            self._rest[index] = _Compiled(later, index + 1) if later else None
        compiled = self._rest[index]
        return None if compiled is None else compiled.found(compiled.regex.match(text, start))


def pcre2_runs(converted: Sequence[str]) -> list[tuple[int, int]]:
    """Alternatives already in PCRE2 syntax (``for_pcre2``) cut, in order, into as few runs ``[start, stop)`` as
    compile as one PCRE2 pattern each (the size cap); raises ``pcre2.PatternError`` for any other compile error,
    ValueError if one alone is too large."""
    assert pcre2 is not None

    def compiles(start: int, stop: int) -> bool:
        try:
            pcre2.compile(combined(converted[start:stop]), jit=False)
        except pcre2.PatternError as exc:
            if "too large" not in str(exc):
                raise
            return False
        return True

    runs: list[tuple[int, int]] = []
    start = 0
    while start < len(converted):
        # The longest run from ``start`` that compiles: halve until one does, then grow one by one.
        stop = len(converted)
        while not compiles(start, stop):
            if stop - start == 1:
                raise ValueError(f"detector pattern {start} is too large for PCRE2 alone")
            stop = start + (stop - start) // 2
        while stop < len(converted) and compiles(start, stop + 1):
            stop += 1
        runs.append((start, stop))
        start = stop
    return runs


def _pcre2_patterns(alternatives: list[str]) -> list[Any] | None:
    """The alternatives as JIT-compiled PCRE2 patterns (``pcre2_runs``); None when PCRE2 cannot take them (the
    bindings missing or changed, a construct PCRE2 lacks, one alternative too large alone): re does the work."""
    if pcre2 is None or _raw_span is None:
        log.warning("the pcre2 bindings are not usable here: detector patterns run on Python's re (slower)")
        return None
    try:
        converted = [for_pcre2(alternative) for alternative in alternatives]
        runs = pcre2_runs(converted)
        patterns = [pcre2.compile(combined(converted[start:stop]), jit=True) for start, stop in runs]
        # The private span read must still work with this release of the bindings (pinned, but checked).
        probe = next(pcre2.compile("x").finditer("\u00e9 x"))
        if _raw_span(probe._pcre2_match_data, "\u00e9 x".encode(), 0) != (3, 4):
            raise TypeError("unexpected byte offsets")
    except (pcre2.PatternError, ValueError) as exc:
        log.warning("detector patterns do not compile with PCRE2 (%s): they run on Python's re", exc)
        return None
    except (AttributeError, TypeError) as exc:
        log.warning("these pcre2 bindings changed (%s): detector patterns run on Python's re", exc)
        return None
    return patterns

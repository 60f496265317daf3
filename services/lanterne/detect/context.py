"""Context words: accent- and case-insensitive search in a window around a candidate.

The words are compiled once into an accent-tolerant, case-insensitive regex (``securite`` matches ``Sécurité``,
``SÉCURITÉ``) that runs on the text itself between two offsets: no slice, no copy, and the word boundaries see the
real characters around the window. ``fold`` (lower case, no accents, one character for one) is what detectors use to
compare words and normalise names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

CELL_SEPARATOR = " | "


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x250):  # Latin-1 and Latin Extended-A/B cover French and neighbouring languages
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0].lower()
        if len(base) == 1 and base != char:
            table[code] = base
    table[ord("\u2019")] = "'"  # typographic apostrophe
    table[ord("\u00a0")] = " "  # no-break space
    table[ord("\u202f")] = " "  # narrow no-break space (French typography before ':')
    table[ord("\u00ba")] = "°"  # masculine ordinal, often typed for "n°"
    table[ord("_")] = " "  # column names: NUM_SECU, DATE_NAISSANCE
    return table


_FOLD = _build_fold_table()


def fold(text: str) -> str:
    """Lower-case and strip accents, one character for one character (so offsets are kept)."""
    return text.translate(_FOLD)


# Accented forms of the letters French writes with accents, and look-alike punctuation.
_VARIANTS = {
    "a": "aàâäáã", "c": "cç", "e": "eéèêë", "i": "iîïí", "n": "nñ", "o": "oôöóõ", "u": "uùûüú", "y": "yÿ",
    "'": "'\u2019", "°": "°º",
}  # fmt: skip
_GAP = r"[\s_]*"  # between the words of a context phrase: spaces, no-break spaces, or a column name's underscore


def _char_class(char: str) -> str:
    """Both cases and the accented forms, spelled out: a case-sensitive class lets the regex engine skip fast."""
    variants = _VARIANTS.get(char, char)
    return f"[{re.escape(''.join(dict.fromkeys(variants + variants.upper())))}]"


def words_regex(words: Iterable[str]) -> str:
    r"""The words and phrases (folded here, longest first) as one regex that starts with the class of their first
    letters, and ends where a word does (``(?![^\W_])``).

    A leading character class lets the regex engine skip, in its fast loop, every character that cannot start a
    word; the branch of each first letter is then picked by a one-character look-behind, and the word boundary is
    checked on the character before it (``(?<![^\W_].)``).
    """
    rests: dict[str, list[str]] = {}
    for word in sorted({fold(w) for w in words}, key=len, reverse=True):
        first, *others = word.split()
        rest = "".join(_char_class(ch) for ch in first[1:])
        rest += "".join(_GAP + "".join(_char_class(ch) for ch in part) for part in others)
        rests.setdefault(_char_class(first[0]), []).append(rest)
    firsts = "".join(cls.strip("[]") for cls in rests)
    branches = "|".join(f"(?<={cls})(?:{'|'.join(alts)})" for cls, alts in rests.items())
    return rf"[{firsts}](?<![^\W_].)(?:{branches})(?![^\W_])"


class ContextMatcher:
    """Finds the nearest of a set of context words in the window before (and a little after) a candidate."""

    __slots__ = ("_after", "_before", "_cells", "_regex")

    def __init__(self, words: Iterable[str], before: int = 60, after: int = 20, cells: bool = False) -> None:
        # Words are matched whole ("ins" must not fire inside "insuline"); an underscore separates (NUM_SECU).
        words = list(words)
        self._regex = re.compile(words_regex(words)) if words else None
        self._before = before
        self._after = after
        self._cells = cells

    def find(self, text: str, start: int, end: int) -> str | None:
        """The context word closest before ``start`` (else the first after ``end``), folded; or None."""
        if self._regex is None:
            return None
        lo = max(0, start - self._before)
        # Tabular extraction writes rows as "column: value | column: value": the window stops at the cell
        # boundary, so a value's context is its own column name, not its neighbour's.
        if not self._cells:
            cell = text.rfind(CELL_SEPARATOR, lo, start)
            if cell >= 0:
                lo = cell + len(CELL_SEPARATOR)
        last = None
        for last in self._regex.finditer(text, lo, start):  # noqa: B007 (the last one is the nearest)
            pass
        if last is not None:
            return fold(last.group(0))
        hi = min(len(text), end + self._after)
        if not self._cells:
            cell = text.find(CELL_SEPARATOR, end, hi)
            hi = cell if cell >= 0 else hi
        hit = self._regex.search(text, end, hi)
        if hit is None or (hit.end() == hi < len(text) and text[hi].isalnum()):  # a word cut by the window's end
            return None
        return fold(hit.group(0))

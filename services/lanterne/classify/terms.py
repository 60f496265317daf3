"""The words of a file that the index may hold, so ``lanterne search`` finds a file by a word in it.

The index must never hold a clear identifier, yet full-text search needs the content's words. Only common words
qualify. A word is kept when the text writes it entirely in lower case at least once (proper nouns: patients'
and doctors' names, towns, streets are written capitalised or in capitals, so they never qualify), or as a
capitalised label just before a colon ("Antécédents :", "Motif :": headings and field names, never a value).
It must have letters only (no digit-bearing token: NIR groups, IPPs, dates, phone numbers, codes) and not be part
of an e-mail address or a URL (whose parts are often names). Words of detected name values are dropped too.
What is kept is a set, not the text: the order that would let someone rebuild a sentence is gone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Letters only, 3 to 30 of them ([^\W\d_] is "a letter" in any script).
_WORD = re.compile(r"[^\W\d_]{3,30}")
# A capitalised word right before a colon is a label ("Diagnostic :"), the value comes after it. Tried only at a
# word's start (the look-behind fails at once inside a word) and read possessively: a linear scan.
_LABEL = re.compile(r"(?<![^\W\d_])([^\W\d_]{3,30}+)(?=[ \t\u00a0]*:)")
# E-mail addresses and URLs are blanked before words are cut: their parts are often people's names. The whole
# whitespace-separated token holding an "@" goes; the look-behind keeps the scan linear (token starts only).
_ADDRESS = re.compile(r"(?<!\S)[^\s@]*+@\S*|\b(?:https?|ftp)://\S+|\bwww\.\S+", re.IGNORECASE)
_ADDRESS_HINT = re.compile(r"@|://|www\.", re.IGNORECASE)

MAX_TERMS = 2_000


def content_terms(texts: Iterable[str], exclude: Iterable[str] = (), limit: int = MAX_TERMS) -> list[str]:
    """The distinct common words of ``texts`` (lower case, sorted), at most ``limit`` of them (the first ones)."""
    banned = {w.lower() for value in exclude for w in _WORD.findall(value)}
    found: set[str] = set()
    for text in texts:
        if _ADDRESS_HINT.search(text) is not None:
            text = _ADDRESS.sub(" ", text)
        # dict.fromkeys: each distinct word once, in the order of the text (which words fit under the limit
        # must not depend on the process's hash seed).
        labels = dict.fromkeys(_LABEL.findall(text)) if ":" in text else {}
        candidates = [w.lower() for w in labels if w[0].isupper() and w[1:].islower()]
        candidates += [w for w in dict.fromkeys(_WORD.findall(text)) if w.islower()]
        for word in candidates:
            if word not in banned:
                found.add(word)
                if len(found) >= limit:
                    return sorted(found)
    return sorted(found)

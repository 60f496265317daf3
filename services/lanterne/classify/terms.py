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
# A capitalised word right before a colon is a label ("Diagnostic :"), the value comes after it.
_LABEL = re.compile(r"([^\W\d_]{3,30})(?=[ \t\u00a0]*:)")
# E-mail addresses and URLs are blanked before words are cut: their parts are often people's names.
_ADDRESS = re.compile(r"\S+@\S+|\b(?:https?|ftp)://\S+|\bwww\.\S+", re.IGNORECASE)

MAX_TERMS = 2_000


def content_terms(texts: Iterable[str], exclude: Iterable[str] = (), limit: int = MAX_TERMS) -> list[str]:
    """The distinct common words of ``texts`` (lower case, sorted), at most ``limit`` of them."""
    banned = {w.lower() for value in exclude for w in _WORD.findall(value)}
    found: set[str] = set()
    for text in texts:
        text = _ADDRESS.sub(" ", text)
        labels = (w.lower() for w in _LABEL.findall(text) if w[0].isupper() and w[1:].islower())
        common = (w for w in _WORD.findall(text) if w.islower())
        for word in (*labels, *common):
            if word not in banned:
                found.add(word)
                if len(found) >= limit:
                    return sorted(found)
    return sorted(found)

"""What the full-text search of both index backends looks at, and how it cuts words and folders.

Shared by the embedded SQLite index and Elasticsearch so that the same query finds the same files on both; it
uses only the standard library, so the embedded default does not import the Elasticsearch client to get it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from lanterne.events.models import FileVerdict

_WORD = re.compile(r"[^\W_]+")
_ACCENT = re.compile("[\u0300-\u036f]")  # the combining diacritical marks NFD splits off Latin letters


def words(texts: Iterable[str]) -> list[str]:
    """The unique words of ``texts`` as FTS5's ``unicode61 remove_diacritics 2`` cuts them: runs of letters or
    digits, lower-cased, accents removed; sorted so a replayed verdict yields the very same string."""
    found: set[str] = set()
    for text in texts:
        if not text.isascii():  # decompose, then drop the accents with one regex pass (the hot path of a scan)
            text = _ACCENT.sub("", unicodedata.normalize("NFD", text))
        found.update(_WORD.findall(text.lower()))
    return sorted(found)


def searchable_texts(verdict: FileVerdict) -> list[str]:
    """What the full-text search looks at: no clear identifier is in any of these (the classifier made sure)."""
    return [
        verdict.path,
        verdict.format,
        *verdict.reasons,
        *verdict.samples,
        *verdict.identifiers,
        *verdict.clinical,
        *(e.message for e in verdict.errors),
        *verdict.terms,
    ]


def folder_of(path: str) -> str:
    """The parent folder of a path, '/' or '\\' separated (Windows shares); '' for a bare name."""
    cut = max(path.rfind("/"), path.rfind("\\"))
    return path[:cut] if cut > 0 else path[: cut + 1]

"""Context words: accent-, case- and separator-tolerant, whole words, within the window and the table cell."""

from __future__ import annotations

import pytest

from lanterne.detect.context import ContextMatcher, fold

WORDS = ("securite sociale", "nss", "n° ss", "ins", "ne(e) le")


def around(text: str, matcher: ContextMatcher) -> str | None:
    start = text.index("#")
    return matcher.find(text, start, start + 1)


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        ("N° de SÉCURITÉ SOCIALE : #", "securite sociale", "capitals and accents"),
        ("NUM_SECURITE_SOCIALE: #", "securite sociale", "underscores of a column name"),
        ("N°\u00a0SS : #", "n° ss", "no-break space"),
        ("Nº SS #", "n° ss", "masculine ordinal typed for the degree sign"),
        ("Né(e) le #", "ne(e) le", "punctuation inside the phrase"),
        ("insuline #", None, "a context word inside another word does not count"),
        ("cousins #", None, "nor at the end of one"),
        ("NSS: 123 | Montant: #", None, "the window stops at the table cell"),
        ("# (INS)", "ins", "a word just after the candidate"),
        ("# insuline", None, "not a word cut by the window's end either"),
        ("x" * 80 + " nss " + "y" * 70 + " #", None, "too far before"),
    ],
)
def test_find(text: str, expected: str | None, why: str) -> None:
    assert around(text, ContextMatcher(WORDS, before=60, after=5)) == expected, why


def test_cells_can_be_crossed_when_asked() -> None:
    matcher = ContextMatcher(("creatinine",), before=40, after=0, cells=True)
    assert around("ANALYSE: Créatinine | RESULTAT: #", matcher) == "creatinine"


def test_fold_keeps_offsets() -> None:
    text = "Sécurité SOCIALE_Né\u00a0le"
    assert fold(text) == "securite sociale ne le" and len(fold(text)) == len(text)

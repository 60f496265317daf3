"""The PCRE2 cursor answers the engine's questions exactly as Python's re does, on every kind of text.

The PCRE2 path exists for speed only: any difference from ``re`` would change verdicts from one machine to another.
So the same questions (first match at or after a position, with the engine's accept/reject walk) are put to both
cursors, over the demo share's texts and over texts built to put matches inside rejected matches.
"""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest

from lanterne.demo import make_share
from lanterne.detect import registry
from lanterne.detect.engine import Engine
from lanterne.detect.matcher import Cursor, Matcher, ReCursor, for_pcre2
from lanterne.extract import registry as extractors
from lanterne.extract.base import TextSegment
from lanterne.settings import ClassifierSettings


def _walk(cursor: Cursor, text: str, accept: float, seed: int) -> list[tuple[int, int, int]]:
    """The engine's walk: after an accepted match go on from its end, after a rejected one from its next character.
    Decisions are drawn from the match itself, so both cursors face the same ones."""
    seen = []
    pos = 0
    while (found := cursor.first(pos)) is not None:
        match, index = found
        seen.append((match.start(), match.end(), index))
        accepted = random.Random(hash((seed, match.start(), index))).random() < accept
        pos = match.end() if accepted else match.start() + 1
    return seen


@pytest.fixture(scope="module")
def alternatives() -> list[str]:
    engine = Engine(registry.build(ClassifierSettings()), b"k", "re")
    return engine._matcher._alternatives  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def share_texts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The decoded texts of a small demo share (every format the demo writes)."""
    root = tmp_path_factory.mktemp("share")
    manifest = make_share(root, seed=7, files=150)
    texts = []
    for rel in sorted(manifest.files):
        result = extractors.extract((root / rel).read_bytes(), rel, ClassifierSettings().limits)
        texts += [s.text for s in result.text] + [f.value for f in result.fields]
    return texts


def test_the_detector_patterns_run_on_pcre2(alternatives: list[str]) -> None:
    assert Matcher(alternatives).engine == "pcre2"
    assert Matcher(alternatives, "re").engine == "re"


@pytest.mark.parametrize("accept", [0.0, 0.3, 1.0])
def test_both_cursors_walk_the_demo_share_alike(alternatives: list[str], share_texts: list[str], accept: float) -> None:
    fast, reference = Matcher(alternatives, "pcre2"), Matcher(alternatives, "re")
    walked = 0
    for seed, text in enumerate(share_texts):
        text = "\n" + text
        expected = _walk(reference.cursor(text), text, accept, seed)
        assert _walk(fast.cursor(text), text, accept, seed) == expected, f"text {seed}"
        walked += len(expected)
    assert walked > 1000  # the share is full of candidates: the comparison is not vacuous


def test_matches_inside_a_rejected_match_are_found(alternatives: list[str]) -> None:
    """A rejected date or title leaves room for a name or a number inside it: finditer stepped over those."""
    text = "\nné le 12/03/1985 M. Jean DUPONT, Mme Marie-Claire DURAND tél 06 12 34 56 78 NIR 1 85 03 75 123 456 12\n"
    fast, reference = Matcher(alternatives, "pcre2"), Matcher(alternatives, "re")
    expected = _walk(reference.cursor(text), text, 0.0, 1)
    assert any(a[0] < b[0] < a[1] for a, b in itertools.pairwise(expected))  # some start inside the one before
    assert _walk(fast.cursor(text), text, 0.0, 1) == expected


def test_alternatives_too_large_for_one_pcre2_pattern_are_cut_in_order() -> None:
    """Three word lists, each near PCRE2's size cap: several patterns, same answers, the earlier one wins a tie."""
    rng = random.Random(3)
    lists = [sorted({"".join(rng.choices("abcdefgh", k=7)) for _ in range(1500)}) for _ in range(3)]
    shared = lists[0][0]
    lists[2].append(shared)  # a word of the first list in the last one too: the first list must win
    alternatives = [f"(?:{'|'.join(words)})(?P<g{i}>)" for i, words in enumerate(lists)]
    fast, reference = Matcher(alternatives, "pcre2"), Matcher(alternatives, "re")
    assert len(fast._patterns or []) >= 2
    text = "\n" + " ".join(rng.choice(lists[rng.randrange(3)]) for _ in range(1500)) + f" {shared}\n"
    for accept in (0.0, 0.5, 1.0):
        assert _walk(fast.cursor(text), text, accept, 9) == _walk(reference.cursor(text), text, accept, 9)
    assert fast.cursor(text).first(len(text) - len(shared) - 3)[1] == 0  # type: ignore[index]


def test_engines_give_identical_findings(share_texts: list[str]) -> None:
    detectors = registry.build(ClassifierSettings())
    fast, reference = Engine(detectors, b"k", "pcre2"), Engine(detectors, b"k", "re")
    assert fast.regex_engine == "pcre2" and reference.regex_engine == "re"
    for text in share_texts:
        assert fast.scan([TextSegment(text)]).findings == reference.scan([TextSegment(text)]).findings


@pytest.mark.parametrize(
    "text",
    [
        # 2- and 3-byte characters, then 4-byte ones
        "\nNIR 1 85 03 75 123 456 12 \u00e9t\u00e9 M. \u00c9mile DURAND \u2019 06 12 34 56 78\n",
        "\n\U0001f600 Mme Zo\u00e9 MARTIN n\u00e9e le 01/02/1950 \U0001f4de 06 12 34 56 78 \u00a0IPP : 123456\n",
        "\n\udcff Mme MARTIN 06 12 34 56 78\n",  # a lone surrogate (undecodable byte kept as such): re reads it
    ],
)
def test_character_offsets_survive_any_encoding_width(alternatives: list[str], text: str) -> None:
    fast, reference = Matcher(alternatives, "pcre2"), Matcher(alternatives, "re")
    for accept in (0.0, 1.0):
        expected = _walk(reference.cursor(text), text, accept, 2)
        assert expected and _walk(fast.cursor(text), text, accept, 2) == expected


def test_python_only_escapes_are_rewritten_for_the_bindings() -> None:
    assert for_pcre2(r"a\Z") == r"a\z"
    assert for_pcre2(r"\\Z") == r"\\Z"  # an escaped backslash then a letter
    assert for_pcre2(r"x\N{NO-BREAK SPACE}\U000000e9") == "x\u00a0\u00e9"
    assert re.fullmatch(for_pcre2(r"\u00a0"), "\u00a0")  # \u is read alike: left as it is


def test_patterns_pcre2_cannot_compile_run_on_re(caplog: pytest.LogCaptureFixture) -> None:
    """A site's pattern PCRE2 refuses (here a group name over its 128-character limit): ``auto`` falls back to re
    with a warning, ``pcre2`` refuses to start."""
    alternatives = [f"(?P<{'n' * 200}>a)(?P<g0>)"]
    with pytest.raises(ValueError, match="PCRE2"):
        Matcher(alternatives, "pcre2")
    matcher = Matcher(alternatives, "auto")
    assert matcher.engine == "re" and "re" in caplog.text
    assert matcher.cursor("\n a").first(0) is not None


def test_a_site_can_choose_re(tmp_path: Path) -> None:
    from lanterne.classify import Classifier

    classifier = Classifier(ClassifierSettings(regex_engine="re"), b"k" * 32)
    assert classifier._engine.regex_engine == "re"


def test_a_text_pcre2_gives_up_on_is_read_by_re(alternatives: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """PCRE2 resource limits (JIT stack, match limit) raise on one text: re answers for that text instead."""
    import pcre2

    class GivingUp:
        def finditer(self, text: str) -> None:
            raise pcre2.LibraryError(-47)  # PCRE2_ERROR_MATCHLIMIT

    matcher = Matcher(alternatives, "pcre2")
    monkeypatch.setattr(matcher, "_patterns", [GivingUp()])
    text = "\nMme Marie DURAND, tél 06 12 34 56 78\n"
    assert isinstance(matcher.cursor(text), ReCursor)
    assert _walk(matcher.cursor(text), text, 1.0, 3) == _walk(Matcher(alternatives, "re").cursor(text), text, 1.0, 3)

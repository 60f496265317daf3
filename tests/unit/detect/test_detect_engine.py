"""The engine: one pass for all detectors, per-detector guard, settings that disable detectors, priority."""

from __future__ import annotations

from typing import ClassVar

from lanterne.detect import registry
from lanterne.detect.base import Pattern
from lanterne.detect.engine import Engine
from lanterne.detect.recognizer import Recognizer
from lanterne.extract.base import TextSegment
from lanterne.settings import ClassifierSettings

TEXT = "NSS : 2 55 08 14 168 025 38\nTél 06 12 34 56 78\nBOOM here"


class Exploding(Recognizer):
    """A detector whose check raises, with a message quoting the candidate (as a careless one might)."""

    name = "exploding"
    entity = "BOOM"
    patterns: ClassVar[tuple[Pattern, ...]] = (Pattern("boom", r"BOOM", 0.9),)

    def validate(self, candidate: str) -> bool | None:
        raise RuntimeError(f"cannot check {candidate} 255081416802538")


def test_a_failing_detector_is_reported_and_the_others_stand(key: bytes) -> None:
    engine = Engine([*registry.build(ClassifierSettings()), Exploding()], key)
    result = engine.scan([TextSegment(TEXT)])
    assert {f.entity for f in result.findings} == {"NIR", "PHONE"}
    (error,) = result.errors
    assert error.code == "detector_failed" and error.stage == "detect" and "exploding" in error.message
    assert "255081416802538" not in error.message and "BOOM" not in error.message


def test_disabled_detectors_are_not_built() -> None:
    names = [d.name for d in registry.build(ClassifierSettings(disabled_detectors=["phone", "NIR"]))]
    assert "phone" not in names and "nir" not in names and "ipp" in names


def test_disabled_detector_finds_nothing(key: bytes) -> None:
    engine = Engine(registry.build(ClassifierSettings(disabled_detectors=["phone"])), key)
    assert {f.entity for f in engine.scan([TextSegment(TEXT)]).findings} == {"NIR"}


def test_extra_detectors_can_be_disabled_by_name(key: bytes) -> None:
    built = registry.build(ClassifierSettings(disabled_detectors=["exploding"]), [Exploding()])
    assert "exploding" not in [d.name for d in built]


def test_a_rejected_candidate_leaves_its_position_to_later_patterns(scan) -> None:  # type: ignore[no-untyped-def]
    # 10 digits starting with 0: ADELI's national form (needs "ADELI") is tried first, then the phone.
    assert [f.entity for f in scan("0612345678")] == ["PHONE"]
    assert [f.entity for f in scan("ADELI 0751234567")] == ["ADELI"]


def test_every_registered_detector_has_a_unique_name_and_compiles(key: bytes) -> None:
    detectors = registry.build(ClassifierSettings())
    assert len({d.name for d in detectors}) == len(detectors) == len(registry.available())
    Engine(detectors, key)


def test_segments_keep_their_place(scan, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    result = engine.scan([TextSegment("rien", "page 1"), TextSegment("Tél 06 12 34 56 78", "page 2")])
    assert [f.where for f in result.findings] == ["page 2"]


def test_every_pattern_starts_where_the_regex_engine_can_skip_it() -> None:
    """Speed guard: an alternative that starts with a look-behind or ``(?i:`` is tried in full at every position.

    (Uses the stdlib's regex parser, ``re._parser``, to read each pattern's first element.)
    """
    import re._constants as ops
    import re._parser as parser

    def first_ops(pattern: parser.SubPattern) -> list[object]:
        op, av = pattern.data[0]
        if op is ops.SUBPATTERN:
            return first_ops(av[3])
        if op is ops.BRANCH:
            return [o for alternative in av[1] for o in first_ops(alternative)]
        return [op]

    for detector in registry.build(ClassifierSettings()):
        for pattern in detector.patterns:
            allowed = {ops.IN, ops.LITERAL, ops.AT}  # AT: a line-start anchor fails as fast
            assert set(first_ops(parser.parse(pattern.regex))) <= allowed, (detector.name, pattern.name)


def test_patient_fingerprint_of_an_unknown_entity_is_none(key: bytes) -> None:
    from lanterne.detect import patient_fingerprint

    assert patient_fingerprint("SHOE_SIZE", "42", key) is None
    assert patient_fingerprint("IPP", " 8001234567", key) == patient_fingerprint("ipp", "8001234567", key)

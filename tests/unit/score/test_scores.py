"""Scores: sensitivity from signals, staleness/exposure/duplication curves, the dark score."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from lanterne.score import dark_score, duplication, exposure, sensitivity, staleness

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def years_ago(n: float) -> datetime:
    return NOW - timedelta(days=365.25 * n)


@pytest.mark.parametrize(("age", "expected"), [(0, 0.0), (1, 0.3162), (2.5, 0.5), (10, 1.0), (30, 1.0)])
def test_staleness_curve(age: float, expected: float) -> None:
    assert staleness(years_ago(age), None, NOW) == pytest.approx(expected, abs=1e-3)


def test_staleness_uses_the_latest_touch_and_tolerates_unknowns() -> None:
    assert staleness(years_ago(10), years_ago(0), NOW) == 0.0
    assert staleness(None, None, NOW) == 0.0
    assert staleness(NOW + timedelta(days=3), None, NOW) == 0.0  # clock skew: a future mtime is fresh


@pytest.mark.parametrize(
    ("mode", "expected", "why"),
    [(0o100644, 1.0, "world-readable"), (0o100640, 0.5, "group-readable"), (0o100600, 0.0, "owner only"),
     (None, 0.5, "unknown")],
)  # fmt: skip
def test_exposure(mode: int | None, expected: float, why: str) -> None:
    assert exposure(mode) == expected, why


@pytest.mark.parametrize(("n", "expected"), [(0, 0.0), (1, 0.5), (3, 0.75), (-2, 0.0)])
def test_duplication(n: int, expected: float) -> None:
    assert duplication(n) == expected


def test_sensitivity_orders_files_sensibly() -> None:
    nothing = sensitivity(False, {}, {}, 0)
    newsletter = sensitivity(False, {}, {"SECTION": 2, "DRUG": 1}, 0)
    payroll = sensitivity(False, {"NIR": 200, "IBAN": 200, "PERSON_NAME": 200}, {}, 200)
    letter = sensitivity(True, {"NIR": 1, "IPP": 1, "PERSON_NAME": 1}, {"SECTION": 4}, 1)
    export = sensitivity(True, {"NIR": 5000, "IPP": 5000}, {"ICD10": 5000}, 5000)
    assert nothing.score == 0
    assert nothing.score < newsletter.score < payroll.score < letter.score < export.score <= 100
    assert set(letter.factors) == {"health", "identifiers", "volume", "clinical"}
    assert round(sum(letter.factors.values())) == letter.score


def test_dark_score_grows_with_each_factor_and_needs_sensitivity() -> None:
    fresh_private = dark_score(80, NOW, None, 0o100600, 0, NOW)
    assert fresh_private.dark_score == 32  # 80 * 0.4
    assert dark_score(80, years_ago(12), None, 0o100600, 0, NOW).dark_score > fresh_private.dark_score
    assert dark_score(80, NOW, None, 0o100644, 0, NOW).dark_score > fresh_private.dark_score
    assert dark_score(80, NOW, None, 0o100600, 5, NOW).dark_score > fresh_private.dark_score
    worst = dark_score(80, years_ago(12), None, 0o100666, 10_000, NOW)
    assert 79 <= worst.dark_score <= 80
    assert dark_score(0, years_ago(20), None, 0o100666, 50, NOW).dark_score == 0

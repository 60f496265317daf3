"""The embedded runner: one verdict per file, incremental re-runs, hard time limit per file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from lanterne.runners.embedded import EmbeddedPipeline
from lanterne.settings import Settings

LETTER = "Compte rendu d'hospitalisation.\nPatient : M. Paul MARTIN, né le 02/01/1950\nDiagnostic : E11.9\n"


def _settings(state: Path, **classifier: object) -> Settings:
    return Settings(state_dir=state, agent={"id": "unit"}, classifier={"workers": 1, **classifier})


@pytest.fixture
def share(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "a").mkdir(parents=True)
    (root / "a" / "lettre.txt").write_text(LETTER, encoding="utf-8")
    (root / "vide.txt").write_bytes(b"")
    (root / "liste.csv").write_text("IPP;NOM\n8000000001;MARTIN\n", encoding="utf-8")
    return root


def _run(settings: Settings, share: Path) -> list[dict]:  # type: ignore[type-arg]
    out = io.StringIO()
    pipeline = EmbeddedPipeline(settings, [share], jsonl=out)
    try:
        pipeline.run(once=True)
    finally:
        pipeline.close()
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_once_gives_one_verdict_per_file_and_indexes_them(tmp_path: Path, share: Path) -> None:
    settings = _settings(tmp_path / "state")
    verdicts = _run(settings, share)
    assert sorted(v["relative_path"] for v in verdicts) == ["a/lettre.txt", "liste.csv", "vide.txt"]
    from lanterne.index.sqlite import SqliteIndex

    index = SqliteIndex(tmp_path / "state" / "index.db")
    assert index.count() == 3
    index.close()


def test_second_run_classifies_only_what_changed(tmp_path: Path, share: Path) -> None:
    settings = _settings(tmp_path / "state")
    _run(settings, share)
    assert _run(settings, share) == []
    (share / "vide.txt").write_text("maintenant non vide\n")
    (share / "liste.csv").unlink()
    again = {v["relative_path"]: v for v in _run(settings, share)}
    assert set(again) == {"vide.txt", "liste.csv"}
    assert again["liste.csv"]["deleted"] is True and again["vide.txt"]["deleted"] is False


def test_a_file_over_the_hard_time_limit_gets_a_timeout_verdict(tmp_path: Path, share: Path) -> None:
    (share / "gros.txt").write_text(LETTER * 200_000, encoding="utf-8")
    settings = _settings(tmp_path / "state", hard_timeout_s=0.05)
    verdicts = {v["relative_path"]: v for v in _run(settings, share)}
    assert [e["code"] for e in verdicts["gros.txt"]["errors"]] == ["timeout"]
    assert len(verdicts) == 4


def test_copies_of_a_sensitive_file_raise_its_duplication(tmp_path: Path, share: Path) -> None:
    for i in range(3):
        (share / f"copie-{i}.txt").write_text(LETTER, encoding="utf-8")
    verdicts = {v["relative_path"]: v for v in _run(_settings(tmp_path / "state"), share)}
    original = verdicts["a/lettre.txt"]
    assert original["sensitivity"] > 0, "the letter is sensitive"
    assert original["duplication"] == pytest.approx(3 / 4), "four identical files: three copies elsewhere, n/(n+1)"
    assert verdicts["liste.csv"]["duplication"] == 0

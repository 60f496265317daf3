"""The classifier pool: batches of files per task, one verdict per file in order, a hard limit per file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lanterne.classify.pool import BATCH_BYTES, BATCH_FILES, ClassifierPool, _batches
from lanterne.events.models import FileEvent
from lanterne.settings import Settings

LETTER = "Compte rendu d'hospitalisation.\nPatient : M. Paul MARTIN, né le 02/01/1950\nDiagnostic : E11.9\n"


def _events(event_for: Callable[..., FileEvent], sizes: list[int]) -> list[FileEvent]:
    return [event_for(f"f{i}.txt", size=size) for i, size in enumerate(sizes)]


def test_batches_keep_the_order_and_every_worker_busy(event_for: Callable[..., FileEvent]) -> None:
    events = _events(event_for, [100] * 1000)
    batches = _batches(events, workers=2)
    assert [e for batch in batches for e in batch] == events
    assert max(map(len, batches)) == BATCH_FILES
    few = _batches(events[:20], workers=2)
    assert len(few) >= 8 and max(map(len, few)) == 2  # four batches per worker, not one batch for one worker


def test_a_batch_holds_a_bounded_number_of_bytes(event_for: Callable[..., FileEvent]) -> None:
    events = _events(event_for, [BATCH_BYTES // 3 + 1] * 36 + [BATCH_BYTES * 2, 10, None])  # type: ignore[list-item]
    batches = _batches(events, workers=1)  # up to 9 files per batch by count, but three of these are too many bytes
    assert [len(b) for b in batches] == [2] * 18 + [1, 2]  # the big file alone; a deletion weighs nothing
    assert all(sum(e.size or 0 for e in b) <= BATCH_BYTES for b in batches if len(b) > 1)


@pytest.mark.slow
def test_only_the_slow_file_of_a_batch_gets_a_timeout_verdict(
    tmp_path: Path, event_for: Callable[..., FileEvent]
) -> None:
    """A batch that runs over the limit is retried one file per task: its quick files still get real verdicts."""
    names = [f"lettre-{i}.txt" for i in range(7)] + ["lent.txt"] + [f"note-{i}.txt" for i in range(3)]
    for name in names:
        (tmp_path / name).write_text(LETTER * (40_000 if name == "lent.txt" else 1), encoding="utf-8")
    events = [event_for(name, size=(tmp_path / name).stat().st_size) for name in names]
    settings = Settings(state_dir=tmp_path / "state", classifier={"workers": 1, "hard_timeout_s": 0.5})
    pool = ClassifierPool(settings, b"k" * 32)
    try:
        verdicts = pool.classify(events)
    finally:
        pool.close()
    assert [v.relative_path for v in verdicts] == names
    by_name = {v.relative_path: v for v in verdicts}
    assert [e.code for e in by_name["lent.txt"].errors] == ["timeout"]
    quick = [v for name, v in by_name.items() if name != "lent.txt"]
    assert all(not v.errors and v.health_data for v in quick)

"""Classifier fixtures: one classifier per session, an event factory for real temporary files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lanterne.classify import Classifier
from lanterne.events.ids import file_id
from lanterne.events.models import EventKind, FileEvent
from lanterne.settings import ClassifierSettings

KEY = b"unit-test-site-key"


@pytest.fixture(scope="session")
def classifier() -> Classifier:
    return Classifier(ClassifierSettings(), KEY)


@pytest.fixture
def event_for(tmp_path: Path) -> Callable[..., FileEvent]:
    """event_for("a.txt", kind=..., **fields) -> a FileEvent for ``tmp_path / "a.txt"``."""

    def make(relative: str, kind: EventKind = EventKind.SCANNED, **fields: object) -> FileEvent:
        return FileEvent(
            event_id=f"agent:{relative}",
            agent_id="agent",
            host="host",
            root=str(tmp_path),
            path=relative,
            file_id=file_id("agent", str(tmp_path), relative),
            kind=kind,
            sequence=7,
            **fields,  # type: ignore[arg-type]
        )

    return make

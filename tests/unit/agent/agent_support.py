"""Helpers shared by the agent tests (a module with a unique name: tests/unit has no packages)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from lanterne.agent import Agent
from lanterne.bus.sqlite_log import SqliteLog
from lanterne.events.models import FileEvent

MakeAgent = Callable[..., Agent]


class Tail:
    """Reads the events appended to a log since the last call (its own consumer, never committed)."""

    def __init__(self, log: SqliteLog) -> None:
        self._consumer = log.consumer("test-tail")

    def new(self) -> list[FileEvent]:
        events: list[FileEvent] = []
        while batch := self._consumer.poll(1000, 0):
            events.extend(e.event for e in batch)
        return events

    def until(self, done: Callable[[list[FileEvent]], bool], timeout_s: float = 10.0) -> list[FileEvent]:
        """Collect new events until ``done(collected)`` holds; fail at the deadline with what came."""
        deadline = time.monotonic() + timeout_s
        collected: list[FileEvent] = []
        while True:
            collected.extend(self.new())
            if done(collected):
                return collected
            if time.monotonic() > deadline:
                pytest.fail(f"condition not met in {timeout_s} s; events: {[(e.kind, e.path) for e in collected]}")
            time.sleep(0.05)

    def close(self) -> None:
        self._consumer.close()


def write(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def by_path(events: list[FileEvent]) -> dict[str, str]:
    """{path: kind} of a batch of events (each path at most once, asserted)."""
    paths = [e.path for e in events]
    assert len(paths) == len(set(paths)), f"a path was emitted twice: {paths}"
    return {e.path: str(e.kind) for e in events}

"""The bus contract: one protocol, several homes (embedded SQLite log, Kafka).

Producers ``append``; a consumer ``poll``s entries and ``commit``s an offset only after the results of everything
up to it are durably stored, so a crash replays instead of losing. Replays are harmless because every downstream
write is an idempotent upsert keyed by file id and versioned by the event's sequence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from lanterne.events.models import FileEvent


@dataclass(slots=True, frozen=True)
class LogEntry:
    """One event and its position in the log (monotonic per log / partition)."""

    offset: int
    event: FileEvent


class EventProducer(Protocol):
    def append(self, events: Sequence[FileEvent]) -> None:
        """Durably append events, in order; returns only once they are stored."""
        ...

    def close(self) -> None: ...


class EventConsumer(Protocol):
    def poll(self, max_items: int, timeout_s: float) -> list[LogEntry]:
        """Entries after the last committed offset (or after the last polled one), oldest first."""
        ...

    def commit(self, offset: int) -> None:
        """Mark every entry up to ``offset`` as consumed; only call once their results are stored."""
        ...

    def close(self) -> None: ...

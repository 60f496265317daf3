"""The indexer loop: poll a batch of verdict records, bulk-write them, and only then commit their offsets.

When the index is down (``InfrastructureError`` from the sink) the same batch is written again with exponential
back-off, for as long as it takes, and nothing is committed meanwhile: a crash or a stop at any point replays the
batch, which the sink's external versions make harmless. A record that cannot be a verdict (bad JSON, a contract
violation) or that the index rejects for good goes to the dead-letter topic before the commit, so nothing is lost
and one bad record cannot stop the stream.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from pydantic import ValidationError
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_when_event_set, wait_exponential

from lanterne.errors import InfrastructureError
from lanterne.events.models import FileVerdict
from lanterne.index.base import VerdictSink

log = logging.getLogger(__name__)

_T = TypeVar("_T")
_R = TypeVar("_R")


@dataclass(slots=True, frozen=True)
class Record:
    """One message of the verdicts topic, with its position."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None


@dataclass(slots=True, frozen=True)
class Reject:
    """A record that can never be indexed: ``reason`` is a short code, ``error`` names types and fields only
    (never values, which could quote anything)."""

    record: Record
    reason: str
    error: str


class _Stopped(Exception):
    """A stop was asked while a batch could not be stored; the batch is left uncommitted."""


class RecordSource(Protocol):
    def poll(self, max_records: int, timeout_s: float) -> list[Record]:
        """Up to ``max_records`` records after the last polled ones, in partition order."""
        ...

    def commit(self, records: Sequence[Record]) -> None:
        """Mark everything up to these records as done; called only after they are durably indexed."""
        ...

    def dead_letter(self, records: Sequence[Reject]) -> None:
        """Durably park records that can never be indexed, with the reason; returns once they are stored."""
        ...

    def close(self) -> None: ...


@dataclass(slots=True)
class IndexerStats:
    batches: int = 0
    records: int = 0
    indexed: int = 0
    stale: int = 0
    dead_lettered: int = 0
    write_retries: int = 0


class Indexer:
    """Moves verdict records from a ``RecordSource`` into a ``VerdictSink``."""

    def __init__(
        self,
        source: RecordSource,
        sink: VerdictSink,
        *,
        batch_size: int = 500,
        poll_timeout_s: float = 1.0,
        backoff_initial_s: float = 1.0,
        backoff_max_s: float = 60.0,
    ) -> None:
        self.source = source
        self.sink = sink
        self.batch_size = batch_size
        self.poll_timeout_s = poll_timeout_s
        self.backoff_initial_s = backoff_initial_s
        self.backoff_max_s = backoff_max_s
        self.stats = IndexerStats()

    def run(self, stop: threading.Event, idle_exit_s: float | None = None) -> IndexerStats:
        """Index until ``stop`` is set (or, with ``idle_exit_s``, until the topic has been quiet that long)."""
        last_activity = time.monotonic()
        while not stop.is_set():
            handled = self.step(stop)
            if handled:
                last_activity = time.monotonic()
            elif idle_exit_s is not None and time.monotonic() - last_activity >= idle_exit_s:
                log.info("no verdicts for %.1f s: stopping", idle_exit_s)
                break
        return self.stats

    def step(self, stop: threading.Event) -> int:
        """One batch: poll, write (retrying until it succeeds or ``stop``), dead-letter the rejects, commit.

        Returns how many records were handled and committed (0 when the poll was empty or a stop came first).
        """
        records = self.source.poll(self.batch_size, self.poll_timeout_s)
        if not records:
            return 0
        verdicts: list[FileVerdict] = []
        origin: list[Record] = []
        rejects: list[Reject] = []
        for record in records:
            try:
                verdicts.append(FileVerdict.model_validate_json(record.value or b""))
                origin.append(record)
            except ValidationError as exc:
                rejects.append(Reject(record, "schema_mismatch", _fields(exc)))
        try:
            results = self._until_done(self.sink.write, verdicts, stop) if verdicts else []
            for record, result in zip(origin, results, strict=True):
                if not result.ok:
                    rejects.append(Reject(record, "index_rejected", (result.error or "").split(":")[0]))
            if rejects:
                log.warning("%d of %d records go to the dead-letter topic", len(rejects), len(records))
                self._until_done(self.source.dead_letter, rejects, stop)
        except _Stopped:
            return 0
        self.source.commit(records)
        self.stats.batches += 1
        self.stats.records += len(records)
        self.stats.indexed += sum(1 for r in results if r.ok and not r.skipped_stale)
        self.stats.stale += sum(1 for r in results if r.skipped_stale)
        self.stats.dead_lettered += len(rejects)
        return len(records)

    def _until_done(self, call: Callable[[_T], _R], arg: _T, stop: threading.Event) -> _R:
        """``call(arg)``, again with back-off while it raises ``InfrastructureError``; raises ``_Stopped`` if
        ``stop`` came first. The batch stays the same across attempts: moving on would let a later commit pass
        over it."""

        def note_retry(state: RetryCallState) -> None:
            self.stats.write_retries += 1
            what = getattr(call, "__name__", "call")
            log.warning("%s failed (engine away); the batch is kept and retried, nothing committed", what)

        retrying = until_stopped(stop, self.backoff_initial_s, self.backoff_max_s).copy(before_sleep=note_retry)
        try:
            return retrying(call, arg)
        except InfrastructureError:
            log.warning("stopped while an engine was away; the uncommitted batch is replayed at the next start")
            raise _Stopped from None


def until_stopped(stop: threading.Event, initial_s: float = 1.0, max_s: float = 60.0) -> Retrying:
    """Retry on ``InfrastructureError`` with exponential back-off for as long as it takes, or until ``stop`` is set
    (the wait is cut short by it); then the last error is raised."""

    def pause(seconds: float) -> None:
        stop.wait(seconds)

    return Retrying(
        retry=retry_if_exception_type(InfrastructureError),
        wait=wait_exponential(multiplier=initial_s, max=max_s),
        stop=stop_when_event_set(stop),
        sleep=pause,
        reraise=True,
    )


def _fields(exc: ValidationError) -> str:
    """Which fields failed and how, without their values."""
    errors = exc.errors(include_url=False, include_input=False)
    return ", ".join(f"{'.'.join(str(p) for p in e['loc']) or '(message)'}:{e['type']}" for e in errors[:5])

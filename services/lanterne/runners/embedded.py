"""The embedded runner: agent -> durable SQLite log -> classifier processes -> SQLite FTS5 index, in one process.

It only moves messages. The agent (a thread) scans, then watches, appending events and its checkpoint to the log in
one transaction; the processor loop (the calling thread) polls the log, classifies each batch in a pool of worker
processes (classification is CPU-bound and the GIL would serialise it), writes the verdicts to the index (durable
when ``write`` returns), then appends them to the optional JSON-lines output, and only then commits the log offset.
A crash anywhere replays the uncommitted batch; index writes are idempotent upserts, so nothing is lost or doubled.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import pebble

from lanterne.agent import Agent
from lanterne.bus.base import LogEntry
from lanterne.bus.sqlite_log import SqliteLog, SqliteLogConsumer
from lanterne.classify import Classifier
from lanterne.events.models import ErrorNote, FileEvent, FileVerdict
from lanterne.extract.deps import quiet_parser_logs
from lanterne.index.sqlite import SqliteIndex
from lanterne.privacy import load_or_create_key
from lanterne.settings import Settings

log = logging.getLogger(__name__)

CONSUMER = "embedded-processor"
BATCH = 256
PRUNE_EVERY_S = 30.0


def state_paths(state_dir: Path) -> tuple[Path, Path]:
    """Where the embedded default keeps its log (with the agent's checkpoint) and its index."""
    return state_dir / "agent.db", state_dir / "index.db"


@dataclass(slots=True)
class Progress:
    """Counts shown on the progress bar and returned at the end of a run."""

    seen: int = 0  # files the agent has looked at in the current scan
    scan_done: bool = False
    processed: int = 0  # verdicts stored in the index
    health: int = 0
    with_errors: int = 0
    started: float = field(default_factory=time.monotonic)


# One classifier per worker process, built once by the pool's initializer.
_worker_classifier: Classifier | None = None


def _init_worker(settings: Settings, key: bytes) -> None:
    """Runs in each new worker process: spawned workers inherit no logging setup, so it is redone here."""
    global _worker_classifier
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    quiet_parser_logs()
    _worker_classifier = Classifier(settings.classifier, key)


def _classify_in_worker(event: FileEvent) -> FileVerdict:
    assert _worker_classifier is not None, "worker not initialised"
    return _guarded_classify(_worker_classifier, event)


def _guarded_classify(classifier: Classifier, event: FileEvent) -> FileVerdict:
    """The classifier never raises for bad input; this guard turns its own bugs into a verdict too."""
    try:
        return classifier.classify(event)
    except Exception as exc:  # a defect in a stage must not stop the pipeline: the file still gets a verdict
        log.exception("classifier failed on file %s", event.file_id)
        return failed_verdict(event, f"internal error while classifying: {type(exc).__name__}")


def failed_verdict(event: FileEvent, message: str, code: str = "internal") -> FileVerdict:
    """A verdict for a file the classifier could not handle at all (its process crashed, or a bug)."""
    from datetime import UTC, datetime

    import lanterne

    def when(ns: int | None) -> datetime | None:
        return datetime.fromtimestamp(ns / 1e9, UTC) if ns is not None else None

    return FileVerdict(
        file_id=event.file_id,
        path=str(Path(event.root) / event.path),
        root=event.root,
        relative_path=event.path,
        agent_id=event.agent_id,
        host=event.host,
        previous_file_id=event.old_file_id,
        size=event.size,
        mtime=when(event.mtime_ns),
        atime=when(event.atime_ns),
        ctime=when(event.ctime_ns),
        owner=event.owner,
        group=event.group,
        mode=event.mode,
        errors=[*event.errors, ErrorNote(code=code, message=message, stage="extract")],
        event_id=event.event_id,
        event_kind=event.kind,
        sequence=event.sequence,
        classifier_version=lanterne.__version__,
    )


class _ClassifierPool:
    """Classifies batches in worker processes, each file under a hard time limit.

    Extractors stop cooperatively at ``limits.timeout_s``, but one hung library call cannot be interrupted from
    inside; pebble's pool kills and replaces the worker whose file passes ``hard_timeout_s`` (concurrent.futures
    cannot stop one task), and a worker that dies on a file (parser fault, memory) is replaced the same way. Either
    way that file gets a verdict that says so, and the rest of the batch is unaffected.
    """

    def __init__(self, settings: Settings, key: bytes) -> None:
        # spawn, not fork: the parent runs threads (agent, watchdog) that a fork would copy mid-state.
        self._pool = pebble.ProcessPool(
            max_workers=settings.classifier.workers,
            initializer=_init_worker,
            initargs=(settings, key),
            context=multiprocessing.get_context("spawn"),
        )
        self._timeout = settings.classifier.hard_timeout_s

    def classify(self, events: Sequence[FileEvent]) -> list[FileVerdict]:
        futures = [self._pool.schedule(_classify_in_worker, args=(e,), timeout=self._timeout) for e in events]
        return [self._result(event, future) for event, future in zip(events, futures, strict=True)]

    def _result(self, event: FileEvent, future: Future[FileVerdict]) -> FileVerdict:
        try:
            return future.result()
        except FutureTimeout:
            log.warning("classifying file %s took over %ss; its worker was replaced", event.file_id, self._timeout)
            return failed_verdict(event, f"classification stopped after {self._timeout:g} s", code="timeout")
        except pebble.ProcessExpired as exc:
            log.warning("a classifier process died on file %s (exit %s)", event.file_id, exc.exitcode)
            return failed_verdict(event, "the classifier process crashed on this file (parser fault or memory)")

    def close(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=10)


class EmbeddedPipeline:
    """Scan (and watch) roots and keep the embedded index up to date; see the module docstring."""

    def __init__(
        self,
        settings: Settings,
        roots: Sequence[Path],
        *,
        jsonl: TextIO | None = None,
        on_progress: Callable[[Progress], None] | None = None,
    ) -> None:
        self.settings = settings
        self.roots = [Path(os.path.abspath(r)) for r in roots]
        self.jsonl = jsonl
        self.on_progress = on_progress or (lambda p: None)
        settings.state_dir.mkdir(parents=True, exist_ok=True)
        log_path, index_path = state_paths(settings.state_dir)
        self.log = SqliteLog(log_path)
        self.index = SqliteIndex(index_path)
        self.key = load_or_create_key(settings.classifier, settings.state_dir)
        self.progress = Progress()

    def run(self, *, once: bool, stop: threading.Event | None = None) -> Progress:
        """Scan every root, classify and index; with ``once`` return when done, else watch until ``stop`` is set."""
        stop = stop or threading.Event()
        scan_done = threading.Event()
        failure: list[BaseException] = []
        agent = Agent(self.settings.agent, roots=self.roots, log=self.log)

        def seen(count: int) -> None:
            self.progress.seen = count
            self.on_progress(self.progress)

        def agent_main() -> None:
            try:
                agent.scan(progress=seen)
                self.progress.scan_done = True
                scan_done.set()
                if not once:
                    agent.watch(stop)
            except BaseException as exc:  # surfaced by run() in the main thread
                failure.append(exc)
                stop.set()
            finally:
                scan_done.set()

        thread = threading.Thread(target=agent_main, name="lanterne-agent", daemon=True)
        thread.start()
        consumer = self.log.consumer(CONSUMER)
        pool = _ClassifierPool(self.settings, self.key)
        last_prune = time.monotonic()
        try:
            while True:
                entries = consumer.poll(BATCH, 0.2)
                if entries:
                    self._handle(entries, pool, consumer)
                elif failure or stop.is_set() or (once and scan_done.is_set() and self.log.lag(CONSUMER) == 0):
                    break
                if time.monotonic() - last_prune > PRUNE_EVERY_S:
                    self.log.prune()
                    last_prune = time.monotonic()
        finally:
            stop.set()
            thread.join(timeout=30)
            pool.close()
            consumer.close()
            agent.close()
        if failure:
            raise failure[0]
        self.log.prune()
        return self.progress

    def _handle(self, entries: list[LogEntry], pool: _ClassifierPool, consumer: SqliteLogConsumer) -> None:
        verdicts = pool.classify([e.event for e in entries])
        results = self.index.write(verdicts)
        failed = [r for r in results if not r.ok]
        if failed:  # the index refused items: do not commit, retry the batch on the next poll
            consumer.rewind()
            raise RuntimeError(f"index refused {len(failed)} verdicts, first: {failed[0].error}")
        if self.jsonl is not None:
            self.jsonl.write("".join(v.model_dump_json() + "\n" for v in verdicts))
            self.jsonl.flush()
        consumer.commit(entries[-1].offset)
        for v in verdicts:
            if not v.deleted:
                self.progress.processed += 1
                self.progress.health += v.health_data
                self.progress.with_errors += bool(v.errors)
        self.on_progress(self.progress)

    def close(self) -> None:
        self.index.close()
        self.log.close()

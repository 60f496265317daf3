"""The embedded runner: agent -> durable SQLite log -> classifier processes -> SQLite FTS5 index, in one process.

It only moves messages. The agent (a thread) scans, then watches, appending events and its checkpoint to the log in
one transaction; the processor loop (the calling thread) polls the log, classifies each batch in a pool of worker
processes (classification is CPU-bound and the GIL would serialise it), writes the verdicts to the index (durable
when ``write`` returns), then appends them to the optional JSON-lines output, and only then commits the log offset.
A crash anywhere replays the uncommitted batch; index writes are idempotent upserts, so nothing is lost or doubled.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from lanterne.agent import Agent
from lanterne.bus.base import LogEntry
from lanterne.bus.sqlite_log import SqliteLog, SqliteLogConsumer
from lanterne.classify.pool import ClassifierPool
from lanterne.events.models import FileVerdict
from lanterne.index.sqlite import SqliteIndex
from lanterne.privacy import load_or_create_key
from lanterne.score import dark_score
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
        pool = ClassifierPool(self.settings, self.key)
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

    def _handle(self, entries: list[LogEntry], pool: ClassifierPool, consumer: SqliteLogConsumer) -> None:
        verdicts = self._with_duplicates(pool.classify([e.event for e in entries]))
        results = self.index.write(verdicts)
        failed = [r for r in results if not r.ok]
        if failed:  # the index refused items: stop without committing; the batch is replayed at the next start
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

    def _with_duplicates(self, verdicts: list[FileVerdict]) -> list[FileVerdict]:
        """Re-score sensitive files whose bytes also stand elsewhere (in the index, or in this very batch).

        Only the index knows the other files, so this is the runner's step; the arithmetic stays in ``score``.
        Copies indexed earlier keep the duplication they had then (re-scored when they change or are rescanned).
        """
        in_batch = Counter(v.content_hash for v in verdicts if v.content_hash and not v.deleted)
        scored = []
        for v in verdicts:
            if v.deleted or not v.content_hash or not v.sensitivity:  # a file with nothing sensitive is never dark
                scored.append(v)
                continue
            copies = self.index.duplicates_of(v.content_hash, v.file_id) + in_batch[v.content_hash] - 1
            if copies > 0:
                d = dark_score(v.sensitivity, v.mtime, v.atime, v.mode, copies)
                v = v.model_copy(update={"duplication": d.duplication, "dark_score": d.dark_score})
            scored.append(v)
        return scored

    def close(self) -> None:
        self.index.close()
        self.log.close()

"""The file-server agent: full scans (reconciliations) and watching, for the runners to call.

``scan()`` compares every root with the checkpoint and emits what changed. ``watch(stop)`` starts the observers,
reconciles once (to catch what changed during the first scan, in folders it had already passed, and before the
observers started; nothing unchanged is emitted again, so it costs one ``stat`` per file), then turns coalesced
notifications into events and reconciles again every ``reconcile_interval_s`` until ``stop`` is set. A watcher
that dies is replaced by polling, after a catch-up scan, so watching degrades instead of silently stopping. Scans
and watch flushes never overlap (one lock), so each compares against a checkpoint no one else is changing.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path

from lanterne.agent.debounce import Debouncer
from lanterne.agent.emitter import Change, Emitter
from lanterne.agent.filters import PathFilter
from lanterne.agent.reconcile import ScanStats, diff_root
from lanterne.agent.scanner import Walker
from lanterne.agent.state import CheckpointStore
from lanterne.agent.watcher import ChangeFinder, Watchers
from lanterne.bus.sqlite_log import SqliteLog
from lanterne.events.models import EventKind
from lanterne.settings import AgentSettings

log = logging.getLogger(__name__)

QUIET_S = 0.4  # a path is looked at once no notification came for it for this long
MAX_DELAY_S = 30.0  # ... or once it has been pending this long (a file written to without pause)
TICK_S = 0.1  # how often the watch loop checks for due paths


class Agent:
    """Scans and watches ``roots`` for one agent id, appending events and checkpoint to ``log``."""

    def __init__(
        self,
        settings: AgentSettings,
        roots: Sequence[Path | str],
        log: SqliteLog,
        *,
        host: str | None = None,
        quiet_s: float = QUIET_S,
    ) -> None:
        self.settings = settings
        self.roots = [os.path.abspath(os.fspath(r)) for r in roots]
        path_filter = PathFilter(settings.include, settings.exclude)
        self.walkers = {
            root: Walker(root, path_filter, follow_symlinks=settings.follow_symlinks) for root in self.roots
        }
        self.store = CheckpointStore(settings.id)
        key = settings.signing_key.get_secret_value().encode("utf-8") if settings.signing_key else None
        self.emitter = Emitter(
            log, self.store, host=host or socket.gethostname(), batch_size=settings.batch_size, signing_key=key
        )
        self.log = log
        self.quiet_s = quiet_s
        self.watching = threading.Event()  # set while watch() is live: observers started, catch-up scan done
        self._lock = threading.RLock()

    def scan(self, progress: Callable[[int], None] | None = None, stop: threading.Event | None = None) -> ScanStats:
        """Reconcile every root with the checkpoint; ``progress(files_seen)`` is called now and then.

        Setting ``stop`` ends the scan early; what it emitted so far stands, the rest comes with the next scan.
        """
        stats = ScanStats()
        with self._lock:
            for root, walker in self.walkers.items():
                known = self.log.read(partial(self.store.load_root, root=root))
                self.emitter.emit(self._counted(diff_root(walker, known, stats, progress, stop), stats))
        if progress is not None:
            progress(stats.seen)
        log.info(
            "scan done: %d seen, %d emitted (%d deleted), %d errors",
            stats.seen,
            stats.emitted,
            stats.deleted,
            stats.errors,
        )
        return stats

    def watch(self, stop: threading.Event) -> None:
        """Watch (per ``settings.watch``) and reconcile periodically until ``stop`` is set."""
        interval = self.settings.reconcile_interval_s
        if self.settings.watch == "off":
            self.watching.set()
            try:
                while not stop.wait(interval or None):
                    self.scan(stop=stop)
            finally:
                self.watching.clear()
            return
        debouncer = Debouncer(self.quiet_s, MAX_DELAY_S)
        watchers = Watchers(self.settings.watch, self.roots, debouncer, self.settings.poll_interval_s)
        finder = ChangeFinder(self.walkers, self.log, self.store)
        try:
            self.scan(stop=stop)
            self.watching.set()
            next_reconcile = time.monotonic() + interval if interval else None
            while not stop.wait(TICK_S):
                due = debouncer.take_due()
                if due:
                    with self._lock:
                        self.emitter.emit(finder.changes(due))
                reconcile = next_reconcile is not None and time.monotonic() >= next_reconcile
                if not watchers.healthy() or (reconcile and not watchers.complete()):
                    log.warning("a file watcher stopped: polling instead, after a catch-up scan")
                    watchers.fall_back_to_polling()
                    reconcile = True
                if reconcile:
                    self.scan(stop=stop)
                    next_reconcile = time.monotonic() + interval if interval else None
        finally:
            self.watching.clear()
            watchers.stop()

    def close(self) -> None:
        """Nothing to release: the log belongs to the caller, observers stop when ``watch`` returns."""

    @staticmethod
    def _counted(changes: Iterable[Change], stats: ScanStats) -> Iterator[Change]:
        for change in changes:
            stats.emitted += 1
            stats.deleted += change.kind is EventKind.DELETED
            yield change

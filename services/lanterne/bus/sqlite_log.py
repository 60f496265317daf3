"""The embedded durable log: an append-only SQLite table (WAL, synchronous=FULL) with named consumer offsets.

It stands in for Kafka on one machine, and it is also every agent's outbox: the agent appends its events and its
checkpoint state in ONE transaction (``append(events, also=...)``), so after a crash at any point either both the
events and the new state are on disk or neither is. In distributed mode a forwarder consumes this log into Kafka,
which makes it the spool while the broker is down. A consumer commits an offset only once the results of every
entry up to it are durably stored elsewhere; entries all consumers have passed can be pruned.

Written by hand on the standard library's sqlite3: the job is two tables and a handful of statements, and no
library offers a durable single-file log with consumer offsets that also joins a caller's transaction.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from lanterne.bus.base import LogEntry
from lanterne.events.models import FileEvent

T = TypeVar("T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS log_events (
    offset INTEGER PRIMARY KEY AUTOINCREMENT,
    file_id TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS log_consumers (
    name TEXT PRIMARY KEY,
    committed INTEGER NOT NULL
);
"""


def connect(path: Path) -> sqlite3.Connection:
    """Open a connection with the log's durability settings (WAL, fsync on every commit, busy wait)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=60.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA busy_timeout=60000")
    return conn


class SqliteLog:
    """A durable append-only log in one SQLite file; thread-safe (one writer connection behind a lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._appended = threading.Condition(self._lock)
        self._conn = connect(path)
        self._conn.executescript(_SCHEMA)

    def append(
        self, events: Sequence[FileEvent], also: Callable[[sqlite3.Connection], None] | None = None
    ) -> None:
        """Durably append ``events`` in order, with ``also(conn)`` in the same transaction; returns once on disk."""
        rows = [(e.file_id, e.to_json()) for e in events]
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                if rows:
                    self._conn.executemany("INSERT INTO log_events (file_id, payload) VALUES (?, ?)", rows)
                if also is not None:
                    also(self._conn)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
            self._appended.notify_all()

    def read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``fn`` on the log's connection (for the agent's own state tables), serialised with writes."""
        with self._lock:
            return fn(self._conn)

    def last_offset(self) -> int:
        """Offset of the newest entry ever appended (0 when empty); survives pruning."""
        with self._lock:
            row = self._conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'log_events'").fetchone()
        return int(row[0]) if row else 0

    def committed(self, name: str) -> int:
        """The last offset consumer ``name`` committed (0 when it never did)."""
        with self._lock:
            row = self._conn.execute("SELECT committed FROM log_consumers WHERE name = ?", (name,)).fetchone()
        return int(row[0]) if row else 0

    def lag(self, name: str) -> int:
        """How many entries consumer ``name`` has not committed yet."""
        committed = self.committed(name)
        with self._lock:
            row = self._conn.execute("SELECT COUNT(*) FROM log_events WHERE offset > ?", (committed,)).fetchone()
        return int(row[0])

    def prune(self) -> int:
        """Delete entries every registered consumer has committed; returns how many went."""
        with self._lock:
            row = self._conn.execute("SELECT MIN(committed), COUNT(*) FROM log_consumers").fetchone()
            if not row or not row[1]:
                return 0
            cur = self._conn.execute("DELETE FROM log_events WHERE offset <= ?", (row[0],))
            return cur.rowcount

    def wait_for_append(self, timeout_s: float) -> None:
        """Block until an append happens in this process, or the timeout passes (cheap idle wait for consumers)."""
        with self._appended:
            self._appended.wait(timeout_s)

    def consumer(self, name: str) -> SqliteLogConsumer:
        """A reader that resumes after ``name``'s committed offset; registers the name so pruning waits for it."""
        with self._lock:
            self._conn.execute("INSERT OR IGNORE INTO log_consumers (name, committed) VALUES (?, 0)", (name,))
        return SqliteLogConsumer(self, name)

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class SqliteLogConsumer:
    """Reads a ``SqliteLog`` in order for one named consumer (implements ``EventConsumer``).

    It uses its own connection, so polling never waits on the writer (WAL readers do not block writers). ``poll``
    moves a private cursor forward; only ``commit`` persists progress, so a crash replays from the last commit.
    """

    _IDLE_STEP_S = 0.05  # re-check period when waiting for entries appended by another process

    def __init__(self, log: SqliteLog, name: str) -> None:
        self._log = log
        self.name = name
        self._conn = connect(log.path)
        self._cursor = log.committed(name)

    def poll(self, max_items: int, timeout_s: float) -> list[LogEntry]:
        """Up to ``max_items`` entries after the cursor, waiting up to ``timeout_s`` for the first one."""
        deadline = time.monotonic() + timeout_s
        while True:
            rows = self._conn.execute(
                "SELECT offset, payload FROM log_events WHERE offset > ? ORDER BY offset LIMIT ?",
                (self._cursor, max_items),
            ).fetchall()
            if rows:
                self._cursor = rows[-1][0]
                return [LogEntry(offset, FileEvent.from_json(payload)) for offset, payload in rows]
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            self._log.wait_for_append(min(remaining, self._IDLE_STEP_S))

    def commit(self, offset: int) -> None:
        """Persist that every entry up to ``offset`` has been handled (fsync'd before returning)."""
        self._conn.execute(
            "INSERT INTO log_consumers (name, committed) VALUES (?, ?) "
            "ON CONFLICT(name) DO UPDATE SET committed = MAX(committed, excluded.committed)",
            (self.name, offset),
        )

    def rewind(self) -> None:
        """Go back to the last committed offset (after a failed batch, to retry it)."""
        self._cursor = self._log.committed(self.name)

    def close(self) -> None:
        self._conn.close()

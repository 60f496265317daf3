"""The embedded log: order, durability across reopen, commit-after-store semantics, joint transactions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from lanterne.bus.sqlite_log import SqliteLog
from lanterne.events import EventKind, FileEvent, file_id


def _event(seq: int, path: str = "a.txt") -> FileEvent:
    return FileEvent(
        event_id=f"t:{seq}", agent_id="t", host="h", root="/r", path=path,
        file_id=file_id("t", "/r", path), kind=EventKind.SCANNED, sequence=seq,
    )


def test_poll_returns_appended_events_in_order(tmp_path: Path) -> None:
    log = SqliteLog(tmp_path / "log.db")
    log.append([_event(i, f"f{i}") for i in range(5)])
    entries = log.consumer("c").poll(10, 0)
    assert [e.event.sequence for e in entries] == [0, 1, 2, 3, 4]
    assert [e.offset for e in entries] == sorted(e.offset for e in entries)


def test_uncommitted_entries_are_replayed_after_reopen(tmp_path: Path) -> None:
    log = SqliteLog(tmp_path / "log.db")
    log.append([_event(i) for i in range(4)])
    consumer = log.consumer("c")
    first = consumer.poll(2, 0)
    consumer.commit(first[-1].offset)
    consumer.poll(2, 0)  # read but never committed: a crash here must replay them
    consumer.close()
    log.close()

    reopened = SqliteLog(tmp_path / "log.db").consumer("c")
    assert [e.event.sequence for e in reopened.poll(10, 0)] == [2, 3]


def test_rewind_returns_to_last_commit(tmp_path: Path) -> None:
    log = SqliteLog(tmp_path / "log.db")
    log.append([_event(i) for i in range(3)])
    consumer = log.consumer("c")
    consumer.poll(10, 0)
    consumer.rewind()
    assert len(consumer.poll(10, 0)) == 3


def test_also_commits_with_the_events_or_not_at_all(tmp_path: Path) -> None:
    log = SqliteLog(tmp_path / "log.db")
    log.append([], also=lambda c: c.execute("CREATE TABLE state (k TEXT PRIMARY KEY)"))

    def failing(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO state VALUES ('x')")
        raise RuntimeError("crash in the middle")

    with pytest.raises(RuntimeError):
        log.append([_event(1)], also=failing)
    assert log.read(lambda c: c.execute("SELECT COUNT(*) FROM state").fetchone()[0]) == 0
    assert log.consumer("c").poll(10, 0) == []

    log.append([_event(2)], also=lambda c: c.execute("INSERT INTO state VALUES ('y')"))
    assert log.read(lambda c: c.execute("SELECT k FROM state").fetchall()) == [("y",)]
    assert [e.event.sequence for e in log.consumer("c").poll(10, 0)] == [2]


def test_prune_keeps_what_a_consumer_has_not_committed(tmp_path: Path) -> None:
    log = SqliteLog(tmp_path / "log.db")
    fast, slow = log.consumer("fast"), log.consumer("slow")
    log.append([_event(i) for i in range(6)])
    fast.commit(fast.poll(10, 0)[-1].offset)
    slow.commit(slow.poll(2, 0)[-1].offset)
    assert log.prune() == 2
    assert log.lag("slow") == 4 and log.lag("fast") == 0
    assert log.last_offset() == 6
    assert [e.event.sequence for e in log.consumer("late").poll(10, 0)] == [2, 3, 4, 5]


def test_poll_waits_for_an_append(tmp_path: Path) -> None:
    import threading

    log = SqliteLog(tmp_path / "log.db")
    consumer = log.consumer("c")
    timer = threading.Timer(0.1, lambda: log.append([_event(9)]))
    timer.start()
    entries = consumer.poll(10, 10.0)
    timer.join()
    assert [e.event.sequence for e in entries] == [9]

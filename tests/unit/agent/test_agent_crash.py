"""Crash safety: events and checkpoint commit together, so a crash loses no change and repeats nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

import pytest
from agent_support import Tail, write

from lanterne.agent import Agent
from lanterne.agent.state import CheckpointStore
from lanterne.bus.sqlite_log import SqliteLog
from lanterne.events.models import FileEvent
from lanterne.settings import AgentSettings


def _all_events(db: Path) -> list[FileEvent]:
    log = SqliteLog(db)
    try:
        return Tail(log).new()
    finally:
        log.close()


def test_failure_inside_the_transaction_loses_nothing(
    share: Path, log: SqliteLog, tail: Tail, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(50):
        write(share / f"f{i:02d}.txt")
    settings = AgentSettings(id="t", batch_size=10)
    real = CheckpointStore.set_next_sequence
    calls = 0

    def fail_on_third_batch(self: CheckpointStore, conn: sqlite3.Connection, value: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise OSError("disk full (simulated) inside the log transaction")
        real(self, conn, value)

    monkeypatch.setattr(CheckpointStore, "set_next_sequence", fail_on_third_batch)
    with pytest.raises(OSError, match="simulated"):
        Agent(settings, [share], log).scan()
    first = tail.new()
    assert len(first) == 20  # two batches committed; the third rolled back with its checkpoint rows
    monkeypatch.undo()

    Agent(settings, [share], log).scan()
    second = tail.new()
    paths = [e.path for e in first + second]
    assert sorted(paths) == [f"f{i:02d}.txt" for i in range(50)]  # every file exactly once
    assert [e.sequence for e in first + second] == list(range(50))  # no gap, no reuse


_KILLED_AT = 1000


def _scan_and_die(share: Path, db: Path) -> None:
    """In a child: scan with small batches and SIGKILL ourselves midway (no cleanup, no atexit)."""

    def progress(seen: int) -> None:
        if seen >= _KILLED_AT:
            os.kill(os.getpid(), signal.SIGKILL)

    log = SqliteLog(db)
    Agent(AgentSettings(id="t", batch_size=64), [share], log).scan(progress=progress)
    os._exit(3)  # not reached: the scan has more than _KILLED_AT files


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to kill a scan midway")
def test_sigkill_mid_scan_then_restart_emits_each_file_once(share: Path, db_path: Path) -> None:
    for i in range(1500):
        write(share / f"d{i % 10}" / f"f{i:04d}.txt")
    pid = os.fork()
    if pid == 0:
        try:
            _scan_and_die(share, db_path)
        finally:
            os._exit(4)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL

    before = _all_events(db_path)
    assert 0 < len(before) < 1500
    changed = before[0].path
    write(share / changed, "changed after the crash")  # must be re-emitted although it was emitted before

    log = SqliteLog(db_path)
    try:
        Agent(AgentSettings(id="t", batch_size=64), [share], log).scan()
    finally:
        log.close()
    after = _all_events(db_path)[len(before) :]
    every = sorted(e.path for e in before + after)
    expected = sorted([f"d{i % 10}/f{i:04d}.txt" for i in range(1500)] + [changed])
    assert every == expected
    assert [e.sequence for e in before + after] == list(range(len(before) + len(after)))


def test_two_agents_with_one_id_never_reuse_a_sequence_number(share: Path, log: SqliteLog, tail: Tail) -> None:
    settings = AgentSettings(id="t")
    first, second = Agent(settings, [share], log), Agent(settings, [share], log)  # both read counter 0
    write(share / "a.txt")
    first.scan()
    write(share / "b.txt")
    second.scan()  # its counter is stale: the check inside the transaction makes it reload
    events = tail.new()
    assert [(e.path, e.sequence) for e in events] == [("a.txt", 0), ("b.txt", 1)]
    assert len({e.event_id for e in events}) == 2

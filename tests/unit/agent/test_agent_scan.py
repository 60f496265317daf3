"""Full scans against the checkpoint: first scan, rescans, restarts, filters, errors as events."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest
from agent_support import MakeAgent, Tail, by_path, write

from lanterne.agent import Agent
from lanterne.bus.sqlite_log import SqliteLog
from lanterne.events.ids import file_id
from lanterne.settings import AgentSettings


def test_first_scan_emits_every_file_once_then_nothing(share: Path, make_agent: MakeAgent, tail: Tail) -> None:
    for i in range(30):
        write(share / f"d{i % 4}" / f"f{i}.txt", str(i))
    agent = make_agent()
    seen: list[int] = []
    stats = agent.scan(progress=seen.append)
    events = tail.new()
    assert by_path(events) == {f"d{i % 4}/f{i}.txt": "scanned" for i in range(30)}
    assert (stats.seen, stats.emitted, stats.deleted, stats.errors) == (30, 30, 0, 0)
    assert seen and seen[-1] == 30
    e = next(e for e in events if e.path == "d1/f5.txt")
    assert e.file_id == file_id("agent-test", str(share), "d1/f5.txt")
    assert e.root == str(share) and e.size == 1 and e.mode is not None and e.host
    assert [ev.sequence for ev in events] == list(range(30))
    assert [ev.event_id for ev in events] == [f"agent-test:{i}" for i in range(30)]

    again = agent.scan()
    assert tail.new() == []
    assert (again.seen, again.emitted) == (30, 0)


def test_changes_between_scans_are_exactly_what_is_emitted(share: Path, make_agent: MakeAgent, tail: Tail) -> None:
    for name in ("keep.txt", "edit.txt", "gone.txt", "touched.txt", "sub/gone-too.txt"):
        write(share / name, "v1")
    agent = make_agent()
    agent.scan()
    tail.new()
    write(share / "edit.txt", "version 2")
    (share / "gone.txt").unlink()
    shutil.rmtree(share / "sub")
    write(share / "new" / "added.txt")
    st = (share / "touched.txt").stat()
    os.utime(share / "touched.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # same size, new mtime

    stats = agent.scan()
    events = tail.new()
    assert by_path(events) == {
        "edit.txt": "scanned",
        "touched.txt": "scanned",
        "new/added.txt": "scanned",
        "gone.txt": "deleted",
        "sub/gone-too.txt": "deleted",
    }
    assert (stats.emitted, stats.deleted) == (5, 2)
    assert next(e for e in events if e.path == "edit.txt").size == len("version 2")
    assert [e.sequence for e in events] == list(range(5, 10))


def test_restart_reemits_nothing_unchanged_and_continues_the_sequence(
    share: Path, db_path: Path, log: SqliteLog, tail: Tail
) -> None:
    write(share / "a.txt")
    write(share / "b.txt")
    settings = AgentSettings(id="agent-test")
    Agent(settings, [share], log).scan()
    assert len(tail.new()) == 2
    write(share / "b.txt", "changed while the agent was down")
    reopened = SqliteLog(db_path)
    try:
        Agent(settings, [share], reopened).scan()
    finally:
        reopened.close()
    events = tail.new()
    assert by_path(events) == {"b.txt": "scanned"}
    assert events[0].sequence == 2


def test_include_and_exclude(share: Path, make_agent: MakeAgent, tail: Tail) -> None:
    write(share / "a.csv")
    write(share / "b.txt")
    write(share / "deep" / "c.csv")
    write(share / "tmp" / "d.csv")
    make_agent(include=["**/*.csv"], exclude=["tmp/**"]).scan()
    assert set(by_path(tail.new())) == {"a.csv", "deep/c.csv"}


def test_narrowing_the_filter_deletes_what_left_its_scope(share: Path, log: SqliteLog, tail: Tail) -> None:
    write(share / "a.csv")
    write(share / "b.txt")
    Agent(AgentSettings(id="t"), [share], log).scan()
    tail.new()
    Agent(AgentSettings(id="t", include=["*.csv"]), [share], log).scan()
    assert by_path(tail.new()) == {"b.txt": "deleted"}


def test_several_roots_keep_separate_checkpoints(tmp_path: Path, make_agent: MakeAgent, tail: Tail) -> None:
    r1, r2 = tmp_path / "r1", tmp_path / "r2"
    write(r1 / "same.txt")
    write(r2 / "same.txt")
    agent = make_agent(roots=[r1, r2])
    agent.scan()
    events = tail.new()
    assert sorted(e.root for e in events) == sorted([str(r1), str(r2)])
    assert len({e.file_id for e in events}) == 2
    (r2 / "same.txt").unlink()
    agent.scan()
    (deleted,) = tail.new()
    assert (deleted.root, deleted.kind) == (str(r2), "deleted")


def test_missing_root_deletes_nothing(tmp_path: Path, make_agent: MakeAgent, tail: Tail) -> None:
    """An unmounted share must not look like every file deleted."""
    root = tmp_path / "mount"
    write(root / "a.txt")
    agent = make_agent(roots=[root])
    agent.scan()
    tail.new()
    shutil.rmtree(root)
    stats = agent.scan()
    assert tail.new() == []
    assert stats.errors == 1


def test_vanished_file_becomes_a_deleted_event_with_a_note(
    share: Path, make_agent: MakeAgent, tail: Tail, monkeypatch: pytest.MonkeyPatch
) -> None:
    doomed = write(share / "doomed.txt")
    agent = make_agent()
    agent.scan()
    tail.new()
    write(share / "doomed.txt", "changed, then deleted while the scan lists the folder")
    real_scandir = os.scandir

    def list_then_delete(path: str) -> object:
        with real_scandir(path) as it:
            entries = list(it)
        doomed.unlink(missing_ok=True)
        return _Listed(entries)

    monkeypatch.setattr(os, "scandir", list_then_delete)
    stats = agent.scan()
    (event,) = tail.new()
    assert (event.path, event.kind) == ("doomed.txt", "deleted")
    assert [(n.code, n.stage) for n in event.errors] == [("vanished", "agent")]
    assert stats.errors == 1
    monkeypatch.undo()
    agent.scan()
    assert tail.new() == []  # the checkpoint forgot it: no second deletion


class _Listed:
    def __init__(self, entries: list[os.DirEntry[str]]) -> None:
        self.entries = entries

    def __enter__(self) -> list[os.DirEntry[str]]:
        return self.entries

    def __exit__(self, *exc: object) -> None:
        return None


def test_non_utf8_name_is_emitted_and_not_reemitted(share: Path, make_agent: MakeAgent, tail: Tail) -> None:
    with open(os.fsencode(share) + b"/compte-rendu-\xe9t\xe9.txt", "wb") as f:
        f.write(b"x")
    agent = make_agent()
    agent.scan()
    (event,) = tail.new()
    assert os.fsencode(event.path) == b"compte-rendu-\xe9t\xe9.txt"
    assert os.path.exists(os.path.join(event.root, event.path))
    agent.scan()
    assert tail.new() == []


def _as_unprivileged(fn: Callable[[], None]) -> None:
    """Run ``fn`` in a forked child that, when we are root, drops to 'nobody' (root ignores permission bits).

    A fork, not ``runuser python``: the interpreter may live where 'nobody' cannot execute it (under /root).
    """
    import pwd  # POSIX only, like the test

    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 1
        try:
            if os.geteuid() == 0:
                nobody = pwd.getpwnam("nobody")
                os.setgid(nobody.pw_gid)
                os.setuid(nobody.pw_uid)
            fn()
            code = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the unprivileged scan failed (see stderr)"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_unreadable_folder_and_file_are_events_with_a_note_and_nothing_is_deleted() -> None:
    base = Path(tempfile.mkdtemp(prefix="lanterne-agent-"))  # not under pytest's 0700 tmp dir: 'nobody' must enter
    share, db = base / "share", base / "state" / "agent.db"
    locked, list_only = share / "locked", share / "list-only"
    try:
        write(share / "open.txt")
        write(locked / "inside.txt")
        write(list_only / "hidden.txt")
        (base / "state").mkdir()
        for p in (base, base / "state", share, locked, list_only):
            p.chmod(0o777)

        def scan() -> None:
            log = SqliteLog(db)
            try:
                Agent(AgentSettings(id="t"), [share], log).scan()
            finally:
                log.close()

        _as_unprivileged(scan)
        locked.chmod(0)  # cannot be listed
        list_only.chmod(0o444)  # can be listed, but its files cannot be stat'ed
        _as_unprivileged(scan)
        _as_unprivileged(scan)  # the same errors again: not emitted again
        log = SqliteLog(db)
        events = [e.event for e in log.consumer("check").poll(100, 0)]
        log.close()
        first, later = events[:3], events[3:]
        assert sorted((e.path, e.kind) for e in first) == [
            ("list-only/hidden.txt", "scanned"),
            ("locked/inside.txt", "scanned"),
            ("open.txt", "scanned"),
        ]
        assert sorted((e.path, e.kind, [(n.code, n.stage) for n in e.errors]) for e in later) == [
            ("list-only/hidden.txt", "scanned", [("unreadable", "agent")]),
            ("locked", "scanned", [("unreadable", "agent")]),
        ]  # and no 'deleted' for locked/inside.txt: unknown is not gone
    finally:
        for p in (locked, list_only):
            p.chmod(0o755)
        shutil.rmtree(base)


def test_stopped_scan_reports_no_deletion(share: Path, make_agent: MakeAgent, tail: Tail) -> None:
    write(share / "a.txt")
    write(share / "b.txt")
    agent = make_agent()
    agent.scan()
    tail.new()
    (share / "a.txt").unlink()
    stop = threading.Event()
    stop.set()
    agent.scan(stop=stop)  # the walk ends at once: it cannot know a.txt is gone
    assert tail.new() == []
    agent.scan()
    assert by_path(tail.new()) == {"a.txt": "deleted"}

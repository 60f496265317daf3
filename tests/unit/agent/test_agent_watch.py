"""Watching: notifications become created/modified/moved/deleted events, for the native and polling observers."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from agent_support import MakeAgent, Tail, write

from lanterne.agent import Agent
from lanterne.events.ids import file_id
from lanterne.events.models import FileEvent

Watching = Callable[..., Agent]


@pytest.fixture(params=["native", "polling"])
def watching(request: pytest.FixtureRequest, make_agent: MakeAgent) -> Iterator[Watching]:
    """``watching(**settings)``: an agent scanned and watching in a thread until the test ends."""
    stops: list[tuple[threading.Event, threading.Thread, list[BaseException]]] = []

    def start(**settings: object) -> Agent:
        settings.setdefault("watch", request.param)
        settings.setdefault("poll_interval_s", 0.2)
        agent = make_agent(**settings)
        agent.scan()
        stop, failure = threading.Event(), []

        def run() -> None:
            try:
                agent.watch(stop)
            except BaseException as exc:
                failure.append(exc)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        stops.append((stop, thread, failure))
        assert _wait(lambda: agent.watching.is_set() or bool(failure)), "the agent did not start watching"
        assert not failure, failure
        return agent

    yield start
    for stop, thread, failure in stops:
        stop.set()
        thread.join(timeout=15)
        assert not thread.is_alive(), "watch() did not return after stop"
        assert not failure, failure


def _wait(cond: Callable[[], bool], timeout_s: float = 10) -> bool:
    deadline = time.monotonic() + timeout_s
    while not cond():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def has(kind: str, path: str) -> Callable[[list[FileEvent]], bool]:
    return lambda events: any(e.kind == kind and e.path == path for e in events)


def test_create_modify_move_delete(share: Path, watching: Watching, tail: Tail) -> None:
    watching()
    tail.new()

    write(share / "new.txt", "v1")
    events = tail.until(has("created", "new.txt"))
    assert [e.path for e in events] == ["new.txt"]

    write(share / "new.txt", "version two")
    events = tail.until(has("modified", "new.txt"))
    assert events[-1].size == len("version two")

    (share / "new.txt").chmod(0o600)  # permissions change exposure: reported too
    events = tail.until(has("modified", "new.txt"))
    assert events[-1].mode == 0o600

    (share / "sub").mkdir()
    os.rename(share / "new.txt", share / "sub" / "renamed.txt")
    events = tail.until(has("moved", "sub/renamed.txt"))
    moved = next(e for e in events if e.kind == "moved")
    assert moved.old_path == "new.txt"
    assert moved.old_file_id == file_id("agent-test", str(share), "new.txt")
    assert not any(e.kind == "deleted" for e in events)

    (share / "sub" / "renamed.txt").unlink()
    tail.until(has("deleted", "sub/renamed.txt"))


def test_directory_move_and_delete_expand_to_their_files(share: Path, watching: Watching, tail: Tail) -> None:
    for name in ("a.txt", "b.txt", "deep/c.txt"):
        write(share / "folder" / name)
    watching()
    tail.new()

    os.rename(share / "folder", share / "renamed")
    want = {"renamed/a.txt", "renamed/b.txt", "renamed/deep/c.txt"}
    events = tail.until(lambda ev: {e.path for e in ev if e.kind == "moved"} >= want)
    assert {e.old_path for e in events if e.kind == "moved"} == {"folder/a.txt", "folder/b.txt", "folder/deep/c.txt"}
    assert not [e for e in events if e.kind == "deleted"]

    shutil.rmtree(share / "renamed")
    tail.until(lambda ev: {e.path for e in ev if e.kind == "deleted"} >= want)


def test_folder_moved_in_from_outside_is_reported_file_by_file(
    tmp_path: Path, share: Path, watching: Watching, tail: Tail
) -> None:
    outside = tmp_path / "outside"
    write(outside / "x.txt")
    write(outside / "y" / "z.txt")
    os.utime(outside / "x.txt", ns=(0, 0))  # an old mtime: still new here
    watching()
    tail.new()
    os.rename(outside, share / "incoming")
    events = tail.until(lambda ev: {e.path for e in ev} >= {"incoming/x.txt", "incoming/y/z.txt"})
    assert {e.kind for e in events} == {"created"}


def test_a_burst_of_writes_is_one_event_and_excluded_files_none(share: Path, watching: Watching, tail: Tail) -> None:
    watching()
    tail.new()
    with open(share / "burst.txt", "w") as f:
        for i in range(20):
            f.write(f"line {i}\n")
            f.flush()
    write(share / "~$burst.txt")  # an Office lock file: excluded by default
    tail.until(has("created", "burst.txt"))
    write(share / "sentinel.txt")  # everything about burst.txt was emitted before this one
    events = tail.until(has("created", "sentinel.txt"))
    assert [e.path for e in events if e.path != "sentinel.txt"] == []


def test_changes_while_not_watching_are_caught_when_watching_starts(
    share: Path, make_agent: MakeAgent, watching: Watching, tail: Tail
) -> None:
    write(share / "before.txt")
    make_agent().scan()
    tail.new()
    write(share / "while-down.txt")
    watching()  # a restart: what changed while no agent ran is caught before watching takes over
    write(share / "after.txt")
    events = tail.until(has("created", "after.txt"))
    assert {(e.path, e.kind) for e in events} >= {("while-down.txt", "scanned")}


def test_periodic_reconciliation_without_watching(share: Path, make_agent: MakeAgent, tail: Tail) -> None:
    agent = make_agent(watch="off", reconcile_interval_s=0.1)
    agent.scan()
    stop = threading.Event()
    thread = threading.Thread(target=agent.watch, args=(stop,), daemon=True)
    thread.start()
    try:
        write(share / "late.txt")
        tail.until(has("scanned", "late.txt"))
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


class _NativeUnavailable:
    """Stands in for watchdog's native observer on a host out of inotify watches."""

    def __init__(self) -> None:
        self.scheduled: list[object] = []

    def schedule(self, *args: object, **kwargs: object) -> None:
        self.scheduled.append(args)

    def start(self) -> None:
        raise OSError(28, "inotify watch limit reached")

    def unschedule_all(self) -> None:
        self.scheduled.clear()


def test_auto_falls_back_to_polling_when_native_cannot_start(
    share: Path, make_agent: MakeAgent, tail: Tail, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lanterne.agent import watcher

    monkeypatch.setattr(watcher, "Observer", _NativeUnavailable)
    with pytest.raises(OSError, match="inotify"):
        make_agent(watch="native").watch(threading.Event())
    agent = make_agent(watch="auto", poll_interval_s=0.2)
    stop = threading.Event()
    thread = threading.Thread(target=agent.watch, args=(stop,), daemon=True)
    thread.start()
    try:
        assert _wait(agent.watching.is_set)
        write(share / "seen-by-polling.txt")
        tail.until(has("created", "seen-by-polling.txt"))
    finally:
        stop.set()
        thread.join(timeout=10)


def test_a_watcher_that_dies_is_replaced_by_polling(
    share: Path, make_agent: MakeAgent, tail: Tail, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from watchdog.observers import Observer as NativeObserver

    from lanterne.agent import watcher

    class DiesAfterStart(NativeObserver):  # type: ignore[misc,valid-type]
        """A native observer whose emitter thread stops right away (as on an inotify queue failure)."""

        def start(self) -> None:
            super().start()
            for emitter in list(self.emitters):
                emitter.stop()

    monkeypatch.setattr(watcher, "Observer", DiesAfterStart)
    agent = make_agent(watch="native", poll_interval_s=0.2)
    stop = threading.Event()
    thread = threading.Thread(target=agent.watch, args=(stop,), daemon=True)
    thread.start()
    try:
        assert _wait(agent.watching.is_set)
        assert _wait(lambda: "polling instead" in caplog.text)
        write(share / "during-the-catch-up.txt")  # seen by the catch-up scan or by polling, never lost
        tail.until(lambda ev: any(e.path == "during-the-catch-up.txt" for e in ev))
        write(share / "after-the-fall.txt")
        tail.until(has("created", "after-the-fall.txt"))
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()

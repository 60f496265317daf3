"""Watching roots with watchdog, and turning coalesced notifications into changes checked against the checkpoint.

Notifications are only hints: each due path is looked at (``lstat``) and compared with what the checkpoint holds,
so a lost, doubled or reordered notification cannot produce a wrong event, only a late one (the periodic
reconciliation catches what never came). A directory that appears is walked; one that disappears or moves expands
to the files the checkpoint holds under it. A move becomes a ``moved`` event when the old path is gone and the new
one is the same file (same inode), whether the observer announced it or not; otherwise it is ``deleted`` +
``created``.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Literal

from watchdog.events import (
    EVENT_TYPE_CLOSED,
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserverVFS

from lanterne.agent.debounce import Debouncer, Due
from lanterne.agent.emitter import Change
from lanterne.agent.mounts import on_network_filesystem
from lanterne.agent.reconcile import found_key
from lanterne.agent.scanner import FileStat, Found, Walker, error_note
from lanterne.agent.state import CheckpointStore, FileRecord
from lanterne.bus.sqlite_log import SqliteLog
from lanterne.events.models import EventKind

log = logging.getLogger(__name__)

WatchMode = Literal["auto", "native", "polling", "off"]

# What a notification can mean for a file; "opened", "closed_no_write" and a folder's "modified"/"attrib" are noise
# (the classifier reading a file fires the first two; every change in a folder fires "modified" on the folder).
# "attrib" (chmod, chown) is spelled out: watchdog < 6 has no constant for it and reports it as "modified".
_EVENT_TYPE_ATTRIB = "attrib"
_RELEVANT = {
    EVENT_TYPE_CREATED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MOVED,
    EVENT_TYPE_CLOSED,
    _EVENT_TYPE_ATTRIB,
}
_FOLDER_NOISE = {EVENT_TYPE_MODIFIED, _EVENT_TYPE_ATTRIB}


class _Handler(FileSystemEventHandler):
    """Feeds one root's notifications, as paths relative to that root, into the debouncer."""

    def __init__(self, root: str, debouncer: Debouncer) -> None:
        self.root = root
        self._prefix = root if root.endswith(os.sep) else root + os.sep
        self.debouncer = debouncer

    def _rel(self, path: str | bytes) -> str | None:
        text = os.fsdecode(path)
        if not text.startswith(self._prefix):
            return None
        return text[len(self._prefix) :].replace(os.sep, "/")

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in _RELEVANT or (event.is_directory and event.event_type in _FOLDER_NOISE):
            return
        src = self._rel(event.src_path)
        if event.event_type == EVENT_TYPE_MOVED:
            dest = self._rel(event.dest_path)
            if src is not None and dest is not None:
                self.debouncer.moved(self.root, src, dest)
            elif dest is not None:  # moved in from outside the root: a creation
                self.debouncer.touch(self.root, dest)
            elif src is not None:  # moved out: a deletion
                self.debouncer.touch(self.root, src)
        elif src is not None:
            self.debouncer.touch(self.root, src)


def start_observers(
    mode: WatchMode, roots: Sequence[str], debouncer: Debouncer, poll_interval_s: float
) -> list[BaseObserver]:
    """Start watching every root. ``auto`` polls the roots on network file systems (a native watcher there sees only
    this host's changes) and falls back to polling when the native observer cannot start (inotify limits,
    ``ENOSPC``/``EMFILE``). Polling uses ``lstat``, so a symlink loop cannot trap it.
    """
    if mode == "native":
        return [_start(Observer(), roots, debouncer)]
    polled = list(roots) if mode == "polling" else [r for r in roots if on_network_filesystem(r)]
    native = [r for r in roots if r not in polled]
    observers: list[BaseObserver] = []
    try:
        if native:
            try:
                observers.append(_start(Observer(), native, debouncer))
            except OSError as exc:
                log.warning(
                    "native file watching unavailable (%s); polling every %.1f s instead", _reason(exc), poll_interval_s
                )
                polled = list(roots)
        if polled:
            if mode == "auto":
                log.info(
                    "polling every %.1f s: %d root(s) on network file systems or unwatchable",
                    poll_interval_s,
                    len(polled),
                )
            polling = PollingObserverVFS(os.lstat, os.scandir, polling_interval=poll_interval_s)
            observers.append(_start(polling, polled, debouncer))
    except BaseException:
        stop_observers(observers)
        raise
    return observers


def _reason(exc: OSError) -> str:
    """The OS's reason without the file name it may carry (folder names can identify patients)."""
    return exc.strerror or type(exc).__name__


def stop_observers(observers: Sequence[BaseObserver]) -> None:
    for observer in observers:
        observer.stop()
    for observer in observers:
        observer.join(timeout=10)


def _start(observer: BaseObserver, roots: Sequence[str], debouncer: Debouncer) -> BaseObserver:
    for root in roots:
        observer.schedule(_Handler(root, debouncer), root, recursive=True)
    try:
        observer.start()
    except BaseException:
        observer.unschedule_all()
        raise
    return observer


class Watchers:
    """The running observers; when one dies (an emitter thread fails, a watched share goes away) the agent falls
    back to polling the roots that still exist, and retries the missing ones at each reconciliation."""

    def __init__(self, mode: WatchMode, roots: Sequence[str], debouncer: Debouncer, poll_interval_s: float) -> None:
        self.roots = list(roots)
        self.debouncer = debouncer
        self.poll_interval_s = poll_interval_s
        self.watched = list(roots)
        self.observers = start_observers(mode, roots, debouncer, poll_interval_s)

    def healthy(self) -> bool:
        return all(o.is_alive() and all(e.is_alive() for e in o.emitters) for o in self.observers)

    def complete(self) -> bool:
        return self.watched == self.roots

    def fall_back_to_polling(self) -> None:
        stop_observers(self.observers)
        self.watched = [r for r in self.roots if os.path.isdir(r)]
        try:
            self.observers = start_observers("polling", self.watched, self.debouncer, self.poll_interval_s)
        except OSError as exc:
            log.warning("cannot poll the roots either (%s): reconciliation only until the next attempt", _reason(exc))
            self.observers, self.watched = [], []
        if not self.complete():
            log.warning("not watching %d missing root(s) until they come back", len(self.roots) - len(self.watched))

    def stop(self) -> None:
        stop_observers(self.observers)


Kind = Literal["file", "dir", "absent"]


@dataclass(slots=True, frozen=True)
class _Look:
    kind: Kind
    found: Found | None = None


class ChangeFinder:
    """Turns due paths and moves into changes, reading the checkpoint through the log."""

    def __init__(self, walkers: dict[str, Walker], log: SqliteLog, store: CheckpointStore) -> None:
        self.walkers = walkers
        self.log = log
        self.store = store

    def _record(self, root: str, rel: str) -> FileRecord | None:
        return self.log.read(lambda conn: self.store.get(conn, root, rel))

    def _under(self, root: str, rel: str) -> list[FileRecord]:
        return self.log.read(lambda conn: self.store.under(conn, root, rel))

    def look(self, root: str, rel: str) -> _Look:
        """What is at ``rel`` now, as the scan would see it (filters, symlink rules, regular files only)."""
        walker = self.walkers[root]
        path = walker.abs(rel)
        try:
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                if not walker.follow_symlinks or not walker.inside(path):
                    return _Look("absent")
                st = os.stat(path)
        except OSError as exc:
            if isinstance(exc, FileNotFoundError | NotADirectoryError) or exc.errno == errno.ELOOP:
                return _Look("absent")
            return _Look("file", Found(rel, error=error_note(exc, "stat the file")))
        if stat.S_ISDIR(st.st_mode):
            return _Look("dir")
        if not stat.S_ISREG(st.st_mode) or not walker.filter.wants_path(rel):
            return _Look("absent")
        return _Look("file", Found(rel, FileStat.of(st)))

    def changes(self, due: Due) -> list[Change]:
        """Moves first (both ends then settled), then every other touched path, expanded and compared."""
        out: list[Change] = []
        handled: set[tuple[str, str]] = set()
        dirty: set[tuple[str, str]] = set(due.paths)
        looks: dict[tuple[str, str], _Look] = {}
        for (root, src), dest in due.moves.items():
            dirty.update({(root, src), (root, dest)})
            for old, new in self._file_pairs(root, src, dest):
                move = self._move(root, old, new, looks)
                if move is not None:
                    out.append(move)
                    handled.update({(root, old), (root, new)})
        for root, rel in list(dirty):
            dirty.update(self._expand(root, rel, looks))
        for root, rel in sorted(dirty - handled):
            change = self._compare(root, rel, self._record(root, rel), looks)
            if change is not None:
                out.append(change)
        return self._pair_unannounced_moves(out, handled, looks)

    def _pair_unannounced_moves(
        self, changes: list[Change], handled: set[tuple[str, str]], looks: dict[tuple[str, str], _Look]
    ) -> list[Change]:
        """Report a file created with the inode, size and mtime of a checkpointed file now gone as a move.

        Observers do not always announce moves: inotify cannot pair a rename into a folder it has not started
        watching yet (the new half is lost, the old one arrives late as a deletion), and polling cannot pair a
        rename that also changed the file. Size and mtime guard against an inode reused by a new file.
        """
        moved_from: set[tuple[str, str]] = set()
        paired: list[Change] = []
        for change in changes:
            st = change.stat
            old = None
            if change.kind is EventKind.CREATED and st is not None and st.inode:
                candidates = self.log.read(partial(self.store.with_inode, root=change.root, inode=st.inode))
                old = next(
                    (
                        r
                        for r in candidates
                        if _same_file(r, st)
                        and (change.root, r.rel) not in handled | moved_from
                        and self._look_cached(change.root, r.rel, looks).kind == "absent"
                    ),
                    None,
                )
            if old is None:
                paired.append(change)
                continue
            moved_from.add((change.root, old.rel))
            paired.append(Change(EventKind.MOVED, change.root, change.rel, st, old_rel=old.rel))
        return [c for c in paired if not (c.kind is EventKind.DELETED and (c.root, c.rel) in moved_from)]

    def _look_cached(self, root: str, rel: str, looks: dict[tuple[str, str], _Look]) -> _Look:
        if (root, rel) not in looks:
            looks[(root, rel)] = self.look(root, rel)
        return looks[(root, rel)]

    def _file_pairs(self, root: str, src: str, dest: str) -> Iterable[tuple[str, str]]:
        """The (old, new) file paths a move of ``src`` to ``dest`` implies, from the checkpoint."""
        if self._record(root, src) is not None:
            return [(src, dest)]
        return [(r.rel, dest + r.rel[len(src) :]) for r in self._under(root, src)]

    def _move(self, root: str, old: str, new: str, looks: dict[tuple[str, str], _Look]) -> Change | None:
        record = self._record(root, old)
        now = self._look_cached(root, new, looks)
        if record is None or self._look_cached(root, old, looks).kind != "absent" or now.found is None:
            return None
        st = now.found.stat
        if st is None or not _same_file(record, st):
            return None
        return Change(EventKind.MOVED, root, new, st, old_rel=old)

    def _expand(self, root: str, rel: str, looks: dict[tuple[str, str], _Look]) -> set[tuple[str, str]]:
        """Files a directory path stands for: the checkpoint's under it, and what is on disk under it now."""
        walker = self.walkers[root]
        look = self._look_cached(root, rel, looks)
        if look.kind == "file":
            return set()
        paths = {(root, r.rel) for r in self._under(root, rel)}
        if look.kind == "dir" and walker.filter.enters_tree(rel):
            for found in walker.walk(rel):
                if found.rel == rel:
                    continue
                vanished = found.error is not None and found.error.code == "vanished"
                looks[(root, found.rel)] = _Look("absent") if vanished else _Look("file", found)
                paths.add((root, found.rel))
        return paths

    def _compare(
        self, root: str, rel: str, record: FileRecord | None, looks: dict[tuple[str, str], _Look]
    ) -> Change | None:
        now = self._look_cached(root, rel, looks)
        if now.found is None:
            return Change(EventKind.DELETED, root, rel) if record is not None else None
        if record is not None and record.key() == found_key(now.found):
            return None
        kind = EventKind.CREATED if record is None else EventKind.MODIFIED
        errors = (now.found.error,) if now.found.error is not None else ()
        return Change(kind, root, rel, now.found.stat, errors)


def _same_file(record: FileRecord, st: FileStat) -> bool:
    """Whether a file now on disk is the one a record describes, moved: same inode (where the platform gives
    one), size and mtime. Size and mtime guard against an inode reused at once by a new file (tmpfs, ext4 do)."""
    return (record.inode or 0) == st.inode and (record.size, record.mtime_ns) == (st.size, st.mtime_ns)

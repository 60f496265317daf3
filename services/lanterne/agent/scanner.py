"""Walking a root: ``os.scandir`` with one ``stat`` per reported file, never leaving the root, never fatal.

What a walk yields (``Found``) is only what is on disk now; comparing with the checkpoint is the caller's job.
Rules that keep it safe on a hospital file server:
- symlinks are skipped unless ``follow_symlinks``; then only targets that resolve inside the root are followed, and
  (like ``find -L``) a directory whose ``(st_dev, st_ino)`` is one of its own ancestors is not entered, so a link
  back up the tree cannot loop; a file reachable through a link is reported under each path that reaches it;
- only regular files are reported: FIFOs, sockets and devices would block or never end when read;
- a directory that cannot be listed and a file that cannot be stat'ed become ``Found`` items carrying an
  ``ErrorNote`` (``unreadable``; ``vanished`` when deleted between the listing and the stat), and the walk goes on;
- names are whatever ``os.scandir`` gives for a ``str`` path: undecodable bytes arrive as lone surrogates
  (``surrogateescape``), which round-trip to the same bytes when the file is opened.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass

from lanterne.agent.filters import PathFilter
from lanterne.events.models import ErrorNote

log = logging.getLogger(__name__)


@dataclass(slots=True, frozen=True)
class FileStat:
    """The part of a ``stat`` result the agent reports and compares."""

    size: int
    mtime_ns: int
    ctime_ns: int
    atime_ns: int
    inode: int
    mode: int
    uid: int
    gid: int

    @classmethod
    def of(cls, st: os.stat_result, inode: int | None = None) -> FileStat:
        """``inode`` overrides ``st_ino``, which ``os.scandir`` leaves at 0 on Windows."""
        return cls(
            st.st_size,
            st.st_mtime_ns,
            st.st_ctime_ns,
            st.st_atime_ns,
            inode if inode is not None else st.st_ino,
            stat.S_IMODE(st.st_mode),
            st.st_uid,
            st.st_gid,
        )


@dataclass(slots=True, frozen=True)
class Found:
    """One file met by a walk: its stat, or the error that kept us from it.

    ``subtree`` marks a directory that could not be listed: what the checkpoint holds under it is unknown now,
    not deleted.
    """

    rel: str
    stat: FileStat | None = None
    error: ErrorNote | None = None
    subtree: bool = False


def error_note(exc: OSError, what: str) -> ErrorNote:
    """An agent-stage note for an OS error; ``vanished`` when the path no longer exists."""
    code = "vanished" if isinstance(exc, FileNotFoundError) else "unreadable"
    reason = exc.strerror or type(exc).__name__
    return ErrorNote(code=code, message=f"cannot {what}: {reason}", stage="agent")


_Ancestors = frozenset[tuple[int, int]]  # (st_dev, st_ino) of the directories above, when following links
_Todo = tuple[str, _Ancestors]


def join(rel_dir: str, name: str) -> str:
    return f"{rel_dir}/{name}" if rel_dir else name


class Walker:
    """Walks one root (or a directory under it) and yields the files the filter wants."""

    def __init__(self, root: str, path_filter: PathFilter, *, follow_symlinks: bool = False) -> None:
        self.root = root
        self.filter = path_filter
        self.follow_symlinks = follow_symlinks
        real = os.path.realpath(root)
        self._real_root = real
        self._real_prefix = real if real.endswith(os.sep) else real + os.sep

    def inside(self, path: str) -> bool:
        """Whether ``path`` resolves (symlinks and ``..`` included) to the root or below it."""
        real = os.path.realpath(path)
        return real == self._real_root or real.startswith(self._real_prefix)

    def abs(self, rel: str) -> str:
        return os.path.join(self.root, rel) if rel else self.root

    def walk(self, start: str = "") -> Iterator[Found]:
        """Yield every wanted file under ``start`` (a directory relative to the root; '' = the root)."""
        ancestors: frozenset[tuple[int, int]] = frozenset()
        if self.follow_symlinks:
            try:
                st = os.stat(self.abs(start))
            except OSError as exc:
                yield Found(start, error=error_note(exc, "open the directory"), subtree=True)
                return
            ancestors = frozenset({(st.st_dev, st.st_ino)})
        stack = [(start, ancestors)]
        while stack:
            rel_dir, ancestors = stack.pop()
            try:
                with os.scandir(self.abs(rel_dir)) as it:
                    entries = list(it)
            except OSError as exc:
                yield Found(rel_dir, error=error_note(exc, "list the directory"), subtree=True)
                continue
            for entry in entries:
                found = self._visit(entry, join(rel_dir, entry.name), ancestors, stack)
                if found is not None:
                    yield found

    def _visit(self, entry: os.DirEntry[str], rel: str, ancestors: _Ancestors, stack: list[_Todo]) -> Found | None:
        try:
            if entry.is_symlink():
                return self._visit_link(entry, rel, ancestors, stack) if self.follow_symlinks else None
            if entry.is_dir(follow_symlinks=False):
                if self.filter.enters_dir(rel):
                    self._enter(rel, os.stat(entry.path) if self.follow_symlinks else None, ancestors, stack)
                return None
            if not self.filter.wants_file(rel):
                return None
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode):
                return None
            # Windows' scandir gives no inode in its stat; DirEntry.inode() fetches the one os.stat (watching) sees.
            return Found(rel, FileStat.of(st, st.st_ino or entry.inode()))
        except OSError as exc:
            return Found(rel, error=error_note(exc, "stat the file"))

    @staticmethod
    def _enter(rel: str, st: os.stat_result | None, ancestors: _Ancestors, stack: list[_Todo]) -> None:
        """Queue a directory, unless it is one of its own ancestors (a symlink loop); ``st`` only when following."""
        if st is None:
            stack.append((rel, ancestors))
            return
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            log.debug("a symlink loop was not entered again")  # no path: names may identify patients
            return
        stack.append((rel, ancestors | {key}))

    def _visit_link(self, entry: os.DirEntry[str], rel: str, ancestors: _Ancestors, stack: list[_Todo]) -> Found | None:
        if not self.inside(entry.path):
            log.debug("a symlink leaving %s was not followed", self.root)  # the root only: names may identify patients
            return None
        try:
            st = os.stat(entry.path)
        except OSError as exc:
            if exc.errno in (errno.ENOENT, errno.ELOOP):  # dangling or self-referencing link: nothing to report
                return None
            raise
        if stat.S_ISDIR(st.st_mode):
            if self.filter.enters_dir(rel):
                self._enter(rel, st, ancestors, stack)
            return None
        if stat.S_ISREG(st.st_mode) and self.filter.wants_file(rel):
            return Found(rel, FileStat.of(st))
        return None

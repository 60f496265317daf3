"""Turning changes into signed, sequenced ``FileEvent``s appended to the log together with the checkpoint.

Each batch is one log transaction: its events, the checkpoint rows they imply and the next sequence number commit
together (a transactional outbox). The in-memory counter only moves once the append returned, is reloaded from
the database if an append fails, and is checked inside the transaction (two agents started with the same id on
one log would otherwise hand out the same numbers), so no sequence number is skipped or used twice.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from lanterne.agent.ownership import OwnerNames
from lanterne.agent.scanner import FileStat
from lanterne.agent.signing import sign_event
from lanterne.agent.state import CheckpointStore, FileRecord
from lanterne.bus.sqlite_log import SqliteLog
from lanterne.events.ids import file_id
from lanterne.events.models import ErrorNote, EventKind, FileEvent

log = logging.getLogger(__name__)

_SEQUENCE_RETRIES = 5


class _SequenceMoved(Exception):
    """Another ``Emitter`` with the same agent id appended since we read the counter (two agents, one id)."""


@dataclass(slots=True, frozen=True)
class Change:
    """One thing to report: a file's new state (``stat``), or its absence (``deleted``), or a move."""

    kind: EventKind
    root: str
    rel: str
    stat: FileStat | None = None
    errors: tuple[ErrorNote, ...] = ()
    old_rel: str | None = None


def _batches(items: Iterable[Change], size: int) -> Iterator[list[Change]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class Emitter:
    """Builds events for one agent and appends them, batch by batch, with the checkpoint writes they imply."""

    def __init__(
        self, log: SqliteLog, store: CheckpointStore, *, host: str, batch_size: int, signing_key: bytes | None
    ) -> None:
        self.log = log
        self.store = store
        self.agent_id = store.agent_id
        self.host = host
        self.batch_size = batch_size
        self.signing_key = signing_key
        self.names = OwnerNames()
        self.log.append([], also=CheckpointStore.create_tables)
        self._next = self.log.read(store.next_sequence)

    def emit(self, changes: Iterable[Change]) -> int:
        """Append every change (in batches); returns how many events were appended."""
        count = 0
        for batch in _batches(changes, self.batch_size):
            self._append(batch)
            count += len(batch)
        return count

    @staticmethod
    def record(change: Change, fid: str) -> FileRecord:
        """The checkpoint row a (non-deleted) change leaves behind."""
        st = change.stat
        return FileRecord(
            change.rel,
            fid,
            st.size if st else None,
            st.mtime_ns if st else None,
            st.ctime_ns if st else None,
            st.inode if st else None,
            st.mode if st else None,
            change.errors[0].code if change.errors and st is None else None,
        )

    def _append(self, batch: list[Change]) -> None:
        fids = [file_id(self.agent_id, change.root, change.rel) for change in batch]
        # Within one batch a path is either removed or written, except a move's old path, which a new file may
        # take in the same batch: removals first, then writes.
        removed = [(c.root, c.old_rel) for c in batch if c.kind is EventKind.MOVED and c.old_rel is not None]
        removed += [(c.root, c.rel) for c in batch if c.kind is EventKind.DELETED]
        written = [
            (c.root, self.record(c, fid)) for c, fid in zip(batch, fids, strict=True) if c.kind is not EventKind.DELETED
        ]
        for _ in range(_SEQUENCE_RETRIES):
            start = self._next
            events = [self._event(c, fid, start + i) for i, (c, fid) in enumerate(zip(batch, fids, strict=True))]

            def write_state(conn: sqlite3.Connection, start: int = start) -> None:
                if self.store.next_sequence(conn) != start:
                    raise _SequenceMoved
                self.store.delete(conn, removed)
                self.store.upsert(conn, written)
                self.store.set_next_sequence(conn, start + len(batch))

            try:
                self.log.append(events, also=write_state)
            except _SequenceMoved:
                log.warning("another writer used agent id %r: sequence reloaded", self.agent_id)
                self._next = self.log.read(self.store.next_sequence)
                continue
            except BaseException:
                self._next = self.log.read(self.store.next_sequence)
                raise
            self._next = start + len(batch)
            return
        raise RuntimeError(f"agent id {self.agent_id!r} is being written by another agent on the same log")

    def _event(self, change: Change, fid: str, sequence: int) -> FileEvent:
        st = change.stat
        event = FileEvent(
            event_id=f"{self.agent_id}:{sequence}",
            agent_id=self.agent_id,
            host=self.host,
            root=change.root,
            path=change.rel,
            file_id=fid,
            kind=change.kind,
            old_path=change.old_rel,
            old_file_id=file_id(self.agent_id, change.root, change.old_rel) if change.old_rel is not None else None,
            size=st.size if st else None,
            mtime_ns=st.mtime_ns if st else None,
            ctime_ns=st.ctime_ns if st else None,
            atime_ns=st.atime_ns if st else None,
            owner=self.names.owner(st.uid) if st else None,
            group=self.names.group(st.gid) if st else None,
            mode=st.mode if st else None,
            sequence=sequence,
            errors=list(change.errors),
        )
        return sign_event(event, self.signing_key) if self.signing_key else event

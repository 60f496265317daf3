"""The agent's checkpoint: what it last reported for each file, and its sequence counter.

The tables live in the agent's log database, and every write here runs inside the ``also`` callback of the log
append that emits the matching events: after a crash either both the events and the new state are on disk or
neither is, so a restart re-emits nothing unchanged and misses nothing changed.

Paths are stored as BLOBs of their ``surrogateescape`` bytes: SQLite text must be valid UTF-8, and a file server
holds names that are not (``os.fsdecode`` gives lone surrogates for them).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS agent_files (
    agent_id TEXT NOT NULL,
    root BLOB NOT NULL,
    path BLOB NOT NULL,
    file_id TEXT NOT NULL,
    size INTEGER,
    mtime_ns INTEGER,
    ctime_ns INTEGER,
    inode INTEGER,
    mode INTEGER,
    error TEXT,
    PRIMARY KEY (agent_id, root, path)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS agent_files_by_inode ON agent_files (agent_id, root, inode);
CREATE TABLE IF NOT EXISTS agent_sequence (
    agent_id TEXT PRIMARY KEY,
    next INTEGER NOT NULL
);
"""

_COLUMNS = "path, file_id, size, mtime_ns, ctime_ns, inode, mode, error"


def _b(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _s(blob: bytes) -> str:
    return bytes(blob).decode("utf-8", "surrogateescape")


@dataclass(slots=True, frozen=True)
class FileRecord:
    """What the agent last reported about one file (``error`` holds the code when it could not stat it)."""

    rel: str
    file_id: str
    size: int | None
    mtime_ns: int | None
    ctime_ns: int | None
    inode: int | None
    mode: int | None
    error: str | None

    def key(self) -> tuple[int | None, int | None, int | None, int | None, int | None, str | None]:
        """What must differ for the file to count as changed (content, metadata, identity, or error)."""
        return (self.size, self.mtime_ns, self.ctime_ns, self.inode, self.mode, self.error)

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> FileRecord:
        """From a row of ``_COLUMNS`` (the path as stored bytes)."""
        return cls(_s(row[0]), *row[1:])


class CheckpointStore:
    """Reads and writes one agent's checkpoint rows; writes take the connection of the log's transaction."""

    def __init__(self, agent_id: str) -> None:
        self.agent_id = agent_id

    @staticmethod
    def create_tables(conn: sqlite3.Connection) -> None:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)

    def load_root(self, conn: sqlite3.Connection, root: str) -> dict[str, FileRecord]:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM agent_files WHERE agent_id = ? AND root = ?", (self.agent_id, _b(root))
        )
        return {r.rel: r for r in map(FileRecord.from_row, rows)}

    def get(self, conn: sqlite3.Connection, root: str, rel: str) -> FileRecord | None:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM agent_files WHERE agent_id = ? AND root = ? AND path = ?",
            (self.agent_id, _b(root), _b(rel)),
        ).fetchone()
        return FileRecord.from_row(row) if row else None

    def under(self, conn: sqlite3.Connection, root: str, rel_dir: str) -> list[FileRecord]:
        """Every record strictly below directory ``rel_dir`` ('' = the whole root)."""
        if not rel_dir:
            return list(self.load_root(conn, root).values())
        low = _b(rel_dir) + b"/"
        high = _b(rel_dir) + b"0"  # '0' is the byte after '/': the range holds exactly the paths under the prefix
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM agent_files WHERE agent_id = ? AND root = ? AND path >= ? AND path < ?",
            (self.agent_id, _b(root), low, high),
        )
        return [FileRecord.from_row(r) for r in rows]

    def with_inode(self, conn: sqlite3.Connection, root: str, inode: int) -> list[FileRecord]:
        """Records of the file with this inode (several paths for hard links): how unannounced moves are found."""
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM agent_files WHERE agent_id = ? AND root = ? AND inode = ?",
            (self.agent_id, _b(root), inode),
        )
        return [FileRecord.from_row(r) for r in rows]

    def upsert(self, conn: sqlite3.Connection, records: Iterable[tuple[str, FileRecord]]) -> None:
        """Write ``(root, record)`` rows, replacing what was there."""
        conn.executemany(
            f"INSERT OR REPLACE INTO agent_files (agent_id, root, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(self.agent_id, _b(root), _b(r.rel), r.file_id, *r.key()[:5], r.error) for root, r in records],
        )

    def delete(self, conn: sqlite3.Connection, paths: Iterable[tuple[str, str]]) -> None:
        """Forget ``(root, relative path)`` rows."""
        conn.executemany(
            "DELETE FROM agent_files WHERE agent_id = ? AND root = ? AND path = ?",
            [(self.agent_id, _b(root), _b(rel)) for root, rel in paths],
        )

    def next_sequence(self, conn: sqlite3.Connection) -> int:
        row = conn.execute("SELECT next FROM agent_sequence WHERE agent_id = ?", (self.agent_id,)).fetchone()
        return int(row[0]) if row else 0

    def set_next_sequence(self, conn: sqlite3.Connection, value: int) -> None:
        conn.execute(
            "INSERT INTO agent_sequence (agent_id, next) VALUES (?, ?) "
            "ON CONFLICT(agent_id) DO UPDATE SET next = excluded.next",
            (self.agent_id, value),
        )

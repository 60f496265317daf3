"""The embedded index: one SQLite file with FTS5, both a ``VerdictSink`` and an ``IndexReader``.

One row per file (its current state) in ``files``: the whole verdict as JSON plus the columns that filters and
report aggregates read, so searches and reports are SQL over indexes, never a Python loop over every verdict.
Identifier types and fingerprints live in side tables indexed by value, so ``--identifier NIR`` and a patient
look-up by fingerprint are index look-ups.

Writes are versioned like Elasticsearch's ``external_gte``: a verdict replaces the stored one only when its
sequence is >= the stored sequence, else it is reported ``skipped_stale`` (a success). A ``deleted`` verdict (and
the old id of a move) removes the row but leaves a tombstone ``(file_id, sequence)``, so an older upsert replayed
later cannot bring the file back. A batch is decided in Python against the stored versions (one look-up), then
applied with ``executemany`` in ONE transaction. The database runs in WAL mode with ``synchronous=FULL``: when
``write`` returns the batch is on disk, so the caller may commit its log offset right after.

Full text: FTS5 over the *set of unique words* of the path, format, reasons, masked samples, identifier and
clinical type names, error messages, and the verdict's content ``terms`` (common words, no identifier). The FTS
table is contentless (``content=''``): it keeps only the inverted index. Deleting from a contentless table needs
the exact words that were inserted (SQLite 3.40 has no ``contentless_delete``), so the row keeps its word set in
``files.words``; a set of unique words is much smaller than the text and no document text is stored. Words are cut
as FTS5's ``unicode61 remove_diacritics 2`` cuts them (letters and digits, lower-cased, accents removed), so
"Épaule" finds "epaule". A query is the AND of its words as exact tokens (like the Elasticsearch backend's
``term`` filters on the same words): user input is cut into words and each is quoted, so no input (``NIR:``, a
lone ``"``, ``AND``, ``*``) can change the query's syntax or crash it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from lanterne.errors import ConfigError, InfrastructureError
from lanterne.events.models import FileVerdict
from lanterne.index.base import AGE_BUCKETS_YEARS, SENSITIVITY_BUCKETS, Bucket, Report, SearchQuery, WriteResult
from lanterne.index.text import folder_of, searchable_texts, words

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
_DAYS_PER_YEAR = 365.25
_CHUNK = 500  # ids per "IN (...)" list, well under SQLite's bound-parameter limit

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    file_id TEXT NOT NULL UNIQUE,
    sequence INTEGER NOT NULL,
    path TEXT NOT NULL,
    folder TEXT NOT NULL,
    root TEXT NOT NULL,
    relative_path TEXT NOT NULL,
    format TEXT NOT NULL,
    size INTEGER,
    mtime REAL,
    owner TEXT,
    health_data INTEGER NOT NULL,
    personal_data INTEGER NOT NULL,
    sensitivity INTEGER NOT NULL,
    dark_score INTEGER NOT NULL,
    content_hash TEXT,
    has_errors INTEGER NOT NULL,
    words TEXT NOT NULL,
    verdict TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS files_rank ON files (dark_score DESC, sensitivity DESC, path);
CREATE INDEX IF NOT EXISTS files_path ON files (path);
CREATE INDEX IF NOT EXISTS files_relative_path ON files (relative_path);
CREATE INDEX IF NOT EXISTS files_owner ON files (owner);
CREATE INDEX IF NOT EXISTS files_mtime ON files (mtime);
CREATE INDEX IF NOT EXISTS files_hash ON files (content_hash) WHERE content_hash IS NOT NULL;
CREATE TABLE IF NOT EXISTS file_identifiers (
    file_row INTEGER NOT NULL,
    type TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (file_row, type)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS file_identifiers_type ON file_identifiers (type, file_row);
CREATE TABLE IF NOT EXISTS file_fingerprints (
    file_row INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    PRIMARY KEY (file_row, fingerprint)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS file_fingerprints_value ON file_fingerprints (fingerprint, file_row);
CREATE TABLE IF NOT EXISTS tombstones (
    file_id TEXT PRIMARY KEY,
    sequence INTEGER NOT NULL
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS file_words USING fts5(
    words, content='', tokenize='unicode61 remove_diacritics 2'
);
"""

_COLUMNS = (
    "file_id, sequence, path, folder, root, relative_path, format, size, mtime, owner, health_data, personal_data, "
    "sensitivity, dark_score, content_hash, has_errors, words, verdict"
)
_UPSERT = (
    f"INSERT INTO files ({_COLUMNS}) VALUES ({', '.join('?' * len(_COLUMNS.split(',')))}) "
    "ON CONFLICT (file_id) DO UPDATE SET "
    + ", ".join(f"{c.strip()} = excluded.{c.strip()}" for c in _COLUMNS.split(",")[1:])
)
_METRICS = "count(*), coalesce(sum(f.size), 0), coalesce(sum(f.health_data), 0), avg(f.dark_score)"


def match_expression(text: str) -> str | None:
    """The FTS5 MATCH string for user input: the AND of its words, each quoted; None when it has no word."""
    return " ".join(f'"{w}"' for w in words([text])) or None


def _epoch(moment: datetime | None) -> float | None:
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _placeholders(n: int) -> str:
    return ", ".join("?" * n)


@dataclass(slots=True)
class _Stored:
    """What the database holds for one file id before the batch: a live row, or a tombstone (``row`` None)."""

    sequence: int
    row: int | None = None
    words: str | None = None


@dataclass(slots=True)
class _Next:
    """What one file id becomes after the batch: a live verdict, or a tombstone at ``sequence``."""

    sequence: int
    verdict: FileVerdict | None = None
    words: str = ""


class _BatchPlan:
    """Decides a batch in order against the stored versions, as if its verdicts were written one by one."""

    def __init__(self, stored: dict[str, _Stored]) -> None:
        self.stored = stored
        self.next: dict[str, _Next] = {}

    def _sequence(self, file_id: str) -> int | None:
        if file_id in self.next:
            return self.next[file_id].sequence
        known = self.stored.get(file_id)
        return known.sequence if known else None

    def offer(self, verdict: FileVerdict) -> WriteResult:
        current = self._sequence(verdict.file_id)
        if current is not None and verdict.sequence < current:
            return WriteResult(verdict.file_id, ok=True, skipped_stale=True)
        if verdict.deleted:
            self.next[verdict.file_id] = _Next(verdict.sequence)
        else:
            text_words = " ".join(words(searchable_texts(verdict)))
            self.next[verdict.file_id] = _Next(verdict.sequence, verdict, text_words)
        old = verdict.previous_file_id
        if old and old != verdict.file_id:
            old_sequence = self._sequence(old)
            if old_sequence is None or verdict.sequence >= old_sequence:
                self.next[old] = _Next(verdict.sequence)
        return WriteResult(verdict.file_id, ok=True)


def _row(verdict: FileVerdict, text_words: str) -> tuple[Any, ...]:
    return (
        verdict.file_id,
        verdict.sequence,
        verdict.path,
        folder_of(verdict.path),
        verdict.root,
        verdict.relative_path,
        verdict.format,
        verdict.size,
        _epoch(verdict.mtime),
        verdict.owner,
        int(verdict.health_data),
        int(verdict.personal_data),
        verdict.sensitivity,
        verdict.dark_score,
        verdict.content_hash,
        int(bool(verdict.errors)),
        text_words,
        verdict.model_dump_json(),
    )


def _prefix_range(prefix: str) -> tuple[str, str]:
    """``[lo, hi)`` such that ``lo <= s < hi`` exactly when ``s`` starts with ``prefix`` (index-friendly LIKE)."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


class SqliteIndex:
    """The embedded index in one SQLite file; see the module docstring. Thread-safe (one connection, one lock)."""

    backend = "embedded"

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        try:
            self._conn = sqlite3.connect(path, timeout=60.0, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise InfrastructureError(f"cannot open the index {path}: {exc}") from exc
        try:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")  # durable when write() returns: the caller then commits
            self._conn.execute("PRAGMA busy_timeout=60000")
            self._conn.execute("PRAGMA cache_size=-32000")
            self._ensure_schema()
        except sqlite3.Error as exc:
            self._conn.close()
            raise InfrastructureError(f"cannot open the index {path}: {exc}") from exc
        except ConfigError:
            self._conn.close()
            raise

    def _ensure_schema(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA_VERSION):
            raise ConfigError(
                f"the index {self.path} has schema version {version}, this Lanterne knows {SCHEMA_VERSION}: "
                "remove it and scan again"
            )
        if version == 0:  # executescript commits any open transaction, so the script carries its own
            self._conn.executescript(f"BEGIN IMMEDIATE; {_SCHEMA} PRAGMA user_version={SCHEMA_VERSION}; COMMIT;")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    # -- VerdictSink ---------------------------------------------------------------------------------------------

    def write(self, verdicts: Sequence[FileVerdict]) -> list[WriteResult]:
        """Store a batch in one durable transaction; one result per verdict, in order.

        Only the unique words of what the search looks at are kept (in the full-text index). Raises
        ``InfrastructureError`` when SQLite fails (disk full, I/O error): nothing of the batch is then stored, and
        the whole batch is safe to write again.
        """
        if not verdicts:
            return []
        try:
            with self._lock, self._transaction():
                ids = {v.file_id for v in verdicts} | {v.previous_file_id for v in verdicts if v.previous_file_id}
                plan = _BatchPlan(self._stored(sorted(ids)))
                results = [plan.offer(v) for v in verdicts]
                self._apply(plan)
        except sqlite3.Error as exc:
            raise InfrastructureError(
                f"writing {len(verdicts)} verdicts to the index {self.path} failed: {exc}"
            ) from exc
        return results

    def _stored(self, file_ids: Sequence[str]) -> dict[str, _Stored]:
        stored: dict[str, _Stored] = {}
        for chunk in _chunks(file_ids):
            marks = _placeholders(len(chunk))
            for file_id, sequence in self._conn.execute(
                f"SELECT file_id, sequence FROM tombstones WHERE file_id IN ({marks})", chunk
            ):
                stored[file_id] = _Stored(sequence)
            for file_id, row, sequence, text_words in self._conn.execute(
                f"SELECT file_id, id, sequence, words FROM files WHERE file_id IN ({marks})", chunk
            ):
                tomb = stored.get(file_id)
                stored[file_id] = _Stored(max(sequence, tomb.sequence if tomb else sequence), row, text_words)
        return stored

    def _apply(self, plan: _BatchPlan) -> None:
        conn = self._conn
        live = {fid: (n.verdict, n.words) for fid, n in plan.next.items() if n.verdict is not None}
        gone = {fid: n.sequence for fid, n in plan.next.items() if n.verdict is None}
        # rows whose words change leave the full-text index first (a contentless table needs the old words)
        unindex = [
            (row.row, row.words)
            for fid, row in ((fid, plan.stored.get(fid)) for fid in plan.next)
            if row is not None and row.row is not None and (fid in gone or live[fid][1] != row.words)
        ]
        conn.executemany("INSERT INTO file_words (file_words, rowid, words) VALUES ('delete', ?, ?)", unindex)
        replaced = [(s.row,) for fid in plan.next if (s := plan.stored.get(fid)) is not None and s.row is not None]
        conn.executemany("DELETE FROM file_identifiers WHERE file_row = ?", replaced)
        conn.executemany("DELETE FROM file_fingerprints WHERE file_row = ?", replaced)
        conn.executemany("DELETE FROM files WHERE file_id = ?", [(fid,) for fid in gone])
        conn.executemany(
            "INSERT INTO tombstones (file_id, sequence) VALUES (?, ?) "
            "ON CONFLICT (file_id) DO UPDATE SET sequence = max(sequence, excluded.sequence)",
            list(gone.items()),
        )
        if not live:
            return
        conn.executemany(_UPSERT, [_row(verdict, text_words) for verdict, text_words in live.values()])
        conn.executemany("DELETE FROM tombstones WHERE file_id = ?", [(fid,) for fid in live])
        rows = self._row_ids(list(live))
        reindex = [
            (rows[fid], text_words)
            for fid, (_, text_words) in live.items()
            if (s := plan.stored.get(fid)) is None or s.row is None or s.words != text_words
        ]
        conn.executemany("INSERT INTO file_words (rowid, words) VALUES (?, ?)", reindex)
        identifiers: list[tuple[int, str, int]] = []
        fingerprints: list[tuple[int, str]] = []
        for fid, (verdict, _) in live.items():
            identifiers += [(rows[fid], kind, count) for kind, count in verdict.identifiers.items() if count > 0]
            fingerprints += [(rows[fid], fp) for fp in dict.fromkeys(verdict.fingerprints)]
        conn.executemany("INSERT INTO file_identifiers (file_row, type, count) VALUES (?, ?, ?)", identifiers)
        conn.executemany("INSERT INTO file_fingerprints (file_row, fingerprint) VALUES (?, ?)", fingerprints)

    def _row_ids(self, file_ids: Sequence[str]) -> dict[str, int]:
        rows: dict[str, int] = {}
        for chunk in _chunks(file_ids):
            query = f"SELECT file_id, id FROM files WHERE file_id IN ({_placeholders(len(chunk))})"
            rows.update(self._conn.execute(query, chunk).fetchall())
        return rows

    def duplicates_of(self, content_hash: str | None, file_id: str) -> int:
        """How many OTHER live files have this content hash (the classifier's duplication factor)."""
        if not content_hash:
            return 0
        with self._lock:
            query = "SELECT count(*) FROM files WHERE content_hash = ? AND file_id <> ?"
            return int(self._conn.execute(query, (content_hash, file_id)).fetchone()[0])

    # -- IndexReader ---------------------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> list[FileVerdict]:
        """Live files matching every filter of ``query``, by dark score, then sensitivity, then path."""
        where: list[str] = []
        params: list[Any] = []
        expression = match_expression(query.text)
        if expression is not None:
            where.append("f.id IN (SELECT rowid FROM file_words WHERE file_words MATCH ?)")
            params.append(expression)
        if query.health_only:
            where.append("f.health_data = 1")
        if query.personal_only:
            where.append("f.personal_data = 1")
        if query.identifiers:
            marks = _placeholders(len(query.identifiers))
            where.append(f"f.id IN (SELECT file_row FROM file_identifiers WHERE type IN ({marks}))")
            params += query.identifiers
        if query.older_than_days is not None:
            where.append("f.mtime < ?")
            params.append(_epoch(datetime.now(UTC) - timedelta(days=query.older_than_days)))
        if query.folder:
            clause, values = _folder_clause(query.folder)
            where.append(clause)
            params += values
        if query.owner:
            where.append("f.owner = ?")
            params.append(query.owner)
        if query.fingerprints:
            marks = _placeholders(len(query.fingerprints))
            where.append(f"f.id IN (SELECT file_row FROM file_fingerprints WHERE fingerprint IN ({marks}))")
            params += query.fingerprints
        if query.min_sensitivity is not None:
            where.append("f.sensitivity >= ?")
            params.append(query.min_sensitivity)
        if query.format:
            where.append("f.format = ?")
            params.append(query.format)
        sql = (
            "SELECT f.verdict FROM files f"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY f.dark_score DESC, f.sensitivity DESC, f.path LIMIT ?"
        )
        with self._lock:
            rows = self._conn.execute(sql, [*params, query.limit]).fetchall()
        return [FileVerdict.model_validate_json(doc) for (doc,) in rows]

    def get(self, file_id: str) -> FileVerdict | None:
        with self._lock:
            row = self._conn.execute("SELECT verdict FROM files WHERE file_id = ?", (file_id,)).fetchone()
        return FileVerdict.model_validate_json(row[0]) if row else None

    def count(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM files").fetchone()[0])

    def report(self, now: datetime | None = None, top: int = 10) -> Report:
        """The summary, every figure an SQL aggregate (one read transaction, so the figures agree)."""
        now = now or datetime.now(UTC)
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                return self._report(now, top)
            finally:
                self._conn.execute("COMMIT")

    def _report(self, now: datetime, top: int) -> Report:
        totals = self._conn.execute(
            "SELECT count(*), coalesce(sum(size), 0), coalesce(sum(health_data), 0), "
            "coalesce(sum(personal_data), 0), coalesce(sum(has_errors), 0) FROM files"
        ).fetchone()
        report = Report(generated_at=now, backend=self.backend, files=totals[0])
        if not report.files:
            return report
        report.bytes, report.health_files, report.personal_files, report.files_with_errors = totals[1:]

        sens_case = " ".join("WHEN f.sensitivity BETWEEN ? AND ? THEN ?" for _ in SENSITIVITY_BUCKETS)
        sens_params = [x for key, lo, hi in SENSITIVITY_BUCKETS for x in (lo, hi, key)]
        sensitivity = self._buckets(
            f"SELECT CASE {sens_case} END AS k, {_METRICS} FROM files f GROUP BY k", sens_params
        )
        report.by_sensitivity = _in_order(sensitivity, [key for key, _, _ in SENSITIVITY_BUCKETS])

        # an age range [young, old) years is an mtime at or after now - old (the first range also takes mtimes in
        # the future, clock skew); the last range takes everything older; no mtime is "unknown"
        age_case = " ".join("WHEN f.mtime >= ? THEN ?" for _ in AGE_BUCKETS_YEARS[:-1])
        age_params: list[Any] = []
        for key, _, old in AGE_BUCKETS_YEARS[:-1]:
            age_params += [_epoch(now - timedelta(days=old * _DAYS_PER_YEAR)), key]
        age_sql = f"SELECT CASE WHEN f.mtime IS NULL THEN 'unknown' {age_case} ELSE ? END AS k, {_METRICS} FROM files f"
        ages = self._buckets(f"{age_sql} GROUP BY k", [*age_params, AGE_BUCKETS_YEARS[-1][0]])
        report.by_age = _in_order(ages, [key for key, _, _ in AGE_BUCKETS_YEARS] + ["unknown"])

        by_count = "ORDER BY count(*) DESC, k"
        report.by_identifier = list(
            self._buckets(
                f"SELECT i.type AS k, {_METRICS} FROM file_identifiers i JOIN files f ON f.id = i.file_row "
                f"GROUP BY k {by_count}"
            ).values()
        )
        report.by_owner = list(
            self._buckets(
                f"SELECT f.owner AS k, {_METRICS} FROM files f WHERE f.owner IS NOT NULL GROUP BY k {by_count} LIMIT ?",
                [top],
            ).values()
        )
        report.top_folders = list(
            self._buckets(
                f"SELECT f.folder AS k, {_METRICS} FROM files f GROUP BY k "
                "ORDER BY avg(f.dark_score) DESC, sum(f.health_data) DESC, k LIMIT ?",
                [top],
            ).values()
        )
        report.by_format = list(
            self._buckets(f"SELECT f.format AS k, {_METRICS} FROM files f GROUP BY k {by_count}").values()
        )
        return report

    def _buckets(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Bucket]:
        """Rows of (key, files, bytes, health files, mean dark score) as buckets, in the query's order."""
        return {
            key: Bucket(
                key=key,
                files=files,
                bytes=size,
                health_files=health,
                dark_score=round(dark, 2) if dark is not None else 0.0,
            )
            for key, files, size, health, dark in self._conn.execute(sql, params)
        }

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _in_order(found: Mapping[str, Bucket], keys: Sequence[str]) -> list[Bucket]:
    """Every key in ``keys`` order, empty buckets included (as the Elasticsearch range aggregations give them)."""
    return [found.get(key, Bucket(key=key)) for key in keys]


def _folder_clause(folder: str) -> tuple[str, list[str]]:
    """Files under ``folder``: the folder itself as a path component, matched against the absolute or the
    relative path (``/srv/a`` matches ``/srv/a/x`` but not ``/srv/ab/x``), as index range scans."""
    base = folder.rstrip("/\\")
    clauses: list[str] = []
    params: list[str] = []
    for column in ("f.path", "f.relative_path"):
        for sep in ("/", "\\"):
            clauses.append(f"({column} >= ? AND {column} < ?)")
            params += _prefix_range(base + sep)
    return "(" + " OR ".join(clauses) + ")", params

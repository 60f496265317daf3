"""The embedded SQLite index: versioned idempotent writes, tombstones, moves, every search filter, the report.

Verdicts are built directly with fictional, masked values; the index file lives in a temporary folder.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from lanterne.errors import ConfigError, InfrastructureError
from lanterne.events.models import ErrorNote, FileVerdict
from lanterne.index.base import SearchQuery
from lanterne.index.sqlite import SqliteIndex, match_expression
from lanterne.index.text import words

NOW = datetime(2026, 6, 1, tzinfo=UTC)
FP_A = "NIR:" + "a" * 64
FP_B = "NIR:" + "b" * 64


def verdict(file_id: str, sequence: int = 1, **fields: Any) -> FileVerdict:
    relative = fields.pop("relative_path", f"{file_id}.txt")
    values: dict[str, Any] = {
        "file_id": file_id,
        "path": f"/srv/share/{relative}",
        "root": "/srv/share",
        "relative_path": relative,
        "agent_id": "agent-1",
        "host": "fs1",
        "event_id": f"agent-1:{sequence}",
        "event_kind": "scanned",
        "sequence": sequence,
        "classifier_version": "test",
    }
    return FileVerdict(**(values | fields))


@pytest.fixture
def index(tmp_path: Path) -> Iterator[SqliteIndex]:
    idx = SqliteIndex(tmp_path / "index.db")
    yield idx
    idx.close()


def ids(hits: list[FileVerdict]) -> list[str]:
    return [v.file_id for v in hits]


def side_rows(path: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(path)
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("file_identifiers", "file_fingerprints", "files")
        )
    finally:
        conn.close()


# -- writes --------------------------------------------------------------------------------------------------------


def test_replaying_a_batch_is_harmless(index: SqliteIndex) -> None:
    batch = [
        verdict("a", 1, identifiers={"NIR": 2}, fingerprints=[FP_A], dark_score=40),
        verdict("b", 2, identifiers={"IPP": 1}),
    ]
    assert all(r.ok and not r.skipped_stale for r in index.write(batch))
    again = index.write(batch)
    assert [(r.file_id, r.ok, r.skipped_stale) for r in again] == [("a", True, False), ("b", True, False)]
    assert index.count() == 2
    assert index.get("a") == batch[0]
    assert side_rows(index.path) == (2, 1, 2)
    assert ids(index.search(SearchQuery(text="a"))) == ["a"]


def test_an_older_verdict_is_skipped_and_a_newer_one_replaces(index: SqliteIndex) -> None:
    index.write([verdict("a", 5, format="pdf", identifiers={"NIR": 1})])
    [stale] = index.write([verdict("a", 4, format="csv")])
    assert stale.ok and stale.skipped_stale
    assert index.get("a").format == "pdf"  # type: ignore[union-attr]
    [fresh] = index.write([verdict("a", 6, format="csv")])
    assert fresh.ok and not fresh.skipped_stale
    stored = index.get("a")
    assert stored is not None and stored.format == "csv" and stored.sequence == 6
    assert index.search(SearchQuery(identifiers=["NIR"])) == []  # the old side rows went with the old version
    assert ids(index.search(SearchQuery(text="csv"))) == ["a"]
    assert index.search(SearchQuery(text="pdf")) == []  # the old words left the full-text index


def test_a_batch_is_decided_in_order(index: SqliteIndex) -> None:
    results = index.write([verdict("a", 3, format="pdf"), verdict("a", 2, format="csv"), verdict("a", 4, format="hl7")])
    assert [r.skipped_stale for r in results] == [False, True, False]
    assert index.get("a").format == "hl7"  # type: ignore[union-attr]


def test_delete_then_late_older_upsert_does_not_resurrect(index: SqliteIndex) -> None:
    index.write([verdict("a", 1, identifiers={"NIR": 1}, fingerprints=[FP_A])])
    [deleted] = index.write([verdict("a", 3, deleted=True, event_kind="deleted")])
    assert deleted.ok and not deleted.skipped_stale
    assert index.get("a") is None and index.count() == 0
    assert side_rows(index.path) == (0, 0, 0)
    [late] = index.write([verdict("a", 2)])
    assert late.ok and late.skipped_stale
    assert index.get("a") is None
    [recreated] = index.write([verdict("a", 4, format="pdf")])
    assert not recreated.skipped_stale and index.get("a").format == "pdf"  # type: ignore[union-attr]


def test_delete_of_an_unknown_file_still_guards_against_older_upserts(index: SqliteIndex) -> None:
    index.write([verdict("a", 5, deleted=True, event_kind="deleted")])
    [late] = index.write([verdict("a", 4)])
    assert late.skipped_stale and index.count() == 0


def test_a_move_removes_the_old_row(index: SqliteIndex) -> None:
    index.write([verdict("old", 1, relative_path="a/lettre.txt", fingerprints=[FP_A])])
    moved = verdict("new", 2, relative_path="b/lettre.txt", previous_file_id="old", event_kind="moved")
    assert index.write([moved])[0].ok
    assert index.get("old") is None and index.get("new") == moved
    assert ids(index.search(SearchQuery(fingerprints=[FP_A]))) == []
    # a late upsert of the old path (older than the move) cannot bring it back
    assert index.write([verdict("old", 1, relative_path="a/lettre.txt")])[0].skipped_stale
    assert index.count() == 1


def test_a_move_does_not_drop_a_newer_version_of_the_old_id(index: SqliteIndex) -> None:
    index.write([verdict("old", 9)])
    index.write([verdict("new", 5, previous_file_id="old", event_kind="moved")])
    assert index.get("old") is not None and index.get("new") is not None


def test_write_is_durable_when_it_returns(index: SqliteIndex, tmp_path: Path) -> None:
    index.write([verdict("a", 1)])
    other = SqliteIndex(tmp_path / "index.db")  # a second connection, as another process would open it
    try:
        assert other.count() == 1
        assert other._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert other._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        other.close()


def test_text_words_follow_the_latest_version(index: SqliteIndex) -> None:
    index.write([verdict("a", 1, terms=["compte", "rendu", "opératoire"])])
    assert ids(index.search(SearchQuery(text="operatoire"))) == ["a"]
    index.write([verdict("a", 2, terms=["bilan", "sanguin"])])
    assert index.search(SearchQuery(text="operatoire")) == []
    assert ids(index.search(SearchQuery(text="bilan sanguin"))) == ["a"]
    index.write([verdict("a", 3, deleted=True)])
    assert index.search(SearchQuery(text="bilan")) == []


def test_only_the_set_of_words_is_stored_not_the_text(index: SqliteIndex) -> None:
    index.write([verdict("a", 1, terms=["compte", "rendu", "opératoire"])])
    conn = sqlite3.connect(index.path)
    try:
        [(stored,)] = conn.execute("SELECT words FROM files").fetchall()
    finally:
        conn.close()
    assert stored == "a compte operatoire rendu share srv txt unknown"


def test_an_unusable_path_is_an_infrastructure_error(tmp_path: Path) -> None:
    (tmp_path / "index.db").mkdir()
    with pytest.raises(InfrastructureError):
        SqliteIndex(tmp_path / "index.db")


def test_an_index_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "index.db")
    conn.execute("PRAGMA user_version=99")
    conn.close()
    with pytest.raises(ConfigError, match="schema version 99"):
        SqliteIndex(tmp_path / "index.db")


def test_duplicates_of_counts_other_live_files(index: SqliteIndex) -> None:
    h = "sha256:" + "1" * 64
    index.write([verdict("a", 1, content_hash=h), verdict("b", 1, content_hash=h), verdict("c", 1, content_hash=h)])
    assert index.duplicates_of(h, "a") == 2
    assert index.duplicates_of(h, "z") == 3
    index.write([verdict("b", 2, deleted=True, event_kind="deleted")])
    assert index.duplicates_of(h, "a") == 1
    assert index.duplicates_of("sha256:" + "2" * 64, "a") == 0
    assert index.duplicates_of(None, "a") == 0


# -- search --------------------------------------------------------------------------------------------------------


@pytest.fixture
def filled(index: SqliteIndex) -> SqliteIndex:
    index.write(
        [
            verdict(
                "cr",
                relative_path="Cardiologie/2019/CR_Hospitalisation_Dupont.docx",
                format="docx",
                health_data=True,
                personal_data=True,
                identifiers={"NIR": 1, "IPP": 2},
                clinical={"ICD10": 3},
                samples=["NIR 1 84 12 ** *** *** 57"],
                fingerprints=[FP_A],
                sensitivity=90,
                dark_score=80,
                mtime=NOW - timedelta(days=3 * 365),
                owner="alice",
                size=2048,
                terms=["Douleur", "à", "l", "épaule", "gauche"],
            ),
            verdict(
                "lab",
                relative_path="Labo/export_glycemie.csv",
                format="csv",
                personal_data=True,
                identifiers={"IPP": 40},
                fingerprints=[FP_A, FP_B],
                sensitivity=60,
                dark_score=55,
                mtime=NOW - timedelta(days=30),
                owner="bob",
                size=100,
            ),
            verdict(
                "menu",
                relative_path="Cuisine/menu.txt",
                format="text",
                sensitivity=0,
                dark_score=5,
                owner="alice",
                errors=[ErrorNote(code="corrupt", message="fichier tronqué")],
                terms=["Rôti", "de", "porc", "purée", "et", "compote"],
            ),
            verdict("abc", relative_path="Cardiologie/ab/x.txt", dark_score=5),
        ],
    )
    return index


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hospitalisation", ["cr"]),  # a file-name word, lower case
        ("HOSPITALISATION cardiologie", ["cr"]),  # AND of words, folder word too
        ("epaule", ["cr"]),  # a word of the (masked) text, without its accent
        ("Épaule", ["cr"]),
        ("puree", ["menu"]),
        ("glycemie", ["lab"]),
        ("docx", ["cr"]),  # the format
        ("icd10", ["cr"]),  # a clinical type name
        ("nir", ["cr"]),  # identifier type / masked sample
        ("tronque", ["menu"]),  # an error message
        ("epaule menu", []),  # every word must match
        ("hospit", []),  # exact words, not prefixes
    ],
)
def test_search_by_words(filled: SqliteIndex, text: str, expected: list[str]) -> None:
    assert ids(filled.search(SearchQuery(text=text))) == expected


@pytest.mark.parametrize(
    "text", ['"', "NIR:", 'NIR:"', "AND", "OR NOT", "*", "(", ")", "a OR", "NEAR(", "^", "-", "'; DROP TABLE files; --"]
)
def test_hostile_queries_do_not_crash(filled: SqliteIndex, text: str) -> None:
    filled.search(SearchQuery(text=text))  # no exception is the point; results depend on the words left


def test_match_expression_quotes_every_word() -> None:
    assert match_expression('NIR: "x" AND épaule*') == '"and" "epaule" "nir" "x"'
    assert match_expression('" : * ( )') is None
    assert words(["Épaule ÉPAULE_gauche-2"]) == ["2", "epaule", "gauche"]


def test_search_orders_by_dark_score_then_path(filled: SqliteIndex) -> None:
    assert ids(filled.search(SearchQuery())) == ["cr", "lab", "abc", "menu"]
    assert ids(filled.search(SearchQuery(limit=2))) == ["cr", "lab"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (SearchQuery(identifiers=["NIR"]), ["cr"]),
        (SearchQuery(identifiers=["NIR", "IPP"]), ["cr", "lab"]),
        (SearchQuery(identifiers=["IBAN"]), []),
        (SearchQuery(fingerprints=[FP_A]), ["cr", "lab"]),
        (SearchQuery(fingerprints=[FP_B]), ["lab"]),
        (SearchQuery(fingerprints=["NIR:" + "c" * 64]), []),
        (SearchQuery(health_only=True), ["cr"]),
        (SearchQuery(personal_only=True), ["cr", "lab"]),
        (SearchQuery(owner="alice"), ["cr", "menu"]),
        (SearchQuery(min_sensitivity=60), ["cr", "lab"]),
        (SearchQuery(format="csv"), ["lab"]),
        (SearchQuery(folder="Cardiologie"), ["cr", "abc"]),
        (SearchQuery(folder="/srv/share/Cardiologie/"), ["cr", "abc"]),
        (SearchQuery(folder="Cardiologie/2019"), ["cr"]),
        (SearchQuery(folder="Cardio"), []),  # a folder is a whole path component
        (SearchQuery(folder="/srv/share/Cardiologie/a"), []),  # /ab/ is not under /a
        (SearchQuery(owner="alice", identifiers=["NIR"], text="epaule"), ["cr"]),
        (SearchQuery(owner="bob", health_only=True), []),
    ],
)
def test_search_filters(filled: SqliteIndex, query: SearchQuery, expected: list[str]) -> None:
    assert ids(filled.search(query)) == expected


def test_older_than_uses_mtime_and_skips_unknown(filled: SqliteIndex) -> None:
    # the fixture's mtimes are relative to NOW (2026-06-01); the filter is relative to the real clock
    age_of_lab = (datetime.now(UTC) - (NOW - timedelta(days=30))).days
    assert ids(filled.search(SearchQuery(older_than_days=age_of_lab - 2))) == ["cr", "lab"]
    assert ids(filled.search(SearchQuery(older_than_days=age_of_lab + 2))) == ["cr"]


def test_a_windows_folder_filter(index: SqliteIndex) -> None:
    index.write(
        [
            verdict("w", path="D:\\Partage\\Urgences\\cr.txt", root="D:\\Partage", relative_path="Urgences\\cr.txt"),
            verdict("x", path="D:\\Partage\\Urgences2\\cr.txt", root="D:\\Partage", relative_path="Urgences2\\cr.txt"),
        ]
    )
    assert ids(index.search(SearchQuery(folder="D:\\Partage\\Urgences"))) == ["w"]
    assert ids(index.search(SearchQuery(folder="Urgences"))) == ["w"]
    assert ids(index.search(SearchQuery(text="urgences"))) == ["w"]


def test_reopening_keeps_everything(filled: SqliteIndex, tmp_path: Path) -> None:
    filled.close()
    again = SqliteIndex(tmp_path / "index.db")
    try:
        assert again.count() == 4
        assert ids(again.search(SearchQuery(text="epaule"))) == ["cr"]
    finally:
        again.close()


# -- report --------------------------------------------------------------------------------------------------------


def test_report_figures_on_a_known_set(filled: SqliteIndex) -> None:
    filled.write([verdict("gone", 1, size=10**6, health_data=True), verdict("gone", 2, deleted=True)])
    report = filled.report(now=NOW, top=10)
    assert (report.backend, report.generated_at, report.files, report.bytes) == ("embedded", NOW, 4, 2148)
    assert (report.health_files, report.personal_files, report.files_with_errors) == (1, 2, 1)

    def table(buckets: list[Any]) -> list[tuple[str, int, int, int, float]]:
        return [(b.key, b.files, b.bytes, b.health_files, b.dark_score) for b in buckets]

    assert table(report.by_sensitivity) == [
        ("none", 2, 0, 0, 5.0),
        ("low", 0, 0, 0, 0.0),
        ("medium", 0, 0, 0, 0.0),
        ("high", 1, 100, 0, 55.0),
        ("critical", 1, 2048, 1, 80.0),
    ]
    assert table(report.by_age) == [
        ("<1y", 1, 100, 0, 55.0),
        ("1-5y", 1, 2048, 1, 80.0),
        ("5-10y", 0, 0, 0, 0.0),
        ("10-20y", 0, 0, 0, 0.0),
        (">20y", 0, 0, 0, 0.0),
        ("unknown", 2, 0, 0, 5.0),
    ]
    assert table(report.by_format) == [
        ("csv", 1, 100, 0, 55.0),
        ("docx", 1, 2048, 1, 80.0),
        ("text", 1, 0, 0, 5.0),
        ("unknown", 1, 0, 0, 5.0),
    ]
    assert table(report.by_identifier) == [("IPP", 2, 2148, 1, 67.5), ("NIR", 1, 2048, 1, 80.0)]
    assert table(report.by_owner) == [("alice", 2, 2048, 1, 42.5), ("bob", 1, 100, 0, 55.0)]
    assert table(report.top_folders) == [
        ("/srv/share/Cardiologie/2019", 1, 2048, 1, 80.0),
        ("/srv/share/Labo", 1, 100, 0, 55.0),
        ("/srv/share/Cardiologie/ab", 1, 0, 0, 5.0),
        ("/srv/share/Cuisine", 1, 0, 0, 5.0),
    ]
    assert [b.key for b in filled.report(now=NOW, top=1).top_folders] == ["/srv/share/Cardiologie/2019"]
    assert [b.key for b in filled.report(now=NOW, top=1).by_owner] == ["alice"]


@pytest.mark.parametrize(
    ("age_days", "bucket"),
    [(-5, "<1y"), (365, "<1y"), (366, "1-5y"), (5 * 365.25 + 1, "5-10y"), (15 * 365, "10-20y"), (21 * 365, ">20y")],
)
def test_report_age_buckets(index: SqliteIndex, age_days: float, bucket: str) -> None:
    index.write([verdict("a", mtime=NOW - timedelta(days=age_days))])
    assert [b.key for b in index.report(now=NOW).by_age if b.files] == [bucket]


def test_report_of_an_empty_index(index: SqliteIndex) -> None:
    report = index.report(now=NOW)
    assert report.files == 0 and report.by_sensitivity == [] and report.top_folders == []


@pytest.mark.parametrize("seed", range(5))
def test_random_histories_match_a_one_by_one_model(index: SqliteIndex, seed: int) -> None:
    """Upserts, deletes and moves in random order and random batches end as if written one at a time, and the
    full-text index holds exactly the words of the live versions (a wrong contentless delete would leave some)."""
    import random

    rng = random.Random(seed)
    files = [f"f{i}" for i in range(6)]
    history: list[FileVerdict] = []
    for n in range(120):
        fid, seq = rng.choice(files), rng.randint(0, 40)
        kind = rng.random()
        if kind < 0.2:
            history.append(verdict(fid, seq, deleted=True, event_kind="deleted"))
        elif kind < 0.3:
            history.append(verdict(fid, seq, previous_file_id=rng.choice(files), event_kind="moved"))
        else:
            history.append(verdict(fid, seq, reasons=[f"mot{n}"], fingerprints=[f"NIR:{n:064x}"]))
    model: dict[str, tuple[int, FileVerdict | None]] = {}
    for v in history:
        if v.file_id in model and v.sequence < model[v.file_id][0]:
            continue
        model[v.file_id] = (v.sequence, None if v.deleted else v)
        old = v.previous_file_id
        if old and old != v.file_id and (old not in model or v.sequence >= model[old][0]):
            model[old] = (v.sequence, None)
    start = 0
    while start < len(history):
        size = rng.randint(1, 15)
        index.write(history[start : start + size])
        start += size
    for fid in files:
        expected = model.get(fid, (0, None))[1]
        assert index.get(fid) == expected
    live = {v.file_id: v for _, v in model.values() if v is not None}
    assert index.count() == len(live)
    for n in range(120):
        holders = sorted(fid for fid, v in live.items() if f"mot{n}" in v.reasons)
        assert sorted(ids(index.search(SearchQuery(text=f"mot{n}")))) == holders
        assert sorted(ids(index.search(SearchQuery(fingerprints=[f"NIR:{n:064x}"])))) == holders
        raw = index._conn.execute("SELECT count(*) FROM file_words WHERE file_words MATCH ?", (f'"mot{n}"',))
        assert raw.fetchone()[0] == len(holders)  # no entry left behind by a replaced or deleted version

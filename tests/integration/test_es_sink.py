"""The Elasticsearch sink and reader against a real node: idempotence, versions, tombstones, search, report."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from lanterne.events.models import EventKind
from lanterne.index.base import SearchQuery
from lanterne.index.elasticsearch import ElasticsearchIndex
from tests.integration.es_corpus import NOW, history, verdict

pytestmark = pytest.mark.integration


def sources(index: ElasticsearchIndex) -> dict[str, dict]:
    index.refresh()
    hits = index.client.search(index=index.index, size=10_000, version=True, query={"match_all": {}})
    return {h["_id"]: {"version": h["_version"], **h["_source"]} for h in hits["hits"]["hits"]}


def test_same_batch_twice_gives_the_same_documents(es_index: ElasticsearchIndex) -> None:
    batch = history(40, seed=1).deliveries
    first = es_index.write(batch)
    before = sources(es_index)
    again = es_index.write(batch)
    assert all(r.ok for r in first + again)
    assert sources(es_index) == before
    assert all(r.skipped_stale is False or r.ok for r in again)


def test_out_of_order_and_replayed_verdicts_never_overwrite_a_newer_one(es_index: ElasticsearchIndex) -> None:
    rng = random.Random(3)
    newer = verdict("f1", 10, rng, sensitivity=90, event_kind=EventKind.MODIFIED)
    older = verdict("f1", 4, rng, sensitivity=5)
    assert es_index.write([newer])[0].ok
    result = es_index.write([older])[0]
    assert result.ok and result.skipped_stale
    both = es_index.write([verdict("f2", 8, rng, format="pdf"), verdict("f2", 2, rng, format="csv")])
    assert [r.skipped_stale for r in both] == [False, True]
    assert es_index.get("f1") == newer
    assert es_index.get("f2").format == "pdf"  # type: ignore[union-attr]


def test_a_deleted_file_stays_deleted_after_gc_deletes(es_index: ElasticsearchIndex) -> None:
    """With real deletes, an older verdict arriving after index.gc_deletes would resurrect the file; the
    tombstone keeps its version, so it does not, even with gc_deletes at zero."""
    es_index.client.indices.put_settings(index=es_index.index, settings={"index.gc_deletes": "0s"})
    rng = random.Random(4)
    alive = verdict("f1", 3, rng)
    es_index.write([alive])
    gone = alive.model_copy(update={"deleted": True, "event_kind": EventKind.DELETED, "sequence": 6})
    assert es_index.write([gone])[0].ok
    es_index.refresh()
    assert es_index.get("f1") is None and es_index.count() == 0
    late = es_index.write([alive])[0]
    es_index.refresh()
    assert late.skipped_stale and es_index.get("f1") is None and es_index.count() == 0
    assert es_index.search(SearchQuery()) == []


def test_a_move_hides_the_old_path_and_a_late_verdict_for_it(es_index: ElasticsearchIndex) -> None:
    rng = random.Random(5)
    old = verdict("old", 2, rng)
    es_index.write([old])
    moved = verdict("new", 7, rng, event_kind=EventKind.MOVED, previous_file_id="old")
    assert es_index.write([moved])[0].ok
    assert es_index.write([old])[0].skipped_stale
    es_index.refresh()
    assert es_index.get("old") is None and es_index.get("new") == moved
    assert [v.file_id for v in es_index.search(SearchQuery())] == ["new"]


def test_a_whole_history_ends_in_the_expected_state(es_index: ElasticsearchIndex) -> None:
    h = history(300, seed=2)
    for start in range(0, len(h.deliveries), 97):  # batches that cut through each file's history
        assert all(r.ok for r in es_index.write(h.deliveries[start : start + 97]))
    es_index.refresh()
    live = h.live()
    assert es_index.count() == len(live)
    assert {v.file_id: v for v in es_index.search(SearchQuery(limit=10_000))} == live


def test_search_filters(es_index: ElasticsearchIndex) -> None:
    rng = random.Random(6)
    docs = [
        verdict(
            "a",
            1,
            rng,
            path="/srv/partage/Cardiologie/Échographie_2019.pdf",
            relative_path="Cardiologie/Échographie_2019.pdf",
            owner="amartin",
            identifiers={"NIR": 1},
            fingerprints=["NIR:aa"],
            health_data=True,
            personal_data=True,
            sensitivity=80,
            format="pdf",
            mtime=NOW - timedelta(days=400, hours=12),
        ),
        verdict(
            "b",
            1,
            rng,
            path="/srv/partage/Cardiologie2/x.csv",
            relative_path="Cardiologie2/x.csv",
            owner="bdurand",
            identifiers={"IPP": 2},
            fingerprints=["IPP:bb"],
            health_data=False,
            personal_data=True,
            sensitivity=30,
            format="csv",
            mtime=NOW - timedelta(days=10, hours=12),
        ),
        verdict(
            "c",
            1,
            rng,
            path="/srv/partage/Cardiologie/sous/echographie.txt",
            relative_path="Cardiologie/sous/echographie.txt",
            owner="amartin",
            identifiers={},
            fingerprints=[],
            health_data=False,
            personal_data=False,
            sensitivity=0,
            format="text",
            mtime=None,
        ),
    ]
    es_index.write(docs)
    es_index.refresh()

    def ids(**q: object) -> set[str]:
        return {v.file_id for v in es_index.search(SearchQuery(**q))}

    assert ids(text="ECHOGRAPHIE") == {"a", "c"}  # case and accents folded, words cut at '_' and '/'
    assert ids(text="echographie 2019") == {"a"}  # every word must match
    assert ids(folder="/srv/partage/Cardiologie") == {"a", "c"}  # not Cardiologie2
    assert ids(folder="Cardiologie/") == {"a", "c"}  # relative to the root
    assert ids(owner="amartin", health_only=True) == {"a"}
    assert ids(identifiers=["IPP", "INS"]) == {"b"}
    assert ids(fingerprints=["NIR:aa", "IPP:zz"]) == {"a"}
    assert ids(older_than_days=365) == {"a"}
    assert ids(min_sensitivity=30) == {"a", "b"}
    assert ids(format="csv", personal_only=True) == {"b"}
    assert len(es_index.search(SearchQuery(limit=2))) == 2


def test_report_numbers(es_index: ElasticsearchIndex) -> None:
    h = history(200, seed=8)
    es_index.write(h.deliveries)
    es_index.refresh()
    live = list(h.live().values())
    now = datetime.now(UTC)
    report = es_index.report(now=now, top=5)
    assert report.files == len(live)
    assert report.bytes == sum(v.size or 0 for v in live)
    assert report.health_files == sum(v.health_data for v in live)
    assert report.files_with_errors == sum(bool(v.errors) for v in live)
    assert sum(b.files for b in report.by_sensitivity) == len(live)
    assert sum(b.files for b in report.by_age) == len(live)
    unknown = next(b for b in report.by_age if b.key == "unknown")
    assert unknown.files == sum(v.mtime is None for v in live)
    old = next(b for b in report.by_age if b.key == ">20y")
    assert old.files == sum(1 for v in live if v.mtime and (now - v.mtime).days > 20 * 365.25)
    nir = next(b for b in report.by_identifier if b.key == "NIR")
    assert nir.files == sum(1 for v in live if v.identifiers.get("NIR"))
    assert len(report.top_folders) <= 5
    means = [b.dark_score for b in report.top_folders]
    assert means == sorted(means, reverse=True)


def test_tombstones_are_purged_after_their_time(es_index: ElasticsearchIndex) -> None:
    rng = random.Random(9)
    v = verdict("f1", 1, rng)
    es_index.write([v, verdict("f2", 1, rng)])
    es_index.write([v.model_copy(update={"deleted": True, "sequence": 2})])
    assert es_index.purge_tombstones(older_than=timedelta(days=1)) == 0
    assert es_index.purge_tombstones(older_than=timedelta(seconds=0)) == 1
    assert set(sources(es_index)) == {"f2"}


def test_ensure_index_is_idempotent_and_keeps_the_documents(es_index: ElasticsearchIndex) -> None:
    h = history(20, seed=10)
    es_index.write(h.deliveries)
    es_index.ensure_index()
    es_index.ensure_index()
    es_index.refresh()
    assert es_index.count() == len(h.live()) > 0

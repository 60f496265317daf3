"""Elasticsearch and the embedded index, fed the same verdicts, answer the same searches and reports."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from lanterne.index.base import Report, SearchQuery
from lanterne.index.elasticsearch import ElasticsearchIndex
from lanterne.index.sqlite import SqliteIndex
from tests.integration.es_corpus import FOLDERS, ROOT, history

pytestmark = pytest.mark.integration

QUERIES = [
    SearchQuery(limit=10_000),
    SearchQuery(text="echographie", limit=10_000),
    SearchQuery(text="Compte rendu", limit=10_000),
    SearchQuery(text="NIR", limit=10_000),
    SearchQuery(text="endommagée pdf", limit=10_000),
    SearchQuery(health_only=True, limit=10_000),
    SearchQuery(personal_only=True, min_sensitivity=50, limit=10_000),
    SearchQuery(identifiers=["NIR", "INS"], limit=10_000),
    SearchQuery(older_than_days=5 * 365, limit=10_000),
    SearchQuery(folder=f"{ROOT}/{FOLDERS[0].split('/')[0]}", limit=10_000),
    SearchQuery(folder=FOLDERS[2], limit=10_000),
    SearchQuery(owner="amartin", format="pdf", limit=10_000),
    SearchQuery(min_sensitivity=85, limit=7),
    SearchQuery(limit=25),
]


def comparable(report: Report) -> dict:
    return report.model_dump(exclude={"generated_at", "backend"})


def test_same_verdicts_same_searches_and_report(es_index: ElasticsearchIndex, tmp_path: Path) -> None:
    h = history(600, seed=31)
    embedded = SqliteIndex(tmp_path / "index.db")
    try:
        for start in range(0, len(h.deliveries), 250):
            batch = h.deliveries[start : start + 250]
            assert es_index.write(batch) == embedded.write(batch)
        es_index.refresh()
        assert es_index.count() == embedded.count() == len(h.live())
        fingerprint = next(fp for v in h.live().values() for fp in v.fingerprints)
        for query in [*QUERIES, SearchQuery(fingerprints=[fingerprint, "NIR:00"], limit=10_000)]:
            es_ids = [v.file_id for v in es_index.search(query)]
            embedded_ids = [v.file_id for v in embedded.search(query)]
            assert es_ids == embedded_ids, query
            assert es_ids or query.text, f"the corpus should give {query} some hits"
        sample = next(iter(h.live()))
        assert es_index.get(sample) == embedded.get(sample)
        now = datetime.now(UTC)
        for top in (3, 10):
            assert comparable(es_index.report(now=now, top=top)) == comparable(embedded.report(now=now, top=top))
    finally:
        embedded.close()

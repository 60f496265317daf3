"""The event-history data stream on the real local node (integ-test zip: no ILM): one document per verdict event,
none twice after replays, and a start that succeeds without a lifecycle and says so once.

The local node cannot delete a data stream (no ``_data_stream`` API), so every test shares ``TEST_HISTORY_STREAM``
and tells its documents apart by file ids unique to the test run."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from lanterne.events.models import FileVerdict
from lanterne.index.elasticsearch import ElasticsearchIndex
from lanterne.index.es_history import NO_ILM_WARNING, history_document, history_id
from lanterne.settings import ElasticsearchSettings, KafkaSettings
from tests.integration.es_corpus import history
from tests.integration.es_support import TEST_HISTORY_STREAM
from tests.integration.test_es_indexer import committed_lag, produce

pytestmark = pytest.mark.integration


def unique(deliveries: list[FileVerdict]) -> list[FileVerdict]:
    """The same verdicts under file ids no other test run used."""
    run = uuid.uuid4().hex[:8]

    def rename(file_id: str | None) -> str | None:
        return f"{run}-{file_id}" if file_id else None

    return [
        v.model_copy(update={"file_id": rename(v.file_id), "previous_file_id": rename(v.previous_file_id)})
        for v in deliveries
    ]


def stored(index: ElasticsearchIndex, deliveries: list[FileVerdict]) -> dict[str, dict[str, Any]]:
    """The history documents of these verdicts' files, by ``_id`` (fails if an id is there twice, e.g. in two
    backing indices)."""
    assert index.history and index.client is not None
    index.refresh()
    query = {"terms": {"file_id": sorted({v.file_id for v in deliveries})}}
    hits = index.client.search(index=index.history, size=10_000, query=query)["hits"]["hits"]
    ids = [h["_id"] for h in hits]
    assert len(ids) == len(set(ids))
    return {h["_id"]: h["_source"] for h in hits}


def expected(deliveries: list[FileVerdict]) -> dict[str, dict[str, Any]]:
    """The first delivery of each (file, sequence) is the one the history keeps."""
    out: dict[str, dict[str, Any]] = {}
    for v in deliveries:
        out.setdefault(history_id(v), json.loads(json.dumps(history_document(v))))
    return out


@pytest.fixture
def fresh(es_settings: ElasticsearchSettings) -> Iterator[ElasticsearchIndex]:
    """An index that does not exist yet (the start under test creates it); removed after."""
    name = f"lanterne-test-{uuid.uuid4().hex[:10]}"
    index = ElasticsearchIndex(es_settings.model_copy(update={"index": name, "history_stream": TEST_HISTORY_STREAM}))
    yield index
    client = index.client.options(ignore_status=404)  # type: ignore[union-attr]
    client.indices.delete(index=name)
    client.indices.delete_index_template(name=name)
    index.close()


def test_start_without_ilm_succeeds_warns_once_and_appends_to_a_data_stream(
    fresh: ElasticsearchIndex, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="lanterne.index.es_history")
    fresh.ensure_index()
    fresh.ensure_index()  # called again by the same process: idempotent, no second warning
    assert [r.getMessage() for r in caplog.records].count(NO_ILM_WARNING) == 1
    client = fresh.client
    assert client is not None
    template = client.indices.get_index_template(name=TEST_HISTORY_STREAM)["index_templates"][0]["index_template"]
    assert "data_stream" in template
    assert "lifecycle" not in json.dumps(template["template"].get("settings", {}))

    h = unique(history(5, seed=50).deliveries)
    assert all(r.ok for r in fresh.write(h))  # the first append creates the stream, if no test did before
    assert stored(fresh, h) == expected(h)
    backing = client.indices.get(index=TEST_HISTORY_STREAM)
    assert backing and all(name.startswith(f".ds-{TEST_HISTORY_STREAM}-") for name in backing)  # a data stream

    caplog.clear()
    again = ElasticsearchIndex(fresh.settings)  # a restarted indexer, on the stream that now exists
    again.ensure_index()
    again.close()
    assert [r.getMessage() for r in caplog.records].count(NO_ILM_WARNING) == 1


def test_every_verdict_is_appended_once_even_when_replayed(es_index: ElasticsearchIndex) -> None:
    h = unique(history(120, seed=51).deliveries)  # updates, deletions, moves, replays and late older verdicts
    for start in range(0, len(h), 50):
        assert all(r.ok for r in es_index.write(h[start : start + 50]))
    want = expected(h)
    assert len(want) < len(h)  # the corpus does replay some verdicts
    assert stored(es_index, h) == want

    assert all(r.ok for r in es_index.write(h))  # a whole replay (an indexer restarted from offset 0)
    assert stored(es_index, h) == want


def test_indexer_command_fills_the_history(
    es_index: ElasticsearchIndex, es_verdicts_topic: KafkaSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import typer
    from typer.testing import CliRunner

    from lanterne.cli.distributed_es import indexer

    app = typer.Typer()
    app.command()(indexer)
    h = unique(history(40, seed=52).deliveries)
    produce(es_verdicts_topic, h)
    for name, value in {
        "LANTERNE_KAFKA__BOOTSTRAP_SERVERS": es_verdicts_topic.bootstrap_servers,
        "LANTERNE_KAFKA__VERDICTS_TOPIC": es_verdicts_topic.verdicts_topic,
        "LANTERNE_ELASTICSEARCH__HOSTS": json.dumps(es_index.settings.hosts),
        "LANTERNE_ELASTICSEARCH__INDEX": es_index.index,
        "LANTERNE_ELASTICSEARCH__HISTORY_STREAM": TEST_HISTORY_STREAM,
    }.items():
        monkeypatch.setenv(name, value)
    group = f"lanterne-test-history-{uuid.uuid4().hex[:8]}"
    result = CliRunner().invoke(app, ["--group", group, "--batch-size", "25", "--idle-exit", "3"])
    assert result.exit_code == 0, result.output
    assert committed_lag(es_verdicts_topic, group) == 0
    assert stored(es_index, h) == expected(h)

"""The indexer between a real Kafka and a real Elasticsearch: Elasticsearch stopped and restarted under it, and
still every file ends up indexed once, in its latest state, with every offset committed."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable

import pytest

from lanterne.bus.kafka_config import producer_config
from lanterne.events.models import FileVerdict
from lanterne.index.base import SearchQuery
from lanterne.index.elasticsearch import ElasticsearchIndex, RetryPolicy
from lanterne.indexer.kafka_source import KafkaVerdictSource
from lanterne.indexer.runner import Indexer
from lanterne.settings import KafkaSettings
from tests.integration.es_corpus import History, history

pytestmark = pytest.mark.integration


def produce(settings: KafkaSettings, verdicts: list[FileVerdict]) -> None:
    from kafka import KafkaProducer

    producer = KafkaProducer(**producer_config(settings, "lanterne-test"))
    try:
        for v in verdicts:
            producer.send(settings.verdicts_topic, key=v.file_id.encode(), value=v.model_dump_json().encode())
        producer.flush(timeout=60)
    finally:
        producer.close(timeout=10)


def wait_for(predicate: Callable[[], bool], what: str, timeout: float = 180.0) -> None:
    """Poll until ``predicate`` holds; a bound on waiting, not a speed assertion."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.5)


def committed_lag(settings: KafkaSettings, group: str) -> int:
    """Records of the topic not yet committed by ``group`` (a consumer of the group that only reads offsets)."""
    from kafka import KafkaConsumer, TopicPartition

    from lanterne.bus.kafka_config import client_config

    consumer = KafkaConsumer(**client_config(settings, "lanterne-test-lag"), group_id=group, enable_auto_commit=False)
    try:
        topic = settings.verdicts_topic
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        ends = consumer.end_offsets(partitions)
        return sum(end - (consumer.committed(tp) or 0) for tp, end in ends.items())
    finally:
        consumer.close(autocommit=False)


def assert_index_matches(index: ElasticsearchIndex, h: History) -> None:
    index.refresh()
    live = h.live()
    assert index.count() == len(live)
    stored = {v.file_id: v for v in index.search(SearchQuery(limit=10_000))}
    assert stored == live  # each file once, in its latest state; deleted and moved-away ones absent


@pytest.mark.slow
def test_elasticsearch_restart_under_the_indexer_loses_and_duplicates_nothing(
    es_index: ElasticsearchIndex, es_verdicts_topic: KafkaSettings, es_node: Callable[[str], None]
) -> None:
    kafka = es_verdicts_topic
    group = f"lanterne-test-indexer-{uuid.uuid4().hex[:8]}"
    first = history(400, seed=21)
    second = history(400, seed=22, start_sequence=10_000)  # new files, plus later versions of the first ones
    for v in list(first.live().values())[::3]:
        second.apply(v.model_copy(update={"sequence": v.sequence + 20_000, "dark_score": 99}))
    expected = History()
    for v in first.deliveries + second.deliveries:
        expected.apply(v)

    index = ElasticsearchIndex(es_index.settings, retry=RetryPolicy(attempts=2, initial_s=0.2, max_s=0.5))
    source = KafkaVerdictSource(kafka, group_id=group)
    indexer = Indexer(source, index, batch_size=100, poll_timeout_s=0.5, backoff_initial_s=0.5, backoff_max_s=4)
    stop = threading.Event()
    thread = threading.Thread(target=indexer.run, args=(stop,), daemon=True)
    thread.start()
    try:
        produce(kafka, first.deliveries)
        wait_for(lambda: indexer.stats.records == len(first.deliveries), "the first wave to be indexed")
        assert_index_matches(index, first)

        es_node("stop")
        produce(kafka, second.deliveries)
        wait_for(lambda: indexer.stats.write_retries > 0, "the indexer to meet the stopped node")
        assert indexer.stats.records == len(first.deliveries)  # nothing committed while the node is down
        assert committed_lag(kafka, group) > 0
        es_node("start")

        total = len(first.deliveries) + len(second.deliveries)
        wait_for(lambda: indexer.stats.records == total, "the second wave to be indexed after the restart")
    finally:
        stop.set()
        thread.join(timeout=60)
        source.close()
    assert not thread.is_alive()
    assert indexer.stats.dead_lettered == 0
    assert committed_lag(kafka, group) == 0
    assert_index_matches(index, expected)
    index.close()


def test_indexer_command_indexes_the_topic_then_stops_when_idle(
    es_index: ElasticsearchIndex, es_verdicts_topic: KafkaSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import typer
    from typer.testing import CliRunner

    from lanterne.cli.distributed_es import indexer

    app = typer.Typer()
    app.command()(indexer)
    h = history(60, seed=41)
    produce(es_verdicts_topic, h.deliveries)
    for name, value in {
        "LANTERNE_KAFKA__BOOTSTRAP_SERVERS": es_verdicts_topic.bootstrap_servers,
        "LANTERNE_KAFKA__VERDICTS_TOPIC": es_verdicts_topic.verdicts_topic,
        "LANTERNE_ELASTICSEARCH__HOSTS": json.dumps(es_index.settings.hosts),
        "LANTERNE_ELASTICSEARCH__INDEX": es_index.index,
        "LANTERNE_ELASTICSEARCH__HISTORY_STREAM": es_index.history,
    }.items():
        monkeypatch.setenv(name, value)
    group = f"lanterne-test-cli-{uuid.uuid4().hex[:8]}"
    result = CliRunner().invoke(app, ["--group", group, "--batch-size", "25", "--idle-exit", "3"])
    assert result.exit_code == 0, result.output
    assert f"{len(h.deliveries)} verdicts" in result.output
    assert committed_lag(es_verdicts_topic, group) == 0
    assert_index_matches(es_index, h)

"""Elasticsearch fixtures for the integration tests (re-exported by conftest.py).

Settings come from the LANTERNE_* environment (infra/local/up writes them to /tmp/lanterne-infra/env), falling
back to the local node on 127.0.0.1:9200. Every test gets its own index, deleted (with its template) afterwards.
A node that is not reachable FAILS the test with the command to run; these tests never skip.
"""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from lanterne.index.elasticsearch import ElasticsearchIndex, build_client
from lanterne.settings import ElasticsearchSettings, KafkaSettings

TEST_HISTORY_STREAM = "lanterne-test-history"
INFRA_CTL = Path(__file__).resolve().parents[2] / "infra" / "local" / "ctl"


@pytest.fixture(scope="session")
def es_settings() -> ElasticsearchSettings:
    """Elasticsearch settings of the local node; fails with a clear message when the node is not reachable."""
    from elasticsearch import ApiError, TransportError

    hosts = os.environ.get("LANTERNE_ELASTICSEARCH__HOSTS", "")
    listed = json.loads(hosts) if hosts.strip().startswith("[") else [h for h in hosts.split(",") if h]
    settings = ElasticsearchSettings(hosts=listed or ["http://127.0.0.1:9200"])
    client = build_client(settings, request_timeout=40)
    try:
        health = client.cluster.health(wait_for_status="yellow", timeout="30s")
    except (TransportError, ApiError) as exc:
        pytest.fail(
            f"Elasticsearch is not reachable at {settings.hosts} ({type(exc).__name__}). "
            "Start the local engines with: infra/local/up",
            pytrace=False,
        )
    finally:
        client.close()
    assert health["status"] in ("green", "yellow"), health
    return settings


@pytest.fixture
def es_index(es_settings: ElasticsearchSettings) -> Iterator[ElasticsearchIndex]:
    """A fresh, empty Lanterne index with a unique name (template applied), removed after the test. Its history goes
    to the one ``TEST_HISTORY_STREAM``: the local node cannot delete a data stream (no ``_data_stream`` API), so a
    stream per test would pile up shards."""
    name = f"lanterne-test-{uuid.uuid4().hex[:10]}"
    index = ElasticsearchIndex(es_settings.model_copy(update={"index": name, "history_stream": TEST_HISTORY_STREAM}))
    index.ensure_index()
    yield index
    try:
        client = index.client.options(ignore_status=404)  # type: ignore[union-attr]
        client.indices.delete(index=name)
        client.indices.delete_index_template(name=name)
    finally:
        index.close()


@pytest.fixture
def es_verdicts_topic() -> KafkaSettings:
    """Kafka settings whose verdicts topic is a fresh 3-partition topic (for the indexer tests); fails when the
    broker is not reachable."""
    from lanterne.bus.topics import TopicSpec, ensure_topics
    from lanterne.errors import InfrastructureError

    bootstrap = os.environ.get("LANTERNE_KAFKA__BOOTSTRAP_SERVERS", "127.0.0.1:9092")
    name = f"lanterne-test-verdicts-{uuid.uuid4().hex[:10]}"
    settings = KafkaSettings(bootstrap_servers=bootstrap, verdicts_topic=name, dead_letter_topic=f"{name}-dlq")
    try:
        ensure_topics(settings, [TopicSpec(name, 3, 1), TopicSpec(f"{name}-dlq", 1, 1)])
    except InfrastructureError as exc:
        pytest.fail(f"Kafka is not reachable at {bootstrap} ({exc}). Start it with: infra/local/up", pytrace=False)
    return settings


@pytest.fixture
def es_node() -> Iterator[Callable[[str], None]]:
    """``es_node("stop")`` / ``es_node("start")`` through infra/local/ctl (the node keeps its data). The node is
    started again after the test whatever happened, so the next tests find it."""

    def ctl(action: str) -> None:
        # the infra lock may be held by another engine's restart: ctl waits for it (up to 10 minutes)
        proc = subprocess.run([str(INFRA_CTL), action, "es"], capture_output=True, text=True, timeout=900)
        assert proc.returncode == 0, f"infra/local/ctl {action} es failed:\n{proc.stderr[-2000:]}"

    yield ctl
    ctl("start")

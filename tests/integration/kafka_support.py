"""Kafka helpers and fixtures for the integration tests (re-exported by conftest.py so every test sees them).

Real Apache Kafka on 127.0.0.1:9092 from infra/local/up; ``infra/local/ctl`` stops and starts it for the outage
tests. Every test gets its own topics and consumer group (uuid suffix), so tests are independent.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from lanterne.bus.kafka import KafkaEventProducer
from lanterne.bus.topics import ensure_topics
from lanterne.events import EventKind, FileEvent, FileVerdict, file_id
from lanterne.settings import Settings

REPO = Path(__file__).resolve().parents[2]
INFRA_ENV = Path(os.environ.get("LANTERNE_INFRA_DIR", "/tmp/lanterne-infra")) / "env"


def infra_env() -> dict[str, str]:
    """``LANTERNE_*`` settings written by infra/local/up (the environment wins when it sets them too)."""
    values: dict[str, str] = {}
    if INFRA_ENV.exists():
        for line in INFRA_ENV.read_text(encoding="utf-8").splitlines():
            if line.startswith("LANTERNE_") and "=" in line:
                key, value = line.split("=", 1)
                values[key] = value.strip("'\"")
    values.update({k: v for k, v in os.environ.items() if k.startswith("LANTERNE_")})
    return values


KAFKA_CTL = REPO / "infra" / "local" / "ctl"


@pytest.fixture(scope="session")
def kafka_bootstrap() -> str:
    """The broker's address; fails (never skips) when no broker answers."""
    from kafka.admin import KafkaAdminClient
    from kafka.errors import KafkaError

    servers = infra_env().get("LANTERNE_KAFKA__BOOTSTRAP_SERVERS", "127.0.0.1:9092")
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=servers.split(","), bootstrap_timeout_ms=10_000, request_timeout_ms=10_000
        )
        admin.list_topics()
        admin.close()
    except KafkaError as exc:
        pytest.fail(f"no Kafka broker at {servers} ({exc!r}): start the engines with infra/local/up", pytrace=False)
    return servers


@pytest.fixture
def kafka_settings(kafka_bootstrap: str, tmp_path: Path) -> Iterator[Settings]:
    """Settings for one test: unique topics and group, 3 partitions, a private state dir; topics deleted after."""
    suffix = uuid.uuid4().hex[:10]
    settings = Settings(
        state_dir=tmp_path / "state",
        log_level="INFO",
        kafka={
            "bootstrap_servers": kafka_bootstrap,
            "events_topic": f"test.{suffix}.file-events",
            "verdicts_topic": f"test.{suffix}.file-verdicts",
            "dead_letter_topic": f"test.{suffix}.dead-letter",
            "processor_group": f"test-{suffix}-processor",
            "partitions": 3,
        },
    )
    yield settings
    delete_topics(settings)


def delete_topics(settings: Settings) -> None:
    """Best effort: a test's topics are unique to it, so leftovers only cost the broker some disk."""
    from kafka.admin import KafkaAdminClient
    from kafka.errors import KafkaError

    from lanterne.bus.kafka_config import client_config
    from lanterne.bus.topics import topic_specs

    try:
        admin = KafkaAdminClient(**client_config(settings.kafka, "lanterne-test-cleanup"))
        try:
            admin.delete_topics([t.name for t in topic_specs(settings.kafka)], raise_errors=False)
        finally:
            admin.close()
    except KafkaError:
        pass


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that gives a subprocess the same settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LANTERNE_")}
    env["LANTERNE_STATE_DIR"] = str(settings.state_dir)
    env["LANTERNE_LOG_LEVEL"] = settings.log_level
    for name, value in settings.kafka.model_dump(exclude_none=True).items():
        env[f"LANTERNE_KAFKA__{name.upper()}"] = str(value)
    # Faust's own environment variables: a SIGKILLed member is evicted after 6 s instead of 60 s, so a restarted
    # worker gets its partitions back quickly; commits every second.
    env.update(BROKER_SESSION_TIMEOUT="6", BROKER_HEARTBEAT_INTERVAL="1", BROKER_COMMIT_INTERVAL="1")
    return env


@dataclass
class KafkaRecord:
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: dict[str, bytes]


def read_topic(
    settings: Settings,
    topic: str,
    *,
    until: int | Callable[[list[KafkaRecord]], bool],
    timeout_s: float = 60.0,
) -> list[KafkaRecord]:
    """Every record of ``topic`` from the beginning, waiting until there are ``until`` of them (or ``until(records)``
    holds), or the timeout."""
    enough = until if callable(until) else (lambda records: len(records) >= until)
    from kafka import KafkaConsumer, TopicPartition

    from lanterne.bus.kafka_config import client_config

    consumer = KafkaConsumer(
        **client_config(settings.kafka, "lanterne-test-reader"), enable_auto_commit=False, group_id=None
    )
    try:
        partitions = [TopicPartition(topic, p) for p in range(settings.kafka.partitions)]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        records: list[KafkaRecord] = []
        deadline = time.monotonic() + timeout_s
        while not enough(records) and time.monotonic() < deadline:
            for batch in consumer.poll(timeout_ms=500).values():
                records += [KafkaRecord(r.partition, r.offset, r.key, r.value, dict(r.headers)) for r in batch]
        return records
    finally:
        consumer.close()


def committed_offsets(settings: Settings) -> dict[int, int]:
    """The processor group's committed offsets on the events topic, per partition (absent = never committed)."""
    from kafka.admin import KafkaAdminClient

    from lanterne.bus.kafka_config import client_config

    admin = KafkaAdminClient(**client_config(settings.kafka, "lanterne-test-admin"))
    try:
        offsets = admin.list_group_offsets(settings.kafka.processor_group).get(settings.kafka.processor_group, {})
    finally:
        admin.close()
    return {
        tp.partition: meta.offset
        for tp, meta in offsets.items()
        if tp.topic == settings.kafka.events_topic and meta.offset >= 0
    }


def kafka_ctl(action: str) -> None:
    """Stop or start the broker with the infra scripts (keeps its data)."""
    subprocess.run([str(KAFKA_CTL), action, "kafka"], check=True, timeout=180, capture_output=True)


class ProcessorProcess:
    """``lanterne processor`` as a subprocess (through tests/integration/kafka_worker.py)."""

    def __init__(self, settings: Settings, log_path: Path, hold: Path | None = None) -> None:
        self._settings = settings
        self._log_path = log_path
        self._hold = hold
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> ProcessorProcess:
        args = [sys.executable, str(Path(__file__).with_name("kafka_worker.py"))]
        if self._hold is not None:
            args += ["--hold", str(self._hold)]
        with self._log_path.open("ab") as log:
            self.proc = subprocess.Popen(args, env=settings_env(self._settings), stdout=log, stderr=log)
        return self

    def kill(self) -> None:
        """SIGKILL: no shutdown, no final commit."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def terminate(self, timeout_s: float = 60.0) -> int:
        """SIGTERM: Faust's graceful stop."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=timeout_s)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)


@pytest.fixture
def processors(kafka_settings: Settings, tmp_path: Path) -> Iterator[list[ProcessorProcess]]:
    """Started processors are registered here and killed at the end of the test whatever happens."""
    started: list[ProcessorProcess] = []
    yield started
    for proc in started:
        proc.stop()


def wait_for(predicate: Callable[[], bool], what: str, timeout_s: float = 120.0) -> None:
    """Poll until ``predicate`` holds; a bound on waiting, not a speed assertion."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


READ_ALL = {"<no such event: read until the timeout>"}


def verdicts_by_event(settings: Settings, expect: set[str], timeout_s: float = 120.0) -> dict[str, FileVerdict]:
    """The verdicts on the topic by event id, read until every expected event has one (or the timeout)."""
    got: dict[str, FileVerdict] = {}

    def complete(records: list[KafkaRecord]) -> bool:
        for r in records[len(seen) :]:
            v = FileVerdict.from_json(r.value or b"")
            got[v.event_id] = v
        seen[:] = records
        return expect <= set(got)

    seen: list[KafkaRecord] = []
    read_topic(settings, settings.kafka.verdicts_topic, until=complete, timeout_s=timeout_s)
    return got


def synthetic_events(n: int, prefix: str = "f") -> list[FileEvent]:
    """Events for files that do not exist on this host: the classifier answers them quickly (with errors)."""
    return [
        FileEvent(
            event_id=f"test-agent:{i}",
            agent_id="test-agent",
            host="h",
            root="/srv/absent",
            path=f"{prefix}{i % 40}.txt",
            file_id=file_id("test-agent", "/srv/absent", f"{prefix}{i % 40}.txt"),
            kind=EventKind.MODIFIED,
            sequence=i,
        )
        for i in range(n)
    ]


def produce(settings: Settings, events: list[FileEvent]) -> None:
    ensure_topics(settings.kafka)
    producer = KafkaEventProducer(settings.kafka, "lanterne-test")
    try:
        producer.append(events)
    finally:
        producer.close()

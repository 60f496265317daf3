"""The outbox → Kafka forwarder, against a fake kafka-python producer: commit-after-ack, spooling, order, retries."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from kafka.errors import KafkaConnectionError, KafkaTimeoutError

from lanterne.bus.kafka import (
    FORWARDER_NAME,
    HEADER_EVENT_KIND,
    HEADER_SCHEMA_VERSION,
    KafkaEventProducer,
    KafkaForwarder,
)
from lanterne.bus.sqlite_log import SqliteLog
from lanterne.errors import InfrastructureError
from lanterne.events import EventKind, FileEvent, file_id
from lanterne.settings import KafkaSettings


class _Future:
    def __init__(self, ok: bool) -> None:
        self._ok = ok

    def succeeded(self) -> bool:
        return self._ok


class FakeBroker:
    """Stands in for the cluster: records what was acknowledged; ``up`` toggles the outage; ``fail`` picks records
    to fail (by value) to simulate partial delivery."""

    def __init__(self) -> None:
        self.up = True
        self.records: list[tuple[str, bytes, bytes, dict[str, bytes]]] = []
        self.fail: Callable[[FileEvent], bool] = lambda _e: False
        self.producers = 0

    def factory(self, **config: Any) -> FakeProducer:
        if not self.up:
            raise KafkaConnectionError("no broker")
        self.producers += 1
        return FakeProducer(self, config)


class FakeProducer:
    def __init__(self, broker: FakeBroker, config: dict[str, Any]) -> None:
        self.broker = broker
        self.config = config

    def send(self, topic: str, key: bytes, value: bytes, headers: list[tuple[str, bytes]]) -> _Future:
        if not self.broker.up:
            raise KafkaTimeoutError("metadata not available")
        event = FileEvent.model_validate_json(value)
        if self.broker.fail(event):
            return _Future(False)
        self.broker.records.append((topic, key, value, dict(headers)))
        return _Future(True)

    def flush(self, timeout: float | None = None) -> None:
        pass

    def close(self, timeout: float | None = None) -> None:
        pass


def _event(seq: int, path: str) -> FileEvent:
    return FileEvent(
        event_id=f"t:{seq}", agent_id="t", host="h", root="/r", path=path,
        file_id=file_id("t", "/r", path), kind=EventKind.MODIFIED, sequence=seq,
    )


@pytest.fixture
def broker() -> FakeBroker:
    return FakeBroker()


@pytest.fixture
def outbox(tmp_path: Path) -> SqliteLog:
    return SqliteLog(tmp_path / "agent.db")


def _forwarder(outbox: SqliteLog, broker: FakeBroker, batch_size: int = 500) -> KafkaForwarder:
    settings = KafkaSettings()
    return KafkaForwarder(
        settings, outbox, producer=KafkaEventProducer(settings, factory=broker.factory),
        create_topics=lambda: None, batch_size=batch_size,
    )


def _sent_sequences(broker: FakeBroker) -> list[int]:
    return [FileEvent.model_validate_json(value).sequence for _t, _k, value, _h in broker.records]


def test_events_go_out_keyed_by_file_id_with_headers_and_the_outbox_is_committed(
    outbox: SqliteLog, broker: FakeBroker
) -> None:
    events = [_event(i, f"f{i % 3}.txt") for i in range(9)]
    outbox.append(events)
    forwarder = _forwarder(outbox, broker)

    assert forwarder.forward_once(0) == 9
    assert _sent_sequences(broker) == list(range(9))
    for (topic, key, _value, headers), event in zip(broker.records, events, strict=True):
        assert topic == "lanterne.file-events"
        assert key == event.file_id.encode()
        assert headers[HEADER_SCHEMA_VERSION] == b"1"
        assert headers[HEADER_EVENT_KIND] == b"modified"
    assert forwarder.spooled() == 0
    assert outbox.committed(FORWARDER_NAME) == outbox.last_offset()


def test_the_producer_is_idempotent_with_acks_all(outbox: SqliteLog, broker: FakeBroker) -> None:
    outbox.append([_event(0, "a")])
    forwarder = _forwarder(outbox, broker)
    forwarder.forward_once(0)
    producer = forwarder._producer._producer
    assert producer.config["acks"] == "all"
    assert producer.config["enable_idempotence"] is True
    assert producer.config["max_in_flight_requests_per_connection"] <= 5


def test_broker_down_spools_everything_then_sends_it_in_order(outbox: SqliteLog, broker: FakeBroker) -> None:
    broker.up = False
    outbox.append([_event(i, f"f{i % 2}.txt") for i in range(6)])
    forwarder = _forwarder(outbox, broker)

    for _ in range(3):
        with pytest.raises(InfrastructureError):
            forwarder.forward_once(0)
    assert forwarder.spooled() == 6
    assert outbox.committed(FORWARDER_NAME) == 0

    outbox.append([_event(i, f"f{i % 2}.txt") for i in range(6, 10)])
    broker.up = True
    while forwarder.forward_once(0):
        pass
    assert _sent_sequences(broker) == list(range(10))
    assert forwarder.spooled() == 0


def test_a_partial_failure_is_retried_without_duplicating_or_reordering(outbox: SqliteLog, broker: FakeBroker) -> None:
    outbox.append([_event(i, f"f{i % 4}.txt") for i in range(12)])
    forwarder = _forwarder(outbox, broker)
    broker.fail = lambda e: e.path == "f1.txt"  # one partition's records time out

    with pytest.raises(InfrastructureError):
        forwarder.forward_once(0)
    assert outbox.committed(FORWARDER_NAME) == 1  # only the prefix before the first failed record

    broker.fail = lambda _e: False
    while forwarder.forward_once(0):
        pass
    sent = _sent_sequences(broker)
    assert sorted(sent) == list(range(12))  # each exactly once
    per_file: dict[str, list[int]] = {}
    for _t, _k, value, _h in broker.records:
        event = FileEvent.model_validate_json(value)
        per_file.setdefault(event.file_id, []).append(event.sequence)
    assert all(seqs == sorted(seqs) for seqs in per_file.values())
    assert forwarder.spooled() == 0


def test_a_crash_before_the_commit_replays_from_the_outbox(tmp_path: Path, broker: FakeBroker) -> None:
    outbox = SqliteLog(tmp_path / "agent.db")
    outbox.append([_event(i, "a.txt") for i in range(3)])
    broker.up = False
    forwarder = _forwarder(outbox, broker)
    with pytest.raises(InfrastructureError):
        forwarder.forward_once(0)
    outbox.close()  # the agent dies with everything still spooled

    broker.up = True
    reopened = SqliteLog(tmp_path / "agent.db")
    assert _forwarder(reopened, broker).forward_once(0) == 3
    assert _sent_sequences(broker) == [0, 1, 2]


def test_run_backs_off_while_the_broker_is_away_and_stops_promptly(outbox: SqliteLog, broker: FakeBroker) -> None:
    broker.up = False
    outbox.append([_event(i, "a.txt") for i in range(4)])
    forwarder = _forwarder(outbox, broker)
    stop = threading.Event()
    thread = threading.Thread(target=forwarder.run, args=(stop,))
    thread.start()
    threading.Event().wait(1.0)  # a few failed attempts
    broker_attempts_while_down = broker.producers
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert broker_attempts_while_down == 0
    assert outbox.lag(FORWARDER_NAME) == 4  # nothing lost, nothing committed


def test_run_delivers_what_is_appended_while_running(outbox: SqliteLog, broker: FakeBroker) -> None:
    forwarder = _forwarder(outbox, broker, batch_size=3)
    stop = threading.Event()
    thread = threading.Thread(target=forwarder.run, args=(stop,), kwargs={"idle_timeout_s": 0.05})
    thread.start()
    for i in range(10):
        outbox.append([_event(i, f"f{i % 2}.txt")])
    for _ in range(200):
        if len(broker.records) == 10:
            break
        threading.Event().wait(0.02)
    stop.set()
    thread.join(timeout=10)
    assert _sent_sequences(broker) == list(range(10))


def test_topics_are_created_before_the_first_send_and_retried_when_it_fails(
    outbox: SqliteLog, broker: FakeBroker
) -> None:
    calls: list[int] = []

    def create_topics() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise InfrastructureError("broker away")

    settings = KafkaSettings()
    forwarder = KafkaForwarder(
        settings, outbox, producer=KafkaEventProducer(settings, factory=broker.factory), create_topics=create_topics
    )
    outbox.append([_event(0, "a.txt")])
    with pytest.raises(InfrastructureError):
        forwarder.forward_once(0)
    assert forwarder.forward_once(0) == 1
    assert forwarder.forward_once(0) == 0
    assert len(calls) == 2

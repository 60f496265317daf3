"""Agent → Kafka → Faust processor → verdicts, against the real broker: the whole flow, a poison message, and the
processor killed (SIGKILL) or stopped (SIGTERM) in the middle of an event."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from lanterne.agent import Agent
from lanterne.bus.kafka import FORWARDER_NAME, KafkaForwarder
from lanterne.bus.sqlite_log import SqliteLog
from lanterne.bus.topics import ensure_topics
from lanterne.demo.share import make_share
from lanterne.events import FileEvent, file_id
from lanterne.processor.handler import HEADER_DLQ_REASON
from lanterne.settings import Settings
from tests.integration.kafka_support import (
    READ_ALL,
    ProcessorProcess,
    committed_offsets,
    produce,
    read_topic,
    synthetic_events,
    verdicts_by_event,
    wait_for,
)

pytestmark = pytest.mark.integration


@pytest.mark.slow
def test_a_share_scanned_by_the_agent_gets_one_verdict_per_event(
    kafka_settings: Settings, processors: list[ProcessorProcess], tmp_path: Path
) -> None:
    share = tmp_path / "share"
    make_share(share, seed=11, files=40)
    outbox = SqliteLog(kafka_settings.state_dir / "agent.db")
    reader = outbox.consumer("test-reader")  # to know what the agent emitted
    agent = Agent(kafka_settings.agent, [share], outbox)
    forwarder = KafkaForwarder(kafka_settings.kafka, outbox)
    agent.scan()
    while forwarder.forward_once(0):
        pass
    forwarder.close()
    emitted = reader.poll(10_000, 0)
    assert outbox.lag(FORWARDER_NAME) == 0
    assert len(emitted) >= 40

    processors.append(ProcessorProcess(kafka_settings, tmp_path / "processor.log").start())
    got = verdicts_by_event(kafka_settings, {e.event.event_id for e in emitted})

    assert set(got) == {e.event.event_id for e in emitted}
    for entry in emitted:
        verdict = got[entry.event.event_id]
        assert (verdict.file_id, verdict.sequence) == (entry.event.file_id, entry.event.sequence)
    assert any(v.health_data for v in got.values())  # the demo share holds fictional patient files


@pytest.mark.slow
def test_a_poison_message_goes_to_dead_letters_and_the_stream_goes_on(
    kafka_settings: Settings, processors: list[ProcessorProcess], tmp_path: Path
) -> None:
    from kafka import KafkaProducer

    from lanterne.bus.kafka_config import producer_config

    ensure_topics(kafka_settings.kafka)
    good = synthetic_events(3)
    raw = KafkaProducer(**producer_config(kafka_settings.kafka, "lanterne-test-poison"))
    topic = kafka_settings.kafka.events_topic
    raw.send(topic, key=good[0].file_id.encode(), value=good[0].to_json().encode())
    raw.send(topic, key=good[0].file_id.encode(), value=b'{"event_id": truncated')
    raw.send(topic, key=good[1].file_id.encode(), value=json.dumps({"event_id": "x", "path": 3}).encode())
    raw.send(topic, key=good[1].file_id.encode(), value=good[1].to_json().encode())
    raw.send(topic, key=good[2].file_id.encode(), value=good[2].to_json().encode())
    raw.flush(timeout=30)
    raw.close()

    processors.append(ProcessorProcess(kafka_settings, tmp_path / "processor.log").start())
    got = verdicts_by_event(kafka_settings, {e.event_id for e in good})
    dead = read_topic(kafka_settings, kafka_settings.kafka.dead_letter_topic, until=2, timeout_s=30)

    assert set(got) == {e.event_id for e in good}
    assert sorted(r.headers[HEADER_DLQ_REASON] for r in dead) == [b"schema_mismatch", b"undecodable"]
    assert {r.value for r in dead} == {b'{"event_id": truncated', json.dumps({"event_id": "x", "path": 3}).encode()}


def held(events: list[FileEvent], index: int) -> list[FileEvent]:
    """``events`` with the one at ``index`` renamed so the test worker holds it in the classifier."""
    e = events[index]
    path = f"hold-{e.path}"
    events = list(events)
    events[index] = e.model_copy(update={"path": path, "file_id": file_id(e.agent_id, e.root, path)})
    return events


def assert_commits_only_cover_verdicts(settings: Settings) -> None:
    """Every event below a committed offset has its verdict on the verdicts topic: nothing committed is lost."""
    committed = committed_offsets(settings)
    sent = read_topic(settings, settings.kafka.events_topic, until=sum(committed.values()), timeout_s=30)
    done = set(verdicts_by_event(settings, READ_ALL, timeout_s=3))
    for record in sent:
        if record.offset < committed.get(record.partition, 0):
            assert FileEvent.from_json(record.value or b"").event_id in done, (
                f"offset {record.offset} of partition {record.partition} committed without a verdict"
            )


@pytest.mark.slow
def test_a_processor_killed_mid_stream_loses_no_event(
    kafka_settings: Settings, processors: list[ProcessorProcess], tmp_path: Path
) -> None:
    """SIGKILL while an event is in the classifier and others wait: no commit passed it, and a new worker
    produces a verdict for every event (duplicates allowed, losses not)."""
    hold = tmp_path / "hold"
    hold.mkdir()
    events = held(synthetic_events(1500), 900)
    produce(kafka_settings, events)
    first = ProcessorProcess(kafka_settings, tmp_path / "processor.log", hold=hold).start()
    processors.append(first)
    wait_for(lambda: any(hold.glob("started-*")), "the held event to reach the classifier")
    wait_for(lambda: sum(committed_offsets(kafka_settings).values()) > 0, "a first offset commit")
    time.sleep(3.5)  # more than one commit interval (2.8 s) with the event in flight
    first.kill()  # no graceful commit: whatever was in flight stays in flight
    done_before = verdicts_by_event(kafka_settings, READ_ALL, timeout_s=3)
    assert len(done_before) < len(events)
    assert_commits_only_cover_verdicts(kafka_settings)

    (hold / "release").touch()
    processors.append(ProcessorProcess(kafka_settings, tmp_path / "processor.log").start())
    got = verdicts_by_event(kafka_settings, {e.event_id for e in events})
    assert set(got) == {e.event_id for e in events}


@pytest.mark.slow
def test_a_graceful_stop_mid_event_commits_nothing_without_its_verdict(
    kafka_settings: Settings, processors: list[ProcessorProcess], tmp_path: Path
) -> None:
    """SIGTERM while an event is in the classifier: Faust's default would ack it when the agent is cancelled and
    commit it on the way out. Here the worker either finishes it (verdict sent, then commit) or leaves it
    uncommitted; in no case is an offset committed without its verdict."""
    hold = tmp_path / "hold"
    hold.mkdir()
    settings = kafka_settings.model_copy(update={"kafka": kafka_settings.kafka.model_copy(update={"partitions": 1})})
    events = held(synthetic_events(21), 5)
    produce(settings, events)

    worker = ProcessorProcess(settings, tmp_path / "processor.log", hold=hold).start()
    processors.append(worker)
    wait_for(lambda: any(hold.glob("started-*")), "the held event to reach the classifier")
    wait_for(lambda: committed_offsets(settings).get(0) == 5, "the offsets before the held event to be committed")
    assert worker.proc is not None
    worker.proc.send_signal(15)
    time.sleep(4.0)  # a shutdown commit, if any, happens now, with the event still in the classifier
    assert committed_offsets(settings).get(0, 0) <= 5
    (hold / "release").touch()
    assert worker.proc.wait(timeout=60) == 0
    assert_commits_only_cover_verdicts(settings)

    processors.append(ProcessorProcess(settings, tmp_path / "processor.log").start())
    got = verdicts_by_event(settings, {e.event_id for e in events})
    assert set(got) == {e.event_id for e in events}

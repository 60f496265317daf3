"""The broker stops while the agent keeps seeing changes: the outbox spools them, and when the broker is back every
change arrives on the events topic, in order per file."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from lanterne.agent import Agent
from lanterne.bus.kafka import KafkaForwarder
from lanterne.bus.sqlite_log import SqliteLog
from lanterne.events import FileEvent
from lanterne.settings import Settings
from tests.integration.kafka_support import (
    ProcessorProcess,
    kafka_ctl,
    produce,
    read_topic,
    synthetic_events,
    verdicts_by_event,
    wait_for,
)

pytestmark = pytest.mark.integration


@pytest.mark.slow
def test_changes_made_while_the_broker_is_down_all_arrive_in_order(kafka_settings: Settings, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    for i in range(5):
        (share / f"note-{i}.txt").write_text(f"version 0 of note {i}\n")
    kafka_settings.agent.reconcile_interval_s = 0
    outbox = SqliteLog(kafka_settings.state_dir / "agent.db")
    emitted = outbox.consumer("test-reader")  # what the agent wrote, to compare with the topic
    agent = Agent(kafka_settings.agent, [share], outbox)
    forwarder = KafkaForwarder(kafka_settings.kafka, outbox, max_backoff_s=3.0)
    stop, forwarder_stop = threading.Event(), threading.Event()
    agent_thread = threading.Thread(target=agent.watch, args=(stop,))
    forwarder_thread = threading.Thread(target=forwarder.run, args=(forwarder_stop,), kwargs={"idle_timeout_s": 0.1})
    agent_thread.start()
    forwarder_thread.start()
    try:
        wait_for(lambda: forwarder.forwarded >= 5 and forwarder.spooled() == 0, "the first scan to reach Kafka")

        kafka_ctl("stop")
        try:
            for version in range(1, 4):  # each a separate change: more than the agent's quiet time apart
                for i in range(5):
                    (share / f"note-{i}.txt").write_text(f"version {version} of note {i}\n")
                (share / f"new-{version}.txt").write_text("created while the broker was down\n")
                time.sleep(0.8)
            (share / "note-4.txt").unlink()
            (share / "note-3.txt").rename(share / "note-3-moved.txt")
            wait_for(lambda: forwarder.spooled() >= 18, "the agent to spool the changes")
            time.sleep(2.0)  # let the forwarder fail a few times against the stopped broker
            assert forwarder.spooled() >= 18
        finally:
            kafka_ctl("start")
        wait_for(lambda: forwarder.spooled() == 0, "the spool to drain after the broker came back", 180)
    finally:
        stop.set()
        agent_thread.join(timeout=30)
        forwarder_stop.set()
        forwarder_thread.join(timeout=60)

    sent = [entry.event for entry in emitted.poll(100_000, 0)]
    records = read_topic(kafka_settings, kafka_settings.kafka.events_topic, until=len(sent), timeout_s=60)
    on_topic = [FileEvent.from_json(r.value or b"") for r in sorted(records, key=lambda r: (r.partition, r.offset))]

    assert {e.event_id for e in on_topic} == {e.event_id for e in sent}  # none lost (duplicates tolerated)
    per_file: dict[str, list[int]] = {}
    for event in on_topic:
        per_file.setdefault(event.file_id, []).append(event.sequence)
    for sequences in per_file.values():
        assert sequences == sorted(sequences)  # never reordered within a file
    assert max(len(s) for s in per_file.values()) >= 4  # the notes changed while the broker was down


@pytest.mark.slow
def test_the_processor_rides_out_a_broker_restart(
    kafka_settings: Settings, processors: list[ProcessorProcess], tmp_path: Path
) -> None:
    """Kafka stops under a running worker and comes back: the worker reconnects, retries its sends, and every
    event (before, and produced after the restart) gets a verdict."""
    before, after = synthetic_events(3000, "before-"), synthetic_events(300, "after-")
    after = [e.model_copy(update={"event_id": f"after:{e.sequence}"}) for e in after]
    produce(kafka_settings, before)
    processors.append(ProcessorProcess(kafka_settings, tmp_path / "processor.log").start())
    verdicts_by_event(kafka_settings, {before[0].event_id})  # the worker is running: stop the broker mid-stream

    kafka_ctl("stop")
    time.sleep(5.0)
    kafka_ctl("start")
    produce(kafka_settings, after)
    got = verdicts_by_event(kafka_settings, {e.event_id for e in before + after}, timeout_s=180)
    assert {e.event_id for e in before + after} <= set(got)

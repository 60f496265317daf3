"""The Kafka home of the bus: the agent's idempotent producer and the forwarder that drains its outbox into Kafka.

The agent never writes to Kafka directly. It appends to its local ``SqliteLog`` (the outbox), and the
``KafkaForwarder`` reads that log under the consumer name ``kafka-forwarder``, produces each event to
``lanterne.file-events`` keyed by file id (so one file's events stay in order on one partition), and commits the
outbox offset only once the broker acknowledged every record up to it. While the broker is down nothing is
committed: the events wait in the outbox (the spool) and go out in order when it comes back.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from tenacity import Retrying, before_sleep_log, retry_if_exception_type, wait_exponential_jitter

from lanterne.bus.base import LogEntry
from lanterne.bus.kafka_config import producer_config
from lanterne.bus.sqlite_log import SqliteLog
from lanterne.bus.topics import ensure_topics
from lanterne.errors import InfrastructureError
from lanterne.events.models import SCHEMA_VERSION, FileEvent
from lanterne.settings import KafkaSettings

log = logging.getLogger(__name__)

HEADER_SCHEMA_VERSION = "lanterne-schema-version"
HEADER_EVENT_KIND = "lanterne-event-kind"
HEADER_CONTENT_TYPE = "content-type"
JSON = b"application/json"

FORWARDER_NAME = "kafka-forwarder"

Headers = list[tuple[str, bytes]]


def event_headers(event: FileEvent) -> Headers:
    """Headers that let consumers route or reject an event without parsing it."""
    return [
        (HEADER_SCHEMA_VERSION, str(SCHEMA_VERSION).encode()),
        (HEADER_EVENT_KIND, event.kind.value.encode()),
        (HEADER_CONTENT_TYPE, JSON),
    ]


class KafkaEventProducer:
    """``EventProducer`` on Kafka: sends FileEvents keyed by file id and waits for the broker's acknowledgement.

    The kafka-python producer is created lazily, because its constructor needs a reachable broker; a failure to
    create it is an ``InfrastructureError`` like any other outage.
    """

    def __init__(
        self,
        settings: KafkaSettings,
        client_id: str = "lanterne-agent",
        factory: Callable[..., Any] | None = None,
        flush_timeout_s: float = 60.0,
    ) -> None:
        self._settings = settings
        self._client_id = client_id
        self._factory = factory
        self._flush_timeout_s = flush_timeout_s
        self._producer: Any = None

    def _ensure(self) -> Any:
        if self._producer is None:
            from kafka import KafkaProducer
            from kafka.errors import KafkaError

            factory = self._factory or KafkaProducer
            try:
                self._producer = factory(**producer_config(self._settings, self._client_id))
            except KafkaError as exc:
                raise InfrastructureError(f"Kafka at {self._settings.bootstrap_servers} unreachable: {exc!r}") from exc
        return self._producer

    def deliver(self, events: Sequence[FileEvent]) -> list[bool]:
        """Send ``events`` in order and wait for them; returns, per event, whether the broker acknowledged it."""
        from kafka.errors import KafkaError

        producer = self._ensure()
        futures: list[Any] = []
        try:
            for event in events:
                futures.append(
                    producer.send(
                        self._settings.events_topic,
                        key=event.file_id.encode(),
                        value=event.to_json().encode(),
                        headers=event_headers(event),
                    )
                )
        except KafkaError as exc:  # metadata unavailable for max_block_ms: the broker is away
            log.warning("Kafka send stopped after %d of %d events: %r", len(futures), len(events), exc)
        try:
            producer.flush(timeout=self._flush_timeout_s)
        except KafkaError as exc:
            log.warning("Kafka flush did not complete: %r", exc)
        delivered = [f.succeeded() for f in futures]
        delivered += [False] * (len(events) - len(futures))
        if not all(delivered):
            self._reset()
        return delivered

    def append(self, events: Sequence[FileEvent]) -> None:
        """``EventProducer.append``: returns once every event is acknowledged, else raises ``InfrastructureError``."""
        delivered = self.deliver(events)
        if not all(delivered):
            raise InfrastructureError(f"Kafka acknowledged {sum(delivered)} of {len(events)} events")

    def _reset(self) -> None:
        """Drop the producer after a failure: a fresh one gets a fresh idempotence epoch and fresh metadata."""
        if self._producer is not None:
            try:
                self._producer.close(timeout=0)
            except Exception:  # closing a producer whose broker vanished may raise anything; it is gone either way
                log.debug("closing the failed Kafka producer raised", exc_info=True)
            self._producer = None

    def close(self) -> None:
        if self._producer is not None:
            self._producer.close(timeout=self._flush_timeout_s)
            self._producer = None


class KafkaForwarder:
    """Drains the agent's outbox (a ``SqliteLog``) into Kafka, in order, committing only acknowledged entries.

    After a partial failure, entries the broker did acknowledge are remembered (``_delivered``) and not sent
    again when the batch is retried, so a retry neither duplicates nor reorders a file's events. Only a crash
    between the broker's acknowledgement and the outbox commit replays events, which downstream idempotent writes
    absorb.
    """

    def __init__(
        self,
        settings: KafkaSettings,
        log_: SqliteLog,
        producer: KafkaEventProducer | None = None,
        create_topics: Callable[[], object] | None = None,
        batch_size: int = 500,
        max_backoff_s: float = 30.0,
        prune_every_s: float = 60.0,
    ) -> None:
        self._log = log_
        self._consumer = log_.consumer(FORWARDER_NAME)
        self._producer = producer or KafkaEventProducer(settings)
        self._create_topics = create_topics or partial(ensure_topics, settings)
        self._topics_ready = False
        self._batch_size = batch_size
        self._max_backoff_s = max_backoff_s
        self._prune_every_s = prune_every_s
        self._last_prune = time.monotonic()
        self._delivered: set[int] = set()
        self.forwarded = 0

    def spooled(self) -> int:
        """Events waiting in the outbox for the broker."""
        return self._log.lag(FORWARDER_NAME)

    def forward_once(self, timeout_s: float = 1.0) -> int:
        """Forward one batch; returns how many entries it committed. Raises ``InfrastructureError`` on any failure,
        after rewinding so the next call retries the same entries."""
        if not self._topics_ready:  # at start, not in __init__: the agent must start even with the broker away
            self._create_topics()
            self._topics_ready = True
        entries = self._consumer.poll(self._batch_size, timeout_s)
        if not entries:
            return 0
        pending = [e for e in entries if e.offset not in self._delivered]
        try:
            ok = self._producer.deliver([e.event for e in pending]) if pending else []
        except InfrastructureError:
            self._consumer.rewind()
            raise
        self._delivered.update(e.offset for e, sent in zip(pending, ok, strict=True) if sent)
        committable = _acknowledged_prefix(entries, self._delivered)
        if committable:
            self._consumer.commit(committable[-1].offset)
            self._delivered.difference_update(e.offset for e in committable)
            self.forwarded += len(committable)
            self._maybe_prune()
        if len(committable) < len(entries):
            self._consumer.rewind()
            raise InfrastructureError(
                f"Kafka acknowledged {sum(ok)} of {len(pending)} events; {self.spooled()} spooled in the outbox"
            )
        return len(committable)

    def run(self, stop: threading.Event, idle_timeout_s: float = 0.5) -> None:
        """Forward until ``stop`` is set, backing off (capped exponential, jittered) while the broker is away."""
        retrying = Retrying(
            retry=retry_if_exception_type(InfrastructureError),
            wait=wait_exponential_jitter(multiplier=0.5, max=self._max_backoff_s),
            stop=lambda _state: stop.is_set(),
            sleep=_interruptible(stop),
            before_sleep=before_sleep_log(log, logging.WARNING),
            reraise=True,
        )
        try:
            while not stop.is_set():
                try:
                    retrying(self.forward_once, idle_timeout_s)
                except InfrastructureError:
                    break  # stop was set while the broker was away: the outbox keeps the rest
            self._drain_on_stop()
        finally:
            self.close()

    def _drain_on_stop(self) -> None:
        """One last pass so what the agent appended just before stopping goes out if the broker is there."""
        try:
            while self.forward_once(timeout_s=0.0):
                pass
        except InfrastructureError as exc:
            log.warning("stopping with events left in the outbox: %s", exc)

    def _maybe_prune(self) -> None:
        now = time.monotonic()
        if now - self._last_prune >= self._prune_every_s:
            self._last_prune = now
            self._log.prune()

    def close(self) -> None:
        self._producer.close()
        self._consumer.close()


def _interruptible(stop: threading.Event) -> Callable[[float], None]:
    """A back-off sleep that a stop request cuts short."""

    def sleep(seconds: float) -> None:
        stop.wait(seconds)

    return sleep


def _acknowledged_prefix(entries: list[LogEntry], delivered: set[int]) -> list[LogEntry]:
    """The leading entries that were all acknowledged: the outbox offset can only move over an unbroken run."""
    prefix: list[LogEntry] = []
    for entry in entries:
        if entry.offset not in delivered:
            break
        prefix.append(entry)
    return prefix

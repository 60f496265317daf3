"""The Kafka side of the indexer: a kafka-python consumer on the verdicts topic, committed by hand.

``enable_auto_commit`` is off and offsets are committed explicitly, per partition, just past the last record of a
batch the index accepted. If the group rebalanced while the index was down (a long outage outlives
``max_poll_interval_ms``), that commit fails; the records come back to whichever member owns the partition and are
written again, which the index's external versions make harmless.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from lanterne.bus.kafka import HEADER_CONTENT_TYPE, JSON
from lanterne.bus.kafka_config import client_config, producer_config
from lanterne.errors import InfrastructureError
from lanterne.indexer.runner import Record, Reject
from lanterne.processor.handler import HEADER_DLQ_AT, HEADER_DLQ_ERROR, HEADER_DLQ_REASON, HEADER_DLQ_SOURCE
from lanterne.settings import KafkaSettings

log = logging.getLogger(__name__)

DEFAULT_GROUP = "lanterne-indexer"


def consumer_config(settings: KafkaSettings, group_id: str) -> dict[str, Any]:
    """Manual commits, start from the beginning of the topic for a new group (the index is rebuilt from it)."""
    return {
        **client_config(settings, "lanterne-indexer"),
        "group_id": group_id,
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        "max_poll_interval_ms": 600_000,
        "session_timeout_ms": 30_000,
        "reconnect_backoff_max_ms": 5_000,
    }


class KafkaVerdictSource:
    """``RecordSource`` over the verdicts topic; dead letters go to ``settings.dead_letter_topic``."""

    def __init__(
        self,
        settings: KafkaSettings,
        group_id: str = DEFAULT_GROUP,
        topic: str | None = None,
        commit_timeout_s: float = 30.0,
    ) -> None:
        from kafka import KafkaConsumer
        from kafka.errors import KafkaError

        self.settings = settings
        self.commit_timeout_s = commit_timeout_s
        self.topic = topic or settings.verdicts_topic
        try:
            self._consumer = KafkaConsumer(self.topic, **consumer_config(settings, group_id))
        except KafkaError as exc:
            raise InfrastructureError(f"Kafka at {settings.bootstrap_servers} unreachable: {exc!r}") from exc
        self._producer: Any = None

    def poll(self, max_records: int, timeout_s: float) -> list[Record]:
        batches = self._consumer.poll(timeout_ms=int(timeout_s * 1000), max_records=max_records)
        records: list[Record] = []
        for tp in sorted(batches, key=lambda tp: (tp.topic, tp.partition)):
            records += [Record(tp.topic, tp.partition, r.offset, r.key, r.value) for r in batches[tp]]
        return records

    def commit(self, records: Sequence[Record]) -> None:
        """Commit just past the last record of each partition. A refused commit (rebalance, broker away for
        ``commit_timeout_s``) is logged, not raised: the records are indexed already, and the next successful
        commit covers them, or they are replayed, harmlessly."""
        from kafka import TopicPartition
        from kafka.errors import KafkaError
        from kafka.structs import OffsetAndMetadata

        last: dict[TopicPartition, int] = {}
        for r in records:
            tp = TopicPartition(r.topic, r.partition)
            last[tp] = max(last.get(tp, -1), r.offset)
        offsets = {tp: OffsetAndMetadata(offset + 1, "", -1) for tp, offset in last.items()}
        try:
            self._consumer.commit(offsets, timeout_ms=int(self.commit_timeout_s * 1000))
        except KafkaError as exc:
            log.warning("offset commit not done (%s); the batch may be replayed, harmlessly", type(exc).__name__)

    def dead_letter(self, records: Sequence[Reject]) -> None:
        """Same headers as the processor's dead letters, so one tool reads both."""
        from kafka import KafkaProducer
        from kafka.errors import KafkaError

        try:
            if self._producer is None:
                self._producer = KafkaProducer(**producer_config(self.settings, "lanterne-indexer-dlq"))
            now = datetime.now(UTC).isoformat().encode()
            futures = [
                self._producer.send(
                    self.settings.dead_letter_topic,
                    key=r.record.key,
                    value=r.record.value or b"",
                    headers=[
                        (HEADER_DLQ_REASON, r.reason.encode()),
                        (HEADER_DLQ_ERROR, r.error.encode()),
                        (HEADER_DLQ_SOURCE, f"{r.record.topic}/{r.record.partition}/{r.record.offset}".encode()),
                        (HEADER_DLQ_AT, now),
                        (HEADER_CONTENT_TYPE, JSON),
                    ],
                )
                for r in records
            ]
            self._producer.flush(timeout=30)
            for future in futures:
                future.get(timeout=0)
        except KafkaError as exc:
            raise InfrastructureError(f"cannot write to the dead-letter topic: {exc!r}") from exc

    def close(self) -> None:
        if self._producer is not None:
            self._producer.close(timeout=10)
        self._consumer.close(autocommit=False)

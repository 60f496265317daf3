"""One Kafka record in, one record out: a verdict for ``lanterne.file-verdicts``, or a dead letter.

Kept free of Faust so it is tested without a broker and could be driven by any consumer loop. A record that
cannot be processed (empty, undecodable JSON, another schema, a classifier that raised) is not an exception for
the stream: it goes to the dead-letter topic unchanged, with the reason in headers, so the stream moves on and
someone can look at it (or replay it) later. Dead-letter headers carry error types and field names only, never
an exception message, which could quote file content.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import ValidationError

from lanterne.bus.kafka import HEADER_CONTENT_TYPE, HEADER_EVENT_KIND, HEADER_SCHEMA_VERSION, JSON, Headers
from lanterne.events.models import SCHEMA_VERSION, FileEvent, FileVerdict
from lanterne.settings import KafkaSettings

log = logging.getLogger(__name__)

HEADER_DLQ_REASON = "lanterne-dlq-reason"
HEADER_DLQ_ERROR = "lanterne-dlq-error"
HEADER_DLQ_SOURCE = "lanterne-dlq-source"  # topic/partition/offset of the original record
HEADER_DLQ_AT = "lanterne-dlq-at"

Classify = Callable[[FileEvent], FileVerdict]


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """The parts of a consumed Kafka record the handler needs."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: Headers


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A record to produce: where, and what."""

    topic: str
    key: bytes | None
    value: bytes
    headers: Headers
    dead_letter: bool = False


class EventHandler:
    """Decode a FileEvent, classify it, and say what to produce."""

    def __init__(self, settings: KafkaSettings, classify: Classify) -> None:
        self._settings = settings
        self._classify = classify

    def handle(self, record: SourceRecord) -> Outgoing:
        event_or_reason = self._decode(record)
        if not isinstance(event_or_reason, FileEvent):
            return self._dead_letter(record, *event_or_reason)
        event = event_or_reason
        try:
            verdict = self._classify(event)
        except Exception as exc:  # a classifier bug must not stop the stream: park the event, keep going
            frames = "".join(traceback.format_tb(exc.__traceback__))
            log.error("classifier raised %s on file %s; sent to dead letters\n%s", type(exc).__name__, event.file_id,
                      frames)
            return self._dead_letter(record, "classifier_failed", type(exc).__name__)
        return Outgoing(
            topic=self._settings.verdicts_topic,
            key=verdict.file_id.encode(),
            value=verdict.to_json().encode(),
            headers=[
                (HEADER_SCHEMA_VERSION, str(verdict.schema_version).encode()),
                (HEADER_EVENT_KIND, verdict.event_kind.value.encode()),
                (HEADER_CONTENT_TYPE, JSON),
            ],
        )

    def _decode(self, record: SourceRecord) -> FileEvent | tuple[str, str]:
        """The event, or ``(reason, error)`` saying why it cannot be processed."""
        if not record.value:
            return "empty", "no value"
        version = dict(record.headers).get(HEADER_SCHEMA_VERSION)
        if version is not None and version != str(SCHEMA_VERSION).encode():
            return "schema_mismatch", f"schema version {version.decode(errors='replace')[:16]}"
        try:
            return FileEvent.from_json(record.value)
        except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
            if not isinstance(exc, ValidationError):
                return "undecodable", f"invalid JSON ({type(exc).__name__})"
            errors = exc.errors(include_url=False, include_input=False)
            fields = ", ".join(f"{'.'.join(str(p) for p in e['loc'])}:{e['type']}" for e in errors[:5])
            return "schema_mismatch", fields

    def _dead_letter(self, record: SourceRecord, reason: str, error: str) -> Outgoing:
        log.warning("dead letter from %s[%d]@%d: %s (%s)", record.topic, record.partition, record.offset, reason,
                    error)
        own = {HEADER_DLQ_REASON, HEADER_DLQ_ERROR, HEADER_DLQ_SOURCE, HEADER_DLQ_AT}
        return Outgoing(
            topic=self._settings.dead_letter_topic,
            key=record.key,
            value=record.value or b"",
            headers=[
                *[(k, v) for k, v in record.headers if k not in own],
                (HEADER_DLQ_REASON, reason.encode()),
                (HEADER_DLQ_ERROR, error.encode()),
                (HEADER_DLQ_SOURCE, f"{record.topic}/{record.partition}/{record.offset}".encode()),
                (HEADER_DLQ_AT, datetime.now(UTC).isoformat().encode()),
            ],
            dead_letter=True,
        )

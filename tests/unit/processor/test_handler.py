"""The processor's record handler: verdicts for good events, dead letters (with reasons) for everything else."""

from __future__ import annotations

import json

import pytest

from lanterne.bus.kafka import HEADER_EVENT_KIND, HEADER_SCHEMA_VERSION, event_headers
from lanterne.events import EventKind, FileEvent, FileVerdict, file_id
from lanterne.processor.handler import (
    HEADER_DLQ_ERROR,
    HEADER_DLQ_REASON,
    HEADER_DLQ_SOURCE,
    EventHandler,
    SourceRecord,
)
from lanterne.settings import KafkaSettings

SETTINGS = KafkaSettings()


def _event(path: str = "dossiers/cr.txt", seq: int = 7) -> FileEvent:
    return FileEvent(
        event_id=f"a:{seq}", agent_id="a", host="h", root="/srv/share", path=path,
        file_id=file_id("a", "/srv/share", path), kind=EventKind.MODIFIED, sequence=seq, size=12,
    )


def _verdict(event: FileEvent) -> FileVerdict:
    return FileVerdict(
        file_id=event.file_id, path=f"{event.root}/{event.path}", root=event.root, relative_path=event.path,
        agent_id=event.agent_id, host=event.host, event_id=event.event_id, event_kind=event.kind,
        sequence=event.sequence, classifier_version="test", size=event.size,
    )


def _record(value: bytes | None, headers: list[tuple[str, bytes]] | None = None) -> SourceRecord:
    return SourceRecord("lanterne.file-events", 2, 41, b"k", value, headers or [])


def test_a_good_event_becomes_a_verdict_keyed_by_file_id() -> None:
    event = _event()
    out = EventHandler(SETTINGS, _verdict).handle(_record(event.model_dump_json().encode(), event_headers(event)))
    assert not out.dead_letter
    assert out.topic == SETTINGS.verdicts_topic
    assert out.key == event.file_id.encode()
    verdict = FileVerdict.model_validate_json(out.value)
    assert (verdict.file_id, verdict.sequence, verdict.event_id) == (event.file_id, 7, event.event_id)
    headers = dict(out.headers)
    assert headers[HEADER_SCHEMA_VERSION] == b"1"
    assert headers[HEADER_EVENT_KIND] == b"modified"


def _never(_event: FileEvent) -> FileVerdict:
    raise AssertionError("the classifier must not see a bad record")


@pytest.mark.parametrize(
    ("value", "headers", "reason"),
    [
        (None, [], "empty"),
        (b"", [], "empty"),
        (b"{not json", [], "undecodable"),
        (b"\xff\xfe\x00garbage", [], "undecodable"),
        (json.dumps({"hello": "world"}).encode(), [], "schema_mismatch"),
        (_event().model_dump_json().encode(), [(HEADER_SCHEMA_VERSION, b"2")], "schema_mismatch"),
        (_event().model_dump_json().replace('"sequence":7', '"sequence":-1').encode(), [], "schema_mismatch"),
    ],
)
def test_bad_records_go_to_dead_letters_unchanged_with_a_reason(
    value: bytes | None, headers: list[tuple[str, bytes]], reason: str
) -> None:
    out = EventHandler(SETTINGS, _never).handle(_record(value, headers))
    assert out.dead_letter
    assert out.topic == SETTINGS.dead_letter_topic
    assert out.key == b"k"
    assert out.value == (value or b"")
    got = dict(out.headers)
    assert got[HEADER_DLQ_REASON] == reason.encode()
    assert got[HEADER_DLQ_SOURCE] == b"lanterne.file-events/2/41"


def test_a_classifier_crash_is_a_dead_letter_that_names_the_error_type_not_its_message() -> None:
    secret = "1 55 08 75 123 456 78"  # fictional NIR-shaped text in the exception message

    def crash(_event: FileEvent) -> FileVerdict:
        raise ValueError(f"cannot parse {secret}")

    event = _event()
    out = EventHandler(SETTINGS, crash).handle(_record(event.model_dump_json().encode(), event_headers(event)))
    assert out.dead_letter
    got = dict(out.headers)
    assert got[HEADER_DLQ_REASON] == b"classifier_failed"
    assert got[HEADER_DLQ_ERROR] == b"ValueError"
    assert all(secret.encode() not in v for _k, v in out.headers)
    assert got[HEADER_SCHEMA_VERSION] == b"1"  # the original headers are kept for a replay


def test_schema_errors_name_fields_not_values() -> None:
    bad = _event().model_dump_json().replace('"host":"h"', '"host":12345678901').encode()
    out = EventHandler(SETTINGS, _never).handle(_record(bad))
    error = dict(out.headers)[HEADER_DLQ_ERROR]
    assert b"host" in error
    assert b"12345678901" not in error

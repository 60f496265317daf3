"""The committed JSON Schemas match the pydantic models, and real messages validate against them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from lanterne.events import EventKind, FileEvent, FileVerdict, file_id
from lanterne.events.schemas import schema_files

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas" / "events"


@pytest.mark.parametrize("name", sorted(schema_files()))
def test_committed_schema_matches_model(name: str) -> None:
    committed = SCHEMAS / name
    assert committed.exists(), f"{committed} missing: run `make schemas` and commit it"
    assert json.loads(committed.read_text()) == json.loads(schema_files()[name]), (
        f"{name} drifted from the model: run `make schemas`, review the diff, bump SCHEMA_VERSION if consumers break"
    )


def test_messages_validate_against_committed_schemas() -> None:
    event = FileEvent(
        event_id="a:1", agent_id="a", host="h", root="/srv", path="x.txt",
        file_id=file_id("a", "/srv", "x.txt"), kind=EventKind.CREATED, sequence=1, size=3, mtime_ns=1,
    )
    verdict = FileVerdict(
        file_id=event.file_id, path="/srv/x.txt", root="/srv", relative_path="x.txt", agent_id="a", host="h",
        identifiers={"NIR": 1}, samples=["NIR 2 55 08 ** *** *** 38"], event_id=event.event_id,
        event_kind=event.kind, sequence=1, classifier_version="test",
    )
    for name, message in (("file-event", event), ("file-verdict", verdict)):
        schema = json.loads((SCHEMAS / f"{name}.v1.schema.json").read_text())
        jsonschema.validate(json.loads(message.model_dump_json()), schema)
    with pytest.raises(jsonschema.ValidationError):
        bad = json.loads(event.model_dump_json()) | {"kind": "exploded"}
        jsonschema.validate(bad, json.loads((SCHEMAS / "file-event.v1.schema.json").read_text()))

"""Contracts carry non-UTF-8 file names losslessly on the wire and printably in verdicts."""

from __future__ import annotations

import base64
import json

from lanterne.events import EventKind, FileEvent, FileVerdict, file_id

ODD = "Courriers/lat\udce9.txt"  # b"lat\xe9.txt" decoded with surrogateescape, as os.scandir gives it


def test_event_round_trips_a_non_utf8_name() -> None:
    event = FileEvent(
        event_id="a:1", agent_id="a", host="h", root="/srv", path=ODD, file_id=file_id("a", "/srv", ODD),
        kind=EventKind.SCANNED, sequence=1,
    )
    wire = event.to_json()
    wire.encode("ascii")  # pure ASCII: safe in any transport
    assert FileEvent.from_json(wire) == event


def test_verdict_shows_a_replacement_character_and_keeps_the_bytes() -> None:
    verdict = FileVerdict(
        file_id="x", path="/srv/" + ODD, root="/srv", relative_path=ODD, agent_id="a", host="h",
        event_id="a:1", event_kind=EventKind.SCANNED, sequence=1, classifier_version="t",
    )
    assert verdict.relative_path == "Courriers/lat\ufffd.txt"
    assert base64.b64decode(verdict.raw_path or "") == b"/srv/Courriers/lat\xe9.txt"
    json.loads(verdict.model_dump_json())  # printable JSON, no surrogates

"""HMAC signatures of events: round trip through the real log, tampering and wrong keys detected."""

from __future__ import annotations

from pathlib import Path

from agent_support import MakeAgent, Tail, write

from lanterne.agent import verify_signature
from lanterne.agent.signing import sign_event


def test_signed_events_verify_after_the_log_round_trip(share: Path, make_agent: MakeAgent, tail: Tail) -> None:
    write(share / "a.txt")
    write(share / "sub" / "b.txt")
    make_agent(signing_key="site-secret").scan()
    events = tail.new()
    assert len(events) == 2
    assert all(e.signature for e in events)
    assert all(verify_signature(e, "site-secret") for e in events)
    assert not any(verify_signature(e, "other-key") for e in events)


def test_any_altered_field_breaks_the_signature(share: Path, make_agent: MakeAgent, tail: Tail) -> None:
    write(share / "a.txt")
    make_agent(signing_key=b"k".decode()).scan()
    (event,) = tail.new()
    assert not verify_signature(event.model_copy(update={"path": "b.txt"}), "k")
    assert not verify_signature(event.model_copy(update={"size": (event.size or 0) + 1}), "k")
    assert not verify_signature(event.model_copy(update={"signature": None}), "k")
    assert verify_signature(sign_event(event.model_copy(update={"path": "b.txt"}), "k"), "k")


def test_no_key_no_signature(share: Path, make_agent: MakeAgent, tail: Tail) -> None:
    write(share / "a.txt")
    make_agent().scan()
    (event,) = tail.new()
    assert event.signature is None
    assert not verify_signature(event, "k")

"""Event signatures: HMAC-SHA256 over the event's canonical JSON, without its ``signature`` field.

Canonical JSON = the JSON-mode dump with sorted keys, no spaces, ASCII escapes (``ensure_ascii``, so a file name
that is not valid UTF-8 still has one exact byte form). A consumer holding the agent's key can then tell an event
forged or altered on the way (spool, forwarder, broker) from a genuine one.
"""

from __future__ import annotations

import hashlib
import hmac
import json

from lanterne.events.models import FileEvent


def canonical_bytes(event: FileEvent) -> bytes:
    body = event.model_dump(mode="json", exclude={"signature"})
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _key_bytes(key: bytes | str) -> bytes:
    return key.encode("utf-8") if isinstance(key, str) else key


def signature(event: FileEvent, key: bytes | str) -> str:
    """The hex HMAC-SHA256 of ``event`` (its current ``signature`` field is ignored)."""
    return hmac.new(_key_bytes(key), canonical_bytes(event), hashlib.sha256).hexdigest()


def sign_event(event: FileEvent, key: bytes | str) -> FileEvent:
    return event.model_copy(update={"signature": signature(event, key)})


def verify_signature(event: FileEvent, key: bytes | str) -> bool:
    """True only when the event carries a signature and it matches ``key``; constant-time comparison."""
    return event.signature is not None and hmac.compare_digest(event.signature, signature(event, key))

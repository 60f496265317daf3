"""Stable identifiers.

A file's id is a hash of (agent id, share root, relative path): the same file always maps to the same Kafka
partition (so its events stay in order) and to the same index document (so every write is an idempotent upsert).
"""

from __future__ import annotations

import hashlib


def file_id(agent_id: str, root: str, relative_path: str) -> str:
    """Return the stable id of one file as seen by one agent (32 hex chars, 128 bits)."""
    h = hashlib.blake2b(digest_size=16)
    for part in (agent_id, root, relative_path):
        h.update(part.encode("utf-8", "surrogateescape"))
        h.update(b"\x00")
    return h.hexdigest()

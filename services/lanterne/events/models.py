"""FileEvent and FileVerdict, the two messages of the pipeline (JSON Schemas generated into schemas/events/).

Both are immutable pydantic models with ``extra="forbid"`` so a producer that drifts from the contract fails loudly
at the boundary instead of silently losing a field downstream. Timestamps of files are integers in nanoseconds
since the epoch (what ``os.stat`` gives, no precision lost); times the pipeline itself records are UTC datetimes.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION: Literal[1] = 1


class EventKind(StrEnum):
    """What happened to a file. ``scanned`` comes from a full scan or a reconciliation, the others from watching."""

    SCANNED = "scanned"
    CREATED = "created"
    MODIFIED = "modified"
    DELETED = "deleted"
    MOVED = "moved"


class _Contract(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def to_json(self) -> str:
        """The wire form. Lossless for non-UTF-8 file names, which Python holds as lone surrogates
        (surrogateescape): pydantic's serializer refuses those, while the standard library writes them as
        ``\\udcXX`` escapes in ASCII JSON, which every JSON parser reads back to the same string."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, data: str | bytes) -> Self:
        return cls.model_validate(json.loads(data))


class ErrorNote(_Contract):
    """A readable problem met while handling a file; the file still gets a verdict.

    ``code`` is a short stable word for filtering (``unreadable``, ``vanished``, ``encrypted``, ``too_large``,
    ``corrupt``, ``unsupported``, ``timeout``, ``detector_failed``, ...); ``message`` is for people.
    """

    code: str
    message: str
    stage: Literal["agent", "read", "extract", "detect", "decide", "score", "index"] = "extract"


class FileEvent(_Contract):
    """One change to one file, as an agent saw it. Keyed by ``file_id`` on the bus."""

    schema_version: Literal[1] = SCHEMA_VERSION
    event_id: str = Field(description="Unique id of this event: agent id + sequence, so a re-sent event keeps its id.")
    agent_id: str = Field(description="Stable id of the agent (one per file server).")
    host: str = Field(description="Host name of the file server the agent runs on.")
    root: str = Field(description="The share root as the agent sees it (absolute path).")
    path: str = Field(description="Path relative to root, '/'-separated.")
    file_id: str = Field(description="Stable id: hash of agent id, root and relative path.")
    kind: EventKind
    old_path: str | None = Field(default=None, description="For 'moved': the previous relative path.")
    old_file_id: str | None = Field(default=None, description="For 'moved': the previous file id.")
    size: int | None = None
    mtime_ns: int | None = None
    ctime_ns: int | None = None
    atime_ns: int | None = None
    owner: str | None = None
    group: str | None = None
    mode: int | None = Field(default=None, description="st_mode permission bits (POSIX); None where unknown.")
    sequence: int = Field(ge=0, description="Per-agent monotonic sequence number; the index's external version.")
    emitted_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    errors: list[ErrorNote] = Field(default_factory=list, description="Problems the agent met (e.g. stat denied).")
    signature: str | None = Field(default=None, description="HMAC-SHA256 of the event by the agent's key, if any.")


class MemberVerdict(_Contract):
    """The verdict on one member of a container (ZIP entry, e-mail attachment), shown as ``ARCHIVE!MEMBER``."""

    path: str
    format: str
    health_data: bool = False
    personal_data: bool = False
    identifiers: dict[str, int] = Field(default_factory=dict)
    clinical: dict[str, int] = Field(default_factory=dict)
    errors: list[ErrorNote] = Field(default_factory=list)


class FileVerdict(_Contract):
    """What Lanterne concluded about one file at one point of its history.

    A ``deleted`` verdict is a tombstone: sinks remove the file's document. A verdict answering a move carries
    ``previous_file_id`` so sinks drop the document of the old path. No clear identifier is ever stored here:
    ``samples`` are masked and ``fingerprints`` are keyed HMACs of normalised values.
    """

    schema_version: Literal[1] = SCHEMA_VERSION
    file_id: str
    path: str = Field(description="Absolute path of the file on its server (root + relative path).")
    raw_path: str | None = Field(
        default=None,
        description="Base64 of the exact path bytes when the name is not valid UTF-8 (path fields then show U+FFFD).",
    )
    root: str
    relative_path: str
    agent_id: str
    host: str
    deleted: bool = False
    previous_file_id: str | None = None
    format: str = "unknown"
    size: int | None = None
    mtime: datetime | None = None
    atime: datetime | None = None
    ctime: datetime | None = None
    owner: str | None = None
    group: str | None = None
    mode: int | None = None
    health_data: bool = False
    personal_data: bool = False
    identifiers: dict[str, int] = Field(default_factory=dict, description="Counts per identifier type (NIR, IPP...).")
    clinical: dict[str, int] = Field(default_factory=dict, description="Counts per clinical signal (ICD10, CCAM...).")
    samples: list[str] = Field(default_factory=list, description="Masked examples, e.g. 'NIR 2 55 08 ** *** *** 38'.")
    fingerprints: list[str] = Field(default_factory=list, description="'TYPE:hmac-hex' keyed fingerprints.")
    terms: list[str] = Field(
        default_factory=list,
        description="Distinct common words of the content, for full-text search: no identifier, no digit-bearing "
        "token, no word the text only ever capitalises (names, places).",
    )
    reasons: list[str] = Field(default_factory=list, description="Why the decision: the signals that decided.")
    members: list[MemberVerdict] = Field(default_factory=list)
    sensitivity: int = Field(default=0, ge=0, le=100)
    sensitivity_factors: dict[str, float] = Field(default_factory=dict)
    staleness: float = Field(default=0.0, ge=0, le=1, description="0 = touched today, 1 = untouched for years.")
    exposure: float = Field(default=0.0, ge=0, le=1, description="0 = owner only, 1 = world-readable.")
    duplication: float = Field(default=0.0, ge=0, le=1, description="0 = unique, 1 = many copies elsewhere.")
    dark_score: int = Field(default=0, ge=0, le=100)
    content_hash: str | None = Field(default=None, description="'sha256:<hex>' of the whole file.")
    truncated: bool = Field(default=False, description="True when limits stopped extraction before the end.")
    errors: list[ErrorNote] = Field(default_factory=list)
    event_id: str
    event_kind: EventKind
    sequence: int = Field(ge=0)
    classified_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    classifier_version: str

    @model_validator(mode="before")
    @classmethod
    def _printable_paths(cls, data: Any) -> Any:
        """Indexes and JSON lines need valid UTF-8: a non-UTF-8 name shows U+FFFD, its bytes are kept in raw_path."""
        if not isinstance(data, dict) or not _has_surrogates(data.get("path", "")):
            return data
        data = dict(data)
        data["raw_path"] = base64.b64encode(data["path"].encode("utf-8", "surrogateescape")).decode("ascii")
        for key in ("path", "relative_path", "root"):
            if isinstance(data.get(key), str):
                data[key] = data[key].encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        return data


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False

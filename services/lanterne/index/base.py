"""The sink and search contracts shared by the embedded index and Elasticsearch.

A sink ``write``s a batch of verdicts and reports per item. Writes are idempotent and versioned: a document is
replaced only by a verdict with a sequence >= the stored one, so replays and out-of-order deliveries never regress
it; a ``deleted`` verdict removes the document; a verdict with ``previous_file_id`` (a move) removes the old one.
Readers answer the same ``SearchQuery`` and produce the same ``Report`` whatever the backend.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from pydantic import BaseModel, Field

from lanterne.events.models import FileVerdict


@dataclass(slots=True, frozen=True)
class WriteResult:
    file_id: str
    ok: bool
    skipped_stale: bool = False  # a newer version was already stored
    error: str | None = None


class VerdictSink(Protocol):
    def write(self, verdicts: Sequence[FileVerdict]) -> list[WriteResult]: ...

    def close(self) -> None: ...


class SearchQuery(BaseModel):
    """What ``lanterne search`` asks; every filter is optional and they combine with AND."""

    text: str = Field(default="", description="Full-text words (path and extracted text).")
    health_only: bool = False
    personal_only: bool = False
    identifiers: list[str] = Field(default_factory=list, description="Files holding any of these identifier types.")
    older_than_days: int | None = Field(default=None, description="Last modified more than N days ago.")
    folder: str | None = Field(default=None, description="Path prefix (absolute, or relative to the root).")
    owner: str | None = None
    fingerprints: list[str] = Field(default_factory=list, description="'TYPE:hmac' values (patient look-up).")
    min_sensitivity: int | None = None
    format: str | None = None
    limit: int = Field(default=50, ge=1, le=10_000)


class Bucket(BaseModel):
    key: str
    files: int = 0
    bytes: int = 0
    health_files: int = 0
    dark_score: float = 0.0  # mean dark score of the bucket (folders)


class Report(BaseModel):
    """What the index holds, summarised; rendered as text by the CLI or as a self-contained HTML page."""

    generated_at: datetime
    backend: str
    files: int = 0
    bytes: int = 0
    health_files: int = 0
    personal_files: int = 0
    files_with_errors: int = 0
    by_sensitivity: list[Bucket] = Field(default_factory=list)  # keys: none, low, medium, high, critical
    by_age: list[Bucket] = Field(default_factory=list)  # keys: <1y, 1-5y, 5-10y, 10-20y, >20y, unknown
    by_format: list[Bucket] = Field(default_factory=list)
    by_identifier: list[Bucket] = Field(default_factory=list)  # files per identifier type
    by_owner: list[Bucket] = Field(default_factory=list)
    top_folders: list[Bucket] = Field(default_factory=list)  # by mean dark score, then health files


class IndexReader(Protocol):
    def search(self, query: SearchQuery) -> list[FileVerdict]: ...

    def get(self, file_id: str) -> FileVerdict | None: ...

    def count(self) -> int: ...

    def report(self, now: datetime | None = None, top: int = 10) -> Report: ...

    def close(self) -> None: ...


SENSITIVITY_BUCKETS: tuple[tuple[str, int, int], ...] = (
    ("none", 0, 0),
    ("low", 1, 29),
    ("medium", 30, 59),
    ("high", 60, 84),
    ("critical", 85, 100),
)
AGE_BUCKETS_YEARS: tuple[tuple[str, float, float], ...] = (
    ("<1y", 0, 1),
    ("1-5y", 1, 5),
    ("5-10y", 5, 10),
    ("10-20y", 10, 20),
    (">20y", 20, 10_000),
)


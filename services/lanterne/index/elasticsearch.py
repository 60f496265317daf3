"""The Elasticsearch index: a ``VerdictSink`` and an ``IndexReader`` over one document per file.

Writes are bulk requests with ``_id = file_id`` and ``version_type=external_gte`` with the event's sequence as
version, so a replayed batch rewrites the same documents and an older verdict arriving late gets a version
conflict, reported as ``skipped_stale`` (a success), never an overwrite.

Deletions are tombstones, not real deletes: a deleted verdict (or the old id of a move) is indexed as a document
with ``deleted: true`` and the same external version, and every read filters tombstones out. A real delete with an
external version only remembers that version for ``index.gc_deletes`` (60 s by default): an older upsert replayed
from Kafka after that (a restarted indexer re-reading hours of the topic) would resurrect the file. A tombstone
keeps the version for as long as it exists; ``purge_tombstones`` removes those older than the topic's retention,
after which no replay can bring an older verdict back.

Transient failures (connection refused or timed out, HTTP 429 and 5xx, for the whole request or for single items)
are retried with exponential back-off (tenacity); when they outlast the retries the write raises
``InfrastructureError`` and the caller (the indexer) retries later without committing its offsets. Permanent
per-item failures (a document the mapping rejects) come back as ``WriteResult(ok=False, error=...)``.

With ``settings.history_stream`` set, the same bulk request also appends each verdict to the event-history data
stream (``lanterne.index.es_history``: create-only, deterministic ids, so a replay adds nothing); a history item
fails or succeeds with its verdict like the tombstone of a move does.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from elasticsearch import ApiError, Elasticsearch, TransportError
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from lanterne.errors import ConfigError, InfrastructureError
from lanterne.events.models import FileVerdict
from lanterne.index.base import (
    AGE_BUCKETS_YEARS,
    SENSITIVITY_BUCKETS,
    Bucket,
    Report,
    SearchQuery,
    WriteResult,
)
from lanterne.index.es_history import ensure_history, history_document, history_id, put_lifecycle
from lanterne.index.es_template import index_template

# The embedded index's word cutting, search text and folder rule, shared so both backends match the same files.
from lanterne.index.text import folder_of, searchable_texts, words
from lanterne.settings import ElasticsearchSettings

log = logging.getLogger(__name__)

_TRANSIENT_STATUS = frozenset({429, 500, 502, 503, 504})
_VERDICT_FIELDS = frozenset(FileVerdict.model_fields)
_DAYS_PER_YEAR = 365.25


def build_client(settings: ElasticsearchSettings, *, request_timeout: float = 30.0) -> Elasticsearch:
    """The one place that turns settings into a client: hosts, API key or basic auth, CA file, certificate checks.

    The transport's own retries are off (``max_retries=0``): the callers retry with back-off through tenacity, and
    a dead node is still skipped because the node pool remembers it between attempts.
    """
    options: dict[str, Any] = {
        "hosts": settings.hosts,
        "verify_certs": settings.verify_certs,
        "request_timeout": request_timeout,
        "max_retries": 0,
    }
    if settings.api_key is not None:
        options["api_key"] = settings.api_key.get_secret_value()
    elif settings.username is not None:
        password = settings.password.get_secret_value() if settings.password is not None else ""
        options["basic_auth"] = (settings.username, password)
    if settings.ca_certs is not None:
        options["ca_certs"] = str(settings.ca_certs)
    if not settings.verify_certs:
        options["ssl_show_warn"] = False
    return Elasticsearch(**options)


def to_document(verdict: FileVerdict) -> dict[str, Any]:
    """The indexed form of a verdict: the verdict itself plus the derived fields searches and reports need."""
    doc = verdict.model_dump(mode="json")
    doc["words"] = words(searchable_texts(verdict))
    doc["folder"] = folder_of(verdict.path)
    doc["identifier_types"] = sorted(name for name, n in verdict.identifiers.items() if n > 0)
    doc["has_errors"] = bool(verdict.errors)
    return doc


def from_document(source: Mapping[str, Any]) -> FileVerdict:
    """Back to the verdict: derived fields dropped."""
    return FileVerdict.model_validate({k: v for k, v in source.items() if k in _VERDICT_FIELDS})


def _moved_tombstone(verdict: FileVerdict) -> dict[str, Any]:
    """What stays of the old id of a moved file: enough to hold its version and say where it went."""
    return {
        "file_id": verdict.previous_file_id,
        "deleted": True,
        "moved_to": verdict.file_id,
        "agent_id": verdict.agent_id,
        "host": verdict.host,
        "event_id": verdict.event_id,
        "event_kind": verdict.event_kind.value,
        "sequence": verdict.sequence,
        "classified_at": verdict.classified_at.isoformat(),
    }


@dataclass(slots=True)
class _Op:
    """One bulk action; ``owner`` is the position of the verdict it serves in the batch. With a ``version`` it is an
    externally versioned ``index``; without, a ``create`` (the history's append, a 409 meaning already there)."""

    owner: int
    main: bool
    index: str
    doc_id: str
    version: int | None
    doc: dict[str, Any]
    status: int | None = None
    error: str | None = None

    def action(self) -> dict[str, Any]:
        if self.version is None:
            return {"create": {"_index": self.index, "_id": self.doc_id}}
        meta = {"_index": self.index, "_id": self.doc_id, "version": self.version, "version_type": "external_gte"}
        return {"index": meta}


class _TransientFailure(Exception):
    """Some items (or the whole request) failed in a way worth retrying."""


@dataclass(slots=True, frozen=True)
class RetryPolicy:
    """Back-off for transient failures of one write: 0.5 s, 1 s, 2 s ... capped, for a bounded number of tries."""

    attempts: int = 6
    initial_s: float = 0.5
    max_s: float = 10.0

    def retrying(self) -> Retrying:
        return Retrying(
            retry=retry_if_exception(lambda exc: isinstance(exc, _TransientFailure) or _is_transient(exc)),
            wait=wait_exponential(multiplier=self.initial_s, max=self.max_s),
            stop=stop_after_attempt(self.attempts),
            reraise=True,
        )


def _is_transient(exc: BaseException) -> bool:
    if isinstance(exc, ApiError):
        return exc.meta.status in _TRANSIENT_STATUS
    return isinstance(exc, TransportError)


def _describe(exc: Exception) -> str:
    return f"HTTP {exc.meta.status}" if isinstance(exc, ApiError) else type(exc).__name__


def _bucket(key: str, agg: Mapping[str, Any]) -> Bucket:
    dark = agg["dark"]["value"]
    return Bucket(
        key=key,
        files=agg["doc_count"],
        bytes=int(agg["bytes"]["value"] or 0),
        health_files=agg["health"]["doc_count"],
        dark_score=round(dark, 2) if dark is not None else 0.0,
    )


def _term_buckets(agg: Mapping[str, Any]) -> list[Bucket]:
    return [_bucket(b["key"], b) for b in agg["buckets"]]


_BUCKET_METRICS: dict[str, Any] = {
    "bytes": {"sum": {"field": "size"}},
    "health": {"filter": {"term": {"health_data": True}}},
    "dark": {"avg": {"field": "dark_score"}},
}
_LIVE: dict[str, Any] = {"term": {"deleted": False}}


@dataclass
class ElasticsearchIndex:
    """Sink and reader over ``settings.index``; ``ensure_index`` applies the template (the indexer calls it)."""

    settings: ElasticsearchSettings
    client: Elasticsearch | None = None
    retry: RetryPolicy = field(default_factory=RetryPolicy)

    def __post_init__(self) -> None:
        if self.client is None:
            self.client = build_client(self.settings)
        self.index = self.settings.index
        self.history = self.settings.history_stream or None
        self._ilm: bool | None = None  # whether the node has ILM, once ensure_index found out

    @property
    def _es(self) -> Elasticsearch:
        assert self.client is not None
        return self.client

    # -- setup ---------------------------------------------------------------------------------------------------

    def ensure_index(self) -> None:
        """Apply the index template and create the index if missing, then the history's lifecycle (ILM detected
        once per instance) and template; safe to call at every start.

        An existing index also gets the template's mappings (new fields are added; a changed type stops the start
        with a ``ConfigError`` rather than indexing documents the mapping would misread).
        """
        body = index_template(self.index)
        try:
            for attempt in self.retry.retrying():
                with attempt:
                    self._es.indices.put_index_template(name=self.index, **body)
                    if self._es.indices.exists(index=self.index):
                        self._es.indices.put_mapping(index=self.index, **body["template"]["mappings"])
                    else:
                        self._create()
                    if self.history:
                        if self._ilm is None:
                            self._ilm = put_lifecycle(self._es, self.history)
                        ensure_history(self._es, self.history, ilm=self._ilm)
        except ApiError as exc:
            if exc.meta.status == 400:
                raise ConfigError(f"index {self.index!r} does not accept Lanterne's mappings: {exc.message}") from exc
            raise InfrastructureError(f"cannot prepare index {self.index!r}: {exc.message}") from exc
        except TransportError as exc:
            raise InfrastructureError(f"Elasticsearch unreachable while preparing {self.index!r}: {exc}") from exc

    def _create(self) -> None:
        try:
            self._es.indices.create(index=self.index)
        except ApiError as exc:
            if exc.error != "resource_already_exists_exception":  # another indexer won the race: that is fine
                raise

    def refresh(self) -> None:
        """Make the last writes visible to searches now (tests, and the CLI after a one-shot load)."""
        self._es.indices.refresh(index=self.index)
        if self.history:  # the stream exists from its first append on
            self._es.indices.refresh(index=self.history, ignore_unavailable=True)

    # -- VerdictSink ---------------------------------------------------------------------------------------------

    def write(self, verdicts: Sequence[FileVerdict]) -> list[WriteResult]:
        """Bulk-write a batch; one result per verdict, in order. Raises ``InfrastructureError`` when Elasticsearch
        stays unreachable or overloaded through the retries (nothing is half-acknowledged: the whole batch is safe
        to write again)."""
        ops = list(self._plan(verdicts))
        if not ops:
            return []
        try:
            for attempt in self.retry.retrying():
                with attempt:
                    self._send([op for op in ops if op.status is None or op.status in _TRANSIENT_STATUS])
        except (_TransientFailure, TransportError, ApiError) as exc:
            raise InfrastructureError(f"Elasticsearch bulk write to {self.index!r} failed: {_describe(exc)}") from exc
        return self._results(verdicts, ops)

    def _plan(self, verdicts: Sequence[FileVerdict]) -> Iterator[_Op]:
        for i, v in enumerate(verdicts):
            yield _Op(i, True, self.index, v.file_id, v.sequence, to_document(v))
            if v.previous_file_id and v.previous_file_id != v.file_id:
                yield _Op(i, False, self.index, v.previous_file_id, v.sequence, _moved_tombstone(v))
            if self.history:
                yield _Op(i, False, self.history, history_id(v), None, history_document(v))

    def _send(self, ops: list[_Op]) -> None:
        """One bulk request for ``ops``; records each item's status and raises if any is worth retrying."""
        body: list[dict[str, Any]] = []
        for op in ops:
            body += [op.action(), op.doc]
        try:
            response = self._es.bulk(operations=body)
        except ApiError as exc:
            if not _is_transient(exc):
                raise InfrastructureError(f"Elasticsearch rejected the bulk request: {exc.message}") from exc
            log.warning("bulk of %d actions to %s answered %s; retrying", len(ops), self.index, _describe(exc))
            raise
        except TransportError as exc:
            log.warning("bulk of %d actions to %s failed (%s); retrying", len(ops), self.index, _describe(exc))
            raise
        for op, item in zip(ops, response["items"], strict=True):
            (result,) = item.values()  # {"index": {...}} or {"create": {...}}
            op.status = result["status"]
            error = result.get("error")
            op.error = f"{error.get('type')}: {error.get('reason')}" if isinstance(error, dict) else None
        retry = sum(1 for op in ops if op.status in _TRANSIENT_STATUS)
        if retry:
            log.warning("%d of %d bulk items to %s were refused for now; retrying them", retry, len(ops), self.index)
            raise _TransientFailure(f"{retry} items refused (HTTP 429/5xx)")

    @staticmethod
    def _results(verdicts: Sequence[FileVerdict], ops: list[_Op]) -> list[WriteResult]:
        results: list[WriteResult] = []
        by_owner: dict[int, list[_Op]] = {}
        for op in ops:
            by_owner.setdefault(op.owner, []).append(op)
        for i, v in enumerate(verdicts):
            failed = [op for op in by_owner[i] if op.status not in (200, 201, 409)]
            stale = any(op.main and op.status == 409 for op in by_owner[i])
            if failed:
                results.append(WriteResult(v.file_id, ok=False, error="; ".join(str(op.error) for op in failed)))
            else:
                results.append(WriteResult(v.file_id, ok=True, skipped_stale=stale))
        return results

    def purge_tombstones(self, older_than: timedelta, page: int = 1000) -> int:
        """Remove tombstones classified more than ``older_than`` ago; returns how many.

        Choose more than the verdict topic could replay (its retention, or the compaction lag of a compacted
        topic). Each delete carries the tombstone's own version, so a file written again meanwhile is kept.
        Search-then-bulk-delete rather than ``_delete_by_query``, which needs the ``reindex`` module.
        """
        cutoff = (datetime.now(UTC) - older_than).isoformat()
        query = {"bool": {"filter": [{"term": {"deleted": True}}, {"range": {"classified_at": {"lt": cutoff}}}]}}
        purged = 0
        while True:
            self.refresh()
            hits = self._es.search(index=self.index, query=query, size=page, version=True, source=False)
            actions = [
                {
                    "delete": {
                        "_index": self.index,
                        "_id": h["_id"],
                        "version": h["_version"],
                        "version_type": "external_gte",
                    }
                }
                for h in hits["hits"]["hits"]
            ]
            if not actions:
                return purged
            items = self._es.bulk(operations=actions)["items"]
            done = sum(1 for item in items if item["delete"]["status"] == 200)
            purged += done
            if not done:
                return purged

    # -- IndexReader ---------------------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> list[FileVerdict]:
        response = self._es.search(
            index=self.index,
            query=self._query(query),
            size=query.limit,
            sort=[{"dark_score": "desc"}, {"sensitivity": "desc"}, {"path": "asc"}],
            ignore_unavailable=True,
        )
        return [from_document(hit["_source"]) for hit in response["hits"]["hits"]]

    def get(self, file_id: str) -> FileVerdict | None:
        try:
            response = self._es.get(index=self.index, id=file_id)
        except ApiError as exc:
            if exc.meta.status == 404:
                return None
            raise
        source = response["_source"]
        return None if source.get("deleted") else from_document(source)

    def count(self) -> int:
        return int(self._es.count(index=self.index, query=_LIVE, ignore_unavailable=True)["count"])

    def report(self, now: datetime | None = None, top: int = 10) -> Report:
        now = now or datetime.now(UTC)
        response = self._es.search(
            index=self.index,
            query=_LIVE,
            size=0,
            track_total_hits=True,
            aggs=self._report_aggs(now, top),
            ignore_unavailable=True,
        )
        aggs = response.get("aggregations")
        report = Report(generated_at=now, backend="elasticsearch", files=response["hits"]["total"]["value"])
        if not aggs or not report.files:
            return report
        report.bytes = int(aggs["bytes"]["value"] or 0)
        report.health_files = aggs["health"]["doc_count"]
        report.personal_files = aggs["personal"]["doc_count"]
        report.files_with_errors = aggs["errors"]["doc_count"]
        sens = aggs["sensitivity"]["buckets"]
        report.by_sensitivity = [_bucket(key, sens[key]) for key, _, _ in SENSITIVITY_BUCKETS]
        ages = aggs["age"]["buckets"]
        report.by_age = [_bucket(key, ages[key]) for key, _, _ in AGE_BUCKETS_YEARS]
        report.by_age.append(_bucket("unknown", aggs["age_unknown"]))
        report.by_format = _term_buckets(aggs["format"])
        report.by_identifier = _term_buckets(aggs["identifier"])
        report.by_owner = _term_buckets(aggs["owner"])
        report.top_folders = _term_buckets(aggs["folders"])
        return report

    @staticmethod
    def _report_aggs(now: datetime, top: int) -> dict[str, Any]:
        def terms(field_name: str, size: int, order: list[dict[str, str]]) -> dict[str, Any]:
            return {"terms": {"field": field_name, "size": size, "order": order}, "aggs": _BUCKET_METRICS}

        ages = []
        for n, (key, young, old) in enumerate(AGE_BUCKETS_YEARS):
            # an age range [young, old) years is an mtime range (now - old, now - young]; the first range also
            # takes mtimes in the future (clock skew), the last one has no lower end
            bounds: dict[str, Any] = {"key": key}
            if n:
                bounds["to"] = (now - timedelta(days=young * _DAYS_PER_YEAR)).isoformat()
            if n < len(AGE_BUCKETS_YEARS) - 1:
                bounds["from"] = (now - timedelta(days=old * _DAYS_PER_YEAR)).isoformat()
            ages.append(bounds)
        by_count = [{"_count": "desc"}, {"_key": "asc"}]
        return {
            "bytes": {"sum": {"field": "size"}},
            "health": {"filter": {"term": {"health_data": True}}},
            "personal": {"filter": {"term": {"personal_data": True}}},
            "errors": {"filter": {"term": {"has_errors": True}}},
            "sensitivity": {
                "range": {
                    "field": "sensitivity",
                    "keyed": True,
                    "ranges": [{"key": key, "from": lo, "to": hi + 1} for key, lo, hi in SENSITIVITY_BUCKETS],
                },
                "aggs": _BUCKET_METRICS,
            },
            "age": {"date_range": {"field": "mtime", "keyed": True, "ranges": ages}, "aggs": _BUCKET_METRICS},
            "age_unknown": {"missing": {"field": "mtime"}, "aggs": _BUCKET_METRICS},
            "format": terms("format", 1000, by_count),
            "identifier": terms("identifier_types", 1000, by_count),
            "owner": terms("owner", top, by_count),
            "folders": terms("folder", top, [{"dark": "desc"}, {"health": "desc"}, {"_key": "asc"}]),
        }

    def _query(self, q: SearchQuery) -> dict[str, Any]:
        filters: list[dict[str, Any]] = [_LIVE]
        filters += [{"term": {"words": w}} for w in words([q.text])]
        if q.health_only:
            filters.append({"term": {"health_data": True}})
        if q.personal_only:
            filters.append({"term": {"personal_data": True}})
        if q.identifiers:
            filters.append({"terms": {"identifier_types": q.identifiers}})
        if q.older_than_days is not None:
            cutoff = datetime.now(UTC) - timedelta(days=q.older_than_days)
            filters.append({"range": {"mtime": {"lt": cutoff.isoformat()}}})
        if q.folder:
            filters.append(_folder_filter(q.folder))
        if q.owner:
            filters.append({"term": {"owner": q.owner}})
        if q.fingerprints:
            filters.append({"terms": {"fingerprints": q.fingerprints}})
        if q.min_sensitivity is not None:
            filters.append({"range": {"sensitivity": {"gte": q.min_sensitivity}}})
        if q.format:
            filters.append({"term": {"format": q.format}})
        return {"bool": {"filter": filters}}

    def close(self) -> None:
        self._es.close()


def _folder_filter(folder: str) -> dict[str, Any]:
    """Files under ``folder``: the folder itself as a path component, matched against the absolute or the
    relative path (``/srv/a`` matches ``/srv/a/x`` but not ``/srv/ab/x``)."""
    base = folder.rstrip("/\\")
    should = [{"prefix": {name: f"{base}{sep}"}} for name in ("path", "relative_path") for sep in ("/", "\\")]
    return {"bool": {"should": should, "minimum_should_match": 1}}

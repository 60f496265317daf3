"""The event history: every verdict the indexer writes is also appended to a data stream, under a lifecycle.

``lanterne-files`` holds the current state of each file; the history keeps one small document per verdict event
(when a file was seen, moved, deleted, and what it held then), so trends can be charted and a question such as
"since when has this folder held patient files?" answered after the files themselves changed.

Only the fields below are kept: no text, no samples, no fingerprints, no reasons (a verdict holds no clear
identifier, and the history keeps even less). Paths stay: a path saying where health data lived is itself sensitive
metadata, which is why the history is deleted after ``RETENTION``.

Idempotence: documents are written with ``op_type: create`` and ``_id = {file_id}:{sequence}``, so a replayed
batch meets a 409 conflict, counted as success, instead of appending twice. A data stream checks ids within its
write index only: a replay reaching back past a rollover (``ROLLOVER_MAX_AGE``) writes a second copy in the new
backing index. Readers that need exact counts deduplicate on ``_id`` (or on ``file_id`` + ``sequence``).

Lifecycle (ILM policy of the same name as the stream): the hot write index rolls over at ``ROLLOVER_MAX_AGE`` or
``ROLLOVER_MAX_PRIMARY_SHARD_SIZE``, and a backing index is deleted ``RETENTION`` after its rollover, so a document
lives between ``RETENTION`` and ``RETENTION`` + ``ROLLOVER_MAX_AGE`` (one year to about thirteen months). Why one
year: it covers a yearly review of the dark data (the same month a year before is still there to compare), and
keeping a map of where patient data lived longer than that is not needed for it (minimisation, GDPR art. 5(1)(e)).
Operators who need longer change the policy in Elasticsearch; Lanterne only creates it when missing.

A node without ILM (the minimal integ-test distribution the local tests run) has no ``_ilm`` API and refuses any
template that names a lifecycle: the template is then applied without ``index.lifecycle.name``, and one warning
says the history is kept without rollover or deletion.

``python -m lanterne.index.es_history DIR`` writes the template (for the full distribution: with its lifecycle) and
the policy for the default name to ``DIR`` (``schemas/elasticsearch/``); a unit test checks they are up to date.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

from elasticsearch import ApiError, Elasticsearch

from lanterne.events.models import FileVerdict
from lanterne.index.es_template import IDENTIFIER_TYPES, counts_object, index_settings

log = logging.getLogger(__name__)

DEFAULT_HISTORY_STREAM = "lanterne-history"
ROLLOVER_MAX_AGE = "30d"
ROLLOVER_MAX_PRIMARY_SHARD_SIZE = "10gb"
RETENTION = "365d"
NO_ILM_WARNING = (
    "this Elasticsearch node has no index lifecycle management: history is kept without rollover or deletion"
)
_NO_HANDLER_STATUS = frozenset({400, 404, 405})

_KEYWORD: dict[str, Any] = {"type": "keyword"}


def history_id(verdict: FileVerdict) -> str:
    """The document id of a verdict event: the same verdict replayed gets the same id."""
    return f"{verdict.file_id}:{verdict.sequence}"


def history_document(verdict: FileVerdict) -> dict[str, Any]:
    """The history's record of one verdict: when, what kind of event, and what the file held then."""
    return {
        "@timestamp": verdict.classified_at.isoformat(),
        "file_id": verdict.file_id,
        "path": verdict.path,
        "event_kind": verdict.event_kind.value,
        "sequence": verdict.sequence,
        "health_data": verdict.health_data,
        "personal_data": verdict.personal_data,
        "identifiers": dict(verdict.identifiers),
        "sensitivity": verdict.sensitivity,
        "dark_score": verdict.dark_score,
        "deleted": verdict.deleted,
        "content_hash": verdict.content_hash,
        "error_codes": sorted({e.code for e in verdict.errors}),
    }


def history_mappings() -> dict[str, Any]:
    """Explicit mappings of ``history_document`` (``dynamic: false``: an unmapped field stays in ``_source`` only)."""
    return {
        "dynamic": False,
        "dynamic_templates": [{"identifier_counts": {"path_match": "identifiers.*", "mapping": {"type": "integer"}}}],
        "properties": {
            "@timestamp": {"type": "date"},
            "file_id": _KEYWORD,
            "path": _KEYWORD,
            "event_kind": _KEYWORD,
            "sequence": {"type": "long"},
            "health_data": {"type": "boolean"},
            "personal_data": {"type": "boolean"},
            "identifiers": counts_object(IDENTIFIER_TYPES),
            "sensitivity": {"type": "short"},
            "dark_score": {"type": "short"},
            "deleted": {"type": "boolean"},
            "content_hash": _KEYWORD,
            "error_codes": _KEYWORD,
        },
    }


def history_template(stream: str = DEFAULT_HISTORY_STREAM, *, lifecycle: str | None = None) -> dict[str, Any]:
    """The body of ``PUT _index_template/<stream>``: a data stream of exactly this name, under ``lifecycle``
    (an ILM policy name) when given."""
    settings = index_settings()
    if lifecycle:
        settings["index.lifecycle.name"] = lifecycle
    return {
        "index_patterns": [stream],
        "data_stream": {},
        "priority": 200,
        "template": {"settings": settings, "mappings": history_mappings()},
        "_meta": {"description": "Lanterne: one document per verdict event", "managed_by": "lanterne"},
    }


def lifecycle_policy() -> dict[str, Any]:
    """The body of ``PUT _ilm/policy/<stream>``: roll over monthly (or at 10 GB), delete a year after."""
    return {
        "phases": {
            "hot": {
                "min_age": "0ms",
                "actions": {
                    "rollover": {
                        "max_age": ROLLOVER_MAX_AGE,
                        "max_primary_shard_size": ROLLOVER_MAX_PRIMARY_SHARD_SIZE,
                    }
                },
            },
            "delete": {"min_age": RETENTION, "actions": {"delete": {}}},
        },
        "_meta": {"description": "Lanterne event history: kept one year (see lanterne.index.es_history)"},
    }


def put_lifecycle(client: Elasticsearch, name: str) -> bool:
    """Create the policy if missing (an operator's edited policy is kept). Returns False, after logging
    ``NO_ILM_WARNING``, when the node has no ILM. Called once per start (the caller remembers the answer)."""
    try:
        client.ilm.get_lifecycle(name=name)
        return True
    except ApiError as exc:
        if _no_handler(exc):
            log.warning(NO_ILM_WARNING)
            return False
        if exc.meta.status != 404:
            raise
    client.ilm.put_lifecycle(name=name, policy=lifecycle_policy())
    return True


def ensure_history(client: Elasticsearch, stream: str, *, ilm: bool) -> None:
    """Put the template, naming the lifecycle when the node has ILM (``put_lifecycle``'s answer); safe at every
    start. Raises ``ApiError``/``TransportError`` for the caller to classify.

    The stream itself is created by the first append (``create`` into a name the template marks as a data stream):
    the ``_data_stream`` API is a module the minimal node lacks. An existing stream gets the template's mappings.
    """
    body = history_template(stream, lifecycle=stream if ilm else None)
    client.indices.put_index_template(name=stream, **body)
    if client.indices.exists(index=stream):
        client.indices.put_mapping(index=stream, **body["template"]["mappings"])  # new fields reach old indices


def _no_handler(exc: ApiError) -> bool:
    """The node has no such API (ILM module absent): answered 400/404/405 with "no handler found"."""
    return exc.meta.status in _NO_HANDLER_STATUS and "no handler" in str(exc.message).lower()


def main() -> None:
    """Write the template (with its lifecycle) and the policy for the default name to the directory given."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("schemas/elasticsearch")
    files = {
        f"{DEFAULT_HISTORY_STREAM}.template.json": history_template(lifecycle=DEFAULT_HISTORY_STREAM),
        f"{DEFAULT_HISTORY_STREAM}.ilm-policy.json": {"policy": lifecycle_policy()},
    }
    for name, body in files.items():
        (out / name).write_text(json.dumps(body, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()

"""The Elasticsearch index template for ``lanterne-files``: explicit mappings, built here and exported to schemas/.

Why in Python and not a JSON file read at run time: the template's pattern follows the configured index name, and
an installed wheel must find it without data files outside the package. ``schemas/elasticsearch/`` holds the
export for the default name (``python -m lanterne.index.es_template``), and a unit test checks it is up to date,
the same way the event JSON Schemas are generated from the pydantic models.

Choices (see also the module docstring of ``lanterne.index.elasticsearch``):
- ``dynamic: false`` at the root: a field added to ``FileVerdict`` later stays in ``_source`` (and so in ``get``)
  without a mapping explosion, until the template maps it.
- identifiers and clinical signals are objects of integers: explicit fields for the known identifier types, a
  dynamic template for new ones, so Kibana can sum them; ``identifier_types`` (keyword) lists the types present.
- full text is a ``words`` keyword field filled by Lanterne itself (``lanterne.index.sqlite.words``) with
  the same tokens the embedded index's FTS5 ``unicode61`` tokenizer makes (runs of letters and digits, lower-cased,
  accents removed), and queried term by term: both backends then match the same files for the same words, and
  the template needs no analysis plugin (a minimal node, like the integ-test distribution the local tests run,
  has no ``analysis-common``). ``path`` is a keyword (exact prefix filters, aggregations) with a ``path.text``
  subfield (``standard`` analyzer) for free-text search in Kibana.
- ``members`` are stored, not indexed (an archive can hold thousands).
- one shard: the per-folder ordering by mean dark score is then exact.
"""

from __future__ import annotations

import json
import sys
from typing import Any

IDENTIFIER_TYPES: tuple[str, ...] = (
    "NIR",
    "NIA",
    "INS",
    "IPP",
    "NDA",
    "RPPS",
    "ADELI",
    "FINESS",
    "IBAN",
    "EMAIL",
    "PHONE",
    "PERSON_NAME",
    "BIRTH_DATE",
)
DEFAULT_INDEX = "lanterne-files"

_KEYWORD: dict[str, Any] = {"type": "keyword"}
_DATE: dict[str, Any] = {"type": "date"}


def counts_object(known: tuple[str, ...]) -> dict[str, Any]:
    """Counts per type (identifiers): integers for the known types, and for any new one (dynamic)."""
    return {"type": "object", "dynamic": True, "properties": {name: {"type": "integer"} for name in known}}


def mappings() -> dict[str, Any]:
    """The explicit mappings of one verdict document."""
    return {
        "dynamic": False,
        "dynamic_templates": [
            {"identifier_counts": {"path_match": "identifiers.*", "mapping": {"type": "integer"}}},
            {"clinical_counts": {"path_match": "clinical.*", "mapping": {"type": "integer"}}},
            {"sensitivity_factors": {"path_match": "sensitivity_factors.*", "mapping": {"type": "float"}}},
        ],
        "properties": {
            "schema_version": {"type": "short"},
            "file_id": _KEYWORD,
            "path": {"type": "keyword", "fields": {"text": {"type": "text", "analyzer": "standard"}}},
            "raw_path": {"type": "keyword", "index": False, "doc_values": False},  # base64 bytes, kept only
            "root": _KEYWORD,
            "relative_path": _KEYWORD,
            "folder": _KEYWORD,
            "agent_id": _KEYWORD,
            "host": _KEYWORD,
            "deleted": {"type": "boolean"},
            "previous_file_id": _KEYWORD,
            "format": _KEYWORD,
            "size": {"type": "long"},
            "mtime": _DATE,
            "atime": _DATE,
            "ctime": _DATE,
            "owner": _KEYWORD,
            "group": _KEYWORD,
            "mode": {"type": "integer"},
            "health_data": {"type": "boolean"},
            "personal_data": {"type": "boolean"},
            "identifiers": counts_object(IDENTIFIER_TYPES),
            "identifier_types": _KEYWORD,
            "clinical": {"type": "object", "dynamic": True},
            "samples": _KEYWORD,
            "fingerprints": _KEYWORD,
            "terms": {"type": "keyword", "index": False, "doc_values": False},  # searched through "words"
            "reasons": _KEYWORD,
            "members": {"type": "object", "enabled": False},
            "sensitivity": {"type": "short"},
            "sensitivity_factors": {"type": "object", "dynamic": True},
            "staleness": {"type": "float"},
            "exposure": {"type": "float"},
            "duplication": {"type": "float"},
            "dark_score": {"type": "short"},
            "content_hash": _KEYWORD,
            "truncated": {"type": "boolean"},
            "errors": {
                "type": "object",
                "properties": {
                    "code": _KEYWORD,
                    "message": {"type": "text", "analyzer": "standard"},
                    "stage": _KEYWORD,
                },
            },
            "has_errors": {"type": "boolean"},
            "event_id": _KEYWORD,
            "event_kind": _KEYWORD,
            "sequence": {"type": "long"},
            "classified_at": _DATE,
            "classifier_version": _KEYWORD,
            "moved_to": _KEYWORD,
            "words": _KEYWORD,
        },
    }


def index_settings() -> dict[str, Any]:
    """One shard (exact per-folder ordering), one replica as soon as a second node joins."""
    return {"number_of_shards": 1, "auto_expand_replicas": "0-1"}


def index_template(index: str = DEFAULT_INDEX) -> dict[str, Any]:
    """The body of ``PUT _index_template/<index>``: applies to exactly this index name."""
    return {
        "index_patterns": [index],
        "priority": 200,
        "template": {"settings": index_settings(), "mappings": mappings()},
        "_meta": {"description": "Lanterne: one document per file, its current verdict", "managed_by": "lanterne"},
    }


def main() -> None:
    """Print the template for the default index (to refresh ``schemas/elasticsearch/``)."""
    sys.stdout.write(json.dumps(index_template(), indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()

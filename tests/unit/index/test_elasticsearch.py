"""The Elasticsearch sink without a server: documents, bulk actions, retries, per-item results, the client's auth.

The server's own behaviour (versions, tombstones, search, aggregations) is tested against a real node in
tests/integration/test_es_*.py; here a scripted client stands in for ``Elasticsearch.bulk``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from elastic_transport import ApiResponseMeta, ConnectionError, HttpHeaders, NodeConfig
from elasticsearch import ApiError
from pydantic import SecretStr

from lanterne.errors import InfrastructureError
from lanterne.events.models import ErrorNote, FileVerdict
from lanterne.index.elasticsearch import (
    ElasticsearchIndex,
    RetryPolicy,
    build_client,
    from_document,
    to_document,
)
from lanterne.settings import ElasticsearchSettings

NO_WAIT = RetryPolicy(attempts=3, initial_s=0, max_s=0)


def verdict(file_id: str, sequence: int, **fields: Any) -> FileVerdict:
    values: dict[str, Any] = {
        "file_id": file_id,
        "path": f"/srv/share/{file_id}.txt",
        "root": "/srv/share",
        "relative_path": f"{file_id}.txt",
        "agent_id": "agent-1",
        "host": "fs1",
        "event_id": f"agent-1:{sequence}",
        "event_kind": "scanned",
        "sequence": sequence,
        "classifier_version": "test",
    }
    return FileVerdict(**(values | fields))


def api_error(status: int) -> ApiError:
    meta = ApiResponseMeta(
        status=status,
        http_version="1.1",
        headers=HttpHeaders(),
        duration=0.0,
        node=NodeConfig("http", "localhost", 9200),
    )
    return ApiError(f"HTTP {status}", meta=meta, body={})


class ScriptedClient:
    """Answers each ``bulk`` call with the next scripted outcome: a list of item statuses, or an exception."""

    def __init__(self, *outcomes: list[int] | Exception) -> None:
        self.outcomes = list(outcomes)
        self.calls: list[list[dict[str, Any]]] = []

    def bulk(self, operations: list[dict[str, Any]]) -> dict[str, Any]:
        self.calls.append(operations)
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        assert len(outcome) == len(operations) // 2, "the script must answer every action of the request"
        items = []
        for status in outcome:
            item: dict[str, Any] = {"status": status}
            if status >= 300:
                item["error"] = {"type": f"error_{status}", "reason": "scripted"}
            items.append({"index": item})
        return {"errors": any(s >= 300 for s in outcome), "items": items}

    def close(self) -> None:
        pass


def sink(client: ScriptedClient) -> ElasticsearchIndex:
    settings = ElasticsearchSettings(index="files-test", history_stream=None)
    return ElasticsearchIndex(settings, client=client, retry=NO_WAIT)  # type: ignore[arg-type]


# -- documents ---------------------------------------------------------------------------------------------------


def test_document_round_trips_and_carries_the_derived_fields() -> None:
    v = verdict(
        "f1",
        7,
        path="/srv/share/Cardiologie/lettre_Échographie.docx",
        identifiers={"NIR": 2, "IPP": 0, "INS": 1},
        reasons=["NIR valide + contexte médical"],
        errors=[ErrorNote(code="corrupt", message="table endommagée")],
        mtime=datetime(2015, 3, 1, 12, 30, 15, 123456, tzinfo=UTC),
    )
    doc = to_document(v)
    assert doc["folder"] == "/srv/share/Cardiologie"
    assert doc["identifier_types"] == ["INS", "NIR"]  # zero counts are not "holding" the type
    assert doc["has_errors"] is True
    assert {"cardiologie", "echographie", "nir", "medical", "endommagee"} <= set(doc["words"])
    assert from_document(json.loads(json.dumps(doc))) == v


# -- template ----------------------------------------------------------------------------------------------------


def test_template_maps_every_verdict_field_and_every_derived_field() -> None:
    from lanterne.index.es_template import index_template

    properties = index_template()["template"]["mappings"]["properties"]
    derived = set(to_document(verdict("f", 1))) - set(FileVerdict.model_fields)
    assert set(FileVerdict.model_fields) | derived <= set(properties)


def test_checked_in_template_is_up_to_date() -> None:
    from lanterne.index.es_template import index_template

    checked_in = Path(__file__).parents[3] / "schemas" / "elasticsearch" / "lanterne-files.template.json"
    assert json.loads(checked_in.read_text()) == index_template(), "run: python -m lanterne.index.es_template > ..."


def test_template_follows_the_configured_index_name() -> None:
    from lanterne.index.es_template import index_template

    assert index_template("hopital-x-files")["index_patterns"] == ["hopital-x-files"]


# -- bulk writes -------------------------------------------------------------------------------------------------


def test_bulk_actions_use_file_id_and_external_version() -> None:
    client = ScriptedClient([201, 200])
    results = sink(client).write([verdict("a", 5), verdict("b", 9, deleted=True)])
    actions = client.calls[0][0::2]
    docs = client.calls[0][1::2]
    assert [a["index"]["_id"] for a in actions] == ["a", "b"]
    assert [a["index"]["version"] for a in actions] == [5, 9]
    assert {a["index"]["version_type"] for a in actions} == {"external_gte"}
    assert [d["deleted"] for d in docs] == [False, True]  # a delete is a tombstone document, not a real delete
    assert results == [r for r in results if r.ok and not r.skipped_stale]


def test_a_move_tombstones_the_old_id_with_the_move_version() -> None:
    client = ScriptedClient([201, 201])
    results = sink(client).write([verdict("new", 12, previous_file_id="old")])
    action, doc = client.calls[0][2], client.calls[0][3]
    assert action["index"]["_id"] == "old" and action["index"]["version"] == 12
    assert doc["deleted"] is True and doc["moved_to"] == "new"
    assert len(results) == 1 and results[0].ok


def test_version_conflict_is_a_stale_success() -> None:
    results = sink(ScriptedClient([409, 201])).write([verdict("a", 1), verdict("b", 2)])
    assert [(r.ok, r.skipped_stale) for r in results] == [(True, True), (True, False)]


def test_conflict_on_the_old_id_of_a_move_is_not_stale_for_the_new_one() -> None:
    results = sink(ScriptedClient([201, 409])).write([verdict("new", 3, previous_file_id="old")])
    assert (results[0].ok, results[0].skipped_stale) == (True, False)


def test_refused_items_are_retried_alone_then_succeed() -> None:
    client = ScriptedClient([201, 429, 503], [201, 201])
    results = sink(client).write([verdict("a", 1), verdict("b", 1), verdict("c", 1)])
    assert [a["index"]["_id"] for a in client.calls[1][0::2]] == ["b", "c"]
    assert all(r.ok for r in results)


def test_a_rejected_document_is_a_per_item_error() -> None:
    results = sink(ScriptedClient([201, 400])).write([verdict("a", 1), verdict("b", 1)])
    assert results[0].ok
    assert not results[1].ok and "error_400" in (results[1].error or "")


@pytest.mark.parametrize("failure", [ConnectionError("refused"), api_error(503), api_error(429)])
def test_whole_request_failures_are_retried(failure: Exception) -> None:
    client = ScriptedClient(failure, [201])
    assert sink(client).write([verdict("a", 1)])[0].ok
    assert len(client.calls) == 2


def test_persistent_outage_raises_infrastructure_error_after_the_retries() -> None:
    client = ScriptedClient(*[ConnectionError("refused")] * NO_WAIT.attempts)
    with pytest.raises(InfrastructureError):
        sink(client).write([verdict("a", 1)])
    assert len(client.calls) == NO_WAIT.attempts


def test_items_refused_through_every_retry_raise_rather_than_report_success() -> None:
    client = ScriptedClient(*[[429]] * NO_WAIT.attempts)
    with pytest.raises(InfrastructureError):
        sink(client).write([verdict("a", 1)])


def test_a_bad_request_is_not_retried() -> None:
    client = ScriptedClient(api_error(400))
    with pytest.raises(InfrastructureError):
        sink(client).write([verdict("a", 1)])
    assert len(client.calls) == 1


# -- the client --------------------------------------------------------------------------------------------------


class _Capture(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, str]]] = []

    def do_POST(self) -> None:
        _Capture.seen.append({k.lower(): v for k, v in self.headers.items()})
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b'{"count": 0, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake_es() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Capture)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Capture.seen.clear()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("credentials", "expected"),
    [
        ({"api_key": SecretStr("a2V5OnNlY3JldA==")}, "ApiKey a2V5OnNlY3JldA=="),
        ({"username": "lanterne", "password": SecretStr("s3cret")}, "Basic bGFudGVybmU6czNjcmV0"),
        ({}, None),
    ],
)
def test_client_sends_the_configured_credentials(
    fake_es: str, credentials: dict[str, Any], expected: str | None
) -> None:
    client = build_client(ElasticsearchSettings(hosts=[fake_es], **credentials))
    client.count(index="x")
    client.close()
    assert _Capture.seen[-1].get("authorization") == expected


def test_client_takes_the_ca_file_and_certificate_checks() -> None:
    import certifi

    ca_file = Path(certifi.where())  # any readable PEM bundle will do
    client = build_client(ElasticsearchSettings(hosts=["https://127.0.0.1:9"], ca_certs=ca_file))
    node = next(iter(client.transport.node_pool.all()))
    assert node.config.ca_certs == str(ca_file) and node.config.verify_certs
    loose = build_client(ElasticsearchSettings(hosts=["https://127.0.0.1:9"], verify_certs=False))
    assert not next(iter(loose.transport.node_pool.all())).config.verify_certs

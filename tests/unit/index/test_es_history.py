"""The event history without a server: its documents, template and lifecycle policy, the start on nodes with and
without ILM (a mock client), and the history actions in the sink's bulk requests."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from unittest.mock import MagicMock

import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import ApiError
from test_elasticsearch import NO_WAIT, ScriptedClient, verdict  # the sibling module (rootdir import mode)

from lanterne.events.models import ErrorNote
from lanterne.index.elasticsearch import ElasticsearchIndex
from lanterne.index.es_history import (
    NO_ILM_WARNING,
    ensure_history,
    history_document,
    history_mappings,
    history_template,
    lifecycle_policy,
    put_lifecycle,
)
from lanterne.settings import ElasticsearchSettings

SCHEMAS = Path(__file__).parents[3] / "schemas" / "elasticsearch"


def api_error(status: int, message: str, body: dict[str, Any] | None = None) -> ApiError:
    meta = ApiResponseMeta(
        status=status, http_version="1.1", headers=HttpHeaders(), duration=0.0, node=NodeConfig("http", "h", 9200)
    )
    return ApiError(message, meta=meta, body=body or {"error": message})


NO_HANDLER = api_error(400, "no handler found for uri [/_ilm/policy/h] and method [GET]")
NO_POLICY = api_error(404, "resource_not_found_exception")


def start(client: MagicMock, stream: str = "hx") -> bool:
    """What ``ensure_index`` does for the history at a start: detect ILM (putting the policy), then the template."""
    ilm = put_lifecycle(client, stream)
    ensure_history(client, stream, ilm=ilm)
    return ilm


def node(get_lifecycle: Any = None, stream_exists: bool = False) -> MagicMock:
    """A mock client: ``ilm.get_lifecycle`` answers ``get_lifecycle`` (an exception is raised), the stream exists
    or not."""
    client = MagicMock()
    client.ilm.get_lifecycle.side_effect = [get_lifecycle] if isinstance(get_lifecycle, Exception) else None
    client.indices.exists.return_value = stream_exists
    return client


def put_template_settings(client: MagicMock) -> dict[str, Any]:
    return dict(client.indices.put_index_template.call_args.kwargs["template"]["settings"])


# -- documents, template, policy ---------------------------------------------------------------------------------


def test_history_document_keeps_only_the_event_and_its_verdict_summary() -> None:
    at = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    v = verdict(
        "f1",
        42,
        classified_at=at,
        identifiers={"NIR": 2},
        samples=["NIR 2 55 ** *** *** 38"],
        fingerprints=["NIR:abc"],
        terms=["cardiologie"],
        reasons=["NIR valide"],
        errors=[
            ErrorNote(code="corrupt", message="x"),
            ErrorNote(code="timeout", message="y"),
            ErrorNote(code="corrupt", message="z"),
        ],
        health_data=True,
        sensitivity=80,
        dark_score=70,
        content_hash="sha256:00",
    )
    doc = history_document(v)
    assert set(doc) == {
        "@timestamp", "file_id", "path", "event_kind", "sequence", "health_data", "personal_data", "identifiers",
        "sensitivity", "dark_score", "deleted", "content_hash", "error_codes",
    }  # fmt: skip
    assert doc["@timestamp"] == at.isoformat() and doc["sequence"] == 42 and doc["event_kind"] == "scanned"
    assert doc["error_codes"] == ["corrupt", "timeout"]  # codes only: messages can quote content
    assert doc["identifiers"] == {"NIR": 2}
    assert json.loads(json.dumps(doc)) == doc


def test_mappings_cover_every_history_field() -> None:
    assert set(history_document(verdict("f", 1))) <= set(history_mappings()["properties"])
    assert history_mappings()["properties"]["@timestamp"]["type"] == "date"  # required by a data stream


def test_template_is_a_data_stream_and_names_its_lifecycle_only_when_asked() -> None:
    with_ilm = history_template("hx", lifecycle="hx")
    assert with_ilm["index_patterns"] == ["hx"] and with_ilm["data_stream"] == {}
    assert with_ilm["template"]["settings"]["index.lifecycle.name"] == "hx"
    assert "index.lifecycle.name" not in history_template("hx")["template"]["settings"]


def test_policy_rolls_over_monthly_or_at_10gb_and_deletes_after_a_year() -> None:
    phases = lifecycle_policy()["phases"]
    assert phases["hot"]["actions"]["rollover"] == {"max_age": "30d", "max_primary_shard_size": "10gb"}
    assert phases["delete"] == {"min_age": "365d", "actions": {"delete": {}}}


def test_checked_in_template_and_policy_are_up_to_date() -> None:
    hint = "run: python -m lanterne.index.es_history schemas/elasticsearch"
    template = json.loads((SCHEMAS / "lanterne-history.template.json").read_text())
    assert template == history_template(lifecycle="lanterne-history"), hint
    assert json.loads((SCHEMAS / "lanterne-history.ilm-policy.json").read_text()) == {"policy": lifecycle_policy()}


# -- start: with and without ILM ---------------------------------------------------------------------------------


def test_a_node_without_ilm_gets_the_template_without_lifecycle_and_one_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = node(NO_HANDLER)
    with caplog.at_level(logging.WARNING, logger="lanterne.index.es_history"):
        assert start(client) is False
    assert [r.getMessage() for r in caplog.records] == [NO_ILM_WARNING]
    client.ilm.put_lifecycle.assert_not_called()
    assert "index.lifecycle.name" not in put_template_settings(client)
    client.indices.put_mapping.assert_not_called()  # no stream yet: the first append creates it


def test_a_node_with_ilm_gets_the_missing_policy_then_the_template_naming_it(caplog: pytest.LogCaptureFixture) -> None:
    client = node(NO_POLICY)
    with caplog.at_level(logging.WARNING):
        assert start(client) is True
    assert not caplog.records
    client.ilm.put_lifecycle.assert_called_once_with(name="hx", policy=lifecycle_policy())
    assert put_template_settings(client)["index.lifecycle.name"] == "hx"


def test_an_existing_policy_is_kept_and_an_existing_stream_gets_the_mappings() -> None:
    client = node(stream_exists=True)  # get_lifecycle answers: the policy is there (maybe edited by an operator)
    assert start(client) is True
    client.ilm.put_lifecycle.assert_not_called()
    assert client.indices.put_mapping.call_args.kwargs["index"] == "hx"


def test_a_real_bad_request_from_ilm_is_not_taken_for_a_missing_module() -> None:
    client = node(api_error(400, "x_content_parse_exception"))
    with pytest.raises(ApiError):
        start(client)
    client.indices.put_index_template.assert_not_called()


def test_ensure_index_detects_ilm_once_per_process(caplog: pytest.LogCaptureFixture) -> None:
    client = node(NO_HANDLER)
    index = ElasticsearchIndex(ElasticsearchSettings(index="fx", history_stream="hx"), client=client, retry=NO_WAIT)
    with caplog.at_level(logging.WARNING, logger="lanterne.index.es_history"):
        index.ensure_index()
        index.ensure_index()
    assert [r.getMessage() for r in caplog.records] == [NO_ILM_WARNING]
    assert client.ilm.get_lifecycle.call_count == 1
    assert client.indices.put_index_template.call_count == 4  # files + history, twice


@pytest.mark.parametrize("disabled", [None, ""])
def test_no_history_stream_means_no_history_setup(disabled: str | None) -> None:
    client = node(NO_HANDLER)
    index = ElasticsearchIndex(ElasticsearchSettings(index="fx", history_stream=disabled), client=client)
    index.ensure_index()
    client.ilm.get_lifecycle.assert_not_called()
    assert client.indices.put_index_template.call_count == 1


# -- the sink's bulk requests ------------------------------------------------------------------------------------


def history_sink(client: ScriptedClient) -> ElasticsearchIndex:
    settings = ElasticsearchSettings(index="fx", history_stream="hx")
    return ElasticsearchIndex(settings, client=client, retry=NO_WAIT)  # type: ignore[arg-type]


def test_each_verdict_is_also_created_in_the_history_under_a_replay_proof_id() -> None:
    client = ScriptedClient([201, 201, 201, 201])
    batch = [verdict("a", 5), verdict("b", 9)]
    results = history_sink(client).write(batch)
    actions = client.calls[0][0::2]
    assert actions[1] == {"create": {"_index": "hx", "_id": "a:5"}}
    assert actions[3] == {"create": {"_index": "hx", "_id": "b:9"}}
    assert client.calls[0][3] == history_document(batch[0])
    assert all(r.ok and not r.skipped_stale for r in results)


def test_history_already_there_is_a_success_and_not_stale() -> None:
    results = history_sink(ScriptedClient([201, 409])).write([verdict("a", 5)])
    assert (results[0].ok, results[0].skipped_stale) == (True, False)


def test_a_history_document_refused_for_good_fails_its_verdict() -> None:
    results = history_sink(ScriptedClient([201, 400])).write([verdict("a", 5)])
    assert not results[0].ok and "error_400" in (results[0].error or "")


def test_a_refused_history_item_is_retried_alone() -> None:
    client = ScriptedClient([201, 429], [201])
    assert history_sink(client).write([verdict("a", 5)])[0].ok
    assert client.calls[1][0] == {"create": {"_index": "hx", "_id": "a:5"}}

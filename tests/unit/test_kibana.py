"""Kibana saved objects: their structure (Kibana itself cannot run here) and the import request, against a local
fake of Kibana's saved-objects API (http.server on 127.0.0.1)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest
from pydantic import SecretStr

from lanterne.errors import InfrastructureError
from lanterne.index.es_template import mappings
from lanterne.kibana import import_saved_objects, saved_objects, to_ndjson
from lanterne.settings import ElasticsearchSettings

AGGREGATABLE = {"keyword", "long", "integer", "short", "float", "date", "boolean"}


def _field_type(name: str) -> str | None:
    node: dict[str, Any] = mappings()
    for part in name.split("."):
        node = node.get("properties", {}).get(part, {})
    return node.get("type")


def _lens_objects() -> list[dict[str, Any]]:
    return [o for o in saved_objects() if o["type"] == "lens"]


def test_ndjson_is_one_object_per_line_and_every_reference_resolves() -> None:
    lines = to_ndjson(saved_objects()).decode().splitlines()
    objects = [json.loads(line) for line in lines]
    ids = {(o["type"], o["id"]) for o in objects}
    assert len(ids) == len(objects) >= 3
    assert {o["type"] for o in objects} == {"index-pattern", "lens", "dashboard"}
    for o in objects:
        assert o["attributes"]["title"]
        for ref in o["references"]:
            assert (ref["type"], ref["id"]) in ids, f"{o['id']} refers to a missing {ref}"


def test_lens_columns_are_consistent_and_use_aggregatable_mapped_fields() -> None:
    for lens in _lens_objects():
        state = lens["attributes"]["state"]
        layers = state["datasourceStates"]["formBased"]["layers"]
        for layer_id, layer in layers.items():
            assert layer["columnOrder"] == list(layer["columns"])
            assert f"indexpattern-datasource-layer-{layer_id}" in {r["name"] for r in lens["references"]}
            for column in layer["columns"].values():
                if column["sourceField"] != "___records___":
                    assert _field_type(column["sourceField"]) in AGGREGATABLE, column["sourceField"]
                order = column.get("params", {}).get("orderBy", {}).get("columnId")
                assert order is None or order in layer["columns"]
        used = json.dumps(state["visualization"])
        for column_id in next(iter(layers.values()))["columns"]:
            assert f'"{column_id}"' in used, f"{lens['id']}: column {column_id} is not shown"
        assert "deleted" in state["query"]["query"]  # tombstones are left out


def test_dashboard_panels_match_its_references() -> None:
    dashboard = next(o for o in saved_objects() if o["type"] == "dashboard")
    panels = json.loads(dashboard["attributes"]["panelsJSON"])
    refs = {r["name"]: r for r in dashboard["references"]}
    assert len(panels) == len(_lens_objects())
    for panel in panels:
        assert refs[f"{panel['panelIndex']}:{panel['panelRefName']}"]["type"] == "lens"
        assert panel["gridData"]["i"] == panel["panelIndex"]


def test_objects_follow_the_index_name() -> None:
    objects = saved_objects("hopital-x")
    view = next(o for o in objects if o["type"] == "index-pattern")
    assert view["attributes"]["title"] == "hopital-x"
    assert all(o["id"].startswith("hopital-x") for o in objects)


def test_checked_in_ndjson_is_up_to_date() -> None:
    checked_in = Path(__file__).parents[2] / "schemas" / "kibana" / "lanterne-dashboard.ndjson"
    assert checked_in.read_bytes() == to_ndjson(saved_objects()), "run: python -m lanterne.kibana > ..."


# -- the import request ------------------------------------------------------------------------------------------


class FakeKibana(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict[str, Any]]] = []
    answer: ClassVar[tuple[int, dict[str, Any]]] = (200, {})

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode() + body
        )
        parts = {p.get_param("name", header="content-disposition"): p for p in message.iter_parts()}
        FakeKibana.requests.append(
            {
                "path": urlsplit(self.path).path,
                "query": parse_qs(urlsplit(self.path).query),
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "file": parts["file"].get_payload(decode=True),
                "filename": parts["file"].get_filename(),
            }
        )
        status, payload = FakeKibana.answer
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def kibana() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), FakeKibana)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    FakeKibana.requests.clear()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_import_posts_the_ndjson_with_xsrf_header_overwrite_and_credentials(kibana: str) -> None:
    FakeKibana.answer = (200, {"success": True, "successCount": 7, "successResults": []})
    settings = ElasticsearchSettings(kibana_url=kibana + "/", username="elastic", password=SecretStr("pw"))
    payload = to_ndjson(saved_objects())
    result = import_saved_objects(settings, payload)
    assert (result.success, result.success_count, result.errors) == (True, 7, [])
    [request] = FakeKibana.requests
    assert request["path"] == "/api/saved_objects/_import"
    assert request["query"] == {"overwrite": ["true"]}
    assert request["headers"]["kbn-xsrf"]
    assert request["headers"]["authorization"] == "Basic ZWxhc3RpYzpwdw=="
    assert request["file"] == payload and request["filename"].endswith(".ndjson")


def test_import_with_api_key(kibana: str) -> None:
    FakeKibana.answer = (200, {"success": True, "successCount": 1})
    import_saved_objects(ElasticsearchSettings(kibana_url=kibana, api_key=SecretStr("abc==")), b"{}\n")
    assert FakeKibana.requests[0]["headers"]["authorization"] == "ApiKey abc=="


def test_objects_kibana_refuses_are_reported(kibana: str) -> None:
    FakeKibana.answer = (
        200,
        {
            "success": False,
            "successCount": 6,
            "errors": [{"id": "x", "type": "lens", "error": {"type": "missing_references", "message": "gone"}}],
        },
    )
    result = import_saved_objects(ElasticsearchSettings(kibana_url=kibana), b"{}\n")
    assert not result.success and result.errors == ["lens/x: missing_references gone"]


def test_refused_request_or_absent_kibana_is_an_infrastructure_error(kibana: str) -> None:
    FakeKibana.answer = (401, {"message": "unauthorized"})
    with pytest.raises(InfrastructureError, match="401"):
        import_saved_objects(ElasticsearchSettings(kibana_url=kibana), b"{}\n")
    with pytest.raises(InfrastructureError, match="unreachable"):
        import_saved_objects(ElasticsearchSettings(kibana_url="http://127.0.0.1:9"), b"{}\n", timeout_s=2)

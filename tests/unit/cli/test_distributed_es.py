"""``lanterne kibana import`` through typer, against a local fake of Kibana (the command is registered by cli/main;
a local app is used here so the test does not depend on that registration)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
import typer
from typer.testing import CliRunner

from lanterne.cli.distributed_es import kibana_import
from lanterne.kibana import saved_objects, to_ndjson

app = typer.Typer()
app.command("import")(kibana_import)
app.command("unused")(lambda: None)  # two commands, so typer keeps "import" as a sub-command name


class Kibana(BaseHTTPRequestHandler):
    bodies: ClassVar[list[bytes]] = []

    def do_POST(self) -> None:
        Kibana.bodies.append(self.rfile.read(int(self.headers["Content-Length"])))
        data = json.dumps({"success": True, "successCount": len(saved_objects())}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def kibana_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), Kibana)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Kibana.bodies.clear()
    url = f"http://127.0.0.1:{server.server_port}"
    monkeypatch.setenv("LANTERNE_ELASTICSEARCH__KIBANA_URL", url)
    monkeypatch.setenv("LANTERNE_ELASTICSEARCH__INDEX", "hopital-files")
    yield url
    server.shutdown()
    server.server_close()


def test_import_sends_the_objects_of_the_configured_index(kibana_url: str) -> None:
    result = CliRunner().invoke(app, ["import"])
    assert result.exit_code == 0, result.output
    assert to_ndjson(saved_objects("hopital-files")) in Kibana.bodies[0]


def test_output_writes_the_ndjson_instead(kibana_url: str, tmp_path: Path) -> None:
    out = tmp_path / "objects.ndjson"
    result = CliRunner().invoke(app, ["import", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == to_ndjson(saved_objects("hopital-files"))
    assert Kibana.bodies == []


def test_unreachable_kibana_exits_1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANTERNE_ELASTICSEARCH__KIBANA_URL", "http://127.0.0.1:9")
    result = CliRunner().invoke(app, ["import"])
    assert result.exit_code == 1

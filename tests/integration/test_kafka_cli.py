"""``lanterne agent --once`` through typer, against the real broker: the outbox reaches the events topic."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from lanterne.cli.distributed_kafka import agent
from lanterne.demo.share import make_share
from lanterne.events import FileEvent
from lanterne.settings import Settings
from tests.integration.kafka_support import read_topic, settings_env

pytestmark = pytest.mark.integration


def test_agent_once_sends_the_scan_to_kafka(kafka_settings: Settings, tmp_path: Path) -> None:
    share = tmp_path / "share"
    manifest = make_share(share, seed=5, files=15, broken=False)
    app = typer.Typer()
    app.command()(agent)

    result = CliRunner().invoke(app, [str(share), "--once"], env=settings_env(kafka_settings))

    assert result.exit_code == 0, result.output
    records = read_topic(kafka_settings, kafka_settings.kafka.events_topic, until=len(manifest.files))
    paths = {FileEvent.from_json(r.value or b"").path for r in records}
    assert paths == set(manifest.files)

"""The Faust app's wiring: the choices that keep offsets behind acknowledged output (see processor/app.py)."""

from __future__ import annotations

from pathlib import Path

from lanterne.events import FileEvent, FileVerdict
from lanterne.processor.app import AGENT_NAME, build_app
from lanterne.processor.handler import EventHandler
from lanterne.settings import Settings


def _never(_event: FileEvent) -> FileVerdict:
    raise AssertionError("not called")


def _app(tmp_path: Path, **kafka: object):  # type: ignore[no-untyped-def]
    settings = Settings(state_dir=tmp_path, kafka={"bootstrap_servers": "k1:9092,k2:9093", **kafka})
    return build_app(settings, EventHandler(settings.kafka, _never))


def test_one_event_at_a_time_per_worker(tmp_path: Path) -> None:
    # concurrency > 1 lets Faust commit past an in-flight event (faust-streaming #606); never raise it
    agent = _app(tmp_path).agents[AGENT_NAME]
    assert agent.concurrency == 1


def test_broker_group_and_output_settings(tmp_path: Path) -> None:
    app = _app(tmp_path, processor_group="site-a-processor", compression_type="gzip")
    assert app.conf.id == "site-a-processor"
    assert [str(u) for u in app.conf.broker] == ["kafka://k1:9092", "kafka://k2:9093"]
    assert app.conf.producer_acks == -1
    assert app.conf.producer_compression_type == "gzip"
    assert app.conf.consumer_auto_offset_reset == "earliest"
    assert app.conf.stream_publish_on_commit is False


def test_web_server_off_unless_a_port_is_set(tmp_path: Path) -> None:
    assert _app(tmp_path).conf.web_enabled is False
    app = _app(tmp_path, processor_web_port=6070)
    assert app.conf.web_enabled is True
    assert app.conf.web_port == 6070

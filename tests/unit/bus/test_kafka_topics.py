"""The topics the services create (bus/topics.py) are the ones infra/kafka/topics.toml documents for operators."""

from __future__ import annotations

import tomllib
from pathlib import Path

from lanterne.bus.topics import topic_specs
from lanterne.settings import KafkaSettings

SPEC = Path(__file__).resolve().parents[3] / "infra" / "kafka" / "topics.toml"


def test_the_infra_spec_matches_the_default_settings() -> None:
    documented = {
        t["name"]: (t["partitions"], t["replication_factor"], t.get("config", {}))
        for t in tomllib.loads(SPEC.read_text(encoding="utf-8"))["topic"]
    }
    created = {s.name: (s.partitions, s.replication_factor, dict(s.config)) for s in topic_specs(KafkaSettings())}
    assert documented == created

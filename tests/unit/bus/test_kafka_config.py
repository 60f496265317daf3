"""Settings → kafka-python and Faust client settings (security mapping), and the topic specs."""

from __future__ import annotations

import ssl
from pathlib import Path

import faust
import pytest
from pydantic import SecretStr

from lanterne.bus.kafka_config import client_config, producer_config
from lanterne.bus.topics import topic_specs
from lanterne.processor.app import faust_credentials
from lanterne.settings import KafkaSettings


def test_plaintext_has_no_credentials() -> None:
    settings = KafkaSettings(bootstrap_servers="k1:9092, k2:9092")
    config = client_config(settings, "x")
    assert config["bootstrap_servers"] == ["k1:9092", "k2:9092"]
    assert config["security_protocol"] == "PLAINTEXT"
    assert "sasl_plain_password" not in config
    assert faust_credentials(settings) is None


def test_sasl_scram_over_tls_maps_for_both_clients(tmp_path: Path) -> None:
    settings = KafkaSettings(
        security_protocol="SASL_SSL", sasl_mechanism="SCRAM-SHA-512", sasl_username="lanterne",
        sasl_password=SecretStr("s3cret"),
    )
    config = client_config(settings, "x")
    assert config["security_protocol"] == "SASL_SSL"
    assert config["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (config["sasl_plain_username"], config["sasl_plain_password"]) == ("lanterne", "s3cret")

    credentials = faust_credentials(settings)
    assert isinstance(credentials, faust.SASLCredentials)
    assert credentials.mechanism.value == "SCRAM-SHA-512"
    assert credentials.protocol.value == "SASL_SSL"
    assert isinstance(credentials.ssl_context, ssl.SSLContext)
    assert "s3cret" not in repr(credentials)


def test_sasl_plaintext_has_no_tls() -> None:
    settings = KafkaSettings(security_protocol="SASL_PLAINTEXT", sasl_username="u", sasl_password=SecretStr("p"))
    assert "ssl_cafile" not in client_config(settings, "x")
    credentials = faust_credentials(settings)
    assert isinstance(credentials, faust.SASLCredentials)
    assert credentials.protocol.value == "SASL_PLAINTEXT"
    assert credentials.mechanism.value == "PLAIN"


def test_mutual_tls_passes_the_files(tmp_path: Path) -> None:
    settings = KafkaSettings(security_protocol="SSL", ssl_cafile=tmp_path / "ca.pem")
    config = client_config(settings, "x")
    assert config["ssl_cafile"] == str(tmp_path / "ca.pem")
    assert config["ssl_certfile"] is None
    with pytest.raises((FileNotFoundError, ssl.SSLError)):
        faust_credentials(settings)  # the CA file does not exist: fails at start, not at first message


@pytest.mark.parametrize(("setting", "expected"), [("none", None), ("gzip", "gzip"), ("zstd", "zstd")])
def test_compression_setting(setting: str, expected: str | None) -> None:
    settings = KafkaSettings(compression_type=setting)  # type: ignore[arg-type]
    assert producer_config(settings, "x")["compression_type"] == expected


def test_topic_specs_follow_the_settings() -> None:
    specs = {s.name: s for s in topic_specs(KafkaSettings(partitions=12, replication_factor=3, events_topic="ev"))}
    assert set(specs) == {"ev", "lanterne.file-verdicts", "lanterne.dead-letter"}
    assert all(s.partitions == 12 and s.replication_factor == 3 for s in specs.values())
    assert all(s.config["min.insync.replicas"] == "2" for s in specs.values())
    assert specs["lanterne.file-verdicts"].config["cleanup.policy"] == "compact"
    single = topic_specs(KafkaSettings())
    assert all(s.config["min.insync.replicas"] == "1" for s in single)

"""Lanterne's one typed settings model (pydantic-settings).

Read in ``main()`` and never at import time. Sources, strongest first: keyword arguments (the CLI's flags),
``LANTERNE_*`` environment variables (nested with ``__``, e.g. ``LANTERNE_AGENT__POLL_INTERVAL_S=5``), a TOML or
YAML file named by ``LANTERNE_CONFIG``, then the defaults below. Secrets are ``SecretStr``: never printed, and they
may be given as a file path with the ``*_file`` field next to them (Docker/Kubernetes secrets).
Every field is listed in docs/settings.md with a commented sample in docs/lanterne.sample.toml.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
    YamlConfigSettingsSource,
)

from lanterne.extract.base import Limits


def _read_secret(value: SecretStr | None, file: Path | None) -> SecretStr | None:
    if value is not None or file is None:
        return value
    return SecretStr(file.read_text(encoding="utf-8").strip())


class _Section(BaseModel):
    """A settings section: unknown keys are refused, so a typo in a file is an error, not a silent default."""

    model_config = ConfigDict(extra="forbid")


class AgentSettings(_Section):
    """The file-server agent: what it watches and how."""

    id: str = Field(default_factory=socket.gethostname, description="Stable agent id (one per file server).")
    include: list[str] = Field(default_factory=list, description="Glob patterns to include (default: everything).")
    exclude: list[str] = Field(
        default_factory=lambda: ["**/.git/**", "**/~$*", "**/.~lock.*#", "**/Thumbs.db", "**/.DS_Store"],
        description="Glob patterns to skip (relative to the root).",
    )
    watch: Literal["auto", "native", "polling", "off"] = Field(
        default="auto", description="'native' = inotify/ReadDirectoryChangesW, 'polling' for network mounts."
    )
    poll_interval_s: float = Field(default=2.0, gt=0, description="Polling observer interval.")
    reconcile_interval_s: float = Field(
        default=3600.0, ge=0, description="Full reconciliation scan period while watching (0 = never)."
    )
    follow_symlinks: bool = Field(default=False, description="Follow symlinks that stay inside the root.")
    batch_size: int = Field(default=500, gt=0, description="Events appended to the log per transaction.")
    signing_key: SecretStr | None = Field(default=None, description="HMAC key to sign events (optional).")
    signing_key_file: Path | None = Field(default=None, description="File holding signing_key (read at start).")


class ClassifierSettings(_Section):
    """Extraction limits, detectors, and the privacy key."""

    limits: Limits = Field(default_factory=Limits)
    disabled_detectors: list[str] = Field(default_factory=list, description="Detector names to turn off.")
    ipp_pattern: str | None = Field(
        default=None, description="Regex of the site's IPP format (e.g. '8\\d{9}'), raises confidence in IPPs."
    )
    fingerprint_key: SecretStr | None = Field(
        default=None,
        description="Site key for the keyed fingerprints (HMAC-SHA256). Default: generated once in the state dir.",
    )
    fingerprint_key_file: Path | None = Field(default=None, description="File holding fingerprint_key (read at start).")
    hard_timeout_s: float = Field(
        default=120.0, gt=0, description="A file still being classified after this long has its worker killed."
    )
    workers: int = Field(default_factory=lambda: max(1, os.cpu_count() or 1), ge=1, description="Classifier processes.")
    regex_engine: Literal["auto", "pcre2", "re"] = Field(
        default="auto",
        description="What runs the detector patterns: PCRE2's JIT (~5x faster), Python's re (same matches), or auto "
        "(PCRE2 when the patterns compile with it, re otherwise).",
    )


class IndexSettings(_Section):
    """Where verdicts are stored for search."""

    backend: Literal["embedded", "elasticsearch"] = Field(
        default="embedded", description="Where search and report read: the embedded SQLite index or Elasticsearch."
    )


class KafkaSettings(_Section):
    """Kafka (distributed mode)."""

    bootstrap_servers: str = Field(default="localhost:9092", description="Kafka brokers, comma-separated host:port.")
    events_topic: str = Field(default="lanterne.file-events", description="Topic of FileEvents (agents -> processors).")
    verdicts_topic: str = Field(
        default="lanterne.file-verdicts", description="Topic of FileVerdicts (processors -> indexer)."
    )
    dead_letter_topic: str = Field(
        default="lanterne.dead-letter", description="Events that could not be processed, with the reason."
    )
    partitions: int = Field(
        default=6, ge=1, description="Partitions of the topics the services create (the unit of scale-out)."
    )
    replication_factor: int = Field(
        default=1, ge=1, description="Replication of the topics the services create (3 in production)."
    )
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = Field(
        default="PLAINTEXT", description="Kafka security protocol."
    )
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = Field(
        default=None, description="SASL mechanism, with SASL_* protocols."
    )
    sasl_username: str | None = Field(default=None, description="SASL user name.")
    sasl_password: SecretStr | None = Field(default=None, description="SASL password (secret).")
    sasl_password_file: Path | None = Field(default=None, description="File holding sasl_password (read at start).")
    ssl_cafile: Path | None = Field(default=None, description="CA bundle to verify the brokers (TLS).")
    ssl_certfile: Path | None = Field(default=None, description="Client certificate (mutual TLS).")
    ssl_keyfile: Path | None = Field(default=None, description="Client private key (mutual TLS).")
    compression_type: Literal["none", "gzip", "snappy", "lz4", "zstd"] = Field(
        default="zstd", description="Producer compression (zstd needs the 'zstandard' and 'cramjam' wheels)."
    )
    processor_group: str = Field(
        default="lanterne-processor", description="Consumer group (Faust app id) shared by all processor workers."
    )
    processor_web_port: int | None = Field(
        default=None, ge=1, le=65535, description="Port of Faust's web/metrics server per worker (None = off)."
    )


class ElasticsearchSettings(_Section):
    """Elasticsearch (distributed mode)."""

    hosts: list[str] = Field(default_factory=lambda: ["http://localhost:9200"], description="Elasticsearch URLs.")
    index: str = Field(default="lanterne-files", description="Index of the current state of each file.")
    history_stream: str | None = Field(
        default="lanterne-history",
        description="Data stream where every verdict is also appended (the event history, with a lifecycle); "
        "empty or null: no history.",
    )
    api_key: SecretStr | None = Field(default=None, description="API key (secret); or username/password.")
    api_key_file: Path | None = Field(default=None, description="File holding api_key (read at start).")
    username: str | None = Field(default=None, description="Basic-auth user name.")
    password: SecretStr | None = Field(default=None, description="Basic-auth password (secret).")
    password_file: Path | None = Field(default=None, description="File holding password (read at start).")
    ca_certs: Path | None = Field(default=None, description="CA bundle to verify Elasticsearch (TLS).")
    verify_certs: bool = Field(default=True, description="Verify Elasticsearch's TLS certificate.")
    kibana_url: str = Field(default="http://localhost:5601", description="Kibana, for `lanterne kibana import`.")


class Settings(BaseSettings):
    """All of Lanterne's settings. The embedded default needs none of them."""

    model_config = SettingsConfigDict(env_prefix="LANTERNE_", env_nested_delimiter="__", extra="forbid")

    state_dir: Path = Field(default=Path(".lanterne"), description="Where the embedded log, index and keys live.")
    log_level: str = Field(default="WARNING", description="Python logging level.")
    agent: AgentSettings = Field(default_factory=AgentSettings)
    classifier: ClassifierSettings = Field(default_factory=ClassifierSettings)
    index: IndexSettings = Field(default_factory=IndexSettings)
    kafka: KafkaSettings = Field(default_factory=KafkaSettings)
    elasticsearch: ElasticsearchSettings = Field(default_factory=ElasticsearchSettings)

    @model_validator(mode="after")
    def _load_secret_files(self) -> Settings:
        self.agent.signing_key = _read_secret(self.agent.signing_key, self.agent.signing_key_file)
        self.classifier.fingerprint_key = _read_secret(
            self.classifier.fingerprint_key, self.classifier.fingerprint_key_file
        )
        self.kafka.sasl_password = _read_secret(self.kafka.sasl_password, self.kafka.sasl_password_file)
        self.elasticsearch.api_key = _read_secret(self.elasticsearch.api_key, self.elasticsearch.api_key_file)
        self.elasticsearch.password = _read_secret(self.elasticsearch.password, self.elasticsearch.password_file)
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        config = os.environ.get("LANTERNE_CONFIG")
        if config:
            path = Path(config)
            if path.suffix in {".yaml", ".yml"}:
                sources.append(YamlConfigSettingsSource(settings_cls, yaml_file=path))
            else:
                sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)


def load_settings(**overrides: Any) -> Settings:
    """Build the settings once, in ``main()``; raises ``ConfigError`` naming the file, the field and the problem."""
    from pydantic import ValidationError

    from lanterne.errors import ConfigError

    config = os.environ.get("LANTERNE_CONFIG")
    if config and not Path(config).is_file():
        raise ConfigError(f"LANTERNE_CONFIG names {config}, which is not a readable file")
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        source = os.environ.get("LANTERNE_CONFIG") or "environment / command line"
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"invalid settings in {source}: {problems}") from exc
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read settings: {exc}") from exc

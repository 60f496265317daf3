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

from pydantic import BaseModel, Field, SecretStr, model_validator
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


class AgentSettings(BaseModel):
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
    signing_key_file: Path | None = None


class ClassifierSettings(BaseModel):
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
    fingerprint_key_file: Path | None = None
    workers: int = Field(default_factory=lambda: max(1, os.cpu_count() or 1), ge=1, description="Classifier processes.")


class IndexSettings(BaseModel):
    """Where verdicts are stored for search."""

    backend: Literal["embedded", "elasticsearch"] = "embedded"


class KafkaSettings(BaseModel):
    """Kafka (distributed mode)."""

    bootstrap_servers: str = "localhost:9092"
    events_topic: str = "lanterne.file-events"
    verdicts_topic: str = "lanterne.file-verdicts"
    dead_letter_topic: str = "lanterne.dead-letter"
    partitions: int = Field(default=6, ge=1)
    replication_factor: int = Field(default=1, ge=1)
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    sasl_password_file: Path | None = None
    ssl_cafile: Path | None = None
    ssl_certfile: Path | None = None
    ssl_keyfile: Path | None = None


class ElasticsearchSettings(BaseModel):
    """Elasticsearch (distributed mode)."""

    hosts: list[str] = Field(default_factory=lambda: ["http://localhost:9200"])
    index: str = "lanterne-files"
    api_key: SecretStr | None = None
    api_key_file: Path | None = None
    username: str | None = None
    password: SecretStr | None = None
    password_file: Path | None = None
    ca_certs: Path | None = None
    verify_certs: bool = True
    kibana_url: str = "http://localhost:5601"


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

    try:
        return Settings(**overrides)
    except ValidationError as exc:
        source = os.environ.get("LANTERNE_CONFIG") or "environment / command line"
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"invalid settings in {source}: {problems}") from exc
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read settings: {exc}") from exc

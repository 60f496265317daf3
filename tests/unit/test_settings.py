"""Settings: defaults need nothing, env and files override, bad values stop with the field named, docs match."""

from __future__ import annotations

from pathlib import Path

import pytest

from lanterne.errors import ConfigError
from lanterne.settings import load_settings
from lanterne.settings_doc import render

ROOT = Path(__file__).resolve().parents[2]


def test_defaults_need_no_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LANTERNE_CONFIG", raising=False)
    s = load_settings()
    assert s.index.backend == "embedded" and s.agent.watch == "auto"


def test_environment_overrides_nested_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANTERNE_AGENT__POLL_INTERVAL_S", "0.5")
    monkeypatch.setenv("LANTERNE_CLASSIFIER__LIMITS__MAX_CHARS", "1000")
    s = load_settings()
    assert s.agent.poll_interval_s == 0.5 and s.classifier.limits.max_chars == 1000


def test_toml_file_and_secret_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = tmp_path / "key"
    key.write_text("s3cret\n")
    cfg = tmp_path / "lanterne.toml"
    cfg.write_text(f'[classifier]\nfingerprint_key_file = "{key}"\n[agent]\nexclude = ["**/tmp/**"]\n')
    monkeypatch.setenv("LANTERNE_CONFIG", str(cfg))
    s = load_settings()
    assert s.agent.exclude == ["**/tmp/**"]
    assert s.classifier.fingerprint_key is not None
    assert s.classifier.fingerprint_key.get_secret_value() == "s3cret"
    assert "s3cret" not in repr(s) and "s3cret" not in s.model_dump_json()


def test_invalid_value_names_the_source_and_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text('[agent]\nwatch = "sometimes"\n')
    monkeypatch.setenv("LANTERNE_CONFIG", str(cfg))
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert str(cfg) in str(info.value) and "agent.watch" in str(info.value)


def test_unknown_setting_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "typo.toml"
    cfg.write_text("[agent]\nwatsh = \"polling\"\n")
    monkeypatch.setenv("LANTERNE_CONFIG", str(cfg))
    with pytest.raises(ConfigError, match=r"agent\.watsh"):
        load_settings()


def test_settings_reference_is_up_to_date() -> None:
    assert (ROOT / "docs" / "settings.md").read_text() == render(), (
        "docs/settings.md is stale: run `python -m lanterne.settings_doc > docs/settings.md`"
    )


def test_sample_configuration_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The documented sample is valid as written, once the secret files it names exist."""
    sample = (ROOT / "docs" / "lanterne.sample.toml").read_text().replace("/etc/lanterne/", f"{tmp_path}/")
    for name in ("kafka.password", "es.apikey", "ca.pem"):
        (tmp_path / name).write_text("x")
    (tmp_path / "sample.toml").write_text(sample)
    monkeypatch.setenv("LANTERNE_CONFIG", str(tmp_path / "sample.toml"))
    s = load_settings()
    assert s.agent.id == "fs-cardio-01" and s.kafka.replication_factor == 3

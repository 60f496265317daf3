"""Privacy primitives: the key is created once and kept private; fingerprints are keyed; masks hide the middle."""

from __future__ import annotations

import stat
from pathlib import Path

from pydantic import SecretStr

from lanterne.privacy import KEY_FILE_NAME, fingerprint, load_or_create_key, mask
from lanterne.settings import ClassifierSettings


def test_key_is_created_once_with_owner_only_mode(tmp_path: Path) -> None:
    first = load_or_create_key(ClassifierSettings(), tmp_path / "state")
    again = load_or_create_key(ClassifierSettings(), tmp_path / "state")
    assert first == again and len(first) == 32
    mode = stat.S_IMODE((tmp_path / "state" / KEY_FILE_NAME).stat().st_mode)
    assert mode == 0o600


def test_configured_key_wins_over_the_key_file(tmp_path: Path) -> None:
    load_or_create_key(ClassifierSettings(), tmp_path)
    configured = ClassifierSettings(fingerprint_key=SecretStr("site-secret"))
    assert load_or_create_key(configured, tmp_path) == b"site-secret"


def test_fingerprint_is_keyed_typed_and_stable() -> None:
    a = fingerprint("NIR", "255081416802538", b"k1")
    assert a == fingerprint("NIR", "255081416802538", b"k1")
    assert a != fingerprint("NIR", "255081416802538", b"k2")
    assert a != fingerprint("IPP", "255081416802538", b"k1")
    assert a.startswith("NIR:") and len(a) == 4 + 64 and "255081416802538" not in a


def test_mask_keeps_shape_and_ends_only() -> None:
    assert mask("06 12 34 56 78") == "06 ** ** ** 78"
    assert mask("abc") == "***"
    assert mask("jean.dupont", 1, 0) == "j***.******"

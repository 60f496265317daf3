"""Privacy primitives: the site's fingerprint key, keyed fingerprints and masking.

Décret 2019-341 forbids the scanner's own index from holding clear NIRs, so nothing leaves the classifier but masked
samples and keyed fingerprints. A fingerprint is an HMAC-SHA256 of the normalised value under a per-site secret key:
the same patient gives the same fingerprint in every file of the site (so "which files mention this patient" works),
while the value cannot be recovered nor brute-forced without the key (a plain hash of a 15-digit NIR could be).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from pathlib import Path

from lanterne.settings import ClassifierSettings

log = logging.getLogger(__name__)

KEY_FILE_NAME = "fingerprint.key"
_KEY_BYTES = 32


def load_or_create_key(settings: ClassifierSettings, state_dir: Path) -> bytes:
    """The site key: the configured one if any, else a random key created once (mode 0600) in ``state_dir``."""
    if settings.fingerprint_key is not None:
        return settings.fingerprint_key.get_secret_value().encode("utf-8")
    if settings.fingerprint_key_file is not None:
        return settings.fingerprint_key_file.read_text(encoding="utf-8").strip().encode("utf-8")
    path = state_dir / KEY_FILE_NAME
    if path.exists():
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    state_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(_KEY_BYTES)
    # O_EXCL: if another process created the key meanwhile, keep theirs so every process fingerprints alike.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex())
    log.info("created a new fingerprint key in %s", path)
    return key


def fingerprint(entity: str, normalised_value: str, key: bytes) -> str:
    """``ENTITY:<hex>``: HMAC-SHA256 of ``ENTITY:value`` so equal values of different types never collide."""
    digest = hmac.new(key, f"{entity}:{normalised_value}".encode(), hashlib.sha256).hexdigest()
    return f"{entity}:{digest}"


def mask(value: str, keep_start: int = 2, keep_end: int = 2, star: str = "*") -> str:
    """Star every alphanumeric character except the first ``keep_start`` and last ``keep_end`` ones.

    Separators (spaces, dots, dashes, @) are kept so the masked form still shows the shape of the value.
    Short values (no more characters than the kept ones) are starred entirely.
    """
    positions = [i for i, ch in enumerate(value) if ch.isalnum()]
    if len(positions) <= keep_start + keep_end:
        keep: set[int] = set()
    else:
        keep = set(positions[:keep_start]) | set(positions[len(positions) - keep_end :])
    return "".join(ch if (i in keep or not ch.isalnum()) else star for i, ch in enumerate(value))

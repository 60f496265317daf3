"""Hostile shares: every file gets a verdict (with readable errors where it could not be read), nothing crashes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import LANTERNE, cli_env, run_cli

pytestmark = pytest.mark.slow


def _by_name(jsonl: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return {json.loads(line)["relative_path"]: json.loads(line) for line in jsonl.read_text().splitlines()}


def test_hostile_share_gives_verdicts_not_crashes(tmp_path: Path) -> None:
    share, state, jsonl = tmp_path / "share", tmp_path / "state", tmp_path / "out.jsonl"
    share.mkdir()
    (share / "empty.txt").write_bytes(b"")
    (share / "random.bin").write_bytes(os.urandom(200_000))
    (share / "fake.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<\n%%garbage, no xref, truncated")
    (share / "nul-laden.txt").write_bytes(b"abc\x00\x00\x00" * 1000)
    (share / "espace et accents é.txt").write_text("Compte rendu de consultation.\n")
    (share / "newline\nin-name.txt").write_text("bonjour\n")
    os.mkdir(share / "loop")
    os.symlink("..", share / "loop" / "back-to-root")
    os.symlink("/etc", share / "escape")
    os.symlink(share / "does-not-exist", share / "dangling")
    odd = os.fsencode(share) + b"/latin1-\xe9t\xe9.txt"
    with open(odd, "wb") as f:
        f.write("Résumé de séjour\n".encode("latin-1"))
    secret = share / "secret.txt"
    secret.write_text("N° SS : 1 55 08 14 168 025 38\n")
    secret.chmod(0o000)

    args = ["scan", str(share), "--once", "--jsonl", str(jsonl), "--state", str(state)]
    if os.geteuid() == 0:
        # Root reads anything: drop the capabilities that bypass file permissions, so mode 000 really blocks.
        setpriv = shutil.which("setpriv")
        if not setpriv:
            pytest.fail("setpriv (util-linux) is needed to test unreadable files as root")
        proc = subprocess.run(
            [setpriv, "--bounding-set", "-dac_override,-dac_read_search", LANTERNE, *args],
            capture_output=True,
            text=True,
            env=cli_env(),
            timeout=300,
            stdin=subprocess.DEVNULL,
        )
        assert proc.returncode == 0, proc.stderr
    else:
        run_cli(*args)

    verdicts = _by_name(jsonl)
    for name in (
        "empty.txt",
        "random.bin",
        "fake.pdf",
        "nul-laden.txt",
        "espace et accents é.txt",
        "newline\nin-name.txt",
        "secret.txt",
    ):
        assert name in verdicts, f"no verdict for {name!r}; got {sorted(verdicts)}"
    assert any(n.startswith("latin1-") for n in verdicts)
    assert verdicts["secret.txt"]["errors"], "an unreadable file's verdict says why"
    assert any(e["code"] == "unreadable" for e in verdicts["secret.txt"]["errors"])
    assert verdicts["fake.pdf"]["errors"]
    assert verdicts["random.bin"]["format"] == "binary"
    assert verdicts["empty.txt"]["format"] == "empty"
    assert not any(p.startswith(("loop/back-to-root/", "escape/")) for p in verdicts), "no loop, no escape"
    assert "1 55 08 14 168 025 38" not in jsonl.read_text()

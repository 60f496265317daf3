"""Drive the installed ``lanterne`` command like a user would: real processes, real files, real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

LANTERNE = str(Path(sys.executable).with_name("lanterne"))


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LANTERNE_")}
    env.update({"LANTERNE_LOG_LEVEL": "INFO", "LANTERNE_AGENT__ID": "e2e-agent"})
    env.update(extra)
    return env


def run_cli(
    *args: str | Path, check: bool = True, timeout: float = 300, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run ``lanterne ARGS`` to completion; stderr is kept for leak checks."""
    proc = subprocess.run(
        [LANTERNE, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=cli_env(**env),
        stdin=subprocess.DEVNULL,
    )
    if check and proc.returncode != 0:
        raise AssertionError(
            f"lanterne {args} exited {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
        )
    return proc


def search_json(state: Path, *args: str) -> list[dict[str, Any]]:
    """All hits of ``lanterne search ARGS --json`` (an empty list when the command says nothing matched)."""
    if not (state / "index.db").exists():  # a scan just started has not created its index yet
        return []
    proc = run_cli("search", *args, "--json", "--limit", "10000", "--state", state, check=False)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout) if proc.stdout.strip() else []


def wait_until(predicate: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    """Poll until ``predicate`` holds; fail naming ``what`` after ``timeout`` (a bound, not a speed assertion)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out after {timeout}s waiting for: {what}")


@pytest.fixture(scope="session")
def demo_share(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The bundled demo share (fictional files) and its manifest of planted values."""
    from lanterne.demo import make_share

    dest = tmp_path_factory.mktemp("share") / "demo-share"
    manifest = make_share(dest, seed=11, files=120)
    return dest, manifest

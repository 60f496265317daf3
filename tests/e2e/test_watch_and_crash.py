"""While ``lanterne scan`` runs the index follows the share; after a kill -9 a restart indexes every file once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import LANTERNE, cli_env, run_cli, search_json, wait_until

pytestmark = pytest.mark.slow

LETTER = "Compte rendu d'hospitalisation. Motif : {word}. Conclusion : patient stable.\n"


def _indexed(state: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return {h["relative_path"]: h for h in search_json(state)}


@pytest.mark.parametrize("mode", ["native", "polling"])
def test_index_follows_create_modify_move_delete(tmp_path: Path, mode: str) -> None:
    share, state = tmp_path / "share", tmp_path / "state"
    (share / "sub").mkdir(parents=True)
    (share / "keep.txt").write_text(LETTER.format(word="kept"))
    (share / "sub" / "old.txt").write_text(LETTER.format(word="moving"))
    (share / "gone.txt").write_text(LETTER.format(word="doomed"))
    proc = subprocess.Popen(
        [LANTERNE, "scan", str(share), "--state", str(state), "--watch", mode],
        env=cli_env(LANTERNE_AGENT__POLL_INTERVAL_S="0.5"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_until(lambda: set(_indexed(state)) == {"keep.txt", "sub/old.txt", "gone.txt"}, "initial scan indexed")

        (share / "new.txt").write_text(LETTER.format(word="arrivee"))
        (share / "keep.txt").write_text(LETTER.format(word="modifie"))
        (share / "sub" / "old.txt").rename(share / "moved.txt")
        (share / "gone.txt").unlink()

        def followed() -> bool:
            docs = _indexed(state)
            return set(docs) == {"keep.txt", "new.txt", "moved.txt"} and bool(search_json(state, "modifie"))

        wait_until(followed, "create, modify, move and delete reflected in the index", timeout=60)
        assert {h["relative_path"] for h in search_json(state, "arrivee")} == {"new.txt"}
        assert {h["relative_path"] for h in search_json(state, "moving")} == {"moved.txt"}
        assert search_json(state, "doomed") == []
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode in (0, 130), proc.stderr.read().decode()


def _index_rows(state: Path) -> int:
    index = state / "index.db"
    if not index.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{index}?mode=ro", uri=True, timeout=5) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            return conn.execute("SELECT COUNT(*) FROM files").fetchone()[0] if "files" in tables else 0
    except sqlite3.Error:
        return 0


def test_kill_9_mid_scan_then_restart_indexes_every_file_exactly_once(tmp_path: Path) -> None:
    share, state = tmp_path / "share", tmp_path / "state"
    expected = set()
    for d in range(40):
        folder = share / f"service-{d:02d}"
        folder.mkdir(parents=True)
        for f in range(50):
            (folder / f"note-{f:03d}.txt").write_text(LETTER.format(word=f"mot{d}x{f}") * 20)
            expected.add(f"service-{d:02d}/note-{f:03d}.txt")
    proc = subprocess.Popen(
        [LANTERNE, "scan", str(share), "--once", "--state", str(state), "--jsonl", str(tmp_path / "a.jsonl")],
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_until(lambda: _index_rows(state) > 0 or proc.poll() is not None, "the first verdicts stored")
    os.killpg(proc.pid, signal.SIGKILL)  # the whole process group: runner and classifier workers, like a power cut
    proc.wait()
    assert _index_rows(state) < len(expected), "the scan finished before the kill; make the tree bigger"

    run_cli("scan", share, "--once", "--state", state, "--jsonl", tmp_path / "b.jsonl")
    hits = search_json(state)
    paths = [h["relative_path"] for h in hits]
    assert len(paths) == len(set(paths)) == len(expected)
    assert set(paths) == expected
    first = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text().splitlines() if x.strip().endswith("}")]
    second = [json.loads(x) for x in (tmp_path / "b.jsonl").read_text().splitlines()]
    assert {v["relative_path"] for v in first} | {v["relative_path"] for v in second} == expected

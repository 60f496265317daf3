"""The quick-start path: scan a share once, get a verdict per file, search it, report on it; and no NIR leaks."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.e2e.conftest import run_cli, search_json

pytestmark = pytest.mark.slow


def _regular_files(root: Path) -> set[str]:
    found = set()
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            p = Path(dirpath) / name
            if p.is_file() and not p.is_symlink():
                found.add(p.relative_to(root).as_posix())
    return found


@pytest.fixture(scope="module")
def scanned(demo_share, tmp_path_factory):  # type: ignore[no-untyped-def]
    share, manifest = demo_share
    state = tmp_path_factory.mktemp("state")
    jsonl = state / "out.jsonl"
    proc = run_cli("scan", share, "--once", "--jsonl", jsonl, "--state", state, LANTERNE_LOG_LEVEL="DEBUG")
    return share, manifest, state, jsonl, proc


def test_every_file_gets_exactly_one_verdict(scanned) -> None:  # type: ignore[no-untyped-def]
    share, _manifest, _state, jsonl, _proc = scanned
    verdicts = [json.loads(line) for line in jsonl.read_text().splitlines()]
    paths = [v["relative_path"] for v in verdicts]
    assert len(paths) == len(set(paths))
    on_disk = {p.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for p in _regular_files(share)}
    assert {p.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for p in paths} == on_disk


def test_search_by_word_and_by_identifier(scanned) -> None:  # type: ignore[no-untyped-def]
    share, manifest, state, _jsonl, _proc = scanned
    with_nir = {p for p, label in manifest.files.items() if label.identifiers.get("NIR") and label.format == "text"}
    assert with_nir, "the demo share plants NIRs in plain-text letters"
    found = {h["relative_path"] for h in search_json(state, "--identifier", "NIR")}
    assert with_nir <= found
    hits = search_json(state, "hospitalisation")
    assert all("hospitalisation" in h["terms"] or "hospitalisation" in h["path"].lower() for h in hits)
    in_text = {
        path
        for path, label in manifest.files.items()
        if label.format == "text" and "hospitalisation" in (share / path).read_text(errors="replace")
    }
    assert in_text, "the demo share has plain-text letters that mention a hospitalisation"
    assert in_text <= {h["relative_path"] for h in hits}, "a word written in a file finds that file"
    assert run_cli("search", "zzzqqqnotaword", "--state", state, check=False).returncode == 1


def test_report_summarises_the_index(scanned, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _share, _manifest, state, jsonl, _proc = scanned
    html = tmp_path / "report.html"
    proc = run_cli("report", "--state", state, "--json", "--html", html)
    summary = json.loads(proc.stdout)
    verdicts = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert summary["files"] == len(verdicts)
    assert summary["health_files"] == sum(v["health_data"] for v in verdicts)
    assert sum(b["files"] for b in summary["by_sensitivity"]) == summary["files"]
    page = html.read_text()
    assert "<svg" in page and str(summary["files"]) in page
    assert not re.search(r"""(src|href)=["']https?://""", page), "the HTML report must be self-contained"


def test_no_clear_nir_in_index_jsonl_or_logs(scanned) -> None:  # type: ignore[no-untyped-def]
    _share, manifest, state, jsonl, proc = scanned
    nirs = {re.sub(r"\D", "", v) for label in manifest.files.values() for v in label.values.get("NIR", [])}
    nirs |= {re.sub(r"[^0-9AB]", "", v) for label in manifest.files.values() for v in label.values.get("INS", [])}
    assert nirs, "the demo share plants NIRs"
    blobs = {"stdout": proc.stdout.encode(), "stderr": proc.stderr.encode(), "jsonl": jsonl.read_bytes()}
    for path in state.rglob("*"):
        if path.is_file():
            blobs[str(path)] = path.read_bytes()
    for name, blob in blobs.items():
        for nir in nirs:
            for form in (nir, nir[:13]):  # the full number, and the body without its key
                assert form.encode() not in blob, f"a clear NIR leaked into {name}"


def test_patient_nir_finds_every_file_of_that_patient(scanned) -> None:  # type: ignore[no-untyped-def]
    """The answer to a patient's access or erasure request, while the index holds no NIR."""
    _share, manifest, state, _jsonl, _proc = scanned
    holders: dict[str, set[str]] = {}
    for path, label in manifest.files.items():
        for value in label.values.get("NIR", []) + label.values.get("INS", []):
            holders.setdefault(re.sub(r"\s", "", value), set()).add(path)
    nir, files = max(holders.items(), key=lambda item: len(item[1]))
    spaced = " ".join([nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:]])
    found = {h["relative_path"] for h in search_json(state, "--patient-nir", spaced)}
    assert files <= found
    assert all(h["fingerprints"] for h in search_json(state, "--patient-nir", spaced))

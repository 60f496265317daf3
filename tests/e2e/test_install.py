"""``pip install .`` (not editable, base dependencies only) gives a working ``lanterne`` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def test_pip_install_then_scan_once(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert pip.returncode == 0, pip.stderr
    share = tmp_path / "share"
    share.mkdir()
    (share / "courrier.txt").write_text(
        "Compte rendu d'hospitalisation\nPatient : Mme Jeanne DUPONT, née le 12/03/1955\n"
        "N° sécurité sociale : 2 55 03 75 112 004 12\nDiagnostic : diabète de type 2 (E11.9)\n",
        encoding="utf-8",
    )
    (share / "export.csv").write_text("IPP;NOM;ANALYSE;RESULTAT\n8000000001;MARTIN;HbA1c;7.2 %\n", encoding="utf-8")
    (share / "photo.bin").write_bytes(bytes(range(256)) * 10)
    out = tmp_path / "out.jsonl"
    scan = subprocess.run(
        [
            str(venv / "bin" / "lanterne"),
            "scan",
            str(share),
            "--once",
            "--jsonl",
            str(out),
            "--state",
            str(tmp_path / "state"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert scan.returncode == 0, scan.stderr
    verdicts = {json.loads(x)["relative_path"]: json.loads(x) for x in out.read_text().splitlines()}
    assert set(verdicts) == {"courrier.txt", "export.csv", "photo.bin"}
    assert verdicts["courrier.txt"]["format"] == "text" and verdicts["export.csv"]["format"] == "csv"
    assert verdicts["courrier.txt"]["health_data"] is True
    found = subprocess.run(
        [str(venv / "bin" / "lanterne"), "search", "diabete", "--state", str(tmp_path / "state"), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert found.returncode == 0, found.stderr
    assert [h["relative_path"] for h in json.loads(found.stdout)] == ["courrier.txt"]

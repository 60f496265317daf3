"""``make_tree``: many small files in nested folders, fast, for scan and watch benchmarks.

Content is cheap on purpose: a few dozen snippets made once (a letter header, a lab line, a log line, plain
notes) and stamped with a counter, about one file in ten left an exact duplicate. The point is the count of files
and folders, not their realism; ``make_share`` is the realistic one.
"""

from __future__ import annotations

import calendar
import os
import random
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lanterne.demo.context import Ctx
from lanterne.demo.letters import discharge_letter, letter_text
from lanterne.demo.negatives import app_log, care_protocol

_TOP = ("Cardiologie", "Laboratoire", "DIM", "RH", "Qualite", "Imagerie", "Interfaces", "Bureautique", "Divers",
        "Urgences", "Pharmacie", "Direction")  # fmt: skip
_SUB = ("Courriers", "Exports", "Archives", "Listes", "Protocoles", "Temp", "Scans", "Notes")
_EXT = ("txt", "csv", "log", "hl7", "doc", "tmp")
_PER_DIR = 80


@dataclass(frozen=True, slots=True)
class TreeStats:
    """What ``make_tree`` wrote, and how long it took."""

    files: int
    dirs: int
    bytes: int
    seconds: float


def _snippets(seed: int) -> list[bytes]:
    ctx = Ctx(seed)
    out = [letter_text(discharge_letter(ctx)).encode()[:1500] for _ in range(12)]
    out += [letter_text(care_protocol(ctx)).encode()[:1200] for _ in range(6)]
    out += [app_log(ctx, lines=8).encode() for _ in range(6)]
    out += [b"Notes de service\nRien a signaler.\n", b"", b"IPP;NOM;PRENOM\n"]
    return out


def make_tree(dest: Path, files: int, seed: int) -> TreeStats:
    """Write ``files`` small files under ``dest`` in folders ``Top/Sub/YYYY/dNNN`` (about 80 files per folder)."""
    started = time.perf_counter()
    rng = random.Random(seed)
    snippets = _snippets(seed)
    newest = calendar.timegm(datetime(2026, 11, 30).timetuple())
    span = 25 * 365 * 86400
    dirs: set[str] = set()
    total = 0
    folder = ""
    previous = b""
    for i in range(files):
        if i % _PER_DIR == 0:
            year = 2026 - rng.randint(0, 25)
            folder = os.path.join(str(dest), rng.choice(_TOP), rng.choice(_SUB), str(year), f"d{i // _PER_DIR:05d}")
            os.makedirs(folder, exist_ok=True)
            dirs.add(folder)
        # About one file in ten is an exact duplicate of the previous one, as copies pile up on shares.
        duplicate = previous and rng.random() < 0.1
        data = previous if duplicate else rng.choice(snippets) + f"\n# {seed}-{i}\n".encode()
        path = os.path.join(folder, f"f{i:07d}.{rng.choice(_EXT)}")
        with open(path, "wb") as fh:
            fh.write(data)
        when = newest - rng.randint(0, span)
        os.utime(path, (when, when))
        total += len(data)
        previous = data
    return TreeStats(files=files, dirs=len(dirs), bytes=total, seconds=time.perf_counter() - started)

"""Fictional verdicts for the index tests, made by code: varied paths, formats, owners, identifiers, ages, and a
history per file (updates, replays, late older verdicts, deletions, moves) with the state it must end in."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from lanterne.events.models import ErrorNote, EventKind, FileVerdict

FOLDERS = ["Cardiologie/Lettres", "Cardiologie/Échographies", "Urgences/Exports", "RH/Paie", "Labo/HPRIM", "Divers"]
FORMATS = ["pdf", "docx", "csv", "hl7", "hprim", "text", "xlsx", "dicom"]
OWNERS = ["amartin", "bdurand", "cpetit", None]
IDENTIFIERS = ["NIR", "INS", "IPP", "NDA", "RPPS", "EMAIL", "PHONE", "PERSON_NAME", "BIRTH_DATE"]
REASONS = ["NIR valide + contexte médical", "IPP au format du site", "compte rendu opératoire", "aucune donnée"]
ROOT = "/srv/partage"
NOW = datetime.now(UTC).replace(microsecond=0)


def verdict(file_id: str, sequence: int, rng: random.Random, **fields: Any) -> FileVerdict:
    """One plausible verdict; ``fields`` override the drawn values."""
    relative = f"{rng.choice(FOLDERS)}/doc_{file_id}.{rng.choice(['pdf', 'txt', 'csv'])}"
    identifiers = {t: rng.randint(1, 5) for t in rng.sample(IDENTIFIERS, rng.randint(0, 3))}
    health = bool(identifiers) and rng.random() < 0.6
    sensitivity = 0 if not identifiers else rng.randint(1, 100)
    # whole days plus half a day: never near a day boundary, so "older than N days" is the same for everyone
    mtime = None if rng.random() < 0.05 else NOW - timedelta(days=rng.randint(0, 9000), hours=12)
    values: dict[str, Any] = {
        "file_id": file_id,
        "path": f"{ROOT}/{relative}",
        "root": ROOT,
        "relative_path": relative,
        "agent_id": "agent-test",
        "host": "fs-test",
        "format": rng.choice(FORMATS),
        "size": rng.randint(0, 5_000_000),
        "mtime": mtime,
        "owner": rng.choice(OWNERS),
        "health_data": health,
        "personal_data": bool(identifiers),
        "identifiers": identifiers,
        "samples": [f"{t} {'*' * 4}{rng.randint(10, 99)}" for t in identifiers][:2],
        "fingerprints": [f"{t}:{rng.getrandbits(64):016x}" for t in identifiers],
        "reasons": [rng.choice(REASONS)],
        "sensitivity": sensitivity,
        "dark_score": rng.randint(0, 100) if identifiers else rng.randint(0, 30),
        "staleness": rng.random(),
        "errors": [ErrorNote(code="corrupt", message="archive endommagée")] if rng.random() < 0.1 else [],
        "event_id": f"agent-test:{sequence}",
        "event_kind": EventKind.SCANNED,
        "sequence": sequence,
        "classifier_version": "test",
    }
    return FileVerdict(**(values | fields))


@dataclass
class History:
    """Verdicts in delivery order (with replays and late older ones) and the state the index must end in."""

    deliveries: list[FileVerdict] = field(default_factory=list)
    final: dict[str, FileVerdict | None] = field(default_factory=dict)  # None: deleted or moved away
    _sequence: dict[str, int] = field(default_factory=dict)

    def apply(self, v: FileVerdict) -> None:
        """What the index must do with ``v``: a newer-or-equal sequence wins, per file id."""
        self.deliveries.append(v)
        if v.sequence >= self._sequence.get(v.file_id, -1):
            self._sequence[v.file_id] = v.sequence
            self.final[v.file_id] = None if v.deleted else v
        old = v.previous_file_id
        if old and v.sequence >= self._sequence.get(old, -1):
            self._sequence[old] = v.sequence
            self.final[old] = None

    def live(self) -> dict[str, FileVerdict]:
        return {k: v for k, v in self.final.items() if v is not None}


def history(files: int, seed: int = 7, start_sequence: int = 0) -> History:
    """``files`` files scanned, then a second life: updates, deletions, moves, replays and late older verdicts."""
    rng = random.Random(seed)
    h = History()
    seq = start_sequence
    first: dict[str, FileVerdict] = {}
    for n in range(files):
        seq += 1
        v = verdict(f"f{seed}-{n:05d}", seq, rng)
        first[v.file_id] = v
        h.apply(v)
    for file_id, v in first.items():
        roll = rng.random()
        seq += 1
        if roll < 0.25:
            h.apply(verdict(file_id, seq, rng, event_kind=EventKind.MODIFIED))
            h.apply(v)  # a late, older verdict: must not win
        elif roll < 0.35:
            h.apply(v.model_copy(update={"deleted": True, "event_kind": EventKind.DELETED, "sequence": seq}))
            h.apply(v)  # replayed after the deletion: must not resurrect
        elif roll < 0.45:
            moved = verdict(f"{file_id}-moved", seq, rng, event_kind=EventKind.MOVED, previous_file_id=file_id)
            h.apply(moved)
            h.apply(v)  # the old path's verdict arriving late: must stay moved away
        elif roll < 0.55:
            h.apply(v)  # plain replay
    return h

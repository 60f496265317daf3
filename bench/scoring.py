"""What the quality benchmarks share: a FileEvent for a file on disk, and a confusion counter with its row."""

from __future__ import annotations

import os
import socket
import stat
from dataclasses import dataclass
from pathlib import Path

from lanterne.events.ids import file_id
from lanterne.events.models import EventKind, FileEvent


def file_event(root: Path, rel: str, sequence: int, agent: str = "bench") -> FileEvent:
    """The event an agent would emit for ``root/rel`` on a first scan (names may hold surrogate-escaped bytes)."""
    st = os.stat(os.fsencode(root) + b"/" + os.fsencode(rel))
    return FileEvent(
        event_id=f"{agent}-{sequence}", agent_id=agent, host=socket.gethostname(), root=str(root), path=rel,
        file_id=file_id(agent, str(root), rel), kind=EventKind.SCANNED, size=st.st_size, mtime_ns=st.st_mtime_ns,
        ctime_ns=st.st_ctime_ns, atime_ns=st.st_atime_ns, mode=stat.S_IMODE(st.st_mode), sequence=sequence,
    )  # fmt: skip


@dataclass(slots=True)
class Confusion:
    """Per-file presence counts of one label (an identifier type, health_data...)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, expected: bool, found: bool) -> None:
        if expected and found:
            self.tp += 1
        elif found:
            self.fp += 1
        elif expected:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def row(self, name: str) -> list[str]:
        """name, expected, TP, FP, FN, precision %, recall %."""

        def pct(x: float | None) -> str:
            return "—" if x is None else f"{100 * x:.1f}"

        return [name, str(self.tp + self.fn), str(self.tp), str(self.fp), str(self.fn), pct(self.precision),
                pct(self.recall)]  # fmt: skip

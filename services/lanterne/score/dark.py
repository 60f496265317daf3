"""Dark score (0-100): how much a sensitive file is forgotten, exposed and copied.

Each factor is in 0..1 and stored on the verdict on its own:

* staleness: ``sqrt(age / 10 years)`` capped at 1, where age runs from the last time the file was touched (the later
  of mtime and atime). 0 today, 0.32 after a year, 0.5 after 2.5 years, 0.71 after 5, 1 from 10 years on: it rises
  early (a file nobody opened for a year is already drifting) and saturates at the longest usual retention horizon.
* exposure: from the POSIX mode bits: world-readable 1.0, group-readable 0.5, owner only 0. Unknown (no mode, e.g.
  Windows ACLs not read) counts as 0.5, neither safe nor open.
* duplication: ``n / (n + 1)`` for ``n`` other files with the same content hash: 0 unique, 0.5 one copy, 0.9 nine.

``dark_score = sensitivity * (0.4 + 0.25 staleness + 0.2 exposure + 0.15 duplication)``: a file with no sensitive
content is never dark, and a sensitive one is at least 40 % dark, up to its full sensitivity when it is old,
world-readable and copied around.
"""

from __future__ import annotations

import math
import stat
from dataclasses import dataclass
from datetime import UTC, datetime

SECONDS_PER_YEAR = 365.25 * 24 * 3600
STALE_YEARS = 10.0
UNKNOWN_EXPOSURE = 0.5
BASE, W_STALE, W_EXPOSURE, W_DUPLICATION = 0.4, 0.25, 0.2, 0.15


@dataclass(slots=True, frozen=True)
class DarkScore:
    staleness: float
    exposure: float
    duplication: float
    dark_score: int


def staleness(mtime: datetime | None, atime: datetime | None, now: datetime | None = None) -> float:
    """0 = touched today, 1 = untouched for 10 years or more (square-root curve, see the module docstring)."""
    touched = max((t for t in (mtime, atime) if t is not None), default=None)
    if touched is None:
        return 0.0
    age = ((now or datetime.now(UTC)) - touched).total_seconds() / SECONDS_PER_YEAR
    return round(min(1.0, math.sqrt(max(0.0, age) / STALE_YEARS)), 4)


def exposure(mode: int | None) -> float:
    """1.0 world-readable, 0.5 group-readable (or unknown), 0.0 owner only."""
    if mode is None:
        return UNKNOWN_EXPOSURE
    if mode & stat.S_IROTH:
        return 1.0
    if mode & stat.S_IRGRP:
        return 0.5
    return 0.0


def duplication(duplicates: int) -> float:
    """0 for a unique file, approaching 1 as copies multiply."""
    n = max(0, duplicates)
    return round(n / (n + 1), 4)


def dark_score(
    sensitivity: int,
    mtime: datetime | None,
    atime: datetime | None,
    mode: int | None,
    duplicates: int,
    now: datetime | None = None,
) -> DarkScore:
    """All three factors and the combined score."""
    s, e, d = staleness(mtime, atime, now), exposure(mode), duplication(duplicates)
    score = sensitivity * (BASE + W_STALE * s + W_EXPOSURE * e + W_DUPLICATION * d)
    return DarkScore(s, e, d, max(0, min(100, round(score))))

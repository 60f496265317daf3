"""Coalescing bursts of file-system notifications per path before the agent looks at the file.

Writing one file fires many notifications (create, several modify, close); acting on the first would report a
half-written file and then report it again. A path is due once it has been quiet for ``quiet_s``, or once it has
been pending for ``max_delay_s`` (a file appended to forever is still reported now and then). Moves are kept as
pairs so the agent can report them as moves; a chain ``a -> b -> c`` inside one window collapses to ``a -> c``.

Written by hand: watchdog has no debouncing, and the few debounce helpers on PyPI coalesce calls of a function,
not notifications keyed by path with move pairs.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

Key = tuple[str, str]  # (root, path relative to the root)


@dataclass(slots=True)
class _Pending:
    first: float
    last: float


@dataclass(slots=True)
class Due:
    """What to look at now: paths touched, and moves as ``(root, old path) -> new path``."""

    paths: set[Key] = field(default_factory=set)
    moves: dict[Key, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.paths or self.moves)


class Debouncer:
    """Thread-safe: watchdog's thread calls ``touch``/``moved``, the agent's thread calls ``take_due``."""

    def __init__(self, quiet_s: float, max_delay_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.quiet_s = quiet_s
        self.max_delay_s = max_delay_s
        self._clock = clock
        self._lock = threading.Lock()
        self._pending: dict[Key, _Pending] = {}
        self._moves: dict[Key, str] = {}
        self._origin: dict[Key, Key] = {}  # (root, new path) -> (root, old path) of a pending move

    def touch(self, root: str, rel: str) -> None:
        now = self._clock()
        with self._lock:
            self._touch((root, rel), now)

    def moved(self, root: str, src: str, dest: str) -> None:
        now = self._clock()
        with self._lock:
            origin = self._origin.pop((root, src), (root, src))  # a -> b then b -> c: report a -> c
            replaced = self._moves.pop(origin, None)
            if replaced is not None:
                self._origin.pop((root, replaced), None)
            if origin[1] != dest:
                self._moves[origin] = dest
                self._origin[(root, dest)] = origin
            self._touch((root, src), now)
            self._touch((root, dest), now)

    def _touch(self, key: Key, now: float) -> None:
        pending = self._pending.get(key)
        if pending is None:
            self._pending[key] = _Pending(now, now)
        else:
            pending.last = now

    def take_due(self) -> Due:
        """Remove and return everything due now (a move only once both of its paths are due)."""
        now = self._clock()
        due = Due()
        with self._lock:
            ready = {
                key
                for key, p in self._pending.items()
                if now - p.last >= self.quiet_s or now - p.first >= self.max_delay_s
            }
            for (root, src), dest in list(self._moves.items()):
                if (root, src) in ready and (root, dest) in ready:
                    due.moves[(root, src)] = dest
                    del self._moves[(root, src)]
                    del self._origin[(root, dest)]
                else:  # keep both ends pending until the pair is complete
                    ready.discard((root, src))
                    ready.discard((root, dest))
            for key in ready:
                del self._pending[key]
            due.paths = ready
        return due

    def __len__(self) -> int:
        with self._lock:
            return len(self._pending)

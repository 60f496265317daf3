"""A full scan of one root compared with the checkpoint: the changes since the agent last looked.

The same code serves the first scan (empty checkpoint: every file is new), a restart (only what changed while the
agent was down) and the periodic reconciliation while watching (what watching missed). ``deleted`` changes come
only after the walk has finished, and never for files under a directory that could not be listed (or for a root
that is missing: an unmounted share must not look like a mass deletion).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lanterne.agent.emitter import Change
from lanterne.agent.scanner import Found, Walker
from lanterne.agent.state import FileRecord
from lanterne.events.models import EventKind

log = logging.getLogger(__name__)

PROGRESS_EVERY = 1000


@dataclass(slots=True)
class ScanStats:
    """Counts of one scan: files looked at, events emitted (of which deletions), problems met."""

    seen: int = 0
    emitted: int = 0
    deleted: int = 0
    errors: int = 0


def found_key(found: Found) -> tuple[int | None, int | None, int | None, int | None, int | None, str | None]:
    """The comparison key of what is on disk now, shaped like ``FileRecord.key()``."""
    st = found.stat
    if st is None:
        return (None, None, None, None, None, found.error.code if found.error else None)
    return (st.size, st.mtime_ns, st.ctime_ns, st.inode, st.mode, None)


def diff_root(
    walker: Walker,
    known: dict[str, FileRecord],
    stats: ScanStats,
    progress: Callable[[int], None] | None = None,
    stop: threading.Event | None = None,
) -> Iterator[Change]:
    """Yield a change for every file new or changed since ``known``, then one per file gone.

    ``stats`` may carry counts from earlier roots: ``progress`` gets the running total of files seen. When ``stop``
    is set the walk ends early and no deletion is reported (an unfinished walk cannot tell what is gone).
    """
    root = walker.root
    seen: set[str] = set()
    unlisted: list[str] = []
    for found in walker.walk():
        if not found.rel:  # the root itself cannot be listed: report nothing, delete nothing
            log.warning("cannot list root %s: %s", root, found.error.message if found.error else "unknown")
            stats.errors += 1
            return
        if stop is not None and stop.is_set():
            return
        stats.seen += 1
        if progress is not None and stats.seen % PROGRESS_EVERY == 0:
            progress(stats.seen)
        if found.error is not None:
            stats.errors += 1
            if found.error.code == "vanished":  # deleted while we walked: its records go in the final pass
                if not found.subtree:
                    yield Change(EventKind.DELETED, root, found.rel, errors=(found.error,))
                    seen.add(found.rel)
                continue
            if found.subtree:
                unlisted.append(found.rel + "/")
        seen.add(found.rel)
        record = known.get(found.rel)
        if record is None or record.key() != found_key(found):
            yield Change(
                EventKind.SCANNED, root, found.rel, found.stat, (found.error,) if found.error is not None else ()
            )
    for rel in known.keys() - seen:
        if not any(rel.startswith(prefix) for prefix in unlisted):
            yield Change(EventKind.DELETED, root, rel)

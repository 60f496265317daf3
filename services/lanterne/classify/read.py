"""Read one file for classification: at most ``max_bytes`` kept, but every byte hashed.

The content hash covers the whole file whatever the extraction limit, because retention re-checks it right before
acting and duplicates are found by it. Reading streams in chunks so a 10 GB file costs 10 GB of reading, not memory.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from lanterne.errors import Unreadable, Vanished

CHUNK = 1024 * 1024


@dataclass(slots=True, frozen=True)
class ReadResult:
    data: bytes  # the first ``max_bytes`` bytes
    content_hash: str  # "sha256:<hex>" of all the bytes
    size: int
    truncated: bool  # the file is longer than what was kept
    stat: os.stat_result


def read_file(path: Path, max_bytes: int, within: Path | None = None) -> ReadResult:
    """Read and hash ``path``; raises ``Vanished`` or ``Unreadable`` (messages name no content).

    ``within``: the share root. A path that resolves outside it (a symbolic link to ``/etc``, a ``..`` in an
    event) is refused: the processor may run with more rights than the share's users, and must not read for them.
    """
    if within is not None and not _inside(path, within):
        raise Unreadable("the path leads outside the share root (symbolic link or '..'): not read")
    try:
        # O_NONBLOCK: opening a FIFO or a device must not hang the processor; they are refused just after.
        fd = _open_keeping_atime(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb", closefd=True) as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise Unreadable("not a regular file")
            digest = hashlib.sha256()
            kept = bytearray()
            size = 0
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                if len(kept) < max_bytes:
                    kept += chunk[: max_bytes - len(kept)]
    except FileNotFoundError as exc:
        raise Vanished("the file vanished before it could be read") from exc
    except PermissionError as exc:
        raise Unreadable("permission denied") from exc
    except IsADirectoryError as exc:
        raise Unreadable("not a regular file") from exc
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            raise Vanished("the file vanished before it could be read") from exc
        raise Unreadable(f"read error: {exc.strerror or type(exc).__name__}") from exc
    return ReadResult(bytes(kept), f"sha256:{digest.hexdigest()}", size, size > max_bytes, info)


def _inside(path: Path, root: Path) -> bool:
    real, real_root = os.path.realpath(path), os.path.realpath(root)
    return os.path.commonpath([real, real_root]) == real_root


def _open_keeping_atime(path: Path, flags: int) -> int:
    """Open without updating the access time where the OS allows it (Linux O_NOATIME, for the file's owner or
    CAP_FOWNER): the staleness score reads atime, so a scan must not make every file it reads look "used today".
    Where O_NOATIME is refused (EPERM: someone else's file) the file is opened normally."""
    noatime = getattr(os, "O_NOATIME", 0)
    if noatime:
        try:
            return os.open(path, flags | noatime)
        except PermissionError:
            pass
    return os.open(path, flags)

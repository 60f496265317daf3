"""Is a root on a network file system? There, inotify and FSEvents see only the changes made by this host.

Linux lists mounts in ``/proc/self/mounts``; the root's mount is the longest mount point above its real path. On
other platforms the answer is "no": Windows' ReadDirectoryChangesW does receive changes on SMB shares, and
``watch = "polling"`` remains the explicit choice. Read by hand: ``psutil.disk_partitions`` would give the same
table for one more compiled dependency on every file server.
"""

from __future__ import annotations

import os

# Network and cluster file systems whose remote changes a local watcher does not see.
NETWORK_TYPES = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs", "lustre", "gpfs", "beegfs"}
)
_FUSE_NETWORK = ("fuse.sshfs", "fuse.glusterfs", "fuse.ceph", "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse")

_MOUNTS = "/proc/self/mounts"


def _unescape(field: str) -> str:
    """Mount points in the table escape space, tab, newline and backslash as octal (``\\040``)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def filesystem_type(path: str, mounts_table: str | None = None) -> str | None:
    """The type of the file system holding ``path`` (Linux), or None when unknown."""
    if mounts_table is None:
        try:
            with open(_MOUNTS, encoding="utf-8", errors="surrogateescape") as f:
                mounts_table = f.read()
        except OSError:
            return None
    real = os.path.realpath(path)
    best, best_type = "", None
    for line in mounts_table.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fstype = _unescape(fields[1]), fields[2]
        inside = real == point or real.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fstype
    return best_type


def on_network_filesystem(path: str, mounts_table: str | None = None) -> bool:
    fstype = filesystem_type(path, mounts_table)
    return fstype is not None and (fstype in NETWORK_TYPES or fstype.startswith(_FUSE_NETWORK))

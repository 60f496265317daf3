"""Network file systems are polled in 'auto' mode: a native watcher there misses other hosts' changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from watchdog.observers.polling import PollingObserverVFS

from lanterne.agent import watcher
from lanterne.agent.debounce import Debouncer
from lanterne.agent.mounts import filesystem_type, on_network_filesystem

_TABLE = """\
overlay / overlay rw,relatime 0 0
/dev/sda1 /srv ext4 rw,relatime 0 0
filer:/export/dpi /srv/dossiers nfs4 rw,relatime 0 0
//nas/partage\\040medical /mnt/partage\\040medical cifs rw 0 0
user@host:/data /mnt/ssh fuse.sshfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "fstype", "network"),
    [
        ("/srv/local/file.txt", "ext4", False),
        ("/srv/dossiers", "nfs4", True),
        ("/srv/dossiers/2024/cr.pdf", "nfs4", True),
        ("/srv/dossiers-old", "ext4", False),  # a prefix of the string, not a parent folder
        ("/mnt/partage medical/x", "cifs", True),  # octal-escaped space in the mount table
        ("/mnt/ssh/a", "fuse.sshfs", True),
        ("/home/user", "overlay", False),
    ],
)
def test_filesystem_of_a_path(path: str, fstype: str, network: bool) -> None:
    assert filesystem_type(path, _TABLE) == fstype
    assert on_network_filesystem(path, _TABLE) is network


class _NativeMustNotBeUsed:
    def __init__(self) -> None:
        raise AssertionError("a native observer was created for a network root")


def test_auto_polls_network_roots(share: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(watcher, "on_network_filesystem", lambda path: True)
    monkeypatch.setattr(watcher, "Observer", _NativeMustNotBeUsed)
    observers = watcher.start_observers("auto", [str(share)], Debouncer(0.4, 30), poll_interval_s=0.5)
    try:
        assert [type(o) for o in observers] == [PollingObserverVFS]
    finally:
        watcher.stop_observers(observers)

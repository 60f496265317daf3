"""The walker alone: symlinks, escapes, special files, odd names, errors that must not stop a walk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from agent_support import write

from lanterne.agent.filters import PathFilter
from lanterne.agent.scanner import Found, Walker


def walk(root: Path, *, follow: bool = False, path_filter: PathFilter | None = None) -> dict[str, Found]:
    found = list(Walker(str(root), path_filter or PathFilter(), follow_symlinks=follow).walk())
    rels = [f.rel for f in found]
    assert len(rels) == len(set(rels)), f"reported twice: {rels}"
    return {f.rel: f for f in found}


def test_reports_regular_files_with_their_stat(share: Path) -> None:
    write(share / "a.txt", "hello")
    write(share / "d" / "e" / "b.txt")
    found = walk(share)
    assert set(found) == {"a.txt", "d/e/b.txt"}
    st = (share / "a.txt").stat()
    a = found["a.txt"].stat
    assert a is not None
    assert (a.size, a.mtime_ns, a.inode) == (5, st.st_mtime_ns, st.st_ino)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_fifos_are_never_reported(share: Path) -> None:
    os.mkfifo(share / "pipe")
    write(share / "a.txt")
    assert set(walk(share)) == {"a.txt"}


def test_symlinks_are_skipped_unless_followed(share: Path) -> None:
    write(share / "real" / "a.txt")
    (share / "link-dir").symlink_to(share / "real")
    (share / "link-file").symlink_to(share / "real" / "a.txt")
    assert set(walk(share)) == {"real/a.txt"}
    assert set(walk(share, follow=True)) == {"real/a.txt", "link-dir/a.txt", "link-file"}


def test_symlink_loop_is_walked_once(share: Path) -> None:
    write(share / "a" / "f.txt")
    (share / "a" / "back-to-root").symlink_to("..")
    (share / "a" / "self").symlink_to(".")
    (share / "a" / "selfref").symlink_to("selfref")  # ELOOP when resolved
    (share / "dangling").symlink_to(share / "missing")
    assert set(walk(share, follow=True)) == {"a/f.txt"}


def test_symlinks_out_of_the_root_are_not_followed(tmp_path: Path, share: Path) -> None:
    outside = write(tmp_path / "outside" / "secret.txt").parent
    (share / "escape-dir").symlink_to(outside)
    (share / "escape-file").symlink_to(outside / "secret.txt")
    (share / "dotdot").symlink_to("../outside")
    write(share / "in.txt")
    assert set(walk(share, follow=True)) == {"in.txt"}


def test_excluded_directories_are_not_entered(share: Path) -> None:
    write(share / ".git" / "config")
    write(share / "a" / "keep.txt")
    write(share / "a" / "~$lock.docx")
    found = walk(share, path_filter=PathFilter(exclude=["**/.git/**", "**/~$*"]))
    assert set(found) == {"a/keep.txt"}


def test_non_utf8_names_and_spaces_round_trip_to_the_same_bytes(share: Path) -> None:
    raw = os.fsencode(share) + b"/caf\xe9 r\xe9sum\xe9.txt"
    with open(raw, "wb") as f:
        f.write(b"x")
    write(share / "dossier médical" / "compte rendu ① .txt")
    found = walk(share)
    odd = next(rel for rel in found if rel.startswith("caf"))
    assert os.fsencode(odd) == b"caf\xe9 r\xe9sum\xe9.txt"
    assert os.path.exists(os.path.join(str(share), odd))
    assert "dossier médical/compte rendu ① .txt" in found


def test_file_vanishing_between_listing_and_stat_is_recorded(share: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(share / "stays.txt")
    doomed = write(share / "doomed.txt")
    real_scandir = os.scandir

    class ListThenDelete:
        """Lists the directory, then deletes a file before the walker stats it (a user deleting mid-walk)."""

        def __init__(self, path: str) -> None:
            with real_scandir(path) as it:
                self.entries = list(it)
            if doomed.exists():
                doomed.unlink()

        def __enter__(self) -> list[os.DirEntry[str]]:
            return self.entries

        def __exit__(self, *exc: object) -> None:
            return None

    monkeypatch.setattr(os, "scandir", ListThenDelete)
    found = walk(share)
    assert found["stays.txt"].stat is not None
    gone = found["doomed.txt"]
    assert gone.stat is None and gone.error is not None
    assert (gone.error.code, gone.error.stage) == ("vanished", "agent")


@pytest.mark.skipif(os.name != "posix", reason="PATH_MAX and dir_fd are POSIX")
def test_directory_that_cannot_be_listed_is_recorded_and_the_walk_goes_on(share: Path) -> None:
    """A real error even as root: a path longer than PATH_MAX cannot be listed (ENAMETOOLONG)."""
    write(share / "before.txt")
    fd = os.open(share, os.O_RDONLY)
    depth = 0
    try:
        while depth * 201 < 4200:  # build it relative to a directory fd: the absolute path is never used
            name = f"{depth:03d}" + "d" * 197
            os.mkdir(name, dir_fd=fd)
            next_fd = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = next_fd
            depth += 1
        with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as f:
            f.write("x")
    finally:
        os.close(fd)
    found = walk(share)
    assert found["before.txt"].stat is not None
    errors = [f for f in found.values() if f.error is not None]
    assert errors, "the over-long directory was silently skipped"
    assert {e.error.code for e in errors if e.error} == {"unreadable"}

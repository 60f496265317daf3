"""Turning due paths into changes, without an observer: what watching emits however notifications arrive."""

from __future__ import annotations

import os
from pathlib import Path

from agent_support import MakeAgent, Tail, write

from lanterne.agent import Agent
from lanterne.agent.debounce import Due
from lanterne.agent.watcher import ChangeFinder


def _flush(agent: Agent, due: Due) -> list[tuple[str, str, str | None]]:
    finder = ChangeFinder(agent.walkers, agent.log, agent.store)
    changes = finder.changes(due)
    agent.emitter.emit(changes)
    return sorted((str(c.kind), c.rel, c.old_rel) for c in changes)


def test_rename_seen_only_as_a_new_folder_is_a_move(share: Path, make_agent: MakeAgent, tail: Tail) -> None:
    """inotify lost the new half (the folder was not watched yet); the old half has not arrived."""
    write(share / "a.txt")
    agent = make_agent()
    agent.scan()
    (share / "sub").mkdir()
    os.rename(share / "a.txt", share / "sub" / "a.txt")
    root = agent.roots[0]
    assert _flush(agent, Due(paths={(root, "sub")})) == [("moved", "sub/a.txt", "a.txt")]
    assert _flush(agent, Due(paths={(root, "a.txt")})) == []  # the late deletion: already accounted for


def test_unannounced_rename_in_one_flush_is_a_move(share: Path, make_agent: MakeAgent) -> None:
    write(share / "a.txt")
    agent = make_agent()
    agent.scan()
    os.rename(share / "a.txt", share / "b.txt")
    root = agent.roots[0]
    assert _flush(agent, Due(paths={(root, "a.txt"), (root, "b.txt")})) == [("moved", "b.txt", "a.txt")]


def test_hard_link_is_a_creation_not_a_move(share: Path, make_agent: MakeAgent) -> None:
    write(share / "a.txt")
    agent = make_agent()
    agent.scan()
    os.link(share / "a.txt", share / "b.txt")
    root = agent.roots[0]
    assert _flush(agent, Due(paths={(root, "b.txt")})) == [("created", "b.txt", None)]


def test_deleted_then_new_file_with_other_content_is_not_a_move(share: Path, make_agent: MakeAgent) -> None:
    write(share / "a.txt", "old")
    agent = make_agent()
    agent.scan()
    (share / "a.txt").unlink()
    write(share / "b.txt", "a new file, whatever inode it gets")
    root = agent.roots[0]
    assert _flush(agent, Due(paths={(root, "a.txt"), (root, "b.txt")})) == [
        ("created", "b.txt", None),
        ("deleted", "a.txt", None),
    ]


def test_announced_move_whose_file_changed_identity_falls_back(share: Path, make_agent: MakeAgent) -> None:
    write(share / "a.txt")
    agent = make_agent()
    agent.scan()
    (share / "a.txt").unlink()
    write(share / "b.txt", "not the same file")
    root = agent.roots[0]
    assert _flush(agent, Due(paths={(root, "a.txt"), (root, "b.txt")}, moves={(root, "a.txt"): "b.txt"})) == [
        ("created", "b.txt", None),
        ("deleted", "a.txt", None),
    ]


def test_unchanged_paths_emit_nothing(share: Path, make_agent: MakeAgent) -> None:
    write(share / "a.txt")
    agent = make_agent()
    agent.scan()
    root = agent.roots[0]
    assert _flush(agent, Due(paths={(root, "a.txt"), (root, "missing.txt")})) == []

"""Fixtures for the agent: a real SqliteLog in a temp dir, an agent factory, and a reader of what was emitted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from agent_support import MakeAgent, Tail

from lanterne.agent import Agent
from lanterne.bus.sqlite_log import SqliteLog
from lanterne.settings import AgentSettings


@pytest.fixture
def share(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    return root


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "agent.db"


@pytest.fixture
def log(db_path: Path) -> Iterator[SqliteLog]:
    log = SqliteLog(db_path)
    yield log
    log.close()


@pytest.fixture
def tail(log: SqliteLog) -> Iterator[Tail]:
    tail = Tail(log)
    yield tail
    tail.close()


@pytest.fixture
def make_agent(share: Path, log: SqliteLog) -> MakeAgent:
    """``make_agent(**settings)``: an agent on ``share`` writing to ``log``; settings override AgentSettings."""

    def make(roots: list[Path] | None = None, **settings: Any) -> Agent:
        settings.setdefault("id", "agent-test")
        return Agent(AgentSettings(**settings), roots=roots or [share], log=log)

    return make

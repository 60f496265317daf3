"""Owner and group names, and graceful degradation where pwd/grp do not exist (Windows)."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest

from lanterne.agent.ownership import OwnerNames


@pytest.mark.skipif(os.name != "posix", reason="pwd/grp are POSIX")
def test_names_of_existing_and_unknown_ids() -> None:
    import pwd

    names = OwnerNames()
    me = os.getuid()
    assert names.owner(me) == pwd.getpwuid(me).pw_name
    unknown = 2**31 - 7  # no account has this uid: the number is kept rather than nothing
    assert names.owner(unknown) == str(unknown)


def test_without_pwd_and_grp_names_are_none(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def no_posix_modules(name: str, package: str | None = None) -> ModuleType:
        if name in ("pwd", "grp"):
            raise ImportError(f"No module named {name!r}")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", no_posix_modules)
    names = OwnerNames()
    assert names.owner(0) is None
    assert names.group(0) is None

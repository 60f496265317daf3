"""Owner and group names from numeric ids, cached; ``None`` where the platform has no ``pwd``/``grp`` (Windows).

Imported lazily so the agent still starts on Windows, where ownership comes from ACLs the agent does not read yet.
"""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Callable
from types import ModuleType

log = logging.getLogger(__name__)


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        log.info("module %s unavailable on this platform: owner/group names will be empty", name)
        return None


def _resolver(module_name: str, getter: str, attr: str) -> Callable[[int], str | None]:
    module = _module(module_name)

    @functools.lru_cache(maxsize=4096)
    def resolve(ident: int) -> str | None:
        if module is None:
            return None
        try:
            return str(getattr(getattr(module, getter)(ident), attr))
        except KeyError:  # an id with no name (deleted account, foreign NFS uid): keep the number
            return str(ident)

    return resolve


class OwnerNames:
    """Maps uids and gids to names once per id (``pwd``/``grp`` lookups can hit LDAP/NSS)."""

    def __init__(self) -> None:
        self.owner = _resolver("pwd", "getpwuid", "pw_name")
        self.group = _resolver("grp", "getgrgid", "gr_name")

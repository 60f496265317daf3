"""Which paths under a root the agent reports: include/exclude globs, relative to the root, '/'-separated.

Matching uses ``wcmatch`` (bash-style globs with ``**`` spanning directories, dot files matched like any other
name): the standard library's ``fnmatch`` lets ``*`` cross ``/`` and has no ``**``, and ``pathspec`` follows
gitignore rules (a pattern without a slash matches at any depth), which is not what "glob relative to the root"
promises. All patterns of a list are compiled into ONE regular expression, so a scan pays one match per file.

Semantics:
- a file is reported when it matches no exclude pattern and, if ``include`` is not empty, matches an include;
- a directory whose path matches an exclude pattern (``**/.git`` or ``**/.git/**`` alike) is not entered at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wcmatch import glob

_FLAGS = glob.GLOBSTAR | glob.DOTGLOB


def _compile(patterns: Sequence[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    regexes, _ = glob.translate(list(patterns), flags=_FLAGS)
    return re.compile("|".join(f"(?:{r})" for r in regexes))


class PathFilter:
    """Decides, from a path relative to the root, whether a file is reported and whether a directory is entered."""

    def __init__(self, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> None:
        self._include = _compile(include)
        self._exclude = _compile(exclude)

    def wants_file(self, rel: str) -> bool:
        if self._exclude is not None and self._exclude.match(rel):
            return False
        return self._include is None or self._include.match(rel) is not None

    def enters_dir(self, rel: str) -> bool:
        if self._exclude is None:
            return True
        return not (self._exclude.match(rel) or self._exclude.match(rel + "/"))

    def enters_tree(self, rel_dir: str) -> bool:
        """Whether a walk from the root would reach directory ``rel_dir`` (it and every parent entered)."""
        parts = rel_dir.split("/")
        return all(self.enters_dir("/".join(parts[:i])) for i in range(1, len(parts) + 1))

    def wants_path(self, rel: str) -> bool:
        """For a single path met while watching: a file wanted, under no skipped directory."""
        parent = rel.rpartition("/")[0]
        return (not parent or self.enters_tree(parent)) and self.wants_file(rel)

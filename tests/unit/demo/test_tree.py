"""make_tree writes the number of files asked, nested, with spread mtimes."""

from __future__ import annotations

import os
from pathlib import Path

from lanterne.demo import make_tree


def test_tree_has_the_files_asked(tmp_path: Path) -> None:
    stats = make_tree(tmp_path / "t", files=500, seed=1)
    found = [os.path.join(d, f) for d, _, names in os.walk(tmp_path / "t") for f in names]
    assert stats.files == len(found) == 500
    assert stats.dirs == 7 and stats.bytes == sum(os.path.getsize(p) for p in found)
    years = {int(os.path.getmtime(p) // (365.25 * 86400)) for p in found}
    assert len(years) > 5

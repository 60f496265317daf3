"""Include/exclude globs relative to the root."""

from __future__ import annotations

import pytest

from lanterne.agent.filters import PathFilter
from lanterne.settings import AgentSettings


@pytest.mark.parametrize(
    ("rel", "wanted"),
    [
        ("report.docx", True),
        ("a/b/report.docx", True),
        ("a/~$report.docx", False),  # Office owner file, at any depth
        ("~$report.docx", False),
        ("a/.~lock.report.odt#", False),
        ("photos/Thumbs.db", False),
        ("a/.git/config", False),
        ("a/.gitignore", True),  # dot files are files like any other
        ("caf\udce9.txt", True),  # a non-UTF-8 name (surrogateescape) matches like any other
    ],
)
def test_default_excludes(rel: str, wanted: bool) -> None:
    settings = AgentSettings(id="t")
    assert PathFilter(settings.include, settings.exclude).wants_path(rel) is wanted


def test_include_limits_files_and_star_does_not_cross_folders() -> None:
    f = PathFilter(include=["*.csv", "docs/**/*.pdf"])
    assert f.wants_file("top.csv")
    assert not f.wants_file("sub/deep.csv")  # relative to the root: '*' stops at '/'
    assert f.wants_file("docs/a/b/x.pdf")
    assert f.wants_file("docs/x.pdf")  # '**' also matches no folder at all
    assert not f.wants_file("other/x.pdf")


def test_excluded_directories_are_not_entered_in_either_spelling() -> None:
    f = PathFilter(exclude=["**/node_modules", "**/.cache/**"])
    assert not f.enters_dir("web/node_modules")
    assert not f.enters_dir(".cache")
    assert f.enters_dir("web")
    assert not f.enters_tree("web/node_modules/pkg")
    assert not f.wants_path("a/.cache/blob")

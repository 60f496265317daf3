"""A ``Report`` as rich tables for the terminal (``lanterne report``)."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from rich.console import RenderableType
from rich.filesize import decimal
from rich.table import Table
from rich.text import Text

from lanterne.index.base import Bucket, Report


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def _totals(report: Report) -> Table:
    table = Table(title="Totals", title_justify="left", show_header=False)
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_column("share", justify="right")
    table.add_row("Files", f"{report.files:,}", "")
    table.add_row("Size", decimal(report.bytes), "")
    table.add_row("With health data", f"{report.health_files:,}", _share(report.health_files, report.files))
    table.add_row("With personal data", f"{report.personal_files:,}", _share(report.personal_files, report.files))
    table.add_row("With errors", f"{report.files_with_errors:,}", _share(report.files_with_errors, report.files))
    return table


def _heading(report: Report) -> Text:
    when = f"{report.generated_at:%Y-%m-%d %H:%M %Z}".rstrip()
    return Text.assemble(("Lanterne report", "bold"), f": {report.backend} index, {when}")


def _buckets(title: str, key_name: str, buckets: Sequence[Bucket], total: int, dark: bool = False) -> Table:
    """One table of buckets; keys become ``Text`` so a folder named ``[red]`` is shown, not interpreted."""
    table = Table(title=title, title_justify="left")
    table.add_column(key_name, overflow="fold")
    for name in ("files", "share", "size", "health files"):
        table.add_column(name, justify="right")
    if dark:
        table.add_column("mean dark score", justify="right")
    for b in buckets:
        row: list[RenderableType] = [Text(b.key), f"{b.files:,}", _share(b.files, total), decimal(b.bytes)]
        row.append(Text(f"{b.health_files:,}", style="bold red" if b.health_files else ""))
        if dark:
            row.append(f"{b.dark_score:.1f}")
        table.add_row(*row)
    return table


def _under_common_root(folders: Sequence[Bucket]) -> tuple[str, list[Bucket]]:
    """Folder keys relative to their common parent, so a narrow terminal shows the part that differs."""
    keys = [b.key for b in folders]
    if len(keys) < 2 or not all(k.startswith("/") for k in keys):
        return "", list(folders)
    root = posixpath.commonpath(keys)
    if root in ("/", *keys):
        return "", list(folders)
    return root, [b.model_copy(update={"key": posixpath.relpath(b.key, root)}) for b in folders]


def render_text(report: Report) -> list[RenderableType]:
    """The report as renderables for ``Console.print``, most telling first: totals, sensitivity, age, folders."""
    if not report.files:
        return [_heading(report), _totals(report), Text("The index is empty: scan a share first (lanterne scan ROOT).")]
    root, folders = _under_common_root(report.top_folders)
    parts: list[tuple[str, str, Sequence[Bucket], bool]] = [
        ("By sensitivity", "sensitivity", report.by_sensitivity, False),
        ("By age (last modified)", "age", report.by_age, False),
        ("Top folders by mean dark score" + (f", under {root}" if root else ""), "folder", folders, True),
        ("Identifier types (files holding each)", "identifier", report.by_identifier, False),
        ("Owners", "owner", report.by_owner, False),
        ("Formats", "format", report.by_format, False),
    ]
    tables: list[RenderableType] = [_heading(report), _totals(report)]
    tables += [_buckets(title, key, buckets, report.files, dark) for title, key, buckets, dark in parts if buckets]
    return tables

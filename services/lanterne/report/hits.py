"""Search results as a terminal table: the columns a DPO scans first (health, identifiers, scores, age, owner)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.markup import escape
from rich.table import Table

from lanterne.events.models import FileVerdict


def render_hits(hits: Sequence[FileVerdict]) -> Table:
    """One row per file; the path folds rather than being cut, since it is what people act on."""
    table = Table(title=f"{len(hits)} file(s)", title_justify="left", expand=True)
    table.add_column("path", ratio=6, overflow="fold")
    table.add_column("data", min_width=8, no_wrap=True)
    table.add_column("identifiers", ratio=2, min_width=10, overflow="fold")
    table.add_column("sens.", justify="right", no_wrap=True)
    table.add_column("dark", justify="right", no_wrap=True)
    table.add_column("modified", no_wrap=True)
    table.add_column("owner", min_width=6, overflow="fold")
    for v in hits:
        kind = "[bold red]health[/bold red]" if v.health_data else ("personal" if v.personal_data else "")
        table.add_row(
            escape(v.path) + (" [red](errors)[/red]" if v.errors else ""),
            kind,
            " ".join(sorted(v.identifiers)),
            str(v.sensitivity),
            str(v.dark_score),
            v.mtime.date().isoformat() if v.mtime else "",
            escape(v.owner or ""),
        )
    return table

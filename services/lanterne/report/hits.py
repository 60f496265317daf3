"""Search results as a terminal table: the columns a DPO scans first (health, identifiers, scores, age, owner)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.markup import escape
from rich.table import Table

from lanterne.events.models import FileVerdict


def render_hits(hits: Sequence[FileVerdict]) -> Table:
    table = Table(title=f"{len(hits)} file(s)", title_justify="left", expand=False)
    for column, justify in (("path", "left"), ("format", "left"), ("health", "center"), ("identifiers", "left"),
                            ("sens.", "right"), ("dark", "right"), ("modified", "left"), ("owner", "left")):  # fmt: skip
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for v in hits:
        ids = ", ".join(f"{k}×{n}" for k, n in sorted(v.identifiers.items()))
        table.add_row(
            escape(v.path) + (" [red](errors)[/red]" if v.errors else ""),
            v.format,
            "[bold red]yes[/bold red]" if v.health_data else ("personal" if v.personal_data else ""),
            ids,
            str(v.sensitivity),
            str(v.dark_score),
            v.mtime.date().isoformat() if v.mtime else "",
            escape(v.owner or ""),
        )
    return table

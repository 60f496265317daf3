"""Table rows as text a detector can read: each value after its column name (CSV, spreadsheets, Word tables).

One row is one line, ``header: value`` pairs joined by `` | `` with blank cells left out::

    NIR: 255081416802538 | Nom: DUPONT | Date de naissance: 14/08/1955 | IPP: 800123456

so a detector's context window (the few dozen characters before a candidate) holds the column name of every value,
whatever the column's position. Without a header row, the values alone are joined by `` | ``; in a form-style sheet
(``form=True``: a label cell then its value cell, ``IPP`` | ``8001234567``) a two-cell row whose first cell looks like
a label reads ``IPP: 8001234567``, so the detectors see the label as they would in a letter. Rows are grouped in
segments of ``ROWS_PER_SEGMENT`` (``where="rows 2-1001"``, 1-based row numbers of the source) and the budget is
checked between segments.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from lanterne.extract.budget import Budget

ROWS_PER_SEGMENT = 1000
_NUMERIC = re.compile(r"^[\d\s.,/:+\-]*$")
_LABEL_MAX_CHARS = 40
_LABEL_MAX_WORDS = 5


def cell_text(value: object) -> str:
    """A cell as the user sees it: integral floats without ``.0`` (a NIR typed as a number), dates as dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e17:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == dt.time() else value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def looks_like_header(cells: Sequence[object]) -> bool:
    """Column names: mostly filled, all text (no numbers, no dates), short and distinct."""
    filled = [cell for cell in cells if cell is not None and str(cell).strip()]
    if not filled or (len(cells) > 1 and len(filled) < 2):
        return False
    names = [str(cell).strip() for cell in filled]
    return (
        all(isinstance(cell, str) for cell in filled)
        and not any(_NUMERIC.match(name) for name in names)
        and all(len(name) <= 60 for name in names)
        and len(set(names)) == len(names)
    )


def looks_like_label(cell: object) -> bool:
    """A form label: short text (a few words, ``:`` or not), no digits, e.g. ``IPP``, ``Date de naissance :``."""
    if not isinstance(cell, str):
        return False
    name = cell.strip().rstrip(":").strip()
    return (
        bool(name)
        and len(name) <= _LABEL_MAX_CHARS
        and len(name.split()) <= _LABEL_MAX_WORDS
        and not any(char.isdigit() for char in name)
    )


def format_row(header: Sequence[str] | None, row: Sequence[object], form: bool = False) -> str:
    """One row as one line: ``header: value | ...``, or the values alone without a header (``label: value`` when
    ``form`` and the row is a label cell followed by one value cell)."""
    if header is None:
        filled = [cell for cell in row if cell_text(cell)]
        if form and len(filled) == 2 and looks_like_label(filled[0]):
            return f"{cell_text(filled[0]).rstrip(':').strip()}: {cell_text(filled[1])}"
        return " | ".join(text for text in map(cell_text, row) if text)
    parts = []
    for index, cell in enumerate(row):
        value = cell_text(cell)
        if value:
            name = header[index] if index < len(header) and header[index] else f"col {index + 1}"
            parts.append(f"{name}: {value}")
    return " | ".join(parts)


def add_rows(
    budget: Budget,
    rows: Iterable[Sequence[object]],
    header: Sequence[str] | None,
    first_row: int,
    where_prefix: str = "",
    form: bool = False,
) -> None:
    """Formats rows into segments of ``ROWS_PER_SEGMENT``, stopping when the budget is spent or time is up.

    ``form``: the rows have no header row and may be label/value pairs (see ``format_row``)."""
    block: list[str] = []
    start = number = first_row
    for row in rows:
        text = format_row(header, row, form)
        if text:
            block.append(text)
        number += 1
        if number - start >= ROWS_PER_SEGMENT:
            if block and not budget.add_text("\n".join(block), f"{where_prefix}rows {start}-{number - 1}"):
                return
            if budget.stop():
                return
            block, start = [], number
    if block:
        budget.add_text("\n".join(block), f"{where_prefix}rows {start}-{number - 1}")

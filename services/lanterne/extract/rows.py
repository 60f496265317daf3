"""Table rows as text a detector can read: each value after its column name (CSV, spreadsheets, Word tables).

One row is one line, ``header: value`` pairs joined by `` | `` with blank cells left out::

    NIR: 255081416802538 | Nom: DUPONT | Date de naissance: 14/08/1955 | IPP: 800123456

so a detector's context window (the few dozen characters before a candidate) holds the column name of every value,
whatever the column's position. Without a header row, the values alone are joined by `` | ``; in a form-style sheet
(``form=True``: a label cell then its value cell, ``IPP`` | ``8001234567``) a two-cell row whose first cell looks like
a label reads ``IPP: 8001234567``, so the detectors see the label as they would in a letter. Rows are grouped in
segments of ``ROWS_PER_SEGMENT`` (``where="rows 2-1001"``, 1-based row numbers of the source) and the budget is
checked between segments.

The header is searched among a table's first rows (``header_index``): real exports often put a title line, a blank
line, a merged title cell or a few ``label | value`` lines (``Service | Cardiologie``) above the column names.
Those lines are read as text, then the header, then the rows (``read_table``, shared by CSV, spreadsheets and the
tables of Word, OpenDocument and HTML documents).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from lanterne.extract.budget import Budget

ROWS_PER_SEGMENT = 1000
_NUMERIC = re.compile(r"^[\d\s.,/:+\-]*$")
_LABEL_MAX_CHARS = 40
_LABEL_MAX_WORDS = 5
HEADER_SEARCH_ROWS = 10
"""Non-blank rows looked at for the header: title and preamble lines above a header are a handful at most."""
DOCUMENT_TABLE_MIN_COLUMNS = 3
"""Column names needed for a header in a document's table (Word, OpenDocument, HTML): there, a two-column table is
a label/value form (``IPP | 8001234567``) far more often than a list."""
_HEAD_MAX_ROWS = 1000
_PAIRS_MIN_CELLS = 4  # a line of several label/value pairs (two cells alone: see _NAMES_UNDER_TITLE)
_NAMES_UNDER_TITLE = 3  # names a header needs below title lines (two columns there: a form's labels, values)


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
    """A form label: short text on one line (a few words, ``:`` or not), no digits, e.g. ``IPP``, ``DDN :``."""
    if not isinstance(cell, str) or "\n" in cell.strip():
        return False
    name = cell.strip().rstrip(":").strip()
    return (
        bool(name)
        and len(name) <= _LABEL_MAX_CHARS
        and len(name.split()) <= _LABEL_MAX_WORDS
        and not any(char.isdigit() for char in name)
    )


def _width(row: Sequence[object]) -> int:
    return sum(1 for cell in row if cell_text(cell))


def _pairs(row: Sequence[object]) -> list[object] | None:
    """The filled cells of a ``label | value | label | value`` line (a label at each even place), or None."""
    filled = [cell for cell in row if cell_text(cell)]
    if not filled or len(filled) % 2 or not all(looks_like_label(cell) for cell in filled[::2]):
        return None
    return filled


def _form_pairs(row: Sequence[object]) -> bool:
    """Label/value pairs with a value holding a digit (``Date de naissance | 02/09/1935 | IPP | 416030728``): a form's
    line, whose labels could pass for column names but whose values could not."""
    filled = _pairs(row)
    return filled is not None and any(any(ch.isdigit() for ch in cell_text(cell)) for cell in filled[1::2])


def _in_form(row: Sequence[object], width: int, rest: Sequence[Sequence[object]]) -> bool:
    """A form's label/value pairs, not column names: "Nom | DUBOIS | Prénom | Julie" above "Né le | 02/09/1935 |
    IPP | 416030728" and "Poids | 62" (a table's rows would all be as wide as its header, none a single pair)."""
    if width < _PAIRS_MIN_CELLS or _pairs(row) is None:
        return False
    following = [later for later in rest if _width(later)]
    return (
        bool(following)
        and _width(following[0]) == width
        and _form_pairs(following[0])
        and any(_width(later) == 2 and _pairs(later) is not None for later in following[1:])
    )


def _preamble_line(row: Sequence[object], width: int) -> bool:
    """A line that may stand above a table's header: a title (one cell, merged or not) or ``label | value`` pairs."""
    return width == 1 or _pairs(row) is not None


def header_index(rows: Sequence[Sequence[object]], min_columns: int = 1) -> int | None:
    """Which of a table's first rows holds the column names, or None (no header: values, or a form).

    The header is the first row that looks like column names (``looks_like_header``) with ``min_columns`` names and
    as many as the table's widest row, up to three. Only title lines and ``label | value`` pairs may stand above it,
    it must be wider than them, and under them it needs three names (below a title, ``Nom / Prénom | DUPONT Jean``
    then ``DDN | 12/03/1954`` is a form, not a two-column list). So title lines above the names are skipped, while a
    table whose first rows are values is never given a header from further down.
    """
    widths = [_width(row) for row in rows]
    names = min(max(widths, default=0), _NAMES_UNDER_TITLE)
    above = 0
    for index, (row, width) in enumerate(zip(rows, widths, strict=True)):
        if not width:
            continue
        header = width > above and width >= max(min_columns, names) and looks_like_header(row)
        if header and not _in_form(row, width, rows[index + 1 :]):
            return index
        if not _preamble_line(row, width):
            return None
        above = max(above, width)
        names = _NAMES_UNDER_TITLE
    return None


@dataclass(slots=True)
class Table:
    """A table split at its header: the lines above it, the column names, and the rows under it."""

    preamble: list[Sequence[object]]
    header: list[str] | None
    body: Iterator[Sequence[object]]
    body_row: int  # 1-based number of the first body row in the source


def read_table(rows: Iterable[Sequence[object]], min_columns: int = 1) -> Table:
    """Finds the header (``header_index``) among the first ``HEADER_SEARCH_ROWS`` non-blank rows (within the first
    ``_HEAD_MAX_ROWS``: a sheet may hold a million formatted blank rows), reading no more: the rest of ``rows``
    streams on in ``body``."""
    source = iter(rows)
    head: list[Sequence[object]] = []
    filled = 0
    for row in source:
        head.append(row)
        filled += bool(_width(row))
        if filled >= HEADER_SEARCH_ROWS or len(head) >= _HEAD_MAX_ROWS:
            break
    index = header_index(head, min_columns)
    if index is None:
        return Table([], None, itertools.chain(head, source), 1)
    header = [cell_text(cell) for cell in head[index]]
    return Table(head[:index], header, itertools.chain(head[index + 1 :], source), index + 2)


def preamble_line(row: Sequence[object]) -> str:
    """A line above a table's header as text: label/value pairs as ``label: value | label: value``."""
    filled = _pairs(row)
    if filled is None:
        return format_row(None, row, form=True)
    texts = [cell_text(cell) for cell in filled]
    pairs = zip(texts[::2], texts[1::2], strict=True)
    return " | ".join(f"{label.rstrip(':').strip()}: {value}" for label, value in pairs)


def header_line(header: Sequence[str]) -> str:
    """The column names on one line, as the header segment shows them."""
    return " | ".join(name for name in header if name)


def _labelled_pairs(texts: list[str]) -> list[str]:
    """Cells with a label written with its colon (``IPP :``) joined to the value cell after them: a row of several
    pairs (``Patient : | DUPONT Jean | IPP : | 8001234567``) reads ``Patient: DUPONT Jean | IPP: 8001234567``."""
    parts: list[str] = []
    index = 0
    while index < len(texts):
        text = texts[index]
        value = texts[index + 1] if index + 1 < len(texts) else None
        if value is not None and text.endswith(":") and looks_like_label(text) and not value.endswith(":"):
            parts.append(f"{text.rstrip(':').strip()}: {value}")
            index += 2
        else:
            parts.append(text)
            index += 1
    return parts


def format_row(header: Sequence[str] | None, row: Sequence[object], form: bool = False) -> str:
    """One row as one line: ``header: value | ...``, or the values alone without a header (``label: value`` when
    ``form`` and the row is a label cell followed by one value cell)."""
    if header is None:
        filled = [cell for cell in row if cell_text(cell)]
        if form and len(filled) == 2 and looks_like_label(filled[0]):
            return f"{cell_text(filled[0]).rstrip(':').strip()}: {cell_text(filled[1])}"
        return " | ".join(_labelled_pairs([cell_text(cell) for cell in filled]))
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


def add_table(
    budget: Budget, rows: Iterable[Sequence[object]], where_prefix: str = "", form: bool = False, min_columns: int = 1
) -> None:
    """A whole table: lines above the header as text, the header as its own segment, then ``add_rows``.

    ``form``: without a header the rows may be label/value pairs; ``min_columns``: fewer column names than this is
    no header (documents, where two-column tables are label/value forms far more often than lists)."""
    table = read_table(rows, min_columns)
    if table.preamble:
        lines = filter(None, map(preamble_line, table.preamble))
        budget.add_text("\n".join(lines), f"{where_prefix}rows 1-{len(table.preamble)}")
    if table.header is not None:
        budget.add_text(header_line(table.header), f"{where_prefix}header")
    add_rows(budget, table.body, table.header, table.body_row, where_prefix, form=form)


def table_lines(rows: Iterable[Sequence[object]], min_columns: int = 1) -> list[str]:
    """A small table as lines of text, formatted as ``add_table`` does (for text built in one piece: HTML)."""
    table = read_table(rows, min_columns)
    lines = [preamble_line(row) for row in table.preamble]
    if table.header is not None:
        lines.append(header_line(table.header))
    lines += [format_row(table.header, row, form=True) for row in table.body]
    return [line for line in lines if line]

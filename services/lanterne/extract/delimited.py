"""CSV / TSV: any delimiter, the header row kept as context for every value.

Output shape (what detectors see): the header row once, as a segment ``where="header"`` (``NIR | Nom | IPP``),
then the rows, each on its own line as ``header: value`` pairs joined by `` | ``, empty cells left out::

    NIR: 255081416802538 | Nom: DUPONT | Date de naissance: 14/08/1955 | IPP: 800123456

so a detector's context window holds the column name of every value, whatever the column's position (see
``rows``). Segments are ``where="rows 2-1001"`` (line numbers of the file for one-line records). Title lines above
the header (``Extraction du 03/02/2024;;;``) are read as text (``rows.header_index``). Without a header row
(numbers or dates in the first rows, and the stdlib's type-based guess agrees), rows are the values alone.

The dialect is sniffed on the first 4 KiB only (``csv.Sniffer`` is slow on big samples), falling back to the
delimiter with the most regular count per line. The work is bounded by ``max_chars``: at most about that many
characters are decoded and formatted.
"""

from __future__ import annotations

import csv
import io
import itertools
from typing import ClassVar

from lanterne.errors import Corrupt
from lanterne.extract.base import Extracted, Limits
from lanterne.extract.budget import Budget
from lanterne.extract.charset import read
from lanterne.extract.rows import add_rows, add_table, header_line, looks_like_header

_SAMPLE_CHARS = 4 * 1024  # csv.Sniffer costs about 0.2 ms per KiB (measured)
_DELIMITERS = ";,\t|"


def _excel_with(delimiter: str) -> type[csv.Dialect]:
    class Counted(csv.excel):
        pass

    Counted.delimiter = delimiter
    return Counted


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    """One delimiter with the same count on every sampled line decides (cheap); else ``csv.Sniffer``; else the
    most regular delimiter."""
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    if len(sample) >= _SAMPLE_CHARS and len(lines) > 1:
        lines = lines[:-1]  # the sample may cut the last line

    def regularity(delimiter: str) -> tuple[bool, int]:
        counts = [line.count(delimiter) for line in lines]
        return (min(counts, default=0) > 0 and len(set(counts)) == 1, sum(counts))

    regular = [d for d in _DELIMITERS if regularity(d)[0]]
    if len(regular) == 1:
        return _excel_with(regular[0])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
    except csv.Error:
        return _excel_with(max(_DELIMITERS, key=regularity))


def _sniffed_header(first: list[str], sample: str) -> bool:
    """A first row that is not text-only column names may still be a header by the stdlib's type-based guess."""
    if looks_like_header(first) or sum(1 for cell in first if cell.strip()) < 2:
        return False  # ``rows.add_table`` decides (and skips title lines above the real header, dated or not)
    try:
        return csv.Sniffer().has_header(sample)
    except csv.Error:
        return False


class DelimitedExtractor:
    """CSV, TSV and other delimited exports (patient lists, lab extracts, PMSI files)."""

    name: ClassVar[str] = "delimited"
    formats: ClassVar[tuple[str, ...]] = ("csv",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        budget = Budget.start("csv", limits)
        text = read(data, limits.max_chars * 2)
        if text is None:
            raise Corrupt("delimited file does not decode as text")
        if len(text) >= limits.max_chars * 2:
            budget.out.truncated = True
        text = text.lstrip("\ufeff")
        dialect = _dialect(text[:_SAMPLE_CHARS])
        reader = csv.reader(io.StringIO(text), dialect)
        try:
            first = next(reader, None)
            if first is None:
                return budget.out
            if _sniffed_header(first, text[:_SAMPLE_CHARS]):
                header = [cell.strip() for cell in first]
                budget.add_text(header_line(header), "header")
                add_rows(budget, reader, header, first_row=2)
            else:
                add_table(budget, itertools.chain([first], reader))
        except csv.Error as error:  # a field over the csv module's size limit, a NUL byte...
            budget.note(
                Corrupt.code, f"delimited parsing stopped at line {reader.line_num} ({error}); rest kept as text"
            )
            rest = text.split("\n", reader.line_num)[-1] if reader.line_num else text
            budget.add_text(rest, f"lines {reader.line_num + 1}-")
        return budget.out

"""Plain text, and the formats that carry no text for us (binary blobs, images, empty files).

Plain text is one decode (see ``charset``) and one segment: no per-line work, whatever the file's size; only the
bytes that can hold ``max_chars`` characters are decoded.
"""

from __future__ import annotations

from typing import ClassVar

from lanterne.extract.base import Extracted, Limits
from lanterne.extract.budget import Budget
from lanterne.extract.charset import read


def read_text(data: bytes, budget: Budget, where: str = "") -> None:
    """Adds ``data`` decoded as text (or nothing for binary): shared by the extractors that fall back to text."""
    text = read(data, budget.limits.max_chars + 1)
    if text is not None:
        budget.add_text(text, where)


class TextExtractor:
    """Any text file: notes, exports, logs, letters saved as .txt."""

    name: ClassVar[str] = "text"
    formats: ClassVar[tuple[str, ...]] = ("text",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        budget = Budget.start("text", limits)
        read_text(data, budget)
        return budget.out


class NoTextExtractor:
    """Files with nothing to read without OCR or a media parser: an empty result, not an error (they are common)."""

    name: ClassVar[str] = "none"
    formats: ClassVar[tuple[str, ...]] = ("binary", "image", "empty")

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        return Extracted(format="binary")

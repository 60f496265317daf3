"""RTF: letters from older hospital software and Word's "rich text" saves.

Converted with striprtf. RTF is 7-bit text whose accents are ``\\'e9`` escapes in the code page the header names
(``\\ansicpg1252``), so the bytes are read as Latin-1 (lossless for 7-bit) and the escapes decoded with that code
page. Embedded pictures (``{\\pict ...}`` hex blobs, megabytes in scanned-letter RTFs) are cut out first: they hold
no text and make the converter slow.
"""

from __future__ import annotations

import codecs
import re
from typing import ClassVar

from lanterne.extract.base import Extracted, Limits
from lanterne.extract.budget import Budget
from lanterne.extract.deps import optional

_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")
_PICTURE = re.compile(rb"\{\\\*?\\(?:pict|objdata|bin)\b[^{}]*\}")


def _codepage(data: bytes) -> str:
    match = _CODEPAGE.search(data[:4096])
    name = f"cp{int(match.group(1))}" if match else "cp1252"
    try:
        codecs.lookup(name)
    except LookupError:
        return "cp1252"
    return name


class RtfExtractor:
    """Rich Text Format documents."""

    name: ClassVar[str] = "rtf"
    formats: ClassVar[tuple[str, ...]] = ("rtf",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        striprtf = optional("striprtf.striprtf", "striprtf")
        budget = Budget.start("rtf", limits)
        source = _PICTURE.sub(b"", data)
        if len(source) > limits.max_chars * 4:  # striprtf reads about 1.3 MB/s (measured): bound its input
            source = source[: limits.max_chars * 4]
            budget.out.truncated = True
        text = striprtf.rtf_to_text(source.decode("latin-1"), encoding=_codepage(data), errors="replace")
        budget.add_text(text, "body")
        return budget.out

"""PPTX: slide and speaker-note text (staff meetings present patient cases on slides).

Read with the standard ``zipfile`` and the safe XML parser of ``markup``, not python-pptx: only the ``a:t`` runs
of each slide and notes part are needed, and this avoids a dependency for them. Each part is read up to
``max_bytes`` of decompressed XML (a bomb guard), slides in their number order.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import ClassVar

from lanterne.extract.base import Extracted, Limits
from lanterne.extract.budget import Budget
from lanterne.extract.markup import xml_root

_PART = re.compile(r"ppt/(slides/slide|notesSlides/notesSlide)(\d+)\.xml")
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _paragraphs(xml: bytes) -> str:
    root = xml_root(xml)
    lines = ("".join(t.text or "" for t in p.iter(f"{_DRAWING}t")) for p in root.iter(f"{_DRAWING}p"))
    return "\n".join(line for line in lines if line.strip())


class PptxExtractor:
    """PowerPoint 2007+ presentations (.pptx)."""

    name: ClassVar[str] = "pptx"
    formats: ClassVar[tuple[str, ...]] = ("pptx",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        budget = Budget.start("pptx", limits)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = sorted(
                (int(m.group(2)), m.group(1).startswith("notes"), m.string)
                for m in map(_PART.fullmatch, archive.namelist())
                if m is not None
            )
            for number, notes, name in parts:
                if budget.stop():
                    break
                with archive.open(name) as stream:
                    xml = stream.read(limits.max_bytes + 1)
                if len(xml) > limits.max_bytes:
                    budget.note("too_large", f"{name} is larger than {limits.max_bytes} bytes; skipped")
                    continue
                budget.add_text(_paragraphs(xml), f"{'notes' if notes else 'slide'} {number}")
        return budget.out

"""PDF: the text layer page by page, embedded files as members, and a clear note for scans.

Read with pypdf. A PDF encrypted with an empty user password (owner-password-only "protection", common on exported
reports) is opened; any other encryption is an ``encrypted`` note. Pages are read up to ``max_pages`` with the time
budget checked between pages; one broken page is a note, the others are kept. A PDF with pages and no text at all
is an ``no_text_layer`` note: almost always a scan, which needs OCR to be classified.
"""

from __future__ import annotations

import io
from typing import ClassVar

from lanterne.errors import Corrupt, Encrypted, TooLarge, Unsupported
from lanterne.extract.base import Extracted, Limits
from lanterne.extract.budget import Budget
from lanterne.extract.deps import optional

NO_TEXT_LAYER = "no_text_layer"


class PdfExtractor:
    """PDF documents."""

    name: ClassVar[str] = "pdf"
    formats: ClassVar[tuple[str, ...]] = ("pdf",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        pypdf = optional("pypdf", "pypdf")
        budget = Budget.start("pdf", limits)
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (NotImplementedError, pypdf.errors.DependencyError) as error:
                raise Unsupported("PDF encryption needs: pip install cryptography") from error
            if not opened:
                raise Encrypted("PDF is password-protected")
        pages = reader.pages
        count = len(pages)
        found = False
        for index in range(count):
            if index >= limits.max_pages:
                budget.out.truncated = True
                budget.note(TooLarge.code, f"only the first {limits.max_pages} of {count} pages were read")
                break
            if budget.stop():
                break
            try:
                text = pages[index].extract_text() or ""
            except Exception as error:  # one hostile page must not lose the others
                budget.note(Corrupt.code, f"page {index + 1} unreadable ({type(error).__name__})")
                continue
            found = found or bool(text.strip())
            budget.add_text(text, f"page {index + 1}")
        if count and not found and not budget.out.errors:
            budget.note(NO_TEXT_LAYER, f"{count} page(s) and no text layer: probably a scan (needs OCR)")
        self._extras(reader, budget)
        return budget.out

    @staticmethod
    def _extras(reader: object, budget: Budget) -> None:
        """Title and subject from the metadata, and embedded files (PDF attachments) as members."""
        try:
            metadata = reader.metadata  # type: ignore[attr-defined]
            if metadata:
                budget.add_text("\n".join(str(v) for v in (metadata.title, metadata.subject) if v), "properties")
            for name, contents in (reader.attachments or {}).items():  # type: ignore[attr-defined]
                for number, content in enumerate(contents):
                    if not budget.add_member(name if number == 0 else f"{name} ({number + 1})", content):
                        return
        except Exception as error:  # metadata and attachments are extras: a broken one is a note
            budget.note(Corrupt.code, f"PDF metadata or attachments unreadable ({type(error).__name__})")

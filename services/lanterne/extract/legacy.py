"""Formats recognised but not read: say so precisely (an ``unsupported`` or ``encrypted`` note), never guess.

Legacy binary Excel and PowerPoint files (97-2003, an OLE container) need a converter this package does not ship
(legacy Word is read: see ``msword``); an encrypted OOXML document is an OLE container holding ``EncryptionInfo``
and ``EncryptedPackage`` streams instead of the usual ZIP: its content cannot be read without the password.
"""

from __future__ import annotations

from typing import ClassVar

from lanterne.errors import Encrypted, Unsupported
from lanterne.extract.base import Extracted, Limits


class UnsupportedExtractor:
    """Recognised formats with no text extraction here; subclasses name one format each."""

    name: ClassVar[str] = "unsupported"
    formats: ClassVar[tuple[str, ...]] = ("unknown",)
    description: ClassVar[str] = "unrecognised content"

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        raise Unsupported(f"{self.description}: text extraction not available")


class LegacyExcelExtractor(UnsupportedExtractor):
    name: ClassVar[str] = "xls"
    formats: ClassVar[tuple[str, ...]] = ("xls",)
    description: ClassVar[str] = "legacy Excel 97-2003 workbook (convert to .xlsx to classify its text)"


class LegacyPowerPointExtractor(UnsupportedExtractor):
    name: ClassVar[str] = "ppt"
    formats: ClassVar[tuple[str, ...]] = ("ppt", "ole")
    description: ClassVar[str] = "legacy PowerPoint 97-2003 presentation or other OLE compound file"


class EncryptedOfficeExtractor:
    """Password-protected Word/Excel/PowerPoint 2007+ files."""

    name: ClassVar[str] = "office_encrypted"
    formats: ClassVar[tuple[str, ...]] = ("office_encrypted",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        raise Encrypted("password-protected Office document (encrypted OOXML package)")

"""ZIP archives: members handed back to the caller, who classifies each one (and recurses up to ``max_depth``).

Bombs lie: a member's declared size is ignored and the decompressed bytes are counted while they are read, chunk by
chunk, against ``max_expanded_bytes`` for the whole archive; one member is kept up to ``max_bytes`` (the same bound
the caller puts on a plain file). Encrypted members are an ``encrypted`` note each, the others are still read; a
member that fails its CRC or uses an unknown compression method is a note too. OOXML and ODF documents are ZIPs,
but the sniffer names them (docx, xlsx, odt, ods) before they get here.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import ClassVar

from lanterne.errors import Corrupt, Encrypted, TooLarge, Unsupported
from lanterne.extract.base import Extracted, Limits
from lanterne.extract.budget import Budget

_CHUNK = 1024 * 1024


class _Expansion:
    """Decompressed bytes counted across the archive."""

    def __init__(self, limit: int) -> None:
        self.limit, self.total, self.exceeded = limit, 0, False

    def read(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, keep: int) -> tuple[bytes, bool]:
        """The member's first ``keep`` bytes, and whether it was longer; stops at the archive-wide limit."""
        parts: list[bytes] = []
        kept = 0
        cut = False
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                self.total += len(chunk)
                if self.total > self.limit:
                    self.exceeded = True
                    return b"", True
                if kept < keep:
                    parts.append(chunk[: keep - kept])
                    kept += len(parts[-1])
                if kept >= keep:
                    cut = True
                    break
        return b"".join(parts), cut


class ZipExtractor:
    """ZIP archives (and the ZIP-based formats nobody else claims)."""

    name: ClassVar[str] = "zip"
    formats: ClassVar[tuple[str, ...]] = ("zip",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        budget = Budget.start("zip", limits)
        expansion = _Expansion(limits.max_expanded_bytes)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                if budget.expired() or not budget.room_for_member():
                    break
                if info.flag_bits & 0x1:
                    budget.note(Encrypted.code, f"member {info.filename!r} is encrypted")
                    continue
                try:
                    content, cut = expansion.read(archive, info, limits.max_bytes)
                except NotImplementedError:
                    budget.note(Unsupported.code, f"member {info.filename!r}: compression method not supported")
                    continue
                except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, ValueError) as error:
                    budget.note(Corrupt.code, f"member {info.filename!r} unreadable ({type(error).__name__})")
                    continue
                if expansion.exceeded:
                    budget.out.truncated = True
                    budget.note(
                        TooLarge.code,
                        f"archive expands beyond {limits.max_expanded_bytes} bytes (bomb guard); the rest was not read",
                    )
                    break
                if cut:
                    budget.out.truncated = True
                    budget.note(TooLarge.code, f"member {info.filename!r} kept to its first {limits.max_bytes} bytes")
                budget.add_member(info.filename, content)
        return budget.out

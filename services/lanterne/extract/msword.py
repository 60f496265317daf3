"""Legacy Word 97-2003 documents (.doc): the text of every story, from the piece table.

Hospital shares hold decades of letters in this format, so it is read rather than only reported. No maintained
pure-Python reader exists on the package index (the usual route is the antiword or LibreOffice binaries), and the
text alone is a short walk of the format ([MS-DOC] 2.4.1, "Retrieving Text"): the File Information Block at the
start of the ``WordDocument`` stream gives the offset of the ``Clx`` in the table stream (``0Table`` or
``1Table``); its piece table maps character positions to runs of bytes in ``WordDocument``, each either cp1252
(the "compressed" flag) or UTF-16LE. All stories come out (body, footnotes, headers, comments, text boxes): that is
what classification needs. Field codes (``\\x13 code \\x14 result \\x15``) keep their result only; cell and row
marks become `` | `` and line ends. The OLE container is read with olefile (a dependency of extract-msg).
"""

from __future__ import annotations

import io
import re
import struct
from typing import ClassVar

from lanterne.errors import Corrupt, Encrypted, Unsupported
from lanterne.extract.base import Extracted, Limits
from lanterne.extract.budget import Budget
from lanterne.extract.deps import optional

_WORD_97_IDENT = 0xA5EC
_FIRST_WORD_97_NFIB = 0x00C1 - 0x80  # Word 6/95 files (nFib < 101) have no piece table
_FC_CLX_INDEX = 33  # fcClx is the 34th pair of FibRgFcLcb97
_FIELD_WITH_RESULT = re.compile(r"\x13[^\x13\x14\x15]*\x14([^\x13\x14\x15]*)\x15")
_FIELD_WITHOUT_RESULT = re.compile(r"\x13[^\x13\x14\x15]*\x15")
_MARKS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x07": " | ", "\x1e": "-", "\x1f": None,
                        "\x01": None, "\x08": None, "\x13": None, "\x14": None, "\x15": None})  # fmt: skip


def _clx_offset(word: bytes) -> tuple[int, int]:
    """``(fcClx, lcbClx)`` from the FIB: its variable-length parts are skipped by their own counts."""
    position = 32
    (csw,) = struct.unpack_from("<H", word, position)
    position += 2 + csw * 2
    (cslw,) = struct.unpack_from("<H", word, position)
    position += 2 + cslw * 4
    (count,) = struct.unpack_from("<H", word, position)
    if count <= _FC_CLX_INDEX:
        raise Corrupt("Word FIB too short: no piece table")
    return struct.unpack_from("<II", word, position + 2 + _FC_CLX_INDEX * 8)


def _pieces(clx: bytes) -> list[tuple[int, int, bool]]:
    """``(byte offset, character count, compressed)`` for each piece of the Clx's piece table."""
    position = 0
    while position < len(clx) and clx[position] == 0x01:  # Prc: formatting, skipped
        (size,) = struct.unpack_from("<h", clx, position + 1)
        position += 3 + max(size, 0)
    if position >= len(clx) or clx[position] != 0x02:
        raise Corrupt("Word piece table not found")
    (length,) = struct.unpack_from("<I", clx, position + 1)
    table = clx[position + 5 : position + 5 + length]
    count = (len(table) - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}I", table, 0)
    pieces = []
    for index in range(count):
        (fc,) = struct.unpack_from("<I", table, 4 * (count + 1) + 8 * index + 2)
        compressed = bool(fc & 0x40000000)
        offset = (fc & 0x3FFFFFFF) // 2 if compressed else fc & 0x3FFFFFFF
        pieces.append((offset, max(cps[index + 1] - cps[index], 0), compressed))
    return pieces


def clean(text: str) -> str:
    """Field results kept, field codes and control marks dropped (fields nest: innermost first)."""
    previous = None
    while previous != text:
        previous = text
        text = _FIELD_WITH_RESULT.sub(r"\1", text)
        text = _FIELD_WITHOUT_RESULT.sub("", text)
    return text.translate(_MARKS)


class DocExtractor:
    """Word 97-2003 documents."""

    name: ClassVar[str] = "doc"
    formats: ClassVar[tuple[str, ...]] = ("doc",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        olefile = optional("olefile", "olefile")
        budget = Budget.start("doc", limits)
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            word = ole.openstream("WordDocument").read()
            ident, nfib = struct.unpack_from("<HH", word, 0)
            (flags,) = struct.unpack_from("<H", word, 0x0A)
            if ident != _WORD_97_IDENT or nfib < _FIRST_WORD_97_NFIB:
                raise Unsupported("Word 6/95 or older document: text extraction not available")
            if flags & 0x0100:
                raise Encrypted("password-protected Word document")
            table_name = "1Table" if flags & 0x0200 else "0Table"
            if not ole.exists(table_name):
                raise Corrupt(f"Word document without its {table_name} stream")
            fc_clx, lcb_clx = _clx_offset(word)
            clx = ole.openstream(table_name).read()[fc_clx : fc_clx + lcb_clx]
        parts: list[str] = []
        size = 0
        for offset, chars, compressed in _pieces(clx):
            raw = word[offset : offset + (chars if compressed else 2 * chars)]
            parts.append(raw.decode("cp1252" if compressed else "utf-16-le", errors="replace"))
            size += chars
            if size > limits.max_chars * 2:  # field codes and marks are removed below: read a little more
                break
        budget.add_text(clean("".join(parts)), "text")
        return budget.out

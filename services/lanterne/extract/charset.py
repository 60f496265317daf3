"""Bytes to text: which encoding a text file uses, or that it is not text at all.

French hospital file servers hold UTF-8, UTF-16 (Windows exports, with a BOM), cp1252 / Latin-1 (most older
software), cp850 (DOS-era exports) and Mac Roman. The order of the checks is the order of cost:

1. a BOM decides (UTF-8, UTF-16, UTF-32);
2. NUL bytes mean binary, unless they fall on every other byte (UTF-16 without BOM);
3. too many control bytes mean binary;
4. strict UTF-8 over the whole data: one C-level pass, the fast path for most files;
5. UTF-8 with a few bad bytes (a file edited by two tools) stays UTF-8 with replacement characters;
6. otherwise charset-normalizer chooses among the Western single-byte codecs only: left free, it reads short
   cp1252 French text as ``mac_latin2`` or ``big5`` (measured), so the candidates are isolated to the codecs such
   files actually use.
"""

from __future__ import annotations

import codecs

_SAMPLE = 64 * 1024
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
WESTERN_CODECS = ("cp1252", "cp850", "mac_roman", "iso8859_15", "latin_1")
# Bytes allowed in text: everything but C0 controls other than \t \n \v \f \r, ESC and the MLLP/HL7 frame bytes.
_TEXT_BYTES = bytes(range(32, 256)) + b"\t\n\x0b\x0c\r\x1b\x1c"
_MAX_CONTROL_RATIO = 0.05


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text of mostly ASCII has a NUL on every other byte; anything else with NULs is binary."""
    half = len(sample) // 2
    if half < 2:
        return None
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls > 0.4 * half and even_nuls < 0.02 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.02 * half:
        return "utf-16-be"
    return None


def _mostly_utf8(sample: bytes) -> bool:
    """More valid multi-byte characters than invalid bytes: UTF-8 with a few stray bytes, not a single-byte codec."""
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return non_ascii - bad >= bad


def _best_western(sample: bytes) -> str:
    # Imported here: charset-normalizer builds tables on import and most files never get this far.
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=list(WESTERN_CODECS)).best()
    return best.encoding if best is not None else "cp1252"


def detect(data: bytes) -> str | None:
    """The codec to read ``data`` with, or None when the bytes are not text (binary)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    sample = data[:_SAMPLE]
    if 0 in sample:
        return _utf16_without_bom(sample)
    if len(sample.translate(None, delete=_TEXT_BYTES)) > _MAX_CONTROL_RATIO * len(sample):
        return None
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            return "utf-8"  # a file cut in the middle of a character (read limit): still UTF-8
    if _mostly_utf8(sample):
        return "utf-8"
    return _best_western(sample)


def decode(data: bytes, encoding: str, max_chars: int | None = None) -> str:
    """Decodes with replacement characters; with ``max_chars``, decodes only the bytes that can hold them."""
    if max_chars is not None:
        limit = _bytes_for(max_chars)
        if len(data) > limit:
            decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
            return decoder.decode(data[:limit], final=False)[:max_chars]
    return data.decode(encoding, errors="replace")


def _bytes_for(chars: int) -> int:
    return chars * 4 + 4  # no codec used here needs more than 4 bytes per character


def read(data: bytes, max_chars: int) -> str | None:
    """Up to ``max_chars`` characters of ``data`` as text (None for binary); only the bytes needed are examined."""
    head = data[: _bytes_for(max_chars)]
    encoding = detect(head)
    return None if encoding is None else decode(head, encoding, max_chars)


def head_text(data: bytes, size: int = 8192) -> str | None:
    """The start of ``data`` as text for sniffing, or None when it is binary."""
    return read(data[: size * 2], size)

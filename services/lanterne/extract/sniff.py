"""Which format a file is, from its bytes; the name's extension is only a hint for ambiguous text.

A ``.pdf`` that is really text is text, a ``.txt`` full of NUL bytes is binary: agents see whatever users saved.
Order matters and follows the cost and the certainty of each check:

1. empty (or only whitespace);
2. binary magic numbers: DICOM's ``DICM`` at byte 128 first (some DICOM files carry a TIFF preamble, so they
   start like an image), PDF, ZIP family (docx, xlsx, pptx, odt, ods told apart by their member names), OLE/CFB
   family (msg, doc, xls, ppt, office_encrypted, by their stream names), RTF, images, DICOM without preamble;
3. text: decoded head, then structure: HL7 v2 (``MSH|``, maybe MLLP-framed), HPRIM Santé (``H|``), HPRIM Médecin
   (``****LAB****``/``****FIN****`` markers), XML family (CDA, FHIR XML, HTML, other XML), JSON family (FHIR when a
   ``resourceType`` key shows), e-mail headers, delimited tables, plain text;
4. bytes that do not decode as text: binary.
"""

from __future__ import annotations

import io
import re
import zipfile

from lanterne.extract.charset import head_text

_DICOM_VRS = frozenset(
    b"AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV".split()
)
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
_OOXML_PARTS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx"))

_HL7_START = re.compile(r"(?:MSH|FHS|BHS)([|^~\\&#])")
# HL7 messages inside another text: an interface engine's log ("... INFO received message:" then the segments).
_HL7_IN_LOG = re.compile(r"[\r\n]MSH\|\^~\\&\|[^\r\n]*[\r\n]+(?:PID|EVN|PV1|ORC|OBR)\|")
HL7_LOG_WINDOW = 64 * 1024  # how far into a text file embedded messages are looked for
_HPRIM_SANTE_START = re.compile(r"H\|[^|\r\n]{3,5}\|")
_HPRIM_MEDECIN_MARK = re.compile(r"^\*{4}(?:LAB|FIN|FINFICHIER)\*{4}\s*$", re.MULTILINE)
_XML_PROLOG = re.compile(r"(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>|\s)*", re.DOTALL | re.IGNORECASE)
_XML_ROOT = re.compile(r"<(?:[\w.-]+:)?([\w.-]+)([^>]*)>?")
_HTML_TAGS = frozenset({"html", "head", "body", "div", "p", "table", "span", "h1", "h2", "br", "meta", "title"})
_JSON_START = re.compile(r"(?:\{\s*(?:\"|\})|\[\s*(?:[\[{\"\]\d-]|true|false|null))")
_MAIL_HEADER = re.compile(
    r"^(?:from|to|cc|subject|date|received|return-path|message-id|mime-version|x-[\w-]+|reply-to|sender"
    r"|delivered-to|content-type):",
    re.IGNORECASE | re.MULTILINE,
)
_DELIMITERS = (";", "\t", ",", "|")


def _zip_family(data: bytes) -> str:
    """OOXML and ODF are ZIPs: the member names (or ODF's leading ``mimetype`` member) tell which document."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as member:  # read(100): a hostile "mimetype" may be a bomb
                    mimetype = member.read(100).strip()
                if mimetype in _ODF_MIMETYPES:
                    return _ODF_MIMETYPES[mimetype]
            for part, fmt in _OOXML_PARTS:
                if part in names:
                    return fmt
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError, EOFError):
        return "zip"  # a broken archive is still an archive: the ZIP extractor reports what it can
    return "zip"


def _ole_family(data: bytes) -> str:
    """OLE/CFB: Outlook MSG, legacy Word/Excel/PowerPoint, or an encrypted OOXML (ECMA-376 agile encryption)."""
    try:
        import olefile  # ships with extract-msg
    except ImportError:
        return "ole"
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(entry) for entry in ole.listdir(streams=True, storages=True)}
    except (OSError, ValueError, IndexError, TypeError, RecursionError):
        return "ole"
    if "EncryptionInfo" in streams and "EncryptedPackage" in streams:
        return "office_encrypted"
    if any(s.startswith("__substg1.0_") for s in streams):
        return "msg"
    if "WordDocument" in streams:
        return "doc"
    if "Workbook" in streams or "Book" in streams:
        return "xls"
    if "PowerPoint Document" in streams:
        return "ppt"
    return "ole"


def _dicom_without_preamble(data: bytes) -> bool:
    """A DICOM data set written without the 128-byte preamble starts with a group 0002 or 0008 element."""
    if len(data) < 12:
        return False
    if data[0:2] in (b"\x02\x00", b"\x08\x00"):  # little endian
        little = True
    elif data[0:2] in (b"\x00\x02", b"\x00\x08"):  # big endian, explicit VR
        little = False
    else:
        return False
    if data[4:6] in _DICOM_VRS:
        return True
    if not little:
        return False
    implicit_length = int.from_bytes(data[4:8], "little")  # implicit VR: a 4-byte length follows the tag
    element = int.from_bytes(data[2:4], "little")
    return element < 0x0100 and 0 < implicit_length < min(len(data), 1024)


def _binary_format(data: bytes) -> str | None:
    if data[128:132] == b"DICM":
        return "dicom"
    pdf_at = data.find(b"%PDF-", 0, 1024)  # readers accept junk before the header (a mail gateway's banner...)
    if pdf_at == 0 or (pdf_at > 0 and not data[:pdf_at].strip()) or (pdf_at > 0 and head_text(data[:pdf_at]) is None):
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return _zip_family(data)
    if data.startswith(_OLE_MAGIC):
        return _ole_family(data)
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if data.startswith(_IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return "image"
    if _dicom_without_preamble(data):
        return "dicom"
    return None


def _xml_family(text: str) -> str:
    body = text[_XML_PROLOG.match(text).end() :]  # type: ignore[union-attr]  # the pattern matches the empty string
    root = _XML_ROOT.match(body)
    if root is None:
        return "text"
    tag, attributes = root.group(1), root.group(2)
    lowered = text[:4096].lower()
    if tag == "ClinicalDocument" and "urn:hl7-org:v3" in text[:8192]:
        return "cda"
    if 'xmlns="http://hl7.org/fhir"' in attributes or "http://hl7.org/fhir" in attributes:
        return "fhir"
    if tag.lower() in _HTML_TAGS or "<!doctype html" in lowered:
        return "html"
    return "xml"


TITLE_LINES = 3  # lines with fewer delimiters allowed above a table (an export's title, a date, label/value)


def _looks_delimited(text: str, hinted: bool) -> bool:
    """Same count (>= 1) of one delimiter on each sampled line; without a .csv/.tsv name, more lines and columns.
    A few title lines with fewer delimiters may come first, as exports write them."""
    sampled = [line for line in text.splitlines()[:20] if line.strip()]
    if len(text) >= 8192 and len(sampled) > 1:
        sampled = sampled[:-1]  # the last sampled line may be cut
    if not sampled:
        return False
    for delimiter in _DELIMITERS:
        counts = [line.count(delimiter) for line in sampled]
        leading = next((i for i, count in enumerate(counts) if count), len(counts))  # title lines without any
        if hinted and leading <= TITLE_LINES and leading < len(counts) and min(counts[leading:]) >= 1:
            return True
        minimum = 2 if delimiter == "," else 1
        # The table: the sampled lines after at most TITLE_LINES lines with fewer delimiters (a title, a date,
        # a 'label<TAB>value' line above a wider table), all with the same count.
        for titles in range(min(TITLE_LINES, len(sampled) - 2) + 1):
            body = set(counts[titles:])
            width = min(body)
            enough = hinted or len(sampled) - titles >= 3
            if enough and len(body) == 1 and width >= minimum and all(c < width for c in counts[:titles]):
                return True
    return False


def _text_format(text: str, extension: str) -> str:
    stripped = text.lstrip("\ufeff \t\r\n\x0b")
    if _HL7_START.match(stripped) or _HL7_IN_LOG.search(stripped, 0, HL7_LOG_WINDOW):
        return "hl7"
    if _HPRIM_SANTE_START.match(stripped):
        return "hprim"
    if stripped.startswith("<"):
        return _xml_family(stripped)
    if _JSON_START.match(stripped):
        return "fhir" if '"resourceType"' in stripped else "json"
    if _MAIL_HEADER.match(stripped):
        header_block = stripped.split("\n\n", 1)[0].split("\r\n\r\n", 1)[0]
        if len(_MAIL_HEADER.findall(header_block)) >= (1 if extension == "eml" else 3):
            return "eml"
    if extension in ("htm", "html") and "<" in stripped:
        return "html"
    if _looks_delimited(stripped, hinted=extension in ("csv", "tsv")):
        return "csv"
    return "text"


def _hprim_medecin(text: str, data: bytes) -> bool:
    """The ``****FIN****`` markers, in the head or, after a long report, in the tail."""
    if "****" in text and _HPRIM_MEDECIN_MARK.search(text):
        return True
    if len(data) <= 16384 or b"****" not in data[-4096:]:
        return False
    tail = head_text(data[-4096:])
    return tail is not None and _HPRIM_MEDECIN_MARK.search(tail) is not None


def sniff(data: bytes, name: str = "") -> str:
    """The format name of ``data`` (see the module docstring for the names and the order of the checks)."""
    if not data[:65536].strip() and not data.strip():
        return "empty"
    binary = _binary_format(data)
    if binary is not None:
        return binary
    text = head_text(data)
    if text is None:
        return "binary"
    if _hprim_medecin(text, data):
        return "hprim_medecin"
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return _text_format(text, extension)

"""The one registry of extractors, and the guarded dispatch: sniff, pick the extractor, never raise.

Every extractor is listed here once; ``formats`` on each class says which sniffed format names it takes. The guard
turns any exception into an ``ErrorNote`` on the result: a Lanterne ``InputError`` keeps its code (``encrypted``,
``corrupt``, ``unsupported``...), anything else (a parser's own exception on hostile bytes, ``MemoryError``,
``RecursionError``) becomes ``corrupt``. Messages name the format and the exception type only: parser messages
can quote the bytes they choked on, which may be a patient's identity.
"""

from __future__ import annotations

import logging

from lanterne.errors import Corrupt, InputError, Unsupported
from lanterne.events.models import ErrorNote
from lanterne.extract.archive import ZipExtractor
from lanterne.extract.base import Extracted, Extractor, Limits
from lanterne.extract.cda import CdaExtractor
from lanterne.extract.delimited import DelimitedExtractor
from lanterne.extract.dicom import DicomExtractor
from lanterne.extract.fhir import FhirExtractor
from lanterne.extract.hl7v2 import Hl7Extractor
from lanterne.extract.hprim import HprimMedecinExtractor, HprimSanteExtractor
from lanterne.extract.legacy import (
    EncryptedOfficeExtractor,
    LegacyExcelExtractor,
    LegacyPowerPointExtractor,
    UnsupportedExtractor,
)
from lanterne.extract.mail import EmlExtractor, MsgExtractor
from lanterne.extract.markup import HtmlExtractor, JsonExtractor, XmlExtractor
from lanterne.extract.msword import DocExtractor
from lanterne.extract.opendocument import OdfExtractor
from lanterne.extract.pdf import PdfExtractor
from lanterne.extract.presentation import PptxExtractor
from lanterne.extract.rtf import RtfExtractor
from lanterne.extract.sniff import sniff
from lanterne.extract.spreadsheet import XlsxExtractor
from lanterne.extract.text import NoTextExtractor, TextExtractor
from lanterne.extract.wordprocessing import DocxExtractor

log = logging.getLogger(__name__)

EXTRACTORS: tuple[Extractor, ...] = (
    TextExtractor(),
    DelimitedExtractor(),
    NoTextExtractor(),
    DocxExtractor(),
    XlsxExtractor(),
    PptxExtractor(),
    OdfExtractor(),
    PdfExtractor(),
    RtfExtractor(),
    HtmlExtractor(),
    XmlExtractor(),
    JsonExtractor(),
    ZipExtractor(),
    EmlExtractor(),
    MsgExtractor(),
    Hl7Extractor(),
    DicomExtractor(),
    FhirExtractor(),
    CdaExtractor(),
    HprimSanteExtractor(),
    HprimMedecinExtractor(),
    EncryptedOfficeExtractor(),
    DocExtractor(),
    LegacyExcelExtractor(),
    LegacyPowerPointExtractor(),
    UnsupportedExtractor(),
)


def _by_format(extractors: tuple[Extractor, ...]) -> dict[str, Extractor]:
    table: dict[str, Extractor] = {}
    for extractor in extractors:
        for fmt in extractor.formats:
            if fmt in table:
                raise ValueError(f"format {fmt!r} claimed by {table[fmt].name} and {extractor.name}")
            table[fmt] = extractor
    return table


_BY_FORMAT = _by_format(EXTRACTORS)


def extractor_for(fmt: str) -> Extractor | None:
    """The registered extractor for a sniffed format name, if any."""
    return _BY_FORMAT.get(fmt)


def run(extractor: Extractor, fmt: str, data: bytes, limits: Limits) -> Extracted:
    """Runs one extractor under its guard: the result always comes back, with the failure as an ``ErrorNote``."""
    try:
        result = extractor.extract(data, limits)
    except InputError as error:
        result = Extracted(format=fmt, errors=[ErrorNote(code=error.code, message=str(error), stage="extract")])
    except Exception as error:  # hostile input may make any parser raise anything: that is data, not a crash
        log.info("extractor %s failed on a %s file: %s", extractor.name, fmt, type(error).__name__)
        message = f"{fmt} content could not be parsed ({extractor.name}: {type(error).__name__})"
        result = Extracted(format=fmt, errors=[ErrorNote(code=Corrupt.code, message=message, stage="extract")])
    result.format = fmt
    return result


def extract(data: bytes, name: str, limits: Limits) -> Extracted:
    """Sniffs ``data`` (``name`` only as a hint) and extracts it with the registered extractor, under its guard."""
    try:
        fmt = sniff(data, name)
    except Exception as error:  # sniffing reads hostile bytes too
        log.info("sniffing failed: %s", type(error).__name__)
        fmt = "unknown"
    extractor = extractor_for(fmt)
    if extractor is None:
        note = ErrorNote(code=Unsupported.code, message=f"no extractor for format {fmt!r}", stage="extract")
        return Extracted(format=fmt, errors=[note])
    return run(extractor, fmt, data, limits)

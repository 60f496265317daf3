"""Extract: bytes in, text segments and structured fields out, within limits. Pure: imports no engine.

``sniff(data, name)`` names the format from the content (the name's extension is only a hint);
``extract(data, name, limits)`` sniffs and runs the registered extractor under a guard, so it never raises for bad
input: problems are ``ErrorNote``s on the result (see ``registry``). Format names: text, csv, doc, docx, xlsx,
pptx, odt, ods, pdf, rtf, html, eml, msg, zip, dicom, hl7, fhir, cda, hprim, hprim_medecin, xml, json, image,
binary, empty; recognised but not read: xls, ppt, ole (unsupported), office_encrypted (encrypted), unknown.
Containers (zip, eml, msg, and documents embedded in HL7, FHIR, CDA and PDF) return ``members``: the caller
classifies each in turn, up to ``Limits.max_depth``.
"""

from lanterne.extract.base import Extracted, Extractor, Limits, Member, Role, StructuredField, TextSegment
from lanterne.extract.registry import EXTRACTORS, extract, extractor_for
from lanterne.extract.sniff import sniff

__all__ = [
    "EXTRACTORS",
    "Extracted",
    "Extractor",
    "Limits",
    "Member",
    "Role",
    "StructuredField",
    "TextSegment",
    "extract",
    "extractor_for",
    "sniff",
]

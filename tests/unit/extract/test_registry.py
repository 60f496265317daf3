"""The registry and its guard: one extractor per format, failures become notes, limits and deadlines hold."""

from __future__ import annotations

import sys
from typing import ClassVar

import pytest
from extract_helpers import codes, run

from lanterne.errors import Encrypted
from lanterne.extract import EXTRACTORS, Extracted, Limits, extractor_for
from lanterne.extract.registry import run as run_guarded

FORMATS = [
    "text",
    "csv",
    "doc",
    "docx",
    "xlsx",
    "pptx",
    "odt",
    "ods",
    "pdf",
    "rtf",
    "html",
    "eml",
    "msg",
    "zip",
    "dicom",
    "hl7",
    "fhir",
    "cda",
    "hprim",
    "hprim_medecin",
    "xml",
    "json",
    "image",
    "binary",
    "empty",
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_has_one_extractor(fmt: str) -> None:
    extractor = extractor_for(fmt)
    assert extractor is not None and fmt in extractor.formats


def test_formats_are_not_claimed_twice() -> None:
    claimed = [fmt for extractor in EXTRACTORS for fmt in extractor.formats]
    assert len(claimed) == len(set(claimed))


class _Exploding:
    name: ClassVar[str] = "exploding"
    formats: ClassVar[tuple[str, ...]] = ("text",)

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        raise self.error


@pytest.mark.parametrize(
    ("error", "code"),
    [(ValueError("DUPONT 255081416802538"), "corrupt"), (MemoryError(), "corrupt"), (Encrypted("locked"), "encrypted")],
)
def test_guard_turns_exceptions_into_notes_without_the_content(error: BaseException, code: str) -> None:
    result = run_guarded(_Exploding(error), "text", b"x", Limits())
    assert result.format == "text" and codes(result) == [code]
    assert "DUPONT" not in result.errors[0].message  # parser messages may quote the content: never copied


def test_missing_parser_is_unsupported_naming_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "striprtf", None)  # importing it now raises ImportError
    monkeypatch.setitem(sys.modules, "striprtf.striprtf", None)
    result = run(b"{\\rtf1\\ansi Bonjour}", "x.rtf", Limits())
    assert result.format == "rtf"
    assert codes(result) == ["unsupported"]
    assert "striprtf" in result.errors[0].message


def test_deadline_keeps_partial_text() -> None:
    body = "".join(f"{i};NOM{i};PARIS\n" for i in range(5000))
    result = run(("NIR;Nom;Ville\n" + body).encode(), "x.csv", Limits(timeout_s=0.0))
    assert "timeout" in codes(result)
    assert result.truncated
    assert result.text  # the first block was read before the first check


def test_broken_ole_container_is_reported() -> None:
    pytest.importorskip("olefile")
    result = run(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000, "ancien.doc", Limits())
    assert result.format in ("ole", "doc")
    assert codes(result) in (["unsupported"], ["corrupt"])


HOSTILE = [
    b"",
    b"\x00" * 10_000,
    b"PK\x03\x04" + b"\xff" * 200,
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    b"{\\rtf1 " + b"{" * 50_000,
    b"\x89PNG\r\n\x1a\n",
    b"MSH|",
    b"H|",
    b"<ClinicalDocument xmlns='urn:hl7-org:v3'>",
    b'{"resourceType": 12}',
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 512,
    b"\x08\x00\x05\x00CS\x0a\x00ISO_IR 100" + b"\xff" * 100,
    bytes(range(256)) * 64,
]


@pytest.mark.parametrize("data", HOSTILE, ids=range(len(HOSTILE)))
@pytest.mark.parametrize("name", ["x.txt", "x.pdf", "x.zip", ""])
def test_hostile_inputs_never_raise(data: bytes, name: str) -> None:
    result = run(data, name, Limits(max_chars=10_000, timeout_s=5.0))
    assert isinstance(result, Extracted)
    assert all(note.stage == "extract" for note in result.errors)

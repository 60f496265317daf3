"""Plain text in any common encoding, truncation at max_chars, binary detection."""

from __future__ import annotations

import pytest
from extract_helpers import all_text, run

from lanterne.extract import Limits

LETTER = "Patiente Hélène Dupont, née le 14/08/1955. Antécédents : diabète. Traitement : metformine 1000 mg x2/j.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1", "cp850"])
def test_common_encodings_decode(encoding: str, limits: Limits) -> None:
    result = run((LETTER * 3).encode(encoding), "lettre.txt", limits)
    assert result.format == "text"
    assert all_text(result) == LETTER * 3
    assert not result.errors


def test_invalid_utf8_keeps_the_valid_text(limits: Limits) -> None:
    data = LETTER.encode("utf-8") + b"\xff\xfe stray \xc3 bytes " + LETTER.encode("utf-8")
    result = run(data, "x.txt", limits)
    text = all_text(result)
    assert "Hélène" in text and "Antécédents" in text
    assert "\ufffd" in text


def test_truncates_at_max_chars() -> None:
    result = run(b"A" * 50_000, "big.txt", Limits(max_chars=1000))
    assert len(all_text(result)) == 1000
    assert result.truncated


def test_huge_single_line(limits: Limits) -> None:
    result = run(b"x" * 5_000_000 + b" NIR 255081416802538", "line.txt", limits)
    assert result.format == "text"
    assert result.truncated
    assert len(all_text(result)) == limits.max_chars


def test_nul_laden_txt_is_binary_without_text(limits: Limits) -> None:
    result = run(bytes(range(256)) * 100, "notes.txt", limits)
    assert result.format == "binary"
    assert result.text == [] and result.errors == []


def test_pdf_name_with_text_content(limits: Limits) -> None:
    result = run(LETTER.encode(), "compte-rendu.pdf", limits)
    assert result.format == "text"
    assert "metformine" in all_text(result)

"""PDF: text per page, page limit, scans, encryption, broken files. PDFs are made with fpdf2 in the test."""

from __future__ import annotations

import pytest
from extract_helpers import all_text, codes, run
from extract_samples import make_pdf

from lanterne.extract import Limits


def test_text_by_page(limits: Limits) -> None:
    result = run(make_pdf(["Compte rendu: patient DUPONT", "NIR 255081416802538"]), "cr.pdf", limits)
    assert result.format == "pdf" and not result.errors
    assert [segment.where for segment in result.text] == ["page 1", "page 2"]
    assert "255081416802538" in all_text(result)


def test_page_limit_truncates() -> None:
    result = run(make_pdf([f"page {i}" for i in range(6)]), "long.pdf", Limits(max_pages=2))
    assert result.truncated
    assert [segment.where for segment in result.text] == ["page 1", "page 2"]
    assert "too_large" in codes(result)


def test_pages_without_text_layer_are_probably_a_scan(limits: Limits) -> None:
    result = run(make_pdf(["", ""]), "scan.pdf", limits)
    assert codes(result) == ["no_text_layer"]
    assert "scan" in result.errors[0].message


def test_user_password_is_encrypted(limits: Limits) -> None:
    pytest.importorskip("cryptography")
    result = run(make_pdf(["secret"], owner_password="owner", user_password="user"), "protege.pdf", limits)
    assert codes(result) == ["encrypted"]
    assert result.text == []


def test_owner_password_only_is_read(limits: Limits) -> None:
    pytest.importorskip("cryptography")
    result = run(make_pdf(["Patient DUPONT"], owner_password="owner"), "restreint.pdf", limits)
    assert not result.errors
    assert "DUPONT" in all_text(result)


def test_truncated_pdf_gives_errors_not_exceptions(limits: Limits) -> None:
    data = make_pdf(["Compte rendu"] * 3)
    for cut in (20, len(data) // 2, len(data) - 30):
        result = run(data[:cut], "cut.pdf", limits)
        assert result.format == "pdf"
        assert result.errors or all_text(result)  # pypdf may recover the pages; it must never raise


def test_header_only_pdf(limits: Limits) -> None:
    result = run(b"%PDF-1.7\n", "empty.pdf", limits)
    assert codes(result) == ["corrupt"]

"""HTML, RTF, generic XML and JSON: visible text with its names, hostile markup."""

from __future__ import annotations

import json

from extract_helpers import all_text, codes, run

from lanterne.extract import Limits


def test_html_drops_scripts_and_styles(limits: Limits) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>CR</title><style>p{color:red}</style>"
        "<meta charset='windows-1252'></head><body><script>var nir='x';</script>"
        "<p>Patiente H\xe9l\xe8ne DUPONT</p><p>IPP : 800123456</p></body></html>"
    ).encode("cp1252")
    result = run(page, "cr.htm", limits)
    text = all_text(result)
    assert result.format == "html" and not result.errors
    assert "Patiente Hélène DUPONT" in text and "IPP : 800123456" in text
    assert "var nir" not in text and "color" not in text


def test_rtf_accents_and_pictures(limits: Limits) -> None:
    picture = "{\\pict\\pngblip " + "89504e47" * 20000 + "}"
    rtf = (
        "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\\f0 Patiente H\\'e9l\\'e8ne DUPONT\\par "
        + picture
        + "NIR 2 55 08}"
    )
    result = run(rtf.encode("ascii"), "lettre.rtf", limits)
    text = all_text(result)
    assert result.format == "rtf" and not result.errors
    assert "Patiente Hélène DUPONT" in text and "NIR 2 55 08" in text
    assert "89504e47" not in text


def test_generic_xml_keeps_names(limits: Limits) -> None:
    document = b'<?xml version="1.0"?><export><patient ipp="800123456"><nir>255081416802538</nir></patient></export>'
    result = run(document, "export.xml", limits)
    lines = all_text(result).splitlines()
    assert "patient@ipp: 800123456" in lines and "nir: 255081416802538" in lines


def test_broken_xml_falls_back_to_text(limits: Limits) -> None:
    result = run(b"<export><nir>255081416802538</nir>", "x.xml", limits)
    assert result.format == "xml" and codes(result) == ["corrupt"]
    assert "255081416802538" in all_text(result)


def test_generic_json_keeps_key_paths(limits: Limits) -> None:
    document = {"patients": [{"identite": {"nir": "255081416802538", "nom": "DUPONT"}}]}
    result = run(json.dumps(document).encode(), "export.json", limits)
    assert "patients.identite.nir: 255081416802538" in all_text(result).splitlines()


def test_broken_json_falls_back_to_text(limits: Limits) -> None:
    result = run(b'{"nir": "255081416802538", ', "x.json", limits)
    assert result.format == "json" and codes(result) == ["corrupt"]
    assert "255081416802538" in all_text(result)


def test_deeply_nested_json(limits: Limits) -> None:
    result = run(b"[" * 100_000 + b"]" * 100_000, "deep.json", limits)
    assert result.format == "json"  # RecursionError in the parser becomes a note and the text fallback

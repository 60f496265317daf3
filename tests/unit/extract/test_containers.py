"""ZIP (members, nesting, bombs, encryption, member limits) and e-mail (EML built with the stdlib, MSG garbage)."""

from __future__ import annotations

import zipfile
from email.message import EmailMessage

import pytest
from extract_helpers import all_text, codes, run
from extract_samples import make_eml, make_zip

from lanterne.extract import Limits, extract, sniff


def test_members_are_returned_for_the_caller(limits: Limits) -> None:
    data = make_zip({"a/lettre.txt": b"Patient DUPONT", "b/liste.csv": b"NIR;Nom\n1;X\n", "vide/": b""})
    result = run(data, "archive.zip", limits)
    assert result.format == "zip" and not result.errors
    assert [(m.name, m.data) for m in result.members] == [
        ("a/lettre.txt", b"Patient DUPONT"),
        ("b/liste.csv", b"NIR;Nom\n1;X\n"),
    ]


def test_nested_zip_recurses_through_the_caller(limits: Limits) -> None:
    inner = make_zip({"cr.txt": b"Compte rendu DUPONT"})
    outer = run(make_zip({"inner.zip": inner}), "outer.zip", limits)
    (member,) = outer.members
    nested = extract(member.data, member.name, limits)
    assert nested.format == "zip"
    assert nested.members[0].data == b"Compte rendu DUPONT"


def test_zip_bomb_stops_at_expanded_bytes(limits: Limits) -> None:
    bomb = make_zip({"zeros.bin": b"\0" * (limits.max_expanded_bytes * 4), "after.txt": b"x"})
    assert len(bomb) < limits.max_expanded_bytes // 50  # highly compressible: the archive itself is small
    result = run(bomb, "bomb.zip", limits)
    assert result.truncated
    assert "too_large" in codes(result)
    assert result.members == []


def test_declared_sizes_are_not_trusted(limits: Limits) -> None:
    """A member whose header claims a tiny size but expands more is still counted by what it yields."""
    data = bytearray(make_zip({"small.txt": b"A" * (limits.max_expanded_bytes + 10)}))
    # Rewrite the declared uncompressed size (central directory) to 10 bytes.
    central = data.index(b"PK\x01\x02")
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    result = run(bytes(data), "liar.zip", limits)
    assert result.errors  # either the bomb guard or zipfile's own size check: never the whole payload
    assert all(len(m.data) <= 10 or len(m.data) <= limits.max_expanded_bytes for m in result.members)


def test_member_over_max_bytes_is_cut() -> None:
    small = Limits(max_bytes=1000, max_expanded_bytes=1_000_000)
    result = run(make_zip({"big.txt": b"B" * 5000}), "x.zip", small)
    assert len(result.members[0].data) == 1000
    assert result.truncated and "too_large" in codes(result)


def test_member_count_limit() -> None:
    result = run(make_zip({f"f{i}.txt": b"x" for i in range(30)}), "many.zip", Limits(max_members=5))
    assert len(result.members) == 5
    assert result.truncated and codes(result) == ["too_large"]


def test_encrypted_member_is_noted_and_others_kept(limits: Limits) -> None:
    data = bytearray(make_zip({"secret.txt": b"hidden", "open.txt": b"visible"}))
    # zipfile cannot write encrypted entries: set the "encrypted" flag bit of the first entry's headers.
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        position = data.index(signature)
        data[position + flag_offset] |= 0x1
    result = run(bytes(data), "x.zip", limits)
    assert codes(result) == ["encrypted"]
    assert [m.name for m in result.members] == ["open.txt"]


def test_corrupt_member_crc(limits: Limits) -> None:
    data = bytearray(make_zip({"a.txt": b"hello world" * 10}, compression=zipfile.ZIP_STORED))
    data[data.index(b"hello")] ^= 0xFF  # change a stored byte: the CRC no longer matches
    result = run(bytes(data), "x.zip", limits)
    assert codes(result) == ["corrupt"]


def test_truncated_zip(limits: Limits) -> None:
    data = make_zip({"a.txt": b"hello" * 1000})
    result = run(data[: len(data) // 2], "x.zip", limits)
    assert result.format == "zip" and codes(result) == ["corrupt"]


def test_eml_headers_body_attachments(limits: Limits) -> None:
    data = make_eml()
    assert sniff(data, "message") == "eml"
    result = run(data, "message.eml", limits)
    assert result.format == "eml" and not result.errors
    headers = next(s for s in result.text if s.where == "headers").text
    assert "Subject: CR de Mme DUPONT Hélène" in headers and "From: Dr Martin" in headers
    assert "IPP 800123456" in next(s for s in result.text if s.where == "body").text
    assert [(m.name, m.data[:4]) for m in result.members] == [("cr.pdf", b"%PDF"), ("pieces.zip", b"PK\x03\x04")]


def test_eml_html_only_body(limits: Limits) -> None:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@b.fr", "c@d.fr", "Résultats"
    message.set_content("<html><script>var x=1;</script><p>Glycémie 7,2</p></html>", subtype="html")
    result = run(message.as_bytes(), "m.eml", limits)
    body = next(s for s in result.text if s.where == "body").text
    assert "Glycémie 7,2" in body and "var x" not in body


def test_eml_garbage_after_headers(limits: Limits) -> None:
    data = (
        b"From: a@b.fr\nTo: c@d.fr\nSubject: x\nContent-Type: multipart/mixed; boundary=zz\n\n"
        b"--zz\nContent-Type: text/plain; charset=x-unknown\n\n\xff\xfe garbage"
    )
    result = run(data, "m.eml", limits)
    assert result.format == "eml"


@pytest.mark.parametrize(
    "data", [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]
)
def test_broken_ole_msg_does_not_raise(data: bytes, limits: Limits) -> None:
    result = run(data, "mail.msg", limits)
    assert result.errors
    assert all_text(result) == ""

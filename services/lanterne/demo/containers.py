"""Containers: e-mails with attachments and ZIP archives of letters, plus their broken twins (encrypted, corrupt).

Each member is itself a ``Doc`` so its labels appear under ``ARCHIVE!MEMBER`` in the manifest; a container's own
``health`` is False: it holds health data through its members (``share._label``).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

from lanterne.demo import render
from lanterne.demo.context import Ctx, Doc, can_write
from lanterne.demo.labels import Planted
from lanterne.demo.letters import discharge_letter
from lanterne.demo.tables import lab_export, table_csv


def letter_member(ctx: Ctx, fmt: str) -> Doc:
    letter = discharge_letter(ctx)
    data, ext = render.letter(letter, fmt)
    return Doc(data, fmt, "discharge_letter", ext, letter.year, True, letter.planted, service=letter.service)


def csv_member(ctx: Ctx) -> Doc:
    table = lab_export(ctx, patients=ctx.rng.randint(2, 5))
    return Doc(table_csv(table).encode("utf-8"), "csv", "lab_export", "csv", table.year, True, table.planted)


def email(ctx: Ctx) -> Doc:
    """A message between two colleagues with a letter (PDF or text) or a lab export (CSV) attached."""
    rng = ctx.rng
    sender, recipient = ctx.doctor(), ctx.people.staff()
    planted = Planted()
    for s in (sender, recipient):
        planted.add("PERSON_NAME", s.full_name)
        planted.add("EMAIL", s.email)
    letter_format = "pdf" if can_write("pdf") else "text"
    attachment = letter_member(ctx, letter_format) if rng.random() < 0.6 else csv_member(ctx)
    year = attachment.year
    msg = EmailMessage()
    msg["From"] = f"{sender.first} {sender.last.upper()} <{sender.email}>"
    msg["To"] = f"{recipient.first} {recipient.last.upper()} <{recipient.email}>"
    msg["Subject"] = "Courrier de sortie" if attachment.kind == "discharge_letter" else "Export résultats biologie"
    when = datetime(year, 1, 1, 9, tzinfo=timezone(timedelta(hours=1))) + timedelta(minutes=rng.randint(0, 500_000))
    msg["Date"] = format_datetime(min(when, datetime(2026, 11, 30, tzinfo=UTC)))
    msg["Message-ID"] = f"<{rng.getrandbits(64):016x}@{ctx.site.domain}>"
    msg.set_content(
        f"Bonjour,\n\nVeuillez trouver ci-joint le document demandé.\n\nBien cordialement,\n"
        f"Dr {sender.first} {sender.last.upper()}\n{ctx.site.name}\n"
    )
    name = f"document_{rng.randint(1000, 9999)}.{attachment.ext}"
    maintype, subtype = (
        ("application", "pdf") if attachment.ext == "pdf" else ("text", "plain" if attachment.ext == "txt" else "csv")
    )
    msg.add_attachment(attachment.data, maintype=maintype, subtype=subtype, filename=name)
    msg.set_boundary(f"===={rng.getrandbits(64):016x}====")  # the default boundary is random: seed it
    return Doc(msg.as_bytes(), "eml", "email", "eml", year, False, planted, members=[(name, attachment)])


def _zip_bytes(members: list[tuple[str, Doc]], writer: Callable[[io.BytesIO], zipfile.ZipFile]) -> bytes:
    buf = io.BytesIO()
    with writer(buf) as zf:
        for name, member in members:
            # pyzipper's AES writer wants its own ZipInfo subclass.
            info_cls = getattr(zf, "zipinfo_cls", zipfile.ZipInfo)
            info = info_cls(name, date_time=(member.year, 6, 1, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, member.data)
    return buf.getvalue()


def _letters(ctx: Ctx) -> list[tuple[str, Doc]]:
    members = []
    for i in range(ctx.rng.randint(2, 5)):
        doc = letter_member(ctx, ctx.rng.choice([f for f in ("text", "pdf", "docx") if can_write(f)]))
        members.append((f"courriers/{doc.year}/courrier_{i + 1}.{doc.ext}", doc))
    return members


def letters_zip(ctx: Ctx) -> Doc:
    """An archive of letters someone zipped 'to make room'."""
    members = _letters(ctx)
    data = _zip_bytes(members, lambda buf: zipfile.ZipFile(buf, "w"))
    return Doc(data, "zip", "letters_zip", "zip", max(d.year for _, d in members), False, members=members)


def encrypted_zip(ctx: Ctx) -> Doc:
    """The same archive protected by a password (AES, with pyzipper: the stdlib cannot write encrypted ZIPs).

    Labelled with what it truly holds and ``expect_error='encrypted'``: a reader cannot see inside.
    """
    import pyzipper

    members = _letters(ctx)

    def writer(buf: io.BytesIO) -> zipfile.ZipFile:
        zf = pyzipper.AESZipFile(buf, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES)
        zf.setpassword(b"demo-" + str(ctx.rng.getrandbits(32)).encode())
        return zf

    data = _zip_bytes(members, writer)
    doc = Doc(data, "zip", "encrypted_zip", "zip", max(d.year for _, d in members), False, members=members)
    doc.expect_error = "encrypted"
    return doc


def corrupt_pdf(ctx: Ctx) -> Doc:
    """A PDF whose body was overwritten (a bad sector, a copy cut short): header left, nothing readable after."""
    original = letter_member(ctx, "pdf").data
    data = original[:9] + ctx.rng.randbytes(len(original) - 9)
    return Doc(data, "pdf", "corrupt_pdf", "pdf", ctx.year(), False, expect_error="corrupt")

"""E-mail: EML (RFC 822, the stdlib's parser) and Outlook MSG (extract-msg): headers, body, attachments.

The headers that name people (From, To, Cc) and the subject go in a ``headers`` segment; the body is the plain
text part, or the HTML part's visible text; attachments (and attached e-mails) become members for the caller to
classify in turn: the scanned letter in a PDF attachment is usually where the patient is.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage, MIMEPart
from typing import Any, ClassVar

from lanterne.errors import Unsupported
from lanterne.extract.base import Extracted, Limits
from lanterne.extract.budget import Budget
from lanterne.extract.deps import optional
from lanterne.extract.markup import html_text

_HEADERS = ("From", "To", "Cc", "Subject", "Date")
_MSG_HEADERS = (("From", "sender"), ("To", "to"), ("Cc", "cc"), ("Subject", "subject"), ("Date", "date"))


def _part_text(part: MIMEPart) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AttributeError):  # unknown charset, broken transfer encoding
        payload = part.get_payload(decode=True)
        content = payload.decode("latin-1") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    return html_text(content) if part.get_content_type() == "text/html" else content


def _attachment_bytes(part: MIMEPart) -> bytes:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        message = inner[0] if isinstance(inner, list) and inner else inner
        return message.as_bytes() if hasattr(message, "as_bytes") else b""
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


class EmlExtractor:
    """RFC 822 e-mails saved as .eml (and mailbox exports of one message)."""

    name: ClassVar[str] = "eml"
    formats: ClassVar[tuple[str, ...]] = ("eml",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        budget = Budget.start("eml", limits)
        message = email.message_from_bytes(data, policy=email.policy.default)
        assert isinstance(message, EmailMessage)  # guaranteed by policy.default
        headers = []
        for name in _HEADERS:
            try:
                value = message.get(name)
            except (ValueError, IndexError, TypeError):  # a header the parser cannot model: skipped
                value = None
            if value:
                headers.append(f"{name}: {value}")
        budget.add_text("\n".join(headers), "headers")
        body = message.get_body(preferencelist=("plain", "html"))
        if body is not None:
            budget.add_text(_part_text(body), "body")
        for number, part in enumerate(message.iter_attachments(), 1):
            if budget.stop():
                break
            name = part.get_filename() or f"attachment-{number}.{part.get_content_subtype()}"
            if not budget.add_member(name, _attachment_bytes(part)):
                break
        return budget.out


class MsgExtractor:
    """Outlook .msg files."""

    name: ClassVar[str] = "msg"
    formats: ClassVar[tuple[str, ...]] = ("msg",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        extract_msg = optional("extract_msg", "extract-msg")
        budget = Budget.start("msg", limits)
        message = extract_msg.openMsg(data, delayAttachments=False, strict=False)  # not strict: any item type
        try:
            headers = [(name, getattr(message, attribute, None)) for name, attribute in _MSG_HEADERS]
            budget.add_text("\n".join(f"{name}: {value}" for name, value in headers if value), "headers")
            body = getattr(message, "body", None) or ""
            if not body.strip() and getattr(message, "htmlBody", None):
                body = html_text(message.htmlBody)
            budget.add_text(body, "body")
            self._attachments(message, budget)
        finally:
            message.close()
        return budget.out

    @staticmethod
    def _attachments(message: Any, budget: Budget) -> None:
        for number, attachment in enumerate(getattr(message, "attachments", []), 1):
            if budget.stop():
                return
            name = attachment.longFilename or attachment.shortFilename or f"attachment-{number}"
            data = attachment.data
            if isinstance(data, bytes):
                if not budget.add_member(name, data):
                    return
            elif hasattr(data, "exportBytes"):  # an attached e-mail: a message object, saved back as a .msg member
                if not budget.add_member(f"{name}.msg", data.exportBytes(allowBadEmbed=True)):
                    return
            else:
                budget.note(Unsupported.code, f"attachment {number} ({type(attachment).__name__}) has no readable data")

"""Contact and bank identifiers: French IBAN, e-mail address, French phone number.

IBAN: ``FR`` + 2 check digits + 23 characters, ISO 13616 mod 97 checked by ``stdnum.iban``. Phone: ``0[1-9]`` +
8 digits or ``+33``/``0033`` + 9 digits, separators space, dot, dash (domain sheet). Personal data, never health
data on their own.
"""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum import iban

from lanterne.detect.base import Pattern
from lanterne.detect.context import fold
from lanterne.detect.detectors.firstnames import FIRST_NAMES
from lanterne.detect.recognizer import Hit, Recognizer
from lanterne.detect.registry import register
from lanterne.extract.base import StructuredField
from lanterne.privacy import mask


@register
class IbanDetector(Recognizer):
    """French (and Monaco) IBANs, grouped by 4 or compact; the mod-97 check must pass."""

    priority = 15
    name = "iban"
    entity = "IBAN"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern("iban-fr", r"[FM](?<![\w].)[RC]\d{2}(?: ?[A-Z0-9]{4}){5} ?[A-Z0-9]{3}(?![\w])", 0.75),
    )
    context = ("iban", "rib", "bic", "compte", "virement", "banque")

    def validate(self, candidate: str) -> bool | None:
        return iban.is_valid(candidate)

    def mask(self, candidate: str) -> str:
        value = self.normalise(candidate)
        return mask(" ".join(value[i : i + 4] for i in range(0, len(value), 4)), 4, 2)


SERVICE_MAILBOXES = frozenset(
    [
        "contact",
        "info",
        "infos",
        "accueil",
        "secretariat",
        "secretariats",
        "secr",
        "service",
        "services",
        "noreply",
        "no-reply",
        "ne-pas-repondre",
        "admin",
        "administration",
        "support",
        "rdv",
        "webmaster",
        "direction",
        "dpo",
        "communication",
        "standard",
        "qualite",
        "pharmacie",
        "urgences",
        "consultation",
        "consultations",
        "bureau",
        "courrier",
        "postmaster",
        "rh",
        "drh",
        "dsi",
        "helpdesk",
        "hotline",
        "facturation",
        "admissions",
        "cadre",
        "cadres",
        "equipe",
        "planning",
        # services and activities a mailbox is named after ("education.therapeutique@", "cardio.rdv@")
        "education",
        "etp",
        "therapeutique",
        "prevention",
        "depistage",
        "vaccination",
        "hygiene",
        "formation",
        "formations",
        "recrutement",
        "paie",
        "achats",
        "logistique",
        "biomedical",
        "informatique",
        "archives",
        "dim",
        "labo",
        "laboratoire",
        "imagerie",
        "radiologie",
        "bloc",
        "maternite",
        "patients",
        "usagers",
        "relations",
        "coordination",
    ]
)
# Endings of the names of activities and departments a mailbox is named after ("materiovigilance@",
# "cardiologie@", "kinesitherapie@", "echographie@"); no French family name ends so at this length.
SERVICE_SUFFIXES = ("vigilance", "logie", "therapie", "graphie", "ariat")
SERVICE_WORD_MIN = 8


SERVICE_MAILBOX = "service mailbox"  # a finding's explanation: an address that names a service, not a person
SERVICE_CONFIDENCE = 0.5


def service_mailbox(local: str) -> bool:
    """Is this local part (before the ``@``) a service's mailbox: ``secretariat.cardio``, ``contact``, ``cardio.rdv``?
    A service word first says so, or anywhere when no given name is there too (``marie.accueil`` is Marie's)."""
    words = [
        "service" if len(w) >= SERVICE_WORD_MIN and w.endswith(SERVICE_SUFFIXES) else w
        for w in re.split(r"[._+-]", fold(local).lower())
    ]
    if words[0] in SERVICE_MAILBOXES:
        return True
    return any(w in SERVICE_MAILBOXES for w in words) and not any(w in FIRST_NAMES for w in words)


@register
class EmailDetector(Recognizer):
    """E-mail addresses (RFC 5322's common subset).

    Not the identifiers that borrow their shape: an iCalendar event's ``UID:`` and the ``Message-ID``,
    ``Content-ID``, ``In-Reply-To`` and ``References`` headers name a message or an event, not a mailbox.
    """

    priority = 45
    name = "email"
    entity = "EMAIL"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern(
            "email",
            r"[A-Za-z0-9](?<![\w.%+-].)(?<![Uu][Ii][Dd]:.)(?<![Ii][Dd]:<.)(?<![Ii][Dd]: <.)"
            r"(?<![Ii]n-[Rr]eply-[Tt]o: <.)(?<![Rr]eferences: <.)"
            r"[A-Za-z0-9._%+-]{0,63}+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w])",
            0.85,
        ),
    )

    def normalise(self, candidate: str) -> str:
        return candidate.strip().lower()

    def judge(self, candidate: str, pattern: Pattern, context_word: str | None) -> Hit | None:
        return self._noted(super().judge(candidate, pattern, context_word))

    def from_field(self, item: StructuredField) -> list[Hit]:
        return [hit for hit in map(self._noted, super().from_field(item)) if hit is not None]

    def _noted(self, hit: Hit | None) -> Hit | None:
        """A service's mailbox (``service_mailbox``) is reported, noted as such: it names no person, so alone it
        makes no file personal data (classify/decide.py), like a switchboard's number."""
        if hit is None or not service_mailbox(self.normalise(hit.value).partition("@")[0]):
            return hit
        return Hit(hit.entity, hit.value, min(hit.confidence, SERVICE_CONFIDENCE), (*hit.explanation, SERVICE_MAILBOX))

    def mask(self, candidate: str) -> str:
        local, _, domain = self.normalise(candidate).partition("@")
        return f"{mask(local, 1, 0)}@{domain}"


# Words that introduce a commercial reference, not a phone: "Bon de commande : 0637102611" is a purchase order. When
# the nearest context word is one of them (no phone word is nearer), ten digits led by 0 are that reference. (Ids of
# patients and stays are the IPP/NDA patterns' own: they consume their value before the phone pattern sees it.)
REFERENCE_WORDS = (
    "commande", "bon de commande", "facture", "client", "code client", "reference", "ref", "lot", "siret", "siren",
    "contrat", "devis",
)  # fmt: skip


@register
class PhoneDetector(Recognizer):
    """French phone numbers: ``0X XX XX XX XX`` or ``+33 X XX XX XX XX`` with space, dot or dash separators."""

    priority = 40
    name = "phone"
    entity = "PHONE"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern(
            "phone-fr",
            r"[+0](?<![\w+.,].)(?:(?:(?<=\+)33|(?<=0)033)[ .\-\u00a0]?(?:\(0\)[ .\-\u00a0]?)?[1-9]|(?<=0)[1-9])"
            r"(?:[ .\-\u00a0]?\d{2}){4}"
            r"(?![\w]|[.,]\d)",
            0.7,
        ),
    )
    # "Standard :", "Accueil :" and "Secrétariat :" introduce a service's number: still a phone, and nearer than a
    # reference word of the same line ("Bon de commande n° 12: Standard : 01 ...").
    context = (
        "tel", "telephone", "tél", "portable", "mobile", "fax", "joindre", "standard", "accueil", "secretariat",
        *REFERENCE_WORDS,
    )  # fmt: skip

    def normalise(self, candidate: str) -> str:
        digits = "".join(ch for ch in candidate if ch.isdigit())
        if digits.startswith("0033"):
            digits = "0" + digits[4:]
        elif digits.startswith("33") and len(digits) == 11:
            digits = "0" + digits[2:]
        return digits

    def judge(self, candidate: str, pattern: Pattern, context_word: str | None) -> Hit | None:
        if context_word in _REFERENCE_FOLDED:
            return None
        return super().judge(candidate, pattern, context_word)

    def mask(self, candidate: str) -> str:
        value = self.normalise(candidate)
        return f"{value[:2]} ** ** ** {value[-2:]}" if len(value) == 10 else "*" * len(value)


_REFERENCE_FOLDED = frozenset(fold(w) for w in REFERENCE_WORDS)

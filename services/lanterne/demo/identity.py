"""Fictional people and their identifiers, each one valid by the rule a detector checks.

Every number here is made up, but shaped and keyed like the real thing (see shared/domain/health-fr.md), so a
classifier that checks keys finds them and a leak test can look for them verbatim. Names and addresses come from
Faker ``fr_FR``; the identifiers are built here because no library *generates* a NIR consistent with a given sex,
birth date and birthplace (python-stdnum only validates, and we use it to compute the IBAN check digits and Luhn keys).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date

from faker import Faker
from stdnum import iban, luhn

# INSEE country codes for people born abroad (NIR birthplace "99" + code).
_COUNTRIES = ("350", "352", "351", "139", "127", "134", "109", "212", "331", "100")
_OVERSEAS = ("971", "972", "973", "974", "976")


def nir_key(body: str) -> str:
    """The 2-digit NIR key: 97 - (body mod 97), Corsica's 2A/2B read as 19/18 (CNAM's rule)."""
    digits = body.replace("2A", "19").replace("2B", "18")
    return f"{97 - int(digits) % 97:02d}"


def make_nir(rng: random.Random, sex: str, birth: date, *, place: str = "metro", month_code: str | None = None) -> str:
    """A 15-char NIR for a person of ``sex`` ('M'/'F') born on ``birth``.

    ``place`` is ``metro``, ``corsica`` (2A/2B from 1976, 20 before), ``overseas`` (97x + 2-digit commune) or
    ``abroad`` (99 + country). ``month_code`` overrides the month (e.g. '20'-'30' or '50'+ unknown month, '31'-'42'
    incomplete civil record).
    """
    sex_digit = "1" if sex == "M" else "2"
    month = month_code or f"{birth.month:02d}"
    if place == "corsica":
        dept = rng.choice(("2A", "2B")) if birth.year >= 1976 else "20"
        where = dept + f"{rng.randint(1, 366):03d}"
    elif place == "overseas":
        where = rng.choice(_OVERSEAS) + f"{rng.randint(1, 34):02d}"
    elif place == "abroad":
        where = "99" + rng.choice(_COUNTRIES)
    else:
        number = rng.choice([d for d in range(1, 96) if d != 20])
        where = f"{number:02d}{rng.randint(1, 700):03d}"
    body = f"{sex_digit}{birth.year % 100:02d}{month}{where}{rng.randint(1, 999):03d}"
    return body + nir_key(body)


def bad_key_nir(rng: random.Random, nir: str) -> str:
    """The same NIR with a wrong key (a typo): what a strict validator must reject."""
    good = int(nir[13:])
    wrong = (good + rng.randint(1, 96)) % 97 or 1
    return nir[:13] + f"{wrong:02d}"


def luhn_number(rng: random.Random, prefix: str, length: int) -> str:
    """A ``length``-digit number starting with ``prefix`` whose last digit is a Luhn key (RPPS, FINESS)."""
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    return body + luhn.calc_check_digit(body)


def make_iban(rng: random.Random) -> str:
    """A French IBAN (27 chars) with a valid RIB key and valid ISO 13616 check digits."""
    bank, branch = rng.randint(10000, 99999), rng.randint(10000, 99999)
    account = rng.randint(10**9, 10**11 - 1)
    rib = 97 - (89 * bank + 15 * branch + 3 * account) % 97
    bban = f"{bank:05d}{branch:05d}{account:011d}{rib:02d}"
    return "FR" + iban.calc_check_digits("FR00" + bban) + bban


def make_phone(rng: random.Random, *, mobile: bool = False) -> str:
    """A French phone number in one of the usual spellings (spaces, dots, +33)."""
    first = rng.choice("67") if mobile else rng.choice("12345")
    digits = first + "".join(rng.choice("0123456789") for _ in range(8))
    style = rng.random()
    if style < 0.6:
        return "0" + " ".join([digits[0]] + [digits[i : i + 2] for i in range(1, 9, 2)])
    if style < 0.85:
        return "0" + ".".join([digits[0]] + [digits[i : i + 2] for i in range(1, 9, 2)])
    return "+33 " + " ".join([digits[0]] + [digits[i : i + 2] for i in range(1, 9, 2)])


def ascii_fold(text: str) -> str:
    """Lower-case ASCII form of a name, for e-mail addresses."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum() or ch in "-.")


@dataclass(frozen=True, slots=True)
class Patient:
    """A fictional patient: identity traits and the site's identifiers."""

    first: str
    last: str
    sex: str  # 'M' / 'F'
    birth: date
    nir: str
    ipp: str
    nda: str
    address: str
    postcode: str
    city: str
    phone: str

    @property
    def full_name(self) -> str:
        """Canonical label form: 'Prénom NOM' (how the manifest records PERSON_NAME values)."""
        return f"{self.first} {self.last.upper()}"

    @property
    def civility(self) -> str:
        return "M." if self.sex == "M" else "Mme"


@dataclass(frozen=True, slots=True)
class Staff:
    """A fictional member of staff: a physician (with RPPS) or an administrative employee."""

    first: str
    last: str
    sex: str
    birth: date
    nir: str
    rpps: str
    phone: str
    email: str
    iban: str

    @property
    def full_name(self) -> str:
        return f"{self.first} {self.last.upper()}"


class People:
    """Makes patients and staff from one seeded RNG and one seeded Faker, so a seed gives the same people."""

    def __init__(self, rng: random.Random, faker: Faker, domain: str) -> None:
        self.rng = rng
        self.faker = faker
        self.domain = domain

    def _name(self, sex: str) -> tuple[str, str]:
        first = self.faker.first_name_male() if sex == "M" else self.faker.first_name_female()
        return first, self.faker.last_name()

    def _birth(self, lo: int, hi: int) -> date:
        return date(self.rng.randint(lo, hi), self.rng.randint(1, 12), self.rng.randint(1, 28))

    def _nir(self, sex: str, birth: date) -> str:
        roll = self.rng.random()
        if roll < 0.08:
            return make_nir(self.rng, sex, birth, place="corsica")
        if roll < 0.18:
            return make_nir(self.rng, sex, birth, place="abroad")
        if roll < 0.23:
            return make_nir(self.rng, sex, birth, place="overseas")
        if roll < 0.27:  # special months: unknown (20-30, 50+) or incomplete civil record (31-42)
            code = (
                f"{self.rng.choice([self.rng.randint(20, 30), self.rng.randint(31, 42), self.rng.randint(50, 99)]):02d}"
            )
            return make_nir(self.rng, sex, birth, month_code=code)
        return make_nir(self.rng, sex, birth)

    def patient(self, born: tuple[int, int] = (1925, 2022)) -> Patient:
        sex = self.rng.choice("MF")
        first, last = self._name(sex)
        birth = self._birth(*born)
        return Patient(
            first=first,
            last=last,
            sex=sex,
            birth=birth,
            nir=self._nir(sex, birth),
            ipp="8" + f"{self.rng.randint(0, 999_999_999):09d}",
            nda=f"2{self.rng.randint(0, 99_999_999):08d}",
            address=self.faker.street_address(),
            postcode=self.faker.postcode(),
            city=self.faker.city(),
            phone=make_phone(self.rng, mobile=self.rng.random() < 0.6),
        )

    def staff(self) -> Staff:
        sex = self.rng.choice("MF")
        first, last = self._name(sex)
        birth = self._birth(1955, 1998)
        return Staff(
            first=first,
            last=last,
            sex=sex,
            birth=birth,
            nir=self._nir(sex, birth),
            rpps=luhn_number(self.rng, "10", 11),
            phone=make_phone(self.rng),
            email=f"{ascii_fold(first)}.{ascii_fold(last)}@{self.domain}",
            iban=make_iban(self.rng),
        )

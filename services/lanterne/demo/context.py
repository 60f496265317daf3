"""What every document generator shares: the seeded randomness, the fictional site, and the result type."""

from __future__ import annotations

import importlib.util
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from faker import Faker

from lanterne.demo.identity import People, Staff, ascii_fold, luhn_number, make_phone
from lanterne.demo.labels import Planted

# Formats whose writer needs an optional library: skipped (with a log line) when it is not installed.
NEEDS = {"docx": "docx", "xlsx": "openpyxl", "odt": "odf", "pdf": "fpdf", "dicom": "pydicom"}


def installed(module: str | None) -> bool:
    return module is None or importlib.util.find_spec(module) is not None


def can_write(fmt: str) -> bool:
    return installed(NEEDS.get(fmt))


@dataclass(frozen=True, slots=True)
class Site:
    """The fictional hospital the share belongs to."""

    name: str
    city: str
    finess: str
    domain: str
    switchboard: str


@dataclass(slots=True)
class Doc:
    """One generated file before it is placed in the tree: bytes, expected format and what was planted.

    ``ext`` ends the file name (never a planted value); ``year`` anchors the folder and mtime.
    """

    data: bytes
    format: str
    kind: str
    ext: str
    year: int
    health: bool
    planted: Planted = field(default_factory=Planted)
    near_miss: bool = False
    expect_error: str | None = None
    members: list[tuple[str, Doc]] = field(default_factory=list)
    service: str = ""


class Ctx:
    """Seeded RNG + Faker + people factory + site. One per share, so one seed gives one share."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.faker = Faker("fr_FR")
        self.faker.seed_instance(seed)
        city = self.faker.city()
        self.site = Site(
            name=f"Centre Hospitalier de {city}",
            city=city,
            finess=luhn_number(self.rng, f"{self.rng.randint(1, 95):02d}0", 9),
            domain=f"ch-{''.join(c for c in ascii_fold(city) if c.isalpha())[:12]}.fr",
            switchboard=make_phone(self.rng),
        )
        self.people = People(self.rng, self.faker, self.site.domain)
        self._doctors = [self.people.staff() for _ in range(12)]

    def doctor(self) -> Staff:
        return self.rng.choice(self._doctors)

    def day(self, year: int) -> date:
        """A day of ``year``, never after the share's fixed "today" (2026-11-30)."""
        return min(date(year, 1, 1) + timedelta(days=self.rng.randint(0, 364)), date(2026, 11, 30))

    def year(self) -> int:
        """A year over the last 25, skewed to recent ones like a real share."""
        return 2026 - min(int(self.rng.expovariate(1 / 7)), 25)

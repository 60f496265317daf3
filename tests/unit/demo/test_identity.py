"""The identifier factories: every number passes the check a detector applies (python-stdnum as the referee)."""

from __future__ import annotations

import random
from datetime import date

import pytest
from stdnum import iban, luhn
from stdnum.fr import nir as stdnum_nir

from lanterne.demo.identity import bad_key_nir, luhn_number, make_iban, make_nir, nir_key


@pytest.mark.parametrize(
    ("body", "key", "why"),
    [
        ("2550814168025", "38", "reference vector"),
        ("2951099126111", "93", "born abroad (99)"),
        ("2530726073004", "70", "Corsica 2B read as 18"),
        ("2530724073004", "43", "Corsica 2A read as 19"),
        ("2790351215189", "89", "official fictitious INS test patient"),
    ],
)
def test_nir_key_matches_reference_vectors(body: str, key: str, why: str) -> None:
    corsican = body[:5] + {"26": "2B", "24": "2A"}.get(body[5:7], body[5:7]) + body[7:]
    assert nir_key(corsican if "Corsica" in why else body) == key


@pytest.mark.parametrize("place", ["metro", "corsica", "overseas", "abroad"])
@pytest.mark.parametrize("sex", ["M", "F"])
def test_made_nirs_are_valid_and_consistent(place: str, sex: str) -> None:
    rng = random.Random(place + sex)
    for _ in range(200):
        birth = date(rng.randint(1920, 2020), rng.randint(1, 12), 15)
        nir = make_nir(rng, sex, birth, place=place)
        assert stdnum_nir.is_valid(nir)
        assert nir[0] == ("1" if sex == "M" else "2")
        assert nir[1:3] == f"{birth.year % 100:02d}" and nir[3:5] == f"{birth.month:02d}"
        if place == "corsica":
            assert nir[5:7] in (("2A", "2B") if birth.year >= 1976 else ("20",))
        if place == "abroad":
            assert nir[5:7] == "99"


def test_special_month_codes_keep_a_valid_key() -> None:
    rng = random.Random(1)
    for code in ("20", "30", "31", "42", "50", "99"):
        nir = make_nir(rng, "F", date(1980, 5, 5), month_code=code)
        assert nir[3:5] == code and stdnum_nir.is_valid(nir)


def test_bad_key_nir_fails_the_check() -> None:
    rng = random.Random(2)
    for _ in range(200):
        good = make_nir(rng, "M", date(1970, 1, 1))
        assert not stdnum_nir.is_valid(bad_key_nir(rng, good))


def test_iban_rpps_finess_pass_their_checks() -> None:
    rng = random.Random(3)
    for _ in range(100):
        assert iban.is_valid(make_iban(rng))
        rpps = luhn_number(rng, "10", 11)
        assert len(rpps) == 11 and luhn.is_valid(rpps)

"""NIR / NIA / INS: key, shape, context and structure rules (domain sheet test vectors)."""

from __future__ import annotations

import pytest

from lanterne.classify.decide import decide
from lanterne.detect import patient_fingerprint
from lanterne.detect.detectors.nir import NirDetector, grouped, key_ok, mask_nir, well_formed
from lanterne.extract.base import Role, StructuredField

VALID = ["255081416802538", "295109912611193", "253072B07300470", "253072A07300443", "279035121518989"]
INVALID_key = ["255081416802539", "295109912611199"]


@pytest.mark.parametrize("value", VALID)
def test_domain_valid_vectors_pass_the_key(value: str) -> None:
    assert well_formed(value) and key_ok(value)


@pytest.mark.parametrize("value", INVALID_key)
def test_domain_invalid_vectors_fail_the_key(value: str) -> None:
    assert well_formed(value) and not key_ok(value)


@pytest.mark.parametrize(
    ("value", "ok", "why"),
    [
        ("255081416802538", True, "ordinary month 08"),
        ("255201416802538", True, "month 20: unknown month"),
        ("255421416802538", True, "month 42: incomplete civil record"),
        ("255991416802538", True, "month >= 50: unknown"),
        ("255001416802538", False, "month 00 does not exist"),
        ("255131416802538", False, "month 13 is not allowed"),
        ("255451416802538", False, "months 43-49 are not allowed"),
        ("555081416802538", False, "sex digit 5 is not used"),
        ("755081416802538", True, "7: temporary number"),
        ("253072C07300443", False, "2C is not a Corsican department"),
        ("25508141680253", False, "14 characters"),
    ],
)
def test_shape(value: str, ok: bool, why: str) -> None:
    assert well_formed(value) is ok, why


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        ("N° sécurité sociale : 255081416802538", ["NIR"], "compact, valid key, context"),
        ("NSS 2 55 08 14 168 025 38", ["NIR"], "grouped with context"),
        ("assuré n° 2.55.08.14.168.025.38", ["NIR"], "dotted"),
        ("2 55 08 14 168 025 38", ["NIR"], "official grouping is structure enough when the key is right"),
        ("2 5 5 0 8 1 4 1 6 8 0 2 5 3 8", ["NIR"], "one space between every digit"),
        (
            "NSS\u00a0: 2\u00a055\u00a008\u00a014\u00a0168\u00a0025\u00a038",
            ["NIR"],
            "no-break spaces of a word processor",
        ),
        ("N° INSEE : 2550814168025", ["NIR"], "13 characters, key not written, in context"),
        ("code 2550814168025", [], "13 characters without context"),
        ("carte vitale 253072B07300470", ["NIR"], "Corsica 2B"),
        ("N° INSEE : 2 53 07 2A 073 004 43", ["NIR"], "Corsica 2A grouped"),
        ("NIR: 2550814168025 38", ["NIR"], "key apart"),
        ("NUM_SECU: 255081416802538 | IBAN: FR76", ["NIR"], "column name with underscore"),
        ("NSS: 255081416802538 | Montant: 295109912611199", ["NIR"], "context stays in its own cell"),
        ("référence 255081416802538 du lot", [], "bare 15 digits without context is not a NIR"),
        ("2 55 08 14 168 025 39", [], "grouped but wrong key, no context"),
        ("commande 295109912611199", [], "wrong key, no context"),
        ("NSS 255131416802538", [], "impossible month even in context"),
        ("NIA 755081416802538", ["NIA"], "NIA context"),
        ("INS : 279035121518989", ["INS"], "INS context makes an INS"),
        ("1255081416802538", [], "16 digits is not a NIR"),
        ("tel 0612345678 et 255081416802538.5", [], "decimal number"),
    ],
)
def test_text(scan, text: str, expected: list[str], why: str) -> None:  # type: ignore[no-untyped-def]
    found = sorted({f.entity for f in scan(text) if f.entity in {"NIR", "NIA", "INS"}})
    assert found == expected, why


def test_a_number_seen_as_nir_and_ins_counts_once_as_ins(scan) -> None:  # type: ignore[no-untyped-def]
    decision = decide(scan("Matricule INS : 279035121518989"))
    assert decision.identifiers == {"INS": 1}


def test_key_failing_number_in_context_is_low_confidence(scan) -> None:  # type: ignore[no-untyped-def]
    (bad,) = [f for f in scan("N° de sécurité sociale : 255081416802539") if f.entity == "NIR"]
    (good,) = [f for f in scan("N° de sécurité sociale : 255081416802538") if f.entity == "NIR"]
    assert bad.confidence < 0.5 <= good.confidence
    assert "key invalid" in bad.explanation


def test_finding_is_masked_and_fingerprinted_not_clear(scan, key: bytes) -> None:  # type: ignore[no-untyped-def]
    (finding,) = [f for f in scan("NSS: 2 55 08 14 168 025 38") if f.entity == "NIR"]
    assert finding.masked == "2 55 08 ** *** *** 38"
    assert "255081416802538" not in repr(finding)
    assert finding.fingerprint == patient_fingerprint("NIR", "255 08 14 168 025 38", key)


def test_spacing_does_not_change_the_fingerprint(key: bytes) -> None:
    a = patient_fingerprint("NIR", "2 55 08 14 168 025 38", key)
    assert a == patient_fingerprint("nir", "255081416802538", key)
    assert a != patient_fingerprint("NIR", "255081416802538", b"another-site")
    assert a is not None and a.startswith("NIR:")


def test_grouping() -> None:
    assert grouped("2 55 08 14 168 025 38")
    assert not grouped("255081416802538")
    assert not grouped("25508 1416802538")


def test_mask() -> None:
    assert mask_nir("253072B07300470") == "2 53 07 ** *** *** 70"


@pytest.mark.parametrize(
    ("system", "value", "expected", "why"),
    [
        (None, "255081416802538", "NIR", "a NIR field without system"),
        ("1.2.250.1.213.1.4.13", "255081416802538", "NIR", "NIR as social-security number"),
        ("1.2.250.1.213.1.4.8", "279035121518989", "INS", "INS-NIR OID"),
        ("urn:oid:1.2.250.1.213.1.4.10", "279035121518989", "INS", "INS-NIR test OID, FHIR urn form"),
        ("1.2.250.1.213.1.4.8", "255081416802539", "INS", "a field that says INS keeps a mistyped key"),
    ],
)
def test_fields(scan, system: str | None, value: str, expected: str, why: str) -> None:  # type: ignore[no-untyped-def]
    item = StructuredField(Role.PATIENT_NIR, value, "PID-3", system)
    assert [f.entity for f in scan("", item)] == [expected], why


def test_ins_oid_on_patient_id_field_is_an_ins_not_an_ipp(scan) -> None:  # type: ignore[no-untyped-def]
    item = StructuredField(Role.PATIENT_ID, "279035121518989", "PID-3", "1.2.250.1.213.1.4.8")
    assert [f.entity for f in scan("", item)] == ["INS"]


def test_detector_contract() -> None:
    detector = NirDetector()
    assert detector.validate("2 55 08 14 168 025 38") is True
    assert detector.validate("255081416802539") is False
    assert detector.normalise("2.55.08.14.168.025.38") == "255081416802538"

"""Phrasings a second blind holdout found missed: English letters, titled physicians, death certificates, growth
charts, ward shorthand, names next to a patient id, and identifiers that only look like e-mail addresses.

All values are fictional and made here; assertions use entity types and masked forms, never clear values.
"""

from __future__ import annotations

import pytest
from stdnum.fr.nir import calc_check_digits

from lanterne.detect.base import Finding
from lanterne.detect.detectors.person import parse_date

BODY = "1610575123042"
NIR = BODY + calc_check_digits(BODY)


def entities(findings: list[Finding]) -> set[str]:
    return {f.entity for f in findings}


def names(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.entity == "PERSON_NAME"]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Date of birth: March 12, 1954", 1954),
        ("DOB: Jan. 3rd 1961", 1961),
        ("born on 7 November 1948 in Lyon", 1948),
        ("Date of birth : 21st September, 1972", 1972),
    ],
)
def test_english_birth_dates_are_read(scan, text: str, year: int) -> None:  # type: ignore[no-untyped-def]
    found = [f for f in scan(text) if f.entity == "BIRTH_DATE"]
    assert [f.masked for f in found] == [f"**/**/{year}"]


def test_english_month_without_a_birth_word_is_no_birth_date(scan) -> None:  # type: ignore[no-untyped-def]
    assert "BIRTH_DATE" not in entities(scan("Procedure performed on March 12, 2025 under general anaesthesia."))


@pytest.mark.parametrize(("value", "iso"), [("March 12, 1954", "1954-03-12"), ("Sept 3, 1960", "1960-09-03")])
def test_parse_date_reads_month_first(value: str, iso: str) -> None:
    parsed = parse_date(value)
    assert parsed is not None and parsed.isoformat() == iso


@pytest.mark.parametrize(
    "label",
    ["French social security number:", "Social security no.", "SSN:"],
)
def test_english_social_security_context_makes_a_nir(scan, label: str) -> None:  # type: ignore[no-untyped-def]
    assert "NIR" in entities(scan(f"{label} {NIR}"))


@pytest.mark.parametrize(
    "text",
    [
        "From: Dr Hélène Castagnet <h.castagnet@chu-exemple.fr>",
        "Bien à toi,\nDr Octave Brunelière\n",
        "Éditorial par Docteur Maïwenn Le Quellec, pharmacien",
        "Relu par Pr Bertrand Anquetil-Roux",
    ],
)
def test_titled_physicians_are_staff_names(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    found = names(scan(text))
    assert found and all("staff" in f.explanation for f in found)


def test_a_title_with_a_family_name_only_is_no_name(scan) -> None:  # type: ignore[no-untyped-def]
    assert not names(scan("Rédacteur : Dr Ferrand, validé par le comité."))


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Défunt(e) : Gaspard Quérel", "G****** Q*****"),
        ("Nom du défunt : HOUDART Lucienne", "H****** L*******"),
        ("Décédée : Ysoline Marchetti", "Y****** M********"),
        ("Enfant: Timéo Garnaud | Mère: Ysaline Garnaud", "T**** G******"),
    ],
)
def test_labels_of_deaths_and_families_introduce_names(scan, text: str, masked: str) -> None:  # type: ignore[no-untyped-def]
    found = names(scan(text))
    assert masked in {f.masked for f in found}
    assert all("pattern name-label" in f.explanation for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "Entretien psy 25/09 - Ysoline MARCHETTI (IPP 812345678)",
        "Consultation du jour : QUEREL Gwenola, née le 02/04/1971",
        "Kylian BOURDAIS, DDN 12/01/2002",
    ],
)
def test_unlisted_given_name_is_a_name_next_to_a_patient_id(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert len(names(scan(text))) == 1


def test_unlisted_given_name_alone_is_no_name(scan) -> None:  # type: ignore[no-untyped-def]
    assert not names(scan("Réunion avec Ysoline MARCHETTI demain."))


@pytest.mark.parametrize(
    "text",
    [
        "lit 12 M. Garnaud : bilan",
        "Chambre 204 - Mme Quérel, sortie prévue",
        "box 3 Monsieur Anquetil",
    ],
)
def test_a_titled_name_after_a_bed_is_a_patient(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    found = names(scan(text))
    assert [f.explanation[0] for f in found] == ["pattern name-bed"]


@pytest.mark.parametrize(
    "text",
    [
        "UID:20261201-3@consult.chu-exemple.fr",
        "Message-ID: <a1b2c3.4@mail.chu-exemple.fr>",
        "Content-ID: <image001.png@01DA3F2C.5E6B7A80>",
        "In-Reply-To: <x9y8@mail.chu-exemple.fr>",
    ],
)
def test_message_and_event_ids_are_no_email(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "EMAIL" not in entities(scan(text))


@pytest.mark.parametrize(
    "text",
    ["To: <gaspard.querel@exemple.fr>", "ORGANIZER;CN=Secr:mailto:lucienne.houdart@chu-exemple.fr"],
)
def test_addresses_in_headers_stay_emails(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "EMAIL" in entities(scan(text))


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("contrôle kaliémie demain", "CARE"),
        ("bilan hépatique à prévoir", "CARE"),
        ("ECG de contrôle", "CARE"),
        ("scanner TAP demandé", "CARE"),
        ("PNP droite", "CARE"),
        ("relais PO de l'amox", "CARE"),
        ("glycémies capillaires x4", "CARE"),
        ("Poids (kg): 4.2", "VITAL"),
        ("PC 38,5 cm", "VITAL"),
        ("Taille : 62 cm", "VITAL"),
        ("Percentile poids: P25", "CARE"),
        ("Reason for admission: closed fracture", "SECTION"),
        ("enoxaparin 4000 IU once daily", "DRUG"),
    ],
)
def test_ward_shorthand_and_growth_measures_are_clinical(scan, text: str, entity: str) -> None:  # type: ignore[no-untyped-def]
    assert entity in entities(scan(text))


@pytest.mark.parametrize("text", ["Taille : 3 personnes", "Poids : 12", "tapis roulant", "ecg", "Colis de 12 kg"])
def test_sizes_and_lower_case_words_are_not_measures(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not entities(scan(text)) & {"VITAL", "CARE"}


def test_the_id_after_a_name_is_still_read(scan) -> None:  # type: ignore[no-untyped-def]
    found = entities(scan("Entretien 25/09 - Ysoline MARCHETTI (IPP 812345678)\nMARCHETTI Ysoline IPP 812345679"))
    assert {"PERSON_NAME", "IPP"} <= found

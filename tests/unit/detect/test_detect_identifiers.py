"""Identifier detectors other than the NIR family: a table per detector (text, expected, why)."""

from __future__ import annotations

import pytest
from stdnum import luhn

from lanterne.detect.detectors.ipp import IppDetector
from lanterne.detect.detectors.person import parse_date
from lanterne.extract.base import Role, StructuredField
from lanterne.settings import ClassifierSettings

RPPS = "1000123456" + luhn.calc_check_digit("1000123456")
RPPS_BAD = RPPS[:-1] + str((int(RPPS[-1]) + 1) % 10)
FINESS = "75000123" + luhn.calc_check_digit("75000123")
FINESS_BAD = FINESS[:-1] + str((int(FINESS[-1]) + 1) % 10)
IBAN = "FR76 3000 6000 0112 3456 7890 189"


def found(scan, text: str, entity: str, *fields: StructuredField) -> int:  # type: ignore[no-untyped-def]
    return sum(1 for f in scan(text, *fields) if f.entity == entity)


@pytest.mark.parametrize(
    ("entity", "text", "count", "why"),
    [
        ("IPP", "IPP : 8001234567", 1, "IPP label"),
        ("IPP", "N° patient: 00123456", 1, "N° patient label"),
        ("IPP", "Numéro de patient 4567890", 1, "spelled out"),
        ("IPP", "Identifiant Patient Permanent : 4567890", 1, "the long form"),
        ("IPP", "le patient 4567890 est sorti", 0, "no label before the number"),
        ("IPP", "IPP : non renseigné", 0, "no digit: not an id"),
        ("NDA", "NDA: 230012345", 1, "NDA label"),
        ("NDA", "N° de séjour : 230012345", 1, "séjour label"),
        ("IPP", "N° dossier 2023-000123", 1, "dossier label: the patient's file (domain sheet)"),
        ("NDA", "N° dossier administratif : 230012345", 1, "the administrative (stay) file"),
        ("NDA", "N° de dossier de séjour 230012345", 1, "the stay's file"),
        ("NDA", "Venue : 2230012345", 1, "venue as a field name"),
        ("NDA", "N° venue : 230012345", 1, "venue with its number word"),
        ("NDA", "NUM_SEJOUR: V23001234 | ENTREE: 01012025", 1, "export column with a letter prefix"),
        ("NDA", "Séjour : du 12/03/2024 au 14/03/2024", 0, "a stay's dates are no id"),
        ("NDA", "Venue : 2024", 0, "too short for a column-only label"),
        ("IPP", "NumPat: 00710777 | Nom: X", 1, "export column NumPat"),
        ("IPP", "N_PATIENT: 0082268611 | N_SEJOUR: 285753710", 1, "PMSI column, 10 digits led by 0"),
        ("NDA", "N_PATIENT: 0082268611 | N_SEJOUR: 285753710", 1, "PMSI stay column"),
        ("PHONE", "N_PATIENT: 0182268611 | N_SEJOUR: 285753710", 0, "an id column's 10 digits are no phone"),
        ("IPP", "Dossier: 1234567 | Nom: X", 1, "bare Dossier column"),
        ("IPP", "Dossier : suivi en cours", 0, "bare Dossier label without a number"),
        ("NDA", "N° de séjour (NDA) : 227210360", 1, "parenthesis between label and value"),
        ("IPP", "Dossier n° 2023-000123", 1, "number word after dossier"),
        ("NDA", "le dossier 2024 de la commission", 0, "dossier without a number word"),
        ("IPP", "Patient n° 4567890", 1, "number word after patient"),
        ("RPPS", f"Dr Martin, RPPS {RPPS}", 1, "RPPS with context and Luhn"),
        ("RPPS", f"RPPS : 8{RPPS}", 1, "national form 8 + RPPS"),
        ("RPPS", f"RPPS {RPPS_BAD}", 0, "Luhn fails"),
        ("RPPS", f"commande {RPPS}", 0, "no context"),
        ("ADELI", "n° ADELI 751234567", 1, "ADELI context"),
        ("ADELI", "facture 751234567", 0, "no context"),
        ("FINESS", f"FINESS : {FINESS}", 1, "FINESS context and Luhn"),
        ("FINESS", f"FINESS : {FINESS_BAD}", 0, "Luhn fails"),
        ("FINESS", f"N° FINESS {FINESS[:3]} {FINESS[3:6]} {FINESS[6:]}", 1, "grouped by three"),
        ("FINESS", f"SIREN de l'établissement : {FINESS}", 0, "a SIREN is Luhn-valid too: FINESS needs its word"),
        ("FINESS", "Établissement FINESS 2A0001234", 1, "Corsica accepted on shape"),
        ("IBAN", f"IBAN : {IBAN}", 1, "grouped French IBAN"),
        ("IBAN", IBAN.replace(" ", ""), 1, "compact, no context needed when the check passes"),
        ("IBAN", IBAN[:-1] + "8", 0, "mod 97 fails"),
        ("EMAIL", "écrire à jean.dupont@example.fr svp", 1, "plain address"),
        ("EMAIL", "pas d'adresse @ ici", 0, "no address"),
        ("PHONE", "Tél : 06 12 34 56 78", 1, "spaced mobile"),
        ("PHONE", "joindre au 01.23.45.67.89", 1, "dotted"),
        ("PHONE", "+33 6 12 34 56 78", 1, "international"),
        ("PHONE", "0033612345678", 1, "00 33"),
        ("PHONE", "Tél.\u00a0: 01\u00a023\u00a045\u00a067\u00a089", 1, "no-break spaces"),
        ("PHONE", "0012345678", 0, "0 then 0 is not a French number"),
        ("PHONE", "3,0612345678", 0, "part of a decimal"),
        ("PHONE", "Bon de commande : 0612345678", 0, "a purchase order number"),
        ("PHONE", "Code client 0412345678", 0, "a customer code"),
        ("PHONE", "Commande passée, tél : 04 12 34 56 78", 1, "a phone word nearer than the order word"),
        ("BIRTH_DATE", "née le 12/03/1955", 1, "née le"),
        ("BIRTH_DATE", "Date de naissance : 1955-03-12", 1, "ISO date with label"),
        ("BIRTH_DATE", "DDN 3 mars 1955", 1, "DDN with month name"),
        ("BIRTH_DATE", "vu en consultation le 12/03/2024", 0, "a date that is not a birth date"),
        ("BIRTH_DATE", "il ne sera revu que le 12/03/2024", 0, "the negation ne is not né"),
        ("BIRTH_DATE", "Né(e) : 12/03/1955", 1, "né(e) and a colon"),
        ("BIRTH_DATE", "DDN: 28031928 | DATE_ENTREE: 11092019", 1, "PMSI DDMMYYYY, entry date left alone"),
        ("BIRTH_DATE", "DATE_NAISSANCE: 27/11/1998", 1, "column name with underscore"),
        ("BIRTH_DATE", "né le 31/02/1955", 0, "no such day"),
        ("BIRTH_DATE", "NOM: X | DATE_NAIS: 04/09/1961", 1, "abbreviated birth-date column"),
        ("BIRTH_DATE", "Dt naiss. 04/09/1961", 1, "abbreviated label"),
        ("PERSON_NAME", "Patient : DUPONT Jean", 1, "label"),
        ("PERSON_NAME", "Nom : Martin", 1, "Nom label"),
        ("PERSON_NAME", "Patient : Mme DURAND Marie", 1, "label then title"),
        ("PERSON_NAME", "Nom Prénom : DURAND Marie", 1, "combined label"),
        ("PERSON_NAME", "Identité du patient : DURAND Marie", 1, "identity label"),
        ("PERSON_NAME", "Madame Marie de La Tour", 1, "a particle inside the name"),
        ("PERSON_NAME", "J'ai vu Madame Lefèvre en consultation", 1, "title then a capitalised word"),
        ("PERSON_NAME", "Madame, Monsieur,", 0, "salutation"),
        ("PERSON_NAME", "Monsieur le Directeur", 0, "lower-case word then a function"),
        ("PERSON_NAME", "Nom : Prénom : Date :", 0, "an empty form"),
        ("PERSON_NAME", "- Brigitte MOREL, poste 12", 1, "known given name then family name in capitals"),
        ("PERSON_NAME", "liste : MOREL Brigitte, LEDOUX David", 2, "family name first"),
        ("PERSON_NAME", "Pôle MÉDECINE et Bilan ECG", 0, "capitalised words that are not given names"),
        ("PERSON_NAME", "Présents : Hugo V., Claire Besson, Noé T.", 1, "a meeting's list: its first name is enough"),
        ("PERSON_NAME", "Votre contact : Yvonne P. - poste 214", 1, "given name and initial after a contact label"),
        ("PERSON_NAME", "Interne: Gaspard Lemoine | Bip: 4412", 1, "a rota's role column"),
        ("PERSON_NAME", "Présents : Direction des soins", 0, "an office, not a person"),
        ("PERSON_NAME", "Fournisseur : Martin SAS", 0, "a company built on a given name"),
        ("PERSON_NAME", "Livré par Bernard ET FILS", 0, "a family firm"),
        ("PERSON_NAME", "NOM_PATIENT: LEROUX | PRENOM: Ida", 1, "export column NOM_PATIENT"),
        ("PERSON_NAME", "Opéré(e) : VIDAL Honoré", 1, "operated patient label"),
        ("PERSON_NAME", "Assuré : MOREAU Lise", 1, "insured person label"),
        ("PERSON_NAME", "Je soussigné(e) Yvon Carrel, DDN : 03/11/1958", 1, "capitalised family name before a DDN"),
        ("PERSON_NAME", "Carrel Yvonnick — DN 03/11/1958", 1, "family name first before a DN"),
        ("PERSON_NAME", "Compte rendu — DN 03/11/1958", 0, "lower-case words before a DN"),
        ("PERSON_NAME", "Saint Odette, le 03/11/2024", 0, "a town before a date is no birth"),
        ("BIRTH_DATE", "Carrel Yvonnick — DN 03/11/1958", 1, "DN as a birth-date label"),
        ("PERSON_NAME", "Salarié : Yvon Carrel\nPoste : ASH", 1, "an employee at an occupational-health visit"),
        ("PERSON_NAME", "Je soussignée Odile Varnier reconnais", 1, "the signer of a consent form"),
        ("PERSON_NAME", "au sujet de ma mère, Mme Odile Varnier", 1, "a relative written about"),
        ("PERSON_NAME", "Agent : Service technique", 0, "an office after the agent label"),
        ("PERSON_NAME", "Salarié : Oui   Intérimaire : Non", 0, "a form's tick box"),
        ("PERSON_NAME", "le salarié doit signer ; ma mère disait", 0, "the words without a name"),
    ],
)
def test_text(scan, entity: str, text: str, count: int, why: str) -> None:  # type: ignore[no-untyped-def]
    assert found(scan, text, entity) == count, why


@pytest.mark.parametrize(
    ("role", "value", "system", "entity", "why"),
    [
        (Role.PATIENT_ID, "8001234567", None, "IPP", "PID-3 ^PI / DICOM PatientID"),
        (Role.STAY_ID, "230012345", None, "NDA", "PID-18"),
        (Role.PATIENT_NAME, "DUPONT^JEAN", None, "PERSON_NAME", "HL7 / DICOM name"),
        (Role.PROFESSIONAL_NAME, "Rose Tessier", None, "PERSON_NAME", "a practitioner's name (FHIR, DICOM physician)"),
        (Role.PATIENT_BIRTH_DATE, "19550312", None, "BIRTH_DATE", "HL7 date"),
        (Role.PROFESSIONAL_ID, RPPS, "1.2.250.1.71.4.2.1", "RPPS", "professional id"),
        (Role.ORGANISATION_ID, "1" + FINESS, "1.2.250.1.71.4.2.2", "FINESS", "structure id 1 + FINESS"),
    ],
)
def test_fields(scan, role: Role, value: str, system: str | None, entity: str, why: str) -> None:  # type: ignore[no-untyped-def]
    assert found(scan, "", entity, StructuredField(role, value, "field", system)) == 1, why


def test_site_ipp_format_raises_confidence() -> None:
    detector = IppDetector.from_settings(ClassifierSettings(ipp_pattern=r"8\d{9}"))
    (pattern,) = detector.patterns
    on_site = detector.judge("8001234567", pattern, pattern.name)
    other = detector.judge("12345", pattern, pattern.name)
    assert on_site is not None and other is not None and on_site.confidence > other.confidence


@pytest.mark.parametrize(
    ("text", "iso"),
    [("12/03/1955", "1955-03-12"), ("1er mars 1955", "1955-03-01"), ("19550312", "1955-03-12"), ("31/02/1955", None)],
)
def test_parse_date(text: str, iso: str | None) -> None:
    parsed = parse_date(text)
    assert (parsed.isoformat() if parsed else None) == iso


@pytest.mark.parametrize(
    ("text", "entity", "masked"),
    [
        ("Tél 06 12 34 56 78", "PHONE", "06 ** ** ** 78"),
        ("Patient : DUPONT Jean", "PERSON_NAME", "D***** J***"),
        ("née le 12/03/1955", "BIRTH_DATE", "**/**/1955"),
        ("mail jean.dupont@example.fr", "EMAIL", "j***.******@example.fr"),
    ],
)
def test_masks(scan, text: str, entity: str, masked: str) -> None:  # type: ignore[no-untyped-def]
    assert [f.masked for f in scan(text) if f.entity == entity] == [masked]


def test_names_are_fingerprinted_whatever_the_order(scan) -> None:  # type: ignore[no-untyped-def]
    a = [f.fingerprint for f in scan("Patient : DUPONT Jean") if f.entity == "PERSON_NAME"]
    b = [f.fingerprint for f in scan("Nom : Jean Dupont") if f.entity == "PERSON_NAME"]
    assert a == b and a[0] is not None


@pytest.mark.parametrize(
    ("text", "fields", "why"),
    [
        ("Présents : Hugo Vernet, Claire Besson", (), "a meeting member"),
        ("Votre contact : Yvonne Perrin", (), "a contact person"),
        ("", (StructuredField(Role.PROFESSIONAL_NAME, "Rose Tessier", "Practitioner.name"),), "a practitioner"),
    ],
)
def test_staff_names_are_marked(scan, text: str, fields: tuple[StructuredField, ...], why: str) -> None:  # type: ignore[no-untyped-def]
    """Names of staff carry the ``staff`` explanation: ``decide`` never counts them as a patient."""
    names = [f for f in scan(text, *fields) if f.entity == "PERSON_NAME"]
    assert names and all("staff" in f.explanation for f in names), why


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("N° dossier (NDA) : 3240029742", "NDA"),  # the bracket says which number the site calls "dossier"
        ("Dossier (IPP) : 8001234567", "IPP"),
        ("N° dossier : 8001234567", "IPP"),
    ],
)
def test_the_id_named_in_brackets_decides(scan, text: str, entity: str) -> None:  # type: ignore[no-untyped-def]
    assert [f.entity for f in scan(text)] == [entity]

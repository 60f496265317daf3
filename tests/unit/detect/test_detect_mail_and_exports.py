"""Phrasings a fourth blind holdout found missed or over-read: mail headers, lab and directory exports, subject lines,
consultation notes, secretaries' mails about a patient, firms and establishments, service mailboxes and numbers.

All values are fictional and made here; assertions use entity types, masked forms and explanations, never clear
values.
"""

from __future__ import annotations

import pytest

from lanterne.classify.decide import decide
from lanterne.detect.base import Finding
from lanterne.detect.detectors.person import STAFF


def found(findings: list[Finding], entity: str) -> list[Finding]:
    return [f for f in findings if f.entity == entity]


def names(findings: list[Finding]) -> list[Finding]:
    return found(findings, "PERSON_NAME")


# ---- mail headers: the correspondents are people, and staff ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("De : Ninon Besset <ninon.besset@ch-exemple.fr>", "N**** B*****"),
        ("From: M. B. Ferrand <bferrand@exemple.fr>", "B* F******"),
        ("Cc : Odile VERNET", "O**** V*****"),
        ("Objet : planning\nÀ : VERNET Odile; Paul Roux", "V***** O****"),
        ('To: "Kerbrat, Ysolde" <ysolde.kerbrat@exemple.fr>', "K****** Y*****"),  # unknown given name: the address
        ("Cci : KERBRAT Ysolde <ykerbrat@exemple.fr>", "K****** Y*****"),
    ],
)
def test_mail_header_names_are_staff_people(scan, text: str, masked: str) -> None:  # type: ignore[no-untyped-def]
    people = names(scan(text))
    assert [f.masked for f in people] == [masked]
    assert STAFF in people[0].explanation


def test_mail_header_name_leaves_the_address_to_the_email_detector(scan) -> None:  # type: ignore[no-untyped-def]
    findings = scan("De : Ninon Besset <ninon.besset@ch-exemple.fr>")
    assert len(found(findings, "EMAIL")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "À : Direction Générale <dg@exemple.fr>",  # an office
        "De : Accueil Cardiologie <accueil.cardio@exemple.fr>",  # a service, its name in its functional address
        "De : Centre Ressources <centre.ressources@exemple.fr>",
        "A : Service des urgences",
        "De : 9h à 12h",
        "De : Lyon, Marseille",  # places, no given name, no address
        "De : Sophie",  # a given name alone, no address to confirm it
        "De : Ysolde Kerbrat <ysolde.kerbrat@exemple.fr>",  # unknown given name, shaped like any two words: missed
    ],
)
def test_mail_header_without_a_person(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert names(scan(text)) == []


def test_a_header_word_mid_line_is_no_header(scan) -> None:  # type: ignore[no-untyped-def]
    found_here = scan("Merci de : Paul Roux, poste 12")
    assert not any("pattern name-mail" in f.explanation for f in found_here)


# ---- exports: HL7-style names in CSV, English column names, directories ----------------------------------------------


def test_lab_export_row_in_english_columns(scan) -> None:  # type: ignore[no-untyped-def]
    findings = scan("PatID: P1234567 | PatientName: FERRAND^Ysolde | DOB: 19570312 | Test: CRP")
    people = names(findings)
    assert [f.masked for f in people] == ["F****** Y*****"]
    assert STAFF not in people[0].explanation  # the patient, by its column
    assert [f.masked for f in found(findings, "IPP")] == ["P1****67"]
    assert len(found(findings, "BIRTH_DATE")) == 1


@pytest.mark.parametrize("text", ["PatID: 12", "PatID: 2024-05-01", "Patient_ID: abc"])
def test_patient_id_column_needs_a_long_number(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(scan(text), "IPP") == []


@pytest.mark.parametrize(
    "text",
    [
        "displayName: Besset Ninon | mail: nb@exemple.fr",
        "CN=Ferrand Odile,OU=Utilisateurs,DC=exemple",
        "givenName: Ninon | sn: Besset",
        "Nom complet : Paul ROUX",
    ],
)
def test_directory_names_are_staff(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    people = names(scan(text))
    assert len(people) == 1 and STAFF in people[0].explanation


@pytest.mark.parametrize("text", ["displayName: Salle Réunion 3", "CN=Imprimante Bureau,OU=Postes", "givenName: Admin"])
def test_directory_entries_that_are_no_person(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert names(scan(text)) == []


# ---- who a document is about: subject lines, "Concerne", consultation notes ------------------------------------------


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Concerne : KERBRAT Ysolde\nné le : 03/04/1950", "K****** Y*****"),
        ("Concerne : Ysolde KERBRAT (IPP 80012345)", "Y***** K******"),
        ("Objet : MME KERBRAT Ysolde", "K****** Y*****"),
        ("Objet : M. Yvonnick Carrel, né le 03/04/1950", "Y******* C*****"),
        ("Réf : Madame Ysolde KERBRAT", "Y***** K******"),
    ],
)
def test_subject_lines_name_a_person(scan, text: str, masked: str) -> None:  # type: ignore[no-untyped-def]
    people = names(scan(text))
    assert [f.masked for f in people] == [masked]
    assert "pattern name-subject" in people[0].explanation  # weak: a subject line may name staff too


@pytest.mark.parametrize(
    "text",
    [
        "Objet : Réunion Budget",
        "Objet : Commande PAPIER A4",
        "Objet : CR Réunion",
        "Objet : M. le Directeur",
        "Concerne : la garde",
        "Concerne : KERBRAT Ysolde",  # no title, no id or birth date: could be anything in capitals
    ],
)
def test_subject_lines_without_a_person(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert names(scan(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Vu ce jour M. Carrel Yvonnick, 64 ans, pour suivi.",
        "Je revois KERBRAT Ysolde pour son diabète.",
        "Revue en consultation Mme Ysolde Kerbrat.",
        "Vue ce jour, MME KERBRAT Ysolde.",
    ],
)
def test_the_person_a_consultation_note_saw(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert len(names(scan(text))) == 1


@pytest.mark.parametrize(
    "text", ["Vu ce jour en consultation pour suivi.", "Je revois le dossier demain.", "Vu ce jour Dr Roux"]
)
def test_consultation_phrases_without_a_name(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert names(scan(text)) == []


def test_capital_titles_are_titles(scan) -> None:  # type: ignore[no-untyped-def]
    people = names(scan("rappeler MME KERBRAT Ysolde demain"))
    assert [f.masked for f in people] == ["K****** Y*****"]
    assert "pattern name-title" in people[0].explanation


# ---- meeting lists ---------------------------------------------------------------------------------------------------


def test_a_meeting_list_is_read_past_an_unusual_first_name(scan) -> None:  # type: ignore[no-untyped-def]
    people = names(scan("Présents : Ysolde Kerbrat, Ninon Besset, Paul Roux"))
    assert [f.masked for f in people] == ["N**** B*****"]
    assert STAFF in people[0].explanation


def test_initials_alone_identify_no_one(scan) -> None:  # type: ignore[no-untyped-def]
    # A DPO's reading: "O. P., R. B." is pseudonymous at most; the attendance label stays a staff cue.
    findings = scan("Présents : O. P., R. B., Y. K.")
    assert names(findings) == []
    assert len(found(findings, "STAFF")) == 1


# ---- firms and establishments are no persons -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Fournisseur : MARTIN Paul SARL - SIRET 12345678901234",
        "Fournisseur : Paul MARTIN S.A.S.",
        "Titulaire : ROUX Hélène SA",
        "Etablissement : CH Valentin - FINESS",
        "Adressé au CHU Hélène Boucher",
    ],
)
def test_firms_and_establishments_are_no_persons(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert names(scan(text)) == []


def test_a_person_before_a_firm_word_elsewhere_is_still_a_person(scan) -> None:  # type: ignore[no-untyped-def]
    assert len(names(scan("Livraison reçue par MARTIN Paul, magasinier (SARL Roux en copie)"))) == 1


# ---- clinical wording of secretaries' mails --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "entity", "count"),
    [
        ("Merci d'envoyer le CRO au médecin traitant.", "CARE", 2),
        ("Pose de PAC prévue lundi.", "CARE", 1),
        ("il faut lui donner un RDV en urgence en hépato", "CARE", 1),
        ("Rendez-vous de consultation le 3 mai à 10 h", "CARE", 1),
        ("rdv avec le cardiologue", "CARE", 1),
        ("Convocation pour une hospitalisation le 4 juin", "CARE", 1),
        ("revoir la patiente après son scanner", "CARE", 1),
        ("elle a perdu son ordonnance", "CARE", 1),
        ("ses résultats d'analyses sont arrivés", "CARE", 1),
        ("suspicion de récidive", "CONDITION", 1),
    ],
)
def test_care_wording_of_a_mail(scan, text: str, entity: str, count: int) -> None:  # type: ignore[no-untyped-def]
    assert len(found(scan(text), entity)) == count


@pytest.mark.parametrize(
    "text",
    [
        "Le staff de jeudi est déplacé en salle 3.",
        "Convocation à la réunion de service du 12.",
        "Rendez-vous de chantier lundi à 9 h.",
        "RDV en salle 3 avec le fournisseur.",
        "Il présentera son bilan annuel et sa candidature.",
        "Peux-tu commander des ramettes ? Le scanner du bureau est en panne.",
    ],
)
def test_staff_wording_is_no_care(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    clinical = [f for f in scan(text) if f.fingerprint is None and f.entity != "STAFF"]
    assert clinical == []


# ---- service mailboxes and numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "personal"),
    [
        ("education.therapeutique@ch-exemple.fr", False),
        ("cardio.rdv@ch-exemple.fr", False),
        ("accueil@ch-exemple.fr", False),
        ("ninon.accueil@ch-exemple.fr", True),  # a given name: a person's mailbox at the desk
        ("ninon.besset@ch-exemple.fr", True),
        ("pformation@ch-exemple.fr", True),  # one token, not a service word
        ("materiovigilance@ch-exemple.fr", False),  # an activity's name by its ending
        ("coordination.greffes@ch-exemple.fr", False),
        ("celine.hemovigilance@ch-exemple.fr", True),  # a given name: Céline's mailbox
    ],
)
def test_service_mailboxes_are_not_people(scan, address: str, personal: bool) -> None:  # type: ignore[no-untyped-def]
    """Every address is reported; a service's is noted as such (weak evidence in the decision)."""
    (email,) = found(scan(f"Écrire à {address}"), "EMAIL")
    assert ("service mailbox" not in email.explanation) is personal


def test_a_switchboard_number_after_an_order_number_is_a_phone(scan) -> None:  # type: ignore[no-untyped-def]
    assert len(found(scan("Bon de commande n° 4411: Standard : 01 02 03 04 05"), "PHONE")) == 1
    assert found(scan("Bon de commande : 0637102611"), "PHONE") == []


# ---- what decide makes of it: the sender is never the patient --------------------------------------------------------


def test_a_staff_mail_is_personal_not_health(scan) -> None:  # type: ignore[no-untyped-def]
    text = (
        "De : Ninon Besset <ninon.besset@ch-exemple.fr>\nObjet : planning\n\nBonjour Paul,\n"
        "Le staff de jeudi est déplacé en salle 3.\nMerci\nNinon"
    )
    decision = decide(scan(text))
    assert decision.personal_data and not decision.health_data


def test_a_secretary_mail_about_a_patient_is_health(scan) -> None:  # type: ignore[no-untyped-def]
    text = (
        "De : Ninon Besset <ninon.besset@ch-exemple.fr>\nObjet : RDV\n\nBonjour Paul,\n"
        "Merci d'envoyer le CRO de KERBRAT Odile (pose de PAC) au médecin traitant.\nNinon"
    )
    assert decide(scan(text)).health_data


# ---- a relative's letter, an occupational-health note ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "au sujet de Kerbrat Ysolde, ma mère, admise le 3 mai",
        "KERBRAT Yvon, mon époux, est sorti",
        "Yvon Kerbrat, mon fils",
    ],
)
def test_a_name_followed_by_a_kin_tie(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    people = names(scan(text))
    assert len(people) == 1 and "pattern name-kin" in people[0].explanation


@pytest.mark.parametrize("text", ["Mme X, ma collègue", "Le Directeur, mon supérieur", "Kerbrat Ysolde, cadre"])
def test_no_kin_tie_no_kin_name(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any("pattern name-kin" in f.explanation for f in names(scan(text)))


@pytest.mark.parametrize("text", ["suivi psy", "suivi psychologique hebdomadaire"])
def test_a_psychological_follow_up_is_care(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert len(found(scan(text), "CARE")) == 1


def test_a_tab_ends_a_name(scan) -> None:  # type: ignore[no-untyped-def]
    """Tab-separated exports put the next label in the next cell: it is no part of the name and keeps its value."""
    findings = scan("Patient :\tMAURICE Julien\tIPP :\t64931873\n")
    assert [f.masked for f in names(findings)] == ["M****** J*****"]
    assert len(found(findings, "IPP")) == 1


@pytest.mark.parametrize(
    ("text", "care"),
    [
        ("Accord pour le séjour en neurologie (forfait journalier)", True),
        ("suite à son séjour au service de cardiologie", True),
        ("pris(e) en charge aux urgences le 16-02-2025", True),
        ("transmettre le certificat médical initial", True),
        ("Préciser les lésions constatées et l'ITT", True),
        ("un séjour en Espagne, un séjour au ski", False),
        ("Le service des urgences recrute", False),
    ],
)
def test_stays_emergency_care_and_certificates_are_care(scan, text: str, care: bool) -> None:  # type: ignore[no-untyped-def]
    assert bool(found(scan(text), "CARE")) is care


@pytest.mark.parametrize("text", ["Docteur M. Besson, chef de clinique", "Dr J.-P. Martin, PH", "Pr A. de Villiers"])
def test_a_physician_with_initials_is_staff(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    """Not 'M. Besson' as Monsieur Besson, a possible patient: the title before the initial makes a physician."""
    (name,) = names(scan(text))
    assert "staff" in name.explanation


def test_an_author_list_names_staff(scan) -> None:  # type: ignore[no-untyped-def]
    (author,) = names(scan("Thrombose veineuse : 9 cas\nBesnard H., Gauthier B., Laine A.-M.\nService de médecine"))
    assert "staff" in author.explanation
    assert names(scan("Rendez-vous en Salle A. à 9 h")) == []


def test_a_worklist_birth_date_column(scan) -> None:  # type: ignore[no-untyped-def]
    findings = scan("PatientName: AUBERT^CAMILLE | PatientBirthDate: 19430419 | Modality: MR")
    assert len(found(findings, "BIRTH_DATE")) == 1


@pytest.mark.parametrize(
    ("text", "staff"),
    [("Feuille d'émargement des patients", False), ("Feuille d'émargement - formation incendie", True)],
)
def test_the_patients_sign_in_sheet_is_no_staff_document(scan, text: str, staff: bool) -> None:  # type: ignore[no-untyped-def]
    assert bool(found(scan(text), "STAFF")) is staff


@pytest.mark.parametrize(
    "text",
    [
        "Le directeur général    Mme Joséphine AUGER",
        "Cadre de santé : M. Paul MARTIN",
        "Responsable qualité, Mme Anne DURAND",
    ],
)
def test_a_person_named_by_their_function_is_staff(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    (name,) = names(scan(text))
    assert "staff" in name.explanation


@pytest.mark.parametrize(
    ("text", "department"),
    [("Lieu de stage : EHPAD", True), ("Zone : Consultations ORL", True), ("Admis en EHPAD en mars", False)],
)
def test_places_are_departments(scan, text: str, department: bool) -> None:  # type: ignore[no-untyped-def]
    (care,) = found(scan(text), "CARE")
    assert ("department" in care.explanation) is department


def test_newborn_care(scan) -> None:  # type: ignore[no-untyped-def]
    assert len(found(scan("Voie : SNG ; grande prématurité, régurgitations"), "CARE")) == 3


def test_the_usual_misspelling_of_naissance_is_a_birth_date_context(scan) -> None:  # type: ignore[no-untyped-def]
    assert len(found(scan("Date de naisance : 18/04/1984"), "BIRTH_DATE")) == 1


@pytest.mark.parametrize(
    ("text", "birth"),
    [
        ("Date de naissance :\n5 novembre 1954", True),
        ("champ@libelle: Né le\nchamp: 18-08-1938", True),
        ("Né(e) le 12/03/1950, admis le 14/05/2024", True),
        ("Date : 12/03/2024 ; entrée le 14/05/2024", False),  # dates without a birth label
        ("Date de naissance de l'enfant à venir : inconnue\n\n\nRDV le 12/03/2024", False),  # too far
    ],
)
def test_a_birth_date_follows_its_label(scan, text: str, birth: bool) -> None:  # type: ignore[no-untyped-def]
    assert bool(found(scan(text), "BIRTH_DATE")) is birth


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Copie écran DPI\nNom de naissance\nVALETTE\nDate de naissance\n1929-01-28", True),
        ("Nom\nDUPONT Jean\n", True),
        ("Patient\nSuivi\n", False),  # a heading under a heading
        ("la prise en charge du patient\nSuivi en consultation", False),  # a sentence broken across lines
    ],
)
def test_a_label_alone_on_its_line_then_the_name(scan, text: str, named: bool) -> None:  # type: ignore[no-untyped-def]
    assert bool(names(scan(text))) is named

"""The decision: health data needs an identifiable person AND health content."""

from __future__ import annotations

import pytest

from lanterne.classify.decide import Decision, decide, merge
from lanterne.detect import registry
from lanterne.detect.engine import Engine
from lanterne.extract.base import Role, StructuredField, TextSegment
from lanterne.settings import ClassifierSettings

PAYROLL = (
    "Nom: DUPONT | Prénom: Jean | NSS: 255081416802538 | IBAN: FR7630006000011234567890189 | Salaire: 2500\n"
    "Nom: MARTIN | Prénom: Anne | NSS: 295109912611193 | IBAN: FR7630006000011234567890189 | Salaire: 2700\n"
)
PROTOCOL = (
    "Protocole de service : prise en charge du diabète de type 2\n"
    "Traitement :\nMetformine 1000 mg x2/j, à adapter au DFG.\nObjectif HbA1c 7 %\n"
    "Diagnostic : E11.9\nConclusion :\nréévaluer à 3 mois.\n"
)
NEWSLETTER = (
    "Lettre d'information - Semaine du diabète\n"
    "Le diabète touche 4 millions de Français. Une HbA1c à 7 % reste l'objectif habituel ;\n"
    "la metformine 500 mg est le traitement de première intention. Inscriptions : contact@example.org\n"
)
LETTER = (
    "Compte rendu d'hospitalisation\nPatient : LEFÈVRE Anne, née le 12/03/1955\nIPP : 8001234567\n"
    "Motif d'hospitalisation : douleur thoracique\nANTÉCÉDENTS :\nHTA, diabète de type 2\n"
    "Conclusion :\nSyndrome coronarien (CIM-10 I21.4)\nTraitement de sortie :\nKardegic 75 mg/j\n"
)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(registry.build(ClassifierSettings()), b"k")


def run(engine: Engine, text: str, *fields: StructuredField, health_format: bool = False) -> Decision:
    return decide(engine.scan([TextSegment(text)], fields).findings, health_format, "hl7" if health_format else "")


def test_payroll_with_nirs_and_ibans_is_personal_not_health(engine: Engine) -> None:
    decision = run(engine, PAYROLL)
    assert decision.personal_data and not decision.health_data
    assert decision.identifiers["NIR"] == 2 and decision.identifiers["IBAN"] == 1
    assert any("no health content" in r for r in decision.reasons)


@pytest.mark.parametrize("text", [PROTOCOL, NEWSLETTER], ids=["protocol", "newsletter"])
def test_clinical_text_about_nobody_is_not_health_data(engine: Engine, text: str) -> None:
    decision = run(engine, text)
    assert not decision.health_data
    assert decision.clinical
    assert not decision.identifiers.get("NIR") and not decision.identifiers.get("PERSON_NAME")


def test_protocol_is_neither(engine: Engine) -> None:
    decision = run(engine, PROTOCOL)
    assert not decision.personal_data
    assert any("nobody identifiable" in r for r in decision.reasons)


def test_letter_about_a_patient_is_health_data(engine: Engine) -> None:
    decision = run(engine, LETTER)
    assert decision.health_data and decision.personal_data
    assert decision.identifiers["IPP"] == 1 and decision.clinical["SECTION"] >= 3
    assert decision.reasons[0].startswith("health data")


def test_hl7_message_with_a_patient_is_health_data(engine: Engine) -> None:
    fields = (
        StructuredField(Role.PATIENT_ID, "8001234567", "PID-3", None),
        StructuredField(Role.PATIENT_NAME, "DUPONT^JEAN", "PID-5", None),
        StructuredField(Role.PATIENT_BIRTH_DATE, "19550312", "PID-7", None),
    )
    decision = run(engine, "", *fields, health_format=True)
    assert decision.health_data
    assert any("health format hl7" in r for r in decision.reasons)


def test_health_format_without_a_patient_is_not_health_data(engine: Engine) -> None:
    assert not run(engine, "", health_format=True).health_data


def test_a_named_patient_without_clinical_content_is_not_health_data(engine: Engine) -> None:
    decision = run(engine, "Patient : DUPONT Jean\nRendez-vous le 12/05/2024 à 10h.")
    assert decision.personal_data and not decision.health_data


def test_samples_are_masked_and_capped_per_type(engine: Engine) -> None:
    text = "\n".join(f"Tél : 06 12 34 56 {n:02d}" for n in range(10))
    decision = run(engine, text)
    assert decision.identifiers["PHONE"] == 10
    assert decision.samples == ["PHONE 06 ** ** ** 00", "PHONE 06 ** ** ** 01", "PHONE 06 ** ** ** 02"]
    assert len(decision.fingerprints) == 10


def test_merge_takes_the_worst_part() -> None:
    container = Decision(identifiers={"EMAIL": 1}, personal_data=True, reasons=["x"])
    health = Decision(health_data=True, personal_data=True, identifiers={"NIR": 1}, fingerprints=["NIR:ab"])
    plain = Decision(identifiers={"EMAIL": 2})
    merged = merge(container, [health, plain])
    assert merged.health_data and merged.personal_data
    assert merged.identifiers == {"EMAIL": 3, "NIR": 1}
    assert merged.fingerprints == ["NIR:ab"]
    assert "health data in 1 member" in merged.reasons


def test_a_phone_alone_is_weak_personal_evidence(engine: Engine) -> None:
    alone = run(engine, "Accueil des urgences : 01 40 00 00 01")
    assert not alone.personal_data and alone.identifiers == {"PHONE": 1}
    assert any("tied to no identified person" in r for r in alone.reasons)
    with_person = run(engine, "Rappeler Mme Odile FERRAND au 06 40 00 00 01")
    assert with_person.personal_data


def test_staff_names_never_make_a_patient(engine: Engine) -> None:
    practitioner = StructuredField(Role.PROFESSIONAL_NAME, "Rose Tessier", "Practitioner.name")
    decision = run(engine, "Diagnostic : diabète de type 2, HbA1c 8 %", practitioner)
    assert decision.personal_data and not decision.health_data


REALISTIC = [
    (
        "short letter, a titled name and care",
        "Cher confrère,\nJ'ai revu en consultation Mme Jeanne Durand pour le suivi de son diabète de type 2. "
        "L'HbA1c est à 7,8 %. Je propose la metformine à 1000 mg matin et soir.\nBien confraternellement,",
        True,
        True,
    ),
    (
        "letter header with a spaced NIR",
        "Concerne : M. LEROY Paul, né le 4 avril 1951\nN° SS : 1 51 04 75 112 034 16\n"
        "Monsieur Leroy a été hospitalisé pour exacerbation de BPCO.\nAu total :\nBPCO post-tabagique.\n",
        True,
        True,
    ),
    (
        "operative report",
        "COMPTE RENDU OPERATOIRE\nPatient(e) : MARTIN Sophie   Né(e) le : 12/09/1980\nIPP : 00452318\n"
        "Intervention : cholécystectomie par coelioscopie (HMFC004)\nSuites simples.",
        True,
        True,
    ),
    (
        "lab results, analyte and value per line",
        "Nom : BERNARD  Prénom : Louise  DDN : 03/07/1942\n"
        "Créatinine : 145 µmol/L (N : 45-90)\nKaliémie : 5,4 mmol/L\n",
        True,
        True,
    ),
    (
        "HR review with generic headings",
        "Nom : DUPONT  Prénom : Marc\nÉvaluation annuelle 2023\nConclusion :\ntrès bon\nSuivi :\nformation\n",
        False,
        True,
    ),
    (
        "sick-leave planning",
        "Suivi des absences 2023\nAgent : Claire BONNET - logistique\nArrêt du 03/02 au 10/02\n",
        False,
        True,
    ),
    (
        "care protocol signed by a physician",
        "PROTOCOLE - hypoglycémie chez le patient diabétique\nSi glycémie < 0,70 g/L : resucrer avec 15 g de sucre.\n"
        "Contrôle à 15 min.\nRédacteur : Dr Petit, validé par le CLAN.\n",
        False,
        False,
    ),
    (
        "newsletter with a service mailbox",
        "La lettre du CLUD n°12\nDouleur et cancer : la morphine 10 mg LP reste la référence.\n"
        "Contact : secretariat.clud@chu-exemple.fr\n",
        False,
        False,
    ),
    (
        "order form with a NIR-shaped reference",
        "Bon de commande n° 255081416802538\nRéférence article 123456789012\nMontant 1500,00 €\n",
        False,
        False,
    ),
    (
        "staff directory",
        "Annuaire du pôle\nAnne LEGRAND, cadre de santé, 01 45 67 89 10\nPaul ROBIN, secrétaire, 01 45 67 89 11\n",
        False,
        True,
    ),
    (
        "prescription: a titled name, age and weight, no birth date",
        "ORDONNANCE\nLe 02/02/2025\nMonsieur Hervé GALLAND\n61 ans, 80 kg\n"
        "BISOPROLOL 2,5 mg : 1 cp le matin\nATORVASTATINE 20 mg : 1 cp le soir\n",
        True,
        True,
    ),
    (
        "nursing note headed by a room and a titled name",
        "Transmissions de l'après-midi\nChambre 8 - Mme LEBRUN\nD : EVA à 6/10 à la mobilisation.\n"
        "A : Tramadol 50 mg per os.\nR : douleur soulagée.\n",
        True,
        True,
    ),
    (
        "bed board: name columns and admission reasons",
        "Lit: 1 | Nom: FAURE | Prénom: Lise | Âge: 80 | Motif: OAP\n"
        "Lit: 2 | Nom: CARON | Prénom: Jules | Âge: 67 | Motif: Post-op PTG\n",
        True,
        True,
    ),
    (
        "appointment list with the reasons for the visit",
        "Heure: 9h00 | Patient: GIRARD Anaïs | Tél: 06 11 22 33 44 | Motif: Consultation de neurologie\n"
        "Heure: 9h30 | Patient: ROUX Gaston | Tél: 06 55 66 77 88 | Motif: Contrôle pacemaker\n",
        True,
        True,
    ),
    (
        "imaging report: report headings and a finding",
        "Patient : PERRIN Odile\nIPP : 00456123\nIRM DU GENOU DROIT\nIndication :\nDouleur après chute.\n"
        "Technique :\nSéquences T1, T2.\nRésultat :\nFissure de la corne postérieure du ménisque interne.\n",
        True,
        True,
    ),
    (
        "phone message about one person's exam",
        "Hugo MARCHAND a appelé au sujet des résultats de sa coloscopie. Le rappeler au 06 12 12 12 12.",
        True,
        True,
    ),
    (
        "training attendance list whose course titles are clinical",
        "Nom | Prénom | Service | Formation | Présent\n"
        "Nom: MEUNIER | Prénom: Lucie | Service: Urgences | Formation: Prise en charge de l'AVC | Présent: Oui\n"
        "Nom: BARRE | Prénom: Yves | Service: Bloc | Formation: Prise en charge de l'infarctus | Présent: Non\n"
        "Nom: TESSIER | Prénom: Rose | Service: EHPAD | Formation: Dépression du sujet âgé | Présent: Oui\n",
        False,
        True,
    ),
    (
        "meeting minutes naming the staff present",
        "Compte rendu de réunion\nPrésents : Hugo Vernet, Claire Besson\n"
        "Ouverture de lits d'hôpital de jour et traçabilité de la douleur.\n",
        False,
        True,
    ),
    (
        "tumour board minutes: staff present, a patient with a birth date",
        "Présents : Hugo Vernet, Claire Besson\nDossier discuté : Mme Irène COLLET, née le 04/05/1950\n"
        "Adénocarcinome colique, métastases hépatiques : chimiothérapie proposée.\n",
        True,
        True,
    ),
    (
        "switchboard: services' numbers only",
        "Numéros utiles\nStandard ...... 01 40 00 00 00\nUrgences ...... 01 40 00 00 01\n"
        "Radiologie ...... 01 40 00 00 02\n",
        False,
        False,
    ),
    (
        "supplier invoice: a company's bank account",
        "Durand SARL\nFACTURE N° F2231\nRèglement par virement - IBAN : FR76 3000 6000 0112 3456 7890 189\n",
        False,
        False,
    ),
    (
        "HR sick-leave list: an agent's diagnosis is health data",
        "Agent: LEGER Paul | Début arrêt: 02/01/2025 | Motif: Lombalgie\n"
        "Agent: SIMON Anne | Début arrêt: 03/02/2025 | Motif: Dépression\n",
        True,
        True,
    ),
]


@pytest.mark.parametrize(("why", "text", "health", "personal"), REALISTIC, ids=[r[0] for r in REALISTIC])
def test_realistic_documents(engine: Engine, why: str, text: str, health: bool, personal: bool) -> None:
    decision = run(engine, text)
    assert (decision.health_data, decision.personal_data) == (health, personal), (why, decision.reasons)


BED_CASES = [
    ("bed and one exam", "- lit 7 Mme Garnaud : bilan hépatique demain\n", True),
    ("room and one analyte", "Chambre 112 - M. Quérel : contrôle kaliémie\n", True),
    ("bed, no clinical word", "- lit 7 Mme Garnaud : rappeler la famille\n", False),
    ("titled name, one exam, no bed", "Mme Garnaud : bilan hépatique demain\n", False),
]


@pytest.mark.parametrize(("why", "text", "health"), BED_CASES, ids=[c[0] for c in BED_CASES])
def test_a_patient_named_with_a_bed_needs_one_clinical_signal(
    engine: Engine, why: str, text: str, health: bool
) -> None:
    decision = run(engine, text)
    assert decision.health_data is health, (why, decision.reasons)
    assert decision.personal_data


def test_growth_chart_row_is_health_data(engine: Engine) -> None:
    row = (
        "Enfant: Timéo Garnaud | Date de naissance: 03/02/2026 | Mère: Ysaline Garnaud | Poids (kg): 4.5 | "
        "Taille (cm): 54.2 | PC (cm): 37.1 | Percentile poids: P25\n"
    )
    decision = run(engine, row * 3)
    assert decision.health_data and decision.personal_data, decision.reasons


def test_titled_physician_alone_is_personal_not_a_patient(engine: Engine) -> None:
    text = "Éditorial par Dr Octave Brunelière, pharmacien\nLa metformine est contre-indiquée si DFG < 30 mL/min.\n"
    decision = run(engine, text)
    assert (decision.health_data, decision.personal_data) == (False, True), decision.reasons


SINGLED_OUT_CASES = [
    ("named as the patient, one finding", "Patient : Mme Odile Varnier\nCarie profonde sur la 36\n", True),
    ("name and birth date, one procedure", "Mme Varnier Odile, née le 04/05/1961 : arthroscopie prévue\n", True),
    ("name and birth date, no clinical word", "Mme Varnier Odile, née le 04/05/1961 : rappeler\n", False),
    ("titled name only, one finding", "Mme Odile Varnier : carie profonde\n", False),
]


@pytest.mark.parametrize(("why", "text", "health"), SINGLED_OUT_CASES, ids=[c[0] for c in SINGLED_OUT_CASES])
def test_a_person_singled_out_needs_one_clinical_signal(engine: Engine, why: str, text: str, health: bool) -> None:
    decision = run(engine, text)
    assert decision.health_data is health, (why, decision.reasons)
    assert decision.personal_data


# A document title ending with a name after a dash or a colon: the name is the document's subject.
HEADING_CASES = [
    ("bare name ends a clinical title", "Séances de kinésithérapie — Perrot Gaston\nRééducation du genou.\n", True),
    ("capitals first, hyphen", "Bilan orthophonique - VASSEUR Odile\nDysphagie aux liquides.\n", True),
    ("titled name, one signal", "Note sociale — Mme Brunet Colette\nRetour à domicile après fracture du col.\n", True),
    ("a place, not a name", "Cardiologie - Bâtiment B\nConsultations de cardiologie le mardi.\n", False),
    ("a direction, not a name", "Réunion - Direction des soins\nOrdre du jour : diabète.\n", False),
    ("name inside the line, not ending it", "Kinésithérapie - Perrot Gaston viendra mardi\nRééducation.\n", False),
    ("no known given name", "Séances de kinésithérapie — Perrot Vasseur\nRééducation du genou.\n", False),
]


@pytest.mark.parametrize(("why", "text", "health"), HEADING_CASES, ids=[c[0] for c in HEADING_CASES])
def test_a_name_ending_a_clinical_title_is_the_patient(engine: Engine, why: str, text: str, health: bool) -> None:
    assert run(engine, text).health_data is health, why


def test_a_title_name_in_a_meeting_stays_staff(engine: Engine) -> None:
    text = "Compte rendu de réunion - Gaston Perrot\nPrésents : Odile Vasseur, Colette Brunet\nProtocole insuline.\n"
    assert not run(engine, text).health_data


def _bad_key(nir: str) -> str:
    """The same 13 digits with a key that cannot be right (the true key + 1, modulo 97)."""
    return nir[:13] + f"{int(nir[13:]) % 97 + 1:02d}"


def test_nirs_whose_keys_all_fail_are_test_data_not_personal(engine: Engine) -> None:
    rows = "\n".join(f"TC{k:03d};{_bad_key(nir)};REJET cle invalide" for k, nir in enumerate(
        ["255081416802538", "295109912611193", "180017512345678"]))  # fmt: skip
    decision = run(engine, f"cas;nir;resultat_attendu\n{rows}\n")
    assert decision.identifiers.get("NIR", 0) >= 1  # still reported, at low confidence
    assert not decision.personal_data and not decision.health_data
    assert any("tied to no identified person" in r for r in decision.reasons)


def test_a_mistyped_nir_next_to_a_name_is_personal(engine: Engine) -> None:
    decision = run(engine, f"Nom : DUPONT Jean\nNIR : {_bad_key('255081416802538')}\n")
    assert decision.personal_data and decision.identifiers.get("NIR", 0) == 1


def test_a_service_mailbox_is_reported_but_alone_is_not_personal(engine: Engine) -> None:
    alone = run(engine, "Inscriptions : secretariat.diabeto@ch-exemple.fr ou contact@ch-exemple.fr")
    assert alone.identifiers == {"EMAIL": 2} and not alone.personal_data
    named = run(engine, "Écrire à Mme Odile FERRAND : secretariat.diabeto@ch-exemple.fr")
    assert named.personal_data


STAFF_PARKING = "Nom | Prénom | Service | Tél. portable\n" + "".join(
    f"Nom: {last} | Prénom: {first} | Service: {unit} | Tél. portable: 06 23 61 16 3{i}\n"
    for i, (last, first, unit) in enumerate(
        [("JOLY", "Aimée", "chirurgie digestive"), ("COSTE", "Andrée", "SSR"), ("MALLET", "Sylvie", "HAD")]
    )
)


def test_staff_with_their_departments_are_not_patients(engine: Engine) -> None:
    decision = run(engine, STAFF_PARKING)
    assert decision.personal_data and not decision.health_data
    assert decision.clinical  # the department names are still reported as signals


def test_a_department_is_a_stay_for_a_patient_with_an_identifier(engine: Engine) -> None:
    admissions = (
        "Nom | Prénom | IPP | Service\nNom: JOLY | Prénom: Aimée | IPP: 8001234567 | Service: chirurgie digestive\n"
    )
    assert run(engine, admissions).health_data


PATIENT_MAIL = (
    "De : Odile Ferrand <odile.ferrand@exemple.fr>\nÀ : secretariat.nephrologie@chu-exemple.fr\nObjet : Rendez-vous\n\n"
    "Bonjour,\nJe suis suivie en néphrologie pour une polyarthrite. Pouvez-vous me renvoyer mon ordonnance ?\n"
)
STAFF_MAIL = (
    "De : Odile Ferrand <odile.ferrand@exemple.fr>\nÀ : secretariat.nephrologie@chu-exemple.fr\nObjet : Planning\n\n"
    "Bonjour,\nLe planning de la consultation de néphrologie de mars est en pièce jointe. Bonne journée.\n"
)


def test_a_writer_speaking_of_their_own_care_is_the_patient(engine: Engine) -> None:
    patient = run(engine, PATIENT_MAIL)
    assert patient.health_data and patient.clinical.get("SELF_CARE")
    staff = run(engine, STAFF_MAIL)
    assert staff.personal_data and not staff.health_data  # the sender of a staff mail stays staff


def test_a_named_person_and_their_own_exam_is_health_data(engine: Engine) -> None:
    note = run(engine, "rappeler Monsieur LETELLIER Sébastien au 06 60 24 89 62 pour décaler son IRM cérébrale")
    assert note.health_data
    assert not run(engine, "Mme DURAND a reporté sa réunion de service au 12 mars").health_data
    assert not run(engine, "Pat. : M. Hamon Patrick\nTel : 06 44 48 52 79\nMotif : réunion").health_data

"""Clinical signals: weak alone, so each needs its context, check digit or structure."""

from __future__ import annotations

import pytest
from stdnum import luhn

from lanterne.extract.base import Role, StructuredField

LOINC = "2345-" + luhn.calc_check_digit("2345")
LOINC_BAD = "2345-" + str((int(luhn.calc_check_digit("2345")) + 1) % 10)


@pytest.mark.parametrize(
    ("entity", "text", "count", "why"),
    [
        ("ICD10", "Diagnostic principal : E11.9", 1, "diagnosis word"),
        ("ICD10", "DAS : I10, J440", 2, "DAS, two codes"),
        ("ICD10", "CIM-10 E11.9", 1, "CIM-10"),
        ("ICD10", "la salle B12 et le bus C15", 0, "letter + digits without context"),
        ("CCAM", "Acte CCAM : DEQP003", 1, "CCAM code with context"),
        ("CCAM", "référence ABCD123", 0, "no context"),
        ("ATC", "Metformine (A10BA02)", 1, "ATC shape"),
        ("LOINC", f"LOINC {LOINC}", 1, "valid check digit"),
        ("LOINC", f"LOINC {LOINC_BAD}", 0, "wrong check digit"),
        ("LOINC", f"page {LOINC}", 0, "no context"),
        ("SECTION", "ANTÉCÉDENTS :\nHTA", 1, "heading in capitals"),
        ("SECTION", "Au total\nbonne évolution", 1, "heading alone on its line"),
        ("SECTION", "Histoire de la maladie : douleur", 1, "heading with colon"),
        ("SECTION", "les antécédents de la famille sont connus", 0, "the word inside a sentence"),
        ("SECTION", "Conclusion :\nSuivi :\nÉvolution :", 0, "generic headings of any report"),
        ("LETTER", "Cher confrère,\nj'ai revu en consultation", 2, "physicians' correspondence"),
        ("CCAM", "Intervention : cholécystectomie (HMFC004)", 1, "act code after the word intervention"),
        ("DRUG", "Metformine 1000 mg x2/j", 1, "drug, dose, frequency"),
        ("DRUG", "Lovenox 4000 UI/j", 1, "UI per day"),
        ("DRUG", "il pesait 70 kg", 0, "a weight is not a dose"),
        ("DRUG", "ajouter 500 g de farine", 0, "grams without a frequency"),
        ("DRUG", "Augmentin 1 g x3/j", 1, "grams with a frequency"),
        ("DRUG", "CRP 12 mg/L", 0, "a concentration is a lab value"),
        ("LAB", "CRP 12 mg/L", 1, "the same, as a lab value"),
        ("LAB", "remplissage de 85 %", 0, "a percentage without an analyte"),
        ("LAB", "ANALYSE: Créatinine | RESULTAT: 63 | UNITE: µmol/L", 1, "a table row, one cell each"),
        ("LAB", "HbA1c 7,2 %", 1, "analyte, value, unit"),
        ("LAB", "créatinine : 88 µmol/L", 1, "accented analyte"),
        ("LAB", "Troponine 14 ng/L", 1, "troponin"),
        ("LAB", "la créatinine est un marqueur", 0, "no value"),
        ("CONDITION", "suivi de son cancer du sein sous chimiothérapie", 2, "disease and treatment words"),
        ("CONDITION", "Insuffisance cardiaque et HTA", 2, "case-insensitive, multi-word"),
        ("CONDITION", "la cancérologie et les insuffisances", 0, "whole words only"),
        ("SECTION", "Indication :\nBilan d'une toux", 1, "imaging report heading with its colon"),
        ("SECTION", "Technique :\nCoupes axiales", 1, "imaging report technique heading"),
        ("SECTION", "Technique\nLe logiciel se met à jour", 0, "a bare 'Technique' line heads any manual"),
        ("DRUG", "Céfotaxime 2 g IV toutes les 8 h", 1, "grams with a route"),
        ("DRUG", "500 ml per os", 1, "millilitres with a route"),
        ("DRUG", "Lactulose 2 sachets", 1, "sachets are a dose form"),
        # the words of other specialties: surgery, eyes and teeth, nutrition, dependency, occupational health
        ("CARE", "suites d'une sigmoïdectomie puis arthroscopie du genou", 2, "named procedures"),
        ("CARE", "Coronarographie le 3/02, ligamentoplastie prévue", 2, "imaging and repair"),
        ("CARE", "IMC 17, albuminémie basse, GIR 2, dossier APA", 4, "nutrition and dependency"),
        ("CARE", "la photographie du site et la bibliographie", 0, "-graphie words of everyday life"),
        ("CARE", "Le greffe du tribunal, gir, apa, imc", 0, "court registry; abbreviations in lower case"),
        ("CARE", "hospitalisé(e) le 2 mai, admise aux urgences ; copie du dossier médical", 3, "a stay and its record"),
        ("CARE", "merci pour votre hospitalité, admis au concours", 0, "near words of everyday life"),
        ("CONDITION", "allergie au latex, lombalgie, carie profonde", 3, "common conditions"),
        ("CONDITION", "acuité visuelle 8/10, tension oculaire normale", 2, "eye exam"),
        ("CONDITION", "Avis : inapte temporaire ; apte avec restrictions", 2, "occupational health fitness"),
        ("CONDITION", "la suite du site, une limite et de la nostalgie", 0, "-ite and -algie words of any text"),
        ("CONDITION", "cotisation accidents du travail et maladies professionnelles", 0, "payslip contribution lines"),
    ],
)
def test_text(scan, entity: str, text: str, count: int, why: str) -> None:  # type: ignore[no-untyped-def]
    assert sum(1 for f in scan(text) if f.entity == entity) == count, why


@pytest.mark.parametrize(
    ("system", "value", "entity"),
    [
        ("http://hl7.org/fhir/sid/icd-10", "E11.9", "ICD10"),
        ("I10", "E11.9", "ICD10"),
        ("http://loinc.org", LOINC, "LOINC"),
        ("2.16.840.1.113883.6.73", "A10BA02", "ATC"),
    ],
)
def test_coded_fields(scan, system: str, value: str, entity: str) -> None:  # type: ignore[no-untyped-def]
    findings = scan("", StructuredField(Role.CLINICAL_CODE, value, "DG1-3", system))
    assert [f.entity for f in findings] == [entity]


def test_clinical_signals_are_not_fingerprinted(scan) -> None:  # type: ignore[no-untyped-def]
    findings = scan("ANTÉCÉDENTS :\nDiagnostic : E11.9\nHbA1c 7,2 %")
    assert findings and all(f.fingerprint is None for f in findings)


@pytest.mark.parametrize(
    ("text", "count", "why"),
    [
        ("Bilan : IRM lombaire demandée", 1, "imaging exam"),
        ("Scanner thoracique sans injection", 1, "a scanner of a body part"),
        ("le scanner du service de reprographie", 0, "a document scanner is no exam"),
        ("Nodule thyroïdien de 12 mm", 1, "imaging finding"),
        ("Calculs : lithiase urinaire droite", 1, "lithiasis"),
        ("Rupture du ligament croisé antérieur", 1, "a tear of a ligament"),
        ("prévoir un bon de transport pour la séance de dialyse", 2, "transport voucher and a session"),
        ("Motif : AEG", 1, "abbreviation in capitals"),
        ("Motif : Post-op PTG", 2, "post-operative stay and knee prosthesis"),
        ("aeg et oap en minuscules", 0, "abbreviations only in capitals"),
        ("Consultation de neurologie le 3 mars", 1, "consultation of a specialty"),
        ("Service : Neurologie", 0, "a specialty alone is a staff member's service"),
        ("Suivi de grossesse au 2e trimestre", 1, "follow-up of a pregnancy"),
        ("Contrôle du pacemaker à 6 mois", 1, "device check"),
        ("hospitalisation de jour en oncologie", 1, "day hospital stay"),
        ("résultats de son holter", 2, "results of one person's exam, and the exam"),
        ("résultats de sa réunion", 1, "a person's results, whatever they are"),
        ("IRM du genou droit", 1, "imaging of a body part"),
        ("pompe à insuline", 1, "a named treatment without a dose"),
        ("Séance chimio HDJ", 2, "a chemotherapy session in day hospital"),
        ("séance de travail du comité", 0, "a working session"),
        ("suivi du dossier et mise à jour de la copie", 0, "administrative follow-up"),
    ],
)
def test_care_pathway(scan, text: str, count: int, why: str) -> None:  # type: ignore[no-untyped-def]
    assert sum(1 for f in scan(text) if f.entity == "CARE") == count, why


@pytest.mark.parametrize(
    ("text", "count", "why"),
    [
        ("D : douleur, EVA à 6/10", 1, "pain score"),
        ("EN : 3/10 après antalgique", 1, "numeric pain scale"),
        ("TA 142/88 mmHg, FC 96/min", 2, "blood pressure and heart rate"),
        ("SpO2 : 93 % en air ambiant", 1, "saturation"),
        ("T° 38,4 °C", 1, "temperature"),
        ("note de 6/10 au contrôle", 0, "a mark out of ten is no pain score"),
        ("le TA du 12/03", 0, "a date after letters"),
    ],
)
def test_vital_signs(scan, text: str, count: int, why: str) -> None:  # type: ignore[no-untyped-def]
    assert sum(1 for f in scan(text) if f.entity == "VITAL") == count, why


@pytest.mark.parametrize(
    ("text", "count", "why"),
    [
        ("Nom | Formation | Date\nFormation: Gestes d'urgence", 1, "a training column"),
        ("FEUILLE D'ÉMARGEMENT - session du 3 mai", 1, "attendance sheet title"),
        ("Ordre du jour : budget", 1, "minutes' agenda"),
        ("Formation d'un abcès sous-cutané", 0, "the word inside a clinical sentence"),
        ("Signature", 0, "a prescription's signature line is no staff label"),
    ],
)
def test_staff_cues(scan, text: str, count: int, why: str) -> None:  # type: ignore[no-untyped-def]
    findings = scan(text)
    assert sum(1 for f in findings if f.entity == "STAFF") == count, why
    assert all(f.fingerprint is None for f in findings if f.entity == "STAFF")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Je suis suivie en néphrologie depuis 2019.", True),
        ("J'ai été hospitalisé en mars.", True),
        ("Pouvez-vous me renvoyer mon ordonnance ?", True),
        ("Je souffre d'une sciatique.", True),
        ("Je suis suivi par le Dr Martin.", True),
        ("Je suis en congé la semaine prochaine.", False),
        ("Mon rendez-vous avec la DRH est reporté.", False),
        ("Son ordonnance est prête.", False),  # someone else's: the care words' business, not the writer's
    ],
)
def test_a_writer_speaking_of_their_own_care(scan, text: str, found: bool) -> None:  # type: ignore[no-untyped-def]
    assert any(f.entity == "SELF_CARE" for f in scan(text)) is found


@pytest.mark.parametrize(
    "text",
    [
        "COMPTE RENDU DE POLYSOMNOGRAPHIE",
        "Conclusion : SAHOS léger",
        "audiométrie tonale et vocale, tympanométrie type C",
        "Appareillage bilatéral proposé",
        "registre des médicaments de substitution aux opiacés",
        "Méthadone (mg): 40",
    ],
)
def test_sleep_hearing_and_substitution_care(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert any(f.entity == "CARE" for f in scan(text))


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("mise en place d'une oxygénothérapie de longue durée", "CARE"),
        ("Dernière gazométrie : PaO2 = 52 mmHg en air ambiant", "VITAL"),
        ("prescription pour fibrose pulmonaire", "CONDITION"),
        ("Type : DAI, défibrillateur automatique implantable", "CARE"),
        ("Programme d'éducation thérapeutique du patient", "CARE"),
    ],
)
def test_home_respiratory_and_device_care(scan, text: str, entity: str) -> None:  # type: ignore[no-untyped-def]
    assert any(f.entity == entity for f in scan(text))


@pytest.mark.parametrize(
    "text", ["Type de visite : visite d'embauche", "Conclusion : apte avec port de semelles orthopédiques"]
)
def test_occupational_health_visits(scan, text: str) -> None:  # type: ignore[no-untyped-def]
    assert any(f.entity == "CONDITION" for f in scan(text))

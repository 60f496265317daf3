"""Third blind holdout: fictional hospital files in styles the tuned corpora may lack, to measure generalisation.

Written without reading the classifier or the earlier corpora. Each style has several templates, random synonyms,
abbreviations, capitalisation and typos, so a score here says how the classifier does on wording it never saw.
Labels follow a GDPR art. 9 reading: health data = an identifiable person AND something about their health (a
social-worker note about a named patient's APA dependency allowance is health data: the allowance reveals loss of
autonomy; an ambulance trip to dialysis of a named person is health data). Values a file holds but that the brief
leaves open (a service's switchboard number) are listed in ``ignore`` and not scored for that file.
Output never shows clear values: misclassified files are shown with the classifier's own masked samples and reasons.
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl
from faker import Faker
from fpdf import FPDF
from results import write_section
from scoring import Confusion, file_event
from stdnum import iban, luhn
from stdnum.fr import nir

from lanterne.classify import Classifier
from lanterne.settings import ClassifierSettings

IDS = ["NIR", "INS", "IPP", "NDA", "RPPS", "FINESS", "IBAN", "EMAIL", "PHONE", "PERSON_NAME", "BIRTH_DATE"]
LABELS = ["health_data", "personal_data", *IDS]
# French month names, spelled out here so the output does not depend on the machine's locale.
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
# Phrases some templates choose from (kept here so the templates stay readable).
REFERRAL_ASK = ("Merci de bien vouloir le recevoir", "Je vous remercie de votre avis", "Votre avis me serait précieux")
REFERRAL_HISTORY = ("DT2 sous metformine 1000 mg x2/j", "tabagisme actif 30 PA", "appendicectomie, asthme")
DENTAL_ACT = ("carie profonde, pulpite irréversible", "extraction", "détartrage + fluor", "couronne céramo-métal")
PHYSIO_NOTE = ("EVA 6/10", "EVA 3", "flexion 90°", "renforcement quadriceps", "marche sans canne", "douleur ++ ce jour")
HOUSING = ("vit seul(e) en appartement 3e étage sans ascenseur", "hébergé(e) chez sa fille", "SDF depuis 6 mois")
AUTONOMY = ("Perte d autonomie depuis la chute", "Troubles cognitifs débutants", "Sortie d hospitalisation prévue")
REQUEST_SUBJECT = (
    "Objet : demande de communication du dossier médical",
    "OBJET : communication de dossier medical (art. L1111-7 CSP)",
)
COMPLAINT_SUBJECT = ("Objet : réclamation", "Plainte concernant la prise en charge de ma mère", "reclamation urgences")
COMPLAINT_FACT = (
    "Il a attendu 9 heures sur un brancard alors qu il faisait un infarctus.",
    "Ses escarres n ont pas été soignées.",
    "On a oublié son insuline pendant deux jours.",
)
WORK_FINDING = (
    "Lombalgie chronique, port de charges > 10 kg contre-indiqué",
    "Syndrome anxio-dépressif, suivi psy",
    "Allergie latex confirmée",
)
CHANGE_ACTION = (
    "patch KB5034441",
    "upgrade 4.2.1 -> 4.3.0",
    "reboot planifié",
    "renouvellement certificat TLS",
    "ajout VLAN 212",
)


@dataclass(slots=True)
class Doc:
    """One labelled file: its style, format, content (text, or rows for csv/xlsx) and expected labels."""

    style: str
    fmt: str
    content: str | list[list[str]]
    health: bool
    personal: bool
    ids: set[str]
    ignore: set[str] = field(default_factory=set)


class Gen:
    """Random fictional values and wording noise for one seed."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.f = Faker("fr_FR")
        self.f.seed_instance(seed)

    def pick(self, *xs: str) -> str:
        return self.r.choice(xs)

    def caps(self, s: str) -> str:
        return self.pick(s, s.upper(), s.lower(), s.capitalize())

    def typo(self, s: str, p: float = 0.25) -> str:
        """Swap two adjacent letters of one word now and then, as hurried typing does."""
        if self.r.random() > p or len(s) < 6:
            return s
        i = self.r.randrange(1, len(s) - 2)
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :] if s[i].isalpha() and s[i + 1].isalpha() else s

    def name(self) -> str:
        first, last = self.f.first_name(), self.f.last_name()
        civ = self.pick("M.", "Mme", "Madame", "Monsieur", "Mr", "")
        return self.pick(f"{civ} {last.upper()} {first}", f"{civ} {first} {last}", f"{last} {first}").strip()

    def birth(self) -> str:
        d = self.f.date_of_birth(minimum_age=1, maximum_age=95)
        return self.pick(d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%Y"), d.strftime("%d-%m-%Y"))

    def birth_phrase(self) -> str:
        return (
            f"{self.pick('né(e) le', 'née le', 'DDN :', 'Date de naissance :', 'date de naiss.', 'DN')} {self.birth()}"
        )

    def nir(self) -> str:
        body = f"{self.r.choice('12')}{self.r.randint(30, 99):02d}{self.r.randint(1, 12):02d}"
        body += f"{self.r.randint(1, 95):02d}{self.r.randint(1, 999):03d}{self.r.randint(1, 999):03d}"
        v = body + nir.calc_check_digits(body)
        return self.pick(v, f"{v[0]} {v[1:3]} {v[3:5]} {v[5:7]} {v[7:10]} {v[10:13]} {v[13:]}", f"{v[:13]} {v[13:]}")

    def nir_phrase(self) -> str:
        return (
            f"{self.pick('N° SS', 'NSS', 'n° sécu', 'N° de sécurité sociale', 'Immatriculation assuré')} : {self.nir()}"
        )

    def ipp(self) -> str:
        return (
            f"{self.pick('IPP', 'N° patient', 'IPP :', 'n°IPP')} {self.pick('8', '')}{self.r.randint(10**8, 10**9 - 1)}"
        )

    def rpps(self) -> str:
        b = f"10{self.r.randint(10**7, 10**8 - 1)}"
        return b + luhn.calc_check_digit(b)

    def finess(self) -> str:
        b = f"{self.r.randint(1, 95):02d}0{self.r.randint(10**4, 10**5 - 1)}"
        return b + luhn.calc_check_digit(b)

    def iban(self) -> str:
        bank, branch, acct = (
            f"{self.r.randint(10000, 99999)}",
            f"{self.r.randint(10000, 99999)}",
            f"{self.r.randint(10**10, 10**11 - 1)}",
        )
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97
        bban = f"{bank}{branch}{acct}{key:02d}"
        v = "FR" + iban.calc_check_digits("FR00" + bban) + bban
        return self.pick(v, " ".join(v[i : i + 4] for i in range(0, len(v), 4)))

    def mobile(self) -> str:
        d = f"0{self.pick('6', '7')}" + "".join(str(self.r.randint(0, 9)) for _ in range(8))
        sep = self.pick(" ", ".", "", "-")
        return self.pick(sep.join(d[i : i + 2] for i in range(0, 10, 2)), "+33 " + d[1] + " " + d[2:])

    def doc_name(self) -> str:
        return f"Dr {self.f.last_name()}"

    def date(self) -> str:
        d = self.f.date_between("-2y", "today")
        month = MONTHS[d.month - 1]
        return self.pick(
            d.strftime("%d/%m/%Y"),
            d.strftime("%d/%m/%y"),
            f"{d.day} {month} {d.year}",
            f"{d.day} {month[:4]}. {d.year}",
        )


Style = Callable[[Gen], Doc]


def gp_referral(g: Gen) -> Doc:
    p, ids = g.name(), {"PERSON_NAME", "BIRTH_DATE"}
    extra = f"\n{g.nir_phrase()}" if g.r.random() < 0.4 else ""
    if extra:
        ids.add("NIR")
    motive = g.pick(
        "douleurs thoraciques atypiques à l'effort",
        "dyspnée d'aggravation progressive",
        "nodule thyroïdien palpable",
        "HTA mal contrôlée sous bithérapie",
        "lombosciatique gauche hyperalgique",
    )
    body = g.pick(
        f"{g.pick('Cher confrère', 'Chère consoeur', 'Cher ami', 'Mon cher collègue')},\n\nJe vous adresse {p}, "
        f"{g.birth_phrase()}, pour {g.typo(motive)}. "
        f"{g.pick(*REFERRAL_ASK)}.\n"
        f"ATCD : {g.pick(*REFERRAL_HISTORY)}.\nBien confraternellement,\n{g.doc_name()}",
        f"Objet : {g.caps('demande d avis')}\nPatient(e) : {p}\n{g.birth_phrase()}\nMotif : {motive}\n"
        f"Traitement actuel : {g.pick('ramipril 5mg', 'kardegic 75', 'levothyrox 50 µg')}\nCdlt, "
        f"{g.doc_name()} (RPPS {g.rpps()})",
    )
    if "RPPS" in body:
        ids.add("RPPS")
    return Doc("gp_referral", g.pick("txt", "docx", "pdf"), body + extra, True, True, ids)


def anaesthesia(g: Gen) -> Doc:
    rows = [
        ["CONSULTATION PRE-ANESTHESIQUE", ""],
        ["Nom / Prénom", g.name()],
        ["DDN", g.birth()],
        [g.pick("IPP", "N° patient"), str(g.r.randint(10**8, 10**9 - 1))],
        ["Intervention prévue", g.pick("cholécystectomie coelio", "PTH droite", "cure de hernie inguinale")],
        ["Score ASA", g.pick("1", "2", "3", "II", "III")],
        ["Mallampati", g.pick("1", "2", "3", "II")],
        ["Poids/Taille", f"{g.r.randint(50, 110)} kg / {g.r.randint(150, 195)} cm"],
        ["Allergies", g.pick("aucune connue", "pénicilline", "latex", "RAS")],
        ["Intubation difficile prévisible", g.pick("non", "oui", "Non")],
        ["Jeûne", "6h solides, 2h liquides clairs"],
    ]
    if g.r.random() < 0.5:
        return Doc("anaesthesia", "xlsx", rows, True, True, {"PERSON_NAME", "BIRTH_DATE", "IPP"})
    return Doc(
        "anaesthesia",
        g.pick("docx", "txt"),
        "\n".join(f"{a} : {b}" if b else a for a, b in rows),
        True,
        True,
        {"PERSON_NAME", "BIRTH_DATE", "IPP"},
    )


def ophtalmo_dental(g: Gen) -> Doc:
    p = g.name()
    if g.r.random() < 0.5:
        t = (
            f"{g.caps('Compte rendu ophtalmologique')}\n{p} — {g.birth_phrase()}\nAV OD {g.r.randint(3, 10)}/10 "
            f"OG {g.r.randint(3, 10)}/10 P2\nTonus : {g.r.randint(12, 28)} mmHg ODG\nFO : "
            f"{g.pick('DMLA exsudative OG', 'rétinopathie diabétique non proliférante', 'RAS')}\n"
            f"Conduite : {g.pick('IVT anti-VEGF', 'contrôle 6 mois', 'chirurgie cataracte OD')}"
        )
    else:
        t = (
            f"Fiche soins dentaires — patient : {p}\nDate : {g.date()}\nDent {g.pick('16', '36', '47', '21')} : "
            f"{g.pick(*DENTAL_ACT)}\n"
            f"Anesthésie : articaïne 4% 1 carpule\nAntécédents : {g.pick('sous AVK — INR 2,4', 'diabète', 'aucun')}"
        )
    return Doc(
        "ophtalmo_dental",
        g.pick("txt", "docx"),
        t,
        True,
        True,
        {"PERSON_NAME"} | ({"BIRTH_DATE"} if "naiss" in t or "DDN" in t or "né" in t or "DN " in t else set()),
    )


def physio(g: Gen) -> Doc:
    p, n = g.name(), g.r.randint(3, 12)
    lines = [
        f"{g.pick('Bilan kiné', 'Séances de kinésithérapie', 'KINE - suivi')} — {p}",
        "Prescription : "
        f"{g.pick('rééducation LCA genou G', 'lombalgie chronique', 'capsulite épaule D', 'rééducation post-AVC')}",
    ]
    for i in range(1, n):
        lines.append(f"S{i} {g.date()} : {g.pick(*PHYSIO_NOTE)}")
    return Doc("physio", g.pick("txt", "docx"), "\n".join(lines), True, True, {"PERSON_NAME"})


def had_nurse(g: Gen) -> Doc:
    rows = [["date", "heure", g.pick("patient", "Patient", "nom_patient"), "soins", "observations", "IDE"]]
    for _ in range(g.r.randint(5, 12)):
        rows.append(
            [
                g.date(),
                f"{g.r.randint(7, 19)}h{g.pick('00', '15', '30')}",
                g.name(),
                g.pick(
                    "pansement escarre sacrée",
                    "injection lovenox 4000",
                    "perf ATB ceftriaxone",
                    "glycémie capillaire",
                    "toilette + pompe morphine",
                ),
                g.pick("RAS", "douleur EVA 5", "glycémie 2,1 g/L", "plaie propre", "famille inquiète"),
                g.f.first_name(),
            ]
        )
    return Doc("had_nurse_log", g.pick("csv", "xlsx"), rows, True, True, {"PERSON_NAME"})


def dietitian(g: Gen) -> Doc:
    p = g.name()
    t = g.pick(
        f"Consultation diététique du {g.date()}\n{p}\nIMC {g.r.randint(17, 42)},{g.r.randint(0, 9)} — "
        f"perte de {g.r.randint(2, 12)} kg en 3 mois\n"
        f"{g.pick('Dénutrition modérée', 'Obésité grade II', 'Diabète type 2 déséquilibré')}. Conseils : "
        f"{g.pick('enrichissement', 'régime hyposodé 6g', 'fractionnement')}.",
        f"NOTE DIET — pt {p} ({g.birth_phrase()})\nAlbumine 28 g/L, CNO 2/j prescrits\nObjectif : reprise pondérale",
    )
    return Doc(
        "dietitian",
        g.pick("txt", "docx"),
        t,
        True,
        True,
        {"PERSON_NAME"} | ({"BIRTH_DATE"} if "NOTE DIET" in t else set()),
    )


def social_worker(g: Gen) -> Doc:
    p, ids = g.name(), {"PERSON_NAME", "PHONE"}
    t = (
        f"{g.pick('Note sociale', 'Évaluation sociale', 'Synthèse assistante sociale')} — {p}\n"
        "Situation : "
        f"{g.pick(*HOUSING)}.\n"
        f"Dossier APA {g.pick('déposé', 'en cours', 'accordé GIR 3', 'à renouveler (GIR 4)')}. "
        f"{g.pick(*AUTONOMY)}.\n"
        f"Contact famille : {g.mobile()}\nAdresse : {g.f.street_address()}, {g.f.postcode()} {g.f.city()}"
    )
    return Doc("social_worker", g.pick("txt", "docx"), t, True, True, ids)


def pharmacy(g: Gen) -> Doc:
    rows = [
        [g.pick("Date", "date_disp"), g.pick("Patient", "NOM Prénom"), "UF", g.pick("Spécialité", "Médicament"), "Qté"]
    ]
    for _ in range(g.r.randint(6, 14)):
        rows.append(
            [
                g.date(),
                g.name(),
                g.pick("CARDIO", "ONCO", "GERIA", "3A"),
                g.pick("OXYCONTIN LP 10 mg", "ELIQUIS 5 mg", "HUMALOG KWIKPEN", "KEYTRUDA 25 mg/ml", "METHADONE 40 mg"),
                str(g.r.randint(1, 60)),
            ]
        )
    return Doc("pharmacy_dispensing", g.pick("csv", "xlsx"), rows, True, True, {"PERSON_NAME"})


def lawyer_request(g: Gen) -> Doc:
    p = g.name()
    t = (
        f"{g.pick('Maître', 'Me')} {g.f.last_name()}\nAvocat au Barreau de {g.f.city()}\n\n"
        f"{g.pick(*REQUEST_SUBJECT)}\n\n"
        f"Madame, Monsieur le Directeur,\nAgissant pour le compte de {p}, {g.birth_phrase()}, "
        "hospitalisé(e) dans votre établissement "
        f"du {g.date()} pour "
        f"{g.pick('une fracture du col du fémur', 'une infection post-opératoire', 'un AVC ischémique')}, "
        f"je vous prie de me transmettre l'intégralité de son dossier médical.\nVeuillez agréer..."
    )
    return Doc("lawyer_request", g.pick("docx", "pdf", "txt"), t, True, True, {"PERSON_NAME", "BIRTH_DATE"})


def complaint(g: Gen) -> Doc:
    p, writer = g.name(), g.f.name()
    t = (
        f"{writer}\n{g.f.street_address()}\n{g.f.postcode()} {g.f.city()}\n{g.mobile()}\n\n"
        f"{g.pick(*COMPLAINT_SUBJECT)}\n\n"
        f"Je vous écris au sujet de {p}, {g.pick('mon père', 'ma mère', 'mon épouse', 'mon fils')}, "
        f"admis(e) aux urgences le {g.date()}. "
        f"{g.typo(g.pick(*COMPLAINT_FACT))} "
        f"Je demande des explications.\n{writer}"
    )
    return Doc("family_complaint", g.pick("txt", "docx"), t, True, True, {"PERSON_NAME", "PHONE"})


def consent(g: Gen) -> Doc:
    p = g.name()
    t = (
        f"{g.caps('formulaire de consentement éclairé')}\nJe soussigné(e) {p}, {g.birth_phrase()},\n"
        f"reconnais avoir été informé(e) par le {g.doc_name()} des risques de "
        f"{g.pick('la coronarographie', 'la coloscopie sous AG', 'l arthroscopie du genou', 'la ponction lombaire')} "
        f"et y consens.\n[X] J'accepte  [ ] Je refuse\nFait à {g.f.city()} le {g.date()}\nSignature :"
    )
    return Doc("consent_form", g.pick("docx", "pdf", "txt"), t, True, True, {"PERSON_NAME", "BIRTH_DATE"})


def occupational(g: Gen) -> Doc:
    p = g.name()
    t = (
        f"{g.pick('Service de santé au travail', 'Médecine du travail', 'SST - visite')}\nSalarié : "
        f"{p}\nPoste : {g.pick('ASH', 'brancardier', 'IDE de nuit', 'agent de cuisine')}\n"
        f"Visite : {g.pick('reprise après arrêt', 'périodique', 'à la demande')}\n"
        f"{g.pick(*WORK_FINDING)}\n"
        f"Avis : {g.pick('apte avec restrictions', 'inapte temporaire', 'apte')}"
    )
    return Doc("occupational_health", g.pick("txt", "docx"), t, True, True, {"PERSON_NAME"})


def crf(g: Gen) -> Doc:
    rows = [["code_sujet", "centre", "visite", "age", "sexe", "HbA1c", "PAS", "EI"]]
    for _ in range(g.r.randint(8, 20)):
        rows.append(
            [
                f"{g.pick('PAT', 'S', 'ETU')}-{g.r.randint(1, 9):02d}-{g.r.randint(1, 999):03d}",
                f"C{g.r.randint(1, 12)}",
                g.pick("V0", "V1", "M3", "M6"),
                str(g.r.randint(30, 85)),
                g.pick("M", "F"),
                f"{g.r.randint(55, 110) / 10}",
                str(g.r.randint(105, 175)),
                g.pick("non", "céphalées", "nausées grade 1", ""),
            ]
        )
    return Doc("crf_pseudonymised", g.pick("csv", "xlsx"), rows, False, False, set())


def surgery_schedule(g: Gen) -> Doc:
    rows = [["Salle", "Heure", "Patient", "IPP", "Intervention", "Chirurgien", "Anesth"]]
    for _ in range(g.r.randint(6, 12)):
        rows.append(
            [
                f"S{g.r.randint(1, 8)}",
                f"{g.r.randint(8, 17)}:{g.pick('00', '30')}",
                g.name(),
                str(g.r.randint(10**8, 10**9 - 1)),
                g.pick(
                    "PTG gauche",
                    "sigmoïdectomie",
                    "thyroïdectomie totale",
                    "césarienne programmée",
                    "ostéosynthèse poignet",
                ),
                g.doc_name(),
                g.pick("AG", "ALR", "rachi"),
            ]
        )
    return Doc("surgery_schedule", "xlsx", rows, True, True, {"PERSON_NAME", "IPP"})


def ambulance(g: Gen) -> Doc:
    rows = [["date", "patient", "adresse_depart", "destination", "motif", "type"]]
    for _ in range(g.r.randint(5, 10)):
        rows.append(
            [
                g.date(),
                g.name(),
                f"{g.f.street_address()} {g.f.postcode()} {g.f.city()}",
                g.pick("CH service dialyse", "centre radiothérapie", "HDJ oncologie", "consultation cardio"),
                g.pick("dialyse", "séance radiothérapie", "chimiothérapie", "suivi post-IDM"),
                g.pick("VSL", "ambulance", "taxi conv."),
            ]
        )
    return Doc("ambulance_trips", "csv", rows, True, True, {"PERSON_NAME"})


def volunteers(g: Gen) -> Doc:
    rows = [["Nom", "Prénom", "Téléphone", "Mail", "Disponibilités"]]
    for _ in range(g.r.randint(5, 15)):
        first, last = g.f.first_name(), g.f.last_name()
        rows.append(
            [
                last,
                first,
                g.mobile(),
                f"{first.lower()}.{last.lower()}@{g.pick('gmail.com', 'orange.fr', 'free.fr')}".replace(" ", ""),
                g.pick("mardi", "week-end", "lundi matin", "vacances scolaires"),
            ]
        )
    return Doc("volunteer_list", g.pick("csv", "xlsx", "docx"), rows, False, True, {"PERSON_NAME", "PHONE", "EMAIL"})


def payroll(g: Gen) -> Doc:
    rows = [["Matricule", "Nom", "Prénom", "N° SS", "IBAN", "Brut"]]
    for _ in range(g.r.randint(4, 10)):
        rows.append(
            [
                str(g.r.randint(1000, 9999)),
                g.f.last_name(),
                g.f.first_name(),
                g.nir(),
                g.iban(),
                f"{g.r.randint(1800, 4500)},00",
            ]
        )
    return Doc("hr_payroll", g.pick("csv", "xlsx"), rows, False, True, {"PERSON_NAME", "NIR", "IBAN"})


def purchase_order(g: Gen) -> Doc:
    t = (
        f"BON DE COMMANDE N° {g.r.randint(10**5, 10**6)}\nÉtablissement : CH de {g.f.city()} — FINESS {g.finess()}\n"
        f"Standard : 0{g.r.randint(1, 5)} {g.r.randint(10, 99)} {g.r.randint(10, 99)} "
        f"{g.r.randint(10, 99)} {g.r.randint(10, 99)}\n"
        f"Fournisseur : {g.f.company()} — IBAN {g.iban()}\n"
        + "\n".join(
            f"{g.pick('Compresses stériles 10x10', 'Gants nitrile M', 'Seringues 10 ml', 'Papier A4')} "
            f"x{g.r.randint(10, 500)} — {g.r.randint(5, 900)},{g.r.randint(10, 99)} €"
            for _ in range(5)
        )
    )
    return Doc("purchase_order", g.pick("txt", "pdf", "docx"), t, False, False, {"FINESS", "IBAN"}, ignore={"PHONE"})


def menu(g: Gen) -> Doc:
    days = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi"]
    t = (
        f"{g.pick('Menu de la semaine', 'MENUS PATIENTS', 'Self du personnel')} — semaine {g.r.randint(1, 52)}\n"
        + "\n".join(
            f"{d} : {g.pick('potage', 'carottes râpées', 'salade verte')} / "
            f"{g.pick('poulet rôti', 'poisson meunière', 'lasagnes')} / "
            f"{g.pick('yaourt', 'compote sans sucre', 'tarte aux pommes')} — régime diabétique : "
            f"{g.pick('compote sans sucre', 'fromage blanc 0%')}"
            for d in days
        )
    )
    return Doc("hospital_menu", g.pick("txt", "pdf", "docx"), t, False, False, set())


def it_changelog(g: Gen) -> Doc:
    lines = [f"{g.pick('CHANGELOG', 'Journal des changements DSI', 'chg log infra')}"]
    for _ in range(g.r.randint(6, 12)):
        lines.append(
            f"{g.date()} CHG{g.r.randint(10**6, 10**7)} {g.pick('srv-dpi-01', 'pacs-gw', 'ad-dc2', 'fw-dmz')} "
            f"{g.pick(*CHANGE_ACTION)} "
            f"{g.pick('OK', 'rollback', 'en attente CAB')}"
        )
    return Doc("it_changelog", "txt", "\n".join(lines), False, False, set())


STYLES: list[Style] = [
    gp_referral,
    anaesthesia,
    ophtalmo_dental,
    physio,
    had_nurse,
    dietitian,
    social_worker,
    pharmacy,
    lawyer_request,
    complaint,
    consent,
    occupational,
    crf,
    surgery_schedule,
    ambulance,
    volunteers,
    payroll,
    purchase_order,
    menu,
    it_changelog,
]


def write(doc: Doc, path: Path) -> None:
    """Write ``doc`` in its format; tabular content goes to a table in docx and to lines in txt/pdf."""
    c = doc.content
    text = c if isinstance(c, str) else "\n".join(" ; ".join(r) for r in c)
    if doc.fmt == "txt":
        path.write_text(text, encoding=random.Random(len(text)).choice(["utf-8", "utf-8", "cp1252"]), errors="replace")
    elif doc.fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as fh:
            csv.writer(fh, delimiter=";").writerows(
                c if isinstance(c, list) else [[line] for line in text.splitlines()]
            )
    elif doc.fmt == "xlsx":
        wb = openpyxl.Workbook()
        for r in c if isinstance(c, list) else [[line] for line in text.splitlines()]:
            wb.active.append(r)
        wb.save(path)
    elif doc.fmt == "docx":
        d = docx.Document()
        if isinstance(c, list):
            t = d.add_table(rows=0, cols=len(c[0]))
            for r in c:
                for cell, v in zip(t.add_row().cells, r, strict=True):
                    cell.text = v
        else:
            for line in c.splitlines():
                d.add_paragraph(line)
        d.save(str(path))
    else:
        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        for line in text.splitlines():
            pdf.multi_cell(
                0,
                5,
                line.replace("—", "-").encode("latin-1", "replace").decode("latin-1"),
                new_x="LMARGIN",
                new_y="NEXT",
            )
        pdf.output(str(path))


def expected(doc: Doc) -> dict[str, bool]:
    return {"health_data": doc.health, "personal_data": doc.personal, **{i: i in doc.ids for i in IDS}}


def run(
    seeds: list[int], per_style: int
) -> tuple[dict[str, Confusion], list[str], Counter[str], dict[str, Counter[str]]]:
    """Generate, write and classify ``per_style`` files of each style per seed; count per label and per style."""
    conf: dict[str, Confusion] = defaultdict(Confusion)
    misses: list[str] = []
    fmts: Counter[str] = Counter()
    by_style: dict[str, Counter[str]] = defaultdict(Counter)
    clf = Classifier(ClassifierSettings(), b"k" * 32)
    seq = 0
    for seed in seeds:
        g = Gen(seed)
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            for style in STYLES:
                for k in range(per_style):
                    doc = style(g)
                    rel = f"{doc.style}_{seed}_{k}.{doc.fmt}"
                    write(doc, root / rel)
                    fmts[doc.fmt] += 1
                    seq += 1
                    v = clf.classify(file_event(root, rel, seq))
                    found = {
                        "health_data": v.health_data,
                        "personal_data": v.personal_data,
                        **{i: v.identifiers.get(i, 0) > 0 for i in IDS},
                    }
                    wrong = []
                    for label, exp in expected(doc).items():
                        if label in doc.ignore:
                            continue
                        conf[label].add(exp, found[label])
                        if exp != found[label]:
                            wrong.append(f"{'FN' if exp else 'FP'} {label}")
                    by_style[doc.style].update(["files"] + (["wrong"] if wrong else []))
                    by_style[doc.style].update(["health_fn"] if doc.health and not v.health_data else [])
                    if wrong:
                        misses.append(
                            f"`{rel}` ({doc.style}): {', '.join(wrong)} — samples {v.samples[:3]} — "
                            f"reasons {v.reasons[:4]}"
                        )
    return conf, misses, fmts, by_style


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, action="append")
    ap.add_argument("--per-style", type=int, default=2)
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    seeds = a.seed or [1]
    conf, misses, fmts, by_style = run(seeds, a.per_style)
    head = ["label", "expected", "TP", "FP", "FN", "precision %", "recall %"]
    table = ["| " + " | ".join(head) + " |", "| --- |" + " ---: |" * 6] + [
        "| " + " | ".join(conf[lab].row(lab)) + " |" for lab in LABELS if lab in conf
    ]
    n = sum(fmts.values())
    md = "\n".join(
        [
            "## holdout3 (blind third holdout)",
            "",
            f"`python bench/holdout3.py {' '.join(f'--seed {s}' for s in seeds)} --per-style "
            f"{a.per_style} --markdown` — {n} fictional files, "
            f"{len(STYLES)} styles ({', '.join(s.__name__ for s in STYLES)}), formats {dict(fmts)}. "
            "Written without reading the classifier "
            "or earlier corpora. Labels: GDPR art. 9 reading (social-worker APA notes and ambulance "
            "trips to care are health data; "
            "HR payroll with NIR/IBAN and volunteer lists are personal, not health; pseudonymised CRF is "
            "neither; a purchase order's "
            "FINESS/company IBAN are not personal, its switchboard PHONE is not scored).",
            "",
            *table,
            "",
            "| style | files | files with an error | health_data missed |",
            "| --- | ---: | ---: | ---: |",
            *(f"| {st} | {c['files']} | {c['wrong']} | {c['health_fn']} |" for st, c in by_style.items()),
            "",
            f"### Misclassified files ({len(misses)}/{n})",
            "",
            *(f"- {m}" for m in misses),
        ]
    )
    print(md)
    if a.markdown:
        write_section("holdout3", md)


if __name__ == "__main__":
    main()

"""Fourth blind holdout: a fictional cross-section of a hospital share, labelled by hand-written rules, never tuned on.

Why: the classifier was tuned on four corpora, so their scores are optimistic; this script was written without reading
the classifier, its tests or the other corpora, and gives the honest figure.

Labelling choices (the ground truth each generator states):
- health_data: an identifiable patient (name, NIR/INS, IPP/NDA with identity) AND health content (diagnosis,
  treatment, lab result, care unit stay, PMSI codes), or an HL7 v2 / FHIR message carrying a patient. A care
  protocol, an anonymised statistic, a blank template, a pharmacy stock list or a diabetes newsletter is not.
- personal_data: any value identifying a person (name, NIR, personal e-mail, personal phone, a person's IBAN, RPPS).
  Not personal: FINESS, a supplier's IBAN, a service's switchboard number or a functional mailbox.
- identifiers: a type is expected whenever one value of that type is present, personal or not (a FINESS, a switchboard
  PHONE, a functional EMAIL count). NIR/INS/IPP/NDA/RPPS are expected only with their context word or structured
  field (as the domain sheet requires). In files carrying an INS, NIR is optional (the INS matricule is a NIR), so
  neither a hit nor a miss on NIR counts there. BIRTH_DATE only when a date is labelled as a birth date (or PID-7,
  FHIR birthDate). PERSON_NAME for any person's name (patient, staff, attendee, signatory).
- ~40 % of files are negatives or near-misses (clinical text without a person, people without health content).

Output: per-label precision/recall and the misclassified files (paths and labels only, never values).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import docx
import openpyxl
from faker import Faker
from fpdf import FPDF
from stdnum import luhn
from stdnum.fr import nir as nir_mod

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import write_section
from scoring import Confusion, file_event

IDS = ["NIR", "INS", "IPP", "NDA", "RPPS", "FINESS", "IBAN", "EMAIL", "PHONE", "PERSON_NAME", "BIRTH_DATE"]


@dataclass
class Doc:
    """One generated file and its ground truth."""

    rel: str
    kind: str
    health: bool
    personal: bool
    ids: set[str]
    optional: set[str] = field(default_factory=set)


class Gen:
    """Fictional values and file writers for one seed."""

    def __init__(self, seed: int, root: Path) -> None:
        self.r = random.Random(seed)
        self.f = Faker("fr_FR")
        self.f.seed_instance(seed)
        self.root = root
        self.docs: list[Doc] = []
        self.n = 0

    # ---- values -------------------------------------------------------------------------------------------------
    def pick(self, *xs: str) -> str:
        return self.r.choice(xs)

    def nir(self, sex: int | None = None, birth: date | None = None, bad_key: bool = False) -> str:
        sex = sex or self.r.choice([1, 2])
        b = birth or self.birth()
        dept = self.r.choice(["75", "69", "13", "2A", "59", "33", "974", "99"])
        commune = f"{self.r.randint(1, 99 if len(dept) == 3 else 899):0{5 - len(dept)}d}"
        body = f"{sex}{b.year % 100:02d}{b.month:02d}{dept}{commune}{self.r.randint(1, 999):03d}"
        key = nir_mod.calc_check_digits(body)
        if bad_key:
            key = f"{(int(key) + self.r.randint(1, 9)) % 97:02d}"
        raw = body + key
        style = self.r.randrange(4)
        if style == 0:
            return raw
        if style == 1:
            return f"{raw[0]} {raw[1:3]} {raw[3:5]} {raw[5:7]} {raw[7:10]} {raw[10:13]} {raw[13:]}"
        if style == 2:
            return f"{raw[:13]} {raw[13:]}"
        return f"{raw[0]}.{raw[1:3]}.{raw[3:5]}.{raw[5:7]}.{raw[7:10]}.{raw[10:13]}.{raw[13:]}"

    def birth(self, minor: bool = False) -> date:
        return self.f.date_of_birth(minimum_age=0 if minor else 18, maximum_age=17 if minor else 98)

    def dfmt(self, d: date) -> str:
        return self.pick(
            d.strftime("%d/%m/%Y"),
            d.strftime("%d/%m/%y"),
            d.strftime("%d-%m-%Y"),
            d.isoformat(),
            d.strftime("%d.%m.%Y"),
        )

    def ipp(self) -> str:
        return self.pick(
            f"8{self.r.randint(10**8, 10**9 - 1)}",
            f"{self.r.randint(10**6, 10**7 - 1)}",
            f"P{self.r.randint(10**6, 10**7 - 1)}",
        )

    def nda(self) -> str:
        return self.pick(
            f"{self.r.randint(20, 26)}{self.r.randint(10**6, 10**7 - 1)}", f"S{self.r.randint(10**7, 10**8 - 1)}"
        )

    def rpps(self) -> str:
        body = f"10{self.r.randint(10**7, 10**8 - 1)}"
        return body + luhn.calc_check_digit(body)

    def finess(self) -> str:
        body = f"{self.r.choice(['75', '69', '13', '31', '59'])}{self.r.randint(10**5, 10**6 - 1)}"
        return body + luhn.calc_check_digit(body)

    def iban(self) -> str:
        x = self.f.iban()
        return self.pick(x, " ".join(x[i : i + 4] for i in range(0, len(x), 4)))

    def phone(self) -> str:
        d = [self.r.randint(0, 9) for _ in range(8)]
        p = f"0{self.r.choice([1, 2, 3, 4, 5, 6, 7])}"
        s = "".join(map(str, d))
        return self.pick(
            f"{p} {s[:2]} {s[2:4]} {s[4:6]} {s[6:]}",
            f"{p}{s}",
            f"{p}.{s[:2]}.{s[2:4]}.{s[4:6]}.{s[6:]}",
            f"+33 {p[1]} {s[:2]} {s[2:4]} {s[4:6]} {s[6:]}",
        )

    def name(self, sex: int | None = None) -> tuple[str, str, int]:
        sex = sex or self.r.choice([1, 2])
        first = self.f.first_name_male() if sex == 1 else self.f.first_name_female()
        return first, self.f.last_name(), sex

    def person_str(self, first: str, last: str, sex: int) -> str:
        civ = "M." if sex == 1 else self.pick("Mme", "Madame", "MME")
        return self.pick(
            f"{civ} {last.upper()} {first}",
            f"{civ} {first} {last}",
            f"{last.upper()} {first}",
            f"{first} {last.upper()}",
        )

    def doctor(self) -> str:
        first, last, _ = self.name()
        return self.pick(
            f"Dr {first} {last}", f"Docteur {last.upper()}", f"Dr {first[0]}. {last}", f"Pr {first} {last.upper()}"
        )

    def typo(self, text: str) -> str:
        """Drop or swap a few letters in long words, as hurried typing does."""
        words = text.split(" ")
        for _ in range(self.r.randint(0, 3)):
            i = self.r.randrange(len(words))
            w = words[i]
            if len(w) > 6 and w.isalpha() and w.islower():
                j = self.r.randrange(1, len(w) - 2)
                words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :] if self.r.random() < 0.5 else w[:j] + w[j + 1 :]
        return " ".join(words)

    # ---- writers ------------------------------------------------------------------------------------------------
    def write(self, stem: str, ext: str, body: str | list[list[str]], doc: Doc) -> None:
        self.n += 1
        folder = self.pick("Secretariat", "Commun", "Archives/2019", "Services/Partage", "Users/docs", "TEMP")
        rel = f"{folder}/{stem}_{self.n:03d}.{ext}"
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if ext in ("txt", "hl7", "json", "eml"):
            text = body if isinstance(body, str) else "\n".join(";".join(r) for r in body)
            path.write_bytes(text.encode(self.pick("utf-8", "utf-8", "cp1252") if ext == "txt" else "utf-8", "replace"))
        elif ext == "csv":
            sep = self.pick(";", ",", "\t")
            rows = body if isinstance(body, list) else [[x] for x in body.splitlines()]
            path.write_text("\n".join(sep.join(c.replace(sep, " ") for c in r) for r in rows), encoding="utf-8")
        elif ext == "xlsx":
            wb = openpyxl.Workbook()
            ws = wb.active
            rows = body if isinstance(body, list) else [[x] for x in body.splitlines()]
            for r in rows:
                ws.append(r)
            wb.save(path)
        elif ext == "docx":
            d = docx.Document()
            text = body if isinstance(body, str) else "\n".join(" | ".join(r) for r in body)
            for para in text.split("\n"):
                d.add_paragraph(para)
            d.save(path)
        elif ext == "pdf":
            pdf = FPDF()
            pdf.add_page()
            pdf.set_font("Helvetica", size=10)
            text = body if isinstance(body, str) else "\n".join("  ".join(r) for r in body)
            safe = text.replace("\u2019", "'").replace("œ", "oe").replace("—", "-").encode("latin-1", "replace")
            pdf.multi_cell(0, 5, safe.decode("latin-1"))
            pdf.output(str(path))
        doc.rel = rel
        self.docs.append(doc)

    def office(self) -> str:
        return self.pick("docx", "pdf", "txt", "docx", "pdf")

    def table(self) -> str:
        return self.pick("csv", "xlsx", "csv", "xlsx", "txt")


def _ascii(mail: str) -> str:
    """Mail addresses as hospitals' directories make them: lower case, no accents, no spaces or apostrophes."""
    plain = unicodedata.normalize("NFKD", mail).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum() or c in ".@-")


# ---- positives: patient documents ----------------------------------------------------------------------------------
SPECIALTIES = {
    "neuro": (
        "Neurologie",
        ["AVC ischémique sylvien gauche", "crise comitiale inaugurale", "poussée de sclérose en plaques"],
        ["Kardégic 75 mg 1/j", "Keppra 500 mg x2/j", "Atorvastatine 40 mg le soir"],
        "IRM cérébrale : hypersignal diffusion",
    ),
    "onco": (
        "Oncologie médicale",
        ["adénocarcinome pulmonaire stade IV", "cancer du sein RH+ HER2-", "lymphome B diffus"],
        ["Ondansétron 8 mg si nausées", "Morphine LP 30 mg x2/j", "Dexaméthasone 4 mg/j"],
        "Scanner TAP : progression hépatique",
    ),
    "geria": (
        "Gériatrie",
        ["chute à domicile avec fracture du col fémoral", "syndrome confusionnel", "déshydratation"],
        ["Paracétamol 1 g x3/j", "Lovenox 4000 UI/j", "Calcium vitamine D3 1/j"],
        "Créatinine 142 µmol/L, Na 131 mmol/L",
    ),
    "mater": (
        "Maternité",
        ["accouchement voie basse à 39 SA", "césarienne pour stagnation", "prééclampsie modérée"],
        ["Spasfon 2 cp si douleur", "Fer 80 mg/j", "Lovenox 4000 UI/j 6 semaines"],
        "Hb 9,8 g/dL à J2",
    ),
    "psy": (
        "Psychiatrie",
        ["épisode dépressif caractérisé sévère", "décompensation schizophrénique", "trouble bipolaire, phase maniaque"],
        ["Sertraline 50 mg/j", "Olanzapine 10 mg le soir", "Lithium 400 mg x2/j"],
        "lithémie 0,8 mmol/L",
    ),
    "pedia": (
        "Pédiatrie",
        ["bronchiolite à VRS", "gastro-entérite avec déshydratation", "crise d'asthme"],
        ["Doliprane 15 mg/kg x4/j", "Ventoline 2 bouffées x4/j", "SRO à volonté"],
        "CRP 12 mg/L",
    ),
    "urg": (
        "Urgences",
        ["douleur thoracique atypique", "traumatisme crânien sans PC", "colique néphrétique"],
        ["Kétoprofène 100 mg x2/j", "Paracétamol 1 g si besoin"],
        "troponine < 14 ng/L",
    ),
}


ADMISSION_HEAD = "MOTIF D\u2019ADMISSION"  # typographic apostrophe, as word processors write it


def letter(g: Gen) -> None:
    spec = g.r.choice(list(SPECIALTIES))
    service, motifs, drugs, exam = SPECIALTIES[spec]
    first, last, sex = g.name(2 if spec == "mater" else None)
    b = g.birth(minor=spec == "pedia")
    ids = {"PERSON_NAME"}
    lines = [
        g.pick(f"CHU de {g.f.city()}", f"Centre Hospitalier {g.f.city()}", f"Hôpital {g.f.last_name()}"),
        f"{g.pick('Service de', 'Pôle', 'Unité de')} {service}",
    ]
    if g.r.random() < 0.4:
        lines.append(f"Secrétariat : {g.phone()}")
        ids.add("PHONE")
    lines.append(g.pick("Compte rendu d'hospitalisation", "COMPTE-RENDU DE SORTIE", "Lettre de liaison", "CRH"))
    pid = g.pick("Patient", "Patiente", "Concerne", "Objet")
    lines.append(f"{pid} : {g.person_str(first, last, sex)}")
    if g.r.random() < 0.7:
        lines.append(f"{g.pick('Né(e) le', 'DDN', 'Date de naissance', 'né le')} : {g.dfmt(b)}")
        ids.add("BIRTH_DATE")
    if g.r.random() < 0.5:
        lines.append(f"{g.pick('IPP', 'N° IPP', 'N° patient', 'Identifiant patient')} : {g.ipp()}")
        ids.add("IPP")
    if g.r.random() < 0.35:
        lines.append(f"{g.pick('NDA', 'N° de séjour', 'N° séjour')} : {g.nda()}")
        ids.add("NDA")
    opt: set[str] = set()
    roll = g.r.random()
    if roll < 0.25:
        lines.append(f"{g.pick('N° sécurité sociale', 'NSS', 'N° SS', 'Assuré n°')} : {g.nir(sex, b)}")
        ids.add("NIR")
    elif roll < 0.4:
        lines.append(f"{g.pick('INS', 'Matricule INS', 'INS (NIR)')} : {g.nir(sex, b)}")
        ids.add("INS")
        opt.add("NIR")
    dates = g.f.date_between("-3y", "today")
    sections = [
        f"{g.pick('Motif d hospitalisation', 'Motif', ADMISSION_HEAD)} : {g.r.choice(motifs)}.",
        f"{g.pick('Antécédents', 'ATCD', 'Antécédents médicaux')} : {g.pick('HTA', 'diabète de type 2', 'tabagisme sevré', 'aucun')}.",  # noqa: E501
        f"{g.pick('Examens complémentaires', 'Bilan', 'Examens')} : {exam}.",
        f"{g.pick('Au total', 'Conclusion', 'CONCLUSION')} : {g.r.choice(motifs)}, {g.pick('évolution favorable', 'suites simples', 'retour à domicile')}.",  # noqa: E501
        f"{g.pick('Traitement de sortie', 'Ordonnance de sortie', 'TTT sortie')} : "
        + ", ".join(g.r.sample(drugs, k=min(2, len(drugs)))),
    ]
    g.r.shuffle(sections[1:3])
    lines.append(f"Hospitalisé(e) du {g.dfmt(dates)} au {g.dfmt(dates + timedelta(days=g.r.randint(1, 20)))}.")
    lines += [g.typo(s) for s in sections]
    lines.append(f"{g.pick('Bien confraternellement', 'Cordialement', 'Confraternellement')}, {g.doctor()}")
    if g.r.random() < 0.3:
        lines.append(f"RPPS {g.rpps()}")
        ids.add("RPPS")
    g.write(
        g.pick("CRH", "courrier", "lettre_sortie", f"cr_{spec}"),
        g.office(),
        "\n".join(lines),
        Doc("", f"letter_{spec}", True, True, ids, opt),
    )


def consult_note(g: Gen) -> None:
    first, last, sex = g.name()
    ids = {"PERSON_NAME"}
    head = g.pick("Consultation externe", "CR de consultation", "Note de suivi", "consult")
    txt = [
        f"{head} du {g.dfmt(g.f.date_between('-1y', 'today'))}",
        f"{g.pick('Vu ce jour', 'Revu en consultation', 'Je revois')} {g.person_str(first, last, sex)}"
        f"{g.pick(', âgé(e) de ' + str(g.r.randint(20, 90)) + ' ans', '')}, pour {g.pick('suivi de son diabète', 'contrôle post-opératoire', 'suivi de BPCO', 'bilan de migraines')}.",  # noqa: E501
        f"HbA1c {g.r.randint(60, 95) / 10} %. TA {g.r.randint(110, 160)}/{g.r.randint(60, 95)} mmHg.",
        g.pick(
            "Poursuite Metformine 1000 mg x2/j.",
            "On majore le Bisoprolol à 5 mg.",
            "Pas de modification thérapeutique.",
        ),
        f"Prochain RDV dans {g.r.randint(1, 6)} mois.",
    ]
    if g.r.random() < 0.4:
        txt.insert(1, f"{g.pick('Tél patient', 'Portable', 'Tel')} : {g.phone()}")
        ids.add("PHONE")
    if g.r.random() < 0.4:
        txt.insert(1, f"DDN {g.dfmt(g.birth())}")
        ids.add("BIRTH_DATE")
    g.write(
        g.pick("consultation", "note", "cs_suivi"),
        g.office(),
        "\n".join(g.typo(t) for t in txt),
        Doc("", "consult", True, True, ids),
    )


def secretary_mail(g: Gen) -> None:
    first, last, sex = g.name()
    s1 = g.f.first_name()
    sender_first, sender_last, _ = g.name()
    ids = {"PERSON_NAME", "EMAIL"}
    mail = _ascii(f"{sender_first}.{sender_last}@chu-{g.f.city()}.fr")
    body = [
        f"De : {sender_first} {sender_last} <{mail}>",
        f"Objet : {g.pick('RE: ', 'TR: ', '')}{g.pick('RDV', 'dossier', 'patient', 'convocation')} {last.upper()}",
        "",
        f"{g.pick('Bonjour', 'Coucou', 'Salut')} {s1},",
        g.pick(
            f"Peux-tu décaler le rdv d'IRM de {g.person_str(first, last, sex)} ? Elle a une chimio le même jour.",
            f"Le Dr {g.f.last_name()} souhaite revoir {g.person_str(first, last, sex)} après son scanner (suspicion de récidive).",  # noqa: E501
            f"{g.person_str(first, last, sex)} a appelé, sa biopsie est revenue, il faut lui donner un RDV en urgence en hépato.",  # noqa: E501
            f"Merci d'envoyer le CRO de {g.person_str(first, last, sex)} (pose de PAC) au médecin traitant.",
        ),
        g.pick("Merci !", "Bonne journée", "Bises"),
        sender_first,
    ]
    if g.r.random() < 0.5:
        body.insert(5, f"{g.pick('IPP', 'N° dossier')} {g.ipp()}")
        ids.add("IPP")
    g.write(
        g.pick("mail", "RE_rdv", "message"),
        g.pick("txt", "eml", "docx"),
        "\n".join(body),
        Doc("", "mail_patient", True, True, ids),
    )


LAB_HEADS = [
    ["IPP", "NOM", "PRENOM", "DDN", "ANALYSE", "RESULTAT", "UNITE", "DATE_PRELEV"],
    ["Num_Patient", "Nom_Naissance", "Prénom", "Date_Naiss", "Code_Test", "Valeur", "Unité", "Borne"],
    ["PatID", "PatientName", "DOB", "Test", "Result", "Units", "Flag"],
    ["id_pat", "nom", "prenom", "examen", "res", "u", "dt"],
]
ANALYTES = [
    ("HbA1c", "%", 5, 10),
    ("Créatinine", "µmol/L", 50, 300),
    ("Troponine", "ng/L", 2, 400),
    ("Hémoglobine", "g/dL", 7, 17),
    ("CRP", "mg/L", 1, 250),
    ("Potassium", "mmol/L", 3, 6),
]


def lab_export(g: Gen) -> None:
    head = g.r.choice(LAB_HEADS)
    ids = {"PERSON_NAME"}
    rows = [head]
    for _ in range(g.r.randint(3, 12)):
        first, last, _s = g.name()
        a, u, lo, hi = g.r.choice(ANALYTES)
        v = str(round(g.r.uniform(lo, hi), 1))
        vals = {
            "IPP": g.ipp(),
            "Num_Patient": g.ipp(),
            "PatID": g.ipp(),
            "id_pat": g.ipp(),
            "NOM": last.upper(),
            "Nom_Naissance": last.upper(),
            "nom": last,
            "PRENOM": first,
            "Prénom": first,
            "prenom": first,
            "PatientName": f"{last.upper()}^{first}",
            "DDN": g.dfmt(g.birth()),
            "Date_Naiss": g.dfmt(g.birth()),
            "DOB": g.birth().strftime("%Y%m%d"),
            "ANALYSE": a,
            "Code_Test": a,
            "Test": a,
            "examen": a,
            "RESULTAT": v,
            "Valeur": v,
            "Result": v,
            "res": v,
            "UNITE": u,
            "Unité": u,
            "Units": u,
            "u": u,
            "Borne": g.pick("N", "H", "L"),
            "Flag": g.pick("", "H", "L", "HH"),
            "DATE_PRELEV": g.dfmt(g.f.date_between("-60d", "today")),
            "dt": g.dfmt(g.f.date_between("-60d", "today")),
        }
        rows.append([vals[h] for h in head])
    if any(h in ("IPP", "Num_Patient", "PatID", "id_pat") for h in head):
        ids.add("IPP")
    if any(h in ("DDN", "Date_Naiss", "DOB") for h in head):
        ids.add("BIRTH_DATE")
    g.write(
        g.pick("export_labo", "resultats_bio", "extract_SIL", "bio"),
        g.table(),
        rows,
        Doc("", "lab_export", True, True, ids),
    )


def pmsi(g: Gen) -> None:
    head = g.pick("IPP;NDA;DATE_ENTREE;DATE_SORTIE;GHM;DP;DAS;ACTE", "ipp,nda,ent,sort,ghm,dp,das,ccam")
    sep = ";" if ";" in head else ","
    rows = [head.split(sep)]
    for _ in range(g.r.randint(4, 15)):
        e = g.f.date_between("-2y", "today")
        rows.append(
            [
                g.ipp(),
                g.nda(),
                g.dfmt(e),
                g.dfmt(e + timedelta(days=g.r.randint(0, 15))),
                g.pick("05M09T", "04M05Z", "14Z13A", "08C48V"),
                g.pick("I21.4", "J18.9", "E11.9", "O80", "F32.2"),
                g.pick("I10", "E66.0", "Z92.1", ""),
                g.pick("DEQP003", "HFFC018", "ZBQK002", ""),
            ]
        )
    # Labelling choice: PMSI rows (IPP + NDA per stay, diagnoses) are health data on identifiable patients.
    g.write(
        g.pick("RSS_extract", "pmsi_export", "DIM_sejours"),
        g.pick("csv", "xlsx", "txt"),
        rows,
        Doc("", "pmsi", True, True, {"IPP", "NDA"}),
    )


def admissions(g: Gen) -> None:
    rows = [
        g.r.choice(
            [
                ["Nom", "Prénom", "Né le", "Service", "Chambre", "Motif"],
                ["NOM PATIENT", "DDN", "UF", "Lit", "Motif d'entrée"],
            ]
        )
    ]
    for _ in range(g.r.randint(4, 14)):
        first, last, _s = g.name()
        svc = g.pick("Cardiologie", "Oncologie", "Pneumo", "Chir ortho", "Soins palliatifs")
        mot = g.pick("IDM", "chimio J1", "pneumopathie", "PTH droite", "altération état général")
        if len(rows[0]) == 6:
            rows.append([last.upper(), first, g.dfmt(g.birth()), svc, str(g.r.randint(100, 499)), mot])
        else:
            rows.append([f"{last.upper()} {first}", g.dfmt(g.birth()), svc, str(g.r.randint(1, 30)), mot])
    g.write(
        g.pick("entrees_du_jour", "liste_admissions", "mouvements"),
        g.table(),
        rows,
        Doc("", "admissions", True, True, {"PERSON_NAME", "BIRTH_DATE"}),
    )


def _pid(pid3: str, name: str, dob: str, sex: str, addr: str, nda: str, reliability: str) -> str:
    """A PID segment with each value at its HL7 v2.5 position (PID-3, -5, -7, -8, -11, -18, -32)."""
    f = [""] * 33
    f[0], f[1], f[3], f[5], f[7], f[8], f[11], f[18], f[32] = "PID", "1", pid3, name, dob, sex, addr, nda, reliability
    return "|".join(f)


def hl7(g: Gen) -> None:
    first, last, sex = g.name()
    b = g.birth()
    ipp, nda = g.ipp(), g.nda()
    ts = g.f.date_time_between("-1y", "now").strftime("%Y%m%d%H%M%S")
    kind = g.pick("ADT^A01", "ADT^A08", "ORU^R01", "ADT^A03")
    ids = {"IPP", "NDA", "PERSON_NAME", "BIRTH_DATE"}
    opt: set[str] = set()
    pid3 = f"{ipp}^^^HOPITAL&1.2.250.1.71.4.2.2&ISO^PI"
    if g.r.random() < 0.5:
        raw = g.nir(sex, b).replace(" ", "").replace(".", "")
        pid3 += f"~{raw}^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.8&ISO^INS"
        ids.add("INS")
        opt.add("NIR")
    segs = [
        f"MSH|^~\\&|{g.pick('SIH', 'GAM', 'DXCARE')}|{g.pick('CHU', 'CH')}|{g.pick('LAB', 'RIS', 'EAI')}|HOP|{ts}||{kind}|{g.r.randint(10**5, 10**6)}|P|2.5|||||FRA|8859/1",  # noqa: E501
        f"EVN|{kind[4:]}|{ts}",
        _pid(
            pid3,
            f"{last.upper()}^{first}^^^{'M.' if sex == 1 else 'MME'}^^L",
            b.strftime("%Y%m%d"),
            "M" if sex == 1 else "F",
            f"{g.f.street_address()}^^{g.f.city()}^^{g.f.postcode()}^FRA",
            f"{nda}^^^HOPITAL^AN",
            g.pick("VALI", "PROV"),
        ),
        f"PV1|1|{g.pick('I', 'O', 'E')}|{g.pick('CARDIO', 'NEURO', 'URG')}^{g.r.randint(1, 30)}^1||||{g.rpps()}^{g.f.last_name().upper()}^{g.f.first_name()}",  # noqa: E501
    ]
    ids.add("RPPS")
    if kind.startswith("ORU"):
        segs += [
            f"OBR|1||{g.r.randint(10**6, 10**7)}|24323-8^Bilan métabolique^LN|||{ts}",
            f"OBX|1|NM|2160-0^Créatinine^LN||{g.r.randint(50, 300)}|umol/L|60-110|H|||F",
            f"OBX|2|NM|4548-4^HbA1c^LN||{g.r.randint(50, 99) / 10}|%|4-6|H|||F",
        ]
    msg = "\r".join(segs) + "\r"
    if g.r.random() < 0.3:
        msg = "\x0b" + msg + "\x1c\r"
    g.write(g.pick("msg", "ADT", "hl7_in", "ORU"), g.pick("hl7", "txt"), msg, Doc("", "hl7", True, True, ids, opt))


def fhir(g: Gen) -> None:
    first, last, sex = g.name()
    b = g.birth()
    ids = {"PERSON_NAME", "BIRTH_DATE", "IPP"}
    opt: set[str] = set()
    ident = [
        {
            "use": "usual",
            "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "PI"}]},
            "system": "urn:oid:1.2.250.1.71.4.2.2.999",
            "value": g.ipp(),
        }
    ]
    if g.r.random() < 0.6:
        ident.append(
            {
                "use": "official",
                "type": {
                    "coding": [
                        {"system": "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", "code": "INS-NIR"}
                    ]
                },
                "system": "urn:oid:1.2.250.1.213.1.4.8",
                "value": g.nir(sex, b).replace(" ", "").replace(".", ""),
            }
        )
        ids.add("INS")
        opt.add("NIR")
    pat = {
        "resourceType": "Patient",
        "id": str(g.r.randint(1, 10**6)),
        "identifier": ident,
        "name": [{"use": "official", "family": last.upper(), "given": [first]}],
        "gender": "male" if sex == 1 else "female",
        "birthDate": b.isoformat(),
        "address": [{"line": [g.f.street_address()], "city": g.f.city(), "postalCode": g.f.postcode()}],
    }
    if g.r.random() < 0.4:
        pat["telecom"] = [{"system": "phone", "value": g.phone()}]
        ids.add("PHONE")
    res: dict = pat
    if g.r.random() < 0.4:
        res = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": pat}]}
    g.write(
        g.pick("Patient", "fhir_patient", "bundle"),
        "json",
        json.dumps(res, ensure_ascii=g.r.random() < 0.5, indent=g.pick(None, 2)),
        Doc("", "fhir", True, True, ids, opt),
    )


# ---- negatives and near-misses -------------------------------------------------------------------------------------
def pharmacy_stock(g: Gen) -> None:
    rows = [
        g.r.choice([["Code UCD", "Désignation", "Dosage", "Stock", "Seuil"], ["CIP", "Libellé", "Qté", "Péremption"]])
    ]
    for _ in range(g.r.randint(8, 20)):
        d = g.pick("Paracétamol", "Amoxicilline", "Héparine", "Morphine", "Insuline glargine", "Furosémide")
        if len(rows[0]) == 5:
            rows.append(
                [
                    str(g.r.randint(9_000_000, 9_999_999)),
                    d,
                    f"{g.r.choice([40, 100, 500, 1000])} mg",
                    str(g.r.randint(0, 900)),
                    "50",
                ]
            )
        else:
            rows.append(
                [
                    f"34009{g.r.randint(10**7, 10**8 - 1)}",
                    f"{d} {g.r.choice([1, 5, 10])} mg",
                    str(g.r.randint(0, 500)),
                    g.dfmt(g.f.future_date("+700d")),
                ]
            )
    g.write(
        g.pick("stock_pharma", "inventaire_PUI", "etat_stock"),
        g.table(),
        rows,
        Doc("", "pharmacy_stock", False, False, set()),
    )


def hr_absences(g: Gen) -> None:
    rows = [g.pick("Matricule;Nom;Prénom;Type;Début;Fin", "NOM;Prenom;Motif absence;Du;Au").split(";")]
    for _ in range(g.r.randint(4, 12)):
        first, last, _s = g.name()
        t = g.pick("CP", "RTT", "Formation", "Récupération", "Congé parental")
        d = g.f.date_between("-1y", "+3m")
        if len(rows[0]) == 6:
            rows.append(
                [str(g.r.randint(10000, 99999)), last.upper(), first, t, g.dfmt(d), g.dfmt(d + timedelta(days=3))]
            )
        else:
            rows.append([last, first, t, g.dfmt(d), g.dfmt(d + timedelta(days=5))])
    g.write(
        g.pick("planning_absences", "conges_equipe", "absences_DRH"),
        g.table(),
        rows,
        Doc("", "hr_absences", False, True, {"PERSON_NAME"}),
    )


def hr_training(g: Gen) -> None:
    lines = [g.pick("Formation AFGSU niveau 2", "Plan de formation 2025", "Inscriptions formation hygiène"), ""]
    for _ in range(g.r.randint(3, 10)):
        first, last, _s = g.name()
        lines.append(
            f"- {first} {last.upper()}, {g.pick('IDE', 'AS', 'cadre de santé', 'ASH', 'IADE')}, {g.pick('Cardiologie', 'Urgences', 'Bloc')}"  # noqa: E501
        )
    g.write(
        g.pick("formation", "inscrits_formation"),
        g.office(),
        "\n".join(lines),
        Doc("", "hr_training", False, True, {"PERSON_NAME"}),
    )


def payroll(g: Gen) -> None:
    rows = [
        g.pick("Matricule;Nom;Prénom;NIR;IBAN;Brut;Net", "nom;prenom;n° sécurité sociale;iban;salaire brut").split(";")
    ]
    for _ in range(g.r.randint(3, 10)):
        first, last, sex = g.name()
        if len(rows[0]) == 7:
            rows.append(
                [
                    str(g.r.randint(10000, 99999)),
                    last.upper(),
                    first,
                    g.nir(sex),
                    g.iban(),
                    f"{g.r.randint(1800, 5200)},00",
                    f"{g.r.randint(1400, 4000)},00",
                ]
            )
        else:
            rows.append([last, first, g.nir(sex), g.iban(), str(g.r.randint(1800, 5200))])
    g.write(
        g.pick("paie", "virements_salaires", "export_paie"),
        g.table(),
        rows,
        Doc("", "payroll", False, True, {"PERSON_NAME", "NIR", "IBAN"}),
    )


def finance(g: Gen) -> None:
    ids = {"IBAN", "FINESS"}
    lines = [
        f"{g.pick('Bon de commande', 'Facture fournisseur', 'Mandat de paiement')} n° {g.r.randint(10**5, 10**6)}",
        f"Etablissement : CH {g.f.city()} - FINESS {g.finess()}",
        f"Fournisseur : {g.f.company()} {g.pick('SAS', 'SA', 'SARL')} - SIRET {g.r.randint(10**13, 10**14 - 1)}",
        f"Coordonnées bancaires du fournisseur : IBAN {g.iban()}",
        f"Objet : {g.pick('gants nitrile x 200 boîtes', 'maintenance IRM', 'papier A4 x 50 cartons', 'licences logiciel')}",  # noqa: E501
        f"Montant TTC : {g.r.randint(500, 90000)},{g.r.randint(0, 99):02d} EUR",
    ]
    if g.r.random() < 0.5:
        lines.append(f"Standard : {g.phone()}")
        ids.add("PHONE")
    g.write(
        g.pick("facture", "BDC", "mandat"),
        g.pick("pdf", "docx", "txt", "xlsx"),
        "\n".join(lines),
        Doc("", "finance", False, False, ids),
    )


def it_export(g: Gen) -> None:
    rows = [
        g.pick("login,nom,prenom,email,service,dernier_acces", "sAMAccountName,displayName,mail,department").split(",")
    ]
    for _ in range(g.r.randint(4, 15)):
        first, last, _s = g.name()
        login = f"{first[0].lower()}{last.lower()}"[:12]
        mail = _ascii(f"{first}.{last}@ch-exemple.fr")
        if len(rows[0]) == 6:
            rows.append(
                [
                    login,
                    last.upper(),
                    first,
                    mail,
                    g.pick("DSI", "Pharmacie", "Cardio"),
                    g.dfmt(g.f.date_between("-90d", "today")),
                ]
            )
        else:
            rows.append([login, f"{last} {first}", mail, g.pick("DSI", "DRH", "Urgences")])
    g.write(
        g.pick("export_AD", "comptes_utilisateurs", "users"),
        g.pick("csv", "xlsx"),
        rows,
        Doc("", "it_export", False, True, {"PERSON_NAME", "EMAIL"}),
    )


def it_inventory(g: Gen) -> None:
    rows = [["hostname", "ip", "os", "site", "serial"]]
    for _ in range(g.r.randint(5, 15)):
        rows.append(
            [
                f"PC-{g.pick('URG', 'CARDIO', 'ADM')}-{g.r.randint(1, 999):03d}",
                g.f.ipv4_private(),
                g.pick("Windows 11", "Windows 10", "Ubuntu 22.04"),
                g.pick("Bât A", "Bât B"),
                g.f.bothify("??#######").upper(),
            ]
        )
    g.write(
        g.pick("inventaire_parc", "glpi_export"),
        g.pick("csv", "xlsx"),
        rows,
        Doc("", "it_inventory", False, False, set()),
    )


def procedure(g: Gen) -> None:
    topic = g.pick(
        "Prise en charge de l'hypoglycémie",
        "Hygiène des mains",
        "Prévention des chutes",
        "Gestion de la douleur post-opératoire",
    )
    lines = [
        f"PROCEDURE QUALITE - {topic}",
        f"Réf : PQ-{g.r.randint(100, 999)} v{g.r.randint(1, 5)}",
        "Rédaction : cadre de santé ; Validation : direction des soins ; Diffusion : tous services",
        "1. Objet",
        g.pick(
            "Décrire la conduite à tenir chez le patient diabétique en cas de glycémie < 0,7 g/L.",
            "Définir les indications de la friction hydro-alcoolique.",
            "Repérer les patients à risque de chute (score de Morse).",
        ),
        "2. Conduite à tenir",
        g.pick(
            "Resucrage : 15 g de glucose per os, contrôle à 15 min. Si troubles de conscience : Glucagon 1 mg IM.",
            "Paracétamol 1 g x4/j, Kétoprofène 100 mg x2/j, Morphine 0,1 mg/kg si EVA > 6.",
            "Friction 30 secondes avant et après tout contact patient.",
        ),
        f"Contact : secrétariat qualité poste {g.r.randint(1000, 9999)}",
    ]
    g.write(
        g.pick("procedure", "PQ", "protocole"),
        g.office(),
        "\n".join(g.typo(x) for x in lines),
        Doc("", "procedure", False, False, set()),
    )


def minutes(g: Gen) -> None:
    people = [g.name() for _ in range(g.r.randint(3, 7))]
    lines = [
        f"{g.pick('Compte rendu de réunion', 'CR CME', 'Réunion de service', 'PV du CHSCT')} du {g.dfmt(g.f.date_between('-1y', 'today'))}",  # noqa: E501
        "Présents : " + ", ".join(f"{first} {last}" for first, last, _ in people),
        g.pick("1. Point travaux bâtiment B : retard de 3 semaines.", "1. Budget : dépassement de 2 % sur les achats."),
        g.pick("2. Taux d'occupation du service : 87 %.", "2. Certification HAS prévue en juin."),
        "Prochaine réunion dans un mois.",
    ]
    g.write(
        g.pick("CR_reunion", "PV", "compte_rendu"),
        g.office(),
        "\n".join(lines),
        Doc("", "minutes", False, True, {"PERSON_NAME"}),
    )


def stats(g: Gen) -> None:
    rows = [["Code CIM-10", "Libellé", "Nb séjours", "DMS"]]
    for c, lib in [
        ("I21.4", "IDM sans sus-décalage"),
        ("J18.9", "Pneumopathie"),
        ("E11.9", "Diabète type 2"),
        ("F32.2", "Dépression sévère"),
    ]:
        rows.append([c, lib, str(g.r.randint(10, 900)), str(round(g.r.uniform(2, 12), 1))])
    g.write(
        g.pick("activite_DIM", "stats_CIM10", "tableau_bord"), g.table(), rows, Doc("", "stats", False, False, set())
    )


def blank_template(g: Gen) -> None:
    lines = [
        "COMPTE RENDU D'HOSPITALISATION (modèle)",
        "Patient : ________________",
        "Né(e) le : __/__/____",
        "N° sécurité sociale : _ __ __ __ ___ ___ __",
        "IPP : ________",
        "Motif d'hospitalisation :",
        "Antécédents :",
        "Traitement de sortie :",
        "Signature du médecin :",
    ]
    g.write(
        g.pick("modele_CRH", "template", "trame_courrier"),
        g.pick("docx", "txt"),
        "\n".join(lines),
        Doc("", "template", False, False, set()),
    )


def newsletter(g: Gen) -> None:
    lines = [
        g.pick("La lettre du diabète", "Info patients", "Journée mondiale de l'AVC"),
        "Le diabète de type 2 touche plus de 4 millions de personnes en France. L'HbA1c cible est souvent < 7 %.",
        "La Metformine 1000 mg reste le traitement de première intention. Atelier d'éducation thérapeutique le jeudi.",
        f"Renseignements : accueil {g.phone()} ou education.therapeutique@ch-exemple.fr",
    ]
    g.write(
        g.pick("newsletter", "affiche", "flyer"),
        g.pick("pdf", "docx"),
        "\n".join(lines),
        Doc("", "newsletter", False, False, {"PHONE", "EMAIL"}),
    )


def lab_qc(g: Gen) -> None:
    rows = [["Lot", "Niveau", "Analyte", "Cible", "Mesure", "Unité", "Date"]]
    for _ in range(g.r.randint(6, 15)):
        a, u, lo, hi = g.r.choice(ANALYTES)
        rows.append(
            [
                f"QC{g.r.randint(1000, 9999)}",
                g.pick("N1", "N2", "N3"),
                a,
                str(round((lo + hi) / 2, 1)),
                str(round(g.r.uniform(lo, hi), 1)),
                u,
                g.dfmt(g.f.date_between("-30d", "today")),
            ]
        )
    g.write(g.pick("CIQ", "controle_qualite_automate"), g.table(), rows, Doc("", "lab_qc", False, False, set()))


def random_numbers(g: Gen) -> None:
    """Long digit runs without NIR context (order numbers, lot numbers): nothing to find."""
    rows = [["Commande", "Référence", "Quantité"]]
    for _ in range(g.r.randint(8, 20)):
        rows.append([str(g.r.randint(10**14, 10**15 - 1)), f"REF{g.r.randint(10**5, 10**6)}", str(g.r.randint(1, 99))])
    g.write(g.pick("commandes", "logistique"), g.pick("csv", "xlsx"), rows, Doc("", "numbers", False, False, set()))


def staff_mail(g: Gen) -> None:
    """Near-miss: a mail between secretaries about logistics, staff names only, no patient."""
    sender_first, sender_last, _ = g.name()
    lines = [
        f"De : {sender_first} {sender_last} <{_ascii(f'{sender_first}.{sender_last}@ch-exemple.fr')}>",
        f"Objet : {g.pick('staff', 'réunion', 'planning', 'commande fournitures')}",
        "",
        f"{g.pick('Bonjour', 'Coucou', 'Hello')} {g.f.first_name()},",
        g.pick(
            "Le staff de jeudi est déplacé en salle 3, le vidéoprojecteur est en panne.",
            "Peux-tu commander des ramettes et des enveloppes kraft ? On est à court.",
            "Je serai en congés du 12 au 16, Sophie me remplace à l'accueil.",
        ),
        g.pick("Merci", "Bonne journée", "Bises"),
        sender_first,
    ]
    g.write(
        g.pick("mail", "RE_staff", "message"),
        g.pick("txt", "eml"),
        "\n".join(lines),
        Doc("", "staff_mail", False, True, {"PERSON_NAME", "EMAIL"}),
    )


def staff_directory(g: Gen) -> None:
    """Near-miss: doctors with RPPS and phones, no patient."""
    lines = [g.pick("Annuaire médical", "Liste des praticiens", "Tableau de garde")]
    for _ in range(g.r.randint(3, 8)):
        first, last, _s = g.name()
        lines.append(
            f"Dr {first} {last.upper()} - {g.pick('Cardiologie', 'Anesthésie', 'Pédiatrie')} - RPPS {g.rpps()} - {g.phone()}"  # noqa: E501
        )
    g.write(
        g.pick("annuaire", "garde"),
        g.pick("docx", "pdf", "xlsx", "txt"),
        "\n".join(lines),
        Doc("", "staff_directory", False, True, {"PERSON_NAME", "RPPS", "PHONE"}),
    )


POSITIVE: list[tuple[Callable[[Gen], None], int]] = [
    (letter, 22),
    (consult_note, 8),
    (secretary_mail, 8),
    (lab_export, 8),
    (pmsi, 4),
    (admissions, 5),
    (hl7, 7),
    (fhir, 5),
]
NEGATIVE: list[tuple[Callable[[Gen], None], int]] = [
    (pharmacy_stock, 4),
    (hr_absences, 4),
    (hr_training, 3),
    (payroll, 4),
    (finance, 5),
    (it_export, 3),
    (it_inventory, 2),
    (procedure, 5),
    (minutes, 4),
    (stats, 3),
    (blank_template, 3),
    (newsletter, 3),
    (lab_qc, 3),
    (random_numbers, 2),
    (staff_directory, 3),
    (staff_mail, 4),
]


def run(seed: int) -> tuple[dict[str, Confusion], list[tuple[str, str, str]], int]:
    """Generate one seed's share, classify every file, and count; errors are (kind, file, what went wrong)."""
    from lanterne.classify import Classifier
    from lanterne.settings import ClassifierSettings

    clf = Classifier(ClassifierSettings(), b"k" * 32)
    labels = {k: Confusion() for k in ["health_data", "personal_data", *IDS]}
    errors: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        g = Gen(seed, Path(tmp))
        plan = [fn for fn, n in POSITIVE + NEGATIVE for _ in range(n)]
        g.r.shuffle(plan)
        for fn in plan:
            fn(g)
        for i, d in enumerate(g.docs):
            v = clf.classify(file_event(Path(tmp), d.rel, i))
            found_ids = {k for k, n in v.identifiers.items() if n}
            wrong = []
            for name, exp, got in [
                ("health_data", d.health, v.health_data),
                ("personal_data", d.personal, v.personal_data),
            ]:
                labels[name].add(exp, got)
                if exp != got:
                    wrong.append(("missed " if exp else "false ") + name)
            for k in IDS:
                if k in d.optional:
                    continue
                labels[k].add(k in d.ids, k in found_ids)
                if (k in d.ids) != (k in found_ids):
                    wrong.append(("missed " if k in d.ids else "false ") + k)
            if wrong:
                errors.append((d.kind, f"seed {seed} {d.rel}", ", ".join(wrong)))
        return labels, errors, len(g.docs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, nargs="+", default=[1])
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    total = {k: Confusion() for k in ["health_data", "personal_data", *IDS]}
    errs: list[tuple[str, str, str]] = []
    n = 0
    for s in a.seed:
        labels, e, count = run(s)
        n += count
        errs += e
        for k, c in labels.items():
            t = total[k]
            t.tp, t.fp, t.fn, t.tn = t.tp + c.tp, t.fp + c.fp, t.fn + c.fn, t.tn + c.tn
    head = ["label", "expected", "TP", "FP", "FN", "precision %", "recall %"]
    table = [head, ["---"] * len(head)] + [total[k].row(k) for k in total]
    md = "\n".join("| " + " | ".join(r) + " |" for r in table)
    seeds = " ".join(map(str, a.seed))
    out = (
        f"## holdout4 (blind, fictional hospital share)\n\n`python bench/holdout4.py --seed {seeds} --markdown`: "
        f"{n} files, {len(errs)} with at least one error.\n\n{md}\n"
    )
    patterns = Counter((kind, wrong) for kind, _f, wrong in errs)
    grouped = "\n".join(f"- {n_} x {kind}: {wrong}" for (kind, wrong), n_ in patterns.most_common())
    out += f"\nFailure patterns (files x generator: errors):\n\n{grouped}\n"
    print(out)
    print("Misclassified files:")
    for kind, rel, wrong in errs:
        print(f"  {kind:16s} {rel}: {wrong}")
    if a.markdown:
        write_section("holdout4", out)


if __name__ == "__main__":
    main()

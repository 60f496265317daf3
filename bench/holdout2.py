"""Second blind holdout: fictional hospital-share files in styles the tuned corpora may lack, scored per label.

Written without reading the classifier, its tests, the demo corpus or the first holdout, so the figures measure
generalisation rather than fit. Each template makes one kind of file a real share holds (e-mails with
attachments, residents' notes, calendars, DICOM, HL7, FHIR, CDA, ZIPs, HR sheets, protocols...) and states the
labels a person would give it. Everything is fictional (Faker fr_FR, random identifiers with valid keys).

Run: ``python bench/holdout2.py [--seed S] [--markdown]``. Output shows file names and label names only, never a
planted value.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import sys
import tempfile
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from email.message import EmailMessage
from pathlib import Path

from faker import Faker
from results import write_section
from scoring import Confusion, file_event
from stdnum import iban, luhn
from stdnum.fr import nir as nir_mod

ID_TYPES = ("NIR", "INS", "IPP", "NDA", "RPPS", "FINESS", "IBAN", "EMAIL", "PHONE", "PERSON_NAME", "BIRTH_DATE")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")  # fmt: skip
INS_OID = "1.2.250.1.213.1.4.8"
RPPS_OID = "1.2.250.1.71.4.2.1"
V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"


@dataclass(slots=True)
class Label:
    """What a person would say about a file. ``health`` None = not decidable from content (excluded).

    ``ignore`` holds identifier types whose presence is debatable for this file (an INS matricule is also a NIR):
    they are not scored either way.
    """

    health: bool | None
    personal: bool
    ids: frozenset[str]
    ignore: frozenset[str] = frozenset()
    expect_format: str | None = None
    expect_error: str | None = None


@dataclass(slots=True)
class Sample:
    rel: str
    data: bytes
    label: Label
    style: str


@dataclass(slots=True)
class Person:
    """A fictional person with coherent identity traits and a NIR whose key is valid."""

    sex: int
    first: str
    last: str
    birth: date
    nir: str
    address: str
    phone: str
    email: str
    ipp: str
    nda: str


class World:
    """Makes fictional people and identifiers from one seed, so a run is reproducible."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(seed)

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    def nir_for(self, sex: int, birth: date) -> str:
        dept = f"{self.rng.choice([d for d in range(1, 96) if d != 20]):02d}"
        commune, order = self.rng.randint(1, 999), self.rng.randint(1, 999)
        body = f"{sex}{birth.year % 100:02d}{birth.month:02d}{dept}{commune:03d}{order:03d}"
        return body + nir_mod.calc_check_digits(body)

    def person(self, min_age: int = 18, max_age: int = 95) -> Person:
        sex = self.rng.choice((1, 2))
        first = self.fake.first_name_male() if sex == 1 else self.fake.first_name_female()
        last = self.fake.last_name()
        birth = date(2026, 6, 1) - timedelta(days=self.rng.randint(min_age * 365, max_age * 365))
        phone = "0" + self.rng.choice("67") + " " + " ".join(self.digits(2) for _ in range(4))
        slug = mail_slug(first, last)
        email = f"{slug}@{self.rng.choice(('orange.fr', 'gmail.com', 'free.fr', 'laposte.net'))}"
        nda = self.rng.choice(("", "S")) + "2" + self.digits(8)
        address = self.fake.address().replace("\n", ", ")
        return Person(
            sex, first, last, birth, self.nir_for(sex, birth), address, phone, email, "8" + self.digits(9), nda
        )

    def doctor(self) -> tuple[str, str, str]:
        """(display name, hospital e-mail, RPPS with a valid Luhn key)."""
        first, last = self.fake.first_name(), self.fake.last_name()
        slug = mail_slug(first, last)
        body = "10" + self.digits(8)
        return f"Dr {first} {last}", f"{slug}@chu-lanterne.fr", body + luhn.calc_check_digit(body)

    def finess(self) -> str:
        body = f"{self.rng.randint(1, 95):02d}" + "0" + self.digits(5)
        return body + luhn.calc_check_digit(body)

    def iban(self) -> str:
        bank, branch, account = self.digits(5), self.digits(5), self.digits(11)
        rib = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
        bban = f"{bank}{branch}{account}{rib:02d}"
        number = "FR" + iban.calc_check_digits("FR00" + bban) + bban
        iban.validate(number)
        return " ".join(number[i : i + 4] for i in range(0, len(number), 4))

    def when(self) -> date:
        return date(2026, 1, 1) + timedelta(days=self.rng.randint(0, 330))


def mail_slug(first: str, last: str) -> str:
    """'helene.le-gall': mail systems strip accents, spaces and apostrophes from the local part."""
    folded = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9.]+", "-", folded)


def fr_long(d: date) -> str:
    """'12 mars 1954', the long form letters use."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def spaced_nir(nir: str, key: bool = True) -> str:
    """'1 54 03 75 123 456 78'; without the key when ``key`` is False (13 digits, a common mistype)."""
    parts = [nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13]] + ([nir[13:]] if key else [])
    return " ".join(parts)


def civ(p: Person) -> str:
    return "M." if p.sex == 1 else "Mme"


def lab_rows(w: World) -> list[tuple[str, str, str]]:
    analytes = [("Hémoglobine", "g/dL", 9.0, 16.0), ("Créatinine", "µmol/L", 50, 300), ("ASAT", "UI/L", 10, 250),
                ("ALAT", "UI/L", 10, 300), ("CRP", "mg/L", 1, 200), ("HbA1c", "%", 5.0, 11.0),
                ("Troponine Ic", "ng/L", 2, 900), ("Potassium", "mmol/L", 3.0, 6.2)]  # fmt: skip
    return [(name, f"{w.rng.uniform(lo, hi):.1f}", unit) for name, unit, lo, hi in w.rng.sample(analytes, 4)]


def ids(*names: str) -> frozenset[str]:
    return frozenset(names)


# --- templates: each returns one Sample; names carry no identifier -------------------------------------------------


def t_eml_doctors(w: World, i: int) -> Sample:
    p, (d1, m1, _), (d2, m2, _) = w.person(), w.doctor(), w.doctor()
    msg = EmailMessage()
    msg["From"], msg["To"] = f"{d1} <{m1}>", f"{d2} <{m2}>"
    msg["Subject"] = f"Avis néphro pour {civ(p)} {p.last}"
    msg.set_content(f"Cher confrère,\n\nJe te sollicite pour {civ(p)} {p.first} {p.last}, née le "
                    f"{p.birth:%d/%m/%Y}, hospitalisé(e) en médecine interne pour insuffisance rénale aiguë "
                    f"sur déshydratation. Créatinine en hausse malgré réhydratation. Tu trouveras les derniers "
                    f"résultats en pièce jointe.\n\nBien à toi,\n{d1}\n")  # fmt: skip
    buf = io.StringIO()
    wr = csv.writer(buf, delimiter=";")
    wr.writerow(["IPP", "Nom", "Prénom", "Date prélèvement", "Analyse", "Résultat", "Unité"])
    for name, value, unit in lab_rows(w):
        wr.writerow([p.ipp, p.last.upper(), p.first, f"{w.when():%d/%m/%Y}", name, value, unit])
    msg.add_attachment(buf.getvalue().encode("utf-8"), maintype="text", subtype="csv", filename="resultats.csv")
    return Sample(f"mails/avis_nephro_{i}.eml", bytes(msg), Label(True, True,
                  ids("EMAIL", "PERSON_NAME", "BIRTH_DATE", "IPP")), "eml_doctors")  # fmt: skip


def t_eml_logistics(w: World, i: int) -> Sample:
    (d1, m1, _), (d2, m2, _) = w.doctor(), w.doctor()
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = f"{d1} <{m1}>", f"{d2} <{m2}>", "Planning des gardes de janvier"
    msg.set_content(f"Bonjour,\n\nJe te propose d'échanger ma garde du {w.when():%d/%m} contre la tienne du "
                    f"{w.when():%d/%m}. Dis-moi si ça te va, je préviens le secrétariat.\n\n{d1}\n")  # fmt: skip
    return Sample(f"mails/gardes_{i}.eml", bytes(msg), Label(False, True, ids("EMAIL", "PERSON_NAME")), "eml_logistics")


def t_resident_notes(w: World, i: int) -> Sample:
    lines = [f"# Garde du {w.when():%d/%m}", "", "## À voir demain"]
    todo = ["bilan hépatique", "contrôle kaliémie", "rappeler la famille", "ECG de contrôle", "avis cardio",
            "relais PO de l'amox", "scanner TAP demandé", "glycémies capillaires x4"]  # fmt: skip
    for _ in range(4):
        p = w.person()
        lines.append(
            f"- lit {w.rng.randint(1, 30)} {civ(p)} {p.last} : {w.rng.choice(todo)}, "
            f"{w.rng.choice(['sepsis urinaire', 'décompensation cardiaque', 'PNP droite', 'AVC ischémique'])}"
        )
    lines += ["", "Penser à passer à la pharmacie pour le Tazo."]
    suffix = w.rng.choice(("md", "txt"))
    return Sample(
        f"perso/interne/notes_garde_{i}.{suffix}",
        "\n".join(lines).encode(),
        Label(True, True, ids("PERSON_NAME")),
        "resident_notes",
    )


def t_calendar(w: World, i: int) -> Sample:
    events = []
    for k in range(5):
        p, day = w.person(), w.when()
        events.append(
            "\r\n".join(
                [
                    "BEGIN:VEVENT",
                    f"UID:{i}-{k}@consult.chu-lanterne.fr",
                    f"DTSTART:{day:%Y%m%d}T{9 + k:02d}0000",
                    f"DTEND:{day:%Y%m%d}T{9 + k:02d}3000",
                    f"SUMMARY:Consult. diabéto - {civ(p)} {p.last.upper()} {p.first}",
                    f"DESCRIPTION:Suivi diabète type 2\\, HbA1c à contrôler. Tél {p.phone}",
                    "END:VEVENT",
                ]
            )
        )
    body = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Outlook//FR", *events, "END:VCALENDAR"]) + "\r\n"
    return Sample(
        f"secretariat/agenda_diabeto_{i}.ics",
        body.encode(),
        Label(True, True, ids("PERSON_NAME", "PHONE")),
        "calendar_ics",
    )


def t_transport(w: World, i: int) -> Sample:
    p, (doc, _, rpps) = w.person(60), w.doctor()
    text = (f"PRESCRIPTION MÉDICALE DE TRANSPORT\n\nAssuré : {p.last.upper()} {p.first}\n"
            f"N° d'immatriculation : {spaced_nir(p.nir)}\nDate de naissance : {p.birth:%d/%m/%Y}\n"
            f"Adresse : {p.address}\n\nTransport : ambulance, position allongée obligatoire\n"
            f"Motif : séances de chimiothérapie (en rapport avec une ALD)\nDu {w.when():%d/%m/%Y} au "
            f"{w.when():%d/%m/%Y}, aller-retour domicile - hôpital de jour oncologie\n\n"
            f"Prescripteur : {doc}, RPPS {rpps}\n")  # fmt: skip
    return Sample(f"cadres/transports/bon_transport_{i}.txt", text.encode(), Label(True, True,
                  ids("NIR", "PERSON_NAME", "BIRTH_DATE", "RPPS")), "transport_order")  # fmt: skip


def t_death_certificate(w: World, i: int) -> Sample:
    p, (doc, _, rpps) = w.person(65), w.doctor()
    text = (f"Brouillon certificat de décès — à recopier sur CERFA\n\nDéfunt(e) : {p.first} {p.last}\n"
            f"Né(e) le {fr_long(p.birth)}\nN° sécurité sociale : {spaced_nir(p.nir, key=False)}\n"
            f"Décédé(e) le {fr_long(w.when())} à 03h40, service de réanimation\n\n"
            f"Partie I : a) choc septique b) pneumopathie d'inhalation c) maladie de Parkinson évoluée\n"
            f"Obstacle médico-légal : non. Prélèvements d'organes : non.\n\n{doc} ({rpps})\n")  # fmt: skip
    return Sample(f"rea/certificats/brouillon_deces_{i}.txt", text.encode(), Label(True, True,
                  ids("NIR", "PERSON_NAME", "BIRTH_DATE", "RPPS")), "death_certificate")  # fmt: skip


def t_psychiatry(w: World, i: int) -> Sample:
    p = w.person()
    text = (f"Entretien psy {w.when():%d/%m} - {p.first} {p.last.upper()} (IPP {p.ipp})\n\n"
            f"Pt revu ce jour, humeur tjrs basse, idées suicidaires passives sans scénario. Dort mal, "
            f"ruminations autour du divorce. Pas d'ATCD de TS. Alcool : 4 verres/j en diminution.\n"
            f"Ttt : sertraline 50 mg 1-0-0, hydroxyzine 25 mg si angoisse. Poursuite SI, réévaluation HDT non "
            f"nécessaire. Entretien famille prévu avec sa soeur.\n")  # fmt: skip
    return Sample(
        f"psy/notes/entretien_{i}.txt",
        text.encode("cp1252"),
        Label(True, True, ids("PERSON_NAME", "IPP")),
        "psychiatry_note",
    )


def t_growth_chart(w: World, i: int) -> Sample:
    child = w.person(0, 1)
    mother, father = w.person(25, 40), w.person(25, 45)
    buf = io.StringIO()
    wr = csv.writer(buf, delimiter=";")
    wr.writerow(["Enfant", "Date de naissance", "Mère", "Père", "Âge (mois)", "Poids (kg)", "Taille (cm)",
                 "PC (cm)", "Percentile poids"])  # fmt: skip
    for months in (0, 1, 2, 4, 6, 9, 12):
        wr.writerow([f"{child.first} {child.last}", f"{child.birth:%d/%m/%Y}", f"{mother.first} {mother.last}",
                     f"{father.first} {father.last}", months, f"{3.3 + 0.6 * months:.1f}", f"{50 + 2.1 * months:.1f}",
                     f"{35 + 0.9 * months:.1f}", w.rng.choice(("P3", "P10", "P25", "P50"))])  # fmt: skip
    return Sample(
        f"pediatrie/courbes/croissance_{i}.csv",
        buf.getvalue().encode("utf-8-sig"),
        Label(True, True, ids("PERSON_NAME", "BIRTH_DATE")),
        "growth_chart",
    )


def t_rmm(w: World, i: int) -> Sample:
    age = w.rng.randint(40, 90)
    text = (f"RMM — Revue de morbi-mortalité, service de chirurgie digestive — séance du {w.when():%d/%m/%Y}\n\n"
            f"Cas n°{i}\n• Patient de {age} ans, ATCD : HTA, FA sous AVK\n• Colectomie gauche programmée, "
            f"fistule anastomotique à J5\n• Reprise tardive J8, décès J12 d'un choc septique\n\nAnalyse ALARM : "
            f"défaut de transmission de la feuille de surveillance, CRP non tracée\nActions : check-list de "
            f"sortie de SSPI, protocole de surveillance post-op révisé\n\nContact : secrétariat chirurgie "
            f"02 40 08 {w.digits(2)} {w.digits(2)}\n")  # fmt: skip
    return Sample(f"qualite/rmm/rmm_seance_{i}.txt", text.encode(), Label(False, False, ids("PHONE")), "rmm_anonymised")


def t_incident(w: World, i: int) -> Sample:
    p, nurse = w.person(70), w.fake.name()
    text = (f"FICHE DE DÉCLARATION D'ÉVÉNEMENT INDÉSIRABLE\n\nDate : {w.when():%d/%m/%Y}  Service : gériatrie\n"
            f"Déclarant : {nurse}, IDE\nPatient concerné : {civ(p)} {p.last} {p.first}, IPP {p.ipp}\n\n"
            f"Description : chute de sa hauteur en se levant seul la nuit, patient sous anticoagulant "
            f"(apixaban 5 mg x2/j). Hématome frontal, TDM cérébral demandé : pas de saignement.\n"
            f"Gravité : 2/5. Mesures immédiates : surveillance neuro /2h.\n")  # fmt: skip
    return Sample(
        f"qualite/fei/fei_{i}.txt", text.encode(), Label(True, True, ids("PERSON_NAME", "IPP")), "incident_report"
    )


def t_dicom(w: World, i: int) -> Sample:
    import pydicom
    from pydicom.dataset import FileDataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian, generate_uid

    p = w.person()
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset("x.dcm", {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
    ds.PatientName = f"{p.last.upper()}^{p.first}"
    ds.PatientID, ds.PatientBirthDate, ds.PatientSex = p.ipp, f"{p.birth:%Y%m%d}", "M" if p.sex == 1 else "F"
    ds.Modality, ds.StudyDescription = "CT", "TDM THORAX INJ"
    ds.StudyDate = f"{w.when():%Y%m%d}"
    ds.Rows = ds.Columns = 8
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.PixelData = bytes(128)
    buf = io.BytesIO()
    pydicom.dcmwrite(buf, ds, enforce_file_format=True)
    return Sample(f"imagerie/export/IMG{i:04d}", buf.getvalue(), Label(True, True,
                  ids("PERSON_NAME", "IPP", "BIRTH_DATE"), expect_format="dicom"), "dicom")  # fmt: skip


def t_hl7_oru(w: World, i: int) -> Sample:
    p = w.person()
    obx = [f"OBX|{k + 1}|NM|{k + 1000}^{name}^L||{value}|{unit}|||||F"
           for k, (name, value, unit) in enumerate(lab_rows(w))]  # fmt: skip
    segs = [f"MSH|^~\\&|LABO|CHU|DPI|CHU|{w.when():%Y%m%d}0830||ORU^R01^ORU_R01|MSG{i:05d}|P|2.5|||||FRA|8859/1",
            f"PID|1||{p.ipp}^^^CHU^PI~{p.nir}^^^ASIP-SANTE-INS-NIR&{INS_OID}&ISO^INS||{p.last.upper()}^{p.first}^^^^^L||"
            f"{p.birth:%Y%m%d}|{'M' if p.sex == 1 else 'F'}{'|' * 10}{p.nda}^^^CHU^AN{'|' * 14}VALI",
            f"OBR|1||{w.digits(8)}|BIO^Bilan standard^L|||{w.when():%Y%m%d}0700", *obx]  # fmt: skip
    return Sample(f"interfaces/hl7/in/ORU_{i:05d}.hl7", ("\r".join(segs) + "\r").encode("latin-1"),
                  Label(True, True, ids("INS", "IPP", "NDA", "PERSON_NAME", "BIRTH_DATE"), ignore=ids("NIR"),
                        expect_format="hl7"), "hl7_oru")  # fmt: skip


def t_fhir_bundle(w: World, i: int) -> Sample:
    p = w.person()
    patient = {"resourceType": "Patient", "id": "p1",
               "identifier": [{"system": f"urn:oid:{INS_OID}", "value": p.nir},
                              {"type": {"coding": [{"system": V2_0203, "code": "PI"}]},
                               "system": "urn:oid:1.2.250.1.999.1", "value": p.ipp}],
               "name": [{"family": p.last, "given": [p.first]}], "birthDate": f"{p.birth:%Y-%m-%d}"}  # fmt: skip
    obs = [{"resourceType": "Observation", "id": f"o{k}", "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "code": "2160-0", "display": name}]},
            "subject": {"reference": "Patient/p1"}, "valueQuantity": {"value": float(value), "unit": unit}}
           for k, (name, value, unit) in enumerate(lab_rows(w))]  # fmt: skip
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"fullUrl": f"urn:uuid:{k}", "resource": r} for k, r in enumerate([patient, *obs])],
    }
    return Sample(f"interfaces/fhir/bundle_{i}.json", json.dumps(bundle, ensure_ascii=False, indent=1).encode(),
                  Label(True, True, ids("INS", "IPP", "PERSON_NAME", "BIRTH_DATE"), ignore=ids("NIR"),
                        expect_format="fhir"), "fhir_bundle")  # fmt: skip


def t_cda(w: World, i: int) -> Sample:
    p, (doc, _, rpps) = w.person(), w.doctor()
    first, last = doc.removeprefix("Dr ").split(" ", 1)
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3">
 <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
 <code code="11490-0" codeSystem="2.16.840.1.113883.6.1" displayName="Lettre de liaison"/>
 <title>Lettre de liaison à la sortie</title>
 <recordTarget><patientRole>
  <id root="{INS_OID}" extension="{p.nir}"/>
  <patient><name><given>{p.first}</given><family>{p.last}</family></name>
   <administrativeGenderCode code="{"M" if p.sex == 1 else "F"}"/><birthTime value="{p.birth:%Y%m%d}"/></patient>
 </patientRole></recordTarget>
 <author><assignedAuthor><id root="{RPPS_OID}" extension="8{rpps}"/>
  <assignedPerson><name><given>{first}</given><family>{last}</family></name></assignedPerson></assignedAuthor></author>
 <component><nonXMLBody><text>Motif d'hospitalisation : douleur thoracique. Diagnostic retenu : syndrome coronarien
 aigu ST-, angioplastie IVA avec stent actif. Traitement de sortie : aspirine 75 mg, ticagrelor 90 mg x2/j,
 atorvastatine 80 mg.</text></nonXMLBody></component>
</ClinicalDocument>
"""
    return Sample(f"dmp/envoi/CR_{i}.xml", xml.encode(), Label(True, True,
                  ids("INS", "PERSON_NAME", "BIRTH_DATE", "RPPS"), ignore=ids("NIR"), expect_format="cda"),
                  "cda")  # fmt: skip


def t_scanned_pdf(w: World, i: int) -> Sample:
    from fpdf import FPDF
    from PIL import Image

    img = Image.new("L", (400, 560), 255)
    for _ in range(300):  # speckle, like a scan of a typed page
        img.putpixel((w.rng.randrange(400), w.rng.randrange(560)), 0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(img, x=0, y=0, w=210)
    return Sample(
        f"scans/numerisation_{i:04d}.pdf",
        bytes(pdf.output()),
        Label(None, False, frozenset(), expect_format="pdf", expect_error="no_text_layer"),
        "scanned_pdf",
    )


def t_zip_labs(w: World, i: int) -> Sample:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for k in range(3):
            p = w.person()
            body = "\n".join(["LABORATOIRE DE BIOLOGIE — Compte rendu", f"Patient : {p.last.upper()} {p.first}",
                              f"Né(e) le : {p.birth:%d/%m/%Y}   IPP : {p.ipp}", "",
                              *(f"{n:<15} {v:>8} {u}" for n, v, u in lab_rows(w))])  # fmt: skip
            z.writestr(f"resultat_{k}.txt", body)
    return Sample(f"labo/archives/resultats_lot_{i}.zip", buf.getvalue(), Label(True, True,
                  ids("PERSON_NAME", "BIRTH_DATE", "IPP"), expect_format="zip"), "zip_labs")  # fmt: skip


def t_vaccination_staff(w: World, i: int) -> Sample:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Matricule", "Nom", "Prénom", "Service", "Hépatite B", "Anti-HBs (UI/L)", "Grippe 2026", "Covid"])
    for _ in range(8):
        p = w.person(22, 60)
        ws.append([w.digits(6), p.last.upper(), p.first, w.rng.choice(("Urgences", "Réa", "Bloc", "Pédiatrie")),
                   w.rng.choice(("3 doses", "non vacciné", "2 doses")), w.rng.randint(0, 900),
                   w.rng.choice(("oui", "non", "contre-indication")), w.rng.choice(("à jour", "non"))])  # fmt: skip
    buf = io.BytesIO()
    wb.save(buf)
    return Sample(
        f"sante_travail/statut_vaccinal_{i}.xlsx",
        buf.getvalue(),
        Label(True, True, ids("PERSON_NAME")),
        "staff_vaccination",
    )


def t_english_discharge(w: World, i: int) -> Sample:
    p = w.person()
    text = (f"UNIVERSITY HOSPITAL OF GENEVA — DISCHARGE SUMMARY\n\nPatient: {p.first} {p.last} (French national)\n"
            f"Date of birth: {p.birth:%B %d, %Y}\nFrench social security number: {p.nir}\n\n"
            f"Reason for admission: road traffic accident, closed fracture of the left femur.\n"
            f"Procedure: intramedullary nailing on {w.when():%B %d}.\nDischarge medication: enoxaparin 4000 IU "
            f"once daily for 35 days, paracetamol 1 g q6h.\n"
            f"Follow-up: orthopaedic review in France in 6 weeks.\n")  # fmt: skip
    return Sample(f"courrier/etranger/discharge_summary_{i}.txt", text.encode(), Label(True, True,
                  ids("PERSON_NAME", "BIRTH_DATE", "NIR")), "english_discharge")  # fmt: skip


def t_caps_typos(w: World, i: int) -> Sample:
    p = w.person()
    text = (f"COMPTE RENDU DE CONSULTATIN\n\nPATIENT : {civ(p).upper()} {p.last.upper()} {p.first.upper()}\n"
            f"NE(E) LE {fr_long(p.birth).upper()}\nN° SECU {spaced_nir(p.nir, key=False)}\n\n"
            f"ANTECEDANTS : DIABETE TYPE 2, HTA, CARDIOPATHIE ISCHEMIQUE\nEXAMEN : TA 150/90, AUSCULATION "
            f"NORMALE\nCONCLUSOIN : DESEQUILIBRE GLYCEMIQUE, HBA1C A 9,2 %. "
            f"MAJORATION METFORMINE 1000 MG X2/J.\n")  # fmt: skip
    return Sample(f"consultations/CR_CONSULT_{i}.TXT", text.encode(), Label(True, True,
                  ids("PERSON_NAME", "BIRTH_DATE", "NIR")), "caps_typos")  # fmt: skip


def t_payroll(w: World, i: int) -> Sample:
    buf = io.StringIO()
    wr = csv.writer(buf, delimiter=";")
    wr.writerow(["Nom", "Prénom", "Né(e) le", "N° SS", "IBAN", "Salaire brut", "Grade"])
    for _ in range(6):
        p = w.person(22, 62)
        wr.writerow([p.last, p.first, f"{p.birth:%d/%m/%Y}", p.nir[:13], w.iban(), w.rng.randint(1900, 5200),
                     w.rng.choice(("IDE", "AS", "ASH", "Cadre de santé"))])  # fmt: skip
    return Sample(f"drh/paie/virements_{i}.csv", buf.getvalue().encode(), Label(False, True,
                  ids("PERSON_NAME", "BIRTH_DATE", "NIR", "IBAN")), "payroll")  # fmt: skip


def t_protocol(w: World, i: int) -> Sample:
    text = (f"PROTOCOLE — Prise en charge de l'hypoglycémie chez le patient diabétique hospitalisé\nVersion {i}.2, "
            f"validé en CME\n\nSi glycémie < 0,70 g/L : 15 g de glucose per os, contrôle à 15 min.\nPatient "
            f"inconscient : glucagon 1 mg IM ou G30 % 50 mL IV.\nRéévaluer le traitement (insuline, sulfamides).\n\n"
            f"Établissement FINESS {w.finess()} — Pharmacie : 02 40 08 {w.digits(2)} {w.digits(2)}\n")  # fmt: skip
    return Sample(
        f"protocoles/hypoglycemie_v{i}.txt", text.encode(), Label(False, False, ids("FINESS", "PHONE")), "protocol"
    )


def t_teaching_case(w: World, i: int) -> Sample:
    age = w.rng.randint(30, 80)
    text = (f"Cas clinique n°{i} (DES médecine interne)\n\nMme X., {age} ans, consulte pour asthénie et "
            f"arthralgies. ATCD : thyroïdite. Bilan : VS 60 mm, AAN 1/1280 moucheté, anti-ADN positifs.\n"
            f"Question 1 : quel diagnostic évoquez-vous ?\nQuestion 2 : quels examens complémentaires ?\n")  # fmt: skip
    return Sample(f"enseignement/cas_clinique_{i}.md", text.encode(), Label(False, False, frozenset()), "teaching_case")


def t_blank_form(w: World, i: int) -> Sample:
    text = ("DEMANDE D'EXAMEN DE BIOLOGIE\n\nNom : ____________  Prénom : ____________\nDate de naissance : "
            "__/__/____\nN° de sécurité sociale : _ __ __ __ ___ ___ __\nIPP : __________\n\n[ ] NFS [ ] Iono "
            "[ ] CRP [ ] Bilan hépatique\nPrescripteur : ____________  RPPS : ___________\n")  # fmt: skip
    return Sample(
        f"formulaires/vierge/demande_bio_{i}.txt", text.encode(), Label(False, False, frozenset()), "blank_form"
    )


def t_stats(w: World, i: int) -> Sample:
    buf = io.StringIO()
    wr = csv.writer(buf, delimiter=";")
    wr.writerow(["Service", "Code CIM-10 DP", "Libellé", "Séjours 2025", "DMS (j)", "Décès"])
    for svc in ("Cardiologie", "Pneumologie", "Gériatrie", "Neurologie"):
        for code, lib in (("I21.4", "Infarctus sans sus-décalage"), ("J44.1", "BPCO exacerbée"),
                          ("I63.9", "Infarctus cérébral"), ("E11.9", "Diabète type 2")):  # fmt: skip
            wr.writerow([svc, code, lib, w.rng.randint(5, 400), f"{w.rng.uniform(2, 15):.1f}", w.rng.randint(0, 20)])
    return Sample(
        f"dim/stats/activite_{i}.csv", buf.getvalue().encode(), Label(False, False, frozenset()), "anonymised_stats"
    )


def t_supplier_invoice(w: World, i: int) -> Sample:
    text = (f"FACTURE N° F2026-{w.digits(5)}\nMediSupply SAS — SIRET 552 081 317 {w.digits(5)}\n"
            f"Client : Centre hospitalier, FINESS {w.finess()}\n\n200 x sondes urinaires CH14  412,00 €\n"
            f"50 x kits de pose VVP  180,50 €\n\nRèglement par virement : IBAN {w.iban()}\n")  # fmt: skip
    return Sample(
        f"economat/factures/facture_{i}.txt",
        text.encode(),
        Label(False, False, ids("IBAN", "FINESS")),
        "supplier_invoice",
    )


def t_newsletter(w: World, i: int) -> Sample:
    author, _, _ = w.doctor()
    text = (
        f"La Lettre de la pharmacie n°{i}\n\nÉditorial par {author}, pharmacien\n\nRappel : la metformine est "
        "contre-indiquée si DFG < 30 mL/min. Surveiller la kaliémie sous IEC + spironolactone. Hypoglycémies "
        "sévères sous sulfamides chez le sujet âgé insuffisant rénal : préférer les iDPP4.\n"
    )
    return Sample(f"pharmacie/lettre_info_{i}.txt", text.encode(), Label(False, True, ids("PERSON_NAME")),
                  "newsletter_author")  # fmt: skip


def t_staff_directory(w: World, i: int) -> Sample:
    buf = io.StringIO()
    wr = csv.writer(buf, delimiter=";")
    wr.writerow(["Nom", "Fonction", "Poste", "Portable"])
    for _ in range(6):
        p = w.person(25, 60)
        role = w.rng.choice(("Cardiologue", "IDE", "Cadre de santé", "Interne", "Secrétaire médicale"))
        wr.writerow([f"{p.first} {p.last}", role, w.digits(4), p.phone])
    return Sample(f"cardio/annuaire_service_{i}.csv", buf.getvalue().encode(), Label(False, True,
                  ids("PERSON_NAME", "PHONE")), "staff_directory")  # fmt: skip


TEMPLATES: tuple[Callable[[World, int], Sample], ...] = (
    t_eml_doctors, t_eml_logistics, t_resident_notes, t_calendar, t_transport, t_death_certificate, t_psychiatry,
    t_growth_chart, t_rmm, t_incident, t_dicom, t_hl7_oru, t_fhir_bundle, t_cda, t_scanned_pdf, t_zip_labs,
    t_vaccination_staff, t_english_discharge, t_caps_typos, t_payroll, t_protocol, t_teaching_case, t_blank_form,
    t_stats, t_supplier_invoice, t_newsletter, t_staff_directory,
)  # fmt: skip


def generate(seed: int, per_template: int = 6) -> list[Sample]:
    w = World(seed)
    return [t(w, i) for i in range(per_template) for t in TEMPLATES]


# --- scoring ----------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Outcome:
    sample: Sample
    health: bool
    personal: bool
    ids: frozenset[str]
    format: str
    errors: tuple[str, ...]

    def problems(self) -> list[str]:
        """Label-level disagreements, as 'label: expected→got' (names only, never values)."""
        lab, out = self.sample.label, []
        if lab.health is not None and lab.health != self.health:
            out.append(f"health {lab.health}→{self.health}")
        if lab.health is not None and lab.personal != self.personal:
            out.append(f"personal {lab.personal}→{self.personal}")
        missed = sorted(lab.ids - self.ids - lab.ignore)
        extra = sorted(self.ids - lab.ids - lab.ignore)
        if missed:
            out.append("missed " + ",".join(missed))
        if extra:
            out.append("extra " + ",".join(extra))
        if lab.expect_format and lab.expect_format != self.format:
            out.append(f"format {lab.expect_format}→{self.format}")
        if lab.expect_error and lab.expect_error not in self.errors:
            out.append(f"error {lab.expect_error} missing (got {','.join(self.errors) or 'none'})")
        return out


@dataclass(slots=True)
class Report:
    seed: int
    outcomes: list[Outcome]
    confusions: dict[str, Confusion] = field(default_factory=dict)


def run(seed: int) -> Report:
    from lanterne.classify import Classifier
    from lanterne.settings import ClassifierSettings

    classifier = Classifier(ClassifierSettings(), b"k" * 32)
    samples = generate(seed)
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="holdout2-") as tmp:
        root = Path(tmp)
        for s in samples:
            path = root / s.rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(s.data)
        for n, s in enumerate(samples):
            v = classifier.classify(file_event(root, s.rel, n, "holdout2"))
            found = frozenset(k for k, c in v.identifiers.items() if c)
            codes = tuple(e.code for e in v.errors)
            outcomes.append(Outcome(s, v.health_data, v.personal_data, found, v.format, codes))
    report = Report(seed, outcomes)
    conf: dict[str, Confusion] = defaultdict(Confusion)
    for o in outcomes:
        lab = o.sample.label
        if lab.health is None:  # not decidable from content: kept out of every label score
            continue
        conf["health_data"].add(lab.health, o.health)
        conf["personal_data"].add(lab.personal, o.personal)
        for t in ID_TYPES:
            if t not in lab.ignore:
                conf[t].add(t in lab.ids, t in o.ids)
    report.confusions = dict(conf)
    return report


def table(rows: list[list[str]], head: list[str]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return "\n".join([*lines, *("| " + " | ".join(r) + " |" for r in rows)])


def render(report: Report) -> str:
    order = ["health_data", "personal_data", *ID_TYPES]
    rows = [report.confusions[k].row(k) for k in order if k in report.confusions]
    per_style: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in report.outcomes:
        per_style[o.sample.style][0] += 1
        per_style[o.sample.style][1] += not o.problems()
    style_rows = [[s, str(n), str(ok)] for s, (n, ok) in per_style.items()]
    bad = [o for o in report.outcomes if o.problems()]
    mis = [f"- `{o.sample.rel}` ({o.format}): {'; '.join(o.problems())}" for o in bad]
    return "\n\n".join([
        f"Seed {report.seed}: {len(report.outcomes)} files, {len(bad)} with at least one disagreement.",
        table(rows, ["label", "expected", "TP", "FP", "FN", "precision %", "recall %"]),
        table(style_rows, ["style", "files", "fully right"]),
        "Disagreements (expected→got):\n\n" + ("\n".join(mis) or "none"),
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, action="append", help="repeatable; default 1 2 3")
    parser.add_argument("--markdown", action="store_true", help="write section 'holdout2' of bench/RESULTS.md")
    args = parser.parse_args(argv)
    seeds = args.seed or [1, 2, 3]
    flags = " ".join(f"--seed {s}" for s in seeds)
    parts = [f"## holdout2 (blind second holdout)\n\n`python bench/holdout2.py {flags} "
             "--markdown`. Written without reading the classifier or the earlier corpora; fictional files in "
             "styles the tuned corpora may lack. Scanned PDF excluded from label scores (checked for format + "
             "`no_text_layer` only); INS-carrying files do not score NIR."]  # fmt: skip
    for seed in seeds:
        parts.append(f"### seed {seed}\n\n" + render(run(seed)))
    text = "\n\n".join(parts)
    sys.stdout.write(text + "\n")
    if args.markdown:
        write_section("holdout2", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Clinical content for fictional letters and results: diagnoses (CIM-10), treatments with doses, lab analytes.

Small hand-made banks rather than a library: no package ships French clinical vocabulary with CIM-10 codes, and
the point is realism of shape (codes, units, doses), not medical completeness. Nothing here identifies anyone.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Analyte:
    code: str  # site code used in exports
    label: str
    unit: str
    loinc: str
    low: float
    high: float
    digits: int = 1

    def value(self, rng: random.Random) -> str:
        """A plausible result: mostly in range, sometimes low or high, never negative."""
        span = self.high - self.low
        return f"{max(0.0, rng.uniform(self.low - 0.2 * span, self.high + 0.4 * span)):.{self.digits}f}"

    def flag(self, value: str) -> str:
        """The abnormality flag of HL7 OBX-8 and HPRIM: L, H or N."""
        number = float(value)
        return "L" if number < self.low else "H" if number > self.high else "N"


ANALYTES = (
    Analyte("HBA1C", "HbA1c", "%", "4548-4", 4.0, 6.0),
    Analyte("CREA", "Créatinine", "µmol/L", "14682-9", 60, 110, 0),
    Analyte("TROPO", "Troponine I HS", "ng/L", "10839-9", 2, 40, 0),
    Analyte("HB", "Hémoglobine", "g/dL", "718-7", 12, 17),
    Analyte("K", "Potassium", "mmol/L", "2823-3", 3.5, 5.0),
    Analyte("NA", "Sodium", "mmol/L", "2951-2", 136, 145, 0),
    Analyte("CRP", "CRP", "mg/L", "1988-5", 0, 5),
    Analyte("BNP", "NT-proBNP", "pg/mL", "33762-6", 20, 300, 0),
    Analyte("GLY", "Glycémie à jeun", "mmol/L", "2345-7", 3.9, 6.1, 2),
)


@dataclass(frozen=True, slots=True)
class Case:
    """One clinical picture: the service that sees it, diagnoses, treatments, history, relevant analytes."""

    service: str
    motif: str
    diagnoses: tuple[tuple[str, str], ...]  # (CIM-10 code, label)
    treatments: tuple[str, ...]
    history: tuple[str, ...]
    analytes: tuple[str, ...]
    exam: str
    ccam: tuple[str, ...] = ()


CASES = (
    Case(
        "Cardiologie",
        "douleur thoracique constrictive évoluant depuis 2 heures",
        (("I21.4", "Infarctus du myocarde sans sus-décalage du segment ST"), ("I10", "Hypertension artérielle")),
        (
            "Aspirine 75 mg 1/j",
            "Ticagrelor 90 mg x2/j",
            "Bisoprolol 2,5 mg 1/j",
            "Atorvastatine 80 mg le soir",
            "Ramipril 5 mg 1/j",
        ),
        ("Tabagisme actif à 30 PA", "Dyslipidémie"),
        ("TROPO", "CREA", "K", "HB"),
        "Coronarographie : sténose serrée de l'IVA proximale traitée par angioplastie avec pose d'un stent actif.",
        ("DDAF008",),
    ),
    Case(
        "Cardiologie",
        "dyspnée d'effort NYHA III et oedèmes des membres inférieurs",
        (("I50.1", "Insuffisance ventriculaire gauche"), ("I48.9", "Fibrillation auriculaire")),
        (
            "Furosémide 40 mg le matin",
            "Apixaban 5 mg x2/j",
            "Bisoprolol 5 mg 1/j",
            "Sacubitril/valsartan 49/51 mg x2/j",
        ),
        ("Cardiopathie ischémique", "Insuffisance rénale chronique stade 3"),
        ("BNP", "CREA", "K", "NA"),
        "Échocardiographie : FEVG estimée à 35 %, dilatation de l'oreillette gauche.",
        ("DZQM006",),
    ),
    Case(
        "Endocrinologie",
        "déséquilibre glycémique d'un diabète connu",
        (("E11.9", "Diabète sucré de type 2 sans complication"), ("E66.0", "Obésité due à un excès calorique")),
        ("Metformine 1000 mg x2/j", "Insuline glargine 24 UI/j", "Dulaglutide 1,5 mg 1/semaine"),
        ("Diabète de type 2 depuis 2009", "Rétinopathie diabétique non proliférante"),
        ("HBA1C", "GLY", "CREA"),
        "Éducation thérapeutique réalisée, adaptation des doses d'insuline selon le protocole du service.",
    ),
    Case(
        "Pneumologie",
        "exacerbation de dyspnée avec expectoration purulente",
        (
            ("J44.1", "Bronchopneumopathie chronique obstructive avec épisode aigu"),
            ("J18.9", "Pneumopathie, sans précision"),
        ),
        (
            "Amoxicilline/acide clavulanique 1 g x3/j pendant 7 jours",
            "Prednisolone 40 mg 1/j pendant 5 jours",
            "Tiotropium 2,5 µg 2 bouffées/j",
        ),
        ("BPCO stade GOLD 3", "Ancien tabagique"),
        ("CRP", "HB", "NA"),
        "Radiographie thoracique : opacité alvéolaire basale droite.",
        ("ZBQK002",),
    ),
    Case(
        "Neurologie",
        "déficit moteur brachio-facial gauche d'installation brutale",
        (("I63.9", "Infarctus cérébral, sans précision"), ("I48.9", "Fibrillation auriculaire")),
        ("Apixaban 5 mg x2/j", "Atorvastatine 40 mg le soir", "Kinésithérapie 3 séances/semaine"),
        ("Hypertension artérielle", "Accident ischémique transitoire en 2016"),
        ("CREA", "GLY", "HB"),
        "IRM cérébrale : lésion ischémique récente du territoire sylvien droit. NIHSS à l'entrée : 6.",
        ("ACQN001",),
    ),
    Case(
        "Nephrologie",
        "dégradation de la fonction rénale",
        (("N18.4", "Maladie rénale chronique, stade 4"), ("E87.5", "Hyperkaliémie")),
        ("Patiromer 8,4 g 1/j", "Furosémide 80 mg le matin", "Époétine bêta 4000 UI/semaine"),
        ("Néphropathie diabétique", "Hypertension artérielle"),
        ("CREA", "K", "HB", "NA"),
        "Échographie rénale : reins de petite taille, dédifférenciés.",
        ("JAQM001",),
    ),
    Case(
        "Gastro-enterologie",
        "rectorragies de moyenne abondance",
        (("K57.3", "Diverticulose du côlon sans perforation ni abcès"), ("D62", "Anémie posthémorragique aiguë")),
        ("Fer injectable 1000 mg en une perfusion", "Oméprazole 20 mg 1/j"),
        ("Diverticulose connue", "Cholécystectomie en 2011"),
        ("HB", "CRP", "CREA"),
        "Coloscopie : diverticules sigmoïdiens sans saignement actif.",
        ("HHQE005",),
    ),
    Case(
        "Pediatrie",
        "fièvre et toux chez un enfant",
        (("J21.0", "Bronchiolite aiguë due au virus respiratoire syncytial"),),
        ("Désobstruction rhinopharyngée", "Paracétamol 15 mg/kg x4/j"),
        ("Né à terme", "Vaccinations à jour"),
        ("CRP", "NA"),
        "Saturation à 94 % en air ambiant, tirage intercostal modéré.",
    ),
)

SECTIONS = (
    "Motif d'hospitalisation",
    "Antécédents",
    "Histoire de la maladie",
    "Examen clinique",
    "Examens complémentaires",
    "Diagnostic retenu",
    "Traitement de sortie",
    "Conclusion",
)

SERVICES = tuple(sorted({c.service for c in CASES}))

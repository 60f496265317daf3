"""Clinical signals: the health content of a document, counted in ``FileVerdict.clinical``.

Each is weak alone (domain sheet): a CIM-10 code needs a diagnosis word or a coded field, a LOINC code its check
digit and the word LOINC. Section headings of hospital letters, drugs with a dose and lab analytes with a unit are
the usual signs of a medical document. None of them identifies anyone: they are not fingerprinted.
"""

from __future__ import annotations

from typing import ClassVar

from stdnum import luhn

from lanterne.detect.base import Pattern
from lanterne.detect.recognizer import Hit, Recognizer, word_start
from lanterne.detect.registry import register
from lanterne.extract.base import Role, StructuredField

ICD10_SYSTEMS = ("icd-10", "icd10", "cim-10", "cim10", "2.16.840.1.113883.6.3", "2.16.840.1.113883.6.90", "I10")
LOINC_SYSTEMS = ("loinc", "2.16.840.1.113883.6.1", "LN")
CCAM_SYSTEMS = ("ccam", "1.2.250.1.213.2.5")
ATC_SYSTEMS = ("atc", "2.16.840.1.113883.6.73")


class ClinicalSignal(Recognizer):
    """A clinical signal: kept as counted evidence, shown as the code itself (a code identifies nobody)."""

    clinical = True
    systems: ClassVar[tuple[str, ...]] = ()
    field_roles = frozenset({Role.CLINICAL_CODE})

    def mask(self, candidate: str) -> str:
        return " ".join(candidate.split())[:40]

    def from_field(self, item: StructuredField) -> list[Hit]:
        system = (item.system or "").lower()
        if not any(s.lower() in system for s in self.systems) or not item.value.strip():
            return []
        if self.validate(item.value.strip()) is False:
            return []
        return [Hit(self.entity, item.value.strip(), 0.9, (f"field {item.where}", f"system {item.system}"))]


@register
class Icd10Detector(ClinicalSignal):
    """CIM-10 / ICD-10 codes (``E11.9``, ``J440``) next to a diagnosis word, or in a coded field."""

    name = "icd10"
    entity = "ICD10"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern("icd10", r"[A-TV-Z](?<![\w.].)\d{2}(?:\.?\d{1,2})?\+?(?![\w]|\.\d)", 0.5),
    )
    context = ("cim", "cim-10", "cim10", "icd", "icd-10", "icd10", "diagnostic", "diagnostics", "diag", "dp", "das",
               "dr", "code", "codes", "pathologie", "affection", "ald")  # fmt: skip
    context_before = 40
    requires_context = True
    systems = ICD10_SYSTEMS


@register
class CcamDetector(ClinicalSignal):
    """CCAM acts: 4 capital letters + 3 digits (``DEQP003``)."""

    name = "ccam"
    entity = "CCAM"
    patterns: ClassVar[tuple[Pattern, ...]] = (Pattern("ccam", r"[A-Z](?<![\w].)[A-Z]{3}\d{3}(?![\w])", 0.5),)
    context = ("ccam", "acte", "actes", "code acte", "intervention", "geste", "code", "codage")
    requires_context = True
    systems = CCAM_SYSTEMS


@register
class AtcDetector(ClinicalSignal):
    """ATC drug classes (``A10BA02``): anatomical group letter, 2 digits, 2 letters, 2 digits."""

    name = "atc"
    entity = "ATC"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern("atc", r"[ABCDGHJLMNPRSV](?<![\w].)\d{2}[A-Z]{2}\d{2}(?![\w])", 0.6),
    )
    context = ("atc", "classe", "medicament", "traitement")
    systems = ATC_SYSTEMS


@register
class LoincDetector(ClinicalSignal):
    """LOINC codes (``2345-7``) with a valid mod-10 check digit, next to the word LOINC or in a coded field."""

    name = "loinc"
    entity = "LOINC"
    patterns: ClassVar[tuple[Pattern, ...]] = (Pattern("loinc", r"\d(?<![\w.,/-].)\d{0,4}+-\d(?![\w]|[.,/-]\d)", 0.5),)
    context = ("loinc",)
    requires_context = True
    systems = LOINC_SYSTEMS

    def validate(self, candidate: str) -> bool | None:
        body, _, check = candidate.strip().partition("-")
        return body.isdigit() and check.isdigit() and luhn.calc_check_digit(body) == check


# Headings of medical documents only: generic ones (conclusion, suivi, évolution, résultats) also head HR reviews.
_HEADINGS = (
    r"motif\s+(?:d['\u2019]\s*hospitalisation|de\s+(?:consultation|l['\u2019]\s*hospitalisation|venue|l['\u2019]admission))"
    r"|ant[ée]c[ée]dents(?:\s+(?:m[ée]dicaux|chirurgicaux|familiaux|personnels))?|anamn[èe]se"
    r"|histoire\s+de\s+la\s+maladie|examen\s+(?:clinique|physique)(?:\s+[àa]\s+l['\u2019]entr[ée]e)?"
    r"|examens?\s+compl[ée]mentaires|au\s+total|traitements?\s+de\s+sortie"
    r"|traitements?\s+(?:[àa]\s+l['\u2019]\s*entr[ée]e|habituels?|actuels?|en\s+cours)|allergies?|facteurs\s+de\s+risque"
    r"|diagnostics?\s+(?:retenus?|de\s+sortie|principal|associ[ée]s?)|hypoth[èe]ses?\s+diagnostiques?"
    r"|[ée]volution\s+dans\s+le\s+service|biologie|imagerie|projet\s+th[ée]rapeutique|prescriptions?\s+de\s+sortie"
    r"|compte[- ]rendu\s+(?:d['\u2019]hospitalisation|op[ée]ratoire|de\s+consultation|d['\u2019]examen|de\s+passage)"
    r"|indications?\s+op[ée]ratoires?|technique\s+op[ée]ratoire|suites\s+op[ée]ratoires|anesth[ée]sie"
)


@register
class SectionDetector(ClinicalSignal):
    """Section headings of hospital letters, at the start of a line (``ANTÉCÉDENTS :``, ``Au total``)."""

    name = "section"
    entity = "SECTION"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern("section", rf"(?im:^[ \t]*(?:\d+[.)][ \t]*)?(?:{_HEADINGS})[ \t]*(?::|$))", 0.7),
    )
    field_roles = frozenset()

    def mask(self, candidate: str) -> str:
        return " ".join(candidate.strip(" \t\r\n:").split()).lower()


# Possessive (``*+``): once a number is read, backtracking into it cannot help, and it is costly on long digit runs.
_NUMBER = r"\d(?<![\w.,].)\d*+(?:[.,]\d++)?+"
_DOSE_UNIT = r"(?:mg|µg|μg|mcg|UI|U\.I\.|mmol|cp|gél(?:ule)?s?|comprimés?|sachets?)"
_VOLUME_UNIT = r"(?:g|ml|mL|gouttes?|bouffées?|inhalations?)"
_FREQ = (
    r"(?:/[ \t]*(?:j|jour|24[ \t]?h|sem(?:aine)?|kg)|[ \t]*x[ \t]?\d[ \t]?/[ \t]?j|[ \t]\d[ \t]?fois[ \t]par[ \t]jour)"
)
_NOT_CONCENTRATION = r"(?![\w]|/[ \t]*[dmµuμ]?[lL]\b)"  # "12 mg/L" is a lab result, not a dose


@register
class DrugDoseDetector(ClinicalSignal):
    """A dose: ``1000 mg``, ``4000 UI/j``, ``2 cp x3/j``; grams and millilitres only with a frequency (``1 g/j``).

    Anchored on the number, not on the drug's name (no list of names could be complete), so the regex engine only
    tries it where a digit stands.
    """

    name = "drug"
    entity = "DRUG"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern("dose", rf"{_NUMBER}[ \t]?+{_DOSE_UNIT}{_FREQ}?{_NOT_CONCENTRATION}", 0.6),
        Pattern("dose-frequency", rf"{_NUMBER}[ \t]?+{_VOLUME_UNIT}[ \t]*+{_FREQ}(?![\w])", 0.6),
    )
    field_roles = frozenset()


_ANALYTES = (
    "hba1c", "hemoglobine glyquee", "creatinine", "creatininemie", "troponine", "glycemie", "kaliemie", "natremie",
    "crp", "tsh", "t4", "t4l", "inr", "hemoglobine", "hb", "plaquettes", "leucocytes", "dfg", "cholesterol", "ldl",
    "ldl-c", "hdl", "hdl-c", "triglycerides", "ferritine", "albumine", "bilirubine", "asat", "alat", "ggt", "gamma gt",
    "gamma-gt", "pal", "uree", "bnp", "nt-probnp", "ntprobnp", "lactates", "lactate", "procalcitonine", "pct",
    "d-dimeres", "vs", "tp", "tca", "psa", "calcemie", "phosphoremie", "sodium", "potassium", "hematocrite", "vgm",
    "neutrophiles", "lymphocytes", "microalbuminurie", "proteinurie", "clairance",
)  # fmt: skip
_LAB_UNIT = (
    r"(?i:%|mmol/l|[µμu]mol/l|g/l|mg/l|mg/dl|ng/l|ng/ml|pg/ml|mui/l|ui/l|[µμu]ui/ml|g/dl|giga/l|g/mm3|/mm3|t/l"
    r"|ml/min(?:/1[.,]73\s?m2)?|sec|s)(?![\w])"
)


@register
class LabResultDetector(ClinicalSignal):
    """A lab value with its unit, after an analyte's name (``HbA1c 7,2 %``, ``créatinine : 88 µmol/L``).

    Anchored on the number; the analyte is a context word in the few characters before it.
    """

    name = "lab"
    entity = "LAB"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern("lab-value", rf"{_NUMBER}[ \t]*+{_LAB_UNIT}", 0.7),
        # A table row: "ANALYSE: Créatinine | RESULTAT: 63 | UNITE: µmol/L".
        Pattern("lab-cells", rf"{_NUMBER}[ \t]*+\|[ \t]*+[^:|\n]{{1,30}}+:[ \t]*+{_LAB_UNIT}", 0.7),
    )
    context = _ANALYTES
    context_before = 30
    context_crosses_cells = True  # in a table the analyte is the previous cell
    context_after = 0
    requires_context = True
    field_roles = frozenset()


_CONDITIONS = (
    r"diab[èe]te", r"diab[ée]tiques?", r"hypertension\s+art[ée]rielle", "hta", r"insuffisance\s+(?:cardiaque|r[ée]nale"
    r"|respiratoire|h[ée]patique|coronaire|veineuse)", "infarctus", "avc", r"accident\s+vasculaire", "cancers?",
    "carcinomes?", r"ad[ée]nocarcinomes?", "tumeurs?", "lymphomes?", r"leuc[ée]mies?", r"m[ée]tastases?",
    r"m[ée]tastatiques?", r"chimioth[ée]rapies?", r"radioth[ée]rapies?", r"immunoth[ée]rapies?", "dialyse",
    r"h[ée]modialyse", "bpco", "asthme", "pneumopathies?", "pneumonies?", r"embolie\s+pulmonaire", "thromboses?",
    r"phl[ée]bites?", r"fibrillation\s+(?:auriculaire|atriale|ventriculaire)", "arythmies?",
    "epilepsies?", "épilepsies?",
    "alzheimer", "parkinson", r"scl[ée]rose\s+en\s+plaques", r"d[ée]mences?", r"d[ée]pressions?", r"d[ée]pressifs?",
    r"schizophr[ée]nies?", r"troubles?\s+bipolaires?", "anorexie", "vih", "sida", r"h[ée]patites?", "tuberculose",
    "cirrhoses?", r"pancr[ée]atites?", "appendicite", "fractures?", r"ost[ée]oporose", "arthrose", "polyarthrite",
    "lupus", "mucoviscidose", r"dr[ée]panocytose", r"ob[ée]sit[ée]", r"d[ée]nutrition", "sepsis", r"septic[ée]mie",
    "coronaropathie", "angor", "cardiopathies?", "valvulopathies?", r"n[ée]phropathies?", r"r[ée]tinopathies?",
    "neuropathies?", "grossesses?", "accouchement", r"c[ée]sarienne", "escarres?", "intubation", r"r[ée]animation",
    r"soins\s+palliatifs", "ivg", "addictions?", r"alcoolisme", r"tabagisme", r"m[ée]lanome", r"syndrome\s+coronarien",
)  # fmt: skip


@register
class ConditionDetector(ClinicalSignal):
    """Names of diseases, conditions and treatments (``diabète``, ``insuffisance cardiaque``, ``chimiothérapie``).

    The weakest signal: a newsletter is full of them. It counts towards health content only together with an
    identifiable person, like every clinical signal, and the decision caps what one kind of signal can weigh.
    """

    name = "condition"
    entity = "CONDITION"
    patterns: ClassVar[tuple[Pattern, ...]] = (Pattern("condition", rf"{word_start(_CONDITIONS)}(?![\w])", 0.6),)
    field_roles = frozenset()

    def mask(self, candidate: str) -> str:
        return " ".join(candidate.split()).lower()


_CORRESPONDENCE = (
    r"cher(?:e|s|es)?\s+(?:confr[èe]res?|cons(?:œ|oe)urs?)", "confraternellement", r"je\s+vous\s+adresse",
    r"je\s+vous\s+remercie\s+de\s+m['\u2019]avoir\s+adress[ée]",
    r"j['\u2019]ai\s+(?:re)?(?:vu|re[çc]u)\s+en\s+consultation",
    r"a\s+[ée]t[ée]\s+hospitalis[ée]e?", r"votre\s+patiente?", r"notre\s+patiente?",
)  # fmt: skip


@register
class CorrespondenceDetector(ClinicalSignal):
    """The phrases of letters between physicians (``Cher confrère``, ``j'ai vu en consultation``): a letter about
    someone's care, which makes whoever it names its patient."""

    name = "correspondence"
    entity = "LETTER"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern("correspondence", rf"{word_start(_CORRESPONDENCE)}(?![\w])", 0.7),
    )
    field_roles = frozenset()

    def mask(self, candidate: str) -> str:
        return " ".join(candidate.split()).lower()

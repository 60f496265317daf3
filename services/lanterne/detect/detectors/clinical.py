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
    # the same headings in letters from foreign hospitals
    r"|reason\s+for\s+(?:admission|referral|consultation)|(?:past\s+)?medical\s+history|history\s+of\s+present\s+illness"
    r"|discharge\s+(?:summary|diagnos[ie]s|medications?|letter)|diagnos[ie]s|physical\s+examination|hospital\s+course"
    r"|medications?\s+on\s+(?:admission|discharge)"
)
# Headings of imaging and exam reports: "Indication :" / "Technique :" head little else, but only with the colon (a
# bare "Technique" line is any manual's); "Résultat(s)" and "Conclusion" stay out (HR reviews use them too).
_REPORT_HEADINGS = r"indications?(?:\s+(?:de\s+l['\u2019]\s*examen|cliniques?))?|technique(?:\s+d['\u2019]\s*examen)?"


@register
class SectionDetector(ClinicalSignal):
    """Section headings of hospital letters, at the start of a line (``ANTÉCÉDENTS :``, ``Au total``)."""

    name = "section"
    entity = "SECTION"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern(
            "section",
            rf"(?im:^[ \t]*(?:(?:\d+[.)][ \t]*)?(?:{_HEADINGS})[ \t]*(?::|$)|(?:{_REPORT_HEADINGS})[ \t]*:))",
            0.7,
        ),
    )
    field_roles = frozenset()

    def mask(self, candidate: str) -> str:
        return " ".join(candidate.strip(" \t\r\n:").split()).lower()


# Possessive (``*+``): once a number is read, backtracking into it cannot help, and it is costly on long digit runs.
_NUMBER = r"\d(?<![\w.,].)\d*+(?:[.,]\d++)?+"
_DOSE_UNIT = r"(?:mg|µg|μg|mcg|UI|U\.I\.|IU|mmol|cp|gél(?:ule)?s?|comprimés?|sachets?)"
_VOLUME_UNIT = r"(?:g|ml|mL|gouttes?|bouffées?|inhalations?)"
# A route after grams or millilitres makes them a dose too ("1 g IV", "500 ml per os").
_ROUTE = r"[ \t]+(?:IVD|IVL|IV|IM|SC|PO|SL|per[ \t]+os|en[ \t]+IV|en[ \t]+perfusion)"
_FREQ = (
    r"(?:/[ \t]*(?:j|jour|24[ \t]?h|sem(?:aine)?|kg)|[ \t]*x[ \t]?\d[ \t]?/[ \t]?j|[ \t]\d[ \t]?fois[ \t]par[ \t]jour)"
)
_NOT_CONCENTRATION = r"(?![\w]|/[ \t]*[dmµuμ]?[lL]\b)"  # "12 mg/L" is a lab result, not a dose


@register
class DrugDoseDetector(ClinicalSignal):
    """A dose: ``1000 mg``, ``4000 UI/j``, ``2 cp x3/j``; grams and millilitres only with a frequency (``1 g/j``) or a
    route (``1 g IV``).

    Anchored on the number, not on the drug's name (no list of names could be complete), so the regex engine only
    tries it where a digit stands.
    """

    name = "drug"
    entity = "DRUG"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern("dose", rf"{_NUMBER}[ \t]?+{_DOSE_UNIT}{_FREQ}?{_NOT_CONCENTRATION}", 0.6),
        Pattern("dose-frequency", rf"{_NUMBER}[ \t]?+{_VOLUME_UNIT}(?:[ \t]*+{_FREQ}|{_ROUTE})(?![\w])", 0.6),
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
    "neuropathies?", "grossesses?", "covid(?:-?19)?", "lombalgies?", "lombosciatiques?", r"py[ée]lon[ée]phrites?",
    r"pneumothorax", "sciatiques?", r"chol[ée]cystites?", r"sigmo[ïi]dites?", r"diverticulites?",
    r"endom[ée]triose", r"glaucome", r"cataracte", r"migraines?", r"scl[ée]rose\s+lat[ée]rale", r"autisme",
    r"ost[ée]omy[ée]lite", r"érysip[èe]le", r"erysip[èe]le", r"cellulite\s+infectieuse", r"hypothyro[ïi]die",
    r"hyperthyro[ïi]die", r"fibroses?\s+(?:pulmonaires?|h[ée]patiques?|kystiques?)",
    "accouchement", r"c[ée]sarienne", "escarres?", "intubation", r"r[ée]animation",
    r"soins\s+palliatifs", "ivg", "addictions?", r"alcoolisme", r"tabagisme", r"m[ée]lanome", r"syndrome\s+coronarien",
    # common conditions, symptoms and findings of other specialties (eyes, teeth, skin, old age, nutrition)
    r"allergies?", r"allergiques?", r"an[ée]mies?", r"arthrites?", "gonarthrose", "coxarthrose", "cervicalgies?",
    "dorsalgies?", r"arthralgies?", r"myalgies?", r"n[ée]vralgies?", r"cruralgies?", r"gastro-?ent[ée]rites?",
    r"bronchites?", r"bronchiolites?", r"otites?", r"angines?", r"sinusites?", r"conjonctivites?", r"cystites?",
    r"m[ée]ningites?", r"enc[ée]phalites?", r"colites?", r"gastrites?", r"dermatites?", r"ecz[ée]mas?", "psoriasis",
    r"ulc[èe]res?", r"escarres?", r"plaies?\s+(?:chroniques?|op[ée]ratoires?|du\s+pied)", "caries?",
    r"parodontites?", r"gingivites?", r"abc[èe]s\s+dentaires?", r"d[ée]tartrages?", r"extractions?\s+dentaires?",
    r"soins?\s+dentaires?", r"d[ée]g[ée]n[ée]rescence\s+maculaire", "dmla", r"myopie", r"presbytie", r"astigmatisme",
    r"hypermétropie", r"strabisme", r"acuit[ée]\s+visuelle", r"tension\s+oculaire", r"fond\s+d['\u2019]\s*[œo]il",
    r"hypoglyc[ée]mies?", r"hyperglyc[ée]mies?", r"hypercholest[ée]rol[ée]mie", r"dyslipid[ée]mies?",
    r"hypokali[ée]mie", r"hyponatr[ée]mie", r"insuffisance\s+(?:r[ée]nale|cardiaque)\s+chronique", r"incontinences?",
    r"chutes?\s+(?:[àa]\s+r[ée]p[ée]tition|r[ée]p[ée]t[ée]es)", r"troubles?\s+(?:cognitifs|de\s+la\s+d[ée]glutition"
    r"|du\s+comportement|anxieux|du\s+sommeil|musculo-?squelettiques|de\s+la\s+marche)",
    r"perte\s+d['\u2019]\s*autonomie", r"d[ée]pendance\s+(?:totale|partielle|s[ée]v[èe]re)", r"grabatai?res?",
    r"fausses?\s+routes?", r"amaigrissement", r"perte\s+de\s+poids", r"malnutrition", r"d[ée]shydratation",
    r"compl[ée]ments?\s+nutritionnels?", r"nutrition\s+(?:ent[ée]rale|parent[ée]rale)", r"surpoids",
    r"hypotrophie", r"retard\s+de\s+croissance", r"burn-?out", "épuisement", "epuisement",
    r"syndrome\s+d[ée]pressif", r"anxi[ée]t[ée]", r"idées\s+suicidaires", r"tentatives?\s+de\s+suicide",
    r"commotion\s+c[ée]r[ée]brale", r"traumatismes?\s+cr[âa]niens?", "polytraumatismes?",
    r"pathologies?\s+(?:chroniques?|cardiaques?|psychiatriques?)", r"maladies?\s+(?:chroniques?"
    r"|de\s+(?:crohn|lyme|hodgkin|horton|paget|basedow|biermer|charcot|verneuil|wilson))",
    r"inaptitudes?", r"inaptes?", r"aptes?\s+avec\s+(?:restrictions?|r[ée]serves?|am[ée]nagements?|port\s+d[e'\u2019])",
    r"visites?\s+(?:de\s+reprise|de\s+pr[ée]-?reprise|m[ée]dicales?|d['\u2019]\s*embauche|d['\u2019]\s*aptitude)",
    r"fiches?\s+d['\u2019]\s*aptitude(?:\s+m[ée]dicale)?",
    r"m[ée]decine\s+du\s+travail", r"reconnaissance\s+(?:de\s+la\s+)?qualit[ée]\s+de\s+travailleur\s+handicap[ée]",
    "rqth", r"mi-?temps\s+th[ée]rapeutique", r"amputations?", r"paral[ys]ies?", r"h[ée]mipl[ée]gies?",
    r"parapl[ée]gies?",
    r"t[ée]trapl[ée]gies?", r"aphasies?", r"dysphagies?", r"surdit[ée]", r"c[ée]cit[ée]", r"acouph[èe]nes?",
    r"sida", r"h[ée]patite\s+[abc]", r"st[ée]rilit[ée]", r"infertilit[ée]", r"fausses?\s+couches?",
    r"pr[ée]-?[ée]clampsie", r"diab[èe]te\s+gestationnel",
    r"r[ée]cidives?",  # a disease's return ("suspicion de récidive")
)  # fmt: skip


# Labels that name a department or a place: a care word right after one ("Service : Chirurgie digestive", "UF: SSR",
# "Lieu de stage : EHPAD", "Zone : Consultations ORL") says where someone works or stays, not what was done to them.
DEPARTMENT_LABELS = (
    "service", "unite", "uf", "pole", "affectation", "departement", "lieu", "lieu de stage", "zone", "secteur",
    "local", "locaux", "site", "etablissement",
)  # fmt: skip
DEPARTMENT = "department"  # a finding's explanation: see WordSignal


class WordSignal(ClinicalSignal):
    """A clinical signal written in words (a condition, an act of care), shown in lower case.

    After a department label the word names a department (``Service : Chirurgie digestive``): the finding is noted
    ``department``, and the decision counts it as health content only about a patient singled out by an identifier
    or a birth date (a stay in that unit), never for a list of staff with their departments.
    """

    context = DEPARTMENT_LABELS
    context_before = 20
    context_after = 0
    field_roles = frozenset()

    def judge(self, candidate: str, pattern: Pattern, context_word: str | None) -> Hit | None:
        hit = super().judge(candidate, pattern, None)
        if hit is None or context_word is None:
            return hit
        return Hit(hit.entity, hit.value, hit.confidence, (*hit.explanation, DEPARTMENT))

    def mask(self, candidate: str) -> str:
        return " ".join(candidate.split()).lower()


@register
class ConditionDetector(WordSignal):
    """Names of diseases, conditions and treatments (``diabète``, ``insuffisance cardiaque``, ``chimiothérapie``).

    The weakest signal: a newsletter is full of them. It counts towards health content only together with an
    identifiable person, like every clinical signal, and the decision caps what one kind of signal can weigh.
    """

    name = "condition"
    entity = "CONDITION"
    patterns: ClassVar[tuple[Pattern, ...]] = (Pattern("condition", rf"{word_start(_CONDITIONS)}(?![\w])", 0.6),)


# The care pathway: exams, imaging and its findings, procedures, care settings and follow-ups, written in words.
# Each names something done to, or found in, a patient; like conditions they count only next to an identifiable
# person. Words a staff document also uses bare (a specialty: "Service: Cardiologie") are kept out; specialties count
# only after "consultation"/"suivi". One regex alternation compiled once into the engine's single pass.
_BODY_PART = (
    r"(?:du|de\s+la|de\s+l['\u2019]|des)\s*(?:genou|hanche|[ée]paule|cheville|poignet|coude|rachis|bassin|thorax|cr[âa]ne"
    r"|cerveau|abdomen|pelvis|sinus|cou|foie|rein|reins|c[œo]ur|sein|seins|prostate|thyro[ïi]de|main|pied|colonne)"
)
# Specialties, counted only after a word of care ("consultation de", "RDV en"): bare, they name a staff's service.
_SPECIALTY = (
    r"oncolog\w*|m[ée]moire|psychiatr\w*|cardiolog\w*|diab[ée]to\w*|pneumolog\w*|neurolog\w*|g[ée]riatr\w*"
    r"|an[ée]sth[ée]\w*|chirurg\w*|gyn[ée]co\w*|obst[ée]tri\w*|p[ée]diatr\w*|n[ée]phrolog\w*|h[ée]matolog\w*"
    r"|rhumatolog\w*|dermatolog\w*|urolog\w*|ophtalmolog\w*|orl|addictolog\w*|douleur|infectiolog\w*"
    r"|maladies\s+infectieuses|gastro-?ent[ée]rolog\w*|h[ée]pato-?gastro\w*|endocrinolog\w*|orthop[ée]di\w*"
    r"|traumatolog\w*|neurochirurg\w*|m[ée]decine\s+interne"
)
_CARE_ACTS = (
    # imaging and functional exams
    rf"irm(?:\s+(?:c[ée]r[ée]brale|m[ée]dullaire|pelvienne|abdominale|cardiaque|lombaire|{_BODY_PART}))?",
    rf"scanners?\s+(?:thoracique|abdomin\w*|c[ée]r[ée]bral|lombaire|inject[ée]|sans\s+injection|avec\s+injection|tap"
    rf"|{_BODY_PART})",
    r"tomodensitom[ée]trie",
    r"angioscanner",
    r"[ée]chographies?",
    r"[ée]chocardiographies?",
    r"[ée]cho-?doppler",
    r"doppler",
    r"radiographies?",
    r"mammographies?",
    r"scintigraphies?",
    r"tep-?scan",
    r"pet-?scan",
    r"coronarographies?",
    r"angiographies?",
    r"art[ée]riographies?",
    r"densitom[ée]trie\s+osseuse",
    r"coloscopies?",
    r"gastroscopies?",
    r"fibroscopies?",
    r"endoscopies?",
    r"bronchoscopies?",
    r"cystoscopies?",
    r"rectoscopies?",
    r"[ée]cho-?endoscopies?",
    r"biopsies?",
    r"ponctions?\s+(?:lombaire|pleurale|d['\u2019]ascite)",
    r"[ée]lectrocardiogrammes?",
    r"[ée]lectroenc[ée]phalogrammes?",
    r"[ée]lectromyogrammes?",
    "holter",
    r"polysomnographies?",
    r"polygraphies?\s+ventilatoires?",
    r"spirom[ée]tries?",
    r"[ée]preuves?\s+d['\u2019]effort",
    r"explorations?\s+fonctionnelles?",
    r"bilan\s+(?:sanguin|biologique|pr[ée]-?op[ée]ratoire|urodynamique|h[ée]patique|r[ée]nal|lipidique|martial"
    r"|thyro[ïi]dien|inflammatoire|infectieux|phosphocalcique|d['\u2019]\s*extension|nutritionnel|de\s+coagulation)",
    # ward shorthand: an analyte checked, capillary glucose, a switch to oral treatment
    r"kali[ée]mies?",
    r"natr[ée]mies?",
    r"calc[ée]mies?",
    r"cr[ée]atinin[ée]mies?",
    r"glyc[ée]mies?\s+capillaires?",
    r"dextros?",
    r"ionogrammes?",
    r"gaz\s+du\s+sang",
    r"relais\s+(?:PO|per\s+os|oral|IV)",
    "amox",
    r"augmentin",
    r"tazocilline",
    "tazo",
    r"c[ée]phalosporines?",
    r"ceftriaxone",
    r"lovenox",
    # a child's growth follow-up
    r"courbes?\s+de\s+croissance",
    r"p[ée]rim[èe]tres?\s+cr[âa]niens?",
    "percentiles?",
    r"z-?scores?",
    r"prises?\s+de\s+sang",
    r"h[ée]mocultures?",
    r"ecbu",
    # imaging and exam findings
    r"nodules?\s+(?:pulmonaires?|thyro[ïi]diens?|h[ée]patiques?|mammaires?|infracentim[ée]triques?)",
    r"nodules?\s+infracentim[ée]triques?",
    r"infracentim[ée]triques?",
    r"lithiases?",
    r"vésicule\s+lithiasique",
    r"fissures?\s+(?:du\s+|de\s+la\s+)?(?:m[ée]nisque|corne)\w*",
    r"m[ée]nisques?",
    r"st[ée]atoses?",
    r"foie\s+st[ée]atosique",
    r"st[ée]noses?",
    r"an[ée]vrismes?",
    r"hernies?\s+(?:discales?|inguinales?|hiatales?)",
    r"[ée]panchements?",
    r"ad[ée]nopathies?",
    r"kystes?",
    r"polypes?",
    r"opacit[ée]s?",
    r"atélectasies?",
    r"atelectasies?",
    r"condensations?\s+(?:alv[ée]olaires?|pulmonaires?)",
    r"foyers?\s+(?:infectieux|de\s+condensation)",
    r"isch[ée]mies?",
    r"h[ée]morragies?",
    r"h[ée]matomes?",
    r"[œo]d[èe]mes?",
    r"luxations?",
    r"entorses?",
    r"ruptures?\s+(?:du\s+)?(?:ligament|tendon|m[ée]nisque)\w*",
    r"tendinopathies?",
    r"tendinites?",
    r"l[ée]sions?\s+(?:suspectes?|osseuses?|c[ée]r[ée]brales?|cutan[ée]es?|m[ée]niscales?)",
    r"microcalcifications?",
    # procedures and care
    r"post-?op(?:[ée]ratoire)?",
    r"pr[ée]-?op(?:[ée]ratoire)?",
    r"proth[èe]ses?\s+(?:totales?\s+)?(?:de\s+|du\s+)?"
    r"(?:hanche|genou|[ée]paule)",
    r"pacemaker",
    r"stimulateur\s+cardiaque",
    r"d[ée]fibrillateurs?\s+(?:automatiques?\s+)?implantables?",
    r"oxyg[ée]noth[ée]rapies?", r"gazom[ée]tries?(?:\s+art[ée]rielles?)?",
    # newborns' care: feeding tubes, prematurity
    r"sondes?\s+(?:naso|oro)-?gastriques?", r"pr[ée]matur(?:it[ée]|[ée]e?s?)", r"r[ée]gurgitations?",
    r"semaines?\s+d['\u2019]\s*am[ée]norrh[ée]e",
    r"[ée]ducation\s+th[ée]rapeutique",
    r"d[ée]fibrillateur\s+implantable",
    r"transfusions?",
    r"perfusions?",
    r"pansements?",
    r"sondes?\s+(?:urinaire|naso-?gastrique)",
    r"stomies?",
    r"k[ée]sith[ée]rapie",
    r"r[ée][ée]ducation",
    r"soins\s+de\s+suite",
    r"chimio",
    r"s[ée]ances?\s+(?:de\s+|d['\u2019]\s*)?(?:chimio\w*|radioth\w*|dialyse|h[ée]modialyse|kin[ée]\w*|r[ée][ée]ducation"
    r"|orthophonie|hospitalisation|h[ôo]pital\s+de\s+jour|immunoth\w*|photoh\w*)",
    r"h[ôo]pital\s+de\s+jour",
    r"hospitalisations?\s+(?:de\s+jour|compl[èe]te|[àa]\s+domicile)",
    # a stay in a unit, care in the emergency department, the certificate an injury gets (insurers', police letters)
    rf"s[ée]jours?\s+(?:en|au|(?:dans\s+le|au)\s+service\s+d['\u2019e]\s*|dans\s+l['\u2019]unit[ée]\s+d['\u2019e]\s*)\s*"
    rf"(?:{_SPECIALTY}|r[ée]animation|soins\s+(?:intensifs|continus|palliatifs)|ssr|usi[cp]?|maternit[ée]"
    r"|m[ée]decine\s+(?:interne|polyvalente|g[ée]n[ée]rale|physique))",
    r"pris(?:e|es)?(?:\s*\(e\))?\s+en\s+charge\s+(?:aux|par\s+les|au\s+service\s+des)\s+urgences",
    r"certificats?\s+m[ée]dica(?:l|ux)(?:\s+(?:initial|de\s+constatation|descriptif))?",
    # sleep and hearing explorations, opioid substitution
    r"polysomnographies?", r"polygraphies?\s+(?:ventilatoires?|du\s+sommeil)",
    r"apn[ée]es?(?:-hypopn[ée]es?)?\s+(?:du\s+sommeil|obstructives?|centrales?)",
    r"audiom[ée]tries?(?:\s+(?:tonale|vocale))?", r"audiogrammes?", r"tympanom[ée]tries?",
    r"appareillages?\s+(?:auditifs?|bilat[ée]ral|unilat[ée]ral)", r"proth[èe]ses?\s+auditives?",
    r"m[ée]thadone", r"bupr[ée]norphine", r"substitution\s+aux\s+opi(?:ac[ée]s|o[ïi]des)",
    r"l[ée]sions?\s+(?:constat[ée]es|traumatiques?|cutan[ée]es)",
    r"bons?\s+de\s+transport",
    r"transports?\s+sanitaires?",
    r"ambulances?",
    "vsl",
    rf"consult(?:ation)?s?\.?\s+(?:de\s+|d['\u2019]\s*)?(?:{_SPECIALTY}|suivi|contr[ôo]le|post-?op\w*|pr[ée]-?natale"
    r"|sp[ée]cialis[ée]e)",
    # a patient's appointment, as secretaries write it ("RDV en urgence en hépato", "rendez-vous de consultation")
    *(
        rf"{appointment}\s+(?:en\s+urgence\s+)?(?:en|de|d['\u2019]|avec\s+le|chez\s+le|pour\s+(?:une?|son|sa))\s*"
        rf"(?:{_SPECIALTY}|consultation|h[ée]pato\w*|gastro\w*|radiolog\w*|imagerie|kin[ée]\w*|pr[ée]-?anesth\w*)"
        for appointment in ("rdv", "rendez-vous")
    ),
    r"convocations?\s+(?:[àa]|pour)\s+(?:une\s+|la\s+|sa\s+|son\s+|votre\s+)?(?:consultation|hospitalisation"
    r"|intervention|chirurgie|coloscopie|endoscopie|irm|scanner|bilan)",
    r"r[ée]sultats?\s+(?:d['\u2019]\s*analyses?|de\s+(?:biologie|laboratoire|prise\s+de\s+sang)|biologiques?"
    r"|sanguins?)",
    r"m[ée]decins?\s+traitants?",  # the patient's own GP, whom a letter or a result is sent to
    r"pose\s+(?:de\s+|d['\u2019]\s*)?(?:PAC|picc(?:-?line)?|chambre\s+implantable|cath[ée]ters?|sondes?|drains?"
    r"|stents?|pacemaker|pl[âa]tres?|proth[èe]ses?|st[ée]rilets?|implants?|DIU)",
    r"suivis?\s+(?:de\s+|d['\u2019]\s*)?(?:grossesse|sep|oncolog\w*|diab[ée]\w*|psy(?:chiatr\w*|cholog\w*)?|cardiolog\w*"
    r"|post-?op\w*|n[ée]phrolog\w*|scl[ée]rose\s+en\s+plaques)",
    r"contr[ôo]les?\s+(?:pacemaker|du\s+pacemaker|tdm|irm|radiologique|[ée]chographique|biologique|post-?op\w*)",
    r"[ée]chographies?\s+obst[ée]tricales?",
    r"arr[êe]ts?\s+(?:de\s+travail|maladie)",
    r"douleurs?\s+(?:thoraciques?|abdominales?|lombaires?|de\s+l['\u2019]hypocondre|[ée]pigastriques?)",
    r"dyspn[ée]es?",
    r"fi[èe]vres?",
    r"toux",
    r"syncopes?",
    r"vomissements?",
    r"[ée]tat\s+g[ée]n[ée]ral",
    r"pr[ée]parations?\s+coliques?",
    r"r[ée]gimes?\s+sans\s+r[ée]sidus",
    r"[àa]\s+jeun\s+strict",
    r"r[ée]sultats?\s+(?:de\s+|d['\u2019]\s*)(?:sa|son|ses|votre|vos)(?=\s+\w)",  # the exam is its own hit
    r"c[ée]phal[ée]es?",
    r"vertiges?",
    r"naus[ée]es?",
    r"palpitations?",
    r"[ée]pistaxis",
    r"h[ée]maturies?",
    r"examens?\s+(?:neurologique|cardio-?vasculaire|pulmonaire|abdominal|clinique|cutan[ée])s?",
    # treatments named without a dose
    r"insulines?",
    r"pompes?\s+[àa]\s+insuline",
    r"insulinoth[ée]rapie",
    r"anticoagulants?",
    r"antibioth[ée]rapies?",
    r"antibiotiques?",
    r"antalgiques?",
    r"cortico[ïi]des?",
    r"cortico-?th[ée]rapie",
    r"morphiniques?",
    r"morphine",
    r"parac[ée]tamol",
    r"h[ée]parine",
    r"amoxicilline",
    r"antid[ée]presseurs?",
    r"neuroleptiques?",
    r"anxiolytiques?",
    r"alt[ée]ration\s+de\s+l['\u2019][ée]tat\s+g[ée]n[ée]ral",
    r"r[ée]union\s+de\s+concertation\s+pluridisciplinaire",
    # named procedures: surgery (-ectomie, -otomie, -plastie), scopies, and what they fix
    r"appendicectomies?", r"chol[ée]cystectomies?", r"sigmo[ïi]dectomies?", r"colectomies?", r"gastrectomies?",
    r"h[ée]patectomies?", r"n[ée]phrectomies?", r"prostatectomies?", r"mastectomies?", r"tumorectomies?",
    r"hyst[ée]rectomies?", r"thyro[ïi]dectomies?", r"amygdalectomies?", r"m[ée]niscectomies?", r"splénectomies?",
    r"lobectomies?", r"pneumonectomies?", r"cystectomies?", r"ovariectomies?", r"ad[ée]no[ïi]dectomies?",
    r"craniotomies?", r"laparotomies?", r"thoracotomies?", r"trach[ée]otomies?", r"[ée]pisiotomies?",
    r"ost[ée]otomies?", r"sternotomies?", r"arthroplasties?", r"angioplasties?", r"ligamentoplasties?",
    r"septoplasties?", r"rhinoplasties?", r"mammoplasties?", r"cyphoplasties?", r"vert[ée]broplasties?",
    r"arthroscopies?", r"laparoscopies?", r"c[œo]lioscopies?", r"hyst[ée]roscopies?", r"thoracoscopies?",
    r"cholangiographies?", r"urographies?", r"arthrographies?", r"myélographies?", r"[ée]chographie\s+\w+",
    r"ost[ée]osynth[èe]ses?", r"pontages?(?:\s+coronariens?)?", r"stents?",
    r"greffes?\s+(?:de\s+|du\s+|d['\u2019]\s*)?(?:rein|foie|c[œo]ur|moelle|peau|corn[ée]e|poumon|organe)",
    r"transplantations?",
    r"ablations?\s+(?:de\s+|du\s+|des\s+)?(?:mat[ée]riel|v[ée]sicule|polypes?|kystes?|tumeurs?|sutures?|fils)",
    r"interventions?\s+chirurgicales?", r"chirurgies?\s+(?:ambulatoires?|orthop[ée]diques?|digestives?|cardiaques?"
    r"|bariatriques?|de\s+la\s+cataracte)", r"proth[èe]ses?\s+dentaires?", r"implants?\s+dentaires?",
    r"couronnes?\s+dentaires?", r"d[ée]vitalisations?", r"traitements?\s+(?:canalaires?|orthodontiques?)",
    r"lunettes?\s+correctrices?", r"verres?\s+correcteurs?", r"lentilles?\s+de\s+contact",
    r"champ\s+visuel", r"ortho(?:ptie|ptiste)", r"audiogrammes?", r"appareils?\s+auditifs?",
    # a stay, and the record of it a patient or their lawyer asks for
    r"hospitalis[ée](?:e|s|es|\s*\(e\))?", r"admis(?:e|es|\s*\(e\))?\s+aux\s+urgences",
    r"passages?\s+aux\s+urgences", r"dossiers?\s+m[ée]dicaux", r"dossiers?\s+m[ée]dical",
    # nutrition, dependency and care at home
    r"albumin[ée]mies?", r"pr[ée]albumine", r"indice\s+de\s+masse\s+corporelle", r"[ée]valuation\s+nutritionnelle",
    r"grille\s+aggir", "aggir", r"allocation\s+personnalis[ée]e\s+d['\u2019]\s*autonomie",
    r"aides?-?soignantes?\s+[àa]\s+domicile", r"soins\s+infirmiers\s+[àa]\s+domicile", "ssiad",
    r"t[ée]l[ée]assistance", r"portage\s+des\s+repas", r"fauteuil\s+roulant", r"d[ée]ambulateur",
    r"lit\s+m[ée]dicalis[ée]", r"matelas\s+anti-?escarres?", r"ehpad",
    # rehabilitation sessions and their findings
    r"kin[ée]sith[ée]rapeute", r"ergoth[ée]rapie", r"orthophonie", r"psychomotricit[ée]", r"balnéoth[ée]rapie",
    r"amplitudes?\s+articulaires?", r"testing\s+musculaire", r"flexion\s+(?:du\s+genou|de\s+hanche)",
    r"renforcement\s+musculaire", r"r[ée]autonomisation",
)
# Care abbreviations, matched in capitals only: in lower case several are ordinary words or other things.
_CARE_ABBREVIATIONS = (
    "IRM", "TDM", "TEP", "ECG", "EEG", "EMG", "ETT", "ETO", "NFS", "OAP", "AEG", "PTH", "PTG", "SEP", "HDJ", "RCP",
    "IDM", "SCA", "TVP", "AIT", "SAOS", "RGO", "MICI", "DT1", "DT2", "IRC", "IRA", "ICC", "HBPM", "AVK", "AOD",
    "ECBU", "PMA", "FIV", "ALD", "SSR", "HAD", "USIC", "USC",
    "PNP", "PNA", "ATB", "ATCD", "TAP", "VNI", "VVP", "PICC",
    "IMC", "GIR", "APA", "LCA", "IVG", "MDPH", "AAH", "SSIAD", "EHPAD", "RQTH", "DMLA", "BPCO", "AVC", "HTA",
    "MMS", "MMSE", "MNA", "SAHOS", "IAH", "TSO", "DAI", "CRT-D", "CRT-P", "SNG", "SOG", "CRO", "CRH",
)  # fmt: skip


def first_letter_variants(words: tuple[str, ...]) -> tuple[str, ...]:
    """``[ée]chographie`` as ``échographie`` and ``echographie``: ``word_start`` wants a plain first letter."""
    out: list[str] = []
    for word in words:
        if word.startswith("[") and "]" in word:
            letters, rest = word[1:].split("]", 1)
            out += [letter + rest for letter in letters]
        else:
            out.append(word)
    return tuple(out)


# An exam, a treatment or a document of the person a sentence speaks of ("décaler son IRM", "sa prise de sang"): it
# singles that person out as the patient (classify/decide.py), like a birth date does.
OWN_CARE_PATTERN = "care-own"
_OWN_CARE = tuple(
    rf"{possessive}\s+(?:scanner|irm|radio(?:graphie)?|[ée]chographie|scintigraphie|biopsie|examens?|prises?\s+de\s+sang"
    r"|ordonnances?|hospitalisations?|analyses\s+(?:de\s+sang|sanguines|biologiques)|op[ée]ration|intervention"
    r"|traitements?|chimioth[ée]rapie|s[ée]ances?\s+de\s+\w+|pansements?|perfusions?)"
    for possessive in ("son", "sa", "ses", "leurs?")
)


@register
class CareDetector(WordSignal):
    """The care pathway in words: exams and imaging (``IRM cérébrale``, ``coloscopie``), their findings (``nodule
    pulmonaire``, ``lithiase``), procedures and settings (``post-op PTH``, ``hôpital de jour``, ``bon de transport``)
    and follow-ups (``suivi de grossesse``, ``consultation mémoire``), plus the usual abbreviations (``OAP``, ``AEG``).
    As weak as a condition's name: counted only together with an identifiable person."""

    name = "care"
    entity = "CARE"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern("care", rf"{word_start(first_letter_variants(_CARE_ACTS), exact=_CARE_ABBREVIATIONS)}(?![\w])", 0.6),
        Pattern(OWN_CARE_PATTERN, rf"{word_start(_OWN_CARE)}(?![\w])", 0.6),
    )


_SCORE_SEP = r"[ \t]*(?:[àa:=][ \t]*)?"


@register
class VitalSignDetector(ClinicalSignal):
    """Bedside measures of one person: a pain score (``EVA à 7/10``), blood pressure, heart rate, saturation,
    temperature, and body measures (weight, height, head circumference, BMI: a child's growth chart). Anchored on
    the measure's short name, then a number and its unit or scale."""

    name = "vital"
    entity = "VITAL"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern(
            "vital",
            rf"[EFNPST](?<![\w].)(?:(?<=[EN])(?:VA|VS|N)(?![\w]){_SCORE_SEP}\d{{1,2}}(?:[.,]5)?[ \t]*/[ \t]*10(?!\d)"
            rf"|(?<=[TP])(?:A|AS|AD)(?![\w]){_SCORE_SEP}\d{{2,3}}[ \t]*/[ \t]*\d{{1,3}}(?!\d)"
            rf"|(?<=[FS])(?:C|pO2|aO2|aturation)(?![\w]){_SCORE_SEP}\d{{2,3}}[ \t]*(?:/[ \t]*min|bpm|%)"
            r"|(?<=P)(?:aO2|aCO2)(?![\w])[ \t]*(?:[:=][ \t]*)?\d{1,3}(?:[.,]\d)?[ \t]*(?:mmHg|kPa)(?![\w])"
            r"|(?<=T)(?:°|emp[ée]rature)[ \t]*(?:[:=][ \t]*)?(?:3[4-9]|4[0-2])(?:[.,]\d)?[ \t]*°?C?(?![\w]))",
            0.6,
        ),
        # Body measures, as a child's growth chart or a weigh-in writes them: "Poids (kg): 4.2", "PC 38 cm",
        # "Taille : 1,62 m"; the unit (after the value, or in the column name) is required.
        Pattern(
            "measure",
            r"[PTIpt](?<![\w].)"
            r"(?:(?<=[Pp])(?i:oids|[ée]rim[èe]tre[ \t]+cr[âa]nien)|(?<=P)C|(?<=[Tt])(?i:aille)|(?<=I)MC)"
            r"(?:[ \t]*\((?:kg|g|cm|m|kg/m2|kg/m²)\)[ \t]*(?:[:=][ \t]*)?\d{1,3}(?:[.,]\d{1,3})?(?![\w]|[.,]\d)"
            r"|[ \t]*(?:[:=][ \t]*)?\d{1,3}(?:[.,]\d{1,3})?[ \t]*(?:kg|g|cm|m|kg/m2|kg/m²)(?![\w]))",
            0.6,
        ),
    )
    field_roles = frozenset()

    def mask(self, candidate: str) -> str:
        return " ".join(candidate.split())[:10]


_CORRESPONDENCE = (
    r"cher(?:e|s|es)?\s+(?:confr[èe]res?|cons(?:œ|oe)urs?)", "confraternellement", r"je\s+vous\s+adresse",
    r"je\s+vous\s+remercie\s+de\s+m['\u2019]avoir\s+adress[ée]",
    r"j['\u2019]ai\s+(?:re)?(?:vu|re[çc]u)\s+en\s+consultation",
    r"a\s+[ée]t[ée]\s+hospitalis[ée]e?", r"votre\s+patiente?", r"notre\s+patiente?",
    r"merci\s+de\s+m['\u2019]avoir\s+adress[ée]", r"je\s+vous\s+remercie\s+de\s+m['\u2019]avoir\s+confi[ée]",
    r"ce(?:tte)?\s+(?:jeune\s+)?patiente?", r"je\s+(?:lui\s+)?(?:propose|prescris|ai\s+prescrit)",
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


_SELF_CARE = (
    r"je\s+suis\s+(?:suivie?|soign[ée]e?|trait[ée]e?|hospitalis[ée]e?)(?:\s*\(e\))?\s+(?:en|pour|par|au|à|a|depuis)",
    r"j['\u2019]ai\s+[ée]t[ée]\s+(?:hospitalis[ée]|op[ée]r[ée]|soign[ée]|trait[ée]|admise?|vue?\s+en\s+consultation)",
    r"je\s+souffre\s+(?:de|du|des|d['\u2019]\s*\w+)",
    r"je\s+prends\s+(?:du|de\s+la|des|un|une)\s+(?:traitement|m[ée]dicament)",
    *(
        rf"{possessive}\s+(?:traitements?|ordonnances?|m[ée]dicaments?|maladies?|dossier\s+m[ée]dical|pathologies?"
        r"|op[ée]ration|intervention|hospitalisation|chimioth[ée]rapie|r[ée]sultats\s+d['\u2019]\s*analyses?"
        r"|prises?\s+de\s+sang|diagnostic)"
        for possessive in ("mon", "ma", "mes")
    ),
)  # fmt: skip


@register
class SelfCareDetector(ClinicalSignal):
    """A writer speaking of their own care (``je suis suivie en néphrologie``, ``mon ordonnance``): the message is
    about its author's health, so whoever signs or sends it is the patient (classify/decide.py), as in a patient's
    e-mail to a department or a records request."""

    name = "self_care"
    entity = "SELF_CARE"
    patterns: ClassVar[tuple[Pattern, ...]] = (Pattern("self-care", rf"{word_start(_SELF_CARE)}(?![\w])", 0.6),)
    field_roles = frozenset()

    def mask(self, candidate: str) -> str:
        return " ".join(candidate.split()).lower()

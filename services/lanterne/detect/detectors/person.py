"""The patient as a person: names and birth dates.

Names: from structured fields (HL7 PID-5, DICOM PatientName, FHIR ``Patient.name``, CDA ``patient/name``) and, in
text, after the words that introduce a patient's name (``Patient :``, ``Nom :``, ``M.``, ``Mme``, ``Monsieur``,
``Madame``) when capitalised words follow; a subject line (``Objet :``, ``Concerne :``), a consultation note's ``Vu ce
jour`` or a relative's ``X, mon père`` names the person a document is about, weakly. Staff are named too (mail
headers, meeting lists, directory exports, titled physicians), marked ``staff`` so they never make a patient. Birth
dates: a date with its context word (``né(e) le``, ``date de naissance``, ``DDN``) or from a structured field; any
other date (consultation, letter) is not a birth date.
"""

from __future__ import annotations

import re
from datetime import date
from typing import ClassVar

from lanterne.detect.base import Pattern
from lanterne.detect.context import fold, words_regex
from lanterne.detect.detectors.contact import SERVICE_MAILBOXES, service_mailbox
from lanterne.detect.detectors.firstnames import FIRST_NAMES
from lanterne.detect.recognizer import Hit, Recognizer, word_start
from lanterne.detect.registry import register
from lanterne.extract.base import Role, StructuredField

STAFF = "staff"  # explanation word of a professional's or a meeting member's name (see classify/decide.py)
MEETING_PATTERN = "name-meeting"  # a name listed as present at a meeting: the document is about staff
STAFF_PATTERNS = frozenset({MEETING_PATTERN, "name-contact"})  # a list of staff names; see also name-mail/-account
BARE_PATTERNS = frozenset({"given-family", "family-given", "given-family-id", "family-given-id"})  # no label, no title
_CAP = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'\u2019-]+"
_PARTICLE = r"(?:(?:de|du|des|le|la|van|von)[ \t]|d['\u2019])"  # "Dupont de Nemours", "d'Aubigné"
PARTICLES = frozenset({"de", "du", "des", "le", "la", "van", "von"})
# Words are split by spaces, or by HL7's component separator when an export writes the XPN as is ("DUPONT^Jean"),
# never by a tab: a tab ends a cell ("Patient :<tab>X<tab>IPP :").
_NAME = rf"(?P<value>{_CAP}(?:(?: {{1,2}}|\^){_PARTICLE}?{_CAP}){{0,3}})"
_LABEL_WORDS = (
    r"patiente?(?:\s*\(e\))?(?:\s+concern[ée](?:\s*\(e\)|e)?)?",
    r"pat\.",  # a secretary's shorthand ("Pat. : M. X")
    r"patient[\s_]*name",  # lab and PACS exports written in English ("PatientName: DUPONT^Jean")
    r"identit[ée](?:\s+du\s+patient|\s+de\s+la\s+patiente)?",
    r"nom(?:[\s_]+(?:de[\s_]+naissance|naissance|d['\u2019]usage|usage|usuel|de[\s_]+famille|(?:du[\s_]+)?patient|pat))?"
    r"(?:\s*(?:/|et)?\s*pr[ée]noms?)?",
    r"pr[ée]noms?\s*(?:/|et)?\s*nom",
    r"op[ée]r[ée](?:\s*\(e\)|e)?",
    r"assur[ée](?:\s*\(e\)|e)?",
    r"b[ée]n[ée]ficiaire",
    r"usag[eè]re?",
    r"r[ée]sidente?",
    # a death certificate's deceased, and a child's chart with its parents (column names of growth charts)
    r"d[ée]funte?(?:\s*\(e\))?",
    r"nom\s+du\s+d[ée]funt",
    r"d[ée]c[ée]d[ée](?:\s*\(e\)|e)?",
    "enfant",
    r"b[ée]b[ée]",
    r"nouveau-n[ée]e?",
    r"m[èe]re",
    r"p[èe]re",
)
_LABEL = word_start(_LABEL_WORDS)
_LABEL += r"[ \t]*:[ \t]*"
# A form copied line by line (a patient record's screen pasted into Word): the label alone on its line, the name
# alone on the next ("Nom de naissance\nVALETTE"). Both whole lines, or a sentence broken across lines would do.
LABEL_LINE_PATTERN = "name-label-line"
_LINE_START = r"[^\n]"  # what may not stand before the label: anything but a line break
_LABEL_LINE = rf"{word_start(_LABEL_WORDS, not_after=_LINE_START)}[ \t]*:?[ \t]*\r?\n[ \t]*{_NAME}(?=[ \t]*\r?(?:\n|$))"
# Who a form or a letter is about, written without a patient's label: an employee at an occupational-health visit,
# the signer of a consent form, a parent a relative writes about. A weak name, like one after a title.
_SUBJECT = (
    word_start(
        (
            r"salari[ée](?:\s*\(e\)|e)?[ \t]*:",
            r"agent[ \t]*:",
            r"je\s+soussign[ée](?:\s*\(e\)|e)?[ \t]*:?",
            r"m(?:on|a)\s+(?:p[èe]re|m[èe]re|fils|fille|[ée]poux|[ée]pouse|conjointe?|fr[èe]re|s[œo]eur)[ \t]*,?",
            # the person a consultation note says was seen ("Vu ce jour Mme X", "Je revois DUPONT Jean")
            *(
                rf"{verb}\s+(?:ce\s+jour|aujourd['\u2019]hui|en\s+consultation)(?:\s+en\s+consultation)?[ \t]*,?"
                for verb in (r"vue?", r"revue?")
            ),
            r"je\s+(?:re)?vois(?:\s+(?:ce\s+jour|aujourd['\u2019]hui|en\s+consultation))?",
        )
    )
    + r"[ \t]*"
)
# Titles, also in capitals as forms and mail subjects write them ("MME DUPONT Jeanne", "MR MARTIN Paul").
_TITLE = (
    r"(?:M(?<!\w.)(?:\.|[rR]\.?|me\.?|ME\.?|lle\.?|LLE\.?|elle\.?|ONSIEUR|ADAME|ADEMOISELLE)"
    r"|[Mm](?<!\w.)(?:onsieur|adame|ademoiselle))[ \t]+"
)

# Capitalised words that follow "Madame", "Patient :" ... without being a name.
NOT_NAMES = frozenset(
    fold(w)
    for w in [
        "le",
        "la",
        "les",
        "l",
        "de",
        "du",
        "des",
        "un",
        "une",
        "et",
        "ou",
        "au",
        "aux",
        "docteur",
        "dr",
        "professeur",
        "pr",
        "directeur",
        "directrice",
        "president",
        "presidente",
        "homme",
        "femme",
        "enfant",
        "garcon",
        "fille",
        "patient",
        "patiente",
        "nom",
        "prenom",
        "prenoms",
        "date",
        "sexe",
        "age",
        "ne",
        "nee",
        "adresse",
        "ville",
        "tel",
        "telephone",
        "ipp",
        "nda",
        "nir",
        "inss",
        "secretariat",
        "service",
        "chef",
        "cadre",
        "interne",
        "infirmier",
        "infirmiere",
        "sage",
        "responsable",
        "x",
        "xx",
        "xxx",
        "inconnu",
        "anonyme",
        "test",
        "monsieur",
        "madame",
        "mademoiselle",
        "cher",
        "chere",
        "confrere",
        "consoeur",
        "objet",
        # abbreviations that head a subject line ("Objet : CR Réunion", "PV Séance")
        "cr",
        "crh",
        "cro",
        "pv",
        "rdv",
        "ref",
        # a form's answers ("Salarié : Oui")
        "oui",
        "non",
        # a company built from a surname ("Martin SAS", "Durand et Fils") names a firm, not a person
        "sas",
        "sasu",
        "sarl",
        "eurl",
        "snc",
        "sci",
        "scop",
        "gie",
        "sa",
        "fils",
        "freres",
        "cie",
        "associes",
        "group",
        "groupe",
        "france",
        "medical",
        "sante",
        "pharma",
        "distribution",
        "industries",
        # establishments and public bodies written as initials ("CH Valentin", "CHU Rangueil"): a place, not a person
        "ch",
        "chu",
        "chr",
        "chru",
        "chi",
        "chs",
        "gh",
        "ghu",
        "ght",
        "aphp",
        "ap-hp",
        "ehpad",
        "cpam",
        "ars",
        "mdph",
    ]
)

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_GIVEN = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
_FAMILY = rf"[{_UP}][{_UP}'\u2019-]+(?:[ ][{_UP}][{_UP}'\u2019-]+)?"
# "Brigitte MOREL" and "MOREL Brigitte": the given name is checked against the gazetteer in ``judge``.
# A company's legal form after the words makes them a firm's name built on a person's ("MARTIN Paul SARL").
_NOT_FIRM = r"(?![ \t]*,?[ \t]*(?:S\.?A\.?S?\.?U?|SARL|S\.A\.R\.L|EURL|SNC|SCI|SCOP|SEL[A-Z]{0,3}|GIE)(?![\w]))"
_FIRST_LAST = rf"[{_UP}](?<![\w].)[{_LOW}]++(?:-[{_UP}][{_LOW}]+)?[ ]{{1,2}}{_FAMILY}(?![\w]){_NOT_FIRM}"
_LAST_FIRST = rf"[{_UP}](?<![\w].)[{_UP}'\u2019-]++,?[ ]{{1,2}}{_GIVEN}(?![\w]){_NOT_FIRM}"  # "MOREL, Anne" too
# Before a patient id or a birth date the family name may be written like the given one ("Anne Morel, née le ...",
# "Morel Anne — DN ..."): the id, not the capitals, says a person is named.
_FIRST_LAST_ANY = (
    rf"[{_UP}](?<![\w].)[{_LOW}]++(?:-[{_UP}][{_LOW}]+)?[ ]{{1,2}}(?:{_FAMILY}|{_GIVEN}(?:[ ]{_GIVEN})?)(?![\w])"
)

# A relative's letter names the patient with the tie after the name ("au sujet de Roger Laine, mon père"): a weak
# name, like one after a title.
KIN_PATTERN = "name-kin"
_KIN = (
    rf"(?P<value>[{_UP}](?<![\w].)[{_LOW}{_UP}'\u2019-]+[ \t]{{1,2}}{_PARTICLE}?{_CAP})"
    r"(?=[ \t]*,[ \t]*(?:mon|ma)[ \t]+(?:p[èe]re|m[èe]re|fils|fille|[ée]poux|[ée]pouse|mari|femme|conjointe?"
    r"|fr[èe]re|s[œo]eur|grand-p[èe]re|grand-m[èe]re|oncle|tante)(?![\w]))"
)
# A letter's or a mail's subject line naming a person ("Objet : Mme Jeanne DUPONT, née le ...", "Concerne : DUPONT
# Jeanne"): whom the document is about, but a subject line also names staff (an HR memo), so the name is a weak one,
# like after a title. A title is required, or a name written "NOM Prénom" / "Prénom NOM" with a patient id or a birth
# date after it, on its line or the next: "Objet : Réunion Budget" or "Objet : IRM Cérébrale" names nothing.
SUBJECT_PATTERN = "name-subject"
_SUBJECT_LINE = (
    word_start(("objet", "sujet", "subject", r"r[ée]f[ée]rence", r"r[ée]f\.?", "concerne")) + r"[ \t]*:[ \t]*"
)
_CAPS_WORD = rf"[{_UP}][{_UP}'\u2019-]+"
_SUBJECT_NAME = rf"(?P<value>(?:{_CAPS_WORD}[ \t]{{1,2}}{_GIVEN}|{_GIVEN}[ \t]{{1,2}}{_CAPS_WORD}))(?![\w])"
_ID_NEAR = (
    r"(?=[ \t]*(?:[(,\-\u2013\u2014][ \t]*)?(?:\r?\n[ \t]*)?(?i:ipp|nip|nda|ddn|dn|n°[ \t]*(?:dossier|patient)"
    r"|n[ée]e?[ \t]*(?:\(e\))?[ \t]*(?:le|:)|date[ \t]+de[ \t]+naissance)(?![\w]))"
)

# Names listed after a meeting's or a letter's staff labels ("Présents : Camille R., Louis Martin", "Votre contact :
# Sophie D."; the first name of a list is enough to say the file names people). The given name must be a known one;
# the family name may be written in capitals, capitalised, or as an initial. These people are staff, not patients
# (the explanation says so, for ``decide``).
_MEETING_LABEL = word_start(
    (
        r"pr[ée]sents?", r"excus[ée]e?s?", r"absents?", r"participants?", r"invit[ée]e?s?", r"destinataires?",
        r"copie\s+[àa]", r"diffusion", r"secr[ée]taire\s+de\s+s[ée]ance", r"animat(?:eur|rice)", r"format(?:eur|rice)",
    )
)  # fmt: skip
_CONTACT_LABEL = word_start(
    (
        r"votre\s+contact", "contact", r"interlocut(?:eur|rice)", r"r[ée]f[ée]rente?", r"suivi\s+par",
        r"affaire\s+suivie\s+par", r"d[ée]clarant(?:\s*\(e\)|e)?", r"r[ée]dact(?:eur|rice)",
        r"r[ée]dig[ée]e?\s+par", r"valid[ée]e?\s+par",
        # staff roles as column names of rotas and bed boards ("Interne: Hélène Martin", "Médecin: Dr Paul Roux")
        r"internes?", r"seniors?(?:\s+de\s+garde)?", r"m[ée]decins?(?:\s+(?:de\s+garde|r[ée]f[ée]rent|responsable))?",
        r"infirmi(?:er|[èe]re)s?(?:\s+r[ée]f[ée]rente?)?", "ide", r"cadres?(?:\s+de\s+sant[ée])?", r"astreintes?",
        r"gardes?", r"praticiens?", r"chirurgiens?", r"op[ée]rat(?:eur|rice)", r"anesth[ée]sistes?", r"aides?",
    )
)  # fmt: skip
_STAFF_TITLE = r"(?:(?:Dr|Pr|M|Mme|Mlle)\.?[ \t]+)?"
_STAFF_ONE = (
    rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?[ \t]+"
    rf"(?:[{_UP}]\.|[{_UP}][{_LOW}'\u2019-]+|[{_UP}]{{2}}[{_UP}'\u2019-]*)(?![\w])"
)
# The whole list is the candidate: its first member with a known given name is the hit (``judge``), so one unusual
# given name first ("Présents : Olivie Morin, Paul Roux") does not hide the others.
_LIST_SEP = r"[ \t]*[,;][ \t]*"
_STAFF_NAME = rf"(?P<value>{_STAFF_ONE}(?:{_LIST_SEP}{_STAFF_TITLE}{_STAFF_ONE}){{0,11}})"
_STAFF_TITLE_WORDS = frozenset({"dr", "pr", "m", "mme", "mlle"})

# A person named by their function first ("Le directeur général Mme Joséphine AUGER", "Cadre de santé : M. X"): a
# signatory or a manager, staff, never a patient (a report signed by its director is no patient's record).
FUNCTION_PATTERN = "name-function"
_FUNCTION = (
    word_start(
        (
            "directeur", "directrice", r"pr[ée]sident", r"pr[ée]sidente", r"chef\s+de\s+(?:service|p[ôo]le|clinique)",
            r"cadre\s+(?:de\s+sant[ée]|sup[ée]rieure?|de\s+p[ôo]le)", "responsable", r"coordonnat(?:eur|rice)",
            r"secr[ée]taire\s+g[ée]n[ée]rale?", r"m[ée]decin\s+(?:du\s+travail|coordonnat(?:eur|rice)|chef)",
        )
    )
    + r"(?:[ \t]+(?:g[ée]n[ée]ral(?:e)?|adjointe?|d[ée]l[ée]gu[ée]e?|m[ée]dical(?:e)?|administratif|administrative"
    r"|des\s+soins|qualit[ée]|du\s+service|de\s+l['\u2019]\s*[ée]tablissement))?[ \t]*[,:]?[ \t]*"
)  # fmt: skip

# The authors of an abstract or an article, family name then initials ("Besnard H., Gauthier B., Laine A.-M."):
# professionals, never a patient. Two at least, so a lone "Salle A." is no list.
AUTHORS_PATTERN = "name-authors"
_AUTHOR = rf"[{_UP}](?<![\w].)[{_LOW}]+(?:-[{_UP}][{_LOW}]+)?[ ][{_UP}]\.(?:-?[{_UP}]\.)?"
_AUTHORS = rf"(?P<value>{_AUTHOR}(?:,[ ]{_AUTHOR}){{1,20}})(?![\w])"

# The people of a mail's header ("De : Jean Dupont <jean.dupont@...>", "From: M. B. Dupont", "Cc : DUPONT Anne"): the
# correspondents, staff (never the patient a mail is about). Line start only; the name is read in a look-ahead, so
# the address after it stays for the e-mail detector. ``judge`` wants a known given name, a title, or a word of the
# name in the address's local part ("Direction Générale <dg@...>" names no one).
MAIL_PATTERN = "name-mail"
_MAIL_LABEL = word_start(
    ("de", "from", "à", "a", "to", "cc", "cci", "bcc", r"exp[ée]diteur", r"destinataires?", r"envoy[ée]\s+par"),
    not_after=r"[^\n]",
)
_MAIL_WORD = rf"(?:[{_UP}]\.|{_CAP})"
_MAIL_NAME = (
    rf"[ \t]*:[ \t]*\"?(?=(?P<value>{_STAFF_TITLE}{_MAIL_WORD}(?:,?[ \t]{{1,2}}{_PARTICLE}?{_MAIL_WORD}){{0,3}}"
    r"\"?(?:[ \t]*<[^<>@\s]{1,64}@)?))"
)
# A directory's or an account export's name columns ("displayName: Dupont Jean", "CN=Martin Paul", "givenName:
# Anne"): the people of the organisation, staff. A known given name is required.
ACCOUNT_PATTERN = "name-account"
_ACCOUNT_LABEL = word_start(
    (
        r"display[\s_]*name", r"full[\s_]*name", r"common[\s_]*name", r"given[\s_]*name", "cn",
        r"nom[\s_]+(?:complet|d['\u2019]affichage)", r"utilisat(?:eur|rice)",
    )
) + r"[ \t]*[:=][ \t]*"  # fmt: skip

# A physician named by title with given and family names ("Dr Hélène Roux", "Docteur Paul MOREL") in a mail header, a
# signature or a byline: staff, personal data, never the patient.
_DOCTOR_TITLE = r"[DP](?<![\w].)(?:(?<=D)(?:r\.?|octeure?|octoresse)|(?<=P)(?:r\.?|rofesseure?))[ \t]+"
# Given (or its initials: "Dr J. Dupont", "Pr J.-P. Martin") and family names: "Dr Petit" alone is a title.
_INITIALS = r"[A-ZÀ-ÖØ-Þ]\.(?:-?[A-ZÀ-ÖØ-Þ]\.)?[ \t]?"
_DOCTOR_NAME = rf"(?P<value>(?:{_INITIALS}{_PARTICLE}?{_CAP}|{_CAP}(?:[ \t]{_PARTICLE}?{_CAP}){{1,2}}))"
# "Prénom NOM" or "NOM Prénom" right before a patient id or a birth date ("Anne MOREL (IPP 80012345)", "MOREL Anne,
# née le ..."): the id says a person is named, so the given name need not be a known one. A look-ahead only: the id
# and the character before it stay for the IPP and birth-date patterns.
_ID_AFTER = (
    r"(?=[ \t]*(?:[(,\-\u2013\u2014][ \t]*)?(?:IPP|NIP|NDA|DDN|DN|N°[ \t]*(?:dossier|patient)|n[ée]e?[ \t]+le"
    r"|n[ée]\(e\)[ \t]+le)(?![\w]))"
)
# A document title ending with the patient's name after a dash or a colon ("Séances de kinésithérapie — Leroy
# Auguste", "Compte rendu diététique : MOREL Anne"): the name is the subject of the document. The title's last word
# is in lower case (a phrase, not a place: "Cardiologie - Bâtiment B"), the name is two words and ends the line; one
# of them is a known given name (``judge``) unless a title precedes it ("Note sociale — Mme Dubois Jeanne"). The
# match starts at the separator (checked by look-behinds after it), so the title's own words stay for the clinical
# detector.
HEADING_PATTERN = "name-heading"
HEADING_TITLED_PATTERN = "name-heading-title"
_HEADING_NAME = rf"(?:{_GIVEN}[ ]{_FAMILY}|{_FAMILY}[ ]{_GIVEN}|{_GIVEN}[ ]{_GIVEN})"
_AFTER_TITLE = rf"(?:[\u2013\u2014-](?<=[{_LOW}][ ].)[ ]|:(?<=[{_LOW}][ ].)[ ]|[ ](?<=[{_LOW}]:[ ]))"
_LINE_END = r"(?=[ \t]*(?:\r?\n|\Z))"
_HEADING = rf"{_AFTER_TITLE}(?P<value>{_HEADING_NAME}){_LINE_END}"
_HEADING_TITLED = rf"{_AFTER_TITLE}{_TITLE}(?P<value>{_CAP}[ \t]{{1,2}}{_PARTICLE}?{_CAP}){_LINE_END}"
# A bed or a room before a titled name ("lit 12 M. Morel :", "chambre 204 - Mme Roux"): a hospitalised patient.
BED_PATTERN = "name-bed"
_BED = (
    r"[LlCcBb](?<![\w].)(?:(?<=[Ll])it|(?<=[Cc])h(?:ambre|\.)?|(?<=[Bb])ox)[ \t]*(?:n°[ \t]*)?\d{1,4}[A-Za-z]?"
    r"[ \t]*(?:[:,\-\u2013][ \t]*)?"
)

_MONTHS = "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
# English month names and their abbreviations: letters from foreign hospitals ("Date of birth: March 12, 1954").
_EN_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
)  # fmt: skip
_EN_SHORT = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
_DATE = (
    r"\d(?<![\w/.-].)(?:\d?[/.-]\d{1,2}[/.-](?:19|20)?\d{2}|\d{3}-\d{2}-\d{2}|\d{7}"
    rf"|\d?(?:er|st|nd|rd|th)?[ \t]+(?i:{_MONTHS}|{'|'.join(_EN_MONTHS)}|{'|'.join(_EN_SHORT)}\.?),?[ \t]+"
    r"(?:19|20)\d{2})(?![\w]|[/.-]\d)"
)
# Month first, the English way: "March 12, 1954", "Mar. 3rd 1954".
# English writes month names capitalised: matching them so lets the engine skip lower-case words fast.
_EN_START = word_start((), exact=tuple(m.capitalize() for m in (*_EN_MONTHS, *_EN_SHORT)))
_DATE_EN = rf"{_EN_START}\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d{{2}}(?![\w])"
_MONTH_NUMBER = {
    fold(m): i
    for names in (
        ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
         "decembre"),
        _EN_MONTHS,
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    )
    for i, m in enumerate(names, 1)
}  # fmt: skip
_MONTH_NUMBER["sept"] = 9
_ORDINAL = re.compile(r"(?<=\d)(?:er|st|nd|rd|th)\b")


@register
class PersonNameDetector(Recognizer):
    """A person's name: a structured patient-name field, or capitalised words after a name label or a title."""

    priority = 60
    name = "person_name"
    entity = "PERSON_NAME"
    patterns: ClassVar[tuple[Pattern, ...]] = (
        Pattern("name-label", rf"{_LABEL}(?:{_TITLE})?{_NAME}", 0.7),
        Pattern(LABEL_LINE_PATTERN, _LABEL_LINE, 0.7),
        Pattern(BED_PATTERN, rf"{_BED}{_TITLE}{_NAME}", 0.7),
        Pattern(HEADING_TITLED_PATTERN, _HEADING_TITLED, 0.65),
        Pattern(HEADING_PATTERN, _HEADING, 0.6),
        Pattern(FUNCTION_PATTERN, rf"{_FUNCTION}{_TITLE}{_NAME}", 0.6),
        Pattern("name-title", rf"(?:{_TITLE}|{_SUBJECT}(?:{_TITLE})?){_NAME}", 0.6),
        Pattern(KIN_PATTERN, _KIN, 0.6),
        Pattern(SUBJECT_PATTERN, rf"{_SUBJECT_LINE}{_TITLE}{_NAME}", 0.6),
        Pattern(SUBJECT_PATTERN, _SUBJECT_LINE + _SUBJECT_NAME + _ID_NEAR, 0.6),
        Pattern("name-doctor", _DOCTOR_TITLE + _DOCTOR_NAME, 0.6),
        Pattern("given-family-id", _FIRST_LAST_ANY + _ID_AFTER, 0.6),
        Pattern("family-given-id", _LAST_FIRST + _ID_AFTER, 0.6),
        Pattern("given-family", _FIRST_LAST, 0.55),
        Pattern("family-given", _LAST_FIRST, 0.55),
        Pattern("name-meeting", rf"{_MEETING_LABEL}[ \t]*:[ \t]*{_STAFF_TITLE}{_STAFF_NAME}", 0.6),
        Pattern("name-contact", rf"{_CONTACT_LABEL}[ \t]*:[ \t]*{_STAFF_TITLE}{_STAFF_NAME}", 0.6),
        Pattern(MAIL_PATTERN, _MAIL_LABEL + _MAIL_NAME, 0.65),
        Pattern(ACCOUNT_PATTERN, rf"{_ACCOUNT_LABEL}{_NAME}", 0.6),
        Pattern(AUTHORS_PATTERN, _AUTHORS, 0.6),
    )
    field_roles = frozenset({Role.PATIENT_NAME, Role.PROFESSIONAL_NAME})

    def normalise(self, candidate: str) -> str:
        # Order-free: "DUPONT Jean" and "Jean Dupont" are the same person.
        words = re.split(r"[\s^,]+", fold(candidate).upper())
        return " ".join(sorted(w for w in words if w))

    def mask(self, candidate: str) -> str:
        return " ".join(w[0] + "*" * (len(w) - 1) for w in re.split(r"[\s^,]+", candidate) if w)

    def judge(self, candidate: str, pattern: Pattern, context_word: str | None) -> Hit | None:
        if pattern.name in BARE_PATTERNS:
            return self._judge_bare(candidate, pattern)
        if pattern.name == HEADING_PATTERN:
            return self._judge_heading(candidate)
        if pattern.name in STAFF_PATTERNS:
            return self._judge_staff_list(candidate, pattern)
        if pattern.name == MAIL_PATTERN:
            return self._judge_mail(candidate)
        if pattern.name == LABEL_LINE_PATTERN and not any(
            _known(w) or (len(w) > 1 and w.isupper()) for w in re.split(r"[\s^]+", candidate)
        ):
            return None  # a line under a bare label is a name only if it reads like one ("Patient" / "Suivi")
        if pattern.name == AUTHORS_PATTERN:
            first = candidate.split(",")[0]
            if fold(first.split()[0]).lower() in NOT_NAMES:
                return None
            return Hit(self.entity, first, pattern.score, (f"pattern {pattern.name}", STAFF))
        if pattern.name == ACCOUNT_PATTERN:
            parts = candidate.split()
            if any(fold(w).lower() in NOT_NAMES for w in parts) or not any(_known(w) for w in parts):
                return None
            return Hit(self.entity, candidate, pattern.score, (f"pattern {pattern.name}", STAFF))
        words: list[str] = []
        pending: list[str] = []  # particles are kept only when a name word follows them
        for word in re.split(r"[\s^]+", candidate):
            folded = fold(word.rstrip(".")).lower()
            if words and folded in PARTICLES:
                pending.append(word)
                continue
            if folded in NOT_NAMES:
                break
            words += [*pending, word]
            pending = []
        if not words or len(words[0]) < 2:
            return None
        staff = pattern.name in ("name-doctor", FUNCTION_PATTERN)
        why = (f"pattern {pattern.name}", STAFF) if staff else (f"pattern {pattern.name}",)
        return Hit(self.entity, " ".join(words), pattern.score, why)

    def _judge_staff_list(self, candidate: str, pattern: Pattern) -> Hit | None:
        """The first member of a staff list whose given name is a known one (a list of initials names no one)."""
        for item in re.split(_LIST_SEP, candidate):
            words = item.split()
            if words and fold(words[0].rstrip(".")).lower() in _STAFF_TITLE_WORDS:
                words = words[1:]
            if len(words) >= 2 and _known(words[0]):
                return Hit(self.entity, " ".join(words), pattern.score, (f"pattern {pattern.name}", STAFF))
        return None

    def _judge_mail(self, candidate: str) -> Hit | None:
        """A correspondent of a mail header: a known given name, a title, or a name shaped like one (an initial,
        capitals, "Family, Given") with a word of it in a person's address ("Accueil Cardiologie
        <accueil.cardio@...>" or "Centre Ressources <centre.ressources@...>" is no person)."""
        name, _, local = candidate.partition("<")
        words = [w for w in re.split(r"[\s,\"]+", name) if w]
        titled = bool(words) and fold(words[0].rstrip(".")).lower() in _STAFF_TITLE_WORDS
        if titled:
            words = words[1:]
        folded = [fold(w).lower() for w in words]
        if not words or any((w in NOT_NAMES and w not in PARTICLES) or w in SERVICE_MAILBOXES for w in folded):
            return None
        spelled = [w for w in folded if len(w.rstrip(".")) >= 3 and w not in PARTICLES]
        local = local.rstrip("@")
        in_address = bool(local) and not service_mailbox(local) and any(w in fold(local).lower() for w in spelled)
        # Written the way people's names are: an initial, a family name in capitals, or "Family, Given".
        name_shaped = "," in name or any(w.endswith(".") or (len(w) > 1 and w.isupper()) for w in words)
        known = len(words) >= 2 and any(_known(w) for w in words)
        if not (titled and spelled) and not (in_address and name_shaped) and not known:
            return None
        return Hit(self.entity, " ".join(words), 0.65, (f"pattern {MAIL_PATTERN}", STAFF))

    def _judge_bare(self, candidate: str, pattern: Pattern) -> Hit | None:
        """A name without a label or title: only when the family name is no word, and the given name a known one
        unless a patient id or a birth date follows the name."""
        id_after = pattern.name.endswith("-id")
        words = candidate.replace(",", " ").split()
        given, family = (words[0], words[1:]) if pattern.name.startswith("given") else (words[-1], words[:-1])
        folded = fold(given).lower()
        if folded in NOT_NAMES:
            return None
        known = _known(given)
        if not known and not id_after:
            return None
        if any(fold(w).lower() in NOT_NAMES or len(w) < 2 for w in family):
            return None
        why = "known given name" if known else "next to a patient id or a birth date"
        return Hit(self.entity, candidate, pattern.score, (f"pattern {pattern.name}", why))

    def _judge_heading(self, candidate: str) -> Hit | None:
        """A name ending a title: no word of it is a common word, and one is a known given name."""
        folded = [fold(word).lower() for word in candidate.split()]
        if any(word in NOT_NAMES for word in folded):
            return None
        if not any(_known(word) for word in folded):
            return None
        return Hit(self.entity, candidate, 0.6, (f"pattern {HEADING_PATTERN}",))

    def from_field(self, item: StructuredField) -> list[Hit]:
        value = " ".join(p for p in re.split(r"[\^\s,]+", item.value) if p)
        if not any(ch.isalpha() for ch in value):
            return []
        if item.role is Role.PROFESSIONAL_NAME:  # a practitioner's name: personal data, never the patient's
            return [Hit(self.entity, value, 0.9, (f"professional {item.where}", STAFF))]
        return [Hit(self.entity, value, 0.9, (f"field {item.where}",))]


def _known(word: str) -> bool:
    """A given name of the gazetteer (a compound one by its first part: "Jean-Yves")."""
    folded = fold(word).lower()
    return folded in FIRST_NAMES or folded.split("-")[0] in FIRST_NAMES


def parse_date(text: str) -> date | None:
    """The calendar date a candidate names, or None when it names no real date (31/02, month 13...)."""
    value = text.strip()
    try:
        if re.fullmatch(r"\d{8}", value):  # HL7 / DICOM YYYYMMDD, or DDMMYYYY in French exports (PMSI)
            if 1850 <= int(value[:4]) <= 2100:
                return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
            return date(int(value[4:]), int(value[2:4]), int(value[:2]))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
            return date(int(value[:4]), int(value[5:7]), int(value[8:10]))
        parts = [p for p in re.split(r"[/.,\-\s]+", _ORDINAL.sub("", fold(value))) if p]
        if len(parts) != 3:
            return None
        if parts[0].isalpha():  # English order: month, day, year
            parts[0], parts[1] = parts[1], parts[0]
        day = int(parts[0])
        month = int(parts[1]) if parts[1].isdigit() else _MONTH_NUMBER.get(parts[1], 0)
        year = int(parts[2])
        if year < 100:
            year += 1900 if year > date.today().year % 100 else 2000
        return date(year, month, day)
    except ValueError:
        return None


BIRTH_WORDS = (
    "ne le", "nee le", "ne(e) le", "ne (e) le", "ne :", "nee :", "ne(e) :", "date de naissance", "date naissance",
    "date de naiss", "date naiss", "date de nais", "date nais", "dt naiss", "dt nais", "ddn", "naissance", "dob",
    "d.o.b", "dn", "birth date", "birthdate", "date of birth", "born on", "born", "birth",
    "patientbirthdate", "patient birth date",  # DICOM's attribute name as a worklist export's column
    "date de naisance", "date naisance", "naisance",  # the usual misspelling
)  # fmt: skip
# The label, then the date within 30 characters of the same cell (a colon, "(e) le", a few words), or near the start
# of the next line ("Date de naissance :\n5 novembre 1954", an XML export's "libelle: Né le\nchamp: 18-08-1938").
# Anchored on the label, which is rare, rather than on every date of a lab table or a log (each one a candidate
# whose context had to be looked up): the label is the context the date needs.
BIRTH_LABEL_PATTERN = "birth-label"
_BIRTH_DATE = rf"{words_regex(BIRTH_WORDS)}[^\n|]{{0,30}}?(?:\n[^\n|]{{0,12}}?)?(?P<value>{_DATE}|{_DATE_EN})"


@register
class BirthDateDetector(Recognizer):
    """A birth date: a date after ``né(e) le``, ``date de naissance``, ``DDN``... or a birth-date field."""

    priority = 35
    name = "birth_date"
    entity = "BIRTH_DATE"
    patterns: ClassVar[tuple[Pattern, ...]] = (Pattern(BIRTH_LABEL_PATTERN, _BIRTH_DATE, 0.5),)
    field_roles = frozenset({Role.PATIENT_BIRTH_DATE})

    def normalise(self, candidate: str) -> str:
        parsed = parse_date(candidate)
        return parsed.isoformat() if parsed else super().normalise(candidate)

    def validate(self, candidate: str) -> bool | None:
        parsed = parse_date(candidate)
        return parsed is not None and 1890 <= parsed.year <= date.today().year

    def mask(self, candidate: str) -> str:
        parsed = parse_date(candidate)
        return f"**/**/{parsed.year}" if parsed else "**/**/****"

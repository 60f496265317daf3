"""Negatives and near-misses: documents that look medical or carry numbers, but hold no patient.

Each one is labelled: care protocols and newsletters (clinical words, no person: neither personal nor health),
meeting minutes (staff names and phones: personal, not health), application logs (15-digit transaction ids and
EAN-13 barcodes: neither, zero NIR), NIR-shaped numbers with wrong keys and no context (neither).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from stdnum import ean

from lanterne.demo.clinical import ANALYTES, CASES
from lanterne.demo.context import Ctx
from lanterne.demo.identity import bad_key_nir, make_nir
from lanterne.demo.labels import Planted
from lanterne.demo.letters import Letter


def care_protocol(ctx: Ctx) -> Letter:
    """A care protocol: drugs, doses, thresholds, CIM-10 codes, and no patient or author named."""
    rng = ctx.rng
    case = rng.choice(CASES)
    code, label = case.diagnoses[0]
    labs = [a for a in ANALYTES if a.code in case.analytes]
    sections = [
        ("Objet", [f"Prise en charge standardisée : {label.lower()} (CIM-10 {code})."]),
        ("Domaine d'application", [f"Service de {case.service}, unités d'hospitalisation conventionnelle."]),
        ("Critères d'inclusion", [f"- {case.motif.capitalize()}", "- Patient majeur, consentement recueilli"]),
        ("Surveillance", [f"- {a.label} : cible entre {a.low:g} et {a.high:g} {a.unit}" for a in labs]),
        ("Traitement", [f"- {t}" for t in case.treatments]),
        ("Traçabilité", ["Toute déviation au protocole est tracée dans le dossier patient informatisé."]),
    ]
    year = ctx.year()
    version = f"Version {rng.randint(1, 6)} — validée en CME le {ctx.day(year).strftime('%d/%m/%Y')}"
    return Letter(
        f"Protocole de soins — {label}",
        [ctx.site.name, "Direction de la qualité", version],
        sections,
        ["Document qualité — diffusion interne"],
        Planted(),
        year,
        case.service,
    )


def newsletter(ctx: Ctx) -> Letter:
    """A patient-education newsletter about diabetes: clinical vocabulary, numbers with units, nobody named."""
    rng = ctx.rng
    year = ctx.year()
    sections = [
        (
            "Le diabète en chiffres",
            [
                f"Plus de {rng.randint(3, 4)},{rng.randint(0, 9)} millions de personnes sont traitées pour un diabète "
                "en France. L'HbA1c cible est le plus souvent inférieure à 7 %.",
            ],
        ),
        (
            "Les traitements",
            [
                "La metformine (souvent 1000 mg deux fois par jour) reste le traitement de première intention du "
                "diabète de type 2 (CIM-10 E11). L'insuline glargine se dose en UI/j selon les glycémies capillaires.",
            ],
        ),
        (
            "Ateliers d'éducation thérapeutique",
            [
                f"Les ateliers reprennent le {ctx.day(year).strftime('%d/%m/%Y')} : alimentation, activité physique, "
                "surveillance des pieds, hypoglycémies (glycémie < 0,70 g/L).",
            ],
        ),
    ]
    return Letter(
        f"La lettre du diabète n° {rng.randint(1, 60)}",
        [ctx.site.name, "Service d'endocrinologie"],
        sections,
        ["Ne pas jeter sur la voie publique."],
        Planted(),
        year,
        "Endocrinologie",
    )


def meeting_minutes(ctx: Ctx) -> Letter:
    """Minutes of a staff meeting: staff names, phones, e-mails (personal data, no patient, no health)."""
    rng = ctx.rng
    planted = Planted()
    attendees = [ctx.people.staff() for _ in range(rng.randint(3, 7))]
    lines = []
    for s in attendees:
        planted.add("PERSON_NAME", s.full_name)
        line = f"- {s.first} {s.last.upper()}, poste {planted.add('PHONE', s.phone)}"
        if rng.random() < 0.6:
            line += f", {planted.add('EMAIL', s.email)}"
        lines.append(line)
    year = ctx.year()
    topics = ["Planning des congés d'été", "Renouvellement du parc informatique", "Déménagement du secrétariat",
              "Formation incendie", "Commande de fournitures"]  # fmt: skip
    sections = [
        ("Présents", lines),
        ("Ordre du jour", [f"{i + 1}. {t}" for i, t in enumerate(rng.sample(topics, 3))]),
        ("Décisions", ["Le planning est validé. Prochaine réunion dans un mois."]),
    ]
    day = ctx.day(year).strftime("%d/%m/%Y")
    return Letter(
        f"Compte rendu de réunion du {day}",
        [ctx.site.name, "Pôle administratif"],
        sections,
        [f"Rédigé par {attendees[0].first} {attendees[0].last.upper()}"],
        planted,
        year,
        "Administration",
    )


def app_log(ctx: Ctx, lines: int = 400) -> str:
    """An application log full of 15-digit transaction ids and EAN-13 barcodes (no NIR planted).

    Ids are uniform 15-digit numbers: some fall on a valid NIR shape and key by chance, as in real logs; without
    a NIR context a classifier must not report them.
    """
    rng = ctx.rng
    year = ctx.year()
    t = datetime(year, rng.randint(1, 12), rng.randint(1, 28), 6, 0, 0)
    out = []
    for _ in range(lines):
        t += timedelta(seconds=rng.randint(1, 90))
        txn = f"{rng.randint(10**14, 10**15 - 1)}"
        body = f"{rng.randint(200, 599):012d}"
        barcode = body + ean.calc_check_digit(body)
        level = rng.choices(("INFO", "WARN", "ERROR"), (90, 8, 2))[0]
        out.append(
            f"{t:%Y-%m-%d %H:%M:%S},{rng.randint(0, 999):03d} {level} [stock-{rng.randint(1, 8)}] "
            f"txn={txn} article={barcode} qte={rng.randint(1, 50)} duree_ms={rng.randint(3, 900)}"
        )
    return "\n".join(out) + "\n"


def nir_like_numbers(ctx: Ctx, count: int = 60) -> str:
    """NIR-shaped numbers with wrong keys, in an inventory table without any NIR context."""
    rng = ctx.rng
    out = ["reference;lot;quantite"]
    for _ in range(count):
        fake = make_nir(rng, rng.choice("MF"), ctx.day(rng.randint(1950, 2010)))
        out.append(f"{bad_key_nir(rng, fake)};L{rng.randint(1000, 9999)};{rng.randint(1, 500)}")
    return "\n".join(out) + "\n"

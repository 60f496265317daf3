"""What a hospital share holds: each kind of file, its weight, the formats it comes in, and where it lives.

A ``Kind`` turns the seeded context into a ``Doc`` (bytes + planted values) for one chosen format and says which
folder of the share it belongs to. The share builder (``share``) only picks kinds and writes files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lanterne.demo import containers, hostile, imaging, messages, negatives, render, structured
from lanterne.demo.clinical import SERVICES
from lanterne.demo.context import Ctx, Doc, can_write, installed
from lanterne.demo.labels import Planted
from lanterne.demo.letters import Letter, discharge_letter
from lanterne.demo.tables import Table, lab_export, patient_list, payroll, pmsi_stays, table_csv


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    weight: float
    formats: tuple[str, ...]
    build: Callable[[Ctx, str], Doc]
    folder: Callable[[Ctx, Doc], str]
    names: tuple[str, ...]  # file-name stems; ``{n}`` a share-wide counter, ``{y}`` the document's year
    broken: bool = False  # hostile input: left out when ``make_share(broken=False)``
    needs: str | None = None  # a library the kind itself needs, beyond its formats'

    def available(self, fmt: str) -> bool:
        return installed(self.needs) and can_write(fmt)


def _letter_doc(
    kind: str, make: Callable[[Ctx], Letter], *, health: bool, near_miss: bool = False
) -> Callable[[Ctx, str], Doc]:
    def build(ctx: Ctx, fmt: str) -> Doc:
        letter = make(ctx)
        data, ext = render.letter(letter, fmt)
        return Doc(
            data,
            fmt,
            kind,
            ext,
            letter.year,
            health and bool(letter.planted.counts()),
            letter.planted,
            near_miss=near_miss,
            service=letter.service,
        )

    return build


def _table_doc(kind: str, make: Callable[[Ctx], Table], *, health: bool) -> Callable[[Ctx, str], Doc]:
    def build(ctx: Ctx, fmt: str) -> Doc:
        table = make(ctx)
        if fmt == "csv":
            data, ext = table_csv(table).encode(ctx.rng.choice(("utf-8", "cp1252"))), "csv"
        else:
            data, ext = render.table(table, fmt)
        return Doc(data, fmt, kind, ext, table.year, health, table.planted)

    return build


def _message_doc(
    kind: str, make: Callable[[Ctx], tuple[bytes, Planted, int]], fmt: str, ext: str
) -> Callable[[Ctx, str], Doc]:
    def build(ctx: Ctx, _fmt: str) -> Doc:
        data, planted, year = make(ctx)
        return Doc(data, fmt, kind, ext, year, True, planted)

    return build


def _text_doc(kind: str, make: Callable[[Ctx], str], ext: str, near_miss: bool) -> Callable[[Ctx, str], Doc]:
    def build(ctx: Ctx, fmt: str) -> Doc:
        return Doc(make(ctx).encode("utf-8"), fmt, kind, ext, ctx.year(), False, near_miss=near_miss)

    return build


def _empty(ctx: Ctx, fmt: str) -> Doc:
    return Doc(b"", "empty", "empty", ctx.rng.choice(("txt", "doc", "csv")), ctx.year(), False)


def _random(ctx: Ctx, fmt: str) -> Doc:
    return Doc(
        hostile.random_bytes(ctx), "binary", "random_binary", ctx.rng.choice(("dat", "bin", "tmp")), ctx.year(), False
    )


def _long_line(ctx: Ctx, fmt: str) -> Doc:
    data, planted = hostile.long_line(ctx)
    return Doc(data, "text", "long_line", "txt", ctx.year(), False, planted)


def _hl7_adt(ctx: Ctx) -> tuple[bytes, Planted, int]:
    return messages.hl7_file(ctx, ctx.rng.choice(("A01", "A08")))


def _hl7_oru(ctx: Ctx) -> tuple[bytes, Planted, int]:
    return messages.hl7_file(ctx, "R01")


def _dicom(ctx: Ctx, fmt: str) -> Doc:
    data, planted, year, modality = imaging.dicom_file(ctx, preamble=True)
    return Doc(data, "dicom", "dicom", ctx.rng.choice(("dcm", "")), year, True, planted, service=modality)


def _dicom_bare(ctx: Ctx, fmt: str) -> Doc:
    data, planted, year, modality = imaging.dicom_file(ctx, preamble=False)
    return Doc(data, "dicom", "dicom_no_preamble", "", year, True, planted, service=modality)


def _imaging(ctx: Ctx, doc: Doc) -> str:
    return f"Imagerie/{doc.service}/{doc.year}"


def _fixed(folder: str) -> Callable[[Ctx, Doc], str]:
    return lambda ctx, doc: folder.format(y=doc.year)


def _in_service(sub: str) -> Callable[[Ctx, Doc], str]:
    return lambda ctx, doc: f"{doc.service or ctx.rng.choice(SERVICES)}/{sub.format(y=doc.year)}"


KINDS: tuple[Kind, ...] = (
    Kind("discharge_letter", 14, ("text", "docx", "pdf", "rtf", "odt", "html"),
         _letter_doc("discharge_letter", discharge_letter, health=True), _in_service("Courriers/{y}"),
         ("CRH_{y}_{n:05d}", "Courrier de sortie {n}", "compte-rendu_hospit_{n}", "CR hospitalisation n°{n}",
          "Lettre liaison {n} (copie)")),
    Kind("lab_export", 5, ("csv", "xlsx"), _table_doc("lab_export", lab_export, health=True),
         _fixed("Laboratoire/Exports"), ("export_resultats_{y}_{n}", "Résultats labo {n}", "EXTRACT_BIO_{n:06d}")),
    Kind("pmsi_stays", 3, ("csv",), _table_doc("pmsi_stays", pmsi_stays, health=True), _fixed("DIM/PMSI/{y}"),
         ("RSS_{y}_{n}", "extraction DP-DAS {n}")),
    Kind("patient_list", 3, ("xlsx", "csv"), _table_doc("patient_list", patient_list, health=True),
         _in_service("Listes"), ("liste_patients_{n}", "Patients présents {n}", "Tableau de suivi {y}")),
    Kind("hl7_adt", 5, ("hl7",), _message_doc("hl7_adt", _hl7_adt, "hl7", "hl7"), _fixed("Interfaces/HL7/archive/{y}"),
         ("ADT_{n:08d}", "MSG{n:08d}")),
    Kind("hl7_oru", 4, ("hl7",), _message_doc("hl7_oru", _hl7_oru, "hl7", "hl7"), _fixed("Interfaces/HL7/archive/{y}"),
         ("ORU_R01_{n:08d}", "MSG{n:08d}")),
    Kind("hl7_batch", 2, ("hl7",), _message_doc("hl7_batch", messages.hl7_batch, "hl7", "hl7"),
         _fixed("Interfaces/HL7/archive/{y}"), ("ADT_ORU_{y}_{n:04d}", "journal_{n:06d}")),
    Kind("hprim_sante", 2, ("hprim",), _message_doc("hprim_sante", messages.hprim_sante, "hprim", "hpr"),
         _fixed("Interfaces/HPRIM"), ("{n:06d}",)),
    Kind("hprim_medecin", 2, ("hprim_medecin",),
         _message_doc("hprim_medecin", messages.hprim_medecin, "hprim_medecin", "hpm"),
         _fixed("Laboratoire/HPRIM"), ("LAB{n:05d}",)),
    Kind("hr_payroll", 2, ("csv", "xlsx"), _table_doc("hr_payroll", payroll, health=False), _fixed("RH/Paie/{y}"),
         ("paie_{y}_{n}", "Virements salaires {n}", "export_GRH_{n}")),
    Kind("care_protocol", 3, ("text", "docx", "pdf", "odt"),
         _letter_doc("care_protocol", negatives.care_protocol, health=False, near_miss=True),
         _fixed("Qualite/Protocoles"), ("Protocole_{n}", "Procédure de soins {n}", "PROT-QUAL-{n:03d}")),
    Kind("newsletter", 1, ("html", "pdf", "text"),
         _letter_doc("newsletter", negatives.newsletter, health=False, near_miss=True),
         _fixed("Qualite/Communication"), ("lettre_diabete_{n}", "Journal interne n°{n}")),
    Kind("meeting_minutes", 2, ("docx", "text", "odt"),
         _letter_doc("meeting_minutes", negatives.meeting_minutes, health=False),
         _fixed("Bureautique/Reunions"), ("CR réunion {n}", "Compte-rendu_reunion_{y}_{n}")),
    Kind("app_log", 2, ("text",), _text_doc("app_log", negatives.app_log, "log", near_miss=True),
         _fixed("Divers/logs"), ("stock_{y}_{n}", "appli-pharma.{n}")),
    Kind("nir_like_numbers", 1, ("csv",), _text_doc("nir_like_numbers", negatives.nir_like_numbers, "csv", True),
         _fixed("Divers"), ("inventaire_{n}", "references_lots_{y}")),
    Kind("fhir_bundle", 2, ("fhir",), _message_doc("fhir_bundle", structured.fhir_bundle, "fhir", "json"),
         _fixed("Interfaces/FHIR/{y}"), ("bundle_{n:06d}", "Bundle-{n}")),
    Kind("cda_letter", 2, ("cda",), _message_doc("cda_letter", structured.cda_document, "cda", "xml"),
         _fixed("DMP/Envoyes/{y}"), ("CDA_CRH_{n:06d}", "lettre_sortie_dmp_{n}")),
    Kind("dicom", 4, ("dicom",), _dicom, _imaging, ("IM{n:06d}", "IMG_{n:05d}", "I{n:07d}"), needs="pydicom"),
    Kind("dicom_no_preamble", 1, ("dicom",), _dicom_bare, _imaging, ("IM{n:06d}", "I{n:07d}"), needs="pydicom"),
    Kind("email", 2, ("eml",), lambda ctx, fmt: containers.email(ctx), _fixed("Bureautique/Messagerie"),
         ("message_{n}", "RE Courrier {n}")),
    Kind("letters_zip", 1, ("zip",), lambda ctx, fmt: containers.letters_zip(ctx), _fixed("Divers/Archives"),
         ("archive_courriers_{y}", "Sauvegarde {n}")),
    Kind("encrypted_zip", 0.5, ("zip",), lambda ctx, fmt: containers.encrypted_zip(ctx), _fixed("Divers/Archives"),
         ("archive_protegee_{n}",), broken=True, needs="pyzipper"),
    Kind("corrupt_pdf", 0.5, ("pdf",), lambda ctx, fmt: containers.corrupt_pdf(ctx), _fixed("Divers"),
         ("scan_{n}", "Courrier_{n}"), broken=True),
    Kind("empty", 0.5, ("empty",), _empty, _fixed("Divers"), ("Nouveau document texte {n}", "sans titre {n}"),
         broken=True),
    Kind("random_binary", 0.5, ("binary",), _random, _fixed("Divers"), ("data_{n}", "~WRL{n:04d}"), broken=True),
    Kind("long_line", 0.2, ("text",), _long_line, _fixed("Divers"), ("export_brut_{n}",), broken=True),
)  # fmt: skip

FORMATS = frozenset(fmt for kind in KINDS for fmt in kind.formats)

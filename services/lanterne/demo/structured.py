"""Structured clinical documents: FHIR R4 JSON Bundles and CDA R2 XML (DMP-style), with the patient in its place.

Written with ``json`` and ``xml.etree`` from the standard library: the shapes are small and fixed, and a FHIR or
CDA object library would add a heavy dependency to the package for a demo. Identifier systems are the ANS OIDs of
shared/domain/health-fr.md.
"""

from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

from lanterne.demo.clinical import ANALYTES, CASES
from lanterne.demo.context import Ctx
from lanterne.demo.labels import Planted
from lanterne.demo.letters import discharge_letter

INS_OID = "1.2.250.1.213.1.4.8"
RPPS_OID = "1.2.250.1.71.4.2.1"
STRUCTURE_OID = "1.2.250.1.71.4.2.2"
V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"


def _uuid(ctx: Ctx) -> str:
    return str(uuid.UUID(int=ctx.rng.getrandbits(128), version=4))


def _site_oid(ctx: Ctx) -> str:
    """A fictional OID for the site's own patient ids (real sites register one under their FINESS)."""
    return f"1.2.250.1.999.{int(ctx.site.finess)}.1"


def fhir_bundle(ctx: Ctx) -> tuple[bytes, Planted, int]:
    """A FHIR R4 collection Bundle: Patient (INS + IPP), Encounter (NDA), Condition (ICD-10), Observations (LOINC)."""
    rng = ctx.rng
    planted = Planted()
    year = ctx.year()
    case = rng.choice(CASES)
    p = ctx.people.patient((1925, year - 18))
    planted.add("PERSON_NAME", p.full_name)
    planted.add("BIRTH_DATE", p.birth.isoformat())
    identifiers: list[dict[str, object]] = [
        {
            "use": "usual",
            "type": {"coding": [{"system": V2_0203, "code": "PI"}]},
            "system": f"urn:oid:{_site_oid(ctx)}",
            "value": planted.add("IPP", p.ipp),
        }
    ]
    if rng.random() < 0.8:
        identifiers.insert(
            0,
            {
                "use": "official",
                "type": {
                    "coding": [
                        {"system": "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", "code": "INS-NIR"}
                    ]
                },
                "system": f"urn:oid:{INS_OID}",
                "value": planted.add("INS", p.nir),
            },
        )
    patient_id = _uuid(ctx)
    patient: dict[str, object] = {
        "resourceType": "Patient",
        "id": patient_id,
        "identifier": identifiers,
        "name": [{"use": "official", "family": p.last.upper(), "given": [p.first]}],
        "gender": "male" if p.sex == "M" else "female",
        "birthDate": p.birth.isoformat(),
        "address": [{"line": [p.address], "city": p.city, "postalCode": p.postcode, "country": "FR"}],
    }
    if rng.random() < 0.5:
        patient["telecom"] = [{"system": "phone", "value": planted.add("PHONE", p.phone)}]
    start = datetime.combine(ctx.day(year), datetime.min.time()) + timedelta(hours=rng.randint(0, 23))
    subject = {"reference": f"urn:uuid:{patient_id}"}
    resources: list[dict[str, object]] = [
        patient,
        {
            "resourceType": "Encounter",
            "id": _uuid(ctx),
            "status": "finished",
            "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
            "identifier": [
                {"type": {"coding": [{"system": V2_0203, "code": "VN"}]}, "value": planted.add("NDA", p.nda)}
            ],
            "subject": subject,
            "period": {"start": start.isoformat()},
        },
    ]
    for code, label in case.diagnoses:
        resources.append(
            {
                "resourceType": "Condition",
                "id": _uuid(ctx),
                "subject": subject,
                "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": code, "display": label}]},
                "recordedDate": start.date().isoformat(),
            }
        )
    for a in ANALYTES:
        if a.code in case.analytes:
            resources.append(
                {
                    "resourceType": "Observation",
                    "id": _uuid(ctx),
                    "status": "final",
                    "subject": subject,
                    "code": {"coding": [{"system": "http://loinc.org", "code": a.loinc, "display": a.label}]},
                    "valueQuantity": {
                        "value": float(a.value(rng)),
                        "unit": a.unit,
                        "system": "http://unitsofmeasure.org",
                    },
                    "effectiveDateTime": start.isoformat(),
                }
            )
    bundle = {
        "resourceType": "Bundle",
        "id": _uuid(ctx),
        "type": "collection",
        "timestamp": start.isoformat() + "+01:00",
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources],
    }
    return json.dumps(bundle, ensure_ascii=False, indent=2).encode("utf-8"), planted, year


def cda_document(ctx: Ctx) -> tuple[bytes, Planted, int]:
    """A CDA R2 discharge letter as sent to the DMP: INS and IPP in recordTarget, author RPPS, sections in text."""
    rng = ctx.rng
    year = ctx.year()
    p = ctx.people.patient((1925, year - 18))
    letter = discharge_letter(ctx, patient=p)  # for its clinical sections; identities are placed below
    author = ctx.doctor()
    planted = Planted()
    planted.add("PERSON_NAME", p.full_name)
    planted.add("PERSON_NAME", author.full_name)
    planted.add("BIRTH_DATE", p.birth.isoformat())
    ns = "urn:hl7-org:v3"
    ET.register_namespace("", ns)

    def el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ns}}}{tag}", attrs)
        node.text = text
        return node

    doc = ET.Element(f"{{{ns}}}ClinicalDocument")
    el(doc, "realmCode", code="FR")
    el(doc, "typeId", root="2.16.840.1.113883.1.3", extension="POCD_HD000040")
    el(doc, "id", root=_site_oid(ctx), extension=_uuid(ctx))
    el(doc, "code", code="11490-0", codeSystem="2.16.840.1.113883.6.1", displayName="Lettre de sortie")
    el(doc, "title", letter.title)
    el(doc, "effectiveTime", value=f"{letter.year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}")
    el(doc, "confidentialityCode", code="N", codeSystem="2.16.840.1.113883.5.25")
    el(doc, "languageCode", code="fr-FR")
    role = el(el(doc, "recordTarget"), "patientRole")
    el(role, "id", root=INS_OID, extension=planted.add("INS", p.nir))
    el(role, "id", root=_site_oid(ctx), extension=planted.add("IPP", p.ipp))
    addr = el(role, "addr")
    el(addr, "streetAddressLine", p.address)
    el(addr, "postalCode", p.postcode)
    el(addr, "city", p.city)
    person = el(role, "patient")
    name = el(person, "name")
    el(name, "given", p.first)
    el(name, "family", p.last.upper(), qualifier="BR")
    el(person, "administrativeGenderCode", code=p.sex, codeSystem="2.16.840.1.113883.5.1")
    el(person, "birthTime", value=p.birth.strftime("%Y%m%d"))
    assigned = el(el(doc, "author"), "assignedAuthor")
    el(assigned, "id", root=RPPS_OID, extension="8" + planted.add("RPPS", author.rpps))
    aname = el(el(assigned, "assignedPerson"), "name")
    el(aname, "family", author.last.upper())
    el(aname, "given", author.first)
    org = el(el(el(doc, "custodian"), "assignedCustodian"), "representedCustodianOrganization")
    el(org, "id", root=STRUCTURE_OID, extension="1" + planted.add("FINESS", ctx.site.finess))
    el(org, "name", ctx.site.name)
    body = el(el(doc, "component"), "structuredBody")
    for heading, paragraphs in letter.sections:
        if not heading:
            continue  # the letter's untitled greeting has no place in a CDA body
        section = el(el(body, "component"), "section")
        el(section, "title", heading)
        text = el(section, "text")
        for para in paragraphs:
            el(text, "paragraph", para)
    data = ET.tostring(doc, encoding="utf-8", xml_declaration=True)
    return data, planted, letter.year

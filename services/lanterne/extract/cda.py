"""HL7 CDA R2 (DMP documents, discharge letters, lab reports): header identity, section text, codes, PDF body.

Where the patient is (CI-SIS volet structuration minimale): ``recordTarget/patientRole/id`` (``@root`` an INS OID,
``@extension`` the matricule; other roots are site ids), ``patientRole/addr``, ``patient/name``,
``patient/birthTime``, ``administrativeGenderCode``. Authors, authenticators and recipients are professionals
(``id@root`` 1.2.250.1.71.4.2.1), organisations have FINESS-rooted ids, ``encompassingEncounter/id`` is the stay.
Each ``section`` gives its ``title`` and narrative ``text`` as a text segment; coded entries are clinical codes. A
level-1 CDA carries the document itself in ``nonXMLBody/text`` (base64 PDF, very common in the DMP): a member.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any, ClassVar

from lanterne.errors import Corrupt
from lanterne.extract.base import Extracted, Limits, Role
from lanterne.extract.budget import Budget
from lanterne.extract.identity import join_name, patient_identifier_role
from lanterne.extract.markup import xml_root

_NS = {"h": "urn:hl7-org:v3"}


def _name(element: Any) -> str:
    given = [" ".join(g.itertext()) for g in element.findall("h:given", _NS)]
    family = [" ".join(f.itertext()) for f in element.findall("h:family", _NS)]
    return join_name(*given, *family) or " ".join(" ".join(element.itertext()).split())


def _text(element: Any) -> str:
    return " ".join(" ".join(element.itertext()).split())


def _ids(budget: Budget, elements: list[Any], role: Role | None, where: str) -> None:
    """``id`` elements: ``@extension`` is the value under ``@root``; a bare ``@root`` is an instance UID, skipped."""
    for element in elements:
        root, extension = element.get("root", ""), element.get("extension", "")
        if extension:
            budget.add_field(role or patient_identifier_role(root), extension, where, root or None)


def _header(root: Any, budget: Budget) -> None:
    for patient_role in root.findall("h:recordTarget/h:patientRole", _NS):
        _ids(budget, patient_role.findall("h:id", _NS), None, "recordTarget/patientRole/id")
        for addr in patient_role.findall("h:addr", _NS):
            budget.add_field(Role.PATIENT_ADDRESS, _text(addr), "patientRole/addr")
        for telecom in patient_role.findall("h:telecom", _NS):
            budget.add_field(Role.OTHER, telecom.get("value", ""), "patientRole/telecom")
        for patient in patient_role.findall("h:patient", _NS):
            for name in patient.findall("h:name", _NS):
                budget.add_field(Role.PATIENT_NAME, _name(name), "patient/name")
            for birth in patient.findall("h:birthTime", _NS):
                budget.add_field(Role.PATIENT_BIRTH_DATE, birth.get("value", ""), "patient/birthTime")
            for gender in patient.findall("h:administrativeGenderCode", _NS):
                budget.add_field(Role.PATIENT_SEX, gender.get("code", ""), "patient/administrativeGenderCode")
    for person in root.xpath("//h:assignedAuthor | //h:assignedEntity | //h:intendedRecipient", namespaces=_NS):
        where = person.tag.rsplit("}", 1)[-1]
        _ids(budget, person.findall("h:id", _NS), Role.PROFESSIONAL_ID, f"{where}/id")
        for name in person.findall("h:assignedPerson/h:name", _NS) + person.findall(
            "h:informationRecipient/h:name", _NS
        ):
            budget.add_field(Role.PROFESSIONAL_NAME, _name(name), f"{where}/name")
    organisations = (
        "//h:representedCustodianOrganization | //h:representedOrganization | //h:serviceProviderOrganization"
    )
    for organisation in root.xpath(organisations, namespaces=_NS):
        _ids(budget, organisation.findall("h:id", _NS), Role.ORGANISATION_ID, "organization/id")
    _ids(
        budget,
        root.findall("h:componentOf/h:encompassingEncounter/h:id", _NS),
        Role.STAY_ID,
        "encompassingEncounter/id",
    )
    for code in root.findall("h:code", _NS):
        budget.add_field(Role.CLINICAL_CODE, code.get("code", ""), "ClinicalDocument/code", code.get("codeSystem"))
    for title in root.findall("h:title", _NS):
        budget.add_text(_text(title), "title")


def _body(root: Any, budget: Budget) -> None:
    for section in root.iter("{urn:hl7-org:v3}section"):
        if budget.stop():
            return
        title = " ".join(_text(t) for t in section.findall("h:title", _NS)) or "section"
        body = "\n".join(_text(t) for t in section.findall("h:text", _NS))
        budget.add_text(f"{title}\n{body}".strip(), f"section {title[:60]}")
        for coded in section.xpath("h:entry//*[@code and @codeSystem]", namespaces=_NS):
            budget.add_field(Role.CLINICAL_CODE, coded.get("code", ""), "section/entry", coded.get("codeSystem"))
            budget.add_field(Role.CLINICAL_TEXT, coded.get("displayName", ""), "section/entry")
    for text in root.findall("h:component/h:nonXMLBody/h:text", _NS):
        if text.get("representation", "").upper() != "B64":
            budget.add_text(_text(text), "nonXMLBody")
            continue
        try:
            data = base64.b64decode("".join(text.itertext()), validate=False)
        except (binascii.Error, ValueError):
            budget.note(Corrupt.code, "nonXMLBody: embedded document is not valid base64")
            continue
        subtype = text.get("mediaType", "application/octet-stream").rsplit("/", 1)[-1]
        budget.add_member(f"nonXMLBody.{subtype}", data)


class CdaExtractor:
    """HL7 CDA R2 clinical documents."""

    name: ClassVar[str] = "cda"
    formats: ClassVar[tuple[str, ...]] = ("cda",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        budget = Budget.start("cda", limits, health_format=True)
        root = xml_root(data)
        _header(root, budget)
        _body(root, budget)
        return budget.out

"""FHIR resources, JSON or XML, single or in Bundles: identity, codes, narrative, attachments.

Where the patient is (FHIR R4, French core profiles): ``Patient.identifier`` (``system`` = an INS OID as
``urn:oid:1.2.250.1.213.1.4.8``, or a type coding ``PI`` / ``NH`` / ``INS-NIR``), ``Patient.name``,
``birthDate``, ``gender``, ``address``, ``telecom``. ``Practitioner`` / ``Organization`` / ``Encounter``
identifiers are professional, organisation and stay ids. Every ``Coding`` (system + code) outside identity elements
is a clinical code; narratives (``text.div``), notes and string values are clinical text; an ``Attachment`` with
inline ``data`` (a base64 report in a ``DocumentReference``) is a member. Resources are found anywhere (Bundle
entries, ``contained``, ``Parameters``). FHIR XML is turned into the JSON shape first (every element a list,
``value`` attributes as values), so one walker serves both.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator
from typing import Any, ClassVar

from lanterne.errors import Corrupt
from lanterne.extract.base import Extracted, Limits, Role
from lanterne.extract.budget import Budget
from lanterne.extract.charset import decode, detect
from lanterne.extract.identity import join_name, patient_identifier_role
from lanterne.extract.markup import html_text, local, xml_root

_PERSON_ROLES: dict[str, tuple[Role, Role]] = {  # resource -> (identifier role, name role)
    "Patient": (Role.PATIENT_ID, Role.PATIENT_NAME),
    "Practitioner": (Role.PROFESSIONAL_ID, Role.PROFESSIONAL_NAME),
    "PractitionerRole": (Role.PROFESSIONAL_ID, Role.PROFESSIONAL_NAME),
    "Organization": (Role.ORGANISATION_ID, Role.OTHER),
    "Encounter": (Role.STAY_ID, Role.OTHER),
}
_TELECOM_KINDS = frozenset({"Patient", "Practitioner", "PractitionerRole"})  # people, not organisations
_NOT_CLINICAL = frozenset({"identifier", "meta", "name", "address", "telecom", "gender", "language"})
_TEXT_KEYS = frozenset({"valueString", "comment", "description", "conclusion", "note", "title", "outcome"})


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _first(value: Any) -> Any:
    items = _list(value)
    return items[0] if items else None


def _str(value: Any) -> str:
    value = _first(value)
    return value.strip() if isinstance(value, str) else ""


def _resources(node: Any) -> Iterator[dict[str, Any]]:
    """Every resource in the document, depth first (Bundle entries, contained resources, parameters)."""
    if isinstance(node, dict):
        if isinstance(node.get("resourceType"), str):
            yield node
        for key, value in node.items():
            if key != "resourceType":
                yield from _resources(value)
    elif isinstance(node, list):
        for item in node:
            yield from _resources(item)


def _human_name(name: dict[str, Any]) -> str:
    return _str(name.get("text")) or join_name(*[_str(g) for g in _list(name.get("given"))], _str(name.get("family")))


def _identity(resource: dict[str, Any], kind: str, budget: Budget) -> None:
    id_role, name_role = _PERSON_ROLES[kind]
    for identifier in _list(resource.get("identifier")):
        if not isinstance(identifier, dict):
            continue
        system = _str(identifier.get("system"))
        types = [_str(c.get("code")) for t in _list(identifier.get("type")) for c in _list(t.get("coding"))]
        role = patient_identifier_role(system, types[0] if types else None) if kind == "Patient" else id_role
        budget.add_field(role, _str(identifier.get("value")), f"{kind}.identifier", system or None)
    for name in _list(resource.get("name")):
        budget.add_field(name_role, _human_name(name) if isinstance(name, dict) else _str(name), f"{kind}.name")
    # A person's e-mail and phone (``ContactPoint``): scanned as text, so the e-mail and phone detectors judge them.
    if kind in _TELECOM_KINDS:
        for telecom in _list(resource.get("telecom")):
            if isinstance(telecom, dict):
                budget.add_field(Role.OTHER, _str(telecom.get("value")), f"{kind}.telecom")
    if kind == "Patient":
        budget.add_field(Role.PATIENT_BIRTH_DATE, _str(resource.get("birthDate")), "Patient.birthDate")
        budget.add_field(Role.PATIENT_SEX, _str(resource.get("gender")), "Patient.gender")
        for address in _list(resource.get("address")):
            parts = [_str(address.get("text")), *map(_str, _list(address.get("line")))]
            parts += [_str(address.get(k)) for k in ("postalCode", "city")]
            budget.add_field(Role.PATIENT_ADDRESS, " ".join(p for p in parts if p), "Patient.address")


def _clinical(node: Any, path: str, budget: Budget) -> None:
    """Codings, texts and attachments anywhere below a resource (not inside nested resources)."""
    if isinstance(node, list):
        for item in node:
            _clinical(item, path, budget)
        return
    if not isinstance(node, dict) or ("resourceType" in node and "." in path):
        return
    if "code" in node and "system" in node:
        budget.add_field(Role.CLINICAL_CODE, _str(node.get("code")), path, _str(node.get("system")) or None)
        budget.add_field(Role.CLINICAL_TEXT, _str(node.get("display")), path)
    if _str(node.get("data")) and _str(node.get("contentType")):
        _attachment(node, path, budget)
    for key, value in node.items():
        if key in _NOT_CLINICAL or key == "data":
            continue
        if key == "text":  # CodeableConcept.text; the resource's Narrative (a dict) is read by ``_narrative``
            for item in _list(value):
                if isinstance(item, str):
                    budget.add_field(Role.CLINICAL_TEXT, item.strip(), f"{path}.text")
        elif key in _TEXT_KEYS:
            for item in _list(value):
                text = _str(item.get("text")) if isinstance(item, dict) else _str(item)
                budget.add_field(Role.CLINICAL_TEXT, text, f"{path}.{key}")
        elif isinstance(value, dict | list):
            _clinical(value, f"{path}.{key}", budget)


def _attachment(node: dict[str, Any], path: str, budget: Budget) -> None:
    try:
        data = base64.b64decode(_str(node.get("data")), validate=False)
    except (binascii.Error, ValueError):
        budget.note(Corrupt.code, f"{path}: attachment data is not valid base64")
        return
    subtype = _str(node.get("contentType")).rsplit("/", 1)[-1] or "bin"
    budget.add_member(_str(node.get("title")) or f"{path}.{subtype}", data)


def _narrative(resource: dict[str, Any], kind: str, budget: Budget) -> None:
    text = _first(resource.get("text"))
    if isinstance(text, dict):
        div = _first(text.get("div"))
        if isinstance(div, str):
            budget.add_field(Role.CLINICAL_TEXT, html_text(div) if "<" in div else div, f"{kind}.text")


def _from_xml(element: Any) -> dict[str, Any]:
    """FHIR XML to the JSON shape: child elements become lists, ``value`` attributes the values."""
    result: dict[str, Any] = {}
    for child in element:
        name = local(child.tag)
        if not name:
            continue
        if name == "div":
            value: Any = " ".join(" ".join(child.itertext()).split())
        elif name in ("resource", "contained") and len(child):
            inner = child[0]
            value = {"resourceType": local(inner.tag), **_from_xml(inner)}
        elif len(child) == 0 and "value" in child.attrib:
            value = child.get("value")
        else:
            value = _from_xml(child)
            if "value" in child.attrib:
                value["value"] = child.get("value")
        result.setdefault(name, []).append(value)
    return result


class FhirExtractor:
    """FHIR R4/R5 resources and Bundles, JSON or XML."""

    name: ClassVar[str] = "fhir"
    formats: ClassVar[tuple[str, ...]] = ("fhir",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        budget = Budget.start("fhir", limits, health_format=True)
        text = decode(data, detect(data) or "utf-8").lstrip("\ufeff \t\r\n")
        if text.startswith("<"):
            root = xml_root(data)
            document: Any = {"resourceType": local(root.tag), **_from_xml(root)}
        else:
            document = json.loads(text)
        for resource in _resources(document):
            if budget.stop():
                break
            kind = resource["resourceType"]
            if kind in _PERSON_ROLES:
                _identity(resource, kind, budget)
            _narrative(resource, kind, budget)
            _clinical(resource, kind, budget)
        return budget.out

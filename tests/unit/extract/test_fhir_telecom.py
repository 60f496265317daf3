"""FHIR ``telecom`` (ContactPoint) of people: patients' and practitioners' e-mails and phones reach the detectors."""

from __future__ import annotations

import json

import pytest

from lanterne.extract.base import Limits, Role
from lanterne.extract.fhir import FhirExtractor


def bundle(kind: str) -> bytes:
    resource = {
        "resourceType": kind,
        "name": [{"family": "Quérel", "given": ["Gwenola"]}],
        "telecom": [
            {"system": "email", "value": "g.querel@chu-exemple.fr"},
            {"system": "phone", "value": "06 12 34 56 78"},
        ],
    }
    return json.dumps({"resourceType": "Bundle", "entry": [{"resource": resource}]}).encode()


@pytest.mark.parametrize("kind", ["Patient", "Practitioner", "PractitionerRole"])
def test_people_telecom_values_are_text_fields(kind: str) -> None:
    fields = FhirExtractor().extract(bundle(kind), Limits()).fields
    telecom = [f for f in fields if f.where == f"{kind}.telecom"]
    assert [f.role for f in telecom] == [Role.OTHER, Role.OTHER]
    assert sum("@" in f.value for f in telecom) == 1


def test_organisation_telecom_is_not_a_person() -> None:
    fields = FhirExtractor().extract(bundle("Organization"), Limits()).fields
    assert not [f for f in fields if f.where.endswith(".telecom")]

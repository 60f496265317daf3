"""DICOM: the patient module of the header, clinical descriptions, and the burned-in-annotation flag.

Read with pydicom, header only (``stop_before_pixels``) and ``force`` (files without the 128-byte preamble, or
with a broken meta header, are common on PACS exports). Elements are read lazily: only those named below and, in
sequences, the few that carry text or codes are decoded, so a large RT structure set's contour data is never
converted. ``BurnedInAnnotation = YES`` means identity is drawn in the pixels: it is kept as a field.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from typing import Any, ClassVar

from lanterne.extract.base import Extracted, Limits, Role
from lanterne.extract.budget import Budget
from lanterne.extract.deps import optional
from lanterne.extract.identity import join_name, patient_identifier_role

# keyword -> role, for elements at the top level of the data set.
_TOP_LEVEL: dict[str, Role] = {
    "PatientName": Role.PATIENT_NAME,
    "PatientBirthName": Role.PATIENT_NAME,
    "PatientBirthDate": Role.PATIENT_BIRTH_DATE,
    "PatientSex": Role.PATIENT_SEX,
    "PatientAddress": Role.PATIENT_ADDRESS,
    "PatientTelephoneNumbers": Role.OTHER,
    "OtherPatientIDs": Role.PATIENT_ID,
    "AdmissionID": Role.STAY_ID,
    "AccessionNumber": Role.OTHER,
    "BurnedInAnnotation": Role.OTHER,
    "ReferringPhysicianName": Role.PROFESSIONAL_NAME,
    "PerformingPhysicianName": Role.PROFESSIONAL_NAME,
    "NameOfPhysiciansReadingStudy": Role.PROFESSIONAL_NAME,
    "RequestingPhysician": Role.PROFESSIONAL_NAME,
    "StudyDescription": Role.CLINICAL_TEXT,
    "SeriesDescription": Role.CLINICAL_TEXT,
    "RequestedProcedureDescription": Role.CLINICAL_TEXT,
    "PerformedProcedureStepDescription": Role.CLINICAL_TEXT,
    "ReasonForTheRequestedProcedure": Role.CLINICAL_TEXT,
    "AdmittingDiagnosesDescription": Role.CLINICAL_TEXT,
    "AdditionalPatientHistory": Role.CLINICAL_TEXT,
    "PatientComments": Role.CLINICAL_TEXT,
    "ImageComments": Role.CLINICAL_TEXT,
    "StudyComments": Role.CLINICAL_TEXT,
}
_TEXT_VRS = frozenset({"AE", "CS", "DA", "DT", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UT"})


def _where(element: Any) -> str:
    return f"({element.tag.group:04X},{element.tag.element:04X}) {element.keyword or 'private'}"


def _person(value: Any) -> str:
    """A PN value as ``Given Family`` (``DUPONT^Jean`` in the file)."""
    if hasattr(value, "family_name"):
        return join_name(value.given_name, value.middle_name, value.family_name)
    return join_name(*str(value).split("^"))


def _values(element: Any) -> list[str]:
    value = element.value
    items = list(value) if isinstance(value, list | tuple) or type(value).__name__ == "MultiValue" else [value]
    if element.VR == "PN":
        return [_person(item) for item in items if item]
    return [str(item) for item in items if item not in (None, "")]


def _lazy_elements(dataset: Any, vrs: frozenset[str], dictionary_vr: Any) -> Iterator[Any]:
    """Elements of the wanted VRs (and sequences) decoded one by one; others are never converted."""
    for tag in list(dataset.keys()):
        raw = dataset.get_item(tag)
        vr = getattr(raw, "VR", None)
        if not vr or vr == "UN":
            try:
                vr = dictionary_vr(tag)
            except KeyError:
                continue
        if vr == "SQ" or vr in vrs:
            yield dataset[tag]


class DicomExtractor:
    """DICOM files (images, structured reports, RT objects), header only."""

    name: ClassVar[str] = "dicom"
    formats: ClassVar[tuple[str, ...]] = ("dicom",)

    def extract(self, data: bytes, limits: Limits) -> Extracted:
        pydicom = optional("pydicom", "pydicom")
        # Value validation off: pydicom would warn (and log, sometimes quoting the value: a birth date, a name) on
        # every oddity of real-world files. Process-wide, and the same value for every caller.
        pydicom.config.settings.reading_validation_mode = pydicom.config.IGNORE
        budget = Budget.start("dicom", limits, health_format=True)
        with warnings.catch_warnings():  # the remaining reader warnings (truncated files...): the result says enough
            warnings.simplefilter("ignore")
            dataset = pydicom.dcmread(io.BytesIO(data), stop_before_pixels=True, force=True)
            self._top(dataset, budget)
            self._sequences(dataset, budget, pydicom.datadict.dictionary_VR, depth=0)
        return budget.out

    def _top(self, dataset: Any, budget: Budget) -> None:
        issuer = str(dataset.get("IssuerOfPatientID", "") or "")
        patient_id = dataset.get("PatientID")
        if patient_id:
            budget.add_field(Role.PATIENT_ID, patient_id, "(0010,0020) PatientID", issuer or None)
        for keyword, role in _TOP_LEVEL.items():
            if keyword not in dataset:
                continue
            element = dataset[keyword]
            if element.value in (None, ""):
                continue
            for value in _values(element):
                budget.add_field(role, value, _where(element))
        for item in dataset.get("OtherPatientIDsSequence", None) or ():
            system = str(item.get("IssuerOfPatientID", "") or "")
            type_code = str(item.get("TypeOfPatientID", "") or "")
            role = patient_identifier_role(system, type_code)
            budget.add_field(role, item.get("PatientID", ""), "(0010,1002) OtherPatientIDsSequence", system or None)

    def _sequences(self, dataset: Any, budget: Budget, dictionary_vr: Any, depth: int) -> None:
        """Inside sequences (structured reports, request attributes): text values, person names and codes."""
        if depth > 8 or budget.stop():
            return
        for element in _lazy_elements(dataset, _TEXT_VRS, dictionary_vr):
            if element.VR != "SQ":
                if depth and element.keyword in ("TextValue", "PersonName"):
                    role = Role.CLINICAL_TEXT if element.keyword == "TextValue" else Role.OTHER
                    for value in _values(element):
                        budget.add_field(role, value, _where(element))
                continue
            for item in element.value or ():
                code = item.get("CodeValue")
                if code:
                    budget.add_field(Role.CLINICAL_CODE, code, _where(element), item.get("CodingSchemeDesignator"))
                self._sequences(item, budget, dictionary_vr, depth + 1)

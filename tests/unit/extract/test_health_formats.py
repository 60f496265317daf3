"""HL7 v2, DICOM (pydicom's own test files), FHIR JSON/XML, CDA R2, HPRIM Santé and HPRIM Médecin."""

from __future__ import annotations

import base64
import json

import pytest
from extract_helpers import all_text, codes, run, values
from extract_samples import BUNDLE, CDA, HL7, HPRIM_MEDECIN, HPRIM_SANTE, INS_OID, PDF

from lanterne.extract import Limits, Role
from lanterne.extract.sniff import sniff


@pytest.mark.parametrize("framing", ["cr", "lf", "crlf", "mllp"])
def test_hl7_identity_codes_text_and_members(framing: str, limits: Limits) -> None:
    message = {
        "cr": HL7,
        "lf": HL7.replace("\r", "\n"),
        "crlf": HL7.replace("\r", "\r\n"),
        "mllp": "\x0b" + HL7 + "\x1c\r",
    }[framing]
    result = run(message.encode("utf-8"), "msg.hl7", limits)
    assert result.format == "hl7" and result.health_format and not result.errors
    assert values(result, Role.PATIENT_ID) == ["800123456"]
    nir = [f for f in result.fields if f.role == Role.PATIENT_NIR]
    assert [(f.value, f.system, f.where) for f in nir] == [("279035121518989", INS_OID, "PID-3 ^INS")]
    assert values(result, Role.PATIENT_NAME) == ["Hélène DUPONT"]
    assert values(result, Role.PATIENT_BIRTH_DATE) == ["19550814"]
    assert values(result, Role.STAY_ID) == ["7001", "V9"]
    assert values(result, Role.PROFESSIONAL_ID) == ["10001234567"]
    assert ("E11.9", "I10") in [(f.value, f.system) for f in result.fields if f.role == Role.CLINICAL_CODE]
    clinical_text = values(result, Role.CLINICAL_TEXT)
    assert "Glycémie élevée\ncontrôle à 3 mois" in clinical_text
    assert "Patiente vue en consultation" in clinical_text
    assert [(m.name, m.data) for m in result.members] == [("OBX-2.pdf", PDF)]


def test_hl7_several_messages_latin1(limits: Limits) -> None:
    second = HL7.replace("800123456", "800999999").replace("DUPONT", "MARTIN")
    result = run((HL7 + second).encode("latin-1"), "batch.hl7", limits)
    assert values(result, Role.PATIENT_ID) == ["800123456", "800999999"]
    assert "Hélène MARTIN" in values(result, Role.PATIENT_NAME)


def test_hl7_truncated_and_garbage(limits: Limits) -> None:
    for data in (HL7.encode()[:40], b"MSH|^~\\&|\x00\x00\xff", b"MSH|" + b"|" * 10000):
        result = run(data, "x.hl7", limits)
        assert result.format in ("hl7", "binary")


pydicom_data = pytest.importorskip("pydicom.data")


def _dicom(name: str) -> bytes:
    path = pydicom_data.get_testdata_file(name) or pydicom_data.get_charset_files(name)[0]
    with open(path, "rb") as handle:
        return handle.read()


def test_dicom_patient_module(limits: Limits) -> None:
    result = run(_dicom("CT_small.dcm"), "IM0001", limits)
    assert result.format == "dicom" and result.health_format and not result.errors
    assert values(result, Role.PATIENT_ID)[0] == "1CT1"
    assert values(result, Role.PATIENT_NAME) == ["CT1 CompressedSamples"]
    assert any(f.where == "(0010,0010) PatientName" for f in result.fields)


def test_dicom_without_preamble_has_birth_date(limits: Limits) -> None:
    result = run(_dicom("rtstruct.dcm"), "rtstruct", limits)
    assert result.format == "dicom" and not result.errors
    assert values(result, Role.PATIENT_BIRTH_DATE) == ["19691231"]
    assert values(result, Role.PATIENT_NAME)


def test_dicom_french_character_set(limits: Limits) -> None:
    result = run(_dicom("chrFren.dcm"), "x.dcm", limits)
    assert any("é" in name or "ô" in name for name in values(result, Role.PATIENT_NAME))


def test_dicom_structured_report_text(limits: Limits) -> None:
    result = run(_dicom("test-SR.dcm"), "sr.dcm", limits)
    assert any(f.where == "(0040,A160) TextValue" for f in result.fields)


def test_dicom_burned_in_annotation_flag(limits: Limits) -> None:
    pydicom = pytest.importorskip("pydicom")
    import io

    dataset = pydicom.dcmread(io.BytesIO(_dicom("MR_small.dcm")))
    dataset.BurnedInAnnotation = "YES"
    buffer = io.BytesIO()
    dataset.save_as(buffer)
    result = run(buffer.getvalue(), "mr.dcm", limits)
    assert ("YES", "(0028,0301) BurnedInAnnotation") in [(f.value, f.where) for f in result.fields]


@pytest.mark.parametrize("name", ["MR_truncated.dcm", "rtplan_truncated.dcm"])
def test_dicom_truncated_does_not_raise(name: str, limits: Limits) -> None:
    result = run(_dicom(name), name, limits)
    assert result.format == "dicom"


def test_dicom_cut_in_the_header(limits: Limits) -> None:
    data = _dicom("MR_small.dcm")[:200]
    result = run(data, "cut.dcm", limits)
    assert result.format == "dicom"  # whatever pydicom makes of it, an Extracted comes back


def _check_fhir(result) -> None:  # type: ignore[no-untyped-def]
    assert result.format == "fhir" and result.health_format and not result.errors
    nir = [(f.value, f.system) for f in result.fields if f.role == Role.PATIENT_NIR]
    assert nir == [("279035121518989", f"urn:oid:{INS_OID}")]
    assert values(result, Role.PATIENT_ID) == ["800123456"]
    assert values(result, Role.PATIENT_NAME) == ["Hélène DUPONT"]
    assert values(result, Role.PATIENT_BIRTH_DATE) == ["1955-08-14"]
    codes_ = [(f.value, f.system) for f in result.fields if f.role == Role.CLINICAL_CODE]
    assert ("E11.9", "http://hl7.org/fhir/sid/icd-10") in codes_
    assert "Diabète" in values(result, Role.CLINICAL_TEXT)
    assert [m.data for m in result.members] == [PDF]


def test_fhir_json_bundle(limits: Limits) -> None:
    _check_fhir(run(json.dumps(BUNDLE).encode(), "bundle.json", limits))


def _xml(tag: str, value: object) -> str:
    if isinstance(value, dict):
        inner = "".join(_xml(k, v) for k, v in value.items() if k != "resourceType")
        if "resourceType" in value:
            return f"<{tag}><{value['resourceType']}>{inner}</{value['resourceType']}></{tag}>"
        return f"<{tag}>{inner}</{tag}>"
    if isinstance(value, list):
        return "".join(_xml(tag, item) for item in value)
    if tag == "div":
        return str(value)
    return f'<{tag} value="{value}"/>'


def test_fhir_xml_bundle(limits: Limits) -> None:
    body = "".join(_xml(k, v) for k, v in BUNDLE.items() if k != "resourceType")
    document = f'<?xml version="1.0" encoding="UTF-8"?><Bundle xmlns="http://hl7.org/fhir">{body}</Bundle>'
    _check_fhir(run(document.encode(), "bundle.xml", limits))


def test_fhir_broken_json(limits: Limits) -> None:
    result = run(b'{"resourceType": "Patient", "name": [', "p.json", limits)
    assert result.format == "fhir" and codes(result) == ["corrupt"]


def test_cda_header_and_sections(limits: Limits) -> None:
    result = run(CDA.encode(), "doc.xml", limits)
    assert result.format == "cda" and result.health_format and not result.errors
    assert [(f.value, f.system) for f in result.fields if f.role == Role.PATIENT_NIR] == [("279035121518989", INS_OID)]
    assert values(result, Role.PATIENT_ID) == ["800123456"]
    assert values(result, Role.PATIENT_NAME) == ["Hélène DUPONT"]
    assert values(result, Role.PATIENT_BIRTH_DATE) == ["19550814"]
    assert values(result, Role.PROFESSIONAL_ID) == ["810001234567"]
    assert values(result, Role.STAY_ID) == ["V9"]
    assert ("E11.9", "2.16.840.1.113883.6.3") in [(f.value, f.system) for f in result.fields]
    section = next(s for s in result.text if s.where.startswith("section"))
    assert section.text == "Motif d'hospitalisation\nDécompensation diabétique"


def test_cda_level1_pdf_body_is_a_member(limits: Limits) -> None:
    body = base64.b64encode(PDF).decode()
    document = CDA.replace(
        CDA[CDA.index("<component><structuredBody>") : CDA.index("</ClinicalDocument>")],
        f'<component><nonXMLBody><text mediaType="application/pdf" representation="B64">{body}</text>'
        "</nonXMLBody></component>",
    )
    result = run(document.encode(), "doc.xml", limits)
    assert [(m.name, m.data) for m in result.members] == [("nonXMLBody.pdf", PDF)]


def test_cda_broken_xml(limits: Limits) -> None:
    result = run(CDA.encode()[:300], "doc.xml", limits)
    assert result.format == "cda" and codes(result) == ["corrupt"]


def test_cda_entity_expansion_is_not_performed(limits: Limits) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><ClinicalDocument xmlns="urn:hl7-org:v3"><title>&c;</title>'
        "</ClinicalDocument>"
    )
    result = run(bomb.encode(), "bomb.xml", limits)
    assert result.format == "cda"
    assert "a" * 100 not in all_text(result)


def test_hprim_sante_patient_segment(limits: Limits) -> None:
    result = run(HPRIM_SANTE.encode("latin-1"), "resultat.hpr", limits)
    assert result.format == "hprim" and result.health_format and not result.errors
    assert values(result, Role.PATIENT_ID) == ["800123456"]
    assert values(result, Role.PATIENT_NIR) == ["279035121518989"]  # P.5 with a NIR's shape
    assert values(result, Role.PATIENT_NAME) == ["Hélène DUPONT"]
    assert values(result, Role.PATIENT_BIRTH_DATE) == ["19550814"]
    assert "Glycémie 7.2 mmol/l" in values(result, Role.CLINICAL_TEXT)
    assert "Contrôle recommandé" in values(result, Role.CLINICAL_TEXT)


def test_hprim_medecin_header(limits: Limits) -> None:
    result = run(HPRIM_MEDECIN.encode("cp1252"), "cr.hpm", limits)
    assert result.format == "hprim_medecin" and result.health_format and not result.errors
    assert values(result, Role.PATIENT_ID) == ["800123456"]
    assert values(result, Role.PATIENT_NAME) == ["Hélène DUPONT"]
    assert values(result, Role.PATIENT_BIRTH_DATE) == ["14/08/1955"]
    assert values(result, Role.PATIENT_NIR) == ["2550814168025 38"]
    assert values(result, Role.STAY_ID) == ["D24-001"]
    assert "glycémie élevée" in all_text(result)
    assert "Glycémie 7.2 mmol/l" in values(result, Role.CLINICAL_TEXT)


INTERFACE_LOG = (
    b"2025-11-23 02:00:00 INFO received message:\n"
    b"MSH|^~\\&|LABO|CH|DPI|HOP|202503221405||ORU^R01|6679243|P|2.5\n"
    b"PID|||85378509^^^HOP^PI||RIOU^Juliette||20050722|F\n"
    b"OBX|1|NM|Potassium||4.7|||N|||F\n"
    b"2025-11-23 02:00:37 ERROR ack timeout, retrying\n"
)


def test_hl7_messages_in_an_interface_log_are_read_with_the_log_lines(limits: Limits) -> None:
    assert sniff(INTERFACE_LOG, "interface.log") == "hl7"
    result = run(INTERFACE_LOG, "interface.log", limits)
    assert {f.role for f in result.fields} >= {Role.PATIENT_ID, Role.PATIENT_NAME, Role.PATIENT_BIRTH_DATE}
    assert "ERROR ack timeout" in all_text(result) and not result.errors

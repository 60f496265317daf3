"""The demo share: deterministic, faithful to its manifest, and every file readable by its format's library."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

import pytest
from stdnum.fr import nir as stdnum_nir

from lanterne.demo import IDENTIFIER_TYPES, Manifest, make_share, manifest_path

TEXT_FORMATS = {"text", "csv", "hl7", "hprim", "fhir", "cda", "html"}


@pytest.fixture(scope="module")
def share(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Manifest]:
    dest = tmp_path_factory.mktemp("demo") / "share"
    return dest, make_share(dest, seed=11, files=90)


def _disk_files(root: Path) -> set[str]:
    out = set()
    for dirpath, _dirs, names in os.walk(os.fsencode(root)):
        for name in names:
            rel = os.path.relpath(os.path.join(dirpath, name), os.fsencode(root))
            out.add(os.fsdecode(rel).replace(os.sep, "/"))
    return out


def _read(root: Path, rel: str) -> bytes:
    with open(os.fsencode(root) + b"/" + os.fsencode(rel), "rb") as fh:
        return fh.read()


def test_same_seed_gives_same_share(tmp_path: Path, share: tuple[Path, Manifest]) -> None:
    _, first = share
    again = make_share(tmp_path / "share", seed=11, files=90)
    assert again.files == first.files
    for rel, label in first.files.items():
        if label.expect_error == "encrypted":
            continue  # AES salts come from os.urandom inside pyzipper: same size and labels, other bytes
        assert _read(share[0], rel) == _read(tmp_path / "share", rel), rel
    other = make_share(tmp_path / "other", seed=12, files=90)
    assert other.planted_values() != first.planted_values()


def test_manifest_matches_disk(share: tuple[Path, Manifest]) -> None:
    root, manifest = share
    assert _disk_files(root) == set(manifest.files)
    assert Manifest.read(manifest_path(root)) == manifest
    assert not manifest_path(root).is_relative_to(root)
    for rel, label in manifest.files.items():
        st = os.stat(os.fsencode(root) + b"/" + os.fsencode(rel))
        assert (st.st_size, int(st.st_mtime), st.st_mode & 0o777) == (label.size, label.mtime, label.mode), rel


def test_labels_are_consistent(share: tuple[Path, Manifest]) -> None:
    _, manifest = share
    for label in manifest.files.values():
        assert set(label.identifiers) <= set(IDENTIFIER_TYPES)
        assert label.identifiers == {k: len(v) for k, v in label.values.items()}
        assert not (label.health_data and not label.personal_data), label.path
    kinds = {label.kind for label in manifest.files.values()}
    assert {"discharge_letter", "hl7_adt", "hr_payroll", "care_protocol", "app_log", "empty"} <= kinds
    payroll = [lab for lab in manifest.files.values() if lab.kind == "hr_payroll"]
    assert payroll and all(lab.personal_data and not lab.health_data and lab.identifiers["NIR"] for lab in payroll)
    negatives = [lab for lab in manifest.files.values() if lab.kind in ("care_protocol", "newsletter", "app_log")]
    assert negatives and not any(lab.personal_data or lab.health_data for lab in negatives)


def test_every_planted_nir_and_ins_has_a_valid_key(share: tuple[Path, Manifest]) -> None:
    _, manifest = share
    numbers = [v for lab in manifest.files.values() for t in ("NIR", "INS") for v in lab.values.get(t, [])]
    assert len(numbers) > 10
    assert all(stdnum_nir.is_valid(n) for n in numbers)
    assert any(n[5:7] in ("2A", "2B") for n in numbers) or any(n[5:7] == "99" for n in numbers)


def test_planted_values_are_in_text_files_and_never_in_names(share: tuple[Path, Manifest]) -> None:
    root, manifest = share
    for rel, label in manifest.files.items():
        for value in (v for t in ("IPP", "NDA", "RPPS", "IBAN", "EMAIL") for v in label.values.get(t, [])):
            assert value not in rel
        if label.format in TEXT_FORMATS:
            text = _read(root, rel).decode("utf-8", "replace") + _read(root, rel).decode("latin-1")
            for kind in ("IPP", "NDA", "IBAN"):
                for value in label.values.get(kind, []):
                    assert value in text, (rel, kind)


def test_hl7_parses_with_the_hl7_package(share: tuple[Path, Manifest]) -> None:
    import hl7

    root, manifest = share
    messages = [rel for rel, lab in manifest.files.items() if lab.format == "hl7"]
    assert messages
    assert any(manifest.files[rel].kind == "hl7_batch" for rel in messages)
    for rel in messages:
        raw = _read(root, rel).strip(b"\x0b\x1c\r").decode("latin-1")
        parsed = [hl7.parse(m.strip()) for m in hl7.split_file(raw)]
        assert len(parsed) >= 3 if manifest.files[rel].kind == "hl7_batch" else len(parsed) == 1
        for msg in parsed:
            pid = msg.segment("PID")
            assert str(pid[3][0][0]) in manifest.files[rel].values["IPP"]
            assert str(pid[18][0][0]) in manifest.files[rel].values["NDA"]
            if "^INS" in str(pid[3]):
                assert str(pid[3][1][0]) in manifest.files[rel].values["INS"]


def test_fhir_and_cda_carry_the_patient_where_the_standard_says(share: tuple[Path, Manifest]) -> None:
    import json
    import xml.etree.ElementTree as ET

    root, manifest = share
    seen = set()
    for rel, label in manifest.files.items():
        if label.format == "fhir":
            bundle = json.loads(_read(root, rel))
            assert bundle["resourceType"] == "Bundle"
            resources = [e["resource"] for e in bundle["entry"]]
            patient = next(r for r in resources if r["resourceType"] == "Patient")
            ids = {i["system"]: i["value"] for i in patient["identifier"]}
            assert set(label.values.get("INS", [])) == {v for s, v in ids.items() if s == "urn:oid:1.2.250.1.213.1.4.8"}
            codings = [c for r in resources if r["resourceType"] == "Condition" for c in r["code"]["coding"]]
            assert codings and all(c["system"] == "http://hl7.org/fhir/sid/icd-10" for c in codings)
            seen.add("fhir")
        elif label.format == "cda":
            doc = ET.fromstring(_read(root, rel))
            ns = {"v3": "urn:hl7-org:v3"}
            assert doc.tag == "{urn:hl7-org:v3}ClinicalDocument"
            ids = doc.findall("v3:recordTarget/v3:patientRole/v3:id", ns)
            ins = [i.get("extension") for i in ids if i.get("root") == "1.2.250.1.213.1.4.8"]
            assert ins == label.values["INS"]
            seen.add("cda")
    assert seen == {"fhir", "cda"}


def test_dicom_parses_with_pydicom(share: tuple[Path, Manifest]) -> None:
    pydicom = pytest.importorskip("pydicom")
    root, manifest = share
    images = [rel for rel, lab in manifest.files.items() if lab.format == "dicom"]
    assert images
    for rel in images:
        ds = pydicom.dcmread(io.BytesIO(_read(root, rel)), force=True)
        assert ds.PatientID in manifest.files[rel].values["IPP"]
        assert ds.PatientBirthDate


def test_dicom_without_preamble_parses(tmp_path: Path) -> None:
    pydicom = pytest.importorskip("pydicom")
    from lanterne.demo.context import Ctx
    from lanterne.demo.imaging import dicom_file

    data, planted, _, _ = dicom_file(Ctx(5), preamble=False)
    assert data[128:132] != b"DICM"
    ds = pydicom.dcmread(io.BytesIO(data), force=True)
    assert ds.PatientID in planted.values()["IPP"]


def test_office_files_open(share: tuple[Path, Manifest]) -> None:
    docx = pytest.importorskip("docx")
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("odf")
    pytest.importorskip("pypdf")
    root, manifest = share
    for rel, label in manifest.files.items():
        if label.format == "docx":
            document = docx.Document(io.BytesIO(_read(root, rel)))
            cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
            text = "\n".join([p.text for p in document.paragraphs] + cells)
            assert all(v in text for v in label.values.get("IPP", []))
        elif label.format == "odt":
            from odf import opendocument, teletype
            from odf.text import P

            doc = opendocument.load(io.BytesIO(_read(root, rel)))
            text = "\n".join(teletype.extractText(p) for p in doc.getElementsByType(P))
            assert all(v in text for v in label.values.get("IPP", []))
        elif label.format == "pdf" and not label.expect_error:
            from pypdf import PdfReader

            text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(_read(root, rel))).pages)
            assert all(v in text for v in label.values.get("IPP", []))
        elif label.format == "xlsx":
            wb = openpyxl.load_workbook(io.BytesIO(_read(root, rel)), read_only=True)
            cells = {str(c) for row in wb.active.iter_rows(values_only=True) for c in row}
            assert set(label.values.get("IPP", [])) <= cells


def test_containers_list_their_members(share: tuple[Path, Manifest]) -> None:
    root, manifest = share
    zips = [(rel, lab) for rel, lab in manifest.files.items() if lab.kind == "letters_zip"]
    assert zips
    for rel, label in zips:
        names = zipfile.ZipFile(io.BytesIO(_read(root, rel))).namelist()
        assert [m.path for m in label.members] == [f"{rel}!{n}" for n in names]
        assert label.health_data and label.values["IPP"]


def test_formats_filter_and_broken_switch(tmp_path: Path) -> None:
    manifest = make_share(tmp_path / "s", seed=3, files=30, formats={"text", "csv", "hl7"}, broken=False)
    assert {lab.format for lab in manifest.files.values()} <= {"text", "csv", "hl7"}
    assert not any(lab.expect_error or lab.kind in ("long_line", "empty") for lab in manifest.files.values())
    assert all(os.fsdecode(os.fsencode(rel)) == rel and rel.isprintable() for rel in manifest.files)
    assert len(manifest.files) == 30


def test_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "share").mkdir()
    (tmp_path / "share" / "keep.txt").write_text("someone's file")
    with pytest.raises(FileExistsError):
        make_share(tmp_path / "share", files=5)
    assert [p.name for p in (tmp_path / "share").iterdir()] == ["keep.txt"]


def test_near_misses_hold_no_valid_nir(share: tuple[Path, Manifest]) -> None:
    root, manifest = share
    tables = [rel for rel, lab in manifest.files.items() if lab.kind == "nir_like_numbers"]
    assert tables
    for rel in tables:
        numbers = [line.split(";")[0] for line in _read(root, rel).decode().splitlines()[1:]]
        assert numbers and not any(stdnum_nir.is_valid(n) for n in numbers)
        assert not manifest.files[rel].personal_data


def test_a_non_utf8_name_is_planted_on_linux(share: tuple[Path, Manifest]) -> None:
    _, manifest = share
    odd = [rel for rel in manifest.files if not rel.isprintable() or "\udce9" in rel]
    assert len(odd) == (1 if sys.platform.startswith("linux") else 0)


def test_name_clashes_get_a_suffix_before_the_extension(tmp_path: Path) -> None:
    from lanterne.demo.share import _unique

    (tmp_path / "IM000001").touch()
    (tmp_path / "a b.csv").touch()
    assert _unique(tmp_path / "IM000001") == tmp_path / "IM000001 (2)"
    assert _unique(tmp_path / "a b.csv") == tmp_path / "a b (2).csv"
    assert _unique(tmp_path / "new.csv") == tmp_path / "new.csv"


def test_a_missing_optional_library_drops_its_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lanterne.demo import context

    monkeypatch.setitem(context.NEEDS, "pdf", "no_such_pdf_library")
    manifest = make_share(tmp_path / "s", seed=4, files=60)
    labels = [*manifest.files.values(), *(m for lab in manifest.files.values() for m in lab.members)]
    assert labels and not any(lab.format == "pdf" for lab in labels)


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"known: .*hl7"):
        make_share(tmp_path / "s", files=5, formats={"hl7", "wordperfect"})

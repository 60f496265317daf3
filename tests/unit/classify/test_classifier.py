"""Classifier.classify on real temporary files: every field of the verdict, and bad input as data."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import lanterne
from lanterne.classify import Classifier
from lanterne.classify import read as read_module
from lanterne.events.models import EventKind, FileEvent
from lanterne.extract.base import Limits
from lanterne.settings import ClassifierSettings

LETTER = (
    "Compte rendu d'hospitalisation\nPatient : LEFÈVRE Anne, née le 12/03/1955\n"
    "N° de sécurité sociale : 2 55 08 14 168 025 38\nIPP : 8001234567\n"
    "ANTÉCÉDENTS :\nHTA\nConclusion :\nSyndrome coronarien (CIM-10 I21.4)\nTraitement de sortie :\nKardegic 75 mg/j\n"
)
EventFor = Callable[..., FileEvent]


def test_letter_gets_a_full_verdict(classifier: Classifier, event_for: EventFor, tmp_path: Path) -> None:
    path = tmp_path / "cr.txt"
    path.write_text(LETTER, encoding="utf-8")
    os.chmod(path, 0o640)
    stamp = 1_600_000_000_000_000_000
    os.utime(path, ns=(stamp, stamp))
    verdict = classifier.classify(event_for("cr.txt", mtime_ns=stamp, atime_ns=stamp, mode=0o100640, owner="u"))
    assert verdict.health_data and verdict.personal_data
    assert verdict.identifiers["NIR"] == 1 and verdict.identifiers["IPP"] == 1
    assert "NIR 2 55 08 ** *** *** 38" in verdict.samples
    assert any(f.startswith("NIR:") for f in verdict.fingerprints)
    assert verdict.content_hash == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    assert verdict.size == path.stat().st_size and verdict.format == "text"
    assert verdict.mtime is not None and verdict.mtime.year == 2020 and verdict.mtime.tzinfo is not None
    assert verdict.exposure == 0.5 and 0 < verdict.staleness < 1
    assert verdict.sensitivity >= 60 and 0 < verdict.dark_score <= verdict.sensitivity
    assert verdict.sensitivity_factors["health"] > 0
    assert verdict.classifier_version == lanterne.__version__
    assert verdict.path == f"{tmp_path}/cr.txt" and verdict.relative_path == "cr.txt" and verdict.sequence == 7
    assert not verdict.errors


def test_deleted_event_gives_a_tombstone(classifier: Classifier, event_for: EventFor) -> None:
    verdict = classifier.classify(event_for("gone.txt", kind=EventKind.DELETED))
    assert verdict.deleted and verdict.event_kind is EventKind.DELETED and not verdict.errors


def test_moved_event_classifies_the_new_path(classifier: Classifier, event_for: EventFor, tmp_path: Path) -> None:
    (tmp_path / "new.txt").write_text(LETTER, encoding="utf-8")
    verdict = classifier.classify(event_for("new.txt", kind=EventKind.MOVED, old_path="old.txt", old_file_id="abc"))
    assert verdict.previous_file_id == "abc" and verdict.health_data


def test_vanished_file(classifier: Classifier, event_for: EventFor) -> None:
    verdict = classifier.classify(event_for("never-there.txt"))
    assert [(e.code, e.stage) for e in verdict.errors] == [("vanished", "read")]
    assert verdict.content_hash is None and not verdict.deleted
    assert verdict.reasons == ["not classified: vanished"]


def test_permission_denied(
    classifier: Classifier, event_for: EventFor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(LETTER, encoding="utf-8")
    path.chmod(0)
    real_open = os.open

    def denied(target: object, *args: object, **kwargs: object) -> int:
        if str(target) == str(path):  # root ignores mode bits: make the denial explicit
            raise PermissionError(13, "Permission denied")
        return real_open(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(read_module.os, "open", denied)
    verdict = classifier.classify(event_for("secret.txt"))
    assert [(e.code, e.stage) for e in verdict.errors] == [("unreadable", "read")]


def test_directory_and_fifo_are_unreadable_not_hanging(
    classifier: Classifier, event_for: EventFor, tmp_path: Path
) -> None:
    (tmp_path / "dir").mkdir()
    os.mkfifo(tmp_path / "pipe")
    for name in ("dir", "pipe"):
        assert [e.code for e in classifier.classify(event_for(name)).errors] == ["unreadable"]


def test_empty_file(classifier: Classifier, event_for: EventFor, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    verdict = classifier.classify(event_for("empty.txt"))
    assert not verdict.health_data and not verdict.personal_data and verdict.size == 0
    assert verdict.content_hash == "sha256:" + hashlib.sha256(b"").hexdigest()


def test_binary_file(classifier: Classifier, event_for: EventFor, tmp_path: Path) -> None:
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 64)
    verdict = classifier.classify(event_for("blob.bin"))
    assert not verdict.health_data and verdict.content_hash is not None


def test_local_root_overrides_the_event_root(classifier: Classifier, event_for: EventFor, tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    (mirror / "cr.txt").write_text(LETTER, encoding="utf-8")
    verdict = classifier.classify(event_for("cr.txt"), local_root=mirror)
    assert verdict.health_data and verdict.path == f"{tmp_path}/cr.txt"


def test_only_max_bytes_are_read_but_all_are_hashed(event_for: EventFor, tmp_path: Path) -> None:
    data = (LETTER + "x" * 5000).encode()
    (tmp_path / "big.txt").write_bytes(data)
    small = Classifier(ClassifierSettings(limits=Limits(max_bytes=1000)), b"k")
    verdict = small.classify(event_for("big.txt"))
    assert verdict.truncated and verdict.content_hash == "sha256:" + hashlib.sha256(data).hexdigest()
    assert "too_large" in [e.code for e in verdict.errors]
    assert verdict.size == len(data)


def test_duplicates_raise_duplication(classifier: Classifier, event_for: EventFor, tmp_path: Path) -> None:
    (tmp_path / "cr.txt").write_text(LETTER, encoding="utf-8")
    alone = classifier.classify(event_for("cr.txt"))
    copied = classifier.classify(event_for("cr.txt"), duplicates=3)
    assert alone.duplication == 0 and copied.duplication == 0.75 and copied.dark_score > alone.dark_score


def test_zip_members_are_classified_and_the_container_takes_the_worst(
    classifier: Classifier, event_for: EventFor, tmp_path: Path
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("letters/cr.txt", LETTER)
        archive.writestr("readme.txt", "nothing here")
    (tmp_path / "export.zip").write_bytes(buffer.getvalue())
    verdict = classifier.classify(event_for("export.zip"))
    assert verdict.format == "zip"
    assert verdict.health_data and verdict.identifiers.get("NIR") == 1
    paths = {m.path: m for m in verdict.members}
    assert paths[f"{tmp_path}/export.zip!letters/cr.txt"].health_data
    assert not paths[f"{tmp_path}/export.zip!readme.txt"].personal_data


def test_no_clear_identifier_anywhere_in_the_serialised_verdict(
    classifier: Classifier, event_for: EventFor, tmp_path: Path
) -> None:
    (tmp_path / "cr.txt").write_text(LETTER + "Tél 06 12 34 56 78\nIBAN FR7630006000011234567890189\n", "utf-8")
    dumped = classifier.classify(event_for("cr.txt")).model_dump_json()
    for clear in ("255081416802538", "2 55 08 14 168 025 38", "8001234567", "LEFÈVRE", "Lefèvre", "0612345678",
                  "06 12 34 56 78", "FR7630006000011234567890189", "12/03/1955"):  # fmt: skip
        assert clear not in dumped
    assert "LEF\\u00c8VRE" not in dumped


def test_hl7_message_with_a_patient_is_health_data(classifier: Classifier, event_for: EventFor, tmp_path: Path) -> None:
    message = (
        "MSH|^~\\&|LAB|HOP|DPI|HOP|20240101||ORU^R01|1|P|2.5\r"
        "PID|1||8001234567^^^HOP^PI~279035121518989^^^INS&1.2.250.1.213.1.4.8&ISO^INS||DUPONT^JEAN||19550312|M\r"
        "OBX|1|NM|2345-7^Glucose^LN||5.4|mmol/L\r"
    )
    (tmp_path / "oru.hl7").write_bytes(message.encode())
    verdict = classifier.classify(event_for("oru.hl7"))
    assert verdict.format == "hl7" and verdict.health_data
    assert verdict.identifiers.get("INS") == 1 and verdict.identifiers.get("IPP") == 1
    assert any("health format hl7" in r for r in verdict.reasons)
    assert "279035121518989" not in verdict.model_dump_json()


@pytest.mark.parametrize(
    ("source", "health"),
    [("test_files/CT_small.dcm", True), ("charset_files/chrFren.dcm", True), ("palettes/pet.dcm", False)],
)
def test_real_dicom_files(
    classifier: Classifier, event_for: EventFor, tmp_path: Path, source: str, health: bool
) -> None:
    """pydicom's own files: images of named patients, and a colour palette that names nobody."""
    import pydicom

    data = Path(pydicom.__file__).parent / "data" / source
    (tmp_path / "image.dcm").write_bytes(data.read_bytes())
    verdict = classifier.classify(event_for("image.dcm"))
    assert verdict.format == "dicom"
    assert (verdict.health_data, verdict.personal_data) == (health, health)
    assert (verdict.identifiers.get("PERSON_NAME") == 1) is health


def test_containers_nested_deeper_than_the_limit_are_not_opened(event_for: EventFor, tmp_path: Path) -> None:
    inner = LETTER.encode()
    name = "cr.txt"
    for depth in range(3):  # export.zip > level2.zip > level1.zip > level0.zip > cr.txt
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(name, inner)
        inner, name = buffer.getvalue(), f"level{depth}.zip"
    (tmp_path / "export.zip").write_bytes(inner)
    shallow = Classifier(ClassifierSettings(limits=Limits(max_depth=1)), b"k")
    verdict = shallow.classify(event_for("export.zip"))
    assert not verdict.health_data
    assert [m.path.rsplit("/", 1)[-1] for m in verdict.members] == ["export.zip!level1.zip"]
    assert "too_large" in [e.code for e in verdict.members[0].errors]
    deep = Classifier(ClassifierSettings(limits=Limits(max_depth=4)), b"k").classify(event_for("export.zip"))
    assert deep.health_data and deep.members[-1].path.endswith("!level1.zip!level0.zip!cr.txt")


def test_terms_hold_common_words_but_no_detected_name(
    classifier: Classifier, event_for: EventFor, tmp_path: Path
) -> None:
    (tmp_path / "cr.txt").write_text(LETTER + "le patient lefèvre va mieux\n", encoding="utf-8")
    terms = classifier.classify(event_for("cr.txt")).terms
    assert "hospitalisation" in terms and "patient" in terms
    assert "lefèvre" not in terms and "anne" not in terms  # a detected name, even where written in lower case
    assert not any(ch.isdigit() for term in terms for ch in term)


def test_a_link_out_of_the_share_is_not_followed(classifier: Classifier, event_for: EventFor, tmp_path: Path) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text(LETTER, encoding="utf-8")
    try:
        (tmp_path / "inside.txt").write_text(LETTER, encoding="utf-8")
        (tmp_path / "escape.txt").symlink_to(outside)
        (tmp_path / "alias.txt").symlink_to(tmp_path / "inside.txt")
        escaped = classifier.classify(event_for("escape.txt"))
        assert [e.code for e in escaped.errors] == ["unreadable"] and not escaped.health_data
        assert classifier.classify(event_for("alias.txt")).health_data  # a link that stays inside is read
        assert [e.code for e in classifier.classify(event_for("../" + outside.name)).errors] == ["unreadable"]
    finally:
        outside.unlink()

"""Hostile inputs at scale: every sample format, with random bytes overwritten and random truncation.

Deterministic (seeded per format). Whatever the parser makes of the damage, ``extract`` returns an ``Extracted``
with the sniffed format and never raises.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

import pytest
from extract_samples import (
    BUNDLE,
    CDA,
    HL7,
    HPRIM_MEDECIN,
    HPRIM_SANTE,
    make_doc,
    make_docx,
    make_eml,
    make_odf,
    make_pdf,
    make_pptx,
    make_xlsx,
    make_zip,
)

from lanterne.extract import Extracted, Limits, extract


def _dicom() -> bytes:
    pydicom_data = pytest.importorskip("pydicom.data")
    with open(pydicom_data.get_testdata_file("MR_small.dcm"), "rb") as handle:
        return handle.read()


SAMPLES: dict[str, Callable[[], bytes]] = {
    "doc": lambda: make_doc("Patiente H\u00e9l\u00e8ne DUPONT\rIPP 800123456\r"),
    "docx": make_docx,
    "xlsx": make_xlsx,
    "odt": lambda: make_odf("odt"),
    "ods": lambda: make_odf("ods"),
    "pptx": lambda: make_pptx(["Cas clinique"], {1: "Patient DUPONT"}),
    "pdf": lambda: make_pdf(["Compte rendu DUPONT", "page 2"]),
    "zip": lambda: make_zip({"a.txt": b"Patient DUPONT" * 50, "b/c.csv": b"NIR;Nom\n1;X\n"}),
    "eml": make_eml,
    "hl7": lambda: HL7.encode(),
    "cda": lambda: CDA.encode(),
    "fhir": lambda: json.dumps(BUNDLE).encode(),
    "hprim": lambda: HPRIM_SANTE.encode("latin-1"),
    "hprim_medecin": lambda: HPRIM_MEDECIN.encode("cp1252"),
    "dicom": _dicom,
    "rtf": lambda: b"{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\\f0 Patiente H\\'e9l\\'e8ne\\par fin}",
    "csv": lambda: "NIR;Nom;Né le\n255081416802538;DUPONT;14/08/1955\n".encode("cp1252") * 20,
}


def _mutations(data: bytes, rng: random.Random, count: int) -> list[bytes]:
    out = []
    for _ in range(count):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 16)):
            mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        if rng.random() < 0.3:
            mutated = mutated[: rng.randrange(1, len(mutated))]
        out.append(bytes(mutated))
    return out


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_damaged_files_never_raise(fmt: str) -> None:
    data = SAMPLES[fmt]()
    limits = Limits(max_chars=50_000, max_members=10, max_expanded_bytes=1_000_000, timeout_s=5.0)
    for mutated in _mutations(data, random.Random(fmt), 20):
        result = extract(mutated, f"sample.{fmt}", limits)
        assert isinstance(result, Extracted)
        assert result.format

"""The ground truth of a generated share: what was planted in each file.

Label semantics (simple on purpose, so a benchmark can be read without the generator's code):

* ``identifiers[TYPE]`` = the number of *distinct values* of that type planted in the file's content (not the number
  of occurrences). Types: NIR, INS, IPP, NDA, RPPS, FINESS, IBAN, EMAIL, PHONE, PERSON_NAME, BIRTH_DATE.
* A social-security number written in text ("N° SS :", a payroll column) counts as NIR; the same matricule carried
  with an INS OID (HL7 PID-3 ``^INS``, FHIR ``identifier.system``, CDA ``id@root``) counts as INS; a file with both
  counts both. HPRIM Médecin's header NIR and DICOM have no OID, so they count as NIR.
* PERSON_NAME counts distinct people named (patients and staff); ``values`` records them as 'Prénom NOM'.
  BIRTH_DATE values are ISO dates whatever the spelling in the file.
* Only content counts: file names never carry a planted value (so a leak test may scan a whole verdict, path
  included). Container labels (ZIP, EML) are the union of their members', which are also listed in ``members``.
* ``personal_data`` = a person-identifying value is planted (any type except FINESS). ``health_data`` = an
  identifiable patient AND health content (or a health format holding a patient), GDPR art. 9 reading.
* ``near_miss`` marks negatives built to tempt a classifier (clinical words without a patient, NIR-like numbers
  without context, ...). ``expect_error`` names the error a reader should report (``encrypted``, ``corrupt``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

IDENTIFIER_TYPES = (
    "NIR", "INS", "IPP", "NDA", "RPPS", "FINESS", "IBAN", "EMAIL", "PHONE", "PERSON_NAME", "BIRTH_DATE",
)  # fmt: skip
NOT_PERSONAL = frozenset({"FINESS"})


class Planted:
    """Collects the clear values a generator writes into one file, by type (a set per type: distinct values)."""

    def __init__(self) -> None:
        self._values: dict[str, set[str]] = defaultdict(set)

    def add(self, kind: str, value: str) -> str:
        """Record ``value`` as planted and return it, so writers can plant inline: ``f"IPP : {p.add('IPP', x)}"``."""
        if kind not in IDENTIFIER_TYPES:
            raise ValueError(f"unknown identifier type {kind}")
        self._values[kind].add(value)
        return value

    def merge(self, other: Planted) -> None:
        for kind, values in other._values.items():
            self._values[kind] |= values

    def values(self) -> dict[str, list[str]]:
        return {k: sorted(v) for k, v in sorted(self._values.items()) if v}

    def counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in sorted(self._values.items()) if v}

    @property
    def personal(self) -> bool:
        return any(v for k, v in self._values.items() if k not in NOT_PERSONAL)


class FileLabel(BaseModel):
    """Ground truth for one file (or one member of a container, path ``ARCHIVE!MEMBER``)."""

    model_config = ConfigDict(frozen=True)

    path: str = Field(description="Relative to the share root, '/'-separated.")
    kind: str = Field(description="What the generator meant to write: discharge_letter, hr_payroll, ...")
    format: str = Field(description="Expected sniffed format: text, csv, hl7, hprim, fhir, cda, dicom, docx, ...")
    health_data: bool
    personal_data: bool
    identifiers: dict[str, int] = Field(default_factory=dict)
    values: dict[str, list[str]] = Field(default_factory=dict, description="Clear planted values, for leak tests.")
    near_miss: bool = False
    expect_error: str | None = None
    members: list[FileLabel] = Field(default_factory=list)
    mtime: int = 0
    mode: int = 0o640
    size: int = 0


class Manifest(BaseModel):
    """All labels of one generated share, keyed by relative path."""

    root: str
    seed: int
    files: dict[str, FileLabel]

    def write(self, path: Path) -> None:
        """Write as JSON. stdlib ``json`` with ASCII escapes, so a non-UTF-8 file name (a lone surrogate) survives."""
        path.write_text(json.dumps(self.model_dump(), indent=1, ensure_ascii=True), encoding="ascii")

    @classmethod
    def read(cls, path: Path) -> Manifest:
        return cls.model_validate(json.loads(path.read_text(encoding="ascii")))

    def planted_values(self) -> set[str]:
        """Every clear value planted anywhere in the share (what must never leave the classifier)."""
        return {v for label in self.files.values() for values in label.values.values() for v in values}


def manifest_path(dest: Path) -> Path:
    """Where the manifest of the share at ``dest`` lives: beside it, so a scan of the share never sees it."""
    return dest.parent / f"{dest.name}.manifest.json"

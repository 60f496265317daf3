"""Detect: identifiers and clinical signals in extracted text and fields. Pure: imports no engine."""

from __future__ import annotations

from lanterne.detect.registry import available
from lanterne.privacy import fingerprint


def patient_fingerprint(entity: str, value: str, key: bytes) -> str | None:
    """The fingerprint a verdict would hold for ``value`` typed by a user (``lanterne search --patient-nir``).

    Normalised by the detector of that entity exactly as in classification (NIR, INS and NIA share the NIR
    namespace), so a NIR typed with spaces finds files where it was written compact. None for an unknown entity.
    """
    wanted = entity.upper()
    for cls in available().values():
        if cls.entity == wanted and not cls.clinical:
            detector = cls()
            return fingerprint(detector.fingerprint_entity or cls.entity, detector.normalise(value), key)
    return None

"""Sensitivity (0-100): how harmful a leak of this file would be, from what the classifier found in it.

Additive and explainable: every factor is a number of points stored in ``sensitivity_factors``, and the sum is capped
at 100. Health data weighs most (GDPR art. 9), then which identifiers are present (a NIR or INS identifies anyone
nationally, an IPP only inside the hospital, a phone number is merely personal), then how many people the file
covers (a one-patient letter versus a 10,000-row export), then how much clinical detail it holds.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

HEALTH_POINTS = 40.0
IDENTIFIER_POINTS = {
    "NIR": 20.0, "NIA": 20.0, "INS": 20.0, "IBAN": 12.0, "IPP": 12.0, "NDA": 8.0, "PERSON_NAME": 8.0,
    "BIRTH_DATE": 6.0, "RPPS": 3.0, "ADELI": 3.0, "EMAIL": 3.0, "PHONE": 3.0, "FINESS": 0.0,
}  # fmt: skip
IDENTIFIER_CAP = 40.0
VOLUME_CAP = 15.0  # reached at 1,000 distinct people
CLINICAL_CAP = 5.0  # one point per clinical signal


@dataclass(slots=True, frozen=True)
class Sensitivity:
    score: int
    factors: dict[str, float]


def sensitivity(
    health_data: bool, identifiers: Mapping[str, int], clinical: Mapping[str, int], people: int
) -> Sensitivity:
    """Score a file from its decision. ``people``: distinct persons identified (distinct patient ids or names)."""
    factors = {
        "health": HEALTH_POINTS if health_data else 0.0,
        "identifiers": min(IDENTIFIER_CAP, sum(IDENTIFIER_POINTS.get(k, 3.0) for k, n in identifiers.items() if n)),
        "volume": round(min(VOLUME_CAP, VOLUME_CAP * math.log10(people) / 3), 2) if people > 1 else 0.0,
        "clinical": float(min(CLINICAL_CAP, sum(clinical.values()))),
    }
    return Sensitivity(min(100, round(sum(factors.values()))), factors)

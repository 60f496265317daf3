"""Score: sensitivity and dark score from signals, staleness, exposure, duplication. Pure: imports no engine."""

from lanterne.score.dark import DarkScore, dark_score, duplication, exposure, staleness
from lanterne.score.sensitivity import Sensitivity, sensitivity

__all__ = ["DarkScore", "Sensitivity", "dark_score", "duplication", "exposure", "sensitivity", "staleness"]

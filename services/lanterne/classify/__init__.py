"""Classify: the processor stages for one file (read -> extract -> detect -> decide -> score) -> FileVerdict."""

from lanterne.classify.classifier import Analysis, Classifier
from lanterne.classify.decide import Decision, decide

__all__ = ["Analysis", "Classifier", "Decision", "decide"]

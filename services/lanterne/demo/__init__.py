"""Realistic fictional hospital files: the demo share, the labelled benchmark corpus, the scan-benchmark tree.

``make_share`` writes a share that looks like a French hospital file server (letters, lab exports, HL7, HPRIM,
FHIR, CDA, DICOM, office files, mail, archives, negatives and hostile files) and returns the ground truth of every
file (``Manifest``). ``make_tree`` writes many small files fast for scan benchmarks. Everything is fictional:
names from Faker ``fr_FR``, identifiers made up but valid by their checks.
"""

from lanterne.demo.labels import IDENTIFIER_TYPES, FileLabel, Manifest, manifest_path
from lanterne.demo.share import make_share
from lanterne.demo.tree import TreeStats, make_tree

__all__ = ["IDENTIFIER_TYPES", "FileLabel", "Manifest", "TreeStats", "make_share", "make_tree", "manifest_path"]

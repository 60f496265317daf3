"""The detectors. Importing this package registers them; each class's ``priority`` orders the patterns
(longer, more specific shapes first: a 15-character NIR before an 11-digit RPPS before a 10-digit phone)."""

from lanterne.detect.detectors import clinical, contact, ins, ipp, nir, person, professional, staff

__all__ = ["clinical", "contact", "ins", "ipp", "nir", "person", "professional", "staff"]

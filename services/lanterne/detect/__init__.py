"""Detect: identifiers and clinical signals in extracted text and fields. Pure: imports no engine."""

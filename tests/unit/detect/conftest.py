"""Shared helpers for detector tests: one engine over all registered detectors, and a scan shortcut."""

from __future__ import annotations

import pytest

from lanterne.detect import registry
from lanterne.detect.base import Finding
from lanterne.detect.engine import Engine
from lanterne.extract.base import StructuredField, TextSegment
from lanterne.settings import ClassifierSettings

KEY = b"test-site-key"


@pytest.fixture(scope="session")
def key() -> bytes:
    return KEY


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(registry.build(ClassifierSettings()), KEY)


@pytest.fixture(scope="session")
def scan(engine: Engine):  # type: ignore[no-untyped-def]
    """scan(text, *fields) -> findings."""

    def _scan(text: str, *fields: StructuredField) -> list[Finding]:
        return engine.scan([TextSegment(text, "body")], fields).findings

    return _scan

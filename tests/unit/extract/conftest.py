"""Shared fixture for the extractor tests: small limits, so bounds are reached by small generated files."""

from __future__ import annotations

import pytest

from lanterne.extract import Limits


@pytest.fixture
def limits() -> Limits:
    return Limits(max_chars=100_000, max_pages=50, max_members=20, max_expanded_bytes=2 * 1024 * 1024, timeout_s=20.0)

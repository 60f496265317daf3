"""docs/classifier.md is rendered from the registries: it must list every extractor and detector as they are."""

from __future__ import annotations

from pathlib import Path

from lanterne.classify.catalog import render

DOC = Path(__file__).resolve().parents[3] / "docs" / "classifier.md"


def test_classifier_catalogue_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/classifier.md is stale: run `python -m lanterne.classify.catalog > docs/classifier.md`"
    )

"""Content terms: common words are searchable; names, numbers and addresses never reach the index."""

from __future__ import annotations

from lanterne.classify.terms import content_terms

LETTER = (
    "Compte rendu d'hospitalisation du 12/03/2021.\n"
    "Patient : M. Jean DUPONT, né le 02/01/1950 à Lyon. N° SS : 1 50 01 69 123 456 78. IPP 8001234567.\n"
    "Motif : douleur thoracique. Antécédents : diabète de type 2 (E11.9), HbA1c 7,2 %.\n"
    "Contact : jean.dupont@example.org, https://www.dupont-famille.fr/jean\n"
    "Dr Marie Curie, cardiologie.\n"
)


def test_common_words_are_kept() -> None:
    terms = content_terms([LETTER])
    for word in ("hospitalisation", "douleur", "thoracique", "diabète", "cardiologie", "rendu", "motif", "antécédents"):
        assert word in terms
    assert "compte" not in terms, "a word only ever capitalised (here at a sentence start) is left out"


def test_names_numbers_codes_and_addresses_are_not() -> None:
    terms = set(content_terms([LETTER]))
    for leaked in ("jean", "dupont", "lyon", "marie", "curie", "example", "famille", "e11", "hba1c", "8001234567"):
        assert leaked not in terms
    assert not any(ch.isdigit() for t in terms for ch in t)


def test_detected_name_values_are_excluded_even_in_lower_case() -> None:
    text = "le patient martin est sorti ; monsieur martin reviendra"
    assert "martin" in content_terms([text])
    assert "martin" not in content_terms([text], exclude=["Paul MARTIN"])


def test_limit_and_determinism() -> None:
    words = " ".join(f"mot{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}x" for i in range(500)).replace("0", "")
    assert content_terms([words], limit=10) == sorted(content_terms([words], limit=10))
    assert len(content_terms([words], limit=10)) == 10

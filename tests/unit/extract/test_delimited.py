"""CSV / TSV: delimiters, header context on every value, encodings, hostile rows."""

from __future__ import annotations

import pytest
from extract_helpers import all_text, codes, run

from lanterne.extract import Limits

ROWS = [
    ["NIR", "Nom", "Date de naissance", "IPP"],
    ["255081416802538", "DUPONT", "14/08/1955", "800123456"],
    ["295109912611193", "MARTIN", "01/10/1995", "800654321"],
]


def _table(delimiter: str, rows: list[list[str]] = ROWS) -> str:
    return "\n".join(delimiter.join(row) for row in rows) + "\n"


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_each_value_carries_its_column_name(delimiter: str, limits: Limits) -> None:
    result = run(_table(delimiter).encode(), "patients.csv", limits)
    assert result.format == "csv"
    assert result.text[0].where == "header"
    assert result.text[0].text == "NIR | Nom | Date de naissance | IPP"
    lines = all_text(result).splitlines()[1:]
    assert lines[0] == "NIR: 255081416802538 | Nom: DUPONT | Date de naissance: 14/08/1955 | IPP: 800123456"
    assert lines[1].startswith("NIR: 295109912611193 | ")


def test_quoted_fields_and_cp1252(limits: Limits) -> None:
    data = 'Nom;Commentaire\n"DUPONT";"Diabète; suivi ""HbA1c"""\n"MARTIN";"RAS"\n'.encode("cp1252")
    result = run(data, "export.csv", limits)
    assert 'Commentaire: Diabète; suivi "HbA1c"' in all_text(result)


def test_without_header_values_are_joined(limits: Limits) -> None:
    rows = [["255081416802538", "1", "2"], ["295109912611193", "3", "4"], ["253072B07300470", "5", "6"]]
    result = run(_table(";", rows).encode(), "sans-entete.csv", limits)
    assert all_text(result).splitlines()[0] == "255081416802538 | 1 | 2"


def test_segments_name_file_lines_and_stop_at_max_chars() -> None:
    body = "".join(f"{i:015d};NOM{i};01/01/1960\n" for i in range(5000))
    result = run(("NIR;Nom;Naissance\n" + body).encode(), "gros.csv", Limits(max_chars=20_000))
    assert result.text[1].where == "rows 2-1001"
    assert result.truncated
    assert sum(len(segment.text) for segment in result.text) <= 20_000


def test_field_over_csv_limit_falls_back_to_text(limits: Limits) -> None:
    data = b"a;b\n1;" + b'"' + b"x" * 200_000 + b'"\n2;3\n'
    result = run(data, "huge.csv", limits)
    assert "corrupt" in codes(result)
    assert all_text(result)  # the rest is kept as text


def test_a_dated_title_line_is_no_header(limits: Limits) -> None:
    """The stdlib's type-based header guess would take a title with a date for the header of a one-column table."""
    data = "Consultations du Dr X - 05/06/25\nHeure,Patient,Né(e) le\n8h00,Mme Anne DUPONT,14/03/1942\n".encode()
    assert "Patient: Mme Anne DUPONT | Né(e) le: 14/03/1942" in all_text(run(data, "agenda.csv", limits))

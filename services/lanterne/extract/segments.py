"""The delimited-segment grammar shared by HL7 v2 and HPRIM Santé: lines of fields, components, repetitions.

Written by hand rather than with the ``hl7`` package, on purpose: ``hl7.parse`` splits segments on ``\\r`` only and
raises on anything not starting with ``MSH`` (real exports use ``\\n``, batch headers, MLLP bytes, several messages
per file), and HPRIM Santé shares the grammar but not the header. The split itself is a few ``str.split`` calls
once the separators are read from the header line; everything here is lenient (a missing field is ``""``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MLLP = str.maketrans("", "", "\x0b\x1c")


def lines(text: str) -> list[str]:
    """Segments of a message file: ``\\r``, ``\\n`` or ``\\r\\n`` separated, MLLP framing bytes removed."""
    return [line for line in text.translate(_MLLP).replace("\r\n", "\r").replace("\n", "\r").split("\r") if line]


@dataclass(frozen=True, slots=True)
class Grammar:
    """Separators read from the header line (``MSH|^~\\&``, ``H|~^\\&``): component, repetition, escape, sub."""

    field_sep: str
    component_sep: str = "^"
    repetition_sep: str = "~"
    escape: str = "\\"
    subcomponent_sep: str = "&"

    @classmethod
    def from_header(cls, field: str, encoding: str) -> Grammar:
        chars = (encoding + "^~\\&"[len(encoding) :])[:4]
        return cls(field, chars[0], chars[1], chars[2], chars[3])

    def unescape(self, value: str) -> str:
        """Resolves the standard escapes (``\\F\\``, ``\\S\\``, ``\\.br\\``...); unknown ones are dropped."""
        if self.escape not in value:
            return value
        table = {
            "F": self.field_sep,
            "S": self.component_sep,
            "R": self.repetition_sep,
            "E": self.escape,
            "T": self.subcomponent_sep,
            ".br": "\n",
        }
        esc = re.escape(self.escape)
        return re.sub(rf"{esc}([^{esc}]*){esc}", lambda m: table.get(m.group(1), ""), value)

    def components(self, value: str) -> list[str]:
        return value.split(self.component_sep)

    def component(self, value: str, index: int, sub: int | None = None) -> str:
        """Component ``index`` (0-based) of a field value, optionally one of its subcomponents, unescaped."""
        parts = value.split(self.component_sep)
        part = parts[index] if index < len(parts) else ""
        if sub is not None:
            subs = part.split(self.subcomponent_sep)
            part = subs[sub] if sub < len(subs) else ""
        return self.unescape(part).strip()


@dataclass(frozen=True, slots=True)
class Segment:
    """One segment: ``values[0]`` is its id; ``values[n]`` is field n (HL7 numbering; MSH-1 is the separator)."""

    values: list[str]
    grammar: Grammar

    @property
    def id(self) -> str:
        return self.values[0].strip()

    def field(self, index: int) -> str:
        return self.values[index] if index < len(self.values) else ""

    def repetitions(self, index: int) -> list[str]:
        return [rep for rep in self.field(index).split(self.grammar.repetition_sep) if rep.strip()]

    def text(self, index: int) -> str:
        """A whole field as readable text: repetitions on lines, components separated by spaces."""
        g = self.grammar
        reps = self.repetitions(index)
        return "\n".join(" ".join(g.unescape(c).strip() for c in g.components(rep) if c.strip()) for rep in reps)


def segment(line: str, grammar: Grammar, header: bool = False) -> Segment:
    """Splits one line; for a header (``MSH``), the field separator itself is field 1 as the standard numbers it."""
    values = line.split(grammar.field_sep)
    if header:
        values.insert(1, grammar.field_sep)
    return Segment(values, grammar)

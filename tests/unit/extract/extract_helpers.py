"""Helpers for reading an ``Extracted`` in assertions."""

from __future__ import annotations

from lanterne.extract import Extracted, Limits, Role, extract


def all_text(result: Extracted) -> str:
    return "\n".join(segment.text for segment in result.text)


def codes(result: Extracted) -> list[str]:
    return [note.code for note in result.errors]


def values(result: Extracted, role: Role) -> list[str]:
    return [f.value for f in result.fields if f.role == role]


def run(data: bytes, name: str, limits: Limits) -> Extracted:
    return extract(data, name, limits)

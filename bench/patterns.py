"""The identifier patterns the throughput baselines run: Lanterne's own regexes, and a portable approximation.

* ``detector_regexes`` are the exact regexes the classifier's engine compiles (every enabled detector's patterns,
  deduplicated, in engine order), so a baseline over them costs what the engine's single regex pass costs, without
  the validation, context and verdict work around it. ripgrep runs them with ``-P`` (PCRE2): they use look-behinds
  and inline flag groups that its default engine lacks.
* ``PORTABLE`` is a hand-written equivalent of the identifier shapes only (no look-arounds, no non-capturing groups)
  that POSIX ``grep -E``, ripgrep's default engine and Python's ``re`` all accept: the fallback when ripgrep is
  missing, and a view of what the fastest engines do with a simpler set. It is an approximation, not the detectors.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from lanterne.detect import registry
from lanterne.settings import ClassifierSettings

# Identifier shapes in ASCII-only ERE syntax (GNU \b), so every engine can run them byte-wise. Separators as the
# generator and the detectors allow them: space, dot, dash.
PORTABLE: tuple[tuple[str, str], ...] = (
    ("NIR", r"\b[1-478][ .-]?[0-9]{2}[ .-]?[0-9]{2}[ .-]?(2[ABab]|[0-9]{2})"
            r"[ .-]?[0-9]{3}[ .-]?[0-9]{3}([ .-]?[0-9]{2})?\b"),
    ("IBAN", r"\b[FM][RC][0-9]{2}( ?[A-Z0-9]{4}){5} ?[A-Z0-9]{3}\b"),
    ("RPPS", r"\b[0-9]{11}\b"),
    ("FINESS/ADELI", r"\b([0-9]{9}|[0-9][0-9AB][0-9]{7})\b"),
    ("EMAIL", r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b"),
    ("PHONE", r"(\+33|0033|\b0)[ .-]?[1-9]([ .-]?[0-9]{2}){4}\b"),
    ("IPP/NDA label", r"\b(IPP|NIP|NDA|[Nn]..? ?(de )?(dossier|s..?jour))[ :=#]*[A-Z0-9/-]*[0-9]"),  # ..?: ° é
    ("DATE", r"\b[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}\b"),
    ("ICD-10", r"\b[A-TV-Z][0-9]{2}(\.?[0-9]{1,2})?\b"),
)  # fmt: skip

_VALUE_GROUP = "(?P<value>"
# Python escapes PCRE2 spells otherwise: \uXXXX, \UXXXXXXXX and \N{NAME} are \x{...}; \Z is \z. An escaped backslash
# is matched first so that "\\u" stays a backslash followed by "u".
_PY_ESCAPE = re.compile(r"\\\\|\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})|\\N\{([^}]+)\}|\\Z")


def detector_regexes(settings: ClassifierSettings | None = None) -> dict[str, str]:
    """Every distinct regex of the enabled detectors, in the engine's order, by ``detector/pattern`` name(s).

    The named ``value`` group is made plain because several alternatives carry one and a regex may name a group
    only once. A regex shared by several detectors (NIR and INS) is listed once, under all their names.
    """
    names: dict[str, list[str]] = {}
    for detector in registry.build(settings or ClassifierSettings()):
        for pattern in detector.patterns:
            names.setdefault(pattern.regex.replace(_VALUE_GROUP, "(?:"), []).append(f"{detector.name}/{pattern.name}")
    return {" ".join(labels): regex for regex, labels in names.items()}


def to_pcre2(regex: str) -> str:
    """The same regex in PCRE2 syntax (ripgrep ``-P``): only the escapes the two dialects spell differently."""

    def convert(match: re.Match[str]) -> str:
        code, wide, name = match.groups()
        if match.group() == "\\\\":
            return match.group()
        if match.group() == "\\Z":
            return "\\z"
        point = int(code or wide, 16) if (code or wide) else ord(unicodedata.lookup(name))
        return f"\\x{{{point:X}}}"

    return _PY_ESCAPE.sub(convert, regex)


def alternation(regexes: Iterable[str]) -> re.Pattern[str]:
    """One compiled alternation, as the engine builds it: a single pass over the text for all patterns."""
    return re.compile("|".join(f"(?:{rx})" for rx in regexes))

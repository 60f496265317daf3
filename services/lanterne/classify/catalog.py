"""The classifier's catalogue (docs/classifier.md), rendered from the registries so the docs match the code.

``python -m lanterne.classify.catalog > docs/classifier.md``; tests/unit/classify/test_catalog.py fails when stale.
"""

from __future__ import annotations

import inspect

from lanterne.detect.registry import available
from lanterne.extract import EXTRACTORS


def _first_line(obj: object) -> str:
    doc = inspect.getdoc(obj) or ""
    return doc.split("\n\n")[0].replace("\n", " ").replace("|", "\\|").strip()


def render() -> str:
    lines = [
        "# What the classifier reads and finds",
        "",
        "Generated from the registries by `python -m lanterne.classify.catalog > docs/classifier.md`.",
        "",
        "A file is sniffed by its content (magic bytes, structure; the extension is only a hint), extracted within",
        "the limits of `classifier.limits` (docs/settings.md), then every enabled detector's patterns run as one",
        "alternation over its text and structured fields (on PCRE2's JIT: as few passes as its pattern size cap",
        "allows; Python's `re` otherwise, with the same matches: `classifier.regex_engine`).",
        "`health_data` needs an identifiable person AND health content (or a health format carrying a patient);",
        "`personal_data` needs any personal identifier. The verdict's `reasons` say which signals decided.",
        "Samples are masked and fingerprints are keyed HMACs: no clear identifier is stored. Detectors can be",
        "switched off by name with `classifier.disabled_detectors`.",
        "",
        "## Extractors",
        "",
        "| extractor | formats | what it reads |",
        "|---|---|---|",
    ]
    for extractor in EXTRACTORS:
        formats = ", ".join(f"`{f}`" for f in extractor.formats)
        lines.append(f"| `{extractor.name}` | {formats} | {_first_line(type(extractor))} |")
    lines += [
        "",
        "## Detectors",
        "",
        "| name | finds | kind | context words | rule |",
        "|---|---|---|---|---|",
    ]
    for name, cls in available().items():
        kind = "clinical signal" if cls.clinical else "identifier"
        context = len(cls.context)
        lines.append(f"| `{name}` | {cls.entity} | {kind} | {context or '—'} | {_first_line(cls)} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")

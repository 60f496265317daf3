"""Write one benchmark's section of bench/RESULTS.md, leaving the other sections as they are.

Each benchmark owns the text between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``; a new section is appended.
"""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = "# Benchmark results\n\nEach section says the command that produced it. Machine: 2 cores, 24 GiB, shared.\n"


def write_section(name: str, markdown: str, results: Path = RESULTS) -> None:
    text = results.read_text(encoding="utf-8") if results.exists() else HEADER
    block = f"<!-- {name}:start -->\n{markdown.rstrip()}\n<!-- {name}:end -->"
    pattern = re.compile(rf"<!-- {re.escape(name)}:start -->.*?<!-- {re.escape(name)}:end -->", re.S)
    text = pattern.sub(lambda _m: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    results.write_text(text, encoding="utf-8")

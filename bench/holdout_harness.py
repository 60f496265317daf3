"""Score the classifier on a generated, labelled holdout corpus: the part every holdout shares.

A holdout module only writes files and says, for each, what a data-protection officer would conclude (a ``Doc``).
This module classifies them, counts per-label confusions (health_data, personal_data, each identifier type) and
prints where the classifier and the labels disagree, grouped by generator, so a failure pattern reads as "which
document style" rather than as a list of files. Output never holds an identifier value: only kinds, paths and
label names (the corpora keep names and numbers out of file names for that reason).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from results import write_section
from scoring import Confusion, file_event

from lanterne.classify import Classifier
from lanterne.settings import ClassifierSettings

ID_TYPES: tuple[str, ...] = (
    "NIR", "INS", "IPP", "NDA", "RPPS", "ADELI", "FINESS", "IBAN", "EMAIL", "PHONE", "PERSON_NAME", "BIRTH_DATE",
)  # fmt: skip


@dataclass(slots=True)
class Doc:
    """One generated file and its ground truth.

    ``health`` / ``personal`` set to None mean "not scored" (e.g. a scan without a text layer, whose content no text
    classifier can know). ``ids`` are the identifier types a reader would expect to be reported; ``optional`` are types
    neither expected nor counted as false positives (e.g. NIR where an INS carries the same matricule).
    """

    rel: str
    kind: str
    health: bool | None
    personal: bool | None
    ids: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()


Generator = Callable[[Path, random.Random, int], list[Doc]]
"""Writes a corpus under a root for a seed (with its own Random) and returns the labels of what it wrote."""


@dataclass(slots=True)
class Score:
    """Confusions per label and the disagreements, accumulated over one or more seeds."""

    labels: dict[str, Confusion] = field(default_factory=lambda: defaultdict(Confusion))
    failures: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    examples: dict[tuple[str, str], str] = field(default_factory=dict)
    files: int = 0
    negatives: int = 0


def _compare(doc: Doc, health: bool, personal: bool, found: set[str], score: Score) -> list[str]:
    """Add one file to the confusions; return its disagreements as 'missed X' / 'false Y' (label names only)."""
    problems: list[str] = []
    for label, expected, got in (("health_data", doc.health, health), ("personal_data", doc.personal, personal)):
        if expected is None:
            continue
        score.labels[label].add(expected, got)
        if expected != got:
            problems.append(f"{'missed' if expected else 'false'} {label}")
    for kind in ID_TYPES:
        if kind in doc.optional:
            continue
        expected, got = kind in doc.ids, kind in found
        score.labels[kind].add(expected, got)
        if expected != got:
            problems.append(f"{'missed' if expected else 'false'} {kind}")
    return problems


def evaluate(docs: Iterable[Doc], root: Path, score: Score, sequence_start: int = 0) -> None:
    """Classify every doc under ``root`` and add it to ``score`` (one classifier, the default settings)."""
    clf = Classifier(ClassifierSettings(), b"k" * 32)
    for i, doc in enumerate(docs, start=sequence_start):
        verdict = clf.classify(file_event(root, doc.rel, i))
        found = {k for k, n in verdict.identifiers.items() if n}
        problems = _compare(doc, verdict.health_data, verdict.personal_data, found, score)
        score.files += 1
        score.negatives += doc.health is False
        for problem in problems:
            score.failures[doc.kind][problem] += 1
            score.examples.setdefault((doc.kind, problem), doc.rel)


def _table(score: Score) -> str:
    head = ["label", "expected", "TP", "FP", "FN", "precision %", "recall %"]
    rows = [score.labels[name].row(name) for name in ("health_data", "personal_data", *ID_TYPES)]
    lines = ["| " + " | ".join(head) + " |", "| --- |" + " ---: |" * (len(head) - 1)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _failures(score: Score) -> str:
    if not score.failures:
        return "No disagreement."
    lines = ["| generator | disagreement | files | e.g. |", "| --- | --- | ---: | --- |"]
    for kind in sorted(score.failures, key=lambda k: -sum(score.failures[k].values())):
        for problem, n in score.failures[kind].most_common():
            lines.append(f"| {kind} | {problem} | {n} | `{score.examples[(kind, problem)]}` |")
    return "\n".join(lines)


def report(name: str, command: str, description: str, score: Score, seconds: float) -> str:
    """The markdown section: command, corpus size, the label table and the failure patterns."""
    return (
        f"## {name}\n\n`{command}` — {description}\n\n"
        f"{score.files} files ({score.negatives} not health data), classified in {seconds:.1f} s.\n\n"
        f"{_table(score)}\n\nDisagreements by generator (label names only, never values):\n\n{_failures(score)}\n"
    )


def main(name: str, description: str, generate: Generator, argv: list[str] | None = None) -> int:
    """CLI of a holdout: ``--seed N [N ...]`` corpora are generated in temporary roots, scored together, printed;
    ``--markdown`` also writes the section ``name`` of bench/RESULTS.md; ``--keep DIR`` keeps the files to look at."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--seed", type=int, nargs="+", action="extend", help="corpus seeds (default 1)")
    parser.add_argument("--markdown", action="store_true", help="write the section into bench/RESULTS.md")
    parser.add_argument("--keep", type=Path, help="write the corpora under this directory and keep them")
    args = parser.parse_args(argv)
    seeds: list[int] = args.seed or [1]
    score = Score()
    seconds = 0.0
    for seed in seeds:
        base = args.keep or Path(tempfile.mkdtemp(prefix=f"{name}-"))
        root = base / f"seed{seed}"
        root.mkdir(parents=True, exist_ok=True)
        try:
            docs = generate(root, random.Random(seed), seed)
            start = time.perf_counter()
            evaluate(docs, root, score, sequence_start=score.files)
            seconds += time.perf_counter() - start
        finally:
            if args.keep is None:
                shutil.rmtree(base, ignore_errors=True)
    command = f".venv/bin/python bench/{name}.py --seed {' '.join(map(str, seeds))}"
    text = report(name, command, description, score, seconds)
    sys.stdout.write(text)
    if args.markdown:
        write_section(name, text)
    return 0

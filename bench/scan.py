"""Embedded scan throughput: ``lanterne scan --once`` beside ``find`` (walk + stat) and plain reading of the bytes.

    .venv/bin/python bench/scan.py --files 50000 --repeat 3

All three run on the same generated tree in the same run, alternating, after one warm-up pass so the page cache is
equally warm for each; the machine is shared and noisy, so the table gives medians and ratios to the baselines.
Writes its section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from results import write_section

LANTERNE = str(Path(sys.executable).with_name("lanterne"))


def _timed(cmd: list[str] | str, **kw: object) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)  # type: ignore[call-overload]
    return time.perf_counter() - start


def _tree_size(root: Path) -> tuple[int, int]:
    files = size = 0
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(dirpath, name)).st_size
    return files, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-write", action="store_true", help="Print only; leave bench/RESULTS.md alone.")
    args = parser.parse_args()

    from lanterne.demo import make_tree

    work = Path(tempfile.mkdtemp(prefix="lanterne-bench-"))
    try:
        tree = work / "tree"
        started = time.perf_counter()
        make_tree(tree, files=args.files, seed=1)
        made_in = time.perf_counter() - started
        files, size = _tree_size(tree)
        find = ["find", str(tree), "-type", "f", "-printf", "%s\n"]
        read = f"find '{tree}' -type f -print0 | xargs -0 cat > /dev/null"
        env = {k: v for k, v in os.environ.items() if not k.startswith("LANTERNE_")}
        env["LANTERNE_CLASSIFIER__WORKERS"] = str(args.workers)
        env["LANTERNE_AGENT__ID"] = "bench"

        def lanterne_once(i: int) -> float:
            state = work / f"state-{i}"
            t = _timed([LANTERNE, "scan", str(tree), "--once", "--quiet", "--state", str(state)], env=env)
            shutil.rmtree(state)
            return t

        _timed(find), _timed(read, shell=True)  # warm the page cache for everyone
        runs: dict[str, list[float]] = {"find (walk + stat)": [], "read all bytes (find | xargs cat)": [],
                                        "lanterne scan --once": []}  # fmt: skip
        for i in range(args.repeat):
            runs["find (walk + stat)"].append(_timed(find))
            runs["read all bytes (find | xargs cat)"].append(_timed(read, shell=True))
            runs["lanterne scan --once"].append(lanterne_once(i))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    med = {name: statistics.median(times) for name, times in runs.items()}
    base = med["read all bytes (find | xargs cat)"]
    lines = [
        "## Embedded scan (issue 2)",
        "",
        f"Command: `.venv/bin/python bench/scan.py --files {args.files} --repeat {args.repeat}` "
        f"(workers={args.workers}). Tree: {files} files, {size / 1e6:.1f} MB (made in {made_in:.1f} s by "
        "`lanterne.demo.make_tree`). Medians of the runs, page cache warm for all.",
        "",
        "| what | median s | files/s | MB/s | time / read-all time |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, t in med.items():
        lines.append(f"| {name} | {t:.2f} | {files / t:,.0f} | {size / 1e6 / t:.1f} | {t / base:.1f} |")
    lines.append("")
    lines.append("Each lanterne run starts from an empty state: walk, stat, log, classify every file, index, commit.")
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section("scan", text)


if __name__ == "__main__":
    main()

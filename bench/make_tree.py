"""Write a large tree of small files for scan benchmarks.

python bench/make_tree.py DEST --files 50000 --seed 1
"""

from __future__ import annotations

import argparse
from pathlib import Path

from lanterne.demo import make_tree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--files", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    stats = make_tree(args.dest, args.files, args.seed)
    print(
        f"{stats.files} files in {stats.dirs} folders, {stats.bytes / 1e6:.1f} MB, "
        f"{stats.seconds:.1f} s ({stats.files / max(stats.seconds, 1e-9):,.0f} files/s)"
    )


if __name__ == "__main__":
    main()

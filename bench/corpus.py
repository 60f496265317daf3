"""Write a labelled benchmark corpus: the demo-share generator, bigger and with another seed.

    python bench/corpus.py DEST --files 600 --seed 2024

The manifest (ground truth) lands beside DEST as DEST.manifest.json. The default seed differs from the demo
share's (7) so the classifier is not tuned on the files people see in the quick start.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from lanterne.demo import Manifest, make_share, manifest_path

DEFAULT_SEED = 2024
DEFAULT_FILES = 600


def make_corpus(dest: Path, files: int = DEFAULT_FILES, seed: int = DEFAULT_SEED) -> Manifest:
    """The benchmark corpus: every kind and format, hostile files included."""
    return make_share(dest, seed=seed, files=files, broken=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--files", type=int, default=DEFAULT_FILES)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    started = time.perf_counter()
    manifest = make_corpus(args.dest, args.files, args.seed)
    print(
        f"{len(manifest.files)} files under {args.dest} in {time.perf_counter() - started:.1f} s; "
        f"labels in {manifest_path(args.dest)}"
    )


if __name__ == "__main__":
    main()

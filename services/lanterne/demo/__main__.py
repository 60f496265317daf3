"""``python -m lanterne.demo DEST``: write the demo share for the quick start (the manifest goes beside DEST)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from lanterne.demo.labels import manifest_path
from lanterne.demo.share import make_share


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m lanterne.demo", description=__doc__.split(":")[1].strip())
    parser.add_argument("dest", type=Path, help="a new or empty folder")
    parser.add_argument("--files", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--formats", help="comma-separated formats to keep (text,csv,hl7,...)")
    parser.add_argument("--no-broken", action="store_true", help="leave out hostile files")
    args = parser.parse_args()
    formats = set(args.formats.split(",")) if args.formats else None
    started = time.perf_counter()
    try:
        manifest = make_share(args.dest, seed=args.seed, files=args.files, formats=formats, broken=not args.no_broken)
    except (FileExistsError, ValueError) as exc:
        parser.exit(2, f"error: {exc}\n")
    print(
        f"{len(manifest.files)} fictional files written under {args.dest} in {time.perf_counter() - started:.1f} s; "
        f"ground truth in {manifest_path(args.dest)}"
    )


if __name__ == "__main__":
    main()

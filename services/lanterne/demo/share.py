"""``make_share``: write a realistic fictional hospital share and return its ground truth.

The share mixes every kind of ``catalogue.KINDS`` (each (kind, format) pair at least once when ``files`` allows,
then by weight), files them in service folders, spreads their mtimes over 25 years and leaves some world-readable,
as years of hospital life do. The manifest goes beside the share (``labels.manifest_path``), never inside it.
"""

from __future__ import annotations

import calendar
import logging
import os
import sys
from datetime import datetime
from pathlib import Path

from lanterne.demo.catalogue import FORMATS, KINDS, Kind
from lanterne.demo.context import Ctx, Doc
from lanterne.demo.labels import FileLabel, Manifest, manifest_path

log = logging.getLogger(__name__)

# Newest mtime a generated file gets: fixed (not "now") so a seed gives the same share whatever the date.
_NEWEST = datetime(2026, 11, 30, 18, 0, 0)
_MODES = ((0o640, 70), (0o600, 10), (0o644, 15), (0o666, 5))


def make_share(
    dest: Path, *, seed: int = 7, files: int = 120, formats: set[str] | None = None, broken: bool = True
) -> Manifest:
    """Write ``files`` fictional files under ``dest`` and return (and write beside it) the manifest.

    ``formats`` keeps only files of those expected formats (e.g. ``{"text", "csv", "hl7"}``); ``broken=False``
    leaves out hostile inputs (empty, random bytes, very long line, corrupt and encrypted files, non-UTF-8 name).
    Raises ``FileExistsError`` when ``dest`` exists and is not empty.
    """
    if dest.exists() and any(dest.iterdir()):
        # Writing over an old share would mix two ground truths; deleting a user's folder is not ours to do.
        raise FileExistsError(f"{dest} is not empty: give a new or empty folder for the demo share")
    ctx = Ctx(seed)
    dest.mkdir(parents=True, exist_ok=True)
    plan = _plan(ctx, files, formats, broken)
    labels: dict[str, FileLabel] = {}
    odd_name_left = broken and sys.platform.startswith("linux")  # macOS and Windows refuse non-UTF-8 names
    for n, (kind, fmt) in enumerate(plan, start=1):
        doc = kind.build(ctx, fmt)
        folder = dest / kind.folder(ctx, doc)
        folder.mkdir(parents=True, exist_ok=True)
        stem = ctx.rng.choice(kind.names).format(n=n, y=doc.year)
        target: Path | bytes = folder / (f"{stem}.{doc.ext}" if doc.ext else stem)
        if odd_name_left and doc.format == "csv":
            # Latin-1 bytes in a name, as old Samba shares and unzip tools leave them: not valid UTF-8.
            target = os.fsencode(folder) + f"/R\xe9sultats_{n}.{doc.ext}".encode("latin-1")
            odd_name_left = False
        labels_for = _write(ctx, doc, target, dest)
        labels[labels_for.path] = labels_for
    manifest = Manifest(root=str(dest), seed=seed, files=labels)
    manifest.write(manifest_path(dest))
    log.info("demo share: %d files under %s", len(labels), dest)
    return manifest


def _plan(ctx: Ctx, files: int, formats: set[str] | None, broken: bool) -> list[tuple[Kind, str]]:
    """Which (kind, format) each file will be: every pair once first (shuffled), then by weight."""
    choices: list[tuple[Kind, list[str]]] = []
    for kind in KINDS:
        if kind.broken and not broken:
            continue
        fmts = [f for f in kind.formats if (formats is None or f in formats) and kind.available(f)]
        missing = [f for f in kind.formats if not kind.available(f)]
        if missing:
            log.warning("demo share: %s skipped in formats %s (library not installed)", kind.name, missing)
        if fmts:
            choices.append((kind, fmts))
    unknown = set(formats or ()) - FORMATS
    if unknown or not choices:
        raise ValueError(f"no file of formats {sorted(unknown or formats or ())}; known: {', '.join(sorted(FORMATS))}")
    pairs = [(kind, fmt) for kind, fmts in choices for fmt in fmts]
    ctx.rng.shuffle(pairs)
    plan = pairs[:files]
    weights = [kind.weight for kind, _ in choices]
    while len(plan) < files:
        kind, fmts = ctx.rng.choices(choices, weights)[0]
        plan.append((kind, ctx.rng.choice(fmts)))
    return plan


def _unique(target: Path | bytes) -> Path | bytes:
    """Add a suffix when two documents draw the same name in one folder."""
    raw = os.fsencode(target)
    stem, ext = os.path.splitext(raw)
    k = 1
    while os.path.lexists(raw):
        k += 1
        raw = stem + f" ({k})".encode() + ext
    return raw if isinstance(target, bytes) else Path(os.fsdecode(raw))


def _write(ctx: Ctx, doc: Doc, target: Path | bytes, root: Path) -> FileLabel:
    target = _unique(target)
    with open(target, "wb") as fh:
        fh.write(doc.data)
    mode = ctx.rng.choices([m for m, _ in _MODES], [w for _, w in _MODES])[0]
    os.chmod(target, mode)
    mtime = _mtime(ctx, doc.year)
    os.utime(target, (mtime, mtime))
    relative = os.fsdecode(target)[len(str(root)) + 1 :].replace(os.sep, "/")
    return _label(doc, relative, mtime, mode)


def _mtime(ctx: Ctx, year: int) -> int:
    when = datetime(year, ctx.rng.randint(1, 12), ctx.rng.randint(1, 28), ctx.rng.randint(7, 19),
                    ctx.rng.randint(0, 59), ctx.rng.randint(0, 59))  # fmt: skip
    return calendar.timegm(min(when, _NEWEST).timetuple())


def _label(doc: Doc, path: str, mtime: int = 0, mode: int = 0o640) -> FileLabel:
    """The ground truth of one file; a container's values are the union of its members'."""
    members = [_label(member, f"{path}!{name}") for name, member in doc.members]
    planted = doc.planted
    for _, member in doc.members:
        planted.merge(member.planted)
    return FileLabel(
        path=path,
        kind=doc.kind,
        format=doc.format,
        health_data=doc.health or any(m.health_data for m in members),
        personal_data=planted.personal,
        identifiers=planted.counts(),
        values=planted.values(),
        near_miss=doc.near_miss,
        expect_error=doc.expect_error,
        members=members,
        mtime=mtime,
        mode=mode,
        size=len(doc.data),
    )

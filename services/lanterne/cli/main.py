"""``lanterne``: the command line (typer). The only place that prints, parses flags or exits with a code.

Exit codes: 0 success; 1 a search found nothing (like grep) or the run failed; 2 invalid usage or configuration;
130 interrupted (Ctrl-C) after a clean stop.
"""

from __future__ import annotations

import json
import re
import sys
import threading
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from lanterne import __version__
from lanterne.cli.common import StateOpt, err, load_settings_or_exit, out
from lanterne.settings import Settings

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

app = typer.Typer(
    name="lanterne",
    help="Find the dark health data on file servers: scan, classify, index, search, report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class WatchMode(StrEnum):
    auto = "auto"
    native = "native"
    polling = "polling"


def _index_or_exit(settings: Settings):  # an ElasticsearchIndex or a SqliteIndex
    """Open the configured index for reading; explains how to fill it when it does not exist yet."""
    if settings.index.backend == "elasticsearch":
        from lanterne.index.elasticsearch import ElasticsearchIndex

        return ElasticsearchIndex(settings.elasticsearch)
    from lanterne.index.sqlite import SqliteIndex
    from lanterne.runners.embedded import state_paths

    index_path = state_paths(settings.state_dir)[1]
    if not index_path.exists():
        err.print(f"[red]no index at {index_path}[/red]: run [bold]lanterne scan ROOT[/bold] first (or pass --state)")
        raise typer.Exit(2)
    return SqliteIndex(index_path)


@app.command()
def version() -> None:
    """Print Lanterne's version."""
    out.print(__version__)


@app.command()
def scan(
    roots: Annotated[list[Path], typer.Argument(help="Folders (shares) to scan.", exists=True, file_okay=False)],
    once: Annotated[bool, typer.Option("--once", help="Scan and exit instead of watching for changes.")] = False,
    jsonl: Annotated[
        str | None,
        typer.Option("--jsonl", help="Write this run's verdicts, one FileVerdict per line, to FILE or '-' (stdout)."),
    ] = None,
    state: StateOpt = None,
    workers: Annotated[int | None, typer.Option(help="Classifier processes (default: CPU count).")] = None,
    watch: Annotated[
        WatchMode | None, typer.Option(help="How to watch: native events, polling (network mounts).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Scan ROOTS, classify every file, index the verdicts; then watch for changes until Ctrl-C (unless --once).

    The scan is incremental: with the same --state, files unchanged since the last run are not classified again.
    """
    from lanterne.runners.embedded import EmbeddedPipeline

    settings = load_settings_or_exit(state)
    if workers is not None:
        settings.classifier.workers = max(1, workers)
    if watch is not None:
        settings.agent.watch = watch.value
    show_progress = not quiet and err.is_terminal
    with ExitStack() as stack:
        sink: TextIO | None = None
        if jsonl == "-":
            sink = sys.stdout
        elif jsonl:
            try:
                sink = stack.enter_context(open(jsonl, "w", encoding="utf-8"))
            except OSError as exc:
                err.print(f"[red]cannot write {jsonl}:[/red] {exc.strerror}")
                raise typer.Exit(2) from exc
        progress_view = stack.enter_context(_ScanProgress(show_progress))
        pipeline = EmbeddedPipeline(settings, roots, jsonl=sink, on_progress=progress_view.update)
        stack.callback(pipeline.close)
        stop = threading.Event()
        try:
            result = pipeline.run(once=once, stop=stop)
        except KeyboardInterrupt:
            stop.set()
            err.print("[yellow]interrupted[/yellow]: progress is saved; run the same command to resume")
            raise typer.Exit(130) from None
    if not quiet and jsonl != "-":
        err.print(
            f"[green]done[/green]: {result.processed} files classified, {result.health} with health data, "
            f"{result.with_errors} with errors; index in {settings.state_dir}"
        )


class _ScanProgress:
    """A rich progress display on a terminal; nothing at all otherwise (logs and pipes stay clean)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> _ScanProgress:
        if self.enabled:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err, transient=True
            )
            self._progress.start()
            self._task = self._progress.add_task("scanning")
        return self

    def update(self, p) -> None:  # p: the embedded runner's progress record
        if self._progress is None or self._task is None:
            return
        phase = "watching" if p.scan_done else "scanning"
        self._progress.update(
            self._task,
            description=f"{phase}: {p.seen} files seen, {p.processed} classified, {p.health} with health data",
        )

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


_AGE = re.compile(r"^\s*(\d+)\s*([dmy]?)\s*$")


def _parse_age(text: str) -> int:
    """'365', '365d', '18m', '5y' -> days."""
    m = _AGE.match(text.lower())
    if not m:
        raise typer.BadParameter(f"{text!r} is not an age like 30d, 18m or 5y")
    n, unit = int(m.group(1)), m.group(2) or "d"
    return n * {"d": 1, "m": 30, "y": 365}[unit]


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in paths and contents (empty: any file).")] = "",
    health: Annotated[bool, typer.Option("--health", help="Only files with health data.")] = False,
    personal: Annotated[bool, typer.Option("--personal", help="Only files with personal data.")] = False,
    identifier: Annotated[
        list[str] | None, typer.Option("--identifier", "-i", help="Identifier type (NIR, IPP, INS...), repeatable.")
    ] = None,
    older_than: Annotated[str | None, typer.Option(help="Last modified more than this ago: 30d, 18m, 5y.")] = None,
    folder: Annotated[str | None, typer.Option(help="Only under this folder (path prefix).")] = None,
    owner: Annotated[str | None, typer.Option(help="Only files owned by this user.")] = None,
    file_format: Annotated[str | None, typer.Option("--format", help="Only this format (pdf, hl7, csv...).")] = None,
    min_sensitivity: Annotated[int | None, typer.Option(help="Only sensitivity >= N (0-100).")] = None,
    patient_nir: Annotated[
        str | None,
        typer.Option(help="Every file mentioning this NIR (matched by keyed fingerprint; the index holds no NIR)."),
    ] = None,
    limit: Annotated[int, typer.Option(help="At most N results.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print the verdicts as a JSON array.")] = False,
    state: StateOpt = None,
) -> None:
    """Search the index. Exit code 1 when nothing matches."""
    from lanterne.index.base import SearchQuery

    settings = load_settings_or_exit(state)
    fingerprints: list[str] = []
    if patient_nir:
        from lanterne.detect import patient_fingerprint
        from lanterne.privacy import load_or_create_key

        key = load_or_create_key(settings.classifier, settings.state_dir)
        wanted = patient_fingerprint("NIR", patient_nir, key)
        if wanted is None:
            err.print("[red]the NIR detector is not available[/red]")
            raise typer.Exit(2)
        fingerprints = [wanted]
    q = SearchQuery(
        text=query,
        health_only=health,
        personal_only=personal,
        identifiers=[i.upper() for i in identifier or []],
        older_than_days=_parse_age(older_than) if older_than else None,
        folder=folder,
        owner=owner,
        format=file_format,
        min_sensitivity=min_sensitivity,
        fingerprints=fingerprints,
        limit=limit,
    )
    index = _index_or_exit(settings)
    try:
        hits = index.search(q)
    finally:
        index.close()
    if as_json:
        sys.stdout.write(json.dumps([json.loads(v.model_dump_json()) for v in hits], ensure_ascii=False) + "\n")
    else:
        from lanterne.report.hits import render_hits

        out.print(render_hits(hits))
    if not hits:
        raise typer.Exit(1)


@app.command()
def report(
    html: Annotated[Path | None, typer.Option("--html", help="Also write a self-contained HTML page to FILE.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    top: Annotated[int, typer.Option(help="How many folders and owners to list.")] = 10,
    state: StateOpt = None,
) -> None:
    """Summarise what the index holds: by sensitivity, age, folder, owner, identifier type, format."""
    from lanterne.report import render_html, render_text

    settings = load_settings_or_exit(state)
    index = _index_or_exit(settings)
    try:
        summary = index.report(top=top)
    finally:
        index.close()
    if as_json:
        sys.stdout.write(summary.model_dump_json(indent=2) + "\n")
    else:
        for part in render_text(summary):
            out.print(part)
    if html is not None:
        html.write_text(render_html(summary), encoding="utf-8")
        err.print(f"HTML report written to {html}")


demo_app = typer.Typer(help="The bundled demo share of fictional hospital files.", no_args_is_help=True)
app.add_typer(demo_app, name="demo")


@demo_app.command("make")
def demo_make(
    dest: Annotated[Path, typer.Argument(help="Folder to create the demo share in.")],
    files: Annotated[int, typer.Option(help="Roughly how many files.")] = 120,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same share).")] = 7,
) -> None:
    """Create a realistic fictional hospital share (letters, lab exports, HL7, DICOM, payroll...)."""
    from lanterne.demo import make_share

    manifest = make_share(dest, seed=seed, files=files)
    err.print(f"demo share: {len(manifest.files)} fictional files in {dest}")


# The distributed services (Kafka, Faust, Elasticsearch). Their modules import the engines' clients lazily,
# inside the commands, so the embedded default works without the `distributed` extra installed.
from lanterne.cli.distributed_es import indexer, kibana_import  # noqa: E402
from lanterne.cli.distributed_kafka import agent, processor  # noqa: E402

app.command("agent")(agent)
app.command("processor")(processor)
app.command("indexer")(indexer)
kibana_app = typer.Typer(help="Kibana saved objects (data view, dark-data dashboard).", no_args_is_help=True)
kibana_app.command("import")(kibana_import)
app.add_typer(kibana_app, name="kibana")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()

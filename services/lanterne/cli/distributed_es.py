"""The Elasticsearch side of the distributed services: ``lanterne indexer`` and ``lanterne kibana import``.

Typer command functions, registered by ``cli/main.py``. They only parse flags, wire the pieces and print.
"""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import Annotated

import typer


def indexer(
    batch_size: Annotated[int, typer.Option(help="Verdicts per bulk request.", min=1)] = 500,
    group: Annotated[str, typer.Option(help="Kafka consumer group (one group per index).")] = "lanterne-indexer",
    idle_exit: Annotated[
        float | None, typer.Option(help="Stop after this many seconds without verdicts (one-shot loads, tests).")
    ] = None,
) -> None:
    """Index the verdicts of Kafka's verdicts topic into Elasticsearch, until stopped (Ctrl-C or SIGTERM).

    Offsets are committed only after Elasticsearch accepted the batch; while it is down the indexer waits and
    retries with back-off, then resumes where it stopped.
    """
    from lanterne.cli.common import err, load_settings_or_exit
    from lanterne.errors import ConfigError, InfrastructureError
    from lanterne.index.elasticsearch import ElasticsearchIndex
    from lanterne.indexer.kafka_source import KafkaVerdictSource
    from lanterne.indexer.runner import Indexer, until_stopped

    settings = load_settings_or_exit()
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    index = ElasticsearchIndex(settings.elasticsearch)
    # Engines still starting (or down) at launch: wait for them instead of exiting, like a service should.
    waiting = until_stopped(stop, initial_s=1, max_s=30)
    try:
        waiting(index.ensure_index)
        source = waiting(KafkaVerdictSource, settings.kafka, group)
    except ConfigError as exc:
        err.print(f"[red]configuration error:[/red] {exc}")
        raise typer.Exit(2) from exc
    except InfrastructureError as exc:
        index.close()
        err.print(f"[yellow]stopped before the engines were reachable:[/yellow] {exc}")
        raise typer.Exit(130 if stop.is_set() else 1) from exc
    err.print(f"indexing {settings.kafka.verdicts_topic} into {settings.elasticsearch.index} (group {group})")
    try:
        stats = Indexer(source, index, batch_size=batch_size).run(stop, idle_exit_s=idle_exit)
    finally:
        source.close()
        index.close()
    err.print(
        f"stopped: {stats.records} verdicts in {stats.batches} batches, {stats.indexed} indexed, "
        f"{stats.stale} older than the index (skipped), {stats.dead_lettered} dead-lettered"
    )
    if stop.is_set():
        raise typer.Exit(130)


def kibana_import(
    output: Annotated[
        Path | None, typer.Option(help="Write the saved objects as ndjson to FILE instead of importing them.")
    ] = None,
) -> None:
    """Load Lanterne's data view and dark-data dashboard into Kibana (saved-objects import, overwriting).

    Uses ``elasticsearch.kibana_url`` and the Elasticsearch credentials of the settings.
    """
    from lanterne.cli.common import err, load_settings_or_exit
    from lanterne.errors import InfrastructureError
    from lanterne.kibana import import_saved_objects, saved_objects, to_ndjson

    settings = load_settings_or_exit()
    payload = to_ndjson(saved_objects(settings.elasticsearch.index))
    if output is not None:
        output.write_bytes(payload)
        err.print(f"saved objects written to {output}")
        return
    try:
        result = import_saved_objects(settings.elasticsearch, payload)
    except InfrastructureError as exc:
        err.print(f"[red]Kibana import failed:[/red] {exc}")
        raise typer.Exit(1) from exc
    for problem in result.errors:
        err.print(f"[red]not imported:[/red] {problem}")
    err.print(f"imported {result.success_count} saved objects into {settings.elasticsearch.kibana_url}")
    if not result.success:
        raise typer.Exit(1)

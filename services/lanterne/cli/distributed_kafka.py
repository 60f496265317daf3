"""``lanterne agent`` and ``lanterne processor``: the Kafka side of the distributed services (registered in main).

The agent always writes to its local outbox (``STATE/agent.db``); a forwarder thread drains it into Kafka, so the
agent keeps working (and spooling) while the broker is away. The processor is one Faust worker; run several for
more throughput (one per partition at most).
"""

from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path
from typing import Annotated

import typer

from lanterne.cli.common import StateOpt, err, load_settings_or_exit
from lanterne.errors import InfrastructureError

log = logging.getLogger(__name__)

AGENT_DB = "agent.db"


def agent(
    roots: Annotated[list[Path], typer.Argument(help="Folders (shares) to scan and watch.", exists=True,
                                                file_okay=False)],
    once: Annotated[
        bool, typer.Option("--once", help="Scan, wait until the outbox is in Kafka, and exit (no watching).")
    ] = False,
    state: StateOpt = None,
) -> None:
    """Scan ROOTS, then watch them, sending every change to Kafka (spooled locally while the broker is away)."""
    from lanterne.agent import Agent
    from lanterne.bus.kafka import KafkaForwarder
    from lanterne.bus.sqlite_log import SqliteLog

    settings = load_settings_or_exit(state)
    outbox = SqliteLog(settings.state_dir / AGENT_DB)
    stop = threading.Event()
    forwarder_stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    forwarder = KafkaForwarder(settings.kafka, outbox, batch_size=settings.agent.batch_size)
    thread = threading.Thread(target=forwarder.run, args=(forwarder_stop,), name="kafka-forwarder", daemon=True)
    thread.start()
    the_agent = Agent(settings.agent, roots, outbox)
    try:
        if once:
            stats = the_agent.scan()
            while forwarder.spooled() and not stop.wait(0.2):
                pass
            err.print(f"scanned {stats.seen} files, {stats.emitted} events; {forwarder.spooled()} left in the outbox")
        else:
            the_agent.watch(stop)  # scans first, then watches (and reconciles) until SIGTERM or Ctrl-C
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    finally:
        stop.set()
        the_agent.close()
        forwarder_stop.set()
        thread.join(timeout=60)
        outbox.close()


def processor(state: StateOpt = None) -> None:
    """Run one processor worker: classify FileEvents from Kafka into FileVerdicts (until Ctrl-C / SIGTERM)."""
    from lanterne.processor.runner import run_processor

    settings = load_settings_or_exit(state)
    try:
        run_processor(settings)
    except InfrastructureError as exc:
        err.print(f"[red]processor stopped:[/red] {exc}")
        raise typer.Exit(1) from exc

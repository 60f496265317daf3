"""The distributed path's throughput: agent outbox → Kafka → processor workers → verdicts topic (→ Elasticsearch).

    .venv/bin/python bench/distributed.py [--events 20000] [--files 300] [--workers 1 2] [--no-write]

Needs the broker of ``infra/local/up`` (settings from the LANTERNE_* environment, else 127.0.0.1:9092). Every run
uses fresh topics and a fresh consumer group (``lanterne-bench-*``), deleted afterwards. Stages:

* forward: ``--events`` synthetic FileEvents appended to a fresh outbox (SqliteLog), drained by the
  ``KafkaForwarder`` (idempotent producer, acks=all, outbox committed after the acks): events/s into Kafka.
* transport: the same events through N processor workers (``lanterne processor``'s Faust app, one subprocess each)
  with a classifier that only builds an empty verdict: events/s through the Kafka side alone (consume, verdict
  produced and acknowledged, offset committed), timed from worker start to the last verdict on the topic.
* classify: a demo share of ``--files`` fictional files scanned by the agent, forwarded, and classified for real by
  N workers: files/s end to end, for comparison with the embedded ``lanterne scan`` (bench/throughput.py).

Hooks for the Elasticsearch half: ``EXTRA_STAGES`` holds functions ``(BenchRun) -> list[Row]`` run after the Kafka
stages, with the verdicts topic filled (``run.settings.kafka.verdicts_topic``, ``run.verdicts`` records). The
indexer's verdicts/s into Elasticsearch and the change → searchable latency (p50/p95, beside the embedded default)
belong there. Writes the "distributed" section of bench/RESULTS.md unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lanterne.agent import Agent
from lanterne.bus.kafka import KafkaForwarder
from lanterne.bus.kafka_config import client_config
from lanterne.bus.sqlite_log import SqliteLog
from lanterne.bus.topics import ensure_topics, topic_specs
from lanterne.events import EventKind, FileEvent, FileVerdict, file_id
from lanterne.settings import Settings
from results import write_section


@dataclass(frozen=True)
class Row:
    """One line of the results table."""

    stage: str
    items: int
    seconds: float
    unit: str = "events"
    note: str = ""


@dataclass
class BenchRun:
    """What a stage can use: the settings (fresh topics), and how many verdicts the Kafka stages produced."""

    settings: Settings
    workdir: Path
    verdicts: int = 0
    rows: list[Row] = field(default_factory=list)


EXTRA_STAGES: list[Callable[[BenchRun], list[Row]]] = []  # the Elasticsearch half registers its stages here


def fresh_settings(workdir: Path, name: str, partitions: int) -> Settings:
    suffix = uuid.uuid4().hex[:8]
    return Settings(
        state_dir=workdir / f"state-{name}",
        log_level="WARNING",
        kafka={
            "events_topic": f"lanterne-bench-{suffix}.file-events",
            "verdicts_topic": f"lanterne-bench-{suffix}.file-verdicts",
            "dead_letter_topic": f"lanterne-bench-{suffix}.dead-letter",
            "processor_group": f"lanterne-bench-{suffix}",
            "partitions": partitions,
        },
    )


def synthetic_events(n: int) -> list[FileEvent]:
    return [
        FileEvent(
            event_id=f"bench:{i}", agent_id="bench", host="bench", root="/srv/bench", path=f"d{i % 97}/f{i}.txt",
            file_id=file_id("bench", "/srv/bench", f"d{i % 97}/f{i}.txt"), kind=EventKind.MODIFIED, sequence=i,
            size=1000 + i % 5000, mtime_ns=1_700_000_000_000_000_000 + i,
        )
        for i in range(n)
    ]


def forward(settings: Settings, outbox: SqliteLog) -> float:
    """Drain the outbox into Kafka; returns the seconds it took."""
    forwarder = KafkaForwarder(settings.kafka, outbox)
    started = time.perf_counter()
    while forwarder.forward_once(0):
        pass
    elapsed = time.perf_counter() - started
    forwarder.close()
    return elapsed


def count_records(settings: Settings, topic: str, expect: int, timeout_s: float = 600.0) -> float:
    """Wait until ``topic`` holds ``expect`` records; returns the monotonic time it was first seen complete."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(**client_config(settings.kafka, "lanterne-bench-count"))
    partitions = [TopicPartition(topic, p) for p in range(settings.kafka.partitions)]
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            if sum(consumer.end_offsets(partitions).values()) >= expect:
                return time.monotonic()
            time.sleep(0.05)
    finally:
        consumer.close()
    raise TimeoutError(f"{topic} did not reach {expect} records in {timeout_s:.0f} s")


def run_workers(settings: Settings, workers: int, classifier: str, expect: int) -> float:
    """Start ``workers`` processor subprocesses, wait for ``expect`` verdicts, stop them; returns the seconds."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LANTERNE_")}
    env["LANTERNE_STATE_DIR"] = str(settings.state_dir)
    env["LANTERNE_LOG_LEVEL"] = "WARNING"
    for name, value in settings.kafka.model_dump(exclude_none=True).items():
        env[f"LANTERNE_KAFKA__{name.upper()}"] = str(value)
    started = time.monotonic()
    procs = [
        subprocess.Popen([sys.executable, __file__, "--worker", classifier], env=env, stdout=subprocess.DEVNULL)
        for _ in range(workers)
    ]
    try:
        done = count_records(settings, settings.kafka.verdicts_topic, expect)
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=60)
    return done - started


def empty_verdict(event: FileEvent) -> FileVerdict:
    """A verdict without reading the file: isolates the transport from classification."""
    return FileVerdict(
        file_id=event.file_id, path=f"{event.root}/{event.path}", root=event.root, relative_path=event.path,
        agent_id=event.agent_id, host=event.host, event_id=event.event_id, event_kind=event.kind,
        sequence=event.sequence, size=event.size, classifier_version="bench-empty",
    )


def worker_main(classifier: str) -> None:
    from lanterne.processor.runner import make_classify, run_processor
    from lanterne.settings import load_settings

    settings = load_settings()
    if classifier == "empty":
        run_processor(settings, empty_verdict)
        return
    classify, close = make_classify(settings)
    try:
        run_processor(settings, classify)
    finally:
        close()


def delete_topics(settings: Settings) -> None:
    from kafka.admin import KafkaAdminClient

    admin = KafkaAdminClient(**client_config(settings.kafka, "lanterne-bench-admin"))
    try:
        admin.delete_topics([s.name for s in topic_specs(settings.kafka)], raise_errors=False)
    finally:
        admin.close()


def bench_transport(workdir: Path, events: int, workers: int, partitions: int) -> list[Row]:
    settings = fresh_settings(workdir, f"transport-{workers}", partitions)
    ensure_topics(settings.kafka)
    outbox = SqliteLog(settings.state_dir / "agent.db")
    batch = synthetic_events(events)
    for start in range(0, len(batch), 1000):
        outbox.append(batch[start : start + 1000])
    try:
        rows = [Row("agent outbox → Kafka (forwarder, acks=all)", events, forward(settings, outbox))]
        seconds = run_workers(settings, workers, "empty", events)
        rows.append(Row(f"Kafka → {workers} worker(s) → verdicts topic (empty classifier)", events, seconds))
        return rows
    finally:
        outbox.close()
        delete_topics(settings)


def bench_classify(workdir: Path, files: int, workers: int, partitions: int) -> BenchRun:
    from lanterne.demo import make_share

    settings = fresh_settings(workdir, f"classify-{workers}", partitions)
    share = workdir / f"share-{workers}"
    make_share(share, seed=2024, files=files)
    outbox = SqliteLog(settings.state_dir / "agent.db")
    started = time.perf_counter()
    stats = Agent(settings.agent, [share], outbox).scan()
    scanned = time.perf_counter() - started
    run = BenchRun(settings, workdir)
    run.rows.append(Row("agent scan → outbox", stats.emitted, scanned, "files"))
    run.rows.append(Row("agent outbox → Kafka (forwarder, acks=all)", stats.emitted, forward(settings, outbox)))
    seconds = run_workers(settings, workers, "real", stats.emitted)
    run.rows.append(Row(f"Kafka → {workers} worker(s) → verdicts topic (real classifier)", stats.emitted, seconds,
                        "files"))
    run.verdicts = stats.emitted
    outbox.close()
    return run


def table(rows: list[Row]) -> str:
    lines = ["| stage | items | seconds | per second |", "| --- | ---: | ---: | ---: |"]
    for r in rows:
        rate = r.items / r.seconds if r.seconds else float("inf")
        lines.append(f"| {r.stage} | {r.items} {r.unit} | {r.seconds:.1f} | {rate:,.0f} {r.unit}/s |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partitions", type=int, default=6)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--worker", choices=["empty", "real"], help=argparse.SUPPRESS)  # subprocess entry point
    args = parser.parse_args()
    if args.worker:
        worker_main(args.worker)
        return

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="lanterne-bench-") as tmp:
        workdir = Path(tmp)
        for workers in args.workers:
            rows += bench_transport(workdir, args.events, workers, args.partitions)
        for workers in args.workers:
            run = bench_classify(workdir, args.files, workers, args.partitions)
            for stage in EXTRA_STAGES:
                run.rows += stage(run)
            rows += run.rows
            delete_topics(run.settings)
    import faust
    import kafka

    text = (
        "## Distributed path (Kafka)\n\n"
        f"`.venv/bin/python bench/distributed.py --events {args.events} --files {args.files} "
        f"--workers {' '.join(map(str, args.workers))}` — one local Apache Kafka broker (infra/local/up), "
        f"{args.partitions} partitions, kafka-python {kafka.__version__}, faust-streaming {faust.__version__}, "
        "zstd. Each worker is one process classifying one event at a time (see processor/app.py); worker "
        "times include the worker's start and group join (~2 s).\n\n" + table(rows)
    )
    print(text)
    if not args.no_write:
        write_section("distributed", text)


if __name__ == "__main__":
    main()

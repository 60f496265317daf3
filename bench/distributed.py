"""The distributed path's throughput: agent outbox → Kafka → processor workers → verdicts topic (→ Elasticsearch).

    .venv/bin/python bench/distributed.py [--events 20000] [--files 300] [--workers 1 2] [--changes 30]
        [--pause 0.5] [--no-write]

Needs the broker and the Elasticsearch node of ``infra/local/up`` (settings from the LANTERNE_* environment, else
127.0.0.1:9092 and localhost:9200). Every run uses fresh topics, consumer groups and indices (``lanterne-bench-*``),
deleted afterwards. Stages:

* forward: ``--events`` synthetic FileEvents appended to a fresh outbox (SqliteLog), drained by the
  ``KafkaForwarder`` (idempotent producer, acks=all, outbox committed after the acks): events/s into Kafka.
* transport: the same events through N processor workers (``lanterne processor``'s Faust app, one subprocess each)
  with a classifier that only builds an empty verdict: events/s through the Kafka side alone (consume, verdict
  produced and acknowledged, offset committed), timed from worker start to the last verdict on the topic.
* classify: a demo share of ``--files`` fictional files scanned by the agent, forwarded, and classified for real by
  N workers: files/s end to end, for comparison with the embedded ``lanterne scan`` (bench/throughput.py).

Hooks for the Elasticsearch half: ``EXTRA_STAGES`` holds functions ``(BenchRun) -> list[Row]`` run after the Kafka
stages, with the verdicts topic filled (``run.settings.kafka.verdicts_topic``, ``run.verdicts`` records):

* index: the classify stage's verdicts through the indexer's loop into a fresh index: verdicts/s until searchable.

Then, once per run:

* latency: ``--changes`` new files written one at a time into a watched share, each timed from its write until a
  search finds it (p50, p95): through ``lanterne agent``, ``lanterne processor`` and ``lanterne indexer`` running
  as services into Elasticsearch, then through the embedded default (``lanterne scan`` watching, SQLite index).

Writes the "distributed" section of bench/RESULTS.md unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from results import write_section

from lanterne.agent import Agent
from lanterne.bus.kafka import KafkaForwarder
from lanterne.bus.kafka_config import client_config
from lanterne.bus.sqlite_log import SqliteLog
from lanterne.bus.topics import ensure_topics, topic_specs
from lanterne.events import EventKind, FileEvent, FileVerdict, file_id
from lanterne.index.elasticsearch import ElasticsearchIndex
from lanterne.settings import Settings


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


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that gives a subprocess these settings' state dir and Kafka section."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LANTERNE_")}
    env["LANTERNE_STATE_DIR"] = str(settings.state_dir)
    env["LANTERNE_LOG_LEVEL"] = "WARNING"
    for name, value in settings.kafka.model_dump(exclude_none=True).items():
        env[f"LANTERNE_KAFKA__{name.upper()}"] = str(value)
    return env


def run_workers(settings: Settings, workers: int, classifier: str, expect: int) -> float:
    """Start ``workers`` processor subprocesses, wait for ``expect`` verdicts, stop them; returns the seconds."""
    env = settings_env(settings)
    started = time.monotonic()
    procs = [
        subprocess.Popen([sys.executable, __file__, "--worker", classifier], env=env, stdout=subprocess.DEVNULL)
        for _ in range(workers)
    ]
    try:
        done = count_records(settings, settings.kafka.verdicts_topic, expect)
        # A rebalance can classify an event twice: the stage ends when every FILE has a verdict, not every record.
        deadline = time.monotonic() + 600
        while distinct_files(settings) < expect:
            if time.monotonic() > deadline:
                raise TimeoutError(f"fewer than {expect} files have a verdict after 600 s")
            time.sleep(0.1)
            done = time.monotonic()
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


# -- the Elasticsearch half ---------------------------------------------------------------------------------------

LANTERNE = Path(sys.executable).with_name("lanterne")
POLL_S = 0.05


def fresh_es_index(settings: Settings) -> ElasticsearchIndex:
    """A fresh index (``lanterne-bench-*``) on the node of the LANTERNE_ELASTICSEARCH__* settings."""
    es = settings.elasticsearch.model_copy(update={"index": f"lanterne-bench-{uuid.uuid4().hex[:8]}"})
    index = ElasticsearchIndex(es)
    index.ensure_index()
    return index


def drop_es_index(index: ElasticsearchIndex) -> None:
    client = index.client.options(ignore_status=404)  # type: ignore[union-attr]
    client.indices.delete(index=index.index)
    client.indices.delete_index_template(name=index.index)
    index.close()


def wait_until(predicate: Callable[[], bool], what: str, timeout_s: float = 300.0) -> float:
    """Poll ``predicate`` every POLL_S; returns the monotonic time it first held."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} not seen in {timeout_s:.0f} s")
        time.sleep(POLL_S)
    return time.monotonic()


def bench_indexer(run: BenchRun) -> list[Row]:
    """The verdicts of the classify stage, from their topic into a fresh index by the indexer's loop (the one
    ``lanterne indexer`` runs, in a thread here): timed from start (consumer group join included) until a search
    counts them all."""
    from lanterne.indexer.kafka_source import KafkaVerdictSource
    from lanterne.indexer.runner import Indexer

    files = distinct_files(run.settings)
    index = fresh_es_index(run.settings)
    source = KafkaVerdictSource(run.settings.kafka, f"lanterne-bench-indexer-{uuid.uuid4().hex[:8]}")
    stop = threading.Event()
    started = time.monotonic()
    thread = threading.Thread(target=Indexer(source, index).run, args=(stop,), daemon=True)
    thread.start()

    first: list[float] = []  # when the first verdict became searchable: the group join is over

    def all_searchable() -> bool:
        index.refresh()
        count = index.count()
        if count and not first:
            first.append(time.monotonic())
        return count >= files

    try:
        done = wait_until(all_searchable, f"{files} files in {index.index}")
    finally:
        stop.set()
        thread.join(timeout=60)
        source.close()
        drop_es_index(index)
    return [
        Row("verdicts topic → indexer → Elasticsearch (searchable)", files, done - started, "files"),
        Row("… the same, after the first file was searchable", files, done - first[0], "files"),
    ]


def distinct_files(settings: Settings) -> int:
    """How many files the verdicts topic holds a verdict for (records are keyed by file id). Not simply
    ``run.verdicts``: a rebalance among workers can classify an event twice (at least once) while ``count_records``
    counts records, so a stage may end with some files still unclassified."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(**client_config(settings.kafka, "lanterne-bench-keys"), enable_auto_commit=False)
    partitions = [TopicPartition(settings.kafka.verdicts_topic, p) for p in range(settings.kafka.partitions)]
    try:
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        end = consumer.end_offsets(partitions)
        keys: set[bytes | None] = set()
        while any(consumer.position(tp) < end[tp] for tp in partitions):
            for batch in consumer.poll(timeout_ms=500).values():
                keys.update(r.key for r in batch)
        return len(keys)
    finally:
        consumer.close()


@dataclass
class Latency:
    pipeline: str
    seconds: list[float]

    def row(self) -> str:
        s = sorted(self.seconds)
        p95 = statistics.quantiles(s, n=20, method="inclusive")[18]
        return f"| {self.pipeline} | {len(s)} | {statistics.median(s):.2f} | {p95:.2f} | {s[0]:.2f} | {s[-1]:.2f} |"


def write_changes(share: Path, changes: int, searchable: Callable[[str], bool], pause_s: float) -> list[float]:
    """Write ``changes`` new files one at a time; each is timed from its write until ``searchable(word)``, a word of
    its name, holds. Waits ``pause_s`` between files, so the changes do not queue behind each other."""
    folder = share / "Latence"
    folder.mkdir(exist_ok=True)
    latencies: list[float] = []
    for _ in range(changes):
        word = f"latence{uuid.uuid4().hex[:8]}"
        body = f"Compte rendu de consultation (fictif) {word}.\nPatient vu en cardiologie, examen normal.\n"
        started = time.monotonic()
        (folder / f"{word}.txt").write_text(body, encoding="utf-8")
        latencies.append(wait_until(partial(searchable, word), f"file {word}", 120.0) - started)
        time.sleep(pause_s)
    return latencies


def latency_distributed(workdir: Path, changes: int, pause_s: float, partitions: int) -> Latency:
    """``lanterne agent`` (watching), ``lanterne processor`` and ``lanterne indexer`` as services; a change is
    searchable once ``ElasticsearchIndex.search`` finds it (what ``lanterne search`` runs)."""
    from lanterne.demo import make_share
    from lanterne.index.base import SearchQuery

    settings = fresh_settings(workdir, "latency-es", partitions)
    ensure_topics(settings.kafka)
    index = fresh_es_index(settings)
    share = workdir / "share-latency-es"
    initial = len(make_share(share, seed=77, files=20).files)
    env = settings_env(settings)
    env.update(
        LANTERNE_ELASTICSEARCH__INDEX=index.index,
        LANTERNE_ELASTICSEARCH__HOSTS=json.dumps(settings.elasticsearch.hosts),
    )
    commands = {
        "indexer": ["indexer", "--group", f"{index.index}-indexer"],
        "processor": ["processor"],
        "agent": ["agent", str(share)],
    }
    procs = [
        subprocess.Popen(
            [str(LANTERNE), *args],
            env={**env, "LANTERNE_STATE_DIR": str(workdir / f"svc-{name}")},
            stdout=subprocess.DEVNULL,
        )
        for name, args in commands.items()
    ]
    try:
        wait_until(lambda: index.count() >= initial, "the initial share in Elasticsearch")
        latencies = write_changes(
            share, changes, lambda word: bool(index.search(SearchQuery(text=word, limit=1))), pause_s
        )
    finally:
        stop_services(procs)
        drop_es_index(index)
        delete_topics(settings)
    return Latency("agent → Kafka → processor → Kafka → indexer → Elasticsearch", latencies)


def latency_embedded(workdir: Path, changes: int, pause_s: float) -> Latency:
    """``lanterne scan SHARE`` watching; a change is searchable once the embedded index (read through
    ``SqliteIndex.search``, what ``lanterne search`` runs) finds it."""
    from lanterne.demo import make_share
    from lanterne.index.base import SearchQuery
    from lanterne.index.sqlite import SqliteIndex
    from lanterne.runners.embedded import state_paths

    share = workdir / "share-latency-embedded"
    initial = len(make_share(share, seed=77, files=20).files)
    state = workdir / "state-latency-embedded"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LANTERNE_")}
    proc = subprocess.Popen(
        [str(LANTERNE), "scan", str(share), "--quiet", "--state", str(state)], env=env, stdout=subprocess.DEVNULL
    )
    index: SqliteIndex | None = None
    try:
        index_path = state_paths(state)[1]
        wait_until(index_path.exists, "the embedded index")
        index = SqliteIndex(index_path)
        reader = index
        wait_until(lambda: reader.count() >= initial, "the initial share in the embedded index")
        latencies = write_changes(
            share, changes, lambda word: bool(reader.search(SearchQuery(text=word, limit=1))), pause_s
        )
    finally:
        stop_services([proc], signal.SIGINT)  # `lanterne scan` stops cleanly on Ctrl-C
        if index is not None:
            index.close()
    return Latency("embedded `lanterne scan` (watching) → SQLite index", latencies)


def stop_services(procs: list[subprocess.Popen[bytes]], signum: int = signal.SIGTERM) -> None:
    for proc in procs:
        proc.send_signal(signum)
    for proc in procs:
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def latency_table(results: list[Latency], pause_s: float) -> str:
    return "\n".join(
        [
            f"### Change → searchable (new file written, one at a time, {pause_s:g} s pause after each is found)\n",
            "| pipeline | changes | p50 s | p95 s | min s | max s |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            *(r.row() for r in results),
        ]
    )


EXTRA_STAGES.append(bench_indexer)


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
    parser.add_argument("--changes", type=int, default=30, help="Files for the change → searchable latency (0: skip).")
    parser.add_argument("--pause", type=float, default=0.5, help="Seconds between two timed changes.")
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
        latency = ""
        if args.changes:
            results = [
                latency_distributed(workdir, args.changes, args.pause, args.partitions),
                latency_embedded(workdir, args.changes, args.pause),
            ]
            latency = "\n\n" + latency_table(results, args.pause)
    import elasticsearch
    import faust
    import kafka

    text = (
        "## Distributed path (Kafka, Elasticsearch)\n\n"
        f"`.venv/bin/python bench/distributed.py --events {args.events} --files {args.files} "
        f"--workers {' '.join(map(str, args.workers))} --changes {args.changes} --pause {args.pause:g}` — one local "
        f"Apache Kafka broker and one Elasticsearch node (infra/local/up), {args.partitions} partitions, "
        f"kafka-python {kafka.__version__}, faust-streaming {faust.__version__}, zstd, elasticsearch-py "
        f"{elasticsearch.__versionstr__}. Each worker is one process classifying one event at a time (see "
        "processor/app.py); worker times include the worker's start and group join (~2 s), the indexer's its "
        "group join. The indexer rows count the distinct files on the verdicts topic: a worker stage stops at "
        "`--files` verdict records, and when workers rebalance as they join, some events are classified twice, "
        "so fewer files than that may have a verdict yet. Latency: agent, one processor and the indexer run as "
        "`lanterne` services on a 20-file share (then `lanterne scan` alone, watching, on another); each new file "
        "is timed from its write until a search finds it (Elasticsearch refreshes every 1 s, its default).\n\n"
        + table(rows)
        + latency
    )
    print(text)
    if not args.no_write:
        write_section("distributed", text)


if __name__ == "__main__":
    main()

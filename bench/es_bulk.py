"""Elasticsearch write throughput: bulk verdicts/s into the index, and through the indexer from Kafka.

    .venv/bin/python bench/es_bulk.py --verdicts 20000 --batch 500 [--kafka]

Needs the engines of ``infra/local/up`` (settings from the LANTERNE_* environment, else 127.0.0.1). Uses a fresh
index (and topic) named ``lanterne-bench-*``, deleted afterwards. Three passes on the sink: first write, the same
batches replayed (equal versions: documents rewritten), and older versions (version conflicts, nothing written).
With --kafka, the verdicts are also produced to a fresh topic and the indexer (consumer + bulk + commit) is timed
until it has committed them all. Writes its section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import random
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta

from results import write_section

from lanterne.events.models import EventKind, FileVerdict
from lanterne.index.elasticsearch import ElasticsearchIndex
from lanterne.settings import Settings

FORMATS = ["pdf", "docx", "csv", "hl7", "text", "xlsx"]
TYPES = ["NIR", "INS", "IPP", "NDA", "EMAIL", "PHONE", "PERSON_NAME"]


def make_verdicts(n: int, seed: int = 1, sequence_offset: int = 0) -> list[FileVerdict]:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    verdicts = []
    for i in range(n):
        rel = f"Service{i % 40}/Dossier{i % 700}/document_{i}.{rng.choice(FORMATS)}"
        ids = {t: rng.randint(1, 4) for t in rng.sample(TYPES, rng.randint(0, 3))}
        verdicts.append(
            FileVerdict(
                file_id=f"bench-{i:08d}",
                path=f"/srv/partage/{rel}",
                root="/srv/partage",
                relative_path=rel,
                agent_id="bench",
                host="fs-bench",
                format=rng.choice(FORMATS),
                size=rng.randint(0, 10_000_000),
                mtime=now - timedelta(days=rng.randint(0, 8000)),
                owner=f"user{i % 50}",
                health_data=bool(ids) and rng.random() < 0.5,
                personal_data=bool(ids),
                identifiers=ids,
                samples=[f"{t} ****{rng.randint(10, 99)}" for t in ids][:2],
                fingerprints=[f"{t}:{rng.getrandbits(128):032x}" for t in ids],
                reasons=["compte rendu + NIR valide"] if ids else [],
                sensitivity=rng.randint(0, 100) if ids else 0,
                dark_score=rng.randint(0, 100),
                event_id=f"bench:{i + sequence_offset}",
                event_kind=EventKind.SCANNED,
                sequence=i + sequence_offset,
                classifier_version="bench",
            )
        )
    return verdicts


def timed_writes(index: ElasticsearchIndex, verdicts: list[FileVerdict], batch: int) -> tuple[float, int]:
    start = time.perf_counter()
    stale = 0
    for i in range(0, len(verdicts), batch):
        results = index.write(verdicts[i : i + batch])
        assert all(r.ok for r in results), [r for r in results if not r.ok][:3]
        stale += sum(r.skipped_stale for r in results)
    return time.perf_counter() - start, stale


def through_indexer(settings: Settings, index: ElasticsearchIndex, verdicts: list[FileVerdict], batch: int) -> float:
    from kafka import KafkaProducer

    from lanterne.bus.kafka_config import producer_config
    from lanterne.bus.topics import TopicSpec, ensure_topics
    from lanterne.indexer.kafka_source import KafkaVerdictSource
    from lanterne.indexer.runner import Indexer

    topic = f"lanterne-bench-verdicts-{uuid.uuid4().hex[:8]}"
    kafka = settings.kafka.model_copy(update={"verdicts_topic": topic})
    ensure_topics(kafka, [TopicSpec(topic, kafka.partitions, 1)])
    producer = KafkaProducer(**producer_config(kafka, "lanterne-bench"))
    for v in verdicts:
        producer.send(topic, key=v.file_id.encode(), value=v.model_dump_json().encode())
    producer.flush()
    producer.close()
    source = KafkaVerdictSource(kafka, group_id=f"bench-{uuid.uuid4().hex[:8]}")
    indexer = Indexer(source, index, batch_size=batch, poll_timeout_s=0.5)
    stop = threading.Event()
    start = time.perf_counter()
    thread = threading.Thread(target=indexer.run, args=(stop,))
    thread.start()
    while indexer.stats.records < len(verdicts):
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    stop.set()
    thread.join()
    source.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verdicts", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--kafka", action="store_true", help="also time the indexer from a Kafka topic")
    args = parser.parse_args()

    settings = Settings()
    name = f"lanterne-bench-{uuid.uuid4().hex[:8]}"
    # The history stream would double the actions per verdict and cannot be deleted on the local node.
    index = ElasticsearchIndex(settings.elasticsearch.model_copy(update={"index": name, "history_stream": None}))
    index.ensure_index()
    nodes = index.client.nodes.info(node_id="_local", filter_path="nodes.*.version")  # type: ignore[union-attr]
    version = next(iter(nodes["nodes"].values()))["version"]
    n = args.verdicts
    verdicts = make_verdicts(n, sequence_offset=1000)
    try:
        rows = []
        for label, batch_of in (
            ("first write", verdicts),
            ("replay (same versions)", verdicts),
            ("older versions (conflicts)", make_verdicts(n, sequence_offset=0)),
        ):
            elapsed, stale = timed_writes(index, batch_of, args.batch)
            rows.append(f"| {label} | {n} | {elapsed:.1f} | {n / elapsed:,.0f} | {stale} |")
        if args.kafka:
            index.client.indices.delete(index=name)  # type: ignore[union-attr]
            index.ensure_index()
            elapsed = through_indexer(settings, index, verdicts, args.batch)
            rows.append(f"| indexer: Kafka → Elasticsearch, committed | {n} | {elapsed:.1f} | {n / elapsed:,.0f} | 0 |")
    finally:
        index.client.options(ignore_status=404).indices.delete(index=name)  # type: ignore[union-attr]
        index.client.options(ignore_status=404).indices.delete_index_template(name=name)  # type: ignore[union-attr]
        index.close()
    table = "\n".join(
        [
            "## Elasticsearch bulk writes",
            "",
            f"`.venv/bin/python bench/es_bulk.py --verdicts {n} --batch {args.batch}{' --kafka' if args.kafka else ''}`"
            f" — Elasticsearch {version}, one local node (infra/local/up), batches of {args.batch}, one client thread.",
            "",
            "| pass | verdicts | seconds | verdicts/s | stale |",
            "| --- | ---: | ---: | ---: | ---: |",
            *rows,
        ]
    )
    print(table)
    write_section("es_bulk", table)


if __name__ == "__main__":
    main()

"""Smoke check of the engines started by infra/local/up, with the clients Lanterne itself uses.

Run with the project's virtualenv: ``.venv/bin/python infra/local/smoke.py [--restart]``. It produces and consumes
one message on a throw-away topic, indexes and searches one document in a throw-away index, and with ``--restart``
restarts each engine through ``infra/local/ctl`` in between to prove the data survives. Exit status 0 = all good.
Addresses come from the env file that ``up`` writes (``$LANTERNE_INFRA_DIR/env``).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import uuid
from pathlib import Path

from elasticsearch import Elasticsearch
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.consumer import KafkaConsumer
from kafka.producer import KafkaProducer

HERE = Path(__file__).resolve().parent


def read_env_file() -> dict[str, str]:
    """The settings written by ``up`` (shell syntax: KEY=VALUE, values possibly single-quoted)."""
    path = Path(os.environ.get("LANTERNE_INFRA_DIR", "/tmp/lanterne-infra")) / "env"
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = shlex.split(value)[0]
    return values


def ctl(action: str, engine: str) -> None:
    subprocess.run([str(HERE / "ctl"), action, engine], check=True)


def check_kafka(bootstrap: str, restart: bool) -> None:
    topic = f"smoke-{uuid.uuid4().hex[:8]}"
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)])
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
    producer.send(topic, key=b"smoke", value=b"hello").get(timeout=30)
    producer.close()
    admin.close()
    if restart:
        ctl("restart", "kafka")
    consumer = KafkaConsumer(
        topic, bootstrap_servers=bootstrap, group_id=topic, auto_offset_reset="earliest", consumer_timeout_ms=30000
    )
    message = next(consumer, None)  # the first record, or None after consumer_timeout_ms without one
    consumer.close()
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    admin.delete_topics([topic])
    admin.close()
    if message is None or message.value != b"hello":
        sys.exit(f"kafka: expected b'hello' on {topic}, got {message!r}")
    print(f"kafka OK ({bootstrap}{', survived a restart' if restart else ''})")


def check_elasticsearch(hosts: list[str], restart: bool) -> None:
    index = f"smoke-{uuid.uuid4().hex[:8]}"
    es = Elasticsearch(hosts)
    es.indices.create(index=index, settings={"number_of_replicas": 0})
    es.index(index=index, id="1", document={"path": "/share/smoke.txt", "body": "compte rendu"}, refresh=True)
    if restart:
        ctl("restart", "es")
        es.cluster.health(index=index, wait_for_status="green", timeout="60s")
    hits = es.search(index=index, query={"match": {"body": "compte"}})["hits"]["total"]["value"]
    es.indices.delete(index=index)
    if hits != 1:
        sys.exit(f"elasticsearch: expected 1 hit in {index}, got {hits}")
    print(f"elasticsearch OK ({hosts[0]}{', survived a restart' if restart else ''})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--restart", action="store_true", help="restart each engine between write and read")
    args = parser.parse_args()
    env = read_env_file()
    check_kafka(env["LANTERNE_KAFKA__BOOTSTRAP_SERVERS"], args.restart)
    check_elasticsearch(json.loads(env["LANTERNE_ELASTICSEARCH__HOSTS"]), args.restart)


if __name__ == "__main__":
    main()

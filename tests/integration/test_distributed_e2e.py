"""The whole distributed path against the real engines, through the installed ``lanterne`` commands.

``lanterne agent`` (scan, then watch) → Kafka → ``lanterne processor`` (Faust) → Kafka → ``lanterne indexer`` →
Elasticsearch, on a generated share; then the embedded default (``lanterne scan --once``) on the same share, with
the same agent id and fingerprint key, must give every file the same verdict, and ``lanterne search`` must find
the same files in Elasticsearch as in the embedded index. Last, a file created, one modified and one deleted while
the services run must show in Elasticsearch. Every test has its own topics, consumer groups, index and state dirs.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from lanterne.bus.topics import ensure_topics
from lanterne.demo import make_share
from lanterne.events import FileVerdict, file_id
from lanterne.index.base import SearchQuery
from lanterne.index.elasticsearch import ElasticsearchIndex
from lanterne.settings import ElasticsearchSettings, KafkaSettings
from tests.integration.es_support import TEST_HISTORY_STREAM
from tests.integration.kafka_support import delete_topics, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.slow]

LANTERNE = Path(sys.executable).with_name("lanterne")
AGENT_ID = "e2e-agent"
SETTLE_S = 240.0  # bound on every wait (a loaded 2-core machine); a limit, not a speed assertion
ALL = ["--limit", "10000"]
SEARCHES = [["--identifier", "NIR"], ["--health"], ["--personal", "--min-sensitivity", "50"], ["compte"], []]


@dataclass
class Services:
    """The subprocesses of one test and the environment they share; ``stop_all`` ends every one of them."""

    env: dict[str, str]
    logs: Path
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def start(self, name: str, *args: str) -> None:
        env = {**self.env, "LANTERNE_STATE_DIR": str(self.logs / f"state-{name}")}
        with (self.logs / f"{name}.log").open("ab") as log:
            self.procs[name] = subprocess.Popen([str(LANTERNE), *args], env=env, stdout=log, stderr=log)

    def assert_running(self) -> None:
        for name, proc in self.procs.items():
            assert proc.poll() is None, f"{name} exited with {proc.returncode}:\n{self.tail(name)}"

    def tail(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def stop_all(self) -> None:
        """SIGTERM (each service's clean stop), then SIGKILL for whatever is still there after 30 s."""
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=30)


@pytest.fixture
def services(
    kafka_bootstrap: str, es_settings: ElasticsearchSettings, tmp_path: Path
) -> Iterator[tuple[Services, KafkaSettings, ElasticsearchIndex]]:
    """Unique topics, groups and index; the services' shared environment; everything stopped and removed after."""
    suffix = uuid.uuid4().hex[:10]
    kafka = KafkaSettings(
        bootstrap_servers=kafka_bootstrap,
        events_topic=f"test.{suffix}.file-events",
        verdicts_topic=f"test.{suffix}.file-verdicts",
        dead_letter_topic=f"test.{suffix}.dead-letter",
        processor_group=f"test-{suffix}-processor",
        partitions=3,
    )
    es = es_settings.model_copy(update={"index": f"lanterne-test-e2e-{suffix}"})
    env = {k: v for k, v in os.environ.items() if not k.startswith("LANTERNE_")}
    env.update({f"LANTERNE_KAFKA__{k.upper()}": str(v) for k, v in kafka.model_dump(exclude_none=True).items()})
    env.update(
        LANTERNE_ELASTICSEARCH__HOSTS=json.dumps(es.hosts),
        LANTERNE_ELASTICSEARCH__INDEX=es.index,
        LANTERNE_ELASTICSEARCH__HISTORY_STREAM=TEST_HISTORY_STREAM,  # the local node cannot delete data streams
        LANTERNE_AGENT__ID=AGENT_ID,
        LANTERNE_CLASSIFIER__FINGERPRINT_KEY=secrets.token_hex(32),
        LANTERNE_LOG_LEVEL="WARNING",
    )
    # Topics first, so the indexer's consumer finds its topic whichever service starts first.
    ensure_topics(kafka)
    running = Services(env, tmp_path)
    index = ElasticsearchIndex(es)
    # The indexer creates the index too; created here, the test's first searches do not race its shard's start.
    index.ensure_index()
    index.client.cluster.health(index=es.index, wait_for_status="yellow", timeout="60s")  # type: ignore[union-attr]
    try:
        yield running, kafka, index
    finally:
        running.stop_all()
        from lanterne.settings import Settings

        delete_topics(Settings(kafka=kafka))
        client = index.client.options(ignore_status=404)  # type: ignore[union-attr]
        client.indices.delete(index=es.index)
        client.indices.delete_index_template(name=es.index)
        index.close()


def meaningful(v: FileVerdict) -> dict[str, Any]:
    """What the classifier concludes from the file's content and metadata; dark_score and staleness are compared
    apart (they depend on the moment of classification)."""
    return {
        "file_id": v.file_id,
        "path": v.path,
        "format": v.format,
        "size": v.size,
        "mtime": v.mtime,
        "atime": v.atime,
        "mode": v.mode,
        "content_hash": v.content_hash,
        "health_data": v.health_data,
        "personal_data": v.personal_data,
        "identifiers": v.identifiers,
        "clinical": v.clinical,
        "samples": sorted(v.samples),
        "fingerprints": sorted(v.fingerprints),
        "reasons": v.reasons,
        "members": v.members,
        "sensitivity": v.sensitivity,
        "exposure": v.exposure,
        "truncated": v.truncated,
        "errors": sorted(e.code for e in v.errors),
    }


def cli_search(env: dict[str, str], *args: str) -> set[str]:
    """File ids ``lanterne search --json`` finds (exit 1 = nothing found)."""
    proc = subprocess.run([str(LANTERNE), "search", "--json", *ALL, *args], env=env, capture_output=True, timeout=120)
    # exit 1 is also a failed run: then there is no JSON array on stdout
    assert proc.returncode in (0, 1) and proc.stdout.strip(), proc.stderr.decode(errors="replace")[-2000:]
    return {hit["file_id"] for hit in json.loads(proc.stdout)}


def es_state(index: ElasticsearchIndex) -> dict[str, FileVerdict]:
    return {v.file_id: v for v in index.search(SearchQuery(limit=10_000))}


def test_distributed_path_matches_the_embedded_default_and_follows_live_changes(
    services: tuple[Services, KafkaSettings, ElasticsearchIndex], tmp_path: Path
) -> None:
    running, _kafka, index = services
    share = tmp_path / "share"
    manifest = make_share(share, seed=41, files=60)
    expected = len(manifest.files)

    running.start("indexer", "indexer", "--group", f"{index.index}-indexer")
    running.start("processor", "processor")
    running.start("agent", "agent", str(share))

    def all_indexed() -> bool:
        running.assert_running()
        return index.count() == expected

    try:
        wait_for(all_indexed, f"{expected} files in Elasticsearch", SETTLE_S)
    except AssertionError:
        pytest.fail(f"{index.count()}/{expected} indexed; processor log:\n{running.tail('processor')}")
    distributed = es_state(index)

    # The embedded default on the same share, same agent id and key: same verdicts, same searches.
    embedded_state = tmp_path / "embedded"
    jsonl = tmp_path / "embedded.jsonl"
    proc = subprocess.run(
        [str(LANTERNE), "scan", str(share), "--once", "--quiet", "--state", str(embedded_state), "--jsonl", str(jsonl)],
        env=running.env,
        capture_output=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    embedded = {}
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        verdict = FileVerdict.from_json(line)
        embedded[verdict.file_id] = verdict

    assert set(distributed) == set(embedded)
    assert len(distributed) == expected
    for fid, verdict in embedded.items():
        mine = distributed[fid]
        assert meaningful(mine) == meaningful(verdict), verdict.relative_path
        assert abs(mine.staleness - verdict.staleness) <= 0.01, verdict.relative_path
        assert abs(mine.dark_score - verdict.dark_score) <= 1, verdict.relative_path
    assert any(v.health_data and "NIR" in v.identifiers for v in distributed.values())

    es_env = {**running.env, "LANTERNE_INDEX__BACKEND": "elasticsearch"}
    embedded_env = {**running.env, "LANTERNE_STATE_DIR": str(embedded_state)}
    for args in SEARCHES:
        from_es = cli_search(es_env, *args)
        assert from_es == cli_search(embedded_env, *args), args
        assert from_es or args == ["compte"], f"the demo share should give `search {' '.join(args)}` hits"
    assert cli_search(es_env) == set(distributed)

    # Live changes while agent, processor and indexer run: a new file, a modified one, a deleted one.
    root = next(iter(distributed.values())).root
    by_path = {v.relative_path: v for v in distributed.values()}
    health_source = next(p for p, v in sorted(by_path.items()) if v.health_data and v.format == "text")
    others = [p for p, v in sorted(by_path.items()) if p != health_source and not v.errors and v.size]
    modified, deleted = others[0], others[1]
    created = "Nouveau/copie_" + Path(health_source).name
    (share / "Nouveau").mkdir()
    shutil.copyfile(share / health_source, share / created)
    new_content = (share / modified).read_bytes() + b"\nligne ajoutee par le test\n"
    (share / modified).write_bytes(new_content)
    (share / deleted).unlink()
    created_id = file_id(AGENT_ID, root, created)

    def changes_searchable() -> bool:
        running.assert_running()
        now = es_state(index)  # a search, not a get: the changes must be searchable, not only stored
        changed = now.get(by_path[modified].file_id)
        return (
            created_id in now
            and changed is not None
            and changed.content_hash == "sha256:" + hashlib.sha256(new_content).hexdigest()
            and by_path[deleted].file_id not in now
        )

    wait_for(changes_searchable, "the created, modified and deleted files in Elasticsearch", SETTLE_S)
    copy = index.get(created_id)
    assert copy is not None
    source = by_path[health_source]
    assert (copy.path, copy.health_data, copy.identifiers, sorted(copy.fingerprints)) == (
        str(share / created),
        source.health_data,
        source.identifiers,
        sorted(source.fingerprints),
    )
    assert index.count() == expected  # one more, one less
    found = cli_search(es_env)
    assert created_id in found and by_path[deleted].file_id not in found

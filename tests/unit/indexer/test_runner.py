"""The indexer loop with an in-memory topic and sink: offsets move only after the index took the batch."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from lanterne.errors import InfrastructureError
from lanterne.events.models import FileVerdict
from lanterne.index.base import WriteResult
from lanterne.indexer.runner import Indexer, Record, Reject


def verdict_json(file_id: str, sequence: int) -> bytes:
    return (
        FileVerdict(
            file_id=file_id,
            path=f"/srv/{file_id}",
            root="/srv",
            relative_path=file_id,
            agent_id="a",
            host="h",
            event_id=f"a:{sequence}",
            event_kind="scanned",
            sequence=sequence,
            classifier_version="t",
        )
        .model_dump_json()
        .encode()
    )


class Topic:
    """One partition in memory: ``poll`` moves a position, ``commit`` records the committed offset."""

    def __init__(self, values: Sequence[bytes | None]) -> None:
        self.records = [Record("verdicts", 0, i, None, v) for i, v in enumerate(values)]
        self.position = 0
        self.committed = 0
        self.dead: list[Reject] = []

    def poll(self, max_records: int, timeout_s: float) -> list[Record]:
        batch = self.records[self.position : self.position + max_records]
        self.position += len(batch)
        return batch

    def commit(self, records: Sequence[Record]) -> None:
        self.committed = max(r.offset for r in records) + 1

    def dead_letter(self, records: Sequence[Reject]) -> None:
        self.dead += records

    def close(self) -> None:
        pass


class FlakySink:
    """Down for the first ``outages`` writes; then stores verdicts, refusing the file ids listed in ``reject``."""

    def __init__(self, outages: int = 0, reject: frozenset[str] = frozenset(), on_outage: Any = None) -> None:
        self.outages = outages
        self.reject = reject
        self.on_outage = on_outage
        self.attempts: list[list[str]] = []
        self.stored: dict[str, int] = {}

    def write(self, verdicts: Sequence[FileVerdict]) -> list[WriteResult]:
        self.attempts.append([v.file_id for v in verdicts])
        if self.outages:
            self.outages -= 1
            if self.on_outage:
                self.on_outage()
            raise InfrastructureError("index down")
        results = []
        for v in verdicts:
            if v.file_id in self.reject:
                results.append(WriteResult(v.file_id, ok=False, error="mapper_parsing_exception"))
            else:
                self.stored[v.file_id] = v.sequence
                results.append(WriteResult(v.file_id, ok=True))
        return results

    def close(self) -> None:
        pass


def run(topic: Topic, sink: FlakySink, stop: threading.Event | None = None, batch: int = 2) -> Indexer:
    indexer = Indexer(topic, sink, batch_size=batch, poll_timeout_s=0, backoff_initial_s=0, backoff_max_s=0)
    indexer.run(stop or threading.Event(), idle_exit_s=0)
    return indexer


def test_outage_retries_the_same_batch_and_commits_only_after_it_is_stored() -> None:
    topic = Topic([verdict_json(f"f{i}", i) for i in range(5)])
    committed_during_outage: list[int] = []
    sink = FlakySink(outages=3, on_outage=lambda: committed_during_outage.append(topic.committed))
    indexer = run(topic, sink)
    assert committed_during_outage == [0, 0, 0]
    assert sink.attempts[:4] == [["f0", "f1"]] * 4  # the same batch until it went through
    assert topic.committed == 5 and sink.stored == {f"f{i}": i for i in range(5)}
    assert indexer.stats.write_retries == 3 and indexer.stats.indexed == 5


def test_stop_during_an_outage_leaves_the_batch_uncommitted() -> None:
    topic = Topic([verdict_json("f0", 0), verdict_json("f1", 1)])
    stop = threading.Event()
    sink = FlakySink(outages=100, on_outage=stop.set)
    run(topic, sink, stop)
    assert topic.committed == 0 and sink.stored == {}


def test_records_that_are_not_verdicts_are_dead_lettered_and_the_stream_goes_on() -> None:
    topic = Topic([b"{not json", verdict_json("f1", 1), b'{"file_id": "SECRET-1", "size": "SECRET-2"}', None])
    indexer = run(topic, FlakySink(), batch=10)
    assert [r.record.offset for r in topic.dead] == [0, 2, 3]
    assert {r.reason for r in topic.dead} == {"schema_mismatch"}
    assert "path:missing" in topic.dead[1].error and "SECRET" not in topic.dead[1].error  # fields, never values
    assert topic.committed == 4 and indexer.stats.indexed == 1


def test_verdicts_the_index_rejects_are_dead_lettered_with_the_reason() -> None:
    topic = Topic([verdict_json("f0", 0), verdict_json("bad", 1)])
    sink = FlakySink(reject=frozenset({"bad"}))
    run(topic, sink)
    assert [(r.record.offset, r.reason, r.error) for r in topic.dead] == [
        (1, "index_rejected", "mapper_parsing_exception")
    ]
    assert topic.committed == 2 and sink.stored == {"f0": 0}

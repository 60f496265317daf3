"""Classification in worker processes, each file under a hard time limit: shared by every runner.

Extractors stop cooperatively at ``limits.timeout_s``, but one hung library call cannot be interrupted from
inside, and a parser can kill its process (a fault, memory). Running the classifier in pebble's process pool
bounds both: the worker whose file passes ``hard_timeout_s`` is killed and replaced (concurrent.futures cannot
stop one task), as is a worker that dies; that file gets a verdict that says so, and the others are unaffected.

Files go to the workers in small batches (a task per file costs more in pickling and pipe round trips than a small
file costs to classify). A batch gets the time limit of one file: when it runs over, or its worker dies, its files
are classified again one per task, each with its own limit, so only the culprit ends with an error verdict.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout

import pebble

from lanterne.classify.classifier import Classifier, assemble_verdict
from lanterne.events.models import ErrorNote, FileEvent, FileVerdict
from lanterne.extract.deps import quiet_parser_logs
from lanterne.settings import Settings

log = logging.getLogger(__name__)

# One classifier per worker process, built once by the pool's initializer.
_worker_classifier: Classifier | None = None


def _init_worker(settings: Settings, key: bytes) -> None:
    """Runs in each new worker process: spawned workers inherit no logging setup, so it is redone here."""
    global _worker_classifier
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    quiet_parser_logs()
    _worker_classifier = Classifier(settings.classifier, key)


def _classify_in_worker(events: list[FileEvent]) -> list[FileVerdict]:
    assert _worker_classifier is not None, "worker not initialised"
    return [_guarded_classify(_worker_classifier, event) for event in events]


def _guarded_classify(classifier: Classifier, event: FileEvent) -> FileVerdict:
    """The classifier never raises for bad input; this guard turns its own bugs into a verdict too."""
    try:
        return classifier.classify(event)
    except Exception as exc:  # a defect in a stage must not stop the pipeline: the file still gets a verdict
        log.exception("classifier failed on file %s", event.file_id)
        return failed_verdict(event, f"internal error while classifying: {type(exc).__name__}")


def failed_verdict(event: FileEvent, message: str, code: str = "internal") -> FileVerdict:
    """A verdict for a file the classifier could not handle at all (its process crashed or ran out of time)."""
    return assemble_verdict(event, errors=[*event.errors, ErrorNote(code=code, message=message, stage="extract")])


BATCH_FILES = 32  # files per task at most
BATCH_BYTES = 4 * 1024 * 1024  # and this many bytes, so that a batch takes about as long as one larger file


def _batches(events: Sequence[FileEvent], workers: int) -> list[list[FileEvent]]:
    """Consecutive batches, at least four per worker when there are enough files (all workers stay busy to the
    end), each within ``BATCH_FILES`` files and ``BATCH_BYTES`` bytes."""
    most = max(1, min(BATCH_FILES, len(events) // (4 * workers)))
    batches: list[list[FileEvent]] = []
    size = 0
    for event in events:
        if not batches or len(batches[-1]) >= most or size + (event.size or 0) > BATCH_BYTES:
            batches.append([])
            size = 0
        batches[-1].append(event)
        size += event.size or 0
    return batches


class ClassifierPool:
    """Classifies batches in worker processes, each file under a hard time limit.

    Extractors stop cooperatively at ``limits.timeout_s``, but one hung library call cannot be interrupted from
    inside; pebble's pool kills and replaces the worker whose file passes ``hard_timeout_s`` (concurrent.futures
    cannot stop one task), and a worker that dies on a file (parser fault, memory) is replaced the same way. Either
    way that file gets a verdict that says so, and the rest of the batch is unaffected.
    """

    def __init__(self, settings: Settings, key: bytes) -> None:
        # spawn, not fork: the parent runs threads (agent, watchdog) that a fork would copy mid-state.
        self._pool = pebble.ProcessPool(
            max_workers=settings.classifier.workers,
            initializer=_init_worker,
            initargs=(settings, key),
            context=multiprocessing.get_context("spawn"),
        )
        self._timeout = settings.classifier.hard_timeout_s
        self._workers = settings.classifier.workers

    def classify(self, events: Sequence[FileEvent]) -> list[FileVerdict]:
        """One verdict per event, in order."""
        batches = _batches(events, self._workers)
        futures = [self._schedule(batch) for batch in batches]
        verdicts: list[FileVerdict] = []
        for batch, future in zip(batches, futures, strict=True):
            done = self._result(batch, future)
            if done is None:  # over time or crashed: each file again in its own task, under its own limit
                singles = [self._schedule([event]) for event in batch]
                for event, single in zip(batch, singles, strict=True):
                    verdicts += self._result([event], single) or [self._failure(event, single)]
            else:
                verdicts += done
        return verdicts

    def _schedule(self, batch: list[FileEvent]) -> Future[list[FileVerdict]]:
        return self._pool.schedule(_classify_in_worker, args=(batch,), timeout=self._timeout)

    @staticmethod
    def _result(batch: list[FileEvent], future: Future[list[FileVerdict]]) -> list[FileVerdict] | None:
        try:
            return future.result()
        except (FutureTimeout, pebble.ProcessExpired):
            if len(batch) > 1:
                log.info("a batch of %d files ran over time or crashed; classifying them one by one", len(batch))
            return None

    def _failure(self, event: FileEvent, future: Future[list[FileVerdict]]) -> FileVerdict:
        """The verdict of a file alone in its task that ran over time or whose worker died."""
        error = future.exception()
        if isinstance(error, pebble.ProcessExpired):
            log.warning("a classifier process died on file %s (exit %s)", event.file_id, error.exitcode)
            return failed_verdict(event, "the classifier process crashed on this file (parser fault or memory)")
        log.warning("classifying file %s took over %ss; its worker was replaced", event.file_id, self._timeout)
        return failed_verdict(event, f"classification stopped after {self._timeout:g} s", code="timeout")

    def close(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=10)

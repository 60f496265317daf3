"""Run one processor worker: create the topics, build the classifier, run the Faust app until stopped.

One worker is one consumer-group member handling one event at a time; run several (up to the events topic's
partition count) to scale out. Faust's web server is off unless ``kafka.processor_web_port`` is set, so many
workers can share a host.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from tenacity import Retrying, before_sleep_log, retry_if_exception_type, stop_after_delay, wait_exponential_jitter

from lanterne.bus.topics import ensure_topics
from lanterne.errors import InfrastructureError
from lanterne.processor.handler import Classify, EventHandler
from lanterne.settings import KafkaSettings, Settings

log = logging.getLogger(__name__)


def make_classify(settings: Settings) -> tuple[Classify, Callable[[], None]]:
    """The classifier as a function of one event, and the function that releases it.

    It runs in one child process of the classifier pool (pebble), not in the worker itself: a parser that
    hangs past ``classifier.hard_timeout_s`` or kills its process costs that file a verdict with an error, instead
    of stalling the partition or crash-looping the worker on the same event. One child is enough, since a worker
    handles one event at a time; more throughput comes from more workers.
    """
    from lanterne.classify.pool import ClassifierPool
    from lanterne.privacy import load_or_create_key

    key = load_or_create_key(settings.classifier, settings.state_dir)
    one = settings.model_copy(update={"classifier": settings.classifier.model_copy(update={"workers": 1})})
    pool = ClassifierPool(one, key)
    return (lambda event: pool.classify([event])[0]), pool.close


def ensure_topics_with_retry(settings: KafkaSettings, wait_s: float = 120.0) -> None:
    """Create the topics, waiting up to ``wait_s`` for the broker (services often start before Kafka is up)."""
    retrying = Retrying(
        retry=retry_if_exception_type(InfrastructureError),
        wait=wait_exponential_jitter(multiplier=0.5, max=10.0),
        stop=stop_after_delay(wait_s),
        before_sleep=before_sleep_log(log, logging.WARNING),
        reraise=True,
    )
    retrying(ensure_topics, settings)


def run_processor(settings: Settings, classify: Classify | None = None) -> None:
    """Run one worker until SIGINT/SIGTERM (blocking). ``classify`` is injectable for tests and benchmarks."""
    import faust

    from lanterne.processor.app import build_app

    ensure_topics_with_retry(settings.kafka)
    settings.state_dir.mkdir(parents=True, exist_ok=True)  # Faust creates its datadir in it, without parents
    close: Callable[[], None] = lambda: None  # noqa: E731
    if classify is None:
        classify, close = make_classify(settings)
    app = build_app(settings, EventHandler(settings.kafka, classify))
    worker = faust.Worker(
        app,
        loglevel=settings.log_level,
        quiet=True,
        redirect_stdouts=False,
        override_logging=False,
    )
    try:
        worker.execute_from_commandline()
    except SystemExit as exc:  # mode's Worker always ends with SystemExit; only the CLI decides the exit code
        if exc.code not in (0, None):
            raise InfrastructureError(f"processor worker stopped with status {exc.code}") from exc
    finally:
        close()

"""The Faust app: ``lanterne.file-events`` → classify → ``lanterne.file-verdicts`` (or ``lanterne.dead-letter``).

Offsets are committed only past events whose output the broker acknowledged. Faust does not give that by
default, for three reasons found in its code and issue tracker, each handled here:

1. With agent ``concurrency > 1`` Faust commits offsets past a message still in flight (faust-streaming issues
   #606 and #312, robinhood/faust #682: the head-gap check in ``Consumer._new_offset`` is off by one). Reproduced
   here with 0.15.3: with concurrency=2 the integration tests in tests/integration/test_kafka_pipeline.py see
   offsets committed over an event still in the classifier. So the agent runs with ``concurrency=1``: each worker
   handles one event at a time, acks come in offset order, and there is no gap to misjudge. Throughput scales by
   partitions and worker processes (one consumer-group member each), not by agent concurrency.
2. Faust acks an event in a ``finally`` when the agent's loop moves on, but also when its body raises or its task
   is cancelled (``stream_ack_exceptions`` / ``stream_ack_cancelled_tasks`` "no longer have any effect"). So the
   stream is ``noack()`` and the agent acks explicitly, only after the output was acknowledged; "acked" then always
   means "its verdict or dead letter is in Kafka", whatever path ends the loop. (On SIGTERM Faust waits for the
   in-flight event to finish, ``stream_wait_empty``; the tests check that this commit, too, follows the verdict.)
3. ``topic.send`` returns once the record is buffered; the agent awaits the returned future (the broker's
   acknowledgement, acks=all) and retries the send with back-off until it succeeds, never acking before.

Classification is synchronous CPU work; it runs in a one-thread executor so the event loop keeps heartbeating.
Any crash of the agent itself crashes the worker (``CrashingSupervisor``) instead of restarting the agent past an
unacked event; the supervisor (systemd, Kubernetes) restarts the process, which resumes at the committed offset.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import faust
from aiokafka.errors import KafkaError
from faust.exceptions import ProducerSendError
from mode.supervisors import CrashingSupervisor
from tenacity import AsyncRetrying, before_sleep_log, retry_if_exception_type, wait_exponential_jitter

from lanterne.processor.handler import EventHandler, Outgoing, SourceRecord
from lanterne.settings import KafkaSettings, Settings

log = logging.getLogger(__name__)

AGENT_NAME = "lanterne.classify"
_SEND_ERRORS = (KafkaError, ProducerSendError, asyncio.TimeoutError, OSError)


def faust_credentials(settings: KafkaSettings) -> faust.types.auth.CredentialsT | None:
    """The TLS/SASL settings in Faust's terms (``broker_credentials``); None for PLAINTEXT."""
    context: ssl.SSLContext | None = None
    if settings.security_protocol.endswith("SSL"):
        context = ssl.create_default_context(
            purpose=ssl.Purpose.SERVER_AUTH, cafile=str(settings.ssl_cafile) if settings.ssl_cafile else None
        )
        if settings.ssl_certfile:
            context.load_cert_chain(
                str(settings.ssl_certfile), str(settings.ssl_keyfile) if settings.ssl_keyfile else None
            )
    if settings.security_protocol.startswith("SASL"):
        return faust.SASLCredentials(
            username=settings.sasl_username,
            password=settings.sasl_password.get_secret_value() if settings.sasl_password else None,
            mechanism=settings.sasl_mechanism or "PLAIN",
            ssl_context=context,
        )
    if context is not None:
        return faust.SSLCredentials(context)
    return None


def build_app(settings: Settings, handler: EventHandler) -> faust.App:
    """A Faust app with one agent that turns events into verdicts; ``handler`` does the work (injected for tests)."""
    kafka = settings.kafka
    app = faust.App(
        kafka.processor_group,
        broker=[f"kafka://{s.strip()}" for s in kafka.bootstrap_servers.split(",") if s.strip()],
        broker_credentials=faust_credentials(kafka),
        autodiscover=False,
        datadir=str(settings.state_dir / "faust"),
        key_serializer="raw",
        value_serializer="raw",
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        producer_compression_type=None if kafka.compression_type == "none" else kafka.compression_type,
        stream_publish_on_commit=False,
        topic_partitions=kafka.partitions,
        topic_replication_factor=kafka.replication_factor,
        topic_disable_leader=True,  # no tables, so no leader topic to create
        agent_supervisor=CrashingSupervisor,
        web_enabled=kafka.processor_web_port is not None,
        web_port=kafka.processor_web_port or 6066,
    )
    events = app.topic(kafka.events_topic)
    outputs = {name: app.topic(name) for name in (kafka.verdicts_topic, kafka.dead_letter_topic)}
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lanterne-classify")

    async def publish(out: Outgoing) -> None:
        """Send and wait for the broker's acknowledgement, retrying until it comes (the event stays unacked)."""
        async for attempt in AsyncRetrying(
            retry=retry_if_exception_type(_SEND_ERRORS),
            wait=wait_exponential_jitter(multiplier=0.5, max=30.0),
            before_sleep=before_sleep_log(log, logging.WARNING),
        ):
            with attempt:
                pending = await outputs[out.topic].send(key=out.key, value=out.value, headers=out.headers, force=True)
                await pending

    @app.agent(events, name=AGENT_NAME, concurrency=1)
    async def classify(stream: faust.StreamT[Any]) -> None:
        loop = asyncio.get_running_loop()
        async for event in stream.noack().events():  # type: ignore[attr-defined]  # StreamT's stub lacks noack
            message = event.message
            record = SourceRecord(
                topic=message.topic,
                partition=message.partition,
                offset=message.offset,
                key=message.key,
                value=message.value,
                headers=list(message.headers or []),
            )
            out = await loop.run_in_executor(executor, handler.handle, record)
            await publish(out)
            await stream.ack(event)

    return app

"""Lanterne's three Kafka topics, defined from the settings, and their idempotent creation at service start.

The topics are defined here, from ``KafkaSettings``, rather than read from ``infra/kafka/``: the package must work
installed (no repository checkout on a file server), and names, partition counts and replication are per-site
settings. The infra spec describes the same three topics for operators who create them by hand; a unit test keeps
the two in step.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from lanterne.bus.kafka_config import client_config
from lanterne.errors import InfrastructureError
from lanterne.settings import KafkaSettings

log = logging.getLogger(__name__)

_DAY_MS = 24 * 3600 * 1000
_TOPIC_ALREADY_EXISTS = 36  # Kafka protocol error code


@dataclass(frozen=True, slots=True)
class TopicSpec:
    """One topic as it should exist on the cluster."""

    name: str
    partitions: int
    replication_factor: int
    config: Mapping[str, str] = field(default_factory=dict)


def topic_specs(settings: KafkaSettings) -> list[TopicSpec]:
    """The events, verdicts and dead-letter topics.

    Events are a 7-day buffer; verdicts are compacted (the latest verdict per file id, so an index can be rebuilt
    from the topic); dead letters are kept 30 days for someone to look at. With 3 replicas or more, acks=all only
    means something with min.insync.replicas=2.
    """
    min_isr = "2" if settings.replication_factor >= 3 else "1"

    def spec(name: str, **config: str) -> TopicSpec:
        return TopicSpec(
            name, settings.partitions, settings.replication_factor, {"min.insync.replicas": min_isr, **config}
        )

    return [
        spec(settings.events_topic, **{"cleanup.policy": "delete", "retention.ms": str(7 * _DAY_MS)}),
        spec(settings.verdicts_topic, **{"cleanup.policy": "compact"}),
        spec(settings.dead_letter_topic, **{"cleanup.policy": "delete", "retention.ms": str(30 * _DAY_MS)}),
    ]


def ensure_topics(settings: KafkaSettings, specs: Sequence[TopicSpec] | None = None) -> list[str]:
    """Create the missing topics (existing ones are left as they are); returns the names it created.

    Raises ``InfrastructureError`` when the cluster cannot be reached or refuses; callers retry with back-off.
    """
    from kafka.admin import KafkaAdminClient
    from kafka.errors import KafkaError

    wanted = list(specs if specs is not None else topic_specs(settings))
    try:
        admin = KafkaAdminClient(**client_config(settings, "lanterne-admin"))
    except KafkaError as exc:
        raise InfrastructureError(f"Kafka at {settings.bootstrap_servers} unreachable: {exc!r}") from exc
    try:
        result = admin.create_topics(
            {
                t.name: {
                    "num_partitions": t.partitions,
                    "replication_factor": t.replication_factor,
                    "configs": dict(t.config),
                }
                for t in wanted
            },
            raise_errors=False,
            wait_for_metadata=False,
        )
        created: list[str] = []
        for topic in result["topics"]:
            code = topic["error_code"]
            if code == 0:
                created.append(topic["name"])
            elif code != _TOPIC_ALREADY_EXISTS:
                raise InfrastructureError(
                    f"cannot create topic {topic['name']}: error {code} {topic.get('error_message') or ''}".strip()
                )
        if created:
            admin.wait_for_topics(created)
            log.info("created Kafka topics %s", ", ".join(created))
        return created
    except KafkaError as exc:
        raise InfrastructureError(f"topic creation on {settings.bootstrap_servers} failed: {exc!r}") from exc
    finally:
        admin.close()

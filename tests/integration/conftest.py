"""Fixtures for the integration tests: the real engines started by ``infra/local/up`` (never fakes, never skipped).

Each engine has its own section; a missing engine FAILS the tests that need it with the command to run.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------------------------
# Kafka (owner: the Kafka helper): fixtures live in kafka_support.py, re-exported here.
# ---------------------------------------------------------------------------------------------------------------
from tests.integration.kafka_support import kafka_bootstrap, kafka_settings, processors  # noqa: F401

# isort: split
# ---------------------------------------------------------------------------------------------------------------
# Elasticsearch (owner: the Elasticsearch helper): fixtures live in es_support.py, re-exported here.
# ---------------------------------------------------------------------------------------------------------------
from tests.integration.es_support import es_index, es_node, es_settings, es_verdicts_topic  # noqa: F401

"""kafka-python client settings from ``KafkaSettings``: the one place TLS/SASL and producer guarantees are mapped."""

from __future__ import annotations

from typing import Any

from lanterne.settings import KafkaSettings


def client_config(settings: KafkaSettings, client_id: str) -> dict[str, Any]:
    """Bootstrap servers and the TLS/SASL settings in kafka-python's terms (producer, consumer and admin alike)."""
    config: dict[str, Any] = {
        "bootstrap_servers": [s.strip() for s in settings.bootstrap_servers.split(",") if s.strip()],
        "client_id": client_id,
        "security_protocol": settings.security_protocol,
    }
    if settings.security_protocol.startswith("SASL"):
        config["sasl_mechanism"] = settings.sasl_mechanism or "PLAIN"
        config["sasl_plain_username"] = settings.sasl_username
        config["sasl_plain_password"] = (
            settings.sasl_password.get_secret_value() if settings.sasl_password is not None else None
        )
    if settings.security_protocol.endswith("SSL"):
        config["ssl_cafile"] = str(settings.ssl_cafile) if settings.ssl_cafile else None
        config["ssl_certfile"] = str(settings.ssl_certfile) if settings.ssl_certfile else None
        config["ssl_keyfile"] = str(settings.ssl_keyfile) if settings.ssl_keyfile else None
    return config


def producer_config(settings: KafkaSettings, client_id: str) -> dict[str, Any]:
    """An idempotent, acks=all producer: no duplicate or reordered record from the producer's own retries.

    Up to 5 requests in flight keep their order under idempotence. ``delivery_timeout_ms`` is short so that a broker
    outage surfaces as failed futures within half a minute; the forwarder then backs off and resends from its
    outbox, so no record is dropped by giving up early.
    """
    return {
        **client_config(settings, client_id),
        "acks": "all",
        "enable_idempotence": True,
        "max_in_flight_requests_per_connection": 5,
        "compression_type": None if settings.compression_type == "none" else settings.compression_type,
        "linger_ms": 20,
        "batch_size": 256 * 1024,
        "request_timeout_ms": 10_000,
        "delivery_timeout_ms": 30_000,
        "max_block_ms": 10_000,
        "reconnect_backoff_max_ms": 5_000,
        "bootstrap_timeout_ms": 10_000,
    }

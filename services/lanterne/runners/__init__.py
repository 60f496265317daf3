"""Runners only move messages between the stages: the embedded loop here; Faust and Kafka consumers elsewhere."""

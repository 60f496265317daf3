"""Moving FileEvents from agents to processors: the embedded durable log, or Kafka."""

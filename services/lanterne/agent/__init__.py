"""Agent: scans, watches and reconciles file-server roots, emitting FileEvents to a durable log."""

"""The indexer service: consumes FileVerdicts from Kafka and writes them to Elasticsearch.

``runner.Indexer`` is the loop (poll, bulk write, commit only after the write); ``kafka_source`` is the Kafka side
(kafka-python consumer with manual commits, and the dead-letter producer). The runner only moves messages.
"""

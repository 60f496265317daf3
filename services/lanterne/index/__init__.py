"""Storing verdicts for search and reports: the embedded SQLite FTS5 index, or Elasticsearch."""

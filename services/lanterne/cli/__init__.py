"""The command line: scan, search, report, and the distributed services."""

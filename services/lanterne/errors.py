"""Lanterne's error tree.

    LanterneError
    ├── InputError            bad input is data: recorded on the verdict (ErrorNote), the file keeps partial findings
    │   ├── Unsupported       no extractor for this format, or its parser is not installed
    │   ├── Unreadable        permission denied, I/O error, vanished between event and read
    │   ├── TooLarge          over a size / member / expansion limit (archive bombs)
    │   ├── TimedOut          extraction took longer than its limit
    │   ├── Encrypted         password-protected or encrypted content
    │   └── Corrupt           the bytes do not parse as the format they claim
    ├── DetectorError         one detector failed: recorded, that detector skipped, the others' findings stand
    ├── ConfigError           invalid settings or policy: stops at start with the file, the field and the problem
    └── InfrastructureError   broker, Elasticsearch, disk: raised and retried with back-off (tenacity)

Only the CLI entry point turns these into exit codes; nothing else calls ``sys.exit``.
"""

from __future__ import annotations


class LanterneError(Exception):
    """Base of every error Lanterne raises on purpose."""


class InputError(LanterneError):
    """A problem with one file's content or access; becomes an ``ErrorNote`` on its verdict."""

    code = "input"


class Unsupported(InputError):
    code = "unsupported"


class Unreadable(InputError):
    code = "unreadable"


class Vanished(Unreadable):
    code = "vanished"


class TooLarge(InputError):
    code = "too_large"


class TimedOut(InputError):
    code = "timeout"


class Encrypted(InputError):
    code = "encrypted"


class Corrupt(InputError):
    code = "corrupt"


class DetectorError(LanterneError):
    """A detector raised; its findings are dropped for this file and the verdict says so."""

    code = "detector_failed"


class ConfigError(LanterneError):
    """Settings or policy are invalid; raised at start, before any work."""


class InfrastructureError(LanterneError):
    """A backing service (broker, index, disk) failed; retried with back-off, then raised."""

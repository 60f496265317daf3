"""The contracts between the stages: FileEvent (agent -> processors) and FileVerdict (processors -> index)."""

from lanterne.events.ids import file_id
from lanterne.events.models import (
    SCHEMA_VERSION,
    ErrorNote,
    EventKind,
    FileEvent,
    FileVerdict,
    MemberVerdict,
)

__all__ = ["SCHEMA_VERSION", "ErrorNote", "EventKind", "FileEvent", "FileVerdict", "MemberVerdict", "file_id"]

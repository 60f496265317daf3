"""The running bounds of one extraction: characters left, members left, and the cooperative deadline.

Extractors do not raise when a limit is reached: they ask the budget, which records the truncation or the note on
the ``Extracted`` being built and answers "stop". So a timed-out PDF keeps the pages read before the deadline, and a
CSV cut at ``max_chars`` keeps its first rows. Time is checked cooperatively (between pages, members, row blocks):
a single library call that hangs cannot be interrupted from here; the caller's process isolation covers that.
"""

from __future__ import annotations

import time

from lanterne.errors import TimedOut, TooLarge
from lanterne.events.models import ErrorNote
from lanterne.extract.base import Extracted, Limits, Member, Role, StructuredField, TextSegment


class Budget:
    """Bounds ``Limits`` onto one ``Extracted`` while an extractor fills it."""

    __slots__ = ("_chars_left", "_deadline", "_expired", "_members_capped", "limits", "out")

    def __init__(self, limits: Limits, out: Extracted) -> None:
        self.limits = limits
        self.out = out
        self._chars_left = limits.max_chars
        self._deadline = time.monotonic() + limits.timeout_s
        self._expired = False
        self._members_capped = False

    @classmethod
    def start(cls, fmt: str, limits: Limits, health_format: bool = False) -> Budget:
        """A new, empty ``Extracted`` for ``fmt`` and the budget that fills it: the first line of every extractor."""
        return cls(limits, Extracted(format=fmt, health_format=health_format))

    @property
    def full(self) -> bool:
        """True once no more text fits: callers stop reading."""
        return self._chars_left <= 0

    def note(self, code: str, message: str) -> None:
        """Records a problem that does not stop the extraction (one bad page, one encrypted member)."""
        self.out.errors.append(ErrorNote(code=code, message=message, stage="extract"))

    def expired(self) -> bool:
        """True once the deadline has passed; the first time, records a ``timeout`` note and marks truncation."""
        if self._expired:
            return True
        if time.monotonic() > self._deadline:
            self._expired = True
            self.out.truncated = True
            self.note(TimedOut.code, f"extraction stopped after {self.limits.timeout_s:g} s; partial text kept")
        return self._expired

    def stop(self) -> bool:
        """The check to run between units of work (pages, rows, members): full or out of time."""
        return self.full or self.expired()

    def _take(self, text: str) -> str:
        if len(text) > self._chars_left:
            text = text[: max(self._chars_left, 0)]
            self.out.truncated = True
        self._chars_left -= len(text)
        return text

    def add_text(self, text: str, where: str = "") -> bool:
        """Keeps as much of ``text`` as fits; returns False when the budget is now full (stop reading)."""
        if self.full:
            self.out.truncated = self.out.truncated or bool(text.strip())
            return False
        if text.strip():
            self.out.text.append(TextSegment(self._take(text), where))
        return not self.full

    def add_field(self, role: Role, value: object, where: str, system: str | None = None) -> None:
        """Keeps one structured value (blank values are skipped); field values count against ``max_chars`` too."""
        text = str(value).strip() if value is not None else ""
        if not text:
            return
        if self.full:
            self.out.truncated = True
            return
        self.out.fields.append(StructuredField(role, self._take(text), where, system or None))

    def room_for_member(self) -> bool:
        """False (recording ``too_large`` once) when ``max_members`` are already kept: ask before reading one."""
        if len(self.out.members) < self.limits.max_members:
            return True
        if not self._members_capped:
            self._members_capped = True
            self.note(TooLarge.code, f"more than {self.limits.max_members} members; the rest were not opened")
        self.out.truncated = True
        return False

    def add_member(self, name: str, data: bytes) -> bool:
        """Keeps one contained file; returns False (and records ``too_large``) once ``max_members`` is reached."""
        if not self.room_for_member():
            return False
        self.out.members.append(Member(name, data))
        return True

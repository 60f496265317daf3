"""The per-file pipeline: read -> extract -> detect -> decide -> score -> FileVerdict.

``Classifier`` is built once per process (it compiles the detectors' patterns into one engine) and then called for
every event by the runners (the embedded loop, the Faust processor). Bad input is data: a vanished, unreadable,
corrupt or hostile file yields a verdict with ``errors``; ``classify`` never raises for a file's sake.
Containers (ZIP entries, e-mail attachments) are classified member by member down to ``limits.max_depth``; the
container takes the worst verdict of its parts.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import lanterne
from lanterne.classify.decide import Decision, decide, merge
from lanterne.classify.read import ReadResult, read_file
from lanterne.classify.terms import MAX_TERMS, content_terms
from lanterne.detect import registry
from lanterne.detect.engine import TEXT_ROLES, Engine
from lanterne.detect.recognizer import Recognizer
from lanterne.errors import InputError
from lanterne.events.models import ErrorNote, EventKind, FileEvent, FileVerdict, MemberVerdict
from lanterne.extract import extract
from lanterne.extract.base import Extracted, Role
from lanterne.score import dark_score, sensitivity
from lanterne.settings import ClassifierSettings

log = logging.getLogger(__name__)

NAME_ROLES = frozenset({Role.PATIENT_NAME, Role.PROFESSIONAL_NAME})


@dataclass(slots=True)
class Analysis:
    """What the content of one file (or member) holds, before the file-system facts are added."""

    format: str
    decision: Decision
    errors: list[ErrorNote] = field(default_factory=list)
    members: list[MemberVerdict] = field(default_factory=list)
    truncated: bool = False
    terms: list[str] = field(default_factory=list)  # searchable common words (classify/terms.py)


def _utc(ns: int | None) -> datetime | None:
    return datetime.fromtimestamp(ns / 1e9, UTC) if ns is not None else None


def join_path(root: str, relative: str) -> str:
    """The file's path on its server, in the server's own separator style (Windows roots keep backslashes)."""
    if "\\" in root and "/" not in root:
        return root.rstrip("\\") + "\\" + relative.replace("/", "\\")
    return root.rstrip("/") + "/" + relative.lstrip("/")


class Classifier:
    """Classify files. Build once (``settings``, the site's fingerprint key), call ``classify`` per event."""

    def __init__(
        self, settings: ClassifierSettings, fingerprint_key: bytes, extra_detectors: list[Recognizer] | None = None
    ) -> None:
        self._settings = settings
        self._limits = settings.limits
        self._engine = Engine(registry.build(settings, extra_detectors), fingerprint_key, settings.regex_engine)

    @property
    def detectors(self) -> list[str]:
        """Names of the enabled detectors."""
        return self._engine.detector_names

    def classify(self, event: FileEvent, duplicates: int = 0, local_root: Path | None = None) -> FileVerdict:
        """The verdict for one event: a tombstone for a deletion, else the classification of the file's content."""
        if event.kind is EventKind.DELETED:
            return assemble_verdict(event, deleted=True)
        try:
            return self._classify(event, duplicates, local_root)
        except Exception as exc:  # last resort: a bug here must cost one verdict's detail, not the pipeline
            # The frames, not the message: an exception's message may quote the content being classified.
            frames = "".join(traceback.format_tb(exc.__traceback__)[-2:])
            log.error("classification failed (%s)\n%s", type(exc).__name__, frames)
            note = ErrorNote(code="internal", message=f"classification failed ({type(exc).__name__})", stage="decide")
            return assemble_verdict(event, errors=[*event.errors, note])

    def analyse(self, data: bytes, name: str, where: str = "", depth: int = 0) -> Analysis:
        """Classify content alone (no file system): extract, detect, decide, then the members in turn."""
        extracted = self._extract(data, name)
        detection = self._engine.scan(extracted.text, extracted.fields)
        decision = decide(detection.findings, extracted.health_format, extracted.format)
        errors = [*extracted.errors, *detection.errors]
        # Searchable words: never a name, whether a format gave it (PID-5) or the detectors found it in the text.
        texts = [s.text for s in extracted.text] + [f.value for f in extracted.fields if f.role in TEXT_ROLES]
        names = [f.value for f in extracted.fields if f.role in NAME_ROLES]
        terms = set(content_terms(texts, exclude=[*names, *detection.name_words]))
        members: list[MemberVerdict] = []
        parts: list[Decision] = []
        if extracted.members and depth >= self._limits.max_depth:
            errors.append(
                ErrorNote(
                    code="too_large",
                    message=f"containers nested deeper than {self._limits.max_depth}: inner members not opened",
                    stage="extract",
                )
            )
        elif extracted.members:
            for member in extracted.members:
                inner = self.analyse(member.data, member.name, f"{where}!{member.name}", depth + 1)
                parts.append(inner.decision)
                members.append(
                    MemberVerdict(
                        path=f"{where}!{member.name}",
                        format=inner.format,
                        health_data=inner.decision.health_data,
                        personal_data=inner.decision.personal_data,
                        identifiers=inner.decision.identifiers,
                        clinical=inner.decision.clinical,
                        errors=inner.errors,
                    )
                )
                members.extend(inner.members)
                terms.update(inner.terms)
            decision = merge(decision, parts)
        return Analysis(extracted.format, decision, errors, members, extracted.truncated, sorted(terms)[:MAX_TERMS])

    def _extract(self, data: bytes, name: str) -> Extracted:
        try:
            return extract(data, name, self._limits)
        except InputError as exc:
            note = ErrorNote(code=exc.code, message=str(exc) or exc.code, stage="extract")
        except Exception as exc:  # an extractor bug: the file still gets a verdict
            log.warning("extraction failed (%s)", type(exc).__name__)
            note = ErrorNote(code="corrupt", message=f"extraction failed ({type(exc).__name__})", stage="extract")
        return Extracted(format="unknown", errors=[note])

    def _classify(self, event: FileEvent, duplicates: int, local_root: Path | None) -> FileVerdict:
        root = Path(local_root or event.root)
        try:
            read = read_file(root / event.path, self._limits.max_bytes, within=root)
        except InputError as exc:
            note = ErrorNote(code=exc.code, message=str(exc), stage="read")
            return assemble_verdict(event, errors=[*event.errors, note], duplicates=duplicates)
        analysis = self.analyse(read.data, event.path, join_path(event.root, event.path))
        if read.truncated:
            analysis.errors.append(
                ErrorNote(
                    code="too_large",
                    message=f"only the first {self._limits.max_bytes} bytes were classified",
                    stage="read",
                )
            )
        return assemble_verdict(event, read=read, analysis=analysis, duplicates=duplicates)


def assemble_verdict(
    event: FileEvent,
    *,
    deleted: bool = False,
    read: ReadResult | None = None,
    analysis: Analysis | None = None,
    errors: list[ErrorNote] | None = None,
    duplicates: int = 0,
) -> FileVerdict:
    """Assemble a verdict: the event's file-system facts, the analysis (if any), the scores.

    Also what a runner calls for a file the classifier could not handle at all (``errors`` only).
    """
    mtime, atime, ctime = _utc(event.mtime_ns), _utc(event.atime_ns), _utc(event.ctime_ns)
    mode, size = event.mode, event.size
    if read is not None:  # what the classifier itself saw fills what the agent could not give
        size = read.size
        mode = mode if mode is not None else read.stat.st_mode & 0o7777
        mtime = mtime or _utc(read.stat.st_mtime_ns)
        atime = atime or _utc(read.stat.st_atime_ns)
        ctime = ctime or _utc(read.stat.st_ctime_ns)
    decision = analysis.decision if analysis else Decision()
    sens = sensitivity(decision.health_data, decision.identifiers, decision.clinical, decision.people)
    dark = dark_score(sens.score, mtime, atime, mode, duplicates)
    all_errors = errors if errors is not None else [*event.errors, *(analysis.errors if analysis else [])]
    reasons = decision.reasons
    if analysis is None and not deleted:
        reasons = [f"not classified: {', '.join(e.code for e in all_errors) or 'no content read'}"]
    return FileVerdict(
        file_id=event.file_id,
        path=join_path(event.root, event.path),
        root=event.root,
        relative_path=event.path,
        agent_id=event.agent_id,
        host=event.host,
        deleted=deleted,
        previous_file_id=event.old_file_id if event.kind is EventKind.MOVED else None,
        format=analysis.format if analysis else "unknown",
        size=size,
        mtime=mtime,
        atime=atime,
        ctime=ctime,
        owner=event.owner,
        group=event.group,
        mode=mode,
        health_data=decision.health_data,
        personal_data=decision.personal_data,
        identifiers=decision.identifiers,
        clinical=decision.clinical,
        samples=decision.samples,
        fingerprints=decision.fingerprints,
        terms=analysis.terms if analysis else [],
        reasons=reasons,
        members=analysis.members if analysis else [],
        sensitivity=sens.score,
        sensitivity_factors=sens.factors,
        staleness=dark.staleness,
        exposure=dark.exposure,
        duplication=dark.duplication,
        dark_score=dark.dark_score,
        content_hash=read.content_hash if read else None,
        truncated=bool((read and read.truncated) or (analysis and analysis.truncated)),
        errors=all_errors,
        event_id=event.event_id,
        event_kind=event.kind,
        sequence=event.sequence,
        classifier_version=lanterne.__version__,
    )

"""The one registry of detectors, by name. Settings turn detectors off by name (``classifier.disabled_detectors``)."""

from __future__ import annotations

from typing import TypeVar

from lanterne.detect.recognizer import Recognizer
from lanterne.settings import ClassifierSettings

R = TypeVar("R", bound=type[Recognizer])

_REGISTRY: dict[str, type[Recognizer]] = {}


def register(cls: R) -> R:
    """Class decorator: add a detector to the registry under its ``name`` (names are unique)."""
    known = _REGISTRY.get(cls.name)
    if known is not None and (known.__module__, known.__qualname__) != (cls.__module__, cls.__qualname__):
        raise ValueError(f"two detectors named {cls.name!r}")  # (the same class reloaded simply replaces itself)
    _REGISTRY[cls.name] = cls
    return cls


def available() -> dict[str, type[Recognizer]]:
    """Every registered detector class by name, ordered by ``priority`` (the pattern priority)."""
    import lanterne.detect.detectors  # noqa: F401  (importing the package registers its detectors)

    return dict(sorted(_REGISTRY.items(), key=lambda item: item[1].priority))


def build(settings: ClassifierSettings, extra: list[Recognizer] | None = None) -> list[Recognizer]:
    """Instances of every enabled detector (``extra`` ones appended, e.g. a site's own or a test's)."""
    disabled = {name.lower() for name in settings.disabled_detectors}
    detectors = [cls.from_settings(settings) for name, cls in available().items() if name.lower() not in disabled]
    detectors.extend(d for d in extra or [] if d.name.lower() not in disabled)
    return detectors

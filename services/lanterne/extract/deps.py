"""Optional parser libraries: a missing one is an ``unsupported`` note naming the package, not a crash."""

from __future__ import annotations

import importlib
from types import ModuleType

from lanterne.errors import Unsupported


def optional(module: str, package: str) -> ModuleType:
    """Imports ``module`` or raises ``Unsupported`` telling which package to install (``lanterne[formats]``)."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise Unsupported(f"parser not installed: pip install {package} (or lanterne[formats])") from error

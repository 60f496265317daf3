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


# Parser libraries that log what they parse (a warning can quote a patient's name or a date): kept at ERROR.
PARSER_LOGGERS = ("pypdf", "pydicom", "fontTools", "PIL", "extract_msg", "olefile", "openpyxl", "docx", "striprtf")


def quiet_parser_logs() -> None:
    """Silence the parsers' own warnings; Lanterne records what went wrong as ErrorNotes, without content."""
    import logging

    for name in PARSER_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)

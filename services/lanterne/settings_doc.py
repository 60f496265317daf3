"""Render the settings reference (docs/settings.md) from the settings model itself, so docs match the code.

``python -m lanterne.settings_doc > docs/settings.md``; tests/unit/test_settings.py fails when the file is stale.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from lanterne.settings import Settings

_DYNAMIC = {"agent.id": "host name", "classifier.workers": "CPU count"}


def _default(path: str, info: FieldInfo) -> str:
    if path in _DYNAMIC:
        return _DYNAMIC[path]
    value: Any = info.get_default(call_default_factory=True)
    if value is None:
        return "—"
    return f"`{json.dumps(value, default=str, ensure_ascii=False)}`"


def _rows(model: type[BaseModel], prefix: str = "") -> list[tuple[str, str, str, str]]:
    rows = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            rows += _rows(annotation, f"{path}.")
            continue
        if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
            for f in dataclasses.fields(annotation):
                meaning = f.metadata.get("description", "")
                rows.append((f"{path}.{f.name}", _env(f"{path}.{f.name}"), f"`{f.default}`", meaning))
            continue
        rows.append((path, _env(path), _default(path, info), (info.description or "").replace("|", "\\|")))
    return rows


def _env(path: str) -> str:
    return "`LANTERNE_" + path.upper().replace(".", "__") + "`"


def render() -> str:
    lines = [
        "# Settings",
        "",
        "Generated from `services/lanterne/settings.py` by `python -m lanterne.settings_doc > docs/settings.md`.",
        "",
        "Sources, strongest first: command-line flags, `LANTERNE_*` environment variables (nested with `__`), the",
        "TOML or YAML file named by `LANTERNE_CONFIG`, the defaults. Secrets (`*_key`, `*password`) can be given as",
        "a file with the matching `*_file` setting and are never printed. List values in environment variables are",
        "JSON (`LANTERNE_AGENT__EXCLUDE='[\"**/tmp/**\"]'`). A commented sample: `docs/lanterne.sample.toml`.",
        "",
        "| setting | environment variable | default | meaning |",
        "|---|---|---|---|",
    ]
    lines += [f"| `{p}` | {e} | {d} | {m} |" for p, e, d, m in _rows(Settings)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")

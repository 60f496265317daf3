"""Generate the JSON Schemas of the contracts into ``schemas/events/`` (``python -m lanterne.events.schemas DIR``).

The committed schemas are what other teams (Kibana users, a SIEM, a consumer in another language) code against;
tests/contract fails when a model and its committed schema drift apart, so a contract change is always deliberate.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from lanterne.events.models import SCHEMA_VERSION, FileEvent, FileVerdict

CONTRACTS: dict[str, type[BaseModel]] = {"file-event": FileEvent, "file-verdict": FileVerdict}


def schema_files() -> dict[str, str]:
    """File name -> JSON text, e.g. ``file-event.v1.schema.json``."""
    files = {}
    for name, model in CONTRACTS.items():
        schema = model.model_json_schema(mode="serialization")
        schema["$id"] = f"https://lanterne.invalid/schemas/events/{name}.v{SCHEMA_VERSION}.schema.json"
        files[f"{name}.v{SCHEMA_VERSION}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return files


def main(argv: list[str]) -> None:
    dest = Path(argv[0] if argv else "schemas/events")
    dest.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (dest / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])

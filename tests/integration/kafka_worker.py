"""Run one processor worker for the Kafka integration tests, as a subprocess the tests can SIGTERM or SIGKILL.

Settings come from the environment (``LANTERNE_*``), like the real ``lanterne processor``. With ``--hold DIR`` the
real classifier is wrapped: for an event whose path contains ``hold-``, the worker writes ``DIR/started-<file_id>``
and waits until ``DIR/release`` exists, so a test can act while that event is in flight.
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

from lanterne.events import FileEvent, FileVerdict
from lanterne.processor.runner import make_classify, run_processor
from lanterne.settings import load_settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hold", type=Path, default=None)
    args = parser.parse_args()
    settings = load_settings()
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    classify, close = make_classify(settings)
    hold: Path | None = args.hold

    def held(event: FileEvent) -> FileVerdict:
        if hold is not None and "hold-" in event.path:
            (hold / f"started-{event.file_id}").touch()
            while not (hold / "release").exists():
                time.sleep(0.05)
        return classify(event)

    try:
        run_processor(settings, held)
    finally:
        close()


if __name__ == "__main__":
    main()

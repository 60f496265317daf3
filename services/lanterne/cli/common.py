"""What every ``lanterne`` command shares: the consoles, the --state option, settings loading and logging."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from lanterne.errors import ConfigError
from lanterne.settings import Settings, load_settings

out = Console()
err = Console(stderr=True)

StateOpt = Annotated[
    Path | None,
    typer.Option("--state", help="State directory (log, index, keys). Default: $LANTERNE_STATE_DIR or ./.lanterne"),
]


def load_settings_or_exit(state: Path | None = None, **overrides: object) -> Settings:
    """Load settings once per command; a bad configuration stops here with exit code 2."""
    if state is not None:
        overrides["state_dir"] = state
    try:
        settings = load_settings(**overrides)
    except ConfigError as exc:
        err.print(f"[red]configuration error:[/red] {exc}")
        raise typer.Exit(2) from exc
    _configure_logging(settings.log_level)
    return settings


def _configure_logging(level: str) -> None:
    if err.is_terminal:
        from rich.logging import RichHandler

        handler: logging.Handler = RichHandler(console=err, show_path=False)
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level.upper(), handlers=[handler], force=True)
    from lanterne.extract.deps import quiet_parser_logs

    quiet_parser_logs()

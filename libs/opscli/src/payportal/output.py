"""Where commands write: a Rich console on stdout, wide and without wrapping when piped."""

from __future__ import annotations

import sys

from rich.console import Console

PIPED_WIDTH = 200  # a pipe has no width; lines stay whole for grep


def console(*, stderr: bool = False) -> Console:
    """Made per command (never at import): tests swap stdout, and so may the user."""
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else PIPED_WIDTH
    return Console(file=stream, highlight=False, width=width)

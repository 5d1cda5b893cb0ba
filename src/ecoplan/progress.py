"""Progress of long work: steps reported to a callback, printed by the command line."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

ProgressCallback = Callable[[int, int, str], None]
"""Called as ``callback(step, total, message)`` before each step starts (step from 1)."""


def silent(step: int, total: int, message: str) -> None:
    """Ignore progress."""


class PrintProgress:
    """Print ``[step/total] message`` lines with the time since the first step."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.started = time.perf_counter()

    def __call__(self, step: int, total: int, message: str) -> None:
        elapsed = time.perf_counter() - self.started
        print(f"[{step}/{total}] {message} ({elapsed:.1f} s)", file=self.stream, flush=True)

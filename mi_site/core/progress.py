"""A progress bar for long builds, written to stderr so stdout keeps only the summary."""

import time
from typing import TextIO


class NoProgress:
    """Progress that is not shown: what tests and quiet callers get."""

    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def finish(self) -> None:
        pass


class ProgressBar(NoProgress):
    """`articles [#########.........]  45%  4,500/10,000  3.1 s`, one phase at a time.

    On a terminal the line is redrawn in place (at most ten times a second); on a pipe or a
    file only the finished line of each phase is written, so logs stay readable.
    """

    def __init__(self, stream: TextIO, width: int = 30):
        self.stream, self.width = stream, width
        self.live = stream.isatty()
        self.label, self.total, self.done = "", 0, 0
        self.started = self.drawn = 0.0

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.done = label, max(total, 0), 0
        self.started = time.monotonic()
        self._draw(force=True)

    def advance(self, n: int = 1) -> None:
        self.done = min(self.done + n, self.total)
        self._draw()

    def finish(self) -> None:
        self.done = self.total
        self._draw(force=True, last=True)

    def line(self) -> str:
        share = self.done / self.total if self.total else 1.0
        filled = round(share * self.width)
        bar = "#" * filled + "." * (self.width - filled)
        elapsed = time.monotonic() - self.started
        return (
            f"{self.label:<10} [{bar}] {share:4.0%}  {self.done:,}/{self.total:,}  {elapsed:.1f} s"
        )

    def _draw(self, *, force: bool = False, last: bool = False) -> None:
        now = time.monotonic()
        if not self.live and not last:
            return
        if not (force or now - self.drawn >= 0.1):
            return
        self.drawn = now
        self.stream.write(("\r" if self.live else "") + self.line() + ("\n" if last else ""))
        self.stream.flush()

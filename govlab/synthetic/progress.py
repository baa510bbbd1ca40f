"""A one-line progress bar for operators' terminals: small enough not to need a
dependency. It redraws in place with a carriage return, only when the shown
percentage or the step changes, so a log file gets a few hundred lines at most."""

from collections.abc import Callable

WIDTH = 30


class ProgressBar:
    def __init__(self, *, total: int, write: Callable[[str], None] | None):
        self.total = max(total, 1)
        self.done = 0
        self.write = write
        self.shown: tuple[int, str] | None = None

    def advance(self, amount: int, step: str) -> None:
        self.done = min(self.done + amount, self.total)
        percent = self.done * 100 // self.total
        if self.write is None or self.shown == (percent, step):
            return
        self.shown = (percent, step)
        filled = WIDTH * self.done // self.total
        bar = "#" * filled + "-" * (WIDTH - filled)
        self.write(f"\r[{bar}] {percent:3d}% {step:<24}")

    def close(self) -> None:
        if self.write is not None and self.shown is not None:
            self.write("\n")

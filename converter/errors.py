"""The one exception type the pipeline raises for bad input."""
from __future__ import annotations


class ConversionError(Exception):
    """A filing that cannot be converted; the message names the source."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None):
        self.file = file
        self.line = line
        where = file or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")
        self.reason = message


class InternalError(Exception):
    """Our own fault, not the input's: e.g. a file we wrote does not parse back. Never reported as a success."""

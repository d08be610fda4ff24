"""The exceptions a conversion raises: one class per kind of failure, all of them a ConversionError (bad input or a
bad request: exit code 2), and InternalError (our fault: exit code 4). A caller (the batch) tells the kinds apart
by class, never by the message's words."""
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


class UnreadableInput(ConversionError):
    """The file cannot be read as a filing's text: empty, binary, undecodable, or not readable."""


class NotAFiling(ConversionError):
    """The text holds no report that can be converted: no period on the cover or in the statements."""


class NoStatements(ConversionError):
    """No financial statement was found (often: incorporated by reference from an annual report)."""


class CutOff(ConversionError):
    """A table or statement ends with the text: the file was cut short."""


class UndatedStatements(ConversionError):
    """No statement's columns carry dates the converter can read."""


class AmountTooLong(ConversionError):
    """An amount has more digits than the arithmetic carries: refused rather than rounded."""


class BadOption(ConversionError):
    """An option given by the caller is not usable (a prefix, a CIK, an output format)."""


class OutputFolderError(ConversionError):
    """The output folder cannot be made, written or replaced, or holds files a conversion did not write."""


class InternalError(Exception):
    """Our own fault, not the input's: e.g. a file we wrote does not parse back. Never reported as a success."""

"""edgar2xbrl: pre-XBRL SEC filings → XBRL instance + company extension taxonomy.

Library use (in memory; nothing is written until `save`)::

    from edgar2xbrl import Options, convert

    from edgar2xbrl.check import validate
    conv = convert("filing.txt", Options(cik="320193"))    # or the filing's bytes
    print(conv.status, conv.counts.numbers_tagged, conv.counts.flags)
    conv.save("out/")

See `edgar2xbrl.api` for the types (`Options`, `Conversion`, `Counts`). The 0.1 call `convert("filing.txt",
"out/")`, which writes at once and returns a `Result`, still works.
"""
from edgar2xbrl.api import Conversion, Counts, Options, convert
from edgar2xbrl.errors import (AmountTooLong, BadOption, ConversionError, CutOff, InternalError, NoStatements, NotAFiling,
                     OutputFolderError, UndatedStatements, UnreadableInput)
from edgar2xbrl.pipeline import Result
from edgar2xbrl.check.validate import ValidationResult, validate

__all__ = ["convert", "validate", "Options", "Conversion", "Counts", "ConversionError", "InternalError", "Result",
           "ValidationResult", "UnreadableInput", "NotAFiling", "NoStatements", "CutOff", "UndatedStatements",
           "AmountTooLong", "BadOption", "OutputFolderError"]

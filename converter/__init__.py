"""edgar2xbrl: pre-XBRL SEC filings → XBRL instance + company extension taxonomy.

Library use::

    from edgar2xbrl import convert, validate
    result = convert("filing.txt", "out/")
"""
from .errors import ConversionError
from .pipeline import Result, convert
from .validate import ValidationResult, validate

__all__ = ["convert", "validate", "ConversionError", "Result", "ValidationResult"]

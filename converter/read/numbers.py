"""Reading printed amounts: "$ 1,543", "(1,227)", "(0.03)", "--"."""
from __future__ import annotations

import re
from functools import lru_cache
from decimal import Decimal

from edgar2xbrl.model import Cell

_DASHES = {"-", "--", "---", "\u2014", "\u2013", "\u2014\u2014", "-0-", "- -", "nil", "none"}
# what is left once the sign and parentheses are read (a second minus, from "-- 1,234" run together, passes)
_NUMBER = re.compile(r"^-?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?$")


def parse_cell(text: str) -> Cell | None:
    """A Cell for a printed amount, or None when the text is not an amount."""
    read = _read(text)
    return None if read is None else Cell(*read)


def is_amount(text: str) -> bool:
    """Whether parse_cell reads text as an amount (`parse_cell(text) is not None`, without making the Cell)."""
    return _read(text) is not None


@lru_cache(maxsize=65536)  # the same texts come back (every line is split while tables are looked for)
def _read(text: str) -> tuple | None:
    """parse_cell's reading: (text, value, dash, places, percent), or None."""
    cell = _parse_cell(text)
    return None if cell is None else (cell.text, cell.value, cell.dash, cell.places, cell.percent)


_FOOTNOTE_MARK = re.compile(r"(\*+|\([a-z]\)|\[\d\])$")
_MARK_ENDS = ("*", ")", "]", "*\n", ")\n", "]\n")


def _parse_cell(text: str) -> Cell | None:
    raw = text.strip()
    t = raw.replace("$", "").replace(" ", "")
    if t.endswith(_MARK_ENDS):  # (where the pattern can match: its mark last, or before a last newline)
        t = _FOOTNOTE_MARK.sub("", t)  # a footnote mark after the amount: "$ .55*", "1,234(a)"
    if not t:
        return None
    if t.lower() in _DASHES or (set(t) <= {"-"} and len(t) <= 3):
        return Cell(text=raw, value=Decimal(0), dash=True)
    negative = False
    percent = t.endswith("%") or t.endswith("%)")
    t = t.replace("%", "")
    if t.startswith("(") and t.endswith(")"):
        negative, t = True, t[1:-1]
    elif t.startswith("(") or t.endswith(")"):
        # "(1,227" with the closing parenthesis in the next chunk
        negative, t = True, t.strip("()")
    if t.startswith("-") and len(t) > 1:
        negative, t = True, t[1:]
    if not t or not _NUMBER.match(t) or not any(ch.isdigit() for ch in t):
        return None
    places = len(t.split(".")[1]) if "." in t else 0
    value = Decimal(t.replace(",", ""))
    return Cell(text=raw, value=-value if negative else value, places=places, percent=percent)


def is_rule(line: str) -> bool:
    """An underline row: only dashes, equals signs, underscores and spaces."""
    s = line.strip()
    # (stripped, a rule starts with one of its marks: any other line, most of them, is told by its first character)
    return len(s) >= 3 and s[0] in "-=_" and set(s) <= _RULE_CHARS and len(s) - s.count(" ") >= 3


_RULE_CHARS = frozenset("-=_ ")

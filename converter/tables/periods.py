"""Dates and periods from the words printed over a column or in a statement's heading."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from edgar2xbrl.model import Period

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
# r"\b" + _MONTH, said so that the engine can skip ahead: a pattern that opens with a case-sensitive character
# class is searched for by a scan over the text in C for those characters alone, where r"\b" first (or a
# case-insensitive letter) makes it try the whole pattern at every position (a full filing is scanned for its
# dates). The class holds every character that matches a month's first letter under re.I ("ſ" is an "s"); the
# look-behind after it is the r"\b" before it (the character before the letter is no word character); then the
# rest of the month names, each behind its own first letter (under re.I, as before). Same matches, same groups.
_MONTH_AT_WORD = (r"((?-i:[ADFJMNOSadfjmnos\u017f])(?<!\w.)"
                  r"(?:(?<=j)(?:an(?:uary)?|une?|uly?)|(?<=f)eb(?:ruary)?|(?<=m)(?:ar(?:ch)?|ay)"
                  r"|(?<=a)(?:pr(?:il)?|ug(?:ust)?)|(?<=s)ept?(?:ember)?|(?<=o)ct(?:ober)?|(?<=n)ov(?:ember)?"
                  r"|(?<=d)ec(?:ember)?))")
# (a month name starts a word: "summary 30, 2004" holds no date, and the engine tries far fewer places)
# (bounded runs of spaces: a date is not spread over a line's width, and a month name before a long run of
# spaces in a wide rendered table must not cost a scan of the run)
FULL_DATE = re.compile(_MONTH_AT_WORD + r"[.,]?\s{1,12}(\d{1,2})\s{0,12}(?:,\s{0,12})?((?:19|20)\d\d)", re.I)
MONTH_DAY = re.compile(_MONTH_AT_WORD + r"[.,]?\s{1,12}(\d{1,2})\b", re.I)
YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
              "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "twenty-six": 26, "thirty-nine": 39,
              "fifty-two": 52, "fifty-three": 53}
_MONTHS_SPAN = re.compile(r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]+months?\b",
                          re.I)
_WEEKS_SPAN = re.compile(r"\b(\d{1,2}|thirteen|twenty-six|thirty-nine|fifty-two|fifty-three)[\s-]+weeks?\b", re.I)
_YEAR_SPAN = re.compile(r"\b(years?|fiscal year|twelve months)\s+(ended|ending)\b|\byears? ended\b|\bfiscal\s+(19|20)\d\d\b",
                        re.I)
_QUARTER_SPAN = re.compile(r"\bquarters?\s+ended\b", re.I)


# the four non-ASCII letters an IGNORECASE pattern's [a-z] matches (a month "ſept" is found): read as theirs
_CASE_FOLDED = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0130": "i", "\u212a": "k"})


def month_number(word: str) -> int:
    w = word.lower().translate(_CASE_FOLDED).rstrip(".")
    if w in MONTHS:
        return MONTHS[w]
    return MONTHS[w[:3]]


# r"\b(\d{1,2})/...", its r"\b" said after the first digit (no word character before it) so that the search
# scans ahead for digits in C (see _MONTH_AT_WORD)
NUMERIC_DATE = re.compile(r"(\d(?<!\w.)\d?)/(\d{1,2})/(\d{2}|\d{4})\b")


def _numeric_date(m: re.Match) -> date | None:
    y = int(m.group(3))
    if y < 100:
        y += 1900 if y >= 50 else 2000
    return _safe_date(y, int(m.group(1)), int(m.group(2)))


def parse_date(text: str) -> date | None:
    m = FULL_DATE.search(text)
    if not m:
        n = NUMERIC_DATE.search(text)
        return _numeric_date(n) if n else None
    return _safe_date(int(m.group(3)), month_number(m.group(1)), int(m.group(2)))


def all_dates(text: str) -> list[tuple[date, int, int]]:
    """Every "Month d, yyyy" in text with its span."""
    out = []
    for m in _matches(FULL_DATE, text, _windows(m.start() for m in _YEAR_AT.finditer(text)) if len(text) > _WHOLE
                      else None):
        d = _safe_date(int(m.group(3)), month_number(m.group(1)), int(m.group(2)))
        if d:
            out.append((d, m.start(), m.end()))
    for m in _matches(NUMERIC_DATE, text, _windows(_slashes(text), 6, 12) if len(text) > _WHOLE else None):
        d = _numeric_date(m)
        if d:
            out.append((d, m.start(), m.end()))
    return sorted(out, key=lambda x: x[1])


# A long text (a whole filing: printed_dates) is searched for dates only around the characters every date holds:
# a year (19xx, 20xx) ends each FULL_DATE match, which is at most 53 characters long ("September" + 12 spaces +
# "30" + 12 spaces + "," + 12 spaces + "2004"); two slashes sit inside each NUMERIC_DATE match, which with the
# character its closing r"\b" looks at spans at most 2 + 1 + 2 + 1 + 4 + 1 characters from 2 before its first
# slash. Around each such character a window that holds every match it can be part of, and every character any
# attempt there reads; overlapping windows merged, so a match lies in one window, as does any match overlapping
# it. finditer(text, start, end) in a window then finds what the search of the whole text finds there (its
# look-behinds see the text before the window). Found by a fast scan for "19", "20" and "/", where the search of
# the whole text tries its pattern at every letter that may start a month name.
_WHOLE = 2000  # a text this short (a heading, a label) is searched whole
_YEAR_AT = re.compile(r"(?:19|20)\d\d")


def _slashes(text: str):
    k = text.find("/")
    while k >= 0:
        yield k
        k = text.find("/", k + 1)


def _windows(starts, before: int = 60, after: int = 8) -> list[tuple[int, int]]:
    """[at - before, at + after) around each position of the ascending `starts`, overlapping ones merged. Around
    a year found at t (a year overlapping it, "1920" in "192015", starts before t + 4): its date starts after
    t - 60 and ends by t + 8."""
    out: list[list[int]] = []
    for at in starts:
        lo, hi = max(0, at - before), at + after
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def _matches(pattern: re.Pattern, text: str, windows: list[tuple[int, int]] | None):
    if windows is None:
        return pattern.finditer(text)
    return (m for lo, hi in windows for m in pattern.finditer(text, lo, hi))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUM_WORDS[word.lower()]


def span_nearest_end(text: str) -> tuple[str, int] | None:
    """The span said by the last such phrase in `text`: in the words before a table (a heading after prose that
    mentions "six months" of something) the phrase nearest the table is the table's."""
    found = [(m.start(), k, span) for k, (pattern, span) in enumerate((
        (_WEEKS_SPAN, None), (_MONTHS_SPAN, None), (_QUARTER_SPAN, ("months", 3)), (_YEAR_SPAN, ("months", 12))))
        for m in pattern.finditer(text)
        for span in [span or ("weeks" if pattern is _WEEKS_SPAN else "months", _count(m.group(1)))]]
    return max(found, key=lambda x: (x[0], -x[1]))[2] if found else None


def span_of(text: str) -> tuple[str, int] | None:
    """("months", n) or ("weeks", n) said by a phrase such as "Three Months Ended"."""
    m = _WEEKS_SPAN.search(text)
    if m:
        return ("weeks", _count(m.group(1)))
    m = _MONTHS_SPAN.search(text)
    if m:
        return ("months", _count(m.group(1)))
    if _QUARTER_SPAN.search(text):
        return ("months", 3)
    if _YEAR_SPAN.search(text):
        return ("months", 12)
    return None


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    day = min(d.day, calendar.monthrange(y, m + 1)[1])
    return date(y, m + 1, day)


def is_month_end(d: date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def duration_ending(end: date, span: tuple[str, int], printed: frozenset = frozenset()) -> Period:
    """The period of a span ("3 months", "13 weeks") ending on end. In a 52/53-week calendar the period starts
    the day after the previous period's printed end (a 53-week year is a week longer than counting gives)."""
    unit, n = span
    if unit == "weeks":
        start = end - timedelta(days=7 * n - 1)
    elif is_month_end(end):
        start = add_months(end + timedelta(days=1), -n)
    else:
        # 52-53 week fiscal calendars end on a weekday near the month end: count whole weeks
        start = end - timedelta(days=round(n * 52 / 12) * 7 - 1)
    if unit != "weeks" and printed:
        # a 53-week year or a 14-week quarter starts up to a week before counting says; a month-end period
        # that follows a 52/53-week one starts after that one's printed end (over a column, not in prose)
        before = start - timedelta(days=1)
        if is_month_end(end):
            headers = printed.headers if isinstance(printed, PrintedDates) else frozenset()
            start = printed_near(before, PrintedDates(headers=headers), days=7) + timedelta(days=1)
        else:
            start = printed_near(before, printed, days=7) + timedelta(days=1)
    return Period(end=end, start=start)


def column_end_date(header: str, context: str, printed: frozenset = frozenset()) -> date | None:
    """The date a column's header names; month and day may come from the heading when the column shows a year only.

    A date put together from a heading's month and day and a column's year ("Three years ended September 26,
    2009" over "2008") is a guess in a 52/53-week calendar, whose year ends move by a day or two: when the
    filing prints no such date but prints one of that year within six days of it, the printed date is the
    period end."""
    d = parse_date(header)
    years = YEAR.findall(header)
    if d and len(set(years)) > 1:
        # "For the Years Ended December 31, 1993, 1992, and 1991" spanning the columns over each one's "1992": the
        # heading's date is the first column's; the column's own year is the last one printed over it, alone
        spans = [(a, b) for _d, a, b in all_dates(header)]
        last = list(YEAR.finditer(header))[-1]
        if any(a <= last.start() < b for a, b in spans) or int(last.group(0)) == d.year:
            return d
    elif d:
        return d
    if not years:
        return None
    year = int(years[-1])
    own = MONTH_DAY.search(header)  # "September 30," over the column beats any date in the heading's prose
    if not own and isinstance(printed, PrintedDates):
        # a year alone over a column: the one date of that year printed over the filing's columns (its fiscal
        # year end) beats a date in the prose above the table ("Effective October 1, 2001, ...")
        ends = {d for d in printed.statements if d.year == year} or {d for d in printed.headers if d.year == year}
        if len(ends) == 1 and not any(d.year == year for d, _, _ in all_dates(context.split("\n")[-1] if context else "")):
            return next(iter(ends))
    for full in () if own else all_dates(context):
        if full[0].year == year:
            return full[0]
    md = own or MONTH_DAY.search(context)
    if not md:
        return None
    guess = _safe_date(year, month_number(md.group(1)), int(md.group(2)))
    if guess is not None and own and guess in printed:
        return guess  # the column prints its month and day and the filing the whole date ("at September 30, 2003")
    return printed_near(guess, printed) if guess is not None else None


@dataclass(frozen=True)
class PrintedDates:
    """The full dates a filing prints: over table columns (stacked header cells joined: "September 29, / 2001"),
    which date periods, and anywhere in the text, which may be an event's date."""

    headers: frozenset = frozenset()
    text: frozenset = frozenset()
    statements: frozenset = frozenset()  # over the financial statements' own columns: the fiscal period ends

    def __contains__(self, d: object) -> bool:
        return d in self.statements or d in self.headers or d in self.text

    def __bool__(self) -> bool:
        return bool(self.statements or self.headers or self.text)

    def __iter__(self):
        return iter(self.statements | self.headers | self.text)


def printed_near(guess: date, printed, days: int = 6) -> date:
    """guess itself when the filing prints it (or prints nothing to compare), else the closest printed date of
    the same year at most `days` days away — a date over a column or in a row label before a date in the
    text — else guess."""
    if not printed:
        return guess
    tiers = (printed.statements, printed.headers, printed.text) if isinstance(printed, PrintedDates) else (printed,)
    for dates in tiers:
        if guess in dates:
            return guess
        near = sorted((abs((d - guess).days), d) for d in dates
                      if d.year == guess.year and 0 < abs((d - guess).days) <= days)
        if near:
            return near[0][1]
    return guess


def printed_dates(text: str) -> frozenset:
    """Every full date printed in a text ("September 27, 2008", "9/27/08")."""
    return frozenset(d for d, _, _ in all_dates(text))


def month_day_of(text: str) -> tuple[int, int] | None:
    m = MONTH_DAY.search(text)
    return (month_number(m.group(1)), int(m.group(2))) if m else None

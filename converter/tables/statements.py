"""Tables → statements and notes: what each table is, by its heading and its place in the document."""
from __future__ import annotations

import re
from decimal import Decimal
from dataclasses import dataclass, field

from edgar2xbrl.model import Period, Statement, Table
import calendar

from edgar2xbrl.tables.periods import (MONTH_DAY, NUMERIC_DATE, YEAR, PrintedDates, all_dates, column_end_date, duration_ending, month_day_of,
                      month_number,
                      parse_date, printed_dates, span_nearest_end, span_of)
from edgar2xbrl.read.source import Document

KINDS = ("balance_sheet", "income", "equity", "cash_flow")
TITLES = {
    "balance_sheet": "Balance Sheets",
    "income": "Statements of Operations",
    "equity": "Statement of Stockholders' Equity",
    "cash_flow": "Statements of Cash Flows",
}
_HEADINGS = [
    ("cash_flow", re.compile(r"\bSTATEMENTS?\s+OF\s+(CONSOLIDATED\s+)?CASH\s+FLOWS?|\bCASH\s+FLOWS?\s+STATEMENTS?", re.I)),
    ("balance_sheet", re.compile(r"\bBALANCE\s+SHEETS?\b|STATEMENTS?\s+OF\s+(CONSOLIDATED\s+)?FINANCIAL\s+(POSITION|CONDITION)"
                                 r"|STATEMENTS?\s+OF\s+CONDITION", re.I)),
    # "Statements of Convertible Preferred Stock and Stockholders' Equity (Deficit)": a few words may come first
    ("equity", re.compile(r"STATEMENTS?\s+OF\s+(CONSOLIDATED\s+)?(CHANGES\s+IN\s+)?((?!OPERATIONS|INCOME|EARNINGS)[A-Z]+\s+){0,4}?(AND\s+)?"
                          r"(STOCKHOLDERS|SHAREHOLDERS|SHAREOWNERS)['\u2019]?\s*"
                          r"(\((DEFICIT|DEFICIENCY)\)\s*)?(EQUITY|INVESTMENT)|STATEMENTS?\s+OF\s+(CHANGES\s+IN\s+)?EQUITY|"
                          r"^\s*(CONSOLIDATED\s+)?(STOCKHOLDERS|SHAREHOLDERS|SHAREOWNERS)['\u2019]?\s+EQUITY\s+STATEMENTS?\b", re.I)),
    ("income", re.compile(r"STATEMENTS?\s+OF\s+(CONSOLIDATED\s+)?(OPERATIONS|INCOME|EARNINGS|LOSS|(NET\s+)?INCOME\s+AND|"
                          r"COMPREHENSIVE\s+(INCOME|LOSS))|\bINCOME\s+STATEMENTS?\b|^\s*(CONSOLIDATED\s+)?STATEMENTS?\s+OF\s+"
                          r"(CONSOLIDATED\s+)?(OPERATIONS|INCOME|EARNINGS)", re.I)),
]
_NOTES_HEADING = re.compile(r"^\s*NOTES\s+TO\s+(THE\s+)?([A-Z]+\s+){0,4}FINANCIAL\s+STATEMENTS\b", re.I)
_NOTES_END = re.compile(r"^\s*(ITEM\s+2\b|ITEM\s+7\b|ITEM\s+9\b|PART\s+II\b|SIGNATURES?\s*$|"
                        r"(ITEM\s+\d+\.?\s*[-:]?\s*)?MANAGEMENT['\u2019]?S\s+DISCUSSION\s+AND\s+ANALYSIS|"
                        r"REPORT\s+OF\s+INDEPENDENT|"
                        # the unaudited data an annual report prints after its last note (JPM's quarterly data and
                        # average balances were read as the parent-company note's tables)
                        r"SUPPLEMENTA(RY|L)\s+(FINANCIAL\s+)?(INFORMATION|DATA)\s*:?\s*$)", re.I)
class _IndexLine:
    """A line ending in a page number set off by spaces ("Balance Sheets ....    3"): what the regular expression
    \\s{2,}\\d{1,3}\\s*$ says, read from the end of the line (the expression backtracks for minutes on a long run of
    spaces)."""

    @staticmethod
    def search(line: str) -> bool:
        s = line.rstrip()
        k = len(s)
        while k > 0 and len(s) - k <= 3 and s[k - 1].isdecimal():
            k -= 1
        return 1 <= len(s) - k <= 3 and k >= 2 and s[k - 1].isspace() and s[k - 2].isspace()


_INDEX_LINE = _IndexLine()
_NOTE_HEAD = [
    re.compile(r"^\s*NOTE\s+(\d{1,2}|[A-Z])\b\s*[.:\-\u2014]?\s*(.*)$", re.I),
    re.compile(r"^\s{0,12}(\d{1,2})\.\s+([A-Z][A-Za-z0-9 ,'&()/\-\u2019]{2,80})$"),
]
_SCALE = [(re.compile(r"\bin\s+billions\b", re.I), 9), (re.compile(r"\bin\s+millions\b|\$\s*millions", re.I), 6),
          (re.compile(r"\bin\s+thousands\b|\(0{3}'?s\)|0{3}'?s\s+omitted|thousands\s+of\s+dollars|"
                      r"dollars\s+in\s+thousands|\$\s*000", re.I), 3)]
_EXCEPT_SHARES = re.compile(r"except\s+(for\s+)?(number\s+of\s+)?shares?\b(?!\s+amounts?\s*\))|except\s+share\s+(data|amounts|and)|"
                            r"except\s+(for\s+)?share", re.I)
_PAGE = re.compile(r"^\s*<PAGE>\s*$", re.I)


@dataclass
class Note:
    number: str
    title: str
    start_line: int  # 1-based, the heading line
    end_line: int  # 1-based, inclusive
    text: str
    tables: list[Table] = field(default_factory=list)


@dataclass
class Layout:
    statements: list[Statement]
    notes: list[Note]
    note_tables: list[tuple[Note, Statement]]
    skipped: list[tuple[Table, str]]  # tables left alone, with the reason
    notes_zone: tuple[int, int] | None = None
    printed_dates: object = None  # periods.PrintedDates of the filing


def statement_kind(title: str) -> str | None:
    """The statement a heading names (the last heading line that names one wins)."""
    best: tuple[int, str] | None = None
    raw = title.splitlines()
    # a heading broken over two lines ("STATEMENTS OF CASH" / "FLOWS") is read joined too
    candidates = [(n, line) for n, line in enumerate(raw)] + \
        [(n + 1, raw[n].strip() + " " + raw[n + 1].strip()) for n in range(len(raw) - 1)]
    for line_no, line in candidates:
        if _INDEX_LINE.search(line) or not _heading_like(line):
            continue
        for kind, rx in _HEADINGS:
            m = rx.search(line)
            if m and re.match(r"\s*data\b", line[m.end():], re.I):
                break  # "Statements of Operations Data:", a caption of the selected financial data
            if m:
                if best is None or line_no >= best[0]:
                    best = (line_no, kind)
                break
    return best[1] if best else None


_SMALL = {"of", "and", "in", "the", "for", "to", "at", "on", "a", "an", "as", "ended", "except", "per", "share",
          "data", "amounts", "thousands", "millions", "dollars", "unaudited", "continued", "years", "year", "months",
          "three", "six", "nine", "twelve", "weeks", "each", "fiscal", "period", "periods"}


def _heading_like(line: str) -> bool:
    """A statement's heading, not a sentence that mentions one."""
    words = re.findall(r"[A-Za-z']+", line)
    if len(line.strip()) > 110 or not words:
        return False
    if re.search(r"[.:]\s*$", line.strip()) and not line.strip().endswith("(Continued)"):
        return False
    if len(words) <= 9:
        return True  # short enough to be a heading, whatever its case
    prose = [w for w in words if w[0].islower() and w.lower() not in _SMALL]
    return len(prose) <= 1


# "(in thousands, except net income in millions and per share amounts)": the scale of the items excepted
_EXCEPT_IN = re.compile(r"\bexcept\s{1,3}(?:for\s{1,3})?(?P<what>[^,;()$]{1,60}?)\s{1,3}(?:(?:which|that)\s{1,3}"
                        r"(?:is|are)\s{1,3}(?:stated|reflected|presented|shown)\s{1,3})?in\s{1,3}"
                        r"(?P<scale>thousands|millions|billions)\b", re.I)
_POWER = {"thousands": 3, "millions": 6, "billions": 9}


def scale_of(text: str) -> int | None:
    """The power of ten a scale phrase gives ("in millions" → 6). Of several lines that print one, the last (the
    nearest the table: a heading's prose may speak of "billions" above a table "(in millions)") decides. A phrase
    that scales the items an "except" names is theirs, not the table's."""
    excepted = [m.span("scale") for m in _EXCEPT_IN.finditer(text)] if "xcept" in text else []
    found = [(text.count("\n", 0, m.start()), -rank, power)
             for rank, (rx, power) in enumerate(_SCALE) for m in rx.finditer(text)
             if not any(a <= m.end() - 1 and m.start() < b for a, b in excepted)]
    return max(found)[2] if found else None


def scale_exceptions(text: str) -> tuple[tuple[str, int], ...]:
    """The items a scale phrase excepts with a scale of their own, as (their words, power of ten): "except net
    income in millions" → (("net income", 6),). Share counts are read by `share_scale_of`."""
    out = []
    for m in _EXCEPT_IN.finditer(text) if "xcept" in text else ():
        what = " ".join(m["what"].lower().split())
        if not re.search(r"\bshares?\b", what):
            out.append((what, _POWER[m["scale"].lower()]))
    return tuple(out)


_SHARES_IN = re.compile(r"\bshares?\b[^.;()$]{0,40}?\bin\s+(thousands|millions)\b|\bshares?\s+\((000'?s?|in\s+"
                        r"(thousands|millions))\)", re.I)
_ROW_SCALE = re.compile(r"\(\s*(?:in\s+)?(thousands|millions|billions|000'?s?|000\s+omitted)\s*\)|\bin\s+(thousands|millions|billions)\b",
                        re.I)


def share_scale_of(text: str, scale: int) -> int:
    """The power of ten of share counts: "shares in thousands", "except share amounts which are reflected in
    thousands", else none when the heading excepts share data from its scale, else the amounts' scale."""
    m = _SHARES_IN.search(text)
    if m:
        return 6 if "million" in m.group(0).lower() else 3
    if _EXCEPT_SHARES.search(text):
        return 0
    return scale


def row_scale(label: str) -> int | None:
    """The power of ten a row's own words give its numbers ("Shares used in computing earnings per share (in
    thousands)"), or None."""
    m = _ROW_SCALE.search(label)
    if not m:
        return None
    word = m.group(0).lower()
    return 9 if "billion" in word else 6 if "million" in word else 3


def notes_zone(lines: list[str], docs: list[Document], after: int | None = None) -> tuple[int, int] | None:
    """1-based inclusive line range of the notes to the financial statements (after the first statement)."""
    for doc in docs:
        for i in range(doc.start, doc.end):
            if after is not None and i + 1 < after:
                continue
            if _NOTES_HEADING.match(lines[i]) and not _INDEX_LINE.search(lines[i]):
                end = doc.end - 1
                for j in range(i + 1, doc.end):
                    if _NOTES_END.match(lines[j]) and not _INDEX_LINE.search(lines[j]):
                        end = j - 1
                        break
                return (i + 1, end + 1)
    return None


def _page_headers(lines: list[str], start: int, end: int) -> set[int]:
    """Lines (0-based) that are running page headers or page numbers inside [start, end)."""
    drop: set[int] = set()
    for i in range(start, end):
        if _PAGE.match(lines[i]):
            drop.add(i)
            # the page number printed just before the break
            k = i - 1
            while k >= start and not lines[k].strip():
                k -= 1
            if k >= start and re.fullmatch(r"\s{10,}(-\s*)?\d{1,3}(\s*-)?|\s{10,}[A-Z]?-?\d{1,3}", lines[k]):
                drop.add(k)
            # centred heading lines at the top of the next page
            k = i + 1
            while k < end and not lines[k].strip():
                k += 1
            while k < end and lines[k].strip() and (len(lines[k]) - len(lines[k].lstrip())) >= 10 \
                    and not _NOTE_HEAD[0].match(lines[k]):
                drop.add(k)
                k += 1
    return drop


_LETTER_HEAD = re.compile(r"^\s{0,3}([A-Z])\s{1,3}([A-Z][A-Za-z0-9,'&()/\-\u2019]*(?:\s[A-Za-z0-9,'&()/\-\u2019]+){0,10})\s*$")


def _lettered_heads(lines: list[str], start: int, end: int, drop: set[int]) -> list[tuple[int, str, str]]:
    """Notes headed by a letter at the margin ("A  Significant Accounting Policies" ... "N Taxes"): taken only as
    a run of at least three whose letters go up one or two at a time (a sentence that starts with "A" is no
    note)."""
    found = [(i, m.group(1), m.group(2).strip()) for i in range(start + 1, end) if i not in drop
             for m in [_LETTER_HEAD.match(lines[i])] if m and lines[i - 1].strip() == ""]
    best: list[tuple[int, str, str]] = []
    for k, head in enumerate(found):
        run = [head]
        for nxt in found[k + 1:]:
            if 1 <= ord(nxt[1]) - ord(run[-1][1]) <= 2:
                run.append(nxt)
        if len(run) > len(best):
            best = run
    return best if len(best) >= 3 else []


def split_notes(lines: list[str], zone: tuple[int, int]) -> list[Note]:
    start, end = zone[0] - 1, zone[1]
    drop = _page_headers(lines, start, end)
    heads: list[tuple[int, str, str]] = []
    for i in range(start + 1, end):
        for rx in _NOTE_HEAD:
            m = rx.match(lines[i])
            if m:
                title = m.group(2).strip()
                if not title:
                    k = i + 1
                    while k < end and not lines[k].strip():
                        k += 1
                    title = lines[k].strip() if k < end else ""
                heads.append((i, m.group(1), title))
                break
    if not heads:
        heads = _lettered_heads(lines, start, end, drop)
    if not heads:
        # unnumbered notes: short upper-case headings at the margin ("ACCOUNTING POLICIES")
        count = 0
        for i in range(start + 1, end):
            t = lines[i].strip()
            if i in drop or not t or len(t) > 60 or lines[i][:1] == " " or not re.fullmatch(r"[A-Z][A-Z0-9 ,'&()/\-\u2019]+", t):
                continue
            prev_blank = i == start + 1 or not lines[i - 1].strip()
            if prev_blank and not _NOTES_HEADING.match(t):
                count += 1
                heads.append((i, str(count), t.title()))
    # a heading repeated at the top of a page ("Note 1 - ... (continued)") continues its note
    merged_heads: list[tuple[int, str, str]] = []
    for h in heads:
        if merged_heads and (h[1] == merged_heads[-1][1] or _CONTINUED.search(h[2])):
            drop.add(h[0])
            continue
        merged_heads.append(h)
    heads = merged_heads
    notes: list[Note] = []
    for n, (i, number, title) in enumerate(heads):
        stop = heads[n + 1][0] if n + 1 < len(heads) else end
        body = [lines[k] for k in range(i, stop) if k not in drop and not re.match(r"^\s*</?(TABLE|CAPTION|S|C|FN)>",
                                                                                       lines[k], re.I)]
        while body and not body[-1].strip():
            body.pop()
        notes.append(Note(number=number, title=title, start_line=i + 1, end_line=stop, text=_dedent(body)))
    return notes


def _dedent(body: list[str]) -> str:
    indents = [len(x) - len(x.lstrip()) for x in body if x.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(x[cut:] for x in body)


def _scale_near(lines: list[str], table: Table, zone_start: int | None) -> int | None:
    """The nearest scale phrase above a table on its page, else in the heading of the notes."""
    s = scale_of(table.title + "\n" + " ".join(c.header for c in table.columns))
    if s is not None:
        return s
    i = table.start_line - 2
    while i >= 0 and not _PAGE.match(lines[i]):
        s = scale_of(lines[i])
        if s is not None:
            # with the line above it: "(in thousands, except net" / "income in millions ...)" wrapped
            return scale_of(lines[i - 1] + "\n" + lines[i]) if i and "xcept" in lines[i - 1] else s
        i -= 1
    if zone_start is not None:
        for k in range(zone_start - 1, min(zone_start + 6, len(lines))):
            s = scale_of(lines[k])
            if s is not None:
                return s
    return None


def _exceptions_near(lines: list[str], table: Table) -> tuple[tuple[str, int], ...]:
    """The scale exceptions of the scale phrase nearest above a table on its page (see `scale_exceptions`)."""
    if scale_of(table.title) is not None:
        return scale_exceptions(table.title)
    i = table.start_line - 2
    while i >= 0 and not _PAGE.match(lines[i]):
        if scale_of(lines[i]) is not None:
            return scale_exceptions(lines[i - 1] + "\n" + lines[i] if i and "xcept" in lines[i - 1] else lines[i])
        i -= 1
    return ()


def assign_periods(st: Statement, form: str, period_end=None, printed: frozenset = frozenset()) -> None:
    """Give each column of a statement its period, from its header and the statement's heading.

    A column that prints a year only, with no month and day anywhere over the table, ends on the month and day
    of the report's period (the cover's "for the quarter ended ...")."""
    context = "\n".join(t.title for t in st.tables)
    if st.kind == "note" and form.upper().startswith("10-K"):
        context = _dating_context(context)
    if period_end is not None and not MONTH_DAY.search(context) and not any(
            MONTH_DAY.search(c.header) for t in st.tables for c in t.columns):
        context += f"\n{calendar.month_name[period_end.month]} {period_end.day}"
    for t in st.tables:
        # a month and day printed over only some columns ("Dec. 31" centred over two years) holds for its neighbours
        days = _split_month_days(t.columns, [month_day_of(c.header) for c in t.columns])
        spans = [span_of(c.header) for c in t.columns]
        # the date of a single column may be said in a sentence ("As of December 31, 2009, future minimum payments
        # were:"); several undated columns of a note are measures ("Number of options", "Price"), never dated by the
        # dates a sentence above them happens to hold ("On April 20, 2000 ... the period ended July 1, 2000")
        title_dates = [d for d, _, _ in all_dates(t.title)] if len(t.columns) == 1 or st.kind != "note" else []
        undated = [c for c in t.columns if not YEAR.search(c.header) and not NUMERIC_DATE.search(c.header)]  # "1/1/00"
        prose = [x for x in t.title.splitlines() if len(x.split()) >= 6]  # (not "(In millions)" under it)
        lead = _SENTENCE_END.split(prose[-1])[-1] if prose else ""  # the sentence that leads into the table
        if title_dates and len(title_dates) != len(t.columns) and len(undated) == len(t.columns):
            # a heading that runs on into the note's earlier text holds its dates too: the sentence that leads into
            # the table ("During the six months ended June 30, 2001, activity in unearned revenue was:") dates it
            title_dates = [d for d, _, _ in all_dates(lead)]
        said_span = None  # the span a sentence dating a single note column names ("changed during the three months
        # ended September 30, 2009 as follows"): that of the flows, the date that of the balances
        if len(undated) == len(t.columns) and len(title_dates) == len(t.columns):
            # "BALANCE SHEET / December 31, 2007" over a single column: the heading dates the columns in order
            for c, d in zip(t.columns, title_dates):
                c.header = (c.header + " " + f"{calendar.month_name[d.month]} {d.day}, {d.year}").strip()
            if st.kind == "note" and len(t.columns) == 1 and not span_of(t.columns[0].header) and \
                    not any(all_dates(r.label) for r in t.rows):  # (rows dated by their labels: periods of their own)
                said_span = span_nearest_end(t.title)
        last = t.title.splitlines()[-1] if t.title.strip() else ""
        heading_span = span_of(last) if len(last.split()) <= 8 else None  # the headers' own words, not prose
        # "Year ended December 31," printed right over columns of years: their month and day, before any date the
        # prose further up holds ("at September 30, 2003 and 2002", a pension plan's measurement date)
        heading_md = MONTH_DAY.search(last) if len(last.split()) <= 8 and not YEAR.search(last) else None
        for col in t.columns:
            header = col.header
            printed_range = _printed_range(header)
            if printed_range is not None and st.kind != "balance_sheet":
                # "From Inception ... on April 1, 2003 To December 31, 2009": the period printed, start and end
                col.period = printed_range
                continue
            if YEAR.search(header) and not MONTH_DAY.search(header):
                md = days[col.index]  # a month and day split over this column and the next
                near = sorted((abs(k - col.index), md) for k, md in enumerate(days) if md is not None)
                if md is None and near and (not all_dates(context) or st.kind == "note"):  # a note's heading is prose
                    md = near[0][1]
                if md is None and heading_md is not None:
                    md = (month_number(heading_md.group(1)), int(heading_md.group(2)))
                if md is not None:
                    header = f"{calendar.month_name[md[0]]} {md[1]}, " + header
            end = column_end_date(header, context, printed)
            if end is None:
                continue
            if st.kind == "balance_sheet":
                col.period = _instant(end)
                continue
            near_span = next((sp for _, sp in sorted((abs(k - col.index), sp) for k, sp in enumerate(spans)
                                                     if sp is not None)), None)
            span = span_of(col.header) if st.kind == "note" else \
                (span_of(col.header) or near_span or span_nearest_end(context))
            if st.kind in ("income", "cash_flow", "equity") and span is None:
                span = ("months", 12 if form.upper().startswith("10-K") else 3)
            col.period = duration_ending(end, span, printed) if span else _instant(end)
            if st.kind == "note" and span is None and not MONTH_DAY.search(col.header):
                # "2009" over a note: the year's end for a balance, for a flow the period the prose names ("for
                # the three years ended ...") or an annual report's fiscal year
                flow = span_nearest_end(context) or (("months", 12) if form.upper().startswith("10-K") else None)
                col.year_period = duration_ending(end, flow, printed) if flow else None
            elif st.kind == "note" and span is None and said_span is not None:
                col.year_period = duration_ending(end, said_span, printed)
                if _DURING_LEAD.search(lead):
                    # "During the three months ended September 30, 2009, we recognized the following": what happened
                    # in the period (a balance among them says so: "Balance, end of period")
                    col.period, col.year_period = col.year_period, None
            elif st.kind == "note" and span is None and near_span is not None and _DURING_LEAD.search(lead):
                # "Three Months Ended" centred over the first of two dates, in a table led into as what happened
                # "during the three months ended December 26, 2009 and December 27, 2008": each date's months for a
                # flow, the date for a balance
                col.year_period = duration_ending(end, near_span, printed)
            elif st.kind == "note" and span is None and heading_span is not None:
                # "FOR THE YEARS ENDED" printed at the margin of the headers over "SEPTEMBER 25, 1999": the date's
                # day for a balance, the years ended on it for a flow (the EPS computation's earnings)
                col.year_period = duration_ending(end, heading_span, printed)
        if st.kind == "note":
            for col in t.columns:
                rest = _ORDINAL_QUARTER.sub(" ", col.header)
                if _ORDINAL_QUARTER.search(col.header) and (not MONTH_DAY.search(rest) or
                                                            span_of(rest) not in (("months", 3), ("weeks", 13))):
                    # "Fourth Quarter" under "Year Ended December 31, 2001": the quarter's own end is printed
                    # nowhere, and the year's period would give four columns one period (never computed)
                    col.period = col.year_period = None
        _one_end_a_year(t.columns, printed, period_end)


_DURING_LEAD = re.compile(r"\b(during|for)\s+the\s+(\w+[\s-]+)?(months?|weeks?|quarters?|years?|periods?)\s+"
                          r"(then\s+)?ended\b", re.I)
_RANGE_WORDS = re.compile(r"\b(inception|commencement|cumulative|period\s+from|date\s+of\s+incorporation)\b", re.I)
_NOT_A_RANGE = re.compile(r"\b(change|increase|decrease|variance|difference)\b", re.I)
_RANGE_TO = re.compile(r"^\W{0,3}(to|through|thru|until|and\s+ending|ending)\b", re.I)


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)%][.;])\s+(?=[A-Z])")


def _dating_context(title: str) -> str:
    """What may date an annual report's note table: the heading lines and the sentence that leads into the table
    ("... was as follows (in millions):"), not an earlier sentence's event ("conditions at June 30, 2000 are
    charged to Visteon" over Ford's pension expense of 2001, 2000 and 1999)."""
    lines = title.splitlines()
    heads = [x for x in lines if x.strip() and _heading_like(x)]
    prose = " ".join(x.strip() for x in lines if x.strip() and not _heading_like(x))
    last = _SENTENCE_END.split(prose)[-1] if prose else ""
    return "\n".join(heads + ([last] if last else []))


def _printed_range(header: str) -> "Period | None":
    """A column headed by a span between two printed dates ("From inception (April 1, 2003) to December 31, 2009",
    a development stage company's cumulative column): that span, its first day the first date's."""
    if not _RANGE_WORDS.search(header) or _NOT_A_RANGE.search(header):
        return None
    dates = all_dates(header)
    for (d1, _, e1), (d2, s2, _) in zip(dates, dates[1:]):
        between = re.sub(r"\([^()]{0,40}\)", " ", header[e1:s2])  # "(date of inception) to"
        if d1 < d2 and _RANGE_TO.match(between.strip(" ,)(")):
            return Period(start=d1, end=d2)
    return None


_ORDINAL_QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(fiscal\s+)?(quarter|qtr)\b|"
                              r"\bQ[1-4]\b", re.I)


def _one_end_a_year(columns, printed, period_end) -> None:
    """Columns of one table whose periods end a few days apart in the same year ("June 28, 1996" over the
    quarter, "June 30, 1996" over the nine months, where the heading's stacked dates were paired wrongly) end on
    one date: the one the filing prints in its text, else the report's own period end."""
    ends = sorted({c.period.end for c in columns if c.period is not None})
    for a, b in zip(ends, ends[1:]):
        if not 0 < (b - a).days <= 6:
            continue
        text, headers = getattr(printed, "text", frozenset()), getattr(printed, "headers", frozenset())
        keep = next((d for d in (a, b) if d in text and (a if d == b else b) not in text), None)
        if keep is None:  # both (or neither) in the prose: the one printed over a column or in a row label
            keep = next((d for d in (a, b) if d in headers and (a if d == b else b) not in headers), None)
        if keep is None and period_end in (a, b):
            keep = period_end
        if keep is None:
            continue
        drop = b if keep == a else a
        for c in columns:
            if c.period is not None and c.period.end == drop:
                c.period = _instant(keep) if c.period.start is None else \
                    type(c.period)(end=keep, start=c.period.start)


_MONTH_ALONE = re.compile(r"\b(jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|"
                          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?!\s*\d)", re.I)
_DAY_ALONE = re.compile(r"(?:^|\s)(\d{1,2}),(?=\s|$)")


def _split_month_days(columns, days):
    """A "September 30," centred over two columns can reach them split, "September" over one and "30," over the
    next: the month and day then hold for both."""
    out = list(days)
    for k in range(len(columns) - 1):
        if out[k] is not None or out[k + 1] is not None:
            continue
        m, d = _MONTH_ALONE.search(columns[k].header), _DAY_ALONE.search(columns[k + 1].header)
        if m and d:
            md = month_day_of(f"{m.group(1)} {d.group(1)}")
            if md is not None:
                out[k] = out[k + 1] = md
    return out


def _instant(d):
    from edgar2xbrl.model import Period
    return Period(end=d)


def locate(lines: list[str], tables: list[Table], docs: list[Document], form: str, period_end=None) -> Layout:
    kinds = {id(t): statement_kind(t.title) for t in tables}
    # dates over columns and in row labels ("Balance at September 30, / 2000", wrapped) date periods
    printed = PrintedDates(headers=frozenset(d for t in tables for text in [c.header for c in t.columns] +
                                             [r.label for r in t.rows] for d in [parse_date(text)] if d),
                           text=printed_dates("\n".join(lines)),
                           statements=frozenset(
                               [d for t in tables if kinds[id(t)] for c in t.columns for d in [parse_date(c.header)] if d]
                               + [d for t in tables if kinds[id(t)] for d, _, _ in all_dates(t.title)]))
    first = next((t.start_line for t in tables if kinds[id(t)]), None)
    zone = notes_zone(lines, docs, after=first)
    notes = split_notes(lines, zone) if zone else []
    statements: list[Statement] = []
    note_tables: list[tuple[Note, Statement]] = []
    unscaled: list[tuple[Statement, str]] = []  # note tables that print no scale phrase
    skipped: list[tuple[Table, str]] = []
    for t in tables:
        in_notes = zone is not None and zone[0] <= t.start_line <= zone[1]
        kind = kinds[id(t)]
        if [c.header.strip().lower() for c in t.columns] in (["page"], ["page no."], ["page number"]):
            skipped.append((t, "a table of contents"))
            continue
        if in_notes and not (kind and not notes_before(notes, t)):
            note = next((n for n in reversed(notes) if n.start_line <= t.start_line), None)
            if note is None:
                skipped.append((t, "table in the notes heading, before the first note"))
                continue
            scale = _scale_near(lines, t, zone[0])
            if scale is None and note.tables and note_tables and note_tables[-1][0] is note and (
                    _gap(lines, note.tables[-1].end_line, t.start_line) <= 8 or
                    _next_page_same_columns(lines, note.tables[-1], t)):
                # the note's table goes on over a page break under its years printed again: the scale printed
                # over its first part
                scale = note_tables[-1][1].scale if note_tables[-1][1].scale else None
            note.tables.append(t)
            context = t.title + "\n" + "\n".join(lines[max(0, t.start_line - 40):t.start_line])
            st = Statement(kind="note", title=f"Note {note.number} - {note.title}", tables=[t],
                           scale=scale if scale is not None else 0,
                           share_scale=share_scale_of(context, scale or 0), note_number=note.number,
                           scale_exceptions=_exceptions_near(lines, t))
            assign_periods(st, form, period_end, printed)
            note_tables.append((note, st))
            if scale is None:
                unscaled.append((st, context))
            continue
        if zone is not None and t.start_line > zone[1] and not kind:
            skipped.append((t, "table after the notes (not a financial statement)"))
            continue
        prev = statements[-1] if statements else None
        if kind is None:
            near = prev is not None and _gap(lines, prev.tables[-1].end_line, t.start_line) <= 8
            if near and (re.search(r"continued", t.title, re.I) or len(prev.columns) == len(t.columns)):
                kind = prev.kind
            else:
                skipped.append((t, "no financial statement heading above the table"))
                continue
        scale, share_scale = _statement_scales(t)
        if prev is not None and prev.kind == kind and len(prev.columns) == len(t.columns) and \
                _gap(lines, prev.tables[-1].end_line, t.start_line) <= 40:
            prev.tables.append(t)
            continue
        statements.append(Statement(kind=kind, title=_title_line(t.title, kind), tables=[t],
                                    scale=scale if scale is not None else 0, share_scale=share_scale,
                                    scale_exceptions=scale_exceptions(t.title)))
    # a statement heading can also stand over a segment's or a subsidiary's summary (in the MD&A):
    # of several tables of one kind, the largest is the registrant's statement; one whose columns carry dates
    # beats one that cannot be tagged at all, however large
    for st in statements:
        assign_periods(st, form, period_end, printed)
    # one period end a year across the statements and notes too (a date the text prints beats a composed one)
    _one_end_a_year([c for st in statements + [s for _, s in note_tables] for t in st.tables for c in t.columns],
                    printed, period_end)
    chosen: list[Statement] = []
    best_of: dict[str, tuple[tuple, Statement]] = {}  # per kind, the first statement of the highest rank
    for o in statements:
        rank = (o.kind == "equity" or any(c.period for c in o.columns), sum(1 for r in o.rows if r.has_values),
                -o.tables[0].start_line)
        if o.kind not in best_of or rank > best_of[o.kind][0]:
            best_of[o.kind] = (rank, o)
    for st in statements:
        if best_of[st.kind][1] is st:
            chosen.append(st)
        else:
            dated = st.kind == "equity" or any(c.period for c in st.columns)
            for t in st.tables:
                skipped.append((t, f"another, larger table was converted as the {TITLES[st.kind].lower()}" if dated
                                else f"its columns carry no dates; another table was converted as the "
                                     f"{TITLES[st.kind].lower()}"))
    statements = chosen
    _flows_of_dated_note_columns([st for _, st in note_tables], statements)
    for st, context in unscaled:
        _scale_of_repeated_figures(st, context, statements)
    return Layout(statements=statements, notes=notes, note_tables=note_tables, skipped=skipped, notes_zone=zone,
                  printed_dates=printed)


_RESULTS_ROW = re.compile(r"\bper\s{1,3}(?:common\s{1,3})?share\b|\bnet\s{1,3}(?:income|earnings|loss)\b", re.I)


def _flows_of_dated_note_columns(notes: list[Statement], statements: list[Statement]) -> None:
    """A note column headed by a date alone ("December 26, 1998" over an earnings-per-share computation) is that
    day for a balance; in a table of the period's results (rows of earnings or of amounts per share) it is, for a
    flow, the period the income statement reports ending on that day, when it reports exactly one (a first
    quarter's three months, a year): several (three and six months) leave it a day. Other tables under dates are
    of balances (accrued liabilities, tax contingencies): their columns stay days."""
    ending: dict = {}
    for st in statements:
        if st.kind == "income":
            for c in st.columns:
                if c.period is not None and c.period.start is not None:
                    ending.setdefault(c.period.end, set()).add(c.period)
    for st in notes:
        if not any(_RESULTS_ROW.search(r.label) for r in st.rows):
            continue
        for c in st.columns:
            if c.period is not None and c.period.start is None and c.year_period is None and \
                    MONTH_DAY.search(c.header) and span_of(c.header) is None and len(ending.get(c.period.end, ())) == 1:
                c.year_period = next(iter(ending[c.period.end]))


def _statement_scales(t: Table) -> tuple[int | None, int]:
    """The power of ten of a statement's amounts and of its share counts. A scale phrase printed over share
    columns only ("(IN THOUSANDS)" under "SHARES", the heading saying "IN MILLIONS, EXCEPT SHARE AND PER SHARE
    AMOUNTS") counts the shares, not the amounts."""
    own = [c for c in t.columns if scale_of(c.header) is not None]
    if own and all(re.search(r"\bshares?\b", c.header, re.I) for c in own) and scale_of(t.title) is not None:
        return scale_of(t.title), scale_of(own[0].header)
    # the same phrase printed under the columns, read as a line of the heading: "(IN THOUSANDS) (IN THOUSANDS)"
    # under the share columns of a heading "(IN MILLIONS, EXCEPT SHARE AND PER SHARE AMOUNTS)"
    lines = t.title.splitlines()
    bare = [x for x in lines if scale_of(x) is not None and not _ROW_SCALE.sub("", x).strip(" ()")]
    worded = [x for x in lines if scale_of(x) is not None and x not in bare]
    if bare and worded and _EXCEPT_SHARES.search(t.title):
        return scale_of("\n".join(worded)), scale_of(bare[-1])
    scale = scale_of(t.title + "\n" + " ".join(c.header for c in t.columns))
    return scale, share_scale_of(t.title, scale or 0)


def _figures(st: Statement) -> set[Decimal]:
    """The amounts a table prints, as printed (unscaled), that can identify a figure: at least 100 and not a year."""
    return {abs(c.value) for r in st.rows for c in r.cells
            if c is not None and not c.dash and not c.percent and c.value is not None and abs(c.value) >= 100
            and not (c.places == 0 and 1900 <= abs(c.value) <= 2100)}


_LABEL_FIGURE = re.compile(r"(?<![\d.,$])\d{1,3}(?:,\d{3}){1,4}(?![\d,.]\d)|(?<![\d.,$])\d{3,6}(?![\d,.]\d)")


def _label_figures(st: Statement) -> set[Decimal]:
    """The counts a statement prints in its row labels ("shares issued and outstanding 2,408 and 2,470"), at least
    100 and not years or dollar amounts."""
    out = set()
    for r in st.rows:
        for x in _LABEL_FIGURE.findall(r.label):
            v = Decimal(x.replace(",", ""))
            if v >= 100 and not 1900 <= v <= 2100:
                out.add(v)
    return out


def _scale_of_repeated_figures(note: Statement, context: str, statements: list[Statement]) -> None:
    """A note table that prints no scale phrase ("Income taxes" under Microsoft's statements "(In millions)", the
    phrase printed once per statement, never in the notes) is in the scale of the statement whose figures it
    repeats: at least two of its amounts printed there with the same digits (three if round hundreds). A table
    that repeats none keeps
    its amounts as printed (option prices, counts of people)."""
    figures = _figures(note)
    for st in statements:
        same = figures & _figures(st)
        # two figures that are not round hundreds, or three of any kind (round counts repeat by chance)
        if st.scale and (len([v for v in same if v % 100]) >= 2 or len(same) >= 3):
            note.scale = st.scale
            if st.share_scale == st.scale:  # "(In millions, except per share amounts)": shares counted alike
                note.share_scale = share_scale_of(context, st.scale)
            return
    for st in statements:
        # a table of counts alone ("Shares of common stock outstanding": 2,408 and 2,470) repeats the counts a
        # statement prints in its words ("shares issued and outstanding 2,408 and 2,470"), in that statement's
        # scale of shares
        same = figures & _label_figures(st)
        if st.share_scale and len([v for v in same if v % 100]) >= 2:
            note.share_scale = st.share_scale
            return


def notes_before(notes: list[Note], t: Table) -> bool:
    return any(n.start_line <= t.start_line for n in notes)


def _gap(lines: list[str], end_line: int, start_line: int) -> int:
    """Non-blank lines between two tables (page breaks and running headers count too)."""
    return sum(1 for k in range(end_line, max(end_line, start_line - 1)) if lines[k].strip())


_RULE_LINE = re.compile(r"^[-_=\s]*$")
_PAGE_MARK = re.compile(r"^\s*(?:<PAGE>|[A-Z]{0,3}-?\s?\d{1,3}|-\s?\d{1,3}\s?-)\s*$", re.I)
_CONTINUED = re.compile(r"\(?continued\)?:?\s*$", re.I)


def _next_page_same_columns(lines: list[str], prev: Table, t: Table) -> bool:
    """A note table on the next page (under the note's heading printed again, "(Continued)") with the columns of
    the table that ended the last page: the note's tables go on in the scale printed once on its first page. Page
    furniture (page numbers, rules, the repeated heading) is no gap; a few lines of footnotes are allowed."""
    between = range(prev.end_line, max(prev.end_line, t.start_line - 1))
    if not any(_PAGE.match(lines[k]) for k in between):
        return False
    if [c.header.split() for c in prev.columns] != [c.header.split() for c in t.columns]:
        return False
    text = [lines[k] for k in between if not _RULE_LINE.match(lines[k]) and not _PAGE_MARK.match(lines[k])
            and not (_CONTINUED.search(lines[k]) and any(rx.match(lines[k]) for rx in _NOTE_HEAD))]
    return len(text) <= 8


def _title_line(title: str, kind: str) -> str:
    for line in reversed(title.splitlines()):
        for k, rx in _HEADINGS:
            if k == kind and rx.search(line):
                return " ".join(line.split()).title()
    return TITLES[kind]

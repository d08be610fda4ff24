"""Finding tables in a filing's text: inside <TABLE> markup, and from the layout where there is none."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from edgar2xbrl.errors import CutOff
from edgar2xbrl.tables.layout import Chunk, anchor_of, chunks, is_year_line, parse_table, split_line
from edgar2xbrl.model import Column, Table
from edgar2xbrl.read.numbers import is_amount, is_rule
from edgar2xbrl.tables.periods import FULL_DATE
from edgar2xbrl.read.source import Document
from edgar2xbrl.tables.statements import statement_kind

_TABLE_OPEN = re.compile(r"^\s*<TABLE\b[^>]*>", re.I)
_TABLE_CLOSE = re.compile(r"^\s*</TABLE>", re.I)
_CAPTION = re.compile(r"^\s*<CAPTION>\s*$", re.I)
_S_LINE = re.compile(r"^\s*<S>", re.I)
_MARKUP_LINE = re.compile(r"^\s*</?(C|S|FN|CAPTION|PAGE)>", re.I)
_PAGE = re.compile(r"^\s*<PAGE>\s*$", re.I)
_HEADERISH = re.compile(r"\b(19|20)\d\d\b|months|weeks|year|ended|quarter|period|fiscal|unaudited|\bnote\b|"
                        r"thousands|millions|billions|except|\bamount|"
                        r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?", re.I)

_SECTION_CAPTION = re.compile(r"^(?=.*\b(ASSETS|LIABILITIES|EQUITY|CAPITAL|REVENUES?|EXPENSES|ACTIVITIES)\b)"
                              r"[A-Z][A-Z ,'’&:]*$")


_TITLE_CHARS = 4000
_ROW_CHARS = 20000  # no table row of the era is longer; a longer line is run-together text


def _title_above(lines: list[str], i: int, floor: int, limit: int = 14) -> tuple[str, int]:
    """Heading text above line i (stops at a page break, another table, or `limit` lines)."""
    out: list[str] = []
    j = i - 1
    while j >= floor and i - j <= limit:
        s = lines[j].strip()
        if _PAGE.match(lines[j]) or _TABLE_CLOSE.match(lines[j]):
            break
        if s and not _MARKUP_LINE.match(lines[j]):
            out.append(s)
        j -= 1
    out.reverse()
    # a heading is a few short lines; a damaged file can put a whole document on one "line" above a table, and
    # every heading is read by several patterns: only its end (nearest the table) is kept
    return "\n".join(out)[-_TITLE_CHARS:], j + 1


# the characters an amount can end with ("1,234", "(5)", "12%", "3*", "4(a)", "7[1]", "--", "—", "nil", "NONE",
# "5$", "(5" + a stray "(", a digit of any script; see read.numbers._parse_cell): a row's amounts are the pieces at
# its right end, so a line whose last character is none of these has no amount (most lines of prose), and is told
# so without being split
_AMOUNT_END = frozenset("()%*]-\u2014\u2013$lLeE")


@lru_cache(maxsize=65536)  # asked again and again of the same lines while tables are looked for
def _is_numeric_row(line: str) -> bool:
    s = line.strip()
    if len(line) > _ROW_CHARS or not s or is_rule(line) or _MARKUP_LINE.match(line):
        return False
    if not (s[-1].isdigit() or s[-1] in _AMOUNT_END):
        return False  # (what split_line would say: no cells)
    if s[-1] in "eElL":
        # the amounts that end in a letter are the words "nil" and "none" ("$" and spaces aside): a line of prose
        # that ends in "the" or "will" is none
        bare = s.replace("$", "").replace(" ", "")
        if bare[-3:].lower() != "nil" and bare[-4:].lower() != "none":
            return False
    sp = split_line(line)
    if not sp.cells or is_year_line(sp, allow_label=True):
        return False
    if FULL_DATE.search(line):
        # "September 30, 2009   June 30, 2009   (1)": column dates and a footnote mark head a table, they are no row
        rest = split_line(re.sub(r"\(\s*\d\s*\)|\*+", " ", FULL_DATE.sub(lambda m: " " * len(m.group(0)), line)))
        if not rest.cells:
            return False
    # numbers at the margin are label text (" 1992   118,479  $ 282" closes "Balance at September 25,")
    right = [c for c in sp.cells if c[0] >= 20]
    if not right:
        return False
    # a lone number with no label is a page number, not a row
    return bool(sp.label) or len(right) > 1 or len(sp.cells) > len(right)


def find_tables(lines: list[str], docs: list[Document], path: str = "") -> list[Table]:
    tables: list[Table] = []
    for doc in docs:
        covered: set[int] = set()
        i = doc.start
        while i < doc.end:
            if _TABLE_OPEN.match(lines[i]):
                j = i + 1
                while j < doc.end and not _TABLE_CLOSE.match(lines[j]) and not _TABLE_OPEN.match(lines[j]):
                    j += 1
                if j >= doc.end or _TABLE_OPEN.match(lines[j]):
                    raise CutOff("a table is cut off: <TABLE> has no </TABLE>", path, i + 1)
                # prose inside the markup (a note's text, when the filer left a table open) ends the table there;
                # what follows is read again for tables of its own
                stop = _prose_run(lines, i + 1, j)
                if stop is not None:
                    covered.update(range(i, stop))
                    t = _markup_table(lines, i, stop, doc.start, closed=False)
                    if t is not None:
                        tables.append(t)
                    tables.extend(_layout_tables(lines, type(doc)(doc.type, stop, j), covered))
                    covered.update(range(stop, j + 1))
                    i = j + 1
                    continue
                covered.update(range(i, j + 1))
                # statements printed one under the other in one <TABLE>, each under its own line of years (a
                # parent company's income statement, balance sheet and cash flows): a table each, with its columns
                starts = [i] + _years_splits(lines, i + 1, j)
                floor = doc.start
                for k, a in enumerate(starts):
                    last = k == len(starts) - 1
                    end = j if last else _part_end(lines, a, starts[k + 1])
                    t = _markup_table(lines, a, end, floor, closed=last)
                    floor = end  # the next part's heading: the caption lines after this part's last row
                    if t is not None:
                        tables.append(t)
                i = j + 1
            else:
                i += 1
        tables.extend(_layout_tables(lines, doc, covered))
    tables.sort(key=lambda t: t.start_line)
    return _join_across_pages(lines, tables)


_PROSE = re.compile(r"(?<![a-z])[a-z]{3,}\s+[a-z]{2,}\s+[a-z]{2,}")  # from a word's start: linear in a long word


def _years_header(line: str) -> bool:
    sp = split_line(line)
    return is_year_line(sp) and sum(1 for (_, _, c) in sp.cells if c.value is not None and c.value >= 1900) >= 2


def _prose_run(lines: list[str], start: int, end: int) -> int | None:
    """First line of three running lines of sentences inside [start, end), after some numeric rows."""
    seen_rows = False
    run = 0
    for k in range(start, end):
        line = lines[k]
        if _is_numeric_row(line):
            seen_rows, run = True, 0
            continue
        s = line.strip()
        if seen_rows and len(s) > 50 and _PROSE.search(s) and not _MARKUP_LINE.match(line):
            run += 1
            if run == 3:
                first = k - 2
                while first > start and lines[first - 1].strip() and not _is_numeric_row(lines[first - 1]):
                    first -= 1
                return first
        elif s:
            run = 0
    return None


_MONTHS = "|".join(calendar.month_name[1:] + calendar.month_abbr[1:])
# the words a line of years may carry before them: "December 31, (in millions)", "Year ended December 31,"
_DATE_LABEL = re.compile(r"(\s|[(),.:]|\d|\b(" + _MONTHS + r"|years?|ended|ending|fiscal|as\s+of|at|in|"
                         r"thousands|millions|billions|dollars|except|per|share|data|amounts|unaudited)\b|\([a-z]\))*",
                         re.I)


def _dated_years_header(line: str) -> bool:
    """A line of years, alone or after words of dates and scale only ("December 31, (in millions)  2005  2004")."""
    if _years_header(line):
        return True
    sp = split_line(line)
    label = line[:min((c[0] for c in sp.cells), default=0)]
    return is_year_line(sp, allow_label=True) and bool(_DATE_LABEL.fullmatch(label)) and \
        sum(1 for (_, _, c) in sp.cells if c.value is not None and c.value >= 1900) >= 2


_NOTE_START = re.compile(r"^\s{0,12}NOTE\s+(\d{1,2}|[A-Z])\s*[.:\-\u2014]\s+[A-Z]", re.I)


def _sentence(line: str) -> bool:
    """A line of fifteen words or more that ends a sentence ("... $6 million and $5 million, respectively.")."""
    s = line.strip()
    return len(s) > 40 and s[0].isupper() and s[-1] == "." and (s[-2].islower() or s[-2] in ")%") and \
        len(s.split(None, 15)) > 15


def _dates_header(line: str) -> bool:
    """A line of two or more full dates and nothing else ("March 29, 2008   September 29, 2007"): column headings."""
    if len(line) > 300 or line.count("19") + line.count("20") < 2:
        return False  # (asked of every line of a table: most fail here)
    dates = FULL_DATE.findall(line)
    return len(dates) >= 2 and not FULL_DATE.sub(" ", line).strip(" ,.:()")


def _years_splits(lines: list[str], start: int, stop: int) -> list[int]:
    """Lines inside [start, stop) of a line of years under two or more rows of amounts: each starts a table."""
    out, numeric = [], 0
    for k in range(start, stop):
        if numeric >= 2 and (_dated_years_header(lines[k]) or _dates_header(lines[k])):
            out.append(k)
            numeric = 0
        elif _is_numeric_row(lines[k]):
            numeric += 1
    return out


def _part_end(lines: list[str], start: int, years: int) -> int:
    """Where the part of a table that ends above the line of years `years` stops: after its last row of amounts
    (the caption lines between belong to the next part's heading)."""
    k = years - 1
    while k > start and not _is_numeric_row(lines[k]) and not is_rule(lines[k]):
        k -= 1
    return k + 1


def _markup_table(lines: list[str], open_i: int, close_i: int, floor: int, closed: bool = True) -> Table | None:
    inner = list(range(open_i + 1, close_i))
    tail = _TABLE_CLOSE.sub(lambda m: " " * len(m.group()), lines[close_i]) if closed else ""
    if tail.strip():
        # "</TABLE>   $207   $48": the closing tag shares a line with the table's last row
        lines[close_i] = tail
        inner.append(close_i)
    head = _TABLE_OPEN.sub(lambda m: " " * len(m.group()), lines[open_i])
    if head.strip():
        lines[open_i] = head
        inner.insert(0, open_i)
    title, _ = _title_above(lines, open_i, floor)
    joined = _side_by_side(lines, inner, title)
    if joined is not None:
        joined.start_line, joined.end_line = open_i + 1, close_i + 1
        return joined
    s_idx = next((k for k in inner if _S_LINE.match(lines[k])), None)
    if s_idx is not None:
        header = [k for k in inner if k < s_idx and not _MARKUP_LINE.match(lines[k])]
        body = [k for k in inner if k > s_idx and not _MARKUP_LINE.match(lines[k])]
    else:
        first_num = next((k for k in inner if _is_numeric_row(lines[k])), None)
        if first_num is None:
            return None
        header = [k for k in inner if k < first_num and not _MARKUP_LINE.match(lines[k])]
        body = [k for k in inner if k >= first_num and not _MARKUP_LINE.match(lines[k])]
    # a header line that starts at the margin belongs to the body (a caption row such as "ASSETS")
    if not body:
        return None
    t = parse_table(lines, header, body, 1, title=title, markup=True)
    if t is not None:
        t.start_line = open_i + 1
        t.end_line = close_i + 1
    return t


_FOOTER_NUMBER_FIRST = re.compile(r"(\d{1,4})\s{2,}")


def _footer_parts(line: str) -> tuple[str, str] | None:
    """(words, page number) of a line that prints a page number set off by spaces before or after its words."""
    s = line.strip()
    m = _FOOTER_NUMBER_FIRST.match(s)
    if m and m.end() < len(s):
        return s[m.end():], m.group(1)
    k = len(s)
    while k > 0 and len(s) - k < 4 and s[k - 1].isdecimal():
        k -= 1
    if len(s) > k >= 2 and s[k - 1].isspace() and s[k - 2].isspace():
        return s[:k].strip(), s[k:]
    return None


def running_footers(lines: list[str], start: int, end: int) -> frozenset[int]:
    """Lines printed at the foot of page after page, the same words beside the page's number ("JPMorgan Chase &
    Co. / 2005 Annual Report    115", "118    JPMorgan Chase & Co. / 2005 Annual Report"): the last line before
    each page break, when at least three of them say the same words beside different numbers. They are no rows of
    the table the break interrupts."""
    seen: dict[str, list[tuple[int, str]]] = {}
    for i in range(start, end):
        if not _PAGE.match(lines[i]):
            continue
        k = i - 1
        while k >= start and (not lines[k].strip() or _PAGE.match(lines[k]) or lines[k].strip() == "PAGEBREAK"):
            k -= 1
        found = _footer_parts(lines[k]) if k >= start else None
        if found:
            seen.setdefault(" ".join(found[0].lower().split()), []).append((k, found[1]))
    return frozenset(k for found in seen.values() if len({n for _k, n in found}) >= 3 for k, _n in found)


def _layout_tables(lines: list[str], doc: Document, covered: set[int]) -> list[Table]:
    out: list[Table] = []
    mended = _mend_broken_rows(lines, doc, covered)
    footers = running_footers(lines, doc.start, doc.end)
    i = doc.start
    while i < doc.end:
        if i in covered or i in footers or not _is_numeric_row(lines[i]):
            i += 1
            continue
        # grow downwards
        last_num = i
        j = i + 1
        blanks = 0
        numeric_rows = 1
        while j < doc.end and j not in covered:
            line = lines[j]
            if j in mended:  # emptied by a mended row: no gap in the table
                j += 1
                continue
            if _PAGE.match(line) or _MARKUP_LINE.match(line):
                break
            if not line.strip() or j in footers:
                blanks += 1
                if blanks > 2:
                    break
            elif is_rule(line):
                blanks = 0
            elif numeric_rows >= 2 and (_dated_years_header(line) or _dates_header(line)):
                # "2008   2007   2006" under rows of amounts: the next table's own column headings (tables printed
                # one under the other, each with its years where they fall); it starts its own table
                break
            elif _is_numeric_row(line):
                last_num, blanks = j, 0
                numeric_rows += 1
            elif _NOTE_START.match(line) or _sentence(line):
                # a note's heading ("Note 4. Unearned Revenue"), or a sentence of prose, between two runs of amounts:
                # the table above has ended, whatever follows a line or two below
                break
            else:
                ahead = [k for k in range(j + 1, min(j + 5, doc.end)) if k not in covered and k not in footers]
                if not any(_is_numeric_row(lines[k]) for k in ahead if not _PAGE.match(lines[k])):
                    break
                blanks = 0
            j += 1
        end = last_num
        while end + 1 < doc.end and is_rule(lines[end + 1]):
            end += 1
        if numeric_rows < 2:
            i = end + 1
            continue
        cell_start = min(c[0] for k in range(i, last_num + 1) if _is_numeric_row(lines[k])
                         for c in split_line(lines[k]).cells if c[0] >= 20)
        label_indent = min(split_line(lines[k]).label_start for k in range(i, last_num + 1) if _is_numeric_row(lines[k]))
        # grow upwards: caption rows at the margin ("Current assets:"), then header lines over the columns
        k = i - 1
        body_top = i
        header: list[int] = []
        blanks = 0
        while k >= doc.start and k not in covered and i - k <= 16:
            line = lines[k]
            if _PAGE.match(line) or _MARKUP_LINE.match(line):
                break
            if not line.strip():
                blanks += 1
                if blanks > 2 or (header and blanks > 1):
                    break
                k -= 1
                continue
            pos = len(line) - len(line.lstrip())
            if statement_kind(line.strip()) and (pos > label_indent + 4 or line.strip().isupper()):
                # a centred statement title ("CONSOLIDATED BALANCE SHEETS") sits over the columns like a header;
                # one at the margin ("Income statement data") is a caption inside the table
                break
            over = [ch for ch in chunks(line) if ch.start >= cell_start - 15]
            if not header and pos >= cell_start - 15 and _SECTION_CAPTION.match(line.strip()):
                # "ASSETS" centred over the amounts, between the column headers and the first row: a section
                # caption, neither header nor row; the headers are above it
                blanks = 0
                k -= 1
                continue
            if is_rule(line) or (pos >= cell_start - 15 and (_HEADERISH.search(line) or is_year_line(split_line(line)))) \
                    or is_year_line(split_line(line), allow_label=True):
                header.insert(0, k)
            elif pos < cell_start - 15 and over and len(over) < len(chunks(line)) and \
                    all(not is_amount(ch.text) for ch in over) and all(len(ch.text) <= 40 for ch in over):
                # "Three Years Ended ... (In Millions)      Number of Shares      Amount": a caption at the margin
                # and column titles over the amounts
                header.insert(0, k)
            elif not header and pos < cell_start - 15 and pos <= label_indent + 8 and len(line.strip()) < 70 and \
                    not re.search(r"[.;]\s*$", line.strip()) and blanks <= 1:
                body_top = k
            elif not header and pos >= cell_start - 15 and len(chunks(line)) >= 2 and \
                    all(len(ch.text) <= 30 and not is_amount(ch.text) for ch in chunks(line)):
                # column titles with no date line under them ("Capital   Earnings   Income")
                header.insert(0, k)
            elif header and pos >= cell_start - 15 and all(len(ch.text) <= 60 for ch in chunks(line)):
                # column titles stacked above ("Common Stock / Shares / Retained / Earnings")
                header.insert(0, k)
            elif header and pos < cell_start - 15 and (_HEADERISH.search(line) or is_year_line(split_line(line))) \
                    and len(line.strip()) < 70 and re.search(r"\s{3,}\S", line.strip()):
                # "Year Ended June 30        1996    1997" — a header row that starts at the margin
                header.insert(0, k)
            else:
                break
            blanks = 0
            k -= 1
        body = list(range(body_top, end + 1))
        top = header[0] if header else body_top
        title, _ = _title_above(lines, top, doc.start)
        t = parse_table(lines, header, body, 1, title=title, markup=False)
        if t is not None:
            out.append(t)
        i = end + 1
    return out


_AMOUNT_CHARS = re.compile(r"^[\s\d,.$()\-%]+$")  # what a line of amounts alone is made of
_MEND_REACH = 6  # lines searched above and below a broken row for a row whose columns it takes


@dataclass(frozen=True)
class _Mend:
    """A row printed with its amounts one under another below its label, set back on the label's line."""
    line: int  # the label line, which takes the amounts
    text: str  # that line with the amounts set in their columns
    emptied: tuple[int, ...]  # the lines that held the amounts


def _mend_broken_rows(lines: list[str], doc: Document, covered: set[int]) -> set[int]:
    """Set rows broken one amount per line back on one line (in `lines`); the emptied lines.

    A filer who typed a statement can let a row's amounts fall one under another, each at the margin, under the
    row's label. Such lines end the table they stand in, or become columns of their own. Where nothing but their
    order can say which column each amount belongs to, and the rows around have exactly that many columns, the
    amounts go to those columns in order; anything less certain is left as printed."""
    emptied: set[int] = set()
    k = doc.start
    while k < doc.end - 2:
        nxt = lines[k + 1]
        if k in covered or k + 1 in covered or not _AMOUNT_CHARS.match(nxt) or not nxt.strip():
            k += 1
            continue
        mend = _broken_row(lines, k, doc, covered)
        if mend is None:
            k += 1
            continue
        lines[mend.line] = mend.text
        for e in mend.emptied:
            lines[e] = ""
        emptied.update(mend.emptied)
        k = mend.emptied[-1] + 1
    return emptied


def _amounts_only(line: str) -> list[Chunk] | None:
    """The pieces of a line that holds amounts and nothing else, or None."""
    if not _AMOUNT_CHARS.match(line) or is_rule(line):
        return None
    parts = chunks(line)
    return parts if parts and all(is_amount(p.text) for p in parts) else None


def _label_only(line: str) -> bool:
    if not line.strip() or is_rule(line) or _MARKUP_LINE.match(line) or _PAGE.match(line):
        return False
    sp = split_line(line)
    return bool(sp.label) and not sp.cells


def _near_row(lines: list[str], k: int, step: int, doc: Document, covered: set[int]) -> list[tuple[int, int]] | None:
    """(start, anchor) of each amount of the first table row from line k on, going `step`, past label lines and
    rules; None when something else (a blank line, a page break, text) comes first."""
    for _ in range(_MEND_REACH):
        if not doc.start <= k < doc.end or k in covered:
            return None
        line = lines[k]
        if _is_numeric_row(line):
            return [(st, a) for st, a, _ in split_line(line).cells]
        if not (is_rule(line) or _label_only(line)):
            return None
        k += step
    return None


def _broken_row(lines: list[str], k: int, doc: Document, covered: set[int]) -> _Mend | None:
    """The mend of a row whose label ends on line k and whose amounts follow on lines of their own, or None."""
    if not _label_only(lines[k]):
        return None
    j, amounts = k + 1, []
    while j < doc.end and j not in covered:
        parts = _amounts_only(lines[j])
        if parts is None:
            break
        amounts += parts
        j += 1
    # one line of amounts under a label is an ordinary row; two or more lines are a row broken up
    if j - k < 3 or len(amounts) < 2:
        return None
    rows = [r for r in (_near_row(lines, k - 1, -1, doc, covered), _near_row(lines, j, 1, doc, covered)) if r]
    full = [r for r in rows if len(r) == len(amounts)]
    if not full:
        return None
    columns = full[0]
    anchors = [a for _, a in columns]
    # the rows above and below print their amounts in those columns (a row may leave some out)
    if any(len(r) > len(columns) or any(min(abs(a - b) for b in anchors) > 2 for _, a in r) for r in rows):
        return None
    # the amounts stand apart from every column: only their order can place them
    if max(p.end for p in amounts) >= columns[0][0]:
        return None
    text = lines[k].rstrip()
    for p, anchor in zip(amounts, anchors):
        start = anchor - (anchor_of(p) - p.start)
        if start < len(text) + 2:
            return None
        text += " " * (start - len(text)) + p.text
    return _Mend(line=k, text=text, emptied=tuple(range(k + 1, j)))


def _label_key(label: str) -> str:
    return " ".join(re.sub(r"\.{2,}", " ", label).lower().split())


def _side_by_side(lines: list[str], inner: list[int], title: str) -> Table | None:
    """A <TABLE> printed in halves one under the other, each with its own <CAPTION> and <S> line and the same
    rows ("Balance at January 1, 1996 ... Net loss ..." under the stock columns, then again under the deficit and
    total columns), read as one table: the rows of the first half with the columns of both. None when the table
    is not such a one (a long table whose <CAPTION> repeats on each page continues its rows, it does not repeat
    them)."""
    s_lines = [k for k in inner if _S_LINE.match(lines[k])]
    if len(s_lines) < 2:
        return None
    cuts = [k for k in inner if _CAPTION.match(lines[k]) and k > s_lines[0]]
    blocks, lo = [], inner[0]
    for hi in cuts + [inner[-1] + 1]:
        part = [k for k in inner if lo <= k < hi]
        s_at = next((k for k in part if _S_LINE.match(lines[k])), None)
        if s_at is None:
            return None
        header = [k for k in part if k < s_at and not _MARKUP_LINE.match(lines[k])]
        body = [k for k in part if k > s_at and not _MARKUP_LINE.match(lines[k])]
        t = parse_table(lines, header, body, 1, title=title, markup=True) if body else None
        if t is None:
            return None
        blocks.append(t)
        lo = hi
    first = blocks[0]
    keys = [_label_key(r.label) for r in first.rows]
    for other in blocks[1:]:
        if [_label_key(r.label) for r in other.rows] != keys:
            return None
    same = list(range(len(first.rows)))
    return _join_columns(first, [(other, same) for other in blocks[1:]])


def _join_columns(first: Table, others: list[tuple[Table, list[int | None]]]) -> Table:
    """`first` with the columns of each other table printed beside it: the rows of `first`, each with the amounts
    of the other table's row paired with it (the pairing: for each row of `first`, its row there or None). The
    amounts keep the line they were printed on."""
    columns = list(first.columns)
    cells = [list(r.cells) for r in first.rows]
    overflow = [list(r.overflow) for r in first.rows]
    for other, pairing in others:
        shift = max(c.right for c in columns) + 2 - min(c.left for c in other.columns)
        base = len(columns)
        columns += [Column(index=base + k, header=c.header, right=c.right + shift, left=c.left + shift)
                    for k, c in enumerate(other.columns)]
        for mine, spill, at in zip(cells, overflow, pairing):
            theirs = other.rows[at] if at is not None else None
            if theirs is None:
                mine += [None] * len(other.columns)
                continue
            mine += [None if c is None else replace(c, line=theirs.line) for c in theirs.cells]
            spill += [replace(c, line=theirs.line) for c in theirs.overflow]
    rows = [replace(r, cells=c, overflow=o) for r, c, o in zip(first.rows, cells, overflow)]
    return Table(rows=rows, columns=columns, start_line=0, end_line=0, title=first.title, markup=first.markup)


_FURNITURE_LINES = 16  # non-blank lines a page's foot and the next page's head take at most


def _join_across_pages(lines: list[str], tables: list[Table]) -> list[Table]:
    """Tables printed side by side over pages read as one: a statement too wide for the page, typed with its left
    columns on one page and its right columns on the next, the same rows on both."""
    out: list[Table] = []
    for t in tables:
        prev = out[-1] if out else None
        pairing = _beside(lines, prev, t) if prev is not None else None
        if pairing is None:
            out.append(t)
            continue
        joined = _join_columns(prev, [(t, pairing)])
        joined.start_line, joined.end_line = prev.start_line, t.end_line
        out[-1] = joined
    return out


def _beside(lines: list[str], left: Table, right: Table) -> list[int | None] | None:
    """For each row of `left`, the row of `right` printed beside it, when `right` is the rest of `left`'s columns on
    the next page; else None. Certain only when: a page break and nothing but page furniture lie between them, both
    carry the same statement heading, `right`'s column headings are new ones (headings repeated over new rows are a
    table continued downwards), and their rows with amounts pair off one for one with the same labels (or none on
    the right), a lone row between two that agree being allowed another wording."""
    if left.markup or right.markup or right.start_line <= left.end_line:
        return None
    gap = [ln for ln in lines[left.end_line:right.start_line - 1] if ln.strip()]
    if not any(_PAGE.match(ln) for ln in gap) or len(gap) > _FURNITURE_LINES or \
            any(_is_numeric_row(ln) for ln in gap):
        return None
    kind = statement_kind(left.title)
    if kind is None or statement_kind(right.title) != kind:
        return None
    heads = [_label_key(c.header) for c in left.columns]
    theirs = [_label_key(c.header) for c in right.columns]
    if not all(heads) or not all(theirs) or set(heads) & set(theirs):
        return None
    mine = [k for k, r in enumerate(left.rows) if r.has_values]
    other = [k for k, r in enumerate(right.rows) if r.has_values]
    if len(mine) != len(other) or len(mine) < 2:
        return None
    agree = [_same_row(left.rows[a].label, right.rows[b].label) for a, b in zip(mine, other)]
    if not (agree[0] and agree[-1]) or any(not x and not y for x, y in zip(agree, agree[1:])) or \
            4 * agree.count(False) > len(agree):
        return None
    pairing: list[int | None] = [None] * len(left.rows)
    for a, b in zip(mine, other):
        pairing[a] = b
    return pairing


def _same_row(mine: str, theirs: str) -> bool:
    """Whether two labels name one row: the same words, one wrapped further than the other, or none beside."""
    a, b = _label_key(mine), _label_key(theirs)
    return not b or a == b or (len(min(a, b, key=len).split()) >= 2 and (a.startswith(b) or b.startswith(a)))

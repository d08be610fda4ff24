"""Text layout → tables: rows, columns and the header text over each column.

Works on fixed-width text, the way the EDGAR text era printed statements: a label at the left, right-aligned
amounts in columns, headers stacked above, underlines marking subtotals.  The same parser serves tables inside
`<TABLE>` markup and tables found from their layout alone.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from edgar2xbrl.model import Cell, Column, Row, Table
from edgar2xbrl.read.numbers import is_amount, is_rule, parse_cell

_CHUNK = re.compile(r"\S+(?: \S+)*")
_SPAN_GAP = re.compile(r"\b(one|two|three|four|six|nine|twelve|thirteen|twenty-six|thirty-nine|fifty-two|fifty-three|"
                       r"\d{1,2})(\s{2,3})(months?|weeks?)\b", re.I)
_SCALE_WORDS = re.compile(r"\bin\s+(thousands|millions|billions)\b|except\s+(for\s+)?(per|share)", re.I)
YEAR_WORD = re.compile(r"\(?(19|20)\d\d\)?(\s*\(\d\))?")
_STATEMENT_HEADING = re.compile(r"\bSTATEMENTS?\s+OF\s+(CONSOLIDATED\s+)?(CASH|INCOME|OPERATIONS|EARNINGS|STOCKHOLDERS|"
                                r"SHAREHOLDERS|SHAREOWNERS|CHANGES|FINANCIAL|CONDITION|COMPREHENSIVE|LOSS)|"
                                r"\bBALANCE\s+SHEETS?\b", re.I)
_MARKUP = re.compile(r"^\s*</?(table|caption|s|c|fn|page)\b[^>]*>", re.I)
_SC_LINE = re.compile(r"^\s*<S>", re.I)
_RULE_RUN = re.compile(r"[-=_]{3,}")


@dataclass
class Chunk:
    start: int
    end: int
    text: str


def chunks(line: str) -> list[Chunk]:
    """Pieces of a line separated by two or more spaces (tabs already expanded)."""
    return [Chunk(m.start(), m.end(), m.group()) for m in _CHUNK.finditer(line)]


@dataclass
class Split:
    label: str
    label_start: int
    cells: list[tuple[int, int, Cell]]  # (start, anchor, cell); anchor = right edge of the digits


def anchor_of(ch: Chunk) -> int:
    """Right edge of the digits or dashes, so "(1,221)" and "1,221" align."""
    end = ch.end
    while end > ch.start and ch.text[end - ch.start - 1] in ")%":
        end -= 1
    return end


def split_line(line: str) -> Split:
    """Label text and the amounts printed right of it (fresh cells: a caller may change them)."""
    if len(line) > _SPLIT_CACHED_CHARS:
        return _split_line(line)
    label, start, cells = _split_cached(line)
    return Split(label, start, [(st, anchor, Cell(text, value, dash, places, percent, c_start, c_end))
                                for st, anchor, (text, value, dash, places, percent, c_start, c_end) in cells])


_SPLIT_CACHED_CHARS = 400  # a table's row; a longer line is split afresh (the cache holds no long text)


@lru_cache(maxsize=16384)  # a line is split again and again while tables are looked for and read
def _split_cached(line: str) -> tuple:
    sp = _split_line(line)
    return sp.label, sp.label_start, tuple((st, anchor, (c.text, c.value, c.dash, c.places, c.percent, c.start, c.end))
                                           for st, anchor, c in sp.cells)


def _split_line(line: str) -> Split:
    parts = chunks(line)
    # glue a lone "$" (or "$ (") to the amount that follows it
    merged: list[Chunk] = []
    for ch in parts:
        if merged and merged[-1].text.replace(" ", "") in ("$", "$(", "(") and ch.start - merged[-1].end <= 12:
            prev = merged.pop()
            ch = Chunk(prev.start, ch.end, line[prev.start:ch.end])
        merged.append(ch)
    # also split chunks such as "$ 1,543 $ 2,164" joined by single spaces into amounts
    expanded: list[Chunk] = []
    for ch in merged:
        words = ch.text.split()  # "$  (455,979)": a "$" glued above over two spaces
        if len(words) > 1 and all(is_amount(w) or w == "$" for w in words) and \
                sum(is_amount(w) for w in words) > 1:
            pos = ch.start
            pending = None
            for w in words:
                wstart = line.index(w, pos)
                pos = wstart + len(w)
                if w == "$":
                    pending = wstart
                    continue
                begin = pending if pending is not None else wstart
                expanded.append(Chunk(begin, pos, line[begin:pos]))
                pending = None
        else:
            expanded.append(ch)
    cells: list[tuple[int, int, Cell]] = []
    i = len(expanded)
    while i > 0:
        ch = expanded[i - 1]
        cell = parse_cell(ch.text)
        if cell is None:
            break
        cell.start, cell.end = ch.start, ch.end
        cells.append((ch.start, anchor_of(ch), cell))
        i -= 1
    cells.reverse()
    label_parts = expanded[:i]
    if not label_parts and cells and len(cells) == 1 and cells[0][0] < 8:
        # a number alone at the left margin is text, not an amount
        return Split(line.strip(), cells[0][0], [])
    label = " ".join(p.text for p in label_parts)
    if label.count(".") >= 3:  # leader dots (either pattern needs three)
        label = re.sub(r"(\s*\.){3,}\s*$|\s*(\.\s?){3,}", " ", label)
    label = label.strip()
    start = label_parts[0].start if label_parts else (cells[0][0] if cells else 0)
    return Split(label, start, cells)


def _year_or_marker(c: Cell) -> bool:
    if c.value is not None and not c.dash and "," not in c.text and c.places == 0 and 1900 <= c.value <= 2100:
        return True
    return bool(re.fullmatch(r"\(\d\)|\(?\d{4}\)?\s*\(\d\)", c.text.strip()))  # a footnote marker such as "(1)"


def is_year_line(sp: Split, allow_label: bool = False) -> bool:
    """A line of column years ("2004    2003", "1999 (1)"): header, not amounts."""
    if sp.label and not allow_label:
        return False
    cells = [c for (_, _, c) in sp.cells]
    return bool(cells) and all(_year_or_marker(c) for c in cells) and any(
        c.value is not None and c.value >= 1900 for c in cells)


def _merge_exclusive(groups: list[list[int]], splits: dict) -> list[list[int]]:
    """Join neighbouring clusters that no row uses together: one column printed with two alignments
    (per-share amounts or dashes set a few characters off the totals)."""
    rows = [{a for (_, a, _) in sp.cells} for sp in splits.values()]
    merged = [list(g) for g in groups]
    # one pass: a pair left apart stays apart once its right-hand group has grown (the gap is the same and more
    # rows use both), so after a merge the merged group is tried against its next neighbour, never from the start
    k = 0
    while k < len(merged) - 1:
        a, b = merged[k], merged[k + 1]
        if min(b) - max(a) <= 8:
            sa, sb = set(a), set(b)
            if not any(r & sa and r & sb for r in rows):
                merged[k:k + 2] = [sorted(a + b)]
                continue
        k += 1
    return merged


def _cluster(anchors: list[int], tolerance: int = 2) -> list[list[int]]:
    groups: list[list[int]] = []
    for a in sorted(anchors):
        if groups and a - groups[-1][-1] <= tolerance:
            groups[-1].append(a)
        else:
            groups.append([a])
    return groups


def _nearest(rights: list[int], anchor: int) -> int:
    """The first index k of the ascending rights with the least |rights[k] - anchor| (a binary search)."""
    i = bisect_left(rights, anchor)
    cands = [k for k in (i - 1, i) if 0 <= k < len(rights)]
    k = min(cands, key=lambda j: (abs(rights[j] - anchor), j))
    d = abs(rights[k] - anchor)
    while k > 0 and abs(rights[k - 1] - anchor) == d:
        k -= 1
    return k


def _near_column(a: int, lefts: list[int], rights: list[int], widest: int) -> bool:
    """Whether a falls inside a column (lefts[k] - 1 <= a <= rights[k] + 1) or within 4 of its right edge.

    rights ascend; only the columns whose right edge lies within reach of a are looked at."""
    lo = bisect_left(rights, a - 4)
    hi = bisect_right(rights, a + widest + 2)
    return any(lefts[k] - 1 <= a <= rights[k] + 1 or abs(rights[k] - a) <= 4 for k in range(lo, hi))


_INCOMPLETE_END = re.compile(r"(,|;|\(|\s-{1,2}|\b(of|and|or|to|for|in|at|on|the|from|by|with|less|net|under|per|"
                            r"into|ended|ending|through|since|until|upon|over|after|before|between|against|"
                            r"among|via|within|including|excluding|a|an|its|their))$", re.I)


def _continues(first: str, nxt: str, first_indent: int, next_indent: int) -> bool:
    """Whether the label line `first` wraps onto the line `nxt`."""
    f = first.rstrip()
    n = nxt.strip()
    if not n or f.endswith(":"):
        return False
    if f.count("(") > f.count(")"):
        return True
    if _INCOMPLETE_END.search(f):
        return True
    if n[0].islower() or n[0] == "(" or (n[0].isdigit() and re.search(r"[A-Za-z]\s*$", f)):
        return True
    return False


def _hangs(first: str, row_label: str, first_indent: int, row_indent: int, after_indent: int | None) -> bool:
    """Whether a label line wraps onto the deeper-indented amount line under it (a hanging indent).

    "Retirement of Treasury / ··Stock ··(1,181,000)" prints one row, its second line indented; a caption prints the
    same shape over its items, but over more than one: the line after the amount line goes back to the caption's
    margin only for a wrap (or a caption of a single item, which then reads as one row named by both). A total
    under a heading is never the end of the heading's words."""
    if first.rstrip().endswith(":") or row_indent <= first_indent or after_indent is None \
            or re.match(r"\s*total\b", row_label, re.I):
        return False
    return after_indent <= first_indent


def _prints_hanging_wraps(lines: list[str], body_idx: list[int], splits) -> bool:
    """Whether the table wraps its labels in a hanging indent somewhere it cannot be mistaken ("Warrants Issued to
    / ··Placement Agent", "Treasury Stock Received / ··from the Employee"): only then is a label line over a deeper
    amount line read as one row. Elsewhere the same shape is a caption over its one item ("Other income
    (expense) / ··Interest expense (50)")."""
    prev: tuple[str, int] | None = None
    for i in body_idx:
        line = lines[i]
        if not line.strip() or is_rule(line):
            prev = None
            continue
        indent = len(line) - len(line.lstrip())
        label = splits[i].label if i in splits else line.strip()
        if prev is not None and indent > prev[1] and label and _continues(prev[0], label, prev[1], indent):
            return True
        prev = (label, indent) if label and not (i in splits and splits[i].cells) else None
    return False


def _next_indent(lines: list[str], body_idx: list[int], pos: int) -> int | None:
    """The indent of the next line of the table that prints something, None at the table's end."""
    for i in body_idx[pos + 1:]:
        line = lines[i]
        if line.strip() and not is_rule(line):
            return len(line) - len(line.lstrip())
    return None


def parse_table(lines: list[str], header_idx: list[int], body_idx: list[int], first_line_no: int,
                title: str = "", markup: bool = False) -> Table | None:
    """Build a Table from header and body lines (indexes into `lines`; line numbers are index + first_line_no)."""
    splits = {i: split_line(lines[i]) for i in body_idx if not is_rule(lines[i]) and lines[i].strip()}
    # dashes are often centred rather than right-aligned: columns come from the amounts
    anchors = [a for s in splits.values() for (_, a, c) in s.cells if not c.dash] or \
        [a for s in splits.values() for (_, a, _) in s.cells]
    if not anchors:
        return None
    groups = _merge_exclusive(_cluster(anchors), splits)
    numeric_rows = sum(1 for s in splits.values() if any(not c.dash for _, _, c in s.cells))
    # a column must be used by more than a stray row, unless the table is tiny
    keep = [g for g in groups if len(g) >= 2 or numeric_rows <= 2]
    if not keep:
        return None
    rights = [max(g) for g in keep]
    lefts = []
    # (anchor, where the digits start) of every cell, sorted: each column looks up only its own cells
    # (a scan of every cell per column is quadratic in a table thousands of columns wide)
    by_anchor = sorted((a, st + len(c.text) - len(c.text.lstrip("$ "))) for s in splits.values()
                       for (st, a, c) in s.cells)
    anchor_keys = [a for a, _ in by_anchor]
    for g in keep:
        # where the digits start: a "$" printed at the column's far left does not widen it
        lo, hi = bisect_left(anchor_keys, min(g)), bisect_right(anchor_keys, max(g))
        lefts.append(min(x for _, x in by_anchor[lo:hi]) if hi > lo else min(g) - 1)
    # a column of nothing but dashes still is a column, when its dashes sit outside every other column
    dash_anchors = [a for s in splits.values() for (st, a, c) in s.cells if c.dash]
    widest = max((r - l for l, r in zip(lefts, rights)), default=0)
    lone = [a for a in dash_anchors if not _near_column(a, lefts, rights, widest)]
    for g in _cluster(lone):
        if len(g) >= 1:
            rights.append(max(g))
            lefts.append(min(g) - 2)
    order = sorted(range(len(rights)), key=lambda k: rights[k])
    rights = [rights[k] for k in order]
    lefts = [lefts[k] for k in order]
    # a "column" that starts where the row labels start is label text: years closing wrapped labels such as
    # "Balance at / September 27, / 1991   118,386   ..."
    label_starts = [sp.label_start for sp in splits.values() if sp.label]
    if label_starts and len(rights) > 1:
        margin = min(label_starts)
        keep_cols = [k for k in range(len(rights)) if lefts[k] > margin + 2]
        if keep_cols and len(keep_cols) < len(rights):
            rights = [rights[k] for k in keep_cols]
            lefts = [lefts[k] for k in keep_cols]
    columns = [Column(index=k, header="", right=rights[k], left=lefts[k]) for k in range(len(rights))]
    col_rights = [c.right for c in columns]  # ascending

    rows: list[Row] = []
    pending_label: list[str] = []
    pending_first = 0
    pending_indent = 0
    rule_above = False
    hanging = _prints_hanging_wraps(lines, body_idx, splits)
    for pos, i in enumerate(body_idx):
        line = lines[i]
        if not line.strip():
            if pending_label:
                rows.append(Row(label=" ".join(pending_label), cells=[None] * len(columns),
                                line=pending_first, first_line=pending_first, indent=pending_indent,
                                rule_above=rule_above))
                pending_label, rule_above = [], False
            continue
        if is_rule(line):
            if pending_label:
                rows.append(Row(label=" ".join(pending_label), cells=[None] * len(columns),
                                line=pending_first, first_line=pending_first, indent=pending_indent))
                pending_label = []
            rule_above = "-" in line or "_" in line
            continue
        sp = splits[i]
        indent = len(line) - len(line.lstrip())
        line_no = i + first_line_no
        if not sp.cells:
            text = sp.label
            if pending_label and _continues(pending_label[-1], text, pending_indent, indent):
                pending_label.append(text)
                continue
            if pending_label:
                rows.append(Row(label=" ".join(pending_label), cells=[None] * len(columns),
                                line=pending_first, first_line=pending_first, indent=pending_indent,
                                rule_above=rule_above))
                rule_above = False
            pending_label, pending_first, pending_indent = [text], line_no, indent
            continue
        label_parts: list[str] = []
        first = line_no
        row_indent = indent
        if pending_label and (not sp.label or _continues(pending_label[-1], sp.label, pending_indent, indent)
                              or hanging and _hangs(pending_label[-1], sp.label, pending_indent, indent,
                                                    _next_indent(lines, body_idx, pos))):
            label_parts, first, row_indent = pending_label, pending_first, pending_indent
        elif pending_label:
            rows.append(Row(label=" ".join(pending_label), cells=[None] * len(columns),
                            line=pending_first, first_line=pending_first, indent=pending_indent,
                            rule_above=rule_above))
            rule_above = False
        pending_label = []
        cells: list[Cell | None] = [None] * len(columns)
        overflow: list[Cell] = []
        row_label = sp.label
        for (start, anchor, cell) in sp.cells:
            k = _nearest(col_rights, anchor)
            if abs(columns[k].right - anchor) > 4 and not (columns[k].left - 1 <= anchor <= columns[k].right) \
                    and all(c is None for c in cells) and anchor < columns[0].left - 1:
                # "Other income (including interest of $283,000)": an amount left of every column is label text
                row_label = (row_label + " " + cell.text).strip()
                continue
            if cells[k] is not None:
                # two amounts fell into one column: the first keeps it, the other is listed, never dropped unsaid
                overflow.append(cell)
                continue
            cells[k] = cell
        if row_label:
            label_parts = label_parts + [row_label]
        if all(c is None for c in cells):
            pending_label, pending_first, pending_indent = label_parts or [row_label], first, row_indent
            continue
        rows.append(Row(label=" ".join(label_parts), cells=cells, line=line_no, first_line=first,
                        rule_above=rule_above, indent=row_indent, overflow=overflow))
        rule_above = False
    if pending_label:
        rows.append(Row(label=" ".join(pending_label), cells=[None] * len(columns), line=pending_first,
                        first_line=pending_first, indent=pending_indent, rule_above=rule_above))

    caption = _assign_headers(columns, [lines[i] for i in header_idx])
    if caption:
        title = (title + "\n" + caption).strip()
    start = (header_idx[0] if header_idx else body_idx[0]) + first_line_no
    end = body_idx[-1] + first_line_no
    return Table(rows=rows, columns=columns, start_line=start, end_line=end, title=title, markup=markup)


# "(in Thousands)" alone over a column scales that column (the shares of an equity statement in millions)
_BARE_SCALE = re.compile(r"\(\s*(in\s+)?(thousands|millions|000'?s?)\s*\)", re.I)


def _assign_headers(columns: list[Column], header_lines: list[str]) -> str:
    """Give each column the header words printed over it; a phrase spanning several columns goes to each.

    Returns the header words printed at the margin, over no column ("Year Ended June 30")."""
    texts: list[list[str]] = [[] for _ in columns]
    caption: list[tuple[int, str]] = []  # (header line, words): the caption keeps its lines apart
    bare: list[tuple[int, str, list[Column]]] = []
    # a statement's heading printed inside the table's markup ("<CAPTION> ... CONSOLIDATED STATEMENT OF CASH FLOWS"),
    # centred over columns as wide as the page: it and the lines above it head the table, they name no column
    titled = max((h for h, line in enumerate(header_lines) if _STATEMENT_HEADING.search(line)), default=-1)
    if any(len([ch for ch in chunks(line) if ch.text.strip() and not is_rule(ch.text)]) > 1
           for line in header_lines[:titled + 1]):
        titled = -1  # column headers printed above the heading (a consolidating note's "Parent  Guarantors ...")
    reach = {c.index: c.right for c in columns}  # right edge for header overlap, widened by the underlines
    # the columns ascend by right edge: each header word looks only at the columns within its reach (a scan of
    # every column per word is quadratic in a table thousands of columns wide)
    rights = [c.right for c in columns]
    if rights != sorted(rights):
        columns = sorted(columns, key=lambda c: c.right)
        rights = [c.right for c in columns]

    def edge_in(lo: float, hi: float) -> list[Column]:
        """The columns whose right edge lies in [lo, hi], in order."""
        return columns[bisect_left(rights, lo):bisect_right(rights, hi)]
    # widen the column spans with the header underlines that sit over them
    for line in header_lines:
        for ch in chunks(line):
            if is_rule(ch.text):
                under = edge_in(ch.start - 1, ch.end + 1)
                if len(under) == 1:
                    # the column's own underline gives its full width (a column of centred dashes is narrow)
                    under[0].left = min(under[0].left, ch.start)
                    reach[under[0].index] = max(reach[under[0].index], ch.end - 1)
    # "NINE  MONTHS" printed with two spaces is one phrase: close the gap without moving anything after it
    header_lines = [_SPAN_GAP.sub(lambda m: f"{m.group(1)} {m.group(3)}" + " " * (len(m.group(2)) - 1), line)
                    for line in header_lines]
    # "-------- --------" is two rules (one over each group of columns), though one chunk of the line
    rule_spans = [[Chunk(ch.start + m.start(), ch.start + m.end(), m.group()) for ch in chunks(line)
                   if is_rule(ch.text) for m in _RULE_RUN.finditer(ch.text)] for line in header_lines]
    first_left = min(c.left for c in columns)
    widen = max(0, max(reach[c.index] - c.right for c in columns))
    widest = max(0, max(c.right - c.left for c in columns))
    # the rule under the last line of headers that runs across every column closes the headers: it groups nothing
    # ("SHARES  AMOUNT  SHARES  AMOUNT  CAPITAL" over one long rule are five headings, not one)
    last_text = max((h for h, line in enumerate(header_lines) if not _MARKUP.match(line) and
                     any(not is_rule(ch.text) and ch.text.strip() for ch in chunks(line))), default=-1)
    if len(columns) > 2:
        for h in range(last_text + 1, len(rule_spans)):
            rule_spans[h] = [r for r in rule_spans[h] if len(edge_in(r.start - 1, r.end + 1)) < len(columns)]
    for h, line in enumerate(header_lines):
        if _MARKUP.match(line):
            continue
        for ch in chunks(line):
            if is_rule(ch.text) or not ch.text.strip():
                continue
            if h <= titled:
                caption.append((h, ch.text))
                continue
            if _SCALE_WORDS.search(ch.text) and len(ch.text) > 12 and not _BARE_SCALE.fullmatch(ch.text.strip()):
                caption.append((h, ch.text))  # "(Dollars in millions, except per share amounts)" heads the table
                continue
            if ch.start < first_left - 12 and ch.end <= first_left:
                caption.append((h, ch.text))  # words at the margin belong to no column
                continue
            hits = [c for c in edge_in(ch.start - widen - 1, ch.end + widest + 1)
                    if ch.start < reach[c.index] + 1 and ch.end > c.left]
            # a heading with a rule under it that spans several columns applies to all of them; a year only where
            # the rule is its own ("2005" over "Number of options  Weighted-average exercise price"), not one rule
            # under "1997  1996" that names two columns
            year, spread = bool(YEAR_WORD.fullmatch(ch.text)), False
            for below in rule_spans[h + 1:h + 2]:
                for r in below:
                    # a rule across the whole table (from the margin) groups nothing
                    if r.start < first_left - 12:
                        continue
                    if r.start < ch.end and r.end > ch.start:
                        if year and any(o.start < r.end and o.end > r.start and o.start != ch.start
                                        for o in chunks(line) if o.text.strip() and not is_rule(o.text)):
                            continue
                        spanned = edge_in(r.start - 1, r.end + 1)
                        if year:  # (a column that ends where the rule begins is not under it)
                            spanned = [c for c in spanned if c.right > r.start + 1]
                        if len(spanned) > 1:
                            hits, spread = spanned, True
            if not hits:
                centre = (ch.start + ch.end) / 2
                # only a column whose centre is within 25 of the word's can take it
                near = edge_in(centre - 25, centre + 25 + widest)
                nearest = min(near, key=lambda c: abs((c.left + c.right) / 2 - centre)) if near else None
                if nearest is None or abs((nearest.left + nearest.right) / 2 - centre) > 25:
                    caption.append((h, ch.text))
                    continue
                hits = [nearest]
            elif len(hits) > 1 and year and not spread:
                hits = [max(hits, key=lambda c: min(ch.end, reach[c.index] + 1) - max(ch.start, c.left))]
            elif len(hits) > 1 and len(ch.text.split()) == 1 and not any(
                    r.start < ch.end and r.end > ch.start and r.start >= first_left - 12 and
                    len(edge_in(r.start - 1, r.end + 1)) > 1
                    for below in rule_spans[h + 1:h + 2] for r in below):
                # one word over two columns goes to the one it overlaps most
                hits = [max(hits, key=lambda c: min(ch.end, reach[c.index] + 1) - max(ch.start, c.left))]
            if _BARE_SCALE.fullmatch(ch.text.strip()):
                bare.append((h, ch.text, hits))  # a column's own scale, or the table's printed over a column
                continue
            for c in hits:
                texts[c.index].append(ch.text)
    for h, text, hits in bare:
        # "(in Thousands)" under "Shares" (or "Options") counts that column; over any other column it heads the table
        if all(re.search(r"\b(shares?|options?|warrants?|sars|rsus|units?|awards?)\b", " ".join(texts[c.index]), re.I)
               for c in hits):
            for c in hits:
                texts[c.index].append(text)
        else:
            caption.append((h, text))
    for c in columns:
        # words broken over two header lines: "Share- holders'" → "Shareholders'"
        c.header = re.sub(r"(\w)- (\w)", r"\1\2", " ".join(texts[c.index]))
    by_line: dict[int, list[str]] = {}
    for h, text in sorted(caption, key=lambda x: x[0]):
        by_line.setdefault(h, []).append(text)
    return "\n".join(" ".join(words) for words in by_line.values())

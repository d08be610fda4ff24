"""Whether what was found can be converted: statements present and whole, dated columns, amounts the
arithmetic carries exactly. Each refusal is one clear error naming the file and line."""
from __future__ import annotations

import re

from edgar2xbrl.errors import AmountTooLong, CutOff, NoStatements, UndatedStatements
from edgar2xbrl.model import Statement
from edgar2xbrl.tables.statements import TITLES


_BY_REFERENCE = re.compile(
    r"financial\s+statements.{0,400}annual\s+report\s+to\s+(share|stock)holders.{0,400}incorporated\s+(herein\s+)?"
    r"by\s+reference", re.I)


def by_reference(lines: list[str]) -> list[tuple[int, str]]:
    """(line index, sentence) where the text says the financial statements are incorporated by reference from the
    annual report; a sentence wrapped over lines is read across them (up to 8 lines, not past a blank one)."""
    out: list[tuple[int, str]] = []
    for k, line in enumerate(lines):
        if not re.search(r"financial\s+statements", line, re.I):
            continue
        window = [line]
        for nxt in lines[k + 1:k + 8]:
            if not nxt.strip():
                break
            window.append(nxt)
        text = " ".join(x.strip() for x in window)
        m = _BY_REFERENCE.search(text)
        if m and m.start() < len(line.strip()):
            out.append((k, text[m.start():m.end()]))
    return out


def usable_statements(layout, filing, docs, path: str) -> list[Statement]:
    """Refuse a filing with no statements or a statement cut off; set aside (and return) undated statements."""
    if not layout.statements:
        # a 10-K whose Item 8 points to the annual report (Exhibit 13) filed as another document; the Item 8
        # sentence itself (it names the auditor's report) is the line to show
        hits = by_reference(filing.lines)
        hits.sort(key=lambda h: not re.search(r"independent|supplementary\s+data|item\s*8", filing.lines[h[0]], re.I))
        if hits:
            k = hits[0][0]
            raise NoStatements("no financial statements found: the filing incorporates them by reference from "
                                  "the annual report to shareholders, which is not part of this file (convert the "
                                  "submission that holds Exhibit 13)", path,
                                  filing.line_map[k] if filing.line_map else k + 1)
        raise NoStatements("no financial statements found (no balance sheet, statement of operations, "
                              "stockholders' equity or cash flows with numbers under its heading)", path)
    lines = filing.lines
    for st in layout.statements:
        last = st.tables[-1]
        doc = next(d for d in docs if d.start <= last.start_line - 1 < d.end)
        tail = any(ln.strip() and not re.match(r"\s*</?(TEXT|DOCUMENT|PAGE)>", ln, re.I)
                   for ln in map(lines.__getitem__, range(last.end_line, doc.end)))  # stops at the first text
        if not last.markup and not tail and not filing.line_map:  # (rendered HTML tables are closed by their markup)
            raise CutOff(f"the {TITLES[st.kind].lower()} is cut off: the text ends inside its table",
                                  path, last.end_line)
        cut = filing.cut_table_line
        if cut and filing.line_map and 0 < last.end_line <= len(filing.line_map) and filing.line_map[last.end_line - 1] >= cut:
            raise CutOff(f"the {TITLES[st.kind].lower()} is cut off: the HTML ends inside its table (the "
                                  f"<TABLE> at line {cut} is never closed)", path, cut)
    # a statement whose columns carry no dates cannot be tagged: it is reported, the others are converted
    undated = [st for st in layout.statements if st.kind != "equity" and not any(c.period for c in st.columns)]
    if undated and len(undated) == len(layout.statements):
        st = undated[0]
        raise UndatedStatements(f"the {TITLES[st.kind].lower()} has no dates over its columns", path,
                              st.tables[0].start_line)
    layout.statements = [st for st in layout.statements if st not in undated]
    return undated


MAX_DIGITS = 18  # with a scale of up to 10^9, sums of such amounts stay inside Decimal's 28 digits: nothing rounds


def check_digits(layout, filing, path: str) -> None:
    """Refuse an amount with more digits than the arithmetic carries exactly (it would be rounded, silently)."""
    tables = list(layout.statements) + [st for _, st in layout.note_tables]
    for st in tables:
        for r in st.rows:
            for c in r.cells:
                if c is not None and c.value is not None and len(c.value.as_tuple().digits) > MAX_DIGITS:
                    line = filing.line_map[r.line - 1] if filing.line_map and 0 < r.line <= len(filing.line_map) \
                        else r.line
                    raise AmountTooLong(f"the amount {c.text[:60]!r} has {len(c.value.as_tuple().digits)} digits, "
                                          f"more than the {MAX_DIGITS} the converter carries exactly (it would be "
                                          "rounded)", path, line)

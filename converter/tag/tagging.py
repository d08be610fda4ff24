"""The taggers run over a filing's layout: its statements, its notes (text blocks, tables, measure tables,
segments) and the legal proceedings' amounts; what cannot be tagged is listed with the reason."""
from __future__ import annotations

import re

from edgar2xbrl.tag.builder import Builder
from edgar2xbrl.xbrl_report import Untagged
from edgar2xbrl.tag.equity import build_equity, build_equity_rollforward
from edgar2xbrl.tag.labels import camel
from edgar2xbrl.model import Period, Statement
from edgar2xbrl.tag.notes import build_measure_table, build_text_blocks, is_measure_table, prose_facts
from edgar2xbrl.tag.parenthetical import build_parentheticals
from edgar2xbrl.check.rules import FUTURE_DAYS
from edgar2xbrl.tag.segments import parent_breakdown, segment_breakdown
from edgar2xbrl.tables.statements import TITLES


def tag_statements(b: Builder, layout) -> None:
    order = 2  # the cover is 1
    for st in layout.statements:
        role = camel(st.title)[:60] or camel(TITLES[st.kind])
        # columns of periods roll each component forward; columns that all take the one period a heading spanning
        # them names ("For the Years Ended December 31, 1999, 2000 and 2001" over "Capital Stock", "Retained
        # Earnings") are the components, the years printed down the page
        if st.kind == "equity" and any(c.period for c in st.columns) and \
                (len(st.columns) == 1 or len({c.period for c in st.columns if c.period}) > 1):
            build_equity_rollforward(b, st, order, role, st.title)
        elif st.kind == "equity":
            build_equity(b, st, order, role, st.title)
        else:
            b.build_statement(st, order, role, st.title)
        order += 1
        if st.kind == "balance_sheet":
            if build_parentheticals(b, st, order, role + "Parenthetical", st.title + " (Parenthetical)"):
                order += 1


def tag_notes(b: Builder, layout, doc_period: Period, path: str) -> None:
    build_text_blocks(b, layout.notes, doc_period, 100)
    order = 200
    for note, st in layout.note_tables:
        title = f"Note {note.number} - {note.title} (Details)"
        role = f"Note{note.number}{camel(note.title)[:40]}Details"
        if not any(c.period for c in st.columns):
            list_all(b, st, title, "the note table's columns carry no dates")
            continue
        if b.report_end is not None and all(c.period is None or (c.period.end - b.report_end).days > FUTURE_DAYS
                                            for c in st.columns):
            list_all(b, st, title, f"every column ends after the report's period ({b.report_end}): amounts "
                      "expected or due in future years, not facts of a period")
            continue
        if is_measure_table(st):
            build_measure_table(b, note, st, order, role, title)
        else:
            b.build_statement(st, order, role, title, group="Disclosure",
                              breakdown=segment_breakdown(b, st, title) or parent_breakdown(st, title))
        order += 1
    for note in layout.notes:
        net = prose_facts(b, note.text, note.start_line, f"Note {note.number} - {note.title}", doc_period)
        if net:
            net.order, net.role_id = order, f"Note{note.number}{camel(note.title)[:40]}Narrative"
            b.add_network(net)
            order += 1


def list_overflow(b: Builder, layout) -> None:
    """Amounts that fell into a column another amount of their row holds: listed as not tagged, with the reason."""
    tables = [(st.title, st) for st in layout.statements]
    tables += [(f"Note {note.number} - {note.title} (Details)", st) for note, st in layout.note_tables]
    for title, st in tables:
        for r in st.rows:
            for c in r.overflow:
                b.record_untagged(Untagged(f"{b.path}:{c.line or r.line}", title, r.label, c.text,
                                           "two amounts of the row fell into one column (the columns do not line "
                                           "up): not told apart"))


def list_all(b: Builder, st: Statement, title: str, reason: str) -> None:
    for r in st.rows:
        for c in r.cells:
            if c is not None:
                b.record_untagged(Untagged(f"{b.path}:{c.line or r.line}", title, r.label, c.text, reason))


def list_undated(b: Builder, undated: list[Statement]) -> None:
    for st in undated:
        list_all(b, st, st.title, "the statement's columns carry no dates the converter can read "
                 f"(headers: {', '.join(repr(col.header) for col in st.columns)})")


def tag_legal_proceedings(b: Builder, lines, docs, layout, doc_period: Period) -> None:
    """"Item 1. Legal Proceedings" printed after the notes (a 10-Q's Part II): its text block and figures."""
    legal = legal_proceedings(lines, docs, layout)
    if legal:
        net = prose_facts(b, legal[1], legal[0], "Part II Item 1 - Legal Proceedings", doc_period)
        if net:
            net.order = 300
            b.add_network(net)


def legal_proceedings(lines, docs, layout):
    zone_end = layout.notes_zone[1] if layout.notes_zone else 0
    for doc in docs:
        for i in range(max(doc.start, zone_end), doc.end):
            if re.match(r"^\s*ITEM\s+1\.?\s*[-:.]?\s*LEGAL\s+PROCEEDINGS\s*$", lines[i], re.I):
                j = i + 1
                while j < doc.end and not re.match(r"^\s*ITEM\s+\d", lines[j], re.I):
                    j += 1
                return i + 1, "\n".join(lines[i + 1:j])
    return None

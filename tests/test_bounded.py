"""Bounded work: no regular expression that backtracks badly, no stage quadratic in a table's width (each hot
pattern and stage is run on inputs of 10^5 characters)."""
import importlib
import pkgutil
import re
import time

import pytest

import edgar2xbrl
from edgar2xbrl.read.html import MAX_COLSPAN, MAX_ROWSPAN, _span, render
from edgar2xbrl.tables.layout import parse_table, split_line
from edgar2xbrl.tables.statements import _INDEX_LINE, statement_kind

N = 100_000
HOSTILE = {
    "spaces": " " * N, "tabs": "\t" * N, "newlines": " \n" * (N // 2), "letters": "a" * N, "words": "a " * (N // 2),
    "digits": "1" * N, "numbers": "1 " * (N // 2), "spaced numbers": "  1" * (N // 3) + "x", "commas": "1," * (N // 2),
    "parens": "(" * N, "dashes": "-" * N, "caps": "A " * (N // 2),
    # a date's start, then nothing but spaces (a pattern that allows spaces on both sides of an optional comma
    # tries every split: found by benchmarks/fuzz.py, 118 s on a 421 KB filing)
    "date then spaces": "December 31" + " " * N + "x", "dollar then digits": "$" + "1" * N,
    "dollar digits": "$1" * (N // 2), "dates then spaces": ("Dec 31" + " " * 1000) * (N // 1000),
}


def _patterns():
    seen = {}
    for m in pkgutil.walk_packages(edgar2xbrl.__path__, "edgar2xbrl."):  # the stage folders' modules too
        mod = importlib.import_module(m.name)
        for name, val in vars(mod).items():
            if isinstance(val, re.Pattern) and id(val) not in seen:
                seen[id(val)] = (f"{m.name.rpartition('.')[2]}.{name}", val)
    return sorted(seen.values(), key=lambda x: x[0])


@pytest.mark.parametrize("name,rx", _patterns(), ids=[n for n, _ in _patterns()])
def test_no_pattern_backtracks_on_long_runs(name, rx):
    for what, text in HOSTILE.items():
        if isinstance(rx.pattern, bytes):  # a pattern over raw file bytes (batch reads headers as bytes)
            text = text.encode("utf-8", "replace")
        t = time.perf_counter()
        rx.search(text)
        rx.sub(b" " if isinstance(rx.pattern, bytes) else " ", text)
        assert time.perf_counter() - t < 1.0, f"{name} on {N:,} {what}"


def test_index_line_reads_like_its_regular_expression():
    rx = re.compile(r"\s{2,}\d{1,3}\s*$")
    samples = ["Balance Sheets    3", "Balance Sheets 3", "x  12  ", "x  1234", "  123", " 1", "", "   ", "x\t\t9\n",
               "Notes   \u0661\u0662", "a  12b", "x  ", "12", "x  1 2", "x\u2003\u20037"]
    for s in samples:
        assert bool(rx.search(s)) == _INDEX_LINE.search(s), repr(s)
    t = time.perf_counter()
    assert not _INDEX_LINE.search(" " * N + "x")
    assert not statement_kind("BALANCE SHEETS" + " " * N + "x")  # 33 s at 40,000 spaces before
    assert time.perf_counter() - t < 1.0


def test_spans_are_capped_as_browsers_cap_them():
    assert _span("99999999999999999999", MAX_COLSPAN) == 1000
    assert _span("2000000000", MAX_ROWSPAN) == 65534
    assert _span("3", MAX_COLSPAN) == 3 and _span(None, MAX_COLSPAN) == 1 and _span("x", MAX_COLSPAN) == 1
    assert _span("0", MAX_COLSPAN) == 1 and _span(" 2abc", MAX_COLSPAN) == 2 and _span("-4", MAX_COLSPAN) == 1


def test_huge_colspan_and_rowspan_cost_nothing():
    html = ("<html><body><p>BALANCE SHEETS</p><table>"
            '<tr><td></td><td colspan="2000000000" rowspan="2000000000">September 30, 2004</td><td>June 30, 2004</td></tr>'
            + "<tr><td>Cash</td><td>1,234</td><td>1,000</td></tr>" * 2000 + "</table></body></html>")
    t = time.perf_counter()
    lines, _ = render(html)
    assert time.perf_counter() - t < 5.0
    assert any("Cash" in ln for ln in lines)


@pytest.mark.parametrize("cols", [2000, 10000])
def test_wide_html_table_is_linear(cols):
    row = lambda cells: "<tr><td>Label</td>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
    html = ("<html><body><p>BALANCE SHEETS</p><table>" + row(["September 30, 2004"] * cols) +
            row(["1,234"] * cols) + row(["5,678"] * cols) + "</table></body></html>")
    remarks = []
    t = time.perf_counter()
    lines, _ = render(html, remarks)
    assert time.perf_counter() - t < 5.0
    if cols > 2000:
        assert remarks and "wider than" in remarks[0]


def test_wide_text_table_is_linear():
    header = " " * 40 + "".join(f"{2004 - k % 2:>12}" for k in range(5000))
    body = ["Cash" + " " * 36 + "".join(f"{k:>12,}" for k in range(1000, 6000)),
            "Total" + " " * 35 + "".join(f"{k:>12,}" for k in range(2000, 7000))]
    lines = [header, ""] + body
    assert len(body[0]) > 50_000
    t = time.perf_counter()
    table = parse_table(lines, [0], [2, 3], 1)
    assert time.perf_counter() - t < 5.0
    assert table is not None and len(table.columns) == 5000


def test_long_line_of_numbers_splits_in_linear_time():
    t = time.perf_counter()
    sp = split_line("Label" + "  1,234" * (N // 7))
    assert time.perf_counter() - t < 2.0
    assert len(sp.cells) == N // 7


def test_cells_left_open_around_the_rest_of_the_document_are_linear():
    # damaged markup (a duplicated span, found by benchmarks/fuzz.py: 177 s on a 3 MB filing): every cell holds
    # the rest of the document, tables inside it, so each nested cell's text would be read again and again
    html = "<html><body><p>x</p>" + "".join("<table><tr><td>cell %d\n%s" % (k, "word\n" * 8000)
                                             for k in range(240)) + "</body></html>"  # 22 s before the cap
    t = time.perf_counter()
    lines, _ = render(html)
    assert time.perf_counter() - t < 5.0
    assert any(ln.startswith("cell 0 word") for ln in lines)

"""Statements printed one under the other in one table, each under its own line of years, are read apart."""
from edgar2xbrl.read.source import Document
from edgar2xbrl.tables.tables import find_tables

PARTS = """\
Parent company - statements of income
Year ended December 31, (in millions)              2005        2004        2003
Dividends from subsidiaries                      $2,361      $1,208      $2,436
Interest income                                     209         137         130
Net income                                       $8,483      $4,466      $6,719

Parent company - balance sheets
December 31, (in millions)                                   2005          2004
Cash with banks                                               $461          $513
Total assets                                              $215,592      $206,639
"""


def _tables(text):
    lines = text.splitlines()
    return find_tables(lines, [Document(type="", start=0, end=len(lines))])


def _values(t):
    return {r.label: [c.text if c else None for c in r.cells] for r in t.rows}


def test_a_line_of_years_after_date_words_starts_a_table_of_its_own():
    tables = _tables(PARTS)
    assert len(tables) == 2
    assert _values(tables[0])["Dividends from subsidiaries"] == ["$2,361", "$1,208", "$2,436"]
    assert _values(tables[1])["Total assets"] == ["$215,592", "$206,639"]
    assert "balance sheets" in tables[1].title


def test_the_same_inside_table_markup():
    lines = ["<TABLE>"] + PARTS.splitlines() + ["</TABLE>"]
    tables = find_tables(lines, [Document(type="", start=0, end=len(lines))])
    assert len(tables) == 2
    assert _values(tables[0])["Net income"] == ["$8,483", "$4,466", "$6,719"]
    assert _values(tables[1])["Cash with banks"] == ["$461", "$513"]
    assert "balance sheets" in tables[1].title


def test_a_row_whose_label_says_more_than_dates_is_no_line_of_years():
    text = PARTS.replace("December 31, (in millions)  ", "Shares outstanding, in mill")
    assert len(_tables(text)) == 1

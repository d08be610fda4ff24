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


DETAILS = """\
Other Current Assets

                                 March 29, 2008   September 29, 2007
Vendor non-trade receivables             $2,027               $2,392
Other current assets                      1,695                  996
Total other current assets               $3,722               $3,388

Property, Plant, and Equipment

                                                   March 29, 2008   September 29, 2007
Land and buildings                                           $796                 $762
Leasehold improvements                                      1,118                1,019
Net property, plant, and equipment                         $1,914               $1,781
"""


def test_a_line_of_full_dates_under_rows_of_amounts_starts_a_table_of_its_own():
    # each table of a note of details sets its own columns where its dates fall: read as one, the second
    # table's amounts would sit under the first's columns one place to the right (its March figures dated September)
    tables = _tables(DETAILS)
    assert len(tables) == 2
    assert _values(tables[1])["Land and buildings"] == ["$796", "$762"]
    assert [c.header for c in tables[1].columns] == ["March 29, 2008", "September 29, 2007"]


NOTES_IN_A_ROW = """\
Note 3. Fixed assets
Fixed assets, at cost, consist of the following (in thousands):

                                                  June 30,    December 31,
                                                       2001           2000
Computers, equipment and software                 $ 270,593       $317,806
Fixed assets, net                                 $ 292,422       $366,416

For the three months ended June 30, 2001 and 2000, depreciation of fixed assets was $21 million and $20 million.
Note 4. Unearned Revenue
During the six months ended June 30, 2001, activity in unearned revenue was as follows (in thousands):

Balance, December 31, 2000                  $131,117
Balance, June 30, 2001                      $ 86,945
"""


def test_a_notes_heading_or_a_sentence_between_two_runs_of_amounts_ends_the_table_above():
    tables = _tables(NOTES_IN_A_ROW)
    assert len(tables) == 2
    assert "Balance, June 30, 2001" not in _values(tables[0])
    assert _values(tables[1])["Balance, June 30, 2001"] == ["$ 86,945"]


def _pages(footers, body):
    """Pages of prose, each closed by a footer line and a page break; `body` printed on the first page."""
    out = []
    for n, footer in enumerate(footers):
        out += (body.splitlines() if n == 0 else ["Some prose of the notes, page after page, goes on here."])
        out += ["", "(a) A footnote under the table, in words.", "", "", footer, "", "<PAGE>"]
    return out


ROLL = """\
Year ended December 31, (in millions)          2005        2004        2003
Balance at January 1                          $1,031      $1,378      $1,634
Other-than-temporary impairment                  (1)       (149)       (283)
Balance at December 31                          $350      $1,031      $1,378"""


def test_a_running_page_footer_is_no_row_of_the_table_above_it():
    footers = ["Acme Corp. / 2005 Annual Report    115", "116    Acme Corp. / 2005 Annual Report",
               "Acme Corp. / 2005 Annual Report    117"]
    lines = _pages(footers, ROLL)
    tables = find_tables(lines, [Document(type="", start=0, end=len(lines))])
    assert len(tables) == 1
    assert list(_values(tables[0])) == ["Balance at January 1", "Other-than-temporary impairment",
                                        "Balance at December 31"]


def test_a_line_before_one_page_break_only_is_read_as_it_stands():
    # the same words before a single break are no running footer: a row there stays a row
    lines = _pages(["Total other assets                            115"], ROLL)
    tables = find_tables(lines, [Document(type="", start=0, end=len(lines))])
    assert "Total other assets" in _values(tables[0])

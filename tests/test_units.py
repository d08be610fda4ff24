"""More stages on their own: table discovery, notes, cover, signs, equity, parentheticals, EDGAR checks."""
from datetime import date
from decimal import Decimal

from edgar2xbrl.tag.builder import Builder
from edgar2xbrl.tag.catalog import era_of, load_catalog
from edgar2xbrl.read.cover import read_cover
from edgar2xbrl.tag.equity import build_equity
from edgar2xbrl.model import Column, Period, Statement
from edgar2xbrl.tag.parenthetical import build_parentheticals
from edgar2xbrl.read.source import Document
from edgar2xbrl.tables.statements import locate, split_notes
from edgar2xbrl.tables.tables import find_tables
from edgar2xbrl.check.validate import edgar_checks

LAYOUT = """\
                          ACME CORP.
                   STATEMENTS OF CASH FLOWS
                        (In thousands)

                                            Year Ended December 31,
                                              1998          1997
                                            --------      --------
Net income                                   $   500       $   400
Depreciation                                     100            90
Increase in accounts receivable                  (50)          (20)
                                            --------      --------
Net cash provided by operating activities        550           470
                                            ========      ========

See notes.
"""


def _doc(text):
    lines = text.splitlines()
    return lines, [Document(type="", start=0, end=len(lines))]



def _built_first(text, role):
    """The builder after the first statement of `text`, a 10-K read with today's catalog."""
    lines, docs = _doc(text)
    st = locate(lines, find_tables(lines, docs), docs, "10-K").statements[0]
    b = Builder(load_catalog(), "acme", "x.txt")
    b.build_statement(st, 1, role, st.title)
    return b

def test_layout_table_found_with_its_header_and_heading():
    lines, docs = _doc(LAYOUT)
    tables = find_tables(lines, docs)
    assert len(tables) == 1
    t = tables[0]
    assert [c.header for c in t.columns] == ["Year Ended December 31, 1998", "Year Ended December 31, 1997"]
    assert [r.label for r in t.rows if r.has_values][-1] == "Net cash provided by operating activities"
    lay = locate(lines, tables, docs, "10-K")
    st = lay.statements[0]
    assert st.kind == "cash_flow" and st.scale == 3
    assert st.columns[0].period == Period(start=date(1998, 1, 1), end=date(1998, 12, 31))


def test_cash_flow_signs_follow_the_concepts():
    b = _built_first(LAYOUT, "CashFlows")
    got = {(f.concept, f.context.period.end.year): f.value for f in b.facts.values()}
    assert got[("us-gaap:IncreaseDecreaseInAccountsReceivable", 1998)] == "50000"
    assert got[("us-gaap:NetCashProvidedByUsedInOperatingActivities", 1998)] == "550000"
    calc = dict(b.networks[0].calculations)
    assert dict(calc["us-gaap:NetCashProvidedByUsedInOperatingActivities"]) == {
        "us-gaap:NetIncomeLoss": 1, "us-gaap:Depreciation": 1, "us-gaap:IncreaseDecreaseInAccountsReceivable": -1}


def test_notes_split_and_page_headers_dropped():
    text = ("NOTES TO FINANCIAL STATEMENTS\n\nNote 1   ORGANIZATION\n   We make widgets.\n\n"
            "                        3\n<PAGE>\n               ACME CORP.\n"
            "Note 2   INVENTORIES\n   Inventories are finished goods.\n")
    lines = text.splitlines()
    notes = split_notes(lines, (1, len(lines)))
    assert [(n.number, n.title) for n in notes] == [("1", "ORGANIZATION"), ("2", "INVENTORIES")]
    assert "ACME CORP." not in notes[0].text and "<PAGE>" not in notes[0].text


def test_cover_page():
    text = """\
                                  FORM 10-Q
For the quarterly period ended March 31, 1999
                        Commission file number 1-2345
                              ACME WIDGETS CORP.
             (Exact name of registrant as specified in its charter)
            Delaware                                  12-3456789
   (State or other jurisdiction of          (I.R.S. Employer Identification No.)
        1 Main Street
        Springfield, Illinois                          62701
(Address of principal executive offices)               (Zip Code)
Registrant's telephone number, including area code: (217) 555-1234
Indicate by check mark ... Yes  X    No
As of April 30, 1999, 12,345,678 shares of the registrant's common stock were outstanding.
"""
    lines = text.splitlines()
    cv = read_cover(lines, {}, 0, len(lines))
    assert (cv.form, cv.registrant, cv.file_number) == ("10-Q", "ACME WIDGETS CORP.", "1-2345")
    assert (cv.state_of_incorporation, cv.irs_number) == ("DE", "12-3456789")
    assert (cv.address, cv.city, cv.state, cv.zip) == ("1 Main Street", "Springfield", "IL", "62701")
    assert (cv.area_code, cv.phone) == ("217", "555-1234")
    assert cv.period_end == date(1999, 3, 31)
    assert (cv.shares_outstanding, cv.shares_date) == (12345678, date(1999, 4, 30))


EQUITY = """\
                         STATEMENT OF STOCKHOLDERS' EQUITY
                                  (In thousands)
<TABLE>
<CAPTION>
                                      Common     Retained
                                      Stock      Earnings      Total
<S>                                   <C>        <C>           <C>
Balance at December 31, 1997          $  100     $   500       $ 600
Net income                                --         200         200
Dividends                                 --         (50)        (50)
Balance at December 31, 1998          $  100     $   650       $ 750
</TABLE>
"""


def test_equity_matrix_members_and_signs():
    lines, docs = _doc(EQUITY)
    st = locate(lines, find_tables(lines, docs), docs, "10-K").statements[0]
    assert st.kind == "equity"
    b = Builder(load_catalog(), "acme", "x.txt")
    net = build_equity(b, st, 1, "Equity", st.title)
    assert set(net.hypercube.members) == {"us-gaap:CommonStockMember", "us-gaap:RetainedEarningsMember"}
    facts = {(f.concept, f.context.dims, str(f.context.period)): f.value for f in b.facts.values()}
    re_member = (("us-gaap:StatementEquityComponentsAxis", "us-gaap:RetainedEarningsMember"),)
    assert facts[("us-gaap:StockholdersEquity", re_member, "1998-12-31")] == "650000"
    # dividends reduce equity: the debit concept carries a positive value
    dividends = [v for (c, d, p), v in facts.items() if "Dividends" in c and d == re_member]
    assert dividends == ["50000"]
    assert all(c.ok for c in b.checks)


def test_parentheticals_from_row_labels():
    from edgar2xbrl.model import Cell, Row, Table
    cols = [Column(0, "1998", 50, period=Period(end=date(1998, 12, 31))),
            Column(1, "1997", 60, period=Period(end=date(1997, 12, 31)))]
    row = Row("Common stock, $.01 par value; authorized 10,000,000 shares; issued and outstanding "
              "4,000,000 and 3,500,000 shares", [Cell("40", Decimal(40)), Cell("35", Decimal(35))], 7)
    st = Statement("balance_sheet", "Balance Sheets", [Table([row], cols, 1, 9)], scale=3)
    b = Builder(load_catalog(), "acme", "x.txt")
    build_parentheticals(b, st, 2, "BSP", "Balance Sheets (Parenthetical)")
    got = {(f.concept, str(f.context.period)): f.value for f in b.facts.values()}
    assert got[("us-gaap:CommonStockParOrStatedValuePerShare", "1998-12-31")] == "0.01"
    assert got[("us-gaap:CommonStockSharesAuthorized", "1997-12-31")] == "10000000"


def test_edgar_checks_find_what_arelle_does_not(tmp_path):
    inst = tmp_path / "x.xml"
    inst.write_text("""<?xml version="1.0"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:dei="http://xbrl.sec.gov/dei/2024">
 <xbrli:context id="A"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">123</xbrli:identifier>
 </xbrli:entity><xbrli:period><xbrli:instant>2004-01-01</xbrli:instant></xbrli:period></xbrli:context>
 <xbrli:context id="B"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000000123</xbrli:identifier>
 </xbrli:entity><xbrli:period><xbrli:instant>2004-01-01</xbrli:instant></xbrli:period></xbrli:context>
 <dei:DocumentType contextRef="A">10-Q</dei:DocumentType>
 <dei:DocumentType contextRef="A">10-Q</dei:DocumentType>
</xbrli:xbrl>""")
    codes = {m.code for m in edgar_checks(inst)}
    assert {"EFM.6.05.01", "EFM.6.05.08", "EFM.6.05.12", "EFM.6.05.20"} <= codes


BS_COUNTS = """\
                              BALANCE SHEETS
                              (In millions)
                                                     December 31,
                                                  1999          1998
                                                --------      --------
Total assets                                    $ 1,000       $   900
Stockholders' equity:
  Common stock, $0.01 par value:
    Authorized shares -- 5,000
    Issued shares -- 460 and 456
    Outstanding shares -- 432 and 428                 4             4
  Treasury stock, at cost                          (600)         (600)
  Retained earnings                               1,596         1,496
                                                --------      --------
Total stockholders' equity                        1,000           900
"""


def test_share_counts_in_words_leave_the_amounts_in_dollars():
    b = _built_first(BS_COUNTS, "BS")
    got = {(f.concept, str(f.context.period)): f for f in b.facts.values()}
    assert got[("us-gaap:CommonStockValue", "1999-12-31")].unit == "USD"
    assert got[("us-gaap:CommonStockValue", "1999-12-31")].value == "4000000"
    assert got[("us-gaap:TreasuryStockValue", "1999-12-31")].value == "600000000"
    assert not any(f.unit == "shares" for f in b.facts.values())


def test_dashes_on_one_count_line_are_no_zero_stock_beside_the_line_that_prints_its_amount():
    # Amazon prints "—" on the issued line and the stock's amount on the outstanding line below it
    text = BS_COUNTS.replace("    Issued shares -- 460 and 456\n",
                             "    Issued shares -- 460 and 456                      --            --\n")
    b = _built_first(text, "BS")
    stock = {str(f.context.period): f.value for f in b.facts.values() if f.concept == "us-gaap:CommonStockValue"}
    assert stock == {"1999-12-31": "4000000", "1998-12-31": "4000000"}


def test_share_count_lines_under_a_caption_are_parentheticals():
    lines, docs = _doc(BS_COUNTS)
    st = locate(lines, find_tables(lines, docs), docs, "10-K").statements[0]
    b = Builder(load_catalog(), "acme", "x.txt")
    build_parentheticals(b, st, 2, "BSP", "Balance Sheets (Parenthetical)")
    got = {(f.concept, str(f.context.period)): f.value for f in b.facts.values()}
    # counts written after the word follow the table's scale (millions here)
    assert got[("us-gaap:CommonStockSharesAuthorized", "1999-12-31")] == "5000000000"
    assert got[("us-gaap:CommonStockSharesIssued", "1998-12-31")] == "456000000"
    assert got[("us-gaap:CommonStockSharesOutstanding", "1999-12-31")] == "432000000"


CF_SECTIONS = """\
                        STATEMENTS OF CASH FLOWS
                              (In millions)
                                                  Year Ended December 31,
                                                   1999          1998
                                                 --------      --------
Net income                                         $  100        $   90
Other                                                  10            10
                                                 --------      --------
Cash generated by operating activities                110           100
Purchases of property and equipment                   (30)          (20)
Other                                                  (5)           (4)
                                                 --------      --------
Cash used in investing activities                     (35)          (24)
Excess tax benefits from stock-based compensation       7             6
                                                 --------      --------
Cash generated by financing activities                  7             6
"""


def test_cash_flow_rows_take_the_concepts_of_their_section():
    b = _built_first(CF_SECTIONS, "CF")
    by_line = {}
    for f in b.facts.values():
        by_line.setdefault(int(f.source.rsplit(":", 1)[1]), f.concept)
    assert by_line[7] == "us-gaap:OtherNoncashIncomeExpense"
    assert by_line[11] == "us-gaap:PaymentsForProceedsFromOtherInvestingActivities"
    assert by_line[14] == "us-gaap:ExcessTaxBenefitFromShareBasedCompensationFinancingActivities"


def test_a_period_that_ends_before_it_starts_is_reported_not_written():
    from edgar2xbrl.model import Context, Fact
    b = Builder(load_catalog(), "acme", "x.txt")
    backwards = Context(Period(start=date(2009, 1, 1), end=date(2007, 12, 31)))
    fact = Fact("us-gaap:NetIncomeLoss", backwards, "-5", "USD", "0", source="x.txt:12",
                statement="Statements of Stockholders' Equity", printed="(5)")
    assert b.record(fact, "Net loss", 2) == "bad-period"
    assert not b.facts
    (u,) = b.untagged
    assert u.source == "x.txt:12" and u.row == "Net loss" and "2009-01-01..2007-12-31" in u.reason


def test_a_dated_statement_beats_a_larger_undated_one_of_its_kind():
    guarantor = """\
                     CONDENSED CONSOLIDATING BALANCE SHEETS
                                   Parent      Guarantors    Eliminations   Consolidated
Cash                                  100          200           -               300
Receivables                           400          500           -               900
Inventories                           10           20            -                30
Investments in subsidiaries           700           -          (700)              -
Total assets                        1,210          720         (700)            1,230
"""
    lines, docs = _doc(BS_COUNTS + "\n\n\n<PAGE>\n" + guarantor)
    layout = locate(lines, find_tables(lines, docs), docs, "10-K")
    (st,) = [s for s in layout.statements if s.kind == "balance_sheet"]
    assert st.tables[0].start_line < 20 and any(c.period for c in st.columns)
    assert any("carry no dates" in why for t, why in layout.skipped if t.start_line > 20)


def test_a_centred_section_caption_does_not_cut_off_the_column_headers():
    text = """\
                              ACME CORP.
                      CONSOLIDATED BALANCE SHEETS
                                                                    May 31,
                                                             2006             2005
                                                                (In millions)
                                                                   ASSETS
Current assets:
Cash and equivalents                                         $954.2         $1,388.1
Short-term investments                                      1,348.8            436.6
Total current assets                                        2,303.0          1,824.7
"""
    lines, docs = _doc(text)
    (t,) = find_tables(lines, docs)
    assert [c.header for c in t.columns] == ["May 31, 2006", "2005"]
    st = locate(lines, [t], docs, "10-K").statements[0]
    assert [str(c.period) for c in st.columns] == ["2006-05-31", "2005-05-31"]


def test_selected_data_captions_are_not_statement_headings():
    from edgar2xbrl.tables.statements import statement_kind
    assert statement_kind("Statements of Operations Data:") is None
    assert statement_kind("Balance Sheet Data") is None
    assert statement_kind("CONSOLIDATED STATEMENTS OF OPERATIONS") == "income"
    assert statement_kind("STATEMENTS OF STOCKHOLDERS' (DEFICIT) EQUITY AND COMPREHENSIVE LOSS") == "equity"


def test_column_titles_with_no_date_line_are_headers():
    text = """\
                     STATEMENTS OF STOCKHOLDERS' EQUITY
                               Common     Retained
                                Stock     Earnings       Total
Balance, December 31, 1998         10          90         100
Net income                          -          20          20
Balance, December 31, 1999         10         110         120
"""
    lines, docs = _doc(text)
    (t,) = find_tables(lines, docs)
    assert [c.header for c in t.columns] == ["Common Stock", "Retained Earnings", "Total"]


BROKEN_ROW = """\
                     STATEMENTS OF STOCKHOLDERS' EQUITY

                              Common        Common      Paid-in
                              Shares        Amount      Capital
                            ----------    ----------  ----------
Balance, January 1, 1998       1,000           10         990
Shares issued for
  services                       200            2          98
Conversion of
notes
   300
  3
297
Balance, December 31, 1998     1,500           15       1,385
                            ==========    ==========  ==========
"""


def test_row_broken_one_amount_per_line_is_set_back_on_its_line():
    # the three amounts of "Conversion of notes" fell one under another at the margin: they go, in order, to
    # the three columns the rows above and below print
    lines, docs = _doc(BROKEN_ROW)
    (t,) = find_tables(lines, docs)
    got = {r.label: [c.text for c in r.cells] for r in t.rows if r.has_values}
    assert got["Conversion of notes"] == ["300", "3", "297"]
    assert got["Balance, December 31, 1998"] == ["1,500", "15", "1,385"]
    assert len(t.columns) == 3


def test_broken_row_left_alone_when_the_count_does_not_fit():
    # two amounts for three columns: which column is empty cannot be told, so nothing is moved
    text = BROKEN_ROW.replace("   300\n", "")
    lines, docs = _doc(text)
    tables = find_tables(lines, docs)
    assert not any(r.label.endswith("notes") and r.has_values for t in tables for r in t.rows)
    assert not any(c.text == "297" for t in tables for r in t.rows for c in r.cells if c)


ACROSS_PAGES = """\
                 STATEMENTS OF STOCKHOLDERS' EQUITY

                                 Common        Common
                                 Shares        Amount
                               ----------    ----------
Balance, January 1, 1998          1,000            10
Shares issued for services          200             2
Net loss for the year
  ended December                      -             -
                               ----------    ----------
Balance, December 31, 1998        1,200            12
                               ==========    ==========
                                 (continued)
                                    5
<PAGE>
            STATEMENTS OF STOCKHOLDERS' EQUITY (Continued)

                                Paid-in     Accumulated
                                Capital       Deficit         Total
                               ----------    ----------    ----------
Balance, January 1, 1998            990          (100)          900
Issuance of shares for services      98             -           100
Net loss for the year
  ended December 31, 1998             -           (50)          (50)
                               ----------    ----------    ----------
Balance, December 31, 1998        1,088          (150)          950
                               ==========    ==========    ==========
"""


def test_statement_printed_side_by_side_over_two_pages_is_one_table():
    # the left columns on one page, the right columns on the next, the same rows on both (one worded otherwise,
    # one wrapped further): one table with five columns
    lines, docs = _doc(ACROSS_PAGES)
    (t,) = find_tables(lines, docs)
    assert [c.header for c in t.columns] == ["Common Shares", "Common Amount", "Paid-in Capital",
                                             "Accumulated Deficit", "Total"]
    got = {r.label: [c.text if c else None for c in r.cells] for r in t.rows if r.has_values}
    assert got["Balance, December 31, 1998"] == ["1,200", "12", "1,088", "(150)", "950"]
    assert got["Shares issued for services"] == ["200", "2", "98", "-", "100"]
    assert got["Net loss for the year ended December"] == ["-", "-", "-", "(50)", "(50)"]
    st = locate(lines, [t], docs, "10-K").statements[0]
    assert st.kind == "equity" and len(st.columns) == 5


def test_pages_with_the_same_column_headings_are_not_put_side_by_side():
    # headings repeated over the next page's rows: a table continued downwards, not its right-hand columns
    left, right = ACROSS_PAGES.split("<PAGE>\n")
    right = right.replace("                                Paid-in     Accumulated\n", "") \
        .replace("                                Capital       Deficit         Total\n",
                 "                                 Common        Common         Total\n"
                 "                                 Shares        Amount\n")
    lines, docs = _doc(left + "<PAGE>\n" + right)
    assert len(find_tables(lines, docs)) == 2


def test_pages_whose_rows_differ_are_not_put_side_by_side():
    text = ACROSS_PAGES.replace("Issuance of shares for services      98", "Stock options exercised            98") \
        .replace("Balance, January 1, 1998            990", "Opening balance                     990")
    lines, docs = _doc(text)
    assert len(find_tables(lines, docs)) == 2


def test_par_value_in_a_heading_does_not_make_a_share_column_dollars():
    # "Par Value $.01" names the stock: the column under it still counts shares
    from edgar2xbrl.tag.equity import _column_roles
    from edgar2xbrl.model import Table
    cols = [Column(index=0, header="Common Stock Par Value $.01 Number of shares", right=10, left=0),
            Column(index=1, header="Common Stock Par Value $.01 Amount", right=20, left=12),
            Column(index=2, header="Total", right=30, left=22)]
    st = Statement(kind="equity", title="Statement of Stockholders' Equity", scale=0,
                   tables=[Table(rows=[], columns=cols, start_line=1, end_line=1)])
    roles = _column_roles(Builder(load_catalog(), "acme", "x.txt"), st)
    assert [shares for _, shares in roles] == [True, False, False]


def test_none_issued_and_outstanding_is_zero_shares_of_both():
    text = BS_COUNTS.replace("  Common stock, $0.01 par value:\n",
                             "  Preferred stock, $0.01 par value:\n    Authorized shares -- 500\n"
                             "    Issued and outstanding shares -- none               --            --\n"
                             "  Common stock, $0.01 par value:\n")
    lines, docs = _doc(text)
    st = locate(lines, find_tables(lines, docs), docs, "10-K").statements[0]
    b = Builder(load_catalog(), "acme", "x.txt")
    build_parentheticals(b, st, 2, "BSP", "Balance Sheets (Parenthetical)")
    got = {(f.concept, str(f.context.period)): f.value for f in b.facts.values()}
    for period in ("1999-12-31", "1998-12-31"):
        assert got[("us-gaap:PreferredStockSharesIssued", period)] == "0"
        assert got[("us-gaap:PreferredStockSharesOutstanding", period)] == "0"
    assert got[("us-gaap:PreferredStockSharesAuthorized", "1999-12-31")] == "500000000"
    assert got[("us-gaap:CommonStockSharesOutstanding", "1999-12-31")] == "432000000"


EQUITY_SHARES = """\
                         STATEMENT OF STOCKHOLDERS' EQUITY
                                  (In thousands)
<TABLE>
<CAPTION>
                                         Common Stock        Retained
                                      Shares     Amount      Earnings      Total
<S>                                   <C>        <C>         <C>           <C>
Balance at December 31, 1997            1,000    $  100      $   500       $ 600
Net income                                 --        --          200         200
Repurchase of common stock                (60)       (6)         (54)        (60)
Balance at December 31, 1998              940    $   94      $   646       $ 740
</TABLE>
"""


def test_shares_bought_back_are_a_positive_count():
    lines, docs = _doc(EQUITY_SHARES)
    st = locate(lines, find_tables(lines, docs), docs, "10-K").statements[0]
    b = Builder(load_catalog(), "acme", "x.txt")
    build_equity(b, st, 1, "Equity", st.title)
    shares = [f for f in b.facts.values() if f.unit == "shares" and f.row_label.startswith("Repurchase")]
    assert shares, "the repurchase's share count is tagged"
    assert all(Decimal(f.value) == 60000 for f in shares), [(f.concept, f.value) for f in shares]


MEASURE_NOTE = """\
NOTES TO FINANCIAL STATEMENTS

NOTE 2 - MARKETABLE SECURITIES

The Company's available-for-sale securities were (in thousands):

                                                     December 31, 2009
                                     -------------------------------------------------
                                     Amortized    Unrealized    Unrealized      Fair
                                        Cost         Gains        Losses        Value
                                     ---------    ----------    ----------    -------
Corporate debt securities              $ 1,000        $ 20         $ (44)      $ 976
U.S. Treasury securities                   500           5            (1)        504
"""


def _measure(text):
    """Builder after the measure table of the one note in `text` (a 2009 filing)."""
    from edgar2xbrl.tag.notes import build_measure_table
    lines, docs = _doc(text)
    note, st = locate(lines, find_tables(lines, docs), docs, "10-K", date(2009, 12, 31)).note_tables[0]
    b = Builder(load_catalog(2009), "acme", "x.txt")
    build_measure_table(b, note, st, 1, "Note2", st.title)
    return b


def test_unrealized_losses_in_a_measure_table_are_a_positive_amount():
    from edgar2xbrl.tag.notes import build_measure_table, is_measure_table
    lines, docs = _doc(MEASURE_NOTE)
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", date(2009, 12, 31))
    note, st = lay.note_tables[0]
    assert is_measure_table(st)
    b = Builder(load_catalog(2009), "acme", "x.txt")
    build_measure_table(b, note, st, 1, "Note2", st.title)
    losses = {f.row_label: Decimal(f.value) for f in b.facts.values() if "UnrealizedLoss" in f.concept}
    assert losses == {"Corporate debt securities": 44000, "U.S. Treasury securities": 1000}, losses


def test_adjusted_cost_is_the_amortized_cost_of_securities():
    b = _measure(MEASURE_NOTE.replace("Amortized ", "Adjusted  "))
    cost = {f.concept for f in b.facts.values() if f.printed.strip("$ ") in ("1,000", "500")}
    assert cost == {"us-gaap:AvailableForSaleDebtSecuritiesAmortizedCostBasis"}, cost



def test_a_gain_or_loss_column_keeps_the_printed_sign():
    text = MEASURE_NOTE.replace("Unrealized    Unrealized", "  Gross        Unrealized").replace(
        "   Gains        Losses ", "Unrealized   Gain (Loss)")
    b = _measure(text)
    printed_loss = [f for f in b.facts.values() if f.printed.strip("$ ") == "(44)"]
    assert printed_loss and all(Decimal(f.value) < 0 or "Loss" in f.concept and "Gain" not in f.concept
                                for f in printed_loss), [(f.concept, f.value) for f in printed_loss]


EQUITY_CONVERSION = """\
                         STATEMENT OF STOCKHOLDERS' EQUITY
                                  (In thousands)
<TABLE>
<CAPTION>
                                       Preferred Stock       Common Stock
                                      Shares     Amount     Shares    Amount      Total
<S>                                   <C>        <C>        <C>       <C>         <C>
Balance at December 31, 1997              100    $  100      1,000    $  100      $ 200
Conversion of preferred stock             (100)    (100)       200       100         --
Balance at December 31, 1998               --    $   --      1,200    $  200      $ 200
</TABLE>
"""


def test_shares_converted_out_of_preferred_stock_stay_negative_in_its_column():
    lines, docs = _doc(EQUITY_CONVERSION)
    st = locate(lines, find_tables(lines, docs), docs, "10-K").statements[0]
    b = Builder(load_catalog(), "acme", "x.txt")
    build_equity(b, st, 1, "Equity", st.title)
    out = [f for f in b.facts.values() if f.row_label.startswith("Conversion") and f.unit == "shares" and
           any(m == "us-gaap:PreferredStockMember" for _, m in f.context.dims)]
    assert out and all(Decimal(f.value) < 0 for f in out), [(f.concept, f.value) for f in out]



def test_a_row_deducted_in_a_measure_table_is_a_positive_amount():
    text = MEASURE_NOTE + "Less: Long-term marketable securities       (300)          (2)            --       (298)\n"
    b = _measure(text)
    less = {f.concept: Decimal(f.value) for f in b.facts.values() if f.row_label.startswith("Less")}
    assert less.get("us-gaap:AvailableForSaleSecuritiesDebtSecurities") == 298000, less


SCALE_BY_FIGURES = """\
                          ACME CORP.
                    INCOME STATEMENTS
            (In millions, except earnings per share)

                                              Year Ended June 30
                                              1997          1998
                                            --------      --------
Revenue                                      $11,358       $14,484
Operating expenses                             6,487         8,070
                                            --------      --------
Income before income taxes                     4,871         6,414
Provision for income taxes                     1,860         2,627
                                            --------      --------
Net income                                   $ 3,011       $ 3,787
                                            ========      ========

<PAGE>

NOTES TO FINANCIAL STATEMENTS

INCOME TAXES

The provision for income taxes consisted of:

                                              1997          1998
                                            --------      --------
Current taxes                                  1,600         2,400
Deferred taxes                                   260           227
                                            --------      --------
Provision for income taxes                     1,860         2,627
                                            ========      ========

STOCK OPTIONS

Options outstanding were:

                                              1997          1998
                                            --------      --------
Options granted                                  125           130
Options exercised                                 40            45
"""


def test_a_note_table_with_no_scale_phrase_takes_the_scale_of_the_statement_whose_figures_it_repeats():
    lines, docs = _doc(SCALE_BY_FIGURES)
    lay = locate(lines, find_tables(lines, docs), docs, "10-K")
    assert [st.scale for st in lay.statements] == [6]
    scales = {note.title.split()[0].upper(): st.scale for note, st in lay.note_tables}
    assert scales.get("INCOME") == 6, scales  # repeats 1,860 and 2,627 of the income statement
    assert scales.get("STOCK") == 0, scales  # repeats nothing: as printed


SLASH_DATES = """\
                          ACME CORP.
NOTES TO CONDENSED CONSOLIDATED FINANCIAL STATEMENTS

NOTE 2 - DEBENTURES

The Debentures were converted in the three month period ended December 26, 1998. On April 14, 1999, the
Company called them for redemption.

NOTE 3 - CONSOLIDATED FINANCIAL STATEMENT DETAILS (IN MILLIONS)

     INVENTORIES
                                                       1/1/00          9/25/99
                                                       ------          -------
    Purchased parts                                    $    5          $     4
    Finished goods                                         10               13
                                                       ------          -------
    Total inventories                                  $   15          $    20
"""


def test_a_column_dated_m_d_yy_is_dated_by_its_header_not_by_the_prose_above():
    lines, docs = _doc(SLASH_DATES)
    lay = locate(lines, find_tables(lines, docs), docs, "10-Q", date(2000, 1, 1))
    [(note, st)] = [(n, s) for n, s in lay.note_tables if "INVENTORIES" in (s.tables[0].title.upper() + n.title.upper())
                    or n.number == "3"]
    assert [c.period.end for c in st.columns] == [date(2000, 1, 1), date(1999, 9, 25)]


EQUITY_SHARE_SCALE = """\
                CONSOLIDATED STATEMENTS OF SHAREHOLDERS' EQUITY

               (IN MILLIONS, EXCEPT SHARE AND PER SHARE AMOUNTS)

                                       COMMON STOCK
                                 -------------------------   RETAINED        TOTAL
                                     SHARES        AMOUNT    EARNINGS       EQUITY
                                 --------------   --------   --------     --------
                                 (IN THOUSANDS)
Balances as of September 27, 1996    124,497        $  439    $ 1,634      $ 2,073
  Net income                              --            --        601          601
                                     -------        ------    -------      -------
Balances as of September 25, 1997    124,497        $  439    $ 2,235      $ 2,674
"""


def test_a_scale_printed_under_the_share_columns_counts_the_shares_not_the_amounts():
    lines, docs = _doc(EQUITY_SHARE_SCALE)
    lay = locate(lines, find_tables(lines, docs), docs, "10-K")
    [st] = lay.statements
    assert st.kind == "equity" and (st.scale, st.share_scale) == (6, 3)


EQUITY_SHARES_HEADED = """\
                Consolidated Statements of Shareholders' Equity

               (Dollars in millions, except per share amounts)

                                                                        Total
                             Common Stock                              Share-
                            Shares              Retained             holders'
                      (in Thousands)  Amount    Earnings     Other     Equity

Balance at September 25,
 1992                       118,479   $  282    $ 1,905     $  --     $ 2,187
Net income                       --       --        424        --         424
Balance at September 24,
 1993                       118,479   $  282    $ 2,329     $  --     $ 2,611
"""


def test_a_scale_over_the_share_column_alone_scales_the_shares():
    from edgar2xbrl.tag.labels import camel
    from edgar2xbrl.tables.statements import row_scale
    lines, docs = _doc(EQUITY_SHARES_HEADED)
    lay = locate(lines, find_tables(lines, docs), docs, "10-K")
    [st] = lay.statements
    assert (st.scale, st.share_scale) == (6, 3)
    assert st.columns[0].header.endswith("(in Thousands)")
    # how amounts are printed is no part of a name; billions are a scale too
    assert camel("Net income (in millions)") == "NetIncome"
    assert row_scale("Retained interests (in billions)") == 9


PROSE_DATES = """\
                          ACME CORP.
NOTES TO CONDENSED CONSOLIDATED FINANCIAL STATEMENTS

NOTE 5 - SHAREHOLDERS' EQUITY

On April 20, 2000, the Board granted options. A summary of the Company's stock option activity for the
nine-month period ended July 1, 2000, follows (option amounts are presented in thousands):

                                                              NUMBER OF      WEIGHTED-AVERAGE
                                                              OPTIONS         EXERCISE PRICE
                                                              -------         --------------
Options outstanding at 9/25/99............................     36,808              $13.19
   Granted..............................................       44,002              $46.27
   Exercised............................................       (4,527)             $ 9.05
                                                               ------
Options outstanding at 7/1/00...........................       76,283              $32.84
"""


def test_dates_in_the_prose_above_a_table_never_date_its_measure_columns():
    lines, docs = _doc(PROSE_DATES)
    lay = locate(lines, find_tables(lines, docs), docs, "10-Q", date(2000, 7, 1))
    [(note, st)] = lay.note_tables
    # "April 20, 2000" and "July 1, 2000" of the sentence are not the dates of "Number of options" and "Price"
    assert [c.period for c in st.columns] != [Period(end=date(2000, 4, 20)), Period(end=date(2000, 7, 1))]
    assert not any(c.period == Period(end=date(2000, 4, 20)) for c in st.columns)


HEADING_SPAN = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 1 - SUMMARY OF SIGNIFICANT ACCOUNTING POLICIES

The following table sets forth the computation of basic earnings per share (in thousands, except net income and
per share amounts):

FOR THE YEARS ENDED                          SEPTEMBER 25, 1999   SEPTEMBER 25, 1998
- -------------------                          ------------------   ------------------
Numerator (in millions):
  Net income                                      $    601             $    309
Denominator:
  Weighted-average shares outstanding              143,157              131,974
"""


def test_a_span_at_the_margin_of_the_headers_makes_the_dated_columns_years_for_flows():
    lines, docs = _doc(HEADING_SPAN)
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", date(1999, 9, 25))
    [(note, st)] = lay.note_tables
    assert [c.period for c in st.columns] == [Period(end=date(1999, 9, 25)), Period(end=date(1998, 9, 25))]
    assert all(c.year_period is not None and c.year_period.end == c.period.end and
               360 <= (c.year_period.end - c.year_period.start).days <= 366 for c in st.columns)


def _parenthetical_facts(label, scale=3, share_scale=None, years=(1998, 1997)):
    from edgar2xbrl.model import Cell, Row, Table
    cols = [Column(k, str(y), 50 + 10 * k, period=Period(end=date(y, 12, 31))) for k, y in enumerate(years)]
    row = Row(label, [Cell("40", Decimal(40)), Cell("35", Decimal(35))][:len(cols)], 7)
    st = Statement("balance_sheet", "Balance Sheets", [Table([row], cols, 1, 9)], scale=scale,
                   share_scale=scale if share_scale is None else share_scale)
    b = Builder(load_catalog(), "acme", "x.txt")
    build_parentheticals(b, st, 2, "BSP", "Balance Sheets (Parenthetical)")
    return {(f.concept.split(":")[1], str(f.context.period)): f.value for f in b.facts.values()}


def test_authorized_and_issued_counts_each_take_their_own_number_and_year():
    got = _parenthetical_facts("Common stock, $.001 par value; 100,000,000 shares authorized, 1,244,902 shares issued",
                               share_scale=0)
    assert got[("CommonStockSharesAuthorized", "1998-12-31")] == "100000000"  # not the issued count after it
    assert got[("CommonStockSharesIssued", "1998-12-31")] == "1244902"
    # counts under "(in millions)" printed small are millions; one count per year, in the columns' order
    got = _parenthetical_facts("Common Stock, no par value, 750 shares authorized; 459 shares and 499 shares issued "
                               "in 2008 and 2007, respectively", scale=6, years=(2008, 2007))
    assert got[("CommonStockSharesAuthorized", "2008-12-31")] == "750000000"
    assert (got[("CommonStockSharesIssued", "2008-12-31")], got[("CommonStockSharesIssued", "2007-12-31")]) == \
        ("459000000", "499000000")
    # each count with its year after it
    got = _parenthetical_facts("Common stock, $0.10 par value; Shares authorized: 600,000,000 in 2005 and 2004; "
                               "Shares issued: 302,668,973 in 2005 and 297,796,197 in 2004; Shares outstanding: "
                               "271,437,103 in 2005 and 274,159,411 in 2004", scale=6, share_scale=0,
                               years=(2005, 2004))
    assert got[("CommonStockSharesIssued", "2004-12-31")] == "297796197"
    assert got[("CommonStockSharesOutstanding", "2005-12-31")] == "271437103"
    assert got[("CommonStockSharesOutstanding", "2004-12-31")] == "274159411"
    # each count with its year before it
    got = _parenthetical_facts("Capital stock, par value $.50 per share - shares authorized: 1,875,000,000 "
                               "shares issued: 1997 - 969,015,351; 1996 - 1,018,141,084", scale=6, share_scale=0,
                               years=(1997, 1996))
    assert got[("CommonStockSharesIssued", "1997-12-31")] == "969015351"
    assert got[("CommonStockSharesIssued", "1996-12-31")] == "1018141084"
    # two counts and one date after them: the columns' order, not the date's
    got = _parenthetical_facts("Common stock ($.01 par value, 50,000,000 shares authorized, 23,321,045 and "
                               "23,020,845 shares issued and outstanding at December 31, 1998, and 1997 "
                               "respectively)", share_scale=0)
    assert got[("CommonStockSharesIssued", "1997-12-31")] == "23020845"
    # two counts before "authorized", each date's in turn; a count of none is a count
    got = _parenthetical_facts("Common stock; $0.001 par value; 2,000,000,000 and 106,666,667 shares authorized as of "
                               "December 31, 1998 and 1997, respectively; 0 and 7,284,200 shares issued and "
                               "outstanding as of December 31, 1998 and 1997, respectively", share_scale=0)
    assert (got[("CommonStockSharesAuthorized", "1998-12-31")], got[("CommonStockSharesAuthorized", "1997-12-31")]) \
        == ("2000000000", "106666667")
    assert (got[("CommonStockSharesIssued", "1998-12-31")], got[("CommonStockSharesIssued", "1997-12-31")]) == \
        ("0", "7284200")
    # the other date's count in parentheses after the first
    got = _parenthetical_facts("Common stock, no par value; 320,000,000 shares authorized; 133,130,984 shares issued "
                               "and outstanding at December 31, 1998 (127,949,220 shares at December 31, 1997)",
                               share_scale=0)
    assert (got[("CommonStockSharesIssued", "1998-12-31")], got[("CommonStockSharesIssued", "1997-12-31")]) == \
        ("133130984", "127949220")
    # one count after both years: the same count at both dates, never the years as counts
    got = _parenthetical_facts("Common stock, $2.50 par value; 5,000,000,000 shares authorized; shares issued 2005 "
                               "and 2004 \u2013 2,751,327,476", scale=6, share_scale=0, years=(2005, 2004))
    assert (got[("CommonStockSharesIssued", "2005-12-31")], got[("CommonStockSharesIssued", "2004-12-31")]) == \
        ("2751327476", "2751327476")


CF_LONG_SECTION = """\
                        STATEMENTS OF CASH FLOWS
                              (In millions)
                                                  Year Ended December 31,
                                                   2003          2002
                                                 --------      --------
Net earnings                                       $  700        $  500
Changes in assets and liabilities:
  Accounts receivable                                 357          (100)
  Inventories                                          20            30
  Prepaid pension expense                          (1,728)         (340)
  Accounts payable                                   (147)           60
  Accrued expenses                                     10            11
  Income taxes payable                                 12            13
  Deferred revenue                                     14            15
  Other assets                                         16            17
  Other liabilities                                    18            19
  Customer advances                                    20            21
  Accrued retiree health care                          22            23
  Accrued pension liability                            24            25
  Deferred income taxes                                26            27
  Litigation reserves                                  28            29
  Warranty reserves                                    30            31
  Environmental liabilities                            32            33
                                                 --------      --------
Net cash provided by operating activities            (567)          345
"""


def test_cash_flow_changes_keep_their_cash_effect_where_no_printed_subtotal_is_found():
    b = _built_first(CF_LONG_SECTION, "CF")
    got = {(f.concept, str(f.context.period.end)): f.value for f in b.facts.values()}
    # a fall in receivables (357 of cash in) is a negative increase; a prepaid asset that grew is a positive one
    assert got[("us-gaap:IncreaseDecreaseInAccountsReceivable", "2003-12-31")] == "-357000000"
    assert got[("us-gaap:IncreaseDecreaseInAccountsReceivable", "2002-12-31")] == "100000000"
    assert got[("us-gaap:IncreaseDecreaseInAccountsPayable", "2003-12-31")] == "-147000000"


def test_shares_in_a_cash_flow_row_are_the_dollars_paid_for_them():
    text = CF_SECTIONS.replace("Excess tax benefits from stock-based compensation       7             6",
                               "Repurchase shares of Common Stock                       7             6")
    b = _built_first(text, "CF")
    units = {f.unit for f in b.facts.values() if f.row_label.startswith("Repurchase")}
    assert units == {"USD"}


BS_BELOW_CURRENT = """\
                              BALANCE SHEETS
                              (In millions)
                                                     December 31,
                                                  2003          2002
                                                --------      --------
Cash and cash equivalents                         $ 1,000       $   900
Prepaid expenses                                      100            90
                                                --------      --------
Total current assets                                1,100           990
Prepaid pension expense                             8,542         6,671
                                                --------      --------
Total assets                                      $ 9,642       $ 7,661
                                                ========      ========
Accounts payable                                  $ 2,000       $ 1,000
                                                --------      --------
Total current liabilities                           2,000         1,000
Deferred income taxes                                 642           661
Retained earnings                                   7,000         6,000
                                                --------      --------
Total liabilities and equity                      $ 9,642       $ 7,661
"""


def test_a_row_below_total_current_assets_is_not_current():
    b = _built_first(BS_BELOW_CURRENT, "BS")
    by_row = {f.row_label: f.concept for f in b.facts.values()}
    assert by_row["Prepaid expenses"] == "us-gaap:PrepaidExpenseCurrent"
    for row in ("Prepaid pension expense", "Deferred income taxes"):
        name = by_row[row].split(":")[1]
        assert not name.endswith("Current") and "Current" not in name.replace("Noncurrent", ""), by_row[row]


INCOME_MINORITY = """\
                        STATEMENTS OF INCOME
                              (In millions)
                                                  Year Ended December 31,
                                                   2005          2004
                                                 --------      --------
Income before minority interest                   $ 10,955      $ 10,302
Minority interest                                     (478)         (455)
                                                 --------      --------
Net income                                        $ 10,477      $  9,847
"""


def test_the_minority_share_of_income_deducted_from_net_income_is_positive():
    # the noncontrolling interest's share is a debit that NetIncomeLoss subtracts (as in the official schemas)
    b = _built_first(INCOME_MINORITY, "IS")
    got = {f.value for f in b.facts.values() if f.concept == "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"}
    assert got == {"478000000", "455000000"}, got
    assert load_catalog().concepts["us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"].balance == "debit"


INCOME_FOOTNOTE = """\
                        STATEMENTS OF OPERATIONS
                              (In thousands)
                                                  Year Ended December 31,
                                                   2002          2001
                                                 --------      --------
Net sales                                         $ 3,933       $ 3,122
Operating expenses:
  Marketing                                           125           138
  General and administrative (1)                       79            89
                                                 --------      --------
Total operating expenses                              204           227
                                                 --------      --------
Net income                                        $ 3,729       $ 2,895
                                                 ========      ========
(1) Components of stock-based compensation:
  Marketing                                             4             1
  General and administrative                           17             1
                                                 --------      --------
                                                       21             2
Other comprehensive income:
  Foreign currency translation adjustments             (3)            2
"""


def test_rows_under_a_footnote_caption_take_no_concept_of_the_statement():
    b = _built_first(INCOME_FOOTNOTE, "IS")
    late = [f for f in b.facts.values() if 15 < int(f.source.rsplit(":", 1)[1]) < 21]
    # the stock-based compensation of each line, on the line's member (and its total), no concept of the statement
    assert late and {f.concept for f in late} == {"us-gaap:AllocatedShareBasedCompensationExpense"}, \
        [(f.concept, f.row_label) for f in late]
    assert {dict(f.context.dims).get("us-gaap:IncomeStatementLocationAxis") for f in late} == \
        {"us-gaap:GeneralAndAdministrativeExpenseMember", "acme:MarketingMember", None}
    assert {f.value for f in b.facts.values() if f.concept == "us-gaap:GeneralAndAdministrativeExpense"} == \
        {"79000", "89000"}
    # the statement's next caption ends the footnote
    after = {f.concept for f in b.facts.values() if f.row_label.startswith("Foreign currency")}
    assert after and not any(c.startswith("acme:") for c in after), after


def test_a_dollar_sign_two_spaces_before_its_amount_and_a_dollar_inside_parentheses_are_amounts():
    from edgar2xbrl.tables.layout import split_line
    sp = split_line(" NET LOSS                $ (311,907)   $  (455,979) ($2,915,290)")
    assert sp.label == "NET LOSS"
    assert [c.value for _, _, c in sp.cells] == [Decimal(-311907), Decimal(-455979), Decimal(-2915290)]


INCOME_SINCE_INCEPTION = """\
                        STATEMENTS OF OPERATIONS
                                                                               From Inception
                                                                              on April 1, 2003
                                           For the Years Ended                       To
                                      December 31,       December 31,        December 31,
                                          2009               2008                2009
                                      ------------       ------------       --------------
REVENUES                              $         -        $         -        $           -
OPERATING COSTS                           311,907            455,979            3,052,338
                                      ------------       ------------       --------------
NET LOSS                              $  (311,907)       $  (455,979)       $  (3,052,338)
"""


def test_a_column_from_inception_to_a_date_is_that_span():
    lines, docs = _doc(INCOME_SINCE_INCEPTION)
    st = locate(lines, find_tables(lines, docs), docs, "10-K", date(2009, 12, 31)).statements[0]
    spans = [str(c.period) for c in st.columns]
    assert spans == ["2009-01-01..2009-12-31", "2008-01-01..2008-12-31", "2003-04-01..2009-12-31"], spans


def test_net_of_in_parentheses_keeps_the_row_net():
    from edgar2xbrl.tag.mapper import core_label
    label = "Property, equipment and leasehold improvements (net of accumulated depreciation of $1,448 in 2005)"
    assert core_label(label) == "Property, equipment and leasehold improvements, net"
    assert core_label("Accounts receivable, less allowance of $5") == "Accounts receivable"


def test_goodwill_amortized_before_2002_is_no_fixed_asset_depreciation():
    got = _parenthetical_facts("Cost in Excess of Fair Value of Net Assets of Businesses Acquired, net of accumulated "
                               "amortization of $1,780,000 and $1,475,000", scale=0)
    assert not any("Accumulated" in c for c, _ in got), got
    got = _parenthetical_facts("Property, plant and equipment, net of accumulated depreciation of $5,000 and $4,000",
                               scale=0)
    assert got[("AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment", "1997-12-31")] == "4000"


INCOME_IN_CAPTION = """\
<TABLE>
<CAPTION>

                       Acme Motor Company and Subsidiaries
                        CONSOLIDATED STATEMENT OF INCOME
                        --------------------------------
              For the Years Ended December 31, 2001, 2000 and 1999
                     (in millions, except per share amounts)

                                                                                       2001           2000           1999
                                                                                   -------------   ------------   ------------
<s>                                                                                <c>             <c>            <c>
Sales                                                                              $131,528        $141,230       $135,073
Costs of sales                                                                      129,159         126,114        119,030
                                                                                   --------        --------       --------
Income/(loss) before minority interests                                               2,369          15,116         16,043
Minority interests in net income of subsidiaries                                         20             13             17
                                                                                   --------        --------       --------
Net income/(loss)                                                                  $  2,349        $15,103        $16,026
</TABLE>
"""


def test_a_statement_heading_inside_the_tables_caption_markup_names_it():
    lines, docs = _doc(INCOME_IN_CAPTION)
    lay = locate(lines, find_tables(lines, docs), docs, "10-K")
    assert [st.kind for st in lay.statements] == ["income"], lay.skipped
    st = lay.statements[0]
    assert [c.header for c in st.columns] == ["2001", "2000", "1999"]
    b = Builder(load_catalog(), "acme", "x.txt")
    b.build_statement(st, 1, "IS", st.title)
    # an amount before the minority interests' share is not that share
    before = {f.concept for f in b.facts.values() if f.row_label.startswith("Income/(loss) before")}
    assert before and "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest" not in before, before


def test_an_equity_statement_may_name_preferred_stock_before_the_equity():
    from edgar2xbrl.tables.statements import statement_kind
    assert statement_kind("Consolidated Statements of Convertible Preferred Stock and Stockholders' Equity "
                          "(Deficit)") == "equity"
    assert statement_kind("Statements of Operations and Stockholders' Equity") == "income"


EQUITY_WITH_PREFERRED_OUTSIDE = """\
          STATEMENTS OF CONVERTIBLE PREFERRED STOCK AND STOCKHOLDERS' EQUITY (DEFICIT)
                                  (In thousands)
<TABLE>
<CAPTION>
                                      Convertible                              Total
                                      Preferred    Common     Accumulated   Stockholders'
                                      Stock        Stock      Deficit       Deficit
<S>                                   <C>          <C>        <C>           <C>
Balance at December 31, 2009          $  300       $   10     $  (400)      $  (390)
Net loss                                  --           --         (50)          (50)
Conversion of preferred stock           (300)         300          --           300
Balance at December 31, 2010          $   --       $  310     $  (450)      $  (140)
</TABLE>
"""


def test_convertible_preferred_stock_beside_the_equity_is_outside_its_total():
    lines, docs = _doc(EQUITY_WITH_PREFERRED_OUTSIDE)
    st = locate(lines, find_tables(lines, docs), docs, "10-K").statements[0]
    assert st.kind == "equity"
    b = Builder(load_catalog(), "acme", "x.txt")
    build_equity(b, st, 1, "Equity", st.title)
    sums = [c for c in b.checks if c.column == "Total = sum of components"]
    assert len(sums) == 4 and all(c.ok for c in sums), sums


def test_earnings_on_which_per_share_is_calculated_in_millions_are_dollars():
    from edgar2xbrl.model import Cell, Row, Table
    from edgar2xbrl.tag.mapper import row_kind
    cols = [Column(0, "1997", 50, period=Period(end=date(1997, 12, 31)))]
    st = Statement("note", "Note R", [Table([], cols, 1, 9)], scale=0)
    row = Row("Net earnings (loss) on which diluted earnings per share is calculated (millions)",
              [Cell("6,073", Decimal(6073))], 7)
    assert row_kind(row, st) == "monetary"
    assert row_kind(Row("Diluted earnings per share", [Cell("6.01", Decimal("6.01"), places=2)], 8), st) == "perShare"


def test_a_count_corrected_to_the_number_printed_claims_its_own_digits():
    from edgar2xbrl.check.rules import _decimals_for
    assert _decimals_for("983286361", "-6") == "0"
    assert _decimals_for("983000000", "-6") == "-6"
    assert _decimals_for("12", None) is None


def test_an_average_over_the_year_is_a_flow():
    from edgar2xbrl.tag.mapper import is_flow
    assert is_flow("Average outstanding during year") and is_flow("Weighted average shares")
    assert not is_flow("Shares outstanding") and not is_flow("Accounts receivable")


def test_counts_printed_in_full_are_not_scaled_and_a_treasury_count_is_no_other_dates():
    # under "(In thousands)" a count is a count: 30,000 preferred shares, IBM-style issued counts in full
    got = _parenthetical_facts("Series B convertible preferred stock, $1,000 stated value; 30,000 shares authorized, "
                               "issued and outstanding", scale=3)
    assert got[("PreferredStockSharesAuthorized", "1998-12-31")] == "30000"
    got = _parenthetical_facts("Common stock, $1 par value; 20,000,000 shares authorized; shares issued: 1998 - "
                               "5,123,456; 1997 - 5,000,000", scale=3)
    assert got[("CommonStockSharesIssued", "1998-12-31")] == "5123456"
    got = _parenthetical_facts("Common stock, $1 par value; 50,000,000 shares authorized; 52,000,000 shares issued "
                               "(2,000,000 shares at cost held in treasury)", scale=0, share_scale=0)
    assert got[("CommonStockSharesAuthorized", "1997-12-31")] == "50000000"
    assert got[("CommonStockSharesIssued", "1997-12-31")] == "52000000"
    # a year is no count
    got = _parenthetical_facts("Common stock, $1 par value; outstanding 1998 - 40,000,000; 1997 - 39,000,000",
                               scale=0, share_scale=0)
    assert "1998" not in got.values()


CONSOLIDATING = """\
<TABLE>
<CAPTION>
                                          Parent      Guarantor    Non-Guarantor                 Consolidated
                                          Company    Subsidiaries   Subsidiaries  Eliminations       Total
                              CONDENSED CONSOLIDATING STATEMENT OF INCOME
                                      Year ended December 31, 2003
<S>                                       <C>          <C>          <C>            <C>            <C>
Net sales                                 $ 1,000      $   500      $   300        $  (100)       $ 1,700
Cost of sales                                 600          300          200           (100)         1,000
</TABLE>
"""


def test_column_headers_printed_above_a_statement_heading_stay_the_columns():
    from edgar2xbrl.tables.tables import find_tables as ft
    lines, docs = _doc(CONSOLIDATING)
    t = ft(lines, docs)[0]
    assert t.columns[0].header.startswith("Parent Company") and "Eliminations" in t.columns[3].header, \
        [c.header for c in t.columns]


def test_a_range_column_needs_an_inception_and_is_no_change_column():
    from edgar2xbrl.tables.statements import _printed_range
    assert _printed_range("Change from December 31, 2008 to December 31, 2009") is None
    r = _printed_range("Period from March 2, 1999 (date of inception) through December 31, 2004")
    assert r is not None and (str(r.start), str(r.end)) == ("1999-03-02", "2004-12-31")


def test_an_operator_inside_a_label_stays_in_the_extension_name():
    from edgar2xbrl.tag.labels import camel
    assert camel("Capital lease obligations, less current portion") == "CapitalLeaseObligationsLessCurrentPortion"
    assert camel("Less: current portion of long-term debt") == "CurrentPortionOfLongTermDebt"


def test_a_financing_row_takes_no_concept_of_no_cash_section():
    text = CF_SECTIONS.replace("Excess tax benefits from stock-based compensation       7             6",
                               "Preferred stock issued                                  7             6")
    lines, docs = _doc(text)
    st = locate(lines, find_tables(lines, docs), docs, "10-K").statements[0]
    b = Builder(load_catalog(era_of(date(1996, 12, 31))), "acme", "x.txt")
    b.build_statement(st, 1, "CF", st.title)
    got = {f.concept for f in b.facts.values() if f.row_label == "Preferred stock issued"}
    assert got and "us-gaap:StockIssued1" not in got, got


def test_an_equity_balance_dated_the_first_of_a_month_is_the_close_of_the_day_before():
    lines, docs = _doc(EQUITY.replace("Balance at December 31, 1997 ", "Balance at January 1, 1998   "))
    st = locate(lines, find_tables(lines, docs), docs, "10-K").statements[0]
    b = Builder(load_catalog(), "acme", "x.txt")
    build_equity(b, st, 1, "Equity", st.title)
    periods = {str(f.context.period) for f in b.facts.values()}
    assert "1997-12-31" in periods and "1998-01-01..1998-12-31" in periods, periods
    assert "1998-01-01" not in periods and "1998-01-02..1998-12-31" not in periods, periods


YEARS_TABLE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 7 - GOODWILL

Had goodwill not been amortized, net income and earnings per share would have been (in millions, except per
share amounts):

                                                   2002          2001
                                                  ------        ------
Net income                                        $  500        $  400
Adjusted net income had goodwill not been amortized  500           435
Basic earnings per share                          $ 1.00        $ 0.80
{extra}"""


def _years_table_periods(extra=""):
    text = YEARS_TABLE.format(extra=extra)
    lines, docs = _doc(text)
    [(note, st)] = locate(lines, find_tables(lines, docs), docs, "10-K", date(2002, 12, 31)).note_tables
    b = Builder(load_catalog(), "acme", "x.txt")
    b.build_statement(st, 200, "Note7", "Note 7 - Goodwill (Details)", group="Disclosure")
    return {f.concept: f.context.period for f in b.facts.values() if f.context.period.end.year == 2002}


def test_a_table_of_the_years_flows_dates_its_other_rows_by_the_year():
    got = _years_table_periods()
    year = Period(start=date(2002, 1, 1), end=date(2002, 12, 31))
    assert got["us-gaap:NetIncomeLoss"] == year
    # no total ties the pro forma income to an official row: the table, all of whose official rows are the
    # year's, says it is the year's too, not its last day
    assert got["acme:AdjustedNetIncomeHadGoodwillNotBeenAmortized"] == year


def test_a_balance_in_the_table_leaves_its_rows_at_the_year_end():
    got = _years_table_periods("Goodwill, end of year                                900           900\n")
    assert got["us-gaap:Goodwill"] == Period(end=date(2002, 12, 31))
    assert got["acme:AdjustedNetIncomeHadGoodwillNotBeenAmortized"] == Period(end=date(2002, 12, 31))


def test_a_rate_per_share_in_a_row_label_is_no_part_of_what_the_row_is():
    from edgar2xbrl.tag.mapper import core_label
    assert core_label("Cash dividends of $.48 per common share") == "Cash dividends on common stock"
    assert core_label("Dividends declared at $1.20 a share") == "Dividends declared"
    assert core_label("Dividends of $5 per preferred share") == "Dividends on preferred stock"
    # a par value is no rate, and goes whole
    assert core_label("Common Stock, Par Value $0.10 Per Share:") == "Common Stock"
    assert core_label("Common stock ($1.36 per share each year)") == "Common stock"


EPS_NOTE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 9 - LOSS PER SHARE

Shares used in the computation of loss per share (in thousands):

                                                   Year Ended December 31,
                                                    1999          1998
                                                  --------      --------
Weighted average shares outstanding                 152,472       120,000
Less: weighted average shares subject to repurchase  (4,300)       (2,000)
                                                  --------      --------
Shares used in computation of basic and diluted
  loss per share                                    148,172       118,000
                                                  ========      ========
"""


def _note_rows(text, end, title, reported=()):
    """The report rows of the one note table of `text`, built after the statements reported `reported`:
    ((concept, year, value, unit), ...) for the calendar years."""
    from edgar2xbrl.model import Context, Fact
    lines, docs = _doc(text)
    [(note, st)] = locate(lines, find_tables(lines, docs), docs, "10-K", end).note_tables
    b = Builder(load_catalog(), "acme", "x.txt")
    for concept, y, v, unit in reported:
        b.add_fact(Fact(concept, Context(Period(date(y, 12, 31), date(y, 1, 1))), v, unit, "-3"))
    b.build_statement(st, 200, "Note", title, group="Disclosure")
    return b.rows


def test_a_row_whose_figures_differ_from_those_reported_leaves_the_concept_to_the_row_that_prints_them():
    # the income statement reported the shares used in computing its loss per share
    rows = _note_rows(EPS_NOTE, date(1999, 12, 31), "Note 9 - Loss Per Share (Details)",
                      [("us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted", y, v, "shares")
                       for y, v in ((1999, "148172000"), (1998, "118000000"))])
    got = {r.row: r.concept for r in rows}
    assert got["Shares used in computation of basic and diluted loss per share"] == \
        "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted"
    # the gross weighted average, 152,472, is not the count reported as 148,172: no concept of the loss per share
    assert got["Weighted average shares outstanding"].startswith("acme:")


STOCK_COMPENSATION = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 5 - STOCK-BASED COMPENSATION

Stock-based compensation by the line of the statements of operations it is in (in thousands):

                                                   Year Ended December 31,
                                                    2001          2000
                                                  --------      --------
Cost of sales                                          43            10
Fulfillment                                           736           627
Technology and content                                212           150
                                                  --------      --------
                                                      991           787
                                                  ========      ========
"""


def test_a_breakdown_of_expenses_the_statements_report_otherwise_is_none_of_them():
    # the statement of operations reported the cost of sales: the note's 43 is not it
    rows = _note_rows(STOCK_COMPENSATION, date(2001, 12, 31), "Note 5 - Stock-Based Compensation (Details)",
                      [("us-gaap:CostOfGoodsAndServicesSold", y, v, "USD")
                       for y, v in ((2001, "500000"), (2000, "400000"))])
    got = {(r.row, r.period[:4]): (r.concept, r.value) for r in rows}
    # the stock compensation in the cost of sales is no cost of sales, and their sum no cost of revenue: each row
    # is the compensation charged to its line (on the line's member)
    assert got and all(c == "us-gaap:AllocatedShareBasedCompensationExpense" for c, _ in got.values()), got
    assert all(r.dimensions for r in rows if r.row == "Cost of sales"), rows
    assert abs(int(got[("Cost of sales", "2001")][1])) == 43000


def _statement_facts(text, end=date(1998, 12, 31)):
    lines, docs = _doc(text)
    st = locate(lines, find_tables(lines, docs), docs, "10-K", end).statements[0]
    b = Builder(load_catalog(), "acme", "x.txt")
    b.build_statement(st, 2, "Statement", st.title)
    return {(f.row_label.strip(), f.context.period.end.year): f.concept for f in b.facts.values()}


def test_a_bare_and_other_widens_only_to_more_of_the_same():
    text = LAYOUT.replace("Increase in accounts receivable        ", "Accounts receivable, net and other     ")
    got = _statement_facts(text)
    # "and other" with nothing named after it is more receivables, not notes receivable beside them
    assert got[("Accounts receivable, net and other", 1998)] == "us-gaap:IncreaseDecreaseInAccountsReceivable"


INCOME_WITH_EQUITY_METHOD = """\
                          ACME CORP.
                   STATEMENTS OF OPERATIONS
                        (In thousands)

                                                  Year Ended December 31,
                                                    1998          1997
                                                  --------      --------
Net sales                                          $ 5,000       $ 4,000
Cost of sales                                        3,000         2,500
                                                  --------      --------
Income before income taxes                           2,000         1,500
Provision for income taxes                             800           600
Equity-method investment activity, net of tax          (50)          (20)
                                                  --------      --------
Net income                                         $ 1,150       $   880
                                                  ========      ========
"""


def test_pretax_income_beside_the_equity_method_income_is_the_part_before_it():
    got = _statement_facts(INCOME_WITH_EQUITY_METHOD)
    assert got[("Income before income taxes", 1998)] == \
        "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments"


def test_purchases_of_read_as_payments_to_acquire_and_comprehensive_income_is_no_other_comprehensive_income():
    from edgar2xbrl.tag.labels import tokens
    from edgar2xbrl.tag.mapper import score_concept
    assert "acquire" in tokens("Purchases of marketable securities")
    assert tokens("Acquisitions of businesses")[0] == "acquire"
    cat = load_catalog()
    oci = cat.find("OtherComprehensiveIncomeLossNetOfTax")
    assert score_concept("Comprehensive income (loss)", "", oci) == 0.0
    assert score_concept("Other comprehensive income (loss)", "", oci) > 0.5


EPS_ARITHMETIC = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE R - NET EARNINGS PER SHARE OF COMMON STOCK

The computation of basic and diluted earnings per share (dollars in millions except per share amounts):

                                                         1997              1996
                                                    --------------    --------------
Number of shares on which basic earnings per share
  is calculated:
  Average outstanding during year                      983,286,361     1,056,704,188
  Add - Incremental shares under stock plans            27,648,581        23,004,716
                                                    --------------    --------------
Number of shares on which diluted earnings per
  share is calculated                                1,010,934,942     1,079,708,904
                                                    ==============    ==============
Net earnings applicable to common shareholders        $     6,073       $     5,409
                                                    ==============    ==============
Basic earnings per share                              $      6.18       $      5.12
Diluted earnings per share                            $      6.01       $      5.01
"""


def test_the_arithmetic_of_earnings_per_share_names_the_weighted_average_counts():
    lines, docs = _doc(EPS_ARITHMETIC)
    [(note, st)] = locate(lines, find_tables(lines, docs), docs, "10-K", date(1997, 12, 31)).note_tables
    b = Builder(load_catalog(), "acme", "x.txt")
    b.build_statement(st, 200, "NoteR", "Note R - Net Earnings Per Share of Common Stock (Details)", group="Disclosure")
    got = {r.row: r.concept for r in b.rows}
    # 6.18 x 983,286,361 is the 6,073 million earned, to the cent the per-share figure is rounded to; 6.01 x
    # 1,010,934,942 likewise: their words alone named no concept
    assert got["Average outstanding during year"] == "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"
    assert got["Number of shares on which diluted earnings per share is calculated"] == \
        "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"
    # the incremental shares fit neither
    assert not got["Add - Incremental shares under stock plans"].endswith(
        ("SharesOutstandingBasic", "DilutedSharesOutstanding"))


def test_a_row_whose_best_concept_is_contradicted_takes_only_a_concept_it_confirms():
    from edgar2xbrl.model import Row
    from edgar2xbrl.tag.mapper import Line, _assign
    cat = load_catalog()
    noncurrent, current, other = (cat.find(n) for n in ("LongTermDebtNoncurrent", "LongTermDebtCurrent",
                                                         "OtherLiabilitiesCurrent"))
    row = Line(0, Row("Less current portion of long-term debt", [], 5))
    said = {"LongTermDebtNoncurrent": "differs", "LongTermDebtCurrent": "same", "OtherLiabilitiesCurrent": "unknown"}
    compare = lambda ln, c: said[c.name]  # noqa: E731
    # its best reading is contradicted by the figures reported; of the others, the one that prints them is taken
    _assign([(0.9, 0, noncurrent), (0.8, 0, other), (0.7, 0, current)], [row], set(), set(), None, compare)
    assert row.concept is current
    # none confirmed: an extension, not the runner-up it need not be either
    row = Line(0, Row("Less current portion of long-term debt", [], 5))
    _assign([(0.9, 0, noncurrent), (0.8, 0, other)], [row], set(), set(), None, compare)
    assert row.concept is None


SINGLE_EPS = """\
                          ACME CORP.
                   STATEMENTS OF OPERATIONS
                 (In thousands, except per share data)

                                                  Three Months Ended June 30,
                                                    1997          1996
                                                  --------      --------
Net sales                                          $ 5,000       $ 4,000
Cost of sales                                        6,000         4,500
                                                  --------      --------
Net loss                                           $(1,000)      $  (500)
                                                  ========      ========
Net loss per share                                 $ (0.04)      $ (0.02)
                                                  ========      ========
Shares used in computation of net loss per share    23,646        22,341
                                                  ========      ========
"""


def test_the_count_beside_the_one_earnings_per_share_of_the_era_is_basic_and_diluted():
    got = _statement_facts(SINGLE_EPS, end=date(1997, 6, 30))
    assert got[("Net loss per share", 1997)] == "us-gaap:EarningsPerShareBasicAndDiluted"
    assert got[("Shares used in computation of net loss per share", 1997)] == \
        "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted"

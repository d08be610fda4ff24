"""Each stage on its own."""
from datetime import date
from decimal import Decimal

from edgar2xbrl.tables.arithmetic import find_subtotals
from edgar2xbrl.read.cover import fiscal_focus
from edgar2xbrl.tag.labels import camel, similarity, tokens
from edgar2xbrl.tables.layout import parse_table, split_line
from edgar2xbrl.tag.mapper import calc_weight, core_label
from edgar2xbrl.tag.catalog import load_catalog
from edgar2xbrl.model import Cell, Row
from edgar2xbrl.read.numbers import parse_cell
from edgar2xbrl.tables.periods import column_end_date, duration_ending, span_of
from edgar2xbrl.tables.statements import scale_of, share_scale_of, statement_kind
from edgar2xbrl.read.source import decode, parse_sgml_header


def test_parse_cell():
    assert parse_cell("$ (1,227)").value == Decimal("-1227")
    assert parse_cell("(0.03)").places == 2
    assert parse_cell("--").dash and parse_cell("--").value == 0
    assert parse_cell("Inc.") is None


def test_split_line_keeps_numbers_inside_labels():
    sp = split_line("Issuance of warrants to purchase 20,000        --     7")
    assert sp.label == "Issuance of warrants to purchase 20,000"
    assert [c.value for _, _, c in sp.cells] == [0, 7]


def test_parse_table_wraps_labels_and_reads_headers():
    lines = ["                       Three Months Ended",
             "                      2004          2003",
             "                    ------        ------",
             "Accounts receivable (less allowance",
             "  of $10)              1,041         1,342",
             "Total                  1,041         1,342"]
    t = parse_table(lines, [0, 1, 2], [3, 4, 5], 1)
    assert t.rows[0].label == "Accounts receivable (less allowance of $10)"
    assert [c.header for c in t.columns] == ["Three Months Ended 2004", "Three Months Ended 2003"]


def test_a_label_in_a_hanging_indent_is_one_row_a_caption_over_items_is_not():
    # Aeroflex's equity statement: "Treasury Stock Received / from the Employee / Stock Ownership Plan" prints
    # its amounts on the last, indented line; the next row starts back at the margin
    lines = ["                          Total     Shares",
             "                         ------    ------",
             "Retirement of Treasury",
             "  Stock                      -    (1,181)",
             "Treasury Stock Received",
             "  from the Employee",
             "  Stock Ownership Plan     (92)        58",
             "Stock Issued Upon",
             "  Exercise of Stock",
             "  Options                   64        25",
             "Current assets",
             "  Cash                     10         -",
             "  Receivables              20         -",
             "Other assets",
             "  Total other assets        5         -",
             "Net Income                 30         -"]
    t = parse_table(lines, [0, 1], list(range(2, len(lines))), 1)
    assert [r.label for r in t.rows] == ["Retirement of Treasury Stock",
                                         "Treasury Stock Received from the Employee Stock Ownership Plan",
                                         "Stock Issued Upon Exercise of Stock Options",
                                         "Current assets", "Cash", "Receivables",
                                         "Other assets", "Total other assets", "Net Income"]
    assert not t.rows[3].has_values and t.rows[4].has_values
    # a table that wraps no label in a hanging indent anywhere: the same shape is a caption over its one item
    lines = ["                          1999      1998",
             "                         ------    ------",
             "Operating income             300       250",
             "Other income (expense)",
             "  Interest expense           (50)      (40)",
             "Income before income taxes   250       210"]
    t = parse_table(lines, [0, 1], list(range(2, len(lines))), 1)
    assert [r.label for r in t.rows] == ["Operating income", "Other income (expense)", "Interest expense",
                                         "Income before income taxes"]


def test_equity_headings_over_a_closing_rule_and_a_label_wrapped_before_its_date():
    # the 24Holdings layout: group rules printed one space apart, a rule under the last heading line across the
    # whole table, and "Net loss for year ended" wrapped before the date that carries the amounts
    lines = ["                                                            TOTAL",
             "                PREFERRED STOCK     COMMON STOCK  ADDITIONAL  EQUITY",
             "               ----------------- ----------------  PAID-IN",
             "                SHARES   AMOUNT   SHARES   AMOUNT  CAPITAL    (DEFICIT)",
             "               ----------------------------------------------------------",
             "Balance           100       1      200       2       30         33",
             "Net loss for year ended",
             "December 31, 2006   -       -        -       -        -         (5)",
             "Balance           100       1      200       2       30         28"]
    t = parse_table(lines, [0, 1, 2, 3, 4], [5, 6, 7, 8], 1)
    assert [c.header for c in t.columns] == ["PREFERRED STOCK SHARES", "PREFERRED STOCK AMOUNT",
                                             "COMMON STOCK SHARES", "COMMON STOCK AMOUNT",
                                             "ADDITIONAL PAID-IN CAPITAL", "TOTAL EQUITY (DEFICIT)"]
    assert [r.label for r in t.rows] == ["Balance", "Net loss for year ended December 31, 2006", "Balance"]


def test_a_table_printed_in_two_halves_is_read_as_one():
    from edgar2xbrl.read.source import Document
    from edgar2xbrl.tables.tables import find_tables
    half = ["<CAPTION>", "{h1:>30}{h2:>12}", "<S>                <C>         <C>",
            "Balance at January 1,", " 1996..........   {a:>9}   {b:>9}", " Net loss......   {c:>9}   {d:>9}",
            "Balance at December 31,", " 1996..........   {e:>9}   {f:>9}"]
    first = dict(h1="COMMON", h2="PAID-IN", a="1,075", b="--", c="--", d="--", e="1,075", f="--")
    second = dict(h1="DEFICIT", h2="TOTAL", a="(248)", b="827", c="(6,246)", d="(6,246)", e="(6,494)", f="(5,419)")
    lines = ["<TABLE>"] + [x.format(**first) for x in half] + [""] + [x.format(**second) for x in half] + ["</TABLE>"]
    [t] = find_tables(lines, [Document("10-K", 0, len(lines))])
    assert [c.header for c in t.columns] == ["COMMON", "PAID-IN", "DEFICIT", "TOTAL"]
    assert [r.label for r in t.rows if r.has_values] == ["Balance at January 1, 1996", "Net loss",
                                                         "Balance at December 31, 1996"]
    net_loss = next(r for r in t.rows if r.label == "Net loss")
    assert [c.text for c in net_loss.cells] == ["--", "--", "(6,246)", "(6,246)"]
    # the second half's amounts say where they were printed: their own line, not the first half's
    assert net_loss.cells[2].line == net_loss.line + len(half) + 1 and net_loss.cells[0].line == 0
    # a <CAPTION> repeated over rows that continue the table (a long table over two pages) joins nothing
    cont = dict(second, a="1", b="2")
    lines2 = ["<TABLE>"] + [x.format(**first) for x in half] + [""] + \
        [x.format(**cont).replace("Net loss", "Net income") for x in half] + ["</TABLE>"]
    [t2] = find_tables(lines2, [Document("10-K", 0, len(lines2))])
    assert len(t2.columns) == 2


def test_tables_printed_one_under_the_other_each_keep_their_own_years():
    # a segment note: each table its years where they fall; read as one, the second's 2007 and 2006 amounts
    # would sit under the first's columns (2006 figures dated 2007)
    from edgar2xbrl.read.source import Document
    from edgar2xbrl.tables.tables import find_tables
    lines = ["                           Revenues",
             "                     -------------------------------",
             "                       2008        2007        2006",
             "U.S.                 $5,125      $5,197      $5,603",
             "International         3,026       3,075       2,320",
             "                     $8,151      $8,272      $7,923",
             "",
             "",
             "                          Operating Profit",
             "                     ---------------------------------------------",
             "                          2008        2007                      2006",
             "U.S.                      $694        $739                      $763",
             "International              528         480                       407",
             "                        $1,222      $1,219                    $1,170"]
    tables = find_tables(lines, [Document("10-K", 0, len(lines))])
    assert len(tables) == 2, [[c.header for c in t.columns] for t in tables]
    for t in tables:
        assert len(t.columns) == 3 and all(len([c for c in r.cells if c is not None]) == 3
                                           for r in t.rows if r.has_values)
    us = next(r for r in tables[1].rows if r.label == "U.S.")
    assert [c.text for c in us.cells] == ["$694", "$739", "$763"]
    assert [c.header.split()[-1] for c in tables[1].columns] == ["2008", "2007", "2006"]


def test_an_amount_that_falls_into_a_taken_column_is_kept_aside_not_dropped():
    lines = ["                    2004        2003",
             "Sales                100         200",
             "Costs                 50         120",
             "Other                 10    7     30",
             "Total                165         350"]
    t = parse_table(lines, [0], [1, 2, 3, 4], 1)
    other = t.rows[2]
    assert [c.text for c in other.cells] == ["10", "30"] and [c.text for c in other.overflow] == ["7"]
    assert all(not r.overflow for r in t.rows if r is not other)


def test_periods():
    assert column_end_date("September 30, 2004", "") == date(2004, 9, 30)
    assert column_end_date("1996", "Three Months Ended June 28,") == date(1996, 6, 28)
    p = duration_ending(date(2004, 9, 30), span_of("Three Months Ended"))
    assert p.start == date(2004, 7, 1)
    p = duration_ending(date(1996, 9, 27), ("months", 12))
    assert (p.end - p.start).days == 363  # 52 weeks


def test_statement_headings_and_scale():
    assert statement_kind("ACME INC.\nCONSOLIDATED BALANCE SHEETS\n(in thousands)") == "balance_sheet"
    assert statement_kind("CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS") == "cash_flow"
    assert statement_kind("STATEMENT OF STOCKHOLDERS' EQUITY") == "equity"
    assert statement_kind("Notes to Financial Statements    8") is None
    assert scale_of("(In millions, except per share amounts)") == 6
    assert share_scale_of("(in thousands, except share data)", 3) == 0
    assert share_scale_of("(in millions, except per share amounts)", 6) == 6


def test_the_scale_phrase_nearest_the_table_decides():
    # a heading's prose may speak of billions above a table printed "(in millions)"
    assert scale_of("Loans of $204.2 billion in billions were sold.\nYear ended December 31, (in millions)") == 6
    assert scale_of("(in thousands)\nAmounts in billions") == 9
    # on one line the amounts' phrase wins over the shares' one
    assert scale_of("(in millions, except per share amounts; shares in thousands)") == 6
    assert scale_of("(Dollars in\nthousands)") == 3 and scale_of("no scale here") is None


def test_subtotals_found_from_numbers():
    def row(label, *vals, rule=False):
        return Row(label, [Cell(str(v), Decimal(v)) for v in vals], 1, rule_above=rule)
    rows = [row("Revenue", 100, 90), row("Cost", 60, 50), row("Gross profit", 40, 40, rule=True),
            row("Expenses", 10, 5), row("Net income", 30, 35, rule=True)]
    assert find_subtotals(rows) == {2: [(0, 1), (1, -1)], 4: [(2, 1), (3, -1)]}


def test_a_long_sum_that_takes_several_rows_away_is_no_total_a_bare_net_row_makes_by_chance():
    # eight deferred tax assets and "Net tax credits" below them: five of them with three taken away add up to
    # the credits in both columns by chance; the total with a rule above it is the sum of all
    def row(label, *vals, rule=False):
        return Row(label, [Cell(str(v), Decimal(v)) for v in vals], 1, rule_above=rule)
    items = [row(f"Item {k}", v, w) for k, (v, w) in enumerate([(10, 1), (20, 2), (30, 3), (40, 4), (50, 5)])]
    rows = items + [row("Net tax credits", -30, -3), row("Total deferred tax assets", 120, 12, rule=True)]
    assert find_subtotals(rows) == {6: [(k, 1) for k in range(6)]}
    # a roll-forward's "Ending balance" and a rate reconciliation's provision close their sums by their words
    rolled = [row("Beginning balance", 971, 506), row("Increases", 61, 341), row("Decreases", -89, 124),
              row("Ending balance", 943, 971)]
    assert find_subtotals(rolled) == {3: [(0, 1), (1, 1), (2, 1)]}
    recon = [row("Computed expected tax", 30, -18), row("State taxes", 7, -7), row("Other items", -15, 14),
             row("Provision for (benefit from) income taxes", 22, -11)]
    assert find_subtotals(recon) == {3: [(0, 1), (1, 1), (2, 1)]}
    # a short one stays a sum ("Net sales" less returns)
    assert find_subtotals([row("Sales", 100, 90), row("Returns", 10, 5), row("Net sales", 90, 85)]) == \
        {2: [(0, 1), (1, -1)]}


def test_a_cash_flow_section_longer_than_the_sign_search_adds_up_as_printed():
    # Netflix's operating section has 17 rows; "Cash generated by operating activities" is a total by its words
    def row(label, *vals, rule=False):
        return Row(label, [Cell(str(v), Decimal(v)) for v in vals], 1, rule_above=rule)
    items = [row(f"Item {k}", k * 10 - 85, 3) for k in range(17)]
    total = sum(k * 10 - 85 for k in range(17))
    rows = items + [row("Cash generated by operating activities", total, 51, rule=True)]
    found = find_subtotals(rows)
    assert found == {17: [(k, 1) for k in range(17)]}


def test_labels_and_weights():
    assert set(tokens("Net (loss)")) == set(tokens("Net Income (Loss)"))
    assert similarity("Accounts receivable", "accounts receivable") == 1.0
    assert core_label("Common stock, $0.005 par value, authorized 65,000,000 shares") == "Common stock"
    assert camel("Pro forma net (loss)") == "ProFormaNetLoss"
    cat = load_catalog()
    assert calc_weight(cat.get("us-gaap:OperatingIncomeLoss"), cat.get("us-gaap:InterestExpense")) == -1
    assert calc_weight(cat.get("us-gaap:NetCashProvidedByUsedInOperatingActivities"),
                       cat.get("us-gaap:IncreaseDecreaseInAccountsReceivable")) == -1
    assert calc_weight(cat.get("us-gaap:NetCashProvidedByUsedInOperatingActivities"),
                       cat.get("us-gaap:NetIncomeLoss")) == 1


def test_fiscal_focus():
    assert fiscal_focus(date(2004, 9, 30), "--06-30", "10-Q") == ("2005", "Q1")
    assert fiscal_focus(date(1996, 12, 27), "--09-27", "10-Q") == ("1997", "Q1")
    assert fiscal_focus(date(2004, 12, 31), "--12-31", "10-K") == ("2004", "FY")


def test_sgml_header_and_decoding():
    lines = ["<SEC-HEADER>0000320193-96-000018.hdr.sgml : 19960812", "CONFORMED SUBMISSION TYPE:\t10-Q",
             "CONFORMED PERIOD OF REPORT:\t19960628", "FILER:", "\tCOMPANY DATA:",
             "\t\tCOMPANY CONFORMED NAME:\t\t\tAPPLE COMPUTER INC", "\t\tCENTRAL INDEX KEY:\t\t\t0000320193",
             "\t\tFISCAL YEAR END:\t\t\t0927", "</SEC-HEADER>"]
    h = parse_sgml_header([ln.expandtabs(8) for ln in lines])
    assert h["cik"] == "0000320193" and h["form"] == "10-Q" and h["fiscal_year_end"] == "0927"
    assert decode("caf\u00e9".encode("cp1252"), "x") == "caf\u00e9"


def test_dei_document_type():
    from edgar2xbrl.tag.cover_facts import dei_document_type
    assert [dei_document_type(f) for f in ("10-K405", "10-KSB", "10-QSB", "10-Q", "10-K/A")] == \
        ["10-K", "10-K", "10-Q", "10-Q", "10-K"]


def test_prefix_from_the_registrant_name():
    from edgar2xbrl.pipeline import derive_prefix
    assert derive_prefix("NUTRITION 21, INC.") == "nutrition21"
    assert derive_prefix("INTERNATIONAL BUSINESS MACHINES CORP") == "ibm"
    assert derive_prefix("24HOLDINGS INC") == "c24holdings"

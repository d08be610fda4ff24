"""Roll-forwards in notes: a balance at the period's start, what moved it, the balance at its end."""
from datetime import date

from edgar2xbrl.tag.builder import Builder
from edgar2xbrl.tag.catalog import era_of, load_catalog
from edgar2xbrl.tag.labels import similarity
from edgar2xbrl.read.source import Document
from edgar2xbrl.tables.statements import locate
from edgar2xbrl.tables.tables import find_tables

HEAD = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 6 - COMMITMENTS AND CONTINGENCIES

%s

"""
YEARS = """\
                                                    Year Ended
                                              December 31,  December 31,
                                                  2007          2006
                                              --------      --------
"""


def _facts(text, end=date(2007, 12, 31), form="10-K"):
    """(row label, concept, period, value) of every fact of the one note table of `text`."""
    lines = text.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    st = locate(lines, find_tables(lines, docs), docs, form, end).note_tables[0][1]
    b = Builder(load_catalog(era_of(end)), "acme", "x.txt")
    b.build_statement(st, 1, "Note", st.title, group="Disclosure")
    return [(f.row_label, f.concept, str(f.context.period), int(f.value)) for f in b.facts.values()]


def _built(text, end, roles=("Note",)):
    """The builder after every statement of `text` (with the role names given, in order) and then every note
    table, read as a 10-K of the era of `end`."""
    lines = text.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", end)
    b = Builder(load_catalog(era_of(end)), "acme", "x.txt")
    for order, (st, role) in enumerate(zip(lay.statements, roles)):
        b.build_statement(st, order + 1, role, st.title)
    for order, (_note, st) in enumerate(lay.note_tables):
        b.build_statement(st, len(lay.statements) + order + 1, "Note", st.title, group="Disclosure")
    return b


def _table(lead, rows, head=YEARS):
    body = "\n".join(f"{label:<46}{a:>8}      {b:>8}" if b is not None else f"{label:<46}{a:>8}"
                     for label, a, b in rows)
    return HEAD % lead + head + body + "\n"


def test_a_warranty_roll_forward_is_the_official_accrual_its_flows_and_its_balances_at_both_ends():
    facts = _facts(_table("Changes in accrued warranties and related costs were (in millions):", [
        ("Beginning accrued warranty and related costs", "$ 271", "$ 284"),
        ("Cost of warranty claims", "(160)", "(131)"),
        ("Accruals for product warranties", "148", "118"),
        ("Ending accrued warranty and related costs", "$ 259", "$ 271")]))
    got = {(label, period): (concept, value) for label, concept, period, value in facts}
    balance = "us-gaap:ProductWarrantyAccrual"
    # the opening balance is the day before the year, the closing one its last day: one concept, two instants
    assert got[("Beginning accrued warranty and related costs", "2006-12-31")] == (balance, 271000000)
    assert got[("Ending accrued warranty and related costs", "2007-12-31")] == (balance, 259000000)
    # what was paid out is a positive payment of the year, whatever parentheses it is printed in
    assert got[("Cost of warranty claims", "2007-01-01..2007-12-31")] == \
        ("us-gaap:ProductWarrantyAccrualPayments", 160000000)
    assert got[("Accruals for product warranties", "2007-01-01..2007-12-31")] == \
        ("us-gaap:ProductWarrantyAccrualWarrantiesIssued", 148000000)


def test_a_notes_bare_balance_is_the_balance_its_rows_roll_forward_not_equity():
    facts = _facts(_table("Product warranty liabilities changed as follows (in millions):", [
        ("Balance, beginning of period", "$ 271", "$ 284"),
        ("Warranty claims paid", "(160)", "(131)"),
        ("Warranty provision", "148", "118"),
        ("Balance, end of period", "$ 259", "$ 271")]))
    concepts = {concept for label, concept, _p, _v in facts if label.startswith("Balance")}
    assert concepts == {"us-gaap:ProductWarrantyAccrual"}


def test_a_single_column_dated_by_its_sentence_takes_the_span_the_sentence_names_for_its_flows():
    lead = ("Our product warranty liabilities changed during the three months ended September 30, 2009 as follows:\n"
            "(In millions)")
    facts = _facts(_table(lead, [
        ("Balance, beginning of period", "$ 342", None),
        ("Accrual for warranties issued", "33", None),
        ("Settlements of warranty claims", "(86)", None),
        ("Balance, end of period", "$ 289", None)], head=""), end=date(2009, 9, 30), form="10-Q")
    got = {label: (period, value) for label, _c, period, value in facts}
    assert got["Balance, beginning of period"] == ("2009-06-30", 342000000)
    assert got["Accrual for warranties issued"] == ("2009-07-01..2009-09-30", 33000000)
    assert got["Settlements of warranty claims"] == ("2009-07-01..2009-09-30", 86000000)
    assert got["Balance, end of period"] == ("2009-09-30", 289000000)


def test_balances_dated_in_their_labels_date_the_movements_between_them():
    facts = _facts(_table("The change in the valuation allowance for the years ended December 31, 2003 and 2002 was:", [
        ("Beginning balance \u2013 January 1, 2002", "$ 142", None),
        ("Charge to costs and expenses", "219", None),
        ("Ending balance \u2013 December 31, 2002", "$ 361", None),
        ("Charge to costs and expenses", "232", None),
        ("Ending balance \u2013 December 31, 2003", "$ 593", None)],
        head="                                               Allowance\n"), end=date(2003, 12, 31))
    periods = [(label, period) for label, _c, period, _v in facts]
    # "January 1" opens the year: the balance at the close of the day before
    assert ("Beginning balance \u2013 January 1, 2002", "2001-12-31") in periods
    assert ("Ending balance \u2013 December 31, 2002", "2002-12-31") in periods
    charges = sorted(period for label, period in periods if label.startswith("Charge"))
    assert charges == ["2002-01-01..2002-12-31", "2003-01-01..2003-12-31"]


def test_movements_of_a_roll_forward_no_concept_fits_are_positive_amounts_each_way():
    facts = _facts(_table("Employee severance liabilities changed as follows (in millions):", [
        ("Balance, beginning of period", "$ --", "$ --"),
        ("Employee severance charges", "290", "45"),
        ("Cash payments", "(53)", "(45)"),
        ("Balance, end of period", "$ 237", "$ --")]))
    values = {label: value for label, _c, period, value in facts if period == "2007-01-01..2007-12-31"}
    assert values == {"Employee severance charges": 290000000, "Cash payments": 53000000}


def test_a_lone_warrant_is_no_warranty_cut_short():
    assert similarity("Warrants", "warranty payments") == 0.0
    assert similarity("Total stockholders equit", "Total stockholders equity") == 1.0


BALANCE_AND_NOTE = """\
                          ACME CORP.
                   CONSOLIDATED BALANCE SHEETS
                        (In millions)

                                                December 31,  December 31,
                                                    2003          2002
                                                --------      --------
Cash and cash equivalents                        $ 5,000       $ 4,000
Accounts receivable                               14,563        14,739
                                                --------      --------
Total assets                                     $19,563       $18,739
                                                ========      ========
Accounts payable and other liabilities           $13,563       $13,739
Shareholders' equity                               6,000         5,000
                                                --------      --------
Total liabilities and shareholders' equity       $19,563       $18,739
                                                ========      ========

NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 12 - ACCOUNTS PAYABLE AND OTHER LIABILITIES

Accounts payable and other liabilities at December 31 consisted of the following:

                                                    2003          2002
                                                --------      --------
Accounts payable                                 $ 3,822       $ 3,500
Accrued compensation and employee benefit costs    2,930         2,800
Product warranty liabilities                         825           898
Dividends payable                                    143           141
Other                                              5,843         6,400
                                                --------      --------
                                                 $13,563       $13,739
                                                ========      ========
"""


def test_a_notes_unnamed_sum_a_statement_printed_is_the_statements_line():
    b = _built(BALANCE_AND_NOTE, date(2003, 12, 31), ("BalanceSheet",))
    line = {f.concept for f in b.facts.values() if f.value == "13563000000" and f.row_label}
    totals = {f.concept for f in b.facts.values() if f.value == "13563000000"}
    # the warranty reaches the liabilities only through a total of current and noncurrent accruals; the note's sum
    # is still the balance sheet's line
    assert len(line) == 1 and totals == line and "us-gaap:Liabilities" not in totals
    assert any(f.concept == "us-gaap:ProductWarrantyAccrual" for f in b.facts.values())


CASH_AND_NOTE = """\
                          ACME CORP.
              CONSOLIDATED STATEMENTS OF CASH FLOWS
                        (In millions)

                                               Year Ended December 31,
                                                  2001          2000
                                                --------      --------
Net income                                       $ 1,000       $   900
Depreciation                                       6,000         4,000
                                                --------      --------
Net cash provided by operating activities        $ 7,000       $ 4,900
                                                ========      ========

NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 6 - NET PROPERTY AND RELATED EXPENSES - AUTOMOTIVE SECTOR

Property-related expenses were as follows (in millions):

                                                    2001          2000
                                                --------      --------
Depreciation                                     $ 5,300       $ 3,507
Maintenance and rearrangement                      2,035         2,146
"""


def test_a_row_whose_concept_another_figure_took_is_still_the_years_flow_under_year_columns():
    b = _built(CASH_AND_NOTE, date(2001, 12, 31), ("CashFlow",))
    sector = [f for f in b.facts.values() if f.row_label == "Depreciation" and f.value == "5300000000"]
    # the sector's depreciation is not the company's (an extension), but it is still the year's, not its last day
    assert len(sector) == 1 and sector[0].concept != "us-gaap:Depreciation"
    assert str(sector[0].context.period) == "2001-01-01..2001-12-31"


def test_components_of_accumulated_income_under_year_columns_stay_balances():
    facts = _facts(_table(
        "The following table summarizes the components of accumulated other comprehensive income (in millions):", [
            ("Unrealized gains on available-for-sale securities", "$ 13", "$ 30"),
            ("Unrealized gains on derivative investments", "(11)", "4"),
            ("Cumulative translation adjustment", "(20)", "(10)")],
        head="                                                  2002          2001\n"
             "                                              --------      --------\n"), end=date(2002, 12, 31))
    periods = {period for label, _c, period, _v in facts if label.startswith("Unrealized gains on available")}
    assert periods == {"2002-12-31", "2001-12-31"}


def test_a_roll_forward_dated_by_bare_dates_is_the_official_balance_each_year_end():
    facts = _facts(_table("The reconciliation of unrecognized tax benefits at December 31, 2010 was:", [
        ("January 1, 2009", "$ 14,480", None),
        ("Increases for current year tax positions", "575", None),
        ("December 31, 2009", "15,055", None),
        ("Increases for current year tax positions", "541", None),
        ("December 31, 2010", "$ 15,596", None)], head="                                                (In thousands)\n"),
        end=date(2010, 12, 31))
    got = {(label, period): (concept, value) for label, concept, period, value in facts}
    assert got[("December 31, 2009", "2009-12-31")] == ("us-gaap:UnrecognizedTaxBenefits", 15055000)
    assert got[("December 31, 2010", "2010-12-31")] == ("us-gaap:UnrecognizedTaxBenefits", 15596000)
    increases = sorted((period, concept) for label, concept, period, _v in facts if label.startswith("Increases"))
    # the same movement in each year of one column: one concept, each year its own period (the opening balance
    # "January 1, 2009" is the close of 2008: the first year runs from January 1 too)
    assert [p for p, _c in increases] == ["2009-01-01..2009-12-31", "2010-01-01..2010-12-31"]
    assert got[("January 1, 2009", "2008-12-31")] == ("us-gaap:UnrecognizedTaxBenefits", 14480000)
    assert {c for _p, c in increases} == {"us-gaap:UnrecognizedTaxBenefitsIncreasesResultingFromCurrentPeriodTaxPositions"}


def test_a_sentence_that_says_during_dates_a_single_columns_rows_as_the_period():
    lead = ("During the three months ended September 30, 2009, we recognized the following gains on hedges:\n"
            "(In millions)")
    facts = _facts(_table(lead, [
        ("Loss recognized in other comprehensive income", "$ (209)", None),
        ("Gain reclassified into revenue", "169", None)], head=""), end=date(2009, 9, 30), form="10-Q")
    assert {period for _l, _c, period, _v in facts} == {"2009-07-01..2009-09-30"}


def test_the_sentence_leading_into_a_table_dates_it_not_the_notes_earlier_dates():
    lead = ("At June 30, 2001 and December 31, 2000 the company held equity securities of others.\n"
            "During the six months ended June 30, 2001, activity in unearned revenue was as follows (in thousands):")
    facts = _facts(_table(lead, [
        ("Balance, December 31, 2000", "$131,117", None),
        ("Cash received or cash receivable", "43,197", None),
        ("Amortization to revenue", "(65,300)", None),
        ("Balance, June 30, 2001", "$109,014", None)], head=""), end=date(2001, 6, 30), form="10-Q")
    got = {label: (period, value) for label, _c, period, value in facts}
    assert got["Balance, December 31, 2000"] == ("2000-12-31", 131117000)
    # one balance at two dates: one concept, whatever dates the labels print
    assert len({c for label, c, _p, _v in facts if label.startswith("Balance")}) == 1
    # what moved the balance is of the six months, each a positive amount its direction says
    assert got["Cash received or cash receivable"] == ("2001-01-01..2001-06-30", 43197000)
    assert got["Amortization to revenue"] == ("2001-01-01..2001-06-30", 65300000)


def test_a_span_over_the_first_of_two_dates_holds_for_both_where_the_lead_says_during():
    lead = ("The following table summarizes activity in other comprehensive income related to derivatives held\n"
            "during the three months ended December 26, 2009 and December 27, 2008 (in millions):")
    head = ("                                    Three Months Ended\n"
            "                                              December 26,  December 27,\n"
            "                                                  2009          2008\n"
            "                                              --------      --------\n")
    facts = _facts(_table(lead, [
        ("Change in fair value of derivatives", "$ 6", "$ 223"),
        ("Adjustment for net gains realized", "12", "(182)")], head=head), end=date(2009, 12, 26), form="10-Q")
    periods = {period for label, _c, period, _v in facts if label.startswith("Change")}
    assert periods == {"2009-09-27..2009-12-26", "2008-09-28..2008-12-27"}


PLAN_COST = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE W - RETIREMENT PLANS

The net periodic pension cost for the years ended December 31 was:

                                                  1997          1996
                                              --------      --------
Actual return on plan assets                      (900)         (800)
Net amortizations and deferrals                    300           200
                                              --------      --------
Net periodic pension cost                       $ (600)       $ (600)

NOTE X - NONPENSION POSTRETIREMENT BENEFITS

The net periodic postretirement benefit cost for the years ended December 31 was:

                                                  1997          1996
                                              --------      --------
Benefits earned by the active workforce         $   32        $   40
Growth of the obligation with time                 455           520
Actual return on plan assets                       (15)          (12)
Net amortizations and deferrals                    119           100
                                              --------      --------
Net periodic postretirement benefit cost        $  591        $  648
"""


def test_rows_added_up_with_a_flow_of_the_year_are_the_years_too():
    # the second plan's return on assets cannot take the concept the first plan's figures hold: an extension, but
    # still the year's, and so are the rows it is added up with
    b = _built(PLAN_COST, date(1997, 12, 31), ())
    periods = {f.row_label: str(f.context.period) for f in b.facts.values() if f.value.lstrip("-") in ("32", "455", "15", "591")}
    assert set(periods.values()) == {"1997-01-01..1997-12-31"} and len(periods) == 4


INCOME_AND_PRO_FORMA = """\
                          ACME CORP.
                   STATEMENTS OF OPERATIONS
                        (In millions)

                                                Year Ended December 31,
                                                  1997          1996
                                                --------      --------
Net sales                                        $ 5,000       $ 4,000
Zorbex fees                                          700           600
                                                --------      --------
Total revenues                                   $ 5,700       $ 4,600
                                                ========      ========

NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 2 - ACQUISITIONS

Unaudited pro forma results, as if the acquisition had taken place earlier:

                                                  1997          1996
                                                --------      --------
Net sales                                        $ 5,900       $ 4,800
Zorbex fees                                          900           800
                                                --------      --------
Total revenues                                   $ 6,800       $ 5,600
"""


def test_an_extension_is_shared_only_by_rows_whose_figures_take_other_periods():
    # the pro forma "Zorbex fees" are the year's as the statement's are, with other figures: a concept of their own
    # (one concept with both would hold two values for one period, and a rule would drop the statement's)
    b = _built(INCOME_AND_PRO_FORMA, date(1997, 12, 31), ("Income",))
    fees = {(f.concept, str(f.context.period)): f.value for f in b.facts.values() if f.row_label == "Zorbex fees"}
    assert ("1997-01-01..1997-12-31") in {p for _c, p in fees}
    by_period: dict[str, set] = {}
    for (concept, period), value in fees.items():
        by_period.setdefault(concept + "@" + period, set()).add(value)
    assert all(len(v) == 1 for v in by_period.values()) and len(fees) == 4


YEAR_ONLY = """\
                                                  2007          2006
                                              --------      --------
"""


def test_a_balance_at_january_1_under_year_columns_is_the_close_of_the_year_before():
    facts = _facts(_table("The carrying value of mortgage servicing rights changed as follows (in millions):", [
        ("Balance at January 1", "6,111", "6,159"),
        ("Additions", "1,201", "1,320"),
        ("Amortization", "(1,160)", "(1,368)"),
        ("Balance at December 31", "6,152", "6,111")], head=YEAR_ONLY))
    periods = {(label, period) for label, _c, period, _v in facts}
    # under "2007" the opening balance is that of December 31, 2006, not of the year's last day
    assert ("Balance at January 1", "2006-12-31") in periods
    assert ("Balance at January 1", "2007-12-31") not in periods
    assert ("Balance at December 31", "2007-12-31") in periods
    assert ("Additions", "2007-01-01..2007-12-31") in periods


def test_a_note_table_of_share_counts_without_dollars_is_shares_throughout():
    lines = (HEAD % "Changes in shares of common stock issued and held in treasury were (in millions):"
             + YEAR_ONLY).splitlines()
    rows = [("Issued - balance at January 1", "3,584.8", "2,044.4"),
            ("Employee stock purchase plans", "1.4", "3.1"),
            ("Cancelled shares", "(2.0)", "(1.1)"),
            ("Total issued - balance at December 31", "3,584.2", "2,046.4"),
            ("Treasury - balance at January 1", "(28.6)", "(1.8)"),
            ("Purchase of treasury stock", "(93.5)", "(19.3)"),
            ("Total treasury - balance at December 31", "(122.1)", "(21.1)"),
            ("Outstanding", "3,462.1", "2,025.3")]
    text = "\n".join(lines + [f"{label:<46}{a:>8}      {b:>8}" for label, a, b in rows]) + "\n"
    lines = text.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    end = date(2007, 12, 31)
    st = locate(lines, find_tables(lines, docs), docs, "10-K", end).note_tables[0][1]
    b = Builder(load_catalog(era_of(end)), "acme", "x.txt")
    b.build_statement(st, 1, "Note", st.title, group="Disclosure")
    units = {f.row_label: f.unit for f in b.facts.values()}
    concepts = {f.row_label: f.concept for f in b.facts.values()}
    # a table that opens with a count of shares and prints no dollar sign counts shares in every row: the
    # treasury shares bought are not dollars paid, and what is outstanding is not the common stock's value
    assert len(units) == len(rows)
    assert set(units.values()) == {"shares"}
    assert concepts["Purchase of treasury stock"] != "us-gaap:PaymentsForRepurchaseOfCommonStock"
    assert concepts["Outstanding"] != "us-gaap:CommonStockValueOutstanding"


BALANCE_AND_INTANGIBLES = """\
                          ACME CORP.
                   CONSOLIDATED BALANCE SHEETS
                        (In millions)

                                                December 31,  December 31,
                                                    2005          2004
                                                --------      --------
Cash and cash equivalents                        $ 5,000       $ 4,000
Purchased credit card relationships                3,275         3,878
                                                --------      --------
Total assets                                     $ 8,275       $ 7,878
                                                ========      ========
Accounts payable                                 $ 2,275       $ 2,878
Shareholders' equity                               6,000         5,000
                                                --------      --------
Total liabilities and shareholders' equity       $ 8,275       $ 7,878
                                                ========      ========

NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 15 - OTHER INTANGIBLE ASSETS

The components of other intangible assets were as follows at December 31:

                                                    2005          2004
                                                --------      --------
Purchased credit card relationships              $ 3,275       $ 3,878
Core deposit intangibles                           2,705         3,328
"""


def test_a_note_printing_a_balance_sheet_extension_again_prints_the_same_fact():
    b = _built(BALANCE_AND_INTANGIBLES, date(2005, 12, 31), ("BalanceSheet",))
    by_label = {}
    for f in b.facts.values():
        by_label.setdefault(f.row_label, set()).add((f.concept, str(f.context.period), f.value))
    pccr = by_label["Purchased credit card relationships"]
    # one extension concept for the balance at both dates, whichever table printed it; not a second concept
    # ("...Relationships2") holding the same figures at the same dates
    assert len({c for c, _p, _v in pccr}) == 1 and next(iter(pccr))[0].startswith("acme:")
    assert {(p, v) for _c, p, v in pccr} == {("2005-12-31", "3275000000"), ("2004-12-31", "3878000000")}
    assert not any(c.name.endswith("Relationships2") for c in b.extensions.values())


def test_an_extension_is_shared_at_a_date_only_by_the_same_figures_and_never_by_zeros_alone():
    from decimal import Decimal

    from edgar2xbrl.model import Period
    end, year = Period(end=date(2009, 12, 31)), Period(start=date(2009, 1, 1), end=date(2009, 12, 31))
    held = {end: frozenset({Decimal(3275)})}
    assert Builder._agrees(held, {end: frozenset({Decimal(3275)})})  # a balance printed again
    assert not Builder._agrees(held, {end: frozenset({Decimal(3276)})})
    # two empty totals of unrelated tables are no one balance; a flow printed twice may move two balances
    assert not Builder._agrees({end: frozenset({Decimal(0)})}, {end: frozenset({Decimal(0)})})
    assert not Builder._agrees({year: frozenset({Decimal(5)})}, {year: frozenset({Decimal(5)})})
    assert Builder._agrees({year: frozenset({Decimal(5)})}, {end: frozenset({Decimal(7)})})


def test_a_caption_inside_a_components_roll_forward_opens_no_component_of_its_own():
    # Microsoft's retained earnings roll: "Other comprehensive income:" and the rows after its subtotal (dividends,
    # repurchases) all move retained earnings, between its beginning and ending balances
    from edgar2xbrl.tag.equity import build_equity_rollforward
    text = """\
                          ACME CORP.
                   STOCKHOLDERS' EQUITY STATEMENTS
                            (In millions)

Year Ended June 30                                          1998           1999
                                                         --------       --------
Common stock and paid-in capital
  Balance, beginning of year                                8,025         13,844
  Common stock issued                                       5,819          2,000
  Balance, end of year                                     13,844         15,844
Retained earnings
  Balance, beginning of year                                7,622         13,614
  Net income                                                7,785          9,421
  Other comprehensive income:
    Net unrealized investment gains                         1,052           (283)
    Translation adjustments and other                          69             23
                                                         --------       --------
      Comprehensive income                                  8,906          9,161
  Preferred stock dividends                                   (28)           (13)
  Common stock repurchased                                 (2,886)        (4,591)
  Balance, end of year                                     13,614         18,171
"""
    lines = text.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", date(1999, 6, 30))
    st, = lay.statements
    assert st.kind == "equity"
    b = Builder(load_catalog(era_of(date(1999, 6, 30))), "acme", "x.txt")
    build_equity_rollforward(b, st, 1, "Equity", st.title)
    members = {}
    for f in b.facts.values():
        members.setdefault(f.row_label.strip(), set()).add(dict(f.context.dims).get(
            "us-gaap:StatementEquityComponentsAxis"))
    for row in ("Preferred stock dividends", "Common stock repurchased", "Net unrealized investment gains",
                "Net income"):
        assert members[row] == {"us-gaap:RetainedEarningsMember"}, row
    assert "us-gaap:AccumulatedOtherComprehensiveIncomeMember" not in set().union(*members.values())


def test_a_dated_balance_ends_one_years_roll_and_opens_the_next():
    text = HEAD % "Activity in unearned revenue was as follows (in thousands):" + """\

                                              2002
                                            --------
Balance, December 31, 2000                   $131,117
Cash received or accounts receivable          114,738
Amortization to revenue                      (135,808)
Balance, December 31, 2001                     110,047
Cash received or accounts receivable           95,404
Amortization to revenue                      (135,466)
Balance, December 31, 2002                    $69,985
"""
    facts = _facts(text, end=date(2002, 12, 31))
    received = sorted((p, v) for label, _c, p, v in facts if label.startswith("Cash received"))
    amortized = sorted((p, v) for label, _c, p, v in facts if label.startswith("Amortization"))
    assert [v for _p, v in received] == [114738000, 95404000]  # both years add to the liability
    assert [p for p, _v in received] == ["2001-01-01..2001-12-31", "2002-01-01..2002-12-31"]
    assert len({v > 0 for _p, v in amortized}) == 1  # both years' amortization one way, as one concept would
    assert len({c for label, c, _p, _v in facts if label.startswith("Cash received")}) == 1


def test_an_allowance_held_against_leased_vehicles_is_a_positive_allowance():
    text = HEAD % "Net investment in operating leases at December 31 was as follows (in millions):" + """\
                                                   2007          2006
                                               --------      --------
Vehicles and other equipment, at cost          $ 60,608      $ 58,082
Accumulated depreciation                        (12,858)      (11,155)
Allowances for credit losses                       (488)         (334)
                                               --------      --------
  Net investment in operating leases           $ 47,262      $ 46,593
"""
    facts = _facts(text)
    value = {(label.split()[0], p): v for label, _c, p, v in facts}
    # an allowance for losses (its words name a loss) is held against the assets: a credit, taken away
    assert value[("Allowances", "2007-12-31")] == 488000000
    assert value[("Accumulated", "2007-12-31")] == 12858000000


def test_an_allowance_charged_to_costs_is_the_reserves_charge_positive_however_the_table_prints_it():
    # Boeing prints its valuation allowance in parentheses; the charge that raised it is a positive charge
    text = HEAD % "The change in the valuation allowance for the years ended December 31, 2007 and 2006:" + """\
                                                        Valuation
                                                        Allowance
Beginning balance - January 1, 2006                       $(142)
Charge to costs and expenses                               (219)
Reduction in customer and commercial financing assets         19
Ending balance - December 31, 2006                         (342)
Charge to costs and expenses                               (232)
Reduction in customer and commercial financing assets        122
Ending balance - December 31, 2007                        $(452)
"""
    charges = sorted((p, v, c) for label, c, p, v in _facts(text) if label.startswith("Charge to costs"))
    assert [(v, c) for _p, v, c in charges] == \
        [(219, "us-gaap:ValuationAllowancesAndReservesChargedToCostAndExpense"),
         (232, "us-gaap:ValuationAllowancesAndReservesChargedToCostAndExpense")]

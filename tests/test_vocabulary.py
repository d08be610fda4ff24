"""The mapper's vocabulary: official statement concepts, the era rule, segment notes, year-only note columns."""
from datetime import date
from decimal import Decimal

from edgar2xbrl.tag.builder import Builder
from edgar2xbrl.tag.catalog import era_of, load_catalog
from edgar2xbrl.tag.segments import AXIS, segment_breakdown
from edgar2xbrl.read.source import Document
from edgar2xbrl.tables.statements import locate
from edgar2xbrl.tables.tables import find_tables

INCOME = """\
                          ACME CORP.
                   STATEMENTS OF OPERATIONS
                        (In thousands)

                                            Year Ended December 31,
                                              1996          1995
                                            --------      --------
Net sales                                    $ 5,000       $ 4,000
Cost of sales                                  3,000         2,500
                                            --------      --------
Gross profit                                   2,000         1,500
                                            ========      ========
"""

SEGMENTS = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 9 - SEGMENT INFORMATION

Information on the Company's reportable segments for the years ended December 31 (in thousands):

                                              2010          2009
                                            --------      --------
North America:
  Net sales                                  $ 3,000       $ 2,500
  Operating income                               300           250
  Segment assets                               1,200         1,100
International:
  Net sales                                  $ 2,000       $ 1,500
  Operating income                               200           150
  Segment assets                                 900           800
"""


def _statement(text, form="10-K", period_end=None, note=False):
    lines = text.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, form, period_end)
    return lay.note_tables[0] if note else lay.statements[0]


def test_era_of_a_filing_is_the_schema_out_by_its_period_end():
    assert era_of(date(1996, 12, 31)) == 2008
    assert era_of(date(2010, 6, 30)) == 2009
    assert era_of(date(2011, 6, 30)) == 2011
    assert era_of(date(2019, 6, 30)) is None


def test_official_statement_concepts_are_candidates_with_their_attributes():
    cat = load_catalog()
    official = [c for c in cat.concepts.values() if not c.kept]
    assert len(official) > 1500
    c = cat.find("DepreciationAndAmortization")  # not kept by hand: known from the official files only
    assert c is not None and not c.kept
    assert (c.type, c.period, c.balance, c.statements) == ("monetary", "duration", "debit", ("is",))
    assert not any(o.name.startswith(("RevenueFromContractWithCustomer", "OperatingLeaseRightOfUse")) for o in official)


def test_a_1996_net_sales_is_revenues_not_the_asc_606_concept():
    st = _statement(INCOME)
    for era, expected in ((era_of(date(1996, 12, 31)), "us-gaap:Revenues"),
                          (None, "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax")):
        b = Builder(load_catalog(era), "acme", "x.txt")
        b.build_statement(st, 1, "Income", st.title)
        sales = {f.concept for f in b.facts.values() if f.row_label == "Net sales"}
        assert sales == {expected}, era


def test_a_2010_pretax_line_takes_the_pretax_concept_of_its_time():
    cat = load_catalog(era_of(date(2010, 6, 30)))
    newer = cat.find("IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest")
    older = cat.find("IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethod"
                     "Investments")
    assert newer.since == 2011 and older.since == 2008
    assert newer.era_weight < 1.0 and "income before income taxes" in older.aliases
    latest = load_catalog(era_of(date(2011, 6, 30)))
    assert latest.find(newer.name).era_weight == 1.0


def test_segment_groups_are_members_of_the_segments_axis():
    note, st = _statement(SEGMENTS, period_end=date(2010, 12, 31), note=True)
    title = f"Note {note.number} - {note.title} (Details)"
    b = Builder(load_catalog(2009), "acme", "x.txt")
    breakdown = segment_breakdown(b, st, title)
    assert breakdown is not None
    assert [caption for _, caption in breakdown.members] == ["North America", "International"]
    b.build_statement(st, 200, "Segments", title, group="Disclosure", breakdown=breakdown)
    sales = [f for f in b.facts.values() if f.row_label.strip() == "Net sales"]
    assert len(sales) == 4
    assert {f.concept for f in sales} == {"us-gaap:Revenues"}
    assert {f.context.dims[0][0] for f in sales} == {AXIS}
    assert len({f.context.dims for f in sales}) == 2
    net = b.networks[-1]
    assert net.hypercube is not None and "us-gaap:Revenues" in net.hypercube.primaries


def test_a_year_only_note_column_is_the_fiscal_year_for_a_flow_and_its_end_for_a_balance():
    note, st = _statement(SEGMENTS, period_end=date(2010, 12, 31), note=True)
    b = Builder(load_catalog(2009), "acme", "x.txt")
    b.build_statement(st, 200, "Segments", "Note 9 - Segment Information (Details)", group="Disclosure",
                      breakdown=segment_breakdown(b, st, "Note 9 - Segment Information (Details)"))
    by_row = {}
    for f in b.facts.values():
        by_row.setdefault(f.row_label.strip(), set()).add(f.context.period)
    assert {p.start for p in by_row["Net sales"]} == {date(2010, 1, 1), date(2009, 1, 1)}
    assert all(p.is_instant for p in by_row["Segment assets"])


def test_no_breakdown_outside_a_segment_note():
    note, st = _statement(SEGMENTS, period_end=date(2010, 12, 31), note=True)
    b = Builder(load_catalog(2009), "acme", "x.txt")
    assert segment_breakdown(b, st, "Note 9 - Quarterly Results (Details)") is None


def test_a_name_known_by_its_words_is_covered_by_the_row_and_its_surroundings():
    from edgar2xbrl.tag.labels import coverage
    # "Federal" under "Current:" in the income tax note: the current federal tax expense
    assert coverage("Federal", "Current Income Taxes", "Current Federal Tax Expense Benefit") >= 0.6
    assert coverage("Federal", "Current Income Taxes", "Deferred Federal Income Tax Expense Benefit") < \
        coverage("Federal", "Current Income Taxes", "Current Federal Tax Expense Benefit")
    # a row's word the name lacks, or a name the row says little of, does not count
    assert coverage("State", "Current Income Taxes", "Current Federal Tax Expense Benefit") == 0.0
    assert coverage("Pro forma net (loss)", "", "Business Acquisitions Pro Forma Net Income Loss") == 0.0


def test_a_stock_option_pro_forma_loss_is_not_a_business_acquisition_pro_forma():
    from edgar2xbrl.tag.mapper import score_concept, THRESHOLD
    c = load_catalog(2008).find("BusinessAcquisitionsProFormaNetIncomeLoss")
    assert c is not None and not c.kept
    assert score_concept("Pro forma net (loss)", "", c, "STOCK-BASED COMPENSATION") < THRESHOLD


def test_a_note_takes_the_official_disclosure_text_block_of_its_subject():
    from edgar2xbrl.tag.notes import text_block_concept
    b = Builder(load_catalog(2008), "acme", "x.txt")
    q, score = text_block_concept(b, "INCOME TAXES")
    assert q.startswith("us-gaap:") and "Tax" in q and score >= 0.5
    q, score = text_block_concept(b, "Our Friends In The Industry")
    assert q.startswith("acme:") and score == 0.0


def test_a_concept_known_by_its_name_alone_is_never_negative_only_when_its_kind_runs_one_way():
    from edgar2xbrl.tag.catalog import never_negative
    cat = load_catalog()
    pension = cat.find("DefinedBenefitPlanActualReturnOnPlanAssets")  # a return can be a loss
    payment = cat.find("PaymentsToAcquireProductiveAssets")
    assert pension is not None and not pension.kept and not never_negative(pension)
    assert payment is not None and not payment.kept and never_negative(payment)


COMMITMENTS = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 5 - COMMITMENTS

Future minimum payments under operating leases (in thousands):

                                2010       2011       2012
                              --------   --------   --------
Operating leases               $   300    $   250    $   200
Purchase obligations               100         80         60
"""


def test_a_schedule_of_future_years_is_no_fact_of_those_years():
    from edgar2xbrl.tag.builder import Builder
    note, st = _statement(COMMITMENTS, period_end=date(2009, 12, 31), note=True)
    b = Builder(load_catalog(2009), "acme", "x.txt", report_end=date(2009, 12, 31))
    b.build_statement(st, 200, "Commitments", "Note 5 - COMMITMENTS (Details)", group="Disclosure")
    assert not [f for f in b.facts.values() if f.context.period.end > date(2010, 1, 31)]
    reasons = [u.reason for u in b.untagged]
    assert len(reasons) == 6 and all("future year" in r for r in reasons)


def test_a_row_under_a_total_takes_its_runner_up_that_the_total_sums():
    from edgar2xbrl.tag.mapper import Line, _fit_totals
    from edgar2xbrl.model import Cell, Row
    CAT = load_catalog()

    def line(i, label, name, value, score=1.0):
        return Line(index=i, row=Row(label, [Cell(str(value), Decimal(value))], line=i + 1),
                    concept=CAT.find(name), score=score)

    def run(total_score):
        kids = [line(0, "Accounts payable", "AccountsPayableCurrent", 60),
                line(1, "Loans and notes payable", "LoansPayable", 40, 0.9)]
        kids[1].alternatives = [("us-gaap:LoansPayable", 0.9), ("us-gaap:LoansPayableCurrent", 0.9)]
        total = line(2, "Total current liabilities", "LiabilitiesCurrent", 100, total_score)
        total.children = [(0, 1), (1, 1)]
        lines = kids + [total]
        _fit_totals(lines, {ln.index: ln for ln in lines}, CAT, {ln.concept.qname for ln in lines})
        return kids[1].concept.name, total.concept.name

    # LoansPayable is not summed by LiabilitiesCurrent in the official calculations; its current twin is
    assert run(1.0) == ("LoansPayableCurrent", "LiabilitiesCurrent")
    # a total tied to its concept with less confidence does not move the rows under it
    assert run(0.7) == ("LoansPayable", "LiabilitiesCurrent")


CASH_FLOW = """\
                          ACME CORP.
                    STATEMENTS OF CASH FLOWS
                        (In thousands)

                                                     Year Ended December 31,
                                                       2010          2009
                                                     --------      --------
Operating activities:
  Net income                                          $ 1,000       $   800
  Adjustments to reconcile net income to net cash
   provided by operating activities:
    Losses (gains) on sales of marketable securities,
     net                                                  (20)          (10)
    Depreciation of fixed assets, including internal-
     use software, and other amortization                 300           250
                                                     --------      --------
Net cash provided by operating activities               1,280         1,040
Investing activities:
  Purchases of fixed assets, including internal-use
   software and website development                      (400)         (350)
  Sales and maturities of marketable securities           500           450
                                                     --------      --------
Net cash provided by investing activities                 100           100
                                                     ========      ========
"""


def _concepts(text, kind="Cash flows", year=2010):
    """Row label -> concept of the facts of the one statement in `text`, read with the catalog of `year`."""
    st = _statement(text)
    b = Builder(load_catalog(era_of(date(year, 12, 31))), "acme", "x.txt")
    b.build_statement(st, 1, kind, st.title)
    return {f.row_label: f.concept for f in b.facts.values()}


def _built(text, end, role, group="Statement", form="10-K", note=False):
    """The builder after the one statement (or, with `note`, the one note table) of `text`, read with the catalog
    of the era of `end`."""
    st = _statement(text, form=form, period_end=end if note else None, note=note)
    st = st[1] if note else st
    b = Builder(load_catalog(era_of(end)), "acme", "x.txt")
    b.build_statement(st, 1, role, st.title, group=group)
    return b


def test_a_cash_flow_row_takes_no_concept_the_official_calculation_adds_into_another_section():
    from edgar2xbrl.tag.mapper import cash_sections
    cat = load_catalog()
    assert cash_sections(cat, "ProceedsFromSaleAndMaturityOfMarketableSecurities") == {"investing"}
    assert cash_sections(cat, "IncreaseDecreaseInAccruedLiabilities") == {"operating"}
    assert cash_sections(cat, "InterestPaid") == frozenset()  # a supplemental disclosure belongs to no section
    got = _concepts(CASH_FLOW)
    gains = next(c for label, c in got.items() if label.startswith("Losses (gains)"))
    # an adjustment for gains in the operating section is not the investing section's proceeds
    assert gains != "us-gaap:ProceedsFromSaleAndMaturityOfMarketableSecurities"
    assert got["Sales and maturities of marketable securities"] == \
        "us-gaap:ProceedsFromSaleAndMaturityOfMarketableSecurities"


def test_what_a_row_includes_does_not_hide_what_it_is():
    from edgar2xbrl.tag.labels import tokens
    from edgar2xbrl.tag.mapper import core_label
    assert core_label("Purchases of fixed assets, including internal-use software and website development") == \
        "Purchases of fixed assets"
    # words that tell concepts apart stay
    assert "noncontrolling" in core_label("Net income (including portion attributable to noncontrolling interest)")
    # one thing under three names; hyphens as the official labels write them
    assert tokens("Purchases of fixed assets") == tokens("Purchases of property, plant and equipment") == \
        tokens("purchases of property and equipment")
    assert tokens("Long-term debt") == tokens("long term debt") and "noncash" in tokens("Other non-cash items")
    assert tokens("Additional paid-in capital") == tokens("Additional Paid in Capital")
    assert tokens("Equity-method investments") == tokens("Equity Method Investments")
    got = _concepts(CASH_FLOW)
    assert got["Purchases of fixed assets, including internal-use software and website development"] == \
        "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"


def _lines(specs):
    from edgar2xbrl.tag.mapper import Line
    from edgar2xbrl.model import Cell, Row
    cat = load_catalog()
    out = []
    for i, (label, name, score, alternatives) in enumerate(specs):
        ln = Line(index=i, row=Row(label, [Cell("1", Decimal(1))], line=i + 1), concept=cat.find(name), score=score)
        ln.alternatives = [("us-gaap:" + n, s) for n, s in alternatives]
        out.append(ln)
    return cat, out


def test_a_total_takes_the_close_runner_up_that_sums_more_of_its_rows():
    from edgar2xbrl.tag.mapper import _fit_to_children

    def run(with_cost_of_sales):
        specs = [("Cost of sales", "CostOfRevenue", 1.0, []),
                 ("Marketing", "MarketingExpense", 1.0, []),
                 ("General and administrative", "GeneralAndAdministrativeExpense", 1.0, []),
                 ("Total operating expenses", "OperatingExpenses", 1.0,
                  [("OperatingExpenses", 1.05), ("CostsAndExpenses", 0.717)])]
        if not with_cost_of_sales:
            specs = specs[1:]
        cat, lines = _lines(specs)
        lines[-1].children = [(ln.index, 1) for ln in lines[:-1]]
        _fit_to_children(lines, {ln.index: ln for ln in lines}, cat, {ln.concept.qname for ln in lines})
        return lines[-1].concept.name

    # OperatingExpenses leaves cost of sales out in the official calculation; CostsAndExpenses sums it
    assert run(True) == "CostsAndExpenses"
    assert run(False) == "OperatingExpenses"


def test_a_total_and_a_row_under_it_trade_concepts_when_the_row_holds_the_total_one():
    from edgar2xbrl.tag.mapper import _fit_to_children
    cat, lines = _lines([
        ("Interest income", "InvestmentIncomeInterest", 1.0, []),
        ("Interest expense", "InterestExpense", 1.0, []),
        ("Other income (expense), net", "NonoperatingIncomeExpense", 1.0,
         [("NonoperatingIncomeExpense", 1.0), ("OtherNonoperatingIncomeExpense", 0.75)]),
        ("Total non-operating income (expense)", "OtherNonoperatingIncomeExpense", 0.708,
         [("NonoperatingIncomeExpense", 0.879), ("OtherNonoperatingIncomeExpense", 0.708)])])
    lines[-1].children = [(0, 1), (1, -1), (2, 1)]
    used = {ln.concept.qname for ln in lines}
    _fit_to_children(lines, {ln.index: ln for ln in lines}, cat, used)
    assert [ln.concept.name for ln in lines[2:]] == ["OtherNonoperatingIncomeExpense", "NonoperatingIncomeExpense"]
    assert used >= {"us-gaap:OtherNonoperatingIncomeExpense", "us-gaap:NonoperatingIncomeExpense"}


def test_a_preferred_stock_line_whose_shares_are_none_carries_the_stock_amount():
    got = _concepts("""\
                          ACME CORP.
                         BALANCE SHEETS
                        (In thousands)

                                                       December 31,
                                                       2010          2009
                                                     --------      --------
Total liabilities                                     $ 1,000       $   900
Stockholders' equity:
  Preferred stock, $0.01 par value:
    Authorized shares -- 500
    Issued and outstanding shares -- none                  --            --
  Common stock, $0.01 par value:
    Authorized shares -- 5,000
    Outstanding shares -- 432 and 428                       4             4
  Retained earnings                                       996           896
                                                     --------      --------
Total stockholders' equity                              1,000           900
                                                     --------      --------
Total liabilities and stockholders' equity            $ 2,000       $ 1,800
                                                     ========      ========
""", "Balance")
    assert got["Issued and outstanding shares -- none"] == "us-gaap:PreferredStockValue"
    assert got["Outstanding shares -- 432 and 428"] == "us-gaap:CommonStockValue"


def test_a_row_the_total_leaves_out_moves_to_its_current_twin_before_the_total_moves():
    got = _concepts("""\
                          ACME CORP.
                         BALANCE SHEETS
                        (In thousands)

                                                       December 31,
                                                       2010          2009
                                                     --------      --------
Total assets                                          $ 2,000       $ 1,800
                                                     ========      ========
Accounts payable and accrued expenses                 $   300       $   250
Loans and notes payable                                   200           150
Current maturities of long-term debt                      100           100
                                                     --------      --------
TOTAL CURRENT LIABILITIES                                 600           500
Long-term debt                                            400           400
Stockholders' equity                                    1,000           900
                                                     --------      --------
Total liabilities and stockholders' equity            $ 2,000       $ 1,800
                                                     ========      ========
""", "Balance", year=1997)
    # LoansPayable is summed by Liabilities, not LiabilitiesCurrent: the row moves, not the total
    assert got["TOTAL CURRENT LIABILITIES"] == "us-gaap:LiabilitiesCurrent"
    assert got["Loans and notes payable"] == "us-gaap:LoansPayableCurrent"


def test_state_under_current_in_an_income_tax_note_is_the_state_and_local_concept():
    from edgar2xbrl.tag.labels import tokens
    from edgar2xbrl.tag.mapper import score_concept
    assert tokens("Current State and Local Tax Expense (Benefit)") == tokens("Current state tax expense (benefit)")
    cat = load_catalog(era_of(date(2010, 12, 31)))
    state = cat.find("CurrentStateAndLocalTaxExpenseBenefit")
    assert score_concept("State", "Current:", state, "Income Taxes") >= 0.6
    assert score_concept("State", "Deferred:", state, "Income Taxes") == 0.0


TAX_NOTE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 6 - INCOME TAXES

The components of income before income taxes and of the provision for income taxes were (in thousands):

                                              2010          2009
                                            --------      --------
U.S.                                         $ 3,000       $ 2,500
International                                    500           400
                                            --------      --------
Income before income taxes                   $ 3,500       $ 2,900
                                            ========      ========
Current: Federal                             $   800       $   700
  State                                          100            90
  Foreign                                        150           120
                                            --------      --------
                                               1,050           910
                                            ========      ========
"""


def test_places_in_an_income_tax_note_are_the_domestic_foreign_and_current_concepts():
    from edgar2xbrl.tag.mapper import _PLACE
    assert _PLACE.match("U.S.") and _PLACE.match("Non-U.S.").group("foreign") and not _PLACE.match("U.S. government")
    note, st = _statement(TAX_NOTE, period_end=date(2010, 12, 31), note=True)
    b = Builder(load_catalog(2009), "acme", "x.txt")
    b.build_statement(st, 200, "Taxes", "Note 6 - Income Taxes (Details)", group="Disclosure")
    got = {f.row_label.strip(): f.concept for f in b.facts.values()}
    # a place with no caption above takes its meaning from the total it adds into
    assert got["U.S."] == "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesDomestic"
    assert got["International"] == "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesForeign"
    # "Current:" printed on the line of its first row opens the caption for the rows below
    assert got["Current: Federal"] == "us-gaap:CurrentFederalTaxExpenseBenefit"
    assert got["State"] == "us-gaap:CurrentStateAndLocalTaxExpenseBenefit"
    assert got["Foreign"] == "us-gaap:CurrentForeignTaxExpenseBenefit"


def test_a_figure_printed_with_more_places_elsewhere_is_the_same_figure():
    from edgar2xbrl.tag.builder import agree_at_precision
    D = Decimal
    assert agree_at_precision(D("3491700000"), "-5", D("3492000000"), "-6")
    assert not agree_at_precision(D("3491700000"), "-5", D("3493000000"), "-6")
    assert not agree_at_precision(D("100"), "0", D("101"), "0")
    assert agree_at_precision(D("5"), "INF", D("5"), None) and not agree_at_precision(D("5"), None, D("6"), None)


def test_the_span_phrase_nearest_a_table_is_its_span():
    from edgar2xbrl.tables.periods import span_nearest_end
    # a footnote of the table before mentions six months; the heading of this one says "Year ended"
    assert span_nearest_end("(a) 2004 results include six months of the merged firm\nYear ended December 31,") == \
        ("months", 12)
    assert span_nearest_end("Three months ended March 31,") == ("months", 3)
    assert span_nearest_end("in millions") is None


def test_an_operator_before_a_colon_opens_no_caption_and_cents_need_places():
    note, st = _statement("""\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 20 - EARNINGS PER SHARE

Year ended December 31,
(in millions, except per share amounts)              2010          2009
                                                  --------      --------
Basic earnings per share
Net income                                         $ 8,483       $ 4,466
Less: preferred stock dividends                         13            52
                                                  --------      --------
Net income applicable to common stock              $ 8,470       $ 4,414
Weighted-average basic shares outstanding          3,491.7       2,779.9
Net income per share                               $  2.43       $  1.59
""", period_end=date(2010, 12, 31), note=True)
    b = Builder(load_catalog(2009), "acme", "x.txt")
    b.build_statement(st, 200, "Eps", "Note 20 - Earnings per share (Details)", group="Disclosure")
    facts = {f.row_label.strip(): f for f in b.facts.values() if "2010" in str(f.context.period)}
    dividends = facts["Less: preferred stock dividends"]
    # 13 under "Basic earnings per share" in a table in millions is $13 million, not 13 dollars a share
    assert dividends.unit == "USD" and dividends.value == "13000000"
    # the year column of a note is the year, not a span read in prose before it
    assert facts["Net income"].context.period.start == date(2010, 1, 1)


def test_one_extension_for_a_line_printed_once_a_year():
    st = _statement("""\
                          ACME CORP.
                 STATEMENTS OF CASH FLOWS
                        (In thousands)

                                                     Year Ended December 31,
                                                       2010          2009
                                                     --------      --------
Net income                                            $ 1,000       $   800
Zorbing reimbursements from partner sites                  40            30
                                                     --------      --------
Net cash provided by operating activities               1,040           830
                                                     ========      ========
""")
    from edgar2xbrl.tag.mapper import build_lines
    from edgar2xbrl.model import Period
    b = Builder(load_catalog(2009), "acme", "x.txt")
    lines = build_lines(st, {})
    ln = lines[1]
    b.extend_line(ln, lines, st, frozenset({Period(start=date(2010, 1, 1), end=date(2010, 12, 31))}))
    first = ln.concept
    ln.concept = None
    b.extend_line(ln, lines, st, frozenset({Period(start=date(2009, 1, 1), end=date(2009, 12, 31))}))
    assert ln.concept is first  # another year of the same line: the same concept
    ln.concept = None
    b.extend_line(ln, lines, st, frozenset({Period(start=date(2009, 1, 1), end=date(2009, 12, 31))}))
    assert ln.concept is not first  # the same period again would be a second figure: a concept of its own


def test_a_lone_other_line_between_operating_and_pretax_income_is_the_nonoperating_total():
    from edgar2xbrl.tag.mapper import _lone_other
    cat, lines = _lines([
        ("Operating income", "OperatingIncomeLoss", 1.0, []),
        ("Other income and expense", "OtherNonoperatingIncomeExpense", 1.0,
         [("OtherNonoperatingIncomeExpense", 1.0), ("NonoperatingIncomeExpense", 0.75)]),
        ("Income before provision for income taxes",
         "IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments",
         1.0, [])])
    lines[-1].children = [(0, 1), (1, 1)]
    used = {ln.concept.qname for ln in lines}
    _lone_other(lines, {ln.index: ln for ln in lines}, cat, used)
    assert lines[1].concept.name == "NonoperatingIncomeExpense"
    # with a sibling in the group (interest income) the "other" line is the group's other part
    cat, lines = _lines([
        ("Operating income", "OperatingIncomeLoss", 1.0, []),
        ("Interest income", "InvestmentIncomeInterest", 1.0, []),
        ("Other income and expense", "OtherNonoperatingIncomeExpense", 1.0,
         [("OtherNonoperatingIncomeExpense", 1.0), ("NonoperatingIncomeExpense", 0.75)]),
        ("Income before provision for income taxes",
         "IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments",
         1.0, [])])
    lines[-1].children = [(0, 1), (1, 1), (2, 1)]
    _lone_other(lines, {ln.index: ln for ln in lines}, cat, {ln.concept.qname for ln in lines})
    assert lines[2].concept.name == "OtherNonoperatingIncomeExpense"


def test_long_term_is_the_official_noncurrent():
    from edgar2xbrl.tag.labels import tokens
    assert set(tokens("Long-term liabilities")) == set(tokens("Liabilities, Noncurrent"))
    assert tokens("Long term debt") == tokens("Long-term Debt")


def test_a_foreign_currency_effect_is_the_official_effect_of_exchange_rate():
    from edgar2xbrl.tag.labels import similarity
    assert similarity("Foreign-currency effect on cash and cash equivalents",
                      "Effect of Exchange Rate on Cash and Cash Equivalents") == 1.0


def test_a_current_total_never_moves_to_the_broader_total():
    from edgar2xbrl.tag.mapper import _fit_to_children
    cat, lines = _lines([
        ("Accounts payable", "AccountsPayableCurrent", 1.0, []),
        ("Deferred revenue", "DeferredRevenue", 0.9, []),
        ("Capital lease obligations", "DebtAndCapitalLeaseObligations", 0.8, []),
        ("Total current liabilities", "LiabilitiesCurrent", 1.0,
         [("LiabilitiesCurrent", 1.05), ("Liabilities", 0.844)])])
    lines[-1].children = [(0, 1), (1, 1), (2, 1)]
    # Liabilities sums all three rows, LiabilitiesCurrent one: the words say current, so current it stays
    _fit_to_children(lines, {ln.index: ln for ln in lines}, cat, {ln.concept.qname for ln in lines})
    assert lines[-1].concept.name == "LiabilitiesCurrent"


def test_an_inline_caption_closes_at_its_subtotal():
    from edgar2xbrl.tag.mapper import build_lines
    note, st = _statement(TAX_NOTE, period_end=date(2010, 12, 31), note=True)
    rows = [r.label.strip() for r in st.rows]
    total = rows.index("") if "" in rows else len(rows) - 1
    lines = build_lines(st, {total: [(rows.index("Current: Federal"), 1), (rows.index("State"), 1),
                                     (rows.index("Foreign"), 1)]})
    by_label = {ln.row.label.strip(): ln for ln in lines}
    assert by_label["State"].context_label == "Current"
    assert lines[total].context_label == "Current"  # the subtotal itself is the caption's total
    # a row after the subtotal is no longer under "Current:"
    text = TAX_NOTE.replace("                                               1,050           910\n",
                            "                                               1,050           910\n"
                            "Deferred tax expense                             200           150\n", 1)
    note, st = _statement(text, period_end=date(2010, 12, 31), note=True)
    rows = [r.label.strip() for r in st.rows]
    total = rows.index("")
    lines = build_lines(st, {total: [(rows.index("Current: Federal"), 1), (rows.index("State"), 1),
                                     (rows.index("Foreign"), 1)]})
    after = next(ln for ln in lines if ln.row.label.strip() == "Deferred tax expense")
    assert after.context_label != "Current"


AND_OTHER = """\
                          ACME CORP.
                    STATEMENTS OF CASH FLOWS
                        (In thousands)

                                                     Year Ended December 31,
                                                       2010          2009
                                                     --------      --------
Operating activities:
  Net income                                          $ 1,000       $   800
  Changes in operating assets and liabilities:
    Accounts payable                                      120            90
    Accrued expenses and other                             60            40
                                                     --------      --------
Net cash provided by operating activities               1,180           930
Investing activities:
  Acquisitions, net of cash acquired, and other          (300)         (200)
  Purchases of marketable securities and other
   investments                                           (400)         (350)
                                                     --------      --------
Net cash used in investing activities                    (700)         (550)
Financing activities:
  Proceeds from long-term debt and other                  250           100
                                                     --------      --------
Net cash provided by financing activities                 250           100
                                                     ========      ========
"""


def test_a_row_of_something_and_other_things_is_the_broader_concept_the_calculation_adds_it_into():
    cat = load_catalog()
    assert "PaymentsToAcquireInvestments" in cat.calc_parents("PaymentsToAcquireMarketableSecurities")
    got = _concepts(AND_OTHER)
    assert got["Purchases of marketable securities and other investments"] == "us-gaap:PaymentsToAcquireInvestments"
    assert got["Acquisitions, net of cash acquired, and other"] == \
        "us-gaap:PaymentsToAcquireBusinessesAndInterestInAffiliates"
    assert got["Proceeds from long-term debt and other"] == \
        "us-gaap:ProceedsFromIssuanceOfLongTermDebtAndCapitalSecuritiesNet"
    # the broader concept would also sum "Accounts payable", printed apart: the row keeps its own concept
    assert got["Accrued expenses and other"] == "us-gaap:IncreaseDecreaseInAccruedLiabilities"
    assert got["Accounts payable"] == "us-gaap:IncreaseDecreaseInAccountsPayable"


DEBT_NOTE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 7 - LONG-TERM DEBT

Redemptions of the Company's notes for the years ended December 31 (in thousands):

                                              2010          2009
                                            --------      --------
  Principal amount redeemed                   $ 900       $   700
  Loss on redemption of long-term debt           30            20
"""


def test_a_gain_or_loss_is_never_cash_received_or_paid():
    b = _built(DEBT_NOTE, date(2010, 12, 31), "Note7", group="Note", note=True)
    got = {f.row_label: f.concept for f in b.facts.values()}
    loss = got["Loss on redemption of long-term debt"]
    assert not loss.split(":")[1].startswith(("Proceeds", "Payments", "Repayments")), loss
    # nor a balance (of the debt), though a year-only note column may hold balances
    assert "LongTermDebt" not in loss.split(":")[1].replace("OfLongTermDebt", ""), loss
    assert all(f.context.period.start is not None for f in b.facts.values()
               if f.row_label.startswith("Loss on")), "a loss on an event is a flow"


INCOME_COR = """\
                          ACME CORP.
                    STATEMENTS OF INCOME
                        (In thousands)

                                                     Year Ended December 31,
                                                       2010          2009
                                                     --------      --------
Revenues                                              $ 5,000       $ 4,000
Cost of revenue                                         3,000         2,500
                                                     --------      --------
Gross profit                                            2,000         1,500
Selling, general and administrative                     1,200         1,000
                                                     --------      --------
Net income                                            $   800       $   500
                                                     ========      ========
"""


def test_cost_of_revenue_is_the_official_cost_of_revenue():
    got = _concepts(INCOME_COR, kind="Income statement")
    assert got["Cost of revenue"] == "us-gaap:CostOfRevenue"
    got = _concepts(INCOME_COR.replace("Cost of revenue", "Cost of sales   "), kind="Income statement")
    assert got["Cost of sales"] == "us-gaap:CostOfGoodsAndServicesSold"


def test_net_revenues_are_never_a_cost():
    text = INCOME_COR.replace("Cost of revenue", "Interest expense").replace("Gross profit", "Net revenues")
    got = _concepts(text, kind="Income statement")
    net = got["Net revenues"]
    concept = load_catalog(era_of(date(2010, 12, 31))).concepts.get(net)
    # an extension, or a revenue concept: never a debit (a cost or an expense)
    assert net.startswith("acme:") or concept.balance == "credit", net
    # "Sales and marketing" is a selling expense, not revenue
    got = _concepts(INCOME_COR.replace("Selling, general and administrative", "Sales and marketing               "),
                    kind="Income statement")
    assert got["Sales and marketing"] == "us-gaap:SellingAndMarketingExpense"


BALANCE_AND_OTHER = """\
                          ACME CORP.
                        BALANCE SHEETS
                        (In thousands)

                                                      December 31,
                                                       2010          2009
                                                     --------      --------
Current assets:
  Cash and cash equivalents                           $ 1,000       $   800
  Prepaid expenses and other current assets               200           150
                                                     --------      --------
    Total current assets                                1,200           950
Goodwill and other purchased intangibles, net             500           400
                                                     --------      --------
Total assets                                          $ 1,700       $ 1,350
                                                     ========      ========
"""


def test_what_a_row_names_before_and_other_is_used_only_when_it_widens():
    got = _concepts(BALANCE_AND_OTHER, kind="Balance sheet")
    # a concept that names the other things too is taken as it is
    assert got["Prepaid expenses and other current assets"] == "us-gaap:PrepaidExpenseAndOtherAssetsCurrent"
    # goodwill and other intangibles is more than goodwill, and no official concept adds goodwill into them
    assert got["Goodwill and other purchased intangibles, net"].startswith("acme:")


def test_gains_on_sales_are_the_gain_and_sales_are_the_cash():
    got = _concepts(CASH_FLOW)
    assert got["Losses (gains) on sales of marketable securities, net"] == "us-gaap:GainLossOnSaleOfInvestments"
    got = _concepts(CASH_FLOW.replace("Sales and maturities of marketable securities",
                                      "Sales of investments                         "))
    sales = got["Sales of investments"]
    assert "Gain" not in sales and "Loss" not in sales and sales.split(":")[1].startswith("Proceeds"), sales
    # sales and maturities printed apart are the official concepts for each
    got = _concepts(CASH_FLOW.replace("Sales and maturities of marketable securities  ",
                                      "Proceeds from sales of marketable securities    ").replace(
        "Net cash provided by investing activities                 100           100",
        "Proceeds from maturities of marketable securities          50            50\n"
        "Net cash provided by investing activities                 150           150"))
    assert got["Proceeds from sales of marketable securities"] == "us-gaap:ProceedsFromSaleOfAvailableForSaleSecuritiesDebt"
    assert got["Proceeds from maturities of marketable securities"] == \
        "us-gaap:ProceedsFromMaturitiesPrepaymentsAndCallsOfAvailableForSaleSecurities"



def test_a_bare_and_other_row_keeps_its_own_wording():
    # no accounts payable row beside it, yet "Accrued expenses and other" is the kept wording of accrued liabilities
    text = BALANCE_AND_OTHER.replace("Prepaid expenses and other current assets", "Accrued expenses and other               ")
    got = _concepts(text, kind="Balance sheet")
    assert got["Accrued expenses and other"] != "us-gaap:AccountsPayableAndAccruedLiabilitiesCurrent"


def test_a_provision_for_losses_is_a_balance_in_a_year_column():
    from edgar2xbrl.tag.mapper import is_flow
    assert is_flow("Loss on redemption of long-term debt") and is_flow("Gain on sale of assets")
    assert not is_flow("Provision for losses on contracts") and not is_flow("Unamortized loss on reacquired debt")


OTHER_ASSETS_NOTE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 3 - OTHER CURRENT ASSETS

Other current assets at December 31 (in thousands):

                                              2010          2009
                                            --------      --------
  Deposits                                    $  120        $  100
  Other                                           80            50
                                            --------      --------
  Total other current assets                  $  200        $  150
"""


def test_a_note_total_that_repeats_a_statement_figure_takes_its_concept():
    period_end = date(2010, 12, 31)
    b = Builder(load_catalog(era_of(period_end)), "acme", "x.txt")
    bs = _statement(BALANCE_AND_OTHER.replace("Prepaid expenses and other current assets", "Other current assets                     "))
    b.build_statement(bs, 1, "BalanceSheet", bs.title)
    assert {f.concept for f in b.facts.values() if f.row_label == "Other current assets"} == {"us-gaap:OtherAssetsCurrent"}
    note, st = _statement(OTHER_ASSETS_NOTE, period_end=period_end, note=True)
    b.build_statement(st, 2, "Note3", "Note 3 - OTHER CURRENT ASSETS (Details)", group="Disclosure")
    total = {(r.concept, r.status) for r in b.rows if r.row == "Total other current assets"}
    assert total == {("us-gaap:OtherAssetsCurrent", "duplicate")}, total  # the balance sheet's own figure
    # a bare "Other" in a note takes no concept that only a statement places (other investing payments)
    other = {r.concept for r in b.rows if r.row == "Other"}
    assert not any(c.startswith("us-gaap:PaymentsFor") or c.startswith("us-gaap:Proceeds") for c in other), other


ACCRUED_NOTE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 4 - ACCRUED LIABILITIES

Accrued liabilities at December 31 (in thousands):

                                              2010          2009
                                            --------      --------
  Accrued payroll                             $   70        $   60
  Accrued taxes                                   20            10
  Other                                           10             5
                                            --------      --------
  Total                                       $  100        $   75
"""


def test_a_note_total_of_accrued_liabilities_is_not_all_liabilities():
    period_end = date(2010, 12, 31)
    b = Builder(load_catalog(era_of(period_end)), "acme", "x.txt")
    note, st = _statement(ACCRUED_NOTE, period_end=period_end, note=True)
    b.build_statement(st, 2, "Note4", "Note 4 - ACCRUED LIABILITIES (Details)", group="Disclosure")
    got = {r.row: r.concept for r in b.rows}
    assert got["Total"] not in ("us-gaap:Liabilities", "us-gaap:LiabilitiesNoncurrent"), got["Total"]
    assert "Noncurrent" not in got["Other"] and "Investing" not in got["Other"], got["Other"]


EPS_NOTE = """\
                          ACME CORP.
NOTES TO CONDENSED CONSOLIDATED FINANCIAL STATEMENTS

NOTE 2 - EARNINGS PER SHARE

The following table sets forth the computation of basic and diluted earnings per share (in millions, except per
share amounts):

                                                   Three Months Ended
                                                 December 26,   December 27,
                                                     1998           1997
                                                   --------       --------
Numerator:
  Numerator for basic earnings per share --
    net income                                       $  152         $   47
  Interest expense on convertible debt                   11             --
                                                   --------       --------
  Numerator for diluted earnings per share --
    adjusted net income                              $  163         $   47
                                                   --------       --------
Denominator:
  Denominator for basic earnings per share --
    weighted-average shares outstanding               135.5          126.1
  Denominator for diluted earnings per share --
    adjusted weighted-average shares                  172.0          126.1
                                                   --------       --------
Basic earnings per share                             $ 1.12         $ 0.37
"""


def test_the_numerator_and_denominator_of_earnings_per_share_are_earnings_and_shares():
    # SFAS 128's wording names the inputs of the computation: they are never per-share amounts
    b = _built(EPS_NOTE, date(1998, 12, 26), "Note2", group="Note", form="10-Q", note=True)
    got = {f.row_label: (f.concept, f.unit) for f in b.facts.values()}
    assert got["Numerator for basic earnings per share -- net income"] == \
        ("us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic", "USD")
    assert got["Numerator for diluted earnings per share -- adjusted net income"] == \
        ("us-gaap:NetIncomeLossAvailableToCommonStockholdersDiluted", "USD")
    assert got["Denominator for basic earnings per share -- weighted-average shares outstanding"] == \
        ("us-gaap:WeightedAverageNumberOfSharesOutstandingBasic", "shares")
    assert got["Denominator for diluted earnings per share -- adjusted weighted-average shares"] == \
        ("us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding", "shares")
    # a caption's own scale ("Numerator (in millions):") over a heading in thousands scales the rows under it
    text = EPS_NOTE.replace("(in millions, except per\nshare amounts)", "(in thousands, except net income\nand per share amounts)")
    text = text.replace("Numerator:", "Numerator (in millions):")
    assert "in thousands" in text and "Numerator (in millions):" in text
    b = _built(text, date(1998, 12, 26), "Note2", group="Note", form="10-Q", note=True)
    values = {f.row_label: Decimal(f.value) for f in b.facts.values() if f.context.period.end == date(1998, 12, 26)}
    assert values["Numerator for basic earnings per share -- net income"] == Decimal(152000000)
    assert values["Denominator for basic earnings per share -- weighted-average shares outstanding"] == Decimal(135500)


CASH_AND_INVESTMENTS = """\
                          ACME CORP.
                    CASH FLOWS STATEMENTS
                        (In millions)

                                                         Year Ended June 30
                                                      1995              1996
                                                    --------          --------
CASH FLOWS FROM OPERATIONS
  Net income                                         $ 1,453           $ 2,195
  Depreciation and amortization                          269               480
                                                    --------          --------
    Net cash from operations                           1,722             2,675
                                                    --------          --------
CASH FLOWS USED FOR INVESTMENTS
  Additions to property, plant, and equipment           (495)             (494)
  Short-term investments                                 (651)              259
                                                    --------          --------
    Net cash used for investments                     (1,146)             (235)
                                                    --------          --------
Net change in cash and equivalents                       576             2,440
Cash and equivalents, beginning of year                1,477             2,053
                                                    --------          --------
Cash and equivalents, end of year                      2,053             4,493
Short-term investments                                 2,788             4,339
                                                    --------          --------
Cash and short-term investments                      $ 4,841           $ 8,832
                                                    ========          ========
"""


def test_short_term_investments_are_their_net_change_under_investing_and_a_balance_beside_ending_cash():
    b = _built(CASH_AND_INVESTMENTS, date(1996, 6, 30), "Cash flows")
    facts = [(f.row_label, f.concept, f.context.period, Decimal(f.value)) for f in b.facts.values()]
    net = [f for f in facts if f[0] == "Short-term investments" and f[2].start is not None]
    # a line printed with both signs is the two-way change, never a payment that is negative one year
    assert {f[1] for f in net} == {"us-gaap:PaymentsForProceedsFromShortTermInvestments"}, net
    held = [f for f in facts if f[0] == "Short-term investments" and f[2].start is None]
    assert {(f[1], f[2].end, f[3]) for f in held} == {
        ("us-gaap:ShortTermInvestments", date(1995, 6, 30), Decimal(2788000000)),
        ("us-gaap:ShortTermInvestments", date(1996, 6, 30), Decimal(4339000000))}
    total = [f for f in facts if f[0] == "Cash and short-term investments"]
    assert {(f[1], f[2].start, f[2].end) for f in total} == {
        ("us-gaap:CashCashEquivalentsAndShortTermInvestments", None, date(1995, 6, 30)),
        ("us-gaap:CashCashEquivalentsAndShortTermInvestments", None, date(1996, 6, 30))}


DEFERRED_TAX_NOTE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 8 - INCOME TAXES

The tax effects of temporary differences are presented below (in thousands):

                                                 December 31,
                                              2009          2008
                                            --------      --------
Deferred tax assets:
  Accruals and reserves                      $ 1,144       $ 1,378
  Depreciation                                (3,259)          520
  Net operating loss carryforwards             2,100         2,400
                                            --------      --------
    Net deferred tax assets                      (15)        4,298
                                            ========      ========
"""


def test_an_income_tax_note_row_is_a_tax_never_the_item_it_is_named_after():
    b = _built(DEFERRED_TAX_NOTE, date(2009, 12, 31), "Note8", group="Disclosure", note=True)
    got = {f.row_label: f.concept for f in b.facts.values()}
    assert set(got) >= {"Depreciation", "Net operating loss carryforwards"}
    # the tax effect of depreciation is not the depreciation expense; of the losses, not the losses
    for row in ("Depreciation", "Net operating loss carryforwards", "Accruals and reserves"):
        name = got[row].split(":")[1]
        assert got[row].startswith("acme:") or "Tax" in name, (row, got[row])


NOTE_BALANCES = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 4 - INVENTORIES

Inventories at year end were (in millions):

                                              2001          2000
                                            --------      --------
Raw materials                                $   905       $ 1,095
Finished products                              2,601         2,492
                                            --------      --------
  Total inventories                            3,506         3,587
                                            ========      ========
"""


def test_a_note_total_under_year_columns_is_the_balance_not_its_change():
    b = _built(NOTE_BALANCES, date(2001, 12, 31), "Note4", group="Disclosure", note=True)
    total = [f for f in b.facts.values() if f.row_label == "Total inventories"]
    assert total and all(not f.concept.split(":")[1].startswith("IncreaseDecrease") for f in total), total
    assert {(f.concept, f.context.period.start, Decimal(f.value)) for f in total} == {
        ("us-gaap:InventoryNet", None, Decimal(3506000000)), ("us-gaap:InventoryNet", None, Decimal(3587000000))}


OPENING_CASH = """\
                          ACME CORP.
            CONSOLIDATED STATEMENTS OF CASH FLOWS
                        (In millions)

                                                 Years ended September 30,
                                                 1999       1998       1997
                                               --------   --------   --------
Cash and cash equivalents, beginning of year    $1,481     $1,230     $1,552
                                               ------     ------     ------
Operating:
Net income (loss)                                  601        309     (1,045)
Depreciation and amortization                       85        111        118
Accounts receivable                                112        355      1,081
                                               ------     ------     ------
  Cash generated by operating activities           798        775        154
                                               ------     ------     ------
Investing:
Purchase of property, plant, and equipment         (47)       (46)       (53)
Other                                             (917)      (497)      (446)
                                               ------     ------     ------
  Cash used for investing activities              (964)      (543)      (499)
                                               ------     ------     ------
Financing:
Proceeds from issuance of common stock              86         19         23
Cash used for repurchase of common stock           (75)        --         --
                                               ------     ------     ------
  Cash generated by financing activities            11         19         23
                                               ------     ------     ------
Total cash generated by (used for)                (155)       251       (322)
                                               ------     ------     ------
Cash and cash equivalents, end of the year      $1,326     $1,481     $1,230
                                               ======     ======     ======
"""


def test_a_cash_flow_total_printed_negative_most_years_does_not_turn_the_statement_around():
    # the net change, an extension here, printed negative two years of three under the ending cash: it takes no
    # balance from its signs (a credit one turned operating, investing and financing the other way)
    b = _built(OPENING_CASH, date(1999, 12, 31), "Cash flows")
    got = {(f.row_label, f.context.period.end.year): (f.concept, Decimal(f.value)) for f in b.facts.values()
           if f.context.period.start is not None}
    assert got[("Cash generated by operating activities", 1999)] == \
        ("us-gaap:NetCashProvidedByUsedInOperatingActivities", Decimal(798000000))
    assert got[("Cash used for investing activities", 1999)] == \
        ("us-gaap:NetCashProvidedByUsedInInvestingActivities", Decimal(-964000000))
    assert got[("Net income (loss)", 1997)] == ("us-gaap:NetIncomeLoss", Decimal(-1045000000))
    assert got[("Accounts receivable", 1999)][1] == Decimal(-112000000)  # a decrease: cash came in


TAX_COMPONENTS = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 6 - INCOME TAXES

The provision for income taxes consisted of the following (in millions):

                                              2002          2001
                                            --------      --------
Federal:
  Current                                    $     8       $    94
  Deferred                                       (28)          154
                                            --------      --------
                                                 (20)          248
Foreign:
  Current                                         29            38
  Deferred                                         4            (3)
                                            --------      --------
                                                  33            35
                                            --------      --------
Provision for income taxes                   $    13       $   283
                                            ========      ========
"""


def test_an_unlabeled_sum_under_year_columns_is_what_its_parts_add_into_for_the_year():
    # the unlabeled sums of a current and a deferred tax expense are the year's, like what they add up (not the
    # year's last day, which a balance under a year-only column would take), and they are the federal and the
    # foreign tax expense: what both rows add into directly in the official calculations, although those tie
    # them to the provision for income taxes only through another network
    b = _built(TAX_COMPONENTS, date(2002, 12, 31), "Note6", group="Disclosure", note=True)
    got = {(f.concept, f.context.period.start, f.context.period.end): Decimal(f.value) for f in b.facts.values()}
    assert got[("us-gaap:FederalIncomeTaxExpenseBenefitContinuingOperations", date(2002, 1, 1),
                date(2002, 12, 31))] == Decimal(-20000000), got
    assert got[("us-gaap:ForeignIncomeTaxExpenseBenefitContinuingOperations", date(2001, 1, 1),
                date(2001, 12, 31))] == Decimal(35000000), got
    assert not [f for f in b.facts.values() if f.concept.startswith("acme:")]


TAX_RECONCILIATION = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 6 - INCOME TAXES

The provision for income taxes differs from the amount computed at the statutory rate (in millions):

                                              2002          2001
                                            --------      --------
Computed expected tax                        $    30       $   (18)
Research and development credit, net              (8)           (5)
Unusual items                                      0            12
                                            --------      --------
Provision for income taxes                   $    22       $   (11)
"""


DTA_PARTS = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 6 - INCOME TAXES

Deferred tax assets were (in millions):

                                              2002          2001
                                            --------      --------
In-process research and development              $ 40          $ 35
Accrued payroll and employee benefits              25            20
Net operating loss carryforwards                   60            70
                                            --------      --------
Total deferred tax assets                         $125          $125
"""


def test_a_row_inside_an_official_total_takes_the_part_its_own_words_tell_apart():
    # the credit is the total's part whose words are left when those all the parts share ("Effective Income Tax
    # Rate Reconciliation") are taken away; rows that name no part keep extensions, and take the year like the
    # total they add into
    b = _built(TAX_RECONCILIATION, date(2002, 12, 31), "Note6", group="Disclosure", note=True)
    by = {}
    for f in b.facts.values():
        by.setdefault(f.concept, []).append(f)
    assert "us-gaap:IncomeTaxReconciliationTaxCreditsResearch" in by, sorted(by)
    assert "us-gaap:IncomeTaxExpenseBenefit" in by, sorted(by)
    # a part chosen by the words left, with no wording kept for it; a row of two things names no part
    dta = _built(DTA_PARTS, date(2002, 12, 31), "Note6", group="Disclosure", note=True)
    got = {f.row_label.strip(): f.concept for f in dta.facts.values()}
    assert got["In-process research and development"] == "us-gaap:DeferredTaxAssetsInProcessResearchAndDevelopment"
    assert got["Accrued payroll and employee benefits"].startswith("acme:"), got
    ext = [f for c, fs in by.items() if c.startswith("acme:") for f in fs]
    assert ext and all(f.context.period.start is not None for f in ext), [(f.concept, f.context.period) for f in ext]


HELD_PAPER = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 4 - CASH AND SHORT-TERM INVESTMENTS

Cash and short-term investments were (in millions):

                                                 June 30
                                              1997          1998
                                            --------      --------
Cash                                         $   246       $   195
Commercial paper                               1,660         2,771
Certificates of deposit                          854           419
                                            --------      --------
  Cash and equivalents                         2,760         3,385
                                            ========      ========
"""


def test_a_row_added_into_assets_is_held_not_owed():
    b = _built(HELD_PAPER, date(1998, 6, 30), "Note4", group="Disclosure", note=True)
    paper = [f for f in b.facts.values() if f.row_label == "Commercial paper"]
    assert paper and all(f.concept not in ("us-gaap:CommercialPaper", "us-gaap:CommercialPaperNoncurrent")
                         for f in paper), paper
    assert all(Decimal(f.value) > 0 for f in paper), [(f.concept, f.value) for f in paper]


DILUTIVE_SHARES = EPS_NOTE.replace("""  Denominator for diluted earnings per share --
    adjusted weighted-average shares                  172.0          126.1
""", """  Effect of dilutive securities:
    Convertible preferred stock                       9,091          9,091
    Dilutive options                                  8,287          5,059
                                                   --------       --------
  Dilutive potential common shares                   17,378         14,150
                                                   --------       --------
""")


def test_what_adds_up_to_a_count_of_shares_is_shares_and_taxes_need_tax_words():
    from edgar2xbrl.tag.catalog import never_negative
    from edgar2xbrl.tag.mapper import _TAX_NOTE
    assert "Dilutive potential common shares" in DILUTIVE_SHARES
    b = _built(DILUTIVE_SHARES, date(1998, 12, 26), "Note2", group="Note", form="10-Q", note=True)
    units = {f.row_label: f.unit for f in b.facts.values()}
    assert units["Convertible preferred stock"] == units["Dilutive options"] == "shares", units
    # a note about income taxes is one whose title says so, not one of amounts net of them
    assert _TAX_NOTE.search("Income Taxes") and _TAX_NOTE.search("Provision for Taxes")
    assert not _TAX_NOTE.search("Accumulated other comprehensive income, net of income taxes")
    assert not _TAX_NOTE.search("Taxes other than income taxes")
    # deferred tax assets and liabilities are amounts held or owed: never negative, they anchor a table's signs
    cat = load_catalog()
    assert never_negative(cat.concepts["us-gaap:DeferredTaxAssetsGross"])
    assert not never_negative(cat.concepts.get("us-gaap:DeferredTaxAssetsLiabilitiesNet"))


ROLL_FORWARD = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 9 - ALLOWANCE FOR DOUBTFUL ACCOUNTS

                                                          December 31, 1998
                                                          -----------------
Balance at December 31, 1997                                    $  1,577
Charge-offs                                                         (287)
Recoveries                                                            75
                                                                --------
Balance at December 31, 1998                                    $  1,365
Notes due June 30, 2005                                              100
"""


def test_a_roll_forward_dated_by_its_labels_dates_its_rows_by_them():
    from edgar2xbrl.model import Period
    from edgar2xbrl.tag.mapper import build_lines
    from edgar2xbrl.tables.arithmetic import find_subtotals
    note, st = _statement(ROLL_FORWARD, period_end=date(1998, 12, 31), note=True)
    lines = build_lines(st, find_subtotals(st.rows))
    by = {ln.row.label: ln.dated for ln in lines if ln.row.has_values}
    assert by["Balance at December 31, 1997"] == Period(end=date(1997, 12, 31))
    assert by["Charge-offs"] == Period(start=date(1998, 1, 1), end=date(1998, 12, 31))
    assert by["Balance at December 31, 1998"] == Period(end=date(1998, 12, 31))
    assert by["Notes due June 30, 2005"] is None  # a maturity, not a balance's date


DEBT_LESS_CURRENT = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 5 - LONG-TERM DEBT

Long-term debt was (in millions):

                                                 December 31,
                                              2008          2007
                                            --------      --------
6.875% PEACS due February 2010                 $ 335         $ 350
4.75% Convertible Subordinated Notes               -           899
Other long-term debt                             133            50
                                            --------      --------
                                                 468         1,299
Less current portion of long-term debt           (59)          (17)
                                            --------      --------
                                               $ 409       $ 1,282
                                            ========      ========
"""


def test_a_deducted_row_of_the_same_balance_does_not_turn_its_total_around():
    b = _built(DEBT_LESS_CURRENT, date(2008, 12, 31), "Note5", group="Disclosure", note=True)
    values = [(f.row_label, f.concept, Decimal(f.value)) for f in b.facts.values()]
    assert values and all(v >= 0 for _, _, v in values), [x for x in values if x[2] < 0]


WIDGETS = """\
                          ACME CORP.
            CONSOLIDATED STATEMENTS OF CASH FLOWS
                        (In millions)

                                                 Years ended December 31,
                                                 1999       1998       1997
                                               --------   --------   --------
Net income                                          600        300        100
Depreciation and amortization                        80         70         60
Change in widget reserves                           120       (350)        40
                                               --------   --------   --------
  Total adjustments                                 200       (280)       100
                                               --------   --------   --------
Net cash provided by operating activities           800         20        200
                                               ========   ========   ========
"""


def test_a_cash_flow_extension_keeps_its_printed_signs():
    # a line nothing official fits, printed with both signs, under an extension subtotal made after it: no balance
    # guessed from its words or the majority of its signs (AIG's reserves and commercial paper were turned)
    b = _built(WIDGETS, date(1999, 12, 31), "Cash flows")
    got = {f.context.period.end.year: Decimal(f.value) for f in b.facts.values()
           if f.row_label == "Change in widget reserves"}
    assert got == {1999: Decimal(120000000), 1998: Decimal(-350000000), 1997: Decimal(40000000)}, got


def test_cash_at_the_day_every_column_begins_on_is_the_opening_balance():
    # IBM: "Cash and cash equivalents at January 1" over calendar years (issue 9's example: it was a duration
    # extension); here years begin October 1 and end September 30
    text = OPENING_CASH.replace("Cash and cash equivalents, beginning of year    ",
                                "Cash and cash equivalents at October 1          ").replace(
            "Cash and cash equivalents, end of the year     ", "Cash and cash equivalents at September 30     ")
    assert "at October 1" in text and "at September 30" in text
    b = _built(text, date(1999, 12, 31), "Cash flows")
    got = {(f.row_label, f.context.period) for f in b.facts.values() if f.concept.endswith("CashAndCashEquivalentsAtCarryingValue")}
    from edgar2xbrl.model import Period
    assert ("Cash and cash equivalents at October 1", Period(end=date(1998, 9, 30))) in got, got
    assert ("Cash and cash equivalents at September 30", Period(end=date(1999, 9, 30))) in got, got


UNRECOGNIZED = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 6 - INCOME TAXES

The changes in the gross unrecognized tax benefits were as follows (in millions):

                                                                        2010        2009
                                                                      --------    --------
Beginning balance                                                     $    971    $    506
Increases related to tax positions taken during a prior year                61         341
Decreases related to tax positions taken during a prior year              (224)        (24)
Increases related to tax positions taken during the current year          240         151
Decreases related to settlements with taxing authorities                  (102)          -
Decreases related to expiration of statute of limitations                   (3)         (3)
                                                                      --------    --------
Ending balance                                                        $    943    $    971
                                                                      ========    ========
"""


def test_a_roll_forward_is_read_as_the_balance_its_flows_roll_forward():
    # the official wordings of the flows, each its own direction (the label words make "increase" and
    # "decrease" one word); "Beginning balance" and "Ending balance" say only "balance": they are the balance whose
    # change the flows add into (UnrecognizedTaxBenefitsPeriodIncreaseDecrease), at the day before the year and
    # its last day; decreases printed in parentheses are positive decreases
    b = _built(UNRECOGNIZED, date(2010, 12, 31), "Note6", group="Disclosure", note=True)
    got = {(f.concept.split(":")[1], f.context.period.start, f.context.period.end): Decimal(f.value)
           for f in b.facts.values()}
    y10 = (date(2010, 1, 1), date(2010, 12, 31))
    assert got[("UnrecognizedTaxBenefitsIncreasesResultingFromPriorPeriodTaxPositions",) + y10] == 61000000, got
    assert got[("UnrecognizedTaxBenefitsDecreasesResultingFromPriorPeriodTaxPositions",) + y10] == 224000000
    assert got[("UnrecognizedTaxBenefitsIncreasesResultingFromCurrentPeriodTaxPositions",) + y10] == 240000000
    assert got[("UnrecognizedTaxBenefitsDecreasesResultingFromSettlementsWithTaxingAuthorities",) + y10] == 102000000
    assert got[("UnrecognizedTaxBenefitsReductionsResultingFromLapseOfApplicableStatuteOfLimitations",) + y10] == 3000000
    assert got[("UnrecognizedTaxBenefits", None, date(2010, 12, 31))] == 943000000
    assert got[("UnrecognizedTaxBenefits", None, date(2009, 12, 31))] == 971000000  # the 2010 opening, and 2009's end
    assert got[("UnrecognizedTaxBenefits", None, date(2008, 12, 31))] == 506000000
    assert not [k for k in got if k[0].startswith("acme")], got


DEFERRED_TAX_ASSETS = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 6 - INCOME TAXES

The tax effects of temporary differences are presented below (in thousands):

                                                              2009          2008
                                                            --------      --------
Deferred tax assets:
  Accruals and reserves                                     $  1,144      $  1,378
  Stock-based compensation                                    16,824        17,440
  Research and development credits                             3,178         2,607
  Depreciation                                                   843           812
                                                            --------      --------
Deferred tax assets                                         $ 21,989      $ 22,237
"""


def test_a_credit_carried_forward_is_no_item_of_a_rate_reconciliation():
    # a table with no tax at the statutory rate reconciles nothing: its "Research and development credits" is not
    # the reconciliation's research credit (a credit-balance flow that would turn the table's signs)
    b = _built(DEFERRED_TAX_ASSETS, date(2009, 12, 31), "Note6", group="Disclosure", note=True)
    assert not [f for f in b.facts.values() if "Reconciliation" in f.concept]
    assert all(Decimal(f.value) > 0 for f in b.facts.values()), [(f.concept, f.value) for f in b.facts.values()]
    # "Depreciation" (a wording of the deferred tax liability for property) added into the assets: not that
    depreciation = {f.concept for f in b.facts.values() if f.row_label.strip() == "Depreciation"}
    assert depreciation and not [c for c in depreciation if c.startswith("us-gaap:DeferredTaxLiabilities")]


def test_the_wordings_kept_for_official_concepts_name_official_concepts_known_by_their_names():
    from edgar2xbrl.tag.catalog import WORDINGS_PATH, parse_wordings
    cat = load_catalog()
    wordings = parse_wordings(WORDINGS_PATH)
    assert len(wordings) >= 20
    for name, words in wordings.items():
        c = cat.find(name)
        assert c is not None and not c.kept, name  # a kept row carries its wordings in concepts.csv
        assert c.aliases == words and words, name


def test_a_row_saying_one_direction_is_no_concept_named_for_the_other():
    from edgar2xbrl.tag.mapper import score_concept
    cat = load_catalog()
    up = cat.find("UnrecognizedTaxBenefitsIncreasesResultingFromPriorPeriodTaxPositions")
    down = cat.find("UnrecognizedTaxBenefitsDecreasesResultingFromPriorPeriodTaxPositions")
    label = "Decreases related to tax positions taken during a prior year"
    assert score_concept(label, "", down) >= 0.9
    assert score_concept(label, "", up) == 0.0


PRO_FORMA = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 1 - STOCK-BASED COMPENSATION

Had compensation cost been determined under SFAS No. 123 (in thousands):

                                                              2002          2001
                                                            --------      --------
Net loss, as reported                                       $(149,132)    $(567,277)
Add: Stock-based compensation, as reported                      68,927         4,637
Deduct: Total stock-based compensation determined under
  fair value based method for all awards                      (148,083)     (400,445)
                                                            --------      --------
Adjusted net loss, fair value method                        $(228,288)    $(963,085)
"""


def test_a_sum_of_rows_of_both_balances_as_printed_keeps_their_signs():
    # net loss (a credit) plus an expense (a debit) less another: the extension total has no balance, so the net
    # loss stays negative and the adjusted loss too
    b = _built(PRO_FORMA, date(2002, 12, 31), "Note1", group="Disclosure", note=True)
    y02 = [f for f in b.facts.values() if f.context.period.end == date(2002, 12, 31)]
    by = {f.concept: Decimal(f.value) for f in y02}
    assert by["us-gaap:NetIncomeLoss"] == -149132000, by
    assert [v for c, v in by.items() if c.startswith("acme:AdjustedNetLoss")] == [-228288000], by
    # and it is the year's, like the official rows it adds up (not the year's last day)
    adjusted = [f for f in y02 if f.concept.startswith("acme:AdjustedNetLoss")]
    assert adjusted and all(f.context.period.start is not None for f in adjusted)


SEGMENT_SUMS = SEGMENTS.replace("""  Operating income                               300           250
""", """  Cost of sales                                2,000         1,700
  Gross profit                                 1,000           800
""").replace("""  Operating income                               200           150
""", """  Cost of sales                                1,400         1,100
  Gross profit                                   600           400
""")


def test_a_sum_printed_once_per_segment_is_one_calculation_of_the_network():
    # "Gross profit" over the same two rows in each segment: one set of summation items for GrossProfit in the
    # network (XBRL forbids the same arc twice in a link), bound in each segment's context
    note, st = _statement(SEGMENT_SUMS, period_end=date(2010, 12, 31), note=True)
    title = f"Note {note.number} - {note.title} (Details)"
    b = Builder(load_catalog(2009), "acme", "x.txt")
    b.build_statement(st, 200, "Segments", title, group="Disclosure", breakdown=segment_breakdown(b, st, title))
    net = b.networks[-1]
    gross = [kids for parent, kids in net.calculations if parent == "us-gaap:GrossProfit"]
    assert len(gross) == 1, net.calculations
    assert sorted(q for q, _ in gross[0]) == ["us-gaap:CostOfGoodsAndServicesSold", "us-gaap:Revenues"]


ACCRUED = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 9 - ACCRUED LIABILITIES

Accrued liabilities at December 31 were as follows (in millions):

                                                              2001          2000
                                                            --------      --------
Dealer and customer allowances and claims                   $ 13,412      $ 11,660
Deferred revenue                                               2,460         2,209
Employee benefit plans                                         1,790         2,029
Postretirement benefits other than pensions                    1,230         1,076
Other                                                          5,098         6,395
                                                            --------      --------
Total accrued liabilities                                   $ 23,990      $ 23,369
"""


def test_rows_of_a_balance_total_under_year_columns_are_balances():
    # under "2001" a row could be the year or its last day; among accrued liabilities (a balance, beside another
    # balance) it is a balance: no excess tax benefit of the cash-flow statement, no benefit expense of the year
    b = _built(ACCRUED, date(2001, 12, 31), "Note9", group="Disclosure", note=True)
    facts = list(b.facts.values())
    assert facts and all(f.context.period.is_instant for f in facts), \
        [(f.row_label, f.concept, f.context.period) for f in facts if not f.context.period.is_instant]


RATE_RECONCILIATION = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 4 - INCOME TAXES

The effective tax rate differs from the statutory rate (in millions):

                                              1994          1993
                                            --------      --------
Federal statutory rate                          35.0%         34.0%
Foreign sales corporation                       (1.0)         (1.2)
State taxes and other - net                      2.5           2.0
                                            --------      --------
Effective tax rate                              36.5%         34.8%
"""


def test_rates_printed_bare_between_rates_printed_with_percent_are_rates():
    # a rate reconciliation prints % on its first and last lines only: "(1.0)" between them is a rate, never
    # $1,000,000 at the table's scale
    b = _built(RATE_RECONCILIATION, date(1994, 12, 31), "Note4", group="Disclosure", note=True)
    assert not [(f.row_label, f.concept, f.value) for f in b.facts.values()]
    reasons = {u.row.strip(): u.reason for u in b.untagged}
    assert "percentage" in reasons["Foreign sales corporation"], reasons


SBC_FOOTNOTE = """\
                          ACME CORP.
              CONSOLIDATED STATEMENTS OF OPERATIONS
                        (in millions)

                                              Year Ended December 31,
                                              2009          2008
                                            --------      --------
Net sales                                    $ 2,000       $ 1,800
Operating expenses (1):
  Marketing                                      300           250
  General and administrative                     200           180
                                            --------      --------
Total operating expenses                         500           430
                                            --------      --------
Income from operations                       $ 1,500       $ 1,370
                                            ========      ========
(1) Includes stock-based compensation as follows:
  Marketing                                       23            20
  General and administrative                      31            28
"""


def test_rows_under_a_caption_naming_a_measure_are_that_measure_not_the_lines_they_name():
    # the stock compensation in marketing is not the marketing expense (23 tagged as marketing expense, or as
    # another marketing concept, would be a wrong fact)
    st = _statement(SBC_FOOTNOTE)
    b = Builder(load_catalog(2009), "acme", "x.txt")
    b.build_statement(st, 1, "Income", st.title)
    small = [f for f in b.facts.values() if Decimal(f.value) in (23000000, 31000000)]
    assert small and all(f.concept == "us-gaap:AllocatedShareBasedCompensationExpense" and f.context.dims
                         for f in small), [(f.row_label, f.concept, f.context.dims) for f in small]
    assert any(f.concept == "us-gaap:MarketingExpense" and Decimal(f.value) == 300000000 for f in b.facts.values())


OTHER_NONCURRENT_NOTE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 3 - OTHER NON-CURRENT ASSETS

Other non-current assets at December 31 (in thousands):

                                              2010          2009
                                            --------      --------
  Deferred tax assets                         $  120        $  100
  Other non-current assets                       380           300
                                            --------      --------
  Total other non-current assets              $  500        $  400
"""


def test_a_note_total_takes_the_statement_concept_a_row_under_it_took_first_by_its_words():
    # "Other current assets" in the note is a part of the balance sheet's other current assets: the note's total
    # holds the statement's figure and concept, and the part takes an extension rather than the total's concept
    period_end = date(2010, 12, 31)
    b = Builder(load_catalog(era_of(period_end)), "acme", "x.txt")
    bs = _statement(BALANCE_AND_OTHER.replace("Prepaid expenses and other current assets", "Other current assets                     "))
    b.build_statement(bs, 1, "BalanceSheet", bs.title)
    note, st = _statement(OTHER_ASSETS_NOTE.replace("  Deposits            ", "  Deferred taxes      ").replace(
        "  Other               ", "  Other current assets"), period_end=period_end, note=True)
    b.build_statement(st, 2, "Note3", "Note 3 - OTHER CURRENT ASSETS (Details)", group="Disclosure")
    got = {(r.row, r.concept, r.status) for r in b.rows if r.statement.startswith("Note")}
    total = {(c, s) for row, c, s in got if row == "Total other current assets"}
    assert total == {("us-gaap:OtherAssetsCurrent", "duplicate")}, got
    part = {c for row, c, s in got if row == "Other current assets"}
    assert len(part) == 1 and part.pop().startswith("acme:"), got
    assert not any(s == "conflict" for _, _, s in got), got
    # the same where the total has no concept of its own to trade (nothing but the part's concept fits its words)
    b = Builder(load_catalog(era_of(period_end)), "acme", "x.txt")
    bs = _statement(BALANCE_AND_OTHER.replace("Goodwill and other purchased intangibles, net",
                                              "Other non-current assets                     "))
    b.build_statement(bs, 1, "BalanceSheet", bs.title)
    note, st = _statement(OTHER_NONCURRENT_NOTE, period_end=period_end, note=True)
    b.build_statement(st, 2, "Note3", "Note 3 - OTHER NON-CURRENT ASSETS (Details)", group="Disclosure")
    got = {(r.row, r.concept, r.status) for r in b.rows if r.statement.startswith("Note")}
    total = {(c, s) for row, c, s in got if row == "Total other non-current assets"}
    assert total == {("us-gaap:OtherAssetsNoncurrent", "duplicate")}, got
    assert not any(s == "conflict" for _, _, s in got), got


def test_other_tells_the_rest_of_a_class_from_the_class():
    from edgar2xbrl.tag.mapper import score_concept
    cat = load_catalog(era_of(date(2010, 12, 31)))
    cur, other = cat.concepts["us-gaap:LiabilitiesCurrent"], cat.concepts["us-gaap:OtherLiabilitiesCurrent"]
    # the label words weigh "other" lightly: without the rule the two tie and the total of the class wins
    assert score_concept("Total other current liabilities", "", other) > \
        score_concept("Total other current liabilities", "", cur)
    assert score_concept("Total current liabilities", "", cur) > \
        score_concept("Total current liabilities", "", other)
    # "X and other" adds odds and ends to X: it is no rest of a class
    prepaid = cat.concepts["us-gaap:PrepaidExpenseAndOtherAssetsCurrent"]
    assert score_concept("Prepaid expenses and other", "", prepaid) >= \
        score_concept("Prepaid expenses", "", prepaid) * 0.9
    # a loan class named "Real estate" is not foreclosed property (OtherRealEstate, known by its name alone)
    ore = cat.concepts.get("us-gaap:OtherRealEstate")
    if ore is not None:
        assert score_concept("Real estate", "Loans", ore, "Loans") < score_concept("Other real estate", "", ore)


NOTE_OVER_PAGES = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 8. Commitments

The Company leases certain facilities and equipment under operating
leases that expire at various dates. Rent expense was not material in
any of the years presented.

NOTE 9. Segment Information

Sales by geographic area (in millions):

                                              1993        1992        1991
                                             -------    --------    ------
  United States                             $ 14,102    $ 12,514    $ 13,182
  Europe                                       1,673       2,051       1,847
                                            --------    --------    --------
    Total                                   $ 15,775    $ 14,565    $ 15,029
                                            ========    ========    ========
- - - - - -
*Excludes Jaguar
Certain amounts for 1992 and 1991 have been reclassified to conform
with presentations adopted in 1993.

                             FS-25
<PAGE>
NOTE 9. Segment Information (Continued)
- ----------------------------------------

Financial Services
- ------------------
Income before income taxes
                                              1993        1992        1991
                                             -------    --------    ------
  United States                             $  2,311    $  1,452    $  1,163
  Europe                                         285         266         184
                                            --------    --------    --------
    Total                                   $  2,596    $  1,718    $  1,347
                                            ========    ========    ========
"""


def test_a_note_table_on_the_next_page_keeps_the_scale_printed_over_the_note():
    lines = NOTE_OVER_PAGES.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", date(1993, 12, 31))
    scales = [st.scale for _, st in lay.note_tables]
    assert scales == [6, 6], scales
    # a table whose columns differ from the one that ended the last page is not a continuation (a count of
    # people, an option price): it keeps its figures as printed
    other = NOTE_OVER_PAGES[:NOTE_OVER_PAGES.index("Income before income taxes")] + """Employees (number)
                                              1993        1992
                                             -------    --------
  United States                               14,102      12,514
  Europe                                       1,673       2,051
"""
    lines = other.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", date(1993, 12, 31))
    assert [st.scale for _, st in lay.note_tables] == [6, 0], [st.scale for _, st in lay.note_tables]


ROLL_FORWARD_NOTE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 3 - SERVICING RIGHTS

The activity in servicing rights was as follows (in millions):

                                              2005          2004
                                            --------      --------
  Balance, beginning of period                $  400        $  314
  Additions                                      509           467
  Sales                                         (237)         (294)
  Amortization                                  (151)         (104)
  Net change in valuation allowance               40            17
                                            --------      --------
  Balance, end of period                      $  561        $  400
"""


def test_rows_between_a_beginning_and_an_ending_balance_are_the_years_flows():
    b = _built(ROLL_FORWARD_NOTE, date(2005, 12, 31), "Note3", group="Disclosure", note=True)
    got = {(r.row, r.period) for r in b.rows}
    assert ("Amortization", "2005-01-01..2005-12-31") in got and ("Additions", "2004-01-01..2004-12-31") in got, got
    assert ("Balance, beginning of period", "2004-12-31") in got and ("Balance, end of period", "2005-12-31") in got
    # a flow is no accumulated balance
    assert not any("Accumulated" in r.concept for r in b.rows if r.row == "Amortization")


LETTERED_TAX_NOTE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

A  Significant Accounting Policies

The statements include the accounts of the company and its subsidiaries.

B  Inventories

Inventories are stated at the lower of average cost or market.

C  Taxes

(Dollars in millions)
For the year ended December 31:                            1997       1996
Earnings before income taxes:
U.S. operations                                          $ 3,193    $ 3,025
Non-U.S. operations                                        5,834      5,562
                                                         -------    -------
                                                         $ 9,027    $ 8,587
                                                         =======    =======
The provision for income taxes by geographic operations
   is as follows:
U.S. operations                                          $   974    $ 1,137
Non-U.S. operations                                        1,960      2,021
                                                         -------    -------
Total provision for income taxes                         $ 2,934    $ 3,158
                                                         =======    =======
The components of the provision for income taxes by
   taxing jurisdiction are as follows:
U.S. federal:
Current                                                  $   559    $   727
Deferred                                                     (51)        83
                                                         -------    -------
                                                             508        810
Non-U.S.:
Current                                                    2,330      2,067
Deferred                                                      96        281
                                                         -------    -------
                                                           2,426      2,348
                                                         -------    -------
Total provision for income taxes                           2,934      3,158
Provision for social security, real estate,
   personal property and other taxes                       2,774      2,584
                                                         -------    -------
Total provision for taxes                                $ 5,708    $ 5,742
                                                         =======    =======
"""


def test_notes_headed_by_letters_are_notes_and_their_tax_table_reads_right():
    lines = LETTERED_TAX_NOTE.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", date(1997, 12, 31))
    assert [n.number for n in lay.notes] == ["A", "B", "C"], [n.number for n in lay.notes]
    note, st = lay.note_tables[0]
    b = Builder(load_catalog(era_of(date(1997, 12, 31))), "acme", "x.txt")
    b.build_statement(st, 1, "NoteC", "Note C - Taxes (Details)", group="Disclosure")
    got = {(r.row, r.concept.split(":")[1], r.value) for r in b.rows if r.period.startswith("1997")}
    # places as rows and as captions are the official names' domestic and foreign
    assert ("U.S. operations", "IncomeLossFromContinuingOperationsBeforeIncomeTaxesDomestic", "3193000000") in got
    assert ("Current", "CurrentForeignTaxExpenseBenefit", "2330000000") in got
    assert ("Deferred", "DeferredForeignIncomeTaxExpenseBenefit", "96000000") in got
    # the total printed again is the same fact, and no sign in the table turns
    again = {c for row, c, v in got if row == "Total provision for income taxes"}
    assert again == {"IncomeTaxExpenseBenefit"}, got
    assert ("Deferred", "DeferredFederalIncomeTaxExpenseBenefit", "-51000000") in got
    assert all(not v.startswith("-") for row, c, v in got if row != "Deferred"), got
    periods = {r.period for r in b.rows if r.row.startswith(("Total provision for taxes", "Provision for social"))}
    assert periods == {"1997-01-01..1997-12-31", "1996-01-01..1996-12-31"}, periods


TWO_OTHERS_NOTE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 5 - INCOME TAXES

Deferred taxes at December 31 (in thousands):

                                              2005          2004
                                            --------      --------
Deferred tax assets:
  Net operating losses                        $  300        $  200
  Other                                           12            12
                                            --------      --------
  Total deferred tax assets                      312           212
Deferred tax liabilities:
  Depreciation                                   100            90
  Other                                           12            12
                                            --------      --------
  Total deferred tax liabilities                 112           102
"""

WARRANTY_NOTE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 6 - PRODUCT WARRANTIES

Changes in the warranty liability were (in thousands):

                                              2005          2004
                                            --------      --------
  Balance, beginning of year                  $   40        $   35
  Warranty provision                              20            15
  Payments                                       (12)          (10)
                                            --------      --------
  Balance at December 31                      $   48        $   40
"""


def test_a_bare_row_printed_twice_is_two_facts():
    b = _built(TWO_OTHERS_NOTE, date(2005, 12, 31), "Note5", group="Disclosure", note=True)
    others = {r.concept for r in b.rows if r.row == "Other" and r.period == "2005-12-31"}
    assert len(others) == 2, others


def test_a_provision_added_to_a_liability_roll_forward_is_positive_and_a_flow():
    b = _built(WARRANTY_NOTE, date(2005, 12, 31), "Note6", group="Disclosure", note=True)
    got = {(r.period, r.value) for r in b.rows if r.row == "Warranty provision"}
    assert got == {("2005-01-01..2005-12-31", "20000"), ("2004-01-01..2004-12-31", "15000")}, got


PROSE_DATE_NOTE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 17 - RETIREMENT BENEFITS

Expense accruals for employees assigned to the spun-off unit who met certain
age and service conditions at June 30, 2000 are charged to that unit. A portion
of the benefits has been prepaid.
Our expense for pension benefits was as follows (in millions):

                                              2001       2000       1999
                                            -------    -------    -------
  Service cost                                 $ 531      $ 495      $ 522
  Interest cost                                2,410      2,345      1,713
                                            -------    -------    -------
  Net expense                                  2,941      2,840      2,235
"""


def test_an_annual_note_is_dated_by_its_lead_in_not_by_an_earlier_sentence():
    note, st = _statement(PROSE_DATE_NOTE, period_end=date(2001, 12, 31), note=True)
    ends = [str(c.period.end) for c in st.columns]
    assert ends == ["2001-12-31", "2000-12-31", "1999-12-31"], ends


PRETAX_LOSS_NOTE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 11 - INCOME TAXES

The components of loss before income taxes were (in thousands):

                                              2010          2009
                                            --------      --------
  Domestic                                  $154,734      $ 56,983
  International                                 (579)       (1,269)
                                            --------      --------
  Loss before income taxes                  $154,155      $ 55,714
"""


def test_losses_printed_plain_under_a_loss_before_income_taxes_are_negative():
    b = _built(PRETAX_LOSS_NOTE, date(2010, 12, 31), "Note11", group="Disclosure", note=True)
    got = {(r.row, r.value) for r in b.rows if r.period.startswith("2010")}
    assert ("Domestic", "-154734000") in got and ("International", "579000") in got, got


OPTIONS = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 7 - STOCK OPTIONS

A summary of the Company's stock option activity for the years ended December 31 follows (in thousands):

                                             2005                          2004
                                 ---------------------------  ---------------------------
                                 Number of           Average  Number of           Average
                                   options    exercise price    options    exercise price
                                 ---------    --------------  ---------    --------------
Outstanding, beginning of year     376,330           $ 37.59    387,426           $ 39.88
Granted                             17,248             35.55     16,667             39.79
Exercised                          (26,731)            24.28    (27,763)            25.33
Outstanding, end of year           366,847             37.93    376,330             37.59
"""


def test_an_option_table_counts_options_and_never_writes_its_prices_as_dollars():
    from edgar2xbrl.tag.labels import column_measure
    assert column_measure("2005 Weighted-average exercise price") == "price"
    assert column_measure("Number of options/SARs") == "count"
    assert column_measure("Outstanding Options Aggregate Intrinsic Value") == ""
    note, st = _statement(OPTIONS, period_end=date(2005, 12, 31), note=True)
    # each year's heading, over a rule of its own, dates both columns under it
    assert [c.period for c in st.columns][0::2] == [c.period for c in st.columns][1::2]
    assert st.columns[0].period is not None
    b = Builder(load_catalog(2009), "acme", "x.txt")
    b.build_statement(st, 200, "Options", f"Note {note.number} - {note.title}", group="Disclosure")
    facts = list(b.facts.values())
    granted = [f for f in facts if f.row_label.strip() == "Granted"]
    assert sorted(Decimal(f.value) for f in granted) == [16_667_000, 17_248_000]
    assert {f.unit for f in granted} == {"shares"}
    # the taxonomy's roll-forward of options: the balance and the flows its calculation adds into the balance's
    # change, each count positive
    by_row = {(f.row_label.strip(), str(f.context.period.end)): (f.concept, Decimal(f.value)) for f in facts
              if f.unit == "shares"}
    grants = "us-gaap:ShareBasedCompensationArrangementByShareBasedPaymentAwardOptionsGrantsInPeriod"
    outstanding = "us-gaap:ShareBasedCompensationArrangementByShareBasedPaymentAwardOptionsOutstandingNumber"
    assert by_row[("Granted", "2005-12-31")] == (grants, 17_248_000)
    assert by_row[("Exercised", "2005-12-31")] == ("us-gaap:StockIssuedDuringPeriodSharesStockOptionsExercised",
                                                   26_731_000)
    assert by_row[("Outstanding, beginning of year", "2004-12-31")] == (outstanding, 376_330_000)
    assert by_row[("Outstanding, end of year", "2005-12-31")] == (outstanding, 366_847_000)
    # the exercise price of the options outstanding beside their count, a price per share, never scaled
    price = [f for f in facts if f.concept.endswith("OptionsOutstandingWeightedAverageExercisePrice")]
    assert {(str(f.context.period.end), Decimal(f.value), f.unit) for f in price} == {
        ("2005-12-31", Decimal("37.93"), "USDPerShare"), ("2004-12-31", Decimal("37.59"), "USDPerShare"),
        ("2003-12-31", Decimal("39.88"), "USDPerShare")}
    # no price, scaled or not, is an amount of dollars
    assert not [f for f in facts if f.unit == "USD"]
    prices = [u for u in b.untagged if u.value in ("35.55", "37.59")]
    assert prices and all("prices per share" in u.reason for u in prices)


SECTORS = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 15 - CASH FLOWS

The reconciliation of net income to cash flows from operating activities is as follows (in millions):

                                          1993                      1992
                                 ----------------------    ----------------------
                                               Financial                 Financial
                                 Automotive    Services    Automotive    Services
                                 ----------    ---------   ----------    ---------
Net income                          $ 1,000     $ 1,529      $ 800        $ 1,300
Depreciation                          2,000         500      1,900            450
Cash flows from operating activities 3,000      2,029      2,700          1,750
"""


def test_columns_of_segments_printed_for_each_year_are_none_of_them_the_company():
    note, st = _statement(SECTORS, period_end=date(1993, 12, 31), note=True)
    assert all(c.period is not None for c in st.columns)
    b = Builder(load_catalog(2008), "acme", "x.txt")
    b.build_statement(st, 200, "Cash flows", f"Note {note.number} - {note.title}", group="Disclosure")
    assert not [f for f in b.facts.values() if f.row_label.strip() == "Net income"]
    reasons = [u.reason for u in b.untagged if u.row.strip() == "Net income"]
    assert len(reasons) == 4 and all("segments" in r for r in reasons)


def test_column_measures_name_prices_and_counts_only_where_the_header_says_so():
    from edgar2xbrl.tag.labels import column_measure
    assert column_measure("Purchase price allocation") == ""  # dollars of an acquisition
    assert column_measure("Options") == ""  # a derivative's notional amounts ("Swaps | Futures | Options")
    assert column_measure("Business units") == ""
    assert column_measure("OPTIONS (IN 000'S)") == "count"
    assert column_measure("Options Outstanding as of September 26, 1997") == "count"
    assert column_measure("Price range") == "price"


def _repeating(kind: str, year: "Period", prior: "Period", *headers: str) -> "Statement":
    """A statement of one table whose columns are `headers`, dated `year` where the header says 2005."""
    from edgar2xbrl.model import Column, Statement, Table
    cols = [Column(index=k, header=h, right=10 * (k + 1), period=year if "2005" in h else prior)
            for k, h in enumerate(headers)]
    return Statement(kind=kind, title=kind, tables=[Table(rows=[], columns=cols, start_line=1, end_line=1)], scale=0)


def test_columns_of_measures_are_no_segments_and_a_total_column_is_the_one_tagged():
    from edgar2xbrl.model import Period
    from edgar2xbrl.tag.builder import SEGMENT_COLUMNS, UNTOLD_COLUMNS, repeated_columns
    year, prior = Period(end=date(2005, 11, 30)), Period(end=date(2004, 11, 30))

    def table(*headers):
        return _repeating("note", year, prior, *headers)
    owned = table("Owned 2005", "Sold But Not Yet Purchased 2005", "Owned 2004", "Sold But Not Yet Purchased 2004")
    # two measures of one period: the row's words do not say which one it names, so neither is tagged
    assert repeated_columns(owned) == {0: UNTOLD_COLUMNS, 1: UNTOLD_COLUMNS, 2: UNTOLD_COLUMNS, 3: UNTOLD_COLUMNS}
    plans = table("U.S. Plans 2005", "Non-U.S. Plans 2005", "U.S. Plans 2004", "Non-U.S. Plans 2004")
    assert set(repeated_columns(plans).values()) == {SEGMENT_COLUMNS}
    status = table("2005 Assets Exceed Benefits", "2005 Benefits Exceed Assets", "2005 Total Plans",
                   "2004 Assets Exceed Benefits", "2004 Benefits Exceed Assets", "2004 Total Plans")
    assert repeated_columns(status) == {0: UNTOLD_COLUMNS, 1: UNTOLD_COLUMNS, 3: UNTOLD_COLUMNS, 4: UNTOLD_COLUMNS}
    # an amount beside its share of a total: the amount is the period's ("Amount | Percent of Pretax Income")
    rates = table("2005 Amount", "2005 Percent of Pretax Income", "2004 Amount", "2004 Percent of Pretax Income")
    assert repeated_columns(rates) == {1: 0, 3: 2}
    # a period read from a caption's dates twice, with no words to tell the columns apart: the first is the period's
    misread = table("Years Ended December 31, 2005", "Years Ended December 31, 2005")
    assert repeated_columns(misread) == {1: 0}


def test_an_award_row_says_its_activity_and_its_balance_date():
    from edgar2xbrl.tag.awards import _NOT_ROLLED, _edge, stems
    assert stems("Canceled or expired") == {"forfeit", "expir"}
    assert stems("Granted (price equals fair market value)") == {"grant"}
    # a restricted share's restriction lapses when it vests, an option when it expires: a movement, of no one concept
    assert stems("Lapsed") == {"laps"}
    assert _NOT_ROLLED.search("Shares available for grant") and _NOT_ROLLED.search("Vested and expected to vest")
    years = [date(2005, 12, 31), date(2004, 12, 31)]
    assert _edge("Outstanding, January 1", years) == "start"
    assert _edge("Outstanding, December 31", years) == "end"
    # a quarter that ends on the 1st of July: its balance "at July 1" is its end, not a new period's start
    assert _edge("Outstanding at July 1", [date(2000, 7, 1)]) == "end"
    assert _edge("Outstanding, March 1", years) == ""


def test_columns_of_segments_in_a_segment_note_are_its_members():
    note, st = _statement(SECTORS.replace("NOTE 15 - CASH FLOWS", "NOTE 15 - SEGMENT INFORMATION"),
                          period_end=date(1993, 12, 31), note=True)
    b = Builder(load_catalog(2008), "acme", "x.txt")
    b.build_statement(st, 200, "Segments", f"Note {note.number} - {note.title}", group="Disclosure")
    income = [f for f in b.facts.values() if f.row_label.strip() == "Net income"]
    assert len(income) == 4
    members = {dict(f.context.dims)[AXIS]: Decimal(f.value) for f in income if f.context.period.end.year == 1993}
    assert members == {"acme:AutomotiveMember": 1_000_000_000, "acme:FinancialServicesMember": 1_529_000_000}
    net = b.networks[-1]
    assert net.hypercube.axis == AXIS and "acme:AutomotiveMember" in net.hypercube.members


def test_quarters_places_and_eliminations_are_no_segments_and_footnote_marks_no_names():
    from edgar2xbrl.model import Period
    from edgar2xbrl.tag.builder import SEGMENT_COLUMNS, _own_words, repeated_columns
    year, prior = Period(end=date(2005, 12, 31)), Period(end=date(2004, 12, 31))

    def table(*headers):
        return _repeating("income", year, prior, *headers)
    for a, b in (("First Quarter", "Second Quarter"), ("U.S.", "Foreign"), ("Automotive", "Eliminations"),
                 ("Parent", "Guarantor Subsidiaries")):
        st = table(f"{a} 2005", f"{b} 2005", f"{a} 2004", f"{b} 2004")
        assert SEGMENT_COLUMNS not in repeated_columns(st).values(), (a, b)
    st = table("Investment Bank(d) 2005", "Card Services 2005", "Investment Bank 2004", "Card Services (e) 2004")
    assert set(repeated_columns(st).values()) == {SEGMENT_COLUMNS}
    assert _own_words(["Investment Bank(d) 2005", "Card Services (e) 2005"], keep_case=True) == \
        ("Investment Bank", "Card Services")


QUARTERS = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 22 - SELECTED QUARTERLY FINANCIAL DATA (UNAUDITED)

                                                      2008
                              -------------------------------------------------------------
                                 First      Second       Third      Fourth
                                Quarter     Quarter     Quarter     Quarter       Total
                              ---------   ---------   ---------   ---------   ---------
Franchise fees                     $314        $330        $353        $439      $1,436
Royalty income                       10          11          12          13          46
"""


def test_a_years_total_beside_its_quarters_is_the_year_not_its_last_day():
    note, st = _statement(QUARTERS, period_end=date(2008, 12, 31), note=True)
    b = Builder(load_catalog(2009), "acme", "x.txt")
    b.build_statement(st, 200, "Quarters", f"Note {note.number} - {note.title}", group="Disclosure")
    fees = [f for f in b.facts.values() if f.row_label.strip() == "Franchise fees"]
    assert [(f.context.period.start, f.context.period.end, Decimal(f.value)) for f in fees] == \
        [(date(2008, 1, 1), date(2008, 12, 31), 1_436)]


def test_a_bare_fair_value_row_takes_no_securities_concept_outside_a_securities_table():
    from edgar2xbrl.tag.mapper import score_concept
    afs = load_catalog(2009).find("AvailableForSaleSecuritiesDebtSecurities")
    assert score_concept("Fair value, end of period", "", afs, "Summary of Significant Accounting Policies") == 0.0
    assert score_concept("Estimated fair value at December 31", "", afs, "Goodwill and other intangible assets") == 0.0
    # in a table of securities "Fair value" is the securities' fair value
    assert score_concept("Fair value", "", afs, "Marketable Securities") > 0.9


def _assert_positive_extension(facts):
    assert facts and all(f.concept.startswith("acme:") and Decimal(f.value) > 0 for f in facts), \
        [(f.concept, f.value) for f in facts]


def _facts_by_row(b):
    """The builder's facts by the row label they were printed on."""
    out = {}
    for f in b.facts.values():
        out.setdefault(f.row_label.strip(), []).append(f)
    return out


NET_DEFERRED_TAX = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 6 - INCOME TAXES

The tax effects of temporary differences were (in thousands):

                                                 December 31,
                                              2010          2009
                                            --------      --------
Deferred tax assets:
  Net operating loss carry-forwards           $ 90,500      $ 61,200
  Deferred revenue                                 310           220
  Accruals and others                            1,940         1,080
                                            --------      --------
Total deferred tax assets                       92,750        62,500
Valuation allowance                            (92,700)      (62,420)
Deferred tax liabilities:
  Undistributed earnings of foreign subsidiaries    (20)          (35)
  Depreciation and amortization                    (10)          (19)
                                            --------      --------
Net deferred tax assets                       $     20      $     26
                                            ========      ========
"""

PRINTED_NEGATIVE_LIABILITIES = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 4 - INCOME TAXES

Deferred income taxes were (in millions):

                                                   June 30
                                              1995          1996
                                            --------      --------
Deferred income tax liabilities:
  International earnings                      $ (201)       $ (261)
  Other                                           (5)           (6)
                                            --------      --------
Deferred income tax liabilities               $ (206)       $ (267)
                                            ========      ========
"""


def test_a_row_among_deferred_tax_assets_is_no_accrual_owed_and_a_net_after_liabilities_is_the_net_of_both():
    # "Accruals and others" matched by the words of AccrualForTaxesOtherThanIncomeTaxesCurrent (a liability known
    # by its name alone) would be negative to add into the deferred tax assets: an extension, printed positive
    b = _built(NET_DEFERRED_TAX, date(2010, 12, 31), "Note6", group="Disclosure", note=True)
    got = _facts_by_row(b)
    _assert_positive_extension(got["Accruals and others"])
    # the total after the liabilities sums them with the assets net of the allowance: the official total of
    # both (its parts' sums are read from the disclosures' calculations), not the assets net of the allowance
    assert {f.concept for f in got["Net deferred tax assets"]} == {"us-gaap:DeferredTaxAssetsLiabilitiesNet"}
    # and among the liabilities "Depreciation and amortization" is the liability's kept wording
    dep = got["Depreciation and amortization"]
    assert dep and {f.concept for f in dep} == {"us-gaap:DeferredTaxLiabilitiesPropertyPlantAndEquipment"}, \
        [(f.concept, f.value) for f in dep]
    # a one-way total printed in parentheses prints its parts so too: "Other" there is no row against its total
    neg = _built(PRINTED_NEGATIVE_LIABILITIES, date(1996, 6, 30), "Note4", group="Disclosure", note=True)
    other = [f for f in neg.facts.values() if f.row_label.strip() == "Other"]
    assert other and {f.concept for f in other} == {"us-gaap:DeferredTaxLiabilitiesOther"}, \
        [(f.concept, f.value) for f in other]
    assert all(Decimal(f.value) > 0 for f in other)


COMPENSATION_BY_LINE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 7 - STOCK-BASED COMPENSATION

The following table shows the amounts of stock-based compensation that were recorded under the following income
statement categories (in thousands):

                                                 Year Ended December 31,
                                              2008          2007
                                            --------      --------
Cost of revenues                              $    420      $    310
Research and development                         1,930         1,415
Fulfillment                                        615           402
General and administrative                         840           611
                                            --------      --------
                                              $  3,805      $  2,738
                                            ========      ========
"""


def test_stock_compensation_by_income_statement_line_is_the_compensation_on_a_member_of_that_line():
    from edgar2xbrl.tag.members import REPORT_LINES
    b = _built(COMPENSATION_BY_LINE, date(2008, 12, 31), "Note7", group="Disclosure", note=True)
    by_row = _facts_by_row(b)
    axis = REPORT_LINES.axis
    members = {}
    for label in ("Cost of revenues", "Research and development", "Fulfillment", "General and administrative"):
        facts = by_row[label]
        assert {f.concept for f in facts} == {"us-gaap:AllocatedShareBasedCompensationExpense"}, \
            (label, [(f.concept, f.context.dims) for f in facts])
        assert all(dict(f.context.dims).keys() == {axis} for f in facts), label
        members[label] = dict(facts[0].context.dims)[axis]
    # the line's official member where the taxonomy has one, the filer's own where not
    assert members["Cost of revenues"] == "us-gaap:CostOfSalesMember"
    assert members["Research and development"] == "us-gaap:ResearchAndDevelopmentExpenseMember"
    assert members["General and administrative"] == "us-gaap:GeneralAndAdministrativeExpenseMember"
    assert members["Fulfillment"].startswith("acme:") and members["Fulfillment"].endswith("Member")
    # the total is the whole compensation, with no member; nothing in the table is the line's own expense
    total = [f for f in b.facts.values() if not f.context.dims and f.context.period.end.year == 2008]
    assert [(f.concept, Decimal(f.value)) for f in total] == \
        [("us-gaap:AllocatedShareBasedCompensationExpense", Decimal("3805000"))]
    assert not any(f.concept in ("us-gaap:GeneralAndAdministrativeExpense", "us-gaap:ResearchAndDevelopmentExpense")
                   for f in b.facts.values())


def test_what_depreciation_is_of_goes_without_saying():
    from edgar2xbrl.tag.labels import tokens
    assert tokens("Depreciation of fixed assets") == tokens("Depreciation of property, plant and equipment") == \
        tokens("Depreciation")
    assert tokens("Depreciation and amortization of fixed assets") == tokens("Depreciation and amortization")
    # the accumulation is a balance of the assets' own: its words stay
    assert "property" in tokens("Accumulated depreciation of property and equipment")
    got = _concepts(CASH_FLOW)
    row = next(k for k in got if k.startswith("Depreciation of fixed assets"))
    assert got[row] == "us-gaap:DepreciationDepletionAndAmortization", got


COMPENSATION_ALLOCATED = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 8 - EMPLOYEE BENEFIT PLANS

Stock-based compensation expense was allocated as follows (in millions):

                                              2009          2008
                                            --------      --------
Cost of sales                                 $   28        $   20
Research and development                          60            50
Selling, general, and administrative              82            70
                                            --------      --------
Total stock-based compensation expense        $  170        $  140
                                            ========      ========
Income tax benefit related to stock-based
  compensation                                $  (55)       $  (45)
"""


def test_compensation_by_line_takes_official_members_however_punctuated_and_its_total_is_the_allocation():
    from edgar2xbrl.tag.members import REPORT_LINES
    b = _built(COMPENSATION_ALLOCATED, date(2009, 12, 31), "Note8", group="Disclosure", note=True)
    got = _facts_by_row(b)
    sga = got["Selling, general, and administrative"]
    assert {dict(f.context.dims).get(REPORT_LINES.axis) for f in sga} == \
        {"us-gaap:SellingGeneralAndAdministrativeExpensesMember"}, [(f.concept, f.context.dims) for f in sga]
    # the total the words alone would read as the cash flow's add-back is the compensation allocated
    total = got["Total stock-based compensation expense"]
    assert {(f.concept, f.context.dims) for f in total} == {("us-gaap:AllocatedShareBasedCompensationExpense", ())}
    # the tax benefit under the total is no line of the income statement
    assert not any(f.context.dims for f in got.get("Income tax benefit related to stock-based compensation", []))


ASSETS_IN_PARENTHESES = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 8 - INCOME TAXES

Deferred tax (assets) and liabilities were (in millions):

                                                   May 31,
                                              2006          2005
                                            --------      --------
Deferred tax assets:
  Allowance for doubtful accounts             $  (10.9)     $  (15.7)
  Inventories                                    (43.9)        (29.7)
  Sales return reserves                          (39.4)        (31.5)
                                            --------      --------
Total deferred tax assets                        (94.2)        (76.9)
                                            ========      ========
"""


def test_a_row_printed_in_parentheses_under_a_total_printed_so_moves_with_it():
    # every asset of the section is printed negative: an extension among them is an asset too (positive), as
    # the official rows beside it are, not a liability taken away from them
    b = _built(ASSETS_IN_PARENTHESES, date(2006, 5, 31), "Note8", group="Disclosure", note=True)
    got = _facts_by_row(b)
    _assert_positive_extension(got["Sales return reserves"])
    assert {f.concept for f in got["Inventories"]} == {"us-gaap:DeferredTaxAssetsInventory"}
    assert all(Decimal(f.value) > 0 for f in got["Inventories"] + got["Total deferred tax assets"])


DEBT_PAID = """\
                          ACME CORP.
                    STATEMENTS OF CASH FLOWS
                        (In thousands)

                                                     Year Ended December 31,
                                                       2010          2009
                                                     --------      --------
Operating activities:
  Net income                                          $ 1,000       $   800
                                                     --------      --------
Net cash provided by operating activities               1,000           800
Financing activities:
  Borrowings on line of credit                            200           100
  Payments on line of credit                             (150)          (80)
  Principal payments on capital leases and other debt     (40)          (30)
  Common stock cash dividends                            (300)         (250)
                                                     --------      --------
Net cash used in financing activities                    (290)         (260)
                                                     ========      ========
"""


def test_payments_on_debt_are_repayments_and_common_stock_dividends_paid_are_payments_of_them():
    from edgar2xbrl.tag.labels import tokens
    assert tokens("Principal payments on notes payable") == tokens("Repayments of notes payable")
    assert tokens("Payments to settle debt") == tokens("Repayments of debt")
    # payments of anything but debt stay payments
    assert tokens("Payments on canceled contracts")[0] == "payment"
    assert tokens("Payments of dividends")[0] == "payment"
    got = _concepts(DEBT_PAID)
    assert got["Payments on line of credit"] == "us-gaap:RepaymentsOfLinesOfCredit", got
    assert got["Principal payments on capital leases and other debt"] == \
        "us-gaap:RepaymentsOfDebtAndCapitalLeaseObligations", got
    assert got["Common stock cash dividends"] == "us-gaap:PaymentsOfDividendsCommonStock", got


def test_the_shares_a_diluted_count_adds_are_the_official_incremental_shares():
    # IBM's "Add - Incremental shares under stock compensation plans" and "Incremental shares related to 5.75%
    # convertible bonds" under the average outstanding: the taxonomy's incremental common shares
    cat = load_catalog(2009)
    from edgar2xbrl.tag.mapper import score_concept
    options = cat.concepts["us-gaap:IncrementalCommonSharesAttributableToShareBasedPaymentArrangements"]
    bonds = cat.concepts["us-gaap:IncrementalCommonSharesAttributableToConversionOfDebtSecurities"]
    assert score_concept("Add - Incremental shares under stock compensation plans", "", options) >= 0.9
    assert score_concept("Incremental shares related to convertible bonds", "", bonds) >= 0.9
    assert score_concept("Dilutive effect of stock-based awards", "", options) >= 0.9


EPS_DILUTIVE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 9 - EARNINGS PER SHARE

The computation of earnings per share (in thousands, except per share amounts):

                                                  Year Ended September 30,
                                                   1999          1998
                                                 --------      --------
Numerator:
  Net income                                     $ 601,000     $ 309,000
Denominator:
  Denominator for basic earnings per share --
    weighted average shares outstanding            141,703       135,119
Effect of dilutive securities:
  Convertible preferred stock                        9,091        18,182
  Dilutive options                                   5,335         6,763
  Convertible debt                                  16,097        22,642
                                                 --------      --------
  Dilutive potential common shares                  30,523        47,587
                                                 --------      --------
Denominator for diluted earnings per share           172,226       182,706
                                                 ========      ========
"""


def test_rows_under_the_effect_of_dilutive_securities_are_the_incremental_shares():
    b = _built(EPS_DILUTIVE, date(1999, 9, 30), "Note9", group="Disclosure", note=True)
    got = {row: {(f.concept, f.unit) for f in facts} for row, facts in _facts_by_row(b).items()}
    assert got["Dilutive options"] == \
        {("us-gaap:IncrementalCommonSharesAttributableToShareBasedPaymentArrangements", "shares")}, got
    assert got["Convertible preferred stock"] == \
        {("us-gaap:IncrementalCommonSharesAttributableToConversionOfPreferredStock", "shares")}, got
    assert got["Convertible debt"] == \
        {("us-gaap:IncrementalCommonSharesAttributableToConversionOfDebtSecurities", "shares")}, got


def test_compensation_by_line_in_a_segment_note_is_read_on_the_location_axis_too():
    from edgar2xbrl.tag.members import REPORT_LINES
    text = COMPENSATION_BY_LINE.replace("NOTE 7 - STOCK-BASED COMPENSATION", "NOTE 7 - SEGMENT INFORMATION")
    assert text != COMPENSATION_BY_LINE
    b = _built(text, date(2008, 12, 31), "Note7", group="Disclosure", note=True)
    facts = _facts_by_row(b)["Research and development"]
    assert {dict(f.context.dims).get(REPORT_LINES.axis) for f in facts} == \
        {"us-gaap:ResearchAndDevelopmentExpenseMember"}, [(f.concept, f.context.dims) for f in facts]


ONE_WAY = """\
                          ACME CORP.
                    STATEMENTS OF OPERATIONS
                        (In thousands)

                                                     Year Ended December 31,
                                                       2010          2009
                                                     --------      --------
Net sales                                             $ 5,000       $ 4,000
Operating expenses:
  Cost of sales                                         3,000         2,400
  Marketing                                               500           400
  Other operating expense (income), net                    40           (10)
                                                     --------      --------
    Total operating expenses                            3,540         2,790
                                                     --------      --------
Income from operations                                  1,460         1,210
                                                     ========      ========
"""


def test_a_net_row_added_into_costs_is_the_cost_concept_of_its_first_way():
    # "Other operating expense (income), net" added into total costs and expenses: not the net operating income
    # concept (a credit the total does not sum) but the other operating cost, its expense positive
    b = _built(ONE_WAY, date(2010, 12, 31), "Income")
    facts = [f for f in b.facts.values() if f.row_label.startswith("Other operating expense")]
    assert {f.concept for f in facts} == {"us-gaap:OtherCostAndExpenseOperating"}
    assert sorted(f.value for f in facts) == ["-10000", "40000"]
    assert all(c.ok for c in b.checks)


SETTLED = CASH_FLOW.replace(
    "Net cash provided by investing activities                 100           100\n",
    "Net cash provided by investing activities                 100           100\n"
    "Financing activities:\n"
    "  Cash used to net share settle equity awards             (82)          (70)\n"
    "  Proceeds from issuance of common stock                  182           170\n"
    "                                                     --------      --------\n"
    "Net cash provided by financing activities                100           100\n")


def test_a_row_takes_the_concept_of_its_era_where_the_later_one_came_after_it():
    # PaymentsRelatedToTaxWithholdingForShareBasedCompensation came with the 2011 schema: a 2009 filer's cash used
    # to settle awards is the concept of its time, which the 2024 taxonomy still holds
    assert _concepts(SETTLED, year=2009)["Cash used to net share settle equity awards"] == \
        "us-gaap:EmployeeServiceShareBasedCompensationCashFlowEffectCashUsedToSettleAwards"
    assert _concepts(SETTLED, year=2012)["Cash used to net share settle equity awards"] == \
        "us-gaap:PaymentsRelatedToTaxWithholdingForShareBasedCompensation"


WORDED = CASH_FLOW.replace(
    "     use software, and other amortization                 300           250\n",
    "     use software, and other amortization                 300           250\n"
    "    Amortization of debt issuance costs                    10             8\n"
    "    Other assets and liabilities                           (30)           10\n") \
    .replace("1,280         1,040", "1,260         1,058")


def test_wordings_kept_for_official_concepts_name_them():
    # taxonomy/wordings.csv: the words filers print for concepts whose official label they do not use
    got = _concepts(WORDED, year=2009)
    assert got["Amortization of debt issuance costs"] == "us-gaap:AmortizationOfFinancingCosts"
    assert got["Other assets and liabilities"] == "us-gaap:IncreaseDecreaseInOtherOperatingCapitalNet"


MATURITIES = CASH_FLOW.replace("  Sales and maturities of marketable securities           500           450\n",
                               "  Maturities of investments                               500           450\n")


def test_maturities_alone_are_the_maturities_concept_not_sales_maturities_and_collections():
    got = _concepts(MATURITIES, year=2009)
    assert got["Maturities of investments"] == \
        "us-gaap:ProceedsFromMaturitiesPrepaymentsAndCallsOfAvailableForSaleSecurities"


def test_a_gain_on_a_sale_that_names_nothing_sold_is_a_disposition_of_assets_not_of_equipment():
    text = """\
                          ACME CORP.
                       INCOME STATEMENTS
                 (In millions)(Unaudited)
                                               Three Months Ended
                                                  September 30
                                               1997          1998
                                             --------      --------
Revenue                                      $ 3,130       $ 3,953
Operating expenses                             2,000         2,200
                                             --------      --------
Operating income                               1,130         1,753
Interest income                                   90           120
Gain on sale                                      --           160
                                             --------      --------
Income before income taxes                     1,220         2,033
"""
    concepts = _concepts(text, kind="Income", year=1998)
    assert concepts["Gain on sale"] == "us-gaap:GainLossOnDispositionOfAssets"
    assert concepts["Revenue"] != "us-gaap:GainLossOnDispositionOfAssets"


def test_other_comprehensive_income_of_derivatives_and_investments_takes_the_official_concepts():
    # the era's OtherComprehensiveIncomeDerivativesQualifyingAsHedgesNetOfTaxPeriodIncreaseDecrease, renamed in
    # 2024 (a hand-kept row: no schema at hand states its balance), and the securities adjustment, as worded
    text = """\
                          ACME CORP.
              STATEMENTS OF COMPREHENSIVE INCOME
                        (In millions)

                                                     Year Ended June 30,
                                                       2008          2007
                                                     --------      --------
Net income                                            $ 1,000       $   800
Other comprehensive income:
  Net unrealized gains on derivative instruments           18            14
  Net unrealized gains (losses) on investments           (653)          326
                                                     --------      --------
Comprehensive income                                  $   365       $ 1,140
                                                     ========      ========
"""
    got = _concepts(text, kind="Comprehensive", year=2008)
    assert got["Net unrealized gains on derivative instruments"] == \
        "us-gaap:OtherComprehensiveIncomeLossDerivativesQualifyingAsHedgesNetOfTax"
    assert got["Net unrealized gains (losses) on investments"] == \
        "us-gaap:OtherComprehensiveIncomeLossAvailableForSaleSecuritiesAdjustmentNetOfTax"

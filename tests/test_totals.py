"""Totals and the rows they add up: a total named by what it sums, a row repeated above its statement, a total
whose concept one of its rows took, the balance of a net row named both ways; and counts told from amounts by what
they add up, their captions and their columns' headings."""
import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

from edgar2xbrl.read.source import Document
from edgar2xbrl.tables.statements import locate
from edgar2xbrl.tables.tables import find_tables
from edgar2xbrl.tag.builder import Builder
from edgar2xbrl.tag.catalog import era_of, load_catalog
from edgar2xbrl.tag.labels import tokens

ROOT = Path(__file__).resolve().parent.parent


def _built(text, end, role="Statement", note=False):
    """The builder after the first statement (or note table) of `text`, with the catalog of the era of `end`."""
    lines = text.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", end if note else None)
    st = lay.note_tables[0][1] if note else lay.statements[0]
    b = Builder(load_catalog(era_of(end)), "acme", "x.txt")
    b.build_statement(st, 1, role, st.title, group="Disclosure" if note else "Statement")
    return b


def _by_row(b):
    out = {}
    for f in b.facts.values():
        out.setdefault(f.row_label.strip(), []).append(f)
    return out


def _concept(facts):
    concepts = {f.concept for f in facts}
    assert len(concepts) == 1, concepts
    return concepts.pop()


TAX_NOTE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 9 - INCOME TAXES

The provision for income taxes consisted of the following (in thousands):

                                              Year Ended December 31,
                                              2004          2003
                                            --------      --------
Currently payable:
  Federal                                    $ 4,000       $ 3,000
  State                                        1,000           800
                                            --------      --------
    Total current                              5,000         3,800
Deferred:
  Federal                                        600           500
  State                                          100            50
                                            --------      --------
    Total deferred                               700           550
                                            --------      --------
Total provision for income taxes             $ 5,700       $ 4,350
                                            ========      ========
"""


def test_a_total_of_a_few_words_is_named_by_the_rows_it_adds_up():
    # "Total current" has no words a concept's label takes alone: it is what its rows (the current federal and
    # state tax) add into, in the official calculations, and whose label has its words
    got = _by_row(_built(TAX_NOTE, date(2004, 12, 31), "Note9", note=True))
    assert _concept(got["Total current"]) == "us-gaap:CurrentIncomeTaxExpenseBenefit"
    assert _concept(got["Total deferred"]) == "us-gaap:DeferredIncomeTaxExpenseBenefit"
    assert sorted(f.value for f in got["Total current"]) == ["3800000", "5000000"]
    assert all(f.context.period.start is not None for f in got["Total current"])  # the year's, not a balance
    # "Currently payable:" is the current tax over the federal and state rows
    currents = {_concept([f]) for f in got["Federal"]} | {_concept([f]) for f in got["State"]}
    assert {"us-gaap:CurrentFederalTaxExpenseBenefit", "us-gaap:CurrentStateAndLocalTaxExpenseBenefit"} <= currents


def test_the_catalog_passes_a_later_parent_through_to_the_one_it_adds_into():
    # CurrentFederalStateAndLocalTaxExpenseBenefit came after 2011 (no file at hand states its attributes): the
    # federal current tax still adds into the current tax, through it
    rows = {r["name"]: r for r in csv.DictReader(open(ROOT / "taxonomy" / "official_concepts.csv", encoding="utf-8"))}
    assert "CurrentFederalStateAndLocalTaxExpenseBenefit" not in rows
    parents = rows["CurrentFederalTaxExpenseBenefit"]["calc_parents"].split()
    assert "CurrentIncomeTaxExpenseBenefit:+1" in parents
    assert all(p.split(":")[0] in rows for p in parents)
    assert "CurrentIncomeTaxExpenseBenefit" in load_catalog(2008).ancestors("CurrentFederalTaxExpenseBenefit")


def test_carry_forwards_hyphenated_are_the_official_carryforwards():
    assert tokens("Net operating loss carry-forwards") == tokens("Net operating loss carryforwards")
    assert "carryforward" in tokens("Tax credit carry forward")


NONOPERATING = """\
                          ACME CORP.
                    STATEMENTS OF OPERATIONS
                        (In thousands)

                                                     Year Ended December 31,
                                                       2007          2006
                                                     --------      --------
Net sales                                             $ 5,000       $ 4,000
Cost of sales                                           3,000         2,400
                                                     --------      --------
Income from operations                                  2,000         1,600
Interest income                                            20            30
Interest expense                                          (19)          (25)
Other income (expense), net                                (1)            1
Other gains (losses), net                                  (5)          (12)
                                                     --------      --------
Total non-operating expense                                (5)           (6)
                                                     --------      --------
Income before income taxes                              1,995         1,594
                                                     ========      ========
"""


def test_a_total_takes_the_concept_its_words_name_from_a_row_that_has_a_runner_up_it_sums():
    # "Other income (expense), net" reads as NonoperatingIncomeExpense as well as the total does; the total is
    # that, and the row the other nonoperating income the total adds up
    got = _by_row(_built(NONOPERATING, date(2007, 12, 31), "Income"))
    assert _concept(got["Total non-operating expense"]) == "us-gaap:NonoperatingIncomeExpense"
    assert _concept(got["Other income (expense), net"]) == "us-gaap:OtherNonoperatingIncomeExpense"
    assert sorted(f.value for f in got["Total non-operating expense"]) == ["-5000", "-6000"]


def test_a_net_row_named_gain_first_keeps_its_printed_signs():
    # "Other gains (losses), net" (5) and (12) are losses: a gain-or-loss concept of -5 and -12, not a cost of 5
    # and 12 taken away from the total it is printed under
    got = _by_row(_built(NONOPERATING, date(2007, 12, 31), "Income"))
    facts = got["Other gains (losses), net"]
    assert {f.context.period.end for f in facts} == {date(2007, 12, 31), date(2006, 12, 31)}
    assert {f.context.period.end: Decimal(f.value) for f in facts} == \
        {date(2007, 12, 31): Decimal(-5000), date(2006, 12, 31): Decimal(-12000)}


SUMMARY_FIRST = """\
                          ACME CORP.
                    STATEMENTS OF CASH FLOWS
                        (In thousands)

                                                     Year Ended December 31,
                                                       2010          2009
                                                     --------      --------
Summary:
Net cash provided by operating activities             $ 1,280       $ 1,040
Net cash used in investing activities                    (400)         (350)
Change in cash                                            880           690
Operating activities:
  Net income                                          $ 1,000       $   800
  Depreciation                                            280           240
                                                     --------      --------
Net cash provided by operating activities               1,280         1,040
Investing activities:
  Purchases of fixed assets                              (400)         (350)
                                                     --------      --------
Net cash used in investing activities                    (400)         (350)
                                                     ========      ========
"""


def test_a_summary_printed_above_the_statement_is_the_same_fact_as_the_total_below():
    b = _built(SUMMARY_FIRST, date(2010, 12, 31), "Cash")
    got = _by_row(b)
    assert _concept(got["Net cash used in investing activities"]) == \
        "us-gaap:NetCashProvidedByUsedInInvestingActivities"
    assert _concept(got["Change in cash"]) == "us-gaap:CashAndCashEquivalentsPeriodIncreaseDecrease"


EPS_NOTE = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 1 - EARNINGS PER SHARE

The following table sets forth the computation of basic and diluted earnings per share (in thousands, except net
income in millions and per share amounts):

                                              2009         2008
                                            --------     --------
Net income                                    $5,704       $4,834
Weighted-average shares outstanding          893,016      881,592
Warrants                                          --           --
Employee stock options                        13,989       20,547
Weighted-average number of shares            907,005      902,139
Basic earnings per share                       $6.39        $5.48
Diluted earnings per share                     $6.29        $5.36
"""


def test_a_scale_excepted_for_one_item_scales_that_item_only():
    from edgar2xbrl.tables.statements import scale_exceptions, scale_of
    heading = "(in thousands, except net income in millions and per share amounts)"
    assert scale_of(heading) == 3 and scale_exceptions(heading) == (("net income", 6),)
    assert scale_of("(In millions, except shares in thousands)") == 6
    assert scale_of("(Except per share data, in thousands)") == 3
    got = _by_row(_built(EPS_NOTE, date(2009, 12, 31), "Note1", note=True))
    assert sorted(f.value for f in got["Net income"]) == ["4834000000", "5704000000"]
    assert sorted(f.value for f in got["Weighted-average shares outstanding"]) == ["881592000", "893016000"]


def test_the_basic_count_plus_dilutive_shares_is_the_diluted_count_and_the_count_beside_it_basic():
    got = _by_row(_built(EPS_NOTE, date(2009, 12, 31), "Note1", note=True))
    assert _concept(got["Weighted-average number of shares"]) == "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"
    assert _concept(got["Weighted-average shares outstanding"]) == "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"


def test_a_row_that_says_basic_and_diluted_is_both():
    from edgar2xbrl.tag.labels import tokens
    assert "diluted" in tokens("Weighted average common shares outstanding, assuming dilution")
    text = NONOPERATING.replace(
        "Income before income taxes                              1,995         1,594\n",
        "Income before income taxes                              1,995         1,594\n"
        "Net income per share of common stock, basic and\n"
        "  diluted                                              $  0.50       $  0.40\n")
    got = _by_row(_built(text, date(2007, 12, 31), "Income"))
    eps = next(v for k, v in got.items() if k.startswith("Net income per share"))
    assert _concept(eps) == "us-gaap:EarningsPerShareBasicAndDiluted"


DILUTIVE_EFFECT = """\
                          ACME CORP.
NOTES TO FINANCIAL STATEMENTS

NOTE 1 - EARNINGS PER SHARE

(In millions, except earnings per share)

                                                          1998          1999
Net income (A)                                          $1,337        $1,917
Average outstanding shares of common stock (C)           4,866         5,055
Dilutive effect of:
  Preferred stock                                           30            16
  Employee stock options                                   464           429
                                                      --------      --------
Common stock and common stock equivalents (D)            5,360         5,500
                                                      ========      ========
Earnings per share:
  Basic                                                 $ 0.27        $ 0.38
  Diluted                                               $ 0.25        $ 0.35
"""


def test_rows_under_dilutive_effect_of_count_shares():
    got = _by_row(_built(DILUTIVE_EFFECT, date(1999, 12, 31), "Note1", note=True))
    assert {f.unit for f in got["Employee stock options"]} == {"shares"}
    assert _concept(got["Employee stock options"]) == \
        "us-gaap:IncrementalCommonSharesAttributableToShareBasedPaymentArrangements"
    assert _concept(got["Common stock and common stock equivalents (D)"]) == \
        "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"


UNITS = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 8 - STOCKHOLDERS' EQUITY

The following summarizes our restricted stock unit activity (in millions):

                                            December 31, 2007
                                                Number of Units
Outstanding at January 1, 2007                              9.9
Units granted                                               9.1
Units vested                                               (1.7)
Units cancelled                                            (2.8)
Outstanding at December 31, 2007                           14.5
"""


def test_a_table_of_units_counts_units_of_restricted_stock_from_an_opening_at_the_years_start():
    got = _by_row(_built(UNITS, date(2007, 12, 31), "Note8", note=True))
    prefix = "us-gaap:ShareBasedCompensationArrangementByShareBasedPaymentAwardEquityInstrumentsOtherThanOptions"
    assert _concept(got["Units granted"]) == prefix + "GrantsInPeriod"
    assert _concept(got["Units vested"]) == prefix + "VestedInPeriod"
    assert {f.unit for f in got["Units granted"]} == {"shares"}
    assert [f.value for f in got["Units granted"]] == ["9100000"]
    # the balance "at January 1, 2007" is the close of 2006, and the year's grants run from January 1
    assert [f.context.period for f in got["Outstanding at January 1, 2007"]][0].end == date(2006, 12, 31)
    assert [f.context.period.start for f in got["Units granted"]] == [date(2007, 1, 1)]


def test_counts_of_people_and_places_are_never_dollars():
    from edgar2xbrl.tag.labels import not_money
    assert not_money("Number of employees")
    assert not_money("Number of stores at end of year")
    assert not_money("Number of shareholders of record")
    assert not not_money("Number of shares repurchased")
    assert not not_money("Employee compensation")


def test_a_heading_listing_the_years_over_the_columns_dates_each_by_its_own_year():
    from edgar2xbrl.tables.periods import column_end_date
    heading = "For the Years Ended December 31, 1993, 1992, and 1991 "
    assert column_end_date(heading + "1993", "") == date(1993, 12, 31)
    assert column_end_date(heading + "1992", "") == date(1992, 12, 31)
    # two full dates run together in one header keep the first
    assert column_end_date("THREE MONTHS ENDED JULY 1, 2000 JUNE 26, 1999", "") == date(2000, 7, 1)


EQUITY_BY_YEAR = """\\
                          ACME CORP.
                 CONSOLIDATED STATEMENT OF STOCKHOLDERS' EQUITY
              For the Years Ended December 31, 1999 and 2000
                                  (in millions)

                                   Capital     Retained
                                    Stock      Earnings      Total
                                  ---------  ----------   --------
 YEAR ENDED DECEMBER 31, 1999
Balance at beginning of year       $1,222      $19,659    $20,881
Net income                                       7,237      7,237
Cash dividends                                  (2,290)    (2,290)
                                   ------      -------    -------
Balance at end of year             $1,222      $24,606    $25,828

YEAR ENDED DECEMBER 31, 2000
Balance at beginning of year       $1,222      $24,606    $25,828
Net income                                       3,467      3,467
Cash dividends                                  (2,751)    (2,751)
                                   ------      -------    -------
Balance at end of year             $1,222      $25,322    $26,544
"""


def test_an_equity_statement_printed_year_under_year_dates_each_year_by_its_caption():
    # (its columns, all dated by the heading spanning them, are the components: not a roll-forward by period)
    from edgar2xbrl.tag.tagging import tag_statements
    lines = EQUITY_BY_YEAR.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", None)
    assert [st.kind for st in lay.statements] == ["equity"]
    b = Builder(load_catalog(era_of(date(2000, 12, 31))), "acme", "x.txt")
    tag_statements(b, lay)
    income = {(f.context.period.start, f.value) for f in b.facts.values()
              if f.concept == "us-gaap:NetIncomeLoss" and not f.context.dims}
    assert income == {(date(1999, 1, 1), "7237000000"), (date(2000, 1, 1), "3467000000")}
    totals = {(f.context.period.end, f.value) for f in b.facts.values()
              if f.concept == "us-gaap:StockholdersEquity" and not f.context.dims}
    assert totals == {(date(1998, 12, 31), "20881000000"), (date(1999, 12, 31), "25828000000"),
                      (date(2000, 12, 31), "26544000000")}


ROLLED_BY_COMPONENT = """\\
                          ACME CORP.
                    STOCKHOLDERS' EQUITY STATEMENTS
                             (In millions)

                                                    Year Ended June 30,
                                                  2008        2007
                                                --------    --------
Common stock and paid-in capital
Balance, beginning of period                     $60,557     $59,005
Common stock issued                                3,504       6,783
Other, net                                            78          42
                                                --------    --------
Balance, end of period                            64,139      65,830
Retained earnings
Balance, beginning of period                     (29,460)    (18,901)
Net income                                        17,681      14,065
Other                                                 (5)          3
                                                --------    --------
Balance, end of period                           (11,784)     (4,833)
"""


def test_an_other_change_of_a_component_is_the_components_official_other():
    from edgar2xbrl.tag.tagging import tag_statements
    lines = ROLLED_BY_COMPONENT.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", None)
    b = Builder(load_catalog(era_of(date(2008, 6, 30))), "acme", "x.txt")
    tag_statements(b, lay)
    got = _by_row(b)
    assert _concept(got["Other, net"]) == "us-gaap:AdjustmentsToAdditionalPaidInCapitalOther"
    assert sorted(f.value for f in got["Other, net"]) == ["42000000", "78000000"]
    # StockholdersEquityOther is a debit: an "other" change that adds to retained earnings is written negative
    assert _concept(got["Other"]) == "us-gaap:StockholdersEquityOther"
    assert sorted(f.value for f in got["Other"]) == ["-3000000", "5000000"]

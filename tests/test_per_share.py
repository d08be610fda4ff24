"""Amounts per share in note tables: their unit and their period."""
from datetime import date

from edgar2xbrl.read.source import Document
from edgar2xbrl.tables.statements import locate
from edgar2xbrl.tables.tables import find_tables
from edgar2xbrl.tag.builder import Builder
from edgar2xbrl.tag.catalog import era_of, load_catalog

HEAD = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 9 - STOCK COMPENSATION

%s

"""


def _built(text, end=date(2007, 12, 31)):
    lines = text.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", end)
    b = Builder(load_catalog(era_of(end)), "acme", "x.txt")
    for order, (_note, st) in enumerate(lay.note_tables):
        b.build_statement(st, order + 1, "Note", st.title, group="Disclosure")
    return b


def test_an_amount_earned_per_share_under_year_columns_is_the_years():
    text = HEAD % ("With respect to net income for December 31, 2007 and 2006, the following table provides a pro "
                   "forma reconciliation as if the company had adopted the fair value method:") + """\
(in millions, except per share data)              2007          2006
                                              --------      --------
Net income, as reported                        $10,477       $ 9,839
Stock-based compensation, net of tax               (26)          (38)
Net income, pro forma                          $10,451       $ 9,801
Earnings per common share:
Basic:
Net income, as reported                          $4.03         $3.79
Stock-based compensation, net of tax            (0.01)        (0.02)
Net income, pro forma                            $4.02         $3.77
Diluted:
Net income, as reported                          $3.99         $3.73
Stock-based compensation, net of tax            (0.01)        (0.02)
Net income, pro forma                            $3.98         $3.71
"""
    b = _built(text)
    per_share = {(f.concept, str(f.context.period)) for f in b.facts.values() if f.unit == "USDPerShare"}
    # what was earned per share in 2007, not a value on December 31, 2007
    assert len(per_share) == 12
    assert all(".." in period for _concept, period in per_share)


def test_net_income_per_share_under_a_per_share_caption_in_whole_dollars_is_per_share():
    text = HEAD % "Had compensation cost been determined by fair values, results would have been:" + """\
                                                  2007          2006
                                              --------      --------
Net loss, as reported                      $(1,245,310)    $(987,114)
Stock-based compensation                       (26,000)      (38,000)
Net loss, pro forma                        $(1,271,310)  $(1,025,114)
Basic and diluted loss per share:
Net loss, as reported                           $(0.12)       $(0.10)
Net loss, pro forma                             $(0.13)       $(0.11)
"""
    b = _built(text)
    units = {(f.row_label, f.value): f.unit for f in b.facts.values()}
    # the table is in whole dollars: 12 cents a share is no loss of $0.12
    assert units[("Net loss, as reported", "-0.12")] == "USDPerShare"
    assert units[("Net loss, pro forma", "-0.13")] == "USDPerShare"
    assert units[("Net loss, as reported", "-1245310")] == "USD"


def _note_built(text, end=date(2010, 12, 31)):
    """The builder after the first note table of `text`, a 10-K for the year ended `end` (the layout of the whole
    text read: its statements too)."""
    from edgar2xbrl.read.source import Document
    from edgar2xbrl.tables.statements import locate
    from edgar2xbrl.tables.tables import find_tables
    from edgar2xbrl.tag.builder import Builder
    from edgar2xbrl.tag.catalog import era_of, load_catalog
    lines = text.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", end)
    note, st = lay.note_tables[0]
    b = Builder(load_catalog(era_of(end)), "acme", "x.txt")
    b.build_statement(st, 1, "Note", f"Note {note.number} - {note.title} (Details)", group="Disclosure")
    return b


DILUTED = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 3 - EARNINGS PER SHARE

The computation of basic and diluted earnings per share for the years ended December 31:

                                                       2010          2009
                                                     --------      --------
Numerator (in thousands):
  Net income                                          $ 3,496       $ 1,989
Denominator (in thousands):
  Weighted-average shares outstanding                 864,595       844,058
  Effect of dilutive securities                        24,697        33,468
  Denominator for diluted earnings per share          889,292       877,526
Basic earnings per share                              $  4.04       $  2.36
Diluted earnings per share                            $  3.93       $  2.27
"""


def test_the_dilutive_effect_between_the_basic_and_diluted_share_counts_is_their_difference_in_shares():
    # no subtotal rule under it: the row is a count by its place and its figures (basic + it = diluted), and its
    # concept the diluted share count's adjustment, not an amount of dollars dated at the year's end
    b = _note_built(DILUTED)
    facts = [f for f in b.facts.values() if f.row_label.strip() == "Effect of dilutive securities"]
    assert {(f.concept, f.unit) for f in facts} == \
        {("us-gaap:WeightedAverageNumberDilutedSharesOutstandingAdjustment", "shares")}
    assert sorted(f.value for f in facts) == ["24697000", "33468000"]
    assert all(not f.context.period.is_instant for f in facts)


ASSUMPTIONS = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 7 - EMPLOYEE STOCK-BASED INCENTIVES

The following table presents the assumptions used to value stock options granted:

                                                       2010          2009
                                                     --------      --------
Options granted (in thousands)                          1,250         1,100
Expected dividend yield                                  3.79          3.59
Expected common stock price volatility                     37            41
Expected life of stock options (in years):
  Key employee                                            6.8           6.5
  Broad-based employee                                    3.8           3.8
  Weighted-average fair value of options granted      $ 19.22       $ 12.98
"""


def test_yields_volatilities_and_lives_under_a_caption_in_years_are_not_tagged_as_counts_or_dollars():
    # printed with no % and no $: the table's first row counts options, yet the yield, the volatility and the
    # lives under "(in years)" are no counts of shares or amounts of dollars
    b = _note_built(ASSUMPTIONS)
    tagged = {f.row_label.strip() for f in b.facts.values()}
    assert "Options granted (in thousands)" in tagged
    # a row printed in dollars under that caption is dollars
    assert "Weighted-average fair value of options granted" in tagged
    for row in ("Expected dividend yield", "Expected common stock price volatility", "Key employee",
                "Broad-based employee"):
        assert row not in tagged, row
        reasons = [u.reason for u in b.untagged if u.row.strip() == row]
        assert reasons and all("not an amount of dollars or a count" in r for r in reasons), row


SUMMED = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 2 - EARNINGS PER SHARE

Basic and diluted earnings per share are computed as follows:

(In millions, except earnings per share)                    2010          2009
                                                         --------      --------
Net income available for common shareholders (A)          $ 2,977       $ 4,388
Weighted average outstanding shares of common stock (B)     8,891         9,307
Dilutive effect of employee stock options and awards           13           121
Common stock and common stock equivalents (C)               8,904         9,428
Earnings per share:
  Basic (A/B)                                               $ 0.33        $ 0.47
  Diluted (A/C)                                             $ 0.33        $ 0.47
"""


def test_the_basic_count_and_its_dilution_summed_without_a_rule_are_the_diluted_count_in_shares():
    # the third row is printed as no money after a count and what dilution adds: a count too, and the figures
    # (income / diluted earnings per share) make it the diluted weighted average, not the adjustment its words
    # score as
    b = _note_built(SUMMED)
    by_row = {}
    for f in b.facts.values():
        by_row.setdefault(f.row_label.strip(), set()).add((f.concept, f.unit))
    assert by_row["Common stock and common stock equivalents (C)"] == \
        {("us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding", "shares")}
    assert by_row["Dilutive effect of employee stock options and awards"] == \
        {("us-gaap:IncrementalCommonSharesAttributableToShareBasedPaymentArrangements", "shares")}
    values = sorted(f.value for f in b.facts.values() if f.row_label.startswith("Common stock and"))
    assert values == ["8904000000", "9428000000"]


def test_a_table_the_text_says_lists_shares_counts_shares_in_the_scale_the_balance_sheet_counts_them():
    text = """\
                          ACME CORP.
                          BALANCE SHEETS
                          (In millions)
                                                          June 30
                                                    1997          1998
                                                  --------      --------
Total assets                                      $ 14,387      $ 22,357
Stockholders' equity:
  Common stock and paid-in capital--shares authorized 8,000;
    shares issued and outstanding 2,408 and 2,470    4,509         8,025
  Retained earnings                                  5,288         7,622
    Total stockholders' equity                      10,777        16,627

NOTES TO FINANCIAL STATEMENTS

NOTE 8 - COMMON STOCK

ISSUED AND OUTSTANDING  Shares of common stock outstanding were as follows:

Year Ended June 30                1996         1997         1998
                                ------       ------       ------
Balance, beginning of year       2,352        2,388        2,408
Issued                              88           94          101
Repurchased                        (52)         (74)         (39)
                                ------       ------       ------
  Balance, end of year           2,388        2,408        2,470
"""
    facts = list(_note_built(text, end=date(1998, 6, 30)).facts.values())
    assert facts and {f.unit for f in facts} == {"shares"}
    assert sorted(f.value for f in facts if f.row_label.startswith("Balance, end"))[-1] == "2470000000"
    assert not any(f.concept.startswith("us-gaap:Notes") for f in facts)  # "Issued" is no debt issued


def test_a_row_no_total_ties_takes_the_period_type_every_official_row_of_its_table_has():
    # "Adjusted net income" (no US-GAAP concept) among the reported net income and earnings per share under
    # year columns: the year's pro forma income, not an amount at the year's end
    text = HEAD % "The following table reconciles reported net income to adjusted net income:" + """\
(In millions, except per share amounts)             2002        2001        2000
                                                ---------   ---------   ---------
Reported net income                                $3,117      $1,291     $10,535
Goodwill and workforce amortization, net of tax         -       1,556       1,269
Adjusted net income                                $3,117      $2,847     $11,804
Reported basic earnings per common share            $0.47       $0.19       $1.57
Reported diluted earnings per common share          $0.46       $0.19       $1.51
"""
    b = _built(text, end=date(2002, 12, 31))
    adjusted = [f for f in b.facts.values() if f.row_label.startswith("Adjusted net income")]
    assert len(adjusted) == 3 and all(not f.context.period.is_instant for f in adjusted)
    reported = [f for f in b.facts.values() if f.row_label.startswith("Reported net income")]
    assert {f.concept for f in reported} == {"us-gaap:NetIncomeLoss"}


def test_net_income_per_share_under_basic_and_diluted_captions_and_eps_abbreviated_are_earnings_per_share():
    text = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 3 - EARNINGS PER SHARE

The computation of earnings per share for the years ended December 31:

(in millions, except per share data)                   2010          2009
                                                     --------      --------
Net income                                           $ 10,477      $  9,839
Weighted average shares outstanding - basic             2,600         2,610
Earnings per share:
Basic:
  Income before cumulative effect of accounting changes $ 4.03      $  3.83
  Cumulative effect of accounting changes, net of tax       -        (0.06)
  Net income                                            $ 4.03      $  3.77
Diluted:
  Net income                                            $ 3.99      $  3.73
Basic EPS                                               $ 4.03      $  3.77
"""
    b = _note_built(text)
    per_share = {}
    for f in b.facts.values():
        if f.unit == "USDPerShare":
            per_share.setdefault(f.concept, set()).add(f.value)
    assert per_share["us-gaap:EarningsPerShareBasic"] == {"4.03", "3.77"}
    assert per_share["us-gaap:EarningsPerShareDiluted"] == {"3.99", "3.73"}
    assert not any(c.startswith("acme:") and ("NetIncome" in c or "Eps" in c) for c in per_share)


def test_a_place_stacked_under_current_and_deferred_narrows_the_caption_and_does_not_replace_it():
    text = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 8 - INCOME TAXES

The provision for income taxes is as follows:

                                 Year Ended May 31,
                            2010        2009        2008
                          --------    --------    --------
                                    (In millions)
Current:
United States
Federal                     $359.0      $279.6      $185.3
State                         60.6        50.7        43.3
Foreign                      356.0       292.5       266.8
                             775.6       622.8       495.4
Deferred:
United States
Federal                      (4.2)        21.9         3.9
State                        (6.8)       (5.3)         2.4
Foreign                     (15.0)         8.8         2.7
                            (26.0)        25.4         9.0
"""
    b = _note_built(text)
    concepts = {}
    for f in b.facts.values():
        concepts.setdefault(f.row_label.strip(), set()).add(f.concept)
    assert concepts["State"] == {"us-gaap:CurrentStateAndLocalTaxExpenseBenefit",
                                 "us-gaap:DeferredStateAndLocalIncomeTaxExpenseBenefit"}
    assert concepts["Federal"] == {"us-gaap:CurrentFederalTaxExpenseBenefit",
                                   "us-gaap:DeferredFederalIncomeTaxExpenseBenefit"}

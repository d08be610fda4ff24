"""A fair-value note's columns by level of the hierarchy: each level's figures on the hierarchy axis, the total
without it, the rows line items."""
from datetime import date

from edgar2xbrl.read.source import Document
from edgar2xbrl.tables.statements import locate
from edgar2xbrl.tables.tables import find_tables
from edgar2xbrl.tag.builder import Builder
from edgar2xbrl.tag.catalog import era_of, load_catalog
from edgar2xbrl.tag.members import fair_value_frequency, fair_value_level, level_columns
from edgar2xbrl.tag.notes import build_measure_table, is_measure_table

LEVELS = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 3 - FAIR VALUE MEASUREMENTS

The following table presents the Company's assets and liabilities measured at fair value on a recurring basis
as of September 26, 2009 (in millions):

                                                              September 26, 2009
                                                 ------------------------------------------------------
                                                 Quoted       Significant    Significant
                                                 Prices         Other        Unobservable
                                                (Level 1)     (Level 2)       (Level 3)        Total
Assets:
Money market funds                                $1,608          $--            $--          $1,608
U.S. Treasury securities                              --        3,616             --           3,616
Commercial paper                                      --        4,197             --           4,197
Marketable equity securities                          61           --             --              61
Total assets measured at fair value               $1,669       $7,813            $--          $9,482
Liabilities:
Derivative liabilities                               $--          $25            $--             $25
Total liabilities measured at fair value             $--          $25            $--             $25
"""


def _built(text, end=date(2009, 9, 26)):
    lines = text.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", end)
    b = Builder(load_catalog(era_of(end)), "acme", "x.txt")
    for order, (note, st) in enumerate(lay.note_tables):
        assert not is_measure_table(st)  # (a table of levels is no table of measures)
        b.build_statement(st, order + 1, "Note", st.title, group="Disclosure")
    return b, lay


def test_a_columns_level_is_read_from_its_number_or_its_inputs():
    assert fair_value_level("Quoted Prices in Active Markets for Identical Assets") == \
        "us-gaap:FairValueInputsLevel1Member"
    assert fair_value_level("Significant Other Observable Inputs (Level 2)") == "us-gaap:FairValueInputsLevel2Member"
    assert fair_value_level("Significant Unobservable Inputs") == "us-gaap:FairValueInputsLevel3Member"
    assert fair_value_level("Level III") == "us-gaap:FairValueInputsLevel3Member"
    assert fair_value_level("Total Estimated Fair Value") is None
    assert fair_value_frequency("Assets measured at fair value on a nonrecurring basis")[0] == \
        "us-gaap:FairValueMeasurementsNonrecurringMember"
    assert fair_value_frequency("Assets measured at fair value")[0] == "us-gaap:FairValueMeasurementsRecurringMember"
    # one level named twice is no table of levels
    assert level_columns(["Level 1", "Level 1", "Total"]) == {}
    assert level_columns(["Cash", "Level 1", "Level 2", "Total"]) == {1: "us-gaap:FairValueInputsLevel1Member",
                                                                     2: "us-gaap:FairValueInputsLevel2Member"}


def test_each_levels_figures_are_on_the_hierarchy_axis_and_the_total_without_it():
    b, _lay = _built(LEVELS)
    axis = "us-gaap:FairValueByFairValueHierarchyLevelAxis"
    facts = {(f.row_label, dict(f.context.dims).get(axis, "")): (f.concept, f.value) for f in b.facts.values()}
    money = facts[("Money market funds", "us-gaap:FairValueInputsLevel1Member")]
    assert money == ("us-gaap:MoneyMarketFundsAtCarryingValue", "1608000000")
    assert facts[("Money market funds", "")] == money  # the total column: the same concept, no level
    treasury = {lvl: v for (label, lvl), v in facts.items() if label == "U.S. Treasury securities"}
    assert treasury["us-gaap:FairValueInputsLevel2Member"][1] == "3616000000"
    assert treasury[""][1] == "3616000000"
    # every row is one line item whatever its column: no concept per column, no row lost to a clash of contexts
    assert len({c for (label, _l), (c, _v) in facts.items() if label == "U.S. Treasury securities"}) == 1
    assert len(facts) == 7 * 4
    # held securities are assets, printed positive: never a negative amount, never a liability's concept
    assert all(not v.startswith("-") for _c, v in facts.values())
    assert facts[("Commercial paper", "")][0] != "us-gaap:CommercialPaper"
    # measured at fair value, not the company's balances: every figure, the total's too, is on the frequency axis
    # ("Other current liabilities" there would be only the derivatives among them)
    frequency = "us-gaap:FairValueByMeasurementFrequencyAxis"
    assert {dict(f.context.dims).get(frequency) for f in b.facts.values()} == \
        {"us-gaap:FairValueMeasurementsRecurringMember"}
    net = next(n for n in b.networks if n.hypercube)
    assert net.hypercube.axis == axis
    assert [(a, ms) for a, _d, ms in net.hypercube.more_axes] == \
        [(frequency, ("us-gaap:FairValueMeasurementsRecurringMember",))]
    assert set(net.hypercube.members) == {"us-gaap:FairValueInputsLevel1Member",
                                            "us-gaap:FairValueInputsLevel2Member",
                                            "us-gaap:FairValueInputsLevel3Member"}


MEASURES = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 2 - MARKETABLE SECURITIES

Marketable securities at December 31, 2008 were as follows (in millions):

                                                            December 31, 2008
                                               ----------------------------------------------------
                                                              Gross         Gross        Estimated
                                                Cost       Unrealized    Unrealized        Fair
                                                           Gains          Losses          Value
U.S. government and agency securities          $ 586         $ 8           $ --         $ 594
Foreign government and agency securities        1,120           8             --          1,128
"""


def test_foreign_government_securities_are_no_us_agencys_member():
    lines = MEASURES.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", date(2008, 12, 31))
    note, st = lay.note_tables[0]
    assert is_measure_table(st)
    b = Builder(load_catalog(era_of(date(2008, 12, 31))), "acme", "x.txt")
    build_measure_table(b, note, st, 1, "Note", st.title)
    members = {f.row_label: dict(f.context.dims).get("us-gaap:FinancialInstrumentAxis") for f in b.facts.values()}
    assert members["U.S. government and agency securities"] == "us-gaap:USGovernmentAgenciesDebtSecuritiesMember"
    assert members["Foreign government and agency securities"] not in (
        None, "us-gaap:USGovernmentAgenciesDebtSecuritiesMember")


TWO_YEARS = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 2 - SUMMARY OF SIGNIFICANT ACCOUNTING POLICIES

The Company's assets and liabilities measured at fair value were as follows (in thousands):

                                    December 31, 2010                         December 31, 2009
                      ------------------------------------------  ------------------------------------------
                         Level 1    Level 2    Level 3      Total    Level 1    Level 2    Level 3      Total
Money market funds      $145,708    $    --    $    --   $145,708    $64,420    $    --    $    --    $64,420
Warrant liability       $     --    $    --    $ 6,088   $  6,088    $    --    $    --    $ 1,734    $ 1,734
"""


def test_a_level_printed_under_each_year_is_one_member_of_the_table():
    b, _lay = _built(TWO_YEARS, end=date(2010, 12, 31))
    net = next(n for n in b.networks if n.hypercube)
    assert net.hypercube.members == ("us-gaap:FairValueInputsLevel1Member", "us-gaap:FairValueInputsLevel2Member",
                                     "us-gaap:FairValueInputsLevel3Member")
    # each member once in the presentation (twice would be duplicate arcs, which Arelle rejects)
    shown = [it.concept for it in net.lines if it.concept.startswith("us-gaap:FairValueInputsLevel")]
    assert sorted(shown) == sorted(set(shown)) and len(shown) == 3
    levels = {(f.row_label, str(f.context.period)): f.value for f in b.facts.values()
              if dict(f.context.dims).get("us-gaap:FairValueByFairValueHierarchyLevelAxis") ==
              "us-gaap:FairValueInputsLevel3Member"}
    assert levels[("Warrant liability", "2010-12-31")] == "6088000"
    assert levels[("Warrant liability", "2009-12-31")] == "1734000"


def test_an_instrument_printed_in_each_years_table_is_one_member():
    second = MEASURES.replace("NOTE 2 - MARKETABLE SECURITIES\n", "").replace("                          ACME CORP.\n", "") \
        .replace("NOTES TO CONSOLIDATED FINANCIAL STATEMENTS\n", "").replace("2008", "2007")
    text = MEASURES + "\nThe same at the end of the year before were as follows:\n" + second
    lines = text.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", date(2008, 12, 31))
    b = Builder(load_catalog(era_of(date(2008, 12, 31))), "acme", "x.txt")
    tables = [(note, st) for note, st in lay.note_tables if is_measure_table(st)]
    assert len(tables) == 2
    for order, (note, st) in enumerate(tables):
        build_measure_table(b, note, st, order + 1, f"Note{order}", st.title)
    foreign = {(str(f.context.period), dict(f.context.dims).get("us-gaap:FinancialInstrumentAxis"))
               for f in b.facts.values() if f.row_label == "Foreign government and agency securities"}
    assert {p for p, _m in foreign} == {"2008-12-31", "2007-12-31"}
    assert len({m for _p, m in foreign}) == 1  # the same holding at two dates, not a member per year

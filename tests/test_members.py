"""Rows that name members (segments, areas, products) under the measure they divide (tag/members.py)."""
from datetime import date

from edgar2xbrl.model import Column
from edgar2xbrl.read.source import Document
from edgar2xbrl.tables.statements import locate
from edgar2xbrl.tables.tables import find_tables
from edgar2xbrl.tag.builder import Builder
from edgar2xbrl.tag.catalog import load_catalog
from edgar2xbrl.tag.members import GEOGRAPHY, PRODUCTS, SEGMENTS, header_measure, is_place

AREAS = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 9 - SEGMENT INFORMATION AND GEOGRAPHIC DATA

Net sales and long-lived assets by geographic area for the years ended December 31 (in thousands):

                                              2010          2009
                                            --------      --------
Net sales:
  United States                              $ 3,000       $ 2,500
  Japan                                          700           600
  Europe                                       1,300         1,200
                                            --------      --------
    Total net sales                          $ 5,000       $ 4,300
                                            ========      ========
"""

SEGMENT_ROWS = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 9 - SEGMENT INFORMATION

Operating income (loss) by reportable segment for the years ended December 31 (in thousands):

                                              2010          2009
                                            --------      --------
Operating income (loss):
  Client                                     $ 3,000       $ 2,500
  Server and Tools                             2,100         1,900
  Entertainment                                 (100)          (80)
  Eliminations                                   (50)          (20)
                                            --------      --------
    Total operating income                   $ 4,950       $ 4,300
                                            ========      ========
"""


def _note(text, k=0):
    lines = text.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", date(2010, 12, 31))
    note, st = lay.note_tables[k]
    return f"Note {note.number} - {note.title} (Details)", st


def _year(y):
    from edgar2xbrl.model import Context, Period
    return Context(Period(date(y, 12, 31), date(y, 1, 1)))


def _build(text, title=None, reported=()):
    """The note's facts, after the income statement reported `reported`: ((concept, year, value), ...)."""
    from edgar2xbrl.model import Fact
    t, st = _note(text)
    b = Builder(load_catalog(2009), "acme", "x.txt")
    for concept, year, value in reported:
        b.add_fact(Fact(concept, _year(year), str(value), "USD", "-3"))
    b.build_statement(st, 200, "Note9", title or t, group="Disclosure")
    return b


SALES = (("us-gaap:Revenues", 2010, 5000000), ("us-gaap:Revenues", 2009, 4300000))


def _by_row(b):
    out = {}
    for f in b.facts.values():
        out.setdefault(f.row_label.strip(), []).append(f)
    return out


def test_places_are_told_from_other_names():
    for place in ("U.S.", "United States", "Japan", "Other Countries", "Asia, other than China", "Europe (a)",
                  "Western Hemisphere, other than the United States", "Europe, Middle East and Africa", "Asia Pacific"):
        assert is_place(place), place
    for name in ("YRI", "Client", "Power Macintosh", "Server and Tools", "Commercial Airplanes", "Corporate", "",
                 "Other"):
        assert not is_place(name), name
    assert is_place("European operations") and is_place("U.S. operations") and is_place("Other international operations")


def test_the_measure_is_what_every_column_header_says_besides_the_dates():
    cols = [Column(0, "Revenues 2008", 0), Column(1, "Revenues 2007", 0)]
    assert header_measure(cols) == "Revenues"
    assert header_measure([Column(0, "Year Ended May 31, 2006", 0), Column(1, "Year Ended May 31, 2005", 0)]) == ""
    assert header_measure([Column(0, "Revenues 2008", 0), Column(1, "Assets 2008", 0)]) == ""


def test_areas_under_a_total_are_members_of_the_geographical_axis_with_the_totals_concept():
    b = _build(AREAS, reported=SALES)
    rows = _by_row(b)
    for area in ("United States", "Japan", "Europe"):
        facts = rows[area]
        assert len(facts) == 2, area
        assert {f.concept for f in facts} == {"us-gaap:Revenues"}, area
        assert {f.context.dims[0][0] for f in facts} == {GEOGRAPHY.axis}
    # srt's own member where there is one; the filer's elsewhere
    assert {f.context.dims[0][1] for f in rows["Europe"]} == {"srt:EuropeMember"}
    assert {f.context.dims[0][1] for f in rows["Japan"]} == {"acme:JapanMember"}
    assert {f.value for f in rows["Japan"]} == {"700000", "600000"}
    # the total is the income statement's revenues, with no dimension: the same facts
    total = [r for r in b.rows if r.row == "Total net sales"]
    assert len(total) == 2 and {(r.concept, r.status) for r in total} == {("us-gaap:Revenues", "duplicate")}
    assert all(not r.dimensions for r in total)
    net = b.networks[-1]
    assert net.hypercube.axis == GEOGRAPHY.axis and "us-gaap:Revenues" in net.hypercube.primaries
    # the members' sum is no calculation (each in its own context) but is still checked as printed
    assert not net.calculations
    assert any(c.row == "Total net sales" and c.ok for c in b.checks)
    assert not any(c.prefix == "acme" and c.type != "domain" and not c.abstract for c in b.extensions.values())


def test_segments_keep_the_sign_they_are_printed_with_in_their_total():
    b = _build(SEGMENT_ROWS, reported=(("us-gaap:OperatingIncomeLoss", 2010, 4950000),
                                       ("us-gaap:OperatingIncomeLoss", 2009, 4300000)))
    rows = _by_row(b)
    assert {f.context.dims[0][0] for f in rows["Client"]} == {SEGMENTS.axis}
    assert {f.concept for f in rows["Entertainment"]} == {"us-gaap:OperatingIncomeLoss"}
    assert sorted(f.value for f in rows["Entertainment"]) == ["-100000", "-80000"]  # a segment's loss
    # eliminations reconcile the segments to the company: no segment, the measure on the consolidation items axis
    assert {f.context.dims for f in rows["Eliminations"]} == \
        {(("srt:ConsolidationItemsAxis", "us-gaap:IntersegmentEliminationMember"),)}
    assert {f.concept for f in rows["Eliminations"]} == {"us-gaap:OperatingIncomeLoss"}
    assert sorted(f.value for f in rows["Eliminations"]) == ["-20000", "-50000"]


def test_a_total_no_statement_confirms_leaves_its_rows_as_they_were():
    # a statement measure whose company-wide figure no statement reports: the total may be one group's (Ford's
    # automotive operating income, beside financial services, with no company-wide figure printed)
    b = _build(SEGMENT_ROWS)
    assert not any(f.context.dims for f in b.facts.values())


def test_rows_outside_a_segment_note_are_left_to_the_mapper():
    b = _build(AREAS, title="Note 9 - Quarterly Results (Details)", reported=SALES)
    assert not any(f.context.dims for f in b.facts.values())
    assert b.networks[-1].hypercube is None


def test_product_rows_are_members_of_the_product_axis():
    text = AREAS.replace("by geographic area", "by product").replace("United States", "Widgets      ") \
        .replace("Japan", "Gizmos").replace("Europe", "Gadgets")
    b = _build(text, reported=SALES)
    rows = _by_row(b)
    assert {f.context.dims[0][0] for f in rows["Gizmos"]} == {PRODUCTS.axis}


def test_a_conversion_with_srt_members_validates_offline():
    # the seed 10-Q with a geographic note of its net sales inserted before its last note: the instance imports the
    # srt stand-in only now, and Arelle finds no error in the contexts, the hypercube or the member locators
    from conftest import SAMPLE
    from edgar2xbrl import Options, convert
    text = SAMPLE.read_text(encoding="latin-1")
    note = """Note 8  GEOGRAPHIC DATA

Net sales by geographic area (in thousands):

                                          Three Months Ended
                                             September 30,
                                           2004          2003
                                         --------      --------
Net sales:
  United States                           $ 1,741       $ 1,558
  Japan                                       700           600
  Europe                                      300           200
                                         --------      --------
    Total net sales                       $ 2,741       $ 2,358
                                         ========      ========
Net sales:
  Nutrition                               $ 2,000       $ 1,800
  Licensing                                   741           558
                                         --------      --------
    Total net sales                       $ 2,741       $ 2,358
                                         ========      ========

"""
    text = text.replace("Note 7  LEGAL PROCEEDINGS", note + "Note 7  LEGAL PROCEEDINGS", 1)
    conv = convert(text.encode("latin-1"), Options(name="geo.txt", cik="737207"))
    files = conv.files
    instance = next(t for n, t in files.items() if n.endswith(".xml") and "_" not in n)
    assert 'xmlns:srt="http://fasb.org/srt/2024"' in instance
    assert "srt:StatementGeographicalAxis" in instance and "srt:EuropeMember" in instance
    # areas and segments in one table of facts: one hypercube, two axes, each fact at the other's default
    assert "us-gaap:StatementBusinessSegmentsAxis" in instance
    import re
    definition = next(t for n, t in files.items() if n.endswith("_def.xml"))
    links = re.findall(r"<link:definitionLink.*?</link:definitionLink>", definition, re.S)
    both = [x for x in links if "srt_StatementGeographicalAxis" in x and "us-gaap_StatementBusinessSegmentsAxis" in x]
    assert len(both) == 1 and both[0].count("dimension-default") == 2
    schema = next(t for n, t in files.items() if n.endswith(".xsd"))
    assert "srt-2024.xsd" in schema
    assert conv.report["validation"]["errors"] == [], conv.report["validation"]["errors"][:3]


def test_a_total_that_differs_from_the_companys_figure_is_one_groups_and_its_rows_stay_as_they_were():
    # Ford's automotive revenues by area under "Automotive", beside financial services: the total is not the
    # company's revenues, so the areas are members of two axes at once (not read here)
    from decimal import Decimal
    from edgar2xbrl.model import Context, Fact, Period
    title, st = _note(AREAS)
    b = Builder(load_catalog(2009), "acme", "x.txt")
    b.add_fact(Fact("us-gaap:Revenues", Context(Period(date(2010, 12, 31), date(2010, 1, 1))), "9000000", "USD", "-3"))
    b.build_statement(st, 200, "Note9", title, group="Disclosure")
    assert not any(f.context.dims for f in b.facts.values())
    assert Decimal(b.value_of("us-gaap:Revenues", Context(Period(date(2010, 12, 31), date(2010, 1, 1))), "USD").value) == 9000000


PARENT = """\
                          ACME BANCORP
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 20 - PARENT COMPANY

Dividends the bank subsidiary may pay (in thousands):

                                              2010          2009
                                            --------      --------
Retained earnings available                  $ 9,000       $ 8,500
Dividends paid                                   700           600

Parent company - statements of income (in thousands):

                                              2010          2009
                                            --------      --------
Dividends from bank subsidiary               $ 3,000       $ 2,500
Interest income                                  200           150
Securities gains (losses), net                   (20)           10
                                            --------      --------
  Total income                                 3,180         2,660
Interest expense                                 400           350
                                            --------      --------
Net income                                   $ 2,780       $ 2,310
                                            ========      ========
"""


def test_the_parent_companys_own_statements_are_in_the_parent_company_members_context():
    from edgar2xbrl.tag.segments import PARENT as PARENT_AXIS, PARENT_MEMBER, parent_breakdown
    title, st = _note(PARENT, 1)
    breakdown = parent_breakdown(st, title)
    assert breakdown is not None and breakdown.axis == PARENT_AXIS
    # the note's other table, headed otherwise, is no parent's own
    assert parent_breakdown(*reversed(_note(PARENT, 0))) is None
    b = Builder(load_catalog(2009), "acme", "x.txt")
    # the consolidated net income, which the parent's would contradict without its own context
    from edgar2xbrl.model import Context, Fact, Period
    year = Context(Period(date(2010, 12, 31), date(2010, 1, 1)))
    b.add_fact(Fact("us-gaap:NetIncomeLoss", year, "5100000", "USD", "-3"))
    b.build_statement(st, 200, "Note20", title, group="Disclosure", breakdown=breakdown)
    rows = _by_row(b)
    parent = {f.context.period: f for f in rows["Net income"] if f.context.dims}
    assert {f.concept for f in parent.values()} == {"us-gaap:NetIncomeLoss"}
    assert {f.context.dims for f in parent.values()} == {((PARENT_AXIS.axis, PARENT_MEMBER),)}
    assert parent[year.period].value == "2780000"
    # a total is made before the rows it adds up: "Total income" is income (from the net income it adds into), and
    # "Dividends from bank subsidiary" under it too, not a debit guessed from its first word that turned both
    for row, value in (("Total income", "3180000"), ("Dividends from bank subsidiary", "3000000")):
        assert {f.value for f in rows[row] if f.context.period == year.period} == {value}, row
    assert b.value_of("us-gaap:NetIncomeLoss", year, "USD").value == "5100000"  # untouched


def test_a_note_of_no_parent_company_has_no_parent_breakdown():
    from edgar2xbrl.tag.segments import parent_breakdown
    title, st = _note(AREAS)
    assert parent_breakdown(st, title) is None


def test_the_notes_end_where_the_supplementary_information_begins():
    from edgar2xbrl.tables.statements import notes_zone
    text = ["CONSOLIDATED BALANCE SHEETS", "", "NOTES TO CONSOLIDATED FINANCIAL STATEMENTS", "Note 1 - Basis",
            "text", "Note 2 - Parent company", "table", "", "Supplementary information", "Selected quarterly data",
            "table"]
    docs = [Document(type="", start=0, end=len(text))]
    assert notes_zone(text, docs) == (3, 8)
    # a note about supplementary information is a note
    text[8] = "Note 3 - Supplementary financial information"
    assert notes_zone(text, docs) == (3, len(text))


def test_a_header_printed_again_inside_a_table_is_no_row_of_amounts():
    from decimal import Decimal
    from edgar2xbrl.model import Cell, Row
    from edgar2xbrl.tag.members import is_years_row
    years = [Cell("2005", Decimal(2005)), Cell("2004", Decimal(2004))]
    assert is_years_row(Row("December 31, (in millions)", years, 10))
    assert is_years_row(Row("Year ended December 31, (in millions)(a)", years, 10))
    assert not is_years_row(Row("Net income", years, 10))  # (a figure that happens to look like a year)
    assert not is_years_row(Row("December 31,", [Cell("2,005", Decimal(2005)), Cell("1,200", Decimal(1200))], 10))
    # in a statement: listed as not tagged, never a fact
    title, st = _note(AREAS)
    st.tables[0].rows.insert(0, Row("December 31,", [Cell("2010", Decimal(2010)), Cell("2009", Decimal(2009))], 5))
    b = Builder(load_catalog(2009), "acme", "x.txt")
    b.build_statement(st, 200, "Note9", title, group="Disclosure")
    assert not any(f.row_label == "December 31," for f in b.facts.values())
    assert [u.value for u in b.untagged if u.row == "December 31,"] == ["2010", "2009"]


def test_a_measure_is_named_by_kept_wordings_and_by_wordings_of_no_part():
    from edgar2xbrl.model import Statement
    from edgar2xbrl.tag.mapper import score_concept
    from edgar2xbrl.tag.members import measure_for
    cat = load_catalog(2009)
    st = Statement("note", "Note 9", [], 3)
    assert measure_for("Total long-lived assets", st, cat)[0].qname == "us-gaap:NoncurrentAssets"
    assert measure_for("Sales and other operating revenues", st, cat)[0].qname == "us-gaap:Revenues"
    # "depreciation and amortization" is a wording of a deferred tax liability, a part of the deferred taxes: as a
    # measure alone it is the expense
    assert measure_for("Depreciation and Amortization", st, cat)[0].qname == "us-gaap:DepreciationDepletionAndAmortization"
    # long-lived assets is no name for every non-current asset (Apple's "Other non-current assets")
    other = cat.concepts["us-gaap:OtherAssetsNoncurrent"]
    assert score_concept("Other non-current assets", "", other) > \
        score_concept("Other non-current assets", "", cat.concepts["us-gaap:NoncurrentAssets"])


def test_a_place_the_mapper_read_as_a_concept_is_a_name_among_places():
    # Microsoft's "U.S. operations", read as operating cash flow (0.5), beside its European operations
    from edgar2xbrl.tables.arithmetic import find_subtotals
    from edgar2xbrl.tag.mapper import build_lines, map_lines
    from edgar2xbrl.tag.members import member_runs
    text = AREAS.replace("United States                    ", "U.S. operations                  ").replace(
        "  Europe                                       1,300         1,200\n",
        "  Europe                                       1,300         1,200\n"
        "  Eliminations                                  (100)         (100)\n").replace(
        "$ 5,000       $ 4,300", "$ 4,900       $ 4,200")
    title, st = _note(text)
    cat = load_catalog(2009)
    lines = build_lines(st, find_subtotals(st.rows))
    map_lines(lines, st, cat)
    us = next(ln for ln in lines if ln.row.label.strip() == "U.S. operations")
    us.concept, us.score = cat.concepts["us-gaap:NetCashProvidedByUsedInOperatingActivities"], 0.5
    runs = member_runs(lines, st, cat, title, lambda total, concept: True)
    places = [r for r in runs if r.axis == GEOGRAPHY]
    assert len(places) == 1 and us.index in places[0].rows
    assert [lines[k].row.label.strip() for r in runs if r not in places for k in r.rows] == ["Eliminations"]


BOTH_WAYS = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 5 - OTHER INCOME

Other income for the years ended December 31 (in thousands):

                                              2010          2009          2008
                                            --------      --------      --------
Royalty income                               $ 1,000       $   900       $   800
Remeasurement items                              (32)          (78)           80
                                            --------      --------      --------
  Total other income                         $   968       $   822       $   880
                                            ========      ========      ========
"""


def test_a_row_printed_with_both_signs_keeps_them_under_its_total():
    # mostly negative, but a gain one year: its extension's balance is its total's, not turned by the majority
    b = _build(BOTH_WAYS)
    rows = _by_row(b)
    assert {f.context.period.end.year: f.value for f in rows["Remeasurement items"]} == \
        {2010: "-32000", 2009: "-78000", 2008: "80000"}


def test_a_long_term_row_never_takes_a_concept_of_the_current_part():
    # Microsoft's "Long-term unearned revenue" was ContractWithCustomerLiabilityCurrent
    from edgar2xbrl.tag.mapper import score_concept
    cat = load_catalog(2009)
    current = [c for c in cat.concepts.values() if c.name in ("ContractWithCustomerLiabilityCurrent",
                                                                "DeferredRevenueCurrent")]
    assert current
    for c in current:
        assert score_concept("Long-term unearned revenue", "", c) == 0.0, c.name
        assert score_concept("Unearned revenue", "", c) > 0.0, c.name
    debt = cat.concepts["us-gaap:LongTermDebtCurrent"]
    assert score_concept("Current portion of long-term debt", "", debt) > 0.5


def test_a_total_the_statements_report_in_part_confirms_its_members():
    # the statements report the total's first year only (a balance sheet prints two year ends of a segment table's
    # three): the year reported agrees, so the total is the company's figure and its rows are members
    b = _build(SEGMENT_ROWS, reported=(("us-gaap:OperatingIncomeLoss", 2010, 4950000),))
    rows = _by_row(b)
    assert {f.concept for f in rows["Client"]} == {"us-gaap:OperatingIncomeLoss"}
    assert {f.context.dims[0][0] for f in rows["Client"]} == {SEGMENTS.axis}
    # one year that differs still leaves them as they were
    b = _build(SEGMENT_ROWS, reported=(("us-gaap:OperatingIncomeLoss", 2010, 4000000),))
    assert not any(f.context.dims for f in b.facts.values())


def test_rows_under_an_unconfirmed_measure_are_of_the_measures_period():
    # no statement confirms the total: the segments stay extensions, but what the caption names (operating income,
    # a flow) makes their year-only columns the years, not the years' last days
    # (the total unlabeled: no official concept above the rows says the period)
    b = _build(SEGMENT_ROWS.replace("    Total operating income  ", "                          "))
    client = _by_row(b)["Client"]
    assert client and all(not f.context.dims for f in client)
    assert {(f.context.period.start, f.context.period.end) for f in client} == \
        {(date(2010, 1, 1), date(2010, 12, 31)), (date(2009, 1, 1), date(2009, 12, 31))}


def test_all_other_among_places_leaves_them_places():
    from edgar2xbrl.tag.members import _axis
    assert _axis(["United States", "Europe*", "All other"], "") is GEOGRAPHY
    assert _axis(["Client", "Server and Tools", "Other"], "") is SEGMENTS


def test_a_heading_names_its_measure_without_its_qualifier_only_where_the_words_as_printed_name_none():
    from edgar2xbrl.model import Statement
    from edgar2xbrl.tag.members import measure_for
    cat = load_catalog(2003)
    st = Statement("note", "x", [], 6)
    for heading in ("Capital expenditures, net", "Capital expenditures (facilities and tooling)"):
        found = measure_for(heading, st, cat)
        assert found is not None and found[0].name == "PaymentsToAcquirePropertyPlantAndEquipment", heading
    # "net" that the words as printed need stays
    found = measure_for("Interest income, net", st, cat)
    assert found is None or found[0].name != "InvestmentIncomeInterest"


RECONCILED = SEGMENT_ROWS.replace("  Eliminations                                   (50)          (20)\n",
                                  "  Corporate                                     (200)         (150)\n"
                                  "  Accounting differences                          150           130\n"
                                  "  Eliminations                                   (50)          (20)\n") \
    .replace("$ 4,950       $ 4,300", "$ 4,900       $ 4,280")


def test_rows_that_reconcile_the_segments_are_the_measures_reconciling_items():
    b = _build(RECONCILED, reported=(("us-gaap:OperatingIncomeLoss", 2010, 4900000),
                                     ("us-gaap:OperatingIncomeLoss", 2009, 4280000)))
    rows = _by_row(b)
    want = {"Corporate": "us-gaap:CorporateNonSegmentMember", "Eliminations": "us-gaap:IntersegmentEliminationMember",
            "Accounting differences": "acme:AccountingDifferencesMember"}  # (named otherwise: the filer's member)
    for label, member in want.items():
        assert {f.concept for f in rows[label]} == {"us-gaap:OperatingIncomeLoss"}, label
        assert {f.context.dims for f in rows[label]} == {(("srt:ConsolidationItemsAxis", member),)}, label
    assert sorted(f.value for f in rows["Corporate"]) == ["-150000", "-200000"]
    assert sorted(f.value for f in rows["Accounting differences"]) == ["130000", "150000"]
    # both axes in the note's one table, and no extension concept for a row
    h = b.networks[-1].hypercube
    assert h.axis == SEGMENTS.axis and [e[0] for e in h.more_axes] == ["srt:ConsolidationItemsAxis"]
    assert not any(c.prefix == "acme" and c.type != "domain" and not c.abstract for c in b.extensions.values())
    # unconfirmed, the reconciling rows stay as they were with their segments
    b = _build(RECONCILED)
    assert not any(f.context.dims for f in b.facts.values())


DEPRECIATION = SEGMENT_ROWS.replace("Operating income (loss) by", "Depreciation by") \
    .replace("Operating income (loss):", "Depreciation and amortization:") \
    .replace("(100)          (80)", "  100            80").replace("$ 4,950       $ 4,300", "$ 5,150       $ 4,460") \
    .replace("Total operating income", "Total depreciation  ")


def test_the_segments_a_statement_confirmed_confirm_the_same_segments_total_of_another_measure():
    # no statement prints the company's depreciation and amortization as one figure; the note's operating income
    # table, confirmed by the income statement, divides the company among the same segments
    title = "Note 9 - SEGMENT INFORMATION (Details)"
    t, income = _note(SEGMENT_ROWS)
    _, depreciation = _note(DEPRECIATION)
    b = Builder(load_catalog(2009), "acme", "x.txt")
    from edgar2xbrl.model import Fact
    for year, value in ((2010, 4950000), (2009, 4300000)):
        b.add_fact(Fact("us-gaap:OperatingIncomeLoss", _year(year), str(value), "USD", "-3"))
    b.build_statement(income, 200, "Note9", title, group="Disclosure")
    b.build_statement(depreciation, 201, "Note9b", title, group="Disclosure")
    client = [f for f in b.facts.values() if f.row_label.strip() == "Client" and "Depreciation" in f.concept]
    assert len(client) == 2 and {f.context.dims[0][0] for f in client} == {SEGMENTS.axis}
    # alone, the same table stays as it was
    b = Builder(load_catalog(2009), "acme", "x.txt")
    b.build_statement(depreciation, 201, "Note9b", title, group="Disclosure")
    assert not any(f.context.dims for f in b.facts.values())


INVENTORIES = SEGMENT_ROWS.replace("Operating income (loss) by reportable segment for the years ended December 31",
                                   "Inventories by reportable segment") \
    .replace("                                              2010          2009\n",
             "                                           Year Ended    Year Ended\n"
             "                                            Dec. 31,      Dec. 31,\n"
             "                                              2010          2009\n") \
    .replace("Operating income (loss):", "Inventories:").replace("(100)          (80)", "  100            80") \
    .replace("$ 4,950       $ 4,300", "$ 5,150       $ 4,460").replace("Total operating income", "Total inventories     ")


def test_a_balance_divided_among_segments_under_year_ended_columns_is_held_at_the_years_end():
    # the balance sheet reports the first year's end only
    from edgar2xbrl.model import Context, Fact, Period
    b2 = Builder(load_catalog(2009), "acme", "x.txt")
    b2.add_fact(Fact("us-gaap:InventoryNet", Context(Period(date(2010, 12, 31))), "5150000", "USD", "-3"))
    t, st = _note(INVENTORIES)
    assert any(c.period is not None and not c.period.is_instant for c in st.columns)  # "Year Ended" columns
    b2.build_statement(st, 200, "Note9", t, group="Disclosure")
    client = [f for f in b2.facts.values() if f.row_label.strip() == "Client"]
    assert {f.concept for f in client} == {"us-gaap:InventoryNet"}
    assert {f.context.period for f in client} == {Period(date(2010, 12, 31)), Period(date(2009, 12, 31))}
    assert {f.context.dims[0][0] for f in client} == {SEGMENTS.axis}


RECONCILIATION = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 9 - SEGMENT INFORMATION

A reconciliation of the segments' operating income and assets to the consolidated figures (in thousands):

                                              2010          2009
                                            --------      --------
Segment operating income                     $ 5,000       $ 4,500
Other corporate expenses, net                   (300)         (250)
Stock-based compensation expense                (100)          (90)
                                            --------      --------
  Total operating income                     $ 4,600       $ 4,160
                                            ========      ========

Segment assets                               $ 7,000       $ 6,000
Corporate assets                               2,000         1,500
Consolidated assets                          $ 9,000       $ 7,500
"""


def test_the_segments_figure_and_the_corporate_part_of_a_measure_are_its_members():
    from edgar2xbrl.model import Context, Fact, Period
    t, st = _note(RECONCILIATION)
    b = Builder(load_catalog(2009), "acme", "x.txt")
    for y, income, assets in ((2010, 4600000, 9000000), (2009, 4160000, 7500000)):
        b.add_fact(Fact("us-gaap:OperatingIncomeLoss", _year(y), str(income), "USD", "-3"))
        b.add_fact(Fact("us-gaap:Assets", Context(Period(date(y, 12, 31))), str(assets), "USD", "-3"))
    b.build_statement(st, 200, "Note9", t, group="Disclosure")
    rows = _by_row(b)
    segments = (("us-gaap:StatementBusinessSegmentsAxis", "us-gaap:OperatingSegmentsMember"),)
    corporate = (("srt:ConsolidationItemsAxis", "us-gaap:CorporateNonSegmentMember"),)
    want = {"Segment operating income": ("us-gaap:OperatingIncomeLoss", segments, {"5000000", "4500000"}),
            "Other corporate expenses, net": ("us-gaap:OperatingIncomeLoss", corporate, {"-300000", "-250000"}),
            "Segment assets": ("us-gaap:Assets", segments, {"7000000", "6000000"}),
            "Corporate assets": ("us-gaap:Assets", corporate, {"2000000", "1500000"})}
    for label, (concept, dims, values) in want.items():
        assert {(f.concept, f.context.dims) for f in rows[label]} == {(concept, dims)}, label
        assert {f.value for f in rows[label]} == values, label
    # the consolidated figure is the balance sheet's, with no member: the same facts, no extension
    assert {(f.concept, f.context.dims) for f in rows.get("Consolidated assets", [])} <= {("us-gaap:Assets", ())}
    assert [r.concept for r in b.rows if r.row == "Consolidated assets"] == ["us-gaap:Assets"] * 2
    assert not any(c.name.startswith(("Consolidated", "Segment", "Corporate")) for c in b.extensions.values()
                   if c.type != "domain")


def _reconciled(text):
    from edgar2xbrl.model import Context, Fact, Period
    t, st = _note(text)
    b = Builder(load_catalog(2009), "acme", "x.txt")
    for y, income, assets in ((2010, 4600000, 9000000), (2009, 4160000, 7500000)):
        b.add_fact(Fact("us-gaap:OperatingIncomeLoss", _year(y), str(income), "USD", "-3"))
        b.add_fact(Fact("us-gaap:Assets", Context(Period(date(y, 12, 31))), str(assets), "USD", "-3"))
    b.build_statement(st, 200, "Note9", t, group="Disclosure")
    return b


def test_a_corporate_row_named_with_its_measure_is_the_corporate_member_and_unallocated_and_other_no_measure():
    text = RECONCILIATION.replace("Other corporate expenses, net                   (300)         (250)",
                                  "Corporate research and development              (300)         (250)") \
        .replace("Corporate assets                               2,000         1,500\n",
                 "Corporate assets                               2,000         1,500\n"
                 "Unallocated and other                            300           200\n")
    rows = _by_row(_reconciled(text))
    corporate = (("srt:ConsolidationItemsAxis", "us-gaap:CorporateNonSegmentMember"),)
    # under the operating income total: the total's measure, on the corporate member, not a member named after it
    assert {(f.concept, f.context.dims) for f in rows["Corporate research and development"]} == \
        {("us-gaap:OperatingIncomeLoss", corporate)}
    # "and other" after "Unallocated" names no measure: the row takes no member
    assert rows["Unallocated and other"] and all(not f.context.dims for f in rows["Unallocated and other"])


def test_two_corporate_rows_under_one_total_are_two_members():
    text = RECONCILIATION.replace("Stock-based compensation expense                (100)          (90)",
                                  "Corporate research and development            (100)          (90)")
    b = _reconciled(text)
    rows = _by_row(b)
    first = {f.context.dims for f in rows["Other corporate expenses, net"]}
    second = {f.context.dims for f in rows["Corporate research and development"]}
    assert first == {(("srt:ConsolidationItemsAxis", "us-gaap:CorporateNonSegmentMember"),)}
    assert second == {(("srt:ConsolidationItemsAxis", "acme:CorporateResearchAndDevelopmentMember"),)}
    assert not [r for r in b.rows if r.status == "conflict"]


SECURITIES = """\
                          ACME CORP.
NOTES TO CONSOLIDATED FINANCIAL STATEMENTS

NOTE 2 - FINANCIAL INSTRUMENTS

The Company's short-term investments at December 31 (in thousands):

                                              2010          2009
                                            --------      --------
U.S. Treasury securities                     $ 2,843       $   343
Commercial paper                               2,816         1,254
Corporate securities                           2,466         2,247
Auction rate notes                               100           200
                                            --------      --------
  Total short-term marketable securities     $ 8,225       $ 4,044
                                            ========      ========
"""


def test_kinds_of_securities_under_a_confirmed_total_are_its_concept_on_the_instrument_axis():
    from edgar2xbrl.model import Context, Fact, Period
    t, st = _note(SECURITIES)

    def build(reported):
        b = Builder(load_catalog(2009), "acme", "x.txt")
        for y, v in reported:
            b.add_fact(Fact("us-gaap:MarketableSecuritiesCurrent", Context(Period(date(y, 12, 31))), str(v), "USD", "-3"))
        b.build_statement(st, 200, "Note2", t, group="Disclosure")
        return b

    rows = _by_row(build(((2010, 8225000), (2009, 4044000))))
    want = {"U.S. Treasury securities": "us-gaap:USTreasurySecuritiesMember",
            "Commercial paper": "us-gaap:CommercialPaperMember",
            "Corporate securities": "us-gaap:CorporateDebtSecuritiesMember"}
    for label, member in want.items():
        assert {(f.concept, f.context.dims) for f in rows[label]} == \
            {("us-gaap:MarketableSecuritiesCurrent", (("us-gaap:FinancialInstrumentAxis", member),))}, label
    assert {f.value for f in rows["Commercial paper"]} == {"2816000", "1254000"}
    # a kind the taxonomy has no member for keeps its own line item, with no dimension
    assert all(not f.context.dims for f in rows["Auction rate notes"])
    # a total no statement confirms leaves its rows as they were
    assert not any(f.context.dims for f in build(((2010, 9000000),)).facts.values())


def test_a_row_of_two_kinds_of_securities_is_no_member_of_one_of_them():
    from edgar2xbrl.tag.notes import _another_kind
    cat = load_catalog(2009)
    abs_ = cat.concepts["us-gaap:AssetBackedSecuritiesMember"]
    cp = cat.concepts["us-gaap:CommercialPaperMember"]
    treasury = cat.concepts["us-gaap:USTreasurySecuritiesMember"]
    assert _another_kind("Asset-backed and agency securities", abs_)
    assert _another_kind("Commercial paper and short-term obligations", cp)
    assert not _another_kind("U.S. Treasury notes and bonds", treasury)  # one kind, two words for it
    assert not _another_kind("Asset-backed securities", abs_)

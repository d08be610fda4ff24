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

Revenues by reportable segment for the years ended December 31 (in thousands):

                                              2010          2009
                                            --------      --------
Revenues:
  Client                                     $ 3,000       $ 2,500
  Server and Tools                             2,100         1,900
  Eliminations                                  (100)          (80)
                                            --------      --------
    Total revenues                           $ 5,000       $ 4,320
                                            ========      ========
"""


def _note(text, k=0):
    lines = text.splitlines()
    docs = [Document(type="", start=0, end=len(lines))]
    lay = locate(lines, find_tables(lines, docs), docs, "10-K", date(2010, 12, 31))
    note, st = lay.note_tables[k]
    return f"Note {note.number} - {note.title} (Details)", st


def _build(text, title=None):
    t, st = _note(text)
    b = Builder(load_catalog(2009), "acme", "x.txt")
    b.build_statement(st, 200, "Note9", title or t, group="Disclosure")
    return b


def _by_row(b):
    out = {}
    for f in b.facts.values():
        out.setdefault(f.row_label.strip(), []).append(f)
    return out


def test_places_are_told_from_other_names():
    for place in ("U.S.", "United States", "Japan", "Other Countries", "Asia, other than China", "Europe (a)",
                  "Western Hemisphere, other than the United States", "Europe, Middle East and Africa", "Asia Pacific"):
        assert is_place(place), place
    for name in ("YRI", "Client", "Power Macintosh", "Server and Tools", "Commercial Airplanes", "Corporate", ""):
        assert not is_place(name), name


def test_the_measure_is_what_every_column_header_says_besides_the_dates():
    cols = [Column(0, "Revenues 2008", 0), Column(1, "Revenues 2007", 0)]
    assert header_measure(cols) == "Revenues"
    assert header_measure([Column(0, "Year Ended May 31, 2006", 0), Column(1, "Year Ended May 31, 2005", 0)]) == ""
    assert header_measure([Column(0, "Revenues 2008", 0), Column(1, "Assets 2008", 0)]) == ""


def test_areas_under_a_total_are_members_of_the_geographical_axis_with_the_totals_concept():
    b = _build(AREAS)
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
    total = rows["Total net sales"]
    assert {f.concept for f in total} == {"us-gaap:Revenues"} and all(not f.context.dims for f in total)
    net = b.networks[-1]
    assert net.hypercube["axis"] == GEOGRAPHY.axis and "us-gaap:Revenues" in net.hypercube["primaries"]
    # the members' sum is no calculation (each in its own context) but is still checked as printed
    assert not net.calcs
    assert any(c.row == "Total net sales" and c.ok for c in b.checks)
    assert not any(c.prefix == "acme" and c.type != "domain" and not c.abstract for c in b.extensions.values())


def test_segments_keep_the_sign_they_are_printed_with_in_their_total():
    b = _build(SEGMENT_ROWS)
    rows = _by_row(b)
    assert {f.context.dims[0][0] for f in rows["Client"]} == {SEGMENTS.axis}
    assert {f.concept for f in rows["Eliminations"]} == {"us-gaap:Revenues"}
    assert sorted(f.value for f in rows["Eliminations"]) == ["-100000", "-80000"]  # revenue taken away


def test_rows_outside_a_segment_note_are_left_to_the_mapper():
    b = _build(AREAS, title="Note 9 - Quarterly Results (Details)")
    assert not any(f.context.dims for f in b.facts.values())
    assert b.networks[-1].hypercube is None


def test_product_rows_are_members_of_the_product_axis():
    text = AREAS.replace("by geographic area", "by product").replace("United States", "Widgets      ") \
        .replace("Japan", "Gizmos").replace("Europe", "Gadgets")
    b = _build(text)
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
                                            --------      --------
  Total income                                 3,200         2,650
Interest expense                                 400           350
                                            --------      --------
Net income                                   $ 2,800       $ 2,300
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
    assert parent[year.period].value == "2800000"
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

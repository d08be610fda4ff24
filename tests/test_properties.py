"""Property tests (hypothesis) on the stages a hostile filing reaches first: number cells, dates and header fields,
the cover page, the HTML renderer, prefixes and ids, and the writers given hostile labels and names."""
import re
from datetime import date
from decimal import Decimal

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from edgar2xbrl.read.cover import ERA, fiscal_focus, header_date, month_day_ok, read_cover  # noqa: E402
from edgar2xbrl.read.html import render  # noqa: E402
from edgar2xbrl.read.numbers import parse_cell  # noqa: E402
from edgar2xbrl.tables.periods import add_months, all_dates, column_end_date, parse_date, span_of  # noqa: E402
from edgar2xbrl.pipeline import derive_prefix  # noqa: E402
from edgar2xbrl.write.xmlsafe import FORBIDDEN, is_reserved_prefix, ncname  # noqa: E402

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
# text as a damaged filing has it: any character (surrogates and XML-forbidden ones included)
ANY_TEXT = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=60)
NUMBERISH = st.text(st.sampled_from(list("0123456789,.()$-%* \u2014\uff11abc")), max_size=30)


@SETTINGS
@given(st.one_of(ANY_TEXT, NUMBERISH))
def test_parse_cell_never_raises(text):
    cell = parse_cell(text)
    assert cell is None or isinstance(cell.value, Decimal)


@SETTINGS
@given(st.integers(min_value=0, max_value=10 ** 15), st.booleans(), st.booleans())
def test_parse_cell_reads_printed_amounts(n, paren, dollar):
    text = f"{n:,}"
    text = f"({text})" if paren else text
    text = f"$ {text}" if dollar else text
    cell = parse_cell(text)
    assert cell is not None and cell.value == (-n if paren else n)


@SETTINGS
@given(st.one_of(ANY_TEXT, st.from_regex(r"[A-Za-z]{3,9}\.? \d{1,3}, \d{4}", fullmatch=True),
                 st.from_regex(r"\d{1,2}/\d{1,2}/\d{2,4}", fullmatch=True)), ANY_TEXT)
def test_dates_never_raise(text, context):
    parse_date(text)
    all_dates(text)
    span_of(text)
    column_end_date(text, context)


@SETTINGS
@given(st.text(st.sampled_from("0123456789ab "), max_size=10))
def test_header_dates_are_dates_of_the_era_or_none(text):
    d = header_date(text)
    assert d is None or ERA[0] <= d <= ERA[1]


@SETTINGS
@given(st.dates(min_value=ERA[0], max_value=ERA[1]), st.text(st.sampled_from("0123456789"), min_size=4, max_size=4),
       st.sampled_from(["10-K", "10-Q", "10-KSB", ""]), st.integers(min_value=-24, max_value=24))
def test_fiscal_focus_and_months_never_raise(period_end, mmdd, form, months):
    if month_day_ok(mmdd):
        fy, fp = fiscal_focus(period_end, f"--{mmdd[:2]}-{mmdd[2:]}", form)
        assert fy.isdigit()
    add_months(period_end, months)


@SETTINGS
@given(st.dictionaries(st.sampled_from(["period", "cik", "fiscal_year_end", "company", "form", "irs_number",
                                        "state_of_incorporation", "street1", "city", "zip"]), ANY_TEXT),
       st.lists(ANY_TEXT, max_size=20))
def test_cover_never_raises_and_keeps_only_sound_fields(header, lines):
    cv = read_cover(lines, header, 0, len(lines))
    assert cv.cik == "" or re.fullmatch(r"[0-9]{10}", cv.cik)
    assert cv.period_end is None or isinstance(cv.period_end, date)
    if header.get("period") and cv.period_end is not None and not header_date(header["period"]):
        assert any("PERIOD OF REPORT" in p for p in cv.problems)


TAGS = ["table", "tr", "td", "th", "p", "div", "br", "font", "b", "pre", "script", "style", "hr", "span"]


@st.composite
def html_docs(draw):
    parts = ["<html><body>"]
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            tag = draw(st.sampled_from(TAGS))
            attrs = ""
            if tag in ("td", "th") and draw(st.booleans()):
                attrs = f' colspan="{draw(st.sampled_from(["0", "1", "3", "1000", "99999999999999", "-1", "x"]))}"'
            if tag in ("td", "th") and draw(st.booleans()):
                attrs += f' rowspan="{draw(st.sampled_from(["0", "2", "65534", "2000000000", "y"]))}"'
            if draw(st.booleans()):
                attrs += ' style="font-family: Courier"'
            parts.append(f"<{tag}{attrs}>")
        elif kind == 1:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(["1,234", "(567)", "$", ")", "&nbsp;", "&#1;", "&#xFFFE;",
                                               "September 30, 2004", "Total", "--", "&amp;", "&lt;"])))
        else:
            parts.append(draw(st.text(st.characters(min_codepoint=1, max_codepoint=0x2FFF), max_size=15)))
    return "".join(parts)


@SETTINGS
@given(html_docs())
def test_html_renderer_never_raises(doc):
    remarks = []
    lines, where = render(doc, remarks)
    assert len(lines) == len(where)
    assert all(isinstance(x, str) for x in lines)


@SETTINGS
@given(ANY_TEXT)
def test_derived_prefixes_are_sound(name):
    p = derive_prefix(name)
    assert re.fullmatch(r"[a-z][a-z0-9]{0,19}", p) and not is_reserved_prefix(p)


@SETTINGS
@given(ANY_TEXT)
def test_ncname_is_an_ascii_ncname(text):
    assert NCNAME.fullmatch(ncname(text))


HOSTILE = st.one_of(ANY_TEXT, st.sampled_from(["--", "-->", "<!--", "]]>", "&", "<x/>", "\x00", "\ufffe", "\ud800",
                                               "a--b", "\"'", "&amp;", "\r\n", "\x85", "\u2028"]))


@SETTINGS
@given(title=HOSTILE, text=HOSTILE, label=HOSTILE, name=HOSTILE, source=HOSTILE)
def test_writers_give_well_formed_xml_whatever_the_labels(title, text, label, name, source):
    from lxml import etree

    from edgar2xbrl.tag.builder import Builder, Network, PresItem
    from edgar2xbrl.tag.catalog import TYPES, load_catalog
    from edgar2xbrl.model import Context, Fact, Period
    from edgar2xbrl.tag.notes import build_text_blocks
    from edgar2xbrl.tables.statements import Note
    from edgar2xbrl.write.writer import namespace, write_files
    from edgar2xbrl.xbrl_report import Entity, Findings, freeze
    b = Builder(load_catalog(), "abc", source)
    period = Period(end=date(2004, 9, 30), start=date(2004, 7, 1))
    build_text_blocks(b, [Note(number="1", title=title, start_line=3, end_line=9, text=text)], period, 100)
    ext = b.new_extension(label, "monetary", "duration", balance="debit")
    b.label_for("us-gaap:Assets", label, "terseLabel")
    b.add_fact(Fact(concept=ext.qname, context=Context(period), value="1234", unit="USD", decimals="0",
                    source=f"{source}:12", row_label=label))
    b.add_fact(Fact(concept="dei:EntityRegistrantName", context=Context(period), value=name, source=f"{source}:cover",
                    row_label=name))
    net = Network(role_id=f"Role{title}", title=title, order=2)
    net.items.append(PresItem(ext.qname, 0, label, "label"))
    b.add_network(net)
    entity = Entity(cik="0000000000", cik_placeholder=True, registrant=name, form="10-Q", period_end=period.end,
                    fiscal_year_focus="2004", fiscal_period_focus="Q3", fiscal_year_end="", accession="", filed="",
                    sic="", source=source)
    x = freeze(b.snapshot(), entity, "abc-20040930", namespace("abc", "20040930"), TYPES, Findings((), ()))
    files = {n: f.text() for n, f in write_files(x).items()}
    for fname, xml in files.items():
        assert not FORBIDDEN.search(xml), fname
        root = etree.fromstring(xml.encode("utf-8"))
        # the only comments are ours, with no filing text or path in them
        comments = list(root.iter(etree.Comment)) + [c for c in root.itersiblings(preceding=True)
                                                      if isinstance(c, etree._Comment)]
        for c in comments:
            assert OUR_COMMENTS.fullmatch(c.text), (fname, c.text)
        if fname == "abc-20040930.xml":
            assert any("Converted by" in c.text for c in comments)
    inst = etree.fromstring(files["abc-20040930.xml"].encode())
    names = [el.text or "" for el in inst if isinstance(el.tag, str) and el.tag.endswith("EntityRegistrantName")]
    # (an XML parser reads a carriage return as a line feed; the filing's text has none left by then)
    assert names == [FORBIDDEN.sub("", name).replace("\r\n", "\n").replace("\r", "\n")]


OUR_COMMENTS = re.compile(r" (Converted by edgar2xbrl \(report\.json names the source\)\. [^-]*(-[^-]+)*|source line \d+|"
                          r"Company extension schema written by edgar2xbrl) ")


def test_letters_an_ignorecase_pattern_folds_read_as_their_ascii_twins():
    # "ſept" matches the month pattern under IGNORECASE (U+017F folds to "s"): it is read, never a KeyError
    assert parse_date("\u017fept 30, 2004") == parse_date("Sept 30, 2004")
    assert parse_date("Apr\u0131l 3, 1999") == parse_date("April 3, 1999")
    all_dates("On \u017fept. 30, 2004 and Augu\u017ft 1, 2003")

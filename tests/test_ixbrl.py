"""Inline XBRL: Arelle reads the .htm document as inline XBRL with no errors, and its facts are the classic
instance's facts, value for value; the page shows every number the statements printed."""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from edgar2xbrl import Options, convert
from edgar2xbrl.write.ixbrl import IX, XHTML, load_inline, number_attrs
from edgar2xbrl.model import Context, Period
from edgar2xbrl.read.source import read_filing
from edgar2xbrl.xbrl_report import Provenance, ReportFact, SourceSpan

from conftest import SAMPLE, SHARED

ERRORS = ("ERROR", "CRITICAL", "FATAL")
CORPUS_TEXT = ["AAPL_10-Q_1995-06-30_0000320193-95-000011.txt", "AAPL_10-K_1999-09-25_0000912057-99-010244.txt"]
CORPUS_HTML = ["AAPL_10-Q_2008-03-29_0001193125-08-097759.txt", "AMZN_10-Q_2004-09-30_0001193125-04-176356.txt"]

HTML = """<html><head><title>x</title><script>var canary = 1;</script></head><body bgcolor="white">
<center><font size="4"><b>FORM 10-Q</b></font></center>
<p>For the quarterly period ended March 31, 2005</p>
<p><b>ACME WIDGETS, INC.</b><br>(Exact name of registrant as specified in its charter)</p>
<p align="center"><a name="bs"></a><b>CONDENSED BALANCE SHEETS</b></p>
<p align="center">(In thousands)</p>
<p><font face="Times New Roman"><table width="100%" border=0>
<tr><td></td><td colspan="2" align="CENTER">March 31,<br>2005</td><td colspan="2" align="center">December 31,<br>2004</td></tr>
<tr><td>Cash and cash equivalents</td><td>$</td><td align="right"><font size=2>1,200</font></td><td>$</td><td align="right">900</td></tr>
<tr><td>Accounts receivable</td><td></td><td align="right">300</td><td></td><td align="right">350</td></tr>
<tr><td>Total current assets</td><td></td><td align="right">1,500</td><td></td><td align="right">1,250</td></tr>
<tr><td>Property and equipment, net</td><td></td><td align="right">500</td><td></td><td align="right">520</td></tr>
<tr><td>Total assets</td><td>$</td><td align="right">2,000</td><td>$</td><td align="right">1,770</td></tr>
<tr><td>Accounts payable</td><td></td><td align="right">400</td><td></td><td align="right">370</td></tr>
<tr><td>Retained earnings</td><td></td><td align="right">1,600</td><td></td><td align="right">1,400</td></tr>
<tr><td>Total liabilities and stockholders' equity</td><td>$</td><td align="right">2,000</td><td>$</td><td align="right">1,770</td></tr>
</table></font></p>
<p align="center"><b>CONDENSED STATEMENTS OF OPERATIONS</b></p>
<p align="center">(In thousands)</p>
<table>
<tbody>
<tr><td></td><td colspan="4" align="center">Three Months Ended March 31,</td></tr>
<tr><td></td><td colspan="2" align="center">2005</td><td colspan="2" align="center">2004</td></tr>
<tr><td>Net sales</td><td>$</td><td align="right">1,000</td><td>$</td><td align="right">800</td></tr>
<tr><td>Cost of sales</td><td></td><td align="right">600</td><td></td><td align="right">500</td></tr>
<tr><td>Gross profit</td><td></td><td align="right">400</td><td></td><td align="right">300</td></tr>
<tr><td>Selling, general and administrative</td><td></td><td align="right">(200</td><td>)</td><td align="right">(100)</td></tr>
<tr><td>Other income</td><td></td><td align="right">&#151;</td><td></td><td align="right">--</td></tr>
<tr><td>Net income</td><td>$</td><td align="right">200</td><td>$</td><td align="right">200</td></tr>
</tbody></table>
<img src="http://127.0.0.1:9/x.png"><iframe src="file:///etc/passwd"></iframe>
</body></html>"""


def _written(conv, folder: Path) -> tuple[Path, Path]:
    for name, text in conv.files.items():
        (folder / name).write_text(text, encoding="utf-8")
    inline = [n for n in conv.files if n.endswith(".htm")]
    assert len(inline) == 1
    return folder / inline[0], folder / conv.instance


def _check_same_facts(conv, folder: Path) -> tuple[list, list]:
    htm, xml = _written(conv, folder)
    messages, inline = load_inline(htm)
    assert [m for m in messages if m.level in ERRORS] == []
    _, classic = load_inline(xml)
    assert len(classic) == len(conv.xbrl.facts) > 0
    assert sorted(inline) == sorted(classic)
    return inline, classic


def _tree(conv):
    name = next(n for n in conv.files if n.endswith(".htm"))
    return etree.fromstring(conv.files[name].encode("utf-8"))


def _visible_lines(root) -> list[str]:
    """The lines a reader sees on the page of a text filing (each <pre> a block of lines)."""
    return [ln for pre in root.iter(f"{{{XHTML}}}pre") for ln in "".join(pre.itertext()).split("\n")]


@pytest.fixture(scope="module")
def sample():
    return convert(SAMPLE, Options(validate=False))


def test_sample_inline_document_loads_and_has_the_classic_facts(sample, tmp_path):
    inline, _ = _check_same_facts(sample, tmp_path)
    root = _tree(sample)
    tagged = [el for el in root.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric")]
    hidden = root.find(f".//{{{IX}}}hidden")
    in_hidden = set(hidden.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric")) if hidden is not None else set()
    shown = [el for el in tagged if el not in in_hidden]
    # most facts are tagged where they were printed; the hidden ones are cover facts the converter worked out
    # and notes whose text is not one run of lines
    assert len(shown) > 0.85 * len(sample.xbrl.facts)
    assert all(el.get("name").startswith("dei:") or el.get("name").endswith("TextBlock") for el in in_hidden)


def test_tags_wrap_the_printed_digits_with_scale_sign_and_format(sample):
    root = _tree(sample)
    by_id = {f.id: f for f in sample.xbrl.facts}
    hidden = root.find(f".//{{{IX}}}hidden")
    checked = 0
    for el in root.iter(f"{{{IX}}}nonFraction"):
        if hidden is not None and el in set(hidden.iter()):
            continue
        f = by_id[el.get("id")]
        text = "".join(el.itertext())
        assert "(" not in text and ")" not in text and "$" not in text  # parentheses and $ stay outside
        assert (el.get("sign") == "-") == (f.number < 0)
        if el.get("format") == "ixt:num-dot-decimal":
            shown = Decimal(text.replace(",", "")) * Decimal(10) ** int(el.get("scale", "0"))
            assert shown == abs(f.number)
        else:
            assert el.get("format") == "ixt:fixed-zero" and f.number == 0
        checked += 1
    assert checked > 100


def test_the_page_shows_every_printed_line_of_the_statements(sample):
    root = _tree(sample)
    visible = set(_visible_lines(root))
    lines = read_filing(SAMPLE).lines
    spans = [f.span for f in sample.xbrl.facts if f.span.start >= 0]
    assert len(spans) > 100
    for sp in spans:
        line = lines[sp.line - 1]
        assert line[sp.start:sp.end] == sp.text
        assert line in visible, line
    # the numbers left untagged (percentages, repeated columns) are on the page too
    untagged = [u for u in sample.report["untagged"] if str(u["source"]).rpartition(":")[2].isdigit()]
    assert untagged
    for u in untagged:
        assert lines[int(u["source"].rpartition(":")[2]) - 1] in visible


def test_text_blocks_shown_in_place_are_the_classic_value(sample):
    root = _tree(sample)
    blocks = [el for el in root.iter(f"{{{IX}}}nonNumeric") if el.get("escape") == "true"]
    assert blocks
    by_id = {f.id: f for f in sample.xbrl.facts}
    for el in blocks:
        pre = el[0]
        assert etree.QName(pre).localname == "pre" and not pre.attrib
        assert "<pre>" + _escape("".join(pre.itertext())) + "</pre>" == by_id[el.get("id")].value


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fact(value: str, unit: str | None = "USD", decimals: str = "-3") -> ReportFact:
    return ReportFact("f1", "us-gaap:Assets", Context(Period(date(2004, 9, 30))), value, unit, decimals, "",
                      SourceSpan("x"), Provenance("", "", None, "", 1.0, "", "", ""), False)


def test_number_attributes_read_the_printed_characters_as_the_value():
    assert number_attrs(_fact("-1227000"), "1,227") == {"unitRef": "USD", "decimals": "-3",
                                                         "format": "ixt:num-dot-decimal", "scale": "3", "sign": "-"}
    assert number_attrs(_fact("0.55", "USDPerShare", "2"), ".55") == {"unitRef": "USDPerShare", "decimals": "2",
                                                                      "format": "ixt:num-dot-decimal"}
    assert number_attrs(_fact("0"), "--")["format"] == "ixt:fixed-zero"
    assert number_attrs(_fact("1227500"), "1,227") is None  # no scale makes 1,227 read 1,227,500
    assert number_attrs(_fact("5"), "--") is None


def test_synthetic_html_filing_keeps_its_markup_as_valid_xhtml(tmp_path):
    conv = convert(HTML.encode(), Options(validate=False, cik="1234567", name="acme.htm"))
    _check_same_facts(conv, tmp_path)
    root = _tree(conv)
    text = etree.tostring(root, encoding="unicode")
    assert "canary" not in text and "passwd" not in text and "127.0.0.1" not in text
    shown = {el.get("name"): "".join(el.itertext()) for el in root.iter(f"{{{IX}}}nonFraction")
             if el.getparent().tag != f"{{{IX}}}hidden"}
    assert shown.get("us-gaap:CashAndCashEquivalentsAtCarryingValue") in ("1,200", "900")
    shown_ids = {el.get("id"): "".join(el.itertext()) for el in root.iter(f"{{{IX}}}nonFraction")}
    in_parentheses = [f for f in conv.xbrl.facts if "(" in f.span.text and f.id in shown_ids]
    assert in_parentheses and all(shown_ids[f.id] in ("200", "100") for f in in_parentheses)
    assert any(el.get("format") == "ixt:fixed-zero" for el in root.iter(f"{{{IX}}}nonFraction"))
    # the table that sat inside a paragraph and a <font> is still a table, its cells still cells
    assert len(list(root.iter(f"{{{XHTML}}}table"))) == 2
    assert not list(root.iter(f"{{{XHTML}}}font"))


needs_corpus = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is not present")


@needs_corpus
@pytest.mark.parametrize("name", CORPUS_TEXT)
def test_corpus_text_filings(name, tmp_path):
    path = SHARED / "corpus" / "text" / name
    conv = convert(path, Options(validate=False))
    _check_same_facts(conv, tmp_path)
    visible = set(_visible_lines(_tree(conv)))
    lines = read_filing(path).lines
    spans = [f.span for f in conv.xbrl.facts if f.span.start >= 0]
    assert len(spans) > 50
    assert [sp for sp in spans if lines[sp.line - 1] not in visible] == []


@needs_corpus
@pytest.mark.parametrize("name", CORPUS_HTML)
def test_corpus_html_filings(name, tmp_path):
    conv = convert(SHARED / "corpus" / "html" / name, Options(validate=False))
    _check_same_facts(conv, tmp_path)
    root = _tree(conv)
    hidden = root.find(f".//{{{IX}}}hidden")
    hidden_ids = {el.get("id") for el in hidden.iter()} if hidden is not None else set()
    in_cells = [f for f in conv.xbrl.facts if f.span.element and f.numeric]
    assert len(in_cells) > 50
    # a number read from a table cell is tagged in that cell of the filing's own markup
    assert len([f for f in in_cells if f.id in hidden_ids]) <= 0.02 * len(in_cells)


def _viewer_data(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/x.ixbrl-viewer\+json">(.*?)</script>', text, re.S)
    assert m, "the page carries no viewer data"
    return json.loads(m.group(1))


def test_view_writes_an_offline_viewer_page(sample, tmp_path):
    pytest.importorskip("iXBRLViewerPlugin")
    from click.testing import CliRunner
    from edgar2xbrl.cli import main
    out = tmp_path / "out"
    sample.save(out)
    res = CliRunner().invoke(main, ["view", str(out)])
    assert res.exit_code == 0, res.output
    page = out / "viewer" / "index.html"
    assert res.output.strip() == str(page) and page.is_file()
    text = page.read_text(encoding="utf-8")
    # the script is the local copy beside the page: nothing is fetched from the network
    assert '<script src="ixbrlviewer.js"' in text and (out / "viewer" / "ixbrlviewer.js").stat().st_size > 100_000
    assert not [m for m in re.findall(r'<script[^>]+src="([^"]+)"', text) if ":" in m]
    facts = _viewer_data(page)["sourceReports"][0]["targetReports"][0]["facts"]
    assert len(facts) == len(sample.xbrl.facts)
    # a later conversion into the folder still recognises it as its own (the viewer is part of it)
    from edgar2xbrl.write.outdir import foreign_files
    assert foreign_files(out) == []


def test_view_without_ixbrl_viewer_says_how_to_install_it(sample, tmp_path, monkeypatch):
    from click.testing import CliRunner
    from edgar2xbrl.cli import main
    out = tmp_path / "out"
    sample.save(out)
    monkeypatch.setitem(sys.modules, "iXBRLViewerPlugin", None)  # import fails as if not installed
    res = CliRunner().invoke(main, ["view", str(out)])
    assert res.exit_code == 2
    assert "ixbrl-viewer" in res.output and "pip install" in res.output
    assert not (out / "viewer").exists()


def test_view_of_a_folder_without_a_conversion_is_refused(tmp_path):
    from click.testing import CliRunner
    from edgar2xbrl.cli import main
    pytest.importorskip("iXBRLViewerPlugin")
    res = CliRunner().invoke(main, ["view", str(tmp_path)])
    assert res.exit_code == 2 and "no inline XBRL document" in res.output


def test_a_damaged_tag_name_in_an_element_path_does_not_stop_the_inline_document():
    # "<ta<tr>" (a mutated tag, found by the fuzzer) gives an element whose path, read as XPath, is a comparison
    html = HTML.replace("<table", "<ta<tr><table", 1)
    conv = convert(html.encode(), Options(validate=False, cik="1234567", name="acme.htm"))
    assert any("ta<tr" in f.span.element for f in conv.xbrl.facts)
    root = _tree(conv)
    # every fact is still in the document: those it cannot place in the page stand in the hidden section
    assert len(list(root.iter(f"{{{IX}}}nonFraction"))) == sum(1 for f in conv.xbrl.facts if f.numeric)


def test_a_hash_in_a_damaged_tag_name_is_not_read_as_a_character_offset():
    from edgar2xbrl.read.html import split_element
    assert split_element("/html/body/pre[2]#120") == ("/html/body/pre[2]", 120)
    assert split_element('/html/body/table/tr\xeabgcolor="#cceeff"/tr[1]/td[4]') == \
        ('/html/body/table/tr\xeabgcolor="#cceeff"/tr[1]/td[4]', None)
    # (a flipped byte turned '<TR BGCOLOR="#cceeff">' into one tag name; reading 'cceeff"/tr[1]/td[4]' as an
    # offset crashed the conversion: found by the fuzzer)
    assert split_element("/html/body/p#") == ("/html/body/p#", None)

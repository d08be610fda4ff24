"""HTML filings: rendered to the text layout, then converted like text."""
import re

from click.testing import CliRunner

from edgar2xbrl import convert
from edgar2xbrl.cli import main
from edgar2xbrl.read.html import render

HTML = """<html><body>
<p align="center">FORM 10-Q</p>
<p>For the quarterly period ended March 31, 2005</p>
<p><b>ACME WIDGETS, INC.</b><br>(Exact name of registrant as specified in its charter)</p>
<p align="center"><b>CONDENSED BALANCE SHEETS</b></p>
<p align="center">(In thousands)</p>
<table>
<tr><td></td><td colspan="2" align="center">March 31,<br>2005</td><td colspan="2" align="center">December 31,<br>2004</td></tr>
<tr><td>Cash and cash equivalents</td><td>$</td><td align="right">1,200</td><td>$</td><td align="right">900</td></tr>
<tr><td>Accounts receivable</td><td></td><td align="right">300</td><td></td><td align="right">350</td></tr>
<tr><td>Total current assets</td><td></td><td align="right">1,500</td><td></td><td align="right">1,250</td></tr>
<tr><td>Property and equipment, net</td><td></td><td align="right">500</td><td></td><td align="right">520</td></tr>
<tr><td>Total assets</td><td>$</td><td align="right">2,000</td><td>$</td><td align="right">1,770</td></tr>
<tr><td>Accounts payable</td><td></td><td align="right">400</td><td></td><td align="right">370</td></tr>
<tr><td>Retained earnings</td><td></td><td align="right">1,600</td><td></td><td align="right">1,400</td></tr>
<tr><td>Total liabilities and stockholders' equity</td><td>$</td><td align="right">2,000</td><td>$</td><td align="right">1,770</td></tr>
</table>
<p align="center"><b>CONDENSED STATEMENTS OF OPERATIONS</b></p>
<p align="center">(In thousands)</p>
<table>
<tr><td></td><td colspan="4" align="center">Three Months Ended March 31,</td></tr>
<tr><td></td><td colspan="2" align="center">2005</td><td colspan="2" align="center">2004</td></tr>
<tr><td>Net sales</td><td>$</td><td align="right">1,000</td><td>$</td><td align="right">800</td></tr>
<tr><td>Cost of sales</td><td></td><td align="right">600</td><td></td><td align="right">500</td></tr>
<tr><td>Gross profit</td><td></td><td align="right">400</td><td></td><td align="right">300</td></tr>
<tr><td>Selling, general and administrative</td><td></td><td align="right">(200</td><td>)</td><td align="right">100</td></tr>
<tr><td>Net income</td><td>$</td><td align="right">200</td><td>$</td><td align="right">200</td></tr>
</table>
</body></html>"""


def test_render_aligns_amounts_and_merges_fragments():
    lines, where = render(HTML)
    row = next(ln for ln in lines if ln.startswith("Cash and cash equivalents"))
    assert row.split()[-2:] == ["$1,200", "$900"]
    assert any("(200)" in ln for ln in lines)
    assert len(lines) == len(where) and all(w > 0 for w in where)


def test_html_filing_converts(tmp_path):
    src = tmp_path / "acme.htm"
    src.write_text(HTML.replace("(200</td><td>)", "200</td><td>"))
    res = convert(src, tmp_path / "out", cik="1234567")
    assert res.validation.errors == []
    facts = {(r["concept"], r["period"]): r["value"] for r in res.report["rows"]}
    assert facts[("us-gaap:Assets", "2005-03-31")] == "2000000"
    assert facts[("us-gaap:GrossProfit", "2005-01-01..2005-03-31")] == "400000"
    assert facts[("us-gaap:NetIncomeLoss", "2004-01-01..2004-03-31")] == "200000"
    assert all(c["ok"] for c in res.report["checks"])


def test_html_with_no_statements_is_refused(tmp_path):
    src = tmp_path / "letter.html"
    src.write_text("<html><body><p>Dear shareholders,</p><p>We had a fine year.</p>"
                   "<table><tr><td>Name</td><td>Age</td></tr><tr><td>J. Smith</td><td>54</td></tr></table>"
                   "</body></html>")
    res = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "out"), "--no-validate"])
    assert res.exit_code == 2
    assert "letter.html" in res.output and "no financial statements" in res.output
    assert not (tmp_path / "out").exists()


def _courier(text_lines):
    """Statements typed in Courier and lined up with &nbsp;, one <p> per line, as some filers' software did."""
    ps = "".join('<p style="MARGIN:0px; FONT-FAMILY:Courier New">' + ln.replace(" ", "&nbsp;") + "</p> "
                 for ln in text_lines)
    return "<html><body><p>FORM 10-K</p><p>For the fiscal year ended December 31, 2009</p>" \
        "<p>ACME WIDGETS, INC.<br>(Exact name of registrant as specified in its charter)</p>" + ps + "</body></html>"


COURIER_BS = [
    "                      CONSOLIDATED BALANCE SHEETS",
    "                                 December 31,     December 31,",
    "                                     2009              2008",
    "Cash and cash equivalents         $    23,505     $    316,795",
    "Prepaid expenses                        1,272           14,135",
    "     Total Assets                 $    24,777     $    330,930",
    "Accounts payable                  $     2,696     $      5,380",
    "Retained earnings                      22,081         325,550",
    "     Total Liabilities and Equity $    24,777     $    330,930",
]


def test_courier_paragraphs_keep_their_columns():
    lines, _ = render(_courier(COURIER_BS))
    row = next(ln for ln in lines if ln.startswith("Prepaid expenses"))
    assert row == COURIER_BS[4]
    # ordinary (proportional) paragraphs still have their whitespace collapsed
    lines, _ = render("<html><body><p>A&nbsp;&nbsp;&nbsp;B   C</p></body></html>")
    assert lines == ["A B C"]


def test_hard_wrapped_html_is_unwrapped(tmp_path):
    html = _courier(COURIER_BS)
    width = 256
    wrapped = "\n".join(html[k:k + width] for k in range(0, len(html), width))
    assert re.search(r"&[a-z]{0,4}\n[a-z]{0,4};", wrapped)  # the cut falls inside an entity
    lines, where = render(wrapped)
    assert next(ln for ln in lines if ln.startswith("Prepaid expenses")) == COURIER_BS[4]
    assert max(where) <= wrapped.count("\n") + 1
    src = tmp_path / "wrapped.htm"
    src.write_text(wrapped)
    res = convert(src, tmp_path / "out", cik="1234567")
    assert res.validation.errors == []
    facts = {(r["concept"], r["period"]): r["value"] for r in res.report["rows"]}
    assert facts[("us-gaap:Assets", "2008-12-31")] == "330930"
    assert facts[("us-gaap:AccountsPayableCurrent", "2009-12-31")] == "2696"


EQUITY_HTML = """<html><body><p>FORM 10-K</p><p>For the fiscal year ended May 31, 2006</p>
<p>ACME WIDGETS, INC.<br>(Exact name of registrant as specified in its charter)</p>
<p align="center">CONSOLIDATED STATEMENTS OF SHAREHOLDERS' (DEFICIT) EQUITY</p>
<p align="center">(In millions)</p>
<table>
<tr><td></td><td colspan="4" align="center">Common Stock</td><td></td><td></td><td></td></tr>
<tr><td></td><td colspan="2" align="center">Class A</td><td colspan="2" align="center">Class B</td>
    <td align="center">Additional<br>Paid-In<br>Capital</td><td><p>Retained</p><p>Earnings</p></td><td>Total</td></tr>
<tr><td></td><td>Shares</td><td>Amount</td><td>Shares</td><td>Amount</td><td></td><td></td><td></td></tr>
<tr><td>Balance at May 31, 2004</td><td>10</td><td>1</td><td>20</td><td>2</td><td>100</td><td>500</td><td>603</td></tr>
<tr><td>Net income</td><td></td><td></td><td></td><td></td><td></td><td>50</td><td>50</td></tr>
<tr><td>Translation adjustment</td><td></td><td></td><td></td><td></td><td>5</td><td></td><td>5</td></tr>
<tr><td>Comprehensive income</td><td></td><td></td><td></td><td></td><td>5</td><td>50</td><td>55</td></tr>
<tr><td>Total comprehensive income (memo)</td><td></td><td></td><td></td><td></td><td></td><td></td><td>55</td></tr>
<tr><td>Stock issued</td><td>1</td><td>1</td><td>2</td><td>1</td><td>10</td><td></td><td>12</td></tr>
<tr><td>Balance at May 31, 2005</td><td>11</td><td>2</td><td>22</td><td>3</td><td>115</td><td>550</td><td>670</td></tr>
</table></body></html>"""


def test_headings_broken_over_lines_are_stacked_over_narrow_columns():
    lines, _ = render(EQUITY_HTML)
    at = {w: next(k for k, ln in enumerate(lines) if w in ln.split()) for w in ("Additional", "Paid-In", "Capital",
                                                                                 "Retained", "Earnings")}
    assert at["Additional"] < at["Paid-In"] < at["Capital"]  # <br> stacks
    assert at["Retained"] < at["Earnings"] == at["Capital"]  # <p> inside a cell stacks, bottom-aligned
    # a heading over two columns of amounts gets a rule under it showing its span
    k = next(k for k, ln in enumerate(lines) if "Class A" in ln)
    assert set(lines[k + 1].strip()) == {"-", " "}


def test_equity_statement_with_two_share_classes_and_a_comprehensive_income_subtotal(tmp_path):
    src = tmp_path / "eq.htm"
    src.write_text(EQUITY_HTML)
    res = convert(src, tmp_path / "out", cik="1234567")
    assert res.validation.errors == []
    (only,) = res.report["statements"]
    assert only.startswith("Consolidated Statements Of Shareholders' (Deficit) Equity (equity, lines")
    assert res.report["untagged"] == []  # Class A and Class B shares are two members, not a conflict
    members = {tuple(r["dimensions"].values()) for r in res.report["rows"] if r["unit"] == "shares"}
    assert len(members) == 2
    rollforward = [c for c in res.report["checks"] if "opening balance" in c["column"]]
    assert rollforward and all(c["ok"] for c in rollforward)  # the comprehensive income lines are not counted twice
    # the memo line in the total column alone is not checked as a sum of components
    assert all(c["ok"] for c in res.report["checks"]), [c for c in res.report["checks"] if not c["ok"]]


def test_a_comprehensive_income_memo_column_is_not_a_component(tmp_path):
    html = """<html><body><p>FORM 10-K</p><p>For the fiscal year ended December 31, 2003</p>
<p>ACME WIDGETS, INC.<br>(Exact name of registrant as specified in its charter)</p>
<p align="center">CONSOLIDATED STATEMENTS OF SHAREHOLDERS' EQUITY</p><p align="center">(In millions)</p>
<table>
<tr><td></td><td>Additional<br>Paid-In<br>Capital</td><td>Retained<br>Earnings</td><td>Comprehensive<br>Income</td></tr>
<tr><td>Balance January 1, 2003</td><td>100</td><td>500</td><td>70</td></tr>
<tr><td>Net earnings</td><td></td><td>60</td><td>60</td></tr>
<tr><td>Stock issued</td><td>10</td><td></td><td></td></tr>
<tr><td>Balance December 31, 2003</td><td>110</td><td>560</td><td>60</td></tr>
</table></body></html>"""
    src = tmp_path / "memo.htm"
    src.write_text(html)
    res = convert(src, tmp_path / "out", cik="1234567")
    assert res.validation.errors == []
    assert all(c["ok"] for c in res.report["checks"]), [c for c in res.report["checks"] if not c["ok"]]
    memo = [u for u in res.report["untagged"] if "memo column" in u["reason"]]
    assert sorted(u["value"] for u in memo) == ["60", "70"]  # printed on the balance lines: not equity
    got = {(r["concept"], r["period"], tuple(r["dimensions"].values())): r["value"] for r in res.report["rows"]}
    assert got[("us-gaap:NetIncomeLoss", "2003-01-01..2003-12-31", ())] == "60000000"


def test_control_characters_and_doubled_parentheses_do_not_crash_the_renderer():
    # found by mutating corpus filings: a form feed inside a cell that holds paragraphs, an amount "((5))"
    lines, _ = render("<html><body><table><tr><td>Cash\x0c</td><td><p>((5))</p></td><td><p>7\x00</p></td></tr>"
                      "<tr><td>Total</td><td>1</td><td>2</td></tr></table></body></html>")
    assert any(ln.startswith("Cash") for ln in lines)
    lines, _ = render("<html><body><table><tr><td>Cash</td><td><p>&#1;5</p><br>&#12;x</td></tr>"
                      "<tr><td>Total</td><td>1</td></tr></table></body></html>")  # control characters by reference
    assert any(ln.startswith("Total") for ln in lines)
    from edgar2xbrl.read.numbers import parse_cell
    assert parse_cell("((5))") is None and parse_cell("(5)").value == -5




def test_wrapped_line_cut_inside_an_entity_is_joined_though_longer():
    # a file cut every 200 characters, but one line a few characters longer and cut inside "&nbsp;": left apart,
    # the entity prints as "& nbsp;" and moves every amount after it
    row = '<p style="FONT-FAMILY:Courier New">Cash' + "&nbsp;" * 20 + "1,200" + "&nbsp;" * 5 + "900</p>"
    html = "<html><body>" + " ".join([row] * 12) + "</body></html>"
    width = 200
    parts, start = [], 0
    while start < len(html):
        end = start + width
        if len(parts) == 3:
            end = next(e for e in range(end + 1, end + 7) if html[e - 1] == "&")  # just after an "&"
        parts.append(html[start:end])
        start = end
    assert len(parts[3]) > width and parts[3].endswith("&") and parts[4].startswith("nbsp;")
    lines, _ = render("\n".join(parts))
    assert lines and all(ln == "Cash" + " " * 20 + "1,200" + " " * 5 + "900" for ln in lines)


def test_a_long_row_label_is_laid_out_whole():
    label = ("Common stock, no par value; 1,800,000,000 shares authorized; 895,735,210 and 888,325,973 shares issued "
             "and outstanding, respectively")
    assert len(label) > 110
    lines, _ = render(f"<html><body><table><tr><td>{label}</td><td>8,210</td><td>7,177</td></tr>"
                      "<tr><td>Retained earnings</td><td>1,000</td><td>900</td></tr></table></body></html>")
    row = next(l for l in lines if "8,210" in l)
    # the words at its end say what the amounts are (shares issued and outstanding): they stay
    assert "outstanding, respectively" in row and row.index("respectively") < row.index("8,210")


OPTIONS_HTML = """<html><body><table>
<tr><td></td><td colspan="4" align="center">2005</td><td colspan="4" align="center">2004</td></tr>
<tr><td></td><td colspan="2">Number of options</td><td colspan="2">Weighted-average exercise price</td>
<td colspan="2">Number of options</td><td colspan="2">Weighted-average exercise price</td></tr>
<tr><td>Outstanding, January 1</td><td></td><td>376,330</td><td>$</td><td>37.59</td>
<td></td><td>387,426</td><td>$</td><td>39.88</td></tr>
<tr><td>Granted</td><td></td><td>17,248</td><td></td><td>35.55</td><td></td><td>16,667</td><td></td><td>39.79</td></tr>
</table></body></html>"""


def test_a_year_over_two_columns_of_amounts_gets_its_rule():
    lines, _ = render(OPTIONS_HTML)
    k = next(k for k, ln in enumerate(lines) if "2005" in ln and "2004" in ln)
    rule = lines[k + 1]
    assert set(rule.strip()) == {"-", " "}
    # the rule under "2005" reaches from the count's column to the price's
    figures = next(ln for ln in lines if "376,330" in ln)
    runs = [m.span() for m in re.finditer(r"-+", rule)]
    assert len(runs) == 2
    assert runs[0][0] <= figures.index("376,330") and figures.index("37.59") + 5 <= runs[0][1] < runs[1][0]


def test_rendering_lets_go_of_the_tree_without_waiting_for_the_collector():
    """The element paths kept while a document is laid out hold every element and, through them, the whole tree:
    they are let go when rendering ends, not when a collection comes round (a batch's peak grew by the size of
    the largest document's tree)."""
    import gc
    from edgar2xbrl.read import html as html_reader
    page = "<html><body>" + "".join(f"<table><tr><td>Cash {k}</td><td>{k},000</td></tr></table>"
                                     for k in range(50)) + "</body></html>"
    gc.collect()
    gc.disable()
    try:
        html_reader.render(page, elements={})
        kept = [o for o in gc.get_objects() if isinstance(o, html_reader._CellPaths) and (len(o) or o.getpath)]
    finally:
        gc.enable()
    assert kept == []


def test_source_lines_past_the_parsers_cap_are_the_elements_own():
    """libxml2 counts an element's line in 16 bits: a table printed on line 130,004 of a long filing must not say
    65,535 (its facts would all name one wrong line)."""
    filler = "<p>x</p>\n" * 130_000
    html = (f"<html><body>\n{filler}<table>\n<tr><td>Revenue</td><td>1,234</td></tr>\n"
            "<tr><td>Costs</td><td>567</td></tr>\n</table>\n<p>after</p>\n</body></html>\n")
    lines, where = render(html)
    rows = {text.split()[0]: src for text, src in zip(lines, where) if text.strip().startswith(("Revenue", "Costs"))}
    assert rows == {"Revenue": 130_003, "Costs": 130_004}
    after = where[lines.index("after")]
    assert after == 130_006

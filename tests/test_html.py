"""HTML filings: rendered to the text layout, then converted like text."""
from click.testing import CliRunner

from converter import convert
from converter.cli import main
from converter.html import render

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

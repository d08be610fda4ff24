"""report.html (a conversion at a glance) and the batch's index.html: every row and every finding of the report is
on the page, nothing from the filing becomes markup, the page needs nothing from the network, and the batch index
links to files that exist."""
import copy
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from conftest import SAMPLE
from edgar2xbrl import Options, convert
from edgar2xbrl.cli import main
from edgar2xbrl.write.report_html import report_html

ROW = "    Other receivables                                                   57         257\n"


@pytest.fixture(scope="module")
def sample():
    return convert(SAMPLE, Options(validate=False))


def _page(text: str):
    return lxml_html.fromstring(text)


def _norm(s) -> str:
    return " ".join(str(s or "").split())


def _shown(value: str) -> str:
    """A value written as the page shows it: grouped by thousands, with a true minus sign."""
    return f"{Decimal(value):,}".replace("-", "\u2212")


def _row_text(page, table_title: str, label: str, source: str) -> list[str]:
    """The text of the rows of the statement `table_title` printed with `label` at `source`'s line."""
    line = source.rpartition(":")[2]
    out = []
    for details in page.xpath("//details[contains(@class, 'section')]"):
        if _norm(details.xpath("string(summary/h3)")) != _norm(table_title):
            continue
        for tr in details.xpath(".//tbody/tr"):
            tds = tr.xpath("./td")
            if tds and _norm(tds[0].text or "") == _norm(label) and _norm(tds[-1].text_content()) == f"line {line}":
                out.append(_norm(tr.text_content()))
    return out


def test_report_html_is_written_with_the_other_reports(sample, tmp_path):
    assert "report.html" in sample.files
    paths = sample.save(tmp_path / "o")
    assert tmp_path / "o" / "report.html" in paths
    res = CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", str(tmp_path / "cli"), "--no-validate"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "cli" / "report.html").read_text(encoding="utf-8") == sample.files["report.html"]


def test_every_printed_row_and_every_fact_row_is_on_the_page(sample):
    report, page = sample.report, _page(sample.files["report.html"])
    tables = report["printed_tables"]
    assert len(tables) >= 4 and sum(len(t["rows"]) for t in tables) > 50
    for t in tables:
        for r in t["rows"]:
            found = _row_text(page, t["title"], r["label"], r["source"])
            assert found, f"{t['title']}: row {r['label']!r} ({r['source']}) is not on the page"
            for cell in r["cells"]:
                if cell is not None:
                    assert any(_norm(cell) in f for f in found), f"{r['label']!r}: {cell!r} not shown"
    printed_titles = {t["title"] for t in tables}
    text = _norm(page.text_content())
    in_tables = [r for r in report["rows"] if r["statement"] in printed_titles and r["column"]]
    assert len(in_tables) > 100
    for r in in_tables:  # beside its printed row: the concept and the value written
        found = _row_text(page, r["statement"], r["row"], r["source"])
        assert found, f"{r['statement']}: {r['row']!r} not on the page"
        concept = r["concept"].partition(":")[2]
        assert any(concept in f for f in found), f"{r['row']!r}: {r['concept']} not beside the row"
        if r["status"] == "added":
            assert any(_shown(r["value"]) in f for f in found), f"{r['row']!r}: {r['value']} not beside the row"
    others = [r for r in report["rows"] if r["statement"] not in printed_titles or not r["column"]]
    assert others, "the sample has cover facts"
    for r in others:
        assert _norm(r["row"]) in text and r["concept"].partition(":")[2] in text


def test_summary_and_untagged_numbers_with_their_reasons(sample):
    page = _page(sample.files["report.html"])
    s = sample.report["summary"]
    header = _norm(page.xpath("string(//header)"))
    assert f"{s['numbers_tagged']} / {s['numbers_in_statements']}" in header
    assert sample.report["untagged"], "the sample has numbers not tagged"
    rows = page.xpath("//details[@id='untagged']//tbody/tr")
    assert len(rows) == len(sample.report["untagged"])
    for u, tr in zip(sample.report["untagged"], rows):
        assert _norm(u["reason"]) in _norm(tr.text_content())
    # and beside the printed number itself
    cells = page.xpath("//td[contains(@class, 'cs-untagged')]")
    assert len(cells) == len([u for u in sample.report["untagged"]
                              if u["statement"] in {t["title"] for t in sample.report["printed_tables"]}])


def test_extensions_look_different_from_us_gaap(sample):
    page = _page(sample.files["report.html"])
    gaap = page.xpath("//span[contains(@class, 'c-gaap')]")
    assert gaap
    report = copy.deepcopy(sample.report)
    row = next(r for r in report["rows"] if r["column"] and r["concept"].startswith("us-gaap:"))
    ext = "acme:" + row["concept"].partition(":")[2] + "Other"
    for r in report["rows"]:
        if r["source"] == row["source"] and r["concept"] == row["concept"]:
            r["concept"] = ext
    report["extensions"].append({"concept": ext, "label": row["row"], "type": "monetary", "period": "instant",
                                 "balance": "debit", "reason": "no US-GAAP concept fits"})
    page = _page(report_html(report, None))
    marked = [el for el in page.xpath("//span[contains(@class, 'c-ext')]") if ext.partition(":")[2] in
              el.text_content()]
    assert marked and marked[0].xpath(".//b[contains(@class, 'tag')]")


def _flagged_report(sample) -> dict:
    """The sample's report with what the consistency rules say when they find something: a removed fact, a flagged
    one and a corrected one (the sample itself is clean)."""
    report = copy.deepcopy(sample.report)
    in_tables = [r for r in report["rows"] if r["column"] and r["status"] == "added"]
    removed, flagged, corrected = in_tables[3], in_tables[10], in_tables[20]
    removed["status"], removed["rules"] = "removed", ["E2X.NEG removed"]
    flagged["rules"] = ["E2X.BAL flagged"]
    corrected["rules"], corrected["corrected_from"] = ["E2X.MAG corrected"], corrected["value"] + "000"
    report["untagged"].append({"source": removed["source"], "statement": removed["statement"], "row": removed["row"],
                               "value": removed["printed"], "reason": "left out by E2X.NEG: never negative"})
    report["needs_review"] = [
        {"rule": "E2X.NEG", "action": "removed", "message": "never negative by its meaning",
         "facts": [f"{removed['concept']} @ {removed['period']}"], "sources": [removed["source"]]},
        {"rule": "E2X.BAL", "action": "flagged", "message": "assets differ from liabilities and equity",
         "facts": [f"{flagged['concept']} @ {flagged['period']}"], "sources": [flagged["source"]]}]
    report["corrections"] = [{"rule": "E2X.MAG", "action": "corrected", "message": "printed in thousands",
                              "facts": [f"{corrected['concept']} @ {corrected['period']}"],
                              "sources": [corrected["source"]]}]
    report["summary"].update(flags=2, corrections=1)
    return report, (removed, flagged, corrected)


def test_every_finding_is_on_the_page_and_its_row_highlighted(sample):
    report, (removed, flagged, corrected) = _flagged_report(sample)
    page = _page(report_html(report, sample.xbrl))
    review = page.xpath("//section[@id='review']")[0]
    rows = review.xpath(".//tbody/tr")
    assert len(rows) == len(report["needs_review"]) == 2
    for f, tr in zip(report["needs_review"], rows):
        t = _norm(tr.text_content())
        assert f["rule"] in t and f["message"] in t and f["action"] in t
        link = tr.xpath(".//a/@href")
        assert link, f"{f['rule']}: its source does not link to the row"
        target = page.xpath(f"//tr[@id='{link[0][1:]}']")
        assert target and _norm(target[0].xpath("string(td[1]/text())")).startswith(
            _norm(next(r for r in (removed, flagged) if r["source"] in f["sources"])["row"]))
    assert "printed in thousands" in _norm(review.text_content())
    for r, state in ((removed, "removed"), (flagged, "flagged"), (corrected, "corrected")):
        trs = page.xpath(f"//tr[contains(@class, 'st-{state}')]")
        assert any(_norm(r["row"]) in _norm(tr.text_content()) for tr in trs), f"{r['row']!r} not marked {state}"


def test_a_flagged_conversion_shows_every_flag(monkeypatch):
    """A conversion whose rules flag one fact and remove another shows both in Needs review and on their rows.
    (No corpus filing is flagged any more; a stand-in rule on the sample runs through the whole conversion.)"""
    from edgar2xbrl.check import rules

    def rule_stand_in(inp):
        """E2X.NEG: a stand-in that removes the inventory facts and flags net income"""
        gone = tuple(k for k in inp.facts if k[0] == "us-gaap:InventoryNet")
        kept = tuple(k for k in inp.facts if k[0] == "us-gaap:NetIncomeLoss" and not k[1].dims)[:1]
        return [rules.Finding("E2X.NEG", "never negative (stand-in)", rules.Action.REMOVED, gone,
                              tuple(inp.facts[k].source for k in gone)),
                rules.Finding("E2X.NEG", "a reversal? (stand-in)", rules.Action.FLAGGED, kept,
                              tuple(inp.facts[k].source for k in kept))]

    monkeypatch.setattr(rules, "RULES", rules.RULES + (rule_stand_in,))
    conv = convert(SAMPLE, Options(validate=False))
    assert {f["action"] for f in conv.report["needs_review"]} == {"removed", "flagged"}
    assert conv.report["needs_review"] == [f.as_dict() for f in conv.xbrl.log.findings.found]  # (the typed log's)
    page = _page(conv.files["report.html"])
    rows = page.xpath("//section[@id='review']//tbody/tr")
    assert [_norm(tr.xpath("string(td[3])")) for tr in rows] == [_norm(f["message"]) for f in
                                                                conv.report["needs_review"]]
    named = [r for r in conv.report["rows"] if r.get("rules")]
    assert {r["status"] for r in named} >= {"removed"}
    marked = page.xpath("//tr[contains(@class, 'st-')]//span[contains(@class, 'badge')]")
    assert {x for r in named for x in r["rules"]} <= {_norm(b.text_content()) for b in marked}


HOSTILE = "<script>alert('x')</script> & <img src=http://example.com/x onerror=alert(1)> \x01\x85\ufffe end"


def test_hostile_text_stays_text(sample):
    report, _ = _flagged_report(sample)
    report = json.loads(json.dumps(report))  # as read back from report.json
    report["registrant"] = HOSTILE
    report["needs_review"][0]["message"] = HOSTILE
    report["printed_tables"][0]["columns"][0] = HOSTILE
    t = report["printed_tables"][0]
    victim = next(r for r in t["rows"] if any(c is not None for c in r["cells"]))
    old = victim["label"]
    victim["label"] = HOSTILE
    for r in report["rows"]:
        if r["row"] == _norm(old):
            r["row"] = _norm(HOSTILE)
            r["printed"] = HOSTILE
    report["untagged"][0]["reason"] = HOSTILE
    out = report_html(report, sample.xbrl)
    page = _page(out)
    assert not page.xpath("//script") and not page.xpath("//img") and not page.xpath("//@onerror")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", out)
    clean = "<script>alert('x')</script> & <img src=http://example.com/x onerror=alert(1)>  end"
    text = page.text_content()
    assert text.count(clean) >= 4  # registrant, finding, column header, the row's label ...
    assert _row_text(page, t["title"], clean, victim["source"])


def test_hostile_labels_of_a_filing_stay_text(tmp_path):
    text = SAMPLE.read_text().replace(ROW, "    Other <script>alert(1)</script> & receivables          57"
                                           "         257\n", 1)
    assert text != SAMPLE.read_text()
    conv = convert(text.encode(), Options(validate=False, cik="737207"))
    page = _page(conv.files["report.html"])
    assert not page.xpath("//script")
    assert "Other <script>alert(1)</script> & receivables" in page.text_content()


def test_the_page_needs_no_network_and_no_script(sample):
    page = _page(sample.files["report.html"])
    assert not page.xpath("//script | //link | //img | //iframe | //object | //embed")
    for url in page.xpath("//@href | //@src"):
        assert url.startswith("#"), url
    assert "url(" not in sample.files["report.html"] and "@import" not in sample.files["report.html"]


def test_a_report_without_printed_tables_still_renders(sample):
    """A report.json of an older edgar2xbrl has no printed_tables: its rows all go to 'Other facts'."""
    report = copy.deepcopy(sample.report)
    del report["printed_tables"]
    page = _page(report_html(report))
    assert len(page.xpath("//details[@id='other']//tbody/tr")) == len(report["rows"])


# ---------------------------------------------------------------------------------------------------------------
# the batch's index.html

def _links(index: Path) -> dict[str, str]:
    page = _page(index.read_text(encoding="utf-8"))
    out = {}
    for tr in page.xpath("//tbody/tr"):
        name = _norm(tr.xpath("string(td[1]/text())"))
        href = tr.xpath(".//a/@href")
        out[name] = href[0] if href else ""
    return out


def test_batch_index_links_every_report(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "good.txt")
    (src / "sub").mkdir()
    shutil.copy(SAMPLE, src / "sub" / "other name & <b>.txt")
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--no-validate"])
    assert res.exit_code == 0, res.output
    index = out / "index.html"
    summary = json.loads((out / "summary.json").read_text())
    links = _links(index)
    assert set(links) == {r["file"] for r in summary["rows"]} and len(links) == 3
    linked = {f: h for f, h in links.items() if h}
    assert set(linked) == {r["file"] for r in summary["rows"] if r["status"] in ("converted", "flagged")}
    for f, href in linked.items():
        assert not urlparse(href).scheme and not href.startswith("/")
        target = index.parent / unquote(href)
        assert target.is_file() and target.name == "report.html", f
    page = _page(index.read_text(encoding="utf-8"))
    header = _norm(page.xpath("string(//header)"))
    assert "3 filings" in header and "2 converted" in header and "1 rejected" in header
    tagged = sum(r["numbers_tagged"] for r in summary["rows"])
    assert f"({tagged} of {sum(r['numbers_in_statements'] for r in summary['rows'])})" in header
    # resumed: nothing runs, and the index is written again
    index.unlink()
    res = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--no-validate"])
    assert res.exit_code == 0 and "0 run now" in res.stdout
    assert _links(index) == links


def test_batch_index_links_only_to_files_that_exist(tmp_path):
    from edgar2xbrl.batch import Row, write_summary
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "report.md").write_text("# old report\n")  # written by an older edgar2xbrl
    (tmp_path / "b").mkdir()
    rows = [Row(file="a.txt", status="converted", output="a", numbers_in_statements=10, numbers_tagged=8,
                numbers_tagged_extension=2),
            Row(file="b.txt", status="flagged", output="b", flags=2),
            Row(file="c.txt", status="crashed", output="c", message="<b>boom</b>")]
    write_summary(tmp_path, rows)
    links = _links(tmp_path / "index.html")
    assert links == {"a.txt": "a/report.md", "b.txt": "", "c.txt": ""}
    page = _page((tmp_path / "index.html").read_text(encoding="utf-8"))
    assert not page.xpath("//b[text()='boom']") and "<b>boom</b>" in page.text_content()
    a = _norm(page.xpath("//tbody/tr[1]")[0].text_content())
    assert "80.0%" in a and "25.0%" in a  # tag rate, extension share


def test_a_damaged_report_still_renders():
    """report.json read back may have been edited or cut: what cannot be read is left out, never a traceback."""
    from edgar2xbrl.write.report_html import batch_index_html
    damaged = {"summary": {"numbers_tagged": "x"}, "rows": [None, 3, {"column": "a", "alternatives": [[None]],
                                                                     "confidence": "hi", "dimensions": [1]}],
               "printed_tables": [{"rows": [{"cells": [None, "1", 2], "level": "z"}], "columns": None}],
               "needs_review": [{"sources": [None], "message": "still shown"}],
               "validation": {"errors": [None, {"code": 1}]}, "remarks": [None]}
    assert "still shown" in _page(report_html(damaged)).text_content()
    assert _page(report_html({})).xpath("//section[@id='review']")
    page = _page(batch_index_html([{"file": "a.txt", "seconds": "x", "numbers_tagged": None}], {}))
    assert len(page.xpath("//tbody/tr")) == 1

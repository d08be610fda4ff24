"""A few real filings of the era, end to end (skipped when ../shared/corpus is absent)."""
import sys

import pytest

from conftest import ROOT, SHARED
from edgar2xbrl import ConversionError, convert

TEXT = SHARED / "corpus" / "text"
pytestmark = pytest.mark.skipif(not TEXT.exists(), reason="../shared/corpus is not present")
sys.path.insert(0, str(ROOT / "benchmarks"))


@pytest.mark.parametrize("name", [
    "MSFT_10-Q_1998-03-31_0001032210-98-000519.txt",   # quarter and year-to-date columns side by side
    "AAPL_10-K_1995-09-29_0000320193-95-000016.txt",   # no <TABLE> markup, unlabeled totals
    "KO_10-K_1997-12-31_0000021344-98-000004.txt",     # statements in the EX-13 annual report
    "ARX_10-K_1995-06-30_aeroflex-10-k.txt",           # primary document only, centred dashes
])
def test_converts_valid_and_agrees_with_its_schedule(tmp_path, name):
    from corpus_eval import compare, instance_facts, parse_schedule, split_ex27, statement_scale
    text = (TEXT / name).read_bytes().decode("latin-1")
    stripped, schedules = split_ex27(text)
    src = tmp_path / name
    src.write_text(stripped, encoding="latin-1")
    res = convert(src, tmp_path / "out")
    assert res.validation.errors == [], [str(m) for m in res.validation.errors[:3]]
    s = res.report["summary"]
    assert s["numbers_tagged"] >= 0.95 * s["numbers_in_statements"]
    assert s["checks_failed"] == 0 or s["checks_passed"] > 10 * s["checks_failed"]
    instance = next(p for p in res.files if p.suffix == ".xml" and "_" not in p.name)
    checks = [c for sch in schedules for c in compare(parse_schedule(sch), instance_facts(instance),
                                                      statement_scale(res.report))]
    judged = [c for c in checks if c["status"] != "not-presented"]
    assert all(c["status"] == "agree" for c in judged), [c for c in judged if c["status"] != "agree"]


def test_filing_without_statements_says_so(tmp_path):
    name = "TXT_10-K405_2001-12-29_0000950135-02-001340_b42129tie10-k405.txt"
    with pytest.raises(ConversionError, match="no financial statements found: the filing incorporates them by "
                                              "reference") as err:
        convert(TEXT / name, tmp_path / "out")
    assert err.value.line == 749  # "The consolidated financial statements ... are incorporated herein by reference"
    assert not (tmp_path / "out").exists()

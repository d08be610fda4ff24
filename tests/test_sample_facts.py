"""benchmarks/sample_facts.py: a seeded sample of facts for a reader to judge, and the count of the verdicts."""
from __future__ import annotations

import importlib.util
import shutil
import sys

import pytest

from conftest import ROOT


def _module():
    spec = importlib.util.spec_from_file_location("sample_facts", ROOT / "benchmarks" / "sample_facts.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["sample_facts"] = mod
    spec.loader.exec_module(mod)
    return mod


SF = _module()
SAMPLE = ROOT / "examples" / "nutrition21-10q-2004-09-30.txt"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    shutil.copy(SAMPLE, d / SAMPLE.name)
    (d / "README.md").write_text("not a filing")
    return d


def test_a_draw_is_the_same_for_a_seed_and_shows_where_each_fact_was_printed(corpus):
    a = SF.draw(corpus, 12, seed=7)
    assert len(a) == 12
    assert a == SF.draw(corpus, 12, seed=7)
    assert a != SF.draw(corpus, 12, seed=8)
    assert {d.filing for d in a} == {SAMPLE.name}  # the README is no filing
    text = SAMPLE.read_text(errors="replace").splitlines()
    for d in a:
        marked = [c for c in d.context if c.startswith(">> ")]
        assert marked == [">> " + text[d.line - 1].rstrip()[:160]]
        assert d.printed.strip("$() ").replace(",", "") in marked[0].replace(",", "") or d.printed in ("-", "—")
    # the printed column's header names the year the fact's period ends in (the sample's statements of balances,
    # operations and cash flows are dated by their columns; the equity statement's columns are its components)
    dated = [d for d in a if d.column and "Equity" not in d.statement]
    assert dated and all(d.period[-10:-6] in d.column for d in dated)
    sheet = SF.sheet(a, "t")
    assert sheet.count("\nverdict: \n") == 12


def test_verdicts_are_counted_by_what_was_wrong():
    sheet = "verdict: right\n\nverdict: wrong: period, sign off by a year\n\nverdict: wrong: concept\n\nverdict: \n"
    judged, right, wrong = SF.score(sheet)
    assert (judged, right) == (3, 1)
    assert wrong == {"(facts)": 2, "period": 1, "sign": 1, "concept": 1}
    with pytest.raises(SystemExit):
        SF.score("verdict: maybe\n")

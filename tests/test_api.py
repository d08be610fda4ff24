"""The typed Python API: convert in memory (bytes or a path), typed results, save atomically."""
import dataclasses
import doctest
import json

import pytest

from conftest import ROOT, SAMPLE
import edgar2xbrl
from edgar2xbrl import ConversionError, Conversion, Counts, Options, Result, convert


def test_docstring_examples(monkeypatch):
    from edgar2xbrl import api
    monkeypatch.chdir(ROOT)
    res = doctest.testmod(api, optionflags=doctest.ELLIPSIS)
    assert res.attempted >= 5 and res.failed == 0


def test_in_memory_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    conv = convert(SAMPLE.read_bytes(), Options(validate=False, cik="737207"))
    assert isinstance(conv, Conversion) and list(tmp_path.iterdir()) == []
    assert conv.source == "input" and conv.report["source"] == "input"
    assert conv.status == "clean" and conv.exit_code == 0 and conv.validation is None
    assert conv.instance in conv.files and {"report.json", "report.md", "report.html"} <= set(conv.files)
    assert "<xbrli:xbrl" in conv.instance_text or "xbrl" in conv.instance_text[:500]
    assert conv.counts.numbers_tagged == conv.report["summary"]["numbers_tagged"] > 0
    assert conv.counts.validation_errors is None


def test_bytes_and_path_give_the_same_files():
    a = convert(SAMPLE, validate=False)
    b = convert(SAMPLE.read_bytes(), Options(validate=False, name=SAMPLE.name))
    assert a.source == SAMPLE.name  # a path is named by its file name, never the path as typed
    assert dict(a.files) == dict(b.files)


def test_frozen_results():
    conv = convert(SAMPLE, Options(validate=False))
    with pytest.raises(dataclasses.FrozenInstanceError):
        conv.report = {}
    with pytest.raises(TypeError):
        conv.files["x.xml"] = ""
    with pytest.raises(dataclasses.FrozenInstanceError):
        Options().cik = "1"
    assert Options(taxonomy_packages=["a.zip"]).taxonomy_packages == (ROOT.__class__("a.zip"),)


def test_validated_and_saved(tmp_path):
    conv = convert(SAMPLE, Options(cik="737207"))
    assert conv.validation is not None and conv.counts.validation_errors == 0 and conv.valid
    assert conv.validation.instance == conv.instance
    paths = conv.save(tmp_path / "out")
    assert sorted(p.name for p in paths) == sorted(conv.files)
    for p in paths:
        assert p.read_text(encoding="utf-8") == conv.files[p.name]
    back = json.loads((tmp_path / "out" / "report.json").read_text())
    assert Counts.from_report(back) == conv.counts
    conv.save(tmp_path / "out")  # an earlier conversion is replaced
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    other = tmp_path / "mine"
    other.mkdir()
    (other / "keep.txt").write_text("x")
    with pytest.raises(ConversionError):
        conv.save(other)
    assert (other / "keep.txt").exists()


def test_rejected_input_raises():
    with pytest.raises(ConversionError, match="empty"):
        convert(b"   \n", validate=False)


def test_the_0_1_call_still_writes(tmp_path):
    res = convert(SAMPLE, tmp_path / "o", run_validation=False)
    assert isinstance(res, Result) and (tmp_path / "o" / "report.json").exists()
    assert edgar2xbrl.convert is convert

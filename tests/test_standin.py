"""Validation with the offline stand-ins: a slim us-gaap stand-in per conversion, as strict as the whole catalog's."""
import shutil

from conftest import ROOT

from edgar2xbrl.check.validate import validate

OUT = ROOT / "out"


def _copy(tmp_path):
    d = tmp_path / "out"
    shutil.copytree(OUT, d)
    return d / "nutrition21-20040930.xml"


def test_the_bundled_conversion_is_valid(tmp_path):
    res = validate(_copy(tmp_path))
    assert res.errors == [] and res.facts > 100


def test_a_concept_outside_the_catalog_is_still_an_error(tmp_path):
    inst = _copy(tmp_path)
    text = inst.read_text(encoding="utf-8")
    assert "us-gaap:InventoryNet " in text
    inst.write_text(text.replace("us-gaap:InventoryNet", "us-gaap:InventoryNetOfEverything"), encoding="utf-8")
    res = validate(inst)
    assert any("InventoryNetOfEverything" in m.text for m in res.errors)

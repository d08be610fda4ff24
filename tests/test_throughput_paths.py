"""The shortcuts taken for throughput (issue 7) change no result: what each one may not change, tested."""
from __future__ import annotations

import gc
from pathlib import Path

import pytest

import importlib

from edgar2xbrl import api

validate_mod = importlib.import_module("edgar2xbrl.validate")  # the module (the package exports the function)


def test_arelle_run_leaves_no_object_frozen(monkeypatch):
    """The collector's view is frozen only while Arelle runs, also when Arelle fails."""
    seen = []

    class Boom:
        def __enter__(self):
            seen.append(gc.get_freeze_count())
            raise RuntimeError("arelle failed")

        def __exit__(self, *exc):
            return False

    import arelle.api.Session as session_mod
    monkeypatch.setattr(session_mod, "Session", Boom)
    before = gc.get_freeze_count()
    with pytest.raises(RuntimeError):
        validate_mod.run_arelle(Path("nothing.xml"), [])
    assert seen and seen[0] > 0  # frozen while it ran
    assert gc.get_freeze_count() == before == 0


def test_validation_in_memory_writes_only_the_xml(monkeypatch):
    """Arelle and the EDGAR checks read the instance and its taxonomy: the other files are not written for them."""
    listed = []

    def fake_validate(instance, packages):
        listed.extend(sorted(p.name for p in Path(instance).parent.iterdir()))
        return validate_mod.ValidationResult(instance=str(instance), taxonomy="t")

    monkeypatch.setattr(api, "_validate", fake_validate)
    files = {"a-20040930.xml": "<x/>", "a-20040930.xsd": b"<s/>", "a-20040930.htm": "<html/>",
             "a-20040930.json": "{}"}
    res = api._validate_in_memory(files, "a-20040930.xml", [])
    assert listed == ["a-20040930.xml", "a-20040930.xsd"]
    assert res.instance == "a-20040930.xml"

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


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4, 5, 7, 8, 9])
def test_join_pieces_is_join(n):
    from edgar2xbrl.render import join_pieces
    pieces = [f"<{k}>" if k % 3 else "" for k in range(n)]  # empty pieces too: a batch of them is not the end
    assert join_pieces(iter(pieces), batch=3) == "".join(pieces)
    assert join_pieces(pieces, batch=4) == "".join(pieces)


def test_template_values_lose_forbidden_characters():
    from markupsafe import Markup
    from edgar2xbrl.render import _finalize

    class Sub(str):
        pass

    assert _finalize("a\x00b\x0cc\ud800") == "abc"
    assert _finalize(Sub("a\x01b")) == "ab"
    m = _finalize(Markup("<b>\x02x</b>"))
    assert isinstance(m, Markup) and m == Markup("<b>x</b>")
    assert _finalize(7) == 7


def test_render_errors_name_the_template():
    from jinja2 import UndefinedError
    from edgar2xbrl.render import render
    with pytest.raises(UndefinedError) as exc:
        render("lab.xml.j2")  # `labels` (and more) missing: StrictUndefined
    assert any("lab.xml.j2" in str(tb.path) for tb in exc.traceback)

"""The shortcuts taken for throughput (issue 7) change no result: what each one may not change, tested."""
from __future__ import annotations

import gc
from pathlib import Path

import pytest

import importlib

from edgar2xbrl import api

validate_mod = importlib.import_module("edgar2xbrl.check.validate")  # the module (the package exports the function)


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
    from edgar2xbrl.write.render import join_pieces
    pieces = [f"<{k}>" if k % 3 else "" for k in range(n)]  # empty pieces too: a batch of them is not the end
    assert join_pieces(iter(pieces), batch=3) == "".join(pieces)
    assert join_pieces(pieces, batch=4) == "".join(pieces)


def test_template_values_lose_forbidden_characters():
    from markupsafe import Markup
    from edgar2xbrl.write.render import _finalize

    class Sub(str):
        pass

    assert _finalize("a\x00b\x0cc\ud800") == "abc"
    assert _finalize(Sub("a\x01b")) == "ab"
    m = _finalize(Markup("<b>\x02x</b>"))
    assert isinstance(m, Markup) and m == Markup("<b>x</b>")
    assert _finalize(7) == 7


def test_render_errors_name_the_template():
    from jinja2 import UndefinedError
    from edgar2xbrl.write.render import render
    with pytest.raises(UndefinedError) as exc:
        render("lab.xml.j2")  # `labels` (and more) missing: StrictUndefined
    assert any("lab.xml.j2" in str(tb.path) for tb in exc.traceback)


def test_html_made_xhtml_as_before():
    """Rows fitted once, not twice, and text appended after the last child found from the end: the XHTML made of
    an HTML fragment with every irregularity those touch is what it was (the expected text: commit 2bc4c30)."""
    from lxml import etree
    from edgar2xbrl.read.html import parse
    from edgar2xbrl.write.ixbrl_html import _xhtml
    html = ("<html><body><table align=center>caption<td>direct</td> tail<tr>in row<td align=right width=50>1,234"
            "</td><font size=2>loose</font><th colspan=3>h</th></tr><tbody><tr><td>a</td></tr></tbody><p>para</p>"
            "</table><ul>text<li>i</li><b>bold</b> tail</ul><span>s</span>t<span>s</span>t</body></html>")
    root, _, _ = parse(html)
    x = "html:"
    assert etree.tostring(_xhtml(root.find("body")), encoding="unicode") == (
        f'<{x}div xmlns:html="http://www.w3.org/1999/xhtml"><{x}table style="margin-left:auto;margin-right:auto">'
        f'<{x}tr><{x}td>direct</{x}td></{x}tr><{x}tr><{x}td style="text-align:right;width:50px">1,234</{x}td>'
        f'<{x}th colspan="3">h</{x}th><{x}td>in row<{x}span style="font-size:10pt">loose</{x}span></{x}td></{x}tr>'
        f'<{x}tr><{x}td>a</{x}td></{x}tr><{x}tr><{x}td>caption<{x}p>para</{x}p></{x}td></{x}tr></{x}table>'
        f'<{x}ul><{x}li>text</{x}li><{x}li>i</{x}li><{x}li><{x}b>bold</{x}b> tail</{x}li></{x}ul>'
        f'<{x}span>s</{x}span>t<{x}span>s</{x}span>t</{x}div>')


def test_text_appended_after_the_last_child():
    from lxml import etree
    from edgar2xbrl.write.ixbrl import _append_text, _last_child
    el = etree.Element("p")
    assert _last_child(el) is None
    _append_text(el, "a\x00")
    _append_text(el, "b")
    assert el.text == "ab"
    etree.SubElement(el, "i")
    etree.SubElement(el, "b")
    _append_text(el, "c")
    _append_text(el, "d")
    assert el[-1].tail == "cd" and el[0].tail is None


def test_template_lookups_read_a_dicts_keys():
    """`x.name` on a dict is its key (read first, for speed); a missing key is still an error (StrictUndefined),
    an object's attribute is still its attribute."""
    from types import SimpleNamespace
    from jinja2 import UndefinedError
    from edgar2xbrl.write.render import env

    t = env().from_string("{{ d.a }} {{ o.a }} {{ d.items }}")
    assert t.render(d={"a": 1, "items": 2}, o=SimpleNamespace(a=3)) == "1 3 2"
    with pytest.raises(UndefinedError):
        env().from_string("{{ d.missing }}").render(d={"a": 1})


def test_inline_elements_holding_blocks_become_divs_as_before():
    """A font, a <pre> or a heading that holds blocks is renamed a div in place (not copied: copying re-walked
    every subtree below it, quadratic under nested fonts); what is written is what it was (commit 2bc4c30)."""
    from lxml import etree
    from edgar2xbrl.read.html import parse
    from edgar2xbrl.write.ixbrl_html import _xhtml
    html = ('<html><body><font size=2><p>a</p><font color=red>x<div>b</div>y</font>z</font>'
            '<pre style="margin:0"><div>c</div></pre><pre><p>d<big>e</big></p></pre>'
            '<h1 align=center>t<table><tr><td>1</td></tr></table></h1></body></html>')
    root, _, _ = parse(html)
    x = "html:"
    assert etree.tostring(_xhtml(root.find("body")), encoding="unicode") == (
        f'<{x}div xmlns:html="http://www.w3.org/1999/xhtml"><{x}div style="font-size:10pt"><{x}p>a</{x}p>'
        f'<{x}div style="color:red">x<{x}div>b</{x}div>y</{x}div>z</{x}div>'
        f'<{x}div style="white-space:pre;margin:0"><{x}div>c</{x}div></{x}div>'
        f'<{x}div style="white-space:pre"><{x}p>d<{x}big>e</{x}big></{x}p></{x}div>'
        f'<{x}h1 style="text-align:center">t</{x}h1><{x}table><{x}tr><{x}td>1</{x}td></{x}tr></{x}table></{x}div>')


def test_gc_scope_freezes_the_objects_before_it_and_nests():
    from edgar2xbrl.gcscope import only_new_objects_collected
    assert gc.get_freeze_count() == 0
    with only_new_objects_collected():
        outer = gc.get_freeze_count()
        assert outer > 0
        with only_new_objects_collected():
            assert gc.get_freeze_count() >= outer
        assert gc.get_freeze_count() > 0  # the inner block's end does not end the outer one
    assert gc.get_freeze_count() == 0
    with pytest.raises(KeyError):
        with only_new_objects_collected():
            raise KeyError("x")
    assert gc.get_freeze_count() == 0


def test_gc_scope_still_frees_cycles_made_inside():
    import weakref
    from edgar2xbrl.gcscope import only_new_objects_collected

    class Node:
        pass

    with only_new_objects_collected():
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle: only the collector frees it
        gone = weakref.ref(a)
        del a, b
        gc.collect()
        assert gone() is None


def test_gc_scope_frees_its_cycles_when_it_ends():
    """A batch's conversions must not pile up each other's cyclic garbage until the collector's own schedule
    comes round (a fast conversion allocates too little to trigger it): the block's end collects what it made."""
    import weakref
    from edgar2xbrl.gcscope import only_new_objects_collected

    class Node:
        pass

    gc.disable()  # (no collection but the block's own)
    try:
        with only_new_objects_collected():
            a, b = Node(), Node()
            a.other, b.other = b, a
            gone = weakref.ref(a)
            del a, b
        assert gone() is None
    finally:
        gc.enable()


def test_gc_scope_leaves_a_freeze_of_the_callers_alone():
    """A process that froze its objects itself (before forking) keeps them frozen: the block does nothing."""
    from edgar2xbrl.gcscope import only_new_objects_collected
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with only_new_objects_collected():
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_conversions_leave_nothing_frozen(tmp_path):
    from edgar2xbrl import Options, convert
    from edgar2xbrl.pipeline import convert as convert_to
    sample = Path(__file__).resolve().parent.parent / "examples" / "nutrition21-10q-2004-09-30.txt"
    convert(sample, Options(validate=False, cik="737207"))
    assert gc.get_freeze_count() == 0
    convert_to(sample, tmp_path / "out", run_validation=False)
    assert gc.get_freeze_count() == 0

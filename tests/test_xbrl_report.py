"""The typed XBRL report: the waist every writer reads."""
from dataclasses import FrozenInstanceError, asdict
from pathlib import Path

import pytest
from lxml import etree

from edgar2xbrl import Options, convert
from edgar2xbrl.xbrl_report import months
from edgar2xbrl.model import Period
from datetime import date

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "nutrition21-10q-2004-09-30.txt"


@pytest.fixture(scope="module")
def conv():
    return convert(EXAMPLE, Options(validate=False))


def test_report_holds_exactly_the_instance_facts(conv):
    x = conv.xbrl
    root = etree.fromstring(conv.files[conv.instance].encode())
    written = sorted((el.tag, el.get("contextRef"), el.text) for el in root
                     if el.get("contextRef") is not None)
    ns = x.namespaces
    typed = sorted(("{%s}%s" % (ns[f.concept.split(":")[0]], f.concept.split(":")[1]), f.context.id, f.value)
                   for f in x.facts)
    assert len(typed) > 150
    assert typed == written


def test_every_fact_knows_where_it_was_printed_and_why(conv):
    x = conv.xbrl
    numeric = [f for f in x.facts if f.numeric and f.provenance.statement != "Cover"]
    assert len(numeric) > 100
    for f in numeric:
        assert f.span.document == EXAMPLE.name
        assert f.span.line > 0, f
        assert f.provenance.chosen_by, f
    lines = EXAMPLE.read_text(encoding="latin-1").splitlines()
    assets = [f for f in numeric if f.concept == "us-gaap:Assets"]
    assert assets and all(f.printed.replace("$", "").strip() in lines[f.span.line - 1] for f in assets)


def test_concepts_cover_every_fact_and_network_line(conv):
    x = conv.xbrl
    named = {f.concept for f in x.facts} | {ln.concept for n in x.networks for ln in n.lines}
    assert named <= {c.qname for c in x.concepts}
    assert all(n.lines and n.lines[0].depth == 0 for n in x.networks)
    assert len({n.role_id for n in x.networks}) == len(x.networks)


def test_the_classic_taxonomy_is_written_from_the_report(conv):
    x = conv.xbrl
    schema = etree.fromstring(conv.files[x.schema_file].encode())
    declared = [el.get("name") for el in schema.iter("{http://www.w3.org/2001/XMLSchema}element")]
    assert declared and declared == sorted(c.name for c in x.extensions)
    labels = etree.fromstring(conv.files[f"{x.base_name}_lab.xml"].encode())
    xlink = "{http://www.w3.org/1999/xlink}"
    located = {el.get(xlink + "label")[4:] for el in labels.iter("{http://www.xbrl.org/2003/linkbase}loc")}
    relabeled = {c.qname.replace(":", "_") for c in x.concepts if not c.extension and c.own_labels}
    assert relabeled and located == {c.qname.replace(":", "_") for c in x.extensions} | relabeled


def test_the_conversion_report_tells_the_typed_log(conv):
    x, rep = conv.xbrl, conv.report
    assert rep["rows"] == [r.as_json() for r in x.log.rows] and len(x.log.rows) > 100
    assert rep["untagged"] == [asdict(u) for u in x.log.untagged]
    assert rep["checks"] == [asdict(c) for c in x.log.checks] and x.log.checks
    assert [e["concept"] for e in rep["extensions"]] == [c.qname for c in x.extensions]
    assert rep["summary"]["facts"] == len(x.facts)
    assert set(x.log.remarks) <= set(rep["remarks"])


def test_report_is_frozen(conv):
    with pytest.raises(FrozenInstanceError):
        conv.xbrl.facts[0].value = "1"  # type: ignore[misc]


def test_months_counts_quarters():
    assert months(Period(date(2004, 9, 30), date(2004, 7, 1))) == 3
    assert months(Period(date(2004, 9, 30), date(2003, 10, 1))) == 12
    assert months(Period(date(2004, 9, 30))) == 0

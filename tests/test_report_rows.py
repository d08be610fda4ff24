"""Report rows are typed (`ReportRow`) until report.json writes them: `as_json` gives each row the keys, in the
order and with the optional ones, that report.json has always had; the networks tagging hands on are frozen."""
import dataclasses
from datetime import date

import pytest

from edgar2xbrl.check import rules
from edgar2xbrl.check.run import _marked
from edgar2xbrl.model import Context, Fact, Period
from edgar2xbrl.read.cover import Cover
from edgar2xbrl.tag.builder import Builder, Network, PresItem
from edgar2xbrl.tag.catalog import load_catalog
from edgar2xbrl.tag.cover_facts import cover_facts
from edgar2xbrl.xbrl_report import Hypercube, RowStatus

YEAR = Period(end=date(2004, 12, 31), start=date(2004, 1, 1))
BUILT = ["source", "statement", "row", "column", "printed", "concept", "value", "period", "dimensions", "unit",
         "decimals", "sign", "confidence", "status", "extension_reason", "alternatives"]


def _builder() -> Builder:
    return Builder(load_catalog(), "acme", "x.txt", report_end=YEAR.end)


def _fact(concept: str, value: str, dims=()) -> Fact:
    return Fact(concept=concept, context=Context(YEAR, dims), value=value, unit="USD", decimals="-3",
                source="x.txt:7", statement="Income", row_label="Net  sales", printed="1,234", sign="as printed",
                confidence=0.9)


def test_a_builder_row_writes_its_keys_in_order_and_a_note_only_when_it_has_one():
    b = _builder()
    axis = ("us-gaap:StatementBusinessSegmentsAxis", "acme:RetailMember")
    b.record(_fact("us-gaap:Revenues", "1234000", (axis,)), "Net  sales", 2, dims=(axis,),
             alternatives=[("us-gaap:Revenues", 0.9), ("us-gaap:SalesRevenueNet", 0.7)])
    b.record(_fact("us-gaap:CostOfRevenue", "5000"), "Cost", None, note="amount stated in a sentence")
    plain, noted = (r.as_json() for r in b.rows)
    assert list(plain) == BUILT
    assert plain["row"] == "Net sales" and plain["status"] == "added" and type(plain["status"]) is str
    assert plain["dimensions"] == {"us-gaap:StatementBusinessSegmentsAxis": "acme:RetailMember"}
    assert plain["alternatives"] == [("us-gaap:Revenues", 0.9), ("us-gaap:SalesRevenueNet", 0.7)]
    assert list(noted) == BUILT + ["note"] and noted["note"] == "amount stated in a sentence"


def test_a_cover_row_writes_its_status_before_its_confidence_and_always_a_note():
    b = _builder()
    cv = Cover(registrant="Acme Corp", cik="0000012345", shares_outstanding=1000, shares_date=YEAR.end)
    cover_facts(b, cv, "10-K", YEAR.end, "--12-31", "2004", "FY", YEAR, placeholder=False)
    rows = [r.as_json() for r in b.rows]
    dei = [r for r in rows if r["row"] != "Common shares outstanding"]
    assert dei and all(list(r) == BUILT[:12] + ["status", "confidence"] + BUILT[14:] + ["note"] for r in dei)
    assert all(r["note"] == "" for r in dei)
    # the shares outstanding row is written as the statements' rows are
    [shares] = [r for r in rows if r["row"] == "Common shares outstanding"]
    assert list(shares) == BUILT and shares["printed"] == "1,000"


def test_a_row_a_rule_named_writes_its_rules_and_what_it_corrected_last():
    b = _builder()
    b.record(_fact("us-gaap:Revenues", "1234000"), "Net sales", 1, note="read twice")
    b.record(_fact("us-gaap:CostOfRevenue", "5000"), "Cost", 1)
    b.record(_fact("us-gaap:GrossProfit", "7"), "Gross", 1)
    keys = {q: (q, Context(YEAR), "USD") for q in ("us-gaap:Revenues", "us-gaap:CostOfRevenue", "us-gaap:GrossProfit")}
    found = [rules.Finding("E2X.MAG", "scaled twice", rules.Action.CORRECTED,
                           corrections=((keys["us-gaap:Revenues"], "1234"),)),
             rules.Finding("E2X.NEG", "negative", rules.Action.FLAGGED, (keys["us-gaap:Revenues"],)),
             rules.Finding("E2X.MAG", "too large", rules.Action.REMOVED, (keys["us-gaap:CostOfRevenue"],))]
    facts = {keys["us-gaap:Revenues"]: dataclasses.replace(b.facts[keys["us-gaap:Revenues"]], value="1234"),
             keys["us-gaap:GrossProfit"]: b.facts[keys["us-gaap:GrossProfit"]]}
    rows, removed = _marked(b.rows, found, facts)
    corrected, gone, untouched = (r.as_json() for r in rows)
    assert list(corrected) == BUILT + ["note", "rules", "corrected_from"]
    assert corrected["rules"] == ["E2X.MAG corrected", "E2X.NEG flagged"]
    assert (corrected["value"], corrected["corrected_from"]) == ("1234", "1234000")
    assert list(gone) == BUILT + ["rules"] and gone["status"] == "removed" and rows[1].status is RowStatus.REMOVED
    assert list(untouched) == BUILT
    assert [u.row for u in removed] == ["Cost"]
    assert b.rows[0].value == "1234000" and not b.rows[0].rules  # (the rows as tagged stay as they were)


def test_rows_are_frozen():
    b = _builder()
    b.record(_fact("us-gaap:Revenues", "1"), "Net sales", 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        b.rows[0].status = RowStatus.REMOVED


def test_the_networks_tagging_hands_on_cannot_be_changed():
    b = _builder()
    net = Network(role_id="Segments", title="Segments", order=2)
    net.hypercube = Hypercube("us-gaap:StatementTable", "us-gaap:StatementBusinessSegmentsAxis",
                              "us-gaap:SegmentDomain", ("acme:RetailMember",), "us-gaap:StatementLineItems", ())
    net.add_primary("us-gaap:Revenues")
    net.add_primary("us-gaap:Revenues")  # (a line item once)
    net.items.append(PresItem("us-gaap:Revenues", 1, "Net sales"))
    net.calcs.append(("us-gaap:GrossProfit", [("us-gaap:Revenues", 1), ("us-gaap:CostOfRevenue", -1)]))
    b.add_network(net)
    net.items.append(PresItem("us-gaap:CostOfRevenue", 1, "Cost"))  # (too late: the builder holds what it was given)
    [handed] = b.snapshot().networks
    assert handed == b.networks[0]
    assert [ln.concept for ln in handed.lines] == ["us-gaap:Revenues"]
    assert handed.hypercube.primaries == ("us-gaap:Revenues",)
    assert handed.calculations == (("us-gaap:GrossProfit", (("us-gaap:Revenues", 1), ("us-gaap:CostOfRevenue", -1))),)
    with pytest.raises(dataclasses.FrozenInstanceError):
        handed.lines = ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        handed.hypercube.members = ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        handed.lines[0].depth = 3
    with pytest.raises(AttributeError):
        handed.lines.append(handed.lines[0])
    with pytest.raises(AttributeError):
        handed.hypercube.primaries.append("us-gaap:CostOfRevenue")
    with pytest.raises(TypeError):
        handed.hypercube["primaries"]  # (no dict)


def test_the_labels_tagging_hands_on_are_read_only():
    b = _builder()
    b.label_for("us-gaap:Revenues", "Net  sales")
    labels = b.snapshot().labels
    assert dict(labels["us-gaap:Revenues"]) == {"terseLabel": "Net sales"}
    with pytest.raises(TypeError):
        labels["us-gaap:Revenues"]["terseLabel"] = "Sales"
    with pytest.raises(TypeError):
        labels["us-gaap:Cost"] = {}
    b.label_for("us-gaap:Revenues", "Sales")  # (the builder's later labels are not the snapshot's)
    assert dict(labels["us-gaap:Revenues"]) == {"terseLabel": "Net sales"}

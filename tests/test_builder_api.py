"""The builder changes only through its methods; the steps after tagging return new state and leave what they
were given as it was."""
import copy
from datetime import date

import pytest

from edgar2xbrl.model import Context, Fact, Period
from edgar2xbrl.tag.builder import Builder, Network, PresItem
from edgar2xbrl.tag.catalog import load_catalog
from edgar2xbrl.tag.finish import prune_calcs, settle_networks
from edgar2xbrl.tag.provenance import html_sources
from edgar2xbrl.xbrl_report import Check, Network as ReportNetwork, PresentationLine, Untagged

YEAR = Period(end=date(2004, 12, 31), start=date(2004, 1, 1))


def _fact(concept: str, value: str, line: int) -> Fact:
    return Fact(concept=concept, context=Context(YEAR), value=value, unit="USD", decimals="0",
                source=f"x.htm:{line}", statement="Income", row_label=concept, printed=value, start=4, end=9)


def _tagged() -> Builder:
    b = Builder(load_catalog(), "acme", "x.htm", remarks=["read as rendered text"], report_end=YEAR.end)
    for concept, value, line in (("us-gaap:Revenues", "100", 3), ("us-gaap:CostOfRevenue", "30", 4),
                                 ("us-gaap:GrossProfit", "80", 5)):
        b.record(_fact(concept, value, line), concept, 1)
    b.record_untagged(Untagged("x.htm:6", "Income", "Margin", "70%", "a percentage (rates are not tagged)"))
    b.add_check(Check("Income", "Gross profit", 5, "2004", "80", "70", False, True))
    net = Network(role_id="Income", title="Income", order=2)
    net.items += [PresItem("us-gaap:Revenues", 1, "Revenues"), PresItem("us-gaap:GrossProfit", 1, "Gross profit")]
    net.calcs.append(("us-gaap:GrossProfit", [("us-gaap:Revenues", 1), ("us-gaap:CostOfRevenue", -1)]))
    b.add_network(net)
    return b


def test_the_builder_is_changed_only_through_its_methods():
    b = _tagged()
    assert b.remarks == ("read as rendered text",) and b.report_end == YEAR.end
    assert len(b.facts) == 3 and len(b.rows) == 3 and len(b.untagged) == 1 and len(b.checks) == 1
    key = next(iter(b.facts))
    with pytest.raises(TypeError):
        b.facts[key] = b.facts[key]
    with pytest.raises(AttributeError):
        b.untagged.append(b.untagged[0])
    with pytest.raises(AttributeError):
        b.networks.append(b.networks[0])
    with pytest.raises(AttributeError):
        b.report_end = None


def test_the_steps_after_tagging_return_new_state():
    b = _tagged()
    before = b.snapshot()
    kept = copy.deepcopy((dict(before.facts), before.rows, before.untagged, before.checks, before.networks))

    pruned = prune_calcs(before)
    assert pruned.networks[0].calculations == ()  # 100 - 30 is no 80
    assert "calculation of us-gaap:GrossProfit left out" in pruned.remarks[-1]

    line_map = [10 * n for n in range(1, 8)]
    cells = {2: [(0, 20, "/html/body/table/tr[1]/td[2]")]}
    mapped = html_sources(pruned, line_map, cells)
    revenues = mapped.facts[("us-gaap:Revenues", Context(YEAR), "USD")]
    assert (revenues.source, revenues.element) == ("x.htm:30", "/html/body/table/tr[1]/td[2]")
    assert [r.source for r in mapped.rows] == ["x.htm:30", "x.htm:40", "x.htm:50"]
    assert mapped.untagged[0].source == "x.htm:60" and mapped.checks[0].line == 50

    assert (dict(before.facts), before.rows, before.untagged, before.checks, before.networks) == kept
    assert b.networks[0].calculations and b.facts[("us-gaap:Revenues", Context(YEAR), "USD")].source == "x.htm:3"


def test_settling_gives_each_network_an_id_and_a_root_and_keeps_the_builders():
    b = _tagged()
    twin = ReportNetwork(role_id="Income", title="Income (continued)", order=3, group="Statement",
                         lines=(PresentationLine("acme:RootAbstract", 0, "label"),), calculations=())
    made = []
    settled = settle_networks((b.networks[0], twin), lambda title: made.append(title) or f"acme:{len(made)}")
    assert [n.role_id for n in settled] == ["Income", "Income2"]
    assert made == ["Income"] and settled[0].lines[0] == PresentationLine("acme:1", 0, "label")
    assert settled[1].lines == twin.lines
    assert b.networks[0].lines[0].concept == "us-gaap:Revenues"  # (the builder's network keeps its lines)

"""After tagging: the networks settled, then steps that each take the tagged state and return it changed (the
rules, the calculations pruned, an HTML filing's lines and elements), then the typed report every writer reads."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Callable, Sequence

from edgar2xbrl.check.run import apply_rules
from edgar2xbrl.tag.builder import Builder
from edgar2xbrl.tag.catalog import TYPES
from edgar2xbrl.tag.provenance import html_source, html_sources
from edgar2xbrl.tag.tagged import Tagged
from edgar2xbrl.write.xmlsafe import ncname
from edgar2xbrl.xbrl_report import Entity, Network, PresentationLine, XbrlReport, freeze


def finish(b: Builder, layout, filing, entity: Entity, base_name: str, namespace: str) -> XbrlReport:
    """The networks' names and roots, the consistency rules' corrections and removals, the calculations left out
    that would not hold, an HTML filing's own lines and elements: then the typed report, the rules' findings in
    its log. Nothing reads or changes `b` after its snapshot."""
    def root(title: str) -> str:
        return b.new_extension(title, "string", "duration", abstract=True, suffix="Abstract").qname

    # the roots are the last concepts made (named among all the builder's): the snapshot after them holds every one
    networks = settle_networks(b.networks, root)
    tagged = replace(b.snapshot(), networks=networks)
    tagged, findings = apply_rules(tagged, layout, filing)
    tagged = prune_calcs(tagged)
    if filing.line_map:
        tagged = html_sources(tagged, filing.line_map, filing.cell_elements or {})
        findings = findings.with_sources(html_source(filing.line_map, tagged.path))
    return freeze(tagged, entity, base_name, namespace, TYPES, findings)


def settle_networks(networks: Sequence[Network], root: Callable[[str], str]) -> tuple[Network, ...]:
    """The networks, in the order given, each with a unique NCName role id and a root concept (`root(title)`
    makes one for a network that has none)."""
    seen_ids: set[str] = set()
    out = list(networks)
    for i in sorted(range(len(out)), key=lambda i: out[i].order):  # (ids and roots are given in network order)
        n = out[i]
        base_id = ncname(n.role_id, "Role")  # an ASCII NCName (a full-width note number is not one for Arelle)
        rid, k = base_id, 2
        while rid in seen_ids:
            rid, k = f"{base_id}{k}", k + 1
        seen_ids.add(rid)
        lines = n.lines if n.lines and n.lines[0].depth == 0 else (PresentationLine(root(n.title), 0, "label"),
                                                                    *n.lines)
        out[i] = replace(n, role_id=rid, lines=lines)
    return tuple(out)


def prune_calcs(t: Tagged) -> Tagged:
    """Calculations 1.1 binds a summation in every context where its facts meet, including facts written by
    other statements. A relationship that would not hold there is dropped from the calculation link (and said
    so in the remarks); the printed subtotal stays checked in the report."""
    by_concept: dict[str, dict] = {}
    for (concept, ctx, unit), f in t.facts.items():
        if unit:
            by_concept.setdefault(concept, {})[(ctx, unit)] = Decimal(f.value)
    networks, remarks = [], list(t.remarks)
    for net in t.networks:
        kept = []
        for parent, kids in net.calculations:
            ok = True
            for key, total in by_concept.get(parent, {}).items():
                vals = [(w, by_concept.get(child, {}).get(key)) for child, w in kids]
                if all(v is None for _, v in vals):
                    continue
                if sum((w * v for w, v in vals if v is not None), Decimal(0)) != total:
                    ok = False
                    remarks.append(f"{net.title}: calculation of {parent} left out of the calculation link: with "
                                   f"the facts for {key[0].period} it would not add up (facts of another table "
                                   "bind to it)")
                    break
            if ok:
                kept.append((parent, kids))
        networks.append(replace(net, calculations=tuple(kept)))
    return replace(t, networks=tuple(networks), remarks=tuple(remarks))

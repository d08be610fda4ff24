"""After tagging: the last changes to the builder, then the typed report every writer reads, frozen from it."""
from __future__ import annotations

from edgar2xbrl.check.run import apply_rules
from edgar2xbrl.tag.builder import Builder, PresItem, prune_calcs
from edgar2xbrl.tag.catalog import TYPES
from edgar2xbrl.tag.provenance import attach_elements, html_source, map_sources
from edgar2xbrl.write.xmlsafe import ncname
from edgar2xbrl.xbrl_report import Entity, XbrlReport, freeze


def finish(b: Builder, layout, filing, entity: Entity, base_name: str, namespace: str) -> XbrlReport:
    """The consistency rules' corrections and removals, the calculations left out that would not hold, an HTML
    filing's own lines and elements, the networks' names and roots: then the typed report, the rules' findings in
    its log. Nothing reads or changes `b` after this."""
    findings = apply_rules(b, layout, filing)
    prune_calcs(b)
    if filing.line_map:
        attach_elements(b, filing.cell_elements or {}, b.path)
        map_sources(b, filing.line_map, b.path)
        findings = findings.with_sources(html_source(filing.line_map, b.path))
    settle_networks(b)
    return freeze(b, entity, base_name, namespace, TYPES, findings)


def settle_networks(b: Builder) -> None:
    """Give every network a unique NCName role id and a root concept (the last changes to the model before it
    is frozen: writers only read)."""
    seen_ids: set[str] = set()
    for n in sorted(b.networks, key=lambda n: n.order):
        base_id = ncname(n.role_id, "Role")  # an ASCII NCName (a full-width note number is not one for Arelle)
        rid, k = base_id, 2
        while rid in seen_ids:
            rid, k = f"{base_id}{k}", k + 1
        n.role_id = rid
        seen_ids.add(rid)
        if not n.items or n.items[0].depth != 0:
            root = b.new_extension(n.title, "string", "duration", abstract=True, suffix="Abstract").qname
            n.items.insert(0, PresItem(root, 0, n.title, "label"))

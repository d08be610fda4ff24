"""Facts and networks → the instance and its extension taxonomy, each file rendered from templates/."""
from __future__ import annotations

from dataclasses import dataclass

from edgar2xbrl.tag.builder import Builder, Network, PresItem
from edgar2xbrl.tag.catalog import TYPES
from edgar2xbrl.check.packages import DEI_NS, DEI_URL, SRT_NS, SRT_URL, US_GAAP_NS, US_GAAP_URL
from edgar2xbrl.write.render import render, render_chunks
from edgar2xbrl.write.xmlsafe import ncname

ROLE_BASE = "http://edgar2xbrl/role/"


@dataclass(slots=True)
class Loc:
    concept: str
    label: str


@dataclass(slots=True)
class Arc:
    parent: str
    child: str
    order: int
    role: str = ""
    weight: int = 1
    arcrole: str = ""


class _Links:
    def __init__(self, n: Network, ns: str):
        self.role_id = n.role_id
        self.title = n.title
        self.order = n.order
        self.group = n.group
        self.uri = f"{ns}/role/{n.role_id}"
        self.locs: list[Loc] = []
        self.arcs: list[Arc] = []
        self._loc_of: dict[str, str] = {}
        self._locs_of: dict[str, int] = {}  # concept → its locators so far (not counted in `locs` per item)

    def fresh_loc(self, concept: str) -> str:
        """A locator of its own, so one concept can sit twice under one parent (opening and closing balances)."""
        n = self._locs_of.get(concept, 0)
        if n == 0:
            return self.loc(concept)
        label = f"loc_{concept.replace(':', '_')}_{n + 1}"
        self.locs.append(Loc(concept, label))
        self._locs_of[concept] = n + 1
        return label

    def loc(self, concept: str) -> str:
        if concept not in self._loc_of:
            label = "loc_" + concept.replace(":", "_")
            self._loc_of[concept] = label
            self.locs.append(Loc(concept, label))
            self._locs_of[concept] = self._locs_of.get(concept, 0) + 1
        return self._loc_of[concept]


def namespace(prefix: str, period_end: str) -> str:
    return f"http://edgar2xbrl/{prefix}/{period_end}"


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


def write_files(b: Builder, prefix: str, date_tag: str, cik: str, cik_placeholder: bool, source: str,
                registrant: str, sink=None) -> dict[str, str]:
    """{file name: text} for the instance and the five taxonomy files; given a `sink` (`converter.sink`), each is
    handed to it as it is rendered instead, and the dict is empty."""
    ns_ext = namespace(prefix, date_tag)
    base = f"{prefix}-{date_tag}"
    schema_file = f"{base}.xsd"
    ns = {"us_gaap": US_GAAP_NS, "dei": DEI_NS, "srt": SRT_NS, "ext": ns_ext}
    urls = {"us_gaap": US_GAAP_URL, "dei": DEI_URL, "srt": SRT_URL}
    networks = sorted(b.networks, key=lambda n: n.order)
    # each linkbase's networks are set up as the template reaches them and let go after (a large filing's locators
    # and arcs are never all held); the role references and the schema's role types need the networks' names only
    pre = _Networks(networks, ns_ext, _pre_links)
    cal = _Networks([n for n in networks if n.calcs], ns_ext, _cal_links)
    dfn = _Networks([n for n in networks if n.hypercube], ns_ext, _def_links)
    # concepts used anywhere, for the schema and the labels
    ext = sorted(b.extensions.values(), key=lambda c: c.name)
    concepts = _Once(lambda: ({"prefix": c.prefix, "name": c.name, "xsd_type": TYPES[c.type], "abstract": c.abstract,
                               "period": c.period, "balance": c.balance} for c in ext))
    label_rows = _Once(lambda: _label_rows(b, ext))
    facts = sorted(b.facts.values(), key=lambda f: (f.source.rsplit(":", 1)[0], int(f.source.rsplit(":", 1)[1])
                                                    if f.source.rsplit(":", 1)[-1].isdigit() else 0))
    contexts = sorted({f.context for f in facts}, key=lambda c: (c.dims, c.period.end, c.period.start or c.period.end))
    units = {f.unit for f in facts if f.unit}
    # srt is imported only where an axis or member of it is used: a user's official srt-2024.xsd imports the SEC
    # country taxonomy, which a conversion that needs no srt should not need either
    uses_srt = any(m.startswith("srt:") for n in networks if n.hypercube
                   for m in [n.hypercube["axis"], n.hypercube["domain"], *n.hypercube["members"],
                             *(q for a, d, ms in n.hypercube.get("more_axes", ()) for q in (a, d, *ms))])
    common = {"prefix": prefix, "ns": ns, "urls": urls, "schema_file": schema_file, "uses_srt": uses_srt}
    jobs = {
        f"{base}.xml": ("instance.xml.j2", dict(contexts=contexts, units=units, facts=_fact_rows(facts, contexts),
                                                cik=cik, cik_placeholder=cik_placeholder, source=source, **common)),
        f"{base}.xsd": ("schema.xsd.j2", dict(
            networks=pre.roles, concepts=concepts, registrant=registrant,
            linkbases=[(f"{base}_pre.xml", "presentation"), (f"{base}_cal.xml", "calculation"),
                       (f"{base}_def.xml", "definition"), (f"{base}_lab.xml", "label")], **common)),
        f"{base}_pre.xml": ("pre.xml.j2", dict(networks=pre, roles=pre.roles, **common)),
        f"{base}_cal.xml": ("cal.xml.j2", dict(networks=cal, roles=cal.roles, **common)),
        f"{base}_def.xml": ("def.xml.j2", dict(networks=dfn, roles=dfn.roles, **common)),
        f"{base}_lab.xml": ("lab.xml.j2", dict(labels=label_rows, **common)),
    }
    if sink is None:
        return {name: render(template, **ctx) for name, (template, ctx) in jobs.items()}
    for name, (template, ctx) in jobs.items():
        sink.stream(name, render_chunks(template, **ctx))
    return {}


def _fact_rows(facts: list, contexts: list) -> list[tuple]:
    """(fact, its source line or "", its context's id) for the instance: the line a comment names (the digits after
    the source's last ":", when they are ASCII digits), and each context's id formatted once, not per fact by the
    template."""
    ids = {c: c.id for c in contexts}
    rows = []
    for f in facts:
        where = f.source.rpartition(":")[2]
        rows.append((f, where if where.isascii() and where.isdigit() else "", ids[f.context]))
    return rows


class _Role:
    """A network's names, all the role references and the schema's role types read."""
    __slots__ = ("role_id", "title", "order", "group", "uri")

    def __init__(self, n: Network, ns: str):
        self.role_id, self.title, self.order, self.group = n.role_id, n.title, n.order, n.group
        self.uri = f"{ns}/role/{n.role_id}"


class _Networks:
    """A linkbase's networks in order, each set up (`make`: its locators and arcs) when the template reaches it;
    `roles`: their names, for the role references."""

    def __init__(self, networks: list[Network], ns: str, make):
        self.networks, self.ns, self.make = networks, ns, make
        self.roles = [_Role(n, ns) for n in networks]

    def __iter__(self):
        for n in self.networks:
            yield self.make(n, self.ns)


class _Once:
    """Rows made as a template reads them (read once)."""

    def __init__(self, make):
        self.make = make

    def __iter__(self):
        return iter(self.make())


def _pre_links(n: Network, ns: str) -> _Links:
    p = _Links(n, ns)
    stack: list[tuple[int, str]] = []
    order = 0
    for it in n.items:
        while stack and stack[-1][0] >= it.depth:
            stack.pop()
        label = p.fresh_loc(it.concept)
        if stack:
            order += 1
            role = "" if it.role == "label" else f"http://www.xbrl.org/2003/role/{it.role}"
            p.arcs.append(Arc(stack[-1][1], label, order, role))
        stack.append((it.depth, label))
    return p


def _cal_links(n: Network, ns: str) -> _Links:
    c = _Links(n, ns)
    for parent, kids in n.calcs:
        for k, (child, w) in enumerate(kids, 1):
            c.arcs.append(Arc(c.loc(parent), c.loc(child), k, weight=w))
    return c


def _def_links(n: Network, ns: str) -> _Links:
    h = n.hypercube
    d = _Links(n, ns)
    li, tb, ax, dm = d.loc(h["line_items"]), d.loc(h["table"]), d.loc(h["axis"]), d.loc(h["domain"])
    d.arcs += [Arc(li, tb, 1, arcrole="all"), Arc(tb, ax, 1, arcrole="hypercube-dimension"),
               Arc(ax, dm, 1, arcrole="dimension-domain"), Arc(ax, d.fresh_loc(h["domain"]), 2, arcrole="dimension-default")]
    for k, mem in enumerate(h["members"], 1):
        d.arcs.append(Arc(dm, d.loc(mem), k, arcrole="domain-member"))
    for j, (axis, domain, members) in enumerate(h.get("more_axes", ()), 2):
        ax2, dm2 = d.loc(axis), d.loc(domain)
        d.arcs += [Arc(tb, ax2, j, arcrole="hypercube-dimension"), Arc(ax2, dm2, 1, arcrole="dimension-domain"),
                   Arc(ax2, d.fresh_loc(domain), 2, arcrole="dimension-default")]
        for k, mem in enumerate(members, 1):
            d.arcs.append(Arc(dm2, d.loc(mem), k, arcrole="domain-member"))
    for k, prim in enumerate(h["primaries"], 1):
        d.arcs.append(Arc(li, d.loc(prim), k, arcrole="domain-member"))
    return d


def _label_rows(b: Builder, ext: list):
    for c in ext:
        texts = {"label": c.label}
        texts.update(b.labels.get(c.qname, {}))
        yield {"concept": c.qname, "id": c.qname.replace(":", "_"), "texts": sorted(texts.items())}
    for q, roles in sorted(b.labels.items()):
        if q in b.extensions or not roles:
            continue
        yield {"concept": q, "id": q.replace(":", "_"), "texts": sorted(roles.items())}

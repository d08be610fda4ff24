"""The typed report → the instance and its extension taxonomy, each file rendered from templates/."""
from __future__ import annotations

from dataclasses import dataclass

from edgar2xbrl.model import Context
from edgar2xbrl.check.packages import DEI_NS, DEI_URL, SRT_NS, SRT_URL, US_GAAP_NS, US_GAAP_URL
from edgar2xbrl.write.render import Rendered
from edgar2xbrl.xbrl_report import Network, ReportConcept, ReportFact, XbrlReport

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


def write_files(x: XbrlReport) -> dict[str, Rendered]:
    """The instance and the five taxonomy files of the typed report, each rendered as it is written."""
    base = x.base_name
    ns = {"us_gaap": US_GAAP_NS, "dei": DEI_NS, "srt": SRT_NS, "ext": x.namespace}
    urls = {"us_gaap": US_GAAP_URL, "dei": DEI_URL, "srt": SRT_URL}
    # each linkbase's networks are set up as the template reaches them and let go after (a large filing's locators
    # and arcs are never all held); the role references and the schema's role types need the networks' names only
    pre = _Networks(list(x.networks), x.namespace, _pre_links)
    cal = _Networks([n for n in x.networks if n.calculations], x.namespace, _cal_links)
    dfn = _Networks([n for n in x.networks if n.hypercube], x.namespace, _def_links)
    ext = sorted(x.extensions, key=lambda c: c.name)
    label_rows = _Once(lambda: _label_rows(ext, x.concepts))
    # srt is imported only where an axis or member of it is used: a user's official srt-2024.xsd imports the SEC
    # country taxonomy, which a conversion that needs no srt should not need either
    common = {"prefix": x.prefix, "ns": ns, "urls": urls, "schema_file": x.schema_file,
              "uses_srt": "srt" in x.namespaces}
    e = x.entity
    return {
        x.instance_file: Rendered("instance.xml.j2", contexts=x.contexts, units=x.units,
                                  facts=_fact_rows(x.facts, x.contexts), cik=e.cik,
                                  cik_placeholder=e.cik_placeholder, source=e.source, **common),
        x.schema_file: Rendered("schema.xsd.j2", networks=pre.roles, concepts=ext, registrant=e.registrant,
                                linkbases=[(f"{base}_pre.xml", "presentation"), (f"{base}_cal.xml", "calculation"),
                                           (f"{base}_def.xml", "definition"), (f"{base}_lab.xml", "label")],
                                **common),
        f"{base}_pre.xml": Rendered("pre.xml.j2", networks=pre, roles=pre.roles, **common),
        f"{base}_cal.xml": Rendered("cal.xml.j2", networks=cal, roles=cal.roles, **common),
        f"{base}_def.xml": Rendered("def.xml.j2", networks=dfn, roles=dfn.roles, **common),
        f"{base}_lab.xml": Rendered("lab.xml.j2", labels=label_rows, **common),
    }


def _fact_rows(facts: tuple[ReportFact, ...], contexts: tuple[Context, ...]) -> list[tuple]:
    """(fact, its source line or "", its context's id) for the instance: the line a comment names, and each
    context's id formatted once, not per fact by the template."""
    ids = {c: c.id for c in contexts}
    return [(f, str(f.span.line) if f.span.line else "", ids[f.context]) for f in facts]


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
    for it in n.lines:
        while stack and stack[-1][0] >= it.depth:
            stack.pop()
        label = p.fresh_loc(it.concept)
        if stack:
            order += 1
            role = "" if it.label_role == "label" else f"http://www.xbrl.org/2003/role/{it.label_role}"
            p.arcs.append(Arc(stack[-1][1], label, order, role))
        stack.append((it.depth, label))
    return p


def _cal_links(n: Network, ns: str) -> _Links:
    c = _Links(n, ns)
    for parent, kids in n.calculations:
        for k, (child, w) in enumerate(kids, 1):
            c.arcs.append(Arc(c.loc(parent), c.loc(child), k, weight=w))
    return c


def _def_links(n: Network, ns: str) -> _Links:
    h = n.hypercube
    d = _Links(n, ns)
    li, tb, ax, dm = d.loc(h.line_items), d.loc(h.table), d.loc(h.axis), d.loc(h.domain)
    d.arcs += [Arc(li, tb, 1, arcrole="all"), Arc(tb, ax, 1, arcrole="hypercube-dimension"),
               Arc(ax, dm, 1, arcrole="dimension-domain"), Arc(ax, d.fresh_loc(h.domain), 2, arcrole="dimension-default")]
    for k, mem in enumerate(h.members, 1):
        d.arcs.append(Arc(dm, d.loc(mem), k, arcrole="domain-member"))
    for j, (axis, domain, members) in enumerate(h.more_axes, 2):
        ax2, dm2 = d.loc(axis), d.loc(domain)
        d.arcs += [Arc(tb, ax2, j, arcrole="hypercube-dimension"), Arc(ax2, dm2, 1, arcrole="dimension-domain"),
                   Arc(ax2, d.fresh_loc(domain), 2, arcrole="dimension-default")]
        for k, mem in enumerate(members, 1):
            d.arcs.append(Arc(dm2, d.loc(mem), k, arcrole="domain-member"))
    for k, prim in enumerate(h.primaries, 1):
        d.arcs.append(Arc(li, d.loc(prim), k, arcrole="domain-member"))
    return d


def _label_rows(ext: list[ReportConcept], concepts: tuple[ReportConcept, ...]):
    """The label linkbase: the extensions first, then the standard concepts the filer words its own way."""
    for c in ext + [c for c in concepts if not c.extension and c.own_labels]:
        yield {"concept": c.qname, "id": c.qname.replace(":", "_"), "texts": list(c.own_labels)}

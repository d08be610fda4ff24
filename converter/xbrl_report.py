"""The typed XBRL report: what every writer writes, frozen once the facts are settled.

This is the narrow waist of the pipeline. Readers and taggers build it (`freeze`); writers (the classic instance,
inline XBRL, OIM, the SEC data sets, the HTML report) only read it. Each fact carries its provenance: where it was
printed, what chose its concept (and the runner-up), the sign decision and the consistency rules that named it.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum

from typing import TYPE_CHECKING, Callable

from edgar2xbrl.model import Context, Period

if TYPE_CHECKING:
    from edgar2xbrl.check.rules import Finding
    from edgar2xbrl.tag.tagged import Tagged

US_GAAP_NS = "http://fasb.org/us-gaap/2024"
DEI_NS = "http://xbrl.sec.gov/dei/2024"
SRT_NS = "http://fasb.org/srt/2024"


class Unit(str, Enum):
    USD = "USD"
    SHARES = "shares"
    USD_PER_SHARE = "USDPerShare"
    PURE = "pure"


UNIT_MEASURES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # unit id → (numerator measures, denominator measures), as qnames
    "USD": (("iso4217:USD",), ()),
    "shares": (("xbrli:shares",), ()),
    "USDPerShare": (("iso4217:USD",), ("xbrli:shares",)),
    "pure": (("xbrli:pure",), ()),
}


@dataclass(frozen=True)
class SourceSpan:
    """Where a value was printed: the file, its 1-based line, and when known the character offsets within the
    line (`start`, `end`; -1 unknown; for HTML offsets in the line as rendered to text), the printed text, and for
    HTML the element: an XPath into the HTML document (of the submission's documents, the one holding `line`), for
    a number inside a <pre> followed by "#" and the offset of its characters in the element's text."""

    document: str
    line: int = 0
    start: int = -1
    end: int = -1
    text: str = ""
    element: str = ""

    def __str__(self) -> str:
        return f"{self.document}:{self.line}" if self.line else self.document


@dataclass(frozen=True)
class Provenance:
    """Why a fact is what it is."""

    statement: str  # the statement or note title it was printed in
    row_label: str
    column: int | None
    chosen_by: str  # the rule or score that chose the concept (mapper's words), "" for cover facts
    confidence: float
    runner_up: str  # the next best concept, "" when none
    sign: str  # the sign decision, in words
    extension_reason: str
    rules: tuple[str, ...] = ()  # consistency rules that named it ("E2X.NEG flagged", ...)
    corrected_from: str = ""


@dataclass(frozen=True)
class ReportFact:
    id: str  # f1, f2, ... in instance order: stable for the same input
    concept: str  # qname
    context: Context
    value: str  # lexical value, XBRL sign convention
    unit: str | None
    decimals: str | None
    printed: str  # as printed in the filing
    span: SourceSpan
    provenance: Provenance
    extension: bool

    @property
    def numeric(self) -> bool:
        return self.unit is not None

    @property
    def number(self) -> Decimal | None:
        if self.unit is None:
            return None
        try:
            return Decimal(self.value)
        except InvalidOperation:
            return None

    @property
    def flagged(self) -> bool:
        return any(r.endswith("flagged") for r in self.provenance.rules)


@dataclass(frozen=True)
class ReportConcept:
    qname: str
    prefix: str
    name: str
    type: str  # monetary | shares | perShare | string | ... (catalog kinds)
    xsd_type: str  # xbrli:monetaryItemType ...
    period: str  # instant | duration
    balance: str  # debit | credit | ""
    abstract: bool
    extension: bool
    labels: tuple[tuple[str, str], ...]  # (role, text): "label" is the standard label
    # what the extension taxonomy's label linkbase gives it: every label of an extension, of a standard concept
    # the filer's wordings only (its standard label is the published taxonomy's)
    own_labels: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        return dict(self.labels).get("label", self.name)


@dataclass(frozen=True)
class PresentationLine:
    concept: str
    depth: int
    label_role: str


@dataclass(frozen=True)
class Hypercube:
    table: str
    axis: str
    domain: str
    members: tuple[str, ...]
    line_items: str
    primaries: tuple[str, ...]
    more_axes: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # further (axis, domain, members) of the table


@dataclass(frozen=True)
class Network:
    role_id: str  # unique NCName
    title: str
    order: int
    group: str  # Document | Statement | Disclosure
    lines: tuple[PresentationLine, ...]  # the first line is the root (depth 0)
    calculations: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]  # (total, ((item, weight), ...))
    hypercube: Hypercube | None = None


@dataclass(frozen=True)
class Check:
    """A printed subtotal checked against the rows it adds up."""

    statement: str
    row: str
    line: int
    column: str
    expected: str
    computed: str
    ok: bool
    in_calc_link: bool
    note: str = ""


class RowStatus(str, Enum):
    """What became of a source row's figure (report.json's "status")."""

    ADDED = "added"  # its fact was written
    DUPLICATE = "duplicate"  # the same figure is already a fact (printed twice)
    CONFLICT = "conflict"  # its concept already holds another figure for the period: not written
    BAD_PERIOD = "bad-period"  # its period would end before it starts: not written
    REMOVED = "removed"  # written, then left out by a consistency rule


@dataclass(frozen=True)
class ReportRow:
    """A source row's figure and what tagging decided for it: a row of report.json's "rows" (`as_json`)."""

    source: str  # "path:line" (or "path:cover")
    statement: str
    row: str
    column: int | None  # 1-based column of the figure; None for a cover fact, a text block or a sentence
    printed: str
    concept: str
    value: str
    period: str
    dimensions: tuple[tuple[str, str], ...]  # (axis, member)
    unit: str | None
    decimals: str | None
    sign: str
    confidence: float  # as the tagger gave it (report.json writes 1 and 1.0 apart)
    status: RowStatus
    extension_reason: str
    alternatives: tuple[tuple[str, float], ...]  # (qname, score): the mapper's candidates, best first
    note: str = ""
    # a dei fact of the cover page: report.json has always listed its status before its confidence, and its note
    # even when empty
    cover: bool = False
    rules: tuple[str, ...] = ()  # the consistency rules that named its fact ("E2X.NEG flagged", ...)
    corrected_from: str | None = None  # the value as tagged, when a rule corrected it

    def as_json(self) -> dict:
        """The row as report.json writes it: its keys in their order, the optional ones only when they say
        something (a note when given, the rules and the corrected value of a fact a rule named)."""
        out = {"source": self.source, "statement": self.statement, "row": self.row, "column": self.column,
               "printed": self.printed, "concept": self.concept, "value": self.value, "period": self.period,
               "dimensions": dict(self.dimensions), "unit": self.unit, "decimals": self.decimals, "sign": self.sign}
        if self.cover:
            out["status"], out["confidence"] = self.status.value, self.confidence
        else:
            out["confidence"], out["status"] = self.confidence, self.status.value
        out["extension_reason"], out["alternatives"] = self.extension_reason, list(self.alternatives)
        if self.note or self.cover:
            out["note"] = self.note
        if self.rules:
            out["rules"] = list(self.rules)
        if self.corrected_from is not None:
            out["corrected_from"] = self.corrected_from
        return out


@dataclass(frozen=True)
class Untagged:
    """A printed figure no fact was written for, and why."""

    source: str
    statement: str
    row: str
    value: str
    reason: str


@dataclass(frozen=True)
class Findings:
    """The consistency rules' findings on the facts as tagged (what they corrected, removed or flagged), and those
    left on the facts as written."""

    found: tuple[Finding, ...]
    left: tuple[Finding, ...]

    def with_sources(self, name: Callable[[str], str]) -> Findings:
        """The findings with each source renamed (an HTML filing's rendered lines → its own)."""
        def renamed(fs: tuple[Finding, ...]) -> tuple[Finding, ...]:
            return tuple(replace(f, sources=tuple(name(s) for s in f.sources)) for f in fs)
        return Findings(renamed(self.found), renamed(self.left))


@dataclass(frozen=True)
class TagLog:
    """What tagging decided beyond the facts, as the conversion report tells it."""

    rows: tuple[ReportRow, ...]  # every source row and its decision (nothing changes them now)
    untagged: tuple[Untagged, ...]
    checks: tuple[Check, ...]
    remarks: tuple[str, ...]
    findings: Findings


@dataclass(frozen=True)
class Entity:
    cik: str
    cik_placeholder: bool
    registrant: str
    form: str
    period_end: date
    fiscal_year_focus: str
    fiscal_period_focus: str
    fiscal_year_end: str  # --MM-DD or ""
    accession: str  # from the EDGAR header, "" when the file has none
    filed: str  # YYYYMMDD from the EDGAR header, "" when none
    sic: str  # from the EDGAR header, "" when none
    source: str  # the source file's name
    # every field the EDGAR header gave (source._HEADER_FIELDS names: state_of_incorporation, irs_number, and the
    # business address street1, street2, city, state, zip, phone), as sorted pairs; () when the file has none
    edgar_header: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class XbrlReport:
    entity: Entity
    prefix: str  # the extension taxonomy's prefix
    namespace: str  # and namespace
    base_name: str  # "{prefix}-{YYYYMMDD}": the instance is base_name + ".xml", the schema + ".xsd"
    facts: tuple[ReportFact, ...]
    contexts: tuple[Context, ...]
    units: tuple[str, ...]
    concepts: tuple[ReportConcept, ...]  # every concept a fact, a network or a label names
    # every extension the schema declares, in the order they were made: also those nothing names any more (the
    # concept of a row whose figure was not written)
    extensions: tuple[ReportConcept, ...]
    networks: tuple[Network, ...]
    log: TagLog

    @property
    def schema_file(self) -> str:
        return f"{self.base_name}.xsd"

    @property
    def instance_file(self) -> str:
        return f"{self.base_name}.xml"

    def concept(self, qname: str) -> ReportConcept | None:
        return self._concepts().get(qname)

    def _concepts(self) -> dict[str, ReportConcept]:
        cached = self.__dict__.get("_by_qname")
        if cached is None:
            cached = {c.qname: c for c in self.concepts}
            object.__setattr__(self, "_by_qname", cached)
        return cached

    @property
    def namespaces(self) -> dict[str, str]:
        used = {q.split(":", 1)[0] for n in self.networks if n.hypercube is not None
                for q in (n.hypercube.axis, n.hypercube.domain, *n.hypercube.members,
                          *(x for a, d, ms in n.hypercube.more_axes for x in (a, d, *ms)))}
        srt = {"srt": SRT_NS} if "srt" in used else {}
        return {"us-gaap": US_GAAP_NS, "dei": DEI_NS, **srt, self.prefix: self.namespace}


def months(period: Period) -> int:
    """Whole months a duration covers (0 for an instant), as the SEC data sets count quarters: 3 months = 1 qtr."""
    if period.start is None:
        return 0
    days = (period.end - period.start).days + 1
    return max(1, round(days / 30.44))


def _span(source: str, printed: str, start: int = -1, end: int = -1, element: str = "") -> SourceSpan:
    doc, _, where = source.rpartition(":")
    if where.isascii() and where.isdigit():
        return SourceSpan(doc, int(where), start, end, printed, element)
    return SourceSpan(source if not doc else doc, 0, text=printed)


def freeze(t: Tagged, entity: Entity, base_name: str, namespace: str, xsd_types: dict[str, str],
           findings: Findings) -> XbrlReport:
    """The typed report of what tagging made, settled (`tag.finish`: the rules ran, with their `findings`, and the
    networks were settled)."""
    rows: dict[tuple, ReportRow] = {}
    for r in t.rows:  # the row a fact came from: the one that added it, else the first that named it
        key = (r.concept, r.period, r.dimensions)
        if key not in rows or (r.status == RowStatus.ADDED and rows[key].status != RowStatus.ADDED):
            rows[key] = r

    def order(f):
        doc, _, where = f.source.rpartition(":")
        return (doc, int(where) if where.isascii() and where.isdigit() else 0)

    facts = []
    for n, f in enumerate(sorted(t.facts.values(), key=order), 1):
        r = rows.get((f.concept, str(f.context.period), f.context.dims))  # (None: a fact no row names)
        alts = [a for a in (r.alternatives if r else ()) if a[0] != f.concept]
        if f.statement == "Cover":
            chosen = "cover page"
        elif f.extension:
            chosen = "extension: " + ((r.extension_reason if r else "") or "no US-GAAP concept fits")
        elif r is not None and r.alternatives:
            chosen = f"label and structure score {r.alternatives[0][1]}"
        else:
            chosen = (r.note if r else "") or "rule"
        prov = Provenance(statement=f.statement, row_label=f.row_label or (r.row if r else ""),
                          column=r.column if r else None, chosen_by=chosen, confidence=float(f.confidence),
                          runner_up=alts[0][0] if alts else "", sign=f.sign,
                          extension_reason=r.extension_reason if r and f.extension else "",
                          rules=r.rules if r else (), corrected_from=(r.corrected_from or "") if r else "")
        facts.append(ReportFact(id=f"f{n}", concept=f.concept, context=f.context, value=f.value, unit=f.unit,
                                decimals=f.decimals, printed=f.printed,
                                span=_span(f.source, f.printed, f.start, f.end, f.element),
                                provenance=prov, extension=f.extension))
    contexts = tuple(sorted({f.context for f in facts},
                            key=lambda c: (c.dims, c.period.end, c.period.start or c.period.end)))
    units = tuple(sorted({f.unit for f in facts if f.unit}))

    networks = sorted(t.networks, key=lambda n: n.order)

    named = {f.concept for f in facts} | {ln.concept for n in networks for ln in n.lines}
    for n in networks:
        for p, kids in n.calculations:
            named |= {p} | {c for c, _ in kids}
        if n.hypercube:
            h = n.hypercube
            named |= {h.table, h.axis, h.domain, h.line_items, *h.members, *h.primaries}
            named |= {q for a, d, ms in h.more_axes for q in (a, d, *ms)}
    named |= set(t.labels)
    concepts = {q: _concept(t, q, xsd_types) for q in sorted(named | set(t.extensions))}
    return XbrlReport(entity=entity, prefix=t.prefix, namespace=namespace, base_name=base_name, facts=tuple(facts),
                      contexts=contexts, units=units, concepts=tuple(c for q, c in concepts.items() if q in named),
                      extensions=tuple(concepts[q] for q in t.extensions), networks=tuple(networks),
                      log=TagLog(t.rows, t.untagged, t.checks, t.remarks, findings))


def _concept(t: Tagged, q: str, xsd_types: dict[str, str]) -> ReportConcept:
    try:
        c = t.concept(q)
    except KeyError:
        c = None
    own = tuple(sorted(t.labels.get(q, {}).items()))
    if c is None:  # dei and other concepts outside the catalog
        prefix, _, name = q.partition(":")
        return ReportConcept(q, prefix, name, "", "", "", "", False, False, own, own)
    labels = tuple(sorted({"label": c.label, **dict(own)}.items()))
    return ReportConcept(q, c.prefix, c.name, c.type, xsd_types.get(c.type, "xbrli:stringItemType"), c.period,
                         c.balance, c.abstract, c.extension, labels, labels if c.extension else own)

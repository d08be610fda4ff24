"""Statements → facts, contexts, presentation and calculation networks (the instance's content, not its XML)."""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Context as DecimalContext, Decimal
from types import MappingProxyType

from edgar2xbrl.tables.arithmetic import find_subtotals
from edgar2xbrl.tables.periods import all_dates
from edgar2xbrl.tag.catalog import Catalog, never_negative, one_way
from edgar2xbrl.tag.labels import WEAK, camel, column_measure, not_money, tokens
from edgar2xbrl.tag.mapper import DEDUCTED, SIDE_CAPTION, THRESHOLD, Line, build_lines, cash_top_signs, column_period, core_label, decide_signs, extension_name, group_period_type, line_period_type, table_period_type, map_lines, nearest_period_type, neighbour_period
from edgar2xbrl.model import Concept, Context, Fact, Period, Statement
from edgar2xbrl.tag.awards import award_concepts, award_price
from edgar2xbrl.tag.eps import shares_by_eps
from edgar2xbrl.tag.members import CONSOLIDATION, FAIR_VALUE_FREQUENCY, FAIR_VALUE_LEVELS, REPORT_LINES, SEGMENT_NOTE, \
    SEGMENTS, Axis, Run, add_member, consolidated_measure, fair_value_frequency, fair_value_level, is_years_row, \
    level_columns, member_name, member_runs, open_hypercube, standard_member
from edgar2xbrl.check.rules import FUTURE_DAYS, FactKey
from edgar2xbrl.tag.tagged import Tagged
from edgar2xbrl.xbrl_report import Check, Hypercube, Network as ReportNetwork, PresentationLine, ReportRow, RowStatus, \
    Untagged

if TYPE_CHECKING:
    from edgar2xbrl.tag.segments import Breakdown
from edgar2xbrl.tables.statements import row_scale

UNITS = {"monetary": "USD", "shares": "shares", "perShare": "USDPerShare"}
# (each word from its start: "unpaid insurance claims" are owed, not paid)
_DEBIT_WORDS = re.compile(r"\b(?:expense|cost|loss|payment|paid|purchase|deduct|charge|dividend|repurchase|acquisition|"
                          r"asset|receivable|inventor|prepaid|deposit|investment)", re.I)
# what is held against an asset: an allowance for losses, accumulated depreciation or amortization
# (what the row is, in its first words: "Loans, net of allowance for loan losses" are the loans)
_CONTRA_WORDS = re.compile(r"\s{0,8}(?:less:?\s{1,3})?(?:allowances?|reserves?\s{1,3}for|accumulated\s{1,3}(?:depreciation|amortization))\b",
                           re.I)


# a net row named both ways, the first its own ("Other gains (losses), net", "Interest (expense) income"): its
# balance is its first word's and its printed signs stand, whichever way most years went
_CREDIT_FIRST = re.compile(r"\b(?:gains?|income|profits?|earnings)\s{0,3}\(\s{0,3}(?:loss(?:es)?|expenses?|deficit|charges?)"
                           r"\s{0,3}\)", re.I)
_DEBIT_FIRST = re.compile(r"\b(?:loss(?:es)?|expenses?|charges?)\s{0,3}\(\s{0,3}(?:gains?|income|benefit|credit)\s{0,3}\)|"
                          r"\(\s{0,3}(?:gains?|income)\s{0,3}\)\s{0,3}(?:loss(?:es)?|expenses?)\b", re.I)


@dataclass
class PresItem:
    concept: str
    depth: int
    label: str
    role: str = "terseLabel"  # label role for the filer's wording


@dataclass
class Network:
    """One statement or note as presented (and calculated) in the extension taxonomy, while a tagger builds it:
    handed to the builder (`Builder.add_network`), it is kept as the frozen `xbrl_report.Network`."""

    role_id: str
    title: str
    order: int
    items: list[PresItem] = field(default_factory=list)
    calcs: list[tuple[str, list[tuple[str, int]]]] = field(default_factory=list)
    hypercube: Hypercube | None = None  # frozen: a member or line item more makes a new one
    group: str = "Statement"  # Document | Statement | Disclosure

    def add_primary(self, qname: str) -> None:
        """A line item more of the network's table (once)."""
        h = self.hypercube
        if qname not in h.primaries:
            self.hypercube = replace(h, primaries=h.primaries + (qname,))

    def frozen(self) -> ReportNetwork:
        """The network as built, frozen: its presentation lines, calculations and table."""
        return ReportNetwork(
            role_id=self.role_id, title=self.title, order=self.order, group=self.group,
            lines=tuple(PresentationLine(i.concept, i.depth, i.role) for i in self.items),
            calculations=tuple((p, tuple((c, int(w)) for c, w in kids)) for p, kids in self.calcs),
            hypercube=self.hypercube)


class Builder:
    """The statements and notes tagged one after another into facts, concepts and networks. What it holds is
    private: taggers add through its methods and read through its read-only views; `snapshot` freezes it."""

    def __init__(self, catalog: Catalog, prefix: str, path: str, *, remarks: Iterable[str] = (),
                 printed_dates: frozenset = frozenset(), report_end: date | None = None):
        self.catalog = catalog
        self.prefix = prefix
        self.path = path
        self._extensions: dict[str, Concept] = {}
        self._facts: dict[FactKey, Fact] = {}
        # the statement being built: its columns of segments or of fair-value levels, each one's (axis, member)
        self._column_members: dict[int, tuple[str, str]] = {}
        self._price_items: list[tuple[str, str]] = []  # the line being built: prices written beside its counts
        # by note: the sets of members whose totals the statements confirmed as the company's figures
        self._whole_sets: dict[str, set[frozenset[str]]] = {}
        # extensions made for lines, by meaning; the periods each one's lines take
        self._by_meaning: dict[tuple, list[Concept]] = {}
        self._claimed: dict[str, dict[Period, frozenset]] = {}
        self._networks: list[ReportNetwork] = []  # as handed over: frozen
        self._checks: list[Check] = []
        self._untagged: list[Untagged] = []
        self._rows: list[ReportRow] = []  # report: every source row and its decision
        self._labels: dict[str, dict[str, str]] = {}  # concept → {role: text}
        self._remarks: list[str] = list(remarks)  # conversion remarks
        self._mixed: set[tuple] = set()  # facts of rows printed with both signs
        self._printed_dates = printed_dates  # periods.PrintedDates of the filing, for periods read from prose
        self._conflicts: list[tuple[Fact, str]] = []  # (a second reading of a written figure, its statement title)
        self._report_end = report_end  # the report's period end: a column ending well after it is a future year

    # ----- what tagging made: added through these methods, read through the views below -----------------------
    def add_network(self, net: Network) -> None:
        """A network the tagger is done with: kept frozen (what it does to `net` afterwards is not seen)."""
        self._networks.append(net.frozen())

    def add_check(self, check: Check) -> None:
        self._checks.append(check)

    def add_row(self, entry: ReportRow) -> None:
        """A source row and its decision, for the report (`record` adds those of the facts it records)."""
        self._rows.append(entry)

    def record_untagged(self, figure: Untagged) -> None:
        """A printed figure no fact is written for, and why."""
        self._untagged.append(figure)

    def remark(self, text: str) -> None:
        """A conversion remark, for the report."""
        self._remarks.append(text)

    @property
    def facts(self) -> Mapping[FactKey, Fact]:
        return MappingProxyType(self._facts)

    @property
    def extensions(self) -> Mapping[str, Concept]:
        return MappingProxyType(self._extensions)

    @property
    def networks(self) -> tuple[ReportNetwork, ...]:
        return tuple(self._networks)

    @property
    def rows(self) -> tuple[ReportRow, ...]:
        return tuple(self._rows)

    @property
    def untagged(self) -> tuple[Untagged, ...]:
        return tuple(self._untagged)

    @property
    def checks(self) -> tuple[Check, ...]:
        return tuple(self._checks)

    @property
    def remarks(self) -> tuple[str, ...]:
        return tuple(self._remarks)

    @property
    def printed_dates(self) -> frozenset:
        return self._printed_dates

    @property
    def report_end(self) -> date | None:
        return self._report_end

    # ----- concepts -------------------------------------------------------------------------------------------
    def concept(self, qname: str) -> Concept:
        if qname in self._extensions:
            return self._extensions[qname]
        return self.catalog.get(qname)

    def own_member(self, words: str) -> str:
        """The filer's own member these words name, made the first time they are asked for."""
        return (self._extensions.get(f"{self.prefix}:{camel(words)}Member") or
                self.new_extension(words, "domain", "duration", abstract=True, suffix="Member", type_="domain")).qname

    def new_extension(self, label: str, kind: str, period: str, balance: str = "", abstract: bool = False,
                      suffix: str = "", type_: str | None = None) -> Concept:
        names, next_of = self._names(), self.__dict__.setdefault("_next_of", {})
        if suffix == "Member":
            # a member lives in the filer's namespace beside the standard ones: only the filer's own names are taken
            # (Apple's Americas segment is apple:AmericasMember, whatever srt calls its own region)
            names = {c.name for c in self._extensions.values()}
        name = extension_name(label, kind, names, next_of) if not suffix else \
            self._unique(camel(label) + suffix, names, next_of if suffix != "Member" else None)
        c = Concept(prefix=self.prefix, name=name, type=type_ or ("string" if abstract else kind),
                    substitution="item", period=period, balance=balance if kind == "monetary" and not abstract else "",
                    abstract=abstract, label=" ".join(label.split()) or name, statements=(), aliases=(),
                    extension=True)
        self._extensions[c.qname] = c
        if suffix != "Member":  # (the filer's own names alone are no cache of every name taken)
            names.add(c.name)
            self._taken = (len(self._extensions), names)
        return c

    def _names(self) -> set[str]:
        """Every concept name taken (the catalog's and the extensions'), kept up to date as extensions are added."""
        cached = getattr(self, "_taken", None)
        if cached is None or cached[0] != len(self._extensions):  # (extensions also added or removed elsewhere)
            cached = (len(self._extensions), {c.name for c in self._extensions.values()} | set(self.catalog.by_name))
        self._taken = cached
        return cached[1]

    @staticmethod
    def _unique(base: str, names: set[str], next_of: dict[str, int] | None = None) -> str:
        name, n = base, (next_of or {}).get(base, 2)
        while name in names:
            name, n = f"{base}{n}", n + 1
        if next_of is not None and name != base:
            next_of[base] = n
        return name

    def label_for(self, qname: str, text: str, preferred: str = "terseLabel") -> str:
        """The label role under which `text` is stored for a concept (one text per role)."""
        text = " ".join(text.split())
        roles = self._labels.setdefault(qname, {})
        order = [preferred, "terseLabel", "verboseLabel", "totalLabel", "periodStartLabel", "periodEndLabel",
                 "positiveLabel", "negativeLabel", "positiveTerseLabel", "negativeTerseLabel", "positiveVerboseLabel",
                 "negativeVerboseLabel", "zeroLabel"]
        for role in order:
            if roles.get(role) == text:
                return role
        for role in order:
            if role not in roles:
                roles[role] = text
                return role
        return preferred

    # ----- facts ----------------------------------------------------------------------------------------------
    def add_fact(self, fact: Fact) -> RowStatus:
        """Record a fact; added, duplicate (same value already there), conflict or bad-period."""
        period = fact.context.period
        if period.start is not None and period.start > period.end:
            # Out-of-order dated rows (a statement continued across pages, a typo in a year) give a period that
            # ends before it starts; Arelle rejects such a context, so the fact is reported instead.
            return RowStatus.BAD_PERIOD
        key = (fact.concept, fact.context, fact.unit)
        old = self._facts.get(key)
        if old is None:
            self._facts[key] = fact
            return RowStatus.ADDED
        if _same_value(old, fact):
            return RowStatus.DUPLICATE
        return RowStatus.CONFLICT

    def value_of(self, qname: str, ctx: Context, unit: str | None) -> Fact | None:
        return self._facts.get((qname, ctx, unit))

    def snapshot(self) -> Tagged:
        """What tagging made, frozen: taken once tagging is done (`finish` reads the builder no further)."""
        return Tagged(prefix=self.prefix, path=self.path, catalog=self.catalog,
                      extensions=MappingProxyType(dict(self._extensions)),
                      labels=MappingProxyType({q: MappingProxyType(dict(r)) for q, r in self._labels.items()}),
                      facts=self._facts, networks=tuple(self._networks), rows=tuple(self._rows),
                      untagged=tuple(self._untagged), checks=tuple(self._checks), remarks=tuple(self._remarks),
                      conflicts=tuple(self._conflicts), mixed=frozenset(self._mixed), report_end=self._report_end)

    # ----- generic statements ---------------------------------------------------------------------------------
    def build_statement(self, st: Statement, order: int, role_id: str, title: str,
                        group: str = "Statement", breakdown: "Breakdown | None" = None) -> Network:
        """The statement's network and facts. With a `breakdown` (a note table whose caption groups are members of
        an axis: segments), each group's rows are mapped on their own and their facts carry the group's member."""
        rows = st.rows
        subtotals = find_subtotals(rows)
        lines = build_lines(st, subtotals)
        for ln in lines:
            if not ln.header and is_years_row(ln.row):
                ln.header = True  # the table's header printed again: its figures are years, not amounts
                self._untagged.extend(Untagged(f"{self.path}:{c.line or ln.row.line}", title, ln.row.label, c.text,
                                               "a line of years over the columns (the table's header printed "
                                               "again), not amounts") for c in ln.row.cells if c is not None)
        dims_of: dict[int, tuple[tuple[str, str], ...]] = {}
        # a note's title frames its rows ("Federal" in "Income Taxes"); a statement's title says nothing of a row
        around = re.sub(r"^Note\s+\S+\s+-\s+|\(Details\)$", "", title).strip() if group == "Disclosure" else ""
        # a row whose figures differ from those a statement reported under a concept is not that concept: the row
        # printing them takes it (Amazon's "Shares used in computation of ... loss per share", not the weighted
        # average shares before those subject to repurchase above it)
        compare = lambda ln, c: self._compare(ln, c, st)  # noqa: E731
        if breakdown is None:
            map_lines(lines, st, self.catalog, around=around, compare=compare)
            if group == "Disclosure":
                award_concepts(lines, st, self.catalog, around)
        else:
            for idx, dims in breakdown.groups:  # "Net sales" once a segment
                map_lines([lines[i] for i in idx], st, self.catalog, around=around, implied=breakdown.implied)
                dims_of.update((i, dims) for i in idx)
                for i in idx:  # a segment's figures say nothing of the period of the company's rows beside them
                    if lines[i].concept is not None:
                        lines[i].measure_period = lines[i].concept.period
            map_lines([ln for ln in lines if ln.index not in dims_of], st, self.catalog, around=around, compare=compare)
        shares_by_eps([ln for ln in lines if ln.index not in dims_of], st, self.catalog, self._reported,
                      lambda ln: self._scale(ln, st))
        runs = self._member_runs(lines, st, title, dims_of, breakdown)
        # facts of a member's context never meet the consolidated ones
        plain = [ln for ln in lines if ln.index not in dims_of]
        self._total_printed_elsewhere(plain, st)
        self._resolve_conflicts(plain, st)
        # a cash-flow subtotal's extension has no balance of its own: made first, the rows under it take their
        # balance from it rather than a guess (AIG's "Total adjustments" over its reserves)
        # elsewhere, under an official total, a subtotal is made before the rows it adds up, which take their
        # balance from it: made after them, it took theirs, guessed from their words (JPM's parent-company
        # "Dividends from subsidiaries", a debit by its first word, turned "Total income" and the income under it
        # negative under the net income). A tree with no official total keeps the rows first: its top takes their
        # balance (Ford's "Net property" from its land and buildings)
        extend_order = sorted(lines, key=lambda x: not x.children) if st.kind == "cash_flow" else \
            sorted(lines, key=lambda x: (0, _depth(x, lines)) if _official_above(x, lines) else (1, 0))
        for _ in range(4):
            for ln in extend_order:
                if not ln.header and ln.concept is None:
                    self.extend_line(ln, lines, st)
            decide_signs(lines, cash_top_signs(lines, st, self.catalog))
            _member_signs(lines, runs)
            if not self._resolve_conflicts(plain, st, signed=True):
                break
        net = Network(role_id=role_id, title=title, order=order, group=group)
        depth0 = 0
        member_label = lambda m, c: self.label_for(m, c, "terseLabel")  # noqa: E731
        members = [(r.axis, dims_of[k][0][1], r.member[1] if r.member else member_name(lines[k].row.label))
                   for r in runs for k in r.rows]
        column_axis, column_members = (SEGMENTS, {}) if breakdown is not None or runs else \
            self._column_segments(st, title)
        if breakdown is not None:
            depth0 = breakdown.open_network(self, net)
        elif runs:
            depth0 = open_hypercube(net, runs[0].axis, [], member_label)
        elif column_members:
            # one member per axis, however many periods print its column (a level under each year)
            captions: dict[str, str] = {}
            for m, caption in column_members.values():
                captions.setdefault(m, caption)
            depth0 = open_hypercube(net, column_axis, list(captions.items()), member_label)
        table_dims: tuple[tuple[str, str], ...] = ()
        if column_members and column_axis is FAIR_VALUE_LEVELS:
            frequency, caption = fair_value_frequency(" ".join([title] + [t.title for t in st.tables]))
            add_member(net, frequency, caption, member_label, FAIR_VALUE_FREQUENCY)
            table_dims = ((FAIR_VALUE_FREQUENCY.axis, frequency),)
        self._column_members = {k: (column_axis.axis, m) for k, (m, _) in column_members.items()}
        for axis, m, caption in members:
            add_member(net, m, caption, member_label, axis)
        open_captions: list[int] = []  # positions of the captions the current row sits under
        for ln in lines:
            if ln.header:
                c = self.new_extension(ln.row.label, "string", "duration", abstract=True, suffix="Abstract")
                net.items.append(PresItem(c.qname, depth0 + len(open_captions) + 1, ln.row.label, "label"))
                self._labels.setdefault(c.qname, {})
                if _opens_section(ln.row.label):
                    open_captions.append(ln.index)
                continue
            role = "periodStartLabel" if ln.instant_at == "start" else "periodEndLabel" if ln.instant_at == "end" \
                else "totalLabel" if ln.children else "terseLabel"
            role = self.label_for(ln.concept.qname, ln.row.label, role)
            net.items.append(PresItem(ln.concept.qname, depth0 + len(open_captions) + 1, ln.row.label, role))
            if ln.children:
                _close_sections(open_captions, lines, ln)  # the total is the section's last row
            dims = dims_of.get(ln.index, ()) + table_dims
            if (dims or column_members) and net.hypercube is not None:
                net.add_primary(ln.concept.qname)
            self._facts_for_line(ln, st, title, dims)
            for qname, label in self._price_items:  # the prices written beside the row's counts
                if all(it.concept != qname for it in net.items):
                    net.items.append(PresItem(qname, depth0 + len(open_captions) + 1, label,
                                              self.label_for(qname, label, "terseLabel")))
            self._price_items = []
        self._calcs(lines, st, net, title, {k for r in runs for k in r.rows})
        self._column_members = {}
        self.add_network(net)
        return net

    def _column_segments(self, st: Statement, title: str) -> tuple[Axis, dict[int, tuple[str, str]]]:
        """The axis and {column: (member, caption)} of a statement's columns of fair-value levels ("Quoted Prices
        in Active Markets (Level 1) | ... | Total"), each level's figures on the hierarchy axis; or of its columns
        of business segments printed for each period ("1993 Automotive | 1993 Financial Services | 1992 ..."; see
        `repeated_columns`): each column's facts are its segment's, on the segments axis. Segments only in the
        statements and in segment notes: elsewhere columns of that kind are plans, contract types or presentation
        bases no segment axis names, and stay untagged."""
        repeats = repeated_columns(st)
        levels = [k for k, v in repeats.items() if v == LEVEL_COLUMNS]
        if levels:
            return FAIR_VALUE_LEVELS, {k: (fair_value_level(st.columns[k].header), " ".join(st.columns[k].header.split()))
                                       for k in levels}
        if st.kind == "note" and not re.search(r"\bsegments?\b", title, re.I):
            return SEGMENTS, {}
        cols = [k for k, v in repeats.items() if v == SEGMENT_COLUMNS]
        if not cols:
            return SEGMENTS, {}
        by_period: dict = {}
        for k in sorted(cols):
            by_period.setdefault(st.columns[k].period, []).append(k)
        out: dict[int, tuple[str, str]] = {}
        for ks in by_period.values():
            for k, caption in zip(ks, _own_words([st.columns[k].header for k in ks], keep_case=True)):
                if _PLANS.search(caption):
                    return SEGMENTS, {}
                out[k] = (self._member(SEGMENTS, caption), caption)
        return SEGMENTS, out

    def _member_runs(self, lines: list[Line], st: Statement, title: str,
                     dims_of: dict[int, tuple[tuple[str, str], ...]], breakdown) -> "list[Run]":
        """Rows that name members (segments, areas, products) under the measure they divide take the measure's
        concept in a member's context (`members`); the runs kept, those of the axis most rows are members of first
        (the network's table opens with it; the others are added to the same table)."""
        reported = lambda total, concept: self._compare(total, concept, st) == "same"  # noqa: E731
        runs = [r for r in member_runs(lines, st, self.catalog, title, reported) if not set(r.rows) & set(dims_of)]
        if breakdown is not None and breakdown.axis.axis != "us-gaap:StatementBusinessSegmentsAxis":
            runs = []  # (the parent company's statements: their rows are the parent's line items)
        # the first axis of the network's table is the one most rows are members of
        by_axis = Counter(r.axis for r in runs for _ in r.rows)
        runs.sort(key=lambda r: (-by_axis[r.axis], r.axis.axis, min(r.rows)))
        if any(c.period is not None and not c.period.is_instant for c in st.columns):
            # a balance divided among segments under "Year Ended May 31, 2006" is held at the year's end
            for r in runs:
                if r.measure.period == "instant":
                    for k in r.rows + ((r.total,) if r.total is not None else ()):
                        lines[k].instant_at = lines[k].instant_at or "end"
        found = {id(r): self._compare(lines[r.total], r.measure, st) if r.total is not None else "" for r in runs}

        def names(r: "Run") -> frozenset[str]:
            return frozenset(member_name(lines[k].row.label).lower() for k in r.rows)
        # the same segments as a total the statements confirm add up to the company's figure of another measure
        # too (Boeing's depreciation by segment, which no statement prints as one figure)
        confirmed = self._whole_sets.setdefault(title, set())
        confirmed |= {names(r) for r in runs if found[id(r)] in ("same", "partly")}
        whole = [r for r in runs if r.total is None or _whole_of(found[id(r)], r.measure)
                 or (found[id(r)] == "unknown" and names(r) in confirmed and r.axis is not CONSOLIDATION)]
        # a total's reconciling items are the company's wherever its segments are
        wholes = {r.total for r in whole if r.axis is not CONSOLIDATION}
        whole = [r for r in whole if r.axis is not CONSOLIDATION] + \
            [r for r in runs if r.axis is CONSOLIDATION and r.total in wholes]
        for r in runs:
            if r not in whole:
                # not known to be the company's figure, its rows stay extensions; what they measure still says
                # whether a year-only column is the year or its end (depreciation of each segment: the year's)
                for k in r.rows + ((r.total,) if r.total is not None else ()):
                    lines[k].measure_period = r.measure.period
        runs = whole
        taken: set[tuple] = set()  # (total, axis, member): one figure of a member under one total
        for r in runs:
            for k in r.rows:
                ln = lines[k]
                name = r.member[1] if r.member else member_name(ln.row.label)
                member = r.member[0] if r.member else self._member(r.axis, name)
                if r.total is not None and (r.total, r.axis.axis, member) in taken:
                    # a second corporate row under the total ("Corporate", then "Unallocated"): its own member
                    name = member_name(ln.row.label)
                    member = self.own_member(name)
                taken.add((r.total, r.axis.axis, member))
                ln.concept, ln.score = r.measure, round(min(r.score, 1.0), 3)
                ln.measure_period = r.measure.period
                ln.reason = (f"a member ({name}) of {r.axis.axis}: the row names no line item but a part of "
                             f"{r.measure.qname}, named by {r.why}")
                dims_of[k] = ((r.axis.axis, member),)
            # (the total of stock-based compensation by line is the compensation allocated, whatever the mapper
            # read its words as: "Total stock-based compensation expense" is no cash-flow add-back there)
            if r.total is not None and (lines[r.total].concept is None or not lines[r.total].row.label.strip()
                                        or r.axis is REPORT_LINES):
                lines[r.total].concept, lines[r.total].score = r.measure, round(min(r.score, 1.0), 3)
                lines[r.total].reason = f"the total of the members under it: {r.measure.qname}, named by {r.why}"
        if runs and SEGMENT_NOTE.search(title):
            # "Consolidated assets" below the segments' and the corporate assets: the company's, with no member
            for ln in lines:
                if ln.concept is None and not ln.header and ln.kind == "monetary" and ln.index not in dims_of:
                    found = consolidated_measure(ln.row.label, st, self.catalog)
                    if found is not None and self._compare(ln, found[0], st) in ("same", "partly"):
                        ln.concept, ln.score = found[0], round(min(found[1], 1.0), 3)
                        ln.measure_period = found[0].period
                        ln.reason = f"the company's whole {found[0].qname}: the statements report the same figures"
        return runs

    def _reported(self, name: str, period: Period, unit: str) -> Decimal | None:
        """The value reported under the US-GAAP concept `name` for the period, with no dimension."""
        fact = self.value_of(f"us-gaap:{name}", Context(period), unit)
        return Decimal(fact.value) if fact is not None else None

    def _repeated(self, st: Statement) -> dict[int, int]:
        """`repeated_columns(st)`, read once per statement (its headers), not once per line."""
        key = (id(st), len(st.rows))
        repeats = self.__dict__.setdefault("_repeats", {}).get(key)
        if repeats is None:
            repeats = self._repeats[key] = repeated_columns(st)
        return repeats

    def _compare(self, total: Line, measure: Concept, st: Statement) -> str:
        """How the total's figures stand to those already reported under the measure with no dimension: "same"
        (every one reported, at the precision printed), "differs" (one differs), "partly" (those reported agree,
        others are not reported: a balance sheet prints two year ends of a segment table's three), "unknown" (none
        reported)."""
        seen, missing = 0, 0
        repeats = self._repeated(st)
        for k, col in enumerate(st.columns):
            cell = total.row.cells[k] if k < len(total.row.cells) else None
            if cell is None or cell.percent or col.period is None or k in repeats:
                continue  # (a column of another segment or measure of the period is no figure of the company's)
            period = col.year_period if (measure.period == "duration" or total.instant_at == "start") and \
                col.year_period is not None and col.period.is_instant else col.period
            # (the period its fact would take: an opening balance's is the day before the column's period)
            period = self._period(total, period)
            old = self.value_of(measure.qname, Context(period), UNITS[total.kind])
            if old is None:
                missing += 1
                continue
            mine = abs(cell.value * self._scale(total, st))
            places = self.decimals(total.kind, cell.places, self._power(total, st))
            if not agree_at_precision(abs(Decimal(old.value)), old.decimals, mine, places):
                return "differs"
            seen += 1
        return "same" if seen and not missing else "partly" if seen else "unknown"

    def _member(self, axis: "Axis", name: str) -> str:
        """The axis's standard member of that name (srt's "Europe"), else the filer's own."""
        return standard_member(self.catalog, axis.axis, name) or self.own_member(name)

    def _resolve_conflicts(self, lines: list[Line], st: Statement, signed: bool = False) -> bool:
        """A concept already reported with another value for the same period cannot be reused: the row gets an
        extension instead. Unsigned before the signs are known (any other magnitude), signed after (so that every
        calculation holds with the facts as written)."""
        found = False
        repeats = repeated_columns(st)
        for ln in lines:
            if ln.header or ln.concept is None or (signed and ln.concept.extension):
                continue
            for k, col in enumerate(st.columns):
                cell = ln.row.cells[k] if k < len(ln.row.cells) else None
                period = self._period(ln, column_period(ln, col))
                if cell is None or period is None or cell.percent or k in repeats:
                    continue
                old = self.value_of(ln.concept.qname, Context(period), UNITS[ln.kind])
                if old is None:
                    continue
                mine = cell.value * self._scale(ln, st)
                places = self.decimals(ln.kind, cell.places, self._power(ln, st))
                if agree_at_precision(abs(Decimal(old.value)), old.decimals, abs(mine), places) and \
                        (not signed or (Decimal(old.value) < 0) == (ln.sign * mine < 0) or not mine):
                    continue  # the same figure, perhaps printed with more or fewer places
                if signed and Decimal(old.value) != ln.sign * mine:
                    ln.reason = (f"{ln.concept.qname} already holds {old.value} for {period} ({old.source}); "
                                 f"here the sum printed in the statement needs the opposite sign")
                elif not signed and abs(Decimal(old.value)) != abs(mine):
                    ln.reason = f"{ln.concept.qname} already holds {old.value} for {period} ({old.source})"
                else:
                    continue
                ln.concept = self._printed_elsewhere(ln, lines, st) if not signed else None
                if ln.concept is not None:
                    ln.reason = (f"{ln.concept.qname} holds this figure where the statements print it; "
                                 f"the row's first reading was taken")
                found = True
                break
        return found

    def _total_printed_elsewhere(self, lines: list[Line], st: Statement) -> None:
        """A note's total that repeats a figure the statements print takes the statement's concept, also where a
        row it adds up took that concept first by its words ("Total other non-current assets" over "Other
        non-current assets": the balance sheet's OtherAssetsNoncurrent is the total's); that row, left without a
        concept, is given an extension. A total whose own concept already holds its figure keeps it."""
        if st.kind != "note":
            return
        by_index = {ln.index: ln for ln in lines}
        for ln in lines:
            if ln.header or not ln.children or self._holds_own_figure(ln, st):
                continue
            under = [by_index[k] for k in _descendants(ln, by_index)]
            below = {x.index for x in under}  # by index: lines are dataclasses, == compares every field
            held_elsewhere = {x.concept.qname for x in lines if x is not ln and x.index not in below and x.concept}
            c = self._printed_elsewhere(ln, lines, st,
                                        free={k.concept.qname for k in under if k.concept} - held_elsewhere)
            if c is None or c is ln.concept:
                continue
            for k in under:
                if k.concept is c:
                    k.concept, k.score = None, 0.0
                    k.reason = f"{c.qname} is the figure of the total above it, where the statements print it"
            ln.concept = c
            ln.reason = f"{c.qname} holds this figure where the statements print it"

    def _holds_own_figure(self, ln: Line, st: Statement) -> bool:
        """Whether the line's concept already holds the line's own figure for one of its periods (a concept that
        holds another figure conflicts and is given up anyway)."""
        if ln.concept is None or ln.concept.extension:
            return False
        for k, col in enumerate(st.columns):
            cell = ln.row.cells[k] if k < len(ln.row.cells) else None
            period = self._period(ln, column_period(ln, col))
            if cell is None or period is None or cell.percent:
                continue
            old = self.value_of(ln.concept.qname, Context(period), UNITS[ln.kind])
            if old is not None and abs(Decimal(old.value)) == abs(cell.value * self._scale(ln, st)):
                return True
        return False

    def _printed_elsewhere(self, ln: Line, lines: list[Line], st: Statement,
                           free: "set[str] | frozenset[str]" = frozenset()) -> "Concept | None":
        """A note row whose concept already holds another figure may repeat a figure a statement printed: the
        runner-up (close in words) that holds exactly the row's figures for every period it has, none of them 0
        ("Total other current assets" in a note of balance sheet details is the balance sheet's OtherAssetsCurrent),
        and that no other row of this table holds."""
        if st.kind != "note":
            return None
        mine = {ln2.concept.qname for ln2 in lines if ln2 is not ln and ln2.concept is not None} - set(free)
        for qname, score in ln.alternatives:
            c = self.catalog.concepts.get(qname)
            if c is None or qname in mine or score < THRESHOLD:
                continue
            seen = 0
            for k, col in enumerate(st.columns):
                cell = ln.row.cells[k] if k < len(ln.row.cells) else None
                period = self._period(ln, column_period(ln, col))
                if cell is None or period is None or cell.percent:
                    continue
                old = self.value_of(qname, Context(period), UNITS[ln.kind])
                value = abs(cell.value * self._scale(ln, st))
                if old is None or not value or abs(Decimal(old.value)) != value:
                    seen = -1
                    break
                seen += 1
            if seen > 0:
                ln.score = round(min(score, 1.0), 3)
                return c
        return None

    def record(self, fact: Fact, row_label: str, column: int | None, *, dims=(), reason: str = "",
               alternatives=(), note: str = "") -> RowStatus:
        """Add a fact, log its source row in the report, and list it as not tagged when it conflicts."""
        status = self.add_fact(fact)
        # (an axis named twice keeps its last member, as the report's mapping of axes to members always did)
        self._rows.append(ReportRow(
            source=fact.source, statement=fact.statement, row=" ".join(row_label.split()), column=column,
            printed=fact.printed, concept=fact.concept, value=fact.value, period=str(fact.context.period),
            dimensions=tuple({a: m for a, m in dims}.items()), unit=fact.unit, decimals=fact.decimals,
            sign=fact.sign, confidence=fact.confidence, status=status,
            extension_reason=reason if fact.extension else "", alternatives=tuple(alternatives), note=note))
        if status == RowStatus.BAD_PERIOD:
            self.record_untagged(Untagged(fact.source, fact.statement, row_label, fact.printed,
                                          f"its period would end before it starts ({fact.context.period}); the "
                                          "dated rows or headers around it are out of order"))
        if status == RowStatus.CONFLICT:
            self._conflicts.append((fact, fact.statement))
            old = self.value_of(fact.concept, fact.context, fact.unit)
            self.record_untagged(Untagged(fact.source, fact.statement, row_label, fact.printed,
                                          f"{fact.concept} already holds {old.value} for {fact.context.period} "
                                          f"({old.source})"))
        return status

    def extend_line(self, ln: Line, lines: list[Line], st: Statement, periods: "frozenset[Period] | None" = None) -> None:
        """Give a line no US-GAAP concept fits a company extension concept (its type, period type and balance from
        the line and the total it is printed under), with the reason and the closest candidates. `periods`: the
        periods its facts take (from its columns when not given).

        One extension per meaning: a line worded as an earlier extended one, of the same type, period type and
        balance, whose periods that extension does not hold yet, takes it ("Common stock purchased and retired" in
        each year of an equity statement is one concept, not three). A label of a word or two of little meaning
        ("Other", "Total", "International") is one meaning only under the same caption of the same statement."""
        # a row that moves a balance between its beginning and its end is a flow, whatever its neighbours are
        period = "duration" if ln.rolled and line_period_type(ln, st) == "duration" else \
            neighbour_period(ln, lines, st) or nearest_period_type(ln, st) or group_period_type(ln, lines, st) or \
            table_period_type(ln, lines, st) or line_period_type(ln, st)
        balance = ""
        if ln.kind == "monetary":
            printed = [c.value for c in ln.row.cells if c is not None and c.value]
            negative = printed and sum(1 for v in printed if v < 0) > len(printed) / 2
            both = any(v < 0 for v in printed) and any(v > 0 for v in printed)
            if both and st.kind == "cash_flow":
                # a line printed with both signs ("Change in commercial paper" (485), 3,755) goes either way: no
                # balance, its printed signs stand (a balance from the majority of its signs would turn them)
                balance = ""
            elif ln.children and st.kind == "cash_flow":
                # a cash-flow subtotal, like the official ones, has no balance: one taken from the printed signs
                # ("Total cash generated by (used for)", negative two years of three, under the ending cash)
                # would turn the sections it adds up the other way
                balance = ""
            elif not ln.children and (first := _named_first(ln.row.label)):
                balance = first
            elif ln.parent is not None and lines[ln.parent].concept is not None:
                parent = lines[ln.parent].concept
                s = next(s for k, s in lines[ln.parent].children if k == ln.index)
                # a row printed with both signs keeps them (Boeing's state taxes (32), (78), 80 are a cost that
                # went both ways); one printed negative throughout is taken away from its total, unless the total
                # is printed negative too (Nike's deferred tax assets, all in parentheses: each moves with them)
                # (of a total that is never negative: a net cash flow or an income printed negative is one)
                sums = [c.value for c in lines[ln.parent].row.cells if c is not None and c.value]
                total_negative = one_way(parent) and sums and \
                    sum(1 for v in sums if v < 0) > len(sums) / 2
                w = s * (-1 if negative and not both and not total_negative else 1)
                if parent.balance:
                    balance = parent.balance if w == 1 else ("credit" if parent.balance == "debit" else "debit")
                else:
                    balance = "debit" if w == 1 else "credit"
            elif ln.children:
                kid = next((lines[k].concept for k, _ in ln.children if lines[k].concept is not None), None)
                balance = kid.balance if kid is not None and kid.balance else "credit"
                # a row that is never negative, added the way no total of this balance could add it ("Net loss,
                # as reported" plus the stock compensation expense: a pro forma net loss) makes the sum one of no
                # balance, as on the cash-flow statement: its meaning and the printed sum both stand
                flows = period == "duration" or any(lines[k].concept is not None and not lines[k].concept.extension
                                                    and lines[k].concept.period == "duration" for k, _ in ln.children)
                if flows and any(self._needs_negative(lines[k], s, balance) for k, s in ln.children):
                    balance = ""  # (a sum of balances keeps one: "Net deferred tax liability" is a liability)
            elif ln.rolled and (opening := _opening_balance(ln, lines)):
                # a movement of a roll-forward printed as it adds to the balance (charges 290, payments (53)):
                # the opening balance's direction when printed positive, the other one when taken away
                balance = opening if not negative or both else ("credit" if opening == "debit" else "debit")
            elif not negative and (twin := _added_beside(ln, lines)) is not None:
                # printed positive and added up, with the same sign, with an official row whose total has no concept
                # yet: the same balance ("Provision for social security and other taxes" beside the provision for
                # income taxes; a "Deduct: ... (28)" keeps its words' balance)
                balance = twin
            else:
                side = SIDE_CAPTION.fullmatch((ln.context_label or "").strip())
                # under "Assets:" or "Liabilities:", the caption says which side the row is on
                balance = ("debit" if side.group(1).lower().startswith("asset") else "credit") if side else \
                    "credit" if period == "instant" and _CONTRA_WORDS.match(ln.row.label) else \
                    "debit" if _DEBIT_WORDS.search(ln.row.label) else "credit"
        label = ln.row.label if core_label(ln.row.label) else \
            (f"{ln.context_label} subtotal" if ln.context_label else "Subtotal")
        if ln.dated is not None and ln.dated.start is None:
            # "Balance, December 31, 2000" and "Balance, June 30, 2001": one balance at two dates, one concept
            label = _undated(label)
        amounts = self._line_amounts(ln, st, periods, period)
        key = self._meaning(label, ln, st, period, balance)
        ln.concept = next((c for c in self._by_meaning.get(key, ()) if self._agrees(self._claimed[c.qname], amounts)),
                          None) if amounts else None
        if ln.concept is None:
            ln.concept = self.new_extension(label, ln.kind, period, balance)
            self._by_meaning.setdefault(key, []).append(ln.concept)
        claimed = self._claimed.setdefault(ln.concept.qname, {})
        for p, values in amounts.items():
            claimed[p] = claimed.get(p, frozenset()) | values
        ln.score = 0.0
        if not ln.reason:
            best = ln.alternatives[0] if ln.alternatives else None
            ln.reason = ("no US-GAAP concept fits" + (f" (best: {best[0]} at {best[1]})" if best else ""))

    @staticmethod
    def _scale(ln: Line, st: Statement) -> Decimal:
        return Decimal(10) ** Builder._power(ln, st)

    @staticmethod
    def _power(ln: Line, st: Statement) -> int:
        """The power of ten of a row's numbers: the row's own "(in thousands)" over the statement's scale."""
        if ln.kind == "perShare":
            return 0
        own = row_scale(ln.row.label)
        if own is None and ln.context_label:
            own = row_scale(ln.context_label)  # "Numerator (in millions):" over the rows it scales
        if own is not None:
            return own
        if ln.kind == "monetary" and st.scale_exceptions:
            # "(in thousands, except net income in millions ...)": the row the exception names
            said = set(tokens(ln.row.label))
            own = next((p for what, p in st.scale_exceptions if (words := set(tokens(what))) and words <= said), None)
            if own is not None:
                return own
        if ln.kind == "shares":
            # "OPTIONS (IN 000'S)", "Shares (millions)": the count columns' own scale, where they print one
            heads = {row_scale(c.header) for c in st.columns if column_measure(c.header) == "count"} - {None}
            if len(heads) == 1:
                return heads.pop()
        return st.scale if ln.kind == "monetary" else st.share_scale

    def _line_amounts(self, ln: Line, st: Statement, periods: "frozenset[Period] | None",
                      period_type: str = "") -> dict[Period, frozenset]:
        """The magnitudes the line prints for each period its amounts take (by its columns, or all in the one
        period given; under a year-only note column, the year for a line of `period_type` duration)."""
        out: dict[Period, set] = {}
        scale = self._scale(ln, st)
        for k, cell in enumerate(ln.row.cells):
            if cell is None:
                continue
            if periods is not None:
                if len(periods) != 1:
                    return {}
                period = next(iter(periods))
            elif k < len(st.columns):
                col = st.columns[k]
                period = self._period(ln, col.year_period if period_type == "duration" and col.year_period is not None
                                      and col.period is not None and col.period.is_instant else column_period(ln, col))
            else:
                period = None
            if period is not None:
                out.setdefault(period, set()).add(abs(cell.value * scale))
        return {p: frozenset(v) for p, v in out.items()}

    @staticmethod
    def _needs_negative(kid: Line, printed_sign: int, balance: str) -> bool:
        """Whether an official row that is never negative would have to be, added into a total of `balance` as
        printed (its weight from the two balances)."""
        c = kid.concept
        if c is None or c.extension or not c.balance or not never_negative(c) or DEDUCTED.match(kid.row.label):
            return False  # ("Less current portion": the same balance taken away, which the signs allow for)
        weight = 1 if c.balance == balance else -1
        values = [cell.value for cell in kid.row.cells if cell is not None and cell.value]
        return bool(values) and sum(1 for v in values if v * printed_sign * weight < 0) > len(values) / 2

    @staticmethod
    def _agrees(claimed: dict[Period, frozenset], amounts: dict[Period, frozenset]) -> bool:
        """An extension can take the line when it holds none of the line's periods yet, or the same figures at
        the dates of balances it holds: a note that prints a balance-sheet line again ("Mortgage servicing rights"
        among the intangible assets) prints the same fact, not a second concept. (A flow printed twice may be a
        movement of two different balances, its signs decided after this by each one's direction: the same
        figures would then make two facts that contradict each other. Zeros agree with any zeros: two unrelated
        empty totals are no one balance.)"""
        return all(p not in claimed or (p.is_instant and claimed[p] == values and any(values))
                   for p, values in amounts.items())

    @staticmethod
    def _meaning(label: str, ln: Line, st: Statement, period: str, balance: str) -> tuple:
        words = [w for w in tokens(core_label(label) or label) if w not in WEAK]
        # a cash-flow line is a cash flow: "Trading assets" there is the change in them, in a note of interest
        # income by source the interest they earned, though both are the year's
        scope = (st.kind == "cash_flow",) if len(words) >= 2 else (st.title, ln.context_label)
        return (" ".join(label.lower().split()), ln.kind, period, balance, scope)

    @staticmethod
    def _period(ln: Line, period: Period | None) -> Period | None:
        if ln.dated is not None and period is not None:
            return ln.dated  # a roll-forward dated by its rows' own labels
        if period is None:
            return None
        if ln.instant_at == "start" and period.start is not None:
            return Period(end=period.start - timedelta(days=1))
        if ln.instant_at == "end":
            return Period(end=period.end)
        return period

    def decimals(self, kind: str, places: int, scale: int) -> str:
        if kind == "perShare":
            return str(places)
        return str(places - scale) if places or scale else "0"

    def _facts_for_line(self, ln: Line, st: Statement, title: str,
                        dims: tuple[tuple[str, str], ...] = ()) -> None:
        key = (id(st), len(st.rows))
        rates = self.__dict__.setdefault("_rates", {}).get(key)
        if rates is None:  # once per statement, not per line
            rates = self._rates[key] = rate_cells(st)
        repeats = self._repeated(st)
        printed = [c.value for c in ln.row.cells if c is not None and c.value]
        mixed = any(v < 0 for v in printed) and any(v > 0 for v in printed)
        for k, col in enumerate(st.columns):
            cell = ln.row.cells[k] if k < len(ln.row.cells) else None
            if cell is None:
                continue
            period = self._period(ln, column_period(ln, col))
            src = f"{self.path}:{cell.line or ln.row.line}"
            if cell.percent or (ln.index, k) in rates:
                self.record_untagged(Untagged(src, title, ln.row.label, cell.text,
                                              "a percentage (rates are not tagged)" if cell.percent else
                                              "a percentage: between rates printed with % in its column "
                                              "(rates are not tagged)"))
                continue
            what = _not_an_amount(ln)
            measure = column_measure(col.header) if ln.kind in ("monetary", "shares") else ""
            # an option count's weighted-average exercise price beside it takes the price the taxonomy pairs with it
            price = award_price(self.catalog, ln.concept, col.header) if measure == "price" and \
                ln.kind == "shares" else None
            concept, kind = (price, "perShare") if price is not None else (ln.concept, ln.kind)
            if measure in ("price", "not money") and price is None:
                self.record_untagged(Untagged(src, title, ln.row.label, cell.text,
                                              f"column {k + 1} ({col.header!r}) holds "
                                              f"{'prices per share' if measure == 'price' else 'years, rates or ratios'}"
                                              ", not amounts of dollars or counts of shares: not tagged"))
                continue
            if measure == "count" and ln.kind == "monetary" and st.kind == "note":
                self.record_untagged(Untagged(src, title, ln.row.label, cell.text,
                                              f"column {k + 1} ({col.header!r}) counts shares or options, and "
                                              "the row was read as an amount of dollars: not tagged"))
                continue
            if what:
                self.record_untagged(Untagged(src, title, ln.row.label, cell.text,
                                              f"the words of the row or its caption ({what!r}) say it is not an amount of dollars or a count: "
                                              "years, ratios, rates and prices are not tagged"))
                continue
            column_member = self._column_members.get(k) if repeats.get(k) in (SEGMENT_COLUMNS, LEVEL_COLUMNS) \
                else None
            if k in repeats and column_member is None and price is None:
                self.record_untagged(Untagged(src, title, ln.row.label, cell.text,
                                              f"column {k + 1} ({col.header!r}) is one of the segments printed "
                                              "for each period, none of them the company's total: segments are "
                                              "not tagged without a dimension" if repeats[k] == SEGMENT_COLUMNS
                                              else f"column {k + 1} ({col.header!r}) is one of several columns of "
                                              "amounts of its period that differ by what they measure; the row "
                                              "does not say which it names" if repeats[k] == UNTOLD_COLUMNS
                                              else f"column {k + 1} ({col.header!r}) repeats the period of column "
                                              f"{repeats[k] + 1}; columns that differ by segment or measure "
                                              "are not told apart"))
                continue
            if period is None:
                self.record_untagged(Untagged(src, title, ln.row.label, cell.text,
                                              f"column {k + 1} has no period in its header ({col.header!r})"))
                continue
            if self.report_end is not None and period.end > self.report_end + timedelta(days=FUTURE_DAYS):
                self.record_untagged(Untagged(src, title, ln.row.label, cell.text,
                                              f"column {k + 1} ({col.header!r}) ends {period.end}, after the "
                                              f"report's period ({self.report_end}): an amount due in a future "
                                              "year (a schedule of payments), not a fact of a period"))
                continue
            if period.is_instant != (concept.period == "instant"):
                self.record_untagged(Untagged(src, title, ln.row.label, cell.text,
                                              f"column {k + 1} ({col.header!r}) is {'an instant' if period.is_instant else 'a duration'}"
                                              f" but the row's concept {concept.qname} is not"))
                continue
            scale = 0 if price is not None else self._power(ln, st)
            # (a price is a price: never below zero, whatever sign the count beside it takes)
            value = abs(cell.value) if price is not None else ln.sign * cell.value * (Decimal(10) ** scale)
            cell_dims = dims + (column_member,) if column_member else dims
            fact = Fact(concept=concept.qname, context=Context(period, cell_dims), value=_fmt(value),
                        unit=UNITS[kind], decimals=self.decimals(kind, cell.places, scale),
                        source=src, statement=title, row_label=ln.row.label, printed=cell.text,
                        start=cell.start, end=cell.end,
                        sign="as printed" if price is not None else _sign_words(ln, cell.value),
                        confidence=ln.score, extension=concept.extension)
            reason = f"{col.header.strip()!r}: the exercise price the taxonomy pairs with {ln.concept.qname}" \
                if price is not None else ln.reason
            if self.record(fact, ln.row.label, k + 1, dims=cell_dims, reason=reason,
                           alternatives=[] if price is not None else ln.alternatives) == RowStatus.ADDED:
                if price is not None:
                    self._price_items.append((price.qname, f"{ln.row.label.strip()} - weighted-average exercise price"))
                elif mixed:
                    self._mixed.add((fact.concept, fact.context, fact.unit))

    def _calcs(self, lines: list[Line], st: Statement, net: Network, title: str, members: set[int]) -> None:
        for ln in lines:
            if not ln.children or ln.concept is None:
                continue
            kids = [(lines[k].concept.qname, lines[k].weight) for k, _ in ln.children if lines[k].concept is not None]
            same_period = all((lines[k].instant_at or "") == (ln.instant_at or "") for k, _ in ln.children)
            types_ok = all(lines[k].kind == ln.kind for k, _ in ln.children)
            cut = [lines[k] for k, _ in ln.children if lines[k].cut]
            of_members = any(k in members for k, _ in ln.children)
            in_link = same_period and types_ok and not cut and not of_members
            if in_link and all(parent != ln.concept.qname for parent, _ in net.calcs):
                # one set of summation items per total in a network: a segment note prints "Gross profit" over
                # the same two rows once per segment (the facts of each segment are in its own context)
                net.calcs.append((ln.concept.qname, kids))
            for k, col in enumerate(st.columns):
                total = ln.row.cells[k] if k < len(ln.row.cells) else None
                if total is None or total.percent:
                    continue
                acc = sum((s * (lines[j].row.cells[k].value if lines[j].row.cells[k] is not None else 0))
                          for j, s in ln.children)
                self._checks.append(Check(
                    statement=title, row=" ".join(ln.row.label.split()), line=ln.row.line, column=col.header,
                    expected=str(total.value), computed=str(acc), ok=acc == total.value, in_calc_link=in_link,
                    note="" if in_link else (
                        "adds up members of an axis (each in its own context): checked here, not in the "
                        "calculation link" if of_members else
                        f"{cut[0].concept.qname if cut[0].concept else cut[0].row.label} cannot be negative, but "
                        "this sum would need it so: checked here, not in the calculation link" if cut else
                        "rolls a balance forward across instants: checked here, not in the calculation link"),
                    ))


def _named_first(label: str) -> str:
    """"credit" for a row named gain or income first and the other way in parentheses, "debit" for one named loss
    or expense first, else ""."""
    credit, debit = _CREDIT_FIRST.search(label), _DEBIT_FIRST.search(label)
    if credit and (not debit or credit.start() < debit.start()):
        return "credit"
    return "debit" if debit else ""


def _printed_negative(ln: Line) -> bool:
    """Most of the row's printed figures are negative."""
    printed = [c.value for c in ln.row.cells if c is not None and c.value]
    return bool(printed) and sum(1 for v in printed if v < 0) > len(printed) / 2


def _printed_sign(ln: Line) -> int:
    """1 when every figure the row prints is positive, -1 when every one is negative, else 0."""
    printed = [c.value for c in ln.row.cells if c is not None and c.value]
    if printed and all(v > 0 for v in printed):
        return 1
    if printed and all(v < 0 for v in printed):
        return -1
    return 0


def _added_beside(ln: Line, lines: list[Line]) -> str | None:
    """The balance most official rows printed with the same sign as `ln` under the same total have (a liability's
    concept among the assets, "Commercial paper" held, does not turn the securities beside it)."""
    if ln.parent is None or not 0 <= ln.parent < len(lines):
        return None
    kids = lines[ln.parent].children
    mine = next((s for k, s in kids if k == ln.index), None)
    # (added the same way and printed with the same sign: under a total of printed figures every row adds with
    # weight 1, and those printed in parentheses are the deductions, not its twins)
    # (a row printed with both signs, a gain one year and a loss the next, says nothing of deductions)
    sign = _printed_sign(ln)
    found = Counter(lines[k].concept.balance for k, s in kids if k != ln.index and s == mine and
                    (not sign or _printed_negative(lines[k]) == (sign < 0)) and
                    lines[k].concept is not None and not lines[k].concept.extension and lines[k].concept.balance)
    ranked = found.most_common(2)
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None


def _descendants(ln: Line, by_index: dict[int, Line]) -> list[int]:
    """The indexes of the lines a total adds up, at every depth."""
    out: list[int] = []
    todo = [k for k, _ in ln.children]
    while todo:
        k = todo.pop()
        if k in by_index and k not in out:
            out.append(k)
            todo.extend(j for j, _ in by_index[k].children)
    return sorted(out)


def _official_above(ln: Line, lines: list[Line]) -> bool:
    """Some total the line sits under has a US-GAAP concept."""
    up, seen = ln.parent, set()
    while up is not None and up not in seen:
        seen.add(up)
        if lines[up].concept is not None and not lines[up].concept.extension:
            return True
        up = lines[up].parent
    return False


def _depth(ln: Line, lines: list[Line]) -> int:
    """How many totals the line sits under."""
    d, up, seen = 0, ln.parent, set()
    while up is not None and up not in seen:
        seen.add(up)
        d, up = d + 1, lines[up].parent
    return d


_CAPTION_NOT_MONEY = re.compile(r"\((in\s+)?(years?|%|percent|months|days)\)|\bin\s+years\b|\b(expected|estimated|"
                                r"remaining|average|useful|contractual)\s+(life|lives|term)\b|\byield\b|"
                                r"\bvolatility\b", re.I)
_PRICE_WORDS = re.compile(r"\b(exercise|grant|market|stock|strike|share)\s+prices?\b|\bprices?\s+per\s+share\b", re.I)


def _not_an_amount(ln: Line) -> str:
    """The words of the row, or of the caption it sits under ("Expected life of stock options (in years):" over
    "Key employee"), that say its figures are years, rates or ratios, not dollars or shares: read for amounts of
    dollars and for counts alike ("Expected dividend yield" in a table of counts is no count), but for counts not
    words of a price (an option count by range of exercise prices is a count)."""
    if ln.kind not in ("monetary", "shares"):
        return ""
    what = not_money(_PRICE_WORDS.sub(" ", ln.row.label) if ln.kind == "shares" else ln.row.label)
    if what:
        return what
    # a caption says so only in words of time, yields and volatility ("Interest rates 6.13–7.88%" printed as a
    # line between a table's debts says nothing of the total below it)
    caption = _CAPTION_NOT_MONEY.search(ln.context_label) if ln.context_label else None
    if caption and any(c is not None and "$" in c.text and c.places >= 2 for c in ln.row.cells):
        return ""  # dollars and cents are a price, whatever the caption over it ("$19.22" under "Expected life")
    return caption.group(0) if caption else ""


def _whole_of(found: str, measure: Concept) -> bool:
    """A total is the company's figure of the measure, by how its figures stand to those reported (`found`, from
    `Builder._compare`): the statements report the same figures, or, for a measure no statement places (long-lived
    assets), none differs. Where the statements report only some of its figures (two year ends of three), those must
    agree. A total that differs, or that a statement measure lacks, may be one group's (Ford's automotive operating
    income under "Automotive", beside financial services, where Ford prints no company-wide figure): its rows are
    members of two axes at once, a layout not read here."""
    return found in ("same", "partly") or (found == "unknown" and not {"is", "bs", "cf"} & set(measure.statements))


def _member_signs(lines: list[Line], runs: "list[Run]") -> None:
    """A member's figure is the measure's, signed as printed within its total ("Eliminations (120)" takes revenue
    away), whatever the measure's sign rules would make of a row of its own."""
    for r in runs:
        total = lines[r.total] if r.total is not None else None
        printed = dict(total.children) if total is not None else {}
        for k in r.rows:
            lines[k].sign = (total.sign * printed.get(k, 1)) if total is not None else 1
            lines[k].cut = False


def _opens_section(label: str) -> bool:
    """"Current assets:" and "ASSETS" head the rows below them; "Commitments and contingencies" is a row of its own."""
    t = label.strip()
    return t.endswith(":") or (t.isupper() and len(t.split()) <= 8)


def _close_sections(open_captions: list[int], lines: list, total) -> None:
    """A subtotal closes the captions over the rows it adds up: those inside its rows, and the one right above them."""
    def first_row(ln) -> int:
        return min([first_row(lines[k]) for k, _ in ln.children] + [ln.index])
    start = first_row(total)
    while open_captions and open_captions[-1] > start:
        open_captions.pop()
    if open_captions and all(lines[k].header for k in range(open_captions[-1], start)):
        open_captions.pop()


def rate_cells(st: Statement) -> frozenset[tuple[int, int]]:
    """(row, column) of the amounts printed without % between two rates printed with % in their column, in a run
    of rows unbroken by a caption: a rate reconciliation prints "35.0%" first and last and the items between bare
    ("(1.0)", "2.5"). Amounts printed with "$" or of 100 or more are not rates."""
    out: set[tuple[int, int]] = set()
    runs: list[list[int]] = [[]]
    for i, r in enumerate(st.rows):
        if not r.has_values:
            runs.append([])
        else:
            runs[-1].append(i)
    for run in runs:
        for k in range(len(st.columns)):
            cells = [(i, st.rows[i].cells[k]) for i in run
                     if k < len(st.rows[i].cells) and st.rows[i].cells[k] is not None]
            marked = [n for n, (_, c) in enumerate(cells) if c.percent]
            if len(marked) < 2:
                continue
            for i, c in cells[marked[0] + 1:marked[-1]]:
                if not c.percent and "$" not in c.text and (c.value is None or abs(c.value) < 100):
                    out.add((i, k))
    return frozenset(out)


SEGMENT_COLUMNS = -1  # repeated_columns: a column of one segment among others of its period
UNTOLD_COLUMNS = -2  # repeated_columns: one of several columns of amounts of a period that differ by what they measure
LEVEL_COLUMNS = -3  # repeated_columns: a column of one level of the fair-value hierarchy among others of its period


_PERIOD_WORDS = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?|\b(19|20)\d\d\b|"
                           r"\b(fiscal|years?|quarters?|months?|weeks?|three|six|nine|twelve|ended|ending)\b", re.I)
_WHOLE = re.compile(r"\b(total|consolidated|combined|company)\b", re.I)
# headers that name what is measured, not whose figure it is: "Gross Carrying Amount | Accumulated Amortization",
# "Carrying Amount | Fair Value", "As Reported | Pro Forma", "Deferred Tax Assets | Liabilities"
_MEASURE = re.compile(r"\b(amounts?|values?|costs?|gains?|loss(es)?|amortization|depreciation|carrying|fair|notional|"
                      r"principal|reported|restated|pro\s+forma|historical|proceeds|net|gross|assets|liabilities|"
                      r"balances?|additions|spending|during|contractual|allowance|rates?|credit|risk|basic|diluted|"
                      r"pre-?\s?tax|after-?\s?tax|tax|owned|sold|purchased|revenues?|sales|income|expenses?|earnings|"
                      r"shares|actual|high|low|cash|book)\b|%", re.I)


# columns that repeat for each period but are no business segments: quarters, places, the parts of a consolidating
# statement, eliminations, kinds of operations or of stock
_NO_SEGMENT = re.compile(r"\b(quarters?|first|second|third|fourth|1st|2nd|3rd|4th|eliminations?|parent|guarantors?|"
                         r"subsidiar(y|ies)|consolidat\w*|continuing|discontinued|special|charges|common|preferred|"
                         r"corporate|reportable|domestic|international|foreign|u\.\s?s\.|non-u\.\s?s\.|"
                         r"united\s+states)\b", re.I)
# words that link a caption's other words ("For the Years Ended ..., 1993, 1992 and 1991"), naming nothing
_LINKING = frozenset({"for", "the", "and", "of", "as", "at", "in", "to", "from", "on", "by", "&"})
_FOOTNOTE_MARK = re.compile(r"\(\s{0,2}[a-z0-9]{1,2}\s{0,2}\)|\*+")
_PLANS = re.compile(r"\bplans?\b|\bpensions?\b|retirement|\bbenefits?\b|health\s+care", re.I)


_TRAILING = " ,:-\u2013\u2014"


def _undated(label: str) -> str:
    """A balance's label without the date it prints ("Outstanding at December 31, 2006" -> "Outstanding"; a bare
    date -> "Balance")."""
    out = label
    for _d, start, end in sorted(all_dates(label), key=lambda x: -x[1]):
        out = out[:start] + out[end:]
    out = " ".join(out.split()).rstrip(_TRAILING)
    for word in (" at", " as of", " on"):  # ("Outstanding at"): the word that led to the date
        if out.lower().endswith(word):
            out = out[:-len(word)]
    return out.strip(_TRAILING) or "Balance"


def _opening_balance(ln: Line, lines: list[Line]) -> str:
    """The balance (debit or credit) of the opening balance a roll-forward's movement is printed under, "" when
    it has none or no concept yet."""
    for k in range(ln.index - 1, -1, -1):
        if lines[k].instant_at == "end":
            break
        if lines[k].instant_at == "start" or (lines[k].dated is not None and lines[k].dated.start is None):
            c = lines[k].concept  # (the nearest balance above: a roll-forward's opening one)
            return c.balance if c is not None else ""
    return ""


def _own_words(headers: list[str], keep_case: bool = False) -> tuple[str, ...]:
    """The words that tell columns of one period apart: each header without its dates and period words, less the
    words all of them begin with ("For the Years Ended ... 2001 Automotive | ... 2001 Financial Services")."""
    # (footnote marks tell nothing apart: "Investment Bank(d)" is the segment "Investment Bank")
    split = [[w for w in _PERIOD_WORDS.sub(" ", _FOOTNOTE_MARK.sub(" ", h if keep_case else h.lower()))
              .replace(",", " ").split() if w.lower() not in _LINKING] for h in headers]
    common = 0
    while all(len(w) > common for w in split) and len({w[common].lower() for w in split}) == 1:
        common += 1
    return tuple(" ".join(w[common:]) for w in split)


def repeated_columns(st: Statement) -> dict[int, int]:
    """{column: the column of the same period that is tagged, or why none is}. Columns that repeat a period hold
    other segments or measures. Where the same words head the columns of every period ("1993 Automotive | 1993
    Financial Services | 1992 ..."), none of them a measure or a total, the columns are segments: none is the
    company's figure (SEGMENT_COLUMNS). Otherwise a period's one column of amounts is tagged (beside prices, rates
    and counts, which have their own rules), or its total where it prints one ("Total Plans"); of several columns
    of amounts that differ by what they measure ("Net Unrealized Gains | Estimated Fair Value", "Gross Carrying
    Amount | Accumulated Amortization | Net") the row's words do not say which one they name, so none is tagged
    (UNTOLD_COLUMNS): taking the first wrote a gain as the holding."""
    by_period: dict = {}
    for k, col in enumerate(st.columns):
        if col.period is not None:
            by_period.setdefault(col.period, []).append(k)
    groups = [ks for ks in by_period.values() if len(ks) > 1]
    out: dict[int, int] = {}
    # a period's columns of fair-value levels are the levels' (beside them, the total or another measure)
    for n, ks in enumerate(groups):
        levels = level_columns([st.columns[k].header for k in ks])
        out.update({ks[i]: LEVEL_COLUMNS for i in levels})
        groups[n] = [k for k in ks if k not in out]
    groups = [ks for ks in groups if len(ks) > 1]
    words = [_own_words([st.columns[k].header for k in ks]) for ks in groups]
    segments = len(groups) > 1 and len(set(words)) == 1 and all(words[0]) and len(set(words[0])) == len(words[0]) \
        and not any(_WHOLE.search(w) or _MEASURE.search(w) or _NO_SEGMENT.search(w) or column_measure(w)
                    for w in words[0])
    for ks, own in zip(groups, words):
        if segments:
            out.update({k: SEGMENT_COLUMNS for k in ks})
            continue
        measures = {k: column_measure(st.columns[k].header) for k in ks}
        if len(set(own)) == 1:
            # no words of their own tell the columns apart (a period misread from a caption's dates): the first
            # that holds amounts or counts is the period's
            taggable = [k for k in ks if measures[k] not in ("price", "not money")]
            keep = taggable[0] if taggable else ks[0]
            out.update({k: keep for k in ks if k != keep})
            continue
        amounts = [k for k in ks if measures[k] == ""]
        whole = [k for k, w in zip(ks, own) if measures[k] == "" and _WHOLE.search(w)]
        counts = [k for k in ks if measures[k] == "count"]
        keep_amount = whole[0] if len(whole) == 1 else amounts[0] if len(amounts) == 1 else None
        keep_count = counts[0] if len(counts) == 1 else None
        first = keep_amount if keep_amount is not None else keep_count
        for k in ks:
            if k in (keep_amount, keep_count):
                continue
            if measures[k] in ("price", "not money"):
                out[k] = first if first is not None else ks[0]  # (told apart by their own rule first)
            else:
                out[k] = UNTOLD_COLUMNS
    return out


def _fmt(v: Decimal) -> str:
    # normalized with room for every digit: the lexical value is the amount exactly, never rounded to 28 digits
    s = format(v.normalize(DecimalContext(prec=max(28, len(v.as_tuple().digits)))), "f") if v != 0 else "0"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def _same_value(a: Fact, b: Fact) -> bool:
    try:
        return agree_at_precision(Decimal(a.value), a.decimals, Decimal(b.value), b.decimals)
    except Exception:
        return a.value == b.value


def agree_at_precision(a: Decimal, a_decimals: str | None, b: Decimal, b_decimals: str | None) -> bool:
    """Whether two amounts of one concept and period are the same figure, as XBRL 2.1 (4.6.6) compares duplicates:
    rounded to the lesser precision of the two. "3,491.7" million shares in a note and "3,492" in the income
    statement are one figure printed twice, not two that contradict each other."""
    def places(d: str | None) -> int | None:
        try:
            return int(d) if d not in (None, "", "INF") else None
        except ValueError:
            return None
    known = [p for p in (places(a_decimals), places(b_decimals)) if p is not None]
    if a == b or not known:
        return a == b
    step = Decimal(1).scaleb(-min(known))
    return a.quantize(step, rounding=ROUND_HALF_UP) == b.quantize(step, rounding=ROUND_HALF_UP)


def _sign_words(ln: Line, printed: Decimal) -> str:
    if ln.cut:
        return ("as printed" if ln.sign == 1 else "negated") + ": the concept is never negative (its sign by meaning, " \
            "not by the printed sum)"
    if ln.sign == 1:
        return "as printed"
    return "negated: printed amounts add to the subtotal the other way than the concept's balance"

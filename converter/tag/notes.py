"""Notes: each note as a text block, its tables as detail facts, and amounts stated in its sentences."""
from __future__ import annotations

import html
import re
from dataclasses import replace
from decimal import Decimal

from edgar2xbrl.tag.builder import Builder, Network, PresItem, _fmt
from edgar2xbrl.tag.members import level_columns
from edgar2xbrl.tag.catalog import never_negative
from edgar2xbrl.tag.labels import _words, camel, similarity
from edgar2xbrl.tag.mapper import NAME_MATCH, NAME_ONLY
from edgar2xbrl.model import Context, Fact, Period, Statement
from edgar2xbrl.tables.periods import YEAR, all_dates, duration_ending, printed_near, span_of
from edgar2xbrl.tables.statements import Note
from edgar2xbrl.xbrl_report import Hypercube, ReportRow, RowStatus

ANTIDILUTIVE = "us-gaap:AntidilutiveSecuritiesExcludedFromComputationOfEarningsPerShareAmount"
AWARDED = "us-gaap:LossContingencyDamagesAwardedValue"
NATURE_AXIS = "us-gaap:LossContingenciesByNatureOfContingencyAxis"


def _text_blocks(catalog) -> tuple[list, dict[str, set[str]]]:
    """The catalog's text block concepts, and their qnames by each word of their names and each prefix of five
    letters or more of those: what `similarity` needs to score above 0. Made once per catalog."""
    found = catalog.__dict__.get("_text_blocks")
    if found is None:
        blocks = [c for c in catalog.concepts.values() if c.type == "textBlock" and c.prefix == "us-gaap"]
        index: dict[str, set[str]] = {}
        for c in blocks:
            for n in (c.label,) + c.aliases:
                words, prefixes = _words(n)
                for w in words | prefixes:
                    index.setdefault(w, set()).add(c.qname)
        found = catalog._text_blocks = (blocks, index)
    return found


def text_block_concept(b: Builder, title: str) -> tuple[str, float]:
    blocks, index = _text_blocks(b.catalog)
    # a block that shares no word with the title scores 0, below any that is chosen
    near = set().union(*(index.get(w, ()) for w in _words(title)[0]))
    blocks = [c for c in blocks if c.qname in near]

    def score(c) -> float:
        s = max(similarity(title, n) for n in (c.label,) + c.aliases)
        # a disclosure known by its official name alone needs a near match, and yields to a kept one
        return s if c.kept else (NAME_ONLY * s if s >= NAME_MATCH else 0.0)
    scored = sorted(((score(c), c) for c in blocks), key=lambda x: (-x[0], x[1].name))
    if scored and scored[0][0] >= 0.5:
        return scored[0][1].qname, round(min(scored[0][0], 1.0), 3)
    c = b.new_extension(title, "textBlock", "duration", suffix="TextBlock", type_="textBlock")
    return c.qname, 0.0


def text_block_value(text: str) -> str:
    """The note as it was printed, kept as preformatted HTML so its layout survives in viewers. Quotes stay as
    they are (escaping them changes nothing in HTML): the inline XBRL document's text block, serialized by an
    inline XBRL processor, is then this value character for character."""
    return "<pre>" + html.escape(text, quote=False) + "</pre>"


TEXT_BLOCK_MAX = 9_000_000  # bytes of a text block as written: under libxml2's 10 MB text-node limit


def build_text_blocks(b: Builder, notes: list[Note], doc_period: Period, order: int) -> list[Network]:
    nets = []
    used: set[str] = set()
    for n, note in enumerate(notes):
        qname, score = text_block_concept(b, note.title)
        if qname in used:
            qname = b.new_extension(note.title, "textBlock", "duration", suffix="TextBlock", type_="textBlock").qname
            score = 0.0
        used.add(qname)
        src = f"{b.path}:{note.start_line}"
        text = note.text
        if len(text_block_value(text).encode("utf-8", "replace")) > TEXT_BLOCK_MAX:
            # libxml2, and so most XBRL tools, refuse a text node over 10 MB; a note that long is a damaged layout
            # running into the rest of the document: the text block keeps its start and the report says so
            text = text.encode("utf-8", "replace")[:TEXT_BLOCK_MAX].decode("utf-8", "ignore")
            while len(text_block_value(text).encode("utf-8", "replace")) > TEXT_BLOCK_MAX:  # escaping makes it longer
                text = text[:len(text) * 4 // 5]
            b.remark(f"Note {note.number} ({src}): its text block keeps the first {len(text):,} of "
                     f"{len(note.text):,} characters (the note runs into the rest of the document)")
        fact = Fact(concept=qname, context=Context(doc_period), value=text_block_value(text), source=src,
                    statement=f"Note {note.number}", row_label=note.title, confidence=score,
                    extension=qname.split(":")[0] == b.prefix)
        b.add_fact(fact)
        b.add_row(ReportRow(source=src, statement=f"Note {note.number} - {note.title}", row=note.title, column=None,
                            printed=f"({len(note.text)} characters of text)", concept=qname, value="(text block)",
                            period=str(doc_period), dimensions=(), unit=None, decimals=None, sign="",
                            confidence=score, status=RowStatus.ADDED,
                            extension_reason="" if score else "no US-GAAP text block fits the note's title",
                            alternatives=()))
        net = Network(role_id=f"Note{note.number}{camel(note.title)[:40]}", title=f"Note {note.number} - {note.title}",
                      order=order + n, group="Disclosure")
        net.items.append(PresItem(qname, 1, note.title, b.label_for(qname, note.title, "terseLabel")))
        b.add_network(net)
        nets.append(net)
    return nets


# "Foreign government and agency securities" are no U.S. agency's, however alike the words
_FOREIGN = re.compile(r"\b(foreign|non-?\s?u\.?\s?s\.?|international|overseas)", re.I)
_DOMESTIC = re.compile(r"\b(u\.?\s?s\.?|united\s+states|domestic)\b", re.I)


# words that name a kind of security: a row that joins two kinds ("Asset-backed and agency securities", "Commercial
# paper and short-term obligations") is no member of the one kind it shares words with ("notes and bonds" are one)
_KIND_WORDS = re.compile(r"\b(agency|agencies|obligations|mortgage|government|corporate|municipal|paper|deposits?|"
                         r"treasury|equity|equities|funds?|asset)\b", re.I)


def _another_kind(label: str, member) -> bool:
    """The row joins to the kind the member names another kind the member's words leave out."""
    parts = re.split(r"\s+and\s+|\s*&\s*", label, maxsplit=1, flags=re.I)
    if len(parts) < 2:
        return False
    words = " ".join((member.label,) + member.aliases).lower()
    return any(w.lower() not in words for w in _KIND_WORDS.findall(label))


def is_measure_table(st: Statement) -> bool:
    """Columns that share one date and differ by what they measure (cost, gains, fair value). Not columns of
    fair-value levels: those are one measure's members, its rows line items (`Builder.build_statement`)."""
    periods = {c.period for c in st.columns}
    if len(st.columns) < 2 or len(periods) != 1 or None in periods or level_columns([c.header for c in st.columns]):
        return False
    rest = [_measure_words(c.header) for c in st.columns]
    return all(rest) and len(set(rest)) == len(rest)


def _measure_words(header: str) -> str:
    t = re.sub(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s*((19|20)\d\d)?", " ", header,
               flags=re.I)
    t = YEAR.sub(" ", t)
    return " ".join(t.split())


def build_measure_table(b: Builder, note: Note, st: Statement, order: int, role_id: str, title: str) -> Network:
    """Rows are categories (members), columns are concepts: e.g. securities by type × cost, gains, fair value."""
    period = st.columns[0].period
    col_concepts = []
    for col in st.columns:
        words = _measure_words(col.header)
        cands = [c for c in b.catalog.items() if c.prefix == "us-gaap" and "note" in c.statements and
                 c.period == ("instant" if period.is_instant else "duration") and c.type == "monetary"]
        scored = sorted(((max(similarity(words, n) for n in (c.label,) + c.aliases), c) for c in cands),
                        key=lambda x: -x[0])
        if scored and scored[0][0] >= 0.5 and all(scored[0][1] is not cc for cc, _ in col_concepts):
            col_concepts.append((scored[0][1], round(min(scored[0][0], 1.0), 3)))
        else:
            col_concepts.append((b.new_extension(words, "monetary", "instant" if period.is_instant else "duration",
                                                 "debit"), 0.0))
    axis_name = None
    domain = None
    for c, _ in col_concepts:
        if not c.extension:
            axis_name = "us-gaap:FinancialInstrumentAxis"
            domain = "us-gaap:TransfersAndServicingOfFinancialInstrumentsTypesOfFinancialInstrumentsDomain"
    net = Network(role_id=role_id, title=title, order=order, group="Disclosure")
    members = []
    rows = [r for r in st.rows if r.has_values]
    for row in rows:
        member = None
        if axis_name and len(rows) > 1 or axis_name:
            cands = [c for c in b.catalog.concepts.values() if c.type == "domain" and c.axis == "FinancialInstrumentAxis"
                     and not c.name.endswith("Domain")]
            scored = sorted(((max(similarity(row.label, n) for n in (c.label,) + c.aliases), c) for c in cands
                             if not (_FOREIGN.search(row.label) and _DOMESTIC.search(c.label))
                             and not _another_kind(row.label, c)),
                            key=lambda x: -x[0])
            if scored and scored[0][0] >= 0.5:
                member = scored[0][1].qname
            else:
                # one member per instrument, however many tables print it (a prior year's block of the same
                # securities is the same member at its own date, never a second one); a label printed twice in one
                # table (under cash equivalents and under marketable securities) is two holdings
                member = b.own_member(row.label)
                if member in members:
                    member = b.new_extension(row.label, "domain", "duration", abstract=True, suffix="Member",
                                             type_="domain").qname
            members.append(member)
        for k, cell in enumerate(row.cells):
            if cell is None:
                continue
            concept, score = col_concepts[k]
            value = cell.value * (Decimal(10) ** st.scale)
            sign = "as printed"
            deducted = bool(re.match(r"\s*less\b", row.label, re.I))  # "Less: Long-term marketable securities (292)"
            if value < 0 and never_negative(concept) and (deducted or "Loss" in concept.name and
                                                           "Gain" not in concept.name and
                                                           not re.search(r"gain", st.columns[k].header, re.I)):
                # "(44)" under "Unrealized Losses" is a loss of 44: the concept counts losses, never below zero
                value, sign = -value, "magnitude: the concept is never negative"
            dims = ((axis_name, member),) if member else ()
            src = f"{b.path}:{cell.line or row.line}"
            fact = Fact(concept=concept.qname, context=Context(period, dims), value=_fmt(value), unit="USD",
                        decimals=b.decimals("monetary", cell.places, st.scale), source=src, statement=title,
                        row_label=row.label, printed=cell.text,
                        start=cell.start, end=cell.end, sign=sign, confidence=score,
                        extension=concept.extension)
            b.record(fact, row.label, k + 1, dims=dims,
                     reason="no US-GAAP concept fits the column" if concept.extension else "")
    if axis_name:
        net.hypercube = Hypercube("us-gaap:DebtSecuritiesAvailableForSaleTable", axis_name, domain,
                                  tuple(dict.fromkeys(members)),
                                  "us-gaap:ScheduleOfAvailableForSaleSecuritiesLineItems",
                                  tuple(c.qname for c, _ in col_concepts))
        net.items += [PresItem("us-gaap:DebtSecuritiesAvailableForSaleTable", 1, "Table", "label"),
                      PresItem(axis_name, 2, "Axis", "label"), PresItem(domain, 3, "Domain", "label")]
        for m, row in zip(members, rows):
            net.items.append(PresItem(m, 4, row.label, b.label_for(m, row.label, "terseLabel")))
        net.items.append(PresItem("us-gaap:ScheduleOfAvailableForSaleSecuritiesLineItems", 2, "Line Items", "label"))
    for (c, _), col in zip(col_concepts, st.columns):
        words = _measure_words(col.header)
        net.items.append(PresItem(c.qname, 3 if axis_name else 1, words, b.label_for(c.qname, words, "terseLabel")))
    b.add_network(net)
    return net


# ----- amounts stated in sentences -----------------------------------------------------------------------------

_ABBREV = re.compile(r"\b(Mr|Mrs|Ms|Dr|Inc|No|Co|Corp|Ltd|U\.S|St|Jr|Sr|vs|i\.e|e\.g)\.$")


def _sentences(text: str) -> list[str]:
    flat = " ".join(text.split())
    out: list[str] = []
    for piece in re.split(r"(?<=[.;])\s+(?=[A-Z(])", flat):
        if out and _ABBREV.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def prose_facts(b: Builder, text: str, source_line: int, where: str, doc_period: Period) -> Network | None:
    """Antidilutive share counts and awarded damages, the two kinds of stated amounts the converter reads."""
    net = Network(role_id=f"Details{camel(where)[:40]}", title=f"{where} (Details)", order=0, group="Disclosure")
    for sent in _sentences(text):
        low = sent.lower()
        if "antidilutive" in low or "anti-dilutive" in low:
            counts = [m for m in re.finditer(r"\b(\d{1,3}(?:,\d{3})+|\d{4,})(?=[\s\w,]*?\bshares\b)", sent)]
            nums = [m.group(1) for m in counts if not YEAR.fullmatch(m.group(1).replace(",", ""))]
            periods = _periods_in(sent, doc_period, b.printed_dates)
            if nums and len(nums) == len(periods):
                for num, period in zip(nums, periods):
                    _prose_fact(b, ANTIDILUTIVE, Decimal(num.replace(",", "")), "shares", period, (), source_line,
                                where, sent, net)
        if re.search(r"\bawarded\b", low):
            parts = re.split(r"\(\d\)", sent)
            if len(parts) > 2:
                for part in parts[1:]:
                    m = re.search(r"\$\s?([\d,]+(?:\.\d+)?)", part)
                    if not m:
                        continue
                    desc = re.sub(r"\$\s?[\d,.]+", " ", part)
                    desc = re.sub(r"\b(and|damages|of|for|related to|the|a|an)\b", " ", desc, flags=re.I)
                    desc = " ".join(re.findall(r"[A-Za-z]+", desc)[:5]) or "Award"
                    _prose_fact(b, AWARDED, Decimal(m.group(1).replace(",", "")), "monetary", doc_period,
                                ((NATURE_AXIS, b.own_member(desc)),), source_line, where, sent, net)
    if not net.items:
        return None
    return net


def _periods_in(sent: str, doc_period: Period, printed=frozenset()) -> list[Period]:
    """The periods a sentence names: "ended July 1, 2000 and 1999" gives the year 2000 and 1999 periods; a date
    put together from another year's month and day is the one the filing prints near it (52/53-week years)."""
    dates = all_dates(sent)
    if not dates:
        return []
    first = dates[0][0]
    years = [int(y) for y in YEAR.findall(sent[dates[0][1]:])]
    ends = []
    for y in years:
        try:
            d = first.replace(year=y)
        except ValueError:
            continue
        ends.append(d if d == first else printed_near(d, printed))
    ends = list(dict.fromkeys(ends))
    span = span_of(sent) or (("months", (doc_period.end.year - doc_period.start.year) * 12 +
                              doc_period.end.month - doc_period.start.month + 1) if doc_period.start else None)
    return [duration_ending(e, span, printed) for e in ends] if span else []


def _prose_fact(b, concept, value, kind, period, dims, line, where, sentence, net):
    unit = "shares" if kind == "shares" else "USD"
    src = f"{b.path}:{line}"
    fact = Fact(concept=concept, context=Context(period, dims), value=_fmt(value), unit=unit, decimals="0",
                source=src, statement=where, row_label=sentence[:120], printed=str(value), sign="as printed",
                confidence=0.8)
    status = b.record(fact, sentence[:200], None, dims=dims, note="amount stated in a sentence")
    if status != RowStatus.ADDED:
        return
    if dims:
        axis, member = dims[0]
        if net.hypercube is None:
            net.hypercube = Hypercube("us-gaap:LossContingenciesTable", axis, "us-gaap:LossContingencyNatureDomain",
                                      (), "us-gaap:LossContingenciesLineItems", ())
            net.items += [PresItem("us-gaap:LossContingenciesTable", 1, "Table", "label"),
                          PresItem(axis, 2, "Axis", "label"),
                          PresItem("us-gaap:LossContingencyNatureDomain", 3, "Domain", "label")]
        if member not in net.hypercube.members:
            net.hypercube = replace(net.hypercube, members=net.hypercube.members + (member,))
            net.items.insert(3 + len(net.hypercube.members) - 1,
                             PresItem(member, 4, b.concept(member).label, "label"))
        if "us-gaap:LossContingenciesLineItems" not in [i.concept for i in net.items]:
            net.items.append(PresItem("us-gaap:LossContingenciesLineItems", 2, "Line Items", "label"))
        if concept not in net.hypercube.primaries:
            net.add_primary(concept)
            net.items.append(PresItem(concept, 3, b.catalog.get(concept).label, "label"))
    elif all(i.concept != concept for i in net.items):
        net.items.append(PresItem(concept, 1, b.catalog.get(concept).label, "label"))

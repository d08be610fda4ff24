"""Rows that name members, not line items: a segment note's runs of segments, areas or products under the measure
they divide.

    Net sales:                          Revenues           2008      2007
      Americas        $ 2,830             U.S.           $ 5,125   $ 5,197
      Europe            2,436             YRI              3,026     3,075
      Total net sales $ 5,266             (unlabeled)    $ 8,151   $ 8,272

"Americas" is no concept: it is where the net sales were made. A filer tags each such row with the measure's
US-GAAP concept (Revenues) in the context of a member of an axis (geographical areas, business segments, products),
and the total with the measure alone; one extension concept per area and year compares with nothing.

The measure comes from what the table prints: the total's own official concept, else the caption over the rows
("Net sales:"), else the words every column header shares ("Revenues 2008", "Revenues 2007"). The rows must be
names: no concept fits them. Which axis: rows that all name places are geographical areas (srt), rows under words
naming products are products (srt), other rows are business segments.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from edgar2xbrl.model import Column, Row, Statement
from edgar2xbrl.tag.catalog import Catalog, Concept
from edgar2xbrl.tag.labels import tokens
from edgar2xbrl.tag.mapper import Line, candidates, core_label, score_concept
from edgar2xbrl.xbrl_report import Hypercube


@dataclass(frozen=True)
class Axis:
    """An axis with the table, domain and line items its hypercube is built of, and their standard labels."""

    table: str
    axis: str
    domain: str
    line_items: str
    labels: tuple[str, str, str, str]  # table, axis, domain, line items


SEGMENTS = Axis("us-gaap:ScheduleOfSegmentReportingInformationBySegmentTable", "us-gaap:StatementBusinessSegmentsAxis",
                "us-gaap:SegmentDomain", "us-gaap:SegmentReportingInformationLineItems",
                ("Segment Reporting Information, by Segment [Table]", "Segments [Axis]", "Segments [Domain]",
                 "Segment Reporting Information [Line Items]"))
GEOGRAPHY = Axis("us-gaap:ScheduleOfRevenuesFromExternalCustomersAndLongLivedAssetsTable",
                 "srt:StatementGeographicalAxis", "srt:SegmentGeographicalDomain",
                 "us-gaap:RevenuesFromExternalCustomersAndLongLivedAssetsLineItems",
                 ("Schedule of Revenues from External Customers and Long-Lived Assets, by Geographical Areas [Table]",
                  "Geographical [Axis]",
                  "Geographical [Domain]", "Revenues from External Customers and Long-Lived Assets [Line Items]"))
PRODUCTS = Axis("us-gaap:ScheduleOfEntityWideInformationRevenueFromExternalCustomersByProductsAndServicesTable",
                "srt:ProductOrServiceAxis", "srt:ProductsAndServicesDomain",
                "us-gaap:EntityWideInformationRevenueFromExternalCustomerLineItems",
                ("Schedule of Revenue from External Customers Attributed to Products and Services [Table]",
                 "Product and Service [Axis]",
                 "Product and Service [Domain]", "Revenue from External Customer [Line Items]"))

# securities by type under the total they make up ("U.S. Treasury securities", "Commercial paper" over "Total
# short-term marketable securities"): the total's concept on the financial instrument axis, as filers tag them
INSTRUMENTS = Axis("us-gaap:DebtSecuritiesAvailableForSaleTable", "us-gaap:FinancialInstrumentAxis",
                   "us-gaap:TransfersAndServicingOfFinancialInstrumentsTypesOfFinancialInstrumentsDomain",
                   "us-gaap:ScheduleOfAvailableForSaleSecuritiesLineItems",
                   ("Debt Securities, Available-for-Sale [Table]", "Financial Instrument [Axis]",
                    "Financial Instruments [Domain]", "Debt Securities, Available-for-Sale [Line Items]"))

# the rows that reconcile the segments' figures to the company's ("Corporate", "Eliminations", "Unallocated"): the
# measure's concept on the consolidation items axis, as filers tag them, not an extension per row
CONSOLIDATION = Axis(SEGMENTS.table, "srt:ConsolidationItemsAxis", "srt:ConsolidationItemsDomain", SEGMENTS.line_items,
                     ("", "Consolidation Items [Axis]", "Consolidation Items [Domain]", ""))

# a fair-value note's columns by level of the hierarchy ("Quoted Prices in Active Markets (Level 1) | Significant
# Other Observable Inputs (Level 2) | ... | Total"): each level's figures on the hierarchy axis, the total without it
FAIR_VALUE_LEVELS = Axis("us-gaap:FairValueAssetsAndLiabilitiesMeasuredOnRecurringAndNonrecurringBasisTable",
                         "us-gaap:FairValueByFairValueHierarchyLevelAxis",
                         "us-gaap:FairValueMeasurementsFairValueHierarchyDomain",
                         "us-gaap:FairValueAssetsAndLiabilitiesMeasuredOnRecurringAndNonrecurringBasisLineItems",
                         ("Fair Value, Recurring and Nonrecurring [Table]", "Fair Value Hierarchy and NAV [Axis]",
                          "Fair Value Measurements, Fair Value Hierarchy [Domain]",
                          "Fair Value, Recurring and Nonrecurring [Line Items]"))
# and all of them on the measurement frequency's axis: figures measured at fair value (on a recurring basis unless
# the table says otherwise), not the company's balances ("Other current liabilities" there is only the derivatives)
FAIR_VALUE_FREQUENCY = Axis(FAIR_VALUE_LEVELS.table, "us-gaap:FairValueByMeasurementFrequencyAxis",
                            "us-gaap:FairValueMeasurementFrequencyDomain", FAIR_VALUE_LEVELS.line_items,
                            ("", "Measurement Frequency [Axis]", "Measurement Frequency [Domain]", ""))
_NONRECURRING = re.compile(r"\bnon-?\s?recurring\b", re.I)


def fair_value_frequency(words: str) -> tuple[str, str]:
    """(member, caption) of the frequency a fair-value table's words say: nonrecurring where they say so."""
    if _NONRECURRING.search(words):
        return "us-gaap:FairValueMeasurementsNonrecurringMember", "Nonrecurring"
    return "us-gaap:FairValueMeasurementsRecurringMember", "Recurring"


_LEVEL = re.compile(r"\blevel\s*(1|2|3|iii|ii|i)\b|(quoted\s+(market\s+)?prices)|(significant\s+other\s+observable|"
                    r"other\s+observable\s+inputs)|(significant\s+unobservable|unobservable\s+inputs)", re.I)
_LEVEL_OF = {"1": 1, "i": 1, "2": 2, "ii": 2, "3": 3, "iii": 3}


def fair_value_level(header: str) -> str | None:
    """The hierarchy level's member a column header names, by number or by its inputs, else None."""
    m = _LEVEL.search(header)
    if m is None:
        return None
    level = _LEVEL_OF[m.group(1).lower()] if m.group(1) else 1 if m.group(2) else 2 if m.group(4) else 3
    return f"us-gaap:FairValueInputsLevel{level}Member"


def level_columns(headers: list[str]) -> dict[int, str]:
    """{position: level member} of columns that name two levels or more, each a different one; else {}."""
    found = {k: m for k, h in enumerate(headers) if (m := fair_value_level(h))}
    return found if len(found) >= 2 and len(set(found.values())) == len(found) else {}


# stock-based compensation spread over the income statement's lines ("Cost of revenue", "General and
# administrative"): the compensation's concept in the context of the line it was charged to
REPORT_LINES = Axis("us-gaap:ScheduleOfEmployeeServiceShareBasedCompensationAllocationOfRecognizedPeriodCostsTable",
                    "us-gaap:IncomeStatementLocationAxis", "us-gaap:IncomeStatementLocationDomain",
                    "us-gaap:EmployeeServiceShareBasedCompensationAllocationOfRecognizedPeriodCostsLineItems",
                    ("Share-Based Compensation, Allocation of Recognized Period Costs [Table]",
                     "Income Statement Location [Axis]", "Income Statement Location [Domain]",
                     "Share-Based Compensation, Allocation of Recognized Period Costs [Line Items]"))
ALLOCATED = "us-gaap:AllocatedShareBasedCompensationExpense"


def open_hypercube(net, axis: Axis, members: list[tuple[str, str]], member_label) -> int:
    """Start `net` with the axis's table, axis, domain and members (qname, caption); its rows go under the line
    items, at the depth returned. `member_label(qname, caption)`: the label role of a member."""
    from edgar2xbrl.tag.builder import PresItem
    net.hypercube = Hypercube(axis.table, axis.axis, axis.domain, tuple(m for m, _ in members), axis.line_items, ())
    net.items.append(PresItem(axis.table, 1, axis.labels[0], "label"))
    net.items.append(PresItem(axis.axis, 2, axis.labels[1], "label"))
    net.items.append(PresItem(axis.domain, 3, axis.labels[2], "label"))
    for m, caption in members:
        net.items.append(PresItem(m, 4, caption, member_label(m, caption)))
    net.items.append(PresItem(axis.line_items, 2, axis.labels[3], "label"))
    return 2


def add_member(net, member: str, caption: str, member_label, axis: Axis | None = None) -> None:
    """A member more on the network's first axis, or on `axis` (added to the network's table after the axes it
    has: a segment note prints segments and geographical areas in one table of facts, each fact on one axis and
    at the other's default)."""
    from edgar2xbrl.tag.builder import PresItem
    h = net.hypercube
    if axis is None or axis.axis == h.axis:
        if member in h.members:
            return
        net.hypercube = h = replace(h, members=h.members + (member,))
        domain_at = next(k for k, it in enumerate(net.items) if it.concept == h.domain)
        net.items.insert(domain_at + len(h.members), PresItem(member, 4, caption, member_label(member, caption)))
        return
    entry = next((e for e in h.more_axes if e[0] == axis.axis), None)
    # the presentation's axis blocks sit between the table and the line items, in the order the axes were added
    line_items_at = next(k for k, it in enumerate(net.items) if it.concept == h.line_items and it.depth == 2)
    if entry is None:
        entry = (axis.axis, axis.domain, ())
        h = replace(h, more_axes=h.more_axes + (entry,))
        net.items[line_items_at:line_items_at] = [PresItem(axis.axis, 2, axis.labels[1], "label"),
                                                  PresItem(axis.domain, 3, axis.labels[2], "label")]
        line_items_at += 2
    if member in entry[2]:
        net.hypercube = h
        return
    net.hypercube = replace(h, more_axes=tuple((a, d, ms + (member,)) if a == axis.axis else (a, d, ms)
                                               for a, d, ms in h.more_axes))
    net.items.insert(line_items_at, PresItem(member, 4, caption, member_label(member, caption)))


@dataclass(frozen=True)
class Run:
    """Rows (line indexes) that are members of `axis`, each a figure of `measure`; `total`: the row that adds
    them up (None where none is printed)."""

    axis: Axis
    measure: Concept
    score: float
    why: str
    total: int | None
    rows: tuple[int, ...]
    # the member every row takes, where the rows name no member of their own ("Segment operating income" is the
    # operating segments' together, "Corporate assets" the corporate part)
    member: tuple[str, str] | None = None


SEGMENT_NOTE = re.compile(r"\bsegments?\b|\bgeograph", re.I)  # a note about segments or areas
_PRODUCT = re.compile(r"\bproducts?\b|\bproduct\s+lines?\b", re.I)
# words that are no name: a measure, a total, a dated balance
_NOT_A_NAME = re.compile(r"^\s*(total|less|net|add|deduct|plus|minus|balance|beginning|ending|end\s+of|as\s+of)\b|"
                         r"\b(19|20)\d\d\b|%", re.I)
# a measure of the segments together, or of the part no segment holds ("Segment operating income", "Total segment
# assets", "Corporate assets", "Unallocated depreciation")
_AGGREGATE = re.compile(r"(?:total\s+)?(?:(?:reportable|operating|business)\s+)?(segments?)\s+(?P<a>.+)|"
                        r"(corporate|unallocated)\s+(?P<b>.+)", re.I)
_HOLDING = re.compile(r"\b(securities|bonds?|notes|debt|paper|obligations|loans)\b", re.I)  # "Corporate bonds"
OPERATING_SEGMENTS = ("us-gaap:OperatingSegmentsMember", "Operating Segments")
CORPORATE = ("us-gaap:CorporateNonSegmentMember", "Corporate, Non-Segment")
_CONSOLIDATED = re.compile(r"(?:total\s+)?consolidated\s+(.+)", re.I)


def consolidated_measure(label: str, st: Statement, catalog: Catalog) -> tuple[Concept, float] | None:
    """The measure a row names as the company's whole ("Consolidated assets" below segment and corporate assets)."""
    m = _CONSOLIDATED.fullmatch(name_of(label))
    return measure_for(m.group(1), st, catalog) if m else None


# the whole company, not a member of it
_WHOLE = re.compile(r"^\s*(consolidated|total|totals|combined|company[\s-]?wide|all\s+segments)\b", re.I)
_BARE_TOTAL = re.compile(r"^\W*(?:(?:total|totals|consolidated|combined|sum)\b\W*)?$", re.I)
# rows that reconcile the segments' figures to the company's are no segments (a filer puts them on another axis,
# srt:ConsolidationItemsAxis): they stay as they were
_RECONCILING = re.compile(r"\b(eliminat\w*|reconcil\w*|adjustments?|unallocated|corporate|differences?|"
                          r"intersegment|inter-segment|intercompany)\b", re.I)
# words of a line item, not of a name ("Unallocated expense", "Share-based plans expense" reconcile the segments'
# total to the company's: they are amounts of their own)
_MEASURE_WORDS = re.compile(r"\b(expenses?|costs?|income|revenues?|sales|tax(es)?|gains?|loss(es)?|charges?|"
                            r"interest|depreciation|amortization|assets?|liabilit(y|ies)|profits?|earnings|"
                            r"compensation|adjustments?|reserves?)\b", re.I)
_MAX_WORDS = 8
MEASURE_MIN = 0.8  # the least score a measure named by a caption or header must reach
TOTAL_MIN = 0.7  # the least score of a total's own concept to be the measure of the rows under it
CONFIRMED_MIN = 0.5  # ... or, when a statement already reports the total's figures under it, the mapper's least

# areas that are no country: srt's geographical members and the words filers use for the rest of the world
_AREAS = frozenset("""americas|north america|south america|latin america|central america|europe|western europe|
eastern europe|asia|asia pacific|asia-pacific|asia/pacific|pacific|pacific rim|far east|africa|middle east|oceania|
emea|caribbean|western hemisphere|eastern hemisphere|scandinavia|nordic countries|australasia|domestic|foreign|
international|u.s.|us|usa|u.s.a.|united states|u.k.|uk|england|non-u.s.|rest of world|rest of the world|
europe, middle east and africa|other countries|other foreign countries|other international|
outside the united states|outside the u.s.|the americas|greater china""".replace("\n", "").split("|"))
_NEUTRAL = frozenset({"other regions", "other areas", "other", "all other", "all others"})
_FOOTNOTE = re.compile(r"\((?:[a-z]|\d{1,2}|[ivx]+)\)", re.I)
_PARTS = re.compile(r",|/|&|\band\b|\bother\s+than\b|\bexcluding\b|\bincluding\b|\bexcept\b", re.I)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    import pycountry
    out: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                out.add(v.lower())
                out.add(v.split(",")[0].lower())  # "Korea, Republic of" → "korea"
    return frozenset(out)


def name_of(label: str) -> str:
    """The row's name without footnote marks ("YRI (a)" → "YRI")."""
    return " ".join(_FOOTNOTE.sub(" ", label).split()).rstrip(":*").strip()


def is_place(label: str) -> bool:
    """The label names a country or an area of the world ("Asia, other than China", "Other countries")."""
    low = re.sub(r"\s+(operations|region|area)$", "", name_of(label).lower())
    low = {"european": "europe", "asian": "asia", "african": "africa", "canadian": "canada",
           "japanese": "japan", "latin american": "latin america", "north american": "north america"}.get(low, low)
    if not low:
        return False
    if low in _AREAS or low in _countries():
        return True
    parts = [re.sub(r"^(the|all\s+other|other|rest\s+of(\s+the)?)\s+", "", p.strip()) for p in _PARTS.split(low)]
    parts = [p for p in parts if p]
    return bool(parts) and all(p in _AREAS or p in _countries() or p in ("countries", "regions", "world")
                               for p in parts)


_TOTAL_OF = re.compile(r"^\s*total\s+", re.I)


def member_name(label: str) -> str:
    """The member a row names: its name, or the group a group's total names ("Total Integrated Defense Systems",
    "Total Macintosh Net Sales": the measure's words set aside)."""
    name = name_of(label)
    if not _TOTAL_OF.match(name):
        return name
    rest = _TOTAL_OF.sub("", name)
    return " ".join(_MEASURE_WORDS.sub(" ", re.sub(r"\bnet\b", " ", rest, flags=re.I)).split()).strip(" ,-") or rest


def _is_group(ln: Line) -> bool:
    """A group's own total: "Total <name>" over rows of its own, no concept fitting it."""
    if not ln.children or not _TOTAL_OF.match(ln.row.label) or ln.header or ln.kind != "monetary" \
            or ln.concept is not None:
        return False
    name = member_name(ln.row.label)
    return bool(name) and len(name.split()) <= _MAX_WORDS and not _NOT_A_NAME.search(name) \
        and not _WHOLE.match(name) and not _RECONCILING.search(name) \
        and (not _MEASURE_WORDS.search(name) or is_place(name))


_CONNECTOR = re.compile(r"(?:and|or)\b|[&/]", re.I)  # "Unallocated and other" names no measure after "unallocated"


def _reconciling_runs(lines: list[Line], rows: tuple[int, ...], measure: tuple, total: int) -> list[Run]:
    """The reconciling items of a total: "Corporate ...", "Unallocated ..." (the measure's words after it) on the
    corporate member; the others on the member their own name gives."""
    corporate = tuple(k for k in rows if (m := _AGGREGATE.fullmatch(name_of(lines[k].row.label))) is not None
                      and m.group("b") and not _CONNECTOR.match(m.group("b")))
    rest = tuple(k for k in rows if k not in corporate)
    return [Run(CONSOLIDATION, measure[0], measure[1], measure[2], total, part, member)
            for part, member in ((corporate, CORPORATE), (rest, None)) if part]


def standard_member(catalog: Catalog, axis: str, name: str) -> str | None:
    """The axis's standard member the words name as the catalog keeps it (srt's "Europe"), else None."""
    # (an index of the catalog's members by axis and wording, made once: a note asks for each row)
    index = catalog.__dict__.get("_members_by_wording")
    if index is None:
        index = {}
        for c in catalog.concepts.values():
            if c.type == "domain" and c.axis:
                for alias in c.aliases:
                    index.setdefault((c.axis, alias), c.qname)
                    # the same words punctuated otherwise ("Selling, general, and administrative")
                    index.setdefault((c.axis, tokens(alias)), c.qname)
        catalog.__dict__["_members_by_wording"] = index
    on = axis.split(":", 1)[1]
    return index.get((on, name.lower())) or index.get((on, tokens(name)))


def instrument_runs(lines: list[Line], catalog: Catalog, taken: set[int]) -> list[Run]:
    """Rows of a note that name kinds of securities the taxonomy has members for ("U.S. Treasury securities",
    "Commercial paper"), two thirds of the rows a confident total adds up or more: each the total's concept on
    that member of the financial instrument axis (one run a row, each with its member). The total must be the
    company's figure (`builder._whole_of`) for the runs to be kept. Reads the lines; changes nothing."""
    out: list[Run] = []
    for p in lines:
        if len(p.children) < 2 or p.index in taken or p.concept is None or p.concept.extension or \
                p.kind != "monetary" or p.score < TOTAL_MIN or _BARE_TOTAL.match(p.row.label):
            continue
        kids = [k for k, _ in p.children]
        named = {k: m for k in kids if k not in taken and not lines[k].children and lines[k].kind == "monetary"
                 and (m := standard_member(catalog, INSTRUMENTS.axis, name_of(lines[k].row.label)))}
        if len(named) < 2 or 3 * len(named) < 2 * len(kids) or len(set(named.values())) != len(named):
            continue
        label = " ".join(p.row.label.split())
        out += [Run(INSTRUMENTS, p.concept, p.score, f"the total '{label}'", p.index, (k,),
                    (m, name_of(lines[k].row.label))) for k, m in named.items()]
        taken |= set(named)
    return out


def _is_reconciling(ln: Line) -> bool:
    """A row between the segments and their total that reconciles them to the company's figure ("Corporate",
    "Intersegment eliminations", "Unallocated expense"), no line item the mapper is sure of."""
    label = name_of(ln.row.label)
    unread = ln.concept is None or (not ln.concept.extension and ln.score < 0.95)
    return (unread and not ln.header and not ln.children and ln.kind == "monetary" and bool(label)
            and len(label.split()) <= _MAX_WORDS and bool(_RECONCILING.search(label))
            and not _NOT_A_NAME.search(label) and not _WHOLE.match(label))


def _is_name(ln: Line, read: bool = False) -> bool:
    """A row that may name a member: no concept fits it (`read`: or one the mapper read, but not for sure), and
    its words are a name, not a measure."""
    label = name_of(ln.row.label)
    unread = ln.concept is None or (read and not ln.concept.extension and ln.score < 0.95)
    return (unread and not ln.header and ln.kind == "monetary" and bool(label)
            and len(label.split()) <= _MAX_WORDS and not _NOT_A_NAME.search(label) and not _WHOLE.match(label)
            and not _RECONCILING.search(label) and (not _MEASURE_WORDS.search(label) or is_place(label)))


_DATE_WORDS = re.compile(r"\b(" + "|".join(calendar.month_name[1:] + calendar.month_abbr[1:]) + r")\b\.?|"
                         r"\b(19|20)\d\d\b|\b\d{1,2}\b|\b(fiscal|years?|quarters?|months?|weeks?|ended|ending|"
                         r"as\s+of|at|in\s+(thousands|millions|billions)|unaudited)\b|[(),$]", re.I)


def header_measure(columns) -> str:
    """The words every column header shares once dates are set aside ("Revenues 2008", "Revenues 2007" →
    "Revenues"); empty where they differ or say nothing else."""
    texts = {" ".join(_DATE_WORDS.sub(" ", _FOOTNOTE.sub(" ", c.header)).split()) for c in columns if c.header}
    text = texts.pop() if len(texts) == 1 else ""
    return text if re.search(r"[A-Za-z]{3}", text) else ""


def own_heading(title: str) -> str:
    """A table's own heading: the last line above it that says more than dates and scale ("Parent company –
    statements of income" over "Year ended December 31, (in millions)")."""
    for line in reversed(title.splitlines()[-4:]):
        if header_measure([Column(0, line, 0)]):
            return line
    return ""


def is_years_row(row: Row) -> bool:
    """A header printed again inside a table: "December 31, (in millions)" over 2005 2004 2003. Its figures are
    years, not amounts."""
    cells = [c for c in row.cells if c is not None]
    return bool(cells) and all(re.fullmatch(r"\s*(19|20)\d\d\s*", c.text) for c in cells) \
        and not header_measure([Column(0, row.label, 0)])


_QUALIFIER = re.compile(r"\s{0,3}\([^()]{0,200}\)|,\s{0,3}net\s{0,3}$", re.I)


def _best_measure(label: str, st: Statement, catalog: Catalog) -> tuple[float, str]:
    near = catalog.sharing(label)
    best: tuple[float, str] = (0.0, "")
    for period in ("duration", "instant"):
        for c in candidates(catalog, st, "monetary", period):
            # a wording of a part of an official total (taxonomy/wordings.csv: "Depreciation and amortization" as
            # the deferred tax liability on property) names it only under that total, never as a measure alone
            if c.qname in near and not c.abstract and (c.kept or not c.aliases or not c.parents):
                s = score_concept(label, "", c)
                if (s, c.qname) > best:
                    best = (s, c.qname)
    return best


def measure_for(text: str, st: Statement, catalog: Catalog) -> tuple[Concept, float] | None:
    """The monetary concept the words name, if one fits well (a kept wording, or the official label itself)."""
    label = core_label(name_of(text))
    if not label or len(label.split()) > 10:
        return None
    best = _best_measure(label, st, catalog)
    if best[0] < MEASURE_MIN:
        # a heading qualifies its measure ("Capital expenditures, net", "Capital expenditures (facilities, machinery
        # and equipment and tooling)"): where the words as printed name none, the measure is read without the
        # qualifier
        bare = _QUALIFIER.sub("", label).strip(" ,")
        if bare and bare != label:
            best = _best_measure(bare, st, catalog)
    return (catalog.concepts[best[1]], best[0]) if best[0] >= MEASURE_MIN else None


def _axis(names: list[str], words: str) -> Axis:
    named = [n for n in names if name_of(n).lower() not in _NEUTRAL]
    if len(named) >= 2 and all(is_place(n) for n in named):
        return GEOGRAPHY
    if _PRODUCT.search(words):
        return PRODUCTS
    return SEGMENTS


# what frames a table of stock-based compensation by line: "Includes stock-based compensation as follows:", "The
# following table shows the amounts of stock-based compensation ... under the following income statement categories"
_COMPENSATION = re.compile(r"\b(stock|share|equity)[\s-]*(based\s+)?compensation\b", re.I)
_LINE_WORDS = re.compile(r"\b(cost\s+of\s+\w+|research|development|marketing|sales|selling|general|administrative|"
                         r"technology|engineering|fulfillment|operations|operating|service|product|support|"
                         r"content|distribution)\b", re.I)


def _names_a_line(label: str) -> bool:
    name = name_of(label)
    return bool(name) and len(name.split()) <= _MAX_WORDS and bool(_LINE_WORDS.search(name)) and \
        not _WHOLE.match(name) and not _COMPENSATION.search(name) and \
        not re.search(r"\b(tax|taxes|benefit|total|net\s+income|net\s+loss|per\s+share)\b", name, re.I)


def allocation_runs(lines: list[Line], st: Statement, catalog: Catalog) -> list[Run]:
    """Rows under words that frame them as stock-based compensation, each naming an income statement line ("Cost
    of revenue", "Marketing", "General and administrative"): the compensation charged to that line, a member of
    the income statement location axis, not the line's expense. The frame is a caption above the rows, or the
    heading of the table they open; a total under them is the whole compensation. Reads the lines; changes
    nothing."""
    measure = catalog.concepts.get(ALLOCATED)
    if measure is None:
        return []
    heading: dict[int, str] = {}
    start = 0
    for t in st.tables:
        if t.rows:
            heading[start] = t.title[-400:]
        start += len(t.rows)
    runs: list[Run] = []
    i = 0
    while i < len(lines):
        frame = " ".join(((lines[i].row.label,) if lines[i].header else ()) + (heading.get(i, ""),))
        if not _COMPENSATION.search(frame):
            i += 1
            continue
        j = i + 1 if lines[i].header else i
        rows: list[int] = []
        # each row names a line of the income statement: few words, words a line is named by, no measure of its
        # own (a "Tax benefit", "Total" or "Net income" row ends the run)
        while j < len(lines) and not lines[j].header and lines[j].row.has_values and not lines[j].children \
                and lines[j].kind == "monetary" and _names_a_line(lines[j].row.label):
            rows.append(j)
            j += 1
        total = j if j < len(lines) and lines[j].row.has_values and lines[j].children and \
            {k for k, _ in lines[j].children} == set(rows) else None
        if len(rows) >= 2:
            runs.append(Run(REPORT_LINES, measure, 0.9, f"the words over them {' '.join(frame.split())[:120]!r}",
                            total, tuple(rows)))
        i = max(j, i + 1)
    return runs


def member_runs(lines: list[Line], st: Statement, catalog: Catalog, title: str,
                confirmed=lambda total, concept: False) -> list[Run]:
    """The runs of member rows of a segment note, and of stock-based compensation by line anywhere. Reads the
    lines; changes nothing. `confirmed(total, concept)`: the total's figures are those a statement reports under
    the concept."""
    allocated = allocation_runs(lines, st, catalog)
    if st.kind == "note":
        allocated += instrument_runs(lines, catalog, {k for r in allocated for k in r.rows})
    if st.kind != "note" or not SEGMENT_NOTE.search(title):
        return allocated
    table_of, start = {}, 0
    for t in st.tables:
        for k in range(len(t.rows)):
            table_of[start + k] = t
        start += len(t.rows)
    # (a segment note's own table of compensation by line keeps its rows on the location axis)
    runs: list[Run] = list(allocated)
    taken: set[int] = {k for r in allocated for k in r.rows + ((r.total,) if r.total is not None else ())}

    def years_row(ln: Line) -> bool:
        return is_years_row(ln.row)

    def caption_above(i: int) -> str:
        j = i - 1
        while j >= 0 and (lines[j].header or years_row(lines[j])):
            if lines[j].header and lines[j].row.label.strip():
                return lines[j].row.label
            j -= 1
        return ""

    def opens_table(i: int) -> bool:
        """No amount of the table is printed above row i: the table's heading and headers are the run's."""
        t = table_of.get(i)
        return t is not None and all(table_of.get(j) is not t or not lines[j].row.has_values or years_row(lines[j])
                                     for j in range(i))

    def members_under(p: Line, measure: Concept) -> list[int]:
        """The rows a total adds up that are names. Where names are most of them, a row the mapper read as a
        concept that is no part of the measure is a name too (Nike's "Equipment" among footwear and apparel sales
        is no equipment expense). A group's own total ("Total Integrated Defense Systems") is a member too, and
        so are the names it adds up; an unlabeled subtotal of names (Boeing's sales outside the United States)
        stays as it is, its names are members."""
        kids = [k for k, _ in p.children]
        names = [k for k in kids if _is_name(lines[k]) or _is_group(lines[k])]
        # a place among places is a name whatever the mapper made of it (Microsoft's "U.S. operations", read as
        # operating cash flow, beside its European and other international operations)
        if names and all(is_place(lines[k].row.label) for k in names):
            names += [k for k in kids if k not in names and is_place(lines[k].row.label)
                      and _is_name(lines[k], read=True)]
        if len(names) * 2 > len(kids):
            names += [k for k in kids if k not in names and _is_name(lines[k], read=True)
                      and lines[k].concept.name != measure.name
                      and measure.name not in catalog.ancestors(lines[k].concept.name)]
        out = list(names)
        for k in kids:
            kid = lines[k]
            if k in names and kid.children or (not kid.row.label.strip() and kid.concept is None and kid.children):
                inner = members_under(kid, measure)
                if len(inner) >= 2:
                    out += inner
                elif k in names and not _is_name(kid):
                    out.remove(k)  # a group whose rows are no names is no group of members
        return sorted(set(out))

    def measure(total: Line | None, first: int) -> tuple[Concept, float, str] | None:
        # an unlabeled total's concept is the mapper's guess from the rows (which are names here): the caption or
        # the headers say what it is
        if total is not None and total.concept is not None and not total.concept.extension \
                and total.kind == "monetary" and not _BARE_TOTAL.match(total.row.label) \
                and (total.score >= TOTAL_MIN or (total.score >= CONFIRMED_MIN and confirmed(total, total.concept))):
            return total.concept, total.score, f"the total '{' '.join(total.row.label.split())}'"
        table = table_of.get(first) if opens_table(first) else None
        for text, where in ((caption_above(first), "the caption"),
                            (header_measure(table.columns) if table else "", "the column headers"),
                            (own_heading(table.title) if table else "", "the table's heading")):
            found = measure_for(text, st, catalog) if text else None
            if found is not None:
                return found[0], found[1], f"{where} '{' '.join(text.split())}'"
        return None

    for p in lines:
        if len(p.children) < 2 or p.index in taken or \
                (_is_group(p) and measure_for(member_name(p.row.label), st, catalog) is None):
            continue  # (a group's own total is a member of the run around it; "Total inventories" is no group)
        first = min(k for k, _ in p.children)
        m = measure(p, first)
        if m is None:
            continue
        rows = members_under(p, m[0])
        if len(rows) < 2 or taken & set(rows):
            continue
        title_tail = table_of[first].title[-300:] if first in table_of else ""
        words = " ".join([caption_above(first), p.row.label, st.title, title_tail])
        runs.append(Run(_axis([lines[k].row.label for k in rows], words), m[0], m[1], m[2], p.index, tuple(rows)))
        taken |= set(rows) | {p.index}
        # what the total adds to its segments ("Corporate", "Eliminations") is the measure's reconciling item
        recon = tuple(k for k, _ in p.children if k not in taken and _is_reconciling(lines[k]))
        runs += _reconciling_runs(lines, recon, m, p.index)
        taken |= set(recon)
    # rows that name the segments' figure of a measure, or the part outside the segments ("Segment operating
    # income", "Other corporate expenses, net", above "Total operating income"; "Segment assets", "Corporate assets")
    for ln in lines:
        if ln.index in taken or ln.header or ln.kind != "monetary" or ln.children or ln.concept is not None:
            continue
        m = _AGGREGATE.fullmatch(name_of(ln.row.label))
        if m is None:
            continue
        up = lines[ln.parent] if ln.parent is not None and ln.parent not in taken else None
        words = m.group("a") or m.group("b")
        found = measure_for(words, st, catalog)
        whole = measure(up, min(k for k, _ in up.children)) if up is not None else None
        if m.group("a"):
            if found is None or (whole is not None and whole[0].qname != found[0].qname):
                continue
            runs.append(Run(SEGMENTS, found[0], found[1], f"the words '{words}'",
                            up.index if whole is not None else None, (ln.index,), OPERATING_SEGMENTS))
            taken.add(ln.index)
            if whole is not None:  # the total's other rows reconcile the segments' figure to it
                recon = tuple(k for k, _ in up.children if k not in taken and _is_reconciling(lines[k]))
                runs += _reconciling_runs(lines, recon, whole, up.index)
                taken |= set(recon) | {up.index}
        elif found is not None and up is None and not _HOLDING.search(words) and not _CONNECTOR.match(words):
            runs.append(Run(CONSOLIDATION, found[0], found[1], f"the words '{words}'", None, (ln.index,), CORPORATE))
            taken.add(ln.index)
    # name rows under a caption, with no total printed ("Net sales:" over "United States", "Europe")
    i = 0
    while i < len(lines):
        if lines[i].header and lines[i].row.label.strip():
            j = i + 1
            run = []
            while j < len(lines) and _is_name(lines[j]) and lines[j].parent is None and not lines[j].children \
                    and j not in taken:
                run.append(j)
                j += 1
            # a last row for the whole company ("Consolidated") is the measure itself
            whole = j if j < len(lines) and not lines[j].header and lines[j].concept is None and \
                lines[j].row.has_values and _WHOLE.match(lines[j].row.label) and j not in taken else None
            if len(run) >= 2:
                m = measure(None, run[0])
                if m is not None:
                    runs.append(Run(_axis([lines[k].row.label for k in run], lines[i].row.label), m[0], m[1], m[2],
                                    whole, tuple(run)))
                    taken |= set(run) | ({whole} if whole is not None else set())
            i = max(j, i + 1)
        else:
            i += 1
    return runs

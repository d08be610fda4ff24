"""Row labels → concepts, by the taxonomy's labels, the statement a concept belongs to, and the subtotal structure."""
from __future__ import annotations

import calendar
import re
from decimal import Decimal
from bisect import bisect_right
from collections import Counter
from typing import Callable
from datetime import date, timedelta
from dataclasses import dataclass, field
from functools import lru_cache

from edgar2xbrl.tag.catalog import LATER, STATEMENT_TAGS, Catalog, balance_by_name, never_negative, one_way
from edgar2xbrl.tag.labels import WEAK, _mass, _words, camel, column_measure, coverage, not_money, similarity, tokens, word_set
from edgar2xbrl.model import Concept, Period, Row, Statement
from edgar2xbrl.tables.periods import all_dates

THRESHOLD = 0.5
# income results enter the operating cash flow with weight +1 although they carry a credit balance
_CASH_PLUS_CREDIT = {"NetIncomeLoss", "ProfitLoss", "IncomeLossFromContinuingOperations"}
_BEGIN = re.compile(r"beginning\s+of\s+(the\s+)?(period|year|quarter)|at\s+beginning|,\s*beginning|"
                    r"^\s*(beginning|opening)\s+balance\b", re.I)
_END = re.compile(r"end\s+of\s+(the\s+)?(period|year|quarter)|at\s+end|,\s*end(ing)?\b|^\s*(ending|closing)\s+balance\b",
                  re.I)
# a match starts at a comma or where no whitespace precedes (as the leftmost match of ",?\s*..." always does):
# without that, a long run of spaces is rescanned from each of its positions
_BEGIN_END_WORDS = re.compile(r"(?:,|(?<!\s))\s*(at\s+|as\s+of\s+)?(the\s+)?(beginning|end)\s+of\s+(the\s+)?(period|year|quarter|month)s?\b",
                              re.I)
# "Beginning accrued warranty" / "Ending accrued warranty": a balance named after its edge word, read as one only in
# a pair (a beginning row above an ending one), since "Beginning" alone opens other phrases
_EDGE_FIRST = re.compile(r"^\s*(?P<edge>beginning|ending)\s+(?!of\b)(?=[a-z])", re.I)
_PER_SHARE = re.compile(r"per\s+(common\s+)?share|per\s+unit|\beps\b", re.I)
SIDE_CAPTION = re.compile(r"(assets|liabilities):?", re.I)  # a note's "Assets:" over the rows it holds
_SHARES = re.compile(r"\bshares\b|weighted\s+average|number\s+of\s+common", re.I)


@dataclass
class Line:
    """One row of a statement as it will be presented and tagged."""

    index: int
    row: Row
    concept: Concept | None = None
    score: float = 0.0
    header: bool = False
    kind: str = "monetary"  # monetary | shares | perShare
    instant_at: str = ""  # "start" / "end" for cash at beginning/end of period in a duration column
    children: list[tuple[int, int]] = field(default_factory=list)  # (line index, printed sign)
    parent: int | None = None
    weight: int = 1  # calculation weight to the parent
    sign: int = 1  # value = sign × printed
    context_label: str = ""
    alternatives: list[tuple[str, float]] = field(default_factory=list)
    reason: str = ""
    cut: bool = False  # its sign by meaning disagrees with the printed sum: out of its parent's calculation
    widen: bool = False  # mapped by what it names before "and other": its concept must widen, or it has none
    dated: Period | None = None  # the period its own label dates ("Outstanding at 9/25/99"), in an undated table
    rolled: bool = False  # printed between a beginning and an ending balance: what moved the balance in the period
    nearest_period: str = ""  # the period type of the best-scoring candidate, chosen or not ("" with none)
    measure_period: str = ""  # the period type of the measure named above it, where it names a member


_PLACE = re.compile(r"^\s*(?:(?P<foreign>non-?\s?u\.?\s?s\.?|foreign|international|outside\s+(?:of\s+)?the\s+"
                    r"(?:u\.?\s?s\.?|united\s+states))|u\.?\s?s\.?|united\s+states|domestic)(?:\s+operations)?\s*:?\s*$",
                    re.I)
_INCLUDING = re.compile(r"\(?\bincluding\b[^,()]*\)?", re.I)
_TELLS_APART = re.compile(r"noncontrolling|non-controlling|minority|tax|interest|discontinued|portion", re.I)


_RATE_PER_SHARE = re.compile(r",?\s{0,3}(\b(of|at)\s{1,3})?\$\s{0,2}\d{0,6}(\.\d{1,4})?\s{1,3}(a|per)\s{1,3}"
                             r"((?P<cls>common|preferred)\s{1,3})?share\b", re.I)


@lru_cache(maxsize=65536)  # a row's label is read again by every pass over its statement
def core_label(label: str) -> str:
    """The row's own words, without parentheticals that carry amounts ("(less allowance ... of $10)")."""
    t = re.sub(r",?\s*\b(no|without)\s+par\s+value\b|,?\s*\$?\s*[\d.]+\s+(par|stated)\s+value\b|"
               r",?\s{0,3}\b(par|stated)\s{1,3}value\s{1,3}(of\s{1,3})?\$\s{0,2}\d{0,6}(\.\d{1,4})?(\s{1,3}(a|per)\s{1,3}share)?",
               " ", label, flags=re.I)
    # "(net of accumulated depreciation of $1,448)": the amounts go, the row's being net stays
    t = re.sub(r"\s*\(\s*net\s+of\b[^()]*\d[^()]*\)", ", net ", t, flags=re.I)
    t = re.sub(r"\([^()]*\d[^()]*\)", " ", t)
    t = re.sub(r"\([^()]*$", " ", t)
    # "Cash dividends of $.48 per common share": the rate goes, the class of stock it is paid on stays
    t = _RATE_PER_SHARE.sub(lambda m: f" on {m.group('cls')} stock " if m.group("cls") else " ", t)
    # "Purchases of fixed assets, including internal-use software": what the row includes does not change what
    # it is, unless the words are the ones that tell concepts apart (net income including noncontrolling interest)
    t = _INCLUDING.sub(lambda m: m.group(0) if _TELLS_APART.search(m.group(0)) else "\0", t)
    t = t.replace(", \0", " ").replace(",\0", " ").replace("\0", " ")
    # "Common stock and paid-in capital - shares authorized 4,000; outstanding 1,204": the row is the words
    # before the dash
    m = re.search(r"(\s*--\s*|\s+-\s+|\s*\u2014\s*)(?=[^-]*\d)", t)
    if m and m.start() > 3:
        t = t[: m.start()]
    m = re.search(r"[,;]\s*(?=[^,;]*\d)", t)
    if m and m.start() > 3:
        t = t[: m.start()]
    return " ".join(t.split()).strip(" :-")


_SHARE_COUNT = re.compile(r"shares\s+used|weighted[\s-]+average|number\s+of\s+(common\s+)?shares|"
                          r"common\s+(and\s+common\s+)?equivalent\s+shares|shares\s+outstanding", re.I)


_PER_SHARE_INPUT = re.compile(r"\bon\s+which\b|\(\s*(in\s+)?(thousands|millions|billions)\s*\)", re.I)
_COUNT_WORD = r"(issued|outstanding|authorized)(\s*(,|and|&)\s*(issued|outstanding|authorized))*"
_COUNT_LINE = re.compile(rf"^\s*{_COUNT_WORD}\s+shares\b|^\s*shares\s+{_COUNT_WORD}\b", re.I)


def _dashed_counts(lines: list["Line"]) -> frozenset[int]:
    """Share-count lines under a stock's caption that print only dashes, where another count line under the same
    caption prints the stock's amount ("Issued shares—461 and 445  —  —" above "Outstanding shares—444 and 428  5
    4"): the dashes are no amount of the stock, which is printed once."""
    by_caption: dict[str, list["Line"]] = {}
    for ln in lines:
        if not ln.header and ln.context_label and _COUNT_LINE.match(ln.row.label):
            by_caption.setdefault(ln.context_label, []).append(ln)
    out: set[int] = set()
    for group in by_caption.values():
        cells = {ln.index: [c for c in ln.row.cells if c is not None] for ln in group}
        if any(cs and any(not c.dash for c in cs) for cs in cells.values()):
            out |= {k for k, cs in cells.items() if cs and all(c.dash for c in cs)}
    return frozenset(out)


def counted(row: Row, st: Statement) -> bool:
    """A row of a note table whose columns are counts of shares or options and prices or terms beside them, with no
    column of amounts ("Number of options | Weighted-average exercise price" for each year), that prints a figure
    under a count: it counts shares, whatever its words ("Granted (price equals fair market value)")."""
    if st.kind != "note" or not_money(row.label):  # ("Weighted-average remaining life (years) 6.5")
        return False
    measures = [column_measure(c.header) for c in st.columns]
    if measures == [""] and st.tables and st.tables[0].title.strip():
        # one column, its heading printed as the last line over the table ("Number of Units" over the activity of
        # restricted stock units, the column itself dated by the rows)
        measures = [column_measure(st.tables[0].title.strip().splitlines()[-1])]
    return "count" in measures and "" not in measures and any(
        m == "count" and k < len(row.cells) and row.cells[k] is not None and not row.cells[k].dash
        for k, m in enumerate(measures))


# a row that says it is an amount or a price, under a column of counts ("Weighted-average fair value per share of
# options granted" printed under "Options")
_MONEY_ROW = re.compile(r"\$|\bper\s+(share|unit|option)\b|\b(values?|amounts?|prices?|costs?|proceeds|expense|"
                        r"compensation|income|earnings|dollars)\b", re.I)


_DILUTIVE_CAPTION = re.compile(r"\b(effect|dilutive\s+effect)\s+of\s+(potentially\s+)?dilutive\s+(securities|"
                               r"potential\s+common\s+shares|shares|stock\s+options)|\bpotentially\s+dilutive\s+"
                               r"(securities|shares)|\bdilutive\s+potential\s+common\s+shares|"
                               # "Dilutive effect of:" over the structured repurchases, preferred stock and options
                               r"^\s{0,8}dilutive\s+effect\s+of\s{0,3}:?\s{0,3}$", re.I)


def row_kind(row: Row, st: Statement, context: str = "") -> str:
    label = row.label
    vals = [c for c in row.cells if c is not None and not c.dash]
    # (words in parentheses qualify the count: "Granted (price equals fair market value)")
    if counted(row, st) and not _MONEY_ROW.search(re.sub(r"\([^()]*\)", " ", label)):
        return "shares"
    if st.kind == "balance_sheet" and re.search(r"\bshares\b", label, re.I) and \
            (re.search(r"\d", core_label(label) + label) or (_COUNT_LINE.match(label) and re.search(r"\bnone\b", label, re.I))):
        # "Outstanding shares -- 432 and 428      $4": the counts are in the words, the columns hold dollars
        return "monetary"
    # "Shares used in computing earnings per share" counts shares, whatever else it mentions
    if _SHARE_COUNT.search(label) and not any(c.places >= 2 for c in vals):
        return "shares"
    # SFAS 128's "Numerator for basic earnings per share -- net income" is the earnings, "Denominator ..." the
    # shares: the words of the computation name its inputs, never a per-share amount
    if re.search(r"\bnumerator\b", label, re.I) and not any(c.places >= 2 for c in vals):
        return "monetary"
    if re.search(r"\bdenominator\b", label, re.I) and not any(c.places >= 2 for c in vals):
        return "shares"
    # "Net earnings on which diluted earnings per share is calculated (millions)": the input of the computation,
    # in millions, not an amount per share
    if _PER_SHARE.search(label) and not _PER_SHARE_INPUT.search(label):
        return "perShare"
    context = core_label(context)
    if context and _SHARE_COUNT.match(context) and not core_label(label).lower().startswith(("total", "net")) \
            and not any(c.places >= 2 for c in vals):
        return "shares"
    if context and _PER_SHARE.search(context) and vals and all(abs(c.value) < 100 and c.places == 2 for c in vals):
        # "Net income, as reported  $4.03" under "Basic earnings per share:" in a table of whole dollars: dollars
        # and cents per share, as every figure of the row says, though the words name the income
        return "perShare"
    if context and not core_label(label).lower().startswith(("total", "net")):
        # "Basic" under "Earnings per share:" or under "Weighted average shares:"
        # (amounts in cents: "Less: preferred dividends  13" under "Basic earnings per share" is $13 million)
        if _PER_SHARE.search(context) and (not vals or (all(abs(c.value) < 1000 for c in vals) and
                                                         any(c.places >= 2 for c in vals))):
            return "perShare"
        if re.match(r"\s*(weighted|average|number\s+of|shares\s+used|common\s+shares\s+outstanding)", context, re.I) \
                and not _PER_SHARE.search(context) and not re.search(r"\$", row.label):
            return "shares"  # "Basic" under "Weighted average shares:"
        if _DILUTIVE_CAPTION.search(context) and not _PER_SHARE.search(context) and \
                not re.search(r"\$|\b(interest|income|earnings|loss|dividends?|expense)\b", row.label, re.I) and \
                not any(c.places >= 2 for c in vals):
            return "shares"  # "Dilutive options" under "Effect of dilutive securities:" in the denominator
    # a cash flow statement moves cash: "Repurchase shares of Common Stock (1,628)" is dollars paid
    if _SHARES.search(core_label(label)) and not re.search(r"\$|value|amount", core_label(label), re.I) and \
            st.kind != "cash_flow":
        return "shares"
    vals = [c for c in row.cells if c is not None and not c.dash]
    if vals and all(c.places >= 2 for c in vals) and st.scale > 0:
        return "perShare"
    return "monetary"


def candidates(catalog: Catalog, st: Statement, kind: str, period: str) -> list[Concept]:
    """The concepts a row of this statement, item type and period type may take (a fresh list: callers add)."""
    cache = catalog.__dict__.setdefault("_candidates", {})
    key = (st.kind, kind, period)
    if key not in cache:
        cache[key] = tuple(_candidates(catalog, st.kind, kind, period))
    return list(cache[key])


def _near_pool(catalog: Catalog, pool: list[Concept], names: frozenset[str], near: frozenset[str]) -> list[Concept]:
    """The concepts of the pool (`names`: their qnames) that share a word with the row (`near`), walking whichever
    of the two is shorter; the scores are sorted afterwards, with the name as the tie-break."""
    if len(near) * 4 >= len(pool):
        return [c for c in pool if c.qname in near]
    return [catalog.concepts[q] for q in sorted(near & names)]


def _sharing_near(catalog: Catalog, label: str, reach: frozenset[str], name_only: frozenset[str]) -> set[str]:
    """`(catalog.sharing(label) - name_only) | (catalog.sharing(label) & reach)`, without the sharing set: its
    concepts are mostly ones known by name alone (a few hundred for a row, against a score or two of kept ones),
    and of those only the few within reach are wanted. The kept concepts of each word are kept per catalog."""
    index = catalog.word_index()
    kept = catalog.__dict__.setdefault("_kept_sharing", {})
    words = catalog.sharing_words(label)
    out: set[str] = set()
    for w in words:
        mine = kept.get(w)
        if mine is None:
            mine = kept[w] = frozenset(index[w] - name_only)
        out |= mine
    sets = [index[w] for w in words]
    if len(reach) <= 64:
        out.update(q for q in reach if any(q in s for s in sets))  # (most rows: a handful within reach)
    else:
        out |= set().union(*sets) & reach
    return out


def candidate_names(catalog: Catalog, st: Statement, kind: str, period: str) -> frozenset[str]:
    """The qnames of `candidates(...)` (cached alike)."""
    cache = catalog.__dict__.setdefault("_candidate_names", {})
    key = (st.kind, kind, period)
    if key not in cache:
        cache[key] = frozenset(c.qname for c in candidates(catalog, st, kind, period))
    return cache[key]


def _candidates(catalog: Catalog, st_kind: str, kind: str, period: str) -> list[Concept]:
    tag = STATEMENT_TAGS[st_kind]
    out = []
    for c in catalog.items():
        if c.prefix != "us-gaap" or c.type != kind or c.period != period:
            continue
        if tag in c.statements or (period == "instant" and st_kind in ("cash_flow", "equity") and "bs" in c.statements) \
                or (st_kind == "equity" and "is" in c.statements and _OCI in catalog.ancestors(c.name)) \
                or (st_kind == "note" and c.type != "textBlock" and
                                   ("note" in c.statements or (period == "duration" and ("is" in c.statements or "cf" in c.statements))
                                    or (period == "instant" and "bs" in c.statements))):
            out.append(c)
    return out


# an equity statement's other comprehensive income rows take the components the official calculation adds into it
_OCI = "OtherComprehensiveIncomeLossNetOfTax"


# a concept known only by the words of its official name yields to a kept wording that fits as well
NAME_ONLY = 0.9
NAME_MATCH = 0.7  # the least word overlap with an official name alone that counts
NAME_FLOOR = 0.6  # the least score of a concept known by its name alone
_QUALIFIERS = ("pro forma", "supplemental", "unaudited pro forma", "as adjusted", "excluding", "before")


_BARE_MEASURE = re.compile(r"\s{0,3}(estimated\s+|aggregate\s+)?(fair|market)\s+values?\s{0,3}", re.I)
_AT_EDGE = re.compile(r",?\s{0,3}(at\s+)?(the\s+)?(beginning|end)\s+of\s+(the\s+)?(period|year|quarter)|"
                      r",?\s{0,3}(at|as\s+of)\s+[a-z]+\.?\s+\d{1,2}(,\s{0,3}\d{4})?", re.I)
_HOLDINGS = re.compile(r"securit|marketable|available[\s-]+for[\s-]+sale|held[\s-]+to[\s-]+maturity", re.I)


@lru_cache(maxsize=32768)
def _bare_measure(label: str) -> bool:
    return bool(_BARE_MEASURE.fullmatch(_AT_EDGE.sub("", label)))


_SCORES: dict[tuple[str, str, str, int], tuple[Concept, float]] = {}
_SCORES_KEPT = 32768  # (at 65536 it held 12 MB; the HTML corpus hit it 9-17% of the time: half as many cost no time measured)


def score_concept(label: str, context: str, c: Concept, around: str = "", *, reached: bool = False) -> float:
    """How well concept `c` fits a row labelled `label` under the caption `context`; `around`: further words that
    frame the table (a note's title), read only for concepts known by their official name alone. `reached`: the
    caller knows `c` is within the label's reach (`within_reach`), so the test is not made again."""
    # a company's filings print the same rows year after year: a batch scores them again and again (the entry
    # holds the concept, so its id stays its own while the entry is kept; a concept is never changed)
    key = (label, context, around, id(c))
    hit = _SCORES.get(key)
    if hit is not None and hit[0] is c:
        return hit[1]
    s = _score_concept(label, context, c, around, reached)
    if len(_SCORES) >= _SCORES_KEPT:
        _SCORES.clear()
    _SCORES[key] = (c, s)
    return s


def _score_concept(label: str, context: str, c: Concept, around: str, reached: bool) -> float:
    names = (c.label,) + c.aliases
    if c.kept and _bare_measure(label) and not _HOLDINGS.search(f"{context} {around}"):
        # "Fair value, end of period" names a measure of what its table is about: the wording "fair value" kept for
        # a securities table's column says nothing of a warrant liability's or a receivable's fair value
        names = tuple(n for n in names if not _BARE_MEASURE.fullmatch(n))
    if not c.kept and not reached and _out_of_reach(label, names):
        return 0.0
    lt = tokens(label)
    low = label.lower()
    # "Pro forma basic and diluted loss per share" is not the reported EPS
    qualified = ("pro forma" in low or "supplemental" in low) and \
        [q for q in ("pro forma", "supplemental") if q in low and not any(q in n.lower() for n in names)]
    factor = (1.0 if c.kept else NAME_ONLY) * c.era_weight
    plain = _plain_score(label, context, names, lt)
    if not c.kept:
        # a name's words overlap many a row's words by chance: they count where they nearly match, or where the
        # row's words are all in the name and its surroundings account for most of the rest
        # (coverage is 0 unless the name has every word of the label: then the product is 0 too)
        own = word_set(label)
        fit = _residual_fit(label, c.label) * coverage(label, f"{context} {around}", c.label) \
            if own and own <= word_set(c.label) else 0.0
        plain = max(plain if plain >= NAME_MATCH else 0.0, fit)
    if _against(low, c.name) or _what_it_is_before(low, names) or _comprehensive_mismatch(low, c.name):
        return 0.0
    score = factor * (0.6 if qualified else 1.0) * plain
    if c.kept:
        return score
    # a name alone, matched loosely, is right a third of the time: below NAME_FLOOR it is no candidate; the
    # wordings kept for an official concept (taxonomy/wordings.csv) count as a kept concept's do
    worded = c.era_weight * (0.6 if qualified else 1.0) * _plain_score(label, context, c.aliases, lt) \
        if c.aliases else 0.0
    return max(score if score >= NAME_FLOOR else 0.0, worded)


_OTHER_COMPREHENSIVE = re.compile(r"\bother\s+comprehensive\b")


def _comprehensive_mismatch(low: str, name: str) -> bool:
    """Comprehensive income (net income and the other comprehensive income) and other comprehensive income are two
    things the label words tell apart only by "other", a word they weigh lightly: a row that names comprehensive
    income is never a concept of other comprehensive income, nor the other way round."""
    if "comprehensive" not in low or "Comprehensive" not in name:
        return False
    return bool(_OTHER_COMPREHENSIVE.search(low)) != ("OtherComprehensive" in name)


# "other" that names what is left of a class, not "X and other" (a class with odds and ends added to it)
_RESIDUAL_WORD = re.compile(r"(?<!\band )(?<!& )(?<!, )\b(other|miscellaneous|sundry)\b(?!\s+comprehensive|[\s-]+than)",
                            re.I)
RESIDUAL_MISS = 0.8


def _residual_fit(label: str, name: str) -> float:
    """"Other" names what is left of a class: "Total other current liabilities" is not the current liabilities
    (LiabilitiesCurrent), and a loan class "Real estate" is not foreclosed property (OtherRealEstate). The label
    words weigh "other" lightly, so a row and a concept's label that differ only there tie; where one of them
    has the word and the other lacks it, the score loses this factor. (Other comprehensive income,
    other-than-temporary and "X and other" are no residual classes.)"""
    return 1.0 if _residual(label) == _residual(name) else RESIDUAL_MISS


@lru_cache(maxsize=65536)
def _residual(text: str) -> bool:
    # (kept per text, not per pair: a label meets hundreds of names, and the names recur in every filing)
    return bool(_RESIDUAL_WORD.search(text))


_FOOTNOTE_CAPTION = re.compile(r"^\s{0,8}(\(\d{1,2}\)|\*{1,3}|\([a-z]\))\s{0,4}[A-Za-z]")


def _footnote_rows(lines: list[Line]) -> frozenset[int]:
    """The rows (line indexes) a statement's table prints under a footnote caption ("(1) Components of
    stock-based compensation:" below Amazon's net loss): a breakdown of some line by the statement's own line
    names, never those lines themselves (its "General and administrative" is stock compensation, its sum no
    income before taxes), up to the statement's next caption. They take no concept of the statement."""
    out: set[int] = set()
    inside = False
    for ln in lines:
        if ln.header:  # the next caption of the statement's own ("Other comprehensive income:") ends it
            inside = bool(_FOOTNOTE_CAPTION.match(ln.row.label))
        elif inside:
            out.add(ln.index)
    return frozenset(out)


def _reconciling_rows(lines: list[Line]) -> set[int]:
    """The rows (line indexes) of a run of rows, unbroken by a caption or a gap of lines (a note holds several
    tables), that holds the tax at the statutory rate."""
    runs: list[list[Line]] = []
    last = None
    for ln in lines:
        if ln.header or last is None or (ln.row.first_line or ln.row.line) - last > 2:
            runs.append([])
        if not ln.header:
            runs[-1].append(ln)
        last = ln.row.line
    return {ln.index for run in runs if any(_STATUTORY.search(x.row.label) for x in run) for ln in run}


_STATUTORY = re.compile(r"\bstatutory\b|\b(computed|expected)\s+(income\s+)?tax", re.I)
_UP = re.compile(r"\b(increase[sd]?|additions?|gross\s+increases)\b")
_DOWN = re.compile(r"\b(decrease[sd]?|reductions?|gross\s+decreases)\b")


@lru_cache(maxsize=32768)
def _direction(low: str) -> tuple[bool, bool]:
    return bool(_UP.search(low)), bool(_DOWN.search(low))


_LONG_TERM = re.compile(r"\blong[\s-]term\b|\bnon-?\s?current\b")
_CURRENT_WORD = re.compile(r"(?<!non)(?<!non-)(?<!non )\bcurrent\b|\bdue\s+within\b|\bshort[\s-]term\b")
_CURRENT_NAME = re.compile(r"(?<!Non)Current(?!ly)")


@lru_cache(maxsize=32768)
def _long_term_only(low: str) -> bool:
    return bool(_LONG_TERM.search(low)) and not _CURRENT_WORD.search(low)


_BEFORE = re.compile(r"\b(before|prior\s+to|excluding)\b(.*)$")


@lru_cache(maxsize=32768)
def _what_it_is_before(low: str, names: tuple[str, ...]) -> bool:
    """A row that is an amount before something ("Income/(loss) before minority interests", "Earnings before
    income taxes") is never that something: no concept whose name says nothing but the words after "before"
    (the minority interests' share, the income taxes)."""
    m = _BEFORE.search(low)
    if not m:
        return False
    after = set(tokens(m.group(2))) - WEAK
    if not after:
        return False
    return any((words := set(tokens(n)) - WEAK) and words <= after and not _BEFORE.search(n.lower()) for n in names)


def _against(low: str, name: str) -> bool:
    """A row that says only one way ("Decreases related to prior year tax positions") against a concept named
    only the other way (…IncreasesResultingFrom…): the words match, the direction does not. (The label words
    make increase and decrease one word, for the IncreaseDecrease concepts that go either way.) Likewise a row
    that says long-term and nothing current ("Long-term unearned revenue") against a concept of the current part
    (…LiabilityCurrent)."""
    if _long_term_only(low) and _CURRENT_NAME.search(name) and "Noncurrent" not in name:
        return True
    up, down = _direction(low)
    if up == down:
        return False
    named_up = "Increase" in name or "Addition" in name
    named_down = "Decrease" in name or "Reduction" in name
    return (named_up and not named_down and down) or (named_down and not named_up and up)


def _out_of_reach(label: str, names: tuple[str, ...]) -> bool:
    """A concept known by its name alone cannot score above 0 for this label (a quick test, never a wrong one):
    no name holds every word of the label (needed by coverage and by the caption's reading), and by the words
    the label shares with a name, whole or cut short, `similarity` stays below NAME_MATCH for every name."""
    own = word_set(label)
    if not own:
        return False
    for words, reachable, mass in _name_reach(names):
        if own <= words:
            return False
        # similarity = mass(shared) / mass(union): the shared words are at most the label's words a name's word
        # or prefix matches; the union holds at least the name's words and the label's words matching none
        if min(len(own & reachable), mass) >= NAME_MATCH * (mass + _mass(own - reachable)) - 1e-9:
            return False
    return True


@lru_cache(maxsize=32768)
def _name_reach(names: tuple[str, ...]) -> tuple[tuple[frozenset[str], frozenset[str], float], ...]:
    """Per name: its words, its words and their prefixes (what a label's word can match), the words' mass."""
    return tuple((_words(n)[0], _words(n)[0] | _words(n)[1], _mass(_words(n)[0])) for n in names)


def _name_only_index(catalog: Catalog):
    """The catalog's concepts known by their name alone, indexed by each word and word prefix of their names: what
    `within_reach` counts a label's words against. Built once per catalog."""
    idx = catalog.__dict__.get("_name_only_index")
    if idx is None:
        entries: list[tuple[str, float, frozenset[str]]] = []  # per name: its concept's qname, its words' mass, its
        # words and their prefixes
        reachable: dict[str, list[int]] = {}  # word or prefix → the entries (names) it is a word or prefix of
        whole: dict[str, set[int]] = {}  # word → the entries it is a word of
        name_only, totals = [], []
        for c in catalog.concepts.values():
            if c.kept:
                continue
            name_only.append(c.qname)
            if any(a.startswith("total") for a in c.aliases):
                totals.append(c.qname)
            for n in (c.label,) + c.aliases:
                words, prefixes = _words(n)
                e = len(entries)
                entries.append((c.qname, _mass(words), words | prefixes))
                for w in words | prefixes:
                    reachable.setdefault(w, []).append(e)
                for w in words:
                    whole.setdefault(w, set()).add(e)
        # each word's entries by their mass, lightest first: a label of n words reaches no name heavier than n / NAME_MATCH
        by_mass = {}
        for w, es in reachable.items():
            es.sort(key=lambda e: entries[e][1])
            by_mass[w] = ([entries[e][1] for e in es], es)
        idx = catalog._name_only_index = (entries, by_mass, {w: frozenset(es) for w, es in whole.items()},
                                          frozenset(name_only), frozenset(totals), {})
    return idx


def within_reach(catalog: Catalog, label: str) -> frozenset[str]:
    """The qnames of the concepts known by their name alone that `_out_of_reach` lets through for `label` (the
    same test, made once per label from the index instead of once per concept): every other one scores 0."""
    entries, by_mass, whole, name_only, _, cache = _name_only_index(catalog)
    own = word_set(label)
    hit = cache.get(own)
    if hit is not None:
        return hit
    if not own:
        return name_only
    out = set()
    # a name that holds every word of the label
    sets = [whole.get(w) for w in own]
    if all(sets):
        out.update(entries[e][0] for e in frozenset.intersection(*sets))
    # by the words shared: similarity = mass(shared) / mass(union) reaches NAME_MATCH only for a name whose mass is
    # at most the count of the label's words it meets over NAME_MATCH
    weak_words = own & WEAK
    strong_words = own - weak_words
    n_weak, n_strong = len(weak_words), len(strong_words)
    # a name that meets none of the row's strong words matches at most two weak ones, too few to reach NAME_MATCH
    # beside a strong word it misses (the weak words' lists, "net", "income", are the long ones)
    counted = strong_words if n_strong and n_weak < 3 else own
    uncounted = n_weak if counted is strong_words else 0
    # a name met by one counted word meets at most 1 + uncounted words; one met by two or more, at most all
    light = (1 + uncounted) / NAME_MATCH + 1e-6
    heavy = len(own) / NAME_MATCH + 1e-6
    near = set()
    met = []
    for w in counted:
        found = by_mass.get(w)
        if found:
            masses, es = found
            near.update(es[:bisect_right(masses, light)])
            if len(counted) > 1:
                met.append(frozenset(es[:bisect_right(masses, heavy)]))
    for k, a in enumerate(met):
        for b in met[k + 1:]:
            near |= a & b
    for e in near:
        q, mass, reach = entries[e]
        if q in out:
            continue
        strong, weak = len(strong_words & reach), len(weak_words & reach)
        # (the terms as `_out_of_reach` computes them, so the float comparison is the same)
        if min(strong + weak, mass) >= NAME_MATCH * (mass + ((n_strong - strong) + 0.35 * (n_weak - weak))) - 1e-9:
            out.add(q)
    if len(cache) > 65536:
        cache.clear()
    hit = cache[own] = frozenset(out)
    return hit


def _plain_score(label: str, context: str, names, lt) -> float:
    best = 0.0
    for n in names:
        if lt and lt == tokens(n):
            return 1.0
        sim = similarity(label, n)
        if not sim:
            continue  # no word in common: nor has the name every word of the row, below
        fit = _residual_fit(label, n)
        best = max(best, fit * sim)
        # the caption above narrows a row's own words ("Accounts receivable" under "Changes in ..."), it never
        # stands in for them: every word of the row must be in the candidate
        if context and lt and word_set(label) <= word_set(n):
            best = max(best, fit * 0.95 * similarity(context + " " + label, n))
    return best


_BOTTOM_LINE = re.compile(r"\s{0,8}net\s{1,3}(?:\(loss\)\s{1,3})?(?:income|earnings|loss)(?:\s{0,3}\((?:loss|deficit)\))?\s{0,3}:?\s{0,3}$", re.I)
_BASIC_OR_DILUTED = re.compile(r"^\s{0,8}(basic|diluted|assuming\s{1,3}dilution|primary|fully\s{1,3}diluted)\b", re.I)


def _bottom_line_per_share(lines: list[Line], catalog: Catalog) -> None:
    """"Net income $4.03" per share under "Basic:" (or "Diluted:"), the last of the amounts per share printed
    under the caption, is the earnings per share of that kind: its own words name only the income."""
    for ln in lines:
        if ln.header or ln.kind != "perShare" or not _BOTTOM_LINE.match(ln.row.label) or \
                (ln.concept is not None and not ln.concept.extension and ln.score >= THRESHOLD):
            continue
        kind = _BASIC_OR_DILUTED.match(ln.context_label or "")
        if kind is None:
            continue
        name = "EarningsPerShareBasic" if kind.group(1).lower() in ("basic", "primary") else "EarningsPerShareDiluted"
        concept = catalog.find(name)
        if concept is not None:
            ln.concept, ln.score = concept, max(ln.score, THRESHOLD)
            ln.reason = f"{name}: the net income per share under the caption {ln.context_label.strip()!r}"


def _diluted_counts(lines: list[Line], catalog: Catalog) -> None:
    """Weighted-average counts told apart by what they add up: the basic count plus dilutive shares is the diluted
    count, whatever its words ("Weighted-average number of shares" under the basic shares, warrants and options);
    beside a diluted count, the count of no kind is the basic one."""
    both_counted = catalog.find("WeightedAverageNumberOfShareOutstandingBasicAndDiluted")
    basic_counted = catalog.find("WeightedAverageNumberOfSharesOutstandingBasic")
    diluted_counted = catalog.find("WeightedAverageNumberOfDilutedSharesOutstanding")
    if both_counted is None or basic_counted is None or diluted_counted is None:
        return
    by_index = {ln.index: ln for ln in lines}
    for ln in lines:
        if ln.kind != "shares" or any(x.concept is diluted_counted for x in lines) or \
                (ln.concept is not None and not ln.concept.extension and
                 not ln.concept.name.startswith("WeightedAverageNumberOfShares") and ln.concept is not both_counted):
            continue
        base = next((kid for k, _ in ln.children if (kid := by_index.get(k)) is not None and
                     kid.concept in (basic_counted, both_counted)), None) or _basic_below(ln, lines)
        if base is None:
            continue
        ln.concept = diluted_counted
        ln.reason = "the basic count and the dilutive shares it adds: the diluted count"
        if base.concept is both_counted and not any(x.concept is basic_counted for x in lines):
            base.concept = basic_counted
            base.reason = "the basic count the diluted one adds dilutive shares to"
    # beside a diluted count (or the dilutive shares it adds), "Weighted-average shares outstanding" is the basic one
    counted = {ln.concept.name for ln in lines if ln.concept is not None}
    if basic_counted.name not in counted and \
            counted & {"WeightedAverageNumberOfDilutedSharesOutstanding",
                       "WeightedAverageNumberDilutedSharesOutstandingAdjustment"}:
        for ln in lines:
            if ln.concept is both_counted and not re.search(r"diluted|fully", ln.row.label, re.I):
                ln.concept = basic_counted
                ln.reason = "beside the diluted count of shares, the basic one"
                break


def _basic_below(ln: Line, lines: list[Line]) -> "Line | None":
    """The basic (or basic-and-diluted) count printed a few rows above `ln` when `ln`'s every figure is it plus the
    rows between them (a table printed with no subtotal rule: the basic shares, the warrants and options,
    "Weighted-average number of shares")."""
    pos = lines.index(ln)
    for up in range(pos - 1, max(-1, pos - 6), -1):
        b = lines[up]
        if b.concept is None or b.concept.name not in ("WeightedAverageNumberOfSharesOutstandingBasic",
                                                       "WeightedAverageNumberOfShareOutstandingBasicAndDiluted"):
            continue
        between = [x for x in lines[up + 1:pos] if not x.header]
        if not between or any(x.kind == "perShare" or any(c is not None and "$" in c.text for c in x.row.cells)
                              for x in between):
            return None  # (a count among counts prints no dollar sign)
        sums = []
        for k in range(len(ln.row.cells)):
            cells = [x.row.cells[k] if k < len(x.row.cells) else None for x in [b, *between, ln]]
            if cells[0] is None or cells[-1] is None:
                continue
            sums.append(sum((c.value for c in cells[:-1] if c is not None), Decimal(0)) == cells[-1].value)
        return b if sums and all(sums) else None
    return None


_BASIC_AND_DILUTED = re.compile(r"\bbasic\s{0,3}(?:and|&|/)\s{0,3}diluted\b", re.I)


def single_eps(lines: list[Line], catalog: Catalog) -> None:
    """One earnings-per-share line that names neither basic nor diluted (the era's "per common and common
    equivalent share") is both: EarningsPerShareBasicAndDiluted."""
    eps = [ln for ln in lines if ln.concept is not None and ln.concept.name in
           ("EarningsPerShareBasic", "EarningsPerShareDiluted", "EarningsPerShareBasicAndDiluted")]
    both = catalog.find("EarningsPerShareBasicAndDiluted")
    # a row that says it is both is both, however close its other words are to one of them
    for ln in eps:
        if both is not None and _BASIC_AND_DILUTED.search(ln.row.label):
            ln.concept = both
    if len(eps) == 1 and both is not None and not re.search(r"basic|diluted|primary", eps[0].row.label, re.I):
        eps[0].concept = both
    # the count of shares of a statement whose one earnings per share is both is both ("Shares used in computation
    # of net loss per share", which scores alike as basic and as diluted)
    counts = [ln for ln in lines if ln.concept is not None and ln.concept.name in
              ("WeightedAverageNumberOfSharesOutstandingBasic", "WeightedAverageNumberOfDilutedSharesOutstanding")]
    both_counted = catalog.find("WeightedAverageNumberOfShareOutstandingBasicAndDiluted")
    if len(eps) == 1 and eps[0].concept.name == "EarningsPerShareBasicAndDiluted" and len(counts) == 1 and \
            both_counted is not None and not any(ln.concept is both_counted for ln in lines) and \
            not re.search(r"basic|diluted|primary|fully", counts[0].row.label, re.I):
        counts[0].concept = both_counted
    # beside a diluted figure, the other one is basic
    names = {ln.concept.name for ln in eps}
    basic = catalog.find("EarningsPerShareBasic")
    if "EarningsPerShareDiluted" in names and "EarningsPerShareBasicAndDiluted" in names and \
            "EarningsPerShareBasic" not in names and basic is not None:
        for ln in eps:
            if ln.concept.name == "EarningsPerShareBasicAndDiluted":
                ln.concept = basic


def calc_weight(parent: Concept, child: Concept) -> int:
    if parent.balance and child.balance:
        return 1 if parent.balance == child.balance else -1
    if not parent.balance and child.balance:
        if child.name in _CASH_PLUS_CREDIT:
            return 1
        return 1 if child.balance == "debit" else -1
    return 1


# words of a cash flow, never of a balance held at the period's end
_FLOW_WORDS = re.compile(r"\b(provided|used|increase|decrease|change|changes|net\s+cash|proceeds|payments?|paid|"
                         r"purchases?|sales?|generated)\b", re.I)


# a caption printed on the line of the first row under it: a word or three and a colon
_INLINE_CAPTION = re.compile(r"^\s*([A-Za-z]+(?:\s+[A-Za-z]+){0,2})\s*:\s+[A-Za-z]")


# "Less: preferred dividends" says how the row counts, not what the rows below are
_OPERATOR = re.compile(r"(less|add|deduct|plus|minus|net|including|excluding|note|see|as|of)\b", re.I)


_AT_DAY = re.compile(r"\b(at|as\s+of)\s+(" + "|".join(calendar.month_name[1:]) + r")\s+(\d{1,2})\b(?!,?\s*\d{4})",
                     re.I)


def _dated_edge(label: str, st: Statement) -> str:
    """"start" or "end" for a row dated by a month and day that every column begins or ends on ("Cash and cash
    equivalents at January 1" over calendar years is the opening balance; so is a note's "Balance at January 1"
    under year-only columns, whose years are the periods), else ""."""
    m = _AT_DAY.search(label)
    periods = [p for c in st.columns for p in [c.year_period or c.period] if p is not None and p.start is not None]
    if not m or not periods:
        return ""
    day = (list(calendar.month_name).index(m.group(2).capitalize()), int(m.group(3)))
    if all((p.start.month, p.start.day) == day for p in periods):
        return "start"
    if all((p.end.month, p.end.day) == day for p in periods):
        return "end"
    return ""


def _parts_of_counts(lines: list[Line], subtotals: dict[int, list[tuple[int, int]]]) -> None:
    """What adds up to a count of shares is shares ("Convertible preferred stock 9,091" under "Effect of dilutive
    securities:", summed into "Dilutive potential common shares"), unless printed as dollars or cents."""
    for t in sorted(subtotals, reverse=True):
        if lines[t].kind != "shares":
            continue
        for k, _s in subtotals[t]:
            cells = [c for c in lines[k].row.cells if c is not None and not c.dash]
            if lines[k].kind == "monetary" and not any("$" in c.text or c.places >= 2 for c in cells):
                lines[k].kind = "shares"


_COUNTS_LEAD = re.compile(r"\b(?:shares|number\s{1,3}of\s{1,3}(?:common\s{1,3})?shares)\b[^.:$]{0,120}\b(?:were|was|are|is)\s{1,3}"
                          r"(?:as\s{1,3}follows|summarized|presented)", re.I)
_NOT_COUNTS = re.compile(r"\$|\b(?:dollars?|values?|prices?|amounts?|compensation|expense|proceeds|cost)\b", re.I)


def _counts_led_into(st: Statement) -> bool:
    """The sentence leading into the note's table says it lists shares ("Shares of common stock outstanding were as
    follows:"), and nothing of money."""
    title = st.tables[0].title if st.tables else ""
    lead = next((x for x in reversed(title.splitlines()) if len(x.split()) >= 5), "")
    return bool(_COUNTS_LEAD.search(lead)) and not _NOT_COUNTS.search(lead)


def _count_between_counts(lines: list[Line]) -> None:
    """A row printed without dollars or cents between two counts of shares that it adds to (or takes from) the first
    to make the second is a count too, whatever its words ("Effect of dilutive securities" between the basic and
    the diluted weighted-average shares, in a table printed with no subtotal rule)."""
    valued = [ln for ln in lines if not ln.header]
    for before, ln, after in zip(valued, valued[1:], valued[2:]):
        if ln.kind != "monetary" or before.kind != "shares" or ln.children or \
                (after.kind != "shares" and (after.kind != "monetary" or _MONEY_ROW.search(after.row.label) or
                                             _MONEY_ROW.search(ln.row.label))):
            continue
        n = min(len(before.row.cells), len(ln.row.cells), len(after.row.cells))
        triples = [(before.row.cells[k], ln.row.cells[k], after.row.cells[k]) for k in range(n)]
        triples = [(a, b, c) for a, b, c in triples if a is not None and b is not None and c is not None]
        if not triples or any("$" in b.text or b.places >= 2 or "$" in c.text or c.places >= 2 for _, b, c in triples):
            continue
        if all(a.value + b.value == c.value for a, b, c in triples) or \
                all(a.value - b.value == c.value for a, b, c in triples):
            # (and the third, printed as no money, is the count they make: "Common stock and common stock
            # equivalents (C)" after the basic shares and the dilutive effect)
            ln.kind = after.kind = "shares"


_PLACE_CAPTION = re.compile(r"\s{0,8}(?:united\s{1,3}states|u\.\s?s\.|domestic|foreign|international|non-u\.\s?s\.)\s{0,3}:?\s{0,3}$",
                            re.I)


def build_lines(st: Statement, subtotals: dict[int, list[tuple[int, int]]]) -> list[Line]:
    rows = st.rows
    lines = [Line(index=i, row=r, header=not r.has_values) for i, r in enumerate(rows)]
    header_text = ""
    before_inline = None  # the caption an inline one replaced, back at the subtotal that closes the inline one
    previous_header = False
    for ln in lines:
        if ln.header:
            if not _COUNT_LINE.match(ln.row.label):  # "Authorized shares -- 5,000" describes the caption above
                words = core_label(ln.row.label)
                # "Current:" then "United States" stacked over "Federal", "State": the place narrows the caption
                # above it, it does not replace it
                header_text = f"{header_text} {words}" if previous_header and header_text and \
                    _PLACE_CAPTION.match(words) else words
                before_inline = None
            previous_header = True
            continue
        previous_header = False
        ln.context_label = header_text
        ln.kind = row_kind(ln.row, st, header_text)
        inline = _INLINE_CAPTION.match(ln.row.label)
        if inline and not ln.row.label.rstrip().endswith(":") and not _OPERATOR.match(inline.group(1)):
            # "Current: Federal" opens "Current:" for "State" and "Foreign" below, until their subtotal
            if before_inline is None:
                before_inline = header_text
            header_text = inline.group(1)
        elif before_inline is not None and ln.index in subtotals:
            header_text, before_inline = before_inline, None
        if st.kind == "cash_flow" or st.kind == "note":
            if _BEGIN.search(ln.row.label):
                ln.instant_at = "start"
            elif _END.search(ln.row.label):
                ln.instant_at = "end"
            else:
                ln.instant_at = _dated_edge(ln.row.label, st)
    for t, kids in subtotals.items():
        lines[t].children = kids
        for k, _s in kids:
            lines[k].parent = t
    no_dollars = st.kind == "note" and not any("$" in c.text for r in st.rows for c in r.cells if c is not None)
    if no_dollars:
        # a sum with a count of shares among its parts is a count of shares, in a note that prints no dollar sign
        # ("Cancelled shares (2.0)" in the total issued)
        for t in sorted(subtotals):
            if lines[t].kind == "monetary" and any(lines[k].kind == "shares" for k, _s in subtotals[t]):
                lines[t].kind = "shares"
    _parts_of_counts(lines, subtotals)
    valued = [ln for ln in lines if not ln.header]
    if no_dollars and valued and valued[0].kind == "shares":
        # and such a note's table that opens with a count of shares counts shares, but in rows that say they are
        # money ("Issued - balance at January 1" ... then the treasury shares bought and issued, "Outstanding")
        for ln in valued:
            if ln.kind == "monetary" and not _MONEY_ROW.search(ln.row.label):
                ln.kind = "shares"
        _parts_of_counts(lines, subtotals)
    if no_dollars and _counts_led_into(st):
        # "Shares of common stock outstanding were as follows:" over a table of balances, issues and repurchases
        # printed in millions with no dollar sign: every row counts shares but one that says it is money
        for ln in valued:
            if ln.kind == "monetary" and not _MONEY_ROW.search(ln.row.label) and \
                    not any(c is not None and c.places >= 2 for c in ln.row.cells):
                ln.kind = "shares"
    _count_between_counts(lines)
    if st.kind == "cash_flow" or st.kind == "note":
        _edge_first(lines)
    if st.kind == "note":
        _date_by_labels(lines, st)
        _between_balances(lines)
    if st.kind == "cash_flow":
        # "Cash and equivalents, end of year" + "Short-term investments" = "Cash and short-term investments": a
        # balance added to the ending balance is a balance at the period's end, and so is their sum
        for t, kids in subtotals.items():
            flows = [k for k, _s in kids if not lines[k].instant_at and _FLOW_WORDS.search(lines[k].row.label)]
            if not lines[t].instant_at and any(lines[k].instant_at == "end" for k, _s in kids) and not flows \
                    and not _FLOW_WORDS.search(lines[t].row.label):
                for i in [t] + [k for k, _s in kids]:
                    lines[i].instant_at = lines[i].instant_at or "end"
    return lines


_AS_OF = re.compile(r"\b(at|as\s+of|balances?|outstanding|exercisable)\b[\s,:\-\u2013\u2014]*$", re.I)


def _date_by_labels(lines: list[Line], st: Statement) -> None:
    """A roll-forward whose columns print no dates ("Number of shares", "Weighted average price") and whose rows do
    ("Options outstanding at 9/25/99", "Granted", "Exercised", "Options outstanding at 7/1/00"): a dated row is a
    balance at its date, a row between two dated ones what happened from the day after the first to the second.
    The columns' period, taken from the prose above the table, would date every row at some date of the prose."""
    if len({c.period for c in st.columns}) != 1:
        return  # columns of their own periods (years) date the rows; a roll-forward's columns are measures
    dates: dict[int, "date"] = {}
    for pos, ln in enumerate(lines):
        if ln.header or not ln.row.has_values:
            continue
        # "at 9/25/99", "Balance, December 31, 1998": a balance's date, not a maturity ("Notes due June 30, 2005")
        # (or a label that is a date and nothing else: "December 31, 2008" over the year's increases and decreases)
        found = {d for d, start, end in all_dates(ln.row.label) if _AS_OF.search(ln.row.label[:start]) or
                 not (ln.row.label[:start] + ln.row.label[end:]).strip(" ,.:-\u2013\u2014")}
        if len(found) == 1:
            day = found.pop()
            if day.day == 1 and ln.instant_at == "start":
                day -= timedelta(days=1)  # "Beginning balance - January 1, 2002": the close of December 31, 2001
            dates[pos] = day
    if len(dates) < 2:
        return
    marks = sorted(dates)
    if dates[marks[0]].day == 1:
        # the opening balance "Outstanding at January 1, 2006" is the close of December 31, 2005: the year it
        # opens runs from January 1, not from January 2
        dates[marks[0]] -= timedelta(days=1)
    for pos in marks:
        lines[pos].dated = Period(end=dates[pos])
    for a, b in zip(marks, marks[1:]):
        if dates[b] <= dates[a]:
            continue
        for pos in range(a + 1, b):
            if not lines[pos].header and lines[pos].row.has_values:
                lines[pos].dated = Period(start=dates[a] + timedelta(days=1), end=dates[b])


def _printed_again(lines: list[Line]) -> None:
    """A row printed a second time in one table, same words and same figures ("Total provision for income taxes"
    under the provision by place and again under the provision by jurisdiction), is the same fact: it takes the
    first one's concept (written once, the second reported as a duplicate), never a runner-up that one concept
    per table would otherwise leave it (IBM's second total read as the deferred tax expense)."""
    seen: dict[tuple, list[Line]] = {}
    for ln in lines:
        if ln.header or not ln.row.label.strip():
            continue
        figures = tuple(None if c is None else c.value for c in ln.row.cells)
        # two figures or more, and words of its own ("Other 12" under deferred tax assets and again under the
        # liabilities is two facts)
        if sum(1 for v in figures if v) < 2 or not set(tokens(core_label(ln.row.label))) - _NO_MEANING:
            continue
        seen.setdefault((" ".join(core_label(ln.row.label).lower().split()), figures), []).append(ln)
    for same in seen.values():
        # the first that holds an official concept: a summary printed above the full statement (AIG's "Net cash
        # used in investing activities") loses its concept to the full statement's total, which sums its rows
        first = next((ln for ln in same if ln.concept is not None and not ln.concept.extension), None)
        if first is None:
            continue
        for ln in same:
            if ln.concept is not first.concept:
                ln.concept, ln.score = first.concept, first.score
                ln.reason = "the same row printed elsewhere in the table, with the same figures"


ROLL_ROWS = 16  # a roll-forward's movements fit on a page; a "beginning" row far above an "end" row opens none


def _edge_first(lines: list[Line]) -> None:
    """"Beginning accrued warranty ..." above "Ending accrued warranty ...": the balance at the period's start and
    at its end, as "..., beginning of period" would be."""
    start = None
    for pos, ln in enumerate(lines):
        if ln.header or ln.instant_at:
            continue
        edge = _EDGE_FIRST.match(ln.row.label)
        if edge is None:
            continue
        if edge.group("edge").lower() == "beginning":
            start = pos
        elif start is not None and pos - start <= ROLL_ROWS:
            lines[start].instant_at, ln.instant_at, start = "start", "end", None


def _between_balances(lines: list[Line]) -> None:
    """Rows printed between a beginning and an ending balance ("Balance, beginning of period", "Additions",
    "Amortization", "Balance, end of period") move the balance over the period: flows, whatever their words."""
    start = None
    for pos, ln in enumerate(lines):
        if ln.instant_at == "start" or (not ln.header and _BEGIN.search(ln.row.label)) or \
                (start is None and ln.dated is not None and ln.dated.start is None):
            start = pos  # (or the first balance its label dates: "Balance, December 31, 2000")
        elif start is not None and not ln.header and (
                ln.instant_at == "end" or (ln.dated is not None and ln.dated.start is None) or
                _END.search(ln.row.label) or _AT_A_DATE.search(ln.row.label)):
            if pos - start <= ROLL_ROWS:
                for mid in lines[start + 1:pos]:
                    if not mid.header and not mid.instant_at and (mid.dated is None or mid.dated.start is not None) \
                            and not _AT_A_DATE.search(mid.row.label):
                        mid.rolled = True
            # a balance its label dates ("Balance, December 31, 2001") ends one year's roll and opens the next
            start = pos if ln.dated is not None and ln.dated.start is None else None


def line_period_type(ln: Line, st: Statement) -> str:
    """instant or duration: what most of the columns the row has amounts in are (balance sheets are instants)."""
    if ln.dated is not None:
        return "instant" if ln.dated.start is None else "duration"
    if st.kind == "balance_sheet" or ln.instant_at:
        return "instant"
    kinds = [col.period.is_instant for k, col in enumerate(st.columns)
             if col.period is not None and k < len(ln.row.cells) and ln.row.cells[k] is not None]
    if not kinds:
        kinds = [col.period.is_instant for col in st.columns if col.period is not None]
    if kinds and sum(kinds) > len(kinds) / 2:
        if (_years_only(ln, st) and (ln.rolled or is_flow(core_label(ln.row.label)) or _earned_per_share(ln))) \
                or _beside_quarters(ln, st):
            # "Loss on redemption of debt" under "2010": the year, not its last day; and so is a year's "Total"
            # beside its four quarters, and what was earned per share in it
            return "duration"
        return "instant"
    return "duration"


# an amount per share at a date: a book value, a price, what options outstanding or exercisable were granted at
_PER_SHARE_AT = re.compile(r"\b(book\s+value|prices?|market|fair\s+value|exercis\w*|outstanding|equity|"
                           r"stock\s+value)\b|\bat\s+(the\s+)?(end|beginning|year|period|date)", re.I)


def _earned_per_share(ln: Line) -> bool:
    """An amount per share that is no value at a date: what was earned, paid or charged per share in a period
    ("Net income, as reported" under "Basic earnings per share:", "Stock-based compensation, net of tax")."""
    return ln.kind == "perShare" and not _PER_SHARE_AT.search(ln.row.label) and \
        not _PER_SHARE_AT.search(ln.context_label)


_QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b", re.I)


def _beside_quarters(ln: Line, st: Statement) -> bool:
    """A row of a table whose columns print the year's quarters ("First Quarter ... Fourth Quarter | Total"), dated
    only by year-only columns (the quarters' own ends are printed nowhere): what it prints is what happened in the
    quarters, the year's total included."""
    if sum(1 for c in st.columns if _QUARTER.search(c.header)) < 2:
        return False
    dated = [col for k, col in enumerate(st.columns)
             if col.period is not None and k < len(ln.row.cells) and ln.row.cells[k] is not None]
    return bool(dated) and all(col.year_period is not None for col in dated)


_DURING = re.compile(r"\bduring\s+(the\s+)?(year|period|quarter)\b|\baverage\b", re.I)


def is_flow(label: str) -> bool:
    """The row's words say it is what happened in a period: a change, a gain or loss on an event, or an average
    over the period ("Average outstanding during year")."""
    return bool(_CHANGE.search(label)) or _realized(label) or bool(_DURING.search(label))


def _realized(label: str) -> bool:
    """A gain or loss on an event ("Loss on redemption of debt"), not a balance held ("Unrealized losses")."""
    return bool(_GAIN_ON.search(label)) and not _HELD.search(label)


def column_period(ln: Line, col) -> "Period | None":
    """The column's period for this line: a year-only note column of an annual report is the fiscal year for a
    line whose concept is a flow, the year's end for a balance (its start for an opening balance)."""
    if col.year_period is not None and ln.concept is not None and col.period is not None and col.period.is_instant \
            and (ln.concept.period == "duration" or ln.instant_at == "start"):
        # (an opening balance under "1994" is the day before the year, not its last day)
        return col.year_period
    return col.period


_AT_A_DATE = re.compile(r"\bbalances?\b|\b(beginning|end)\s+of\b|\bat\s+(" + "|".join(calendar.month_name[1:]) + r"|year|period)",
                        re.I)


def neighbour_period(ln: Line, lines: list[Line], st: Statement) -> str | None:
    """Under year-only note columns (a year's end or the year), the period type a line with no official concept
    shares with the rows it adds up with: the nearest official total above it ("Computed expected tax" under the
    provision for income taxes), else the official rows it adds up when they agree (the unlabeled sum of a
    current and a deferred tax expense), else the official rows added up with it into the same total. Rows beside it
    that no total adds up with it say nothing: a segment table prints assets among sales. A segment's row takes the
    period type of the measure its caption or heading names. None where no official total or part is linked to
    it."""
    if not _years_only(ln, st) or _AT_A_DATE.search(ln.row.label) or _AT_A_DATE.search(ln.context_label):
        return None
    if ln.measure_period:
        return ln.measure_period  # a segment's row under "Depreciation and amortization"

    def official(i: int | None) -> "Concept | None":
        c = lines[i].concept if i is not None and 0 <= i < len(lines) else None
        return c if c is not None and not c.extension else None

    up, seen = ln.parent, set()
    while up is not None and up not in seen:  # "Total deferred tax assets", itself an extension, under the net
        seen.add(up)
        if official(up) is not None:
            return official(up).period
        up = lines[up].parent
    # rows added up together with it are of its kind: a sum never adds a balance to a flow ("Provision for social
    # security and other taxes" added to the provision for income taxes)
    if ln.parent is not None and 0 <= ln.parent < len(lines) and not ln.instant_at:
        beside = {official(k).period for k, _ in lines[ln.parent].children
                  if k != ln.index and official(k) is not None and not lines[k].instant_at and lines[k].dated is None
                  and not _BEGIN.search(lines[k].row.label) and not _AT_A_DATE.search(lines[k].row.label)}
        if len(beside) == 1:
            return beside.pop()
    # only when every row it adds up is official and of one kind: a roll-forward's ending balance adds up flows
    # and an opening balance
    kinds = [official(k).period if official(k) is not None else None for k, _ in ln.children]
    if kinds and None not in kinds and len(set(kinds)) == 1:
        return kinds[0]
    # or, with no opening balance among them, what two or more official rows of one kind it adds up are (a pro
    # forma net loss: the net loss as reported, plus and less stock compensation, one of them an extension)
    opening = any(lines[k].instant_at or _BEGIN.search(lines[k].row.label) or _AT_A_DATE.search(lines[k].row.label)
                  for k, _ in ln.children)
    known = [p for p in kinds if p is not None]
    if not opening and len(known) >= 2 and len(set(known)) == 1:
        return known[0]
    # or what all it adds up is, extensions made before it included, when one of them is official
    made = [lines[k].concept.period for k, _ in ln.children if lines[k].concept is not None]
    if not opening and known and len(made) >= 2 and len(made) == len(ln.children) and len(set(made)) == 1:
        return made[0]
    return _table_of_years(ln, lines, st)


def nearest_period_type(ln: Line, st: Statement) -> str | None:
    """Under year-only note columns (a year's end, or the year), the period type of the official concept a row's
    words fit best, where one fits (Ford's automotive "Depreciation" under "2001": the depreciation of the year,
    though the company's own figure, on us-gaap:Depreciation, differs); None where none fits or the row says a
    date or a balance."""
    if not _years_only(ln, st) or ln.instant_at or ln.dated is not None or ln.children or \
            _AT_A_DATE.search(ln.row.label) or _AT_A_DATE.search(ln.context_label):
        return None
    if not ln.alternatives or ln.alternatives[0][1] < THRESHOLD or not ln.nearest_period:
        return None
    if _balances_lead(st):
        return None  # "the components of accumulated other comprehensive income": balances, whatever each row fits
    return ln.nearest_period


# what a table's lead says of balances ("the components of accumulated other comprehensive income", "Net property at
# December 31 was as follows"): its rows are held at the columns' dates, whatever the year columns could also mean
def group_period_type(ln: Line, lines: list[Line], st: Statement) -> str | None:
    """Under year-only note columns, the period type of the rows a row is added up with (or adds up), where those
    that say one agree: "Service cost" and "Interest cost" beside "Actual return on plan assets", a flow of the year
    by its official concept, in "Net periodic postretirement benefit cost" (IBM's plan notes, whose concepts the
    company's other plan took). None where a balance at a date stands among them (a roll-forward) or none says."""
    if not _years_only(ln, st) or ln.instant_at or ln.dated is not None or _AT_A_DATE.search(ln.row.label) or \
            _AT_A_DATE.search(ln.context_label) or _balances_lead(st):
        return None
    top = ln.parent if ln.parent is not None else (ln.index if ln.children else None)
    if top is None or not 0 <= top < len(lines):
        return None
    said: set[str] = set()
    for x in [lines[top]] + [lines[k] for k, _ in lines[top].children if 0 <= k < len(lines)]:
        if x is ln:
            continue
        if x.instant_at or (x.dated is not None and x.dated.start is None) or _AT_A_DATE.search(x.row.label):
            return None
        if x.concept is not None and not x.concept.extension:
            said.add(x.concept.period)
        elif (p := nearest_period_type(x, st)) is not None:
            said.add(p)
    return said.pop() if len(said) == 1 else None


def table_period_type(ln: Line, lines: list[Line], st: Statement) -> str | None:
    """Under year-only note columns, for a row no total ties to others, the period type every official concept of
    the table's other rows has, where at least two say one and none says another ("Adjusted net income" among the
    reported net income and the goodwill amortization added back; "Penalties" in a reconciliation of the tax rate):
    flows of the year, or balances at its end. None where a row is a balance at a date or the lead says balances."""
    if not _years_only(ln, st) or ln.instant_at or ln.dated is not None or ln.parent is not None or ln.children or \
            _AT_A_DATE.search(ln.row.label) or _AT_A_DATE.search(ln.context_label) or _balances_lead(st):
        return None
    said: list[str] = []
    for x in lines:
        if x is ln or x.header:
            continue
        if x.instant_at or (x.dated is not None and x.dated.start is None) or _AT_A_DATE.search(x.row.label):
            return None
        if x.concept is not None and not x.concept.extension:
            said.append(x.concept.period)
    return said[0] if len(said) >= 2 and len(set(said)) == 1 else None


_BALANCES_LEAD = re.compile(r"\baccumulated\b|\bbalances?\b|\b(at|as\s+of)\s+(" + "|".join(calendar.month_name[1:]) +
                            r")\s+\d{1,2}(,\s*\d{4})?\s+(was|were|is|are|consisted|consist)\b", re.I)


_LAST_SENTENCE = re.compile(r"(?<=[a-z0-9)%\u201d\"][.;])\s+(?=[A-Z])")


def _balances_lead(st: Statement) -> bool:
    """The sentence that leads into a table of the statement says balances (not an earlier sentence's
    "intracompany transactions and balances have been eliminated")."""
    return any(_BALANCES_LEAD.search(_LAST_SENTENCE.split(" ".join(t.title.splitlines()[-2:]))[-1])
               for t in st.tables)


def _table_of_years(ln: Line, lines: list[Line], st: Statement) -> str | None:
    """A table whose official rows are all what happened in the year (two or more of them: an earnings-per-share
    computation, a pro forma net income) and none of whose rows says a date or a balance prints years, not year
    ends: its rows no total ties to an official one ("Effect of dilutive securities", "Add: goodwill amortization")
    are the year's too. Only rows under no caption or under a caption an official row of the year shares: a
    caption no official row has ("Long-lived assets:" over countries, "Assets" over segments) may name a balance
    beside the year's revenues), and only rows whose words are not nearest a balance."""
    official = [x for x in lines if not x.header and x.concept is not None and not x.concept.extension
                and x.dated is None and _years_only(x, st)]
    # a member's figure (a segment's assets beside the company's revenues) is its measure's: one of the year
    # supports the rest, one at the year's end says nothing of them
    plain = [x for x in official if not x.measure_period]
    support = plain + [x for x in official if x.measure_period and x.concept.period == "duration"]
    if len(support) < 2 or any(x.concept.period != "duration" for x in plain):
        return None
    official = support
    if any(x.instant_at or _BEGIN.search(x.row.label) or _AT_A_DATE.search(x.row.label)
           or _AT_A_DATE.search(x.context_label) for x in lines if not x.header):
        return None  # a roll-forward: its balances are instants among the year's flows
    if _balances_lead(st):
        return None
    if ln.context_label and ln.context_label not in {x.context_label for x in official}:
        return None
    if ln.nearest_period == "instant":
        return None  # its words are nearest a balance ("Segment assets" beside segment revenues)
    return "duration"


def _years_only(ln: Line, st: Statement) -> bool:
    """The line's amounts sit only in year-only note columns (either a balance at the year's end or a flow)."""
    cols = [col for k, col in enumerate(st.columns) if k < len(ln.row.cells) and ln.row.cells[k] is not None]
    return bool(cols) and all(col.year_period is not None for col in cols)


# anywhere in the words: a change, or a schedule of cash flows ("Working capital changes:")
_CHANGE_IN = re.compile(r"\bchanges?\b|\b(increase|decrease)[sd]?\b|\bworking\s+capital\b|\bcash\s+flows?\b", re.I)
# "before tax", "net of tax": how an amount is measured, not a tax (an unrealized gain before tax is no tax)
_AS_TAXED = re.compile(r"(BeforeTax|NetOfTax|AfterTax|OfTax)(?!es)")
# a note about income taxes (its title starts so), not one of amounts "net of income taxes"
_TAX_NOTE = re.compile(r"^\W*((provision\s+for|federal|u\.?s\.?|domestic\s+and\s+foreign)\s+)*(income\s+)?tax(es)?\b(?!\s+other)|"
                       r"^\W*taxes\s+on\s+income\b", re.I)


def map_lines(lines: list[Line], st: Statement, catalog: Catalog, taken: set[str] | None = None,
              around: str = "", implied: "re.Pattern[str] | None" = None,
              compare: "Callable[[Line, Concept], str] | None" = None) -> None:
    """Choose a concept for every valued line; each concept at most once per statement. `around`: words that
    frame the table (a note's title); `implied`: words a row's facts carry as a dimension instead ("segment" in a
    segment's rows), left out of its label; `compare(line, concept)`: how the line's figures stand to those already
    reported under the concept ("same", "differs", "partly", "unknown")."""
    pairs: list[tuple[float, int, Concept]] = []
    unlabeled: list[int] = []
    liability_side = _liability_side(lines) if st.kind == "balance_sheet" else None
    past_current = _past_current_totals(lines, liability_side) if st.kind == "balance_sheet" else frozenset()
    at = {ln.index: ln for ln in lines}
    # a rate reconciliation starts from the tax at the statutory rate: only there is a row one of its items (a
    # deferred tax asset table's "R&D credits" is the credit carried forward, not a reconciling item)
    reconciles = _reconciling_rows(lines)
    footnoted = _footnote_rows(lines) if st.kind != "note" else frozenset()
    # (under year columns a row may be the year's or held at its end: not where the lead says balances)
    balances_lead = st.kind == "note" and _balances_lead(st)
    dashed_counts = _dashed_counts(lines) if st.kind == "balance_sheet" else frozenset()
    for pos, ln in enumerate(lines):
        if ln.header or ln.index in footnoted:
            continue
        if ln.children and not re.sub(r"(?i)\btotals?\b", "", core_label(ln.row.label)).strip(" :-"):
            unlabeled.append(pos)  # named after what it adds up, once the rows above have concepts
            continue
        period = line_period_type(ln, st)
        label = core_label(ln.row.label) or ln.context_label
        if implied is not None:
            label = " ".join(implied.sub(" ", label).split()) or label  # "Segment operating income" in a segment
        place = _PLACE.match(label)
        if st.kind == "balance_sheet" and ln.context_label and _COUNT_LINE.match(ln.row.label) and \
                ln.index not in dashed_counts:
            label = ln.context_label  # the amount on "Outstanding shares -- 432" is the caption's ("Common stock")
        section = _cash_section(lines, pos) if st.kind == "cash_flow" else ""
        if ln.instant_at:
            # "Cash and equivalents, beginning of year" is matched as "Cash and equivalents"
            label = _BEGIN_END_WORDS.sub(" ", _EDGE_FIRST.sub("", label)).strip(" ,") or label
        if not label and ln.children:
            label = "total " + ln.context_label
        if section == "operating" and not ln.children and _is_other_item(label, ln.context_label):
            # an adjustment to net income is a noncash item; "Other expense (income), net" there says only "other"
            label += " noncash"
        readings = (label,)
        if place:
            # a row that names only where ("U.S.", "Non-U.S.") is the official names' Foreign, or Domestic (income
            # before taxes, deposits) or Federal (tax expense)
            readings = ("foreign",) if place.group("foreign") else ("domestic", "federal")
            label = readings[0]
        row_around = around
        # a caption that names only where ("Non-U.S.:" over "Current" and "Deferred" in a tax note) reads as the
        # official names' Foreign, as such a row does
        caption_place = _PLACE.match(ln.context_label)
        caption = "foreign" if caption_place and caption_place.group("foreign") else ln.context_label
        up = at.get(ln.parent) if ln.parent is not None else None  # (`lines` may be a segment's rows only)
        if place and not ln.context_label and up is not None and not up.header:
            # a place with no caption above: the total it adds into says of what ("U.S." above "Income before
            # income taxes"); only for places, whose own words say nothing of what is counted
            row_around = f"{around} {core_label(up.row.label)}"
        tag = STATEMENT_TAGS[st.kind]
        either_way = _goes_either_way(ln)
        pro_forma = bool(_PRO_FORMA.search(ln.row.label) or _PRO_FORMA.search(ln.context_label))
        pool = candidates(catalog, st, ln.kind, period)
        names = candidate_names(catalog, st, ln.kind, period)
        if period == "instant" and not ln.instant_at and _years_only(ln, st) and not balances_lead:
            pool += candidates(catalog, st, ln.kind, "duration")
            names |= candidate_names(catalog, st, ln.kind, "duration")
        flow = bool(_CHANGE.search(label))
        # "Other", "Net": no word of what is counted (a total is named by what it adds up, not by this)
        bare = not ln.children and bool(tokens(label)) and not (set(tokens(label)) - _NO_MEANING)
        # "Balance, end of period" in a note says not which balance: no statement's ("balance" is the equity
        # statement's word for equity), only what its rows roll forward (`_rolled_balance`)
        balance_only = bool(tokens(label)) and not (set(tokens(label)) - _NO_MEANING - _BALANCE_WORDS)
        said = set(tokens(f"{label} {ln.context_label}"))
        gain_or_loss = bool(_GAIN_LOSS.search(label)) and not _CASH_WORDS.search(label)  # not "losses paid"
        realized = _realized(label)
        revenue_only = st.kind == "income" and ln.kind == "monetary" and bool(set(tokens(label)) & _REVENUE_WORDS) \
            and not said & _COST_WORDS
        # an income-tax note's rows are taxes: "Depreciation" under deferred tax liabilities is the tax effect of
        # depreciation, never the depreciation expense; "Net operating loss carryforwards" there is the deferred
        # tax asset, not the losses themselves
        tax_note = st.kind == "note" and bool(_TAX_NOTE.search(around))
        taxed = tax_note or bool(re.search(r"\btax", f"{ln.row.label} {ln.context_label} {around}", re.I))
        changes = any(_CHANGE.search(x) or _CHANGE_IN.search(x) for x in (label, ln.context_label, around))
        side_caption = SIDE_CAPTION.fullmatch(ln.context_label.strip()) \
            if st.kind == "note" and ln.kind == "monetary" else None
        side = ("debit" if side_caption.group(1).lower() == "assets" else "credit") if side_caption else ""

        def score(readings: tuple[str, ...]) -> list[tuple[float, Concept]]:
            scored = []
            # a concept with no word of the row's (or a word it cuts short) scores 0; the name-only concepts out of
            # reach of every reading score 0, and so stay out (but where a total's bonus for a "total" wording
            # raises a 0)
            index = _name_only_index(catalog)
            reach = within_reach(catalog, readings[0]) if len(readings) == 1 else \
                frozenset().union(*(within_reach(catalog, r) for r in readings))
            if ln.children and "total" in label.lower():
                reach = reach | index[4]
            if len(readings) == 1:
                near = _sharing_near(catalog, readings[0], reach, index[3])
            else:
                near = frozenset().union(*map(catalog.sharing, readings))
                near = (near - index[3]) | (near & reach)
            # the tests that turn a concept away whatever it scores come first: scoring is the costly part
            bare_noncurrent = bare and not {"noncurrent"} & set(tokens(f"{ln.context_label} {around}"))
            below_current = ln.index in past_current
            reconciling = ln.index in reconciles
            non_cash_statement = st.kind != "cash_flow"
            unmoved = non_cash_statement and not _MOVED.search(label)
            for c in _near_pool(catalog, pool, names, near):
                if (flow or realized) and c.period == "instant":
                    continue  # "Changes in fair value of derivatives" is what happened in a period, not a balance
                name = c.name
                if tag not in c.statements and (bare or balance_only):
                    continue  # "Other" in a note says too little to be a statement's line
                if bare_noncurrent and "Noncurrent" in name:
                    continue  # nor says it is long-term
                if below_current and _CURRENT_NAME.search(name) and "Noncurrent" not in name:
                    continue  # printed below "Total current assets": not current (Boeing's prepaid pension expense)
                if gain_or_loss and _CASH_CONCEPT.match(name):
                    continue  # a gain or a loss on a sale is never the cash the sale brought in or paid out
                if tax_note and "Tax" not in _AS_TAXED.sub("", name):
                    continue
                if not reconciling and name.startswith(("IncomeTaxReconciliation", "EffectiveIncomeTaxRate")):
                    continue
                if not taxed and name.startswith(("DeferredTax", "IncomeTax")):
                    continue  # a tax is a tax by some word of the row, its caption or its note ("Valuation allowance")
                if not changes and non_cash_statement and name.startswith("IncreaseDecrease"):
                    continue  # "Income taxes payable" under a year is the balance, not its change in the year
                if unmoved and _CASH_CONCEPT.match(name):
                    continue  # nor is "Short-term investments" in a note the cash paid for them
                s = max(score_concept(r, caption, c, row_around) for r in readings) if len(readings) > 1 \
                    else score_concept(readings[0], caption, c, row_around, reached=not ln.children)
                if not s and not ln.children:
                    continue  # nothing below raises a 0 but a total's bonus
                if either_way and never_negative(c):
                    s *= 0.8  # a change, or a row printed with both signs, is not an amount that is never negative
                if side and c.balance and c.balance != side:
                    s *= 0.5  # "Commercial paper" under a note's "Assets:" is paper held, not paper issued
                if pro_forma and not _PRO_FORMA.search(c.label):
                    s *= 0.5  # "loss per share — SFAS No. 123 adjusted" is not the loss per share the company reports
                if tag not in c.statements:
                    s *= 0.85  # a statement's concept reused in a note must match its words closely
                if not gain_or_loss and section in ("investing", "financing") and _GAIN_CONCEPT.search(c.name):
                    s *= 0.5  # nor is "Sales of investments" under investing activities (the cash) the gain on them
                if c.name.endswith("Net") and "net" in said:
                    s *= 1.02  # "Cash paid for income taxes, net" is IncomeTaxesPaidNet, tied in words with the gross
                if revenue_only and c.balance == "debit":
                    s *= 0.6  # "Net revenues" (revenues less interest expense) is not a cost of revenue
                if st.kind == "cash_flow" and section and not ln.children:
                    # under "Financing activities:" a financing concept, not its operating twin; no working-capital
                    # change or non-cash adjustment outside the operating section
                    if re.search(r"(Operating|Investing|Financing)Activities$", c.name):
                        s *= 1.0 if section in c.name.lower() else 0.8
                    elif section != "operating" and re.match(r"IncreaseDecrease|OtherNoncash|DeferredIncomeTax|ShareBased", c.name):
                        s *= 0.8
                    placed = cash_sections(catalog, c.name)
                    if placed and section not in placed:
                        s *= 0.6  # the official calculation adds it into another section's total (proceeds under operating)
                    elif not placed and section in ("investing", "financing") and _noncash_name(c.name):
                        s *= 0.7  # nor is a row of investing or financing cash a non-cash disclosure (StockIssued1)
                if liability_side is not None and c.balance:
                    # assets above the "Liabilities" caption, liabilities and equity below it
                    on_credit_side = pos >= liability_side
                    if (c.balance == "debit") == on_credit_side:
                        s *= 0.7
                if ln.children and any(a.startswith("total") for a in c.aliases) and "total" in label.lower():
                    s += 0.05
                if s > 0:
                    scored.append((s, c))
            scored.sort(key=lambda x: (-round(x[0], 9), x[1].name))
            return scored

        scored = score(readings)
        other = _AND_OTHER.search(label) if not ln.children else None
        if other and other.start() > 0 and (not scored or scored[0][0] < THRESHOLD):
            # "Depreciation of fixed assets and other amortization": what it names first, kept only where
            # `_and_other` widens it to the concept that adds the other things in
            first = score((label[:other.start()].strip(" ,"),))
            if first and first[0][0] >= THRESHOLD:
                scored, ln.widen = first, True
        ln.alternatives = [(c.qname, round(s, 3)) for s, c in scored[:3]]
        ln.nearest_period = scored[0][1].period if scored else ""
        for s, c in scored[:8]:
            pairs.append((s, pos, c))
    pairs.sort(key=lambda x: (-round(x[0], 9), x[1], x[2].name))
    used: set[str] = set(taken or ())
    done: set[int] = set()
    if st.kind == "balance_sheet":
        _balance_totals(lines, unlabeled, catalog, used, done)
    _assign(pairs, lines, used, done, taken, compare)
    single_eps(lines, catalog)
    _bottom_line_per_share(lines, catalog)
    by_index = {ln.index: ln for ln in lines}
    # rows first take the runner-up their confident total sums; what the total still leaves out may then move it
    _fit_totals(lines, by_index, catalog, used)
    _fit_to_children(lines, by_index, catalog, used)
    _total_from_child(lines, by_index, catalog, used)
    _lone_other(lines, by_index, catalog, used)
    _held_not_owed(lines, by_index, catalog, used)
    _and_other(lines, st, catalog, used)
    _under_total(lines, by_index, st, catalog, used, unlabeled)
    _rolled_balance(lines, by_index, catalog, used)
    _dated_balances(lines, catalog, used)
    _part_printed_beside(lines, by_index, st, catalog, used)
    _of_a_measure(lines, used)
    _printed_again(lines)
    _diluted_counts(lines, catalog)
    # a total whose few words no concept's label takes ("Total current" over the federal, state and foreign tax) is
    # named from the rows it adds up as well, by a concept whose label has every one of its words
    worded = {pos: frozenset(tokens(re.sub(r"(?i)\btotals?\b", "", core_label(ln.row.label))))
              for pos, ln in enumerate(lines) if ln.children and ln.concept is None and pos not in unlabeled}
    # outer subtotals first: a subtotal inside another must sit below the concept the outer one gets
    for pos in sorted(set(unlabeled) | {p for p, w in worded.items() if 0 < len(w) <= 2}, reverse=True):
        ln = lines[pos]
        if ln.concept is not None:
            continue
        words = worded.get(pos)
        kids = [by_index[k].concept for k, _ in ln.children if k in by_index and by_index[k].concept is not None]
        period = line_period_type(ln, st)
        kinds = {kid.period for kid in kids if not kid.extension}
        # under "2002" the sum of the year's current and deferred tax is the year's, like what it adds up: when
        # every row it adds up adds into its concept directly, a note's concept (a statement's total, like costs
        # and expenses over the stock compensation in each line, is no sum a note's rows make)
        as_kids = kinds.pop() if _years_only(ln, st) and len(kinds) == 1 and len(kids) == len(ln.children) else period
        votes: dict[str, int] = {}
        for kid in kids:
            for name in catalog.ancestors(kid.name):
                votes[name] = votes.get(name, 0) + 1
        # best supported first; among equals the most specific (the one with the most ancestors of its own)
        ranked = sorted(((n / max(len(kids), 1), name) for name, n in votes.items()),
                        key=lambda x: (-x[0], -len(catalog.ancestors(x[1]))))
        if compare is not None:
            # a sum a statement printed too ("Accounts payable and other liabilities" on the balance sheet, its
            # parts in a note) is the statement's line, though one part reaches it only through a wider total
            same = [x for x in ranked if x[0] >= 0.5 and (c := catalog.find(x[1])) is not None and
                    c.type == ln.kind and compare(ln, c) == "same"]
            ranked = same + [x for x in ranked if x not in same]
        above = by_index.get(ln.parent).concept if ln.parent is not None and ln.parent in by_index else None
        for share, name in ranked:
            c = catalog.find(name)
            if c is None or c.type != ln.kind or c.qname in used or share < 0.5 or \
                    (words and not words <= word_set(c.label)):
                continue
            direct = all(c.name in kid.parents for kid in kids) and len(kids) == len(ln.children)
            if c.period != period and not (c.period == as_kids and direct and (c.statements == ("note",) or words)):
                continue
            if above is not None and not above.extension and above.name not in catalog.ancestors(c.name) and \
                    (c.name == above.name or c.name in catalog.ancestors(above.name) or
                     not direct or not word_set(above.label) - WEAK <= word_set(c.label)):
                # a subtotal inside "Total current assets" cannot be Assets; one the official calculations tie to
                # the total above only through another network may be what every row it adds up adds into
                # directly, and is a kind of it by its words (the federal tax, current and deferred, inside the
                # provision for income taxes)
                continue
            if not sum_fits(c, [(by_index[k], sg) for k, sg in ln.children if k in by_index and
                                by_index[k].concept is not None], _printed_sign(ln)):
                continue  # costs that add up to a total are not income: the weights must fit the printed sum
            # the closest common ancestor: no other candidate with the same support sits below it
            ln.concept, ln.score = c, round(0.6 + 0.3 * share, 3)
            ln.reason = "named from the rows it adds up"
            used.add(c.qname)
            break
        if ln.concept is None and ln.context_label and not words:
            label = "total " + ln.context_label
            near = catalog.sharing(label)  # the others score 0
            scored = sorted(((score_concept(label, "", c), c) for c in candidates(catalog, st, ln.kind, period)
                             if c.qname in near), key=lambda x: -x[0])
            taxed = bool(re.search(r"\btax", f"{ln.context_label} {around}", re.I))
            for s, c in scored:
                if not taxed and c.name.startswith(("DeferredTax", "IncomeTax")):
                    continue  # the intangible assets acquired, not the deferred tax on them
                if s >= THRESHOLD and c.qname not in used:
                    ln.concept, ln.score = c, round(min(s, 1.0), 3)
                    used.add(c.qname)
                    break


_PRO_FORMA = re.compile(r"pro\s*-?\s*forma|as\s+adjusted|\b(SFAS|FAS|Statement)\s+(No\.?\s*)?123\s+adjusted|"
                        r"adjusted\s+for\s+(SFAS|FAS)|had\s+compensation\s+cost", re.I)
_CHANGE = re.compile(r"^\s*(net\s+)?(changes?|increases?\s*\(decreases?\)|\(increases?\)\s*decreases?|"
                     r"decreases?\s*\(increases?\))\b", re.I)


_NO_MEANING = frozenset({"other", "total", "net", "miscellaneous", "misc", "sundry", "item", "all", "various",
                         "subtotal", "sub"})
_GAIN_LOSS = re.compile(r"\b(gains?|loss(es)?)\b", re.I)
_GAIN_ON = re.compile(r"\b(gains?|loss(es)?)(\s*\((gains?|loss(es)?)\))?\s+(on|from)\b", re.I)
_HELD = re.compile(r"unrealized|accumulated|deferred|carryforward|carryover|allowance|reserve|provision|liabilit|accrued|"
                   r"unamortized|estimated", re.I)
_GAIN_CONCEPT = re.compile(r"^(Gain|GainLoss|Gains|GainsLosses|Loss)On|GainLossOn|GainOn|LossOn")
_CASH_WORDS = re.compile(r"\b(paid|payments?|proceeds|received|receipts?)\b", re.I)
_CASH_CONCEPT = re.compile(r"(Proceeds|Payments|Repayments)(From|To|For|Of)")
# words that say cash moved: outside the cash-flow statement only such a row is a payment or proceeds
_MOVED = re.compile(r"\b(paid|pay|payments?|proceeds|received|receipts?|purchases?d?|sales?|sold|repayments?|"
                    r"repaid|issuances?|issued|acquisitions?|acquired|borrowings?|redemptions?|redeemed|"
                    r"maturities|matured|dividends?|additions?|capital\s+expenditures?|investments?\s+in)\b", re.I)
_REVENUE_WORDS = frozenset({"revenue", "sales"})
_COST_WORDS = frozenset(tokens("cost costs expense expenses charge deduction allowance discount return returns "
                               "purchase payment paid receivable deferred unearned selling marketing support "
                               "commission commissions general administrative"))


def _goes_either_way(ln: Line) -> bool:
    """The row's words say it is a change ("Change in short-term investments"), or its amounts are printed with
    both signs (a charge one year, a reversal the next)."""
    if _CHANGE.search(ln.row.label):
        return True
    vals = [c.value for c in ln.row.cells if c is not None and c.value]
    return any(v < 0 for v in vals) and any(v > 0 for v in vals)


def _balance_totals(lines: list[Line], unlabeled: list[int], catalog: Catalog, used: set[str], done: set[int]) -> None:
    """A balance sheet balances: its last row, when printed with no label, is total liabilities and equity, and the
    unlabeled row above the liabilities with the same amounts is total assets."""
    valued = [pos for pos, ln in enumerate(lines) if not ln.header]
    if not valued or valued[-1] not in unlabeled:
        return
    last = lines[valued[-1]]
    amounts = [c.value if c is not None else None for c in last.row.cells]
    side = _liability_side(lines) or len(lines)
    twin = next((pos for pos in valued if pos < side and pos != valued[-1] and
                 [c.value if c is not None else None for c in lines[pos].row.cells] == amounts), None)
    if twin is None:
        return
    for pos, name in ((valued[-1], "LiabilitiesAndStockholdersEquity"), (twin, "Assets")):
        c = catalog.find(name)
        if c is None or c.qname in used:
            continue
        if pos in unlabeled:
            unlabeled.remove(pos)
        elif pos != valued[-1]:
            continue  # a labelled asset total keeps what its own words say
        lines[pos].concept, lines[pos].score = c, 0.9
        lines[pos].reason = "a balance sheet's two totals are equal"
        used.add(c.qname)
        done.add(pos)


_SECTIONS = ("operating", "investing", "financing")


def _cash_section(lines: list[Line], pos: int) -> str:
    """operating / investing / financing: the section of the cash flow statement a row is printed in — the one a
    caption above names, or the one after the section a subtotal above closes; "" below the financing total (the
    supplemental disclosures, the effect of exchange rates), which belongs to no section."""
    for ln in reversed(lines[:pos]):
        m = re.search(r"\b(operating|operations|investing|investment|financing)\b", ln.row.label, re.I) \
            if ln.header or ln.children else None
        if m:
            word = {"investment": "investing", "operations": "operating"}.get(m.group(1).lower(), m.group(1).lower())
            if ln.header:
                return word
            return _SECTIONS[_SECTIONS.index(word) + 1] if word != "financing" else ""
    return "operating"


_ADJUSTMENT_WORDS = frozenset({"other", "net", "income", "expense", "operating", "nonoperating", "charge", "item"})


def _is_other_item(label: str, context: str) -> bool:
    """A row that says only "other" (income, expense, items, net), outside a caption of changes in working capital."""
    words = set(tokens(label))
    return "other" in words and words <= _ADJUSTMENT_WORDS and not _CHANGE_WORDS.search(context)


_CHANGE_WORDS = re.compile(r"\bchanges?\b|\bincrease|\bdecrease", re.I)


_SECTION_TOTALS = {
    "operating": ("NetCashProvidedByUsedInOperatingActivities", "NetCashProvidedByUsedInOperatingActivitiesContinuingOperations"),
    "investing": ("NetCashProvidedByUsedInInvestingActivities", "NetCashProvidedByUsedInInvestingActivitiesContinuingOperations"),
    "financing": ("NetCashProvidedByUsedInFinancingActivities", "NetCashProvidedByUsedInFinancingActivitiesContinuingOperations"),
}


def cash_sections(catalog: Catalog, name: str) -> frozenset[str]:
    """The sections of the cash flow statement whose totals the official calculation adds `name` into (empty for
    a concept outside them: supplemental disclosures, the totals themselves)."""
    cache = catalog.__dict__.setdefault("_cash_sections", {})
    if name not in cache:
        around = set(catalog.ancestors(name))
        cache[name] = frozenset(sec for sec, totals in _SECTION_TOTALS.items() if around.intersection(totals))
    return cache[name]


_LIAB_CAPTION = re.compile(r"^\s*(total\s+)?liabilities\b|liabilities\s+and\s+(stock|share)", re.I)


_TOTAL_CURRENT = re.compile(r"^\s*total\s+current\s+(assets|liabilities)\b", re.I)


def _past_current_totals(lines: list[Line], liability_side: int | None) -> frozenset[int]:
    """The rows (line indexes) of a balance sheet printed below its "Total current assets" on the assets side,
    or below its "Total current liabilities" on the other: the current class is closed there."""
    out: set[int] = set()
    closed = False
    if liability_side is None:
        return frozenset()  # where the sides part is unknown, the rows after current assets may be liabilities
    for pos, ln in enumerate(lines):
        if pos == liability_side:
            closed = False
        if closed and not ln.header:
            out.add(ln.index)
        if _TOTAL_CURRENT.match(ln.row.label):
            closed = True
    return frozenset(out)


def _liability_side(lines: list[Line]) -> int | None:
    """Position of the first row of a balance sheet's liabilities and equity side."""
    seen_values = False
    for pos, ln in enumerate(lines):
        if not ln.header:
            seen_values = True
            if re.match(r"\s*total\s+assets\b", ln.row.label, re.I):
                return pos + 1
        if seen_values and _LIAB_CAPTION.search(ln.row.label):
            return pos
    return None


def _assign(pairs, lines, used, done, taken, compare=None) -> None:
    """The best-scoring pairs first, each line and each concept once. A row (not a total, whose concept its rows
    and their sum decide) whose figures differ from those already reported under its best concept is something
    else, which its next best need not be either: it takes only a concept whose reported figures it prints ("Less
    current portion of long-term debt", not the long-term debt, is the current portion reported), else none (an
    extension), and leaves the concept to the line that prints the reported figures."""
    first: set[int] = set()
    barred: set[int] = set()
    for s, i, c in pairs:
        # an opening and a closing balance (cash at beginning / end of period) share one concept
        key = c.qname + ("@" + lines[i].instant_at if lines[i].instant_at else "")
        if lines[i].dated is not None:
            key += f"@{lines[i].dated}"  # (a roll-forward dated by its rows moves the same way each year)
        if i in done or key in used or c.qname in (taken or ()) or s < THRESHOLD:
            continue
        best = i not in first
        first.add(i)
        if compare is not None and not lines[i].children and not c.extension:
            found = compare(lines[i], c)
            if found == "differs" and best:
                barred.add(i)
            if found == "differs" or (i in barred and found != "same"):
                continue
        lines[i].concept, lines[i].score = c, round(min(s, 1.0), 3)
        used.add(key)
        done.add(i)


def natural_sign(ln: Line) -> int | None:
    """For a concept that is never negative, the factor that makes the row's amounts positive as mostly printed
    (1, or -1 for a row printed in parentheses); None when the concept may take either sign."""
    if ln.concept is None or not never_negative(ln.concept):
        return None
    vals = [c.value for c in ln.row.cells if c is not None and c.value
            # a count's row may print prices beside it ("Exercised (26,731) 24.28"): those are no counts
            and not (ln.kind == "shares" and c.places >= 2)]
    if not vals or (any(v < 0 for v in vals) and any(v > 0 for v in vals)):
        return None  # printed with both signs: the signs carry meaning (a reversal), the printed sums decide
    return -1 if vals[0] < 0 else 1


DEDUCTED = re.compile(r"^\s*(less|deduct|minus)\b", re.I)


def cash_top_signs(lines: list[Line], st: Statement, catalog: Catalog) -> dict[int, int]:
    """In a cash flow statement every amount is printed as its effect on cash. A row no printed subtotal was found
    for (a section of twenty changes in working capital, more than the subtotal search tries) still adds into its
    section's net cash: its sign is its concept's weight there (a fall in receivables, printed 357, is
    IncreaseDecreaseInAccountsReceivable -357). Only rows whose official concept the taxonomy's calculation adds
    into the section they are printed in."""
    if st.kind != "cash_flow":
        return {}
    out: dict[int, int] = {}
    for ln in lines:
        if ln.header or ln.parent is not None or ln.concept is None or ln.concept.extension:
            continue
        section = _cash_section(lines, ln.index)
        if not section or section not in cash_sections(catalog, ln.concept.name):
            continue
        total = next((c for n in _SECTION_TOTALS[section] if (c := catalog.find(n)) is not None), None)
        if total is not None and ln.concept.name not in _SECTION_TOTALS[section]:
            out[ln.index] = calc_weight(total, ln.concept)
    return out


def decide_signs(lines: list[Line], top_signs: "dict[int, int] | None" = None) -> None:
    """Weights from the concepts' balances, then each value's sign.

    A value's sign comes from its concept's meaning where the concept is never negative (a cost printed in
    parentheses is still a positive cost), and otherwise from the printed subtotals: each printed sum must hold
    in XBRL with the concepts' weights. A tree's top row takes the sign that agrees with most of the rows of
    fixed sign under it. Where a row's meaning and the printed sum disagree (a misread subtotal), the meaning
    wins and the row leaves its parent's calculation, so one misread subtotal cannot flip a whole section."""
    for ln in lines:
        ln.cut = False
        if ln.parent is None or ln.concept is None:
            continue
        parent = lines[ln.parent].concept
        if parent is None:
            continue
        ln.weight = calc_weight(parent, ln.concept)
        if ln.weight == 1 and DEDUCTED.match(ln.row.label) and natural_sign(ln) == -1:
            # "Less current portion of long-term debt (59)" under a total of debt: the same balance, taken away
            # (its meaning is positive; printed negative because it is deducted), not a reason to turn the total.
            # XBRL 2.1 forbids a -1 between two credits: the sum stays out of the calculation link (checked in
            # the report)
            ln.weight, ln.cut = -1, True

    def agreement(i: int, sigma: int) -> int:
        nat = natural_sign(lines[i])
        score = 0 if nat is None else (1 if nat == sigma else -1)
        return score + sum(agreement(k, sigma * s * lines[k].weight) for k, s in lines[i].children)

    def walk(i: int, sigma: int) -> None:
        lines[i].sign = sigma
        for k, s in lines[i].children:
            want = sigma * s * lines[k].weight
            nat = natural_sign(lines[k])
            if nat is not None and nat != want:
                lines[k].cut = True
                walk(k, nat)
            else:
                walk(k, want)

    for ln in lines:
        if ln.parent is None and not ln.header:
            nat = natural_sign(ln)
            if nat is None and top_signs and ln.index in top_signs:
                nat = top_signs[ln.index]
            if nat is None:
                lean = agreement(ln.index, -1) - agreement(ln.index, 1)
                nat = -1 if lean > 0 or (lean == 0 and _loss_printed_plain(ln)) else 1
            walk(ln.index, nat)


_LOSS_ONLY = re.compile(r"\bloss(es)?\b", re.I)
_GAIN_WORDS = re.compile(r"income|earnings|profit|gain|\(loss|loss\)", re.I)


_STOCK_ISSUED_N = re.compile(r"StockIssued\d")


def _noncash_name(name: str) -> bool:
    """An official name of a non-cash disclosure (StockIssued1, ...Noncash...)."""
    return bool(_STOCK_ISSUED_N.match(name)) or "Noncash" in name or "NonCash" in name


_TAX_WORDS = re.compile(r"\bincome\s+tax(es)?\b", re.I)


def _loss_printed_plain(ln: Line) -> bool:
    """A result that may go either way, labelled a loss ("Net loss -- as reported") and printed without
    parentheses: the amount is a loss."""
    if ln.concept is None or not re.search(r"IncomeLoss|ProfitLoss|GainLoss", ln.concept.name):
        return False
    words = _TAX_WORDS.sub(" ", ln.row.label)  # "Loss before income taxes": the taxes' "income" says no gain
    if not _LOSS_ONLY.search(words) or _GAIN_WORDS.search(words):
        return False
    vals = [c.value for c in ln.row.cells if c is not None and c.value]
    return bool(vals) and all(v > 0 for v in vals)


def _printed_sign(ln: Line) -> int:
    vals = [c.value for c in ln.row.cells if c is not None and c.value]
    return -1 if vals and sum(1 for v in vals if v < 0) > len(vals) / 2 else 1


def _era_twins(catalog: Catalog, name: str) -> tuple[str, ...]:
    """The 2024 concepts whose meaning a filer of the era gave the name `name` (their era_counterpart)."""
    cache = catalog.__dict__.setdefault("_era_twins", None)
    if cache is None:
        cache = {}
        for c in catalog.items():
            if c.era_counterpart:
                cache.setdefault(c.era_counterpart, []).append(c.name)
        catalog.__dict__["_era_twins"] = cache
    return tuple(cache.get(name, ()))


def _fit_totals(lines: list[Line], by_index: dict[int, Line], catalog: Catalog, used: set[str]) -> None:
    """A row added up into a labeled total whose concept, in the official calculations, does not sum the row's
    concept takes its own runner-up that the total does sum, when that is close in words: under "Total current
    liabilities", "Loans and notes payable" is LoansPayableCurrent rather than LoansPayable."""
    for ln in lines:
        if ln.concept is None or ln.concept.extension or not ln.children or ln.score < 0.9:
            continue
        for k, _ in ln.children:
            kid = by_index.get(k)
            if kid is None or kid.concept is None or kid.concept.extension or \
                    ln.concept.name in catalog.ancestors(kid.concept.name) or \
                    any(ln.concept.name in catalog.ancestors(t) for t in _era_twins(catalog, kid.concept.name)):
                continue  # summed, or the era's name of a concept that is (2009's IncreaseDecreaseInDeferredRevenue)
            for qname, score in kid.alternatives[1:]:
                c = catalog.concepts.get(qname)
                if c is None or qname in used or score < max(THRESHOLD, 0.85 * kid.score) or \
                        c.period != kid.concept.period or ln.concept.name not in catalog.ancestors(c.name):
                    continue
                used.discard(kid.concept.qname)
                used.add(qname)
                kid.concept, kid.score = c, score
                kid.reason = f"close in words, and summed by {ln.concept.name} (the total it is printed under)"
                break
            else:
                _one_way_reading(kid, ln, catalog, used)


# "Other operating expense (income), net": the row's first way, where the total it is added into says which way
_CONTRARY = re.compile(r"\s{0,3}\((?:income|expenses?|gain|loss)\)|,?\s{1,3}net$", re.I)


def _one_way_reading(kid: Line, total: Line, catalog: Catalog, used: set[str]) -> None:
    """A net row printed as one way with the other in parentheses ("Other operating expense (income), net"), read
    as its net concept of the other balance (OtherOperatingIncomeExpenseNet, an income) though the total it is
    added into sums costs: the concept of its first way that the total sums (OtherCostAndExpenseOperating), where
    its words, read that way, fit it as well as they fit the net concept."""
    label = core_label(kid.row.label)
    one_way_label = _CONTRARY.sub("", label).strip(" ,")
    if not one_way_label or one_way_label == label or kid.children or kid.score < THRESHOLD:
        return
    near = catalog.sharing(one_way_label)
    best = None
    for qname in near:
        c = catalog.concepts.get(qname)
        if c is None or c.abstract or qname in used or c.type != kid.concept.type or \
                c.period != kid.concept.period or total.concept.name not in catalog.ancestors(c.name) or \
                c.balance == kid.concept.balance:
            continue
        s = score_concept(one_way_label, "", c)
        if s >= max(THRESHOLD, 0.7 * kid.score) and (best is None or (s, c.name) > (best[0], best[1].name)):
            best = (s, c)
    if best is not None:
        used.discard(kid.concept.qname)
        used.add(best[1].qname)
        kid.concept, kid.score = best[1], round(min(best[0], 1.0), 3)
        kid.reason = (f"'{one_way_label}' as printed first, summed by {total.concept.name} (the total it is added "
                      "into); the net concept of the other balance is not")


def _fit_to_children(lines: list[Line], by_index: dict[int, Line], catalog: Catalog, used: set[str]) -> None:
    """A labeled total takes the concept among its close runners-up that, in the official calculations, sums more
    of the rows printed above it: "Total operating expenses" over cost of sales is CostsAndExpenses, not
    OperatingExpenses (which leaves cost of sales out). When one of those rows holds that concept (an "Other income
    (expense), net" read as total nonoperating income), the two trade: the row takes its own runner-up that the
    total sums."""
    for ln in lines:
        if ln.concept is None or ln.concept.extension or not ln.children or not ln.alternatives:
            continue
        kids = [by_index[k] for k, _ in ln.children if k in by_index and by_index[k].concept is not None
                and not by_index[k].concept.extension]
        if len(kids) < 2:
            continue

        def summed(name: str, holder: "Line | None" = None) -> int:
            return sum(1 for kid in kids if kid is not holder and name in catalog.ancestors(kid.concept.name))

        have = summed(ln.concept.name)
        for qname, score in ln.alternatives:
            c = catalog.concepts.get(qname)
            if c is None or c is ln.concept or c.period != ln.concept.period or c.type != ln.concept.type or \
                    score < max(THRESHOLD, 0.65 * ln.score) or _drops_class(ln, c):
                continue
            holder = next((kid for kid in kids if kid.concept.qname == qname), None)
            if qname in used and holder is None:
                continue  # held by a row outside this total
            if summed(c.name, holder) <= max(have, len(kids) // 2 - (holder is not None)):
                continue
            if holder is not None:
                swap = next(((catalog.concepts[q], sc) for q, sc in holder.alternatives
                             if q in catalog.concepts and q != qname and sc >= THRESHOLD and
                             (q not in used or q == ln.concept.qname) and
                             c.name in catalog.ancestors(catalog.concepts[q].name)), None)
                if swap is None:
                    continue
                used.discard(qname)
                used.discard(ln.concept.qname)
                holder.concept, holder.score = swap
                holder.reason = f"close in words, and summed by {c.name} (the total it is printed under)"
                used.add(holder.concept.qname)
            else:
                used.discard(ln.concept.qname)
            ln.concept, ln.score = c, round(min(score, 1.0), 3)
            ln.reason = "close in words, and sums more of the rows printed above it"
            used.add(qname)
            break


def _total_from_child(lines: list[Line], by_index: dict[int, Line], catalog: Catalog, used: set[str]) -> None:
    """A labeled total left without a concept because one of its own rows holds the concept its words name best
    ("Total non-operating expense" over an "Other income (expense), net" that took NonoperatingIncomeExpense): the
    two trade when the row has a runner-up close in words that the concept sums in the official calculations
    (OtherNonoperatingIncomeExpense)."""
    for ln in lines:
        if ln.concept is not None or not ln.children or not ln.alternatives:
            continue
        kids = [by_index[k] for k, _ in ln.children if k in by_index]
        for qname, score in ln.alternatives:
            c = catalog.concepts.get(qname)
            if c is None or score < THRESHOLD:
                continue
            holder = next((kid for kid in kids if kid.concept is not None and kid.concept.qname == qname), None)
            if holder is None or holder.children:
                continue
            swap = next(((alt, sc) for q, sc in holder.alternatives[1:]
                         if (alt := catalog.concepts.get(q)) is not None and q not in used and
                         sc >= max(THRESHOLD, 0.6 * holder.score) and alt.period == c.period and
                         alt.type == c.type and c.name in catalog.ancestors(alt.name)), None)
            if swap is None:
                continue
            used.discard(qname)
            holder.concept, holder.score = swap[0], round(min(swap[1], 1.0), 3)
            holder.reason = f"close in words, and summed by {c.name} (the total it is printed under)"
            used.add(holder.concept.qname)
            ln.concept, ln.score = c, round(min(score, 1.0), 3)
            ln.reason = "its words name the concept one of its rows held; the row takes its runner-up"
            used.add(qname)
            break


def _lone_other(lines: list[Line], by_index: dict[int, Line], catalog: Catalog, used: set[str]) -> None:
    """A total of two rows, one of which says only "other" (income and expense), adds that row in where the
    official calculation has a whole group: "Other income and expense" between operating income and pretax income
    is the nonoperating total (NonoperatingIncomeExpense), not its "other" part, when it is the group's only line."""
    for ln in lines:
        if ln.concept is None or ln.concept.extension or len(ln.children) != 2:
            continue
        for k, _ in ln.children:
            kid = by_index.get(k)
            if kid is None or kid.concept is None or kid.concept.extension or kid.children or \
                    not _is_other_item(core_label(kid.row.label), ""):
                continue
            direct = [c for q, sc in kid.alternatives if (c := catalog.concepts.get(q)) is not None and
                      q not in used and sc >= THRESHOLD and c.period == kid.concept.period and
                      ln.concept.name in c.parents and c.name in catalog.ancestors(kid.concept.name)]
            if direct:
                used.discard(kid.concept.qname)
                kid.concept = direct[0]
                kid.score = next(sc for q, sc in kid.alternatives if q == direct[0].qname)
                kid.reason = f"the only line of the group {direct[0].name} adds into {ln.concept.name}"
                used.add(direct[0].qname)


_ONE_OF_SEVERAL = re.compile(r"\d|%")  # "6.5% notes due 2005": one instrument among several, not the class


def _total_parts(catalog: Catalog, total: Concept, kind: str, period: str, place: str) -> dict[str, Concept]:
    """The parts of `total` in the official calculations, and theirs, of the item type, period type and statement
    that `_under_total` looks for (what of it depends on the row alone is left to the caller). Kept per catalog:
    a read-only dict."""
    cache = catalog.__dict__.setdefault("_total_parts", {})
    key = (total.name, total.statements, kind, period, place)
    found = cache.get(key)
    if found is None:
        parts = {c.qname: c for c in catalog.parts(total.name)}
        for c in list(parts.values()):
            parts.update((g.qname, g) for g in catalog.parts(c.name))
        found = cache[key] = {
            q: c for q, c in parts.items() if c.type == kind and c.period == period and not c.abstract and
            c.era_weight > LATER and (place == "note" or place in c.statements) and
            (not set(c.statements) - {"note"} or bool(set(c.statements) & set(total.statements)))}
    return found


def _concept_words(catalog: Catalog, c: Concept) -> frozenset[str]:
    """The words of a concept's label and wordings together (kept per catalog)."""
    cache = catalog.__dict__.setdefault("_concept_words", {})
    words = cache.get(c.qname)
    if words is None:
        words = cache[c.qname] = frozenset().union(*(word_set(n) for n in (c.label,) + c.aliases))
    return words


def _under_total(lines: list[Line], by_index: dict[int, Line], st: Statement, catalog: Catalog, used: set[str],
                 unlabeled: list[int]) -> None:
    """A row no concept fits in general, printed inside a total with an official concept, takes the one of that
    total's parts in the official calculations (its children, and theirs) that its words tell apart: the words the
    parts share, and the total's own, tell nothing apart ("Effective Income Tax Rate Reconciliation ... Amount"
    under the provision for income taxes), so the part is chosen by the words left. "Research & development
    credit, net" there is IncomeTaxReconciliationTaxCreditsResearch. A row of no word of its own ("Other items"),
    or naming one instrument among several ("6.5% notes due 2005"), keeps its extension."""
    skip = set(unlabeled)

    def above(ln: Line) -> "Concept | None":
        up = by_index.get(ln.parent) if ln.parent is not None else None
        return up.concept if up is not None else None

    def siblings_agree(ln: Line, period: str) -> bool:
        """The total and most of the official rows beside it are of the total's kind, and none is an opening
        balance (a roll-forward adds flows to a balance)."""
        beside = [k for i, _ in by_index[ln.parent].children if (k := by_index.get(i)) is not None and k is not ln]
        if any(k.instant_at or _BEGIN.search(k.row.label) or _AT_A_DATE.search(k.row.label) for k in beside):
            return False
        others = [k.concept.period for k in beside if k.concept is not None and not k.concept.extension]
        return bool(others) and 1 + sum(p == period for p in others) > sum(p != period for p in others)

    for ln in lines:
        total = above(ln)
        if ln.concept is not None and not ln.concept.extension and total is not None and not total.extension and \
                _years_only(ln, st) and ln.concept.period != total.period and ln.concept.type == total.type and \
                siblings_agree(ln, total.period):
            # under a year's column a row read either way is of the kind of its total and of most rows beside it:
            # "Tax losses and credits" among the deferred tax assets is a balance, not the cash-flow statement's
            # deferred tax expense; "Employee benefit plans" among accrued liabilities no excess tax benefit
            used.discard(ln.concept.qname)
            ln.concept, ln.score, ln.reason = None, 0.0, ""
    for pos, ln in enumerate(lines):
        if ln.header or ln.concept is not None or ln.parent is None or pos in skip or \
                _ONE_OF_SEVERAL.search(core_label(ln.row.label)) or _AND_OTHER.search(ln.row.label):
            continue
        total = above(ln)
        if total is None or total.extension:
            continue
        period = total.period if _years_only(ln, st) else line_period_type(ln, st)
        printed = next((sg for k, sg in by_index[ln.parent].children if k == ln.index), 1)
        gain_or_loss = bool(_GAIN_LOSS.search(ln.row.label))  # a gain on a sale is never the cash it brought
        values = [c.value for c in ln.row.cells if c is not None and c.value]
        place = STATEMENT_TAGS[st.kind]
        # of the filing's era and this statement, and never negative as the total adds it in (commercial paper
        # held, added into investments, is not the commercial paper owed; a tax credit printed "(8)" in the
        # provision's sum is the credit of 8 the provision takes away)
        parts = {q: c for q, c in _total_parts(catalog, total, ln.kind, period, place).items() if
                 not (never_negative(c) and any(v * printed * calc_weight(total, c) < 0 for v in values)) and
                 not (gain_or_loss and _CASH_CONCEPT.match(c.name) or "CashProvided" in c.name)}
        if not parts:
            continue
        names = {q: (c.label,) + c.aliases for q, c in parts.items()}
        seen: Counter = Counter()
        for q in parts:
            seen.update(_concept_words(catalog, parts[q]))
        common = word_set(total.label) | {w for w, n in seen.items() if len(parts) >= 4 and n * 2 > len(parts)}
        own = word_set(core_label(ln.row.label)) - common
        if not own - WEAK:
            continue
        negated = bool(_NOT.search(ln.row.label))
        sides = [side for part in re.split(r"\band\b|&", core_label(ln.row.label), flags=re.I)
                 if (side := set(tokens(part)) - common - WEAK)]
        scored = []
        for q, c in parts.items():
            if q in used:
                continue
            best = 0.0
            for n in names[q]:
                theirs = word_set(n) - common
                if not theirs:
                    continue
                if _NOT.search(n) is None and negated:
                    continue  # "Non-U.S. government securities" are not U.S. government securities
                shared = _mass(own & theirs)
                said, told = shared / _mass(theirs), shared / _mass(own)
                # the row says all that tells the part apart, and most of what it says is the part's; a row of two
                # things ("Accrued payroll and employee benefits") is no part that names one of them
                if said >= 0.9 and told >= 0.7 and all(theirs & side for side in sides):
                    best = max(best, 2 * said * told / (said + told))
            if best:
                scored.append((round(best, 3), c))
        scored.sort(key=lambda x: (-x[0], x[1].name))
        if not scored or scored[0][0] < _PART_FIT or (len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.1):
            continue
        s, c = scored[0]
        ln.concept, ln.score = c, round(0.5 + 0.4 * s, 3)
        ln.reason = f"a part of {total.name} (the total it is printed under) that its own words tell apart"
        used.add(c.qname)


_PART_FIT = 0.6
# a caption that says its rows are one measure spread over the statement's lines: "(1) Includes stock-based
# compensation as follows:" over "Marketing", "General and administrative"
_MEASURE_CAPTION = re.compile(r"\b(includes?|included|consists?)\b.*\b(stock|share)[\s-]*based\s+compensation|"
                              r"\b(stock|share)[\s-]*based\s+compensation\b.*\b(as\s+follows|by\s+line|included\s+in)", re.I)


def _of_a_measure(lines: list[Line], used: set[str]) -> None:
    """Rows under a caption naming one measure ("Includes stock-based compensation as follows:") are that measure
    for each line they name, not the lines themselves: "Marketing" there is the stock compensation in marketing,
    never the marketing expense (a filer tags it with a dimension for the line; without one it is an extension)."""
    for ln in lines:
        if ln.header or ln.concept is None or ln.concept.extension or not _MEASURE_CAPTION.search(ln.context_label):
            continue
        if re.search(r"ShareBased|Compensation", ln.concept.name):
            continue
        used.discard(ln.concept.qname)
        ln.concept, ln.score = None, 0.0
        ln.reason = f"the caption's measure ({ln.context_label!r}) for the line it names, not the line"


def _part_printed_beside(lines: list[Line], by_index: dict[int, Line], st: Statement, catalog: Catalog,
                         used: set[str]) -> None:
    """A row whose concept the official calculation makes up of parts, one of which the statement prints beside
    the row, added with it into the same printed total, cannot hold that part: "Income before income taxes" with
    "Equity-method investment activity, net of tax" added after it into net income is income before the
    equity-method income (the pretax concept's part that leaves it out), not the pretax concept that includes
    it. The row takes the part of its concept that the official calculation adds up with the one printed beside
    it, when that part's words hold the row's own words."""
    if st.kind != "income":
        return
    for ln in lines:
        c = ln.concept
        total = by_index.get(ln.parent) if ln.parent is not None else None
        if c is None or c.extension or total is None:
            continue
        # the official calculation's direct parts of the row's concept
        parts = {p.name: p for p in catalog.parts(c.name) if c.name in catalog.calc_parents(p.name)}
        beside = [by_index[k] for k, _ in total.children if k != ln.index and k in by_index]
        printed = [b.concept.name for b in beside if b.concept is not None and b.concept.name in parts]
        if not printed:
            continue
        own = word_set(core_label(ln.row.label)) - WEAK
        fits = [q for name, q in parts.items() if name not in printed and q.qname not in used and
                q.type == c.type and q.period == c.period and own <= word_set(q.label)]
        if len(fits) != 1:
            continue
        q = fits[0]
        used.discard(c.qname)
        ln.concept, ln.reason = q, f"{c.name} less {', '.join(printed)}, printed beside it"
        used.add(q.qname)


_ROLL = "PeriodIncreaseDecrease"
_BALANCE_WORDS = frozenset(tokens("balance beginning ending end begin opening closing of the year period at"))


def _rolled_balance(lines: list[Line], by_index: dict[int, Line], catalog: Catalog, used: set[str]) -> None:
    """A roll-forward's closing balance, and its opening one, that say only "balance" ("Beginning balance",
    "Ending balance") are the balance their flows roll forward: the official calculations add the flows
    ("Increases related to tax positions taken during a prior year") into a change named "<balance>
    PeriodIncreaseDecrease" (UnrecognizedTaxBenefitsPeriodIncreaseDecrease), whose balance is <balance>
    (UnrecognizedTaxBenefits) at the period's start and end."""
    for ln in lines:
        if ln.header or ln.concept is not None or not ln.children or ln.instant_at != "end":
            continue
        kids = [by_index[k] for k, _ in ln.children if k in by_index]
        opening = next((k for k in kids if k.instant_at == "start"), None)
        flows = [k for k in kids if k is not opening and k.concept is not None and not k.concept.extension]
        if opening is None or not flows:
            continue
        rolled = _rolled_by(flows, catalog)
        if rolled is None:
            continue
        change, c = rolled
        if c.type != ln.kind or f"{c.qname}@end" in used:
            continue
        for row in (ln, opening):
            if row.concept is not None or set(tokens(core_label(row.row.label))) - _BALANCE_WORDS - \
                    set(tokens(c.label)):
                continue  # a balance named otherwise, or already a concept of its own
            row.concept, row.score = c, 0.8
            row.reason = f"the balance its rows roll forward ({change})"
            used.add(f"{c.qname}@{row.instant_at}")
def _rolled_by(flows: list[Line], catalog: Catalog) -> "tuple[str, Concept] | None":
    """The change most of the official movements add into in the official calculations ("<balance>
    PeriodIncreaseDecrease") and the balance it changes, an instant; None without a clear majority."""
    votes: dict[str, int] = {}
    for k in flows:
        for p in set(k.concept.parents) | set(catalog.calc_parents(k.concept.name)):
            if p.endswith(_ROLL):
                votes[p] = votes.get(p, 0) + 1
    best = sorted(votes.items(), key=lambda x: (-x[1], x[0]))
    if not best or best[0][1] * 2 <= len(flows) or (len(best) > 1 and best[1][1] == best[0][1]):
        return None
    c = catalog.find(best[0][0][:-len(_ROLL)])
    return (best[0][0], c) if c is not None and c.period == "instant" else None


def _dated_balances(lines: list[Line], catalog: Catalog, used: set[str]) -> None:
    """A roll-forward dated by its rows ("January 1, 2008", "Increases related to tax positions", "December 31,
    2008", ...) whose balances say only their dates: each is the balance its official movements roll forward
    (UnrecognizedTaxBenefits), one concept at every date."""
    marks = [ln for ln in lines if not ln.header and ln.concept is None and ln.dated is not None
             and ln.dated.start is None]
    flows = [ln for ln in lines if ln.concept is not None and not ln.concept.extension and ln.dated is not None
             and ln.dated.start is not None]
    if len(marks) < 2 or not flows:
        return
    rolled = _rolled_by(flows, catalog)
    if rolled is None or rolled[1].qname in used:
        return
    change, c = rolled
    for ln in marks:
        words = set(tokens(re.sub(r"\d", " ", core_label(ln.row.label)))) - _MONTH_WORDS
        if c.type == ln.kind and not words - _BALANCE_WORDS - set(tokens(c.label)):
            ln.concept, ln.score = c, 0.8
            ln.reason = f"the balance its rows roll forward ({change})"
    used.add(c.qname)


_MONTH_WORDS = frozenset(tokens(" ".join(calendar.month_name[1:] + calendar.month_abbr[1:])))
_NOT = re.compile(r"\bnon\b|\bnon-|\bnot\b|\bother\s+than\b|\bexcluding\b", re.I)


def _side(c: "Concept | None", catalog: Catalog) -> str:
    """"asset" or "liability" for an official balance that the official calculation adds into assets or into
    liabilities (or that is one of them), else ""."""
    if c is None or c.extension or c.period != "instant":
        return ""
    up = set(catalog.ancestors(c.name)) | {c.name}
    if up & {"Assets", "AssetsCurrent", "AssetsNoncurrent"} and c.balance == "debit":
        return "asset"
    if up & {"Liabilities", "LiabilitiesCurrent", "LiabilitiesNoncurrent"} and c.balance == "credit":
        return "liability"
    return ""


def _held_not_owed(lines: list[Line], by_index: dict[int, Line], catalog: Catalog, used: set[str]) -> None:
    """A row added into a total of assets is an asset: "Commercial paper" among a note's cash equivalents is paper
    held, not the commercial paper the company owes (and the other way round under a total of liabilities). The
    row takes its best alternative of the total's side, else no concept (an extension)."""
    for ln in lines:
        total = by_index.get(ln.parent) if ln.parent is not None else None
        if ln.concept is None or total is None or ln.children or (ln.score >= 0.95 and ln.concept.kept):
            continue  # a total, or the row's own kept wording, outweigh a sum that may hold by chance
        want, have = _side(total.concept, catalog), _side(ln.concept, catalog)
        if want and have and want != have:
            def wrong(c: Concept) -> bool:
                return _side(c, catalog) == have
        elif not ln.concept.kept and (ln.concept.aliases or balance_by_name(ln.concept)) and \
                total.concept is not None and _against_total(ln, total, by_name=True):
            # a wording with no side ("Depreciation", kept in taxonomy/wordings.csv for a deferred tax liability)
            # on a row that is never negative, which its total could only add the other way than printed: among
            # deferred tax assets it is no deferred tax liability, and "Accruals and others" there no accrual for
            # taxes owed. An extension, not another concept: the words say nothing of the side
            used.discard(ln.concept.qname)
            ln.concept, ln.score = None, 0.0
            ln.reason = f"added into {total.concept.name} the other way than its wording's concept adds"
            continue
        else:
            continue
        have = have or ("credit" if ln.concept.balance == "credit" else "debit")
        fit = [c for q, sc in ln.alternatives if (c := catalog.concepts.get(q)) is not None and q not in used
               and sc >= THRESHOLD and c.period == ln.concept.period and not wrong(c)]
        used.discard(ln.concept.qname)
        ln.concept, ln.score = (fit[0], next(sc for q, sc in ln.alternatives if q == fit[0].qname)) if fit \
            else (None, 0.0)
        ln.reason = f"added into {total.concept.name}: not a {have}"
        if fit:
            used.add(fit[0].qname)


def _against_total(ln: Line, total: Line, c: "Concept | None" = None, by_name: bool = False) -> bool:
    """Whether concept `c` (the row's own by default), never negative, would have to be negative to add into the
    total's concept as the row is printed (its weight from the two balances). A deducted row ("Less current
    portion") is the same balance taken away: not against. `by_name` counts a balance whose name alone says it is
    one thing held or owed as never negative."""
    c = c or ln.concept
    t = total.concept
    if c is None or t is None or t.extension or not c.balance or not t.balance or \
            not (never_negative(c) or by_name and balance_by_name(c)) or DEDUCTED.match(ln.row.label):
        return False
    printed = next((sg for k, sg in total.children if k == ln.index), 1)
    # a one-way total printed negative (the liabilities of a net tax balance, all in parentheses) prints its parts
    # negative too: the row is against its total when its sign differs from the total's in the same column
    one_way_total = one_way(t)
    sums = total.row.cells
    pairs = [(cell.value, sums[i].value if one_way_total and i < len(sums) and sums[i] is not None and sums[i].value
              else 1) for i, cell in enumerate(ln.row.cells) if cell is not None and cell.value]
    return bool(pairs) and sum(1 for v, tv in pairs if v * tv * printed * calc_weight(t, c) < 0) > len(pairs) / 2


_CAMEL = re.compile(r"[A-Z][a-z0-9]*")
_NET_QUALIFIER = re.compile(r"Net(Of[A-Z]\w*)?$")
_AND_OTHER = re.compile(r"\band\s+other\b(?P<rest>[^,;]*)", re.I)


def _and_other(lines: list[Line], st: Statement, catalog: Catalog, used: set[str]) -> None:
    """A row that adds "and other" things to what its concept names ("Purchases of marketable securities and other
    investments", "Acquisitions, net of cash acquired, and other") is the broader concept the official calculation
    adds that one into (PaymentsToAcquireInvestments, PaymentsToAcquireBusinessesAndInterestInAffiliates), when the
    broader concept names what follows "other", belongs on the statement (in a cash flow statement, in the same
    section), and sums no other row of the statement (then the other things are printed apart: "Accrued expenses
    and other" beside "Accounts payable" is not their sum)."""
    def settled() -> list[str]:  # a row still to be widened holds its concept only for now
        return [x.concept.name for x in lines if x.concept is not None and not x.concept.extension and not x.widen]

    held = settled()
    # rows whose own words fit first; a row still to be widened holds its concept only for now
    for ln in sorted(lines, key=lambda x: x.widen):
        c = ln.concept
        if c is None or c.extension or ln.children:
            continue
        if ln.widen and any(x is not ln and x.concept is c for x in lines):
            ln.concept, ln.score = None, 0.0  # a row widened before it took its concept
            continue
        provisional = {x.concept.qname for x in lines if x.widen and x is not ln and x.concept is not None}
        m = _AND_OTHER.search(core_label(ln.row.label))
        exact = c.kept and ln.score >= 1.0  # the row's own wording, kept as the concept's ("Accrued expenses and other")
        fits = _broader(ln, c, m, st, catalog, used - provisional, held) \
            if m and "other" not in tokens(c.label) and not exact else []
        if len(fits) == 1:
            used.discard(c.qname)
            ln.concept, ln.score = fits[0], round(min(ln.score, 1.0) * 0.9, 3)  # a step from the row's words
            ln.reason = f"'and other': the official calculation adds {c.name} into {fits[0].name}"
            used.add(fits[0].qname)
            ln.widen = False
            held = settled()
        elif ln.widen:
            used.discard(c.qname)  # "Goodwill and other intangibles" is not Goodwill: an extension
            ln.concept, ln.score = None, 0.0


def _broader(ln: Line, c: Concept, m: "re.Match[str]", st: Statement, catalog: Catalog, used: set[str],
             held: list[str]) -> list[Concept]:
    """The concepts the official calculation adds `c` into that can be the row's "and other" total."""
    rest = set(tokens(m["rest"])) - {"net"}
    said = set(tokens(ln.row.label)) | set(tokens(ln.context_label))
    fits: list[Concept] = []
    level = list(catalog.calc_parents(c.name))
    # the nearest level of the calculation above `c` that has a concept for the row; a bare "and other" says
    # nothing of what else, so only the level right above
    for _ in range(3 if rest else 1):
        fits = _fitting(level, ln, c, rest, said, st, catalog, used, held)
        if fits:
            break
        level = list(dict.fromkeys(q for name in level for q in catalog.calc_parents(name)))
    return fits


def _fitting(names: list[str], ln: Line, c: Concept, rest: set[str], said: set[str], st: Statement,
             catalog: Catalog, used: set[str], held: list[str]) -> list[Concept]:
    fits = []
    for name in names:
        p = catalog.find(name)
        if p is None or p.qname in used or p.type != c.type or p.period != c.period or p.balance != c.balance or \
                p.qname not in candidate_names(catalog, st, c.type, c.period) or not rest <= set(tokens(p.label)):
            continue
        if len(set(tokens(p.label)) - set(tokens(c.label)) - said - WEAK) > 2:
            continue  # a concept about more than the row could be (interest income "after provision for loan loss")
        if not rest and not p.name.startswith(_NET_QUALIFIER.sub("", c.name)):
            # a bare "and other" widens only to more of the same: a total whose name begins with the row's own
            # concept's, less a closing "net" qualifier (payments to acquire businesses [net of cash acquired] ->
            # ... businesses and interest in affiliates); not to one that adds a named sibling class (accounts
            # receivable -> accounts and notes receivable: the row says "other", not notes)
            continue
        if st.kind == "cash_flow" and (any(name in totals for totals in _SECTION_TOTALS.values()) or
                                       cash_sections(catalog, name) != cash_sections(catalog, c.name)):
            continue
        if any(h != c.name and name in catalog.ancestors(h) for h in held):
            continue  # the broader concept would count another printed row twice
        fits.append(p)
    return fits


_CLASS_WORDS = ("noncurrent", "current")


def _drops_class(ln: Line, c: Concept) -> bool:
    """Whether `c` leaves out the current/noncurrent class that the total's words and its concept both state:
    "Total current liabilities" is never Liabilities, however many of its rows Liabilities sums (a row mapped to
    a concept of either class is summed by the broader total too)."""
    words = set(tokens(core_label(ln.row.label)))
    for w in _CLASS_WORDS:
        if w in words and w.capitalize() in ln.concept.name and w.capitalize() not in c.name:
            return True
    return False


def sum_fits(parent: Concept, kids: list[tuple[Line, int]], total_sign: int) -> bool:
    """Whether parent can be the printed sum of kids (line, printed sign) with the official weights, given the
    meaning of the concepts: a never-negative parent and never-negative rows keep their printed magnitudes."""
    n_t = total_sign if never_negative(parent) else 1
    for ln, s in kids:
        nat = natural_sign(ln)
        if nat is not None and calc_weight(parent, ln.concept) != n_t * s * nat:
            return False
    return True


def extension_name(label: str, kind: str, existing: set[str], next_of: dict[str, int] | None = None) -> str:
    """A name for an extension concept not in `existing`: base, base2, base3, ... `next_of` (base → the number to
    try next), kept by a caller whose `existing` only grows, saves counting up from 2 again each time."""
    base = camel(core_label(label) or label)
    if kind == "perShare" and "PerShare" not in base:
        base += "PerShare"
    name = base
    n = next_of.get(base, 2) if next_of is not None else 2
    while name in existing:
        name = f"{base}{n}"
        n += 1
    if next_of is not None and name != base:
        next_of[base] = n
    return name

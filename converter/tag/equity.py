"""The statement of stockholders' equity: a matrix of components (columns) and changes (rows)."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

from edgar2xbrl.tag.builder import Builder, Network, PresItem, _fmt
from edgar2xbrl.xbrl_report import Check, Hypercube, Untagged
from edgar2xbrl.tag.catalog import ONE_WAY_CHANGE, never_negative
from edgar2xbrl.tag.labels import similarity
from edgar2xbrl.tag.mapper import build_lines, calc_weight, core_label, map_lines
from edgar2xbrl.model import Context, Fact, Period, Statement
from edgar2xbrl.tables.periods import all_dates

AXIS = "us-gaap:StatementEquityComponentsAxis"
DOMAIN = "us-gaap:EquityComponentDomain"
_BALANCE = re.compile(r"^\s*balances?\b|^\s*balance,", re.I)
# a caption that opens a year's part of an equity statement printed year under year
_YEAR_CAPTION = re.compile(r"^\s{0,8}(?:for\s{1,3}the\s{1,3})?(?:fiscal\s{1,3})?years?\s{1,3}ended\b", re.I)
_YEAR_END_WORDS = re.compile(r"\bend\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:fiscal\s{1,3})?(?:year|period)\b", re.I)
_YEAR_START_WORDS = re.compile(r"\bbeginning\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:fiscal\s{1,3})?(?:year|period)\b",
                               re.I)


_PAR_VALUE = re.compile(r"\bpar\s+value\s*(of\s*)?\$\s*(?:\d+(?:\.\d+)?|\.\d+)|"
                        r"\$\s*(?:\d+(?:\.\d+)?|\.\d+)\s+par(\s+value)?\b", re.I)


def _column_roles(b: Builder, st: Statement) -> list[tuple[str | None, bool]]:
    """(member qname or None for the total, is a share-count column) for each column."""
    members = [c for c in b.catalog.concepts.values() if c.type == "domain" and c.axis == "StatementEquityComponentsAxis"
               and c.name != "EquityComponentDomain"]
    out = []
    last_total = max((k for k, c in enumerate(st.columns) if re.search(r"\btotal\b", c.header, re.I)), default=None)
    for col in st.columns:
        h = col.header
        if col.index == last_total and col.index >= len(st.columns) - 2:
            out.append((None, bool(re.search(r"\bshares\b", h, re.I)) and not re.search(r"amount|\$|equity", h, re.I)))
            continue
        # "Par Value $.01" over a column of share counts names the stock, it does not make the column dollars
        bare = _PAR_VALUE.sub(" ", h)
        shares = bool(re.search(r"\bshares\b|\bnumber\b", bare, re.I)) and not re.search(r"amount|\$", bare, re.I)
        words = _member_words(h)
        if re.fullmatch(r"\s*total\s*(stockholders|shareholders)?'?\s*(equity)?\s*", h, re.I):
            out.append((None, shares))
            continue
        if not words:
            # "Shares | Amount" under one heading: the amount belongs with the member on its left
            out.append((out[-1][0] if out else None, shares))
            continue
        best = max(members, key=lambda m: max(similarity(words, n) for n in (m.label,) + m.aliases))
        score = max(similarity(words, n) for n in (best.label,) + best.aliases)
        if score >= 0.5:
            out.append((best.qname, shares))
        else:
            out.append((_extension_member(b, words), shares))
    # two columns on one member ("Common Stock Class A" and "Class B" both read as common stock) would write two
    # values into one context: each gets a member of its own, named by its heading
    seen: dict[tuple, list[int]] = {}
    for k, (m, shares) in enumerate(out):
        if m is not None:
            seen.setdefault((m, shares), []).append(k)
    for (m, shares), cols in seen.items():
        words = [_member_words(st.columns[k].header) for k in cols]
        if len(cols) < 2 or len(set(w.lower() for w in words)) < len(cols):
            continue
        for k, w in zip(cols, words):
            out[k] = (_extension_member(b, w), shares)
    return out


def _member_words(header: str) -> str:
    """A column heading without the words that say what is counted ("Common Stock Shares" → "Common Stock")."""
    return re.sub(r"\b(shares|amount|number|of|total|par value)\b", " ", header, flags=re.I).strip()


def _extension_member(b: Builder, words: str) -> str:
    """The company's member on the equity components axis for these words, made once."""
    return b.own_member(words)


_MEMO = re.compile(r"^\s*(total\s+)?comprehensive\s+(income|loss|earnings)\b", re.I)


def memo_columns(st: Statement) -> set[int]:
    """Columns headed "Comprehensive Income (Loss)" (not "Accumulated other ..."): a memo of the year's
    comprehensive income beside the components, not a component of equity."""
    return {k for k, c in enumerate(st.columns) if _MEMO.match(c.header) and len(st.columns) > 2}


def _year_before(d: "date") -> "date":
    """The same day a year earlier (February 28 for a February 29)."""
    return d.replace(year=d.year - 1, day=min(d.day, 28 if d.month == 2 else d.day))


def build_equity(b: Builder, st: Statement, order: int, role_id: str, title: str) -> Network:
    roles = _column_roles(b, st)
    memo = memo_columns(st)
    roles = [(None, False) if k in memo else r for k, r in enumerate(roles)]
    lines = build_lines(st, {})
    dates: dict[int, Period] = {}
    year_end: "date | None" = None  # the year a caption "YEAR ENDED DECEMBER 31, 1999" opens
    closed: "date | None" = None  # the last dated closing balance
    for ln in lines:
        if ln.header:
            caption = _YEAR_CAPTION.match(ln.row.label)
            found = all_dates(ln.row.label) if caption else []
            if found:
                year_end = found[-1][0]
            continue
        found = all_dates(ln.row.label)
        if not found and year_end is not None and _BALANCE.match(ln.row.label):
            # "Balance at beginning of year" / "at end of year" under the year's caption: the close of the year
            # before (the balance the last year closed with, printed above) and the close of the caption's year
            if _YEAR_END_WORDS.search(ln.row.label):
                dates[ln.index] = closed = Period(end=year_end)
            elif _YEAR_START_WORDS.search(ln.row.label):
                # the close of the year before: printed above as the last year's closing balance, or, for the first
                # year of the statement, the end of the twelve months before the caption's year
                dates[ln.index] = closed if closed is not None and closed.end < year_end else \
                    Period(end=_year_before(year_end))
            continue
        if not found:
            continue
        rest = " ".join(ln.row.label[:found[-1][1]].split())
        # "Balance at September 27, 1991", "Stockholders' equity, January 1, 1995", "December 31, 1996"
        if _BALANCE.match(ln.row.label) or re.search(r"\b(balance|equity|investment)s?\b,?\s*(at|as of)?$", rest, re.I) \
                or len(rest.split()) <= 2:
            # "Stockholders' equity, January 1, 1995": the balance a period opens with is the close of the day
            # before (IBM's 1995 flows ran from January 2, and the opening balance stood apart from 1994's close)
            day = found[-1][0]
            dates[ln.index] = Period(end=day - timedelta(days=1) if day.day == 1 else day)
    for ln in lines:
        ln.kind = "monetary"
    balance_idx = set(dates)
    for i in balance_idx:
        lines[i].header = True  # kept out of the label mapping
    # each year between two dated balances is mapped on its own: "Net income" recurs once a year
    ordered = sorted(balance_idx)
    bounds = [-1] + ordered + [len(lines)]
    for lo, hi in zip(bounds, bounds[1:]):
        segment = [ln for ln in lines if lo < ln.index < hi]
        if segment:
            map_lines(segment, st, b.catalog, taken={"us-gaap:StockholdersEquity"})
    for i in balance_idx:
        lines[i].header = False
    net = Network(role_id=role_id, title=title, order=order)
    member_list = [m for m, _ in roles if m]
    net.hypercube = Hypercube("us-gaap:StatementTable", AXIS, DOMAIN, tuple(dict.fromkeys(member_list)),
                              "us-gaap:StatementLineItems", ())
    net.items.append(PresItem("us-gaap:StatementTable", 1, "Statement [Table]", "label"))
    net.items.append(PresItem(AXIS, 2, "Equity Components [Axis]", "label"))
    net.items.append(PresItem(DOMAIN, 3, "Equity Component [Domain]", "label"))
    for m, _ in roles:
        if m and all(it.concept != m for it in net.items):
            col = st.columns[[r[0] for r in roles].index(m)]
            net.items.append(PresItem(m, 4, col.header, b.label_for(m, col.header, "terseLabel")))
    net.items.append(PresItem("us-gaap:StatementLineItems", 2, "Statement [Line Items]", "label"))
    ordered_balances = sorted(balance_idx)
    shares_concept = b.catalog.get("us-gaap:SharesOutstanding")
    equity_concept = b.catalog.get("us-gaap:StockholdersEquity")
    for ln in lines:
        if ln.header:
            c = b.new_extension(ln.row.label, "string", "duration", abstract=True, suffix="Abstract")
            net.items.append(PresItem(c.qname, 3, ln.row.label, "label"))
            continue
        is_balance = ln.index in balance_idx
        if is_balance:
            first = ln.index == ordered_balances[0]
            role = "periodStartLabel" if first else "periodEndLabel"
            period = dates[ln.index]
        else:
            before = [i for i in ordered_balances if i < ln.index]
            after = [i for i in ordered_balances if i > ln.index]
            if not before or not after:
                for k, cell in enumerate(ln.row.cells):
                    if cell is not None:
                        b.record_untagged(Untagged(f"{b.path}:{cell.line or ln.row.line}", title, ln.row.label, cell.text,
                                                   "no dated balance rows around this change to give its period"))
                continue
            period = Period(start=dates[before[-1]].end + timedelta(days=1), end=dates[after[0]].end)
            role = "terseLabel"
            if ln.concept is None:
                b.extend_line(ln, lines, st, frozenset({period}))
        value_concept = equity_concept if is_balance else ln.concept
        sigma = 1 if is_balance else calc_weight(equity_concept, value_concept)
        share_line_concept = shares_concept if is_balance else _shares_twin(b, value_concept)
        shown = set()
        for k, cell in enumerate(ln.row.cells):
            if cell is None:
                continue
            member, is_shares = roles[k]
            concept = share_line_concept if is_shares else value_concept
            src = f"{b.path}:{cell.line or ln.row.line}"
            if k in memo and is_balance:
                b.record_untagged(Untagged(src, title, ln.row.label, cell.text,
                                           "a comprehensive income memo column on a balance line: the year's "
                                           "comprehensive income, not equity at that date"))
                continue
            if concept is None:
                if cell.dash:
                    reason = "a dash in the share column of a change that has no share-count concept"
                else:
                    concept = b.new_extension(core_label(ln.row.label) + " shares", "shares", "duration")
                if concept is None:
                    b.record_untagged(Untagged(src, title, ln.row.label, cell.text, reason))
                    continue
            scale = st.share_scale if is_shares else st.scale
            kind = "shares" if is_shares else "monetary"
            value = (1 if is_shares else sigma) * cell.value * (Decimal(10) ** scale)
            how = "as printed" if sigma == 1 or is_shares else "negated: a debit change reduces equity"
            if is_shares and value < 0 and never_negative(concept) and ONE_WAY_CHANGE.search(concept.name):
                # "Repurchase of common stock (6)" in the shares column: 6 million shares bought back
                value, how = -value, "magnitude: the concept is never negative"
            dims = ((AXIS, member),) if member else ()
            fact = Fact(concept=concept.qname, context=Context(period, dims), value=_fmt(value),
                        unit="shares" if is_shares else "USD", decimals=b.decimals(kind, cell.places, scale),
                        source=src, statement=title, row_label=ln.row.label, printed=cell.text,
                        start=cell.start, end=cell.end, sign=how,
                        confidence=1.0 if is_balance else ln.score, extension=concept.extension)
            b.record(fact, ln.row.label, k + 1, dims=dims, reason=ln.reason, alternatives=ln.alternatives)
            if concept.qname not in shown:
                shown.add(concept.qname)
                net.add_primary(concept.qname)
                net.items.append(PresItem(concept.qname, 3, ln.row.label,
                                          b.label_for(concept.qname, ln.row.label, role)))
    _checks(b, st, lines, roles, balance_idx, title, memo)
    b.add_network(net)
    return net


def _shares_twin(b: Builder, concept):
    if concept is None or concept.extension:
        return None
    twin = b.catalog.find(concept.name.replace("Value", "Shares"))
    return twin if twin is not None and twin.type == "shares" else None


_TEMPORARY = re.compile(r"\b(convertible|redeemable)\b[\w\s]{0,30}\bpreferred\b|\btemporary\s+equity\b|\bmezzanine\b",
                        re.I)


def _checks(b: Builder, st: Statement, lines, roles, balance_idx, title: str, memo: set[int] = frozenset()) -> None:
    amount_cols = [k for k, (m, sh) in enumerate(roles) if not sh and m]
    total_cols = [k for k, (m, sh) in enumerate(roles) if not sh and not m and k not in memo]
    # convertible or redeemable preferred stock printed beside the equity it is no part of (temporary equity,
    # Tesla's before its offering): the total of stockholders' equity leaves it out
    temporary = [k for k in amount_cols if _TEMPORARY.search(st.columns[k].header)]
    for ln in lines:
        if ln.header or not total_cols:
            continue
        t = ln.row.cells[total_cols[0]]
        if t is None or all(ln.row.cells[k] is None or ln.row.cells[k].dash for k in amount_cols):
            # a line printed in the total column only ("Total comprehensive income") is a memo, not a sum of the
            # components' changes
            continue
        acc = sum((ln.row.cells[k].value for k in amount_cols if ln.row.cells[k] is not None), Decimal(0))
        outside = sum((ln.row.cells[k].value for k in temporary if ln.row.cells[k] is not None), Decimal(0))
        if acc != t.value and temporary and acc - outside == t.value:
            acc -= outside  # the total is the stockholders' equity, without the preferred stock outside it
        b.add_check(Check(title, " ".join(ln.row.label.split()), ln.row.line, "Total = sum of components",
                          str(t.value), str(acc), acc == t.value, False,
                          "across the equity components axis: checked here, not in the calculation link"))
    ordered = sorted(balance_idx)
    for a, z in zip(ordered, ordered[1:]):
        subtotals = _inner_subtotals(lines, a, z)
        for k, col in enumerate(st.columns):
            start, end = lines[a].row.cells[k], lines[z].row.cells[k]
            if start is None or end is None or k in memo:
                continue
            acc = start.value + sum((lines[i].row.cells[k].value for i in range(a + 1, z)
                                     if not lines[i].header and i not in subtotals
                                     and lines[i].row.cells[k] is not None), Decimal(0))
            b.add_check(Check(title, " ".join(lines[z].row.label.split()), lines[z].row.line,
                              f"{col.header}: opening balance + changes", str(end.value), str(acc),
                              acc == end.value, False,
                              "a roll-forward from instant to instant: checked here, not in the calculation link"))


def _inner_subtotals(lines, a: int, z: int) -> set[int]:
    """Rows between two balances that add up rows just above them ("Comprehensive income" under net income and
    the other comprehensive income items): they restate changes already counted, so the roll-forward skips them."""
    out: set[int] = set()
    for i in range(a + 2, z):
        cells = [(k, c.value) for k, c in enumerate(lines[i].row.cells)
                 if c is not None and not c.dash and not lines[i].header]
        if not cells or not any(v for _, v in cells):
            continue
        sums = {k: Decimal(0) for k, _ in cells}
        for j in range(i - 1, a, -1):
            if lines[j].header or j in out:
                continue
            for k in sums:
                c = lines[j].row.cells[k] if k < len(lines[j].row.cells) else None
                sums[k] += c.value if c is not None else 0
            if j < i - 1 and all(sums[k] == v for k, v in cells):
                out.add(i)
                break
    return out


# ----- the other layout: years across, components stacked as captioned sections --------------------------------

_SECTION_BEGIN = re.compile(r"balances?,?\s+(at\s+)?(the\s+)?beginning|^\s*beginning\s+balance|balance,?\s+start", re.I)
_SECTION_END = re.compile(r"balances?,?\s+(at\s+)?(the\s+)?end|^\s*ending\s+balance|balance,?\s+close", re.I)


# a row of "Other", "Other, net", "Other items": no word that says what changed
_MEANING_WORDS = re.compile(r"\b(?!(?:other|net|items?|miscellaneous|misc|changes?|adjustments?|and|,)\b)[A-Za-z]{2,}",
                            re.I)


def _member_for(b: Builder, words: str) -> str | None:
    members = [c for c in b.catalog.concepts.values() if c.type == "domain" and c.axis == "StatementEquityComponentsAxis"
               and c.name != "EquityComponentDomain"]
    scored = sorted(((max(similarity(words, n) for n in (m.label,) + m.aliases), m) for m in members),
                    key=lambda x: -x[0])
    if scored and scored[0][0] >= 0.5:
        return scored[0][1].qname
    return None


def build_equity_rollforward(b: Builder, st: Statement, order: int, role_id: str, title: str) -> Network:
    """Columns are periods; each captioned section rolls one component forward ("Balance, beginning of year",
    changes, "Balance, end of year"). A section becomes a member of the equity components axis."""
    lines = build_lines(st, find_subtotals_safe(st))
    net = Network(role_id=role_id, title=title, order=order)
    net.hypercube = Hypercube("us-gaap:StatementTable", AXIS, DOMAIN, (), "us-gaap:StatementLineItems", ())
    net.items += [PresItem("us-gaap:StatementTable", 1, "Statement [Table]", "label"),
                  PresItem(AXIS, 2, "Equity Components [Axis]", "label"),
                  PresItem(DOMAIN, 3, "Equity Component [Domain]", "label"),
                  PresItem("us-gaap:StatementLineItems", 2, "Statement [Line Items]", "label")]
    equity = b.catalog.get("us-gaap:StockholdersEquity")
    shares = b.catalog.get("us-gaap:SharesOutstanding")
    # sections: a caption row opens one; its rows up to the next caption belong to it
    sections: list[tuple[str | None, str, list]] = []
    current: list = []
    member: str | None = None
    caption = ""
    for ln in lines:
        if ln.header and current and _SECTION_BEGIN.search(current[0].row.label) and not any(
                _SECTION_END.search(x.row.label) or re.match(r"\s*total\b", x.row.label, re.I) for x in current):
            # a caption inside a component's roll-forward ("Other comprehensive income:" between "Balance,
            # beginning of year" and "Balance, end of year" of retained earnings) opens no component: its rows and
            # those after its subtotal (dividends, repurchases) change the component whose balance is rolled
            continue
        if ln.header:
            if current:
                sections.append((member, caption, current))
            caption = ln.row.label
            member = _member_for(b, core_label(caption))
            if member is None and core_label(caption):
                member = _extension_member(b, core_label(caption))
            current = []
            continue
        current.append(ln)
    if current:
        sections.append((member, caption, current))
    made: dict[str, object] = {}
    for member, caption, rows in sections:
        is_shares = bool(re.search(r"\bshares\b", caption, re.I))
        if member and member not in net.hypercube.members:
            net.hypercube = replace(net.hypercube, members=net.hypercube.members + (member,))
            net.items.insert(3 + len(net.hypercube.members), PresItem(member, 4, caption,
                                                                      b.label_for(member, caption, "terseLabel")))
        heading = b.new_extension(caption or title, "string", "duration", abstract=True, suffix="Abstract")
        net.items.append(PresItem(heading.qname, 3, caption, "label"))
        changes = []
        for ln in rows:
            if _SECTION_BEGIN.search(ln.row.label):
                ln.instant_at = "start"
            elif _SECTION_END.search(ln.row.label) or re.match(r"\s*total\b", ln.row.label, re.I):
                ln.instant_at = "end"
            else:
                changes.append(ln)
            ln.kind = "shares" if is_shares else "monetary"
        map_lines(changes, st, b.catalog, taken={"us-gaap:StockholdersEquity"})
        for ln in changes:
            # "Other, net" in a component's roll-forward: the official "other" change of that component
            if ln.concept is None and not is_shares and not _MEANING_WORDS.search(core_label(ln.row.label)):
                other = b.catalog.find("AdjustmentsToAdditionalPaidInCapitalOther" if member and
                                       "PaidInCapital" in member else "StockholdersEquityOther")
                if other is not None and not any(x.concept is other for x in changes):
                    ln.concept, ln.score = other, 0.6
                    ln.reason = "an 'other' change of the component it rolls forward"
        dims = ((AXIS, member),) if member else ()
        for ln in rows:
            if ln.instant_at:
                concept = shares if is_shares else equity
                row_dims = dims if not re.match(r"\s*total\b", ln.row.label, re.I) or not member else dims
                if re.match(r"\s*total\b", ln.row.label, re.I):
                    row_dims = ()
                sigma = 1
            else:
                if ln.concept is None:
                    key = core_label(ln.row.label).lower()
                    if key in made and made[key].type == ln.kind:
                        ln.concept = made[key]  # the same change in another component: one concept, two members
                    else:
                        b.extend_line(ln, lines, st)
                        made[key] = ln.concept
                concept = ln.concept
                row_dims = dims
                sigma = 1 if is_shares else calc_weight(equity, concept)
            role = {"start": "periodStartLabel", "end": "periodEndLabel"}.get(ln.instant_at, "terseLabel")
            _rollforward_facts(b, st, ln, concept, row_dims, sigma, title)
            net.add_primary(concept.qname)
            net.items.append(PresItem(concept.qname, 4, ln.row.label, b.label_for(concept.qname, ln.row.label, role)))
    for t, kids in find_subtotals_safe(st).items():
        for k, col in enumerate(st.columns):
            total = st.rows[t].cells[k]
            if total is None:
                continue
            acc = sum((s * (st.rows[j].cells[k].value if st.rows[j].cells[k] is not None else 0)) for j, s in kids)
            b.add_check(Check(title, " ".join(st.rows[t].label.split()), st.rows[t].line, col.header,
                              str(total.value), str(acc), acc == total.value, False,
                              "a roll-forward or a sum across components: checked here, not in the calculation link"))
    b.add_network(net)
    return net


def find_subtotals_safe(st: Statement):
    from edgar2xbrl.tables.arithmetic import find_subtotals
    return find_subtotals(st.rows)


def _rollforward_facts(b: Builder, st: Statement, ln, concept, dims, sigma, title) -> None:
    for k, col in enumerate(st.columns):
        cell = ln.row.cells[k] if k < len(ln.row.cells) else None
        if cell is None:
            continue
        src = f"{b.path}:{cell.line or ln.row.line}"
        period = col.period
        if period is None:
            b.record_untagged(Untagged(src, title, ln.row.label, cell.text, f"column {k + 1} has no period"))
            continue
        if ln.instant_at == "start":
            period = Period(end=period.start - timedelta(days=1)) if period.start else period
        elif ln.instant_at == "end":
            period = Period(end=period.end)
        kind = "shares" if concept.type == "shares" else "monetary"
        scale = st.share_scale if kind == "shares" else st.scale
        value = sigma * cell.value * (Decimal(10) ** scale)
        how = "as printed" if sigma == 1 else "negated: a debit change reduces equity"
        if kind == "shares" and value < 0 and never_negative(concept) and ONE_WAY_CHANGE.search(concept.name):
            value, how = -value, "magnitude: the concept is never negative"
        fact = Fact(concept=concept.qname, context=Context(period, dims), value=_fmt(value),
                    unit="shares" if kind == "shares" else "USD", decimals=b.decimals(kind, cell.places, scale),
                    source=src, statement=title, row_label=ln.row.label, printed=cell.text,
                    start=cell.start, end=cell.end, sign=how,
                    confidence=1.0 if ln.instant_at else ln.score, extension=concept.extension)
        b.record(fact, ln.row.label, k + 1, dims=dims, reason=ln.reason, alternatives=ln.alternatives)

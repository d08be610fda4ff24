"""Amounts printed inside balance sheet row labels: par values, authorized and issued shares, allowances."""
from __future__ import annotations

import re
from decimal import Decimal

from edgar2xbrl.tag.builder import Builder, Network, PresItem, _fmt
from edgar2xbrl.model import Context, Fact, Period, Statement
from edgar2xbrl.tables.periods import all_dates

_AMT = r"\$\s?([\d,]*\.?\d+)"
_SHARES = r"([\d,]{3,})"
_COUNT_WORDS = r"(authorized|issued|outstanding)(?:\s*(?:,|and|&)\s*(issued|outstanding))?"


def _num(t: str) -> Decimal:
    return Decimal(t.replace(",", ""))


def _places(t: str) -> int:
    return len(t.split(".")[1]) if "." in t else 0


def _subject(label: str) -> str | None:
    low = label.lower()
    if low.startswith(("preferred", "preference", "series")) or " preferred stock" in low[:30]:
        return "Preferred"
    if low.startswith(("common", "capital stock", "class a common", "class b common")):
        return "Common"
    if low.startswith(("treasury", "less treasury", "less: treasury")):
        return "Treasury"
    return None


def _assign(amounts: list[tuple[str, int]], text: str, instants: list[Period]) -> list[tuple[str, Period]]:
    """Which balance-sheet date each amount belongs to: by a date printed after it, else in column order."""
    dates = all_dates(text)
    out = []
    for n, (amt, pos) in enumerate(amounts):
        next_pos = amounts[n + 1][1] if n + 1 < len(amounts) else len(text)
        own = [d for d, s, _ in dates if pos < s < next_pos]
        if own:
            out.extend((amt, Period(end=d)) for d in own if any(p.end == d for p in instants))
        elif len(amounts) == len(instants) and len(amounts) > 1:
            out.append((amt, instants[n]))
        else:
            out.extend((amt, p) for p in instants)
    return out


def build_parentheticals(b: Builder, st: Statement, order: int, role_id: str, title: str) -> Network | None:
    instants = [c.period for c in st.columns if c.period is not None]
    net = Network(role_id=role_id, title=title, order=order)
    caption_subject = None
    for row in st.rows:
        label = " ".join(row.label.split())
        low = label.lower()
        found: list[tuple[str, str, list[tuple[str, int]], str]] = []  # (concept, kind, amounts, text window)
        subj = _subject(label)
        if subj:
            caption_subject = subj
        elif caption_subject in ("Preferred", "Common"):
            # "Common stock, $0.01 par value: / Authorized shares -- 5,000 / Issued shares -- 460 and 456"
            m = re.match(_COUNT_WORDS + r"\s+shares\s*[-\u2014:]*\s*(?:" + _SHARES +
                         r"(?:\s+and\s+" + _SHARES + r")?|(none|nil)\b)", low)
            if m:
                # "Issued and outstanding shares -- none": no shares issued, none outstanding, at every date
                amts = [(g, m.start(i + 3)) for i, g in enumerate(m.groups()[2:4]) if g] or [("0", m.start(5))]
                for word in dict.fromkeys(w for w in (m.group(1), m.group(2)) if w):
                    what = {"authorized": "Authorized", "issued": "Issued", "outstanding": "Outstanding"}[word]
                    found.append((f"us-gaap:{caption_subject}StockShares{what}", "scaled-shares", amts, low))
            elif not re.match(r"(authorized|issued|outstanding)", low):
                caption_subject = None
        if subj in ("Preferred", "Common"):
            m = re.search(_AMT + r"\s+(par|stated)\s+value", low) or re.search(r"par\s+value\s+(?:of\s+)?" + _AMT, low)
            if m:
                found.append((f"us-gaap:{subj}StockParOrStatedValuePerShare", "perShare", [(m.group(1), m.start())], low))
            m = re.search(r"authorized[:,]?\s+" + _SHARES + r"\s+shares", low) or \
                re.search(_SHARES + r"\s+shares\s+authorized", low)
            if m:
                found.append((f"us-gaap:{subj}StockSharesAuthorized", "shares", [(m.group(1), m.start())], low))
            else:
                # "shares authorized 12,000": a count with no "shares" after it is in the table's scale
                m = re.search(r"shares\s+authorized[:,]?\s+" + _SHARES, low)
                if m:
                    found.append((f"us-gaap:{subj}StockSharesAuthorized", "scaled-shares",
                                  [(m.group(1), m.start())], low))
            m = re.search(_SHARES + r"(?:\s+and\s+" + _SHARES + r")?\s+shares\s+issued(\s+and\s+outstanding)?", low)
            if m:
                window = low[m.start():]
                amts = [(g, m.start(i + 1)) for i, g in enumerate(m.groups()[:2]) if g]
                found.append((f"us-gaap:{subj}StockSharesIssued", "shares", amts, window))
                if m.group(3):
                    found.append((f"us-gaap:{subj}StockSharesOutstanding", "shares", amts, window))
            elif re.search(_SHARES + r"\s+shares\s+outstanding", low):
                m = re.search(_SHARES + r"\s+shares\s+outstanding", low)
                found.append((f"us-gaap:{subj}StockSharesOutstanding", "shares", [(m.group(1), m.start())], low))
            elif re.search(r"outstanding[:,]?\s+" + _SHARES + r"(?:\s+and\s+" + _SHARES + r")?", low):
                m = re.search(r"outstanding[:,]?\s+" + _SHARES + r"(?:\s+and\s+" + _SHARES + r")?", low)
                amts = [(g, m.start(i + 1)) for i, g in enumerate(m.groups()) if g]
                found.append((f"us-gaap:{subj}StockSharesOutstanding", "scaled-shares", amts, low[m.start():]))
        m = re.search(r"allowances?\s+(?:for\s+[a-z ]+?\s+)?of\s+" + _AMT + r"(?:\s+and\s+" + _AMT + ")?", low)
        if m and "receivable" in low:
            amts = [(g, m.start(i + 1)) for i, g in enumerate(m.groups()) if g]
            found.append(("us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent", "monetary", amts, low[m.start():]))
        m = re.search(r"accumulated\s+(depreciation|amortization)[a-z ,]*?\s+of\s+" + _AMT, low)
        if m:
            window = low[m.start():]
            amts = [(a.group(1), m.start() + a.start()) for a in re.finditer(_AMT, window)]
            intangible = re.search(r"intangible|patent|trademark|license|goodwill", low)
            concept = "us-gaap:FiniteLivedIntangibleAssetsAccumulatedAmortization" if intangible else \
                "us-gaap:AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment"
            found.append((concept, "monetary", amts, low))
        for concept, kind, amounts, window in found:
            if concept not in b.catalog:
                continue
            base = low.find(window)
            placed = _assign([(a, p - base if base >= 0 and p >= base else p) for a, p in amounts], window, instants)
            scaled = kind == "scaled-shares"
            kind = "shares" if scaled else kind
            for amt, period in placed:
                # "1,000,000 shares" is a count; "shares authorized 12,000" follows the table's scale for shares
                if re.search(r"in\s+thousands|thousands\s+of\s+shares", low):
                    shares_scale = 3
                elif scaled:
                    shares_scale = st.share_scale
                else:
                    shares_scale = 0
                scale = st.scale if kind == "monetary" else shares_scale if kind == "shares" else 0
                value = _num(amt) * (Decimal(10) ** scale)
                unit = {"monetary": "USD", "shares": "shares", "perShare": "USDPerShare"}[kind]
                places = _places(amt)
                fact = Fact(concept=concept, context=Context(period), value=_fmt(value), unit=unit,
                            decimals=b.decimals(kind, places, scale), source=f"{b.path}:{row.line}", statement=title,
                            row_label=label, printed=amt, sign="as printed", confidence=0.9)
                b.record(fact, label, None, note="amount printed inside the row label" +
                         ("" if len(amounts) > 1 or len(instants) == 1 or all_dates(window) else
                          "; one amount with no date is read as holding at every balance sheet date"))
            if all(it.concept != concept for it in net.items):
                net.items.append(PresItem(concept, 1, b.catalog.get(concept).label, "label"))
    if not net.items:
        return None
    b.networks.append(net)
    return net

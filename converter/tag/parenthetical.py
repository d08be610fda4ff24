"""Amounts printed inside balance sheet row labels: par values, authorized and issued shares, allowances."""
from __future__ import annotations

import re
from decimal import Decimal

from edgar2xbrl.tag.builder import Builder, Network, PresItem, _fmt
from edgar2xbrl.model import Context, Fact, Period, Statement
from edgar2xbrl.tables.periods import all_dates

_AMT = r"\$\s?([\d,]*\.?\d+)"
_SHARES = r"(?<![\d,.$])([\d,]{3,}|0)(?![\d,])"  # a count, or none ("0 and 7,213,000 shares")
_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
# "1997 - 969,015,351", "2005 and 2004 - 2,751,327,476": a year before its count
_NOT_YEAR = r"(?!(?:19|20)\d\d\s*(?:[-\u2013\u2014:]|and\s+(?:19|20)\d\d\s*[-\u2013\u2014:]))"
# "shares issued 2005 and 2004 - 2,751,327,476": one count at both years
_YEARS_COUNT = r"((?:19|20)\d\d)\s+and\s+((?:19|20)\d\d)\s*[-\u2013\u2014:]\s*([\d,]{3,})"
_YEAR_COUNT = r"(?:19|20)\d\d\s*[-\u2013\u2014:]\s*[\d,]{3,}"
_YEAR_COUNT_PAIR = r"((?:19|20)\d\d)\s*[-\u2013\u2014:]\s*([\d,]{3,})"
_GOODWILL = re.compile(r"goodwill|(cost|price)\s+in\s+excess\s+of|excess\s+of\s+(the\s+)?(cost|purchase\s+price)")
_IN_YEAR = r"(?:\s+in\s+(?:fiscal\s+)?\d{4})?"
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


_YEAR_AFTER = re.compile(r"[\d,]{1,20}\s{1,5}(?:shares\s{1,5})?in\s{1,5}(?:fiscal\s{1,5})?(\d{4})\b")


_EARLIER = re.compile(r"\(\s*([\d,]{3,}|0)\s+shares\s+(?:at|as\s+of|on)\s+(?=" + _MONTHS + r")", re.I)


def _earlier(low: str, pos: int) -> list[tuple[str, int]]:
    """The other date's count printed after a count in parentheses, in the same clause: "133,130,984 shares issued
    and outstanding at June 26, 1998 (127,949,220 shares at September 26, 1997)" (not a treasury count "at cost",
    nor one past the next ";")."""
    end = low.find(";", pos)
    m = _EARLIER.search(low, pos, min(pos + 80, end if end >= 0 else len(low)))
    return [(m.group(1), m.start(1))] if m else []


def _count_kind(amounts: list[tuple[str, int]]) -> str:
    """A count after "shares issued:" in a statement's scale ("Authorized shares -- 300,000" in thousands), unless
    it runs to millions as printed (IBM's "1997 - 969,015,351"): no statement prints millions of thousands."""
    return "shares" if any(_num(a) >= 1_000_000 for a, _ in amounts) else "scaled-shares"


def _assign(amounts: list[tuple[str, int]], text: str, instants: list[Period]) -> list[tuple[str, Period]]:
    """Which balance-sheet date each amount belongs to: by a date printed after it, else in column order."""
    dates = all_dates(text)
    # a year after each amount dates it ("302,668,973 in 2005 and 297,796,197 in 2004"); a year list after the
    # last amount only ("159,267 and 144,909 shares in 1998 and 1997") dates them respectively
    years = [_YEAR_AFTER.match(text, pos) for _, pos in amounts]
    years = years if all(years) else [None] * len(amounts)
    if len(amounts) == len(instants) > 1 and not any(years) and \
            not any(amounts[0][1] < s < amounts[-1][1] for _, s, _ in dates):
        # "23,321,045 and 23,020,845 shares issued at December 31, 2009, and 2008 respectively": the amounts in
        # the order of the columns (the date after the last amount names the first column, not the last amount)
        return [(amt, p) for (amt, _), p in zip(amounts, instants)]
    out = []
    for n, (amt, pos) in enumerate(amounts):
        next_pos = amounts[n + 1][1] if n + 1 < len(amounts) else len(text)
        own = [d for d, s, _ in dates if pos < s < next_pos]
        year = years[n]
        if not own and year:  # "302,668,973 in 2005": the balance sheet date of that year
            own = [p.end for p in instants if p.end.year == int(year.group(1))]
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
            # "100,000,000 shares authorized, 1,244,902 shares issued": the count before "authorized" first, or
            # "authorized" would take the issued count after it
            m = re.search(_SHARES + r"(?:\s+shares)?(?:\s+and\s+" + _SHARES + r")?\s+shares\s+authorized", low) or \
                re.search(r"authorized[:,]?\s+" + _SHARES + r"\s+shares", low)
            if m:
                amts = [(g, m.start(i + 1)) for i, g in enumerate(m.groups()[:2]) if g]
                found.append((f"us-gaap:{subj}StockSharesAuthorized", "shares", amts, low))
            else:
                # "shares authorized 12,000": a count with no "shares" after it is in the table's scale
                m = re.search(r"shares\s+authorized[:,]?\s+" + _SHARES, low)
                if m:
                    found.append((f"us-gaap:{subj}StockSharesAuthorized", "scaled-shares",
                                  [(m.group(1), m.start())], low))
            # "459 and 499 shares issued", "459 shares and 499 shares issued in 2008 and 2007"
            m = re.search(_SHARES + r"(?:\s+shares)?(?:\s+and\s+" + _SHARES +
                          r")?\s+shares\s+issued(?!\s*:)(\s+and\s+outstanding)?", low)
            # "Shares issued: 302,668,973 in 2005 and 297,796,197 in 2004": counts after the words, each with its year
            after = re.search(r"shares\s+issued[:,]?\s+" + _NOT_YEAR + _SHARES + _IN_YEAR +
                              r"(?:,?\s+and\s+" + _SHARES + r")?", low)
            by_year = re.search(r"shares\s+issued[:,]?\s+(" + _YEAR_COUNT + r"(?:[;,]?\s*(?:and\s+)?" + _YEAR_COUNT +
                                r")*)", low)
            both_years = re.search(r"shares\s+issued[:,]?\s+" + _YEARS_COUNT, low)
            if m:
                window = low[m.start():]
                amts = [(g, m.start(i + 1)) for i, g in enumerate(m.groups()[:2]) if g] + _earlier(low, m.end())
                found.append((f"us-gaap:{subj}StockSharesIssued", "shares", amts, window))
                if m.group(3):
                    found.append((f"us-gaap:{subj}StockSharesOutstanding", "shares", amts, window))
            elif after:
                amts = [(g, after.start(i + 1)) for i, g in enumerate(after.groups()) if g]
                found.append((f"us-gaap:{subj}StockSharesIssued", _count_kind(amts), amts, low))
            elif both_years:
                one, other, count = both_years.groups()
                window = f"{count} in {one} and {count} in {other}"
                amts = [(count, 0), (count, len(f"{count} in {one} and "))]
                found.append((f"us-gaap:{subj}StockSharesIssued", _count_kind(amts), amts, window))
            elif by_year:
                # "shares issued: 1997 - 969,015,351; 1996 - 1,018,141,084": each count after its year, read as
                # "969,015,351 in 1997 and 1,018,141,084 in 1996"
                window, amts = "", []
                for year, count in re.findall(_YEAR_COUNT_PAIR, by_year.group(1)):
                    window += (" and " if window else "")
                    amts.append((count, len(window)))
                    window += f"{count} in {year}"
                found.append((f"us-gaap:{subj}StockSharesIssued", _count_kind(amts), amts, window))
            m = re.search(_SHARES + r"\s+shares\s+outstanding", low)
            if not any(c.endswith("StockSharesOutstanding") for c, *_ in found) and m:
                found.append((f"us-gaap:{subj}StockSharesOutstanding", "shares", [(m.group(1), m.start())], low))
            out_after = re.search(r"outstanding[:,]?\s+" + _NOT_YEAR + _SHARES + _IN_YEAR + r"(?:,?\s+and\s+" +
                                  _SHARES + r")?", low)
            if not any(c.endswith("StockSharesOutstanding") for c, *_ in found) and out_after:
                amts = [(g, out_after.start(i + 1)) for i, g in enumerate(out_after.groups()) if g]
                found.append((f"us-gaap:{subj}StockSharesOutstanding", _count_kind(amts), amts, low))
        m = re.search(r"allowances?\s+(?:for\s+[a-z ]+?\s+)?of\s+" + _AMT + r"(?:\s+and\s+" + _AMT + ")?", low)
        if m and "receivable" in low:
            amts = [(g, m.start(i + 1)) for i, g in enumerate(m.groups()) if g]
            found.append(("us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent", "monetary", amts, low[m.start():]))
        m = re.search(r"accumulated\s+(depreciation|amortization)[a-z ,]*?\s+of\s+" + _AMT, low)
        # goodwill ("cost in excess of net assets of businesses acquired") was amortized before 2002: neither
        # fixed assets' depreciation nor a finite-lived intangible's amortization, and no concept of ours
        if m and not _GOODWILL.search(low):
            window = low[m.start():]
            amts = [(a.group(1), m.start() + a.start()) for a in re.finditer(_AMT, window)]
            intangible = re.search(r"intangible|patent|trademark|license", low)
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
            # "750 shares authorized" under "(in millions)": a count this small, printed where shares are counted
            # in millions, is in millions (a statement "except share data" counts shares one by one; under
            # "(in thousands)" "30,000 shares" of preferred stock are 30,000)
            small = kind == "shares" and st.share_scale >= 6 and all(_num(a) < 10000 and "," not in a for a, _ in placed)
            for amt, period in placed:
                # "1,000,000 shares" is a count; "shares authorized 12,000" follows the table's scale for shares
                if re.search(r"in\s+thousands|thousands\s+of\s+shares", low):
                    shares_scale = 3
                elif (scaled and _num(amt) < 10 ** 7) or small:  # ten million thousands: never a printed scale
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
    b.add_network(net)
    return net

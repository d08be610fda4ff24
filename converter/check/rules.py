"""Consistency rules run on every conversion, in the manner of the XBRL US Data Quality Committee rules.

Each rule is a small function with an id (``E2X.…``) and a docstring saying what it proves. A rule reads the
facts (never changes them) and returns findings; each finding says what should happen to the facts it names:

- ``corrected``: the rule pins down the cause (a share count 1,000× off) and gives the right value;
- ``removed``: the fact cannot be right and the cause is not known: it is left out of the instance;
- ``flagged``: uncertain but kept (a printed subtotal that does not add up).

:func:`apply` turns the findings into a new fact mapping; :func:`check` runs every rule. Rules that need the
meaning of a concept take it from the taxonomy: its type, period type and balance, and whether its standard
label names both directions ("Income (Loss)", "Increase (Decrease)", "Provided by (Used in)").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Callable, Iterable, Mapping

from edgar2xbrl.tag.catalog import ONE_WAY_CHANGE, both_ways, never_negative
from edgar2xbrl.tag.labels import not_money
from edgar2xbrl.model import Concept, Context, Fact, Period

FactKey = tuple  # (concept qname, Context, unit) as the builder keys its facts


class Action(str, Enum):
    CORRECTED = "corrected"
    REMOVED = "removed"
    FLAGGED = "flagged"


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str
    action: Action
    facts: tuple[FactKey, ...] = ()
    sources: tuple[str, ...] = ()
    corrections: tuple[tuple[FactKey, str], ...] = ()  # (fact, new value) for Action.CORRECTED

    def as_dict(self) -> dict:
        return {"rule": self.rule, "action": self.action.value, "message": self.message,
                "facts": [f"{k[0]} @ {k[1].period}" + ("".join(f" [{m}]" for _, m in k[1].dims)) for k in self.facts],
                "sources": list(self.sources)}


@dataclass(frozen=True)
class Conflict:
    """A figure printed a second time with another value (the builder kept the first)."""

    concept: str
    context: Context
    value: str
    source: str
    statement_kind: str


@dataclass(frozen=True)
class RuleInput:
    facts: Mapping[FactKey, Fact]
    concept: Callable[[str], Concept | None]  # the catalog's (or an extension's) concept of a qname
    statement_kinds: Mapping[str, str] = field(default_factory=dict)  # statement title → kind
    printed_dates: frozenset = frozenset()  # every full date printed in the filing
    conflicts: tuple[Conflict, ...] = ()
    conflict_titles: Mapping[tuple, str] = field(default_factory=dict)  # (concept, context, source) → statement
    failed_checks: tuple = ()  # builder.Check rows that did not add up
    mixed_rows: frozenset = frozenset()  # facts of rows printed with both signs
    report_end: date | None = None  # the report's period end (dei:DocumentPeriodEndDate)


FUTURE_DAYS = 31  # a 52/53-week year may end a few days after the date the cover gives


def _num(f: Fact) -> Decimal | None:
    if f.unit is None:
        return None
    try:
        return Decimal(f.value)
    except (InvalidOperation, ValueError):
        return None


def _tolerance(f: Fact) -> Decimal:
    """Half a unit of the last digit the fact's decimals say is known."""
    try:
        return Decimal(5) * Decimal(10) ** (-int(f.decimals) - 1) if f.decimals not in (None, "INF") else Decimal(0)
    except ValueError:
        return Decimal(0)


def _plain(inp: RuleInput, name: str) -> dict[Period, tuple[FactKey, Fact]]:
    """Facts of us-gaap:name without dimensions, by period."""
    out = {}
    qname = f"us-gaap:{name}"  # (made once, not once per fact: every rule asks for a few concepts)
    for key, f in inp.facts.items():
        if key[0] == qname and not key[1].dims:
            out[key[1].period] = (key, f)
    return out


# ----- the rules -----------------------------------------------------------------------------------------------
# members that reconcile the segments' figures to the company's: "Unallocated and other" revenue is Microsoft's
# deferrals, negative in a quarter
_OFFSETTING = re.compile(r"(Eliminations?|Intersegment\w*|Reconciling\w*|Adjustments?|Unallocated\w*)Member$")


def rule_negative(inp: RuleInput) -> list[Finding]:
    """E2X.NEG: an amount that by its concept's meaning is never negative (assets, liabilities, revenues, costs,
    payments, proceeds, accumulated depreciation, share counts …) is not negative. The sign was read wrong or
    the row was tied to the wrong concept; which of the two is not known, so the fact is removed. A negative the
    filer printed in a row of both signs is kept: on the income statement it is a charge reversed in that period
    (not a finding); elsewhere it is flagged, since the row may be tied to the wrong concept."""
    out = []
    for key, f in inp.facts.items():
        v = _num(f)
        if v is None or v >= 0 or any(_OFFSETTING.search(m) or a == "srt:ConsolidationItemsAxis"
                                      for a, m in key[1].dims):
            continue  # an eliminations column takes away what the segments count twice; so may any reconciling item
        if any(axis.endswith(":StatementEquityComponentsAxis") for axis, _ in key[1].dims) and \
                not ONE_WAY_CHANGE.search(key[0]):
            continue  # in one component a change may be negative (a conversion out of preferred stock into common)
        c = inp.concept(key[0])
        if never_negative(c) and not both_ways(f.row_label):
            printed_negative = f.printed.strip().lstrip("$ ").startswith(("(", "-"))
            if key in inp.mixed_rows and printed_negative and c.period == "duration" and \
                    inp.statement_kinds.get(f.statement) == "income":
                continue  # a charge the income statement itself shows reversed in one period ("Restructuring (6)")
            if key in inp.mixed_rows and printed_negative:
                # the filer printed this one negative in a row of both signs (a reversal, a net receipt): kept
                out.append(Finding("E2X.NEG", f"{key[0]} is never negative by its meaning, but the filer prints "
                                   f"{f.printed!r} in a row of both signs (row {f.row_label!r}): a reversal?",
                                   Action.FLAGGED, (key,), (f.source,)))
                continue
            out.append(Finding("E2X.NEG", f"{key[0]} is never negative by its meaning, but reads {v} "
                               f"(row {f.row_label!r}, printed {f.printed!r})", Action.REMOVED, (key,), (f.source,)))
    return out


# the largest amounts that can be right: no registrant of the era had a trillion shares or ten trillion dollars
_MAX_SHARES = Decimal(10) ** 12
_MAX_USD = Decimal(10) ** 13


def rule_magnitude(inp: RuleInput) -> list[Finding]:
    """E2X.MAG: a share count above a trillion or an amount above ten trillion dollars cannot be right: a scale
    was applied to a number printed in full. When the number as printed is within bounds it is the value
    (corrected); otherwise the fact is removed."""
    out = []
    for key, f in inp.facts.items():
        v = _num(f)
        limit = {"shares": _MAX_SHARES, "USD": _MAX_USD}.get(f.unit or "")
        if v is None or limit is None or abs(v) <= limit:
            continue
        printed = _printed_number(f.printed)
        if f.unit == "shares" and printed is not None and 100_000 <= abs(printed) <= limit and abs(printed) < abs(v):
            out.append(Finding("E2X.MAG", f"{key[0]} = {v} exceeds any real {f.unit} amount; the printed "
                               f"{f.printed!r} is the number itself (a scale was applied twice)", Action.CORRECTED,
                               (key,), (f.source,), ((key, _fmt(printed.copy_sign(v))),)))
        else:
            out.append(Finding("E2X.MAG", f"{key[0]} = {v} exceeds any real {f.unit} amount", Action.REMOVED,
                               (key,), (f.source,)))
    return out


def rule_balance(inp: RuleInput) -> list[Finding]:
    """E2X.BAL: total assets equal total liabilities and equity at every balance-sheet date (within the rounding
    the two facts state). When they differ one of them was misread; both are removed."""
    out = []
    assets, total = _plain(inp, "Assets"), _plain(inp, "LiabilitiesAndStockholdersEquity")
    for period in sorted(set(assets) & set(total)):
        (ka, fa), (kt, ft) = assets[period], total[period]
        if abs(Decimal(fa.value) - Decimal(ft.value)) > max(_tolerance(fa), _tolerance(ft)):
            out.append(Finding("E2X.BAL", f"Assets {fa.value} differ from LiabilitiesAndStockholdersEquity "
                               f"{ft.value} at {period}", Action.REMOVED, (ka, kt), (fa.source, ft.source)))
    return out


# each weighted-average count, and the per-share figures it can be the denominator of, the first found deciding
_EPS_PAIRS = (("WeightedAverageNumberOfSharesOutstandingBasic", ("EarningsPerShareBasic",
                                                                 "EarningsPerShareBasicAndDiluted")),
              ("WeightedAverageNumberOfDilutedSharesOutstanding", ("EarningsPerShareDiluted",
                                                                   "EarningsPerShareBasicAndDiluted")),
              ("WeightedAverageNumberOfShareOutstandingBasicAndDiluted", ("EarningsPerShareBasicAndDiluted",
                                                                          "EarningsPerShareBasic")))
# what an EPS figure can be the per-share amount of
_EARNINGS = ("NetIncomeLoss", "NetIncomeLossAvailableToCommonStockholdersBasic",
             "NetIncomeLossAvailableToCommonStockholdersDiluted", "IncomeLossFromContinuingOperations",
             "IncomeLossFromContinuingOperationsPerBasicShare", "ProfitLoss",
             "IncomeLossBeforeExtraordinaryItemsAndCumulativeEffectOfChangeInAccountingPrinciple")
_SCALES = (3, -3, 6, -6)


def rule_eps(inp: RuleInput) -> list[Finding]:
    """E2X.EPS: earnings per share × weighted-average shares agrees with net income (or income to common, or
    from continuing operations) within the rounding of the per-share figure. When it agrees only with the
    share count scaled by 1,000 or 1,000,000, the count was read in the wrong scale and is corrected; a count
    that agrees with no scale is flagged."""
    out = []
    earnings = [_plain(inp, n) for n in _EARNINGS]
    # every count is checked, not only the first of its kind: a note's count in the wrong scale beside the
    # statement's right one ("(in thousands, except net income in millions)" read in millions)
    for share_name, eps_names in _EPS_PAIRS:
        per_share = [_plain(inp, n) for n in eps_names]
        for period, (ks, fs) in sorted(_plain(inp, share_name).items()):
            found = next(((n, by[period]) for n, by in zip(eps_names, per_share) if period in by), None)
            if found is None:
                continue
            eps_name, (ke, fe) = found
            e, s = Decimal(fe.value), Decimal(fs.value)
            targets = [Decimal(ff.value) for by in earnings if period in by for _, ff in [by[period]]]
            targets += [Decimal(ff.value) for kk, ff in inp.facts.items() if kk[1].period == period and not
                        kk[1].dims and ff.unit == "USD" and inp.statement_kinds.get(ff.statement) == "income"]
            targets = [t for t in targets if t]  # a line printed as 0 is no earnings figure to agree with
            if not targets or s <= 0 or abs(e) < Decimal("0.05"):
                continue  # nothing to compare with, or a per-share figure too small to carry the check
            tol_e = max(_tolerance(fe), Decimal("0.005"))
            # diluted earnings add back interest on convertible debt and the like, which no statement prints; basic
            # earnings are income to common, net income less preferred dividends a statement may not print (1%:
            # a count read in the wrong scale is off 1,000 times, never 1%)
            slack = Decimal("0.05") if "Diluted" in eps_name else Decimal("0.01")

            def agrees(count: Decimal, tol_s: Decimal) -> bool:
                # the count's own rounding moves with its scale: 167,917 thousand read as 167.917 is known to a
                # thousandth, not to 500 (which let any small figure of the period agree)
                return any(abs(e * count - t) <= tol_e * count + abs(e) * (tol_s + 1) + abs(t) * slack
                           for t in targets)
            if agrees(s, _tolerance(fs)):
                continue
            fix = next((k for k in _SCALES if agrees(s * Decimal(10) ** k, _tolerance(fs) * Decimal(10) ** k)), None)
            if fix is not None:
                new = s * Decimal(10) ** fix
                out.append(Finding("E2X.EPS", f"{ks[0]} = {s} at {period}: {eps_name} {e} × shares agrees with "
                                   f"earnings only with the count × 10^{fix}; the count was read in the wrong scale",
                                   Action.CORRECTED, (ks,), (fs.source,), ((ks, _fmt(new)),)))
            else:
                out.append(Finding("E2X.EPS", f"{eps_name} {e} × {ks[0]} {s} = {e * s} agrees with none of the "
                                   f"earnings figures for {period} ({', '.join(str(t) for t in targets)})",
                                   Action.FLAGGED, (ke, ks), (fe.source, fs.source)))
    return out


def rule_par(inp: RuleInput) -> list[Finding]:
    """E2X.PAR: shares issued × par value is not more than the common stock amount (which may include paid-in
    capital). A product 1,000× or 1,000,000× too large is a share count read in the wrong scale: corrected."""
    out = []
    issued, par, value = (_plain(inp, n) for n in ("CommonStockSharesIssued", "CommonStockParOrStatedValuePerShare",
                                                    "CommonStockValue"))
    for period in sorted(set(issued) & set(par) & set(value)):
        (ks, fs), (_, fp), (_, fv) = issued[period], par[period], value[period]
        s, p, v = Decimal(fs.value), Decimal(fp.value), Decimal(fv.value)
        if p <= 0 or v <= 0 or s * p <= v * Decimal("1.01") + _tolerance(fv) + p:
            continue
        fix = next((k for k in (-3, -6) if s * p * Decimal(10) ** k <= v * Decimal("1.01") + _tolerance(fv) + p
                    and s * p * Decimal(10) ** k >= v * Decimal("0.5")), None)
        if fix is not None:
            out.append(Finding("E2X.PAR", f"{ks[0]} {s} × par {p} = {s * p} exceeds common stock {v} at {period} "
                               f"by 10^{-fix}: the count was read in the wrong scale", Action.CORRECTED, (ks,),
                               (fs.source,), ((ks, _fmt(s * Decimal(10) ** fix)),)))
        else:
            out.append(Finding("E2X.PAR", f"{ks[0]} {s} × par {p} = {s * p} exceeds common stock {v} at {period}",
                               Action.FLAGGED, (ks,), (fs.source,)))
    return out


# the statement a figure belongs to: its value there is the one printed where the figure is defined
_HOME = {"balance_sheet": lambda c: c.period == "instant", "income": lambda c: "is" in c.statements,
         "cash_flow": lambda c: c.statements == ("cf",) or c.statements[:1] == ("cf",)}


def rule_one_value(inp: RuleInput) -> list[Finding]:
    """E2X.DUP: one figure printed in several statements (net income in operations, cash flows and equity;
    ending cash in cash flows and the balance sheet; closing equity in the equity statement and the balance
    sheet) is one fact with one value. When the statements disagree, the value printed in the statement where
    the figure is defined (the balance sheet for a balance, the income statement for income) is written (the
    other reading is listed as not tagged, with the reason); when neither is that statement, the fact is removed."""
    out = []
    for cf in inp.conflicts:
        key = next((k for k in inp.facts if k[0] == cf.concept and k[1] == cf.context), None)
        if key is None:
            continue
        f = inp.facts[key]
        c = inp.concept(cf.concept)
        if c is None:
            continue
        if f.statement == inp.conflict_titles.get((cf.concept, cf.context, cf.source), f.statement):
            continue  # two rows of one table on one concept: a mapping matter, the second is listed as not tagged
        kept_kind = inp.statement_kinds.get(f.statement, "")
        home = next((k for k, test in _HOME.items() if test(c)), None)
        msg = f"{cf.concept} at {cf.context.period}: {f.value} and {cf.value} are printed for one figure"
        if home is not None and cf.statement_kind == home and kept_kind != home:
            out.append(Finding("E2X.DUP", msg + f"; the {home.replace('_', ' ')}'s {cf.value} is written",
                               Action.CORRECTED, (key,), (f.source, cf.source), ((key, cf.value),)))
        elif home is not None and kept_kind == home:
            continue  # the defining statement's value is the one written; the other reading is listed as not tagged
        else:
            out.append(Finding("E2X.DUP", msg, Action.REMOVED, (key,), (f.source, cf.source)))
    return out


def _month_end(d: date) -> bool:
    import calendar
    return d.day == calendar.monthrange(d.year, d.month)[1]


def _months_apart(p: Period) -> bool:
    days = (p.end - p.start).days + 1
    if days % 7 == 0 and 4 <= days // 7 <= 53:
        return True  # a run of weeks (52/53-week calendars)
    return any(abs(days - m * 30.44) <= 7 for m in range(1, 13))


def rule_periods(inp: RuleInput) -> list[Finding]:
    """E2X.PER: no fact is of a period that ends after the report's (a future year read as a period); a duration
    lasts whole months or whole weeks, up to a year, unless both its dates are printed (a development stage
    company's column "from inception, April 1, 2003, to December 31, 2009"); the same concept and value never
    stand at two period ends a few days apart (a date computed where the filing prints another); a period end
    a few days from a date the filing prints, and not printed itself, was computed, not read."""
    out = []
    by_concept: dict[tuple, list[tuple[FactKey, Fact]]] = {}
    for key, f in inp.facts.items():
        p = key[1].period
        if p.start is not None and not _months_apart(p) and not (
                p.start in inp.printed_dates and p.end in inp.printed_dates and _month_end(p.end)):
            out.append(Finding("E2X.PER", f"{key[0]}: a period of {(p.end - p.start).days + 1} days ({p}) is "
                               "neither whole months nor whole weeks up to a year", Action.REMOVED, (key,),
                               (f.source,)))
            continue
        if f.unit is not None:
            by_concept.setdefault((key[0], key[1].dims, f.value, p.start is None), []).append((key, f))
    for (name, _, value, _), items in by_concept.items():
        items.sort(key=lambda kf: kf[0][1].period.end)
        for (k1, f1), (k2, f2) in zip(items, items[1:]):
            gap = (k2[1].period.end - k1[1].period.end).days
            if 0 < gap <= 7 and value not in ("0",):
                bad = [(k, f) for k, f in ((k1, f1), (k2, f2)) if k[1].period.end not in inp.printed_dates]
                if inp.printed_dates and len(bad) == 1:
                    k, f = bad[0]
                    out.append(Finding("E2X.PER", f"{name} = {value} stands at {k1[1].period.end} and "
                                       f"{k2[1].period.end}; {k[1].period.end} is printed nowhere in the filing",
                                       Action.REMOVED, (k,), (f.source,)))
                else:
                    out.append(Finding("E2X.PER", f"{name} = {value} stands at {k1[1].period.end} and "
                                       f"{k2[1].period.end}, {gap} days apart", Action.REMOVED, (k1, k2),
                                       (f1.source, f2.source)))
    if inp.report_end is not None:
        # a period that ends after the report's own is a future year read as a period (a schedule of payments
        # due): no fact of a report can be about a period that has not happened
        late = [(k, f) for k, f in inp.facts.items() if f.statement != "Cover" and
                (k[1].period.end - inp.report_end).days > FUTURE_DAYS]
        for k, f in late:
            out.append(Finding("E2X.PER", f"{k[0]} stands at {k[1].period}, which ends after the report's period "
                               f"({inp.report_end}): a future year is no period of this report", Action.REMOVED,
                               (k,), (f.source,)))
    if inp.printed_dates:
        seen: set[date] = set()
        ordered = sorted(inp.printed_dates)
        for key, f in inp.facts.items():
            end = key[1].period.end
            if end in seen or end in inp.printed_dates or f.statement == "Cover" or _month_end(end):
                continue
            at = bisect.bisect_left(ordered, end)
            near = [d for d in ordered[max(0, at - 6):at + 6] if 0 < abs((d - end).days) <= 6]
            if near:
                seen.add(end)
                keys = tuple(k for k in inp.facts if k[1].period.end == end)
                out.append(Finding("E2X.PER", f"period end {end} is printed nowhere in the filing, but "
                                   f"{min(near, key=lambda d: abs((d - end).days))} is: the date was computed, "
                                   f"not read", Action.REMOVED, keys, (f.source,)))
    return out


def rule_placement(inp: RuleInput) -> list[Finding]:
    """E2X.STM: a concept belongs to the statement it is written in: a balance sheet holds instants of
    balance-sheet concepts, never a cash-flow activity (payments, proceeds) or a duration."""
    out = []
    for key, f in inp.facts.items():
        kind = inp.statement_kinds.get(f.statement)
        c = inp.concept(key[0])
        if kind != "balance_sheet" or c is None or c.extension or key[1].dims:
            continue
        if c.period != "instant" or ("bs" not in c.statements and c.statements):
            out.append(Finding("E2X.STM", f"{key[0]} ({c.period}, placed in {' '.join(c.statements) or 'no'} "
                               f"statements) is written from the balance sheet row {f.row_label!r}",
                               Action.REMOVED, (key,), (f.source,)))
    return out


def rule_units(inp: RuleInput) -> list[Finding]:
    """E2X.UNIT: a row whose words say it is a number of years, a ratio, a percentage, a rate or a price is not
    an amount of dollars (nor scaled by the table's "in thousands")."""
    out = []
    said: dict[str, str] = {}  # row label → what its words say (a row's facts, one per column, share its label)
    for key, f in inp.facts.items():
        if f.unit != "USD" or not f.row_label:
            continue
        what = said.get(f.row_label)
        if what is None:
            what = said[f.row_label] = not_money(f.row_label)
        if what:
            out.append(Finding("E2X.UNIT", f"row {f.row_label!r} says {what!r}: not an amount of dollars "
                               f"({key[0]} = {f.value} USD)", Action.REMOVED, (key,), (f.source,)))
    return out


def rule_subtotals(inp: RuleInput) -> list[Finding]:
    """E2X.SUM: every subtotal printed in the source adds up, as read. A printed subtotal that does not hold means
    a row or a column was misread: the facts are kept (they are what was printed) and flagged."""
    out = []
    for c in inp.failed_checks:
        out.append(Finding("E2X.SUM", f"{c.statement}: {c.row!r} ({c.column}) prints {c.expected}, its rows add to "
                           f"{c.computed}", Action.FLAGGED, (), (f"line {c.line}",)))
    return out


# a change the cash flow statement reports, and the balance sheet concepts whose two dates show it
_CHANGE_OF = {
    "IncreaseDecreaseInAccountsReceivable": ("AccountsReceivableNetCurrent", "AccountsReceivableNet"),
    "IncreaseDecreaseInInventories": ("InventoryNet", "InventoryGross"),
    "IncreaseDecreaseInAccountsPayable": ("AccountsPayableCurrent", "AccountsPayableTradeCurrent"),
    "IncreaseDecreaseInPrepaidExpense": ("PrepaidExpenseCurrent",),
    "IncreaseDecreaseInOtherCurrentAssets": ("OtherAssetsCurrent",),
    "IncreaseDecreaseInAccruedLiabilities": ("AccruedLiabilitiesCurrent",),
    "IncreaseDecreaseInDeferredRevenue": ("DeferredRevenueCurrent",),
}
CHANGE_CLOSE = Decimal("0.25")  # a change this close to the balances' movement is that movement


def rule_change_direction(inp: RuleInput) -> list[Finding]:
    """E2X.CHG: a change in a balance that the cash flow statement reports runs the way the balance sheet's
    figures moved over the same period. A change of about the size of the movement (within a quarter) but the
    other way is most often a sign read wrong (a fall in receivables printed as cash in, written as an increase):
    flagged for review, not removed, as an acquisition or a reclassification can make the two run apart."""
    out = []
    wanted = {f"us-gaap:{n}" for change, balances in _CHANGE_OF.items() for n in (change,) + balances}
    plain: dict[str, dict[Period, tuple[FactKey, Fact]]] = {}  # one pass over the facts, not one per concept
    for key, f in inp.facts.items():
        if key[0] in wanted and not key[1].dims:
            plain.setdefault(key[0].split(":", 1)[1], {})[key[1].period] = (key, f)
    for change, balances in _CHANGE_OF.items():
        flows = plain.get(change, {})
        if not flows:
            continue
        for name in balances:
            held = {p.end: kf for p, kf in plain.get(name, {}).items() if p.start is None}
            if not held:
                continue
            compared = False
            for period, (key, f) in flows.items():
                if period.start is None:
                    continue
                before, after = held.get(period.start - timedelta(days=1)), held.get(period.end)
                v = _num(f)
                if before is None or after is None or v is None:
                    continue
                compared = True
                moved = (_num(after[1]) or Decimal(0)) - (_num(before[1]) or Decimal(0))
                if moved and v and (moved > 0) != (v > 0) and abs(abs(v) - abs(moved)) <= CHANGE_CLOSE * abs(moved):
                    out.append(Finding("E2X.CHG", f"{change} = {v} for {period}, but {name} moved {moved} "
                                       f"({before[1].value} to {after[1].value}): the change runs the other way",
                                       Action.FLAGGED, (key,), (f.source, after[1].source)))
            if compared:
                break  # the first balance concept with both dates is the one compared
    return out


RULES: tuple[Callable[[RuleInput], list[Finding]], ...] = (
    rule_magnitude, rule_eps, rule_par, rule_negative, rule_balance, rule_one_value, rule_periods, rule_placement,
    rule_units, rule_subtotals, rule_change_direction)


def rule_id(rule: Callable) -> str:
    return (rule.__doc__ or "").split(":", 1)[0].strip()


def check(inp: RuleInput) -> list[Finding]:
    """Every rule's findings, corrections first applied in order: a share count corrected by E2X.MAG or E2X.EPS
    is what the later rules see."""
    findings: list[Finding] = []
    facts = dict(inp.facts)
    for rule in RULES:
        found = rule(replace(inp, facts=facts))
        findings += found
        facts = apply(facts, found)
    return findings


def apply(facts: Mapping[FactKey, Fact], findings: Iterable[Finding]) -> dict[FactKey, Fact]:
    """A new fact mapping with the findings' corrections made and removals left out."""
    out = dict(facts)
    for fd in findings:
        if fd.action is Action.CORRECTED:
            for key, value in fd.corrections:
                if key in out:
                    out[key] = replace(out[key], value=value, decimals=_decimals_for(value, out[key].decimals),
                                       sign=(out[key].sign + f"; corrected by {fd.rule}").lstrip("; "))
        elif fd.action is Action.REMOVED:
            for key in fd.facts:
                out.pop(key, None)
    return out


def _decimals_for(value: str, decimals: str | None) -> str | None:
    """The decimals a corrected value can claim: a count scaled by 10^-3 claimed thousands; the number as printed
    claims its own last digit (Arelle stops checking a calculation whose facts carry more digits than their
    decimals say)."""
    try:
        places = int(decimals) if decimals not in (None, "INF") else None
        v = Decimal(value)
    except (ValueError, InvalidOperation):
        return decimals
    if places is not None and places < 0 and v % (Decimal(10) ** -places):
        return "0"
    return decimals


def _printed_number(text: str) -> Decimal | None:
    m = re.search(r"\d[\d,]*(\.\d+)?", text or "")
    if not m:
        return None
    try:
        return Decimal(m.group(0).replace(",", ""))
    except InvalidOperation:
        return None


def _fmt(v: Decimal) -> str:
    s = format(v.normalize(), "f") if v != 0 else "0"
    return s.rstrip("0").rstrip(".") if "." in s else s

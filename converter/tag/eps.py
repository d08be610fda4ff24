"""Share counts named by the arithmetic of earnings per share.

An earnings-per-share computation (every annual report of the era prints one, SFAS 128 asks for it) divides an
income by a weighted-average count of shares: "Average outstanding during year", "Denominator for basic earnings
per share - weighted average shares", "Number of shares on which diluted earnings per share is calculated". Their
words vary too much for the label matcher, but the figures say which count is which: the count that, times the
basic earnings per share, gives the income the company earned (to within the cent the per-share figure is rounded
to) is the basic weighted average; the one that gives it with the diluted figure, the diluted. This is the test
`E2X.EPS` makes of the facts written; here it names a count the mapper left without a concept."""
from __future__ import annotations

from decimal import Decimal
from typing import Callable

from edgar2xbrl.model import Period, Statement
from edgar2xbrl.tag.catalog import Catalog
from edgar2xbrl.tag.mapper import Line

BASIC = "WeightedAverageNumberOfSharesOutstandingBasic"
DILUTED = "WeightedAverageNumberOfDilutedSharesOutstanding"
BOTH = "WeightedAverageNumberOfShareOutstandingBasicAndDiluted"
# the shares dilution adds: a row the words name so but whose figures divide an income is the diluted count
# ("Common stock and common stock equivalents (C)", words of the era's dilutive securities, the basic shares and
# their dilution summed)
ADJUSTMENT = "WeightedAverageNumberDilutedSharesOutstandingAdjustment"
EPS_OF = {BASIC: ("EarningsPerShareBasic", "EarningsPerShareBasicAndDiluted"),
          DILUTED: ("EarningsPerShareDiluted", "EarningsPerShareBasicAndDiluted"),
          BOTH: ("EarningsPerShareBasicAndDiluted",)}
# the incomes an earnings per share divides (net income, to common, before discontinued operations or changes)
INCOMES = ("NetIncomeLoss", "NetIncomeLossAvailableToCommonStockholdersBasic",
           "NetIncomeLossAvailableToCommonStockholdersDiluted", "IncomeLossFromContinuingOperations",
           "ProfitLoss")
HALF_CENT = Decimal("0.005")

# (concept name, period, unit) -> the value the statements reported under it, or None
ValueOf = Callable[[str, Period, str], "Decimal | None"]


def shares_by_eps(lines: list[Line], st: Statement, catalog: Catalog, reported: ValueOf,
                  scale_of: Callable[[Line], Decimal]) -> None:
    """Give each count of shares the mapper left without a concept the weighted average it is, where the earnings
    per share of its columns' periods (printed in the same table or reported before) times the count gives an
    income of the period, in every column where the three are known, and the concept is not taken in the table.
    Changes only such lines' concepts (and those of counts named the dilutive adjustment whose figures are the
    diluted count's)."""
    used = {ln.concept.qname for ln in lines if ln.concept is not None}
    here = {ln.concept.name: ln for ln in lines if ln.concept is not None and not ln.concept.extension}
    for ln in lines:
        if ln.header or ln.kind != "shares" or not any(ln.row.cells) or \
                (ln.concept is not None and ln.concept.name != ADJUSTMENT):
            continue
        fits = [name for name in (BASIC, DILUTED, BOTH)
                if f"us-gaap:{name}" not in used and _divides(ln, name, st, here, reported, scale_of)]
        # a count that fits both is the one count of a company whose basic and diluted figures are one
        name = BOTH if {BASIC, DILUTED} <= set(fits) and f"us-gaap:{BOTH}" not in used else \
            fits[0] if len(fits) == 1 else None
        concept = catalog.find(name) if name else None
        if concept is None or (ln.concept is not None and name not in (DILUTED, BOTH)):
            continue
        if ln.concept is not None:
            used.discard(ln.concept.qname)
        ln.concept, ln.score = concept, 0.9
        ln.reason = (f"{name}: times the period's earnings per share it gives an income of the period (the "
                     "arithmetic of earnings per share)")
        used.add(concept.qname)


def _period(st: Statement, k: int) -> Period | None:
    col = st.columns[k] if k < len(st.columns) else None
    if col is None or col.period is None:
        return None
    return col.year_period if col.period.is_instant and col.year_period is not None else col.period


def _value(name: str, k: int, period: Period, unit: str, here: dict[str, Line], reported: ValueOf,
           scale_of: Callable[[Line], Decimal]) -> Decimal | None:
    ln = here.get(name)
    if ln is not None:
        cell = ln.row.cells[k] if k < len(ln.row.cells) else None
        if cell is not None and not cell.dash:
            return cell.value * scale_of(ln)
    return reported(name, period, unit)


# a count printed in full under "(in millions)" is scaled again until `E2X.MAG` and `E2X.EPS` correct it: the
# arithmetic holds at the scale the count was printed in, whichever that is
_MISREAD = (Decimal(1), Decimal("1e-3"), Decimal("1e-6"), Decimal("1e3"), Decimal("1e6"))


def _divides(ln: Line, name: str, st: Statement, here: dict[str, Line], reported: ValueOf,
             scale_of: Callable[[Line], Decimal]) -> bool:
    return any(_divides_at(ln, name, st, here, reported, scale_of, m) for m in _MISREAD)


def _divides_at(ln: Line, name: str, st: Statement, here: dict[str, Line], reported: ValueOf,
                scale_of: Callable[[Line], Decimal], misread: Decimal) -> bool:
    seen = 0
    for k, cell in enumerate(ln.row.cells):
        period = _period(st, k)
        if cell is None or cell.dash or not cell.value or period is None or period.is_instant:
            continue
        shares = cell.value * scale_of(ln) * misread
        eps = next((v for e in EPS_OF[name] if (v := _value(e, k, period, "USDPerShare", here, reported, scale_of))),
                   None)
        incomes = [v for i in INCOMES if (v := _value(i, k, period, "USD", here, reported, scale_of)) is not None]
        if eps is None or not incomes:
            continue
        # the per-share figure is rounded to the cent: the product may miss the income by half a cent a share
        if not any(abs(abs(shares * eps) - abs(y)) <= shares * HALF_CENT + abs(y) * Decimal("0.0005")
                   for y in incomes):
            return False
        seen += 1
    return seen > 0

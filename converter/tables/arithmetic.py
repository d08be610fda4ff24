"""Which printed rows are subtotals of which rows above them, found from the numbers themselves."""
from __future__ import annotations

import itertools
import re
from decimal import Decimal

from edgar2xbrl.model import Row

_TOTALISH = re.compile(r"^\s*(total|net\b|gross|income|loss|earnings|\(loss\)|cash and cash equivalents,? (at )?end|"
                       r"cash,? end|balance)", re.I)
MAX_CHILDREN = 14


def _vals(row: Row) -> list[Decimal | None]:
    return [c.value if c is not None and not c.percent else None for c in row.cells]


def _matches(total: list[Decimal | None], kids: list[list[Decimal | None]], signs: tuple[int, ...]) -> bool:
    seen = False
    for col, t in enumerate(total):
        if t is None:
            continue
        acc = Decimal(0)
        for s, k in zip(signs, kids):
            v = k[col]
            if v is not None:
                acc += s * v
        if acc != t:
            return False
        seen = True
    return seen


def _sign_patterns(k: int):
    """+1/-1 patterns, fewest minus signs first; the first element stays + (a running total carries on)."""
    for minus in range(0, k):
        for pos in itertools.combinations(range(1, k), minus):
            yield tuple(-1 if i in pos else 1 for i in range(k))


def find_subtotals(rows: list[Row]) -> dict[int, list[tuple[int, int]]]:
    """{total row index: [(child row index, printed sign), ...]} for every row that sums rows above it."""
    totals: dict[int, list[tuple[int, int]]] = {}
    open_rows: list[int] = []
    section_start = 0  # position in open_rows where the current captioned section begins
    for i, row in enumerate(rows):
        if not row.has_values:
            if row.label.strip().endswith(":") or row.label.isupper():
                section_start = len(open_rows)
            continue
        vals = _vals(row)
        if (row.rule_above or not row.label.strip() or _TOTALISH.match(row.label)) and \
                any(v not in (None, 0) for v in vals) and \
                len(open_rows) >= 2:
            match = _match(rows, open_rows, section_start, vals)
            if match is not None:
                kids, signs = match
                totals[i] = list(zip(kids, signs))
                del open_rows[len(open_rows) - len(kids):]
                section_start = min(section_start, len(open_rows))
        open_rows.append(i)
    return totals


def _match(rows, open_rows, section_start, vals):
    n = len(open_rows)
    inside = n - section_start
    orders = list(range(min(inside, MAX_CHILDREN), 1, -1)) + list(range(max(inside + 1, 2), min(n, MAX_CHILDREN) + 1))
    for k in orders:
        kids = open_rows[n - k:]
        kid_vals = [_vals(rows[j]) for j in kids]
        if not _reachable(vals, kid_vals):
            continue  # no sign pattern adds up to the printed total: its 2^(k-1) patterns need not be tried
        for signs in _sign_patterns(k):
            if _matches(vals, kid_vals, signs) and not _cancels(kid_vals, signs):
                return kids, signs
    return None


def _reachable(total: list[Decimal | None], kids: list[list[Decimal | None]]) -> bool:
    """Whether some +1/-1 pattern (the first row +) can make the rows add up to the total in its first printed
    column: the rows taken away must sum to (sum of all - total) / 2, a subset sum checked at once. A necessary
    condition of _matches, so skipping what fails it changes nothing found."""
    col = next((c for c, t in enumerate(total) if t is not None), None)
    if col is None:
        return False
    vals = [k[col] if k[col] is not None else Decimal(0) for k in kids]
    need = (sum(vals, Decimal(0)) - total[col]) / 2
    reach = {Decimal(0)}
    for v in vals[1:]:
        if v:
            reach |= {r + v for r in reach}
    return need in reach


def _cancels(kid_vals, signs) -> bool:
    """True when the rows contain items followed by their own total taken away ("R&D, G&A, ... − Operating
    expenses"): such a sum holds by accident of the arithmetic, and a smaller one is the printed meaning."""
    for j in range(2, len(signs)):
        if signs[j] != -1 or any(sg != 1 for sg in signs[:j]):
            continue
        for start in range(0, j - 1):
            if _matches(kid_vals[j], kid_vals[start:j], signs[start:j]):
                return True
    return False

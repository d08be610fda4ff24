"""Stock option and award activity tables: counts of options (or of restricted shares and units) outstanding,
granted, exercised, forfeited, expired, vested and exercisable take the share-based payment concepts of the
taxonomy, not extensions named after "Granted".

The taxonomy states such a table as a roll-forward: a balance (`…OptionsOutstandingNumber`,
`…OtherThanOptionsNonvestedNumber`) and the flows its official calculation adds into the balance's change
(`…OptionsOutstandingPeriodIncreaseDecrease`: grants, exercises, forfeitures and expirations). The flows are read
from the calculations; a row names one by the stem of its activity word ("Granted" → "Grants", "Exercised" →
"Exercised", "Forfeited or expired" → "Forfeitures And Expirations")."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from edgar2xbrl.model import Concept, Statement
from edgar2xbrl.tag.catalog import Catalog
from edgar2xbrl.tag.labels import column_measure
from edgar2xbrl.tag.mapper import Line, counted


@dataclass(frozen=True)
class Family:
    """One kind of award, as the taxonomy's roll-forward of it: the balance, the change its flows add up to, and
    (options only) the balance of those exercisable."""
    balance: str
    change: str
    exercisable: str = ""


OPTIONS = Family(balance="ShareBasedCompensationArrangementByShareBasedPaymentAwardOptionsOutstandingNumber",
                 change="ShareBasedCompensationArrangementByShareBasedPaymentAwardOptionsOutstandingPeriodIncreaseDecrease",
                 exercisable="ShareBasedCompensationArrangementByShareBasedPaymentAwardOptionsExercisableNumber")
OTHER_THAN_OPTIONS = Family(
    balance="ShareBasedCompensationArrangementByShareBasedPaymentAwardEquityInstrumentsOtherThanOptionsNonvestedNumber",
    change="ShareBasedCompensationArrangementByShareBasedPaymentAwardEquityInstrumentsOtherThanOptionsPeriodIncreaseDecrease")

_RESTRICTED = re.compile(r"\brestricted\b|\bnon-?vested\b|\bunvested\b|\brsus?\b|\bstock\s+units?\b|"
                         r"\bperformance\s+shares\b", re.I)
_OPTIONS = re.compile(r"\boptions?\b|\bsars?\b", re.I)
_WARRANTS = re.compile(r"\bwarrants?\b", re.I)
# a reserve of shares ("Available for grant") or a balance of a later standard ("Vested and expected to vest"):
# no movement of the awards, and no balance of the roll-forward
_NOT_ROLLED = re.compile(r"\bavailable\b|\bexpected\s+to\s+vest\b|\breserved\b", re.I)
_EXERCISE = re.compile(r"\bexercis(ed|able)\b", re.I)
_BALANCE = re.compile(r"\b(outstanding|balances?|non-?vested|unvested)\b", re.I)
_EXERCISABLE = re.compile(r"\bexercisable\b", re.I)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_EDGE = re.compile(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s{1,3}(?P<day>1|28|29|30|31)\s{0,3}$",
                   re.I)
# what the taxonomy calls a forfeiture or an expiration, filers also call so
_SAME_AS = {"cancel": "forfeit", "cancell": "forfeit", "terminat": "forfeit", "surrender": "forfeit"}
# the activities a flow concept's name may say; a row must say one of them to take it ("lapsed" moves the awards
# too, but says no one activity: an option lapses when it expires, a restricted share's restriction when it vests)
_ACTIVITY = {"grant", "exercis", "forfeit", "expir", "vest", "laps"}


def _stem(word: str) -> str:
    w = word.lower()
    for suffix in ("ations", "ation", "ures", "ure", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    return _SAME_AS.get(w, w)


def stems(text: str) -> frozenset[str]:
    """The activity stems of a row label or a concept name ("Canceled or expired" → {forfeit, expir})."""
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", text)
    return frozenset(s for s in map(_stem, words) if s in _ACTIVITY)


def family_of(st: Statement, lines: list[Line], around: str) -> Family | None:
    """The kind of award a note table counts: options (and SARs), or restricted shares and units; None where the
    table says both without its counts saying which, or counts warrants (no share-based payment)."""
    counts = [c.header for c in st.columns if column_measure(c.header) == "count"]
    labels = [ln.row.label for ln in lines if not ln.header]
    text = " ".join(counts + labels)
    heading = " ".join(t.title for t in st.tables)
    if _WARRANTS.search(f"{text} {heading}"):
        return None
    options, restricted = bool(_OPTIONS.search(text)), bool(_RESTRICTED.search(text))
    if options and restricted:  # "Nonvested options": the count columns say what is counted
        options, restricted = bool(_OPTIONS.search(" ".join(counts))), bool(_RESTRICTED.search(" ".join(counts)))
        return None if options == restricted else OPTIONS if options else OTHER_THAN_OPTIONS
    if restricted:
        return OTHER_THAN_OPTIONS
    # the sentence leading into the table names it ("The following summarizes our restricted stock unit activity"
    # over "Units granted", "Units vested")
    lead = next((x for t in st.tables for x in reversed(t.title.splitlines()) if len(x.split()) >= 5), "")
    if not options and _RESTRICTED.search(lead) and not _OPTIONS.search(lead):
        return OTHER_THAN_OPTIONS
    # only options (and rights like them) are exercised: "Exercised", "Exercisable at end of year"
    if options or _OPTIONS.search(f"{around} {heading}") or any(_EXERCISE.search(x) for x in labels):
        return OPTIONS
    return None


def _flows(catalog: Catalog, family: Family) -> list[Concept]:
    """The flow concepts of the family's roll-forward: what its official calculation adds into the balance's
    change, the parts of those (forfeitures and expirations apart), and the family's own concept a part rolls up to
    (the grants of the era before "gross" grants)."""
    out: dict[str, Concept] = {}
    for part in catalog.parts(family.change):
        out[part.name] = part
        for sub in catalog.parts(part.name):
            out[sub.name] = sub
        prefix = family.change.split("Outstanding")[0].split("PeriodIncreaseDecrease")[0]
        for parent in catalog.calc_parents(part.name):
            c = catalog.find(parent)
            if c is not None and parent.startswith(prefix) and parent != family.change:
                out[parent] = c
    return [c for c in sorted(out.values(), key=lambda c: c.name) if c.type == "shares" and c.period == "duration"]


def _flow_for(label: str, flows: list[Concept]) -> Concept | None:
    said = stems(label)
    if not said:
        return None
    best = None
    for c in flows:
        named = stems(c.name)
        if not named or not named <= said:
            continue
        # every activity the name says is in the row; the name that says most of what the row says, then the
        # shortest name (fewest words the row does not say), then the concept of the filing's era
        key = (len(named & said), -len(re.findall(r"[A-Z][a-z]*", c.name)), c.era_weight)
        if best is None or key > best[0]:
            best = (key, c)
    return best[1] if best else None


def award_concepts(lines: list[Line], st: Statement, catalog: Catalog, around: str) -> None:
    """Give the counted rows of an award activity table (see `mapper.counted`) the family's concepts; a concept two
    rows of one period would take ("Granted (price equals fair market value)", "Granted (price less than fair
    market value)") goes to neither: the rows keep what the mapper chose."""
    rows = [ln for ln in lines if not ln.header and ln.kind == "shares" and counted(ln.row, st)]
    if not rows:
        return
    family = family_of(st, lines, around)
    if family is None:
        return
    flows = _flows(catalog, family)
    ends = [c.period.end for c in st.columns if c.period is not None]
    chosen: dict[int, tuple[Concept, str, str]] = {}
    for ln in rows:
        if _NOT_ROLLED.search(ln.row.label):
            continue
        said = stems(ln.row.label)
        edge = ln.instant_at
        if not said and not edge and ln.dated is None and _BALANCE.search(ln.row.label):
            edge = _edge(ln.row.label, ends)  # "Outstanding, January 1" opens the year, "..., December 31" closes it
        if _EXERCISABLE.search(ln.row.label) and family.exercisable and not said:
            name, why = family.exercisable, "the balance of awards exercisable"
        elif (_BALANCE.search(ln.row.label) or edge or (ln.dated is not None and ln.dated.start is None)) \
                and not said:
            name, why = family.balance, "the balance the table rolls forward"
        else:
            if said and ln.dated is None:
                # a movement of the awards over the period, whatever concept it ends with (an extension where
                # another plan's table took the official one: JPMorgan's broad-based options)
                ln.rolled = True
            flow = _flow_for(ln.row.label, flows)
            if flow is None:
                continue
            name, why = flow.name, f"a flow of the roll-forward ({family.change} in the official calculations)"
        concept = catalog.find(name)
        if concept is not None and concept.type == "shares":
            chosen[ln.index] = (concept, why, edge)
    by_key: dict[tuple, list[int]] = {}
    for ln in rows:
        if ln.index in chosen:
            concept, _, edge = chosen[ln.index]
            by_key.setdefault((concept.name, ln.dated, edge), []).append(ln.index)
    for ln in rows:
        if ln.index not in chosen:
            continue
        concept, why, edge = chosen[ln.index]
        if len(by_key[(concept.name, ln.dated, edge)]) > 1:
            continue
        ln.concept, ln.score, ln.reason = concept, 0.9, f"an award activity table: {why}"
        ln.instant_at = edge


def _edge(label: str, ends: list) -> str:
    """"start" for a balance dated the first of the month after a column's period ends ("Outstanding, January 1"
    beside columns of years ending December 31), "end" for one dated a column's last day; "" otherwise."""
    m = _EDGE.search(label)
    if not m:
        return ""
    month = _MONTHS.index(m.group(1).lower()[:3]) + 1
    day = int(m.group("day"))
    if day == 1 and any(e.month % 12 + 1 == month and e.day == calendar.monthrange(e.year, e.month)[1] for e in ends):
        return "start"
    if any(e.month == month and e.day == day for e in ends):
        return "end"
    return ""


_EXERCISE_PRICE = re.compile(r"\bexercise\s+prices?\b|\boption\s+prices?\b", re.I)


def award_price(catalog: Catalog, concept: Concept | None, header: str) -> Concept | None:
    """The weighted-average exercise price the taxonomy pairs with an option count of the roll-forward, for a
    column headed so ("Weighted-average exercise price" beside "Number of options"): outstanding and exercisable
    balances, forfeitures and expirations. The grant, exercise, forfeiture and expiration prices of 2024 were
    renamed in 2012 with another period type that no file at hand states: the catalog has none, and such a price
    stays untagged."""
    if concept is None or concept.extension or concept.type != "shares" or not _EXERCISE_PRICE.search(header):
        return None
    if "AwardOptions" not in concept.name:
        return None
    base = concept.name[:-len("Number")] if concept.name.endswith("Number") else concept.name
    price = catalog.find(base + "WeightedAverageExercisePrice")
    if price is None or price.type != "perShare" or price.period != concept.period:
        return None
    return price

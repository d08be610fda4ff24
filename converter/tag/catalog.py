"""The concept catalog: what the converter knows of US-GAAP and dei concepts (taxonomy/concepts.csv)."""
from __future__ import annotations

import csv
from datetime import date
from dataclasses import replace
import re
from functools import lru_cache
from pathlib import Path

from edgar2xbrl.tag.labels import WEAK, tokens
from edgar2xbrl.model import Concept
from edgar2xbrl.resources import TAXONOMY_DIR

CATALOG_PATH = TAXONOMY_DIR / "concepts.csv"
# common wordings of official concepts known otherwise by their names alone (a tax note's "Computed expected tax")
WORDINGS_PATH = TAXONOMY_DIR / "wordings.csv"
OFFICIAL_PATH = TAXONOMY_DIR / "official_concepts.csv"
# official_concepts.csv type and statement-family words → the catalog's
_OFFICIAL_TYPES = {"monetaryItemType": "monetary", "sharesItemType": "shares", "perShareItemType": "perShare"}
_OFFICIAL_STATEMENTS = {"bs": "bs", "is": "is", "ci": "is", "cf": "cf", "eq": "eq"}

# catalog type word → XML Schema type QName
TYPES = {
    "monetary": "xbrli:monetaryItemType",
    "shares": "xbrli:sharesItemType",
    "perShare": "dtr-types:perShareItemType",
    "textBlock": "dtr-types:textBlockItemType",
    "domain": "dtr-types:domainItemType",
    "string": "xbrli:stringItemType",
    "normalizedString": "xbrli:normalizedStringItemType",
    "date": "xbrli:dateItemType",
    "boolean": "xbrli:booleanItemType",
    "gYear": "xbrli:gYearItemType",
    "gMonthDay": "xbrli:gMonthDayItemType",
    "pure": "xbrli:pureItemType",
    "submissionType": "dei:submissionTypeItemType",
    "fiscalPeriod": "dei:fiscalPeriodItemType",
    "centralIndexKey": "dei:centralIndexKeyItemType",
    "fileNumber": "dei:fileNumberItemType",
    "employerId": "dei:employerIdItemType",
    "edgarStateCountry": "dei:edgarStateCountryItemType",
    "stateOrProvince": "dei:stateOrProvinceItemType",
    "securityTitle": "dei:securityTitleItemType",
    "yesNo": "dei:yesNoItemType",
}
NUMERIC_TYPES = {"monetary", "shares", "perShare", "pure"}
STATEMENT_TAGS = {"balance_sheet": "bs", "income": "is", "cash_flow": "cf", "equity": "eq", "note": "note"}


_BOTH_WAYS = re.compile(r"\((loss|losses|decrease|used in|benefits?|expense|income|deficit|repayments? of|proceeds "
                        r"from|payments (of|for)|reversals?|received|refunds?|gains?|charges?|credits?|accumulated "
                        r"deficit|liability|liabilities|assets?)\b|\bnet\s+of\s+refunds\b", re.I)
_BOTH_WAYS_NAME = re.compile(r"IncomeLoss|GainLoss|LossGain|ExpenseBenefit|BenefitExpense|IncreaseDecrease|"
                             r"ProvidedByUsedIn|ProfitLoss|IncomeExpense|ExpenseIncome|ProceedsFromRepayments|"
                             r"ProceedsFromPayments|PaymentsForProceeds|AssetsLiabilities|LiabilitiesAssets|"
                             r"Adjustment|Reclassification|Effect(Of)?", re.I)
_ONE_WAY_NAME = re.compile(r"PaymentsTo|PaymentsFor|PaymentsOf|ProceedsFrom|StockIssuedDuringPeriod|"
                           r"StockRepurchased|TreasuryStockValueAcquired|Dividends|DeferredTax(Assets|Liabilities)|"
                           r"[A-Za-z]{0,80}ChargedToCostAndExpense")  # (what an expense added to a reserve)
_NET_OF = re.compile(r"NetOf|Net$")
# residual amounts (what is left when liabilities are taken from assets) are negative in a deficit
_RESIDUAL = re.compile(r"Equity(?!.*Method)|RetainedEarnings|MinorityInterest|PartnersCapital|MembersEquity|"
                       r"NetAssets|Deficit", re.I)


def both_ways(text: str) -> bool:
    """True when a label names both directions: "Income (Loss)", "Cash paid (received)"."""
    return bool(_BOTH_WAYS.search(text))


# a change that by its name runs one way in every equity component (shares bought back), unlike a conversion
# between components (out of preferred stock, into common)
ONE_WAY_CHANGE = re.compile(r"Repurchased|Retired|TreasuryStockSharesAcquired|TreasuryStockValueAcquired")


def never_negative(c: Concept | None) -> bool:
    """True for a concept whose amount cannot be below zero: a share count, or a monetary concept with a balance
    whose standard label does not name the opposite direction and that is not a residual (equity)."""
    if c is None or c.extension or c.abstract:
        return False
    return _never_negative(c.type, c.balance, c.label, c.name, c.kept)


@lru_cache(maxsize=65536)  # (asked of the same concepts row after row)
def _never_negative(type: str, balance: str, label: str, name: str, kept: bool) -> bool:
    if type == "shares":
        return True
    if type != "monetary" or not balance:
        return False
    if _BOTH_WAYS.search(label) or _BOTH_WAYS_NAME.search(name):
        return False
    if _ONE_WAY_NAME.match(name) and _NET_OF.search(name):
        return False  # a payment net of what came with it ("net of cash acquired") is a receipt when that is larger
    if not kept and not _ONE_WAY_NAME.match(name) and not name.endswith("AccrualPayments"):
        # (…AccrualPayments: what a roll-forward of an accrual paid out, as the official names end it)
        # known by its name alone: with no standard label at hand to say "(Loss)", only a name of a kind that
        # runs one way (a payment, proceeds, stock issued or bought back, dividends) is read as never negative
        return False
    if _RESIDUAL.search(name) and name != "LiabilitiesAndStockholdersEquity":
        return False
    return True


def balance_by_name(c: Concept | None) -> bool:
    """True for an official balance known by its name alone (no standard label at hand) whose name says one thing
    held or owed ("AccrualForTaxesOtherThanIncomeTaxesCurrent"), not a net of two sides, a residual or a change:
    never below zero, though `never_negative` cannot say so without the label."""
    return c is not None and not c.extension and not c.abstract and not c.kept and c.type == "monetary" and \
        c.period == "instant" and bool(c.balance) and not _BOTH_WAYS_NAME.search(c.name) and \
        not _NET_OF.search(c.name) and not _RESIDUAL.search(c.name)


def one_way(c: Concept | None) -> bool:
    """Never below zero, by its label or by a name that says one thing held or owed: a total of this kind printed
    negative is printed so, not negative."""
    return never_negative(c) or balance_by_name(c)


class Catalog:
    def __init__(self, concepts: list[Concept]):
        self.concepts = {c.qname: c for c in concepts}
        self.by_name = {c.name: c for c in concepts}

    def get(self, qname: str) -> Concept:
        return self.concepts[qname]

    def __contains__(self, qname: str) -> bool:
        return qname in self.concepts

    def find(self, name: str) -> Concept | None:
        return self.by_name.get(name)

    def ancestors(self, name: str) -> tuple[str, ...]:
        """Names of the concepts that sum this one, directly or through others (official calculations), in
        alphabetical order: whoever iterates over them (votes among candidates) gets the same order in every run,
        whatever the string hashing."""
        cache = self.__dict__.setdefault("_ancestors", {})
        if name not in cache:
            out: set[str] = set()
            todo = [name]
            while todo:
                n = todo.pop()
                c = self.by_name.get(n)
                # a kept concept's parents come from the statements' calculations; a note's concept that no
                # statement sums ("Deferred Tax Assets, Gross") is summed by the disclosures' calculations
                for p in ((c.parents or (self.calc_parents(n) if c.kept and c.statements == ("note",) else ()))
                          if c else ()):
                    if p not in out:
                        out.add(p)
                        todo.append(p)
            cache[name] = tuple(sorted(out))
        return cache[name]

    def sharing(self, label: str) -> frozenset[str]:
        """Qnames of the concepts whose label or wordings have a word of `label`, or a word that one of its words
        of five letters or more begins (a word cut short by the layout): the only ones `labels.similarity` and
        `labels.coverage` can score above zero."""
        index = self.word_index()
        out: set[str] = set()
        for w in self.sharing_words(label):
            out |= index[w]
        return frozenset(out)

    def word_index(self) -> dict[str, set[str]]:
        """Word, or a prefix of five letters or more of one, → the qnames of the concepts whose label or wordings
        have it (built once)."""
        index = self.__dict__.get("_index")
        if index is None:
            index = {}
            for c in self.concepts.values():
                for text in (c.label,) + c.aliases:
                    for w in tokens(text):
                        for k in range(min(5, len(w)), len(w) + 1):
                            index.setdefault(w[:k], set()).add(c.qname)
            self._index = index
        return index

    def sharing_words(self, label: str) -> list[str]:
        """The words of `label` whose concepts `sharing` gathers (those of `word_index`)."""
        index = self.word_index()
        words = tokens(label)
        # a candidate that shares only weak words ("net", "total") with a row that has a word of its own cannot
        # reach the threshold: the row's strong words find the candidates
        strong = [w for w in words if w not in WEAK] or words
        return [w for w in strong if w in index]  # (a word under five letters matches only whole)

    def calc_parents(self, name: str) -> tuple[str, ...]:
        """The concepts that sum `name` directly in the official 2024 calculations (of kept and official rows
        alike; a kept row's `parents` lists only the kept concepts above it)."""
        return official_calc_parents().get(name, ())

    def parts(self, name: str) -> tuple[Concept, ...]:
        """The items the official calculations add into `name` directly (kept rows' parents and the 2024
        calculations alike), in name order."""
        index = self.__dict__.get("_parts")
        if index is None:
            index = {}
            for c in self.items():
                for p in set(c.parents) | set(self.calc_parents(c.name)):
                    index.setdefault(p, []).append(c)
            index = {p: tuple(sorted(kids, key=lambda c: c.name)) for p, kids in index.items()}
            self._parts = index
        return index.get(name, ())

    def items(self) -> list[Concept]:
        return [c for c in self.concepts.values() if c.substitution == "item" and not c.abstract]


def parse_catalog(path: Path) -> list[Concept]:
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["type"] not in TYPES:
                raise ValueError(f"{path}: {r['name']}: unknown type {r['type']!r}")
            out.append(Concept(
                prefix=r["prefix"], name=r["name"], type=r["type"], substitution=r["substitution"],
                period=r["period"], balance=r["balance"], abstract=r["abstract"] == "true", label=r["label"],
                statements=tuple(r["statements"].split()), aliases=tuple(a for a in r["aliases"].split("|") if a),
                axis=r.get("axis", "") or "", parents=tuple((r.get("parents") or "").split()),
                era_counterpart=r.get("era_counterpart") or ""))
    return out


def parse_wordings(path: Path) -> dict[str, tuple[str, ...]]:
    """Concept name → the wordings filers print for it, lower case (taxonomy/wordings.csv)."""
    with open(path, newline="", encoding="utf-8") as fh:
        return {r["name"]: tuple(w.strip().lower() for w in r["wordings"].split("|") if w.strip())
                for r in csv.DictReader(fh)}


def parse_official(path: Path, kept: list[Concept]) -> list[Concept]:
    """The numeric US-GAAP items of taxonomy/official_concepts.csv (built by taxonomy/build_catalog.py from official
    files only), not deprecated and not already kept by hand: tagged with the statements the official 2024
    statement linkbases place them on, else as note concepts. Every one was in the official 2011 schema, so none comes from a later standard
    (ASC 606 revenue, ASC 842 leases): a concept an era filer could have used. Known by the words of its name."""
    known = {c.name for c in kept}
    wordings = parse_wordings(WORDINGS_PATH)
    # the era counterparts of later concepts are read wherever the 2024 statements place them (or not)
    wanted = {c.era_counterpart: c.statements for c in kept if c.era_counterpart}
    out: list[Concept] = []
    weights: dict[str, list[tuple[str, int]]] = {}
    balance: dict[str, str] = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if not r["first_schema"]:
                continue  # renamed after 2011 (the new name may carry a later standard): used only when kept by hand
            weights[r["name"]] = [(p, int(w)) for p, w in (a.split(":") for a in r["calc_parents"].split())]
            balance.setdefault(r["name"], r["balance"])
            if r["type"] == "textBlockItemType" and r["name"].endswith("DisclosureTextBlock") and \
                    not r["deprecated"] and r["name"] not in known:
                # a whole note's text block ("Income Tax Disclosure"), known by the words of what it discloses
                out.append(Concept(prefix="us-gaap", name=r["name"], type="textBlock", substitution="item",
                                   period="duration", balance="", abstract=False,
                                   label=r["words"].removesuffix(" Disclosure Text Block"), statements=("note",),
                                   aliases=(), kept=False, since=int(r.get("first_schema") or 9999)))
                continue
            kind = _OFFICIAL_TYPES.get(r["type"])
            tags = tuple(dict.fromkeys(_OFFICIAL_STATEMENTS[t] for t in r["statements"].split()
                                       if t in _OFFICIAL_STATEMENTS)) or wanted.get(r["name"], ()) or ("note",)
            if kind is None or not tags or r["abstract"] != "false" or r["deprecated"] or r["name"] in known or \
                    r["substitution_group"] != "xbrli:item" or r["period_type"] not in ("instant", "duration") or \
                    (kind == "monetary" and r["balance"] not in ("debit", "credit", "")):
                continue
            if r["name"] not in wanted and ((set(tags) == {"bs"} and r["period_type"] != "instant") or
                                            (set(tags) <= {"is", "cf"} and r["period_type"] != "duration")):
                continue  # a period type at odds with the only statements that place it: details of those
            out.append(Concept(prefix="us-gaap", name=r["name"], type=kind, substitution="item",
                               period=r["period_type"], balance=r["balance"], abstract=False, label=r["words"],
                               statements=tags, aliases=wordings.get(r["name"], ()),
                               parents=tuple(p for p, _ in weights[r["name"]]),
                               kept=False, since=int(r.get("first_schema") or 9999)))
    # a balance carried forward from 2011 that a 2024 calculation arc contradicts (a +1 arc joins equal balances,
    # a -1 arc opposite ones) may have changed since without a change note at hand: such a concept is left out
    balance.update({c.name: c.balance for c in kept})
    doubtful = set()
    for child, arcs in weights.items():
        for parent, w in arcs:
            if balance.get(parent) and balance.get(child) and (balance[parent] == balance[child]) != (w > 0):
                doubtful |= {child, parent} - {c.name for c in kept}
    return [c for c in out if c.name not in doubtful]


@lru_cache(maxsize=1)
def official_calc_parents() -> dict[str, tuple[str, ...]]:
    """Concept name → the concepts the official 2024 calculations add it into directly."""
    with open(OFFICIAL_PATH, newline="", encoding="utf-8") as fh:
        return {r["name"]: tuple(a.split(":")[0] for a in r["calc_parents"].split())
                for r in csv.DictReader(fh) if r["calc_parents"]}


# the last official concept schema of the pre-XBRL era at hand: a concept it lacks came with a later standard
ERA_END_YEAR = 2011


# the official era schemas at hand, by publication date: a filing is read with the newest one out by its period end
ERA_SCHEMAS = ((date(2008, 3, 31), 2008), (date(2009, 1, 31), 2009), (date(2011, 1, 31), 2011))
LATER = 0.9  # a later standard's concept, where the era's concept for its meaning is there to take
NEWER = 0.98  # a concept the filing's era schema did not have yet: yields to one it had, when they fit as well


def era_of(period_end) -> int | None:
    """The era schema year a filing is read with (2008 for every filing before 2009), None after the era."""
    if period_end is None or period_end.year > ERA_END_YEAR:
        return None
    return max((year for published, year in ERA_SCHEMAS if published <= period_end), default=ERA_SCHEMAS[0][1])


@lru_cache(maxsize=1)
def _parsed() -> tuple[list[Concept], list[Concept], dict[str, int]]:
    """The catalog's files as read, the same for every era (read once: each era's catalog is made from them, its
    concepts new objects where they differ, the lists never changed)."""
    kept = parse_catalog(CATALOG_PATH)
    official = parse_official(OFFICIAL_PATH, kept)
    with open(OFFICIAL_PATH, newline="", encoding="utf-8") as fh:
        since = {r["name"]: int(r["first_schema"]) for r in csv.DictReader(fh) if r.get("first_schema")}
    return kept, official, since


@lru_cache(maxsize=4)
def load_catalog(era: int | None = None) -> Catalog:
    """The catalog: the hand-kept rows with their wordings and the official statement concepts.

    With `era` (the schema year from `era_of`), for a filing of the pre-XBRL era: a kept concept that came with a later standard (absent from the
    official 2009 and 2011 schemas: ASC 606 `RevenueFromContractWithCustomer...`, `ContractWithCustomerLiability`)
    gives way to the era's concept for the same meaning that the 2024 taxonomy still holds (the `era_counterpart`
    column: Revenues, DeferredRevenueCurrent; and the 2011 pretax income concept for a filing read with the
    2008 or 2009 schema, the pretax concept those had), which takes over its wordings; the later concept keeps its
    `era_counterpart` and scores lower (LATER), so it is chosen only where the era's concept is taken by
    another row ("Net sales" above "Total revenues"). A later concept with no counterpart (the era's name was
    deprecated without a successor of the era) stays as it is: the 2024 taxonomy offers nothing older for it.
    A concept that the era schema of the filing did not declare yet (first declared in 2011, for a filing of 2010)
    scores a little lower (NEWER): of two that fit as well, the one its filer could have used.
    Without `era` no concept carries an `era_counterpart` or a lower weight."""
    kept, official, since = _parsed()
    kept = [replace(c, since=since.get(c.name, c.since)) for c in kept]
    if era is not None:
        later = {c.name: c for c in kept if c.era_counterpart and c.since > era}
        by_name = {c.name: c for c in kept + official}
        taken: dict[str, Concept] = {}
        for c in later.values():
            target = taken.get(c.era_counterpart) or by_name[c.era_counterpart]
            taken[target.name] = replace(target, aliases=tuple(dict.fromkeys(target.aliases + (c.label.lower(),) +
                                                                            c.aliases)), kept=True)
        kept = [taken.pop(c.name, c) for c in kept]
        official = [taken.pop(c.name, c) for c in official]
        kept, official = ([replace(c, era_weight=LATER if c.name in later else NEWER if c.since > era else 1.0,
                                   era_counterpart=c.era_counterpart if c.name in later else "")
                           for c in part] for part in (kept, official))
    else:
        kept = [replace(c, era_counterpart="") if c.era_counterpart else c for c in kept]
    return Catalog(kept + official)

"""The concept catalog: what the converter knows of US-GAAP and dei concepts (taxonomy/concepts.csv)."""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from .model import Concept
from .resources import TAXONOMY_DIR

CATALOG_PATH = TAXONOMY_DIR / "concepts.csv"
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
# residual amounts (what is left when liabilities are taken from assets) are negative in a deficit
_RESIDUAL = re.compile(r"Equity(?!.*Method)|RetainedEarnings|MinorityInterest|PartnersCapital|MembersEquity|"
                       r"NetAssets|Deficit", re.I)


def both_ways(text: str) -> bool:
    """True when a label names both directions: "Income (Loss)", "Cash paid (received)"."""
    return bool(_BOTH_WAYS.search(text))


def never_negative(c: Concept | None) -> bool:
    """True for a concept whose amount cannot be below zero: a share count, or a monetary concept with a balance
    whose standard label does not name the opposite direction and that is not a residual (equity)."""
    if c is None or c.extension or c.abstract:
        return False
    if c.type == "shares":
        return True
    if c.type != "monetary" or not c.balance:
        return False
    if _BOTH_WAYS.search(c.label) or _BOTH_WAYS_NAME.search(c.name):
        return False
    if _RESIDUAL.search(c.name) and c.name != "LiabilitiesAndStockholdersEquity":
        return False
    return True


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
                c = self.by_name.get(todo.pop())
                for p in (c.parents if c else ()):
                    if p not in out:
                        out.add(p)
                        todo.append(p)
            cache[name] = tuple(sorted(out))
        return cache[name]

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
                axis=r.get("axis", "") or "", parents=tuple((r.get("parents") or "").split())))
    return out


def parse_official(path: Path, kept: list[Concept]) -> list[Concept]:
    """The numeric US-GAAP items the official 2024 statement linkbases place on a statement
    (taxonomy/official_concepts.csv, built by taxonomy/build_catalog.py from official files only), not deprecated
    and not already kept by hand. Every one was in the official 2011 schema, so none comes from a later standard
    (ASC 606 revenue, ASC 842 leases): a concept an era filer could have used. Known by the words of its name."""
    known = {c.name for c in kept}
    out: list[Concept] = []
    weights: dict[str, list[tuple[str, int]]] = {}
    balance: dict[str, str] = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            weights[r["name"]] = [(p, int(w)) for p, w in (a.split(":") for a in r["calc_parents"].split())]
            balance.setdefault(r["name"], r["balance"])
            kind = _OFFICIAL_TYPES.get(r["type"])
            tags = tuple(dict.fromkeys(_OFFICIAL_STATEMENTS[t] for t in r["statements"].split()
                                       if t in _OFFICIAL_STATEMENTS))
            if kind is None or not tags or r["abstract"] != "false" or r["deprecated"] or r["name"] in known or \
                    r["substitution_group"] != "xbrli:item" or r["period_type"] not in ("instant", "duration") or \
                    (kind == "monetary" and r["balance"] not in ("debit", "credit", "")):
                continue
            if (set(tags) == {"bs"} and r["period_type"] != "instant") or \
                    (set(tags) <= {"is", "cf"} and r["period_type"] != "duration"):
                continue  # a period type at odds with the only statements that place it: details of those
            out.append(Concept(prefix="us-gaap", name=r["name"], type=kind, substitution="item",
                               period=r["period_type"], balance=r["balance"], abstract=False, label=r["words"],
                               statements=tags, aliases=(), parents=tuple(p for p, _ in weights[r["name"]]),
                               kept=False))
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
def load_catalog() -> Catalog:
    kept = parse_catalog(CATALOG_PATH)
    return Catalog(kept + parse_official(OFFICIAL_PATH, kept))

"""Label words: normalising a filer's row label and scoring it against a concept's labels."""
from __future__ import annotations

import re
from functools import lru_cache

_STOP = {"and", "of", "the", "for", "in", "to", "a", "an", "on", "at", "by", "from", "with", "its", "their", "as",
         "reported", "is", "are", "be", "which", "all", "any", "such", "period", "note", "notes", "see", "into",
         "amount", "amounts", "respectively", "during", "deduct", "add", "plus", "ended", "ending"}
_WEAK = {"total", "net", "other", "income", "expense", "cost", "costs", "current", "value", "account", "accounts",
         "stock", "share", "shares", "cash", "operating", "activity", "item", "items", "change", "changes"}
_SYNONYMS = {
    "shareholder": "stockholder", "shareowner": "stockholder", "stockholder": "stockholder",
    "earning": "income", "profit": "income", "sale": "sales", "revenue": "revenue",
    "expenditure": "expense", "outlay": "expense", "charge": "charge", "borrowing": "debt",
    "purchase": "purchase", "acquisition": "acquisition", "equivalent": "equivalent",
    "decrease": "increase", "provided": "provided", "used": "provided", "generated": "provided", "loss": "income", "deficit": "deficit",
    "plant": "plant", "fixed": "property", "receivable": "receivable", "payable": "payable",
}


def _stem(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=20000)
def tokens(text: str) -> tuple[str, ...]:
    t = text.lower()
    t = re.sub(r"\((note|notes|see note)[^)]*\)", " ", t)
    t = re.sub(r"\([^)]*\d[^)]*\)", " ", t)  # parentheticals carrying amounts or dates
    t = t.replace("&", " and ").replace("'", "").replace("\u2019", "")
    t = re.sub(r"(?<=[a-z])-(?=[a-z])", "", t)  # non-cash → noncash, paid-in → paidin
    words = re.findall(r"[a-z]+", t)
    out = []
    for w in words:
        w = _stem(w)
        w = _SYNONYMS.get(w, w)
        if w in _STOP or len(w) == 1:
            continue
        out.append(w)
    return tuple(out)


def _weight(t: str) -> float:
    return 0.35 if t in _WEAK else 1.0


def similarity(label: str, candidate: str) -> float:
    """Weighted Jaccard of the two labels' words, 1.0 for the same words."""
    a, b = set(tokens(label)), set(tokens(candidate))
    if not a or not b:
        return 0.0
    # a word cut short by the layout ("equit") still counts as its whole word
    # (looked up in sorted order: set order follows string hashing, which differs from run to run)
    ordered = sorted(b)
    a = {next((w for w in ordered if len(t) >= 5 and w.startswith(t)), t) for t in a}
    # summed in a fixed order, so equal scores stay equal from run to run (set order follows string hashing)
    inter = sum(_weight(t) for t in sorted(a & b))
    union = sum(_weight(t) for t in sorted(a | b))
    return inter / union if union else 0.0


def camel(text: str, limit: int = 90) -> str:
    """An XML name from label words: "Pro forma net (loss)" → "ProFormaNetLoss"."""
    t = text.replace("&", " and ").replace("'", "").replace("\u2019", "")
    t = re.sub(r"\$[\d,.]+", " ", t)
    words = re.findall(r"[A-Za-z0-9]+", t)
    drop = {"deduct", "add", "less", "plus", "the", "a", "an"}
    words = [w for w in words if w.lower() not in drop] or words
    name = "".join(w[:1].upper() + w[1:].lower() if not w.isupper() or len(w) > 3 else w.capitalize()
                   for w in words)
    if not name:
        name = "Item"
    if name[0].isdigit():
        name = "N" + name
    return name[:limit]

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
    "purchase": "purchase", "acquisition": "acquire", "acquired": "acquire", "equivalent": "equivalent",
    "decrease": "increase", "provided": "provided", "used": "provided", "generated": "provided", "loss": "income", "deficit": "deficit",
    "plant": "plant", "longterm": "noncurrent", "receivable": "receivable", "payable": "payable",
    "dilution": "diluted", "dilutive": "diluted",  # "shares outstanding, assuming dilution"
    "currently": "current",  # a tax note's caption "Currently payable:" over "Federal", "State"
    "accrued": "accrual",  # "Accrued warranty" is the official names' "Product Warranty Accrual"
}


# words that begin another word of a different meaning: never read as that word cut short by the layout
_WHOLE = frozenset({"warrant"})


def _stem(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("xes", "ches", "shes", "sses")):
        return w[:-2]  # taxes, losses, matches: the plural of a word in x, ch, sh or ss
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


_DEBT_PAID = re.compile(r"\b(?:principal\s+)?payments?\s+(?:on|of|under|to\s+(?:settle|retire|reduce|repay))\s+(?=(?:the\s+)?(?:(?:long|short)[\s-]?term\s+|"
                        r"other\s+|senior\s+|convertible\s+|subordinated\s+|bank\s+)*(?:debt|notes?|borrowings?|"
                        r"loans?|lines?\s+of\s+credit|credit\s+facilit\w+|mortgages?|capital\s+leases?|"
                        r"capital\s+lease\s+obligations?|lease\s+financing\s+obligations?|bonds|debentures)\b)")


# tokens' rewrites, compiled once, each tried only when the words it needs are in the text (a pattern cannot match
# without its literal words, so the text is the same; most labels need one rewrite or none)
_NOTE_REF = re.compile(r"\((note|notes|see note)[^)]*\)")
_NON_HYPHEN = re.compile(r"\bnon-(?=[a-z])")
_TERM = re.compile(r"\b(short|long)[\s-]+term\b")
_PURCHASES_OF = re.compile(r"\bpurchases?\s+of\b")
_STATE_AND_LOCAL = re.compile(r"\bstate\s+(and|&)\s+local\b")
_FOREIGN_CURRENCY = re.compile(r"\bforeign[\s-]+currency\b")
_FIXED_ASSETS = re.compile(r"\bfixed\s+assets?\b|\bproperty,?\s+plant,?\s+(and|&)\s+equipment\b")
_DEPRECIATION_OF = re.compile(r"(?<!accumulated )\b(depreciation(?:\s+(?:and|&)\s+amortization)?)\s+(?:of|on)\s+"
                              r"property and equipment\b")
_CARRY = re.compile(r"\bcarry[\s-]{1,3}(forward|back|over)")
_LETTERS = re.compile(r"[a-z]+")
_EPS = re.compile(r"\beps\b")


@lru_cache(maxsize=20000)
def tokens(text: str) -> tuple[str, ...]:
    t = text.lower()
    if "(" in t:
        t = _NOTE_REF.sub(" ", t)
        # parentheticals carrying amounts or dates (left as it was, not compiled here: on a long run of "(" with no
        # ")" it backtracks, quadratic, and tests/test_bounded holds the module's own patterns to linear time)
        t = re.sub(r"\([^)]*\d[^)]*\)", " ", t)
    t = t.replace("&", " and ").replace("'", "").replace("\u2019", "")
    # as the official labels spell them: non-cash → noncash, long-term → longterm; paid-in, equity-method apart
    if "non-" in t:
        t = _NON_HYPHEN.sub("non", t)
    if "term" in t:
        t = _TERM.sub(r"\1term", t)
    if "carry" in t:
        t = _CARRY.sub(r"carry\1", t)  # "Net operating loss carry-forwards": the official names' Carryforwards
    t = t.replace("-", " ")
    # what filers print "Purchases of X" the official names call "Payments to Acquire X" (a purchase plan stays)
    if "purchase" in t:
        t = _PURCHASES_OF.sub("payments to acquire", t)
    # "Principal payments on notes payable", "Payments on line of credit": what the official names call repayments
    if "payment" in t:
        t = _DEBT_PAID.sub("repayments of ", t)
    if "eps" in t:
        t = _EPS.sub("earnings per share", t)  # "Basic EPS", as filers abbreviate it
    if "local" in t:
        t = _STATE_AND_LOCAL.sub("state", t)  # the official names' one class of US tax, printed "State"
    if "foreign" in t:
        t = _FOREIGN_CURRENCY.sub("exchange rate", t)  # the official labels' "Effect of Exchange Rate"
    # one thing under three names: fixed assets, property and equipment, property, plant and equipment
    if "fixed" in t or "plant" in t:
        t = _FIXED_ASSETS.sub("property and equipment", t)
    # what depreciation is of goes without saying: "Depreciation of fixed assets" is depreciation (its
    # accumulation is a balance of the assets' own)
    if "depreciation" in t:
        t = _DEPRECIATION_OF.sub(r"\1", t)
    words = _LETTERS.findall(t)
    out = []
    for w in words:
        w = _stem(w)
        w = _SYNONYMS.get(w, w)
        if w in _STOP or len(w) == 1:
            continue
        out.append(w)
    return tuple(out)


WEAK = frozenset(_WEAK)


def _weight(t: str) -> float:
    return 0.35 if t in _WEAK else 1.0


@lru_cache(maxsize=50000)
def _words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """A label's words, and every prefix of 5 letters or more of them (what a word cut short can be)."""
    words = frozenset(tokens(text))
    return words, frozenset(w[:k] for w in words for k in range(5, len(w) + 1))


def word_set(text: str) -> frozenset[str]:
    """The words of a label as a set (cached)."""
    return _words(text)[0]


def _expand(t: str, b: frozenset[str]) -> str:
    """A word cut short by the layout ("equit") as the candidate's whole word: the word itself when the candidate
    has it, else the shortest (then first in alphabetical order) word it begins, so the choice never depends on a
    set's order."""
    if t in b:
        return t
    return min((w for w in b if w.startswith(t)), key=lambda w: (len(w), w))


# the same row labels meet the same concept labels in statement after statement (32768 pairs: a large filing's
# working set; at 131072 the cache held 28 MB of a worker, mostly pairs of filings long done, for no time measured)
@lru_cache(maxsize=32768)
def similarity(label: str, candidate: str) -> float:
    """Weighted Jaccard of the two labels' words, 1.0 for the same words; 0.0 at once when they share no word
    (nor a word cut short: "equit" counts as "equity")."""
    a, _ = _words(label)
    b, b_prefixes = _words(candidate)
    if not a or not b:
        return 0.0
    if a.isdisjoint(b) and a.isdisjoint(b_prefixes):
        return 0.0  # most pairs: no word in common, nothing to score
    cut = (a & b_prefixes) - b  # the label's words that only begin one of the candidate's (most pairs: none)
    if cut:
        cut -= _WHOLE  # (a word of its own that begins another: "Warrants" are no "Warranty")
    if cut:
        a = frozenset(_expand(t, b) if t in cut else t for t in a)
    union = _mass(a | b)
    return _mass(a & b) / union if union else 0.0


def _mass(words: frozenset[str]) -> float:
    """The summed weights of the words, from counts (the same whatever order a set gives its words in)."""
    weak = len(words & WEAK)
    return (len(words) - weak) + 0.35 * weak


def camel(text: str, limit: int = 90) -> str:
    """An XML name from label words: "Pro forma net (loss)" → "ProFormaNetLoss"."""
    t = text.replace("&", " and ").replace("'", "").replace("\u2019", "")
    t = re.sub(r"\$[\d,.]+", " ", t)
    # "(in thousands)" says how the amounts are printed, not what they are
    t = re.sub(r"\(\s*(in\s+)?(thousands|millions|billions|000'?s?)\s*\)", " ", t, flags=re.I) or t
    words = re.findall(r"[A-Za-z0-9]+", t)
    # an operator that opens the label ("Less: current portion") says how the row counts; inside the label
    # ("Capital lease obligations, less current portion") it says what the row is, and stays
    operators = {"deduct", "add", "less", "plus"}
    words = [w for k, w in enumerate(words)
             if w.lower() not in {"the", "a", "an"} and not (k == 0 and w.lower() in operators)] or words
    name = "".join(w[:1].upper() + w[1:].lower() if not w.isupper() or len(w) > 3 else w.capitalize()
                   for w in words)
    if not name:
        name = "Item"
    if name[0].isdigit():
        name = "N" + name
    return name[:limit]


# words that say a row measures time, a ratio, a rate or a price: at the end of the label, or in parentheses
NOT_MONEY = re.compile(r"\((in\s+)?(years?|%|percent|months|days)\)|\bin\s+years\b|\b(expected|estimated|"
                        r"remaining|average|useful|contractual)\s+(life|lives|term)\b|\bratio\b|\byield\b|"
                        r"\bvolatility\b|\b(interest|discount|dividend|tax|growth|return|exchange|forfeiture)\s+"
                        r"rates?\s*(\(.*\))?[:.]?\s*$|\bpercent(age)?\b(?!\s+of\s+(net\s+)?(sales|revenues?))|"
                        r"\b(exercise|grant|market|stock|strike|share)\s+prices?\b|\bprices?\s+per\s+share\b|"
                        # counts of people and places, never dollars: "Number of employees" beside a region's sales
                        r"\bnumber\s+of\s+(employees|stores|restaurants|locations|customers|subscribers|offices|"
                        r"branches|plants|(share|stock)holders(\s+of\s+record)?|holders\s+of\s+record)\b", re.I)


@lru_cache(maxsize=8192)  # (a label is asked again by the mapper, the builder and the rules, row after row)
def not_money(label: str) -> str:
    """The words of a row label that say its numbers are years, a ratio, a rate, a percentage or a price (not
    amounts of dollars), or ""."""
    words = re.sub(r"\(in\s+(thousands|millions|billions)[^)]*\)", " ", label, flags=re.I)
    m = NOT_MONEY.search(words)
    if m and not re.search(r"\b(amount|value|cost|costs|paid|expense|income|payments?|proceeds|fair)\b", words, re.I):
        return m.group(0)
    return ""


# a column header that names a price per share ("Weighted-average exercise price", "Price per share range") or a
# count of shares ("Number of options/SARs", "Shares (in thousands)", "No. of shares under option")
_PRICE_HEADER = re.compile(r"\b(exercise|strike|option|grant|market|stock|share|sales?|average|offering|purchase)[\s-]+"
                           r"prices?\b(?![\s-]+allocation)|\bprices?[\s-]+(per|range)\b|^\W{0,3}prices?\W{0,3}$|"
                           r"\bper[\s-]+(share|unit|option)\b", re.I)
# a count says so: "Number of options", "No. of shares", "Shares", or awards with a count's scale ("OPTIONS (IN
# 000'S)"); "Options" alone may head a derivative's notional amounts, "Units" a business
_COUNT_HEADER = re.compile(r"\b(number|no\.)\s+of\s+(\w+[\s/-]+){0,2}(shares|options|units|awards|warrants|sars|"
                           r"rsus|stock)\b|\bshares\b|\b(options|warrants|sars|rsus|units|awards)\s{0,3}"
                           r"(\(\s{0,3}(in\s+)?(thousands|millions|000'?s?)\s{0,3}\)|outstanding|exercisable|granted|"
                           r"vested|nonvested)|\b(outstanding|exercisable|vested|nonvested)\s+(options|awards|units)\b",
                           re.I)
# "Percent of Pretax Income", "% of Total": a share of something, whatever the something is
_SHARE_OF = re.compile(r"\bpercent(age)?\b|%", re.I)
_MONEY_HEADER = re.compile(r"\$|\b(amounts?|values?|prices?|costs?|proceeds|compensation|expense|income|dollars|"
                           r"fair|carrying|intrinsic)\b", re.I)


@lru_cache(maxsize=4096)
def column_measure(header: str) -> str:
    """What a column's header says its figures are: "price" (a price per share, not an amount of dollars in the
    table's scale), "not money" (years, a rate, a percentage), "count" (a number of shares, options or units), or ""
    (the header says nothing of it: amounts, as the rows say). A stock option table prints the options and their
    weighted-average exercise price side by side for each year; the price scaled as thousands of dollars was
    written as an amount (JPMorgan's $37.59 as $37,590,000) and the counts as dollars."""
    if not header or not header.strip():
        return ""
    if _PRICE_HEADER.search(header):
        return "price"
    if not_money(header) or _SHARE_OF.search(header):
        return "not money"
    if _COUNT_HEADER.search(header) and not _MONEY_HEADER.search(header):
        return "count"
    return ""


# (a small cache: its key holds the caption and title, so only a row asked again in its own table comes back,
# 3-5% of the calls; at 131072 entries it held 16 MB for that)
@lru_cache(maxsize=4096)
def coverage(label: str, context: str, name_words: str) -> float:
    """How well a concept known only by the words of its name fits a row: every word of the row's own label must
    be in the name (else 0.0), and the score is the weighted share of the name's words that the label, or the
    words around it (the caption above, a note's title), account for. "Federal" under "Current:" in "Income
    Taxes" covers most of "Current Federal Tax Expense Benefit"; a long name of which the row says little scores
    low."""
    own, name = _words(label)[0], _words(name_words)[0]
    if not own or not name or not own <= name:
        return 0.0
    around = own | _words(context)[0]
    # (summed in sorted order, as ever: the float sum is the same whatever order a set gives)
    share = sum(0.35 if t in _LIGHT else 1.0 for t in sorted(name & around)) / _name_mass(name_words)
    return share if share >= COVERAGE_MIN else 0.0


@lru_cache(maxsize=32768)
def _name_mass(name_words: str) -> float:
    return sum(_name_weight(t) for t in sorted(_words(name_words)[0]))


# in official names the words of a direction ("ExpenseBenefit", "IncreaseDecrease", "GainLoss") say little of what
# is counted; below this share of the name's words a row has not said what the concept is
_DIRECTION = {"benefit", "increase", "decrease", "gain", "loss", "losses", "gains",
              # "continuing operations": what a filer without discontinued operations leaves unsaid
              "continuing", "operation"}
COVERAGE_MIN = 0.6
_LIGHT = frozenset(_DIRECTION | _WEAK)  # the words `_name_weight` weighs 0.35


def _name_weight(t: str) -> float:
    return 0.35 if t in _DIRECTION else _weight(t)


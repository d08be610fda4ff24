"""Build taxonomy/official_concepts.csv: the US-GAAP 2024 concepts whose attributes an official file states.

The converter's own catalog (taxonomy/concepts.csv) is not touched; this is the generated catalog of issue 6, built
only from official files in ../shared/taxonomies (see history/README.md):

- names and data types: every element of us-gaap-2024.xsd (`history/lists/fintagging-us_gaap_2024_BM25.jsonl`:
  name and local type name; the 2024 schema itself is not at hand);
- substitution group, period type, balance and abstract flag: carried forward from the official 2011 schema
  (`history/xsd/us-gaap-2011-01-31.xsd`), else the 2009 one, and only when that schema gives the element the same
  local type name as 2024. A 2024 name that neither schema declares because it was renamed after 2011 takes the
  attributes of the name it replaced, when the deprecation linkbases state a one-for-one replacement (`concept` or
  `alias` steps only, the primary target; `attributes_from` is then `schema#OldName`), that old name has the same
  local type, and every old name replaced by it agrees. A concept whose period type or balance the change notes (`us-gaap-cn-ref-2017-01-31.xml`,
  the 2024 `elts/us-gaap-cn-ref-2024.xml`) say was modified after 2011 is left out: no file at hand states its 2024
  value. Concepts found in neither schema are left out too (no file states their period type or balance);
- deprecated: the year a concept still in the 2024 schema was deprecated (2022-2024), from the SEC's EDGAR resource
  (`history/deprecation/arelle-edgar-us-gaap-deprecated-concepts.json`) or the 2024 depcon linkbase;
- statements: where the 2024 statement presentation linkbases (`stm/us-gaap-stm-*-pre-2024.xml`) place the concept:
  `stm` lists the file codes (sfp-cls, soi, scf-indir, ...), `statements` their families (bs = statement of financial
  position, is = income, ci = comprehensive income, eq = equity and partners' capital, cf = cash flows);
- calc_parents: every summation-item arc of the 2024 calculation linkbases (stm/ and dis/) that has the concept as its
  child, as `Parent:+1` / `Parent:-1`; a parent this catalog leaves out (added after 2011, so no file at hand states
  its attributes) is passed through to the parents it has in turn, weights multiplied: CurrentFederalTaxExpenseBenefit
  adds into CurrentIncomeTaxExpenseBenefit through the later CurrentFederalStateAndLocalTaxExpenseBenefit;
- words: the words of the concept name (the CamelCase split FinTagging exported with the 2024 list);
- first_schema: the year of the oldest official schema of the era (2008, 2009, 2011) that declares the concept: what
  a filer of that time could have used; empty for a name renamed after 2011 (the converter leaves those to the
  hand-kept rows: a rename may carry a later standard, as SalesRevenueNet became ASC 606 revenue).

Columns: name, type, substitution_group, period_type, balance, abstract, attributes_from, deprecated, statements, stm,
calc_parents, words, first_schema. Rerun when the sources change:

    python3 taxonomy/build_catalog.py [SHARED_TAXONOMIES_DIR]
"""
from __future__ import annotations

import csv
import json
import re
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
OUT = HERE / "official_concepts.csv"
DEFAULT_SHARED = HERE.parent.parent / "shared" / "taxonomies"
XL = "{http://www.w3.org/1999/xlink}"
LINK = "{http://www.xbrl.org/2003/linkbase}"
COLUMNS = ["name", "type", "substitution_group", "period_type", "balance", "abstract", "attributes_from",
           "deprecated", "statements", "stm", "calc_parents", "words", "first_schema"]
FAMILY = {"sfp": "bs", "soi": "is", "soc": "ci", "sheci": "eq", "spc": "eq", "scf": "cf"}
SCHEMAS = ("us-gaap-2011-01-31.xsd", "us-gaap-2009-01-31.xsd")  # newest first
# every official concept schema of the era at hand, oldest first: the first that declares a name dates it
ERA_SCHEMAS = ("us-gaap-2008-03-31.xsd", "us-gaap-2009-01-31.xsd", "us-gaap-2011-01-31.xsd")


def schema_elements(text: str) -> dict[str, dict[str, str]]:
    """name -> attributes of every xs:element of an official concept schema."""
    out = {}
    for m in re.finditer(r"<xs:element\b([^>]*)>", text):
        attrs = dict(re.findall(r"([\w:-]+)=['\"]([^'\"]*)['\"]", m.group(1)))
        if "name" in attrs:
            out[attrs["name"]] = attrs
    return out


def local_type(t: str) -> str:
    return t.split(":", 1)[-1]


def modified_after_2011(data: bytes) -> dict[str, set[str]]:
    """Concepts a change-note reference linkbase marks ModifiedPeriodType / ModifiedBalanceType."""
    root = etree.fromstring(data, etree.XMLParser(huge_tree=True))
    out: dict[str, set[str]] = defaultdict(set)
    for link in root.iter(LINK + "referenceLink"):
        locs, flags = {}, {}
        for el in link:
            if not isinstance(el.tag, str):
                continue
            if el.tag == LINK + "loc":
                frag = el.get(XL + "href").split("#", 1)[1]
                if frag.startswith("us-gaap_"):
                    locs[el.get(XL + "label")] = frag[8:]
            elif el.tag == LINK + "reference":
                flags[el.get(XL + "label")] = {etree.QName(c).localname for c in el
                                               if isinstance(c.tag, str) and (c.text or "").strip() == "true"}
        for arc in link.iter(LINK + "referenceArc"):
            name = locs.get(arc.get(XL + "from"))
            kinds = flags.get(arc.get(XL + "to"), set()) & {"ModifiedPeriodType", "ModifiedBalanceType"}
            if name and kinds:
                out[name] |= kinds
    return out


def linkbase_arcs(data: bytes, arc_tag: str):
    """(from name, to name, weight) of the us-gaap arcs of one linkbase."""
    root = etree.fromstring(data, etree.XMLParser(huge_tree=True))
    for link in root:
        if not isinstance(link.tag, str):
            continue
        locs = {}
        for el in link.iter(LINK + "loc"):
            frag = el.get(XL + "href").split("#", 1)[1]
            locs[el.get(XL + "label")] = frag[8:] if frag.startswith("us-gaap_") else None
        for arc in link.iter(LINK + arc_tag):
            yield locs.get(arc.get(XL + "from")), locs.get(arc.get(XL + "to")), arc.get("weight")


def stm_code(path: str) -> str:
    """`us-gaap-2024/stm/us-gaap-stm-sfp-cls-pre-2024.xml` -> `sfp-cls`."""
    return re.sub(r"^us-gaap-stm-|-(pre|cal)-2024\.xml$", "", path.rsplit("/", 1)[-1])


def _weight(w: str) -> str:
    v = float(w)
    return f"{'+' if v > 0 else '-'}{abs(v):g}"


def build(shared: Path) -> list[dict[str, str]]:
    hist = shared / "history"
    names: dict[str, tuple[str, str]] = {}
    with open(hist / "lists" / "fintagging-us_gaap_2024_BM25.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                names[d["us_gaap_tag"]] = (d["entity_type"], d.get("text", ""))
    schemas = [(s, schema_elements((hist / "xsd" / s).read_text(encoding="utf-8"))) for s in SCHEMAS]
    declared = [(s[8:12], set(schema_elements((hist / "xsd" / s).read_text(encoding="utf-8"))))
                for s in ERA_SCHEMAS]
    modified = modified_after_2011((hist / "changenotes" / "us-gaap-cn-ref-2017-01-31.xml").read_bytes())
    edgar = json.loads((hist / "deprecation" / "arelle-edgar-us-gaap-deprecated-concepts.json").read_text())
    deprecated = {n: y[:4] for n, y in edgar.items() if int(y[:4]) <= 2024}
    stm: dict[str, set[str]] = defaultdict(set)
    parents: dict[str, set[tuple[str, str]]] = defaultdict(set)
    with zipfile.ZipFile(shared / "us-gaap-2024-partial.zip") as z:
        for n, kinds in modified_after_2011(z.read("us-gaap-2024/elts/us-gaap-cn-ref-2024.xml")).items():
            modified[n] |= kinds
        for _, _, old in linkbase_arcs(z.read("us-gaap-2024/elts/us-gaap-depcon-def-2024.xml"), "definitionArc"):
            if old:
                deprecated.setdefault(old, "2024")
        for path in sorted(z.namelist()):
            if not path.startswith("us-gaap-2024/") or "/ebp/" in path:
                continue
            if "/stm/" in path and re.search(r"-pre-2024\.xml$", path):
                code = stm_code(path)
                for a, b, _ in linkbase_arcs(z.read(path), "presentationArc"):
                    for x in (a, b):
                        if x:
                            stm[x].add(code)
            elif ("/stm/" in path or "/dis/" in path) and re.search(r"-cal-2024\.xml$", path):
                for a, b, w in linkbase_arcs(z.read(path), "calculationArc"):
                    if a and b:
                        parents[b].add((a, _weight(w)))
    renamed = renamed_from(shared, names, schemas)
    balance_of = {n: el.get("xbrli:balance", "") for _, els in reversed(schemas) for n, el in els.items()}
    rows = []
    for name in sorted(names):
        typ, words = names[name]
        src = next(((s, el[name]) for s, el in schemas if name in el and local_type(el[name].get("type", "")) == typ),
                   None) or renamed.get(name)
        if src is None or name in modified:
            continue
        schema, el = src
        old = el.get("name", name)
        balance = el.get("xbrli:balance", "")
        if old != name and not balance and typ == "monetaryItemType":
            # renamed after 2011 and the old name stated no balance: the 2024 calculation arcs imply it, or it is
            # left out (a monetary concept of 2024 without a balance is not something to guess)
            balance = balance_from_parents(name, parents, balance_of)
            if not balance:
                continue
        codes = sorted(stm.get(name, ()))
        fams = sorted({FAMILY[c.split("-")[0]] for c in codes if c.split("-")[0] in FAMILY})
        rows.append({
            "name": name,
            "type": typ,
            "substitution_group": el.get("substitutionGroup", ""),
            "period_type": el.get("xbrli:periodType", ""),
            "balance": balance,
            "abstract": "true" if el.get("abstract") == "true" else "false",
            "attributes_from": schema,
            "deprecated": deprecated.get(name, ""),
            "statements": " ".join(fams),
            "stm": " ".join(codes),
            "calc_parents": " ".join(f"{p}:{w}" for p, w in sorted(parents.get(name, ()))),
            "words": words,
            # a renamed concept's name came after the era, whatever its old name's age: "" (no era schema declares it)
            "first_schema": next((year for year, els in declared if name in els), ""),
        })
    kept = {r["name"] for r in rows}
    for r in rows:
        r["calc_parents"] = " ".join(f"{p}:{w}" for p, w in sorted(bridged(r["name"], parents, kept)))
    return rows


def bridged(name: str, parents: dict[str, set[tuple[str, str]]], kept: set[str],
            seen: frozenset[str] = frozenset()) -> set[tuple[str, str]]:
    """The concepts of `kept` that the official calculations add `name` into: directly, or through parents left
    out of the catalog (their weights multiplied)."""
    out: set[tuple[str, str]] = set()
    for p, w in parents.get(name, ()):
        if p in kept:
            out.add((p, w))
        elif p not in seen:
            for q, v in bridged(p, parents, kept, seen | {name, p}):
                out.add((q, _weight(str(float(w) * float(v)))))
    return out


_ONE_FOR_ONE = re.compile(r"^(concept|alias)(>(concept|alias))*$")


def renamed_from(shared: Path, names: dict[str, tuple[str, str]], schemas) -> dict[str, tuple[str, dict[str, str]]]:
    """2024 name -> (schema#OldName, the old element's attributes) for names the deprecation linkbases give as the
    one-for-one replacement of a name an old schema declares with the same local type; left out when two old names
    disagree on an attribute."""
    sys.path.insert(0, str(HERE))
    import build_deprecations
    found: dict[str, list[tuple[str, dict[str, str]]]] = defaultdict(list)
    for r in build_deprecations.build(*build_deprecations.read_sources(shared)):
        new, old = r["replacement"], r["deprecated"]
        if r["status"] != "resolved" or r["role"] != "primary" or not _ONE_FOR_ONE.match(r["relation"]) or \
                new not in names or any(new in el for _, el in schemas):
            continue
        src = next(((s, el[old]) for s, el in schemas if old in el and
                    local_type(el[old].get("type", "")) == names[new][0]), None)
        if src is not None:
            found[new].append((f"{src[0]}#{old}", src[1]))
    keys = ("substitutionGroup", "xbrli:periodType", "abstract")
    out = {}
    for new, srcs in found.items():
        balances = {el.get("xbrli:balance", "") for _, el in srcs} - {""}
        if len({tuple(el.get(k, "") for k in keys) for _, el in srcs}) == 1 and len(balances) <= 1:
            # the one that states a balance (old names of the PeriodIncreaseDecrease kind stated none)
            src, el = min(srcs, key=lambda x: (not x[1].get("xbrli:balance"), x[0]))
            out[new] = (src, el)
    return out


def balance_from_parents(name: str, parents: dict[str, set[tuple[str, str]]], balance_of: dict[str, str]) -> str:
    """The balance a monetary concept must have for its 2024 calculation arcs to be consistent (XBRL 2.1 5.1.1.2:
    weight +1 between items of the same balance, -1 between opposite ones), when every parent of known balance
    agrees; "" when none is known or they disagree."""
    flip = {"debit": "credit", "credit": "debit"}
    implied = {balance_of[p] if w == "+1" else flip[balance_of[p]]
               for p, w in parents.get(name, ()) if balance_of.get(p) in flip}
    return implied.pop() if len(implied) == 1 else ""


def write(rows: list[dict[str, str]], path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main(argv: list[str]) -> int:
    shared = Path(argv[0]) if argv else DEFAULT_SHARED
    rows = build(shared)
    write(rows, OUT)
    print(f"{OUT}: {len(rows)} concepts; {sum(not r['deprecated'] for r in rows)} not deprecated; "
          f"{sum(r['abstract'] == 'false' for r in rows)} not abstract; {sum(bool(r['stm']) for r in rows)} on a "
          f"statement; {sum(bool(r['calc_parents']) for r in rows)} with calculation parents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

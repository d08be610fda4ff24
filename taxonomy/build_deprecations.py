"""Build taxonomy/deprecations.csv: every US-GAAP name deprecated between 2009 and 2024, with what it became in 2024.

Sources (all official FASB files, read as they are):
- the deprecation linkbases `us-gaap-dep-def-YYYY-01-31.xml` (2009, 2011-2017) and `us-gaap-depcon-def-2018-01-31.xml`
  in `../shared/taxonomies/history/dep/`, and `elts/us-gaap-depcon-def-2024.xml` inside
  `../shared/taxonomies/us-gaap-2024-partial.zip`. In each arc the `from` end is the concept to use and the `to` end is
  the deprecated concept; the arcrole says how they relate;
- which names are current in 2024: the list of every element of us-gaap-2024.xsd
  (`history/lists/fintagging-us_gaap_2024_BM25.jsonl`), minus the names that the SEC's EDGAR resource
  (`history/deprecation/arelle-edgar-us-gaap-deprecated-concepts.json`) or the 2024 depcon linkbase say were deprecated
  in 2024 or earlier (the 2024 schema still carries the names deprecated in 2022-2024);
- deprecated names for which no file gives a replacement: the same EDGAR resource (2016-2024), the deprecated-items
  presentation linkbases `us-gaap-dep-pre-*.xml`, and the `deprecatedDate` attributes of the 2009 and 2011 schemas.

Each deprecated name takes the relations stated by the most recent file that lists it (FASB restated some
replacements in later years). Relations are chained to a 2024 name: AccountsPayable -> AccountsPayableCurrent in 2009,
then, if AccountsPayableCurrent had been deprecated in turn, on to its replacement. A name that is current in 2024 is
never mapped further, even if an old file deprecated it (it was reinstated).

Kinds of relation (arcrole), from strongest to weakest:
- `concept` (dep-concept-deprecatedConcept) and `alias` (essence-alias): one name replaced by another;
- `dimensional` (dep-dimensionallyQualifiedConcept-deprecatedConcept): the replacement concept plus an axis/member,
  listed in `qualifiers`;
- `aggregate` (dep-aggregateConcept-deprecatedPartConcept): the deprecated part is now reported in the aggregate;
- `exclusive` (dep-mutuallyExclusiveConcept-deprecatedConcept): one of several concepts, depending on use;
- `part` (dep-partConcept-deprecatedAggregateConcept): the deprecated aggregate is now reported by its parts.
At each step the strongest kind present decides: one target there is `primary` (other targets of that name become
`alternative`); several targets there make every target `ambiguous`. Along a chain the weakest role wins.

Columns of deprecations.csv, one row per (deprecated name, 2024 name it maps to):
  deprecated, replacement (empty when no file gives one; `prefix:Name` for another taxonomy),
  role (primary | alternative | ambiguous | none), status (resolved | reinstated | no-replacement |
  chain-ends-deprecated | other-taxonomy), relation (kinds along the chain, `>`-separated), qualifiers
  (axis/member names of a dimensional step), chain (names from the deprecated one to the replacement),
  sources (for each step, the files that state it; steps separated by `>`), deprecated_in (the year, from the EDGAR
  resource or a schema's deprecatedDate when one states it, else the first file that lists the name).

Rerun when the sources change:

    python3 taxonomy/build_deprecations.py [SHARED_TAXONOMIES_DIR]
"""
from __future__ import annotations

import csv
import json
import re
import sys
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
OUT = HERE / "deprecations.csv"
DEFAULT_SHARED = HERE.parent.parent / "shared" / "taxonomies"
X = "{http://www.w3.org/1999/xlink}"
TARGET_YEAR = 2024

KINDS = {  # arcrole local name -> (kind, strength: lower is stronger)
    "dep-concept-deprecatedConcept": ("concept", 0),
    "essence-alias": ("alias", 0),
    "dep-dimensionallyQualifiedConcept-deprecatedConcept": ("dimensional", 1),
    "dep-aggregateConcept-deprecatedPartConcept": ("aggregate", 2),
    "dep-mutuallyExclusiveConcept-deprecatedConcept": ("exclusive", 3),
    "dep-partConcept-deprecatedAggregateConcept": ("part", 3),
}
ROLE_RANK = {"primary": 0, "alternative": 1, "ambiguous": 2}
COLUMNS = ["deprecated", "replacement", "role", "status", "relation", "qualifiers", "chain", "sources",
           "deprecated_in"]


def _qname(href: str) -> str:
    """`us-gaap-2011-01-31.xsd#us-gaap_AccountsPayable` -> `AccountsPayable`; other taxonomies keep a prefix."""
    frag = href.split("#", 1)[1]
    prefix, _, local = frag.partition("_")
    return local if prefix == "us-gaap" else f"{prefix}:{local}"


def file_label(name: str) -> str:
    """`us-gaap-dep-def-2011-01-31.xml` -> `dep-def-2011-01-31`."""
    return re.sub(r"^us-gaap-|\.xml$", "", Path(name).name)


def file_year(label: str) -> int:
    return int(re.search(r"(\d{4})", label).group(1))


def read_arcs(data: bytes) -> list[tuple[str, str, str]]:
    """(kind, current name, deprecated name) for every deprecation arc of a definition linkbase."""
    root = etree.fromstring(data)
    out = []
    for link in root:
        if not isinstance(link.tag, str) or not link.tag.endswith("definitionLink"):
            continue
        locs = {el.get(X + "label"): _qname(el.get(X + "href"))
                for el in link if isinstance(el.tag, str) and el.tag.endswith("}loc")}
        for el in link:
            if not isinstance(el.tag, str) or not el.tag.endswith("definitionArc"):
                continue
            kind = KINDS.get(el.get(X + "arcrole", "").rsplit("/", 1)[-1])
            if kind:
                out.append((kind[0], locs[el.get(X + "from")], locs[el.get(X + "to")]))
    return out


def read_listed(data: bytes) -> set[str]:
    """Names a deprecated-items presentation linkbase lists (us-gaap only)."""
    root = etree.fromstring(data)
    return {_qname(el.get(X + "href")) for el in root.iter("{http://www.xbrl.org/2003/linkbase}loc")} - {
        "DeprecatedItems"}


@dataclass
class Step:
    target: str
    kind: str
    role: str
    qualifiers: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def _dimension_part(name: str) -> bool:
    return name.endswith(("Axis", "Member", "Domain", "ExtensibleEnumeration", "ExtensibleList"))


def direct_steps(name: str, by_file: dict[str, list[tuple[str, str]]]) -> list[Step]:
    """The replacements of one deprecated name, from the most recent file that lists it.

    by_file: file label -> [(kind, current name)] stated for `name` in that file.
    """
    latest = max(by_file, key=lambda f: (file_year(f), f))
    rels = sorted(set(by_file[latest]))
    # a dimensional relation names the concept and the axis/member that qualify it, all as `from` ends
    dim_quals = sorted(t for k, t in rels if k == "dimensional" and _dimension_part(t) and not _dimension_part(name))
    targets: dict[str, str] = {}
    for kind, target in rels:
        if kind == "dimensional" and target in dim_quals:
            continue
        if target not in targets or KIND_ORDER.index(kind) < KIND_ORDER.index(targets[target]):
            targets[target] = kind
    if not targets:  # only qualifiers: the axis/member themselves are the replacement
        targets = {t: "dimensional" for t in dim_quals}
        dim_quals = []
    best = min(KINDS_STRENGTH[k] for k in targets.values())
    strongest = [t for t, k in targets.items() if KINDS_STRENGTH[k] == best]
    steps = []
    for target, kind in sorted(targets.items(), key=lambda tk: (KINDS_STRENGTH[tk[1]], tk[0])):
        if len(strongest) == 1:
            role = "primary" if target == strongest[0] else "alternative"
        else:
            role = "ambiguous" if target in strongest else "alternative"
        files = sorted((f for f, r in by_file.items() if any(t == target for _, t in r)),
                       key=lambda f: (file_year(f), f))
        steps.append(Step(target, kind, role, dim_quals if kind == "dimensional" else [], files))
    return steps


KINDS_STRENGTH = {k: s for k, s in KINDS.values()}
KIND_ORDER = [k for k, _ in KINDS.values()]  # concept before alias when a file states both


def build(def_files: list[tuple[str, bytes]], names_2024: set[str], edgar_years: dict[str, str],
          schema_years: dict[str, str] | None = None,
          listed_deprecated: dict[str, str] | None = None) -> list[dict[str, str]]:
    """The rows of deprecations.csv.

    def_files: (label such as `dep-def-2011-01-31`, linkbase bytes), any order.
    names_2024: every element name of the 2024 us-gaap schema (deprecated ones included).
    edgar_years: name -> year it was deprecated, per the EDGAR resource (2016 on): the names deprecated as of 2024.
    schema_years: name -> year of a deprecatedDate in an old schema (shown only: a name deprecated in 2009 and
      present, undeprecated, in 2024 was reinstated).
    listed_deprecated: name -> first file that lists it as deprecated with or without a replacement.
    """
    schema_years = schema_years or {}
    listed_deprecated = listed_deprecated or {}
    stated: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    deprecated_by_target_file: set[str] = set()
    for label, data in def_files:
        for kind, current, old in read_arcs(data):
            if ":" in old:  # a deprecated name of another taxonomy
                continue
            stated[old][label].append((kind, current))
            if file_year(label) == TARGET_YEAR:
                deprecated_by_target_file.add(old)

    def year_of(name: str) -> int | None:
        y = edgar_years.get(name)
        return int(y[:4]) if y else None

    def is_current(name: str) -> bool:
        if ":" in name:
            return False
        y = year_of(name)
        return name in names_2024 and name not in deprecated_by_target_file and not (y and y <= TARGET_YEAR)

    def relations_void(name: str) -> bool:
        """Deprecated again, years after the last file that states its replacement: it was reinstated in between."""
        y = year_of(name)
        return bool(y and name in stated and y > max(file_year(f) for f in stated[name]) + 1)

    memo: dict[str, list[dict]] = {}

    def resolve(name: str, seen: tuple[str, ...]) -> list[dict]:
        """Paths from `name` (deprecated) to a final name: dicts of target, role, status, kinds, quals, chain, files."""
        if name in memo:
            return memo[name]
        paths = []
        for step in direct_steps(name, stated[name]):
            t = step.target
            head = {"role": step.role, "kinds": [step.kind], "quals": list(step.qualifiers), "chain": [name],
                    "files": [step.files]}
            if is_current(t):
                tails = [{"target": t, "role": "primary", "status": "resolved", "kinds": [], "quals": [],
                          "chain": [t], "files": []}]
            elif ":" in t:
                tails = [{"target": t, "role": "primary", "status": "other-taxonomy", "kinds": [], "quals": [],
                          "chain": [t], "files": []}]
            elif t in stated and not relations_void(t) and t not in seen:
                tails = resolve(t, seen + (t,))
            else:
                tails = [{"target": t, "role": "primary", "status": "chain-ends-deprecated", "kinds": [],
                          "quals": [], "chain": [t], "files": []}]
            for tail in tails:
                paths.append({
                    "target": tail["target"],
                    "role": max(step.role, tail["role"], key=ROLE_RANK.get),
                    "status": tail["status"],
                    "kinds": head["kinds"] + tail["kinds"],
                    "quals": head["quals"] + tail["quals"],
                    "chain": head["chain"] + tail["chain"],
                    "files": head["files"] + tail["files"],
                })
        # one row per final name: the strongest path to it
        best: dict[str, dict] = {}
        for p in paths:
            key = p["target"]
            if key not in best or (ROLE_RANK[p["role"]], len(p["chain"])) < (ROLE_RANK[best[key]["role"]],
                                                                               len(best[key]["chain"])):
                best[key] = p
        out = list(best.values())
        if sum(p["role"] == "primary" for p in out) > 1:  # two primaries through different branches
            for p in out:
                if p["role"] == "primary":
                    p["role"] = "ambiguous"
        memo[name] = out
        return out

    rows = []

    def since(name: str) -> str:
        y = edgar_years.get(name) or schema_years.get(name)
        if y:
            return y[:4]
        if name in stated:
            return str(min(file_year(f) for f in stated[name]))
        return str(file_year(listed_deprecated.get(name, "0000")))

    for name in sorted(stated):
        if is_current(name):
            rows.append({"deprecated": name, "replacement": name, "role": "primary", "status": "reinstated",
                         "relation": "", "qualifiers": "", "chain": name,
                         "sources": " ".join(sorted(stated[name], key=lambda f: (file_year(f), f))),
                         "deprecated_in": since(name)})
            continue
        if relations_void(name):
            rows.append(_none_row(name, "edgar-deprecated-concepts.json", since(name)))
            continue
        for p in sorted(resolve(name, (name,)), key=lambda p: (ROLE_RANK[p["role"]], p["target"])):
            rows.append({
                "deprecated": name,
                "replacement": p["target"],
                "role": p["role"],
                "status": p["status"],
                "relation": ">".join(p["kinds"]),
                "qualifiers": " ".join(dict.fromkeys(p["quals"])),
                "chain": ">".join(p["chain"]),
                "sources": ">".join(" ".join(fs) for fs in p["files"]),
                "deprecated_in": since(name),
            })
    unmapped = set(edgar_years) | set(schema_years) | set(listed_deprecated)
    for name in sorted(unmapped - set(stated)):
        y = year_of(name)
        if is_current(name) or (y and y > TARGET_YEAR):
            continue
        src = [s for s in (listed_deprecated.get(name),
                           f"us-gaap-{schema_years[name]}-01-31.xsd" if name in schema_years else None,
                           "edgar-deprecated-concepts.json" if name in edgar_years else None) if s]
        rows.append(_none_row(name, " ".join(src), since(name)))
    rows.sort(key=lambda r: (r["deprecated"], ROLE_RANK.get(r["role"], 3), r["replacement"]))
    return rows


def _none_row(name: str, source: str, year: str) -> dict[str, str]:
    return {"deprecated": name, "replacement": "", "role": "none", "status": "no-replacement", "relation": "",
            "qualifiers": "", "chain": name, "sources": source, "deprecated_in": year}


def read_sources(shared: Path):
    """(def_files, names_2024, edgar_years, schema_years, listed_deprecated) from ../shared/taxonomies."""
    hist = shared / "history"
    def_files = [(file_label(p.name), p.read_bytes()) for p in sorted((hist / "dep").glob("us-gaap-dep*-def-*.xml"))
                 if file_year(file_label(p.name)) <= TARGET_YEAR]
    with zipfile.ZipFile(shared / "us-gaap-2024-partial.zip") as z:
        def_files.append(("depcon-def-2024", z.read("us-gaap-2024/elts/us-gaap-depcon-def-2024.xml")))
    names_2024 = set()
    with open(hist / "lists" / "fintagging-us_gaap_2024_BM25.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                names_2024.add(json.loads(line)["us_gaap_tag"])
    schema_years: dict[str, str] = {}
    for xsd in ("us-gaap-2009-01-31.xsd", "us-gaap-2011-01-31.xsd"):
        text = (hist / "xsd" / xsd).read_text(encoding="utf-8")
        for m in re.finditer(r"<xs:element\b[^>]*>", text):
            el = m.group(0)
            d = re.search(r"deprecatedDate=['\"](\d{4})", el)
            n = re.search(r"\bname=['\"]([^'\"]+)", el)
            if d and n:
                schema_years.setdefault(n.group(1), d.group(1))
    edgar = json.loads((hist / "deprecation" / "arelle-edgar-us-gaap-deprecated-concepts.json").read_text())
    edgar_years = {k: v[:4] for k, v in edgar.items()}
    listed: dict[str, str] = {}
    for p in sorted((hist / "dep").glob("us-gaap-dep*-pre-*.xml"), key=lambda p: file_year(p.name)):
        label = file_label(p.name)
        if file_year(label) > TARGET_YEAR:
            continue
        for n in read_listed(p.read_bytes()):
            if ":" not in n:
                listed.setdefault(n, label)
    return def_files, names_2024, edgar_years, schema_years, listed


def write(rows: list[dict[str, str]], path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main(argv: list[str]) -> int:
    shared = Path(argv[0]) if argv else DEFAULT_SHARED
    rows = build(*read_sources(shared))
    write(rows, OUT)
    by = defaultdict(int)
    for r in rows:
        by[(r["status"], r["role"])] += 1
    print(f"{OUT}: {len(rows)} rows, {len({r['deprecated'] for r in rows})} deprecated names")
    for k in sorted(by):
        print(f"  {k[0]:22} {k[1]:12} {by[k]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Compare the converter with what filers submitted: the ground-truth pairs of ../shared/corpus/pairs.

For each classic pair (an HTML filing of 2009-2012 and the XBRL instance its filer submitted with it), convert the
HTML and compare, one filer fact at a time, the filer's numeric facts that carry no dimensions (us-gaap and the
filer's own extension concepts; dei cover facts are left out) with ours:

- found (recall): a fact of ours has the same period and the same value (sign aside);
- same concept (agreement), over the found facts whose filer concept is a us-gaap name: one of our facts with that
  period and value carries the filer's concept once the filer's name is mapped forward to its 2024 name(s)
  through the official deprecation chains (taxonomy/deprecations.csv; a name the files split into several counts
  if we used any of them). Not counted against us: facts on the filer's own extension concepts (no us-gaap concept
  to agree with), and facts on names deprecated with no replacement in the official files at hand (listed apart:
  the 2019-2021 linkbases are missing, and some deprecations name none);
- same sign: of the same-concept facts, how many of ours carry the filer's value with its sign (the XBRL sign
  convention is part of a fact);
- face statements apart from notes: a fact is on a face statement when the filer's presentation linkbase (EX-101.PRE)
  puts its concept in a role that the filer's schema (EX-101.SCH) defines as "Statement" (balance sheet, income,
  comprehensive income, equity, cash flows and their parentheticals); everything else is a note. A pair submitted
  without its linkbases (the split AAPL FY2010 folder) uses the statement roles of the same filer's other pairs
  (said in the output);
- extension shares: of all numeric facts (with or without dimensions), the share on extension concepts, ours
  and the filer's;
- confidence calibration: for each of our us-gaap facts that matches a filer fact eligible for agreement, its
  confidence (from report.json) and whether it carries the filer's concept.

Inline-XBRL pairs are not measured (they are recent layouts, not the pre-XBRL era).

Usage: python3 benchmarks/pairs_eval.py [PAIRS_DIR] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from lxml import etree  # noqa: E402

from edgar2xbrl import ConversionError, convert  # noqa: E402
from edgar2xbrl.tag.deprecations import load_deprecations  # noqa: E402

X = "{http://www.xbrl.org/2003/instance}"
XL = "{http://www.w3.org/1999/xlink}"
LINK = "{http://www.xbrl.org/2003/linkbase}"
STANDARD = ("fasb.org/", "xbrl.us/", "xbrl.sec.gov/")  # us-gaap, srt, dei, invest, country ... of any year
BUCKETS = [(0.9, None, ">= 0.9"), (0.7, 0.9, "0.7-0.9"), (0.5, 0.7, "0.5-0.7"), (None, 0.5, "< 0.5")]
PARTS = ("face", "notes")


@dataclass(frozen=True)
class Fact:
    namespace: str
    name: str
    period: tuple
    dimensional: bool
    value: Decimal

    @property
    def standard(self) -> bool:
        return any(s in self.namespace for s in STANDARD)

    @property
    def us_gaap(self) -> bool:
        return "us-gaap" in self.namespace

    @property
    def dei(self) -> bool:
        return "/dei/" in self.namespace


def numeric_facts(xml: bytes) -> list[Fact]:
    """Every numeric fact of an instance (with a unit and a value)."""
    root = etree.fromstring(xml, etree.XMLParser(recover=True, huge_tree=True))
    ctx = {}
    for c in root.iter(X + "context"):
        dims = c.find(f"{X}entity/{X}segment") is not None or c.find(f"{X}scenario") is not None
        p = c.find(X + "period")
        inst = p.find(X + "instant")
        period = (inst.text.strip(),) if inst is not None else \
            (p.find(X + "startDate").text.strip(), p.find(X + "endDate").text.strip())
        ctx[c.get("id")] = (period, dims)
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.get("contextRef") not in ctx or el.get("unitRef") is None:
            continue
        text = (el.text or "").strip()
        if not text:
            continue
        try:
            value = Decimal(text)
        except InvalidOperation:
            continue
        q = etree.QName(el)
        period, dims = ctx[el.get("contextRef")]
        out.append(Fact(q.namespace or "", q.localname, period, dims, value))
    return out


def documents(submission: str) -> dict[str, str]:
    """EX-101 documents of an EDGAR submission, by type (the text inside <XBRL>)."""
    out = {}
    for m in re.finditer(r"<DOCUMENT>\s*<TYPE>([^\s<]+)(.*?)</DOCUMENT>", submission, re.S):
        body = re.search(r"<XBRL>(.*?)</XBRL>", m.group(2), re.S)
        if body and m.group(1).startswith("EX-101"):
            out[m.group(1)] = body.group(1).strip()
    return out


def statement_roles(sch: str) -> set[str]:
    """Role URIs that the filer's schema defines as statements ("101 - Statement - ...")."""
    root = etree.fromstring(sch.encode(), etree.XMLParser(recover=True, huge_tree=True))
    roles = set()
    for rt in root.iter(LINK + "roleType"):
        d = rt.find(LINK + "definition")
        text = (d.text or "") if d is not None else ""
        if re.search(r"\s-\s*Statement\s*-", text, re.I):
            roles.add(rt.get("roleURI"))
    return roles


def face_concepts(sch: str, pre: str) -> set[str]:
    """Local names of the concepts the filer presents in its statement roles."""
    roles = statement_roles(sch)
    root = etree.fromstring(pre.encode(), etree.XMLParser(recover=True, huge_tree=True))
    out = set()
    for link in root.iter(LINK + "presentationLink"):
        if link.get(XL + "role") not in roles:
            continue
        for loc in link.iter(LINK + "loc"):
            frag = loc.get(XL + "href", "").split("#", 1)[-1]
            out.add(frag.split("_", 1)[-1])
    return out


@dataclass
class Pair:
    name: str
    source: Path
    instance: bytes
    cik: str
    face: set[str] | None  # None: the submission has no linkbases


def pairs(folder: Path) -> list[Pair]:
    out = []
    for d in sorted(p for p in folder.iterdir() if p.is_dir()):
        full = d / "full-submission.txt"
        if full.exists():
            text = full.read_text(errors="replace")
            docs = documents(text)
            if "EX-101.INS" not in docs:
                continue
            cik = re.search(r"CENTRAL INDEX KEY:\s*(\d+)", text)
            face = face_concepts(docs["EX-101.SCH"], docs["EX-101.PRE"]) \
                if "EX-101.SCH" in docs and "EX-101.PRE" in docs else None
            out.append(Pair(d.name, full, docs["EX-101.INS"].encode(), cik.group(1) if cik else "", face))
            continue
        xml = [p for p in d.glob("*.xml") if not p.name.endswith(".xsd.xml")]
        html = [p for p in d.iterdir() if p.suffix.lower() in (".htm", ".html")]
        if len(xml) == 1 and len(html) == 1 and b"ix:header" not in html[0].read_bytes()[:400000].lower():
            inst = xml[0].read_bytes()
            cik = re.search(rb"http://www.sec.gov/CIK['\"]\s*>\s*(\d+)", inst)
            out.append(Pair(d.name, html[0], inst, cik.group(1).decode() if cik else "", None))
    return out


def _bucket(conf: float) -> str:
    for lo, hi, label in BUCKETS:
        if (lo is None or conf >= lo) and (hi is None or conf < hi):
            return label
    return BUCKETS[-1][2]


def _period(text: str) -> tuple:
    return tuple(text.split(".."))


def evaluate(pair: Pair, face: set[str], ours: list[Fact], report: dict, dep) -> dict:
    truth = [f for f in numeric_facts(pair.instance)]
    # ours by (period, |value|): the concepts (local names, us-gaap ones marked) that carry it
    by_value: dict[tuple, set[tuple[bool, str]]] = defaultdict(set)
    signed: dict[tuple, set] = defaultdict(set)  # (name, period) -> our values with their signs
    for f in ours:
        if not f.dimensional:
            by_value[(f.period, abs(f.value))].add((f.us_gaap, f.name))
            signed[(f.name, f.period)].add(f.value)
    r = {k: {p: 0 for p in PARTS} for k in (
        "filer_facts", "filer_extension_facts", "found", "eligible", "same_concept", "same_name_before_mapping",
        "mapped_forward", "deprecated_no_replacement", "found_extension", "same_sign")}
    eligible_at: dict[tuple, set[str]] = defaultdict(set)  # (period, |v|) -> 2024 names the filer used there
    rows_at: dict[tuple, set[str]] = defaultdict(set)  # (period, |v|) -> "statement: row" of our report
    for row in report.get("rows", []):
        try:
            v = abs(Decimal(row.get("value") or ""))
        except ArithmeticError:
            continue
        if not row.get("dimensions"):
            rows_at[(_period(row.get("period") or ""), v)].add(f"{row.get('statement')}: {row.get('row')} "
                                                                 f"-> {row.get('concept')}")
    misses: list[dict] = []  # eligible filer facts we carry under another concept: what to look at next
    seen = set()
    for f in truth:
        if f.dimensional or f.dei or (f.name, f.period) in seen:
            continue
        seen.add((f.name, f.period))
        part = "face" if f.name in face else "notes"
        r["filer_facts"][part] += 1
        ext = not f.standard
        r["filer_extension_facts"][part] += ext
        names = by_value.get((f.period, abs(f.value)))
        if not names:
            continue
        r["found"][part] += 1
        if ext:
            r["found_extension"][part] += 1
            continue
        if not f.us_gaap:
            continue
        cands = set(dep.candidates(f.name))
        if not cands:
            r["deprecated_no_replacement"][part] += 1
            continue
        r["eligible"][part] += 1
        r["mapped_forward"][part] += dep.is_deprecated(f.name)
        ours_gaap = {n for g, n in names if g}
        r["same_concept"][part] += bool(ours_gaap & cands)
        if not ours_gaap & cands:
            misses.append({"part": part, "filer": f.name, "ours": sorted(n for _, n in names),
                           "period": "..".join(f.period), "value": str(f.value),
                           "rows": sorted(rows_at.get((f.period, abs(f.value)), ()))})
        # of those, the sign too: the XBRL sign convention is part of the fact (a cost is positive, a decrease in
        # receivables in the cash flows is negative)
        r["same_sign"][part] += any(f.value in signed.get((n, f.period), ()) for n in ours_gaap & cands)
        r["same_name_before_mapping"][part] += f.name in ours_gaap
        eligible_at[(f.period, abs(f.value))] |= cands
    # extension shares over all numeric facts
    r["ours_numeric"] = len(ours)
    r["ours_extension"] = sum(not f.standard for f in ours)
    r["filer_numeric"] = len(truth)
    r["filer_extension"] = sum(not f.standard for f in truth)
    # calibration: our us-gaap facts (no dimensions) that match an eligible filer fact
    conf: dict[tuple, float] = {}
    for row in report.get("rows", []):
        c = row.get("concept") or ""
        if row.get("dimensions") or not c.startswith("us-gaap:"):
            continue
        key = (c.split(":", 1)[1], _period(row.get("period", "")))
        conf[key] = max(conf.get(key, 0.0), float(row.get("confidence") or 0.0))
    calib = {label: [0, 0] for _, _, label in BUCKETS}
    ext_matched = 0
    for f in ours:
        if f.dimensional:
            continue
        cands = eligible_at.get((f.period, abs(f.value)))
        if not cands:
            continue
        if not f.us_gaap:
            ext_matched += not f.standard
            continue
        b = calib[_bucket(conf.get((f.name, f.period), 0.0))]
        b[0] += 1
        b[1] += f.name in cands
    r["calibration"] = calib
    r["ours_extension_matched"] = ext_matched
    r["misses"] = misses
    return r


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "-"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pairs_dir", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "pairs"))
    ap.add_argument("--json", metavar="FILE", help="write every figure, per pair and in total, to FILE")
    args = ap.parse_args(argv)
    dep = load_deprecations()
    all_pairs = pairs(Path(args.pairs_dir))
    face_by_cik: dict[str, set[str]] = defaultdict(set)
    own_by_cik: dict[str, list[str]] = defaultdict(list)
    for p in all_pairs:
        if p.face is not None:
            face_by_cik[p.cik] |= p.face
            own_by_cik[p.cik].append(p.name)
    results = []
    hdr = (f"{'pair':22} {'face: filer':>11} {'found':>6} {'elig.':>6} {'same':>5}   {'notes: filer':>12} "
           f"{'found':>6} {'elig.':>6} {'same':>5}   {'ext. ours':>9} {'filer':>6}")
    print(hdr)
    with tempfile.TemporaryDirectory() as tmp:
        for pair in all_pairs:
            face = pair.face
            face_source = "own presentation linkbase"
            if face is None:
                face = face_by_cik.get(pair.cik, set())
                face_source = "statement roles of the same filer's " + ", ".join(own_by_cik.get(pair.cik, [])) \
                    if face else "none (every fact counted as a note)"
            try:
                res = convert(pair.source, Path(tmp) / pair.name, run_validation=False)
            except ConversionError as exc:
                print(f"{pair.name:22} not converted: {exc.reason}")
                results.append({"pair": pair.name, "error": exc.reason})
                continue
            instance = next(p for p in res.files if p.suffix == ".xml" and "_" not in p.name)
            r = evaluate(pair, face, numeric_facts(instance.read_bytes()), res.report, dep)
            r.update({"pair": pair.name, "cik": pair.cik, "face_statements_from": face_source,
                      "flags": len(res.report.get("needs_review") or []),
                      "rules": {k: v for k, v in (res.report.get("rules") or {}).items()}})
            results.append(r)
            f, n = ("face", "notes")
            print(f"{pair.name:22} {r['filer_facts'][f]:11} {r['found'][f]:6} {r['eligible'][f]:6} "
                  f"{r['same_concept'][f]:5}   {r['filer_facts'][n]:12} {r['found'][n]:6} {r['eligible'][n]:6} "
                  f"{r['same_concept'][n]:5}   {_pct(r['ours_extension'], r['ours_numeric']):>9} "
                  f"{_pct(r['filer_extension'], r['filer_numeric']):>6}"
                  + ("" if pair.face is not None else "   (face roles: same filer's other pairs)"))

    ok = [r for r in results if "error" not in r]
    tot: dict = {}
    for k in ("filer_facts", "filer_extension_facts", "found", "eligible", "same_concept", "same_name_before_mapping",
              "mapped_forward", "deprecated_no_replacement", "found_extension", "same_sign"):
        tot[k] = {p: sum(r[k][p] for r in ok) for p in PARTS}
        tot[k]["all"] = tot[k]["face"] + tot[k]["notes"]
    for k in ("ours_numeric", "ours_extension", "filer_numeric", "filer_extension", "ours_extension_matched"):
        tot[k] = sum(r[k] for r in ok)
    tot["calibration"] = {label: [sum(r["calibration"][label][i] for r in ok) for i in (0, 1)]
                          for _, _, label in BUCKETS}

    print(f"\n{len(ok)} of {len(results)} pairs converted. Filer facts without dimensions (us-gaap and the filer's "
          "extensions; dei left out):")
    for part in ("face", "notes", "all"):
        t = {k: tot[k][part] for k in tot if isinstance(tot[k], dict) and part in tot[k]}
        label = {"face": "face statements", "notes": "notes", "all": "all"}[part]
        print(f"  {label:16} found by period+value {t['found']} of {t['filer_facts']} "
              f"({_pct(t['found'], t['filer_facts'])}); same concept after deprecation mapping "
              f"{t['same_concept']} of {t['eligible']} ({_pct(t['same_concept'], t['eligible'])}; by the filer's "
              f"own name alone {t['same_name_before_mapping']}, {_pct(t['same_name_before_mapping'], t['eligible'])})"
              f"; not counted: {t['found_extension']} found on filer extensions, {t['deprecated_no_replacement']} "
              f"on names deprecated with no official replacement; of the same-concept facts, the filer's sign too: "
              f"{t['same_sign']} of {t['same_concept']} ({_pct(t['same_sign'], t['same_concept'])})")
    print(f"  filer names mapped forward through the deprecation chains: {tot['mapped_forward']['all']} of the "
          f"{tot['eligible']['all']} facts compared")
    flagged = [r["pair"] for r in ok if r.get("flags")]
    found = Counter()
    for r in ok:
        for rule, c in (r.get("rules") or {}).items():
            found[rule] += c.get("found", 0)
    print(f"\nConsistency rules: {len(flagged)} of {len(ok)} pairs flagged ({', '.join(flagged) or 'none'}); found on "
          "the facts as built: " + ", ".join(f"{k} {v}" for k, v in sorted(found.items()) if v))
    print(f"\nExtension concepts, share of all numeric facts: ours {tot['ours_extension']} of {tot['ours_numeric']} "
          f"({_pct(tot['ours_extension'], tot['ours_numeric'])}); the filers' {tot['filer_extension']} of "
          f"{tot['filer_numeric']} ({_pct(tot['filer_extension'], tot['filer_numeric'])})")
    print("\nConfidence calibration (our us-gaap facts without dimensions that match a filer fact by period and "
          "value):")
    print(f"  {'confidence':12} {'facts':>6} {'filer concept':>14}")
    for _, _, label in BUCKETS:
        n, ok_ = tot["calibration"][label]
        print(f"  {label:12} {n:6} {ok_:8} ({_pct(ok_, n)})")
    print(f"  (and {tot['ours_extension_matched']} of our extension facts matched such a filer fact)")
    if args.json:
        Path(args.json).write_text(json.dumps({"pairs": results, "total": tot}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
